-- Exactly 3 limited shoes left; the socks are still at version 3 but with another price; Dev already
-- has 5 packs of socks in the cart; a coupon with a limit of 5.
ALTER TABLE customers ALTER COLUMN id RESTART WITH 7000;
ALTER TABLE products ALTER COLUMN id RESTART WITH 7000;

INSERT INTO customers (email, full_name) VALUES
    ('dev@example.com',  'Dev Patel'),
    ('june@example.net', 'Hidden-Marker-X3S');

INSERT INTO products (sku, name, price_cents, stock, version) VALUES
    ('SHOE-TR-LTD', 'Trail running shoes, limited edition', 13900, 3, 2),
    ('SOCK-3PK',    'Running socks',                         1450, 60, 3);

INSERT INTO coupons (code, max_redemptions, redemptions) VALUES
    ('STAFF5', 5, 4);

INSERT INTO orders (customer_id, idempotency_key, status, total_cents) VALUES
    (7001, 'c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f', 'paid', 13900);

INSERT INTO cart_items (customer_id, product_id, quantity) VALUES
    (7000, 7001, 5),
    (7001, 7000, 1);
