"""Template tags that open and never close are scanned in linear time (sweep36).

`{{`, `{%`, `<%`, `{#`, `{!!`, `{{{`, `{literal}` or `{% raw %}` repeated without a closer:
each opener searched to the tag limit (20,000 characters) or to the end of the text,
openers x limit work, a hang on a few hundred kilobytes. The texts are made here.
"""

from __future__ import annotations

import pytest

from cnsnt.sources.forms.templates import Scanner
from tests.hostile.growth import assert_linear

OPENERS = ["{{", "{%", "<%", "{#", "{!!", "{{{", "{{!--", "<%--", "{*", "{literal}", "{% raw %}", "{% comment %}"]


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("smarty", [False, True])
def test_unclosed_template_tags_scan_linearly(opener: str, smarty: bool) -> None:
    def scan(text: str) -> int:
        return len(Scanner(text, smarty=smarty, razor=False).run())

    assert_linear(scan, lambda n: opener * n, 4_000)


def test_mustaches_nested_deep_scan_linearly() -> None:
    assert_linear(lambda t: Scanner(t, smarty=False, razor=False).run(), lambda n: "{{" * n + "}}" * n, 2_000)


def test_a_closed_tag_after_unclosed_ones_is_still_one_token() -> None:
    text = "<%" * 30 + "{literal}" * 3 + "\n{% if user.is_active %}<input name=\"email\">{% endif %}{% raw %}{{ a }}{% endraw %}"
    tokens = Scanner(text, smarty=False, razor=False).run()
    shown = [(text[t.start : t.end], t.kind) for t in tokens]
    assert ("{% if user.is_active %}", "if") in shown
    assert ("{% endraw %}", "stmt") in shown
    assert not any(piece == "{{ a }}" for piece, _ in shown)
