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


SOURCES = PACKAGE / "sources"
FAMILIES = sorted(p.name for p in SOURCES.iterdir() if (p / "__init__.py").is_file())


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_graph() -> dict[str, set[str]]:
    """Imports among cnsnt.sources modules (`from pkg import mod` counts as importing mod)."""
    mods = {module_name(p): p for p in SOURCES.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found.update(t for t in targets if t in mods and t != name)
        graph[name] = found
    return graph


def test_families_are_packages():
    assert {"schemas", "databases", "forms", "queries"} <= set(FAMILIES)


def test_no_import_cycle_among_source_modules():
    graph = source_graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


#: Modules of a family that the other families may import (`kotlin_syntax`: the Kotlin
#: parsing and constant values the Kotlin query reader shares with the Kotlin entity readers).
_SHARED = frozenset({"common", "grammars", "kotlin_syntax"})


def test_source_families_do_not_import_each_other():
    """A family may use another's shared helpers (its `common` module, and the tree-sitter
    parsing of `schemas.grammars`, which the React forms reader shares), never its readers."""
    offenders = []
    for name, targets in source_graph().items():
        parts = name.split(".")
        if len(parts) < 4:  # cnsnt.sources.base and the family packages themselves
            continue
        family = parts[2]
        for target in targets:
            tparts = target.split(".")
            if len(tparts) >= 4 and tparts[2] in FAMILIES and tparts[2] != family and tparts[3] not in _SHARED:
                offenders.append(f"{name} -> {target}")
    assert offenders == []
