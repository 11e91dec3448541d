INSERT INTO customers (email, full_name) VALUES
    ('ana@example.com',   'Ana Lima'),
    ('ben@example.com',   'Ben Okafor'),
    ('chloe@example.com', 'Chloe Martin'),
    ('dev@example.com',   'Dev Patel');

INSERT INTO products (name, price_cents) VALUES
    ('Water bottle',          1200),
    ('Trail running shoes',   8900),
    ('Running socks',         1500),
    ('Runner''s energy gels', 1800),
    ('Headlamp',              3500),
    ('Running cap',           2000),
    ('Trail running shoes, limited edition', 12900),
    ('Sock drying rack',      900);
