"""Decorated TypeScript classes read as entities: what TypeORM's and MikroORM's readers share.

Both ORMs map a class with decorators whose arguments are literals (`{ name: 'x' }`,
`() => User`); this base evaluates those values (a value that needs running code is a
CN001 warning, said once per place), walks a class's parents found in the entry, and
keeps one entity's failure from losing the others. Each ORM's reader subclasses it
with its own decorators and naming.
"""

from __future__ import annotations

from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.schemas.common import ancestors, model_failed
from cnsnt.sources.schemas.typeorm_syntax import Decorator, Node, TsClass, Unresolved, evaluate


class DecoratedClasses:
    """The classes of an entry by name, with their decorator values evaluated on demand."""

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
            line, column = file.place(exc.node)
            if (file.shown, line, column) in self._warned:
                return None  # a parent's column read again for another entity: said once
            self._warned.add((file.shown, line, column))
            self.problems.append(
                SourceProblem(
                    f"@{deco.name}({what}: {file.text(exc.node)[:80]}): cnsnt cannot evaluate this value; "
                    "the default is used in its place",
                    Location(file.shown, line, column),
                    file.shown,
                    severity=Severity.WARNING,
                )
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

    def _guard(self, cls: TsClass, step: Any) -> None:
        try:
            step(cls)
        except Exception as exc:  # noqa: BLE001 - one entity's bug must not lose the others
            line, column = cls.file.place(cls.node)
            self.problems.append(model_failed(exc, cls.file.shown, line, column, f"entity {cls.name}"))
