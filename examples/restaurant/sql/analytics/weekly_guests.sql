-- Ad-hoc analysis someone saved: who came last week, and how to reach them.
SELECT c.first_name, c.last_name, c.phone, count(*) AS visits
FROM reservations AS r
JOIN customers AS c ON c.id = r.customer_id
WHERE r.reserved_for >= now() - interval '7 days'
GROUP BY c.first_name, c.last_name, c.phone
ORDER BY visits DESC;
