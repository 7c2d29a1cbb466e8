-- Flyway undo migration: not run going up, so not audited.
ALTER TABLE patients RENAME COLUMN mobile_phone TO phone;
ALTER TABLE patients ADD COLUMN fax VARCHAR(40);
