"""Control and bidi characters never reach a reader raw (issue 13 item 5; reproducers 27, 31).

Reports show them as escapes (`cnsnt.textsafe.printable`, `\\x1b`, `\\u202e`; JSON and
SARIF as `\\uXXXX` escapes, so the data is unchanged); notices drop them in every format
(`strip_unsafe`); stderr shows escapes.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.model import AuditResult, Finding, Location, Severity
from cnsnt.notices import render_notice
from cnsnt.policy.loader import load_policy
from cnsnt.reporters import REPORTERS, RenderOptions, get_reporter
from cnsnt.textsafe import UNSAFE, printable, strip_unsafe

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}

#: The policy of reproducer 27-notice-passes-control-and-bidi-chars.
POLICY_27 = r"""cnsnt: 1
controller:
  name: "Acme \u202eDTL\u202c"
  contact: privacy@example.com
purposes:
  p: {description: "To deliver your order.\e]0;pwned\a\e[2J\e[31m", basis: contract}
recipients: []
data:
  e: {category: user.contact.email, purposes: [p], retention: P1Y, label: "Email\e[0m"}
"""
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\u202eDTL\u202c\u2066x\u2069\u200f\x85\x7f\x00"


def test_printable_escapes_every_unsafe_class() -> None:
    assert printable(HOSTILE) == (
        "\\x1b]0;pwned\\x07\\x1b[2J\\u202eDTL\\u202c\\u2066x\\u2069\\u200f\\x85\\x7f\\x00"
    )
    assert printable("tab\tand\nline feed stay; é ’ … stay") == "tab\tand\nline feed stay; é ’ … stay"
    assert printable("\ud800") == "\\ud800"  # a lone surrogate
    assert strip_unsafe(HOSTILE) == "]0;pwned[2JDTLx"


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_27_notice_drops_control_and_bidi_characters(tmp_path: Path, fmt: str) -> None:
    """27-notice-passes-control-and-bidi-chars: YAML double-quoted escapes put ESC / BEL /
    bidi controls into policy texts; audit reports escaped control characters, but
    `cnsnt notice` wrote them raw into Markdown (printed to the terminal by default), HTML
    and JSON. U+202E made "Acme DTL" display as "Acme LTD"."""
    (tmp_path / "cnsnt.yaml").write_text(POLICY_27, encoding="utf-8")
    text = render_notice(load_policy(tmp_path / "cnsnt.yaml"), fmt=fmt).text
    assert UNSAFE.search(text) is None
    assert "Acme DTL" in text
    assert "To deliver your order." in text
    if fmt == "json":
        json.loads(text)
    result = runner.invoke(app, ["notice", str(tmp_path), "-f", fmt, "-q"], env=ENV)
    assert result.exit_code == 0
    assert UNSAFE.search(result.stdout) is None


def _hostile_result(policy_path: str = "proj\x01x/cnsnt.yaml") -> AuditResult:
    findings = (
        Finding("CN001", "source-unreadable", Severity.ERROR, f"t{HOSTILE}",
                f"unknown annotation '{HOSTILE}'", f"fix {HOSTILE}",
                Location(f"sql/a{HOSTILE}.sql", 3, 1)),
        Finding("CN101", "undeclared-personal-data", Severity.WARNING, "users.email",
                "users.email holds personal data", "declare it", Location("db/s.sql", 1, 1),
                suppressed=f"waived {HOSTILE}"),
    )
    return AuditResult(policy_path, findings[:1], findings[1:], sources={"queries": 1})


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_report_format_escapes_unsafe_characters(fmt: str) -> None:
    out = get_reporter(fmt).render(_hostile_result(), RenderOptions(width=120, show_suppressed=True))
    assert UNSAFE.search(out) is None, fmt
    assert "CN001" in out
    if fmt in ("json", "sarif"):
        data = json.loads(out)  # the data is unchanged: only its spelling is escaped
        if fmt == "json":
            message = data["findings"][0]["message"]
        else:
            message = data["runs"][0]["results"][0]["message"]["text"]
        assert HOSTILE in message
    if fmt == "junit":
        ET.fromstring(out)


def test_31_junit_report_of_a_policy_in_a_directory_with_a_control_character(tmp_path: Path) -> None:
    """31-junit-invalid-xml-from-policy-path: reporters/junit passed finding text through
    printable() but not the testsuite name, which holds the policy path: a control
    character in a directory name made the JUnit report invalid XML."""
    project = tmp_path / "proj\x01x"
    project.mkdir()
    (project / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: X, contact: x@example.com}\nsources: {schemas: [{path: s.sql}]}\n"
        "purposes: {p: {description: To deliver your order., basis: contract}}\n"
        "data: {e: {category: user.contact.email, columns: [t.email], purposes: [p], "
        "retention: P1Y, label: Email}}\n",
        encoding="utf-8",
    )
    (project / "s.sql").write_text("CREATE TABLE t (email text, phone text);\n", encoding="utf-8")
    out = get_reporter("junit").render(audit_path(project), RenderOptions())
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None and "\\x01" in suite.get("name", "")


def test_stderr_shows_escapes(tmp_path: Path) -> None:
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\ncontroller: {name: X, contact: x@example.com, country: "\\e[2J\\u202eZZ"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(tmp_path)], env=ENV)
    assert result.exit_code == 2
    assert UNSAFE.search(result.stderr) is None
    assert "\\x1b[2J\\u202eZZ" in result.stderr
