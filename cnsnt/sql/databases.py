"""Words that name a database in folder and file names, and the dialect that reads its SQL.

One table for the two readers of such names: `cnsnt init` takes a folder or file named
for a database (`scripts/oracle/`, `SIGEM_BD/PostgreSQL/`, Joomla's `updates/sqlazure/`)
as stronger evidence of its SQL's dialect than which permissive parser happens to read
it; the migration reader runs, of a migration written once per database (gobuffalo/pop,
used by Ory: `x.postgres.up.sql` beside `x.cockroach.up.sql` and a generic `x.up.sql`),
the one for the entry's dialect.
"""

from __future__ import annotations

from typing import NamedTuple


class Database(NamedTuple):
    """What a word names: a database, and the sqlglot dialect that reads its SQL."""

    name: str
    """The database (words naming the same one share it: `pg`, `postgresql`)."""
    dialect: str | None
    """The dialect its SQL is read in; None: sqlglot's default (standard SQL)."""


#: sqlglot has no DB2 dialect: DB2 folders are read as Oracle, which understood the most of
#: their DDL and data scripts (DB2's CLOB/BLOB columns, `--#SET TERMINATOR` blocks;
#: e-admin/alsigm: 14 statements skipped in 251 files, against 39 and more under the
#: others). H2, HSQLDB and Derby speak standard SQL: the default dialect. CockroachDB speaks
#: PostgreSQL's, but a migration written for it is not PostgreSQL's variant.
DATABASES: dict[str, Database] = {
    "oracle": Database("oracle", "oracle"),
    "plsql": Database("oracle", "oracle"),
    "db2": Database("db2", "oracle"),
    "postgres": Database("postgres", "postgres"),
    "postgresql": Database("postgres", "postgres"),
    "postgre": Database("postgres", "postgres"),
    "pgsql": Database("postgres", "postgres"),
    "pg": Database("postgres", "postgres"),
    "psql": Database("postgres", "postgres"),
    "cockroach": Database("cockroachdb", "postgres"),
    "cockroachdb": Database("cockroachdb", "postgres"),
    "mysql": Database("mysql", "mysql"),
    "mariadb": Database("mysql", "mysql"),
    "sqlserver": Database("tsql", "tsql"),
    "mssql": Database("tsql", "tsql"),
    "tsql": Database("tsql", "tsql"),
    "sqlazure": Database("tsql", "tsql"),
    "dbo": Database("tsql", "tsql"),  # SQL Server's default schema, a folder of its Data Tools projects
    "sqlite": Database("sqlite", "sqlite"),
    "sqlite3": Database("sqlite", "sqlite"),
    "h2": Database("h2", None),
    "hsqldb": Database("hsqldb", None),
    "hsql": Database("hsqldb", None),
    "derby": Database("derby", None),
    "snowflake": Database("snowflake", "snowflake"),
    "bigquery": Database("bigquery", "bigquery"),
    "redshift": Database("redshift", "redshift"),
    "duckdb": Database("duckdb", "duckdb"),
    "clickhouse": Database("clickhouse", "clickhouse"),
}

#: Word -> the dialect that reads the SQL of the database it names.
DATABASE_WORDS: dict[str, str | None] = {word: db.dialect for word, db in DATABASES.items()}


def words_for(dialect: str | None) -> frozenset[str]:
    """The words naming the database whose own dialect this is (`postgres`: `pg`, `pgsql`...).

    Not the databases merely read in it: DB2's and CockroachDB's files are not Oracle's or
    PostgreSQL's.
    """
    name = (dialect or "").lower()
    return frozenset(word for word, db in DATABASES.items() if db.name == name)
