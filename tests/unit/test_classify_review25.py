"""review25 D6 and D7: readings that ignored the schema's language, a column's type, or a key's target.

The fixtures are written for these tests after the snippets of review25 (a German
patient register of a Symfony app, a Brazilian pharmacy's Prisma models).
"""

from __future__ import annotations

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.evidence import Column, ForeignKey, Table
from cnsnt.model import Location

WHERE = Location("schema.sql", 1, 1)


def _table(name: str, columns: list[tuple[str, str]], keys: tuple[ForeignKey, ...] = ()) -> Table:
    return Table(
        name=name,
        location=WHERE,
        source="schema.sql",
        columns=tuple(
            Column(name, c, WHERE, "schema.sql", type=t, primary_key=c == "id") for c, t in columns
        ),
        foreign_keys=keys,
    )


def _patients(*extra: tuple[str, str]) -> Table:
    """A German register of patients (after review25's `Patient` entity)."""
    return _table(
        "patient",
        [
            ("id", "INT"),
            ("vorname", "VARCHAR(255)"),
            ("nachname", "VARCHAR(255)"),
            ("geburtsdatum", "DATE"),
            ("krankenkasse", "VARCHAR(255)"),
            ("versichertennummer", "VARCHAR(255)"),
            ("kv_bereich", "VARCHAR(255)"),
            ("versichertenstatuskvk", "VARCHAR(255)"),
            ("valid_till", "DATE"),
            *extra,
        ],
    )


def test_a_russian_word_in_latin_letters_is_not_read_in_a_german_schema() -> None:
    """`kv_bereich` is the Kassenärztliche Vereinigung's region, not a Russian flat (`kv.`)."""
    got = classify_tables([_patients()])["patient.kv_bereich"]
    assert got.category != "user.contact.address.street", got
    assert "(ru)" not in got.reason, got


def test_a_russian_word_in_latin_letters_is_read_in_an_english_schema() -> None:
    """Identifiers are English whatever their authors speak: `FIO` (ФИО) is still a full name."""
    entries = _table(
        "RegistryEntries",
        [("id", "INT"), ("FIO", "VARCHAR(255)"), ("EntryNumber", "VARCHAR(50)"), ("Address", "TEXT")],
    )
    got = classify_tables([entries])["RegistryEntries.FIO"]
    assert got.personal and got.category == "user.name", got


def test_a_date_is_no_flag() -> None:
    """`valid_till date`: a date or a time is no yes/no, whatever its name says of a state."""
    got = classify_tables([_patients()])["patient.valid_till"]
    assert "flag" not in got.reason, got


def test_a_german_insurance_card_status_names_no_company() -> None:
    """`versichertenstatuskvk`: KVK is the German health-insurance card, not the Dutch
    chamber of commerce's number; the patients' register has no rows that are companies."""
    verdict = table_verdicts([_patients()])["patient"]
    assert "compan" not in verdict.reason, verdict
    assert verdict.context.describes, verdict


def test_a_register_of_patients_with_a_company_column_says_so_readably() -> None:
    """Both clauses at once read as a sentence, not 'some rows are companies, patients'."""
    verdict = table_verdicts([_patients(("firmenname", "VARCHAR(255)"))])["patient"]
    assert "companies, patients" not in verdict.reason, verdict
    assert "patients, so what it records beside who they are is their care" in verdict.reason
    assert "'firmenname' names a company" in verdict.reason, verdict
