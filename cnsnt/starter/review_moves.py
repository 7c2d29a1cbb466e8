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
from cnsnt.starter.yaml_text import comment, scalar

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
    unsure: bool = False
    """Its comment is init's `unsure, check: ...`: a question nobody has answered yet, which
    `explain-column --undecided` lists (review35 R35a D1, R35b D2)."""
    note_at: int = 0
    """The column of its comment's `#`."""


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
                said = _init_note(lines[row], col, item) if row < len(lines) else None
                if said is not None:
                    note, at = said
                    line = InitLine(name, item, row, len(items), kind, note.startswith(_UNSURE), at)
                    out.setdefault((kind, item.casefold()), line)
    return out


def by_init(text: str, col: int, item: str) -> bool:
    """Whether `text` is `- ITEM  # COMMENT` with the item at `col` and a comment init writes."""
    return _init_note(text, col, item) is not None


def _init_note(text: str, col: int, item: str) -> tuple[str, int] | None:
    """The comment of `- ITEM  # COMMENT` init wrote (without `--update`'s note), and its `#`'s column."""
    body = text.rstrip("\r\n")
    written = scalar(item)
    if col < 2 or body[: col - 2].strip() or body[col - 2 : col] != "- ":
        return None
    if not body[col:].startswith(written):
        return None
    rest = body[col + len(written) :]
    if not rest[:1].isspace() or not rest.lstrip().startswith("# "):
        return None
    at = col + len(written) + len(rest) - len(rest.lstrip())
    note = rest.lstrip()[2:].strip()
    note = note.removeprefix(f"{NOTE}; ")
    if _DECIDED in note:
        return None
    if note.startswith(_UNSURE):
        return note, at
    # the classifier's reason, then where the column is: `... [db/schema.sql:9]`
    where = note[note.rfind("[") + 1 : -1] if note.endswith("]") and "[" in note else ""
    return (note, at) if where and where.rpartition(":")[2].isdigit() else None


def confirm_lines(text: str, notes: Sequence[tuple[InitLine, str]]) -> str:
    """`text` with the comment of each init line in `notes` made its note; every other byte kept.

    The comment starts where init's did (so it stays aligned), and the `--update` note
    before it stays: a reviewer's `true` on a line init wrote is recorded there, as a new
    field a reviewer marked personal reads (review35 R35a D1, R35b D2).
    """
    if not notes:
        return text
    lines = text.splitlines(keepends=True)
    for line, note in notes:
        old = lines[line.line]
        body = old.rstrip("\r\n")
        said = body[line.note_at + 2 :].strip()
        kept = f"{NOTE}; " if said.startswith(f"{NOTE}; ") else ""
        lines[line.line] = body[: line.note_at + 2] + comment(kept + note) + old[len(body) :]
    return "".join(lines)


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
