"""The TypeScript modules a Drizzle schema is written in, and the names they declare and import.

A Drizzle schema is ordinary module code: tables are `const`s, spread across files that
import each other (`references(() => users.id)` names a table of `./users`) and a barrel
`index.ts` that `export * from`s them. This module reads an entry's files with
tree-sitter (never runs them), follows their relative imports and re-exports inside the
project, and answers "what is `users` in this file?" the way TypeScript's module
resolution would for relative paths. Path aliases (`@/db/schema`) and packages are not
followed: a name that only they declare stays unknown, and the reader says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.sources.base import SourceContext, outside_problem, read_text
from cnsnt.sources.schemas.common import problem_of
from cnsnt.sources.schemas.drizzle_types import DIALECTS
from cnsnt.sources.schemas.grammars import SourceFile, parse_bounded, parser, syntax_problem

Node = Any  # tree_sitter.Node

#: The suffixes of the modules a schema may be written in (and a relative import may name).
SUFFIXES = (".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs")
#: How many files an entry's imports may add (a schema that imports half an app stops here).
MAX_FOLLOWED = 500
#: How deep a name is looked up through imports and re-exports.
_DEPTH = 16


def imports_drizzle_core(text: str) -> bool:
    """Whether a module's text imports one of Drizzle's dialect modules (`drizzle-orm/pg-core`...)."""
    return any(module in text for module in DIALECTS)


def reexports_drizzle(path: Path, head: str, depth: int = 0) -> bool:
    """Whether a barrel module (`export * from "./users"`) re-exports a Drizzle schema.

    The barrel `index.ts` that drizzle.config's `schema` names imports nothing itself;
    the files it re-exports (followed two levels, the first 50 of each) tell.
    """
    if depth > 2 or "typeorm" in head or "@mikro-orm/" in head:
        return False
    if "export *" not in head and "export {" not in head:  # no re-export: nothing to parse
        return False
    try:
        source = head.encode("utf-8")
        root = parse_bounded(parser("typescript", "Drizzle schemas"), source, path.name).root_node
    except SourceError:
        return False
    module = read_module(path, SourceFile(source, path.name), root, False)
    for spec, _ in module.reexports[:50]:
        target = resolve(spec, path)
        if target is None:
            continue
        try:
            with target.open("rb") as handle:
                text = handle.read(200_000).decode("utf-8", errors="replace")
        except OSError:
            continue
        if imports_drizzle_core(text) or reexports_drizzle(target, text, depth + 1):
            return True
    return False


@dataclass
class Module:
    """One parsed file: its top-level declarations, imports and re-exports."""

    path: Path
    file: SourceFile
    root: Node
    own: bool
    """Its tables count: an entry file, or one an entry re-exports (`export * from`)."""
    declarations: dict[str, Node] = field(default_factory=dict)
    """Top-level `const x = ...` (the value) and `function x()` (the function), by name."""
    order: list[str] = field(default_factory=list)
    """The names of `const` declarations, in file order (tables are read in this order)."""
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Local name -> (module specifier, the name it exports; `*` for a namespace)."""
    reexports: list[tuple[str, dict[str, str] | None]] = field(default_factory=list)
    """(specifier, exported name -> its name there) of `export {...} from`; None for `export *`."""
    dialect: str | None = None
    """The dialect of the Drizzle module it imports."""
    core: dict[str, str] = field(default_factory=dict)
    """Local name -> the Drizzle export it stands for (`{ text as t }`: `t` -> `text`)."""
    namespaces: set[str] = field(default_factory=set)
    """`import * as core from 'drizzle-orm/pg-core'`: `core.text(...)` is Drizzle's `text`."""


def _string_value(node: Node, file: SourceFile) -> str:
    return "".join(file.text(c) for c in node.named_children if c.type == "string_fragment")


def read_module(path: Path, file: SourceFile, root: Node, own: bool) -> Module:
    """A file's top-level names (inside `export` too), imports and re-exports."""
    module = Module(path, file, root, own)
    for child in root.named_children:
        if child.type == "import_statement":
            _import(child, module)
            continue
        decl = child
        if child.type == "export_statement":
            source = child.child_by_field_name("source")
            if source is not None:
                _reexport(child, _string_value(source, file), module)
                continue
            decl = child.child_by_field_name("declaration") or child
        if decl.type in ("lexical_declaration", "variable_declaration"):
            for declarator in (c for c in decl.named_children if c.type == "variable_declarator"):
                name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                if name is not None and value is not None and name.type == "identifier":
                    key = file.text(name)
                    if key not in module.declarations:
                        module.declarations[key] = value
                        module.order.append(key)
        elif decl.type == "function_declaration":
            name = decl.child_by_field_name("name")
            if name is not None:
                module.declarations.setdefault(file.text(name), decl)
    return module


def _import(node: Node, module: Module) -> None:
    file = module.file
    source = node.child_by_field_name("source")
    if source is None:
        return
    spec = _string_value(source, file)
    dialect = DIALECTS.get(spec)
    if dialect is not None:
        module.dialect = module.dialect or dialect
    clause = next((c for c in node.named_children if c.type == "import_clause"), None)
    for part in clause.named_children if clause is not None else []:
        if part.type == "namespace_import":
            ident = next((c for c in part.named_children if c.type == "identifier"), None)
            if ident is not None:
                module.imports[file.text(ident)] = (spec, "*")
                if dialect is not None:
                    module.namespaces.add(file.text(ident))
        elif part.type == "named_imports":
            for spec_node in (c for c in part.named_children if c.type == "import_specifier"):
                name = spec_node.child_by_field_name("name")
                alias = spec_node.child_by_field_name("alias")
                if name is None:
                    continue
                local = file.text(alias if alias is not None else name)
                module.imports[local] = (spec, file.text(name))
                if spec.startswith("drizzle-orm"):
                    module.core[local] = file.text(name)
        elif part.type == "identifier":  # a default import
            module.imports[file.text(part)] = (spec, "default")


def _reexport(node: Node, spec: str, module: Module) -> None:
    clause = next((c for c in node.named_children if c.type == "export_clause"), None)
    if clause is None:
        module.reexports.append((spec, None))
        return
    names: dict[str, str] = {}
    for part in (c for c in clause.named_children if c.type == "export_specifier"):
        name = part.child_by_field_name("name")
        alias = part.child_by_field_name("alias")
        if name is not None:
            names[module.file.text(alias if alias is not None else name)] = module.file.text(name)
    module.reexports.append((spec, names))


def resolve(spec: str, importer: Path) -> Path | None:
    """The file a relative specifier names (`./users`, `./users.js`, `./schema` -> `schema/index.ts`)."""
    if not spec.startswith("."):
        return None
    base = importer.parent / spec
    candidates: list[Path] = []
    if base.suffix in SUFFIXES:
        candidates.append(base)
        stem = base.with_suffix("")
        twin = {".js": ".ts", ".mjs": ".mts", ".cjs": ".cts", ".jsx": ".tsx"}.get(base.suffix)
        if twin is not None:
            candidates.append(stem.with_suffix(twin))
    candidates.extend(Path(f"{base}{suffix}") for suffix in SUFFIXES)
    candidates.extend(base / f"index{suffix}" for suffix in SUFFIXES)
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate
        except OSError:
            continue
    return None


def _syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    """The file's syntax error, unless its only errors are forms the grammar predates.

    TypeScript 5's `export type * from` (the grammar parses its `type` as an ERROR node;
    the rest of the statement is whole) and a call's type argument that imports a type
    (`.$type<import("./x").T>()`, read as `a < b` then an ERROR `>()`; the column reader
    takes the `<` apart, `generic_call`).
    """
    if not tree.root_node.has_error or _only_known_gaps(tree.root_node, file):
        return None
    return syntax_problem(tree, file, "TypeScript", "tables")


def _only_known_gaps(root: Node, file: SourceFile) -> bool:
    """Whether every error below `root` is one of `_syntax`'s known gaps of the grammar (bounded walk)."""
    stack = [root]
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > 100_000 or node.is_missing:
            return False
        if node.type == "ERROR":
            parent = node.parent
            type_export = (
                file.text(node) == "type" and parent is not None and parent.type == "export_statement"
            )
            if not type_export and not _closes_generic_call(node, file):
                return False
            continue
        stack.extend(c for c in node.children if c.has_error or c.is_missing)
    return True


def _closes_generic_call(node: Node, file: SourceFile) -> bool:
    """An ERROR `>()` right after `x < import("...").T`: the end of a generic call the grammar misread."""
    before = node.prev_named_sibling
    if file.text(node).replace(" ", "") != ">()" or before is None:
        return False
    if before.type == "pair":
        before = before.child_by_field_name("value")
    return before is not None and generic_call(before, file) is not None


def generic_call(node: Node, file: SourceFile) -> Node | None:
    """`f<import("./x").T` (the grammar's reading of `f<import("./x").T>()`): `f`, else None."""
    if node.type != "binary_expression":
        return None
    op, right = node.child_by_field_name("operator"), node.child_by_field_name("right")
    if op is None or file.text(op) != "<" or right is None or b"import(" not in file.text(right).encode():
        return None
    return node.child_by_field_name("left")


class Project:
    """An entry's modules, and the files their relative imports reach, looked up by name."""

    def __init__(self, ctx: SourceContext, problems: list[SourceProblem]) -> None:
        self.ctx = ctx
        self.problems = problems
        self.modules: dict[Path, Module] = {}
        self._parser: Any = None

    def load(self, paths: Iterable[Path]) -> None:
        """Parse the entry's Drizzle files, then what they import and re-export, breadth first.

        Re-exports are always followed (a barrel `index.ts` names no Drizzle module); a
        file's imports are followed when it imports Drizzle (a schema or a helper of one):
        what an imported plain module imports is not.
        """
        queue: list[tuple[Path, bool, bool]] = [(p, True, True) for p in paths]
        followed = 0
        index = 0
        while index < len(queue):
            path, own, entry = queue[index]
            index += 1
            key = path.resolve()
            known = self.modules.get(key)
            if known is not None:
                known.own = known.own or own
                continue
            if not entry:
                if followed >= MAX_FOLLOWED or outside_problem(
                    path, self.ctx.base_dir.resolve(), self.ctx.limits.allow_outside
                ):
                    continue
                followed += 1
            module = self._parse(path, entry, own)
            if module is None:
                continue
            self.modules[key] = module
            for spec, _ in module.reexports:
                target = resolve(spec, path)
                if target is not None:
                    queue.append((target, own, False))
            if b"drizzle-orm" not in module.file.source:
                continue
            for spec, _ in module.imports.values():
                target = resolve(spec, path)
                if target is not None:
                    queue.append((target, False, False))

    def _parse(self, path: Path, entry: bool, own: bool) -> Module | None:
        shown = self.ctx.shown(path)
        self.ctx.check_time(shown)
        try:
            text = read_text(path, shown, limits=self.ctx.limits)
            if entry and "drizzle-orm" not in text and "export" not in text:
                return None  # a file of the entry that neither maps tables nor re-exports them
            self._parser = self._parser or parser("typescript", "Drizzle schemas")
            source = text.encode("utf-8")
            tree = parse_bounded(self._parser, source, shown)
        except SourceError as exc:
            if entry:
                self.problems.append(problem_of(exc, shown))
            return None
        file = SourceFile(source, shown)
        broken = _syntax(tree, file)
        if broken is not None:
            self.problems.append(broken)
        return read_module(path, file, tree.root_node, own)

    # ---- names

    def lookup(self, module: Module, name: str, depth: int = 0) -> tuple[Module, Node] | None:
        """What `name` is in `module`: its own declaration, else what it imports or re-exports as `name`."""
        if depth > _DEPTH:
            return None
        if name in module.declarations:
            return module, module.declarations[name]
        imported = module.imports.get(name)
        if imported is not None:
            target = self._module(imported[0], module)
            if target is not None and imported[1] not in ("*", "default"):
                return self.lookup(target, imported[1], depth + 1)
            return None
        for spec, names in module.reexports:
            if names is not None and name not in names:
                continue
            target = self._module(spec, module)
            if target is None:
                continue
            found = self.lookup(target, names[name] if names is not None else name, depth + 1)
            if found is not None:
                return found
        return None

    def find(self, module: Module, name: str) -> tuple[Module, Node] | None:
        """`lookup`, else the first module of the entry declaring `name` (an alias import is not followed)."""
        found = self.lookup(module, name)
        if found is not None:
            return found
        if name in module.imports and module.imports[name][0].startswith("drizzle-orm"):
            return None
        for other in self.modules.values():
            if name in other.declarations:
                return other, other.declarations[name]
        return None

    def _module(self, spec: str, importer: Module) -> Module | None:
        target = resolve(spec, importer.path)
        return self.modules.get(target.resolve()) if target is not None else None
