-- Other ids; orders of erased customers (customer_id NULL); two orders of one customer at the same
-- instant; an order imported late (higher id, older date); two products tied on revenue and two
-- tied at zero; a customer whose only orders were cancelled; equal order totals.
ALTER TABLE customers ALTER COLUMN id RESTART WITH 50;
ALTER TABLE products ALTER COLUMN id RESTART WITH 300;

INSERT INTO customers (email, full_name, created_at) VALUES
    ('hidden-marker-e5k@example.org', 'Hidden-Marker-E5K', '2026-08-01 10:00+00'),
    ('lena@example.org',              'Lena Vogt',         '2026-08-02 10:00+00'),
    ('sam@example.org',               'Sam Reyes',         '2026-08-03 10:00+00'),
    ('noor@example.org',              'Noor Aziz',         '2026-08-04 10:00+00'),
    ('kai@example.org',               'Kai Berg',          '2026-08-05 10:00+00');

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('SOCK-3PK',  'Running socks',   1500, 80),
    ('LAMP-USB',  'USB headlamp',    3000, 12),
    ('TENT-2P',   'Two-person tent', 24900, 3),
    ('GEL-12',    'Energy gels',     1800, 30),
    ('MAP-ALPS',  'Alps map',        1200, 9),
    ('MUG-STEEL', 'Steel mug',       1750, 20);

INSERT INTO orders (id, customer_id, status, total_cents, created_at) OVERRIDING SYSTEM VALUE VALUES
    (9001, 50,   'paid',       7500, '2026-09-01 08:00+00'),
    (9002, 50,   'shipped',    3500, '2026-09-01 19:00+00'),
    (9003, 52,   'paid',       3250, '2026-09-03 12:00+00'),
    (9004, 52,   'shipped',    3250, '2026-09-05 12:00+00'),
    (9005, 52,   'pending',    3000, '2026-09-05 12:00+00'),
    (9006, 51,   'cancelled',  3600, '2026-09-04 10:00+00'),
    (9007, NULL, 'paid',       4500, '2026-09-02 09:00+00'),
    (9008, 54,   'paid',      26400, '2026-09-06 15:00+00'),
    (9009, NULL, 'shipped',    6000, '2026-09-06 16:00+00'),
    (9010, 51,   'cancelled',  1500, '2026-09-07 09:00+00'),
    (9011, 54,   'shipped',   26400, '2026-09-08 10:00+00'),
    (9012, 50,   'cancelled',  1800, '2026-08-15 10:00+00');
SELECT setval(pg_get_serial_sequence('orders', 'id'), 9012);

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES
    (9001, 301, 2, 3000),
    (9001, 300, 1, 1500),
    (9002, 305, 2, 1750),
    (9003, 300, 1, 1500),
    (9003, 305, 1, 1750),
    (9004, 300, 1, 1500),
    (9004, 305, 1, 1750),
    (9005, 301, 1, 3000),
    (9006, 303, 2, 1800),
    (9007, 300, 3, 1500),
    (9008, 302, 1, 24900),
    (9008, 300, 1, 1500),
    (9009, 301, 2, 3000),
    (9010, 300, 1, 1500),
    (9011, 302, 1, 24900),
    (9011, 300, 1, 1500),
    (9012, 303, 1, 1800);
