"""The vocabulary a first classification loads and stems does no work whose result it never reads (speed40)."""

from __future__ import annotations

import pytest

from cnsnt.classify.vocabulary import load_vocabulary, stemmer


def test_the_c_stemmer_keeps_no_cache_of_its_own() -> None:
    """PyStemmer caches every word it stems (10,000 by default); the tokenizer caches its words.

    Filling that second cache made the first stemming of the vocabulary's words (all seven
    stemmed languages, on a first classification) cost three to five times the stemming.
    """
    pytest.importorskip("Stemmer", reason="PyStemmer not installed: the Python stemmers keep no cache")
    for algorithm in sorted(set(load_vocabulary().stemmers.values())):
        assert stemmer(algorithm).maxCacheSize == 0, algorithm


def test_stems_are_those_of_a_caching_stemmer() -> None:
    """The stem tables read without the cache hold what they held with it."""
    stemmer_c = pytest.importorskip("Stemmer", reason="PyStemmer not installed")
    vocabulary = load_vocabulary()
    for lang, algorithm in sorted(vocabulary.stemmers.items()):
        if lang not in vocabulary.stems:
            continue
        caching = stemmer_c.Stemmer(algorithm)
        table = vocabulary.stems[lang]
        for stem, word in table.items():
            assert caching.stemWord(word) == stem


def test_the_compiled_form_writes_each_set_of_languages_once() -> None:
    """9,081 words and 175 sets of languages: each set written once with its words, sorted.

    The words' languages were a string a word, all but 175 of them repeats, and parsing them
    was a third of the compiled form's JSON; read back, every word has its languages as before.
    """
    import json

    from cnsnt.classify import vocabulary

    doc = json.loads(vocabulary._text(vocabulary.COMPILED))
    grouped = doc["word_languages"]
    assert all(isinstance(words, list) and words == sorted(words) for words in grouped.values())
    assert list(grouped) == sorted(grouped)
    read = vocabulary.read_vocabulary()
    assert sum(map(len, grouped.values())) == len(read.word_languages)
    for langs, words in grouped.items():
        for word in words:
            assert read.word_languages[word] == tuple(langs.split(" ")), word
    assert dict(load_vocabulary().word_languages) == dict(read.word_languages)
