"""review34 (R34a D4-D6, R34b D8, D9): column verdicts a second first-use review found wrong.

Every schema here is written for these tests after the reviewers' reproductions (a Red Cross
register's blood donors, merits, qualifications and vehicles; a hospital's patients; an
association's members and admin login), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.evidence import Classification
from cnsnt.model import Confidence
from tests.unit.schema_entry import read_entry, write_files


def _verdicts(tmp_path: Path, ddl: str, dialect: str = "postgres") -> dict[str, Classification]:
    write_files(tmp_path, {"schema.sql": ddl})
    return classify_tables(list(read_entry(tmp_path, "schema.sql", dialect=dialect).tables))


PERSON = "CREATE TABLE anagrafica_persona (id INTEGER PRIMARY KEY, nome TEXT, cognome TEXT);\n"


# -- R34a D4: blood typing beside the blood group is data concerning health


def test_a_donors_rh_factor_phenotype_and_kell_antigen_are_health_data(tmp_path: Path) -> None:
    """The Rh factor, the Rh phenotype and the Kell antigen are blood typing, as the blood group
    is (GDPR Art. 4(15), Art. 9(1); Recital 35): `user.health`, so CN206 can fire on them."""
    ddl = PERSON + """
    CREATE TABLE sangue_donatore (id INTEGER PRIMARY KEY,
      persona_id INTEGER REFERENCES anagrafica_persona(id),
      gruppo_sanguigno VARCHAR(3), fattore_rh VARCHAR(2), fenotipo_rh VARCHAR(8), kell VARCHAR(16));
    CREATE TABLE blood_donor (id INTEGER PRIMARY KEY,
      person_id INTEGER REFERENCES anagrafica_persona(id),
      blood_group VARCHAR(3), rh_factor VARCHAR(2), rhesus VARCHAR(8), kell_antigen VARCHAR(16));
    CREATE TABLE donante (id INTEGER PRIMARY KEY, nombre TEXT, apellido TEXT, factor_rhesus TEXT);
    CREATE TABLE blutspender (id INTEGER PRIMARY KEY, vorname TEXT, nachname TEXT, rhesusfaktor TEXT);
    CREATE TABLE donneur (id INTEGER PRIMARY KEY, nom TEXT, prenom TEXT, facteur_rhesus TEXT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "sangue_donatore.fattore_rh",
        "sangue_donatore.fenotipo_rh",
        "sangue_donatore.kell",
        "blood_donor.rh_factor",
        "blood_donor.rhesus",
        "blood_donor.kell_antigen",
        "donante.factor_rhesus",
        "blutspender.rhesusfaktor",
        "donneur.facteur_rhesus",
    ):
        assert got[key].personal and got[key].category == "user.health", (key, got[key])
