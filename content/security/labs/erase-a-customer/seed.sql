-- Jonas (user 48213) asked to be erased. Mira, Paul and Leonie are other customers; order 9000
-- belonged to a customer erased in January, whose invoice is kept, restricted.
INSERT INTO users (id, email, full_name, created_at) OVERRIDING SYSTEM VALUE VALUES
    (48211, 'mira@example.com',   'Mira Hahn',    '2025-03-14 09:12+00'),
    (48212, 'paul@example.com',   'Paul Weber',   '2025-06-02 18:40+00'),
    (48213, 'jonas@example.com',  'Jonas Becker', '2025-09-21 10:03+00'),
    (48214, 'leonie@example.com', 'Leonie Braun', '2026-01-10 07:55+00');

INSERT INTO addresses (user_id, line1, postcode, city) VALUES
    (48213, 'Lindenstraße 4', '10969', 'Berlin'),
    (48211, 'Gartenstraße 8', '80331', 'Munich'),
    (48213, 'Hafenweg 12',    '20457', 'Hamburg');

INSERT INTO sessions (user_id, created_at, expires_at) VALUES
    (48213, '2026-11-28 08:00+00', '2026-12-28 08:00+00'),
    (48213, '2026-09-01 12:00+00', '2026-10-01 12:00+00'),
    (48212, '2026-10-20 19:30+00', '2026-11-19 19:30+00'),
    (48211, '2026-10-02 00:00+00', '2026-11-01 00:00+00'),
    (48214, '2026-08-01 06:45+00', '2026-08-31 06:45+00');

INSERT INTO marketing_consents (user_id, consent_text, given_at) VALUES
    (48213, 'Weekly running tips by e-mail', '2025-09-21 10:05+00'),
    (48214, 'Weekly running tips by e-mail', '2026-01-10 08:00+00');

INSERT INTO support_messages (user_id, body, created_at) VALUES
    (48213, 'My parcel went to my old address.', '2026-10-29 14:20+00'),
    (48212, 'Can I still change my order?',      '2026-11-20 16:02+00'),
    (48213, 'Please delete all my data.',        '2026-11-30 09:00+00');

INSERT INTO orders (id, user_id, shipping_name, shipping_address, client_ip, total_cents, created_at)
OVERRIDING SYSTEM VALUE VALUES
    (9000, NULL,  NULL,           NULL,                           NULL,            3100, '2025-12-01 11:00+00'),
    (9001, 48211, 'Mira Hahn',    'Gartenstraße 8, 80331 Munich', '203.0.113.7',   4500, '2026-02-10 17:25+00'),
    (9002, 48213, 'Jonas Becker', 'Lindenstraße 4, 10969 Berlin', '198.51.100.23', 8900, '2026-03-05 20:11+00'),
    (9003, 48213, 'Jonas Becker', 'Hafenweg 12, 20457 Hamburg',   '198.51.100.23', 1500, '2026-10-28 07:30+00'),
    (9004, 48212, 'Paul Weber',   'Ringstraße 1, 50667 Cologne',  '192.0.2.44',    2300, '2026-11-20 15:48+00'),
    (9005, 48213, 'Jonas Becker', 'Lindenstraße 4, 10969 Berlin', NULL,            1200, '2026-11-15 13:05+00');
SELECT setval(pg_get_serial_sequence('orders', 'id'), 9005);

INSERT INTO invoices (order_id, billing_name, amount_cents, retain_until, processing_restricted) VALUES
    (9000, 'Ines Roth',    3100, '2035-12-31', true),
    (9001, 'Mira Hahn',    4500, '2036-12-31', false),
    (9002, 'Jonas Becker', 8900, '2036-12-31', false),
    (9003, 'Jonas Becker', 1500, '2036-12-31', false),
    (9004, 'Paul Weber',   2300, '2036-12-31', false);

INSERT INTO erased_subjects (user_id, erased_at) VALUES
    (30001, '2026-01-15 10:00+00');

INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, target_type, target_id, request_id) VALUES
    ('2026-01-15 10:00+00', 'staff', 'staff-3', 'customer.erased', 'customer', '30001', 'ticket-4102');

INSERT INTO jobs (kind, payload, created_at) VALUES
    ('send_receipt', '{"orderId": 9004}', '2026-11-20 15:48+00');
