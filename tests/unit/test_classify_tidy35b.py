"""tidy35b: the number words and the state words are vocabulary, one answer each."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import _NUMBER_WORDS


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
