"""Hostile input: a column comment or name built to make the tokenizer backtrack.

Reproducer (shared/hardening/14-redos-classifier-comment): `COMMENT ON COLUMN
notes.body IS 'AAAA…'` with tens of thousands of capitals, or a run of `{`, made
`([A-Z]+)([A-Z][a-z])` and `\\{[^}]*\\}` cost O(N^2): 40,000 capitals took minutes.
The patterns are now zero-width look-arounds and possessive runs, so the work is
linear by construction; these inputs of 100,000 characters must simply finish.
"""

from __future__ import annotations

import pytest

from cnsnt.classify import classify_column
from cnsnt.classify.tokens import raw_words

N = 100_000

HOSTILE = [
    "A" * N,
    "A" * N + "b",
    "{" * N,
    "${" * (N // 2),
    "@" + "a" * N,
    "@a" * (N // 2),
    "aB" * (N // 2),
    "Ab1" * (N // 3),
    "Д" * N,
    "Дa" * (N // 2),
    "É" * N + "é",
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda t: f"{t[:4]}...x{len(t)}")
def test_hostile_comment_is_read(text: str) -> None:
    verdict = classify_column("notes", "body", "TEXT", text)
    assert verdict.reason
    assert isinstance(verdict.personal, bool)


def test_camel_case_still_splits() -> None:
    assert raw_words("HTMLParser") == ["html", "parser"]
    assert raw_words("szuletesiIdo") == ["szuletesi", "ido"]
    assert raw_words("{#}users ${x}name") == ["users", "name"]
    assert raw_words("@db.users") == ["users"]


def test_a_capital_run_is_one_word() -> None:
    assert raw_words("A" * N) == ["a" * N]


def test_camel_case_splits_in_cyrillic_and_accented_latin() -> None:
    assert raw_words("ДатаРождения") == ["дата", "рождения"]
    assert raw_words("SzületésiDátum") == ["szuletesi", "datum"]
    assert raw_words("ÉvfolyamID") == ["evfolyam", "id"]
    assert classify_column("Граждане", "ДатаРождения").category == "user.demographic.date_of_birth"
