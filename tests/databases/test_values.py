"""Recognising personal data in single values, and the verdict a sample gives."""

from __future__ import annotations

import random

import pytest
from stdnum import iban, luhn
from stdnum.it import codicefiscale

from cnsnt.classify import classify_column
from cnsnt.model import Confidence
from cnsnt.sources.databases.sampling import unsure, verdict_from
from cnsnt.sources.databases.values import kinds_of, tally


def card(prefix: str, length: int = 16) -> str:
    body = prefix + "".join(random.Random(prefix).choice("0123456789") for _ in range(length - len(prefix) - 1))
    return body + luhn.calc_check_digit(body)


def german_iban(account: str) -> str:
    bban = "37040044" + account.zfill(10)
    return "DE" + iban.calc_check_digits("DE00" + bban) + bban


def tax_code(stem: str) -> str:
    return stem + codicefiscale.calc_check_digit(stem)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("maria.rossi@example.it", "email"),
        ("+39 06 6982 0000", "phone"),
        ("0044 20 7946 0958", "phone"),
        (german_iban("532013000"), "iban"),
        (card("4111"), "card"),
        (card("5500", 16)[:4] + " " + card("5500", 16)[4:], "card"),
        ("192.0.2.44", "ip"),
        ("2001:db8::7", "ip"),
        (tax_code("RSSMRA85T10A562"), "id:it.codicefiscale"),
        ("12345678Z", "id:es.dni"),
    ],
)
def test_each_kind_is_recognised(value, kind):
    assert kind in [k.key for k in kinds_of(value)]


@pytest.mark.parametrize(
    "value",
    [
        "hello world",
        "maria at example dot it",
        "write to maria.rossi@example.it",  # a sentence, not an address
        "4111111111111112",  # fails Luhn
        "DE00370400440532013000",  # wrong IBAN check digits
        "RSSMRA85T10A562A",  # wrong tax-code check letter
        "06 6982 0000",  # a national number without country: ambiguous
        "999.1.1.1",
        "2024-01-15",
        "",
    ],
)
def test_near_misses_are_not_personal(value):
    assert kinds_of(value) == []


def test_tally_reports_counts_only():
    values = [tax_code(f"RSSMRA85T10A56{d}") for d in "0123456"] + [f"note {i}" for i in range(13)]
    result = tally(values)
    assert (result.sampled, result.matched, result.kind and result.kind.key) == (20, 7, "id:it.codicefiscale")
    assert result.reason == "7 of 20 sampled values are Italian tax codes"
    assert not any(v in repr(result) for v in values)


def test_a_minority_of_matches_does_not_change_the_verdict():
    by_name = classify_column("orders", "reference", "varchar(40)")
    assert unsure(by_name)
    few = tally(["a@b.example"] * 3 + ["x"] * 7)
    assert verdict_from(few, by_name) is None
    most = tally(["a@b.example"] * 7 + ["x"] * 3)
    found = verdict_from(most, by_name)
    assert found is not None and found.personal and found.category == "user.contact.email"
    assert found.confidence is Confidence.MEDIUM
    assert found.reason == "7 of 10 sampled values are email addresses"


def test_bytes_and_nulls_are_not_counted():
    assert tally([b"a@b.example", None, "a@b.example"]).sampled == 1


def test_sure_names_are_not_sampled():
    assert not unsure(classify_column("customers", "email", "varchar(100)"))
    assert unsure(classify_column("orders", "notes", "text"))
