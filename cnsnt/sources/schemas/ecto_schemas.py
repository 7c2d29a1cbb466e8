"""Schema evidence from Ecto schemas (`lib/**/*.ex`): the table of each module's `schema "users" do`.

Each file is parsed, never compiled, with tree-sitter's Elixir grammar; every
`defmodule` with a `schema "table" do ... end` is a table (`embedded_schema` is none:
it is stored in its parent's column), read as Ecto maps it:

- `field :email, :string` (the type defaults to `:string`), `source: :full_name` (the
  column's name), `primary_key: true`; `field :password, :string, virtual: true` is
  data the application receives but never stores: no column, so nothing here to
  classify; the entry's count `virtual_fields` says how many were passed over (the form
  that collects such a field is audited as a `forms` source);
- the primary key: `id` BIGINT by default, `@primary_key {:id, :binary_id, autogenerate: true}`,
  `@primary_key false`;
- `belongs_to :org, MyApp.Org` makes `org_id` (`foreign_key:`, `type:` or
  `@foreign_key_type`, `define_field: false`) and a foreign key to the table of
  `MyApp.Org` when that module is among the entry's files (`alias`es followed);
  `has_many`, `has_one`, `many_to_many` make no column (a join table is its migration's);
- `embeds_one`/`embeds_many` are a JSON column (JSONB; JSON on MySQL);
- `timestamps()` adds `inserted_at` and `updated_at` (`@timestamps_opts`, `type:`,
  `inserted_at:`/`updated_at:` names or `false`);
- `@schema_prefix "p"` is the table's schema; `Ecto.Enum` fields are stored as
  VARCHAR(255); types are mapped as in `ecto_types`.

A project's own `use MyApp.Schema` is followed when that module is in the entry: the
attributes its `__using__` quote sets (`@primary_key`, `@foreign_key_type`,
`@timestamps_opts`, `@schema_prefix`) apply to the modules that use it. A table name
that is not a literal, and a call in a schema block cnsnt does not know (a macro that
may add fields, fields in a loop) are CN001 problems at their line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, model_evidence, model_failed
from cnsnt.sources.schemas.ecto_types import is_mysql, schema_type
from cnsnt.sources.schemas.elixir_syntax import (
    Alias,
    Atom,
    Module,
    Node,
    Value,
    call_of,
    elixir_files,
    keyword,
    module_attribute,
    modules,
    statements,
    value,
)
from cnsnt.sources.schemas.grammars import SourceFile

#: Module attributes of Ecto.Schema that shape a table; a `use`d module's `__using__` may set them.
_SETTINGS = ("primary_key", "foreign_key_type", "timestamps_opts", "schema_prefix")
#: What an entry that holds Ecto migrations says of the schemas beside them (after their count).
ECTO_LEFT_OUT = (
    "Elixir file(s) in this entry beside the Ecto migrations that build the tables: the migrations are "
    "read, the schemas are not (`format: ecto`)"
)
#: Associations without a column of their own.
_NO_COLUMN = frozenset({"has_many", "has_one", "many_to_many"})


@dataclass
class _Source:
    """One module of the entry, with the file it is written in."""

    module: Module
    file: SourceFile
    aliases: dict[str, str]
    """`alias MyApp.Accounts.User` -> {"User": "MyApp.Accounts.User"} (`as:` too)."""


def read_ecto(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables of the Ecto schemas among an entry's Elixir files."""
    problems: list[SourceProblem] = []
    sources: list[_Source] = []
    files = 0
    first = ""
    for shown, file, tree in elixir_files(paths, ctx, problems, "schemas"):
        files += 1
        first = first or shown
        for module in modules(tree.root_node, file):
            sources.append(_Source(module, file, _aliases(module, file)))
    reader = _Schemas(sources, is_mysql(ctx.dialect or spec.dialect), problems)
    tables = reader.read()
    if not tables and not reader.embedded and first:
        problems.append(
            SourceProblem(
                'no Ecto schema (`schema "table" do`) found in this entry\'s Elixir files: is it the right '
                "folder, and the right `format:`?",
                Location(first, 1, 1),
                first,
                severity=Severity.WARNING,
            )
        )
    evidence = model_evidence(tables, problems, files)
    if reader.virtual:
        evidence.counts["virtual_fields"] = reader.virtual
    return evidence


def _aliases(module: Module, file: SourceFile) -> dict[str, str]:
    out: dict[str, str] = {}
    for stmt in module.body:
        call = call_of(stmt, file)
        if call is None or call.name != "alias" or not call.args:
            continue
        target = call.args[0]
        if target.type == "alias":
            full = file.text(target)
            short = value(call.options.get("as"), file, {})
            out[str(short) if isinstance(short, Alias) else full.rsplit(".", 1)[-1]] = full
        elif target.type == "dot":  # alias MyApp.{User, Org}
            left = target.child_by_field_name("left")
            right = target.child_by_field_name("right")
            if left is None or right is None or right.type != "tuple":
                continue
            for item in right.named_children:
                if item.type == "alias":
                    out[file.text(item).rsplit(".", 1)[-1]] = f"{file.text(left)}.{file.text(item)}"
    return out


class _Schemas:
    """The tables of all schema modules of one entry (associations resolved across files)."""

    def __init__(self, sources: list[_Source], mysql: bool, problems: list[SourceProblem]) -> None:
        self.sources = sources
        self.mysql = mysql
        self.problems = problems
        self.by_name = {s.module.name: s for s in sources if s.module.name}
        self.virtual = 0
        self.embedded = 0
        self.tables: dict[str, ModelTable] = {}
        """Module name -> its table."""
        self.links: list[tuple[ModelTable, str, _Source, str, str | None]] = []
        """(table, column, where it is written, target module as written, referenced column)."""

    def report(self, source: _Source, node: Node, message: str, severity: Severity | None = None) -> None:
        shown = source.file.shown
        self.problems.append(
            SourceProblem(message, Location(shown, *source.file.place(node)), shown, severity=severity)
        )

    def read(self) -> list[ModelTable]:
        out: list[ModelTable] = []
        for source in self.sources:
            try:
                table = self.schema(source)
            except RecursionError:
                self.report(
                    source, source.module.node, "expressions nested too deep to read: schema not read"
                )
                continue
            except Exception as exc:  # noqa: BLE001 - one module's bug must not lose the others
                self.problems.append(
                    model_failed(
                        exc,
                        source.file.shown,
                        *source.file.place(source.module.node),
                        f"module {source.module.name}",
                    )
                )
                continue
            if table is None:
                continue
            same = next((t for t in out if (t.schema, t.name) == (table.schema, table.name)), None)
            if same is not None:  # several schemas of one table (a read model, a form's): their columns
                for col in table.columns:
                    if all(c.name != col.name for c in same.columns):
                        same.columns.append(col)
                table = same
            else:
                out.append(table)
            self.tables[source.module.name] = table
        for table, column, source, target, ref_column in self.links:
            other = self.target(source, target)
            if other is None:
                continue
            primary = next((c.name for c in other.columns if c.primary_key), "id")
            table.foreign_keys.append(
                ForeignKey((column,), other.name, (ref_column or primary,), other.schema)
            )
        return out

    def target(self, source: _Source, written: str) -> ModelTable | None:
        """The table of a module named in an association (`User`, `MyApp.User`, `__MODULE__`)."""
        if written == "__MODULE__":
            return self.tables.get(source.module.name)
        head, _, rest = written.partition(".")
        full = source.aliases.get(head)
        candidates = [f"{full}.{rest}" if rest else full] if full else []
        outer = source.module.name
        while outer:  # a sibling module: `MyApp.Accounts.User` names `Org` as `MyApp.Accounts.Org`?
            outer = outer.rpartition(".")[0]
            candidates.append(f"{outer}.{written}" if outer else written)
        return next((self.tables[c] for c in candidates if c in self.tables), None)

    def settings(self, source: _Source) -> dict[str, Value]:
        """The table-shaping attributes of a module: its `use`d modules' first, then its own."""
        out: dict[str, Value] = {}
        for used in source.module.uses:
            other = self.by_name.get(used)
            if other is not None:
                out.update(_using_attributes(other))
        out.update({k: v for k, v in source.module.attributes.items() if k in _SETTINGS})
        return out

    def schema(self, source: _Source) -> ModelTable | None:
        """The table of one module, None when it declares no `schema`."""
        file = source.file
        module = source.module
        scope = {f"@{k}": v for k, v in module.attributes.items()}
        found = None
        for stmt in module.body:
            call = call_of(stmt, file)
            if call is not None and call.name == "embedded_schema":
                self.embedded += 1
            if call is not None and call.name == "schema" and call.args and call.block is not None:
                found = call
        if found is None:
            return None
        name = value(found.args[0], file, scope)
        if not isinstance(name, str) or not name:
            self.report(
                source,
                found.node,
                f"the table name of {module.name or 'this module'}'s schema is not "
                "a literal: its columns are not read",
            )
            return None
        settings = self.settings(source)
        prefix = settings.get("schema_prefix")
        line, column = file.place(found.node)
        table = ModelTable(
            str(name),
            file.shown,
            line,
            column,
            schema=str(prefix) if isinstance(prefix, str) and prefix else None,
        )
        primary = settings.get("primary_key", (Atom("id"), Atom("id"), [(Atom("autogenerate"), True)]))
        if isinstance(primary, tuple) and len(primary) >= 2 and isinstance(primary[0], str):
            options = keyword(primary[2]) if len(primary) > 2 else {}
            key_name = options.get("source", primary[0])
            table.add(
                ModelColumn(
                    str(key_name),
                    line,
                    column,
                    schema_type(primary[1], options, self.mysql),
                    primary_key=True,
                )
            )
        elif primary is not False:
            self.report(
                source,
                found.node,
                "@primary_key is not a literal: the primary key column is not read",
                Severity.WARNING,
            )
        context = _Block(source, table, settings, scope)
        for stmt in statements(found.block or []):
            self.field(context, stmt)
        return table

    def field(self, block: _Block, stmt: Node) -> None:
        """One statement of a schema block."""
        source, file = block.source, block.source.file
        call = call_of(stmt, file)
        if call is None or call.name not in _FIELDS:
            what = call.name if call is not None and call.name else " ".join(file.text(stmt).split())[:40]
            self.report(
                source,
                stmt,
                f"`{what}` in a schema block is not read: columns it may define are "
                "not known without compiling the module",
                Severity.WARNING,
            )
            return
        options = {k: value(v, file, block.scope) for k, v in call.options.items()}
        place = file.place(stmt)
        if call.name == "timestamps":
            stamps = keyword(block.settings.get("timestamps_opts"))
            stamps.update(options)
            if call.args:
                stamps.update(keyword(value(call.args[0], file, block.scope)))
            kind = schema_type(stamps.get("type", Atom("naive_datetime")), {}, self.mysql)
            for key in ("inserted_at", "updated_at"):
                name = stamps.get(key, Atom(key))
                if name is not False and isinstance(name, str):
                    block.table.add(ModelColumn(str(name), *place, kind))
            return
        name = value(call.args[0], file, block.scope) if call.args else None
        if not isinstance(name, str) or not name:
            self.report(source, stmt, f"`{call.name}`: the field name is not a literal; not read")
            return
        if call.name in _NO_COLUMN:
            return
        source_name = options.get("source")
        column = str(source_name) if isinstance(source_name, str) and source_name else str(name)
        if call.name == "field":
            if options.get("virtual") is True:
                self.virtual += 1
                return
            kind = value(call.args[1], file, block.scope) if len(call.args) > 1 else Atom("string")
            block.table.add(
                ModelColumn(
                    column,
                    *place,
                    schema_type(kind, options, self.mysql),
                    primary_key=options.get("primary_key") is True,
                )
            )
        elif call.name in ("embeds_one", "embeds_many"):
            block.table.add(ModelColumn(column, *place, "JSON" if self.mysql else "JSONB"))
        elif call.name == "belongs_to":
            if options.get("define_field") is False:
                return
            key = options.get("foreign_key", Atom(f"{name}_id"))
            key = str(source_name) if isinstance(source_name, str) and source_name else key
            if not isinstance(key, str):
                self.report(source, stmt, "`belongs_to`: the foreign key is not a literal; not read")
                return
            kind = options.get("type", block.settings.get("foreign_key_type", Atom("id")))
            block.table.add(ModelColumn(str(key), *place, schema_type(kind, {}, self.mysql)))
            target = call.args[1] if len(call.args) > 1 else None
            if target is not None and (target.type == "alias" or file.text(target) == "__MODULE__"):
                references = options.get("references")
                self.links.append(
                    (
                        block.table,
                        str(key),
                        source,
                        file.text(target),
                        str(references) if isinstance(references, str) else None,
                    )
                )


@dataclass
class _Block:
    source: _Source
    table: ModelTable
    settings: dict[str, Value]
    scope: dict[str, Value]


_FIELDS = frozenset({"field", "belongs_to", "embeds_one", "embeds_many", "timestamps", *_NO_COLUMN})


def _using_attributes(source: _Source) -> dict[str, Value]:
    """The table-shaping attributes a `defmacro __using__` quote block sets."""
    file = source.file
    out: dict[str, Value] = {}
    for stmt in source.module.body:
        call = call_of(stmt, file)
        if call is None or call.name != "defmacro" or not call.args or call.block is None:
            continue
        head = call_of(call.args[0], file)
        if head is None or head.name != "__using__":
            continue
        for inner in statements(call.block):
            quote = call_of(inner, file)
            if quote is None or quote.name != "quote" or quote.block is None:
                continue
            for line in statements(quote.block):
                attribute = module_attribute(line, file)
                if attribute is not None and attribute[0] in _SETTINGS and attribute[1] is not None:
                    out[attribute[0]] = value(attribute[1], file, {})
    return out
