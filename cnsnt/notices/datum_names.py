"""What a notice calls a data entry whose label it cannot show: never the entry's key.

An entry's key (`users_records`, `ui_templates_form_input`) is the policy's name for
it, made from table and folder names; a customer must never read it (review36 R36b D7,
review37 R37a D7: `Personenbezogene Daten (users_records)` in a German draft). Where
the policy gives no label a customer can read (none at all, or, in a draft, the one
`cnsnt init` made up), a notice shows the entry's category in its own language, finer
where entries of one coarse category differ (`labels.fine_category_name`). Entries that
still share those words have nothing a customer could tell apart: a draft marks each as
a gap that says where its `label:` goes, and a notice for publication is refused (CN602).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cnsnt.policy.init_labels import is_starter_wording, names_code
from cnsnt.policy.model import Policy
from cnsnt.policy.taxonomy import load_taxonomy

from . import labels
from .i18n import Lang
from .texts import default_language, pick


@dataclass(frozen=True)
class StandIn:
    """The words a notice shows for an entry in place of its label."""

    words: str
    """The entry's category, named in the notice's language."""
    shared: bool
    """Another row of the notice shows the same words: nothing tells this one apart."""
    starter: bool
    """It stands for a label `cnsnt init` wrote (else the entry has no label)."""


def starter_labels(policy: Policy) -> list[str]:
    """Data entries whose label is still the one `cnsnt init` wrote, in policy order.

    Its words name code (a folder, a table) in English, so a draft does not print them
    as the name of the data. Only a plain label with the starter's comment beside it
    and the starter's words counts (`cnsnt.policy.init_labels`): a person's label,
    in any form, never does.
    """
    shipped = load_taxonomy()
    out = []
    for name, datum in policy.data.items():
        if not datum.label_noted or datum.label is None:
            continue
        words = datum.label.values.get(None)
        if words is None or len(datum.label.values) != 1:
            continue
        item = shipped.categories.get(datum.category)
        if is_starter_wording(words, datum.category, item.name if item is not None else None):
            out.append(name)
    return out


def code_labels(policy: Policy) -> list[str]:
    """Starter labels that name tables, forms or folders (`Records kept about users`).

    `cnsnt init` writes them for fields of a kind it cannot name; a notice for
    publication refuses them, as it would the entry's key (CN602).
    """
    out = []
    for name in starter_labels(policy):
        label = policy.data[name].label
        if label is not None and names_code(label.values.get(None) or "", policy.data[name].category):
            out.append(name)
    return out


def category_words(policy: Policy, L: Lang, names: Iterable[str]) -> dict[str, str]:
    """Each entry's category in `L`'s language: its coarse name, or its finer one.

    The finer one where entries of one coarse name hold different finer categories
    (`user.contact.email`, `user.contact.address.city`: "Email address", "City", not
    "Contact details" twice).
    """
    names = list(names)
    coarse = {
        name: labels.category_name(L, policy.data[name].category)
        or labels.category_name(L, "user")
        or policy.data[name].category
        for name in names
    }
    kinds: dict[str, set[str]] = {}
    for name in names:
        kinds.setdefault(coarse[name], set()).add(policy.data[name].category)
    return {
        name: (labels.fine_category_name(L, policy.data[name].category) or coarse[name])
        if len(kinds[coarse[name]]) > 1
        else coarse[name]
        for name in names
    }


def stand_ins(policy: Policy, L: Lang, *, draft: bool) -> dict[str, StandIn]:
    """The entries a notice in `L`'s language names by their category, and the words.

    Every entry without a label, and in a draft every label `cnsnt init` wrote. An
    entry is `shared` when another row of the notice (a stand-in, or a label as the
    notice shows it) reads the same.
    """
    starters = set(starter_labels(policy)) if draft else set()
    names = [n for n, d in policy.data.items() if d.label is None or n in starters]
    words = category_words(policy, L, names)
    default = default_language(policy)
    seen: dict[str, int] = {}
    for name, datum in policy.data.items():
        if name in words:
            shown: str | None = words[name]
        else:
            picked = pick(datum.label, L.code, default) if datum.label is not None else None
            shown = picked.text if picked is not None else None
        if shown is not None:
            key = shown.casefold()
            seen[key] = seen.get(key, 0) + 1
    return {
        name: StandIn(words[name], seen[words[name].casefold()] > 1, name in starters)
        for name in names
    }
