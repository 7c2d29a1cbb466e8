"""How much a warning about a control with no name weighs: what its id and label hold.

A control with no name at all is submitted only by a script (an AJAX form that reads
controls by id). Most are filters, pickers and search boxes; the few whose id or label
names personal data are the ones a privacy engineer must see. CN001 says and weighs the
warning so, and `cnsnt init` counts warnings the same way.
"""

from __future__ import annotations

from typing import NamedTuple

from cnsnt.classify.classifier import classify_field, names_personal_data
from cnsnt.evidence import SourceProblem
from cnsnt.model import Severity


class Weighed(NamedTuple):
    """A problem's message and severity as CN001 reports it, and whether it names personal data."""

    message: str
    severity: Severity | None
    personal: bool = False
    """Its id or label names personal data: the finding carries it (a report ranks on it)."""


def weighed(problem: SourceProblem) -> Weighed:
    """The problem's message and severity, a nameless control's judged by its id and label."""
    field = problem.nameless
    if field is None:
        return Weighed(problem.message, problem.severity)
    written = _written_name(field.raw)
    if written is None and not field.label:
        return Weighed(problem.message, problem.severity)  # nothing to judge it by
    verdict = classify_field(written or "", field.label, field.control, label_hint=field.label_hint)
    if verdict.category is not None:
        return Weighed(
            f"{problem.message}; it looks like personal data: {verdict.reason}", problem.severity, True
        )
    named = next((n for n in (names_personal_data(t) for t in (written, field.label) if t) if n), None)
    if named is not None:
        # `id="full-name-to-show"`: a place the person's name is shown, if not typed
        return Weighed(
            f"{problem.message}; its id or label names personal data: {named}", problem.severity, True
        )
    return Weighed(f"{problem.message}; neither its id nor its label names personal data", Severity.INFO)


def _written_name(raw: str | None) -> str | None:
    """`id="last-name"` -> `last-name`, `value={email}` -> `email`: what the markup calls it."""
    if raw is None or "=" not in raw:
        return None
    value = raw.split("=", 1)[1].strip().strip("\"'{}` ")
    return value if value and all(c.isalnum() or c in "-_." for c in value) else None
