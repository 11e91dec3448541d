CREATE TABLE customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL,
    full_name  text NOT NULL
);

CREATE TABLE products (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL,
    price_cents  integer NOT NULL CHECK (price_cents > 0)
);

-- Product search as the penetration test found it, moved into the database so that you can call it
-- from SQL: the search term is pasted into the text of the query, exactly like the lesson's Java and
-- Node.js code before the fix.
CREATE FUNCTION search_products_unsafe(q text)
RETURNS TABLE (id bigint, name text, price_cents integer)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE
        'SELECT id, name, price_cents FROM products WHERE name ILIKE ''%' || q || '%'' ORDER BY name LIMIT 50';
END
$$;
