"""tidy34: questions the classifier answered twice, each now asked of one function or list."""

from __future__ import annotations

import pytest

from cnsnt.classify import classify_tables
from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import _one_word
from tests.unit.schema_entry import typed_table


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
    """`notification` was added to the notice words in code; the vocabulary holds them all now.

    A channel's words are its flags and the words of receiving, not `notifications`:
    `receive_sms_notifications` is a setting, no way to be reached (cls33a).
    """
    assert {"notification", "notifications", "notify", "receive"} <= lx.NOTICE_WORDS
    assert not {"flag", "flg", "is"} & lx.NOTICE_WORDS
    flags = lx.REACH_WORDS - lx.NOTICE_WORDS
    assert flags == {"flag", "flg", "is"}
    assert not {"notification", "notifications"} & lx.REACH_WORDS


def test_a_part_of_the_software_with_any_word_that_names_it_is_no_fact() -> None:
    """`employees.module_label`, `module_title` are read as `module_name` is (tidy34).

    The words naming a software part were a copy of part of `label_words`; they are the
    label words now, so a label or a title of a module is the application's, as its name was.
    """
    columns = [("id", "int"), ("first_name", "varchar(50)"), ("email", "varchar(100)")]
    named = [("module_name", "varchar(40)"), ("module_label", "varchar(40)"), ("module_title", "varchar(40)")]
    got = classify_tables([typed_table("employees", columns + named)])
    for name, _ in named:
        verdict = got[f"employees.{name}"]
        assert not verdict.personal and "names a part of the software" in verdict.reason, verdict


def test_lists_once_written_twice_are_one() -> None:
    """sessions.py's session data had `vars` and not `dump`, the vocabulary's the reverse;
    classifier.py's datum words lacked the `valeur` its value words had (tidy34)."""
    assert {"vars", "dump", "payload"} <= lx.SESSION_DATA
    assert "valeur" in lx.VALUE_WORDS


def test_a_key_picks_a_state_by_the_state_words() -> None:
    """The key rules' state words were a copy of `state_words` (with `stato`) that lacked
    French `etat` and `estatus` (tidy34)."""
    from cnsnt.classify.tables import _STATE_KEY_WORDS

    assert lx.STATE_WORDS | {"stato"} <= _STATE_KEY_WORDS


def test_a_glued_time_ends_in_one_list_of_time_words() -> None:
    """A name's word that ends in a time word was a timestamp by `fecha` and not `tarih`,
    a shared number a time by `tarih` and not `fecha`; one vocabulary list now (tidy34)."""
    from cnsnt.classify.classifier import _negator_kind

    assert {"fecha", "tarih", "date", "stamp"} <= lx.GLUED_TIMES
    assert _negator_kind("kayittarih") == "timestamp"


def test_the_words_of_a_code_are_vocabulary_and_label_a_list() -> None:
    """classifier.py's code words were written in code and `label_words` repeated six of
    them without `cod`; one vocabulary list now, joined to the label words (tidy34)."""
    assert {"code", "codice", "codigo", "cod", "codi", "kod", "kodu"} == lx.CODE_WORDS
    assert lx.CODE_WORDS <= lx.LABEL_WORDS
