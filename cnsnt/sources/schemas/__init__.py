"""Schema sources: DDL files (and, by family, migrations and ORM models)."""
