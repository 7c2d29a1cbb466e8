"""Add patterns to an existing policy's `ignore:` without touching a byte of what is there.

As `update_sources.add_sources` does for `sources:`, the file is read round-trip only
to learn where `ignore:` is and how it is written; the new items are spliced into the
text, each with its own comment (`# marked not personal in review.csv:21`):

- no `ignore:` key: a new block before the document's end;
- `ignore: []` or a flow list: the items before its `]`, one a line (a comment needs one),
  but the items given as one line (a table's keys, `--key-patterns`) share theirs;
- a block list: the items after its last one, at its first item's dash, one a line.

The caller loads the result and checks that `ignore:` is the old list and the new items
(`cnsnt.starter.splice_check`): a user's pattern is never changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruamel.yaml.comments import CommentedSeq

from cnsnt.errors import UsageError
from cnsnt.starter.join import after_item, block_dash, flow_close, flow_items, is_flow
from cnsnt.starter.update import load_rt, new_block, policy_lines
from cnsnt.starter.yaml_text import line, scalar


def add_ignores(text: str, items: Sequence[tuple[Sequence[str], str]], shown: str) -> str:
    """The policy text with each `(patterns, note)` of `items` added to `ignore:` (made if absent).

    The `patterns` of one item share a line and its note in a flow list (`a.id, a.b_id,  # note`).
    """
    if not items:
        return text
    top = load_rt(text, shown)
    lines, nl = policy_lines(text)
    if "ignore" not in top:
        return new_block(top, lines, nl, "ignore", lambda margin: _items(items, margin + 2, nl))
    listed = top["ignore"]
    key_line, margin = top.lc.key("ignore")
    if not isinstance(listed, CommentedSeq):  # the policy loaded: only a list gets here
        raise UsageError(f"{shown}:{key_line + 1}: ignore: must be a list of patterns")
    if is_flow(listed):  # `[...]`, perhaps after a tag or an anchor (`&skip [a.b]`)
        close = flow_close(lines, top.lc.value("ignore"))
        if close is None:  # pragma: no cover - ruamel read a closed list
            raise UsageError(f"{shown}:{key_line + 1}: ignore: has no closing ]")
        shared = [(", ".join(scalar(p) for p in patterns), note) for patterns, note in items]
        row, col, added = flow_items(lines, close, shared, margin, nl)
        lines[row] = lines[row][:col] + added + lines[row][col:]
        return "".join(lines)
    # the items' own column: the value's place is a tag's or an anchor's when it has one
    dash = block_dash(lines, top.lc.value("ignore"))
    last = listed.lc.item(len(listed) - 1)[0]
    at = after_item(lines, last, dash)
    return "".join(lines[:at] + _items(items, dash, nl) + lines[at:])


def _items(items: Sequence[tuple[Sequence[str], str]], indent: int, nl: str) -> list[str]:
    """One line per pattern of a block list: `- pattern  # note`, a shared note said once, on the first."""
    out = []
    for patterns, note in items:
        first, *rest = patterns
        out.append(line(indent, f"- {scalar(first)}", note) + nl)
        out += [line(indent, f"- {scalar(p)}", f"with {scalar(first)} above") + nl for p in rest]
    return out
