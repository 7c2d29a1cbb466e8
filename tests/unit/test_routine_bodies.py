"""The SQL inside stored code (PL/SQL, PL/pgSQL, T-SQL, MySQL routines) is audited like queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql import routine_bodies
from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.routine_bodies import defines_routine, read_routine
from cnsnt.sql.statements import split_statements

SCHEMA = (
    "CREATE TABLE patients (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100),\n"
    "  diagnosis VARCHAR(200), birth_date DATE);\n"
    "CREATE TABLE audit_log (id INT, patient_id INT, note VARCHAR(200), changed_at DATE);\n"
)

ORACLE = """\
-- cnsnt: purpose=marketing
CREATE OR REPLACE PACKAGE BODY marketing_pkg AS
  PROCEDURE export_all(p_id IN NUMBER) IS
    v_name patients.name%TYPE;
    CURSOR c IS SELECT id, email FROM patients;
  BEGIN
    SELECT name INTO v_name FROM patients WHERE id = p_id;
    FOR r IN (SELECT diagnosis FROM patients WHERE birth_date > SYSDATE - 365) LOOP
      IF r.diagnosis IS NOT NULL THEN
        INSERT INTO audit_log (patient_id, note) VALUES (p_id, r.diagnosis);
      END IF;
    END LOOP;
    EXECUTE IMMEDIATE 'DELETE FROM ' || v_name;
  EXCEPTION
    WHEN NO_DATA_FOUND THEN
      UPDATE patients SET email = NULL WHERE id = p_id;
  END export_all;
END marketing_pkg;
/
CREATE OR REPLACE TRIGGER trg_pat BEFORE INSERT OR UPDATE OF email ON patients FOR EACH ROW
BEGIN
  INSERT INTO audit_log (patient_id, note, changed_at) VALUES (:new.id, :old.email, SYSDATE);
END;
/
"""

MYSQL = """\
DELIMITER $$
CREATE DEFINER=`root`@`localhost` PROCEDURE export_patients(IN p_id INT)
BEGIN
  DECLARE v_mail, v_born VARCHAR(100);
  SELECT email INTO v_mail FROM patients WHERE id = p_id;
  IF v_mail IS NOT NULL THEN
    UPDATE patients SET diagnosis = NULL WHERE id = p_id AND birth_date > v_born;
  END IF;
END$$
DELIMITER ;
SELECT name FROM patients;
"""

PLPGSQL = """\
CREATE OR REPLACE FUNCTION export_patients(p_id int) RETURNS void AS $$
DECLARE
  v_mail text;
BEGIN
  SELECT email INTO v_mail FROM patients WHERE id = p_id;
  FOR r IN SELECT diagnosis FROM patients LOOP
    INSERT INTO audit_log (patient_id, note) VALUES (p_id, r.diagnosis);
  END LOOP;
  EXECUTE 'DELETE FROM ' || v_mail;
END;
$$ LANGUAGE plpgsql;
"""

TSQL = """\
CREATE PROCEDURE dbo.ExportPatients @id INT
AS
BEGIN
  SET NOCOUNT ON;
  DECLARE @mail VARCHAR(100);
  SELECT @mail = email FROM patients WHERE id = @id;
  IF @mail IS NOT NULL
  BEGIN
    UPDATE patients SET diagnosis = NULL WHERE id = @id
  END
  SELECT name, birth_date FROM patients WHERE id = @id
END
GO
SELECT name FROM patients;
"""


@pytest.fixture
def tables(tmp_path: Path) -> list[Table]:
    path = tmp_path / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp_path, Location("cnsnt.yaml"), None)
    return read_ddl(path, spec, SourceContext(base_dir=tmp_path)).tables


def audit(tmp_path: Path, tables: list[Table], text: str, dialect: str) -> Evidence:
    path = tmp_path / "routines.sql"
    path.write_text(text)
    spec = SourceSpec("queries", path.name, tmp_path, Location("cnsnt.yaml", 3), dialect=dialect)
    ctx = SourceContext(base_dir=tmp_path, tables=list(tables), policy_purposes=("marketing",))
    return read_queries(path, spec, ctx)


def uses(ev: Evidence) -> list[tuple[int, int, list[str]]]:
    return [
        (q.location.line, q.location.column or 0, [f"{u.column}:{u.access.value}" for u in q.uses])
        for q in ev.queries
    ]


def test_an_oracle_package_body_is_audited_statement_by_statement(
    tmp_path: Path, tables: list[Table]
) -> None:
    ev = audit(tmp_path, tables, ORACLE, "oracle")
    assert uses(ev) == [
        (5, 17, ["patients.email:read", "patients.id:read"]),
        (7, 5, ["patients.id:read", "patients.name:read"]),  # INTO v_name: no table written
        (8, 15, ["patients.birth_date:read", "patients.diagnosis:read"]),  # the cursor loop
        (10, 9, ["audit_log.note:write", "audit_log.patient_id:write"]),
        (16, 7, ["patients.email:write", "patients.id:read"]),  # in the exception handler
        (22, 3, ["audit_log.changed_at:write", "audit_log.note:write", "audit_log.patient_id:write"]),
    ]
    # the comment before the package speaks for what is inside it
    assert {q.purposes for q in ev.queries} == {("marketing",)}
    # the parameter is a bind, not a column no table has; dynamic SQL is named at its line
    assert [(p.location.line, p.severity, p.message) for p in ev.problems] == [
        (
            13,
            Severity.WARNING,
            "dynamic SQL (built at run time) cannot be read (PL/SQL block at "
            "line 2); the SQL it runs is not audited",
        ),
    ]


def test_a_mysql_delimiter_procedure_is_audited(tmp_path: Path, tables: list[Table]) -> None:
    ev = audit(tmp_path, tables, MYSQL, "mysql")
    assert uses(ev) == [
        (5, 3, ["patients.email:read", "patients.id:read"]),
        (7, 5, ["patients.birth_date:read", "patients.diagnosis:write", "patients.id:read"]),
        (11, 1, ["patients.name:read"]),  # after `DELIMITER ;`, statements end at `;` again
    ]
    assert ev.problems == []


def test_a_plpgsql_function_body_is_audited(tmp_path: Path, tables: list[Table]) -> None:
    ev = audit(tmp_path, tables, PLPGSQL, "postgres")
    assert uses(ev) == [
        (5, 3, ["patients.email:read", "patients.id:read"]),
        (6, 12, ["patients.diagnosis:read"]),  # FOR r IN SELECT ... LOOP
        (7, 5, ["audit_log.note:write", "audit_log.patient_id:write"]),
    ]
    assert [(p.location.line, p.severity) for p in ev.problems] == [(9, Severity.WARNING)]
    assert "dynamic SQL" in ev.problems[0].message


def test_a_tsql_procedure_without_semicolons_is_audited(tmp_path: Path, tables: list[Table]) -> None:
    ev = audit(tmp_path, tables, TSQL, "tsql")
    assert uses(ev) == [
        (6, 3, ["patients.email:read", "patients.id:read"]),
        (9, 5, ["patients.diagnosis:write", "patients.id:read"]),
        (11, 3, ["patients.birth_date:read", "patients.id:read", "patients.name:read"]),
        (14, 1, ["patients.name:read"]),
    ]
    assert ev.problems == []


def test_a_tsql_batch_of_a_cursor_or_a_block_is_audited(tmp_path: Path, tables: list[Table]) -> None:
    """A T-SQL batch that opens with DECLARE (a cursor) or BEGIN has no routine header: its
    statements were waited for after an AS that never came, and dropped without a word."""
    text = (
        "DECLARE c CURSOR LOCAL FAST_FORWARD FOR\n"
        "  SELECT email FROM patients\n"
        "OPEN c\n"
        "GO\n"
        "BEGIN\n"
        "  SELECT diagnosis FROM patients;\n"
        "  UPDATE patients SET name = NULL;\n"
        "END\n"
        "GO\n"
    )
    ev = audit(tmp_path, tables, text, "tsql")
    assert uses(ev) == [
        (2, 3, ["patients.email:read"]),
        (6, 3, ["patients.diagnosis:read"]),
        (7, 3, ["patients.name:write"]),
    ]
    assert ev.problems == []


TSQL_SCRATCH = """\
CREATE PROCEDURE dbo.ExportPatients @id INT
AS
BEGIN
  CREATE TABLE #picked (id INT, mail VARCHAR(100))
  DECLARE @seen TABLE (id INT, nick VARCHAR(50))
  INSERT INTO #picked (id, mail) SELECT id, email FROM patients WHERE id > @id
  INSERT @seen SELECT id, name FROM patients
  SELECT s.nick, diagnosis FROM @seen s JOIN patients p ON p.id = s.id
  SELECT note FROM audit_log WHERE patient_id IN (SELECT id FROM #picked)
  UPDATE p SET p.birth_date = NULL FROM patients p JOIN #picked k ON k.id = p.id
  SELECT * FROM #picked
  DROP TABLE #picked
END
GO
"""


def test_a_tsql_procedure_s_scratch_tables_are_its_own_and_what_flows_through_them_is_read(
    tmp_path: Path, tables: list[Table]
) -> None:
    """Germadent: `#temp` tables and `@table` variables were named unknown tables, a subquery
    over one lost its whole statement, and `UPDATE p ... FROM patients p` updated a table 'p'."""
    ev = audit(tmp_path, tables, TSQL_SCRATCH, "tsql")
    assert uses(ev) == [
        (6, 3, ["patients.email:read", "patients.id:read"]),
        (7, 3, ["patients.id:read", "patients.name:read"]),
        (8, 3, ["patients.diagnosis:read", "patients.id:read"]),
        (9, 3, ["audit_log.note:read", "audit_log.patient_id:read"]),
        (10, 3, ["patients.birth_date:write", "patients.id:read"]),
        (11, 3, []),  # the procedure's own rows: no audited column
    ]
    assert ev.problems == []


def test_a_statement_that_does_not_parse_is_one_warning_and_the_rest_is_read(
    tmp_path: Path, tables: list[Table]
) -> None:
    text = (
        "BEGIN\n"
        "  UPDATE patients SET email = NULL WHERE CURRENT OF OF c;\n"
        "  DELETE FROM audit_log WHERE patient_id = 3;\n"
        "END;\n"
        "/\n"
    )
    ev = audit(tmp_path, tables, text, "oracle")
    assert uses(ev) == [(3, 3, ["audit_log.patient_id:read"])]
    assert [(p.location.line, p.severity) for p in ev.problems] == [(2, Severity.WARNING)]
    assert ev.problems[0].message.startswith("cannot parse a statement in stored code")


def test_a_block_that_cannot_be_tokenized_keeps_one_warning(tmp_path: Path, tables: list[Table]) -> None:
    ev = audit(tmp_path, tables, "BEGIN\n  SELECT name FROM patients WHERE x = 'open;\nEND;\n/\n", "oracle")
    assert ev.queries == []
    assert [(p.location.line, p.severity) for p in ev.problems] == [(1, Severity.WARNING)]
    assert "cannot be split into SQL tokens; the SQL inside it is not audited" in ev.problems[0].message


def test_only_the_query_reader_keeps_tsql_routines_whole() -> None:
    """The dialect sniffing of `cnsnt init` splits as before; the query reader asks for routines."""
    plain = [s.line for s in split_statements([TSQL], "tsql")]
    whole = [s.line for s in split_statements([TSQL], "tsql", routines=True)]
    assert plain == [1, 5, 6, 7, 14]
    assert whole == [1, 14]


@pytest.mark.parametrize(
    ("text", "dialect", "expected"),
    [
        ("CREATE OR ALTER PROCEDURE dbo.p AS SELECT 1", "tsql", True),
        ("CREATE DEFINER=`u`@`h` TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1", "mysql", True),
        ("DO $$ BEGIN PERFORM 1; END $$", "postgres", True),
        ("CREATE TABLE procedure_log (id INT)", "postgres", False),
        ("CREATE VIEW v AS SELECT 1", "tsql", False),
    ],
)
def test_defines_routine(text: str, dialect: str, expected: bool) -> None:
    assert defines_routine(text, dialect) is expected


def test_a_trigger_header_holds_no_statement_and_its_row_is_read() -> None:
    """`BEFORE INSERT OR UPDATE` names the events: the body's INSERT is a statement, and the
    `:new.id`, `:old.email` it copies are columns of the trigger's table, read."""
    text = ORACLE.split("/\n")[1]
    routine = read_routine(text, "oracle", 20, 1)
    assert [(s.line, s.column, s.text) for s in routine.statements] == [
        (22, 3, "INSERT INTO audit_log (patient_id, note, changed_at) VALUES (:new_id, :old_email, SYSDATE)"),
        (22, 64, "SELECT id, email FROM patients"),  # at `:new.id`
    ]


def test_a_tsql_trigger_reads_its_table_through_inserted() -> None:
    text = (
        "CREATE TRIGGER trg ON dbo.patients AFTER INSERT, UPDATE AS\n"
        "INSERT INTO audit_log (patient_id, note) SELECT i.id, i.email FROM inserted i\n"
    )
    routine = read_routine(text, "tsql", 1, 1)
    assert [s.text for s in routine.statements] == [
        "INSERT INTO audit_log (patient_id, note) SELECT i.id, i.email FROM dbo.patients i"
    ]


def test_a_tsql_trigger_reads_its_table_through_inserted_and_deleted_in_a_from_list() -> None:
    """`FROM inserted i, deleted d` names both rows (the second was left an unknown table),
    and a bare `deleted` keeps its name as an alias (`deleted.email` read nothing)."""
    text = (
        "CREATE TRIGGER trg ON dbo.patients AFTER UPDATE AS\n"
        "IF EXISTS (SELECT * FROM inserted i, deleted d WHERE i.email = d.email) RETURN\n"
        "SELECT deleted.email, deleted FROM deleted\n"
    )
    routine = read_routine(text, "tsql", 1, 1)
    assert [s.text for s in routine.statements] == [
        "SELECT * FROM dbo.patients i, dbo.patients d WHERE i.email = d.email",
        "SELECT deleted.email, deleted FROM dbo.patients AS deleted",
    ]


def test_a_postgres_trigger_that_calls_a_function_runs_no_dynamic_sql() -> None:
    """`EXECUTE FUNCTION f()` is a trigger's action (a call), not `EXECUTE 'built text'`."""
    text = (
        "CREATE TRIGGER check_rows BEFORE INSERT OR UPDATE ON rows\n"
        "FOR EACH ROW EXECUTE PROCEDURE check_rows()"
    )
    routine = read_routine(text, "postgres", 1, 1)
    assert routine.unread == [] and routine.failure is None


def test_a_body_in_single_quotes_has_its_doubled_quotes_read_as_one() -> None:
    """An old pg_dump writes a body as '...' with each quote doubled: ''sec'' is 'sec'."""
    text = (
        "CREATE FUNCTION f() RETURNS void AS '\n"
        "begin\n"
        "  update patients set note = ''seen '''' twice'' where name = ''x'';\n"
        "end;' LANGUAGE plpgsql"
    )
    routine = read_routine(text, "postgres", 1, 1)
    assert [(s.line, s.text) for s in routine.statements] == [
        (3, "update patients set note = 'seen '' twice' where name = 'x'")
    ]


def test_execute_immediate_of_a_constant_string_is_read_not_called_dynamic() -> None:
    """Only SQL built at run time cannot be read: a constant's DDL reads no data, and a
    constant query is audited at its place (alsigm: 66 such warnings, each of a literal)."""
    text = (
        "BEGIN\n"
        "  EXECUTE IMMEDIATE 'drop index ctx_title';\n"
        "  EXECUTE IMMEDIATE 'select email from patients where id = :1' INTO v USING p;\n"
        "  EXECUTE IMMEDIATE 'drop index ' || policy;\n"
        "END;"
    )
    routine = read_routine(text, "oracle", 1, 1)
    assert [(s.line, s.text) for s in routine.statements] == [
        (3, "select email from patients where id = :1")
    ]
    assert [(u.line, u.reason) for u in routine.unread] == [
        (4, "dynamic SQL (built at run time) cannot be read")
    ]


def test_a_body_without_a_string_is_walked_whole_in_a_string_body_dialect() -> None:
    """A procedure written as T-SQL writes it, read as PostgreSQL: its statements are still
    found (then named as unparsable where they are), never passed over in silence."""
    text = "CREATE PROCEDURE add_person @email varchar(80) AS\nBEGIN\n  INSERT INTO people (email) VALUES (@email)\nEND"
    routine = read_routine(text, "postgres", 1, 1)
    assert [(s.line, s.column) for s in routine.statements] == [(3, 3)]


def test_the_routines_of_a_schema_file_are_audited_as_queries(tmp_path: Path) -> None:
    """A dump holds its tables and the functions that use them: the use rules see those
    statements (CN302 here), and a column no routine reads is not called unused (CN401
    needs the application's queries)."""
    from cnsnt.api import audit_path

    (tmp_path / "dump.sql").write_text(SCHEMA + PLPGSQL)
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: dump.sql, dialect: postgres}]\n"
    )
    result = audit_path(tmp_path)
    unattributed = {(f.subject, f.location.line) for f in result.findings if f.rule == "CN302"}
    assert ("patients.email", 8) in unattributed  # the function's SELECT ... INTO, at its line
    assert ("patients.diagnosis", 9) in unattributed  # its FOR ... IN SELECT loop
    assert [(f.location.line, f.severity) for f in result.findings if f.rule == "CN001"] == [
        (12, Severity.WARNING)  # EXECUTE of a string built at run time
    ]
    assert "CN401" in {s.rule for s in result.skipped}
    assert result.sources["stored_code_files"] == 1


@pytest.mark.parametrize(("dialect", "skipped"), [("mysql", False), (None, True)])
def test_a_delimiter_trigger_of_a_schema_file_read_as_stored_code_is_not_called_skipped(
    tmp_path: Path, dialect: str | None, skipped: bool
) -> None:
    """SVWS: 538 'stored routine or trigger ... skipped' warnings on triggers whose
    statements were audited all the same; without a MySQL dialect nothing reads them."""
    from cnsnt.api import audit_path

    (tmp_path / "dump.sql").write_text(
        SCHEMA + "DELIMITER $\n"
        "CREATE TRIGGER t_ins BEFORE INSERT ON patients FOR EACH ROW\n"
        "BEGIN\n"
        "  UPDATE audit_log SET note = NEW.email WHERE patient_id = NEW.id;\n"
        "END\n"
        "$\n"
        "DELIMITER ;\n"
    )
    entry = "{path: dump.sql" + (f", dialect: {dialect}" if dialect else "") + "}"
    (tmp_path / "cnsnt.yaml").write_text(f"cnsnt: 1\nsources:\n  schemas: [{entry}]\n")
    result = audit_path(tmp_path)
    warned = [f.message for f in result.findings if f.rule == "CN001"]
    assert any("trigger in a 'DELIMITER $' block skipped" in m for m in warned) is skipped
    written = {f.subject for f in result.findings if f.rule == "CN302"}
    assert ("audit_log.note" in written) is not skipped


def test_a_variable_is_a_bind_unless_a_table_of_the_statement_has_that_column() -> None:
    """Oracle reads a name a column of the statement's tables has as that column; any
    other declared name (a variable, a parameter, a function called bare) is a value."""
    text = (
        "CREATE OR REPLACE PROCEDURE p(talonid IN NUMBER, email IN VARCHAR2) IS\n"
        "  FUNCTION next_id RETURN NUMBER IS BEGIN RETURN 1; END;\n"
        "BEGIN\n"
        "  UPDATE patients SET email = email WHERE id = talonid AND id <> next_id;\n"
        "END;\n"
    )
    columns = {"patients": frozenset({"id", "email"}), "talons": frozenset({"talonid"})}
    routine = read_routine(text, "oracle", 1, 1, columns)
    assert [s.text for s in routine.statements] == [
        "UPDATE patients SET email = email WHERE id = :talonid AND id <> :next_id"
    ]


def test_a_tsql_variable_named_like_a_keyword_is_no_statement() -> None:
    text = (
        "CREATE TRIGGER trg ON dbo.patients AFTER DELETE AS\n"
        "DECLARE @Update VARCHAR(10)\n"
        "SET @Update = 'DELETE'\n"
        "INSERT dbo.audit_log SELECT @Update + 'x', id FROM deleted\n"
    )
    routine = read_routine(text, "tsql", 1, 1)
    assert [(s.line, s.text) for s in routine.statements] == [
        (4, "INSERT dbo.audit_log SELECT @Update + 'x', id FROM dbo.patients AS deleted")
    ]


@pytest.mark.parametrize(
    ("text", "dialect"), [(MYSQL, "mysql"), (MYSQL.replace("$$", "//"), "mysql"), (TSQL, "tsql")]
)
def test_stored_code_splits_the_same_wherever_the_chunks_are_cut(text: str, dialect: str) -> None:
    whole = [(s.line, s.column, s.text) for s in split_statements([text], dialect, routines=True)]
    assert len(whole) == 2  # the routine, and the query after it
    for size in range(1, 9):
        chunks = [text[i : i + size] for i in range(0, len(text), size)]
        assert [(s.line, s.column, s.text) for s in split_statements(chunks, dialect, routines=True)] == whole


def test_a_sqlite_trigger_that_raises_reads_the_row_it_checks() -> None:
    text = (
        "CREATE TRIGGER no_bad_mail BEFORE INSERT ON patients FOR EACH ROW BEGIN\n"
        "  SELECT RAISE(ABORT, 'bad (mail)') WHERE NEW.email NOT LIKE '%@%';\n"
        "END"
    )
    routine = read_routine(text, "sqlite", 1, 1)
    assert [(s.line, s.text) for s in routine.statements] == [
        (2, "SELECT NULL WHERE NEW.email NOT LIKE '%@%'"),
        (2, "SELECT email FROM patients"),
    ]


class _Counted(list):  # type: ignore[type-arg]
    """Tokens that count how often they are read."""

    reads = 0

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        _Counted.reads += 1
        return super().__getitem__(index)


def test_unclosed_raise_calls_are_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """`SELECT RAISE(RAISE(RAISE(...` never closed: each RAISE read the rest of the
    statement (120 KB took a minute); the tokens are now read a bounded number of times each."""
    real = routine_bodies._tokenize
    monkeypatch.setattr(routine_bodies, "_tokenize", lambda text, dialect: _Counted(real(text, dialect)))
    _Counted.reads = 0
    text = "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT " + "RAISE(" * 2000 + " FROM y; END"
    routine = read_routine(text, "sqlite", 1, 1)
    assert len(routine.statements) == 1
    assert _Counted.reads < 40 * 4000
    closed = read_routine("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT RAISE(ABORT, (RAISE(x))) FROM y; END",
                          "sqlite", 1, 1)
    assert [s.text for s in closed.statements] == ["SELECT NULL FROM y"]


REPORTS = """\
CREATE TABLE patients (id INT PRIMARY KEY, name TEXT, phone TEXT, diagnosis TEXT);
CREATE OR REPLACE FUNCTION make_reports(p int) RETURNS integer AS
$body$
BEGIN
  CREATE TEMP TABLE picked (id int);
  CREATE VIEW "Patient Report" AS
    SELECT name, phone FROM patients WHERE id = p;
  CREATE TABLE IF NOT EXISTS report_log (made_at timestamp, made_by text);
  CREATE TABLE diagnoses AS SELECT id, diagnosis FROM patients;
  RETURN 0;
END
$body$ LANGUAGE plpgsql;
CREATE FUNCTION quoted() RETURNS void AS 'CREATE VIEW not_read AS SELECT 1 AS a' LANGUAGE sql;
"""


def test_the_views_and_tables_a_plpgsql_function_creates_are_read_as_schema() -> None:
    """szpital-nad-styksem: report views made by functions were read only while the
    PostgreSQL body was cut apart at its `;` (no dialect); read as one string (postgres),
    they were lost. A TEMP table is the function's own scratch, not schema."""
    result = parse_ddl(REPORTS, "postgres")
    lines = {t.name: REPORTS.count("\n", 0, t.offset) + 1 for t in result.tables}
    # CREATE TABLE AS SELECT: a working copy whose reads the routine's statement audits
    assert lines == {"patients": 1, "Patient Report": 6, "report_log": 8}
    view = next(t for t in result.tables if t.is_view)
    assert [c.name for c in view.columns] == ["name", "phone"]
    assert result.problems == ()


def test_the_select_of_a_view_a_routine_creates_is_no_read() -> None:
    """As at the top of a file, a view reads nothing until a query reads it (through it);
    CREATE TABLE AS SELECT copies what it selects."""
    statement = next(s for s in split_statements([REPORTS], "postgres", routines=True) if "make_reports" in s.text)
    routine = read_routine(statement.text, "postgres", statement.line, statement.column)
    assert [(s.line, s.text) for s in routine.statements] == [(9, "SELECT id, diagnosis FROM patients")]


def test_a_postgres_folder_s_file_whose_function_creates_a_view_is_a_schema(tmp_path: Path) -> None:
    from cnsnt.starter.discover import Found, discover

    folder = tmp_path / "postgres"
    folder.mkdir()
    (folder / "create.sql").write_text(REPORTS.split("\n", 1)[0] + "\n")
    (folder / "report.sql").write_text(REPORTS.split("\n", 1)[1])
    # both hold schema: one entry for the folder (the report file was a query file)
    assert discover(tmp_path) == [Found("schemas", "postgres/*.sql", dialect="postgres")]


def test_a_migration_s_do_block_that_creates_a_view_adds_it_to_the_history() -> None:
    from cnsnt.sql.migrations import MigrationFile, replay_migrations

    files = [
        MigrationFile("001_patients.sql", REPORTS.split("\n", 1)[0] + "\n"),
        MigrationFile(
            "002_report.sql",
            "DO $$\nBEGIN\n  IF true THEN\n    CREATE MATERIALIZED VIEW IF NOT EXISTS report AS\n"
            "    SELECT id, phone FROM patients;\n  END IF;\nEND $$;\n",
        ),
    ]
    replayed = replay_migrations(files, "postgres")
    views = [(t.name, t.where.file, t.where.offset) for t in replayed.tables if t.name == "report"]
    assert len(views) == 1 and views[0][1] == 1


GUARDED = """\
CREATE TABLE users (id INT PRIMARY KEY, name TEXT, fax TEXT, team INT);
CREATE TABLE teams (id INT PRIMARY KEY);
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                 WHERE table_name = 'users' AND column_name = 'phone') THEN
    ALTER TABLE users ADD COLUMN phone text;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                 WHERE table_name = 'users' AND column_name = 'id') THEN
    ALTER TABLE users ADD COLUMN id text;
  END IF;
END $$;
DO $$ BEGIN
  ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team) REFERENCES teams(id);
EXCEPTION WHEN duplicate_object THEN null;
END $$;
CREATE FUNCTION tidy() RETURNS void AS $$
BEGIN
  CREATE TEMP TABLE scratch (x int);
  ALTER TABLE scratch ADD COLUMN email text;
  ALTER TABLE users DROP COLUMN fax;
  ALTER TABLE users RENAME COLUMN name TO full_name;
  COMMENT ON COLUMN users.full_name IS 'as printed';
END $$ LANGUAGE plpgsql;
"""


def test_the_alter_table_and_comment_of_a_do_block_or_function_change_the_schema() -> None:
    """Migration-style schema files wrap ALTERs in `DO $$ ... IF NOT EXISTS ... THEN`, and
    drizzle-kit each foreign key in `DO $$ BEGIN ... EXCEPTION WHEN duplicate_object`
    (Viali's 266 migrations: 43 foreign keys read, 480 with these): they are applied like
    the same statements outside, at their places; a guarded ADD of a column the table
    has leaves it as it was, and a TEMP table's ALTER is the routine's own."""
    result = parse_ddl(GUARDED, "postgres")
    (users,) = [t for t in result.tables if t.name == "users"]
    line = {c.name: GUARDED.count("\n", 0, c.offset) + 1 for c in users.columns}
    assert line == {"id": 1, "full_name": 1, "team": 1, "phone": 7}
    id_column = next(c for c in users.columns if c.name == "id")
    assert (id_column.type, id_column.primary_key) == ("INT", True)  # not the guarded `id text`
    assert next(c for c in users.columns if c.name == "full_name").comment == "as printed"
    assert [(k.columns, k.ref_table) for k in users.foreign_keys] == [(("team",), "teams")]
    assert {t.name for t in result.tables} == {"users", "teams"}  # no table of scratch's ALTER
    assert result.problems == ()


def test_a_migration_s_do_block_alters_the_replayed_history() -> None:
    from cnsnt.sql.migrations import MigrationFile, replay_migrations

    create, rest = GUARDED.split("DO $$", 1)
    replayed = replay_migrations([MigrationFile("001.sql", create), MigrationFile("002.sql", "DO $$" + rest)],
                                 "postgres")
    (users,) = [t for t in replayed.tables if t.name == "users"]
    assert [(c.name, c.where.file) for c in users.columns] == [
        ("id", 0), ("full_name", 1), ("team", 0), ("phone", 1)
    ]
    assert [(k.columns, k.ref_table) for k in users.foreign_keys] == [(("team",), "teams")]
    assert replayed.problems == ()


def test_add_column_if_not_exists_of_a_column_the_table_has_changes_nothing() -> None:
    text = "CREATE TABLE t (a INT PRIMARY KEY);\nALTER TABLE t ADD COLUMN IF NOT EXISTS a TEXT;\n"
    (table,) = parse_ddl(text, "postgres").tables
    assert [(c.name, c.type, c.primary_key, c.offset) for c in table.columns] == [("a", "INT", True, 16)]
