"""Brand and embed: `--theme` (YAML or CSS) and `--fragment`."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.errors import UsageError
from cnsnt.notices import check_notice, load_theme, render_notice
from cnsnt.notices.theme import scope_css
from cnsnt.policy.loader import load_policy
from tests.conftest import EXAMPLES

SHOP = EXAMPLES / "shop"
BRAND = SHOP / "brand"


def _style_and_csp(html: str) -> tuple[str, str]:
    css = re.search(r"<style>(.*?)</style>", html, re.DOTALL)
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', html)
    assert css and csp
    return css.group(1), csp.group(1).replace("&#39;", "'")


def test_yaml_and_css_themes_set_the_same_brand():
    yaml_theme, css_theme = load_theme(BRAND / "theme.yaml"), load_theme(BRAND / "theme.css")
    assert yaml_theme.variables == css_theme.variables
    assert yaml_theme.variables["--accent"] == "#00684a"
    assert yaml_theme.variables["--radius"] == "10px"
    assert yaml_theme.logo and yaml_theme.logo.startswith("data:image/svg+xml;base64,")
    assert css_theme.logo == "https://northwind.example/brand/logo.svg"


@pytest.mark.parametrize("theme", ["theme.yaml", "theme.css"])
def test_csp_hash_is_computed_over_the_final_css(theme):
    policy = load_policy(SHOP / "cnsnt.yaml")
    html = render_notice(policy, lang="es", fmt="html", theme=load_theme(BRAND / theme)).text
    css, csp = _style_and_csp(html)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    assert "--accent: #00684a" in css and "<script" not in html
    if theme == "theme.css":
        assert "img-src data: https://northwind.example/brand/logo.svg;" in csp
    else:
        assert "img-src data:;" in csp
    assert 'class="logo"' in html


def test_themed_and_plain_notices_say_the_same_words():
    policy = load_policy(SHOP / "cnsnt.yaml")
    themed = render_notice(policy, lang="es", fmt="html", theme=load_theme(BRAND / "theme.yaml"))
    assert check_notice(policy, themed.text).ok


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colors: {accent: 'red;} body {display:none'}\n", "is not a CSS colour"),
        ("colors: {accent: notacolour}\n", "is not a CSS colour"),
        ("colors: {pink: '#fff'}\n", "unknown colour 'pink'"),
        ("font: 'x; } body { color: red'\n", "is not a list of font names"),
        ("radius: 10vw\n", "is not a length"),
        ("logo: 'javascript:alert(1)'\n", "neither a plain https URL"),
        ("logo: 'https://x.example/a.svg?q=\"><script>'\n", "neither a plain https URL"),
        ("logo: notes.txt\n", "is not an image"),
        ("shadow: 1px\n", "unknown theme setting 'shadow'"),
        ("[1, 2]\n", "a theme is a mapping"),
        ("font: [&a [x, x], &b [*a, *a, *a], [*b, *b, *b]]\n", "font: expected a single value"),
        ("radius: true\n", "radius: expected a single value"),
        ("colors: {accent: [\n", "not valid YAML"),
    ],
)
def test_bad_yaml_themes_are_usage_errors(tmp_path, text, message):
    path = tmp_path / "theme.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=re.escape(message)):
        load_theme(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (":root { --accent: #zzz; }", "is not a CSS colour"),
        (":root { --accent: red; } body { color: blue; }", "holds only"),
        (":root { color: red; }", "unknown theme property 'color'"),
        ("@import url(https://evil.example/x.css);", "holds only"),
        (":root { --logo: url(javascript:alert(1)); }", "not valid CSS"),
        (':root { --logo: url("javascript:alert(1)"); }', "neither a plain https URL"),
    ],
)
def test_bad_css_themes_are_usage_errors_with_a_position(tmp_path, text, message):
    path = tmp_path / "theme.css"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=re.escape(message)) as info:
        load_theme(path)
    assert "theme.css:1:" in str(info.value)


def test_oversized_or_missing_theme_files_are_usage_errors(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("a: &a [x, x, x, x, x, x, x, x]\n" + "#" * 70_000, encoding="utf-8")
    with pytest.raises(UsageError, match="over 64 kB"):
        load_theme(big)
    with pytest.raises(UsageError, match="cannot read theme"):
        load_theme(tmp_path / "missing.yaml")


def test_scoped_css_applies_only_inside_the_fragment():
    css = ":root { --a: 1; }\nbody { margin: 0; }\nmain.layer-short { x: 1; }\nh1, h2 { y: 2; }\n" \
          "@media (max-width: 40rem) {\n  table.cards td { display: block; }\n}\n"
    scoped = scope_css(css)
    assert ".cnsnt-notice { --a: 1; }" in scoped
    assert ".cnsnt-notice { margin: 0; }" in scoped
    assert ".cnsnt-notice.layer-short { x: 1; }" in scoped
    assert ".cnsnt-notice h1, .cnsnt-notice h2 { y: 2; }" in scoped
    assert "@media (max-width: 40rem) {\n.cnsnt-notice table.cards td { display: block; }" in scoped


def test_fragment_is_a_section_without_a_page(tmp_path, monkeypatch):
    monkeypatch.chdir(SHOP)
    out = tmp_path / "fragment.html"
    result = CliRunner().invoke(
        app, ["notice", "--fragment", "--lang", "de", "--theme", "brand/theme.yaml", "-o", str(out)],
        env={"NO_COLOR": "1"},
    )
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "<html" not in text and "<body" not in text and "<head>" not in text
    assert '<section class="cnsnt-notice' in text and text.rstrip().endswith("</section>")
    style = re.search(r"<style>(.*?)</style>", text, re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in text  # the hash the host page's CSP needs
    assert all(line.startswith((".cnsnt-notice", "@media", "}")) or not line.strip()
               for line in style.group(1).splitlines())
    check = CliRunner().invoke(app, ["notice", "--check", str(out)], env={"NO_COLOR": "1"})
    assert check.exit_code == 0, check.stderr


def test_theme_and_fragment_need_html(monkeypatch):
    monkeypatch.chdir(SHOP)
    runner = CliRunner()
    md = runner.invoke(app, ["notice", "--theme", "brand/theme.yaml"], env={"NO_COLOR": "1"})
    assert md.exit_code == 2 and "--theme styles the HTML notice" in md.stderr
    js = runner.invoke(app, ["notice", "--fragment", "-f", "json"], env={"NO_COLOR": "1"})
    assert js.exit_code == 2 and "--fragment is HTML" in js.stderr
