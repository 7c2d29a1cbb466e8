"""A Razor view's `@model` (and a Razor Page's page model) names the object its form fills.

ASP.NET Core MVC's `@model Clinic.Models.Patient` makes `asp-for="Ward"` and
`@Html.TextBoxFor(m => m.Phone)` properties of `Patient`, which EF Core maps to a table
(here `DbSet<Patient> Registrations`): init files each field with the column it fills, as
it does a Rails `form_with model:` or a Laravel `Form::model(...)` form's. A Razor Page's
`asp-for="Patient.Ward"` fills `Ward` of the `Patient` its page model's property holds.
A model no table keeps (a view model), and a field of a known kind whose form names no
object, say that they fill no column cnsnt found. Files written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from cnsnt.api import explain_column
from cnsnt.sources.base import SourceContext
from cnsnt.sources.forms.html_form import read_html_forms
from cnsnt.sources.forms.razor_models import class_name
from cnsnt.starter.run import draft_new

FILES = {
    "Models/Patient.cs": """\
namespace Clinic.Models;

public class Patient
{
    public int Id { get; set; }
    public string FullName { get; set; }
    public string Email { get; set; }
    public string Phone { get; set; }
    public string Ward { get; set; }
}
""",
    "Models/Nurse.cs": """\
namespace Clinic.Models;

public class Nurse
{
    public int Id { get; set; }
    public string FullName { get; set; }
    public string Email { get; set; }
    public string Ward { get; set; }
}
""",
    "Models/Room.cs": """\
namespace Clinic.Models;

public class Room
{
    public int Id { get; set; }
    public string Name { get; set; }
    public int Floor { get; set; }
    public int Capacity { get; set; }
}
""",
    "Data/ClinicContext.cs": """\
using Microsoft.EntityFrameworkCore;
using Clinic.Models;

namespace Clinic.Data;

public class ClinicContext : DbContext
{
    public DbSet<Patient> Registrations { get; set; }
    public DbSet<Nurse> Nurses { get; set; }
    public DbSet<Room> Premises { get; set; }
}
""",
    "Views/Patients/Edit.cshtml": """\
@model Clinic.Models.Patient
<form asp-action="Edit">
    <input asp-for="FullName" />
    <input asp-for="Email" />
    @Html.TextBoxFor(m => m.Phone)
    <input asp-for="Ward" />
    <button type="submit">Save</button>
</form>
""",
    "Views/Rooms/Edit.cshtml": """\
@model Room
<form asp-action="Edit">
    <input asp-for="Name" />
    <input asp-for="Floor" />
    <input asp-for="Capacity" />
</form>
""",
    "Pages/Patients/Create.cshtml": """\
@page
@model Clinic.Pages.Patients.CreateModel
<form method="post">
    <input asp-for="Patient.FullName" />
    <input asp-for="Patient.Ward" />
    <input asp-for="Referrer" />
</form>
""",
    "Pages/Patients/Create.cshtml.cs": """\
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Clinic.Models;

namespace Clinic.Pages.Patients;

public class CreateModel : PageModel
{
    [BindProperty]
    public Patient Patient { get; set; } = default!;

    [BindProperty]
    public string Referrer { get; set; }
}
""",
    "Views/Account/Login.cshtml": """\
@model LoginViewModel
<form asp-action="Login">
    <input asp-for="Email" />
    <input asp-for="Password" />
</form>
""",
    "Views/contact.html": """\
<form action="/contact" method="post">
  <input type="email" name="email">
  <input type="tel" name="phone">
</form>
""",
}


def _write(root: Path) -> None:
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The project, and the policy `cnsnt init` drafts for it (written as `cnsnt.yaml`)."""
    root = tmp_path_factory.mktemp("clinic")
    _write(root)
    draft = draft_new(root)
    (root / "cnsnt.yaml").write_text(draft.text, encoding="utf-8")
    policy: dict[str, Any] = YAML(typ="safe").load(draft.text)
    return {
        "data": policy["data"], "ignore": policy.get("ignore") or [], "text": draft.text, "draft": draft,
        "root": root,
    }


def _entry_of(data: dict[str, Any], key: str) -> str | None:
    return next(
        (n for n, d in data.items() if key in (d.get("columns") or []) + (d.get("form_fields") or [])), None
    )


def _line(text: str, key: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith((f"- {key} ", f'- "{key}" ')))


def test_the_model_directive_names_a_class() -> None:
    assert class_name("Clinic.Models.Patient") == "Patient"
    assert class_name("Patient?") == "Patient"
    assert class_name("global::Clinic.Models.Patient") == "Patient"
    assert class_name("IEnumerable<Patient>") is None  # a list: no one object
    assert class_name("Patient[]") is None
    assert class_name("(int, string)") is None


def test_the_reader_gives_a_views_forms_their_model_and_a_pages_its_members(tmp_path: Path) -> None:
    _write(tmp_path)
    ctx = SourceContext(base_dir=tmp_path)
    edit = read_html_forms(tmp_path / "Views/Patients/Edit.cshtml", None, ctx).forms  # type: ignore[arg-type]
    assert [(f.model, f.members) for f in edit] == [("Patient", ())]
    assert [x.name for x in edit[0].fields if x.name] == ["FullName", "Email", "Phone", "Ward"]
    page = read_html_forms(tmp_path / "Pages/Patients/Create.cshtml", None, ctx).forms  # type: ignore[arg-type]
    assert [(f.model, f.members) for f in page] == [("CreateModel", (("Patient", "Patient"),))]
    contact = read_html_forms(tmp_path / "Views/contact.html", None, ctx).forms  # type: ignore[arg-type]
    assert [(f.model, f.members) for f in contact] == [(None, ())]


def test_a_views_fields_fill_the_columns_of_the_table_ef_core_maps_its_model_to(made: dict[str, Any]) -> None:
    data, text = made["data"], made["text"]
    # `Ward` is a column of two tables: only the model says which one the field fills
    assert _entry_of(data, "Patients/Edit.Ward") == _entry_of(data, "Registrations.Ward") is not None
    said = _line(text, "Patients/Edit.Ward")
    assert "fills the column 'Registrations.Ward' (the form fills 'Patient', kept in the table 'Registrations')" in said
    # a helper's field too, and known kinds say the column beside their own reason
    assert "fills the column 'Registrations.Phone' (the form fills 'Patient'" in _line(text, "Patients/Edit.Phone")
    assert "fills the column 'Registrations.Email' (the form fills 'Patient'" in _line(text, "Patients/Edit.Email")


def test_a_form_of_a_thing_goes_under_ignore(made: dict[str, Any]) -> None:
    # `Room` is kept in `Premises`, named after no room: its `Name` is a room's, not a person's
    for field in ("Name", "Floor", "Capacity"):
        key = f"Rooms/Edit.{field}"
        assert key in made["ignore"], key
        assert _entry_of(made["data"], key) is None, key
    said = _line(made["text"], "Rooms/Edit.Name")
    assert "fills 'Premises.Name' (the form fills 'Room', kept in the table 'Premises')" in said


def test_a_razor_pages_fields_fill_the_object_its_page_model_holds(made: dict[str, Any]) -> None:
    data, text = made["data"], made["text"]
    assert _entry_of(data, "Create.Patient.Ward") == _entry_of(data, "Registrations.Ward") is not None
    said = _line(text, "Create.Patient.Ward")
    assert "fills the column 'Registrations.Ward' ('Patient.Ward' fills 'Patient', kept in the table" in said
    # the page model's own property fills no table, and says so
    assert "no column found: the form fills 'CreateModel', which no table keeps" in _line(
        text, "Create.Referrer"
    )


def test_a_model_no_table_keeps_leaves_the_fields_as_they_were_and_says_so(made: dict[str, Any]) -> None:
    data, text = made["data"], made["text"]
    assert _entry_of(data, "Login.Email") == "email"
    said = _line(text, "Login.Email")
    assert "name 'Email' means an email address (en)" in said
    assert "no column found: the form fills 'LoginViewModel', which no table keeps" in said
    alerts = [a for a in made["draft"].alerts if "LoginViewModel" in a]
    assert len(alerts) == 1
    assert "kept in no table cnsnt found: LoginViewModel (Views/Account/Login.cshtml)" in alerts[0]
    assert "CreateModel" not in alerts[0]  # a page model is the page's code, never an entity


def test_a_known_kind_field_of_a_form_bound_to_nothing_says_it_fills_no_column(made: dict[str, Any]) -> None:
    said = _line(made["text"], "contact.email")
    # the form and field (its key), the kind, and that no table was found for it
    assert said.split("#", 1)[1].strip() == (
        "name 'email' means an email address (en); no column found: its form names no object "
        "[Views/contact.html:2]"
    )
    explained = explain_column("contact.email", made["root"])
    assert "  form field: an email control of the form 'contact'" in explained
    assert "  no column found: its form names no object" in explained


def test_a_built_in_type_is_no_model_and_a_directive_may_end_with_a_semicolon_or_a_comment() -> None:
    """codereview31 F3, F4: `@model dynamic` named an object `dynamic`; `@model Patient;` named none."""
    for written in ("dynamic", "object", "string", "System.String", "int?", "dynamic // any"):
        assert class_name(written) is None, written
    for written in ("Patient;", "Patient @* the patient *@", "Patient; // c", "Clinic.Models.Patient ;"):
        assert class_name(written) == "Patient", written


def test_the_reader_reads_a_model_directive_ended_by_a_semicolon_or_a_razor_comment(tmp_path: Path) -> None:
    ctx = SourceContext(base_dir=tmp_path)
    form = '<form method="post"><input asp-for="Email" /></form>\n'
    for name, head in (("semi", "@model Patient;"), ("noted", "@model Patient @* the patient *@")):
        view = tmp_path / f"{name}.cshtml"
        view.write_text(f"{head}\n{form}", encoding="utf-8")
        assert [(f.model, f.members) for f in read_html_forms(view, None, ctx).forms] == [("Patient", ())]


def test_a_dynamic_model_and_a_plain_forms_name_prefixes_are_no_objects_kept_in_no_table(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db/schema.sql").write_text(
        "CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(100));\n", encoding="utf-8"
    )
    (tmp_path / "Views").mkdir()
    (tmp_path / "Views/Contact.cshtml").write_text(
        '@model dynamic\n<form method="post"><input type="email" name="Email" /></form>\n', encoding="utf-8"
    )
    (tmp_path / "Views/search.html").write_text(
        '<form method="post"><input name="filter[status]"><input type="email" name="contact[email]"></form>\n',
        encoding="utf-8",
    )
    draft = draft_new(tmp_path)
    assert not [a for a in draft.alerts if "kept in no table" in a]
    assert "dynamic" not in draft.text


def test_a_vb_views_fields_fill_the_columns_of_its_model_type(tmp_path: Path) -> None:
    """A VB.NET view (`.vbhtml`) names its model with `@ModelType`; `Function(m) m.Phone` names a field."""
    for name in ("Models/Patient.cs", "Data/ClinicContext.cs"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(FILES[name], encoding="utf-8")
    (tmp_path / "Models/Nurse.cs").write_text(FILES["Models/Nurse.cs"], encoding="utf-8")
    (tmp_path / "Models/Room.cs").write_text(FILES["Models/Room.cs"], encoding="utf-8")
    (tmp_path / "Views/Patients").mkdir(parents=True)
    (tmp_path / "Views/Patients/Edit.vbhtml").write_text(
        "@ModelType Clinic.Models.Patient\n"
        '@Code\n    ViewData("Title") = "Edit"\nEnd Code\n'
        '<form method="post">\n'
        "    @Html.TextBoxFor(Function(m) m.Phone)\n"
        '    <input asp-for="Ward" />\n'
        "</form>\n",
        encoding="utf-8",
    )
    draft = draft_new(tmp_path)
    assert "fills the column 'Registrations.Ward' (the form fills 'Patient'" in _line(draft.text, "Edit.Ward")
    assert "fills the column 'Registrations.Phone' (the form fills 'Patient'" in _line(draft.text, "Edit.Phone")
