"""The labels `cnsnt init` writes, and how a loaded policy tells one nobody has changed.

A starter's data entry gets an English label naming what cnsnt saw in the code
(`Records kept about User`, `What people enter in the forms in Views/Consultas/`, the
taxonomy's `Cookie ID`): a developer's words for the reviewer to replace, with the
comment `# fill in: how the people you ask name it` beside them. A draft notice must not
print them as the name of the data (review22 D13), and must never mistake a person's
label for one: a label counts as the starter's only while both hold, the comment is
still on its line and its words are still the ones the starter writes. A label a person
wrote, or changed and left the comment beside, is theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cnsnt.model import Location

#: The comment `cnsnt init` writes beside every label it makes up.
LABEL_NOTE = "fill in: how the people you ask name it"

#: How the starter's labels for fields of unknown kind open (`cnsnt.starter.groups`);
#: the rest names a folder, a form or a table.
OPENINGS = (
    "What people enter in the ",
    "Records kept about ",
    "Records kept in ",
    "Records in ",
    "Other details about ",
)

#: The category the starter gives a field of unknown kind (`cnsnt.starter.fields`).
_UNKNOWN = "user"


def noted_labels(
    data: object, locations: Mapping[tuple[str | int, ...], Location], text: str
) -> set[str]:
    """Data entries of one policy file whose label line still ends with LABEL_NOTE.

    Read from the text, since the YAML loader drops comments: the label's value starts
    on the line its location names, and the starter writes it and the comment on one line.
    """
    if not isinstance(data, dict) or not isinstance(data.get("data"), dict):
        return set()
    lines = text.splitlines()
    out = set()
    for name, entry in data["data"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            continue
        mark = locations.get(("data", name, "label"))
        if mark is None or not mark.line or not 0 < mark.line <= len(lines):
            continue
        rest = lines[mark.line - 1][max((mark.column or 1) - 1, 0) :]
        if rest.rstrip().endswith(f"# {LABEL_NOTE}"):
            out.add(str(name))
    return out


def _unnumbered(label: str) -> str:
    """`Name (2)` -> `Name`: the starter numbers a label another entry already has."""
    head, sep, tail = label.rpartition(" (")
    if sep and tail.endswith(")") and tail[:-1].isdigit():
        return head
    return label


def is_starter_wording(label: str, category: str, taxonomy_name: Any) -> bool:
    """Whether `label` is a label `cnsnt init` writes for an entry of `category`.

    `taxonomy_name`: the shipped taxonomy's English name of the category (what the
    starter writes for a field whose kind it knows), or None.
    """
    words = _unnumbered(label)
    if words in (category, taxonomy_name):
        return True
    return category == _UNKNOWN and words.startswith(OPENINGS)


def names_code(label: str, category: str) -> bool:
    """Whether a starter's `label` is one init writes for fields of a kind it cannot name.

    Those name tables, forms or folders (`Records kept about users`, `What people enter
    in the forms in ui/templates/`), unlike a category's name (`User Contact Email`).
    """
    return category == _UNKNOWN and _unnumbered(label).startswith(OPENINGS)
