"""A bracket's pair is what a scan from that bracket finds, however many scans the memo
spares (`Scanner._matched`, codereview36). The pages are written here."""

from __future__ import annotations

import random

import pytest

from cnsnt.sources.forms import templates
from cnsnt.sources.forms.templates import _MAX_TAG, STMT, Scanner, string_end


def _blocks(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.end) for t in Scanner(text, smarty=False, razor=True).run() if t.kind == STMT]


def test_a_razor_block_after_an_unclosed_one_is_still_a_block() -> None:
    """An unclosed `@{` pairs nothing; a closed `@{ ... }` block that starts within the scan
    limit of it and ends past that limit was remembered as unclosed by the first scan, and
    its code read as the page's."""
    head = "@{ var draft = true;\n" + "<p>Ihre Angaben</p>\n" * ((_MAX_TAG - 1_000) // 20)
    block = "@{ var hint = Model.Hint;\n" + "<p>Hinweis</p>\n" * 200 + "}\n"
    text = head + block + '<input name="email">'
    start = len(head)
    assert start < _MAX_TAG < start + len(block)
    assert _blocks(text) == [(start, start + len(block) - 1)]


def _own_scan(text: str, pos: int, limit: int) -> int | None:
    """What a scan from the bracket at `pos` alone finds: the offset after its pair, or None."""
    depth, i, n = 0, pos, min(len(text), pos + limit)
    while i < n:
        c = text[i]
        if c in "'\"":
            i = string_end(text, i, n, line=True) + 1
            continue
        depth += (c == "(") - (c == ")")
        if c == ")" and depth == 0:
            return i + 1
        i += 1
    return None


def test_every_bracket_is_paired_as_its_own_scan_pairs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Brackets asked for in any order, with a small scan limit so that limits are crossed."""
    monkeypatch.setattr(templates, "_MAX_TAG", 9)
    rng = random.Random(36)
    for _ in range(500):
        text = "".join(rng.choice("((((())))x'\"\n\\") for _ in range(rng.randint(1, 60)))
        opens = [i for i, c in enumerate(text) if c == "("]
        rng.shuffle(opens)
        scanner = Scanner(text, smarty=False, razor=True)
        for pos in opens:
            assert scanner._matched(pos, "(", ")") == _own_scan(text, pos, 9), (text, pos)
