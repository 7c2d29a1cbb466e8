"""`cnsnt init` on Rust projects: Diesel's schema.rs (or its migrations) and SeaORM's entities."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.policy.loader import load_policy
from cnsnt.starter.discover import Found, survey

SCHEMA_RS = """\
// @generated automatically by Diesel CLI.

diesel::table! {
    users (id) {
        id -> Int4,
        email -> Varchar,
        phone -> Nullable<Text>,
        date_of_birth -> Nullable<Date>,
    }
}

diesel::table! {
    orders (id) {
        id -> Int4,
        user_id -> Int4,
        shipping_address -> Text,
    }
}

diesel::joinable!(orders -> users (user_id));
"""

#: Diesel's layout: one folder per version, each with `up.sql` and the `down.sql` that undoes it.
MIGRATIONS = {
    "migrations/00000000000000_diesel_initial_setup/up.sql": "CREATE OR REPLACE FUNCTION f() RETURNS INT AS $$ "
    "SELECT 1 $$ LANGUAGE sql;\n",
    "migrations/00000000000000_diesel_initial_setup/down.sql": "DROP FUNCTION f();\n",
    "migrations/2024-01-10-120000_create_users/up.sql": "CREATE TABLE users (id SERIAL PRIMARY KEY, email VARCHAR NOT NULL);\n",
    "migrations/2024-01-10-120000_create_users/down.sql": "DROP TABLE users;\n",
    "migrations/2024-02-01-090000_add_phone/up.sql": "ALTER TABLE users ADD COLUMN phone TEXT;\n",
    "migrations/2024-02-01-090000_add_phone/down.sql": "ALTER TABLE users DROP COLUMN phone;\n",
    "migrations/seed_admins.sql": "INSERT INTO users (email) VALUES ('root@example.com');\n",
}

SEA_CUSTOMER = """\
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "customers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub phone_number: Option<String>,
    pub home_address: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
"""


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _init(root: Path) -> set[str]:
    result = CliRunner().invoke(app, ["init", str(root)])
    assert result.exit_code == 0, result.output
    policy = load_policy(root / "cnsnt.yaml")
    return {c for d in policy.data.values() for c in d.columns}


def test_init_proposes_schema_rs_and_leaves_diesel_migrations_out(tmp_path: Path):
    _write(tmp_path, {**MIGRATIONS, "src/schema.rs": SCHEMA_RS, "Cargo.toml": "[package]\nname = 'shop'\n"})
    # a temporary table declared beside the code that fills it is not the application's schema
    _write(
        tmp_path,
        {"src/jobs.rs": "diesel::table! {\n    temp_emails (email) {\n        email -> Text,\n    }\n}\n"},
    )
    found, notes = survey(tmp_path)
    assert [f for f in found if f.kind == "schemas"] == [Found("schemas", "src/schema.rs", format="diesel")]
    assert any(n.startswith("left out the Diesel migrations in migrations:") for n in notes)
    columns = _init(tmp_path)
    assert {"users.email", "users.phone", "users.date_of_birth", "orders.shipping_address"} <= columns
    assert audit_path(tmp_path).sources["tables"] == 2


def test_init_replays_diesel_migrations_as_one_entry_when_there_is_no_schema_rs(tmp_path: Path):
    _write(tmp_path, MIGRATIONS)
    found, notes = survey(tmp_path)
    # the loose script beside the version folders is no migration, and does not unmake them;
    # it restores rows of literal values: no query file either
    assert found == [Found("schemas", "migrations/*/up.sql", format="migrations")]
    assert [n.partition(":")[0] for n in notes] == ["left out 1 SQL file in migrations"]
    columns = _init(tmp_path)
    assert {
        "users.email",
        "users.phone",
    } <= columns  # the second version's ALTER replayed on the first's table
    result = audit_path(tmp_path)
    assert result.sources["tables"] == 1


def test_init_proposes_seaorm_entities_as_one_entry(tmp_path: Path):
    _write(
        tmp_path,
        {
            "entity/src/customer.rs": SEA_CUSTOMER,
            "entity/src/lib.rs": "pub mod customer;\npub mod prelude;\n",
            "entity/src/prelude.rs": "pub use super::customer::Entity as Customer;\n",
            "src/main.rs": "fn main() {}\n",
        },
    )
    found, _ = survey(tmp_path)
    assert found == [Found("schemas", "entity/src/*.rs", format="seaorm")]
    columns = _init(tmp_path)
    assert {"customers.email", "customers.phone_number", "customers.home_address"} <= columns
    result = audit_path(tmp_path)
    assert result.sources["tables"] == 1
    assert not [f for f in result.findings if f.rule == "CN001"]


def test_init_names_sea_orm_migrations_when_no_entity_is_there(tmp_path: Path):
    """sea-orm-migration's crate is Rust code cnsnt does not run: without entities, init says the tables are unread."""
    _write(
        tmp_path,
        {
            "migration/src/lib.rs": "pub use sea_orm_migration::prelude::*;\nmod m20220101_000001_create_users;\n",
            "migration/src/m20220101_000001_create_users.rs": "use sea_orm_migration::prelude::*;\n",
            "src/main.rs": "fn main() {}\n",
        },
    )
    found, notes = survey(tmp_path)
    assert found == []
    assert len(notes) == 1 and notes[0].startswith(
        "found no schema cnsnt reads, but 2 files in migration/src look like"
    )
