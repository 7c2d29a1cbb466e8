"""Schema evidence from MikroORM entities (TypeScript), parsed with tree-sitter's TypeScript grammar.

MikroORM maps decorated classes as TypeORM does, with its own decorators and naming;
the files are read with the same class and decorator reader (`typeorm_syntax`,
`ts_decorated`), never compiled or run. Read from them (decorators by simple name):

- `@Entity()` / `@Entity({ tableName, schema, comment })` classes are tables (`collection`
  is `tableName`'s old name); `abstract: true` is none; the table is named by
  MikroORM's `UnderscoreNamingStrategy` (`UserProfile` -> `user_profile`);
- `@PrimaryKey`, `@Property` and `@Enum` are columns (`fieldName`, `type`, `columnType`,
  `length`, `comment`), `firstName` -> `first_name`; `persist: false` is no column; a
  column's type is `columnType`, else `type`, else the property's TypeScript type (or
  its initial value's: `createdAt = new Date()`);
- `@ManyToOne` and owning `@OneToOne` (no `mappedBy`) are key columns to the target's
  key (`author_id`, or `fieldName` / `joinColumn`); an owning `@ManyToMany` (no
  `mappedBy`, no `pivotEntity`) is a join table `<owner table>_<property>` with
  `<owner table>_id` and `<target table>_id` (`pivotTable`, `joinColumn`,
  `inverseJoinColumn` when given);
- `@Embedded` puts an `@Embeddable`'s columns in the table, prefixed with the property
  (`address_street`; `prefix: 'x_'` or `prefix: false`); `object: true` or `array: true`
  is one JSON column;
- columns of parent classes are every entity's below them; an entity extending one
  with a `discriminatorColumn` shares its table (single-table inheritance).

Files named `*.spec.ts`, `*.test.ts` or `*.d.ts`, and files that do not import
`@mikro-orm/...`, are passed over.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas import mikroorm_naming as naming
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.ts_decorated import DecoratedClasses, read_entities
from cnsnt.sources.schemas.typeorm_syntax import Decorator, Field, Node, Target, TsClass

#: MikroORM's type names and TypeScript types -> a column type (PostgreSQL's names).
TYPES = {
    "string": "varchar(255)",
    "String": "varchar(255)",
    "number": "int",
    "Number": "int",
    "integer": "int",
    "int": "int",
    "smallint": "smallint",
    "tinyint": "tinyint",
    "mediumint": "mediumint",
    "bigint": "bigint",
    "float": "float",
    "double": "double",
    "decimal": "numeric",
    "boolean": "boolean",
    "Boolean": "boolean",
    "Date": "timestamptz",
    "datetime": "timestamptz",
    "date": "date",
    "time": "time",
    "text": "text",
    "uuid": "uuid",
    "json": "jsonb",
    "blob": "bytea",
    "Buffer": "bytea",
    "uint8array": "bytea",
    "enum": "text",
    "array": "text[]",
    "interval": "interval",
}
#: What a TypeScript file that maps MikroORM entities shows: a quick look before parsing it.
IMPORT = "@mikro-orm/"
MARKERS = ("@Entity", "@Embeddable", "@PrimaryKey", "@Property", "@ManyToOne", "@Enum")
#: Property decorators that are columns (`@Enum` too; its type is text unless given).
COLUMNS = ("PrimaryKey", "Property", "Enum")


def maps_mikroorm(text: str) -> bool:
    """Whether a TypeScript file may map MikroORM entities (it imports `@mikro-orm/...`)."""
    return IMPORT in text and any(m in text for m in MARKERS)


def read_mikroorm(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's MikroORM entities map to (all its files at once: parents may be elsewhere)."""
    return read_entities(paths, spec, ctx, maps_mikroorm, MikroMapper, "MikroORM @Entity class")


class MikroMapper(DecoratedClasses):
    """MikroORM entity classes -> tables, named by its `UnderscoreNamingStrategy`."""

    def __init__(
        self, classes: list[TsClass], constants: dict[str, Any], problems: list[SourceProblem]
    ) -> None:
        super().__init__(classes, constants, problems)
        self.entities = [
            c
            for c in classes
            if "Entity" in c.decorators
            and self.classes.get(c.name) is c
            and self.option(c.decorators["Entity"], "abstract") is not True
        ]
        self.by_class: dict[str, ModelTable] = {}
        self.out: list[ModelTable] = []
        self._keys: dict[str, list[tuple[str, str | None]]] = {}

    # ---- values

    def first(self, deco: Decorator) -> Any:
        """The first argument when it is not the options object (`() => User`, `'User'`)."""
        if not deco.args or deco.args[0].type == "object":
            return None
        return self.value(deco, deco.args[0], "first argument")

    def names(self, deco: Decorator, one: str, many: str) -> list[str]:
        """Column names given as `fieldName: 'x'` or `fieldNames: ['x', 'y']` (or `joinColumn(s)`)."""
        given = self.option(deco, one)
        if isinstance(given, str) and given:
            return [given]
        items = self.option(deco, many)
        out = [self.value(deco, item, many) for item in items] if isinstance(items, list) else []
        return [n for n in out if isinstance(n, str) and n]

    # ---- classes

    def table_name(self, cls: TsClass) -> str:
        """`@Entity({ tableName: 'x' })` (or `collection`), else the class name underscored."""
        deco = cls.decorators.get("Entity")
        given = self.text_option(deco, "tableName") or self.text_option(deco, "collection")
        return naming.table(cls.name, given)

    def schema(self, cls: TsClass) -> str | None:
        """`@Entity({ schema: 'x' })`."""
        return self.text_option(cls.decorators.get("Entity"), "schema")

    def root(self, cls: TsClass) -> TsClass | None:
        """The entity above a class that holds a `discriminatorColumn`: its table is the class's too."""
        for parent in reversed(self.ancestors(cls)):  # the farthest first: the root of the hierarchy
            deco = parent.decorators.get("Entity")
            if deco is not None and self.option(deco, "discriminatorColumn") is not None:
                return parent
        return None

    def tables(self) -> list[ModelTable]:
        """Entity tables, then single-table children, then join tables."""
        children = [c for c in self.entities if self.root(c) is not None]
        for cls in self.entities:
            if cls not in children:
                self._guard(cls, self._entity_table)
        for cls in children:
            self._guard(cls, self._child)
        for cls in self.entities:
            self._guard(cls, self._join_tables)
        return self.out

    def _entity_table(self, cls: TsClass) -> None:
        deco = cls.decorators["Entity"]
        line, column = cls.file.place(cls.node)
        table = ModelTable(
            self.table_name(cls),
            cls.file.shown,
            line,
            column,
            schema=self.schema(cls),
            comment=self.text_option(deco, "comment"),
            is_view=self.option(deco, "virtual") is True or "expression" in self.options(deco),
        )
        self.out.append(table)
        self.by_class[cls.name] = table
        for owner in self.lineage(cls):
            self._columns(owner, table, owner.fields, "", 0)
        discriminator = self.option(deco, "discriminatorColumn")
        if isinstance(discriminator, str) and discriminator:
            _add(table, ModelColumn(naming.column(discriminator), line, column, "text"))

    def _child(self, cls: TsClass) -> None:
        """An entity below a `discriminatorColumn` root: its own columns go in the root's table."""
        root = self.root(cls)
        if root is None or root.name not in self.by_class:
            return
        table = self.by_class[root.name]
        self.by_class.setdefault(cls.name, table)
        lineage = self.lineage(cls)
        for owner in lineage[lineage.index(root) + 1 :]:
            self._columns(owner, table, owner.fields, "", 0, keep_first=True)

    # ---- columns

    def _columns(
        self,
        owner: TsClass,
        table: ModelTable,
        fields: list[Field],
        prefix: str,
        depth: int,
        keep_first: bool = False,
    ) -> None:
        for member in fields:
            decos = member.decorators
            deco = next((decos[n] for n in COLUMNS if n in decos), None)
            if deco is not None:
                if self.option(deco, "persist") is not False:
                    self._column(owner, table, member, deco, prefix, keep_first)
            elif "Embedded" in decos:
                self._embedded(owner, table, member, decos["Embedded"], prefix, depth)
            elif "ManyToOne" in decos or ("OneToOne" in decos and self.owning(decos["OneToOne"])):
                relation = decos["ManyToOne"] if "ManyToOne" in decos else decos["OneToOne"]
                if self.option(relation, "persist") is not False:
                    self._to_one(owner, table, member, relation, prefix)

    def _column(
        self, owner: TsClass, table: ModelTable, member: Field, deco: Decorator, prefix: str, keep_first: bool
    ) -> None:
        line, column = owner.file.place(member.node)
        given = self.names(deco, "fieldName", "fieldNames")
        col = ModelColumn(
            prefix + (given[0] if given else naming.column(member.name)),
            line,
            column,
            self._type(deco, member),
            self.text_option(deco, "comment"),
            deco.name == "PrimaryKey" or self.option(deco, "primary") is True,
            _elsewhere(owner, table),
        )
        if keep_first:
            _add(table, col)
        else:
            table.add(col)

    def _type(self, deco: Decorator, member: Field) -> str | None:
        """`columnType`, else `type` (a name, `types.text`, `JsonType`), else the property's type."""
        column_type = self.text_option(deco, "columnType")
        if column_type:
            return column_type.lower()
        node = self.options(deco).get("type")
        given = _type_name(node, deco.file) if node is not None else None
        if given is None and node is not None:
            found = self.value(deco, node, "type", quiet=True)
            given = found.name if isinstance(found, Target) else found if isinstance(found, str) else None
        if deco.name == "Enum" and given is None:
            given = "enum"
        if given is None and not member.array:
            given = member.type or _initial_type(member, deco.file)
        if given is None:
            return None
        kind = TYPES.get(given, TYPES.get(given.lower(), given.lower()))
        length = self.option(deco, "length")
        if kind.startswith("varchar") and isinstance(length, int) and not isinstance(length, bool):
            return f"varchar({length})"
        if kind == "numeric":
            precision, scale = self.option(deco, "precision"), self.option(deco, "scale")
            if isinstance(precision, int) and not isinstance(precision, bool):
                return f"numeric({precision},{scale if isinstance(scale, int) else 0})"
        return kind

    def _embedded(
        self, owner: TsClass, table: ModelTable, member: Field, deco: Decorator, prefix: str, depth: int
    ) -> None:
        """`@Embedded(() => Address)`: the embeddable's columns, prefixed (`address_street`)."""
        first = self.first(deco)
        target = first.name if isinstance(first, Target) else None
        entity = self.option(deco, "entity")
        target = target or (entity.name if isinstance(entity, Target) else None) or member.type
        own = self.option(deco, "prefix")
        inner = prefix + (
            "" if own is False else own if isinstance(own, str) else naming.column(member.name) + "_"
        )
        embedded = self.classes.get(target or "")
        stored_whole = (
            self.option(deco, "object") is True or self.option(deco, "array") is True or member.array
        )
        if stored_whole or embedded is None or depth > 8:
            line, column = owner.file.place(member.node)
            kind = "jsonb" if stored_whole else None
            table.add(
                ModelColumn(
                    prefix + naming.column(member.name),
                    line,
                    column,
                    kind,
                    None,
                    False,
                    _elsewhere(owner, table),
                )
            )
            return
        for part in self.lineage(embedded):
            self._columns(part, table, part.fields, inner, depth + 1)

    # ---- relations

    def owning(self, deco: Decorator) -> bool:
        """Whether a `@OneToOne` / `@ManyToMany` is the owning side (it holds the key or the join table).

        `owner: true` or `inversedBy` say so; `mappedBy` (an option, or the argument after the
        target: `(profile) => profile.user`) makes it the inverse side; a plain one owns.
        """
        if self.option(deco, "owner") is True or "inversedBy" in self.options(deco):
            return True
        if "mappedBy" in self.options(deco):
            return False
        return not (len(deco.args) > 1 and deco.args[1].type != "object")

    def target(self, deco: Decorator, member: Field) -> str | None:
        """`() => User`, `'User'`, `{ entity: () => User }`; else the property's type."""
        for found in (self.first(deco), self.option(deco, "entity")):
            if isinstance(found, Target) and isinstance(found.name, str):
                return found.name
            if isinstance(found, str) and found:
                return found
        return member.type

    def keys(self, target: str) -> list[tuple[str, str | None]]:
        """An entity's key columns as (column, type); `id` when the entity is not in the entry."""
        if target in self._keys:
            return self._keys[target]
        self._keys[target] = []  # a key that is a relation to itself stops here
        cls = self.classes.get(target)
        found: list[tuple[str, str | None]] = []
        if cls is not None:
            probe = ModelTable("", cls.file.shown, 1, 1)
            for owner in self.lineage(cls):  # `@PrimaryKey`, or a column or relation with `primary: true`
                self._columns(owner, probe, [f for f in owner.fields if self._primary(f)], "", 0)
            found = [(c.name, c.type) for c in probe.columns]
        found = found or [("id", None)]
        self._keys[target] = found
        return found

    def _primary(self, member: Field) -> bool:
        decos = member.decorators
        if "PrimaryKey" in decos:
            return True
        return any(
            self.option(decos[n], "primary") is True
            for n in (*COLUMNS, "ManyToOne", "OneToOne")
            if n in decos
        )

    def target_table(self, target: str) -> tuple[str, str | None]:
        """(table, schema) of a relation's target; a class not in the entry is named as MikroORM would."""
        cls = self.classes.get(target)
        if cls is None or "Entity" not in cls.decorators:
            return naming.table(target, None), None
        root = self.root(cls)
        return (
            (self.table_name(root), self.schema(root))
            if root is not None
            else (self.table_name(cls), self.schema(cls))
        )

    def _to_one(self, owner: TsClass, table: ModelTable, member: Field, deco: Decorator, prefix: str) -> None:
        target = self.target(deco, member)
        if not target:
            return
        given = self.names(deco, "fieldName", "fieldNames") or self.names(deco, "joinColumn", "joinColumns")
        ref_table, ref_schema = self.target_table(target)
        keys = self.keys(target)
        line, column = owner.file.place(member.node)
        names: list[str] = []
        for i, (ref, kind) in enumerate(keys):
            name = given[i] if i < len(given) else prefix + naming.join_column(member.name, ref)
            names.append(name)
            col_type = self.text_option(deco, "columnType") or kind
            primary = self.option(deco, "primary") is True
            _add(table, ModelColumn(name, line, column, col_type, None, primary, _elsewhere(owner, table)))
        table.foreign_keys.append(ForeignKey(tuple(names), ref_table, tuple(k[0] for k in keys), ref_schema))

    def _join_tables(self, cls: TsClass) -> None:
        """Owning `@ManyToMany`s: a table of pairs, keyed by both sides."""
        table = self.by_class.get(cls.name)
        if table is None or table.is_view:
            return
        for owner in self.lineage(cls):
            for member in owner.fields:
                deco = member.decorators.get("ManyToMany")
                if deco is not None and self.owning(deco) and "pivotEntity" not in self.options(deco):
                    self._join_table(owner, cls, table, member, deco)

    def _join_table(
        self, owner: TsClass, cls: TsClass, table: ModelTable, member: Field, deco: Decorator
    ) -> None:
        target = self.target(deco, member)
        if not target or self.option(deco, "persist") is False:
            return
        ref_table, ref_schema = self.target_table(target)
        name = self.text_option(deco, "pivotTable") or naming.join_table(table.name, member.name)
        schema = table.schema
        if "." in name:  # `pivotTable: 'schema.table'`
            schema, name = name.split(".", 1)
        line, column = owner.file.place(member.node)
        link = ModelTable(name, owner.file.shown, line, column, schema=schema)
        mine_given = self.names(deco, "joinColumn", "joinColumns")
        theirs_given = self.names(deco, "inverseJoinColumn", "inverseJoinColumns")
        own_table = self.by_class[cls.name].name
        same = target == cls.name
        sides = (
            (mine_given, self.keys(cls.name), own_table, table.schema, "_1" if same else ""),
            (theirs_given, self.keys(target), ref_table, ref_schema, "_2" if same else ""),
        )
        for given, keys, ref, ref_schema_, mark in sides:
            cols: list[str] = []
            for i, (key, kind) in enumerate(keys):
                col = given[i] if i < len(given) else naming.join_key(ref + mark, key)
                cols.append(col)
                _add(link, ModelColumn(col, line, column, kind, None, True))
            link.foreign_keys.append(ForeignKey(tuple(cols), ref, tuple(k[0] for k in keys), ref_schema_))
        self.out.append(link)


def _type_name(node: Node, file: SourceFile) -> str | None:
    """`types.text` / `t.text` -> `text`; `JsonType` / `new JsonType()` -> `json`; None for anything else."""
    if node.type == "new_expression":
        node = node.child_by_field_name("constructor") or node
    if node.type == "member_expression":
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        if obj is not None and prop is not None and file.text(obj) in ("types", "t"):
            return file.text(prop)
        return None
    if node.type == "identifier":
        name = file.text(node)
        if name.endswith("Type") and len(name) > 4:
            return name[:-4].lower()
    return None


def _initial_type(member: Field, file: SourceFile) -> str | None:
    """The type of a property's initial value when its type is not written (`createdAt = new Date()`)."""
    value = member.node.child_by_field_name("value")
    if value is None:
        return None
    if value.type == "new_expression":
        made = value.child_by_field_name("constructor")
        return file.text(made) if made is not None and file.text(made) == "Date" else None
    return {
        "string": "string",
        "template_string": "string",
        "number": "number",
        "true": "boolean",
        "false": "boolean",
    }.get(value.type)


def _add(table: ModelTable, column: ModelColumn) -> None:
    """Add a column unless the table has one of that name: the first mapping stays.

    A property that holds the key beside its relation (`@Property() author_id` and
    `@ManyToOne({ fieldName: 'author_id' }) author`) is one column.
    """
    if table.named(column.name) is None:
        table.add(column)


def _elsewhere(cls: TsClass, table: ModelTable) -> str | None:
    """The file of a column written outside its table's file (a parent class, an embeddable)."""
    return cls.file.shown if cls.file.shown != table.path else None
