"""The Python modules of a project, as the readers of Python code follow its names (never imported).

Shared by the Python form reader and the Django models reader (a base class imported
from another app, the settings module `manage.py` names), so a module is found and
parsed one way, once.

A name in a form file (`FlaskBBForm`, `forms.CharField`, `Profile`) is followed to
what it means: a class written in the same file, a class of another module of the
project (`from .models import Profile`, `from flaskbb.utils.forms import FlaskBBForm`,
re-exports followed), or a dotted name outside the project (`django.forms.CharField`,
`wtforms.fields.StringField`). A module is looked for as `a/b.py` or `a/b/__init__.py`
below the file's folder or one of its parents up to the policy's directory (a `src/`
layout too); never outside it, never in the packages of frameworks. Each module is read
and parsed once per audit (`SourceContext.memo`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import dotted, parse_python

#: Top packages never looked for in the project: the frameworks themselves.
FRAMEWORK_PACKAGES = frozenset({"django", "wtforms", "flask_wtf", "allauth", "flask", "typing"})
#: How many re-exports and module hops one name is followed through.
_MAX_HOPS = 12


@dataclass
class PyModule:
    """One parsed Python file of the project."""

    path: Path
    shown: str
    tree: ast.Module
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)
    imports: dict[str, tuple[int, str, str]] = field(default_factory=dict)
    """Local name -> (level, module, name): `from .models import A as B` -> B: (1, "models", "A");
    `import a.b as c` -> c: (0, "a.b", ""); `import a.b` -> a: (0, "a", "")."""

    @classmethod
    def of(cls, path: Path, shown: str, tree: ast.Module) -> PyModule:
        """The classes and top-level imports of a parsed file."""
        mod = cls(path, shown, tree)
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                mod.classes[node.name] = node
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name != "*":
                        mod.imports[alias.asname or alias.name] = (node.level, node.module or "", alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        mod.imports[alias.asname] = (0, alias.name, "")
                    else:
                        top = alias.name.partition(".")[0]
                        mod.imports[top] = (0, top, "")
        return mod


@dataclass(frozen=True)
class ClassRef:
    """A class a name means: written in the project (`node`), or outside it (`outside`)."""

    module: PyModule | None = None
    node: ast.ClassDef | None = None
    outside: str | None = None
    """The dotted name outside the project: `django.forms.CharField`."""

    @property
    def last(self) -> str:
        """The class's own name."""
        if self.node is not None:
            return self.node.name
        return (self.outside or "").rpartition(".")[2]


class Project:
    """Finds and parses the modules of one project, following names between them."""

    def __init__(self, ctx: SourceContext) -> None:
        self.ctx = ctx
        self.root = ctx.base_dir.resolve()

    def module(self, path: Path, tree: ast.Module | None = None) -> PyModule | None:
        """The parsed module of a file (once per audit); None when it cannot be read (`failure`)."""
        key = f"python:module:{path.resolve()}"
        memo = self.ctx.memo
        if key not in memo:
            shown = self.ctx.shown(path)
            if tree is None:
                try:
                    tree = parse_python(read_text(path, shown, limits=self.ctx.limits), shown)
                except SourceError as exc:
                    memo[key] = exc
                    return None
            memo[key] = PyModule.of(path, shown, tree)
        found = memo[key]
        return found if isinstance(found, PyModule) else None

    def failure(self, path: Path) -> SourceError | None:
        """Why `module` could not read a file (a syntax error at its place), once it tried."""
        found = self.ctx.memo.get(f"python:module:{path.resolve()}")
        return found if isinstance(found, SourceError) else None

    def find_module(self, near: PyModule, level: int, name: str) -> PyModule | None:
        """The project's module `name` (`a.b`, or relative with `level` dots) seen from `near`."""
        path = self.find_path(near, level, name)
        return None if path is None else self.module(path)

    def find_path(self, near: PyModule, level: int, name: str) -> Path | None:
        """The file of the project's module `name` seen from `near`, as `find_module` finds it."""
        parts = [p for p in name.split(".") if p]
        if level == 0 and (not parts or parts[0] in FRAMEWORK_PACKAGES):
            return None
        if level > 0:
            base = near.path.parent
            for _ in range(level - 1):
                base = base.parent
            bases = [base]
        else:
            bases = []
            current = near.path.parent.resolve()
            while True:
                bases.append(current)
                if current == self.root or self.root not in current.parents:
                    break
                current = current.parent
        for base in bases:
            for candidate in (
                base.joinpath(*parts).with_suffix(".py") if parts else None,
                base.joinpath(*parts, "__init__.py"),
            ):
                if candidate is None or not candidate.is_file():
                    continue
                resolved = candidate.resolve()
                if resolved != self.root and self.root not in resolved.parents:
                    continue  # never outside the policy's directory
                return candidate
        return None

    def resolve(self, mod: PyModule, node: ast.expr) -> ClassRef | None:
        """The class an expression names (`Form`, `forms.CharField`, `app.models.User`), or None."""
        name = dotted(node)
        if not name:
            return None
        key = (id(mod), name)
        cache = self.ctx.memo.setdefault("pyforms:resolved", {})
        assert isinstance(cache, dict)
        if key not in cache:
            cache[key] = self.resolve_name(mod, name, 0)
        found: ClassRef | None = cache[key]
        return found

    def resolve_name(self, mod: PyModule, name: str, hops: int) -> ClassRef | None:
        """`name` as written in `mod`: its class, followed through imports and re-exports."""
        if hops > _MAX_HOPS:
            return None
        head, _, rest = name.partition(".")
        if not rest and head in mod.classes:
            return ClassRef(mod, mod.classes[head])
        if head not in mod.imports:
            return None  # a variable, a builtin, a class built at runtime
        level, module, imported = mod.imports[head]
        if imported:  # from module import imported [as head]
            target_module, target_name = module, imported
            path = [p for p in rest.split(".") if p]
        else:  # import module [as head]
            target_module, target_name = module, ""
            path = [p for p in rest.split(".") if p]
        # the longest prefix that is a module of the project holds the rest
        chain = [target_name, *path] if target_name else path
        if not chain:
            return None
        for split in range(len(chain) - 1, -1, -1):
            sub = ".".join(p for p in (target_module, *chain[:split]) if p)
            found = self.find_module(mod, level, sub) if (sub or level) else None
            if found is not None:
                rest_name = ".".join(chain[split:])
                return self.resolve_name(found, rest_name, hops + 1)
        if level:
            return None  # a relative module cnsnt cannot find
        full = ".".join(p for p in (target_module, *chain) if p)
        return ClassRef(outside=full)
