"""Static mock-up pages beside the application's templates are left out by init, and said.

A biobank's Flask app draws its forms with Jinja templates and WTForms classes, and keeps
four hand-drawn pages in `temps/` (kid-kodi/BioBank, commit 27c7cb7: `client.html`,
`prelevement.html`, ...): whole HTML documents with no template code and no script, whose
forms post to `index.html` or to nowhere (`action=""`), and whose boxes have empty names.
init proposed them as forms (38 nameless fields, CN001 warnings, a `prelevement.sexe` with
no column). A page of the same look that a script sends (a hospital's `doctor.html`, its
form serialized by `js/doctor.js`: shirwac62/Hospital-Management, commit ff090cc) or that
posts to a route is the application's and stays. The files here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new

TEMPLATE = (
    '{% extends "base.html" %}\n{% block content %}\n<form method="post">{{ form.csrf_token }}\n'
    '<input name="donor_code"><input name="birth_date" type="date"></form>\n{% endblock %}\n'
)


def _page(action: str | None, body: str = '<input name="raison_sociale"><input name="telephone">') -> str:
    attr = "" if action is None else f' action="{action}"'
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head><meta charset="utf-8"><title></title></head>\n'
        f'<body>\n<form class=""{attr} method="post">\n{body}\n</form>\n</body>\n</html>\n'
    )


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def test_static_mockups_beside_templates_are_left_out_with_a_note(tmp_path: Path) -> None:
    _write(tmp_path, "app/templates/specimen/edit.html", TEMPLATE)
    _write(tmp_path, "temps/client.html", _page("index.html"))
    _write(tmp_path, "temps/prelevement.html", _page("", '<select name=""></select><input name="sexe">'))
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "forms"] == ["app/templates/specimen/edit.html"]
    [note] = [n for n in notes if "mock-up" in n]
    assert note == (
        "left out 2 static mock-up pages in temps (temps/client.html, temps/prelevement.html): "
        "whole HTML pages with no template code and no script, whose forms post to no route "
        "(no action, or another .html page such as index.html), beside the templates and form "
        "classes that draw the application's forms; add them under sources: forms: to audit them"
    )
    assert "# left out 2 static mock-up pages in temps" in draft_new(tmp_path).text


def test_a_static_page_a_script_sends_or_that_posts_to_a_route_stays(tmp_path: Path) -> None:
    _write(tmp_path, "app/templates/specimen/edit.html", TEMPLATE)
    sent = _page(None).replace("</body>", '<script src="js/doctor.js"></script>\n</body>')
    _write(tmp_path, "web/templates/doctor.html", sent)
    _write(tmp_path, "pages/join.html", _page("/members/join"))
    _write(tmp_path, "widgets/create.html", '<form><input name="email"></form>\n')  # a fragment a script draws
    found, notes = survey(tmp_path)
    patterns = sorted(f.pattern for f in found if f.kind == "forms")
    assert "web/templates/doctor.html" in patterns and "pages/join.html" in patterns
    assert "widgets/create.html" in patterns
    assert not [n for n in notes if "mock-up" in n]


def test_a_project_of_mockups_only_keeps_them(tmp_path: Path) -> None:
    _write(tmp_path, "temps/client.html", _page("index.html"))
    _write(tmp_path, "temps/reception.html", _page("index.html"))
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found] == ["temps/*.html"]
    assert not [n for n in notes if "mock-up" in n]


def test_judging_a_hostile_page_stays_linear(tmp_path: Path) -> None:
    from cnsnt.starter.static_mockups import mockup_page
    from tests.hostile.growth import assert_linear

    def make(n: int) -> Path:
        path = tmp_path / f"page{n}.html"
        path.write_text("<!DOCTYPE html><html>" + "<form action='a.html'><!--<a" * n, encoding="utf-8")
        return path

    assert_linear(mockup_page, make, 2_000)


def test_a_thymeleaf_page_is_template_code_not_a_mockup(tmp_path: Path) -> None:
    # A Spring app's Thymeleaf templates are whole documents; a form posts by `th:action`
    # (no `action`) and its scripts often come from a layout fragment: still the app's forms.
    _write(tmp_path, "app/templates/specimen/edit.html", TEMPLATE)
    login = _page(None, '<input name="username"><input name="password" type="password">')
    _write(tmp_path, "src/main/resources/templates/login.html", login.replace("<form ", '<form th:action="@{/login}" '))
    patient = _page(None, '<input th:field="*{telefono}">').replace("<form ", '<form data-th-action="@{/p}" ')
    _write(tmp_path, "src/main/resources/templates/patient.html", patient)
    found, notes = survey(tmp_path)
    patterns = " ".join(f.pattern for f in found if f.kind == "forms")
    assert "src/main/resources/templates" in patterns, patterns
    assert not [n for n in notes if "mock-up" in n]


def test_a_page_a_flask_view_renders_is_not_a_mockup(tmp_path: Path) -> None:
    # `templates/contact.html` needs no template code: its form posts to its own URL, the
    # route that renders it (`@app.route("/contact", methods=["GET", "POST"])`)
    _write(tmp_path, "app/templates/specimen/edit.html", TEMPLATE)
    _write(tmp_path, "app/templates/contact.html", _page(None, '<input name="email"><textarea name="message">'))
    found, notes = survey(tmp_path)
    patterns = " ".join(f.pattern for f in found if f.kind == "forms")
    assert "app/templates/contact.html" in patterns or "app/templates/*" in patterns, patterns
    assert not [n for n in notes if "mock-up" in n]


def test_a_page_whose_form_netlify_sends_is_not_a_mockup(tmp_path: Path) -> None:
    # a static site's contact page: no script, `action="/thanks.html"`, and Netlify (the
    # host) receives what it posts because of `data-netlify` (or a bare `netlify`)
    _write(tmp_path, "app/templates/specimen/edit.html", TEMPLATE)
    _write(tmp_path, "site/contact.html", _page("/thanks.html").replace("<form ", '<form data-netlify="true" '))
    _write(tmp_path, "site/join.html", _page(None).replace("<form ", "<form netlify "))
    found, notes = survey(tmp_path)
    patterns = " ".join(f.pattern for f in found if f.kind == "forms")
    assert "site/" in patterns, patterns
    assert not [n for n in notes if "mock-up" in n]
