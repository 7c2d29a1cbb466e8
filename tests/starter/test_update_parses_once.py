"""`init --update --reviewed` parses each policy text it reads round-trip once (codereview30 F4).

Five steps read the same policy before any line changes (where `data:` ends, init's lines,
its entries, the `ignore:` items, the notes on patches): on a 3,000-line policy each parse
took 3 s. The schema, form and reviewed list are written here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

import cnsnt.starter.update as update
from cnsnt.cli import app
from cnsnt.starter.run import draft_update

SCHEMA = """\
CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(120), plan_tier VARCHAR(20), homeless BOOLEAN);
CREATE TABLE rooms (id INTEGER PRIMARY KEY, label VARCHAR(40), floor_no INTEGER);
"""
FORM = '<form method="post" action="/m"><input name="email"><input name="plan_tier"></form>\n'


def test_each_policy_text_is_parsed_round_trip_once(tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "m.html").write_text(FORM, encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    reviewed = tmp_path / "review.csv"
    reviewed.write_text(
        "column,personal\nmembers.homeless,true\nmembers.plan_tier,false\nrooms.label,false\nrooms.*,false\n",
        encoding="utf-8",
    )
    parsed: Counter[str] = Counter()
    real = update.YAML

    class Counted(real):  # type: ignore[misc, valid-type]
        def load(self, stream: Any) -> Any:
            text = stream.getvalue()
            parsed[text] += 1
            return super().load(stream)

    monkeypatch.setattr(update, "YAML", Counted)
    if hasattr(update, "_round_trip"):  # what an earlier test parsed is not counted
        update._round_trip.cache_clear()
    draft = draft_update(tmp_path / "cnsnt.yaml", reviewed=reviewed)
    assert draft.changed and draft.reviewed is not None
    original = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8")
    assert parsed[original] == 1, sorted(parsed.values())
    assert set(parsed.values()) == {1}
