-- Harbour Physio: the first schema (2023).
CREATE TABLE patients (
  id BIGINT PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  full_name VARCHAR(200) NOT NULL,
  birth_date DATE,
  phone VARCHAR(40),
  fax VARCHAR(40),
  created_at TIMESTAMP NOT NULL DEFAULT now()
);
COMMENT ON TABLE patients IS 'People we treat';
