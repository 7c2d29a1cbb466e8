"""The review pass's loose ends: init and the reviewed lists (brief fix31a).

1. init's closing lines name the third list (`--beside-personal`) after the two unsure ones.
2. `--key-patterns`: a table's keys a list leaves `false` go on one line of `ignore:`, each as it is.
3. A reviewed field of unknown kind joins init's `form_input` (a column, `other_personal_details`)
   holding its form's (table's) other fields, not a new `templates_form_input` beside it.
4. The policy's only data entry goes when the same list adds another.
5. The first line of a mixed pass names each part the list wrote, as the list's own line does.

Written here: a club's `members` table, its `bookings` of `rooms`, an Italian `Iscrizioni`
table keyed `IdIscrizione`, `IdSocio`, and a signup form.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from cnsnt.policy.loader import load_policy
from tests.starter.cli_run import reviewed as apply
from tests.starter.cli_run import run

SCHEMA = """\
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  email VARCHAR(200) NOT NULL,
  full_name VARCHAR(100),
  status VARCHAR(20),
  plan_tier VARCHAR(20),
  created_at TIMESTAMP
);
CREATE TABLE bookings (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  room_id INTEGER REFERENCES rooms(id),
  starts_at TIMESTAMP,
  seats INTEGER,
  notes TEXT
);
CREATE TABLE rooms (
  id INTEGER PRIMARY KEY,
  label VARCHAR(40),
  floor INTEGER
);
"""
ISCRIZIONI = """\
CREATE TABLE Iscrizioni (
  IdIscrizione INTEGER PRIMARY KEY,
  IdSocio INTEGER REFERENCES members(id),
  DataIscrizione DATE,
  Note TEXT
);
"""
#: A table whose keys end like a column the policy declares (`tax_id`, a national id).
PAYERS = """\
CREATE TABLE payers (
  id INTEGER PRIMARY KEY,
  member_id INTEGER REFERENCES members(id),
  tax_id VARCHAR(20),
  paid_on DATE
);
"""
SIGNUP = """\
<form method="post" action="/signup">
  <label>Email <input type="email" name="email"></label>
  <label>Your name <input name="full_name"></label>
  <label>Favourite colour <input name="colour"></label>
  <label>Shoe size <input name="shoe"></label>
  <button type="submit">Join</button>
</form>
"""
UNSURE_NOT = ("--verdict", "not-personal", "--confidence", "low")
UNSURE = ("--verdict", "personal", "--confidence", "low")
THIRD = ("--verdict", "not-personal", "--beside-personal")


def started(root: Path, schema: str = SCHEMA, **forms: str) -> Path:
    """A project with the starter policy `cnsnt init` writes (the signup form unless others are given)."""
    (root / "db").mkdir(parents=True)
    (root / "templates").mkdir()
    (root / "db" / "schema.sql").write_text(schema, encoding="utf-8")
    for name, text in (forms or {"signup": SIGNUP}).items():
        (root / "templates" / f"{name}.html").write_text(text, encoding="utf-8")
    result = run("init", str(root))
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def listed(root: Path, *flags: str) -> list[dict[str, str]]:
    result = run("explain-column", "*", str(root), "--undecided", *flags, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def saved(root: Path, name: str, rows: list[dict[str, str]], answers: dict[str, str] | None = None) -> Path:
    """The rows as a CSV list, each `personal` cell (and a `category` after a comma) set as `answers` says."""
    out = io.StringIO()
    writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if answers and row["column"] in answers:
            row = {**row}
            row["personal"], _, row["category"] = answers[row["column"]].partition(",")
        writer.writerow(row)
    (root / name).write_text(out.getvalue(), encoding="utf-8")
    return root / name


def both_unsure_lists(root: Path) -> None:
    """Both unsure lists answered as written: the reviewer agrees with cnsnt."""
    apply(root, saved(root, "low-not.csv", listed(root, *UNSURE_NOT)))
    apply(root, saved(root, "low-p.csv", listed(root, *UNSURE)))


# --- 1. init names the third list -------------------------------------------------------


def test_init_names_the_third_list_after_both_unsure_ones_with_its_count(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    where = tmp_path.as_posix()
    lines = result.stderr.splitlines()
    third = (
        "5 columns left out as not personal at medium or high confidence, in tables where the policy declares "
        "another and in join tables linked to them (the third list: most misses left after the unsure ones are there): check them with cnsnt "
        f"explain-column '*' {where} --undecided --verdict not-personal --beside-personal"
    )
    assert third in lines
    # in the order docs/init.md gives: the two unsure lists, then the third, then what to do next
    at = [next(i for i, line in enumerate(lines) if line.startswith(start)) for start in (
        "3 columns left out as not personal, unsure", "2 columns declared personal, unsure", third, "next: ",
    )]  # fmt: skip
    assert at == sorted(at)
    # the count is the list's rows beyond the low ones (the first list's, answered first)
    rows = listed(tmp_path, *THIRD)
    assert sum(1 for row in rows if row["confidence"] != "low") == 5
    # once both unsure lists are answered, the list holds exactly that many, and --update says so
    both_unsure_lists(tmp_path)
    assert len(listed(tmp_path, *THIRD)) == 5
    result = run("init", "--update", str(tmp_path))
    assert third in result.stderr.splitlines()
    # answered, it is said no more
    apply(tmp_path, saved(tmp_path, "third.csv", listed(tmp_path, *THIRD)))
    result = run("init", "--update", str(tmp_path))
    assert "--beside-personal" not in result.stderr


def test_init_help_names_the_three_lists() -> None:
    result = run("init", "--help")
    assert result.exit_code == 0
    said = " ".join(result.stdout.split())
    assert "--verdict not-personal --confidence low" in said
    assert "--verdict personal --confidence low" in said
    assert "--verdict not-personal --beside-personal" in said


# --- 2. --key-patterns ----------------------------------------------------------------


def ignore_items(policy: Path) -> list[str]:
    return list(load_policy(policy).ignore)


def test_key_patterns_write_a_tables_keys_on_one_line(tmp_path: Path) -> None:
    plain, keyed = tmp_path / "plain", tmp_path / "keyed"
    for root in (plain, keyed):
        started(root, SCHEMA + ISCRIZIONI)
        both_unsure_lists(root)
    rows = listed(plain, *THIRD)
    assert {r["column"] for r in rows} >= {"bookings.id", "bookings.member_id", "bookings.room_id"}
    before = len(ignore_items(plain))
    apply(plain, saved(plain, "third.csv", rows))
    result = apply(keyed, saved(keyed, "third.csv", rows), "--key-patterns")
    # the same items as without the option, in the same order: each key as it is (codereview31 F1)
    assert ignore_items(keyed) == ignore_items(plain)
    assert {"bookings.id", "bookings.member_id", "bookings.room_id", "Iscrizioni.IdSocio"} <= set(ignore_items(plain))
    assert not [item for item in ignore_items(keyed) if "*" in item]
    # a table's keys share a line and its comment
    text = (keyed / "cnsnt.yaml").read_text(encoding="utf-8")
    at = {row["column"]: n for n, row in enumerate(rows, start=2)}
    first = f"third.csv:{at['bookings.id']}"
    line = next(x for x in text.splitlines() if x.lstrip().startswith("bookings.id,"))
    assert line.lstrip().startswith("bookings.id, bookings.member_id, bookings.room_id, ")
    where = ", ".join(f"third.csv:{at[k]}" for k in ("bookings.id", "bookings.member_id", "bookings.room_id"))
    assert line.endswith(f"# marked not personal in {where} (--key-patterns): keys of bookings")
    assert any(x.lstrip().startswith("Iscrizioni.IdIscrizione, Iscrizioni.IdSocio, ") for x in text.splitlines())
    assert len(text.splitlines()) < len((plain / "cnsnt.yaml").read_text(encoding="utf-8").splitlines())
    assert (
        f"{first}: bookings.id, bookings.member_id, bookings.room_id ({first} and 2 more rows) put under "
        "ignore: together, each as it is: a column added to bookings later is asked about (--key-patterns)"
    ) in result.stderr.splitlines()
    # the rows and the items are counted as before
    assert f"third.csv: {len(rows)} rows reviewed: {len(rows)} put under ignore:" in result.stderr
    assert f"cnsnt init: {len(ignore_items(keyed)) - before} items put under ignore:, written to " in result.stderr
    assert listed(keyed, *THIRD) == listed(plain, *THIRD) == []
    assert run("audit", str(keyed)).stdout.count("CN101") == run("audit", str(plain)).stdout.count("CN101")


#: A migration after the third list: a personal column and a non-key in `bookings`, and a
#: `bookings` table of another schema with a national id (codereview31 F1).
LATER = """ALTER TABLE bookings ADD COLUMN paid BOOLEAN;
ALTER TABLE bookings ADD COLUMN payer_national_id VARCHAR(20);
ALTER TABLE bookings ADD COLUMN coupon_id INTEGER;
CREATE SCHEMA billing;
CREATE TABLE billing.bookings (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id),
  payer_tax_id VARCHAR(20));
"""


def test_a_column_added_after_key_patterns_is_asked_about(tmp_path: Path) -> None:
    """An item `--key-patterns` writes names the keys it was written for, nothing added later.

    fix31a wrote `bookings.*id`: its `*` crosses dots and its `bookings` names the table in
    any schema, so `bookings.payer_national_id`, `bookings.paid` and `billing.bookings.payer_tax_id`
    were silenced: `init --update` found nothing and the audit had no CN101.
    """
    policy = started(tmp_path, SCHEMA)
    both_unsure_lists(tmp_path)
    apply(tmp_path, saved(tmp_path, "third.csv", listed(tmp_path, *THIRD)), "--key-patterns")
    schema = tmp_path / "db" / "schema.sql"
    schema.write_text(schema.read_text(encoding="utf-8") + LATER, encoding="utf-8")
    undecided = {r["column"] for r in listed(tmp_path)}
    assert {"bookings.payer_national_id", "bookings.paid", "bookings.coupon_id"} <= undecided
    assert "billing.bookings.payer_tax_id" in undecided
    audit = run("audit", str(tmp_path)).stdout
    for column in ("bookings.payer_national_id", "billing.bookings.payer_tax_id"):
        assert f"CN101 column {column} holds personal data" in audit
    result = run("init", "--update", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    declared = {c for d in load_policy(policy).data.values() for c in d.columns}
    assert {"bookings.payer_national_id", "billing.bookings.payer_tax_id"} <= declared


def test_key_patterns_merge_only_keys_answered_as_written(tmp_path: Path) -> None:
    """A key whose cell was emptied stays undecided, beside a declared `tax_id`; a non-key keeps its line."""
    policy = started(tmp_path, SCHEMA + PAYERS)
    both_unsure_lists(tmp_path)
    assert "payers.tax_id" in [c for d in load_policy(policy).data.values() for c in d.columns]
    rows = listed(tmp_path, *THIRD)
    kept = saved(tmp_path, "third.csv", rows, {"bookings.room_id": ""})
    apply(tmp_path, kept, "--key-patterns")
    items = ignore_items(policy)
    assert {"bookings.id", "bookings.member_id", "payers.id", "payers.member_id"} <= set(items)
    assert "bookings.room_id" not in items and not [item for item in items if "*" in item]
    assert [r["column"] for r in listed(tmp_path, *THIRD)] == ["bookings.room_id"]
    lines = (tmp_path / "cnsnt.yaml").read_text(encoding="utf-8").splitlines()
    held = [x.partition("#")[0].strip() for x in lines]
    assert "bookings.id, bookings.member_id," in held and "payers.id, payers.member_id," in held
    assert "members.created_at," in held  # no key: a line of its own


def test_key_patterns_in_a_block_list_write_a_key_a_line(tmp_path: Path) -> None:
    """A block `ignore:` (init's, holding a form field it set aside) cannot share a line: a key each."""
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("ignore: []", "ignore:\n  - rooms.floor"), encoding="utf-8")
    both_unsure_lists(tmp_path)
    apply(tmp_path, saved(tmp_path, "third.csv", listed(tmp_path, *THIRD)), "--key-patterns")
    lines = policy.read_text(encoding="utf-8").splitlines()
    at = next(i for i, x in enumerate(lines) if x.lstrip().startswith("- bookings.id "))
    assert "(--key-patterns): keys of bookings" in lines[at]
    assert lines[at + 1].split("#")[0].strip() == "- bookings.member_id"
    assert lines[at + 1].endswith("# with bookings.id above")
    assert {"bookings.id", "bookings.member_id", "bookings.room_id"} <= set(ignore_items(policy))


def test_a_table_named_like_a_form_gets_the_items_it_gets_without(tmp_path: Path) -> None:
    form = '<form method="post" action="/b"><input name="member_id"><input name="note"></form>\n'
    plain, keyed = tmp_path / "plain", tmp_path / "keyed"
    for root in (plain, keyed):
        started(root, bookings=form, signup=SIGNUP)
        both_unsure_lists(root)
    apply(plain, saved(plain, "third.csv", listed(plain, *THIRD)))
    apply(keyed, saved(keyed, "third.csv", listed(keyed, *THIRD)), "--key-patterns")
    assert "bookings.id" in ignore_items(keyed)
    assert ignore_items(keyed) == ignore_items(plain)


def test_key_patterns_go_with_reviewed(tmp_path: Path) -> None:
    started(tmp_path)
    result = run("init", "--update", str(tmp_path), "--key-patterns")
    assert result.exit_code == 2
    assert "--key-patterns goes with --reviewed" in result.stderr


# --- 3. a reviewed field of unknown kind joins init's entry ------------------------------


def test_a_reviewed_field_of_unknown_kind_joins_inits_form_input(tmp_path: Path) -> None:
    policy = started(tmp_path)
    assert load_policy(policy).data["form_input"].form_fields == ("signup.colour", "signup.shoe")
    rows = listed(tmp_path, *UNSURE)
    apply(tmp_path, saved(tmp_path, "p.csv", rows, {"signup.shoe": "false"}))
    assert "signup.shoe" in ignore_items(policy)
    # the reviewer changes their answer: the field goes back to the entry init made for it
    result = apply(tmp_path, saved(tmp_path, "p.csv", rows, {"signup.shoe": "true"}))
    loaded = load_policy(policy)
    assert "templates_form_input" not in loaded.data
    assert loaded.data["form_input"].form_fields == ("signup.colour", "signup.shoe")
    assert "and added to data entry form_input as marked personal" in result.stderr
    assert "form_input:                           # 1 field found by cnsnt init, 1 field marked personal in " \
        "p.csv\n" in policy.read_text(encoding="utf-8")


def test_a_reviewed_column_of_unknown_kind_joins_inits_other_personal_details(tmp_path: Path) -> None:
    policy = started(tmp_path)
    assert load_policy(policy).data["other_personal_details"].columns == ("members.plan_tier",)
    apply(tmp_path, saved(tmp_path, "np.csv", listed(tmp_path, *UNSURE_NOT), {"members.status": "true"}))
    loaded = load_policy(policy)
    assert "members_details" not in loaded.data
    assert loaded.data["other_personal_details"].columns == ("members.plan_tier", "members.status")


# --- 4. the only entry goes when the list adds another -----------------------------------

CLINIC = """\
CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  diagnosis TEXT,
  allergies TEXT
);
"""


def test_the_policys_only_entry_goes_when_a_move_adds_another(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(CLINIC, encoding="utf-8")
    assert run("init", str(tmp_path)).exit_code == 0
    policy = tmp_path / "cnsnt.yaml"
    assert list(load_policy(policy).data) == ["health"]
    assert load_policy(policy).data["health"].columns == ("patients.allergies", "patients.diagnosis")
    start = policy.read_text(encoding="utf-8")
    # the first row moves diagnosis into a new entry; the second empties health
    review = tmp_path / "r.csv"
    review.write_text(
        "column,personal,category\npatients.diagnosis,true,user.biometric.health\npatients.allergies,false,\n",
        encoding="utf-8",
    )
    result = apply(tmp_path, review)
    loaded = load_policy(policy)
    assert list(loaded.data) == ["biometric_health"]
    assert loaded.data["biometric_health"].columns == ("patients.diagnosis",)
    assert "patients.allergies" in loaded.ignore
    assert "r.csv:3: removed data entry health, which init wrote; its fields patients.diagnosis, " \
        "patients.allergies were all moved" in result.stderr
    assert "only data entry" not in result.stderr and "by hand" not in result.stderr
    # a list that adds none leaves the last entry, as before, and says why
    policy.write_text(start, encoding="utf-8")
    review.write_text("column,personal\npatients.diagnosis,false\npatients.allergies,false\n", encoding="utf-8")
    result = apply(tmp_path, review)
    assert load_policy(policy).data["health"].columns == ("patients.allergies",)
    assert "the policy's only data entry, which cnsnt does not remove" in result.stderr


# --- 5. the first line of a mixed pass ---------------------------------------------------


def test_the_first_line_of_a_mixed_pass_names_each_part(tmp_path: Path) -> None:
    started(tmp_path)
    rows = listed(tmp_path, *UNSURE) + listed(tmp_path, *UNSURE_NOT)
    review = saved(tmp_path, "mixed.csv", rows, {"signup.shoe": "false", "members.status": "true"})
    result = apply(tmp_path, review)
    first, *_ = result.stderr.splitlines()
    assert first.startswith("cnsnt init: 1 personal field ")
    assert first.endswith(
        ", 3 items put under ignore:, 3 lines cnsnt init wrote confirmed, written to "
        f"{(tmp_path / 'cnsnt.yaml').as_posix()}"
    )
    assert (
        "mixed.csv: 7 rows reviewed: 1 newly declared personal, 3 put under ignore:, 3 confirmed on lines "
        "cnsnt init wrote"
    ) in result.stderr.splitlines()
