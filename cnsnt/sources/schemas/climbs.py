"""The folders a configuration search climbs: above each source file, up to the project's top.

Hibernate's naming settings and Flyway's default schema are both read from the nearest
configuration file above the sources; one climb serves both, so they stop at the same place.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

#: How many folders the climb goes up at most.
CLIMB = 64


def folders_above(paths: Iterable[Path], stop: Path | None) -> Iterable[Path]:
    """The folders above each file, nearest first, to `stop`, a `.git` folder or the root."""
    top = stop.resolve() if stop is not None else None
    for path in paths:
        directory = path.resolve().parent
        for _ in range(CLIMB):
            yield directory
            if directory == top or (directory / ".git").exists() or directory.parent == directory:
                break
            directory = directory.parent
