"""What `parse_ddl` returns: tables, views and columns with offsets, and problems.

Frozen and free of sqlglot types, so sources can keep them; `cnsnt.sql.ddl` re-exports
them, and that is where other packages import them from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DDLColumn:
    """A column definition, as written."""

    name: str
    offset: int
    """Character offset of the column definition (its name) in the text."""
    type: str | None = None
    """The type as sqlglot writes it in the source dialect, e.g. `VARCHAR(50)`."""
    comment: str | None = None
    primary_key: bool = False
    login_default: bool = False
    """Its DEFAULT is the login of the session writing the row (`suser_sname()`)."""
    default: str | None = None
    """Its DEFAULT when a constant (`0`, `'N'` as `N`), as written; None for none or an expression."""
    unique: bool = False
    """A UNIQUE constraint holds it alone (inline, or a one-column table constraint)."""


@dataclass(frozen=True)
class DDLForeignKey:
    """A declared reference from some columns to another table (it links rows to people)."""

    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...] = ()
    ref_schema: str | None = None


@dataclass(frozen=True)
class DDLTable:
    """A table or view definition, with all later ALTERs and COMMENTs applied."""

    name: str
    offset: int
    """Character offset of the statement that defined it (its CREATE)."""
    schema: str | None = None
    columns: tuple[DDLColumn, ...] = ()
    comment: str | None = None
    is_view: bool = False
    view_sql: str | None = None
    """A view's SELECT in the source dialect (None for tables)."""
    foreign_keys: tuple[DDLForeignKey, ...] = ()
    """Inline REFERENCES, table-level FOREIGN KEY and ALTER TABLE ... ADD FOREIGN KEY."""
    altered_only: bool = False
    """Known only from ALTER statements: the text changes a table it does not create
    (an upgrade patch of a schema kept elsewhere)."""


@dataclass(frozen=True)
class DDLProblem:
    """A statement or line that could not be used."""

    offset: int
    message: str
    may_hold_schema: bool = True
    """True when a table or column may have been lost (an error); False for harmless
    client commands and routine bodies that cannot hold columns (a warning)."""
    info: bool = False
    """Nothing was lost here, but the user should know: a SQL*Plus `@script` this one runs
    (its tables count only if it is a source too)."""
    includes: tuple[str, ...] = ()
    """The file names that `@script` may be (`hr_cre`, `hr_cre.sql`), as written."""
    not_understood: bool = False
    """A statement cnsnt does not know (`ddl_known`): often text of another SQL dialect
    (a routine body in dollar quotes read without them), so naming the dialect may help."""
    routine: bool = False
    """A stored routine or trigger of a DELIMITER block, skipped for its tables: in a
    MySQL-family dialect the stored-code reader audits its statements (then this is
    no gap to report)."""


@dataclass(frozen=True)
class DDLResult:
    """What one DDL text defines, and what could not be read."""

    tables: tuple[DDLTable, ...]
    problems: tuple[DDLProblem, ...]
    statements: int
    """SQL statements found (client-command lines are not statements)."""
