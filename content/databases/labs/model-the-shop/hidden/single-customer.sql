-- One customer who only ever typed their address in capitals, one product, one category.
ALTER TABLE products ALTER COLUMN id RESTART WITH 9001;
ALTER TABLE categories ALTER COLUMN id RESTART WITH 9001;

INSERT INTO order_lines (order_id, order_date, customer_email, customer_name, sku, product_name, unit_price, qty) VALUES
    (1, '2025-12-31', 'ZOE@EXAMPLE.ORG', 'Zoe Brandt', 'GIFT-CARD', 'Gift card', 50.00, 1);

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('GIFT-CARD', 'Gift card', 5000, 1000);

INSERT INTO categories (slug, name) VALUES
    ('gifts', 'Hidden-Marker-M8R');
