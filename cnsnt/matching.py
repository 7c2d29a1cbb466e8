"""Match evidence against policy patterns (`table.column`, `form.field`, globs).

Identifiers match case-insensitively (SPEC §1: unquoted identifiers). A
two-part column pattern `table.column` matches a column in any schema; a
three-part one also pins the schema.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from cnsnt.evidence import Column, FormField
from cnsnt.policy.model import Datum, Policy, Purpose


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    # Only `*` and `?` are wildcards: `[` is literal, for PHP/Rails names like `user[email]`.
    # Linear enough: fnmatch.translate (3.9+) turns each `*` into an atomic lazy scan
    # (no nested backtracking) and the pattern is only `match`ed at offset 0.
    return re.compile(fnmatch.translate(pattern.lower().replace("[", "[[]")))


def glob_match(pattern: str, key: str) -> bool:
    """Case-insensitive glob match (`*` crosses dots: `*.created_at` matches any table)."""
    return _compile(pattern).match(key.lower()) is not None


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


@dataclass
class PolicyIndex:
    """Lookups from evidence to the policy entries that mention it (built once per audit)."""

    policy: Policy
    _column_cache: dict[str, list[Datum]] = field(default_factory=dict)
    _field_cache: dict[str, list[Datum]] = field(default_factory=dict)

    def data_for_column(self, key: str) -> list[Datum]:
        """Data entries whose `columns` name this column key."""
        if key not in self._column_cache:
            self._column_cache[key] = [
                d
                for d in self.policy.data.values()
                if any(column_matches(p, key) for p in d.columns)
            ]
        return self._column_cache[key]

    def data_for_field(self, key: str) -> list[Datum]:
        """Data entries whose `form_fields` name this field key."""
        if key not in self._field_cache:
            self._field_cache[key] = [
                d
                for d in self.policy.data.values()
                if any(field_matches(p, key) for p in d.form_fields)
            ]
        return self._field_cache[key]

    def column_ignored(self, key: str) -> bool:
        """Listed under `ignore:` (not personal data)."""
        return any(column_matches(p, key) for p in self.policy.ignore)

    def field_ignored(self, key: str) -> bool:
        """Listed under `ignore:`."""
        return any(field_matches(p, key) for p in self.policy.ignore)

    def consent_purposes_for_field(self, key: str) -> list[Purpose]:
        """Purposes that declare this field as (one of) their consent controls."""
        return [
            p
            for p in self.policy.purposes.values()
            if p.consent and any(field_matches(pat, key) for pat in p.consent.form_fields)
        ]

    def is_consent_field(self, f: FormField) -> bool:
        """Declared as a consent control in the policy."""
        return bool(f.name is not None and self.consent_purposes_for_field(f.key))

    def consent_columns(self) -> list[str]:
        """Every column pattern declared as a consent record."""
        return [c for p in self.policy.purposes.values() if p.consent for c in p.consent.columns]

    def is_consent_column(self, column: Column) -> bool:
        """A column declared as where consent is recorded."""
        return any(column_matches(p, column.key) for p in self.consent_columns())


def any_match(patterns: Sequence[str], keys: Iterable[str], *, columns: bool) -> bool:
    """Tell whether any of the patterns matches any of the keys."""
    match = column_matches if columns else field_matches
    keys = list(keys)
    return any(match(p, k) for p in patterns for k in keys)
