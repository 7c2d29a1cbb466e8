"""Match evidence against policy patterns (`table.column`, `form.field`, globs).

Identifiers match case-insensitively (SPEC §1: unquoted identifiers), compared
`casefold()`ed everywhere here: `lower()` spells a Greek final sigma by its context,
so `ΠΕΛΑΤΕΣ.ID` lowered alone (`πελατεσ.id`) and inside `ΠΕΛΑΤΕΣ.*ID`
(`πελατες.*id`) never met (codereview31 F5). A two-part column pattern
`table.column` matches a column in any schema; a three-part one also pins the
schema.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from cnsnt.evidence import Column, FormField
from cnsnt.policy.model import Datum, Policy, Purpose

#: The characters a pattern reads as wildcards; a backslash before one makes it literal.
WILDCARDS = "*?"


def escape(name: str) -> str:
    r"""A pattern naming exactly `name`: its `*` and `?` escaped (`Qty*` -> `Qty\*`)."""
    return "".join(f"\\{ch}" if ch in WILDCARDS else ch for ch in name)


# Linear: one alternation of fixed-length branches.
_SPECIAL = re.compile(r"\\[*?]|\[")


def _fnmatch_pattern(pattern: str) -> str:
    """The pattern in fnmatch's terms: `[` literal, an escaped wildcard a one-character class."""
    return _SPECIAL.sub(lambda m: "[[]" if m[0] == "[" else f"[{m[0][1]}]", pattern)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    # Only `*` and `?` are wildcards: `[` is literal, for PHP/Rails names like `user[email]`,
    # and `\*`, `\?` are the literal characters (a quoted column `"Qty*"`). Any other
    # backslash is literal. Linear enough: fnmatch.translate (3.9+) turns each `*` into an
    # atomic lazy scan (no nested backtracking) and the pattern is only `match`ed at offset 0.
    return re.compile(fnmatch.translate(_fnmatch_pattern(pattern.casefold())))


def glob_match(pattern: str, key: str) -> bool:
    """Case-insensitive glob match (`*` crosses dots: `*.created_at` matches any table)."""
    return _compile(pattern).match(key.casefold()) is not None


def column_matches(pattern: str, key: str) -> bool:
    """Tell whether a policy column pattern names this column key (`[schema.]table.column`)."""
    if glob_match(pattern, key):
        return True
    pattern_parts = pattern.count(".") + 1
    key_parts = key.split(".")
    if pattern_parts < len(key_parts):
        # `table.column` against `schema.table.column`: drop the schema.
        return glob_match(pattern, ".".join(key_parts[-pattern_parts:]))
    return False


def field_matches(pattern: str, key: str) -> bool:
    """Tell whether a policy form-field pattern names this field key (`form.field[.sub]`)."""
    return glob_match(pattern, key)


def is_glob(pattern: str) -> bool:
    """Whether a pattern has a wildcard (only `*` and `?` are: see `_compile`)."""
    return "*" in pattern or "?" in pattern


def _spellings(key: str, columns: bool) -> Iterator[str]:
    """What a literal pattern must be to name this key, case-folded.

    A field key whole; a column key also by its last parts (`table.column` names
    `schema.table.column`), as `column_matches` reads it.
    """
    parts = key.casefold().split(".")
    for start in range(len(parts) if columns else 1):
        yield ".".join(parts[start:])


class ColumnParts:
    """Column keys by each of their parts, to try a glob pattern only on keys it can match.

    A pattern whose first or last part is literal (`t12.*`, `*.created_at`) matches only
    keys holding that part (`column_matches` matches the key or its last parts, each from
    a part's start to a part's end), so only those are tried. Trying each of 300 `tN.*`
    rows of a reviewed list on all 21,000 columns took 13 s (codereview30 F4).
    """

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = list(dict.fromkeys(keys))
        self.by_part: dict[str, list[str]] = {}
        for key in self.keys:
            for part in dict.fromkeys(key.casefold().split(".")):
                self.by_part.setdefault(part, []).append(key)

    def matching(self, pattern: str) -> list[str]:
        """The keys `pattern` names (`column_matches`), in the order given."""
        literal = literal_parts(pattern)
        keys = self.keys
        if literal:
            keys = min((self.by_part.get(part, []) for part in literal), key=len)
        return [key for key in keys if column_matches(pattern, key)]


def literal_parts(pattern: str) -> list[str]:
    """The first and last parts of a column pattern that are literal text, case-folded (`t12.*`: `t12`).

    A key `column_matches` names holds each of them as a part of its own, so a pattern
    needs trying only on the keys that do. None for a pattern of one part (`*id`).
    """
    parts = pattern.split(".")
    if len(parts) < 2:
        return []
    return [p.casefold() for p in dict.fromkeys((parts[0], parts[-1])) if not _WILD_OR_ESCAPE.search(p)]


#: What makes a pattern's part no literal text: a wildcard, or a backslash (an escape, or itself).
_WILD_OR_ESCAPE = re.compile(r"[*?\\]")


class KeyIndex:
    """Evidence keys, for asking whether a pattern names any of them.

    A literal pattern (no `*` or `?`) is looked up among the keys and, for columns, their
    last parts; only a glob pattern is tried against each key. Trying every declared
    pattern against every key was patterns x keys matches on a large schema.
    """

    def __init__(self, keys: Iterable[str], *, columns: bool) -> None:
        self.keys = list(keys)
        self.columns = columns
        self.spellings = {spelling for key in self.keys for spelling in _spellings(key, columns)}

    def named(self, pattern: str) -> bool:
        """Whether the pattern names at least one key."""
        if not is_glob(pattern):
            return pattern.casefold() in self.spellings
        match = column_matches if self.columns else field_matches
        return any(match(pattern, key) for key in self.keys)


class _PatternIndex:
    """The data entries' column (or field) patterns, literal ones in a dict.

    A starter policy lists every column by name: trying each against every column was
    columns x patterns glob matches (OSCAR EMR's audit ran past two minutes). A pattern
    without `*` or `?` matches only the key (or, for columns, the key's last parts) spelt
    the same, so those are looked up; only glob patterns are tried one by one.
    """

    def __init__(self, policy: Policy, *, columns: bool) -> None:
        self.order = {name: i for i, name in enumerate(policy.data)}
        self.columns = columns
        self.literal: dict[str, list[Datum]] = {}
        self.globs: list[tuple[str, Datum]] = []
        for datum in policy.data.values():
            for pattern in datum.columns if columns else datum.form_fields:
                if is_glob(pattern):
                    self.globs.append((pattern, datum))
                else:
                    self.literal.setdefault(pattern.casefold(), []).append(datum)

    def data(self, key: str) -> list[Datum]:
        """Data entries with a pattern naming this key, in policy order."""
        found: dict[str, Datum] = {}
        for spelling in _spellings(key, self.columns):
            for datum in self.literal.get(spelling, ()):
                found.setdefault(datum.name, datum)
        match = column_matches if self.columns else field_matches
        for pattern, datum in self.globs:
            if datum.name not in found and match(pattern, key):
                found[datum.name] = datum
        return sorted(found.values(), key=lambda d: self.order[d.name])


class _IgnoreIndex:
    """The `ignore:` items as column patterns: literal ones in a set, globs in a list.

    `init --update --reviewed` writes one literal item per `false` row: a 19,904-row list
    left 13,000 of them, and trying each against every column was 99.5 M glob matches,
    two minutes of a run (codereview30 F4). A literal item names only the key (or the
    key's last parts) spelt the same, case aside, as `column_matches` reads it.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        self.literal: set[str] = set()
        self.globs: list[str] = []
        """Glob items with no literal first or last part (`*.created_at` has one; `*id` none)."""
        self.by_part: dict[str, list[str]] = {}
        """Glob items by a literal part (`bookings.*id`: `bookings`): tried only on keys holding it.

        `init --update --reviewed --key-patterns` writes one such item per table (fix31a):
        tried on every column, 3,000 of them were the 99.5 M matches again."""
        for pattern in patterns:
            if not is_glob(pattern):
                self.literal.add(pattern.casefold())
            elif literal := literal_parts(pattern):
                self.by_part.setdefault(literal[0], []).append(pattern)
            else:
                self.globs.append(pattern)

    def names_column(self, key: str) -> bool:
        """Whether an item names this column key (`[schema.]table.column`)."""
        if any(spelling in self.literal for spelling in _spellings(key, True)):
            return True
        held = dict.fromkeys(key.casefold().split("."))
        if any(column_matches(p, key) for part in held for p in self.by_part.get(part, ())):
            return True
        return any(column_matches(p, key) for p in self.globs)


class AliasIndex:
    """The fields of forms renamed by their paths, and the keys of their old names.

    A form named after its file is renamed by its path when another file's form has its
    name (`_form` -> `partners/children/_form`, see `cnsnt.sources.forms.names`); a
    policy pattern written with the old name (`_form.first_name`) still names its fields,
    unless the pattern names a field of a form that still has that name (`tax.*` for a
    `<form id="tax">`, beside a renamed `components/tax`): it means that form then.
    """

    def __init__(self, fields: Iterable[FormField] = ()) -> None:
        listed = [f for f in fields if f.name is not None]
        renamed = [f for f in listed if f.alias is not None]
        self.old: dict[str, str] = {f.key: f.keys[1] for f in renamed}
        """A renamed form's field key -> its key by the old name."""
        self.pairs = sorted(set(self.old.items()), key=lambda kv: (kv[1], kv[0]))
        self.literal: dict[str, list[str]] = {}
        for key, old in self.pairs:
            self.literal.setdefault(old.casefold(), []).append(key)
        old_names = {f.alias.casefold() for f in renamed if f.alias is not None}
        self.held = [f.key for f in listed if f.alias is None and f.form.casefold() in old_names]
        """Fields of the forms that still have a name other forms were renamed from."""
        self._reads: dict[str, bool] = {}

    def reads_old_names(self, pattern: str) -> bool:
        """Whether the pattern may name fields by their form's old name (see the class)."""
        if not self.held:
            return True
        if pattern not in self._reads:
            self._reads[pattern] = not any(field_matches(pattern, key) for key in self.held)
        return self._reads[pattern]

    def matches(self, pattern: str, field: FormField | str) -> bool:
        """Whether the pattern names the field (a key string: that key alone)."""
        if isinstance(field, str):
            return field_matches(pattern, field)
        if field_matches(pattern, field.key):
            return True
        old = field.keys[1] if field.alias is not None else None
        return old is not None and field_matches(pattern, old) and self.reads_old_names(pattern)

    def through_alias(self, pattern: str) -> list[str]:
        """The keys of the fields the pattern names by their old form name only, sorted."""
        if not self.pairs or not self.reads_old_names(pattern):
            return []
        if not is_glob(pattern):
            return sorted(self.literal.get(pattern.casefold(), []))
        return sorted(
            {k for k, old in self.pairs if field_matches(pattern, old) and not field_matches(pattern, k)}
        )


@dataclass
class PolicyIndex:
    """Lookups from evidence to the policy entries that mention it (built once per audit)."""

    policy: Policy
    aliases: AliasIndex = field(default_factory=AliasIndex)
    """The audit's renamed forms: a pattern with a form's old name still names its fields."""
    _column_cache: dict[str, list[Datum]] = field(default_factory=dict)
    _field_cache: dict[str, list[Datum]] = field(default_factory=dict)

    _columns: _PatternIndex | None = None
    _fields: _PatternIndex | None = None
    _ignored: _IgnoreIndex | None = None

    def data_for_column(self, key: str) -> list[Datum]:
        """Data entries whose `columns` name this column key."""
        if key not in self._column_cache:
            if self._columns is None:
                self._columns = _PatternIndex(self.policy, columns=True)
            self._column_cache[key] = self._columns.data(key)
        return self._column_cache[key]

    def data_for_field(self, field: FormField | str) -> list[Datum]:
        """Data entries whose `form_fields` name this field (a key string: that key alone)."""
        if isinstance(field, str):
            return self._data_for_key(field)
        found = self._data_for_key(field.key)
        if field.alias is None:
            return found
        own = {d.name for d in found}
        more = [
            d
            for d in self._data_for_key(field.keys[1])
            if d.name not in own and any(self.aliases.matches(p, field) for p in d.form_fields)
        ]
        if not more:
            return found
        order = {name: i for i, name in enumerate(self.policy.data)}
        return sorted([*found, *more], key=lambda d: order[d.name])

    def _data_for_key(self, key: str) -> list[Datum]:
        if key not in self._field_cache:
            if self._fields is None:
                self._fields = _PatternIndex(self.policy, columns=False)
            self._field_cache[key] = self._fields.data(key)
        return self._field_cache[key]

    def column_ignored(self, key: str) -> bool:
        """Listed under `ignore:` (not personal data)."""
        if self._ignored is None:
            self._ignored = _IgnoreIndex(self.policy.ignore)
        return self._ignored.names_column(key)

    def field_ignored(self, field: FormField | str) -> bool:
        """Listed under `ignore:`."""
        return any(self.aliases.matches(p, field) for p in self.policy.ignore)

    def consent_purposes_for_field(self, field: FormField | str) -> list[Purpose]:
        """Purposes that declare this field as (one of) their consent controls."""
        return [
            p
            for p in self.policy.purposes.values()
            if p.consent and any(self.aliases.matches(pat, field) for pat in p.consent.form_fields)
        ]

    def is_consent_field(self, f: FormField) -> bool:
        """Declared as a consent control in the policy."""
        return bool(f.name is not None and self.consent_purposes_for_field(f))

    def consent_columns(self) -> list[str]:
        """Every column pattern declared as a consent record."""
        return [c for p in self.policy.purposes.values() if p.consent for c in p.consent.columns]

    def is_consent_column(self, column: Column) -> bool:
        """A column declared as where consent is recorded."""
        return any(column_matches(p, column.key) for p in self.consent_columns())

    def column_decided(self, column: Column) -> bool:
        """Whether the policy says anything of the column: a data entry, `ignore:` or a consent record.

        CN101's tests: a column none of them names is one nobody has judged yet, which
        `explain-column --undecided` lists (review34 R34a D1, R34b D3).
        """
        key = column.key
        return bool(self.data_for_column(key) or self.column_ignored(key) or self.is_consent_column(column))

    def field_decided(self, field: FormField) -> bool:
        """Whether the policy says anything of a form field: a data entry, `ignore:` or a consent.

        CN101's tests for a field a person fills in: one none of them names is still to
        judge (`explain-column --undecided`, review34 R34b D7).
        """
        return bool(self.data_for_field(field) or self.field_ignored(field) or self.is_consent_field(field))


def any_match(patterns: Sequence[str], keys: Iterable[str], *, columns: bool) -> bool:
    """Tell whether any of the patterns matches any of the keys."""
    match = column_matches if columns else field_matches
    keys = list(keys)
    return any(match(p, k) for p in patterns for k in keys)
