"""Columns named with their table's initial glued on: `calisanlar.ctckn` is `c` + `tckn`.

Hand-written schemas often mark every column with a letter or two of its table
(`c` for *çalışan*, `mb` for *müşteri bilgisi*) and no separator, so no word of the
name is a term cnsnt knows, though the rest after the letters is (`tckn`, a national
id). A shared first word (`plg_FamID`) is `implied.column_prefix`'s; this one is glued.

Many names start with one letter by chance (`created_at`, `city`, `country`), so a
prefix needs evidence: most of the table's columns start with it, and reading past it
turns several of them into terms they were not (`ctckn`, `csifre`, `ciban`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from cnsnt.classify.classifier import _read
from cnsnt.classify.implied import column_prefix
from cnsnt.evidence import Table

# The share of a table's columns (its one key left out) that must start with the prefix.
_SHARE = 0.6
# A prefix is a letter or two (`c`, `mb`); longer runs are words, read by the tokenizer.
_LONGEST = 2
# How many columns reading past it must turn into terms, and what share of those it starts.
_MIN_GAINED = 3
_GAINED_SHARE = 0.4
# What must follow a prefix: a word of three letters at least (`mil` is `m` + `il` too,
# but only once the prefix is known from the others).
_MIN_REST = 2


def glued_prefixes(
    table: Table,
    languages: tuple[str, ...] | None,
    prefix_of: Callable[[Table], str | None] = column_prefix,
) -> tuple[str, ...]:
    """The letters the table's columns start with before a term (`c`; `m` and `mb`), longest first.

    Empty when there is no such style: no prefix most columns share, or too few names
    become terms past it. `prefix_of`: `column_prefix`, or the classification's copy of
    it (`TablePrefixes.shared`).
    """
    if prefix_of(table) is not None:
        return ()  # a shared first word (`information_text`, `PTC_PAT_ID`): not glued letters
    names = [c.name.casefold() for c in table.columns if not c.primary_key]
    names = [n for n in names if _one_word(n)]
    if len(names) < _MIN_GAINED:
        return ()
    best: tuple[int, str] | None = None
    for size in range(1, _LONGEST + 1):
        counts = Counter(n[:size] for n in names if len(n) >= size + _MIN_REST and n[:size].isalpha())
        for prefix, count in counts.items():
            if count < _SHARE * len(names):
                continue
            gained = _gained(names, prefix, "", languages)
            if gained >= max(_MIN_GAINED, _GAINED_SHARE * count) and (best is None or gained > best[0]):
                best = (gained, prefix)
    if best is None:
        return ()
    main = best[1]
    # a second letter some columns add (`mb` in `musteriler`: `mbadi`, `mbsoyadi`, beside
    # `mtel`): read past it where the main prefix alone leaves no term
    longer = Counter(
        n[: len(main) + 1] for n in names if n.startswith(main) and len(n) > len(main) + _MIN_REST
    )
    subs = [
        sub
        for sub, count in sorted(longer.items())
        if sub[-1].isalpha()
        and count >= _MIN_GAINED
        and _gained(names, sub, main, languages) >= max(_MIN_GAINED, _GAINED_SHARE * count)
    ]
    return (*subs, main)


def past_glued(
    name: str, prefixes: Sequence[str], languages: tuple[str, ...] | None
) -> tuple[str, str] | None:
    """(prefix, rest) when `name` starts with one of the table's prefixes and the rest is a term."""
    if not prefixes:
        return None  # most tables: no letters glued on
    folded = name.casefold()
    if not _one_word(name):
        return None  # `tarea_clase`: a word of its own, then another, not letters glued on
    for prefix in prefixes:
        rest = folded[len(prefix) :]
        if folded.startswith(prefix) and len(rest) >= _MIN_REST and _gains(folded, rest, languages):
            return name[: len(prefix)], name[len(prefix) :]
    return None


def _one_word(name: str) -> bool:
    """Whether a name is one run of letters in one case (`ctckn`, `CTCKN`), no word set apart."""
    return name.isascii() and name.isalpha() and (name.islower() or name.isupper())


def _gained(names: Sequence[str], prefix: str, shorter: str, languages: tuple[str, ...] | None) -> int:
    """How many names starting with `prefix` read as a term past it, and not past `shorter`."""
    return sum(
        1
        for n in names
        if n.startswith(prefix)
        and len(n) >= len(prefix) + _MIN_REST
        and _gains(n, n[len(prefix) :], languages)
        and not (shorter and _gains(n, n[len(shorter) :], languages))
    )


def _gains(name: str, rest: str, languages: tuple[str, ...] | None) -> bool:
    """Whether `rest` is a term and the whole `name` no strong one (`ctckn`; `meposta`, a weak `posta`)."""
    after = _read(rest, languages).matches
    if not after:
        return False
    before = _read(name, languages).matches
    return not before or (any(m.strong for m in after) and not any(m.strong for m in before))


__all__ = ["glued_prefixes", "past_glued"]
