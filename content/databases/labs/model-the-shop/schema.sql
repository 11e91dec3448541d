-- The spreadsheet the shop ran on, imported as it was: one row per product per order.
CREATE TABLE order_lines (
    order_id        integer NOT NULL,
    order_date      date NOT NULL,
    customer_email  text NOT NULL,
    customer_name   text NOT NULL,
    sku             text NOT NULL,
    product_name    text NOT NULL,
    unit_price      numeric(10, 2) NOT NULL,
    qty             integer NOT NULL
);

-- The new customers table, still empty.
CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text NOT NULL,
    full_name   text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- One account per address, whatever the capitalization.
CREATE UNIQUE INDEX customers_email_lower_key ON customers (lower(email));

-- A first draft of the catalogue: the columns are right, the rules are missing.
CREATE TABLE products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku          text NOT NULL,
    name         text NOT NULL,
    price_cents  integer NOT NULL,
    stock        integer NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug  text NOT NULL UNIQUE,
    name  text NOT NULL
);
