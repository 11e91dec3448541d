-- Other ids; only 2 limited shoes left; someone saved the socks after the admin loaded version 3;
-- a coupon used up exactly; a customer with two orders that have no key; Dev's cart is empty.
ALTER TABLE customers ALTER COLUMN id RESTART WITH 300;
ALTER TABLE products ALTER COLUMN id RESTART WITH 80;

INSERT INTO customers (email, full_name) VALUES
    ('hidden-marker-t4w@example.org', 'Hidden-Marker-T4W'),
    ('dev@example.com',               'Dev Patel'),
    ('rita@example.org',              'Rita Costa');

INSERT INTO products (sku, name, price_cents, stock, version) VALUES
    ('BOTTLE-750',  'Water bottle',                          1200, 0, 1),
    ('SOCK-3PK',    'Running socks, three pairs',            1550, 18, 4),
    ('SHOE-TR-LTD', 'Trail running shoes, limited edition', 12900, 2, 7);

INSERT INTO coupons (code, max_redemptions, redemptions) VALUES
    ('LAUNCH100', 100, 100),
    ('SPRING25',  25,  3);

INSERT INTO orders (customer_id, idempotency_key, status, total_cents) VALUES
    (302, NULL,                                   'paid',      1200),
    (302, NULL,                                   'cancelled', 1550),
    (300, '0a9d8c7b-6e5f-4a3b-8c2d-1e0f9a8b7c6d', 'paid',     12900),
    (301, '0a9d8c7b-6e5f-4a3b-8c2d-1e0f9a8b7c6d', 'pending',   1550);

INSERT INTO cart_items (customer_id, product_id, quantity) VALUES
    (300, 82, 1);
