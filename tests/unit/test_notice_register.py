"""The German and Spanish catalogs speak as a privacy notice does: formally, in its terms.

A new-user review (German and Spanish drafts for a club and a clinical laboratory)
found a cut-off German sentence, "heikle Daten" for GDPR Art. 9 data, "persönliche
Daten" where German law and readers say "personenbezogene Daten", and a Spanish notice
that said "tú" while the German one said "Sie". There is no option for the register:
a notice is formal by default (docs/notices.md).
"""

from __future__ import annotations

import re

from cnsnt.notices.catalog import read_catalog
from cnsnt.notices.i18n import lang as get_lang


def strings(code: str) -> list[str]:
    out: list[str] = []
    for message in read_catalog(code):
        if message.id:
            value = message.string
            out.extend(value if isinstance(value, list | tuple) else [value])
    return out


def test_german_says_personenbezogene_daten_never_persoenliche_daten() -> None:
    found = [s for s in strings("de") if re.search(r"\bpersönlich\w* Daten\b", s, re.I)]
    assert found == []
    assert any("personenbezogene" in s for s in strings("de"))


def test_german_names_art9_data_as_specially_protected_not_touchy() -> None:
    L = get_lang("de")
    assert L._("This is sensitive data.") == "Das sind besonders geschützte Daten."
    assert not [s for s in strings("de") if "heikel" in s.lower()]


def test_german_sentences_are_whole_and_idiomatic() -> None:
    L = get_lang("de")
    # "nur so lange auf." ended the sentence before saying how long
    assert L._("We keep each kind of data only for this long.").endswith(
        "nur so lange auf, wie hier angegeben."
    )
    assert L._("We do not ask for your consent for anything.") == (
        "Wir bitten Sie um keine Einwilligung."
    )


#: Words that only the informal "tú" uses: pronouns, possessives, its verb forms and imperatives.
TU = re.compile(
    r"\b(tú|tu|tus|ti|te|contigo|puedes|quieras|aceptas|aceptaste|tienes|eres|haces|usas|"
    r"escribes|subes|diste|pediste|crees|vives|trabajas|muestres|dinos|pídenos|dínoslo|"
    r"contacta|escribe a|darte|llevártelos|oponerte)\b",
    re.I,
)


def test_spanish_uses_usted_throughout() -> None:
    informal = [s for s in strings("es") if TU.search(s)]
    assert informal == []
    L = get_lang("es")
    assert L._("How we use your personal data") == "Cómo usamos sus datos personales"
    assert L._("We do not ask for your consent for anything.") == (
        "No le pedimos su consentimiento para nada."
    )
