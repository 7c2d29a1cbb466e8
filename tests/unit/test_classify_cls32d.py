"""cls32d: special categories and health records.

Every schema here is written for these tests (a symptom diary with translated catalogues, a
wound clinic's records, a disease-activity index), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
from cnsnt.policy.taxonomy import load_taxonomy
from tests.unit.schema_entry import schema_verdicts

_TAXONOMY = load_taxonomy()


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
    got = schema_verdicts(tmp_path, _DIARY)
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
    got = schema_verdicts(tmp_path, _DIARY)
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
    got = schema_verdicts(tmp_path, ddl)
    for key in ("day_treatments.position", "alergias.posicion"):
        assert not got[key].personal, (key, got[key])
        assert "display order" in got[key].reason, got[key]
    assert _special(got["alergias.reaccion"]), got["alergias.reaccion"]


# -- item 3: general medicine in each language, and a yes/no of a condition


def test_a_disease_activity_index_records_the_persons_complications(tmp_path: Path) -> None:
    """`abscess`, `uveitis`, `new_fistula` as yes/no columns of an index keyed to a person:
    whether they have the complication, health data (Art. 9), as a checkbox so named is; words
    of general medicine, not one index's items (cls32d)."""
    ddl = """
    CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(120), full_name VARCHAR(120));
    CREATE TABLE activity_indices (id INT PRIMARY KEY, account_id INT REFERENCES accounts(id),
      abscess BOOLEAN, uveitis BOOLEAN, new_fistula BOOLEAN, arthralgia BOOLEAN, fever BOOLEAN);
    """
    got = schema_verdicts(tmp_path, ddl)
    for column in ("abscess", "uveitis", "new_fistula", "arthralgia", "fever"):
        key = f"activity_indices.{column}"
        assert _special(got[key]), (key, got[key])


def test_medicine_words_of_other_languages(tmp_path: Path) -> None:
    """Spanish `atencion_psicologica` (psychological care received), Portuguese
    `infeccao_alta` (an infection at discharge), German `immunsupprimiert`, Dutch `koorts`:
    health data in a row about a person (cls32d)."""
    ddl = """
    CREATE TABLE refugiados (id INT PRIMARY KEY, nombre VARCHAR(80), apellido VARCHAR(80),
      dni VARCHAR(12));
    CREATE TABLE casos (id INT PRIMARY KEY, refugiado_id INT REFERENCES refugiados(id),
      fecha_ingreso DATE, atencion_psicologica BOOLEAN);
    CREATE TABLE pacientes (id INT PRIMARY KEY, nome VARCHAR(80), cpf VARCHAR(14));
    CREATE TABLE internacoes (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      infeccao_alta INT);
    CREATE TABLE impflinge (id INT PRIMARY KEY, vorname VARCHAR(80), nachname VARCHAR(80),
      geburtsdatum DATE, immunsupprimiert BOOLEAN);
    CREATE TABLE deelnemers (id INT PRIMARY KEY, voornaam VARCHAR(80), achternaam VARCHAR(80),
      koorts BOOLEAN);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in (
        "casos.atencion_psicologica",
        "internacoes.infeccao_alta",
        "impflinge.immunsupprimiert",
        "deelnemers.koorts",
    ):
        assert _special(got[key]), (key, got[key])


def test_a_weak_health_word_in_a_patients_yes_no(tmp_path: Path) -> None:
    """`patsienty.is_gepatit CHAR(1)` (hepatitis): in a health record a yes/no of a condition a
    weak word names (`is_smoker`) is the condition, as `is_allergic` is (cls32d)."""
    ddl = """
    CREATE TABLE patsienty (id INT PRIMARY KEY, familiya VARCHAR(60), imya VARCHAR(60),
      data_rozhdeniya DATE, is_gepatit CHAR(1), diagnoz VARCHAR(200));
    CREATE TABLE vizity (id INT PRIMARY KEY, patsient_id INT REFERENCES patsienty(id),
      data_vizita DATE, zhaloby TEXT, lechenie TEXT, is_gepatit CHAR(1), is_smoker CHAR(1));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("vizity.is_gepatit", "vizity.is_smoker"):
        assert _special(got[key]), (key, got[key])


def test_indigenous_origin_is_ethnic_origin(tmp_path: Path) -> None:
    """`es_indigena`, `familia_quilombola`: whether the person is indigenous or of a quilombo's
    community is their ethnic origin (Art. 9), in their own row (cls32d)."""
    ddl = """
    CREATE TABLE beneficiarios (id INT PRIMARY KEY, nombre VARCHAR(80), apellido VARCHAR(80),
      dni VARCHAR(12), es_indigena INT);
    CREATE TABLE familias (id INT PRIMARY KEY, nome_responsavel VARCHAR(80), cpf VARCHAR(14),
      familia_quilombola VARCHAR(10));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("beneficiarios.es_indigena", "familias.familia_quilombola"):
        assert got[key].category == "user.demographic.race_ethnicity", (key, got[key])


def test_a_turkish_bes_is_a_pension_not_special_needs(tmp_path: Path) -> None:
    """`bes_kesintisi_var_mi` in a Turkish payroll is a private pension deduction (Bireysel
    Emeklilik Sistemi), not Italian `bes` (special educational needs): no health data."""
    ddl = """
    CREATE TABLE personeller (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60),
      tc_kimlik_no VARCHAR(11));
    CREATE TABLE maas_bordrolari (id INT PRIMARY KEY, personel_id INT REFERENCES personeller(id),
      brut_maas DECIMAL(10,2), bes_kesintisi_var_mi BOOLEAN);
    """
    got = schema_verdicts(tmp_path, ddl)
    assert not _special(got["maas_bordrolari.bes_kesintisi_var_mi"]), got["maas_bordrolari.bes_kesintisi_var_mi"]


# -- item 4: a place where care is given


def test_a_place_of_care_is_no_ones_care_record(tmp_path: Path) -> None:
    """`centros_de_vacunacion`, `OrtDerImpfung`: a place, named by its head before a word of
    joining, where vaccinations are given; its flags and numbers are the place's, and its slots
    no one's, though its name says vaccination and a member of staff is responsible for it
    (cls32d). A clinical history (`historia_clinica`) stays a health record."""
    ddl = """
    CREATE TABLE usuarios (id INT PRIMARY KEY, nombre VARCHAR(80), email VARCHAR(120),
      password VARCHAR(120));
    CREATE TABLE centros_de_vacunacion (id INT PRIMARY KEY,
      responsable_id INT REFERENCES usuarios(id), codigo_sanitario VARCHAR(20),
      publico BOOLEAN, observaciones VARCHAR(500));
    CREATE TABLE cupos_vacunacion (id INT PRIMARY KEY,
      centro_id INT REFERENCES centros_de_vacunacion(id), desde TIMESTAMP, hasta TIMESTAMP,
      plazas INT);
    CREATE TABLE OrtDerImpfung (id INT PRIMARY KEY, verantwortlicher_id INT REFERENCES usuarios(id),
      oeffentlich BOOLEAN, typ VARCHAR(50));
    CREATE TABLE pacientes (id INT PRIMARY KEY, nombre VARCHAR(80), dni VARCHAR(12));
    CREATE TABLE historia_clinica (id INT PRIMARY KEY, paciente_id INT REFERENCES pacientes(id),
      datos TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in (
        "centros_de_vacunacion.codigo_sanitario",
        "centros_de_vacunacion.publico",
        "centros_de_vacunacion.observaciones",
        "cupos_vacunacion.desde",
        "cupos_vacunacion.hasta",
        "OrtDerImpfung.oeffentlich",
        "OrtDerImpfung.typ",
    ):
        assert not _special(got[key]), (key, got[key])
    assert _special(got["historia_clinica.datos"]), got["historia_clinica.datos"]
