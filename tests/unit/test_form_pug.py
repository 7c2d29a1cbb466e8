"""Pug (Jade) views read as the markup they draw: fields, roles, conditions and positions.

The templates are written here, in the spirit of Express apps' sign-up and profile views;
each Pug view has an HTML twin (Jinja-style where the Pug has code) that must read to
the same fields.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.evidence import Evidence, FieldRole, FormField
from cnsnt.model import Severity
from cnsnt.sources.forms.pug import pug_markup, safe_code
from tests.conftest import read_form


def write(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def fields(ev: Evidence) -> dict[str | None, FormField]:
    return {f.name: f for form in ev.forms for f in form.fields}


def where(f: FormField) -> tuple[int | None, int | None]:
    return f.location.line, f.location.column


def facts(ev: Evidence) -> list[tuple[object, ...]]:
    """What the rules see of each field, without its position."""
    return [
        (form.name, f.name, f.control, f.role, f.label, f.required, f.checked, f.checked_conditionally,
         f.default, f.readonly, f.raw)
        for form in ev.forms
        for f in form.fields
    ]


SIGNUP_PUG = """\
extends layout

block content
  h1 Create your account
  form#signup.form-horizontal(method="post" action="/signup")
    .form-group
      label(for="email") E-mail address
      input#email.form-control(type="email" name="email" placeholder="you@example.com" required)
    .form-group
      label(for="phone") Mobile number
      input#phone(type='tel', name='phone')
    //- input(type="text" name="legacy_fax")
    //
      input(type="text" name="commented_out")
    label
      input(type="checkbox" name="newsletter" checked)
      |  Send me the monthly newsletter
    label
      input(type="checkbox" name="terms" checked=false required)
      |  I accept the #[a(href="/terms") terms of service]
    if user
      input(type="checkbox" name="remember" checked=user.remember)
    else
      input(type="hidden" name="_csrf" value=csrfToken)
    select(name="country")
      each c in countries
        option(value=c.code)= c.name
    textarea(name="about" rows=3).
      Tell us about yourself
    button.btn(type="submit") Sign up
"""

SIGNUP_HTML = """\
{% extends "layout" %}

{% block content %}
  <h1>Create your account</h1>
  <form id="signup" class="form-horizontal" method="post" action="/signup">
    <div class="form-group">
      <label for="email">E-mail address</label>
      <input id="email" class="form-control" type="email" name="email" placeholder="you@example.com" required>
    </div>
    <div class="form-group">
      <label for="phone">Mobile number</label>
      <input id="phone" type="tel" name="phone">
    </div>
    <label>
      <input type="checkbox" name="newsletter" checked>
      Send me the monthly newsletter
    </label>
    <label>
      <input type="checkbox" name="terms" required>
      I accept the <a href="/terms">terms of service</a>
    </label>
    {% if user %}
      <input type="checkbox" name="remember" {% if user.remember %}checked{% endif %}>
    {% else %}
      <input type="hidden" name="_csrf" value="{{ csrfToken }}">
    {% endif %}
    <select name="country">
      {% for c in countries %}<option value="{{ c.code }}">{{ c.name }}</option>{% endfor %}
    </select>
    <textarea name="about" rows="3">Tell us about yourself</textarea>
    <button class="btn" type="submit">Sign up</button>
  </form>
{% endblock %}
"""


def test_a_pug_sign_up_view_reads_to_the_fields_of_its_html_twin(tmp_path: Path) -> None:
    pug = write(tmp_path, "views/signup.pug", SIGNUP_PUG)
    twin = write(tmp_path, "twin/signup.html", SIGNUP_HTML)
    assert facts(pug) == facts(twin)
    got = fields(pug)
    assert list(got) == ["email", "phone", "newsletter", "terms", "remember", "_csrf", "country", "about", None]
    assert got["email"].label == "E-mail address" and got["email"].required and got["email"].control == "email"
    assert got["newsletter"].role is FieldRole.CONSENT and got["newsletter"].checked
    assert not got["newsletter"].checked_conditionally
    assert not got["terms"].checked  # `checked=false`: Pug leaves the attribute out
    assert got["remember"].checked and got["remember"].checked_conditionally  # the template chooses
    assert got["_csrf"].role is FieldRole.TECHNICAL
    assert "legacy_fax" not in got and "commented_out" not in got
    assert pug.problems == twin.problems == []


def test_each_field_is_placed_at_its_pug_tag(tmp_path: Path) -> None:
    got = fields(write(tmp_path, "signup.pug", SIGNUP_PUG))
    assert where(got["email"]) == (8, 7)
    assert where(got["phone"]) == (11, 7)
    assert where(got["newsletter"]) == (16, 7)
    assert where(got["remember"]) == (22, 7)
    assert where(got["country"]) == (25, 5)
    assert where(got["about"]) == (28, 5)


def test_the_audit_flags_a_pre_ticked_pug_checkbox_at_its_line(tmp_path: Path) -> None:
    """CN203 on the Pug view, at the Pug line and column, as on its HTML twin."""
    from cnsnt.api import audit_path

    (tmp_path / "views").mkdir()
    (tmp_path / "views/signup.pug").write_text(SIGNUP_PUG, encoding="utf-8")
    (tmp_path / "views/twin.html").write_text(SIGNUP_HTML, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\ncontroller: {name: Example Ltd, contact: privacy@example.com}\n"
        "sources:\n  forms:\n    - {path: views/signup.pug}\n    - {path: views/twin.html}\n",
        encoding="utf-8",
    )
    result = audit_path(tmp_path / "cnsnt.yaml")
    pre_ticked = sorted(
        (f.location.path, f.location.line, f.location.column) for f in result.findings if f.rule == "CN203" and f.location is not None
    )
    assert pre_ticked == [("views/signup.pug", 16, 7), ("views/twin.html", 15, 7)]


@pytest.mark.parametrize(
    ("attrs", "checked", "conditionally"),
    [
        ("checked", True, False),
        ("checked=true", True, False),
        ('checked="checked"', True, False),
        ("checked=false", False, False),
        ("checked=null", False, False),
        ("checked=user.optin", True, True),
        ("checked=!!(prefs && prefs.news)", True, True),
    ],
)
def test_checked_as_pug_writes_it(tmp_path: Path, attrs: str, checked: bool, conditionally: bool) -> None:
    text = f'form(method="post")\n  input(type="checkbox" name="news" {attrs})\n'
    f = fields(write(tmp_path, "prefs.pug", text))["news"]
    assert (f.checked, f.checked_conditionally) == (checked, conditionally)


def test_unquoted_expressions_commas_and_multiline_attributes(tmp_path: Path) -> None:
    text = (
        "form(method='post', action='/profile')\n"
        "  input(\n"
        "    type='text'\n"
        "    name='first_name'\n"
        "    value=user.firstName || ''\n"
        "    required\n"
        "  )\n"
        "  input(type=\"text\", name=`last_name`, class=['a', 'b'])\n"
        "  input(type='text' name='user[' + i + ']')\n"
        "  input(type='text' name=fieldName)\n"
    )
    ev = write(tmp_path, "profile.pug", text)
    got = fields(ev)
    assert got["first_name"].required and where(got["first_name"]) == (2, 3)
    assert where(got["last_name"]) == (8, 3)
    unnamed = [f for f in ev.forms[0].fields if f.name is None]
    assert [f.raw for f in unnamed] == ["{{ 'user[' + i + ']' }}", "{{ fieldName }}"]
    assert [where(f) for f in unnamed] == [(9, 3), (10, 3)]


def test_block_expansion_inline_tags_and_piped_text_label_controls(tmp_path: Path) -> None:
    text = (
        "form(method='post')\n"
        "  label: input(type='checkbox' name='marketing')\n"
        "  p\n"
        "    | Tick to get offers:\n"
        "    #[input(type='checkbox' name='offers')] yes please\n"
        "  label(for='dob') Date of birth\n"
        "  input#dob(type='date' name='birth_date')\n"
    )
    got = fields(write(tmp_path, "offers.pug", text))
    assert where(got["marketing"]) == (2, 10)
    assert where(got["offers"]) == (5, 7)  # the tag inside `#[`
    assert got["birth_date"].label == "Date of birth"


def test_mixins_are_macros_and_a_literal_call_names_its_field(tmp_path: Path) -> None:
    """A control in a mixin is read once where defined; `+field('email')` draws the field email."""
    text = (
        "mixin field(name, label)\n"
        "  label(for=name)= label\n"
        "  input(id=name name=name type='text')\n"
        "mixin search-box\n"
        "  input(type='search' name='q')\n"
        "form(method='post' action='/contact')\n"
        "  +field('email', 'E-mail')\n"
        "  +field(other, 'Other')\n"
        "  button(type='submit') Send\n"
    )
    ev = write(tmp_path, "contact.pug", text)
    got = fields(ev)
    assert got["email"].label == "E-mail" and where(got["email"]) == (7, 3)
    assert where(got["q"]) == (5, 3)  # read once, where the mixin is defined
    assert [(p.location.line, p.severity) for p in ev.problems] == [(8, Severity.WARNING)]
    assert "drawn by the macro field" in ev.problems[0].message


def test_an_include_is_read_where_it_stands_and_a_missing_one_is_said(tmp_path: Path) -> None:
    (tmp_path / "views/partials").mkdir(parents=True)
    (tmp_path / "views/partials/address.pug").write_text(
        "label(for='street') Street\ninput#street(type='text' name='street')\n"
        "input(type='text' name='postcode')\n",
        encoding="utf-8",
    )
    (tmp_path / "views/partials/loop.pug").write_text("include loop\ninput(name='city')\n", encoding="utf-8")
    text = (
        "form(method='post')\n"
        "  include partials/address\n"
        "  include partials/loop.pug\n"
        "  include partials/missing\n"
        "  include:markdown-it ../README.md\n"
        "  include /shared/footer\n"
    )
    ev = write(tmp_path, "views/address.pug", text)
    got = fields(ev)
    assert list(got) == ["street", "postcode", "city"]
    assert where(got["street"]) == (2, 3) and got["street"].label == "Street"
    assert where(got["city"]) == (3, 3)
    said = [(p.location.line, p.location.column, p.message) for p in ev.problems]
    assert [s[:2] for s in said] == [(4, 3), (6, 3)]
    assert "cannot find the file partials/missing.pug" in said[0][2]
    assert "basedir" in said[1][2]


def test_case_when_each_else_and_code_blocks_are_conditions(tmp_path: Path) -> None:
    text = (
        "form(method='post')\n"
        "  case step\n"
        "    when 1\n"
        "      input(type='checkbox' name='a' checked)\n"
        "    default\n"
        "      input(type='text' name='b')\n"
        "  - if (user.admin)\n"
        "    input(type='checkbox' name='c' checked)\n"
        "  - else\n"
        "    input(type='text' name='d')\n"
        "  unless user\n"
        "    input(type='email' name='e')\n"
    )
    markup = pug_markup(text).text
    assert markup.count("{% if") == 4 and markup.count("{% endif %}") == 4 and "{% else %}" in markup
    assert list(fields(write(tmp_path, "steps.pug", text))) == ["a", "b", "c", "d", "e"]


def test_script_style_filters_and_code_blocks_draw_no_control(tmp_path: Path) -> None:
    text = (
        "form(method='post')\n"
        "  script.\n"
        "    document.write('<input name=\"from_script\">')\n"
        "  script(src='/a.js')= \"<input name='x'>\"\n"
        "  :markdown-it\n"
        "    <input name=\"from_filter\">\n"
        "  -\n"
        "    var html = '<input name=\"from_code\">'\n"
        "  input(type='email' name='email')\n"
    )
    assert list(fields(write(tmp_path, "quiet.pug", text))) == ["email"]


def test_an_unclosed_attribute_list_is_a_cn001_error_at_its_place_and_the_rest_is_read(tmp_path: Path) -> None:
    text = (
        "form(method='post')\n"
        "  input(type='text' name='first_name')\n"
        "  input(type='text' name='broken\n"
        "  input(type='email' name='email')\n"
    )
    ev = write(tmp_path, "broken.pug", text)
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems[:1]] == [(3, 8, None)]
    assert "attribute list ( is never closed" in ev.problems[0].message
    assert {"first_name", "email"} <= set(fields(ev))


def test_a_cnsnt_ignore_comment_in_pug_waives_the_next_field(tmp_path: Path) -> None:
    text = (
        "form(method='post')\n"
        "  //- cnsnt: ignore CN203 the box re-shows a choice the user made\n"
        "  input(type='checkbox' name='newsletter' checked)\n"
    )
    got = fields(write(tmp_path, "prefs.pug", text))
    assert got["newsletter"].ignores == (("CN203", "the box re-shows a choice the user made"),)


def test_a_jade_file_is_read_too(tmp_path: Path) -> None:
    got = fields(write(tmp_path, "login.jade", "form(method='post')\n  input(type='password' name='password')\n"))
    assert got["password"].control == "password"


def test_every_pug_line_gives_one_line_of_markup() -> None:
    text = "form\n  input(\n    name='a'\n  )\n\n  p\n    | hi #{name}\n"
    markup = pug_markup(text)
    assert markup.text.count("\n") == text.count("\n")
    at = markup.text.index("<input")
    assert markup.line_col(at) == (2, 3)


def test_code_written_into_markup_cannot_close_its_template_tag() -> None:
    assert safe_code("f({a: {b: 1}})") == "f({a: {b: 1} })"
    assert "%}" not in safe_code("a %} b") and "}}" not in safe_code("}}}}}")


def test_a_when_or_default_with_block_expansion_draws_its_control(tmp_path: Path) -> None:
    text = (
        "form(method='post')\n"
        "  case contactBy\n"
        "    when 'mail': input(type='email' name='contact_email')\n"
        "    when 'phone'\n"
        "      input(type='tel' name='contact_phone')\n"
        "    default: input(type='text' name='contact_other')\n"
    )
    ev = write(tmp_path, "contact.pug", text)
    assert {name: where(f) for name, f in fields(ev).items()} == {
        "contact_email": (3, 18),
        "contact_phone": (5, 7),
        "contact_other": (6, 14),
    }
    assert pug_markup(text).text.count("{% if") == 3


def test_a_mixin_with_rest_arguments_is_a_macro_its_calls_draw(tmp_path: Path) -> None:
    text = (
        "mixin field(name, label, ...classes)\n"
        "  label(for=name)= label\n"
        "  input(id=name name=name type='text' class=classes)\n"
        "form(method='post')\n"
        "  +field('nickname', 'Nickname', 'wide', 'light')\n"
    )
    got = fields(write(tmp_path, "profile.pug", text))
    assert list(got) == ["nickname"] and where(got["nickname"]) == (5, 3)


def test_a_missing_include_inside_an_included_file_is_said_at_the_outer_include(tmp_path: Path) -> None:
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials/address.pug").write_text(
        "input(name='street')\ninclude postcode\n", encoding="utf-8"
    )
    ev = write(tmp_path, "order.pug", "form(method='post')\n  include partials/address\n")
    assert list(fields(ev)) == ["street"]
    unread = [(p.location.line, p.location.column, p.message) for p in ev.problems]
    assert len(unread) == 1 and unread[0][:2] == (2, 3)
    assert "include postcode" in unread[0][2] and "partials/postcode.pug" in unread[0][2]


def test_an_interpolated_attribute_string_is_template_code_as_in_its_html_twin(tmp_path: Path) -> None:
    pug = write(tmp_path, "legacy.jade", "form(method='post')\n  input(type='email' name=\"#{prefix}_email\")\n")
    html = write(tmp_path, "legacy.html", '<form method="post">\n<input type="email" name="{{ prefix }}_email">\n')
    assert facts(pug) == facts(html) and facts(pug)[0][1] is None
    assert [p.message for p in pug.problems] == ["field at 2:3 has a name cnsnt cannot read ({{ prefix }}_email)"]
    assert len(html.problems) == 1


def test_an_include_whose_name_the_system_refuses_is_a_warning_and_the_view_is_read(tmp_path: Path) -> None:
    text = "form(method='post')\n  include " + "field_" * 60 + "\n  input(type='email' name='email')\n"
    ev = write(tmp_path, "long.pug", text)
    assert list(fields(ev)) == ["email"]
    said = [(p.location.line, p.severity, p.message) for p in ev.problems]
    assert len(said) == 1 and said[0][:2] == (2, Severity.WARNING) and "cannot find the file" in said[0][2]


# ---------------------------------------------------------------- session 39: what the Pug reader dropped


def test_a_view_whose_lines_end_in_a_carriage_return_alone_gives_its_fields_at_their_lines(tmp_path: Path) -> None:
    """Classic Mac line ends (`\\r` alone), which Pug's lexer reads as line breaks: read as one line, no field."""
    text = "form(method='post')\r  input(type='email' name='email')\r  input(name='phone'\r  input(name='city')\r"
    ev = write(tmp_path, "mac.pug", text)
    assert {name: where(f) for name, f in fields(ev).items()} == {"email": (2, 3), None: (3, 3), "city": (4, 3)}
    assert [(p.location.line, p.location.column) for p in ev.problems][:1] == [(3, 8)]


def test_a_quote_inside_a_regular_expression_attribute_hides_no_field(tmp_path: Path) -> None:
    """`pattern=/^[^"]+$/` is JavaScript: its quote opens no string (the list read as never closed)."""
    text = (
        "form(method='post')\n"
        "  input(type='text' name='nickname' pattern=/^[^\"]+$/ required)\n"
        "  input(name='handle', pattern=/[a-z']+/i.source, title=\"it's\")\n"
        "  input(name='share' value=total / count data-x=a/2)\n"
        "  input(type='email' name='email')\n"
    )
    ev = write(tmp_path, "nick.pug", text)
    got = fields(ev)
    assert {name: where(f) for name, f in got.items()} == {
        "nickname": (2, 3), "handle": (3, 3), "share": (4, 3), "email": (5, 3)
    }
    assert got["nickname"].required
    assert ev.problems == []


def test_an_error_inside_an_included_file_is_said_at_its_own_line_and_by_the_view_that_includes_it(
    tmp_path: Path,
) -> None:
    """An attribute list never closed in a partial was dropped with the partial's markup: no CN001."""
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials/phone.pug").write_text(
        "label(for='phone') Phone\ninput#phone(type='tel' name='phone'\ninput(name='city')\n", encoding="utf-8"
    )
    (tmp_path / "partials/address.pug").write_text("input(name='street')\ninclude postcode\n", encoding="utf-8")
    (tmp_path / "partials/postcode.pug").write_text("input(name='postcode' pattern='[0-9]{5}\n", encoding="utf-8")
    text = "form(method='post')\n  input(type='email' name='email')\n  include partials/phone\n  include partials/address\n"
    ev = write(tmp_path, "signup.pug", text)
    assert list(fields(ev)) == ["email", None, "city", "street"]
    said = [(p.location.path, p.location.line, p.location.column, p.severity, p.message) for p in ev.problems]
    errors = [s for s in said if s[3] is None]
    assert [s[:3] for s in errors] == [("partials/phone.pug", 2, 12), ("partials/postcode.pug", 1, 6)]
    assert "attribute list ( is never closed" in errors[0][4]
    assert errors[0][4].endswith("(in partials/phone.pug, which signup.pug includes at 3:3)")
    assert errors[1][4].endswith(
        "(in partials/postcode.pug, which signup.pug includes at 4:3 through partials/address.pug at 2:1)"
    )
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms: [{path: "**/*.pug"}]\npurposes: {}\ndata: {}\n', encoding="utf-8"
    )
    found = [(f.location.path, f.location.line, f.location.column) for f in audit_path(tmp_path).findings]
    assert found.count(("partials/phone.pug", 2, 12)) == 1  # a source itself: said once, by its own reading


def test_a_forms_entry_may_name_the_pug_format_for_a_view_of_another_suffix(tmp_path: Path) -> None:
    """Express can render `.html` files with Pug; `format: pug` reads one as Pug, not as HTML with no tag."""
    path = tmp_path / "views/signup.html"
    path.parent.mkdir()
    path.write_text("form(method='post')\n  input(type='email' name='email')\n", encoding="utf-8")
    assert [(f.name, f.location.line) for f in read_form(path, "pug").forms[0].fields] == [("email", 2)]
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms: [{path: "views/*.html", format: pug}]\npurposes: {}\n'
        "data:\n  contact:\n    label: E-mail\n    category: user.contact.email\n    form_fields: [signup.email]\n"
        "    purposes: []\n",
        encoding="utf-8",
    )
    assert "CN101" not in {f.rule for f in audit_path(tmp_path).findings}


def test_block_expansion_reads_a_mixin_call_or_an_include_after_the_colon_as_on_a_line_of_its_own(
    tmp_path: Path,
) -> None:
    """`label: +field('nickname')` and `when 'post': include partials/address`: the colon led only to tags."""
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials/address.pug").write_text("input(type='text' name='street')\n", encoding="utf-8")
    text = (
        "mixin field(name)\n"
        "  input(type='text' name=name)\n"
        "form(method='post')\n"
        "  label: +field('nickname')\n"
        "  case contactBy\n"
        "    when 'mail': label: +field('contact_email')\n"
        "    when 'post': include partials/address\n"
        "    default: .row: +field('contact_other')\n"
        "  p: label: input(type='checkbox' name='terms')\n"
    )
    got = fields(write(tmp_path, "contact.pug", text))
    assert {name: where(f) for name, f in got.items() if name} == {
        "nickname": (4, 10),
        "contact_email": (6, 25),
        "street": (7, 18),
        "contact_other": (8, 20),
        "terms": (9, 13),
    }


def test_a_mixin_calls_attributes_reach_the_tag_that_takes_them_with_and_attributes(tmp_path: Path) -> None:
    """`+field('phone')(required)` and `+input(type="email", name="email")` (attributes, no
    arguments, as Pug reads a list of `name=`): the call's attributes were dropped, and with
    them the field's name, its `required` and its `checked`."""
    text = (
        "mixin field(name, label)\n"
        "  label(for=name)= label\n"
        "  input(id=name name=name type='text')&attributes(attributes)\n"
        "mixin input\n"
        "  input&attributes(attributes)\n"
        "form(method='post')\n"
        "  +field('phone', 'Phone')(required)\n"
        "  +input(type=\"email\", name=\"email\", required)\n"
        "  +input()(type='checkbox' name='newsletter' checked)\n"
        "  +input.wide#nick(name='nickname' value=user.nick)\n"
        "  +input(name='optin' type='checkbox' checked=user.optin)\n"
        "  +field('fax', 'Fax')\n"
    )
    ev = write(tmp_path, "profile.pug", text)
    got = fields(ev)
    assert {name: where(f) for name, f in got.items() if name} == {
        "phone": (7, 3), "email": (8, 3), "newsletter": (9, 3), "nickname": (10, 3), "optin": (11, 3), "fax": (12, 3)
    }
    assert [name for name, f in got.items() if f.required] == ["phone", "email"]
    assert got["email"].control == "email" and got["newsletter"].control == "checkbox"
    assert got["newsletter"].checked and not got["newsletter"].checked_conditionally
    assert got["optin"].checked_conditionally
    assert got["phone"].label == "Phone"


def test_a_mixin_calls_attributes_win_over_the_literal_ones_of_the_tag_that_takes_them(tmp_path: Path) -> None:
    """Pug merges `&attributes` over the tag's own (`type='checkbox'` over `type='text'`); the
    HTML read keeps the first of a duplicate attribute, so the literal one was read and a
    pre-ticked checkbox was a text field."""
    text = (
        "mixin box(name)\n"
        "  input(type='text' name=name)&attributes(attributes)\n"
        "form(method='post')\n"
        "  +box('newsletter')(type='checkbox' checked)\n"
        "  +box('handle')(name='nickname')\n"
        "  +box('city')\n"
    )
    got = fields(write(tmp_path, "optin.pug", text))
    assert {name: (f.control, f.checked) for name, f in got.items()} == {
        "newsletter": ("checkbox", True), "nickname": ("text", False), "city": ("text", False)
    }


def test_an_error_in_a_partial_included_many_times_is_said_once(tmp_path: Path) -> None:
    """A partial included by two rows, each included twice: its unclosed list was a CN001 per
    path of includes (2 here, up to the include budget of 200), each at the same place."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared/phone.pug").write_text("input(type='tel' name='phone'\n", encoding="utf-8")
    (tmp_path / "shared/row.pug").write_text("include phone\ninclude phone\n", encoding="utf-8")
    text = "form(method='post')\n  include shared/row\n  include shared/row\n"
    ev = write(tmp_path, "contacts.pug", text)
    errors = [(p.location.path, p.location.line, p.location.column, p.message) for p in ev.problems
              if p.severity is None]
    assert [e[:3] for e in errors] == [("shared/phone.pug", 1, 6)]
    assert errors[0][3].endswith("which contacts.pug includes at 2:3 through shared/row.pug at 1:1)")


def test_an_include_tree_past_the_nesting_limit_is_said_once(tmp_path: Path) -> None:
    """Each partial includes the next twice, twelve deep: the depth warning was said once per
    path that reached the limit (196 times, all at the same include of the view), and the
    include budget's once per include past it."""
    (tmp_path / "p").mkdir()
    for i in range(12):
        (tmp_path / f"p/l{i}.pug").write_text(f"input(name='f{i}')\ninclude l{i + 1}\ninclude l{i + 1}\n")
    (tmp_path / "p/l12.pug").write_text("input(name='deep')\n")
    ev = write(tmp_path, "root.pug", "form(method='post')\n  include p/l0\n")
    said = [(p.location.line, p.location.column, p.message) for p in ev.problems]
    assert said == [
        (2, 3, "include l8: includes nest deeper than 8 levels; its form fields are not read "
               "(and 195 more includes past the limit)"),
        (2, 3, "include l7: more than 200 includes read for this template; its form fields are not read "
               "(and 4 more includes past the limit)"),
    ]
    assert {f.name for f in ev.forms[0].fields} == {f"f{i}" for i in range(8)}


def test_a_mixin_forwards_its_attributes_to_another_mixin_with_and_attributes(tmp_path: Path) -> None:
    """`+inner(name)&attributes(attributes)` inside a mixin hands the outer call's attributes on
    (Pug merges them over the call's own, a later one over an earlier one): they were dropped,
    so a pre-ticked consent box drawn through two mixins read as an unticked text field."""
    text = (
        "mixin inner(name)\n"
        "  input(type='text' name=name)&attributes(attributes)\n"
        "mixin outer(name)\n"
        "  +inner(name)&attributes(attributes)\n"
        "mixin wrap(name)\n"
        "  +inner(name)(required type='tel')&attributes(attributes)\n"
        "form(method='post')\n"
        "  +outer('newsletter')(type='checkbox' checked)\n"
        "  +wrap('phone')\n"
        "  +wrap('mobile')(type='number')\n"
        "  +outer('city')\n"
    )
    got = fields(write(tmp_path, "optin.pug", text))
    assert {name: (f.control, f.checked, f.required, where(f)) for name, f in got.items()} == {
        "newsletter": ("checkbox", True, False, (8, 3)),
        "phone": ("tel", False, True, (9, 3)),
        "mobile": ("number", False, True, (10, 3)),
        "city": ("text", False, False, (11, 3)),
    }
