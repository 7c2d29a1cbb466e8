"""The lines of a policy that init wrote and nobody edited, which a reviewed list may move.

`cnsnt init` declares every column it calls personal, the unsure ones too, each with
its reason as a comment (`- members.tier   # unsure, check: ... [db/schema.sql:4]`).
The reviewer's `false` (or another `category`) on such a column is exactly the check
that comment asks for, so `init --update --reviewed` takes that one line out and puts
the column under `ignore:` or into the entry of the given category (review34 R34a D2,
R34b D4). So is a form field's line under `form_fields:` (R34b D7). So is a line an
earlier reviewed list wrote (`# marked personal in review.csv:3; cnsnt said: ...`,
unedited): a reviewer who changes their answer is heard (trial29 D#1), and so is an
`ignore:` item a list wrote (`# marked not personal in review.csv:4`), which a later
`true` takes out (trial29 G#3). A line a person wrote or edited (another comment, none,
a pattern, a flow list) is never touched.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.starter.filed_with import DECIDED as _DECIDED
from cnsnt.starter.filed_with import SAID as _SAID
from cnsnt.starter.filed_with import FiledLine, filled_column, is_row, past_note
from cnsnt.starter.join import is_flow
from cnsnt.starter.things import SET_ASIDE_ASK, SET_ASIDE_START
from cnsnt.starter.update import NOTE, load_rt, policy_lines
from cnsnt.starter.yaml_text import comment, scalar

#: How init's unsure comments start (`cnsnt.starter.render.why`).
_UNSURE = "unsure, check"
#: How the comment of an `ignore:` item a reviewed list wrote starts (`run._ignore_note`),
#: and the words that may follow the row it names.
_IGNORED = "marked not personal in "
_WAS = ("was in data entry ", "was marked personal in ")


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
    decided: str | None = None
    """The row of the reviewed list that wrote it (`review.csv:3`), when one did: the
    answer a later row changes."""
    list_line: int = 0
    """The line of its list's key (`columns:`), from 0: it goes when every item of the list
    moves out of an entry init wrote whose other list stays (`emptied_lists`)."""
    said: str = ""
    """Its comment, without `--update`'s note: init's words, or a reviewed list's."""


@dataclass(frozen=True)
class IgnoreLine:
    """An `ignore:` item a reviewed list (or init) wrote, unedited (`- a.b  # marked not personal in`)."""

    pattern: str
    """The item as written."""
    line: int
    """Its line in the text, from 0."""
    decided: str | None
    """The row that put it there (`review.csv:4`); None for a form field init set aside
    (`- vehicle.kw  # fills 'vehicles.kw' (...): check, and move it to data: if it is someone's`),
    a question a reviewed `true` answers as it answers init's `unsure, check` lines."""
    key_line: int
    """The line of `ignore:` itself: a block list's is made `ignore: []` when every item goes."""
    items: int
    """How many items the list has."""
    flow: bool = False
    """The list is `[...]`, an item a line as `--reviewed` adds them (`item,  # note`)."""


@dataclass(frozen=True)
class _ListItem:
    """A string item of a data entry's block list (`columns:` or `form_fields:`), and where it stands."""

    entry: str
    datum: CommentedMap
    kind: str
    items: CommentedSeq
    pattern: str
    row: int
    col: int
    text: str
    """Its line of the policy's text."""


def _list_items(text: str, shown: str, kinds: Sequence[str]) -> Iterator[_ListItem]:
    """Every string item of the data entries' block lists of `kinds`, in the policy's order.

    Flow lists (`[a.b, c.d]`) are a person's way of writing and never moved: left out.
    """
    data = load_rt(text, shown).get("data")
    if not isinstance(data, CommentedMap):
        return
    lines, _ = policy_lines(text)
    for name, datum in data.items():
        if not isinstance(datum, CommentedMap) or not isinstance(name, str):
            continue
        for kind in kinds:
            items = datum.get(kind)
            if not isinstance(items, CommentedSeq) or is_flow(items):
                continue
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    continue
                row, col = items.lc.item(i)
                if row < len(lines):
                    yield _ListItem(name, datum, kind, items, item, row, col, lines[row])


def init_lines(text: str, shown: str) -> dict[tuple[str, str], InitLine]:
    """Each data entry's list item that init wrote and nobody edited, by `(list, pattern case-folded)`."""
    out: dict[tuple[str, str], InitLine] = {}
    for it in _list_items(text, shown, LISTS):
        said = _init_note(it.text, it.col, it.pattern)
        if said is not None:
            note, at = said
            line = InitLine(
                it.entry, it.pattern, it.row, len(it.items), it.kind, note.startswith(_UNSURE), at,
                _decided(note), it.datum.lc.key(it.kind)[0], note,
            )
            out.setdefault((it.kind, it.pattern.casefold()), line)
    return out


def filed_lines(text: str, shown: str) -> dict[str, list[FiledLine]]:
    """The form field lines whose comment names the column they fill, by that column's key case-folded.

    Every block-list item of a data entry's `form_fields:` with such a comment: as init
    wrote it, as a reviewed list wrote it (the words past `cnsnt said:`), or edited by a
    person who kept those words (`edited`), which is said, never moved.
    """
    out: dict[str, list[FiledLine]] = {}
    for it in _list_items(text, shown, ("form_fields",)):
        said = _comment_of(it.text, it.col, it.pattern)
        if said is None:
            continue
        edited = _init_note(it.text, it.col, it.pattern) is None
        found = filled_column(said[0].removeprefix(f"{NOTE}; "))
        if found is not None:
            column, fills = found
            filed = FiledLine(it.entry, it.pattern, column, it.row, fills, edited)
            out.setdefault(column.casefold(), []).append(filed)
    return out


def ignore_lines(text: str, shown: str) -> dict[str, IgnoreLine]:
    """Each `ignore:` item a reviewed list or init wrote and nobody edited, by its pattern case-folded.

    In a block list under a plain `ignore:` key (a comment beside it allowed; after a tag
    or an anchor, emptying it is left to the user), or alone on its line in a flow list,
    as `--reviewed` adds to init's `ignore: []`: taking that line out leaves the list
    valid, empty or not. Init's own items are the form fields it set aside, filling a
    column about a thing (`cnsnt.starter.things`), with the comment it wrote beside each.
    """
    top = load_rt(text, shown)
    listed = top.get("ignore")
    if not isinstance(listed, CommentedSeq) or not listed:
        return {}
    lines, _ = policy_lines(text)
    key_line, key_col = top.lc.key("ignore")
    flow = is_flow(listed)
    if key_line >= len(lines) or not (flow or _plain_key(lines[key_line], key_col)):
        return {}
    out: dict[str, IgnoreLine] = {}
    for i, item in enumerate(listed):
        if not isinstance(item, str):
            continue
        row, col = listed.lc.item(i)
        if row >= len(lines):
            continue
        where = _ignored_by_list(lines[row], col, item, flow)
        if where is not None or (not flow and _set_aside_by_init(lines[row], col, item)):
            out.setdefault(item.casefold(), IgnoreLine(item, row, where, key_line, len(listed), flow))
    return out


def _set_aside_by_init(text: str, col: int, item: str) -> bool:
    """Whether `text` is `- ITEM  # fills 'COLUMN' ...: check, and move it to data: if it is someone's [f:n]`.

    The line init writes for a form field filling a column about a thing (`render.ignore_section`;
    with `reasons=False`, `# fills 'COLUMN' [f:n]`), its words as init wrote them.
    """
    said = _comment_of(text, col, item)
    if said is None:
        return False
    note = said[0]
    if not note.startswith(SET_ASIDE_START) or not note.endswith("]") or " [" not in note:
        return False
    body, _, where = note[:-1].rpartition(" [")
    if not where.rpartition(":")[2].isdigit():
        return False
    if body.endswith(f": {SET_ASIDE_ASK}"):
        return True
    column = body[len(SET_ASIDE_START) :]
    return column.endswith("'") and "'" not in column[:-1]  # the short form: `fills 'COLUMN'` alone


def _plain_key(text: str, col: int) -> bool:
    """Whether `text` is `ignore:` at `col`, with nothing after it but a comment."""
    body = text.rstrip("\r\n")
    if body[:col].strip() or not body[col:].startswith("ignore:"):
        return False
    rest = body[col + len("ignore:") :]
    return not rest.strip() or (rest[:1].isspace() and rest.lstrip().startswith("#"))


def _ignored_by_list(text: str, col: int, item: str, flow: bool) -> str | None:
    """The row named by the comment of `- ITEM  # marked not personal in review.csv:4[; was ...]`, or None.

    In a flow list the line is `ITEM,  # ...`, the item alone on it.
    """
    note = _flow_comment_of(text, col, item) if flow else _comment_of(text, col, item)
    if note is None or not note[0].startswith(_IGNORED):
        return None
    rest = note[0][len(_IGNORED) :]
    noted = past_note(rest)
    if noted is not None:
        where, after = noted
        if after and not after.startswith("; "):
            return None
        tail = after[2:]
    else:
        where, _, tail = rest.partition("; ")
    if not is_row(where) or (tail and not tail.startswith(_WAS)):
        return None
    return where


def _decided(note: str) -> str | None:
    """The row named by a reviewed list's comment (`marked personal in review.csv:3; cnsnt said: ...`).

    Past the reviewer's note when the row has one (`review.csv:3: "..."; cnsnt said: ...`).
    """
    if not note.startswith(_DECIDED):
        return None
    rest = note[len(_DECIDED) :]
    noted = past_note(rest)
    if noted is not None:
        where, after = noted
        return where if after.startswith(_SAID) else None
    where, said, _ = rest.partition(_SAID)
    return where if said and is_row(where) else None


def by_init(text: str, col: int, item: str) -> bool:
    """Whether `text` is `- ITEM  # COMMENT` with the item at `col` and a comment init writes."""
    return _init_note(text, col, item) is not None


def _init_note(text: str, col: int, item: str) -> tuple[str, int] | None:
    """The comment of `- ITEM  # COMMENT` init wrote (without `--update`'s note), and its `#`'s column.

    Or a reviewed list wrote: `marked personal in review.csv:3; cnsnt said: ... [file:line]`.
    """
    said = _comment_of(text, col, item)
    if said is None:
        return None
    note, at = said
    note = note.removeprefix(f"{NOTE}; ")
    if _DECIDED in note and _decided(note) is None:
        return None  # a person's words around a reviewer's
    if note.startswith(_UNSURE):
        return note, at
    # the classifier's reason, then where the column is: `... [db/schema.sql:9]`
    where = note[note.rfind("[") + 1 : -1] if note.endswith("]") and "[" in note else ""
    return (note, at) if where and where.rpartition(":")[2].isdigit() else None


def _flow_comment_of(text: str, col: int, item: str) -> tuple[str, int] | None:
    """The comment of a flow-list line `ITEM,  # COMMENT` with the item at `col`, alone on it; else None."""
    body = text.rstrip("\r\n")
    written = scalar(item) + ","
    if body[:col].strip() or not body[col:].startswith(written):
        return None
    rest = body[col + len(written) :]
    if not rest[:1].isspace() or not rest.lstrip().startswith("# "):
        return None
    return rest.lstrip()[2:].strip(), col + len(written) + len(rest) - len(rest.lstrip())


def _comment_of(text: str, col: int, item: str) -> tuple[str, int] | None:
    """The comment of `- ITEM  # COMMENT` with the item at `col`, and its `#`'s column; else None."""
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
    return rest.lstrip()[2:].strip(), at


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


def drop_lines(text: str, rows: Sequence[int], unignored: Sequence[IgnoreLine] = ()) -> str:
    """`text` without the lines `rows` (from 0) and the `ignore:` items `unignored`; every other byte kept.

    An `ignore:` whose every item goes becomes `ignore: []` (an empty key would load as
    null), its comment kept.
    """
    gone = set(rows) | {u.line for u in unignored}
    if not gone:
        return text
    lines = text.splitlines(keepends=True)
    emptied = {u.key_line for u in unignored if not u.flow and u.items <= len({v.line for v in unignored})}
    for row in emptied:
        body = lines[row].rstrip("\r\n")
        at = body.index("ignore:") + len("ignore:")
        lines[row] = body[:at] + " []" + body[at:] + lines[row][len(body) :]
    return "".join(line for i, line in enumerate(lines) if i not in gone)


def emptied_lists(moves: Sequence[InitLine], gone: Collection[str]) -> list[int]:
    """The lines of the list keys (`columns:`) whose every item moved, in entries not taken out whole.

    Only an entry init wrote loses a list so (`fields._Moves.take`): its other list holds the
    rest, and a key with no item would load as null.
    """
    taken: dict[tuple[str, str], list[InitLine]] = {}
    for moved in moves:
        taken.setdefault((moved.entry, moved.kind), []).append(moved)
    return sorted(
        lines[0].list_line
        for (entry, _), lines in taken.items()
        if entry not in gone and len({m.line for m in lines}) >= lines[0].siblings
    )


def removed_by_entry(moves: Sequence[InitLine]) -> dict[str, dict[str, list[str]]]:
    """The patterns taken out of each entry's lists: entry -> `columns`/`form_fields` -> patterns."""
    out: dict[str, dict[str, list[str]]] = {}
    for moved in moves:
        out.setdefault(moved.entry, {}).setdefault(moved.kind, []).append(moved.pattern)
    return out
