"""`cnsnt explain-column`: the classifier's reasoning for one column, table first."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def test_table_verdict_then_column_verdict() -> None:
    result = run("explain-column", "customers.phone", str(EXAMPLES / "restaurant"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "customers.phone (db/schema.sql:13:5)"
    assert lines[1] == "  table 'customers' describes people: its name 'customers' says it is about people"
    assert lines[2] == "  verdict: personal, user.contact.phone_number (high confidence)"
    assert lines[3] == "  because name 'phone' means a phone number (en)"


def test_a_column_personal_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "s.sql").write_text(
        "CREATE TABLE kimlik (id INT PRIMARY KEY, ad TEXT, soyad TEXT, tc_kimlik_no CHAR(11));\n"
        "CREATE TABLE notlar (id INT, sahip INT REFERENCES kimlik (id), metin TEXT);\n",
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {schemas: [{path: s.sql, dialect: postgres}]}\n", encoding="utf-8"
    )
    result = run("explain-column", "notlar.metin", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "table 'notlar' linked to people: 'sahip' references 'kimlik'" in result.stdout
    assert "verdict: personal" in result.stdout
    kimlik = run("explain-column", "KIMLIK.AD", str(tmp_path))
    assert "table 'kimlik' describes people: it has 'soyad' and 'tc_kimlik_no'" in kimlik.stdout


def test_unknown_column_is_a_usage_error() -> None:
    result = run("explain-column", "nope.x", str(EXAMPLES / "restaurant"))
    assert result.exit_code == 2
    assert "no column 'nope.x'" in result.stderr
    assert "Traceback" not in result.output


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "s.sql").write_text('CREATE TABLE "t\x1b[31m" (email TEXT);\n', encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {schemas: [{path: s.sql, dialect: postgres}]}\n", encoding="utf-8"
    )
    result = run("explain-column", "t\x1b[31m.email", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout


def test_a_project_without_a_policy_is_read_as_cnsnt_init_finds_it(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(
        "CREATE TABLE kimlik (id INT PRIMARY KEY, ad TEXT, soyad TEXT, tc_kimlik_no CHAR(11));\n",
        encoding="utf-8",
    )
    result = run("explain-column", "kimlik.ad", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "kimlik.ad (db/schema.sql:1:42)"
    assert "verdict: personal" in result.stdout
    assert not (tmp_path / "cnsnt.yaml").exists()  # nothing written
    missing = run("explain-column", "kimlik.nope", str(tmp_path))
    assert missing.exit_code == 2
    assert "(it has no cnsnt.yaml)" in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    none = run("explain-column", "kimlik.ad", str(empty))
    assert none.exit_code == 2 and "Traceback" not in none.output


def test_without_path_or_policy_the_working_directory_is_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No PATH and no cnsnt.yaml up the tree: as with `.` (review22 D10); a named policy must exist."""
    (tmp_path / "schema.sql").write_text("CREATE TABLE users (id INT, email TEXT);\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("explain-column", "users.email")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "users.email (schema.sql:1:29)"
    assert "verdict: personal" in result.stdout
    named = run("explain-column", "users.email", "--policy", "missing.yaml")
    assert named.exit_code == 2 and "Traceback" not in named.output


def test_a_form_field_is_explained_as_init_reads_it(tmp_path: Path) -> None:
    """`FORM.FIELD`: the category `init` suggests, read in the forms' own language."""
    (tmp_path / "aanmelden.html").write_text(
        '<form id="aanmelden" method="post">\n'
        '  <label for="mail">E-mail adres</label><input id="mail" name="mail" type="text">\n'
        '  <label for="vn">Voornaam</label><input id="vn" name="voornaam" type="text">\n'
        '  <label for="an">Achternaam</label><input id="an" name="achternaam" type="text">\n'
        '  <label><input type="checkbox" name="nieuwsbrief"> Ik wil de nieuwsbrief ontvangen</label>\n'
        "</form>\n",
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {forms: [{path: aanmelden.html}]}\n", encoding="utf-8"
    )
    result = run("explain-column", "aanmelden.mail", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "aanmelden.mail (aanmelden.html:2:41)"
    assert "label 'E-mail adres'" in lines[1]
    assert "verdict: personal, user.contact.email" in result.stdout
    assert "(nl)" in result.stdout  # the forms' language, not the first vocabulary's
    consent = run("explain-column", "aanmelden.nieuwsbrief", str(tmp_path))
    assert consent.exit_code == 0 and "a consent control" in consent.stdout
    missing = run("explain-column", "aanmelden.nope", str(tmp_path))
    assert missing.exit_code == 2 and "no form field of that name" in missing.stderr


def test_a_nameless_control_by_the_id_the_audit_says_to_declare(tmp_path: Path) -> None:
    """CN001's fix says `declare it in the policy as Index.messageInput`: explain-column knows it (review26 D9)."""
    pages = tmp_path / "Pages"
    pages.mkdir()
    (pages / "Index.cshtml").write_text(
        '<div>\n<input type="text" id="messageInput" />\n<input type="text" id="last-name" />\n</div>\n',
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources: {forms: [{path: Pages/Index.cshtml}]}\n", encoding="utf-8"
    )
    audit = run("audit", str(tmp_path / "cnsnt.yaml"))
    assert "declare it in the policy as Index.messageInput" in " ".join(audit.stdout.split())
    result = run("explain-column", "Index.messageInput", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Index.messageInput (Pages/Index.cshtml:2:1)"
    assert "the audit (CN001) asks to declare it as Index.messageInput" in lines[2]
    assert lines[3] == "  CN001 (info): neither its id nor its label names personal data"
    last = run("explain-column", "Index.last-name", str(tmp_path))
    assert "verdict if a script sends it: personal, user.name.last (high confidence)" in last.stdout
