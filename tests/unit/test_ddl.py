"""Schema evidence from DDL files: cnsnt.sql.ddl (parsing) and cnsnt.sources.schemas.ddl (the reader).

Corpus files under ../shared/corpus/schemas are real third-party dumps (see each SOURCES.md);
the facts asserted here were read from them by hand; the tests skip when the corpus is absent.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, line_col
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql import ddl
from cnsnt.sql.ddl import parse_ddl
from tests.conftest import CORPUS as SHARED_CORPUS
from tests.conftest import corpus_path

CORPUS = SHARED_CORPUS / "schemas"


def spec_for(path: Path, dialect: str | None) -> SourceSpec:
    return SourceSpec(
        kind="schemas",
        pattern=path.name,
        base_dir=path.parent,
        location=Location("cnsnt.yaml", 3, 5),
        dialect=dialect,
    )


@cache
def corpus(relpath: str, dialect: str | None) -> Evidence:
    path = corpus_path(f"schemas/{relpath}")
    return read_ddl(path, spec_for(path, dialect), SourceContext(base_dir=CORPUS))


def read_sql(tmp_path: Path, text: str | bytes, dialect: str | None = None) -> Evidence:
    path = tmp_path / "schema.sql"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return read_ddl(path, spec_for(path, dialect), SourceContext(base_dir=tmp_path))


def table(ev: Evidence, key: str) -> Table:
    found = [t for t in ev.tables if t.key == key]
    assert len(found) == 1, f"{key}: {[t.key for t in ev.tables][:20]}"
    return found[0]


def columns(ev: Evidence, key: str) -> list[str]:
    return [c.name for c in table(ev, key).columns]


def kinds(ev: Evidence) -> Counter[str]:
    return Counter("warning" if p.severity is Severity.WARNING else "error" for p in ev.problems)


# --- every CREATE TABLE of the corpus is recovered ---------------------------------

# (file, dialect, tables, views, error problems, warning problems). The table counts are
# INDEX.md's CREATE TABLE counts, except: sakila and pagila each have one more CREATE
# TABLE inside a stored routine body (a temporary table, not schema); synapse's sqlite
# file has 2 `CREATE VIRTUAL TABLE` (fts4) that INDEX.md does not count.
CORPUS_FIGURES = [
    ("mimic-iv/create.sql", "postgres", 31, 0, 0, 0),
    ("musicbrainz/CreateTables.sql", "postgres", 375, 0, 0, 1),
    ("mysql-test_db/sakila-mv-schema.sql", "mysql", 16, 7, 0, 0),
    ("mysql-test_db/employees.sql", "mysql", 6, 2, 0, 6),
    ("oracle-hr/hr_create.sql", "oracle", 7, 1, 0, 0),
    ("orfeo/create_db_mssql.sql", "tsql", 84, 0, 0, 0),
    ("orfeo/create_db_postgres.sql", "postgres", 153, 1, 0, 0),
    ("omop-cdm/OMOPCDM_bigquery_5.4_ddl.sql", "bigquery", 39, 0, 0, 0),
    ("omop-cdm/OMOPCDM_snowflake_5.4_ddl.sql", "snowflake", 39, 0, 0, 0),
    ("omop-cdm/OMOPCDM_sql_server_5.4_ddl.sql", "tsql", 39, 0, 0, 0),
    ("synapse/full.sql.sqlite", "sqlite", 132, 0, 0, 0),
    ("mayor/intezmeny.sql", "mysql", 65, 0, 0, 0),
    ("openstamanager/2_0.sql", "mysql", 79, 0, 0, 0),
    ("opencart/opencart.sql", "mysql", 136, 0, 0, 1),  # one warning for 136 banners
    ("pagila/pagila-schema.sql", "postgres", 71, 8, 0, 0),
    ("instantcms/base.sql", "mysql", 50, 0, 0, 0),
    ("gibbon/gibbon.sql", "mysql", 200, 0, 0, 0),
    ("i-educar/07-tables.sql", "postgres", 402, 0, 0, 0),
]


@pytest.mark.parametrize(
    ("relpath", "dialect", "n_tables", "n_views", "errors", "warnings"),
    CORPUS_FIGURES,
    ids=[f[0] for f in CORPUS_FIGURES],
)
def test_corpus_figures(
    relpath: str, dialect: str, n_tables: int, n_views: int, errors: int, warnings: int
) -> None:
    ev = corpus(relpath, dialect)
    assert ev.counts["tables"] == n_tables
    assert ev.counts["views"] == n_views
    assert kinds(ev) == Counter({"error": errors, "warning": warnings}) - Counter()
    assert ev.audited == {"schemas"}
    assert ev.counts["schema_files"] == 1
    assert ev.counts["columns"] == sum(len(t.columns) for t in ev.tables)
    # every table has columns, and every place is a real line of the file
    lines = (CORPUS / relpath).read_bytes().count(b"\n") + 1
    for t in ev.tables:
        assert t.columns, t.key
        assert t.source == relpath and t.location.path == relpath
        assert t.dialect == dialect
        for c in t.columns:
            assert c.location.line is not None and 1 <= c.location.line <= lines
            assert c.location.column is not None and c.location.column >= 1


@pytest.mark.parametrize(("relpath", "dialect"), [(f[0], f[1]) for f in CORPUS_FIGURES])
def test_no_create_table_lost_silently(relpath: str, dialect: str) -> None:
    """Each statement-level CREATE TABLE line gives a table or lies under a problem."""
    ev = corpus(relpath, dialect)
    text = (CORPUS / relpath).read_text(encoding="utf-8", errors="replace")
    create_lines = [
        i
        for i, line in enumerate(text.split("\n"), start=1)
        if line.upper().startswith(("CREATE TABLE", "CREATE VIRTUAL TABLE"))
    ]
    table_lines = {t.location.line for t in ev.tables}
    problem_lines = {p.location.line for p in ev.problems}
    lost = [n for n in create_lines if n not in table_lines and n not in problem_lines]
    assert lost == []


# --- facts per corpus file ---------------------------------------------------------


def test_mimic_patients() -> None:
    ev = corpus("mimic-iv/create.sql", "postgres")
    patients = table(ev, "mimiciv_hosp.patients")
    assert patients.schema == "mimiciv_hosp" and patients.name == "patients"
    assert [c.name for c in patients.columns] == [
        "subject_id", "gender", "anchor_age", "anchor_year", "anchor_year_group", "dod",
    ]
    assert patients.location == Location("mimic-iv/create.sql", 227, 1)
    dod = patients.columns[-1]
    assert (dod.type, dod.location.line, dod.location.column) == ("DATE", 234, 3)
    assert dod.key == "mimiciv_hosp.patients.dod"
    assert "marital_status" in columns(ev, "mimiciv_hosp.admissions")


def test_musicbrainz_psql_set_is_a_warning_and_the_rest_counts() -> None:
    ev = corpus("musicbrainz/CreateTables.sql", "postgres")
    (problem,) = ev.problems
    assert problem.severity is Severity.WARNING
    assert problem.location == Location("musicbrainz/CreateTables.sql", 1, 1)
    assert "\\set ON_ERROR_STOP 1" in problem.message and "psql" in problem.message
    editor = table(ev, "editor")
    assert {"email", "birth_date", "gender", "password"} <= set(columns(ev, "editor"))
    assert editor.location.line == 674
    # sqlglot cannot parse the `cube` type: the column list is read element by element
    assert [(c.name, c.type) for c in table(ev, "medium_index").columns] == [
        ("medium", "INT"), ("toc", "CUBE"),
    ]
    # PARTITION OF tables get their parent's columns
    assert columns(ev, "artist_release_va") == columns(ev, "artist_release")


def stored_code(relpath: str, ev: Evidence) -> Evidence:
    """What the stored-code reader audits in a corpus schema file, over the tables read."""
    from cnsnt.sources.queries.reader import read_stored_code

    ctx = SourceContext(base_dir=CORPUS)
    ctx.tables = ev.tables
    spec = SourceSpec("schemas", relpath, CORPUS, Location("cnsnt.yaml", 1), "mysql")
    return read_stored_code(CORPUS / relpath, spec, ctx)


def test_sakila_delimiter_blocks() -> None:
    """The DDL reader skips the routines of `DELIMITER ;;`, `//` and `$$` blocks for its
    tables and says nothing of them: the stored-code reader audits their statements."""
    ev = corpus("mysql-test_db/sakila-mv-schema.sql", "mysql")
    assert ev.problems == []
    lines = {q.location.line for q in stored_code("mysql-test_db/sakila-mv-schema.sql", ev).queries}
    # the `ins_film` trigger (;;), `rewards_report` (//) and `get_customer_balance` ($$)
    assert {191, 470, 536} <= lines
    # tables after the blocks still count; the temporary table inside a procedure is not one
    assert {"inventory", "staff", "store"} <= {t.name for t in ev.tables}
    assert "tmpCustomer" not in {t.name for t in ev.tables}
    assert {"first_name", "last_name", "email", "address_id"} <= set(columns(ev, "customer"))
    # CREATE DEFINER=... SQL SECURITY INVOKER VIEW: sqlglot keeps it as a Command; recovered
    actor_info = table(ev, "actor_info")
    assert actor_info.is_view and actor_info.view_sql is not None
    assert actor_info.view_sql.startswith("SELECT a.actor_id, a.first_name, a.last_name")
    assert columns(ev, "actor_info") == ["actor_id", "first_name", "last_name", "film_info"]


def test_employees_source_commands() -> None:
    ev = corpus("mysql-test_db/employees.sql", "mysql")
    lines = [p.location.line for p in ev.problems]
    assert lines == [113, 115, 117, 119, 121, 123]
    assert "source load_departments.dump" in ev.problems[0].message
    assert "and 3 more lines" in ev.problems[-1].message  # 123-125 and 127: one run
    assert all(p.severity is Severity.WARNING for p in ev.problems)
    assert columns(ev, "employees") == [
        "emp_no", "birth_date", "first_name", "last_name", "gender", "hire_date",
    ]
    assert table(ev, "employees").columns[0].primary_key
    view = table(ev, "current_dept_emp")
    assert view.is_view and view.view_sql is not None and "dept_emp" in view.view_sql
    assert columns(ev, "current_dept_emp") == ["emp_no", "dept_no", "from_date", "to_date"]


def test_oracle_hr_sqlplus_lines_and_comments() -> None:
    ev = corpus("oracle-hr/hr_create.sql", "oracle")
    # SET FEEDBACK, Prompt ****** Creating ... and REM are SQL*Plus settings and comments:
    # no finding (they hold no table), and the tables after them still count
    assert ev.problems == []
    # the SET lines are glued to the CREATE TABLE regions in sqlglot's eyes; it still counts
    regions = table(ev, "regions")
    assert regions.location.line == 63
    assert regions.comment is not None and regions.comment.startswith("Regions table")
    assert regions.columns[0].primary_key  # from ALTER TABLE regions ADD (CONSTRAINT ... PK)
    salary = {c.name: c for c in table(ev, "employees").columns}["salary"]
    assert salary.comment == (
        "Monthly salary of the employee. Must be greater \n"
        "than zero (enforced by constraint emp_salary_min)"
    )
    assert salary.type == "NUMBER(8, 2)" and salary.location.line == 213
    # ORGANIZATION INDEX makes sqlglot give up; the table is re-parsed without it
    assert columns(ev, "countries") == ["country_id", "country_name", "region_id"]
    view = table(ev, "emp_details_view")
    assert view.is_view and len(view.columns) == 16 and view.columns[0].name == "employee_id"


def test_orfeo_mssql_go_batches_crlf_brackets() -> None:
    ev = corpus("orfeo/create_db_mssql.sql", "tsql")
    t = table(ev, "dbo.ANEXOS_TIPO")
    assert (t.schema, t.name, t.location.line) == ("dbo", "ANEXOS_TIPO", 744)
    first = t.columns[0]
    assert (first.name, first.type, first.location.line, first.location.column) == (
        "ANEX_TIPO_CODI", "NUMERIC(4, 0)", 745, 2,
    )
    # ALTER TABLE [dbo].[ANEXOS_TIPO] WITH NOCHECK ADD CONSTRAINT ... PRIMARY KEY CLUSTERED
    assert first.primary_key
    assert {"EMAIL", "TELEFONO_1", "NOMBRE_REP_LEGAL"} <= set(columns(ev, "dbo.BODEGA_EMPRESAS"))
    assert ev.problems == []


def test_orfeo_postgres_pg_dump() -> None:
    ev = corpus("orfeo/create_db_postgres.sql", "postgres")
    assert {"sgd_ciu_nombre", "sgd_ciu_apell1", "sgd_ciu_cedula", "sgd_ciu_email"} <= set(
        columns(ev, "public.sgd_ciu_ciudadano")
    )
    assert table(ev, "public.sgd_ciu_ciudadano").location.line == 4288


def test_omop_three_dialects_agree() -> None:
    names = {}
    for relpath, dialect in [
        ("omop-cdm/OMOPCDM_bigquery_5.4_ddl.sql", "bigquery"),
        ("omop-cdm/OMOPCDM_snowflake_5.4_ddl.sql", "snowflake"),
        ("omop-cdm/OMOPCDM_sql_server_5.4_ddl.sql", "tsql"),
    ]:
        ev = corpus(relpath, dialect)
        names[dialect] = {t.key: [c.name for c in t.columns] for t in ev.tables}
        # `@cdmDatabaseSchema.` is a placeholder: dropped, so the table is just `person`
        person = table(ev, "person")
        assert person.schema is None and person.location.line == 3
        assert person.columns[0].location.line == 4
    assert names["snowflake"] == names["bigquery"] == names["tsql"]
    assert len(names["snowflake"]) == 39
    assert names["snowflake"]["person"][:4] == [
        "person_id", "gender_concept_id", "year_of_birth", "month_of_birth",
    ]
    snow = {c.name: c.type for c in table(corpus(
        "omop-cdm/OMOPCDM_snowflake_5.4_ddl.sql", "snowflake"), "person").columns}
    assert snow["birth_datetime"] == "TIMESTAMP"
    assert snow["person_source_value"] == "VARCHAR(50)"


def test_synapse_sqlite() -> None:
    ev = corpus("synapse/full.sql.sqlite", "sqlite")
    assert "ip" in columns(ev, "user_ips") and "password_hash" in columns(ev, "users")
    # CREATE VIRTUAL TABLE ... USING fts4(...): the module's arguments are the columns
    assert columns(ev, "event_search") == ["event_id", "room_id", "sender", "key", "value"]


def test_mayor_hungarian_and_delimiter_function() -> None:
    ev = corpus("mayor/intezmeny.sql", "mysql")
    diak = columns(ev, "diak")
    for name in ("tajSzam", "adoazonosito", "szemelyiIgazolvanySzam", "szuletesiHely",
                 "szuletesiIdo", "lakhelyIrsz"):
        assert name in diak
    nem = {c.name: c for c in table(ev, "diak").columns}["nem"]
    assert nem.type == "ENUM('fiú', 'lány')"
    # the `DELIMITER //` function at line 980 gives the DDL reader nothing to say: its
    # statements are audited by the stored-code reader
    assert ev.problems == []
    assert 1015 in {q.location.line for q in stored_code("mayor/intezmeny.sql", ev).queries}


def test_openstamanager_italian() -> None:
    ev = corpus("openstamanager/2_0.sql", "mysql")
    anagrafiche = set(columns(ev, "an_anagrafiche"))
    assert {"codice_fiscale", "piva", "data_nascita", "luogo_nascita", "cellulare"} <= anagrafiche


def test_opencart_dash_lines() -> None:
    ev = corpus("opencart/opencart.sql", "mysql")
    assert all(p.severity is Severity.WARNING for p in ev.problems)
    # 137 banner lines in 136 places: one warning, not one per banner
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(1, 1)]
    assert "137 lines of dashes" in ev.problems[0].message
    assert {"firstname", "lastname", "email", "telephone"} <= set(columns(ev, "oc_customer"))
    assert table(ev, "oc_customer").location.line == 1000


def test_pagila_pg_dump() -> None:
    ev = corpus("pagila/pagila-schema.sql", "postgres")
    assert {"first_name", "last_name", "email", "address_id"} <= set(columns(ev, "public.customer"))
    film = {c.name: c.type for c in table(ev, "public.film").columns}
    assert film["fulltext"] == "tsvector" and film["length_hours"] == "DECIMAL(4, 2)"
    # `CREATE TYPE public.mpaa_rating AS ENUM (...)`: the column is typed by its values
    assert film["rating"] == "enum('G','PG','PG-13','R','NC-17') /* mpaa_rating */"
    # CREATE MATERIALIZED VIEW ... WITH NO DATA: a Command for sqlglot; recovered
    mv = table(ev, "public.rental_by_category")
    assert mv.is_view and columns(ev, "public.rental_by_category") == ["category", "total_sales"]
    assert "zip code" in columns(ev, "public.customer_list")


def test_instantcms_prefix_placeholder() -> None:
    ev = corpus("instantcms/base.sql", "mysql")
    users = table(ev, "users")  # `{#}users`: the placeholder is dropped
    assert users.location.line == 755 and users.comment == "Пользователи"
    email = {c.name: c for c in users.columns}["email"]
    assert email.location == Location("instantcms/base.sql", 758, 3)
    assert {c.name: c.comment for c in users.columns}["password_hash"] == "Хеш пароля"


def test_ieducar_schema_qualified() -> None:
    ev = corpus("i-educar/07-tables.sql", "postgres")
    assert "nome" in columns(ev, "cadastro.pessoa")
    fisica = table(ev, "cadastro.fisica")
    assert {"data_nasc", "sexo"} <= {c.name for c in fisica.columns}
    assert fisica.columns[1].key == "cadastro.fisica.data_nasc"


def test_gibbon_comment_with_doubled_quotes() -> None:
    ev = corpus("gibbon/gibbon.sql", "mysql")
    assert {"dob", "gender", "email", "phone1"} <= set(columns(ev, "gibbonPerson"))
    comments = [c.comment for c in ev.columns if c.name == "attainmentConcern"]
    assert "'P' denotes that student has exceed their personal target" in comments


# Speed: benchmarks/audit_schemas.py measures the largest corpus schemas (no timed unit tests).


# --- behaviour on small inputs -------------------------------------------------------


def test_mysql_comments_backticks_escapes_and_case(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "CREATE TABLE `App`.`Users` (\n"
        "  `ID` int NOT NULL AUTO_INCREMENT,\n"
        "  `Email` varchar(100) COMMENT 'l\\'adresse de l''élève',\n"
        "  PRIMARY KEY (`id`)\n"
        ") ENGINE=InnoDB COMMENT='people';\n"
    ), "mysql")
    users = table(ev, "App.Users")
    assert users.comment == "people"
    assert [(c.name, c.primary_key) for c in users.columns] == [("ID", True), ("Email", False)]
    email = users.columns[1]
    assert email.comment == "l'adresse de l'élève" and email.type == "VARCHAR(100)"
    assert email.location == Location("schema.sql", 3, 3)


def test_comment_on_and_alter_table(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "CREATE TABLE shop.customers (id int, fax text, nick text);\n"
        "ALTER TABLE shop.customers ADD COLUMN email text, ADD phone text;\n"
        "ALTER TABLE shop.customers DROP COLUMN fax;\n"
        "ALTER TABLE shop.customers RENAME COLUMN nick TO nickname;\n"
        "ALTER TABLE ONLY shop.customers ADD CONSTRAINT customers_pkey PRIMARY KEY (id);\n"
        "ALTER TABLE shop.customers OWNER TO app;\n"
        "COMMENT ON COLUMN shop.customers.EMAIL IS 'where we write';\n"
        "COMMENT ON TABLE customers IS 'who buys';\n"
        "COMMENT ON COLUMN shop.customers.missing IS 'x';\n"
        "ALTER TABLE audit_log ADD COLUMN ip inet;\n"
    ), "postgres")
    customers = table(ev, "shop.customers")
    assert customers.comment == "who buys"
    cols = {c.name: c for c in customers.columns}
    assert list(cols) == ["id", "nickname", "email", "phone"]
    assert cols["id"].primary_key and cols["email"].comment == "where we write"
    assert cols["email"].location.line == 2 and cols["phone"].location.line == 2
    # a COMMENT ON an unknown column is a harmless problem
    (problem,) = ev.problems
    assert problem.location.line == 9 and problem.severity is Severity.WARNING
    # ALTER TABLE ADD COLUMN on a table this file does not create still records the column
    assert columns(ev, "audit_log") == ["ip"]
    assert ev.counts["statements"] == 10


def test_mysql_alter_variants(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "CREATE TABLE t (a int, b int);\n"
        "ALTER TABLE t ADD COLUMN c int AFTER b, ADD d int FIRST;\n"
        "ALTER TABLE t ADD (e int, f varchar(9)), ADD KEY k (e);\n"  # a Command for sqlglot
        "ALTER TABLE t CHANGE a a2 int COMMENT 'renamed';\n"
        "ALTER TABLE t MODIFY b bigint;\n"
    ), "mysql")
    cols = table(ev, "t").columns
    assert [(c.name, c.type) for c in cols] == [
        ("a2", "INT"), ("b", "BIGINT"), ("c", "INT"), ("d", "INT"), ("e", "INT"),
        ("f", "VARCHAR(9)"),
    ]
    assert cols[0].comment == "renamed" and cols[0].location.line == 1
    assert [c.location.line for c in cols[2:]] == [2, 2, 3, 3]
    assert ev.problems == []


def test_psql_meta_commands_anywhere(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "\\connect shop\n"
        "CREATE TABLE a (x int);\n"
        "\\set ON_ERROR_STOP on\n"
        "CREATE TABLE b (y int)\n"
        "\\i other.sql\n"
        "CREATE TABLE c (z int);\n"
    ), "postgres")
    assert [t.name for t in ev.tables] == ["a", "b", "c"]
    assert [p.location.line for p in ev.problems] == [1, 3, 5]
    assert all(p.severity is Severity.WARNING for p in ev.problems)


def test_sqlplus_set_glued_to_create(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "rem don't mind this remark\n"
        "SET ECHO OFF\n"
        "SET VERIFY OFF\n"
        "CREATE TABLE people (name VARCHAR2(20), email VARCHAR2(40));\n"
        "PROMPT done\n"
        "@other_script.sql\n"
        "CREATE OR REPLACE PROCEDURE p IS BEGIN NULL; END;\n"
        "/\n"
        "CREATE TABLE pets (owner NUMBER)\n"
        "/\n"
    ), "oracle")
    assert columns(ev, "people") == ["name", "email"]
    assert columns(ev, "pets") == ["owner"]
    # REM is a comment, SET and PROMPT are settings: no finding; the script it runs is named
    assert [(p.location.line, p.severity) for p in ev.problems] == [(6, Severity.INFO)]
    assert "other_script.sql" in ev.problems[0].message


def test_tsql_go_and_statements_without_semicolons(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "SET ANSI_NULLS ON\r\n"
        "GO\r\n"
        "IF NOT EXISTS (SELECT 1 FROM sys.tables WHERE name = 'a') CREATE TABLE [dbo].[a] (\r\n"
        "\t[x] [int] NOT NULL\r\n"
        ")\r\n"
        "CREATE TABLE [b] ([y] nvarchar(10)) ALTER TABLE [b] ADD [z] int\r\n"
        "go\r\n"
    ), "tsql")
    assert columns(ev, "dbo.a") == ["x"] and columns(ev, "b") == ["y", "z"]
    assert table(ev, "dbo.a").columns[0].location == Location("schema.sql", 4, 2)
    assert ev.problems == []


def test_delimiter_block_with_a_table_in_it(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "DELIMITER $$\n"
        "CREATE TABLE kept (a int)$$\n"
        "CREATE DEFINER=`root`@`localhost` PROCEDURE p()\n"
        "BEGIN\n"
        "  CREATE TEMPORARY TABLE tmp (b int);\n"
        "END$$\n"
        "DELIMITER ;\n"
        "CREATE TABLE after_block (c int);\n"
        "DELIMITER //\n"
        "CREATE TRIGGER t BEFORE INSERT ON kept FOR EACH ROW BEGIN SET NEW.a = 1; END\n"
    ), "mysql")
    assert [t.name for t in ev.tables] == ["kept", "after_block"]
    # the closed block's procedure is read as stored code: only the open block is said
    assert [(p.location.line, p.severity) for p in ev.problems] == [(10, Severity.WARNING)]
    assert "left open" in ev.problems[0].message


def test_mysql_dash_line(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, "--------\nCREATE TABLE t (a int);\n--comment\n", "mysql")
    assert columns(ev, "t") == ["a"]
    # one warning for the file's banners, at the first, naming where the others are
    assert [p.location.line for p in ev.problems] == [1]
    assert "2 lines of dashes" in ev.problems[0].message and "at lines 1, 3" in ev.problems[0].message
    # the same lines are comments in PostgreSQL
    assert read_sql(tmp_path, "--------\nCREATE TABLE t (a int);\n", "postgres").problems == []


def test_mysql_executable_comments_are_sql(tmp_path: Path) -> None:
    """MySQL runs what `/*!NNNNN ... */` holds: a column or view in one is read, not lost."""
    text = (
        "/*!40101 SET NAMES utf8 */;\n"
        "CREATE TABLE address (\n"
        "  id int,\n"
        "  /*!50705 location GEOMETRY NOT NULL,*/\n"
        "  note text DEFAULT '/*!1 fake */'\n"
        ") ENGINE=InnoDB /*!50100 PARTITION BY HASH (id) PARTITIONS 4 */;\n"
        "/*!50001 CREATE VIEW `v_address` AS SELECT \n"
        " 1 AS `location`*/;\n"
        "/*!50001 CREATE ALGORITHM=UNDEFINED */\n"
        "/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n"
        "/*!50001 VIEW `v_address` AS select `address`.`location` AS `location` from `address` */;\n"
    )
    ev = read_sql(tmp_path, text, "mysql")
    assert columns(ev, "address") == ["id", "location", "note"]
    assert table(ev, "address").columns[1].location == Location("schema.sql", 4, 12)
    view = table(ev, "v_address")
    assert view.is_view and columns(ev, "v_address") == ["location"]
    assert ev.problems == []
    # elsewhere it is a comment
    assert columns(read_sql(tmp_path, text.replace("`", ""), "postgres"), "address") == ["id", "note"]


def test_placeholder_offsets_map_back(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, "CREATE TABLE `{#}a` (`{#}x` int, `y` int);\n", "mysql")
    a = table(ev, "a")
    assert [(c.name, c.location.column) for c in a.columns] == [("x", 22), ("y", 34)]


def test_unparseable_create_table_is_an_error_and_the_rest_counts(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "CREATE TABLE good (a int);\n"
        "CREATE TABLE ;\n"
        "CREATE TABLE copy AS SELECT * FROM good;\n"
        "CREATE TABLE also_good (b int);\n"
    ), "postgres")
    assert [t.name for t in ev.tables] == ["good", "copy", "also_good"]
    assert [(p.location.line, p.severity) for p in ev.problems] == [(2, None), (3, None)]
    assert ev.problems[0].message.startswith("CREATE TABLE could not be parsed")
    assert ev.problems[1].message == (
        "CREATE TABLE copy: its columns cannot be told from this file (AS SELECT *)"
    )


def test_tables_whose_columns_are_elsewhere_or_lost(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "CREATE TABLE b LIKE elsewhere;\n"
        "CREATE VIEW v AS SELEC;\n"
        "CREATE TABLE IF NOT EXISTS s.t (a int,;\n"  # recovered from its tokens
        "CREATE TABLE s.u ();\n"
    ), "postgres")
    assert columns(ev, "s.t") == ["a"]
    messages = [p.message for p in ev.problems]
    assert messages[0] == (
        "CREATE TABLE b: its columns cannot be told from this file "
        "(LIKE elsewhere, a table this file does not define)"
    )
    assert messages[1] == "CREATE VIEW v could not be parsed (no SELECT found); skipped"
    # `s.t (a int,;` is cut short: its column is kept and the cut said
    assert "never closed" in messages[2] and "the column read is kept" in messages[2]
    assert messages[3].startswith("CREATE TABLE s.u could not be parsed")
    assert all(p.severity is None for p in ev.problems)


def test_untokenizable_text_costs_only_its_piece(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "CREATE TABLE a (x int);\n"
        "CREATE TABLE b (y text DEFAULT 'unterminated);\n"
        "CREATE TABLE c (z int);\n"
    ), "postgres")
    assert "a" in {t.name for t in ev.tables} and "c" in {t.name for t in ev.tables}
    (problem,) = ev.problems
    assert problem.location.line == 2 and problem.severity is None


@pytest.mark.parametrize("dialect", [None, "postgres", "mysql"])
def test_a_column_list_cut_short_is_reported_and_keeps_its_last_column(
    tmp_path: Path, dialect: str | None
) -> None:
    # a file truncated mid-statement: the last element once vanished without a word
    ev = read_sql(tmp_path, "CREATE TABLE a (x int);\nCREATE TABLE u (id INT, email TEXT, phone", dialect)
    assert columns(ev, "u") == ["id", "email", "phone"]
    (problem,) = ev.problems
    assert (problem.location.line, problem.location.column, problem.severity) == (2, 16, None)
    assert "never closed" in problem.message and "3 columns read are kept" in problem.message
    # a ')' missing before the next statement: said at the list that is open, not at the end
    ev = read_sql(tmp_path, "CREATE TABLE w (id INT, email TEXT\nCREATE TABLE x (id INT);\n", dialect)
    (problem,) = ev.problems
    assert (problem.location.line, problem.location.column) == (1, 16)


def test_create_table_like_and_view_column_list(tmp_path: Path) -> None:
    ev = read_sql(tmp_path, (
        "CREATE TABLE a (x int, y int);\n"
        "CREATE TABLE b LIKE a;\n"
        "CREATE VIEW v (p, q) AS SELECT x, y FROM a;\n"
        "CREATE VIEW w AS SELECT *, x AS xx FROM a;\n"
    ), "mysql")
    assert columns(ev, "b") == ["x", "y"]
    assert columns(ev, "v") == ["p", "q"]
    assert columns(ev, "w") == ["xx"]
    assert table(ev, "w").view_sql == "SELECT *, x AS xx FROM a"
    assert ev.counts == {"schema_files": 1, "tables": 2, "views": 2, "columns": 7,
                         "statements": 4}


def test_postgres_inherits_and_like_elements_give_a_table_the_other_tables_columns(tmp_path: Path) -> None:
    # pg_dump writes an inheritance child with its own columns only: the parent's were lost
    ev = read_sql(tmp_path, (
        "CREATE TABLE person (id int, email text);\n"
        "CREATE TABLE employee (badge text, email text NOT NULL) INHERITS (person);\n"
        "CREATE TABLE contact (LIKE person INCLUDING ALL, phone text);\n"
        "CREATE TABLE guest (note text) INHERITS (person, elsewhere);\n"
        "CREATE TABLE visitor (LIKE nowhere, phone text);\n"
    ), "postgres")
    assert columns(ev, "employee") == ["id", "email", "badge"]  # a restated column stays in its place
    assert columns(ev, "contact") == ["id", "email", "phone"]
    assert columns(ev, "guest") == ["id", "email", "note"]
    assert columns(ev, "visitor") == ["phone"]
    assert [(p.location.line, p.message) for p in ev.problems] == [
        (4, "CREATE TABLE guest: the columns it takes from INHERITS elsewhere cannot be told "
            "from this file (a table it does not define)"),
        (5, "CREATE TABLE visitor: the columns it takes from LIKE nowhere cannot be told "
            "from this file (a table it does not define)"),
    ]


@pytest.mark.parametrize("text", [
    "", ";;;", "CREATE", "CREATE TABLE", "CREATE TABLE t (", "CREATE VIEW v AS",
    "'unterminated", "/* unterminated", "ALTER TABLE", "COMMENT ON COLUMN x IS",
    "DELIMITER", "DELIMITER $$\n$$\n", "GO\nGO", "\\", "CREATE TABLE t (a int, PRIMARY KEY",
    "CREATE TABLE t ((((", "CREATE TABLE \"t\" (\"a\" int) ;\x0c\u2028",
])
@pytest.mark.parametrize("dialect", [None, "mysql", "postgres", "tsql", "oracle", "sqlite"])
def test_never_raises(tmp_path: Path, text: str, dialect: str | None) -> None:
    ev = read_sql(tmp_path, text, dialect)
    assert ev.counts["schema_files"] == 1


def test_a_sqlglot_bug_on_one_statement_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ddl._SchemaBuilder._create

    def boom(self: ddl._SchemaBuilder, stmt: object, *args: object) -> object:
        if "bad" in str(args[-1]):
            raise RuntimeError("boom")
        return real(self, stmt, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ddl._SchemaBuilder, "_create", boom)
    ev = read_sql(tmp_path, "CREATE TABLE bad (a int);\nCREATE TABLE ok (b int);\n", "postgres")
    assert [t.name for t in ev.tables] == ["ok"]
    (problem,) = ev.problems
    assert problem.location.line == 1 and "boom" in problem.message


def test_dialect_choice(tmp_path: Path) -> None:
    path = tmp_path / "s.sql"
    path.write_text("CREATE TABLE [t] ([a] int);\n")
    ctx = SourceContext(base_dir=tmp_path, dialect="tsql")
    ev = read_ddl(path, spec_for(path, "mysql"), ctx)  # --dialect wins over the entry
    assert columns(ev, "t") == ["a"] and ev.tables[0].dialect == "tsql"
    # no dialect at all: sqlglot's default dialect reads plain DDL
    ev = read_sql(tmp_path, "CREATE TABLE t (a int, b varchar(3));\n", None)
    assert [c.type for c in ev.tables[0].columns] == ["INT", "VARCHAR(3)"]
    # and errors then suggest naming one
    ev = read_sql(tmp_path, "CREATE TABLE ;\n", None)
    assert ev.problems[0].message.endswith("set `dialect:` on this source")


def test_unreadable_sources_raise_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="unknown SQL dialect 'nosuch'"):
        read_sql(tmp_path, "CREATE TABLE t (a int);", "nosuch")
    with pytest.raises(SourceError, match="binary"):
        read_sql(tmp_path, b"\x00\x01CREATE", "mysql")
    missing = tmp_path / "missing.sql"
    with pytest.raises(SourceError):
        read_ddl(missing, spec_for(missing, None), SourceContext(base_dir=tmp_path))


def test_locations_agree_with_line_col(tmp_path: Path) -> None:
    text = "-- x\r\n\r\nCREATE TABLE a (\r\n  b int,\r\n\tc int);\nCREATE TABLE d (e int);"
    ev = read_sql(tmp_path, text, "postgres")
    result = parse_ddl(text, "postgres")
    expected = [line_col(text, c.offset) for t in result.tables for c in t.columns]
    expected_tables = [line_col(text, t.offset) for t in result.tables]
    assert [(c.location.line, c.location.column) for c in ev.columns] == expected
    assert [(t.location.line, t.location.column) for t in ev.tables] == expected_tables
    assert expected == [(4, 3), (5, 2), (6, 17)]


def test_parse_ddl_offsets_are_character_offsets() -> None:
    text = "-- ü\nCREATE TABLE t (é int, b int);"
    result = parse_ddl(text, "postgres")
    (t,) = result.tables
    assert text[t.offset:].startswith("CREATE TABLE")
    assert [text[c.offset] for c in t.columns] == ["é", "b"]


def test_a_declared_boolean_stays_boolean_in_sqlite() -> None:
    """SQLite's generator writes BOOLEAN as INTEGER; the column is still a flag, as a live read shows."""
    result = parse_ddl("CREATE TABLE t (used BOOLEAN, n INTEGER, flag BOOL);", "sqlite")
    types = {c.name: c.type for c in result.tables[0].columns}
    assert types == {"used": "BOOLEAN", "n": "INTEGER", "flag": "BOOLEAN"}


def test_parse_error_names_the_token_not_sqlglots_repr():
    """A templated migration (`CREATE TABLE {{ name }}`): the reason quotes `'{'`, not
    `<Token token_type: ...>`, which also read as a secret to the redactor (ory/kratos)."""
    from cnsnt.sql.ddl import parse_ddl

    (problem,) = parse_ddl("CREATE TABLE {{ identifier }} (id INT);\n", None).problems
    assert "but got '{' at line 1, column 14" in problem.message
    assert "<Token" not in problem.message
