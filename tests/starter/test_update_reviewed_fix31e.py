"""A `false` pattern row must not take declared personal columns (brief fix31e, trial K).

1. A `false` pattern row takes only what nobody has answered: undecided columns and init's
   `unsure, check` lines. Init's confident lines, an earlier list's `true` and a person's line
   stay, said once per pattern; its `ignore:` item is then the columns it took, not the pattern.
2. A later `true` row of the same pattern takes the pattern a list wrote off `ignore:`; columns
   brought back keep the reviewer's answer and note.
3. A refusal names the row about the column, not the pattern row it gave way to.

Written here: a brass band's `benutzer` (users) with a Google id, a role key and a member key,
its `rollen` (roles), and a club's `bookings` of `rooms` whose keys nothing declares.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import audit
from cnsnt.matching import column_matches
from cnsnt.policy.loader import load_policy
from tests.starter.cli_run import run

BAND = """\
CREATE TABLE rollen (id INTEGER PRIMARY KEY, bezeichnung VARCHAR(50));
CREATE TABLE benutzer (id INTEGER PRIMARY KEY, vorname VARCHAR(50), email VARCHAR(100), google_id VARCHAR(64),
  rolle_id INTEGER REFERENCES rollen(id), mitglied_id INTEGER);
"""
CLUB = """\
CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(100), full_name VARCHAR(100));
CREATE TABLE rooms (id INTEGER PRIMARY KEY, label VARCHAR(40));
CREATE TABLE bookings (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id),
  room_id INTEGER REFERENCES rooms(id), starts_at TIMESTAMP, notes TEXT);
"""


def started(root: Path, schema: str = BAND) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "schema.sql").write_text(schema, encoding="utf-8")
    result = run("init", str(root))
    assert result.exit_code == 0, result.stderr
    return root / "cnsnt.yaml"


def apply(root: Path, name: str, text: str):  # type: ignore[no-untyped-def]
    (root / name).write_text(text, encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(root / name), str(root))
    assert result.exit_code == 0, result.stderr
    return result


def entry_of(policy: Path, column: str) -> str | None:
    """The data entry declaring `column`, if one does."""
    data = load_policy(policy).data.values()
    return next((d.name for d in data if any(column_matches(p, column) for p in d.columns)), None)


def ignored(policy: Path, column: str) -> bool:
    return any(column_matches(p, column) for p in load_policy(policy).ignore)


def line_of(stderr: str, start: str) -> str:
    return next(line for line in stderr.splitlines() if line.startswith(start))


def summary(stderr: str, name: str) -> str:
    return line_of(stderr, f"{name}: ")


def both(policy: Path) -> list[str]:
    """The columns and fields the audit finds both declared and ignored (CN104)."""
    return [f.subject for f in audit(load_policy(policy), jobs=1).findings if f.rule == "CN104"]


# --- 1. a false pattern row takes only what nobody has answered ------------------------


def test_a_false_pattern_row_leaves_declared_columns_where_they_are(tmp_path: Path) -> None:
    """Trial K T2: `benutzer.*_id,false` moved init's confident Google id and an earlier `true` under ignore:."""
    policy = started(tmp_path)
    assert entry_of(policy, "benutzer.google_id") == "unique_id"  # init was sure: user.unique_id, high
    apply(tmp_path, "p.csv", "column,personal\nbenutzer.rolle_id,true\n")
    assert entry_of(policy, "benutzer.rolle_id") == "other_personal_details"
    result = apply(tmp_path, "k.csv", "column,personal\nbenutzer.*_id,false\n")
    # both stay declared, and nothing under ignore: names them
    assert entry_of(policy, "benutzer.google_id") == "unique_id"
    assert entry_of(policy, "benutzer.rolle_id") == "other_personal_details"
    assert not ignored(policy, "benutzer.google_id") and not ignored(policy, "benutzer.rolle_id")
    # the column nobody had answered is taken, by its own item: the pattern would name the others
    assert list(load_policy(policy).ignore) == ["benutzer.mitglied_id"]
    assert "benutzer.mitglied_id,                 # marked not personal in k.csv:2\n" in policy.read_text("utf-8")
    assert line_of(result.stderr, "k.csv:2: ") == (
        "k.csv:2: benutzer.*_id left 2 columns a data entry declares where they are (benutzer.google_id in "
        "data entry unique_id, where cnsnt init had put it, not as a question; benutzer.rolle_id in data entry "
        "other_personal_details, where p.csv:2 had put it): a pattern row's false takes only what nobody has "
        "answered (undecided, or on init's 'unsure, check' lines); give one a row of its own, marked false, to "
        "move it; ignore: gets the column it took, benutzer.mitglied_id, not benutzer.*_id, which would "
        "silence them too"
    )
    assert summary(result.stderr, "k.csv") == "k.csv: 1 row reviewed: 1 put under ignore:"
    assert both(policy) == []


def test_a_false_pattern_row_still_takes_inits_unsure_lines(tmp_path: Path) -> None:
    """`benutzer.rolle_id` on init's `unsure, check` line is a question nobody answered: the pattern answers it."""
    policy = started(tmp_path)
    result = apply(tmp_path, "k.csv", "column,personal\nbenutzer.*_id,false\n")
    assert entry_of(policy, "benutzer.rolle_id") is None
    assert entry_of(policy, "benutzer.google_id") == "unique_id"
    assert list(load_policy(policy).ignore) == ["benutzer.rolle_id", "benutzer.mitglied_id"]
    assert "ignore: gets the 2 columns it took, an item each (benutzer.rolle_id, benutzer.mitglied_id)" in (
        line_of(result.stderr, "k.csv:2: benutzer.*_id left")
    )
    assert both(policy) == []


def test_a_row_of_its_own_moves_a_declared_column(tmp_path: Path) -> None:
    """The way the pattern's line gives: a row naming the column, marked false, moves init's line."""
    policy = started(tmp_path)
    result = apply(tmp_path, "k.csv", "column,personal\nbenutzer.*_id,false\nbenutzer.google_id,false\n")
    assert entry_of(policy, "benutzer.google_id") is None
    # nothing declared is left under the pattern, so it is written as it is
    assert set(load_policy(policy).ignore) == {"benutzer.google_id", "benutzer.rolle_id", "benutzer.*_id"}
    assert "a data entry declares" not in result.stderr
    assert both(policy) == []


def test_a_false_pattern_row_naming_nothing_declared_is_written_as_the_pattern(tmp_path: Path) -> None:
    """As before: one item for a table's keys, and no line about declared columns."""
    policy = started(tmp_path, CLUB)
    result = apply(tmp_path, "k.csv", "column,personal\nbookings.*_id,false\n")
    assert list(load_policy(policy).ignore) == ["bookings.*_id"]
    assert "a data entry declares" not in result.stderr and "would silence" not in result.stderr


def test_a_person_line_is_passed_over_once_for_the_pattern(tmp_path: Path) -> None:
    """A line a person wrote stays, said on the pattern's one line, not as a hand edit per column."""
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8").replace(
        "- benutzer.google_id              # name 'google_id' means a personal identifier (en) [schema.sql:2]",
        "- benutzer.google_id              # the login: keep (Ana)",
    )
    policy.write_text(text, encoding="utf-8")
    result = apply(tmp_path, "k.csv", "column,personal\nbenutzer.*_id,false\n")
    assert entry_of(policy, "benutzer.google_id") == "unique_id"
    assert "(benutzer.google_id in data entry unique_id, on a line a person wrote)" in result.stderr
    assert "remove it by hand" not in result.stderr
    assert both(policy) == []


# --- 2. undo: a true row of the same pattern ---------------------------------------------


def test_a_true_for_the_same_pattern_takes_it_off_ignore(tmp_path: Path) -> None:
    """docs/init.md: a later `true` for the same pattern takes out the item a list wrote (trial K: nothing changed)."""
    policy = started(tmp_path, CLUB)
    apply(tmp_path, "k.csv", "column,personal\nbookings.*_id,false\n")
    assert ignored(policy, "bookings.member_id")
    result = apply(tmp_path, "t.csv", "column,personal\nbookings.*_id,true\n")
    assert list(load_policy(policy).ignore) == []
    assert line_of(result.stderr, "t.csv:2: bookings.*_id taken") == (
        "t.csv:2: bookings.*_id taken off ignore:, where k.csv:2 had put it: what it named is as this list's "
        "rows say, and what no row answers (a key, which a pattern's true leaves out) is undecided again"
    )
    assert summary(result.stderr, "t.csv") == "t.csv: 1 row reviewed: 1 taken off ignore:"
    assert line_of(result.stderr, "cnsnt init: ").startswith("cnsnt init: 1 item taken off ignore:, written to")
    # the keys are questions again, on the third list
    listed = run("explain-column", "bookings.*", str(tmp_path), "--undecided", "--format", "csv").stdout
    assert "bookings.member_id," in listed and "bookings.room_id," in listed


#: The policy trial K's T2 was left with: a key pattern that had taken a Google id and a `true`.
BEFORE_FIX = """\
  benutzer.google_id,                   # marked not personal in k.csv:2; was in data entry unique_id
  benutzer.rolle_id,                    # marked not personal in k.csv:2; was marked personal in p.csv:2, in data entry other_personal_details
  benutzer.*_id,                        # marked not personal in k.csv:2
"""


def test_undo_brings_columns_back_with_the_reviewers_answer_and_note(tmp_path: Path) -> None:
    """Trial K: the restored columns came back as init's `unsure, check` lines, the notes lost."""
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8")
    start = text.index("  unique_id:")
    end = text.index("\nignore: []")
    text = text[:start] + text[end + 1 :].replace("ignore: []", "ignore: [\n" + BEFORE_FIX + "]", 1)
    policy.write_text(text, encoding="utf-8")
    result = apply(
        tmp_path,
        "fix.csv",
        "column,personal,category,note\n"
        "benutzer.*_id,true,,undo the key pattern\n"
        "benutzer.google_id,true,user.unique_id,\n"
        "benutzer.rolle_id,true,,the member's office in the club\n",
    )
    loaded = load_policy(policy)
    assert list(loaded.ignore) == []
    assert entry_of(policy, "benutzer.google_id") == "unique_id"
    assert entry_of(policy, "benutzer.rolle_id") is not None
    written = policy.read_text(encoding="utf-8")
    assert "- benutzer.rolle_id               # marked personal in fix.csv:4: \"the member's office in the club\"" in (
        written
    )
    assert "- benutzer.google_id              # marked personal in fix.csv:2: \"undo the key pattern\"" in written
    assert "unsure, check" not in written.split("benutzer.rolle_id", 1)[1].splitlines()[0]
    assert "fix.csv:2: benutzer.*_id taken off ignore:, where k.csv:2 had put it" in result.stderr
    assert "to change by hand" not in result.stderr
    # a second run changes nothing
    again = apply(tmp_path, "fix.csv", (tmp_path / "fix.csv").read_text(encoding="utf-8"))
    assert policy.read_text(encoding="utf-8") == written
    assert "taken off" not in again.stderr


# --- 3. a refusal names the row about the column ----------------------------------------


def test_a_refusal_names_the_row_about_the_column(tmp_path: Path) -> None:
    """Trial K: `fix-3.csv:2` (the pattern) was said of `benutzer.google_id`, named on line 4."""
    policy = started(tmp_path)
    text = policy.read_text(encoding="utf-8").replace(
        "ignore: []                              # fields that are not personal data, e.g. [\"*.created_at\"]",
        "ignore:\n  - benutzer.google_id   # our login id, not about the person (Ana)",
    )
    policy.write_text(text, encoding="utf-8")
    result = apply(
        tmp_path, "f.csv",
        "column,personal,category\nbenutzer.*_id,true,\nbenutzer.vorname,true,user.name.first\n"
        "benutzer.google_id,true,user.unique_id\n",
    )
    assert line_of(result.stderr, "f.csv:4: ") == (
        "f.csv:4: benutzer.google_id is marked personal (and by the pattern row f.csv:2) but ignore: names it "
        "(benutzer.google_id): remove it from ignore: by hand if it is personal"
    )
    assert not any(line.startswith("f.csv:2: benutzer.google_id") for line in result.stderr.splitlines())
    assert summary(result.stderr, "f.csv").endswith("2 to change by hand (each said above)")
    # and the audit names the pair, with both lines
    subjects = both(policy)
    assert subjects == ["benutzer.google_id"]
