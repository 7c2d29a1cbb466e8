"""Phoenix form templates: HEEx components, Phoenix.HTML helpers in EEx and HEEx, `~H` sigils.

The fixtures are written here, in the shapes of `mix phx.gen.auth` / `phx.gen.live`
output (core_components' `<.simple_form>` and `<.input>`), classic EEx `form_for`
templates, and projects' own field components.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from tests.conftest import read_form


def write(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields if f.name is not None}


def fields(form: Form) -> list[tuple[str | None, str]]:
    return [(f.name, f.control) for f in form.fields if f.role is not FieldRole.BUTTON]


def messages(ev: Evidence) -> list[tuple[int | None, int | None, str]]:
    return [(p.location.line, p.location.column, p.message) for p in ev.problems]


REGISTRATION = """\
<.header>Register for an account</.header>
<.simple_form for={@form} id="registration_form" phx-submit="save" phx-change="validate">
  <.error :if={@check_errors}>Oops, something went wrong!</.error>
  <.input field={@form[:email]} type="email" label="Email" required />
  <.input field={@form[:password]} type="password" label="Password" required />
  <.input field={@form[:country]} type="select" label="Country" options={@countries} />
  <.input field={@form[:bio]} type="textarea" label="About you" />
  <.input field={@form[:terms]} type="checkbox" label="I accept the terms of service" />
  <.input field={@form[:newsletter]} type="checkbox" label="Newsletter" checked={true} />
  <.input field={@form[:offers]} type="checkbox" label="Partner offers" checked={@offers?} />
  <.inputs_for :let={address} field={@form[:address]}>
    <.input field={address[:city]} label="City" />
  </.inputs_for>
  <.input :for={key <- @extra_keys} field={@form[key]} label={key} />
  <input type="hidden" name="_csrf_token" value={get_csrf_token()} />
  <:actions>
    <.button phx-disable-with="Creating account..." class="w-full">Create an account</.button>
  </:actions>
</.simple_form>
"""


def test_heex_core_components_form_fields_named_by_the_field_atom(tmp_path):
    ev = write(tmp_path, "lib/app_web/live/user_registration_live.html.heex", REGISTRATION)
    assert [f.name for f in ev.forms] == ["registration_form"]
    form = ev.forms[0]
    assert fields(form) == [
        ("email", "email"),
        ("password", "password"),
        ("country", "select"),
        ("bio", "textarea"),
        ("terms", "checkbox"),
        ("newsletter", "checkbox"),
        ("offers", "checkbox"),
        ("address[city]", "text"),  # inside inputs_for (no control itself): named by its object
        (None, "text"),
        ("_csrf_token", "hidden"),
    ]
    named = by_name(form)
    assert named["email"].label == "Email" and named["email"].required
    assert named["email"].raw == "field={@form[:email]}"
    assert (named["email"].location.line, named["email"].location.column) == (4, 3)
    assert named["terms"].role is FieldRole.CONSENT and not named["terms"].checked
    assert named["newsletter"].role is FieldRole.CONSENT
    assert named["newsletter"].checked and not named["newsletter"].checked_conditionally
    assert named["offers"].checked and named["offers"].checked_conditionally
    assert named["_csrf_token"].role is FieldRole.TECHNICAL
    assert messages(ev) == [
        (
            14,
            3,
            "field at 14:3 has a name cnsnt cannot read (field={@form[key]})",
        )
    ]


def test_eex_form_helpers_are_fields_labelled_by_the_label_helper(tmp_path):
    ev = write(
        tmp_path,
        "lib/app_web/templates/user/form.html.eex",
        """\
<%= form_for @changeset, Routes.user_path(@conn, :create), fn f -> %>
  <%= if @changeset.action do %>
    <div class="alert alert-danger"><p>Oops, something went wrong!</p></div>
  <% end %>
  <%= label f, :full_name, "Full name" %>
  <%= text_input f, :full_name, required: true %>
  <%= label f, :email %>
  <%= email_input f, :email, placeholder: "you@example.com" %>
  <%= password_input f, :password %>
  <%= textarea f, :bio %>
  <%= select f, :country, ["Italy": "it", "Spain": "es"], selected: "it" %>
  <%= radio_button f, :plan, "pro", checked: @pro? %>
  <%= checkbox f, :accept_privacy %>
  <%= label f, :accept_privacy, "I have read the privacy policy" %>
  <%= checkbox f, :newsletter, value: true %>
  <%= hidden_input f, :referrer %>
  <%= text_input f, @dynamic_field %>
  <input type="text" name="user[nickname]" value="<%= @nick %>">
  <%= submit "Save" %>
<% end %>
""",
    )
    form = ev.forms[0]
    assert form.name == "form"  # the file stem, as for other helper-drawn forms
    assert fields(form) == [
        ("full_name", "text"),
        ("email", "email"),
        ("password", "password"),
        ("bio", "textarea"),
        ("country", "select"),
        ("plan", "radio"),
        ("accept_privacy", "checkbox"),
        ("newsletter", "checkbox"),
        ("referrer", "hidden"),
        (None, "text"),
        ("user[nickname]", "text"),
    ]
    named = by_name(form)
    assert named["full_name"].label == "Full name" and named["full_name"].required
    assert named["email"].label == "Email"  # `label f, :email`: Phoenix humanizes the field
    assert named["country"].default == "it"
    assert named["plan"].checked and named["plan"].checked_conditionally
    assert named["accept_privacy"].role is FieldRole.CONSENT
    assert named["accept_privacy"].label == "I have read the privacy policy"
    assert not named["accept_privacy"].checked
    # `value: true` equals the default checked value: Phoenix renders the box ticked
    assert named["newsletter"].checked and not named["newsletter"].checked_conditionally
    assert named["newsletter"].role is FieldRole.CONSENT
    assert named["referrer"].role is FieldRole.TECHNICAL
    assert [(line, col) for line, col, _ in messages(ev)] == [(17, 3)]
    assert "<%= text_input f, @dynamic_field %>" in messages(ev)[0][2]


def test_helpers_in_heex_braces_and_project_field_components(tmp_path):
    ev = write(
        tmp_path,
        "lib/app_web/live/signin_live/index.html.heex",
        """\
<.form :let={f} for={@changeset} id="tokens" as={:tokens} phx-submit="sign_in">
  <div class="field">
    {label(f, :access, gettext("Access Token"), class: "label")}
    {text_input(f, :access, class: "input", disabled: !!@task)}
  </div>
  <.text_input field={f[:full_name]} label="Full name" />
  <.password_input id="password" name="password" label="Password" />
  <.social_input form={f} field={:twitter} label="X" />
  <.field_error field={f[:access]} />
  <input type="checkbox" name={@form[:confirms].name} checked />
  <input type="text" name={input_name(f, :nickname)} />
  <input type="text" name={"extra[#{@i}]"} />
  <label class="checkbox">{checkbox(f, :offers)}&nbsp;{gettext("Send me the newsletter")}</label>
  <p class="hint">{label} {select <> "x"}</p>
  {submit("Sign in")}
</.form>
""",
    )
    form = ev.forms[0]
    assert form.name == "tokens"
    assert fields(form) == [
        ("access", "text"),
        ("full_name", "text"),
        ("password", "password"),
        ("twitter", "text"),
        ("confirms", "checkbox"),
        ("nickname", "text"),
        (None, "text"),
        ("offers", "checkbox"),
    ]
    named = by_name(form)
    assert named["offers"].label == "Send me the newsletter"  # the label it is drawn in
    assert named["offers"].role is FieldRole.CONSENT
    assert named["access"].label == "Access Token"
    assert named["full_name"].label == "Full name" and named["password"].label == "Password"
    assert named["confirms"].checked  # a literal `checked` in HEEx ticks it for everyone
    assert messages(ev) == [
        (
            12,
            3,
            'field at 12:3 has a name cnsnt cannot read ({"extra[#{@i}]"})',
        )
    ]


def test_live_view_module_sigils_are_read_and_component_definitions_are_not_fields(tmp_path):
    ev = write(
        tmp_path,
        "lib/app_web/live/contact_live.ex",
        '''\
defmodule AppWeb.ContactLive do
  use AppWeb, :live_view

  @doc """
  <form><input name="not_markup"></form>
  """
  def render(assigns) do
    ~H"""
    <.form for={@form} id="contact" phx-submit="send">
      <.input field={@form[:email]} type="email" label="Email" />
      <.input field={@form[:consent]} type="checkbox" label="I agree to be contacted" value={true} checked />
    </.form>
    """
  end

  attr :name, :string
  attr :field, Phoenix.HTML.FormField
  def text_input(assigns) do
    ~H"""
    <input type="text" name={@name} />
    <input type="text" name={@field.name} id={@field.id} />
    <.input field={@field} />
    """
  end
end
''',
    )
    assert [f.name for f in ev.forms] == ["contact"]
    form = ev.forms[0]
    assert fields(form) == [("email", "email"), ("consent", "checkbox")]
    consent = by_name(form)["consent"]
    assert consent.role is FieldRole.CONSENT and consent.checked
    assert (consent.location.line, consent.location.column) == (11, 7)  # the module's lines
    assert ev.problems == []


def test_broken_elixir_in_braces_is_reported_not_raised(tmp_path):
    ev = write(
        tmp_path,
        "broken.html.heex",
        '<.form for={@f} id="b">\n  <.input field={@form[:email} />\n  {text_input(f, :x, }\n</.form>\n',
    )
    assert [(line, col) for line, col, _ in messages(ev)] == [(2, 3), (3, 3)]
    assert "cannot read (field={@form[:email})" in messages(ev)[0][2]
    assert "helper ({text_input(f, :x, }) whose name cnsnt cannot read" in messages(ev)[1][2]


def test_init_proposes_phoenix_templates_with_forms_but_not_deps(tmp_path, monkeypatch):
    web = tmp_path / "lib" / "app_web"
    (web / "live").mkdir(parents=True)
    (web / "live" / "signup.html.heex").write_text(
        '<.simple_form for={@form} id="signup"><.input field={@form[:email]} /></.simple_form>\n'
    )
    (web / "live" / "contact_live.ex").write_text(
        'defmodule C do\n  def render(assigns) do\n    ~H"""\n    <.form for={@form}>'
        '<.input field={@form[:phone]} /></.form>\n    """\n  end\nend\n'
    )
    (web / "live" / "page_live.ex").write_text("defmodule P do\n  def x, do: 1\nend\n")
    (web / "templates").mkdir()
    (web / "templates" / "new.html.eex").write_text(
        '<%= form_for @cs, "/u", fn f -> %><%= text_input f, :name %><% end %>\n'
    )
    (web / "templates" / "welcome.text.eex").write_text("Hello <%= @name %>\n")
    dep = tmp_path / "deps" / "phoenix_live_dashboard" / "lib"
    dep.mkdir(parents=True)
    (dep / "form.html.heex").write_text("<.form for={@f}><.input field={@f[:x]} /></.form>\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    policy = (tmp_path / "cnsnt.yaml").read_text()
    for path in (
        "lib/app_web/live/signup.html.heex",
        "lib/app_web/live/contact_live.ex",
        "lib/app_web/templates/new.html.eex",
    ):
        assert f'{{path: "{path}"}}' in policy
    assert "page_live.ex" not in policy and "welcome" not in policy and "deps/" not in policy
    for field in ("signup.email", "contact_live.phone", "new.name"):
        assert field in policy


def test_a_box_the_label_helper_calls_a_consent_is_one(tmp_path):
    """`label f, :sms, "SMS consent"` names a box whose field says nothing: a ticked one is CN203's."""
    ev = write(
        tmp_path,
        "form.html.eex",
        """\
<%= form_for @changeset, "/users", fn f -> %>
  <%= checkbox f, :sms, value: true %>
  <%= label f, :sms, "I consent to receive text messages" %>
  <%= label f, :updates, "Marketing e-mails" %>
  <%= checkbox f, :updates, value: true %>
<% end %>
""",
    )
    named = by_name(ev.forms[0])
    assert named["sms"].label == "I consent to receive text messages"
    assert named["sms"].role is FieldRole.CONSENT and named["sms"].checked
    assert named["updates"].role is FieldRole.CONSENT


def test_a_no_radio_the_helper_ticks_gives_no_consent(tmp_path):
    """`radio_button f, :x, "no", checked: true` answers no, as `<input type="radio" value="no" checked>` does."""
    ev = write(
        tmp_path,
        "prefs.html.heex",
        """\
<.form :let={f} for={@changeset} id="prefs">
  {radio_button(f, :marketing_consent, "yes")}
  {radio_button(f, :marketing_consent, "no", checked: true)}
  {radio_button(f, :sms_consent, "yes", checked: true)}
  {radio_button(f, :sms_consent, "no")}
</.form>
""",
    )
    named = by_name(ev.forms[0])
    assert named["marketing_consent"].role is FieldRole.CONSENT and not named["marketing_consent"].checked
    assert named["sms_consent"].checked


def test_a_box_drawn_in_the_label_helpers_block_takes_its_text(tmp_path):
    """`<%= label f, :offers do %><%= checkbox f, :offers, value: true %> I consent ...<% end %>`."""
    ev = write(
        tmp_path,
        "offers.html.eex",
        """\
<%= form_for @changeset, "/offers", fn f -> %>
  <%= if @show_offers do %>
    <%= label f, :offers do %>
      <%= checkbox f, :offers, value: true %> Send me partner offers, I consent
    <% end %>
  <% end %>
  <%= checkbox f, :remember, value: true %>
<% end %>
""",
    )
    named = by_name(ev.forms[0])
    assert named["offers"].label == "Send me partner offers, I consent"
    assert named["offers"].role is FieldRole.CONSENT and named["offers"].checked
    assert named["remember"].label is None and named["remember"].role is FieldRole.INPUT


def test_a_radio_helpers_label_names_its_option_not_the_field(tmp_path):
    """`<label><%= radio_button f, :permission, "admin" %> Administrator</label>` labels one answer."""
    ev = write(
        tmp_path,
        "user.html.eex",
        """\
<%= form_for @changeset, "/users", fn f -> %>
  <%= label f, :role, "Role" %>
  <label><%= radio_button f, :role, "user" %> Regular user</label>
  <label><%= radio_button f, :role, "admin" %> Administrator</label>
  <label><%= radio_button f, :permission, "user" %> Regular user</label>
  <label><%= radio_button f, :permission, "admin" %> Administrator</label>
  <label><%= checkbox f, :newsletter %> I agree to receive newsletters</label>
<% end %>
""",
    )
    named = by_name(ev.forms[0])
    assert named["role"].label == "Role"
    assert named["permission"].label is None
    assert named["newsletter"].label == "I agree to receive newsletters"
    assert named["newsletter"].role is FieldRole.CONSENT


def test_a_form_piped_into_a_helper_is_read_as_its_first_argument(tmp_path):
    """`f |> text_input(:email)` is `text_input(f, :email)`: it gave no field at all."""
    eex = write(
        tmp_path,
        "pipe.html.eex",
        """\
<%= form_for @changeset, "/users", fn f -> %>
  <%= f |> text_input(:email) %>
  <%= f |> checkbox(:terms) %>
  <%= f |> label(:terms, "I accept the terms") %>
  <%= f |> PhoenixHTMLHelpers.Form.password_input(:password, required: true) %>
  <%= f |> text_input(:nickname) |> safe_to_string() %>
<% end %>
""",
    )
    heex = write(
        tmp_path,
        "pipe.html.heex",
        """\
<.form :let={f} for={@changeset} id="signup">
  {f |> label(:email, "E-mail")}
  {f |> email_input(:email)}
  {@form |> checkbox(:newsletter, value: true)}
</.form>
""",
    )
    assert fields(eex.forms[0]) == [
        ("email", "text"),
        ("terms", "checkbox"),
        ("password", "password"),
        ("nickname", "text"),
    ]
    named = by_name(eex.forms[0])
    assert named["terms"].label == "I accept the terms" and named["terms"].role is FieldRole.CONSENT
    assert named["password"].required
    assert fields(heex.forms[0]) == [("email", "email"), ("newsletter", "checkbox")]
    named = by_name(heex.forms[0])
    assert named["email"].label == "E-mail"
    assert named["newsletter"].checked and named["newsletter"].role is FieldRole.CONSENT
    assert not eex.problems and not heex.problems


def test_a_live_file_input_is_a_file_field_named_by_its_upload(tmp_path):
    """`<.live_file_input upload={@uploads.avatar} />` (a photo, an ID document) gave no field."""
    heex = write(
        tmp_path,
        "profile.html.heex",
        """\
<.form for={@form} id="profile" phx-submit="save">
  <.live_file_input upload={@uploads.avatar} />
  <.live_file_input upload={@uploads[:id_document]} />
  <.live_file_input upload={@uploads[@kind]} />
</.form>
""",
    )
    leex = write(
        tmp_path,
        "old.html.leex",
        '<%= f = form_for @changeset, "#" %>\n  <%= live_file_input @uploads.photo %>\n</form>\n',
    )
    assert fields(heex.forms[0]) == [("avatar", "file"), ("id_document", "file"), (None, "file")]
    assert [(line, col) for line, col, _ in messages(heex)] == [(4, 3)]
    assert "upload={@uploads[@kind]}" in messages(heex)[0][2]
    assert fields(leex.forms[0]) == [("photo", "file")] and not leex.problems


def test_a_text_area_or_check_box_component_is_a_control_not_skipped(tmp_path):
    """`<.text_area field={f[:notes]}>`: the two words `text` and `area` name a textarea (trial38).

    Before, neither word was a control word, so the component was no control and its field
    was left out of the form without a word.
    """
    ev = write(
        tmp_path,
        "lib/clinic_web/live/visit_live/form_component.ex",
        '''\
defmodule ClinicWeb.VisitLive.FormComponent do
  def render(assigns) do
    ~H"""
    <.form :let={f} id="visit-form" for={@form} phx-submit="save">
      <.text_input field={f[:reason]} label="Reason" />
      <.text_area field={f[:clinical_notes]} placeholder="Start a note" />
      <.check_box field={f[:follow_up]} label="Follow up" />
    </.form>
    """
  end
end
''',
    )
    assert fields(ev.forms[0]) == [
        ("reason", "text"),
        ("clinical_notes", "textarea"),
        ("follow_up", "checkbox"),
    ]


NESTED = """\
<.form :let={f} id="volunteer-form" for={@form} phx-submit="save">
  <.text_input field={f[:skills]} label="Skills" />
  <.inputs_for :let={pf} field={f[:person]}>
    <.text_input field={pf[:given_name]} label="Name" />
    <.inputs_for :let={af} field={pf[:address]}>
      <.text_input field={af[:street]} label="Street" />
    </.inputs_for>
    <.text_input field={f[:shift]} label="Shift" />
  </.inputs_for>
  <.inputs_for :let={sf} field={f[:site]}>
    <.text_input field={sf[:name]} label="Site" />
    <.text_input field={sf[:street]} label="Street" />
  </.inputs_for>
  <.inputs_for field={f[:badge]}>
    <.text_input field={f[:code]} label="Code" />
  </.inputs_for>
</.form>
"""


def test_a_field_inside_inputs_for_is_named_by_its_association(tmp_path):
    """Phoenix posts `volunteer[site][name]`: the field is `site[name]`, not a bare `name` (trial38).

    Named by the field alone, the site's `name` read as the volunteer's own name, and the
    site's `street` and the person's address's `street` were one field. The innermost
    `inputs_for` whose `:let` variable the field is read from names the object; a field of
    the outer form inside one keeps its name, as does one of an `inputs_for` with no `:let`.
    """
    ev = write(tmp_path, "lib/shelter_web/live/volunteer_live/form.html.heex", NESTED)
    assert fields(ev.forms[0]) == [
        ("skills", "text"),
        ("person[given_name]", "text"),
        ("address[street]", "text"),
        ("shift", "text"),
        ("site[name]", "text"),
        ("site[street]", "text"),
        ("code", "text"),
    ]


def test_init_files_a_nested_field_with_its_objects_column(tmp_path, monkeypatch):
    """A field inside `<.inputs_for field={f[:site]}>` fills the column of table `sites` (trial38)."""
    web = tmp_path / "lib" / "shelter_web" / "live" / "volunteer_live"
    web.mkdir(parents=True)
    (web / "form.html.heex").write_text(NESTED)
    migrations = tmp_path / "priv" / "repo" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "20240101000000_create_tables.exs").write_text(
        "defmodule Shelter.Repo.Migrations.CreateTables do\n  use Ecto.Migration\n\n"
        "  def change do\n"
        "    create table(:sites) do\n      add :name, :string\n      add :street, :string\n    end\n\n"
        "    create table(:addresses) do\n      add :street, :string\n      add :person_id, references(:people)\n    end\n\n"
        "    create table(:people) do\n      add :given_name, :string\n      add :birth_date, :date\n    end\n"
        "  end\nend\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    policy = (tmp_path / "cnsnt.yaml").read_text()
    lines = {line.split("#")[0].strip().strip('"- '): line for line in policy.splitlines() if "volunteer-form." in line}
    assert "fills 'sites.name'" in lines["volunteer-form.site[name]"]
    assert "fills 'sites.street'" in lines["volunteer-form.site[street]"]
    assert "people.given_name" in lines["volunteer-form.person[given_name]"]
    assert "addresses.street" in lines["volunteer-form.address[street]"]
