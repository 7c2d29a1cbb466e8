"""`cnsnt init` proposes templates with forms as one glob per folder tree.

The fixture tree is written here: a Twig app's `templates/` with two forms and a
layout at its top, a partial without a form, a nested `account/settings/` folder, a
stray submit button whose form is opened elsewhere, and a text file beside them.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.starter.discover import Found, survey
from cnsnt.starter.folder_globs import chosen_globs
from cnsnt.starter.template_globs import glob_suffix
from tests.unit.test_symfony_forms import write

SIGNUP = '{% extends "base.html.twig" %}\n{% block body %}\n<form method="post">\n  <input type="email" name="email">\n  <input name="full_name">\n</form>\n{% endblock %}\n'
CONTACT = '<form method="post">\n  <textarea name="message"></textarea>\n</form>\n'
BASE = "<!doctype html>\n<html><body>{% block body %}{% endblock %}</body></html>\n"
FOOTER = '<footer><a href="/privacy">Privacy</a></footer>\n'
PROFILE = "{{ form_start(form) }}\n{{ form_row(form.phone) }}\n{{ form_end(form) }}\n"
PASSWORD = '<form method="post">\n  <input type="password" name="new_password">\n</form>\n'
SAVE = '<div class="actions">\n  <button type="submit">Save</button>\n</div>\n'
#: A control the sniff of `init` does not see (the form variable is not named `form`),
#: which the template reader reads: a glob that took it would add a field to the audit.
REVIEW = "<div>\n  {{ form_widget(reviewForm.checked_by) }}\n</div>\n"


def app_tree(root: Path) -> None:
    write(root, "templates/signup.html.twig", SIGNUP)
    write(root, "templates/contact.html.twig", CONTACT)
    write(root, "templates/base.html.twig", BASE)
    write(root, "templates/partials/footer.html.twig", FOOTER)
    write(root, "templates/account/profile.html.twig", PROFILE)
    write(root, "templates/account/save.html.twig", SAVE)
    write(root, "templates/account/settings/password.html.twig", PASSWORD)
    write(root, "templates/README.txt", "Templates of the app. <input> tags live in the forms.\n")


def forms(root: Path) -> list[str]:
    found, _ = survey(root)
    return [f.pattern for f in found if f.kind == "forms"]


def audit(root: Path, sources: list[str]) -> tuple[list[tuple[str, str, str]], list[tuple[str, int]]]:
    """(fields but buttons as (key, control, file), CN001 as (file, line)) of an audit of these form sources."""
    entries = "".join(f'    - {{path: "{s}"}}\n' for s in sources)
    write(root, "cnsnt.yaml", f"cnsnt: 1\ncontroller: {{name: A, contact: a@example.com}}\nsources:\n  forms:\n{entries}")
    out = root / "report.json"
    result = CliRunner().invoke(app, ["audit", str(root), "-f", "json", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    cn001 = sorted((f["location"]["path"], f["location"]["line"]) for f in findings if f["rule"] == "CN001")
    from cnsnt.collect import collect_evidence
    from cnsnt.evidence import FieldRole
    from cnsnt.policy.loader import load_policy

    evidence = collect_evidence(load_policy(root / "cnsnt.yaml"), jobs=1)
    fields = sorted(
        (f.key, f.control, f.location.path or "") for f in evidence.fields if f.role is not FieldRole.BUTTON
    )
    return fields, cn001


PER_FILE = [
    "templates/contact.html.twig",
    "templates/signup.html.twig",
    "templates/account/profile.html.twig",
    "templates/account/settings/password.html.twig",
]


def test_templates_with_forms_are_one_glob_per_folder_tree(tmp_path):
    app_tree(tmp_path)
    assert forms(tmp_path) == ["templates/**/*.html.twig"]
    # the layout, the partial and the stray button the glob also takes add no field and no CN001
    by_tree = audit(tmp_path, ["templates/**/*.html.twig"])
    assert by_tree == audit(tmp_path, PER_FILE)
    assert ("password.new_password", "password", "templates/account/settings/password.html.twig") in by_tree[0]
    assert by_tree[1] == []


def test_a_folder_whose_other_template_reads_to_a_field_is_left_out_of_the_glob(tmp_path):
    """`templates/account/review.html.twig` is no form to `init`, but the audit reads a field from it."""
    app_tree(tmp_path)
    write(tmp_path, "templates/account/review.html.twig", REVIEW)
    write(tmp_path, "templates/account/settings/email.html.twig", CONTACT.replace("message", "new_email"))
    proposed = forms(tmp_path)
    # the top folder's own forms and the nested folder keep a glob; account/ its one form, by file
    assert proposed == [
        "templates/*.html.twig",
        "templates/account/settings/*.html.twig",
        "templates/account/profile.html.twig",
    ]
    assert audit(tmp_path, proposed) == audit(tmp_path, [*PER_FILE, "templates/account/settings/email.html.twig"])
    fields, _ = audit(tmp_path, ["templates/**/*.html.twig"])
    assert any(key.endswith(".checked_by") for key, _, _ in fields)  # what the whole-tree glob would add


def test_a_single_form_and_plain_php_or_components_keep_their_entries(tmp_path):
    write(tmp_path, "templates/signup.html.twig", SIGNUP)
    write(tmp_path, "templates/base.html.twig", BASE)
    write(tmp_path, "views/a/signup.php", CONTACT)
    write(tmp_path, "views/b/contact.php", CONTACT)
    assert forms(tmp_path) == ["templates/signup.html.twig", "views/a/signup.php", "views/b/contact.php"]


def test_the_proposal_is_the_same_each_run(tmp_path):
    app_tree(tmp_path)
    write(tmp_path, "templates/account/review.html.twig", REVIEW)
    write(tmp_path, "resources/views/auth/login.blade.php", CONTACT)
    write(tmp_path, "resources/views/auth/register.blade.php", PASSWORD)
    first = survey(tmp_path)
    assert survey(tmp_path) == first
    assert Found("forms", "resources/views/auth/*.blade.php") in first[0]


def test_update_keeps_a_policy_of_one_entry_per_template(tmp_path):
    """A policy written before, one entry per template, is updated as it stands."""
    app_tree(tmp_path)
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    target = tmp_path / "cnsnt.yaml"
    text = target.read_text(encoding="utf-8")
    old = "".join(f'    - {{path: "{s}"}}\n' for s in PER_FILE)
    assert '    - {path: "templates/**/*.html.twig"}\n' in text
    target.write_text(text.replace('    - {path: "templates/**/*.html.twig"}\n', old), encoding="utf-8")
    before = target.read_text(encoding="utf-8")
    write(tmp_path, "templates/contact.html.twig", CONTACT.replace("</form>", '  <input name="vat_number">\n</form>'))
    result = CliRunner().invoke(app, ["init", str(tmp_path), "--update"])
    assert result.exit_code == 0, result.output
    after = target.read_text(encoding="utf-8")
    assert "contact.vat_number" in after
    assert after.startswith(before.split("\ndata:")[0])  # the per-file sources stay as written
    assert "**" not in after


def test_glob_suffixes_of_templates():
    assert glob_suffix(Path("t/partial.files-list.html.twig")) == ".html.twig"
    assert glob_suffix(Path("v/login.blade.php")) == ".blade.php"
    assert glob_suffix(Path("t/signup.html")) == ".html"
    assert glob_suffix(Path("t/mail.txt.twig")) == ".twig"
    assert glob_suffix(Path("t/page.php")) is None
    assert glob_suffix(Path("c/Form.vue")) is None


def test_chosen_globs_try_a_tree_that_does_not_fit_folder_by_folder():
    root = Path("/p")
    paths = [root / p for p in ("t/a.h", "t/b.h", "t/x/c.h", "t/x/d.h", "t/y/e.h", "t/y/z/f.h")]
    bad = {"t/**/*.h", "t/x/*.h"}
    globs, left = chosen_globs(paths, root, ".h", lambda pattern, mine: pattern not in bad, split=True)
    assert globs == ["t/*.h", "t/y/**/*.h"]
    assert left == [root / "t/x/c.h", root / "t/x/d.h"]
    globs, left = chosen_globs(paths, root, ".h", lambda pattern, mine: pattern not in bad)
    assert (globs, left) == ([], sorted(paths))
