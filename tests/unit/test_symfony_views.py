"""A Twig template that renders a whole Symfony form holds no field of its own (review32 D4).

Symfony's CRUD generator writes `<form ...>{{ form_widget(form) }}</form>` in each `new` and
`edit` view and a `delete_form` in each `show`: 168 of a project's 169 warnings were CN001s
"rendered by a partial or helper" at those calls, though the form types were read. The
templates below are written for these tests, in that generator's shape.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.model import Severity
from cnsnt.policy.loader import load_policy

NEW = """\
<form action="{{ path('classi_create') }}" method="post" {{ form_enctype(form) }}>
    {{ form_widget(form) }}
    <button type="submit">Create</button>
</form>
"""
EDIT = """\
{{ form_start(edit_form) }}
    {{ form_widget(edit_form) }}
{{ form_end(edit_form) }}
<form action="{{ path('classi_delete', {id: entity.id}) }}" method="post">
    <input type="hidden" name="_method" value="DELETE" />
    {{ form_widget(delete_form) }}
    <button type="submit">Delete</button>
</form>
"""
LOOP = """\
{{ form_start(form) }}
{% for field in form.extra %}{{ form_widget(field) }}{% endfor %}
{{ form_row(form.email) }}
{{ form_end(form) }}
"""
FORM_TYPE = """\
<?php
namespace App\\Form;
use Symfony\\Component\\Form\\AbstractType;
use Symfony\\Component\\Form\\FormBuilderInterface;
class ClassiType extends AbstractType {
    public function buildForm(FormBuilderInterface $builder, array $options) { $builder->add('sezione'); }
}
"""


def _audit(root: Path, *, form_types: bool) -> Evidence:
    files = {"templates/classi/new.html.twig": NEW, "templates/classi/edit.html.twig": EDIT}
    if form_types:
        files["src/Form/ClassiType.php"] = FORM_TYPE
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    sources = '    - {path: "templates/**/*.html.twig"}\n' + (
        '    - {path: "src/Form/*.php"}\n' if form_types else ""
    )
    (root / "cnsnt.yaml").write_text(f"cnsnt: 1\nsources:\n  forms:\n{sources}", encoding="utf-8")
    return collect_evidence(load_policy(root / "cnsnt.yaml"))


def test_whole_form_renders_give_no_field_and_no_warning_when_form_types_are_read(tmp_path: Path) -> None:
    evidence = _audit(tmp_path, form_types=True)
    assert evidence.problems == []
    assert not [f for f in evidence.fields if f.raw and "form_widget" in f.raw]  # no `new.?{{ form_widget(form) }}`
    assert {f.key for f in evidence.fields if f.name} >= {"classi.sezione"}


def test_without_form_types_one_warning_says_to_add_them(tmp_path: Path) -> None:
    evidence = _audit(tmp_path, form_types=False)
    (problem,) = evidence.problems
    assert problem.severity is Severity.WARNING
    assert problem.location.path == "templates/classi/edit.html.twig"
    assert (problem.location.line, problem.location.column) == (2, 5)
    assert "renders the whole Symfony form 'edit_form'" in problem.message
    assert "(and 1 more call in this template)" in problem.message
    assert "1 more templates do so too (templates/classi/new.html.twig)" in problem.message
    assert problem.fix is not None and "src/Form/**/*.php" in problem.fix


def test_a_loop_variable_is_still_a_field_cnsnt_cannot_name(tmp_path: Path) -> None:
    """`{% for field in form.extra %}{{ form_widget(field) }}`: a child, not the whole form."""
    path = tmp_path / "templates/loop.html.twig"
    path.parent.mkdir(parents=True)
    path.write_text(LOOP, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "templates/*.twig"}\n', encoding="utf-8"
    )
    evidence = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"))
    (problem,) = evidence.problems
    assert "form_widget(field)" in problem.message and "cannot read" in problem.message


VOTI_TYPE = FORM_TYPE.replace("ClassiType", "VotiType").replace("'sezione'", "'voto'")
CONTACT_TYPE = FORM_TYPE.replace("ClassiType", "ContactType").replace("'sezione'", "'email'")


def _write(root: Path, files: dict[str, str]) -> Evidence:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  forms:\n    - {path: "templates/**/*.twig"}\n    - {path: "src/Form/*.php"}\n',
        encoding="utf-8",
    )
    return collect_evidence(load_policy(root / "cnsnt.yaml"))


def test_one_form_type_read_does_not_silence_a_template_whose_type_was_not_read(tmp_path: Path) -> None:
    """`VotiType` read; `contatto.html.twig` renders `contact_form`, whose type is not read (CR27b F5)."""
    evidence = _write(tmp_path, {
        "src/Form/VotiType.php": VOTI_TYPE,
        "templates/voti/new.html.twig": NEW,  # the folder names the form type read: dropped
        "templates/contatto.html.twig": "<form>{{ form_widget(contact_form) }}</form>\n",
        "templates/pagine/iscrizione.html.twig": "{{ form_start(form) }}{{ form_widget(form) }}{{ form_end(form) }}\n",
    })  # fmt: skip
    (problem,) = evidence.problems
    assert problem.severity is Severity.WARNING
    assert problem.location.path == "templates/contatto.html.twig"
    assert "renders the whole Symfony form 'contact_form'" in problem.message
    assert "reads no form type named like the template's folder, file or form variable" in problem.message
    assert "1 more templates do so too (templates/pagine/iscrizione.html.twig)" in problem.message
    assert "voti/new" not in problem.message


def test_a_template_is_matched_to_its_form_type_by_file_or_variable(tmp_path: Path) -> None:
    """`contact.html.twig` or `{{ form_widget(contactForm) }}` renders `ContactType`: no note."""
    evidence = _write(tmp_path, {
        "src/Form/ContactType.php": CONTACT_TYPE,
        "templates/contact.html.twig": "<form>{{ form_widget(form) }}</form>\n",
        "templates/pages/about.html.twig": "<form>{{ form_widget(contactForm) }}</form>\n",
    })  # fmt: skip
    assert evidence.problems == []
