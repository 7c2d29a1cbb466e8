"""codereview30's rest in the reviewed-list modules (fix30g).

F1: items of a compact JSON list share a line, and each is still a row of its own: named
`file:line (item N)`, counted once each. F5: a note is cut to 500 characters in the
comments, and stderr says so. F6: one reader of a row's name (`reviewed.row_line`). F4: a `table.*` row tries only that table's columns.

Written here: a `tenants` table whose `homeless` and `plan_tier` init declares unsure, and a
`flats` table of things.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt import matching
from cnsnt.cli import app
from cnsnt.evidence import Column
from cnsnt.matching import ColumnParts, column_matches
from cnsnt.model import Location
from cnsnt.policy.loader import load_policy
from cnsnt.starter import review_marks
from cnsnt.starter.review_marks import match_reviews
from cnsnt.starter.reviewed import MAX_NOTE_CHARS, Review, row_line

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}

SCHEMA = """\
CREATE TABLE tenants (
  id INTEGER PRIMARY KEY,
  full_name VARCHAR(80),
  homeless BOOLEAN,
  plan_tier VARCHAR(20)
);
CREATE TABLE flats (
  id INTEGER PRIMARY KEY,
  label VARCHAR(40)
);
"""


def started(root: Path) -> Path:
    (root / "db").mkdir()
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = runner.invoke(app, ["init", str(root), "--dialect", "mysql"], env=ENV, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def update(root: Path, name: str, items: list[dict[str, object]], *, indent: int | None = None):  # type: ignore[no-untyped-def]
    (root / name).write_text(json.dumps(items, indent=indent, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(
        app, ["init", "--update", "--reviewed", str(root / name), str(root)], env=ENV, catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return result


def comment_of(text: str, key: str) -> str:
    (line,) = [line for line in text.splitlines() if line.strip().lstrip("- ").startswith(key)]
    return line.partition("# ")[2]


ITEMS: list[dict[str, object]] = [
    {"column": "tenants.homeless", "personal": True},
    {"column": "tenants.plan_tier", "personal": False},
    {"column": "flats.label", "personal": False},
]


# --- F1: items on one line ------------------------------------------------------------------


def test_items_of_a_compact_json_list_are_rows_of_their_own(tmp_path: Path) -> None:
    policy = started(tmp_path)
    result = update(tmp_path, "r.json", ITEMS)
    summary = "r.json: 3 rows reviewed: 2 put under ignore:, 1 confirmed on lines cnsnt init wrote"
    assert summary in result.stderr.splitlines(), result.stderr
    assert "r.json:1 (item 1): tenants.plan_tier moved from data entry" in result.stderr
    text = policy.read_text(encoding="utf-8")
    assert comment_of(text, "tenants.homeless").startswith("marked personal in r.json:1 (item 0); cnsnt said:")
    assert comment_of(text, "tenants.plan_tier,").startswith("marked not personal in r.json:1 (item 1); was in")
    assert comment_of(text, "flats.label,") == "marked not personal in r.json:1 (item 2)"
    # a second run reads its own comments back: nothing changes, each row already as the policy says
    again = update(tmp_path, "r.json", ITEMS)
    assert policy.read_text(encoding="utf-8") == text
    assert "r.json: 3 rows reviewed: 3 already as the policy says" in again.stderr


def test_items_on_lines_of_their_own_are_named_by_their_line_alone(tmp_path: Path) -> None:
    policy = started(tmp_path)
    result = update(tmp_path, "r.json", ITEMS, indent=1)
    assert "r.json: 3 rows reviewed: 2 put under ignore:, 1 confirmed" in result.stderr
    text = policy.read_text(encoding="utf-8")
    assert comment_of(text, "flats.label,") == "marked not personal in r.json:10"
    assert "(item" not in text


# --- F6: one reader of a row's name -------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "place"),
    [
        ("review.csv:12", (12, 0)),
        ("r.json:1 (item 3)", (1, 3)),
        ("C:/lists/r.csv:4", (4, 0)),  # a colon in the path
        ("review.csv", None),
        ("review.csv:4 (item)", None),
        ("review.csv:x", None),
        ("review.csv:²", None),  # a digit, but not a line number
        ("r.json:1 (item 2", None),
    ],
)
def test_a_rows_name_is_read_by_one_helper(where: str, place: tuple[int, int] | None) -> None:
    assert row_line(where) == place


def test_lines_about_items_on_one_line_come_in_item_order(tmp_path: Path) -> None:
    started(tmp_path)
    items: list[dict[str, object]] = [
        {"column": "tenants.plan_tier", "personal": False},  # moved: said after the rows not found
        {"column": "tenants.gone", "personal": True},
    ]
    lines = update(tmp_path, "r.json", items).stderr.splitlines()
    moved = next(i for i, line in enumerate(lines) if line.startswith("r.json:1 (item 0): tenants.plan_tier moved"))
    gone = next(i for i, line in enumerate(lines) if line.startswith("warning: r.json:1 (item 1): no column"))
    assert moved < gone


# --- F5: a note's length ---------------------------------------------------------------------


def test_a_long_note_is_cut_in_the_comment_and_stderr_says_so(tmp_path: Path) -> None:
    policy = started(tmp_path)
    note = "😀" * 2_000  # cut between characters, none split
    items: list[dict[str, object]] = [
        {"column": "tenants.homeless", "personal": True, "note": note},
        {"column": "tenants.plan_tier", "personal": False, "note": "a price plan"},
    ]
    result = update(tmp_path, "r.json", items, indent=1)
    assert (
        "r.json:2: its note is 2,000 characters long: the comments it writes keep the first 499 and end with …"
        in result.stderr
    )
    assert "r.json:7: its note" not in result.stderr
    text = policy.read_text(encoding="utf-8")
    said = comment_of(text, "tenants.homeless").removeprefix("marked personal in r.json:2: ")
    written, end = json.JSONDecoder().raw_decode(said)
    assert written == "😀" * (MAX_NOTE_CHARS - 1) + "…"
    assert said[end:].startswith("; cnsnt said:")
    assert comment_of(text, "tenants.plan_tier,") == 'marked not personal in r.json:7: "a price plan"; was in data entry other_personal_details'
    assert load_policy(policy).ignore  # still a policy
    update(tmp_path, "r.json", items, indent=1)
    assert policy.read_text(encoding="utf-8") == text


def test_a_note_of_500_characters_is_kept_whole(tmp_path: Path) -> None:
    policy = started(tmp_path)
    note = "x" * MAX_NOTE_CHARS
    result = update(tmp_path, "r.json", [{"column": "tenants.homeless", "personal": True, "note": note}])
    assert "its note is" not in result.stderr
    assert f'"{note}"; cnsnt said:' in policy.read_text(encoding="utf-8")


# --- F4: a pattern row tries only the columns it can match -----------------------------------

KEYS = [
    "t1.amount", "t1.code", "t12.amount", "sales.t1.label", "t1.t2.kind", "T1.Title",
    "x.created_at", "sales.x.created_at", "created_at.id", "user[email].x", r"qty*.n", "t1x.amount",
]  # fmt: skip


@pytest.mark.parametrize(
    "pattern",
    [
        "t1.*", "T1.*", "*.created_at", "created_at.*", "t1.*.kind", "sales.*", "*.amount", "t*.amount",
        "*", "*.*", "t1.?ode", "user[email].*", r"qty\*.*", "t1", "*t1.*", "t1.t2.*", "amount.*",
    ],
)  # fmt: skip
def test_column_parts_finds_what_trying_every_key_finds(pattern: str) -> None:
    expected = [key for key in KEYS if column_matches(pattern, key)]
    assert ColumnParts(KEYS).matching(pattern) == expected


def test_a_table_pattern_row_tries_only_its_tables_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []

    def counted(pattern: str, key: str) -> bool:
        tried.append(key)
        return column_matches(pattern, key)

    monkeypatch.setattr(matching, "column_matches", counted)
    monkeypatch.setattr(review_marks, "column_matches", counted, raising=False)  # as it was, imported
    at = Location("db/schema.sql", 1)
    columns = [Column(f"t{i}", name, at, "schema.sql") for i in range(50) for name in ("id", "label", "kind")]
    rows = [Review("t7.*", False, None, "r.csv:2"), Review("*.kind", False, None, "r.csv:3")]
    marks = match_reviews(rows, columns)
    assert [key for key, review in marks.by_column.items() if review is rows[0]] == ["t7.id", "t7.label", "t7.kind"]
    assert len([k for k, r in marks.by_column.items() if r is rows[1]]) == 49
    assert len(tried) == 3 + 50  # t7's columns, then each table's `kind`
