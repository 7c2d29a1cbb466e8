-- cnsnt: purpose=newsletter
-- Monthly export of subscribers for the mailer.

SELECT c.email, c.first_name
FROM customers AS c
WHERE c.newsletter_consent_at IS NOT NULL;

-- "Allergy-friendly menu" campaign: targets guests by what they told us about
-- their allergies when booking a table. Allergies were collected for bookings only.
SELECT DISTINCT c.email, r.allergies
FROM customers AS c
JOIN reservations AS r ON r.customer_id = c.id
WHERE c.newsletter_consent_at IS NOT NULL
  AND r.allergies ILIKE '%gluten%';
