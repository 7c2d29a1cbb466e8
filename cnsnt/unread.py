"""The stderr summary's word on sources an audit could not read in full (CN001 errors).

`cnsnt: 91 errors, ...` said nothing of the one schema file that stopped parsing halfway
(review23 D7); the summary now names it, by the kind of its `sources:` entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from cnsnt.model import Finding
from cnsnt.policy.model import SourceSpec
from cnsnt.reporters.order import unread_places
from cnsnt.starter.folder_globs import covers

#: What a `sources:` kind's one source is called in the summary.
_KIND_WORDS = {
    "schemas": "schema file",
    "forms": "form file",
    "queries": "query file",
    "databases": "database",
}


def _kind(place: str, specs: Sequence[SourceSpec], base_dir: Path) -> str:
    """The kind of the `sources:` entry a place was read through (`schemas`), else ''."""
    if place.startswith("db://"):
        return "databases"
    for spec in specs:
        if spec.kind == "databases":
            continue
        try:
            pattern = (spec.base_dir / spec.pattern).relative_to(base_dir).as_posix()
        except ValueError:
            continue
        if covers(pattern, place):
            return spec.kind
    return ""


def unread_summary(findings: Iterable[Finding], specs: Sequence[SourceSpec], base_dir: Path) -> str:
    """`1 schema file could not be read in full (db/schema.rb)`, or '' when every source was read."""
    places = unread_places(findings)
    if not places:
        return ""
    counts: dict[str, int] = {}
    for place in places:
        word = _KIND_WORDS.get(_kind(place, specs, base_dir), "source")
        counts[word] = counts.get(word, 0) + 1
    said = ", ".join(
        f"{n} {word}{'s' if n != 1 else ''}" for word, n in sorted(counts.items(), key=lambda c: c[0])
    )
    shown = ", ".join(p.removeprefix("db://") for p in places[:3])
    shown += f" and {len(places) - 3} more" if len(places) > 3 else ""
    return f"{said} could not be read in full ({shown}): see CN001"
