"""`cnsnt audit --format html`: a golden page for the shop, escaping, CSP, filters, data map."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil

import pytest
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.reporters import RenderOptions, get_reporter
from tests.conftest import EXAMPLES

REGEN = bool(os.environ.get("CNSNT_REGEN"))
SHOP = EXAMPLES / "shop"


def _page(path=SHOP) -> str:
    result = audit_path(path, jobs=1)
    return get_reporter("html").render(result, RenderOptions())


def test_shop_report_matches_golden():
    html = _page()
    golden = SHOP / "expected" / "audit.html"
    if REGEN:
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")


def test_page_is_self_contained_with_a_strict_csp():
    html = _page()
    css = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    assert css is not None
    digest = base64.b64encode(hashlib.sha256(css.group(1).encode()).digest()).decode()
    assert f"style-src &#39;sha256-{digest}&#39;" in html
    assert "default-src &#39;none&#39;" in html
    assert "<script" not in html
    assert not re.search(r'\b(?:src|href)="(?!#|data:|https://github.com/cnsnt/cnsnt/blob/main/docs/rules.md#)', html)


def test_every_rule_and_severity_has_a_filter_and_a_doc_link():
    html = _page()
    for code in ["CN201", "CN301", "CN303", "CN401"]:
        slug = code.lower()
        assert f'id="f-rule-{slug}"' in html
        assert f"#f-rule-{slug}:not(:checked) ~ .findings .rule-{slug}" in html
        assert f'href="https://github.com/cnsnt/cnsnt/blob/main/docs/rules.md#{slug}"' in html
    assert 'id="f-purpose-orders"' in html and "purpose-orders" in html
    for sev in ["error", "warning", "info"]:
        assert f'id="f-sev-{sev}" checked' in html


def test_policy_and_source_strings_are_escaped(tmp_path):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: Shop, contact: a@b.example}\n"
        "sources: {forms: [{path: 'f.html'}]}\n"
        "purposes: {p: {description: Do it., basis: contract}}\n"
        "data: {x: {label: X, category: user.name, purposes: [p], retention: P1Y}}\n",
        encoding="utf-8",
    )
    (tmp_path / "f.html").write_text(
        '<form id="f"><label for="a">&lt;script&gt;alert(1)&lt;/script&gt;</label>'
        '<input id="a" name="&lt;img src=x onerror=alert(1)&gt;"></form>',
        encoding="utf-8",
    )
    html = _page(tmp_path)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_markdown_groups_by_rule_and_source_and_collapses_repeats():
    text = get_reporter("markdown").render(audit_path(SHOP, jobs=1), RenderOptions())
    assert text.index("## CN301") < text.index("## CN303") < text.index("## CN401")
    cn401 = text[text.index("## CN401"):]
    assert cn401.count("\n| 10:3") == 1  # fourteen unread columns, one row
    assert "14×" in cn401 and "devices.latitude and 2 more" in cn401
    assert "| [CN303 select-star-personal](#cn303) | warning | 6 | 1 |" in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not found: apt-get install graphviz")
def test_cli_report_embeds_the_data_map_picture(tmp_path, monkeypatch):
    monkeypatch.chdir(SHOP)
    out = tmp_path / "audit.html"
    result = CliRunner().invoke(app, ["audit", "-f", "html", "-o", str(out), "-q"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    html = out.read_text(encoding="utf-8")
    picture = re.search(r'<img class="datamap" src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert picture is not None
    assert "<title>d:email</title>" in base64.b64decode(picture.group(1)).decode()


def test_cli_report_without_graphviz_says_how_to_get_the_picture(tmp_path, monkeypatch):
    monkeypatch.chdir(SHOP)
    monkeypatch.setenv("PATH", "/nonexistent")
    out = tmp_path / "audit.html"
    result = CliRunner().invoke(app, ["audit", "-f", "html", "-o", str(out), "-q"], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert "Install Graphviz" in out.read_text(encoding="utf-8")


def test_html_collapses_repeats_but_keeps_every_place():
    html = _page()
    assert 'data-count="14"' in html and "13 more like it" in html
    for column in ["payments.iban", "devices.longitude", "orders.status"]:
        assert f"<td>{column}</td>" in html
    counts = [int(n) for n in re.findall(r'data-count="(\d+)"', html)]
    assert sum(counts) == len(audit_path(SHOP, jobs=1).findings)


def test_one_error_and_one_warning_are_counted_in_the_singular(tmp_path):
    """A Kotlin realworld app's report said "1 warnings"; counts other than one stay plural."""
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: X, contact: a@b.c}\nsources: {}\npurposes: {}\ndata: {}\n"
        "notice: {automated_decisions: We make no decisions about you by computer alone.}\n",
        encoding="utf-8",
    )
    html = _page(tmp_path)
    assert ">1 warning</span>" in html
    totals = re.search(r'<p class="totals">(.*?)</p>', html, re.DOTALL)
    assert totals is not None
    pills = re.findall(r">(\d+ \w+)</span>", totals.group(1))
    for pill in pills:
        count, word = pill.split(" ")
        assert word.endswith("s") == (count != "1") or word == "info", pill


def test_what_was_read_is_counted_in_the_singular_too(tmp_path):
    """A report of one live database said "Read: 135 columns, 1 databases"."""
    import sqlite3

    conn = sqlite3.connect(tmp_path / "shop.db")
    conn.executescript("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT);")
    conn.close()
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: X, contact: a@b.c}\n"
        'sources: {databases: [{url: "sqlite:///shop.db"}]}\npurposes: {}\ndata: {}\n',
        encoding="utf-8",
    )
    html = _page(tmp_path)
    read = re.search(r'<p class="read">Read: (.*?)</p>', html)
    assert read is not None
    assert read.group(1).split(", ") == ["2 columns", "1 database", "1 table", "0 views"]


def test_backticked_spans_are_code_and_still_escaped(tmp_path):
    """A message's `backticked` span is shown as code, not with literal backticks (the
    "Rules not run" reasons said "no `queries:` sources"); what it holds stays escaped."""
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: Shop, contact: a@b.example}\nrecipients: []\n"
        "sources: {forms: [{path: 'f.blade.php'}]}\n",
        encoding="utf-8",
    )
    (tmp_path / "f.blade.php").write_text(
        "<form method=post>{!! Form::normalInput('nombre', 'Nombre') !!}</form>\n", encoding="utf-8"
    )
    html = _page(tmp_path)
    assert "<code>Form::normalInput</code>" in html
    assert "<code>queries:</code>" in html
    assert "`" not in re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)
