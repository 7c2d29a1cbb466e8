"""`cnsnt notice --lang pt-BR` says on stderr which catalog it used (review25 D10).

A Brazilian project asking for `pt-BR` got the Portuguese catalog (European usage:
"recolhemos", "connosco"); the note names both, once, and is no error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "restaurant"


def test_a_draft_in_a_regional_variant_says_which_language_it_is_in(tmp_path: Path) -> None:
    project = tmp_path / "restaurant"
    shutil.copytree(EXAMPLE, project)
    out = tmp_path / "privacy.md"
    result = CliRunner().invoke(
        app, ["notice", str(project), "--draft", "--lang", "pt-BR", "-o", str(out)], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    assert notes == [
        "note: language 'pt-BR' (Portuguese (Brazil)) has no catalog of its own; the notice is in "
        "Portuguese (pt): check its wording suits your readers"
    ]
    assert "lang=pt " in out.read_text(encoding="utf-8")
    assert not any(line.startswith("error: ") and "pt-BR" in line for line in result.stderr.splitlines())


def test_an_exact_language_gets_no_note(tmp_path: Path) -> None:
    project = tmp_path / "restaurant"
    shutil.copytree(EXAMPLE, project)
    result = CliRunner().invoke(
        app,
        ["notice", str(project), "--draft", "--lang", "pt", "-o", str(tmp_path / "p.md")],
        env={"NO_COLOR": "1"},
    )
    assert result.exit_code == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith("note: ")]


def test_und_and_english_variants_get_no_misleading_note() -> None:
    """codereview24 F12: `und` is no "English (United States)", and `en-*` reads the source."""
    from cnsnt.notices.i18n import resolve_language

    assert resolve_language("und") == (
        "en",
        "language 'und' names no language of its own; the notice is in English (en)",
    )
    code, note = resolve_language("en-GB")
    assert code == "en" and note is not None
    assert note == "language 'en-GB' (English (United Kingdom)) reads the notices' own language, English (en)"
    assert "check its wording" not in note
