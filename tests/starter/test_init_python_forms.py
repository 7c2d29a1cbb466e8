"""`cnsnt init` proposes the Python modules that declare Django or WTForms form classes."""

from __future__ import annotations

from cnsnt.starter.discover import survey
from tests.conftest import read_form
from tests.unit.test_python_forms import DJANGO_SIGNUP, FLASK, write


def test_init_proposes_form_modules_and_skips_tests_and_migrations(tmp_path):
    write(tmp_path, "shop/forms.py", DJANGO_SIGNUP)
    write(tmp_path, "blog/forms/__init__.py", "")
    write(tmp_path, "blog/forms/comment.py", FLASK)
    write(tmp_path, "blog/forms/post.py", FLASK.replace("RegisterForm", "PostForm"))
    write(tmp_path, "shop/views.py", "from django.shortcuts import render\n\nclass View:\n    pass\n")
    write(tmp_path, "shop/tests/test_forms.py", DJANGO_SIGNUP)
    write(tmp_path, "shop/migrations/0001_initial.py", DJANGO_SIGNUP)
    write(tmp_path, "shop/test_forms.py", DJANGO_SIGNUP)
    found, _ = survey(tmp_path)
    assert [(e.kind, e.pattern, e.format) for e in found] == [
        ("forms", "blog/forms/*.py", None),
        ("forms", "shop/forms.py", None),
    ]
    # the package's __init__.py the glob also takes holds no form: no field, no warning
    assert read_form(tmp_path / "blog/forms/__init__.py").forms == []
