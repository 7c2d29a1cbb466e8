"""Hostile and broken input: helpers and the hypothesis profiles.

The normal run uses the `cnsnt` profile: a bounded number of examples, derived
from each test's name (the same examples every run: no flaky suite), no example
database (nothing written). `.ci/fuzz` uses the `fuzz` profile: fresh random
examples, for as long as its budget allows.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from cnsnt.cli import app

settings.register_profile(
    "cnsnt",
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=2_000,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("CNSNT_HYPOTHESIS_PROFILE", "cnsnt"))

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}

POLICY = """cnsnt: 1
controller: {name: Example Ltd, contact: privacy@example.com}
sources:
%s
purposes:
  orders: {description: To deliver your order., basis: contract}
  newsletter: {description: To send you news., basis: consent, consent: {columns: [customers.newsletter_at]}}
data:
  email: {category: user.contact.email, columns: [customers.email], purposes: [orders, newsletter], retention: P1Y}
  phone: {category: user.contact.phone_number, columns: [customers.phone], purposes: [orders], retention: P1Y}
  allergies: {category: user.health_and_medical, columns: [customers.allergies], purposes: [orders], retention: P1Y, condition: explicit_consent}
  newsletter_at: {category: user.behavior, columns: [customers.newsletter_at], purposes: [newsletter], retention: P1Y}
"""
SCHEMA = (
    "CREATE TABLE customers (id int, email text, phone text, allergies text, "
    "newsletter_at timestamp, note text, data jsonb);\n"
)


def project(root: Path, sources: str, files: dict[str, str | bytes]) -> Path:
    """A project: the shared policy with these `sources:` lines, the schema, and files."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "cnsnt.yaml").write_text(POLICY % sources, encoding="utf-8")
    (root / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def run(*args: str) -> Any:
    """Run the CLI in-process (exceptions become exit 3, as for a user)."""
    return runner.invoke(app, list(args), env=ENV)


def audit_json(root: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    """Exit code and findings of `cnsnt audit ROOT -f json`."""
    result = run("audit", str(root), "-f", "json", "-q", *args)
    assert result.exit_code in (0, 1), (result.exit_code, result.stdout, result.stderr)
    return result.exit_code, json.loads(result.stdout)["findings"]


def messages(findings: list[dict[str, Any]], rule: str, path: str | None = None) -> list[str]:
    """Messages of one rule's findings (at one path, when given)."""
    return [
        f["message"]
        for f in findings
        if f["rule"] == rule and (path is None or (f.get("location") or {}).get("path") == path)
    ]
