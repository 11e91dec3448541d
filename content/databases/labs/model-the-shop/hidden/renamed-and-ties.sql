-- Other ids, three spellings of one address, a name that changed on a day with two orders
-- (the higher order_id wins), a latest name that sorts before the old one, a product out of stock.
ALTER TABLE products ALTER COLUMN id RESTART WITH 700;
ALTER TABLE categories ALTER COLUMN id RESTART WITH 40;

INSERT INTO order_lines (order_id, order_date, customer_email, customer_name, sku, product_name, unit_price, qty) VALUES
    (5003, '2026-10-01', 'Mia.Keller@Example.net', 'Mia Keller',        'TENT-2P',  'Two-person tent', 249.00, 1),
    (5004, '2026-10-01', 'mia.keller@example.net', 'Mia Keller',        'PEG-10',   'Tent pegs',         6.50, 3),
    (5010, '2026-10-12', 'MIA.KELLER@EXAMPLE.NET', 'Mia Zeller',        'PEG-10',   'Tent pegs',         6.50, 1),
    (5011, '2026-10-12', 'mia.keller@example.net', 'Mia Adler-Keller',  'MAT-FOAM', 'Foam mat',         19.90, 1),
    (5012, '2026-10-02', 'omar@example.org',       'Omar Haddad',       'TENT-2P',  'Two-person tent', 239.00, 1),
    (5020, '2026-10-20', 'omar@example.org',       'Omar B. Haddad',    'MAT-FOAM', 'Foam mat',         19.90, 2),
    (5021, '2026-10-21', 'marker@example.org',     'Hidden-Marker-M7Q', 'PEG-10',   'Tent pegs',         6.50, 10);

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('TENT-2P',  'Two-person tent', 24900, 0),
    ('PEG-10',   'Tent pegs',         650, 300),
    ('MAT-FOAM', 'Foam mat',         1990, 1),
    ('PATCH',    'Repair patch',        1, 12);

INSERT INTO categories (slug, name) VALUES
    ('camping', 'Camping'),
    ('sleep',   'Sleep');
