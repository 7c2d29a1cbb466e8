"""Foreign keys from DDL: inline REFERENCES, table-level FOREIGN KEY, ALTER TABLE ADD."""

from __future__ import annotations

import pytest

from cnsnt.sql.ddl import DDLForeignKey, parse_ddl, resolve_dialect
from cnsnt.sql.ddl_recover import token_foreign_keys
from cnsnt.sql.ddl_split import tokenize_statements

SQL = """
CREATE TABLE users (id INT PRIMARY KEY, name TEXT);
CREATE TABLE orders (
  id INT,
  user_id INT REFERENCES users (id),
  shop INT REFERENCES shops,
  a INT, b INT, c INT,
  FOREIGN KEY (a, b) REFERENCES crm.people (p, q),
  CONSTRAINT fk_c FOREIGN KEY (c) REFERENCES users
);
ALTER TABLE orders ADD CONSTRAINT fk_o FOREIGN KEY (c) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE orders ADD COLUMN buyer INT REFERENCES users (id);
"""


@pytest.mark.parametrize("dialect", ["postgres", "mysql", None])
def test_every_way_of_declaring_a_reference(dialect: str | None) -> None:
    tables = {t.name: t for t in parse_ddl(SQL, dialect).tables}
    assert tables["users"].foreign_keys == ()
    assert tables["orders"].foreign_keys == (
        DDLForeignKey(("user_id",), "users", ("id",)),
        DDLForeignKey(("shop",), "shops"),
        DDLForeignKey(("a", "b"), "people", ("p", "q"), "crm"),
        DDLForeignKey(("c",), "users"),
        DDLForeignKey(("c",), "users", ("id",)),
        DDLForeignKey(("buyer",), "users", ("id",)),
    )


def test_tsql_alter_sqlglot_cannot_parse_is_read_from_tokens() -> None:
    sql = (
        "CREATE TABLE [dbo].[users]([id] int);\nCREATE TABLE [dbo].[o]([id] int, [uid] int)\nGO\n"
        "ALTER TABLE [dbo].[o] WITH CHECK ADD CONSTRAINT [FK_x] FOREIGN KEY([uid]) "
        "REFERENCES [dbo].[users] ([id])\nGO\n"
    )
    result = parse_ddl(sql, "tsql")
    o = next(t for t in result.tables if t.name == "o")
    assert o.foreign_keys == (DDLForeignKey(("uid",), "users", ("id",), "dbo"),)
    assert result.problems == ()


def test_token_reader_inline_and_table_level() -> None:
    dia = resolve_dialect("mysql")
    stmt = tokenize_statements("x INT REFERENCES s.t (id), FOREIGN KEY (a) REFERENCES u", dia)[0]
    keys = token_foreign_keys(stmt.tokens, stmt.tokens[0])
    assert keys[0] == DDLForeignKey(("x",), "t", ("id",), "s")
    assert keys[1] == DDLForeignKey(("a",), "u")


def test_the_same_reference_twice_is_kept_once() -> None:
    sql = (
        "CREATE TABLE u (id INT);\nCREATE TABLE t (id INT, u_id INT REFERENCES u (id));\n"
        "ALTER TABLE t ADD FOREIGN KEY (u_id) REFERENCES u (id);\n"
    )
    t = next(t for t in parse_ddl(sql, "postgres").tables if t.name == "t")
    assert t.foreign_keys == (DDLForeignKey(("u_id",), "u", ("id",)),)


def test_tsql_inline_constraint_foreign_key() -> None:
    sql = "CREATE TABLE dbo.u (id int);\nCREATE TABLE dbo.o (id int, uid int CONSTRAINT fk FOREIGN KEY REFERENCES dbo.u(id));\n"
    o = next(t for t in parse_ddl(sql, "tsql").tables if t.name == "o")
    assert o.foreign_keys == (DDLForeignKey(("uid",), "u", ("id",), "dbo"),)
