"""The data map as plain frozen records: one `DatumMap` per `data:` entry of the policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: How the data map and the Art. 30 record mark a label `cnsnt init` wrote.
LABEL_GAP = "label not yet written"


def marked_label(label: str, gap: bool) -> str:
    """A label as printed: a gap (the category standing in for `cnsnt init`'s label) marked."""
    return f"{label} [{LABEL_GAP}]" if gap else label


@dataclass(frozen=True)
class Place:
    """A form field or column a datum lives in, and where the sources show it."""

    key: str
    """`form.field` or `table.column` as found (or the policy's pattern when not found)."""
    where: str | None
    """`path:line:column` of the evidence; None when no source shows it."""
    found: bool = True


@dataclass(frozen=True)
class Use:
    """Queries that touch a datum under one purpose."""

    purpose: str
    """A purpose key, or `(none)` when the query has no purpose."""
    declared: bool
    """The datum lists this purpose (False: a use beyond purpose, see CN301)."""
    reads: int
    writes: int
    where: tuple[str, ...]
    """`path:line` of each query, in order."""


@dataclass(frozen=True)
class RecipientLink:
    """Someone a datum is disclosed to."""

    key: str
    name: str
    country: str | None
    outside_eea: bool
    safeguard: str | None
    """The policy's safeguard text (its first language), or the adequacy decision."""
    purposes: tuple[str, ...] = ()
    """The recipient's own purposes (empty: any of the datum's)."""


@dataclass(frozen=True)
class DatumMap:
    """One datum: where it is collected, stored, used and shared."""

    key: str
    label: str
    category: str
    special: bool
    purposes: tuple[str, ...]
    retention: str | None
    collected: tuple[Place, ...]
    stored: tuple[Place, ...]
    used: tuple[Use, ...]
    shared: tuple[RecipientLink, ...]
    label_gap: bool = False
    """The label is `cnsnt init`'s, not yet written: `label` is the category's name."""

    @property
    def shown_label(self) -> str:
        """The label as the map prints it, a gap marked as one."""
        return marked_label(self.label, self.label_gap)


@dataclass(frozen=True)
class Inventory:
    """The data map of one policy and its sources."""

    policy: str
    controller: str
    data: tuple[DatumMap, ...]
    purposes: dict[str, str] = field(default_factory=dict)
    """Purpose key -> description (first language)."""
    undeclared: tuple[Place, ...] = ()
    """Personal data the sources hold that no data entry declares (CN101)."""
    audited: tuple[str, ...] = ()
    """Which source kinds were read: schemas, databases, forms, queries."""

    def to_json(self) -> dict[str, Any]:
        """Plain data for `--format json`."""
        out: dict[str, Any] = _plain(self)
        for datum in out["data"]:
            if not datum["label_gap"]:
                del datum["label_gap"]  # said only when true, as a notice's `gap`
        return out


def _plain(value: object) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value
