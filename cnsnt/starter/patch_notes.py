"""Init's notes on the upgrade patches of a full schema: left out, or read beside it.

`cnsnt init` leaves out the patches a full schema holds the end state of, with a note
under `sources:` naming what they add that the schema lacks; when the schema lacks most
of it (it is older than its patches, `patch_gaps.lacks_most`), the patches that add it
are read instead, and the note says so. Each note knows the schema it is about, so
`init --update` can put today's note in place of the one init wrote a year ago
(`patch_refresh`, review35 R35b D1).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cnsnt.starter.listing import first_few
from cnsnt.starter.patch_gaps import gaps_sentence


class PatchNote(str):
    """A note's text, with the full schema it is about (a note is a `str` wherever notes go)."""

    schema: str
    """The full schema's path from the project root (`db/schema.sql`)."""
    names_gaps: bool
    """Whether it names columns or tables no source reads (a left-out note with gaps)."""
    group: PatchGroup | None
    """The patches of a schema older than they are, some read beside it: what the notes
    on them say depends on which a policy reads (`PatchGroup.notes`)."""

    def __new__(
        cls, text: str, schema: str, *, names_gaps: bool = False, group: PatchGroup | None = None
    ) -> PatchNote:
        """The note `text` about the full schema `schema`."""
        note = super().__new__(cls, text)
        note.schema = schema
        note.names_gaps = names_gaps
        note.group = group
        return note


@dataclass(frozen=True)
class PatchGroup:
    """A full schema older than its patches: those read beside it, the others, what they add it lacks."""

    full: Path
    root: Path
    ahead: tuple[Path, ...]
    """The patches init reads beside the schema (they add what it lacks)."""
    rest: tuple[Path, ...]
    """The patches left out (what they add, the schema holds)."""
    gaps: tuple[tuple[str, Path], ...]
    """What all the patches add that the schema lacks, each with the patch that adds it."""
    rest_gaps: tuple[tuple[str, Path], ...]
    """What the patches left out add that the schema lacks, replayed alone."""

    def notes(self, unread: frozenset[str] = frozenset()) -> list[PatchNote]:
        """The notes init writes, as true of a policy that does not read the files `unread`.

        A patch init reads that the policy does not (a policy written before init read
        them, `--update` without `--sources`) is named with those left out, with what it adds.
        """
        skipped = {p for p in self.ahead if p.relative_to(self.root).as_posix() in unread}
        read = [p for p in self.ahead if p not in skipped]
        out: list[PatchNote] = []
        if read:
            out.append(read_note(read, list(self.gaps), self.full, self.root, self))
        left = sorted([*self.rest, *skipped])
        if left:
            gaps = [*self.rest_gaps, *((name, path) for name, path in self.gaps if path in skipped)]
            gaps.sort(key=lambda g: g[0].casefold())
            out.append(patches_note(left, gaps, self.full, self.root, self))
        return out


def _files(paths: list[Path], root: Path) -> str:
    """`3 SQL files in db/migrations`: how many, and their folders."""
    where = ", ".join(sorted({p.parent.relative_to(root).as_posix() for p in paths}))
    return f"{len(paths)} SQL file{'s' if len(paths) != 1 else ''} in {where}"


def patches_note(
    paths: list[Path], gaps: list[tuple[str, Path]], full: Path, root: Path, group: PatchGroup | None = None
) -> PatchNote:
    """`left out N SQL files in W: upgrade patches of X, which holds their tables[; they add ...]`."""
    shown = full.relative_to(root).as_posix()
    text = (
        f"left out {_files(paths, root)}: upgrade patches of {shown}, which holds their tables"
        + (gaps_sentence(gaps, full, root) if gaps else "")
    )
    return PatchNote(text, shown, names_gaps=bool(gaps), group=group)


def read_note(
    ahead: list[Path], gaps: list[tuple[str, Path]], full: Path, root: Path, group: PatchGroup
) -> PatchNote:
    """The note on the patches read beside an older full schema: which, and what they add it lacks."""
    kept = set(ahead)
    mine = [name for name, path in gaps if path in kept]
    columns = sum(1 for name in mine if "." in name)
    tables = len(mine) - columns
    what = " and ".join(
        f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((columns, "column"), (tables, "table")) if n
    )
    shown = full.relative_to(root).as_posix()
    text = (
        f"read {_files(ahead, root)} beside {shown}: upgrade patches of it that add {what} it lacks "
        f"({first_few(mine, 5)}); {shown} lacks most of the columns its patches add, so it is older "
        "than they are"
    )
    return PatchNote(text, shown, group=group)
