"""review32: a person's row split over two tables, legal persons, country of birth, marks.

Every schema here is written for these tests after the repros of review32 (a school
register that keeps people and companies as "subjects", class-table inheritance in
English, Italian birth columns, a pupil's marks), read as `cnsnt init` reads a
`schema.sql` or Doctrine entities.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.model import Confidence
from tests.unit.schema_entry import column, read_entry, write_files
from tests.unit.schema_entry import schema_tables as _read
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- D1: a row that a person's row extends one to one is that person's

PARTIES = """
CREATE TABLE parties (id int PRIMARY KEY, display_name varchar(160), photo bytea, consent_date date);
CREATE TABLE persons (id int PRIMARY KEY, party_id int UNIQUE REFERENCES parties(id),
  first_name varchar(60), last_name varchar(60));
CREATE TABLE contact_means (id int PRIMARY KEY, party_id int REFERENCES parties(id), value varchar(255));
"""


def test_a_unique_key_from_a_person_makes_the_parent_row_theirs(tmp_path: Path) -> None:
    """`persons.party_id UNIQUE -> parties`: the party row is the rest of the person's row."""
    tables = _read(tmp_path, PARTIES)
    assert table_verdicts(tables)["parties"].kind == "describes people"
    verdicts = classify_tables(tables)
    assert verdicts["parties.photo"].personal
    assert verdicts["parties.photo"].category == "user.content.self_image"
    # the consent record Art. 7(1) asks the controller to show is never "about a thing"
    assert verdicts["parties.consent_date"].personal
    assert verdicts["contact_means.value"].personal


def test_a_table_level_unique_constraint_counts_too(tmp_path: Path) -> None:
    ddl = PARTIES.replace("party_id int UNIQUE REFERENCES parties(id),", "party_id int REFERENCES parties(id),")
    ddl = ddl.replace("last_name varchar(60));", "last_name varchar(60), CONSTRAINT u_party UNIQUE (party_id));", 1)
    assert table_verdicts(_read(tmp_path, ddl))["parties"].kind == "describes people"


def test_a_key_many_people_share_makes_no_parent_theirs(tmp_path: Path) -> None:
    """Without UNIQUE, many people may point at one row (their class, their team): no one's."""
    ddl = PARTIES.replace("party_id int UNIQUE REFERENCES", "party_id int REFERENCES", 1)
    assert table_verdicts(_read(tmp_path, ddl))["parties"].kind != "describes people"


SOGGETTI = """
CREATE TABLE soggetti (soggetto int PRIMARY KEY, denominazione varchar(160), foto bytea,
  autorizzazionedatipersonali date);
CREATE TABLE personefisiche (personafisica int PRIMARY KEY,
  soggetto int UNIQUE REFERENCES soggetti(soggetto),
  nome varchar(60), cognome varchar(60), codicefiscale varchar(16), natoil date);
CREATE TABLE personegiuridiche (personagiuridica int PRIMARY KEY,
  soggetto int UNIQUE REFERENCES soggetti(soggetto),
  denominazione varchar(160), partitaiva varchar(11), codicefiscale varchar(16));
CREATE TABLE mezzidicomunicazione (mezzodicomunicazione int PRIMARY KEY,
  soggetto int REFERENCES soggetti(soggetto), tipodicomunicazione varchar(20), percorso varchar(255));
"""


def test_a_row_people_and_companies_extend_is_personal_unsure(tmp_path: Path) -> None:
    """A "subject" a natural and a legal person both extend: a person's whenever not a company's."""
    tables = _read(tmp_path, SOGGETTI)
    kinds = table_verdicts(tables)
    assert kinds["soggetti"].kind == "describes people"
    assert "personegiuridiche" in kinds["soggetti"].reason  # says some rows are a company's
    verdicts = classify_tables(tables)
    assert verdicts["soggetti.foto"].personal
    consent = verdicts["soggetti.autorizzazionedatipersonali"]
    assert consent.personal and consent.confidence is Confidence.LOW
    assert verdicts["mezzidicomunicazione.percorso"].personal  # the phone number or e-mail itself


def test_a_doctrine_one_to_one_is_a_unique_key(tmp_path: Path) -> None:
    """`@ORM\\OneToOne` owning side: Doctrine indexes its join column unique."""
    write_files(
        tmp_path,
        {
            "src/Entity/Soggetti.php": """<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity @ORM\\Table(name="soggetti") */
class Soggetti {
    /** @ORM\\Id @ORM\\Column(name="soggetto", type="integer") */
    private $soggetto;
    /** @ORM\\Column(name="foto", type="blob", nullable=true) */
    private $foto;
}
""",
            "src/Entity/Personefisiche.php": """<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity @ORM\\Table(name="personefisiche") */
class Personefisiche {
    /** @ORM\\Id @ORM\\Column(name="personafisica", type="integer") */
    private $personafisica;
    /** @ORM\\OneToOne(targetEntity="App\\Entity\\Soggetti")
     *  @ORM\\JoinColumn(name="soggetto", referencedColumnName="soggetto") */
    private $soggetto;
    /** @ORM\\Column(name="cognome", type="string", length=60) */
    private $cognome;
    /** @ORM\\Column(name="codicefiscale", type="string", length=16) */
    private $codicefiscale;
}
""",
        },
    )
    evidence = read_entry(tmp_path, "src/Entity/*.php", "doctrine")
    assert column(evidence, "personefisiche.soggetto").unique
    assert table_verdicts(list(evidence.tables))["soggetti"].kind == "describes people"


# -- D5: a table named for legal persons is about organisations


def test_a_table_of_legal_persons_is_about_organisations(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE personegiuridiche (id int PRIMARY KEY, denominazione varchar(160),
      partitaiva varchar(11), codicefiscale varchar(16));
    """
    tables = _read(tmp_path, ddl)
    assert table_verdicts(tables)["personegiuridiche"].kind == "about organisations"
    verdicts = classify_tables(tables)
    assert not any(v.personal for v in verdicts.values()), verdicts


@pytest.mark.parametrize(
    "name", ["personegiuridiche", "persone_giuridiche", "personasjuridicas", "osobyprawne", "personnes_morales"]
)
def test_legal_person_names_glued_or_apart(tmp_path: Path, name: str) -> None:
    ddl = f"CREATE TABLE {name} (id int PRIMARY KEY, denominazione varchar(160), codicefiscale varchar(16));"
    assert table_verdicts(_read(tmp_path, ddl))[name].kind == "about organisations"


def test_natural_persons_stay_people(tmp_path: Path) -> None:
    ddl = "CREATE TABLE personefisiche (id int PRIMARY KEY, cognome varchar(60), codicefiscale varchar(16));"
    assert table_verdicts(_read(tmp_path, ddl))["personefisiche"].kind == "describes people"


# -- D2: a country or town of birth is a place of birth, glued or apart


@pytest.mark.parametrize(
    "name",
    ["nazionedinascita", "paese_di_nascita", "stato_di_nascita", "citta_di_nascita", "luogo_nascita"],
)
def test_italian_country_of_birth_is_a_place(tmp_path: Path, name: str) -> None:
    ddl = f"CREATE TABLE persone (id int PRIMARY KEY, nome varchar(60), cognome varchar(60), {name} varchar(60));"
    verdict = _verdicts(tmp_path, ddl)[f"persone.{name}"]
    assert verdict.personal and verdict.category == "user.demographic", verdict


@pytest.mark.parametrize(
    ("table", "name"),
    [
        ("personas", "pais_de_nacimiento"),
        ("personas", "ciudad_de_nacimiento"),
        ("pessoas", "cidade_de_nascimento"),
        ("personnes", "commune_de_naissance"),
    ],
)
def test_place_of_birth_with_a_preposition(tmp_path: Path, table: str, name: str) -> None:
    ddl = f"CREATE TABLE {table} (id int PRIMARY KEY, {name} varchar(60), birth_date date);"
    verdict = _verdicts(tmp_path, ddl)[f"{table}.{name}"]
    assert verdict.category == "user.demographic", verdict


def test_data_di_nascita_is_still_a_date(tmp_path: Path) -> None:
    ddl = "CREATE TABLE persone (id int PRIMARY KEY, cognome varchar(60), data_di_nascita date);"
    assert _verdicts(tmp_path, ddl)["persone.data_di_nascita"].category == "user.demographic.date_of_birth"


# -- D7: a mark is an assessment of the pupil, no profile

MARKS = """
CREATE TABLE alunni (id int PRIMARY KEY, nome varchar(60), cognome varchar(60));
CREATE TABLE valutazioni (id int PRIMARY KEY, alunno int REFERENCES alunni(id), voto numeric(4,2),
  giudizio text);
"""


def test_a_mark_and_a_judgement_are_no_profile(tmp_path: Path) -> None:
    verdicts = _verdicts(tmp_path, MARKS)
    for name in ("valutazioni.voto", "valutazioni.giudizio"):
        assert verdicts[name].personal, verdicts[name]
        assert verdicts[name].category == "user", verdicts[name]
        assert "a mark or an assessment" in verdicts[name].reason


@pytest.mark.parametrize(("lang", "word"), [("en", "grade"), ("pl", "ocena"), ("nl", "cijfer"), ("de", "bewertung")])
def test_marks_are_no_profile_in_other_languages(tmp_path: Path, lang: str, word: str) -> None:
    ddl = MARKS.replace("voto", word)
    assert _verdicts(tmp_path, ddl)[f"valutazioni.{word}"].category == "user"


# -- review32's "still happening": per-competence grades under a pupil's assessment

COMPETENCES = """
CREATE TABLE alunni (alunno int PRIMARY KEY, nome varchar(60), cognome varchar(60));
CREATE TABLE voti (voto int PRIMARY KEY, descrizione varchar(60), millesimi int);
CREATE TABLE qualifiche (qualifica int PRIMARY KEY, nome varchar(60), materia varchar(60), metrica varchar(20));
CREATE TABLE valutazioni (valutazione int PRIMARY KEY, alunno int REFERENCES alunni(alunno),
  voto int REFERENCES voti(voto), giudizio text);
CREATE TABLE valutazioniqualifiche (valutazionequalifica int PRIMARY KEY,
  valutazione int REFERENCES valutazioni(valutazione), qualifica int REFERENCES qualifiche(qualifica),
  voto int REFERENCES voti(voto), note text);
"""


def test_grades_per_competence_are_the_pupils(tmp_path: Path) -> None:
    tables = _read(tmp_path, COMPETENCES)
    assert table_verdicts(tables)["valutazioniqualifiche"].kind == "linked to people"
    verdicts = classify_tables(tables)
    assert verdicts["valutazioniqualifiche.voto"].personal  # the mark it picks from the list
    assert verdicts["valutazioniqualifiche.note"].personal
    # the row's own number, named after its glued plural table, is no mark
    assert not verdicts["valutazioniqualifiche.valutazionequalifica"].personal
