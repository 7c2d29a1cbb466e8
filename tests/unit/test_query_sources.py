"""Query sources: .sql files, plain logs and pg_stat_statements exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries import query_log
from cnsnt.sources.queries.reader import plan_query_sources, read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from tests.conftest import CORPUS, corpus_path

TPC = CORPUS / "queries" / "tpc"


@pytest.fixture(scope="module")
def tpch_tables() -> list[Table]:
    spec = SourceSpec("schemas", "tpch_schema.sql", TPC, Location("cnsnt.yaml"), "duckdb")
    return read_ddl(corpus_path("queries/tpc/tpch_schema.sql"), spec, SourceContext(base_dir=TPC)).tables


def ctx_for(tmp: Path, tables: list[Table], **kw: object) -> SourceContext:
    ctx = SourceContext(base_dir=tmp, tables=list(tables),
                        policy_purposes=("billing", "marketing", "analytics"),
                        roles={"mailer": ("marketing",), "ops": ("billing", "analytics")})
    for k, v in kw.items():
        setattr(ctx, k, v)
    return ctx


def read(path: Path, ctx: SourceContext, **spec: object) -> Evidence:
    s = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 9),
                   dialect=spec.pop("dialect", "duckdb"), **spec)  # type: ignore[arg-type]
    return read_queries(path, s, ctx)


def test_tpch_query_file(tmp_path: Path, tpch_tables: list[Table]) -> None:
    path = tmp_path / "tpch.sql"
    path.write_text((corpus_path("queries/tpc/tpch_queries.sql")).read_text())
    ev = read(path, ctx_for(tmp_path, tpch_tables), purpose="analytics")
    assert ev.audited == {"queries"}
    assert ev.counts == {"query_files": 1, "statements": 22, "unique_shapes": 22, "queries": 22,
                         "unresolved_statements": 0}
    assert ev.problems == []
    assert [q.location.line for q in ev.queries][:4] == [1, 23, 69, 94]
    assert {q.purpose_origin for q in ev.queries} == {"source"}
    assert all(q.purposes == ("analytics",) for q in ev.queries)


def test_annotations_file_statement_and_ignore(tmp_path: Path, tpch_tables: list[Table]) -> None:
    path = tmp_path / "app.sql"
    path.write_text(
        "-- cnsnt: purpose=billing\n"
        "SELECT c_name FROM customer WHERE c_custkey = 1;\n"
        "SELECT c_name FROM customer WHERE c_custkey = 2;\n"
        "-- cnsnt: purpose=marketing\n"
        "-- cnsnt: ignore CN303 legacy export, ticket DATA-9\n"
        "SELECT * FROM customer;\n"
        "-- cnsnt: ignore CN301\n"
        "SELECT c_phone FROM customer;\n"
        "-- cnsnt: purpose=astrology\n"
        "SELECT c_address FROM customer;\n"
        "-- cnsnt: frobnicate\n"
        "SELECT c_acctbal FROM customer;\n"
    )
    ev = read(path, ctx_for(tmp_path, tpch_tables), purpose="analytics")
    got = [(q.location.line, q.purposes, q.purpose_origin, q.calls, q.ignores) for q in ev.queries]
    assert got == [
        (2, ("billing",), "file", 2, ()),
        (6, ("marketing",), "comment", 1, (("CN303", "legacy export, ticket DATA-9"),)),
        (8, ("billing",), "file", 1, ()),
        (10, ("astrology",), "comment", 1, ()),
        (12, ("billing",), "file", 1, ()),
    ]
    problems = [(p.location.line, p.severity, p.message) for p in ev.problems]
    assert problems == [
        (7, Severity.WARNING, "'cnsnt: ignore CN301' needs a reason after the rule code; "
                              "the suppression is not applied"),
        (10, Severity.WARNING,
         "purpose 'astrology' named in a cnsnt annotation is not defined in the policy"),
        (11, Severity.WARNING, "unknown cnsnt annotation 'frobnicate': expected 'purpose=NAME' "
                               "or 'ignore CODE reason'"),
    ]


def test_first_comment_not_a_directive_gives_no_file_purpose(tmp_path: Path,
                                                             tpch_tables: list[Table]) -> None:
    path = tmp_path / "q.sql"
    path.write_text("-- generated, do not edit\nSELECT c_name FROM customer;\n"
                    "/* cnsnt: purpose=billing */ SELECT c_phone FROM customer;\n")
    ev = read(path, ctx_for(tmp_path, tpch_tables))
    assert [(q.purposes, q.purpose_origin) for q in ev.queries] == [
        ((), None), (("billing",), "comment"),
    ]


def test_unknown_table_and_parse_error_are_problems(tmp_path: Path,
                                                    tpch_tables: list[Table]) -> None:
    path = tmp_path / "bad.sql"
    path.write_text("SELECT a FROM nope;\nSELECT b FROM nope WHERE x = 1;\nSELECT FROM WHERE;\n"
                    "SELECT c_name FROM customer;\n")
    ev = read(path, ctx_for(tmp_path, tpch_tables))
    assert [(p.location.line, p.severity) for p in ev.problems] == [
        (1, Severity.WARNING), (3, None),
    ]
    assert ev.problems[0].message == "table 'nope' is not in any audited schema (2 statements)"
    assert ev.problems[1].message.startswith("cannot parse statement near line 1, column 17 of it: ")
    assert [q.location.line for q in ev.queries if q.uses] == [4]


def test_lines_log_groups_shapes_and_keeps_first_line(tmp_path: Path,
                                                      tpch_tables: list[Table]) -> None:
    path = tmp_path / "queries.log"
    path.write_text(
        "SELECT c_name FROM customer WHERE c_custkey = 1\n"
        "\n"
        "select c_name from customer where c_custkey = 99;\n"
        "SELECT 1; SELECT o_totalprice FROM orders\n"
        "/* cnsnt: purpose=marketing */ SELECT c_phone FROM customer\n"
    )
    ev = read(path, ctx_for(tmp_path, tpch_tables), format="lines")
    got = [(q.location.line, q.calls, q.purposes, [u.column for u in q.uses]) for q in ev.queries]
    assert got == [
        (1, 2, (), ["customer.c_custkey", "customer.c_name"]),
        (4, 1, (), []),
        (4, 1, (), ["orders.o_totalprice"]),
        (5, 1, ("marketing",), ["customer.c_phone"]),
    ]
    assert ev.counts["statements"] == 5


def test_lines_log_in_parallel_matches_serial(tmp_path: Path, tpch_tables: list[Table],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    queries = [" ".join(q.split()) for q in (corpus_path("queries/tpc/tpch_queries.sql")).read_text().split(";")
               if q.strip()]
    path = tmp_path / "big.log"
    path.write_text("\n".join(queries * 20) + "\n")
    serial = read(path, ctx_for(tmp_path, tpch_tables, jobs=1), format="lines")
    monkeypatch.setattr(query_log, "PARALLEL_BYTES", 1)
    progress: list[tuple[str, int, int]] = []
    parallel = read(path, ctx_for(tmp_path, tpch_tables, jobs=2,
                                  progress=lambda d, n, t: progress.append((d, n, t))),
                    format="lines")
    assert parallel.queries == serial.queries
    assert len(parallel.queries) == 22 and {q.calls for q in parallel.queries} == {20}
    assert progress and progress[-1][1] == progress[-1][2]


def test_pg_stat_statements_roles_and_calls(tmp_path: Path, tpch_tables: list[Table]) -> None:
    path = tmp_path / "pgss.csv"
    path.write_text(
        "userid,rolname,calls,query\n"
        '10,mailer,120,"SELECT c_name, c_phone\nFROM customer WHERE c_custkey = $1"\n'
        "11,ops,5,SELECT o_totalprice FROM orders WHERE o_orderkey = $1\n"
        '10,mailer,3,"SELECT c_name, c_phone FROM customer WHERE c_custkey = $2"\n'
        "12,stranger,1,SELECT c_acctbal FROM customer\n"
    )
    ev = read(path, ctx_for(tmp_path, tpch_tables), format="pg_stat_statements",
              dialect="postgres")
    got = [(q.location.line, q.role, q.purposes, q.purpose_origin, q.calls) for q in ev.queries]
    assert got == [
        (2, "mailer", ("marketing",), "role", 123),
        (4, "ops", ("billing", "analytics"), "role", 5),
        (6, "stranger", (), None, 1),
    ]


def test_pg_stat_statements_rows_that_do_not_fit_the_header_are_reported(
    tmp_path: Path, tpch_tables: list[Table]
) -> None:
    """A query with unquoted commas (`psql -A -F,` quotes nothing) was read cut at its first
    comma, the rest dropped without a word; a row too short to hold a query was skipped."""
    path = tmp_path / "pgss.csv"
    path.write_text(
        "rolname,calls,query\n"
        "mailer,120,SELECT c_name FROM customer\n"
        "ops,5,SELECT c_custkey, c_phone FROM customer\n"
        "ops,2\n"
        "mailer,1,SELECT o_orderkey, o_totalprice FROM orders\n"
        "ops,7,SELECT o_totalprice FROM orders,\n"  # a trailing empty field is no shift
    )
    ev = read(path, ctx_for(tmp_path, tpch_tables), format="pg_stat_statements",
              dialect="postgres")
    assert [(q.location.line, q.role, q.calls) for q in ev.queries] == [(2, "mailer", 120),
                                                                        (6, "ops", 7)]
    assert [(p.location.line, p.severity, p.message) for p in ev.problems] == [
        (3, Severity.WARNING, "2 rows (2 lines) skipped: more fields than the header "
                              "(a query with unquoted commas?)"),
        (4, Severity.WARNING, "1 row (1 line) skipped: too few fields to reach the 'query' column"),
    ]
    assert ev.counts["statements"] == 5


def test_pg_stat_statements_broken_quoting_costs_its_row_only(tmp_path: Path,
                                                              tpch_tables: list[Table]) -> None:
    """Without strict quoting a quote left open swallowed the rows after it into one query
    (reported as one that does not split); a stray quote was read into the text; and a
    csv error ended the whole export, the rows read before it included."""
    path = tmp_path / "pgss.csv"
    path.write_text(
        "rolname,calls,query\n"
        'mailer,120,"SELECT c_name FROM customer\n'
        'ops,5,"SELECT c_phone FROM customer"\n'
        "ops,2,SELECT o_totalprice FROM orders\n"
        'mailer,1,"SELECT "c_acctbal" FROM customer"\n'
        'ops,7,"SELECT c_address FROM cust'
    )
    ev = read(path, ctx_for(tmp_path, tpch_tables), format="pg_stat_statements",
              dialect="postgres")
    assert [(q.location.line, q.role, q.calls) for q in ev.queries] == [(4, "ops", 2)]
    assert [(p.location.line, p.severity, p.message.split(" (", 2)[:2]) for p in ev.problems] \
        == [(2, Severity.WARNING, ["2 rows", "3 lines) skipped: malformed CSV"]),
            (6, Severity.WARNING, ["1 row", "1 line) skipped: malformed CSV"])]
    assert ev.counts["statements"] == 4


def test_pg_stat_statements_without_query_column(tmp_path: Path,
                                                 tpch_tables: list[Table]) -> None:
    path = tmp_path / "pgss.csv"
    path.write_text("userid,calls\n1,2\n")
    with pytest.raises(SourceError, match="no 'query' column"):
        read(path, ctx_for(tmp_path, tpch_tables), format="pg_stat_statements")


def test_unknown_format_and_dialect(tmp_path: Path, tpch_tables: list[Table]) -> None:
    path = tmp_path / "q.sql"
    path.write_text("SELECT 1;")
    with pytest.raises(SourceError, match="unknown query format"):
        read(path, ctx_for(tmp_path, tpch_tables), format="xml")
    with pytest.raises(SourceError, match="Unknown dialect"):
        read(path, ctx_for(tmp_path, tpch_tables), dialect="postgresx")


def test_overlapping_entries_read_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "sql" / "marketing").mkdir(parents=True)
    (tmp_path / "sql" / "a.sql").write_text("SELECT 1;")
    (tmp_path / "sql" / "marketing" / "b.sql").write_text("SELECT 1;")
    where = Location("cnsnt.yaml", 3)
    specs = [SourceSpec("queries", "sql/**/*.sql", tmp_path, where, dialect="postgres"),
             SourceSpec("queries", "sql/marketing/*.sql", tmp_path, where, purpose="marketing")]
    plan, problems = plan_query_sources(specs)
    assert problems == []
    assert [(p.name, s.dialect, s.purpose) for p, s in plan] == [
        ("a.sql", "postgres", None), ("b.sql", "postgres", "marketing"),
    ]


def test_purpose_comment_after_the_first_statement_is_not_file_wide(
    tmp_path: Path, tpch_tables: list[Table]
) -> None:
    path = tmp_path / "q.sql"
    path.write_text("SELECT c_phone FROM customer;\n-- cnsnt: purpose=billing\n"
                    "SELECT c_name FROM customer;\nSELECT c_address FROM customer;\n")
    ev = read(path, ctx_for(tmp_path, tpch_tables))
    by_line = sorted((q.location.line, q.purposes) for q in ev.queries)
    assert by_line == [(1, ()), (3, ("billing",)), (4, ())]


def test_pg_dump_copy_rows_are_no_statements(tmp_path: Path) -> None:
    """A data-only pg_dump read as queries: each COPY writes its columns; its rows are data."""
    schema = tmp_path / "schema.sql"
    schema.write_text("CREATE TABLE people (id INT, email TEXT, note TEXT);\n")
    tables = read_ddl(schema, SourceSpec("schemas", "schema.sql", tmp_path, Location("cnsnt.yaml"), "postgres"),
                      SourceContext(base_dir=tmp_path)).tables
    path = tmp_path / "data.sql"
    path.write_text("COPY people (id, email, note) FROM stdin;\n1\tann@example.org\tit's; -- \"x\n\\.\n"
                    "SELECT email FROM people;\nCOPY people (email) FROM stdin;\nbob@example.org\n")
    ev = read(path, ctx_for(tmp_path, tables), dialect="postgres")
    assert ev.counts["statements"] == 3
    assert [(p.location.line, p.severity, p.message[:40]) for p in ev.problems] == [
        (5, None, "COPY ... FROM stdin without its '\\.' lin")
    ]
    assert [(q.location.line, sorted((u.column, u.access.value) for u in q.uses)) for q in ev.queries] == [
        (1, [("people.email", "write"), ("people.id", "write"), ("people.note", "write")]),
        (4, [("people.email", "read")]),
        (5, [("people.email", "write")]),
    ]


def test_a_comment_never_closed_between_statements_is_reported(tmp_path: Path, tpch_tables: list[Table]) -> None:
    """`/*` that never closes swallows every statement after it: that was silent."""
    path = tmp_path / "app.sql"
    path.write_text("SELECT c_name FROM customer;\n/* old query\nSELECT c_phone FROM customer;\n")
    ev = read(path, ctx_for(tmp_path, tpch_tables), purpose="analytics")
    assert [q.location.line for q in ev.queries] == [1]
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [(2, 1, None)]
    assert "never closed" in ev.problems[0].message
    # a comment that closes, or one inside a statement (which then does not parse), is as before
    path.write_text("SELECT c_name FROM customer;\n/* old */\nSELECT c_phone FROM customer;\n")
    assert read(path, ctx_for(tmp_path, tpch_tables), purpose="analytics").problems == []


def test_a_role_upper_cased_by_the_warehouse_still_finds_its_purposes():
    from cnsnt.sources.queries.common import Attribution

    # Snowflake and Oracle run `marketing_rl` as MARKETING_RL; a PostgreSQL role quoted
    # in two cases is two roles, so the exact name wins and a tie names neither
    roles = {"marketing_rl": ("marketing",), "Ops": ("support",), "OPS": ("billing",)}
    attribution = Attribution(None, roles, frozenset({"marketing", "support", "billing"}))
    assert attribution.role_purposes("MARKETING_RL") == ("marketing",)
    assert attribution.role_purposes("OPS") == ("billing",)
    assert attribution.role_purposes("ops") == ()
    assert attribution.role_purposes("ANALYST_RL") == ()
    # the name a log record is attributed by is chosen by the same test
    from cnsnt.sources.queries.formats.scan import role_of

    assert role_of("ANNA", "MARKETING_RL", attribution) == "MARKETING_RL"
    assert role_of("ANNA", "ANALYST_RL", attribution) == "ANNA"


def test_a_byte_order_mark_in_the_middle_of_a_query_file_is_a_blank(tmp_path: Path) -> None:
    """A licence header put on top of a file that began with a BOM leaves U+FEFF mid-file (trial37).

    A platform's demo setup script had `-- Licensed to ...` lines, then `\\ufeffDELETE FROM`:
    the statement was a CN001 "cannot parse ... column 12" about a character nobody sees.
    The DDL reader takes it for a blank already; so do query files now.
    """
    schema = tmp_path / "schema.sql"
    schema.write_text("CREATE TABLE members (id INT, full_name VARCHAR(80), email VARCHAR(120));\n")
    spec = SourceSpec("schemas", "schema.sql", tmp_path, Location("cnsnt.yaml"), "mysql")
    tables = read_ddl(schema, spec, SourceContext(base_dir=tmp_path)).tables
    path = tmp_path / "setup.sql"
    path.write_text(
        "-- Licensed to the members' club\n--\n"
        "\ufeffDELETE FROM `members` WHERE id > 0;\n"
        "\ufeffSELECT full_name, email FROM members WHERE id = 1;\n",
        encoding="utf-8",
    )
    ev = read(path, ctx_for(tmp_path, tables), dialect="mysql", purpose="billing")
    assert ev.problems == []
    assert [q.location.line for q in ev.queries] == [3, 4]
    reads = {c for q in ev.queries for u in q.uses for c in [u.column] if u.column}
    assert {"members.full_name", "members.email"} <= reads


def test_a_supabase_managed_table_is_said_as_supabases(tmp_path: Path,
                                                     tpch_tables: list[Table]) -> None:
    """trial38: `auth.users` in a Supabase seed or query got a bare "not in any audited schema".

    It is Supabase Auth's table, made outside the project's migrations: the warning stays (it
    holds users' e-mail addresses and phones) and says so, with how to audit it. A table of the
    project's own (`public.nope`) and an `auth` table Supabase does not make keep the bare text.
    """
    path = tmp_path / "signups.sql"
    path.write_text("SELECT email FROM auth.users WHERE id = $1;\nSELECT a FROM public.nope;\n"
                    "SELECT b FROM auth.api_keys;\nSELECT name FROM storage.objects;\n")
    ev = read(path, ctx_for(tmp_path, tpch_tables))
    said = {p.location.line: p for p in ev.problems}
    assert said[1].severity is Severity.WARNING
    assert said[1].message == (
        "table 'auth.users' is not in any audited schema: it is Supabase Auth's table of users (their "
        "e-mail addresses, phone numbers and sign-ins), which Supabase makes and manages outside the "
        "project's migrations"
    )
    assert said[1].fix is not None and "pg_dump --schema-only --schema=auth" in said[1].fix
    assert said[2].message == "table 'public.nope' is not in any audited schema" and said[2].fix is None
    assert said[3].message == "table 'auth.api_keys' is not in any audited schema"
    assert "Supabase Storage's table of uploaded files" in said[4].message
