"""The unsure-list pass, both halves (review35 R35a D1 D2, R35b D2; trial29 A, B, C).

Written here: a `members` table about people, an `absences` table linked to them and a
`rooms` table about no one. Reviewers worked both low-confidence lists on real schemas: a
`true` on the personal half was recorded nowhere, so a year later the whole half was to
judge again; a row left as written moved a column out of the entry its form field filed it
in; and an entry init wrote for one column, given another category, was left with "remove
the entry by hand" (every hand edit of the trials).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cnsnt.errors import UsageError
from cnsnt.policy.loader import load_policy
from cnsnt.policy.model import Policy
from cnsnt.starter import run as starter_run
from cnsnt.starter.init_entries import InitEntry
from cnsnt.starter.run import draft_update
from tests.starter.cli_run import changed, run
from tests.starter.cli_run import explained as rows

SCHEMA = """\
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  first_name VARCHAR(80),
  email VARCHAR(120),
  homeless BOOLEAN,
  plan_tier VARCHAR(20) COMMENT 'the plan they pay for, see prices'
);
CREATE TABLE absences (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  total_absences INTEGER,
  reason TEXT
);
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  label VARCHAR(40),
  wheelchair_accessible BOOLEAN
);
"""

PERSONAL = ("*", "--undecided", "--verdict", "personal", "--confidence", "low", "--format", "csv")
NOT_PERSONAL = ("*", "--undecided", "--verdict", "not-personal", "--confidence", "low", "--format", "csv")


def started(root: Path, schema: str = SCHEMA) -> Path:
    """A project with the starter policy `cnsnt init` writes for `schema`."""
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(schema, encoding="utf-8")
    result = run("init", str(root), "--dialect", "mysql")
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def listed(root: Path, *args: str) -> list[str]:
    return [row["column"] for row in rows(root, *args)]


def write_review(root: Path, answers: dict[str, tuple[str, str]]) -> Path:
    """The personal half as explain-column writes it, with `answers` (column -> personal, category) set."""
    listing = run("explain-column", *PERSONAL, str(root)).stdout
    out = io.StringIO()
    reader = csv.DictReader(io.StringIO(listing))
    assert reader.fieldnames is not None
    writer = csv.DictWriter(out, reader.fieldnames, lineterminator="\n")
    writer.writeheader()
    for row in reader:
        if row["column"] in answers:
            row["personal"], row["category"] = answers[row["column"]]
        writer.writerow(row)
    (root / "p.csv").write_text(out.getvalue(), encoding="utf-8")
    return root / "p.csv"


# --- 1. a `true` is recorded, and the personal half shrinks -------------------------------


def test_a_true_on_inits_line_is_recorded_in_its_comment_and_leaves_the_undecided_list(tmp_path: Path) -> None:
    """R35a D1's repro: confirmed rows were listed again a year later, and the new ones hidden."""
    policy = started(tmp_path)
    assert listed(tmp_path, *PERSONAL) == ["members.homeless", "members.plan_tier", "absences.total_absences",
                                           "absences.reason"]
    review = write_review(tmp_path, {})  # every row left as written: true
    before = policy.read_text(encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(review), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    after = policy.read_text(encoding="utf-8")
    gone, added = changed(before, after)
    # only the four comments: the line's start and the comment's column kept
    assert [line.split("#")[0] for line in gone] == [line.split("#")[0] for line in added]
    assert len(added) == 4
    assert (
        "      - members.homeless                # marked personal in p.csv:2; cnsnt said: personal (low) because "
        "'homeless' is a fact about the person, a yes or no in their own row, in the people table 'members' "
        "[db/schema.sql:5]\n"
    ) in added
    assert "p.csv: 4 rows reviewed: 4 confirmed on lines cnsnt init wrote\n" in result.stderr
    assert held(load_policy(policy)) == held(load_policy_from(before, tmp_path))
    # the personal half is answered; a second run with the same file changes nothing
    assert listed(tmp_path, *PERSONAL) == []
    again = run("init", "--update", "--reviewed", str(review), str(tmp_path))
    assert again.exit_code == 0 and policy.read_text(encoding="utf-8") == after
    assert "nothing changed" in again.stderr
    # a year later: only the new column is on the list
    with (tmp_path / "db" / "schema.sql").open("a", encoding="utf-8") as schema:
        schema.write("ALTER TABLE members ADD COLUMN sleeps_rough BOOLEAN;\n")
    assert run("init", "--update", str(tmp_path), "--dialect", "mysql").exit_code == 0
    assert listed(tmp_path, *PERSONAL) == ["members.sleeps_rough"]
    # without --undecided the list is what it was: every personal verdict of low confidence
    assert len(listed(tmp_path, *PERSONAL[:1], *PERSONAL[2:])) == 5


def load_policy_from(text: str, root: Path) -> Policy:
    (root / "before.yaml").write_text(text, encoding="utf-8")
    return load_policy(root / "before.yaml")


def held(policy: Policy) -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """What each data entry holds: its category, columns and form fields."""
    return {name: (d.category, d.columns, d.form_fields) for name, d in policy.data.items()}


def test_a_true_on_a_line_a_person_edited_changes_nothing(tmp_path: Path) -> None:
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    mine = text.replace("# unsure, check: 'homeless' is", "# ours: 'homeless' is")
    policy.write_text(mine, encoding="utf-8")
    review = write_review(tmp_path, {})
    draft = draft_update(policy, reviewed=review)
    assert "- members.homeless                # ours: 'homeless' is" in draft.text
    assert draft.reviewed is not None and "members.homeless" not in [
        line.split(".")[0] for line in draft.reviewed.confirmed
    ]
    assert draft.reviewed.confirmed == ("members.plan_tier", "absences.total_absences", "absences.reason")


def test_init_counts_both_halves_and_prints_the_command_for_each(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = run("init", str(tmp_path), "--dialect", "mysql")
    assert result.exit_code == 0, result.stderr
    where = tmp_path.as_posix()
    lines = result.stderr.splitlines()
    assert (
        "1 column left out as not personal, unsure (a state, flag or count in a person's row; a word cnsnt does "
        f"not know): check it with cnsnt explain-column '*' {where} --undecided --verdict not-personal "
        "--confidence low"
    ) in lines
    assert (
        "4 columns declared personal, unsure (init's 'unsure, check' lines nobody has answered yet): check them "
        f"with cnsnt explain-column '*' {where} --undecided --verdict personal --confidence low"
    ) in lines
    # each count is the length of the list its command gives
    assert len(listed(tmp_path, *NOT_PERSONAL)) == 1
    assert len(listed(tmp_path, *PERSONAL)) == 4
    review = write_review(tmp_path, {"members.homeless": ("", "")})  # not judged yet
    result = run("init", "--update", "--reviewed", str(review), str(tmp_path))
    assert (
        "1 column declared personal, unsure (init's 'unsure, check' lines nobody has answered yet): check it "
        f"with cnsnt explain-column '*' {where} --undecided --verdict personal --confidence low"
    ) in result.stderr.splitlines()
    assert listed(tmp_path, *PERSONAL) == ["members.homeless"]


def test_the_unsure_lines_of_a_reads_table_leave_the_list_once_confirmed(tmp_path: Path) -> None:
    """R35b D2's repro: the policy was byte-identical after a `true`, and the list empty before and after."""
    policy = started(
        tmp_path,
        "CREATE TABLE users (id serial PRIMARY KEY, email text);\n"
        "CREATE TABLE reads (id serial PRIMARY KEY, user_id int REFERENCES users(id), read_at timestamptz);\n",
    )
    assert listed(tmp_path, *PERSONAL) == ["reads.read_at"]
    before = policy.read_text(encoding="utf-8")
    review = write_review(tmp_path, {})
    assert run("init", "--update", "--reviewed", str(review), str(tmp_path)).exit_code == 0
    assert policy.read_text(encoding="utf-8") != before
    assert "- reads.read_at" in policy.read_text(encoding="utf-8").split("marked personal in p.csv:2")[0]
    assert listed(tmp_path, *PERSONAL) == []


# --- 2. a row left as written questions nothing -------------------------------------------


DJANGO_MODELS = """\
from django.db import models


class Aidant(models.Model):
    first_name = models.CharField(max_length=80)
    full_name = models.CharField(max_length=160)
    email = models.EmailField()


class CardSending(models.Model):
    referent = models.ForeignKey(Aidant, on_delete=models.CASCADE)
    name_referent = models.CharField(max_length=100)
    quantity = models.PositiveIntegerField()
"""

DJANGO_FORMS = """\
from django import forms

from .models import CardSending


class CardSendingForm(forms.ModelForm):
    class Meta:
        model = CardSending
        fields = ["name_referent", "quantity"]
"""


def test_a_row_left_as_written_moves_no_column_out_of_the_entry_its_field_filed_it_in(tmp_path: Path) -> None:
    """R35a D2's repro: the CSV carries the column's own `user`; init filed it under `user.name`."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "shop" / "models.py").write_text(DJANGO_MODELS, encoding="utf-8")
    (tmp_path / "shop" / "forms.py").write_text(DJANGO_FORMS, encoding="utf-8")
    assert run("init", str(tmp_path)).exit_code == 0
    policy = tmp_path / "cnsnt.yaml"
    assert "shop_cardsending.name_referent" in load_policy(policy).data["name"].columns
    listing = run("explain-column", "*", "--verdict", "personal", "--confidence", "low", "--format", "csv",
                  str(tmp_path)).stdout
    assert "shop_cardsending.name_referent,shop/models.py:12:5,true,user,low," in listing
    (tmp_path / "p.csv").write_text(listing, encoding="utf-8")
    before = policy.read_text(encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(tmp_path / "p.csv"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "moved" not in result.stderr and "only column" not in result.stderr
    after = load_policy(policy)
    assert held(after) == held(load_policy_from(before, tmp_path))  # nothing moved: comments only
    assert "shop_cardsending.name_referent" in after.data["name"].columns
    assert "card_sending.name_referent" in after.data["name"].form_fields
    # the `true`s are recorded, a form field's on its own line as a column's, with the column it
    # was filed with (so a later row moving the column takes it: fix30e)
    text = policy.read_text(encoding="utf-8")
    assert "      - card_sending.quantity           # marked personal in p.csv:4; cnsnt said: personal (low) " \
        "because field 'quantity' is filled in by a person; kind unknown; fills the column " \
        "'shop_cardsending.quantity' (the form fills 'CardSending', kept in the table 'shop_cardsending') " \
        "[shop/forms.py:9]\n" in text
    assert listed(tmp_path, *PERSONAL) == []


def test_a_category_other_than_cnsnts_and_the_entrys_still_moves(tmp_path: Path) -> None:
    policy = started(tmp_path)
    review = write_review(tmp_path, {"absences.reason": ("true", "user.health")})
    draft = draft_update(policy, reviewed=review)
    loaded = load_policy_from(draft.text, tmp_path)
    assert "absences.reason" in loaded.data["health"].columns
    assert "absences.reason" not in loaded.data["other_personal_details"].columns


# --- 3. moves that finish ------------------------------------------------------------------


def test_the_last_column_of_an_entry_init_wrote_takes_the_entry_with_it(tmp_path: Path) -> None:
    """trial29 A T5, B, C: `total_absences` is "a sum of money": the reviewer says `user`."""
    policy = started(tmp_path)
    assert load_policy(policy).data["financial"].columns == ("absences.total_absences",)
    review = write_review(tmp_path, {"absences.total_absences": ("true", "user")})
    before = policy.read_text(encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(review), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    after = policy.read_text(encoding="utf-8")
    assert (
        "p.csv:4: absences.total_absences moved from data entry financial, where cnsnt init had put it, into "
        "data entry other_personal_details (user)"  # init's entry of absences' other columns (fix31a)
    ) in result.stderr.splitlines()
    assert (
        "p.csv:4: removed data entry financial, which init wrote; its only field absences.total_absences was "
        "moved"
    ) in result.stderr.splitlines()
    assert "by hand" not in result.stderr
    gone, added = changed(before, after)
    # the entry's lines, and the three comments the `true`s rewrote; nothing else of before
    entry = before[before.index("  financial:") : before.index("  first_name:")].splitlines(keepends=True)
    assert len(entry) == 7 and all(line in gone for line in entry)
    rest = [line for line in gone if line not in entry]
    header = next(line for line in rest if line.startswith("  other_personal_details:"))
    assert header.endswith("# 3 fields found by cnsnt init\n")  # counts the column joining it
    assert "  other_personal_details:               # 3 fields found by cnsnt init, 1 field marked personal in " \
        "p.csv\n" in added
    rest.remove(header)
    assert len(rest) == 3
    for line in rest:
        start = line[: line.index("# unsure, check: ")]
        assert any(a.startswith(start + "# marked personal in p.csv:") for a in added), line
    loaded = load_policy(policy)
    assert "financial" not in loaded.data
    assert "absences.total_absences" in loaded.data["other_personal_details"].columns
    assert listed(tmp_path, *PERSONAL) == []


def test_a_false_on_the_last_column_of_an_entry_init_wrote_puts_it_under_ignore_and_the_entry_goes(
    tmp_path: Path,
) -> None:
    policy = started(tmp_path)
    review = write_review(tmp_path, {"absences.total_absences": ("false", "")})
    result = run("init", "--update", "--reviewed", str(review), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    loaded = load_policy(policy)
    assert "financial" not in loaded.data and "absences.total_absences" in loaded.ignore
    assert "# marked not personal in p.csv:4; was in data entry financial" in policy.read_text(encoding="utf-8")
    assert "p.csv:4: removed data entry financial, which init wrote; its only field absences.total_absences " \
        "was moved" in result.stderr


@pytest.mark.parametrize(
    ("edit", "answer", "said"),
    [
        (
            ("    label: Financial Data  ", "    label: Absence counts  "),
            ("true", "user"),
            "move line {line} `- absences.total_absences` into entry other_personal_details by hand, then "
            "remove entry financial, which holds nothing else",
        ),
        (
            ("    purposes: []                        # fill in: why you process it (names under purposes:)\n"
             "    # retention: P1Y                    # fill in: how long you keep it (ISO 8601 or a sentence)\n"
             "  first_name:",
             "    purposes: [attendance]\n  first_name:"),
            ("false", ""),
            "add absences.total_absences under ignore: and remove entry financial",
        ),
        (
            ("    label: Financial Data  ", "    label: Absence counts  "),
            ("true", "user.behavior"),
            "set entry financial's category: to user.behavior by hand (it holds nothing else)",
        ),
    ],
    ids=["label-edited", "purposes-given", "no-entry-of-the-category"],
)
def test_an_entry_a_person_touched_stays_and_the_message_says_what_to_do_for_this_row(
    tmp_path: Path, edit: tuple[str, str], answer: tuple[str, str], said: str
) -> None:
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    assert edit[0] in text
    touched = text.replace(edit[0], edit[1], 1)
    if "attendance" in edit[1]:
        touched = touched.replace("purposes: {}", "purposes:\n  attendance: {description: To plan rooms., basis: contract}")
    policy.write_text(touched, encoding="utf-8")
    review = write_review(tmp_path, {"absences.total_absences": answer})
    result = run("init", "--update", "--reviewed", str(review), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    after = policy.read_text(encoding="utf-8")
    assert "financial" in load_policy(policy).data
    line = next(i for i, text in enumerate(after.splitlines(), 1) if text.strip().startswith("- absences.total_"))
    said = said.format(line=line)
    assert (
        "p.csv:4: absences.total_absences is the only column of data entry financial, which a person has edited "
        f"and cnsnt does not delete: left there; {said}"
    ) in result.stderr.splitlines()
    assert "removed data entry" not in result.stderr
    # unanswered, it is still on the list
    assert "absences.total_absences" in listed(tmp_path, *PERSONAL)


def test_the_read_back_check_still_guards_an_entry_taken_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A removal that took one line too many (the next entry's column) is refused, nothing written."""
    policy = started(tmp_path)
    review = write_review(tmp_path, {"absences.total_absences": ("true", "user")})
    found = starter_run.init_entries

    def greedy(text: str, shown: str, taxonomy):  # type: ignore[no-untyped-def]
        entries = found(text, shown, taxonomy)
        one = entries["financial"]
        column = one.rows[-1] + 5  # first_name: its header, label, category, columns:, then its column
        return {**entries, "financial": InitEntry(one.name, (*one.rows, column), one.items)}

    monkeypatch.setattr(starter_run, "init_entries", greedy)
    before = policy.read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="not written: adding to data entry first_name as it is written would change"):
        draft_update(policy, reviewed=review)
    assert policy.read_text(encoding="utf-8") == before


def test_only_an_entry_every_line_of_which_is_inits_counts_as_inits(tmp_path: Path) -> None:
    from cnsnt.policy.taxonomy import load_taxonomy
    from cnsnt.starter.init_entries import init_entries

    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    taxonomy = load_taxonomy()
    assert set(init_entries(text, "cnsnt.yaml", taxonomy)) == {"email", "financial", "first_name",
                                                               "other_personal_details"}
    for old, new in [
        ("  financial:                            # 1 field found by cnsnt init",
         "  financial:                            # ours"),
        ("    category: user.financial            # check the suggested category",
         "    category: user.financial"),
        ("    # retention: P1Y                    # fill in: how long you keep it (ISO 8601 or a sentence)\n"
         "  first_name:",
         "    retention: P1Y\n  first_name:"),
        ("    columns:\n      - absences.total_absences", "    # the absences\n    columns:\n      - absences.total_absences"),
    ]:
        assert old in text, old
        assert "financial" not in init_entries(text.replace(old, new, 1), "cnsnt.yaml", taxonomy), new


# --- 4. a CSV a reviewer can judge from ---------------------------------------------------


def test_the_csv_and_json_carry_the_sql_type_the_comment_and_the_table_a_key_points_at(tmp_path: Path) -> None:
    started(tmp_path, SCHEMA + "CREATE TABLE visits (id INTEGER PRIMARY KEY, members_id INTEGER, note TEXT);\n")
    listing = rows(tmp_path, "*", "--format", "csv")
    assert list(listing[0])[-4:] == ["type", "comment", "references", "note"]
    by = {row["column"]: row for row in listing}
    assert (by["members.plan_tier"]["type"], by["members.plan_tier"]["comment"]) == (
        "VARCHAR(20)", "the plan they pay for, see prices"
    )
    assert by["absences.member_id"]["references"] == "members"
    assert by["visits.members_id"]["references"] == "members (by its name)"
    assert by["absences.reason"]["references"] == "" and by["absences.reason"]["comment"] == ""
    as_json = json.loads(run("explain-column", "*", str(tmp_path), "--format", "json").stdout)
    first = next(r for r in as_json if r["column"] == "members.plan_tier")
    assert list(first)[-4:] == ["type", "comment", "references", "note"]
    assert first["comment"] == "the plan they pay for, see prices" and first["references"] is None


def test_a_reviewed_list_is_read_with_the_new_cells_and_without_them(tmp_path: Path) -> None:
    """The reviewed reader reads cells by header: a list written before them, or with a comment
    holding commas, quotes and a line break, reads the same."""
    policy = started(tmp_path)
    new = (
        "column,location,personal,category,confidence,table,reason,type,comment,references\n"
        'members.homeless,db/schema.sql:5:3,true,user,low,t,r,BOOLEAN,"sleeps, ""rough""\nor not",\n'
    )
    old = "column,location,personal,category,confidence,table,reason\nmembers.homeless,db/schema.sql:5:3,true,user,low,t,r\n"
    texts = []
    for name, review in (("new.csv", new), ("old.csv", old)):
        (tmp_path / name).write_text(review, encoding="utf-8")
        draft = draft_update(policy, reviewed=tmp_path / name)
        assert draft.reviewed is not None and draft.reviewed.confirmed == ("members.homeless",)
        texts.append(draft.text.replace(name, "X.csv"))
    assert texts[0] == texts[1]


def test_an_art10_entry_init_wrote_goes_with_its_last_column(tmp_path: Path) -> None:
    """init writes `# condition: official_authority` under criminal-offence data (src29a): the
    entry is still init's, so moving its only column out takes it too."""
    policy = started(
        tmp_path,
        "CREATE TABLE convicts (\n  id INTEGER PRIMARY KEY,\n  full_name VARCHAR(100),\n"
        "  conviction_date DATE\n);\n",
    )
    assert "# condition: official_authority" in policy.read_text(encoding="utf-8")
    assert load_policy(policy).data["criminal_history"].columns == ("convicts.conviction_date",)
    review = tmp_path / "p.csv"  # a high-confidence verdict: a reviewer's own row gives it another kind
    review.write_text("column,personal,category\nconvicts.conviction_date,true,user\n", encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(review), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "removed data entry criminal_history, which init wrote" in result.stderr, result.stderr
    assert "criminal_history" not in load_policy(policy).data
