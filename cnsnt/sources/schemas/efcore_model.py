"""An Entity Framework Core model (entities, owned types, relationships) mapped to tables as EF maps it.

The snapshot reader fills these from `BuildModel`; the mapping follows EF Core's rules:

- an entity's table is `ToTable(name, schema)`, else its type's name; `ToTable(null)`
  maps no table, `ToView(name)` a view;
- a derived entity (`HasBaseType`) shares its root's table (TPH, EF's default) unless it
  has a table of its own: then that table holds the key and its own properties (TPT), or
  every inherited property too when the root says `UseTpcMappingStrategy` (then an
  abstract root or intermediate type, `ToTable(null)`, has no table);
- an owned type (`OwnsOne`) lives in its owner's table, its columns named
  `<Navigation>_<Property>` (nested ones `<Outer>_<Inner>_<Property>`); its key is the
  owner's key. An owned type with a table of its own (`OwnsMany`, or `ToTable` naming
  another table) is a table keyed to its owner; `ToJson()` stores it in one JSON column;
- `HasOne(principal).WithMany().HasForeignKey(props)` is a foreign key of the dependent's
  table to the principal's key (or `HasPrincipalKey`); with `WithOne`, `HasForeignKey`
  names the dependent type first.

Column types are those `HasColumnType` gives; without it (EF Core 2 snapshots, or a
property EF maps by convention) the CLR type's type under SQL Server, EF's reference
provider (`string` is `nvarchar(max)`, or `nvarchar(n)` with `HasMaxLength(n)`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cnsnt.evidence import ForeignKey
from cnsnt.sources.schemas.common import ModelColumn, ModelTable

#: CLR types -> the column type SQL Server's EF Core provider creates for them.
CLR_TYPES: dict[str, str] = {
    "string": "nvarchar(max)",
    "String": "nvarchar(max)",
    "int": "int",
    "Int32": "int",
    "long": "bigint",
    "Int64": "bigint",
    "short": "smallint",
    "Int16": "smallint",
    "byte": "tinyint",
    "Byte": "tinyint",
    "bool": "bit",
    "Boolean": "bit",
    "decimal": "decimal(18,2)",
    "Decimal": "decimal(18,2)",
    "double": "float",
    "Double": "float",
    "float": "real",
    "Single": "real",
    "char": "nvarchar(1)",
    "DateTime": "datetime2",
    "DateTimeOffset": "datetimeoffset",
    "DateOnly": "date",
    "TimeOnly": "time",
    "TimeSpan": "time",
    "Guid": "uniqueidentifier",
    "byte[]": "varbinary(max)",
    "Byte[]": "varbinary(max)",
}


@dataclass
class Prop:
    """A scalar property of an entity, at the place it is declared."""

    name: str
    clr: str | None
    line: int
    column: int
    column_name: str | None = None
    sql_type: str | None = None
    max_length: int | None = None
    comment: str | None = None
    path: str | None = None
    """The file it is declared in when not its entity's."""

    def type(self) -> str | None:
        """`HasColumnType`, else SQL Server's type for the CLR type."""
        if self.sql_type:
            return self.sql_type
        clr = (self.clr or "").removesuffix("?").split(".")[-1]
        base = CLR_TYPES.get(clr)
        if base is not None and self.max_length is not None and base.endswith("(max)"):
            return f"{base[: -len('(max)')]}({self.max_length})"
        return base


@dataclass
class Relation:
    """`HasOne(target, navigation).WithMany()/WithOne().HasForeignKey(...)`, as declared on an entity."""

    target: str
    foreign_key: tuple[str, ...]
    principal_key: tuple[str, ...] = ()
    dependent: str | None = None
    """With `WithOne`: the dependent entity `HasForeignKey` names (the entity or the target)."""


@dataclass
class Entity:
    """One entity type (or owned type) with what decides its table and columns."""

    name: str
    """As EF names it: `Ns.Type` (the snapshot's string), or the class name."""
    path: str
    line: int
    column: int
    props: dict[str, Prop] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    table: str | None = None
    schema: str | None = None
    no_table: bool = False
    """`ToTable((string)null)`: mapped to no table."""
    view: str | None = None
    view_schema: str | None = None
    comment: str | None = None
    base: str | None = None
    strategy: str | None = None
    """`tpc`, `tpt` or `tph` when the entity says (`UseTpcMappingStrategy()`)."""
    relations: list[Relation] = field(default_factory=list)
    owned: dict[str, Owned] = field(default_factory=dict)
    owner_key: tuple[str, ...] = ()
    """An owned type's `WithOwner().HasForeignKey(...)`."""

    def add(self, prop: Prop) -> Prop:
        """A property, merged with an earlier declaration of the same name (facets the later one sets win)."""
        old = self.props.get(prop.name)
        if old is None:
            self.props[prop.name] = prop
            return prop
        old.clr = old.clr or prop.clr
        old.column_name = prop.column_name or old.column_name
        old.sql_type = prop.sql_type or old.sql_type
        old.max_length = prop.max_length if prop.max_length is not None else old.max_length
        old.comment = prop.comment or old.comment
        return old


@dataclass
class Owned:
    """`OwnsOne`/`OwnsMany(type, navigation, b1 => ...)`."""

    navigation: str
    many: bool
    entity: Entity
    json: str | None = None
    """`ToJson()`: the JSON column it is stored in."""


def simple_name(name: str) -> str:
    """`Ns.Blog` -> `Blog`; `Microsoft.AspNetCore.Identity.IdentityUserRole<string>` -> `IdentityUserRole`."""
    return name.split("<", 1)[0].rsplit(".", 1)[-1]


@dataclass
class _Home:
    """Where an entity's columns went: its table and the prefix of default column names."""

    table: ModelTable
    prefix: str
    entity: Entity
    skipped: frozenset[str] = frozenset()
    """Properties with no column of their own (an owned type's key in its owner's table)."""


class Mapper:
    """Entities of one model -> tables, with columns, keys, comments and foreign keys."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.by_name = {e.name: e for e in entities}
        self.out: list[ModelTable] = []
        self.homes: dict[int, _Home] = {}
        self._tables: dict[tuple[str, str | None], ModelTable] = {}

    def tables(self) -> list[ModelTable]:
        """Every table of the model, in the order the model declares them."""
        for entity in self.entities:
            if entity.base is None or entity.base not in self.by_name:
                self._place(entity)
        for entity in self.entities:
            if entity.base is not None and entity.base in self.by_name:
                self._place_derived(entity)
        for home in list(self.homes.values()):
            self._relations(home)
            if not home.prefix:  # its own table, or its hierarchy's (not an owned type's columns)
                home.table.classes.append(simple_name(home.entity.name))
        return self.out

    # ---- tables

    def root(self, entity: Entity) -> Entity:
        """The root of an entity's hierarchy (a cycle stops the climb)."""
        seen = {entity.name}
        current = entity
        while current.base is not None and current.base in self.by_name and current.base not in seen:
            current = self.by_name[current.base]
            seen.add(current.name)
        return current

    def _ancestors(self, entity: Entity) -> list[Entity]:
        """The root first, down to (and with) the entity."""
        chain = [entity]
        seen = {entity.name}
        while chain[-1].base is not None and chain[-1].base in self.by_name and chain[-1].base not in seen:
            parent = self.by_name[chain[-1].base]
            chain.append(parent)
            seen.add(parent.name)
        return list(reversed(chain))

    def _table(self, entity: Entity, name: str, schema: str | None, view: bool = False) -> ModelTable:
        key = (name.casefold(), (schema or "").casefold() or None)
        table = self._tables.get(key)
        if table is None:
            table = ModelTable(name, entity.path, entity.line, entity.column, schema=schema, is_view=view)
            self._tables[key] = table
            self.out.append(table)
        table.comment = table.comment or entity.comment
        return table

    def _own_table(self, entity: Entity) -> ModelTable | None:
        if entity.view is not None and (entity.no_table or entity.table is None):
            return self._table(entity, entity.view, entity.view_schema, view=True)
        if entity.no_table:
            return None
        return self._table(entity, entity.table or simple_name(entity.name), entity.schema)

    def _place(self, entity: Entity) -> None:
        table = self._own_table(entity)
        if table is None:
            return
        self._columns(entity, table, "", entity.keys, entity.props.values())
        self.homes[id(entity)] = _Home(table, "", entity)
        self._owned(entity, table, "")

    def _place_derived(self, entity: Entity) -> None:
        root = self.root(entity)
        root_home = self.homes.get(id(root))
        tpc = root.strategy == "tpc"
        if root_home is None and not tpc:
            return  # a hierarchy mapped to no table (`ToTable(null)`, a view's)
        mine = entity.table is not None and (
            root_home is None
            or (entity.table.casefold(), entity.schema)
            != (root_home.table.name.casefold(), root_home.table.schema)
        )
        if not mine:
            if root_home is None or (tpc and entity.no_table):
                return  # TPC: an abstract type's columns are in its concrete types' tables
            # TPH: one table for the hierarchy
            self._columns(entity, root_home.table, "", root.keys, entity.props.values())
            self.homes[id(entity)] = _Home(root_home.table, "", entity)
            self._owned(entity, root_home.table, "")
            return
        table = self._own_table(entity)
        if table is None:
            return
        chain = self._ancestors(entity)
        if tpc or root_home is None:
            props = [p for e in chain for p in e.props.values()]
        else:  # TPT: the key, then what this type adds; the key refers to the parent type's table
            props = [root.props[k] for k in root.keys if k in root.props] + list(entity.props.values())
            parent = next((e for e in reversed(chain[1:-1]) if e.table is not None and not e.no_table), root)
            ref_table, ref_schema = root_home.table.name, root_home.table.schema
            if parent is not root and parent.table is not None:
                ref_table, ref_schema = parent.table, parent.schema
            keys = tuple(self._column_of(root_home, k) for k in root.keys)
            table.foreign_keys.append(ForeignKey(keys, ref_table, keys, ref_schema))
        self._columns(entity, table, "", root.keys, props)
        self.homes[id(entity)] = _Home(table, "", entity)
        self._owned(entity, table, "")

    def _columns(
        self,
        entity: Entity,
        table: ModelTable,
        prefix: str,
        keys: list[str],
        props: Iterable[Prop],
        skipped: frozenset[str] = frozenset(),
    ) -> None:
        for prop in props:
            if prop.name in skipped:
                continue
            name = prop.column_name or f"{prefix}{prop.name}"
            where = prop.path if prop.path is not None and prop.path != table.path else _other(entity, table)
            _add(
                table,
                ModelColumn(
                    name,
                    prop.line,
                    prop.column,
                    prop.type(),
                    prop.comment,
                    not prefix and prop.name in keys,
                    where,
                ),
            )

    def _owned(self, owner: Entity, table: ModelTable, prefix: str, depth: int = 0) -> None:
        """The owned types of an entity (or of an owned type), in their owner's table or their own."""
        if depth > 32:
            return
        for owned in owner.owned.values():
            child = owned.entity
            if owned.json is not None:
                where = _other(child, table)
                _add(
                    table, ModelColumn(f"{prefix}{owned.json}", child.line, child.column, "json", path=where)
                )
                continue
            shared = not owned.many and (
                child.table is None
                or (child.table.casefold(), child.schema) == (table.name.casefold(), table.schema)
            )
            if shared:
                inner = f"{prefix}{owned.navigation}_"
                skipped = frozenset(child.keys) | frozenset(child.owner_key)
                self._columns(child, table, inner, [], child.props.values(), skipped)
                self.homes[id(child)] = _Home(table, inner, child, skipped)
                self._owned(child, table, inner, depth + 1)
                continue
            own = self._table(child, child.table or simple_name(child.name), child.schema or table.schema)
            self._columns(child, own, "", child.keys, child.props.values())
            self.homes[id(child)] = _Home(own, "", child)
            fk = child.owner_key or (tuple(child.keys) if not owned.many else ())
            owner_home = self.homes.get(id(owner))
            if fk and owner_home is not None:
                ref = self._key_columns(owner_home)
                own.foreign_keys.append(
                    ForeignKey(
                        tuple(self._column_of(self.homes[id(child)], p) for p in fk),
                        table.name,
                        ref,
                        table.schema,
                    )
                )
            self._owned(child, own, "", depth + 1)

    # ---- relationships

    def _column_of(self, home: _Home, prop: str) -> str:
        """The column a property of the entity at `home` maps to (declared on it or a parent)."""
        for entity in [home.entity, *reversed(self._ancestors(home.entity)[:-1])]:
            found = entity.props.get(prop)
            if found is not None:
                return found.column_name or f"{home.prefix}{prop}"
        return f"{home.prefix}{prop}"

    def _key_columns(self, home: _Home, principal: tuple[str, ...] = ()) -> tuple[str, ...]:
        keys = principal or tuple(self.root(home.entity).keys) or ("Id",)
        return tuple(self._column_of(home, k) for k in keys)

    def _relations(self, home: _Home) -> None:
        entity = home.entity
        for rel in entity.relations:
            dependent: Entity | None = entity
            principal, principal_name = self.by_name.get(rel.target), rel.target
            if rel.dependent is not None and rel.dependent != entity.name:
                dependent, principal, principal_name = self.by_name.get(rel.dependent), entity, entity.name
            dep_home = home if dependent is entity else self.homes.get(id(dependent)) if dependent else None
            if dep_home is None or not rel.foreign_key:
                continue
            if any(p in dep_home.skipped for p in rel.foreign_key):
                continue  # an owned type's link to its owner: the owner's own key
            columns = tuple(self._column_of(dep_home, p) for p in rel.foreign_key)
            prin_home = self.homes.get(id(principal)) if principal is not None else None
            if prin_home is not None:
                ref_table, ref_schema = prin_home.table.name, prin_home.table.schema
                refs = self._key_columns(prin_home, rel.principal_key)
            else:  # an entity of another model (Identity's, a shared kernel): EF's default names
                ref_table, ref_schema = simple_name(principal_name), None
                refs = rel.principal_key or ("Id",)
            key = ForeignKey(columns, ref_table, refs, ref_schema)
            if key not in dep_home.table.foreign_keys:
                dep_home.table.foreign_keys.append(key)


def _other(entity: Entity, table: ModelTable) -> str | None:
    return entity.path if entity.path != table.path else None


def _add(table: ModelTable, column: ModelColumn) -> None:
    """Add a column unless the table has it: two types of a hierarchy may share one (TPH)."""
    existing = table.named(column.name)
    if existing is not None:
        existing.primary_key = existing.primary_key or column.primary_key
        existing.type = existing.type or column.type
        existing.comment = existing.comment or column.comment
        return
    table.add(column)
