-- cnsnt: purpose=ad_profiling
-- Audiences uploaded to the ads partner every night.

-- "Recent buyers": what people bought in the last 90 days.
SELECT c.email, o.total_cents, o.placed_at
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
WHERE o.placed_at > NOW() - INTERVAL 90 DAY;

-- "Unhappy customers": built from what people wrote to support in the chat.
-- The chat was collected to answer questions, not to target ads.
SELECT c.email, m.body
FROM chat_messages AS m
JOIN customers AS c ON c.id = m.customer_id
WHERE m.body LIKE '%refund%';
