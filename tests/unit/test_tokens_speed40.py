"""The tokenizer skips work that cannot change its words (speed40): each test holds the
shortcut to the answers of the work it skips."""

from __future__ import annotations

import pytest


def _raw_words_every_pattern(text: str) -> tuple[str, ...]:
    """`raw_words` as it was: every pattern run on every text."""
    from cnsnt.classify import tokens

    text = tokens._PLACEHOLDER.sub(" ", text)
    text = tokens._CAMEL_ACRONYM.sub(" ", text)
    text = tokens._CAMEL_LOWER_UPPER.sub(" ", text)
    return tuple(w for w in tokens._NON_WORD.split(tokens.fold(text)) if w)


@pytest.mark.parametrize(
    "text",
    [
        "data_nascimento",
        "dataNascimento",
        "HTTPServerURL",
        "ДатаРождения",
        "SzuletesiDátum",
        "ÖsszegÁFA",
        "{#}users",
        "${prefix}_users",
        "@users.email",
        "`order`",
        '"Name"',
        "[dbo].[Patient]",
        "ΑΦΜ_πελατη",
        "phone2",
        "",
        "_",
    ],
)
def test_raw_words_skips_only_patterns_that_cannot_match(text: str) -> None:
    """A pattern is skipped only where the text lacks every character it needs."""
    from cnsnt.classify.tokens import raw_words

    assert tuple(raw_words(text)) == _raw_words_every_pattern(text)


def test_raw_words_agrees_with_every_pattern_on_any_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cnsnt.classify.tokens import raw_words

    letters = st.sampled_from(list("aZ_9{}$@.`\"[] éÉßдДЁёΣσ-"))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(letters, max_size=12).map("".join))
    def agree(text: str) -> None:
        assert tuple(raw_words(text)) == _raw_words_every_pattern(text)

    agree()


def _split_every_start(tokenizer: object, word: str) -> tuple[str, ...] | None:
    """`Tokenizer._split`'s search as it was: every start tried for every end."""
    vocabulary, longest = tokenizer.vocabulary, tokenizer._max  # type: ignore[attr-defined]
    n = len(word)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(2, n + 1):
        for start in range(max(0, end - longest), end - 1):
            prefix = best[start]
            piece = word[start:end]
            if prefix is None or piece not in vocabulary:
                continue
            candidate = (*prefix, piece)
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    return best[n]


def test_glued_words_split_as_by_trying_every_start() -> None:
    """The split goes on only from where a vocabulary word ended: the same fewest pieces."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from cnsnt.classify.classifier import _TOKENIZER

    words = sorted(w for w in _TOKENIZER.vocabulary if 2 <= len(w) <= 9 and w.isascii() and w.isalpha())
    glued = st.lists(st.sampled_from(words), min_size=1, max_size=4).map("".join)
    noisy = st.tuples(glued, st.text("xqzk", max_size=3), glued).map("".join)

    @settings(max_examples=400, deadline=None)
    @given(st.one_of(glued, noisy))
    def same(word: str) -> None:
        if not 5 <= len(word) <= 64:
            return
        want = _split_every_start(_TOKENIZER, word)
        got = _TOKENIZER._split(word)
        # `_split` then drops doubtful and mixed splits: compare where it keeps one
        assert got is None or got == want
        if want is not None and got is None:
            from cnsnt.classify.tokens import _doubtful

            assert _doubtful(want) or _TOKENIZER._mixed(want) or want[0] in _TOKENIZER._loose_heads

    same()
    for word in ("codiceiban", "datanascimento", "charttime", "recorddiseases", "kontonummer"):
        kept = _TOKENIZER._split(word)
        assert kept is None or kept == _split_every_start(_TOKENIZER, word)
