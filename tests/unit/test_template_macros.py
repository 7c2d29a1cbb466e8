"""Fields drawn by Twig / Jinja macros are read through the call's literal arguments.

`{{ form.input('login', 'Login') }}` with `{% macro input(name, label) %}<input
name="{{ name }}">` is the field `login`, labelled `Login`; a call whose name is not a
literal stays a warning at the call. All templates here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, FieldRole, FormField
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sources.forms import macros
from cnsnt.sources.forms.reader import read_forms

FIELDS = """\
{% macro input(name, label, value = null, options = []) %}
  <div class="row {{ options.classGroup }}">
    <label for="{{ name }}">{{ label }}{% if options.require == 1 %} *{% endif %}</label>
    <input type="{{ options.type ?: 'text' }}" id="{{ name }}" name="{{ name }}"
      value="{{ value }}" {% if options.require == 1 %}required{% endif %}>
  </div>
{% endmacro input %}
{% macro check(name, label, value) %}
  <input type="hidden" name="{{ name }}" value="0">
  <input type="checkbox" id="{{ name }}" name="{{ name }}" value="1"
    {% if value == 1 %}checked{% endif %}>
  <label for="{{ name }}">{{ label }}</label>
{% endmacro %}
{% macro field(v) %}
  {% if v.input.type in ['checkbox', 'switch'] %}
    <input type="checkbox" {% if v.input.name %}name="{{ v.input.name }}"{% endif %}>
  {% elseif v.input.type == 'submit' %}
    <input type="submit" value="{{ v.input.value }}">
  {% else %}
    {% if v.label.label != '' %}<label for="{{ v.input.id }}">{{ v.label.label|e }}</label>{% endif %}
    <input type="{{ v.input.type }}" {% if v.input.id %}id="{{ v.input.id }}"{% endif %}
      {% if v.input.name %}name="{{ v.input.name }}"{% endif %}>
  {% endif %}
{% endmacro %}
{% macro badge(status) %}<span class="badge">{{ status }}</span>{% endmacro %}
"""


def _read(path: Path, root: Path | None = None, **limits: object) -> Evidence:
    base = root or path.parent
    ctx = SourceContext(base_dir=base, limits=Limits(**limits))  # type: ignore[arg-type]
    spec = SourceSpec("forms", path.name, path.parent, Location("cnsnt.yaml", 1, 1))
    return read_forms(path, spec, ctx)


def _fields(ev: Evidence) -> dict[str | None, FormField]:
    return {f.name: f for f in ev.fields}


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_imported_macro_with_literal_name_is_the_field(tmp_path: Path) -> None:
    """The call's literal name, label and options give the field; a variable name is a warning."""
    _write(tmp_path / "tpl" / "fields.twig", FIELDS)
    page = _write(
        tmp_path / "tpl" / "account.twig",
        "{% import 'fields.twig' as form %}\n"
        '<form id="account" method="post">\n'
        "  {{ form.input('login', 'Login', user.login) }}\n"
        "  {{ form.input('email', 'E-mail address', user.email, {type: 'email', require: 1}) }}\n"
        "  {{ form.input(field_name, 'Anything') }}\n"
        "  {{ form.check('newsletter', 'Send me the newsletter', 0) }}\n"
        "  {{ form.badge('active') }}\n"
        "</form>\n",
    )
    ev = _read(page)
    fields = _fields(ev)
    assert set(fields) == {"login", "email", "newsletter", None}
    assert (fields["login"].label, fields["login"].control, fields["login"].required) == (
        "Login",
        "text",
        False,
    )
    email = fields["email"]
    assert (email.label, email.control, email.required) == ("E-mail address *", "email", True)
    assert (email.form, email.location.line, email.location.column) == ("account", 4, 3)
    letter = fields["newsletter"]  # the hidden twin and the checkbox are one field
    assert letter.control == "checkbox" and letter.role is FieldRole.CONSENT
    assert not letter.checked  # `{% if value == 1 %}checked` with value 0
    (problem,) = ev.problems
    assert problem.location.line == 5
    assert "form.input" in problem.message and "cannot read ({{ name }})" in problem.message


def test_hash_argument_decides_which_branch_draws_the_control(tmp_path: Path) -> None:
    """`f.field({'input': {'type': 'text', 'name': 'lastname'}})`: the text branch, not the checkbox."""
    _write(tmp_path / "macros.html.twig", FIELDS)
    page = _write(
        tmp_path / "person.html.twig",
        '{% import "macros.html.twig" as f %}\n<form id="person">\n'
        "{{ f.field({ 'input': { 'type': 'text', 'name': 'lastname', 'id': 'ln' },"
        " 'label': { 'label': 'Last name' } }) }}\n"
        "{{ f.field({ 'input': { 'type': 'checkbox', 'name': 'agree' } }) }}\n"
        "{{ f.field({ 'input': { 'type': 'submit', 'value': 'Save' } }) }}\n"
        "{{ f.field({ 'input': { 'type': 'text' }, 'label': { 'label': x } }) }}\n"
        "</form>\n",
    )
    ev = _read(page)
    fields = _fields(ev)
    assert fields["lastname"].control == "text" and fields["lastname"].label == "Last name"
    assert fields["agree"].control == "checkbox" and fields["agree"].role is FieldRole.CONSENT
    buttons = [f for f in ev.fields if f.role is FieldRole.BUTTON]
    assert [b.control for b in buttons] == ["submit"]
    # the last call gives no name: its input has none, which the macro's own file reports
    assert set(fields) == {"lastname", "agree", None} and not ev.problems


def test_macros_of_the_same_file_and_from_imports(tmp_path: Path) -> None:
    """`_self.x()`, a bare `x()` (Jinja) and `{% from 'f' import input as field %}` resolve."""
    _write(tmp_path / "lib" / "forms.html", FIELDS)
    page = _write(
        tmp_path / "lib" / "signup.html",
        "{% from 'forms.html' import input as field %}\n"
        '{% macro phone(name) %}<input type="tel" name="{{ name }}">{% endmacro %}\n'
        "<form id=\"signup\">{{ field('city', 'City') }}\n"
        "{{ _self.phone('mobile') }}\n{{ phone('landline') }}</form>\n",
    )
    fields = _fields(_read(page))
    assert fields["city"].label == "City"
    assert fields["mobile"].control == fields["landline"].control == "tel"


def test_an_argument_written_as_a_variable_labels_as_that_variable(tmp_path: Path) -> None:
    """`{{ label }}` bound to `trad.login` reads as the page's own `{{ trad.login }}` would
    (not as the label "label"); a `<label for>` of the calling page names a drawn control."""
    _write(tmp_path / "fields.twig", FIELDS)
    page = _write(
        tmp_path / "p.twig",
        "{% import 'fields.twig' as form %}<form>{{ form.input('login', trad.login) }}\n"
        "{{ form.input('pin', labels[0]) }}\n"
        "<label for=\"city\">Town</label>{{ _self.plain('city') }}</form>\n"
        '{% macro plain(name) %}<input id="{{ name }}" name="{{ name }}">{% endmacro %}\n',
    )
    inline = _write(
        tmp_path / "inline.twig",
        '<form><label for="login">{{ trad.login }}</label><input id="login" name="login"></form>',
    )
    fields = _fields(_read(page))
    assert fields["login"].label == _fields(_read(inline))["login"].label == "trad.login"
    assert fields["pin"].label is None
    assert fields["city"].label == "Town"


def test_the_imported_file_is_found_in_the_project_nearest_the_template(tmp_path: Path) -> None:
    """Twig's loader paths are configured in PHP: the file whose path ends so, nearest wins."""
    _write(
        tmp_path / "themes" / "admin" / "html" / "mf.html.twig",
        '{% macro sel(name) %}<select name="{{ name }}"></select>{% endmacro %}',
    )
    _write(
        tmp_path / "themes" / "zzz" / "html" / "mf.html.twig",
        '{% macro sel(name) %}<input name="wrong_{{ name }}">{% endmacro %}',
    )
    page = _write(
        tmp_path / "modules" / "client" / "templates" / "admin.html.twig",
        "{% import \"mf.html.twig\" as mf %}<form>{{ mf.sel('country') }}</form>",
    )
    (field,) = _read(page, root=tmp_path).fields
    assert (field.name, field.control) == ("country", "select")


def test_an_imported_file_is_not_looked_for_where_init_looks_for_no_source(tmp_path: Path) -> None:
    """One list of folders of other people's code, build output and tests (`SKIP_DIRS`):
    a vendored or test copy of the file, nearer the template, is not the one it imports."""
    _write(
        tmp_path / "themes" / "admin" / "mf.html.twig",
        '{% macro sel(name) %}<select name="{{ name }}"></select>{% endmacro %}',
    )
    for skipped in ("vendor/acme", "tests/fixtures", "build"):
        _write(
            tmp_path / "modules" / "client" / skipped / "mf.html.twig",
            '{% macro sel(name) %}<input name="wrong_{{ name }}">{% endmacro %}',
        )
    page = _write(
        tmp_path / "modules" / "client" / "templates" / "admin.html.twig",
        "{% import \"mf.html.twig\" as mf %}<form>{{ mf.sel('country') }}</form>",
    )
    (field,) = _read(page, root=tmp_path).fields
    assert (field.name, field.control) == ("country", "select")


def test_an_import_outside_the_project_is_not_read(tmp_path: Path) -> None:
    """`--allow-outside` decides, as for sources: the call stays unread and is reported."""
    _write(tmp_path / "fields.twig", FIELDS)
    page = _write(
        tmp_path / "project" / "p.twig",
        "{% import '../fields.twig' as form %}{% import '/fields.twig' as g %}"
        "<form>{{ form.input('a', 'A') }}{{ g.input('b', 'B') }}</form>",
    )
    ev = _read(page)
    assert {f.name for f in ev.fields} == {None}
    assert ev.problems and all("cannot read" in p.message for p in ev.problems)


def test_macros_calling_macros_and_themselves_end(tmp_path: Path) -> None:
    """A macro drawing through another is followed; one calling itself stops at a depth."""
    page = _write(
        tmp_path / "p.twig",
        '{% macro inner(n) %}<input name="{{ n }}">{% endmacro %}\n'
        "{% macro outer(n) %}{{ _self.inner(n ~ '_confirm') }}{% endmacro %}\n"
        '{% macro loop(n) %}<input name="{{ n }}">{{ _self.loop(n) }}{% endmacro %}\n'
        "<form>{{ _self.outer('email') }}{{ _self.loop('x') }}</form>\n",
    )
    assert {f.name for f in _read(page).fields} == {"email_confirm", "x"}


def test_code_jinja_cannot_parse_leaves_the_call_as_before(tmp_path: Path) -> None:
    """A signature Jinja2 rejects decides nothing: the helper call is reported as unread."""
    page = _write(
        tmp_path / "p.twig",
        '{% macro input(name => 1) %}<input name="{{ name }}">{% endmacro %}\n'
        "<form>{{ _self.input('email') }}</form>\n",
    )
    ev = _read(page)
    assert [f.name for f in ev.fields] == [None, None]
    assert [p.location.line for p in ev.problems] == [1, 2]
    assert "rendered by a partial or helper ({{ _self.input('email') }})" in ev.problems[1].message


def test_the_file_defining_macros_leaves_their_fields_to_the_calls(tmp_path: Path) -> None:
    """`<input name="{{ name }}">` in a macro is a field of each call, not an unread field
    of the file that defines it; a control with no name at all is still reported there."""
    colour = '{% macro colour(name) %}<input name="{{ name }}"><input type="color">{% endmacro %}'
    ev = _read(_write(tmp_path / "fields.twig", FIELDS + colour))
    assert [f.role for f in ev.fields if f.role is not FieldRole.BUTTON] == [FieldRole.INPUT]
    (problem,) = ev.problems
    assert "has no name" in problem.message and problem.location.line == FIELDS.count("\n") + 1


def test_calls_past_the_expansion_bound_are_reported_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file with more macro calls than the bound says where reading them stopped."""
    monkeypatch.setattr(macros, "MAX_EXPANSIONS", 2)
    page = _write(
        tmp_path / "p.twig",
        '{% macro box(n) %}<input name="{{ n }}">{% endmacro %}<form>\n'
        "{{ _self.box('a') }}\n{{ _self.box('b') }}\n{{ _self.box('c') }}\n</form>\n",
    )
    ev = _read(page)
    assert [f.name for f in ev.fields] == ["a", "b"]
    (problem,) = ev.problems
    assert problem.location.line == 4 and "macro calls" in problem.message


def test_a_call_too_deep_for_the_parser_is_reported_not_a_crash(tmp_path: Path) -> None:
    """Jinja2 gives up (RecursionError) on 5,000 nested parentheses: the call stays unread."""
    deep = "(" * 5000 + "'a'" + ")" * 5000
    page = _write(
        tmp_path / "p.twig",
        "{% macro input(n) %}<input name='{{ n }}'>{% endmacro %}<form>{{ _self.input("
        + deep
        + ") }}</form>",
    )
    ev = _read(page)
    assert [f.name for f in ev.fields] == [None]
    assert "cannot read" in ev.problems[0].message



@pytest.mark.parametrize(
    ("step", "draw"),
    [("a ~ a", '<input name="{{ a }}">'), ("[a, a]", "{{ _self.n(a) }}")],
)
def test_a_value_doubled_in_a_macro_body_stays_bounded(tmp_path: Path, step: str, draw: str) -> None:
    """`{% set a = a ~ a %}` twenty times was a megabyte name (each more line doubles it);
    `[a, a]` given to another macro was written out whole and its field lost unreported."""
    body = "{% macro m(a) %}" + f"{{% set a = {step} %}}\n" * 20 + draw + "{% endmacro %}\n"
    nested = '{% macro n(b) %}<input name="{{ b[0] }}">{% endmacro %}\n'
    page = tmp_path / "page.html.twig"
    page.write_text(nested + body + "<form>{{ _self.m('x') }}</form>\n", encoding="utf-8")
    ev = _read(page)
    assert ev.fields and all(len(f.name or "") <= macros.MAX_VALUE for f in ev.fields)
    assert any("cannot read" in p.message for p in ev.problems)


def test_deeply_nested_blocks_in_a_macro_body_are_read_not_a_crash(tmp_path: Path) -> None:
    """3,000 `{% if %}` around a field in a macro: the expander recursed per block
    (RecursionError: the whole file was an internal error)."""
    body = "{% macro m(a) %}" + "{% if b %}" * 3000 + '<input name="{{ a }}">' + "{% endif %}" * 3000
    page = tmp_path / "page.html.twig"
    page.write_text(body + "{% endmacro %}\n<form>{{ _self.m('email') }}<input name=\"nick\"></form>\n",
                    encoding="utf-8")
    ev = _read(page)
    assert {"email", "nick"} <= set(_fields(ev))
    assert not any("internal error" in p.message for p in ev.problems)


def test_a_hash_written_with_xmlattr_in_a_macro_tag_gives_its_attributes(tmp_path: Path) -> None:
    """Jinja's `{{ attrs|xmlattr }}` writes a hash as attributes: the call's `required` and `type` reach the tag;
    a value the call computes stays template code (a condition for a box's `checked`)."""
    page = _write(
        tmp_path / "tpl" / "join.html",
        "{% macro field(name, attrs={}) %}<input name=\"{{ name }}\" {{ attrs|xmlattr }}>{% endmacro %}\n"
        '<form id="join" method="post">\n'
        "  {{ field('email', {'type': 'email', 'required': true, 'disabled': false}) }}\n"
        "  {{ field('news', {'type': 'checkbox', 'checked': user.news}) }}\n"
        "  {{ field('nickname') }}\n"
        "</form>\n",
    )
    got = _fields(_read(page))
    assert [(n, f.control, f.required, f.checked_conditionally) for n, f in got.items()] == [
        ("email", "email", True, False), ("news", "checkbox", False, True), ("nickname", "text", False, False)
    ]
