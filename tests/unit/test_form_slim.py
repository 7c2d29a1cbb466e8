"""Slim views are read as the ERB they render, at the Slim file's lines and columns (as Haml's are).

`input type="checkbox" name="newsletter" checked=true`, `= f.check_box :marketing, checked:
true`: a Slim view and its ERB twin give the same fields and findings. The views are
written for these tests, in the spirit of a Rails app's sign-up page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.sources.forms.slim import translate_slim
from tests.conftest import read_form

SLIM = """\
doctype html
/ input name="in_a_code_comment"
= form_with model: @member, url: members_path do |f|
  .field#mail
    label for="member_email" E-mail address
    = f.email_field :email, required: true
  input type="checkbox" name="newsletter" checked=true
  input(type="checkbox" name="partner_offers"
        checked)
  input type="checkbox" name="sms" checked=@member.sms?
  input.form-control type="tel" name="phone" placeholder="Mobile phone" disabled=true
  - if @member.new_record?
    = f.check_box :marketing_opt_in, checked: true
  - else
    p Welcome back, #{@member.name}
  select name="country"
    option value="fr" France
  textarea name="bio" rows=4
  ul: li: label
    input type="checkbox" name="terms"
  javascript:
    var box = '<input name="in_a_script">';
  | Or write to us: <input name="raw_html_box">
  = f.submit "Join"
"""
ERB = """\
<%= form_with model: @member, url: members_path do |f| %>
  <div class="field" id="mail">
    <label for="member_email">E-mail address</label>
    <%= f.email_field :email, required: true %>
  </div>
  <input type="checkbox" name="newsletter" checked>
  <input type="checkbox" name="partner_offers" checked>
  <input type="checkbox" name="sms" <% if @member.sms? %>checked<% end %>>
  <input class="form-control" type="tel" name="phone" placeholder="Mobile phone" disabled>
  <% if @member.new_record? %>
    <%= f.check_box :marketing_opt_in, checked: true %>
  <% else %>
    <p>Welcome back, <%= @member.name %></p>
  <% end %>
  <select name="country">
    <option value="fr">France</option>
  </select>
  <textarea name="bio" rows="4"></textarea>
  <ul><li><label>
    <input type="checkbox" name="terms">
  </label></li></ul>
  Or write to us: <input name="raw_html_box">
  <%= f.submit "Join" %>
<% end %>
"""


def _read(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def _only(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def _reading(f: FormField) -> tuple[object, ...]:
    return (f.name, f.control, f.role, f.checked, f.checked_conditionally, f.required, f.label)


def test_a_slim_view_gives_its_controls(tmp_path: Path) -> None:
    form = _only(_read(tmp_path, "members/new.html.slim", SLIM))
    assert form.model == "member"
    fields = {f.name: f for f in form.fields if f.name is not None}
    assert list(fields) == [
        "email", "newsletter", "partner_offers", "sms", "phone", "marketing_opt_in", "country", "bio", "terms",
        "raw_html_box",
    ]
    assert (fields["email"].control, fields["email"].required, fields["email"].label) == (
        "email", True, "E-mail address")
    assert (fields["newsletter"].checked, fields["newsletter"].checked_conditionally) == (True, False)
    assert fields["partner_offers"].checked  # a bare name in a wrapper is true
    assert (fields["sms"].checked, fields["sms"].checked_conditionally) == (True, True)
    assert (fields["phone"].control, fields["phone"].role) == ("tel", FieldRole.DISABLED)
    assert fields["marketing_opt_in"].checked
    assert (fields["country"].control, fields["bio"].control) == ("select", "textarea")


def test_a_slim_view_and_its_erb_twin_read_the_same(tmp_path: Path) -> None:
    slim = _only(_read(tmp_path, "a/new.html.slim", SLIM))
    erb = _only(_read(tmp_path, "b/new.html.erb", ERB))
    assert [_reading(f) for f in slim.fields] == [_reading(f) for f in erb.fields]


def test_inline_tags_text_and_comments() -> None:
    html = translate_slim(SLIM).text
    assert "<ul><li><label>" in html and "</label></li></ul>" in html
    assert "in_a_code_comment" not in html and "in_a_script" not in html
    assert "<p>Welcome back, <%= @member.name %></p>" in html
    assert html.count("\n") == SLIM.count("\n")


def test_findings_name_the_slim_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "views").mkdir()
    (tmp_path / "views" / "join.html.slim").write_text(SLIM, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms: [{path: "views/*"}]\npurposes: {}\ndata: {}\n', encoding="utf-8"
    )
    cn203 = [f for f in audit_path(tmp_path).findings if f.rule == "CN203"]
    assert [(f.location.line, f.location.column) for f in cn203] == [(7, 3), (13, 5)]  # newsletter, marketing_opt_in


def test_a_wrapper_never_closed_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.html.slim"
    path.write_text('form\n  input(type="email" name="email"\n  input name="phone"\n', encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        read_form(path)
    assert raised.value.location is not None
    assert (raised.value.location.line, raised.value.location.column) == (2, 8)
    assert "(a Slim view)" in raised.value.message


def test_a_ruby_line_runs_on_after_a_backslash(tmp_path: Path) -> None:
    """`= f.input \\` on one line and its options on the next ones, as Slim reads them."""
    view = '= simple_form_for @member do |f|\n  = f.input \\\n    :phone, \\\n    label: "Mobile phone", \\\n    required: true\n  = f.input :city\n'
    form = _only(_read(tmp_path, "edit.html.slim", view))
    fields = {f.name: f for f in form.fields}
    assert (fields["phone"].label, fields["phone"].required) == ("Mobile phone", True)
    assert (fields["phone"].location.line, fields["phone"].location.column) == (2, 3)
    assert "city" in fields


def test_erb_marks_in_a_slim_view_are_no_erb(tmp_path: Path) -> None:
    """`%>` in a Ruby string, `<%` in text: as ERB they ended or opened a tag (codereview38b)."""
    view = (
        "= form_with model: @member do |f|\n"
        '  = f.check_box :discount_alerts, title: "50%>", checked: true\n'
        "  p Prices drop by <% 10\n"
        '  input name="postcode"\n'
        "  = f.email_field :email\n"
    )
    fields = {f.name: f for f in _only(_read(tmp_path, "alerts.html.slim", view)).fields}
    assert fields["discount_alerts"].checked
    assert "postcode" in fields and "email" in fields


def test_an_unescaped_output_line_is_placed_at_its_start(tmp_path: Path) -> None:
    view = '= form_with model: @member do |f|\n  == f.text_field :nickname\n'
    field = _only(_read(tmp_path, "marks.html.slim", view)).fields[0]
    assert (field.location.line, field.location.column) == (2, 3)


def test_a_tag_with_attributes_nests_the_next_tag_after_a_colon(tmp_path: Path) -> None:
    """`p class="x": input ...`: Slim ends a quoted value at its quote; the `:` nests the control."""
    view = 'form\n  p class="consent": input type="checkbox" name="terms" checked=true\n'
    fields = {f.name: f for f in _only(_read(tmp_path, "terms.html.slim", view)).fields}
    assert fields["terms"].checked


def test_a_view_whose_lines_end_in_a_carriage_return_alone_gives_its_fields_at_their_lines(tmp_path: Path) -> None:
    """Classic Mac line ends (`\\r` alone): read as one line, the view gave no field."""
    text = 'form action="/members"\r  input type="email" name="email"\r  input name="phone"\r'
    form = _only(_read(tmp_path, "mac.html.slim", text))
    assert [(f.name, f.location.line, f.location.column) for f in form.fields] == [("email", 2, 3), ("phone", 3, 3)]
