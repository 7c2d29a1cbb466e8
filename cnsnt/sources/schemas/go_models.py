"""What the Go struct-tag ORM readers (xorm, bun, Beego, GORM) share: an entry's structs, types and warnings.

Each reader parses its files with `go_syntax.read_go` (telling it which calls register
models) and builds a `GoModels` of them: structs by name, named types, package
constants, `TableName()` methods, the types the registering calls name. It then asks
which struct a type names, what a named type is underneath, and reports what it cannot
read at its place, once (an embedded struct read again for another model is said once).

Files in a folder named `migrations` or `migration` are migration steps: their structs
are earlier versions of the tables (Gitea's and Woodpecker's steps declare each table
as it was then), and the models are the schema now. One warning names them; only their
registering calls that name a model of the other files count (Woodpecker's list of all
its models lives there), the rest of them is not read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelTable, model_evidence, model_failed, nothing_found
from cnsnt.sources.schemas.go_syntax import (
    Constants,
    GoField,
    GoFile,
    GoStruct,
    GoType,
    Migrates,
    evaluate_string,
    read_go,
)
from cnsnt.sources.schemas.grammars import Node, SourceFile, parsed_files, parser, syntax_problem, warn_once

#: Folders whose Go files are migration steps, not the models.
MIGRATION_FOLDERS = frozenset({"migrations", "migration"})
#: How deep named types and embedded structs are followed (a cycle stops there).
DEPTH = 8

_T = TypeVar("_T")


@dataclass
class GoModel:
    """A struct read as a table; each reader's model adds what its relations need."""

    struct: GoStruct
    table: ModelTable


_M = TypeVar("_M", bound=GoModel)


def read_go_files(
    paths: list[Path],
    ctx: SourceContext,
    problems: list[SourceProblem],
    migrates: Migrates,
    things: str,
    markers: tuple[bytes, ...],
) -> tuple[list[tuple[GoFile, Any]], list[GoFile]]:
    """An entry's Go files (not tests, not generated), parsed, with their trees; migration steps apart.

    Only files whose text holds one of `markers` (the names of the registering calls,
    of the calls that set names) are walked through for calls; the others give their
    declarations. Generated files (`// Code generated ... DO NOT EDIT.`: protobuf,
    mocks, ent's own client) hold no model and are passed over.
    """
    sources = [p for p in paths if not p.name.endswith("_test.go")]
    steps = [p for p in sources if MIGRATION_FOLDERS & {part.lower() for part in p.parent.parts}]
    if steps:
        shown = ctx.shown(steps[0])
        problems.append(
            SourceProblem(
                f"{len(steps)} Go file{'s' if len(steps) != 1 else ''} in migration folders "
                f"(the first: {shown}) not read: migration steps declare the tables as they were "
                f"then; the {things} are the schema now",
                Location(shown, 1, 1),
                shown,
                severity=Severity.WARNING,
            )
        )

    def syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
        return syntax_problem(tree, file, "Go", things)

    def go_parser() -> Any:
        return parser("go", things)

    out: list[tuple[GoFile, Any]] = []
    step_files: list[GoFile] = []
    shown_steps = {ctx.shown(p) for p in steps}
    for _, file, tree in parsed_files(sources, ctx, problems, go_parser, syntax, wanted=_written):
        go = read_go(tree, file, migrates, calls=any(m in file.source for m in markers))
        if file.shown in shown_steps:
            step_files.append(go)
        else:
            out.append((go, tree))
    return out, step_files


def _written(text: str) -> bool:
    """Not generated: Go's convention marks a generated file with `// Code generated ... DO NOT EDIT.`."""
    head = text[:2000]
    return not ("// Code generated" in head and "DO NOT EDIT" in head)


def entry_evidence(
    tables: list[ModelTable],
    problems: list[SourceProblem],
    files: int,
    where: tuple[list[Path], SourceSpec, SourceContext],
    what: str | None,
) -> Evidence:
    """An entry's evidence; `what` (a model, described) names what was not found when nothing was.

    None for `what`: something was found. The warning is left out when a file could not
    be read at all (that error says enough).
    """
    paths, spec, ctx = where
    if what is not None and not any(p.severity is None for p in problems):
        problems.append(nothing_found(ctx.shown(paths[0]) if paths else spec.pattern, what))
    return model_evidence(tables, problems, files)


class GoIndex:
    """An entry's Go declarations by name, and the CN001 warnings found reading them (once per place)."""

    def __init__(self, files: list[GoFile], problems: list[SourceProblem]) -> None:
        self.problems = problems
        self._warned: set[tuple[str, int, int]] = set()
        self.by_name: dict[str, list[GoStruct]] = {}
        self.named: dict[tuple[str, str], GoType] = {}
        self.constants: dict[str, Constants] = {}
        self.table_names: dict[tuple[str, str], tuple[Node, SourceFile]] = {}
        self.methods: dict[tuple[str, str], set[str]] = {}
        for go in files:
            for struct in go.structs:
                self.by_name.setdefault(struct.name, []).append(struct)
            for name, kind in go.named.items():
                self.named.setdefault((go.package, name), kind)
            package_constants = self.constants.setdefault(go.package, {})
            for name, value in go.constants.items():
                package_constants.setdefault(name, (value, go.file))
            for owner, node in go.table_names.items():
                self.table_names.setdefault((go.package, owner), (node, go.file))
            for owner, methods in go.methods.items():
                self.methods.setdefault((go.package, owner), set()).update(methods)

    def given_table(self, struct: GoStruct, instead: str) -> str | None:
        """What a struct's `TableName()` returns (a literal or a package constant).

        None without such a method, or when it computes the name: a warning then says
        that `instead` (the ORM's default name) stands in its place.
        """
        given = self.table_names.get((struct.package, struct.name))
        if given is None:
            return None
        node, file = given
        value = evaluate_string(node, file, self.constants.get(struct.package, {}))
        if value:
            return value
        self.warn(
            file,
            node,
            f"{struct.name}.TableName() returns {file.excerpt(node)}: cnsnt cannot evaluate it; "
            f"{instead} is used in its place",
        )
        return None

    def warn(self, file: SourceFile, node: Node, message: str) -> None:
        """A CN001 warning at a node, once per place (an embedded struct is read again for each model)."""
        warn_once(self.problems, self._warned, file, node, message)

    def unknown_type(self, struct: GoStruct, member: GoField, aside: str = "") -> None:
        """The warning for a field whose type cnsnt cannot map; `aside` adds the ORM's own reason."""
        self.warn(
            struct.file,
            member.node,
            f"{member.name} {member.type.qualified}: the type is not defined in this entry's files"
            f"{aside}; read as a column of unknown type",
        )

    def guard(self, struct: GoStruct, step: Callable[[], _T]) -> _T | None:
        """`step()`; None when it fails: one model's bug is an error at `struct`, the others are read."""
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - one model's bug must not lose the others
            line, column = struct.file.place(struct.node)
            self.problems.append(model_failed(exc, struct.file.shown, line, column, f"model {struct.name}"))
            return None


class GoModels(GoIndex):
    """An entry's Go declarations and the structs its registering calls name (xorm, bun, ent)."""

    def __init__(self, files: list[GoFile], problems: list[SourceProblem], steps: list[GoFile]) -> None:
        super().__init__(files, problems)
        self.registered: list[GoStruct] = []
        """Structs named in the calls that register models, in the order written."""
        self.unread = False
        """Some registering call names models cnsnt cannot see."""
        seen: set[int] = set()
        for go in files:
            for node in go.unread_migrations:
                self.unread = True
                self.warn(
                    go.file, node, f"{go.file.excerpt(node)}: cnsnt cannot tell which models this names"
                )
            for node in go.passed_migrations:
                self.unread = True
                self.warn(
                    go.file,
                    node,
                    f"{go.file.excerpt(node)}: the models this helper registers are named where it is "
                    "called; cnsnt does not follow them there",
                )
            for kind, node in go.migrated:
                named = self.struct(kind, go.package)
                if named is None:
                    self.unread = True
                    self.warn(
                        go.file, node, f"{kind.qualified} is registered but its struct is not in this entry"
                    )
                elif id(named) not in seen:
                    seen.add(id(named))
                    self.registered.append(named)
        for go in steps:  # a step's own structs are not read: only its calls that name the models count
            for kind, _ in go.migrated:
                named = self.struct(kind, go.package) if kind.package is not None else None
                if named is not None and id(named) not in seen:
                    seen.add(id(named))
                    self.registered.append(named)

    def struct(self, kind: GoType, package: str | None) -> GoStruct | None:
        """The struct a type names: of its own package when several share the name, else the first."""
        found = self.by_name.get(kind.name)
        if not found or kind.qualified == "time.Time":
            return None
        wanted = kind.package if kind.package is not None else package
        return next((s for s in found if s.package == wanted), found[0])

    def underlying(self, kind: GoType, package: str) -> GoType:
        """A named type as what it is defined as (`type Status string` -> `string`), through several."""
        current = kind
        home = package
        for _ in range(DEPTH):
            named = self.named.get((current.package or home, current.name))
            if named is None and current.package is not None:
                named = next((v for (p, n), v in self.named.items() if n == current.name), None)
            if named is None or named.name in ("struct", "interface"):
                return current
            home = current.package or home
            current = GoType(
                named.name, named.package, current.pointer or named.pointer, current.slice or named.slice
            )
        return current

    def built(self, structs: list[GoStruct], build: Callable[[GoStruct], _M]) -> dict[int, _M]:
        """Each struct's model by the struct's id, in order; one that fails is an error at its place."""
        out: dict[int, _M] = {}
        for struct in structs:
            model = self.guard(struct, partial(build, struct))
            if model is not None:
                out[id(struct)] = model
        return out

    def model_of(self, kind: GoType, package: str, models: Mapping[int, _M]) -> _M | None:
        """The model a relation's type names (`Author *User`), None when it names no model read."""
        target = self.struct(kind, package)
        return models.get(id(target)) if target is not None else None

    def embedded(self, struct: GoStruct, member: GoField, depth: int) -> GoStruct | None:
        """The struct an embedded field names; None, with a warning, outside the entry or too deep."""
        inner = self.struct(member.type, struct.package)
        if inner is None or inner is struct or depth >= DEPTH:
            why = "is not a struct of this entry's files" if inner is None else f"nests over {DEPTH} levels"
            self.warn(
                struct.file,
                member.node,
                f"{struct.name}: embedded {member.type.qualified} {why}: its columns are not read",
            )
            return None
        return inner

    def has_methods(self, kind: GoType, package: str, *names: str) -> bool:
        """Whether a type of the entry has all of these methods (`FromDB`, `ToDB`)."""
        methods = self.methods.get((kind.package or package, kind.name), set())
        return all(name in methods for name in names)


def calls(root: Node, names: frozenset[str]) -> list[Node]:
    """The calls `x.Name(...)` under a node whose selected name is one of `names`, in source order."""
    found: list[Node] = []
    stack = [root]
    while stack:
        current = stack.pop()
        if current.type == "call_expression":
            function = current.child_by_field_name("function")
            field = function.child_by_field_name("field") if function is not None else None
            if (
                field is not None
                and field.text is not None
                and field.text.decode("utf-8", "replace") in names
            ):
                found.append(current)
        stack.extend(reversed(current.named_children))
    return found
