"""The classifier's words, read from one YAML file per language (`cnsnt/classify/vocab/`).

Vocabulary is data, reviewed like translations: `<lang>.yaml` maps phrases to fideslang
categories with a strength, and lists the words that name people; `common.yaml` holds
the structural words (negators, table kinds); `translit.yaml` is the one Cyrillic to
Latin table, so `фамилия` and `familiya` meet in one spelling. Words are folded (lower
case, no accents) and Cyrillic words transliterated when loaded; suffixes are handled
by the Snowball stemmer of each language (`adresi` -> `adres`, `neve` -> `nev`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any

import snowballstemmer  # type: ignore[import-untyped]

from cnsnt.classify.collector import collector_paused

LANGUAGES: tuple[str, ...] = ("en", "it", "pt", "es", "fr", "de", "hu", "ru", "tr", "ca", "pl", "nl")
"""Languages with a vocabulary file, in the order their terms win a tie."""

STRENGTHS = {"strong": "S", "weak": "P"}
_LIST_KEYS = (
    "person_works",
    "document_issuers",
    "document_issue_words",
    "held_things",
    "teaching_roles",
    "taught_things",
    "token_tables",
    "token_parts",
    "key_words",
    "job_tables",
    "session_tables",
    "account_tables",
    "flag_if_numeric",
    "send_words",
    "direction_words",
    "ip_tails",
    "payment_states",
    "own_settings",
    "settings_tables",
    "storage_words",
    "digested",
    "credential_tables",
    "machinery_tables",
    "date_parts",
    "message_roles",
    "date_tables",
    "legal_person_words",
    "contract_phrases",
    "ambiguous_health_tables",
    "last_words",
    "bank_accounts",
    "standards_bodies",
    "permission_words",
    "access_words",
    "attendance_words",
    "attendance_states",
    "contact_words",
    "contact_channels",
    "config_tables",
    "reach_flags",
    "reach_words",
    "notice_words",
    "tenancy_words",
    "snapshot_words",
    "placeholder_words",
    "patient_words",
    "sentenced_people",
    "criminal_cases",
    "case_references",
    "statistics_words",
    "translation_words",
    "vehicle_words",
    "campaign_parameters",
    "territories",
    "range_bounds",
    "animal_tables",
    "animal_columns",
    "tree_words",
    "polymorphic_words",
    "object_names",
    "software_qualifiers",
    "software_clients",
    "state_flags",
    "row_flags",
    "workflow_words",
    "display_order",
    "diet_choices",
    "joining_words",
    "state_words",
    "level_words",
    "remember_words",
    "job_post_words",
    "software_actors",
    "not_kind_heads",
    "kind_compounds",
    "document_words",
    "personal_sites",
    "person_suffixes",
    "health_tables",
    "message_tables",
    "post_tables",
    "message_columns",
    "object_words",
    "glue_words",
    "about_words",
    "count_words",
    "tally_words",
    "account_roles",
    "account_words",
    "org_tables",
    "bodies",
    "place_tables",
    "lookup_words",
    "kind_words",
    "link_words",
    "free_text",
    "record_words",
    "expiry_words",
    "file_tables",
    "file_parts",
    "consent_words",
    "name_words",
    "label_words",
    "actor_words",
    "by_words",
    "address_tables",
    "address_abbreviations",
    "people_records",
    "specialities",
    "transaction_words",
    "money_words",
    "ledger_tables",
    "offer_tables",
    "offered_care",
    "list_heads",
    "org_units",
    "work_units",
    "org_columns",
    "company_nouns",
    "activity_tables",
    "log_tables",
    "creation_words",
    "software_acts",
    "ambiguous_address",
    "care_givers",
    "care_providers",
    "visit_tables",
    "care_events",
    "unstated_values",
    "named_things",
    "session_words",
    "session_data",
    "value_words",
    "glued_times",
    "closure_words",
    "lock_words",
    "software_parts",
    "software_part_words",
    "whole_words",
    "connection_words",
    "key_marks",
    "apart_key_marks",
    "glued_key_marks",
)
#: Lists a language file holds, each file its own language's words (`nbre` is French,
#: `summe` German); the classifier reads their union, as it reads the lists of `common.yaml`.
_LANGUAGE_LISTS = (
    "number_of",
    "sum_words",
    "number_words",
    "document_number_words",
    "reference_words",
    "title_words",
    "name_prefix_words",
    "of_words",
    "s_plural_numbers",
    "measure_words",
    "registration_words",
    "form_words",
    "key_number_words",
    "code_words",
    "result_words",
    "irregular_plurals",
    "registration_numbers",
    "server_words",
    "id_words",
    "document_numbers",
    "upload_words",
    "process_words",
    "enrolment_forms",
    "session_stems",
    "session_ends",
    "apart_key_words",
)
#: Lists whose words are read from raw text, never split out of glued names: `cen` (a
#: standards body) would cut `censito` into `cen` + `sito`; `named_things` is read beside a
#: name word on forms only, and must not change how a column's name splits; the criminal
#: lists (`sud`, `ugy`, `sad`) are read in a sentenced person's rows only.
_NOT_SPLIT = frozenset(
    {
        "account_tables",
        "person_works",
        # whole names of an identity document's columns (`date of issue`), compared whole
        "document_issuers",
        "document_issue_words",
        "row_flags",
        "workflow_words",
        "job_tables",
        "session_tables",
        "standards_bodies",
        # `sid`, `sess`: read in tables of web sessions only, never cut out of a glued name
        "session_words",
        "session_data",
        "closure_words",
        # `kilit`, `lock`: read as a whole word only, never cut out of a glued name
        "lock_words",
        "software_parts",
        "software_part_words",
        "animal_tables",
        "animal_columns",
        "named_things",
        "sentenced_people",
        "criminal_cases",
        "case_references",
        "statistics_words",
        "translation_words",
        "vehicle_words",
        "campaign_parameters",
        "contact_channels",
        "glued_times",
        "reach_flags",
        "reach_words",
        "notice_words",
        "config_tables",
        "territories",
        "range_bounds",
        # words only compared with a name's words, never cut out of one (`des` in `desordre`)
        "joining_words",
        "state_words",
        "level_words",
        "remember_words",
        "job_post_words",
        "software_actors",
        "not_kind_heads",
        "kind_compounds",
        "document_words",
        "personal_sites",
        "ledger_tables",
        "offer_tables",
        "offered_care",
        "list_heads",
        # whole words of a name, compared where they stand (`tipo_usuario`), never cut out of one
        "kind_words",
        "address_abbreviations",
        "people_records",
        "specialities",
        "org_units",
        "work_units",
        "file_tables",
        "file_parts",
        "teaching_roles",
        "taught_things",
        "token_tables",
        "token_parts",
        # `port`, `host`: whole words of a name, never cut out of a glued one (`report`)
        "connection_words",
        "key_marks",
        "apart_key_marks",
        "glued_key_marks",
        # each language's own lists are compared with a name's whole words or its first one
        # (`nb_demandes`; `no`, `nr`, `num`; `title`, `prefix`), never cut out of a glued one
        *_LANGUAGE_LISTS,
    }
)
#: Lists of phrases that tables write glued (`personegiuridiche`, `osobyprawne`): their
#: words are the vocabulary's, so the glue splits into the phrase (review32 D5).
_PIECES = frozenset({"legal_person_words"})
_AGGLUTINATIVE = frozenset({"tr", "hu"})
"""Languages whose short words take suffixes (`nev` -> `neve`, `ad` is exact)."""
_STEMMED = frozenset({"tr", "hu", "pl", "ca", "de", "nl", "fr"})
"""Languages whose inflections reach identifiers (`adresi`, `neve`, `nazwiska`). English,
Italian, Spanish and Portuguese identifiers inflect little beyond plurals, which the
tokenizer splits itself (Russian has its stems and endings)."""


class VocabularyError(ValueError):
    """A vocabulary file is malformed (a packaging bug: the shipped files are tested)."""


def _text(name: str) -> str:
    return resources.files("cnsnt.classify").joinpath("vocab", name).read_text(encoding="utf-8")


def _load(name: str) -> dict[str, Any]:
    import yaml  # the YAML files are read only when the compiled form is stale or rebuilt

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = yaml.load(_text(name), Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(doc, dict):
        raise VocabularyError(f"vocab/{name}: expected a mapping")
    return doc


def _words(value: object, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise VocabularyError(f"{where}: expected a list of words")
    return [str(w) for w in value]


@dataclass(frozen=True)
class Transliterator:
    """Cyrillic to Latin, one letter at a time, from `translit.yaml`."""

    table: Mapping[str, str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_codes", {ord(k): v for k, v in self.table.items()})

    def __call__(self, word: str) -> str:
        """`фамилия` -> `familiya`; other letters are kept."""
        if word.isascii():
            return word
        codes: dict[int, str] = getattr(self, "_codes")  # noqa: B009 - set in __post_init__
        return word.translate(codes)


#: Letters of cnsnt's languages that Unicode does not decompose into a letter and marks,
#: as people write them in ASCII: Turkish dotless `ı`, Polish `ł`, German `ß`, Danish and
#: Norwegian `ø` `æ`, French `œ`, Icelandic `ð` `þ`, Croatian `đ`. Upper case too, for
#: `ascii_letters`, which keeps case (`Ł` -> `L`, `Æ` -> `Ae`: a camelCase word still starts
#: with one capital). The one table: every fold of a name reads it (`fold_word`, implied
#: keys, the form field to column match, init's entry names), so `płeć` is `plec` everywhere.
LETTERS: Mapping[str, str] = {
    "ı": "i", "ł": "l", "Ł": "L", "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
}  # fmt: skip
_LETTER_CODES = str.maketrans(dict(LETTERS))


def ascii_letters(text: str) -> str:
    """`text` in Latin letters without marks, case kept (`ÖdemeTarihi` -> `OdemeTarihi`, `Łódź` -> `Lodz`).

    NFKD, combining marks dropped, then `LETTERS` for the letters that do not decompose.
    Other scripts are kept as they are (Cyrillic is transliterated by its own table).
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTER_CODES)


def fold_word(text: str) -> str:
    """Lower case, accents removed, `LETTERS` in ASCII (`Adı` -> `adi`, `płeć` -> `plec`, `ё` -> `е`)."""
    if text.isascii():
        return text.lower()
    return ascii_letters(text.lower())


@dataclass(frozen=True)
class Vocabulary:
    """Everything the classifier reads from the vocabulary files, normalised."""

    terms: Mapping[tuple[str, ...], tuple[str, str, str]]
    """Phrase (folded, transliterated words) -> (category, `S`/`P`, language)."""
    negators: Mapping[str, str]
    """Word -> why it makes a column technical (`identifier`, `timestamp`, ...)."""
    people: frozenset[str]
    """Words that name people (`users`, `kullanici`, `alunni`)."""
    qualifiers: frozenset[str]
    """Words in a column name that name a person (`mae`, `contact`)."""
    lists: Mapping[str, frozenset[str]]
    """The structural word lists of `common.yaml`, and of the language files together, by key."""
    phrases: frozenset[tuple[str, ...]]
    """Word pairs of `health_table_phrases`."""
    stemmers: Mapping[str, str]
    """Language -> Snowball algorithm."""
    stems: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Language -> stem of a vocabulary word -> the word (`adres` <- `adresi`)."""
    cyrillic: tuple[str, ...] = ()
    """Words written in Cyrillic in the files, transliterated, longest first: they are
    stems (`famil` matches `фамилия` and, with a Russian ending, `familiya`)."""
    translit: Transliterator = field(default_factory=lambda: Transliterator({}))
    word_languages: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Word -> the languages whose vocabulary has it (to tell a schema's languages)."""
    false_friends: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Organisation word -> languages in which it means something else (`firma`)."""
    senses: Mapping[tuple[str, ...], Mapping[str, tuple[str, str]]] = field(default_factory=dict)
    """Phrase -> every language whose file lists it -> (category, strength) as that file
    lists it, where `terms` keeps only the first: `nif` is ca, es and pt; `firma` is a
    signature in Italian and a workplace in Polish."""
    transliterated: frozenset[str] = frozenset()
    """Languages whose files write their terms in Cyrillic (ru): a term of theirs met in a
    name written in Latin letters (`kv`, `ulica`) is a transliteration."""
    values: Mapping[str, str] = field(default_factory=dict)
    """A value a column may declare (an enum's, a choices list's), folded -> the category
    it is a value of (`widowed` -> marital status, `0-` -> health): the `values:` of the
    language files and of `common.yaml` (the values no language spells, blood groups)."""

    @property
    def words(self) -> frozenset[str]:
        """Every single word the vocabulary knows."""
        out: set[str] = set(chain.from_iterable(self.terms))
        out.update(self.negators, self.people, self.qualifiers)
        for name, words in self.lists.items():
            if name in _PIECES:
                out.update(piece for phrase in words for piece in phrase.split())
            elif name not in _NOT_SPLIT:
                out.update(words)
        for phrase in self.phrases:
            out.update(phrase)
        return frozenset(out)


def _is_cyrillic(text: str) -> bool:
    return not text.isascii() and any("\u0400" <= c <= "\u04ff" for c in text)


def _normal(word: str, translit: Transliterator) -> str:
    """A vocabulary word as the tokenizer will produce it."""
    return " ".join(translit(fold_word(w)) for w in word.split())


class _StemTables(Mapping[str, Mapping[str, str]]):
    """Language -> stem of a vocabulary word -> the word, computed when first asked for.

    Stemming the whole vocabulary of every language would cost a fifth of a second
    at start-up in a process that meets none of them. A first classification does ask for
    every stemmed language (a key's target is read in each), so their word lists are made
    in one pass (`_words_of`). The stems are never stored (nor compiled): the installed
    stemmer makes them, the one that stems the names they are compared with.
    """

    def __init__(self, algorithms: Mapping[str, str], word_languages: Mapping[str, tuple[str, ...]]) -> None:
        self._algorithms = dict(algorithms)
        self._word_languages = word_languages
        self._tables: dict[str, dict[str, str]] = {}
        self._words: dict[str, list[str]] | None = None

    def __getitem__(self, lang: str) -> Mapping[str, str]:
        table = self._tables.get(lang)
        if table is None:
            stemmer_ = stemmer(self._algorithms[lang])  # KeyError: not stemmed
            words = self._words_of(lang)
            table = {}
            # one call for the whole list: PyStemmer's loop runs in C (a tenth of one call a word)
            for stem, word in zip(stemmer_.stemWords(words), words, strict=True):
                table.setdefault(stem, word)
            self._tables[lang] = table
        return table

    def get(self, lang: str, default: Any = None) -> Any:
        """The table of a stemmed language, else `default`.

        No KeyError raised and caught: the tokenizer asks once per unknown word and language.
        """
        return self[lang] if lang in self._algorithms else default

    def _words_of(self, lang: str) -> list[str]:
        """`lang`'s vocabulary words long enough to stem, sorted; every language's in one pass.

        A first classification asks for every stemmed language (a key's target is read in
        each), so one walk of the words serves them all.
        """
        if self._words is None:
            by_lang: dict[str, list[str]] = {lang: [] for lang in self._algorithms}
            for word, langs in self._word_languages.items():
                for lang_ in langs:
                    if lang_ in by_lang and len(word) >= (3 if lang_ in _AGGLUTINATIVE else 4):
                        by_lang[lang_].append(word)
            self._words = {lang_: sorted(words) for lang_, words in by_lang.items()}
        return self._words[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._algorithms))

    def __len__(self) -> int:
        return len(self._algorithms)


def _stem_tables(stemmers: Mapping[str, str], word_languages: Mapping[str, tuple[str, ...]]) -> _StemTables:
    return _StemTables({lang: a for lang, a in stemmers.items() if lang in _STEMMED}, word_languages)


@functools.cache
def stemmer(algorithm: str) -> Any:
    """One Snowball stemmer per language per process, keeping no cache of its own.

    PyStemmer (which snowballstemmer hands out when installed) caches each word it stems;
    every caller here caches already (the tokenizer's words, the stem tables), and filling
    that cache made a first classification's stemming of seven languages' vocabulary cost
    three to five times the stemming itself (speed40).
    """
    found = snowballstemmer.stemmer(algorithm)
    if hasattr(found, "maxCacheSize"):  # the Python stemmers have none
        found.maxCacheSize = 0
    return found


@functools.cache
def load_transliterator() -> Transliterator:
    """The Cyrillic to Latin table of `translit.yaml` alone (init's entry names need no more)."""
    table = _load("translit.yaml").get("cyrillic_to_latin")
    if not isinstance(table, dict):
        raise VocabularyError("vocab/translit.yaml: expected `cyrillic_to_latin:` mapping")
    return Transliterator({str(k): str(v or "") for k, v in table.items()})


@collector_paused
def read_vocabulary() -> Vocabulary:
    """Read, check and normalise every vocabulary file (`load_vocabulary` reads the compiled form)."""
    translit = load_transliterator()
    terms: dict[tuple[str, ...], tuple[str, str, str]] = {}
    senses: dict[tuple[str, ...], dict[str, tuple[str, str]]] = {}
    negators: dict[str, str] = {}
    people: set[str] = set()
    qualifiers: set[str] = set()
    stemmers: dict[str, str] = {}
    per_lang_words: dict[str, set[str]] = {}
    cyrillic: set[str] = set()
    transliterated: set[str] = set()
    language_lists: dict[str, frozenset[str]] = {}
    docs = {lang: _load(f"{lang}.yaml") for lang in LANGUAGES}
    # A strong entry wins over a weak one; a phrase written in Latin letters wins over a
    # transliterated Cyrillic one (`логин` is strong in Russian, `login` weak in English).
    for strength, cyrillic_pass in (("strong", False), ("weak", False), ("strong", True), ("weak", True)):
        for lang, doc in docs.items():
            entries = doc.get("terms") or {}
            if not isinstance(entries, dict):
                raise VocabularyError(f"vocab/{lang}.yaml: `terms` must be a mapping")
            for category, by_strength in entries.items():
                if not isinstance(by_strength, dict) or set(by_strength) - set(STRENGTHS):
                    raise VocabularyError(f"vocab/{lang}.yaml: {category}: expected `strong:` and/or `weak:`")
                for phrase in _words(by_strength.get(strength), f"vocab/{lang}.yaml: {category}"):
                    if _is_cyrillic(phrase) != cyrillic_pass:
                        continue
                    key = tuple(_normal(phrase, translit).split())
                    if key and key not in terms:
                        terms[key] = (str(category), STRENGTHS[strength], lang)
                    if key:
                        senses.setdefault(key, {}).setdefault(lang, (str(category), STRENGTHS[strength]))
                    if _is_cyrillic(phrase):
                        cyrillic.update(key)
                        transliterated.add(lang)
                    per_lang_words.setdefault(lang, set()).update(key)
    for lang, doc in docs.items():
        if doc.get("language") != lang:
            raise VocabularyError(f"vocab/{lang}.yaml: `language: {lang}` expected")
        algorithm = doc.get("stemmer")
        if algorithm is not None:
            stemmers[lang] = str(algorithm)
        for kind, words in (doc.get("negators") or {}).items():
            for w in _words(words, f"vocab/{lang}.yaml: negators"):
                negators[_normal(w, translit)] = str(kind)
                if _is_cyrillic(w):
                    cyrillic.add(_normal(w, translit))
        said = _words(doc.get("people"), f"vocab/{lang}.yaml") + _words(
            doc.get("qualifiers"), f"vocab/{lang}.yaml"
        )
        cyrillic.update(_normal(w, translit) for w in said if _is_cyrillic(w))
        found = {_normal(w, translit) for w in _words(doc.get("people"), f"vocab/{lang}.yaml")}
        people |= found
        per_lang_words.setdefault(lang, set()).update(found)
        qualifiers |= {_normal(w, translit) for w in _words(doc.get("qualifiers"), f"vocab/{lang}.yaml")}
        for list_key in _LIST_KEYS:
            if list_key in doc:
                raise VocabularyError(f"vocab/{lang}.yaml: `{list_key}` belongs in common.yaml")
        for list_key in _LANGUAGE_LISTS:
            own = {_normal(w, translit) for w in _words(doc.get(list_key), f"vocab/{lang}.yaml: {list_key}")}
            language_lists[list_key] = language_lists.get(list_key, frozenset()) | own
    common = _load("common.yaml")
    for list_key in _LANGUAGE_LISTS:
        if list_key in common:
            raise VocabularyError(f"vocab/common.yaml: `{list_key}` belongs in each language's file")
    for kind, words in (common.get("negators") or {}).items():
        for w in _words(words, "vocab/common.yaml: negators"):
            negators.setdefault(_normal(w, translit), str(kind))
    lists = {
        key: frozenset(_normal(w, translit) for w in _words(common.get(key), f"common: {key}"))
        for key in _LIST_KEYS
    }
    lists.update({key: language_lists.get(key, frozenset()) for key in _LANGUAGE_LISTS})
    phrases = frozenset(
        tuple(_normal(p, translit).split())
        for p in _words(common.get("health_table_phrases"), "common: health_table_phrases")
    )
    friends = common.get("false_friends") or {}
    if not isinstance(friends, dict):
        raise VocabularyError("vocab/common.yaml: `false_friends` must map a word to languages")
    false_friends = {
        _normal(str(word), translit): frozenset(_words(langs, f"common: false_friends: {word}"))
        for word, langs in friends.items()
    }
    word_languages: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for w in per_lang_words.get(lang, ()):
            word_languages.setdefault(w, []).append(lang)
    languages_of = {w: tuple(sorted(langs)) for w, langs in word_languages.items()}
    values: dict[str, str] = {}
    for name, doc in [*((f"{lang}.yaml", d) for lang, d in docs.items()), ("common.yaml", common)]:
        listed = doc.get("values") or {}
        if not isinstance(listed, dict):
            raise VocabularyError(f"vocab/{name}: `values` must map a category to its values")
        for category, words in listed.items():
            for w in _words(words, f"vocab/{name}: values: {category}"):
                values.setdefault(_normal(w, translit), str(category))
    return Vocabulary(
        terms=terms,
        negators=negators,
        people=frozenset(people),
        qualifiers=frozenset(qualifiers),
        lists=lists,
        phrases=phrases,
        stemmers=stemmers,
        stems=_stem_tables(stemmers, languages_of),
        cyrillic=tuple(sorted(cyrillic, key=lambda s: (-len(s), s))),
        word_languages=languages_of,
        translit=translit,
        false_friends=false_friends,
        senses=senses,
        transliterated=frozenset(transliterated),
        values=values,
    )


# -- the compiled form ------------------------------------------------------------------
#
# Reading the YAML files and normalising their 20,000 words costs a tenth of a second of
# CPU in every process, and in CI every run is a first run. `vocab/compiled.json` holds the
# normalised vocabulary (no stems: the installed stemmer makes those, as it stems names),
# generated from the YAML files by `.ci/vocab`, which stay the one source. It names the
# fingerprint of what it was made from (the files and this module's code): when they
# disagree the YAML files are read as before, and a test says to run `.ci/vocab`.

COMPILED = "compiled.json"
#: The command that regenerates `vocab/compiled.json` after a vocabulary file changes.
REGENERATE = ".ci/vocab"
_FORMAT = 3
_SOURCES = (*(f"{lang}.yaml" for lang in LANGUAGES), "common.yaml", "translit.yaml")
"""The files the compiled form is made from, in the order they are fingerprinted."""


def source_fingerprint() -> str:
    """SHA-256 of the vocabulary files and of this module's code, which normalises them.

    Text is hashed as read (universal newlines), so a checkout with CRLF line ends agrees.
    """
    digest = hashlib.sha256(f"cnsnt vocabulary, compiled form {_FORMAT}\n".encode())
    code = resources.files("cnsnt.classify").joinpath("vocabulary.py").read_text(encoding="utf-8")
    for name, text in (("vocabulary.py", code), *((name, _text(name)) for name in _SOURCES)):
        data = text.encode("utf-8")
        digest.update(f"{name} {len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()


def compiled_text(vocab: Vocabulary, fingerprint: str) -> str:
    """The compiled form of `vocab`: JSON, one entry a line, sets sorted (byte-identical when regenerated)."""
    senses = {
        " ".join(key): [[lang, *sense] for lang, sense in by_lang.items()]
        for key, by_lang in vocab.senses.items()
        if list(by_lang.items()) != [(vocab.terms[key][2], vocab.terms[key][:2])]
    }
    sections: dict[str, Any] = {
        "generated": f"from cnsnt/classify/vocab/*.yaml by {REGENERATE}: do not edit",
        "format": _FORMAT,
        "fingerprint": fingerprint,
        "stemmers": dict(vocab.stemmers),
        "transliterated": sorted(vocab.transliterated),
        "translit": dict(vocab.translit.table),
        "terms": {" ".join(key): " ".join(value) for key, value in vocab.terms.items()},
        "senses": senses,
        "negators": dict(vocab.negators),
        "people": sorted(vocab.people),
        "qualifiers": sorted(vocab.qualifiers),
        "lists": {name: sorted(words) for name, words in vocab.lists.items()},
        "phrases": sorted(" ".join(phrase) for phrase in vocab.phrases),
        "cyrillic": list(vocab.cyrillic),
        "word_languages": _by_languages(vocab.word_languages),
        "false_friends": {w: sorted(langs) for w, langs in vocab.false_friends.items()},
        "values": dict(vocab.values),
    }
    return _json_lines(sections)


def _by_languages(word_languages: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    """Each set of languages (`"es pt"`) once, with its words sorted: 175 sets for 9,081 words.

    Written a word at a time, the sets were a third of the compiled form to parse at every start.
    """
    grouped: dict[str, list[str]] = {}
    for word in sorted(word_languages):
        grouped.setdefault(" ".join(word_languages[word]), []).append(word)
    return dict(sorted(grouped.items()))


def _term_kind(kind: str) -> tuple[str, str, str]:
    """A term's category, strength and language, as `compiled_text` writes them (`ValueError`)."""
    category, strength, lang = kind.split(" ")
    return category, strength, lang


def _json_lines(sections: Mapping[str, Any]) -> str:
    """`sections` as JSON with each entry of a mapping on a line of its own (readable diffs)."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in sections.items():
        if isinstance(value, dict) and value:
            entries = ",\n".join(f"{dump(k)}: {dump(v)}" for k, v in value.items())
            lines.append(f"{dump(key)}: {{\n{entries}\n}}")
        else:
            lines.append(f"{dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_compiled_vocabulary(directory: Path | None = None) -> Path:
    """Regenerate `vocab/compiled.json` from the YAML files (`.ci/vocab` runs this).

    Written whole or not at all (`write_atomic`): an interrupted run leaves the last one.
    """
    from cnsnt.output import write_atomic  # only this command writes: not at every import

    target = (directory or Path(__file__).parent / "vocab") / COMPILED
    write_atomic(target, compiled_text(read_vocabulary(), source_fingerprint()))
    return target


class _Senses(Mapping[tuple[str, ...], Mapping[str, tuple[str, str]]]):
    """Each term's senses by language, as `Vocabulary.senses` holds them, made when asked.

    Most terms have one sense, their own language's: building a mapping for each of 8,000
    terms at every start cost a first run more than all the lookups the classifier makes.
    """

    __slots__ = ("_shared", "_terms")

    def __init__(
        self,
        terms: Mapping[tuple[str, ...], tuple[str, str, str]],
        shared: Mapping[tuple[str, ...], Mapping[str, tuple[str, str]]],
    ) -> None:
        self._terms = terms
        self._shared = shared

    def __getitem__(self, key: tuple[str, ...]) -> Mapping[str, tuple[str, str]]:
        found = self._shared.get(key)
        if found is not None:
            return found
        category, strength, lang = self._terms[key]
        return {lang: (category, strength)}

    def get(self, key: tuple[str, ...], default: Any = None) -> Any:
        """As `dict.get`, without the `KeyError` the mixin raises and catches."""
        return self[key] if key in self._terms else default

    def __contains__(self, key: object) -> bool:
        return key in self._terms

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)


def _from_compiled(doc: Mapping[str, Any]) -> Vocabulary:
    """The vocabulary a compiled form holds (`KeyError`, `TypeError`, `ValueError`, `AttributeError`)."""
    kinds: dict[str, tuple[str, str, str]] = {}
    terms: dict[tuple[str, ...], tuple[str, str, str]] = {
        tuple(phrase.split(" ")): kinds.get(kind) or kinds.setdefault(kind, _term_kind(kind))
        for phrase, kind in doc["terms"].items()
    }
    shared: Mapping[str, list[list[str]]] = doc["senses"]
    senses = _Senses(
        terms, {tuple(phrase.split(" ")): {g: (c, s) for g, c, s in more} for phrase, more in shared.items()}
    )
    word_languages: dict[str, tuple[str, ...]] = {}
    for langs, words in doc["word_languages"].items():  # one tuple shared by the words of a set
        if not isinstance(words, list):  # format 2's `"adi": "tr"`: a string's letters are no words
            raise TypeError(f"word_languages: {langs!r} holds no list of words")
        word_languages.update(dict.fromkeys(words, tuple(langs.split(" "))))
    stemmers: dict[str, str] = doc["stemmers"]
    return Vocabulary(
        terms=terms,
        negators=doc["negators"],
        people=frozenset(doc["people"]),
        qualifiers=frozenset(doc["qualifiers"]),
        lists={name: frozenset(words) for name, words in doc["lists"].items()},
        phrases=frozenset(tuple(p.split(" ")) for p in doc["phrases"]),
        stemmers=stemmers,
        stems=_stem_tables(stemmers, word_languages),
        cyrillic=tuple(doc["cyrillic"]),
        translit=Transliterator(doc["translit"]),
        word_languages=word_languages,
        false_friends={w: frozenset(langs) for w, langs in doc["false_friends"].items()},
        senses=senses,
        transliterated=frozenset(doc["transliterated"]),
        values=doc["values"],
    )


@collector_paused
def compiled_vocabulary() -> Vocabulary | None:
    """The vocabulary of `vocab/compiled.json`, or None where it cannot be trusted.

    None when it is missing, unreadable (a merge's conflict markers), of another format, or
    made from other files than those shipped beside it (stale: `.ci/vocab` was not run).
    """
    try:
        doc = json.loads(_text(COMPILED))
        if not isinstance(doc, dict) or doc.get("format") != _FORMAT:
            return None
        if doc.get("fingerprint") != source_fingerprint():
            return None
        return _from_compiled(doc)
    except (OSError, KeyError, TypeError, ValueError, AttributeError):  # json's errors are ValueErrors
        return None  # AttributeError: a section of another shape (a list where a mapping was)


@functools.cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary, once per process: its compiled form, or the YAML files if that is stale."""
    return compiled_vocabulary() or read_vocabulary()
