"""A Razor view whose model cnsnt cannot read says so (CN001), at the view's `@model` line.

A `@model` whose type is no C# type (a generic left open) and a Razor Page whose page-model
file exists but cannot be read or parsed used to give "no model" in silence, and init then
filed the form's fields with no column. A built-in type, a list, an array and a tuple are
no one object a form fills, and stay silent. Files written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.evidence import Evidence
from cnsnt.model import Severity
from cnsnt.sources.base import SourceContext
from cnsnt.sources.forms.html_form import read_html_forms
from cnsnt.sources.forms.razor_models import class_name, readable_type

FORM = '<form method="post">\n    <input asp-for="Email" />\n</form>\n'
PAGE_FORM = '<form method="post">\n    <input asp-for="Patient.Email" />\n</form>\n'
PAGE_MODEL = """\
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Pages.Patients;

public class CreateModel : PageModel
{
    public Patient Patient { get; set; }
}
"""


def _read(path: Path, text: str) -> Evidence:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_html_forms(path, None, SourceContext(base_dir=path.parent))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "written",
    ["IEnumerable<Patient", "Patient>", "List<>", "Clinic..Patient", "Patient Nurse", "(int", "Patient[", "<>"],
)
def test_a_model_type_that_is_no_type_is_unreadable(written: str) -> None:
    assert class_name(written) is None
    assert not readable_type(written), written


@pytest.mark.parametrize(
    "written",
    [
        "dynamic", "string", "IEnumerable<Patient>", "Patient[]", "(int, string)", "(Patient p, Nurse n)",
        "Dictionary<string, List<Patient>>", "Patient?", "global::Clinic.Models.Patient", "Patient; // c",
        "IEnumerable<Patient>? @* a list *@", "int[,]",
    ],
)  # fmt: skip
def test_a_built_in_a_list_or_a_tuple_is_readable(written: str) -> None:
    assert readable_type(written), written


def test_a_broken_model_type_is_a_warning_at_its_directive(tmp_path: Path) -> None:
    found = _read(tmp_path / "Views/Patients/Edit.cshtml", f"@using Clinic.Models\n@model IEnumerable<Patient\n{FORM}")
    assert [f.model for f in found.forms] == [None]
    [problem] = found.problems
    assert (problem.location.line, problem.location.column, problem.severity) == (2, 1, Severity.WARNING)
    assert problem.location.path == "Edit.cshtml"
    assert "@model 'IEnumerable<Patient' is no type cnsnt can read" in problem.message
    assert "filed by their own names" in problem.message
    assert problem.fix is not None and "@model App.Models.Patient" in problem.fix


def test_a_model_directive_naming_nothing_is_a_warning(tmp_path: Path) -> None:
    [problem] = _read(tmp_path / "Edit.cshtml", f"@model\n{FORM}").problems
    assert "@model names no type" in problem.message
    assert (problem.location.line, problem.location.column) == (1, 1)


@pytest.mark.parametrize("written", ["dynamic", "string", "IEnumerable<Patient>", "Patient[]", "(int, string)"])
def test_a_built_in_or_a_list_model_stays_silent(tmp_path: Path, written: str) -> None:
    found = _read(tmp_path / "Index.cshtml", f"@model {written}\n{FORM}")
    assert [f.model for f in found.forms] == [None]
    assert found.problems == []


def test_a_broken_model_of_a_view_without_forms_says_nothing(tmp_path: Path) -> None:
    # the model only says what forms fill: a view with no form loses nothing
    assert _read(tmp_path / "Show.cshtml", "@model IEnumerable<Patient\n<p>@Model</p>\n").problems == []


def test_a_page_model_file_with_a_syntax_error_that_hides_the_class_is_a_warning(tmp_path: Path) -> None:
    pages = tmp_path / "Pages/Patients"
    pages.mkdir(parents=True)
    (pages / "Create.cshtml.cs").write_text(
        "namespace Clinic.Pages.Patients {\n    public class CreateModel : PageModel (\n"
        "        public Patient Patient { get; set; }\n    }\n}\n",
        encoding="utf-8",
    )
    found = _read(pages / "Create.cshtml", f"@page\n@model CreateModel\n{PAGE_FORM}")
    assert [(f.model, f.members) for f in found.forms] == [("CreateModel", ())]
    [problem] = found.problems
    assert (problem.location.line, problem.location.column, problem.severity) == (2, 1, Severity.WARNING)
    assert "the page model 'CreateModel' cannot be read" in problem.message
    assert "(Create.cshtml.cs:2:42: C# syntax error (cannot parse from here))" in problem.message


def test_an_unreadable_code_behind_is_a_warning(tmp_path: Path) -> None:
    pages = tmp_path / "Pages"
    pages.mkdir()
    (pages / "Create.cshtml.cs").write_bytes(b"public class CreateModel\x00\x00\x00 { }")
    found = _read(pages / "Create.cshtml", f"@page\n@model CreateModel\n{PAGE_FORM}")
    [problem] = found.problems
    assert "the page model 'CreateModel' cannot be read" in problem.message
    assert "Create.cshtml.cs" in problem.message and "binary" in problem.message


def test_a_page_model_found_despite_an_error_elsewhere_is_read_in_silence(tmp_path: Path) -> None:
    pages = tmp_path / "Pages"
    pages.mkdir()
    (pages / "Create.cshtml.cs").write_text(PAGE_MODEL + "public class Broken { int x = ; }\n", encoding="utf-8")
    found = _read(pages / "Create.cshtml", f"@page\n@model CreateModel\n{PAGE_FORM}")
    assert [(f.model, f.members) for f in found.forms] == [("CreateModel", (("Patient", "Patient"),))]
    assert found.problems == []


def test_a_code_behind_that_declares_another_class_stays_silent(tmp_path: Path) -> None:
    # a page model cnsnt cannot find (no file holds it) is as before: init says no table was found
    pages = tmp_path / "Pages"
    pages.mkdir()
    (pages / "Create.cshtml.cs").write_text(PAGE_MODEL.replace("CreateModel", "OtherModel"), encoding="utf-8")
    assert _read(pages / "Create.cshtml", f"@page\n@model CreateModel\n{PAGE_FORM}").problems == []


def test_a_broken_folder_file_that_holds_the_page_model_is_a_warning(tmp_path: Path) -> None:
    pages = tmp_path / "Pages"
    pages.mkdir()
    (pages / "Models.cs").write_text("namespace P {\n  public class CreateModel (\n    public Patient P { get; }\n  }\n}\n")
    (pages / "Other.cs").write_text("public class Unrelated { int x = ; }\n")
    [problem] = _read(pages / "Create.cshtml", f"@page\n@model CreateModel\n{PAGE_FORM}").problems
    assert "Models.cs:" in problem.message and "Other.cs" not in problem.message


def test_the_audit_reports_the_unreadable_model_as_cn001_with_file_line_and_column(tmp_path: Path) -> None:
    views = tmp_path / "Views"
    views.mkdir()
    (views / "Edit.cshtml").write_text(f"@model Clinic.Models.Patient<\n{FORM}", encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms: [{path: "Views/*.cshtml"}]\npurposes: {}\ndata: {}\n', encoding="utf-8"
    )
    found = [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]
    assert [(f.location.path, f.location.line, f.location.column, f.severity) for f in found] == [
        ("Views/Edit.cshtml", 1, 1, Severity.WARNING)
    ]


# VB.NET Razor views (`.vbhtml`): `@ModelType` is VB's `@model`, read the same way.

VB_FORM = """\
<form method="post">
    @Html.TextBoxFor(Function(m) m.Email, New With {.class = "form-control"})
    @Html.TextBox("Phone")
    <input asp-for="Ward" />
</form>
"""


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Clinic.Models.Patient", "Patient"), ("Global.Clinic.Models.Patient", "Patient"), ("Patient?", "Patient"),
        ("Patient ' the patient", "Patient"), ("Patient @* the patient *@", "Patient"),
        ("IEnumerable(Of Patient)", None), ("Patient()", None), ("Decimal?", None), ("integer", None),
        ("Dictionary(Of String, List(Of Patient))", None), ("(Integer, String)", None),
        ("(p As Patient, n As Nurse)", None),
    ],
)  # fmt: skip
def test_a_vb_model_type_is_read_as_vb_writes_it(written: str, name: str | None) -> None:
    assert readable_type(written, vb=True), written
    assert class_name(written, vb=True) == name, written


@pytest.mark.parametrize("written", ["IEnumerable(Of Patient", "List(Of)", "Patient<Nurse>", "Patient; Nurse"])
def test_a_vb_model_type_that_is_no_type_is_unreadable(written: str) -> None:
    assert not readable_type(written, vb=True), written


def test_a_vb_views_model_type_names_the_object_its_forms_fill(tmp_path: Path) -> None:
    text = '@ModelType Clinic.Models.Patient\n@Code\n    ViewData("Title") = "Edit"\nEnd Code\n' + VB_FORM
    found = _read(tmp_path / "Views/Patients/Edit.vbhtml", text)
    assert [f.model for f in found.forms] == ["Patient"]
    assert [x.name for x in found.forms[0].fields if x.name] == ["Email", "Phone", "Ward"]
    assert found.problems == []


def test_a_vb_views_broken_model_type_is_a_warning_and_a_list_is_silent(tmp_path: Path) -> None:
    [problem] = _read(tmp_path / "Edit.vbhtml", f"@ModelType IEnumerable(Of Patient\n{VB_FORM}").problems
    assert "@ModelType 'IEnumerable(Of Patient' is no type cnsnt can read" in problem.message
    assert problem.fix is not None and "`@ModelType App.Models.Patient`" in problem.fix
    listed = _read(tmp_path / "Index.vbhtml", f"@ModelType IEnumerable(Of Patient)\n{VB_FORM}")
    assert [f.model for f in listed.forms] == [None] and listed.problems == []
