"""Liquibase XML changelogs: changeSets replayed in order, includes followed, bad files reported."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.loader import load_policy
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, discover
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n'
TAIL = "</databaseChangeLog>\n"

MAIN = HEAD + """\
  <changeSet author="a" id="1">
    <createTable tableName="team" remarks="Teams">
      <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
      <column name="label" type="VARCHAR(40)"/>
    </createTable>
    <createTable tableName="member">
      <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
      <column name="mail" type="VARCHAR(200)" remarks="login"/>
      <column name="team" type="BIGINT"><constraints references="team(id)" foreignKeyName="fk_m_t"/></column>
      <column name="fax" type="VARCHAR(20)"/>
    </createTable>
  </changeSet>
  <changeSet author="a" id="2">
    <addColumn tableName="member">
      <column name="birthday" type="DATE"/>
    </addColumn>
    <renameColumn tableName="member" oldColumnName="mail" newColumnName="email"/>
    <dropColumn tableName="member" columnName="fax"/>
    <createTable tableName="old_log"><column name="x" type="INT"/></createTable>
    <dropTable tableName="old_log"/>
    <renameTable oldTableName="team" newTableName="club"/>
    <createIndex tableName="member" indexName="i1"><column name="email"/></createIndex>
    <insert tableName="club"><column name="label" value="x"/></insert>
  </changeSet>
  <changeSet author="a" id="3">
    <createTable tableName="note"><column name="id" type="INT"/><column name="author" type="BIGINT"/></createTable>
    <addForeignKeyConstraint baseTableName="note" baseColumnNames="author" constraintName="fk_n_m"
        referencedTableName="member" referencedColumnNames="id"/>
    <sql>ALTER TABLE note ADD COLUMN phone VARCHAR(20);</sql>
    <mystery tableName="note"/>
    <rollback><dropTable tableName="member"/></rollback>
  </changeSet>
""" + TAIL


def test_changesets_are_replayed_in_order(tmp_path: Path):
    write_files(tmp_path, {"db/changelog.xml": MAIN})
    assert detect(tmp_path / "db/changelog.xml") == "liquibase"
    ev = read_entry(tmp_path, "db/changelog.xml")  # detected without `format:`
    assert sorted(t.key for t in ev.tables) == ["club", "member", "note"]
    assert names(ev, "member") == ["id", "email", "team", "birthday"]
    assert column(ev, "member.id").primary_key
    assert column(ev, "member.email").comment == "login"
    assert column(ev, "member.email").type == "VARCHAR(200)"
    assert where(column(ev, "member.email")) == ("db/changelog.xml", 19)  # placed at the rename
    assert where(column(ev, "member.birthday")) == ("db/changelog.xml", 17)
    assert (column(ev, "member.birthday").location.column) == 7
    assert table(ev, "club").comment == "Teams"
    assert table(ev, "member").foreign_keys == (ForeignKey(("team",), "club", ("id",)),)
    assert table(ev, "note").foreign_keys == (ForeignKey(("author",), "member", ("id",)),)
    assert names(ev, "note") == ["id", "author", "phone"]  # the <sql> change replayed
    assert where(column(ev, "note.phone"))[1] == 31
    # the unknown change is one warning at its element; index, insert, rollback are not
    assert [(p.message.split(":")[0], p.location.line, p.severity) for p in ev.problems] == [
        ("<mystery>", 32, Severity.WARNING)
    ]
    assert ev.counts["migrations"] == 3


def test_includes_are_read_where_they_are_written(tmp_path: Path):
    sub = HEAD + """\
  <changeSet author="b" id="s1">
    <addColumn tableName="person"><column name="phone" type="VARCHAR(20)"/></addColumn>
  </changeSet>
""" + TAIL
    root = HEAD + """\
  <changeSet author="a" id="1">
    <createTable tableName="person"><column name="name" type="VARCHAR(80)"/></createTable>
  </changeSet>
  <include file="parts/more.xml" relativeToChangelogFile="true"/>
  <includeAll path="db/all/"/>
  <include file="parts/missing.xml" relativeToChangelogFile="true"/>
""" + TAIL
    late = HEAD + """\
  <changeSet author="c" id="z"><dropColumn tableName="person" columnName="phone"/></changeSet>
""" + TAIL
    early = HEAD + """\
  <changeSet author="c" id="a"><addColumn tableName="person"><column name="email" type="TEXT"/></addColumn></changeSet>
""" + TAIL
    write_files(tmp_path, {"db/master.xml": root, "db/parts/more.xml": sub,
                           "db/all/2_late.xml": late, "db/all/1_early.xml": early})
    ev = read_entry(tmp_path, "db/**/*.xml", "liquibase")
    # included files are read where the root includes them, not again on their own
    assert names(ev, "person") == ["name", "email"]
    assert [(p.location.path, p.location.line) for p in ev.problems] == [("db/master.xml", 8)]
    assert "parts/missing.xml" in ev.problems[0].message
    assert ev.counts["schema_files"] == 4


def test_a_broken_changelog_is_cn001_at_its_place_and_the_others_are_read(tmp_path: Path):
    write_files(tmp_path, {
        "a.xml": HEAD + '  <changeSet id="1" author="a">\n    <createTable tableName="t">\n' + TAIL,
        "b.xml": MAIN,
    })
    ev = read_entry(tmp_path, "*.xml", "liquibase")
    assert "member" in {t.key for t in ev.tables}
    (problem,) = ev.problems[:1]
    assert problem.location.path == "a.xml" and problem.location.line == 5
    assert "XML syntax error" in problem.message and problem.severity is None


def test_a_document_type_declaration_is_refused(tmp_path: Path):
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE databaseChangeLog [<!ENTITY a "aaaa">]>\n'
            "<databaseChangeLog><changeSet id='1' author='a'>"
            "<createTable tableName='t'><column name='x' type='INT'/></createTable>"
            "</changeSet></databaseChangeLog>\n")
    write_files(tmp_path, {"c.xml": bomb})
    ev = read_entry(tmp_path, "c.xml", "liquibase")
    assert ev.tables == []
    assert [(p.location.line, "DTD" in p.message) for p in ev.problems] == [(2, True)]


def test_init_proposes_the_root_changelog_and_its_personal_fields(tmp_path: Path):
    sub = HEAD + """\
  <changeSet author="b" id="s1">
    <addColumn tableName="member"><column name="phone_number" type="VARCHAR(20)"/></addColumn>
  </changeSet>
""" + TAIL
    root = MAIN.replace(TAIL, '  <include file="src/db/more.xml"/>\n' + TAIL)
    write_files(tmp_path, {"src/db/main.xml": root, "src/db/more.xml": sub,
                           "src/pom.xml": "<project><modelVersion>4.0.0</modelVersion></project>\n"})
    assert discover(tmp_path) == [Found("schemas", "src/db/main.xml", format="liquibase")]
    result = CliRunner().invoke(app, ["init", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    declared = {c for d in policy.data.values() for c in d.columns}
    assert {"member.email", "member.birthday", "member.phone_number"} <= declared


def test_a_cycle_of_includes_is_read_once_and_includes_stay_inside_the_project(tmp_path: Path):
    a = HEAD + """\
  <changeSet id="1" author="x"><createTable tableName="p"><column name="email" type="TEXT"/></createTable></changeSet>
  <include file="b.xml" relativeToChangelogFile="true"/>
  <include file="../outside.xml" relativeToChangelogFile="true"/>
""" + TAIL
    b = HEAD + """\
  <include file="a.xml" relativeToChangelogFile="true"/>
  <changeSet id="2" author="x"><addColumn tableName="p"><column name="phone" type="TEXT"/></addColumn></changeSet>
""" + TAIL
    write_files(tmp_path, {"proj/a.xml": a, "proj/b.xml": b, "outside.xml": MAIN})
    ev = read_entry(tmp_path / "proj", "*.xml", "liquibase")
    assert [t.key for t in ev.tables] == ["p"]  # nothing of the file outside the project
    assert names(ev, "p") == ["email", "phone"]
    assert [(p.location.line, "outside the policy's folder" in p.message) for p in ev.problems] == [(5, True)]
    assert discover(tmp_path / "proj") == [Found("schemas", "a.xml", format="liquibase")]


def test_an_include_named_from_the_java_classpath_root_is_found(tmp_path: Path):
    """JHipster's `master.xml` includes `config/liquibase/changelog/x.xml` (or `classpath:...`),
    a name Liquibase looks up from `src/main/resources`, a folder above the changelog: the
    included files are read through the root, and `init` proposes the root alone."""
    sub = HEAD + """\
  <changeSet author="b" id="s1">
    <addColumn tableName="member"><column name="phone_number" type="VARCHAR(20)"/></addColumn>
  </changeSet>
""" + TAIL
    other = HEAD + """\
  <changeSet author="b" id="s2">
    <addColumn tableName="member"><column name="nickname" type="VARCHAR(20)"/></addColumn>
  </changeSet>
""" + TAIL
    res = "src/main/resources/"
    root = MAIN.replace(
        TAIL,
        '  <include file="config/liquibase/changelog/more.xml" relativeToChangelogFile="false"/>\n'
        '  <include file="classpath:config/liquibase/changelog/other.xml"/>\n' + TAIL,
    )
    write_files(tmp_path, {res + "config/liquibase/master.xml": root,
                           res + "config/liquibase/changelog/more.xml": sub,
                           res + "config/liquibase/changelog/other.xml": other})
    assert discover(tmp_path) == [Found("schemas", res + "config/liquibase/master.xml", format="liquibase")]
    result = CliRunner().invoke(app, ["init", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    policy = load_policy(tmp_path / "cnsnt.yaml")
    declared = {c for d in policy.data.values() for c in d.columns}
    assert {"member.email", "member.phone_number", "member.nickname"} <= declared


def test_changelogs_of_a_project_with_jpa_entities_are_left_out_with_a_note(tmp_path: Path):
    """JHipster, OpenMRS and Elexis keep Liquibase changelogs beside JPA entities that map the
    same tables (in the module's `src/main/resources`, or another bundle): the entities are
    read, the changelogs left out and said (reading both would list every column twice)."""
    from cnsnt.starter.discover import survey

    entity = "package x;\nimport jakarta.persistence.*;\n@Entity\npublic class Member {\n  @Id Long id;\n  String email;\n}\n"
    write_files(tmp_path, {"app/src/main/java/x/Member.java": entity,
                           "app/src/main/resources/config/liquibase/master.xml": MAIN,
                           "tools/db/changelog.xml": MAIN})
    found, notes = survey(tmp_path)
    assert not any(f.format == "liquibase" for f in found)
    assert not any("app/src/main/resources" in f.pattern for f in found)
    assert any(f.format == "jpa" for f in found)
    assert any(n.startswith("left out 2 Liquibase changelogs in app/src/main/resources/config/liquibase, tools/db") for n in notes)


PEOPLE = """\
  <changeSet author="a" id="1">
    <createTable tableName="person">
      <column name="id" type="BIGINT"><constraints primaryKey="true"/></column>
      <column name="email" type="VARCHAR(200)"/>
      <column name="phone" type="VARCHAR(20)"/>
    </createTable>
  </changeSet>
"""


def test_a_view_is_read_as_its_create_view_statement_would_be(tmp_path: Path):
    """`<createView>` was a CN001 warning and the view was lost: its columns are those of its
    SELECT, placed at its lines, and its SQL is kept so a query of the view reaches the
    columns it reads; `fullDefinition` and `path` give the whole statement or the SELECT."""
    log = HEAD + PEOPLE + """\
  <changeSet author="a" id="2">
    <createView viewName="contact_list" remarks="for the mailing">
      SELECT id,
             email AS mail
      FROM person
    </createView>
    <createView viewName="phone_book" fullDefinition="true">CREATE VIEW phone_book AS SELECT phone FROM person</createView>
    <createView viewName="by_file" path="views/by_file.sql" relativeToChangelogFile="true"/>
    <createView viewName="lost" path="views/missing.sql" relativeToChangelogFile="true"/>
  </changeSet>
""" + TAIL
    write_files(tmp_path, {"db/changelog.xml": log, "db/views/by_file.sql": "SELECT email\nFROM person;\n"})
    ev = read_entry(tmp_path, "db/changelog.xml", "liquibase", None)
    view = table(ev, "contact_list")
    assert view.is_view and view.comment == "for the mailing"
    assert names(ev, "contact_list") == ["id", "mail"]
    assert [where(c) for c in view.columns] == [("db/changelog.xml", 12), ("db/changelog.xml", 13)]
    assert view.view_sql is not None and "person" in view.view_sql
    assert names(ev, "phone_book") == ["phone"] and table(ev, "phone_book").is_view
    assert names(ev, "by_file") == ["email"] and where(column(ev, "by_file.email")) == ("db/views/by_file.sql", 1)
    assert [(p.location.line, p.severity, "views/missing.sql" in p.message) for p in ev.problems] == [
        (18, Severity.WARNING, True)
    ]


def test_a_query_of_a_liquibase_view_reads_the_columns_of_its_table(tmp_path: Path):
    """The point of keeping a view's SQL: reading `contact_list` reads `person.email`, and
    `person.phone`, which the view filters on."""
    from cnsnt.sql.uses import QuerySchema, analyse

    log = HEAD + PEOPLE + """\
  <changeSet author="a" id="2">
    <createView viewName="contact_list">SELECT id, email AS mail FROM person WHERE phone IS NOT NULL</createView>
  </changeSet>
""" + TAIL
    write_files(tmp_path, {"db/changelog.xml": log})
    ev = read_entry(tmp_path, "db/changelog.xml", "liquibase", None)
    result = analyse("SELECT mail FROM contact_list", QuerySchema.from_tables(ev.tables, None))
    assert {(u.column, u.access.value) for u in result.uses} == {("person.email", "read"), ("person.phone", "read")}


def test_sql_files_a_changeset_runs_are_replayed_in_their_turn(tmp_path: Path):
    """`<sqlFile>` was a CN001 warning and its tables were lost: the file is found as an
    include is (beside the changelog, or from the classpath root), replayed where it is
    written, its columns placed in the SQL file; a missing one is one CN001 at its element,
    one outside the project is refused."""
    log = HEAD + PEOPLE + """\
  <changeSet author="a" id="2">
    <sqlFile path="sql/002_orders.sql" relativeToChangelogFile="true" splitStatements="true"/>
    <sqlFile path="classpath:db/sql/003_more.sql"/>
    <sqlFile path="sql/nowhere.sql" relativeToChangelogFile="true"/>
    <sqlFile path="../../outside.sql" relativeToChangelogFile="true"/>
  </changeSet>
  <changeSet author="a" id="3">
    <addColumn tableName="orders"><column name="note" type="TEXT"/></addColumn>
  </changeSet>
""" + TAIL
    orders = "-- orders\nCREATE TABLE orders (\n  id BIGINT PRIMARY KEY,\n  person BIGINT REFERENCES person(id)\n);\n"
    more = "ALTER TABLE person ADD COLUMN birthday DATE;\nALTER TABLE person DROP COLUMN phone;\n"
    write_files(tmp_path, {
        "app/src/main/resources/db/changelog.xml": log,
        "app/src/main/resources/db/sql/002_orders.sql": orders,
        "app/src/main/resources/db/sql/003_more.sql": more,
        "app/outside.sql": "CREATE TABLE secret (x INT);\n",
    })
    ev = read_entry(tmp_path / "app/src", "main/resources/db/changelog.xml", "liquibase", None)
    assert names(ev, "orders") == ["id", "person", "note"]
    assert where(column(ev, "orders.person")) == ("main/resources/db/sql/002_orders.sql", 4)
    assert where(column(ev, "orders.note")) == ("main/resources/db/changelog.xml", 17)
    assert table(ev, "orders").foreign_keys == (ForeignKey(("person",), "person", ("id",)),)
    assert names(ev, "person") == ["id", "email", "birthday"]
    assert "secret" not in {t.key for t in ev.tables}
    assert [(p.location.line, p.severity, p.message.split(":")[0]) for p in ev.problems] == [
        (13, Severity.WARNING, '<sqlFile path="sql/nowhere.sql">'),
        (14, Severity.WARNING, '<sqlFile path="../../outside.sql">'),
    ]


def test_changes_for_other_databases_are_skipped_and_the_sql_is_read_in_its_own_dialect(tmp_path: Path):
    """A changelog for several databases writes the same table once per database (`dbms` on
    the changeSet, on the `<sql>`, or a `<dbms>` precondition): read all, each was created
    again by the next; the database it names most is the one it is read for, and its SQL
    is parsed in that database's dialect (MySQL backticks, T-SQL brackets)."""
    log = HEAD + PEOPLE + """\
  <changeSet author="a" id="pg" dbms="postgresql">
    <sql>CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, who TEXT, pg_only TEXT);</sql>
  </changeSet>
  <changeSet author="a" id="my" dbms="mysql, mariadb">
    <sql>CREATE TABLE `audit_log` (`id` BIGINT AUTO_INCREMENT PRIMARY KEY, `who` VARCHAR(80), `my_only` TEXT);</sql>
  </changeSet>
  <changeSet author="a" id="ms">
    <preConditions onFail="MARK_RAN"><dbms type="mssql"/></preConditions>
    <sql>CREATE TABLE [audit_log] ([id] BIGINT, [who] NVARCHAR(80), [ms_only] TEXT);</sql>
  </changeSet>
  <changeSet author="a" id="more">
    <sql dbms="mysql">ALTER TABLE `audit_log` ADD COLUMN `ip` VARCHAR(40);</sql>
    <sql dbms="!h2, !mysql">ALTER TABLE audit_log ADD COLUMN not_mysql TEXT;</sql>
    <sql dbms="all">ALTER TABLE audit_log ADD COLUMN everywhere TEXT;</sql>
    <sql dbms="none">ALTER TABLE audit_log ADD COLUMN nowhere TEXT;</sql>
  </changeSet>
  <changeSet author="a" id="mysql-again" dbms="mysql">
    <addColumn tableName="audit_log"><column name="agent" type="TEXT"/></addColumn>
  </changeSet>
""" + TAIL
    write_files(tmp_path, {"db/changelog.xml": log})
    ev = read_entry(tmp_path, "db/changelog.xml", "liquibase", None)
    assert names(ev, "audit_log") == ["id", "who", "my_only", "ip", "everywhere", "agent"]
    assert ev.problems == []
    assert (ev.counts["migrations"], ev.counts["migrations_skipped"]) == (4, 2)
    # the entry's dialect names the target: PostgreSQL's changes, not MySQL's
    pg = read_entry(tmp_path, "db/changelog.xml", "liquibase", "postgres")
    assert names(pg, "audit_log") == ["id", "who", "pg_only", "not_mysql", "everywhere"]


def test_init_reads_the_sql_files_a_changelog_runs_through_it_not_on_their_own(tmp_path: Path):
    """Activiti Cloud's changelogs run one SQL file per database and version (77): init
    proposed three of them as schemas of their own and more as queries, beside the
    changelog; now the changelog alone, or, beside JPA entities, none, said in the note."""
    log = HEAD + """\
  <changeSet author="a" id="pg" dbms="postgresql">
    <sqlFile dbms="postgresql" path="changelog/pg.schema.sql" relativeToChangelogFile="true"/>
  </changeSet>
  <changeSet author="a" id="ora" dbms="oracle">
    <sqlFile dbms="oracle" path="changelog/oracle.schema.sql" relativeToChangelogFile="true"/>
  </changeSet>
""" + TAIL
    res = "svc/src/main/resources/db/"
    write_files(tmp_path, {
        res + "master.xml": log,
        res + "changelog/pg.schema.sql": "CREATE TABLE member (id BIGINT PRIMARY KEY, email TEXT, phone TEXT);\n",
        res + "changelog/oracle.schema.sql": "CREATE TABLE member (id NUMBER(19) PRIMARY KEY, email VARCHAR2(200));\n",
    })
    assert discover(tmp_path) == [Found("schemas", res + "master.xml", format="liquibase")]
    ev = read_entry(tmp_path, res + "master.xml", "liquibase", None)
    assert names(ev, "member") == ["id", "email", "phone"] and ev.problems == []

    from cnsnt.starter.discover import survey

    entity = "package x;\nimport jakarta.persistence.*;\n@Entity\npublic class Member {\n  @Id Long id;\n  String email;\n}\n"
    write_files(tmp_path, {"svc/src/main/java/x/Member.java": entity})
    found, notes = survey(tmp_path)
    assert [f.format for f in found] == ["jpa"]
    assert any(n.startswith("left out 1 Liquibase changelog (and the 2 SQL files they run)") for n in notes)


def test_an_included_changelog_for_another_database_is_skipped_whole(tmp_path: Path):
    """A changelog-wide `<dbms>` precondition: PostgreSQL, named twice, is the target."""
    oracle = HEAD + """\
  <preConditions><dbms type="oracle"/></preConditions>
  <changeSet author="a" id="o1"><createTable tableName="person"><column name="ora_only" type="NUMBER"/></createTable></changeSet>
""" + TAIL
    root = HEAD + PEOPLE + """\
  <include file="oracle.xml" relativeToChangelogFile="true"/>
  <changeSet author="a" id="2" dbms="postgresql">
    <sql dbms="postgresql">ALTER TABLE person ADD COLUMN nickname TEXT;</sql>
  </changeSet>
""" + TAIL
    write_files(tmp_path, {"db/master.xml": root, "db/oracle.xml": oracle})
    ev = read_entry(tmp_path, "db/*.xml", "liquibase", None)
    assert names(ev, "person") == ["id", "email", "phone", "nickname"]
    assert (ev.counts["migrations"], ev.counts["migrations_skipped"]) == (2, 1)


def test_liquibase_1_modify_column_changes_the_types_of_its_columns(tmp_path: Path):
    """OpenMRS's and OpenClinica's older changeSets use 1.x's `<modifyColumn>`: it was a
    CN001 warning each (130 in OpenMRS's updates from 1.9)."""
    log = HEAD + PEOPLE + """\
  <changeSet author="a" id="2">
    <modifyColumn tableName="person">
      <column name="email" type="VARCHAR(320)" remarks="login"/>
      <column name="fax" type="TEXT"/>
    </modifyColumn>
  </changeSet>
""" + TAIL
    write_files(tmp_path, {"db/changelog.xml": log})
    ev = read_entry(tmp_path, "db/changelog.xml", "liquibase", None)
    assert (column(ev, "person.email").type, column(ev, "person.email").comment) == ("VARCHAR(320)", "login")
    assert [(p.location.line, p.severity, "'fax'" in p.message) for p in ev.problems] == [(13, Severity.WARNING, True)]


def test_tables_only_the_left_out_changelogs_create_are_named(tmp_path: Path):
    """The entities are read over the changelogs, but a table no entity maps is read by none (trial37).

    A microfinance platform's changelogs create 249 tables and its entities map 230: the
    rest (an OAuth token table with user names, poverty-survey scores, arrears ageing read
    by plain SQL) went with the changelogs, said to be "the history of the tables the
    entities map". The note names them now, and init says it on the terminal too.
    """
    from cnsnt.starter.discover import survey
    from cnsnt.starter.run import draft_new

    scores = MAIN.replace(TAIL, "") if MAIN.endswith(TAIL) else MAIN
    extra = (
        '  <changeSet author="a" id="9">\n'
        '    <createTable tableName="member_score">\n'
        '      <column name="member_id" type="BIGINT"/>\n'
        '      <column name="score" type="INT"/>\n'
        "    </createTable>\n"
        "  </changeSet>\n"
    )
    entities = {
        "app/src/main/java/x/Member.java": (
            "package x;\nimport jakarta.persistence.*;\n@Entity\n@Table(name = \"member\")\n"
            "public class Member {\n  @Id Long id;\n  String email;\n}\n"
        ),
        "app/src/main/java/x/Team.java": (
            "package x;\nimport jakarta.persistence.*;\n@Entity\n@Table(name = \"team\")\n"
            "public class Team {\n  @Id Long id;\n  String label;\n}\n"
        ),
    }
    write_files(tmp_path, {**entities, "app/src/main/resources/db/changelog.xml": scores + extra + TAIL})
    _, notes = survey(tmp_path)
    note = next(n for n in notes if n.startswith("left out 1 Liquibase changelog in app/src/main/resources/db"))
    assert note.endswith(
        "; 3 tables only the changelogs create (club, member_score, note) are not read: if the application "
        "uses them (by plain SQL), add the changelogs under sources: too (the tables both define are then "
        "read twice, and the audit says so, CN001)"
    )
    assert any("member_score" in alert for alert in draft_new(tmp_path).alerts)
