-- Tenant 1 is the shop from the other lessons; tenant 2 is another brand on the same database.
INSERT INTO customers (tenant_id, email, full_name) VALUES
    (1, 'ana@example.com',       'Ana Lima'),
    (1, 'ben@example.com',       'Ben Okafor'),
    (2, 'chloe@other-brand.com', 'Chloe Martin'),
    (2, 'dev@other-brand.com',   'Dev Patel');

INSERT INTO orders (tenant_id, customer_id, status, total_cents) VALUES
    (1, 1, 'paid',    10400),
    (1, 2, 'shipped',  1200),
    (1, 1, 'pending',  2000),
    (2, 3, 'paid',     5600),
    (2, 4, 'shipped',  3100);

INSERT INTO addresses (customer_id, line1, city) VALUES
    (1, '12 Rua Augusta',    'Lisbon'),
    (1, '3 Praça do Comércio', 'Lisbon'),
    (2, '8 Allen Avenue',    'Lagos'),
    (3, '21 Rue Oberkampf',  'Paris');

INSERT INTO invoices (tenant_id, order_id, billing_name, amount_cents) VALUES
    (1, 1, 'Ana Lima',     10400),
    (1, 2, 'Ben Okafor',    1200),
    (2, 4, 'Chloe Martin',  5600),
    (2, 5, 'Dev Patel',     3100);

INSERT INTO support_tickets (tenant_id, subject) VALUES
    (1, 'Parcel arrived damaged'),
    (1, 'Change my delivery address'),
    (2, 'Refund not received');
