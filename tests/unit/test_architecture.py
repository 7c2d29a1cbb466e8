"""Import-layer contracts (STYLE.md): parsed with ast, so a violation fails here."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cnsnt"


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules():
    return sorted(PACKAGE.rglob("*.py"))


def rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def test_only_the_sql_package_imports_sqlglot():
    offenders = [
        rel(p)
        for p in modules()
        if any(i == "sqlglot" or i.startswith("sqlglot.") for i in imports(p))
        and not rel(p).startswith("cnsnt/sql/")
    ]
    assert offenders == []


def test_nothing_imports_click_directly():
    assert [rel(p) for p in modules() if any(i.split(".")[0] == "click" for i in imports(p))] == []


def test_only_the_cli_uses_typer_and_exits():
    offenders = []
    for p in modules():
        if rel(p) == "cnsnt/cli.py":
            continue
        text = p.read_text(encoding="utf-8")
        if "typer" in imports(p) or "sys.exit(" in text or "\nprint(" in text or " print(" in text:
            offenders.append(rel(p))
    assert offenders == []


def test_rules_never_read_files_or_sources():
    for p in (PACKAGE / "rules").rglob("*.py"):
        found = imports(p)
        assert not any(
            i.startswith(("cnsnt.sources", "cnsnt.sql", "cnsnt.reporters")) for i in found
        ), rel(p)
        text = p.read_text(encoding="utf-8")
        assert "open(" not in text and "read_text(" not in text, rel(p)


def test_reporters_never_import_rules():
    for p in (PACKAGE / "reporters").rglob("*.py"):
        assert not any(i.startswith("cnsnt.rules") for i in imports(p)), rel(p)
