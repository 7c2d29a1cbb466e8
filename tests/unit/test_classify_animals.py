"""No animal is a data subject: a pet's name, sex, birth date and weight are no person's.

GDPR Art. 4(1) protects natural persons. A table of pets relates to their owner through
its key (so what the owner wrote of it may be theirs), but the animal's own traits are
not the owner's gender, birth date or health (Art. 9). Schemas written for these tests,
after a vet clinic and an animal rescue (review29 D2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.classify import classify_tables
from cnsnt.classify.tables import LINKED, PEOPLE, table_verdicts
from cnsnt.evidence import ForeignKey, Table
from tests.unit.schema_entry import read_entry, typed_table, write_files

OWNERS = typed_table(
    "owners",
    [("id", "INTEGER"), ("first_name", "TEXT"), ("last_name", "TEXT"), ("telephone", "TEXT")],
)


def _pets(name: str = "pets", extra: tuple[tuple[str, str], ...] = ()) -> list[Table]:
    pets = typed_table(
        name,
        [
            ("id", "INTEGER"),
            ("owner_id", "INTEGER"),
            ("name", "TEXT"),
            ("birth_date", "DATE"),
            ("sex", "TEXT"),
            ("weight", "REAL"),
            ("breed", "TEXT"),
            *extra,
        ],
        (ForeignKey(("owner_id",), "owners"),),
    )
    return [OWNERS, pets]


def test_a_pets_traits_are_no_persons_data(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "schema.sql": (
                "CREATE TABLE owners (id INT PRIMARY KEY, first_name TEXT, last_name TEXT, telephone TEXT);\n"
                "CREATE TABLE pets (id INT PRIMARY KEY, owner_id INT REFERENCES owners(id), name TEXT,\n"
                "  birth_date DATE, sex TEXT, weight REAL, breed TEXT);\n"
            )
        },
    )
    tables = read_entry(tmp_path, "schema.sql").tables
    verdicts = classify_tables(tables)
    for column in ("name", "birth_date", "sex", "weight", "breed"):
        got = verdicts[f"pets.{column}"]
        assert not got.personal, (column, got.category, got.reason)
    # the owner's own row is untouched
    assert verdicts["owners.first_name"].category == "user.name.first"
    assert verdicts["owners.telephone"].category == "user.contact.phone_number"


def test_a_pets_table_is_linked_to_its_owner_not_a_table_of_people() -> None:
    verdict = table_verdicts(_pets())["pets"]
    assert verdict.kind == LINKED, verdict.reason
    assert "owner_id" in verdict.reason and "animals" in verdict.reason
    assert verdict.context.animal and not verdict.context.health


def test_what_names_or_reaches_the_owner_in_a_pets_row_stays_theirs() -> None:
    extra = (("owner_email", "TEXT"), ("notes", "TEXT"))
    verdicts = classify_tables(_pets(extra=extra))
    assert verdicts["pets.owner_email"].category == "user.contact.email"
    notes = verdicts["pets.notes"]
    assert notes.personal, notes.reason


def test_a_visit_of_a_pet_is_not_when_its_owner_did_something() -> None:
    visits = typed_table(
        "visits",
        [("id", "INTEGER"), ("pet_id", "INTEGER"), ("visit_date", "DATE"), ("weight", "REAL")],
        (ForeignKey(("pet_id",), "pets"),),
    )
    tables = [*_pets(), visits]
    assert table_verdicts(tables)["visits"].context.animal
    verdicts = classify_tables(tables)
    for column in ("visit_date", "weight"):
        got = verdicts[f"visits.{column}"]
        assert not got.personal, (column, got.category, got.reason)


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("mascotas", [("nombre", "TEXT"), ("sexo", "TEXT"), ("fecha_nacimiento", "DATE"), ("peso", "REAL")]),
        ("animais", [("nome", "TEXT"), ("sexo", "TEXT"), ("data_nascimento", "DATE"), ("peso", "REAL")]),
        ("tiere", [("name", "TEXT"), ("geschlecht", "TEXT"), ("geburtsdatum", "DATE"), ("gewicht", "REAL")]),
        ("animaux", [("nom", "TEXT"), ("sexe", "TEXT"), ("date_naissance", "DATE"), ("poids", "REAL")]),
        ("animali", [("nome", "TEXT"), ("sesso", "TEXT"), ("data_nascita", "DATE"), ("peso", "REAL")]),
        ("dieren", [("naam", "TEXT"), ("geslacht", "TEXT"), ("geboortedatum", "DATE"), ("gewicht", "REAL")]),
        # no animal word in the name: its species says what it is
        ("patients", [("name", "TEXT"), ("sex", "TEXT"), ("birth_date", "DATE"), ("species", "TEXT")]),
    ],
)
def test_an_animal_table_in_other_languages(table: str, columns: list[tuple[str, str]]) -> None:
    animals = typed_table(table, [("id", "INTEGER"), *columns])
    assert table_verdicts([animals])[table].kind != PEOPLE
    verdicts = classify_tables([animals])
    for column, _ in columns:
        got = verdicts[f"{table}.{column}"]
        assert not got.personal, (column, got.category, got.reason)


def test_a_person_who_wants_a_species_is_still_a_person() -> None:
    # an adopter's application: an e-mail says it is a person's, whatever they ask for
    adopters = typed_table(
        "adoption_applications",
        [("id", "INTEGER"), ("name", "TEXT"), ("email", "TEXT"), ("birth_date", "DATE"), ("species", "TEXT")],
    )
    verdicts = classify_tables([adopters])
    assert table_verdicts([adopters])["adoption_applications"].kind == PEOPLE
    assert verdicts["adoption_applications.birth_date"].category == "user.demographic.date_of_birth"


def test_a_persons_race_makes_no_animal() -> None:
    # `raza`, `race`: a person's ethnic origin (Art. 9), not a breed
    people = typed_table(
        "personas", [("id", "INTEGER"), ("nombre", "TEXT"), ("fecha_nacimiento", "DATE"), ("raza", "TEXT")]
    )
    assert table_verdicts([people])["personas"].kind == PEOPLE
    assert classify_tables([people])["personas.fecha_nacimiento"].personal


USERS = typed_table(
    "users",
    [("id", "INTEGER"), ("email", "TEXT"), ("first_name", "TEXT"), ("birth_date", "DATE")],
)


def test_a_species_column_in_a_row_keyed_to_a_person_makes_no_animal() -> None:
    # a user's allergy to a species is their health (Art. 9), a sighting they report is
    # theirs: the column names an animal, the row is the user's (codereview26 F2)
    allergies = typed_table(
        "allergy_reports",
        [("id", "INTEGER"), ("user_id", "INTEGER"), ("species", "TEXT"), ("reaction", "TEXT"), ("reported_at", "DATE")],
        (ForeignKey(("user_id",), "users"),),
    )
    sightings = typed_table(
        "observations",
        [("id", "INTEGER"), ("user_id", "INTEGER"), ("species", "TEXT"), ("observed_at", "TIMESTAMP")],
        (ForeignKey(("user_id",), "users"),),
    )
    tables = [USERS, allergies, sightings]
    got = table_verdicts(tables)
    assert not got["allergy_reports"].context.animal, got["allergy_reports"].reason
    assert not got["observations"].context.animal, got["observations"].reason
    verdicts = classify_tables(tables)
    for column in ("reaction", "reported_at"):
        reaction = verdicts[f"allergy_reports.{column}"]
        assert reaction.category == "user.health", (column, reaction.reason)
    assert verdicts["observations.observed_at"].personal


def test_a_vets_patients_with_their_owners_key_stay_animals() -> None:
    # `owner_id` says whose animal it is, not that the row is the owner's
    patients = typed_table(
        "patients",
        [("id", "INTEGER"), ("owner_id", "INTEGER"), ("name", "TEXT"), ("birth_date", "DATE"), ("species", "TEXT")],
        (ForeignKey(("owner_id",), "owners"),),
    )
    tables = [OWNERS, patients]
    assert table_verdicts(tables)["patients"].context.animal
    assert not classify_tables(tables)["patients.birth_date"].personal
