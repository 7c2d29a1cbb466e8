"""tidy34: questions the classifier answered twice, each now asked of one function or list."""

from __future__ import annotations

import pytest

from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import _one_word


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("umowy", "umowa"),
        ("toplanti", "toplantilar"),
        ("toplantilar", "toplanti"),
        ("sortida", "sortides"),
        ("pratica", "pratiche"),
        ("fest", "festival"),
        ("festival", "fest"),
    ],
)
def test_one_word_in_its_forms(word: str, other: str) -> None:
    """A record's word and a container's word are read alike, whichever way round (tidy34).

    `_names_same` (tables) let only the container's word start with the table's, and
    `_one_word` let a word of any length start the other.
    """
    assert _one_word(word, other)


@pytest.mark.parametrize(("word", "other"), [("nr", "nrx"), ("id", "idea"), ("kurs", "kasa"), ("ev", "evrak")])
def test_words_that_only_share_a_short_start_are_two(word: str, other: str) -> None:
    """Under four letters a word starts too many others to be read as one of them."""
    assert not _one_word(word, other) and not _one_word(other, word)


def test_the_words_of_a_notice_are_vocabulary() -> None:
    """`notification` was added to the notice words in code; the vocabulary holds them all now,
    and a channel's flag words with them make the words that reach a person (`flag_sms`)."""
    assert {"notification", "notifications", "notify", "receive"} <= lx.NOTICE_WORDS
    assert not {"flag", "flg", "is"} & lx.NOTICE_WORDS
    flags = lx.REACH_WORDS - lx.NOTICE_WORDS
    assert flags == {"flag", "flg", "is"}
