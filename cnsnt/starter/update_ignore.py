"""Add patterns to an existing policy's `ignore:` without touching a byte of what is there.

As `update_sources.add_sources` does for `sources:`, the file is read round-trip only
to learn where `ignore:` is and how it is written; the new items are spliced into the
text, each with its own comment (`# marked not personal in review.csv:21`):

- no `ignore:` key: a new block before the document's end;
- `ignore: []` or a flow list: the items before its `]`, one a line (a comment needs one);
- a block list: the items after its last one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruamel.yaml.comments import CommentedSeq

from cnsnt.errors import UsageError
from cnsnt.starter.join import after_item, flow_close, flow_joint, is_flow
from cnsnt.starter.update import end_block, load_rt, policy_lines
from cnsnt.starter.yaml_text import line, scalar


def add_ignores(text: str, items: Sequence[tuple[str, str]], shown: str) -> str:
    """The policy text with each `(pattern, note)` of `items` added to `ignore:` (made if absent)."""
    if not items:
        return text
    top = load_rt(text, shown)
    lines, nl = policy_lines(text)
    if "ignore" not in top:
        margin = top.lc.key(next(iter(top)))[1] if top else 0
        at, gap = end_block(lines, nl)
        block = [" " * margin + f"ignore:{nl}", *_items(items, margin + 2, nl)]
        return "".join(lines[:at] + gap + block + lines[at:])
    listed = top["ignore"]
    key_line, margin = top.lc.key("ignore")
    if not isinstance(listed, CommentedSeq):  # the policy loaded: only a list gets here
        raise UsageError(f"{shown}:{key_line + 1}: ignore: must be a list of patterns")
    if is_flow(lines, top.lc.value("ignore")):
        close = flow_close(lines, top.lc.value("ignore"))
        if close is None:  # pragma: no cover - ruamel read a closed list
            raise UsageError(f"{shown}:{key_line + 1}: ignore: has no closing ]")
        row, col = close
        before, after = lines[row][:col], lines[row][col:]
        joint = flow_joint(lines, close).strip()  # "," when the last item has none after it yet
        # a comment ends at the line's end: each new item gets a line of its own
        if before.strip():  # `ignore: [a, b]`: the line breaks before its `]`, kept at the key's margin
            added = _items(items, margin + 2, nl, flow=True)
            lines[row] = before + joint + nl + "".join(added) + " " * margin + after
        else:  # the `]` alone on its line: the new lines go above it, the separator first
            added = _items(items, margin + 2, nl, flow=True, lead=f"{joint} " if joint else "")
            lines[row] = "".join(added) + before + after
        return "".join(lines)
    dash = top.lc.value("ignore")[1]
    last = listed.lc.item(len(listed) - 1)[0]
    at = after_item(lines, last, dash)
    return "".join(lines[:at] + _items(items, dash, nl) + lines[at:])


def _items(
    items: Sequence[tuple[str, str]], indent: int, nl: str, *, flow: bool = False, lead: str = ""
) -> list[str]:
    """One line per item: `- pattern  # note` in a block list, `pattern,  # note` in a flow one.

    `lead`: what the first line of a flow list's items starts with (the `,` it still needs).
    """
    if flow:
        return [
            line(indent, f"{lead if i == 0 else ''}{scalar(pattern)},", note) + nl
            for i, (pattern, note) in enumerate(items)
        ]
    return [line(indent, f"- {scalar(pattern)}", note) + nl for pattern, note in items]
