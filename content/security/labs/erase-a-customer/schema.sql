-- Where a customer's personal data lives in the shop, as in the lesson. No foreign key cascades:
-- deleting a user who still has rows anywhere is refused (23503).
CREATE TABLE users (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL UNIQUE,
    full_name   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE addresses (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id   bigint NOT NULL REFERENCES users (id),
    line1     text NOT NULL,
    postcode  text NOT NULL,
    city      text NOT NULL
);

CREATE TABLE sessions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);

CREATE TABLE marketing_consents (
    user_id       bigint PRIMARY KEY REFERENCES users (id),
    consent_text  text NOT NULL,   -- the wording the customer agreed to
    given_at      timestamptz NOT NULL
);

CREATE TABLE support_messages (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    body        text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE orders (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           bigint REFERENCES users (id),   -- NULL once the customer has been erased
    shipping_name     text,
    shipping_address  text,
    client_ip         inet,                           -- for fraud checks, kept 30 days
    total_cents       integer NOT NULL CHECK (total_cents >= 0),
    created_at        timestamptz NOT NULL
);

-- Kept for the tax authorities until retain_until, even after an erasure request.
CREATE TABLE invoices (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id               bigint NOT NULL REFERENCES orders (id),
    billing_name           text NOT NULL,
    amount_cents           integer NOT NULL,
    retain_until           date NOT NULL,
    processing_restricted  boolean NOT NULL DEFAULT false
);

CREATE TABLE erased_subjects (
    user_id    bigint PRIMARY KEY,
    erased_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    actor_type   text NOT NULL CHECK (actor_type IN ('customer', 'staff', 'system')),
    actor_id     text NOT NULL,
    action       text NOT NULL,
    target_type  text NOT NULL,
    target_id    text NOT NULL,
    request_id   text,
    details      jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE jobs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL,
    payload     jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
