"""Decide whether a column holds personal data, and which kind, from its name, type and comment.

`decide` judges one column in its table's `Context` (`cnsnt.classify.tables` builds it
from the whole schema; `classify_column` from the table's name alone). In order:

1. The name contains a term of the vocabulary (`email`, `data_nascita`, `tajSzam`):
   - a word that makes the column technical rules it out: ids and keys
     (`customer_id`), timestamps (`email_confirmed_at`), flags (`show_email`),
     counters, types and statuses, tokens and salts; an id does not rule out a
     coded attribute (`genero_id`), nor a date a date of birth (`birth_date`);
   - a weak term (`name`, `city`, `state`, `ad`) needs a person: the table
     describes people or is linked to one, or a word in the column names one
     (`nome_mae`); `state` or `region` also needs an address beside it;
   - the type must fit: a timestamp is only ever a date, a boolean never a name or
     an address, a number only a number-like datum;
   - a lookup table's names and places, an organisation's contact details and a
     table's own key are no one's.
2. The type alone: `inet`/`cidr` hold IP addresses; an ORM's own type says what it holds
   (Django's `EmailField`, SQLAlchemy-Utils' `PhoneNumberType`), whatever the name.
3. The table holds health records, messages or posts: their text is health data or
   a person's content.
4. Free text (`note`, `body`, `transcript`) in a table about a person is theirs; a
   column named by a role (`customer`, `author`) names a person.
5. In a table whose rows are each about one person, every other fact that is not
   technical (a key, the record's own timestamps, a state, a switch) is theirs.
6. The column comment, read with the same vocabulary (`COMMENT 'Имя пользователя'`).

Foreign-key columns themselves (`user_id`) are pseudonymous keys and not personal:
the data they point at is classified where it is stored.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace

from cnsnt.classify import lexicon as lx
from cnsnt.classify import types
from cnsnt.classify.tokens import Tokenizer, fold, is_cyrillic
from cnsnt.classify.vocabulary import LANGUAGES, fold_word, load_vocabulary
from cnsnt.evidence import Classification
from cnsnt.model import Confidence

#: The kind of a column's type, by the name the rules in every module ask it (one answer: `types`).

_DATE_CATEGORIES = frozenset({"user.demographic.date_of_birth", "user.demographic#date_of_death"})
# Dates that belong to the datum: a date of marriage, of a document's issue.
_DATED = frozenset(
    {
        *_DATE_CATEGORIES,
        "user.demographic.marital_status",
        "user.behavior#activity",
        "user.demographic.citizenship_or_immigration_status",
    }
)
_DATED_PREFIXES = ("user.government_id",)
_NUMERIC_OK = frozenset(
    {
        "user.location",
        "user.contact.phone_number",
        "user.contact.fax_number",
        "user.contact.address.postal_code",
        "user.demographic.age_range",
        "user.location.precise",
        "user.device.device_id",
        "user.health.insurance_beneficiary_id",
        "user.health",
        "user.behavior",
        "user.financial",
        "user.demographic.profile",
        "user.unique_id",
        *_DATE_CATEGORIES,
        *lx.CODED,
    }
)
_NUMERIC_PREFIXES = ("user.government_id", "user.financial")
_NEVER_BOOLEAN = (
    "user.unique_id",
    "user.name",
    "user.contact",
    "user.government_id",
    "user.financial",
    "user.account",
    "user.authorization",
    "user.demographic.date_of_birth",
    "user.device",
)
#: What a choice among a form's options (a radio button, a select) cannot be: a street and
#: house number, an identifier, a login, a secret, a device's data are typed, never picked
#: from a list (`RadioField('Housing Score')` is a rating). A title (`user.name`: Mr, Ms),
#: a year of birth, a country, a city, a gender are picked.
_NEVER_CHOICE = (
    "user.unique_id",
    "user.contact.address.street",
    "user.government_id",
    "user.account",
    "user.authorization",
    "user.device",
)
#: What a list of options holds only at times: a service area's postcodes, the e-mail
#: addresses or phones a person gave, offered again to pick where a code goes. Such a
#: field keeps its category at low confidence (it may be a preference: 'contact me by').
_SOMETIMES_CHOICE = (
    "user.contact.email",
    "user.contact.phone_number",
    "user.contact.fax_number",
    "user.contact.address.postal_code",
)
#: What a checkbox holds even when only a weak word names it (`smoker`, `organ_donor`): a
#: yes/no about one's health, a special category (GDPR Art. 9, 10), a trait one has or has
#: not (a veteran, married, a citizen, over 18), a way one pays. A health insurance number
#: is no yes/no. Consent and settings have no category here: their role says what they are.
#: What a placeholder's text alone never makes a field: a special category (GDPR Art. 9,
#: 10) or an identity document. A placeholder is an example value or an instruction (a
#: packing list naming an identity card, a sentence on who supervises a trip), and such an
#: entry asks for a legal condition nothing needs (review35 R35b D6).
_NOT_FROM_EXAMPLES = (
    "user.health",
    "user.biometric",
    "user.criminal_history",
    "user.demographic.religious_belief",
    "user.demographic.political_opinion",
    "user.demographic.union_membership",
    "user.demographic.sexual_orientation",
    "user.demographic.race_ethnicity",
    "user.government_id",
)
_YES_NO_TRAITS = (
    "user.health",
    "user.biometrics",
    "user.criminal_history",
    "user.demographic.religious_belief",
    "user.demographic.political_opinion",
    "user.demographic.union_membership",
    "user.demographic.sexual_orientation",
    "user.demographic.race_ethnicity",
    "user.demographic.protected_classifications",
    "user.demographic.gender",
    "user.demographic.marital_status",
    "user.demographic.citizenship_or_immigration_status",
    "user.demographic.age_range",
    "user.payment",
)
_NOT_YES_NO = ("user.health.insurance_beneficiary_id",)
#: What a date input holds besides a person's own dates (`_DATED`) and a document's
#: (`_DATED_PREFIXES`): a card's expiry month, the date of a diagnosis or a vaccination.
_DATED_INPUTS = ("user.financial", "user.health", "user.criminal_history")
#: A place a form offers as a list: in an integer column its code, a key to a list of places.
_CODED_PLACES = frozenset(
    {"user.contact.address.country", "user.contact.address.state", "user.contact.address.city"}
)
_OF_ORGS = ("user.contact", "user.government_id", "user.financial", "user.name")
# Weak terms that need a table describing people, not one merely linked to people
# (a job order's `title`, an invoice's `payment_url`, a product's `image`).
_PEOPLE_ONLY = (
    "user.name",
    "user.contact.social_url",
    "user.content.self_image",
    "user.professional_information",
    "user.demographic.language",
)
_CODE_WORDS = lx.CODE_WORDS
# "Type of" a coded attribute or of work is still about the person (`tipo_trabalho`),
# unlike the type of a phone number or an address.
_KIND_WORDS = lx.KIND_WORDS  # where a table's name reads them, see `kind_words` in common.yaml
#: Words for a state (`status`, `durumu`, `statusz`): `state_words`, and Italian `stato`, which
#: that list leaves out as a country; where each reads them, see `state_words` in common.yaml.
_STATE_WORDS = lx.STATE_WORDS | {"stato"}
_STATUS_WORDS = _KIND_WORDS | _STATE_WORDS | lx.LEVEL_WORDS
_KINDED = (
    "user.professional_information",
    "user.health",
    "user.demographic",
    "user.criminal_history",
    "user.government_id",
    *sorted(lx.CODED),
)
_PHRASE_MAX = max(map(len, lx.TERMS))  # map: a generator cost a first run 2 ms


def _build_tokenizer() -> Tokenizer:
    vocab = load_vocabulary()
    words = set(vocab.words) | {fold(w) for w in _CODE_WORDS}
    return Tokenizer(
        words,
        vocab.cyrillic,
        translit=vocab.translit,
        stemmed=vocab.stems,
        stemmers=vocab.stemmers,
        word_languages=vocab.word_languages,
        glue=lx.GLUE_WORDS,
    )


_TOKENIZER = _build_tokenizer()
# The vocabulary's phrases are folded already (`vocabulary._normal`): folding them again
# cost a tenth of the import.
_TERMS = lx.TERMS
_NEGATORS = dict(lx.NEGATORS)
_SENSES = load_vocabulary().senses
# Languages written in another script: a Latin spelling of their term is a transliteration.
_TRANSLITERATED = load_vocabulary().transliterated


@dataclass(frozen=True)
class _Match:
    category: str
    strong: bool
    lang: str
    words: tuple[str, ...]
    start: int


@dataclass(frozen=True)
class _Reading:
    """What the words of one text say."""

    matches: tuple[_Match, ...]
    negators: tuple[tuple[str, str], ...]
    """(word, kind) of words that make a column technical."""
    rest: frozenset[str]
    """Words not part of a term."""
    words: tuple[str, ...] = ()
    """Every word, in order."""


@dataclass(frozen=True)
class _Table:
    person: bool
    health: bool
    messages: bool
    posts: bool
    ambiguous: bool = False
    """Health only by a word that also names an office's work (`procedures`, `traitements`)."""


#: The Dutch suffix of a noun of quality (`-heid`, English `-ness`), which ends in `id`.
_DUTCH_NESS = "heid"


def _negator_kind(word: str) -> str | None:
    kind = _NEGATORS.get(word)
    if kind is not None:
        return kind
    if word in _TOKENIZER.vocabulary or is_cyrillic(word):
        return None
    # `userid`, `idcliente`: a key glued to its word; not a Dutch noun in `-heid` (-ness:
    # `beschikbaarheid`, availability; `betrouwbaarheid`, reliability), which is no key
    if len(word) >= 4 and ((word.endswith("id") and not word.endswith(_DUTCH_NESS)) or word.startswith("id")):
        return "identifier"
    if word.endswith(_GLUED_TIMES) and any(word.endswith(s) and len(word) > len(s) + 1 for s in _GLUED_TIMES):
        return "timestamp"
    return None


#: `lx.GLUED_TIMES` as `str.endswith` takes them, so most words are ruled out in one call.
_GLUED_TIMES = tuple(sorted(lx.GLUED_TIMES))


#: A standard cited by its body and a number of three to five digits: `RFC-5322`, `ISO 8601`,
#: `DIN 5008-2` (not "RFC 13 caracteres", a Mexican RFC's length). Linear: an alternation of
#: fixed words, one optional separator, a bounded run of digits; no nested repetition.
_STANDARD = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, lx.STANDARDS_BODIES))) + r")[ -]?\d{3,5}\b", re.IGNORECASE
)


def _without_standards(comment: str) -> str:
    """The comment with its citations of standards left out (`RFC-5322` is no Mexican RFC)."""
    return _STANDARD.sub(" ", comment)


@functools.lru_cache(maxsize=64)
def _contract_phrases(languages: tuple[str, ...] | None) -> dict[tuple[str, ...], str]:
    """`contract_phrases` as the tokenizer reads them in these languages -> the phrase."""
    return {_TOKENIZER.words(p, languages): p for p in sorted(lx.CONTRACT_PHRASES)}


@functools.lru_cache(maxsize=64)
def _contract_firsts(languages: tuple[str, ...] | None) -> frozenset[str]:
    """The first words of `_contract_phrases`: one of them starts a contract's conditions, no other word."""
    return frozenset(phrase[0] for phrase in _contract_phrases(languages) if phrase)


def _contract_at(words: tuple[str, ...], i: int, languages: tuple[str, ...] | None) -> int:
    """How many words from `i` are a contract's conditions (`terms and conditions`), or 0."""
    if words[i] not in _contract_firsts(languages):
        return 0  # most words start none: no phrase of two to four words looked up
    phrases = _contract_phrases(languages)
    for size in range(min(4, len(words) - i), 1, -1):
        if words[i : i + size] in phrases:
            return size
    return 0


#: The most parts a compound is read from (`Sozial_Versicherungs_Nummer`).
_COMPOUND_MAX = 3
#: The shortest part of one (`Konto`, `Nr` is too short: `konto_nr` is a phrase of its own).
_COMPOUND_PART = 3
#: Languages that write a compound as one word.
_COMPOUNDING = frozenset({"de", "nl"})


def _compound(parts: tuple[str, ...]) -> tuple[tuple[str, str, str] | None, tuple[str, ...]]:
    """The term that `parts` glued together are (`konto` + `nummer`: `kontonummer`), and its key.

    German and Dutch write a compound as one word; identifiers split it by case or an
    underscore (`KontoNummer`), which would read its first part alone (`Konto`). Only a
    strong term of theirs, of words of three letters or more: `user` + `id` is no `userid`,
    `n` + `ib` no Portuguese `nib`, and `land` + `code` stays a code.
    """
    if len(parts) < 2 or any(len(p) < _COMPOUND_PART for p in parts):
        return None, parts
    term = _TERMS.get(("".join(parts),))
    sure = term is not None and term[1] == "S" and term[2] in _COMPOUNDING
    return (term if sure else None), parts


def _key_fingerprints(matches: list[_Match], words: tuple[str, ...]) -> tuple[list[_Match], set[int]]:
    """A fingerprint beside a key or certificate word is the key's (`gpgfingerprint`, `cert_fingerprint`).

    A key's fingerprint is a hash of the key that identifies its holder (GDPR Art. 4(1)), no
    biometric data (Art. 4(14): a finger's print, a face, a voice): a personal identifier, weak
    as a server's host key is no one's (review37 D1). The key words are part of it then, so
    `key` or `schluessel` makes no key of the column. Returns the matches and those positions.
    """
    if not any(_fingerprint(m) for m in matches):
        return matches, set()
    keyed = {i for i, w in enumerate(words) if w in lx.KEY_WORDS}
    if not keyed:
        return matches, set()
    read = [replace(m, category="user.unique_id", strong=False) if _fingerprint(m) else m for m in matches]
    return read, keyed


def _fingerprint(match: _Match) -> bool:
    """A biometric term, or the bare `fingerprint` of a browser or a device."""
    return match.category == "user.biometrics" or match.words == ("fingerprint",)


@functools.lru_cache(maxsize=65536)
def _read(text: str, languages: tuple[str, ...] | None = None) -> _Reading:
    words = _TOKENIZER.words(text, languages)
    # Cyrillic text is read through its Latin spelling, which other languages share
    # (`адрес` -> `adres`, Turkish too): the Russian sense names it where there is one
    cyrillic = is_cyrillic(text)
    matches: list[_Match] = []
    used: set[int] = set()
    contract: list[str] = []
    i = 0
    while i < len(words):
        size = _contract_at(words, i, languages)
        if size:
            # `terms and conditions`: a contract's, read as one technical word, not a health term
            contract.append(" ".join(words[i : i + size]))
            used.update(range(i, i + size))
            i += size
            continue
        for size in range(min(_PHRASE_MAX, len(words) - i), 0, -1):
            key = words[i : i + size]
            term = _TERMS.get(key)
            if term is None and 1 < size <= _COMPOUND_MAX:
                # `KontoNummer`, `Geburts_Ort`: a compound written in parts is the compound
                term, key = _compound(key)
            if term is not None:
                category, strength, lang = term
                if cyrillic and lang != "ru" and "ru" in _SENSES.get(key, {}):
                    category, strength = _SENSES[key]["ru"]
                    lang = "ru"
                matches.append(_Match(category, strength == "S", lang, key, i))
                used.update(range(i, i + size))
                i += size
                break
        else:
            i += 1
    matches, keyed = _key_fingerprints(matches, words)
    used |= keyed
    rest = [w for n, w in enumerate(words) if n not in used]
    negators = tuple((w, k) for w in rest if (k := _negator_kind(w)) is not None)
    negators += tuple((phrase, "technical") for phrase in contract)
    return _Reading(tuple(matches), negators, frozenset(rest), words)


@functools.lru_cache(maxsize=16384)
def _table_words(table: str, languages: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The words of a table's own name (`mimiciv_hosp.patients`: `patients`, the schema dropped).

    Cached: a classification asks for each table's 25 times (10,000 calls for i-educar).
    """
    return _TOKENIZER.words(table.rsplit(".", 1)[-1], languages)


def _names_contacts(table: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a table's name says it keeps contacts (`contacte_alumne`, `contatos`, `kontakty`)."""
    return any(
        w in lx.CONTACT_WORDS or (len(w) > 4 and (w[:-1] in lx.CONTACT_WORDS or w[:-2] in lx.CONTACT_WORDS))
        for w in _table_words(table, languages)
    )


# `email_template`, `sms_templates`: the text a message is made from, written by no one
# it reaches (a queue of messages still holds messages)
_NOT_MESSAGES = lx.LOOKUP_WORDS | {
    "template",
    "templates",
    "tpl",
    "vorlage",
    "vorlagen",
    "modelo",
    "modelos",
    "modele",
    "modeles",
    "modello",
    "modelli",
    "sablon",
    "szablon",
    "sjabloon",
}


@functools.lru_cache(maxsize=16384)
def _table(table: str, languages: tuple[str, ...] | None = None) -> _Table:
    words = _table_words(table, languages)
    if not words:
        return _Table(False, False, False, False)
    last = words[-1]
    person = last in lx.PERSON_TABLES or (
        last in lx.PERSON_SUFFIXES and any(w in lx.PERSON_TABLES for w in words)
    )
    if person and software_client(words):
        person = False  # `oauth_clients`: applications that sign in, not customers
    pairs = set(zip(words, words[1:], strict=False))
    # a table of doctors or nurses (`medico`) lists the staff who give care, not anyone's
    # care: only another health word in its name (`salud_medico`) makes it a record
    named = words[:-1] if last in lx.CARE_GIVERS else words
    found = {w for w in named if w in lx.HEALTH_TABLES}
    phrased = bool(pairs & lx.HEALTH_TABLE_PHRASES)
    health = (bool(found) or phrased or _offers_care(words)) and not _care_place(words)
    ambiguous = bool(found) and found <= lx.AMBIGUOUS_HEALTH_TABLES and not phrased
    messages = any(w in lx.MESSAGE_TABLES for w in words) and last not in _NOT_MESSAGES
    return _Table(person, health, messages, _posts(words), ambiguous)


#: Words of posts only as a table's whole name: Mastodon's `statuses` are posts, where
#: `order_statuses` and `onboarding_statuses` list or keep states (codereview34).
_LONE_POSTS = frozenset({"statuses"})


#: Words of work before `post` (`job_posts`, `vacancy_post`): `job_post_words` in common.yaml.
_JOB_POSTS = lx.JOB_POST_WORDS


def _posts(words: tuple[str, ...]) -> bool:
    """Whether a table's words name a table of posts (`comments`, `blog_posts`, `statuses`)."""
    return bool(words) and words[-1] in lx.POST_TABLES and (len(words) == 1 or words[-1] not in _LONE_POSTS)


def _job_posts(words: tuple[str, ...]) -> bool:
    """Whether a table of posts is one of jobs (`job_posts`, `vacancy_post`).

    Its rows are offers an employer publishes: their text still a post's (public), their
    creation no one's act of writing.
    """
    return bool(words) and words[-1] in {"post", "posts"} and bool(set(words[:-1]) & _JOB_POSTS)


_WHERE_HEADS = lx.PLACE_TABLES | lx.ORG_TABLES


def _offers_care(words: tuple[str, ...]) -> bool:
    """Whether a table is named for care quoted to a patient (`orcamento_procedimento`).

    The procedures or medicines of an estimate are the treatment planned for the patient,
    data concerning health, though the estimate itself is an offer of money (cls33c).
    """
    return any(w in lx.OFFERED_CARE for w in words) and any(w in lx.OFFER_TABLES for w in words)


def _care_place(words: tuple[str, ...]) -> bool:
    """Whether a table is named for a place or a body where care is given (`OrtDerImpfung`).

    The name's head is a place or an organisation that a word of joining ties the health
    word to (`Ort der Impfung`, `centros_de_salud`): its rows are the places, no one's care
    (cls32d). A last word is no head in every language (`historia_clinica` is a clinical
    history), so only the joined form is read.
    """
    return len(words) > 2 and words[0] in _WHERE_HEADS and words[1] in lx.JOINING_WORDS


def software_client(words: tuple[str, ...]) -> bool:
    """Whether a table's name ends in a client of a protocol (`oauth_clients`): an application."""
    return len(words) >= 2 and words[-1] in lx.SOFTWARE_CLIENTS and words[-2] in lx.SOFTWARE_QUALIFIERS


def _names_table(words: tuple[str, ...], table: tuple[str, ...]) -> bool:
    """Whether every word names the table, plural or not (`esito` in `tbl_esiti`)."""
    return all(any(w == t or _same_stem(w, t) for t in table) for w in words)


def _same_stem(word: str, other: str) -> bool:
    """Singular and plural of one word: they differ only in the last two letters."""
    if len(word) < 4 or abs(len(word) - len(other)) > 3:
        return False
    common = len(os.path.commonprefix((word, other)))
    return common >= max(4, len(word) - 2, len(other) - 3)


def _wide_text(type_: str | None, kind: str) -> bool:
    """Text wider than a yes/no code (`CHAR(1)` holds `S`/`N`, `VARCHAR(5)` `false`)."""
    if kind != "text" or not type_:
        return False
    width = types.size(type_)
    return width is None or width > 5


#: Flag words that open a yes/no question (`is_active`, `has_car`, `can_edit`), not a state.
_PREDICATES = frozenset({"is", "has", "can", "want"})
def _dropping(reading: _Reading, drop: Callable[[str, str], bool]) -> _Reading:
    """The reading without the negators `drop` picks (by word and kind), or itself if none."""
    if not reading.negators:
        return reading
    kept = tuple(n for n in reading.negators if not drop(*n))
    return reading if len(kept) == len(reading.negators) else replace(reading, negators=kept)


#: Words of a record's life that name a time only (`ts`, `mtime`), no state a yes/no could be.
_ONLY_TIMES = frozenset({"ts", "timestamp", "stamp", "mtime", "ctime"})


def _states_row(word: str) -> bool:
    """Whether a word in a yes/no's name says the row's state (`deleted`), not a time (`ts`)."""
    return word in lx.RECORD_WORDS and word not in _ONLY_TIMES


def _is_lookup(table: str, match: _Match, languages: tuple[str, ...] | None = None) -> bool:
    """A table named after the attribute, about no one: `religiao`, `estado_civil`."""
    words = _table_words(table, languages)
    return set(match.words) <= set(words) and not any(w in lx.PERSON_TABLES for w in words)


def _session_verdict(
    name: str, reading: _Reading, kind: str, type_: str | None, ctx: Context, keyed: bool
) -> Classification | None:
    """The person's session in a row about or linked to them: `login_sessions.session_hash`.

    Its id tells them apart as a cookie does, and what the application kept of it
    (`user_session_value`) is theirs (cls32c); a key to a session row is a key.
    """
    session = _session_held(reading, kind, type_) if (ctx.linked or ctx.describes) and not keyed else None
    if session is None:
        return None
    category, what = session
    return Classification(True, category, Confidence.LOW, f"name '{name}' is {what} {ctx.why}")


def _session_held(reading: _Reading, kind: str, type_: str | None) -> tuple[str, str] | None:
    """A person's session with the application, kept in text: (category, in words), else None.

    `session_hash`, `SessionUid`, `web_session_kod`, `session_data`: a session word with
    nothing but key words or `data` beside it among the words that rule a column out. Its
    expiry, version or timeout (`session_expire`, `sessionVersion`) and a number or a yes/no
    (`StopSession bit`) are the session's own bookkeeping.
    """
    if kind != "text" or not reading.negators or set(reading.words) & _OWN_ID_WORDS:
        return None  # `session_uuid`: a uuid the database gives out, the row's own
    if types.uuid(type_):
        return None
    words = {w for w, _ in reading.negators}
    if not words & lx.SESSION_WORDS:
        return None
    if any(w not in lx.SESSION_WORDS and why != "identifier" and w != "data" for w, why in reading.negators):
        return None
    if set(reading.words) & lx.SESSION_DATA or types.document(type_) or types.binary(type_):
        return "user.behavior", "what the application kept of the person's session"
    return "user.device.cookie_id", "the id of the person's session, which tells them apart as a cookie does"


def _fits_type(match: _Match, kind: str, words: frozenset[str], fractional: bool = False) -> bool:
    """Whether a column of `kind` can hold what the match names; `fractional`: a number with decimals."""
    category = match.category
    if kind in _CONTROL_RULES:
        return _fits_control(match, kind)
    if kind == "numeric" and fractional and category.startswith(_NEVER_FRACTIONAL):
        # `cubierto_seguro float`: a sum the insurers covered, no insurance number (review33 D2)
        return False
    if kind == "temporal":
        # `fecha_sintomas`, `diagnosis_date`: when an illness began or was found is data
        # concerning health, as a date input says (review33 D4); `conviction_date`, when they
        # were convicted, is criminal-offence data (R35a D3)
        special = match.strong and category.startswith(("user.health", "user.criminal_history"))
        # `data_bateig`, `baptism_date`: when a person was baptised or joined a church says
        # which church is theirs, a religious belief (Art. 9; cls33c)
        rite = category == "user.demographic.religious_belief"
        return special or rite or category in _DATED or category.startswith(_DATED_PREFIXES)
    if kind == "boolean":
        # a yes/no is a sex, a condition, a belief; never a name, an address or a number;
        # from a weak word only what one has or has not (`abscess boolean`, as a checkbox),
        # not a food one may leave out by choice (`gluten boolean`, codereview26 F10)
        if category.startswith(_NEVER_BOOLEAN):
            return False
        if match.strong:
            return True
        traits = category.startswith(_YES_NO_TRAITS) and not category.startswith(_NOT_YES_NO)
        return traits and not set(match.words) & lx.DIET_CHOICES
    if kind == "numeric":
        if category in _NUMERIC_OK or words & _CODE_WORDS:
            return True
        return match.strong and category.startswith(_NUMERIC_PREFIXES)
    return True


#: The kinds of a form's controls (`_CONTROL_KINDS`), weighed by `_fits_control`.
_CONTROL_RULES = frozenset({"checkbox", "date input", "choice"})


def _fits_control(match: _Match, kind: str) -> bool:
    """Whether a form control of `kind` can hold what the match names.

    A control rules a category out only where the category is impossible for it, never
    where it is merely unusual (code review CR27 F1), category by category:
    - a checkbox holds a yes/no: never a name, an address, a contact detail, a number or a
      date of birth (`_NEVER_BOOLEAN`: `BooleanField('Foreign Born')`, 'Email me'); from
      a weak word, only what one has or has not (`_YES_NO_TRAITS`: `smoker`, a belief);
    - a date input holds a date: a person's own (`_DATED`: born, married, naturalised), a
      document's, a card's (`card_expiry` in `type="month"`) or a health event's;
    - a radio button or a select holds one of the form's options: never a street, an id,
      a login or a secret (`_NEVER_CHOICE`); what a list holds only at times (a postcode,
      an e-mail address) is kept at lower confidence by `classify_field`.
    """
    category = match.category
    if kind == "checkbox":
        if category.startswith(_NEVER_BOOLEAN):
            return False
        return match.strong or (category.startswith(_YES_NO_TRAITS) and not category.startswith(_NOT_YES_NO))
    if kind == "date input":
        return category in _DATED or category.startswith(_DATED_PREFIXES + _DATED_INPUTS)
    return not category.startswith(_NEVER_CHOICE)


def type_holds(category: str, type_: str | None) -> bool:
    """Whether a column of SQL type `type_` can hold data of `category`, as a name's term is weighed.

    A yes/no holds no date of birth nor a name, a date no address: a category a form field
    gives its column (`cnsnt init`) must fit the column's own type. An unknown type holds any.
    A country, region or city that fills an integer column is the code of a list's entry
    (an ISO numeric code, a key to a table of places), as a gender's code is: the field's
    label has said what the number stands for. The name alone (`state int`) does not say
    so, so a column's own verdict still rules such a name out (code review CR27 F10).
    """
    kind = types.type_kind(type_)
    if kind == "numeric" and category in _CODED_PLACES:
        return True
    fractional = kind == "numeric" and types.fractional(type_)
    if fractional and not category.startswith(_AMOUNTS):
        # `vat decimal(10,2)` filled by a field named `vat`: an amount, no tax number
        # (review32 D6); a number with decimals is a sum or a measure, never an id or a phone
        return False
    return _fits_type(_Match(category, True, "", (), 0), kind, frozenset(), fractional)


#: Categories a number with decimals can hold: sums of money and measures of a person.
_AMOUNTS = ("user.financial", "user.health", "user.biometrics", "user.demographic", "user.location")
#: Numbers of a sum's kind: what a money word beside them measures is the sum (`monto_seguro`).
_NUMBERED_AMOUNTS = (
    "user.health.insurance_beneficiary_id",
    "user.financial.bank_account",
    "user.financial.credit_card",
)
#: Numbers and names no number with decimals holds, in a column as in a field (review33 D2).
_NEVER_FRACTIONAL = (
    "user.unique_id",
    "user.government_id",
    "user.contact",
    "user.account",
    "user.authorization",
    "user.device",
    "user.name",
    "user.health.insurance_beneficiary_id",
    "user.financial.bank_account",
    "user.financial.credit_card",
)


# Categories that are identifiers or secrets by nature: an id word does not make them technical.
_IDENTIFYING = ("user.government_id", "user.authorization.credentials")


#: A registration number's words (`immatriculation`, `matricula`): a vehicle's in a table of
#: vehicles, a person's or a body's registration elsewhere.
_REGISTRATION_NUMBERS = lx.REGISTRATION_NUMBERS
#: Words of a file a person sends (`uploadCV`): a record word only beside a time word.
_UPLOAD_WORDS = lx.UPLOAD_WORDS
#: Words of a registration (`kayit`, `cadastro`, `alta`): alone a row's own bookkeeping date.
_REGISTRATION_WORDS = lx.REGISTRATION_WORDS


def _joined(words: tuple[str, ...], table: str, languages: tuple[str, ...] | None) -> str | None:
    """The words `member registration` in a column of a table of members (`uyeler.UyeKayitTarihi`).

    A word for the people the table is named for, right before a word of registration, says
    whose registration it is: the person's own joining, a fact about them (review34 R34b D8).
    """
    own = _table_words(table, languages)
    for before, word in zip(words, words[1:], strict=False):
        if (
            word in _REGISTRATION_WORDS
            and before in lx.PERSON_TABLES
            and len(before) >= 3
            and any(t.startswith(before) or before.startswith(t) for t in own if len(t) >= 3)
        ):
            return f"{before} {word}"
    return None


def _written_as_done(words: tuple[str, ...], table: str, languages: tuple[str, ...] | None) -> str | None:
    """What each row of a table is, when a time's name gives the row's creation and the row is an act.

    A log (an audit trail, a log of logins, a session) writes its row when what it logs is
    done, and a comment or a review is written by its author in one go: the row's creation
    time is when the person did it (`audit_logs.created_at`, `comments.created_at`), not
    bookkeeping. The name must say creation or a bare stamp and nothing more (`created_at`,
    `timestamp`, `log_olusturma_tarihi`), not a later change (`updated_at`). Returns how the
    reason names the row (`logs an act ('log')`), or None.
    """
    own = _table_words(table, languages)
    if not own or set(own) & lx.SOFTWARE_ACTS:
        return None  # `esh_sync_log`: the software's runs
    # `log_tables` is broad (a course's `sessions`, a ledger's `journal`): narrowing it cost
    # verdicts on the held-out half (codereview35 finding 1, see vocab/common.yaml)
    if own[-1] in lx.LOG_TABLES:
        row = f"logs an act ('{own[-1]}')"
    elif _posts(own) and not _job_posts(own):
        row = f"is what someone wrote ('{own[-1]}')"
    else:
        return None
    found = set(words)
    if not found & (lx.CREATION_WORDS | _STAMPS):
        return None
    if not found <= lx.CREATION_WORDS | _INSTANTS | lx.GLUE_WORDS | set(own):
        return None
    return row


#: What a file kept about a person may be: their photo, a scan of their identity document.
_FILED = ("user.content", "user.government_id")


def _names_file(words: tuple[str, ...], word: str) -> bool:
    """Whether an id word comes before a word of where a file is kept (`DocIDPath`, `id_scan_url`).

    There `id` names the identity document whose scan the column locates, not a key: a
    key's `id` ends the name (`photo_id`) or starts it (`id_file`, a key to a file in
    Romance naming), it is not between a word and a path (review34 R34b D8).
    """
    if word not in words[1:]:
        return False
    return any(w in lx.STORAGE_WORDS for w in words[words.index(word, 1) + 1 :])


def _before(words: tuple[str, ...], word: str, start: int) -> bool:
    """Whether `word` comes only before position `start` of `words` (`deleted` in `deleted_user_email`)."""
    return word in words[:start] and word not in words[start:]


# GDPR Art. 9 categories: a time word beside one says when or how long, the datum stays special
#: A prefix of a name is part of it (`last_name_prefix`); a phone's (`phone_prefix`) is technical.
_NAME_PREFIXES = lx.NAME_PREFIX_WORDS
_SPECIAL_TERMS = (
    "user.health", "user.biometrics", "user.demographic.race_ethnicity",
    "user.demographic.religious_belief", "user.demographic.political_opinion",
    "user.demographic.sexual_orientation", "user.demographic.union_membership",
)  # fmt: skip
# Terms a date word does not make a mere time: Art. 9's, and criminal convictions (Art. 10):
# `diagnosis_date`, `conviction_date` say when the illness was found, when they were convicted.
_DATED_SPECIAL = (*_SPECIAL_TERMS, "user.criminal_history")


def _blocking(
    reading: _Reading, match: _Match, kind: str, wide_text: bool = False, person: bool = False
) -> tuple[str, str] | None:
    """The first word that makes the column technical despite the term, if any.

    `wide_text`: the column's own type is text wider than a yes/no code (`CHAR(1)`), so a
    flag word (`admin`, `notification`) says whose or what for, not that it is a flag.
    A time word does not make a strong special-category term a date (`sick_days`,
    `dias_enfermedad`: how long someone was ill is health data, review31 D1) or a criminal
    one (`conviction_date`: when they were convicted, R35a D3), nor a day, month or year
    word a strong term in a number (a count of days names no date).
    `person`: the row is about people or linked to one, where the kind, the state or the total
    of a sum of money (`tipo_sueldo`, `UcretDurumu`, `toplam_gelir`) is still their money.
    """
    for word, why in reading.negators:
        if why == "identifier" and match.category.startswith(_FILED) and _names_file(reading.words, word):
            continue  # `photo_id_path`: where the person's photo is kept, no key
        if why == "timestamp" and (match.category in _DATED or match.category.startswith(_DATED_PREFIXES)):
            continue
        if why == "timestamp" and match.category.startswith(_DATED_SPECIAL):
            continue
        if why == "timestamp" and match.strong and kind == "numeric" and word in lx.DATE_PARTS:
            continue  # `..._days int`: a count of days; a time noun (`date_phone`) still says a time
        if (
            why == "timestamp"
            and match.strong
            and word in lx.RECORD_WORDS
            and _before(reading.words, word, match.start)
        ):
            # `deleted_user_email`: a word of a record's life says whose address, the address
            # is the datum; a time noun (`date_password`) still makes the column a time
            continue
        if why == "identifier" and match.category in lx.CODED:
            continue
        if why == "identifier" and match.strong and match.category.startswith(_IDENTIFYING):
            continue  # `numero_de_identificacao_fiscal`, `two_factor_secret_key`: the id is the datum
        if why == "technical" and word in _STATUS_WORDS and match.category.startswith(_KINDED):
            continue  # `health_status`, `disability_type`, `tipo_trabalho`
        if person and match.category.startswith("user.financial") and (
            (why == "technical" and word in _STATUS_WORDS) or (why == "counter" and kind != "text")
        ):
            # `tipo_sueldo`, `gelir_turu`, `UcretDurumu`, `toplam_gelir`: the kind, the state or the
            # total of a person's pay or income is their money, not the row's own kind or count
            continue
        if why == "technical" and word in lx.STORAGE_WORDS and match.category.startswith(_FILED):
            # `photo_filename`, `foto_link`, `passport_scan_path`: where the person's photo or
            # document is kept
            continue
        if why == "technical" and word in _NAME_PREFIXES and match.category.startswith("user.name"):
            continue  # `last_name_prefix`: the Dutch tussenvoegsel ('van', 'de') is part of the name
        if why == "flag" and wide_text and match.strong:
            continue  # `emailadmin varchar(100)`: a flag is a yes/no, wide text holds the datum
        return word, why
    if kind in {"boolean", "numeric", "checkbox"}:
        for word in reading.rest:
            if word in lx.FLAG_IF_NUMERIC:
                return word, "flag"
    return None


def _pick(
    reading: _Reading,
    person: bool,
    kind: str,
    names: bool = True,
    wide_text: bool = False,
    fractional: bool = False,
) -> tuple[_Match | None, tuple[str, str] | None]:
    """The best surviving term, or the reason the column is ruled out.

    `person`: weak terms count (the table is about people); `names`: weak name terms
    count too (not so in a table merely linked to people: a project's `name`).
    `fractional`: the column is a number with decimals, which holds no identifier.
    """
    if not reading.matches:
        return None, None  # no term: nothing to pick (most columns: keys, dates, flags)
    objects = bool(reading.rest & lx.OBJECT_WORDS)
    # `clinic_phone`, `nomcentre`, `company_email`: an organisation's, not a person's.
    organisation = bool(reading.rest & lx.ORG_TABLES) and not (reading.rest & lx.QUALIFIERS)
    candidates: list[_Match] = []
    for m in reading.matches:
        # `clinic_phone` outside a table about people is the clinic's (a person's work
        # phone, `telefone_empresa`, sits in their row); `companyName` is the company's
        named_org = any(set(o.words) & lx.ORG_TABLES for o in reading.matches if o is not m)
        if organisation and not person and m.category.startswith(_OF_ORGS):
            continue
        if named_org and m.category.startswith("user.name"):
            continue
        if objects and m.category.startswith("user.name") and not reading.rest & lx.QUALIFIERS:
            continue  # `service_full_name`, `product_full_name`: a thing's name, however spelled
        if (
            not m.strong
            and m.category.startswith("user.name")
            and any(o.category.startswith("user.contact.address.") for o in reading.matches if o is not m)
        ):
            continue  # `streetName`, `city_name`, `nome_via`: the street's or the town's name (R35b D3)
        # A person named elsewhere in the column: `nome_mae`, `contact_name`.
        others = reading.rest.union(*(o.words for o in reading.matches if o is not m))
        qualifier = bool(others & lx.QUALIFIERS)
        naming = m.category.startswith(_PEOPLE_ONLY) or set(m.words) <= lx.OBJECT_NAMES
        in_context = person and (names or not naming)
        if not m.strong and (not (in_context or qualifier) or objects):
            continue
        if not m.strong and m.category.startswith(_NUMBERED_AMOUNTS) and reading.rest & lx.MONEY_WORDS:
            # `monto_seguro`, `descuentos_seguro`: what the insurance costs or pays, their money,
            # no number of it (review33 D2)
            m = replace(m, category="user.financial")
        if not _fits_type(m, kind, reading.rest, fractional):
            continue
        served = reading.rest & lx.SOFTWARE_QUALIFIERS
        if served and not m.strong and m.category.startswith("user.contact.address"):
            continue  # `adresse_api`, `http_address`: where a service answers, no one's home (review33 D4)
        if _abbreviated_ip(m, reading.words) or _whose(m, reading.words):
            continue
        candidates.append(m)
    if not candidates:
        return None, None
    # Strong before weak; then the longer phrase; then the later one (the head of
    # `address1Country` is the country).
    best = max(candidates, key=lambda m: (m.strong, len(m.words), m.start))
    if set(best.words) <= lx.STORAGE_WORDS:
        # `photo_url`, `BildURL`: where the photo is kept; what it keeps is the photo
        held = [m for m in candidates if _category(m).startswith("user.content")]
        if held:
            best = max(held, key=lambda m: (m.strong, len(m.words), m.start))
    if best.category == "user.behavior#activity":
        # `current_sign_in_ip`, `last_login_ip`: the time words qualify what follows, the
        # address the person was last active from
        after = [m for m in candidates if m.strong and m.start >= best.start + len(best.words)]
        if after:
            best = max(after, key=lambda m: (len(m.words), m.start))
    blocked = _blocking(reading, best, kind, wide_text, person)
    if blocked is not None:
        return None, blocked
    return best, None


def _abbreviated_ip(match: _Match, words: tuple[str, ...]) -> bool:
    """`IP_REVIEW_REQUIREMENT`, `ip_account_number`: `ip` leading other words is not an IP address.

    An address column ends in `ip` (`client_ip`, `last_login_ip`) or goes on with
    what is said of the address (`ip_address`, `ip_v6`, `ip_country`).
    """
    if match.words != ("ip",) or _category(match) != "user.device.ip_address":
        return False
    after = match.start + 1
    return after < len(words) and words[after] not in lx.IP_TAILS


def _whose(match: _Match, words: tuple[str, ...]) -> bool:
    """`user_url`, `api_kullanici_response_code`: a people word before others says whose.

    Alone (`user`, `kullanici`) it is the login; before other words it qualifies them,
    and they say what the column holds.
    """
    if len(match.words) != 1 or match.words[0] not in lx.PERSON_TABLES:
        return False
    return any(w not in lx.GLUE_WORDS for w in words[match.start + 1 :])


def _category(match: _Match) -> str:
    return lx.CATEGORY_KEYS.get(match.category, match.category)


def _label(match: _Match) -> str:
    return lx.LABELS.get(match.category, match.category)


#: How the classifier says a numeric column names who created or changed the row
#: (`updated_by int`): a key to that person, as `id` is (`cnsnt.starter.key_columns`).
CHANGED_ROW = "says who created or changed the row"

_WHY = {
    "identifier": "an identifier or key",
    "timestamp": "a date or time",
    "flag": "a flag",
    "counter": "a count or measure",
    "technical": "technical",
}


#: Words that make a column technical but, in a person's own row or a record about one, are
#: often a fact about them (`users.role`, `is_staff`, `members.total_points`).
_OFTEN_THEIRS = {"flag", "technical", "counter"}


def _sure_not(why: str, ctx: Context, link: bool = False) -> Confidence:
    """How sure "not personal" is, as measured on the labelled tune half.

    Of the columns called not personal for such a word, labellers mark a third or more personal
    in a table that describes people (a flag 35%, a state or type 46%), and a fifth or more in one
    linked to people (a flag 19%, a state 29%, a count 65%); keys and dates stay near one in ten.
    A "high" that is wrong one time in three would send a reviewer past what most needs a look.
    `link`: a key to a person's row or a row about one (`order_lines.order_id -> orders`) in a
    record about them, wrong 3 times in 135 (codereview26 F9). A key to a list of values
    (`Child.BenefitTypeId`) is the person's type or state, wrong nearly one time in two: low.
    """
    if (link and not ctx.describes) or why not in _OFTEN_THEIRS or not (ctx.describes or ctx.linked):
        return Confidence.HIGH
    if ctx.linked and not ctx.describes and why == "flag":
        return Confidence.MEDIUM
    return Confidence.LOW


@dataclass(frozen=True)
class Context:
    """What the table a column sits in says about its columns (see `cnsnt.classify.tables`)."""

    person: bool = False
    """Weak terms count: the table describes people, is linked to one, or its name says so."""
    why: str = ""
    """How the reason names that context: `in a table that describes people (...)`."""
    names: bool = True
    """Weak name terms (`name`, `title`) count: not in a table merely linked to people."""
    linked: bool = False
    """Rows are about a person: free text in them is that person's content."""
    describes: bool = False
    """Each row is a person (not a record about one): its numbers and codes are theirs."""
    subject: bool = False
    """Each row is about one person (it describes them, or belongs to them): every fact
    in it that is not technical (keys, a record's own timestamps, state) is theirs."""
    health: bool = False
    messages: bool = False
    posts: bool = False
    organisation: bool = False
    """The table is about organisations: their contact details are not personal."""
    lookup: bool = False
    """A list of values (`zipcodes`, `paises`): its names and places are no one's."""
    address: bool = True
    """The table holds address parts, so `state` or `region` is an address's."""
    placeholder: bool = False
    """Rows stand for no real person (`tbn_person`: to be named): nothing is personal."""
    languages: tuple[str, ...] | None = None
    """Languages whose stemmer reads unknown words (None: all)."""
    written: tuple[str, ...] = ()
    """The languages the schema is written in, most used first (`familia` is no last
    name in a Portuguese schema); empty when unknown."""
    prefix: str | None = None
    """The first word most of the table's columns share (`gestib` in `gestib_professor`):
    it says which system the column came from, nothing about what it holds."""
    read: bool = False
    """The table's columns and links were all read (not its name alone), so a table
    found about no one is known to be so."""
    account: bool = False
    """The row has a login or a password column: a bare `hash` beside them is the password's."""
    login: bool = False
    """The row has a column surely named for a user name or login (`kullanici_adi`): a
    password beside it is that account holder's, as the login is (review34 R34b D9)."""
    addresses: bool = False
    """Each row is an address (`addresses`, `enderecos`): a part of it no term names (`line_1`,
    `complemento`) is the address too."""
    mail: bool = False
    """Each row is an e-mail: the table's name says so (`emails_queue`; an address column
    alone does not, `parcels.sender_email`). Whom it goes to is an address."""
    files: bool = False
    """Each row is a file: the table is named for files and a column says where each is
    kept (`files_rpd(name, ext, path)`), so a name or an extension there is the file's."""
    life_dates: bool = False
    """Each row is a date of someone's life kept in parts (`contact_important_dates(label,
    day, month, year)`): a birthday, an anniversary, whose year may be unknown."""
    aggregate: bool = False
    """The table holds statistics: counts over many people, no key to one (`stats_by_region`):
    its figures relate to no identifiable person (Recital 26, 162)."""
    sentenced: bool = False
    """Each row is a person under a criminal sentence (`convicts`, `detenus`) or a record keyed
    to one: a criminal case's number there (`prosecutor_number`) is Art. 10 data."""
    animal: bool = False
    """Each row is an animal or a record of one (`pets`, `visits` of a pet): no animal is a
    data subject, so its name, sex, birth date, weight and other traits are no person's; what
    names or reaches its owner (`owner_phone`) and free text still may be theirs."""
    register: bool = False
    """Each row is a patient of a register of patients (`pazienti`, `patients`), named so and
    nothing more: no care record (a visit, a diagnosis). What it holds beside who they are is
    theirs, but not by that alone their health (review36 R36a D2)."""


def past_prefix(words: tuple[str, ...], prefix: str | None, least: int = 1) -> tuple[str, ...] | None:
    """The words after the table's shared column prefix (`gestib_professor` -> `professor`).

    None when the name does not start with `prefix` or leaves fewer than `least` words
    after it: the prefix says which system a column came from, the rest what it holds.
    """
    return words[1:] if prefix and len(words) > least and words[0] == prefix else None


def _name_context(table: str) -> Context:
    """Context from a table's name alone (a single-column call)."""
    t = _table(table)
    words = set(_table_words(table))
    return Context(
        person=t.person,
        why="in person table context" if t.person else "",
        health=t.health,
        messages=t.messages,
        posts=t.posts,
        organisation=bool(words & lx.ORG_TABLES) and not t.person,
    )


@functools.lru_cache(maxsize=131072)
def classify_column(
    table: str,
    name: str,
    type: str | None = None,
    comment: str | None = None,
    orm_type: str | None = None,
) -> Classification:
    """Whether a column holds personal data, which category, how sure, and why.

    The table is known by its name only; `classify_tables` also reads its other
    columns and its links to people.
    """
    return decide(table, name, type, comment, _name_context(table), orm_type=orm_type)


#: ORM types that say what a column holds, whatever its SQL type or its name, by their
#: names case-folded: (category, what one holds, what several hold).
_ORM_TYPES: dict[str, tuple[str, str, str]] = {
    # Django, django-phonenumber-field
    "emailfield": ("user.contact.email", "an e-mail address", "e-mail addresses"),
    "genericipaddressfield": ("user.device.ip_address", "an IP address", "IP addresses"),
    "ipaddressfield": ("user.device.ip_address", "an IP address", "IP addresses"),
    "phonenumberfield": ("user.contact.phone_number", "a phone number", "phone numbers"),
    # peewee keeps an address as a number (`BIGINT`)
    "ipfield": ("user.device.ip_address", "an IP address", "IP addresses"),
    # SQLAlchemy-Utils
    "emailtype": ("user.contact.email", "an e-mail address", "e-mail addresses"),
    "ipaddresstype": ("user.device.ip_address", "an IP address", "IP addresses"),
    "phonenumbertype": ("user.contact.phone_number", "a phone number", "phone numbers"),
}


def _orm_typed(orm_type: str | None) -> tuple[str, str] | None:
    """What an ORM type says a column holds: (category, in words), else None.

    `ArrayField(EmailField)` holds e-mail addresses: a list of them.
    """
    if not orm_type:
        return None
    inner = orm_type.rpartition("(")[2].rstrip(")").strip().casefold()
    known = _ORM_TYPES.get(inner)
    if known is None:
        return None
    category, one, many = known
    return category, many if "(" in orm_type else one


_CONTACT_OF_ORGS = ("user.contact", "user.government_id", "user.financial", "user.location")
# What a table about no one holds for itself: a service's password, a thing's picture.
_OF_THINGS = ("user.authorization", "user.content.self_image")
_WHO_WORDS = lx.PERSON_TABLES | lx.ACTOR_WORDS | lx.LINK_WORDS | lx.QUALIFIERS | lx.GLUE_WORDS
_ROLE_WORDS = lx.PERSON_TABLES | lx.ACTOR_WORDS | lx.LINK_WORDS
# The words that make an organisation's contact detail a person's (`contact`, `yetkili`).
_CONTACT_ROLES = lx.PERSON_TABLES | lx.ACTOR_WORDS
_OF_LOOKUPS = (
    "user.contact.address",
    "user.name",
    "user.location",
    "user.demographic",
    "user.authorization",
    # `pays.num_insee`, `comuni.codice_fiscale`: the code a register gives a place or a
    # kind of document, no one's id (review33 D2)
    "user.government_id",
)
_NUMBER_WORDS = lx.NUMBER_WORDS
_FIRMS = lx.ORG_TABLES - lx.BODIES
_TIME_WORDS = frozenset(w for w, why in lx.NEGATORS.items() if why == "timestamp")
#: The words of a time that name an instant and nothing of a record's later life: `date`,
#: `at`, `tarihi`, and a stamp (`timestamp`, `ts`); not `updated`, `expires`, `until`.
_STAMPS = frozenset({"timestamp", "ts", "stamp"})
_INSTANTS = (_TIME_WORDS - lx.RECORD_WORDS - {"seen", "since", "until"}) | _STAMPS
# `created_by_id`, `createdById`, `created_by_uuid`: a surrogate key, even as text (a
# cuid, a uuid in a `varchar(255)`); `LASTMODIFIEDBY_CODI`, a user's code, is a login.
_SURROGATE_WORDS = frozenset(w for w, why in lx.NEGATORS.items() if why == "identifier")
# What may stand beside a word of a record's life in a column naming who changed it:
# `LASTMODIFIEDBY_CODI`, `usuario_alta`, `creat_per`.
_CHANGER_WORDS = lx.BY_WORDS | lx.PERSON_TABLES | lx.ACTOR_WORDS | _CODE_WORDS | lx.LAST_WORDS
# `by` or a word for people: whose change a column names (joined once, not per text column)
_BY_OR_PEOPLE = lx.BY_WORDS | lx.PERSON_TABLES
#: Words of people or of a link to them: a number named so is a person's (`_numbers_the_row`).
_PEOPLE_OR_LINKS = lx.PERSON_TABLES | lx.LINK_WORDS

# What a column holding the one datum its table is named for is called (`telefoni.numero`).
_DATUM_WORDS = _NUMBER_WORDS | lx.VALUE_WORDS
# The data a table can be named for and hold in a `number` or `value` column.
_HELD_BY_NAME = ("user.contact.phone_number", "user.contact.email", "user.contact.fax")


#: Languages that put a name's noun first and what it belongs to after it
#: (`commentaire_admin`: the administrator's comment; `nome da máquina`, `nomeBuffet`); the
#: others put it before (`program name`, `demirbas_adi`, `Produktname`).
_NOUN_FIRST = frozenset({"fr", "es", "it", "pt", "ca"})


def _free_text_noun(words: tuple[str, ...], written: tuple[str, ...]) -> bool:
    """Whether a column's noun is free text (`admin_notes`, `commentaire_admin`).

    The noun is last in English and Dutch, first in a schema written in French or another
    Romance language (`message_post_it`), unless a code names it (`memo_kodu`, `not_organ_codi`).
    """
    if words[-1] in lx.FREE_TEXT:
        return True
    return (
        words[0] in lx.FREE_TEXT
        and written[:1] != ()
        and written[0] in _NOUN_FIRST
        and not set(words) & (_CODE_WORDS | lx.LABEL_WORDS)
    )


def _names_carer(words: tuple[str, ...], written: tuple[str, ...]) -> str | None:
    """The care-giver word a column is named for (`prescriber`, `medico_validatore`), or None.

    As a free-text noun, the word is last in English, German, Dutch or Turkish, first in a
    schema written in a Romance language (`medico_actuante`); elsewhere it qualifies another
    noun (`datos_medicos`, `nurse_notes`), which names what the record holds.
    """
    if not words:
        return None
    noun_first = written[:1] != () and written[0] in _NOUN_FIRST
    if words[-1] in lx.CARE_GIVERS and (len(words) == 1 or not noun_first):
        return words[-1]
    if words[0] in lx.CARE_GIVERS and noun_first:
        return words[0]
    return None


def _names_free_text(table: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a table is named for text a person gives (`form_answers`, `survey_responses`)."""
    words = _table_words(table, languages)
    return bool(words) and words[-1] in lx.FREE_TEXT


def _held_by_name(table: str, reading: _Reading, ctx: Context) -> _Match | None:
    """The contact detail a person's `phones` table holds in its `number` column, or None."""
    if not (ctx.linked or ctx.describes) or not reading.words or reading.matches:
        return None
    if not set(reading.words) <= _DATUM_WORDS:
        return None
    named = _read(table.rsplit(".", 1)[-1], ctx.languages).matches
    if not named or not _category(named[-1]).startswith(_HELD_BY_NAME):
        return None
    return named[-1]


def _spoken(match: _Match, languages: tuple[str, ...]) -> bool:
    """Whether a term is a word of one of `languages`, not only of its first file's.

    `nif` is Catalan, Spanish and Portuguese, though `match.lang` names only Portuguese.
    """
    if match.lang in languages:
        return True
    return not _SENSES.get(match.words, {}).keys().isdisjoint(languages)


def _false_friend(match: _Match, written: tuple[str, ...], name: str = "") -> bool:
    """Whether a term of another language means something else in the schema's own.

    So does a word only a language of another script has (`kv`, a Russian flat), spelled
    in Latin letters in `name`, in a schema written mostly in another language than
    English and not in that one: in a German schema `kv_bereich` is an insurance region,
    not a street address. A schema written mostly in English is no such schema:
    identifiers are English whatever their authors speak, so it may be Russian in
    transliteration (`FIO`); and a phrase of several words (`mob tel`) meets no other
    language by chance.
    """
    if not written or _spoken(match, written):
        return False
    if name and len(match.words) == 1 and written[0] != "en" and not is_cyrillic(name):
        senses = _SENSES.get(match.words, {}).keys() or {match.lang}
        if senses <= _TRANSLITERATED:
            return True
    return all(set(lx.FALSE_FRIENDS.get(w, ())) & set(written) for w in match.words)


def _own_sense(match: _Match, written: tuple[str, ...]) -> _Match:
    """The term as the schema's own language reads it, when another language listed it first.

    `firma` is a signature in Italian and Spanish but a workplace in Polish and German:
    a Polish schema's `firma` is read the Polish way. English is among almost every
    schema's languages (its identifiers), so an English term gives way to the main
    language's own sense: a French schema's `denomination` is a form of address, no church.
    """
    if not written:
        return _shared_sense(match)
    senses = _SENSES.get(match.words)
    main = senses.get(written[0]) if senses and match.lang == "en" != written[0] else None
    if main is not None:
        category, strength = main
        return replace(match, category=category, strong=strength == "S", lang=written[0])
    if match.lang in written or not senses:
        return match
    for lang in written:
        sense = senses.get(lang)
        if sense is not None:
            category, strength = sense
            return replace(match, category=category, strong=strength == "S", lang=lang)
    return match


def _shared_sense(match: _Match) -> _Match:
    """A term several languages read alike, named by all of them when the text's is unknown.

    A form of three Portuguese words said `nome` was Italian, the first language that
    lists it; `(it, pt)` is what the reader can check.
    """
    senses = _SENSES.get(match.words)
    if not senses or len(senses) < 2:  # one language: nothing shared
        return match
    alike = [
        lang
        for lang in LANGUAGES
        if senses.get(lang) == (match.category, "S" if match.strong else "P")
    ]
    if len(alike) < 2 or match.lang not in alike or "en" in alike:
        return match  # English, the language of most identifiers, needs no company
    return replace(match, lang=", ".join(alike))


def names_emails(table: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a table's name says it holds e-mails or their addresses (`user_email`, `emails_queue`)."""
    if _says_email(table.rsplit(".", 1)[-1], languages):
        return True
    # a plural the vocabulary keeps as a word of its own (`emails`, a kind of message table)
    rest = _read(table.rsplit(".", 1)[-1], languages).rest
    return any(_says_email(w[:-1], languages) for w in rest if len(w) > _SHORTEST_PLURAL and w.endswith("s"))


_SHORTEST_PLURAL = 3


def _says_email(text: str, languages: tuple[str, ...] | None) -> bool:
    return any(m.category == "user.contact.email" for m in _read(text, languages).matches)


def _opaque(type_: str | None) -> bool:
    """Whether a text type holds a code a person is known by, not a surrogate uuid or hash."""
    if not type_:
        return False
    return not types.uuid(type_) and not types.binary(type_) and types.size(type_) not in (32, 36)


def names_changer(
    name: str, type_: str | None, languages: tuple[str, ...] | None, prefix: str | None = None
) -> bool:
    """Whether a text column names who created or changed its row (`created_by varchar(50)`).

    Such a value is the person's login or name, written out: personal, unlike a numeric
    key to them (`created_by int`) or a uuid (`char(36)`), which is only a link. The
    table's column `prefix` (`adm` in `OH_ADMISSION.ADM_CREATED_BY`) says nothing of it.
    """
    if not type_ or types.type_kind(type_) != "text" or not _opaque(type_):
        return False
    written = _TOKENIZER.words(name, languages)
    words = set(past_prefix(written, prefix, least=2) or written)
    rest = words - lx.RECORD_WORDS
    # a version names no change: `editorVersion` is the editor's version, not who edited
    # (`version_created_by` still says who, by its `by`)
    changes = words & lx.RECORD_WORDS - {"version"}
    return (
        bool(changes or (words & lx.RECORD_WORDS and rest & lx.BY_WORDS))
        and bool(rest & _BY_OR_PEOPLE)
        and rest <= _CHANGER_WORDS
        and not rest & _TIME_WORDS
    )


def _names_who(words: tuple[str, ...]) -> bool:
    """Whether a name says who did something to the row (`updated_by`), not when (`created_by_date`)."""
    found = set(words)
    return (
        bool(found & lx.RECORD_WORDS)
        and bool(found & lx.BY_WORDS)
        and not (found - lx.RECORD_WORDS) & _TIME_WORDS
    )


def changer(name: str) -> Classification:
    """The verdict on a text column that names who created or changed the row."""
    return Classification(
        True,
        "user.account.username",
        Confidence.LOW,
        f"name '{name}' says who created or changed the row, and its text type holds their "
        "login or name rather than a numeric key",
    )


def _dispatched(reading: _Reading) -> bool:
    """Whether a time's words say when something was sent (`sent_at`, `data_invio`), to no one named.

    A direction (`send_from`, `sent_to`) makes it a period or an address, and a credential
    (`reset_password_sent_at`) the reset the person asked for: those stay theirs.
    """
    words = set(reading.words)
    if not words & lx.SEND_WORDS or words & lx.DIRECTION_WORDS:
        return False
    return not any(_category(m).startswith("user.authorization") for m in reading.matches)


def _numbers_the_row(table: str, reading: _Reading, ctx: Context) -> str | None:
    """The word of a number's name that is the table's own record (`numer_umowy` in `umowy_praca`).

    A table named for a record (a contract, a form, a case) that keeps its person's name
    numbers its rows: `numer_umowy` is the contract's number, as an invoice's is, not a
    number the person is known by. Not in a table named for people (`members.member_no`:
    the row is the person, and its number theirs), nor a number named for a person
    (`basvuru_citizen_number`), nor by the prefix every column of the table shares
    (`API_basvuru_`). Returns the record's word, or None.
    """
    own = _table_words(table, ctx.languages)
    words = past_prefix(reading.words, ctx.prefix) or reading.words
    if set(own + words) & _PEOPLE_OR_LINKS:
        return None
    said = [w for w in words if w not in _NUMBER_WORDS and len(w) >= _MIN_RECORD_WORD]
    for word in said:
        for record in own:
            if len(record) >= _MIN_RECORD_WORD and _one_word(word, record):
                return record
    return None


def _one_word(word: str, other: str) -> bool:
    """The same word, its plural or an inflection (`umowy`, `umowa`; `toplanti`, `toplantilar`).

    Equal, one stem (`_same_stem`), or the shorter, of four letters or more, starts the other.
    """
    if word == other or _same_stem(word, other):
        return True
    short, long = sorted((word, other), key=len)
    return len(short) >= _MIN_RECORD_WORD and long.startswith(short)


# The shortest word read as a record's name (`guia`, `umowy`), so that `nr_id` names none
_MIN_RECORD_WORD = 4


def _fact(
    reading: _Reading,
    kind: str,
    describes: bool = False,
    fractional: bool = False,
    day: bool = False,
    subject: bool = False,
    letter: bool = False,
) -> tuple[str, str] | None:
    """The category of a column that is a fact about the row's person, and its cue; or None.

    `letter`: the column is text of three characters at most, where a yes/no is kept as a
    letter (`is_driver CHAR(1)`, 'Y' or 'N').

    Technical columns are not: ids and keys, a record's own timestamps (`created_at`),
    types, states and settings, counters, flags about the record; a person's own times
    (`fecha`, `hora`, `start_date`), sums of money and consent flags are. The cue says
    which word chose the category, so a reader can check it (`'accepted'`: a consent).
    """
    negators = {why for _, why in reading.negators}
    words = reading.rest
    # `uploadCV`, `upload_documento` text in a person's own row: the file they sent, kept
    # about them (review34 R34a D5); `uploaded_at` stays the record's own time
    sent = (
        describes and kind == "text" and bool(words & _UPLOAD_WORDS) and not set(reading.words) & _TIME_WORDS
    )
    # a contract or a document ends on a day; a token or a code expires at an instant
    # (`reset_password_expires timestamp`, `u2FAExpiry DATETIME`)
    expiring = _expiring(reading, kind) if describes and day else frozenset()
    if expiring:
        # `account.DataScadenzaContratto`: when the person's contract ends, not the row's
        # own expiry (trial30 H)
        return "user.behavior", f"when a thing of theirs expires ({_cue(expiring)})"
    remembered = _remembered(reading, kind) if subject else frozenset()
    if remembered:
        # `users.remember_created_at`: when the person ticked "remember me", though a record
        # word (`created`) names it (cls35a)
        return "user.behavior", f"when they asked to stay signed in ({_cue(remembered)})"
    if (words & lx.RECORD_WORDS and not sent) or (words & lx.ACTOR_WORDS and not describes):
        # the record's own time; in a record that points at a person, who made or
        # handles it (`operatore`), not a fact about them (in a person's own row,
        # `manager_since` is theirs)
        return None
    if describes and negators == {"technical"} and {w for w, _ in reading.negators} <= lx.OWN_SETTINGS:
        # what the person picked for themselves (`theme`, `currency`)
        return "user.settings", f"a setting they picked ({_cue(w for w, _ in reading.negators)})"
    if describes and negators == {"technical"} and {w for w, _ in reading.negators} <= lx.ACCOUNT_ROLES:
        # `users.role`: what the person may do in the application, their account's (cls31a)
        return "user.account", f"their role in the application ({_cue(w for w, _ in reading.negators)})"
    if words & _FIRMS:
        return None  # a company's, a branch's, a department's (a club or a church: theirs)
    whose = _state_of_theirs(reading) if describes and negators == {"technical"} else frozenset()
    if whose:
        # `odeme_durumu`, `katilim_durumu`, `werkstatus`, `status_zatrudnienia` in a person's
        # own row: the state of their payment, attendance or work, not the row's (cls32b)
        return "user", f"the state of something of theirs ({_cue(whose)})"
    level = _level_of_theirs(reading) if subject and negators == {"technical"} else frozenset()
    if level:
        # `anketa.current_edu_level`, `participants.niveau_klas`, `nivel_dominio` in a person's
        # own row or a record about them: how far they got in it, not the row's (cls34b)
        return "user", f"the level of something of theirs ({_cue(level)})"
    documents = _kind_of_document(reading) if subject and negators == {"technical"} else frozenset()
    if documents:
        # `passport_data.type_document`, `beneficiaries.belge_turu`: which document of theirs
        # it is, an identity card or a diploma (QUESTIONS 9; cls34b)
        return "user", f"the kind of a document of theirs ({_cue(documents)})"
    kinds = _kind_of_theirs(reading) if describes and negators == {"technical"} else frozenset()
    if kinds:
        # `tipo_cuenta`, `izin_tipi`, `Nyugdíj típusa`, `uyelik_tipi` in a person's own row: which
        # kind of their account, leave, pension or membership it is, not the row's own kind (cls40b)
        return "user", f"the kind of something of theirs ({_cue(kinds)})"
    # a yes/no holds no number: `noMagazine boolean` is a "no" (review33 D7)
    numbered = words & _NUMBER_WORDS if kind != "boolean" else frozenset()
    if reading.words[:1] == ("no",) and len(reading.words) > 2:
        numbered = numbered - {"no"}  # `no_social_media_presence`: a "no", not a number
    # a count is a number (`numero_invariant varchar` names a parcel, it counts nothing)
    counting = numbered and not negators - {"counter"} and kind in ("numeric", "unknown")
    counted = _counted(reading.words, numbered) if counting else None
    if counted is not None:
        # `number_of_children`, `num_logons`: how many, no number they are known by; how
        # many people (their children, their household) describes them
        if not describes:
            return None
        if counted in lx.PERSON_TABLES:
            return "user.demographic", f"how many people ({_cue([counted])})"
        return "user.behavior", f"a count ({_cue(numbered)})"
    if numbered and not negators - {"counter"}:
        # a number in a person's own row is theirs (a member or registration number);
        # in a row that merely points at them it is the record's (an invoice number)
        return ("user.unique_id", f"a number of theirs ({_cue(numbered)})") if describes else None
    if words & _CODE_WORDS and not describes:
        return None
    being = _what_they_are(reading) if describes and (kind == "boolean" or letter) else frozenset()
    if being:
        # `is_orphan`, `IsChild`, `is_staff`, `is_driver CHAR(1)` in a person's own row: what
        # the person is, not the row's switch (`is_active`, `is_main`, `is_imported`; cls32b)
        return "user", f"a yes or no of what they are ({_cue(being)})"
    if kind == "boolean":
        # a consent is the person's choice, even glued (`aceptaprivacidad`); another
        # yes/no is a fact about the person only in their own row (`certificato`,
        # `can_relocate`) and when no word makes it the record's switch (`is_active`)
        glued = "".join(sorted(words))
        consent = words & lx.CONSENT_WORDS or {w for w in lx.CONSENT_WORDS if len(w) >= 6 and w in glued}
        if consent:
            return "user.privacy_preferences", f"a consent ({_cue(consent)})"
        if words & lx.PAYMENT_STATES:
            return "user.financial", f"whether they paid ({_cue(words & lx.PAYMENT_STATES)})"
        owned = negators == {"flag"} and {w for w, _ in reading.negators} == {"has"}
        return ("user", "a yes or no in their own row") if describes and (not negators or owned) else None
    if not negators:
        if kind == "temporal":
            return "user.behavior", "a date or time of theirs"
        if words & lx.MONEY_WORDS:
            return "user.financial", f"a sum of money ({_cue(words & lx.MONEY_WORDS)})"
        return "user", ""
    if "timestamp" in negators and (negators == {"timestamp"} or kind == "temporal"):
        if words & lx.CONSENT_WORDS:
            # when they consented (`consent_date`)
            return "user.privacy_preferences", f"when they consented ({_cue(words & lx.CONSENT_WORDS)})"
        times = (w for w, why in reading.negators if why == "timestamp")
        return "user.behavior", f"when they did it ({_cue(times)})"  # `sent_at`, `fecha`
    # a sum with decimals is money whatever flag word says which way it went
    # (`bedrag_ontvangen`, an amount received): a flag holds no cents
    flagged = negators <= {"counter", "flag"} and fractional
    if (negators <= {"counter"} or flagged) and words & lx.MONEY_WORDS and kind in ("numeric", "unknown"):
        return "user.financial", f"a sum of money ({_cue(words & lx.MONEY_WORDS)})"
    counters = {w for w, why in reading.negators if why == "counter"}
    if describes and negators == {"counter"} and counters <= lx.COUNT_WORDS and words & lx.PERSON_TABLES:
        # how many people they have (`filhosQtd`, `children_count`): their family, not a
        # thing they did
        return "user.demographic", f"how many people ({_cue(words & lx.PERSON_TABLES)})"
    if describes and negators == {"counter"}:
        # how often the person did it (`failed_login_attempts`, `score`)
        return "user.behavior", f"how often or how much ({_cue(w for w, _ in reading.negators)})"
    tallies = lx.COUNT_WORDS | lx.TALLY_WORDS
    if subject and negators == {"counter"} and counters <= tallies and kind in ("numeric", "unknown"):
        # a record keyed to its person (`aanmeldingen.aantal_gasten`, `exammarks.points`):
        # how many or how much of theirs, or their mark; a thing's size, a ticket's priority
        # or free places stay the record's (cls31a)
        return "user.behavior", f"how many or how much of theirs ({_cue(counters)})"
    if negators == {"flag"} and words & lx.CONSENT_WORDS:
        return "user.privacy_preferences", f"a consent ({_cue(words & lx.CONSENT_WORDS)})"
    return None


def _remembered(reading: _Reading, kind: str) -> frozenset[str]:
    """The words of a sign-in kept open in a time's name (`remember_created_at`), or nothing.

    Devise's `remember_created_at` is when the person ticked "remember me": their act, though
    `created` makes other times the record's own. Not when the kept sign-in runs out
    (`remember_token_expires_at`): the software sets that (codereview35).
    """
    if kind != "temporal" or set(reading.words) & lx.EXPIRY_WORDS:
        return frozenset()
    return frozenset(set(reading.words) & lx.REMEMBER_WORDS)


def _expiring(reading: _Reading, kind: str) -> frozenset[str]:
    """What a date says expires, when it names a thing besides its expiry (`DataScadenzaContratto`).

    A date word, an expiry word and nothing of the record's own life or of the software
    (`token_expires_at` names a token, `expires_at` nothing): the words of the thing, or none.
    """
    if kind != "temporal" or {why for _, why in reading.negators} != {"timestamp"}:
        return frozenset()
    recorded = reading.rest & lx.RECORD_WORDS
    if not recorded or not recorded <= lx.EXPIRY_WORDS:
        return frozenset()
    return frozenset(reading.rest - recorded - {w for w, _ in reading.negators})


def _stated(reading: _Reading) -> bool:
    """Whether a column is a state or a status by its name (`status`, `estado_internacao`)."""
    return any(why == "technical" and w in _STATUS_WORDS - _KIND_WORDS for w, why in reading.negators)


def _care_outcome(type_: str | None, languages: tuple[str, ...] | None) -> str | None:
    """A value of an enum type that names a step or an outcome of care (`CONCLUIDA_OBITO`), or None.

    A discharge (`care_events`), a death or a strong health term among the values says the
    state records how the patient's care went, not only where the row is in a workflow
    (`finalizado_medico`, closed by the doctor, names who, not how).
    """
    if not type_ or not types.choice(type_):
        return None
    values: list[str] = types.choice_values(type_)
    for value in values:
        reading = _read(value, languages)
        if set(reading.words) & lx.CARE_EVENTS or any(
            m.strong and (_category(m).startswith("user.health") or m.category in _DATE_CATEGORIES)
            for m in reading.matches
        ):
            return value
    return None


#: Between words of a declared value, what stands for a space (`A_POS`, `non-binary`; a
#: `-` after a blood group is its sign). Linear: one character, its neighbours fixed-width.
_VALUE_GAP = re.compile(r"_|\.|(?<=[a-z])-(?=[a-z])")
def _without_other_ending(value: str) -> str:
    """A Spanish or Portuguese value without the other gender's ending (`casado/a`, `viudo(a)`)."""
    cut = value.rstrip()
    closed = cut.endswith(")")
    cut = cut[:-1].rstrip() if closed else cut
    if cut[-1:] not in ("a", "o"):
        return value
    cut = cut[:-1].rstrip()
    if cut.endswith("(" if closed else "/"):
        return cut[:-1].rstrip()
    return value


def _value_key(value: str) -> str:
    """A declared value as the vocabulary's `values:` list it: folded, `A_POS` as `a pos`."""
    folded = _without_other_ending(fold_word(value).strip())
    return " ".join(_VALUE_GAP.sub(" ", folded).split())


def _declared_category(type_: str | None) -> tuple[str, list[str]] | None:
    """The category an enum type's values all name (`'single','married','widowed'`), and those values.

    At least two distinct values of one category, the others ones that say nothing
    (`other`, `unknown`); a value of no category (`'single','double'`: a room) says the
    enum is about something else.
    """
    if not type_ or not types.choice(type_):
        return None
    found: dict[str, list[str]] = {}
    for value in types.choice_values(type_):
        key = _value_key(value)
        if not key or key in lx.UNSTATED_VALUES:
            continue
        category = lx.DECLARED_VALUES.get(key)
        if category is None:
            return None
        found.setdefault(category, []).append(value)
    if len(found) != 1:
        return None
    category, said = found.popitem()
    return (category, said) if len({_value_key(v) for v in said}) >= 2 else None


#: Values that name the software as the one who made a row (`enum('user', 'system')`):
#: `software_actors` in common.yaml.
_SOFTWARE_ACTORS = lx.SOFTWARE_ACTORS


def _people_values(type_: str | None, languages: tuple[str, ...] | None) -> list[str]:
    """The values of an enum type that name kinds of people (`'tutor'`, `'ENFERMEIRO'`), or none.

    At least two distinct such values, or half of the values there are (`'ADMINISTRATIVE',
    'DOCTOR'`): one person word among many states (`'finalizado_medico'`) names no kind.
    """
    if not types.choice(type_):
        return []
    keys = {_value_key(value): value for value in types.choice_values(type_)}
    keys = {key: value for key, value in keys.items() if key and key not in lx.UNSTATED_VALUES}
    people = [value for key, value in keys.items() if _names_people(_read(key, languages))]
    if len(keys) < 2 or not people or (len(people) < 2 and 2 * len(people) < len(keys)):
        return []
    if len(people) == 1 and set(keys) & _SOFTWARE_ACTORS:
        # `enum('user', 'system')`: who made the row, a person or the software; beside several
        # kinds of people (`enum('teacher', 'student', 'api')`) a service account is one more role
        return []
    return people


def _names_people(reading: _Reading) -> bool:
    """Whether a declared value is a word for people or a job (`'tutor'`, `'assistente social'`)."""
    if set(reading.words) & lx.PERSON_TABLES:
        return True
    return any(_category(m) == "user.professional_information.job_title" for m in reading.matches)


def _dated(reading: _Reading, kind: str, events: Collection[str]) -> bool:
    """Whether a column is a date: its type, or a time word beside the `events` (`data_alta`)."""
    return kind == "temporal" or any(why == "timestamp" and w not in events for w, why in reading.negators)


def _hashed_address(reading: _Reading, digest: _Match, ctx: Context) -> bool:
    """Whether a digest's other words name an e-mail address (`recipient_hash`, `sender_hash` of a mail)."""
    if any(_category(m) == "user.contact.email" for m in reading.matches if m is not digest):
        return True
    return ctx.mail and bool(reading.rest & lx.MESSAGE_ROLES)


# The words of a document's number (`numero_documento`, `document_number`, `num_doc`): an
# identity card's in a person's row, an invoice's in an invoice.
_DOCUMENT_NUMBER = lx.DOCUMENT_NUMBERS


def _is_deal(table: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a table's name ends in a word for an invoice, an order or a payment (`fatture`)."""
    words = _table_words(table, languages)
    return bool(words) and words[-1] in lx.TRANSACTION_WORDS


def _token_part(table: str, reading: _Reading, languages: tuple[str, ...] | None) -> bool:
    """Whether a column is an access token's own label or grants (`personal_access_tokens.name`).

    Laravel Sanctum's `name` is the label the software gives a token, its `abilities` what
    the token may do, OAuth's `scope` the same: the token's, not its holder's (on the tune
    half 29 of 30 such columns are labelled not personal).
    """
    words = _table_words(table, languages)
    told = set(reading.words)
    return (
        bool(words)
        and words[-1] in lx.TOKEN_TABLES
        and bool(told)
        and told <= lx.TOKEN_PARTS | lx.LABEL_WORDS
    )


def _machinery(table: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a table keeps the software's own machinery: its cache, its locks, its tokens.

    Its name says nothing else, beside whose they are (`cache_locks`, `user_tokens`): a
    lock's `owner` is the process that holds it, a token's `driver` the service that
    issued it, not a person named by role.
    """
    words = set(_table_words(table, languages)) - lx.PERSON_TABLES
    return bool(words) and words <= lx.MACHINERY_TABLES


#: A process after another word is often a person's (`nursingprocess`, `hiring_process`): only
#: a table named `processes` alone is the software's.
_PROCESS_WORDS = lx.PROCESS_WORDS


def _job_queue(table: str, languages: tuple[str, ...] | None) -> bool:
    """Whether a table's name says it keeps the software's jobs (`processes`, `failed_jobs`, `mail_queue`)."""
    words = _table_words(table, languages)
    if not words or words[-1] not in lx.JOB_TABLES:
        return False
    return len(words) == 1 or words[-1] not in _PROCESS_WORDS


#: Glue between a word and what it is of, skipped when reading on: `number_of_the_children`,
#: `numero_dos_filhos` (what is counted), `name of the program` (what is named). One list for
#: both: a second, shorter one for counts was shadowed by this one at import (open36b).
_OF_WORDS = lx.OF_WORDS
# Number words of languages whose plurals end in -s (`numero_de_hijos`, `num_habitants`).
_S_PLURAL_NUMBERS = lx.S_PLURAL_NUMBERS
#: English plurals without an `s`: `num_children` counts.
_IRREGULAR_PLURALS = lx.IRREGULAR_PLURALS


def _counted(words: tuple[str, ...], numbered: Collection[str]) -> str | None:
    """What a number word counts (`number_of_employees`: `employees`), or None: it names an id.

    A number word before what it counts, as English puts it (`number_of_x`, `num_employees`);
    elsewhere only before a plural (`numero_de_hijos`), as a singular names what the number
    is of (`numero_socio`, `numero_de_documento`: a member's, a document's number). A
    number after its noun (`member_number`) is an identifier.
    """
    first = next((i for i, w in enumerate(words) if w in numbered), None)
    if first is None or first + 1 >= len(words):
        return None
    after = words[first + 1 :]
    # past every word of glue (`number_of_the_children`), or the last word if all are glue
    noun = next((w for w in after if w not in _OF_WORDS), after[-1])
    english = load_vocabulary().word_languages.get(noun) == ("en",)
    plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > _SHORTEST_PLURAL
    many = plural or noun in _IRREGULAR_PLURALS
    # `num_member`, `nr_employee`: a singular names whose number it is, in English too
    # (codereview25b F2); `num_children`, `num_employees` count
    if after[0] == "of" or (english and many) or (words[first] in _S_PLURAL_NUMBERS and plural):
        return noun
    return None


# What numbers a criminal case: a number or code word (`prosecutor_number`, `numero_parquet`,
# `n_dossier`), not a key's `id` (a key to a table of cases is a link).
_CASE_NUMBER_WORDS = _NUMBER_WORDS | _CODE_WORDS | lx.REFERENCE_WORDS


def _criminal_case(words: tuple[str, ...]) -> str | None:
    """The word naming a criminal case whose number a name is (`prosecutor_number`), or None."""
    said = next((w for w in words if w in lx.CASE_REFERENCES), None)
    if said is not None:
        return said
    case = next((w for w in words if w in lx.CRIMINAL_CASES), None)
    return case if case is not None and set(words) & _CASE_NUMBER_WORDS else None


def _may_contact(reading: _Reading) -> bool:
    """Whether a name joins a permission word and a word for contacting (`allow_contact`)."""
    words = set(reading.words)
    return bool(words & lx.PERMISSION_WORDS) and bool(words & lx.CONTACT_WORDS)


#: Categories of a way to reach a person, which a yes/no of it names (`flagEMail`, `flagTel`).
_CHANNELS = ("user.contact.email", "user.contact.phone_number")


def _channel_flag(reading: _Reading) -> str | None:
    """The channel a yes/no names with only a flag or a receiving word (`flag_sms`), or None.

    In a person's own row such a yes/no says whether they may be reached that way, a
    contact preference (review36 R36a D2); a state of the address (`email_verified`) is
    no such word.
    """
    words = set(reading.words)
    channels = words & lx.CONTACT_CHANNELS
    channels |= {w for m in reading.matches if _category(m).startswith(_CHANNELS) for w in m.words}
    rest = words - channels
    if channels and rest and rest <= lx.REACH_WORDS:
        return "".join(w for w in reading.words if w in channels)
    return None


#: Words of a yes/no's own state, its sending, or a consent: no notice switch (`_notice_words`).
_NOT_A_NOTICE = lx.STATE_FLAGS | lx.ROW_FLAGS | lx.SEND_WORDS | lx.CONSENT_WORDS
#: A part of the software alone or with a word naming or coding it (`table_name`, `modul`).
_SOFTWARE_PART_NAMES = lx.SOFTWARE_PARTS | lx.SOFTWARE_PART_WORDS | lx.LABEL_WORDS


def _notice_words(reading: _Reading) -> frozenset[str]:
    """The words of a notice a yes/no names (`receive_sms_notifications`), if no state word does.

    A word of the row's own state or of its sending (`notification_sent`, `is_notified`,
    `send_failed`) makes it the record's step, not a choice of the person; a word of
    consent (`receive_marketing`, `receber_newsletter`) is read by the consent rule, which
    files it as a privacy preference (codereview33 F3).
    """
    words = set(reading.words)
    if words & _NOT_A_NOTICE:
        return frozenset()
    return frozenset(words & lx.NOTICE_WORDS)


def _cue(words: Iterable[str]) -> str:
    """The words that chose a fact's category, quoted (`'accepted'`), in a stable order."""
    return ", ".join(f"'{w}'" for w in sorted(set(words)))


# Words beside a state word that name no thing of the person's: its code, its label, a bound
_STATE_PARTS = _CODE_WORDS | lx.LABEL_WORDS | lx.RANGE_BOUNDS
# A state of these is no thing of the person's: theirs as a whole, their account's, their record's,
# a step of work on it or the row's own (joined once, not per state column)
_NOT_THEIR_THINGS = lx.PERSON_TABLES | lx.ACCOUNT_WORDS | lx.RECORD_WORDS | lx.WORKFLOW_WORDS | lx.STATE_FLAGS


def _state_of_theirs(reading: _Reading) -> frozenset[str]:
    """What a state column is named for beside its state word (`odeme` in `odeme_durumu`), or nothing.

    A bare state (`status`) is the row's; so is a state of an account or of the people the
    row is (`kullanici_durum`, `benutzer_status`), of the row's own record (`kayit_durumu`)
    or of a step of work on it (`approval_status`, `sync_status`: `workflow_words`).
    """
    marks = {w for w, _ in reading.negators}
    if not marks or not marks <= lx.STATE_WORDS:
        return frozenset()
    said = frozenset(w for w in reading.words if len(w) > 2) - marks - _STATE_PARTS
    if not said or said & _NOT_THEIR_THINGS:
        return frozenset()
    return said


#: Words that make a level word a count (`number_of_levels`, `nb_niveaux_logement`: how many
#: floors a dwelling has), not how far someone got (codereview34); a statistics table's
#: counts start with one too (`tables._COUNT_HEADS`).
_COUNTED = _NUMBER_WORDS | lx.NUMBER_OF


def _kind_of_theirs(reading: _Reading) -> frozenset[str]:
    """What a kind column is named for beside its kind word (`cuenta` in `tipo_cuenta`), or nothing.

    A bare kind (`type`, `tipo`) is the row's; so is a kind of the people the row is, of their
    account, of the row's record or of a step of work on it (the words `_state_of_theirs`
    leaves out), and a code or a label beside it (`tipo_codigo`).
    """
    marks = {w for w, _ in reading.negators}
    if not marks or not marks <= _KIND_WORDS:
        return frozenset()
    said = frozenset(w for w in reading.words if len(w) > 2) - marks - _STATE_PARTS
    if not said or said & _NOT_THEIR_THINGS:
        return frozenset()
    return said


def _level_of_theirs(reading: _Reading) -> frozenset[str]:
    """What a level column is named for beside its level word (`edu` in `edu_level`), or nothing.

    A bare level (`level`, `niveau`) is the row's (a log's, an account's access level in a
    record); so is one of the people the row is, of its account, its record or a step of work
    on it (the words `_state_of_theirs` leaves out), and a code, a label or a bound beside it.
    """
    marks = {w for w, _ in reading.negators}
    if not marks or not marks <= lx.LEVEL_WORDS or set(reading.words) & _COUNTED:
        return frozenset()
    said = frozenset(w for w in reading.words if len(w) > 2) - marks - _STATE_PARTS
    if not said or said & _NOT_THEIR_THINGS:
        return frozenset()
    return said


def _kind_of_document(reading: _Reading) -> frozenset[str]:
    """The document words of a kind column (`document` in `type_document`), or nothing.

    Only a kind word makes it technical (`tipus_mime` names a file's format, no document).
    """
    if not {w for w, _ in reading.negators} <= _KIND_WORDS:
        return frozenset()
    return reading.rest & lx.DOCUMENT_WORDS


def _what_they_are(reading: _Reading) -> frozenset[str]:
    """What an `is` yes/no says its row's person is (`is_orphan`, `IsChild`), or nothing.

    Only `is` makes it a flag, and no other word is the row's own state (`active`, `deleted`:
    `state_flags`), its place, origin or progress (`main`, `imported`, `completed`:
    `row_flags`) or a word of its record's life (`created`).
    """
    if {w for w, _ in reading.negators} != {"is"}:
        return frozenset()
    said = reading.rest - {"is"}
    if not said or said & (lx.STATE_FLAGS | lx.ROW_FLAGS | lx.RECORD_WORDS):
        return frozenset()
    return said


# Money words that also name a measurement: a lab result's `valor`, a `total` of hours slept.
_MEASURE_WORDS = lx.MEASURE_WORDS
# Names a row's own generated id goes by, whatever its type's length.
_OWN_ID_WORDS = frozenset({"uuid", "guid", "ulid", "id"})
_DIGEST_TERMS = frozenset({("hash",), ("hashed",), ("checksum",)})
_FREE_TEXT_TYPES = frozenset({"text", "unknown"})
# Coded traits that are not special: a key to one is a person's trait only in their own row.
_SPECIAL_CODED = ("user.health", "user.demographic.political", "user.demographic.union")
_CODED_TRAITS = frozenset(c for c in lx.CODED if not c.startswith(_SPECIAL_CODED)) - {
    "user.demographic.religious_belief",
    "user.demographic.race_ethnicity",
    "user.demographic.sexual_orientation",
}
_CARE_NEGATORS = frozenset({"timestamp", "flag", "counter"})


# What an animal has as a person would (a name, a sex, a birth date, a weight, a photo):
# in a table of animals, the animal's own.
_ANIMAL_TRAITS = (
    "user.name", "user.demographic", "user.health", "user.biometrics", "user.behavior",
    "user.content.self_image",
)  # fmt: skip


#: GDPR Art. 9 categories (and Art. 10's criminal data, read as they are) a comment may say
#: a column holds whatever its name says (`special_comment`).
_SPECIAL_COMMENTED = (
    "user.health", "user.demographic.race_ethnicity", "user.demographic.religious_belief",
    "user.demographic.political_opinion", "user.demographic.sexual_orientation",
    "user.demographic.union_membership", "user.biometric", "user.genetic",
    "user.criminal_history",
)  # fmt: skip


def special_comment(name: str, type: str | None, comment: str | None, ctx: Context) -> Classification | None:
    """A special category the column's comment names, where its name reads as technical.

    `IsParentUnionist bit COMMENT 'Член профсоюза'`, `FN_VIKID NUMBER(2) COMMENT 'выкидыши'`,
    `BenefitGroupInvalidId COMMENT 'Группа инвалидности'`: a flag, a key or a date word in the
    name makes it the row's own bookkeeping elsewhere, but the schema's author says it holds a
    trade-union membership, miscarriages, a disability group. In a row about or linked to a
    person that is their Art. 9 datum (Art. 4(15) for health), whatever the name's words.
    """
    if not comment or not (ctx.person or ctx.linked) or ctx.lookup or ctx.organisation:
        return None
    said = _read(_without_standards(comment), ctx.languages)
    found, _ = _pick(said, True, types.type_kind(type), ctx.names)
    if found is None or not _category(found).startswith(_SPECIAL_COMMENTED):
        return None
    if _category(found).startswith("user.health.insurance"):
        return None  # `FK_STRCOMP`, "компания страхового полиса": the insurer, no one's health
    short = comment if len(comment) <= 40 else comment[:37] + "..."
    return Classification(
        True,
        _category(found),
        Confidence.LOW,
        f"comment '{short}' means {_label(found)} ({found.lang}), a special category: what "
        f"'{name}' holds of the person the row is about, whatever its name's words say",
    )


def _animal_trait(match: _Match, reading: _Reading, ctx: Context) -> bool:
    """Whether a term names a trait of the animal a row is (`pets.sex`), not of a person.

    A word naming a person keeps it theirs (`owner_name`, `propietario_nacimiento`).
    """
    return (
        ctx.animal
        and _category(match).startswith(_ANIMAL_TRAITS)
        and not reading.rest & (lx.QUALIFIERS | _ROLE_WORDS)
    )


def decide(
    table: str,
    name: str,
    type: str | None,
    comment: str | None,
    ctx: Context,
    keyed: bool = False,
    bookkeeping: bool = False,
    link: bool = False,
    sure_link: bool = False,
    orm_type: str | None = None,
) -> Classification:
    """The verdict on one column in its table's context; `keyed`: a primary or foreign key.

    `orm_type`: the type an ORM model names (`EmailField`), which may say what the column
    holds where its SQL type (`VARCHAR(254)`) and its name (`backup`) do not.

    `link`: a key to a person's row or to a row about one (`order_lines.order_id`).
    `sure_link`: such a key, declared, or read from its name to a table of people: named by
    no term, it is surely a link (a key read from a name to a row about a person may be a
    rank or a number: `waitlist smallint` beside a table `waitlist`, review33 D1).
    `bookkeeping`: more than half the schema's tables have a column of this name, tables
    about no one among them (`tables._bookkeeping`).
    """
    if ctx.placeholder:
        return Classification(
            False, None, Confidence.MEDIUM, f"'{table}' holds placeholders, not real people"
        )
    kind = types.type_kind(type)
    reading = _read(name, ctx.languages)
    if reading.matches:  # most columns name no term: nothing to keep or drop
        kept = tuple(
            _own_sense(m, ctx.written) for m in reading.matches if not _false_friend(m, ctx.written, name)
        )
        if kept != reading.matches:
            reading = replace(reading, matches=kept)
    if types.binary(type) or types.document(type):
        # `data longblob`, `data jsonb`: a file or a document, not a date (`data` is Italian
        # and Portuguese for one)
        reading = _dropping(reading, lambda _, why: why == "timestamp")
    if kind == "temporal":
        # `valid_till date`, `active_from date`: a date or a time is no yes/no, whatever
        # its name says of the row's state
        reading = _dropping(reading, lambda _, why: why == "flag")
    if kind == "boolean":
        # `RifiutaTS bit`: a yes/no holds no date or time, whatever a time word in its name
        # says (`ts` there names the health-card system), as `type_holds` weighs other kinds
        # (review36 R36a D4); a word of the record's life (`deleted`) says its state, kept below
        times = {w for w, why in reading.negators if why == "timestamp" and not _states_row(w)}
        if times:
            reading = _dropping(reading, lambda word, _: word in times)
            reading = replace(reading, rest=reading.rest - times)
        if not keyed:
            # `profil_orcid boolean`, `trainingVoltooid boolean`, `idoneita_lq boolean`: a yes/no
            # links no row, so a word read as a key (`orcid`, Dutch `voltooid`, completed, and
            # Italian `idoneita`, fitness, glued to `id`) says what it answers (trial M)
            reading = _dropping(reading, lambda _, why: why == "identifier")
    if reading.negators and reading.words[-1:] != ("at",):
        # `created_at`, `sentAt` end in it; inside a name it is a preposition
        # (`candidateEmailAtSubmit`, the email given at submission)
        reading = _dropping(reading, lambda word, why: (word, why) == ("at", "timestamp"))
    if types.long_text(type):
        # `whatIsExploit TEXT`, `has_allergies_details text`: a yes/no is kept in no long
        # text, so `is`, `has` there ask or qualify; the text is what the person wrote
        reading = _dropping(reading, lambda word, _: word in _PREDICATES)
        if reading.words and (reading.words[-1] in lx.FREE_TEXT or reading.words[0] in lx.FREE_TEXT):
            # `adminNotities text`, `commentaire_admin text`: whose notes a flag word says,
            # the long text is the notes
            reading = _dropping(reading, lambda _, why: why == "flag")
    if name.startswith("__") and not reading.matches:
        # a leading `__` marks a field the framework keeps for itself (Mongoose's version
        # key `__v` and discriminator `__t`, Python's dunders): nothing a person gave
        return Classification(
            False, None, Confidence.MEDIUM, f"name '{name}' is a framework's own field (a leading '__')"
        )
    if reading.words[:1] and reading.words[0] in lx.CAMPAIGN_PARAMETERS and not keyed:
        # `utm_content`, `utm_source`: which campaign a link that brought the visit names,
        # no text a person wrote; in a row about a person, which campaign reached them (R35a D7)
        if ctx.person and not (ctx.organisation or ctx.lookup or ctx.animal):
            return Classification(
                True,
                "user.behavior",
                Confidence.LOW,
                f"name '{name}' is a campaign parameter of the link that brought them {ctx.why}: "
                "which campaign reached the person",
            )
        return Classification(
            False, None, Confidence.MEDIUM, f"name '{name}' is a campaign parameter of a link, no one's"
        )
    sending = past_prefix(reading.words, ctx.prefix) or reading.words
    if (
        not reading.matches
        and len(sending) == 2
        and sending[0] in lx.SEND_WORDS
        and sending[1] in lx.DIRECTION_WORDS
        and _wide_text(type, kind)
        and not keyed
    ):
        # `sent_to`, `enviar_para` as text: whom a message goes to or comes from, their
        # address (a flag would be a yes/no)
        mailed = ctx.messages or names_emails(table, ctx.languages)
        category = "user.contact.email" if mailed else "user.contact"
        return Classification(
            True,
            category,
            Confidence.LOW,
            f"name '{name}' says whom a message goes to or comes from: their address",
        )
    # only for the column's own verdict: as a table's evidence, `area_admin_email` is
    # still the admin's, and does not make the area a person
    fractional = kind == "numeric" and types.fractional(type)
    match, blocked = _pick(reading, ctx.person, kind, ctx.names, _wide_text(type, kind), fractional)
    # `equipe_nome`, `company_website`, `team_name`: the thing's name, number or site, whether
    # the term was picked or passed over for the thing word beside it
    terms = (match,) if match is not None else reading.matches if blocked is None else ()
    terms = terms if _ANY_OWNER.intersection(reading.words) else ()
    owned = next((o for m in terms if (o := _thing_owned(table, name, m, reading, ctx))), None)
    if owned is not None:
        return owned
    titled = _work_titled(name, match, reading, ctx) if match is not None else None
    if titled is not None:
        return titled
    template = match is not None and match.words == ("fingerprint",) and match.category == "user.device"
    if match is not None and template and types.binary(type):
        # `users.fingerprint BYTEA`: bytes a reader captured, a finger's template; a digest of
        # a browser, a device or a key is written as text (review37 D1)
        match = replace(match, category="user.biometrics")
    if match is not None and not match.strong and _category(match).startswith("user.government_id"):
        # `city_insee_code`, `department_insee_code`, `codigo_ine_municipio`: the register's code
        # of a town or a department, part of an address, never a national id (R35a D6)
        parts = (o for o in reading.matches if o is not match)
        place = next((o for o in parts if _category(o).startswith("user.contact.address.")), None)
        if place is not None or set(reading.words) & lx.TERRITORIES:
            category = _category(place) if place is not None else "user.contact.address"
            match = replace(place or match, category=category)
    if (
        match is not None
        and _category(match).startswith("user.government_id")
        and (not match.strong or set(match.words) <= _DOCUMENT_NUMBER)
        and not ctx.describes
        and _is_deal(table, ctx.languages)
    ):
        # `fatture.numero_documento`: in an invoice, an order or a payment, not a person's own
        # row, the document's number is the invoice's own, no identity card's (cls31c)
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' is the number of the document each row of '{table}' is (an "
            "invoice, an order, a payment), not an identity document's",
        )
    if (
        match is not None
        and not match.strong
        and _category(match) == "user.health.insurance_beneficiary_id"
        and not ctx.describes
        and ctx.health
        and not set(reading.words) & _NUMBER_WORDS
        and set(reading.words) & (lx.LABEL_WORDS | {"cod"})
    ):
        # `historicoatendimentos.codSus`, `descricao_SUS`: in a care record, not the person's
        # own row, the code or the description of the public health system's (`sus`) or the
        # plan's (`convenio`) item is the care given under it (a procedure); the person's
        # number is kept in their own row (`pacientes.sus`) or says it is one (`numero_sus`,
        # `carteirinha`) (trial30 H)
        match = replace(match, category="user.health.treatment")
    if (
        match is not None
        and not match.strong
        and _category(match) == "user.professional_information.job_title"
        and set(match.words) <= lx.SPECIALITIES
        and not reading.rest & (lx.PERSON_TABLES | lx.QUALIFIERS)
        and ctx.health
        and not ctx.describes
    ):
        # `encaminhamentos.Especialidade`, `plano_tto.especialidade`: in a care record, not a
        # person's own row, a speciality is the branch of care given, no one's job (trial30 H)
        match = replace(match, category="user.health.treatment")
    if (
        match is not None
        and _category(match).startswith(("user.account.username", "user.name"))
        and type
        and types.choice(type)
        and len(set(types.choice_values(type))) >= 2
    ):
        # `FasciaUtenza enum('full_time', 'part_time_mattutina')`: a fixed list of choices (a
        # service band) holds no one's login nor name, whatever word names it (trial30 H)
        match = None
    after = reading.words[match.start + len(match.words) :] if match is not None else ()
    if (
        match is not None
        and ctx.person
        and _category(match) == "user.contact.email"
        and after
        and set(after) <= _CODE_WORDS
    ):
        # `users.email_code`: a code sent to the address to confirm it, a secret that opens
        # the account, no address (review36 R36b D7)
        return Classification(
            True,
            "user.authorization.credentials",
            Confidence.LOW,
            f"name '{name}' is a code sent by e-mail ('{after[-1]}'): a secret, not the address",
        )
    if (
        match is not None
        and match.category == "user.demographic.date_of_birth"
        and not ctx.person
        and reading.words[-1] in lx.RANGE_BOUNDS
        and match.start + len(match.words) < len(reading.words)
    ):
        # `price_rules.birth_year_from`: a bound of a tariff's range of birth years, in a
        # table about no one, is the rule's parameter (R35b D5)
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' is a bound ('{reading.words[-1]}') of a range ({_label(match)}), "
            f"a rule's parameter: '{table}' is about no one",
        )
    if match is not None and _animal_trait(match, reading, ctx):
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' means {_label(match)} ({match.lang}), but '{table}' is about animals: "
            "the animal's, and no animal is a data subject",
        )
    case = (
        _criminal_case(reading.words)
        if ctx.sentenced and not keyed and kind not in {"boolean", "temporal"}
        else None
    )
    if case is not None and not ctx.describes and case in _table_words(table, ctx.languages):
        case = None  # `FEGYELMI_UGY.UGY_INT_SORSZAM`: a case's own serial number numbers the row
    if case is not None and (match is None or not match.strong):
        # `convicts.prosecutor_number`, `appointments.prosecutor_number -> convicts`: the
        # number of the criminal case of a person under a sentence (R35a D3)
        return Classification(
            True,
            "user.criminal_history",
            Confidence.MEDIUM,
            f"name '{name}' numbers a criminal case ('{case}') of a person under a sentence, "
            f"{ctx.why}: data relating to criminal convictions and offences (GDPR Art. 10)",
        )
    if (
        match is not None
        and _category(match) == "user.unique_id"
        and set(match.words) & _REGISTRATION_NUMBERS
        and set(_table_words(table, ctx.languages)) & lx.VEHICLE_WORDS
    ):
        # `vehicules.immatriculation`, `cotxes.matricula`: in a table of vehicles, the
        # vehicle's registration (R35a D7)
        match = replace(match, category="user.government_id.vehicle_registration")
    people = ctx.person and not (keyed or ctx.organisation or ctx.lookup or ctx.animal)
    declared = _declared_category(type) if people else None
    if declared is not None and (match is None or _category(match) != declared[0]):
        # `status enum('single','married','widowed')`, `kind choices=BloodGroup`: what the
        # values are says what the column holds, whatever its name
        category, values = declared
        return Classification(
            True,
            category,
            Confidence.MEDIUM,
            f"its declared values ({_cue(values)}) are values of {lx.LABELS.get(category, category)}",
        )
    sorts = _people_values(type, ctx.languages) if people and ctx.describes and match is None else []
    if sorts:
        # `members.soort enum('lid','aspirant','gastlid')`, `tipo_usuario ENUM('DIRETOR',
        # 'ENFERMEIRO')` in a person's own row: which kind of person they are (cls34b)
        return Classification(
            True,
            "user",
            Confidence.LOW,
            f"its declared values ({_cue(sorts)}) are kinds of people, {ctx.why}: which one the person is",
        )
    if ctx.person and kind == "boolean" and not keyed and _may_contact(reading):
        # `contact_allowed`, `permite_contato`: whether they agreed to be contacted
        return Classification(
            True,
            "user.privacy_preferences",
            Confidence.MEDIUM,
            f"name '{name}' says whether they may be contacted: a consent",
        )
    channel = _channel_flag(reading) if ctx.describes and kind == "boolean" and not keyed else None
    if channel is not None:
        # `flag_sms`, `flagEMail` in a person's own row: whether they may be reached so
        return Classification(
            True,
            "user.privacy_preferences",
            Confidence.LOW,
            f"name '{name}' says whether they may be reached by {channel} {ctx.why}: a contact preference",
        )
    notices = _notice_words(reading) if ctx.describes and kind == "boolean" and not keyed else frozenset()
    if notices:
        # `receive_sms_notifications`, `comment_notify` in a person's own row: whether they
        # want to be told or sent something, a setting they chose (cls33a)
        return Classification(
            True,
            "user.settings",
            Confidence.LOW,
            f"name '{name}' says whether they want to be notified or sent something "
            f"({_cue(notices)}) {ctx.why}: a setting of theirs",
        )
    if (
        match is not None
        and _category(match).startswith("user.name")
        and not ctx.person
        and not reading.rest & lx.QUALIFIERS
        and lx.names_a_thing(thing := (_table_words(table, ctx.languages) or ("",))[-1])
    ):
        # `job.display_name`, `task.full_name`: in a table named for a thing, the thing's name
        return Classification(False, None, Confidence.MEDIUM, f"name '{name}' names the {thing}, a thing")
    if ctx.files and not keyed and reading.words and set(reading.words) <= lx.FILE_PARTS:
        # `files_rpd.ext` beside `path`: the file's extension, no phone's (trial30 I). Not its
        # `name`: a file's name may be a person's (the labelled set files two so, on the tune
        # half reading them as the file's fixed none and broke those two)
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' is the extension or kind of the file each row of '{table}' keeps",
        )
    if (
        match is not None
        and any(why == "identifier" for _, why in reading.negators)
        and _names_table(match.words, _table_words(table, ctx.languages))
    ):
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' is the key of '{table}', a table of {_label(match)}",
        )
    if (
        match is not None
        and not match.strong
        and not ctx.describes
        and ctx.linked
        and _category(match) in _CODED_TRAITS
        and ((keyed and kind == "numeric") or any(why == "identifier" for _, why in reading.negators))
    ):
        # `contrats.id_ecole`: in a person's own row the school is theirs; in a record
        # that points at them it is the record's school, a key like any other (so is a
        # numeric key named for what it points at: `konferenz.schule` -> `schule`; a
        # text key holds the value itself, `ТабельСтроки.Должность`, the job title)
        return Classification(
            False,
            None,
            Confidence.LOW,
            f"name '{name}' is a key to {_label(match)}, of the record, not of the person it points at",
        )
    # a table named for a trait whose rows point at people is theirs (`nationaliteit` of a person)
    if match is not None and not ctx.describes and not ctx.linked and _is_lookup(table, match, ctx.languages):
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"'{table}' is a list of {_label(match)} values, not data about a person",
        )
    if (
        match is not None
        and not match.strong
        and match.category == "user.contact.address.state"
        and set(match.words) <= lx.AMBIGUOUS_ADDRESS
        and not ctx.address
    ):
        return Classification(
            False,
            None,
            Confidence.LOW,
            f"name '{name}' could mean {_label(match)} ({match.lang}), but '{table}' holds no address",
        )
    if match is not None and ctx.lookup and _category(match).startswith(_OF_LOOKUPS):
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' could mean {_label(match)} ({match.lang}), but '{table}' is a list of values",
        )
    if (
        match is not None
        and ctx.lookup
        and _category(match).startswith("user.contact")
        and not set(reading.words) & _CONTACT_ROLES
        and set(_table_words(table, ctx.languages)) & (lx.SETTINGS_TABLES | lx.CONFIG_TABLES)
    ):
        # `settings.email`, `parameters.fax`: the site's own inbox and line, configured; a
        # role's (`admin_email`) is a person's (review36 R36b D2)
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' means {_label(match)} ({match.lang}), but '{table}' holds the "
            "application's settings: its own, no one's",
        )
    if (
        match is not None
        and ctx.organisation
        and _category(match) == "user.name"
        and not set(reading.words) & (_CONTACT_ROLES | lx.QUALIFIERS)
    ):
        # `casa_orgs.display_name`: an organisation's own name; a first or a last name, or
        # a role's (`contact_name`, `director_name`), is a person's
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' means {_label(match)} ({match.lang}), but in '{table}', a table about "
            "organisations, it is the organisation's",
        )
    if match is not None and ctx.organisation and _category(match).startswith(_CONTACT_OF_ORGS):
        role = set(_TOKENIZER.words(name, ctx.languages)) & _CONTACT_ROLES
        if role and _category(match).startswith(("user.contact", "user.government_id")):
            # `contact_phone`, `yetkili_eposta`: the line of the person the firm names, not
            # the firm's own; a named contact's direct details relate to them (Art. 4(1)),
            # and so does their national id (`responsavel_cpf`; the firm's own is a CNPJ)
            return Classification(
                True,
                _category(match),
                Confidence.LOW,
                f"name '{name}' means {_label(match)} ({match.lang}) of the person "
                f"'{sorted(role)[0]}' names, in '{table}', a table about organisations",
            )
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' means {_label(match)} ({match.lang}), "
            f"but '{table}' is about organisations, not people",
        )
    if (
        match is not None
        and ctx.organisation
        and not (ctx.person or ctx.linked)
        and _category(match).startswith(_SPECIAL_TERMS)
    ):
        # `pokoje.dla_niepelnosprawnych`: a room for disabled people, what a place or an
        # organisation offers; no one's health (Art. 9 is about a natural person; trial29 F)
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' means {_label(match)} ({match.lang}), but '{table}' is about places or "
            "organisations: what it offers or serves, no one's",
        )
    if (
        match is not None
        and _category(match) == "user.contact.address"
        and not reading.rest
        and len(reading.matches) == 1
        and names_emails(table, ctx.languages)
    ):
        # `user_email.address`, `mail.indirizzo`: the address of an e-mail table is one
        return Classification(
            True,
            "user.contact.email",
            Confidence.MEDIUM,
            f"name '{name}' is the address in the e-mail table '{table}'",
        )
    if (
        match is not None
        and ctx.read
        and not (ctx.person or ctx.linked or ctx.organisation)
        and _category(match).startswith(_OF_THINGS)
        and not reading.rest & _WHO_WORDS
        and not (ctx.login and _category(match).startswith("user.authorization"))
    ):
        # `smtp_settings.password`, `teams.avatarUrl`: a service's secret, a thing's
        # picture; no column or link of the table reaches a person (a login beside the
        # password does: `yonetim(kullanici_adi, sifre)` is an admin's account)
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' means {_label(match)} ({match.lang}), but '{table}' is about no "
            "person: a service's or a thing's",
        )
    if match is not None and match.words in _DIGEST_TERMS and _hashed_address(reading, match, ctx):
        # `recipient_hash`, `email_sha256`: the address pseudonymised, which still singles
        # its owner out (GDPR Recital 26); no credential, nothing it opens
        return Classification(
            True,
            "user.contact.email",
            Confidence.MEDIUM,
            f"name '{name}' is a digest of an e-mail address: the address pseudonymised, still "
            "the person's (GDPR Recital 26)",
        )
    content = reading.rest & lx.DIGESTED
    if match is not None and match.words in _DIGEST_TERMS and content:
        # `description_hash`, `hash_fitxer`: a digest of a text or a file, to spot a copy;
        # it opens nothing, unlike a password's or a token's hash
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' is a digest of the {_cue(content)}, not a credential",
        )
    if (
        match is not None
        and match.words in _DIGEST_TERMS
        and tuple(_TOKENIZER.words(name, ctx.languages)) == match.words
    ):
        # a bare `hash` is a password's or a token's only in a table of logins or their
        # secrets (`users`, `password_resets`); `orders.hash`, `images.hash` are digests
        # of the row or the file, to spot a change or a copy
        own_words = set(_table_words(table, ctx.languages))
        # an account's row (`operators(login, email, hash)`) keeps its password's hash
        if not ctx.account and not own_words & (lx.PERSON_TABLES | lx.CREDENTIAL_TABLES):
            return Classification(
                False,
                None,
                Confidence.MEDIUM,
                f"name '{name}' is a digest of the row or a file: '{table}' keeps no logins",
            )
    dated = kind == "temporal" or any(why == "timestamp" for _, why in reading.negators)
    joined = None
    if ctx.describes and dated and not keyed and match is None:
        joined = _joined(reading.words, table, ctx.languages)
    if joined is not None:
        # `uyeler.UyeKayitTarihi`: the member's own registration, when they joined (as
        # `date_joined`), not the row's bookkeeping date (`kayit_tarihi` alone)
        return Classification(
            True,
            "user.behavior",
            Confidence.LOW,
            f"'{name}' is a fact about the person, when they registered ('{joined}'), {ctx.why}",
        )
    logged = None
    # an account's own row (`login(username, password, email)`) is no log of logins, though
    # named so: its creation is the account's, the record's (codereview34)
    own_account = ctx.describes and ctx.account
    if (
        (ctx.linked or ctx.describes)
        and not own_account
        and dated
        and kind != "boolean"
        and not keyed
        and match is None
    ):
        stamp_words = past_prefix(reading.words, ctx.prefix) or reading.words
        logged = _written_as_done(stamp_words, table, ctx.languages)
    if logged is not None:
        # `audit_logs.created_at`, `comments.created_at`: a log writes its row when the act
        # it logs is done, a comment when its author writes it: when the person did it
        # (QUESTIONS 13)
        return Classification(
            True,
            "user.behavior",
            Confidence.LOW,
            f"'{name}' is when the row was written, and each row of '{table}' {logged}: "
            f"when they did it, {ctx.why}",
        )
    stored = next((w for w in reading.words if w in lx.STORAGE_WORDS), None)
    if (
        ctx.describes
        and not keyed
        and stored is not None
        and not (match is not None and _category(match).startswith(_FILED))
        and any(why == "identifier" and _names_file(reading.words, w) for w, why in reading.negators)
    ):
        # `pacientes.DocIDPath`, `scan_id_url`: where the scan of the person's ID document
        # is kept; the `id` between a word and a path names the document, no key
        return Classification(
            True,
            "user.government_id",
            Confidence.LOW,
            f"name '{name}' says where a file of the person's identity document is kept "
            f"('id' before '{stored}') {ctx.why}",
        )
    if match is not None:
        sure = Confidence.HIGH if match.strong else Confidence.MEDIUM
        where = "" if match.strong or not ctx.why else f" {ctx.why}"
        return Classification(
            True,
            _category(match),
            sure,
            f"name '{name}' means {_label(match)} ({match.lang}){where}",
        )
    if blocked is not None:
        word, why = blocked
        session = _session_verdict(name, reading, kind, type, ctx, keyed)
        if session is not None:
            return session  # `session_hash`: a session's id, no password's hash
        in_care = ctx.health and (ctx.linked or ctx.describes) and not keyed
        # in a health record a weak health word is a condition too (`is_gepatit`, hepatitis)
        health = next(
            (m for m in reading.matches if (m.strong or in_care) and _category(m).startswith("user.health")),
            None,
        )
        if why == "flag" and health is not None and in_care:
            # `patient.is_allergic char(1)`: in a health record, a yes/no of a condition is
            # the patient's health, as the condition is
            return Classification(
                True,
                _category(health),
                Confidence.MEDIUM,
                f"name '{name}' says whether they have {_label(health)} ({health.lang}) {ctx.why}",
            )
        sure = _sure_not(why, ctx, link)
        return Classification(False, None, sure, f"name '{name}' is {_WHY[why]} ('{word}')")
    typed = _orm_typed(orm_type)
    if typed is not None and not keyed:
        # `backup = models.EmailField()`: an address whatever it is called (review35 D8); in
        # a table about no one (a venue's inbox) it may be a shared one: unsure
        category, what = typed
        return Classification(
            True,
            category,
            Confidence.HIGH if ctx.person else Confidence.LOW,
            f"type {orm_type} holds {what}"
            + ("" if ctx.person else f", in '{table}', which cnsnt does not find about people: check whose"),
        )
    if kind == "inet":
        return Classification(
            True, "user.device.ip_address", Confidence.HIGH, f"type {type} holds an IP address"
        )
    plain = not reading.negators and kind not in {"temporal", "boolean"}
    words = _TOKENIZER.words(name, ctx.languages)
    # a health record's keys and its own bookkeeping (`lastupdate`) are not care; in a
    # patient's care record its times, flags and counts are (when they were seen, a
    # pathological flag, how many pills)
    negated = {why for _, why in reading.negators}
    # the kind of a care event (`afspraak_type`, `admit_type`, `zorg_type`) is care too
    # and so is a file kept in it (`archivo`, `attachment`): the report, the scan itself
    kinds = all(
        why != "technical" or word in _KIND_WORDS or word in lx.STORAGE_WORDS
        for word, why in reading.negators
    )
    care_negators = _CARE_NEGATORS | {"technical"} if kinds else _CARE_NEGATORS
    care = ctx.health and (ctx.linked or ctx.describes) and not negated - care_negators
    # the record's `estado`, `is_active`, `is_done`
    own_state = bool(words) and (set(words) <= lx.AMBIGUOUS_ADDRESS or bool(set(words) & lx.STATE_FLAGS))
    outcome = _care_outcome(type, ctx.languages) if ctx.health and not keyed else None
    if outcome is not None and (ctx.linked or ctx.describes) and (own_state or _stated(reading)):
        # `status ENUM('ATIVA', 'CONCLUIDA_ALTA', 'CONCLUIDA_OBITO')` in an admission: whether
        # the patient was discharged or died, how their care went (Recital 35)
        return Classification(
            True,
            "user.health",
            Confidence.LOW,
            f"'{name}' is a state of the health-record table '{table}' whose values say how the "
            f"care went ('{outcome}')",
        )
    makers = set(words) & lx.MAKER_WORDS
    if kind == "boolean":
        makers -= _ONLY_TIMES  # a yes/no's `ts` (`RifiutaTS`) is no time of the record, read above
    in_record = ctx.linked and not ctx.describes
    if care and in_record and makers <= lx.CARE_EVENTS and _dated(reading, kind, makers):
        # `data_efetiva_alta` in an admission: the date of the discharge, a step of the
        # care (Recital 35), not the row's own registration; in the patient's own row
        # (`pacientes.fecha_alta`) it is when they were registered (codereview26 F8)
        makers = set()
    if (
        (plain or care)
        and ctx.health
        and words
        and not keyed
        and not makers  # who made the record, or when, is no care
        and not own_state
    ):
        money = set(words) & lx.MONEY_WORDS - _MEASURE_WORDS
        if money:
            # what a visit cost (`valor_total`, `Betrag`) is their money, not their care
            return Classification(
                True,
                "user.financial",
                Confidence.LOW,
                f"a sum of money ({_cue(money)}) in the health-record table '{table}': theirs, "
                "though not their care",
            )
        carer = _names_carer(words, ctx.written) if kind in _FREE_TEXT_TYPES else None
        if carer is not None:
            # `prescriber`, `medico_validatore`, `Doktor`: the name of who gave the care,
            # theirs and not the patient's health (cls31f)
            return Classification(
                True,
                "user.name",
                Confidence.LOW,
                f"'{name}' names who gave the care ('{carer}') in the health-record table "
                f"'{table}': their name, not the patient's care",
            )
        fact = _fact(reading, kind, ctx.describes, fractional)
        if fact is not None and fact[0] == "user.privacy_preferences":
            # `consenso_privacy`, `kvkk_onay_tarihi` in a patient's row: a consent is their
            # choice about their data, no care (review36 R36a D2)
            return Classification(
                True,
                fact[0],
                Confidence.LOW,
                f"'{name}' is {fact[1]} in the health-record table '{table}': their choice, not their care",
            )
        if ctx.register and ctx.describes:
            # `pazienti.professione`, `patients.note`: who the patient is, not what their care
            # recorded; the register is no visit, no diagnosis (review36 R36a D2)
            category, cue = fact if fact is not None else ("user", "")
            if plain and kind in _FREE_TEXT_TYPES and _free_text_noun(words, ctx.written):
                category, cue = "user.content.private", "free text about them"
            return Classification(
                True,
                category,
                Confidence.LOW,
                f"'{name}' is a fact about the patient{', ' + cue + ',' if cue else ''} in the register "
                f"of patients '{table}': who they are, not their care",
            )
        if kind == "numeric" and not fractional and set(words) <= lx.DISPLAY_ORDER:
            # `checkin_symptoms.position`: where the item is shown in the record's form,
            # the record's bookkeeping as a sort order is, no care (cls32d)
            return Classification(
                False,
                None,
                Confidence.LOW,
                f"'{name}' is the display order of the rows of the health-record table '{table}', "
                "not their care",
            )
        return Classification(
            True,
            "user.health",
            Confidence.LOW,
            f"column of the health-record table '{table}'",
        )
    if plain and kind != "numeric" and ctx.messages and words and words[-1] in lx.MESSAGE_COLUMNS:
        return Classification(
            True,
            "user.content.private",
            Confidence.MEDIUM,
            f"text of the message table '{table}'",
        )
    if plain and kind != "numeric" and ctx.posts and words and words[-1] in lx.MESSAGE_COLUMNS:
        return Classification(
            True,
            "user.content.public",
            Confidence.LOW,
            f"text of the table of posts '{table}'",
        )
    if (
        plain
        and kind in _FREE_TEXT_TYPES
        and (ctx.linked or ctx.person)
        and ctx.why
        and words
        and _free_text_noun(words, ctx.written)
        and not ctx.organisation
    ):
        return Classification(
            True,
            "user.content.private",
            Confidence.MEDIUM,
            f"name '{name}' is free text a person wrote or is described by, {ctx.why}",
        )
    who = past_prefix(words, ctx.prefix) or words
    if (
        ctx.mail
        and plain
        and kind == "text"
        and not keyed
        and set(who) <= lx.MESSAGE_ROLES | lx.GLUE_WORDS
        and set(who) & lx.MESSAGE_ROLES
    ):
        # `emails_queue.recipient`, `mail_out.mittente`: whom an e-mail goes to or comes
        # from, written out, is their address; in a chat it would name them (below)
        return Classification(
            True,
            "user.contact.email",
            Confidence.MEDIUM,
            f"name '{name}' says whom an e-mail goes to or comes from, and '{table}' holds "
            "e-mails: their address",
        )
    by_role = (
        plain
        and kind == "text"
        and bool(who)
        and set(who) <= _WHO_WORDS
        # `profile` names a record of people, no role (trial30 I)
        and bool(set(who) & (_ROLE_WORDS - lx.PEOPLE_RECORDS))
        and not set(words) & (_CODE_WORDS | _NUMBER_WORDS)
        and not keyed
        and not ctx.lookup
    )
    if by_role and not ctx.describes and _machinery(table, ctx.languages):
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' names the program or service that holds the row: '{table}' keeps the "
            "software's own machinery (a cache, a lock, a token), not a person's data",
        )
    # outside a table about people, `parent` is the row above in a tree (a page's, an
    # account's), as `parent_id` is: no one's role
    if by_role and (ctx.person or not set(who) & _ROLE_WORDS <= lx.TREE_WORDS) and set(who) & lx.ABOUT_WORDS:
        # `InfoMitarbeiter`, `user_info`: what is known about the person it names, not who they are
        about = _cue(set(who) & lx.ABOUT_WORDS)
        return Classification(
            True,
            "user.content.private",
            Confidence.LOW,
            f"name '{name}' is what is known ({about}) about a person it names by role: text about them",
        )
    if by_role and (ctx.person or not set(who) & _ROLE_WORDS <= lx.TREE_WORDS):
        return Classification(
            True,
            "user.name",
            Confidence.LOW,
            f"name '{name}' names a person by role (who wrote, handles or is served)",
        )
    if comment and plain:
        said = _read(_without_standards(comment), ctx.languages)
        found, _ = _pick(said, ctx.person, kind, ctx.names)
        if found is not None and not _animal_trait(found, reading, ctx):
            short = comment if len(comment) <= 40 else comment[:37] + "..."
            if (not ctx.person and not ctx.linked and _is_lookup(table, found, ctx.languages)) or (
                ctx.lookup and _category(found).startswith(_OF_LOOKUPS)
            ):
                # `sexes.Codi`, "Codi del sexe (M, F, A...)": the list's entries, no one's
                return Classification(
                    False,
                    None,
                    Confidence.MEDIUM,
                    f"comment '{short}' means {_label(found)} ({found.lang}), "
                    f"but '{table}' is a list of values",
                )
            if not ctx.person and _category(found).startswith("user.location"):
                # `waters.latitude`, "Breedtegraad voor geolocatie": the comment says what the
                # column holds, a position, not whose; in a table about no one it is the
                # thing's own, a fishing water's (trial30 I)
                return Classification(
                    False,
                    None,
                    Confidence.MEDIUM,
                    f"comment '{short}' means {_label(found)} ({found.lang}), "
                    f"but '{table}' is about no one: the position of what it lists",
                )
            return Classification(
                True,
                _category(found),
                Confidence.MEDIUM,
                f"comment '{short}' means {_label(found)} ({found.lang})",
            )
    if (
        ctx.linked
        and not ctx.describes
        and not keyed
        and words
        and not negated - {"flag", "counter", "technical"}
        and set(_table_words(table, ctx.languages)) & lx.SETTINGS_TABLES
    ):
        # a person's preferences table: its switches, counts and choices are theirs
        return Classification(
            True,
            "user.settings",
            Confidence.LOW,
            f"'{name}' is a setting in the preferences table '{table}' {ctx.why}",
        )
    if (
        plain
        and kind in _FREE_TEXT_TYPES
        and ctx.linked
        and ctx.why
        and not keyed
        and not ctx.organisation
        and words
        and set(words) <= lx.VALUE_WORDS
        and _names_free_text(table, ctx.languages)
    ):
        # `form_answers.value json` under a person's submission: the answer they gave,
        # as an `answer` column would be (review29 D6)
        return Classification(
            True,
            "user.content.private",
            Confidence.LOW,
            f"'{name}' holds the text each row of '{table}' is named for, which a person "
            f"gave or is described by, {ctx.why}",
        )
    held = _held_by_name(table, reading, ctx) if not keyed and match is None else None
    if held is not None:
        return Classification(
            True,
            _category(held),
            Confidence.MEDIUM,
            f"'{name}' is the {_label(held)} the table '{table}' is named for {ctx.why}",
        )
    dated = ctx.linked or ctx.describes
    if ctx.life_dates and dated and not keyed and words and set(words) <= lx.DATE_PARTS:
        # `contact_important_dates.month`: a birthday or an anniversary, kept in parts so
        # that the year may stay unknown; not when they did something
        return Classification(
            True,
            "user.demographic.date_of_birth",
            Confidence.LOW,
            f"'{name}' is part of a date kept in parts so that its year may stay unknown: a "
            f"birthday or an anniversary of the person, in '{table}', a table of their dates",
        )
    # an animal's record (`visits.visit_date` of a pet) says when it was seen, no act of a person
    if (ctx.subject or (ctx.linked and kind == "temporal")) and not ctx.animal and not keyed and words:
        # when the row's person did what the row records (a loan, a booking) is
        # theirs even in a row that points at other things too
        closed = set(reading.words) & lx.CLOSURE_WORDS
        if closed and not ctx.describes:
            # `help_requests.resolved_at`, `allarmi.DATA_CHIUSO`: when whoever handles the record
            # resolved or closed it, a step of its handling, as its archiving is (cls32c)
            return Classification(
                False,
                None,
                Confidence.LOW,
                f"'{name}' says when or whether the row's matter was resolved or closed "
                f"({_cue(closed)}): a step of the record's handling, not an act of the person",
            )
        locked = set(reading.words) & lx.LOCK_WORDS if kind == "temporal" else frozenset()
        if locked and not ctx.health:
            # `users.locked_until`, `LockoutEnd`, `kilitlenme_tarihi`: when the software locked
            # the account after failed log-ins, or a record while it is edited (cls33b)
            return Classification(
                False,
                None,
                Confidence.LOW,
                f"'{name}' is when the account or the record was locked ({_cue(locked)}): "
                "a state the software sets, not an act of the person",
            )
        day = types.type_name(type) == "date"
        letter = kind == "text" and bool(type) and (types.size(type) or 4) <= 3
        fact = _fact(reading, kind, ctx.describes, types.fractional(type), day, ctx.subject, letter)
        part = set(reading.words) & lx.SOFTWARE_PARTS if fact is not None else frozenset()
        if part and set(reading.words) <= _SOFTWARE_PART_NAMES:
            # `audit_logs.table_name`, `islem_loglari.modul`, `ChangeLog.entity` (cls33b); in a
            # person's own row too (`people.module`, the part of the application they use,
            # is labelled no fact about them: limiting the rule to logs cost 7 false alarms)
            return Classification(
                False,
                None,
                Confidence.LOW,
                f"'{name}' names a part of the software ({_cue(part)}): which table, entity or "
                "module the row's action touched or its setting belongs to, not a fact about the person",
            )
        numbered = _numbers_the_row(table, reading, ctx) if fact and fact[0] == "user.unique_id" else None
        if numbered is not None:
            # `umowy_zlecenie.numer_umowy`, `guia_tiss.numero_guia_operadora`: the number of
            # the contract or the form each row is, though the row names its person
            return Classification(
                False,
                None,
                Confidence.LOW,
                f"'{name}' is the number of the {numbered} each row of '{table}' is, "
                "not a number the person is known by",
            )
        if fact is not None and bookkeeping and set(reading.words) & lx.TENANCY_WORDS:
            # `mandant varchar` in every table: the tenant whose data the row is
            return Classification(
                False,
                None,
                Confidence.MEDIUM,
                f"'{name}' is in most tables, tables about no one among them: it partitions the "
                "data by tenant, a customer of the service, not a fact about the person",
            )
        if fact is not None and bookkeeping and kind in ("numeric", "boolean"):
            # `SYS_U smallint`, `onay int(1)` in every table, lists of values too: a
            # replication stamp or a row's state the database keeps, not the person's
            return Classification(
                False,
                None,
                Confidence.MEDIUM,
                f"'{name}' is a number or flag most tables have, tables about no one among them: "
                "the database's bookkeeping, not a fact about the person",
            )
        if (
            fact is not None
            and fact[0] == "user.financial"
            and kind in ("text", "unknown")
            and set(words) <= lx.VALUE_WORDS
            and _names_contacts(table, ctx.languages)
        ):
            # `contacte_alumne(id_tipus_contacte, Valor)`: the value of one of the person's
            # contacts (a phone, an e-mail), its kind in another column; no sum (trial29 C)
            return Classification(
                True,
                "user.contact",
                Confidence.LOW,
                f"'{name}' is the value of a contact of the person, in '{table}', a table of their contacts",
            )
        if fact == ("user", "") and ctx.addresses and kind in ("text", "numeric", "unknown"):
            # `addresses.line_1`, `adres.bus`: in a table of addresses, a part no term names
            return Classification(
                True,
                "user.contact.address",
                Confidence.LOW,
                f"'{name}' is a part of the address in the address table '{table}'",
            )
        if fact is not None and fact[0] == "user.behavior" and kind == "temporal" and _dispatched(reading):
            # `reminder_sent_at`, `dt_invio`, `confirmation_sent_at`: when a reminder, a notice
            # or a message went out, the sending record's time, no act of the person's (on the
            # tune half a quarter of such times are labelled personal); `date_dossier_transmis`,
            # a file an office passed on, is a step of its procedure (cls34c)
            sent = _cue(set(reading.words) & lx.SEND_WORDS)
            return Classification(
                False,
                None,
                Confidence.LOW,
                f"'{name}' is when a message, a notice or a file was sent ({sent}): "
                "the sending record's time, not an act of the person's",
            )
        if fact is not None and not ctx.describes and _token_part(table, reading, ctx.languages):
            # `personal_access_tokens.name`, `abilities`: what the holder called the token and
            # what it may do, set by the software; the token and its use stay theirs
            return Classification(
                False,
                None,
                Confidence.MEDIUM,
                f"'{name}' is the label or the grants of the access token each row of '{table}' "
                "keeps, not a fact about its holder",
            )
        if fact is not None and not ctx.describes and not ctx.health and _job_queue(table, ctx.languages):
            # `processes(userid, queued, started, finished, progress)`: when a job the software
            # runs was queued, started and finished, and how far it got, are the job's; who
            # asked for it is a key (review37 D6, judging.md point 4)
            return Classification(
                False,
                None,
                Confidence.LOW,
                f"'{name}' is a step of a job the software runs ('{table}' is a queue of jobs): "
                "the job's, not a fact about the person who asked for it",
            )
        if fact is not None:
            category, cue = fact
            return Classification(
                True,
                category,
                Confidence.LOW,
                f"'{name}' is a fact about the person{', ' + cue + ',' if cue else ''} {ctx.why}",
            )
    if (
        ctx.describes
        and not keyed
        and kind == "text"
        and negated == {"identifier"}
        and _opaque(type)
        and not set(words) <= _OWN_ID_WORDS  # `uuid`, `guid`: the row's own, however long its type
    ):
        # `external_user_id`, `ewoid`, `employeeId varchar`: a key to no table here is
        # the person's id in another system (a register, a gateway, a directory)
        return Classification(
            True,
            "user.unique_id",
            Confidence.LOW,
            f"'{name}' is an identifier in a person's own row that points at no table here: "
            "their id in another system",
        )
    if not reading.negators and kind == "numeric" and _names_who(words):
        # `KtoZmienil int`, `inserito_da int`: whoever added or changed the row, as
        # `updated_by` says (review36 R36a D7); their key, not a datum (in text, their
        # login: `names_changer`)
        return Classification(
            False,
            None,
            Confidence.HIGH,
            f"name '{name}' {CHANGED_ROW}: a key to them, not a datum",
        )
    if reading.negators:
        word, why = reading.negators[0]
        session = _session_verdict(name, reading, kind, type, ctx, keyed)
        if session is not None:
            return session
        if (
            why == "technical"
            and word in lx.STORAGE_WORDS
            and kind == "text"
            and ctx.person
            and not keyed
            and any(_category(m).startswith("user.name") for m in reading.matches)
        ):
            # `dosya_adi`, `file_name` of a document kept about the person: uploaded names
            # carry theirs (`cv_maria_garcia.pdf`)
            return Classification(
                True,
                "user",
                Confidence.LOW,
                f"name '{name}' names a file kept about the person {ctx.why}",
            )
        if why == "timestamp" and _names_who(words):
            # `updated_by`: no date, whoever changed the row (their key, a link)
            return Classification(
                False,
                None,
                Confidence.HIGH,
                f"name '{name}' {CHANGED_ROW} ('{word}'): a key to them, not a datum",
            )
        sure = _sure_not(why, ctx, link)
        if why == "timestamp" and kind == "boolean":
            # `deleted boolean`: whether the row was deleted, its own state, no date
            return Classification(False, None, sure, f"name '{name}' is a state of the row ('{word}')")
        return Classification(False, None, sure, f"name '{name}' is {_WHY[why]} ('{word}')")
    if reading.matches:
        m = reading.matches[-1]
        first = next((f for f in reading.matches if f.strong and f.category == "user.name.first"), None)
        if first is not None and kind in ("text", "unknown") and not ctx.lookup:
            # only a natural person has a first name: a business's `entreprise_prenom` is its
            # owner's, a sole trader's (review28 D4; CJEU C-92/09)
            return Classification(
                True,
                "user.name.first",
                Confidence.LOW,
                f"name '{name}' means a first name ({first.lang}), which only a natural person has: "
                f"'{table}' names one (a sole trader's business?)",
            )
        if not _fits_type(m, kind, reading.rest, fractional):
            why = f"its type {type} cannot hold it"
        elif ctx.why:
            # how the table's verdict names its rows, as every other reason in it does: a
            # mixed registry of people (`contatos`) is no record linked to them (codereview34b)
            why = f"the word alone does not say it is a person's, though it sits {ctx.why}"
        elif ctx.person or ctx.linked:
            # a weak word (`title`, `name`, `user_mod`) in a record linked to people names the
            # record or a thing of it: the table is about people, so the reason must not deny it
            why = f"in '{table}', a record linked to people, the word alone does not say it is a person's"
        else:
            why = f"'{table}' is not about people"
        return Classification(
            False,
            None,
            Confidence.MEDIUM,
            f"name '{name}' could mean {_label(m)} ({m.lang}), but {why}",
        )
    unnamed = _unnamed_of_theirs(name, type, ctx, reading, keyed)
    if unnamed is not None:
        return unnamed
    if sure_link and not ctx.describes:
        # `notlar.sahip -> kimlik`: a key to a person's row, or a row about one, in a record
        # about them; whatever word names it, it links (2-4% personal on the tune half)
        return Classification(
            False, None, Confidence.HIGH, f"no personal-data term in '{name}', a key to a row about a person"
        )
    return Classification(False, None, Confidence.LOW, f"no personal-data term in '{name}'")


#: The kind of value a control holds, weighed as a column's type is (`types.type_kind`) but by
#: its own rules (`_fits_control`): a box holds a yes/no, a date input a date, a radio or a
#: select one of the form's options.
_CONTROL_KINDS = {
    "checkbox": "checkbox",
    "date": "date input",
    "datetime-local": "date input",
    "datetime": "date input",
    "month": "date input",
    "week": "date input",
    "time": "date input",
    "radio": "choice",
    "select": "choice",
}
#: Words known to name a thing, whose name a name word beside them is (`product name`,
#: `nome da empresa`, `venue_name`, `pet_name`, `nomeBuffet`).
_THINGS = lx.OBJECT_WORDS | lx.ORG_TABLES | lx.PLACE_TABLES | lx.ANIMAL_TABLES | lx.NAMED_THINGS
#: Words a name's owner never is, though a thing list has them: a person, a role, a relative,
#: a qualifier, glue, a name word (`host name` on a guest list is a person's).
_NOT_OWNERS = (
    lx.QUALIFIERS
    | lx.PERSON_TABLES
    | lx.GLUE_WORDS
    | lx.NAME_WORDS
    | lx.ACTOR_WORDS
    | lx.LINK_WORDS
    | lx.CARE_GIVERS
    | lx.PATIENT_WORDS
    | lx.MESSAGE_ROLES
)


def _unnamed_of_theirs(
    name: str, type_: str | None, ctx: Context, reading: _Reading, keyed: bool
) -> Classification | None:
    """A column no term names that is still the person's by its row (cls33a); or None.

    Reached only when nothing in the name is a term or a word of the record's own (no
    negator): a long text (`TEXT`, `CLOB`) in a row about a person holds what they wrote or
    what was written about them, whatever it is called (`descricao`, `allegation`,
    `textausgang`); in a person's own row, an organisation, an office or a department
    (`department`, `etablissement`, `ente_rilascio`) is the one they work at, study at or
    deal with, a fact about them.
    """
    if keyed or ctx.organisation or ctx.lookup or ctx.animal or ctx.placeholder or ctx.aggregate:
        return None
    if not reading.words or types.type_kind(type_) != "text":
        return None
    # a number kept in a text (`invoice_number text`, `RaporNo`) is a number, no free text
    if (ctx.linked or ctx.describes) and types.long_text(type_) and not reading.rest & _NUMBER_WORDS:
        return Classification(
            True,
            "user.content.private",
            Confidence.LOW,
            f"'{name}' is a long text ({type_}) in a row about a person: what it says was written "
            f"by them or about them {ctx.why}",
        )
    firms = reading.rest & _FIRMS
    if ctx.describes and firms:
        return Classification(
            True,
            "user.professional_information",
            Confidence.LOW,
            f"'{name}' names an organisation, an office or a department ({_cue(firms)}) in a "
            f"person's own row: the one they work at, study at or deal with {ctx.why}",
        )
    return None


#: What a name, a register number or a web site is when a word for a thing stands beside it.
_OWNED_TERMS = {
    "user.name": "the name",
    "user.government_id": "the register number",
    "user.contact.social_url": "the web site",
    "user.demographic.gender": "the kind",
}
#: Whose name a name word beside them gives: things, organisations, places, their units and
#: teams (`nome_estabelecimento`, `equipe_nome`, `facility_name`); not a thing a person holds,
#: whose title is theirs (`education_document_name`), nor an animal (`reservations.pet_name`,
#: a customer's pet: the animal rules read it), nor a part of the software (`audit_logs.table_name`,
#: read by the rule for what a logged action touched, cls33b).
_NOT_NAME_OWNERS = lx.HELD_THINGS | lx.ANIMAL_TABLES | lx.SOFTWARE_PARTS
_NAME_OWNERS = (_THINGS | lx.ORG_UNITS | lx.WORK_UNITS) - _NOT_NAME_OWNERS
#: Whose number: organisations, places, their units and teams (`equipe_ine`); not a word that
#: is a territory too (`department_insee_code` is the French département's, an address part).
_NUMBER_OWNERS = (lx.ORG_TABLES | lx.PLACE_TABLES | lx.ORG_UNITS | lx.WORK_UNITS) - lx.TERRITORIES
#: Whose web site: organisations and their units (`company_website`); `site` is no owner there.
_SITE_OWNERS = lx.ORG_TABLES | lx.ORG_UNITS | lx.WORK_UNITS
#: Whose kind a gender word gives: units and teams (`genere_unita`, `team_gender`: a unit
#: for boys, girls or both), whose members' gender it is not (trial34).
_KIND_OWNERS = lx.ORG_UNITS | lx.WORK_UNITS
_OWNERS = {
    "user.name": _NAME_OWNERS,
    "user.government_id": _NUMBER_OWNERS,
    "user.contact.social_url": _SITE_OWNERS,
    "user.demographic.gender": _KIND_OWNERS,
}
_ANY_OWNER = _NAME_OWNERS | _NUMBER_OWNERS | _SITE_OWNERS | _KIND_OWNERS
#: Owned terms read beside their owner though the vocabulary marks them strong: a strong
#: gender word (`sesso`, `gender`) is a person's alone, a unit's beside one (`team_gender`).
_OWNED_EVEN_STRONG = frozenset({"user.demographic.gender"})
#: Words beside a name that say it is a person's whatever thing the other side names
#: (`empresa_nome_responsavel`, the firm's contact person); not a word of a record's life
#: (`estabelecimento_nome_cadastro`: `cadastro` is the registration there, no register of people).
_PERSON_SAID = _NOT_OWNERS - lx.GLUE_WORDS - lx.NAME_WORDS - lx.RECORD_WORDS


def _owner_word(
    match: _Match, reading: _Reading, table: str, languages: tuple[str, ...] | None
) -> str | None:
    """The thing a weak name, number or web-site term, or a gender word, is of (`team_gender`), or None.

    The word for the thing stands right before or after the term, in either order (a
    schema groups its columns by the thing, `estabelecimento_nome`, as often as it writes
    `nome_estabelecimento`), or after `of` (`name of the clinic`). Only a term the
    vocabulary marks weak: a strong one (`nome_completo`) is a person's wherever it stands,
    but for a gender word (`_OWNED_EVEN_STRONG`): beside a unit it is the unit's kind.
    Not an identity document's issuer (`docorg`, `doc_department_code`: the document is the
    person's), nor a place's name in an address (`open_ruimte_naam`, the street).
    """
    category = _category(match)
    kind = next((k for k in _OWNED_TERMS if category.startswith(k)), None)
    if kind is None or set(match.words) & _DOCUMENT_NUMBER:
        return None
    if match.strong and kind not in _OWNED_EVEN_STRONG:
        return None
    words = reading.words
    after = match.start + len(match.words)
    while after < len(words) and words[after] in _OF_WORDS:
        after += 1
    around = [words[after]] if after < len(words) else []
    if match.start > 0:
        around.append(words[match.start - 1])
    if set(around) & _PERSON_SAID:
        return None
    owners = _OWNERS[kind]
    # a file's name (`file_name`, `nome_file`) is read by the file rules
    owner = next((w for w in around if w in owners and w not in _NOT_OWNERS and w not in lx.NEGATORS), None)
    if owner in lx.PLACE_TABLES and set(_table_words(table, languages)) & lx.ADDRESS_TABLES:
        return None
    return owner


def _owner_kind(word: str) -> str:
    """What a word beside a name or a number names, for the reason: `equipe` a team."""
    if word in lx.WORK_UNITS or word in lx.ORG_UNITS:
        return "a team or a unit"
    if word in lx.ORG_TABLES:
        return "an organisation"
    if word in lx.PLACE_TABLES:
        return "a place"
    return "a thing"


def _thing_owned(
    table: str, name: str, match: _Match, reading: _Reading, ctx: Context
) -> Classification | None:
    """A name, a register number or a web site of the thing a word beside it names (cls34a).

    `nome_equipe` and `equipe_nome_cadastro` are a care team's name, `ine_equipe` its
    national register number, `nome_estabelecimento` a health facility's name and
    `company_website` a company's site: the thing's, not a person's name, id or site, in
    whatever row it sits (QUESTIONS 11: most labels leave the organisation, the unit or the
    place a person's row names no fact of theirs).
    """
    owner = _owner_word(match, reading, table, ctx.languages)
    if owner is None:
        return None
    what = next(v for k, v in _OWNED_TERMS.items() if _category(match).startswith(k))
    said = (
        f"name '{name}' is {what} of {_owner_kind(owner)} ('{owner}' beside "
        f"'{' '.join(match.words)}'), not a person's"
    )
    # in a person's own row, which one is theirs is the container case teams settle
    return Classification(False, None, Confidence.LOW if ctx.describes else Confidence.MEDIUM, said)


def _work_titled(name: str, match: _Match, reading: _Reading, ctx: Context) -> Classification | None:
    """The title of a person's work beside a weak name term (`thesis_title`), or None (trial34).

    A title or a name word with a word for a thesis or a lecture right before or after it
    (`titre_lecon_inaug`, `titolo_tesi`) names the work, no person: in a row about the person
    who gave or wrote it, a fact about them. A strong name term stays a name.
    """
    if match.strong or not ctx.person or not _category(match).startswith("user.name"):
        return None
    words = reading.words
    after = match.start + len(match.words)
    while after < len(words) and words[after] in _OF_WORDS:
        after += 1
    around = words[after : after + 1] + words[max(match.start - 1, 0) : match.start]
    work = next((w for w in around if w in lx.PERSON_WORKS), None)
    if work is None:
        return None
    return Classification(
        True,
        "user",
        Confidence.LOW,
        f"name '{name}' is the title of a work ('{work}' beside '{' '.join(match.words)}'), not a "
        f"person's name: a fact about the person {ctx.why}",
    )


def _thing_named(match: _Match, reading: _Reading) -> str | None:
    """The thing a weak name term is the name of (`nome_buffet`, 'Program Name'), or None.

    A name word beside a word for what it belongs to names that: before it in English,
    German, Turkish (`program name`, `demirbas_adi`), after it in the Romance languages
    (`nome da máquina`), or after `of` (`name of the event`). Only a word known to name a
    thing counts (`_THINGS`): any other word, a person's, a relative's, a qualifier or glue
    (`nome do cliente`, `son_name`, `nome do cuidador`, `legal name`), leaves it a person's.
    """
    if match.strong or not set(match.words) <= lx.NAME_WORDS:
        return None
    words = reading.words
    end = match.start + len(match.words)
    after = end
    while after < len(words) and words[after] in _OF_WORDS:
        after += 1
    after_of = after > end and "of" in words[end:after]
    langs = {lang.strip() for lang in match.lang.split(",")}
    owners = []
    if after < len(words) and (after_of or langs & _NOUN_FIRST):
        owners.append(words[after])
    if match.start > 0 and langs - _NOUN_FIRST:
        owners.append(words[match.start - 1])
    for word in owners:
        if word in reading.rest and word in _THINGS and word not in _NOT_OWNERS:
            return word
    return None


_CONTROL_CATEGORIES = {
    "email": "user.contact.email",
    "tel": "user.contact.phone_number",
    "password": "user.authorization.password",
    "url": "user.contact.social_url",
}


# A form named for one of these (`department`, `team`, `template`, `settings-system`) is
# about a thing: its `name` and `title` are the thing's.
_THING_FORMS = lx.OBJECT_WORDS | lx.ORG_TABLES | lx.LOOKUP_WORDS | lx.PLACE_TABLES | {"settings", "setting"}
# Words that name the form itself, not what it is about (`registration_form`, `signup-page`).
_FORM_WORDS = lx.FORM_WORDS
# Words of a form a person fills in about themselves, whatever thing it names
# (`club-registration`, `team-invite`, `room-booking`, `product-review`).
_ENROLMENT_FORMS = lx.TRANSACTION_WORDS | lx.ENROLMENT_FORMS
_PERSON_FORMS = lx.PERSON_TABLES | _ENROLMENT_FORMS


def _ambiguous_region(match: _Match) -> bool:
    """A region word that also means a state or a department (`estado`, `departamento`)."""
    return match.category == "user.contact.address.state" and set(match.words) <= lx.AMBIGUOUS_ADDRESS


def _names_thing(form: str | None) -> bool:
    """Whether a form's name says it is about a thing, not a person (`department`, `role`)."""
    if not form:
        return False
    words = set(_table_words(form)) - _FORM_WORDS
    return bool(words & _THING_FORMS) and not words & _PERSON_FORMS


#: A title as a name term reads it (`title`, `Titel`): part of a person's name only on a form
#: about people; on a fee's or a document's form it is that thing's title (review37 D7).
_TITLE_WORDS = lx.TITLE_WORDS


def _titled_thing(match: _Match, form: str | None) -> str | None:
    """The thing a form is about whose title a weak `title` term is (`beitragform`, 'Titel:'), or None."""
    if not form or match.strong or not set(match.words) <= _TITLE_WORDS:
        return None
    words = [w for w in _table_words(form) if w not in _FORM_WORDS]
    # a person's own form (`member-registration`) keeps their title; a fee's or a payment's
    # form (`beitragform`, a transaction word) names what is paid
    if set(words) & (lx.PERSON_TABLES | (_ENROLMENT_FORMS - lx.TRANSACTION_WORDS)):
        return None
    return next((w for w in reversed(words) if w in lx.NAMED_THINGS), None)


def _animal_form(form: str | None) -> bool:
    """Whether a form's name says it is about an animal (`staff/pets/_form`), no person's.

    The last word that is no form word names what the form is about: the staff's page of
    pets registers pets.
    """
    if not form:
        return False
    words = [w for w in _table_words(form) if w not in _FORM_WORDS]
    return bool(words) and words[-1] in lx.ANIMAL_TABLES


def names_personal_data(text: str) -> str | None:
    """What a strong personal-data term in `text` means, whatever else the text says; or None.

    `full-name-to-show` displays a name (`show` makes it no input), but its id still names
    one: a message about it should say so.
    """
    match = next((m for m in _read(text).matches if m.strong), None)
    return None if match is None else f"'{' '.join(match.words)}' means {_label(match)} ({match.lang})"


@functools.lru_cache(maxsize=65536)
def classify_field(
    name: str,
    label: str | None = None,
    control: str | None = None,
    written: tuple[str, ...] = (),
    form: str | None = None,
    address: bool = True,
    label_hint: bool = False,
) -> Classification:
    """The category to suggest for a form field (every filled-in field is personal).

    A strong word in the name or label wins; then the input type (`email`, `tel`,
    `password`); then a weak word (`name`, `address`). `written`: the languages the
    forms are written in (`rank_languages`); a word of another language is not read
    (`dept` is a department in an English form, not a French département). Names in
    code are often English whatever the language of the labels, so English always counts.
    In a form about a thing (`department`, `template`) a weak term is the thing's.
    `address`: the form asks for an address, so `estado` or `departamento` may be a
    region of it rather than a ticket's state or a school's department.
    `label_hint`: the label is only the control's placeholder (or `title`), example text or
    an instruction (a packing list naming an identity card): it is read at most at medium
    confidence, and alone it never makes the field a special category or an identity
    document; the reason says what it mentions (review35 R35b D6).
    """
    ctl = (control or "").lower()
    kind = _CONTROL_KINDS.get(ctl, "unknown")
    weak: Classification | None = None
    spoken = (*written, "en") if written else ()
    names = not _names_thing(form)
    animal = _animal_form(form)
    readings: list[tuple[str, str, _Reading]] = []
    owner: str | None = None
    mentioned: str | None = None  # what a placeholder alone named, and was not taken as
    for text, what in ((name, "name"), (label, "placeholder" if label_hint else "label")):
        if not text:
            continue
        # stemmed only as the forms' languages stem (`telaio`, a chassis, is no Catalan `tel`)
        reading = _read(text, spoken or None)
        if spoken:
            reading = replace(
                reading, matches=tuple(_own_sense(m, spoken) for m in reading.matches if _spoken(m, spoken))
            )
        else:
            reading = replace(reading, matches=tuple(_shared_sense(m) for m in reading.matches))
        readings.append((text, what, reading))
        owner = owner or next((o for m in reading.matches if (o := _thing_named(m, reading))), None)
    for text, what, reading in readings:
        match, _ = _pick(reading, names, kind, names)
        if match is not None and (titled := _titled_thing(match, form)) is not None:
            owner, match = owner or titled, None  # 'Titel:' on a fee's form: the fee's title
        if match is not None and owner is not None and not match.strong and set(match.words) <= lx.NAME_WORDS:
            # `nomeBuffet`, 'Program Name': a thing's name; so is a field `nome` labelled
            # 'Nome da máquina'
            match = None
        if match is None or (not match.strong and not address and _ambiguous_region(match)):
            continue
        if animal and _animal_trait(match, reading, Context(animal=True)):
            # a pet's sex, birth date or weight on the form that registers it (review29 D2)
            continue
        reason = f"{what} '{text}' means {_label(match)} ({match.lang})"
        if what == "placeholder" and _category(match).startswith(_NOT_FROM_EXAMPLES):
            mentioned = mentioned or f"its placeholder '{text}' mentions {_label(match)} ({match.lang})"
            continue
        if kind == "choice" and match.category.startswith(_SOMETIMES_CHOICE):
            # a postcode or an e-mail address offered as one of a list's options: seldom
            # (a service area's postcodes, the addresses one gave), kept but unsure
            lowered = f"{reason}, though a {ctl} offers it as one of its options"
            found = Classification(True, _category(match), Confidence.LOW, lowered)
        else:
            sure = Confidence.HIGH if match.strong and what != "placeholder" else Confidence.MEDIUM
            found = Classification(True, _category(match), sure, reason)
        if found.confidence is Confidence.HIGH:
            return found
        upgrade = weak is not None and weak.confidence is Confidence.LOW
        upgrade = upgrade and found.confidence is not Confidence.LOW
        # a placeholder never outweighs what the name said; it may say which kind of it
        # (`contact`, 'Your e-mail address': an e-mail address)
        refines = weak is not None and (found.category or "").startswith(f"{weak.category}.")
        if weak is None or (upgrade and what != "placeholder") or (refines and what == "placeholder"):
            weak = found
    if ctl in _CONTROL_CATEGORIES:
        category = _CONTROL_CATEGORIES[ctl]
        return Classification(True, category, Confidence.MEDIUM, f"a {ctl} input holds {lx.LABELS[category]}")
    if weak is not None:
        return weak
    example = (
        f" ({mentioned}: an example or an instruction, not what the field is)" if mentioned else ""
    )
    if owner is not None:
        return Classification(
            True, None, Confidence.LOW,
            f"field '{name}' is the name of a thing ('{owner}'), not of a person; "
            f"filled in by a person, kind unknown{example}",
        )
    if not names or animal:
        about = "about animals" if animal else "about a thing"
        return Classification(
            True,
            None,
            Confidence.LOW,
            f"field '{name}' of the form '{form}', {about}, is filled in by a person; kind unknown{example}",
        )
    return Classification(
        True, None, Confidence.LOW, f"field '{name}' is filled in by a person; kind unknown{example}"
    )
