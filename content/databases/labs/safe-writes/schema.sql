-- The shop during the flash sale. products keeps the modeling lesson's CHECK on stock; coupons and
-- orders still lack the rules the tasks add.
CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL,
    full_name   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email_lower_key ON customers (lower(email));

CREATE TABLE products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku          text NOT NULL UNIQUE,
    name         text NOT NULL,
    price_cents  integer NOT NULL CHECK (price_cents > 0),
    stock        integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    version      integer NOT NULL DEFAULT 1   -- bumped by every save from the admin form
);

CREATE TABLE coupons (
    code             text PRIMARY KEY,
    max_redemptions  integer NOT NULL,
    redemptions      integer NOT NULL DEFAULT 0
);

CREATE TABLE orders (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id      bigint NOT NULL REFERENCES customers (id),
    idempotency_key  text,   -- sent by the checkout client; orders from before it existed have none
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    total_cents      integer NOT NULL CHECK (total_cents >= 0),
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE cart_items (
    customer_id  bigint  NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    product_id   bigint  NOT NULL REFERENCES products (id),
    quantity     integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (customer_id, product_id)
);
