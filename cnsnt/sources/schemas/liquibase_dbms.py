"""Which database a Liquibase changelog is read for, and which of its changes run there.

A changelog written for several databases limits the changes that differ to some of
them: `dbms="postgresql"` on a changeSet, `<sql>` or `<sqlFile>`, or a changeSet's
`<preConditions><dbms type="oracle"/></preConditions>`. Liquibase runs it on one
database and skips the others' changes; cnsnt reads it the same way, for one target
database, so that a table each database's `<sql>` creates is created once, and that
SQL is parsed in the dialect of the database it was written for. Liquibase formatted
SQL (`--changeset a:1 dbms:oracle`) is read the same way by the SQL migrations reader.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from cnsnt.sources.schemas.xml_tree import XmlElement

#: Liquibase's database short names and the sqlglot dialect of each; None where sqlglot
#: has none (its default SQL reads their DDL). Names not listed are read with no dialect.
SQLGLOT_DIALECTS: dict[str, str | None] = {
    "postgresql": "postgres",
    "cockroachdb": "postgres",
    "edb": "postgres",
    "mysql": "mysql",
    "mariadb": "mysql",
    "mssql": "tsql",
    "sybase": "tsql",
    "oracle": "oracle",
    "sqlite": "sqlite",
    "snowflake": "snowflake",
    "redshift": "redshift",
    "bigquery": "bigquery",
    "databricks": "databricks",
    "h2": None,
    "hsqldb": None,
    "db2": None,
    "db2z": None,
    "derby": None,
    "firebird": None,
    "informix": None,
    "asany": None,
}


def dbms_names(attr: str | None) -> list[str]:
    """`"oracle, mssql"` -> ["oracle", "mssql"] (Liquibase's names are case-insensitive)."""
    return [name.strip().casefold() for name in (attr or "").split(",") if name.strip()]


def runs_on(attr: str | None, target: str | None) -> bool:
    """Whether a `dbms` attribute lets a change run on the target, as Liquibase decides it.

    Empty or `all`: everywhere; `none`: nowhere; `!h2`: everywhere but H2; a list of
    names: on those. No target (a changelog that names no database): everywhere.
    """
    names = dbms_names(attr)
    if target is None or not names or "all" in names:
        return True
    if "none" in names or f"!{target}" in names:
        return False
    allowed = [name for name in names if not name.startswith("!")]
    return not allowed or target in allowed


def precondition_runs(pre: XmlElement, target: str | None) -> bool:
    """Whether a `<preConditions>` lets its changeSet (or changelog) run on the target.

    Only its `<dbms type>` tests are judged (in `and`, `or`, `not`); any other test
    (`tableExists`, `sqlCheck`) is taken to pass, as the changes were read before.
    `onFail="WARN"` runs the changes even when a test fails.
    """
    if target is None or pre.attrs.get("onFail", "").upper() == "WARN":
        return True
    return _judge(pre, target) is not False


def _judge(element: XmlElement, target: str) -> bool | None:
    """Whether the element's test passes on the target; None when no dbms test decides it."""
    if element.tag == "dbms":
        return runs_on(element.attrs.get("type"), target)
    if element.tag not in ("and", "or", "not", "preConditions"):
        return None  # another test: taken to pass
    verdicts = [_judge(child, target) for child in element.children]
    known = [v for v in verdicts if v is not None]
    decided = bool(known) and len(known) == len(verdicts)
    if element.tag == "or":
        return True if any(known) else False if decided else None
    if False in known:
        return element.tag == "not"  # a failing test fails `and`; `not` of it passes
    if element.tag == "not":
        return False if decided else None  # `not` of tests that pass, unless one is unknown
    return True if known else None


def precondition_names(pre: XmlElement) -> list[str]:
    """The databases a `<preConditions>` names as ones its changes are for (not under `not`)."""
    out: list[str] = []
    for child in pre.children:
        if child.tag == "dbms":
            out.extend(dbms_names(child.attrs.get("type")))
        elif child.tag in ("and", "or"):
            out.extend(precondition_names(child))
    return out


def choose_target(mentions: Iterable[str], dialect: str | None) -> str | None:
    """The database a changelog is read for.

    The entry's `dialect:` (or `--dialect`) decides when given: of the Liquibase names
    of that dialect, the one the changelog names most (`mysql` or `mariadb`). Else the
    database the changelog names most in its `dbms` limits and `<dbms>` preconditions,
    the first named on a tie: a changelog made for one database and kept working on
    others names its own wherever a change differs (OpenMRS's updates: MySQL 310 times,
    Oracle 58, PostgreSQL 15); one that keeps a set of changes per database names the
    one it is developed on most, or first (Activiti Cloud's query service: PostgreSQL
    55, Oracle 54, H2 2). Reading one database's changes, not all, creates each table
    once. None when it names none: then every change is read.
    """
    counts = Counter(name for name in mentions if not name.startswith("!") and name not in ("all", "none"))
    order = list(counts)  # Counter keeps the order names were first met
    if dialect is not None:
        names = [name for name, of in SQLGLOT_DIALECTS.items() if of == dialect]
        if not names:
            return dialect
        named = [name for name in order if name in names]
        return max(named, key=lambda n: counts[n]) if named else names[0]
    if not counts:
        return None
    return max(order, key=lambda n: counts[n])  # max keeps the first of equal counts


def formatted_changesets(text: str) -> list[tuple[int, int, str]]:
    """The changesets of Liquibase formatted SQL: (start, end, their `dbms:` value), by offset.

    A changeset runs from its `--changeset author:id [dbms:postgresql,h2] ...` line to the
    next one (or the end of the file); the text before the first is no changeset.
    """
    out: list[tuple[int, int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        words = line.strip().lstrip("-").split()
        if words and words[0].casefold() == "changeset":
            if out:
                out[-1] = (out[-1][0], offset, out[-1][2])
            dbms = next((w.split(":", 1)[1] for w in words[1:] if w.casefold().startswith("dbms:")), "")
            out.append((offset, len(text), dbms))
        offset += len(line)
    return out


#: The first words of Liquibase's own lines in formatted SQL (`--changeset a:1`), which it
#: never sends to the database.
_DIRECTIVES = ("liquibase", "changeset", "rollback", "comment", "precondition", "validchecksum",
               "ignorelines", "property", "include")


def formatted_for(text: str, target: str | None) -> str:
    """Formatted SQL as Liquibase sends it to the target database.

    Its own lines (`--changeset`, `--rollback`: MySQL reads `--x` as no comment) and the
    changesets for other databases than the target are blanked, line breaks kept, so
    offsets and lines stay those of the file.
    """
    cut = [(start, end) for start, end, dbms in formatted_changesets(text) if not runs_on(dbms, target)]
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        word = stripped.lstrip("-").split(None, 1)[0].casefold() if stripped.lstrip("-") else ""
        if stripped.startswith("--") and word.startswith(_DIRECTIVES):
            cut.append((offset, offset + len(line)))
        offset += len(line)
    pieces: list[str] = []
    at = 0
    for start, end in sorted(cut):  # one pass: a file of many changesets is copied once
        start = max(start, at)
        if end <= start:
            continue
        pieces.append(text[at:start])
        pieces.append("".join("\n" if ch == "\n" else " " for ch in text[start:end]))
        at = end
    pieces.append(text[at:])
    return "".join(pieces)
