-- A quiet week: nobody reaches the revenue threshold, one customer has only a pending order, one
-- has none, and the only sock buyer has been erased.
ALTER TABLE customers ALTER COLUMN id RESTART WITH 1000;

INSERT INTO customers (email, full_name, created_at) VALUES
    ('ines@example.net', 'Ines Moreau', '2026-11-20 08:00+00'),
    ('tom@example.net',  'Tom Weber',   '2026-11-21 08:00+00'),
    ('yuki@example.net', 'Hidden-Marker-Q1W',   '2026-11-22 08:00+00');

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('SOCK-3PK', 'Running socks',    1500, 40),
    ('BAND-HR',  'Heart-rate band',  4000, 8);

INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES
    (1001, 'shipped', 4000, '2026-12-01 08:00+00'),
    (1000, 'pending', 3000, '2026-12-01 09:00+00'),
    (NULL, 'paid',    1500, '2026-12-02 10:00+00');

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES
    (1, 2, 1, 4000),
    (2, 1, 2, 1500),
    (3, 1, 1, 1500);
