"""cls32d: special categories and health records.

Every schema here is written for these tests (a symptom diary with translated catalogues, a
wound clinic's records, a disease-activity index), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.evidence import Classification
from cnsnt.policy.taxonomy import load_taxonomy
from tests.unit.schema_entry import read_entry, write_files

_TAXONOMY = load_taxonomy()


def _verdicts(tmp_path: Path, ddl: str) -> dict[str, Classification]:
    write_files(tmp_path, {"schema.sql": ddl})
    return classify_tables(list(read_entry(tmp_path, "schema.sql").tables))


def _special(verdict: Classification) -> bool:
    return verdict.personal and bool(verdict.category) and _TAXONOMY.special_under(str(verdict.category))


# -- item 1: a catalogue a diary's entries pick from, translated into languages

_DIARY = """
CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(120), full_name VARCHAR(120),
  password_digest VARCHAR(120));
CREATE TABLE diary_days (id INT PRIMARY KEY, account_id INT REFERENCES accounts(id),
  day DATE, note TEXT, symptom_severity INT);
CREATE TABLE symptoms (id INT PRIMARY KEY, shared BOOLEAN, usage_count INT);
CREATE TABLE symptom_translations (id INT PRIMARY KEY,
  symptom_id INT REFERENCES symptoms(id), locale VARCHAR(8), name VARCHAR(120));
CREATE TABLE day_symptoms (id INT PRIMARY KEY,
  diary_day_id INT REFERENCES diary_days(id), symptom_id INT REFERENCES symptoms(id),
  severity INT);
"""


def test_a_translated_catalogue_is_no_part_of_a_record(tmp_path: Path) -> None:
    """`symptoms`, whose entries `symptom_translations` names in each locale, is the list a
    diary's day picks from: no part of one person's record though only their diary rows point
    at it, and its translations are no one's health data (cls32d)."""
    got = _verdicts(tmp_path, _DIARY)
    for key in (
        "symptoms.shared",
        "symptoms.usage_count",
        "symptom_translations.locale",
        "symptom_translations.name",
    ):
        assert not got[key].personal, (key, got[key])


def test_the_entry_a_health_record_picks_from_a_catalogue_stays_care(tmp_path: Path) -> None:
    """The day's row that picks a symptom from the catalogue still records the person's
    symptom: the key is the entry they had, health data (Art. 9)."""
    got = _verdicts(tmp_path, _DIARY)
    assert _special(got["day_symptoms.symptom_id"]), got["day_symptoms.symptom_id"]
    assert _special(got["day_symptoms.severity"]), got["day_symptoms.severity"]


# -- item 2: a health record's display order


def test_a_health_records_display_order_is_no_care(tmp_path: Path) -> None:
    """`day_symptoms.position`, `alergias.posicion`: where a form shows the item among the
    record's rows, the record's bookkeeping as a sort order is, no datum of the person's
    health; the record's other unnamed columns stay care (cls32d)."""
    ddl = _DIARY + """
    CREATE TABLE day_treatments (id INT PRIMARY KEY,
      diary_day_id INT REFERENCES diary_days(id), taken VARCHAR(40), position INT);
    CREATE TABLE pacientes (id INT PRIMARY KEY, nombre VARCHAR(80), dni VARCHAR(12));
    CREATE TABLE alergias (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      alergeno VARCHAR(80), reaccion VARCHAR(200), posicion SMALLINT);
    """
    got = _verdicts(tmp_path, ddl)
    for key in ("day_treatments.position", "alergias.posicion"):
        assert not got[key].personal, (key, got[key])
        assert "display order" in got[key].reason, got[key]
    assert _special(got["alergias.reaccion"]), got["alergias.reaccion"]
