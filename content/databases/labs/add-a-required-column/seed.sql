-- display_name: written by the new code (Ana, Emma), not yet backfilled (NULL), or stale: Chloe
-- changed her name through an old instance, which only updated full_name.
INSERT INTO customers (email, full_name, display_name) VALUES
    ('ana@example.com',   'Ana Lima',     'Ana Lima'),
    ('ben@example.com',   'Ben Okafor',   NULL),
    ('chloe@example.com', 'Chloe Duval',  'Chloe Martin'),
    ('dev@example.com',   'Dev Patel',    NULL),
    ('emma@example.com',  'Emma Schulz',  'Emma Schulz'),
    ('farid@example.com', 'Farid Nasser', NULL);

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('SHOE-TR-42', 'Trail running shoes', 8900, 10),
    ('SOCK-3PK',   'Running socks',       1500, 40),
    ('BOTTLE-750', 'Water bottle',        1200, 25),
    ('CAP-RUN',    'Running cap',         2000, 0);

INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES
    (1, 'paid',      10400, '2026-11-02 10:15+00'),
    (2, 'shipped',    1200, '2026-11-03 08:30+00'),
    (1, 'shipped',    3000, '2026-11-05 14:00+00'),
    (3, 'cancelled',  1200, '2026-11-05 21:30+00'),
    (2, 'paid',       5000, '2026-11-07 12:00+00'),
    (1, 'pending',    2000, '2026-11-09 09:45+00');
