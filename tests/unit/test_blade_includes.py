"""Blade partials drawn by `@include('view', [...])` are fields of the including form.

`@include('forms.campo', ['nome_campo' => 'codice_fiscale'])` with `<input
name="{{ $nome_campo }}">` in `resources/views/forms/campo.blade.php` is the field
`codice_fiscale` of the form the include sits in; the partial read alone names nothing
and warns about nothing its sites name. The first fixture is the review23 (D1)
reproduction; all templates here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import Evidence, FormField
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sources.forms.reader import read_forms

CAMPO = """\
<div class="form-group">
  <label for="{{ $nome_campo }}">{{ $etichetta }}</label>
  <input type="{{ $tipo }}" name="{{ $nome_campo }}" value="{{ old($nome_campo) }}">
</div>
"""
ISCRIZIONE = """\
<form method="POST" action="/iscrizione">
  @include('forms.campo', ['tipo'=>'text', 'etichetta'=>'Codice fiscale', 'nome_campo'=>'codice_fiscale'])
  @include('forms.campo', ['tipo'=>'date', 'etichetta'=>'Data di nascita', 'nome_campo'=>'data_nascita'])
  <input type="text" name="cognome">
</form>
"""
#: A partial as PPW writes it: the control in Blade conditionals, `old()`, `@error`, `$value ?? ''`.
INPUT_FORM = """\
<div class="form-group">
    <label for="{{$input_name}}"> {{ $label  }}  </label>
    {{-- <input name="{{$input_name}}_debug"> --}}
    @if($errors->has($input_name))
        <input type="{{$type}}" class="is-invalid" name="{{$input_name}}" id="{{$input_name}}" value="{{old($input_name)}}">
        @error($input_name) <span>{{ $message }}</span> @enderror
    @else
        <input type="{{ $type ?? 'text' }}" name="{!! $input_name !!}" id="{{$input_name}}" value="{{ $value ?? '' }}">
    @endif
</div>
"""


def _write(root: Path, name: str, text: str) -> Path:
    path = root / "resources" / "views" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _read(path: Path, root: Path) -> Evidence:
    ctx = SourceContext(base_dir=root, limits=Limits())
    spec = SourceSpec("forms", path.name, path.parent, Location("cnsnt.yaml", 1, 1))
    return read_forms(path, spec, ctx)


def _fields(ev: Evidence) -> dict[str | None, FormField]:
    return {f.name: f for f in ev.fields}


def test_review_repro_the_includes_are_fields_of_the_including_form(tmp_path: Path) -> None:
    """review23 D1: `iscrizione` has codice_fiscale, data_nascita and cognome, at the includes."""
    partial = _write(tmp_path, "forms/campo.blade.php", CAMPO)
    page = _write(tmp_path, "forms/iscrizione.blade.php", ISCRIZIONE)
    ev = _read(page, tmp_path)
    assert [(f.form, f.name) for f in ev.fields] == [
        ("iscrizione", "codice_fiscale"),
        ("iscrizione", "data_nascita"),
        ("iscrizione", "cognome"),
    ]
    fields = _fields(ev)
    cf, birth = fields["codice_fiscale"], fields["data_nascita"]
    assert (cf.location.line, cf.location.column) == (2, 3)
    assert (birth.location.line, birth.location.column) == (3, 3)
    assert cf.source == "resources/views/forms/iscrizione.blade.php"
    assert (cf.label, cf.control) == ("Codice fiscale", "text")
    assert (birth.label, birth.control) == ("Data di nascita", "date")
    assert ev.problems == []
    # the partial read alone: no field of a form `campo`, and no warning for `{{ $nome_campo }}`,
    # but a note on where its name is read (outside an audit, which templates are read is unknown)
    alone = _read(partial, tmp_path)
    assert alone.fields == []
    [note] = alone.problems
    assert note.severity is Severity.INFO and (note.location.line, note.location.column) == (3, 3)
    assert "takes its name from the templates that include it ({{ $nome_campo }})" in note.message
    assert "resources/views/forms/iscrizione.blade.php" in note.message


def test_a_computed_name_is_a_warning_at_the_site_naming_the_including_form(tmp_path: Path) -> None:
    partial = _write(tmp_path, "forms/campo.blade.php", CAMPO)
    page = _write(
        tmp_path,
        "soci/nuovo.blade.php",
        "<form id=\"socio\">\n"
        "  @include('forms.campo', ['tipo'=>'text', 'etichetta'=>'Nome', 'nome_campo'=>'nome'])\n"
        "  @include('forms.campo', ['tipo'=>'text', 'etichetta'=>'Altro', 'nome_campo'=>$campo])\n"
        "</form>\n",
    )
    ev = _read(page, tmp_path)
    assert [f.name for f in ev.fields] == ["nome", None]
    [problem] = ev.problems
    assert (problem.location.line, problem.location.column) == (3, 3)
    assert problem.severity is Severity.WARNING
    assert "drawn by the partial forms.campo" in problem.message
    assert "'nome_campo' => $campo" in problem.message
    assert problem.fix is not None and "socio.NAME" in problem.fix
    assert [p.severity for p in _read(partial, tmp_path).problems] == [Severity.INFO]


def test_a_partial_cnsnt_cannot_find_is_a_warning_at_the_include(tmp_path: Path) -> None:
    page = _write(
        tmp_path,
        "contatti.blade.php",
        "<form>\n  @include('forms.manca', ['input_name' => 'email'])\n"
        "  @include($vista, ['input_name' => 'tel'])\n</form>\n",
    )
    ev = _read(page, tmp_path)
    lines = sorted((p.location.line, p.message) for p in ev.problems)
    assert [line for line, _ in lines] == [2, 3]
    assert "cannot find the view 'forms.manca' in resources/views" in lines[0][1]
    assert "names its view in code cnsnt cannot read" in lines[1][1]
    assert all(p.severity is Severity.WARNING for p in ev.problems)


def test_outside_a_form_an_unreadable_include_is_a_note_and_package_views_are_read_from_vendor(
    tmp_path: Path,
) -> None:
    """A layout's `@include($menu)` or `@include('flash::message')` draws a form's fields seldom."""
    _write(tmp_path, "vendor/newsletter/box.blade.php", '<input type="email" name="{{ $campo }}">\n')
    page = _write(
        tmp_path,
        "layout.blade.php",
        "<nav>@include($menu)</nav>\n@include('flash::message')\n"
        "@include('newsletter::box', ['campo' => 'email'])\n",
    )
    ev = _read(page, tmp_path)
    assert [(f.form, f.name) for f in ev.fields] == [("layout", "email")]
    assert [(p.location.line, p.severity) for p in ev.problems] == [
        (1, Severity.INFO),
        (2, Severity.INFO),
    ]
    assert "a package's view" in ev.problems[1].message


def test_conditional_inputs_old_error_and_defaults_make_one_field(tmp_path: Path) -> None:
    """PPW's partial: three inputs under `@if` share `{{$input_name}}`; only `name` keys the field."""
    _write(tmp_path, "forms/input-form.blade.php", INPUT_FORM)
    page = _write(
        tmp_path,
        "soci/crea.blade.php",
        "<form method=\"post\">\n"
        "  {{-- @include('forms.input-form', ['label' => 'Vecchio', 'input_name' => 'vecchio']) --}}\n"
        "  @include('forms.input-form', ['type' => 'text', 'label' => __('Cognome'), 'input_name' => 'cognome'])\n"
        "  @includeWhen($admin, 'forms.input-form', ['label' => 'Nota', 'input_name' => 'note'])\n"
        "  @includeIf('forms.input-form', ['type' => 'email', 'label' => 'E-mail', 'input_name' => 'email'])\n"
        "  @includeFirst(['forms.custom', 'forms/input-form'], ['type' => 'tel', 'label' => 'Cellulare',"
        " 'input_name' => 'numero_cell'])\n"
        "</form>\n",
    )
    ev = _read(page, tmp_path)
    assert [(f.name, f.label, f.control) for f in ev.fields] == [
        ("cognome", "Cognome", "text"),
        ("note", "Nota", "text"),  # `{{ $type ?? 'text' }}` with no type given
        ("email", "E-mail", "email"),
        ("numero_cell", "Cellulare", "tel"),
    ]
    assert ev.problems == []


def test_nested_partials_are_fields_of_the_form_the_data_is_given_in(tmp_path: Path) -> None:
    """A page includes a section (no data) that includes the field partial with data.

    The data names the field in the section: a field of the section, counted once; the
    page adds none (the section's own fields, as a partial's literal names, are its file's).
    """
    _write(tmp_path, "forms/campo.blade.php", CAMPO)
    section = _write(
        tmp_path,
        "forms/step1.blade.php",
        "@include('forms.campo', ['tipo'=>'text', 'etichetta'=>'Nome', 'nome_campo'=>'nome'])\n"
        "<input type=\"checkbox\" name=\"privacy\"> <label>Accetto</label>\n",
    )
    page = _write(
        tmp_path,
        "boot/socio.blade.php",
        "<form id=\"registrazione\">\n  @include('forms/step1')\n</form>\n",
    )
    assert _read(page, tmp_path).fields == []
    alone = _read(section, tmp_path)
    assert [(f.form, f.name, f.location.line) for f in alone.fields] == [
        ("step1", "nome", 1),
        ("step1", "privacy", 2),
    ]
    assert alone.problems == []


def test_a_partial_that_includes_itself_is_read_once(tmp_path: Path) -> None:
    """A tree of rows (a category and its children) drawn by a partial that includes itself."""
    row = _write(
        tmp_path,
        "categories/row.blade.php",
        '<input type="checkbox" name="{{ $field }}"><button type="button">+</button>\n'
        "@foreach($children as $child) @include('categories.row', ['field' => 'ids[]']) @endforeach\n",
    )
    page = _write(
        tmp_path,
        "categories/index.blade.php",
        "<form id=\"bulk\">\n  @include('categories.row', ['field' => 'ids[]'])\n</form>\n",
    )
    ev = _read(page, tmp_path)
    assert [(f.name, f.control) for f in ev.fields] == [("ids[]", "checkbox")]
    assert ev.problems == []
    # read alone, its own include of itself draws nothing more: the button is its field
    alone = _read(row, tmp_path)
    assert [(f.name, f.control) for f in alone.fields] == [(None, "button")]
    assert [p.severity for p in alone.problems] == [Severity.INFO]  # where `{{ $field }}` is read


def test_a_partial_with_its_own_form_stays_in_its_file(tmp_path: Path) -> None:
    partial = _write(
        tmp_path,
        "partials/newsletter.blade.php",
        '<form id="newsletter"><input type="email" name="email"></form>\n',
    )
    page = _write(tmp_path, "home.blade.php", "<main>\n  @include('partials.newsletter')\n</main>\n")
    assert _read(page, tmp_path).fields == []
    assert [(f.form, f.name) for f in _read(partial, tmp_path).fields] == [("newsletter", "email")]


def test_init_proposes_the_fields_the_includes_draw(tmp_path: Path) -> None:
    _write(tmp_path, "forms/campo.blade.php", CAMPO)
    _write(tmp_path, "forms/iscrizione.blade.php", ISCRIZIONE)
    result = CliRunner().invoke(app, ["init", str(tmp_path), "-o", "-"])
    assert result.exit_code == 0, result.output
    for key in ("iscrizione.codice_fiscale", "iscrizione.data_nascita", "iscrizione.cognome"):
        assert f"- {key} " in result.output
    assert "campo." not in result.output


def _audit(root: Path, forms_glob: str) -> str:
    (root / "cnsnt.yaml").write_text(
        f'cnsnt: 1\nsources:\n  forms:\n    - {{path: "{forms_glob}"}}\n', encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["audit", str(root / "cnsnt.yaml")])
    return " ".join(result.output.split())


def test_audit_warns_at_the_partial_only_when_its_including_templates_are_not_read(
    tmp_path: Path,
) -> None:
    """Every includer read: nothing to say. The partial alone among the sources: a warning."""
    _write(tmp_path, "forms/campo.blade.php", CAMPO)
    _write(tmp_path, "forms/iscrizione.blade.php", ISCRIZIONE)
    assert "CN001" not in _audit(tmp_path, "resources/views/**/*.blade.php")
    out = _audit(tmp_path, "resources/views/forms/campo.blade.php")
    assert out.count("CN001") == 1
    assert "3:3 warning CN001 1 control of this partial takes its name" in out
    assert "1 of the 1 including templates are not read as sources" in out


def test_the_views_folder_is_never_looked_for_above_the_project(tmp_path: Path) -> None:
    """A project at `/srv/views/proj` has no views folder `/srv/views`: a template beside it is
    someone else's (code review)."""
    from cnsnt.sources.forms.blade_includes import views_root

    project = tmp_path / "views" / "proj"
    (project / "forms").mkdir(parents=True)
    partial = project / "forms" / "part.blade.php"
    partial.write_text('<input name="{{ $n }}">\n', encoding="utf-8")
    assert views_root(partial, project) is None
    assert views_root(partial) == (tmp_path / "views").resolve()  # no project given: as before
    (project / "resources" / "views").mkdir(parents=True)
    assert views_root(partial, project) == (project / "resources" / "views").resolve()


def test_a_wrapper_partial_passing_a_name_on_is_no_silent_skip(tmp_path: Path) -> None:
    """`page -> forms.group(['name' => 'email']) -> forms.input(['input_name' => $name])`: a name
    passed on as code is a warning at the page's include (code review: it was dropped); a
    literal one two partials deep is the field of the partial that names it, read there."""
    views = tmp_path / "resources" / "views"
    (views / "forms").mkdir(parents=True)
    (views / "page.blade.php").write_text(
        "<form>\n@include('forms.group', ['name' => 'email'])\n@include('forms.city')\n</form>\n", encoding="utf-8"
    )
    (views / "forms" / "group.blade.php").write_text(
        "<div>\n@include('forms.input', ['input_name' => $name])\n</div>\n", encoding="utf-8"
    )
    (views / "forms" / "city.blade.php").write_text(
        "<div>\n@include('forms.input', ['input_name' => 'city'])\n</div>\n", encoding="utf-8"
    )
    (views / "forms" / "input.blade.php").write_text('<input name="{{ $input_name }}">\n', encoding="utf-8")
    ctx = SourceContext(base_dir=tmp_path, limits=Limits())
    spec = SourceSpec("forms", "page.blade.php", views, Location("cnsnt.yaml", 1, 1))
    ev = read_forms(views / "page.blade.php", spec, ctx)
    assert "city" not in {f.name for f in ev.fields}  # forms/city.blade.php's own field
    city = read_forms(views / "forms" / "city.blade.php",
                      SourceSpec("forms", "city.blade.php", views / "forms", Location("cnsnt.yaml", 1, 1)), ctx)
    assert [f.name for f in city.fields] == ["city"]
    warned = [p for p in ev.problems if p.severity is Severity.WARNING and "forms.input" in p.message]
    assert warned and warned[0].location.line == 2
