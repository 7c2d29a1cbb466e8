"""tidy35b: the number words and the state words are vocabulary, one answer each."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from cnsnt.classify import classify_tables
from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import _NUMBER_WORDS, _criminal_case
from cnsnt.evidence import ForeignKey
from tests.unit.schema_entry import typed_table


def _own_list(lang: str, key: str) -> list[str]:
    text = resources.files("cnsnt.classify").joinpath("vocab", f"{lang}.yaml").read_text("utf-8")
    return list(yaml.safe_load(text).get(key) or [])


# -- 1: the number words are each language's own


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", {"number", "no", "num"}),
        ("fr", {"numero", "no"}),
        ("it", {"numero"}),
        ("de", {"nummer", "nr"}),
        ("pl", {"numer", "nr"}),
        ("hu", {"szam"}),
        ("tr", {"numara", "no"}),
    ],
)
def test_number_words_are_each_language_s_own(lang: str, words: set[str]) -> None:
    """`numara` is read from tr.yaml, `szam` from hu.yaml: no list of them in code (tidy35b)."""
    assert words <= set(_own_list(lang, "number_words"))
    assert words <= lx.NUMBER_WORDS == _NUMBER_WORDS


def test_a_bare_no_is_a_word_not_false() -> None:
    """`no` written bare is YAML for false: the files quote it, so it stays a number word."""
    assert "no" in _own_list("tr", "number_words")


def test_a_russian_nomer_numbers_a_document_only() -> None:
    """`nomer` is a number word beside an identity document's issuing office only
    (`document_number_words`), not wherever one is read: as one it lost 8 findings for 10
    false alarms on tune and lowered the recall of the half it was not studied on (session 35).
    A receipt's `nomer` in a pupil's payments stays read as a fact of the pupil; its `numero`
    is the receipt's number."""
    assert "nomer" in _own_list("ru", "document_number_words")
    assert "nomer" not in _NUMBER_WORDS
    students = typed_table("uchenik", [("id", "int"), ("familiya", "varchar(60)"), ("imya", "varchar(60)")])
    verdicts = {}
    for column in ("numero", "nomer"):
        payments = typed_table(
            "kvitancii",
            [("id", "int"), ("uchenik_id", "int"), (column, "varchar(64)")],
            keys=(ForeignKey(("uchenik_id",), "uchenik", ("id",)),),
        )
        verdicts[column] = classify_tables([students, payments])[f"kvitancii.{column}"].personal
    assert verdicts == {"numero": False, "nomer": True}


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", {"ref", "reference"}), ("fr", {"n", "reference"}), ("it", {"riferimento"}), ("es", {"referencia"})],
)
def test_reference_words_are_each_language_s_own(lang: str, words: set[str]) -> None:
    """What numbers a criminal case besides a number or code word (`n_dossier`, `case_ref`) is
    read from each language's file, no list in code (tidy35b)."""
    assert words <= set(_own_list(lang, "reference_words")) and words <= lx.REFERENCE_WORDS
    assert _criminal_case(("n", "dossier")) == "dossier"
    assert _criminal_case(("prosecution", "ref")) is not None


# -- 2: one list of state words, read where a column, a key or a special datum has one


def test_status_words_are_the_state_words_with_kinds_and_levels() -> None:
    """The status words were a list of their own that lacked French `etat`, Hungarian `statusz`,
    Spanish `estatus` and French `niveau` (tidy35b); the key rules' state words are the same list."""
    from cnsnt.classify.classifier import _KIND_WORDS, _STATE_WORDS, _STATUS_WORDS
    from cnsnt.classify.tables import _STATE_KEY_WORDS

    assert lx.STATE_WORDS | {"stato"} == _STATE_WORDS == _STATE_KEY_WORDS
    assert _KIND_WORDS | _STATE_WORDS | lx.LEVEL_WORDS <= _STATUS_WORDS
    assert {"etat", "statusz", "estatus", "niveau"} <= _STATUS_WORDS


@pytest.mark.parametrize(
    "column", ["sante_etat", "handicap_etat", "egeszseg_statusz", "salud_estatus", "handicap_niveau"]
)
def test_a_state_of_health_in_any_language_is_health_data(column: str) -> None:
    """`sante_etat` is a patient's health as `health_status` is, not a technical state (tidy35b)."""
    patients = typed_table(
        "patients", [("id", "int"), ("nom", "varchar(60)"), ("prenom", "varchar(60)"), (column, "varchar(40)")]
    )
    got = classify_tables([patients])[f"patients.{column}"]
    assert got.personal and got.category == "user.health", got


@pytest.mark.parametrize(("column", "theirs"), [("stan_skladek", True), ("stan", False)])
def test_polish_stan_is_a_state_word(column: str, theirs: bool) -> None:
    """`stan` was a status word but no state word (tidy35b): `stan_skladek` in a member's row is the
    state of their dues, as `aidat_durumu` is; a bare `stan` stays the row's."""
    members = typed_table(
        "zawodnicy", [("id", "int"), ("imie", "varchar(60)"), ("nazwisko", "varchar(60)"), (column, "varchar(20)")]
    )
    got = classify_tables([members])[f"zawodnicy.{column}"]
    assert got.personal is theirs, got
    assert "stan" in lx.STATE_WORDS


# -- 3: other words of a language in code


@pytest.mark.parametrize(("lang", "word"), [("en", "title"), ("de", "titel"), ("fr", "titre"), ("pl", "tytul")])
def test_title_words_are_each_language_s_own(lang: str, word: str) -> None:
    """The words of a thing's title on a form (`_titled_thing`) are read from each language's file."""
    from cnsnt.classify.classifier import _TITLE_WORDS

    assert word in _own_list(lang, "title_words") and word in _TITLE_WORDS


@pytest.mark.parametrize(("lang", "word"), [("en", "prefix"), ("es", "prefijo"), ("it", "prefisso"), ("tr", "onek")])
def test_name_prefix_words_are_each_language_s_own(lang: str, word: str) -> None:
    """`last_name_prefix` keeps its name: the prefix words are read from each language's file."""
    from cnsnt.classify.classifier import _NAME_PREFIXES

    assert word in _own_list(lang, "name_prefix_words") and word in _NAME_PREFIXES
