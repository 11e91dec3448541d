-- Nothing dual-written yet: every display_name is missing. One product, and no orders at all.
INSERT INTO customers (email, full_name, display_name) VALUES
    ('zoe@example.net',  'Zoe Brandt', NULL),
    ('ivan@example.net', 'Hidden-Marker-F2R', NULL);

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('GIFT-CARD', 'Gift card', 5000, 1000);
