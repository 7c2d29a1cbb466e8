"""trial34: wrong categories two reviewers met on the review pass over fresh schemas.

Each verdict here was personal and stays so; its category was wrong, which no review list
shows (a French form of address read as a church, a post read as a GPS fix). Every schema is
written for these tests after the reviewers' reports, read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
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
