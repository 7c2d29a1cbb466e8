-- cnsnt: purpose=treatment
SELECT p.full_name, p.email, s.starts_at
FROM sessions s JOIN patients p ON p.id = s.patient_id
WHERE s.starts_at > now();

-- cnsnt: purpose=treatment
INSERT INTO sessions (id, patient_id, therapist_id, starts_at) VALUES (1, 1, 1, now());
