"""Schema evidence from TypeORM migrations (`src/migrations/1715028537217-CreateUser.ts`), replayed.

TypeORM's generated migrations are SQL in TypeScript: each `up(queryRunner)` runs
`await queryRunner.query('CREATE TABLE "user" (...)')` (mostly in a template string).
The files are parsed with tree-sitter's TypeScript grammar (never run); the literal
SQL of each `query(...)` call in `up` is handed, in order, to the SQL replay the other
migration readers share (`replay_sql`), each table and column placed at its line in
the string. Migrations run in the order of their timestamp (the class name's last 13
digits, as TypeORM sorts them; else the file name's leading number). What is not a
literal is a CN001 warning when it may change tables, and so is a `queryRunner` schema
call (`createTable`, `addColumn`: TypeORM's `Table` objects), which is not replayed.
Without a `dialect:`, migrations that quote names with backticks are MySQL's, others
PostgreSQL's.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import model_failed
from cnsnt.sources.schemas.grammars import SourceFile, parsed_files, syntax_problem
from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.sources.schemas.replay import Replay
from cnsnt.sources.schemas.replay_sql import may_change_schema, replay_sql
from cnsnt.sources.schemas.typeorm_entities import typescript_parser
from cnsnt.sources.schemas.typeorm_syntax import Node, unescape
from cnsnt.sql.ddl import UnknownDialectError, resolve_dialect

#: `queryRunner` methods that change tables through TypeORM's schema API (not SQL).
SCHEMA_CALLS = frozenset(
    {"createTable", "dropTable", "renameTable", "addColumn", "addColumns", "dropColumn", "dropColumns",
     "renameColumn", "changeColumn", "changeColumns", "createForeignKey", "createForeignKeys",
     "dropForeignKey", "dropForeignKeys", "createView", "dropView", "createPrimaryKey", "dropPrimaryKey"}
)  # fmt: skip
#: How many digits TypeORM's migration timestamp has (`Date.now()`).
_STAMP = 13


def is_typeorm_migration(text: str) -> bool:
    """Whether a TypeScript file holds a TypeORM migration (a quick look before parsing it)."""
    return "implements MigrationInterface" in text and "queryRunner" in text


def _syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    return syntax_problem(tree, file, "TypeScript", "tables")


def read_typeorm_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a folder of TypeORM migrations leaves behind, migrations replayed in timestamp order."""
    replay = Replay()
    dialect = ctx.dialect or spec.dialect
    if dialect:
        try:
            resolve_dialect(dialect)
        except UnknownDialectError as exc:
            raise SourceError(str(exc), spec.location) from None
    parsed: list[tuple[tuple[Any, ...], str, SourceFile, Any]] = []
    files = 0
    for shown, file, tree in parsed_files(paths, ctx, replay.problems, typescript_parser, _syntax):
        files += 1
        classes = _migration_classes(tree.root_node, file)
        if not classes:
            replay.shown = shown
            replay.report("no TypeORM migration class in this file: not replayed", 1, 1, Severity.WARNING)
            continue
        for name, up in classes:
            parsed.append((_order(name, Path(shown).name), shown, file, up))
    parsed.sort(key=lambda item: item[0])
    if not dialect:  # MySQL's migrations quote names with backticks, PostgreSQL's with double quotes
        dialect = "mysql" if any("\\`" in f.text(up) for _, _, f, up in parsed) else "postgres"
    limit = ctx.limits.statement_bytes
    migrations = 0
    for _, shown, file, up in parsed:
        replay.shown = shown
        migrations += 1
        try:
            _Up(file, replay, dialect, limit).run(up)
        except RecursionError:
            replay.report("expressions nested too deep to read: the rest of this file is not replayed", 1, 1)
        except Exception as exc:  # noqa: BLE001 - one file's bug must not lose the others
            line, column = file.place(up)
            replay.problems.append(model_failed(exc, shown, line, column, "this migration"))
    return replay.evidence(files, migrations)


def _order(class_name: str, file_name: str) -> tuple[Any, ...]:
    """TypeORM's order: the timestamp ending the class name; else the file name's digits."""
    digits = class_name[-_STAMP:]
    if len(digits) == _STAMP and digits.isdigit():
        return (0, int(digits), natural_key(file_name))
    return (1, 0, natural_key(file_name))


def _migration_classes(root: Node, file: SourceFile) -> list[tuple[str, Node]]:
    """(class name, body of its `up` method) of each class of the file that has one."""
    out: list[tuple[str, Node]] = []
    for node in root.named_children:
        decl = node.child_by_field_name("declaration") if node.type == "export_statement" else node
        if decl is None or decl.type not in ("class_declaration", "abstract_class_declaration", "class"):
            continue
        name = decl.child_by_field_name("name")
        body = decl.child_by_field_name("body")
        for member in body.named_children if body is not None else []:
            method = member.child_by_field_name("name") if member.type == "method_definition" else None
            block = member.child_by_field_name("body") if method is not None else None
            if method is not None and file.text(method) == "up" and block is not None:
                out.append((file.text(name) if name is not None else "", block))
    return out


class _Up:
    """One `up` method replayed: its `query(...)` calls in order."""

    def __init__(self, file: SourceFile, replay: Replay, dialect: str, limit: int) -> None:
        self.file = file
        self.replay = replay
        self.dialect = dialect
        self.limit = limit

    def run(self, body: Node) -> None:
        """Each call in the method, in file order (a call inside another's arguments after it)."""
        stack = [body]
        while stack:
            node = stack.pop()
            if node.type == "call_expression":
                self.call(node)
            if node.type in ("arrow_function", "function_expression", "class"):
                continue  # a callback is not run by `up` itself
            stack.extend(reversed(node.named_children))

    def call(self, node: Node) -> None:
        function = node.child_by_field_name("function")
        if function is None or function.type != "member_expression":
            return
        prop = function.child_by_field_name("property")
        method = self.file.text(prop) if prop is not None else ""
        line, column = self.file.place(node)
        if method in SCHEMA_CALLS:
            self.replay.not_replayed(
                f"queryRunner.{method}(...)",
                "TypeORM's schema API is not read",
                line,
                column,
                Severity.WARNING,
            )
            return
        if method != "query":
            return
        arguments = node.child_by_field_name("arguments")
        first = (
            next((a for a in arguments.named_children if a.type != "comment"), None) if arguments else None
        )
        if first is None:
            return
        sql = _SqlText(self.file)
        sql.read(first)
        if sql.holes:
            if not sql.known() or may_change_schema(sql.text, self.dialect):
                self.replay.report(
                    "queryRunner.query(...): the SQL is not a literal cnsnt can read; not replayed, so "
                    "tables or columns it changes may be missing",
                    line,
                    column,
                    Severity.WARNING,
                )
            return
        text = sql.text
        end = len(text.rstrip())
        if not text[:end].endswith(";"):
            text = text[:end] + ";" + text[end:]
        replay_sql(self.replay, text, sql.place, self.dialect, self.limit)


class _SqlText:
    """SQL built from a TypeScript string, each piece with its place; an unknown piece is a hole."""

    HOLE = "cnsnt_unknown"

    def __init__(self, file: SourceFile) -> None:
        self.file = file
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.marks: list[tuple[int, int, bool]] = []
        self.holes = 0
        self.size = 0

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def known(self) -> bool:
        """Whether any of the text is known (a literal around the holes)."""
        return any(p != self.HOLE and p.strip() for p in self.parts)

    def add(self, text: str, line: int, column: int, raw: bool) -> None:
        if text:
            self.parts.append(text)
            self.starts.append(self.size)
            self.marks.append((line, column, raw))
            self.size += len(text)

    def read(self, node: Node, depth: int = 0) -> None:
        """The pieces of a string, a template (its `${...}` are holes) or a `+` of them."""
        kind = node.type
        if depth > 100:
            self.hole(node)
        elif kind in ("string", "template_string"):
            for part in node.named_children:
                if part.type == "string_fragment":
                    self.add(self.file.text(part), *self.file.place(part), raw=True)
                elif part.type == "escape_sequence":
                    self.add(unescape(self.file.text(part)), *self.file.place(part), raw=False)
                elif part.type == "template_substitution":
                    self.hole(part)
        elif kind == "binary_expression" and self.file.text(node.child_by_field_name("operator")) == "+":
            for side in ("left", "right"):
                part = node.child_by_field_name(side)
                if part is not None:
                    self.read(part, depth + 1)
        elif kind == "parenthesized_expression" and node.named_children:
            self.read(node.named_children[0], depth + 1)
        else:
            self.hole(node)

    def hole(self, node: Node) -> None:
        self.holes += 1
        self.add(self.HOLE, *self.file.place(node), raw=False)

    def place(self, offset: int) -> tuple[int, int]:
        """Line and column in the TypeScript file of a character of the SQL."""
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
