"""Per-rule cases in tests/rules/cases/CN*.yml (sqlfluff style): `pytest -k CN203`.

Each case is a small project: a policy, inline files, real files copied from
../shared/corpus (`corpus:`, skipped when it is absent) or our own fixtures from
tests/fixtures (`fixtures:`), and the exact subjects the rule must report (empty: passes).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from cnsnt.api import audit
from cnsnt.policy.loader import load_policy
from tests.conftest import FIXTURES, corpus_path

CASES_DIR = Path(__file__).parent / "cases"


def load_cases():
    for file in sorted(CASES_DIR.glob("CN*.yml")):
        spec = yaml.safe_load(file.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}-{case['name']}")


@pytest.mark.parametrize(("rule", "case"), list(load_cases()))
def test_rule_case(rule, case, tmp_path):
    for name, text in (case.get("files") or {}).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for source, name in (case.get("corpus") or {}).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(corpus_path(source), target)
    for source, name in (case.get("fixtures") or {}).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / source, target)
    (tmp_path / "cnsnt.yaml").write_text(case["policy"], encoding="utf-8")
    result = audit(
        load_policy(tmp_path / "cnsnt.yaml"),
        jobs=1,
        preset=case.get("preset"),
        today=dt.date(2026, 11, 23),
    )
    found = [f for f in result.findings if f.rule == rule]
    if "only" in case:  # look at one table or form of a large real file
        found = [f for f in found if f.subject.startswith(case["only"])]
    assert sorted(f.subject for f in found) == sorted(case["expect"]), [f.message for f in found]
    for subject, severity in (case.get("severity") or {}).items():
        assert {f.severity.value for f in found if f.subject == subject} == {severity}
    for text in case.get("messages") or []:
        assert any(text in f.message for f in found), [f.message for f in found]
    for text in case.get("hints") or []:
        assert any(text in f.hint for f in found), [f.hint for f in found]
    for text in case.get("not_said") or []:  # words no message or fix line may hold
        assert not any(text in f.message or text in f.hint for f in found), found
    if "suppressed" in case:
        assert sorted(f.subject for f in result.suppressed if f.rule == rule) == sorted(
            case["suppressed"]
        )
    if "lines" in case:
        assert sorted((f.subject, f.location.line) for f in found) == sorted(
            (s, line) for s, line in case["lines"].items()
        )


def test_every_rule_has_passing_and_failing_cases():
    from cnsnt.rules import all_rules

    covered: dict[str, set[bool]] = {}
    for param in load_cases():
        rule, case = param.values
        covered.setdefault(rule, set()).add(bool(case["expect"]))
    missing = [r.code for r in all_rules() if covered.get(r.code) != {True, False}]
    # Rules with their own test modules (query use, notices) are checked there.
    own_modules = {"CN301", "CN302", "CN303", "CN401", "CN601", "CN602"}
    assert [m for m in missing if m not in own_modules] == []
