"""A Smarty project's own control functions (`{input type="email" name="email"}`) are fields.

paheko draws its controls with a Smarty function of its own, `{input type=... name=...
label=... required=true}` (review27 D4): cnsnt read none of them and said nothing. The
templates here are written for these tests, in the shape of such a project's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.model import Severity
from cnsnt.sources.forms.smarty_calls import function_control, read_call
from tests.conftest import read_form
from tests.hostile.growth import assert_linear


def write(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def only_form(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields}


MEMBER = """<form method="post" action="" id="member">
  {input type="email" name="email" label="Adresse e-mail" required=true}
  {input type="date" name="date_naissance" label="Date de naissance"}
  <input type="text" name="telephone" />
</form>
"""


def test_a_project_function_named_input_is_read_as_a_control_with_one_note(tmp_path):
    ev = write(tmp_path, "templates/member.tpl", MEMBER)
    form = only_form(ev)
    assert form.name == "member"  # the `<form>` around the calls
    email, born, phone = form.fields
    assert (email.name, email.control, email.label, email.required) == ("email", "email", "Adresse e-mail", True)
    assert (email.location.line, email.location.column) == (2, 3)
    assert (born.name, born.control, born.label, born.required) == ("date_naissance", "date", "Date de naissance", False)
    assert born.raw == '{input type="date" name="date_naissance" label="Date de naissance"}'
    assert phone.name == "telephone"
    # one note for the file, at the first call: the function was read by its name, a guess
    (note,) = ev.problems
    assert note.severity is Severity.INFO
    assert (note.location.line, note.location.column) == (2, 3)
    assert note.message.startswith("{input} is no Smarty function cnsnt knows")
    assert "2 calls in this file are read as form controls" in note.message
    assert "(a guess)" in note.message
    assert "smarty_function_input" in (note.fix or "")


def test_a_name_built_at_run_time_is_a_warning_at_its_line_and_column(tmp_path):
    ev = write(
        tmp_path,
        "lines.tpl",
        "<form id=\"lines\">\n"
        "{foreach from=$fields item=field}\n"
        "  {input type=\"text\" name=$field.name label=$field.label}\n"
        "{/foreach}\n"
        "  {input type=\"checkbox\" name=\"t[%d][import]\"|args:$i value=1}\n"
        '  {input type="text" name="line_$i"}\n'
        '  {input type="text" name="nom" label="Nom"}\n'
        "</form>\n",
    )
    form = only_form(ev)
    assert [f.name for f in form.fields] == [None, None, None, "nom"]
    warnings = [p for p in ev.problems if p.severity is Severity.WARNING]
    assert [(p.location.line, p.location.column) for p in warnings] == [(3, 3), (5, 3), (6, 3)]
    assert "field at 3:3 is drawn by {input} with a name cnsnt cannot read (name=$field.name)" in (
        warnings[0].message
    )
    assert '(name="t[%d][import]"|args:$i)' in warnings[1].message
    assert '(name="line_$i")' in warnings[2].message
    notes = [p for p in ev.problems if p.severity is Severity.INFO]
    assert len(notes) == 1 and "4 calls in this file" in notes[0].message


# ------------------------------------------- bare words (codereview25 F6)


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "Non"])
def test_a_bare_word_names_a_field_as_written(tmp_path, word):
    """`name=no` is the string `no` (Smarty 3 and 4), never the boolean `false`."""
    ev = write(tmp_path, "signup.tpl", f'<form method="post">{{input type="text" name={word} label="Nom"}}</form>')
    (fld,) = only_form(ev).fields
    assert (fld.name, fld.label) == (word, "Nom")
    assert not [p for p in ev.problems if p.severity is Severity.WARNING]


def test_bare_words_are_themselves_in_type_label_and_value(tmp_path):
    ev = write(
        tmp_path,
        "prefs.tpl",
        '<form id="prefs">\n'
        "{input type=text name=country label=yes value=no}\n"
        "{input type=checkbox name=notify value=off}\n"
        "</form>\n",
    )
    fields = by_name(only_form(ev))
    assert (fields["country"].control, fields["country"].label, fields["country"].default) == ("text", "yes", "no")
    assert fields["notify"].control == "checkbox" and not fields["notify"].checked


@pytest.mark.parametrize("word", ["null", "true", "FALSE"])
def test_a_bare_php_constant_is_no_field_name(tmp_path, word):
    """`true`, `false` and `null` are PHP's constants in every Smarty: a boolean names no field."""
    ev = write(tmp_path, "signup.tpl", f'<form method="post">{{input type="text" name={word} label="Nom"}}</form>')
    (fld,) = only_form(ev).fields
    assert fld.name is None
    (warning,) = [p for p in ev.problems if p.severity is Severity.WARNING]
    assert f"with a name cnsnt cannot read (name={word})" in warning.message


@pytest.mark.parametrize(
    ("written", "required", "checked", "role", "readonly"),
    [
        ("required=yes checked=on", True, True, FieldRole.CONSENT, False),
        ("required=no checked=off", False, False, FieldRole.CONSENT, False),
        ("required=On checked=NO readonly=yes", True, False, FieldRole.CONSENT, False),  # a box is never read-only
        ("default=yes", False, True, FieldRole.CONSENT, False),  # no value=: a true default ticks it
        ("default=off", False, False, FieldRole.CONSENT, False),
        ("value=no default=no", False, True, FieldRole.CONSENT, False),  # default equal to value: ticked
        ("disabled=on", False, False, FieldRole.DISABLED, False),
        ("disabled=off", False, False, FieldRole.CONSENT, False),
    ],
)
def test_a_bare_word_is_a_boolean_where_one_is_meant(tmp_path, written, required, checked, role, readonly):
    ev = write(tmp_path, "prefs.tpl", f'<form id="prefs">{{input type="checkbox" name="newsletter" {written}}}</form>')
    (fld,) = only_form(ev).fields
    assert (fld.required, fld.checked, fld.role, fld.readonly) == (required, checked, role, readonly)


@pytest.mark.parametrize(("written", "readonly"), [("readonly=yes", True), ("readonly=off", False)])
def test_a_bare_readonly_word_is_a_boolean(tmp_path, written, readonly):
    ev = write(tmp_path, "me.tpl", f'<form id="me">{{input type="text" name="nom" {written}}}</form>')
    (fld,) = only_form(ev).fields
    assert fld.readonly is readonly


def test_init_names_the_field_as_written(tmp_path):
    """The review's repro: `cnsnt.yaml` got `signup.false`, a name nowhere in the template."""
    from cnsnt.starter.run import draft_new

    write(tmp_path, "signup.tpl", '<form method="post">{input type="text" name=no label="Nom"}</form>\n')
    text = draft_new(tmp_path).text
    assert "- signup.no " in text
    assert "signup.false" not in text


def test_functions_named_like_other_controls_and_one_note_for_them_all(tmp_path):
    ev = write(
        tmp_path,
        "profile.tpl",
        '<form id="profile">\n'
        '{textarea name="bio" label="About you"}\n'
        '{select name="country" options=$countries label="Country"}\n'
        '{cms_textarea name="notes"}\n'
        '{email_input name="contact"}\n'
        '{input type="radio-btn" name="plan" value="pro" label="Pro"}\n'
        '{input type="hidden" name="token" default=$token}\n'
        '{input type="text" name="locked" disabled=true}\n'
        "</form>\n",
    )
    fields = by_name(only_form(ev))
    assert {n: f.control for n, f in fields.items()} == {
        "bio": "textarea", "country": "select", "notes": "textarea", "contact": "email",
        "plan": "radio", "token": "hidden", "locked": "text",
    }  # fmt: skip
    assert fields["token"].role is FieldRole.TECHNICAL
    assert fields["locked"].role is FieldRole.DISABLED
    (note,) = ev.problems
    assert note.message.startswith(
        "{textarea}, {select}, {cms_textarea}, {email_input}, {input} are no Smarty functions cnsnt knows"
    )
    assert (note.location.line, note.location.column) == (2, 1)


def test_functions_that_draw_no_field(tmp_path):
    ev = write(
        tmp_path,
        "page.tpl",
        '<form id="page">\n'
        "{url entity='module' name='newsletter' controller='verify'}\n"  # PrestaShop: a link
        '{button type="submit" name="save" label="Save"}\n'
        '{input_label name="email"}\n'
        "{csrf_field key=$key}\n"
        '{input type="text"}\n'  # no name: nothing shows what it submits
        '{linkbutton href="x.php" label="Back"}\n'
        '<input name="q">\n'
        "</form>\n",
    )
    assert [f.name for f in only_form(ev).fields] == ["q"]
    assert not ev.problems


@pytest.mark.parametrize(
    ("written", "ticked", "conditionally", "role"),
    [
        ('name="newsletter" value="1" default="1"', True, False, FieldRole.CONSENT),
        ('name="newsletter" value=1 default=true', True, False, FieldRole.CONSENT),
        ('name="newsletter" checked=true', True, False, FieldRole.CONSENT),
        ('name="newsletter" checked="checked"', True, False, FieldRole.CONSENT),
        ('name="newsletter" default=1', True, False, FieldRole.CONSENT),  # no value=: a true default
        ('name="newsletter" value="1" default="0"', False, False, FieldRole.CONSENT),
        ('name="newsletter" value="1" checked=false', False, False, FieldRole.CONSENT),
        ('name="newsletter" value="1"', False, False, FieldRole.CONSENT),
        ('name="newsletter" value="1" default=$user.newsletter', True, True, FieldRole.CONSENT),
        ('name="newsletter" value="1" source=$user', False, False, FieldRole.CONSENT),  # its own saved answer
        ('name="reminders" value="1" default="1" label="Send me the newsletter"', True, False, FieldRole.CONSENT),
        ('name="archive" value="1" default="1" label="Archive it"', True, False, FieldRole.INPUT),
    ],
)
def test_a_checkbox_ticked_by_its_arguments(tmp_path, written, ticked, conditionally, role):
    ev = write(tmp_path, "prefs.tpl", f'<form id="prefs">{{input type="checkbox" {written}}}</form>')
    (fld,) = only_form(ev).fields
    assert (fld.control, fld.checked, fld.checked_conditionally, fld.role) == ("checkbox", ticked, conditionally, role)


def test_a_radio_valued_no_ticked_gives_no_consent(tmp_path):
    ev = write(
        tmp_path,
        "prefs.tpl",
        '<form id="prefs">\n'
        '{input type="radio" name="newsletter" value="1" label="Yes"}\n'
        '{input type="radio" name="newsletter" value="0" default="0" label="No"}\n'
        "</form>",
    )
    (fld,) = only_form(ev).fields
    assert fld.control == "radio" and fld.role is FieldRole.CONSENT and not fld.checked


def test_a_pre_ticked_consent_function_is_cn203_in_the_audit(tmp_path):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  forms: [{path: templates/signup.tpl}]\n", encoding="utf-8"
    )
    write(
        tmp_path,
        "templates/signup.tpl",
        '<form id="signup">\n'
        '  {input type="email" name="email" label="E-mail" required=true}\n'
        '  {input type="checkbox" name="newsletter" value="1" default="1" label="Je veux la newsletter"}\n'
        "</form>\n",
    )
    found = [f for f in audit_path(tmp_path).findings if f.rule == "CN203"]
    assert [(f.location.line, f.location.column, f.severity) for f in found] == [(3, 3, Severity.ERROR)]
    assert "signup.newsletter" in found[0].message


def test_init_proposes_a_template_whose_controls_only_functions_draw(tmp_path):
    from cnsnt.starter.discover import _kind_of, _walk

    write(tmp_path, "templates/me/security.tpl", '{input type="password" name="password_check" label="Mot de passe"}\n')
    write(tmp_path, "templates/me/menu.tpl", '{linkbutton href="x.php" label="Back"}\n{url entity="x" name="y"}\n')
    write(tmp_path, "templates/prefs.tpl", "{html_options name=theme options=$themes}\n")
    write(tmp_path, "templates/list.html", "{if $x}{input name=\"q\"}{/if}\n")  # Smarty by its `{/if}`
    write(tmp_path, "templates/page.html", '{{ input name="q" }}\n')  # no Smarty
    kinds = {p.relative_to(tmp_path).as_posix(): _kind_of(p, tmp_path) for p in _walk(tmp_path)[0]}
    assert sorted(p for p, kind in kinds.items() if kind and kind[0] == "forms") == [
        "templates/list.html", "templates/me/security.tpl", "templates/prefs.tpl",
    ]  # fmt: skip


# ---------------------------------------------------------------- reading a tag


def test_a_tag_is_read_with_its_quotes_variables_and_modifiers():
    call = read_call(
        "{input type='text' name=\"f_$i\" label=\"Nom `$x`\" required default=$a + 1 "
        "x=\"a\"|cat:'b':\"c }\" y=[1, 'a b'] z=foo($x, \"}\") w=-3 v=Account::ASSET "
        'p="{translate \'x\'}" data-id=$row->id() b=no q=\'it\\\'s\'}'
    )
    assert call is not None and call.name == "input" and call.unread == ()
    values = {k: a.value for k, a in call.arguments.items()}
    assert values == {
        "type": "text", "name": None, "label": None, "required": "true", "default": None,
        "x": None, "y": None, "z": None, "w": "-3", "v": None, "p": None, "data-id": None,
        "b": "no", "q": "it's",
    }  # fmt: skip
    # a bare word is the word itself; where a boolean is meant, `flag` reads it (codereview25 F6)
    assert call.arguments["b"].bare and call.arguments["b"].flag == "false"
    assert not call.arguments["q"].bare and call.arguments["q"].flag == "it's"
    codes = {k: a.code for k, a in call.arguments.items()}
    assert codes["default"] == "$a + 1" and codes["x"] == "\"a\"|cat:'b':\"c }\""
    assert codes["z"] == 'foo($x, "}")' and codes["data-id"] == "$row->id()"


@pytest.mark.parametrize("code", ["{$x}", "{/if}", "{* c *}", "{foo.bar x=1}", "{f(x)}", "{ input name=x}"])
def test_what_is_no_function_tag(code):
    assert read_call(code) is None


@pytest.mark.parametrize(
    ("name", "control"),
    [
        ("input", ("text", False)), ("textarea", ("textarea", True)), ("select", ("select", True)),
        ("checkbox", ("checkbox", True)), ("radio", ("radio", True)), ("cms_textarea", ("textarea", True)),
        ("email_input", ("email", False)), ("textInput", ("text", False)), ("check_box", ("checkbox", True)),
        ("date_picker", ("date", False)),
        ("url", None), ("date", None), ("file", None), ("input_label", None), ("input_errors", None),
        ("button", None), ("csrf_field", None), ("user_field", None), ("linkbutton", None),
        ("html_options", None), ("exportmenu", None),
    ],
)  # fmt: skip
def test_which_function_names_draw_a_control(name, control):
    assert function_control(name) == control


def test_reading_function_tags_grows_linearly(tmp_path):
    unit = '{input type="checkbox" name="t[%d]"|args:$i:"a b" value=[1,(2)] default=$x + 1 label="L"}\n'

    def make(n: int) -> Path:
        path = tmp_path / f"grow{n}.tpl"
        path.write_text('<form id="f">' + unit * n + "</form>", encoding="utf-8")
        return path

    assert_linear(read_form, make, 200)


def test_a_smarty_html_function_named_through_a_modifier_is_a_warning(tmp_path):
    ev = write(
        tmp_path,
        "theme.tpl",
        '<form id="theme">\n{html_options name=theme options=$themes}\n'
        '{html_options name="pick"|cat:$i options=$o}\n</form>\n',
    )
    theme, picked = only_form(ev).fields
    assert (theme.name, theme.control) == ("theme", "select")
    assert picked.name is None  # before, read as a field named `pick`
    (warning,) = ev.problems
    assert warning.severity is Severity.WARNING and (warning.location.line, warning.location.column) == (3, 1)
