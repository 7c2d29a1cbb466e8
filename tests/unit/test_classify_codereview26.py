"""codereview26 F4, F5, F8, F9: rules of the classifier that caught more than they were for.

Schemas written for these tests after the review's reproductions (a clinic's lab tests,
a register of companies, a Spanish register of patients, an order's lines), read through
the SQL reader as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.classify.tables import ORGANISATION
from cnsnt.model import Confidence
from tests.unit.schema_entry import read_entry, write_files
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- F4: only a place is numbered by its own name, not a test or a prescription


def test_a_record_numbered_by_its_own_name_is_still_part_of_a_care_record(tmp_path: Path) -> None:
    """`lab_tests.test_number` numbers a test a consultation points at: its result is health data."""
    ddl = """
    CREATE TABLE patients (id INT PRIMARY KEY, name TEXT, birth_date DATE);
    CREATE TABLE lab_tests (id INT PRIMARY KEY, test_number TEXT, result TEXT, taken_on DATE);
    CREATE TABLE prescriptions (id INT PRIMARY KEY, prescription_number TEXT, issued_on DATE);
    CREATE TABLE rooms (id INT PRIMARY KEY, room_number TEXT, floor TEXT);
    CREATE TABLE consultations (id INT PRIMARY KEY, patient_id INT REFERENCES patients(id),
      lab_test_id INT REFERENCES lab_tests(id), prescription_id INT REFERENCES prescriptions(id),
      room_id INT REFERENCES rooms(id), diagnosis TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("lab_tests.result", "lab_tests.taken_on", "prescriptions.issued_on"):
        assert got[key].category == "user.health", (key, got[key].reason)
    # a room is there before anyone is seen in it
    for key in ("rooms.room_number", "rooms.floor"):
        assert not got[key].personal, (key, got[key].reason)


# -- F5: a row's own kind and number are no Rails polymorphic owner


def test_a_companys_own_type_and_number_leave_it_a_company(tmp_path: Path) -> None:
    """`companies(company_type, company_id)`: its kind and register number, not a row of any model."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, email TEXT, first_name TEXT);
    CREATE TABLE companies (id INT PRIMARY KEY, company_type VARCHAR(30), company_id VARCHAR(30),
      name TEXT, email TEXT, phone TEXT, city TEXT);
    CREATE TABLE attachments (id INT PRIMARY KEY, record_type VARCHAR(40), record_id BIGINT, filename TEXT);
    """
    write_files(tmp_path, {"schema.sql": ddl})
    tables = list(read_entry(tmp_path, "schema.sql").tables)
    verdicts = table_verdicts(tables)
    assert verdicts["companies"].kind == ORGANISATION, verdicts["companies"].reason
    got = classify_tables(tables)
    for column in ("company_type", "name", "email", "phone", "city"):
        assert not got[f"companies.{column}"].personal, (column, got[f"companies.{column}"].reason)
    # a record of any model (Active Storage's `record_type`) is still unsure whose
    assert "record_type" in verdicts["attachments"].reason, verdicts["attachments"].reason


def test_a_polymorphic_owner_leaves_a_table_named_for_organisations_so(tmp_path: Path) -> None:
    """Only a place may belong to a person through `*_type` + `*_id`; a company stays one."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, email TEXT, first_name TEXT);
    CREATE TABLE companies (id INT PRIMARY KEY, owner_type VARCHAR(30), owner_id BIGINT,
      name TEXT, email TEXT, phone TEXT);
    """
    write_files(tmp_path, {"schema.sql": ddl})
    tables = list(read_entry(tmp_path, "schema.sql").tables)
    assert table_verdicts(tables)["companies"].kind == ORGANISATION
    assert not classify_tables(tables)["companies.email"].personal


# -- F8: a discharge date is care in an admission, a registration date in the patient's row


def test_alta_and_baja_in_a_patients_own_row_are_when_they_were_registered(tmp_path: Path) -> None:
    """`pacientes.fecha_alta`: the register's own date; `ingresos.fecha_alta`: a discharge, their care."""
    ddl = """
    CREATE TABLE pacientes (id INT PRIMARY KEY, nombre TEXT, fecha_nacimiento DATE, dni TEXT,
      fecha_alta TIMESTAMP, fecha_baja TIMESTAMP);
    CREATE TABLE ingresos (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      fecha_ingreso TIMESTAMP, fecha_alta TIMESTAMP);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("pacientes.fecha_alta", "pacientes.fecha_baja"):
        assert not got[key].personal, (key, got[key].reason)
    assert got["ingresos.fecha_alta"].category == "user.health", got["ingresos.fecha_alta"].reason


# -- F9: a key to a row about a person is surely no datum of theirs; a key to a list is


def test_a_key_to_a_row_about_a_person_stays_surely_not_personal(tmp_path: Path) -> None:
    """`order_lines.order_id -> orders` is a link (high); `status_id`, a coded state, may be theirs (low)."""
    ddl = """
    CREATE TABLE customers (id INT PRIMARY KEY, email TEXT, first_name TEXT);
    CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id), created_at TIMESTAMP);
    CREATE TABLE order_statuses (id INT PRIMARY KEY, label TEXT);
    CREATE TABLE order_lines (id INT PRIMARY KEY, order_id INT REFERENCES orders(id),
      status_id INT REFERENCES order_statuses(id), product TEXT, quantity INT);
    """
    got = _verdicts(tmp_path, ddl)
    order = got["order_lines.order_id"]
    assert not order.personal and order.confidence == Confidence.HIGH, order
    status = got["order_lines.status_id"]
    assert not status.personal and status.confidence != Confidence.HIGH, status


def test_a_key_to_a_person_named_by_no_term_is_surely_a_link(tmp_path: Path) -> None:
    """`notlar.sahip -> kimlik` (the note's owner): no word of the vocabulary names the key, but
    it points at a person's row from a record about them: a link (high), as `order_id` is. In
    a person's own row (`kimlik.vasi -> kimlik`, a guardian) it stays unsure."""
    ddl = """
    CREATE TABLE kimlik (id INT PRIMARY KEY, ad TEXT, soyad TEXT, tc_kimlik_no CHAR(11),
      vasi INT REFERENCES kimlik(id));
    CREATE TABLE notlar (id INT PRIMARY KEY, sahip INT REFERENCES kimlik(id), metin TEXT, durum INT);
    """
    got = _verdicts(tmp_path, ddl)
    owner = got["notlar.sahip"]
    assert not owner.personal and owner.confidence == Confidence.HIGH, owner
    assert "a key to a row about a person" in owner.reason
    guardian = got["kimlik.vasi"]
    assert not guardian.personal and guardian.confidence == Confidence.LOW, guardian
