"""Schema evidence from an Alembic versions folder, replayed revision by revision.

Each file is parsed with Python's `ast` (never imported or run): its `revision`,
`down_revision` (a string, None, or a tuple for a merge) and `depends_on` give the
order (`migration_graph`: the same topological order on every run; a cycle or a
parent missing from the folder is a CN001 at its line), and the body of `upgrade()`
is replayed on the tables built so far:

- `op.create_table("name", sa.Column(...), ..., sa.ForeignKeyConstraint([...], [...]),
  sa.PrimaryKeyConstraint(...), comment=..., schema=...)`; columns are read as the
  SQLAlchemy models reader reads `Column(...)` (types, `sa.ForeignKey("t.c")`, `comment=`);
- `op.add_column`, `op.drop_column`, `op.alter_column(new_column_name=, type_=, comment=)`,
  `op.rename_table`, `op.drop_table`, `op.create_foreign_key`, `op.drop_constraint` (of a
  foreign key created by name), `op.create_table_comment`;
- the same operations on `batch_op` inside `with op.batch_alter_table("t") as batch_op:`.

What cannot be read without running the file is reported, not guessed: a table name
that is not a string literal, operations inside `if`/`for`/`while`, SQL run with
`op.execute` (a warning), calls to other functions (a warning). The branches of an `if`
or `match` whose operations only add (no `drop_...`, `rename_...`, `alter_...`, `execute`)
are all replayed, with a warning at the condition saying so.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelTable, dotted, nested_too_deep, python_files, string_value
from cnsnt.sources.schemas.migration_graph import Step, replay_order
from cnsnt.sources.schemas.migration_order import natural_key
from cnsnt.sources.schemas.read_fixes import EVERY_BRANCH
from cnsnt.sources.schemas.replay import Replay, alembic_loads
from cnsnt.sources.schemas.sqlalchemy_models import column_call, sql_type

#: Operations that change no table or column cnsnt reports (indexes, constraints, data).
_NO_SCHEMA = frozenset(
    {
        "create_index",
        "drop_index",
        "create_unique_constraint",
        "create_primary_key",
        "create_check_constraint",
        "create_exclude_constraint",
        "bulk_insert",
        "get_bind",
        "get_context",
        "inline_literal",
        "f",
        "drop_table_comment",
        "implementation_for",
        "invoke",
        "run_async",
        "register_operation",
    }
)


@dataclass
class _Revision:
    """One parsed revision file."""

    shown: str
    tree: ast.Module
    revision: str
    parents: list[tuple[str, Location]] = field(default_factory=list)


def read_alembic(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The schema an Alembic versions folder leaves behind, revisions replayed in order."""
    replay = Replay()
    revisions: list[_Revision] = []
    files = 0
    skipped = 0
    loaded = [p for p in paths if alembic_loads(p)]  # as Alembic: `__init__.py` is no revision
    for _, shown, tree in python_files(loaded, ctx, replay.problems, lambda p: natural_key(p.as_posix())):
        files += 1
        try:
            found = _revision(tree, shown, replay)
        except RecursionError:
            replay.problems.append(nested_too_deep(tree, shown, "this revision is not replayed"))
            continue
        if found is None:
            skipped += 1
            replay.no_migration(shown, 'Alembic `revision = "..."`')
            continue
        revisions.append(found)
    by_id: dict[str, _Revision] = {}
    steps: list[Step] = []
    for rev in revisions:
        if rev.revision in by_id:
            first = by_id[rev.revision].shown
            replay.shown = rev.shown
            replay.report(f"revision '{rev.revision}' is also the revision of {first}: not replayed", 1, 1)
            continue
        by_id[rev.revision] = rev
        steps.append(Step(rev.revision, (natural_key(rev.shown),), rev.parents))
    order, problems = replay_order(steps, "revision")
    replay.problems.extend(problems)
    for step in order:
        rev = by_id[step.key]
        ctx.check_time(rev.shown)
        replay.shown = rev.shown
        try:
            _upgrade(rev.tree, replay)
        except RecursionError:
            lost = "the rest of this revision is not replayed"
            replay.problems.append(nested_too_deep(rev.tree, rev.shown, lost))
    return replay.evidence(files, len(order), skipped)


def _revision(tree: ast.Module, shown: str, replay: Replay) -> _Revision | None:
    """The revision id and parents a file declares at module level; None when it has no id."""
    values: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    values[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            values[node.target.id] = node.value
    revision = string_value(values.get("revision"))
    if not revision:
        return None
    rev = _Revision(shown, tree, revision)
    for name in ("down_revision", "depends_on"):
        value = values.get(name)
        if value is None:
            continue
        items: list[ast.expr] = value.elts if isinstance(value, ast.Tuple | ast.List) else [value]
        for item in items:
            parent = string_value(item)
            where = Location(shown, item.lineno, item.col_offset + 1)
            if parent is not None:
                rev.parents.append((parent, where))
            elif not (isinstance(item, ast.Constant) and item.value is None):
                replay.shown = shown
                replay.not_replayed(
                    f"`{name}`", "its value is not a string literal", item.lineno, item.col_offset + 1
                )
    return rev


def _upgrade(tree: ast.Module, replay: Replay) -> None:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "upgrade":
            _body(node.body, replay, {})
            return
    replay.report("no `def upgrade()` in this revision: nothing replayed", 1, 1, Severity.WARNING)


#: A `batch_op` name -> the table (and schema) of its `op.batch_alter_table(...)`.
Batches = dict[str, tuple[ast.expr, ast.expr | None]]


def _body(body: list[ast.stmt], replay: Replay, batches: Batches) -> None:
    """Replay the statements of `upgrade()`."""
    for stmt in body:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            _call(stmt.value, replay, batches)
        elif isinstance(stmt, ast.Assign | ast.AnnAssign) and isinstance(stmt.value, ast.Call):
            if _receiver(stmt.value) in ("op", *batches):
                _call(stmt.value, replay, batches)
        elif isinstance(stmt, ast.With):
            inner = dict(batches)
            for item in stmt.items:
                call = item.context_expr
                if (
                    isinstance(call, ast.Call)
                    and dotted(call.func) == "op.batch_alter_table"
                    and isinstance(item.optional_vars, ast.Name)
                ):
                    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
                    table = call.args[0] if call.args else kwargs.get("table_name")
                    if table is not None:
                        inner[item.optional_vars.id] = (table, kwargs.get("schema"))
            _body(stmt.body, replay, inner)
        elif isinstance(stmt, ast.Try):
            _body(stmt.body, replay, batches)
        elif isinstance(stmt, ast.If | ast.Match) and _only_adds(stmt, batches):
            _every_branch(stmt, replay, batches)
        elif isinstance(stmt, ast.If | ast.For | ast.While | ast.AsyncFor | ast.Match):
            kind = {
                ast.If: "if",
                ast.For: "for",
                ast.While: "while",
                ast.AsyncFor: "async for",
                ast.Match: "match",
            }[type(stmt)]
            if _has_operations(stmt, batches):
                replay.not_replayed(
                    f"operations inside `{kind}`",
                    "cnsnt does not run the migration",
                    stmt.lineno,
                    stmt.col_offset + 1,
                    Severity.WARNING if kind in ("if", "match") else None,
                )


#: How an operation that drops, renames or changes what is there starts its name; `execute` runs SQL.
_UNDOING = ("drop", "rename", "alter", "execute")


def _only_adds(stmt: ast.If | ast.Match, batches: Batches) -> bool:
    """Whether an `if`/`match` holds operations and each only adds (a table, a column, an index, a key)."""
    inner = [  # `with op.batch_alter_table(...) as batch:` under the condition
        item.optional_vars.id
        for item in ast.walk(stmt)
        if isinstance(item, ast.withitem) and isinstance(item.optional_vars, ast.Name)
    ]
    names = ("op", "batch_op", *batches, *inner)
    calls = [n for n in ast.walk(stmt) if isinstance(n, ast.Call) and _receiver(n) in names]
    return bool(calls) and not any(
        isinstance(c.func, ast.Attribute) and c.func.attr.startswith(_UNDOING) for c in calls
    )


def _every_branch(stmt: ast.If | ast.Match, replay: Replay, batches: Batches) -> None:
    """Replay every branch of a condition cnsnt cannot decide, whose branches only add; a warning says so.

    A table or column that may exist is audited; a table made in two branches has the
    columns of both.
    """
    condition = stmt.test if isinstance(stmt, ast.If) else stmt.subject
    kind = "if" if isinstance(stmt, ast.If) else "match"
    replay.report(
        f"operations inside `{kind}`: cnsnt does not run the migration, so every branch is replayed "
        "(they only add tables, columns or indexes); what one adds may not be in the database",
        condition.lineno,
        condition.col_offset + 1,
        Severity.WARNING,
        EVERY_BRANCH,
    )
    branches = [stmt.body, stmt.orelse] if isinstance(stmt, ast.If) else [case.body for case in stmt.cases]
    replay.merging += 1
    try:
        for branch in branches:
            _body(branch, replay, batches)
    finally:
        replay.merging -= 1


def _has_operations(stmt: ast.stmt, batches: Batches) -> bool:
    names = ("op", "batch_op", *batches)
    return any(isinstance(n, ast.Call) and _receiver(n) in names for n in ast.walk(stmt))


def _receiver(call: ast.Call) -> str:
    return dotted(call.func.value) if isinstance(call.func, ast.Attribute) else ""


def _call(call: ast.Call, replay: Replay, batches: Batches) -> None:
    receiver = _receiver(call)
    name = call.func.attr if isinstance(call.func, ast.Attribute) else dotted(call.func)
    line, col = call.lineno, call.col_offset + 1
    args: list[ast.expr] = list(call.args)
    kwargs = {k.arg: k.value for k in call.keywords if k.arg}
    if receiver in batches:
        table_node, schema_node = batches[receiver]
        # batch_op.create_foreign_key(name, referent, ...): op.create_foreign_key(name, table, referent, ...)
        args.insert(1 if name in ("create_foreign_key", "drop_constraint") else 0, table_node)
        if schema_node is not None:
            kwargs.setdefault("schema", schema_node)
            kwargs.setdefault("source_schema", schema_node)
    elif receiver != "op":
        if name != "print":
            replay.report(
                f"a call to `{dotted(call.func) or name}()` in upgrade(): cnsnt does not follow "
                "it; operations it runs are not replayed",
                line,
                col,
                Severity.WARNING,
            )
        return
    if name in _NO_SCHEMA:
        return
    if name == "execute":
        replay.report(
            "SQL run with op.execute is not replayed: tables or columns it changes are not seen",
            line,
            col,
            Severity.WARNING,
        )
        return
    handler = _HANDLERS.get(name)
    if handler is None:
        replay.report(f"op.{name} is not an operation cnsnt knows: not replayed", line, col, Severity.WARNING)
        return
    handler(_Op(f"op.{name}", args, kwargs, line, col, replay))


@dataclass
class _Op:
    """One `op.<name>(...)` call: its arguments, place and the replay it acts on."""

    what: str
    args: list[ast.expr]
    kwargs: dict[str, ast.expr]
    line: int
    col: int
    replay: Replay

    def arg(self, index: int, keyword: str) -> ast.expr | None:
        """A positional argument, or the keyword that may name it."""
        if index < len(self.args):
            return self.args[index]
        return self.kwargs.get(keyword)

    def text(self, index: int, keyword: str, role: str) -> str | None:
        """A string argument; a CN001 when it is computed (a variable, a loop's name)."""
        node = self.arg(index, keyword)
        value = string_value(node)
        if value is None:
            self.replay.not_replayed(self.what, f"the {role} is not a string literal", self.line, self.col)
        return value

    def schema(self, keyword: str = "schema") -> str | None:
        """The `schema=` (or `source_schema=`) string, when given."""
        return string_value(self.kwargs.get(keyword))


def _create_table(op: _Op) -> None:
    name = op.text(0, "table_name", "table name")
    if name is None:
        return
    comment = string_value(op.kwargs.get("comment"))
    table = ModelTable(name, op.replay.shown, op.line, op.col, schema=op.schema(), comment=comment)
    primary: list[str] = []
    for arg in op.args[1:]:
        if not isinstance(arg, ast.Call):
            if isinstance(arg, ast.Starred | ast.Name | ast.ListComp | ast.GeneratorExp):
                op.replay.not_replayed(
                    f"{op.what} {name}",
                    "columns given by a variable are not read",
                    arg.lineno,
                    arg.col_offset + 1,
                )
            continue
        kind = dotted(arg.func).rpartition(".")[2]
        if kind == "Column" and _named(arg, op):
            column_call(arg, None, arg.lineno, arg.col_offset + 1, table, None)
        elif kind == "ForeignKeyConstraint" and len(arg.args) >= 2:
            fk = _constraint(arg.args[0], arg.args[1])
            if fk is not None:
                table.foreign_keys = [f for f in table.foreign_keys if f.columns != fk.columns]
                table.foreign_keys.append(fk)
        elif kind == "PrimaryKeyConstraint":
            primary.extend(s for a in arg.args if (s := string_value(a)) is not None)
    for col in table.columns:
        if col.name in primary:
            col.primary_key = True
    op.replay.create(table)


def _constraint(local: ast.expr, remote: ast.expr) -> ForeignKey | None:
    """`ForeignKeyConstraint(["person_id"], ["people.id"])` as a foreign key."""
    columns = _strings(local)
    refs = _strings(remote)
    if not columns or not refs:
        return None
    parts = [r.split(".") for r in refs]
    if any(len(p) < 2 for p in parts):
        return None
    first = parts[0]
    return ForeignKey(
        tuple(columns), first[-2], tuple(p[-1] for p in parts), first[-3] if len(first) > 2 else None
    )


def _strings(node: ast.expr) -> list[str] | None:
    if not isinstance(node, ast.List | ast.Tuple):
        return None
    out = [string_value(e) for e in node.elts]
    return [s for s in out if s is not None] if all(s is not None for s in out) else None


def _add_column(op: _Op) -> None:
    name = op.text(0, "table_name", "table name")
    column = op.arg(1, "column")
    if name is None or not isinstance(column, ast.Call):
        return
    if not _named(column, op):
        return
    table = op.replay.find_or_make(name, op.schema(), op.line, op.col, op.what)
    column_call(column, None, column.lineno, column.col_offset + 1, table, None)
    op.replay.claim(table)


def _named(column: ast.Call, op: _Op) -> bool:
    """Whether a `sa.Column(...)` names its column with a literal; a CN001 when it does not."""
    first = column.args[0] if column.args else None
    name = next((k.value for k in column.keywords if k.arg == "name"), None)
    if string_value(first) is not None or string_value(name) is not None:
        return True
    op.replay.not_replayed(
        f"a column of {op.what}", "its name is not a string literal", column.lineno, column.col_offset + 1
    )
    return False


def _drop_column(op: _Op) -> None:
    name, column = op.text(0, "table_name", "table name"), op.text(1, "column_name", "column name")
    if name is None or column is None:
        return
    table = op.replay.find(name, op.schema(), op.line, op.col, op.what)
    if table is not None:
        op.replay.remove_column(table, column, op.line, op.col, op.what)


def _alter_column(op: _Op) -> None:
    name, column = op.text(0, "table_name", "table name"), op.text(1, "column_name", "column name")
    if name is None or column is None:
        return
    table = op.replay.find(name, op.schema(), op.line, op.col, op.what)
    if table is None:
        return
    col = op.replay.column(table, column, op.line, op.col, op.what)
    if col is None:
        return
    type_node = op.kwargs.get("type_")
    if type_node is not None:
        callee = type_node.func if isinstance(type_node, ast.Call) else type_node
        col.type = sql_type(dotted(callee).rpartition(".")[2], type_node) or col.type
    comment = op.kwargs.get("comment")
    if isinstance(comment, ast.Constant) and (comment.value is None or isinstance(comment.value, str)):
        col.comment = comment.value
    new_name = op.kwargs.get("new_column_name")
    if new_name is not None:
        new = string_value(new_name)
        if new is None:
            op.replay.not_replayed(op.what, "the new column name is not a string literal", op.line, op.col)
        else:
            op.replay.rename_column(table, column, new, op.line, op.col, op.what)


def _rename_table(op: _Op) -> None:
    old, new = op.text(0, "old_table_name", "table name"), op.text(1, "new_table_name", "new table name")
    if old is not None and new is not None:
        op.replay.rename_table(old, new, op.schema(), op.line, op.col, op.what)


def _drop_table(op: _Op) -> None:
    name = op.text(0, "table_name", "table name")
    if name is not None:
        op.replay.drop(name, op.schema(), op.line, op.col, op.what)


def _create_foreign_key(op: _Op) -> None:
    source = op.text(1, "source_table", "table name")
    referent = op.text(2, "referent_table", "referenced table name")
    local, remote = op.arg(3, "local_cols"), op.arg(4, "remote_cols")
    if source is None or referent is None or local is None or remote is None:
        return
    columns, refs = _strings(local), _strings(remote)
    if not columns or not refs:
        op.replay.not_replayed(op.what, "its columns are not a list of string literals", op.line, op.col)
        return
    table = op.replay.find(source, op.schema("source_schema"), op.line, op.col, op.what)
    if table is not None:
        fk = ForeignKey(tuple(columns), referent, tuple(refs), op.schema("referent_schema"))
        op.replay.add_foreign_key(table, fk, string_value(op.arg(0, "constraint_name")))


def _drop_constraint(op: _Op) -> None:
    name = string_value(op.arg(0, "constraint_name"))
    if name is not None:
        op.replay.drop_named_foreign_key(name)


def _create_table_comment(op: _Op) -> None:
    name = op.text(0, "table_name", "table name")
    if name is None:
        return
    table = op.replay.find(name, op.schema(), op.line, op.col, op.what)
    if table is not None:
        table.comment = string_value(op.arg(1, "comment"))


_HANDLERS = {
    "create_table": _create_table,
    "add_column": _add_column,
    "drop_column": _drop_column,
    "alter_column": _alter_column,
    "rename_table": _rename_table,
    "drop_table": _drop_table,
    "create_foreign_key": _create_foreign_key,
    "drop_constraint": _drop_constraint,
    "create_table_comment": _create_table_comment,
}
