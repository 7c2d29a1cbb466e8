"""Error types: the CLI catches only these, everything else is a bug (exit 3)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cnsnt.model import Location
from cnsnt.redact import redact


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with where it is."""

    message: str
    location: Location | None = None

    def __post_init__(self) -> None:
        # Messages echo policy values, which may be database URLs with passwords.
        object.__setattr__(self, "message", redact(self.message))

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class CnsntError(Exception):
    """Base of every error cnsnt reports to a user instead of crashing."""


class UsageError(CnsntError):
    """Bad command-line usage: exit 2."""


class PolicyError(CnsntError):
    """The policy is invalid: exit 2, nothing audited. Carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class SourceError(CnsntError):
    """One evidence source cannot be read or parsed; becomes a CN001 finding."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.message = message = redact(message)
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class OutputError(CnsntError):
    """An output file cannot be written."""
