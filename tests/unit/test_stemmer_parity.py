"""The C Snowball stemmer (PyStemmer) and snowballstemmer's pure Python give the same stems.

snowballstemmer hands out PyStemmer's stemmers when it is installed (a dependency since
session 36, for speed) and its own Python ones when it is not (a platform without a wheel).
The classifier's verdicts must not depend on which: every vocabulary word of every language
cnsnt stems, and identifiers written in those languages, get one stem from both.
"""

from __future__ import annotations

import importlib

import pytest

from cnsnt.classify.vocabulary import load_vocabulary

# Identifiers as schemas write them, with the suffixes the stemmers remove (made here).
_NAMES = {
    "tr": ["adresi", "soyadi", "dogum_tarihi", "telefonlari", "kimlikleri"],
    "hu": ["neve", "cime", "szuletesi", "telefonszamok", "anyja"],
    "pl": ["nazwiska", "adresy", "telefony", "urodzenia", "pracownikow"],
    "de": ["telefonnummern", "geburtsdaten", "anschriften", "mitglieder", "kundinnen"],
    "nl": ["geboortedatums", "adressen", "telefoonnummers", "leerlingen", "medewerkers"],
    "fr": ["adresses", "naissances", "telephones", "adherents", "salaries"],
    "ca": ["adreces", "cognoms", "naixements", "telefons", "alumnes"],
}


def _pure_python(algorithm: str) -> object:
    """snowballstemmer's own Python class for an algorithm, whether or not PyStemmer is there."""
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    name = "".join(part.title() for part in algorithm.split("_")) + "Stemmer"
    return getattr(module, name)()


def _words(lang: str) -> list[str]:
    vocabulary = load_vocabulary()
    words = sorted(w for w, langs in vocabulary.word_languages.items() if lang in langs)
    return words + _NAMES.get(lang, [])


@pytest.mark.parametrize("lang", sorted(load_vocabulary().stemmers))
def test_c_and_python_stemmers_agree_on_the_vocabulary(lang: str) -> None:
    stemmer_c = pytest.importorskip("Stemmer", reason="PyStemmer not installed: only one stemmer to use")
    algorithm = load_vocabulary().stemmers[lang]
    c, python = stemmer_c.Stemmer(algorithm), _pure_python(algorithm)
    words = _words(lang)
    assert len(words) > 20
    differ = [(w, c.stemWord(w), python.stemWord(w)) for w in words if c.stemWord(w) != python.stemWord(w)]  # type: ignore[attr-defined]
    assert differ == []


def test_snowballstemmer_hands_out_the_c_stemmer_when_installed() -> None:
    """The speed the dependency is for: without it, every first classification stems in Python."""
    stemmer_c = pytest.importorskip("Stemmer", reason="PyStemmer not installed")
    import snowballstemmer

    assert isinstance(snowballstemmer.stemmer("turkish"), stemmer_c.Stemmer)
