"""Search and filter forms are a query over data, not collection from the person (review29 D7).

A `<form method="get">`, a Rails `search_form_for` block and fields named by ransack
predicates (`email_cont`, `sex_eq`) get the role `search`: no CN101, proposed by `cnsnt init`
in no data entry, and one CN001 info per form says so. Templates written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, FieldRole
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sources.forms.reader import read_forms
from cnsnt.sources.forms.search_forms import ransack_name

ADOPTERS = """\
<%= search_form_for @q, url: staff_adopters_path do |f| %>
  <%= f.search_field :first_name_or_last_name_cont %>
  <%= f.search_field :email_cont %>
<% end %>
"""
SCHEMA = """\
ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "people" do |t|
    t.string "email"
    t.string "first_name"
    t.string "last_name"
  end
end
"""


def _read(path: Path, root: Path) -> Evidence:
    ctx = SourceContext(base_dir=root, limits=Limits())
    spec = SourceSpec("forms", path.name, path.parent, Location("cnsnt.yaml", 1, 1))
    return read_forms(path, spec, ctx)


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _roles(ev: Evidence) -> dict[str, FieldRole]:
    return {f"{f.form}.{f.name}": f.role for f in ev.fields if f.name}


def test_a_get_form_is_a_search_a_post_form_collects(tmp_path: Path) -> None:
    page = _write(
        tmp_path,
        "owners.html",
        '<form id="find" method="GET" action="/owners">\n'
        '  <input name="lastName">\n  <button type="submit">Find</button>\n</form>\n'
        '<form id="signup" method="post">\n  <input name="lastName">\n</form>\n',
    )
    ev = _read(page, tmp_path)
    assert _roles(ev) == {"find.lastName": FieldRole.SEARCH, "signup.lastName": FieldRole.INPUT}
    [note] = ev.problems
    assert note.severity is Severity.INFO and note.location.line == 1
    assert "form 'find' is a search or filter form (method=\"get\")" in note.message
    assert "lastName is a query over data, not collected from the person" in note.message


def test_ransack_search_form_for_and_predicates(tmp_path: Path) -> None:
    """The block's fields are searches whatever their names; a predicate is one anywhere,
    and an ambiguous one (`_in`) only beside an unambiguous one; `opt_in` stays collected."""
    page = _write(
        tmp_path,
        "app/views/staff/pets/index.html.erb",
        "<%= search_form_for @q do |f| %>\n"
        "  <%= f.select :ransack_birth_date, age_ranges %>\n"
        "<% end %>\n"
        "<%= form_with url: pets_path, method: :get do |f| %>\n"
        "  <%= f.text_field :name %>\n"
        "<% end %>\n",
    )
    assert set(_roles(_read(page, tmp_path)).values()) == {FieldRole.SEARCH}
    filters = _write(
        tmp_path,
        "app/views/staff/tasks/index.html.erb",
        "<%= form_with url: tasks_path do |f| %>\n"
        "  <%= f.text_field :title_cont %>\n  <%= f.select :status_in, statuses %>\n"
        "<% end %>\n",
    )
    assert set(_roles(_read(filters, tmp_path)).values()) == {FieldRole.SEARCH}
    signup = _write(
        tmp_path,
        "app/views/users/_form.html.erb",
        "<%= form_with model: @user do |f| %>\n"
        "  <%= f.email_field :email %>\n  <%= f.text_field :sign_in %>\n"
        "<% end %>\n",
    )
    assert set(_roles(_read(signup, tmp_path)).values()) == {FieldRole.INPUT}


def test_ransack_names() -> None:
    assert ransack_name("email_cont") and ransack_name("q[sex_eq]") and ransack_name("name_i_cont")
    assert ransack_name("birth_date_gteq") and not ransack_name("opt_in")
    assert ransack_name("status_in", strict=False) and not ransack_name("status_in")
    assert not ransack_name("contact") and not ransack_name("email")


def test_review_repro_init_proposes_no_search_box(tmp_path: Path) -> None:
    """review29 D7: `index.email_cont` was under `email:`, `first_name_or_last_name_cont` under
    `last_name:`; now neither, and the terminal says why."""
    _write(tmp_path, "app/views/staff/adopters/index.html.erb", ADOPTERS)
    _write(tmp_path, "db/schema.rb", SCHEMA)
    result = CliRunner().invoke(app, ["init", str(tmp_path), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "index.email_cont" not in result.output
    assert "index.first_name_or_last_name_cont" not in result.output
    assert "2 fields of search or filter forms" in " ".join(result.output.split())
    # the audit: no CN101 for them, one info for the form; explain-column says why
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "app/views/**/*.html.erb"}\n', encoding="utf-8"
    )
    audit = " ".join(CliRunner().invoke(app, ["audit", str(tmp_path / "cnsnt.yaml")]).output.split())
    assert "error CN101" not in audit and "error CN001" not in audit
    assert "info CN001 form 'index' is a search or filter form (search_form_for)" in audit
    explained = CliRunner().invoke(app, ["explain-column", "index.email_cont", str(tmp_path)])
    assert "not collected: a search or filter box" in explained.output
