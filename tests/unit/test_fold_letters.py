"""One fold for every letter: `fold_word` reads the letters Unicode does not decompose.

`ł`, `ø`, `æ`, `œ`, `đ`, `ð`, `þ` have no accent to drop: NFKD leaves them whole, and the
tokenizer cut a name at them (`płeć` was the words `p` and `ec`, `hasło` was `has` and
`o`). Form-to-column matching had its own table for them; now `fold_word` has the one
table (brief fix29b). Names written for these tests.
"""

from __future__ import annotations

import pytest

from cnsnt.classify import classify_column
from cnsnt.classify.implied import with_implied_keys
from cnsnt.classify.tokens import raw_words
from cnsnt.classify.vocabulary import ascii_letters, fold_word
from cnsnt.starter.form_columns import normal
from tests.unit.schema_entry import typed_table


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("płeć", "plec"),  # pl
        ("Łódź", "lodz"),
        ("WŁAŚCICIEL", "wlasciciel"),
        ("Søren", "soren"),  # da, no
        ("Ærø", "aero"),
        ("Œuvre", "oeuvre"),  # fr
        ("sœur", "soeur"),
        ("Đorđe", "dorde"),  # hr
        ("Þórður", "thordur"),  # is
        ("Straße", "strasse"),  # de, as before
        ("Adı", "adi"),  # tr, as before
        ("İŞÇİ", "isci"),
        ("Érdekes", "erdekes"),  # hu, as before
        ("ёлка", "елка"),  # ru, as before: Cyrillic stays Cyrillic
    ],
)
def test_fold_word_reads_letters_unicode_does_not_decompose(text: str, folded: str) -> None:
    assert fold_word(text) == folded


def test_ascii_letters_keeps_case_for_camel_case_names() -> None:
    assert ascii_letters("ÖdemeTarihi") == "OdemeTarihi"
    assert ascii_letters("właścicielId") == "wlascicielId"
    assert ascii_letters("ŁódźÆble") == "LodzAeble"


def test_the_tokenizer_no_longer_cuts_a_name_at_such_a_letter() -> None:
    assert raw_words("płeć") == ["plec"]
    assert raw_words("hasło_użytkownika") == ["haslo", "uzytkownika"]
    assert raw_words("Sønderborg_adresse") == ["sonderborg", "adresse"]


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("płeć", "user.demographic.gender"),
        ("hasło", "user.authorization.password"),
        ("właściciel_rachunku", "user.financial.bank_account"),
    ],
)
def test_a_polish_column_spelt_with_l_stroke_has_its_kind(name: str, category: str) -> None:
    verdict = classify_column("osoby", name, "VARCHAR(40)")
    assert verdict.personal and verdict.category == category, verdict


def test_a_key_spelt_in_ascii_points_at_the_table_spelt_with_l_stroke() -> None:
    tables = [
        typed_table("właściciele", [("id", "INT"), ("nazwisko", "VARCHAR(40)")], (), ("id",)),
        typed_table("psy", [("id", "INT"), ("wlasciciel_id", "INT")], (), ("id",)),
    ]
    keys = {(t.name, k.columns[0]): k.ref_table for t in with_implied_keys(tables) for k in t.foreign_keys}
    assert keys == {("psy", "wlasciciel_id"): "właściciele"}


def test_form_names_compare_with_the_same_fold() -> None:
    assert normal("Płeć_Osoby") == normal("plec-osoby") == "plecosoby"
    assert normal("Adresse_Gade_Ø") == "adressegadeo"
