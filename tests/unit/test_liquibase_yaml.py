"""Liquibase YAML and JSON changelogs: read as the XML ones are, mixed includes, properties, bad items."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.loader import load_policy
from cnsnt.sources.schemas.liquibase_syntax import is_changelog
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, discover, survey
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files
from tests.unit.test_liquibase_xml import MAIN

#: The changes of test_liquibase_xml's MAIN, written in YAML.
MAIN_YAML = """\
databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - createTable:
            tableName: team
            remarks: Teams
            columns:
              - column:
                  name: id
                  type: BIGINT
                  constraints:
                    primaryKey: true
              - column: {name: label, type: VARCHAR(40)}
        - createTable:
            tableName: member
            columns:
              - column:
                  name: id
                  type: BIGINT
                  constraints: {primaryKey: true, nullable: false}
              - column:
                  name: mail
                  type: VARCHAR(200)
                  remarks: login
              - column:
                  name: team
                  type: BIGINT
                  constraints:
                    references: team(id)
                    foreignKeyName: fk_m_t
              - column: {name: fax, type: VARCHAR(20)}
  - changeSet:
      id: 2
      author: a
      changes:
        - addColumn:
            tableName: member
            columns:
              - column:
                  name: birthday
                  type: DATE
        - renameColumn: {tableName: member, oldColumnName: mail, newColumnName: email}
        - dropColumn: {tableName: member, columnName: fax}
        - createTable:
            tableName: old_log
            columns:
              - column: {name: x, type: INT}
        - dropTable: {tableName: old_log}
        - renameTable: {oldTableName: team, newTableName: club}
        - createIndex:
            tableName: member
            indexName: i1
            columns:
              - column: {name: email}
        - insert:
            tableName: club
            columns:
              - column: {name: label, value: x}
  - changeSet:
      id: 3
      author: a
      changes:
        - createTable:
            tableName: note
            columns:
              - column: {name: id, type: INT}
              - column: {name: author, type: BIGINT}
        - addForeignKeyConstraint:
            baseTableName: note
            baseColumnNames: author
            constraintName: fk_n_m
            referencedTableName: member
            referencedColumnNames: id
        - sql:
            sql: ALTER TABLE note ADD COLUMN phone VARCHAR(20);
        - mystery: {tableName: note}
      rollback:
        - dropTable: {tableName: member}
"""


def _shape(ev: Evidence) -> list[tuple[object, ...]]:
    """What the tables say, without their places."""
    return [
        (t.key, t.comment, t.foreign_keys, [(c.name, c.type, c.comment, c.primary_key) for c in t.columns])
        for t in ev.tables
    ]


def test_a_yaml_changelog_is_read_as_the_same_xml_one(tmp_path: Path):
    write_files(tmp_path, {"xml/changelog.xml": MAIN, "yaml/db.changelog-master.yaml": MAIN_YAML})
    assert detect(tmp_path / "yaml/db.changelog-master.yaml") == "liquibase"
    xml = read_entry(tmp_path / "xml", "changelog.xml")
    ev = read_entry(tmp_path / "yaml", "db.changelog-master.yaml")  # detected without `format:`
    assert _shape(ev) == _shape(xml)
    assert sorted(t.key for t in ev.tables) == ["club", "member", "note"]
    assert names(ev, "member") == ["id", "email", "team", "birthday"]
    assert column(ev, "member.email").comment == "login"
    assert table(ev, "member").foreign_keys == (ForeignKey(("team",), "club", ("id",)),)
    assert table(ev, "note").foreign_keys == (ForeignKey(("author",), "member", ("id",)),)
    assert table(ev, "club").comment == "Teams"
    # each column at its `- column:` item; the renamed one at the rename, the SQL one at its text
    assert where(column(ev, "member.birthday")) == ("db.changelog-master.yaml", 41)
    assert column(ev, "member.birthday").location.column == 17
    assert where(column(ev, "member.email")) == ("db.changelog-master.yaml", 44)
    assert where(column(ev, "note.phone")) == ("db.changelog-master.yaml", 77)
    assert column(ev, "note.phone").location.column == 46
    assert [(p.message.split(":")[0], p.location.line, p.severity) for p in ev.problems] == [
        ("<mystery>", 78, Severity.WARNING)
    ]
    assert ev.counts["migrations"] == 3


def test_a_json_changelog_is_read_as_the_same_xml_one(tmp_path: Path):
    import yaml

    data = yaml.safe_load(MAIN_YAML)
    text = json.dumps(data, indent=2)
    write_files(tmp_path, {"xml/changelog.xml": MAIN, "json/changelog.json": text})
    assert detect(tmp_path / "json/changelog.json") == "liquibase"
    ev = read_entry(tmp_path / "json", "changelog.json")
    assert _shape(ev) == _shape(read_entry(tmp_path / "xml", "changelog.xml"))
    lines = text.splitlines()
    birthday = next(i for i, line in enumerate(lines, 1) if '"birthday"' in line)
    assert where(column(ev, "member.birthday"))[1] == birthday - 2  # the `{"column": ...}` item
    sql = next(i for i, line in enumerate(lines, 1) if "ALTER TABLE" in line)
    assert where(column(ev, "note.phone"))[1] == sql
    assert [p.message.split(":")[0] for p in ev.problems] == ["<mystery>"]


def test_sql_of_a_block_scalar_is_placed_at_its_lines_and_dbms_limits_changes(tmp_path: Path):
    log = """\
databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - sql:
            dbms: postgresql
            splitStatements: true
            sql: |
              CREATE TABLE person (
                id BIGINT PRIMARY KEY,
                email TEXT
              );
        - sql:
            dbms: h2
            sql: CREATE TABLE person (id BIGINT, fax TEXT);
  - changeSet:
      id: 2
      author: a
      dbms: oracle
      changes:
        - addColumn:
            tableName: person
            columns:
              - column: {name: oracle_only, type: VARCHAR2(10)}
  - changeSet:
      id: 2b
      author: a
      changes:
        addColumn:
          tableName: person
          columns:
            - column: {name: nickname, type: TEXT}
  - changeSet:
      id: 3
      author: a
      preConditions:
        - onFail: MARK_RAN
        - not:
            - dbms: {type: postgresql}
      changes:
        - addColumn:
            tableName: person
            columns:
              - column: {name: not_on_postgres, type: TEXT}
  - changeSet:
      id: 4
      author: a
      preConditions:
        - onFail: MARK_RAN
        - or:
            - dbms: {type: h2}
            - dbms: {type: postgresql}
      changes:
        - addColumn:
            tableName: person
            columns:
              - column: {name: phone, type: TEXT}
"""
    write_files(tmp_path, {"changelog.yml": log})
    ev = read_entry(tmp_path, "changelog.yml", dialect="postgres")
    assert names(ev, "person") == ["id", "email", "nickname", "phone"]  # `changes:` unlisted, as one
    assert ev.counts["migrations_skipped"] == 2
    assert where(column(ev, "person.email")) == ("changelog.yml", 12)
    assert column(ev, "person.email").location.column == 17
    assert not ev.problems


SUB_YAML = """\
databaseChangeLog:
  - changeSet:
      id: s1
      author: b
      changes:
        - addColumn:
            tableName: member
            columns:
              - column: {name: phone_number, type: VARCHAR(20)}
  - include:
      file: last.xml
      relativeToChangelogFile: true
"""
LAST_XML = """\
<databaseChangeLog>
  <changeSet id="l1" author="c">
    <addColumn tableName="member"><column name="nickname" type="VARCHAR(20)"/></addColumn>
  </changeSet>
</databaseChangeLog>
"""


def test_an_xml_master_includes_yaml_that_includes_xml(tmp_path: Path):
    root = MAIN.replace(
        "</databaseChangeLog>",
        '  <include file="more.yaml" relativeToChangelogFile="true"/>\n</databaseChangeLog>',
    )
    write_files(tmp_path, {"db/master.xml": root, "db/more.yaml": SUB_YAML, "db/last.xml": LAST_XML})
    ev = read_entry(tmp_path, "db/*.*", "liquibase")
    assert names(ev, "member") == ["id", "email", "team", "birthday", "phone_number", "nickname"]
    assert where(column(ev, "member.phone_number")) == ("db/more.yaml", 9)
    assert discover(tmp_path) == [Found("schemas", "db/master.xml", format="liquibase")]


def test_a_yaml_master_includes_xml_and_an_include_all_folder(tmp_path: Path):
    master = """\
databaseChangeLog:
  - include:
      file: db/changelog/base.xml
  - includeAll:
      path: db/changelog/changes/
"""
    base = MAIN
    first = """{"databaseChangeLog": [{"changeSet": {"id": "c1", "author": "d", "changes": [
  {"addColumn": {"tableName": "member", "columns": [{"column": {"name": "phone_number", "type": "TEXT"}}]}}
]}}]}
"""
    write_files(
        tmp_path,
        {
            "src/main/resources/db/changelog/db.changelog-master.yaml": master,
            "src/main/resources/db/changelog/base.xml": base,
            "src/main/resources/db/changelog/changes/001-first.json": first,
            "src/main/resources/db/changelog/changes/002-second.yaml": SUB_YAML.replace(
                "file: last.xml", "file: x.xml"
            ).replace("phone_number", "fax_number"),
        },
    )
    ev = read_entry(tmp_path / "src/main/resources", "db/changelog/db.changelog-master.yaml")
    assert names(ev, "member") == ["id", "email", "team", "birthday", "phone_number", "fax_number"]
    # the include of the second file that is not there: a warning at its item
    assert [(p.location.path, p.location.line, p.severity) for p in ev.problems if "x.xml" in p.message] == [
        ("db/changelog/changes/002-second.yaml", 10, Severity.WARNING)
    ]


def test_properties_are_put_in_for_the_database_the_changelog_is_read_for(tmp_path: Path):
    log = """\
databaseChangeLog:
  - property: {name: uuid_type, value: uuid, dbms: postgresql}
  - property: {name: uuid_type, value: char(36), dbms: "mysql, mariadb"}
  - property: {name: uuid_type, value: never, dbms: postgresql}
  - property: {name: text_type, value: text}
  - property: {name: table_prefix, value: app_, global: false}
  - changeSet:
      id: 1
      author: a
      changes:
        - createTable:
            tableName: ${table_prefix}person
            remarks: people of ${unknown}
            columns:
              - column: {name: id, type: "${uuid_type}"}
              - column: {name: email, type: "${text_type}", remarks: "${no_such}"}
              - column: {name: odd, type: "${not closed"}
        - sql:
            sql: ALTER TABLE ${table_prefix}person ADD COLUMN phone ${text_type};
"""
    xml = """\
<databaseChangeLog>
  <property name="uuid_type" value="uuid" dbms="postgresql"/>
  <property name="uuid_type" value="char(36)" dbms="mysql"/>
  <changeSet id="1" author="a">
    <createTable tableName="person"><column name="id" type="${uuid_type}"/></createTable>
  </changeSet>
</databaseChangeLog>
"""
    write_files(tmp_path, {"y/changelog.yaml": log, "x/changelog.xml": xml})
    ev = read_entry(tmp_path / "y", "changelog.yaml", dialect="postgres")
    assert [t.key for t in ev.tables] == ["app_person"]
    assert table(ev, "app_person").comment == "people of ${unknown}"  # unknown: as written
    assert column(ev, "app_person.id").type == "uuid"
    assert column(ev, "app_person.email").type == "text"
    assert column(ev, "app_person.email").comment == "${no_such}"
    assert column(ev, "app_person.odd").type == "${not closed"
    assert names(ev, "app_person") == ["id", "email", "odd", "phone"]
    assert column(ev, "app_person.phone").type == "TEXT"
    assert (
        column(read_entry(tmp_path / "y", "changelog.yaml", dialect="mysql"), "app_person.id").type
        == "char(36)"
    )
    assert (
        column(read_entry(tmp_path / "x", "changelog.xml", dialect="mysql"), "person.id").type == "char(36)"
    )
    assert column(read_entry(tmp_path / "x", "changelog.xml", dialect="postgres"), "person.id").type == "uuid"


def test_a_yaml_syntax_error_and_a_bad_change_are_cn001_at_their_lines(tmp_path: Path):
    broken = """\
databaseChangeLog:
  - changeSet:
      id: 1
      changes:
        - createTable: {tableName: t, columns: [
"""
    bad = """\
databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - createTable
        - createTable:
            tableName: person
            columns:
              - column: {name: email, type: TEXT}
              - name: phone
        - addColumn:
            - tableName: person
  - just a string
"""
    bad_json = '{"databaseChangeLog": [\n  {"changeSet": {"id": 1 "author": "a"}}\n]}\n'
    write_files(tmp_path, {"db/a.yaml": broken, "db/b.yaml": bad, "db/c.json": bad_json})
    ev = read_entry(tmp_path, "db/*", "liquibase")
    assert names(ev, "person") == ["email"]  # the rest of the bad file is read
    got = [
        (p.location.path, p.location.line, p.location.column, p.severity, p.message.split(" (")[0])
        for p in ev.problems
    ]
    assert got[0][:3] == ("db/a.yaml", 6, 1) and got[0][4] == "YAML syntax error"
    assert got[1][:2] == ("db/b.yaml", 6) and "the scalar 'createTable'" in ev.problems[1].message
    assert got[2][:2] == ("db/b.yaml", 11) and "column" in ev.problems[2].message
    assert got[3][:2] == ("db/b.yaml", 12) and "'addColumn:' holding a list" in ev.problems[3].message
    assert got[4][:2] == ("db/b.yaml", 14)
    assert got[5] == ("db/c.json", 2, 26, None, "JSON syntax error")
    assert all(p.severity is None for p in ev.problems)  # errors (the rule's default)
    assert len(got) == 6


def test_only_changelogs_are_told_by_their_top_key(tmp_path: Path):
    assert is_changelog("db.changelog-master.yaml", "# the master\n---\ndatabaseChangeLog:\n  - include:\n")
    assert is_changelog("x.json", '\ufeff {\n  "databaseChangeLog" : []}')
    assert is_changelog("x.yml", "{databaseChangeLog: []}")
    assert not is_changelog("cnsnt.yaml", "version: 1\nsources:\n  databaseChangeLog: x\n")
    assert not is_changelog("openapi.yaml", "openapi: 3.0.0\ninfo:\n  title: databaseChangeLog\n")
    assert not is_changelog("form.json", '{"type": "object", "properties": {"databaseChangeLog": {}}}')
    assert not is_changelog("x.sql", "databaseChangeLog:\n")
    form = '{"type": "object", "properties": {"email": {"type": "string", "format": "email"}}}'
    write_files(tmp_path, {"forms/signup.json": form, "cnsnt-old.yaml": "version: 1\n"})
    found, _ = survey(tmp_path)
    assert [(f.kind, f.pattern, f.format) for f in found] == [("forms", "forms/signup.json", None)]


SPRING_MASTER = """\
databaseChangeLog:
  - include:
      file: classpath:/db/changelog/changes/001-create-customer.yaml
  - include:
      file: db/changelog/changes/002-add-phone.yaml
"""
SPRING_001 = """\
databaseChangeLog:
  - changeSet:
      id: 001
      author: shop
      changes:
        - createTable:
            tableName: customer
            remarks: people who order
            columns:
              - column:
                  name: id
                  type: BIGINT
                  autoIncrement: true
                  constraints: {primaryKey: true, nullable: false}
              - column: {name: first_name, type: VARCHAR(100)}
              - column: {name: last_name, type: VARCHAR(100)}
              - column: {name: email, type: VARCHAR(255), constraints: {unique: true}}
              - column: {name: birth_date, type: DATE}
"""
SPRING_002 = """\
databaseChangeLog:
  - changeSet:
      id: 002
      author: shop
      changes:
        - addColumn:
            tableName: customer
            columns:
              - column: {name: phone_number, type: VARCHAR(30)}
"""


def test_init_proposes_a_spring_boot_master_yaml_and_its_personal_fields(tmp_path: Path):
    res = "src/main/resources/"
    config = "spring:\n  liquibase:\n    change-log: classpath:/db/changelog/db.changelog-master.yaml\n"
    write_files(
        tmp_path,
        {
            "pom.xml": "<project><modelVersion>4.0.0</modelVersion></project>\n",
            res + "application.yml": config,
            res + "db/changelog/db.changelog-master.yaml": SPRING_MASTER,
            res + "db/changelog/changes/001-create-customer.yaml": SPRING_001,
            res + "db/changelog/changes/002-add-phone.yaml": SPRING_002,
        },
    )
    assert discover(tmp_path) == [
        Found("schemas", res + "db/changelog/db.changelog-master.yaml", format="liquibase")
    ]
    result = CliRunner().invoke(app, ["init", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    declared = {c for d in policy.data.values() for c in d.columns}
    assert {
        "customer.email",
        "customer.first_name",
        "customer.birth_date",
        "customer.phone_number",
    } <= declared
    audit = CliRunner().invoke(app, ["audit", str(tmp_path / "cnsnt.yaml")], catch_exceptions=False)
    assert "CN001" not in audit.stdout


def test_yaml_changelogs_beside_jpa_entities_are_left_out_with_a_note(tmp_path: Path):
    entity = "package x;\nimport jakarta.persistence.*;\n@Entity\npublic class Customer {\n  @Id Long id;\n  String email;\n}\n"
    res = "src/main/resources/"
    write_files(
        tmp_path,
        {
            "src/main/java/x/Customer.java": entity,
            res + "db/changelog/db.changelog-master.yaml": SPRING_MASTER,
            res + "db/changelog/changes/001-create-customer.yaml": SPRING_001,
            res + "db/changelog/changes/002-add-phone.yaml": SPRING_002,
        },
    )
    found, notes = survey(tmp_path)
    assert not any(f.format == "liquibase" for f in found)
    assert any(f.format == "jpa" for f in found)
    assert any(
        n.startswith("left out 1 Liquibase changelog in src/main/resources/db/changelog:") for n in notes
    )


def test_included_sql_files_are_replayed_as_formatted_sql_or_one_script(tmp_path: Path):
    """thymx's master includes two `.sql` files: Liquibase runs a plain one as one script and
    formatted SQL by its changesets (those for another database skipped); init proposes the
    master alone, not the SQL folder."""
    master = """\
databaseChangeLog:
  - property: {name: id_type, value: BIGINT}
  - include:
      file: db/changelog/pgsql/000_init.sql
  - includeAll:
      path: db/changelog/later/
"""
    plain = "CREATE TABLE person (\n  id ${id_type} PRIMARY KEY,\n  email TEXT\n);\n"
    formatted = """\
--liquibase formatted sql
--changeset a:1 dbms:postgresql
ALTER TABLE person ADD COLUMN phone TEXT;
--changeset a:2 dbms:mysql
ALTER TABLE person ADD COLUMN fax TEXT;
"""
    res = "src/main/resources/"
    write_files(
        tmp_path,
        {
            res + "db/changelog/db.changelog-master.yaml": master,
            res + "db/changelog/pgsql/000_init.sql": plain,
            res + "db/changelog/later/001_phone.sql": formatted,
        },
    )
    ev = read_entry(
        tmp_path / "src/main/resources", "db/changelog/db.changelog-master.yaml", dialect="postgres"
    )
    assert names(ev, "person") == ["id", "email", "phone"]
    assert column(ev, "person.id").type == "BIGINT"
    assert where(column(ev, "person.email")) == ("db/changelog/pgsql/000_init.sql", 3)
    assert where(column(ev, "person.phone")) == ("db/changelog/later/001_phone.sql", 3)
    assert not ev.problems
    assert ev.counts["migrations"] == 2  # the plain script, and the formatted changeset for PostgreSQL
    assert discover(tmp_path) == [
        Found("schemas", res + "db/changelog/db.changelog-master.yaml", format="liquibase")
    ]
    # an entry over the whole folder: included files read once, through the master; an SQL
    # file nothing includes read last
    write_files(
        tmp_path, {res + "db/changelog/zz_extra.sql": "ALTER TABLE person ADD COLUMN nickname TEXT;\n"}
    )
    ev = read_entry(tmp_path / "src/main/resources", "db/changelog/**/*", "liquibase", dialect="postgres")
    assert names(ev, "person") == ["id", "email", "phone", "nickname"]
    assert not ev.problems


def test_a_local_property_holds_only_in_its_own_changelog(tmp_path: Path):
    master = """\
databaseChangeLog:
  - property: {name: t, value: mine, global: false}
  - changeSet:
      id: 1
      author: a
      changes:
        - createTable: {tableName: "${t}", columns: [{column: {name: a, type: INT}}]}
  - include: {file: sub.yaml, relativeToChangelogFile: true}
"""
    sub = """\
databaseChangeLog:
  - changeSet:
      id: 2
      author: a
      changes:
        - createTable: {tableName: "${t}_x", columns: [{column: {name: b, type: INT}}]}
"""
    write_files(tmp_path, {"master.yaml": master, "sub.yaml": sub})
    ev = read_entry(tmp_path, "*.yaml", "liquibase")
    assert sorted(t.key for t in ev.tables) == ["${t}_x", "mine"]


def test_a_yaml_alias_bomb_is_one_cn001(tmp_path: Path):
    """Nine levels of ten aliases would expand to 10**9 values: refused past the node budget."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(8):
        prev, name = chr(97 + i), chr(98 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    write_files(tmp_path, {"bomb.yaml": "\n".join(lines) + "\ndatabaseChangeLog: *i\n"})
    ev = read_entry(tmp_path, "bomb.yaml", "liquibase")
    assert [p.message.split(";")[0] for p in ev.problems] == ["too many or too deeply nested YAML values"]
    assert not ev.tables
