-- Tenant 1 has signed up but has no data yet; everything belongs to tenant 2.
INSERT INTO customers (tenant_id, email, full_name) VALUES
    (2, 'ivan@other-brand.com', 'Ivan Petrov'),
    (2, 'june@other-brand.com', 'June Park');

INSERT INTO orders (tenant_id, customer_id, status, total_cents) VALUES
    (2, 1, 'paid', 2500),
    (2, 2, 'paid', 4100);

INSERT INTO addresses (customer_id, line1, city) VALUES
    (1, '10 Nevsky Prospekt', 'Saint Petersburg');

INSERT INTO invoices (tenant_id, order_id, billing_name, amount_cents) VALUES
    (2, 1, 'Ivan Petrov', 2500);

INSERT INTO support_tickets (tenant_id, subject) VALUES
    (2, 'Hidden-Marker-E7T: where is my parcel?');
