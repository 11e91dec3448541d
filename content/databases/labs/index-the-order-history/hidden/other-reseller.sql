-- A different shop: 1,500 customers and 25,000 orders over about two months. Customer 42 places one
-- order in eight; one order in 150 is pending. Orders sit exactly on both midnights of 2 October.
INSERT INTO customers (email, full_name, created_at)
SELECT 'User' || lpad(g::text, 4, '0') || '@Example.com',
       CASE WHEN g = 1234 THEN 'Hidden-Marker-P3X' ELSE 'Shopper ' || g END,
       timestamptz '2026-03-01 00:00+00' + g * interval '2 hours'
FROM generate_series(1, 1500) AS g;

INSERT INTO orders (customer_id, status, total_cents, created_at)
SELECT CASE WHEN g % 8 = 3 THEN 42 ELSE 1 + (g * 7907) % 1500 END,
       CASE WHEN g % 150 = 11 THEN 'pending'
            WHEN g % 13 = 0 THEN 'cancelled'
            WHEN g % 2 = 0 THEN 'paid'
            ELSE 'shipped' END,
       (g * 53) % 30000,
       timestamptz '2026-09-20 00:00+00' + g * interval '211 seconds'
FROM generate_series(1, 25000) AS g;

INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES
    (1234, 'paid',    7777, '2026-10-02 00:00+00'),
    (1234, 'shipped', 8888, '2026-10-03 00:00+00');

ANALYZE customers;
ANALYZE orders;
