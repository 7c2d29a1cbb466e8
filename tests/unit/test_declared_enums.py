"""An enum's values declared apart from its column reach the column's type (`enum('a','b') /* T */`).

The classifier reads an enum's values in one shape only, MySQL's inline `enum('a','b')`;
each reader that knows an enum declared apart (PostgreSQL's `CREATE TYPE ... AS ENUM`,
Django's `choices=`, TypeORM's `enum:`, Sequelize's `values:`, SQLAlchemy's `Enum(...)`)
gives it in that shape, keeping the enum's own name after it.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.model import Confidence, Severity
from cnsnt.sql.ddl import parse_ddl
from tests.unit.schema_entry import column, read_entry, write_files

ADMISSIONS = """\
CREATE TYPE admission_status AS ENUM ('admitted', 'discharged', 'deceased');
CREATE TYPE "public"."Ward" AS ENUM ('cardiology', 'it''s');
CREATE TYPE address AS (street text, city text);
CREATE TABLE admissions (
  id serial PRIMARY KEY,
  status admission_status NOT NULL DEFAULT 'admitted',
  ward public."Ward",
  history admission_status[],
  home address
);
ALTER TYPE admission_status ADD VALUE IF NOT EXISTS 'transferred' AFTER 'admitted';
ALTER TYPE admission_status RENAME VALUE 'deceased' TO 'died';
"""


def types(sql: str, dialect: str = "postgres") -> dict[str, str | None]:
    (table,) = parse_ddl(sql, dialect).tables
    return {c.name: c.type for c in table.columns}


def test_a_postgres_enum_type_gives_its_columns_its_values_and_later_changes():
    result = parse_ddl(ADMISSIONS, "postgres")
    assert result.problems == ()
    (table,) = result.tables
    assert {c.name: c.type for c in table.columns} == {
        "id": "SERIAL",
        "status": "enum('admitted','transferred','discharged','died') /* admission_status */",
        "ward": "enum('cardiology','it''s') /* Ward */",
        "history": "admission_status[]",  # several values: no one state
        "home": "address",  # a composite type has no values
    }


def test_an_enum_of_values_cnsnt_cannot_read_leaves_the_type_as_it_was():
    assert types("CREATE TYPE t AS ENUM (E'a\\n', 'b'); CREATE TABLE x (c t);") == {"c": "t"}
    assert types("CREATE TYPE t AS ENUM (); CREATE TABLE x (c t);") == {"c": "t"}


def test_enum_types_are_keyed_by_schema_and_name_as_postgres_folds_them():
    # CR27 F3: `b.marital` overwrote `a.marital`, and `"Gender"` typed a `gender` column
    sql = """\
CREATE TYPE a.marital AS ENUM ('single', 'married', 'widowed');
CREATE TYPE b.marital AS ENUM ('single', 'double', 'twin');
CREATE TYPE "Gender" AS ENUM ('f', 'm');
CREATE TYPE Mood AS ENUM ('sad', 'ok');
CREATE TYPE c.room AS ENUM ('ward', 'icu');
ALTER TYPE b.marital ADD VALUE 'suite';
ALTER TYPE c.room SET SCHEMA d;
CREATE TABLE patients (
  ms a.marital, bed "b".marital, which marital, g gender, g2 "Gender", g3 public."Gender",
  m MOOD, m2 "Mood", r d.room, r2 room
);
"""
    assert types(sql) == {
        "ms": "enum('single','married','widowed') /* marital */",
        "bed": "enum('single','double','twin','suite') /* marital */",
        "which": "marital",  # declared in two schemas, neither `public`: none is guessed
        "g": "gender",  # unquoted folds to `gender`, which no statement declares
        "g2": "enum('f','m') /* Gender */",
        "g3": "enum('f','m') /* Gender */",
        "m": "enum('sad','ok') /* Mood */",  # both unquoted: both `mood`
        "m2": '"Mood"',
        "r": "enum('ward','icu') /* room */",
        "r2": "enum('ward','icu') /* room */",  # one schema declares it: the file's search_path
    }


def test_an_array_of_an_enum_is_left_as_written_in_either_spelling():
    # CR27 F9: `mood ARRAY` (sqlglot drops the word when the list does not parse whole) was one value
    sql = "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE t (e mood ARRAY, k mood[], n int ARRAY, s mood);\n"
    assert types(sql) == {"e": "mood[]", "k": "mood[]", "n": "INT[]", "s": "enum('sad','ok') /* mood */"}


def test_oracle_object_types_are_still_plsql_units():
    sql = "CREATE TYPE person_t AS OBJECT (name VARCHAR2(30));\n/\nCREATE TABLE x (c person_t);\n"
    result = parse_ddl(sql, "oracle")
    assert [c.type for t in result.tables for c in t.columns] == ["person_t"]
    assert [p for p in result.problems if not p.info] == []


def test_the_ddl_reader_and_a_migrations_history_type_columns_by_enum_values(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "schema.sql": ADMISSIONS,
            "m/V1__types.sql": "CREATE TYPE sex AS ENUM ('female', 'male');\n",
            "m/V2__people.sql": "CREATE TABLE people (id int PRIMARY KEY, sex sex);\n",
            "m/V3__more.sql": "ALTER TYPE sex ADD VALUE 'other';\n",
        },
    )
    ev = read_entry(tmp_path, "schema.sql")
    assert column(ev, "admissions.status").type.startswith("enum('admitted',")
    ev = read_entry(tmp_path, "m/*.sql")
    assert column(ev, "people.sex").type == "enum('female','male','other') /* sex */"
    assert all(p.severity is not Severity.ERROR for p in ev.problems)


DJANGO = """\
from django.db import models
from .elsewhere import COMPUTED

MARITAL = [("single", "Single"), ("married", "Married"), ("widowed", "Widowed")]


class BloodGroup(models.TextChoices):
    A_POS = "A+", "A positive"
    O_NEG = "0-"


class Civil(models.IntegerChoices):
    SINGLE = 1, "Single"
    MARRIED = 2


class Patient(models.Model):
    SEXES = ((None, "---"), ("f", "Female"), ("m", "Male"))
    civil = models.CharField(max_length=10, choices=MARITAL)
    blood = models.CharField(max_length=3, choices=BloodGroup.choices)
    civil_code = models.IntegerField(choices=Civil)
    sex = models.CharField(max_length=1, choices=SEXES)
    media = models.CharField(max_length=9, choices=[("Audio", (("vinyl", "Vinyl"), ("cd", "CD")))])
    other = models.CharField(max_length=9, choices=COMPUTED)
    built = models.CharField(max_length=9, choices=[(c, c) for c in "ab"])
"""


def test_django_choices_type_a_column_by_their_values(tmp_path: Path):
    write_files(tmp_path, {"clinic/models.py": DJANGO})
    ev = read_entry(tmp_path, "clinic/models.py")
    types = {c.name: c.type for t in ev.tables for c in t.columns}
    assert types["civil"] == "enum('single','married','widowed') /* MARITAL */"
    # a code (`"A+"`, `"f"`) counts by its label, else by its member's name
    assert types["blood"] == "enum('A positive','O_NEG') /* BloodGroup */"
    assert types["civil_code"] == "enum('Single','MARRIED') /* Civil */"  # a label, else the member
    assert types["sex"] == "enum('Female','Male') /* SEXES */"  # the blank choice says nothing
    assert types["media"] == "enum('vinyl','CD')"
    assert types["other"] == "VARCHAR(9)"  # imported: not known
    assert types["built"] == "VARCHAR(9)"  # computed: not known
    assert ev.problems == []


CODES = """\
from django.db import models

MARITAL = [("S", "Single"), ("M", "Married"), ("W", "Widowed")]


class Gender(models.TextChoices):
    MALE = "M", "Male"
    FEMALE = "F", "Female"
    NON_BINARY = "X"


class Person(models.Model):
    full_name = models.CharField(max_length=100)
    ms = models.CharField(max_length=1, choices=MARITAL)
    g = models.CharField(max_length=1, choices=Gender.choices)
    MARITAL = [("a", "Room A"), ("b", "Room B")]
    ward = models.CharField(max_length=1, choices=MARITAL)
    before = models.CharField(max_length=1, choices=LATER)


LATER = [("x", "X-ray"), ("y", "Yoga")]
"""


def test_django_choices_stored_as_codes_count_by_their_labels(tmp_path: Path):
    # CR27 F5: the most common idiom (`("M", "Male")`) typed the column by its codes, which say nothing
    write_files(tmp_path, {"app/models.py": CODES})
    ev = read_entry(tmp_path, "app/models.py")
    types = {c.name: c.type for t in ev.tables for c in t.columns}
    assert types["g"] == "enum('Male','Female','NON_BINARY') /* Gender */"  # no label: the member's name
    got = classify_tables(ev.tables)
    assert (got["app_person.ms"].category, got["app_person.g"].category) == (
        "user.demographic.marital_status",
        "user.demographic.gender",
    )


def test_django_choices_name_is_looked_up_as_python_runs_the_class(tmp_path: Path):
    # CR27 F7: a class constant assigned after a field shadowed the module's, which Python gives it
    write_files(tmp_path, {"app/models.py": CODES})
    types = {c.name: c.type for t in read_entry(tmp_path, "app/models.py").tables for c in t.columns}
    assert types["ms"] == "enum('Single','Married','Widowed') /* MARITAL */"
    assert types["ward"] == "enum('Room A','Room B') /* MARITAL */"  # the class's, assigned before it
    assert types["before"] == "VARCHAR(1)"  # assigned after the class: not bound when it runs


def test_django_migrations_choices_type_the_column(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "clinic/migrations/0001_initial.py": """\
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    operations = [
        migrations.CreateModel(
            name="Patient",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("kind", models.CharField(max_length=9, choices=[("single", "Single"), ("married", "Married")])),
            ],
        ),
    ]
""",
        },
    )
    ev = read_entry(tmp_path, "clinic/migrations/*.py")
    assert column(ev, "clinic_patient.kind").type == "enum('single','married')"


TYPEORM = """\
import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';

export enum MaritalStatus { Single = 'single', Married = 'married' }
enum Sex { Male, Female }

@Entity('patients')
export class Patient {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'enum', enum: MaritalStatus, enumName: 'marital_status' }) civil: MaritalStatus;
  @Column({ type: 'enum', enum: Sex }) sex: Sex;
  @Column({ type: 'simple-enum', enum: ['A+', '0-'] }) blood: string;
  @Column('enum', { enum: Object.values(MaritalStatus) }) again: string;
  @Column({ type: 'enum', enum: groups() }) computed: string;
}
"""


def test_typeorm_enum_columns_are_typed_by_their_values(tmp_path: Path):
    write_files(tmp_path, {"src/patient.entity.ts": TYPEORM})
    ev = read_entry(tmp_path, "src/*.ts")
    types = {c.name: c.type for t in ev.tables for c in t.columns}
    assert types["civil"] == "enum('single','married') /* marital_status */"
    assert types["sex"] == "enum('Male','Female') /* Sex */"  # numbers say nothing: the names
    assert types["blood"] == "enum('A+','0-')"
    assert types["again"] == "enum('single','married') /* MaritalStatus */"
    assert types["computed"] == "enum"
    assert all(p.severity is Severity.WARNING for p in ev.problems)


def test_sequelize_values_option_types_an_enum(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "models/patient.js": """\
const { DataTypes } = require('sequelize');
module.exports = (sequelize) => sequelize.define('Patient', {
  civil: { type: DataTypes.ENUM, values: ['single', 'married'] },
  blood: { type: DataTypes.ENUM, values: computeGroups() },
}, { tableName: 'patients' });
""",
        },
    )
    ev = read_entry(tmp_path, "models/*.js")
    assert column(ev, "patients.civil").type == "enum('single','married')"
    assert column(ev, "patients.blood").type == "ENUM"


def test_sqlalchemy_enum_of_strings_is_typed_by_its_values(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "models.py": """\
from sqlalchemy import Column, Enum, Integer
from sqlalchemy.orm import declarative_base
Base = declarative_base()


class Patient(Base):
    __tablename__ = "patients"
    id = Column(Integer, primary_key=True)
    blood = Column(Enum("A+", "0-", name="blood_group"))
    civil = Column(Enum(Civil))
""",
        },
    )
    ev = read_entry(tmp_path, "models.py", "sqlalchemy")
    assert column(ev, "patients.blood").type == "enum('A+','0-') /* blood_group */"
    assert column(ev, "patients.civil").type == "VARCHAR"  # a Python enum: not read


# -- the classifier: declared values name what a column holds, whatever its name

PEOPLE = """\
CREATE TYPE marital AS ENUM ('Single', 'MARRIED', 'widowed', 'other');
CREATE TYPE blood AS ENUM ('A+', 'A-', '0+', '0-', 'AB+', 'unknown');
CREATE TYPE sexo AS ENUM ('Masculino', 'Femenino');
CREATE TYPE room AS ENUM ('single', 'double');
CREATE TYPE one AS ENUM ('married', 'other');
CREATE TYPE estado AS ENUM ('Casado/a', 'Soltero/a', 'Viudo(a)');
CREATE TABLE clientes (id serial PRIMARY KEY, nome text, email text, situacao marital,
  tipo blood, kind sexo, quarto room, flag one, estado estado);
CREATE TABLE estados_civis (id serial PRIMARY KEY, descricao marital);
"""


def test_an_enum_whose_values_are_one_categorys_names_that_category(tmp_path: Path) -> None:
    write_files(tmp_path, {"schema.sql": PEOPLE})
    got = classify_tables(read_entry(tmp_path, "schema.sql").tables)
    civil = got["clientes.situacao"]
    assert (civil.personal, civil.category, civil.confidence) == (
        True,
        "user.demographic.marital_status",
        Confidence.MEDIUM,
    )
    assert civil.reason == "its declared values ('MARRIED', 'Single', 'widowed') are values of marital status"
    assert (got["clientes.tipo"].category, got["clientes.kind"].category) == (
        "user.health",  # a blood group is data concerning health (Art. 9)
        "user.demographic.gender",
    )
    assert "'0-'" in got["clientes.tipo"].reason
    assert got["clientes.estado"].category == "user.demographic.marital_status"  # `/a`: the other gender
    assert got["clientes.quarto"].category != "user.demographic.marital_status"  # a room: `double`
    assert got["clientes.flag"].category != "user.demographic.marital_status"  # one value only
    assert not got["estados_civis.descricao"].personal  # a list of values, about no one
