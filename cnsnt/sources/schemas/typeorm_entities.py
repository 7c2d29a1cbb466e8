"""Schema evidence from TypeORM entities (TypeScript), parsed with tree-sitter's TypeScript grammar.

The files are parsed, never compiled or run (`tree-sitter-typescript`, prebuilt wheels);
tree-sitter recovers from errors, so the rest of a damaged file is still read. Read
from it (decorators by simple name):

- `@Entity()` / `@Entity('name')` / `@Entity({ name, schema, comment })` classes are
  tables, named by the decorator, else the class name in snake_case (TypeORM's
  `DefaultNamingStrategy`); `@ViewEntity` classes are views (their `@ViewColumn`s);
- columns: `@Column` (`@Column('varchar', { length: 100 })`, `{ name, type, length,
  precision, scale, comment }`), `@PrimaryGeneratedColumn`, `@PrimaryColumn`,
  `@CreateDateColumn`, `@UpdateDateColumn`, `@DeleteDateColumn`, `@VersionColumn`,
  `@ObjectIdColumn`; a column keeps its property's name unless given one; its type is
  the one given, else the property's TypeScript type (`string` is `varchar`, `number`
  `integer`, `boolean`, `Date` `timestamp`, `Buffer` `blob`);
- `@ManyToOne`, and `@OneToOne` with `@JoinColumn`, are key columns to the target's table
  (`@JoinColumn({ name })`, by default `<property>` + `<key>` camel-cased: `authorId`);
  `@ManyToMany` with `@JoinTable` is a join table (`post_categories_category` with
  `postId` and `categoryId`);
- columns of parent classes (an abstract `BaseEntity` with `id` and `createdAt`) are
  every entity's below them; `@ChildEntity` classes put theirs in their parent's table
  (single-table inheritance, with its `type` discriminator); `@Column(() => Name)`
  embeds a class's columns, prefixed (`nameFirst`);
- `comment:` is the column's (or table's) comment.

Files named `*.spec.ts` (`*.e2e-spec.ts`), `*.test.ts` or `*.d.ts`, and files that do not mention
`typeorm` (MikroORM has an `@Entity()` too), are passed over.

Names: a project whose `package.json` depends on `typeorm-naming-strategies` is read with
its `SnakeNamingStrategy` (`firstName` -> `first_name`), which such projects configure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, enum_type
from cnsnt.sources.schemas.ts_decorated import DecoratedClasses, read_entities
from cnsnt.sources.schemas.typeorm_naming import Naming, snake_naming
from cnsnt.sources.schemas.typeorm_syntax import (
    Decorator,
    Field,
    Node,
    Target,
    TsClass,
    enum_values,
)

#: TypeScript property types -> the column type TypeORM gives them (PostgreSQL's names).
TS_TYPES = {
    "string": "varchar",
    "String": "varchar",
    "number": "integer",
    "Number": "integer",
    "boolean": "boolean",
    "Boolean": "boolean",
    "Date": "timestamp",
    "Buffer": "blob",
    "bigint": "bigint",
}
#: Column decorators -> (primary key, the type when none is given: None is the property's).
COLUMNS: dict[str, tuple[bool, str | None]] = {
    "Column": (False, None),
    "PrimaryColumn": (True, None),
    "PrimaryGeneratedColumn": (True, "integer"),
    "CreateDateColumn": (False, "timestamp"),
    "UpdateDateColumn": (False, "timestamp"),
    "DeleteDateColumn": (False, "timestamp"),
    "VersionColumn": (False, "integer"),
    "ObjectIdColumn": (True, "objectid"),
    "ViewColumn": (False, None),
}
#: Types whose `length` option is their size (`varchar(100)`).
_SIZED = frozenset(
    {"varchar", "character varying", "char", "character", "nvarchar", "nchar", "varchar2", "nvarchar2",
     "national varchar", "national char", "varbinary", "binary", "string"}
)  # fmt: skip
_DECIMAL = frozenset({"decimal", "numeric", "dec", "number"})
#: The decorators that make a class a table (or a view).
ENTITY = ("Entity", "ViewEntity")
#: TypeORM's decorators with those endings that are no column and no table.
_NOT_WRAPPERS = frozenset({"JoinColumn", "ChildEntity"})


def column_decorator(decorators: dict[str, Decorator]) -> Decorator | None:
    """A property's column decorator: TypeORM's own, else a project's wrapper of one.

    Projects wrap `@Column` to adapt it (`@DbAwareColumn({ type: 'timestamptz' })`,
    `@FeatureFlagColumn('flag', { nullable: true })`): a decorator named `...Column` is
    read as a column from its options object (its other arguments are the wrapper's own).
    """
    for name in COLUMNS:
        if name in decorators:
            return decorators[name]
    return next((d for n, d in decorators.items() if n.endswith("Column") and n not in _NOT_WRAPPERS), None)


def _wrapper(name: str) -> bool:
    """A project's own `...Column` / `...Entity` decorator (not TypeORM's)."""
    return (
        name.endswith(("Column", "Entity"))
        and name not in COLUMNS
        and name not in ENTITY
        and (name not in _NOT_WRAPPERS)
    )


def entity_decorator(decorators: dict[str, Decorator]) -> Decorator | None:
    """A class's `@Entity` / `@ViewEntity`, else a project's wrapper of `@Entity` (`@FeatureFlagEntity`)."""
    for name in ENTITY:
        if name in decorators:
            return decorators[name]
    return next((d for n, d in decorators.items() if n.endswith("Entity") and n not in _NOT_WRAPPERS), None)


#: What a TypeScript file that maps entities shows: a quick look before parsing it.
MARKERS = ("@Entity", "@ViewEntity", "@ChildEntity", "Column(")


def maps_entities(text: str) -> bool:
    """Whether a TypeScript file may map TypeORM entities or their columns (before parsing it).

    It names TypeORM (its import): MikroORM's `@Entity()` is another ORM's.
    """
    return "typeorm" in text and any(m in text for m in MARKERS)


def read_typeorm(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's TypeORM entities map to (all its files at once: parents may be elsewhere)."""
    naming = Naming(snake_naming(paths, ctx.base_dir))
    return read_entities(
        paths,
        spec,
        ctx,
        maps_entities,
        lambda classes, constants, problems: Mapper(classes, constants, naming, problems),
        "@Entity class",
    )


class Mapper(DecoratedClasses):
    """Entity classes -> tables, with the project's naming strategy."""

    def __init__(
        self, classes: list[TsClass], constants: dict[str, Any], naming: Naming, problems: list[SourceProblem]
    ) -> None:
        super().__init__(classes, constants, problems)
        self.entities = [
            c for c in classes if entity_decorator(c.decorators) is not None and self.classes.get(c.name) is c
        ]
        self.children = [
            c for c in classes if "ChildEntity" in c.decorators and self.classes.get(c.name) is c
        ]
        self.naming = naming
        self.by_class: dict[str, ModelTable] = {}
        self.out: list[ModelTable] = []
        self._keys: dict[str, list[tuple[str, str, str | None]]] = {}

    # ---- values

    def first(self, deco: Decorator | None) -> Any:
        """The first argument when it is not the options object (`'users'`, `'varchar'`, `() => User`).

        A project's wrapper (`@FeatureFlagColumn('flag', {...})`) has arguments of its own: none is read.
        """
        if deco is None or not deco.args or deco.args[0].type == "object" or _wrapper(deco.name):
            return None
        return self.value(deco, deco.args[0], "first argument")

    # ---- classes

    def entity_decorator(self, cls: TsClass) -> Decorator | None:
        """`@Entity(...)` or `@ViewEntity(...)` of a class, if it has one."""
        return entity_decorator(cls.decorators)

    def table_name(self, cls: TsClass) -> str:
        """An entity's table: `@Entity('x')` or `@Entity({ name: 'x' })`, else its class name snake_cased."""
        deco = self.entity_decorator(cls)
        given = self.first(deco)
        if not isinstance(given, str) or not given:
            given = self.text_option(deco, "name")
        return self.naming.table(cls.name, given)

    def schema(self, cls: TsClass) -> str | None:
        """`@Entity({ schema: 'x' })`."""
        return self.text_option(self.entity_decorator(cls), "schema")

    def tables(self) -> list[ModelTable]:
        """Entity tables and views, then single-table children, then join tables."""
        for cls in self.entities:
            self._guard(cls, self._entity_table)
        for cls in self.children:
            self._guard(cls, self._child)
        for cls in self.entities:
            self._guard(cls, self._join_tables)
        return self.out

    def _entity_table(self, cls: TsClass) -> None:
        deco = self.entity_decorator(cls)
        line, column = cls.file.place(cls.node)
        table = ModelTable(
            self.table_name(cls),
            cls.file.shown,
            line,
            column,
            schema=self.schema(cls),
            comment=self.text_option(deco, "comment"),
            is_view=deco is not None and deco.name == "ViewEntity",
        )
        self.out.append(table)
        self.by_class[cls.name] = table
        for owner in self.lineage(cls):
            self._columns(owner, table, owner.fields, [], 0)
        inheritance = cls.decorators.get("TableInheritance")
        if inheritance is not None:
            self._discriminator(cls, inheritance, table)

    def _discriminator(self, cls: TsClass, inheritance: Decorator, table: ModelTable) -> None:
        """`@TableInheritance({ column: { name, type } })`: the column telling children apart (`type`)."""
        spec = self.option(inheritance, "column")
        name, kind = "type", "varchar"
        if isinstance(spec, dict):
            name_value = self.value(inheritance, spec.get("name"), "name")
            type_value = self.value(inheritance, spec.get("type"), "type")
            name = name_value if isinstance(name_value, str) and name_value else name
            kind = type_value if isinstance(type_value, str) and type_value else kind
        line, column = cls.file.place(inheritance.node)
        _add(table, ModelColumn(self.naming.column(name, name, []), line, column, kind))

    def _child(self, cls: TsClass) -> None:
        """`@ChildEntity()`: its columns (and its parents' below the entity) go in the entity's table."""
        lineage = self.lineage(cls)
        top = next((i for i, c in enumerate(lineage) if c.name in self.by_class), None)
        if top is None:
            return
        table = self.by_class[lineage[top].name]
        self.by_class.setdefault(cls.name, table)
        for owner in lineage[top + 1 :]:
            self._columns(owner, table, owner.fields, [], 0, keep_first=True)

    # ---- columns

    def _columns(
        self,
        owner: TsClass,
        table: ModelTable,
        fields: list[Field],
        prefixes: list[str],
        depth: int,
        keep_first: bool = False,
    ) -> None:
        for member in fields:
            decos = member.decorators
            deco = column_decorator(decos)
            if deco is not None:
                self._column(owner, table, member, deco, prefixes, depth, keep_first)
            elif not prefixes and ("ManyToOne" in decos or ("OneToOne" in decos and "JoinColumn" in decos)):
                self._to_one(owner, table, member)

    def _column(
        self,
        owner: TsClass,
        table: ModelTable,
        member: Field,
        deco: Decorator,
        prefixes: list[str],
        depth: int,
        keep_first: bool,
    ) -> None:
        first = self.first(deco)
        if isinstance(first, Target) and first.name not in TS_TYPES:
            self._embedded(owner, table, member, deco, first.name, prefixes, depth)
            return
        primary, default_type = COLUMNS.get(deco.name, (False, None))
        primary = primary or self.option(deco, "primary") is True
        line, column = owner.file.place(member.node)
        name = self.naming.column(member.name, self.text_option(deco, "name"), prefixes)
        col = ModelColumn(
            name,
            line,
            column,
            self._enum_type(deco) or self._type(deco, member, first, default_type),
            self.text_option(deco, "comment"),
            primary,
            _elsewhere(owner, table),
        )
        if keep_first:
            _add(table, col)
        else:
            table.add(col)

    def _enum_type(self, deco: Decorator) -> str | None:
        """`enum: Sex` (a TS enum of the project) or `enum: ['f', 'm']` as `enum('f','m') /* Sex */`.

        `enumName:` names it when given. None when the values cannot be read (computed).
        """
        node = self.options(deco).get("enum")
        if node is None:
            return None
        declared = enum_values(node, deco.file, self.constants)
        if declared is None:
            return None
        values, name = declared
        return enum_type(values, self.text_option(deco, "enumName") or name)

    def _type(self, deco: Decorator, member: Field, first: Any, default: str | None) -> str | None:
        """The type given (`type:` or the first argument), else the decorator's, else the property's."""
        # a type from code (`resolveDbType('timestamptz')`) is said only when the property's
        # own type cannot stand in for it: the column is read either way
        fallback = default or (None if member.array else TS_TYPES.get(member.type or ""))
        node = self.options(deco).get("type")
        given = self.value(deco, node, "type", quiet=fallback is not None) if node is not None else None
        if given is None and deco.name in ("PrimaryColumn", "Column"):
            given = first
        if deco.name == "PrimaryGeneratedColumn":
            strategy = first if isinstance(first, str) else None
            given = given or ("uuid" if strategy == "uuid" else None)
        if isinstance(given, Target):
            given = TS_TYPES.get(given.name)
        if not isinstance(given, str) or not given:
            given = fallback
        if not isinstance(given, str):
            return None  # a union of literals, an array: TypeORM needs the type given
        given = given.lower()
        length = self.option(deco, "length")
        if (
            given in _SIZED
            and isinstance(length, (int, str))
            and not isinstance(length, bool)
            and str(length)
        ):
            return f"{given}({length})"
        if given in _DECIMAL:
            precision, scale = self.option(deco, "precision"), self.option(deco, "scale")
            if isinstance(precision, int) and not isinstance(precision, bool):
                return f"{given}({precision},{scale if isinstance(scale, int) else 0})"
        return given

    def _embedded(
        self,
        owner: TsClass,
        table: ModelTable,
        member: Field,
        deco: Decorator,
        target: str,
        prefixes: list[str],
        depth: int,
    ) -> None:
        """`@Column(() => Name, { prefix })`: the embedded class's columns, prefixed."""
        embedded = self.classes.get(target)
        if embedded is None or depth > 8:
            return
        prefix = self.option(deco, "prefix")
        if prefix is False:
            inner = prefixes
        else:
            inner = [*prefixes, prefix if isinstance(prefix, str) else member.name]
        for part in self.lineage(embedded):
            self._columns(part, table, part.fields, inner, depth + 1)

    # ---- relations

    def keys(self, target: str) -> list[tuple[str, str, str | None]]:
        """An entity's key columns as (property, column, type); `id` when the entity is not in the entry."""
        if target in self._keys:
            return self._keys[target]
        cls = self.classes.get(target)
        found: list[tuple[str, str, str | None]] = []
        if cls is not None:
            probe = ModelTable("", cls.file.shown, 1, 1)
            props: dict[str, str] = {}
            for owner in self.lineage(cls):
                for member in owner.fields:
                    deco = column_decorator(member.decorators)
                    primary = deco is not None and COLUMNS.get(deco.name, (False, None))[0]
                    if deco is None or not (primary or self.option(deco, "primary") is True):
                        continue
                    self._column(owner, probe, member, deco, [], 0, False)
                    props[probe.columns[-1].name] = member.name
            found = [(props[c.name], c.name, c.type) for c in probe.columns if c.name in props]
        found = found or [("id", self.naming.column("id", None, []), None)]
        self._keys[target] = found
        return found

    def target_table(self, target: str) -> tuple[str, str | None]:
        """(table, schema) of a relation's target; a class not in the entry is named as TypeORM would."""
        cls = self.classes.get(target)
        if cls is None or self.entity_decorator(cls) is None:
            return self.naming.table(target, None), None
        return self.table_name(cls), self.schema(cls)

    def relation_target(self, deco: Decorator, member: Field) -> str | None:
        """`() => User`, `type => User` or `'User'`; else the property's type."""
        first = self.first(deco)
        if isinstance(first, Target) and isinstance(first.name, str):
            return first.name
        if isinstance(first, str) and first:
            return first
        return member.type

    def _joins(self, deco: Decorator | None, key: str | None = None) -> list[dict[str, Node]]:
        """`@JoinColumn({...})`, `@JoinColumn([{...}, ...])`, or a `@JoinTable` option's columns."""
        if deco is None:
            return []
        node = self.options(deco).get(key) if key is not None else deco.args[0] if deco.args else None
        found = self.value(deco, node, key or "join column")
        items = [found] if isinstance(found, dict) else found if isinstance(found, list) else []
        out: list[dict[str, Node]] = []
        for item in items:
            value = item if isinstance(item, dict) else self.value(deco, item, "join column")
            if isinstance(value, dict):
                out.append(value)
        return out

    def _join_name(self, deco: Decorator, joins: list[dict[str, Node]], prop: str) -> str | None:
        """The `name` of the join column for the referenced property `prop` (TypeORM's matching)."""
        for join in joins:
            ref = self.value(deco, join.get("referencedColumnName"), "referencedColumnName")
            name = self.value(deco, join.get("name"), "name")
            if (not ref or ref == prop) and isinstance(name, str) and name:
                return name
        return None

    def _referenced(
        self, deco: Decorator | None, joins: list[dict[str, Node]], target: str
    ) -> list[tuple[str, str, str | None]]:
        """The target's columns a relation references: its keys, or the `referencedColumnName`s."""
        keys = self.keys(target)
        named = (
            [self.value(deco, j.get("referencedColumnName"), "referencedColumnName") for j in joins]
            if deco
            else []
        )
        named = [n for n in named if isinstance(n, str) and n]
        if not named:
            return keys
        cls = self.classes.get(target)
        out: list[tuple[str, str, str | None]] = []
        for prop in named:
            key = next((k for k in keys if k[0] == prop), None)
            if key is None and cls is not None:
                probe = ModelTable("", cls.file.shown, 1, 1)
                for owner in self.lineage(cls):
                    fields = [f for f in owner.fields if f.name == prop]
                    self._columns(owner, probe, fields, [], 0)
                key = (prop, probe.columns[-1].name, probe.columns[-1].type) if probe.columns else None
            out.append(key or (prop, self.naming.column(prop, None, []), None))
        return out

    def _to_one(self, owner: TsClass, table: ModelTable, member: Field) -> None:
        decos = member.decorators
        relation = decos["ManyToOne"] if "ManyToOne" in decos else decos["OneToOne"]
        target = self.relation_target(relation, member)
        if not target:
            return
        join = decos.get("JoinColumn")
        joins = self._joins(join)
        ref_table, ref_schema = self.target_table(target)
        line, column = owner.file.place(member.node)
        names: list[str] = []
        refs: list[str] = []
        for prop, ref_column, kind in self._referenced(join, joins, target):
            given = self._join_name(join, joins, prop) if join is not None else None
            name = given or self.naming.join_column(member.name, prop)
            names.append(name)
            refs.append(ref_column)
            _add(table, ModelColumn(name, line, column, kind, None, False, _elsewhere(owner, table)))
        table.foreign_keys.append(ForeignKey(tuple(names), ref_table, tuple(refs), ref_schema))

    def _join_tables(self, cls: TsClass) -> None:
        """`@ManyToMany(...) @JoinTable(...)`: a table of pairs, keyed by both sides."""
        table = self.by_class.get(cls.name)
        if table is None or table.is_view:
            return
        for owner in self.lineage(cls):
            for member in owner.fields:
                if "ManyToMany" in member.decorators and "JoinTable" in member.decorators:
                    self._join_table(owner, cls, table, member)

    def _join_table(self, owner: TsClass, cls: TsClass, table: ModelTable, member: Field) -> None:
        relation = member.decorators["ManyToMany"]
        deco = member.decorators["JoinTable"]
        target = self.relation_target(relation, member)
        if not target:
            return
        ref_table, ref_schema = self.target_table(target)
        name = self.text_option(deco, "name") or self.naming.join_table(table.name, ref_table, member.name)
        line, column = owner.file.place(member.node)
        link = ModelTable(
            name, owner.file.shown, line, column, schema=self.text_option(deco, "schema") or table.schema
        )
        joins = self._joins(deco, "joinColumn") + self._joins(deco, "joinColumns")
        inverse = self._joins(deco, "inverseJoinColumn") + self._joins(deco, "inverseJoinColumns")
        mine = self._link(deco, joins, self._referenced(deco, joins, cls.name), table.name)
        theirs = self._link(deco, inverse, self._referenced(deco, inverse, target), ref_table)
        for a in mine:
            for b in theirs:
                if a[0] == b[0]:  # a self-reference: TypeORM numbers the two sides
                    a[0], b[0] = f"{a[0]}_1", f"{b[0]}_2"
        for cols, ref, schema in ((mine, table.name, table.schema), (theirs, ref_table, ref_schema)):
            for col_name, _, kind in cols:
                _add(link, ModelColumn(col_name, line, column, kind, None, True))
            link.foreign_keys.append(
                ForeignKey(tuple(c[0] for c in cols), ref, tuple(c[1] for c in cols), schema)
            )
        self.out.append(link)

    def _link(
        self,
        deco: Decorator,
        joins: list[dict[str, Node]],
        refs: list[tuple[str, str, str | None]],
        table: str,
    ) -> list[list[Any]]:
        """[column name, referenced column, type] of one side of a join table."""
        out: list[list[Any]] = []
        for prop, ref_column, kind in refs:
            name = self._join_name(deco, joins, prop) or self.naming.join_table_column(table, ref_column)
            out.append([name, ref_column, kind])
        return out


def _add(table: ModelTable, column: ModelColumn) -> None:
    """Add a column unless the table has one of that name: the first mapping stays.

    A property that holds the key beside its relation (`@Column() authorId` and
    `@ManyToOne() author`) is one column.
    """
    if table.named(column.name) is None:
        table.add(column)


def _elsewhere(cls: TsClass, table: ModelTable) -> str | None:
    """The file of a column written outside its table's file (a parent class, an embedded one)."""
    return cls.file.shown if cls.file.shown != table.path else None
