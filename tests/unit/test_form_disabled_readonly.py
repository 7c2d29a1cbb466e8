"""`disabled` and `readonly` controls (review22 D7): one sends nothing, the other sends what the page filled in.

Found on treinaweb's SisMed (ASP.NET Core MVC, `7ad21c2`): its delete-confirmation views
show the stored record in `readonly` inputs, and were proposed as collecting CPF, name
and vital signs "filled in by a person". The markup here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import explain_column
from cnsnt.evidence import FieldRole, FormField
from cnsnt.starter.run import draft_new
from tests.conftest import read_form

DELETE_PAGE = """<form method="post" action="/pacientes/excluir">
  <label for="cpf">CPF</label>
  <input id="cpf" name="cpf" value="123.456.789-00" readonly>
  <label for="nome">Nome</label>
  <input id="nome" name="nome" value="Maria" disabled>
  <input name="observacao" readonly="readonly">
  <input type="checkbox" name="arquivar" readonly>
  <input id="motivoExtra" disabled>
  <fieldset disabled>
    <legend><input name="legenda"></legend>
    <input name="telefone">
  </fieldset>
  <input type="hidden" name="id" value="42">
  <button type="submit">Excluir</button>
</form>
"""


def _fields(tmp_path: Path, name: str, text: str) -> dict[str | None, FormField]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ev = read_form(path)
    return {f.name: f for form in ev.forms for f in form.fields}


def test_a_disabled_control_is_no_collected_field_and_a_readonly_one_is_marked(tmp_path: Path) -> None:
    fields = _fields(tmp_path, "excluir.html", DELETE_PAGE)
    assert fields["nome"].role is FieldRole.DISABLED
    assert fields["telefone"].role is FieldRole.DISABLED  # in a disabled fieldset
    assert fields["legenda"].role is FieldRole.INPUT  # its legend is not disabled
    assert fields["cpf"].role is FieldRole.INPUT and fields["cpf"].readonly
    assert fields["observacao"].readonly
    assert not fields["arquivar"].readonly  # a browser lets a person tick a "readonly" box
    assert not fields["legenda"].readonly


def test_a_nameless_disabled_control_gets_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "excluir.html"
    path.write_text(DELETE_PAGE, encoding="utf-8")
    assert not [p for p in read_form(path).problems if "motivoExtra" in p.message]


def test_a_nameless_readonly_control_is_output_a_note_not_a_warning(tmp_path: Path) -> None:
    """`<textarea id="email" readonly>` shows the user a value; a browser sends none of it (review24 D12)."""
    from cnsnt.model import Severity

    path = tmp_path / "perfil.html"
    path.write_text(
        '<form method="post" action="/p">\n<input name="nombre">\n'
        '<textarea id="email" readonly>{{ email }}</textarea>\n<input id="telefono">\n</form>\n',
        encoding="utf-8",
    )
    problems = {p.location.line: p for p in read_form(path).problems}
    assert problems[3].severity is Severity.INFO and "read-only" in problems[3].message
    assert "nothing to do" in (problems[3].fix or "")
    assert problems[4].severity is Severity.WARNING  # a nameless control a person types in


def test_disabled_or_readonly_a_template_may_leave_out_keeps_the_field(tmp_path: Path) -> None:
    fields = _fields(
        tmp_path,
        "edit.html",
        '<form>\n  <input name="email" {% if locked %}disabled{% endif %}>\n'
        '  <input name="phone" {% if locked %}readonly{% endif %}>\n</form>\n',
    )
    assert fields["email"].role is FieldRole.INPUT
    assert not fields["phone"].readonly


def test_razor_asp_for_with_readonly_and_disabled(tmp_path: Path) -> None:
    fields = _fields(
        tmp_path,
        "Excluir.cshtml",
        "@model PacienteViewModel\n<form asp-action=\"Excluir\">\n"
        '  <input asp-for="Cpf" class="form-control" readonly>\n'
        '  <input asp-for="Nome" class="form-control" disabled="disabled">\n'
        '  <input asp-for="Email" class="form-control" disabled="@Model.Locked">\n'
        "</form>\n",
    )
    assert fields["Cpf"].readonly and fields["Cpf"].role is FieldRole.INPUT
    assert fields["Nome"].role is FieldRole.DISABLED
    assert fields["Email"].role is FieldRole.INPUT  # the model decides


def test_init_leaves_a_disabled_field_out_and_says_read_only_not_filled_in(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "excluir.html").write_text(DELETE_PAGE, encoding="utf-8")
    text = draft_new(tmp_path).text
    assert "excluir.nome" not in text and "excluir.telefone" not in text
    assert "excluir.cpf" in text
    cpf = next(line for line in text.splitlines() if "- excluir.cpf" in line)
    assert "shown read-only: sent back as the page filled it in" in cpf
    observacao = next(line for line in text.splitlines() if "- excluir.observacao" in line)
    assert "filled in by a person" not in observacao and "shown read-only" in observacao


def test_explain_column_says_a_disabled_control_is_not_collected(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "excluir.html").write_text(DELETE_PAGE, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "templates/*.html"}\n', encoding="utf-8"
    )
    said = "\n".join(explain_column("excluir.nome", policy=tmp_path / "cnsnt.yaml"))
    assert "a disabled control, which a browser never submits" in said
    said = "\n".join(explain_column("excluir.observacao", policy=tmp_path / "cnsnt.yaml"))
    assert "shown read-only" in said and "filled in by a person" not in said


DELETE_COMPONENT = """export function DeletePatient({ patient, busy }) {
  const locked = true;
  return (
    <form id="excluir">
      <input name="cpf" defaultValue={patient.cpf} readOnly />
      <input name="nome" defaultValue={patient.nome} disabled />
      <input name="rg" disabled={true} />
      <input name="cns" disabled="disabled" />
      <input name="sus" disabled={locked} />
      <input name="email" disabled={busy} />
      <input name="telefone" disabled={false} />
      <input name="observacao" readOnly={true} />
      <textarea name="historico" readOnly={busy} />
      <input type="checkbox" name="arquivar" readOnly />
      <input id="motivoExtra" disabled />
      <fieldset disabled>
        <legend><input name="legenda" /></legend>
        <input name="endereco" />
      </fieldset>
      <FormControl isDisabled>
        <Input name="cidade" />
      </FormControl>
      <button type="submit">Excluir</button>
    </form>
  );
}
"""


def test_jsx_disabled_and_readonly_behave_as_in_html(tmp_path: Path) -> None:
    fields = _fields(tmp_path, "ExcluirPaciente.jsx", DELETE_COMPONENT)
    disabled = {n for n, f in fields.items() if f.role is FieldRole.DISABLED}
    assert disabled == {"nome", "rg", "cns", "sus", "endereco", "cidade"}
    for name in ("email", "telefone", "legenda"):  # `disabled={busy}` may be off; a legend is not
        assert fields[name].role is FieldRole.INPUT
    assert fields["cpf"].readonly and fields["observacao"].readonly
    assert fields["cpf"].role is FieldRole.INPUT
    assert not fields["historico"].readonly  # `readOnly={busy}`: the component decides
    assert not fields["arquivar"].readonly  # a browser lets a person tick a "readonly" box


def test_a_nameless_disabled_jsx_control_gets_no_warning(tmp_path: Path) -> None:
    path = tmp_path / "ExcluirPaciente.jsx"
    path.write_text(DELETE_COMPONENT, encoding="utf-8")
    ev = read_form(path)
    [extra] = [f for form in ev.forms for f in form.fields if f.control_id == "motivoExtra"]
    assert extra.role is FieldRole.DISABLED
    assert not [p for p in ev.problems if "motivoExtra" in p.message]


def test_razor_html_helpers_with_readonly_and_disabled_attributes(tmp_path: Path) -> None:
    fields = _fields(
        tmp_path,
        "Excluir.cshtml",
        "@model PacienteViewModel\n<form asp-action=\"Excluir\">\n"
        '  @Html.TextBoxFor(m => m.Cpf, new { @class = "form-control", @readonly = "readonly" })\n'
        '  @Html.TextBoxFor(m => m.Nome, new { disabled = "disabled" })\n'
        '  @Html.TextBox("Rg", Model.Rg, new { @class = "x", @readonly = true })\n'
        "  @Html.EditorFor(m => m.Cns, new { htmlAttributes = new { @class = \"c\", disabled = \"disabled\" } })\n"
        "  @Html.TextBoxFor(m => m.Email, new { disabled = Model.Locked })\n"
        "  @Html.TextBoxFor(m => m.Telefone, new { @readonly = false })\n"
        '  @Html.CheckBoxFor(m => m.Arquivar, new { @readonly = "readonly" })\n'
        "</form>\n",
    )
    assert fields["Cpf"].readonly and fields["Cpf"].role is FieldRole.INPUT
    assert fields["Rg"].readonly
    assert fields["Nome"].role is FieldRole.DISABLED and fields["Cns"].role is FieldRole.DISABLED
    assert fields["Email"].role is FieldRole.INPUT  # the model decides
    assert not fields["Telefone"].readonly
    assert not fields["Arquivar"].readonly  # a browser lets a person tick a "readonly" box


def test_rails_helpers_with_readonly_and_disabled_options(tmp_path: Path) -> None:
    fields = _fields(
        tmp_path,
        "excluir.html.erb",
        "<%= form_with model: @paciente do |f| %>\n"
        "  <%= f.text_field :cpf, readonly: true %>\n"
        "  <%= f.text_field :nome, disabled: true %>\n"
        '  <%= f.input :rg, input_html: { readonly: "readonly" } %>\n'
        "  <%= f.email_field :email, disabled: !@paciente.editavel? %>\n"
        "  <%= f.text_field :telefone, readonly: false %>\n"
        "<% end %>\n",
    )
    assert fields["cpf"].readonly and fields["cpf"].role is FieldRole.INPUT
    assert fields["rg"].readonly
    assert fields["nome"].role is FieldRole.DISABLED
    assert fields["email"].role is FieldRole.INPUT  # code decides
    assert not fields["telefone"].readonly


def test_blade_helpers_with_readonly_and_disabled_options(tmp_path: Path) -> None:
    fields = _fields(
        tmp_path,
        "excluir.blade.php",
        "<form method=\"post\">\n"
        "  {!! Form::text('cpf', $paciente->cpf, ['class' => 'form-control', 'readonly']) !!}\n"
        "  {!! Form::text('nome', null, ['disabled' => 'disabled']) !!}\n"
        "  {{ html()->text('rg')->readonly() }}\n"
        "  {!! Form::email('email', null, ['disabled' => $locked]) !!}\n"
        "  {{ html()->text('telefone')->disabled(false) }}\n"
        "</form>\n",
    )
    assert fields["cpf"].readonly and fields["cpf"].role is FieldRole.INPUT
    assert fields["rg"].readonly
    assert fields["nome"].role is FieldRole.DISABLED
    assert fields["email"].role is FieldRole.INPUT  # code decides
    assert fields["telefone"].role is FieldRole.INPUT


#: A guest form whose house number and postcode start disabled, and whose script enables
#: them once a street is typed (the shape of a B&B app's guest register; ours).
GUEST_FORM = """\
import React from "react";
import $ from "jquery";

export default function GuestDetails() {
  function streetTyped(event) {
    if (event.target.value !== "") {
      $(".address input").not("#street").removeAttr("disabled");
      document.getElementById("postcode").removeAttribute("disabled");
    }
  }
  return (
    <form id="form">
      <input name="surname" />
      <input name="street" id="street" onBlur={streetTyped} />
      <input name="house_number" disabled />
      <input name="postcode" id="postcode" type="tel" disabled />
    </form>
  );
}
"""


def test_a_disabled_jsx_control_the_files_script_enables_is_collected(tmp_path: Path) -> None:
    """`removeAttribute("disabled")` in the file: its disabled controls are collected (trial38).

    Before, the guest's house number and postcode were no collected fields, left out of
    the starter and of the audit, though the page's own script enables them for every
    guest who types a street.
    """
    fields = _fields(tmp_path, "GuestDetails.jsx", GUEST_FORM)
    assert fields["house_number"].role is FieldRole.INPUT
    assert fields["postcode"].role is FieldRole.INPUT
    for call in ('.prop("disabled", false);', ".disabled = false;"):
        text = GUEST_FORM.replace('.removeAttr("disabled");', call).replace(
            'document.getElementById("postcode").removeAttribute("disabled");', ""
        )
        fields = _fields(tmp_path, "GuestDetails.jsx", text)
        assert fields["house_number"].role is FieldRole.INPUT, call
    # a script that disables, and never enables, leaves them disabled
    text = GUEST_FORM.replace('removeAttr("disabled")', 'attr("disabled", "disabled")').replace(
        'removeAttribute("disabled")', 'setAttribute("disabled", "")'
    )
    fields = _fields(tmp_path, "GuestDetails.jsx", text)
    assert fields["house_number"].role is FieldRole.DISABLED
    assert fields["postcode"].role is FieldRole.DISABLED


#: Two components in one file: the payment form's script enables its IBAN, the archive
#: form shows a masked legacy number that nothing enables (ours).
TWO_COMPONENTS = """\
import React from "react";

export function PaymentForm() {
  return (
    <form id="payment">
      <input name="iban" id="iban" disabled />
      <button type="button" onClick={() => document.getElementById("iban").removeAttribute("disabled")}>
        Change
      </button>
    </form>
  );
}

export function ArchivedMember() {
  return (
    <form id="archive">
      <input name="legacy_tax_number" value="***" disabled />
    </form>
  );
}
"""


def test_a_component_enabling_its_own_control_does_not_enable_another_components(tmp_path: Path) -> None:
    """codereview38c: the enabling call is the payment component's; the archive's control,
    which no code enables, stays disabled (docs/forms.md says "a React component whose own
    code enables controls"). A helper outside every component still enables the file's."""
    fields = _fields(tmp_path, "Members.jsx", TWO_COMPONENTS)
    assert fields["iban"].role is FieldRole.INPUT
    assert fields["legacy_tax_number"].role is FieldRole.DISABLED
    helper = TWO_COMPONENTS.replace(
        '() => document.getElementById("iban").removeAttribute("disabled")', "unlock"
    ) + '\nfunction unlock() {\n  document.querySelectorAll("input").forEach((el) => el.removeAttribute("disabled"));\n}\n'
    fields = _fields(tmp_path, "Members.jsx", helper)
    assert fields["iban"].role is FieldRole.INPUT
    assert fields["legacy_tax_number"].role is FieldRole.INPUT
