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


def test_of_copies_outside_any_web_root_the_first_in_path_order_is_kept(tmp_path: Path) -> None:
    _write(tmp_path, "b/signup.html", '<form><input name="email"></form>\n')
    _write(tmp_path, "a/signup.html", '<form><input name="email"></form>\n')
    _write(tmp_path, "dist/signup.html", '<form><input name="email"></form>\n')
    _write(tmp_path, "c/other.html", '<form><input name="phone"></form>\n')  # same size, no twin
    _write(tmp_path, "d/join.html", '<form><input name="email"></form>\n')  # same bytes, another page
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found) == ["a/signup.html", "c/other.html", "d/join.html"]
    assert len(notes) == 1 and notes[0].startswith("left out 1 form file in b: byte-identical copy of ")


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
