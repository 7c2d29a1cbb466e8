"""Reporter interface: a reporter turns an AuditResult into a string; it never writes."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from cnsnt.model import AuditResult, Finding
from cnsnt.textsafe import printable

__all__ = ["RenderOptions", "Reporter", "group_of", "printable"]


def group_of(finding: Finding) -> str:
    """The source a finding is listed under: its file, its database, or the policy."""
    if finding.location is None:
        return "(policy)"
    if finding.location.database is not None:
        return f"db://{finding.location.database}"
    return finding.location.path or "(policy)"


def db_object(finding: Finding) -> str:
    """In a live database: `schema.table.column` (or less), as shown under its database."""
    loc = finding.location
    if loc is None or loc.database is None:
        return ""
    return ".".join(p for p in (loc.table, loc.column_name) if p)


@dataclass(frozen=True)
class RenderOptions:
    """How to render: terminal width and colour (only the text reporter uses them)."""

    width: int = 100
    color: bool = False
    show_suppressed: bool = False
    path_prefix: str = ""
    """Prefix for file paths in CI formats (SARIF, GitHub): the policy's directory as
    seen from where cnsnt runs, so annotations land on the right files in a monorepo.
    Report paths themselves stay relative to the policy, as the JSON contract says."""

    datamap_svg: str | None = None
    """The data map picture (SVG) for the HTML report; the CLI draws it when Graphviz is there."""
    datamap_note: str | None = None
    """Why there is no picture, shown in its place."""

    def ci_path(self, path: str) -> str:
        """A report path as the repository sees it."""
        return f"{self.path_prefix.rstrip('/')}/{path}" if self.path_prefix else path


class Reporter(ABC):
    """One output format."""

    format: ClassVar[str]
    machine: ClassVar[bool] = True
    """Machine formats never get colour or progress output."""

    @abstractmethod
    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """The whole report as text (ending with a newline)."""
