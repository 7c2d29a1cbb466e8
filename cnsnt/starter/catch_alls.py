"""The whole-form patterns (`form.*`) `cnsnt init` wrote for fields of no known kind.

init proposes a form whose every field is of a kind cnsnt cannot name as one `form.*`
line in a "kind unknown" entry (`cnsnt.starter.fields`). A field added to that form
later, a phone number say, is then covered by the pattern and no audit or `--update`
ever named it (review26 D4). `--update` reads which patterns are init's own by the
comment init wrote beside them, which says `none of a kind cnsnt knows`: a pattern the
user wrote (or whose comment they changed) is theirs, and it keeps covering its fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.starter.fields import WHOLE_FORM_MARK

MARK = WHOLE_FORM_MARK


@dataclass(frozen=True)
class CatchAll:
    """A `form.*` line init wrote: its entry, its pattern and where it is."""

    entry: str
    pattern: str
    where: str
    """`cnsnt.yaml:46`: a policy's files share one folder, so its name says which."""


def _comment(seq: CommentedSeq, index: int) -> str:
    """The comment after a block sequence's item (on its line), or ``''``."""
    tokens = seq.ca.items.get(index) or []
    return "".join(getattr(t, "value", "") for t in tokens if t is not None)


def _in_file(top: Mapping[object, object], shown: str) -> list[CatchAll]:
    data = top.get("data")
    if not isinstance(data, CommentedMap):
        return []
    found: list[CatchAll] = []
    for name, entry in data.items():
        if not isinstance(entry, CommentedMap):
            continue
        fields = entry.get("form_fields")
        if not isinstance(fields, CommentedSeq):
            continue
        for i, pattern in enumerate(fields):
            if isinstance(pattern, str) and pattern.endswith(".*") and MARK in _comment(fields, i):
                found.append(CatchAll(str(name), pattern, f"{shown}:{fields.lc.item(i)[0] + 1}"))
    return found


def init_catch_alls(parsed: Sequence[tuple[Path, CommentedMap]]) -> list[CatchAll]:
    """The `form.*` lines init wrote in the policy's parsed files, named by file name (one folder)."""
    found: list[CatchAll] = []
    for file, top in parsed:
        found.extend(_in_file(top, file.name))
    return found
