"""How init's notes list what they name: the first few, and how many more."""

from __future__ import annotations

from collections.abc import Sequence


def first_few(named: Sequence[str], shown: int = 3) -> str:
    """The first `shown` names of a note's list, and how many more (`a, b, c and 4 more`)."""
    return ", ".join(named[:shown]) + (f" and {len(named) - shown} more" if len(named) > shown else "")
