"""Haml views are read as the ERB they render, at the Haml file's lines and columns.

A Rails shop writes its forms in Haml (`%input{...}`, `= f.check_box :marketing, checked:
true`): cnsnt named such a view "a format cnsnt does not read" and audited none of it. Each
view here is written for these tests, in the spirit of a Rails app's sign-up and settings
pages; each has an ERB twin where the two must read the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, FieldRole, Form, FormField
from cnsnt.sources.forms.haml import translate
from tests.conftest import read_form


def _read(tmp_path: Path, name: str, text: str) -> Evidence:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_form(path)


def _only(ev: Evidence) -> Form:
    assert len(ev.forms) == 1, [f.name for f in ev.forms]
    return ev.forms[0]


def _fields(form: Form) -> dict[str | None, FormField]:
    return {f.name: f for f in form.fields if f.name is not None}


def _reading(f: FormField) -> tuple[object, ...]:
    return (f.name, f.control, f.role, f.checked, f.checked_conditionally, f.required, f.readonly, f.label)


# ---------------------------------------------------------------- element lines

ELEMENTS = """\
%form#newsletter-signup{action: "/subscribe", method: "post"}
  %label{for: "sub_email"} Your e-mail
  %input#sub_email{type: "email", name: "email", required: true}
  %input(type="text" name="first_name" placeholder="First name")
  %input{:type => "checkbox", :name => "newsletter", :checked => true}
  %input{type: "checkbox", name: "partner_offers", checked: @user.partner_offers?}
  %input{type: "checkbox", name: "terms", checked: false}
  %input.form-control{type: "tel",
    name: "phone",
    disabled: true,
    data: {mask: "phone", toggle_hint: "yes"}}
  %select{name: "country"}
    %option{value: "fr"} France
    %option{value: "de", selected: true} Germany
  %textarea{name: "bio", rows: 4}
  %button{type: "submit"} Subscribe
%p Thanks
"""


def test_element_lines_give_their_controls(tmp_path: Path) -> None:
    form = _only(_read(tmp_path, "subscribe.html.haml", ELEMENTS))
    assert form.name == "newsletter-signup"  # the `#id` shortcut names the form
    fields = _fields(form)
    assert list(fields) == ["email", "first_name", "newsletter", "partner_offers", "terms", "phone", "country", "bio"]
    email = fields["email"]
    assert (email.control, email.required, email.label) == ("email", True, "Your e-mail")
    assert fields["first_name"].control == "text"
    news = fields["newsletter"]
    assert (news.control, news.role, news.checked, news.checked_conditionally) == (
        "checkbox", FieldRole.CONSENT, True, False)
    offers = fields["partner_offers"]
    assert (offers.checked, offers.checked_conditionally) == (True, True)  # only when the code says so
    assert not fields["terms"].checked  # `checked: false` writes no attribute
    assert (fields["phone"].control, fields["phone"].role) == ("tel", FieldRole.DISABLED)
    assert fields["country"].control == "select"
    assert fields["bio"].control == "textarea"


ELEMENTS_ERB = """\
<form id="newsletter-signup" action="/subscribe" method="post">
  <label for="sub_email">Your e-mail</label>
  <input id="sub_email" type="email" name="email" required>
  <input type="text" name="first_name" placeholder="First name">
  <input type="checkbox" name="newsletter" checked>
  <input type="checkbox" name="partner_offers" <% if @user.partner_offers? %>checked<% end %>>
  <input type="checkbox" name="terms">
  <input class="form-control" type="tel" name="phone" disabled data-mask="phone" data-toggle-hint="yes">
  <select name="country">
    <option value="fr">France</option>
    <option value="de" selected>Germany</option>
  </select>
  <textarea name="bio" rows="4"></textarea>
  <button type="submit">Subscribe</button>
</form>
<p>Thanks</p>
"""


def test_element_lines_read_as_their_erb_twin(tmp_path: Path) -> None:
    haml = _only(_read(tmp_path, "a/subscribe.html.haml", ELEMENTS))
    erb = _only(_read(tmp_path, "b/subscribe.html.erb", ELEMENTS_ERB))
    assert [_reading(f) for f in haml.fields] == [_reading(f) for f in erb.fields]


def test_attributes_are_written_as_haml_renders_them() -> None:
    html = translate(ELEMENTS).text
    assert '<form id="newsletter-signup" action="/subscribe" method="post">' in html
    assert '<input id="sub_email" type="email" name="email" required>' in html
    assert '<input type="checkbox" name="newsletter" checked>' in html
    assert "<% if @user.partner_offers? %>checked<% end %>" in html
    assert 'name="terms"' in html and 'name="terms" checked' not in html
    assert 'data-mask="phone" data-toggle-hint="yes"' in html
    assert html.count("\n") == ELEMENTS.count("\n")  # line for line
    assert html.rstrip().endswith("</form><p> Thanks</p>")  # closed where the indentation returns


# ---------------------------------------------------------------- Ruby lines

RUBY = """\
= form_with model: @member, url: members_path do |f|
  .field
    = f.label :email, "E-mail address"
    = f.email_field :email, required: true
  - if @member.new_record?
    = f.check_box :marketing, checked: true
    = f.label :marketing, "Send me offers"
  - else
    = f.check_box :marketing
  = f.input :phone, label: "Mobile phone",
    required: true
  = f.fields_for :address do |a|
    = a.text_field :street
  = f.submit "Join"
"""

RUBY_ERB = """\
<%= form_with model: @member, url: members_path do |f| %>
  <div class="field">
    <%= f.label :email, "E-mail address" %>
    <%= f.email_field :email, required: true %>
  </div>
  <% if @member.new_record? %>
    <%= f.check_box :marketing, checked: true %>
    <%= f.label :marketing, "Send me offers" %>
  <% else %>
    <%= f.check_box :marketing %>
  <% end %>
  <%= f.input :phone, label: "Mobile phone",
    required: true %>
  <%= f.fields_for :address do |a| %>
    <%= a.text_field :street %>
  <% end %>
  <%= f.submit "Join" %>
<% end %>
"""


def test_ruby_lines_give_the_builders_controls(tmp_path: Path) -> None:
    form = _only(_read(tmp_path, "members/new.html.haml", RUBY))
    assert form.model == "member"
    fields = _fields(form)
    assert (fields["email"].control, fields["email"].required, fields["email"].label) == (
        "email", True, "E-mail address")
    marketing = [f for f in form.fields if f.name == "marketing"]
    assert marketing and marketing[0].checked  # `checked: true`, as its ERB twin reads it
    assert (fields["phone"].label, fields["phone"].required) == ("Mobile phone", True)
    assert "address[street]" in fields  # drawn by `f.fields_for :address do |a|`: the address's


def test_a_haml_view_and_its_erb_twin_read_the_same(tmp_path: Path) -> None:
    haml = _only(_read(tmp_path, "a/new.html.haml", RUBY))
    erb = _only(_read(tmp_path, "b/new.html.erb", RUBY_ERB))
    assert [_reading(f) for f in haml.fields] == [_reading(f) for f in erb.fields]
    assert haml.model == erb.model


def test_blocks_end_where_the_indentation_returns() -> None:
    html = translate(RUBY).text
    assert "<% else %>" in html
    assert html.count("<% end %>") == 3  # the `if`, `fields_for` and `form_with` blocks
    assert html.index("<% end %>") < html.index("f.input :phone")  # the `if` closes before it


# ---------------------------------------------------------------- text, comments, filters

TEXT = """\
!!!
%form{action: "/contact", method: "post"}
  -# %input{name: "old_field"}
     %input{name: "under_silent_comment"}
  / %input{name: "in_a_comment"}
  :javascript
    var box = '<input name="in_a_script">';
  %label
    \\= not Ruby: #{t("contact.name")}
    %input{name: "full_name"}
  Plain text <input name="raw_html_box">
"""


def test_comments_and_filters_are_no_markup_and_text_is(tmp_path: Path) -> None:
    fields = _fields(_only(_read(tmp_path, "contact.html.haml", TEXT)))
    assert list(fields) == ["full_name", "raw_html_box"]
    assert fields["full_name"].label.startswith("= not Ruby:")  # the escaped line is text


def test_interpolation_is_written_as_erb_output() -> None:
    assert "<%= t(\"contact.name\") %>" in translate(TEXT).text


# ---------------------------------------------------------------- positions and findings

TWIN_HAML = """\
%h1 Join us
= form_with model: @member do |f|
  = f.email_field :email
  %input{type: "checkbox", name: "newsletter", checked: true}
  = f.check_box :marketing_opt_in, checked: true
"""
TWIN_ERB = """\
<h1>Join us</h1>
<%= form_with model: @member do |f| %>
  <%= f.email_field :email %>
  <input type="checkbox" name="newsletter" checked>
  <%= f.check_box :marketing_opt_in, checked: true %>
<% end %>
"""


def _audit(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, int | None, int | None]]:
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms: [{path: "views/**/*"}]\npurposes: {}\ndata: {}\n', encoding="utf-8"
    )
    found = [f for f in audit_path(tmp_path).findings if f.rule not in ("CN602",)]
    return [(f.rule, f.location.path, f.location.line, f.location.column) for f in found]


def test_findings_name_the_haml_line_and_column(tmp_path: Path) -> None:
    found = _audit(tmp_path, {"views/haml/join.html.haml": TWIN_HAML, "views/erb/join.html.erb": TWIN_ERB})
    haml = sorted((rule, line, col) for rule, path, line, col in found if path.endswith(".haml"))
    erb = sorted((rule, line, col) for rule, path, line, col in found if path.endswith(".erb"))
    assert haml == erb == [("CN101", 3, 3), ("CN203", 4, 3), ("CN203", 5, 3)]


def test_an_attribute_is_placed_at_its_haml_column(tmp_path: Path) -> None:
    text = '%form\n  %input{type: "checkbox",\n    name: "news", checked: true}\n'
    view = translate(text)
    at = view.text.index("checked")
    assert view.line_col(at) == (3, 19)  # `checked:` on the hash's second line
    assert view.line_col(view.text.index("<input")) == (2, 3)


def test_a_broken_view_is_a_cn001_at_its_line_and_the_others_are_read(tmp_path: Path) -> None:
    broken = '%form\n  %input{type: "email", name: "email"\n  %input{name: "phone"}\n'
    path = tmp_path / "broken.html.haml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        read_form(path)
    assert raised.value.location is not None
    assert (raised.value.location.line, raised.value.location.column) == (2, 9)
    assert "never closed" in raised.value.message
    found = _audit(tmp_path, {"views/broken.html.haml": broken, "views/join.html.haml": TWIN_HAML})
    assert ("CN001", "views/broken.html.haml", 2, 9) in found
    assert ("CN203", "views/join.html.haml", 4, 3) in found


def test_ruby_the_grammar_cannot_read_leaves_the_control_unnamed_not_the_view_unread(tmp_path: Path) -> None:
    form = _only(_read(tmp_path, "odd.html.haml", '%form\n  %input{name: "x" "y" =>}\n  %input{name: "city"}\n'))
    assert [f.name for f in form.fields] == [None, "city"]


# ---------------------------------------------------------------- ERB's own marks in a Haml view (codereview38b)


def test_a_percent_gt_in_a_ruby_string_does_not_end_the_erb_tag_early(tmp_path: Path) -> None:
    """`"%>"` is a Ruby string in Haml; in the ERB translation it ended the tag before `checked: true`."""
    view = '= form_with model: @member do |f|\n  = f.check_box :discount_alerts, title: "Save 50%>", checked: true\n'
    fields = _fields(_only(_read(tmp_path, "alerts.html.haml", view)))
    assert fields["discount_alerts"].checked


def test_a_less_percent_in_text_opens_no_erb_tag(tmp_path: Path) -> None:
    """`<%` in Haml text is text: as ERB it swallowed the controls after it up to the next `%>`."""
    view = '%form\n  %p Prices drop by <% 10\n  %input{name: "postcode"}\n  = f.email_field :email\n'
    fields = _fields(_only(_read(tmp_path, "prices.html.haml", view)))
    assert list(fields) == ["postcode", "email"]


def test_a_multiline_pipe_ruby_line_is_one_line(tmp_path: Path) -> None:
    """Haml joins lines ending in ` |`: the options on the next line belong to the builder call."""
    view = (
        "= form_with model: @member do |f|\n"
        "  = f.check_box :newsletter, |\n"
        "    checked: true |\n"
        "  = f.email_field :email\n"
    )
    html = translate(view).text
    assert "|" not in html.replace("do |f|", "")
    assert html.count("<% end %>") == 1  # the form's; none for the joined line
    fields = _fields(_only(_read(tmp_path, "multi.html.haml", view)))
    assert fields["newsletter"].checked
    assert (fields["newsletter"].location.line, fields["newsletter"].location.column) == (2, 3)
    assert "email" in fields


def test_a_multiline_pipe_label_text_is_the_label(tmp_path: Path) -> None:
    view = '%form\n  %label{for: "m_phone"} Your mobile |\n    phone number |\n  %input#m_phone{name: "phone"}\n'
    fields = _fields(_only(_read(tmp_path, "label.html.haml", view)))
    assert list(fields) == ["phone"]
    assert "phone number" in (fields["phone"].label or "")


def test_a_case_and_its_whens_are_one_block() -> None:
    view = '%form\n  - case @step\n  - when :contact\n    %input{name: "email"}\n  - when :address\n    %input{name: "street"}\n  %input{name: "notes"}\n'
    html = translate(view).text
    assert html.index("<% case @step %>") < html.index("<% when :contact %>") < html.index("<% end %>")
    assert html.count("<% end %>") == 1
    assert html.index("<% end %>") < html.index('name="notes"')


def test_an_escaped_or_unescaped_output_line_is_placed_at_its_start(tmp_path: Path) -> None:
    view = '= form_with model: @member do |f|\n  != f.text_field :nickname\n  &= f.text_field :city\n'
    fields = _fields(_only(_read(tmp_path, "marks.html.haml", view)))
    assert [(f.location.line, f.location.column) for f in fields.values()] == [(2, 3), (3, 3)]


# ---------------------------------------------------------------- session 39: what the Haml reader dropped


def test_a_view_whose_lines_end_in_a_carriage_return_alone_gives_its_fields_at_their_lines(tmp_path: Path) -> None:
    """Classic Mac line ends (`\\r` alone): read as one line, the view gave no field."""
    text = '%form{action: "/members"}\r  %input{type: "email", name: "email"}\r  %input{name: "phone"}\r'
    form = _only(_read(tmp_path, "mac.html.haml", text))
    assert [(f.name, f.location.line, f.location.column) for f in form.fields] == [("email", 2, 3), ("phone", 3, 3)]
    broken = '%form\r  %input{name: "city"}\r  %input{name: "zip"\r'
    path = tmp_path / "broken.html.haml"
    path.write_bytes(broken.encode())
    with pytest.raises(SourceError) as raised:
        read_form(path)
    assert raised.value.location is not None
    assert (raised.value.location.line, raised.value.location.column) == (3, 9)


@pytest.mark.parametrize(("fmt", "text"), [
    ("haml", '%form{action: "/members"}\n  %input{type: "email", name: "email"}\n'),
    ("slim", 'form action="/members"\n  input type="email" name="email"\n'),
])  # fmt: skip
def test_a_forms_entry_may_name_the_haml_or_slim_format_for_a_view_of_another_suffix(
    tmp_path: Path, fmt: str, text: str
) -> None:
    """A view kept as `.html` (or an engine's own suffix) is read as Haml or Slim when its entry says so."""
    path = tmp_path / "join.html"
    path.write_text(text, encoding="utf-8")
    form = _only(read_form(path, fmt))
    assert [(f.name, f.location.line, f.location.column) for f in form.fields] == [("email", 2, 3)]


def test_an_erb_filter_body_is_read_as_the_erb_it_is_and_a_plain_one_as_its_html(tmp_path: Path) -> None:
    """`:erb` renders its body as ERB and `:plain` writes its HTML as it stands: both were blanked."""
    text = (
        "= form_for @member do |f|\n"
        "  :erb\n"
        '    <label for="member_phone">Phone</label>\n'
        "    <%= f.telephone_field :phone %>\n"
        "    <% if @member.adult? %>\n"
        '      <input type="checkbox" name="newsletter" checked>\n'
        "    <% end %>\n"
        "  = f.email_field :email\n"
        "  :plain\n"
        '    <input type="text" name="nickname"> #{t("nickname")}\n'
        "  :escaped\n"
        '    <input type="text" name="shown_as_text">\n'
    )
    fields = _fields(_only(_read(tmp_path, "member.html.haml", text)))
    assert {name: (f.location.line, f.location.column) for name, f in fields.items()} == {
        "phone": (4, 5), "newsletter": (6, 7), "email": (8, 3), "nickname": (10, 5)
    }
    assert fields["newsletter"].checked and fields["phone"].control == "tel"


DATES_HAML = """\
= form_for @profile do |f|
  = f.text_field :nickname
  = select_date @profile.birthday, { prompt: true, prefix: "profile[birth_date]" }, { class: "form-control" }
  = select_year Date.today, prefix: "child", field_name: "birth_year"
  = select_month Date.today
  = select_date Date.today
"""

DATES_ERB = """\
<%= form_for @profile do |f| %>
  <%= f.text_field :nickname %>
  <%= select_date @profile.birthday, { prompt: true, prefix: "profile[birth_date]" }, { class: "form-control" } %>
  <%= select_year Date.today, prefix: "child", field_name: "birth_year" %>
  <%= select_month Date.today %>
  <%= select_date Date.today %>
<% end %>
"""


def test_rails_date_selects_without_a_builder_give_the_field_their_prefix_names(tmp_path: Path) -> None:
    """`select_date d, prefix: "profile[birth_date]"` posts profile[birth_date][year], [month], [day]:
    read as nothing, a birthday went unaudited (diaspora's profile view)."""
    for name, text in (("edit.html.haml", DATES_HAML), ("edit.html.erb", DATES_ERB)):
        form = _only(_read(tmp_path, name, text))
        assert [(f.name, f.control, f.location.line) for f in form.fields] == [
            ("nickname", "text", 2),
            ("profile[birth_date]", "select", 3),
            ("child[birth_year]", "select", 4),
            ("date[month]", "select", 5),
            ("date", "select", 6),
        ], name
        assert form.fields[1].location.column == 3


DATE_OPTIONS_ERB = """\
<%= form_tag "/profile", method: :put do %>
  <%= select_day @profile.birthday, prefix: nil %>
  <%= select_month @profile.birthday, prefix: "profile", field_name: nil %>
  <%= select_year @profile.birthday, prefix: "profile", index: 3 %>
  <%= select_hour @event.starts_at, prefix: "event", include_position: true %>
  <%= select_date @profile.birthday, prefix: "person", index: nil, discard_type: false %>
  <%= select_minute @event.starts_at, prefix: false, discard_type: true %>
  <%= select_second @event.starts_at, prefix: "event", field_name: "sec", include_position: nil %>
  <%= select_day @profile.birthday, prefix: @prefix %>
<% end %>
"""


def test_rails_date_selects_read_the_options_rails_reads_with_nil_and_false_as_not_given(tmp_path: Path) -> None:
    """`prefix: nil` is Rails' default prefix `date` (`@options[:prefix] || DEFAULT_PREFIX`), as
    `field_name: nil` is the part; `index:` adds `[3]` (`[]` when nil), `include_position:` the
    part's position (`hour(4i)`): each was a CN001 "cannot read" or a wrong name. A prefix given
    as code is still unreadable (said)."""
    ev = _read(tmp_path, "edit.html.erb", DATE_OPTIONS_ERB)
    form = _only(ev)
    assert [(f.name, f.control, f.location.line) for f in form.fields] == [
        ("date[day]", "select", 2),
        ("profile[month]", "select", 3),
        ("profile[3][year]", "select", 4),
        ("event[hour(4i)]", "select", 5),
        ("person[]", "select", 6),
        ("date", "select", 7),
        ("event[sec]", "select", 8),
        (None, "select", 9),
    ]
    assert [p.location.line for p in ev.problems] == [9]


def test_a_rails_date_select_is_labelled_by_the_attribute_whose_date_it_shows(tmp_path: Path) -> None:
    """diaspora's `select_date profile.birthday, {..., prefix: 'profile[date]'}` under a heading
    cnsnt cannot read (`t('profiles.edit.your_birthday')`): `profile[date]` was a field of
    "kind unknown"; the date it shows, the profile's birthday, is what the person sends back.
    A constant's date (`Date.today`) says nothing, and a `label:`-like option wins."""
    text = (
        "= form_tag '/profile' do\n"
        "  #birth-date.form-inline\n"
        "    = select_date profile.birthday, { prompt: true, prefix: 'profile[date]' }, { class: 'form-control' }\n"
        "  = select_year Date.today, prefix: 'trip'\n"
        "  = select_month @profile.born_on, prefix: 'p', title: 'Month you joined'\n"
    )
    form = _only(_read(tmp_path, "_edit_private.html.haml", text))
    assert [(f.name, f.label) for f in form.fields] == [
        ("profile[date]", "Birthday"), ("trip[year]", None), ("p[month]", "Month you joined"),
    ]
    from cnsnt.classify.classifier import classify_field

    field = form.fields[0]
    verdict = classify_field(field.name or "", field.label, field.control, label_hint=field.label_hint)
    assert verdict.category == "user.demographic.date_of_birth"
