-- Jonas has a long history: an order without invoice, an invoice already under a legal hold, a
-- partner at the same address, earlier erasures and their jobs; other ids throughout.
ALTER TABLE orders ALTER COLUMN id RESTART WITH 51000;

INSERT INTO users (id, email, full_name, created_at) OVERRIDING SYSTEM VALUE VALUES
    (48213, 'jonas@example.com',  'Jonas Becker', '2023-01-01 08:00+00'),
    (48300, 'sofia@example.com',  'Sofia Becker', '2023-02-01 08:00+00'),
    (12,    'old@example.com',    'Hidden-Marker-L4H',    '2020-01-01 08:00+00');

INSERT INTO addresses (user_id, line1, postcode, city) VALUES
    (48300, 'Lindenstraße 4', '10969', 'Berlin'),
    (48213, 'Lindenstraße 4', '10969', 'Berlin'),
    (48213, 'Bergstraße 22',  '69115', 'Heidelberg'),
    (48213, 'Seeweg 3',       '78462', 'Konstanz');

INSERT INTO sessions (user_id, created_at, expires_at) VALUES
    (48213, '2026-06-01 08:00+00', '2026-07-01 08:00+00'),
    (48300, '2026-11-25 08:00+00', '2026-12-25 08:00+00'),
    (48213, '2026-11-30 08:00+00', '2026-12-30 08:00+00'),
    (12,    '2021-01-01 08:00+00', '2021-01-31 08:00+00');

INSERT INTO marketing_consents (user_id, consent_text, given_at) VALUES
    (48300, 'Weekly running tips by e-mail', '2023-02-01 08:10+00'),
    (48213, 'Offers from partner shops',     '2024-04-04 08:10+00');

INSERT INTO support_messages (user_id, body, created_at) VALUES
    (48213, 'Where is my order?',             '2024-05-01 08:00+00'),
    (48213, 'Thanks, it arrived.',            '2024-05-03 08:00+00'),
    (48300, 'Please merge our accounts.',     '2025-05-05 08:00+00'),
    (48213, 'I want my data deleted (Art. 17).', '2026-11-30 08:00+00');

INSERT INTO orders (user_id, shipping_name, shipping_address, client_ip, total_cents, created_at) VALUES
    (48213, 'Jonas Becker', 'Lindenstraße 4, 10969 Berlin',    '198.51.100.5', 12900, '2024-05-01 07:00+00'),
    (48300, 'Sofia Becker', 'Lindenstraße 4, 10969 Berlin',    '198.51.100.5',  4400, '2024-06-01 07:00+00'),
    (48213, 'Jonas Becker', 'Bergstraße 22, 69115 Heidelberg', '198.51.100.6',  3300, '2025-01-01 07:00+00'),
    (48213, 'Jonas Becker', 'Seeweg 3, 78462 Konstanz',        '198.51.100.7',     0, '2026-11-20 07:00+00'),
    (NULL,  NULL,           NULL,                              NULL,             999, '2022-02-02 07:00+00'),
    (48213, 'J. Becker',    'Seeweg 3, 78462 Konstanz',        '198.51.100.7',  5600, '2026-11-29 07:00+00');

INSERT INTO invoices (order_id, billing_name, amount_cents, retain_until, processing_restricted) VALUES
    (51000, 'Jonas Becker', 12900, '2034-12-31', false),
    (51001, 'Sofia Becker',  4400, '2034-12-31', false),
    (51002, 'Jonas Becker',  3300, '2035-12-31', true),
    (51004, 'Karl Ott',       999, '2032-12-31', true),
    (51005, 'J. Becker',     5600, '2036-12-31', false);

INSERT INTO erased_subjects (user_id, erased_at) VALUES
    (10, '2022-03-01 10:00+00'),
    (11, '2023-03-01 10:00+00');

INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, target_type, target_id, request_id) VALUES
    ('2022-03-01 10:00+00', 'staff', 'staff-1', 'customer.erased', 'customer', '10', 'ticket-101'),
    ('2023-03-01 10:00+00', 'staff', 'staff-2', 'customer.erased', 'customer', '11', 'ticket-202'),
    ('2026-11-29 07:00+00', 'customer', '48213', 'address.updated', 'address', '3', NULL);

INSERT INTO jobs (kind, payload) VALUES
    ('erase_at_processors', '{"userId": 11}'),
    ('send_receipt',        '{"orderId": 51005}');
