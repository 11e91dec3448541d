-- The multi-tenant shop from the lesson. Three database roles, none of them a superuser:
--   shop_migrator  runs the migrations and owns every table;
--   shop_app       the API's role: reads and writes rows, owns nothing;
--   shop_support   the support desk's read-only role.
-- You are connected as postgres, a superuser, whom row-level security never applies to.
CREATE ROLE shop_migrator NOLOGIN;
CREATE ROLE shop_app NOLOGIN;
CREATE ROLE shop_support NOLOGIN;

CREATE TABLE customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint NOT NULL,
    email      text NOT NULL,
    full_name  text NOT NULL
);

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint NOT NULL,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    status       text NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    total_cents  integer NOT NULL CHECK (total_cents >= 0)
);

CREATE TABLE addresses (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    line1        text NOT NULL,
    city         text NOT NULL
);

-- Invoices already have their tenant policy (see the lesson's warning about owners).
CREATE TABLE invoices (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     bigint NOT NULL,
    order_id      bigint NOT NULL REFERENCES orders (id),
    billing_name  text NOT NULL,
    amount_cents  integer NOT NULL
);
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoices
    USING (tenant_id = current_setting('app.tenant_id')::bigint)
    WITH CHECK (tenant_id = current_setting('app.tenant_id')::bigint);

-- Support tickets: tenant isolation, plus a policy someone added while debugging a ticket.
CREATE TABLE support_tickets (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  bigint NOT NULL,
    subject    text NOT NULL
);
ALTER TABLE support_tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON support_tickets
    USING (tenant_id = current_setting('app.tenant_id')::bigint);
CREATE POLICY support_read_all ON support_tickets FOR SELECT
    USING (true);

ALTER TABLE customers OWNER TO shop_migrator;
ALTER TABLE orders OWNER TO shop_migrator;
ALTER TABLE addresses OWNER TO shop_migrator;
ALTER TABLE invoices OWNER TO shop_migrator;
ALTER TABLE support_tickets OWNER TO shop_migrator;

GRANT SELECT, INSERT, UPDATE, DELETE ON customers, orders, addresses, invoices, support_tickets
    TO shop_app;
GRANT SELECT ON customers, orders, support_tickets TO shop_support;
