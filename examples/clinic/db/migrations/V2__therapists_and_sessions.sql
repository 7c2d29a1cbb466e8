CREATE TABLE therapists (
  id BIGINT PRIMARY KEY,
  display_name VARCHAR(100) NOT NULL
);

CREATE TABLE sessions (
  id BIGINT PRIMARY KEY,
  patient_id BIGINT NOT NULL REFERENCES patients (id),
  therapist_id BIGINT NOT NULL REFERENCES therapists (id),
  starts_at TIMESTAMP NOT NULL,
  notes TEXT
);
COMMENT ON COLUMN sessions.notes IS 'What the therapist observed: pain, injuries, treatment';

INSERT INTO therapists (id, display_name) VALUES (1, 'Front desk'), (2, 'Room 2');
