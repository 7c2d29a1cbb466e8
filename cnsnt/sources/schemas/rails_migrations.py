"""Schema evidence from Rails migrations (`db/migrate/*.rb`), replayed in version order.

Files run in the order of the version their name starts with
(`20240131120000_create_people.rb`), as `rails db:migrate` runs them; a file whose
name carries no version is one Rails does not run (a warning). Each file is parsed,
never run, with tree-sitter's Ruby grammar and the same helpers that read
`db/schema.rb` (`rails_schema`: types, `create_table` blocks, `t.references`), and the
body of `def change` / `def up` (`reversible`'s `dir.up` included, `down` never) is
replayed on the tables built so far:

- `create_table` (with `id: false`, `primary_key:`, `comment:`), `create_join_table`,
  `drop_table`, `rename_table`, `change_table` blocks (`t.string`, `t.remove`,
  `t.rename`, `t.change`, `t.references`, `t.timestamps`, ...);
- `add_column`, `remove_column(s)`, `rename_column`, `change_column`,
  `change_column_comment`, `change_table_comment`, `add_reference`/`add_belongs_to`,
  `remove_reference`, `add_timestamps`, `add_foreign_key`, `remove_foreign_key`.

What cannot be read without running the file is reported, not guessed: a table or
column name that is not a literal, schema changes inside loops and conditions, SQL
run with `execute` (a warning), and calls cnsnt does not know (a warning).
"""

from __future__ import annotations

import re
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.grammars import SourceFile as RubyFile
from cnsnt.sources.schemas.rails_schema import (
    Node,
    call_args,
    column_type,
    create_table,
    ruby_files,
    ruby_value,
    singular,
    table_call,
)
from cnsnt.sources.schemas.replay import Replay

#: Rails runs `<digits>_<name>.rb` (ActiveRecord::Migrator's pattern); anchored, no backtracking.
_VERSIONED = re.compile(r"\A(\d+)_[_a-z0-9]*(?:\.[_a-z0-9]*)?\.rb\Z")

#: Calls that change no table or column cnsnt reports (indexes, constraints, data, output).
_NO_SCHEMA = frozenset(
    {
        "add_index",
        "remove_index",
        "rename_index",
        "add_check_constraint",
        "remove_check_constraint",
        "add_exclusion_constraint",
        "remove_exclusion_constraint",
        "add_unique_constraint",
        "remove_unique_constraint",
        "enable_extension",
        "disable_extension",
        "change_column_null",
        "change_column_default",
        "create_enum",
        "drop_enum",
        "rename_enum",
        "add_enum_value",
        "rename_enum_value",
        "create_schema",
        "drop_schema",
        "say",
        "validate_foreign_key",
        "validate_check_constraint",
        "raise",
        "require",
        "puts",
        "create_virtual_table",
    }
)
#: `t.<method>` calls in a `change_table` block that change no column.
_TABLE_NO_SCHEMA = frozenset(
    {
        "index",
        "remove_index",
        "rename_index",
        "check_constraint",
        "remove_check_constraint",
        "exclusion_constraint",
        "unique_constraint",
        "change_default",
        "change_null",
    }
)
#: Calls whose block runs once, going up: followed.
_FOLLOWED = frozenset({"reversible", "say_with_time", "transaction", "suppress_messages"})
#: How deep nested blocks (`reversible`, `say_with_time`) are followed; real migrations nest a few.
_MAX_BLOCKS = 100
#: Control flow that tests a condition (a warning when skipped); loops are errors.
_CONDITIONS = frozenset({"if", "unless", "case"})
#: Nodes that are control flow: schema changes inside them are reported, not replayed.
_CONTROL = frozenset(
    {
        "if",
        "unless",
        "while",
        "until",
        "for",
        "case",
        "if_modifier",
        "unless_modifier",
        "while_modifier",
        "until_modifier",
        "rescue_modifier",
    }
)


def read_rails_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a `db/migrate` folder leaves behind, migrations replayed in version order."""
    replay = Replay()
    runnable, skipped = replay.in_version_order(
        paths,
        ctx.shown,
        _VERSIONED,
        "not a Rails migration name (<version>_<name>.rb): `rails db:migrate` does not run it, so it is "
        "not replayed",
    )
    files = 0
    for shown, file, tree in ruby_files(runnable, ctx, replay.problems):
        replay.shown = shown
        files += 1
        _Migration(file, replay).run(tree.root_node)
    return replay.evidence(files, files, skipped)


class _Migration:
    """One migration file replayed on the tables built so far."""

    def __init__(self, file: RubyFile, replay: Replay) -> None:
        self.file = file
        self.replay = replay
        self.depth = 0

    def run(self, root: Node) -> None:
        """Replay the `change`/`up` methods of the migration classes of the file."""
        bodies = []
        stack = [root]
        while stack:
            node = stack.pop()
            if node.type in ("method", "singleton_method"):
                name = node.child_by_field_name("name")
                if name is not None and self.file.text(name) in ("change", "up"):
                    body = node.child_by_field_name("body")
                    if body is not None:
                        bodies.append(body)
                continue
            stack.extend(reversed(node.named_children))
        if not bodies and not root.has_error:
            self.replay.report(
                "no `def change` or `def up` in this file: nothing replayed", 1, 1, Severity.WARNING
            )
        for body in bodies:
            self.statements(body)

    def statements(self, body: Node) -> None:
        """Replay each statement of a method or block body (blocks followed `_MAX_BLOCKS` deep)."""
        if self.depth >= _MAX_BLOCKS:
            self.replay.not_replayed(
                f"blocks nested more than {_MAX_BLOCKS} deep",
                "cnsnt follows no deeper",
                *self.file.place(body),
            )
            return
        self.depth += 1
        try:
            self._statements(body)
        finally:
            self.depth -= 1

    def _statements(self, body: Node) -> None:
        for stmt in body.named_children:
            if stmt.type == "call":
                self.call(stmt)
            elif stmt.type in _CONTROL or stmt.type == "begin":
                if stmt.type == "begin":
                    self.statements(stmt)
                elif self.changes_schema(stmt):
                    keyword = stmt.type.replace("_modifier", "")
                    self.replay.not_replayed(
                        f"schema changes under `{keyword}`",
                        "cnsnt does not run the migration",
                        *self.file.place(stmt),
                        Severity.WARNING if keyword in _CONDITIONS else None,
                    )

    def changes_schema(self, node: Node) -> bool:
        """Whether a node holds a call that would change a table."""
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "call" and current.child_by_field_name("receiver") is None:
                method = current.child_by_field_name("method")
                if method is not None and self.file.text(method) in _OPERATIONS:
                    return True
            stack.extend(current.named_children)
        return False

    def call(self, call: Node) -> None:
        """One statement that is a call: an operation, a block to follow, or something reported."""
        receiver = call.child_by_field_name("receiver")
        method_node = call.child_by_field_name("method")
        method = self.file.text(method_node) if method_node is not None else ""
        place = self.file.place(call)
        block = call.child_by_field_name("block")
        if receiver is not None:
            if method == "up" and block is not None:  # reversible { |dir| dir.up { ... } }
                self.block_body(block)
            elif method != "down" and block is not None and self.changes_schema(block):
                self.replay.not_replayed(
                    f"schema changes in the block of `.{method}`", "cnsnt does not run loops", *place
                )
            return
        if method in _FOLLOWED and block is not None:
            self.block_body(block)
            return
        if method in _NO_SCHEMA:
            return
        if method == "execute":
            self.replay.report(
                "SQL run with execute is not replayed: tables or columns it changes are not seen",
                *place,
                Severity.WARNING,
            )
            return
        handler = _OPERATIONS.get(method)
        if handler is None:
            self.replay.report(
                f"`{method}` is not a migration method cnsnt knows: not replayed", *place, Severity.WARNING
            )
            return
        handler(self, call, method)

    def block_body(self, block: Node) -> None:
        """Follow the body of a `do ... end` or `{ ... }` block."""
        body = block.child_by_field_name("body")
        if body is not None:
            self.statements(body)

    # -- arguments

    def names(self, call: Node, count: int, method: str) -> list[str] | None:
        """The first `count` arguments as names; a CN001 when one is computed."""
        positional, _ = call_args(call, self.file)
        out = [ruby_value(n, self.file) for n in positional[:count]]
        if len(out) < count or not all(isinstance(v, str) and v for v in out):
            self.replay.not_replayed(
                f"`{method}`", "a table or column name is not a literal", *self.file.place(call)
            )
            return None
        return [str(v) for v in out]

    def table(self, name: str, call: Node, method: str) -> ModelTable | None:
        return self.replay.find(name, None, *self.file.place(call), method)

    def links(self, table: ModelTable, links: list[tuple[str, ForeignKey]]) -> None:
        """Foreign keys a call declared, attached now (later renames and drops then follow them)."""
        for _, fk in links:
            if not fk.columns:  # Rails' default: the singular of the target table + _id
                fk = ForeignKey((singular(fk.ref_table) + "_id",), fk.ref_table, fk.ref_columns)
            self.replay.add_foreign_key(table, fk)

    # -- operations

    def op_create_table(self, call: Node, method: str) -> None:
        links: list[tuple[str, ForeignKey]] = []
        table = create_table(call, self.file, links)
        if table is None:
            self.names(call, 1, method)  # reports the computed name
            return
        self.replay.create(table)
        self.links(table, links)
        self.change_block(table, call)

    def join_name(self, call: Node, names: list[str]) -> str:
        """The table `create_join_table :people, :clinics` makes: `clinics_people`, or `table_name:`."""
        _, options = call_args(call, self.file)
        explicit = ruby_value(options.get("table_name"), self.file)
        first, second = sorted(names)
        return explicit if isinstance(explicit, str) else f"{first}_{second}"

    def op_drop_join_table(self, call: Node, method: str) -> None:
        names = self.names(call, 2, method)
        if names is not None:
            self.replay.drop(self.join_name(call, names), None, *self.file.place(call), method)

    def op_create_join_table(self, call: Node, method: str) -> None:
        names = self.names(call, 2, method)
        if names is None:
            return
        name = self.join_name(call, names)
        line, column = self.file.place(call)
        table = ModelTable(name, self.file.shown, line, column)
        for other in names:
            table.add(ModelColumn(f"{singular(other)}_id", line, column, "BIGINT"))
        self.replay.create(table)
        self.change_block(table, call)

    def change_block(self, table: ModelTable, call: Node) -> None:
        """The `t.` calls of a `create_table`/`change_table` block that `create_table` did not read."""
        block = call.child_by_field_name("block")
        body = block.child_by_field_name("body") if block is not None else None
        if body is None or block is None:
            return
        params = block.child_by_field_name("parameters")
        named = params.named_children if params is not None else []
        var = self.file.text(named[0]) if named else "t"
        changing = self.file.text(call.child_by_field_name("method")) == "change_table"
        for stmt in body.named_children:
            receiver = stmt.child_by_field_name("receiver") if stmt.type == "call" else None
            method_node = stmt.child_by_field_name("method") if stmt.type == "call" else None
            if receiver is None or method_node is None or self.file.text(receiver) != var:
                if stmt.type != "comment" and (stmt.type != "call" or self.changes_schema(stmt)):
                    keyword = stmt.type.replace("_modifier", "")
                    self.replay.not_replayed(
                        f"`{keyword}` in a table block",
                        "only `t.` calls are read",
                        *self.file.place(stmt),
                        Severity.WARNING if keyword in _CONDITIONS else None,
                    )
                continue
            method = self.file.text(method_node)
            if method in _TABLE_NO_SCHEMA:
                continue
            positional, _ = call_args(stmt, self.file)
            if positional and not isinstance(ruby_value(positional[0], self.file), str):
                self.replay.not_replayed(
                    f"t.{method}", "the column name is not a literal", *self.file.place(stmt)
                )
                continue
            if method in (
                "remove",
                "rename",
                "change",
                "remove_references",
                "remove_belongs_to",
                "remove_timestamps",
                "comment",
            ):
                self.table_change(table, stmt, method)
            elif changing:
                links: list[tuple[str, ForeignKey]] = []
                table_call(table, method, stmt, self.file, links)
                self.replay.claim_added(table)
                self.links(table, links)

    def table_change(self, table: ModelTable, stmt: Node, method: str) -> None:
        """`t.remove`, `t.rename`, `t.change`, `t.remove_references` in a `change_table` block."""
        positional, options = call_args(stmt, self.file)
        values = [ruby_value(n, self.file) for n in positional]
        place = self.file.place(stmt)
        if method == "remove_timestamps":
            for stamp in ("created_at", "updated_at"):
                self.replay.remove_column(table, stamp, *place, f"t.{method}")
            return
        if not values or not all(isinstance(v, str) for v in values):
            self.replay.not_replayed(f"t.{method}", "a column name is not a literal", *place)
            return
        names = [str(v) for v in values]
        if method == "remove":
            for name in names:
                self.replay.remove_column(table, name, *place, "t.remove")
        elif method == "rename" and len(names) >= 2:
            self.replay.rename_column(table, names[0], names[1], *place, "t.rename")
        elif method == "change" and len(names) >= 2:
            self.retype(table, names[0], names[1], options, place)
        elif method in ("remove_references", "remove_belongs_to"):
            for name in names:
                self.remove_reference(table, name, options, place, f"t.{method}")

    def retype(
        self, table: ModelTable, name: str, kind: str, options: dict[str, Node], place: tuple[int, int]
    ) -> None:
        column = self.replay.column(table, name, *place, "change_column")
        if column is None:
            return
        column.type = column_type(kind, options, self.file)
        comment = ruby_value(options.get("comment"), self.file)
        if isinstance(comment, str):
            column.comment = comment

    def remove_reference(
        self, table: ModelTable, name: str, options: dict[str, Node], place: tuple[int, int], method: str
    ) -> None:
        self.replay.remove_column(table, f"{name}_id", *place, method)
        if ruby_value(options.get("polymorphic"), self.file) is True:
            self.replay.remove_column(table, f"{name}_type", *place, method)

    def op_change_table(self, call: Node, method: str) -> None:
        names = self.names(call, 1, method)
        table = self.table(names[0], call, method) if names else None
        if table is not None:
            self.change_block(table, call)

    def op_drop_table(self, call: Node, method: str) -> None:
        names = self.names(call, 1, method)
        if names is not None:
            self.replay.drop(names[0], None, *self.file.place(call), method)

    def op_rename_table(self, call: Node, method: str) -> None:
        names = self.names(call, 2, method)
        if names is not None:
            self.replay.rename_table(names[0], names[1], None, *self.file.place(call), method)

    def op_add_column(self, call: Node, method: str) -> None:
        names = self.names(call, 3, method)
        if names is None:
            return
        table = self.replay.find_or_make(names[0], None, *self.file.place(call), method)
        links: list[tuple[str, ForeignKey]] = []
        table_call(table, "column", call, self.file, links, skip=1)
        self.replay.claim_added(table)

    def op_add_reference(self, call: Node, method: str) -> None:
        names = self.names(call, 2, method)
        if names is None:
            return
        table = self.replay.find_or_make(names[0], None, *self.file.place(call), method)
        links: list[tuple[str, ForeignKey]] = []
        table_call(table, "references", call, self.file, links, skip=1)
        self.replay.claim_added(table)
        self.links(table, links)

    def op_add_timestamps(self, call: Node, method: str) -> None:
        names = self.names(call, 1, method)
        if names is None:
            return
        table = self.replay.find_or_make(names[0], None, *self.file.place(call), method)
        table_call(table, "timestamps", call, self.file, [], skip=1)
        self.replay.claim_added(table)

    def op_remove_column(self, call: Node, method: str) -> None:
        positional, _ = call_args(call, self.file)
        count = len(positional) if method == "remove_columns" else 2
        names = self.names(call, count, method)
        if names is None or len(names) < 2:
            return
        table = self.table(names[0], call, method)
        if table is not None:
            for name in names[1:] if method == "remove_columns" else names[1:2]:
                self.replay.remove_column(table, name, *self.file.place(call), method)

    def op_remove_timestamps(self, call: Node, method: str) -> None:
        names = self.names(call, 1, method)
        table = self.table(names[0], call, method) if names else None
        if table is not None:
            for stamp in ("created_at", "updated_at"):
                self.replay.remove_column(table, stamp, *self.file.place(call), method)

    def op_remove_reference(self, call: Node, method: str) -> None:
        names = self.names(call, 2, method)
        table = self.table(names[0], call, method) if names else None
        if table is not None and names is not None:
            _, options = call_args(call, self.file)
            self.remove_reference(table, names[1], options, self.file.place(call), method)

    def op_rename_column(self, call: Node, method: str) -> None:
        names = self.names(call, 3, method)
        table = self.table(names[0], call, method) if names else None
        if table is not None and names is not None:
            self.replay.rename_column(table, names[1], names[2], *self.file.place(call), method)

    def op_change_column(self, call: Node, method: str) -> None:
        names = self.names(call, 3, method)
        table = self.table(names[0], call, method) if names else None
        if table is not None and names is not None:
            _, options = call_args(call, self.file)
            self.retype(table, names[1], names[2], options, self.file.place(call))

    def op_change_column_comment(self, call: Node, method: str) -> None:
        names = self.names(call, 2, method)
        table = self.table(names[0], call, method) if names else None
        if table is None or names is None:
            return
        column = self.replay.column(table, names[1], *self.file.place(call), method)
        if column is not None:
            column.comment = self.comment(call, 2)

    def op_change_table_comment(self, call: Node, method: str) -> None:
        names = self.names(call, 1, method)
        table = self.table(names[0], call, method) if names else None
        if table is not None:
            table.comment = self.comment(call, 1)

    def comment(self, call: Node, index: int) -> str | None:
        """The new comment of `change_*_comment`: a string, or `to:` of `from:`/`to:`."""
        positional, options = call_args(call, self.file)
        value = ruby_value(positional[index], self.file) if len(positional) > index else None
        if "to" in options:
            value = ruby_value(options["to"], self.file)
        return value if isinstance(value, str) else None

    def op_add_foreign_key(self, call: Node, method: str) -> None:
        names = self.names(call, 2, method)
        table = self.table(names[0], call, method) if names else None
        if table is None or names is None:
            return
        _, options = call_args(call, self.file)
        column = ruby_value(options.get("column"), self.file)
        primary = ruby_value(options.get("primary_key"), self.file)
        self.replay.add_foreign_key(
            table,
            ForeignKey(
                (column if isinstance(column, str) else singular(names[1]) + "_id",),
                names[1],
                (primary if isinstance(primary, str) else "id",),
            ),
        )

    def op_remove_foreign_key(self, call: Node, method: str) -> None:
        positional, options = call_args(call, self.file)
        names = self.names(call, 1, method)
        table = self.table(names[0], call, method) if names else None
        if table is None:
            return
        target = ruby_value(positional[1], self.file) if len(positional) > 1 else None
        target = target if isinstance(target, str) else ruby_value(options.get("to_table"), self.file)
        column = ruby_value(options.get("column"), self.file)

        def keep(fk: ForeignKey) -> bool:
            if isinstance(column, str):
                return fk.columns != (column,)
            if isinstance(target, str):
                return fk.ref_table.casefold() != target.casefold()
            return True

        self.replay.drop_foreign_keys(table, keep)


_OPERATIONS = {
    "create_table": _Migration.op_create_table,
    "create_join_table": _Migration.op_create_join_table,
    "change_table": _Migration.op_change_table,
    "drop_table": _Migration.op_drop_table,
    "drop_join_table": _Migration.op_drop_join_table,
    "rename_table": _Migration.op_rename_table,
    "add_column": _Migration.op_add_column,
    "add_reference": _Migration.op_add_reference,
    "add_belongs_to": _Migration.op_add_reference,
    "add_timestamps": _Migration.op_add_timestamps,
    "remove_column": _Migration.op_remove_column,
    "remove_columns": _Migration.op_remove_column,
    "remove_timestamps": _Migration.op_remove_timestamps,
    "remove_reference": _Migration.op_remove_reference,
    "remove_belongs_to": _Migration.op_remove_reference,
    "rename_column": _Migration.op_rename_column,
    "change_column": _Migration.op_change_column,
    "change_column_comment": _Migration.op_change_column_comment,
    "change_table_comment": _Migration.op_change_table_comment,
    "add_foreign_key": _Migration.op_add_foreign_key,
    "remove_foreign_key": _Migration.op_remove_foreign_key,
}
