"""An EF Core model read from the code (`DbContext`, entity classes, fluent API), without a snapshot.

Database-first projects and those that call `EnsureCreated()` commit no migrations, so
there is no model snapshot: the model is then built as EF builds it at run time, from
the syntax alone (nothing is compiled):

- each `DbContext` subclass's `DbSet<T> Name` maps entity class `T` to table `Name`;
  `[Table("x", Schema = "s")]` overrides it and `ToTable("x")` overrides both; a class
  reached only by a navigation property, or named by `Entity<T>()` or an applied
  `IEntityTypeConfiguration<T>`, is an entity too (its table named after the class);
- an entity's columns are its public properties with a getter and a setter (or `init`),
  its non-entity base classes' included (`BaseEntity { int Id }`); `[NotMapped]`,
  `Ignore(...)` and navigations are not columns; names and types from `[Column]`,
  `HasColumnName`, `HasColumnType`, else SQL Server's type for the CLR type
  (`efcore_model.CLR_TYPES`; an enum is its underlying integer type);
- the key is `HasKey`, else `[Key]`, else the `Id` or `<Type>Id` property;
- a reference navigation is a foreign key to the target's table through `[ForeignKey]`,
  `HasForeignKey`, or the `<Navigation>Id` / `<Target>Id` property, else a shadow
  column `<Navigation>Id`; a collection navigation with no inverse puts a shadow
  `<Principal>Id` column on the element's table;
- a derived entity shares its root's table with a `Discriminator` column (TPH) unless
  the root says `UseTptMappingStrategy()`/`UseTpcMappingStrategy()` or the derived type
  has a table of its own (`ToTable`, `[Table]`): then each type has its own table (its
  `DbSet`'s name, else its class's; none for an abstract type under TPC);
- `[Owned]` classes and `OwnsOne`/`OwnsMany` are owned types (`efcore_model`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cnsnt.sources.schemas.efcore_classes import ClassDecl, Declarations, Property, TypeRef
from cnsnt.sources.schemas.efcore_fluent import (
    EntityConfig,
    FluentReader,
    Join,
    ModelConfig,
    Owning,
    RawRelation,
)
from cnsnt.sources.schemas.efcore_identity import Identity, identity_of, inherited_props
from cnsnt.sources.schemas.efcore_model import CLR_TYPES, Entity, Owned, Prop, Relation

Node = Any  # tree_sitter.Node

#: Generic types a collection navigation (or an EF 8 primitive collection) is declared with.
COLLECTIONS = frozenset(
    {
        "ICollection", "IList", "List", "IEnumerable", "HashSet", "ISet", "Collection",
        "IReadOnlyCollection", "IReadOnlyList", "ObservableCollection", "SortedSet",
    }
)  # fmt: skip
#: How many classes one model may hold before discovery stops (a guard against hostile input).
_MAX_ENTITIES = 5000
#: How deep base classes and owned types are followed (real models: a few levels).
_DEPTH = 16


def is_context(decl: ClassDecl, decls: Declarations) -> bool:
    """A `DbContext` subclass: a base named `...DbContext` (`IdentityDbContext<User>`), or one that is."""
    seen: set[str] = set()
    current: ClassDecl | None = decl
    while current is not None and current.name not in seen and not current.enum:
        seen.add(current.name)
        base = current.bases[0] if current.bases else None
        if base is None:
            return False
        if base.name.endswith("DbContext") and base.name not in decls.by_name:
            return not _interface_name(base.name)  # `IApplicationDbContext` is no context
        current = decls.by_name.get(base.name)
    return False


def contexts(decls: Declarations) -> list[ClassDecl]:
    """The model's contexts: `DbContext` subclasses no other context of the entry derives from."""
    found = [d for d in decls.by_name.values() if not d.enum and is_context(d, decls)]
    bases = {b.name for d in found for b in d.bases[:1]}
    return sorted((d for d in found if d.name not in bases), key=lambda d: (d.file.shown, d.line))


def configurations(decls: Declarations) -> list[tuple[ClassDecl, str]]:
    """`IEntityTypeConfiguration<T>` classes with their `T`."""
    found = []
    for decl in decls.by_name.values():
        for base in decl.bases:
            if base.name == "IEntityTypeConfiguration" and len(base.args) == 1:
                found.append((decl, base.args[0].name))
    return sorted(found, key=lambda c: (c[0].file.shown, c[0].line))


def referenced(decl: ClassDecl) -> set[str]:
    """Type names a class mentions in its bases and properties (which files may declare them)."""
    names: set[str] = set()
    for ref in [*decl.bases, *(p.type for p in decl.props)]:
        _names(ref, names, 0)
    return names


def _names(ref: TypeRef, out: set[str], depth: int) -> None:
    if depth > _DEPTH:
        return
    out.add(ref.name)
    for arg in ref.args:
        _names(arg, out, depth + 1)


def _attr_text(prop: Property | ClassDecl, name: str, index: int = 0) -> str | None:
    attr = prop.attrs.get(name)
    value = attr.args[index] if attr is not None and len(attr.args) > index else None
    return value if isinstance(value, str) and value else None


def _attr_int(prop: Property, *names: str) -> int | None:
    for name in names:
        attr = prop.attrs.get(name)
        value = attr.args[0] if attr is not None and attr.args else None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


@dataclass
class _Nav:
    prop: Property
    target: str
    many: bool


@dataclass
class _Built:
    entity: Entity
    decl: ClassDecl | None
    config: EntityConfig
    navs: dict[str, _Nav] = field(default_factory=dict)
    """Navigations not yet made a relationship (each is taken once)."""
    all_navs: dict[str, _Nav] = field(default_factory=dict)
    fields: dict[str, Property] = field(default_factory=dict)
    """Every mapped scalar property, inherited ones included (for conventions)."""


class ModelBuilder:
    """One context's model: entity classes + attributes + conventions + fluent API -> `Entity`s."""

    def __init__(self, decls: Declarations, context: ClassDecl, configs: list[tuple[ClassDecl, str]]) -> None:
        self.decls = decls
        self.context = context
        self.configs = configs
        self.model = ModelConfig()
        self.tables: dict[str, str] = {}
        """entity -> table named by its `DbSet` property."""
        self.built: dict[str, _Built] = {}
        self.queue: list[str] = []
        self.identity: Identity | None = None

    def entities(self) -> list[Entity]:
        """The model's entities in the order EF would meet them: `DbSet`s first."""
        chain = self._context_chain()
        for decl in chain:
            for prop in decl.props:
                if prop.type.name == "DbSet" and len(prop.type.args) == 1 and not prop.static:
                    target = prop.type.args[0].name
                    self.tables.setdefault(target, prop.name)
                    self._want(target)
        identity = self.identity = self._identity(chain)
        if identity is not None:  # Identity's OnModelCreating: ToTable("AspNetUsers"), ...
            for slot in identity.slots.values():
                self.model.entity(slot.type_name).table = slot.table
                self._want(slot.type_name)
        self._fluent(chain)
        for name in self.model.order:
            if self.model.entities[name].declared:
                self._want(name)
        while self.queue and len(self.built) < _MAX_ENTITIES:
            self._build(self.queue.pop(0))
        for built in self.built.values():
            self._keys(built)
        if identity is not None:
            self._identity_tables(identity, chain[0])
        self._split_tables()
        self._discriminators()
        for built in list(self.built.values()):
            self._relations(built)
        self._conventions()
        for built in self.built.values():
            _key_strings(built.entity)
        return [b.entity for b in self.built.values()]

    # ---- what is in the model

    def _identity(self, chain: list[ClassDecl]) -> Identity | None:
        """ASP.NET Core Identity's base context, when the root context derives it."""
        base = chain[0].bases[0] if chain and chain[0].bases else None
        user = self.decls.by_name.get(base.args[0].name) if base is not None and base.args else None
        user_base = next((b for b in user.bases if b.name == "IdentityUser"), None) if user else None
        return identity_of(base, user_base)

    def _identity_tables(self, identity: Identity, context: ClassDecl) -> None:
        """Identity's tables: its columns first, then those the project's class for the slot adds."""
        path, line, column = context.file.shown, context.line, context.column
        for slot in identity.slots.values():
            built = self.built.get(slot.type_name)
            if built is None:  # Identity's own class: `Entity<IdentityRole>().ToTable("Roles")` renames it
                config = self.model.entities.get(slot.type_name) or EntityConfig()
                entity = Entity(slot.type_name, path, line, column, table=config.table or slot.table)
                entity.schema = config.schema or self.model.default_schema
                built = self.built[slot.type_name] = _Built(entity, None, config)
            own = built.entity.props
            built.entity.props = {p.name: p for p in identity.props(slot, line, column)}
            for prop in built.entity.props.values():
                prop.path = path if path != built.entity.path else None
            built.entity.props.update(own)
            built.entity.keys = built.config.keys or built.entity.keys or list(slot.keys)
            for relation in identity.relations(slot):
                if relation not in built.entity.relations:
                    built.entity.relations.append(relation)

    def _context_chain(self) -> list[ClassDecl]:
        """The context and its base contexts in the entry, the base first."""
        chain: list[ClassDecl] = []
        current: ClassDecl | None = self.context
        while current is not None and current not in chain and len(chain) < _DEPTH:
            chain.append(current)
            current = self.decls.by_name.get(current.bases[0].name) if current.bases else None
        return list(reversed(chain))

    def _fluent(self, chain: list[ClassDecl]) -> None:
        """Configuration classes (applied, or all: `ApplyConfigurationsFromAssembly`), then the rest."""
        scout = ModelConfig()
        self._model_methods(chain, FluentReader(scout))
        reader = FluentReader(self.model)
        for decl, target in self.configs:
            applied = scout.from_assembly or decl.name in scout.applied
            if not applied and target not in self.tables and target not in scout.entities:
                continue
            config = self.model.entity(target)
            config.declared = config.declared or applied
            for name, node, file in decl.methods:
                param = _single_param(node, file, "EntityTypeBuilder")
                body = node.child_by_field_name("body")
                if name == "Configure" and param is not None and body is not None:
                    reader.entity_builder(config, body, param, file)
        self._model_methods(chain, reader)

    def _model_methods(self, chain: list[ClassDecl], reader: FluentReader) -> None:
        for decl in chain:
            for _, node, file in decl.methods:
                param = _single_param(node, file, "ModelBuilder")
                body = node.child_by_field_name("body")
                if param is not None and body is not None:
                    reader.model_builder(body, param, file)

    def _want(self, name: str) -> None:
        if name in self.built or name in self.queue or name in self.model.ignored:
            return
        decl = self.decls.by_name.get(name)
        if decl is not None and decl.enum:
            return
        if decl is None and not (self.model.entities.get(name) and self.model.entities[name].props):
            return  # a class outside the entry (a library's): nothing known of it
        self.queue.append(name)

    # ---- one entity

    def _build(self, name: str) -> None:
        decl = self.decls.by_name.get(name)
        config = self.model.entities.get(name) or EntityConfig()
        where = decl or _first_prop(config)
        path, line, column = (where.file.shown, where.line, where.column) if where is not None else ("", 1, 1)
        entity = Entity(name, path, line, column)
        built = self.built[name] = _Built(entity, decl, config)
        props: list[Property] = []
        if decl is not None:
            props = self._own_props(decl, entity)
        ignored = config.ignored
        for prop in props:
            collection = prop.type.name in COLLECTIONS and len(prop.type.args) == 1
            if prop.name in ignored or "NotMapped" in prop.attrs or prop.static:
                continue
            if not prop.settable and not (collection and self._entity_type(prop.type.args[0].name)):
                continue  # a get-only collection navigation is still one (EF fills it)
            if not prop.public and prop.name not in config.props:
                continue
            self._member(built, prop)
        for prop_name, fluent in config.props.items():
            if prop_name in ignored or prop_name in built.navs:
                continue
            existing = entity.props.get(prop_name)
            if existing is None:
                if fluent.clr is None and not self._library_base(built.decl):
                    continue  # a property of a base entity (configured on the derived type) or a typo
                existing = entity.add(Prop(prop_name, fluent.clr, fluent.line, fluent.column))
                if fluent.file.shown != entity.path:
                    existing.path = fluent.file.shown
            existing.column_name = fluent.column_name or existing.column_name
            existing.sql_type = fluent.sql_type or existing.sql_type
            existing.max_length = fluent.max_length if fluent.max_length is not None else existing.max_length
            existing.comment = fluent.comment or existing.comment
            if fluent.unicode is False:
                existing.sql_type = existing.sql_type or _ansi(existing)
        self._table(built)
        self._owned(built, entity, config, 0)

    def _own_props(self, decl: ClassDecl, entity: Entity) -> list[Property]:
        """The class's properties and those of its base classes that are not entities (base first)."""
        chain: list[tuple[ClassDecl, dict[str, TypeRef]]] = [(decl, {})]
        current, subst = decl, dict[str, TypeRef]()
        for _ in range(_DEPTH):
            base = next((b for b in current.bases if b.name in self.decls.by_name), None)
            base_decl = self.decls.by_name.get(base.name) if base is not None else None
            if base is None or base_decl is None or base_decl.enum or base_decl in [c for c, _ in chain]:
                break
            if self._is_entity_class(base.name):
                entity.base = base.name
                self._want(base.name)
                break
            args = [subst.get(a.name, a) for a in base.args]
            subst = dict(zip(base_decl.type_params, args, strict=False))
            chain.append((base_decl, subst))
            current = base_decl
        user = self.identity.user if self.identity is not None else None
        outside = user is not None and decl.name != user and user not in self.decls.by_name
        if entity.base is None and outside and any(b.name == user for b in current.bases):
            entity.base = user  # `Doctor : IdentityUser`: TPH in AspNetUsers
        if entity.base is None:
            self._identity_base(decl, current, entity)
        props: dict[str, Property] = {}
        for klass, mapping in reversed(chain):
            for prop in klass.props:
                if prop.type.name in mapping:
                    prop = Property(**{**prop.__dict__, "type": mapping[prop.type.name]})
                props.pop(prop.name, None)  # `new` or override: the derived declaration
                props[prop.name] = prop
        base_entity = self.model.entities.get(decl.name)
        if base_entity is not None and base_entity.base:
            entity.base = base_entity.base
            self._want(base_entity.base)
        return list(props.values())

    def _identity_base(self, decl: ClassDecl, top: ClassDecl, entity: Entity) -> None:
        """`Klant : IdentityUser` in any context: Identity's properties first, as an unmapped base's are.

        Not for the class an Identity context maps to its own table (`_identity_tables`
        gives it those columns), and only for a base the entry does not declare.
        """
        if self.identity is not None and any(s.type_name == decl.name for s in self.identity.slots.values()):
            return
        for base in top.bases:
            if base.name in self.decls.by_name:
                continue
            props = inherited_props(base, top.line, top.column)
            if props is None:
                continue
            for prop in props:
                prop.path = top.file.shown if top.file.shown != entity.path else None
                entity.add(prop)
            return

    def _library_base(self, decl: ClassDecl | None) -> bool:
        """Whether a class (or a base of it in the entry) derives a class the entry does not declare.

        `EntityBase<TId>` of a NuGet package declares `Id`: `Property(x => x.Id)` on the
        entity is then a column of unknown type, not a typo.
        """
        for _ in range(_DEPTH):
            if decl is None or not decl.bases:
                return False
            base = decl.bases[0]
            found = self.decls.by_name.get(base.name)
            if found is None:
                return not _interface_name(base.name)
            decl = found
        return False

    def _is_entity_class(self, name: str) -> bool:
        """Whether a base class is an entity of this model (then its subclasses share its table: TPH)."""
        return (
            name in self.tables
            or name in self.built
            or (name in self.model.entities and self.model.entities[name].declared)
        )

    def _member(self, built: _Built, prop: Property) -> None:
        """A property -> a column, a navigation (its target joins the model), or an owned type."""
        kind = prop.type
        if prop.name in built.config.props:  # `Property(x => x.Status)`: a column whatever its type
            self._column(built, prop, None, clr=self._enum_clr(prop))
            return
        if kind.name in COLLECTIONS and len(kind.args) == 1:
            element = kind.args[0].name
            if self._entity_type(element):
                built.navs[prop.name] = built.all_navs[prop.name] = _Nav(prop, element, True)
                self._want(element)
            elif element in CLR_TYPES:  # EF Core 8 primitive collection: one JSON column
                self._column(built, prop, "nvarchar(max)")
            return
        if kind.name in ("DbSet",) or kind.args:
            return
        if self._owned_type(built, prop):
            return
        if self._entity_type(kind.name):
            built.navs[prop.name] = built.all_navs[prop.name] = _Nav(prop, kind.name, False)
            self._want(kind.name)
            return
        decl = self.decls.by_name.get(kind.name)
        if decl is not None and decl.enum:
            self._column(built, prop, None, clr=decl.enum_base or "int")
            return
        self._column(built, prop, None)

    def _entity_type(self, name: str) -> bool:
        decl = self.decls.by_name.get(name)
        if decl is None:
            return name in self.tables or (name in self.model.entities and self.model.entities[name].declared)
        return not decl.enum and not _owned_class(decl) and name not in self.model.ignored

    def _owned_type(self, built: _Built, prop: Property) -> bool:
        """`[Owned]`/`[ComplexType]` classes and `OwnsOne` navigations: columns of the owner, built later."""
        decl = self.decls.by_name.get(prop.type.name)
        return prop.name in built.config.owned or (decl is not None and _owned_class(decl))

    def _column(self, built: _Built, prop: Property, sql_type: str | None, clr: str | None = None) -> None:
        column = _attr_text(prop, "Column")
        attr = prop.attrs.get("Column")
        type_name = attr.named.get("TypeName") if attr is not None else None
        made = Prop(prop.name, clr or prop.type.text, prop.line, prop.column)
        made.column_name = column
        made.sql_type = type_name if isinstance(type_name, str) and type_name else sql_type
        made.max_length = _attr_int(prop, "MaxLength", "StringLength")
        made.comment = _attr_text(prop, "Comment")
        if prop.file.shown != built.entity.path:
            made.path = prop.file.shown
        unicode = prop.attrs.get("Unicode")
        if unicode is not None and unicode.args and unicode.args[0] is False:
            made.sql_type = made.sql_type or _ansi(made)
        built.entity.add(made)
        built.fields[prop.name] = prop

    def _table(self, built: _Built) -> None:
        entity, config, decl = built.entity, built.config, built.decl
        table = decl is not None and decl.attrs.get("Table")
        if config.base:
            entity.base = config.base
            self._want(config.base)
        derived = entity.base is not None
        entity.table = config.table or (_attr_text(decl, "Table") if decl is not None else None)
        if entity.table is None and not derived:
            entity.table = self.tables.get(entity.name)
        schema = table.named.get("Schema") if table else None
        entity.schema = config.schema or (schema if isinstance(schema, str) and schema else None)
        if entity.table is not None or not derived:
            entity.schema = entity.schema or self.model.default_schema
        entity.no_table = config.no_table
        entity.strategy = config.strategy
        entity.view, entity.view_schema = config.view, config.view_schema
        entity.comment = config.comment or (_attr_text(decl, "Comment") if decl is not None else None)

    def _owned(self, built: _Built, owner: Entity, config: EntityConfig, depth: int) -> None:
        """Owned navigations of an entity (or of an owned type) with their classes' properties."""
        if depth > _DEPTH or built.decl is None and depth == 0:
            return
        decl = built.decl if depth == 0 else self.decls.by_name.get(owner.name)
        props = {p.name: p for p in (decl.props if decl is not None else [])}
        for name, prop in props.items():
            if name in config.ignored or name in config.owned or prop.static or not prop.settable:
                continue
            target = self.decls.by_name.get(prop.type.name)
            if target is not None and _owned_class(target) and "NotMapped" not in prop.attrs:
                config.owned.setdefault(name, Owning(False, target.name, EntityConfig()))
        for nav, owning in config.owned.items():
            declared = props.get(nav)
            args = declared.type.args if declared is not None else ()
            type_name = owning.type_name or (args[0].name if args else None)
            type_name = type_name or (declared.type.name if declared is not None else None)
            if type_name is None:
                continue
            target = self.decls.by_name.get(type_name)
            where = target or declared
            path, line, column = (where.file.shown, where.line, where.column) if where else (owner.path, 1, 1)
            child = Entity(type_name, path, line, column)
            inner = _Built(child, target, owning.config)
            for p in target.props if target is not None else []:
                if p.name in owning.config.ignored or "NotMapped" in p.attrs or p.static or not p.settable:
                    continue
                if p.name in owning.config.owned or (
                    p.type.name in self.decls.by_name and _owned_class(self.decls.by_name[p.type.name])
                ):
                    continue
                self._column(inner, p, None, clr=self._enum_clr(p))
            for key, fluent in owning.config.props.items():
                made = child.props.get(key) or child.add(Prop(key, fluent.clr, fluent.line, fluent.column))
                made.column_name = fluent.column_name or made.column_name
                made.sql_type = fluent.sql_type or made.sql_type
                made.max_length = fluent.max_length if fluent.max_length is not None else made.max_length
                made.comment = fluent.comment or made.comment
            child.table = owning.config.table
            child.schema = owning.config.schema
            if owning.many:
                owner_fk = owning.config.owner_key or (f"{owner.name}Id",)
                for key in owner_fk:
                    child.props.setdefault(key, Prop(key, "int", line, column))
                child.props.setdefault("Id", Prop("Id", "int", line, column))
                child.keys = [*owner_fk, "Id"]
                child.owner_key = tuple(owner_fk)
            owner.owned[nav] = Owned(nav, owning.many, child, owning.json)
            self._owned(inner, child, owning.config, depth + 1)

    def _enum_clr(self, prop: Property) -> str | None:
        decl = self.decls.by_name.get(prop.type.name)
        return (decl.enum_base or "int") if decl is not None and decl.enum else None

    def _root_of(self, built: _Built) -> _Built:
        """The root of an entity's hierarchy among the model's entities (a cycle stops the climb)."""
        seen = {built.entity.name}
        while built.entity.base in self.built and built.entity.base not in seen:
            built = self.built[built.entity.base or ""]
            seen.add(built.entity.name)
        return built

    def _split_tables(self) -> None:
        """TPT and TPC (`UseTptMappingStrategy()` on the root): each type of the hierarchy has its own table.

        Named as EF 7+ names it: `ToTable`/`[Table]`, else its `DbSet`'s name, else its
        class's; with TPC an abstract type has none (its concrete types' tables hold its
        columns). `efcore_model.Mapper` then gives a TPT table the key and the type's own
        properties, a TPC table the inherited ones too.
        """
        for built in self.built.values():
            root, entity = self._root_of(built), built.entity
            if root.entity.strategy not in ("tpt", "tpc") or entity.no_table or entity.view is not None:
                continue
            explicit = built.config.table or (_attr_text(built.decl, "Table") if built.decl else None)
            abstract = built.decl is not None and built.decl.abstract
            if root.entity.strategy == "tpc" and abstract and not explicit:
                entity.table, entity.no_table = None, True
            elif root is not built and entity.table is None:
                entity.table = self.tables.get(entity.name) or entity.name
                entity.schema = entity.schema or self.model.default_schema

    def _discriminators(self) -> None:
        """EF's `Discriminator` column in the table of a hierarchy sharing one table (TPH, the default).

        Not when the root says TPT or TPC, nor for a derived type with a table of its own
        (`ToTable`, `[Table]`: TPT as EF Core 5 configured it).
        """
        for built in list(self.built.values()):
            if built.entity.base not in self.built:
                continue
            root = self._root_of(built)
            entity = root.entity
            own = built.entity.table is not None and built.entity.table.casefold() != (
                (entity.table or entity.name).casefold()
            )
            if root.entity.strategy in ("tpt", "tpc") or own or root.config.props.get("Discriminator"):
                continue
            if "Discriminator" not in entity.props:
                entity.props["Discriminator"] = Prop("Discriminator", "string", entity.line, entity.column)

    # ---- keys and relationships

    def _keys(self, built: _Built) -> None:
        entity, config = built.entity, built.config
        keyless = config.keyless or (built.decl is not None and "Keyless" in built.decl.attrs)
        if config.keys:
            entity.keys = config.keys
        elif not keyless:
            marked = [name for name, p in built.fields.items() if "Key" in p.attrs]
            by_name = [n for n in entity.props if n.casefold() in ("id", f"{entity.name}id".casefold())]
            entity.keys = marked or by_name[:1]

    def _key_of(self, name: str) -> tuple[str, str | None]:
        """An entity's (first) key property and its CLR type; `Id` when unknown."""
        built = self.built.get(name)
        seen: set[str] = set()
        while built is not None and built.entity.base in self.built and built.entity.name not in seen:
            seen.add(built.entity.name)
            built = self.built[built.entity.base or ""]
        if built is None or not built.entity.keys:
            return "Id", "int"
        key = built.entity.keys[0]
        prop = built.entity.props.get(key)
        return key, prop.clr if prop is not None else None

    def _relations(self, built: _Built) -> None:
        """The fluent API's relationships declared on this entity."""
        for rel in built.config.relations:
            if rel.many_to_many:
                nav = built.navs.get(rel.navigation or "")
                other = self.built.get(rel.target or (nav.target if nav is not None else ""))
                if other is not None:
                    self._join(built, rel.navigation, other, rel.inverse, rel.join)
                continue
            if rel.many:
                nav = built.navs.get(rel.navigation or "")
                nav = nav or built.all_navs.get(rel.navigation or "")
                dependent = rel.target or (nav.target if nav is not None else None)
                if dependent is None or dependent not in self.built:
                    continue
                other = self.built[dependent]
                # `HasMany(e => e.Images)` alone: the dependent's reference back is its other end
                inverse = rel.inverse or _back(other, built.entity.name)
                self._link(other, inverse, built.entity.name, rel, rel.navigation)
                continue
            nav = built.navs.get(rel.navigation or "") or built.all_navs.get(rel.navigation or "")
            target = rel.target or (nav.target if nav is not None else None)
            if target is None or target not in self.built:
                continue
            other = self.built[target]
            dependent_is_target = rel.dependent == target or (  # `WithOne()`: the side with the FK property
                rel.one_to_one
                and rel.dependent is None
                and not rel.foreign_key
                and not self._has_fk(built, rel.navigation, target)
                and self._has_fk(other, rel.inverse, built.entity.name)
            )
            if rel.one_to_one and dependent_is_target and target != built.entity.name:
                self._link(other, rel.inverse, built.entity.name, rel, rel.navigation)
            else:
                self._link(built, rel.navigation, target, rel, rel.inverse)

    def _link(
        self, dependent: _Built, nav: str | None, principal: str, rel: RawRelation | None, inverse: str | None
    ) -> None:
        """A foreign key of `dependent` to `principal`: the fluent `HasForeignKey`, else by convention."""
        fk = rel.foreign_key if rel is not None else ()
        fk = fk or self._conventional_fk(dependent, nav, principal)
        if nav is not None:
            dependent.navs.pop(nav, None)  # handled
        other = self.built.get(principal)
        if other is not None and inverse is not None:
            other.navs.pop(inverse, None)
        if not fk:
            return
        relation = Relation(principal, tuple(fk), rel.principal_key if rel is not None else ())
        if relation not in dependent.entity.relations:
            dependent.entity.relations.append(relation)

    def _conventional_fk(self, dependent: _Built, nav: str | None, principal: str) -> tuple[str, ...]:
        """`[ForeignKey]`, `<Nav><Key>`, `<Nav>Id`, `<Principal><Key>`, `<Principal>Id`, else a shadow."""
        key, clr = self._key_of(principal)
        prop = dependent.all_navs[nav].prop if nav in dependent.all_navs else None
        named = _attr_text(prop, "ForeignKey") if prop is not None else None
        if named:
            return tuple(n.strip() for n in named.split(",") if n.strip())
        for name, field_prop in dependent.fields.items():
            if nav is not None and _attr_text(field_prop, "ForeignKey") == nav:
                return (name,)
        candidates = [_prefixed(nav, key), f"{nav}Id"] if nav is not None else []
        candidates += [_prefixed(principal, key), f"{principal}Id"]
        fields = {n.casefold(): n for n in dependent.fields}
        for candidate in candidates:
            if candidate.casefold() in fields:
                return (fields[candidate.casefold()],)
        shadow = candidates[0]
        place = prop or dependent.decl
        line, column = (place.line, place.column) if place is not None else (dependent.entity.line, 1)
        made = Prop(shadow, clr, line, column)
        if place is not None and place.file.shown != dependent.entity.path:
            made.path = place.file.shown
        dependent.entity.props.setdefault(shadow, made)
        return (shadow,)

    def _conventions(self) -> None:
        """Navigations no fluent call configured: references first, then collections without an inverse."""
        for built in list(self.built.values()):
            for name, nav in list(built.navs.items()):
                if nav.many or name not in built.navs:
                    continue
                other = self.built.get(nav.target)
                back = _inverse(other, built.entity.name, many=False) if other is not None else None
                if (  # one-to-one: the dependent is the side with the FK property
                    other is not None
                    and back is not None
                    and not self._has_fk(built, name, nav.target)
                    and self._has_fk(other, back, built.entity.name)
                ):
                    self._link(other, back, built.entity.name, None, name)
                    continue
                self._link(built, name, nav.target, None, _inverse(other, built.entity.name, many=True))
        for built in list(self.built.values()):
            for name, nav in list(built.navs.items()):
                other = self.built.get(nav.target)
                if not nav.many or other is None or name not in built.navs:
                    continue
                back = _inverse(other, built.entity.name, many=True)
                if back is not None:  # many-to-many: a join table EF names itself
                    self._join(built, name, other, back, None)
                    continue
                self._link(other, None, built.entity.name, None, name)

    def _join(
        self, left: _Built, left_nav: str | None, right: _Built, right_nav: str | None, join: Join | None
    ) -> None:
        """A many-to-many's join table: `UsingEntity(...)` as written, else EF's `<A><B>` one."""
        place = left.navs[left_nav].prop if left_nav in left.navs else left.decl
        for built, nav in ((left, left_nav), (right, right_nav)):
            built.navs.pop(nav or "", None)
        if join is not None and join.type_name is not None:
            if join.type_name not in self.built and join.type_name in self.decls.by_name:
                self._build(join.type_name)
                self._keys(self.built[join.type_name])
            return
        sides = sorted([(left, right_nav), (right, left_nav)], key=lambda s: s[0].entity.name)
        name = (join.name if join is not None else None) or "".join(b.entity.name for b, _ in sides)
        if name in self.built:
            return
        config = join.config if join is not None else EntityConfig()
        keys = list(join.keys) if join is not None else []
        if not keys:
            for principal, nav in sides:
                key, _ = self._key_of(principal.entity.name)
                keys.append((principal.entity.name, (f"{nav or principal.entity.name}{key}",)))
        path, line, column = (
            (place.file.shown, place.line, place.column) if place else (left.entity.path, 1, 1)
        )
        entity = Entity(name, path, line, column, table=config.table or name)
        entity.schema = config.schema or self.model.default_schema
        for principal_name, fk in keys:
            _, clr = self._key_of(principal_name)
            for prop_name in fk:
                fluent = config.props.get(prop_name)
                made = entity.add(Prop(prop_name, (fluent.clr if fluent else None) or clr, line, column))
                made.column_name = fluent.column_name if fluent else None
                made.sql_type = fluent.sql_type if fluent else None
            entity.relations.append(Relation(principal_name, fk))
        entity.keys = config.keys or [p for _, fk in keys for p in fk]
        self.built[name] = _Built(entity, None, config)

    def _has_fk(self, built: _Built, nav: str | None, principal: str) -> bool:
        key, _ = self._key_of(principal)
        prop = built.all_navs[nav].prop if nav in built.all_navs else None
        if prop is not None and _attr_text(prop, "ForeignKey"):
            return True
        wanted = {_prefixed(principal, key), f"{principal}Id"}
        wanted |= {_prefixed(nav, key), f"{nav}Id"} if nav is not None else set()
        wanted = {w.casefold() for w in wanted}
        return any(n.casefold() in wanted for n in built.fields)


def _back(built: _Built, target: str) -> str | None:
    """A reference navigation of an entity to `target`, taken or not."""
    return next((n for n, nav in built.all_navs.items() if nav.target == target and not nav.many), None)


def _inverse(built: _Built | None, target: str, many: bool) -> str | None:
    if built is None:
        return None
    return next((n for n, nav in built.navs.items() if nav.target == target and nav.many == many), None)


def _key_strings(entity: Entity) -> None:
    """Strings in a key or a foreign key are `nvarchar(450)` on SQL Server (an index key's limit)."""
    names = {*entity.keys, *(p for r in entity.relations for p in r.foreign_key)}
    for name in names:
        prop = entity.props.get(name)
        if prop is not None and prop.max_length is None and prop.type() == "nvarchar(max)":
            prop.max_length = 450


def _interface_name(name: str) -> bool:
    """`IAggregateRoot`, `IEntity`: .NET's naming of interfaces (a base list names them after the class)."""
    return len(name) > 1 and name[0] == "I" and name[1].isupper()


def _prefixed(base: str, key: str) -> str:
    """EF's foreign key name: `<navigation or principal><key>`, unless the key already starts with it."""
    return key if key.casefold().startswith(base.casefold()) else f"{base}{key}"


def _owned_class(decl: ClassDecl) -> bool:
    return "Owned" in decl.attrs or "ComplexType" in decl.attrs


def _ansi(prop: Prop) -> str | None:
    """`IsUnicode(false)` on a string: `varchar` instead of `nvarchar`."""
    base = prop.type()
    return base[1:] if base is not None and base.startswith("nvarchar") else None


def _first_prop(config: EntityConfig) -> Any:
    return next(iter(config.props.values()), None)


def _single_param(method: Node, file: Any, type_name: str) -> str | None:
    """A method's only parameter's name when its type is `type_name` (`ModelBuilder`, `EntityTypeBuilder`)."""
    params = method.child_by_field_name("parameters")
    found = [p for p in (params.named_children if params is not None else []) if p.type == "parameter"]
    if len(found) != 1:
        return None
    kind, name = found[0].child_by_field_name("type"), found[0].child_by_field_name("name")
    if kind is None or name is None:
        return None
    text = file.text(kind).split("<", 1)[0].rsplit(".", 1)[-1]
    return file.text(name) if text == type_name else None


def models(decls: Declarations) -> list[tuple[ClassDecl, list[Entity]]]:
    """Each context of the entry with its entities."""
    configs = configurations(decls)
    return [
        (context, ModelBuilder(decls.near(context.file.shown), context, configs).entities())
        for context in contexts(decls)
    ]
