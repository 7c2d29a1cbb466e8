"""Review 33: table verdicts a first-use review got wrong (R33a D3, D5; R33b D4, D5).

Schemas written for these tests; each is the smallest that showed the defect.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from tests.unit.schema_entry import schema_tables as _read

CLUB_PAPERS = """
CREATE TABLE members (id int PRIMARY KEY, last_name varchar(100), email varchar(100));
CREATE TABLE document (id int PRIMARY KEY, owner_id int REFERENCES members(id),
  document_type varchar(30), description varchar(255), pdf bytea);
CREATE TABLE campaign (id int PRIMARY KEY, owner_id int REFERENCES members(id),
  title varchar(100));
"""


def test_a_documents_owner_is_whose_it_is_not_who_made_it(tmp_path: Path) -> None:
    """R33b D5: a member's signed mandate relates to the member (GDPR Art. 4(1))."""
    tables = _read(tmp_path, CLUB_PAPERS)
    kinds = table_verdicts(tables)
    assert kinds["document"].kind == "linked to people", kinds["document"]
    assert "owner_id" in kinds["document"].reason
    assert classify_tables(tables)["document.description"].personal
    # the owner of a thing a person does not hold (a campaign, a list) runs it
    assert kinds["campaign"].kind == "not about people", kinds["campaign"]


ENROLMENT = """
CREATE TABLE candidat (id int PRIMARY KEY, nom text, email text);
CREATE TABLE formation (id int PRIMARY KEY, nom text, email text);
CREATE TABLE course (id int PRIMARY KEY, name text, email text, phone text);
CREATE TABLE classement (id int PRIMARY KEY, formation_id int REFERENCES formation(id),
  dossier int, rang smallint);
CREATE TABLE event (id int PRIMARY KEY, first_name text, last_name text, email text);
"""


def test_a_course_with_a_name_and_an_email_is_no_person(tmp_path: Path) -> None:
    """R33a D3: a course office's name and e-mail, like an establishment's, are no one's."""
    tables = _read(tmp_path, ENROLMENT)
    kinds = table_verdicts(tables)
    assert kinds["candidat"].kind == "describes people"
    for thing in ("formation", "course"):
        assert kinds[thing].kind == "about organisations", kinds[thing]
        assert "is a thing" in kinds[thing].reason
    # a table keyed to a course is no record about a person
    assert kinds["classement"].kind == "not about people", kinds["classement"]
    verdicts = classify_tables(tables)
    assert not verdicts["formation.nom"].personal, verdicts["formation.nom"]
    assert not verdicts["classement.rang"].personal, verdicts["classement.rang"]
    # a first and a last name are a person's own, whatever the table is named
    assert kinds["event"].kind == "describes people", kinds["event"]


CLINIC = """
CREATE TABLE users (id int PRIMARY KEY, name text, email text);
CREATE TABLE tipo_usuario (id int PRIMARY KEY, nombre text, estatus boolean);
CREATE TABLE type_member (id int PRIMARY KEY, label text);
CREATE TABLE historial_clinico (id int PRIMARY KEY, usuario_id int, antecedentes text);
"""


def test_a_list_of_kinds_of_user_is_no_people_table_nor_a_keys_target(tmp_path: Path) -> None:
    """R33a D5: `tipo_usuario` lists user types (patient, doctor); `usuario_id` is no key to it."""
    tables = _read(tmp_path, CLINIC)
    kinds = table_verdicts(tables)
    for lookup in ("tipo_usuario", "type_member"):
        assert kinds[lookup].kind == "a lookup table", kinds[lookup]
    assert not classify_tables(tables)["tipo_usuario.nombre"].personal
    history = kinds["historial_clinico"]
    assert history.kind == "linked to people", history
    assert "tipo_usuario" not in history.reason, history.reason


GYM = """
CREATE TABLE bank_details (id int PRIMARY KEY, name varchar(100), iban varchar(34), bic varchar(11));
CREATE TABLE zahlungsdaten (zahlungsdaten_id int PRIMARY KEY, name varchar(100), iban varchar(34),
  bic varchar(11));
CREATE TABLE members (id int PRIMARY KEY, last_name varchar(100),
  bank_details_id int REFERENCES bank_details(id));
CREATE TABLE mitglieder (mitglieder_id int PRIMARY KEY, vorname varchar(50), nachname varchar(50),
  zahlungsdaten_id int REFERENCES zahlungsdaten(zahlungsdaten_id));
CREATE TABLE companies (id int PRIMARY KEY, name varchar(100), iban varchar(34));
CREATE TABLE employees (id int PRIMARY KEY, last_name varchar(100),
  company_id int REFERENCES companies(id));
"""


def test_bank_details_a_persons_row_points_at_are_the_holders(tmp_path: Path) -> None:
    """R33b D4: the account holder's name, IBAN and BIC are a person's (GDPR Art. 4(1))."""
    tables = _read(tmp_path, GYM)
    kinds = table_verdicts(tables)
    verdicts = classify_tables(tables)
    for details in ("bank_details", "zahlungsdaten"):
        assert kinds[details].kind == "describes people", kinds[details]
        for column in ("name", "iban", "bic"):
            assert verdicts[f"{details}.{column}"].personal, verdicts[f"{details}.{column}"]
    # an employer's account, which an employee's row points at, stays the employer's
    assert kinds["companies"].kind == "about organisations", kinds["companies"]
