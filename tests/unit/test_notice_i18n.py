"""The gettext catalogs: complete, consistent placeholders, right plural forms, plain."""

from __future__ import annotations

import dataclasses
import re

import pytest

from cnsnt.notices.catalog import extract_messages, read_catalog
from cnsnt.notices.i18n import LANGUAGES, lang, translations
from cnsnt.notices.readability import assess, thresholds_for

TRANSLATED = [code for code in LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
#: Legal names of the basis (shown with a plain explanation next to them).
LEGAL_TERMS = {"Our legitimate interests"}


def _ids(message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, list | tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, list | tuple) else (message.string,)


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_translates_every_message_with_the_same_placeholders(code):
    template = {_ids(m): m for m in extract_messages() if m.id}
    catalog = {_ids(m): m for m in read_catalog(code) if m.id}
    assert set(template) - set(catalog) == set(), "run python -m tests.regen_notices --catalogs"
    assert set(catalog) - set(template) == set(), "obsolete messages"
    for key, message in catalog.items():
        strings = _strings(message)
        assert all(strings), f"{code}: untranslated {key[0]!r}"
        wanted = sorted(PLACEHOLDER.findall(key[0]))
        for text in strings:
            assert sorted(PLACEHOLDER.findall(text)) == wanted, (code, key[0], text)


@pytest.mark.parametrize("code", TRANSLATED)
def test_plural_forms_match_the_language(code):
    catalog = read_catalog(code)
    # GNU gettext's forms: tr, hu, es, fr, pt two (CLDR's "many" for millions is left out).
    expected = {"ru": 3, "pl": 3}.get(code, 2)
    assert catalog.num_plurals == expected
    for message in catalog:
        if isinstance(message.id, list | tuple):
            assert len(message.string) == expected, message.id


@pytest.mark.parametrize(
    ("code", "one", "other"),
    [("it", "giorno", "giorni"), ("ca", "dia", "dies"), ("tr", "gün", "gün"), ("hu", "nap", "nap"),
     ("es", "día", "días"), ("de", "Tag", "Tage"), ("pt", "dia", "dias"), ("nl", "dag", "dagen")],
)
@pytest.mark.parametrize("n", [0, 1, 2, 5, 11, 21, 111, 1_000_000])
def test_two_form_languages_pick_the_right_form(code, one, other, n):
    """Behaviour, not Babel's plural expression (its string changes with CLDR releases).

    Turkish and Hungarian put a noun after a number in the singular.
    """
    assert lang(code).n_("%(num)d day", "%(num)d days", n) == f"{n} {one if n == 1 else other}"


@pytest.mark.parametrize(
    ("n", "form"),
    [(1, "1 день"), (2, "2 дня"), (4, "4 дня"), (5, "5 дней"), (11, "11 дней"), (12, "12 дней"),
     (21, "21 день"), (22, "22 дня"), (25, "25 дней"), (101, "101 день"), (111, "111 дней")],
)
def test_russian_plurals(n, form):
    assert lang("ru").n_("%(num)d day", "%(num)d days", n) == form


@pytest.mark.parametrize("n", [0, 1, 2, 5, 11, 21, 111, 1_000_000])
def test_french_puts_zero_and_one_in_the_singular(n):
    assert lang("fr").n_("%(num)d day", "%(num)d days", n) == f"{n} {'jour' if n < 2 else 'jours'}"


@pytest.mark.parametrize(
    ("n", "form"),
    [(1, "1 rok"), (2, "2 lata"), (4, "4 lata"), (5, "5 lat"), (12, "12 lat"), (22, "22 lata"),
     (25, "25 lat"), (102, "102 lata"), (112, "112 lat")],
)
def test_polish_plurals(n, form):
    assert lang("pl").n_("%(num)d year", "%(num)d years", n) == form


@pytest.mark.parametrize(
    ("code", "date"),
    [("es", "1 de marzo de 2026"), ("de", "1. März 2026"), ("fr", "1 mars 2026"),
     ("pt", "1 de março de 2026"), ("nl", "1 maart 2026"), ("pl", "1 marca 2026")],
)
def test_dates_are_cldr_long_dates(code, date):
    import datetime as dt

    assert lang(code).date(dt.date(2026, 3, 1)) == date


def test_catalogs_compile_and_translate():
    assert translations("it").gettext("Your rights") == "I tuoi diritti"
    assert translations("en").gettext("Your rights") == "Your rights"


@pytest.mark.parametrize("code", LANGUAGES)
def test_fixed_text_is_plain_language_itself(code):
    """Every fixed sentence passes the same formula and sentence-length check as policy texts."""
    limits = dataclasses.replace(thresholds_for(code), jargon=())  # jargon checked below
    failures = []
    messages = extract_messages() if code == "en" else read_catalog(code)
    for message in messages:
        if not message.id:
            continue
        texts = _ids(message) if code == "en" else _strings(message)
        for text in texts:
            sample = PLACEHOLDER.sub(lambda m: "3" if m.group(1) == "num" else "Example", text)
            result = assess(sample, code, limits)
            if not result.ok:
                failures.append((text, result.problems()))
            if _ids(message)[0] not in LEGAL_TERMS:
                assert not assess(sample, code).jargon, (code, text)
    assert failures == []
