"""The published documents in headless Chromium: themed and embedded notices, the Art. 30
record and the data map picture, at a phone and a desktop size.

Screenshots go to $CNSNT_SCREENSHOTS when set, else to a temporary directory.
Needs chromium and chromium-driver (and Graphviz for the data map); without them
the tests are skipped and say why.
"""

from __future__ import annotations

import shutil

import pytest

from cnsnt.api import inventory
from cnsnt.inventory import build_ropa, render_inventory, render_ropa
from cnsnt.notices import load_theme, render_notice
from cnsnt.policy.loader import load_policy
from tests.browser.test_notice_html import MEASURE, VIEWPORTS, browser, shots  # noqa: F401
from tests.browser.webdriver import find_chromium
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="headless Chromium not found: apt-get install chromium chromium-driver",
)

SHOP = EXAMPLES / "shop"
STYLE = """
const css = el => getComputedStyle(document.querySelector(el));
return {bg: css('body').backgroundColor, link: css('main a').color, font: css('body').fontFamily,
        logo: document.querySelector('img.logo') ? document.querySelector('img.logo').naturalWidth : -1,
        radius: document.querySelector('.more') ? css('.more').borderTopLeftRadius : null};
"""


def _check_layout(result: dict, width: int) -> None:
    assert result["viewport"] == width
    assert result["scrollWidth"] <= width, result
    assert result["offscreen"] == [], result["offscreen"]
    assert result["spills"] == [], result["spills"]
    assert result["scripts"] == 0


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("layer", ["full", "short"])
def test_themed_spanish_notice(browser, shots, tmp_path, viewport, layer):  # noqa: F811
    policy = load_policy(SHOP / "cnsnt.yaml")
    html = render_notice(policy, lang="es", fmt="html", layer=layer,
                         theme=load_theme(SHOP / "brand" / "theme.yaml")).text
    page = tmp_path / "notice.html"
    page.write_text(html, encoding="utf-8")
    width, height, mobile = VIEWPORTS[viewport]
    browser.viewport(width, height, mobile=mobile)
    browser.open(page)
    result = browser.run(MEASURE)
    browser.screenshot(shots / f"shop-themed-es-{layer}-{viewport}.png")
    _check_layout(result, width)
    assert result["lang"] == "es"
    style = browser.run(STYLE)
    assert style["bg"] == "rgb(251, 250, 246)"  # the brand's background: the CSP let the CSS in
    assert style["link"] == "rgb(0, 104, 74)"
    assert style["font"].startswith('"Source Sans 3"')
    assert style["logo"] == 240  # the embedded SVG logo loaded under img-src data:
    if layer == "short":
        assert style["radius"] == "10px"


HOST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { font: 20px/1.4 serif; color: rgb(10, 20, 30); margin: 0 2rem; } h1 { font-size: 40px; }</style>
</head><body><h1 id="host-title">Northwind Goods</h1><p id="host-text">Our shop page.</p>
FRAGMENT
<p id="host-footer">Footer</p></body></html>
"""


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_fragment_embeds_without_restyling_the_host(browser, shots, tmp_path, viewport):  # noqa: F811
    policy = load_policy(SHOP / "cnsnt.yaml")
    fragment = render_notice(policy, lang="de", fmt="fragment",
                             theme=load_theme(SHOP / "brand" / "theme.yaml")).text
    page = tmp_path / "host.html"
    page.write_text(HOST.replace("FRAGMENT", fragment), encoding="utf-8")
    width, height, mobile = VIEWPORTS[viewport]
    browser.viewport(width, height, mobile=mobile)
    browser.open(page)
    result = browser.run("""
      const s = id => getComputedStyle(document.getElementById(id));
      const notice = document.querySelector('section.cnsnt-notice');
      return {h1: s('host-title').fontSize, text: s('host-text').color, font: s('host-text').fontFamily,
              noticeBg: getComputedStyle(notice).backgroundColor, lang: notice.lang,
              sections: [...notice.querySelectorAll('section[id]')].map(x => x.id),
              scrollWidth: document.documentElement.scrollWidth,
              viewport: document.documentElement.clientWidth};
    """)
    browser.screenshot(shots / f"shop-fragment-de-{viewport}.png")
    assert result["h1"] == "40px" and result["text"] == "rgb(10, 20, 30)"
    assert result["font"] == "serif"
    assert result["lang"] == "de"
    assert "who" in result["sections"] and "rights" in result["sections"]
    assert result["scrollWidth"] <= result["viewport"]


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_art30_record_page(browser, shots, tmp_path, viewport):  # noqa: F811
    html = render_ropa(build_ropa(load_policy(SHOP / "cnsnt.yaml")), "html")
    page = tmp_path / "ropa.html"
    page.write_text(html, encoding="utf-8")
    width, height, mobile = VIEWPORTS[viewport]
    browser.viewport(width, height, mobile=mobile)
    browser.open(page)
    result = browser.run(MEASURE)
    browser.screenshot(shots / f"shop-ropa-{viewport}.png")
    _check_layout(result, width)
    count = browser.run("return document.querySelectorAll('section.activity').length;")
    assert count == 6


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not found: apt-get install graphviz")
def test_data_map_picture(browser, shots, tmp_path):  # noqa: F811
    svg = render_inventory(inventory(load_policy(SHOP / "cnsnt.yaml")), "svg")
    page = tmp_path / "datamap.svg"
    page.write_text(svg, encoding="utf-8")
    browser.viewport(1280, 900, mobile=False)
    browser.open(page)
    result = browser.run("""
      const texts = [...document.querySelectorAll('text')].map(t => t.textContent);
      const boxes = [...document.querySelectorAll('g.node')].map(n => n.getBBox());
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps++;
      }
      return {texts, nodes: boxes.length, overlaps};
    """)
    browser.screenshot(shots / "shop-datamap.png")
    assert "Your email address" in result["texts"]
    assert result["nodes"] >= 30 and result["overlaps"] == 0


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_audit_report_page_and_its_filters(browser, shots, tmp_path, viewport):  # noqa: F811
    from cnsnt.api import audit_path
    from cnsnt.inventory import build_inventory
    from cnsnt.reporters import RenderOptions, get_reporter

    collected = []
    result = audit_path(SHOP, jobs=1, evidence_sink=collected.append)
    svg = None
    if shutil.which("dot"):
        policy = load_policy(SHOP / "cnsnt.yaml")
        svg = render_inventory(build_inventory(policy, collected[0], result.findings), "svg")
    html = get_reporter("html").render(result, RenderOptions(datamap_svg=svg))
    page = tmp_path / "audit.html"
    page.write_text(html, encoding="utf-8")
    width, height, mobile = VIEWPORTS[viewport]
    browser.viewport(width, height, mobile=mobile)
    browser.open(page)
    result_layout = browser.run(MEASURE)
    browser.screenshot(shots / f"shop-audit-{viewport}.png")
    _check_layout(result_layout, width)
    visible = ("return [...document.querySelectorAll('.finding')].filter(e => e.offsetParent !== null)"
               ".reduce((n, e) => n + Number(e.dataset.count), 0);")
    total = browser.run(visible)
    assert total == len(result.findings)
    browser.run("document.querySelector('label[for=f-sev-warning]').click();")
    assert browser.run(visible) == sum(1 for f in result.findings if f.severity.value != "warning")
    browser.run("document.querySelector('label[for=f-rule-cn301]').click();")
    assert browser.run(visible) == sum(
        1 for f in result.findings if f.severity.value != "warning" and f.rule != "CN301"
    )
    if svg is not None:
        assert browser.run("return document.querySelector('img.datamap').naturalWidth;") > 500
