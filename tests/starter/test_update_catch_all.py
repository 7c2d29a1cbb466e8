"""`cnsnt init --update` names a field of a known kind that only init's `form.*` covered.

init writes a form whose every field is of unknown kind as one `form.*` line; a phone
field added to that form later was covered by it, so `--update` said "no new personal
field" and the audit said nothing (review26 D4, on a Beego driver form). A pattern the
user wrote keeps covering its fields.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.policy.loader import load_policy
from tests.starter.cli_run import run

VEHICLE = '<form method="post"><input name="kw"><input name="marca"><input name="modello">{}</form>\n'
PHONE = '<input name="telefono" type="tel">'


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "fleet"
    root.mkdir()
    (root / "autista.html").write_text(VEHICLE.format(""))
    assert run("init", str(root)).exit_code == 0
    assert "- autista.*" in (root / "cnsnt.yaml").read_text()
    return root


def test_a_known_field_under_inits_catch_all_is_added_by_name(tmp_path: Path) -> None:
    root = _project(tmp_path)
    before = (root / "cnsnt.yaml").read_text()
    (root / "autista.html").write_text(VEHICLE.format(PHONE))
    result = run("init", "--update", str(root / "cnsnt.yaml"))
    assert result.exit_code == 0
    assert "autista.telefono: added by name as user.contact.phone_number" in result.output
    assert "catch-all 'autista.*' (cnsnt.yaml:" in result.output
    after = (root / "cnsnt.yaml").read_text()
    assert set(before.splitlines()) <= set(after.splitlines())  # the catch-all and every line stay
    policy = load_policy(root / "cnsnt.yaml")
    phone = [d for d in policy.data.values() if d.category == "user.contact.phone_number"]
    assert [d.form_fields for d in phone] == [("autista.telefono",)]
    assert "only init's catch-all 'autista.*' of 'form_input' (cnsnt.yaml:" in after
    # once named, it is declared: a second run finds nothing
    again = run("init", "--update", str(root / "cnsnt.yaml"))
    assert "no new personal field" in again.output
    assert (root / "cnsnt.yaml").read_text() == after


def test_a_field_of_unknown_kind_stays_under_the_catch_all(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "autista.html").write_text(VEHICLE.format('<input name="cilindrata">'))
    result = run("init", "--update", str(root / "cnsnt.yaml"))
    assert "no new personal field" in result.output


def test_a_users_own_wildcard_keeps_covering_its_fields(tmp_path: Path) -> None:
    root = _project(tmp_path)
    policy = root / "cnsnt.yaml"
    text = policy.read_text()
    line = next(x for x in text.splitlines() if "- autista.*" in x)
    policy.write_text(text.replace(line, "      - autista.*   # the vehicle form, decided"))
    (root / "autista.html").write_text(VEHICLE.format(PHONE))
    result = run("init", "--update", str(policy))
    assert "no new personal field" in result.output


def test_an_entry_given_a_kind_keeps_covering_its_fields(tmp_path: Path) -> None:
    """A user who set the entry's category has decided what it holds."""
    root = _project(tmp_path)
    policy = root / "cnsnt.yaml"
    policy.write_text(policy.read_text().replace("category: user ", "category: user.contact "))
    (root / "autista.html").write_text(VEHICLE.format(PHONE))
    result = run("init", "--update", str(policy))
    assert "no new personal field" in result.output


def test_a_starter_without_reasons_keeps_the_catch_alls_mark() -> None:
    """A starter too large for its reasons still marks init's `form.*` lines as its own."""
    from cnsnt.model import Confidence, Location
    from cnsnt.starter.fields import WHOLE_FORM_MARK, PersonalField
    from cnsnt.starter.render import why

    whole = PersonalField(
        "form_field",
        "autista.*",
        "user",
        f"all 3 fields (kw), {WHOLE_FORM_MARK}",
        Confidence.LOW,
        Location("autista.html", 1, 1),
        covers=3,
    )
    assert WHOLE_FORM_MARK in why(whole, reasons=False)
    one = PersonalField(
        "form_field", "autista.kw", "user", "kind unknown", Confidence.LOW, Location("a", 1, 1)
    )
    assert WHOLE_FORM_MARK not in why(one, reasons=False)
