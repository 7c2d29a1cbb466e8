"""A reviewed answer changed later is applied or said; a form named like a table (trial29 D#1, G#3; codereview29 F1).

Written here: a `members` table about people (cnsnt calls `turno` and `stato` not personal
and `closed` personal, all unsure) and a `rooms` table about no one. Reviewers changed an
answer an earlier `--reviewed` run had applied: a `true` turned `false` left the column
declared, in silence ("0 marked not personal added to ignore:"), and a `false` turned
`true` needed a hand edit of `ignore:`. And a form `signup.html` beside a table `signup`
gave two `signup.flarn` rows that `--reviewed` refused as a contradiction.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.matching import AliasIndex, PolicyIndex
from cnsnt.policy.loader import load_policy
from tests.starter.cli_run import explained as listing
from tests.starter.cli_run import reviewed as apply
from tests.starter.cli_run import run

SCHEMA = """\
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  first_name VARCHAR(80),
  email VARCHAR(120),
  homeless BOOLEAN,
  joined DATE,
  turno VARCHAR(10),
  closed BOOLEAN,
  stato VARCHAR(10)
);
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  label VARCHAR(40)
);
"""

NOT_PERSONAL = ("*", "--undecided", "--verdict", "not-personal", "--confidence", "low", "--format", "csv")
PERSONAL = ("*", "--undecided", "--verdict", "personal", "--confidence", "low", "--format", "csv")


def started(root: Path, schema: str = SCHEMA, form: str | None = None) -> Path:
    """A project with the starter policy `cnsnt init` writes."""
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(schema, encoding="utf-8")
    if form is not None:
        (root / "forms").mkdir()
        (root / "forms" / "signup.html").write_text(form, encoding="utf-8")
    result = run("init", str(root), "--dialect", "mysql")
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def save(path: Path, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def mark(path: Path, answers: dict[str, str]) -> Path:
    """The list at `path` with the `personal` cell (and a `category` after a comma) of rows set."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for row in rows:
        if row["column"] in answers:
            row["personal"], _, row["category"] = answers[row["column"]].partition(",")
    return save(path, rows)


def line_of(text: str, item: str) -> str:
    found = [line for line in text.splitlines() if line.strip().startswith((f"- {item} ", f"{item},"))]
    assert len(found) == 1, (item, text)
    return found[0]


# --- 1. a changed answer is applied, or said -----------------------------------------------


def test_a_true_turned_false_moves_the_line_an_earlier_list_wrote_under_ignore(tmp_path: Path) -> None:
    """Trial D #1's repro: the column stayed declared, and the summary said nothing changed."""
    policy = started(tmp_path)
    review = save(tmp_path / "np.csv", listing(tmp_path, *NOT_PERSONAL))
    apply(tmp_path, mark(review, {"members.turno": "true", "members.stato": "true", "rooms.label": "false"}))
    text = policy.read_text(encoding="utf-8")
    assert "marked personal in np.csv:2; cnsnt said: not personal" in line_of(text, "members.turno")
    # init's entry of members' unknown-kind columns takes them (fix31a: not a members_details beside it)
    assert "other_personal_details:               # 2 fields found by cnsnt init, 2 fields marked personal in " \
        "np.csv\n" in text

    result = apply(tmp_path, mark(review, {"members.turno": "false"}))
    after = policy.read_text(encoding="utf-8")
    loaded = load_policy(policy)
    assert loaded.data["other_personal_details"].columns == ("members.closed", "members.homeless", "members.stato")
    assert "members.turno" in loaded.ignore
    assert line_of(after, "members.turno").endswith(
        "# marked not personal in np.csv:2; was marked personal in np.csv:2, in data entry other_personal_details"
    )
    # the header counts what the entry holds
    assert "other_personal_details:               # 2 fields found by cnsnt init, 1 field marked personal in " \
        "np.csv\n" in after
    assert (
        "np.csv:2: members.turno moved from data entry other_personal_details, where np.csv:2 had put it, "
        "under ignore:" in result.stderr
    )
    assert "np.csv: 3 rows reviewed: 1 put under ignore:, 2 already as the policy says\n" in result.stderr
    # the same file again changes nothing
    apply(tmp_path, review)
    assert policy.read_text(encoding="utf-8") == after
    # the last line a reviewed list wrote goes too; the entry keeps init's lines
    result = apply(tmp_path, mark(review, {"members.stato": "false"}))
    assert load_policy(policy).data["other_personal_details"].columns == ("members.closed", "members.homeless")
    assert "np.csv:3: members.stato moved from data entry other_personal_details, where np.csv:3 had put it, " \
        "under ignore:" in result.stderr
    assert explain_undecided(tmp_path) == []


def explain_undecided(root: Path) -> list[str]:
    return [r["column"] for r in listing(root, *NOT_PERSONAL)]


def test_a_false_turned_true_takes_the_ignore_item_an_earlier_list_wrote_out(tmp_path: Path) -> None:
    """Trial G #3: a hand edit of ignore: and a further run were needed; now the row does it."""
    policy = started(tmp_path)
    review = save(tmp_path / "np.csv", listing(tmp_path, *NOT_PERSONAL))
    apply(tmp_path, mark(review, {"members.turno": "false", "members.stato": "false", "rooms.label": "false"}))
    assert {"members.turno", "members.stato", "rooms.label"} <= set(load_policy(policy).ignore)

    result = apply(tmp_path, mark(review, {"members.turno": "true"}))
    after = policy.read_text(encoding="utf-8")
    loaded = load_policy(policy)
    assert "members.turno" not in loaded.ignore and {"members.stato", "rooms.label"} <= set(loaded.ignore)
    assert loaded.data["other_personal_details"].columns == ("members.closed", "members.homeless", "members.turno")
    assert "marked personal in np.csv:2; cnsnt said: not personal" in line_of(after, "members.turno")
    assert (
        "np.csv:2: members.turno taken off ignore:, where np.csv:2 had put it, and added to data entry "
        "other_personal_details as marked personal" in result.stderr
    )
    assert "np.csv: 3 rows reviewed: 1 newly declared personal, 2 already as the policy says\n" in result.stderr
    apply(tmp_path, review)
    assert policy.read_text(encoding="utf-8") == after
    # and back again: the line the second run wrote moves as the first run's did
    apply(tmp_path, mark(review, {"members.turno": "false"}))
    assert "members.turno" in load_policy(policy).ignore


def test_an_ignore_block_list_keeps_a_persons_item_and_an_emptied_one_becomes_empty(tmp_path: Path) -> None:
    policy = started(tmp_path)
    policy.write_text(
        policy.read_text(encoding="utf-8").replace("ignore: []", 'ignore:\n  - "*.created_at"'), encoding="utf-8"
    )
    review = save(tmp_path / "np.csv", listing(tmp_path, *NOT_PERSONAL))
    apply(tmp_path, mark(review, {"members.turno": "false", "members.stato": "false", "rooms.label": "false"}))
    apply(tmp_path, mark(review, {"members.turno": "true", "members.stato": "true", "rooms.label": "true"}))
    text = policy.read_text(encoding="utf-8")
    assert load_policy(policy).ignore == ("*.created_at",)
    assert text.endswith('ignore:\n  - "*.created_at"                              # fields that are not personal data, '
                         'e.g. ["*.created_at"]\n')

    # no ignore: at all: --reviewed writes a block; emptied, it is `ignore: []`
    bare = tmp_path / "bare"
    policy = started(bare)
    policy.write_text(policy.read_text(encoding="utf-8").split("\nignore:")[0] + "\n", encoding="utf-8")
    review = bare / "np.csv"
    review.write_text("column,personal\nmembers.turno,false\n", encoding="utf-8")
    apply(bare, review)
    assert "ignore:\n  - members.turno" in policy.read_text(encoding="utf-8")
    apply(bare, mark(review, {"members.turno": "true"}))
    assert load_policy(policy).ignore == ()
    assert "\nignore: []\n" in policy.read_text(encoding="utf-8")


def test_another_category_moves_a_line_an_earlier_list_wrote(tmp_path: Path) -> None:
    policy = started(tmp_path)
    review = save(tmp_path / "np.csv", listing(tmp_path, *NOT_PERSONAL))
    apply(tmp_path, mark(review, {"members.turno": "true", "members.stato": "true"}))
    result = apply(tmp_path, mark(review, {"members.turno": "true,user.behavior"}))
    loaded = load_policy(policy)
    assert "members.turno" in loaded.data["behavior"].columns
    assert loaded.data["other_personal_details"].columns == ("members.closed", "members.homeless", "members.stato")
    assert (
        "np.csv:2: members.turno moved from data entry other_personal_details, where np.csv:2 had put it, "
        "into data entry behavior (user.behavior)" in result.stderr
    )


def test_a_row_of_another_list_repeating_cnsnt_leaves_a_decision_and_says_so(tmp_path: Path) -> None:
    """A list made anew without --undecided repeats cnsnt's verdict on decided columns: no answer."""
    policy = started(tmp_path)
    review = save(tmp_path / "np.csv", listing(tmp_path, *NOT_PERSONAL))
    apply(tmp_path, mark(review, {"members.turno": "true"}))
    personal = save(tmp_path / "p.csv", listing(tmp_path, *PERSONAL))
    apply(tmp_path, mark(personal, {"members.closed": "false"}))  # init's line: moved under ignore:
    before = policy.read_text(encoding="utf-8")

    fresh = save(tmp_path / "all.csv", listing(tmp_path, "*", "--format", "csv"))  # left as written
    result = apply(tmp_path, fresh)
    after = policy.read_text(encoding="utf-8")
    for item in ("members.turno", "members.closed"):  # the rows confirm init's own lines, nothing else
        assert line_of(after, item) == line_of(before, item)
    at = {row["column"]: n for n, row in enumerate(csv.DictReader(io.StringIO(fresh.read_text())), start=2)}
    assert (
        f"all.csv:{at['members.turno']}: members.turno is marked not personal, as cnsnt says, but np.csv:2 "
        "marked it personal (data entry other_personal_details): left as that list decided" in result.stderr
    )
    closed = f"all.csv:{at['members.closed']}: members.closed is marked personal, as cnsnt says, but p.csv:"
    assert closed in result.stderr and "marked it not personal (ignore: members.closed)" in result.stderr


def test_a_line_a_person_edited_is_left_and_said(tmp_path: Path) -> None:
    policy = started(tmp_path)
    review = save(tmp_path / "np.csv", listing(tmp_path, *NOT_PERSONAL))
    apply(tmp_path, mark(review, {"members.turno": "true", "members.stato": "true", "rooms.label": "false"}))
    text = policy.read_text(encoding="utf-8")
    text = text.replace("[db/schema.sql:7]", "[db/schema.sql:7] Ana: shift worked")
    text = text.replace("# marked not personal in np.csv:4", "# marked not personal in np.csv:4, agreed")
    policy.write_text(text, encoding="utf-8")
    result = apply(tmp_path, mark(review, {"members.turno": "false", "rooms.label": "true"}))
    assert policy.read_text(encoding="utf-8") == text
    assert (
        "np.csv:2: members.turno is marked not personal but declared in data entry other_personal_details: "
        "remove it by hand if it is not personal" in result.stderr
    )
    assert "np.csv:4: rooms.label is marked personal but ignore: names it (rooms.label)" in result.stderr
    assert "np.csv: 3 rows reviewed: 1 already as the policy says, 2 to change by hand (each said above)\n" \
        in result.stderr


FORM = '<form action="/s" method="post">\n<input name="full_name"><input name="flarn"><input name="colour">\n</form>\n'
SIGNUP = "CREATE TABLE signup (id int PRIMARY KEY, full_name varchar(50), flarn varchar(20), colour varchar(10));\n"


def test_every_row_changes_the_policy_is_as_it_says_or_prints_a_line(tmp_path: Path) -> None:
    """Nothing a reviewer answers is dropped in silence, over two passes that change every answer."""
    policy = started(tmp_path, SCHEMA + SIGNUP, FORM)
    text = policy.read_text(encoding="utf-8")
    # a line a person edited, and a flow list a person wrote
    text = text.replace("[db/schema.sql:5]", "[db/schema.sql:5] (checked)")
    text = text.replace("\nignore:", "\n  rooms_kept:\n    category: user\n    columns: [rooms.label]\n"
                        "    purposes: []\n\nignore:", 1)
    policy.write_text(text, encoding="utf-8")
    written = listing(tmp_path, "*", "--format", "csv")
    first = {r["column"] + r["table"]: "false" if n % 3 else "true" for n, r in enumerate(written)}
    first["members.homeless"] = "false"
    rows = [dict(r, personal=first[r["column"] + r["table"]]) for r in written]
    for n, answers in enumerate((rows, [dict(r, personal=_flip(r["personal"])) for r in rows])):
        review = save(tmp_path / f"pass{n}.csv", answers)
        result = apply(tmp_path, review)
        loaded = load_policy(policy)
        index = PolicyIndex(loaded, AliasIndex(collect_evidence(loaded).fields))
        said = {line.split(": ")[0].removeprefix("warning: ") for line in result.stderr.splitlines()}
        for line, row in enumerate(answers, start=2):
            key, personal = row["column"], row["personal"] == "true"
            if row["table"].startswith("form '"):
                declared, ignored = bool(index.data_for_field(key)), index.field_ignored(key)
            else:
                declared, ignored = bool(index.data_for_column(key)), index.column_ignored(key)
            as_said = (declared and not ignored) if personal else (ignored and not declared)
            assert as_said or f"pass{n}.csv:{line}" in said, (n, line, row, result.stderr)


def _flip(value: str) -> str:
    return "false" if value == "true" else "true"


# --- 2. a form named like a table ------------------------------------------------------------


def test_a_form_named_like_a_table_gives_each_row_to_what_it_lists(tmp_path: Path) -> None:
    """Codereview29 F1's repro: explain-column's own list, unedited, was refused (exit 2)."""
    policy = started(tmp_path, SIGNUP, FORM)
    review = save(tmp_path / "review.csv", listing(tmp_path, "signup.*", "--format", "csv"))
    result = apply(tmp_path, review)
    text = policy.read_text(encoding="utf-8")
    # the column's row answers the column's line, the field's row the field's
    lines = [line for line in text.splitlines() if "- signup.full_name" in line]
    assert len(lines) == 2
    assert "review.csv:3" in lines[0] and "[db/schema.sql:1]" in lines[0]
    assert "review.csv:6" in lines[1] and "[forms/signup.html:2]" in lines[1]
    assert "2 confirmed on lines cnsnt init wrote" in result.stderr

    # a field marked not personal whose column is personal: ignore: would silence both, so said
    rows = list(csv.DictReader(io.StringIO(review.read_text(encoding="utf-8"))))
    for row in rows:
        if row["column"] == "signup.full_name" and row["table"].startswith("form "):
            row["personal"] = "false"
    before = policy.read_text(encoding="utf-8")
    result = apply(tmp_path, save(review, rows))
    assert policy.read_text(encoding="utf-8") == before
    assert (
        "review.csv:6: signup.full_name is marked not personal, but ignore: signup.full_name would also silence "
        "the column signup.full_name (a form named like a table): not applied" in result.stderr
    )


def test_a_form_row_of_the_json_list_is_a_fields_and_an_old_list_reads_the_column_first(tmp_path: Path) -> None:
    started(tmp_path, SIGNUP, FORM)
    text = run("explain-column", "signup.*", str(tmp_path), "--format", "json").stdout
    flarn = [i for i in json.loads(text) if i["column"] == "signup.flarn"]
    assert [(i["personal"], i["table"].startswith("form 'signup'")) for i in flarn] == [(False, False), (True, True)]
    (tmp_path / "review.json").write_text(text, encoding="utf-8")  # as written: no contradiction
    result = apply(tmp_path, tmp_path / "review.json")
    field = text[: text.index('"location": "forms/signup.html:2:25"')].count("\n") - 1  # the item's `{`
    assert f"review.json:{field}: signup.flarn is marked personal but ignore: names it" in result.stderr
    # a list without the table cell: a name a column and a field share is the column's, as before
    (tmp_path / "old.csv").write_text("column,personal\nsignup.full_name,false\n", encoding="utf-8")
    result = apply(tmp_path, tmp_path / "old.csv")
    assert "old.csv:2: signup.full_name is marked not personal, but ignore: signup.full_name would also silence " \
        "the form field signup.full_name" in result.stderr
