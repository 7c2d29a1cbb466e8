"""Keys nobody can type (review24 D10): init says what they hold, explain-column finds them.

The fixture is ours: a JPA entity whose field `randevuİsim` Hibernate lower-cases to
`randevu_i̇sim` (an `i` and U+0307 COMBINING DOT ABOVE), as proDENT-BETA's does.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.typed_names import close_names, fold, folded_match, hidden_characters, hidden_note

runner = CliRunner()
ENV = {"COLUMNS": "300", "NO_COLOR": "1"}
KEY = "randevular.randevu_i\u0307sim"
ENTITY = (
    "package demo; import javax.persistence.*;\n"
    '@Entity @Table(name="randevular") class R { @Id Long id; String randevu\u0130sim; String hastaTelefon; }\n'
)


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def _project(root: Path) -> Path:
    (root / "src/main/java/demo").mkdir(parents=True)
    (root / "pom.xml").write_text("<project><artifactId>spring-boot-starter-parent</artifactId></project>\n")
    (root / "src/main/java/demo/R.java").write_text(ENTITY, encoding="utf-8")
    assert run("init", str(root)).exit_code == 0
    return root


def test_folding_removes_marks_and_invisible_characters_and_names_them():
    assert fold(KEY) == "randevular.randevu_isim"
    assert fold("Caf\u00e9.no\u200bm") == "cafe.nom"
    assert hidden_characters(KEY) == ["U+0307 COMBINING DOT ABOVE"]
    assert hidden_characters("caf\u00e9.nom") == []  # a precomposed letter is typed as it is
    assert hidden_characters("a\u200bb") == ["U+200B ZERO WIDTH SPACE"]
    assert hidden_note("customers.email") is None
    assert folded_match("randevular.randevu_isim", [KEY, "randevular.hasta_telefon"]) == KEY
    assert folded_match("x.a", ["x.\u00e1", "x.a\u0301"]) is None  # two: no guess
    assert close_names("randevular.hasta_telefonn", [KEY, "randevular.hasta_telefon"]) == [
        "randevular.hasta_telefon"
    ]


def test_init_says_which_invisible_character_a_key_holds(tmp_path: Path):
    text = (_project(tmp_path) / "cnsnt.yaml").read_text(encoding="utf-8")
    row = next(r for r in text.splitlines() if KEY in r)
    assert row.endswith(
        "; contains U+0307 COMBINING DOT ABOVE: type it as 'randevular.randevu_isim' in explain-column"
    )


def test_explain_column_finds_the_key_typed_without_its_mark(tmp_path: Path):
    root = _project(tmp_path)
    result = run("explain-column", "randevular.randevu_isim", str(root))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"'randevular.randevu_isim': '{KEY}' typed without its U+0307 COMBINING DOT ABOVE"
    assert lines[1].startswith(f"{KEY} (src/main/java/demo/R.java:2:")


def test_explain_column_suggests_a_close_name(tmp_path: Path):
    root = _project(tmp_path)
    result = run("explain-column", "randevular.hasta_telefonn", str(root))
    assert result.exit_code == 2
    assert "did you mean 'randevular.hasta_telefon'?" in result.stderr
