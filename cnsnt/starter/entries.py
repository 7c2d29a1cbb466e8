"""Group undeclared personal fields into data entries, one per category.

The fields of unknown kind are split by the person or the form folder they belong
to (`cnsnt.starter.groups`), so each entry is one thing to decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cnsnt.classify import TableReading
from cnsnt.policy.taxonomy import Taxonomy
from cnsnt.starter.fields import UNKNOWN_CATEGORY, PersonalField
from cnsnt.starter.groups import name_part, unknown_kind_groups


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
    article10: bool = False
    """Criminal convictions and offences data (GDPR Art. 10): it needs one of Art. 10's
    grounds (official authority, a law that authorises it), never consent."""
    notes: tuple[str, ...] = ()
    """Comment lines under the name: what the entry holds and what to decide."""
    stem: str = ""
    """The name it would take were it free (`staff_details` for `staff_details_2`): on
    `--update`, the existing entry of that name is the same group's."""
    former: str = ""
    """`stem` as an older cnsnt spelt it, when it differs (`yeler_details` for `uyeler_details`:
    non-ASCII letters were dropped); `--update` finds an open entry of that name too."""
    shared: frozenset[str] = frozenset()
    """Of `stem` and `former`, the names another table or form may have too (`Group.shared`):
    `--update` takes an entry so named only when it holds this group's fields or label."""

    @property
    def count(self) -> int:
        """How many fields the entry declares (a `form.*` pattern counts its form's)."""
        return sum(f.covers for f in (*self.columns, *self.form_fields))


#: Leaf words that say little alone: `user.name.first` is `first_name`, not `first`.
_VAGUE = frozenset({"first", "last", "middle", "public", "private", "other", "general", "settings"})


#: The most parts of a category a candidate name takes: a policy's category of thousands of
#: dots would otherwise give thousands of names of thousands of parts (sweep36b).
_MOST_PARTS = 8


def _names(category: str) -> list[str]:
    """Candidate entry names, shortest first: `user.contact.email` -> email, contact_email, ...

    A category the policy's own `taxonomy:` defines may be any text (`user.größe`,
    `user.1st_club`): its parts are made name parts as a group's are, letters folded to
    ASCII (`grosse`, `_1st_club`), or the policy would not load (codereview28 F5). Only
    the last `_MOST_PARTS` parts are offered.
    """
    parts = [p for p in (name_part(x) for x in category.split(".") if x != "user") if p]
    parts = parts or ["personal_data"]
    if parts[-1] in _VAGUE and len(parts) > 1:
        parts = [*parts[:-2], f"{parts[-1]}_{parts[-2]}"]
    return ["_".join(parts[-n:]) for n in range(1, min(len(parts), _MOST_PARTS) + 1)]


def _unique(names: Sequence[str], taken: set[str]) -> str:
    """The first of `names` not taken, else the last one numbered (`staff_details_2`)."""
    for name in names:
        if name not in taken:
            return name
    base = names[-1]
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def _entry(
    name: str,
    label: str,
    category: str,
    members: Iterable[PersonalField],
    taxonomy: Taxonomy,
    notes: tuple[str, ...] = (),
    stem: str = "",
    former: str = "",
    shared: frozenset[str] = frozenset(),
) -> Entry:
    ordered = sorted(members, key=lambda f: f.key)
    return Entry(
        name=name,
        label=label,
        category=category,
        columns=tuple(f for f in ordered if f.kind == "column"),
        form_fields=tuple(f for f in ordered if f.kind == "form_field"),
        special=taxonomy.special_kind(category),
        article9=taxonomy.special_under(category),
        article10=taxonomy.is_article10(category),
        notes=notes,
        stem=stem or name,
        former=former,
        shared=shared,
    )


def group(
    fields: Iterable[PersonalField],
    taxonomy: Taxonomy,
    taken: Iterable[str] = (),
    tables: TableReading | None = None,
    *,
    merge_small: bool = True,
) -> list[Entry]:
    """One entry per category, named so it collides with no existing data entry.

    Fields of unknown kind (the root category) come last, split into the groups of
    `unknown_kind_groups` (`tables`: every table read, as the classifier read them, for
    who each row is about; None when no tables were read).
    """
    by_category: dict[str, list[PersonalField]] = {}
    for field in fields:
        by_category.setdefault(field.category, []).append(field)
    used = set(taken)
    entries: list[Entry] = []
    categories = taxonomy.items("category")
    for category in sorted(c for c in by_category if c != UNKNOWN_CATEGORY):
        name = _unique(_names(category), used)
        used.add(name)
        item = categories.get(category)
        label = item.name if item is not None else category
        members = by_category[category]
        entries.append(_entry(name, label, category, members, taxonomy, stem=_names(category)[0]))
    # The root category last: the fields a reviewer sorts out by hand, in groups to judge apart.
    for found in unknown_kind_groups(by_category.get(UNKNOWN_CATEGORY, ()), tables, merge_small=merge_small):
        # its preferred name, numbered beside an existing one (`staff_details_2` on --update)
        name = _unique(found.names[:1], used)
        used.add(name)
        stem, former = found.names[0], found.former[0] if found.former else ""
        shared = found.shared & {stem, former}
        entries.append(
            _entry(
                name, found.label, UNKNOWN_CATEGORY, found.fields, taxonomy, found.notes, stem, former, shared
            )
        )
    return entries
