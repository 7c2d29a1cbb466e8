"""What the schema readers share: ORM models as tables, one file's problems, the counts.

ORM readers (Django, SQLAlchemy, Rails, Prisma) describe models with `ModelTable` and
`ModelColumn` (a 1-based line and column each) and hand them to `model_evidence`, which
makes the `evidence.Table`s every rule reads, so all schema sources look the same.
"""

from __future__ import annotations

import ast
import bisect
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from cnsnt.errors import SourceError
from cnsnt.evidence import Column, Evidence, ForeignKey, SourceProblem, Table
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, line_col, read_text
from cnsnt.sources.schemas.python_depth import deepest_expression, deepest_node
from cnsnt.sql.ddl_enums import enum_type as enum_type  # the ORM readers type their enums with it

#: A reader of all the files of one `schemas` entry that are of its kind.
EntryReader = Callable[[list[Path], SourceSpec, SourceContext], Evidence]


@dataclass
class ModelColumn:
    """A column an ORM model declares, at the place its field is written."""

    name: str
    line: int
    column: int
    type: str | None = None
    comment: str | None = None
    primary_key: bool = False
    path: str | None = None
    """The file it is written in when not its table's (a migration after the one creating it)."""
    login_default: bool = False
    unique: bool = False
    """No two rows share it (a one-to-one relation's join column, `unique=true`)."""
    orm_type: str | None = None
    """The model's own type name (`EmailField`, `EmailType`): `Column.orm_type`."""


@dataclass
class ModelTable:
    """A table an ORM model maps to, at the place the model is declared."""

    name: str
    path: str
    """The file as reports show it."""
    line: int
    column: int
    schema: str | None = None
    columns: list[ModelColumn] = field(default_factory=list)
    comment: str | None = None
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    is_view: bool = False
    view_sql: str | None = None
    """A view's defining SELECT, when read from SQL, so uses of the view trace to its tables."""
    dialect: str | None = None
    """The SQL dialect `view_sql` is written in."""
    app: str | None = None
    """The application label the framework put before the model's name (Django's `clinica_`)."""
    model: str | None = None
    """The Django model whose table this is, `app_label.model` case-folded (see `Table.model`)."""
    classes: list[str] = field(default_factory=list)
    """The ORM classes mapped to it, by simple name (see `Table.classes`)."""
    _names: tuple[int, int, dict[str, ModelColumn]] = field(
        default=(0, -1, {}), init=False, repr=False, compare=False
    )
    """The first column of each casefolded name as `add` last left `columns` (the list's id and
    length), so that adding n columns costs n, not n squared; readers also edit `columns`
    directly, and a list of another id or length is indexed again."""

    def _index(self) -> dict[str, ModelColumn]:
        listed, length, names = self._names
        if listed != id(self.columns) or length != len(self.columns):
            names = {}
            for c in self.columns:
                names.setdefault(c.name.casefold(), c)
            self._names = (id(self.columns), len(self.columns), names)
        return names

    def named(self, name: str) -> ModelColumn | None:
        """The first column of that name (case-insensitive), or None."""
        return self._index().get(name.casefold())

    def add(self, column: ModelColumn) -> None:
        """Add a column; a later one of the same name replaces it (a subclass overrides)."""
        key = column.name.casefold()
        names = self._index()
        if key in names:
            self.columns = [c for c in self.columns if c.name.casefold() != key]
        self.columns.append(column)
        names[key] = column
        self._names = (id(self.columns), len(self.columns), names)


def model_evidence(tables: Sequence[ModelTable], problems: Sequence[SourceProblem], files: int) -> Evidence:
    """The evidence of one entry's models; counts `schema_files`, `models`, `tables`, `columns`."""
    out: list[Table] = []
    for t in tables:
        columns = tuple(
            Column(
                table=t.name,
                name=c.name,
                location=Location(c.path or t.path, c.line, c.column),
                source=c.path or t.path,
                schema=t.schema,
                type=c.type,
                comment=c.comment,
                primary_key=c.primary_key,
                login_default=c.login_default,
                unique=c.unique,
                orm_type=c.orm_type,
            )
            for c in t.columns
        )
        out.append(
            Table(
                name=t.name,
                location=Location(t.path, t.line, t.column),
                source=t.path,
                schema=t.schema,
                columns=columns,
                comment=t.comment,
                is_view=t.is_view,
                view_sql=t.view_sql if t.is_view else None,
                dialect=t.dialect if t.is_view and t.view_sql else None,
                foreign_keys=tuple(t.foreign_keys),
                app=t.app,
                model=t.model,
                classes=tuple(dict.fromkeys(t.classes)),
            )
        )
    return Evidence(
        tables=out,
        problems=list(problems),
        audited={"schemas"},
        counts={
            "schema_files": files,
            "models": len(out),
            "tables": sum(1 for t in out if not t.is_view),
            **({"views": sum(1 for t in out if t.is_view)} if any(t.is_view for t in out) else {}),
            "columns": sum(len(t.columns) for t in out),
        },
    )


def problem_of(exc: SourceError, shown: str) -> SourceProblem:
    """A file-level `SourceError` as the CN001 problem of that one file."""
    return SourceProblem(exc.message, exc.location or Location(shown), shown)


def nothing_found(shown: str, what: str) -> SourceProblem:
    """The warning for a file of a schema entry that declares no table at all."""
    return SourceProblem(
        f"no {what} found in this file: is it the right file, and the right `format:`?",
        Location(shown, 1, 1),
        shown,
        severity=Severity.WARNING,
    )


def parse_python(text: str, shown: str, lost: str = "no model of this file was read") -> ast.Module:
    """Parse a Python file; a syntax error is a `SourceError` at its line and column.

    So is nesting too deep for CPython's parser: where the file nests deepest
    (`python_depth`), never without a line. `lost` says what the error costs (the form
    readers: no form of the file).
    """
    try:
        with warnings.catch_warnings():  # `SyntaxWarning: invalid escape sequence` is not ours to print
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(text, filename=shown)
    except (SyntaxError, ValueError) as exc:  # ValueError: a NUL character, on some Pythons
        raise _syntax_error(exc, text, shown, lost) from None
    except (RecursionError, MemoryError):  # CPython's parser recurses: an expression thousands deep
        raise SourceError(
            f"Python expressions nested too deep to read; {lost}", Location(shown, *deepest_expression(text))
        ) from None
    return tree


def nested_too_deep(node: ast.AST, shown: str, lost: str) -> SourceProblem:
    """A Python model or migration nested deeper than its reader recurses, said where `node` nests deepest.

    CPython builds trees about 3,000 levels deep; the readers walk expressions recursively
    and gave up far sooner, as an internal error at the class line or at the policy's entry.
    """
    return SourceProblem(
        f"Python expressions nested too deep to read; {lost}", Location(shown, *deepest_node(node)), shown
    )


def _syntax_error(exc: SyntaxError | ValueError, text: str, shown: str, lost: str) -> SourceError:
    """A file CPython cannot parse, at its line and column (a NUL character, which it gives none: at it).

    A NUL past the head that tells binary files apart reaches the parser, which says no line.
    """
    line = exc.lineno if isinstance(exc, SyntaxError) else None
    nul = text.find("\0")
    if line is None and nul >= 0:
        where = Location(shown, *line_col(text, nul))
        return SourceError(f"Python source holds a NUL character; {lost}", where)
    if not isinstance(exc, SyntaxError):
        return SourceError(f"cannot parse as Python: {type(exc).__name__}; {lost}", Location(shown))
    return SourceError(f"Python syntax error: {exc.msg}; {lost}", Location(shown, line or 1, exc.offset or 1))


def dotted(node: ast.expr) -> str:
    """`models.CharField` for an attribute chain, `CharField` for a name, else empty.

    A chain on something else (`f().b`) is its attributes (`b`). Walked in a loop: a chain
    thousands long (`a.b.b...`, which CPython parses) is no recursion.
    """
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def string_value(node: ast.expr | None) -> str | None:
    """A string literal, also inside `_("...")`/`gettext_lazy("...")`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        return string_value(node.args[0])
    return None


def literal_value(node: ast.expr | None) -> object:
    """A Python literal (number, bool, tuple, ...); None for anything computed."""
    if node is None:
        return None
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def meta_options(node: ast.ClassDef) -> dict[str, object]:
    """The literal settings of a model's inner `class Meta` (Django, Peewee, Tortoise ORM)."""
    out: dict[str, object] = {}
    for stmt in node.body:
        if isinstance(stmt, ast.ClassDef) and stmt.name == "Meta":
            for item in stmt.body:
                if isinstance(item, ast.Assign) and len(item.targets) == 1:
                    target = item.targets[0]
                    if isinstance(target, ast.Name):
                        value = string_value(item.value)
                        out[target.id] = value if value is not None else literal_value(item.value)
    return out


def module_imports(tree: ast.Module) -> dict[str, str]:
    """Local names bound by the file's top-level `from M import N [as A]` -> M."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                out[alias.asname or alias.name] = node.module
    return out


def lend_reference_types(tables: list[ModelTable]) -> None:
    """A column typed only by its `ForeignKey` gets the referenced column's type."""
    types = {
        (t.name.casefold(), c.name.casefold()): c.type for t in tables for c in t.columns if c.type
    }
    for table in tables:
        for fk in table.foreign_keys:
            for own, ref in zip(fk.columns, fk.ref_columns, strict=False):
                for col in table.columns:
                    if col.name == own and col.type is None:
                        col.type = types.get((fk.ref_table.casefold(), ref.casefold()))


#: Where a field call that `fields_left_out` names sits, by its statement's kind.
_WHERE_LEFT_OUT: dict[type[ast.stmt], str] = {
    ast.If: "inside `if`",
    ast.Try: "inside `try`",
    ast.For: "inside `for`",
    ast.While: "inside `while`",
    ast.With: "inside `with`",
    ast.Match: "inside `match`",
    ast.FunctionDef: "in a function",
}

#: Nodes whose calls run in a scope of their own, not when the class body runs.
_OWN_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def fields_left_out(
    body: Sequence[ast.stmt],
    is_field: Callable[[ast.Call], bool],
    read: Callable[[ast.stmt], ast.AST | None],
    shown: str,
) -> list[SourceProblem]:
    """CN001 warnings for the field calls of a model class's body that its reader does not read.

    `read(stmt)` is the part of a statement the reader takes (the value of `email =
    Column(...)`), or the statement itself when nothing in it is a field (a method). A field
    under `if`/`try`/`for`, assigned to several names at once or inside an expression
    (`F() if x else None`) is there only when Python runs the class: it is named, not guessed.
    """
    out: list[SourceProblem] = []
    for stmt in body:
        if isinstance(stmt, ast.ClassDef):
            continue  # `class Meta`, a nested model: read on their own
        kept = read(stmt)
        if kept is stmt:
            continue
        where = _WHERE_LEFT_OUT.get(type(stmt), "in an expression")
        if isinstance(stmt, ast.Assign) and [type(t) for t in stmt.targets] != [ast.Name]:
            where = "assigned to several names at once"
        stack: list[ast.AST] = [stmt]
        while stack:
            node = stack.pop()
            if node is kept or (node is not stmt and isinstance(node, _OWN_SCOPES)):
                continue
            if isinstance(node, ast.Call) and is_field(node):
                name = ast.unparse(node.func)
                out.append(
                    SourceProblem(
                        f"`{name}(...)` {where} is not read as a column: cnsnt reads models "
                        "without running them, so whether and under which name it exists is not known",
                        Location(shown, node.lineno, node.col_offset + 1),
                        shown,
                        severity=Severity.WARNING,
                    )
                )
                continue
            stack.extend(reversed(list(ast.iter_child_nodes(node))))
    return out


def read_guarded(
    read: Callable[[], None],
    shown: str,
    things: str,
    problems: list[SourceProblem],
    deepest: Callable[[], tuple[int, int]] = lambda: (1, 1),
) -> None:
    """Read one file: deep nesting or a bug of cnsnt's is that file's problem; the others are read.

    `deepest`: the line and column where the file nests deepest, where nesting too deep is said.
    """
    try:
        read()
    except RecursionError:
        problems.append(
            SourceProblem(
                f"expressions nested too deep to read: {things} of this file may be missing",
                Location(shown, *deepest()),
                shown,
            )
        )
    except Exception as exc:  # noqa: BLE001 - one file's bug must not lose the others
        problems.append(model_failed(exc, shown, 1, 1, "this file"))


#: Django's relation fields (a `<name>_id` column) and its fields that make no column.
DJANGO_RELATIONS = frozenset({"ForeignKey", "OneToOneField"})
DJANGO_NOT_COLUMNS = frozenset({"GenericRelation", "GenericForeignKey"})


def is_django_field(call: ast.Call) -> bool:
    """`models.CharField(...)`, `ForeignKey(...)`, a project's `EncryptedField(...)`: a Django model field.

    The Django model and migration readers and the form reader (a ModelForm's model) share it.
    """
    kind = dotted(call.func).rpartition(".")[2]
    return kind not in DJANGO_NOT_COLUMNS and (kind.endswith("Field") or kind in DJANGO_RELATIONS)


def assigned_field(stmt: ast.stmt, is_field: Callable[[ast.Call], bool]) -> tuple[ast.Name, ast.Call] | None:
    """`name = Field(...)` or `name: T = Field(...)` in a class body: its target and call."""
    target: ast.expr | None = None
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
    elif isinstance(stmt, ast.AnnAssign):
        target = stmt.target
    value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign) else None
    if isinstance(target, ast.Name) and isinstance(value, ast.Call) and is_field(value):
        return target, value
    return None


def model_failed(exc: Exception, shown: str, line: int, column: int, what: str) -> SourceProblem:
    """One model cnsnt could not read because of a bug in cnsnt: that model only is lost."""
    return SourceProblem(
        f"internal error while reading {what} ({type(exc).__name__}: {exc}); please report it",
        Location(shown, line, column),
        shown,
    )


def python_files(
    paths: Sequence[Path],
    ctx: SourceContext,
    problems: list[SourceProblem],
    order: Callable[[Path], tuple[object, ...]] | None = None,
) -> Iterator[tuple[Path, str, ast.Module]]:
    """Each Python file of an entry, parsed (in `order`, if given): a broken one is its own problem."""
    for path in sorted(paths, key=order) if order is not None else paths:
        shown = ctx.shown(path)
        try:
            tree = parse_python(read_text(path, shown, limits=ctx.limits), shown)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        yield path, shown, tree


class _Subclass(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def superclass(self) -> str | None: ...


_C = TypeVar("_C", bound=_Subclass)


def ancestors(cls: _C, classes: Mapping[str, _C]) -> list[_C]:
    """A class's parents found among `classes`, nearest first (a cycle stops the climb).

    Entity readers (JPA, TypeORM, MikroORM) take a parent's mapped columns for its subclasses.
    """
    out: list[_C] = []
    seen = {cls.name}
    current = cls
    while current.superclass and current.superclass not in seen:
        parent = classes.get(current.superclass)
        if parent is None:
            break
        out.append(parent)
        seen.add(parent.name)
        current = parent
    return out


class PlacedText:
    """Text built from pieces of a source file, each remembered with its place in the file.

    A raw piece (string content as written) maps every character back to its line and
    column; an escape or a value from elsewhere maps to where it is written. A hole is a
    piece cnsnt cannot know: it stands as the placeholder name `HOLE`. The migration
    readers that hand SQL written in another language's strings to the SQL replay
    (Laravel's PHP, TypeORM's and MikroORM's TypeScript) build it with this, so a
    finding in that SQL points into the file where the string is written.
    """

    HOLE = "cnsnt_unknown"

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.marks: list[tuple[int, int, bool]] = []
        self.size = 0
        self._text: str | None = None

    def add(self, text: str, line: int, column: int, raw: bool) -> None:
        """Append a piece written at `line`:`column` (`raw`: each character is where it is written)."""
        if not text:
            return
        self.parts.append(text)
        self.starts.append(self.size)
        self.marks.append((line, column, raw))
        self.size += len(text)
        self._text = None

    @property
    def text(self) -> str:
        """The whole text, joined once until a piece is added."""
        if self._text is None:
            self._text = "".join(self.parts)
        return self._text

    def known(self) -> bool:
        """Whether any of the text is known (a literal around the holes)."""
        return any(part != self.HOLE and part.strip() for part in self.parts)

    def place(self, offset: int) -> tuple[int, int]:
        """Line and column in the source file of a character of the text."""
        if not self.marks:
            return 1, 1
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        line, column, raw = self.marks[index]
        if not raw:
            return line, column
        segment = self.parts[index][: max(0, offset - self.starts[index])]
        breaks = segment.count("\n")
        if breaks:
            return line + breaks, len(segment) - segment.rfind("\n")
        return line, column + len(segment)
