"""The data-category and data-use taxonomy: the fideslang keys cnsnt ships, plus a policy's own.

The shipped files live in the top-level `policies/` folder and are installed as the
data package `cnsnt._policies`; they are read with `importlib.resources`, so this
works the same from a wheel, a zip or a source checkout.

A key is *special* when it, or any ancestor, is marked as a GDPR Art. 9 special
category, CPRA sensitive personal information, or children's data:
`user.health.condition` is special because `user.health` is, and so is an
unknown `user.health_and_medical.allergies` because `user.health_and_medical` is.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from types import MappingProxyType
from typing import Literal

import yaml

from cnsnt.policy.model import Policy, TaxonomyEntry

Kind = Literal["category", "use"]

#: Criminal convictions and offences data (GDPR Art. 10), with every key beneath it: it
#: rests on official authority or on a law that authorises it, never on consent or an
#: Art. 9(2) condition. The shipped file marks it `gdpr_special` (so reports and notices
#: treat it as sensitive); this says which article's grounds apply.
ARTICLE10_KEYS = frozenset({"user.criminal_history"})

_PACKAGE = "cnsnt._policies"
_FILES: dict[Kind, str] = {"category": "data_categories.yaml", "use": "data_uses.yaml"}
#: libyaml's safe loader reads the shipped taxonomy ~8x faster; same documents.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class TaxonomyItem:
    """One data category or data use."""

    key: str
    name: str
    description: str = ""
    parent: str | None = None
    gdpr_special: bool = False
    """A GDPR Art. 9 special category (Art. 10 criminal data is marked too)."""
    cpra_sensitive: bool = False
    """CPRA "sensitive personal information" (Cal. Civ. Code 1798.140(ae))."""
    children: bool = False
    """Children's data (GDPR Art. 8, COPPA)."""
    special_kind: str | None = None
    """How reports name the special category, e.g. "GDPR Art. 9 health data"."""
    deprecated: str | None = None
    """The fideslang version that deprecated the key."""
    replaced_by: str | None = None
    origin: str = "fideslang"
    """`fideslang` for shipped keys, `policy` for keys a policy defines."""

    @property
    def special(self) -> bool:
        """Marked special itself (ancestors not considered)."""
        return self.gdpr_special or self.cpra_sensitive or self.children


def _parent_of(key: str) -> str | None:
    return key.rsplit(".", 1)[0] if "." in key else None


def _item(key: str, raw: Mapping[str, object]) -> TaxonomyItem:
    def text(name: str) -> str | None:
        value = raw.get(name)
        return None if value is None else str(value)

    return TaxonomyItem(
        key=key,
        name=text("name") or key,
        description=text("description") or "",
        parent=text("parent") or _parent_of(key),
        gdpr_special=bool(raw.get("gdpr_special", False)),
        cpra_sensitive=bool(raw.get("cpra_sensitive", False)),
        children=bool(raw.get("children", False)),
        special_kind=text("special_kind"),
        deprecated=text("deprecated"),
        replaced_by=text("replaced_by"),
    )


def _read(kind: Kind) -> dict[str, TaxonomyItem]:
    text = resources.files(_PACKAGE).joinpath(_FILES[kind]).read_text(encoding="utf-8")
    doc = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader, C when available
    if not isinstance(doc, dict):  # pragma: no cover - the shipped files are tested
        raise ValueError(f"{_FILES[kind]}: expected a mapping of keys")
    return {str(key): _item(str(key), value or {}) for key, value in doc.items()}


@dataclass(frozen=True)
class Taxonomy:
    """Known data categories and data uses, keyed by their dotted fideslang key."""

    categories: Mapping[str, TaxonomyItem] = field(default_factory=dict)
    uses: Mapping[str, TaxonomyItem] = field(default_factory=dict)

    def with_policy(self, policy: Policy) -> Taxonomy:
        """A new taxonomy with the policy's own `taxonomy:` entries added.

        A policy entry may add a key or describe a shipped one again; it can mark a
        key special but never un-mark a shipped special category.
        """
        if not policy.categories and not policy.uses:
            return self
        return Taxonomy(
            categories=MappingProxyType(
                _merge(self.categories, policy.categories, special_ok=True)
            ),
            uses=MappingProxyType(_merge(self.uses, policy.uses, special_ok=False)),
        )

    def items(self, kind: Kind) -> Mapping[str, TaxonomyItem]:
        """The categories or the uses."""
        return self.categories if kind == "category" else self.uses

    def is_category(self, key: str) -> bool:
        """True for a known data-category key."""
        return key in self.categories

    def is_use(self, key: str) -> bool:
        """True for a known data-use key."""
        return key in self.uses

    def _marked(self, key: str) -> TaxonomyItem | None:
        """The nearest item at or above `key` that is marked special."""
        current: str | None = key
        while current:
            item = self.categories.get(current)
            if item is not None and item.special:
                return item
            current = item.parent if item is not None and item.parent else _parent_of(current)
        return None

    def is_special(self, key: str) -> bool:
        """True when the category or any ancestor is a special category."""
        return self._marked(key) is not None

    def special_under(self, key: str, *, cpra: bool = False) -> bool:
        """Special under the regime in force: GDPR Art. 9 (or policy-declared) always.

        CPRA sensitive personal information counts only when `cpra` is set: under the
        GDPR a card number or a password rests on a contract like any datum.
        """
        current: str | None = key
        seen: set[str] = set()
        while current and current not in seen:
            seen.add(current)
            item = self.categories.get(current)
            if item is not None:
                if item.gdpr_special or (item.origin == "policy" and item.special):
                    return True
                if cpra and item.cpra_sensitive:
                    return True
            # A policy's own key names its parent; shipped keys are dotted paths.
            parent = item.parent if item is not None and item.parent else None
            current = parent or current.rpartition(".")[0] or None
        return False

    def is_article10(self, key: str) -> bool:
        """True when the category or any ancestor is GDPR Art. 10 criminal-offence data."""
        current: str | None = key
        seen: set[str] = set()
        while current and current not in seen:
            seen.add(current)
            if current in ARTICLE10_KEYS:
                return True
            item = self.categories.get(current)
            parent = item.parent if item is not None and item.parent else None
            current = parent or current.rpartition(".")[0] or None
        return False

    def special_kind(self, key: str) -> str | None:
        """What makes the category special, for messages; None when it is not special."""
        item = self._marked(key)
        if item is None:
            return None
        if item.special_kind:
            return item.special_kind
        if item.origin == "policy":
            return f"special category (declared by the policy as {item.key})"
        labels = []
        if item.gdpr_special:
            labels.append("GDPR Art. 9 special category")
        if item.cpra_sensitive:
            labels.append("CPRA sensitive personal information")
        if item.children:
            labels.append("children's data")
        return "; ".join(labels)

    def suggest(self, key: str, kind: Kind) -> str | None:
        """The closest known key to a misspelt one, or None when nothing is close."""
        known = self.items(kind)
        if key in known:
            return key
        lowered = {k.lower(): k for k in known}
        if key.lower() in lowered:
            return lowered[key.lower()]
        # A wrong or missing prefix ("contact.email", "user.email"): match the last part.
        last = key.lower().rsplit(".", 1)[-1]
        by_tail: dict[str, list[str]] = {}
        for k in sorted(known):
            by_tail.setdefault(k.rsplit(".", 1)[-1].lower(), []).append(k)
        if len(by_tail.get(last, ())) == 1:
            return by_tail[last][0]
        matches = difflib.get_close_matches(key.lower(), sorted(lowered), n=1, cutoff=0.8)
        if matches:
            return lowered[matches[0]]
        tails = difflib.get_close_matches(last, sorted(by_tail), n=1, cutoff=0.8)
        if tails and len(by_tail[tails[0]]) == 1:
            return by_tail[tails[0]][0]
        return None


def _merge(
    shipped: Mapping[str, TaxonomyItem],
    entries: Mapping[str, TaxonomyEntry],
    *,
    special_ok: bool,
) -> dict[str, TaxonomyItem]:
    merged = dict(shipped)
    for key, entry in entries.items():
        old = merged.get(key)
        special = entry.special and special_ok
        if old is None:
            merged[key] = TaxonomyItem(
                key=key,
                name=entry.name or key,
                description=entry.description or "",
                parent=entry.parent or _parent_of(key),
                gdpr_special=special,
                origin="policy",
            )
        else:
            merged[key] = replace(
                old,
                name=entry.name or old.name,
                description=entry.description or old.description,
                parent=entry.parent or old.parent,
                gdpr_special=old.gdpr_special or special,
                special_kind=old.special_kind
                or (f"special category (declared by the policy as {key})" if special else None),
            )
    return merged


@functools.cache
def load_taxonomy() -> Taxonomy:
    """The shipped taxonomy (read once per process)."""
    return Taxonomy(
        categories=MappingProxyType(_read("category")), uses=MappingProxyType(_read("use"))
    )
