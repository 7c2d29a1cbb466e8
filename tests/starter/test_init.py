"""`cnsnt init`: discovery, the starter policy, and `--update` that keeps the file as written."""

from __future__ import annotations

import difflib
import json
import shutil
from functools import partial
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.policy.loader import load_policy
from cnsnt.starter.discover import Found, Hint, discover, path_hint
from cnsnt.starter.yaml_text import scalar
from tests.conftest import EXAMPLES

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}
EXAMPLE_POLICIES = sorted(EXAMPLES.glob("*/cnsnt.yaml"))


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def cn101(path: Path) -> set[str]:
    return {f.subject for f in audit_path(path).findings if f.rule == "CN101"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project of our own: a schema, a query file, a template, a JSON form, vendored code."""
    root = tmp_path / "app"
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(
        "CREATE TABLE members (\n  id INT PRIMARY KEY,\n  email VARCHAR(200),\n"
        "  birth_date DATE,\n  created_at TIMESTAMP\n);\n"
        "CREATE TABLE countries (code CHAR(2) PRIMARY KEY, label VARCHAR(80));\n"
    )
    (root / "db" / "report.sql").write_text("SELECT email FROM members;\n")
    (root / "templates").mkdir()
    (root / "templates" / "join.html").write_text(
        '<form id="join"><input type="email" name="email">'
        '<input type="tel" name="mobile">'
        '<input type="checkbox" name="newsletter_opt_in"> Send me the newsletter'
        "<button>Join</button></form>\n"
    )
    (root / "templates" / "base.html").write_text(
        "<html><body>{% block body %}{% endblock %}</body></html>\n"
    )
    (root / "forms").mkdir()
    (root / "forms" / "contact.schema.json").write_text(
        json.dumps({"type": "object", "properties": {"full_name": {"type": "string"}}})
    )
    (root / "forms" / "settings.json").write_text(json.dumps({"theme": "dark"}))
    (root / "node_modules" / "lib").mkdir(parents=True)
    (root / "node_modules" / "lib" / "form.html").write_text('<form><input name="x"></form>')
    return root


def test_discover_sorts_files_by_what_they_hold(project: Path):
    found = discover(project)
    assert found == [
        Found("schemas", "db/schema.sql"),
        Found("forms", "forms/contact.schema.json"),
        Found("forms", "templates/join.html"),
        Found("queries", "db/report.sql"),
    ]


def test_discover_globs_a_directory_whose_files_are_all_one_kind(tmp_path: Path):
    for name in ("a", "b"):
        (tmp_path / "t").mkdir(exist_ok=True)
        (tmp_path / "t" / f"{name}.html").write_text(f'<form><input name="{name}"></form>')
    assert discover(tmp_path) == [Found("forms", "t/*.html")]


def test_discover_never_follows_directory_links(tmp_path: Path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.html").write_text('<form><input name="a"></form>')
    (tmp_path / "t" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert discover(tmp_path) == [Found("forms", "t/a.html")]


def test_init_writes_a_valid_policy_that_declares_every_personal_field(project: Path):
    result = run("init", str(project))
    assert result.exit_code == 0, result.stderr
    assert "personal fields" in result.stderr
    written = project / "cnsnt.yaml"
    policy = load_policy(written)  # valid against the policy schema
    declared_columns = {c for d in policy.data.values() for c in d.columns}
    declared_fields = {f for d in policy.data.values() for f in d.form_fields}
    assert {"members.email", "members.birth_date"} <= declared_columns
    assert "countries.label" not in declared_columns and "members.created_at" not in declared_columns
    assert {"join.email", "join.mobile", "contact.full_name"} <= declared_fields
    assert all(d.purposes == () for d in policy.data.values())
    # Nothing personal is left undeclared; what is left to do is purposes and retention.
    rules = {f.rule for f in audit_path(project).findings}
    assert "CN101" not in rules and {"CN102", "CN501"} <= rules
    text = written.read_text()
    assert "# name 'email' means" in text  # the reason, as a comment
    assert "join.newsletter_opt_in" in text  # named in a comment, as a consent control to place
    assert "join.newsletter_opt_in" not in declared_fields
    # the regulator a notice names (review24 D8: a Turkish clinic's is not an EU country's)
    assert "#   authority: " in text


def test_init_reads_the_bundled_example_like_the_audit_does(tmp_path: Path):
    root = tmp_path / "restaurant"
    shutil.copytree(EXAMPLES / "restaurant", root)
    undeclared_before = cn101(root)
    (root / "cnsnt.yaml").unlink()
    shutil.rmtree(root / "expected", ignore_errors=True)
    shutil.rmtree(root / "notices", ignore_errors=True)
    assert run("init", str(root)).exit_code == 0
    policy = load_policy(root / "cnsnt.yaml")
    declared = {c for d in policy.data.values() for c in d.columns}
    assert undeclared_before <= declared | {f for d in policy.data.values() for f in d.form_fields}
    assert cn101(root) == set()


def test_init_lists_a_table_once_when_two_sources_spell_it_differently(tmp_path: Path):
    root = tmp_path / "app"
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(
        "CREATE TABLE members (\n  id INT PRIMARY KEY,\n  email VARCHAR(200),\n  birth_date DATE\n);\n"
        # tables the models lack: another database's schema, kept beside them (model_dumps)
        "CREATE TABLE settings (id INT PRIMARY KEY);\nCREATE TABLE jobs (id INT PRIMARY KEY);\n"
    )
    (root / "accounts").mkdir()
    (root / "accounts" / "models.py").write_text(
        "from django.db import models\n\n\nclass Member(models.Model):\n"
        "    email = models.EmailField()\n    birth_date = models.DateField()\n\n"
        '    class Meta:\n        db_table = "MEMBERS"\n'
    )
    assert run("init", str(root)).exit_code == 0
    policy = load_policy(root / "cnsnt.yaml")
    assert sorted(s.format or "sql" for s in policy.sources if s.kind == "schemas") == ["django", "sql"]
    declared = sorted(c.casefold() for d in policy.data.values() for c in d.columns)
    assert declared == ["members.birth_date", "members.email"]
    assert cn101(root) == set()  # the one spelling covers both


def test_init_leaves_out_json_schemas_of_program_data_with_a_note(project: Path):
    events = project / "api" / "events" / "schema"
    events.mkdir(parents=True)
    (events / "TASK_ASSIGNED.json").write_text(json.dumps({
        "type": "object",
        "id": "urn:jsonschema:org:example:events:TaskAssignedEvent",
        "properties": {"assignee": {"type": "string"}, "appVersion": {"type": "string"}},
    }))
    (events / "Invoice.json").write_text(json.dumps({
        "type": "object", "javaType": "org.example.Invoice", "properties": {"amount": {"type": "number"}},
    }))
    i18n = project / "i18n"
    i18n.mkdir()
    (i18n / "$schema.json").write_text(json.dumps({
        "type": "object",
        "properties": {"$schema": {"type": "string"}, "general": {"type": "object", "properties": {
            "save": {"type": "string"}}}},
    }))
    result = run("init", str(project), "-o", "-")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "left out 3 JSON Schemas in api/events/schema, i18n:" in text
    assert "TASK_ASSIGNED" not in text.replace("left out", "") and "i18n/$schema.json" not in text
    assert "contact.full_name" in text  # a JSON Schema form is still one


def test_init_never_overwrites_without_force(project: Path):
    policy = project / "cnsnt.yaml"
    policy.write_text("cnsnt: 1\n")
    result = run("init", str(project))
    assert result.exit_code == 2
    assert "--update" in result.stderr and "--force" in result.stderr
    assert policy.read_text() == "cnsnt: 1\n"
    assert run("init", str(project), "--force").exit_code == 0
    assert "members.email" in policy.read_text()


def test_init_to_stdout_writes_no_file(project: Path):
    result = run("init", str(project), "-o", "-")
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout)["cnsnt"] == 1
    assert not (project / "cnsnt.yaml").exists()


def test_init_on_a_file_is_a_usage_error(project: Path):
    result = run("init", str(project / "db" / "schema.sql"))
    assert result.exit_code == 2 and "not a directory" in result.stderr


@pytest.mark.parametrize("policy", EXAMPLE_POLICIES, ids=lambda p: p.parent.name)
def test_update_keeps_every_line_of_each_example_policy(policy: Path, tmp_path: Path):
    root = tmp_path / policy.parent.name
    shutil.copytree(policy.parent, root)
    target = root / "cnsnt.yaml"
    # Take one declared datum out, so the update has something to add back.
    original = target.read_text(encoding="utf-8")
    before = cn101(root)
    result = run("init", str(root), "--update")
    assert result.exit_code == 0, result.stderr
    updated = target.read_text(encoding="utf-8")
    diff = list(difflib.ndiff(original.splitlines(), updated.splitlines()))
    assert not [d for d in diff if d.startswith("- ")], "an original line changed"
    assert [d for d in diff if d.startswith("+ ")] or not before
    load_policy(target)
    assert cn101(root) == set()
    # Idempotent: a second run finds nothing new and leaves the file alone.
    again = run("init", str(root), "--update")
    assert again.exit_code == 0 and "nothing changed" in again.stderr
    assert target.read_text(encoding="utf-8") == updated


def test_update_adds_back_a_removed_entry_under_a_free_name(tmp_path: Path):
    root = tmp_path / "restaurant"
    shutil.copytree(EXAMPLES / "restaurant", root)
    target = root / "cnsnt.yaml"
    text = target.read_text(encoding="utf-8")
    assert "customers.phone" in text
    target.write_text(text.replace("columns: [customers.phone]", "columns: []"), encoding="utf-8")
    assert run("init", str(root), "--update").exit_code == 0
    policy = load_policy(target)
    holders = [name for name, d in policy.data.items() if "customers.phone" in d.columns]
    assert len(holders) == 1 and holders[0] != "phone"  # never merged into an entry with purposes
    assert "added by cnsnt init --update" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "data_section",
    [
        "",
        "data: {}\n",
        'data: {}  # to do\nignore: ["*.created_at"]\n',
        # an empty mapping spelt with a space, on the next line, or over two lines: --update
        # failed on a YAML error in a temporary file the user never sees
        "data: { }\n",
        'data:\n  {}\nignore: ["*.created_at"]\n',
        "data: {\n  }  # to do\n",
        # a document end marker: the entries went after it, into a second document
        "...\n",
        "data: {}\n...\n# after the end\n",
    ],
)
def test_update_without_data_entries(project: Path, data_section: str):
    target = project / "cnsnt.yaml"
    head = "cnsnt: 1  # keep me\nsources:\n  schemas: [{path: db/schema.sql}]\n"
    target.write_text(head + data_section)
    result = run("init", str(project), "--update")
    assert result.exit_code == 0, result.stderr
    text = target.read_text()
    assert text.startswith(head)
    assert "members.email" in load_policy(target).data["email"].columns
    for kept in ("# to do", 'ignore: ["*.created_at"]', "\n...\n", "# after the end"):
        assert (kept in text) == (kept in "\n" + data_section), kept
    assert run("init", str(project), "--update").exit_code == 0 and target.read_text() == text


def test_update_of_entries_ending_at_a_document_end_marker(project: Path):
    target = project / "cnsnt.yaml"
    original = (
        "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\n"
        "data:\n  codes:\n    category: user\n    columns: [countries.code]\n...\n"
    )
    target.write_text(original)
    result = run("init", str(project), "--update")
    assert result.exit_code == 0, result.stderr
    text = target.read_text()
    assert text.startswith(original[: -len("...\n")]) and text.endswith("\n...\n")
    assert "members.email" in load_policy(target).data["email"].columns


def test_update_of_an_indented_policy_without_data_entries(project: Path):
    # The whole policy indented: data: went to column 0, a YAML error in a temporary file.
    target = project / "cnsnt.yaml"
    original = "  cnsnt: 1\n  sources:\n    schemas: [{path: db/schema.sql}]\n"
    target.write_text(original)
    result = run("init", str(project), "--update")
    assert result.exit_code == 0, result.stderr
    assert target.read_text().startswith(original + "\n  data:\n    email:")
    assert "members.email" in load_policy(target).data["email"].columns


def test_a_policy_init_would_make_invalid_is_named_by_its_own_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
):
    import cnsnt.starter.run as starter_run

    target = project / "cnsnt.yaml"
    original = "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\n"
    target.write_text(original)
    monkeypatch.setattr(starter_run, "add_entries", lambda text, entries, shown: text + "data: [\n")
    result = run("init", str(project), "--update")
    assert result.exit_code == 2 and target.read_text() == original
    assert f"{target.as_posix()} not written" in result.stderr and "of the new text" in result.stderr
    assert "cnsnt-init-" not in result.stderr and "report it" in result.stderr


def test_update_keeps_the_line_breaks_of_a_crlf_policy(project: Path):
    # Every line of a policy saved with Windows line breaks came back with Unix ones: a
    # diff of the whole file, where --update promises to change no existing line.
    target = project / "cnsnt.yaml"
    original = (
        "cnsnt: 1  # keep me\r\nsources:\r\n  schemas: [{path: db/schema.sql}]\r\n"
        "data:\r\n  codes:  # ours\r\n    category: user\r\n    columns: [countries.code]\r\n"
        "\r\nignore: []\r\n"
    )
    target.write_bytes(original.encode())
    result = run("init", str(project), "--update")
    assert result.exit_code == 0, result.stderr
    raw = target.read_bytes().decode()
    assert raw.count("\n") == raw.count("\r\n") > original.count("\n")
    assert raw.startswith(original.split("\r\n\r\n")[0]) and raw.endswith("\r\n\r\nignore: []\r\n")
    assert "members.email" in load_policy(target).data["email"].columns
    assert run("init", str(project), "--update").exit_code == 0 and target.read_bytes().decode() == raw


def test_update_needs_a_valid_policy_first(project: Path):
    target = project / "cnsnt.yaml"
    original = "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\ndata:\n"
    target.write_text(original)
    result = run("init", str(project), "--update")
    assert result.exit_code == 2 and "cnsnt.yaml:4" in result.stderr
    assert target.read_text() == original


def test_update_refuses_a_flow_style_data_section(project: Path):
    target = project / "cnsnt.yaml"
    original = "cnsnt: 1\nsources: {schemas: [{path: db/schema.sql}]}\ndata: {x: {category: user}}\n"
    target.write_text(original)
    result = run("init", str(project), "--update")
    assert result.exit_code == 2 and "flow style" in result.stderr
    assert target.read_text() == original


def test_update_writes_into_the_file_of_a_policy_directory_that_holds_data(project: Path):
    policy_dir = project / "policy"
    policy_dir.mkdir()
    shutil.copytree(project / "db", policy_dir / "db")  # sources stay inside the policy's directory
    (policy_dir / "a.yaml").write_text("cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\n")
    (policy_dir / "b.yaml").write_text("data:\n  misc:\n    category: user\n    columns: [countries.code]\n")
    assert run("init", str(policy_dir), "--update").exit_code == 0
    assert (policy_dir / "a.yaml").read_text().count("\n") == 3
    assert "members.email" in (policy_dir / "b.yaml").read_text()
    load_policy(policy_dir)


@pytest.mark.parametrize(
    "value",
    [
        "plain.name",
        "with space",
        "a: b",
        "x #y",
        "null",
        "yes",
        "-dash",
        "'quoted'",
        'dq"',
        "é.ü",
        "[x]",
        "1abc",
    ],
)
def test_scalars_read_back_as_written(value: str):
    assert yaml.safe_load(f"k: {scalar(value)}\n")["k"] == value


def test_hostile_column_names_stay_inside_their_scalar(tmp_path: Path):
    root = tmp_path / "p"
    root.mkdir()
    (root / "schema.sql").write_text(
        'CREATE TABLE "people: #1" (id INT, "email\n# injected: true" TEXT, "phone]" TEXT);\n'
    )
    assert run("init", str(root)).exit_code == 0
    policy = load_policy(root / "cnsnt.yaml")
    assert "injected" not in policy.raw
    columns = {c for d in policy.data.values() for c in d.columns}
    assert any("phone]" in c for c in columns)


def test_init_escapes_wildcards_in_names_and_update_knows_them(tmp_path: Path):
    """A quoted column `"email*"` was written as the glob `t.email*`: it then declared
    `email_old`, which `--update` never added and the audit never reported."""
    root = tmp_path / "p"
    root.mkdir()
    schema = root / "schema.sql"
    schema.write_text('CREATE TABLE customers (id INT PRIMARY KEY, "email*" TEXT, "phone?" TEXT);\n')
    assert run("init", str(root)).exit_code == 0
    target = root / "cnsnt.yaml"
    columns = {c for d in load_policy(target).data.values() for c in d.columns}
    assert columns == {"customers.email\\*", "customers.phone\\?"}
    text = target.read_text(encoding="utf-8")
    again = run("init", str(root), "--update")
    assert "nothing changed" in again.stderr and target.read_text(encoding="utf-8") == text
    schema.write_text(
        'CREATE TABLE customers (id INT PRIMARY KEY, "email*" TEXT, "phone?" TEXT, email_old TEXT, phonex TEXT);\n'
    )
    assert run("init", str(root), "--update").exit_code == 0
    columns = [c for d in load_policy(target).data.values() for c in d.columns]
    assert sorted(columns) == ["customers.email\\*", "customers.email_old", "customers.phone\\?", "customers.phonex"]
    assert cn101(root) == set()


def test_discover_finds_the_dialect_that_reads_a_schema(tmp_path: Path):
    (tmp_path / "dump.sql").write_text(
        "/*!40101 SET NAMES utf8 */;\nCREATE TABLE `people` (\n  `email` varchar(80) COLLATE utf8_unicode_ci,\n"
        "  PRIMARY KEY (`email`)\n) ENGINE=MyISAM DEFAULT CHARSET=utf8;\n"
    )
    assert discover(tmp_path) == [Found("schemas", "dump.sql", dialect="mysql")]


@pytest.mark.parametrize(
    "mysql",
    [
        # `#` comments and backticks around a query
        "# monthly sign-ups\nSELECT `email`, `created_at` FROM `users` WHERE `created_at` > NOW() - INTERVAL 30 DAY;\n",
        # a maintenance script: no CREATE TABLE to try the dialects on, the statements tell
        # MySQL (a dump of rows only is no query file: test_seed_scripts_are_no_query_files)
        "/*!40101 SET NAMES utf8 */;\nLOCK TABLES `members` WRITE;\n"
        "UPDATE `members` SET `email` = NULL WHERE `id` = 1;\nUNLOCK TABLES;\n",
    ],
)
def test_discover_finds_the_dialect_that_reads_a_query_file(tmp_path: Path, mysql: str):
    """A query file the default dialect cannot read gets the one that reads it; a plain one
    none (in a folder of its own: beside MySQL files it is read as theirs, see below)."""
    (tmp_path / "data.sql").write_text(mysql)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "plain.sql").write_text(
        "TRUNCATE TABLE members;\nINSERT INTO members (id) SELECT id FROM staff;\n"
    )
    assert discover(tmp_path) == [
        Found("queries", "data.sql", dialect="mysql"),
        Found("queries", "other/plain.sql"),
    ]


def test_discover_finds_mysql_for_triggers_in_delimiter_blocks(tmp_path: Path):
    """openSIS-like: MySQL triggers in `DELIMITER $$` blocks, which the audit reads as
    stored code in MySQL; Oracle skipped them as PL/SQL blocks and won the file."""
    trigger = (
        "DROP TRIGGER IF EXISTS `t{n}_grades`;\nDELIMITER $$\nCREATE TRIGGER `t{n}_grades`\n"
        "    AFTER {event} ON grades\n    FOR EACH ROW\n"
        "\tSELECT CALC_GPA(OLD.student_id, OLD.period_id) INTO @return$$\nDELIMITER ;\n\n"
    )
    (tmp_path / "OpenTriggers.sql").write_text(
        "".join(trigger.format(n=n, event=e) for n, e in enumerate(("DELETE", "INSERT", "UPDATE")))
    )
    assert discover(tmp_path) == [Found("queries", "OpenTriggers.sql", dialect="mysql")]


def test_discover_takes_the_dialect_that_reads_most_when_the_default_reads_nothing(tmp_path: Path):
    """delphirep-like: a SQL Server script whose CREATE DATABASE options no dialect reads;
    T-SQL reads the rest, the default none of it: T-SQL, not the default (was: nine tenths
    were asked of T-SQL, and all its bracketed statements became CN001)."""
    (tmp_path / "base.sql").write_text(
        "USE [master]\n"
        "GO\n"
        "CREATE DATABASE [shop]\n"
        " CONTAINMENT = NONE\n"
        " ON  PRIMARY\n"
        "( NAME = N'shop', FILENAME = N'C:\\data\\shop.mdf' , SIZE = 8192KB , MAXSIZE = UNLIMITED, FILEGROWTH = 65536KB )\n"
        " LOG ON\n"
        "( NAME = N'shop_log', FILENAME = N'C:\\data\\shop_log.ldf' , SIZE = 8192KB , MAXSIZE = 2048GB , FILEGROWTH = 65536KB )\n"
        "GO\n"
        "ALTER DATABASE [shop] SET ANSI_NULL_DEFAULT OFF\n"
        "GO\n"
        "ALTER DATABASE [shop] SET ANSI_NULLS OFF\n"
        "GO\n"
        "ALTER DATABASE [shop] SET ANSI_PADDING OFF\n"
        "GO\n"
        "USE [shop]\n"
        "GO\n"
        "INSERT [dbo].[members] ([id], [email]) VALUES (1, N'a@example.com')\n"
        "GO\n"
        "INSERT [dbo].[members] ([id], [email]) VALUES (2, N'b@example.com')\n"
        "GO\n"
        "UPDATE [dbo].[members] SET [email] = N'c@example.com' WHERE [id] = 2\n"
        "GO\n"
    )
    assert discover(tmp_path) == [Found("queries", "base.sql", dialect="tsql")]


def test_discover_finds_tsql_for_a_query_file_the_ddl_reader_passes(tmp_path: Path):
    """T-SQL brackets and `GO` batches around a procedure: no table, and no DDL the
    DDL reader skips, yet the default dialect cannot read one statement of it."""
    (tmp_path / "totals.sql").write_text(
        "USE [Shop]\nGO\nSET ANSI_NULLS ON\nGO\ncreate proc [dbo].[sp_Totals]\n\t@From datetime\nas\n"
        "select c.[Name], sum(o.[Amount]) from [dbo].[Orders] o join [dbo].[Customers] c\n"
        "  on c.[Id] = o.[CustomerId] where o.[Date] >= @From group by c.[Name]\nGO\n"
    )
    assert discover(tmp_path) == [Found("queries", "totals.sql", dialect="tsql")]


@pytest.mark.parametrize(
    "plsql",
    [
        # no dialect's query parser reads a PL/SQL function whole: the one that misreads
        # the least of it (BigQuery) is no better a guess than the DDL reader's Oracle
        "create or replace function shop.age_of(v_id number)\nRETURN number\nIS\n"
        "  v_born date;\n  v_found boolean;\nBEGIN\n"
        "  select born into v_born from shop.customer where id = v_id;\n"
        "  v_found := v_born is not null;\n  IF v_found in (null, false) THEN\n    RETURN null;\n"
        "  END IF;\n  RETURN trunc(months_between(sysdate, v_born) / 12);\nEND;\n/\n",
        # two PL/SQL blocks ended by `/`: most of the file is unread under the DDL reader's
        # Oracle, but BigQuery misreads a quarter of it too: no reason to switch to it
        "CREATE OR REPLACE PROCEDURE shop.purge_guests\nIS\n  v_cnt NUMBER;\nBEGIN\n"
        "  DELETE FROM shop.guest WHERE created < SYSDATE - 30;\n  v_cnt := SQL%ROWCOUNT;\n"
        "  DBMS_OUTPUT.PUT_LINE(v_cnt);\nEND;\n/\n"
        "CREATE OR REPLACE FUNCTION shop.guest_name(p_id IN NUMBER) RETURN VARCHAR2\nIS\n"
        "  v_name VARCHAR2(200);\nBEGIN\n"
        "  SELECT first_name || ' ' || last_name INTO v_name FROM shop.guest WHERE id = p_id;\n"
        "  RETURN v_name;\nEXCEPTION\n  WHEN NO_DATA_FOUND THEN RETURN NULL;\nEND;\n/\n",
    ],
)
def test_discover_keeps_oracle_for_plsql_another_dialect_only_partly_reads(tmp_path: Path, plsql: str):
    """A file no dialect reads whole keeps the DDL reader's Oracle, not the least-bad guess."""
    (tmp_path / "routines.sql").write_text(plsql)
    assert discover(tmp_path) == [Found("queries", "routines.sql", dialect="oracle")]


def test_discover_takes_no_migration_version_from_a_numbered_chapter_folder(tmp_path: Path):
    """`10_Sales/` holds one schema per database, not migration 10 twice: each file keeps
    the dialect that reads it (they were read as migrations with no dialect at all)."""
    chapter = tmp_path / "ddl" / "10_Sales"
    chapter.mkdir(parents=True)
    (chapter / "orders_mysql.sql").write_text(
        "CREATE TABLE `customer` (`id` INT NOT NULL, `email` VARCHAR(200), PRIMARY KEY (`id`));\n"
    )
    # (named apart: `orders_mssql.sql` beside it would be a copy of the same schema, left out)
    (chapter / "payments_mssql.sql").write_text(
        "CREATE TABLE [payer] ([id] INT NOT NULL, [email] NVARCHAR(200), PRIMARY KEY ([id]));\n"
    )
    assert discover(tmp_path) == [
        Found("schemas", "ddl/10_Sales/orders_mysql.sql", dialect="mysql"),
        Found("schemas", "ddl/10_Sales/payments_mssql.sql", dialect="tsql"),
    ]


def test_discover_prefers_the_dialect_that_reads_a_function_file_whole(tmp_path: Path):
    """A temporary table inside a PostgreSQL function body is no schema: other dialects
    cut the body at its `;` and find the table only so, PostgreSQL reads the file clean."""
    (tmp_path / "functions.sql").write_text(
        "CREATE OR REPLACE FUNCTION refresh_members() RETURNS bool AS $BODY$\n"
        "BEGIN\n"
        "    CREATE TEMP TABLE tmp_member (person_id int, email varchar);\n"
        "    INSERT INTO tmp_member SELECT id, email FROM person;\n"
        "    DROP TABLE tmp_member;\n"
        "    RETURN TRUE;\n"
        "END;\n"
        "$BODY$ LANGUAGE plpgsql;\n"
    )
    assert discover(tmp_path) == [Found("queries", "functions.sql", dialect="postgres")]


def test_init_reads_an_oracle_export_and_the_audit_reads_inside_its_plsql_blocks(tmp_path: Path):
    """SQL Developer / APEX exports: a package and a data script hold no DDL, so only their
    SQL*Plus lines and `/`-ended blocks show they are Oracle; read by `;` they gave one
    parse error per PL/SQL statement."""
    (tmp_path / "schema.sql").write_text(
        'CREATE TABLE "PEOPLE" ("ID" NUMBER(12,0), "EMAIL" VARCHAR2(200), "NAME" VARCHAR2(100));\n'
    )
    (tmp_path / "people_pkg.sql").write_text(
        'CREATE OR REPLACE PACKAGE BODY "PEOPLE_PKG" AS\n'
        "  PROCEDURE rename(p_id NUMBER, p_name VARCHAR2) IS\n"
        "  BEGIN\n"
        "    UPDATE people SET name = p_name WHERE id = p_id;\n"
        "    COMMIT;\n"
        "  END;\n"
        "END PEOPLE_PKG;\n"
        "/\n"
    )
    (tmp_path / "people_data.sql").write_text(
        "REM INSERTING into PEOPLE\nSET DEFINE OFF;\n"
        "Insert into PEOPLE (ID,EMAIL,NAME) values (1,'a@example.com','Ann');\n"
    )
    assert discover(tmp_path) == [
        Found("schemas", "schema.sql"),
        Found("queries", "people_data.sql", dialect="oracle"),
        Found("queries", "people_pkg.sql", dialect="oracle"),
    ]
    assert run("init", str(tmp_path)).exit_code == 0
    findings = audit_path(tmp_path).findings
    # SET DEFINE OFF and REM are how SQL*Plus shows the script: no SQL, nothing to report;
    # the package's UPDATE is read at its line, its parameters as values
    assert [f for f in findings if f.rule == "CN001"] == []
    assert ("people_pkg.sql", 4) in {
        (f.location.path, f.location.line) for f in findings if f.rule == "CN302"
    }


def test_a_comment_only_file_gives_no_dialect_to_its_migrations_folder(tmp_path: Path):
    """Joomla's `# Dummy SQL file` beside T-SQL updates: a `#` comment reads only as MySQL,
    but it holds no statement, so the folder keeps the dialect its real updates tell."""
    updates = tmp_path / "sql" / "updates" / "sqlazure"
    updates.mkdir(parents=True)
    (updates / "2.5.4.sql").write_text(
        "CREATE TABLE [#__people] ([id] [int] NOT NULL, [email] [nvarchar](100) NOT NULL);\n"
    )
    (updates / "2.5.5.sql").write_text("ALTER TABLE [#__people] ADD [phone] [nvarchar](20) NULL;\n")
    (updates / "2.5.6.sql").write_text("# Dummy SQL file to set schema version\n")
    (found,) = discover(tmp_path)
    assert (found.kind, found.format, found.dialect) == ("schemas", "migrations", "tsql")


#: One schema, written for four databases, as multi-database products ship it.
_TABLES = "CREATE TABLE persona (id VARCHAR(32) NOT NULL, email VARCHAR(254), phone VARCHAR(32));\n"
_EDITIONS = {
    # PostgreSQL functions with unnamed parameters, which sqlglot cannot parse; Oracle's
    # splitter took each for one PL/SQL block it skips whole, so Oracle "read" the file
    "postgres": "CREATE OR REPLACE FUNCTION codref(VARCHAR(32), VARCHAR(1))\n"
    "  RETURNS VARCHAR(1024) AS $BODY$\nDECLARE\n  pid ALIAS FOR $1;\nBEGIN\n"
    "  RETURN (SELECT email FROM persona WHERE id = pid);\nEND;\n$BODY$ LANGUAGE plpgsql;\n",
    # a T-SQL procedure: Oracle again skipped it whole as one block
    "sqlserver": "CREATE PROCEDURE rename_persona @id VARCHAR(32), @phone VARCHAR(32)\nAS\nBEGIN\n"
    "  SET NOCOUNT ON;\n  UPDATE persona SET phone = @phone WHERE id = @id;\nEND\nGO\n",
    "oracle": "CREATE INDEX persona_email ON persona (email);\n",
    "db2": "CREATE INDEX persona_email ON persona (email);\n",
}


def test_discover_takes_the_dialect_a_folder_names_for_its_migrations(tmp_path: Path):
    """e-admin/alsigm keeps `scripts/<database>/limpia/NN_*.sql` per database: each folder's
    files were read by whichever dialect misread them least (`postgres/` got oracle,
    `sqlserver/` none). The database the folder names wins when its dialect reads the
    files as well; DB2, which sqlglot lacks, is read as Oracle."""
    for database, routines in _EDITIONS.items():
        folder = tmp_path / "scripts" / database / "limpia"
        folder.mkdir(parents=True)
        (folder / f"01_create_tables_{database}.sql").write_text(_TABLES)
        (folder / f"02_create_routines_{database}.sql").write_text(routines)
    found = {f.pattern: (f.format, f.dialect) for f in discover(tmp_path)}
    assert found == {
        "scripts/db2/limpia/*.sql": ("migrations", "oracle"),
        "scripts/oracle/limpia/*.sql": ("migrations", "oracle"),
        "scripts/postgres/limpia/*.sql": ("migrations", "postgres"),
        "scripts/sqlserver/limpia/*.sql": ("migrations", "tsql"),
    }


def test_a_folder_named_for_a_database_does_not_overrule_what_reads_its_file(tmp_path: Path):
    """The name is evidence, not an order: MySQL backticks in `oracle/` stay MySQL's."""
    folder = tmp_path / "oracle"
    folder.mkdir()
    (folder / "people.sql").write_text("CREATE TABLE `people` (`id` INT, `email` VARCHAR(80)) ENGINE=InnoDB;\n")
    assert discover(tmp_path) == [Found("schemas", "oracle/people.sql", dialect="mysql")]


@pytest.mark.parametrize(
    ("rel", "hint"),
    [
        ("SIGEM_BD/PostgreSQL/archivo/01.sql", Hint("postgres")),
        ("sql/updates/sqlazure/2.5.4.sql", Hint("tsql")),
        ("install/Oracle10g/tables.sql", Hint("oracle")),
        ("db/Germadent.DB/dbo/Stored Procedures/AddWork.sql", Hint("tsql")),
        ("scripts/limpia/01_create_tables_db2.sql", Hint("oracle")),
        ("mysql/install-pgsql.sql", Hint("postgres")),  # the file's own name first
        ("sql/h2/create.sql", Hint(None)),  # standard SQL: the default dialect
        ("migrate/mysql2postgres/01.sql", None),  # two databases named: no evidence
        ("app/pages/01.sql", None),
        # a name written in two words: SVWS' create_schema.current.maria_db.sql
        ("current/create_schema.current.maria_db.sql", Hint("mysql")),
        ("scripts/sql_server/tables.sql", Hint("tsql")),
        ("db/Postgre-SQL/x.sql", Hint("postgres")),
        # the words the migration reader knows too (`cnsnt.sql.databases`): CockroachDB
        # speaks PostgreSQL's SQL
        ("persistence/sql/cockroach/001_init.sql", Hint("postgres")),
        ("migrations/x.cockroachdb.up.sql", Hint("postgres")),
    ],
)
def test_path_hint_reads_the_nearest_name_of_a_database(tmp_path: Path, rel: str, hint: Hint | None):
    assert path_hint(tmp_path / rel, tmp_path) == hint
    # a name above the project root is not the project's
    assert path_hint(tmp_path / "oracle" / "app" / "x.sql", tmp_path / "oracle") is None


def test_every_dialect_a_path_may_name_is_one_a_policy_accepts():
    from cnsnt.policy.loader import policy_json_schema
    from cnsnt.starter.discover import DATABASE_WORDS

    known = set(policy_json_schema()["$defs"]["dialect"]["enum"])
    assert {d for d in DATABASE_WORDS.values() if d is not None} <= known


def test_discover_gives_bigquery_no_file_it_reads_only_as_commands(tmp_path: Path):
    """A PL/pgSQL or PL/SQL loop outside its routine: BigQuery's scripting passes `FOR ...
    LOOP` and `END LOOP` whole as commands, so it alone "read" the file and won it,
    though it audits nothing in it."""
    (tmp_path / "recheck.sql").write_text(
        "FOR r IN (SELECT id FROM members) LOOP\n"
        "    UPDATE members SET checked_at = now() WHERE id = r.id;\nEND LOOP;\n"
    )
    assert discover(tmp_path) == [Found("queries", "recheck.sql")]


def test_discover_skips_tests_and_docs(tmp_path: Path):
    for folder in ("tests", "docs"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "f.html").write_text('<form><input name="q"></form>')
    assert discover(tmp_path) == []


def test_discover_reads_a_migrations_folder_as_one_entry_and_finds_models(tmp_path: Path):
    migrations = tmp_path / "db" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "V1__init.sql").write_text("CREATE TABLE people (id INT, email TEXT);\n")
    (migrations / "V2__phone.sql").write_text("ALTER TABLE people ADD COLUMN phone TEXT;\n")
    app = tmp_path / "shop"
    app.mkdir()
    (app / "models.py").write_text(
        "from django.db import models\n\nclass Customer(models.Model):\n    email = models.EmailField()\n"
    )
    (tmp_path / "prisma").mkdir()
    (tmp_path / "prisma" / "schema.prisma").write_text("model User {\n  id Int @id\n  email String\n}\n")
    assert discover(tmp_path) == [
        Found("schemas", "db/migrations/*.sql", format="migrations"),
        Found("schemas", "shop/models.py", format="django"),
        Found("schemas", "prisma/schema.prisma", format="prisma"),
    ]
    assert run("init", str(tmp_path)).exit_code == 0
    columns = {c for d in load_policy(tmp_path / "cnsnt.yaml").data.values() for c in d.columns}
    assert {"people.email", "people.phone", "shop_customer.email", "User.email"} <= columns


def test_discover_prefers_schema_prisma_to_its_migrate_folder(tmp_path: Path):
    """Prisma Migrate's SQL and schema.prisma describe one database: read it once."""
    prisma = tmp_path / "prisma"
    for version, sql in (
        ("20240101_init", 'CREATE TABLE "User" (id INT, email TEXT);'),
        ("20240201_phone", 'ALTER TABLE "User" ADD COLUMN phone TEXT;'),
    ):
        (prisma / "migrations" / version).mkdir(parents=True)
        (prisma / "migrations" / version / "migration.sql").write_text(sql + "\n")
    assert discover(tmp_path) == [Found("schemas", "prisma/migrations/*/migration.sql", format="migrations")]
    (prisma / "schema.prisma").write_text("model User {\n  id Int @id\n  email String\n  phone String\n}\n")
    assert discover(tmp_path) == [Found("schemas", "prisma/schema.prisma", format="prisma")]


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


RAILS_MIGRATION = (
    "class CreatePeople < ActiveRecord::Migration[7.1]\n  def change\n    create_table :people do |t|\n"
    "      t.string :email\n      t.string :phone\n    end\n  end\nend\n"
)
ALEMBIC_REVISION = (
    "import sqlalchemy as sa\nfrom alembic import op\n\nrevision = 'a1'\ndown_revision = None\n\n\n"
    "def upgrade():\n    op.create_table('members', sa.Column('id', sa.Integer(), primary_key=True),\n"
    "                    sa.Column('email', sa.String(255)))\n"
)
DJANGO_MIGRATION = (
    "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
    "    operations = [migrations.CreateModel('Patient', [('id', models.AutoField(primary_key=True)),\n"
    "                                                    ('email', models.EmailField())])]\n"
)


def test_discover_finds_framework_migrations_folders_and_init_reads_them(tmp_path: Path):
    write = partial(_write, tmp_path)
    write("db/migrate/20240101000000_create_people.rb", RAILS_MIGRATION)
    write("alembic/versions/a1_members.py", ALEMBIC_REVISION)
    write("alembic/env.py", "from alembic import context\n")
    write("clinic/migrations/__init__.py", "")
    write("clinic/migrations/0001_initial.py", DJANGO_MIGRATION)
    assert discover(tmp_path) == [
        Found("schemas", "alembic/versions/*.py", format="alembic"),
        Found("schemas", "clinic/migrations/*.py", format="django_migrations"),
        Found("schemas", "db/migrate/*.rb", format="rails_migrations"),
    ]
    assert run("init", str(tmp_path)).exit_code == 0
    columns = {c for d in load_policy(tmp_path / "cnsnt.yaml").data.values() for c in d.columns}
    assert {"people.email", "people.phone", "members.email", "clinic_patient.email"} <= columns


def test_discover_prefers_the_stated_schema_to_the_migrations_that_build_it(tmp_path: Path):
    write = partial(_write, tmp_path)
    write("db/migrate/20240101000000_create_people.rb", RAILS_MIGRATION)
    write(
        "db/schema.rb",
        'ActiveRecord::Schema[7.1].define(version: 1) do\n  create_table "people" do |t|\n'
        '    t.string "email"\n  end\nend\n',
    )
    write(
        "app/models.py",
        "from sqlalchemy.orm import DeclarativeBase\nimport sqlalchemy\n\n"
        "class Member(Base):\n    __tablename__ = 'members'\n",
    )
    write("migrations/versions/a1_members.py", ALEMBIC_REVISION)
    write(
        "clinic/models.py",
        "from django.db import models\n\nclass Patient(models.Model):\n    email = models.EmailField()\n",
    )
    write("clinic/migrations/0001_initial.py", DJANGO_MIGRATION)
    assert discover(tmp_path) == [
        Found("schemas", "clinic/models.py", format="django"),
        Found("schemas", "db/schema.rb", format="rails"),
        Found("schemas", "app/models.py", format="sqlalchemy"),
    ]


def test_upgrade_patches_of_a_full_schema_are_left_out_and_said(tmp_path: Path) -> None:
    """osTicket-like: `install.sql` holds the schema; `upgrader/` patches it; init proposes the schema."""
    from cnsnt.starter.discover import survey
    from cnsnt.starter.run import draft_new

    (tmp_path / "setup").mkdir()
    (tmp_path / "setup" / "install.sql").write_text(
        "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(80), lang VARCHAR(8));\n"
        "CREATE TABLE tickets (id INT PRIMARY KEY, user_id INT, body TEXT);\n"
    )
    up = tmp_path / "upgrader"
    up.mkdir()
    (up / "a1-b2.patch.sql").write_text("ALTER TABLE users ADD lang VARCHAR(8);\n")
    (up / "b2-c3.patch.sql").write_text("CREATE TABLE tickets (id INT PRIMARY KEY, body TEXT);\n")
    (up / "c3-d4.patch.sql").write_text(
        "CREATE TABLE old_sessions (id INT, data TEXT);\nALTER TABLE users ADD x INT;\n"
    )
    (up / "d4-e5.patch.sql").write_text("CREATE TABLE since_dropped (id INT, note TEXT);\n")
    (up / "c3-d4.cleanup.sql").write_text("DELETE FROM old_sessions WHERE id > 0;\n")
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found if f.kind in ("schemas", "queries")] == ["setup/install.sql"]
    # what the patches add that install.sql lacks is named, not dropped silently (review27 D3)
    assert notes == [
        "left out 5 SQL files in upgrader: upgrade patches of setup/install.sql, which holds their tables; "
        "they add 1 column and 2 tables setup/install.sql lacks, not read: old_sessions "
        "(upgrader/c3-d4.patch.sql), since_dropped (upgrader/d4-e5.patch.sql), users.x "
        "(upgrader/c3-d4.patch.sql); check each: dropped since, made "
        "elsewhere (at run time), or the schema is older than the patch (then add the patch under sources:)"
    ]
    text = draft_new(tmp_path).text
    assert "# left out 5 SQL files in upgrader" in text


def test_forms_in_demo_folders_are_left_out_and_said(tmp_path: Path) -> None:
    """A bundled editor's `samples/` and a theme's `pages/examples/` draw forms that are not
    the product's; a `demo` dump and a Java package named `samples` are still read."""
    from cnsnt.starter.discover import survey
    from cnsnt.starter.run import draft_new

    form = '<form><input name="email"></form>\n'
    _write(tmp_path, "signup.html", form)
    _write(tmp_path, "js/editor/samples/ajax.html", form)
    _write(tmp_path, "js/editor/samples/old/api.html", form)
    _write(tmp_path, "admin/pages/Examples/login.html", form)
    _write(tmp_path, "docker/demo/dump.sql", "CREATE TABLE members (id INT, email VARCHAR(80));\n")
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == ["docker/demo/dump.sql", "signup.html"]
    assert notes == [
        "left out 3 form files in admin/pages/Examples, js/editor/samples: demo and example "
        "pages, not the product's forms (add them under sources: to audit them)"
    ]
    assert "# left out 3 form files in admin/pages/Examples" in draft_new(tmp_path).text


def test_a_product_package_named_sample_is_no_demo_folder(tmp_path: Path) -> None:
    """A lab's Flask app keeps its specimens in the blueprint package `app/sample/` (trial39:
    a biobank's sample register, its form and its WTForms class, left out as "demo pages").
    A Python package is the product's own code, whatever its name; a bundled editor's
    `samples/` beside it is still a demo."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "app/__init__.py", "")
    _write(tmp_path, "app/specimen/__init__.py", "")
    _write(tmp_path, "app/sample/__init__.py", "from flask import Blueprint\n")
    _write(
        tmp_path,
        "app/sample/forms.py",
        "from flask_wtf import FlaskForm\nfrom wtforms import StringField\n\n\n"
        "class TubeForm(FlaskForm):\n    donor_code = StringField('Donneur')\n",
    )
    _write(
        tmp_path,
        "app/sample/templates/sample/edit.html",
        '<form method="post"><input name="donor_code"><textarea name="collection_note"></textarea></form>\n',
    )
    _write(tmp_path, "app/static/editor/samples/demo.html", '<form><input name="email"></form>\n')
    found, notes = survey(tmp_path)
    patterns = sorted(f.pattern for f in found)
    assert "app/sample/forms.py" in patterns
    assert any(p.startswith("app/sample/templates/sample/") for p in patterns)
    assert not any("editor/samples" in p for p in patterns)
    assert [n for n in notes if "demo and example" in n] == [
        "left out 1 form file in app/static/editor/samples: demo and example pages, "
        "not the product's forms (add them under sources: to audit them)"
    ]


def test_static_pages_beside_server_templates_are_left_out_and_said(tmp_path: Path) -> None:
    """A Laravel app that copied an admin theme's demo pages into `public/backend/` (PDKS:
    177 pages) and a library's samples under `public/plugins/`: the app's pages are its
    Blade templates; a site whose only pages are static keeps them."""
    from cnsnt.starter.discover import survey
    from cnsnt.starter.run import draft_new

    form = '<form><input name="email"></form>\n'
    _write(tmp_path, "resources/views/auth/register.blade.php", form)
    _write(tmp_path, "public/backend/pages-profile.html", form)
    _write(tmp_path, "public/backend/auth-signup.html", form)
    _write(tmp_path, "public/plugins/editor/mode/apl/index.html", form)
    _write(tmp_path, "public/contact.php", form)  # a PHP page runs: it is the app's own
    # CTFd's plugins draw their challenge forms from `assets/create.html`: not a web root;
    # and its "static" flag type's form is a template, rendered, not served as it is
    _write(tmp_path, "plugins/flags/assets/create.html", form)
    _write(tmp_path, "plugins/flags/assets/static/edit.html", '<input name="content" value="{{ content }}">\n')
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == [
        "plugins/flags/assets/**/*.html",  # both forms: one glob for the folder tree
        "public/contact.php",
        "resources/views/auth/register.blade.php",
    ]
    assert notes == [
        "left out 3 static pages in public/backend, public/plugins/editor/mode/apl: files the "
        "web server serves as they are, beside the templates that draw the product's pages "
        "(a theme's or a library's bundled pages); add them under sources: to audit them"
    ]
    assert "# left out 3 static pages in public/backend" in draft_new(tmp_path).text

    site = tmp_path / "site"
    _write(site, "public/index.html", form)
    _write(site, "public/join.html", form)
    found, notes = survey(site)
    assert sorted(f.pattern for f in found) == ["public/*.html"] and notes == []


def test_a_word_that_starts_like_a_form_tag_is_no_form(tmp_path: Path) -> None:
    """A Laravel config comment "tokens are `{date:<format>}`" is no form (monica's
    `config/scribe.php`); a tag split over lines or closed at once still is."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "config/scribe.php", "<?php\n// Available tokens are `{date:<format>}`.\n")
    _write(tmp_path, "docs/help.html", "<p>Use <selection> and <inputs> as placeholders.</p>\n")
    _write(tmp_path, "views/signup.php", '<form\n  method="post"><input/></form>\n')
    _write(tmp_path, "views/search.html", '<select name="q"></select>\n')
    # a PHP helper that builds the tag in a string (Joomla's `'<input' . ' name="cid"'`)
    _write(tmp_path, "helpers/html.php", "<?php\nreturn '<input'\n  . ' name=\"cid\"' . '>';\n")
    found, _ = survey(tmp_path)
    assert sorted(f.pattern for f in found) == ["helpers/html.php", "views/search.html", "views/signup.php"]


def test_templates_whose_controls_a_form_helper_draws_are_forms(tmp_path: Path) -> None:
    """Rails' form builders (maybe-finance's sign-up page: 68 of its 76 form templates write
    no tag), simple_form, Razor's `@Html.TextBoxFor`, Symfony's `form_row` and Laravel
    Collective's `Form::email`; a template that only prints a label or a button is none."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "app/views/registrations/new.html.erb",
           "<%= styled_form_with model: @user do |form| %>\n  <%= form.email_field :email,\n"
           "      required: true %>\n<% end %>\n")
    _write(tmp_path, "app/views/profiles/_form.html.erb", "<%= f.input :phone, label: 'Phone' %>\n")
    _write(tmp_path, "app/views/shared/_submit.html.erb", "<%= f.submit 'Save' %> <%= f.label :x %>\n")
    _write(tmp_path, "Views/Account/Register.cshtml",
           "@using (Html.BeginForm()) {\n  @Html.TextBoxFor(m => m.Email)\n}\n")
    _write(tmp_path, "templates/signup.html.twig", "{{ form_start(form) }}{{ form_row(form.email) }}\n")
    # Laravel Collective's and spatie's helpers; a Blade view printing only a button is none
    _write(tmp_path, "resources/views/auth/register.blade.php",
           "{!! Form::open(['route' => 'register']) !!}\n  {!! Form::email('email') !!}\n{!! Form::close() !!}\n")
    _write(tmp_path, "resources/views/profile/edit.blade.php", "{{ html()->checkbox('terms', true) }}\n")
    _write(tmp_path, "resources/views/shared/save.blade.php", "{{ Form::submit('Save') }}\n")
    assert _form_files(tmp_path) == [
        "Views/Account/Register.cshtml",
        "app/views/profiles/_form.html.erb",
        "app/views/registrations/new.html.erb",
        "resources/views/auth/register.blade.php",
        "resources/views/profile/edit.blade.php",
        "templates/signup.html.twig",
    ]
    # the templates of a button alone add nothing to an audit: a glob may take them
    found, _ = survey(tmp_path)
    assert sorted(f.pattern for f in found) == [
        "Views/Account/Register.cshtml",
        "app/views/*/*.html.erb",
        "resources/views/*/*.blade.php",
        "templates/signup.html.twig",
    ]


def _form_files(root: Path) -> list[str]:
    """The files `init` takes for forms, whichever entries it proposes them under."""
    from cnsnt.starter.discover import _kind_of, _walk

    kinds = {p: _kind_of(p, root) for p in _walk(root)[0]}
    return sorted(p.relative_to(root).as_posix() for p, kind in kinds.items() if kind and kind[0] == "forms")


def test_every_rails_helper_the_reader_reads_as_a_control_is_a_form(tmp_path: Path) -> None:
    """A template whose only control is a date or time select (`f.date_select :birth_date`,
    `f.time_zone_select`) is proposed as the reader reads it: each helper's template draws a
    field; one that prints only a label or a button is none."""
    from cnsnt.sources.forms.rails_helpers import HELPERS
    from cnsnt.starter.discover import survey
    from tests.conftest import read_form

    for method in HELPERS:
        _write(tmp_path, f"app/views/{method}.html.erb", f"<%= f.{method} :born_on %>\n")
    drawn = {m for m, kind in HELPERS.items() if kind not in ("label", "submit")}
    assert {"date_select", "datetime_select", "time_select", "time_zone_select"} <= drawn
    assert _form_files(tmp_path) == sorted(f"app/views/{m}.html.erb" for m in drawn)
    assert [f.pattern for f in survey(tmp_path)[0]] == ["app/views/*.html.erb"]
    for method in drawn:
        fields = [f.name for form in read_form(tmp_path / f"app/views/{method}.html.erb").forms for f in form.fields]
        assert fields == ["born_on"], method


def test_templates_whose_controls_only_components_draw_are_forms(tmp_path: Path) -> None:
    """A Vue component with `<v-form>` and `<v-text-field v-model>`, a Livewire view of
    `<x-text-input wire:model>`, an Angular template of `<mat-checkbox formControlName>`;
    a toolbar's `<v-btn>` and unbound `<v-text-field>`, or a table's selection
    `<mat-checkbox [checked]>`, draw no field."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "src/components/SignupForm.vue",
           '<template>\n  <v-form>\n    <v-text-field\n      v-model="form.email" label="E-mail" />\n'
           "  </v-form>\n</template>\n")
    _write(tmp_path, "src/components/Toolbar.vue",
           '<template>\n  <v-toolbar><v-btn @click="go">Go</v-btn><v-text-field label="Search" />'
           "</v-toolbar>\n</template>\n")
    _write(tmp_path, "resources/views/livewire/profile.blade.php",
           '<div>\n  <x-input-label for="bio" :value="__(\'Bio\')" />\n  <x-text-input id="bio" wire:model="bio" />\n'
           '  <x-primary-button wire:click="save">Save</x-primary-button>\n</div>\n')
    _write(tmp_path, "src/app/signup/signup.component.html",
           '<ng-container [formGroup]="form">\n  <mat-checkbox formControlName="newsletter">Yes</mat-checkbox>\n'
           "</ng-container>\n")
    _write(tmp_path, "src/app/table/table.component.html", '<mat-checkbox [checked]="isSelected(row)"></mat-checkbox>\n')
    found, _ = survey(tmp_path)
    assert sorted(f.pattern for f in found) == [
        "resources/views/livewire/profile.blade.php",
        "src/app/signup/signup.component.html",
        "src/components/SignupForm.vue",
    ]


def test_a_file_creating_a_table_with_more_columns_is_no_patch(tmp_path: Path) -> None:
    """SIU-Toba-like: an older full schema, and a per-chapter file that creates one of its
    tables with columns the full one lacks: it is newer, not history (its columns were lost)."""
    from cnsnt.starter.discover import survey

    (tmp_path / "base").mkdir()  # not `old/`: a folder of old versions is left out whole
    (tmp_path / "base" / "full.sql").write_text(
        "CREATE TABLE members (id INT PRIMARY KEY, email VARCHAR(80));\n"
        "CREATE TABLE visits (id INT PRIMARY KEY, member_id INT);\n"
    )
    (tmp_path / "ddl").mkdir()
    (tmp_path / "ddl" / "a1_members.sql").write_text(
        "CREATE TABLE members (id INT PRIMARY KEY, email VARCHAR(80), phone VARCHAR(20));\n"
    )
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == ["base/full.sql", "ddl/a1_members.sql"]
    assert notes == []


def test_an_older_copy_with_a_column_since_dropped_is_still_a_patch(tmp_path: Path) -> None:
    """pmb-like: an older copy of the full schema keeps one column the full one dropped,
    while the full one has many columns the copy lacks: the copy is the older, left out
    (kept, its tables were all defined twice and CN401 doubled)."""
    from cnsnt.starter.discover import survey

    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "full.sql").write_text(
        "CREATE TABLE members (id INT PRIMARY KEY, email VARCHAR(80), phone VARCHAR(20),\n"
        "  city VARCHAR(40));\n"
        "CREATE TABLE visits (id INT PRIMARY KEY, member_id INT, seen DATE, note TEXT);\n"
        "CREATE TABLE loans (id INT PRIMARY KEY, member_id INT);\n"
    )
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "old.sql").write_text(
        "CREATE TABLE members (id INT PRIMARY KEY, email VARCHAR(80), fax VARCHAR(20));\n"
        "CREATE TABLE visits (id INT PRIMARY KEY, member_id INT);\n"
    )
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found] == ["base/full.sql"]
    assert notes == [
        "left out 1 SQL file in tables: upgrade patches of base/full.sql, which holds their tables; "
        "they add 1 column base/full.sql lacks, not read: members.fax (tables/old.sql); check each: "
        "dropped since, made elsewhere (at run time), or the schema is older than the patch (then add "
        "the patch under sources:)"
    ]


def test_separate_schemas_are_both_kept(tmp_path: Path) -> None:
    """Two schemas that share no table are two databases, not a schema and its patches."""
    from cnsnt.starter.discover import survey

    (tmp_path / "app.sql").write_text(
        "CREATE TABLE users (id INT, email VARCHAR(80));\nCREATE TABLE orders (id INT);\n"
    )
    (tmp_path / "analytics.sql").write_text("CREATE TABLE events (id INT, user_email VARCHAR(80));\n")
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == ["analytics.sql", "app.sql"] or [f.pattern for f in found] == [
        "*.sql"
    ]
    assert notes == []


LARAVEL_MIGRATION = (
    "<?php\n\nuse Illuminate\\Database\\Migrations\\Migration;\nuse Illuminate\\Database\\Schema\\Blueprint;\n"
    "use Illuminate\\Support\\Facades\\Schema;\n\nreturn new class extends Migration\n{\n"
    "    public function up(): void\n    {\n        Schema::create('patients', function (Blueprint $table) {\n"
    "            $table->id();\n            $table->string('email');\n            $table->string('phone', 30);\n"
    "        });\n    }\n};\n"
)


def test_discover_finds_laravel_migrations_once_and_init_reads_them(tmp_path: Path):
    write = partial(_write, tmp_path)
    write("database/migrations/2024_01_01_000000_create_patients_table.php", LARAVEL_MIGRATION)
    write(
        "database/migrations/billing/2024_02_01_000000_create_invoices_table.php",
        LARAVEL_MIGRATION.replace("'patients'", "'invoices'"),
    )
    # a PHP view with a form stays a form; a PHP file in a migrations folder that is no migration is left out
    write("resources/views/contact.php", "<form method=post><input name=email></form>\n")
    write("app/migrations/Runner.php", "<?php\nclass Runner {}\n")
    # a laravel-modules module keeps its own `Database/Migrations`
    write(
        "Modules/Blog/Database/Migrations/2024_03_01_000000_create_posts_table.php",
        LARAVEL_MIGRATION.replace("'patients'", "'posts'"),
    )
    assert discover(tmp_path) == [
        Found("schemas", "Modules/Blog/Database/Migrations/*.php", format="laravel"),
        Found("schemas", "database/migrations/**/*.php", format="laravel"),
        Found("forms", "resources/views/contact.php"),
    ]
    assert run("init", str(tmp_path)).exit_code == 0
    columns = {c for d in load_policy(tmp_path / "cnsnt.yaml").data.values() for c in d.columns}
    assert {"patients.email", "patients.phone", "invoices.email", "posts.email"} <= columns


def test_sql_files_laravel_migrations_run_are_read_with_them_not_proposed_again(tmp_path: Path):
    """laravel-sql-migrations' `<file>.up.sql` and a file read by `File::get(database_path(..))`."""
    write = partial(_write, tmp_path)
    for version, table in (("2024_01_01_000000", "patients"), ("2024_01_02_000000", "visits")):
        write(
            f"database/migrations/care/{version}_create_{table}.php",
            "<?php\n\nuse SqlMigrations\\SqlMigration;\n\nfinal class X extends SqlMigration\n{\n}\n",
        )
        write(
            f"database/migrations/care/{version}_create_{table}.up.sql",
            f"CREATE TABLE {table} (id INT PRIMARY KEY, email VARCHAR(100), phone VARCHAR(30));\n",
        )
        write(f"database/migrations/care/{version}_create_{table}.down.sql", f"DROP TABLE {table};\n")
    write(
        "database/migrations/2024_03_01_000000_notes.php",
        LARAVEL_MIGRATION.replace(
            "Schema::create('patients'",
            "DB::unprepared(File::get(database_path('sql/notes.sql')));\n        Schema::create('archive'",
        ),
    )
    write("database/sql/notes.sql", "ALTER TABLE patients ADD COLUMN birthday DATE;\n")
    write(
        "database/sql/other.sql", "CREATE TABLE other (id INT, email VARCHAR(50));\n"
    )  # read by no migration
    assert discover(tmp_path) == [
        Found("schemas", "database/migrations/**/*.php", format="laravel"),
        Found("schemas", "database/sql/other.sql"),
    ]
    assert run("init", str(tmp_path)).exit_code == 0
    columns = {c for d in load_policy(tmp_path / "cnsnt.yaml").data.values() for c in d.columns}
    assert {"patients.email", "patients.birthday", "visits.phone", "archive.email", "other.email"} <= columns
    assert [f.message for f in audit_path(tmp_path).findings if f.rule == "CN001"] == []


def test_a_laravel_entry_spells_its_glob_as_the_migrations_spell_their_suffix(tmp_path: Path):
    """The audit matches globs case-sensitively: `*.php` would replay no `...create_patients.PHP`."""
    write = partial(_write, tmp_path)
    write("database/migrations/2024_01_01_000000_create_patients.PHP", LARAVEL_MIGRATION)
    write(
        "database/migrations/2024_01_02_000000_create_visits.php",
        LARAVEL_MIGRATION.replace("'patients'", "'visits'"),
    )
    assert discover(tmp_path) == [Found("schemas", "database/migrations/*.[pP][hH][pP]", format="laravel")]
    assert run("init", str(tmp_path)).exit_code == 0
    columns = {c for d in load_policy(tmp_path / "cnsnt.yaml").data.values() for c in d.columns}
    assert {"patients.email", "visits.email"} <= columns


def test_a_laravel_entry_gets_the_dialect_of_the_projects_connection(tmp_path: Path):
    write = partial(_write, tmp_path)
    write("backend/database/migrations/2024_01_01_000000_create_patients_table.php", LARAVEL_MIGRATION)
    config = "<?php\n\nreturn [\n    'default' => env('DB_CONNECTION', 'sqlite'),\n    'redis' => ['default' => []],\n];\n"
    write("backend/config/database.php", config)
    assert discover(tmp_path)[0].dialect == "sqlite"  # the config's default
    write(".env.example", 'APP_NAME=x\n# DB_CONNECTION=mysql\nDB_CONNECTION="pgsql" # the real one\n')
    assert discover(tmp_path)[0].dialect == "postgres"  # the project's .env.example, above the app


JPA_ENTITY = "package x;\nimport jakarta.persistence.*;\n@Entity\npublic class {name} {{\n  @Id Long id;\n  String email;\n}}\n"


def test_discover_jpa_entities_of_every_module_in_one_entry(tmp_path: Path):
    """Entities of several modules share one entry: a parent or embeddable may live in another."""
    from cnsnt.starter.discover import survey

    java = "shop/src/main/java/org/shop"
    _write(tmp_path, f"{java}/customer/Customer.java", JPA_ENTITY.format(name="Customer"))
    _write(
        tmp_path,
        "common/src/main/java/org/common/Base.java",
        "package x;\nimport javax.persistence.MappedSuperclass;\n@MappedSuperclass\nclass Base {}\n",
    )
    _write(tmp_path, f"{java}/common/Money.java", "package x;\nclass Money {}\n")  # no mapping: not proposed
    _write(tmp_path, "shop/src/test/java/org/shop/FakeEntity.java", JPA_ENTITY.format(name="FakeEntity"))
    _write(tmp_path, "billing/src/main/java/org/billing/Invoice.java", JPA_ENTITY.format(name="Invoice"))
    _write(tmp_path, "pom.xml", "<project><artifactId>spring-boot-starter-data-jpa</artifactId></project>\n")
    # Flyway's migrations beside the entities describe the same tables: left out, with a note
    _write(
        tmp_path, "shop/src/main/resources/db/migration/V1__init.sql", "CREATE TABLE customer (id BIGINT);\n"
    )
    _write(
        tmp_path,
        "shop/src/main/resources/db/migration/V2__email.sql",
        "ALTER TABLE customer ADD email TEXT;\n",
    )
    _write(tmp_path, "reports/daily.sql", "SELECT email FROM customer;\n")
    found, notes = survey(tmp_path)
    assert found == [
        Found("schemas", "**/src/main/java/**/*.java", format="jpa"),
        Found("queries", "reports/daily.sql"),
    ]
    assert notes == [
        "left out 2 SQL files in shop/src/main/resources/db/migration: the SQL schema of the JPA entities "
        "beside them, which are read instead (reading both would list every column twice)",
        "JPA entities in **/src/main/java/**/*.java: names as Spring Boot writes them "
        "(firstName -> first_name), since a build file above them mentions spring-boot",
    ]
    # the proposed entry reads what was found, and nothing twice (tests stay out)
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    assert {c for d in policy.data.values() for c in d.columns} >= {"customer.email", "invoice.email"}
    assert audit_path(tmp_path).sources["tables"] == 2


def test_discover_jpa_entities_of_one_folder_kept_as_written(tmp_path: Path):
    from cnsnt.starter.discover import survey

    _write(tmp_path, "model/Person.java", JPA_ENTITY.format(name="Person"))
    _write(tmp_path, "model/PersonDao.java", "package x;\nclass PersonDao {}\n")
    _write(tmp_path, "app/Main.java", "package x;\nclass Main {}\n")
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "model/*.java", format="jpa")]
    assert notes == [
        "JPA entities in model/*.java: names kept as written (plain Hibernate: no Spring Boot build file, "
        "and no hibernate.physical_naming_strategy in a persistence.xml, hibernate.cfg.xml or "
        "hibernate.properties above them)"
    ]


def test_init_refuses_a_policy_outside_the_project_it_reads(project: Path):
    elsewhere = project.parent / "policies" / "app.yaml"
    elsewhere.parent.mkdir()
    result = run("init", str(project), "-o", str(elsewhere))
    assert result.exit_code == 2
    assert "is not in" in result.stderr and "Traceback" not in result.output
    assert not elsewhere.exists()
    inside = project / "privacy.yaml"
    assert run("init", str(project), "-o", str(inside)).exit_code == 0
    assert "members.email" in inside.read_text()
    assert "CN101" not in {f.rule for f in audit_path(inside).findings}


def test_init_says_which_policy_is_too_large_and_what_to_do(project: Path, monkeypatch: pytest.MonkeyPatch):
    """A draft over the size limit even without its reasons was refused by the loader,
    which named the temporary file init validates it in (/tmp/cnsnt-init-*/cnsnt.yaml)."""
    from cnsnt.policy import loader

    monkeypatch.setattr(loader, "MAX_POLICY_BYTES", 1_000)
    result = run("init", str(project))
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert f"{(project / 'cnsnt.yaml').as_posix()} not written" in message
    assert "more than the 1,000 a policy may have" in message
    assert "cnsnt init PATH/TO/PART" in message
    assert "cnsnt-init-" not in message and "Traceback" not in result.output
    assert not (project / "cnsnt.yaml").exists()


def test_update_says_which_policy_would_grow_too_large(project: Path, monkeypatch: pytest.MonkeyPatch):
    """`init --update` over the size limit was refused by the loader, which named the
    temporary copy it validates (/tmp/cnsnt-init-*/cnsnt.yaml): it names the policy file,
    its size and the limit, as plain init does, and leaves the file as it was."""
    from cnsnt.policy import loader

    target = project / "cnsnt.yaml"
    original = "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\n"
    target.write_text(original)
    monkeypatch.setattr(loader, "MAX_POLICY_BYTES", len(original) + 10)
    result = run("init", str(project), "--update")
    assert result.exit_code == 2, result.output
    message = " ".join(result.stderr.split())
    assert f"{target.as_posix()} not updated" in message, message
    assert f"more than the {len(original) + 10:,} a policy may have" in message
    assert " bytes" in message
    assert "cnsnt-init-" not in message and "Traceback" not in result.output
    assert target.read_text() == original


def test_init_on_more_fields_than_a_policy_may_hold_drops_the_reasons(
    project: Path, monkeypatch: pytest.MonkeyPatch
):
    """Tens of thousands of personal columns made a starter policy over the loader's size
    limit: init refused its own draft (exit 2, naming a temporary file). The reasons give
    way; every field is still declared, with where it is."""
    from cnsnt.policy import loader
    from cnsnt.starter.run import draft_new

    full = draft_new(project).text
    assert "# name 'email' means" in full
    monkeypatch.setattr(loader, "MAX_POLICY_BYTES", len(full.encode()) - 1)
    result = run("init", str(project), "--force")
    assert result.exit_code == 0, result.output
    text = (project / "cnsnt.yaml").read_text(encoding="utf-8")
    assert len(text.encode()) < len(full.encode())
    assert "too large to load" in text
    assert yaml.safe_load(text)["data"] == yaml.safe_load(full)["data"]
    assert "- members.email" in text and "[db/schema.sql:3]" in text
    assert "# name 'email' means" not in text


def test_a_data_only_pg_dump_is_no_query_file(tmp_path: Path) -> None:
    """`pg_dump --data-only` restores rows (COPY ... FROM stdin): left out with a note, not
    proposed as queries; a full dump (tables and rows) stays a schema."""
    from cnsnt.starter.discover import survey

    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text("CREATE TABLE people (id INT, email TEXT);\n")
    (tmp_path / "dumps").mkdir()
    (tmp_path / "dumps" / "seed.sql").write_text(
        "SET client_encoding = 'UTF8';\nCOPY public.people (id, email) FROM stdin;\n1\tann@example.org\n\\.\n"
    )
    (tmp_path / "dumps" / "full.sql").write_text(
        "CREATE TABLE visits (id INT, ip TEXT);\nCOPY visits (id, ip) FROM stdin;\n1\t10.0.0.1\n\\.\n"
    )
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "report.sql").write_text("SELECT email FROM people;\n")
    found, notes = survey(tmp_path)
    assert sorted((f.kind, f.pattern) for f in found) == [
        ("queries", "sql/report.sql"), ("schemas", "db/schema.sql"), ("schemas", "dumps/full.sql")
    ]
    assert notes == [
        "left out 1 SQL file in dumps: " + DATA_ONLY
    ]


#: Why init leaves a data dump or a seed script out of `queries:`.
DATA_ONLY = (
    "rows of data only (database dumps' COPY ... FROM stdin, seed scripts' INSERT ... VALUES or "
    "SELECT of literals), which restore rows and run no queries; their tables are read from the schema"
)
#: Why init leaves a script that makes a database and its accounts out of `queries:`.
SETUP_ONLY = (
    "database setup only (CREATE DATABASE, CREATE USER, GRANT), which reads and writes no one's data"
)


def test_a_file_of_drops_only_is_no_query_file(tmp_path: Path) -> None:
    """review35 R35b D8: Supabase `drop-unused-tables.sql` (DROP TABLE ... only) was proposed under
    queries:; a DROP beside a query keeps the file a query file."""
    from cnsnt.starter.discover import survey

    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text("CREATE TABLE members (id INT PRIMARY KEY, email TEXT);\n")
    (tmp_path / "db" / "drop-unused-tables.sql").write_text(
        "-- old tables\nDROP TABLE IF EXISTS notification_logs;\nDROP TABLE IF EXISTS notifications CASCADE;\n"
        "DROP VIEW IF EXISTS admin_view;\nDROP POLICY IF EXISTS read_own ON members;\n"
    )
    (tmp_path / "db" / "cleanup.sql").write_text(
        "DROP TABLE IF EXISTS tmp_members;\nSELECT email FROM members WHERE id = 1;\n"
    )
    found, notes = survey(tmp_path)
    assert sorted((f.kind, f.pattern) for f in found) == [("queries", "db/cleanup.sql"), ("schemas", "db/schema.sql")]
    assert notes == [
        "left out 1 SQL file in db: DROP statements only (DROP TABLE, DROP VIEW, ...), which remove what a "
        "schema made and read or write no one's data; a table they drop is gone from the schema that creates it"
    ]


def test_a_file_of_indexes_sequences_and_comments_only_is_no_query_file(tmp_path: Path) -> None:
    """Session 29's closing note: a file of `CREATE INDEX` only was still proposed under queries:.
    DDL that adds no column and reads no table is left out, said in the same loop as DROPs;
    an index beside a query keeps the file a query file."""
    from cnsnt.starter.discover import survey

    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text("CREATE TABLE members (id INT PRIMARY KEY, email TEXT, phone TEXT);\n")
    (tmp_path / "db" / "indexes.sql").write_text(
        "-- speed up look-ups\nCREATE INDEX idx_members_email ON members (email);\n"
        "CREATE UNIQUE INDEX IF NOT EXISTS idx_phone ON members (lower(phone)) WHERE phone IS NOT NULL;\n"
    )
    (tmp_path / "db" / "sequences.sql").write_text(
        "CREATE SEQUENCE members_id_seq START 1;\nALTER SEQUENCE members_id_seq RESTART WITH 10;\n"
        "COMMENT ON COLUMN members.email IS 'login address';\n"
    )
    (tmp_path / "db" / "drops.sql").write_text("DROP TABLE IF EXISTS old_members;\n")
    (tmp_path / "db" / "report.sql").write_text(
        "CREATE INDEX idx_members_phone ON members (phone);\nSELECT phone FROM members WHERE id = 1;\n"
    )
    found, notes = survey(tmp_path)
    assert sorted((f.kind, f.pattern) for f in found) == [("queries", "db/report.sql"), ("schemas", "db/schema.sql")]
    assert notes == [
        "left out 1 SQL file in db: DROP statements only (DROP TABLE, DROP VIEW, ...), which remove what a "
        "schema made and read or write no one's data; a table they drop is gone from the schema that creates it",
        "left out 2 SQL files in db: indexes, sequences, comments and changes to existing columns only "
        "(CREATE INDEX, CREATE SEQUENCE, COMMENT ON, ALTER TABLE ... MODIFY), which add no column and read or "
        "write no one's data",
    ]


def test_seed_scripts_are_no_query_files(tmp_path: Path) -> None:
    """Scripts that restore rows with literal values (SimplCommerce's `StaticData-*.sql`,
    go-admin's `db.sql`, `pg_dump --inserts`), with the session, transaction and reset
    statements around them, are left out with a note; a file that also reads, or inserts
    placeholders or a SELECT, stays a query file."""
    from cnsnt.starter.discover import _sql_kind, survey

    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text("CREATE TABLE people (id INT, email TEXT, city TEXT);\n")
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "mysql.sql").write_text(
        "/*!40101 SET NAMES utf8mb4 */;\nSET FOREIGN_KEY_CHECKS = 0;\nSTART TRANSACTION;\nLOCK TABLES `people` WRITE;\n"
        "ALTER TABLE `people` DISABLE KEYS;\nTRUNCATE TABLE `people`;\n"
        "INSERT INTO `people` (`id`, `email`, `city`) VALUES (1, 'ann@example.org', 'Ghent'), (2, NULL, 'Lyon');\n"
        "ALTER TABLE `people` ENABLE KEYS;\nUNLOCK TABLES;\nCOMMIT;\n"
    )
    (seed / "tsql.sql").write_text(
        "SET NOCOUNT ON\nGO\nDELETE FROM [dbo].[people]\nGO\nSET IDENTITY_INSERT [dbo].[people] ON;\n"
        "INSERT [dbo].[people] ([id], [email]) VALUES (1, N'ann@example.org')\n"
        "INSERT [dbo].[people] ([id], [email]) VALUES (2, N'bob@example.org');\n"
        "SET IDENTITY_INSERT [dbo].[people] OFF;\nGO\n"
    )
    (seed / "inserts.sql").write_text(  # pg_dump --inserts
        "SET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n"
        "BEGIN;\nINSERT INTO public.people VALUES (1, 'ann@example.org', 'Ghent') ON CONFLICT DO NOTHING;\n"
        "SELECT pg_catalog.setval('public.people_id_seq', 1, true);\nCOMMIT;\n"
    )
    app = tmp_path / "sql"
    app.mkdir()
    (app / "add_person.sql").write_text("INSERT INTO people (id, email) VALUES ($1, $2);\n")
    (app / "named.sql").write_text("INSERT INTO people (id, email) VALUES (:id, :email);\n")
    (app / "copy.sql").write_text("INSERT INTO people (id, email) SELECT id, email FROM people;\n")
    (app / "mixed.sql").write_text("INSERT INTO people (id) VALUES (3);\nSELECT email FROM people;\n")
    (app / "prune.sql").write_text("DELETE FROM people WHERE city = 'Lyon';\nINSERT INTO people (id) VALUES (3);\n")
    (app / "settings.sql").write_text("SET FOREIGN_KEY_CHECKS = 0;\n")  # no row: nothing to leave out
    found, notes = survey(tmp_path)
    assert sorted((f.kind, f.pattern) for f in found) == [("queries", "sql/*.sql"), ("schemas", "db/schema.sql")]
    assert notes == ["left out 3 SQL files in seed: " + DATA_ONLY]
    assert {p.name: _sql_kind(p)[0] for p in sorted(app.iterdir())} == dict.fromkeys(  # type: ignore[index]
        ["add_person.sql", "copy.sql", "mixed.sql", "named.sql", "prune.sql", "settings.sql"], "queries"
    )


def test_a_large_seed_script_is_judged_on_its_head_and_tail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `SEED_WHOLE` only the first and last `QUERY_SAMPLE` statements are parsed (within
    `SEED_WHOLE` characters): a query at either end keeps the file a query file, as does a
    sample too long to parse."""
    from cnsnt.starter import discover

    monkeypatch.setattr(discover, "SEED_WHOLE", 2000)
    monkeypatch.setattr(discover, "QUERY_SAMPLE", 4)
    row = "INSERT INTO people (id, email) VALUES (1, 'ann@example.org');\n"
    query = "SELECT email FROM people WHERE id = ?;\n"
    rows = row * 60
    assert discover._seed_kind(rows, None) == "data"
    assert discover._seed_kind(query + rows, None) is None
    assert discover._seed_kind(rows + query, None) is None
    assert discover._seed_kind(row * 30 + query + row * 30, None) == "data"  # the middle is not parsed
    wide = "INSERT INTO people (id, email) VALUES " + ", ".join(["(1, 'ann@example.org')"] * 60) + ";\n"
    assert discover._seed_kind(wide * 3, None) is None  # its sample is over the budget: not judged


def test_guarded_seed_rows_and_setup_scripts_are_no_query_files(tmp_path: Path) -> None:
    """review29 D8: an idempotent seed script (`INSERT ... SELECT <literals> WHERE NOT EXISTS
    (<the row by its key>)`, PostgreSQL's older `ON CONFLICT DO NOTHING`) restores rows like
    `INSERT ... VALUES`, and a script of `CREATE DATABASE`/`CREATE USER`/`GRANT`/`FLUSH
    PRIVILEGES` uses no one's data: both are left out of `queries:` with a note. An
    `INSERT ... SELECT` that reads another table stays a query file."""
    from cnsnt.starter.discover import survey

    pg = tmp_path / "db" / "postgres"
    pg.mkdir(parents=True)
    (pg / "schema.sql").write_text(
        "CREATE TABLE owners (id SERIAL PRIMARY KEY, first_name TEXT, last_name TEXT, telephone TEXT);\n"
    )
    (pg / "data.sql").write_text(
        "INSERT INTO owners (first_name, last_name, telephone) SELECT 'Ana', 'Lima', '5551234' "
        "WHERE NOT EXISTS (SELECT * FROM owners WHERE id=1);\n"
        "INSERT INTO owners (first_name, last_name, telephone) SELECT 'Rui', 'Melo', '5554321' "
        "WHERE NOT EXISTS (SELECT * FROM owners WHERE id=2);\n"
    )
    my = tmp_path / "db" / "mysql"
    my.mkdir()
    (my / "user.sql").write_text(
        "CREATE DATABASE IF NOT EXISTS clinic;\nALTER DATABASE clinic DEFAULT CHARACTER SET utf8mb4;\n"
        "CREATE USER IF NOT EXISTS 'clinic'@'%' IDENTIFIED BY 'clinic';\n"
        "GRANT ALL PRIVILEGES ON clinic.* TO 'clinic'@'%';\nFLUSH PRIVILEGES;\n"
    )
    app = tmp_path / "sql"
    app.mkdir()
    (app / "copy.sql").write_text(
        "INSERT INTO owners (first_name) SELECT 'Ana' WHERE NOT EXISTS "
        "(SELECT 1 FROM owners WHERE telephone = owners.first_name);\n"
    )
    found, notes = survey(tmp_path)
    assert sorted((f.kind, f.pattern) for f in found) == [
        ("queries", "sql/copy.sql"), ("schemas", "db/postgres/schema.sql")
    ]
    assert notes == [
        "left out 1 SQL file in db/postgres: " + DATA_ONLY,
        "left out 1 SQL file in db/mysql: " + SETUP_ONLY,
    ]


def _patched_project(root: Path, *, current: bool) -> None:
    """GovPay-like: a schema file and, beside it, a folder of versioned patches that alter it."""
    (root / "db" / "patch").mkdir(parents=True)
    extra = ", phone VARCHAR(20), lang VARCHAR(8)" if current else ""
    (root / "db" / "app.sql").write_text(
        f"CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(80){extra});\n"
        f"CREATE TABLE orders (id INT PRIMARY KEY, user_id INT{', note TEXT' if current else ''});\n"
    )
    (root / "db" / "patch" / "1.1.sql").write_text("ALTER TABLE users ADD COLUMN phone VARCHAR(20);\n")
    (root / "db" / "patch" / "1.2.sql").write_text(
        "ALTER TABLE orders ADD COLUMN note TEXT;\nALTER TABLE users ADD COLUMN lang VARCHAR(8);\n"
        "CREATE TABLE tmp_move (id INT);\nDROP TABLE tmp_move;\n"
    )


def test_a_patch_folder_of_the_schema_beside_it_is_left_out_and_said(tmp_path: Path) -> None:
    """The schema holds the columns its patches add: they are its history, and read alone
    they alter tables they never saw (a CN001 per ALTER)."""
    from cnsnt.starter.discover import survey

    _patched_project(tmp_path, current=True)
    found, notes = survey(tmp_path)
    assert [(f.pattern, f.format) for f in found] == [("db/app.sql", None)]
    assert notes == ["left out 2 SQL files in db/patch: upgrade patches of db/app.sql, which holds their tables"]


def test_a_patch_folder_that_adds_what_the_schema_lacks_is_kept(tmp_path: Path) -> None:
    """An older baseline: the patches bring it forward, so leaving them out would lose columns."""
    from cnsnt.starter.discover import survey

    _patched_project(tmp_path, current=False)
    found, notes = survey(tmp_path)
    assert sorted((f.pattern, f.format) for f in found) == [("db/app.sql", None), ("db/patch/*.sql", "migrations")]
    assert notes == []


def test_migrations_that_build_their_own_tables_and_alter_a_shared_one_are_kept(tmp_path: Path) -> None:
    """Flyway-like: the folder creates its tables and alters one the schema file holds."""
    from cnsnt.starter.discover import survey

    _patched_project(tmp_path, current=True)
    (tmp_path / "db" / "patch" / "1.1.sql").write_text(
        "CREATE TABLE visits (id INT, user_id INT);\nCREATE TABLE notes (id INT, body TEXT);\n"
        "ALTER TABLE users ADD COLUMN phone VARCHAR(20);\n"
    )
    (tmp_path / "db" / "patch" / "1.2.sql").write_text("ALTER TABLE visits ADD COLUMN ip VARCHAR(40);\n")
    found, notes = survey(tmp_path)
    assert sorted((f.pattern, f.format) for f in found) == [("db/app.sql", None), ("db/patch/*.sql", "migrations")]
    assert notes == []


TYPEORM_ENTITY = (
    "import {{ Entity, Column, PrimaryGeneratedColumn }} from 'typeorm';\n"
    "import {{ Audited }} from '../common/audited';\n"
    "@Entity()\nexport class {name} extends Audited {{\n  @Column() email: string;\n  @Column() birthDate: Date;\n}}\n"
)


def test_discover_typeorm_entities_of_every_module_in_one_entry(tmp_path: Path):
    """Entities of a NestJS project share one entry: their base class lives in another folder."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "src/users/user.entity.ts", TYPEORM_ENTITY.format(name="User"))
    _write(tmp_path, "src/billing/entities/invoice-holder.entity.ts", TYPEORM_ENTITY.format(name="InvoiceHolder"))
    _write(
        tmp_path,
        "src/common/audited.ts",
        "import { PrimaryGeneratedColumn } from 'typeorm';\n"
        "export abstract class Audited {\n  @PrimaryGeneratedColumn() id: number;\n}\n",
    )
    _write(tmp_path, "src/users/users.service.ts", "import { Repository } from 'typeorm';\nexport class S {}\n")
    _write(tmp_path, "src/users/user.entity.spec.ts", TYPEORM_ENTITY.format(name="Fake"))  # a test
    _write(tmp_path, "node_modules/lib/x.entity.ts", TYPEORM_ENTITY.format(name="Vendored"))
    _write(tmp_path, "src/mikro/thing.entity.ts", "import { Entity } from '@mikro-orm/core';\n@Entity()\nclass T {}\n")
    found, notes = survey(tmp_path)
    # the MikroORM file is MikroORM's now, in an entry of its own; the TypeORM entry is unchanged
    assert found == [
        Found("schemas", "src/mikro/*.entity.ts", format="mikroorm"),
        Found("schemas", "src/**/*.ts", format="typeorm"),
    ]
    assert notes == [
        "MikroORM entities in src/mikro/*.entity.ts: names as its default UnderscoreNamingStrategy writes "
        "them (firstName -> first_name, UserProfile -> user_profile)",
        "TypeORM entities in src/**/*.ts: names as TypeORM's default naming strategy writes them (columns as written)"
    ]
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    columns = {c for d in policy.data.values() for c in d.columns}
    assert {"user.email", "invoice_holder.email", "user.birthDate"} <= columns
    assert audit_path(tmp_path).sources["tables"] == 3  # with the MikroORM entity `t`


GORM_MODEL = (
    "package models\n\nimport \"gorm.io/gorm\"\n\n"
    "type Customer struct {{\n\tgorm.Model\n\tEmail string `gorm:\"size:200\"`\n\tBirthDate string\n"
    "\tPhoneNumber string\n}}\n"
)


def test_discover_gorm_models_of_a_go_project_in_one_entry(tmp_path: Path):
    """Model files (a tag, or GORM's import) and the AutoMigrate call elsewhere share one entry."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "internal/models/customer.go", GORM_MODEL.format())
    _write(
        tmp_path,
        "internal/models/address.go",
        "package models\n\ntype Address struct {\n\tID uint `gorm:\"primaryKey\"`\n\tStreet string\n}\n",
    )
    _write(
        tmp_path,
        "internal/db/migrate.go",
        "package db\n\nimport \"gorm.io/gorm\"\n\nfunc Up(db *gorm.DB) error {\n"
        "\treturn db.AutoMigrate(&models.Customer{}, &models.Address{})\n}\n",
    )
    _write(tmp_path, "internal/http/handler.go", "package http\n\nfunc Handle() {}\n")
    _write(tmp_path, "internal/models/customer_test.go", GORM_MODEL.format())
    _write(tmp_path, "vendor/gorm.io/gorm/model.go", "package gorm\n\ntype Model struct {\n\tID uint `gorm:\"primarykey\"`\n}\n")
    _write(tmp_path, "cmd/app/main.go", "package main\n\nfunc main() {}\n")
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "internal/**/*.go", format="gorm")]
    assert notes == [
        "GORM models in internal/**/*.go: names as GORM's default NamingStrategy writes them (CreditCard -> "
        "credit_cards, UserID -> user_id) unless TableName() or the NamingStrategy in the code says otherwise; "
        "the structs named in AutoMigrate are the tables when the entry holds that call"
    ]
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    columns = {c for d in policy.data.values() for c in d.columns}
    assert {"customers.email", "customers.birth_date", "customers.phone_number", "addresses.street"} <= columns
    assert audit_path(tmp_path).sources["tables"] == 2


def test_discover_gorm_models_beside_a_vendor_folder_per_top_folder(tmp_path: Path):
    from cnsnt.starter.discover import survey

    _write(tmp_path, "models/customer.go", GORM_MODEL.format())
    _write(tmp_path, "store/db.go", "package store\n\nimport \"github.com/jinzhu/gorm\"\n\nvar DB *gorm.DB\n")
    _write(tmp_path, "vendor/github.com/jinzhu/gorm/model.go", "package gorm\n\ntype Model struct {\n\tID uint\n}\n")
    found, _ = survey(tmp_path)
    assert found == [Found("schemas", "models/**/*.go", format="gorm"), Found("schemas", "store/**/*.go", format="gorm")]
    _write(tmp_path, "vendor/.keep", "")
    shutil.rmtree(tmp_path / "vendor")
    found, _ = survey(tmp_path)
    assert found == [Found("schemas", "**/*.go", format="gorm")]


def test_discover_xorm_bun_and_ent_models_each_in_an_entry_of_its_format(tmp_path: Path):
    """Each Go ORM's files get their own entry; init reads them: personal columns are proposed."""
    from cnsnt.starter.discover import survey

    _write(
        tmp_path,
        "forge/models/user.go",
        "package models\n\ntype User struct {\n\tID int64 `xorm:\"pk autoincr\"`\n"
        "\tEmail string `xorm:\"UNIQUE NOT NULL\"`\n\tFullName string\n}\n",
    )
    _write(
        tmp_path,
        "shop/db/model/customer.go",
        'package model\n\nimport "github.com/uptrace/bun"\n\ntype Customer struct {\n'
        '\tbun.BaseModel `bun:"table:customers"`\n\tID int64 `bun:",pk"`\n\tPhoneNumber string\n}\n',
    )
    _write(tmp_path, "shop/db/migrations/1_init.up.sql", "CREATE TABLE customers (id bigint, phone_number text);\n")
    _write(tmp_path, "shop/db/migrations/2_more.up.sql", "ALTER TABLE customers ADD COLUMN email text;\n")
    _write(
        tmp_path,
        "crm/ent/schema/contact.go",
        'package schema\n\nimport (\n\t"entgo.io/ent"\n\t"entgo.io/ent/schema/field"\n)\n\n'
        "type Contact struct {\n\tent.Schema\n}\n\n"
        'func (Contact) Fields() []ent.Field {\n\treturn []ent.Field{field.Time("birth_date")}\n}\n',
    )
    found, notes = survey(tmp_path)
    assert found == [
        Found("schemas", "shop/db/model/*.go", format="bun"),
        Found("schemas", "crm/ent/schema/*.go", format="ent"),
        Found("schemas", "forge/models/*.go", format="xorm"),
    ]
    assert any(n.startswith("left out the SQL migrations in shop/db/migrations: they build") for n in notes)
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    columns = {c for d in policy.data.values() for c in d.columns}
    assert {"user.email", "user.full_name", "customers.phone_number", "contacts.birth_date"} <= columns


def test_discover_leaves_ent_schemas_out_beside_the_atlas_migrations_ent_generated(tmp_path: Path):
    from cnsnt.starter.discover import survey

    _write(
        tmp_path,
        "ent/schema/contact.go",
        'package schema\n\nimport "entgo.io/ent"\n\ntype Contact struct {\n\tent.Schema\n}\n\n'
        "func (Contact) Fields() []ent.Field {\n\treturn nil\n}\n",
    )
    _write(tmp_path, "migrations/20240101000000_init.sql", "CREATE TABLE contacts (id bigint, birth_date date);\n")
    _write(tmp_path, "migrations/20240202000000_more.sql", "ALTER TABLE contacts ADD COLUMN email text;\n")
    _write(tmp_path, "migrations/atlas.sum", "h1:abc=\n")
    found, notes = survey(tmp_path)
    assert [f.format for f in found] == ["migrations"]
    assert any("left out 1 ent schema file: their tables are in migrations" in n for n in notes)


def test_discover_typeorm_entities_named_as_nest_names_them(tmp_path: Path):
    from cnsnt.starter.discover import survey

    _write(tmp_path, "apps/api/src/users/user.entity.ts", TYPEORM_ENTITY.format(name="User"))
    _write(tmp_path, "libs/shop/src/order.entity.ts", TYPEORM_ENTITY.format(name="Order"))
    _write(tmp_path, "package.json", '{"dependencies": {"typeorm-naming-strategies": "^4.1.0"}}')
    found, notes = survey(tmp_path)
    # from the project's root, one glob per top folder: a `**` there would walk node_modules
    assert found == [
        Found("schemas", "apps/**/*.entity.ts", format="typeorm"),
        Found("schemas", "libs/**/*.entity.ts", format="typeorm"),
    ]
    assert notes == [
        "TypeORM entities in apps/**/*.entity.ts, libs/**/*.entity.ts: names as SnakeNamingStrategy writes "
        "them (firstName -> first_name), since package.json depends on typeorm-naming-strategies"
    ]


TYPEORM_MIGRATION = (
    "import { MigrationInterface, QueryRunner } from 'typeorm';\n"
    "export class Init1700000000000 implements MigrationInterface {\n"
    "  async up(queryRunner: QueryRunner) {\n"
    '    await queryRunner.query(`CREATE TABLE "customer" ("id" SERIAL NOT NULL, "email" varchar NOT NULL)`);\n'
    "  }\n  async down(queryRunner: QueryRunner) {}\n}\n"
)


def test_discover_typeorm_migrations_only_without_entities(tmp_path: Path):
    from cnsnt.starter.discover import survey

    _write(tmp_path, "src/migrations/1700000000000-Init.ts", TYPEORM_MIGRATION)
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "src/migrations/*.ts", format="typeorm_migrations")]
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    assert "customer.email" in {c for d in policy.data.values() for c in d.columns}
    # with the entities beside them, the migrations are their history: left out, with a note
    _write(tmp_path, "src/customer.entity.ts", TYPEORM_ENTITY.format(name="Customer"))
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "src/*.entity.ts", format="typeorm")]
    assert notes[-1] == (
        "left out 1 TypeORM migration in src/migrations: the history of the tables the project's entities "
        "map, which are read instead (reading both would list every column twice)"
    )


def test_init_tells_sources_it_could_not_read_from_warnings(tmp_path: Path) -> None:
    """A nameless field whose id names personal data is a warning read around (one whose id
    names none, a search box, is an info and not counted); a broken statement could not be read."""
    from typer.testing import CliRunner

    from cnsnt.cli import app

    (tmp_path / "signup.html").write_text(
        '<form method="post"><input name="email" type="email"><input type="text" id="nick">'
        '<input type="search" id="q"></form>\n',
        encoding="utf-8",
    )
    (tmp_path / "schema.sql").write_text("CREATE TABLE users (id INT, email TEXT);\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 warning about parts of the sources read around" in result.output
    assert "could not be read" not in result.output
    written = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert "# 1 warning about parts of the sources read around" in written
    assert "could not be read" not in written
    (tmp_path / "cnsnt.yaml").unlink()
    (tmp_path / "broken.sql").write_text(
        "CREATE TABLE orders (id INT, phone TEXT);\nCREATE TABL refunds (id INT);\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 part of the sources could not be read" in result.output


def test_init_says_when_it_found_no_source(tmp_path: Path):
    """A folder with nothing cnsnt reads: the summary says so, not only "0 personal fields"."""
    (tmp_path / "notes.txt").write_text("CREATE TABLE people (email TEXT);\n", encoding="utf-8")
    result = run("init", str(tmp_path), "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert "no schema, form or query file found" in result.stderr
    assert "0 personal fields" in result.stderr


def test_init_says_when_the_only_schema_is_migrations_in_code_it_cannot_read(tmp_path: Path):
    # goose's Go migrations: the tables live only in code no reader knows
    (tmp_path / "db" / "migrations").mkdir(parents=True)
    (tmp_path / "db" / "migrations" / "00001_init.go").write_text(
        "package migrations\n\nimport (\n\t\"database/sql\"\n\n\t\"github.com/pressly/goose/v3\"\n)\n\n"
        "func init() { goose.AddMigration(upInit, downInit) }\n\n"
        "func upInit(tx *sql.Tx) error {\n"
        "\t_, err := tx.Exec(\"CREATE TABLE customers (id INT PRIMARY KEY, email TEXT)\")\n\treturn err\n}\n"
    )
    (tmp_path / "signup.html").write_text('<form><input name="email" type="email"></form>\n')
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    said = "found no schema cnsnt reads, but 1 file in db/migrations looks like a database migration"
    assert said in " ".join(result.stderr.split())
    assert said in (tmp_path / "cnsnt.yaml").read_text()
    # with a schema it reads, the folder is no longer the only word on the database
    (tmp_path / "schema.sql").write_text("CREATE TABLE customers (id INT PRIMARY KEY, email TEXT);\n")
    again = run("init", str(tmp_path), "-o", "-")
    assert "found no schema" not in again.stdout + again.stderr


def test_init_says_when_it_found_forms_but_no_schema_at_all(tmp_path: Path):
    """A React front end and a back end whose SQL lives in code strings: no schema, said (trial38).

    The starter held the forms' fields alone, and neither the policy nor the terminal said
    that no database was read: the tables the guests' tax codes are stored in went unnamed.
    """
    front = tmp_path / "web" / "src" / "components"
    front.mkdir(parents=True)
    (front / "GuestForm.jsx").write_text(
        "export default function GuestForm() {\n  return (\n    <form>\n"
        '      <input name="tax_code" />\n      <input name="surname" />\n    </form>\n  );\n}\n'
    )
    back = tmp_path / "api" / "models"
    back.mkdir(parents=True)
    (back / "guest.js").write_text(
        "module.exports = { add: (db, g) => db.query('INSERT INTO guest (tax_code, surname) VALUES ?', [g]) };\n"
    )
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    said = "found no schema cnsnt reads: the tables the forms' fields are stored in are not audited"
    assert said in " ".join(result.stderr.split())
    assert said in " ".join(line.strip("# ") for line in (tmp_path / "cnsnt.yaml").read_text().splitlines())
    # with a schema, nothing is said
    (tmp_path / "schema.sql").write_text("CREATE TABLE guest (id INT PRIMARY KEY, tax_code TEXT);\n")
    again = run("init", str(tmp_path), "-o", "-")
    assert "found no schema" not in again.stdout + again.stderr


def test_init_reads_codeigniter_migrations_it_used_only_to_name(tmp_path: Path):
    """CodeIgniter 3's `application/migrations` and 4's `app/Database/Migrations`: an entry each, read."""
    ci3 = tmp_path / "application" / "migrations"
    ci3.mkdir(parents=True)
    (ci3 / "001_init.php").write_text(
        "<?php\nclass Migration_Init extends CI_Migration {\n  public function up() {\n"
        "    $this->dbforge->add_field(['email' => ['type' => 'VARCHAR', 'constraint' => 100]]);\n"
        "    $this->dbforge->create_table('customers');\n  }\n}\n"
    )
    (ci3 / "index.html").write_text("<html></html>\n")
    ci4 = tmp_path / "app" / "Database" / "Migrations"
    ci4.mkdir(parents=True)
    (ci4 / "2020-02-22-101010_AddPatients.php").write_text(
        "<?php\nnamespace App\\Database\\Migrations;\n\nuse CodeIgniter\\Database\\Migration;\n\n"
        "class AddPatients extends Migration\n{\n    public function up()\n    {\n"
        "        $this->forge->addField(['birth_date' => ['type' => 'DATE']])->createTable('patients');\n"
        "    }\n}\n"
    )
    assert discover(tmp_path) == [
        Found("schemas", "app/Database/Migrations/*.php", format="codeigniter"),
        Found("schemas", "application/migrations/*.php", format="codeigniter"),
    ]
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "found no schema" not in result.stderr
    written = (tmp_path / "cnsnt.yaml").read_text()
    assert "customers.email" in written and "patients.birth_date" in written


def test_an_html_report_cnsnt_wrote_is_no_form(tmp_path: Path) -> None:
    """`cnsnt audit --format html -o report.html` in the project, then `cnsnt init --force`: the
    report's filter boxes are no form of the product (flaskbb: 10 CN001 warnings from it)."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "templates/signup.html", '<form><input name="email"></form>\n')
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  forms:\n    - {path: templates/signup.html}\npurposes: {}\ndata: {}\n",
        encoding="utf-8",
    )
    assert run("audit", str(tmp_path), "--format", "html", "-o", str(tmp_path / "report.html")).exit_code == 1
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found] == ["templates/signup.html"]
    assert notes == ["left out 1 HTML report cnsnt wrote (report.html): cnsnt's own output, not the product's forms"]


def test_query_files_of_one_database_share_its_dialect_and_one_entry(tmp_path: Path) -> None:
    """unkey's sqlc query folders: a few files use MySQL's backticks, the rest read in any
    dialect; they are one MySQL database's queries, one entry. A folder holding two
    databases' queries keeps each file's own."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "schema.sql", "CREATE TABLE users (id INT, email TEXT, name TEXT);\n")
    _write(tmp_path, "queries/find.sql", "SELECT `email` FROM `users` WHERE id = ?;\n")
    _write(tmp_path, "queries/list.sql", "SELECT id, name FROM users;\n")
    _write(tmp_path, "queries/count.sql", "SELECT count(*) FROM users;\n")
    _write(tmp_path, "mixed/find.sql", "SELECT `email` FROM `users` WHERE id = ?;\n")
    _write(tmp_path, "mixed/top.sql", "SELECT TOP 5 [email] FROM [users];\n")
    _write(tmp_path, "mixed/list.sql", "SELECT id, name FROM users;\n")
    found, _ = survey(tmp_path)
    queries = sorted((f.pattern, f.dialect) for f in found if f.kind == "queries")
    assert ("queries/*.sql", "mysql") in queries
    assert [q for q in queries if q[0].startswith("mixed/")] == [
        ("mixed/find.sql", "mysql"),
        ("mixed/list.sql", None),
        ("mixed/top.sql", "tsql"),
    ]


def test_go_templates_with_forms_are_proposed(tmp_path: Path) -> None:
    """Gitea and Gogs keep their pages in Go's html/template files (`templates/**/*.tmpl`);
    ent's code-generation `.tmpl` files draw no form and stay out."""
    from cnsnt.starter.discover import survey

    _write(tmp_path, "templates/user/auth/signup.tmpl",
           '{{template "base/head" .}}\n<form method="post"><input name="email" value="{{.email}}"></form>\n')
    _write(tmp_path, "entc/gen/template/where.tmpl", '{{ define "where" }}package {{ $.Package }}{{ end }}\n')
    found, _ = survey(tmp_path)
    assert [f.pattern for f in found] == ["templates/user/auth/signup.tmpl"]


def test_the_starter_asks_who_receives_the_data_and_its_draft_says_not_no_one(project: Path):
    """The starter wrote no recipients: and its draft notice said "We do not give your data
    to anyone else" (pt: "Não damos os seus dados a mais ninguém") though nobody said so."""
    assert run("init", str(project)).exit_code == 0
    target = project / "cnsnt.yaml"
    text = target.read_text()
    assert "# recipients:" in text and "write recipients: []" in text
    assert not load_policy(target).recipients_stated
    for lang, no_one, only_us in (("en", "anyone else", "Only us"), ("pt", "mais ninguém", "Só nós")):
        for layer in ("full", "short"):
            draft = run("notice", str(project), "--draft", "--no-audit", "--lang", lang, "--layer", layer)
            assert draft.exit_code == 0, draft.stderr
            assert no_one not in draft.stdout and only_us not in draft.stdout, (lang, layer)
    refused = run("notice", str(project), "--no-audit")
    assert refused.exit_code == 1 and "CN602 the notice cannot say who receives the data" in refused.stderr
    # saying so, in the place the starter shows, is what makes the notice say "no one"
    target.write_text(text.replace("# recipients:\n", "recipients: []\n# recipients:\n", 1))
    stated = run("notice", str(project), "--draft", "--no-audit")
    assert "We do not give your data to anyone else." in stated.stdout


def test_init_summary_is_not_wrapped_off_a_terminal(tmp_path: Path) -> None:
    """Written to a file or a pipe, each line of the summary is one line, however long."""
    (tmp_path / "signup.html").write_text(
        '<form method="post"><input name="email" type="email"><input type="text" id="nick"></form>\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "60", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert (
        "1 warning about parts of the sources read around (a field with no name, a call cnsnt "
        "cannot follow): run cnsnt audit to see them (CN001)\n"
    ) in result.stderr


def test_init_and_update_name_the_policy_the_same_way(project: Path, monkeypatch: pytest.MonkeyPatch):
    """init said "written to cnsnt.yaml", --update (which walks up to find the policy) the
    absolute path."""
    monkeypatch.chdir(project)
    first = run("init")
    assert "written to cnsnt.yaml" in first.stderr
    (project / "db" / "schema.sql").write_text("CREATE TABLE guests (id INT, phone VARCHAR(20));\n")
    updated = run("init", "--update")
    assert updated.exit_code == 0, updated.stderr
    assert "written to cnsnt.yaml" in updated.stderr
    again = run("init", "--update")
    assert again.stderr.startswith("cnsnt.yaml: no new personal field found")


def test_a_blade_page_that_draws_its_form_through_partials_is_a_form(tmp_path: Path) -> None:
    """A page of `@include('forms.campo', ['nome_campo' => 'codice_fiscale'])` into a partial
    holding `<input name="{{ $nome_campo }}">` collects, though it writes no tag of its own;
    a page that includes a title partial does not (review23 D1)."""
    _write(tmp_path, "resources/views/forms/campo.blade.php",
           '<label>{{ $etichetta }}</label>\n<input type="text" name="{{ $nome_campo }}">\n')
    _write(tmp_path, "resources/views/soci/crea.blade.php",
           "@section('content')\n  @include('forms.campo', ['etichetta' => 'Codice fiscale', "
           "'nome_campo' => 'codice_fiscale'])\n@endsection\n")
    _write(tmp_path, "resources/views/layouts/titolo.blade.php", "<h1>{{ $titolo }}</h1>\n")
    _write(tmp_path, "resources/views/pagine/chi.blade.php",
           "@include('layouts.titolo', ['titolo' => 'Chi siamo'])\n<p>Testo</p>\n")
    _write(tmp_path, "resources/views/pagine/fuori.blade.php",
           "@include('../../secret', ['nome_campo' => 'x'])\n")
    assert _form_files(tmp_path) == [
        "resources/views/forms/campo.blade.php",
        "resources/views/soci/crea.blade.php",
    ]


def test_discover_beego_models_and_names_go_files_of_orms_cnsnt_does_not_read(tmp_path: Path):
    """review26 D1: Beego models are a schemas entry; go-pg and MongoDB structs are named in a note."""
    from cnsnt.starter.discover import survey

    _write(
        tmp_path,
        "modules/automezzi/models/models.go",
        'package models\n\nimport "github.com/astaxie/beego/orm"\n\ntype Conducente struct {\n'
        '\tID int `orm:"auto"`\n\tNome string `orm:"size(20)"`\n\tCodiceFiscale string `orm:"size(16)"`\n}\n\n'
        "func init() { orm.RegisterModel(new(Conducente)) }\n",
    )
    _write(tmp_path, "views/conducente.html", '<form method="post"><input name="telefono"></form>\n')
    _write(
        tmp_path,
        "billing/store/invoice.go",
        'package store\n\ntype Invoice struct {\n\tID int64 `pg:",pk"`\n\tIban string `pg:"iban"`\n}\n',
    )
    _write(
        tmp_path,
        "chat/message.go",
        'package chat\n\ntype Message struct {\n\tText string `bson:"text"`\n}\n',
    )
    found, notes = survey(tmp_path)
    assert Found("schemas", "modules/automezzi/models/*.go", format="beego") in found
    assert any(n.startswith("Beego ORM models in modules/automezzi/models/*.go") for n in notes)
    assert [n for n in notes if n.startswith("not read: 2 Go files")] == [
        "not read: 2 Go files whose structs map tables with an ORM cnsnt does not read "
        "(MongoDB (bson): chat/message.go; go-pg: billing/store/invoice.go); the data they store is "
        "not audited: name a DDL dump under schemas: or a live database under databases:"
    ]
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert "# not read: 2 Go files" in text
    columns = {c for d in load_policy(tmp_path / "cnsnt.yaml").data.values() for c in d.columns}
    assert {"conducente.nome", "conducente.codice_fiscale"} <= columns


def test_a_seed_script_named_so_is_no_query_file(tmp_path: Path) -> None:
    """trial38: Supabase's `supabase/seed.sql`, which computes its rows (`crypt(...)`, `INSERT ...
    SELECT ... FROM auth.users`), was proposed under queries: and audited as the application's
    queries (CN302 on its sample rows, CN001 on `auth.users`). A seed script by its name is left
    out with a note; the migrations stay the schema, and a query file of another name stays."""
    from cnsnt.starter.discover import survey

    migrations = tmp_path / "supabase" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "20240301000000_members.sql").write_text(
        "create table public.members (\n  id uuid primary key references auth.users (id),\n"
        "  display_name text,\n  phone text\n);\n"
    )
    (tmp_path / "supabase" / "seed.sql").write_text(
        "insert into auth.users (id, email, encrypted_password, created_at)\n"
        "values ('00000000-0000-0000-0000-00000000000a', 'demo@example.org', crypt('demo', gen_salt('bf')), now());\n"
        "insert into public.members (id, display_name, phone)\n"
        "select id, 'Demo Member', '+10000000' from auth.users;\n"
    )
    (tmp_path / "db" / "seeds").mkdir(parents=True)
    (tmp_path / "db" / "seeds" / "members.sql").write_text(
        "update public.members set phone = '+10000001' where display_name = 'Demo Member';\n"
    )
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "member_report.sql").write_text(
        "insert into public.members (id, display_name) select id, email from auth.users;\n"
    )
    found, notes = survey(tmp_path)
    assert sorted((f.kind, f.pattern) for f in found) == [
        ("queries", "sql/member_report.sql"), ("schemas", "supabase/migrations/20240301000000_members.sql"),
    ]
    assert notes == [
        "left out 2 SQL files in db/seeds, supabase: seed scripts by their name (seed.sql, seeds/*.sql; "
        "Supabase's supabase/seed.sql), which fill a development database with sample rows and run no "
        "queries of the application; their tables are read from the schema (name one under queries: if "
        "the application runs it)"
    ]


def test_a_template_whose_only_control_is_a_date_select_without_a_builder_is_a_form(tmp_path: Path) -> None:
    """`select_date d, prefix: "profile[birth_date]"` (diaspora's birthday) draws selects the reader reads."""
    _write(tmp_path, "app/views/profiles/_birthday.html.erb", '<%= select_date @p.birthday, prefix: "dob" %>\n')
    _write(tmp_path, "app/views/profiles/_year.html.haml", '= select_year Date.today, field_name: "born"\n')
    _write(tmp_path, "app/views/profiles/_shown.html.erb", "<%= l @p.birthday %>\n")
    assert _form_files(tmp_path) == ["app/views/profiles/_birthday.html.erb", "app/views/profiles/_year.html.haml"]
