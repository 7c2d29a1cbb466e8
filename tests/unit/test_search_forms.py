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


#: A newsletter signup sent by GET (a Mailchimp-style JSONP form has to be).
SIGNUP_BY_GET = """\
<form method="get" action="https://example.us1.list-manage.com/subscribe/post-json">
  <label for="email">Email</label><input type="email" name="EMAIL" id="email">
  <label for="fname">First name</label><input type="text" name="FNAME" id="fname">
  <label for="phone">Phone</label><input type="tel" name="PHONE" id="phone">
  <input type="hidden" name="u" value="abc123">
  <button>Subscribe</button>
</form>
"""


def test_review_repro_a_get_form_that_asks_for_contact_details_collects(tmp_path: Path) -> None:
    """CR26 F1: the method says how the data is sent, not whether it is collected. This signup was
    a "search form" (no CN101, nothing proposed by init); now its fields are collected, and a note
    says why the GET form was not read as a search."""
    page = _write(tmp_path, "templates/subscribe.html", SIGNUP_BY_GET)
    ev = _read(page, tmp_path)
    roles = _roles(ev)
    assert {k: v for k, v in roles.items() if k != "subscribe.u"} == {
        "subscribe.EMAIL": FieldRole.INPUT, "subscribe.FNAME": FieldRole.INPUT, "subscribe.PHONE": FieldRole.INPUT,
    }
    [note] = ev.problems
    assert note.severity is Severity.INFO and note.location.line == 1
    message = " ".join(note.message.split())
    assert "form 'subscribe' is sent by GET (method=\"get\") but is no search or filter form" in message
    assert "EMAIL (an e-mail box), FNAME (a name), PHONE (a phone box)" in message
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "templates/*.html"}\npurposes: {}\ndata: {}\n',
        encoding="utf-8",
    )
    audit = CliRunner().invoke(app, ["audit", str(tmp_path / "cnsnt.yaml")]).output
    assert audit.count("error CN101") == 3


def test_a_get_form_whose_controls_look_like_a_query_is_a_search(tmp_path: Path) -> None:
    """A search box (`q`, `search`, `type="search"`), a form named for a search, or filters
    over a list (no contact detail asked) keep the role `search`; a consent box never does."""
    page = _write(
        tmp_path,
        "people.html",
        '<form id="box" method="get"><input name="q"><input type="email" name="email"></form>\n'
        '<form id="typed" method="get"><input type="search" name="term"></form>\n'
        '<form id="search-owner-form" method="get"><input name="lastName"></form>\n'
        '<form id="list" method="get"><select name="status"></select><input name="year"></form>\n'
        '<form id="paged" method="get"><input name="name"><input type="hidden" name="page"></form>\n'
        '<form id="asked" method="get"><input name="first_name"><select name="country"></select></form>\n'
        '<form id="news" method="get"><input name="q">'
        '<input type="checkbox" name="newsletter_opt_in"> I agree to receive the newsletter</form>\n',
    )
    roles = _roles(_read(page, tmp_path))
    for key in ("box.q", "box.email", "typed.term", "search-owner-form.lastName", "list.status",
                "list.year", "paged.name"):
        assert roles[key] is FieldRole.SEARCH, key
    assert roles["asked.first_name"] is FieldRole.INPUT and roles["asked.country"] is FieldRole.INPUT
    assert roles["news.q"] is FieldRole.INPUT and roles["news.newsletter_opt_in"] is FieldRole.CONSENT


def test_a_rails_get_form_that_asks_for_an_email_collects(tmp_path: Path) -> None:
    """`form_with ..., method: :get` is judged by its controls too; `search_form_for` stays a search."""
    page = _write(
        tmp_path,
        "app/views/newsletter/new.html.erb",
        "<%= form_with url: subscribe_path, method: :get do |f| %>\n"
        "  <%= f.email_field :email %>\n"
        "<% end %>\n"
        "<%= search_form_for @q do |f| %>\n  <%= f.email_field :email_cont %>\n<% end %>\n",
    )
    ev = _read(page, tmp_path)
    assert [(f.name, f.role) for f in ev.fields] == [("email", FieldRole.INPUT), ("email_cont", FieldRole.SEARCH)]


MEMBER_LIST = """\
<div>
    <input type="text" wire:model.live.debounce.300ms="search" placeholder="Suche nach Name oder E-Mail...">
    <input type="date" wire:model.live="seitDatum">
    <select wire:model.live="perPage">
        <option value="10">10</option>
    </select>
    <button wire:click="export">Export</button>
</div>
"""


def test_livewire_live_search_and_filters_outside_a_form_are_a_search(tmp_path: Path) -> None:
    """review38 D1: a Livewire list's live search box, paging select and the live filter
    beside them are a query, not collected; one CN001 info names the binding."""
    page = _write(tmp_path, "resources/views/livewire/mitglieder-liste.blade.php", MEMBER_LIST)
    ev = _read(page, tmp_path)
    assert _roles(ev) == {
        "mitglieder-liste.search": FieldRole.SEARCH,
        "mitglieder-liste.seitDatum": FieldRole.SEARCH,
        "mitglieder-liste.perPage": FieldRole.SEARCH,
    }
    [note] = [p for p in ev.problems if p.severity is Severity.INFO]
    assert "form 'mitglieder-liste' is a search or filter form (wire:model.live)" in note.message


def test_livewire_fields_that_collect_keep_their_role(tmp_path: Path) -> None:
    """A deferred `wire:model` outside a form, a `<form wire:submit>`'s live fields, and a live
    field asking for an e-mail beside a live search box are collected; the search box is not."""
    page = _write(
        tmp_path,
        "resources/views/livewire/vereinsheim.blade.php",
        '<div>\n  <input wire:model="notiz">\n'
        '  <input type="email" wire:model.live="kontaktEmail">\n'
        '  <input wire:model.live="search">\n</div>\n'
        '<form id="anmeldung" wire:submit="save">\n  <input wire:model.live="vorname">\n'
        '  <input wire:model.live="filterJahr">\n</form>\n',
    )
    ev = _read(page, tmp_path)
    assert _roles(ev) == {
        "vereinsheim.notiz": FieldRole.INPUT,
        "vereinsheim.kontaktEmail": FieldRole.INPUT,
        "vereinsheim.search": FieldRole.SEARCH,
        "anmeldung.vorname": FieldRole.INPUT,
        "anmeldung.filterJahr": FieldRole.INPUT,
    }


def test_a_search_form_after_a_posting_one_of_the_same_file_is_noted_at_its_own_line(tmp_path: Path) -> None:
    """Found by trial38b on a Spring Boot dashboard: three unnamed forms share the file's
    name, and the note on the third (the GET one) pointed at the first form's line."""
    page = _write(
        tmp_path,
        "clinic-board.html",
        '<form action="/book" method="post">\n'
        '  <input type="date" name="visitDate">\n'
        "</form>\n"
        "<section>\n"
        '  <form action="/vets/find" method="get">\n'
        '    <input type="text" name="filter">\n'
        "  </form>\n"
        "</section>\n",
    )
    ev = _read(page, tmp_path)
    [note] = [p for p in ev.problems if "is a search or filter form" in p.message]
    assert "its field filter is a query" in note.message
    assert (note.location.line, note.location.column) == (5, 3)


def test_a_get_signup_after_a_posting_form_of_the_same_file_is_noted_at_its_own_line(tmp_path: Path) -> None:
    """The same for the note on a form sent by GET that collects (trial38b): its own `<form>`."""
    page = _write(
        tmp_path,
        "templates/newsletter.html",
        '<form action="/feedback" method="post">\n  <textarea name="remarks"></textarea>\n</form>\n'
        + SIGNUP_BY_GET,
    )
    ev = _read(page, tmp_path)
    [note] = [p for p in ev.problems if "is sent by GET" in p.message]
    assert note.location.line == 4
