"""A policy written in German with no `notice.languages`: the notice says how its plain texts are read.

Plain strings count as English until `notice.languages` names another language, so a German
club's policy got one "has no 'de' text; the notice shows the 'en' one" warning per text
(review38 D4: 42) and nothing said where the language is declared. Policy written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

ENV = {"NO_COLOR": "1", "COLUMNS": "250"}
POLICY = """\
cnsnt: 1
controller: {{name: Schachfreunde Musterstadt e.V., contact: vorstand@schach.example}}
purposes:
  mitglieder: {{description: Um Ihre Mitgliedschaft zu führen., basis: contract}}
recipients: []
data:
  vorname:
    label: Vorname
    category: user.name.first
    purposes: [mitglieder]
    retention: P5Y
{notice}"""
NOTE = (
    "note: the policy names no language (notice.languages), so its plain texts are read as 'en'; "
    "if they are written in 'de', declare it: notice: {languages: [de]}"
)


def notice(tmp_path: Path, lang: str, block: str = "") -> str:
    (tmp_path / "cnsnt.yaml").write_text(POLICY.format(notice=block), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["notice", str(tmp_path), "--no-audit", "--lang", lang, "-o", str(tmp_path / "n.md")], env=ENV
    )
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_a_german_notice_of_a_policy_naming_no_language_says_how_to_declare_it(tmp_path: Path) -> None:
    err = notice(tmp_path, "de")
    assert NOTE in err.splitlines()
    assert "has no 'de' text; the notice shows the 'en' one" in err


def test_no_note_once_the_language_is_declared_or_for_the_policys_own(tmp_path: Path) -> None:
    declared = notice(tmp_path, "de", "notice: {languages: [de]}\n")
    assert "notice.languages" not in declared and "has no 'de' text" not in declared
    assert "notice.languages" not in notice(tmp_path, "en")


def _readability(tmp_path: Path, block: str) -> list[object]:
    from cnsnt.notices.checks import readability_issues
    from cnsnt.policy.loader import load_policy

    long = (
        "Gemäß den einschlägigen gesetzlichen Bestimmungen werden die personenbezogenen Daten der "
        "betroffenen Person zum Zwecke der ordnungsgemäßen Verwaltung der Mitgliedschaft verarbeitet, "
        "soweit dies erforderlich ist und keine überwiegenden schutzwürdigen Interessen entgegenstehen."
    )
    text = POLICY.format(notice=block).replace("Um Ihre Mitgliedschaft zu führen.", f"'{long}'")
    (tmp_path / "cnsnt.yaml").write_text(text, encoding="utf-8")
    return list(readability_issues(load_policy(tmp_path / "cnsnt.yaml")))


def test_a_plain_text_scored_as_english_says_so_in_cn601(tmp_path: Path) -> None:
    """`cnsnt audit`'s CN601 measured a German purpose with the English formula and said
    nothing of why (review38 D4's rest): its fix names the language it read."""
    issues = _readability(tmp_path, "")
    assert issues, "the long German sentence fails the English check"
    assert all("read as 'en'" in i.hint and "notice: {languages: [de]}" not in i.hint for i in issues)
    assert all("notice.languages" in i.hint for i in issues)


def test_a_declared_language_adds_nothing_to_cn601(tmp_path: Path) -> None:
    issues = _readability(tmp_path, "notice: {languages: [de]}\n")
    assert all("notice.languages" not in i.hint for i in issues)
