"""Group undeclared personal fields into data entries, one per category."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cnsnt.policy.taxonomy import Taxonomy
from cnsnt.starter.fields import PersonalField


@dataclass(frozen=True)
class Entry:
    """A data entry to propose: its name, label, category and the fields it covers."""

    name: str
    label: str
    category: str
    columns: tuple[PersonalField, ...]
    form_fields: tuple[PersonalField, ...]
    special: str | None = None
    """What makes the category special (GDPR Art. 9, CPRA sensitive), or None."""
    article9: bool = False
    """A GDPR Art. 9 category: processing it needs an Art. 9(2) condition."""

    @property
    def count(self) -> int:
        """How many fields the entry declares (a `form.*` pattern counts its form's)."""
        return sum(f.covers for f in (*self.columns, *self.form_fields))


#: Leaf words that say little alone: `user.name.first` is `first_name`, not `first`.
_VAGUE = frozenset({"first", "last", "middle", "public", "private", "other", "general", "settings"})


def _names(category: str) -> list[str]:
    """Candidate entry names, shortest first: `user.contact.email` -> email, contact_email, ..."""
    parts = [p for p in category.split(".") if p != "user"] or ["personal_data"]
    if parts[-1] in _VAGUE and len(parts) > 1:
        parts = [*parts[:-2], f"{parts[-1]}_{parts[-2]}"]
    return ["_".join(parts[-n:]) for n in range(1, len(parts) + 1)]


def _unique(category: str, taken: set[str]) -> str:
    for name in _names(category):
        if name not in taken:
            return name
    base = _names(category)[-1]
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def group(fields: Iterable[PersonalField], taxonomy: Taxonomy, taken: Iterable[str] = ()) -> list[Entry]:
    """One entry per category, named so it collides with no existing data entry."""
    by_category: dict[str, list[PersonalField]] = {}
    for field in fields:
        by_category.setdefault(field.category, []).append(field)
    used = set(taken)
    entries: list[Entry] = []
    categories = taxonomy.items("category")
    # The root category (kind unknown) last: it is the one to sort out by hand.
    for category in sorted(by_category, key=lambda c: (c == "user", c)):
        members = sorted(by_category[category], key=lambda f: f.key)
        name = _unique(category, used)
        used.add(name)
        item = categories.get(category)
        entries.append(
            Entry(
                name=name,
                label=item.name if item is not None else category,
                category=category,
                columns=tuple(f for f in members if f.kind == "column"),
                form_fields=tuple(f for f in members if f.kind == "form_field"),
                special=taxonomy.special_kind(category),
                article9=taxonomy.special_under(category),
            )
        )
    return entries
