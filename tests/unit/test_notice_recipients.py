"""Who receives the data: "not stated" (no `recipients:`) is not "no one" (`recipients: []`).

A starter policy has no recipients section, and its draft notice said "We do not give
your data to anyone else" in every language, although nobody had said so (the
project behind it e-mailed guardians' national ids to a payment provider).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.errors import PolicyError
from cnsnt.inventory.ropa import build_ropa
from cnsnt.notices import LANGUAGES, labels, notice_version, render_notice
from cnsnt.notices.i18n import lang as get_lang
from cnsnt.policy.loader import load_policy

HEAD = """\
cnsnt: 1
controller: {name: Escola, contact: privacy@escola.example}
notice:
  automated_decisions: We make no decisions about you by computer alone.
purposes:
  enrolment: {description: To enrol your child., basis: public_task}
"""
DATA = """\
data:
  guardian_id:
    label: Your national id number
    category: user.government_id.national_identification_number
    columns: [responsavel.cpf]
    purposes: [enrolment]
    retention: P5Y
  pupil_name:
    label: Your child's name
    category: user.name
    columns: [aluno.nome]
    purposes: [enrolment]
    retention: P5Y
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "cnsnt.yaml"
    path.write_text(text, encoding="utf-8")
    return load_policy(path)


def fixed(code: str) -> tuple[str, str, str, str]:
    """The language's "no one", "only us", gap label and "not stated yet" sentence."""
    L = get_lang(code)
    h, s = labels.headings(L, ""), labels.sentences(L, controller="", contact="")
    return s["no_recipients"], h["only_us"], h["gap"], s["recipients_not_stated"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_policy_silent_on_recipients_never_reads_no_one(tmp_path: Path, code: str) -> None:
    policy = load(tmp_path, HEAD + DATA)
    no_one, only_us, gap, not_stated = fixed(code)
    for layer in ("short", "full"):
        for fmt in ("markdown", "html"):
            text = render_notice(policy, lang=code, layer=layer, fmt=fmt, draft=True).text
            assert no_one not in text and only_us not in text, (layer, fmt)
            assert gap in text, (layer, fmt)
            if fmt == "html":
                assert '<mark class="gap">' in text
    full = render_notice(policy, lang=code, draft=True).text
    assert f"**\\[{gap}\\]** {not_stated}" in full
    short = render_notice(policy, lang=code, layer="short").text
    assert short.count(f"**\\[{gap}\\]**") == 2  # each datum's "who sees it"


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("none", ["recipients: []\n", "recipients: {}\n"])
def test_recipients_stated_as_none_read_no_one(tmp_path: Path, code: str, none: str) -> None:
    policy = load(tmp_path, HEAD + none + DATA)
    no_one, only_us, gap, _ = fixed(code)
    result = render_notice(policy, lang=code)
    assert result.publishable, [b.message for b in result.blockers]
    assert no_one in result.text and gap not in result.text
    short = render_notice(policy, lang=code, layer="short").text
    assert short.count(only_us) == 2 and gap not in short


def test_no_recipients_section_blocks_the_notice_with_its_place(tmp_path: Path) -> None:
    result = render_notice(load(tmp_path, HEAD + DATA))
    [blocker] = result.blockers
    assert blocker.rule == "CN602" and blocker.subject == "recipients"
    assert "who receives the data" in blocker.message and "13(1)(e)" in blocker.message
    assert "recipients: []" in blocker.hint
    assert blocker.location is not None and blocker.location.line and blocker.location.column
    # the command refuses and names file:line:col
    runner = CliRunner()
    out = runner.invoke(app, ["notice", str(tmp_path), "--no-audit"], env={"NO_COLOR": "1"})
    assert out.exit_code == 1
    assert f"cnsnt.yaml:{blocker.location.line}:{blocker.location.column}: CN602 the notice cannot say who receives" in out.stderr


def test_a_datum_stated_as_shared_with_no_one_reads_only_us(tmp_path: Path) -> None:
    text = HEAD + DATA.replace("    retention: P5Y\n  pupil_name:", "    retention: P5Y\n    recipients: []\n  pupil_name:")
    short = render_notice(load(tmp_path, text), layer="short").text
    assert "| Your national id number |" in short
    rows = {line.split("|")[1].strip(): line for line in short.splitlines() if line.startswith("| Your")}
    assert "Only us" in rows["Your national id number"]
    assert "To fill in" in rows["Your child's name"] and "Only us" not in rows["Your child's name"]


def test_the_version_tells_not_stated_from_no_one(tmp_path: Path) -> None:
    silent = notice_version(load(tmp_path, HEAD + DATA))
    empty_list = notice_version(load(tmp_path, HEAD + "recipients: []\n" + DATA))
    empty_map = notice_version(load(tmp_path, HEAD + "recipients: {}\n" + DATA))
    assert silent != empty_list == empty_map


def test_a_list_of_recipients_is_a_policy_error_that_says_how(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as caught:
        load(tmp_path, HEAD + "recipients: [mercado_pago]\n" + DATA)
    [problem] = caught.value.problems
    assert "may only be empty" in problem.message and problem.location is not None
    assert problem.location.line == HEAD.count("\n") + 1


def test_the_art30_record_says_recipients_are_not_stated(tmp_path: Path) -> None:
    silent = build_ropa(load(tmp_path, HEAD + DATA))
    assert silent.activities[0].recipients == ("not stated in the policy",)
    assert any(g.startswith("recipients: who receives the data") for g in silent.gaps)
    stated = build_ropa(load(tmp_path, HEAD + "recipients: []\n" + DATA))
    assert stated.activities[0].recipients == ()
    assert not any(g.startswith("recipients:") for g in stated.gaps)
