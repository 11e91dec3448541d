INSERT INTO customers (email, full_name) VALUES
    ('ana@example.com',   'Ana Lima'),
    ('ben@example.com',   'Ben Okafor'),
    ('chloe@example.com', 'Chloe Martin'),
    ('dev@example.com',   'Dev Patel');

INSERT INTO products (sku, name, price_cents, stock, version) VALUES
    ('SHOE-TR-LTD', 'Trail running shoes, limited edition', 12900, 10, 1),
    ('SOCK-3PK',    'Running socks',                         1500, 40, 3),
    ('BOTTLE-750',  'Water bottle',                          1200, 25, 1),
    ('CAP-RUN',     'Running cap',                           2000, 15, 2);

INSERT INTO coupons (code, max_redemptions, redemptions) VALUES
    ('LAUNCH100', 100, 99),
    ('WELCOME10', 1000, 12),
    ('VIP5',      5,    0);

-- Ana's first two orders predate idempotency keys.
INSERT INTO orders (customer_id, idempotency_key, status, total_cents, created_at) VALUES
    (1, NULL,                                   'shipped', 10400, '2026-11-02 10:15+00'),
    (1, NULL,                                   'shipped',  3000, '2026-11-05 14:00+00'),
    (2, '6f1c2a9e-5b0d-4c1e-9a51-0d2f7c3b8e10', 'paid',     5000, '2026-11-07 12:00+00'),
    (1, 'b7e4d9a2-1c3f-4e8b-a6d5-2f9c0e7b1a34', 'pending',  2000, '2026-11-09 09:45+00');

INSERT INTO cart_items (customer_id, product_id, quantity) VALUES
    (4, 2, 1),
    (1, 4, 1);
