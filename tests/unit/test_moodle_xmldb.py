"""Moodle XMLDB schemas (`db/install.xml`): tables, columns, keys and places, and init's proposal."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.evidence import ForeignKey
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, discover
from tests.conftest import corpus_path
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

# A plugin of our own: a visitor log with a key to Moodle's user table.
INSTALL = """\
<?xml version="1.0" encoding="UTF-8" ?>
<XMLDB PATH="local/visits/db" VERSION="20240101" COMMENT="Visits plugin">
  <TABLES>
    <TABLE NAME="local_visits" COMMENT="One row per visit">
      <FIELDS>
        <FIELD NAME="id" TYPE="int" LENGTH="10" NOTNULL="true" SEQUENCE="true"/>
        <FIELD NAME="userid" TYPE="int" LENGTH="10" NOTNULL="true" SEQUENCE="false" COMMENT="Who visited"/>
        <FIELD NAME="email" TYPE="char" LENGTH="255" NOTNULL="false" SEQUENCE="false"/>
        <FIELD NAME="notes" TYPE="text" NOTNULL="false" SEQUENCE="false" COMMENT=""/>
        <FIELD NAME="score" TYPE="number" LENGTH="10" DECIMALS="5" NOTNULL="false" SEQUENCE="false"/>
      </FIELDS>
      <KEYS>
        <KEY NAME="primary" TYPE="primary" FIELDS="id"/>
        <KEY NAME="userid" TYPE="foreign" FIELDS="userid" REFTABLE="user" REFFIELDS="id"/>
      </KEYS>
      <INDEXES>
        <INDEX NAME="email" UNIQUE="false" FIELDS="email"/>
      </INDEXES>
    </TABLE>
    <TABLE NAME="local_visits_pair">
      <FIELDS>
        <FIELD NAME="visitid" TYPE="int" LENGTH="10" NOTNULL="true" SEQUENCE="false"/>
        <FIELD NAME="courseid" TYPE="int" LENGTH="10" NOTNULL="true" SEQUENCE="false"/>
      </FIELDS>
      <KEYS>
        <KEY NAME="primary" TYPE="primary" FIELDS="visitid, courseid"/>
        <KEY NAME="visit" TYPE="foreign-unique" FIELDS="visitid,courseid" REFTABLE="local_visits_x" REFFIELDS="a, b"/>
      </KEYS>
    </TABLE>
  </TABLES>
</XMLDB>
"""


def test_tables_columns_types_keys_comments_and_places(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": INSTALL})
    ev = read_entry(tmp_path, "db/install.xml", "xmldb")
    assert not ev.problems, ev.problems
    assert [t.name for t in ev.tables] == ["local_visits", "local_visits_pair"]
    visits = table(ev, "local_visits")
    assert where(visits) == ("db/install.xml", 4) and visits.location.column == 5
    assert visits.comment == "One row per visit"
    assert names(ev, "local_visits") == ["id", "userid", "email", "notes", "score"]
    types = {c.name: c.type for c in visits.columns}
    assert types == {"id": "int(10)", "userid": "int(10)", "email": "char(255)", "notes": "text",
                     "score": "number(10, 5)"}
    assert [c.name for c in visits.columns if c.primary_key] == ["id"]
    userid = column(ev, "local_visits.userid")
    assert userid.comment == "Who visited" and where(userid) == ("db/install.xml", 7)
    assert userid.location.column == 9
    assert column(ev, "local_visits.notes").comment is None
    assert visits.foreign_keys == (ForeignKey(("userid",), "user", ("id",)),)
    pair = table(ev, "local_visits_pair")
    assert [c.name for c in pair.columns if c.primary_key] == ["visitid", "courseid"]
    assert pair.foreign_keys == (ForeignKey(("visitid", "courseid"), "local_visits_x", ("a", "b")),)
    assert ev.counts["tables"] == 2 and ev.counts["columns"] == 7


def test_detected_without_a_format(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": INSTALL, "db/other.xml": "<config/>\n"})
    assert detect(tmp_path / "db/install.xml") == "xmldb"
    assert detect(tmp_path / "db/other.xml") != "xmldb"
    ev = read_entry(tmp_path, "db/install.xml")
    assert [t.name for t in ev.tables] == ["local_visits", "local_visits_pair"]


def test_broken_xml_is_a_cn001_at_its_place(tmp_path: Path):
    broken = INSTALL.replace('<FIELD NAME="email" TYPE="char"', '<FIELD NAME="email" TYPE="char" TYPE="x"')
    write_files(tmp_path, {"db/install.xml": broken, "db/ok/install.xml": INSTALL})
    ev = read_entry(tmp_path, "db/**/install.xml", "xmldb")
    [problem] = ev.problems
    assert problem.location.path == "db/install.xml" and problem.location.line == 8
    assert problem.location.column > 1
    assert "XML syntax error" in problem.message and "duplicate attribute" in problem.message
    assert [t.name for t in ev.tables] == ["local_visits", "local_visits_pair"]  # the other file is read


def test_a_dtd_is_refused(tmp_path: Path):
    dtd = INSTALL.replace(
        '<?xml version="1.0" encoding="UTF-8" ?>\n',
        '<?xml version="1.0"?>\n<!DOCTYPE XMLDB [<!ENTITY x "boom">]>\n',
    )
    write_files(tmp_path, {"db/install.xml": dtd})
    ev = read_entry(tmp_path, "db/install.xml", "xmldb")
    [problem] = ev.problems
    assert "document type declaration" in problem.message and problem.location.line == 2
    assert not ev.tables


def test_not_xmldb_is_a_cn001_naming_the_root(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": '<?xml version="1.0"?>\n\n  <config><a/></config>\n'})
    ev = read_entry(tmp_path, "db/install.xml", "xmldb")
    [problem] = ev.problems
    assert "not a Moodle XMLDB file" in problem.message and "<config>" in problem.message
    assert (problem.location.line, problem.location.column) == (3, 3)


def test_a_field_without_a_name_is_a_cn001_at_the_field(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": INSTALL.replace('<FIELD NAME="notes"', '<FIELD ')})
    ev = read_entry(tmp_path, "db/install.xml", "xmldb")
    [problem] = ev.problems
    assert "local_visits" in problem.message and problem.location.line == 9


def test_no_table_is_a_warning(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": '<XMLDB PATH="x"><TABLES/></XMLDB>\n'})
    ev = read_entry(tmp_path, "db/install.xml", "xmldb")
    [problem] = ev.problems
    assert problem.severity is not None and "no XMLDB <TABLE> found" in problem.message


def test_discover_proposes_install_xml(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": INSTALL, "db/access.php": "<?php\n", "other/install.xml": INSTALL})
    assert discover(tmp_path) == [Found("schemas", "db/install.xml", format="xmldb")]
    write_files(tmp_path, {"mod/quiz/db/install.xml": INSTALL, "lib/db/install.xml": INSTALL})
    assert discover(tmp_path) == [Found("schemas", "**/db/install.xml", format="xmldb")]


def test_discover_passes_over_an_install_xml_that_is_not_xmldb(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": "<?xml version='1.0'?>\n<install><step/></install>\n"})
    assert Found("schemas", "db/install.xml", format="xmldb") not in discover(tmp_path)


def test_init_reads_the_plugin_and_finds_personal_fields(tmp_path: Path):
    write_files(tmp_path, {"db/install.xml": INSTALL, "version.php": "<?php\n$plugin->component = 'x';\n"})
    result = CliRunner().invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    policy = yaml.safe_load((tmp_path / "cnsnt.yaml").read_text())
    assert policy["sources"]["schemas"] == [{"path": "db/install.xml", "format": "xmldb"}]
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"local_visits.email", "local_visits.notes"} <= declared
    # the XMLDB foreign key to Moodle's user table is what links the row to a person
    assert "'userid' references 'user'" in (tmp_path / "cnsnt.yaml").read_text()
    assert not [f for f in audit_path(tmp_path).findings if f.rule in ("CN001", "CN101")]


def test_real_moodle_plugin(tmp_path: Path):
    """IOC's moodle-mod_fct (its `db/install.xml`), when the shared corpus holds it."""
    install = corpus_path("schemas/moodle-mod_fct/db/install.xml")
    root = tmp_path / "fct"
    (root / "db").mkdir(parents=True)
    shutil.copyfile(install, root / "db" / "install.xml")
    assert Found("schemas", "db/install.xml", format="xmldb") in discover(root)
    ev = read_entry(root, "db/install.xml", "xmldb")
    assert not ev.problems and ev.counts["tables"] >= 5
    fks = {(t.name, fk.ref_table) for t in ev.tables for fk in t.foreign_keys}
    assert ("fct", "course") in fks
