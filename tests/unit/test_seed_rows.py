"""`seed_part`: what a statement is to a seed script (rows of literals, their setup, or other)."""

from __future__ import annotations

import pytest

from cnsnt.sql.seed_rows import SeedPart, seed_part

ROWS, SETUP, OTHER, DATABASE = SeedPart.ROWS, SeedPart.SETUP, SeedPart.OTHER, SeedPart.DATABASE
OBJECT = SeedPart.OBJECT


@pytest.mark.parametrize(
    ("dialect", "sql", "part"),
    [
        # rows of literal values
        (None, "INSERT INTO people (id, email) VALUES (1, 'ann@example.org'), (2, NULL)", ROWS),
        ("postgres", "INSERT INTO people VALUES (1, -2.5, TRUE, '{}'::jsonb, now()) ON CONFLICT DO NOTHING", ROWS),
        ("mysql", "INSERT IGNORE INTO `people` VALUES (1, _binary 'x', 0x0A)", ROWS),
        ("sqlite", "INSERT OR IGNORE INTO people VALUES (1, 'x')", ROWS),
        ("tsql", "INSERT [dbo].[people] ([id], [name]) VALUES (1, N'Ann')", ROWS),
        ("tsql", "SET IDENTITY_INSERT [people] ON\nINSERT INTO people (id) VALUES (1)", ROWS),
        ("postgres", "INSERT INTO people DEFAULT VALUES", ROWS),
        # a SELECT of literals, guarded by the row's key: ON CONFLICT DO NOTHING spelled out
        (
            "postgres",
            "INSERT INTO people (name, phone) SELECT 'Ann', '5551234' "
            "WHERE NOT EXISTS (SELECT * FROM people WHERE id=1)",
            ROWS,
        ),
        (
            "mysql",
            "INSERT INTO shop.people (name) SELECT 'Ann' FROM DUAL "
            "WHERE NOT EXISTS (SELECT 1 FROM shop.people p WHERE p.id = 1 AND (p.name = 'Ann'))",
            ROWS,
        ),
        ("postgres", "INSERT INTO people (id, name) SELECT 1, 'Ann'", ROWS),
        # placeholders, parameters, variables, queries: an application's statement
        ("mysql", "INSERT INTO people (id, email) VALUES (?, ?)", OTHER),
        ("postgres", "INSERT INTO people (id, email) VALUES ($1, $2)", OTHER),
        ("postgres", "INSERT INTO people (id, email) VALUES (:id, :email)", OTHER),
        ("postgres", "INSERT INTO people (id, email) VALUES (%(id)s, %(email)s)", OTHER),
        ("tsql", "INSERT INTO people (id) VALUES (@id)", OTHER),
        ("postgres", "INSERT INTO people (id, email) SELECT id, email FROM staff", OTHER),
        ("postgres", "INSERT INTO people (id) VALUES ((SELECT max(id) FROM staff))", OTHER),
        ("postgres", "INSERT INTO people (id) VALUES (1) RETURNING id", OTHER),
        ("postgres", "INSERT INTO people (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = excluded.id", OTHER),
        ("mysql", "INSERT INTO people (id) VALUES (1) ON DUPLICATE KEY UPDATE id = VALUES(id)", OTHER),
        ("tsql", "SET IDENTITY_INSERT [people] ON\nINSERT INTO people (id) SELECT id FROM staff", OTHER),
        # an INSERT ... SELECT that reads: another table, a column, a guard that is no key test
        ("postgres", "INSERT INTO people (name) SELECT 'Ann' FROM staff", OTHER),
        ("postgres", "INSERT INTO people (name) SELECT name WHERE NOT EXISTS (SELECT 1 FROM people WHERE id = 1)", OTHER),
        ("postgres", "INSERT INTO people (name) SELECT 'Ann' WHERE NOT EXISTS (SELECT 1 FROM staff WHERE id = 1)", OTHER),
        (
            "postgres",
            "INSERT INTO people (name) SELECT 'Ann' WHERE NOT EXISTS (SELECT 1 FROM people WHERE id = $1)",
            OTHER,
        ),
        (
            "postgres",
            "INSERT INTO people (name) SELECT 'Ann' WHERE NOT EXISTS (SELECT 1 FROM people WHERE email = name)",
            OTHER,
        ),
        (
            "postgres",
            "INSERT INTO people (name) SELECT 'Ann' WHERE NOT EXISTS "
            "(SELECT 1 FROM people JOIN staff ON staff.id = people.id WHERE people.id = 1)",
            OTHER,
        ),
        ("postgres", "INSERT INTO people (name) SELECT 'Ann' WHERE EXISTS (SELECT 1 FROM people WHERE id = 1)", OTHER),
        (
            "postgres",
            "INSERT INTO people (name) SELECT 'Ann' WHERE NOT EXISTS (SELECT 1 FROM people WHERE id > 1)",
            OTHER,
        ),
        (
            "postgres",
            "INSERT INTO people (name) SELECT 'Ann' WHERE NOT EXISTS "
            "(SELECT 1 FROM people WHERE id = (SELECT max(id) FROM staff))",
            OTHER,
        ),
        ("postgres", "INSERT INTO people (name) SELECT 'Ann' UNION SELECT name FROM staff", OTHER),
        # session, transaction and reset statements
        ("mysql", "SET NAMES utf8mb4", SETUP),
        (None, "SET FOREIGN_KEY_CHECKS = 0", SETUP),
        ("tsql", "SET IDENTITY_INSERT [dbo].[people] OFF", SETUP),
        ("mysql", "START TRANSACTION", SETUP),
        ("postgres", "BEGIN", SETUP),
        ("postgres", "COMMIT", SETUP),
        ("mysql", "LOCK TABLES `people` WRITE", SETUP),
        ("mysql", "UNLOCK TABLES", SETUP),
        ("mysql", "ALTER TABLE `people` DISABLE KEYS", SETUP),
        ("postgres", "ALTER TABLE ONLY public.people DISABLE TRIGGER ALL", SETUP),
        ("postgres", "TRUNCATE TABLE people", SETUP),
        ("tsql", "DELETE FROM [dbo].[people]", SETUP),
        ("mysql", "USE shop", SETUP),
        ("postgres", "SELECT pg_catalog.setval('public.people_id_seq', 42, true)", SETUP),
        # a database, schema or account made, access granted: a setup script's
        ("mysql", "CREATE DATABASE IF NOT EXISTS clinic", DATABASE),
        ("mysql", "CREATE USER IF NOT EXISTS 'clinic'@'%' IDENTIFIED BY 'clinic'", DATABASE),
        ("mysql", "GRANT ALL PRIVILEGES ON clinic.* TO 'clinic'@'%'", DATABASE),
        ("mysql", "FLUSH PRIVILEGES", DATABASE),
        ("postgres", "CREATE ROLE app LOGIN PASSWORD 'x'", DATABASE),
        ("postgres", "CREATE SCHEMA app", DATABASE),
        ("postgres", "GRANT SELECT ON people TO app", DATABASE),
        ("postgres", "REVOKE ALL ON people FROM app", DATABASE),
        ("postgres", "DROP DATABASE IF EXISTS clinic", DATABASE),
        ("postgres", "ALTER USER app WITH PASSWORD 'x'", DATABASE),
        ("mysql", "CREATE DATABASE clinic;\nUSE clinic", DATABASE),
        ("mysql", "CREATE DATABASE clinic;\nINSERT INTO people (id) VALUES (1)", ROWS),
        # DDL that adds no column and reads no table: an index, a sequence, a comment (fix30a)
        ("postgres", "CREATE INDEX idx_people_email ON people (email)", OBJECT),
        ("postgres", "CREATE UNIQUE INDEX IF NOT EXISTS i ON people (lower(email)) WHERE email IS NOT NULL", OBJECT),
        ("mysql", "CREATE INDEX `idx_city` ON `people` (`city`)", OBJECT),
        ("postgres", "CREATE SEQUENCE people_id_seq START 1", OBJECT),
        ("postgres", "ALTER SEQUENCE people_id_seq RESTART WITH 5", OBJECT),
        ("postgres", "COMMENT ON COLUMN people.email IS 'login address'", OBJECT),
        ("postgres", "COMMENT ON TABLE people IS 'members'", OBJECT),
        ("postgres", "CREATE INDEX i ON people (email);\nDROP INDEX IF EXISTS old_i", OBJECT),
        # statements that read columns, change the schema, or do not parse
        ("postgres", "CREATE TABLE people (id INT, email TEXT)", OTHER),
        ("postgres", "CREATE INDEX i ON people (email);\nSELECT email FROM people", OTHER),
        ("postgres", "CREATE VIEW adults AS SELECT email FROM people", OTHER),
        ("postgres", "FLUSH", OTHER),
        ("tsql", "DELETE FROM people WHERE id <> 1", OTHER),
        ("mysql", "SET @n = (SELECT count(*) FROM people)", OTHER),
        ("postgres", "SELECT email FROM people", OTHER),
        ("postgres", "UPDATE people SET email = NULL", OTHER),
        ("mysql", "ALTER TABLE `people` ADD COLUMN phone TEXT", OTHER),
        (None, "INSERT INTO people VALUES (", OTHER),
    ],
)
def test_seed_part(dialect: str | None, sql: str, part: SeedPart) -> None:
    assert seed_part(sql, dialect) is part
