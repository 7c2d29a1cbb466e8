"""Add data entries to an existing policy file without touching a byte of what is there.

ruamel.yaml reads the file round-trip (comments and positions kept) to find
where the `data:` mapping ends and how its entries are indented; the new
entries are then spliced into the original text at that line. Re-dumping the
document would reflow long flow lists and re-indent sequences, so every line
outside the insertion stays exactly as the author wrote it.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from cnsnt.errors import UsageError
from cnsnt.starter.entries import Entry
from cnsnt.starter.render import data_entries

NOTE = "added by cnsnt init --update"


def _load(text: str, shown: str) -> CommentedMap:
    yaml = YAML(typ="rt")
    try:
        top = yaml.load(StringIO(text))
    except YAMLError as exc:
        raise UsageError(f"{shown}: cannot read it as YAML ({exc.__class__.__name__})") from None
    if not isinstance(top, CommentedMap):
        raise UsageError(f"{shown}: the policy is not a mapping of sections")
    return top


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _end_of_section(lines: list[str], start: int, stop: int, indent: int) -> int:
    """The line after the section's last line of content (its own comments included).

    Blank lines and comments less indented than the entries, just before the next
    top-level key, belong to that key and stay below the insertion.
    """
    end = stop
    while end > start + 1:
        prior = lines[end - 1]
        stripped = prior.strip()
        if stripped and not (stripped.startswith("#") and _indent(prior) < indent):
            break
        end -= 1
    return end


def add_entries(text: str, entries: Sequence[Entry], shown: str) -> str:
    """The policy text with `entries` appended to its `data:` mapping (created if absent)."""
    if not entries:
        return text
    top = _load(text, shown)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if "data" not in top:
        block = data_entries(entries, 2, note=NOTE)
        gap = [] if not lines or not lines[-1].strip() else ["\n"]
        return "".join(lines + gap + ["data:\n"] + [b + "\n" for b in block])
    data = top["data"]
    data_line = top.lc.key("data")[0]
    later = sorted(top.lc.key(k)[0] for k in top if top.lc.key(k)[0] > data_line)
    stop = later[0] if later else len(lines)
    if isinstance(data, CommentedMap) and data:
        if data.fa.flow_style():
            raise UsageError(
                f"{shown}:{data_line + 1}: data: is written in flow style ({{...}}); "
                "write it as a block mapping so cnsnt init --update can add entries"
            )
        indent = data.lc.key(next(iter(data)))[1]
        at = _end_of_section(lines, data_line, stop, indent)
    elif isinstance(data, CommentedMap):
        # `data: {}`: the entries go right below, as a block.
        head = lines[data_line]
        value_col = top.lc.value("data")[1]
        rest = head[value_col:].replace("{}", "", 1).strip()
        lines[data_line] = head[:value_col].rstrip() + (f" {rest}" if rest else "") + "\n"
        indent = _indent(head) + 2
        at = data_line + 1
    else:
        raise UsageError(f"{shown}:{data_line + 1}: data: must be a mapping of data entries")
    block = [b + "\n" for b in data_entries(entries, indent, note=NOTE)]
    return "".join(lines[:at] + block + lines[at:])


def policy_file_for_data(files: Sequence[Path]) -> Path:
    """Of a policy's files, the one that holds `data:` (else the first)."""
    for file in files:
        try:
            top = _load(file.read_text(encoding="utf-8"), file.as_posix())
        except (OSError, UsageError):
            continue
        if "data" in top:
            return file
    return files[0]
