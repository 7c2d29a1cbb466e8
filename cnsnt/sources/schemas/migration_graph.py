"""The order to replay migrations that name their parents (Alembic, Django), never a hang.

Each migration names the ones it runs after (Alembic's `down_revision` and
`depends_on`, Django's `dependencies`). The order is a topological one that is the
same on every run: among the migrations whose parents have all run, the one with the
smallest sort key (its file) runs next, so branches and merges replay the same way
each time. A parent the folder does not hold is a CN001 at the place it is named (the
migration runs as if it had none); migrations caught in a cycle are a CN001 at the
place the cycle closes and run after the others, in file order.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location


@dataclass
class Step:
    """One migration in the graph: its id, tie-break key and the parents it names."""

    key: str
    sort: tuple[object, ...]
    parents: list[tuple[str, Location]] = field(default_factory=list)
    """Parent ids, each with the place it is named (for the CN001 when it is missing)."""


def replay_order(steps: list[Step], what: str = "migration") -> tuple[list[Step], list[SourceProblem]]:
    """The steps in a deterministic topological order, and the problems of the graph."""
    by_key = {s.key: s for s in steps}
    problems: list[SourceProblem] = []
    waiting: dict[str, int] = {}
    children: dict[str, list[str]] = {}
    for step in sorted(steps, key=lambda s: s.sort):
        count = 0
        for parent, where in step.parents:
            if parent not in by_key:
                problems.append(
                    SourceProblem(
                        f"{what} '{step.key}' runs after '{parent}', which is not among the files "
                        "of this entry: replayed as if it had no parent",
                        where,
                        where.path or "",
                    )
                )
                continue
            if parent == step.key:
                count += 1  # a self-loop: caught as a cycle below
                continue
            children.setdefault(parent, []).append(step.key)
            count += 1
        waiting[step.key] = count
    ready = [(by_key[k].sort, k) for k, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    order: list[Step] = []
    while ready:
        _, key = heapq.heappop(ready)
        order.append(by_key[key])
        for child in children.get(key, ()):
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, (by_key[child].sort, child))
    stuck = sorted((by_key[k] for k, n in waiting.items() if n > 0), key=lambda s: s.sort)
    if stuck:
        problems.append(_cycle_problem(stuck, by_key, what))
        order.extend(stuck)
    return order, problems


def _cycle_problem(stuck: list[Step], by_key: dict[str, Step], what: str) -> SourceProblem:
    """One CN001 naming a cycle among the stuck steps, at the place it closes."""
    left = {s.key for s in stuck}
    path: list[str] = []
    seen: dict[str, int] = {}
    key = stuck[0].key
    where = Location(None)
    closed = False
    while not closed:
        seen[key] = len(path)
        path.append(key)
        nxt = next(((p, w) for p, w in by_key[key].parents if p in left), None)
        if nxt is None:  # cannot happen: a stuck step waits on a stuck parent
            break
        key, where = nxt
        closed = key in seen
    cycle = [*path[seen[key]:], key] if closed else path
    return SourceProblem(
        f"the {what}s {' -> '.join(repr(k) for k in cycle)} run after each other in a cycle: "
        f"{len(stuck)} {what}(s) replayed after the others, in file order",
        where,
        where.path or "",
    )
