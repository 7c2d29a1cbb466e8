"""The classes of an entry's Python files, with their bases and `class Meta`, for the ORM readers.

Peewee, Tortoise ORM and SQLModel models take fields from their base classes, which may
be written in another file of the entry: all files are read first, then each class's
ancestors are looked up by name (the same file's class first). Nothing is imported.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelTable,
    assigned_field,
    dotted,
    fields_left_out,
    lend_reference_types,
    meta_options,
    model_evidence,
    model_failed,
    module_imports,
    nested_too_deep,
    nothing_found,
    python_files,
)

#: Packages whose classes sit beside ORM models but make no table (pydantic's `BaseModel`).
NOT_ORM = frozenset({"pydantic", "msgspec", "attrs", "attr", "dataclasses", "typing", "enum"})


@dataclass
class PyClass:
    """A top-level class statement of one file."""

    node: ast.ClassDef
    shown: str
    bases: list[str]
    """The dotted names of its bases (`peewee.Model`, `BaseModel`)."""
    meta: dict[str, object] = field(default_factory=dict)
    imports: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    """`Model_` -> `Model` for `from tortoise.models import Model as Model_`."""

    @property
    def name(self) -> str:
        """The class's name."""
        return self.node.name

    def place(self) -> tuple[int, int]:
        """Line and (1-based) column of the class statement."""
        return self.node.lineno, self.node.col_offset + 1

    def real(self, base: str) -> str:
        """The last name of a base as its module spells it (through `import ... as ...`)."""
        last = base.rpartition(".")[2]
        return self.aliases.get(last, last)

    def origin(self, base: str) -> str:
        """The top package a base is imported from (`pydantic`), or empty."""
        return self.imports.get(base.partition(".")[0], "").partition(".")[0]


def entry_classes(
    paths: Sequence[Path],
    ctx: SourceContext,
    problems: list[SourceProblem],
    modules: list[tuple[str, ast.Module]] | None = None,
) -> tuple[list[PyClass], list[str]]:
    """Every top-level class of the entry's files, and the files read (a broken file is a problem).

    `modules`, when given, gets each file read and its tree, in the entry's order.
    """
    classes: list[PyClass] = []
    shown_files: list[str] = []
    for _, shown, tree in python_files(paths, ctx, problems):
        shown_files.append(shown)
        if modules is not None:
            modules.append((shown, tree))
        imports = module_imports(tree)
        aliases = {
            a.asname: a.name for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names if a.asname
        }
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                bases = [dotted(b) for b in node.bases]
                classes.append(PyClass(node, shown, bases, meta_options(node), imports, aliases))
    return classes, shown_files


class ClassReader(Protocol):
    """What one ORM's reader says of the entry's classes."""

    def reads(self, cls: PyClass) -> bool:
        """Whether the class is one of the ORM's (a model, a base, a mixin): its fields are checked."""
        ...

    def tables(self, cls: PyClass, problems: list[SourceProblem]) -> list[ModelTable]:
        """The tables the class makes (none for a base), with the problems met."""
        ...

    def is_field(self, call: ast.Call) -> bool:
        """Whether a call in a class body declares a field."""
        ...

    def read(self, stmt: ast.stmt) -> ast.AST | None:
        """What `tables` reads of a class-body statement (for `fields_left_out`)."""
        ...


#: What changes the tables of an entry's models after they are read (Peewee's `playhouse.migrate`):
#: given the files read and their trees, the tables (changed in place) and the problems list.
RuntimeChanges = Callable[[list[tuple[str, ast.Module]], list[ModelTable], list[SourceProblem]], None]


def read_model_classes(
    paths: Sequence[Path],
    ctx: SourceContext,
    what: str,
    reader_of: Callable[[Hierarchy], ClassReader],
    changes: Callable[[ClassReader], RuntimeChanges] | None = None,
) -> Evidence:
    """The tables an ORM's model classes in an entry's files make, and what could not be read.

    `changes`, given the reader, applies what the code does to those tables at runtime.
    """
    problems: list[SourceProblem] = []
    modules: list[tuple[str, ast.Module]] = []
    classes, files = entry_classes(paths, ctx, problems, modules)
    reader = reader_of(Hierarchy(classes))
    tables: list[ModelTable] = []
    for cls in classes:
        if not reader.reads(cls):
            continue
        try:
            tables.extend(reader.tables(cls, problems))
        except RecursionError:
            problems.append(nested_too_deep(cls.node, cls.shown, f"model {cls.name} was not read"))
        except Exception as exc:  # noqa: BLE001 - one model's bug must not lose the others
            line, col = cls.place()
            problems.append(model_failed(exc, cls.shown, line, col, f"model {cls.name}"))
        problems.extend(fields_left_out(cls.node.body, reader.is_field, reader.read, cls.shown))
    if changes is not None:
        changes(reader)(modules, tables, problems)
    lend_reference_types(tables)
    if files and not tables:  # a file of helpers beside the models is no problem; an entry of none is
        problems.extend(nothing_found(shown, what) for shown in files)
    return model_evidence(tables, problems, len(files))


class Hierarchy:
    """The classes of an entry by name: parents, ancestors, what derives from what."""

    def __init__(self, classes: list[PyClass]) -> None:
        self.classes = classes
        self.by_name: dict[str, list[PyClass]] = {}
        for cls in classes:
            self.by_name.setdefault(cls.name, []).append(cls)
        self._derives: dict[tuple[int, frozenset[str]], bool] = {}
        self.subclassed = {
            id(parent) for cls in classes for parent in (self.find(b, cls) for b in cls.bases) if parent
        }
        """The classes another class of the entry names as a base."""

    def find(self, base: str, near: PyClass) -> PyClass | None:
        """The class a base name means: of the same file if it has one, else the first of that name."""
        if near.origin(base) in NOT_ORM:
            return None
        found = [c for c in self.by_name.get(base.rpartition(".")[2], []) if c is not near]
        return next((c for c in found if c.shown == near.shown), found[0] if found else None)

    def ancestors(self, cls: PyClass) -> list[PyClass]:
        """The entry's classes `cls` inherits from, each once, the last to take precedence last.

        Python looks attributes up along the MRO, the first base first: here the farthest,
        last base comes first, so a field a nearer class declares again replaces it.
        """
        out: list[PyClass] = []
        seen = {id(cls)}
        stack: list[tuple[PyClass, int]] = [(cls, len(cls.bases))]
        while stack:  # depth first over the bases, right to left, without recursion
            current, left = stack.pop()
            if left == 0:
                if current is not cls:
                    out.append(current)
                continue
            stack.append((current, left - 1))
            parent = self.find(current.bases[left - 1], current)
            if parent is not None and id(parent) not in seen:
                seen.add(id(parent))
                stack.append((parent, len(parent.bases)))
        return out

    def derives(self, cls: PyClass, roots: frozenset[str], outside: Callable[[str], bool]) -> bool:
        """Whether `cls` derives from a class named in `roots` (`Model`), through the entry's classes.

        A base the entry does not hold counts when `outside(name)` says so.
        """
        key = (id(cls), roots)
        if key in self._derives:
            return self._derives[key]
        self._derives[key] = False  # a cycle of bases derives from nothing
        result = False
        for base in cls.bases:
            last = cls.real(base)
            parent = self.find(base, cls)
            if cls.origin(base) in NOT_ORM:  # pydantic's `BaseModel` is no `Model`; `enum.Enum` is `Enum`
                result = last in roots
            elif parent is not None:
                result = self.derives(parent, roots, outside)
            else:
                result = last in roots or outside(last)
            if result:
                break
        self._derives[key] = result
        return result


def class_keyword(node: ast.ClassDef, name: str) -> ast.expr | None:
    """The value of a keyword in the class statement (`class Hero(SQLModel, table=True)`)."""
    return next((k.value for k in node.keywords if k.arg == name), None)


def field_read(is_field: Callable[[ast.Call], bool]) -> Callable[[ast.stmt], ast.AST | None]:
    """What a reader takes of a class-body statement (`fields_left_out`): a field's call; a method."""

    def read(stmt: ast.stmt) -> ast.AST | None:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            return stmt
        found = assigned_field(stmt, is_field)
        return found[1] if found else None

    return read


def unread_name(what: str, node: ast.AST, shown: str, then: str) -> SourceProblem:
    """A CN001 warning for a name (a table's, a relation's model) that is not written out."""
    return SourceProblem(
        f"{what} `{ast.unparse(node)}` is not a name cnsnt can read without running the code; {then}",
        Location(shown, getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1),
        shown,
        severity=Severity.WARNING,
    )


def meta_value(cls: PyClass, name: str) -> ast.expr | None:
    """The expression assigned to `name` in the class's `class Meta` (literal or not)."""
    for stmt in cls.node.body:
        if isinstance(stmt, ast.ClassDef) and stmt.name == "Meta":
            for item in stmt.body:
                if (
                    isinstance(item, ast.Assign)
                    and len(item.targets) == 1
                    and isinstance(item.targets[0], ast.Name)
                    and item.targets[0].id == name
                ):
                    return item.value
    return None
