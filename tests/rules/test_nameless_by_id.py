"""A nameless control's CN001 fix names the key of its id, and declaring that key answers it (review22 D12).

Found on mateofonsecaa/tugabinete (`b33ed45`): its facial-intake page, HTML in a JavaScript
string, reads `<input id="illnessExtra">` by id; CN001 said "declare it in the policy as
formFacial1.NAME". The page here is written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app

PAGE = """<form id="formFacial1">
  <label for="illnessExtra">Otra enfermedad</label>
  <input id="illnessExtra" type="text">
  <input name="{{ field }}">
  <input name="email" type="email">
</form>
"""

POLICY = """cnsnt: 1
sources:
  forms: [{path: facial.html}]
purposes:
  care: {description: Treatment., basis: contract}
data:
  email:
    category: user.contact.email
    form_fields: [formFacial1.email%s]
    purposes: [care]
    retention: P1Y
    required: true
"""


def _cn_findings(tmp_path: Path, extra: str) -> list[dict[str, str]]:
    (tmp_path / "facial.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "cnsnt.yaml").write_text(POLICY % extra, encoding="utf-8")
    out = CliRunner().invoke(
        app, ["audit", str(tmp_path), "--format", "json", "--fail-on", "never"], catch_exceptions=False
    ).stdout
    return [f for f in json.loads(out)["findings"] if f["rule"] in ("CN001", "CN402")]


def test_the_fix_names_the_id_and_nameless_without_id_keeps_name(tmp_path: Path) -> None:
    found = _cn_findings(tmp_path, "")
    hints = sorted(f["hint"] for f in found if f["rule"] == "CN001")
    assert hints == [
        "declare it in the policy as formFacial1.NAME",  # a computed name: nothing to name it by
        "declare it in the policy as formFacial1.illnessExtra (its id; or the name a script sends it under)",
    ]


def test_declaring_the_id_key_is_no_stale_entry_and_makes_the_warning_an_info(tmp_path: Path) -> None:
    found = _cn_findings(tmp_path, ", formFacial1.illnessExtra")
    assert not [f for f in found if f["rule"] == "CN402"]
    [by_id] = [f for f in found if "illnessExtra" in f["message"]]
    assert by_id["severity"] == "info"
    assert by_id["message"].endswith("declared in the policy as formFacial1.illnessExtra")


def test_an_info_the_policy_answers_does_not_ask_for_the_declaration_again(tmp_path: Path) -> None:
    # session 22 left the info's fix as "declare it in the policy as formFacial1.illnessExtra"
    found = _cn_findings(tmp_path, ", formFacial1.illnessExtra")
    [by_id] = [f for f in found if "illnessExtra" in f["message"]]
    assert by_id["hint"] == (
        "nothing to do: the policy declares it as formFacial1.illnessExtra; if a script sends "
        "it under another name, declare that name instead"
    )
    assert not by_id["hint"].startswith("declare")
    # the computed name the policy does not answer keeps its fix (a string, as SPEC §3 has it)
    [other] = [f for f in found if f["rule"] == "CN001" and f is not by_id]
    assert other["hint"] == "declare it in the policy as formFacial1.NAME"
