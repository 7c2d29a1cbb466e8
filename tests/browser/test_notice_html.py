"""The HTML notice in a real browser: headless Chromium at a phone and a desktop size.

For each page and viewport the test loads the notice, measures in the page
(nothing wider than the screen, no element whose content spills out of its box,
every section there, no script element), and saves a full-page screenshot.
Screenshots go to $CNSNT_SCREENSHOTS when set (to look at them), else to a
temporary directory. Needs the Debian packages chromium and chromium-driver;
without them the tests are skipped and say why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cnsnt.notices import render_notice
from cnsnt.policy.loader import load_policy
from tests.browser.webdriver import Browser, find_chromium
from tests.conftest import EXAMPLES

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not found: apt-get install chromium chromium-driver",
)

VIEWPORTS = {"phone": (390, 844, True), "desktop": (1280, 900, False)}

GDPR_FULL = ["who", "purposes", "data", "recipients", "retention", "rights", "withdraw",
             "complaints", "automated", "about"]
#: The restaurant's policy says nothing about automated decisions: the section is left out.
GDPR_NO_AUTOMATED = [s for s in GDPR_FULL if s != "automated"]
SHORT = ["summary", "who", "about"]
CCPA_FULL = ["categories", "selling", "rights", "who", "about"]

#: (page name, example, lang, layer, preset, sections that must be there)
PAGES = [
    ("restaurant-full-en", "restaurant", "en", "full", None, GDPR_NO_AUTOMATED),
    ("restaurant-short-en", "restaurant", "en", "short", None, SHORT),
    ("restaurant-full-hu", "restaurant", "hu", "full", None, GDPR_NO_AUTOMATED),
    ("shop-full-ru", "shop", "ru", "full", None, GDPR_FULL),
    ("shop-short-tr", "shop", "tr", "short", None, SHORT),
    ("shop-ccpa-en", "shop", "en", "full", "ccpa", CCPA_FULL),
]

MEASURE = """
const vw = document.documentElement.clientWidth;
const out = {viewport: vw, scrollWidth: document.documentElement.scrollWidth,
             sections: [], spills: [], offscreen: [], scripts: document.scripts.length,
             lang: document.documentElement.lang, title: document.title};
document.querySelectorAll('main section[id], main footer[id]').forEach(s => {
  const r = s.getBoundingClientRect();
  if (r.height > 0 && s.querySelector('h2, p, table, dl, ul')) out.sections.push(s.id);
});
const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.className ? '.' + String(el.className).split(' ').join('.') : '');
document.querySelectorAll('main *').forEach(el => {
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') return;
  if (el.closest('.visually-hidden, thead')) return;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > vw + 0.5) out.offscreen.push(name(el) + ' right=' + Math.round(r.right));
  if (el.matches('p, td, th, dd, dt, li, h1, h2, h3, a, code') && el.scrollWidth > el.clientWidth + 1
      && style.display !== 'inline') out.spills.push(name(el) + ' ' + el.textContent.slice(0, 40));
});
return out;
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    session = Browser(*CHROMIUM)
    try:
        yield session
    finally:
        session.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = os.environ.get("CNSNT_SCREENSHOTS")
    if target:
        path = Path(target)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


def _page(tmp_path: Path, name: str, html: str) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize(("name", "example", "lang", "layer", "preset", "sections"), PAGES,
                         ids=[p[0] for p in PAGES])
def test_notice_renders_on_screen(browser, shots, tmp_path, viewport, name, example, lang, layer,
                                  preset, sections):
    policy = load_policy(EXAMPLES / example / "cnsnt.yaml")
    html = render_notice(policy, lang=lang, fmt="html", layer=layer, preset=preset).text
    width, height, mobile = VIEWPORTS[viewport]
    browser.viewport(width, height, mobile=mobile)
    browser.open(_page(tmp_path, name, html))
    result = browser.run(MEASURE)
    browser.screenshot(shots / f"{name}-{viewport}.png")
    assert result["viewport"] == width
    assert result["lang"] == lang
    assert result["scrollWidth"] <= width, result
    assert result["offscreen"] == [], result["offscreen"]
    assert result["spills"] == [], result["spills"]
    assert result["sections"] == sections
    assert result["scripts"] == 0


def test_phone_layout_stacks_tables_into_cards(browser, tmp_path):
    policy = load_policy(EXAMPLES / "restaurant" / "cnsnt.yaml")
    html = render_notice(policy, lang="en", fmt="html", layer="short").text
    page = _page(tmp_path, "cards", html)
    script = """
    const row = document.querySelector('table.cards tbody tr');
    const cells = row.querySelectorAll('td');
    return {display: getComputedStyle(row).display,
            label: getComputedStyle(cells[0], '::before').content,
            firstTop: cells[0].getBoundingClientRect().top,
            secondTop: cells[1].getBoundingClientRect().top};
    """
    browser.viewport(390, 844, mobile=True)
    browser.open(page)
    phone = browser.run(script)
    assert phone["display"] == "block"
    assert phone["label"] == '"Why"'
    assert phone["secondTop"] > phone["firstTop"]  # stacked, not side by side
    browser.viewport(1280, 900, mobile=False)
    browser.open(page)
    desktop = browser.run(script)
    assert desktop["display"] == "table-row"
    assert desktop["secondTop"] == desktop["firstTop"]


HOSTILE = """
cnsnt: 1
controller: {name: "Evil <b>Corp</b>", contact: "privacy@evil.example"}
purposes:
  xss:
    description: "<script>document.title='pwned'</script><img src=x onerror=\\"document.title='pwned'\\">Hi"
    basis: consent
    consent: {withdraw: "<a href='javascript:alert(1)'>click</a>"}
data:
  email:
    label: "</td></tr></table><script>document.title='pwned'</script>"
    category: user.contact.email
    purposes: [xss]
    retention: P1Y
notice: {url: "javascript:alert(1)"}
"""


def test_policy_strings_show_as_text_and_never_run(browser, tmp_path):
    (tmp_path / "cnsnt.yaml").write_text(HOSTILE, encoding="utf-8")
    policy = load_policy(tmp_path / "cnsnt.yaml")
    for layer in ("full", "short"):
        html = render_notice(policy, lang="en", fmt="html", layer=layer).text
        browser.viewport(1280, 900, mobile=False)
        browser.open(_page(tmp_path, f"hostile-{layer}", html))
        result = browser.run(
            "return {title: document.title, text: document.body.innerText,"
            " scripts: document.scripts.length, imgs: document.images.length,"
            " js: [...document.links].filter(a => a.protocol === 'javascript:').length,"
            " bold: document.querySelectorAll('main b').length};"
        )
        assert result["title"] != "pwned"
        assert result["scripts"] == 0 and result["imgs"] == 0 and result["js"] == 0
        assert result["bold"] == 0
        assert "<script>document.title='pwned'</script>" in result["text"]
        assert "Evil <b>Corp</b>" in result["text"]
