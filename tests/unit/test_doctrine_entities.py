"""Doctrine ORM entities (PHP attributes and docblock annotations) read statically."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.doctrine_annotations import AnnotationError, ClassRef, docblock_annotations
from cnsnt.sources.schemas.doctrine_entities import Naming
from cnsnt.sources.schemas.read_fixes import DEFAULT_NAME
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, discover
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

ATTRIBUTES = """\
<?php

namespace App\\Entity;

use App\\Repository\\MemberRepository;
use Doctrine\\DBAL\\Types\\Types;
use Doctrine\\ORM\\Mapping as ORM;
use Symfony\\Component\\Validator\\Constraints as Assert;

#[ORM\\Entity(repositoryClass: MemberRepository::class)]
#[ORM\\Table(name: 'club_member', options: ['comment' => 'People who joined'])]
class Member
{
    #[ORM\\Id]
    #[ORM\\GeneratedValue]
    #[ORM\\Column]
    private ?int $id = null;

    #[ORM\\Column(type: Types::STRING, length: 180, options: ['comment' => 'Login address'])]
    #[Assert\\Email]
    private ?string $emailAddress = null;

    #[ORM\\Column(name: 'birth', type: 'date', nullable: true)]
    private ?\\DateTimeInterface $birthDate = null;

    #[ORM\\Column]
    private bool $active = true;

    #[ORM\\Column(type: Types::DECIMAL, precision: 10, scale: 2)]
    private ?string $fee = null;

    #[ORM\\ManyToOne(targetEntity: Team::class, inversedBy: 'members')]
    #[ORM\\JoinColumn(name: 'team_ref', referencedColumnName: 'code', nullable: false)]
    private ?Team $team = null;

    #[ORM\\ManyToOne]
    private ?Member $sponsor = null;

    #[ORM\\ManyToMany(targetEntity: Team::class)]
    private $followedTeams;

    #[ORM\\OneToMany(mappedBy: 'member', targetEntity: Visit::class)]
    private $visits;

    #[ORM\\Embedded(class: Address::class)]
    private Address $home;

    private string $notMapped = '';

    public function __construct(
        #[ORM\\Column(length: 20)] private string $phone = '',
    ) {
    }
}

#[ORM\\Entity]
class Team
{
    #[ORM\\Id, ORM\\Column(type: 'string', length: 8)]
    private string $code;

    #[ORM\\OneToOne(targetEntity: Member::class)]
    #[ORM\\JoinColumn(name: 'captain_id')]
    private ?Member $captain = null;
}

#[ORM\\Embeddable]
class Address
{
    #[ORM\\Column(length: 100)]
    private string $street = '';

    #[ORM\\Column(name: 'zip', length: 10)]
    private string $postalCode = '';
}
"""

ANNOTATIONS = """\
<?php

namespace App\\Entity;

use Doctrine\\ORM\\Mapping as ORM;

/**
 * A patient of the clinic (an email@example.org in prose is not an annotation).
 *
 * @ORM\\Entity(repositoryClass="App\\Repository\\PatientRepository")
 * @ORM\\Table(name="patients", options={"comment": "Registered patients"})
 */
class Patient
{
    /**
     * @var int
     * @ORM\\Id
     * @ORM\\Column(type="integer")
     * @ORM\\GeneratedValue(strategy="AUTO")
     */
    private $id;

    /**
     * @ORM\\Column(name="last_name", type="string", length=80, options={"comment"="Family name"})
     */
    private $lastName;

    /** @ORM\\Column(type="text", nullable=true) */
    private $medicalNotes;

    /**
     * @ORM\\ManyToOne(targetEntity="App\\Entity\\Doctor")
     * @ORM\\JoinColumns({
     *   @ORM\\JoinColumn(name="doctor_id", referencedColumnName="id")
     * })
     */
    private $doctor;

    /**
     * @ORM\\ManyToMany(targetEntity="Doctor")
     * @ORM\\JoinTable(name="patient_specialists",
     *   joinColumns={@ORM\\JoinColumn(name="patient", referencedColumnName="id")},
     *   inverseJoinColumns={@ORM\\JoinColumn(name="doctor", referencedColumnName="id")}
     * )
     */
    private $specialists;
}

/**
 * @ORM\\Entity
 */
class Doctor
{
    /** @ORM\\Id @ORM\\Column(type="bigint") */
    private $id;

    /** @ORM\\Column(type="string") */
    private $licenceNumber;
}
"""

INHERITANCE = """\
<?php

namespace App\\Entity;

use Doctrine\\ORM\\Mapping as ORM;

trait Timestamps
{
    #[ORM\\Column(type: 'datetime')]
    private \\DateTime $createdAt;
}

#[ORM\\MappedSuperclass]
abstract class Base
{
    #[ORM\\Id, ORM\\GeneratedValue, ORM\\Column(type: 'integer')]
    protected int $id;
}

#[ORM\\Entity]
#[ORM\\InheritanceType('SINGLE_TABLE')]
#[ORM\\DiscriminatorColumn(name: 'kind', type: 'string', length: 3)]
class Person extends Base
{
    use Timestamps;

    #[ORM\\Column(length: 64)]
    private string $fullName = '';
}

#[ORM\\Entity]
class Student extends Person
{
    #[ORM\\Column(length: 16)]
    private string $taxCode = '';
}

#[ORM\\Entity]
#[ORM\\InheritanceType('JOINED')]
class Document extends Base
{
    #[ORM\\Column(length: 200)]
    private string $title = '';
}

#[ORM\\Entity]
class Passport extends Document
{
    #[ORM\\Column(length: 20)]
    private string $passportNumber = '';
}
"""

UNDERSCORE = "doctrine:\n  orm:\n    naming_strategy: doctrine.orm.naming_strategy.underscore_number_aware\n"


@pytest.fixture
def entities(tmp_path: Path):
    def run(files: dict[str, str], pattern: str = "src/Entity/*.php", fmt: str | None = "doctrine"):
        write_files(tmp_path, files)
        return read_entry(tmp_path, pattern, fmt)

    return run


def test_attributes_with_the_default_naming_strategy(entities):
    ev = entities({"src/Entity/Member.php": ATTRIBUTES})
    assert not ev.problems, ev.problems
    member = table(ev, "club_member")
    assert member.comment == "People who joined"
    assert names(ev, "club_member") == [
        "id", "emailAddress", "birth", "active", "fee", "team_ref", "sponsor_id", "home_street", "home_zip", "phone",
    ]
    assert column(ev, "club_member.id").primary_key
    assert column(ev, "club_member.id").type == "INTEGER"
    assert column(ev, "club_member.emailAddress").type == "VARCHAR(180)"
    assert column(ev, "club_member.emailAddress").comment == "Login address"
    assert column(ev, "club_member.birth").type == "DATE"
    assert column(ev, "club_member.active").type == "BOOLEAN"
    assert column(ev, "club_member.fee").type == "DECIMAL(10,2)"
    assert column(ev, "club_member.phone").type == "VARCHAR(20)"
    # a join column has the type of the column it references
    assert column(ev, "club_member.team_ref").type == "VARCHAR(8)"
    assert column(ev, "club_member.sponsor_id").type == "INTEGER"
    assert column(ev, "club_member.home_zip").type == "VARCHAR(10)"
    assert set(member.foreign_keys) == {
        ForeignKey(("team_ref",), "Team", ("code",)),
        ForeignKey(("sponsor_id",), "club_member", ("id",)),
    }
    # the owning side of a ManyToMany is a join table: lower-cased class names by default
    link = table(ev, "member_team")
    assert names(ev, "member_team") == ["member_id", "team_id"]  # Doctrine's default: `id`
    assert ForeignKey(("member_id",), "club_member", ("id",)) in link.foreign_keys
    assert table(ev, "Team").foreign_keys == (ForeignKey(("captain_id",), "club_member", ("id",)),)
    assert [t.name for t in ev.tables if t.name == "Address"] == []  # an embeddable is no table
    assert where(member) == ("src/Entity/Member.php", 12)
    assert where(column(ev, "club_member.emailAddress")) == ("src/Entity/Member.php", 21)
    assert column(ev, "club_member.emailAddress").location.column == 21


def test_the_underscore_strategy_of_the_project_config(entities):
    ev = entities({"src/Entity/Member.php": ATTRIBUTES, "config/packages/doctrine.yaml": UNDERSCORE})
    assert not ev.problems, ev.problems
    assert "email_address" in names(ev, "club_member")
    assert "birth" in names(ev, "club_member")  # an explicit name stays as written
    assert column(ev, "club_member.email_address").type == "VARCHAR(180)"
    assert table(ev, "team").name == "team"
    assert names(ev, "member_team") == ["member_id", "team_id"]


def test_naming_strategies_name_like_doctrine():
    assert Naming("underscore_number_aware").table("Address2Line") == "address2_line"
    assert Naming("underscore").table("Address2Line") == "address2line"
    assert Naming().join_table("BlogPost", "Tag") == "blogpost_tag"
    assert Naming("underscore").join_column("mainAuthor") == "main_author_id"


def test_docblock_annotations(entities):
    ev = entities({"src/Entity/Patient.php": ANNOTATIONS})
    assert not ev.problems, ev.problems
    assert table(ev, "patients").comment == "Registered patients"
    assert names(ev, "patients") == ["id", "last_name", "medicalNotes", "doctor_id"]
    assert column(ev, "patients.last_name").type == "VARCHAR(80)"
    assert column(ev, "patients.last_name").comment == "Family name"
    assert column(ev, "patients.medicalNotes").type == "TEXT"
    assert column(ev, "patients.doctor_id").type == "BIGINT"
    assert table(ev, "patients").foreign_keys == (ForeignKey(("doctor_id",), "Doctor", ("id",)),)
    assert names(ev, "patient_specialists") == ["patient", "doctor"]
    assert set(table(ev, "patient_specialists").foreign_keys) == {
        ForeignKey(("patient",), "patients", ("id",)),
        ForeignKey(("doctor",), "Doctor", ("id",)),
    }
    assert names(ev, "Doctor") == ["id", "licenceNumber"]
    assert column(ev, "Doctor.licenceNumber").type == "VARCHAR(255)"
    assert where(column(ev, "patients.last_name")) == ("src/Entity/Patient.php", 26)


def test_the_annotation_mini_language():
    text = '/** @ORM\\Column(name="a""b", length=3, options={"x": true, "y"=null}) @ORM\\Id\n * @Assert\\Foo(( */'
    column_, id_ = docblock_annotations(text)
    assert column_.name == "Column"
    assert column_.args == {"name": 'a"b', "length": 3, "options": {"x": True, "y": None}}
    assert id_.name == "Id" and id_.args == {}
    (target,) = docblock_annotations('/** @ORM\\ManyToOne(targetEntity=User::class) */')
    assert target.get("targetEntity") == ClassRef("User")
    with pytest.raises(AnnotationError) as broken:
        docblock_annotations('/** @ORM\\Column(type="string", length=) */')
    assert broken.value.offset == len('/** @ORM\\Column(type="string", length=')
    unclosed = '/**\n * @ORM\\Table(name="t"\n */'
    with pytest.raises(AnnotationError) as missing:
        docblock_annotations(unclosed)
    assert missing.value.message == "missing ')'"
    assert unclosed[missing.value.offset :] == "*/"


def test_inheritance_mapped_superclass_traits_single_table_and_joined(entities):
    ev = entities({"src/Entity/People.php": INHERITANCE}, fmt=None)
    assert not ev.problems, ev.problems
    assert sorted(t.name for t in ev.tables) == ["Document", "Passport", "Person"]
    # SINGLE_TABLE: the subclass's columns are in the root's table, with the discriminator
    assert names(ev, "Person") == ["id", "fullName", "createdAt", "kind", "taxCode"]
    assert column(ev, "Person.kind").type == "VARCHAR(3)"
    assert column(ev, "Person.createdAt").type == "DATETIME"
    # JOINED: a table of its own, keyed by the root's key
    assert names(ev, "Passport") == ["id", "passportNumber"]
    assert column(ev, "Passport.id").primary_key
    assert table(ev, "Passport").foreign_keys == (ForeignKey(("id",), "Document", ("id",)),)
    assert names(ev, "Document") == ["id", "title", "dtype"]


def test_relations_and_parents_across_files(entities):
    base = INHERITANCE.split("#[ORM\\Entity]")[0]
    child = (
        "<?php\nuse Doctrine\\ORM\\Mapping as ORM;\n\n#[ORM\\Entity]\nclass Visit extends Base\n{\n"
        "    #[ORM\\ManyToOne(targetEntity: Person::class)]\n    private $person;\n}\n"
    )
    ev = entities({"src/Entity/Base.php": base, "src/Entity/Visit.php": child})
    assert names(ev, "Visit") == ["id", "person_id"]
    assert column(ev, "Visit.id").location.path == "src/Entity/Base.php"
    assert table(ev, "Visit").foreign_keys == (ForeignKey(("person_id",), "Person", ("id",)),)


def test_broken_annotation_is_cn001_at_its_place_and_the_rest_is_read(entities):
    broken = ANNOTATIONS.replace('length=80, options', 'length=80 options')
    ev = entities({"src/Entity/Patient.php": broken})
    (problem,) = ev.problems
    assert problem.severity is None or problem.severity == Severity.ERROR
    assert "Doctrine annotation" in problem.message
    assert (problem.location.path, problem.location.line) == ("src/Entity/Patient.php", 24)
    assert problem.location.column == broken.splitlines()[23].index("options") + 1
    assert "last_name" not in names(ev, "patients")
    assert "medicalNotes" in names(ev, "patients")


def test_php_syntax_error_is_cn001_and_other_files_are_read(entities):
    bad = ATTRIBUTES.replace("private bool $active = true;", "private bool $active = ;")
    ev = entities({"src/Entity/Member.php": bad, "src/Entity/Patient.php": ANNOTATIONS})
    problems = [p for p in ev.problems if "PHP syntax error" in p.message]
    assert len(problems) == 1
    assert problems[0].location.path == "src/Entity/Member.php"
    assert problems[0].location.line == 27
    assert "patients" in [t.name for t in ev.tables]
    assert "club_member" in [t.name for t in ev.tables]  # tree-sitter recovers around the error


def test_a_folder_without_entities_warns(entities):
    ev = entities({"src/Entity/Thing.php": "<?php\ninterface Thing {}\n"})
    (problem,) = ev.problems
    assert problem.severity == Severity.WARNING
    assert "no Doctrine entity" in problem.message


def test_php_files_are_doctrine_without_a_format(tmp_path: Path):
    assert detect(tmp_path / "User.php") == "doctrine"


def test_init_proposes_entity_folders_once(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "src/Entity/Member.php": ATTRIBUTES,
            "src/Entity/Sub/Patient.php": ANNOTATIONS,
            "src/Entity/MemberInterface.php": "<?php\ninterface MemberInterface {}\n",
            "src/Repository/MemberRepository.php": (
                "<?php\nuse Doctrine\\ORM\\EntityRepository;\nclass MemberRepository extends EntityRepository {}\n"
            ),
            "config/packages/doctrine.yaml": UNDERSCORE,
        },
    )
    assert discover(tmp_path) == [Found("schemas", "src/Entity/**/*.php", format="doctrine")]


def test_init_joins_module_folders_in_one_glob(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "modules/Client/Entity/Member.php": ATTRIBUTES,
            "modules/Clinic/Entity/Patient.php": ANNOTATIONS,
        },
    )
    assert discover(tmp_path) == [Found("schemas", "modules/*/Entity/*.php", format="doctrine")]
    ev = read_entry(tmp_path, "modules/*/Entity/*.php", "doctrine")
    assert {"club_member", "patients"} <= {t.name for t in ev.tables}


def test_init_spells_the_glob_as_the_entity_files_spell_their_suffix(tmp_path: Path):
    """The audit matches globs case-sensitively: `*.php` would read no `Member.PHP`."""
    write_files(tmp_path, {"src/Entity/Member.PHP": ATTRIBUTES})
    assert discover(tmp_path) == [Found("schemas", "src/Entity/*.PHP", format="doctrine")]
    write_files(tmp_path, {"src/Entity/Patient.php": ANNOTATIONS})
    assert discover(tmp_path) == [Found("schemas", "src/Entity/*.[pP][hH][pP]", format="doctrine")]
    ev = read_entry(tmp_path, "src/Entity/*.[pP][hH][pP]", "doctrine")
    assert {"club_member", "patients"} <= {t.name for t in ev.tables}


PIECES = [
    "<?php\n", "use Doctrine\\ORM\\Mapping as ORM;\n", "#[ORM\\Entity]\n", "#[ORM\\Table(name: 't')]\n",
    "class A ", "class B extends A ", "trait T ", "{\n", "}\n", "use T;\n", "#[ORM\\Column(", "#[ORM\\Id]",
    "#[ORM\\ManyToOne(targetEntity: B::class)]", "#[ORM\\ManyToMany(targetEntity: 'A')]",
    "#[ORM\\JoinColumn(name: 'x')]", "#[ORM\\Embedded(class: A::class)]", "#[ORM\\Embeddable]",
    "#[ORM\\MappedSuperclass]", "#[ORM\\InheritanceType('JOINED')]", "#[ORM\\InheritanceType('SINGLE_TABLE')]",
    "type: Types::STRING", "length: 3", "options: ['comment' => 'c']", "new ORM\\JoinColumn(", ")]\n",
    "private ?int $id;\n", "private $b;\n", "/** @ORM\\Column(type=\"string\", length=3) */\n",
    "/** @ORM\\JoinColumns({@ORM\\JoinColumn(name=\"u\")}) */\n", "/** @ORM\\Table(name=\"", "\"", "{", "}",
    "(", ")", "[", "]", ",", "=", ":", "@ORM\\Id", "*/", "/**", " ", "\n",
]


@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_gives_evidence_or_located_problems(tmp_path: Path, text: str):
    """Whatever the file holds, the reader returns; every problem has a place in the file."""
    (tmp_path / "E.php").write_text(text, encoding="utf-8", errors="surrogatepass")
    ev = read_entry(tmp_path, "E.php", "doctrine")
    for problem in ev.problems:
        assert "internal error" not in problem.message, problem.message
        assert problem.location.path == "E.php"
        if "syntax error" in problem.message or "annotation" in problem.message:
            assert problem.location.line is not None and problem.location.column is not None


def test_self_references_and_table_positional_name(entities):
    php = (
        "<?php\nuse Doctrine\\ORM\\Mapping as ORM;\n\n#[ORM\\Entity, ORM\\Table('staff')]\nclass Employee\n{\n"
        "    #[ORM\\Id, ORM\\Column(type: 'guid')]\n    private string $uid;\n"
        "    #[ORM\\ManyToOne(targetEntity: self::class)]\n"
        "    #[ORM\\JoinColumn(referencedColumnName: 'uid')]\n    private $manager;\n}\n"
    )
    ev = entities({"src/Entity/Employee.php": php})
    assert names(ev, "staff") == ["uid", "manager_uid"]
    assert column(ev, "staff.manager_uid").type == "UUID"
    assert table(ev, "staff").foreign_keys == (ForeignKey(("manager_uid",), "staff", ("uid",)),)


ORM_YML = """\
App\\Entity\\Customer:
    type: entity
    table: customers
    options:
        comment: Shop customers
    id:
        id:
            type: integer
            generator: {strategy: AUTO}
    fields:
        emailAddress:
            type: string
            length: 120
            options: {comment: Where receipts go}
        birthDate:
            type: date
            column: birth_date
    manyToOne:
        country:
            targetEntity: App\\Entity\\Country
            joinColumn: {name: country_code, referencedColumnName: code}
    manyToMany:
        groups:
            targetEntity: Group
            joinTable:
                name: customer_groups
                joinColumns: {customer_id: {referencedColumnName: id}}
                inverseJoinColumns: {group_id: {referencedColumnName: id}}
"""
COUNTRY_YML = "App\\Entity\\Country:\n    type: entity\n    id:\n        code: {type: string, length: 2}\n"


def test_yaml_mapping_files(entities):
    ev = entities(
        {"config/doctrine/Customer.orm.yml": ORM_YML, "config/doctrine/Country.orm.yml": COUNTRY_YML},
        "config/doctrine/*.orm.yml",
    )
    assert not ev.problems, ev.problems
    assert table(ev, "customers").comment == "Shop customers"
    assert names(ev, "customers") == ["id", "emailAddress", "birth_date", "country_code"]
    assert column(ev, "customers.id").primary_key
    assert column(ev, "customers.emailAddress").type == "VARCHAR(120)"
    assert column(ev, "customers.emailAddress").comment == "Where receipts go"
    assert column(ev, "customers.country_code").type == "VARCHAR(2)"
    assert table(ev, "customers").foreign_keys == (ForeignKey(("country_code",), "Country", ("code",)),)
    assert names(ev, "customer_groups") == ["customer_id", "group_id"]
    assert where(column(ev, "customers.birth_date")) == ("config/doctrine/Customer.orm.yml", 15)


def test_broken_yaml_mapping_is_cn001(entities):
    ev = entities(
        {"config/doctrine/Customer.orm.yml": ORM_YML.replace("length: 120", "length: [120"),
         "config/doctrine/Country.orm.yml": COUNTRY_YML},
        "config/doctrine/*.orm.yml",
    )
    (problem,) = ev.problems
    assert problem.location.path == "config/doctrine/Customer.orm.yml"
    assert problem.location.line is not None and problem.location.line >= 14
    assert "YAML" in problem.message
    assert [t.name for t in ev.tables] == ["Country"]


def test_init_prefers_a_bundles_yaml_mapping_to_stray_annotations(tmp_path: Path):
    stray = "<?php\nuse Doctrine\\ORM\\Mapping as ORM;\nclass Customer\n{\n    /** @ORM\\Column */\n    private $x;\n}\n"
    write_files(
        tmp_path,
        {
            "src/ShopBundle/Entity/Customer.php": stray,
            "src/ShopBundle/Resources/config/doctrine/Customer.orm.yml": ORM_YML,
        },
    )
    assert discover(tmp_path) == [
        Found("schemas", "src/ShopBundle/Resources/config/doctrine/*.orm.yml", format="doctrine")
    ]


ORM_XML = """\
<?xml version="1.0" encoding="utf-8"?>
<doctrine-mapping xmlns="http://doctrine-project.org/schemas/orm/doctrine-mapping">
    <mapped-superclass name="Acme\\ContactBundle\\Entity\\Contact" table="acme_contacts">
        <options><option name="comment">Address book</option></options>
        <id name="id" type="integer"><generator strategy="AUTO"/></id>
        <field name="firstName" type="string" length="60">
            <options><option name="comment">Given name</option></options>
        </field>
        <field name="birthday" type="date" column="born_on" nullable="true"/>
        <many-to-one field="company" target-entity="Acme\\ContactBundle\\Entity\\CompanyInterface">
            <join-column name="company_id" referenced-column-name="id" on-delete="SET NULL"/>
        </many-to-one>
        <many-to-many field="tags" target-entity="Tag">
            <join-table name="acme_contact_tags">
                <join-columns><join-column name="contact_id" referenced-column-name="id"/></join-columns>
                <inverse-join-columns><join-column name="tag_id" referenced-column-name="id"/></inverse-join-columns>
            </join-table>
        </many-to-many>
        <embedded name="address" class="Address" column-prefix="addr_"/>
    </mapped-superclass>
    <entity name="Acme\\ContactBundle\\Entity\\Company" table="acme_companies">
        <id name="id" type="bigint"/>
    </entity>
    <embeddable name="Address">
        <field name="city" type="string" length="80"/>
    </embeddable>
</doctrine-mapping>
"""


def test_xml_mapping_and_a_mapped_superclass_that_names_its_table(entities):
    ev = entities({"Resources/config/doctrine/Contact.orm.xml": ORM_XML}, "Resources/config/doctrine/*.orm.xml")
    assert not ev.problems, ev.problems
    assert table(ev, "acme_contacts").comment == "Address book"
    assert names(ev, "acme_contacts") == ["id", "firstName", "born_on", "company_id", "addr_city"]
    assert column(ev, "acme_contacts.firstName").comment == "Given name"
    assert column(ev, "acme_contacts.firstName").type == "VARCHAR(60)"
    assert column(ev, "acme_contacts.company_id").type == "BIGINT"  # CompanyInterface is Company
    assert table(ev, "acme_contacts").foreign_keys == (ForeignKey(("company_id",), "acme_companies", ("id",)),)
    assert names(ev, "acme_contact_tags") == ["contact_id", "tag_id"]
    assert where(column(ev, "acme_contacts.born_on")) == ("Resources/config/doctrine/Contact.orm.xml", 9)


def test_xml_with_a_dtd_or_broken_markup_is_cn001(entities):
    bomb = '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaa">]>\n<doctrine-mapping>&a;</doctrine-mapping>\n'
    broken = ORM_XML.replace("</field>", "</feld>", 1)
    ev = entities(
        {"m/Bomb.orm.xml": bomb, "m/Contact.orm.xml": broken, "m/Company.orm.xml": ORM_XML}, "m/*.orm.xml"
    )
    by_file = {p.location.path: p for p in ev.problems}
    assert set(by_file) == {"m/Bomb.orm.xml", "m/Contact.orm.xml"}
    assert "document type declaration" in by_file["m/Bomb.orm.xml"].message
    assert by_file["m/Bomb.orm.xml"].location.line == 2
    assert "XML syntax error" in by_file["m/Contact.orm.xml"].message
    assert by_file["m/Contact.orm.xml"].location.line == 8
    assert "acme_contacts" in [t.name for t in ev.tables]  # from the good file


def test_init_reads_entities_not_the_sql_migrations_that_build_them(tmp_path: Path):
    sql = "CREATE TABLE club_member (id INT PRIMARY KEY, email VARCHAR(180));\n"
    write_files(
        tmp_path,
        {
            "src/Entity/Member.php": ATTRIBUTES,
            "migrations/sql/v1__init.sql": sql,
            "migrations/sql/v2__more.sql": "ALTER TABLE club_member ADD phone VARCHAR(20);\n",
        },
    )
    assert discover(tmp_path) == [Found("schemas", "src/Entity/*.php", format="doctrine")]
    (tmp_path / "src" / "Entity" / "Member.php").unlink()
    assert [f.format for f in discover(tmp_path)] == ["migrations"]  # without entities they are the schema


def test_class_constants_are_read_and_computed_names_warn(entities):
    php = (
        "<?php\nuse Doctrine\\ORM\\Mapping as ORM;\n\n#[ORM\\Entity, ORM\\Table(name: self::TABLE)]\nclass Guest\n{\n"
        "    public const TABLE = 'hotel_guest';\n"
        "    #[ORM\\Id, ORM\\Column(type: 'integer')]\n    private int $id;\n"
        "    #[ORM\\Column(name: Guest::PREFIX . 'mail')]\n    private string $mail;\n"
        "    private const PREFIX = 'g_';\n}\n"
    )
    ev = entities({"src/Entity/Guest.php": php})
    assert [t.name for t in ev.tables] == ["hotel_guest"]
    assert names(ev, "hotel_guest") == ["id", "mail"]
    (problem,) = ev.problems
    assert problem.severity == Severity.WARNING
    assert "computed value" in problem.message and "`mail`" in problem.message
    assert problem.fix == DEFAULT_NAME  # read and audited under that name
    assert (problem.location.line, problem.location.column) == (11, 20)


def test_fos_user_bundle_base_fields_come_with_the_user(entities):
    php = (
        "<?php\nnamespace AppBundle\\Entity;\n\nuse Doctrine\\ORM\\Mapping as ORM;\n"
        "use FOS\\UserBundle\\Model\\User as BaseUser;\n\n"
        "/**\n * @ORM\\Entity\n * @ORM\\Table(name=\"fos_user\")\n */\nclass User extends BaseUser\n{\n"
        "    /** @ORM\\Id @ORM\\Column(type=\"integer\") */\n    protected $id;\n\n"
        "    /** @ORM\\Column(type=\"string\", length=20, nullable=true) */\n    protected $phone;\n}\n"
    )
    ev = entities({"src/AppBundle/Entity/User.php": php}, "src/AppBundle/Entity/*.php")
    assert not ev.problems, ev.problems
    got = names(ev, "fos_user")
    assert got[:3] == ["username", "username_canonical", "email"] and got[-2:] == ["id", "phone"]
    assert column(ev, "fos_user.email").type == "VARCHAR(180)"
    assert column(ev, "fos_user.last_login").type == "DATETIME"
    assert where(column(ev, "fos_user.email")) == ("src/AppBundle/Entity/User.php", 11)
    # a parent of the same short name from elsewhere gives nothing
    other = php.replace("use FOS\\UserBundle\\Model\\User as BaseUser;", "use Acme\\Model\\User as BaseUser;")
    ev = entities({"src/AppBundle/Entity/User.php": other}, "src/AppBundle/Entity/*.php")
    assert names(ev, "fos_user") == ["id", "phone"]


def test_a_parse_given_up_is_cn001_and_the_mapping_files_still_read(entities, monkeypatch):
    """A PHP file the grammar does not finish (a budget of nothing) is a CN001, never a hang."""
    from cnsnt.sources.schemas import grammars

    monkeypatch.setattr(grammars, "PARSE_SECONDS", -1.0)
    ev = entities({"src/Entity/Member.php": ATTRIBUTES})
    [problem] = ev.problems
    assert problem.location.path == "src/Entity/Member.php"
    assert "the parser gave up on this file" in problem.message
