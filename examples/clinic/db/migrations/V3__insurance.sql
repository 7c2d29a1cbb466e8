-- Insurers pay for most sessions now.
ALTER TABLE patients ADD COLUMN insurance_number VARCHAR(40);
