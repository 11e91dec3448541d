INSERT INTO order_lines (order_id, order_date, customer_email, customer_name, sku, product_name, unit_price, qty) VALUES
    (101, '2026-11-02', 'ana@example.com',   'Ana Lima',     'SHOE-TR-42',   'Trail running shoes', 89.00, 1),
    (101, '2026-11-02', 'ana@example.com',   'Ana Lima',     'SOCK-3PK',     'Running socks',       15.00, 1),
    (102, '2026-11-03', 'ben@example.com',   'Ben Okafor',   'BOTTLE-750',   'Water bottle',        12.00, 1),
    (103, '2026-11-05', 'Ana@Example.com',   'Ana Lima',     'SOCK-3PK',     'Running socks',       15.00, 2),
    (104, '2026-11-05', 'chloe@example.com', 'Chloe Martin', 'SHOE-TR-42',   'Trail running shoes', 89.00, 1),
    (105, '2026-11-07', 'BEN@example.com',   'Ben Okafor',   'BOTTLE-750',   'Water bottle',        12.00, 2),
    (106, '2026-11-09', 'chloe@example.com', 'Chloe Duval',  'SOCK-3PK',     'Running socks',       15.00, 1),
    (107, '2026-11-10', 'dev@example.com',   'Dev Patel',    'HEADLAMP-200', 'Headlamp',            35.00, 1);

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('SHOE-TR-42',   'Trail running shoes', 8900, 10),
    ('SOCK-3PK',     'Running socks',       1500, 40),
    ('BOTTLE-750',   'Water bottle',        1200, 25),
    ('HEADLAMP-200', 'Headlamp',            3500, 5);

INSERT INTO categories (slug, name) VALUES
    ('running',   'Running'),
    ('hydration', 'Hydration'),
    ('outdoor',   'Outdoor');
