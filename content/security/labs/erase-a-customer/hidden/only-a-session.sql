-- Jonas only ever signed in: no orders, addresses, consent or messages. Other customers have data,
-- an order placed exactly at the retention cutoff, and a session that expires exactly then.
INSERT INTO users (id, email, full_name, created_at) OVERRIDING SYSTEM VALUE VALUES
    (7001,  'hidden-marker-g6d@example.org', 'Hidden-Marker-G6D', '2024-05-05 05:05+00'),
    (48213, 'jonas.becker@example.net',     'Jonas Becker',      '2026-11-29 21:00+00'),
    (7003,  'aylin@example.org',            'Aylin Demir',       '2025-02-02 12:00+00');

INSERT INTO addresses (user_id, line1, postcode, city) VALUES
    (7001, 'Am Markt 1',    '04109', 'Leipzig'),
    (7003, 'Kastanienweg 5', '50667', 'Cologne');

INSERT INTO sessions (user_id, created_at, expires_at) VALUES
    (48213, '2026-11-29 21:00+00', '2026-12-29 21:00+00'),
    (7001,  '2026-10-02 00:00+00', '2026-11-01 00:00+00'),
    (7003,  '2026-09-15 10:00+00', '2026-10-31 23:59+00');

INSERT INTO marketing_consents (user_id, consent_text, given_at) VALUES
    (7003, 'Offers from partner shops', '2025-02-02 12:01+00');

INSERT INTO support_messages (user_id, body, created_at) VALUES
    (7001, 'Invoice needed for my company.', '2026-06-06 06:06+00');

INSERT INTO orders (user_id, shipping_name, shipping_address, client_ip, total_cents, created_at) VALUES
    (7001, 'Hidden-Marker-G6D', 'Am Markt 1, 04109 Leipzig',     '203.0.113.99', 6100, '2026-11-01 00:00+00'),
    (7003, 'Aylin Demir',       'Kastanienweg 5, 50667 Cologne', '192.0.2.10',   2000, '2026-10-31 23:59+00'),
    (7003, 'Aylin Demir',       'Kastanienweg 5, 50667 Cologne', NULL,            900, '2026-07-07 07:07+00');

INSERT INTO invoices (order_id, billing_name, amount_cents, retain_until) VALUES
    (1, 'Hidden-Marker-G6D', 6100, '2036-12-31'),
    (2, 'Aylin Demir',       2000, '2036-12-31');

INSERT INTO jobs (kind, payload) VALUES
    ('send_newsletter', '{"segment": "runners"}');
