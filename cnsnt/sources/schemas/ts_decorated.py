"""Decorated TypeScript classes read as entities: what TypeORM's and MikroORM's readers share.

Both ORMs map a class with decorators whose arguments are literals (`{ name: 'x' }`,
`() => User`); this base evaluates those values (a value that needs running code is a
CN001 warning, said once per place), walks a class's parents found in the entry, and
keeps one entity's failure from losing the others. Each ORM's reader subclasses it
with its own decorators and naming.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelTable, ancestors, model_evidence, model_failed, nothing_found
from cnsnt.sources.schemas.grammars import SourceFile, parsed_files, parser, syntax_problem, warn_once
from cnsnt.sources.schemas.ts_keywords import modifier_names
from cnsnt.sources.schemas.typeorm_syntax import (
    Decorator,
    Node,
    TsClass,
    Unresolved,
    classes_of,
    evaluate,
    unnamed_problems,
)

#: Files that are no entity even when they mention one: tests and type declarations.
NOT_ENTITIES = (".d.ts", ".spec.ts", "-spec.ts", ".test.ts")


def typescript_parser() -> Any:
    """A tree-sitter parser for TypeScript; a clear `SourceError` when the grammar is not installed."""
    return parser("typescript", "TypeORM entities")


def _syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    return syntax_problem(tree, file, "TypeScript", "entities")


class DecoratedClasses:
    """The classes of an entry by name, with their decorator values evaluated on demand."""

    entities: list[TsClass]
    """The classes that are entities (each ORM's reader says which)."""

    def __init__(
        self, classes: list[TsClass], constants: dict[str, Any], problems: list[SourceProblem]
    ) -> None:
        self.classes: dict[str, TsClass] = {}
        for cls in classes:
            self.classes.setdefault(cls.name, cls)
        self.constants = constants
        self.problems = problems
        self._warned: set[tuple[str, int, int]] = set()

    # ---- values

    def value(self, deco: Decorator, node: Node | None, what: str, quiet: bool = False) -> Any:
        """A decorator value evaluated; one cnsnt cannot read is a warning (unless `quiet`) and absent."""
        if node is None:
            return None
        try:
            return evaluate(node, deco.file, self.constants)
        except Unresolved as exc:
            if quiet:
                return None
            file = deco.file
            # a parent's column read again for another entity: said once
            warn_once(
                self.problems,
                self._warned,
                file,
                exc.node,
                f"@{deco.name}({what}: {file.excerpt(exc.node)}): cnsnt cannot evaluate this value; "
                "the default is used in its place",
            )
            return None

    def options(self, deco: Decorator | None) -> dict[str, Node]:
        """The options object of a decorator: its last argument when that is `{...}`."""
        if deco is None or not deco.args or deco.args[-1].type != "object":
            return {}
        found = self.value(deco, deco.args[-1], "options")
        return found if isinstance(found, dict) else {}

    def option(self, deco: Decorator | None, key: str) -> Any:
        """One option of a decorator's options object, evaluated."""
        node = self.options(deco).get(key)
        return self.value(deco, node, key) if deco is not None and node is not None else None

    def text_option(self, deco: Decorator | None, key: str) -> str | None:
        """A non-empty string option, else None."""
        found = self.option(deco, key)
        return found if isinstance(found, str) and found else None

    # ---- classes

    def ancestors(self, cls: TsClass) -> list[TsClass]:
        """Parents found in the entry, nearest first (a cycle stops the climb)."""
        return ancestors(cls, self.classes)

    def lineage(self, cls: TsClass) -> list[TsClass]:
        """The class and its parents, the farthest first: the order their columns come in."""
        return [*reversed(self.ancestors(cls)), cls]

    def tables(self) -> list[ModelTable]:
        """The entities' tables (each ORM's reader maps them)."""
        raise NotImplementedError

    def _guard(self, cls: TsClass, step: Any) -> None:
        try:
            step(cls)
        except Exception as exc:  # noqa: BLE001 - one entity's bug must not lose the others
            line, column = cls.file.place(cls.node)
            self.problems.append(model_failed(exc, cls.file.shown, line, column, f"entity {cls.name}"))


def read_entities(
    paths: list[Path],
    spec: SourceSpec,
    ctx: SourceContext,
    wanted: Callable[[str], bool],
    mapper: Callable[[list[TsClass], dict[str, Any], list[SourceProblem]], DecoratedClasses],
    what: str,
) -> Evidence:
    """An entry's entities read by one ORM's `mapper` (all its files at once: parents may be elsewhere).

    `wanted` looks at a file before it is parsed; `what` names the entity in the message
    when the entry holds none.
    """
    problems: list[SourceProblem] = []
    constants: dict[str, Any] = {}
    classes: list[TsClass] = []
    files = 0
    sources = [p for p in paths if not p.name.lower().endswith(NOT_ENTITIES)]
    reading = parsed_files(
        sources, ctx, problems, typescript_parser, _syntax, wanted=wanted, reread=modifier_names
    )
    for _, file, tree in reading:
        files += 1
        classes.extend(classes_of(tree.root_node, file, constants))
    problems.extend(unnamed_problems(classes))
    mapped = mapper(classes, constants, problems)
    tables = mapped.tables()
    if not mapped.entities and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(nothing_found(shown, what))
    return model_evidence(tables, problems, files)
