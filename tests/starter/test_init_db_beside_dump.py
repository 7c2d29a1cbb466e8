"""A live database beside the schema file it was loaded from (review37 D3, D4).

`cnsnt init --db URL` beside a dump of the same tables read every table twice, with no
word; the second copy changed verdicts (a member's town became "an identifier or key"),
a SQLite starter said it left the database out and listed it under `databases:`, and a
`--reviewed` list of all-`false` rows contradicted itself and changed more on a second
run. The database the user asked for is read, the dump gives way, and a policy that
names both anyway gets a warning and the verdicts of one copy.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.evidence import Column, Table
from cnsnt.model import Location
from tests.starter.cli_run import run

#: The reviewer's D3 repro: a contact's town is a key to a list of towns, by its name only.
TOWNS = """\
CREATE TABLE towns (townid INTEGER PRIMARY KEY, label VARCHAR(30));
CREATE TABLE contacts (contactid INTEGER PRIMARY KEY, street VARCHAR(40), townid INTEGER NOT NULL, phone VARCHAR(20));
"""

#: The reviewer's D4 repro, with its form.
USERS = """\
CREATE TABLE categories (categoryid INTEGER PRIMARY KEY, label VARCHAR(50));
CREATE TABLE users (userid INTEGER PRIMARY KEY, username VARCHAR(50), aktiv SMALLINT NOT NULL,
  defaultcategoryid INTEGER REFERENCES categories(categoryid));
"""
FORM = (
    '<form name="userform" method="post"><input type="text" name="username">'
    '<input type="checkbox" name="aktiv" value="1"></form>\n'
)


def project(tmp_path: Path, schema: str, *, form: bool = False) -> Path:
    (tmp_path / "schema.sql").write_text(schema, encoding="utf-8")
    with sqlite3.connect(tmp_path / "app.db") as db:
        db.executescript(schema)
    if form:
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates" / "userform.html").write_text(FORM, encoding="utf-8")
    return tmp_path


def sources_block(policy: str) -> str:
    return policy.split("sources:", 1)[1].split("\npurposes:", 1)[0]


def both_sources(tmp_path: Path, extra: str = "") -> None:
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: schema.sql}]\n  forms: [{path: \"templates/*.html\"}]\n"
        f"  databases: [{{url: \"sqlite:///app.db\"}}]\n{extra}",
        encoding="utf-8",
    )


# -- init --db: the database asked for is read, the dump gives way, said once


def test_init_db_keeps_the_database_and_leaves_the_dump_out_saying_so(tmp_path: Path, monkeypatch):
    root = project(tmp_path, TOWNS)
    monkeypatch.chdir(root)  # --db takes a SQLite path as the shell does
    result = run("init", "--db", "sqlite:///app.db", str(root))
    assert result.exit_code == 0, result.output
    block = sources_block((root / "cnsnt.yaml").read_text(encoding="utf-8"))
    assert block == (
        "\n  # left out schema.sql: 2 of its 2 tables are in sqlite:///app.db, given with --db, which is "
        "read instead (the schema the database was built or loaded from: reading both would count every "
        "table twice)\n"
        "  databases:\n"
        '    - {url: "sqlite:///app.db"}\n'
    )
    audit = run("audit", str(root))
    assert "tables: 2," in audit.stderr and "also defined in" not in audit.output
    update = run("init", "--update", str(root))
    assert "not in sources:" not in update.output + update.stderr  # nor asked for back


def test_a_dump_mostly_of_other_tables_is_kept_and_the_shared_ones_named(tmp_path: Path, monkeypatch):
    root = project(tmp_path, TOWNS)
    monkeypatch.chdir(root)
    with open(root / "schema.sql", "a", encoding="utf-8") as handle:
        handle.write("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n")
        handle.write("CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT);\n")
    result = run("init", "--db", "sqlite:///app.db", str(root))
    assert result.exit_code == 0, result.output
    block = sources_block((root / "cnsnt.yaml").read_text(encoding="utf-8"))
    assert "# kept schema.sql: 2 of its 4 tables are not in sqlite:///app.db, given with --db" in block
    assert "the 2 tables it shares with it (contacts, towns) are read from both" in block
    assert "- {path: schema.sql}" in block and '- {url: "sqlite:///app.db"}' in block


def test_tables_the_database_cannot_read_are_not_called_absent_from_it(tmp_path: Path, monkeypatch):
    """review39 D2: a role that could read 3 of 10 tables made the note say the 7 others were
    "not in" the database, "so it is taken for another database". They are in it: the
    schema file stays proposed (they are read from it), and the note says why."""
    from sqlalchemy.engine.reflection import Inspector
    from sqlalchemy.exc import OperationalError

    def denied(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("permission denied for table contacts"))

    real_columns = Inspector.get_columns

    def columns(self, table_name, *args, **kwargs):
        if table_name == "contacts":
            denied()
        return real_columns(self, table_name, *args, **kwargs)

    root = project(tmp_path, TOWNS)
    monkeypatch.chdir(root)
    monkeypatch.setattr(Inspector, "get_multi_columns", denied)
    monkeypatch.setattr(Inspector, "get_columns", columns)
    result = run("init", "--db", "sqlite:///app.db", str(root))
    assert result.exit_code == 0, result.output
    block = sources_block((root / "cnsnt.yaml").read_text(encoding="utf-8"))
    assert "not in sqlite:///app.db" not in block and "taken for another database" not in block
    assert (
        "# kept schema.sql: 1 of its 2 tables is in sqlite:///app.db, given with --db, but could not be read "
        "from it (contacts: the audit says why, CN001), so it is read from the file; the table it shares with "
        "it (towns) is read from both and counted twice; once the database can be read in full, leave the "
        "file out"
    ) in block
    assert "- {path: schema.sql}" in block and '- {url: "sqlite:///app.db"}' in block


# -- audit: a table two sources give is said, and read once


def test_audit_warns_of_a_database_beside_its_dump_naming_both(tmp_path: Path):
    root = project(tmp_path, TOWNS)
    both_sources(root)
    result = run("audit", str(root), "--format", "text")
    text = " ".join(result.output.split())
    assert (
        "warning CN001 2 tables of sqlite:///app.db are also defined in schema.sql ('contacts', 'towns'): "
        "their columns are counted twice, and a column only one source has is audited as stored; "
        "each column's verdict is read from one copy, the one read last"
    ) in text


def test_the_second_copy_changes_no_verdict(tmp_path: Path):
    root = project(tmp_path, TOWNS)
    both_sources(root)
    both = run("explain-column", "contacts.townid", str(root))
    (root / "cnsnt.yaml").write_text("cnsnt: 1\nsources:\n  schemas: [{path: schema.sql}]\n", encoding="utf-8")
    alone = run("explain-column", "contacts.townid", str(root))
    verdict = "verdict: personal, user.contact.address.city (low confidence)"
    assert verdict in alone.output
    # each copy explained (schema.sql:2:75, sqlite:///app.db), both as the dump alone reads it
    assert both.output.count(verdict) == 2 and "not personal" not in both.output


def column(table: str, name: str, source: str, **kw: object) -> Column:
    return Column(table, name, Location(source, 1, 1), source, **kw)  # type: ignore[arg-type]


def test_a_copy_under_another_key_gets_the_verdict_of_the_copy_read():
    """`dbo.users` of a dump and `users` of its database: one table, each column one verdict."""
    first = Table(
        "contacts", Location("a.sql", 1, 1), "a.sql", schema="dbo",
        columns=(column("contacts", "townid", "a.sql", schema="dbo", type="INTEGER"),
                 column("contacts", "street", "a.sql", schema="dbo", type="VARCHAR(40)")),
    )
    towns = Table("towns", Location("a.sql", 2, 1), "a.sql", columns=(
        column("towns", "townid", "a.sql", type="INTEGER", primary_key=True),
        column("towns", "label", "a.sql", type="VARCHAR(30)"),
    ))
    copy = Table(
        "contacts", Location("b.sql", 1, 1), "b.sql",
        columns=(column("contacts", "townid", "b.sql", type="INTEGER"),
                 column("contacts", "phone", "b.sql", type="VARCHAR(20)")),
    )
    alone = classify_tables([first, towns])
    both = classify_tables([first, towns, copy, towns])
    assert both["dbo.contacts.townid"] == alone["dbo.contacts.townid"]
    assert both["contacts.townid"] == alone["dbo.contacts.townid"]
    assert both["contacts.phone"].personal  # only the copy has it: read in the table, with its verdict


# -- --reviewed with a column read from both sources (review37 D4)


def all_false(root: Path) -> Path:
    listed = run(
        "explain-column", "*", str(root), "--undecided", "--verdict", "personal", "--confidence", "low",
        "--format", "csv",
    )
    rows = list(csv.DictReader(listed.output.splitlines()))
    assert [r["column"] for r in rows] == ["users.aktiv", "users.defaultcategoryid", "userform.aktiv"]
    path = root / "l2.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**r, "personal": "false"} for r in rows)
    return path


def reviewed_twice(root: Path, listed: Path) -> tuple[str, str]:
    first = run("init", "--update", "--reviewed", str(listed), str(root))
    second = run("init", "--update", "--reviewed", str(listed), str(root))
    return first.stderr + first.output, second.stderr + second.output


def test_an_all_false_list_with_both_sources_read_empties_inits_entry_once(tmp_path: Path):
    root = project(tmp_path, USERS, form=True)
    both_sources(root)
    assert run("init", "--force", "-o", str(root / "cnsnt.yaml"), str(root)).exit_code == 0
    text = (root / "cnsnt.yaml").read_text(encoding="utf-8")
    # init proposes the dump alone (a project's own database is a copy of it); name both as the reviewer had
    (root / "cnsnt.yaml").write_text(
        text.replace("  schemas:\n", '  databases:\n    - {url: "sqlite:///app.db"}\n  schemas:\n', 1),
        encoding="utf-8",
    )
    first, second = reviewed_twice(root, all_false(root))
    assert "which a person has edited" not in first
    assert "l2.csv:4: removed data entry users_details, which init wrote; its fields users.aktiv, " in first
    assert "l2.csv: 3 rows reviewed: 3 put under ignore:" in first
    assert "l2.csv: 3 rows reviewed: 3 already as the policy says" in second
    assert "put under ignore:," not in second


def test_the_reviewers_repro_init_db_then_an_all_false_list(tmp_path: Path, monkeypatch):
    root = project(tmp_path, USERS, form=True)
    monkeypatch.chdir(root)
    assert run("init", "--db", "sqlite:///app.db", str(root)).exit_code == 0
    first, second = reviewed_twice(root, all_false(root))
    assert "which a person has edited" not in first
    assert "l2.csv: 3 rows reviewed: 3 put under ignore:" in first
    assert "l2.csv: 3 rows reviewed: 3 already as the policy says" in second
