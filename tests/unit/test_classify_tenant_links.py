"""A tenant's key cuts no link to a person; a polymorphic row may be a person's (review29 D6).

GDPR Art. 4(1): an adopter's answers to a questionnaire, their postcode and a staff note
about them all relate to an identified person, whatever organisation holds the rows.
Schemas written for these tests, after an animal-rescue app in Rails: answers under a
person's submission, each row also keyed by the organisation (the tenant); a location
and a note that belong to any model through `*_type` + `*_id`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.classify.tables import LINKED, ORGANISATION, table_verdicts
from cnsnt.evidence import Table
from tests.unit.schema_entry import read_entry, write_files

SCHEMA = """\
ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "people" do |t|
    t.string "email", null: false
    t.string "first_name"
  end
  create_table "organizations" do |t|
    t.string "name"
  end
  create_table "form_submissions" do |t|
    t.bigint "person_id", null: false
  end
  create_table "form_answers" do |t|
    t.bigint "form_submission_id", null: false
    t.bigint "organization_id", null: false
    t.json "value", null: false
  end
  create_table "locations" do |t|
    t.string "zipcode"
    t.string "city_town"
    t.string "locatable_type", null: false
    t.bigint "locatable_id", null: false
  end
  create_table "notes" do |t|
    t.text "content"
    t.string "notable_type", null: false
    t.bigint "notable_id", null: false
  end
  add_foreign_key "form_submissions", "people"
  add_foreign_key "form_answers", "form_submissions"
  add_foreign_key "form_answers", "organizations"
end
"""


def _tables(tmp_path: Path, schema: str = SCHEMA) -> list[Table]:
    write_files(tmp_path, {"db/schema.rb": schema})
    return read_entry(tmp_path, "db/schema.rb", fmt="rails").tables


def test_a_key_to_the_organisation_does_not_cut_the_link_to_the_person(tmp_path: Path) -> None:
    verdict = table_verdicts(_tables(tmp_path))["form_answers"]
    assert verdict.kind == LINKED, verdict.reason
    assert "form_submission_id" in verdict.reason


def test_a_free_value_under_a_persons_submission_is_their_answer(tmp_path: Path) -> None:
    got = classify_tables(_tables(tmp_path))["form_answers.value"]
    assert got.personal and got.category == "user.content.private", got.reason


def test_a_value_without_the_tenant_key_is_their_answer_too(tmp_path: Path) -> None:
    schema = SCHEMA.replace('    t.bigint "organization_id", null: false\n', "").replace(
        '  add_foreign_key "form_answers", "organizations"\n', ""
    )
    got = classify_tables(_tables(tmp_path, schema))["form_answers.value"]
    assert got.personal, got.reason


def test_a_polymorphic_location_is_never_about_organisations(tmp_path: Path) -> None:
    tables = _tables(tmp_path)
    verdict = table_verdicts(tables)["locations"]
    assert verdict.kind != ORGANISATION, verdict.reason
    assert "locatable_type" in verdict.reason and "unsure" in verdict.reason
    verdicts = classify_tables(tables)
    for column in ("zipcode", "city_town"):
        got = verdicts[f"locations.{column}"]
        assert got.personal and (got.category or "").startswith("user.contact.address"), (column, got.reason)


def test_a_polymorphic_note_may_be_about_a_person(tmp_path: Path) -> None:
    got = classify_tables(_tables(tmp_path))["notes.content"]
    assert got.personal, got.reason


def test_a_polymorphic_pair_needs_a_type_written_as_text(tmp_path: Path) -> None:
    # `quarter_type int` + `quarter_id`: a kind coded as a number, no class name
    schema = SCHEMA.replace('t.string "locatable_type"', 't.integer "locatable_type"')
    assert table_verdicts(_tables(tmp_path, schema))["locations"].kind == ORGANISATION
