"""Blazor components (`.razor`): `<EditForm>`, `<InputText @bind-Value>`, Radzen's and MudBlazor's controls.

Read to nothing before (review31 D3): a `.razor` page gave `form fields: 0, forms: 0`,
with no CN001, and init did not propose it. The fixtures are written here.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, FieldRole, FormField
from cnsnt.model import Severity
from tests.conftest import read_form

PATIENT = """\
@page "/patient"
@inject PatientService Service

<EditForm Model="@patient" OnValidSubmit="@Save">
    <DataAnnotationsValidator />
    <label for="email">E-mail</label>
    <InputText id="email" @bind-Value="patient.Email" />
    <InputDate @bind-Value="patient.BirthDate" />
    <InputCheckbox @bind-Value="patient.Newsletter" />
    <InputRadioGroup @bind-Value="patient.Plan">
        <InputRadio Value="@("basic")" /> Basic
    </InputRadioGroup>
    <input @bind="patient.Phone" @bind:event="oninput" placeholder="Mobile phone" />
    <button type="submit" @onclick="Save">Save</button>
    <p>Write to help@example.com about @patient.Email</p>
</EditForm>

@code {
    private Patient patient = new();
    private async Task Save() { if (patient.Email is null) { return; } await Service.Save(patient); }
}
"""

STAFF = """\
<RadzenTemplateForm TItem="Person" Data="@(person)" Submit="@Save">
    <RadzenLabel Text="Mobile" Component="Mobile1" />
    <RadzenTextBox Name="Mobile1" @bind-Value="@(person.Mobile1)" />
    <RadzenDatePicker Name="Birthday" @bind-Value="@(person.Birthday)" />
    <RadzenCheckBox Name="Newsletter" @bind-Value="@(person.Newsletter)" />
    <RadzenDataGrid @bind-Value="selected" Data="@people" />
    <AddressEditor @bind-Value="person.Address" />
    <InputText @bind-Value="rows[i].Nickname" />
</RadzenTemplateForm>
<MudForm Model="@login">
    <MudTextField @bind-Value="login.UserName" Label="User name" />
</MudForm>
"""


def write(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def fields(ev: Evidence) -> dict[str | None, FormField]:
    return {f.name: f for form in ev.forms for f in form.fields}


def test_edit_form_controls_are_named_by_the_member_they_bind(tmp_path):
    ev = write(tmp_path, "Patient.razor", PATIENT)
    assert [(form.name, form.model) for form in ev.forms] == [("Patient", "patient")]
    got = fields(ev)
    assert set(got) == {"Email", "BirthDate", "Newsletter", "Plan", "Phone", None}  # None: the button
    assert (got["Email"].control, got["Email"].label, got["Email"].location.line) == ("text", "E-mail", 7)
    assert got["BirthDate"].control == "date"
    assert got["Plan"].control == "radio"
    assert got["Phone"].label == "Mobile phone"  # a native `<input @bind>`
    assert got["Newsletter"].control == "checkbox"
    assert got["Newsletter"].role is FieldRole.CONSENT  # reaches CN201-CN206
    assert ev.problems == []


def test_radzen_and_mudblazor_components_are_controls_and_the_rest_is_said(tmp_path):
    ev = write(tmp_path, "Staff.razor", STAFF)
    got = fields(ev)
    assert got["Mobile1"].label == "Mobile"  # `<RadzenLabel Component="Mobile1">`
    assert got["Birthday"].control == "date"
    assert got["Newsletter"].role is FieldRole.CONSENT
    assert got["UserName"].label == "User name"
    assert "selected" not in got  # a grid's selection is no field
    said = [(p.location.line, p.location.column, p.severity, p.message) for p in ev.problems]
    assert [s[:3] for s in said] == [(7, 5, Severity.WARNING), (8, 5, Severity.WARNING)]
    assert '<AddressEditor @bind-Value="person.Address">' in said[0][3]
    assert '@bind-Value="rows[i].Nickname"' in said[1][3]


def test_component_names():
    from cnsnt.sources.forms.blazor import component_kind, draws_control

    kinds = {n: component_kind(n) for n in ("InputTextArea", "RadzenDropDown", "MudSwitch", "LoginForm")}
    assert (kinds["InputTextArea"].role, kinds["InputTextArea"].control) == ("control", "textarea")
    assert kinds["RadzenDropDown"].control == "select"
    assert kinds["MudSwitch"].control == "checkbox"
    assert kinds["LoginForm"] is None  # the project's own component: its form is in its own file
    assert draws_control(STAFF) and not draws_control("<RadzenButton Text='Go' Click='@Go' />")


def test_init_proposes_razor_pages_that_draw_controls(tmp_path, monkeypatch):
    pages = tmp_path / "Pages"
    pages.mkdir()
    (pages / "Patient.razor").write_text(PATIENT, encoding="utf-8")
    (pages / "Index.razor").write_text('@page "/"\n<h1>Hello</h1>\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    policy = (tmp_path / "cnsnt.yaml").read_text()
    assert '{path: "Pages/Patient.razor"}' in policy
    assert "Patient.Email" in policy and "Patient.BirthDate" in policy
    audit = CliRunner().invoke(app, ["audit", "--format", "json"])
    assert '"forms": 1' in audit.output and '"CN001"' not in audit.output


VENDORS = """\
<EditForm Model="@person">
  <SfDropDownList TValue="string" TItem="string" @bind-Value="person.Nationality" DataSource="@countries" />
  <TelerikDropDownList Data="@genders" @bind-Value="person.Gender" />
  <SfTextBox @bind-Value="person.Email" />
  <AllergyList @bind-Value="person.Allergies" />
  <MudList T="string" @bind-SelectedValue="picked" />
  <SfListView DataSource="@rows" @bind-Value="row" />
</EditForm>
"""


def test_vendor_drop_down_lists_are_selects_and_other_lists_are_said(tmp_path):
    # CR27 F2: the word `list` made `SfDropDownList` no control and hid its CN001 too
    ev = write(tmp_path, "Vendors.razor", VENDORS)
    got = fields(ev)
    assert set(got) == {"Nationality", "Gender", "Email"}
    assert (got["Nationality"].control, got["Gender"].control) == ("select", "select")
    said = [(p.location.line, p.location.column, p.severity) for p in ev.problems]
    assert said == [(5, 3, Severity.WARNING)]  # a project's own list binds a field; list views do not
    assert '<AllergyList @bind-Value="person.Allergies">' in ev.problems[0].message


def test_a_native_control_bound_with_bind_draws_a_control():
    # CR27 F8: the docstring said so, the code only looked at components
    from cnsnt.sources.forms.blazor import draws_control

    assert draws_control('<div><input @bind="patient.Email" /></div>')
    assert draws_control('<SELECT @bind-value="patient.Plan"></SELECT>')
    assert not draws_control('<div><input type="search" placeholder="Find" /></div>')
