"""A search path names its schemas as PostgreSQL does: a quoted name keeps its case (ddl40).

`SET search_path TO "Sales", public` puts unqualified names in the schema `Sales`, which
is not `sales`: its enum types were keyed under `sales`, so a column typed `"Sales".tier`
did not find its values. An unquoted name (`SET search_path TO Sales`) folds to lower case,
and a string (`'Sales'`, pg_dump's `set_config`) is taken as written.
"""

from __future__ import annotations

import pytest

from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.migrations import MigrationFile, replay_migrations

_TIER = "CREATE TYPE tier AS ENUM ('gold', 'silver');\nCREATE TABLE accounts (id int, level \"Sales\".tier, plan tier);\n"
_GOLD = "enum('gold','silver') /* tier */"


def _read(text: str) -> list[tuple[str | None, str, list[str | None]]]:
    result = parse_ddl(text, "postgres")
    assert [p.message for p in result.problems] == []
    return [(t.schema, t.name, [c.type for c in t.columns]) for t in result.tables]


@pytest.mark.parametrize(
    "path",
    [
        'SET search_path TO "Sales", public;\n',
        'SET search_path = "Sales";\n',
        'SET LOCAL search_path TO "Sales";\n',
        "SET search_path TO 'Sales';\n",
        "SELECT pg_catalog.set_config('search_path', '\"Sales\", public', false);\n",
    ],
)
def test_a_quoted_schema_on_the_path_keeps_its_case(path: str) -> None:
    text = ("BEGIN;\n" if "LOCAL" in path else "") + path + _TIER
    assert _read(text) == [("Sales", "accounts", ["INT", _GOLD, _GOLD])]


def test_an_unquoted_schema_on_the_path_folds_to_lower_case() -> None:
    """`Sales` unquoted is `sales`: a column typed `"Sales".tier` names another schema's type."""
    text = "SET search_path TO Sales, public;\n" + _TIER
    assert _read(text) == [("sales", "accounts", ["INT", '"Sales".tier', _GOLD])]


def test_a_migrations_folder_keeps_the_quoted_case_too() -> None:
    files = [MigrationFile("0001_tier.up.sql", 'SET search_path TO "Sales";\n' + _TIER)]
    (table,) = replay_migrations(files, "postgres").tables
    assert (table.schema, [c.type for c in table.columns]) == ("Sales", ["INT", _GOLD, _GOLD])


def test_oracle_and_mysql_names_are_kept_as_written() -> None:
    """Their folding is not PostgreSQL's: the schema is shown as the file writes it."""
    oracle = parse_ddl("ALTER SESSION SET CURRENT_SCHEMA = hr;\nCREATE TABLE staff (id int);\n", "oracle")
    assert [(t.schema, t.name) for t in oracle.tables] == [("hr", "staff")]
    mysql = parse_ddl("CREATE TABLE a (id int);\nUSE Archive;\nCREATE TABLE staff (id int);\n", "mysql")
    assert [(t.schema, t.name) for t in mysql.tables] == [(None, "a"), ("Archive", "staff")]
