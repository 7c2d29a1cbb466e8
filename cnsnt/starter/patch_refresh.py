"""`init --update` writes today's note on a full schema's upgrade patches where init wrote one.

A year after `cnsnt init` left out 3 patches of `supabase/schema.sql` (10 columns not
read, named in a note under `sources:`), 16 more patches added 34 columns: `--update`
read none of them and kept the old note, so nothing said what was lost (review35 R35b
D1). The note init wrote, on a line nobody has edited since (its words exactly as init
words them), is put back as today's survey words it; a schema with no such line gets a
new one when today's note names columns no source reads. Every other line stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from ruamel.yaml.comments import CommentedMap

from cnsnt.starter.patch_notes import PatchNote
from cnsnt.starter.update import load_rt, policy_lines
from cnsnt.starter.yaml_text import comment

#: How each part of init's two notes reads (`patch_notes.patches_note`, `read_note`).
_LEFT = "left out "
_READ = "read "
_OF = ": upgrade patches of "
_HELD = ", which holds their tables"
_GAPS = "; they add "
_GAPS_END = "(then add the patch under sources:)"
_BESIDE = " beside "
_OF_IT = ": upgrade patches of it that add "
_READ_END = ", so it is older than they are"


def _counted(text: str) -> str | None:
    """What follows `N SQL file(s) in ` at the start of `text`, else None."""
    count, _, rest = text.partition(" ")
    if not count.isdigit():
        return None
    for files in ("SQL files in ", "SQL file in "):
        if rest.startswith(files):
            return rest[len(files) :]
    return None


def init_note_schema(body: str) -> str | None:
    """The full schema an init note on its patches is about, when `body` is worded as init words it."""
    if body.startswith(_LEFT):
        rest = _counted(body[len(_LEFT) :])
        at = rest.find(_OF) if rest is not None else -1
        if rest is None or at < 0:
            return None
        after = rest[at + len(_OF) :]
        held = after.find(_HELD)
        tail = after[held + len(_HELD) :] if held >= 0 else None
        gaps = tail is not None and tail.startswith(_GAPS) and tail.endswith(_GAPS_END)
        return after[:held] if held > 0 and (tail == "" or gaps) else None
    if body.startswith(_READ) and body.endswith(_READ_END):
        rest = _counted(body[len(_READ) :])
        at = rest.find(_OF_IT) if rest is not None else -1
        beside = rest.rfind(_BESIDE, 0, at) if rest is not None and at > 0 else -1
        if rest is not None and beside >= 0:
            return rest[beside + len(_BESIDE) : at]
    return None


def today_notes(notes: Sequence[str], unread: set[str]) -> list[PatchNote]:
    """The survey's notes on patches, as true of a policy that does not read the files `unread`.

    A patch init reads beside an older schema that the policy does not read (a policy init
    wrote before it read such patches, `--update` without `--sources`) is named with the
    patches left out, and what it adds with them.
    """
    out: list[PatchNote] = []
    done: set[int] = set()
    for note in notes:
        if not isinstance(note, PatchNote):
            continue
        if note.group is None:
            out.append(note)
        elif id(note.group) not in done:
            done.add(id(note.group))
            out.extend(note.group.notes(frozenset(unread)))
    return out


def refresh_notes(text: str, notes: Sequence[PatchNote], shown: str) -> tuple[str, list[str]]:
    """`text` with init's patch notes under `sources:` made today's, and the schemas whose note changed.

    Init's line on a schema is replaced by today's notes on it (removed when there are
    none: no patch of it is left out or unread). A schema without such a line gets today's
    note when it names columns no source reads, after the comments that open `sources:`.
    A policy whose `sources:` is no block mapping in this file is left as it is.
    """
    top = load_rt(text, shown)
    sources = top.get("sources")
    if not isinstance(sources, CommentedMap) or (sources and sources.fa.flow_style()):
        return text, []
    lines, nl = policy_lines(text)
    key_line = top.lc.key("sources")[0]
    later = [top.lc.key(k)[0] for k in top if top.lc.key(k)[0] > key_line]
    stop = min(later, default=len(lines))
    first = min((sources.lc.key(k)[0] for k in sources), default=stop)
    margin = len(lines[key_line]) - len(lines[key_line].lstrip(" "))
    indent = sources.lc.key(next(iter(sources)))[1] if sources else margin + 2
    today: dict[str, list[PatchNote]] = {}
    for note in notes:
        today.setdefault(comment(note.schema), []).append(note)  # as the line names it
    written: dict[int, list[str]] = {}  # line -> what stands there now (nothing: removed)
    seen: set[str] = set()
    changed: list[str] = []
    last_note = key_line
    for row in range(key_line + 1, first):
        body = lines[row].strip()
        if body.startswith("#"):
            last_note = row  # a new note goes after the notes already there, init's or a person's
        schema = init_note_schema(body[2:]) if body.startswith("# ") else None
        if schema is None:
            continue
        own = len(lines[row]) - len(lines[row].lstrip(" "))
        # a second line on one schema: today's notes stand at the first already
        written[row] = [] if schema in seen else [_rendered(n, own, nl) for n in today.get(schema, [])]
        seen.add(schema)
        if written[row] != [lines[row]]:
            changed.append(schema)
    added = [n for schema, mine in today.items() if schema not in seen for n in mine if n.names_gaps]
    if not changed and not added:
        return text, []
    out: list[str] = []
    for row, current in enumerate(lines):
        out.extend(written.get(row, [current]))
        if row == last_note:
            out.extend(_rendered(n, indent, nl) for n in added)
    changed.extend(n.schema for n in added)
    return "".join(out), sorted(set(changed))


def _rendered(note: str, indent: int, nl: str) -> str:
    """A note's comment line, as init writes it under `sources:` (file names are untrusted)."""
    return " " * indent + f"# {comment(note)}" + nl
