"""Evidence from a live database (`sources: databases:` and `--db URL`).

Connects with the URL (after `${ENV}` expansion), opens one read-only transaction with
a statement timeout, describes every non-system schema through SQLAlchemy's inspector,
optionally samples doubtful text columns, and rolls back. Whatever goes wrong becomes
a CN001 problem located at the redacted URL; it never stops the other sources.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from cnsnt.errors import UsageError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, outside_problem
from cnsnt.sources.databases.introspect import Introspection, driver_reason
from cnsnt.sources.databases.sampling import DEFAULT_SAMPLE, Sampled, sample_tables
from cnsnt.sources.databases.session import read_only
from cnsnt.sources.databases.url import (
    EXTRAS,
    DatabaseUrl,
    DatabaseUrlError,
    parse_database_url,
)

#: The fix of a password written in a database URL: the database was read, the URL is the gap.
_SECRET_FIX = (
    "replace the password {where} with a variable, ${{PGPASSWORD}} or any name "
    "(postgresql://user:${{PGPASSWORD}}@host/db), set that variable where cnsnt runs, and change "
    "the password if the URL was committed or shared"
)


def check_url(raw: str, base_dir: Path) -> None:
    """Refuse a `--db` URL that cannot work at all, before anything is audited (exit 2)."""
    try:
        parse_database_url(raw, base_dir)
    except DatabaseUrlError as exc:
        raise UsageError(f"--db: {exc}") from None


def read_database(spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """Tables, views, columns, keys and comments of one database (and sampled verdicts)."""
    try:
        db = parse_database_url(spec.pattern, spec.base_dir)
    except DatabaseUrlError as exc:
        return _problem(str(exc), spec.location, "database")
    where = Location(database=db.shown)
    ev = _read(db, spec, ctx, where)
    if db.literal_secret:
        # Policies and shell histories end up in repositories and logs.
        given = spec.location == Location("--db")
        ev.problems.insert(
            0,
            SourceProblem(
                "the database URL holds its password (shown as ***); write it as ${VAR}, e.g. "
                "postgresql://user:${PGPASSWORD}@host/db, and set the variable where cnsnt runs",
                where if given else spec.location,
                db.shown,
                severity=Severity.WARNING,
                fix=_SECRET_FIX.format(where="in --db" if given else "in the policy's databases: entry"),
            ),
        )
    return ev


def _read(db: DatabaseUrl, spec: SourceSpec, ctx: SourceContext, where: Location) -> Evidence:
    sqlite_file = db.sqlite_file
    if sqlite_file is not None and spec.location != Location("--db"):
        # a policy's SQLite file is a source like any file it names: a pull request must not
        # point the audit at a database elsewhere on the machine (`--db` is the runner's own)
        why = outside_problem(sqlite_file, ctx.base_dir.resolve(), ctx.limits.allow_outside)
        if why is not None:
            sep = " " if why.startswith("is ") else ": "
            return _problem(f"SQLite database '{db.shown}'{sep}{why}", spec.location, db.shown)
    if sqlite_file is not None and not sqlite_file.is_file():
        return _problem("no such SQLite database file", where, db.shown)
    limit = ctx.sample or (DEFAULT_SAMPLE if spec.sample else 0)
    connected = False
    try:
        with read_only(db) as conn:
            connected = True
            intro = Introspection(conn, db)
            live = intro.read(spec.schemas)
            sampled = sample_tables(conn, db, live, limit) if limit > 0 else Sampled()
    except ImportError as exc:
        return _problem(_missing_driver(db, exc), where, db.shown)
    except SQLAlchemyError as exc:
        doing = "cannot read the database" if connected else "cannot connect to the database"
        return _problem(f"{doing}: {driver_reason(exc, db)}", where, db.shown)
    except (TypeError, ValueError) as exc:
        if connected:
            raise
        # A driver refusing the URL's options (`?foo=bar` reaches PyMySQL as a keyword).
        return _problem(f"cannot connect to the database: {driver_reason(exc, db)}", where, db.shown)
    tables = [lt.table for lt in live]
    problems = intro.problems + sampled.problems
    if not tables and not intro.problems:
        problems.append(
            SourceProblem(
                "no tables or views found (is this the right database, and may this user see them?)",
                where,
                db.shown,
                severity=Severity.WARNING,
            )
        )
    counts = {
        "databases": 1,
        "tables": sum(1 for t in tables if not t.is_view),
        "views": sum(1 for t in tables if t.is_view),
        "columns": sum(len(t.columns) for t in tables),
    }
    if limit > 0:
        counts["sampled_columns"] = sampled.columns
    return Evidence(
        tables=tables,
        problems=problems,
        classified=dict(sampled.verdicts),
        audited={"databases"},
        counts=counts,
    )


def _problem(message: str, location: Location, source: str) -> Evidence:
    return Evidence(problems=[SourceProblem(message, location, source)], audited={"databases"})


def _missing_driver(db: DatabaseUrl, exc: ImportError) -> str:
    driver = db.url.get_driver_name()
    module = exc.name or driver
    extra = EXTRAS.get(db.backend)
    if extra and driver in {"psycopg", "pymysql"}:
        how = f"pip install 'cnsnt[{extra}]'"
    else:
        how = f"install the Python package that provides '{module}'"
    return f"the {db.backend} driver '{driver}' is not installed (no module '{module}'): {how}"
