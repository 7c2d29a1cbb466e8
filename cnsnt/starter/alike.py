"""What an `ignore:` item meant for a column would silence among the form fields, and the reverse.

`ignore:` names columns and form fields alike (SPEC): `signup.flarn` silences the column
`flarn` of a table `signup` and the field `flarn` of a form `signup`. A reviewed list
answers each apart (codereview29 F1), so a `false` for one must not put an item under
`ignore:` that also silences the other, which the list says is personal or does not
judge: `init --update --reviewed` says so instead of writing it.
"""

from __future__ import annotations

from collections.abc import Mapping

from cnsnt.evidence import Evidence, FieldRole
from cnsnt.matching import PolicyIndex, column_matches, is_glob
from cnsnt.starter.reviewed import Review


class Alike:
    """The sources' columns and form fields by key, to ask what a pattern names of each kind."""

    def __init__(
        self,
        evidence: Evidence,
        index: PolicyIndex,
        by_column: Mapping[str, Review],
        by_field: Mapping[str, Review],
    ) -> None:
        self._evidence = evidence
        self._index = index
        self._by_column = by_column
        self._by_field = by_field
        # a key looked up, not every column matched: a list of thousands of rows stays linear
        self._columns: dict[str, list[str]] = {}
        for column in evidence.columns:
            self._columns.setdefault(column.key.casefold(), []).append(column.key)
            short = f"{column.table}.{column.name}".casefold()
            if short != column.key.casefold():
                self._columns.setdefault(short, []).append(column.key)
        inputs = (f for f in evidence.fields if f.name is not None and f.role is FieldRole.INPUT)
        self._fields = {f.key.casefold(): f.key for f in inputs}

    def field_for(self, pattern: str) -> str | None:
        """A form field a person fills in that `pattern` names, not ignored and not marked not personal."""
        if is_glob(pattern):
            keys = [f.key for f in self._evidence.fields if f.key.casefold() in self._fields
                    and self._index.aliases.matches(pattern, f)]
        else:  # its key, or a form's old name (`cnsnt.matching.AliasIndex`)
            own = self._fields.get(pattern.casefold())
            keys = ([own] if own else []) + self._index.aliases.through_alias(pattern)
        return next((k for k in keys if self._open(k, self._by_field, self._index.field_ignored(k))), None)

    def column_for(self, pattern: str) -> str | None:
        """A column `pattern` names, not ignored yet and not marked not personal."""
        if is_glob(pattern):
            keys = [c.key for c in self._evidence.columns if column_matches(pattern, c.key)]
        else:
            keys = self._columns.get(pattern.casefold(), [])
        return next((k for k in keys if self._open(k, self._by_column, self._index.column_ignored(k))), None)

    def any_field(self, pattern: str) -> bool:
        """Whether `pattern` names a form field, ignored or not."""
        fields = (f for f in self._evidence.fields if f.name is not None)
        return any(self._index.aliases.matches(pattern, f) for f in fields)

    def any_column(self, pattern: str) -> bool:
        """Whether `pattern` names a column."""
        if not is_glob(pattern):
            return pattern.casefold() in self._columns
        return any(column_matches(pattern, c.key) for c in self._evidence.columns)

    @staticmethod
    def _open(key: str, reviews: Mapping[str, Review], ignored: bool) -> bool:
        """Whether an item silencing `key` would say something about it nobody said."""
        row = reviews.get(key.casefold())
        return not ignored and (row is None or row.personal)
