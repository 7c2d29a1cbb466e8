"""Regressions from review: secrets, odd output targets, bad baselines, hostile names."""

from __future__ import annotations

import json
import os
import stat

from typer.testing import CliRunner

from cnsnt.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1"}


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def test_database_password_is_never_echoed_in_policy_errors(tmp_path):
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  databases: ["postgresql://admin:S3cretPW@db/app"]\n'
    )
    result = run("validate", str(tmp_path / "cnsnt.yaml"))
    assert result.exit_code == 2
    assert "S3cretPW" not in result.stderr + result.stdout
    assert "postgresql://admin:***@db/app" in result.stderr


def test_deeply_nested_policy_is_a_policy_error(tmp_path):
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\nx: " + "[" * 2000 + "]" * 2000 + "\n")
    result = run("validate", str(tmp_path / "cnsnt.yaml"))
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_blank_texts_and_empty_retention_maps_are_rejected(tmp_path):
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\npurposes: {p: {description: '  ', basis: contract}}\n"
        "data: {e: {category: user.contact.email, purposes: [p], retention: {}}}\n"
    )
    result = run("validate", str(tmp_path / "cnsnt.yaml"))
    assert result.exit_code == 2
    assert "cnsnt.yaml:2:" in result.stderr and "cnsnt.yaml:3:" in result.stderr


def test_output_through_a_symlink_keeps_the_link_and_the_mode(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")
    target.chmod(0o644)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert run("audit", str(EXAMPLES / "shop"), "-f", "json", "-o", str(link)).exit_code == 1
    assert link.is_symlink() and json.loads(target.read_text())["findings"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_new_output_file_gets_the_umask_mode(tmp_path):
    out = tmp_path / "r.txt"
    run("audit", str(EXAMPLES / "shop"), "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_bad_baselines_are_usage_errors(tmp_path):
    for text in ('{"format": "cnsnt-baseline-1", "findings": 5}', "[" * 5000, "nope"):
        (tmp_path / "b.json").write_text(text)
        result = run("audit", str(EXAMPLES / "shop"), "--baseline", str(tmp_path / "b.json"))
        assert result.exit_code == 2, text[:20]
        assert "not a cnsnt baseline" in result.stderr


def test_select_rejects_unknown_codes_and_accepts_comma_lists():
    bad = run("audit", str(EXAMPLES / "shop"), "--select", "CN999")
    assert bad.exit_code == 2 and "CN999" in bad.stderr
    good = run("audit", str(EXAMPLES / "shop"), "--select", "CN203,cn204", "-f", "json")
    assert {f["rule"] for f in json.loads(good.stdout)["findings"]} == {"CN203", "CN204"}


def test_terminal_escapes_in_identifiers_are_shown_not_obeyed(tmp_path):
    (tmp_path / "s.sql").write_text('CREATE TABLE users ("email\x1b]0;PWNED\x07" TEXT);\n')
    (tmp_path / "cnsnt.yaml").write_text("cnsnt: 1\nsources: {schemas: [{path: s.sql, dialect: postgres}]}\n")
    for fmt in ("text", "markdown", "junit", "github"):
        out = run("audit", str(tmp_path), "-f", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out, fmt
        assert "\\x1b" in out, fmt


def test_ci_formats_prefix_paths_with_the_policy_directory(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    github = run("audit", "examples/shop", "-f", "github").stdout
    assert "file=examples/shop/db/schema.sql," in github
    sarif = json.loads(run("audit", "examples/shop", "-f", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"] if "locations" in r}
    assert "examples/shop/db/schema.sql" in uris
    data = json.loads(run("audit", "examples/shop", "-f", "json").stdout)
    assert any(f["location"] and f["location"].get("path") == "db/schema.sql" for f in data["findings"])


def test_validate_a_directory_of_policy_files(tmp_path):
    (tmp_path / "a.yaml").write_text("cnsnt: 1\npurposes: {a: {description: x., basis: contract}}\n")
    (tmp_path / "b.yaml").write_text("purposes: {a: {description: y., basis: contract}}\n")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2 and "'purposes.a' is defined twice" in result.stderr


def test_a_file_name_with_colons_is_printed_as_named_not_as_an_emoji(tmp_path):
    # Trial M D1: rich turned `l5.csv:100:` into `l5.csv💯` on stderr.
    result = run("audit", "--policy", str(tmp_path / "a:100:.yaml"))
    assert result.exit_code == 2
    assert "a:100:.yaml" in result.stderr
    assert "\U0001f4af" not in result.stderr


def test_the_data_map_names_a_source_with_colons_as_named(tmp_path):
    (tmp_path / "a:thumbsup:.sql").write_text("CREATE TABLE members (id INT, email VARCHAR(80));\n")
    (tmp_path / "cnsnt.yaml").write_text(
        'cnsnt: 1\nsources:\n  schemas: [{path: "a:thumbsup:.sql"}]\npurposes: {}\ndata: {}\n'
    )
    result = run("inventory", str(tmp_path), "--format", "table")
    assert "a:thumbsup:.sql" in result.stdout, result.stdout + result.stderr
    assert "\U0001f44d" not in result.stdout
