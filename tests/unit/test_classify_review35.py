"""review35 (R35a D3, D4, D6, D7, D9; R35b D3, D5): verdicts first-use reviewers found wrong.

Every schema here is written for these tests after the reviewers' reproductions (a probation
service's people under a sentence, a public service's statistics by region, a commune's INSEE
code, an organisation's registration number, a visit's campaign parameters, an address's
street name, a trip's price by year of birth), read as `cnsnt init` reads a `schema.sql` or a
Django `models.py`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.classify.tables import LINKED, PEOPLE, table_verdicts
from cnsnt.evidence import Classification, Table
from tests.unit.schema_entry import read_entry, write_files


def _tables(tmp_path: Path, ddl: str) -> list[Table]:
    write_files(tmp_path, {"schema.sql": ddl})
    return list(read_entry(tmp_path, "schema.sql").tables)


def _verdicts(tmp_path: Path, ddl: str) -> dict[str, Classification]:
    return classify_tables(_tables(tmp_path, ddl))


def _django(tmp_path: Path, models: str) -> list[Table]:
    write_files(tmp_path, {"shop/__init__.py": "", "shop/models.py": "from django.db import models\n\n\n" + models})
    return list(read_entry(tmp_path, "shop/models.py", dialect=None).tables)


# -- item 1, R35a D3: criminal-offence data (GDPR Art. 10)


def test_a_strong_criminal_word_survives_a_date_word(tmp_path: Path) -> None:
    """`conviction_date` is when someone was convicted: Art. 10 data, as `diagnosis_date` is
    health data; a date word beside a strong criminal word does not make it a mere time."""
    ddl = """
    CREATE TABLE people (id INT PRIMARY KEY, first_name TEXT, last_name TEXT,
      conviction_date DATE, date_condamnation DATE, fecha_condena DATE, data_condanna DATE,
      verurteilung_datum DATE, datum_veroordeling DATE);
    CREATE TABLE convicts (id INT PRIMARY KEY, full_name VARCHAR(100), conviction_date DATE);
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "people.conviction_date",
        "people.date_condamnation",
        "people.fecha_condena",
        "people.data_condanna",
        "people.verurteilung_datum",
        "people.datum_veroordeling",
        "convicts.conviction_date",
    ):
        assert got[key].personal and got[key].category == "user.criminal_history", (key, got[key])


def test_a_table_named_for_people_under_a_sentence_describes_people(tmp_path: Path) -> None:
    """`convicts`, `detenus`, `condannati`, `Häftlinge` ... (the people of the vocabulary's
    criminal words, in the 12 languages) are people, whatever their columns say."""
    names = (
        "convicts", "offenders", "detenus", "condamnes", "condannati", "condenados", "condemnats",
        "apenados", "haeftlinge", "verurteilte", "mahkumlar", "osuzhdennye", "eliteltek",
        "skazani", "veroordeelden",
    )  # fmt: skip
    ddl = "".join(f"CREATE TABLE {n} (id INT PRIMARY KEY, remarks TEXT);\n" for n in names)
    verdicts = table_verdicts(_tables(tmp_path, ddl))
    for name in names:
        assert verdicts[name].kind == PEOPLE, (name, verdicts[name])


def test_a_case_number_of_a_person_under_a_sentence_is_criminal_offence_data(tmp_path: Path) -> None:
    """A prosecution or case number in a table of convicts is Art. 10 data; the same column in
    a table keyed to them is too, not the opposite verdict (R35a D3); a help desk's case number
    stays no criminal record."""
    ddl = """
    CREATE TABLE convicts (id INT PRIMARY KEY, full_name VARCHAR(100), prosecutor_number VARCHAR(30));
    CREATE TABLE appointments (id INT PRIMARY KEY, convict_id INT REFERENCES convicts(id),
      prosecutor_number VARCHAR(30), starts_at TIMESTAMP);
    CREATE TABLE detenus (id INT PRIMARY KEY, nom TEXT, numero_parquet VARCHAR(20));
    CREATE TABLE condannati (id INT PRIMARY KEY, cognome TEXT, numero_fascicolo VARCHAR(20));
    CREATE TABLE haeftlinge (id INT PRIMARY KEY, nachname TEXT, aktenzeichen VARCHAR(20));
    CREATE TABLE customers (id INT PRIMARY KEY, first_name TEXT, email TEXT, case_number VARCHAR(20));
    CREATE TABLE tickets (id INT PRIMARY KEY, customer_id INT REFERENCES customers(id),
      case_number VARCHAR(20));
    """
    got = _verdicts(tmp_path, ddl)
    for key in (
        "convicts.prosecutor_number",
        "appointments.prosecutor_number",
        "detenus.numero_parquet",
        "condannati.numero_fascicolo",
        "haeftlinge.aktenzeichen",
    ):
        assert got[key].personal and got[key].category == "user.criminal_history", (key, got[key])
        assert "Art. 10" in got[key].reason, (key, got[key])
    for key in ("customers.case_number", "tickets.case_number"):
        assert got[key].category != "user.criminal_history", (key, got[key])
