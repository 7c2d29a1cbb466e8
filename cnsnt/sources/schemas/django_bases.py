"""Where the base classes of an entry's Django models are written, followed through the project's imports.

A Django-CRM app's `Contact(AssignableMixin, BaseModel)` takes `BaseModel` from
`common/base.py`, whose `BaseModel(AuditModel)` takes `AuditModel` from
`common/mixins.py`: Django gives `contacts` every field of those abstract models, so
each base is followed as Python would import it (`python_modules.Project`: re-exports,
relative imports, `a/b.py` or `a/b/__init__.py` below the policy's directory), and the
classes of the modules it leads to join the entry as borrowed classes: they lend their
fields and make no table here (their own entry, if any, reads them).

A base that cannot be followed is recorded with the reason (`DjangoClass.lost`): the
models reader still reads a class that looks like a model, and says which base it could
not read, instead of dropping the model with no word.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.sources.python_modules import Project, PyModule
from cnsnt.sources.schemas.common import dotted, meta_options, module_imports

#: Modules whose classes are Django's or a package's, never the project's own files.
PACKAGES = ("django.", "rest_framework", "polymorphic", "model_utils", "mptt", "treebeard")
#: How many imports deep a base class is followed into files the entry does not hold.
BORROW_DEPTH = 6


@dataclass(frozen=True)
class BaseRef:
    """What a base class name leads to: a class of the project, or a dotted name outside it."""

    home: str | None
    """The module of the project that writes the class (as reports show it); None: outside."""
    name: str
    """The class's name in `home`, or the dotted name outside (`django.db.models.Model`)."""


@dataclass
class DjangoClass:
    """A class statement of a models file, before we know whether it is a model."""

    node: ast.ClassDef
    shown: str
    app: str
    bases: list[str]
    meta: dict[str, object] = field(default_factory=dict)
    imports: dict[str, str] = field(default_factory=dict)
    """Local name -> the module it was imported from (`User` -> `django.contrib.auth.models`)."""
    borrowed: bool = False
    """Read from a module the entry's models import from but the entry does not hold: it
    lends its fields to the entry's models and makes no table here (its own entry does)."""
    path: Path | None = None
    refs: dict[str, BaseRef] = field(default_factory=dict)
    """Each base, as written, -> where the project's imports lead it."""
    lost: dict[str, str] = field(default_factory=dict)
    """Each base the imports do not lead to a class cnsnt can read -> why, for the note."""
    module: ast.Module | None = None
    """The file's tree: its constants and choices classes name a field's `choices=`."""

    def base_node(self, base: str) -> ast.expr | ast.ClassDef:
        """The base expression as written in the class statement (for the note's column)."""
        return next((b for b in self.node.bases if dotted(b) == base), self.node)


def classes_of(
    tree: ast.Module, shown: str, app: str, path: Path, borrowed: bool = False
) -> list[DjangoClass]:
    """The top-level classes of a parsed file, with their bases and `class Meta`."""
    imports = module_imports(tree)
    return [
        DjangoClass(
            node, shown, app, [dotted(b) for b in node.bases], meta_options(node), imports, borrowed, path,
            module=tree,
        )
        for node in tree.body
        if isinstance(node, ast.ClassDef)
    ]


def follow_bases(
    classes: list[DjangoClass], project: Project, app_of: Callable[[Path], str]
) -> list[DjangoClass]:
    """Resolve every base of `classes`; the classes of the project's modules they lead to, borrowed.

    `app_of(path)` is the app label of a models file. Returns the borrowed classes, whose
    bases are resolved too, up to `BORROW_DEPTH` modules away from the entry: a base
    further away is named by the model's note, not read.
    """
    seen = {c.path.resolve() for c in classes if c.path is not None}
    out: list[DjangoClass] = []
    pending = classes
    for depth in range(BORROW_DEPTH + 1):
        wanted: dict[Path, PyModule] = {}
        for cls in pending:
            module = project.module(cls.path) if cls.path is not None else None
            if module is None:
                continue
            for base in cls.bases:
                found = _follow(cls, base, module, project)
                if found is not None and found.path.resolve() not in seen:
                    wanted[found.path.resolve()] = found
        if depth == BORROW_DEPTH:
            break
        pending = []
        for resolved, module in wanted.items():
            seen.add(resolved)
            app = app_of(module.path)
            pending.extend(classes_of(module.tree, module.shown, app, module.path, borrowed=True))
        out.extend(pending)
        if not pending:
            break
    return out


def _follow(cls: DjangoClass, base: str, module: PyModule, project: Project) -> PyModule | None:
    """Record where `base` leads (`refs`) or why it leads nowhere (`lost`); the module it leads to."""
    if not base:
        return None  # `Generic[T]` and the like: no class name to follow
    ref = project.resolve_name(module, base, 0)
    if ref is not None and ref.node is not None and ref.module is not None:
        cls.refs[base] = BaseRef(ref.module.shown, ref.node.name)
        return ref.module
    head = base.partition(".")[0]
    if ref is not None and ref.outside is not None:
        top = ref.outside.partition(".")[0]
        if ref.outside.startswith(PACKAGES) or not _project_package(project, module, top):
            cls.refs[base] = BaseRef(None, ref.outside)  # Django's, or a package installed beside it
            return None
        cls.lost[base] = _why_lost(project, module, 0, ref.outside.rpartition(".")[0])
        return None
    if hasattr(builtins, head):
        return None  # `object`, `Exception`: nothing to lend
    imported = module.imports.get(head)
    if imported is None:
        star = any(isinstance(n, ast.ImportFrom) and n.names[0].name == "*" for n in module.tree.body)
        cls.lost[base] = f"'{head}' is neither imported by name nor written in {module.shown}" + (
            " (a star import cnsnt does not follow may bring it)" if star else ""
        )
        return None
    level, name, _ = imported
    cls.lost[base] = _why_lost(project, module, level, name)
    return None


def _why_lost(project: Project, near: PyModule, level: int, name: str) -> str:
    """Why the module a base is imported from lends no class: not found, not parsed, or not written there."""
    where = "." * level + name
    path = project.find_path(near, level, name) if name or level else None
    if path is None:
        return f"its module {where} is not found below the policy's directory"
    failure = project.failure(path) if project.module(path) is None else None
    if failure is not None:
        place = failure.location
        at = f" at {place.line}:{place.column}" if place is not None and place.line is not None else ""
        return f"its module {project.ctx.shown(path)} cannot be read{at} ({failure.message})"
    return f"{where} does not write it where cnsnt can see it (a star import, a name made at run time)"


def _project_package(project: Project, near: PyModule, top: str) -> bool:
    """Whether `top` is a package or module of the project, seen from `near` as Python's path would.

    `from core.base import BaseModel` with a `core/` folder beside the app but no
    `core/base.py` is the project's own module gone missing, not an installed package.
    """
    current = near.path.parent.resolve()
    while True:
        if (current / top).is_dir() or (current / f"{top}.py").is_file():
            return True
        if current == project.root or project.root not in current.parents:
            return False
        current = current.parent
