"""EF Core's fluent API as written in `OnModelCreating` and `IEntityTypeConfiguration<T>.Configure`.

    modelBuilder.Entity<Order>(b =>
    {
        b.ToTable("orders", "shop");
        b.Property(o => o.Email).HasColumnName("email").HasMaxLength(256);
        b.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.BuyerId);
    });
    modelBuilder.Entity<Order>().Ignore(o => o.Total);

Each call is recorded on its entity's `EntityConfig`; the model builder (`efcore_code`)
applies them over the attributes and conventions of the classes, as EF does (the fluent
API wins). Relationships are kept as written (`RawRelation`): which side is dependent
needs the classes' property types, which the builder knows. Calls that say nothing
about tables and columns (indexes, seed data, value conversions) are passed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cnsnt.sources.schemas.csharp import (
    UNRESOLVED,
    Call,
    chain_of,
    lambda_of,
    literal,
    statements,
    text_of,
)
from cnsnt.sources.schemas.efcore_model import simple_name
from cnsnt.sources.schemas.grammars import SourceFile

Node = Any  # tree_sitter.Node
#: Entity-builder calls that return the entity builder, so a chain goes on after them.
_FLUENT_ENTITY = frozenset(
    {
        "ToTable",
        "ToView",
        "HasComment",
        "Ignore",
        "HasBaseType",
        "HasNoKey",
        "HasAnnotation",
        "HasQueryFilter",
        "HasDiscriminator",
        "UseTphMappingStrategy",
        "UseTptMappingStrategy",
        "UseTpcMappingStrategy",
    }
)
#: `Use{Tph,Tpt,Tpc}MappingStrategy()` on a hierarchy's root -> `Entity.strategy`.
STRATEGIES = {"UseTphMappingStrategy": "tph", "UseTptMappingStrategy": "tpt", "UseTpcMappingStrategy": "tpc"}
#: How deep owned-type builders may nest (real models: two or three levels).
_OWNED_DEPTH = 16


@dataclass
class PropConfig:
    """What the fluent API says of one property (a shadow property when the class has none)."""

    file: SourceFile
    line: int
    column: int
    clr: str | None = None
    column_name: str | None = None
    sql_type: str | None = None
    max_length: int | None = None
    comment: str | None = None
    unicode: bool | None = None


@dataclass
class RawRelation:
    """`HasOne(x => x.Nav).WithMany(...)` or `HasMany(x => x.Items).WithOne(...)`, as written."""

    many: bool
    """Declared from the principal's side (`HasMany`)."""
    navigation: str | None
    target: str | None
    """The other entity when the call names it (`HasOne<Customer>()`, `HasOne("Customer")`)."""
    inverse: str | None = None
    one_to_one: bool = False
    foreign_key: tuple[str, ...] = ()
    dependent: str | None = None
    """`HasForeignKey<Dependent>(...)` of a one-to-one."""
    principal_key: tuple[str, ...] = ()
    many_to_many: bool = False
    join: Join | None = None
    """A many-to-many's `UsingEntity(...)`."""


@dataclass
class Join:
    """`UsingEntity<Dictionary<string, object>>("PostTag", l => l.HasOne<Tag>()..., r => ..., j => ...)`."""

    name: str | None = None
    type_name: str | None = None
    """`UsingEntity<PostTag>`: a join entity class of the project's."""
    keys: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """(principal type, foreign key properties) of each side."""
    config: EntityConfig = field(default_factory=lambda: EntityConfig())


@dataclass
class Owning:
    """`OwnsOne(x => x.Address, a => ...)` / `OwnsMany(...)`."""

    many: bool
    type_name: str | None
    config: EntityConfig
    json: str | None = None


@dataclass
class EntityConfig:
    """Everything the fluent API says of one entity type."""

    table: str | None = None
    schema: str | None = None
    no_table: bool = False
    view: str | None = None
    view_schema: str | None = None
    comment: str | None = None
    keys: list[str] = field(default_factory=list)
    keyless: bool = False
    base: str | None = None
    strategy: str | None = None
    """`tph`, `tpt` or `tpc`: how a hierarchy rooted here maps to tables (`UseTptMappingStrategy()`)."""
    ignored: set[str] = field(default_factory=set)
    props: dict[str, PropConfig] = field(default_factory=dict)
    relations: list[RawRelation] = field(default_factory=list)
    owned: dict[str, Owning] = field(default_factory=dict)
    owner_key: tuple[str, ...] = ()
    declared: bool = False
    """Named by `Entity<T>()` or a configuration class: part of the model even without a `DbSet`."""


@dataclass
class ModelConfig:
    """The fluent API of one model: per-entity configs and model-wide settings."""

    entities: dict[str, EntityConfig] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    default_schema: str | None = None
    ignored: set[str] = field(default_factory=set)
    applied: list[str] = field(default_factory=list)
    """`ApplyConfiguration(new XConfiguration())`: configuration classes by name."""
    from_assembly: bool = False
    """`ApplyConfigurationsFromAssembly(...)`: every configuration class applies."""

    def entity(self, name: str) -> EntityConfig:
        """An entity's config, made (and ordered) at its first mention."""
        config = self.entities.get(name)
        if config is None:
            config = self.entities[name] = EntityConfig()
            self.order.append(name)
        return config


def members(arg: Node, file: SourceFile) -> list[str]:
    """Property names an argument names: `"Email"`, `nameof(X.Email)`, `x => x.Email`, `x => new { x.A }`."""
    value = literal(arg, file)
    if isinstance(value, str):
        return [value] if value else []
    lam = lambda_of(arg, file)
    if lam is None:
        return []
    param, body = lam
    parts = body.named_children if body.type == "anonymous_object_creation_expression" else [body]
    names: list[str] = []
    for part in parts:
        if part.type == "anonymous_object_member_declarator" and part.named_children:
            part = part.named_children[-1]
        if part.type != "member_access_expression":
            continue
        receiver, name = part.child_by_field_name("expression"), part.child_by_field_name("name")
        if receiver is not None and name is not None and file.text(receiver) == param:
            names.append(file.text(name))
    return names


def _all_members(args: list[Node], file: SourceFile) -> tuple[str, ...]:
    return tuple(n for a in args for n in members(a, file))


class FluentReader:
    """Reads the fluent calls of model-builder methods and `Configure` methods into a `ModelConfig`."""

    def __init__(self, model: ModelConfig) -> None:
        self.model = model

    def model_builder(self, body: Node, param: str, file: SourceFile) -> None:
        """A method body with a `ModelBuilder` parameter (`OnModelCreating`)."""
        for call in statements(body):
            chain = chain_of(call, file)
            if chain is None or chain.root != param:
                continue
            first = chain.calls[0]
            if first.name == "Entity" and first.type_args:
                config = self.model.entity(simple_name(first.type_args[0]))
                config.declared = True
                nested = lambda_of(first.args[-1], file) if first.args else None
                if nested is not None:
                    self.entity_builder(config, nested[1], nested[0], file)
                if len(chain.calls) > 1:
                    self._step(config, chain.calls[1:], file, 0)
            elif first.name == "HasDefaultSchema" and first.args:
                self.model.default_schema = text_of(first.args[0], file) or self.model.default_schema
            elif first.name == "Ignore" and first.type_args:
                self.model.ignored.add(simple_name(first.type_args[0]))
            elif first.name == "ApplyConfiguration" and first.args:
                self._applied(first, file)
            elif first.name == "ApplyConfigurationsFromAssembly":
                self.model.from_assembly = True

    def _applied(self, call: Call, file: SourceFile) -> None:
        arg = call.args[0].named_children[-1] if call.args[0].named_children else None
        if arg is not None and arg.type == "object_creation_expression":
            kind = arg.child_by_field_name("type")
            if kind is not None:
                self.model.applied.append(simple_name(file.text(kind)))

    def entity_builder(
        self, config: EntityConfig, body: Node, param: str, file: SourceFile, depth: int = 0
    ) -> None:
        """The statements of `b => { ... }` or `Configure(EntityTypeBuilder<T> builder) { ... }`."""
        for call in statements(body):
            chain = chain_of(call, file)
            if chain is not None and chain.root == param:
                self._step(config, chain.calls, file, depth)

    def _step(self, config: EntityConfig, calls: list[Call], file: SourceFile, depth: int) -> None:
        """One chain on an entity builder: `ToTable(...)`, `Property(...).HasColumnName(...)`, ...

        Calls that return the entity builder again (`ToTable("x").Property(...)`) go on the chain.
        """
        for _ in range(len(calls)):
            if not calls or calls[0].name not in _FLUENT_ENTITY:
                break
            self._one(config, calls[:1], file, depth)
            calls = calls[1:]
        if calls:
            self._one(config, calls, file, depth)

    def _one(self, config: EntityConfig, calls: list[Call], file: SourceFile, depth: int) -> None:
        first = calls[0]
        name = first.name
        values = [literal(a, file) for a in first.args]
        if name == "ToTable":
            self._to_table(config, first, values, file)
        elif name == "ToView" and values and isinstance(values[0], str):
            config.view = values[0]
            config.view_schema = values[1] if len(values) > 1 and isinstance(values[1], str) else None
            config.no_table = config.table is None
        elif name == "HasComment" and values and isinstance(values[0], str):
            config.comment = values[0]
        elif name == "HasKey":
            config.keys = list(_all_members(first.args, file))
        elif name == "HasNoKey":
            config.keyless = True
        elif name == "HasBaseType" and (first.type_args or values):
            base = first.type_args[0] if first.type_args else values[0]
            config.base = simple_name(base) if isinstance(base, str) else None
        elif name in STRATEGIES:
            config.strategy = STRATEGIES[name]
        elif name == "Ignore":
            config.ignored.update(_all_members(first.args, file))
        elif name in ("Property", "PrimitiveCollection", "IndexerProperty"):
            self._property(config, calls, file)
        elif name in ("HasOne", "HasMany"):
            self._relation(config, calls, file)
        elif name in ("OwnsOne", "OwnsMany") and depth < _OWNED_DEPTH:
            self._owned(config, first, name == "OwnsMany", file, depth)
        elif name == "WithOwner":
            for call in calls[1:]:
                if call.name == "HasForeignKey":
                    config.owner_key = _all_members(call.args, file)

    def _to_table(self, config: EntityConfig, call: Call, values: list[Any], file: SourceFile) -> None:
        strings: list[Any] = []
        for arg, value in zip(call.args, values, strict=True):
            nested = lambda_of(arg, file)
            if nested is not None:
                for inner in statements(nested[1]):
                    chain = chain_of(inner, file)
                    for step in chain.calls if chain is not None and chain.root == nested[0] else []:
                        if step.name == "HasComment" and step.args:
                            config.comment = text_of(step.args[0], file) or config.comment
            elif value is not UNRESOLVED:
                strings.append(value)
        if strings and strings[0] is None:
            config.no_table = True
        elif strings and isinstance(strings[0], str) and strings[0]:
            config.table, config.no_table = strings[0], False
            config.schema = strings[1] if len(strings) > 1 and isinstance(strings[1], str) else config.schema

    def _property(self, config: EntityConfig, calls: list[Call], file: SourceFile) -> None:
        first = calls[0]
        names = members(first.args[0], file) if first.args else []
        if len(names) != 1:
            return
        prop = config.props.get(names[0])
        if prop is None:
            line, column = file.place(first.node)
            prop = config.props[names[0]] = PropConfig(file, line, column)
        if first.type_args:
            prop.clr = first.type_args[0]
        for call in calls[1:]:
            value = literal(call.args[0], file) if call.args else UNRESOLVED
            if call.name == "HasColumnName" and isinstance(value, str) and value:
                prop.column_name = value
            elif call.name == "HasColumnType" and isinstance(value, str) and value:
                prop.sql_type = value
            elif call.name == "HasMaxLength" and isinstance(value, int) and not isinstance(value, bool):
                prop.max_length = value
            elif call.name == "HasComment" and isinstance(value, str) and value:
                prop.comment = value
            elif call.name == "IsUnicode":
                prop.unicode = value if isinstance(value, bool) else True

    def _relation(self, config: EntityConfig, calls: list[Call], file: SourceFile) -> None:
        first = calls[0]
        named = members(first.args[0], file) if first.args else []
        target = simple_name(first.type_args[0]) if first.type_args else None
        if first.args and isinstance(literal(first.args[0], file), str) and len(first.args) == 2:
            target, named = simple_name(str(literal(first.args[0], file))), members(first.args[1], file)
        rel = RawRelation(first.name == "HasMany", named[0] if named else None, target)
        for call in calls[1:]:
            if call.name in ("WithOne", "WithMany"):
                inverse = members(call.args[0], file) if call.args else []
                rel.inverse = inverse[0] if inverse else None
                rel.one_to_one = call.name == "WithOne" and not rel.many
                rel.many_to_many = call.name == "WithMany" and rel.many
            elif call.name == "HasForeignKey":
                rel.foreign_key = _all_members(call.args, file)
                if call.type_args:
                    rel.dependent = simple_name(call.type_args[0])
            elif call.name == "HasPrincipalKey":
                rel.principal_key = _all_members(call.args, file)
            elif call.name == "UsingEntity" and rel.many_to_many:
                rel.join = self._join(call, file)
        config.relations.append(rel)

    def _join(self, call: Call, file: SourceFile) -> Join:
        join = Join()
        if call.type_args and not call.type_args[0].startswith("Dictionary"):
            join.type_name = simple_name(call.type_args[0])
        for arg in call.args:
            value = literal(arg, file)
            nested = lambda_of(arg, file)
            if isinstance(value, str) and value:
                join.name = value
            elif nested is not None:
                chain = chain_of(nested[1], file) if nested[1].type == "invocation_expression" else None
                if chain is not None and chain.root == nested[0] and chain.calls[0].name == "HasOne":
                    first = chain.calls[0]
                    fk = next((c for c in chain.calls if c.name == "HasForeignKey"), None)
                    if first.type_args and fk is not None:
                        join.keys.append((simple_name(first.type_args[0]), _all_members(fk.args, file)))
                else:
                    self.entity_builder(join.config, nested[1], nested[0], file)
        return join

    def _owned(self, config: EntityConfig, call: Call, many: bool, file: SourceFile, depth: int) -> None:
        """`OwnsOne(x => x.Address, a => { ... })`, `OwnsOne<Address>("Address")`, `OwnsMany(...)`."""
        if not call.args:
            return
        names = members(call.args[0], file)
        if len(names) != 1:
            return
        owning = config.owned.get(names[0])
        if owning is None:
            type_name = simple_name(call.type_args[0]) if call.type_args else None
            owning = config.owned[names[0]] = Owning(many, type_name, EntityConfig())
        nested = lambda_of(call.args[-1], file) if len(call.args) >= 2 else None
        if nested is None:
            return
        self.entity_builder(owning.config, nested[1], nested[0], file, depth + 1)
        for inner in statements(nested[1]):
            chain = chain_of(inner, file)
            if chain is not None and chain.root == nested[0] and chain.calls[0].name == "ToJson":
                args = chain.calls[0].args
                owning.json = (text_of(args[0], file) if args else None) or names[0]
