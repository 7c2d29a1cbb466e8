"""A small project with one seeded violation (a pre-ticked newsletter box, CN203), for CI tests."""

from __future__ import annotations

from pathlib import Path

POLICY = """\
cnsnt: 1
controller:
  name: Example Ltd
  contact: privacy@example.org
  authority: Information Commissioner's Office
notice:
  automated_decisions: We make no decisions about you by computer alone.
sources:
  schemas: [{path: db/schema.sql, dialect: postgres}]
  forms: [{path: "templates/*.html"}]
purposes:
  account:
    description: To run your account.
    basis: contract
  newsletter:
    description: To send you our newsletter by email.
    basis: consent
    consent:
      form_fields: [signup.newsletter]
      withdraw: Use the unsubscribe link in any newsletter.
recipients: []
data:
  email:
    label: Your email address
    category: user.contact.email
    columns: [users.email]
    form_fields: [signup.email]
    purposes: [account, newsletter]
    retention: P2Y
    required: true
    consequence: We cannot create your account.
ignore: ["users.id", "signup.newsletter"]
"""

SCHEMA = "CREATE TABLE users (\n  id SERIAL PRIMARY KEY,\n  email TEXT NOT NULL\n);\n"

WAIVER = "  <!-- cnsnt: ignore CN203 re-shows the saved choice on the settings page -->\n"


def signup(*, checked: bool, waived: bool = False) -> str:
    """The form; `checked` seeds the violation, `waived` adds the inline ignore above it."""
    box = ' checked' if checked else ''
    return (
        '<form id="signup" method="post">\n'
        '  <label for="email">Email</label>\n'
        '  <input id="email" name="email" type="email" required>\n'
        + (WAIVER if waived else "")
        + f'  <label><input type="checkbox" name="newsletter" value="1"{box}> '
        "Send me the newsletter</label>\n"
        '  <button type="submit">Sign up</button>\n'
        "</form>\n"
    )


def write_project(root: Path, *, checked: bool = True, waived: bool = False) -> Path:
    """Write the project under root (policy at the top) and return root."""
    (root / "db").mkdir(parents=True, exist_ok=True)
    (root / "templates").mkdir(parents=True, exist_ok=True)
    (root / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    (root / "templates" / "signup.html").write_text(signup(checked=checked, waived=waived),
                                                     encoding="utf-8")
    return root


_REGISTRY: list[str | None] = []


def registry_problem() -> str | None:
    """Why the package registry cannot be used (None when it can): pip downloads one package."""
    import subprocess
    import sys
    import tempfile

    if not _REGISTRY:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                proc = subprocess.run(
                    [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                     "--no-cache-dir", "-d", tmp, "setuptools>=77"],
                    capture_output=True, text=True, timeout=120,
                )
                _REGISTRY.append(None if proc.returncode == 0 else
                                 "the package registry cannot be reached: " +
                                 (proc.stderr.strip().splitlines() or ["pip download failed"])[-1])
            except subprocess.TimeoutExpired:
                _REGISTRY.append("the package registry did not answer within 120 s")
    return _REGISTRY[0]
