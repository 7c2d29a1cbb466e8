"""React components with forms are proposed as one glob per folder (review28 D8).

documenso got 201 `- {path: ".../dialogs/x.tsx"}` entries, one per component, so a dialog
added the next month was not audited. The files here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import audit_path
from cnsnt.starter.discover import Found, survey
from cnsnt.starter.run import draft_new


def _dialog(name: str, field: str) -> str:
    return (
        f"export const {name} = () => (\n  <form id=\"{name}\">\n"
        f'    <input name="{field}" type="text" />\n    <button type="submit">Save</button>\n  </form>\n);\n'
    )


CONFIRM = "export const Confirm = () => (\n  <div><p>Sure?</p><button>Delete</button></div>\n);\n"


def _write(root: Path, rel: str, text: str) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")


def _tree(root: Path) -> None:
    """Six form dialogs and two confirmations in one folder, two forms beside a story, one alone."""
    for name, field in [("Rename", "title"), ("Invite", "email"), ("Profile", "phone"),
                        ("Address", "street"), ("Billing", "iban"), ("Team", "team_name")]:
        _write(root, f"src/components/dialogs/{name}Dialog.tsx", _dialog(name, field))
    _write(root, "src/components/dialogs/DeleteDialog.tsx", CONFIRM)
    _write(root, "src/components/dialogs/LeaveDialog.tsx", CONFIRM)
    _write(root, "src/components/forms/Signup.tsx", _dialog("Signup", "email"))
    _write(root, "src/components/forms/Login.tsx", _dialog("Login", "username"))
    _write(root, "src/components/forms/Signup.stories.tsx", _dialog("SignupStory", "email"))
    _write(root, "src/pages/Contact.tsx", _dialog("Contact", "message"))


def test_the_components_of_a_folder_are_one_glob_unless_it_would_take_a_file_left_out(tmp_path: Path) -> None:
    _tree(tmp_path)
    found, _ = survey(tmp_path)
    assert sorted(f for f in found if f.kind == "forms") == [
        Found("forms", "src/components/dialogs/*.tsx"),  # 8 files -> 1 entry: the confirmations read to buttons
        Found("forms", "src/components/forms/Login.tsx"),  # a story beside them: the glob would read it
        Found("forms", "src/components/forms/Signup.tsx"),
        Found("forms", "src/pages/Contact.tsx"),  # one component: named alone
    ]


def test_a_folder_with_a_component_the_audit_reads_more_from_keeps_one_entry_per_file(tmp_path: Path) -> None:
    """A file init does not propose but whose reading gives a field or a problem keeps its folder's files apart."""
    _write(tmp_path, "src/a/One.tsx", _dialog("One", "email"))
    _write(tmp_path, "src/a/Two.tsx", _dialog("Two", "phone"))
    # a 2 MB inline SVG beside them: minified in shape, too large to parse at every audit
    _write(tmp_path, "src/a/Logo.tsx", "export const Logo = () => <svg><path d=\"" + "M0 0L1 1" * 300_000 + "\" /></svg>;\n")
    found, _ = survey(tmp_path)
    assert sorted(f.pattern for f in found if f.kind == "forms") == ["src/a/One.tsx", "src/a/Two.tsx"]


def test_the_glob_declares_every_field_and_reads_a_dialog_added_later(tmp_path: Path) -> None:
    """The starter declares every dialog's field, and the audit reads a dialog added later."""
    _tree(tmp_path)
    text = draft_new(tmp_path).text
    assert '{path: "src/components/dialogs/*.tsx"}' in text
    for key in ("Invite.email", "Billing.iban", "Team.team_name", "Signup.email", "Contact.message"):
        assert f"- {key} " in text
    (tmp_path / "cnsnt.yaml").write_text(text, encoding="utf-8")
    assert not {f.subject for f in audit_path(tmp_path).findings if f.rule in ("CN101", "CN001")}
    _write(tmp_path, "src/components/dialogs/PassportDialog.tsx", _dialog("Passport", "passport_number"))
    assert "Passport.passport_number" in {f.subject for f in audit_path(tmp_path).findings if f.rule == "CN101"}
