"""Machine formats against their standards; the CLI format enum agrees with the registry."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import jsonschema

from cnsnt.api import audit_path
from cnsnt.cli import ReportFormat
from cnsnt.reporters import REPORTERS, RenderOptions, get_reporter
from tests.conftest import EXAMPLES, corpus_path


def shop_result():
    return audit_path(EXAMPLES / "shop", jobs=1)


def test_cli_formats_and_registry_agree():
    assert {f.value for f in ReportFormat} == set(REPORTERS)


def test_sarif_validates_against_the_official_schema():
    schema = json.loads(corpus_path("standards/sarif-schema-2.1.0.json").read_text())
    log = json.loads(get_reporter("sarif").render(shop_result(), RenderOptions()))
    jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert results and all(r["ruleId"].startswith("CN") for r in results)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_junit_is_well_formed_with_a_failure_per_failing_rule():
    result = shop_result()
    root = ET.fromstring(get_reporter("junit").render(result, RenderOptions()))
    failing = {
        case.get("name").split()[0]
        for case in root.iter("testcase")
        if case.find("failure") is not None
    }
    assert failing == {f.rule for f in result.findings}


def test_github_annotations_escape_newlines_and_commas():
    lines = get_reporter("github").render(shop_result(), RenderOptions()).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands and all(
        line.startswith(("::error ", "::warning ", "::notice ")) for line in commands
    )
    assert all("\n" not in line for line in lines)
    assert any("file=db/schema.sql,line=" in line for line in lines)


def test_markdown_escapes_policy_text():
    from cnsnt.reporters.markdown import md_escape

    assert md_escape("<script>|x") == "\\<script\\>\\|x"


def test_markdown_escapes_a_live_table_name_in_the_where_cell():
    from cnsnt.model import AuditResult, Finding, Location, Severity

    name = "solo|x<img src=x>"
    finding = Finding(
        "CN101", "undeclared-personal-data", Severity.ERROR, f"{name}.email",
        f"column {name}.email holds personal data", "declare it",
        Location(database="sqlite:///app.db", table=f"main.{name}", column_name="email"),
    )
    result = AuditResult("cnsnt.yaml", (finding,))
    rows = [
        line for line in get_reporter("markdown").render(result, RenderOptions()).splitlines()
        if line.startswith("| ") and "solo" in line
    ]
    assert len(rows) == 1
    # a table name is untrusted: it can neither add a cell nor carry markup
    assert rows[0].replace("\\|", "").count("|") == 5
    assert "<" not in rows[0].replace("\\<", "")
