"""`cnsnt init` on a rescue's forms: a pet's traits are no person's; a note about a person is (review29 D2, D6).

Fixtures written for these tests, after a Rails animal-rescue app: a staff form that
registers a pet (its name, sex, birth date, weight), one that registers an adopter, a
staff note and an address kept in polymorphic tables (`notable_type`, `locatable_type`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.starter.run import draft_new

SCHEMA = """\
ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "people" do |t|
    t.string "email", null: false
    t.string "first_name"
    t.date "birth_date"
  end
  create_table "organizations" do |t|
    t.string "name"
  end
  create_table "pets" do |t|
    t.bigint "organization_id"
    t.string "name"
    t.string "sex"
    t.date "birth_date"
    t.float "weight_from"
    t.string "breed"
  end
  create_table "locations" do |t|
    t.string "city_town"
    t.string "province_state"
    t.string "locatable_type", null: false
    t.bigint "locatable_id", null: false
  end
  create_table "notes" do |t|
    t.text "content"
    t.string "notable_type", null: false
    t.bigint "notable_id", null: false
  end
  add_foreign_key "pets", "organizations"
end
"""
PET = """\
<%= form_with model: @pet do |form| %>
  <%= form.text_field :name %>
  <%= form.select :sex, ["Male", "Female"] %>
  <%= form.date_field :birth_date %>
  <%= form.number_field :weight_from %>
  <%= form.text_field :breed %>
<% end %>
"""
ADOPTER = """\
<%= form_with model: @person do |form| %>
  <%= form.text_field :first_name %>
  <%= form.date_field :birth_date %>
<% end %>
"""
NOTE = """\
<%= form_with model: @note do |form| %>
  <%= form.text_area :content %>
<% end %>
"""
LOCATION = """\
<%= fields_for :location do |form| %>
  <%= form.text_field :city_town %>
  <%= form.text_field :province_state %>
<% end %>
"""
DAY = dt.date(2026, 12, 4)
STAFF = "app/views/organizations/staff"


def _project(root: Path) -> dict[str, Any]:
    files = {
        "db/schema.rb": SCHEMA,
        f"{STAFF}/pets/_form.html.erb": PET,
        f"{STAFF}/adopters/_form.html.erb": ADOPTER,
        f"{STAFF}/people/_details.html.erb": NOTE,
        f"{STAFF}/people/_location_fields.html.erb": LOCATION,
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    loaded: dict[str, Any] = YAML(typ="safe").load(draft_new(root, today=DAY).text)
    return loaded


def _entries(policy: dict[str, Any]) -> dict[str, str]:
    """Each form field or column of `data:` -> its entry's category."""
    out: dict[str, str] = {}
    for entry in policy["data"].values():
        for key in [*(entry.get("form_fields") or []), *(entry.get("columns") or [])]:
            out[key] = entry["category"]
    return out


def test_a_pets_traits_are_not_filed_as_a_persons(tmp_path: Path) -> None:
    entries = _entries(_project(tmp_path))
    pet = "organizations/staff/pets/_form"
    for field in ("sex", "birth_date", "weight_from"):
        category = entries.get(f"{pet}.{field}", "")
        assert not category.startswith(("user.demographic", "user.health")), (field, category)
    for column in ("pets.sex", "pets.birth_date", "pets.weight_from"):
        assert column not in entries, column
    # the adopter's own birth date on the next form is still theirs
    assert entries["organizations/staff/adopters/_form.birth_date"] == "user.demographic.date_of_birth"


def test_fields_filling_polymorphic_rows_stay_in_data(tmp_path: Path) -> None:
    policy = _project(tmp_path)
    ignored = set(policy.get("ignore") or [])
    entries = _entries(policy)
    # each partial's name is its own here: only `_form` needs its folders to tell two apart
    # a bare `fields_for :location` posts `location[city_town]` (mend38: named by its object)
    location = ("_location_fields.location[city_town]", "_location_fields.location[province_state]")
    for field in ("_details.content", *location):
        assert field not in ignored, field
        assert field in entries, field
