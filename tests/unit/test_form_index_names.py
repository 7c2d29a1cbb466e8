"""A form in an `index` page or component is named after its folder (review25 D9).

`pages/Admin/CadastroUsuarios/index.tsx` gave the form `index` (`index.password`,
`index.email`), which tells the reader nothing; the folder is what the page is. The
trees below are written here; the layout follows a Vite/React app's `pages/` folder.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.sources.forms.common import index_folder
from cnsnt.sources.forms.names import project_name, template_name
from tests.unit.test_form_names import evidence_of
from tests.unit.test_symfony_forms import write

USERS = """\
export default function CadastroUsuarios() {
  return (<form><input name="email" type="email" /><input name="password" type="password" /></form>);
}
"""
PATIENT = "export const Cadastro = () => <form><input name=\"nome\" /></form>;\n"
DOCTOR = "export const Cadastro = () => <form><input name=\"crm\" /></form>;\n"
PAGE = '<form method="post"><input name="email"></form>\n'
VUE = '<template><form><input name="telefone"></form></template>\n'
POLICY = 'cnsnt: 1\nsources:\n  forms:\n    - {path: "src/**/*.tsx"}\n    - {path: "**/*.html"}\n    - {path: "**/*.vue"}\n'


def test_an_index_file_names_its_forms_after_its_folder(tmp_path: Path) -> None:
    write(tmp_path, "src/pages/Admin/CadastroUsuarios/index.tsx", USERS)
    write(tmp_path, "src/pages/Paciente/Cadastro/index.tsx", PATIENT)
    write(tmp_path, "src/pages/Medico/Cadastro/index.tsx", DOCTOR)
    write(tmp_path, "contato/index.html", PAGE)
    write(tmp_path, "index.html", PAGE)  # at the top: no folder to be named by
    write(tmp_path, "web/Perfil/index.vue", VUE)
    write(tmp_path, "cnsnt.yaml", POLICY)
    forms = {f.source: f.name for f in evidence_of(tmp_path).forms}
    assert forms == {
        "src/pages/Admin/CadastroUsuarios/index.tsx": "CadastroUsuarios",
        # two folders named alike: named by their paths below `pages/`, as other files are
        "src/pages/Paciente/Cadastro/index.tsx": "Paciente/Cadastro",
        "src/pages/Medico/Cadastro/index.tsx": "Medico/Cadastro",
        "contato/index.html": "contato",
        "index.html": "index",
        "web/Perfil/index.vue": "Perfil",
    }


def test_only_index_files_of_pages_and_components_are_named_by_their_folder() -> None:
    assert index_folder("src/pages/Login/index.jsx") == "Login"
    assert index_folder("index.tsx") is None
    assert index_folder("app/views/users/index.html.erb") is None  # a Rails action's view
    assert index_folder("src/pages/Login/Index.tsx") is None
    assert index_folder("src/pages/Login/indexes.tsx") is None
    assert template_name("src/pages/Admin/Login/index.tsx") == "Admin/Login"
    assert project_name("src/pages/Admin/Login/index.tsx") == "src/pages/Admin/Login"


def test_an_index_file_in_a_template_or_web_root_keeps_its_name(tmp_path: Path) -> None:
    """codereview24 F10: `templates/index.html` is the framework's root page, not a feature
    named `templates`: it keeps the name it had before (8628041), so policies keep matching."""
    write(tmp_path, "templates/index.html", PAGE)
    write(tmp_path, "templates/accounts/index.html", '<form><input name="cpf"></form>\n')
    write(tmp_path, "public/index.html", '<form><input name="telefone"></form>\n')
    write(tmp_path, "cnsnt.yaml", POLICY)
    forms = {f.source: f.name for f in evidence_of(tmp_path).forms}
    assert forms == {
        "templates/index.html": "templates/index",  # as at 8628041: two `index` forms, by their paths
        "public/index.html": "public/index",
        "templates/accounts/index.html": "accounts",  # a feature folder names it
    }
    for root in ("pages", "src", "app", "www", "static", "views", "public", "templates", "Pages"):
        assert index_folder(f"{root}/index.tsx") is None


def test_every_template_and_web_root_is_a_root_for_index_names() -> None:
    """The lists kept elsewhere stay in `INDEX_ROOTS` (they are separate modules' data)."""
    from cnsnt.sources.forms.common import INDEX_ROOTS
    from cnsnt.sources.forms.names import TEMPLATE_ROOTS
    from cnsnt.starter.folders import WEB_ROOTS

    assert TEMPLATE_ROOTS | WEB_ROOTS <= INDEX_ROOTS


def test_a_policy_written_with_the_index_name_still_declares_the_fields(tmp_path: Path) -> None:
    """A policy written while `index.tsx` forms were named `index` keeps matching them.

    `index.email` still declares the email field of `Admin/CadastroUsuarios/index.tsx`
    (now `CadastroUsuarios.email`): no CN101 for it, no CN402 warning, and an info naming
    the key to write instead, for a lone `index` file and for two that are named by path.
    """
    from cnsnt.api import audit_path

    write(tmp_path, "src/pages/Admin/CadastroUsuarios/index.tsx", USERS)
    policy = (
        "cnsnt: 1\nsources:\n  forms:\n    - {path: \"src/**/*.tsx\"}\n"
        "purposes:\n  accounts: {description: Sign in, basis: contract}\n"
        "data:\n  login:\n    category: user.contact.email\n    purposes: [accounts]\n"
        "    retention: 1 year\n    form_fields: [index.email, index.password]\n"
    )
    write(tmp_path, "cnsnt.yaml", policy)
    findings = audit_path(tmp_path).findings
    assert [f for f in findings if f.rule == "CN101"] == []
    cn402 = [f for f in findings if f.rule == "CN402"]
    assert [f.severity.value for f in cn402] == ["info", "info"]
    assert "CadastroUsuarios.email" in cn402[0].message and "`index` file" in cn402[0].message
    # two index files named alike are named by their paths; the old key still declares both
    write(tmp_path, "src/pages/Paciente/Cadastro/index.tsx", PATIENT.replace("nome", "email"))
    write(tmp_path, "src/pages/Medico/Cadastro/index.tsx", DOCTOR.replace("crm", "email"))
    findings = audit_path(tmp_path).findings
    assert not any(f.rule == "CN101" and f.subject.endswith(".email") for f in findings)
    said = " ".join(f.message for f in findings if f.rule == "CN402")
    assert "Paciente/Cadastro.email" in said and "Medico/Cadastro.email" in said
