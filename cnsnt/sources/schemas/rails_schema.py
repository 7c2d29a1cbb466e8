"""Schema evidence from a Rails `db/schema.rb`, parsed with tree-sitter's Ruby grammar.

The file is parsed, never run: tree-sitter (`tree-sitter` and the official
`tree-sitter-ruby` grammar, both kept by the tree-sitter project, prebuilt wheels, no
download at run time) gives a concrete syntax tree with exact places, and its error
recovery lets the rest of a damaged file still be read. Read from it:

- `create_table "people", comment: "..." do |t| ... end` is a table, with Rails'
  implicit `id` primary key unless `id: false` (`primary_key: "uid"` renames it);
- `t.string "email", comment: "..."` (any type, several names at once, or
  `t.column "email", :string`) are columns, typed as Rails' PostgreSQL adapter creates
  them (`string` is `VARCHAR`, `datetime` is `TIMESTAMP`); `t.references "person"` is
  `person_id` (and `person_type` when polymorphic), `t.timestamps` is `created_at` and
  `updated_at`;
- `add_foreign_key "visits", "people", column: "person_id"` and `t.references ...,
  foreign_key: true` are foreign keys (the default column is the singular of the
  target table plus `_id`, as Rails names it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    model_evidence,
    model_failed,
    nothing_found,
)
from cnsnt.sources.schemas.grammars import SourceFile as RubyFile
from cnsnt.sources.schemas.grammars import first_error, parsed_files, parser, syntax_problem

#: Rails column types -> what the PostgreSQL adapter creates.
TYPES: dict[str, str] = {
    "string": "VARCHAR",
    "text": "TEXT",
    "integer": "INTEGER",
    "bigint": "BIGINT",
    "float": "FLOAT",
    "decimal": "DECIMAL",
    "numeric": "NUMERIC",
    "datetime": "TIMESTAMP",
    "timestamp": "TIMESTAMP",
    "timestamptz": "TIMESTAMPTZ",
    "time": "TIME",
    "date": "DATE",
    "binary": "BYTEA",
    "boolean": "BOOLEAN",
    "json": "JSON",
    "jsonb": "JSONB",
    "uuid": "UUID",
    "inet": "INET",
    "cidr": "CIDR",
    "citext": "CITEXT",
    "hstore": "HSTORE",
    "interval": "INTERVAL",
    "money": "MONEY",
    "serial": "SERIAL",
    "bigserial": "BIGSERIAL",
}
_SKIPPED = frozenset({"index", "check_constraint", "exclusion_constraint", "unique_constraint"})

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail


def ruby_parser() -> Any:
    """A tree-sitter parser for Ruby; a clear `SourceError` when the grammar is not installed."""
    return parser("ruby", "Rails schema.rb or migrations")


def ruby_files(
    paths: Iterable[Path], ctx: SourceContext, problems: list[SourceProblem]
) -> Iterator[tuple[str, RubyFile, Any]]:
    """Each Ruby file parsed, in the order given: a syntax error is reported, the tree still read."""
    return parsed_files(paths, ctx, problems, ruby_parser, _ruby_syntax)


def _ruby_syntax(tree: Any, file: RubyFile) -> SourceProblem | None:
    return syntax_problem(tree, file, "Ruby", locate=ruby_first_error, blocks=ruby_block)


def read_rails(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a Rails `schema.rb` (or several) creates."""
    problems: list[SourceProblem] = []
    tables: list[ModelTable] = []
    links: list[tuple[str, ForeignKey]] = []
    files = 0
    for shown, file, tree in ruby_files(paths, ctx, problems):
        files += 1
        before = len(tables)
        _walk(tree.root_node, file, tables, links, problems)
        if len(tables) == before and not tree.root_node.has_error:
            problems.append(nothing_found(shown, "create_table"))
    by_name = {t.name.casefold(): t for t in tables}
    for table_name, fk in links:
        table = by_name.get(table_name.casefold())
        if table is None:
            continue
        if not fk.columns:  # Rails' default: the singular of the target table + _id
            fk = ForeignKey((singular(fk.ref_table) + "_id",), fk.ref_table, fk.ref_columns)
        table.foreign_keys.append(fk)
    return model_evidence(tables, problems, files)


#: Nodes that stand whole inside an ERROR node: the error is after them.
_COMPLETE = frozenset({"call", "assignment", "method", "class", "module", "if", "unless"})


#: Keywords that always open a block closed by `end` (a `do` only outside a loop, whose keyword opened it).
_BLOCKS = frozenset({"do", "def", "class", "module", "begin", "case", "for"})
#: Keywords that open a block as a statement, not as a modifier (`return if x`).
_STATEMENTS = frozenset({"if", "unless", "while", "until"})


def ruby_block(token: Node, text: str, parent: Node | None, before: Node | None) -> bool | None:
    """Whether a token opens a block that an `end` closes, is that `end`, or neither.

    `if`, `unless`, `while` and `until` open one as statements, not as modifiers
    (`return if x`); inside an ERROR node, where the grammar did not say which, when they
    start their line. A loop's `do` opens nothing: its keyword did. An `end` the grammar
    took for a name (inside a call left open) still closes; a method `x.end` does not.
    """
    if token.type == "end":
        return False
    if token.type == "identifier" and text == "end":
        return None if before is not None and before.type in (".", "&.") else False
    if token.type in _BLOCKS:
        return None if token.type == "do" and parent is not None and parent.type == "do" else True
    if token.type not in _STATEMENTS or parent is None:
        return None
    starts_line = before is None or before.end_point[0] < token.start_point[0]
    return True if parent.type == token.type or (parent.type == "ERROR" and starts_line) else None


def ruby_first_error(node: Node) -> Node | None:
    """Where a Ruby file went wrong: the shared search, looking past whole statements too."""
    return first_error(node, _COMPLETE)


def _walk(
    node: Node,
    file: RubyFile,
    tables: list[ModelTable],
    links: list[tuple[str, ForeignKey]],
    problems: list[SourceProblem],
) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "call" and current.child_by_field_name("receiver") is None:
            method = current.child_by_field_name("method")
            name = file.text(method) if method is not None else ""
            if name == "create_table":
                try:
                    table = create_table(current, file, links)
                except Exception as exc:  # noqa: BLE001 - one table's bug must not lose the others
                    problems.append(model_failed(exc, file.shown, *file.place(current), "create_table"))
                    continue
                if table is not None:
                    tables.append(table)
                continue
            if name == "add_foreign_key":
                _add_foreign_key(current, file, links)
                continue
        stack.extend(reversed(current.named_children))


def call_args(call: Node, file: RubyFile) -> tuple[list[Node], dict[str, Node]]:
    """Positional arguments and `key: value` options of a call."""
    arguments = call.child_by_field_name("arguments")
    positional: list[Node] = []
    options: dict[str, Node] = {}
    for child in arguments.named_children if arguments is not None else ():
        if child.type == "pair":
            key = child.child_by_field_name("key")
            value = child.child_by_field_name("value")
            if key is not None and value is not None:
                options[file.text(key).strip(":\"'")] = value
        elif child.type == "hash":
            for pair in child.named_children:
                key = pair.child_by_field_name("key")
                value = pair.child_by_field_name("value")
                if key is not None and value is not None:
                    options[file.text(key).strip(":\"'")] = value
        else:
            positional.append(child)
    return positional, options


def ruby_value(node: Node | None, file: RubyFile) -> str | bool | None:
    """A string, symbol, true/false literal; None for anything computed."""
    if node is None:
        return None
    if node.type in ("string", "simple_symbol", "delimited_symbol"):
        if any(c.type == "interpolation" for c in node.named_children):
            return None
        text = file.text(node)
        if node.type == "string":
            content = [file.text(c) for c in node.named_children if c.type == "string_content"]
            return "".join(content)
        return text.lstrip(":").strip("\"'")
    if node.type in ("true", "false"):
        return bool(node.type == "true")
    if node.type == "nil":
        return None
    return None


def create_table(call: Node, file: RubyFile, links: list[tuple[str, ForeignKey]]) -> ModelTable | None:
    """The table of one `create_table` call with its block; foreign keys go to `links`."""
    positional, options = call_args(call, file)
    name = ruby_value(positional[0], file) if positional else None
    if not isinstance(name, str) or not name:
        return None
    line, column = file.place(call)
    comment = ruby_value(options.get("comment"), file)
    table = ModelTable(name, file.shown, line, column, comment=comment if isinstance(comment, str) else None)
    id_option = options.get("id")
    if ruby_value(id_option, file) is not False:
        key = ruby_value(options.get("primary_key"), file)
        id_type = ruby_value(id_option, file)
        type_ = TYPES.get(id_type, "BIGINT") if isinstance(id_type, str) else "BIGINT"
        table.add(ModelColumn(key if isinstance(key, str) else "id", line, column, type_, primary_key=True))
    block = call.child_by_field_name("block")
    if block is None:
        return table
    params = block.child_by_field_name("parameters")
    var = file.text(params.named_children[0]) if params is not None and params.named_children else "t"
    body = block.child_by_field_name("body")
    for stmt in body.named_children if body is not None else ():
        if stmt.type != "call":
            continue
        receiver = stmt.child_by_field_name("receiver")
        method = stmt.child_by_field_name("method")
        if receiver is None or method is None or file.text(receiver) != var:
            continue
        table_call(table, file.text(method), stmt, file, links)
    return table


def table_call(
    table: ModelTable,
    method: str,
    stmt: Node,
    file: RubyFile,
    links: list[tuple[str, ForeignKey]],
    skip: int = 0,
) -> None:
    """The columns of one `t.<type> ...` call; `skip` leading arguments are not column names.

    (`add_column :people, :email, :string` is `t.column :email, :string` after one.)
    """
    positional, options = call_args(stmt, file)
    positional = positional[skip:]
    comment = ruby_value(options.get("comment"), file)
    note = comment if isinstance(comment, str) else None
    if method in _SKIPPED:
        return
    if method == "foreign_key":  # t.foreign_key :people, column: :owner_id (a link, not a column)
        target = ruby_value(positional[0], file) if positional else None
        fk_column = ruby_value(options.get("column"), file)
        primary = ruby_value(options.get("primary_key"), file)
        if isinstance(target, str):
            links.append(
                (
                    table.name,
                    ForeignKey(
                        (fk_column,) if isinstance(fk_column, str) else (),
                        target,
                        (primary if isinstance(primary, str) else "id",),
                    ),
                )
            )
        return
    if method == "timestamps":
        line, column = file.place(stmt)
        for stamp in ("created_at", "updated_at"):
            table.add(ModelColumn(stamp, line, column, "TIMESTAMP"))
        return
    if method == "column":
        if len(positional) >= 2:
            named, kind = ruby_value(positional[0], file), ruby_value(positional[1], file)
            if isinstance(named, str):
                line, column = file.place(positional[0])
                table.add(
                    ModelColumn(
                        named,
                        line,
                        column,
                        column_type(kind, options, file) if isinstance(kind, str) else None,
                        note,
                        ruby_value(options.get("primary_key"), file) is True,
                    )
                )
        return
    for arg in positional:
        name = ruby_value(arg, file)
        if not isinstance(name, str):
            continue
        line, column = file.place(arg)
        if method in ("references", "belongs_to"):
            id_type = ruby_value(options.get("type"), file)
            key_type = column_type(id_type, {}, file) if isinstance(id_type, str) else "BIGINT"
            table.add(ModelColumn(f"{name}_id", line, column, key_type, note))
            if ruby_value(options.get("polymorphic"), file) is True:
                table.add(ModelColumn(f"{name}_type", line, column, "VARCHAR", note))
            fk = options.get("foreign_key")
            if fk is not None and ruby_value(fk, file) is not False:
                to_table = None
                if fk.type == "hash":
                    for pair in fk.named_children:
                        key = pair.child_by_field_name("key")
                        if key is not None and file.text(key).strip(":\"'") == "to_table":
                            to_table = ruby_value(pair.child_by_field_name("value"), file)
                target = to_table if isinstance(to_table, str) else plural(name)
                links.append((table.name, ForeignKey((f"{name}_id",), target, ("id",))))
            continue
        table.add(
            ModelColumn(
                name,
                line,
                column,
                column_type(method, options, file),
                note,
                ruby_value(options.get("primary_key"), file) is True,
            )
        )


def column_type(kind: str, options: dict[str, Node], file: RubyFile) -> str:
    """The SQL type of a Rails column type (`:string, limit: 80` is `VARCHAR(80)`)."""
    type_ = TYPES.get(kind, kind.upper())
    limit = options.get("limit")
    if type_ == "VARCHAR" and limit is not None and limit.type == "integer":
        type_ = f"VARCHAR({file.text(limit)})"
    return type_


def _add_foreign_key(call: Node, file: RubyFile, links: list[tuple[str, ForeignKey]]) -> None:
    positional, options = call_args(call, file)
    if len(positional) < 2:
        return
    source, target = ruby_value(positional[0], file), ruby_value(positional[1], file)
    if not isinstance(source, str) or not isinstance(target, str):
        return
    column = ruby_value(options.get("column"), file)
    primary = ruby_value(options.get("primary_key"), file)
    links.append(
        (
            source,
            ForeignKey(
                (column,) if isinstance(column, str) else (),
                target,
                (primary if isinstance(primary, str) else "id",),
            ),
        )
    )


_IRREGULAR = {"person": "people", "man": "men", "woman": "women", "child": "children"}


def plural(word: str) -> str:
    """English plural as Rails' inflector makes table names (common cases)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    """English singular, the inverse of `plural` for the same cases."""
    for one, many in _IRREGULAR.items():
        if word == many:
            return one
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
