"""trial34: wrong categories two reviewers met on the review pass over fresh schemas.

Each verdict here was personal and stays so; its category was wrong, which no review list
shows (a French form of address read as a church, a post read as a GPS fix). Every schema is
written for these tests after the reviewers' reports, read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
from cnsnt.model import Confidence
from tests.unit.schema_entry import schema_verdicts as _verdicts


def _category(verdict: Classification) -> str:
    return str(verdict.category) if verdict.personal else ""


# a French faculty's appointments: members of staff, their forms of address, applicants
_FACULTE = """
CREATE TABLE civilites (id INT PRIMARY KEY, nom VARCHAR(40), nom_masculin VARCHAR(40),
  nom_feminin VARCHAR(40), abreviation VARCHAR(10), actif TINYINT(1));
CREATE TABLE personnes (id INT PRIMARY KEY, nom VARCHAR(80), prenom VARCHAR(80),
  date_naissance DATE, personne_denomination_id INT REFERENCES civilites(id),
  adresse VARCHAR(200), email VARCHAR(120));
CREATE TABLE postulants (id INT PRIMARY KEY, nom VARCHAR(80), prenom VARCHAR(80),
  personne_denomination_id INT REFERENCES civilites(id), date_naissance DATE,
  position_actuelle_fonction VARCHAR(120), position_actuelle_lieu VARCHAR(120),
  telephone VARCHAR(30));
CREATE TABLE interventions (id INT PRIMARY KEY, personne_id INT REFERENCES personnes(id),
  position_gps VARCHAR(40), debut DATETIME);
"""


def test_french_denomination_is_a_name_or_title_not_a_church(tmp_path: Path) -> None:
    """French *dénomination* is a name or a form of address ('Professeur'); the English
    word is a church. In a French schema a key to one is no religious belief (Art. 9)."""
    got = _verdicts(tmp_path, _FACULTE)
    for key in ("personnes.personne_denomination_id", "postulants.personne_denomination_id"):
        assert _category(got[key]) == "user.name", (key, got[key])  # how they are addressed


def test_english_denomination_stays_a_church(tmp_path: Path) -> None:
    """The English sense holds where English is the schema's main language."""
    ddl = """
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),
      birth_date DATE, denomination VARCHAR(50), email VARCHAR(100));
    """
    got = _verdicts(tmp_path, ddl)
    assert _category(got["members.denomination"]) == "user.demographic.religious_belief"


def test_a_french_current_position_beside_a_post_is_the_post_not_a_gps_fix(tmp_path: Path) -> None:
    """`position_actuelle_fonction`: an applicant's current post (*position* is a job post as
    often as a place in French), no precise geolocation; `position_gps` stays one."""
    got = _verdicts(tmp_path, _FACULTE)
    assert _category(got["postulants.position_actuelle_fonction"]).startswith(
        "user.professional_information"
    ), got["postulants.position_actuelle_fonction"]
    assert "location" not in _category(got["postulants.position_actuelle_lieu"]), got[
        "postulants.position_actuelle_lieu"
    ]
    assert got["postulants.position_actuelle_lieu"].personal
    assert _category(got["interventions.position_gps"]) == "user.location.precise"


# an admissions office's payers: a person's row with their address and their passport
_PAYERS = """
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100), surname VARCHAR(80),
  first_name VARCHAR(80));
CREATE TABLE payer_person (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
  surname VARCHAR(80), first_name VARCHAR(80), phone VARCHAR(30), city VARCHAR(80),
  street VARCHAR(120), house VARCHAR(10), series VARCHAR(10), number VARCHAR(20),
  date_of_issue DATE, authority VARCHAR(200), division_code VARCHAR(10));
CREATE TABLE identity_papers (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
  seriya VARCHAR(10), nomer VARCHAR(20), kem_vydan VARCHAR(200));
CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
  street VARCHAR(120), number VARCHAR(10), city VARCHAR(80), passport VARCHAR(20),
  issued_by VARCHAR(100), date_of_issue DATE);
CREATE TABLE invoices (id INT PRIMARY KEY, user_id INT REFERENCES users(id), series VARCHAR(5),
  number VARCHAR(20), date_of_issue DATE, total DECIMAL(10,2));
"""


def test_a_number_beside_an_identity_documents_marks_is_the_documents_number(tmp_path: Path) -> None:
    """`payer_person(street, house, series, number, date_of_issue, authority)`: the number
    beside the office that issued a document and its series is the passport's, no house
    number; so in Russian transliteration (`seriya`, `nomer`, `kem_vydan`)."""
    got = _verdicts(tmp_path, _PAYERS)
    for key in ("payer_person.number", "identity_papers.nomer"):
        assert _category(got[key]) == "user.government_id", (key, got[key])


def test_a_number_beside_a_documents_own_number_or_without_an_office_stays_as_it_was(
    tmp_path: Path,
) -> None:
    """Where the row holds the document's number already (`passport`) a bare number beside
    a street stays the house number; an invoice's series and date of issue name no office."""
    got = _verdicts(tmp_path, _PAYERS)
    assert _category(got["members.number"]) == "user.contact.address.street", got["members.number"]
    assert "government_id" not in _category(got["invoices.number"]), got["invoices.number"]


def test_a_russian_bik_is_a_weak_term_as_an_english_bic_is(tmp_path: Path) -> None:
    """A BIC (Russian БИК, `bik`) names the bank that keeps an account: part of a person's
    bank details in their row (filed with the account, as the labels file a BIC), never
    sure, and no one's in a table of banks. It was a strong term: high confidence anywhere."""
    ddl = """
    CREATE TABLE payers (id INT PRIMARY KEY, surname VARCHAR(80), first_name VARCHAR(80),
      phone VARCHAR(30), bik VARCHAR(9), bic VARCHAR(11), rasch_schet VARCHAR(20));
    CREATE TABLE banks (id INT PRIMARY KEY, title VARCHAR(100), bik VARCHAR(9), bic VARCHAR(11));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("payers.bik", "payers.bic"):
        assert _category(got[key]) == "user.financial.bank_account", (key, got[key])
        assert got[key].confidence is not Confidence.HIGH, (key, got[key])
    assert got["payers.rasch_schet"].confidence is Confidence.HIGH  # the account itself
    for key in ("banks.bik", "banks.bic"):
        assert not got[key].personal, (key, got[key])


def test_a_gender_word_beside_a_unit_or_team_is_the_groups_kind(tmp_path: Path) -> None:
    """`genere_unita`: whether a scout unit is for boys, girls or both, no leader's gender,
    though the row keys the leader; so `team_gender`. The leader's own `sesso` stays theirs."""
    ddl = """
    CREATE TABLE capi (id INT PRIMARY KEY, nome VARCHAR(50), cognome VARCHAR(50), sesso CHAR(1),
      data_nascita DATE);
    CREATE TABLE incarichi_unita (id INT PRIMARY KEY, capo_id INT REFERENCES capi(id),
      nome_unita VARCHAR(80), genere_unita VARCHAR(1), dal DATE);
    CREATE TABLE coaches (id INT PRIMARY KEY, first_name VARCHAR(50), last_name VARCHAR(50),
      gender VARCHAR(10), team_gender VARCHAR(10));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("incarichi_unita.genere_unita", "coaches.team_gender"):
        assert "gender" not in _category(got[key]), (key, got[key])
    for key in ("capi.sesso", "coaches.gender"):
        assert _category(got[key]) == "user.demographic.gender", (key, got[key])


def test_a_glued_log_of_failed_logins_records_what_someone_did(tmp_path: Path) -> None:
    """django-axes keeps three logs: `axes_accessattempt`, `axes_accesslog` and
    `axes_accessfailurelog`, glued. The third, split as `access failure log`, records what
    someone did as its twins do, and its `username` says who: its other columns are theirs."""
    ddl = """
    CREATE TABLE axes_accesslog (id INT PRIMARY KEY, user_agent VARCHAR(255),
      ip_address VARCHAR(39), username VARCHAR(255), http_accept VARCHAR(1025),
      path_info VARCHAR(255), attempt_time DATETIME, logout_time DATETIME);
    CREATE TABLE axes_accessfailurelog (id INT PRIMARY KEY, user_agent VARCHAR(255),
      ip_address VARCHAR(39), username VARCHAR(255), http_accept VARCHAR(1025),
      path_info VARCHAR(255), attempt_time DATETIME, locked_out BOOLEAN);
    """
    got = _verdicts(tmp_path, ddl)
    assert got["axes_accessfailurelog.attempt_time"].personal, got["axes_accessfailurelog.attempt_time"]
    assert got["axes_accesslog.attempt_time"].personal  # its twin, as before


def test_a_title_beside_a_persons_work_is_the_works_title_not_their_name(tmp_path: Path) -> None:
    """`titre_lecon_inaug`, `thesis_title`: the title of a professor's inaugural lecture or
    a student's thesis, a fact about them in their row, no name; a bare `titre` stays theirs."""
    ddl = """
    CREATE TABLE professeurs (id INT PRIMARY KEY, nom VARCHAR(80), prenom VARCHAR(80),
      date_naissance DATE, titre_lecon_inaug VARCHAR(100), titre_these VARCHAR(200), titre VARCHAR(20));
    CREATE TABLE students (id INT PRIMARY KEY, first_name VARCHAR(80), last_name VARCHAR(80),
      thesis_title VARCHAR(200), title VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("professeurs.titre_lecon_inaug", "professeurs.titre_these", "students.thesis_title"):
        assert got[key].personal and not _category(got[key]).startswith("user.name"), (key, got[key])
    for key in ("professeurs.titre", "students.title"):
        assert _category(got[key]).startswith("user.name"), (key, got[key])
