"""The review trials rebuild a labelled project as DDL: a model's types must come back as its reader gives them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.review_trial import _sql_type, write_ddl  # noqa: E402


@pytest.mark.parametrize(
    ("written", "rebuilt"),
    [
        # A Django CharField is a VARCHAR of its max_length, not the one-character flag type CHAR(1).
        ("CharField(max_length=120)", "VARCHAR(120)"),
        ("models.CharField(max_length=10, choices=KINDS)", "VARCHAR(10)"),
        ("EmailField(max_length=254)", "VARCHAR(254)"),
        ("TextField()", "TEXT"),
        ("DateTimeField(auto_now_add=True)", "TIMESTAMP"),
        ("ForeignKey(accounts.Member)", "BIGINT"),
        ("ForeignKey(auth.Group) (M2M through)", "BIGINT"),
    ],
)
def test_django_field_types_are_rebuilt_as_django_makes_them(written: str, rebuilt: str) -> None:
    assert _sql_type(written, "postgres") == (rebuilt, False)


def test_sql_types_are_kept_as_written() -> None:
    assert _sql_type("varchar(20)", "mysql") == ("varchar(20)", True)
    assert _sql_type("int(11)", "mysql") == ("int(11)", True)


def test_a_rebuilt_django_table_has_no_flag_typed_text(tmp_path: Path) -> None:
    row = {
        "project": "club", "repo": "example/club", "commit": "0" * 40, "path": "members/models.py",
        "dialect": "postgres", "language": "en", "table": "members_member", "table_comment": None,
        "column": "nickname", "type": "CharField(max_length=40)", "comment": None, "primary_key": False,
        "references": None, "personal": True, "by_row": True, "category": "user.name", "special": False,
        "note": None,
    }
    labels = tmp_path / "club.jsonl"
    labels.write_text(json.dumps(row) + "\n", encoding="utf-8")
    write_ddl(labels, tmp_path / "out")
    ddl = (tmp_path / "out" / "schema.sql").read_text(encoding="utf-8")
    assert '"nickname" VARCHAR(40)' in ddl
