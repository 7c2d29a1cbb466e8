"""What `cnsnt init` leaves out of the forms: byte-identical copies, generator stubs, PHP macros.

Found on jodak94/daen `c0213d8` (Laravel with AsgardCMS): `module:publish` copies each
module's Vue components into `public/modules/<module>/js/components/`, its
`Modules/Core/macros.php` defines `Form::macro(...)`, and its Workshop module keeps a
generator's `stubs/`. Only the layout follows that project; the files are written here.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new

USER_FORM = (
    "<template>\n  <form>\n    <input name=\"email\" v-model=\"user.email\">\n"
    "    <input type=\"password\" name=\"password\" v-model=\"user.password\">\n  </form>\n</template>\n"
)
TAG_INPUT = '<template>\n  <input name="tags" v-model="tags">\n</template>\n'


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def test_a_byte_identical_copy_in_the_web_root_is_left_out_and_said(tmp_path: Path) -> None:
    _write(tmp_path, "Modules/User/Assets/js/components/UserForm.vue", USER_FORM)
    _write(tmp_path, "Modules/Tag/Assets/js/components/TagInput.vue", TAG_INPUT)
    _write(tmp_path, "public/modules/user/js/components/UserForm.vue", USER_FORM)
    _write(tmp_path, "public/modules/tag/js/components/TagInput.vue", TAG_INPUT)
    # a copy that differs (published before its source changed) is a file of its own
    _write(tmp_path, "public/modules/user/js/components/UserProfile.vue", USER_FORM.replace("email", "mail"))
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == [
        "Modules/Tag/Assets/js/components/TagInput.vue",
        "Modules/User/Assets/js/components/UserForm.vue",
        "public/modules/user/js/components/UserProfile.vue",
    ]
    assert notes == [
        "left out 2 form files in public/modules/tag/js/components, public/modules/user/js/components: "
        "byte-identical copies of form files proposed from elsewhere "
        "(public/modules/tag/js/components/TagInput.vue is Modules/Tag/Assets/js/components/TagInput.vue), "
        "which would list each form twice; add them under sources: to audit them"
    ]
    text = draft_new(tmp_path).text
    assert "# left out 2 form files in public/modules/tag/js/components" in text
    assert "public/modules/user/js/components/UserForm.password" not in text
    assert "Modules/User/Assets/js/components/UserForm.password" not in text  # one form: its own name
    assert "UserForm.password" in text


def test_twins_outside_any_web_root_are_two_pages_and_a_web_root_copy_is_left_out(tmp_path: Path) -> None:
    # review22 D4: two folders' pages are two pages, however alike; only the web root's is a copy
    _write(tmp_path, "b/Signup.vue", TAG_INPUT)
    _write(tmp_path, "a/Signup.vue", TAG_INPUT)
    _write(tmp_path, "public/Signup.vue", TAG_INPUT)
    _write(tmp_path, "c/Other.vue", TAG_INPUT.replace("tags", "tage"))  # same size, no twin
    _write(tmp_path, "d/Join.vue", TAG_INPUT)  # same bytes, another page
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == ["a/Signup.vue", "b/Signup.vue", "c/Other.vue", "d/Join.vue"]
    assert notes == [
        "left out 1 form file in public: byte-identical copy of form files proposed from elsewhere "
        "(public/Signup.vue is a/Signup.vue), which would list each form twice; add them under "
        "sources: to audit them"
    ]


ADD_VIEW = """@model AddPatientViewModel
<form asp-action="Add">
  <label asp-for="Cpf"></label>
  <input asp-for="Cpf" class="form-control">
  <label asp-for="Nome"></label>
  <input asp-for="Nome" class="form-control">
  <button type="submit">Salvar</button>
</form>
"""


def test_identical_views_of_two_controllers_are_both_proposed_by_their_paths(tmp_path: Path) -> None:
    # review22 D4, SisMed's `Views/Pacientes/Adicionar.cshtml` pasted into `Views/MonitoramentoPacentes/`
    _write(tmp_path, "Views/Patients/Add.cshtml", ADD_VIEW)
    _write(tmp_path, "Views/Visits/Add.cshtml", ADD_VIEW)
    _write(tmp_path, "templates/a/x.html", '<form><input name="email"></form>\n')
    _write(tmp_path, "templates/b/x.html", '<form><input name="email"></form>\n')
    found, notes = survey(tmp_path)
    assert not [n for n in notes if "byte-identical" in n]
    forms = [f for f in found if f.kind == "forms"]
    shown = sorted(f.pattern for f in forms)
    assert len(shown) == 2 and shown[0].startswith("Views/") and shown[1].startswith("templates/")
    text = draft_new(tmp_path).text
    assert "Patients/Add.Cpf" in text and "Visits/Add.Cpf" in text
    assert "a/x.email" in text and "b/x.email" in text
    assert "byte-identical" not in text


def test_forms_of_a_generator_s_stubs_are_left_out_and_said(tmp_path: Path) -> None:
    form = '<form><input name="email"></form>\n'
    _write(tmp_path, "resources/views/auth/register.blade.php", form)
    _write(tmp_path, "Modules/Workshop/Scaffold/Module/stubs/views/create.blade.php", form + "<!-- $ENTITY$ -->\n")
    _write(tmp_path, "stubs/resources/views/login.blade.php", form.replace("email", "user"))
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found] == ["resources/views/auth/register.blade.php"]
    assert notes == [
        "left out 2 form files in Modules/Workshop/Scaffold/Module/stubs/views, stubs/resources/views: "
        "a code generator's stubs, templates of files it writes, not the product's pages "
        "(add them under sources: to audit them)"
    ]


MACROS = """<?php

use Illuminate\\Support\\HtmlString;

Form::macro('i18nInput', function ($name, $title, $lang) {
    $string = "<div class='form-group'>";
    $string .= "<input name='{$lang}[{$name}]' class='form-control' placeholder='" . $title . "'>";
    $string .= '</div>';
    return new HtmlString($string);
});
"""


def test_a_php_file_that_only_builds_controls_in_strings_is_no_form_file(tmp_path: Path) -> None:
    _write(tmp_path, "Modules/Core/macros.php", MACROS)
    _write(tmp_path, "Modules/Page/Resources/views/edit.blade.php", "{!! Form::i18nInput('title', 'Title', 'en') !!}\n")
    # a script that prints its form, and a function returning a form whose names are
    # written out (a WordPress shortcode), stay form files
    _write(tmp_path, "legacy/contact.php", "<?php\necho '<form><input name=\"email\"></form>';\n")
    _write(
        tmp_path,
        "plugin/shortcode.php",
        "<?php\nfunction join_form() {\n    return '<form><input name=\"email\"></form>';\n}\n"
        "add_shortcode('join', 'join_form');\n",
    )
    # a template with markup between its blocks
    _write(tmp_path, "views/page.php", "<?php $x = 1; ?>\n<form><input name=\"phone\"></form>\n")
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == ["legacy/contact.php", "plugin/shortcode.php", "views/page.php"]
    assert notes == [
        "left out 1 PHP file (Modules/Core/macros.php): code that builds form controls in strings "
        "from its arguments (macros, helpers) and prints nothing; their fields are read in the "
        "pages that call them"
    ]


def test_identical_pages_of_a_package_named_sample_and_another_are_both_proposed(tmp_path: Path) -> None:
    """trial39: a biobank's blueprint `app/sample/` (a Python package, the product's code)
    has the same upload page as `app/templates/donor/`: two pages, not a demo's copy."""
    upload = '<form method="post" enctype="multipart/form-data"><input type="file" name="sheet"></form>\n'
    _write(tmp_path, "app/__init__.py", "")
    _write(tmp_path, "app/sample/__init__.py", "")
    _write(tmp_path, "app/sample/templates/sample/upload.html", upload)
    _write(tmp_path, "app/templates/donor/upload.html", upload)
    found, notes = survey(tmp_path)
    assert not [n for n in notes if "byte-identical" in n]
    shown = sorted(f.pattern for f in found if f.kind == "forms")
    assert any(p.startswith("app/sample/") for p in shown) and any(p.startswith("app/templates/") for p in shown)
