-- A small clinic booking app, written for cnsnt's tests: the same schema is loaded into
-- SQLite, PostgreSQL and MySQL and must give the same findings as this DDL file.
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  email VARCHAR(120) NOT NULL,
  full_name VARCHAR(120),
  phone VARCHAR(40),
  birth_date DATE,
  created_at TIMESTAMP
);

CREATE TABLE clinics (
  id INTEGER PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  city VARCHAR(80)
);

CREATE TABLE appointments (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients (id),
  clinic_id INTEGER REFERENCES clinics (id),
  starts_at TIMESTAMP NOT NULL,
  symptoms TEXT,
  ip_address VARCHAR(45)
);

CREATE VIEW patient_contacts AS SELECT id, email, phone FROM patients;
