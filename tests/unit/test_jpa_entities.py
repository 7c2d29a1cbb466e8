"""JPA / Hibernate entities read with tree-sitter-java: tables, columns, keys, naming, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.jpa_mapping import snake
from cnsnt.sources.schemas.read_fixes import DEFAULT_NAME
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

BASE = """\
package org.example.clinic.model;

import jakarta.persistence.*;
import java.time.Instant;

@MappedSuperclass
public abstract class BaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant createdAt;
}
"""

ADDRESS = """\
package org.example.clinic.model;

import javax.persistence.Embeddable;
import javax.persistence.Column;

@Embeddable
public class Address {
    private String street;
    @Column(name = "zip", length = 10)
    private String postalCode;
}
"""

PATIENT = """\
package org.example.clinic.model;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.*;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = Patient.TABLE, schema = "care")
@Comment("People we treat")
public class Patient extends BaseEntity {
    public static final String TABLE = "patients";
    private static final long serialVersionUID = 1L;

    @Column(name = "first_name", length = 80, nullable = false)
    private String firstName;

    @Comment("as on the ID card")
    private String lastName;

    private LocalDate birthDate;

    @Lob
    private String medicalNotes;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    private Status status;

    @Column(precision = 10, scale = 2)
    private BigDecimal balance;

    @Column(columnDefinition = "TEXT NOT NULL")
    private String allergies;

    private byte[] photo;

    @Transient
    private int age;

    private transient String cache;

    @Embedded
    @AttributeOverrides({@AttributeOverride(name = "street", column = @Column(name = "home_street"))})
    private Address home;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "doctor_id")
    private Doctor doctor;

    @OneToOne
    private Doctor referrer;

    @ManyToMany
    @JoinTable(name = "patient_allergen",
        joinColumns = @JoinColumn(name = "patient_id"),
        inverseJoinColumns = @JoinColumn(name = "allergen_code"))
    private Set<Allergen> allergens = new HashSet<>();

    @OneToMany(mappedBy = "patient")
    private List<Visit> visits;

    @ElementCollection
    @CollectionTable(name = "patient_phones", joinColumns = @JoinColumn(name = "owner_id"))
    @Column(name = "phone", length = 30)
    private List<String> phones;

    public enum Status { ACTIVE, GONE }
}

enum Sex { F, M, X }
"""

OTHERS = """\
package org.example.clinic.model;

import javax.persistence.*;
import java.util.Date;

@Entity
@Table(comment = "Doctors of the clinic")
class Doctor {
    @Id
    private Integer doctorId;
    @Column(comment = "work address")
    private String email;
    @Temporal(TemporalType.DATE)
    private Date hiredOn;
}

@Entity(name = "Allergen")
class Allergen {
    @Id
    @Column(length = 12)
    private String code;
}

@Entity
class Visit extends BaseEntity {
    @ManyToOne
    private Patient patient;
    private String reason;
}
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    src = "app/src/main/java/org/example/clinic/model"
    write_files(
        tmp_path,
        {
            f"{src}/BaseEntity.java": BASE,
            f"{src}/Address.java": ADDRESS,
            f"{src}/Patient.java": PATIENT,
            f"{src}/Others.java": OTHERS,
            f"{src}/PatientService.java": "package org.example.clinic.model;\nclass PatientService {}\n",
        },
    )
    return tmp_path


def test_entities_tables_columns_types_and_keys(project: Path):
    ev = read_entry(project, "app/src/**/*.java", "jpa")
    assert not ev.problems, ev.problems
    assert sorted(t.key for t in ev.tables) == [
        "Allergen", "Doctor", "Visit", "care.patient_allergen", "care.patient_phones",
        "care.patients",
    ]  # fmt: skip
    assert names(ev, "care.patients") == [
        "id", "createdAt", "first_name", "lastName", "birthDate", "medicalNotes", "sex", "status", "balance",
        "allergies", "photo", "home_street", "zip", "doctor_id", "referrer_doctorId",
    ]  # fmt: skip
    types = {c.name: c.type for c in table(ev, "care.patients").columns}
    assert types == {
        "id": "bigint", "createdAt": "timestamp", "first_name": "varchar(80)", "lastName": "varchar(255)",
        "birthDate": "date", "medicalNotes": "clob", "sex": "varchar(255)", "status": "integer",
        "balance": "decimal(10,2)", "allergies": "text", "photo": "blob", "home_street": "varchar(255)",
        "zip": "varchar(10)", "doctor_id": "integer", "referrer_doctorId": "integer",
    }  # fmt: skip
    assert [c.name for c in table(ev, "care.patients").columns if c.primary_key] == ["id"]
    assert table(ev, "care.patients").comment == "People we treat"
    assert column(ev, "care.patients.lastName").comment == "as on the ID card"
    assert column(ev, "Doctor.hiredOn").type == "date"
    assert (table(ev, "Doctor").comment, column(ev, "Doctor.email").comment) == ("Doctors of the clinic", "work address")
    assert column(ev, "Allergen.code").type == "varchar(12)"
    assert table(ev, "care.patients").foreign_keys == (
        ForeignKey(("doctor_id",), "Doctor", ("doctorId",)),
        ForeignKey(("referrer_doctorId",), "Doctor", ("doctorId",)),
    )
    assert table(ev, "Visit").foreign_keys == (ForeignKey(("patient_id",), "patients", ("id",), "care"),)


def test_join_and_collection_tables(project: Path):
    ev = read_entry(project, "app/src/**/*.java", "jpa")
    link = table(ev, "care.patient_allergen")
    assert [(c.name, c.type) for c in link.columns] == [("patient_id", "bigint"), ("allergen_code", "varchar(12)")]
    assert link.foreign_keys == (
        ForeignKey(("patient_id",), "patients", ("id",), "care"),
        ForeignKey(("allergen_code",), "Allergen", ("code",)),
    )
    phones = table(ev, "care.patient_phones")
    assert [(c.name, c.type) for c in phones.columns] == [("owner_id", "bigint"), ("phone", "varchar(30)")]
    assert where(column(ev, "care.patients.first_name")) == (
        "app/src/main/java/org/example/clinic/model/Patient.java",
        17,
    )
    assert where(column(ev, "care.patients.id")) == ("app/src/main/java/org/example/clinic/model/BaseEntity.java", 10)


def test_spring_boot_projects_get_snake_case_names(project: Path):
    (project / "app" / "pom.xml").write_text(
        "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n"
    )
    ev = read_entry(project, "app/src/**/*.java", "jpa")
    assert names(ev, "care.patients")[:4] == ["id", "created_at", "first_name", "last_name"]
    assert "referrer_doctor_id" in names(ev, "care.patients")
    assert {"doctor", "allergen", "visit"} <= {t.name for t in ev.tables}
    assert names(ev, "visit") == ["id", "created_at", "patient_id", "reason"]
    # Hibernate's standard physical naming set in application.properties keeps names as written
    resources = project / "app" / "src" / "main" / "resources"
    resources.mkdir(parents=True)
    (resources / "application.properties").write_text(
        "spring.jpa.hibernate.naming.physical-strategy="
        "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl\n"
    )
    ev = read_entry(project, "app/src/**/*.java", "jpa")
    assert names(ev, "care.patients")[:2] == ["id", "createdAt"]


def test_snake_follows_spring_rules():
    assert snake("firstName") == "first_name"
    assert snake("HTMLParser") == "htmlparser"  # no underscore between capitals, as Spring writes it
    assert snake("address.zipCode") == "address_zip_code"
    assert snake("dateOfBirth") == "date_of_birth"


INHERITANCE = """\
import javax.persistence.*;

@Entity
@DiscriminatorColumn(name = "kind")
class Person {
    @Id private Long id;
    private String name;
}

@Entity
class Employee extends Person {
    private String badge;
}

@Entity
@Inheritance(strategy = InheritanceType.JOINED)
class Account {
    private Long number;

    @Id
    public Long getNumber() { return number; }
    public String getOwnerEmail() { return null; }
    public static Account of() { return null; }
    @Transient
    public String getDisplay() { return ""; }
}

@Entity
class SavingsAccount extends Account {
    private Double rate;
}
"""


def test_inheritance_strategies_and_property_access(tmp_path: Path):
    write_files(tmp_path, {"Models.java": INHERITANCE})
    ev = read_entry(tmp_path, "*.java", "jpa")
    assert not ev.problems, ev.problems
    assert [t.name for t in ev.tables] == ["Person", "Account", "SavingsAccount"]
    assert names(ev, "Person") == ["id", "name", "kind", "badge"]  # SINGLE_TABLE: one table, a discriminator
    assert names(ev, "Account") == ["number", "ownerEmail"]  # @Id on a getter: properties are read
    assert names(ev, "SavingsAccount") == ["number", "rate"]
    assert table(ev, "SavingsAccount").foreign_keys == (ForeignKey(("number",), "Account", ("number",)),)


def test_syntax_error_is_cn001_and_the_rest_is_read(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "Broken.java": "import javax.persistence.*;\n@Entity\nclass Broken {\n  @Id Long id;\n  String name = ;\n}\n",
            "Fine.java": "import javax.persistence.*;\n@Entity\nclass Fine {\n  @Id Long id;\n  String email;\n}\n",
        },
    )
    ev = read_entry(tmp_path, "*.java", "jpa")
    errors = [p for p in ev.problems if p.severity is None]
    assert len(errors) == 1
    assert (errors[0].location.path, errors[0].location.line) == ("Broken.java", 5)
    assert "Java syntax error" in errors[0].message
    assert names(ev, "Fine") == ["id", "email"]
    assert "id" in names(ev, "Broken")


def test_values_cnsnt_cannot_evaluate_and_missing_parents_are_reported(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "A.java": (
                "import javax.persistence.*;\n@Entity\n@Table(name = Names.compute())\n"
                "class Audit extends Auditable {\n  private String who;\n}\n"
            ),
        },
    )
    ev = read_entry(tmp_path, "*.java", "jpa")
    assert names(ev, "Audit") == ["who"]  # the default name, the columns read
    messages = sorted((p.location.line, p.location.column, p.severity, p.message) for p in ev.problems)
    assert messages[0][:3] == (3, 15, Severity.WARNING)
    assert "cannot evaluate" in messages[0][3]
    assert [p.fix for p in ev.problems if "cannot evaluate" in p.message] == [DEFAULT_NAME]
    assert messages[1][:3] == (4, 21, Severity.WARNING)
    assert "Auditable, the parent of entity Audit, is not in this entry" in messages[1][3]


def test_entry_without_entities_is_a_warning_and_java_is_detected(tmp_path: Path):
    write_files(tmp_path, {"Util.java": "class Util { static int x() { return 1; } }\n"})
    ev = read_entry(tmp_path, "*.java", "jpa")
    assert [(p.severity, p.location.path) for p in ev.problems] == [(Severity.WARNING, "Util.java")]
    assert not ev.tables
    assert detect(Path("src/Patient.java")) == "jpa"
    write_files(tmp_path, {"Person.java": "import jakarta.persistence.*;\n@Entity class Person { @Id Long id; }\n"})
    ev = read_entry(tmp_path, "*.java")  # no format: told from the suffix
    assert names(ev, "Person") == ["id"]
    assert not ev.problems


DEFAULTS = """\
import jakarta.persistence.*;
import java.util.*;

@Embeddable
class Contact {
    private String phoneNumber;
}

@Entity
class Owner {
    @Id private Long id;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "ownerRef")
    private Set<Pet> pets;

    @ManyToMany
    private List<Club> clubs;

    @ElementCollection
    private Set<Contact> contacts;
}

@Entity
class Pet {
    @Id private Integer id;
    private String name;
}

@Entity
class Club {
    @Id private Long id;
    @ManyToMany(mappedBy = "clubs")
    private List<Owner> members;
}
"""


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (
            None,
            {
                "Owner": ["id"],
                "Pet": ["id", "name", "ownerRef"],
                "Club": ["id"],
                "Owner_Club": ["members_id", "clubs_id"],
                "Owner_contacts": ["Owner_id", "phoneNumber"],
            },
        ),
        (
            "spring-boot",
            {
                "owner": ["id"],
                "pet": ["id", "name", "owner_ref"],
                "club": ["id"],
                "owner_clubs": ["members_id", "clubs_id"],
                "owner_contacts": ["owner_id", "phone_number"],
            },
        ),
    ],
)
def test_default_names_of_relations_plain_and_spring(tmp_path: Path, build: str | None, expected: dict[str, list[str]]):
    write_files(tmp_path, {"Owner.java": DEFAULTS})
    if build:
        (tmp_path / "build.gradle").write_text(f"plugins {{ id 'org.springframework.boot' }}\n// {build}\n")
    ev = read_entry(tmp_path, "*.java", "jpa")
    assert not ev.problems, ev.problems
    assert {t.name: [c.name for c in t.columns] for t in ev.tables} == expected
    pets = [t for t in ev.tables if t.name.lower() == "pet"][0]
    assert [fk.ref_table for fk in pets.foreign_keys] == ["owner" if build else "Owner"]


def test_hostile_nesting_is_reported_not_a_crash(tmp_path: Path):
    deep = " + ".join(['"a"'] * 3000)
    write_files(
        tmp_path,
        {"Deep.java": f'import javax.persistence.*;\n@Entity\n@Table(name = {deep})\nclass Deep {{ @Id Long id; }}\n'},
    )
    ev = read_entry(tmp_path, "*.java", "jpa")
    assert names(ev, "Deep") == ["id"]
    assert [p.location.line for p in ev.problems] == [3]


def test_table_per_class_repeats_inherited_columns_and_joined_references_the_parent(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "Shapes.java": (
                "import javax.persistence.*;\n"
                "@Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)\n"
                "abstract class Contact { @Id Long id; String email; }\n"
                "@Entity class Lead extends Contact { String source; }\n"
                "@Entity @Inheritance(strategy = InheritanceType.JOINED)\n"
                "class Party { @Id Long id; }\n"
                "@Entity class Org extends Party { String vat; }\n"
                "@Entity @PrimaryKeyJoinColumn(name = \"org_id\") class School extends Org { String head; }\n"
            )
        },
    )
    ev = read_entry(tmp_path, "*.java", "jpa")
    assert not ev.problems, ev.problems
    assert names(ev, "Lead") == ["id", "email", "source"]
    assert names(ev, "School") == ["org_id", "head"]
    assert table(ev, "School").foreign_keys == (ForeignKey(("org_id",), "Org", ("id",)),)
    assert table(ev, "Org").foreign_keys == (ForeignKey(("id",), "Party", ("id",)),)


def test_a_column_mapped_twice_read_only_keeps_its_key(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "Kid.java": (
                "import javax.persistence.*;\n"
                "@Embeddable class KidId { Long id; Long batchId; }\n"
                "@Entity class Batch { @Id Long batchId; }\n"
                "@Entity class Kid {\n  @EmbeddedId KidId id;\n"
                '  @ManyToOne @JoinColumn(name = "batchId", insertable = false, updatable = false) Batch batch;\n}\n'
                "@Entity class Note {\n  @Id Long id;\n"
                '  @ManyToOne @JoinColumns({@JoinColumn(name = "kid"), @JoinColumn(name = "kid_batch")}) Kid kid;\n}\n'
            )
        },
    )
    ev = read_entry(tmp_path, "*.java", "jpa")
    assert [(c.name, c.primary_key) for c in table(ev, "Kid").columns] == [("id", True), ("batchId", True)]
    assert table(ev, "Kid").foreign_keys == (ForeignKey(("batchId",), "Batch", ("batchId",)),)
    assert names(ev, "Note") == ["id", "kid", "kid_batch"]
    assert table(ev, "Note").foreign_keys == (ForeignKey(("kid", "kid_batch"), "Kid", ("id", "batchId")),)


def test_time_is_linear_in_the_columns_of_one_entity(tmp_path: Path):
    """Each field was compared with every column mapped before it: 8,000 fields took 3.7 s."""
    from tests.hostile.growth import assert_linear

    def entity(n: int) -> str:
        fields = "".join(f"  @Column(length = 10) private String c{i};\n" for i in range(n))
        return f"import jakarta.persistence.*;\n@Entity class M {{\n  @Id Long id;\n{fields}  String C0;\n}}\n"

    def read(text: str) -> None:
        write_files(tmp_path, {"M.java": text})
        ev = read_entry(tmp_path, "*.java", "jpa")
        assert len(table(ev, "M").columns) == text.count("@Column") + 1  # `C0` is `c0` again

    assert_linear(read, entity, 600)


MEMBER_CONSTANTS = """\
package org.example.coop.member.service;

public final class MemberConstants {

    private MemberConstants() {}

    public static final String RESOURCE = "members";
    // JPA names
    public static final String MEMBER_TABLE_NAME = "m_member";
    public static final String NATIONAL_ID_COLUMN_NAME = "national_id";
    public static final String PREFIX = "mobile";
    public static final String MOBILE_COLUMN_NAME = PREFIX + "_no";
}
"""

MEMBER = """\
package org.example.coop.member.domain;

import jakarta.persistence.*;
import org.example.coop.member.service.MemberConstants;

@Entity
@Table(name = MemberConstants.MEMBER_TABLE_NAME)
public class Member {
    @Id
    private Long id;

    @Column(name = MemberConstants.NATIONAL_ID_COLUMN_NAME, nullable = false)
    private String nationalId;

    @Column(name = MemberConstants.MOBILE_COLUMN_NAME)
    private String mobile;

    @Column(name = ExternalNames.NICKNAME)
    private String nickname;

    @Enumerated(EnumType.STRING)
    private Status status;
}
"""


def test_names_from_a_constants_class_with_no_mapping_are_resolved(tmp_path: Path) -> None:
    """`@Table(name = MemberConstants.MEMBER_TABLE_NAME)`, the constant in a class of its own (trial37).

    A microfinance platform keeps its entities' table and column names in a constants
    class with no JPA annotation, which the reader did not parse: the unresolved
    `Owner.UPPER_CASE` was taken for an enum constant, and the table was named
    `member_table_name`, the constant's name, with no word. A constant no file of the
    entry defines is said (CN001) and the default used, as for any value cnsnt cannot
    evaluate.
    """
    write_files(
        tmp_path,
        {
            "src/main/java/org/example/coop/member/service/MemberConstants.java": MEMBER_CONSTANTS,
            "src/main/java/org/example/coop/member/domain/Member.java": MEMBER,
        },
    )
    ev = read_entry(tmp_path, "src/main/java/**/*.java", "jpa")
    assert [t.key for t in ev.tables] == ["m_member"]
    assert names(ev, "m_member") == ["id", "national_id", "mobile_no", "nickname", "status"]
    unresolved = [p for p in ev.problems if "ExternalNames.NICKNAME" in p.message]
    assert len(unresolved) == 1 and unresolved[0].severity is Severity.WARNING
    assert unresolved[0].location.line == 18
