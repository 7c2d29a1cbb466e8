"""Keep a data entry's header count true when `init --update` adds fields to it or moves some out.

init heads each entry with how many fields it holds (`email:   # 49 fields found by
cnsnt init`). `--update` joins newly found fields to an open entry of their category, and
a reviewed list moves init's own lines out of one: the number then says what the entry
held before (review34 R34b). The header is rewritten with the new number only when it is
still exactly the line init wrote (the same words, the same alignment: `render.head`
makes it again byte for byte); a header a person edited is never touched, and a comment
line below it says what `--update` did instead. Every other byte stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap

from cnsnt.starter.fields import PersonalField
from cnsnt.starter.render import head_text
from cnsnt.starter.update import NOTE, load_rt, policy_lines
from cnsnt.starter.yaml_text import line, scalar

#: How init's header names the fields it found, and those a reviewed list made personal.
_FOUND = ("field found by cnsnt init", "fields found by cnsnt init")
_MARKED = ("field marked personal in ", "fields marked personal in ")


@dataclass
class Change:
    """What `--update` did to one existing entry's fields."""

    found: int = 0
    """Fields cnsnt found, added."""
    marked: dict[str, int] = field(default_factory=dict)
    """Fields a reviewed list marked personal, added, by the list that says so (`review.csv`)."""
    moved: int = 0
    """init's own lines a reviewed list took out (each one field init found)."""
    unmarked: dict[str, int] = field(default_factory=dict)
    """Lines an earlier reviewed list wrote that a later row took out, by that list (`review.csv`)."""

    @property
    def added(self) -> int:
        """How many fields were added in all."""
        return self.found + sum(self.marked.values())


def changes(
    joined: Iterable[tuple[str, Iterable[PersonalField]]], moved_out: Iterable[tuple[str, str | None]]
) -> dict[str, Change]:
    """Each existing entry's change: the fields joined to it, one less for each line taken out.

    `moved_out`: the entry of each line taken out, with the reviewed list that wrote the
    line (None: init did).
    """
    out: dict[str, Change] = {}
    for name, fields in joined:
        change = out.setdefault(name, Change())
        for f in fields:
            if f.reviewed:
                source = f.reviewed.rpartition(":")[0]
                change.marked[source] = change.marked.get(source, 0) + f.covers
            else:
                change.found += f.covers
    for name, by in moved_out:
        change = out.setdefault(name, Change())
        if by is None:
            change.moved += 1
        else:
            change.unmarked[by] = change.unmarked.get(by, 0) + 1
    return out


def recount(text: str, shown: str, changed: Mapping[str, Change], today: dt.date | None = None) -> str:
    """`text` with the header count of each changed entry made true, or a line saying what changed."""
    if not changed:
        return text
    top = load_rt(text, shown)
    data = top.get("data")
    if not isinstance(data, CommentedMap):
        return text
    lines, nl = policy_lines(text)
    inserts: list[tuple[int, str]] = []
    for name, change in changed.items():
        datum = data.get(name)
        if not isinstance(datum, CommentedMap) or not datum or datum.fa.flow_style():
            continue
        row, col = data.lc.key(name)
        if row >= len(lines):  # pragma: no cover - ruamel gave the key's line
            continue
        body = lines[row].rstrip("\r\n")
        ending = lines[row][len(body) :]
        new = _recounted(body, col, name, change)
        if new is not None:
            lines[row] = new + ending
            continue
        if not any(words in body for words in _FOUND + _MARKED):
            continue  # no count of init's to correct: an entry a person wrote
        day = (today or dt.date.today()).isoformat()
        inner = datum.lc.key(next(iter(datum)))[1]
        inserts.append((row + 1, line(inner, f"# {_said(change)} by cnsnt init --update on {day}") + nl))
    for at, added in sorted(inserts, reverse=True):
        lines.insert(at, added)
    return "".join(lines)


def is_init_header(body: str, col: int, name: str) -> bool:
    """Whether `body` is an entry's key line with init's header, unedited (`# 3 fields found ...`)."""
    return _recounted(body, col, name, Change()) is not None


def _recounted(body: str, col: int, name: str, change: Change) -> str | None:
    """The header line with its counts changed; None unless it is exactly as init wrote it."""
    key = f"{scalar(name)}:"
    if body[:col].strip() or not body[col:].startswith(key):
        return None
    rest = body[col + len(key) :].lstrip(" ")
    if not rest.startswith("# "):
        return None
    head = rest[2:]
    suffix = f"; {NOTE}" if head.endswith(f"; {NOTE}") else ""
    parsed = _parse(head[: len(head) - len(suffix)])
    if parsed is None:
        return None
    found, marked = parsed
    if line(col, key, head_text(found, marked) + suffix) != body:
        return None  # spaced, worded or counted otherwise than init writes it: a person's line
    found += change.found - change.moved
    for source, count in change.unmarked.items():
        if marked.get(source, 0) >= count:  # counted as that list's
            marked[source] -= count
            if not marked[source]:
                del marked[source]
        else:  # a `true` on init's line: its header kept init's count
            found -= count
    if found < 0:
        return None
    for source, count in change.marked.items():
        marked[source] = marked.get(source, 0) + count
    return line(col, key, head_text(found, marked) + suffix)


def _parse(head: str) -> tuple[int, dict[str, int]] | None:
    """The counts of a header as `render.head_text` writes it, or None."""
    found = 0
    marked: dict[str, int] = {}
    for i, part in enumerate(head.split(", ")):
        number, _, words = part.partition(" ")
        if not number.isdigit() or number != str(int(number)):
            return None
        if i == 0 and words in _FOUND:
            found = int(number)
            continue
        source = next((words[len(m) :] for m in _MARKED if words.startswith(m)), "")
        if not source or source in marked:
            return None
        marked[source] = int(number)
    return found, marked


def _said(change: Change) -> str:
    """What a comment line says `--update` did: `3 fields added, 1 moved out`."""
    parts = []
    if change.added:
        parts.append(f"{change.added} field{'s' if change.added != 1 else ''} added")
    if change.moved or change.unmarked:
        gone = change.moved + sum(change.unmarked.values())
        parts.append(f"{gone} field{'s' if gone != 1 else ''} moved out")
    return ", ".join(parts) or "fields changed"
