"""Templates of formats cnsnt does not read are named, never passed over in silence (review28 D2).

demarches-simplifiees.fr keeps 759 views in Haml (its sign-up form among them) and
rdv-service-public 332 in Slim: `cnsnt init` proposed no form entry for them and said
nothing, nor did the audit. Haml, Slim and Pug are read now (`forms.haml`, `forms.slim`,
`forms.pug`): their views are proposed, and no note names them. The files here are
written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.starter.discover import Found, survey
from cnsnt.starter.run import draft_new

runner = CliRunner()
SCHEMA = 'ActiveRecord::Schema.define(version: 2024_01_01_000000) do\n  create_table "users" do |t|\n    t.string "email"\n  end\nend\n'
HAML_SIGNUP = "= form_for @user do |f|\n  = f.email_field :email\n  = f.password_field :password\n"
HAML_LIST = "%ul\n  - @users.each do |user|\n    %li= user.email\n"
SLIM_SIGNUP = "form action=\"/signup\" method=\"post\"\n  input type=\"email\" name=\"email\"\n"
PUG_SIGNUP = "form(action=\"/signup\")\n  input(type=\"email\" name=\"email\")\n"
HTML_FORM = '<form id="signup" method="post">\n  <input type="email" name="email" required>\n</form>\n'


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("view", "text"), [("new.html.haml", HAML_SIGNUP), ("new.html.slim", SLIM_SIGNUP)])
def test_a_haml_or_slim_view_is_proposed_and_its_fields_filed(tmp_path: Path, view: str, text: str) -> None:
    """A Haml or Slim view is read as the ERB it renders: init proposes it, and says no note of it."""
    _write(tmp_path, "db/schema.rb", SCHEMA)
    _write(tmp_path, f"app/views/users/{view}", text)
    result = runner.invoke(app, ["init", str(tmp_path)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "does not read" not in result.stderr
    policy = (tmp_path / "cnsnt.yaml").read_text()
    assert f'    - {{path: "app/views/users/{view}"}}\n' in policy
    assert "- new.email " in policy
    assert "does not read" not in policy


def test_indentation_views_that_draw_a_form_are_proposed_and_none_is_named_unread(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.rb", SCHEMA)
    _write(tmp_path, "app/views/users/new.html.haml", HAML_SIGNUP)
    _write(tmp_path, "app/views/users/index.html.haml", HAML_LIST)
    _write(tmp_path, "app/views/admin/users/edit.html.haml", HAML_SIGNUP)
    _write(tmp_path, "app/components/card.html.haml", HAML_LIST)
    _write(tmp_path, "app/views/sessions/new.html.slim", SLIM_SIGNUP)
    _write(tmp_path, "views/signup.pug", PUG_SIGNUP)
    _write(tmp_path, "views/legacy/login.jade", PUG_SIGNUP)
    found, notes = survey(tmp_path)
    assert not [n for n in notes if "a format cnsnt does not read" in n]
    assert sorted(f.pattern for f in found if f.kind == "forms") == [
        "app/views/admin/users/edit.html.haml", "app/views/sessions/new.html.slim",
        "app/views/users/new.html.haml", "views/legacy/login.jade", "views/signup.pug",
    ]


def test_ejs_jsp_freemarker_and_velocity_pages_are_proposed_and_their_tag_controls_named(tmp_path: Path) -> None:
    """Read as HTML, their `<input>` is audited; Spring's `<form:input>` and macros are not: said."""
    _write(tmp_path, "views/signup.ejs", HTML_FORM.replace("signup", "ejs"))
    _write(tmp_path, "WEB-INF/jsp/signup.jsp", HTML_FORM.replace("signup", "jsp"))
    _write(tmp_path, "templates/signup.ftl", HTML_FORM.replace("signup", "ftl"))
    _write(tmp_path, "templates/mail/signup.vm", HTML_FORM.replace("signup", "vm"))
    _write(
        tmp_path,
        "WEB-INF/jsp/profile.jsp",
        '<%@ taglib prefix="form" uri="http://www.springframework.org/tags/form" %>\n'
        '<form:form modelAttribute="user">\n  <form:input path="phone"/>\n  <form:hidden path="id"/>\n'
        "</form:form>\n",
    )
    _write(tmp_path, "templates/profile.ftl", '<form>\n  <@spring.formInput "user.phone"/>\n</form>\n')
    found, notes = survey(tmp_path)
    assert sorted(f for f in found if f.kind == "forms") == [
        Found("forms", "WEB-INF/jsp/signup.jsp"),
        Found("forms", "templates/*.ftl"),
        Found("forms", "templates/mail/signup.vm"),
        Found("forms", "views/signup.ejs"),
    ]
    assert [n for n in notes if "tag libraries" in n] == [
        "1 FreeMarker template (templates/profile.ftl) draws controls with tag libraries or macros cnsnt "
        "does not read (<@spring.formInput): those form fields are not audited (the HTML controls of "
        "these templates are read); check them by hand",
        "1 JSP template (WEB-INF/jsp/profile.jsp) draws controls with tag libraries or macros cnsnt does "
        "not read (<form:input): those form fields are not audited (the HTML controls of these "
        "templates are read); check them by hand",
    ]
    text = draft_new(tmp_path).text
    for form in ("ejs", "jsp", "ftl", "vm"):
        assert f"- {form}.email " in text


def test_pug_views_that_draw_a_control_are_proposed_and_read(tmp_path: Path) -> None:
    """Pug is read (`forms.pug`): no note, and the views that draw a form or a control are
    proposed, also one whose only control sits in a block expansion; a list view is not."""
    _write(tmp_path, "db/schema.rb", SCHEMA)
    _write(tmp_path, "views/signup.pug", PUG_SIGNUP)
    _write(tmp_path, "views/legacy/login.jade", "extends ../layout\nblock content\n  label: input(name='email')\n")
    _write(tmp_path, "views/users.pug", "ul\n  each u in users\n    li= u.email\n")
    _write(tmp_path, "views/layout.pug", "doctype html\nhtml\n  body\n    block content\n")
    found, notes = survey(tmp_path)
    assert not [n for n in notes if "Pug" in n]
    assert sorted(f.pattern for f in found if f.kind == "forms") == ["views/legacy/login.jade", "views/signup.pug"]
    text = draft_new(tmp_path).text
    assert "- signup.email " in text and "- login.email " in text


def test_the_audit_reads_a_pug_view_it_is_given(tmp_path: Path) -> None:
    """Named under forms:, a Pug view is read: its fields, no CN001."""
    _write(tmp_path, "views/signup.pug", PUG_SIGNUP + '  input(type="checkbox" name="newsletter" checked)\n')
    _write(tmp_path, "cnsnt.yaml", 'cnsnt: 1\nsources:\n  forms: [{path: "views/**/*"}]\n')
    findings = audit_path(tmp_path).findings
    assert not [f for f in findings if f.rule == "CN001"]
    assert [(f.location.line, f.location.column) for f in findings if f.rule == "CN203" and f.location] == [(3, 3)]


def test_no_note_without_such_templates(tmp_path: Path) -> None:
    _write(tmp_path, "db/schema.rb", SCHEMA)
    _write(tmp_path, "app/views/users/new.html.erb", HTML_FORM)
    _, notes = survey(tmp_path)
    assert not [n for n in notes if "not audited" in n]


def test_the_audit_reads_the_haml_and_slim_views_it_is_given(tmp_path: Path) -> None:
    """Named under forms:, a Haml or Slim view is read: its fields, no CN001."""
    _write(tmp_path, "app/views/users/new.html.haml", HAML_SIGNUP)
    _write(tmp_path, "app/views/sessions/new.html.slim", SLIM_SIGNUP)
    _write(tmp_path, "app/views/users/edit.html.erb", HTML_FORM)
    _write(tmp_path, "cnsnt.yaml", 'cnsnt: 1\nsources:\n  forms: [{path: "app/views/**/*"}]\n')
    findings = audit_path(tmp_path).findings
    assert not [f for f in findings if f.rule == "CN001"]
    cn101 = {(f.location.path, f.location.line) for f in findings if f.rule == "CN101" and f.location}
    assert {("app/views/users/new.html.haml", 2), ("app/views/sessions/new.html.slim", 2)} <= cn101


def test_a_hostile_template_name_cannot_break_the_starter(tmp_path: Path) -> None:
    """codereview25b F4: a Haml file named with a newline and ESC was written into the note
    under `sources:` raw; the YAML check after writing caught it and init wrote nothing. Read
    now, the view is proposed: its entry is one printable line."""
    views = tmp_path / "app" / "views" / "users"
    views.mkdir(parents=True)
    (views / "new\nx: 1\x1b[2J.html.haml").write_text("= form_for @user do |f|\n  = f.email_field :email\n", encoding="utf-8")
    (tmp_path / "db").mkdir()
    (tmp_path / "db" / "schema.sql").write_text("CREATE TABLE users (id INT PRIMARY KEY, email TEXT);\n", encoding="utf-8")
    text = draft_new(tmp_path).text
    assert "\x1b" not in text
    assert "- email" in text or ".email " in text  # the view's field is filed


def test_a_code_generators_template_of_xml_java_or_vue_is_no_form(tmp_path: Path) -> None:
    """A MyBatis mapper template (`mapper.xml.vm`) has `<select id=...>` statements, which are
    queries, not form controls; a `.vue.vm` writes a component of the app a user generates,
    no page of this project; a Velocity page (`signup.vm`) stays a form (trial36)."""
    _write(tmp_path, "db/schema.rb", SCHEMA)
    _write(
        tmp_path,
        "codegen/templates/xml/mapper.xml.vm",
        '<mapper namespace="${packageName}.mapper.${ClassName}Mapper">\n'
        '    <select id="select${ClassName}List" resultMap="${ClassName}Result">\n'
        "        select * from ${tableName}\n    </select>\n</mapper>\n",
    )
    _write(tmp_path, "codegen/templates/java/Entity.java.ftl", "// <input name=\"${field}\"> in a doc comment\n")
    _write(tmp_path, "codegen/templates/vue/edit.vue.vm", '<el-form>\n  <input name="contact_email" />\n</el-form>\n')
    _write(tmp_path, "web/templates/signup.vm", '<form method="post">\n  <input name="contact_email" />\n</form>\n')
    found, _ = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "forms"] == ["web/templates/signup.vm"]
