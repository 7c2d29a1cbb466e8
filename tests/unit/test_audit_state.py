"""Two audits in one process share nothing: what a reader keeps for an audit lives in its
context (`SourceContext.memo`), not in a module, where it outlived the audit and could be
taken by the next one (the library used without the CLI, the test suite)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Column, Evidence, Table
from cnsnt.model import Location
from cnsnt.policy.loader import load_policy
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries

#: A function whose parameter is named like a column: it is the column when the table has
#: one of that name, else the parameter (a bind value).
ROUTINE = """\
CREATE FUNCTION find_person(email text) RETURNS int AS $$
DECLARE
  found int;
BEGIN
  SELECT id INTO found FROM people WHERE email = email;
  RETURN found;
END;
$$ LANGUAGE plpgsql;
"""


def _people(*columns: str) -> Table:
    here = Location("schema.sql", 1)
    return Table(
        "people",
        here,
        "schema.sql",
        columns=tuple(Column("people", name, here, "schema.sql", type="TEXT") for name in columns),
    )


def _read(tmp_path: Path, tables: list[Table]) -> Evidence:
    path = tmp_path / "routines.sql"
    path.write_text(ROUTINE)
    spec = SourceSpec("queries", path.name, tmp_path, Location("cnsnt.yaml", 3), dialect="postgres")
    return read_queries(path, spec, SourceContext(base_dir=tmp_path, tables=tables, jobs=1))


def _seen(ev: Evidence) -> tuple[list[tuple[str, str]], list[str]]:
    uses = sorted((u.column, u.access.value) for q in ev.queries for u in q.uses)
    return uses, sorted(p.message for p in ev.problems)


def test_a_second_audit_is_not_read_with_the_first_ones_tables(tmp_path: Path) -> None:
    """The caller's table list, reused with other tables in it: the second audit sees those
    tables' columns (`email` is the parameter now), not the first audit's (`people.email`)."""
    tables = [_people("id", "email")]
    first = _seen(_read(tmp_path, tables))
    assert ("people.email", "read") in first[0]
    tables[0] = _people("id", "name")  # the same list object, of the same length
    second = _seen(_read(tmp_path, tables))
    fresh = _seen(_read(tmp_path, [_people("id", "name")]))
    assert second == fresh
    assert ("people.email", "read") not in second[0]


def test_nothing_of_an_audit_outlives_it(tmp_path: Path) -> None:
    """Its tables are freed with its evidence: no module keeps them (nor, through them,
    a schema built for them) for the next audit."""
    (tmp_path / "schema.sql").write_text("CREATE TABLE people (id INT, email TEXT, name TEXT);\n" + ROUTINE)
    (tmp_path / "report.sql").write_text("SELECT name FROM people WHERE id = 1;\n")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: schema.sql, dialect: postgres}]\n"
        "  queries: [{path: report.sql, dialect: postgres}]\n"
    )
    evidence = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"), jobs=1)
    assert [t.name for t in evidence.tables] == ["people"]
    assert evidence.queries and evidence.counts.get("stored_code_files") == 1
    kept = [weakref.ref(t) for t in evidence.tables]
    del evidence
    gc.collect()
    assert [ref() for ref in kept] == [None]
