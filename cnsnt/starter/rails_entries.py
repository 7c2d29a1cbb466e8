"""Of a Rails app's `db/schema.rb` and `db/structure.sql`, the one `cnsnt init` proposes.

Rails dumps its schema in one format: `schema.rb`, or `structure.sql` when
`config.active_record.schema_format = :sql`. A project that holds both keeps an old dump
of the other format (Avenel/FirstApp: a `schema.rb` from a broken merge beside a
`structure.sql` of 28 tables). Reading both defined every table twice, and the first audit
of the starter said so (CN001). So one is proposed, by this rule:

1. the format the app's config sets: `config/environments/development.rb` (where Rails
   dumps its schema), else `config/application.rb`, else another environment's file
   (`:sql` is `structure.sql`, `:ruby` is `schema.rb`);
2. none set: Rails' default, `schema.rb`, unless `structure.sql` creates more tables (an
   app whose `structure.sql` grew while `schema.rb` stayed behind); on a tie, `schema.rb`.

A note names the one proposed, the one left out, and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, read_text
from cnsnt.sources.schemas.rails_schema import read_rails
from cnsnt.sql.ddl_result import DDLTable
from cnsnt.starter.survey_context import survey_context

#: `config.active_record.schema_format = :sql` as a statement of its own (a comment is no
#: setting). Ruby config, not SQL: one assignment of a symbol, read by its line.
_FORMAT = re.compile(
    r"^[ \t]*+(?:Rails\.application\.)?config\.active_record\.schema_format[ \t]*+=[ \t]*+:(sql|ruby)\b",
    re.MULTILINE,
)


def _configs(app: Path) -> list[Path]:
    """The files a schema format is looked for in, the one that wins first."""
    config = app / "config"
    others = sorted(p for p in (config / "environments").glob("*.rb") if p.name != "development.rb")
    return [config / "environments" / "development.rb", config / "application.rb", *others]


def schema_format(app: Path, root: Path) -> tuple[str, Path] | None:
    """(`sql` or `ruby`, the config that sets it) for a Rails app, else None."""
    for path in _configs(app):
        if not path.is_file():
            continue
        try:
            text = read_text(path, path.relative_to(root).as_posix(), limits=Limits())
        except SourceError:  # an unreadable config sets nothing
            continue
        found = _FORMAT.findall(text)
        if found:
            return found[-1], path  # the last assignment wins, as Ruby runs it
    return None


def _rb_tables(path: Path, root: Path) -> int:
    """How many tables a `schema.rb` creates (once each, however often it defines them)."""
    shown = path.relative_to(root).as_posix()
    spec = SourceSpec("schemas", shown, root, Location(shown), format="rails")
    try:
        evidence = read_rails([path], spec, survey_context(root))
    except Exception:  # noqa: BLE001 - the grammar missing or a parser bug: counted as none
        return 0
    return len({t.name.casefold() for t in evidence.tables})


def _sql_tables(tables: Iterable[DDLTable]) -> int:
    return len({t.name.casefold() for t in tables if not t.is_view})


def rails_choice(
    rails: list[Path], sql_schemas: dict[Path, tuple[DDLTable, ...]], root: Path
) -> tuple[set[Path], list[str]]:
    """(files left out, notes): of each `db/schema.rb` with a `db/structure.sql` beside it, one kept."""
    left: set[Path] = set()
    notes: list[str] = []
    for rb in sorted(rails):
        sql = rb.parent / "structure.sql"
        if sql not in sql_schemas:
            continue
        app = rb.parent.parent
        rb_shown, sql_shown = (p.relative_to(root).as_posix() for p in (rb, sql))
        stated = schema_format(app, root)
        if stated is not None:
            fmt, config = stated
            keep_sql = fmt == "sql"
            why = f"{config.relative_to(root).as_posix()} sets config.active_record.schema_format = :{fmt}"
        else:
            in_rb, in_sql = _rb_tables(rb, root), _sql_tables(sql_schemas[sql])
            keep_sql = in_sql > in_rb
            counts = f"{in_sql} table{'s' if in_sql != 1 else ''} against {in_rb}"
            why = (
                "no config.active_record.schema_format is set (Rails' default is schema.rb), and "
                + (f"structure.sql creates more tables ({counts})" if keep_sql
                   else f"structure.sql creates no more tables ({counts})")
            )
        kept, dropped = (sql_shown, rb_shown) if keep_sql else (rb_shown, sql_shown)
        left.add(rb if keep_sql else sql)
        notes.append(
            f"Rails schema {kept} proposed; left out {dropped}: Rails keeps one of the two "
            f"(reading both would define every table twice); {why}. If {dropped} is the one "
            "Rails dumps now, list it under schemas: instead"
        )
    return left, notes
