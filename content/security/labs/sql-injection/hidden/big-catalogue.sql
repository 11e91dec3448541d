-- Other ids and more than 50 matches for one term (the LIMIT matters), names with quotes, equal
-- prices, and other customers to leak.
ALTER TABLE customers ALTER COLUMN id RESTART WITH 800;
ALTER TABLE products ALTER COLUMN id RESTART WITH 4000;

INSERT INTO customers (email, full_name) VALUES
    ('hidden-marker-i9j@example.org', 'Hidden-Marker-I9J'),
    ('rita@example.org',              'Rita Costa'),
    ('o''brien@example.org',          'Sean O''Brien');

INSERT INTO products (name, price_cents)
SELECT 'Trail item ' || lpad(((g * 37) % 61)::text, 2, '0'), 500 + (g % 7) * 250
FROM generate_series(1, 61) AS g;

INSERT INTO products (name, price_cents) VALUES
    ('Kids'' running socks', 1100),
    ('Sock repair kit',      1100),
    ('Runner''s headband',    950);
