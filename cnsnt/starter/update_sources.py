"""Add file entries to an existing policy's `sources:` without touching a byte of what is there.

As `update.add_entries` does for `data:`, the file is read round-trip only to learn where
each kind's list ends and how it is indented; the new lines are spliced into the text,
each with a comment that says init added it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.errors import UsageError
from cnsnt.starter.discover import Found
from cnsnt.starter.join import block_dash, flow_close, flow_joint, is_flow
from cnsnt.starter.render import source_item
from cnsnt.starter.update import (
    NOTE,
    end_of_section,
    indent_of,
    load_rt,
    new_block,
    open_empty_flow,
    policy_lines,
)
from cnsnt.starter.yaml_text import line

#: The order init writes the kinds of `sources:` in.
KINDS = ("schemas", "databases", "forms", "queries")


def _next_key_line(mapping: CommentedMap, after: int, stop: int) -> int:
    """The line of the first key of `mapping` below line `after` (`stop` when none)."""
    later = [mapping.lc.key(k)[0] for k in mapping if mapping.lc.key(k)[0] > after]
    return min(later, default=stop)


def _items(found: Sequence[Found], indent: int, nl: str) -> list[str]:
    return [line(indent, f"- {source_item(f)}", NOTE) + nl for f in found]


def _add_kind(text: str, kind: str, found: Sequence[Found], shown: str) -> str:
    """`text` with `found` (all of `kind`) at the end of `sources:`'s list of that kind."""
    top = load_rt(text, shown)
    lines, nl = policy_lines(text)
    if "sources" not in top:
        return new_block(
            top, lines, nl, "sources", lambda m: [" " * (m + 2) + f"{kind}:{nl}", *_items(found, m + 4, nl)]
        )
    sources = top["sources"]
    key_line = top.lc.key("sources")[0]
    later = [top.lc.key(k)[0] for k in top if top.lc.key(k)[0] > key_line]
    stop = min(later, default=len(lines))
    if sources is None:  # `sources:` and nothing under it
        margin = indent_of(lines[key_line])
        block = [" " * (margin + 2) + f"{kind}:{nl}", *_items(found, margin + 4, nl)]
        return "".join(lines[: key_line + 1] + block + lines[key_line + 1 :])
    if not isinstance(sources, CommentedMap):
        raise UsageError(
            f"{shown}:{key_line + 1}: sources: must be a mapping of kinds (schemas:, forms:, ...)"
        )
    if sources and sources.fa.flow_style():
        raise UsageError(
            f"{shown}:{key_line + 1}: sources: is written in flow style ({{...}}); write it as a block "
            "mapping so cnsnt init --update can add sources, or add them by hand"
        )
    if not sources:  # `sources: {}`
        margin = indent_of(lines[key_line])
        at = open_empty_flow(lines, top.lc.value("sources"), key_line, nl, shown, key="sources")
        block = [" " * (margin + 2) + f"{kind}:{nl}", *_items(found, margin + 4, nl)]
        return "".join(lines[:at] + block + lines[at:])
    child = sources.lc.key(next(iter(sources)))[1]
    if kind not in sources:
        at = end_of_section(lines, key_line, stop, child)
        block = [" " * child + f"{kind}:{nl}", *_items(found, child + 2, nl)]
        return "".join(lines[:at] + block + lines[at:])
    listed = sources[kind]
    kind_line = sources.lc.key(kind)[0]
    if listed is None:  # `forms:` and nothing under it
        return "".join(lines[: kind_line + 1] + _items(found, child + 2, nl) + lines[kind_line + 1 :])
    if not isinstance(listed, CommentedSeq):
        raise UsageError(f"{shown}:{kind_line + 1}: sources: {kind}: must be a list of entries")
    if is_flow(listed):  # `[{path: db/schema.sql}]`, `[]`: before the `]`
        close = flow_close(lines, sources.lc.value(kind))
        if close is None:  # pragma: no cover - ruamel read a closed list
            raise UsageError(f"{shown}:{kind_line + 1}: sources: {kind}: has no closing ]")
        row, col = close
        added = flow_joint(lines, close) + ", ".join(source_item(f) for f in found)
        lines[row] = lines[row][:col] + added + lines[row][col:]
        return "".join(lines)
    dash = block_dash(lines, sources.lc.value(kind))
    at = end_of_section(lines, kind_line, _next_key_line(sources, kind_line, stop), dash)
    return "".join(lines[:at] + _items(found, dash, nl) + lines[at:])


def add_sources(text: str, found: Sequence[Found], shown: str) -> str:
    """The policy text with `found` added to `sources:` (created if absent), kind by kind."""
    for kind in KINDS:
        mine = [f for f in found if f.kind == kind]
        if mine:
            text = _add_kind(text, kind, mine, shown)
    return text
