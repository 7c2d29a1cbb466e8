"""Findings, locations and severities: the vocabulary every layer shares."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any

from cnsnt.redact import redact


class Severity(StrEnum):
    """How bad a finding is; `--fail-on` compares against it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse, so thresholds compare with >=."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Confidence(StrEnum):
    """How sure the evidence is; separate from severity (as in bandit)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ExitCode(IntEnum):
    """Documented process exit codes (SPEC §2)."""

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3
    INTERRUPTED = 130
    """Ctrl-C (128 + SIGINT, as shells report it); nothing was written."""


@dataclass(frozen=True, order=True)
class Location:
    """Where something is: a file position, or a live database table.

    `path` is POSIX-style and relative to the policy's directory when it lies
    under it, so reports are identical on every machine.
    """

    path: str | None = None
    line: int | None = None
    column: int | None = None
    database: str | None = None
    """A live database's URL, password hidden (`postgresql://app:***@db/shop`)."""
    table: str | None = None
    """In a live database: `schema.table`."""
    column_name: str | None = None
    """In a live database: the column (`column` is a file position)."""

    @property
    def uri(self) -> str | None:
        """A live-database location as one URI: `db://<url>/<schema>.<table>.<column>`.

        A query string in the URL (`?host=/run/pg`) stays at the end, where URIs keep it.
        """
        if self.database is None:
            return None
        url, sep, query = self.database.partition("?")
        parts = [p for p in (self.table, self.column_name) if p]
        where = "/" + ".".join(parts) if parts else ""
        return f"db://{url}{where}{sep}{query}"

    def to_json(self) -> dict[str, Any]:
        """Only the keys that are set, in a fixed order (live databases add their `uri`)."""
        out: dict[str, Any] = {}
        for key in ("path", "line", "column", "database", "table", "column_name", "uri"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    def __str__(self) -> str:
        if self.database is not None:
            return self.uri or self.database
        parts = [self.path or "<unknown>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def sort_key(self) -> tuple[str, str, int, int, str]:
        """Total order that tolerates missing parts."""
        return (
            self.path or "",
            self.database or "",
            self.line or 0,
            self.column or 0,
            (self.table or "") + (f".{self.column_name}" if self.column_name else ""),
        )


@dataclass(frozen=True)
class Finding:
    """One result of one rule, as reported (SPEC §3)."""

    rule: str
    name: str
    severity: Severity
    subject: str
    message: str
    hint: str
    location: Location | None = None
    policy_entry: str | None = None
    confidence: Confidence = Confidence.HIGH
    source: str | None = None
    """The evidence source the finding belongs to (for grouping in reports)."""
    suppressed: str | None = None
    """Reason, when an inline `cnsnt: ignore` or a waiver accepted the finding."""
    personal: bool = False
    """What it is about names personal data (a nameless control's id or label, CN001's
    weighing): reports rank it first among findings like it. Not part of the JSON shape."""

    def __post_init__(self) -> None:
        # Every report format and log line is made from these: no secret may reach one.
        for name in ("subject", "message", "hint", "suppressed"):
            value = getattr(self, name)
            if value:
                object.__setattr__(self, name, redact(value))

    def sort_key(self) -> tuple[Any, ...]:
        """Deterministic order: by place, then rule, then subject and message."""
        loc = self.location.sort_key() if self.location else ("", "", 0, 0, "")
        return (self.source or "", loc, self.rule, self.subject, self.message)

    def fingerprint(self) -> str:
        """Identity across runs that survives moved lines: rule, subject and file."""
        path = (self.location.path or self.location.database or "") if self.location else ""
        return hashlib.sha256(f"{self.rule}\0{self.subject}\0{path}".encode()).hexdigest()[:32]

    def to_json(self) -> dict[str, Any]:
        """The stable JSON shape of SPEC §3 (extra keys only added, never renamed)."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "subject": self.subject,
            "message": self.message,
            "hint": self.hint,
            "location": self.location.to_json() if self.location else None,
            "confidence": self.confidence.value,
        }
        if self.policy_entry is not None:
            out["policy_entry"] = self.policy_entry
        if self.suppressed is not None:
            out["suppressed"] = self.suppressed
        return out


@dataclass(frozen=True)
class RuleMeta:
    """What reporters may know of a rule without importing the rules package."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str = ""


@dataclass(frozen=True)
class SkippedRule:
    """A rule the engine did not run, and why (e.g. no queries were audited)."""

    rule: str
    reason: str


@dataclass(frozen=True)
class AuditResult:
    """Everything one audit produced; reporters render it, the CLI picks the exit code."""

    policy_path: str
    findings: tuple[Finding, ...]
    suppressed: tuple[Finding, ...] = ()
    skipped: tuple[SkippedRule, ...] = ()
    sources: dict[str, int] = field(default_factory=dict)
    """Counts of what was read: {"schemas": 2, "tables": 40, "columns": 310, ...}."""
    rules: tuple[RuleMeta, ...] = ()
    """The rules that ran (for SARIF's rule table and similar)."""

    def count(self, severity: Severity) -> int:
        """Number of active findings of a severity."""
        return sum(1 for f in self.findings if f.severity is severity)

    def fails(self, threshold: Severity | None) -> bool:
        """True when any active finding is at or above the threshold (None: never)."""
        if threshold is None:
            return False
        return any(f.severity.rank >= threshold.rank for f in self.findings)
