"""`cnsnt notice` prints one line per kind of finding, a draft or a refusal; --verbose lists each.

A starter with 52 entries printed 186 stderr lines for a draft (one "label has no 'de'
text" per entry, one "no purpose" and "no retention" per entry): the reader needs the
kinds, a count and where to start. A refusal printed 105 lines on a 38-entry starter
(review33 R33a): it folds the same way, and names the command that lists each.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.finding_groups import fold_alike, group_alike, kind
from cnsnt.model import Finding, Location, Severity

ENV = {"NO_COLOR": "1", "COLUMNS": "200"}
ENTRY = """\
  {name}:
    label: The {name}
    category: user.contact
    columns: [people.{name}]
"""


def starter(tmp_path: Path, count: int) -> Path:
    names = [f"field_{i}" for i in range(count)]
    text = "cnsnt: 1\ndata:\n" + "".join(ENTRY.format(name=n) for n in names)
    (tmp_path / "cnsnt.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def notice(tmp_path: Path, *args: str):
    return CliRunner().invoke(
        app, ["notice", str(tmp_path), "--no-audit", "--lang", "de", *args], env=ENV
    )


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_a_draft_lists_each_kind_once_with_a_count_and_the_first_place(tmp_path: Path) -> None:
    project = starter(tmp_path, 6)
    result = notice(project, "--draft")
    assert result.exit_code == 0, result.stderr
    err = lines(result.stderr)
    purpose = [line for line in err if "has no purpose" in line]
    assert purpose == [
        "error: cnsnt.yaml:3:3: CN102 data entry 'field_0' has no purpose "
        "(and 5 more like it: field_1, field_2, field_3 and 2 more)"
    ]
    assert sum("has no 'de' text" in line for line in err) == 1
    assert any("has no 'de' text" in line and "(and 5 more like it: field_1," in line for line in err)
    assert any("--verbose lists each" in line for line in err)
    assert len(err) < 12

    verbose = lines(notice(project, "--draft", "--verbose").stderr)
    assert sum("has no purpose" in line for line in verbose) == 6
    assert not any("more like it" in line for line in verbose)


def test_a_refused_notice_folds_its_findings_and_names_the_command_that_lists_each(tmp_path: Path) -> None:
    """review33 R33a: 105 lines of one error per entry, then 26 label warnings, on a refusal."""
    project = starter(tmp_path, 40)
    result = notice(project)
    assert result.exit_code == 1  # still refused
    err = lines(result.stderr)
    assert [line for line in err if "has no purpose" in line] == [
        "error: cnsnt.yaml:3:3: CN102 data entry 'field_0' has no purpose "
        "(and 39 more like it: field_1, field_2, field_3 and 36 more)"
    ]
    assert sum("has no 'de' text" in line for line in err) == 1
    assert f"one per kind; --verbose lists each, cnsnt validate {project} lists the policy's" in result.stderr
    assert err[-1].startswith("notice not written: ")
    assert len(err) < 12
    verbose = notice(project, "--verbose")
    assert verbose.exit_code == 1
    assert sum("has no purpose" in line for line in lines(verbose.stderr)) == 40
    assert "more like it" not in verbose.stderr


def test_kinds_differ_by_rule_severity_and_wording_not_by_entry() -> None:
    def finding(rule: str, entry: str, message: str, severity=Severity.ERROR) -> Finding:
        return Finding(
            rule=rule, name="x", severity=severity, subject=f"data:{entry}", message=message,
            hint="", location=Location("cnsnt.yaml", line=1), policy_entry=f"data.{entry}",
        )

    a = finding("CN102", "email", "data entry 'email' has no purpose")
    b = finding("CN102", "phone", "data entry 'phone' has no purpose")
    c = finding("CN602", "phone", "data entry 'phone' has no purpose")
    d = finding("CN102", "phone", "data entry 'phone' has no purpose", Severity.WARNING)
    e = finding("CN102", "email", "data entry 'email' is kept in 'email_log'")
    assert kind(a) == kind(b) != kind(c) != kind(d)
    assert kind(e)[2] == "data entry '\0' is kept in 'email_log'"  # only whole names are masked
    assert group_alike([a, c, b, d]) == [(a, 2), (c, 1), (d, 1)]
    folds = fold_alike([a, c, b, d, b])
    assert [(f.count, f.others) for f in folds] == [(3, ("phone",)), (1, ()), (1, ())]
    assert folds[0].more() == " (and 2 more like it: phone)" and folds[1].more() == ""
