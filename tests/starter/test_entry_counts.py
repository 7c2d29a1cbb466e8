"""An entry's header count stays true when `init --update` adds fields to it or moves some out.

init heads each entry with `# N fields found by cnsnt init`; `--update` joined new fields to
the entry and left the number as it was. Written here: a `staff` table that grows a column.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cnsnt.starter.entry_counts import Change, recount
from cnsnt.starter.run import draft_update
from tests.starter.cli_run import changed

SCHEMA = "CREATE TABLE staff (\n  id INTEGER PRIMARY KEY,\n  full_name VARCHAR(100),\n  surname VARCHAR(100)\n);\n"
GROWN = SCHEMA.replace("  surname VARCHAR(100)\n", "  surname VARCHAR(100),\n  nickname VARCHAR(40)\n")

HEADER = "  name:                                 # 2 fields found by cnsnt init"
POLICY = f"""\
cnsnt: 1
sources:
  schemas: [{{path: db/schema.sql}}]
purposes: {{}}
data:
{HEADER}
    label: Name
    category: user.name
    columns:
      - staff.full_name                 # name 'full_name' means a person's name (en) [db/schema.sql:3]
      - staff.surname                   # name 'surname' means a person's last name (en) [db/schema.sql:4]
    purposes: []
"""
DAY = dt.date(2026, 12, 5)


def grown(root: Path, policy: str) -> Path:
    (root / "db").mkdir(parents=True, exist_ok=True)
    (root / "db" / "schema.sql").write_text(GROWN, encoding="utf-8")
    (root / "cnsnt.yaml").write_bytes(policy.encode("utf-8"))
    return root / "cnsnt.yaml"


def test_the_count_of_inits_own_header_is_made_true_and_every_other_byte_stays(tmp_path: Path) -> None:
    draft = draft_update(grown(tmp_path, POLICY), today=DAY)
    gone, added = changed(POLICY, draft.text)
    assert gone == [HEADER + "\n"]
    assert added[0] == "  name:                                 # 3 fields found by cnsnt init\n"
    assert [line.split("#")[0].strip() for line in added[1:]] == ["- staff.nickname"]
    assert draft.text.replace(added[0], gone[0]).replace(added[1], "") == POLICY


def test_a_header_a_person_edited_is_never_touched_a_line_below_says_what_was_added(tmp_path: Path) -> None:
    for edited in (
        "  name:   # 2 fields found by cnsnt init",  # spaced otherwise
        "  name:                                 # 2 fields found by cnsnt init, and ours",
        "  name:                                 # 02 fields found by cnsnt init",
    ):
        policy = POLICY.replace(HEADER, edited)
        draft = draft_update(grown(tmp_path / str(len(edited)), policy), today=DAY)
        gone, added = changed(policy, draft.text)
        assert gone == []
        assert added[0] == "    # 1 field added by cnsnt init --update on 2026-12-05\n"
        assert draft.text.startswith(policy.split(edited)[0] + edited + "\n" + added[0])


def test_an_entry_a_person_wrote_gets_no_count(tmp_path: Path) -> None:
    policy = POLICY.replace(HEADER, "  name:                                 # the names we keep")
    draft = draft_update(grown(tmp_path, policy), today=DAY)
    gone, added = changed(policy, draft.text)
    assert gone == [] and [line.split("#")[0].strip() for line in added] == ["- staff.nickname"]


def test_a_crlf_policy_keeps_its_line_breaks(tmp_path: Path) -> None:
    policy = POLICY.replace("\n", "\r\n")
    draft = draft_update(grown(tmp_path, policy), today=DAY)
    assert "  name:                                 # 3 fields found by cnsnt init\r\n" in draft.text
    assert "\n" not in draft.text.replace("\r\n", "")


def test_the_parts_of_a_header_are_counted_each_by_what_added_it() -> None:
    text = (
        "data:\n"
        "  things:                               # 2 fields found by cnsnt init, 1 field marked personal in "
        "review.csv; added by cnsnt init --update\n"
        "    category: user\n    columns: [a.b]\n"
        "  other:                                # 1 field marked personal in old.csv\n"
        "    category: user\n    columns: [a.c]\n"
    )
    out = recount(
        text,
        "cnsnt.yaml",
        {"things": Change(found=1, marked={"review.csv": 2, "more.csv": 1}, moved=2), "other": Change(found=2)},
    )
    assert out == text.replace(
        "# 2 fields found by cnsnt init, 1 field marked personal in review.csv;",
        "# 1 field found by cnsnt init, 3 fields marked personal in review.csv, 1 field marked personal in "
        "more.csv;",
    ).replace("# 1 field marked personal in old.csv", "# 2 fields found by cnsnt init, 1 field marked personal in old.csv")
