-- Ids from 995 to 1006, so a batch of ids up to 1000 ends in the middle of the table; stale and
-- missing display names on both sides of the batch edge.
ALTER TABLE customers ALTER COLUMN id RESTART WITH 995;

INSERT INTO customers (email, full_name, display_name) VALUES
    ('p995@example.org',  'Paula Reyes',       NULL),
    ('p996@example.org',  'Hidden-Marker-B8N', 'Hidden-Marker-B8N'),
    ('p997@example.org',  'Jonas Berg',        'Jonas Bergström'),
    ('p998@example.org',  'Mina Sato',         NULL),
    ('p999@example.org',  'Olu Ade',           'Olu Ade'),
    ('p1000@example.org', 'Rafael Costa',      NULL),
    ('p1001@example.org', 'Sara Lind',         NULL),
    ('p1002@example.org', 'Tomas Novak',       'Tom Novak'),
    ('p1003@example.org', 'Uma Rao',           'Uma Rao'),
    ('p1004@example.org', 'Vera Koch',         NULL),
    ('p1005@example.org', 'Wen Li',            NULL),
    ('p1006@example.org', 'Yara Haddad',       'Yara Haddad');

INSERT INTO products (sku, name, price_cents, stock) VALUES
    ('TENT-2P', 'Two-person tent', 24900, 3),
    ('PEG-10',  'Tent pegs',         650, 300);

INSERT INTO orders (customer_id, status, total_cents, created_at) VALUES
    (995,  'paid',      24900, '2026-10-01 09:00+00'),
    (1000, 'cancelled',   650, '2026-10-02 09:00+00'),
    (1004, 'shipped',    1300, '2026-10-03 09:00+00'),
    (1006, 'pending',     650, '2026-10-04 09:00+00');
