"""review23 D5: of a Rails app's `db/schema.rb` and `db/structure.sql`, init proposes one.

Seen on Avenel/FirstApp `662ddd4` (Rails, German): both files were proposed, and the
starter's first audit said "28 tables of ozbapp/db/structure.sql are also defined in
ozbapp/db/schema.rb". The files here are written for the test.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import Found, survey
from cnsnt.starter.run import draft_new

SCHEMA_RB = (
    'ActiveRecord::Schema.define(version: 1) do\n  create_table "kunden" do |t|\n'
    '    t.string "vorname"\n    t.string "email"\n  end\nend\n'
)
STRUCTURE = (
    "CREATE TABLE `kunden` (`id` int, `vorname` varchar(50), `email` varchar(100), "
    "`telefon` varchar(20));\n"
)
MORE = STRUCTURE + "CREATE TABLE `konten` (`id` int, `iban` varchar(34));\n"
RB = Found("schemas", "db/schema.rb", format="rails")
SQL = Found("schemas", "db/structure.sql", dialect="mysql")


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _app(root: Path, structure: str = STRUCTURE) -> None:
    _write(root, "db/schema.rb", SCHEMA_RB)
    _write(root, "db/structure.sql", structure)


def _application(fmt: str) -> str:
    return (
        "module Shop\n  class Application < Rails::Application\n"
        f"    config.active_record.schema_format = :{fmt}\n  end\nend\n"
    )


def test_with_no_format_set_schema_rb_is_kept_on_a_tie(tmp_path: Path) -> None:
    _app(tmp_path)
    _write(tmp_path, "config/application.rb", _application("sql").replace("    config", "    # config"))
    found, notes = survey(tmp_path)
    assert found == [RB]
    assert notes == [
        "Rails schema db/schema.rb proposed; left out db/structure.sql: Rails keeps one of the two "
        "(reading both would define every table twice); no config.active_record.schema_format is "
        "set (Rails' default is schema.rb), and structure.sql creates no more tables (1 table "
        "against 1). If db/structure.sql is the one Rails dumps now, list it under schemas: instead"
    ]
    text = draft_new(tmp_path).text
    assert "  # Rails schema db/schema.rb proposed; left out db/structure.sql" in text
    assert "kunden.telefon" not in text  # only structure.sql has it


def test_with_no_format_set_a_structure_sql_of_more_tables_is_kept(tmp_path: Path) -> None:
    _app(tmp_path, MORE)
    found, notes = survey(tmp_path)
    assert found == [SQL]
    assert "and structure.sql creates more tables (2 tables against 1)" in notes[0]
    assert notes[0].startswith("Rails schema db/structure.sql proposed; left out db/schema.rb")


def test_the_format_application_rb_sets_is_kept(tmp_path: Path) -> None:
    _app(tmp_path)
    _write(tmp_path, "config/application.rb", _application("sql"))
    found, notes = survey(tmp_path)
    assert found == [SQL]
    assert "; config/application.rb sets config.active_record.schema_format = :sql." in notes[0]


def test_development_rb_wins_over_application_rb(tmp_path: Path) -> None:
    _app(tmp_path, MORE)
    _write(tmp_path, "config/application.rb", _application("sql"))
    _write(
        tmp_path,
        "config/environments/development.rb",
        "Rails.application.configure do\n  config.active_record.schema_format = :ruby\nend\n",
    )
    found, notes = survey(tmp_path)
    assert found == [RB]
    assert "config/environments/development.rb sets config.active_record.schema_format = :ruby" in notes[0]


def test_a_schema_rb_alone_gets_no_note(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.rb", SCHEMA_RB)
    assert survey(tmp_path) == ([RB], [])
