"""A Rails field named `object[attr]` is filed with the column it fills (review35 R35a D5).

`form_with model: @client`, `form_for @client` and `simple_form_for @client` name their
fields `client[homeless]`: the bracket's prefix names the object, whose table is its
plural (`clients`). The starter put `clients.homeless` in one entry and
`edit.client[homeless]` in a "kind unknown" form entry. Files written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.sources.forms.rails_objects import builder_object
from cnsnt.starter.form_columns import object_field
from cnsnt.starter.run import draft_new

SCHEMA = """\
ActiveRecord::Schema[7.1].define(version: 2024_12_10_000000) do
  create_table "clients" do |t|
    t.string "first_name"
    t.string "phone"
    t.boolean "homeless"
    t.boolean "japat"
  end
  create_table "people" do |t|
    t.string "last_name"
    t.string "email"
    t.string "nickname"
  end
  create_table "addresses" do |t|
    t.bigint "client_id"
    t.string "street"
    t.string "city"
  end
  create_table "client_appointments" do |t|
    t.bigint "client_id"
    t.string "place"
    t.text "comment"
  end
  create_table "notes" do |t|
    t.bigint "client_id"
    t.text "comment"
  end
end
"""
EDIT = """\
<%= form_with model: @client do |f| %>
  <input type="checkbox" name="client[homeless]" value="1">
  <input type="checkbox" name="client[japat]" value="1">
  <input type="text" name="client[address_attributes][city]">
  <input type="text" name="client[addresses_attributes][0][street]">
  <input type="text" name="client[tag_ids][]">
<% end %>
"""
PERSON = """\
<%= simple_form_for @person do |f| %>
  <input type="text" name="person[nickname]">
<% end %>
"""
APPOINTMENT = """\
<%= form_for @client_appointment do |f| %>
  <input type="text" name="client_appointment[place]">
  <%= f.text_area :comment %>
<% end %>
"""


def _project(root: Path) -> dict[str, Any]:
    files = {
        "Gemfile": "source 'https://rubygems.org'\ngem 'rails'\n",
        "db/schema.rb": SCHEMA,
        "app/views/clients/edit.html.erb": EDIT,
        "app/views/people/new.html.erb": PERSON,
        "app/views/client_appointments/edit.html.erb": APPOINTMENT,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    text = draft_new(root).text
    data: dict[str, Any] = YAML(typ="safe").load(text)["data"]
    return {"data": data, "text": text}


def _entry_of(data: dict[str, Any], key: str) -> str:
    return next(
        name for name, d in data.items() if key in (d.get("columns") or []) + (d.get("form_fields") or [])
    )


def test_a_bracket_name_says_the_object_and_its_attribute() -> None:
    assert object_field("client[homeless]") == ("client", "homeless")
    assert object_field("client[address_attributes][city]") == ("address", "city")
    assert object_field("client[addresses_attributes][0][street]") == ("addresses", "street")
    assert object_field("client[tag_ids][]") == ("client", "tag_ids")
    assert object_field("homeless") is None
    assert object_field("tags[]") is None
    assert object_field("client[") is None


def test_a_builder_block_names_its_object() -> None:
    assert builder_object("<%= form_with model: @client do |f| %>") == "client"
    assert builder_object("<%= form_with(model: @client, local: true) do |f| %>") == "client"
    assert builder_object("<%= form_for(@client_appointment, url: x) do |f| %>") == "client_appointment"
    assert builder_object("<%= simple_form_for :person do |f| %>") == "person"
    assert builder_object("<%= form_with model: [@project, @task] do |form| %>") == "task"
    assert builder_object("<%= form_for [:admin, @client] do |f| %>") == "client"
    assert builder_object("<%= form_with model: Client.new do |f| %>") == "Client"
    assert builder_object("<%= form_with url: search_path do |f| %>") is None
    assert builder_object("<%= form_for @client.address do |f| %>") is None
    assert builder_object("<%= link_to 'x', y do %>") is None


def test_a_model_form_field_goes_into_the_entry_of_its_objects_column(tmp_path: Path) -> None:
    made = _project(tmp_path)
    data = made["data"]
    assert _entry_of(data, "clients/edit.client[homeless]") == _entry_of(data, "clients.homeless")
    assert _entry_of(data, "clients/edit.client[japat]") == _entry_of(data, "clients.japat")
    said = next(line for line in made["text"].splitlines() if "clients/edit.client[homeless]\"" in line)
    assert "fills the column 'clients.homeless'" in said
    assert "'client[homeless]' fills 'client', kept in the table 'clients'" in said


def test_the_objects_table_is_its_rails_plural(tmp_path: Path) -> None:
    data = _project(tmp_path)["data"]
    # an irregular plural, and a name of two words
    assert _entry_of(data, "new.person[nickname]") == _entry_of(data, "people.nickname")
    assert _entry_of(data, "client_appointments/edit.client_appointment[place]") == _entry_of(
        data, "client_appointments.place"
    )


def test_a_builders_field_fills_the_column_of_the_blocks_object(tmp_path: Path) -> None:
    # `f.text_area :comment` is named `comment`; two tables have one, the block says which
    made = _project(tmp_path)
    data = made["data"]
    assert _entry_of(data, "client_appointments/edit.comment") == _entry_of(data, "client_appointments.comment")
    said = next(line for line in made["text"].splitlines() if "client_appointments/edit.comment\"" in line)
    assert "the form fills 'client_appointment', kept in the table 'client_appointments'" in said


def test_nested_attributes_fill_the_associated_objects_table(tmp_path: Path) -> None:
    made = _project(tmp_path)
    data = made["data"]
    said = next(line for line in made["text"].splitlines() if "[address_attributes][city]\"" in line)
    assert "fills the column 'addresses.city'" in said
    assert _entry_of(data, "clients/edit.client[address_attributes][city]") == _entry_of(data, "addresses.city")
    assert _entry_of(data, "clients/edit.client[addresses_attributes][0][street]") == _entry_of(
        data, "addresses.street"
    )
