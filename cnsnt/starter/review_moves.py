"""The lines of a policy that init wrote and nobody edited, which a reviewed list may move.

`cnsnt init` declares every column it calls personal, the unsure ones too, each with
its reason as a comment (`- members.tier   # unsure, check: ... [db/schema.sql:4]`).
The reviewer's `false` (or another `category`) on such a column is exactly the check
that comment asks for, so `init --update --reviewed` takes that one line out and puts
the column under `ignore:` or into the entry of the given category (review34 R34a D2,
R34b D4). So is a form field's line under `form_fields:` (R34b D7). A line a person
wrote or edited (another comment, none, a pattern, a flow list, a reviewer's own
`marked personal in ...`) is never touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.starter.join import is_flow
from cnsnt.starter.update import NOTE, load_rt, policy_lines
from cnsnt.starter.yaml_text import scalar

#: How init's unsure comments start (`cnsnt.starter.render.why`).
_UNSURE = "unsure, check"
#: A reviewer's decision, which a later list does not undo silently.
_DECIDED = "marked personal in "


#: The lists of a data entry whose lines may move: a column's, a form field's.
LISTS = ("columns", "form_fields")


@dataclass(frozen=True)
class InitLine:
    """A block-list item of a data entry's `columns:` or `form_fields:` as init wrote it."""

    entry: str
    pattern: str
    """The item as written: a column's or a field's key, escaped."""
    line: int
    """Its line in the text, from 0."""
    siblings: int
    """How many items its list has."""
    kind: str = "columns"
    """The list it is in: `columns` or `form_fields`."""


def init_lines(text: str, shown: str) -> dict[tuple[str, str], InitLine]:
    """Each data entry's list item that init wrote and nobody edited, by `(list, pattern case-folded)`."""
    top = load_rt(text, shown)
    lines, _ = policy_lines(text)
    data = top.get("data")
    out: dict[tuple[str, str], InitLine] = {}
    if not isinstance(data, CommentedMap):
        return out
    for name, datum in data.items():
        for kind in LISTS:
            items = datum.get(kind) if isinstance(datum, CommentedMap) else None
            if not isinstance(items, CommentedSeq) or is_flow(items) or not isinstance(name, str):
                continue
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    continue
                row, col = items.lc.item(i)
                if row < len(lines) and _by_init(lines[row], col, item):
                    out.setdefault((kind, item.casefold()), InitLine(name, item, row, len(items), kind))
    return out


def _by_init(text: str, col: int, item: str) -> bool:
    """Whether `text` is `- ITEM  # COMMENT` with the item at `col` and a comment init writes."""
    body = text.rstrip("\r\n")
    written = scalar(item)
    if col < 2 or body[: col - 2].strip() or body[col - 2 : col] != "- ":
        return False
    if not body[col:].startswith(written):
        return False
    rest = body[col + len(written) :]
    if not rest[:1].isspace() or not rest.lstrip().startswith("# "):
        return False
    note = rest.lstrip()[2:].strip()
    note = note.removeprefix(f"{NOTE}; ")
    if _DECIDED in note:
        return False
    if note.startswith(_UNSURE):
        return True
    # the classifier's reason, then where the column is: `... [db/schema.sql:9]`
    where = note[note.rfind("[") + 1 : -1] if note.endswith("]") and "[" in note else ""
    return bool(where) and where.rpartition(":")[2].isdigit()


def drop_lines(text: str, rows: Sequence[int]) -> str:
    """`text` without the lines `rows` (from 0); every other byte as it was."""
    if not rows:
        return text
    gone = set(rows)
    lines = text.splitlines(keepends=True)
    return "".join(line for i, line in enumerate(lines) if i not in gone)


def removed_by_entry(moves: Sequence[InitLine]) -> dict[str, dict[str, list[str]]]:
    """The patterns taken out of each entry's lists: entry -> `columns`/`form_fields` -> patterns."""
    out: dict[str, dict[str, list[str]]] = {}
    for moved in moves:
        out.setdefault(moved.entry, {}).setdefault(moved.kind, []).append(moved.pattern)
    return out
