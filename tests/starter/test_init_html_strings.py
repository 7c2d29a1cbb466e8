"""`cnsnt init` proposes scripts whose strings hold a page's form markup, with `format: html` (review22 D1).

Found on mateofonsecaa/tugabinete (`b33ed45`): a vanilla-JS SPA whose views
(`frontend/public/js/views/*.js`) return their pages as template literals; init proposed
none of them and said nothing. The files here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new

VIEW = """export function NuevoPaciente() {
  return `
    <form id="paciente-form">
      <label for="dni">DNI</label>
      <input id="dni" name="dni" type="text" required />
      <input name="correo" type="email" />
    </form>`;
}
"""
JSX = """export function Login() {
  return <form><input name="email" type="email" /></form>;
}
"""


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def test_views_in_template_literals_are_proposed_as_html_by_folder(tmp_path: Path) -> None:
    _write(tmp_path, "public/js/views/nuevo.js", VIEW)
    _write(tmp_path, "public/js/views/editar.js", VIEW.replace("paciente-form", "editar-form"))
    _write(tmp_path, "src/pages/Login.jsx", JSX)  # a React component: proposed once, as JSX
    _write(tmp_path, "src/pages/mixed.js", JSX + "const tip = '<input name=\"x\">';\n")
    _write(tmp_path, "public/js/app.js", "// <input> in a comment\nconst a = 1 < 2;\n")
    _write(tmp_path, "public/js/nuevo.test.js", VIEW)  # a test
    _write(tmp_path, "public/js/vendor.min.js", "var a='<input name=x>';" * 400)  # a bundle
    found, _ = survey(tmp_path)
    forms = sorted((f.pattern, f.format) for f in found if f.kind == "forms")
    assert forms == [
        ("public/js/views/*.js", "html"),
        ("src/pages/Login.jsx", None),
        ("src/pages/mixed.js", None),
    ]


def test_init_reads_the_fields_of_a_view_in_a_string(tmp_path: Path) -> None:
    _write(tmp_path, "public/js/nuevo.js", VIEW)
    text = draft_new(tmp_path).text
    assert '{path: "public/js/nuevo.js", format: html}' in text
    assert "paciente-form.dni" in text and "paciente-form.correo" in text


def test_a_view_whose_literal_is_left_open_is_still_proposed(tmp_path: Path) -> None:
    """A template literal never closed (a half-edited view) still holds the page's markup;
    markup only in a comment of a broken script does not count."""
    _write(tmp_path, "public/js/open.js", "export const v = () => `<form><input name=\"dni\">\n")
    _write(tmp_path, "public/lib/broken.js", "/* <input name=x> */ const a = (1 < 2;\n")
    found, _ = survey(tmp_path)
    forms = sorted((f.pattern, f.format) for f in found if f.kind == "forms")
    assert forms == [("public/js/open.js", "html")]
