"""`cnsnt init` and the audit of its starter on a plain-Hibernate project with an H2 dump (review33 R33b D1, D2).

Found on a Dutch club's member administration: JPA entities in one module, and an H2 dump
(`"PUBLIC"."MEMBER"`) in another. The starter kept the dump as another database's and
promised that the tables it shares with the entities "are counted twice, and the audit says
so (CN001)"; the audit said nothing, since `PUBLIC.MEMBER` and `Member` were two names to
its check (D2). And the dump was kept at all only because the entities were read with
their names as written, though `persistence.xml` sets Hibernate's snake_case naming (D1).
The files here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import audit_path
from cnsnt.starter.run import draft_new
from tests.unit.schema_entry import write_files

ENTITIES = "core/src/main/java/m"
DUMP = "frontend/src/main/resources/init.sql"
FILES = {
    f"{ENTITIES}/ClubMember.java": (
        "package m;\nimport jakarta.persistence.*;\n"
        "@Entity public class ClubMember { @Id Integer memberNumber; String lastName; String email; }\n"
    ),
    f"{ENTITIES}/PaymentFile.java": (
        "package m;\nimport jakarta.persistence.*;\n"
        "@Entity public class PaymentFile { @Id Integer id; String fileName; }\n"
    ),
    f"{ENTITIES}/Member.java": (
        "package m;\nimport jakarta.persistence.*;\n"
        "@Entity public class Member { @Id Integer id; String email; }\n"
    ),
    DUMP: (
        'CREATE TABLE "PUBLIC"."MEMBER"("ID" INTEGER, "EMAIL" VARCHAR(255));\n'
        'CREATE TABLE "PUBLIC"."CLUB_MEMBER"("MEMBER_NUMBER" INTEGER, "LAST_NAME" VARCHAR(255), '
        '"EMAIL" VARCHAR(255));\n'
        'CREATE TABLE "PUBLIC"."PAYMENT_FILE"("ID" INTEGER, "FILE_NAME" VARCHAR(255));\n'
    ),
}


def _twice(root: Path) -> list[str]:
    draft = draft_new(root)
    (root / "cnsnt.yaml").write_text(draft.text, encoding="utf-8")
    return [f.message for f in audit_path(root).findings if f.rule == "CN001" and "also defined in" in f.message]


def test_a_kept_dump_of_schema_qualified_tables_is_said_twice_by_the_audit(tmp_path: Path) -> None:
    write_files(tmp_path, FILES)  # no naming set: ClubMember and PaymentFile as written
    draft = draft_new(tmp_path)
    assert f"# kept {DUMP}: 2 of its 3 tables are not in the models" in draft.text
    assert "the 1 it shares with them (MEMBER) are counted twice, and the audit says so (CN001)" in draft.text
    [warning] = _twice(tmp_path)
    assert warning.startswith(f"1 table of {DUMP} is also defined in {ENTITIES}/Member.java ('PUBLIC.MEMBER')")


PERSISTENCE = (
    '<persistence version="2.0"><persistence-unit name="u"><properties>\n'
    '<property name="hibernate.physical_naming_strategy"\n'
    '          value="org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"/>\n'
    "</properties></persistence-unit></persistence>\n"
)


def test_a_dump_of_the_entities_in_hibernates_snake_case_is_left_out(tmp_path: Path) -> None:
    write_files(tmp_path, {**FILES, "core/src/main/resources/META-INF/persistence.xml": PERSISTENCE})
    draft = draft_new(tmp_path)
    assert (
        f"# JPA entities in {ENTITIES}/*.java: names in snake_case (firstName -> first_name), as "
        "core/src/main/resources/META-INF/persistence.xml sets CamelCaseToUnderscoresNamingStrategy"
    ) in " ".join(draft.text.split())
    assert f"# left out {DUMP}: 3 of its 3 tables are defined by the models" in draft.text
    assert "club_member.last_name" in draft.text and "ClubMember.lastName" not in draft.text
    assert "CLUB_MEMBER" not in draft.text
    assert _twice(tmp_path) == []  # the starter's audit reads each table once


def test_init_says_where_it_looked_for_plain_hibernates_naming(tmp_path: Path) -> None:
    write_files(tmp_path, FILES)
    assert (
        f"# JPA entities in {ENTITIES}/*.java: names kept as written (plain Hibernate: no Spring Boot build "
        "file, and no hibernate.physical_naming_strategy in a persistence.xml, hibernate.cfg.xml or "
        "hibernate.properties above them)"
    ) in " ".join(draft_new(tmp_path).text.split())
