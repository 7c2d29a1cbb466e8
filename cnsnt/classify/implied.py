"""Keys a schema does not declare but names: `paciente_id` beside a table `pacientes`.

Many real schemas (MySQL MyISAM dumps, legacy systems, ORMs without constraints)
declare no foreign keys, yet `id_alunno`, `historia_clinica_id` or `PATIENTID` say
plainly which table they point at. The classifier reads what a row links to, so a
key the name gives is read like a declared one, and says so in its reasons.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from cnsnt.classify import lexicon as lx
from cnsnt.classify import types
from cnsnt.classify.classifier import _TOKENIZER, _same_stem, past_prefix, software_client
from cnsnt.classify.vocabulary import ascii_letters, load_vocabulary, stemmer
from cnsnt.evidence import Column, ForeignKey, Table

# Linear: one character class, repeated, never nested.
_ALNUM = re.compile(r"[^0-9a-z]+")
# Linear: each branch is one class repeated; `[A-Z]+(?![a-z])` gives back at most one
# capital (the first of the next word) before the lookahead holds.
_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# A key's name: the target's name with an id word before or after it. `id` and `fk`
# may be glued on (`idalunno`, `PATIENTID`); the others must stand apart (`ref_x`).
# Not `nr` or `code`: `card_nr` and `tax_code` in a person's row are their numbers. The marks
# no language owns and each language's short code word (words36); `_GLUED` a tuple, for
# `str.startswith`.
_GLUED = tuple(sorted(lx.GLUED_KEY_MARKS))
_APART = lx.APART_KEY_MARKS | lx.APART_KEY_WORDS
# Weaker: a number or code names a table only exactly (`encounter_nr`, not `card_nr` to `cards`).
_WEAK = lx.KEY_NUMBER_WORDS
_MIN_NOUN = 3
# Linear: one character class, repeated.
_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")
# Linear: one character class, no repetition.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _ascii(name: str) -> str:
    """A name in Latin letters, so names in any script match.

    Accents are removed and case kept, as `fold_word` folds (`öğrenciId` -> `ogrenciId`,
    `właścicielId` -> `wlascicielId`); Cyrillic is transliterated (`ID_призывника` ->
    `ID_prizyvnika`).
    """
    if name.isascii():
        return name
    if _CYRILLIC.search(name):
        translit = load_vocabulary().translit
        name = "".join(translit(c.lower()) if _CYRILLIC.match(c) else c for c in name)
    return ascii_letters(name)


@functools.lru_cache(maxsize=65536)
def _flat(name: str) -> str:
    """A name's letters and digits, in Latin script and lower case (`ID_Alunno` -> `idalunno`).

    Cached: the schema index, the key lookups and the own-id checks flatten the same names.
    """
    return _ALNUM.sub("", _ascii(name).casefold())


@functools.lru_cache(maxsize=65536)
def _parts(name: str) -> tuple[str, ...]:
    """A name's words as `_PARTS` cuts them, in Latin script and case-folded (`plg_FamID` -> plg, fam, id).

    Cached: the key lookups cut each column's name several times (`_noun`, `_role_key`, ...).
    """
    return tuple(p.casefold() for p in _PARTS.findall(_ascii(name)))


@functools.lru_cache(maxsize=65536)
def _noun(column: str) -> tuple[str, str] | None:
    """The table a key column names, flattened (`id_alunno` -> `alunno`), or None.

    Also how the name says it is a key: its id word stands `apart` (`id_alunno`), is
    `glued` on (`idalunno`), or it says `weak`ly a number or code (`demographic_no`).
    """
    parts = list(_parts(column))
    how = "apart"
    if len(parts) >= 2 and (parts[-1] in _WEAK or parts[0] in _WEAK) and tuple(parts) not in lx.TERMS:
        # `demographic_no`, `USUARI_CODI`, `cdnPaciente`: a number or code named for a
        # table is its key, unless the name is a datum of its own (`passport_no`)
        rest = parts[:-1] if parts[-1] in _WEAK else parts[1:]
        noun = "".join(rest)
        if len(rest) == 1 and len(noun) >= _MIN_STEM and (noun,) not in lx.TERMS:
            return noun, "weak"
        if not (len(rest) == 1 and rest[0] in _APART):
            return None
        # `code_id`: the key of a table `code`, read as any `x_id` below
    if len(parts) >= 2 and parts[-1] in _APART:
        noun = "".join(parts[:-1])
    elif len(parts) >= 2 and parts[0] in _APART:
        while len(parts) >= 2 and parts[0] in _APART:
            parts = parts[1:]  # `ref_cod_religiao`
        noun = "".join(parts)
    else:
        how = "glued"
        flat = _flat(column)
        noun = ""
        # a mark at the end before one at the start (`fkpacienteid` is `fkpaciente`'s)
        end = next((w for w in _GLUED if flat.endswith(w)), None)
        start = next((w for w in _GLUED if flat.startswith(w)), None)
        if end is not None:
            noun = flat[: -len(end)]
        elif start is not None:
            noun = flat[len(start) :]
        if len(noun) < _MIN_STEM:
            return None  # `valid`, `fluid`: words, not keys
    if len(noun) < _MIN_NOUN or noun in lx.TREE_WORDS:
        return None  # `parent_id`: the row above in a tree, whatever tables exist
    return noun, how


#: Kind words that start many a table's name in another sense (`art_students`, pupils of art):
#: `not_kind_heads` in common.yaml (codereview35).
_NOT_HEADS = lx.NOT_KIND_HEADS
#: First words that say a table lists kinds of what follows (`tipo_usuario`, `type_user`): the
#: kind words, but one that also names people (`kind`, a child in German and Dutch: `kind_allergie`)
#: or another thing (`_NOT_HEADS`).
KIND_HEADS = lx.KIND_WORDS - lx.PERSON_TABLES - _NOT_HEADS


@functools.cache
def kind_heads(languages: tuple[str, ...] | None) -> frozenset[str]:
    """The kind heads of a schema written in `languages` (`tipo_`, `soort_`).

    Less a word that means another thing there (`tip`, a gratuity in English:
    `false_friends` in common.yaml), as `lexicon.org_words` reads organisation words.
    """
    if not languages:
        return KIND_HEADS
    return frozenset(w for w in KIND_HEADS if not lx.FALSE_FRIENDS.get(w, frozenset()) & set(languages))


def _names(table: Table, languages: tuple[str, ...] = ()) -> set[str]:
    """A table's name flattened, whole and without each leading prefix (`tbl_alunni` -> `alunni`).

    Not past a word that says the table lists kinds: `tipo_usuario` lists kinds of user,
    so `usuario_id` is no key to it (review33 R33a D5).
    """
    parts = [p for p in _SEPARATORS.split(_ascii(table.name)) if p]
    names: set[str] = set()
    for i in range(len(parts)):
        names.add(_flat("".join(parts[i:])))
        if parts[i].casefold() in kind_heads(languages):
            break
    return names - {""}


@dataclass(frozen=True)
class _Schema:
    """The tables by name, looked up for every column (never scanned per column)."""

    index: dict[str, list[Table]]
    """By each of their names (`_names`): many `*_type` tables and a `type_id` in each
    made filtering them per column quadratic."""
    whole: dict[str, list[Table]]
    """By their whole name flattened."""
    names: list[str]
    """The index's names, sorted (for stems, found by bisection)."""
    prefixes: frozenset[str]
    """First words many table names share (`grr` in `grr_room`, `apex` in `apex_usuario`)."""
    keys: dict[str, list[Table]]
    """Tables by the flattened name of their one primary-key column (`dni`, `kapcs_id`)."""
    of_people: dict[str, list[Table]] = field(default_factory=dict)
    """Tables named for a thing and a word for people, by the thing (`iscrizionebambino`,
    a child's enrolment, under `iscrizione`): what a bare `Iscrizione INT` names."""
    stemmed: _Stems | None = None
    """The index's names by their stems in the schema's inflecting languages (`faelle`: `fall`)."""
    tables: tuple[Table, ...] = ()
    languages: tuple[str, ...] = ()
    key_kinds: frozenset[str] = frozenset()
    """The kinds of the tables' one-column keys (`int`, `char`): a column of another kind holds none."""

    @classmethod
    def of(
        cls, tables: Sequence[Table], languages: Sequence[str] = (), written: Sequence[str] = ()
    ) -> _Schema:
        index: dict[str, list[Table]] = {}
        whole: dict[str, list[Table]] = {}
        firsts: dict[str, int] = {}
        keys: dict[str, list[Table]] = {}
        for table in tables:
            own = _names(table, tuple(written))
            for name in own:
                index.setdefault(name, []).append(table)
            flat = _flat(table.name)
            if flat in own:
                whole.setdefault(flat, []).append(table)
            words = _words(table.name)
            if len(words) >= 2:
                firsts[words[0]] = firsts.get(words[0], 0) + 1
        least = max(_MIN_PREFIXED, _PREFIX_TABLES * len(tables))
        prefixes = frozenset(w for w, n in firsts.items() if n >= least)
        of_people: dict[str, list[Table]] = {}
        for table in tables:
            for thing in _things_of_people(table.name):
                of_people.setdefault(thing, []).append(table)
        names = sorted(index)
        stemmed = _Stems(index, names, languages) if languages else None
        kinds = frozenset(
            types.family(primary[0].type)
            for t in tables
            if len(primary := [c for c in t.columns if c.primary_key]) == 1 and primary[0].type
        )
        schema = cls(
            index, whole, names, prefixes, keys, of_people, stemmed, tuple(tables), tuple(languages), kinds
        )
        # a second pass: whether a key is another table's (`user_id` beside `users`)
        # asks the tables indexed above
        for table in tables:
            primary = [c for c in table.columns if c.primary_key]
            if len(primary) == 1 and _holds_own_key(table, primary[0], schema):
                keys.setdefault(_flat(primary[0].name), []).append(table)
        return schema

    def holding(self, table: Table, column: Column) -> Table | None:
        """The one other table whose key column has this column's name and type (`dni`).

        Where several are keyed so (`usuario`, `dentista` and `colaborador` by
        `cdnUsuario`), the one the name plainly names (`usuario`).
        """
        if _generated(column):
            return None  # the table numbers its own rows: a copy of no other table's key
        holders = self.keys.get(_flat(column.name), ())
        found = [t for t in holders if t.key != table.key]
        if len(found) > 1:
            words = list(_parts(column.name))
            noun = "".join(w for w in words if w not in _GENERIC_KEYS)
            if len(noun) < _MIN_NOUN:
                return None
            named = {t.key for t in self.targets(noun)}
            # or, failing that, the one it abbreviates (`id_adh`: `galette_adherents`)
            found = [t for t in found if t.key in named] or [
                t for t in found if any(w.startswith(noun) for w in _words(t.name))
            ] or [
                # or the main table of one entity's parts, unless it is this one
                t
                for t in _main_of_family([h for h in holders if _same_key_type(column, h)], len(self.whole))
                if t.key != table.key
            ]
        return found[0] if len(found) == 1 and _same_key_type(column, found[0]) else None

    def targets(self, noun: str, loose: bool = True) -> Sequence[Table]:
        """Tables whose name is the noun, or its plural or singular (`alunno`/`alunni`).

        A table named so in full (`users`) wins over one whose name ends so
        (`account_users`); an exact name over a plural, a plural over a shared stem.
        `loose`: plurals and stems count (not for a glued `idx`, where `identity`
        is no key to `entities`).
        """
        singular = noun[:-1] if noun.endswith("s") else ""
        variants = (noun, noun + "s", noun + "es", singular) if loose else (noun,)
        for by in (self.whole, self.index):
            for variant in variants:
                found = by.get(variant, ())
                if found:
                    return found
        found_stem: dict[str, Table] = {}
        if loose and len(noun) >= _MIN_STEM:
            # `_same_stem` wants all but the noun's last two letters in common, so only
            # names starting so are candidates: found by bisection, not by scanning every
            # name that shares four letters (many `customer_*` tables made that quadratic)
            prefix = noun[: max(_MIN_STEM, len(noun) - 2)]
            at = bisect.bisect_left(self.names, prefix)
            while at < len(self.names) and self.names[at].startswith(prefix):
                if _same_stem(noun, self.names[at]):
                    found_stem.update((t.key, t) for t in self.index[self.names[at]])
                at += 1
        if loose and not found_stem and self.stemmed is not None:
            return self.stemmed.targets(noun)
        return list(found_stem.values())

    def plain(self, noun: str) -> list[Table]:
        """Tables named just `noun`, or the schema's common prefix and `noun` (`apex_usuario`).

        Not `grr_entry_moderate` for `moderate`: a weaker name must fit a table plainly.
        """
        found = list(self.whole.get(noun, ()))
        for table in self.index.get(noun, ()):
            words = _words(table.name)
            if len(words) == 2 and words[0] in self.prefixes and _flat(words[1]) == noun:
                found.append(table)
        return found

    @functools.cached_property
    def accounts(self) -> tuple[Table, ...]:
        """The tables that hold a password: the application's user accounts (`users`, `Benutzer`).

        Read once, when a key is first looked for among them: most schemas never ask.
        """
        return tuple(t for t in self.tables if _holds_password(t))

    @functools.cached_property
    def people(self) -> tuple[Table, ...]:
        """The tables of accounts and those named just for people (`membro`, `patients`)."""
        holding = {t.key for t in self.accounts}
        return tuple(t for t in self.tables if t.key in holding or _named_for_people(t, self.prefixes))

    def may_key(self, column: Column) -> bool:
        """Whether a column has the kind of one of the tables' keys (most, text or dates, have not)."""
        return bool(column.type) and types.family(column.type) in self.key_kinds

    def plainly(self, noun: str) -> list[Table]:
        """Tables named just for `noun`, its plural or singular, after the schema's prefix (`esh_users`)."""
        singular = noun[:-1] if noun.endswith("s") else ""
        return [
            t for variant in (noun, noun + "s", noun + "es", singular) if variant for t in self.plain(variant)
        ]


#: Languages whose plurals end otherwise than in `-s` (German `-en`, `-e`, umlauts; Dutch `-en`;
#: Turkish `-ler`; Hungarian `-k`; Polish `-y`, `-e`): French and Catalan plurals in `-s` and
#: `-x` the variants and `_same_stem` already find, at no stemmer's cost.
_PLURAL_STEMMED = frozenset({"de", "nl", "tr", "hu", "pl"})


class _Stems:
    """Table names by their Snowball stem in each inflecting language the schema is written in.

    A plural that adds more than an `s` or changes the word (German `Fall` -> `Faelle`,
    `Mitgliedschaft` -> `Mitgliedschaften`; Dutch `draad` -> `draden`; Turkish `hesap` ->
    `hesaplari`) is the same word to the language's stemmer (review37 D5). Only the schema's
    own languages: an English stem makes `organ` of `organization`. Only the names that start
    as the noun does (an umlaut changes a plural's third letter, `fall`/`faelle`), found by
    bisection: stemming every name of a schema cost a tenth of the classification. Asked only
    when a key's name fits no table otherwise.
    """

    def __init__(
        self, index: Mapping[str, Sequence[Table]], names: Sequence[str], languages: Sequence[str]
    ) -> None:
        vocab = load_vocabulary()
        self._index = index
        self._names = names
        self._algorithms = [
            a for lang in languages if lang in _PLURAL_STEMMED and (a := vocab.stemmers.get(lang)) is not None
        ]

    def targets(self, noun: str) -> list[Table]:
        """The tables whose name has the noun's stem in one of the languages (the first that has one)."""
        if len(noun) < _MIN_STEM or not self._algorithms:
            return []
        head = noun[:_STEM_HEAD]
        at = bisect.bisect_left(self._names, head)
        near = []
        while at < len(self._names) and self._names[at].startswith(head):
            if len(self._names[at]) >= _MIN_STEM:
                near.append(self._names[at])
            at += 1
        for algorithm in self._algorithms:
            root = _stem(algorithm, noun)
            if len(noun) - len(root) > _STEM_CUT:
                continue
            found = {
                t.key: t
                for name in near
                if _stem(algorithm, name) == root and len(name) - len(root) <= _STEM_CUT
                for t in self._index[name]
            }
            if found:
                return list(found.values())
        return []


@functools.lru_cache(maxsize=65536)
def _stem(algorithm: str, word: str) -> str:
    """A word's Snowball stem (`faelle` -> `fall` in German), once per process."""
    return str(stemmer(algorithm).stemWord(word))


def _words(name: str) -> list[str]:
    return list(_split_words(name))


@functools.lru_cache(maxsize=65536)
def _split_words(name: str) -> tuple[str, ...]:
    """A name's words between its separators, in Latin script and case-folded (`pret_archive`).

    Cached: the key lookups split a table's name once for each of its columns.
    """
    return tuple(p.casefold() for p in _SEPARATORS.split(_ascii(name)) if p)


# A word for people glued to a thing's name (`iscrizionebambino`) is read from this length:
# shorter ones (`lid`, `kid`) end too many other words.
_MIN_GLUED_PERSON = 5


def _things_of_people(name: str) -> set[str]:
    """The thing a table's name says it keeps of people (`iscrizionebambino` -> `iscrizione`).

    The name is a thing's and a word for people, apart or glued, in either order
    (`iscrizione_bambino`, `child_enrolment`); the thing is no word for people itself
    (`user_client` names no thing).
    """
    flat = _flat(name)
    bounds = _word_bounds(name)
    found: set[str] = set()
    for at in range(_MIN_NOUN, len(flat) - _MIN_NOUN + 1):
        head, tail = flat[:at], flat[at:]
        glued = at not in bounds
        for thing, person in ((head, tail), (tail, head)):
            if person not in lx.PERSON_TABLES or thing in lx.PERSON_TABLES:
                continue
            if glued and len(person) < _MIN_GLUED_PERSON:
                continue
            found.add(thing)
    return found


def _word_bounds(name: str) -> set[int]:
    """Where the flattened name's words (`_PARTS` of each part between separators) begin and end."""
    bounds: set[int] = set()
    at = 0
    for part in _SEPARATORS.split(_ascii(name)):
        for word in _PARTS.findall(part):
            at += len(word)
            bounds.add(at)
    return bounds


_MIN_STEM = 4
_MIN_GLUED = 5
# The most letters a stemmer may cut for a plural (Turkish `-lari`, German `-en`): more is a
# derivation, no plural (`activitat` and `actor` share the Catalan stem `act`).
_STEM_CUT = 4
# The letters a plural keeps of its singular's start (`fall`/`faelle`, `stadt`/`staedte`).
_STEM_HEAD = 2
# One entity's parts, keyed by one name, are at most this many tables, or this share of the schema's:
# a name that keys more is the schema's way of naming every table's own key (`SYS_ID`).
_FAMILY_MOST = 5
_FAMILY_SHARE = 2 / 3
# A first word counts as the schema's prefix when this share of its tables start with it.
_PREFIX_TABLES = 0.25


def _main_of_family(tables: Sequence[Table], schema_size: int) -> list[Table]:
    """The main table of one entity's parts keyed by one name (`membro`, `est_civil` by `rol`).

    A few tables that share their key's name and type are one entity's parts; a key named so
    from elsewhere names the entity, whose main table holds the most columns. A name that keys
    many of the schema's tables (`SYS_ID`) is its way of naming every table's own key: no
    family. Empty when two tie.
    """
    if len(tables) < 2 or len(tables) > max(_FAMILY_MOST, _FAMILY_SHARE * schema_size):
        return []
    ranked = sorted(tables, key=lambda t: -len(t.columns))
    if len(ranked[0].columns) > len(ranked[1].columns):
        return [ranked[0]]
    return []


def with_implied_keys(
    tables: Sequence[Table],
    languages: Sequence[str] = (),
    prefix_of: Callable[[Table], str | None] | None = None,
    written: Sequence[str] = (),
) -> list[Table]:
    """The tables, each with the keys its column names imply added (`implied=True`).

    A column already in a declared key, a table's own key column and a name that
    fits no table, or more than one, imply nothing. `languages`: the inflecting languages
    the schema is written in, whose stemmers fold a plural to its table (`faelle`).
    `prefix_of`: `column_prefix`, or the classification's copy of it (`TablePrefixes.shared`).
    `written`: all the languages the schema is written in (`tip` heads no kinds in English).
    """
    prefix_of = prefix_of or column_prefix
    schema = _Schema.of(tables, languages, written)
    out: list[Table] = []
    for table in tables:
        declared = {c.casefold() for k in table.foreign_keys for c in k.columns}
        # a key of two or more columns (`team_member(team_id, staff_id)`) joins the
        # tables its columns name; a key of one column is the row's own id
        own_key = sum(c.primary_key for c in table.columns) == 1
        added: list[ForeignKey] = []
        # `pret_idempr` in `pret`: the table's own name before a column's is a prefix too
        prefix = prefix_of(table) or _flat(table.name)
        for column in table.columns:
            if column.name.casefold() in declared:
                continue
            own_id = column.primary_key and own_key
            holder = schema.holding(table, column)
            # the same name and type as another table's key is a copy of it, whatever the
            # name says (`necessitat.dni` of `info_general(dni)`); else what the name says
            copied = _to(holder, column) if holder is not None else None
            named = _implied(table, column, schema, prefix)
            if copied is not None and named is not None and _extends(holder, named, column, schema):
                copied = None
            key = (
                _unless_own(table, copied, own_id, prefix)
                or _unless_own(table, named, own_id, prefix)
                or _past_own_name(table, column, schema)
                or _unless_own(table, _role_key(table, column, schema), own_id, prefix)
                or (None if own_id else _past_own_or_maker(table, column, schema, prefix))
            )
            if key is not None:
                added.append(key)
        out.append(replace(table, foreign_keys=table.foreign_keys + tuple(added)) if added else table)
    return out


def _extends(holder: Table | None, named: ForeignKey, column: Column, schema: _Schema) -> bool:
    """Whether the table keyed by a column's name only extends the table the name plainly names.

    `esh_user_roles(user_id)` beside `esh_users`, `plan_auswertung(plan)` beside `plan`: a
    table keyed by another's key holds more about its rows, so `user_id` elsewhere is a key
    to the table named just for users, as its name says. Not where the name fits a table
    only by its last word (`sch_students_in_class` for `class_id` beside `sch_classes`).
    """
    if holder is None or named.ref_table == holder.name:
        return False
    read = _noun(column.name)
    noun = read[0] if read is not None else _flat(column.name)  # `plan`: a bare name
    return any(t.name == named.ref_table for t in schema.plainly(noun))


# A prefix most of a table's columns share (`arc_` in `pret_archive`, `plg_` in
# `pledge_plg`): with it, `arc_id_empr` is `id_empr` and names the table `empr`.
_PREFIX_SHARE = 0.6
_MIN_PREFIXED = 3


def column_prefix(table: Table) -> str | None:
    """The first word most of the table's columns start with (`plg` in `plg_FamID`), or None."""
    if len(table.columns) < _MIN_PREFIXED:
        return None
    counts: dict[str, int] = {}
    for column in table.columns:
        parts = _parts(column.name)
        if len(parts) >= 2:
            first = parts[0]
            counts[first] = counts.get(first, 0) + 1
    if not counts:
        return None
    first, count = max(sorted(counts.items()), key=lambda kv: kv[1])
    if count < _PREFIX_SHARE * len(table.columns) or first in _APART:
        return None
    return first


def _key_past_prefix(name: str, prefix: str | None) -> str | None:
    """A key column's name after the table's column prefix (`plg_FamID` -> `fam_id`), or None.

    Two words at least must follow: `plg_ID` is the table's own key; only a longer name names another.
    """
    words = _parts(name)
    rest = past_prefix(words, prefix, least=2)
    if rest is None and past_prefix(words, prefix) is not None:
        # one word after it is a key only with an id glued on (`pret_idempr`)
        (word,) = words[1:]
        rest = (word,) if len(word) >= _MIN_GLUED and word.startswith(_GLUED) else None
    return "_".join(rest) if rest is not None else None


def _implied(
    table: Table, column: Column, schema: _Schema, prefix: str | None, name: str | None = None
) -> ForeignKey | None:
    """The key a column's name (or `name`, the part of it that names a table) implies."""
    name = name or _key_past_prefix(column.name, prefix) or column.name
    read = _noun(name)
    if read is None:
        return _bare(table, column, schema) or _short(table, column, name, schema)
    noun, how = read
    words = _split_words(table.name)
    if software_client(words) and _same_stem(noun, words[-1]):
        return None  # `oauth_clients.clientId`: the application's own public id
    if how == "weak":
        candidates: Sequence[Table] = schema.plain(noun)
    elif how == "apart" or not _flat(name).startswith(_GLUED):
        candidates = schema.targets(noun)
    else:
        # a glued `id` before the name (`idaluno`) names a table exactly, or its plural
        # (`alunos`) where the types agree; no stem: `identity` is no key to `entities`
        candidates = schema.targets(noun, loose=False) or [
            t
            for plural in (noun + "s", noun + "es")
            for t in schema.targets(plural, loose=False)
            if len(noun) >= _MIN_GLUED and _same_key_type(column, t)
        ]
    if any(c.key == table.key for c in candidates) and len(candidates) > 1:
        return None  # `order_type.type_id` beside `user_type`: the name fits itself too
    targets = [c for c in candidates if c.key != table.key]
    if len(targets) > 1:
        # the same name in two schemas (`public.users`, `audit.users`): the row's own
        same = [c for c in targets if c.schema == table.schema]
        targets = same if len(same) == 1 else []
    if not candidates:
        # `rinunce.IdIscrizione` beside `iscrizionebambino`: the one child's enrolment
        return _of_people(table, column, noun, schema)
    if len(targets) != 1:
        return None
    (target,) = targets
    return ForeignKey((column.name,), target.name, ref_schema=target.schema, implied=True)


def _of_people(table: Table, column: Column, noun: str, schema: _Schema) -> ForeignKey | None:
    """The key of the one other table named for the thing `noun` and a word for people.

    `esito.Iscrizione INT` beside `iscrizionebambino(Id INT)`: no table is named just
    `iscrizione`, and the one enrolment the schema keeps is a child's (trial30 H).
    """
    if noun in schema.prefixes or _small_int(column):
        return None  # `sgm` in `sgm_clients`: the schema's prefix; `Arch tinyint`: a flag
    targets = [t for t in schema.of_people.get(noun, ()) if t.key != table.key]
    if len(targets) != 1 or not _same_key_type(column, targets[0]):
        return None
    return ForeignKey((column.name,), targets[0].name, ref_schema=targets[0].schema, implied=True)


def _role_key(table: Table, column: Column, schema: _Schema) -> ForeignKey | None:
    """`pagamento.AccountGenitore INT` beside `account(Id INT)`: a table's name and a role, its key.

    The column names the table (`account`) and whose row of it it holds (`genitore`, the
    parent's), in either order (`parent_account`); the table's name is no word for people
    itself, so `client_user` (a client's user) names no `client` (trial30 H).
    """
    parts = list(_parts(column.name))
    if len(parts) < 2:
        return None
    for person, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
        noun = "".join(rest)
        if person not in lx.PERSON_TABLES or len(noun) < _MIN_NOUN or noun in lx.PERSON_TABLES:
            continue
        key = None if _small_int(column) else _plain_key(table, column, noun, schema)
        if key is not None:
            return key
    return None


# Words that say a name is of someone (`by`, `user`, `ekleyen`), not of when or which record.
# Not `created` alone, a word of a record's life too (`created_at`).
_WHO = (
    lx.BY_WORDS | (lx.ACTOR_WORDS - lx.RECORD_WORDS) | lx.PERSON_TABLES | lx.ACCOUNT_WORDS | {"uid", "userid"}
)
# Words a key's name may hold beside who made the row: its id word (`kodu`: Turkish "its code").
_MAKER_ID_WORDS = _WEAK | {*_APART, *_GLUED, "uid", "kodu", "kennung", "codigo", "codice", "userid"}


def _maker_key(table: Table, column: Column, schema: _Schema) -> ForeignKey | None:
    """`created_by`, `EKLEYEN_KULLANICI_KODU`, `owner`: the key of the person who made or holds the row.

    A name that says who created or changed the row (a word of a record's life: `created`,
    `erstellt`) or who handles it (`ekleyen`, "who added"; `owner`) holds that person's key:
    to the table the rest of the name plainly names (`kullanici`: `KULLANICI`); else, for
    who created or changed it, to the application's one table of accounts, the one that
    holds a password; for who handles it, to the schema's one table of people. Only where
    the types agree: a text `created_by` beside an integer key holds a login or a name.
    """
    words = _TOKENIZER.words(column.name, schema.languages)
    own = _TOKENIZER.words(table.name, schema.languages)
    if len(words) > len(own) and words[: len(own)] == own:
        words = words[len(own) :]  # `social_familia_log_criador` in `social_familia_log`
    recorded = any(w in lx.RECORD_WORDS for w in words)
    if not recorded and not any(w in lx.ACTOR_WORDS for w in words):
        return None
    if not any(w in _WHO for w in words) or words in lx.TERMS or _small_int(column):
        return None  # `expires`, `registro_id`: when, or which record; `user_agent`: a datum; a flag
    rest = [
        w
        for w in words
        if w not in lx.MAKER_WORDS
        and w not in lx.BY_WORDS
        and w not in _MAKER_ID_WORDS
        and not w.isdigit()
        and len(w) > 2  # `pn` in `pn_cr_uid`: a framework's prefix
    ]
    noun = "".join(rest)
    parts = _parts(column.name)
    if any(w in _WEAK for w in words) or (parts and plural(parts[-1])):
        return None  # `REGISTRE_NUM`: a number; `imported_members`: how many
    named = [t for t in schema.plainly(noun) if t.key != table.key] if len(noun) >= _MIN_NOUN else []
    basis = ""
    if named:
        targets = named
    elif not all(w in lx.PERSON_TABLES for w in rest):
        return None
    elif types.family(column.type) != "int" and not any(w in _APART or w in _GLUED for w in words):
        return None  # a text `author` or `responsable` with no id word: a name, as often as a key
    elif recorded:
        targets = [t for t in schema.accounts if t.key != table.key]
        basis = "by its name: who made or changed the row, in the one table that holds passwords"
    else:
        targets = [t for t in schema.people if t.key != table.key and _same_key_type(column, t)]
        basis = "by its name: who holds or handles the row, in the one table of people"
    if len(targets) != 1 or not _same_key_type(column, targets[0]):
        return None
    (target,) = targets
    return ForeignKey((column.name,), target.name, ref_schema=target.schema, implied=True, basis=basis)


def _named_for_people(table: Table, prefixes: frozenset[str]) -> bool:
    """Whether a table is named just for people, after the schema's prefix (`membro`, `tbl_students`)."""
    words = _words(table.name)
    if len(words) == 2 and words[0] in prefixes:
        words = words[1:]
    return len(words) == 1 and words[0] in lx.PERSON_TABLES


def _holds_password(table: Table) -> bool:
    """Whether a table holds a password or its hash: a table of the application's accounts."""
    for column in table.columns:
        name = column.name.casefold().replace("_", "")
        if (name if name.isascii() and name.isalnum() else _flat(column.name)) in _PASSWORD_WORDS:
            return True
    return False


_PASSWORD_WORDS = frozenset(
    words[0]
    for words, term in lx.TERMS.items()
    if len(words) == 1 and term[0].startswith("user.authorization.password")
)


def _small_int(column: Column) -> bool:
    """Whether a column is a small whole number, a flag or a count rather than a key."""
    return types.small_integer(column.type)


def _past_own_name(table: Table, column: Column, schema: _Schema) -> ForeignKey | None:
    """`kasa_haraket.kasa_haraket_cari_id`, `kiymetli_evraklar.evrak_cari_id`: the key after the table's name.

    A column named `<table>_<key>` names its table first, as a column prefix does
    (`_key_past_prefix`) though few columns share it: the rest, two words at least
    with its id word apart (`cari_id`), is the key, read as any other.
    """
    words = list(_parts(column.name))
    own = _words(table.name)
    if len(words) < 3 or not own:
        return None
    if words[: len(own)] == own:
        rest = words[len(own) :]
    elif _same_stem(words[0], own[-1]):
        rest = words[1:]  # `evrak_` in `kiymetli_evraklar`: the table's head noun, singular
    else:
        return None
    if len(rest) < 2:
        return None
    name = "_".join(rest)
    read = _noun(name)
    if read is None or read[1] != "apart":
        return None
    return _implied(table, column, schema, None, name)


def _past_own_or_maker(table: Table, column: Column, schema: _Schema, prefix: str) -> ForeignKey | None:
    """The key another table's name after the row's own gives, or the key of who made or holds the row.

    Only for a column of the kind of some table's key: most columns (text, dates) hold none.
    """
    if not schema.may_key(column):
        return None
    return _after_own_name(table, column, schema, prefix) or _maker_key(table, column, schema)


def _after_own_name(table: Table, column: Column, schema: _Schema, prefix: str) -> ForeignKey | None:
    """`izin.izin_personel`, `izin_mazeret.izinmazeret_personel`: another table's name after the row's own.

    A column named with its table's name or column prefix first, then just another
    table's name, holds that table's key where the types agree, as a bare `status INT`
    beside a table `status` does (`_bare`).
    """
    own = (_flat(table.name), prefix)
    if not _flat(column.name).startswith(own):
        return None  # most columns: cheaply
    words = _words(column.name)
    if len(words) < 2 or _flat(words[0]) not in own and "".join(words[:-1]) not in own:
        return None
    noun = _flat(words[-1])
    if len(noun) < _MIN_NOUN or plural(noun) or (noun,) in lx.TERMS or noun in lx.TREE_WORDS:
        return None
    return None if _small_int(column) else _plain_key(table, column, noun, schema)


def _short(table: Table, column: Column, name: str, schema: _Schema) -> ForeignKey | None:
    """`pl_id` beside `lo3_pl`: a two-letter name is a key only to a table named just so."""
    parts = list(_parts(name))
    if len(parts) != 2 or parts[1] not in _APART or len(parts[0]) != 2 or not parts[0].isalpha():
        return None
    return _plain_key(table, column, parts[0], schema)


def _bare(table: Table, column: Column, schema: _Schema) -> ForeignKey | None:
    """`status INT` beside a table `status`, `usuario VARCHAR(16)` beside `apex_usuario(usuario)`.

    A column named just as another table, whose type is that table's one key column's
    type, holds that key. Not a datum of its own (`email`), nor a plural
    (`failed_jobs INT` counts the rows of `failed_jobs`).
    """
    noun = _flat(column.name)
    if len(noun) < _MIN_NOUN or plural(noun) or (noun,) in lx.TERMS or noun in lx.TREE_WORDS:
        return None
    if not schema.plain(noun):
        return _of_people(table, column, noun, schema)
    return _plain_key(table, column, noun, schema)


def plural(word: str) -> bool:
    """Whether a word looks plural (`jobs`, `edits`), not a word ending in `ss`, `us` or `is`."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _plain_key(table: Table, column: Column, noun: str, schema: _Schema) -> ForeignKey | None:
    """The key of the one other table named plainly `noun` whose key has the column's type."""
    targets = [t for t in schema.plain(noun) if t.key != table.key]
    if len(targets) != 1 or not _same_key_type(column, targets[0]):
        return None
    return ForeignKey((column.name,), targets[0].name, ref_schema=targets[0].schema, implied=True)


def _unless_own(table: Table, key: ForeignKey | None, own_id: bool, prefix: str | None) -> ForeignKey | None:
    """The key, unless the column is the row's own id (`users.user_id`), not another's."""
    return None if key is None or (own_id and _names_itself(table, key, prefix)) else key


def _names_itself(table: Table, key: ForeignKey, prefix: str | None) -> bool:
    """Whether a table's one key column is the row's own id, not the key of a table it extends.

    `paciente_responsavel.cdnPaciente` is the key of `paciente` (one row each, the name
    continues the parent's), and so is `user_usr.usr_per_ID` of `person_per`; but
    `wizyty_odbyte.id_wizyty`, `lmp_tny_kapcsolatok.kapcs_id` and `users.user_id` are the
    rows' own ids, whatever else is named like them.
    """
    mine, theirs = _words(table.name), _words(key.ref_table)
    if theirs and len(mine) > len(theirs) and mine[: len(theirs)] == theirs:
        return False
    name = _key_past_prefix(key.columns[0], prefix) or key.columns[0]
    nouns = [_flat(w) for w in _words(name) if w not in _APART and w not in _GLUED]
    read = _noun(name)
    if read is not None:
        nouns.append(read[0])  # `idclasse` names `tbl_classi`, `numSolicitud` `solicitudes`
    flat = _flat(table.name)
    return not nouns or any(
        n in flat or any(w.startswith(n) or _same_stem(n, _flat(w)) for w in mine)
        for n in nouns
        if len(n) >= _MIN_NOUN
    )


def _to(target: Table, column: Column) -> ForeignKey:
    """The key `column` holds, naming `target`'s key column: a copied national id stays one."""
    keys = [c.name for c in target.columns if c.primary_key]
    return ForeignKey((column.name,), target.name, tuple(keys[:1]), ref_schema=target.schema, implied=True)


def _holds_own_key(table: Table, column: Column, schema: _Schema) -> bool:
    """Whether a table's one key column is an identifier it gives out (`dni`, `kapcs_id`, `login`).

    Not a name every table may have (`id`), a datum the table is keyed by (`email`,
    `ip`, `name`: a token or a setting per value), nor another table's id it extends
    (`notification_preferences.user_id` beside `users`). A key named for no other
    table is the table's own, whatever it is called (`usuarios.user_id`, `gp.ArztID`).
    """
    if _generic(column.name):
        return False
    term = lx.TERMS.get((_flat(column.name),))
    if term is not None and not term[0].startswith(_GIVEN_IDS):
        return False
    read = _noun(column.name)
    if read is None or _names_itself(table, ForeignKey((column.name,), ""), None):
        return True
    if read[0] in lx.PERSON_TABLES and not any(w in lx.PERSON_TABLES for w in _words(table.name)):
        return False  # a person's id keying a table of things about them: theirs, extended
    return _implied(table, column, schema, None) is None


# Identifiers a register gives a person: a key to the table that holds them.
_GIVEN_IDS = ("user.government_id", "user.account.username", "user.unique_id")


#: The ORM field classes of a key the database generates for the table's own rows (Django's).
_GENERATED_KEYS = frozenset({"autofield", "bigautofield", "smallautofield"})


def _generated(column: Column) -> bool:
    """Whether a primary key is one the ORM has the database generate (`AutoField`).

    Such a key numbers its own table's rows, so it holds no other table's key, whatever its
    name shares: django-simple-history keys every `Historical<Model>` table by its own
    `history_id` (trial39: 15 of a member register's 30 tables, which made the member's
    history "the main table" the others continued). A one-to-one part's key is declared
    (`OneToOneField(primary_key=True)`), never generated.
    """
    return column.primary_key and (column.orm_type or "").casefold() in _GENERATED_KEYS


def _generic(name: str) -> bool:
    """`id`, `ID`, `codigo`, `uuid`: a key name every table may have, naming none."""
    parts = set(_parts(name))
    return not parts or parts <= _GENERIC_KEYS


_GENERIC_KEYS = frozenset({*_APART, *_WEAK, "codigo", "codice", "uuid", "guid", "key", "pk", "oid", "rowid"})


def _same_key_type(column: Column, target: Table) -> bool:
    """Whether `column` has the type of `target`'s one key column."""
    keys = [c for c in target.columns if c.primary_key]
    if len(keys) != 1 or not column.type or not keys[0].type:
        return False
    return types.family(column.type) == types.family(keys[0].type)


__all__ = ["with_implied_keys"]
