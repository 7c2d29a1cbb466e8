-- Version 10 runs after 3 (Flyway compares versions as numbers, not names).
ALTER TABLE patients RENAME COLUMN phone TO mobile_phone;
ALTER TABLE patients DROP COLUMN fax;
ALTER TABLE sessions ALTER COLUMN notes TYPE TEXT;
-- The old contact form table was removed by hand years ago.
ALTER TABLE contact_requests DROP COLUMN message;
