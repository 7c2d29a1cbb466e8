"""The order upgrade patches run in, read from their names: what `patch_gaps` replays them in.

A patch named by a version (paheko's `1.3.10.sql`) runs after those of lower versions:
`1.3.9.sql` before `1.3.10.sql`, which a sort by name gets wrong. A patch named by the
versions it upgrades from and to (osTicket's `98ae1ed2-e342f869.patch.sql`, schema
signatures) runs after the patch that leads to its first version: osTicket's upgrader
follows that chain, and its `.cleanup.sql` runs after the step's other files. Names sort
in no useful order there: `32de1766-852ca89e` rebuilds the `config` table that
`98ae1ed2-e342f869` added columns to before it. Any other name runs after these, by name.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.starter.schema_versions import split_version

#: The phase of an upgrade step that runs after its other files (osTicket's `x-y.cleanup.sql`).
_LAST_PHASE = "cleanup"


def _step(path: Path) -> tuple[str, str] | None:
    """(from, to) of a name `<from>-<to>[.<phase>].sql`, each one word of letters and digits; else None."""
    head = path.name.split(".", 1)[0]
    parts = head.split("-")
    if len(parts) != 2 or not all(p.isascii() and p.isalnum() for p in parts) or parts[0] == parts[1]:
        return None
    return parts[0].casefold(), parts[1].casefold()


def _by_name(path: Path) -> tuple[object, ...]:
    """Within one step, its cleanup last; otherwise by name, digit runs as numbers."""
    return (path.stem.casefold().endswith("." + _LAST_PHASE), natural_key(path.as_posix()))


def upgrade_order(paths: Iterable[Path]) -> list[Path]:
    """The patches in the order they run: by version, then along `<from>-<to>` chains, then by name.

    Names are read as `<from>-<to>` steps only when one step starts where another ends
    (`001-init.sql` beside `002-users.sql` is no chain: those are versions).
    """
    named = {path: _step(path) for path in paths}
    starts = {step[0] for step in named.values() if step is not None}
    chained = any(step is not None and step[1] in starts for step in named.values())
    versioned: list[tuple[tuple[int, ...], Path]] = []
    steps: dict[tuple[str, str], list[Path]] = defaultdict(list)
    others: list[Path] = []
    for path, step in named.items():
        version = split_version(path.stem)[1]
        if chained and step is not None:
            steps[step].append(path)  # osTicket's `49478749-c2d2fabf`: a signature, not a version
        elif version:
            versioned.append((version, path))
        else:
            others.append(path)
    ordered = [p for _, p in sorted(versioned, key=lambda vp: (vp[0], natural_key(vp[1].as_posix())))]
    ordered.extend(p for step in _chained(list(steps)) for p in sorted(steps[step], key=_by_name))
    ordered.extend(sorted(others, key=_by_name))
    return ordered


def _chained(steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Steps so that each comes after every step that ends where it starts (Kahn's order).

    Of steps free to run, the first by name runs; steps caught in a loop (`a-b`, `b-a`)
    run last, by name.
    """
    ends = Counter(to for _, to in steps)
    waiting = {step: ends[step[0]] for step in steps}  # `_step` keeps from and to apart
    starting: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for step in steps:
        starting[step[0]].append(step)
    ready = [step for step, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    ordered: list[tuple[str, str]] = []
    while ready:
        step = heapq.heappop(ready)
        ordered.append(step)
        for nxt in starting.get(step[1], ()):
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, nxt)
    done = set(ordered)
    return ordered + sorted(s for s in steps if s not in done)
