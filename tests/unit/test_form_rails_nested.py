"""Rails' nested builders: a field drawn by `f.fields_for :address do |a|` fills the address (trial38).

Rails posts `a.text_field :street` as `user[address_attributes][street]`, the attribute of
the associated object; read as a bare `street`, `cnsnt init` filed it with the user's own
table (`users.street`). Each view here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence
from tests.conftest import read_form

ERB = """\
<%= form_with model: @member do |f| %>
  <%= f.email_field :email %>
  <%= f.fields_for :address do |a| %>
    <%= a.text_field :street %>
    <%= f.text_field :nickname %>
    <%= a.fields_for :geo_point do |f| %>
      <%= f.text_field :latitude %>
    <% end %>
    <%= a.text_field :postcode, name: "postcode" %>
  <% end %>
  <%= f.simple_fields_for :emergency_contacts do |c| %>
    <%= c.input :phone %>
    <%= c.label :phone, "Their phone" %>
  <% end %>
  <%= fields_for :profile, @member.profile do |p| %>
    <%= p.text_area :bio %>
  <% end %>
  <%= f.text_field :street %>
<% end %>
"""

HAML = """\
= form_with model: @member do |f|
  = f.email_field :email
  = f.fields_for :address do |a|
    = a.text_field :street
  = f.text_field :street
"""


def _read(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def test_a_field_of_a_nested_builder_is_named_by_its_association(tmp_path):
    """The block's own variable names the object; the outer `f` keeps its fields' names.

    `|f|` of an inner `fields_for` shadows the outer `f` inside it; an explicit `name:` is
    the name as posted.
    """
    form = _read(tmp_path, "app/views/members/_form.html.erb", ERB).forms[0]
    assert [(f.name, f.label) for f in form.fields if f.name] == [
        ("email", None),
        ("address[street]", None),
        ("nickname", None),
        ("geo_point[latitude]", None),
        ("postcode", None),
        ("emergency_contacts[phone]", "Their phone"),
        ("profile[bio]", None),
        ("street", None),
    ]
    assert form.model == "member"


def test_a_haml_nested_builder_reads_as_its_erb_twin(tmp_path):
    form = _read(tmp_path, "app/views/members/_form.html.haml", HAML).forms[0]
    assert [f.name for f in form.fields if f.name] == ["email", "address[street]", "street"]


def test_init_files_a_nested_builders_field_with_its_associations_table(tmp_path, monkeypatch):
    """`a.text_field :street` fills `addresses.street`, not the member's own `members.street`."""
    views = tmp_path / "app" / "views" / "members"
    views.mkdir(parents=True)
    (views / "_form.html.erb").write_text(ERB)
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.rb").write_text(
        'ActiveRecord::Schema[7.1].define(version: 2024_05_01_000000) do\n'
        '  create_table "members", force: :cascade do |t|\n'
        '    t.string "email"\n    t.string "street"\n    t.string "nickname"\n  end\n'
        '  create_table "addresses", force: :cascade do |t|\n'
        '    t.bigint "member_id"\n    t.string "street"\n  end\n'
        '  create_table "emergency_contacts", force: :cascade do |t|\n'
        '    t.bigint "member_id"\n    t.string "phone"\n  end\n'
        '  create_table "profiles", force: :cascade do |t|\n'
        '    t.bigint "member_id"\n    t.text "bio"\n  end\n'
        "end\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    policy = (tmp_path / "cnsnt.yaml").read_text()
    lines = {line.split("#")[0].strip().strip('"- '): line for line in policy.splitlines() if "_form." in line}
    assert "fills the column 'addresses.street'" in lines["_form.address[street]"]
    assert "fills the column 'members.street'" in lines["_form.street"]
    assert "fills the column 'emergency_contacts.phone'" in lines["_form.emergency_contacts[phone]"]
