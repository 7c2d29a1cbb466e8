"""Keys a schema does not declare but names: `paciente_id` beside a table `pacientes`.

Many real schemas (MySQL MyISAM dumps, legacy systems, ORMs without constraints)
declare no foreign keys, yet `id_alunno`, `historia_clinica_id` or `PATIENTID` say
plainly which table they point at. The classifier reads what a row links to, so a
key the name gives is read like a declared one, and says so in its reasons.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import _same_stem, past_prefix
from cnsnt.classify.vocabulary import load_vocabulary
from cnsnt.evidence import Column, ForeignKey, Table

# Linear: one character class, repeated, never nested.
_ALNUM = re.compile(r"[^0-9a-z]+")
# Linear: each branch is one class repeated; `[A-Z]+(?![a-z])` gives back at most one
# capital (the first of the next word) before the lookahead holds.
_PARTS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# A key's name: the target's name with an id word before or after it. `id` and `fk`
# may be glued on (`idalunno`, `PATIENTID`); the others must stand apart (`ref_x`).
# Not `nr` or `code`: `card_nr` and `tax_code` in a person's row are their numbers.
_GLUED = ("id", "fk")
_APART = ("id", "fk", "ref", "cod")
_MIN_NOUN = 3
# Linear: one character class, repeated.
_SEPARATORS = re.compile(r"[^0-9A-Za-z]+")
# Linear: one character class, no repetition.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _ascii(name: str) -> str:
    """A name in Latin letters, so names in any script match.

    Accents are removed and case kept (`öğrenciId` -> `ogrenciId`); Cyrillic is
    transliterated (`ID_призывника` -> `ID_prizyvnika`).
    """
    if name.isascii():
        return name
    if _CYRILLIC.search(name):
        translit = load_vocabulary().translit
        name = "".join(translit(c.lower()) if _CYRILLIC.match(c) else c for c in name)
    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _flat(name: str) -> str:
    return _ALNUM.sub("", _ascii(name).casefold())


def _noun(column: str) -> tuple[str, bool] | None:
    """The table a key column names, flattened (`id_alunno` -> `alunno`), or None.

    Also whether the id word stands apart (`id_alunno`) or is glued on (`idalunno`).
    """
    parts = [p.casefold() for p in _PARTS.findall(_ascii(column))]
    apart = True
    if len(parts) >= 2 and parts[-1] in _APART:
        noun = "".join(parts[:-1])
    elif len(parts) >= 2 and parts[0] in _APART:
        while len(parts) >= 2 and parts[0] in _APART:
            parts = parts[1:]  # `ref_cod_religiao`
        noun = "".join(parts)
    else:
        apart = False
        flat = _flat(column)
        noun = ""
        for word in _GLUED:
            if flat.endswith(word):
                noun = flat[: -len(word)]
            elif flat.startswith(word):
                noun = flat[len(word) :]
            if noun:
                break
        if len(noun) < _MIN_STEM:
            return None  # `valid`, `fluid`: words, not keys
    if len(noun) < _MIN_NOUN or noun in lx.TREE_WORDS:
        return None  # `parent_id`: the row above in a tree, whatever tables exist
    return noun, apart


def _names(table: Table) -> set[str]:
    """A table's name flattened, whole and without each leading prefix (`tbl_alunni` -> `alunni`)."""
    parts = [p for p in _SEPARATORS.split(_ascii(table.name)) if p]
    return {_flat("".join(parts[i:])) for i in range(len(parts))} - {""}


def _targets(
    noun: str,
    index: dict[str, list[Table]],
    whole: dict[str, list[Table]],
    names: Sequence[str],
    loose: bool = True,
) -> Sequence[Table]:
    """Tables whose name is the noun, or its plural or singular (`alunno`/`alunni`).

    A table named so in full (`users`) wins over one whose name ends so
    (`account_users`); an exact name over a plural, a plural over a shared stem.
    `whole`: the tables by their whole name flattened; `names`: the index's names,
    sorted; `loose`: plurals and stems count (not for a glued `idx`, where `identity`
    is no key to `entities`).
    """
    variants = (noun, noun + "s", noun + "es", noun[:-1] if noun.endswith("s") else "") if loose else (noun,)
    for by in (whole, index):
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
        at = bisect.bisect_left(names, prefix)
        while at < len(names) and names[at].startswith(prefix):
            if _same_stem(noun, names[at]):
                found_stem.update((t.key, t) for t in index[names[at]])
            at += 1
    return list(found_stem.values())


_MIN_STEM = 4


def with_implied_keys(tables: Sequence[Table]) -> list[Table]:
    """The tables, each with the keys its column names imply added (`implied=True`).

    A column already in a declared key, a table's own key column and a name that
    fits no table, or more than one, imply nothing.
    """
    index: dict[str, list[Table]] = {}
    # looked up, not filtered out of `index` per column: many `*_type` tables and a
    # `type_id` in each made that quadratic
    whole: dict[str, list[Table]] = {}
    for table in tables:
        own = _names(table)
        for name in own:
            index.setdefault(name, []).append(table)
        if _flat(table.name) in own:
            whole.setdefault(_flat(table.name), []).append(table)
    names = sorted(index)
    out: list[Table] = []
    for table in tables:
        declared = {c.casefold() for k in table.foreign_keys for c in k.columns}
        added: list[ForeignKey] = []
        prefix = column_prefix(table)
        for column in table.columns:
            key = _implied(table, column, declared, index, whole, names, prefix)
            if key is not None:
                added.append(key)
        out.append(replace(table, foreign_keys=table.foreign_keys + tuple(added)) if added else table)
    return out


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
        parts = _PARTS.findall(_ascii(column.name))
        if len(parts) >= 2:
            first = parts[0].casefold()
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
    rest = past_prefix(tuple(p.casefold() for p in _PARTS.findall(_ascii(name))), prefix, least=2)
    return "_".join(rest) if rest is not None else None


def _implied(
    table: Table,
    column: Column,
    declared: set[str],
    index: dict[str, list[Table]],
    whole: dict[str, list[Table]],
    names: Sequence[str],
    prefix: str | None = None,
) -> ForeignKey | None:
    if column.primary_key or column.name.casefold() in declared:
        return None
    name = _key_past_prefix(column.name, prefix) or column.name
    read = _noun(name)
    if read is None:
        return None
    noun, apart = read
    # a glued `id` before the name (`idalunno`) must name a table exactly; one after it
    # (`userid`, `PATIENTID`) may name its plural
    loose = apart or not _flat(name).startswith(_GLUED)
    candidates = _targets(noun, index, whole, names, loose)
    if any(c.key == table.key for c in candidates) and len(candidates) > 1:
        return None  # `order_type.type_id` beside `user_type`: the name fits itself too
    targets = [c for c in candidates if c.key != table.key]
    if len(targets) > 1:
        # the same name in two schemas (`public.users`, `audit.users`): the row's own
        same = [c for c in targets if c.schema == table.schema]
        targets = same if len(same) == 1 else []
    if len(targets) != 1:
        return None
    (target,) = targets
    return ForeignKey((column.name,), target.name, ref_schema=target.schema, implied=True)


__all__ = ["with_implied_keys"]
