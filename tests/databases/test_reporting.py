"""A finding in a live database, in every report format: one `db://` location, no secrets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from cnsnt.model import AuditResult, Finding, Location, Severity
from cnsnt.reporters import REPORTERS, RenderOptions, get_reporter

SHARED_SARIF = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "standards" / "sarif-schema-2.1.0.json"
)
LOC = Location(database="sqlite:///data/mé app.db", table="main.patients", column_name="email")
URI = "db://sqlite:///data/mé app.db/main.patients.email"


def result() -> AuditResult:
    finding = Finding(
        rule="CN101",
        name="undeclared-personal-data",
        severity=Severity.ERROR,
        subject="patients.email",
        message="column patients.email holds personal data",
        hint="declare it",
        location=LOC,
        source="sqlite:///data/mé app.db",
    )
    return AuditResult(policy_path="cnsnt.yaml", findings=(finding,))


def render(fmt: str) -> str:
    return get_reporter(fmt).render(result(), RenderOptions(width=200))


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_format_names_the_database_and_the_column(fmt):
    out = render(fmt)
    if fmt == "sarif":
        assert "db://sqlite:///data/m%C3%A9%20app.db/main.patients.email" in out
    elif fmt == "markdown":
        # Grouped by rule, then by source: the database is the source heading.
        assert "### db://sqlite:///data/mé app.db\n" in out and "| main.patients.email |" in out
    elif fmt == "text":
        assert URI.rsplit("/", 1)[0] in out and "main.patients.email" in out
    else:
        assert URI in out


def test_json_location_keeps_the_spec_keys_and_adds_the_uri():
    loc = json.loads(render("json"))["findings"][0]["location"]
    assert loc == {
        "database": "sqlite:///data/mé app.db",
        "table": "main.patients",
        "column_name": "email",
        "uri": URI,
    }


def test_sarif_location_is_an_absolute_uri_and_a_logical_column():
    log = json.loads(render("sarif"))
    (location,) = log["runs"][0]["results"][0]["locations"]
    uri = location["physicalLocation"]["artifactLocation"]["uri"]
    assert "uriBaseId" not in location["physicalLocation"]["artifactLocation"]
    assert re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[\x21-\x7e]+", uri)  # RFC 3986: ASCII, no spaces
    assert location["logicalLocations"] == [
        {"name": "email", "fullyQualifiedName": "main.patients.email", "kind": "column"}
    ]
    if SHARED_SARIF.is_file():
        jsonschema.Draft4Validator(json.loads(SHARED_SARIF.read_text())).validate(log)


def test_github_annotation_without_a_file_carries_the_location():
    (line,) = render("github").splitlines()
    assert line.startswith("::error title=CN101 undeclared-personal-data::" + URI + ": column")
    assert "file=" not in line


def test_junit_failure_names_the_location():
    root = ET.fromstring(render("junit"))
    assert URI in (root.find(".//failure").text or "")


def test_text_collapses_alike_database_problems_naming_tables_not_lines():
    alike = tuple(
        Finding(
            rule="CN001",
            name="source-unreadable",
            severity=Severity.ERROR,
            subject="postgresql://app:***@db/shop",
            message=f"cannot read table 'public.t{i}' to sample its values: permission denied for table t{i}",
            hint="",
            location=Location(database="postgresql://app:***@db/shop", table=f"public.t{i}"),
        )
        for i in range(1, 6)
    )
    out = get_reporter("text").render(AuditResult(policy_path="cnsnt.yaml", findings=alike), RenderOptions(width=200))
    assert "and 4 more like it at public.t2, public.t3, public.t4, public.t5 (all listed" in out
