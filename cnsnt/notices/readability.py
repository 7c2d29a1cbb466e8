"""Plain-language checks for customer-facing texts (rule CN601), one formula per language.

A notice is only useful when a customer understands it in under a minute, so every
text the policy shows a customer is measured three ways:

1. a readability formula fitted to the language;
2. the length of the longest sentence, in words;
3. a list of legal jargon for the language (`jargon/<lang>.txt`).

Formulas (higher is easier, except LIX) and shipped thresholds:

- en: Flesch reading ease (1948), >= 50, the "fairly difficult" border of the
  reference formula.
- it: Gulpease index (1988), >= 50. Built for Italian; it counts letters, not
  syllables, so it needs no syllable model; below 60 is "hard for a reader with
  a middle-school education".
- ca, es: Szigriszt-Pazos perspicuity (1993), >= 55 ("normal" on the INFLESZ
  scale). Validated on a large Spanish corpus and for patient leaflets;
  Fernández Huerta is older, fitted on a small sample and often cited with a
  wrong coefficient. No formula was fitted to Catalan, which shares Spanish
  syllable structure.
- tr: Ateşman (1997), >= 40. The standard Turkish adaptation of Flesch; polite
  (siz) customer texts carry many suffixes and score 45-60, legalese below 0,
  so the line sits in the "difficult" band (30-49).
- ru: Oborneva (2006), >= 40. The Russian adaptation of Flesch (coefficients
  for longer Russian words); plain texts score 60-80, legalese below 20.
- hu: LIX (Björnsson 1968), <= 60. No formula was fitted to Hungarian; LIX
  needs no syllables and is language independent. Hungarian's long agglutinated
  words push it up (plain texts 44-58), so the line is drawn above the Swedish
  "difficult" (50); legalese scores 68-100. This is the least sharp of the six.
- de: Amstad (1978), >= 40. Flesch refitted for German (fewer, longer
  words); plain customer texts score 60-75, DSGVO wording below 5.
- fr: Kandel-Moles (1958), >= 60. Flesch refitted for French; plain texts
  score 90-105, RGPD wording about 30.
- pt: Flesch as adapted by Martins et al. (1996), >= 40 (the top of their
  "difficult" band, 25-50); plain texts score 65-110, RGPD wording below 5.
- nl: Flesch-Douma (1960), >= 50. Plain texts score 70-95, AVG wording below 30.
- pl: Pisarek (2007), <= 13, lower is easier: half the length of the vector of
  mean sentence length and the share of words of four syllables or more.
  Plain texts score 5-8 ("easy"), RODO wording above 20.

Syllables: `textstat` has the Flesch, Gulpease, Fernández Huerta and Szigriszt-Pazos
formulas but no Ateşman or Oborneva, and its English syllable counter downloads the
CMU dictionary through nltk at run time (no network here, and not deterministic).
`pyphen` has hyphenation dictionaries for Italian, Catalan and Spanish, where
hyphenation points are syllable boundaries, so those use pyphen (edge minimums
lowered to 1); Turkish, Russian and Hungarian spell one vowel per syllable, so
counting vowels is exact; Polish counts vowel groups (an `i` before a vowel only
softens the consonant); German, French, Portuguese and Dutch use pyphen; English
uses a vowel-group heuristic. The formulas are
a few lines of arithmetic and are written here, so every language is scored the same way.

The score is computed only for texts of at least `MIN_WORDS_FOR_SCORE` words: the
formulas were fitted on passages and say nothing about a four-word label. Every
threshold can be changed per language in the policy (`readability: {it: {min_score: 45}}`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pyphen

MIN_WORDS_FOR_SCORE = 10
"""Shorter texts get the sentence-length and jargon checks only."""

#: Linear: the URL branch starts at a fixed prefix and reads one possessive run; the
#: e-mail branch starts only where a run of address characters starts (lookbehind), so
#: a long run of letters is read once, not once per position; all runs are possessive.
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|www\.)\S++|(?<![\w.+-])[\w.+-]++@[\w-]++(?>(?:\.[\w-]++)+)", re.UNICODE
)
#: Linear: possessive letter runs joined by single apostrophes or hyphens; it never fails
#: once its first letter matched, so nothing is re-read.
_WORD = re.compile(r"[^\W_]++(?>(?:['’\-][^\W_]++)*)", re.UNICODE)
# A sentence ends at . ! ? or … followed by a space and a capital letter, a digit or an
# opening quote (checked in `split_sentences`), or at a blank line or a list bullet.
# Semicolons do not end one: long legal enumerations are what the check is for.
# Linear: the first branch starts only at the start of a run of end marks (lookbehind) and
# reads it possessively, so a run of 20,000 dots is read once; the other branches start at
# a line feed and read possessive blank runs that end at the next line feed or mark.
_END_CANDIDATE = re.compile(
    r"(?<![.!?…])[.!?…]++[\"'»”)]*+\s++|\n[^\S\n]*+\n\s*+|\n\s*+[-*•]\s++", re.UNICODE
)
#: Linear: `\b`, then one of a fixed set of short words, a dot and a blank.
_ABBREVIATIONS = re.compile(
    r"\b(?:art|arts|artt|no|nr|n|e\.g|i\.e|etc|ecc|par|lett|cfr|vs|ltd|inc|co|sig|dr|mr|mrs|ms|"
    r"st|str|p|pp|vol|ст|п|пп|ч|т\.е|т\.д|г|гг|md|sz|pl|stb|ill|vb|bkz|madde|md)\.\s",
    re.IGNORECASE | re.UNICODE,
)


@dataclass(frozen=True)
class Formula:
    """A readability formula and which way is easier."""

    name: str
    higher_is_easier: bool
    compute: Callable[[TextStats], float]


@dataclass(frozen=True)
class Thresholds:
    """The limits a text must meet in one language."""

    min_score: float | None
    max_score: float | None
    max_sentence_words: int
    jargon: tuple[str, ...]
    """Phrases to avoid; a trailing `*` matches any word ending (inflected forms)."""


@dataclass(frozen=True)
class TextStats:
    """Counts a formula needs."""

    words: int
    sentences: int
    syllables: int
    letters: int
    long_words: int
    """Words of more than six letters (LIX)."""
    hard_words: int
    """Words of four syllables or more (Pisarek)."""
    sentence_words: tuple[int, ...]
    """Words in each sentence, in order."""


@dataclass(frozen=True)
class Assessment:
    """The outcome of checking one text in one language."""

    lang: str
    stats: TextStats
    formula: str | None
    score: float | None
    thresholds: Thresholds
    long_sentences: tuple[int, ...]
    jargon: tuple[str, ...]
    """The jargon phrases found, as written in the text."""

    @property
    def score_fails(self) -> bool:
        """True when a score was computed and is outside the thresholds."""
        if self.score is None:
            return False
        low = self.thresholds.min_score
        high = self.thresholds.max_score
        return (low is not None and self.score < low) or (high is not None and self.score > high)

    @property
    def ok(self) -> bool:
        """Passes every check."""
        return not (self.score_fails or self.long_sentences or self.jargon)

    def problems(self) -> list[str]:
        """One short phrase per failed check, for a finding's message."""
        out: list[str] = []
        if self.score_fails and self.score is not None:
            if self.thresholds.min_score is not None and self.score < self.thresholds.min_score:
                out.append(f"{self.formula} {self.score:.0f} (below {self.thresholds.min_score:g})")
            else:
                out.append(f"{self.formula} {self.score:.0f} (above {self.thresholds.max_score:g})")
        for words in self.long_sentences:
            out.append(f"a sentence of {words} words (max {self.thresholds.max_sentence_words})")
        if self.jargon:
            out.append("legal jargon: " + ", ".join(f"'{j}'" for j in self.jargon))
        return out


# -- syllables ---------------------------------------------------------------------------

_VOWELS = {
    "tr": "aeıioöuüâîû",
    "ru": "аеёиоуыэюя",
    "hu": "aáeéiíoóöőuúüű",
}


# Syllable counting (a word may be 80,000 letters long). Linear: each pattern is a
# possessive class run or a fixed-length alternation tried once per position.
_EN_VOWELS = re.compile(r"[aeiouy]++")
_EN_SILENT_ENDING = re.compile(r"[^aeiouy](?:es|ed)$")
_EN_SOUNDED_ENDING = re.compile(r"(?:t|d)ed$|(?:s|x|z|ch|sh|c|g)es$")
_EN_HIATUS = re.compile(r"ient|[^cgst]ia|[aeiouy]ing\b|ea(?=te|l\b)|eo(?!p)|uo|ua(?!r)")
#: Polish vowel groups (one per syllable). Linear: one possessive run of a class.
_PL_VOWELS = re.compile(r"[aąeęioóuy]++")
_ANY_VOWELS = re.compile(r"[aeiouyàèéìíòóùú]++")
_LANG_SEPARATOR = re.compile(r"[-_]")


def _syllables_en(word: str) -> int:
    """Vowel groups, less a silent final e / -es / -ed, plus common hiatuses."""
    w = word.lower()
    count = len(_EN_VOWELS.findall(w))
    silent_e = w.endswith("e") and not w.endswith(("le", "ee", "ye"))
    vowel_le = w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy"
    if count > 1 and (silent_e or vowel_le):
        count -= 1
    if (
        count > 1
        and _EN_SILENT_ENDING.search(w)
        and not _EN_SOUNDED_ENDING.search(w)
    ):
        count -= 1
    count += len(_EN_HIATUS.findall(w))
    return max(1, count)


@cache
def _pyphen(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=lang, left=1, right=1)


def syllables(word: str, lang: str) -> int:
    """Syllables in one word (at least 1)."""
    w = word.replace("'", "").replace("’", "").replace("-", "")
    if lang == "en":
        return _syllables_en(w)
    if lang in _VOWELS:
        vowels = _VOWELS[lang]
        return max(1, sum(1 for ch in w.lower() if ch in vowels))
    if lang in ("it", "ca", "es", "fr", "pt", "de", "nl"):
        return len(_pyphen(lang).positions(w.lower())) + 1
    if lang == "pl":
        # One vowel group a syllable: "i" before a vowel only softens it (nie, się, dziękuję).
        return max(1, len(_PL_VOWELS.findall(w.lower())))
    return max(1, len(_ANY_VOWELS.findall(w.lower())))


# -- text statistics ---------------------------------------------------------------------


def split_sentences(text: str) -> list[str]:
    """Sentences of a text; abbreviations (`Art. 13`, `e.g.`) do not end one."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(". ", "\u2024 "), text)
    parts: list[str] = []
    start = 0
    for match in _END_CANDIDATE.finditer(protected):
        following = protected[match.end() : match.end() + 2].lstrip("\"'«“„([")
        if "\n" in match.group(0) or not following or following[0].isupper() or following[0].isdigit():
            parts.append(protected[start : match.end()])
            start = match.end()
    parts.append(protected[start:])
    return [p.strip().replace("\u2024", ".") for p in parts if _WORD.search(p)]


def words_of(text: str) -> list[str]:
    """The words of a text (URLs and email addresses count as one short word)."""
    return _WORD.findall(_URL_OR_EMAIL.sub("link", text))


def text_stats(text: str, lang: str) -> TextStats:
    """Count words, sentences, syllables and letters."""
    cleaned = _URL_OR_EMAIL.sub("link", text)
    sentences = split_sentences(cleaned)
    per_sentence = tuple(len(_WORD.findall(s)) for s in sentences)
    words = _WORD.findall(cleaned)
    letters = sum(sum(1 for ch in w if ch.isalnum()) for w in words)
    return TextStats(
        words=len(words),
        sentences=max(1, len(sentences)) if words else 0,
        syllables=sum(syllables(w, lang) for w in words),
        letters=letters,
        long_words=sum(1 for w in words if sum(ch.isalpha() for ch in w) > 6),
        hard_words=sum(1 for w in words if syllables(w, lang) >= 4),
        sentence_words=per_sentence,
    )


# -- formulas ----------------------------------------------------------------------------


def _asl(s: TextStats) -> float:
    return s.words / s.sentences


def _asw(s: TextStats) -> float:
    return s.syllables / s.words


FORMULAS: dict[str, Formula] = {
    "en": Formula(
        "Flesch reading ease", True, lambda s: 206.835 - 1.015 * _asl(s) - 84.6 * _asw(s)
    ),
    "it": Formula(
        "Gulpease index", True, lambda s: 89 + (300 * s.sentences - 10 * s.letters) / s.words
    ),
    "ca": Formula("Szigriszt-Pazos", True, lambda s: 206.835 - 62.3 * _asw(s) - _asl(s)),
    "es": Formula("Szigriszt-Pazos", True, lambda s: 206.835 - 62.3 * _asw(s) - _asl(s)),
    "tr": Formula("Ateşman", True, lambda s: 198.825 - 40.175 * _asw(s) - 2.610 * _asl(s)),
    "ru": Formula("Oborneva", True, lambda s: 206.835 - 1.3 * _asl(s) - 60.1 * _asw(s)),
    "hu": Formula("LIX", False, lambda s: _asl(s) + 100 * s.long_words / s.words),
    "de": Formula("Amstad", True, lambda s: 180 - _asl(s) - 58.5 * _asw(s)),
    "fr": Formula("Kandel-Moles", True, lambda s: 207 - 1.015 * _asl(s) - 73.6 * _asw(s)),
    "pt": Formula(
        "Flesch (Martins)", True, lambda s: 248.835 - 1.015 * _asl(s) - 84.6 * _asw(s)
    ),
    "nl": Formula("Flesch-Douma", True, lambda s: 206.835 - 0.93 * _asl(s) - 77 * _asw(s)),
    "pl": Formula(
        "Pisarek", False, lambda s: math.sqrt(_asl(s) ** 2 + (100 * s.hard_words / s.words) ** 2) / 2
    ),
}

#: Shipped thresholds: (min_score, max_score, max_sentence_words).
DEFAULTS: dict[str, tuple[float | None, float | None, int]] = {
    "en": (50, None, 25),
    "it": (50, None, 25),
    "ca": (55, None, 25),
    "es": (55, None, 25),
    "tr": (40, None, 20),
    "ru": (40, None, 20),
    "hu": (None, 60, 20),
    "de": (40, None, 20),
    "fr": (60, None, 25),
    "pt": (40, None, 25),
    "nl": (50, None, 20),
    "pl": (None, 13, 20),
}
DEFAULT_MAX_SENTENCE_WORDS = 25


def root_language(lang: str) -> str:
    """`pt-BR` -> `pt`, `it_IT` -> `it`."""
    return _LANG_SEPARATOR.split(lang, maxsplit=1)[0].lower()


@cache
def shipped_jargon(lang: str) -> tuple[str, ...]:
    """The jargon list shipped for a language (empty when there is none)."""
    path = resources.files("cnsnt.notices").joinpath("jargon", f"{root_language(lang)}.txt")
    if not path.is_file():
        return ()
    entries = []
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return tuple(entries)


def thresholds_for(lang: str, overrides: Mapping[str, Mapping[str, object]] | None = None) -> Thresholds:
    """Shipped thresholds for `lang`, with the policy's `readability:` settings applied.

    The policy's `jargon` list adds phrases; an entry starting with `!` removes a
    shipped one (`!data subject`).
    """
    root = root_language(lang)
    low, high, max_words = DEFAULTS.get(root, (None, None, DEFAULT_MAX_SENTENCE_WORDS))
    jargon = list(shipped_jargon(root))
    settings: Mapping[str, object] = {}
    if overrides:
        settings = overrides.get(lang) or overrides.get(root) or {}
    if isinstance(value := settings.get("min_score"), int | float):
        low = float(value)
    if isinstance(value := settings.get("max_score"), int | float):
        high = float(value)
    if isinstance(value := settings.get("max_sentence_words"), int):
        max_words = value
    extra = settings.get("jargon")
    if isinstance(extra, list):
        for entry in extra:
            entry = str(entry).strip()
            if entry.startswith("!"):
                jargon = [j for j in jargon if j.lower() != entry[1:].strip().lower()]
            elif entry and entry.lower() not in (j.lower() for j in jargon):
                jargon.append(entry)
    return Thresholds(low, high, max_words, tuple(jargon))


@cache
def _jargon_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a regex: words at word boundaries, `word*` also matching any ending.

    Linear: a try starts only at a word start (lookbehind) with a literal word; the
    ending and the blanks between words are possessive runs that stop at the next
    blank or letter, so a try reads one phrase's length of text.
    """
    parts = []
    for word in phrase.split():
        body = "".join("['’]" if ch in "'’" else re.escape(ch) for ch in word.rstrip("*"))
        parts.append(body + (r"[^\W_]*+" if word.endswith("*") else r"(?![^\W_])"))
    return re.compile(r"(?<![^\W_])" + r"\s++".join(parts), re.IGNORECASE | re.UNICODE)


def find_jargon(text: str, phrases: Iterable[str]) -> tuple[str, ...]:
    """The jargon phrases in a text, as they are written there, in order, without repeats."""
    found: list[tuple[int, str]] = []
    seen: set[str] = set()
    for phrase in phrases:
        for match in _jargon_pattern(phrase).finditer(text):
            word = match.group(0)
            if word.lower() not in seen:
                seen.add(word.lower())
                found.append((match.start(), word))
    return tuple(word for _, word in sorted(found))


def score(text: str, lang: str) -> tuple[str, float] | None:
    """(formula name, score) for a text, or None when the language has no formula."""
    formula = FORMULAS.get(root_language(lang))
    stats = text_stats(text, root_language(lang))
    if formula is None or stats.words == 0:
        return None
    return formula.name, round(formula.compute(stats), 1)


def assess(
    text: str, lang: str, thresholds: Thresholds | None = None, *, with_score: bool = True
) -> Assessment:
    """Check one text in one language against its thresholds (`with_score=False`: no formula)."""
    root = root_language(lang)
    limits = thresholds or thresholds_for(lang)
    stats = text_stats(text, root)
    formula = FORMULAS.get(root)
    value: float | None = None
    if with_score and formula is not None and stats.words >= MIN_WORDS_FOR_SCORE:
        value = round(formula.compute(stats), 1)
    return Assessment(
        lang=lang,
        stats=stats,
        formula=formula.name if formula else None,
        score=value,
        thresholds=limits,
        long_sentences=tuple(n for n in stats.sentence_words if n > limits.max_sentence_words),
        jargon=find_jargon(text, limits.jargon),
    )
