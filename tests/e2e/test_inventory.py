"""`cnsnt inventory` and `--ropa` on the shop example, compared with golden files.

Regenerate after an intended change with `CNSNT_REGEN=1 python -m pytest tests/e2e`
and review the diff like code.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from tests.conftest import EXAMPLES

REGEN = bool(os.environ.get("CNSNT_REGEN"))
SHOP = EXAMPLES / "shop"
ENV = {"NO_COLOR": "1", "COLUMNS": "120"}
DOT = shutil.which("dot")

#: (golden file, extra arguments)
DOCUMENTS = [
    ("inventory.txt", ["--format", "table"]),
    ("inventory.md", ["--format", "markdown"]),
    ("inventory.csv", ["--format", "csv"]),
    ("inventory.json", ["--format", "json"]),
    ("inventory.dot", ["--format", "dot"]),
    ("ropa.md", ["--ropa"]),
    ("ropa.html", ["--ropa", "--format", "html"]),
    ("ropa.csv", ["--ropa", "--format", "csv"]),
    ("ropa.json", ["--ropa", "--format", "json"]),
]


def run(args, monkeypatch, cwd=SHOP):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, ["inventory", *args], env=ENV, catch_exceptions=False)


@pytest.mark.parametrize(("name", "args"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_shop_document_matches_golden(name, args, monkeypatch):
    result = run(args, monkeypatch)
    assert result.exit_code == 0, result.stderr
    golden = SHOP / "expected" / name
    if REGEN:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_data_map_joins_policy_and_sources(monkeypatch):
    doc = json.loads(run(["-f", "json"], monkeypatch).stdout)
    data = {d["key"]: d for d in doc["data"]}
    email = data["email"]
    assert [p["key"] for p in email["collected"]] == ["checkout.email", "newsletter.email"]
    assert email["stored"] == [{"key": "customers.email", "where": "db/schema.sql:5:3", "found": True}]
    assert {u["purpose"] for u in email["used"]} == {"orders", "ad_profiling"}
    # chat_messages.body is read for ads: a use beyond purpose, shown as such.
    chat = {u["purpose"]: u for u in data["chat"]["used"]}
    assert chat["ad_profiling"]["declared"] is False
    assert data["device"]["shared"][0]["name"] == "Stripe Payments Europe Ltd."
    assert doc["undeclared"] == []


def test_undeclared_personal_data_is_listed_apart(tmp_path, monkeypatch):
    project = tmp_path / "restaurant"
    shutil.copytree(EXAMPLES / "restaurant", project)
    result = run(["-f", "json"], monkeypatch, cwd=project)
    keys = [p["key"] for p in json.loads(result.stdout)["undeclared"]]
    assert "customers.birth_date" in keys and "booking.pet_name" in keys
    assert "CN101" in result.stderr


def test_csv_is_spreadsheet_safe(tmp_path, monkeypatch):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: '=HYPERLINK(1)', contact: a@b.example}\n"
        "purposes: {p: {description: Do it., basis: contract}}\n"
        "data:\n  x: {label: '=cmd|calc', category: user.name, purposes: [p], retention: P1Y}\n",
        encoding="utf-8",
    )
    rows = list(csv.reader(io.StringIO(run(["-f", "csv"], monkeypatch, cwd=tmp_path).stdout)))
    assert rows[1][1] == "'=cmd|calc"
    ropa = list(csv.reader(io.StringIO(run(["--ropa", "-f", "csv"], monkeypatch, cwd=tmp_path).stdout)))
    assert all(not c.startswith("=") for row in ropa for c in row)


def test_csv_has_a_row_for_every_datum(tmp_path, monkeypatch):
    # A datum with no column, field, query, recipient or retention yet had no row at all.
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: Shop, contact: a@b.example}\n"
        "purposes: {p: {description: Do it., basis: contract}}\n"
        "data:\n  x: {label: Name, category: user.name, purposes: [p], retention: P1Y}\n"
        "  y: {label: Hobby, category: user, purposes: [p]}\n",
        encoding="utf-8",
    )
    rows = list(csv.reader(io.StringIO(run(["-f", "csv"], monkeypatch, cwd=tmp_path).stdout)))
    assert [r[0] for r in rows[1:]] == ["x", "y"]
    assert rows[2][3:7] == ["declared", "", "", "p"]


def test_dot_labels_cannot_inject_attributes(tmp_path, monkeypatch):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: Shop, contact: a@b.example}\n"
        "purposes: {p: {description: 'a\" image=\"/etc/passwd', basis: contract}}\n"
        "data:\n  x: {label: 'x\\\\\" shape=none \\u202e', category: user.name, purposes: [p]}\n",
        encoding="utf-8",
    )
    dot = run(["-f", "dot"], monkeypatch, cwd=tmp_path).stdout
    assert 'image="' not in dot.replace('\\"', "")
    assert "\u202e" not in dot
    for line in dot.splitlines():
        # every quote inside a label is escaped: attributes stay the ones cnsnt writes
        assert len(re.findall(r'(?<!\\)"', line)) % 2 == 0


@pytest.mark.skipif(DOT is None, reason="Graphviz dot not found: apt-get install graphviz")
def test_svg_diagram_is_laid_out_by_graphviz(monkeypatch):
    result = run(["-f", "svg"], monkeypatch)
    assert result.exit_code == 0, result.stderr
    svg = result.stdout
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<script" not in svg
    for node in ["d:email", "p:orders", "r:psp", "t:customers", "f:checkout"]:
        assert f"<title>{node}</title>" in svg
    assert "d:chat&#45;&gt;p:ad_profiling" in svg  # the use beyond purpose is drawn
    assert "Generated by graphviz" not in svg
    assert run(["-f", "svg"], monkeypatch).stdout == svg  # deterministic


def test_svg_without_graphviz_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    result = run(["-f", "svg"], monkeypatch)
    assert result.exit_code == 2
    assert "needs Graphviz" in result.stderr and "Traceback" not in result.stderr


def test_ropa_names_what_the_policy_does_not_state(tmp_path, monkeypatch):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: Shop, contact: a@b.example}\n"
        "purposes: {p: {description: Do it., basis: contract}}\n"
        "recipients: {us: {name: Mailer Inc., country: US, purposes: [p]}}\n"
        "data:\n  x: {label: Name, category: user.name, purposes: [p]}\n",
        encoding="utf-8",
    )
    result = run(["--ropa", "-f", "json"], monkeypatch, cwd=tmp_path)
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    gaps = " ".join(doc["gaps"])
    for part in ["security_measures", "data_subjects", "data.x.retention", "recipients.us.safeguard"]:
        assert part in gaps
    activity = doc["activities"][0]
    assert activity["transfers"] == [
        {"recipient": "Mailer Inc.", "country": "US", "safeguard": "not stated in the policy"}
    ]
    assert "warning: not stated in the policy" in result.stderr
    assert run(["--ropa", "-f", "svg"], monkeypatch, cwd=tmp_path).exit_code == 2


def test_ropa_names_data_and_recipients_no_activity_shows(tmp_path, monkeypatch):
    # One activity per defined purpose: data for no defined purpose, and a purpose or
    # recipient named but not defined, dropped out of the record without a word.
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: Shop, contact: a@b.example}\n"
        "purposes: {p: {description: Do it., basis: contract}}\n"
        "recipients:\n  idle: {name: Idle Ltd, country: IE}\n"
        "  odd: {name: Odd Ltd, country: IE, purposes: [typo]}\n"
        "data:\n  x: {label: Name, category: user.name, purposes: [p, profiling], recipients: [ghost],\n"
        "      retention: P1Y}\n"
        "  y: {label: Nick, category: user.name, purposes: [], retention: P1Y}\n",
        encoding="utf-8",
    )
    result = run(["--ropa", "-f", "json"], monkeypatch, cwd=tmp_path)
    assert result.exit_code == 0
    gaps = json.loads(result.stdout)["gaps"]
    for part in [
        "purposes.profiling: named by data.x",
        "recipients.ghost: named by data.x",
        "data.y.purposes",
        "purposes.typo: named by recipients.odd",
        "recipients.idle.purposes",
        "recipients.odd.purposes",
    ]:
        assert any(g.startswith(part) for g in gaps), part
    assert not any(g.startswith("data.x.purposes") for g in gaps)
    assert "not stated in the policy: data.y.purposes" in result.stderr


def test_ropa_html_is_self_contained_and_escaped(tmp_path, monkeypatch):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: '<script>alert(1)</script>', contact: a@b.example}\n"
        "purposes: {p: {description: '<img src=x onerror=alert(1)>', basis: contract}}\n"
        "data:\n  x: {label: Name, category: user.name, purposes: [p], retention: P1Y}\n",
        encoding="utf-8",
    )
    html = run(["--ropa", "-f", "html"], monkeypatch, cwd=tmp_path).stdout
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "default-src &#39;none&#39;" in html and "http" not in html.replace("http-equiv", "")
