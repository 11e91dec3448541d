-- Other ids; a third tenant; tenant 2 has customers but no orders and no invoices; a customer
-- without addresses.
ALTER TABLE customers ALTER COLUMN id RESTART WITH 500;
ALTER TABLE orders ALTER COLUMN id RESTART WITH 9100;

INSERT INTO customers (tenant_id, email, full_name) VALUES
    (1, 'hidden-marker-r2l@example.org', 'Hidden-Marker-R2L'),
    (3, 'omar@third-brand.net',          'Omar Haddad'),
    (2, 'lena@other-brand.com',          'Lena Vogt'),
    (1, 'kai@example.org',               'Kai Berg'),
    (3, 'mia@third-brand.net',           'Mia Keller');

INSERT INTO orders (tenant_id, customer_id, status, total_cents) VALUES
    (1, 500, 'paid',      7700),
    (3, 501, 'paid',      1900),
    (1, 503, 'cancelled',  450),
    (3, 504, 'shipped',  12000),
    (1, 500, 'shipped',   3300);

INSERT INTO addresses (customer_id, line1, city) VALUES
    (500, '4 Hidden Lane',      'Porto'),
    (501, '19 Hamra Street',    'Beirut'),
    (501, '2 Corniche',         'Beirut'),
    (504, '7 Bahnhofstrasse',   'Zurich');

INSERT INTO invoices (tenant_id, order_id, billing_name, amount_cents) VALUES
    (1, 9100, 'Hidden-Marker-R2L', 7700),
    (3, 9101, 'Omar Haddad',       1900),
    (3, 9103, 'Mia Keller',       12000),
    (1, 9104, 'Hidden-Marker-R2L', 3300);

INSERT INTO support_tickets (tenant_id, subject) VALUES
    (3, 'Wrong size delivered'),
    (1, 'Invoice address is wrong'),
    (3, 'Cannot log in');
