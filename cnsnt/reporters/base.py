"""Reporter interface: a reporter turns an AuditResult into a string; it never writes."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from cnsnt.model import AuditResult


@dataclass(frozen=True)
class RenderOptions:
    """How to render: terminal width and colour (only the text reporter uses them)."""

    width: int = 100
    color: bool = False
    show_suppressed: bool = False


class Reporter(ABC):
    """One output format."""

    format: ClassVar[str]
    machine: ClassVar[bool] = True
    """Machine formats never get colour or progress output."""

    @abstractmethod
    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """The whole report as text (ending with a newline)."""
