-- 2,000 customers and 40,000 orders over about 80 days. Customer 42 is the reseller: every tenth
-- order is theirs. About one order in 200 is still pending.
INSERT INTO customers (email, full_name, created_at)
SELECT 'User' || lpad(g::text, 4, '0') || '@Example.com',
       'Customer ' || g,
       timestamptz '2026-06-01 00:00+00' + g * interval '1 hour'
FROM generate_series(1, 2000) AS g;

INSERT INTO orders (customer_id, status, total_cents, created_at)
SELECT CASE WHEN g % 10 = 0 THEN 42 ELSE 1 + (g * 7919) % 2000 END,
       CASE WHEN g % 200 = 7 THEN 'pending'
            WHEN g % 17 = 0 THEN 'cancelled'
            WHEN g % 3 = 0 THEN 'paid'
            ELSE 'shipped' END,
       500 + (g * 37) % 20000,
       timestamptz '2026-09-01 00:00+00' + g * interval '173 seconds'
FROM generate_series(1, 40000) AS g;

-- An order placed exactly at midnight, the edge of a day.
INSERT INTO orders (customer_id, status, total_cents, created_at)
VALUES (7, 'paid', 4200, '2026-10-03 00:00+00');

ANALYZE customers;
ANALYZE orders;
