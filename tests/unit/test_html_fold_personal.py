"""The HTML fold ranks a member naming personal data first by a fact it carries (codereview24 F11).

It matched copies of CN001's wording (`"it looks like personal data"`), which a re-wording
would have silently broken; the finding now carries `personal`, set where the nameless
control is weighed. The findings and the problem here are written for these tests.
"""

from __future__ import annotations

from cnsnt.evidence import FormField, SourceProblem
from cnsnt.model import Finding, Location, Severity
from cnsnt.reporters.html import _clusters
from cnsnt.rules.source.nameless import weighed


def _finding(line: int, message: str, personal: bool = False) -> Finding:
    return Finding(
        "CN001", "source-unreadable", Severity.WARNING, f"F.tsx:{line}", message,
        "declare it", Location("F.tsx", line, 7), source="F.tsx", personal=personal,
    )  # fmt: skip


def test_a_fold_shows_the_member_that_carries_personal_first_whatever_its_wording() -> None:
    plain = _finding(4, "field at 4:7 has no name")
    telling = _finding(5, "field at 5:7 has no name; a re-worded verdict", personal=True)
    [fold] = _clusters([plain, telling])
    assert fold == [telling, plain]


def _problem(raw: str, label: str | None) -> SourceProblem:
    where = Location("F.tsx", 5, 7)
    field = FormField("f", None, "text", where, "F.tsx", label=label, raw=raw)
    return SourceProblem(
        "field at 5:7 has no name", where, "F.tsx", severity=Severity.WARNING, nameless=field
    )


def test_the_weighing_of_a_nameless_control_sets_personal() -> None:
    assert weighed(_problem("value={v[k]}", "CPF do paciente")).personal  # "it looks like personal data"
    assert not weighed(_problem("value={v[k]}", "Buscar")).personal
    assert not weighed(_problem("value={v[k]}", None)).personal  # nothing to judge it by
