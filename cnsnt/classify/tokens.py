"""Split identifiers and comments into normalised words.

`tajSzam` -> taj szam, `szuletesiIdo` -> szuletesi ido, `phone1` -> phone,
`{#}users` -> users, `Дата рождения` -> дата рождения; glued words are split
against a vocabulary (`codiceiban` -> codice iban, `charttime` -> chart time).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

# No pattern here can backtrack more than a few characters (hostile comments and
# names reach the tokenizer): a placeholder's body stops at the next brace, runs are
# possessive, and camel-case boundaries are zero-width with fixed-width look-arounds.
_PLACEHOLDER = re.compile(r"\$?\{[^{}]*+\}|@\w++\s*+\.|[`\"\[\]]")
_CAMEL_LOWER_UPPER = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CAMEL_ACRONYM = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")
_LONGEST_SPLIT = 64
"""Longer glued words are not split against the vocabulary (no identifier is that long)."""
_NON_WORD = re.compile(r"[^0-9a-z\u0400-\u04ff]+")
_DIGIT_EDGE = re.compile(r"(?<=[a-z\u0400-\u04ff])(?=[0-9])|(?<=[0-9])(?=[a-z\u0400-\u04ff])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def fold(text: str) -> str:
    """Lower case with accents removed (`Érdekes` -> `erdekes`, `ё` -> `е`)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ß", "ss")


def is_cyrillic(word: str) -> bool:
    """True for a word in Cyrillic script."""
    return bool(_CYRILLIC.search(word))


def raw_words(text: str) -> list[str]:
    """Words of an identifier or sentence: camelCase, snake_case, digits split; folded."""
    text = _PLACEHOLDER.sub(" ", text)
    text = _CAMEL_ACRONYM.sub(" ", text)
    text = _CAMEL_LOWER_UPPER.sub(" ", text)
    return [w for w in _NON_WORD.split(fold(text)) if w]


class Tokenizer:
    """Turns text into words known to a vocabulary, splitting glued words."""

    def __init__(self, vocabulary: Iterable[str], stems: Iterable[str]) -> None:
        self.vocabulary = frozenset(vocabulary)
        # Cyrillic stems, longest first, so `парол` matches `пароля`.
        self.stems = tuple(sorted(set(stems), key=len, reverse=True))
        self._max = max((len(w) for w in self.vocabulary), default=1)

    def words(self, text: str) -> tuple[str, ...]:
        """The normalised words of `text`, in order."""
        return self._words(text)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one tokenizer lives per process
    def _words(self, text: str) -> tuple[str, ...]:
        out: list[str] = []
        for word in raw_words(text):
            out.extend(self.word(word))
        return tuple(out)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one tokenizer lives per process
    def word(self, word: str) -> tuple[str, ...]:
        """One raw word as vocabulary words (digits dropped, plurals and glue split)."""
        if word in self.vocabulary:
            return (word,)
        if is_cyrillic(word):
            for stem in self.stems:
                if word.startswith(stem):
                    return (stem,)
            return (word,)
        parts = [p for p in _DIGIT_EDGE.split(word) if p and not p.isdigit()]
        if len(parts) != 1 or parts[0] != word:
            return tuple(w for p in parts for w in self.word(p))
        if word.endswith("s") and word[:-1] in self.vocabulary:
            return (word[:-1],)
        if word.endswith("es") and word[:-2] in self.vocabulary:
            return (word[:-2],)
        split = self._split(word)
        return split if split else (word,)

    def _split(self, word: str) -> tuple[str, ...] | None:
        """Fewest vocabulary words (each 2+ letters) that make up `word`, or None."""
        if len(word) < 5 or len(word) > _LONGEST_SPLIT:
            return None
        n = len(word)
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        for end in range(2, n + 1):
            for start in range(max(0, end - self._max), end - 1):
                prefix = best[start]
                piece = word[start:end]
                if prefix is None or piece not in self.vocabulary:
                    continue
                candidate = (*prefix, piece)
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
        return best[n]
