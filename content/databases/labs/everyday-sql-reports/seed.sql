-- The lesson's data (four customers, Dev has never ordered; six orders, one cancelled), plus a
-- fifth product, a headlamp nobody has bought yet.
INSERT INTO customers (email, full_name, created_at) VALUES
    ('ana@example.com',   'Ana Lima',     '2026-10-20 09:00+00'),
    ('ben@example.com',   'Ben Okafor',   '2026-10-22 17:30+00'),
    ('chloe@example.com', 'Chloe Martin', '2026-11-01 11:10+00'),
    ('dev@example.com',   'Dev Patel',    '2026-11-04 20:05+00');

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('SHOE-TR-42', 'Trail running shoes', 8900, 10),
    ('SOCK-3PK',   'Running socks',       1500, 40),
    ('BOTTLE-750', 'Water bottle',        1200, 25),
    ('CAP-RUN',    'Running cap',         2000, 15),
    ('LAMP-200',   'Headlamp',            3500, 5);

INSERT INTO orders (id, customer_id, status, total_cents, created_at) OVERRIDING SYSTEM VALUE VALUES
    (101, 1, 'paid',      10400, '2026-11-02 10:15+00'),
    (102, 2, 'shipped',    1200, '2026-11-03 08:30+00'),
    (103, 1, 'shipped',    3000, '2026-11-05 14:00+00'),
    (104, 3, 'cancelled',  1200, '2026-11-05 21:30+00'),
    (105, 2, 'paid',       5000, '2026-11-07 12:00+00'),
    (106, 1, 'pending',    2000, '2026-11-09 09:45+00');
SELECT setval(pg_get_serial_sequence('orders', 'id'), 106);

INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) VALUES
    (101, 1, 1, 8900),
    (101, 2, 1, 1500),
    (102, 3, 1, 1200),
    (103, 2, 2, 1500),
    (104, 3, 1, 1200),
    (105, 2, 2, 1500),
    (105, 4, 1, 2000),
    (106, 4, 1, 2000);
