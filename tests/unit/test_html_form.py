"""Form evidence from HTML files and server templates: cnsnt.sources.forms.html_form (via read_forms).

Server-template inputs are fixtures written for these tests (tests/fixtures/forms), each
reproducing the constructs of a real project's templates; the facts asserted were read from
them by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.forms.html_form import read_html_forms
from tests.conftest import read_form, read_form_fixture

read = read_form
fixture = read_form_fixture


def write(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read(path)


def only_form(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def by_name(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields if f.name is not None}


def names(form: Form, *, buttons: bool = False) -> list[str | None]:
    return [f.name for f in form.fields if buttons or f.role is not FieldRole.BUTTON]


def where(f: FormField) -> tuple[int | None, int | None]:
    return f.location.line, f.location.column


# The template tests read fixtures we wrote (tests/fixtures/forms) that reproduce the
# constructs of real projects' templates; the real files stay where they live.

# ---------------------------------------------------------------- plain HTML


def test_plain_form_required_fields_and_an_unnamed_prechecked_toggle():
    ev = fixture("shipping.html")
    form = only_form(ev)
    assert form.name == "shipping"  # no id or name: the file stem
    assert form.location.line == 8
    assert names(form) == ["bill_name", "bill_street", None, "ship_street"]
    fields = by_name(form)
    assert all(fields[n].required for n in ("bill_name", "bill_street", "ship_street"))
    assert fields["bill_name"].label == "Full name:"
    assert where(fields["bill_name"]) == (13, 11)
    toggle = form.fields[2]
    assert toggle.control == "checkbox" and toggle.checked and not toggle.checked_conditionally
    assert toggle.raw == 'id="same-address"' and toggle.role is FieldRole.INPUT
    assert [p.location.line for p in ev.problems] == [22]
    assert ev.problems[0].severity is Severity.WARNING
    assert "field at 22:9 has no name" in ev.problems[0].message
    assert ev.problems[0].fix == (  # its id names the key (review22 D12)
        "declare it in the policy as shipping.same-address (its id; or the name a script sends it under)"
    )
    assert form.fields[-1].role is FieldRole.BUTTON and form.fields[-1].control == "button"
    assert ev.counts == {"form_files": 1, "forms": 1, "form_fields": 5}
    assert ev.audited == {"forms"}


#: django-allauth's stock `account/login.html`, as cookiecutter-django ships it: the form's
#: fields are printed by `{{ form|crispy }}`, the redirect target rides in a hidden field.
ALLAUTH_LOGIN = """\
{% load crispy_forms_tags %}
<form class="login" method="POST" action="{% url 'account_login' %}">
  {% csrf_token %}
  {{ form|crispy }}
  {% if redirect_field_value %}
  <input type="hidden" name="{{ redirect_field_name }}" value="{{ redirect_field_value }}" />
  {% endif %}
  <input type="hidden" name="{{ token_name }}" value="{{ token }}">
  <input type="text" name="{{ prefix }}-nick">
  <button class="primaryAction" type="submit">Sign In</button>
</form>
"""


def test_django_s_redirect_field_is_technical_and_a_hidden_field_s_unread_name_is_a_note(tmp_path):
    """`{{ redirect_field_name }}` is the name Django's and allauth's views give the field that
    carries the redirect target (`next`); any hidden field is technical, so not reading its
    name is a note (info); a visible field's unread name stays a warning."""
    ev = write(tmp_path, "login.html", ALLAUTH_LOGIN)
    form = only_form(ev)
    named = by_name(form)
    assert named["next"].role is FieldRole.TECHNICAL and named["next"].control == "hidden"
    assert [(p.location.line, p.severity) for p in ev.problems] == [
        (8, Severity.INFO),
        (9, Severity.WARNING),
    ]
    assert ev.problems[0].message.startswith("field at 8:3 has a name cnsnt cannot read ({{ token_name }}); ")
    assert "a hidden field" in ev.problems[0].message
    assert "hidden" not in ev.problems[1].message


def test_redirect_field_name_on_a_visible_input_is_not_taken_for_the_redirect(tmp_path):
    ev = write(tmp_path, "f.html", '<form id="f"><input type="text" name="{{ redirect_field_name }}"></form>\n')
    assert [f.name for f in only_form(ev).fields] == [None]
    assert [p.severity for p in ev.problems] == [Severity.WARNING]


def test_jinja_in_the_action_attribute_radio_legend_defaults_and_buttons():
    form = only_form(fixture("survey.html"))
    assert form.name == "survey"
    assert names(form) == ["cyclist", "age", "mail", "delivery", "sms"]
    fields = by_name(form)
    assert fields["cyclist"].control == "radio" and fields["cyclist"].required
    assert fields["cyclist"].label == "Do you own a bicycle? *"  # the fieldset's legend
    assert where(fields["cyclist"]) == (4, 12)
    assert fields["age"].control == "number" and not fields["age"].required
    assert fields["mail"].control == "email" and fields["mail"].default == "you@example.org"
    assert fields["delivery"].control == "textarea"
    assert fields["delivery"].default == "4 Quiet Lane,\nSpringfield"
    sms = fields["sms"]
    assert sms.control == "checkbox" and not sms.checked and sms.role is FieldRole.INPUT
    assert sum(f.role is FieldRole.BUTTON for f in form.fields) == 2


# ---------------------------------------------------------------- Twig (OpenCart-style)


def test_twig_register_conditional_agree_and_no_form_from_a_js_string():
    ev = fixture("register.twig")
    form = only_form(ev)  # the <form id="form-upload"> in a JS string does not count
    assert form.name == "register"
    assert names(form) == [
        "customer_group_id", "firstname", "email", "telephone", None, "newsletter", "agree",
    ]
    fields = by_name(form)
    agree = fields["agree"]
    assert agree.role is FieldRole.CONSENT and agree.control == "checkbox"
    assert agree.checked and agree.checked_conditionally  # {% if agree %}...checked{% else %}
    assert where(agree) == (32, 9)
    newsletter = fields["newsletter"]
    assert newsletter.role is FieldRole.CONSENT and newsletter.control == "radio"
    assert newsletter.checked and newsletter.checked_conditionally
    group = fields["customer_group_id"]
    assert group.checked_conditionally and group.role is FieldRole.INPUT
    assert fields["email"].control == "email" and fields["telephone"].control == "tel"
    assert fields["firstname"].label == "entry_firstname"  # the Twig variable, best effort


def test_twig_custom_fields_with_template_names_are_reported_not_dropped():
    ev = fixture("register.twig")
    unnamed = [f for f in only_form(ev).fields if f.name is None and f.role is not FieldRole.BUTTON]
    assert [f.raw for f in unnamed] == [
        "custom_field[{{ custom_field.location }}][{{ custom_field.custom_field_id }}]",
    ]
    assert unnamed[0].control == "select" and where(unnamed[0]) == (20, 11)
    assert [(p.location.line, p.severity) for p in ev.problems] == [(20, Severity.WARNING)]
    assert "has a name cnsnt cannot read (custom_field[" in ev.problems[0].message
    assert ev.problems[0].fix == "declare it in the policy as register.NAME"


def test_twig_fields_without_a_form_element_are_named_by_the_file():
    form = only_form(fixture("guest.twig"))
    assert form.name == "guest"
    assert names(form) == ["firstname", "email", "country_id", "shipping_address"]
    shipping = by_name(form)["shipping_address"]
    assert shipping.checked and shipping.checked_conditionally and where(shipping) == (14, 5)
    assert by_name(form)["country_id"].control == "select"


# ---------------------------------------------------------------- Smarty (Piwigo-style)


def test_smarty_register_prechecked_checkbox_translated_labels():
    form = only_form(fixture("register.tpl"))
    assert form.name == "register_form"  # <form name="register_form">
    assert names(form, buttons=True) == [
        "login", "mail_address", "send_password_by_mail", "key", "submit",
    ]
    fields = by_name(form)
    send = fields["send_password_by_mail"]
    assert send.checked and not send.checked_conditionally and send.role is FieldRole.INPUT
    assert send.label == "Send my connection settings by email"
    assert where(send) == (14, 9)
    assert fields["key"].role is FieldRole.TECHNICAL
    assert fields["login"].label == "Username"  # {'Username'|@translate}
    assert fields["mail_address"].label == "Email address"  # after {if ...}* {/if}
    assert fields["submit"].role is FieldRole.BUTTON


def test_smarty_functions_render_named_controls():
    ev = fixture("profile.tpl")
    form = only_form(ev)
    assert form.name == "profile"
    assert names(form) == ["redirect", "theme", "expand", "pwg_token"]
    fields = by_name(form)
    assert fields["theme"].control == "select" and fields["theme"].raw.startswith("{html_options")
    assert fields["expand"].control == "radio"
    assert where(fields["theme"]) == (5, 3)
    assert fields["redirect"].role is fields["pwg_token"].role is FieldRole.TECHNICAL
    assert ev.problems == []


# ---------------------------------------------------------------- phpBB


def test_phpbb_mixed_if_comments_twig_and_vars():
    ev = fixture("ucp_register.html")
    form = only_form(ev)
    assert form.name == "register"
    assert names(form) == ["username", "email", None]
    fields = by_name(form)
    assert fields["username"].label == "L_USERNAME"
    assert where(fields["email"]) == (10, 7)
    language = form.fields[2]
    assert language.control == "select" and language.raw == "{{ FormsSelect(LANG_OPTIONS) }}"
    assert len(ev.problems) == 1 and "FormsSelect" in ev.problems[0].message


# ---------------------------------------------------------------- Twig (Shopware-style)


def test_twig_honeypot_named_by_a_constant():
    ev = fixture("honeypot.html.twig")
    form = only_form(ev)
    (trap,) = form.fields
    assert trap.role is FieldRole.HONEYPOT and trap.name is None  # d-none, tabindex -1
    assert trap.raw == "{{ constant('App\\\\Captcha\\\\Honeypot::FIELD') }}"
    assert where(trap) == (4, 9)
    assert len(ev.problems) == 1 and ev.problems[0].severity is Severity.WARNING


def test_twig_newsletter_checked_only_under_a_condition():
    form = only_form(fixture("newsletter.html.twig"))
    assert form.name == "newsletterForm"
    assert names(form) == ["email", "option"]
    option = by_name(form)["option"]
    assert option.role is FieldRole.CONSENT  # id="newsletterRegister"
    assert option.checked and option.checked_conditionally


# ---------------------------------------------------------------- Razor (BTCPay-style)


def test_razor_asp_for_names():
    ev = fixture("Register.cshtml")
    form = only_form(ev)
    assert form.name == "Register"
    assert names(form) == ["Email", "Password", "IsAdmin"]
    fields = by_name(form)
    assert fields["Email"].raw == 'asp-for="Email"' and fields["Email"].required
    assert fields["Email"].label == "Email"
    assert where(fields["Email"]) == (9, 9)
    assert fields["IsAdmin"].control == "checkbox" and not fields["IsAdmin"].required
    assert ev.problems == []


# ---------------------------------------------------------------- Handlebars (Designers Italia-style)


def test_handlebars_partials_render_fields_and_a_required_privacy_checkbox():
    ev = fixture("contatti.hbs")
    form = only_form(ev)
    assert form.name == "contactForm"
    assert names(form) == ["nome", "email", "messaggio", "privacy"]
    fields = by_name(form)
    assert fields["nome"].raw.startswith('{{> cmp-input/input type="text" id="nome"')
    assert fields["nome"].label == "Nome" and fields["nome"].required
    assert fields["email"].control == "email"
    assert where(fields["nome"]) == (4, 5)
    assert fields["messaggio"].control == "textarea"
    privacy = fields["privacy"]
    assert privacy.role is FieldRole.CONSENT and privacy.required and not privacy.checked
    assert privacy.label == "Ho letto l'informativa sulla privacy"
    assert ev.problems == []


def test_handlebars_input_partial_with_template_name_and_conditional_required():
    ev = fixture("input.hbs")
    (fld,) = only_form(ev).fields
    assert fld.form == "input" and fld.name is None and fld.raw == "{{id}}"
    assert fld.required  # {{#if required}} required {{/if}}
    assert where(fld) == (3, 3)
    assert ev.problems[0].message.startswith("field at 3:3 has a name cnsnt cannot read ({{id}})")


# ---------------------------------------------------------------- PHP widgets (OpenSTAManager-style)


def test_php_echo_markup_and_widgets():
    ev = fixture("add.php")
    form = only_form(ev)
    assert form.name == "add-form"
    assert names(form) == ["op", "ragione_sociale", "codice_fiscale", "telefono"]
    fields = by_name(form)
    assert fields["op"].role is FieldRole.TECHNICAL and fields["op"].default == "add"
    assert fields["ragione_sociale"].required and not fields["codice_fiscale"].required
    assert fields["codice_fiscale"].label == "Codice fiscale"  # tr('...') inside the echo
    assert fields["telefono"].control == "tel"
    assert where(fields["codice_fiscale"]) == (12, 4)
    assert ev.problems == []


# ---------------------------------------------------------------- template syntaxes


@pytest.mark.parametrize(
    "markup",
    [
        '<input type="checkbox" name="newsletter" {% if agree %}checked{% endif %}>',
        '<input type="checkbox" name="newsletter" {{#if agree}}checked{{/if}}>',
        # Go's html/template (Gitea's and Gogs' `.tmpl`), with and without trim markers
        '<input type="checkbox" name="newsletter" {{if .Agree}}checked{{end}}>',
        '<input type="checkbox" name="newsletter" {{- with .Agree}} checked{{end -}}>',
        '{{if .Agree}}<input type="checkbox" name="newsletter" checked>'
        '{{else}}<input type="checkbox" name="newsletter">{{end}}',
        '<input type="checkbox" name="newsletter" <!-- IF S_AGREE --> checked<!-- ENDIF -->>',
        '<input type="checkbox" name="newsletter" <% if agree %>checked<% end %>>',
        '<input type="checkbox" name="newsletter" <?php if ($agree): ?>checked<?php endif; ?>>',
        "<input type=\"checkbox\" name=\"newsletter\" <?php echo $a ? 'checked' : ''; ?>>",
        "<input type=\"checkbox\" name=\"newsletter\" {{ agree ? 'checked' }}>",
        '{% if agree %}<input type="checkbox" name="newsletter" checked>'
        '{% else %}<input type="checkbox" name="newsletter">{% endif %}',
    ],
)
def test_checked_printed_by_a_template_condition(tmp_path, markup):
    form = only_form(write(tmp_path, "signup.html", f"<form id='s'>\n  {markup}\n</form>\n"))
    (fld,) = form.fields
    assert fld.name == "newsletter" and fld.role is FieldRole.CONSENT
    assert fld.checked and fld.checked_conditionally
    assert where(fld) == (2, 3 + markup.index("<input"))


@pytest.mark.parametrize(
    ("name", "binding", "checked", "conditionally"),
    [
        ("signup.vue", ':checked="true"', True, False),
        ("signup.vue", 'v-bind:checked="true"', True, False),
        ("signup.html", 'x-bind:checked="true"', True, False),
        ("signup.component.html", '[checked]="true"', True, False),
        ("signup.component.html", '[attr.checked]="true"', True, False),
        ("signup.html", 'ng-checked="true"', True, False),
        ("signup.html", 'th:checked="${true}"', True, False),
        ("signup.blade.php", "@checked(true)", True, False),
        ("signup.vue", ':checked="form.newsletter"', True, True),
        ("signup.html", 'th:checked="${user.newsletter}"', True, True),
        ("signup.blade.php", "@checked(old('newsletter', true))", True, True),
        ("signup.vue", ':checked="false"', False, False),
        ("signup.blade.php", "@checked(false)", False, False),
    ],
)
def test_checked_bound_by_a_framework(tmp_path, name, binding, checked, conditionally):
    markup = f'<form id="s">\n  <input type="checkbox" name="newsletter" {binding}>\n</form>\n'
    (fld,) = only_form(write(tmp_path, name, markup)).fields
    assert fld.role is FieldRole.CONSENT
    assert (fld.checked, fld.checked_conditionally) == (checked, conditionally)


def test_blade_required_directive(tmp_path):
    markup = (
        '<form id="s">\n<input type="checkbox" name="terms" @required(true)>\n'
        '<input type="checkbox" name="newsletter" @required(false)>\n</form>\n'
    )
    terms, newsletter = only_form(write(tmp_path, "signup.blade.php", markup)).fields
    assert terms.required and not newsletter.required


def test_blade_raw_echo_is_template_code(tmp_path):
    """`{!! ... !!}` prints code as `{{ ... }}` does: a name it builds cannot be read (it
    was the field's literal name, `{!! $field !!}`, with no CN001), a label it prints is
    its string (Jetstream's `{!! __('I agree to the :terms_of_service') !!}`)."""
    markup = (
        '<form id="s">\n<label><input type="checkbox" name="terms"> {!! __(\'I agree to the terms\') !!}</label>\n'
        '<input name="{!! $field !!}">\n</form>\n'
    )
    ev = write(tmp_path, "signup.blade.php", markup)
    terms, built = only_form(ev).fields
    assert terms.label == "I agree to the terms" and terms.role is FieldRole.CONSENT
    assert built.name is None
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(3, 1)]
    assert "cannot read ({!! $field !!})" in ev.problems[0].message


@pytest.mark.parametrize(
    "tail",
    [
        '<input type="checkbox" name="newsletter" checked',  # cut after an attribute
        '<input type="checkbox" name="newsletter" checked value="ye',  # inside a value
        '<input type="checkbox" name="newsletter" checked {{ x',  # inside template code
    ],
)
def test_a_file_cut_inside_a_tag_reads_the_tag_and_says_so(tmp_path, tail):
    ev = write(tmp_path, "signup.html", f'<form id="s">\n<input name="email">\n{tail}')
    email, newsletter = only_form(ev).fields
    assert newsletter.name == "newsletter" and newsletter.checked
    assert where(newsletter) == (3, 1)
    (problem,) = ev.problems
    assert (problem.location.line, problem.location.column) == (3, 1)
    assert problem.severity is Severity.WARNING and "cut short" in problem.message


@pytest.mark.parametrize(("opener", "what"), [("<!-- old", "comment"), ("<script>", "<script>")])
def test_a_comment_or_script_never_closed_is_reported(tmp_path, opener, what):
    ev = write(
        tmp_path,
        "signup.html",
        f'<form id="s">\n<input name="email">\n{opener}\n<input name="phone">\n</form>\n',
    )
    assert names(only_form(ev)) == ["email"]  # as a browser reads it
    (problem,) = ev.problems
    assert (problem.location.line, problem.location.column) == (3, 1)
    assert what in problem.message and "never closed" in problem.message


def test_closed_comments_and_scripts_at_the_end_are_no_problem(tmp_path):
    ev = write(
        tmp_path,
        "f.html",
        '<form id="s"><input name="a"></form>\n<script>var s = "<!--<b>";</script>\n'
        "<!-- <input name=\"old\"> -->\n<!DOCTYPE x>\n",
    )
    assert names(only_form(ev)) == ["a"] and not ev.problems


def test_smarty_condition_in_a_tag(tmp_path):
    ev = write(
        tmp_path, "f.tpl",
        '{* <form id="hidden"> *}<form id="f">\n'
        '<input type="checkbox" name="privacy" {if $x}checked="checked"{/if}>\n'
        '<input type="text" name="{$var}">\n</form>',
    )
    privacy, unnamed = only_form(ev).fields
    assert privacy.checked_conditionally and privacy.role is FieldRole.CONSENT
    assert unnamed.name is None and unnamed.raw == "{$var}"


def test_checked_inside_a_condition_without_alternative_is_plainly_checked(tmp_path):
    markup = '{% if show %}<input type="checkbox" name="opt_in" checked>{% endif %}'
    ev = write(tmp_path, "f.html", markup)
    (fld,) = only_form(ev).fields
    assert fld.checked and not fld.checked_conditionally and fld.role is FieldRole.CONSENT


def test_radio_no_checked_is_not_a_pre_ticked_choice(tmp_path):
    ev = write(
        tmp_path, "f.html",
        '<input type="radio" name="newsletter" value="1">'
        '<input type="radio" name="newsletter" value="0" checked>',
    )
    (fld,) = only_form(ev).fields
    assert fld.role is FieldRole.CONSENT and not fld.checked


def test_comments_scripts_and_template_comments_hide_forms(tmp_path):
    ev = write(
        tmp_path, "page.html.twig",
        '<!-- <form id="c"><input name="a"></form> -->\n'
        '{# <form id="t"><input name="b"></form> #}\n'
        "<script>var f = '<form id=\"j\"><input name=\"c\"></form>';</script>\n"
        '{{!-- <form id="h"><input name="d"></form> --}}\n'
        '<form id="real"><input name="e"></form>\n',
    )
    form = only_form(ev)
    assert form.name == "real" and names(form) == ["e"]
    assert form.location.line == 5


def test_several_forms_loose_controls_and_the_form_attribute(tmp_path):
    ev = write(
        tmp_path, "account.html.twig",
        '<form id="login"><input name="user"><input type="password" name="pass"></form>\n'
        '<form name="search"><input type="search" name="q" placeholder="Search"></form>\n'
        '<input name="remember" form="login">\n'
        '<input name="loose">\n',
    )
    assert [f.name for f in ev.forms] == ["login", "search", "account"]
    assert names(ev.forms[0]) == ["user", "pass", "remember"]
    search = ev.forms[1].fields[0]
    assert search.role is FieldRole.INPUT and search.label == "Search"  # search boxes are input
    assert names(ev.forms[2]) == ["loose"]
    assert ev.counts == {"form_files": 1, "forms": 3, "form_fields": 5}


def test_roles_technical_honeypot_button_and_multilingual_consent(tmp_path):
    ev = write(
        tmp_path, "f.html",
        '<form id="f">\n'
        '<input type="hidden" name="__RequestVerificationToken" value="x">\n'
        '<input type="text" name="website" class="visually-hidden" tabindex="-1">\n'
        '<div style="display:none"><input type="text" name="url" tabindex="-1"></div>\n'
        '<div class="d-none"><input type="text" name="street"></div>\n'
        '<label><input type="checkbox" name="c1"> Acconsento al trattamento</label>\n'
        '<label><input type="checkbox" name="c2"> Ich stimme der Einwilligung zu</label>\n'
        '<label for="c3">Hozzájárulok</label><input type="checkbox" id="c3" name="c3">\n'
        '<input type="checkbox" name="remember_me">\n'
        '<input type="image" name="go" src="go.png"><button>Send</button>\n'
        "</form>",
    )
    roles = {f.name: f.role for f in only_form(ev).fields}
    assert roles == {
        "__RequestVerificationToken": FieldRole.TECHNICAL,
        "website": FieldRole.HONEYPOT,
        "url": FieldRole.HONEYPOT,
        "street": FieldRole.INPUT,
        "c1": FieldRole.CONSENT,
        "c2": FieldRole.CONSENT,
        "c3": FieldRole.CONSENT,
        "remember_me": FieldRole.INPUT,
        "go": FieldRole.BUTTON,
        None: FieldRole.BUTTON,
    }


def test_razor_if_else_helpers_and_email_text(tmp_path):
    ev = write(
        tmp_path, "Signup.cshtml",
        "@model SignupModel\n<form>\n@if (Model.Opted) {\n"
        '  <input asp-for="Newsletter" type="checkbox" checked />\n} else {\n'
        '  <input asp-for="Newsletter" type="checkbox" />\n}\n'
        "@Html.TextBoxFor(m => m.Address.City)\n@Html.AntiForgeryToken()\n"
        '<p>write to a@b.example</p><input type="email" name="mail" value="@Model.Mail" />\n'
        "</form>",
    )
    fields = by_name(only_form(ev))
    assert list(fields) == ["Newsletter", "Address.City", "__RequestVerificationToken", "mail"]
    assert fields["Newsletter"].checked_conditionally
    assert fields["__RequestVerificationToken"].role is FieldRole.TECHNICAL
    assert fields["mail"].default is None and where(fields["mail"]) == (10, 28)


def test_name_chosen_by_a_condition_keeps_its_literal_branch(tmp_path):
    ev = write(
        tmp_path, "f.twig",
        '<input name="{% if p %}{{ p }}[email]{% else %}email{% endif %}" required>\n'
        '<input name="{{ field.name }}">',
    )
    email, unnamed = only_form(ev).fields
    assert email.name == "email" and email.raw.startswith("{% if p %}") and email.required
    assert unnamed.name is None and unnamed.raw == "{{ field.name }}"
    assert len(ev.problems) == 1 and ev.problems[0].location.line == 2


def test_columns_stay_right_after_template_code_on_the_same_line(tmp_path):
    ev = write(tmp_path, "f.html", '{% if a %}{{ x }}<p>{$y}</p> <input name="n">{% endif %}')
    (fld,) = only_form(ev).fields
    assert where(fld) == (1, 30)


def test_format_html_reads_a_json_suffix_as_markup(tmp_path):
    path = tmp_path / "form.json"
    path.write_text('<form id="x"><input name="a"></form>', encoding="utf-8")
    assert names(only_form(read(path, "html"))) == ["a"]


def test_binary_and_missing_files_raise_source_errors(tmp_path):
    binary = tmp_path / "b.html"
    binary.write_bytes(b"\x00\x01<form>")
    with pytest.raises(SourceError, match="binary"):
        read(binary)
    with pytest.raises(SourceError, match="cannot read"):
        read(tmp_path / "missing.html")


def test_broken_markup_never_raises(tmp_path):
    broken = ["<form", "<input name=", "{% if %}<input", "<<<>><input name='a", "{{", "@("]
    broken.append("<?php echo '<input name=\"a\">'")
    for text in broken:
        ev = write(tmp_path, "x.cshtml", text)
        assert ev.counts["form_files"] == 1


def test_reader_is_usable_directly(tmp_path):
    path = tmp_path / "a.html"
    path.write_text('<input name="x">', encoding="utf-8")
    spec = SourceSpec("forms", "a.html", tmp_path, Location("cnsnt.yaml"))
    ev = read_html_forms(path, spec, SourceContext(base_dir=tmp_path))
    assert ev.forms[0].source == "a.html"
    assert ev.forms[0].fields[0].location == Location("a.html", 1, 1)


def test_markup_the_html_parser_rejects_is_skipped_and_reported(tmp_path):
    markup = '<form id="a"><input name="x"><![foo[ bar ]]><input name="y"></form>'
    ev = write(tmp_path, "m.html", markup)
    assert names(only_form(ev)) == ["x", "y"]
    (problem,) = ev.problems
    assert problem.severity is Severity.WARNING and problem.location.column == 30
    assert "cannot read the markup here" in problem.message


def test_symfony_form_functions_name_the_field_they_render(tmp_path):
    """`form_row(form.email)` renders the form view's child `email`; a loop's `field` stays unknown."""
    ev = write(
        tmp_path,
        "register.html.twig",
        "{{ form_start(form) }}\n"
        "  {{ form_row(form.email, {'label': 'E-mail address'}) }}\n"
        "  {{ form_widget(form.phone) }}\n"
        "  {{ form_row(form[0].nome) }}\n"
        "  {{ form_widget(form.address.city) }}\n"
        "  {% for field in form.extra %}{{ form_widget(field) }}{% endfor %}\n"
        "  {{ form_widget(form.vars.value) }}\n"
        "  {{ form_row(form._token) }}\n"
        "{{ form_end(form) }}\n",
    )
    fields = by_name(only_form(ev))
    assert {"email", "phone", "nome", "city"} <= set(fields)
    assert fields["email"].label == "E-mail address"
    assert "value" not in fields
    assert fields["_token"].role is FieldRole.TECHNICAL  # the CSRF token, not a credential
    unread = [p.message for p in ev.problems]
    assert len(unread) == 2, unread
    assert all("form_widget(" in m and "cannot read" in m for m in unread)


def test_markup_rejected_again_at_the_same_place_is_reported_once(tmp_path):
    """Each retry skips one more `<`; when the parser stops at the same place, one warning."""
    code = (
        "<?php\nfunction q($value) {\n"
        "    $val = '\"?(?<![0-9])'.implode('(\"|,|$)|\"?(?<![0-9])', array_keys($value)).'(\"|,|$)';\n"
        "    echo '<form id=\"f\"><input name=\"email\"></form>';\n}\n"
    )
    ev = write(tmp_path, "class.forms.php", code)
    places = [(p.location.line, p.location.column, p.message) for p in ev.problems]
    assert places and len(places) == len(set(places)), places


def test_rails_helper_options_tick_label_and_type_the_control(tmp_path):
    """`checked: true` ticks a box for everyone (in the options hash, simple_form's
    `input_html`, or `check_box_tag`'s third argument); a condition only may; `as: :boolean`
    makes simple_form's input a checkbox; `f.label :x, "..."` and `label:` word it."""
    ev = write(
        tmp_path,
        "signup.html.erb",
        "<%= form_with model: @user do |f| %>\n"
        '  <%= f.check_box :newsletter, { checked: true }, "yes", "no" %>\n'
        '  <%= f.label :newsletter, "Send me marketing emails" %>\n'
        "  <%= f.check_box :sms_offers, :checked => @user.sms? %>\n"
        "  <%= f.check_box :terms %>\n"
        '  <%= f.input :accept_marketing, as: :boolean, label: "I agree to receive offers",\n'
        "        input_html: { checked: true } -%>\n"
        '  <%= check_box_tag "partner_offers", "1", true %>\n'
        '  <%= f.radio_button :consent, "no", checked: true %>\n'
        "  <%= f.input :phone, label: 'Mobile phone', required: true %>\n"
        "  <%= f.input :bio, as: :text %>\n"
        "<% end %>\n",
    )
    fields = by_name(only_form(ev))
    news = fields["newsletter"]
    assert (news.control, news.role, news.checked, news.label) == (
        "checkbox", FieldRole.CONSENT, True, "Send me marketing emails")
    assert fields["sms_offers"].checked and fields["sms_offers"].checked_conditionally
    assert not fields["terms"].checked  # the record's value decides
    accept = fields["accept_marketing"]
    assert (accept.control, accept.role, accept.checked) == ("checkbox", FieldRole.CONSENT, True)
    assert fields["partner_offers"].checked and not fields["partner_offers"].checked_conditionally
    assert not fields["consent"].checked  # a "no" ticked gives no consent
    phone = fields["phone"]
    assert (phone.control, phone.label, phone.required) == ("text", "Mobile phone", True)
    assert fields["bio"].control == "textarea"


def test_rails_checked_literals_tick_as_rails_renders_them(tmp_path):
    """A builder ticks a box for `checked: true` or `"checked"` only (Rails' `input_checked?`:
    `checked: "true"` renders it unticked); `check_box_tag`'s third argument for any literal
    but false and nil. A literal ticks it for everyone: no template condition."""
    ev = write(
        tmp_path,
        "signup.html.erb",
        "<%= form_with model: @user do |f| %>\n"
        '  <%= f.check_box :newsletter, checked: "checked" %>\n'
        '  <%= f.check_box :offers, checked: "true" %>\n'
        '  <%= f.input :sms_offers, as: :boolean, input_html: { checked: "checked" } %>\n'
        '  <%= check_box_tag "partner_offers", "1", "checked" %>\n'
        "<% end %>\n",
    )
    fields = by_name(only_form(ev))
    ticks = {name: (f.checked, f.checked_conditionally) for name, f in fields.items()}
    assert ticks == {
        "newsletter": (True, False),
        "offers": (False, False),
        "sms_offers": (True, False),
        "partner_offers": (True, False),
    }


def test_rails_pre_ticked_consent_is_reported(tmp_path):
    """The audit of a Rails form: the box ticked in its options is a CN203 at its line."""
    (tmp_path / "signup.html.erb").write_text(
        "<%= form_with model: @user do |f| %>\n"
        "  <%= f.email_field :email %>\n"
        '  <%= f.check_box :marketing_opt_in, checked: true %> <%= f.label :marketing_opt_in, "Send me offers" %>\n'
        "<% end %>\n",
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  forms:\n    - {path: signup.html.erb}\npurposes: {}\ndata: {}\n",
        encoding="utf-8",
    )
    from cnsnt.api import audit_path

    result = audit_path(tmp_path)
    cn203 = [f for f in result.findings if f.rule == "CN203"]
    assert [(f.location.line, f.location.column) for f in cn203] == [(3, 3)]


def test_rails_form_builder_names_the_field_after_its_attribute(tmp_path):
    """`f.text_field "q"`, `f.radio_button :order, "newest"`: the builder's first argument is
    the field; `f.submit "Search"` is a button's caption, and a computed name stays unknown."""
    ev = write(
        tmp_path,
        "index.html.erb",
        "<%= form_with url: '/search', method: :get do |f| %>\n"
        '  <%= f.text_field "q", { aria: { label: "Search query" }, size: 40 } %>\n'
        "  <%= f.email_field :email %>\n"
        '  <label><%= f.radio_button :order, "newest", checked: true %> Newest</label>\n'
        "  <%= f.select 'moderator', options_for_select(@moderators) %>\n"
        "  <%= f.text_field field_name %>\n"
        '  <%= select("job", "supplier_id", Supplier.all.map { |s| [s.name, s.id] }) %>\n'
        "  <%= text_field :user, :nickname %>\n"
        '  <%= f.submit "Search" %>\n'
        "<% end %>\n",
    )
    fields = by_name(only_form(ev))
    assert {"q", "email", "order", "moderator", "job[supplier_id]", "user[nickname]"} <= set(fields)
    assert fields["email"].control == "email" and fields["order"].control == "radio"
    assert "Search" not in fields
    # a GET form is a search (review29 D7): one note says so, beside the one name left unread
    unread = [p.message for p in ev.problems if "search or filter form" not in p.message]
    assert len(unread) == 1 and "f.text_field field_name" in unread[0], unread
    assert fields["q"].role is FieldRole.SEARCH


def test_a_django_or_wtforms_bound_fields_printed_name_names_the_field(tmp_path):
    """`name="{{ form.main_geiq.name }}"` (les emplois' Django templates; WTForms' `Field.name`
    the same): the form's field, not "a name cnsnt cannot read". A loop's `{{ field.name }}`
    and a value's `{{ item.category.name }}` stay unread."""
    ev = write(
        tmp_path,
        "filters.html",
        '<form method="get" id="filters">\n'
        '  <input type="checkbox" name="{{ form.main_geiq.name }}">\n'
        '  <input type="text" name="{{ filters_form.job_seeker.html_name }}">\n'
        '  <input type="text" name="{{ item.category.name }}">\n'
        '  {% for field in form %}<input name="{{ field.name }}">{% endfor %}\n'
        "</form>\n",
    )
    assert [(f.name, f.raw) for f in only_form(ev).fields] == [
        ("main_geiq", "{{ form.main_geiq.name }}"),
        ("job_seeker", "{{ filters_form.job_seeker.html_name }}"),
        (None, "{{ item.category.name }}"),
        (None, "{{ field.name }}"),
    ]
    # the GET form is a search (review29 D7): a note at the form besides the two unread names
    assert [(p.location.line, p.severity) for p in ev.problems] == [
        (4, Severity.WARNING), (5, Severity.WARNING), (1, Severity.INFO)
    ]


def test_rails_collection_helpers_with_a_block_are_their_field(tmp_path):
    """`f.collection_check_boxes(:ids, ...) do |b|` opens a block: the helper is the field
    (CASA's contact form: `contact_type_ids` and `medium_type` were lost), and the builder's
    `b.check_box` / `b.radio_button` inside draw its items, no controls of their own. A
    `b.check_box` outside such a block is still a control cnsnt cannot name."""
    ev = write(
        tmp_path,
        "details.html.erb",
        "<%= form_with model: @contact do |form| %>\n"
        "  <% groups.each do |name, types| %>\n"
        "    <%= form.collection_check_boxes(:contact_type_ids, types, :id, :name) do |b| %>\n"
        '      <div><%= b.check_box(class: "type #{klass}") %> <%= b.label %></div>\n'
        "    <% end %>\n"
        "  <% end %>\n"
        '  <%= form.collection_radio_buttons(:medium_type, mediums, "value", "label") do |item| %>\n'
        "    <% if item.value == 'x' %><%= item.radio_button(class: radio_class) %><% end %>\n"
        "  <% end %>\n"
        "  <%= form.select :country, {}, { required: true } do %>\n"
        "    <option>IT</option>\n"
        "  <% end %>\n"
        "  <% form.fields_for :address do |b| %><%= b.text_field :city %><% end %>\n"
        "  <%= b.check_box(class: 'orphan') %>\n"
        "<% end %>\n",
    )
    fields = by_name(only_form(ev))
    assert {n: (f.control, f.location.line) for n, f in fields.items()} == {
        "contact_type_ids": ("checkbox", 3),
        "medium_type": ("radio", 7),
        "country": ("select", 10),
        "city": ("text", 13),
    }
    assert fields["country"].required
    unread = [(p.location.line, p.message) for p in ev.problems]
    assert len(unread) == 1 and unread[0][0] == 14 and "b.check_box(class: 'orphan')" in unread[0][1], unread


def test_laravel_collective_and_spatie_helpers_draw_named_labelled_fields(tmp_path):
    """Laravel Collective's `{!! Form::checkbox('x', 1, true) !!}` and spatie's `html()->`:
    the first argument names the field, `Form::label` or the options label it, `'required'`
    bare or keyed requires it; a literal third argument ticks a box for everyone, a variable
    only may, a "no" radio gives no consent; a computed name is a warning at its place."""
    ev = write(
        tmp_path,
        "register.blade.php",
        "{!! Form::open(['route' => 'register']) !!}\n"
        "  {!! Form::label('email', 'E-mail') !!} {!! Form::email('email') !!}\n"
        "  {!! Form::text('name', null, ['class' => 'x', 'required']) !!}\n"
        "  {!! Form::password('password', ['placeholder' => 'Password', 'required' => true]) !!}\n"
        "  {!! Form::select('country', $countries, null, ['aria-label' => 'Country']) !!}\n"
        "  {!! Form::checkbox('newsletter', 1, true) !!} {!! Form::label('newsletter', 'Send me offers') !!}\n"
        "  {!! Form::checkbox('sms_offers', 1, $user->sms) !!}\n"
        "  {!! Form::checkbox('partner_offers', 1, 'checked') !!}\n"
        "  {!! Form::checkbox('terms') !!}\n"
        "  {!! Form::radio('consent', 'no', true) !!}\n"
        "  {!! Form::hidden('_token') !!} {!! Form::text($field) !!}\n"
        "  {{ Form::submit('Save') }}\n"
        "{!! Form::close() !!}\n"
        "{{-- {{ Form::text('old_phone') }} --}}\n"
        "{{ html()->form('POST', '/x')->open() }}\n"
        "  {{ html()->email('work_email')->placeholder('Work e-mail')->required() }}\n"
        "  {{ html()->checkbox('marketing', true) }}\n"
        "{{ html()->form()->close() }}\n",
    )
    fields = by_name(only_form(ev))
    assert names(only_form(ev)) == [
        "email", "name", "password", "country", "newsletter", "sms_offers", "partner_offers",
        "terms", "consent", "_token", None, "work_email", "marketing",
    ]
    assert (fields["email"].control, fields["email"].label) == ("email", "E-mail")
    assert fields["name"].required and fields["password"].required
    assert (fields["password"].control, fields["password"].label) == ("password", "Password")
    assert (fields["country"].control, fields["country"].label) == ("select", "Country")
    news = fields["newsletter"]
    assert (news.role, news.checked, news.checked_conditionally, news.label) == (
        FieldRole.CONSENT, True, False, "Send me offers")
    ticks = {n: (fields[n].checked, fields[n].checked_conditionally)
             for n in ("sms_offers", "partner_offers", "terms", "consent", "marketing")}
    assert ticks == {
        "sms_offers": (True, True),
        "partner_offers": (True, False),
        "terms": (False, False),
        "consent": (False, False),  # a "no" ticked gives no consent
        "marketing": (True, False),
    }
    assert fields["_token"].role is FieldRole.TECHNICAL
    work = fields["work_email"]
    assert (work.control, work.label, work.required) == ("email", "Work e-mail", True)
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(11, 34)]
    assert "Form::text($field)" in ev.problems[0].message


def test_a_laravel_helper_php_cannot_read_is_a_warning_not_dropped(tmp_path):
    """`{!! Form::text('a', [ !!}`: the field is kept unnamed, and a CN001 warning gives its
    place; a form's opening tag PHP cannot read draws no field."""
    ev = write(
        tmp_path,
        "edit.blade.php",
        "{!! Form::open(['url' => !!}\n  {!! Form::email('email') !!} {!! Form::text('phone', [ !!}\n",
    )
    assert names(only_form(ev)) == ["email", None]
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        (2, 32, Severity.WARNING)]


@pytest.mark.parametrize(
    ("name", "commented", "live"),
    [
        ("signup.html.erb", "<%= f.check_box :newsletter, checked: true %>", "<%= f.email_field :email %>"),
        ("signup.blade.php", "{!! Form::checkbox('newsletter', 1, true) !!}", "{!! Form::email('email') !!}"),
    ],
)
def test_a_helper_in_an_html_comment_draws_no_field(tmp_path, name, commented, live):
    """`<!-- <%= f.check_box ... %> -->`: the server prints the box into a comment, which no
    browser renders (a box ticked there is no pre-ticked consent)."""
    ev = write(tmp_path, name, f"<form>\n  <!-- {commented} -->\n  <!--\n  {commented}\n  -->\n  {live}\n</form>\n")
    assert names(only_form(ev)) == ["email"]


def test_laravel_helpers_joined_in_one_echo_are_read(tmp_path):
    """`{!! Form::label('a', 'A') . Form::text('a') !!}`: the control, labelled by its
    neighbour; two controls in one echo are a field with an unread name (a warning)."""
    ev = write(
        tmp_path,
        "edit.blade.php",
        "{!! Form::checkbox('offers', 1, true) . ' ' . Form::label('offers', 'Send me offers') !!}\n"
        "{!! Form::text('city') . Form::text('zip') !!}\n",
    )
    form = only_form(ev)
    offers = by_name(form)["offers"]
    assert (offers.control, offers.label, offers.checked) == ("checkbox", "Send me offers", True)
    assert names(form) == ["offers", None]
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(2, 1)]


def test_laravel_pre_ticked_consent_is_reported(tmp_path):
    """The audit of a Blade form: the box Collective ticks is a CN203 at its line."""
    (tmp_path / "signup.blade.php").write_text(
        "{!! Form::open(['url' => 'signup']) !!}\n"
        "  {!! Form::email('email') !!}\n"
        "  {!! Form::checkbox('marketing_opt_in', 1, true) !!} {!! Form::label('marketing_opt_in', 'Send me offers') !!}\n"
        "{!! Form::close() !!}\n",
        encoding="utf-8",
    )
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  forms:\n    - {path: signup.blade.php}\npurposes: {}\ndata: {}\n",
        encoding="utf-8",
    )
    from cnsnt.api import audit_path

    result = audit_path(tmp_path)
    cn203 = [f for f in result.findings if f.rule == "CN203"]
    assert [(f.location.line, f.location.column) for f in cn203] == [(3, 3)]


def test_a_radios_or_a_checkbox_groups_own_label_names_an_option_not_the_field(tmp_path):
    """Monica's user form: radios `permission` labelled "Regular user", "Administrator".

    The field is named by the group's legend or ARIA label, else by its name alone; a
    single checkbox keeps its own label (and is known as consent by it).
    """
    ev = write(
        tmp_path,
        "user.html",
        '<form id="user">\n'
        '  <input type="radio" id="p1" name="permission" value="user"><label for="p1">Regular user</label>\n'
        '  <input type="radio" id="p2" name="permission" value="admin"><label for="p2">Administrator</label>\n'
        '  <label><input type="checkbox" name="roles[]" value="a"> User account</label>\n'
        "  <fieldset><legend>Contact me by</legend>\n"
        '    <label><input type="checkbox" name="channel" value="e"> Email</label>\n'
        '    <label><input type="checkbox" name="channel" value="p"> Phone</label></fieldset>\n'
        '  <div role="radiogroup" aria-labelledby="lang-h"><h3 id="lang-h">Language</h3>\n'
        '    <label><input type="radio" name="lang" value="en"> English user</label></div>\n'
        '  <label><input type="checkbox" name="nl"> I agree to receive newsletters</label>\n'
        "</form>\n",
    )
    fields = by_name(only_form(ev))
    assert fields["permission"].label is None
    assert fields["roles[]"].label is None
    assert fields["channel"].label == "Contact me by"
    assert fields["lang"].label == "Language"
    assert fields["nl"].label == "I agree to receive newsletters"
    assert fields["nl"].role is FieldRole.CONSENT


def test_custom_element_controls_blade_components_and_vue_libraries(tmp_path):
    """Laravel Breeze's `<x-text-input name="name">`, Jetstream's `<x-checkbox name="terms">`,
    Element Plus' `<el-input v-model>`, Vuetify's `<v-text-field>`: controls whose tag is a
    component, lost without a word; a component that takes no name or says it is no
    control (`<x-input-label>`, `<x-input-error>`, `<x-slot name>`) is none."""
    blade = write(
        tmp_path,
        "register.blade.php",
        '<form method="POST" action="{{ route(\'register\') }}">\n'
        "    @csrf\n"
        '    <x-input-label for="name" :value="__(\'Name\')" />\n'
        '    <x-text-input id="name" type="text" name="name" :value="old(\'name\')" required />\n'
        '    <x-input-error :messages="$errors->get(\'name\')" name="name_error" />\n'
        '    <x-slot name="header">Register</x-slot>\n'
        '    <x-checkbox name="terms" id="terms" />\n'
        '    <input type="email" name="email">\n'
        "</form>\n",
    )
    fields = by_name(only_form(blade))
    assert names(only_form(blade)) == ["name", "terms", "email"]
    assert fields["name"].control == "text" and fields["name"].required
    assert fields["terms"].control == "checkbox" and fields["terms"].role is FieldRole.CONSENT
    vue = write(
        tmp_path,
        "Contact.vue",
        '<template>\n  <form id="contact">\n'
        '    <v-text-field v-model="email" name="email" type="email" label="E-mail"></v-text-field>\n'
        '    <el-input v-model="form.phone" />\n'
        '    <el-switch v-model="form.newsletter" />\n'
        '    <router-link to="/privacy">Privacy</router-link>\n'
        "  </form>\n</template>\n",
    )
    fields = by_name(only_form(vue))
    assert names(only_form(vue)) == ["email", "phone", "newsletter"]
    assert fields["email"].control == "email" and fields["email"].label == "E-mail"
    assert fields["newsletter"].control == "checkbox" and fields["newsletter"].role is FieldRole.CONSENT
    assert not blade.problems and not vue.problems


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("Ik wil de nieuwsbrief ontvangen", "nl"),
        ("Ik ga akkoord met de privacyverklaring", "nl"),
        ("Wyrażam zgodę na otrzymywanie informacji", "pl"),
        ("Zapisz mnie do biuletynu", "pl"),
        ("Kérem a hírlevelet", "hu"),
        ("Quiero recibir el boletín", "es"),
        ("Recevoir l'infolettre", "fr"),
        ("Bülten almak istiyorum", "tr"),
        ("Ich bin mit der Speicherung meiner Daten einverstanden", "de"),
    ],
)
def test_a_consent_box_is_known_in_the_forms_language(tmp_path: Path, label: str, lang: str) -> None:
    """A pre-ticked Dutch or Polish newsletter box is consent (CN203 reads it), as an English one is."""
    page = tmp_path / "signup.html"
    page.write_text(
        f'<form id="signup"><input name="email" type="email">'
        f'<label><input type="checkbox" name="box" checked> {label}</label></form>\n',
        encoding="utf-8",
    )
    box = next(f for f in read_form(page).fields if f.name == "box")
    assert box.role is FieldRole.CONSENT, (lang, box)
    email = next(f for f in read_form(page).fields if f.name == "email")
    assert email.role is FieldRole.INPUT


def test_a_projects_own_form_macro_is_read_from_its_name_and_said(tmp_path):
    """`Form::normalInput('nombre', ...)` (AsgardCMS's macros): a project's helper, not
    Collective's. Its name says the control and its first argument the field, as
    Collective's convention has it: read so, with a CN001 note; one whose name says no
    control is kept unnamed (a warning); a button macro draws no field. They were all
    dropped without a word, the patient's name, surname and sex with them."""
    ev = write(
        tmp_path,
        "create.blade.php",
        "<form method=post>\n"
        "  {!! Form::normalInput('nombre', 'Nombre', $errors) !!}\n"
        "  {!! Form::normalSelect('sexo', 'Sexo', $errors, $opciones) !!}\n"
        "  {!! Form::fancyWidget('x') !!}\n"
        "  {!! Form::submitBtn('Guardar') !!}\n"
        "  {!! Form::close() !!}\n"
        "</form>\n",
    )
    fields = only_form(ev).fields
    assert [(f.name, f.control) for f in fields] == [("nombre", "text"), ("sexo", "select"), (None, "text")]
    notes = [(p.location.line, p.severity) for p in ev.problems]
    assert notes == [(2, Severity.INFO), (3, Severity.INFO), (4, Severity.WARNING)]
    assert "a macro of the project" in ev.problems[0].message


# ---------------------------------------------------------------- Velocity (trial36)

VELOCITY_EDIT = """\
## a code generator's template of an edit dialog
<el-form ref="form" :model="form">
#foreach($column in $columns)
#set($field=$column.javaField)
#if($column.insert && !$column.pk)
  <el-form-item label="$column.columnComment" prop="${field}">
    <el-input v-model="form.$field" placeholder="Enter $comment" />
    <input name="$!{field}" />
  </el-form-item>
#{else}
  <input type="checkbox" name="agree_terms" #if($checked)checked#end />
#end
#end
  <input name="owner_email" />
</el-form>
#* <input name="never_rendered" /> *#
"""


def test_velocity_references_are_template_code_and_its_comments_no_markup(tmp_path):
    """`v-model="form.$field"` in a `.vm` template names no field `$field`: a CN001 warning
    at the control; `##` and `#* *#` comments are no markup; `#if` is a condition."""
    ev = write(tmp_path, "editDialog.vue.vm", VELOCITY_EDIT)
    form = only_form(ev)
    assert names(form) == [None, None, "agree_terms", "owner_email"]
    unread = [p.message for p in ev.problems if p.severity is Severity.WARNING]
    assert unread == [
        'field at 7:5 has a name cnsnt cannot read (v-model="form.$field")',
        'field at 8:5 has a name cnsnt cannot read ($!{field})',
    ]
    agree = by_name(form)["agree_terms"]
    assert agree.checked_conditionally  # `checked` printed under `#if`: the template chooses


# ---------------------------------------------------------------- markup in a script's strings


def test_a_scripts_escaped_quotes_are_the_quotes_of_its_markup(tmp_path: Path) -> None:
    """In a script read with `format: html`, `\\"` in a string is the markup's `"` (trial37).

    A publisher view appended `"<input type=\\"hidden\\" value=\\"" + id + "\\" name=\\"photos[]\\" />"`
    to its form: the field came out named `\\"photos[]\\"`, backslashes and quotes, which no
    browser submits and no policy line would match.
    """
    path = tmp_path / "uploader_view.js"
    path.write_text(
        "var Uploader = {\n"
        "  added: function(photoId) {\n"
        '    form.append("<input type=\\"hidden\\", value=\\"" + photoId + "\\" name=\\"photos[]\\" />");\n'
        "    form.append('<textarea name=\\'caption\\' rows=\\'3\\'></textarea>');\n"
        '    form.append("<input type=\\"text\\" name=\\"album\\">");\n'
        "  }\n"
        "};\n",
        encoding="utf-8",
    )
    ev = read_form(path, "html")
    fields = {f.name: f for form in ev.forms for f in form.fields}
    assert sorted(n for n in fields if n) == ["album", "caption", "photos[]"]
    assert fields["photos[]"].control == "hidden" and fields["caption"].control == "textarea"
    assert where(fields["album"]) == (5, 18)  # columns as written, escapes and all
