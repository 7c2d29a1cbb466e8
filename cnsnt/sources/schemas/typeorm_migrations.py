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

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import PlacedText, model_failed
from cnsnt.sources.schemas.grammars import SourceFile, parsed_files, syntax_problem
from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.sources.schemas.replay import Replay
from cnsnt.sources.schemas.replay_sql import may_change_schema, replay_sql
from cnsnt.sources.schemas.ts_decorated import typescript_parser
from cnsnt.sources.schemas.typeorm_syntax import Node, unescape
from cnsnt.sql.ddl import UnknownDialectError, resolve_dialect
from cnsnt.sql.ddl_split import tokenize_statements

#: `queryRunner` methods that change tables through TypeORM's schema API (not SQL).
SCHEMA_CALLS = frozenset(
    {"createTable", "dropTable", "renameTable", "addColumn", "addColumns", "dropColumn", "dropColumns",
     "renameColumn", "changeColumn", "changeColumns", "createForeignKey", "createForeignKeys",
     "dropForeignKey", "dropForeignKeys", "createView", "dropView", "createPrimaryKey", "dropPrimaryKey"}
)  # fmt: skip
#: How many digits TypeORM's migration timestamp has (`Date.now()`).
_STAMP = 13


@dataclass(frozen=True)
class Flavour:
    """What one ORM's migrations look like: the calls that run SQL and the order they run in."""

    orm: str
    """As messages name it (`TypeORM`)."""
    caller: str
    """What the SQL calls are made on, as messages show it (`queryRunner`, `this`)."""
    sql_calls: frozenset[str]
    """Methods whose first argument is SQL (`query`, `addSql`)."""
    schema_calls: frozenset[str]
    """Methods that change tables without SQL: a warning each, not replayed."""
    schema_api: str
    """What those methods are, as the warning names them."""
    order: Callable[[str, str], tuple[Any, ...]]
    """The sort key of a migration from (class name, file name)."""


def is_typeorm_migration(text: str) -> bool:
    """Whether a TypeScript file holds a TypeORM migration (a quick look before parsing it)."""
    return "implements MigrationInterface" in text and "queryRunner" in text


def _syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    return syntax_problem(tree, file, "TypeScript", "tables")


def read_typeorm_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a folder of TypeORM migrations leaves behind, migrations replayed in timestamp order."""
    return read_ts_migrations(paths, spec, ctx, TYPEORM)


def entry_dialect(spec: SourceSpec, ctx: SourceContext) -> str | None:
    """The dialect an entry names (or the audit's), checked before any file is read."""
    dialect = ctx.dialect or spec.dialect
    if dialect:
        try:
            resolve_dialect(dialect)
        except UnknownDialectError as exc:
            raise SourceError(str(exc), spec.location) from None
    return dialect


def read_ts_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext, flavour: Flavour) -> Evidence:
    """The tables a folder of an ORM's TypeScript migrations leaves behind, replayed in its order."""
    replay = Replay()
    dialect = entry_dialect(spec, ctx)
    parsed: list[tuple[tuple[Any, ...], str, SourceFile, Any]] = []
    files = 0
    for shown, file, tree in parsed_files(paths, ctx, replay.problems, typescript_parser, _syntax):
        files += 1
        classes = _migration_classes(tree.root_node, file)
        if not classes:
            replay.shown = shown
            replay.report(
                f"no {flavour.orm} migration class in this file: not replayed", 1, 1, Severity.WARNING
            )
            continue
        for name, up in classes:
            parsed.append((flavour.order(name, Path(shown).name), shown, file, up))
    parsed.sort(key=lambda item: item[0])
    if not dialect:  # MySQL's migrations quote names with backticks, PostgreSQL's with double quotes
        dialect = "mysql" if any(_backticks(up, f) for _, _, f, up in parsed) else "postgres"
    limit = ctx.limits.statement_bytes
    migrations = 0
    for _, shown, file, up in parsed:
        replay.shown = shown
        migrations += 1
        try:
            UpReplay(file, replay, dialect, limit, flavour).run(up)
        except RecursionError:
            replay.too_deep(file, up)
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


TYPEORM = Flavour(
    "TypeORM", "queryRunner", frozenset({"query"}), SCHEMA_CALLS, "TypeORM's schema API is not read", _order
)


def _backticks(up: Node, file: SourceFile) -> bool:
    """Whether a string in the method quotes names with backticks (MySQL's quotes), escaped in a template."""
    stack = [up]
    seen = 0
    while stack and seen < 200_000:
        node = stack.pop()
        seen += 1
        if node.type == "string" and "`" in file.text(node):
            return True
        if node.type == "template_string":
            if "\\`" in file.text(node):
                return True
            continue
        stack.extend(node.named_children)
    return False


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


class UpReplay:
    """One `up` method replayed: its SQL calls (`query(...)`, `addSql(...)`) in order."""

    def __init__(self, file: SourceFile, replay: Replay, dialect: str, limit: int, flavour: Flavour) -> None:
        self.file = file
        self.replay = replay
        self.dialect = dialect
        self.limit = limit
        self.flavour = flavour
        self.constants: dict[str, Node] = {}
        """`const sql = `...`` of the method: SQL a later call names (`this.addSql(sql)`)."""
        self.substitute = False
        """Whether `${name}` of a constant string is read as that string (the JavaScript migrations)."""

    def run(self, body: Node) -> None:
        """Each call in the method, in file order (a call inside another's arguments after it)."""
        stack = [body]
        while stack:
            node = stack.pop()
            if node.type == "call_expression":
                self.call(node)
            elif node.type == "lexical_declaration" and node.children and node.children[0].type == "const":
                self.remember(node)
            if node.type in ("arrow_function", "function_expression", "class"):
                continue  # a callback is not run by `up` itself
            stack.extend(reversed(node.named_children))

    def remember(self, node: Node) -> None:
        """`const sql = '...'`: its value, for a call that names it."""
        for declarator in (c for c in node.named_children if c.type == "variable_declarator"):
            name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if name is not None and value is not None and name.type == "identifier":
                self.constants[self.file.text(name)] = value

    def call(self, node: Node) -> None:
        """One call: SQL replayed, a schema-API call a warning, anything else passed over."""
        function = node.child_by_field_name("function")
        if function is None or function.type != "member_expression":
            return
        prop = function.child_by_field_name("property")
        method = self.file.text(prop) if prop is not None else ""
        line, column = self.file.place(node)
        flavour = self.flavour
        if method in flavour.schema_calls:
            self.replay.not_replayed(
                f"{flavour.caller}.{method}(...)",
                flavour.schema_api,
                line,
                column,
                Severity.WARNING,
            )
            return
        if method not in flavour.sql_calls:
            return
        arguments = node.child_by_field_name("arguments")
        first = (
            next((a for a in arguments.named_children if a.type != "comment"), None) if arguments else None
        )
        if first is None:
            return
        sql = SqlText(self.file, self.constants, self.substitute)
        sql.read(first)
        text = sql.text
        if sql.holes:
            kept = self.known_statements(sql, f"{flavour.caller}.{method}") if sql.known() else None
            if kept is None:
                if not sql.known() or may_change_schema(text, self.dialect):
                    self.replay.report(
                        f"{flavour.caller}.{method}(...): the SQL is not a literal cnsnt can read; not "
                        "replayed, so tables or columns it changes may be missing",
                        line,
                        column,
                        Severity.WARNING,
                    )
                return
            text = kept
        end = len(text.rstrip())
        if not text[:end].endswith(";"):
            text = text[:end] + ";" + text[end:]
        replay_sql(self.replay, text, sql.place, self.dialect, self.limit)


    def known_statements(self, sql: SqlText, call: str) -> str | None:
        """The SQL with each statement that holds an unknown piece blanked out (a warning each).

        Many statements in one template with one `${...}` among them: the others are still
        replayed. Blanks keep every other character at its place. None when the text cannot
        be cut into statements.
        """
        text = sql.text
        try:
            statements = tokenize_statements(text, resolve_dialect(self.dialect))
        except Exception:  # noqa: BLE001 - a tokenizer bug: the whole call is left out, as before
            return None
        out = text
        for stmt in statements:
            if stmt.error is not None:
                return None
            if not stmt.tokens:
                continue
            start, end = stmt.base + stmt.tokens[0].start, stmt.base + stmt.tokens[-1].end + 1
            piece = text[start:end]
            if sql.HOLE not in piece:
                continue
            out = out[:start] + "".join(c if c == "\n" else " " for c in piece) + out[end:]
            if may_change_schema(piece, self.dialect):
                self.replay.report(
                    f"{call}(...): a statement of this SQL is not a literal cnsnt can read "
                    "(`${...}`); not replayed, so tables or columns it changes may be missing",
                    *sql.place(start),
                    Severity.WARNING,
                )
        return out


class SqlText(PlacedText):
    """SQL built from a TypeScript string, each piece with its place; an unknown piece is a hole."""

    def __init__(
        self, file: SourceFile, constants: dict[str, Node] | None = None, substitute: bool = False
    ) -> None:
        super().__init__()
        self.file = file
        self.constants = constants or {}
        self.substitute = substitute
        self.holes = 0

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
                    self.substitution(part, depth)
        elif kind == "binary_expression" and self.file.text(node.child_by_field_name("operator")) == "+":
            for side in ("left", "right"):
                part = node.child_by_field_name(side)
                if part is not None:
                    self.read(part, depth + 1)
        elif kind == "parenthesized_expression" and node.named_children:
            self.read(node.named_children[0], depth + 1)
        elif kind == "identifier" and self.file.text(node) in self.constants:
            self.read(self.constants[self.file.text(node)], depth + 1)  # placed where the const is written
        else:
            self.hole(node)

    def substitution(self, part: Node, depth: int) -> None:
        """`${TABLE}` naming a constant string (when `substitute`): that string; anything else a hole."""
        inner = next(iter(part.named_children), None)
        named = inner is not None and inner.type == "identifier"
        value = self.constants.get(self.file.text(inner)) if named else None
        if self.substitute and value is not None and value.type in ("string", "template_string"):
            self.read(value, depth + 1)
        else:
            self.hole(part)

    def hole(self, node: Node) -> None:
        """A piece cnsnt cannot know, kept as the placeholder name at its place."""
        self.holes += 1
        self.add(self.HOLE, *self.file.place(node), raw=False)
