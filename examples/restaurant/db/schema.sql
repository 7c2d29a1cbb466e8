-- Lakeside Bistro booking system (PostgreSQL).

CREATE TABLE schema_migrations (
    version     VARCHAR(32) PRIMARY KEY,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE customers (
    id                      SERIAL PRIMARY KEY,
    first_name              VARCHAR(80) NOT NULL,
    last_name               VARCHAR(80) NOT NULL,
    email                   VARCHAR(254) NOT NULL UNIQUE,
    phone                   VARCHAR(32),
    birth_date              DATE,
    newsletter_consent_at   TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON COLUMN customers.birth_date IS 'Added for a birthday promotion that never launched';

CREATE TABLE reservations (
    id              SERIAL PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    reserved_for    TIMESTAMPTZ NOT NULL,
    party_size      SMALLINT NOT NULL CHECK (party_size > 0),
    contact_email   VARCHAR(254) NOT NULL,
    allergies       TEXT,
    pet_name        VARCHAR(80),
    table_number    SMALLINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE menu_items (
    id          SERIAL PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    category    VARCHAR(40) NOT NULL,
    price_cents INTEGER NOT NULL
);

CREATE TABLE reviews (
    id           SERIAL PRIMARY KEY,
    customer_id  INTEGER REFERENCES customers (id),
    menu_item_id INTEGER REFERENCES menu_items (id),
    rating       SMALLINT NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body         TEXT,
    ip_address   INET,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE VIEW upcoming_bookings AS
SELECT r.id, r.reserved_for, r.party_size, c.first_name, c.last_name, r.allergies
FROM reservations AS r
JOIN customers AS c ON c.id = r.customer_id
WHERE r.reserved_for > now();
