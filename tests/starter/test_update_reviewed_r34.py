"""The unsure-list pass finishes (review34): the list shrinks, a `false` is kept, init's lines move.

Written here: a `settings` table (a lookup), a `customers` table about people and a
`shifts` table linked to them. Two reviewers worked through the unsure list on real
projects: after `--reviewed` the list was the same, a `false` was recorded nowhere, and on a
starter the "personal, low" half could only say "remove it by hand".
"""

from __future__ import annotations

import difflib
from pathlib import Path

from cnsnt.policy.loader import load_policy
from cnsnt.starter.groups import name_part
from cnsnt.starter.run import draft_update
from tests.starter.cli_run import run

SCHEMA = """\
CREATE TABLE settings (
  id INTEGER PRIMARY KEY,
  creazione TIMESTAMP,
  per_page INTEGER
);
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  email VARCHAR(200),
  full_name VARCHAR(100),
  loyalty_tier VARCHAR(10),
  member_level VARCHAR(10),
  creazione TIMESTAMP
);
CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  turno VARCHAR(20),
  badge_colour VARCHAR(20),
  customer_id INTEGER REFERENCES customers(id)
);
"""

#: Lines as init writes them (`unsure, check: ...`, a reason and `[file:line]`), and one a person wrote.
POLICY = """\
cnsnt: 1
sources:
  schemas: [{path: db/schema.sql}]
purposes: {}
data:
  customers_details:                    # 3 fields found by cnsnt init
    label: Details about customers
    category: user
    columns:
      - customers.loyalty_tier          # unsure, check: 'loyalty_tier' is a fact about the person in the people table 'customers' [db/schema.sql:10]
      - customers.full_name             # name 'full_name' means a person's name (en) [db/schema.sql:9]
      - customers.email                 # ours: the login
    purposes: []
  tier:                                 # 1 field found by cnsnt init
    label: Tier
    category: user
    columns:
      - customers.member_level          # unsure, check: a fact about the person [db/schema.sql:11]
    purposes: []
"""

UNSURE = ("*", "--undecided", "--verdict", "not-personal", "--confidence", "low", "--format", "csv")


def project(root: Path, policy: str = POLICY, review: str = "") -> Path:
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "cnsnt.yaml").write_text(policy, encoding="utf-8")
    (root / "review.csv").write_text(review, encoding="utf-8")
    return root / "cnsnt.yaml"


def listed(root: Path, *args: str) -> list[str]:
    result = run("explain-column", *args, str(root))
    assert result.exit_code == 0, result.stderr
    return [row.split(",", 1)[0] for row in result.stdout.splitlines()[1:]]


def test_the_undecided_list_leaves_out_what_the_policy_decides_and_shrinks_as_the_reviewer_works(
    tmp_path: Path,
) -> None:
    policy = project(tmp_path, POLICY + "ignore: [shifts.badge_colour]\n")
    # customers.member_level: declared only on init's `unsure, check` line, a question still
    assert listed(tmp_path, *UNSURE) == [
        "customers.member_level", "customers.creazione", "shifts.turno", "settings.creazione", "settings.per_page"
    ]
    # without --undecided the list is what it was: the declared and ignored columns too
    assert "shifts.badge_colour" in listed(tmp_path, *UNSURE[:1], *UNSURE[2:])
    (tmp_path / "review.csv").write_text(
        "column,personal\nshifts.turno,true\nsettings.per_page,false\ncustomers.creazione,\n", encoding="utf-8"
    )
    draft = draft_update(policy, reviewed=tmp_path / "review.csv")
    assert draft.unsure == 3  # customers.creazione (its cell emptied), settings.creazione, member_level
    policy.write_text(draft.text, encoding="utf-8")
    assert listed(tmp_path, *UNSURE) == ["customers.member_level", "customers.creazione", "settings.creazione"]


def test_init_counts_the_undecided_columns_and_names_the_command_with_undecided(tmp_path: Path) -> None:
    policy = project(tmp_path, POLICY + "ignore: [shifts.badge_colour]\n")
    (tmp_path / "review.csv").write_text("column,personal\nshifts.turno,true\n", encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert (
        "4 columns left out as not personal, unsure (a state, flag or count in a person's row; a word cnsnt "
        f"does not know): check them with cnsnt explain-column '*' {tmp_path.as_posix()} --undecided "
        "--verdict not-personal --confidence low"
    ) in result.stderr
    assert "shifts.turno" in policy.read_text(encoding="utf-8")


def test_a_false_on_a_not_personal_column_and_a_pattern_row_go_under_ignore(tmp_path: Path) -> None:
    review = (
        "column,location,personal\n"
        "settings.per_page,db/schema.sql:4:3,false\n"  # as explain-column wrote it: judged
        "shifts.badge_colour,db/schema.sql:17:3,\n"  # emptied: not judged yet
        "*.creazione,,FALSO\n"  # once, as the pattern, for every table's timestamp
        "*.nowhere,,false\n"
        "shifts.t*,,true\n"
    )
    policy = project(tmp_path, review=review)
    result = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "warning: review.csv:5: the pattern *.nowhere matches no column or form field of the sources: not applied" in (
        result.stderr
    )
    text = policy.read_text(encoding="utf-8")
    assert text.endswith(
        "\nignore:\n"
        + "  - settings.per_page".ljust(40) + "# marked not personal in review.csv:2\n"
        + '  - "*.creazione"'.ljust(40) + "# marked not personal in review.csv:4\n"
    )
    assert "- shifts.turno" in text and "shifts.badge_colour" not in text
    assert listed(tmp_path, *UNSURE) == ["customers.member_level", "shifts.badge_colour"]


def test_a_false_or_a_category_moves_the_column_off_the_line_init_wrote_and_nothing_else(
    tmp_path: Path,
) -> None:
    review = (
        "column,personal,category\n"
        "customers.loyalty_tier,false,\n"  # init's unsure line: taken out, under ignore:
        # init's line, another category than the entry's and cnsnt's own (user.name, which as
        # explain-column wrote it would question nothing): into a user.name.first entry
        "customers.full_name,true,user.name.first\n"
        "customers.email,false,\n"  # a person's line: never touched, said
        "customers.member_level,false,\n"  # init's line, but its entry's only column: left, said
    )
    policy = project(tmp_path, review=review)
    before = policy.read_text(encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    after = policy.read_text(encoding="utf-8")
    diff = list(difflib.ndiff(before.splitlines(keepends=True), after.splitlines(keepends=True)))
    gone = [line[2:] for line in diff if line.startswith("- ")]
    # the two lines, and the entry's header, whose count says what it holds now
    assert [line.split("#")[0].strip() for line in gone] == [
        "customers_details:", "- customers.loyalty_tier", "- customers.full_name"
    ]
    added = "".join(line[2:] for line in diff if line.startswith("+ "))
    assert "  customers_details:                    # 1 field found by cnsnt init\n" in added
    assert "customers.loyalty_tier              # marked not personal in review.csv:2; was in data entry " \
        "customers_details" in added
    assert "customers.email" not in added and "member_level" not in added
    loaded = load_policy(policy)
    assert loaded.data["customers_details"].columns == ("customers.email",)
    assert "customers.full_name" in loaded.data["first_name"].columns
    assert loaded.data["first_name"].category == "user.name.first"
    assert loaded.data["tier"].columns == ("customers.member_level",)
    assert "customers.loyalty_tier" in loaded.ignore
    err = result.stderr
    assert "review.csv:2: customers.loyalty_tier moved from data entry customers_details, where cnsnt init " \
        "had put it, under ignore:" in err
    assert "review.csv:3: customers.full_name moved from data entry customers_details, where cnsnt init " \
        "had put it, into data entry first_name (user.name.first)" in err
    assert "review.csv:4: customers.email is marked not personal but declared in data entry " \
        "customers_details: remove it by hand" in err
    # `tier` is a person's (its label has no `fill in` comment): kept, and what to do said
    assert "review.csv:5: customers.member_level is the only column of data entry tier, which a person has " \
        "edited and cnsnt does not delete: left there; add customers.member_level under ignore: and remove " \
        "entry tier" in err
    assert "customers.member_level is marked" not in err  # said once, as the entry's last column
    assert "review.csv: 4 rows reviewed: 1 re-filed under another category, 1 put under ignore:, 2 to change " \
        "by hand (each said above)\n" in err
    again = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert again.exit_code == 0 and policy.read_text(encoding="utf-8") == after


def test_a_flow_list_is_never_edited(tmp_path: Path) -> None:
    policy = project(
        tmp_path,
        POLICY.replace(
            "      - customers.loyalty_tier          # unsure, check: 'loyalty_tier' is a fact about the person in "
            "the people table 'customers' [db/schema.sql:10]\n",
            "",
        ).replace(
            "    columns:\n      - customers.member_level          # unsure, check: a fact about the person "
            "[db/schema.sql:11]\n",
            "    columns: [customers.member_level, customers.loyalty_tier]   # unsure, check: [db/schema.sql:11]\n",
        ),
        review="column,personal\ncustomers.loyalty_tier,false\n",
    )
    before = policy.read_text(encoding="utf-8")
    assert "[customers.member_level, customers.loyalty_tier]" in before
    draft = draft_update(policy, reviewed=tmp_path / "review.csv")
    assert draft.text == before
    assert draft.reviewed is not None and [m.key for m in draft.reviewed.declared] == ["customers.loyalty_tier"]


def test_the_csv_lists_the_tables_about_people_first_as_the_text_does(tmp_path: Path) -> None:
    project(tmp_path)
    rows = listed(tmp_path, "*", "--verdict", "not-personal", "--confidence", "low", "--format", "csv")
    assert rows == [
        "customers.member_level", "customers.creazione", "shifts.turno", "shifts.badge_colour",
        "settings.creazione", "settings.per_page",
    ]
    as_json = run("explain-column", "*", str(tmp_path), "--confidence", "low", "--format", "json").stdout
    assert as_json.index("customers.member_level") < as_json.index("settings.creazione")


def test_a_new_entry_of_reviewed_columns_says_who_decided(tmp_path: Path) -> None:
    policy = project(tmp_path, review="column,personal\nshifts.turno,true\nshifts.badge_colour,true\n")
    draft = draft_update(policy, reviewed=tmp_path / "review.csv")
    heads = [line for line in draft.text.splitlines() if "marked personal in review.csv;" in line]
    assert heads and heads[0].split("#", 1)[1].strip() == (
        "2 fields marked personal in review.csv; added by cnsnt init --update"
    )
    assert "found by cnsnt init; added" not in draft.text


def test_nothing_new_says_the_files_named_under_sources(tmp_path: Path) -> None:
    project(tmp_path, POLICY + "ignore: ['*']\n")
    result = run("init", "--update", str(tmp_path))
    assert "no new personal field found in the files named under sources:; nothing changed" in result.stderr


def test_one_column_shows_the_confidence_of_not_personal_too(tmp_path: Path) -> None:
    project(tmp_path)
    result = run("explain-column", "shifts.turno", str(tmp_path))
    assert "verdict: not personal (low confidence)" in result.stdout


def test_entry_names_fold_non_ascii_letters_as_the_classifier_does() -> None:
    """A category's part and a group's name (a table's, a folder's) fold as the classifier
    does; `--update` finds an entry an older cnsnt named too (test_entry_names_readable)."""
    assert name_part("üyeler") == "uyeler"
    assert name_part("Takım") == "takim"  # dotless i: was `takm`
    assert name_part("öğrenciler") == "ogrenciler"


def test_a_care_records_reviewed_columns_go_with_the_patient_its_verdict_cites(tmp_path: Path) -> None:
    """review34 R34b D2: the first key names the doctor, the verdict the patient whose care it is."""
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text(
        "CREATE TABLE medicos (id int PRIMARY KEY, nome varchar(100), crm varchar(20));\n"
        "CREATE TABLE pacientes (id int PRIMARY KEY, nome varchar(100), cpf varchar(11));\n"
        "CREATE TABLE consultas (id int PRIMARY KEY, medico_id int REFERENCES medicos(id),\n"
        "  paciente_id int REFERENCES pacientes(id), diagnostico text, status int, criado timestamp);\n",
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\npurposes: {}\ndata: {}\n"
        "ignore: [medicos.*, pacientes.*, consultas.diagnostico]\n",
        encoding="utf-8",
    )
    (tmp_path / "review.csv").write_text("column,personal\nconsultas.status,true\nconsultas.criado,true\n")
    draft = draft_update(tmp_path / "cnsnt.yaml", reviewed=tmp_path / "review.csv")
    assert [e.name for e in draft.entries] == ["pacientes_records"]
    assert "Records kept about pacientes" in draft.text and "medicos" not in draft.text.split("ignore:")[0]


def test_an_entrys_last_column_is_left_and_said_once(tmp_path: Path) -> None:
    tier = "      - customers.loyalty_tier          # unsure, check: 'loyalty_tier' is a fact about the person in " \
        "the people table 'customers' [db/schema.sql:10]\n"
    policy = project(
        tmp_path,
        POLICY.replace(tier, "").replace(
            "      - customers.member_level          # unsure, check: a fact about the person [db/schema.sql:11]\n",
            tier,
        ),
        review="column,personal\ncustomers.loyalty_tier,false\n",
    )
    before = policy.read_text(encoding="utf-8")
    result = run("init", "--update", "--reviewed", str(tmp_path / "review.csv"), str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert policy.read_text(encoding="utf-8") == before
    said = [line for line in result.stderr.splitlines() if "customers.loyalty_tier" in line]
    assert said == [
        "review.csv:2: customers.loyalty_tier is the only column of data entry tier, which a person has edited "
        "and cnsnt does not delete: left there; add customers.loyalty_tier under ignore: and remove entry tier"
    ]
    assert "review.csv: 1 row reviewed: 1 to change by hand (each said above)\n" in result.stderr
