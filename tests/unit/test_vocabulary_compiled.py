"""The compiled vocabulary (`vocab/compiled.json`): made from the YAML files, the one source,
and read as they are (vocab36)."""

from __future__ import annotations

import dataclasses
import gc
import json
from collections.abc import Callable

import pytest

from cnsnt.classify import vocabulary
from cnsnt.classify.tokens import fold
from cnsnt.classify.vocabulary import (
    COMPILED,
    REGENERATE,
    Vocabulary,
    VocabularyError,
    compiled_text,
    compiled_vocabulary,
    read_vocabulary,
    source_fingerprint,
)


def _stale() -> str | None:
    """Why the shipped compiled form is not what the YAML files make now, or None."""
    made = compiled_text(read_vocabulary(), source_fingerprint())
    if vocabulary._text(COMPILED) != made:
        return (
            f"cnsnt/classify/vocab/{COMPILED} is not made from the vocabulary files as they are: "
            f"run `{REGENERATE}` and commit the file it writes"
        )
    return None


def _edited(monkeypatch: pytest.MonkeyPatch, name: str, change: Callable[[str], str]) -> None:
    """Read vocabulary file `name` as `change` makes it."""
    real = vocabulary._text
    monkeypatch.setattr(vocabulary, "_text", lambda n: change(real(n)) if n == name else real(n))


def _roundtrip(vocab: Vocabulary) -> Vocabulary:
    return vocabulary._from_compiled(json.loads(compiled_text(vocab, "any")))


def _assert_same(got: Vocabulary, want: Vocabulary) -> None:
    """Every field alike, in the same order where a mapping's order is fixed by the files."""
    for ordered in ("terms", "negators", "senses", "values", "false_friends", "lists", "stemmers"):
        assert list(getattr(got, ordered).items()) == list(getattr(want, ordered).items()), ordered
    assert [list(s.items()) for s in got.senses.values()] == [list(s.items()) for s in want.senses.values()]
    assert dict(got.word_languages) == dict(want.word_languages)
    assert (got.people, got.qualifiers, got.phrases) == (want.people, want.qualifiers, want.phrases)
    assert (got.cyrillic, got.transliterated, got.translit) == (want.cyrillic, want.transliterated, want.translit)
    assert list(got.stems) == list(want.stems)
    for lang in want.stems:  # stems are made when asked, by the installed stemmer, both ways
        assert dict(got.stems[lang]) == dict(want.stems[lang]), lang
    assert got.words == want.words
    assert got == want


def test_the_shipped_compiled_form_is_made_from_the_shipped_files() -> None:
    assert _stale() is None, _stale()
    assert compiled_vocabulary() is not None  # and so it is what `load_vocabulary` reads


def test_a_word_changed_in_a_file_makes_the_compiled_form_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until `.ci/vocab` runs, the test above fails with the command, and the files are read."""
    assert "[codice fiscale, " in vocabulary._text("it.yaml")
    assert ("codice", "tributario") not in read_vocabulary().terms
    _edited(monkeypatch, "it.yaml", lambda text: text.replace("[codice fiscale, ", "[codice tributario, ", 1))
    assert _stale() is not None and REGENERATE in str(_stale())
    assert compiled_vocabulary() is None
    assert ("codice", "tributario") in vocabulary.load_vocabulary.__wrapped__().terms


def test_the_compiled_form_holds_the_whole_vocabulary_the_files_make() -> None:
    compiled = compiled_vocabulary()
    assert compiled is not None
    _assert_same(compiled, read_vocabulary())


def test_the_compiled_form_carries_every_field_of_the_vocabulary() -> None:
    """A field added to `Vocabulary` must be compiled too (stems are made at run time)."""
    sections = set(json.loads(compiled_text(read_vocabulary(), "any"))) - {"generated", "format", "fingerprint"}
    wanted = {f.name for f in dataclasses.fields(Vocabulary)} - {"stems"}
    assert sections == wanted, "write the field in `compiled_text` and read it in `_from_compiled`"


def test_a_new_list_in_common_yaml_is_read_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list moved from code into the vocabulary: read from the files before `.ci/vocab` runs, compiled after."""
    monkeypatch.setattr(vocabulary, "_LIST_KEYS", (*vocabulary._LIST_KEYS, "ward_words"))
    _edited(monkeypatch, "common.yaml", lambda text: text + "\nward_words: [Station, Abteilung, Отделение]\n")
    assert compiled_vocabulary() is None
    read = vocabulary.load_vocabulary.__wrapped__()
    assert read.lists["ward_words"] == {"station", "abteilung", "otdelenie"}
    _assert_same(_roundtrip(read), read)


def test_a_malformed_file_still_raises_vocabulary_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _edited(monkeypatch, "de.yaml", lambda text: text.replace("terms:", "terms: [Name]\nunused:", 1))
    with pytest.raises(VocabularyError, match=r"de\.yaml: `terms` must be a mapping"):
        vocabulary.load_vocabulary.__wrapped__()
    assert gc.isenabled()  # the collector, paused while the files are read, runs again


@pytest.mark.parametrize(
    "text",
    [
        '<<<<<<< HEAD\n{"format": 1}\n=======\n{"format": 1}\n>>>>>>> theirs\n',  # a merge left unresolved
        '{"format": 1, "fingerprint": "0"}',
        '{"format": 0}',
        "[]",
    ],
)
def test_a_compiled_form_unreadable_or_of_other_files_is_passed_over(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    _edited(monkeypatch, COMPILED, lambda _: text)
    assert compiled_vocabulary() is None
    assert vocabulary.load_vocabulary.__wrapped__() == read_vocabulary()


def test_a_missing_compiled_form_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    real = vocabulary._text

    def text(name: str) -> str:
        if name == COMPILED:
            raise FileNotFoundError(name)
        return real(name)

    monkeypatch.setattr(vocabulary, "_text", text)
    assert compiled_vocabulary() is None


def test_a_compiled_form_with_its_fingerprint_but_a_broken_entry_is_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hand edit that kept the fingerprint: a malformed entry reads the files (the first test fails)."""
    _edited(monkeypatch, COMPILED, lambda text: text.replace('"email": "user.contact.email S en"', '"email": 3'))
    assert '"email": 3' in vocabulary._text(COMPILED)
    assert compiled_vocabulary() is None


def test_a_compiled_term_of_another_shape_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """A term's kind is its category, strength and language: two of them is no kind."""
    _edited(monkeypatch, COMPILED, lambda text: text.replace('"email": "user.contact.email S en"', '"email": "S en"'))
    assert '"email": "S en"' in vocabulary._text(COMPILED)
    assert compiled_vocabulary() is None


def test_senses_are_made_when_asked_as_the_files_give_them() -> None:
    """One sense per term unless several languages list it, alike whichever way it was read."""
    compiled, read = compiled_vocabulary(), read_vocabulary()
    assert compiled is not None
    assert ("email",) in compiled.senses and ("no", "such", "term") not in compiled.senses
    assert compiled.senses.get(("no", "such", "term")) is None
    one = next(k for k, by_lang in read.senses.items() if len(by_lang) == 1)
    several = next(k for k, by_lang in read.senses.items() if len(by_lang) > 1)
    category, strength, lang = read.terms[one]
    assert compiled.senses[one] == read.senses[one] == {lang: (category, strength)}
    assert compiled.senses[several] == read.senses[several]
    assert len(compiled.senses) == len(read.senses) == len(read.terms)
    with pytest.raises(KeyError):
        compiled.senses[("no", "such", "term")]


def test_the_compiled_form_holds_no_stems(monkeypatch: pytest.MonkeyPatch) -> None:
    """The installed stemmer stems vocabulary words when asked, as it stems names: no other
    Snowball version's stems can come from the compiled file."""

    class Cut:
        def stemWord(self, word: str) -> str:  # noqa: N802 - snowballstemmer's name
            return word[:3]

        def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802 - snowballstemmer's name
            return [self.stemWord(w) for w in words]

    monkeypatch.setattr(vocabulary, "stemmer", lambda algorithm: Cut())
    compiled = compiled_vocabulary()
    assert compiled is not None
    assert set(compiled.stems["de"]) == {w[:3] for w, langs in compiled.word_languages.items() if "de" in langs and len(w) >= 4}


@pytest.mark.parametrize(
    ("section", "shape"),
    [("terms", []), ("senses", []), ("phrases", [3]), ("translit", []), ("word_languages", {"adi": 3}), ("lists", [])],
)
def test_a_compiled_section_of_the_wrong_shape_is_passed_over(
    monkeypatch: pytest.MonkeyPatch, section: str, shape: object
) -> None:
    """A section hand-edited into another shape, the fingerprint kept: the files are read, no
    traceback (`'list' object has no attribute 'items'` escaped the fallback; codereview36)."""

    def reshaped(text: str) -> str:
        doc = json.loads(text)
        doc[section] = shape
        return json.dumps(doc)

    _edited(monkeypatch, COMPILED, reshaped)
    assert compiled_vocabulary() is None
    assert gc.isenabled()


@pytest.mark.parametrize("read", [read_vocabulary, compiled_vocabulary], ids=["files", "compiled"])
def test_every_phrase_is_folded_as_the_tokenizer_folds_a_name(read: Callable[[], Vocabulary | None]) -> None:
    """The classifier looks the tokenizer's folded words up in `terms` and `senses` as they
    are (speed37 dropped its second folding at import): both ways of reading must fold."""
    vocab = read()
    assert vocab is not None
    for phrases in (vocab.terms, vocab.senses):
        unfolded = [k for k in phrases if tuple(fold(w) for w in k) != k]
        assert not unfolded, unfolded[:5]


def test_a_phrase_written_with_capitals_and_accents_is_found_as_a_name_spells_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _edited(monkeypatch, "de.yaml", lambda text: text.replace("strong:\n      [benutzername,", "strong:\n      [Kündigungsgrund Freitext, benutzername,", 1))
    read = vocabulary.load_vocabulary.__wrapped__()
    assert ("kundigungsgrund", "freitext") in read.terms
    assert "de" in read.senses[("kundigungsgrund", "freitext")]


def test_format_two_word_languages_under_a_format_three_header_is_passed_over(monkeypatch: pytest.MonkeyPatch) -> None:
    """Format 2 wrote a language set per word (`"adi": "tr"`), format 3 the words per set.

    A merge that kept format 2's section under format 3's header and fingerprint took each
    set's string for its words, letter by letter (`"t"`, `"r"`), in silence: the files are read.
    """

    def format_two(text: str) -> str:
        doc = json.loads(text)
        doc["word_languages"] = {w: langs for langs, words in doc["word_languages"].items() for w in words}
        return json.dumps(doc)

    _edited(monkeypatch, COMPILED, format_two)
    assert compiled_vocabulary() is None
