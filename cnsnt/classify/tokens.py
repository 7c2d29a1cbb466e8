"""Split identifiers and comments into normalised words.

`tajSzam` -> taj szam, `szuletesiIdo` -> szuletesi ido, `phone1` -> phone,
`{#}users` -> users, `Дата рождения` -> data rozhden (transliterated, stemmed);
glued words are split against a vocabulary (`codiceiban` -> codice iban, `charttime`
-> chart time); inflected words are stemmed to a vocabulary word (`adresi` -> adres,
`familiya` -> famil).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from cnsnt.classify.vocabulary import Transliterator, fold_word, stemmer

# No pattern here can backtrack more than a few characters (hostile comments and
# names reach the tokenizer): a placeholder's body stops at the next brace, runs are
# possessive, and camel-case boundaries are zero-width with fixed-width look-arounds.
_PLACEHOLDER = re.compile(r"\$?\{[^{}]*+\}|@\w++\s*+\.|[`\"\[\]]")
# The characters one of which each branch of `_PLACEHOLDER` needs: a text with none has nothing to blank.
_PLACEHOLDER_CHARS = frozenset("{@`\"[]")
# Lower and upper case in Latin (with Latin-1 accents) and Cyrillic, so `ДатаРождения`
# and `SzuletesiDátum` split like `dataNascimento`.
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0430-\u044f\u0451"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0410-\u042f\u0401"
# Linear: zero-width matches, each lookaround one character class.
_CAMEL_LOWER_UPPER = re.compile(f"(?<=[{_LOWER}0-9])(?=[{_UPPER}])")
_CAMEL_ACRONYM = re.compile(f"(?<=[{_UPPER}])(?=[{_UPPER}][{_LOWER}])")
_LONGEST_SPLIT = 64
"""Longer glued words are not split against the vocabulary (no identifier is that long)."""
_NON_WORD = re.compile(r"[^0-9a-z\u0400-\u04ff]+")
_DIGIT_EDGE = re.compile(r"(?<=[a-z\u0400-\u04ff])(?=[0-9])|(?<=[0-9])(?=[a-z\u0400-\u04ff])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


# Russian endings after a stem, transliterated: `familiya`, `rozhdeniya`, `adresa`.
_RU_ENDINGS = frozenset(
    {
        "a",
        "ya",
        "y",
        "i",
        "u",
        "yu",
        "e",
        "o",
        "ei",
        "oi",
        "om",
        "em",
        "ami",
        "yami",
        "akh",
        "yakh",
        "ov",
        "ev",
        "iya",
        "ia",
        "ie",
        "ii",
        "ogo",
        "ego",
        "omu",
        "emu",
        "aya",
        "oe",
        "ye",
        "ykh",
        "ikh",
        "ym",
        "im",
        "yi",
    }
)


def fold(text: str) -> str:
    """Lower case with accents removed (`Érdekes` -> `erdekes`, `ё` -> `е`, `ı` -> `i`, `ł` -> `l`)."""
    return fold_word(text)


def is_cyrillic(word: str) -> bool:
    """True for a word in Cyrillic script."""
    return not word.isascii() and bool(_CYRILLIC.search(word))  # most names are ASCII: no search


def raw_words(text: str) -> list[str]:
    """Words of an identifier or sentence: camelCase, snake_case, digits split; folded."""
    return list(_raw_words(text))


@functools.lru_cache(maxsize=65536)
def _raw_words(text: str) -> tuple[str, ...]:
    """`raw_words`, once per text: the schema's languages are told from the names the tokenizer then reads."""
    # Each pattern is tried at every position of the text: most names hold none of the
    # characters a placeholder needs, and no capital to split at (`data_nascimento`).
    if not _PLACEHOLDER_CHARS.isdisjoint(text):
        text = _PLACEHOLDER.sub(" ", text)
    if text.lower() != text:  # every capital of `_UPPER` has a lower case of its own
        text = _CAMEL_ACRONYM.sub(" ", text)
        text = _CAMEL_LOWER_UPPER.sub(" ", text)
    return tuple(w for w in _NON_WORD.split(fold(text)) if w)


class Tokenizer:
    """Turns text into words known to a vocabulary: transliterated, stemmed, glue split."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        stems: Iterable[str],
        *,
        translit: Transliterator | None = None,
        stemmed: Mapping[str, Mapping[str, str]] | None = None,
        stemmers: Mapping[str, str] | None = None,
        word_languages: Mapping[str, tuple[str, ...]] | None = None,
        glue: Iterable[str] = (),
    ) -> None:
        self.vocabulary = frozenset(vocabulary)
        self._loose_heads = frozenset(w for w in glue if len(w) == 2) - _SHORT_HEADS - _STATE_HEADS
        """Two-letter glue words (`do`, `di`, `of`) that start no glued name: `donazione` is
        a word of its own, not `do` + `nazione`; a key or number marker (`idcom`) does."""
        self._word_languages: Mapping[str, tuple[str, ...]] = word_languages or {}
        """Word -> the languages whose files list it; a word of none (`id`, `by`) fits any."""
        # Stems written in Cyrillic (transliterated), longest first: `parol` matches `parolya`.
        self.stems = tuple(sorted(set(stems), key=lambda s: (-len(s), s)))
        self._ru_stems: dict[str, tuple[str, ...]] = {}
        """Stems of 4+ letters by their first 4 letters (a Latin word is looked up once)."""
        for stem in self.stems:
            if len(stem) >= 4:
                self._ru_stems[stem[:4]] = (*self._ru_stems.get(stem[:4], ()), stem)
        self._translit = translit or Transliterator({})
        self._stemmed: Mapping[str, Mapping[str, str]] = stemmed or {}  # lazy: not copied
        self._stemmers = dict(stemmers or {})
        self.languages: tuple[str, ...] = tuple(sorted(self._stemmed))
        """Languages whose Snowball stemmer is tried on unknown words."""
        self._max = max(map(len, self.vocabulary), default=1)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one tokenizer lives per process
    def words(self, text: str, languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """The normalised words of `text`, in order; `languages` limits stemming.

        Cached as called: a classification asks 35,000 times, and a wrapper that only filled
        in `languages` before the cache cost a first run 1.5%.
        """
        if languages is None:
            languages = self.languages
        out: list[str] = []
        for word in raw_words(text):
            out.extend(self._word(word, languages))
        return tuple(out)

    _words = words  # the cache `benchmarks/classifier.py` clears between warm runs

    def word(self, word: str, languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
        """One raw word as vocabulary words (digits dropped, plurals, stems, glue split)."""
        return self._word(word, self.languages if languages is None else languages)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one tokenizer lives per process
    def _word(self, word: str, languages: tuple[str, ...]) -> tuple[str, ...]:
        if word in self.vocabulary:
            return (word,)
        if is_cyrillic(word):
            latin = self._translit(word)
            if latin in self.vocabulary:
                return (latin,)  # a word of its own (`pole`, a field), not `pol` + an ending
            for stem in self.stems:
                # a short stem only takes an ending (`pol`, not `poluchen`)
                if latin.startswith(stem) and (
                    len(stem) >= 5 or latin[len(stem) :] in _RU_ENDINGS or latin == stem
                ):
                    return (stem,)
            return (latin,)
        parts = [p for p in _DIGIT_EDGE.split(word) if p and not p.isdigit()]
        if len(parts) != 1 or parts[0] != word:
            return tuple(w for p in parts for w in self._word(p, languages))
        # not a three-letter word: `iss` (a provider) is no plural of the flag `is`
        if word.endswith("s") and len(word) > 3 and word[:-1] in self.vocabulary:
            return (word[:-1],)
        if word.endswith("es") and word[:-2] in self.vocabulary:
            return (word[:-2],)
        if len(word) > _LONGEST_SPLIT:
            return (word,)
        for stem in self._ru_stems.get(word[:4], ()):
            if word.startswith(stem) and word[len(stem) :] in _RU_ENDINGS:
                return (stem,)
        if len(word) >= 4:
            for lang in languages:
                table = self._stemmed.get(lang)
                if table:
                    # The vocabulary word plus a suffix the language's stemmer removes:
                    # `adres` + `i`, `nev` + `e`; never a different word of the same stem.
                    found = table.get(stemmer(self._stemmers[lang]).stemWord(word))
                    if found is not None and word.startswith(found):
                        return (found,)
        split = self._split(word) or self._split_plural(word)
        return split if split else (word,)

    def _split_plural(self, word: str) -> tuple[str, ...] | None:
        """A glued name whose last word is a plural (`recorddiseases`: record + disease).

        A whole word loses its plural's `s` or `es` above; a Django model's table name glues
        its words lower case (`RecordDiseases` -> `recorddiseases`), so its last word must too.
        Only words of four letters or more: a particle before a plural (`is` + `merets`,
        `in` + `ativas`) is one word's first letters, cut by chance.
        """
        for cut in (1, 2):
            if not word.endswith("es"[2 - cut :]) or len(word) - cut < 5:
                continue
            found = self._split(word[:-cut])
            if found is not None and len(found) > 1 and min(map(len, found)) >= 4:
                return found
        return None

    def _split(self, word: str) -> tuple[str, ...] | None:
        """Fewest vocabulary words (each 2+ letters) that make up `word`, or None."""
        if len(word) < 5 or len(word) > _LONGEST_SPLIT:
            return None
        n = len(word)
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        # where a split can go on from, in order: most positions of an unknown word are no
        # vocabulary word's end, and slicing a piece at each cost most of the search
        reached: list[tuple[int, tuple[str, ...]]] = [(0, ())]
        for end in range(2, n + 1):
            lowest = end - self._max
            for start, prefix in reached:
                if start > end - 2:
                    break
                if start < lowest:
                    continue
                piece = word[start:end]
                if piece not in self.vocabulary:
                    continue
                candidate = (*prefix, piece)
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
            found = best[end]
            if found is not None:
                reached.append((end, found))
        found = best[n]
        if found is not None and (
            _doubtful(found) or self._mixed(found) or found[0] in self._loose_heads
        ):
            return None
        return found

    def _mixed(self, pieces: tuple[str, ...]) -> bool:
        """Whether the pieces share no language (`mobil`, Catalan, + `idade`, Portuguese).

        A glued name is written in one language (`datanascimento`, `codiceiban`); pieces
        that only make it up across languages are a word of its own (`mobilidade`).
        """
        if all(len(p) >= _SURE_PIECE for p in pieces):
            return False  # long pieces do not meet by chance (`medische` + `dossier`)
        last = self._word_languages.get(pieces[-1])
        before = self._word_languages.get(pieces[-2]) if len(pieces) > 1 else None
        if (
            len(pieces[-1]) <= 3
            and pieces[-1] not in _SHORT_HEADS
            and last
            and "en" not in last
            and before
            and set(before) == {"en"}
        ):
            # an English word and a short ending of another language: the ending is a
            # suffix of one word (`markasi`, Turkish `marka` + `si`, is no `mark` + `asi`)
            return True
        common: set[str] | None = None
        for piece in pieces:
            langs = self._word_languages.get(piece)
            if not langs or "en" in langs or piece in _SHORT_HEADS:
                continue  # names in code glue English to any language (`isattivo`)
            common = set(langs) if common is None else common & set(langs)
            if not common:
                return True
        return False


# A glued piece this long is a word of its own, not a chance match, whatever its language.
_SURE_PIECE = 6
# Two-letter pieces that glue to a short word as a key or number marker (`idcom`, `nrdoc`).
_SHORT_HEADS = frozenset({"id", "no", "nr"})
# A preposition that starts a state glued to its noun (`interapia`, `inservizio`: in therapy).
_STATE_HEADS = frozenset({"in"})


def _doubtful(pieces: tuple[str, ...]) -> bool:
    """A split that leans on a two-letter piece before a short one (`do`+`nem` in `donem`).

    Glued identifiers put a short word before a long one (`data`+`de`+`nascimento`);
    two tiny pieces in a row are far more often an unknown word cut by chance.
    """
    return any(
        (len(a) == 2 and len(b) <= 4 and a not in _SHORT_HEADS)
        # or a short word cut before two letters (`par`+`ts` in `parts`)
        or (len(a) <= 3 and len(b) == 2 and b not in _SHORT_HEADS)
        for a, b in zip(pieces, pieces[1:], strict=False)
    )
