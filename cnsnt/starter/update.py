"""Add data entries to an existing policy file without touching a byte of what is there.

ruamel.yaml reads the file round-trip (comments and positions kept) to find
where the `data:` mapping ends and how its entries are indented; the new
entries are then spliced into the original text at that line. Re-dumping the
document would reflow long flow lists and re-indent sequences, so every line
outside the insertion stays exactly as the author wrote it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from cnsnt.errors import UsageError
from cnsnt.starter.entries import Entry
from cnsnt.starter.render import data_entries

NOTE = "added by cnsnt init --update"


@lru_cache(maxsize=2)
def _round_trip(text: str) -> object:
    """`text` parsed round-trip, the last two texts kept.

    `init --update --reviewed` reads the same policy text in five steps before it changes a
    line (where `data:` ends, init's lines, its entries, the `ignore:` items, the notes): on
    a 3,000-line policy each parse took 3 s (codereview30 F4). The tree is shared: callers
    read positions and items, none changes it.
    """
    return YAML(typ="rt").load(StringIO(text))


def load_rt(text: str, shown: str) -> CommentedMap:
    """The policy text read round-trip (positions kept); a usage error when it is no mapping.

    The same text is parsed once (`_round_trip`): the map returned must not be changed.
    """
    try:
        top = _round_trip(text)
    except YAMLError as exc:
        raise UsageError(f"{shown}: cannot read it as YAML ({exc.__class__.__name__})") from None
    if not isinstance(top, CommentedMap):
        raise UsageError(f"{shown}: the policy is not a mapping of sections")
    return top


def indent_of(text: str) -> int:
    """How many spaces a line starts with."""
    return len(text) - len(text.lstrip(" "))


def _document_end(line: str) -> bool:
    """A `...` document end marker (at column 0, perhaps followed by a comment)."""
    return line.startswith("...") and line[3:4] in ("", " ", "\t", "\r", "\n", "#")


def policy_lines(text: str) -> tuple[list[str], str]:
    """The policy's lines, each ended, and its own line break.

    A CRLF policy stays CRLF: no line but the new ones changes.
    """
    lines = text.splitlines(keepends=True)
    nl = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += nl
    return lines, nl


def end_block(lines: list[str], nl: str) -> tuple[int, list[str]]:
    """Where a new top-level block goes (before a final `...`) and the blank line it needs first."""
    at = before_document_end(lines)
    return at, [] if not at or not lines[at - 1].strip() else [nl]


def new_block(
    top: CommentedMap, lines: list[str], nl: str, key: str, body: Callable[[int], list[str]]
) -> str:
    """The policy text with a new top-level `key:` block before the document's end.

    At the column of the other top-level keys (a whole policy may be indented);
    `body(margin)` gives the block's lines, each ended.
    """
    margin = top.lc.key(next(iter(top)))[1] if top else 0
    at, gap = end_block(lines, nl)
    return "".join(lines[:at] + gap + [" " * margin + f"{key}:{nl}", *body(margin)] + lines[at:])


def before_document_end(lines: list[str]) -> int:
    """Where text added at the end goes: before a final `...` marker, else at the very end."""
    for i in range(len(lines) - 1, -1, -1):
        if _document_end(lines[i]):
            return i
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            break
    return len(lines)


def end_of_section(lines: list[str], start: int, stop: int, indent: int) -> int:
    """The line after the section's last line of content (its own comments included).

    Blank lines and comments less indented than the entries, just before the next
    top-level key, belong to that key and stay below the insertion; so does a
    `...` document end marker, after which nothing belongs to the policy.
    """
    end = stop
    while end > start + 1:
        prior = lines[end - 1]
        stripped = prior.strip()
        if _document_end(prior):
            end -= 1
            continue
        if stripped and not (stripped.startswith("#") and indent_of(prior) < indent):
            break
        end -= 1
    return end


def data_section_stop(top: CommentedMap, total: int) -> int:
    """The line of the top-level key after `data:` (`total`, the line count, when none)."""
    data_line = top.lc.key("data")[0]
    later = sorted(top.lc.key(k)[0] for k in top if top.lc.key(k)[0] > data_line)
    return later[0] if later else total


def open_empty_flow(
    lines: list[str],
    at: tuple[int, int],
    key_line: int,
    nl: str,
    shown: str,
    *,
    key: str = "data",
) -> int:
    """Drop the `{}` of an empty `data:` (or `key:`) in place (also `{ }`, or `{` and `}` on two lines).

    `at` is where the value starts. What follows the `}` on its line (a comment)
    stays. Returns the index of the line the new block entries go before.
    """
    line, col = at
    flat = "".join(lines[line:])
    brace = flat.find("{", col)
    inside = flat[brace + 1 :]
    close = brace + 1 + len(inside) - len(inside.lstrip(" \t\r\n"))
    if brace < 0 or flat[close : close + 1] != "}":  # only blanks may stand between the braces
        raise UsageError(
            f"{shown}:{key_line + 1}: {key}: is an empty mapping with a comment inside its braces; "
            f"write it as {key}: {{}} (or as a block) so cnsnt init --update can add entries"
        )
    eol = flat.find("\n", close)
    eol = len(flat) if eol < 0 else eol + 1
    tail = flat[close + 1 : eol].strip()
    kept = flat[:brace].rstrip(" \t") + (f" {tail}" if tail else "")
    replacement = [] if not kept.strip() else (kept + nl).splitlines(keepends=True)
    lines[line : line + flat[:eol].count("\n")] = replacement
    return line + len(replacement)


def add_entries(text: str, entries: Sequence[Entry], shown: str) -> str:
    """The policy text with `entries` appended to its `data:` mapping (created if absent).

    A `data:` of nothing (null) is one a reviewed list emptied in this run: a policy that
    says so does not load, so no other gets here.
    """
    if not entries:
        return text
    top = load_rt(text, shown)
    lines, nl = policy_lines(text)
    if "data" not in top:
        return new_block(
            top, lines, nl, "data", lambda m: [b + nl for b in data_entries(entries, m + 2, note=NOTE)]
        )
    data = top["data"]
    data_line = top.lc.key("data")[0]
    stop = data_section_stop(top, len(lines))
    if isinstance(data, CommentedMap) and data:
        if data.fa.flow_style():
            raise UsageError(
                f"{shown}:{data_line + 1}: data: is written in flow style ({{...}}); "
                "write it as a block mapping so cnsnt init --update can add entries"
            )
        indent = data.lc.key(next(iter(data)))[1]
        at = end_of_section(lines, data_line, stop, indent)
    elif isinstance(data, CommentedMap):
        # `data: {}`: the entries go right below, as a block.
        indent = indent_of(lines[data_line]) + 2
        at = open_empty_flow(lines, top.lc.value("data"), data_line, nl, shown)
    elif data is None:
        # a reviewed list took out every entry (`fields._Moves`, keep_one off): the new ones go
        # right below `data:`, a blank line before the next section
        indent = indent_of(lines[data_line]) + 2
        at = data_line + 1
        block = [b + nl for b in data_entries(entries, indent, note=NOTE)]
        gap = [nl] if at < len(lines) and lines[at].strip() else []
        return "".join(lines[:at] + block + gap + lines[at:])
    else:
        raise UsageError(f"{shown}:{data_line + 1}: data: must be a mapping of data entries")
    block = [b + nl for b in data_entries(entries, indent, note=NOTE)]
    return "".join(lines[:at] + block + lines[at:])


def parse_files(files: Sequence[Path]) -> list[tuple[Path, CommentedMap]]:
    """A policy's files, each read and parsed once (round-trip), in order.

    The policy has loaded already, so a file that does not read here holds none of its
    blocks and is left out.
    """
    parsed: list[tuple[Path, CommentedMap]] = []
    for file in files:
        try:
            parsed.append((file, load_rt(file.read_text(encoding="utf-8"), file.as_posix())))
        except (OSError, UnicodeDecodeError, UsageError):
            continue
    return parsed


def file_holding(parsed: Sequence[tuple[Path, CommentedMap]], key: str) -> Path | None:
    """Of a policy's parsed files, the first whose top level holds `key` (`data`, `sources`)."""
    return next((file for file, top in parsed if key in top), None)
