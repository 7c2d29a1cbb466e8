-- cnsnt: purpose=reservations
-- Queries of the booking app.

INSERT INTO reservations (customer_id, reserved_for, party_size, contact_email, allergies)
VALUES ($1, $2, $3, $4, $5);

-- Kitchen screen: tonight's bookings with allergies.
SELECT reserved_for, party_size, first_name, last_name, allergies
FROM upcoming_bookings
ORDER BY reserved_for;

-- Booking confirmation page: only the name and email are shown.
SELECT * FROM customers WHERE id = $1;

UPDATE reservations SET table_number = $2 WHERE id = $1;
