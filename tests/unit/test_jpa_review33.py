"""JPA entities as a plain-Hibernate project maps them (review33 R33b D1, D3).

Found on a Dutch club's member administration (plain Hibernate, no Spring Boot): its
`persistence.xml` sets `CamelCaseToUnderscoresNamingStrategy`, which cnsnt did not read,
so `ClubMember.lastName` was read as written instead of `club_member.last_name` (D1); and
a repeated `@AttributeOverride` on one `@Embedded` field (repeatable since JPA 2.2)
renamed only its first column (D3). The entities here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.model import Severity
from tests.unit.schema_entry import names, read_entry, write_files

SRC = "core/src/main/java/m"
RESOURCES = "core/src/main/resources"

#: Two overrides on one field, repeated (JPA 2.2), and two in the container form.
EMBEDDED = """\
package m;
import jakarta.persistence.*;
@Entity public class Club { @Id Integer id;
  @Embedded
  @AttributeOverride(name = "value", column = @Column(name = "IBAN_VALUE"))
  @AttributeOverride(name = "description", column = @Column(name = "IBAN_DESCRIPTION"))
  private Entry iban;
  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "value", column = @Column(name = "BIC_VALUE")),
    @AttributeOverride(name = "description", column = @Column(name = "BIC_DESCRIPTION"))})
  private Entry bic;
  @Embedded
  @AttributeOverride(name = "value", column = @Column(name = "NAME_VALUE"))
  @AttributeOverride(name = "description", column = @Column(name = "NAME_DESCRIPTION"))
  @AttributeOverride(name = "remark", column = @Column(name = "NAME_REMARK"))
  private Entry name;
  @Embeddable public static class Entry { String value; String description; String remark; } }
"""


def test_each_repeated_attribute_override_renames_its_column(tmp_path: Path) -> None:
    write_files(tmp_path, {f"{SRC}/Club.java": EMBEDDED})
    ev = read_entry(tmp_path, f"{SRC}/*.java", "jpa")
    assert not ev.problems, ev.problems
    assert names(ev, "Club") == [
        "id", "IBAN_VALUE", "IBAN_DESCRIPTION", "remark", "BIC_VALUE", "BIC_DESCRIPTION",
        "NAME_VALUE", "NAME_DESCRIPTION", "NAME_REMARK",
    ]  # fmt: skip


def test_a_repeated_join_column_maps_each_key_column(tmp_path: Path) -> None:
    entities = """\
package m;
import jakarta.persistence.*;
@Entity class Account { @EmbeddedId AccountId id; }
@Embeddable class AccountId { String bank; String number; }
@Entity class Payment { @Id Long id;
  @ManyToOne
  @JoinColumn(name = "account_bank", referencedColumnName = "bank")
  @JoinColumn(name = "acct_no", referencedColumnName = "number")
  Account account; }
"""
    write_files(tmp_path, {f"{SRC}/Payment.java": entities})
    ev = read_entry(tmp_path, f"{SRC}/*.java", "jpa")
    assert names(ev, "Payment") == ["id", "account_bank", "acct_no"]


@pytest.mark.parametrize(
    ("override", "said"),
    [
        ('@AttributeOverride(name = "descripton", column = @Column(name = "IBAN_DESCRIPTION"))',
         '@AttributeOverride(name = "descripton") on iban: Entry has no field descripton, so nothing is renamed'),
        ('@AttributeOverride(name = "description")',
         "@AttributeOverride on iban: cnsnt cannot read its name"),
    ],
)  # fmt: skip
def test_an_override_cnsnt_cannot_apply_is_a_cn001_warning(tmp_path: Path, override: str, said: str) -> None:
    text = EMBEDDED.replace(
        '@AttributeOverride(name = "description", column = @Column(name = "IBAN_DESCRIPTION"))', override
    )
    write_files(tmp_path, {f"{SRC}/Club.java": text})
    ev = read_entry(tmp_path, f"{SRC}/*.java", "jpa")
    [problem] = ev.problems
    assert problem.message.startswith(said)
    assert (problem.location.path, problem.location.line, problem.severity) == (
        f"{SRC}/Club.java", 6, Severity.WARNING
    )
    assert names(ev, "Club")[:3] == ["id", "IBAN_VALUE", "description"]


CLUB_MEMBER = """\
package m;
import jakarta.persistence.*;
@Entity public class ClubMember { @Id Integer memberNumber; String lastName;
  @ManyToMany @JoinTable(name = "ClubMemberRole") java.util.Set<Role> roles; }
@Entity class Role { @Id Integer id; String roleName; }
"""
SNAKE = "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"
PERSISTENCE = f"""<?xml version="1.0" encoding="UTF-8"?>
<persistence version="2.0"><persistence-unit name="u"><properties>
  <!-- <property name="hibernate.physical_naming_strategy" value="x.Commented"/> -->
  <property name="hibernate.dialect" value="org.hibernate.dialect.H2Dialect"/>
  <property name="hibernate.physical_naming_strategy"
            value="{SNAKE}"/>
</properties></persistence-unit></persistence>
"""
CFG_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE hibernate-configuration PUBLIC
  "-//Hibernate/Hibernate Configuration DTD 3.0//EN"
  "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">
<hibernate-configuration><session-factory>
  <property name="physical_naming_strategy">{SNAKE}</property>
</session-factory></hibernate-configuration>
"""
PROPERTIES = f"# naming\nhibernate.show_sql=true\nhibernate.physical_naming_strategy = {SNAKE}\n"


@pytest.mark.parametrize(
    ("config", "text"),
    [
        ("META-INF/persistence.xml", PERSISTENCE),
        ("hibernate.cfg.xml", CFG_XML),
        ("hibernate.properties", PROPERTIES),
    ],
)
def test_plain_hibernates_naming_strategy_is_read(tmp_path: Path, config: str, text: str) -> None:
    write_files(tmp_path, {f"{SRC}/ClubMember.java": CLUB_MEMBER, f"{RESOURCES}/{config}": text})
    ev = read_entry(tmp_path, f"{SRC}/*.java", "jpa")
    assert not ev.problems, ev.problems
    assert {t.name: [c.name for c in t.columns] for t in ev.tables} == {
        "club_member": ["member_number", "last_name"],
        "role": ["id", "role_name"],
        "club_member_role": ["club_member_member_number", "roles_id"],  # JPA's names, then snake_case
    }


def test_without_a_naming_strategy_names_stay_as_written(tmp_path: Path) -> None:
    standard = PROPERTIES.replace(SNAKE, "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl")
    write_files(tmp_path, {f"{SRC}/ClubMember.java": CLUB_MEMBER, f"{RESOURCES}/hibernate.properties": standard})
    assert names(read_entry(tmp_path, f"{SRC}/*.java", "jpa"), "ClubMember") == ["memberNumber", "lastName"]
    (tmp_path / RESOURCES / "hibernate.properties").unlink()
    assert names(read_entry(tmp_path, f"{SRC}/*.java", "jpa"), "ClubMember") == ["memberNumber", "lastName"]


def test_a_naming_strategy_cnsnt_cannot_run_is_a_cn001_warning(tmp_path: Path) -> None:
    custom = PERSISTENCE.replace(SNAKE, "nl.club.db.OurNamingStrategy")
    write_files(tmp_path, {f"{SRC}/ClubMember.java": CLUB_MEMBER, f"{RESOURCES}/META-INF/persistence.xml": custom})
    ev = read_entry(tmp_path, f"{SRC}/*.java", "jpa")
    [problem] = ev.problems
    assert problem.message.startswith(
        "Hibernate's naming strategy nl.club.db.OurNamingStrategy is not one cnsnt knows"
    )
    assert (problem.location.path, problem.location.line, problem.severity) == (
        f"{RESOURCES}/META-INF/persistence.xml", 5, Severity.WARNING
    )
    assert names(ev, "ClubMember") == ["memberNumber", "lastName"]
