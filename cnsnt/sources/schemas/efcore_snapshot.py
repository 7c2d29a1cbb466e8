"""The model an EF Core migrations snapshot (`<Context>ModelSnapshot.cs`) states, read from its syntax.

`dotnet ef migrations add` rewrites the snapshot after every migration: a class deriving
`ModelSnapshot` whose `BuildModel(ModelBuilder modelBuilder)` declares the whole current
model with literals only, so it is read without compiling anything:

    modelBuilder.Entity("Blogging.Post", b =>
        {
            b.Property<string>("Title").IsRequired().HasMaxLength(200).HasColumnType("nvarchar(200)");
            b.HasKey("Id");
            b.ToTable("Posts", "blog");
        });
    modelBuilder.Entity("Blogging.Post", b =>
        {
            b.HasOne("Blogging.Blog", "Blog").WithMany("Posts").HasForeignKey("BlogId");
        });

An entity's blocks (its properties first, its relationships later) are merged by name.
Read: `Property`/`PrimitiveCollection` with `HasColumnName`, `HasColumnType`,
`HasMaxLength`, `HasComment`; `HasKey`; `ToTable(name[, schema][, t => t.HasComment(...)])`,
`ToView`; `HasComment`; `HasBaseType` and the `Use{Tpc,Tpt,Tph}MappingStrategy` calls;
`HasOne(...).WithMany/WithOne(...).HasForeignKey(...)/.HasPrincipalKey(...)`;
`OwnsOne`/`OwnsMany` (nested), `WithOwner().HasForeignKey(...)`, `ToJson()`, and EF
Core 8's complex types (`ComplexProperty`, columns of the owner's table). Indexes,
seed data, annotations and navigations say nothing about columns and are passed over.
`efcore_model` maps the entities to tables. A migration's `.Designer.cs` holds the model
as of that migration (`BuildTargetModel`): history, not read.
"""

from __future__ import annotations

from typing import Any

from cnsnt.sources.schemas.csharp import (
    UNRESOLVED,
    Call,
    Chain,
    chain_of,
    lambda_of,
    literal,
    statements,
    text_of,
)
from cnsnt.sources.schemas.efcore_model import Entity, Owned, Prop, Relation
from cnsnt.sources.schemas.grammars import SourceFile

Node = Any  # tree_sitter.Node

#: What a snapshot's text holds (a quick look before parsing a `.cs` file).
SNAPSHOT_MARKERS = ("ModelSnapshot", "BuildModel")
#: How deep owned types may nest (real models: two or three levels).
_OWNED_DEPTH = 32
_STRATEGIES = {"UseTpcMappingStrategy": "tpc", "UseTptMappingStrategy": "tpt", "UseTphMappingStrategy": "tph"}


def is_snapshot(text: str) -> bool:
    """Whether a C# file's text may be an EF Core model snapshot."""
    return all(m in text for m in SNAPSHOT_MARKERS)


def snapshot_models(root: Node, file: SourceFile) -> list[tuple[str, list[Entity]]]:
    """The context and entities of each `ModelSnapshot` class of a file (usually one), in declaration order.

    The context is the one `[DbContext(typeof(X))]` names (`X`, without its namespace),
    else the class's name without `ModelSnapshot` (EF names the class so).
    """
    models: list[tuple[str, list[Entity]]] = []
    for cls in _classes(root):
        if not _derives_snapshot(cls, file):
            continue
        context = _context_of(cls, file)
        for method, param in _build_methods(cls, file):
            models.append((context, _Reader(file).model(method, param)))
    return models


def snapshot_contexts(root: Node, file: SourceFile) -> list[str]:
    """The context each `ModelSnapshot` class of a file is of (without reading its model)."""
    return [_context_of(cls, file) for cls in _classes(root) if _derives_snapshot(cls, file)]


def _context_of(cls: Node, file: SourceFile) -> str:
    """`X` of the class's `[DbContext(typeof(Ns.X))]`, else its own name less `ModelSnapshot`."""
    for attrs in cls.named_children:
        if attrs.type != "attribute_list":
            continue
        for attr in attrs.named_children:
            name = attr.child_by_field_name("name")
            if attr.type != "attribute" or name is None:
                continue
            if file.text(name).rsplit(".", 1)[-1] not in ("DbContext", "DbContextAttribute"):
                continue
            args = next((c for c in attr.named_children if c.type == "attribute_argument_list"), None)
            for arg in args.named_children if args is not None else []:
                typeof = next((c for c in arg.named_children if c.type == "typeof_expression"), None)
                kind = typeof.named_children[0] if typeof is not None and typeof.named_children else None
                if kind is not None:
                    return file.text(kind).split("<", 1)[0].rsplit(".", 1)[-1].strip()
    name = cls.child_by_field_name("name")
    return file.text(name).removesuffix("ModelSnapshot") if name is not None else ""


def _classes(root: Node) -> list[Node]:
    """Class declarations at the top of the file or in its namespaces (snapshots are never nested)."""
    found: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        for child in reversed(node.named_children):
            if child.type == "class_declaration":
                found.append(child)
            elif child.type in (
                "namespace_declaration",
                "file_scoped_namespace_declaration",
                "declaration_list",
            ):
                stack.append(child)
    found.sort(key=lambda n: n.start_byte)
    return found


def _derives_snapshot(cls: Node, file: SourceFile) -> bool:
    bases = next((c for c in cls.named_children if c.type == "base_list"), None)
    if bases is None:
        return False
    return any(file.text(b).rsplit(".", 1)[-1] == "ModelSnapshot" for b in bases.named_children)


def _build_methods(cls: Node, file: SourceFile) -> list[tuple[Node, str]]:
    """`BuildModel(ModelBuilder modelBuilder)` bodies with the builder's parameter name."""
    body = cls.child_by_field_name("body")
    out: list[tuple[Node, str]] = []
    for member in body.named_children if body is not None else []:
        name = member.child_by_field_name("name")
        if member.type != "method_declaration" or name is None or file.text(name) != "BuildModel":
            continue
        params = member.child_by_field_name("parameters")
        block = member.child_by_field_name("body")
        names = [p.child_by_field_name("name") for p in (params.named_children if params is not None else [])]
        if block is not None and len(names) == 1 and names[0] is not None:
            out.append((block, file.text(names[0])))
    return out


class _Reader:
    """The calls of one `BuildModel` body -> entities (merged by name)."""

    def __init__(self, file: SourceFile) -> None:
        self.file = file
        self.entities: dict[str, Entity] = {}

    def model(self, block: Node, builder: str) -> list[Entity]:
        for call in statements(block):
            chain = chain_of(call, self.file)
            if chain is None or chain.root != builder or chain.calls[0].name != "Entity":
                continue
            first = chain.calls[0]
            name = text_of(first.args[0], self.file) if first.args else None
            body = lambda_of(first.args[-1], self.file) if len(first.args) >= 2 else None
            if name is None or body is None:
                continue
            entity = self.entities.get(name)
            if entity is None:
                line, column = self.file.place(chain.node)
                entity = self.entities[name] = Entity(name, self.file.shown, line, column)
            self._body(entity, body[0], body[1], 0)
        return list(self.entities.values())

    def _body(self, entity: Entity, param: str, body: Node, depth: int) -> None:
        for call in statements(body):
            chain = chain_of(call, self.file)
            if chain is not None and chain.root == param:
                self._statement(entity, chain, depth)

    def _statement(self, entity: Entity, chain: Chain, depth: int) -> None:
        first = chain.calls[0]
        name = first.name
        if name in ("Property", "PrimitiveCollection"):
            self._property(entity, chain)
        elif name == "HasKey":
            entity.keys = [k for k in (text_of(a, self.file) for a in first.args) if k]
        elif name == "ToTable":
            self._to_table(entity, first)
        elif name == "ToView":
            values = [literal(a, self.file) for a in first.args]
            if values and isinstance(values[0], str):
                entity.view = values[0]
                entity.view_schema = values[1] if len(values) > 1 and isinstance(values[1], str) else None
        elif name == "HasComment":
            entity.comment = text_of(first.args[0], self.file) if first.args else entity.comment
        elif name == "HasBaseType":
            entity.base = text_of(first.args[0], self.file) if first.args else None
        elif name in _STRATEGIES:
            entity.strategy = _STRATEGIES[name]
        elif name == "HasOne":
            self._relation(entity, chain)
        elif name in ("OwnsOne", "OwnsMany", "ComplexProperty") and depth < _OWNED_DEPTH:
            self._owned(entity, first, name == "OwnsMany", depth, complex_type=name == "ComplexProperty")
        elif name == "WithOwner":
            for call in chain.calls[1:]:
                if call.name == "HasForeignKey":
                    entity.owner_key = tuple(k for k in (text_of(a, self.file) for a in call.args) if k)

    def _property(self, entity: Entity, chain: Chain) -> None:
        first = chain.calls[0]
        name = text_of(first.args[0], self.file) if first.args else None
        if name is None:
            return
        line, column = self.file.place(chain.node)
        clr = first.type_args[0] if first.type_args else None
        prop = Prop(name, clr, line, column)
        for call in chain.calls[1:]:
            value = literal(call.args[0], self.file) if call.args else UNRESOLVED
            if call.name == "HasColumnName" and isinstance(value, str) and value:
                prop.column_name = value
            elif call.name == "HasColumnType" and isinstance(value, str) and value:
                prop.sql_type = value
            elif call.name == "HasMaxLength" and isinstance(value, int) and not isinstance(value, bool):
                prop.max_length = value
            elif call.name == "HasComment" and isinstance(value, str) and value:
                prop.comment = value
            elif call.name == "HasAnnotation" and len(call.args) == 2:  # EF Core 1 and 2
                key, given = value, literal(call.args[1], self.file)
                if key == "Relational:ColumnName" and isinstance(given, str) and given:
                    prop.column_name = given
                elif key == "Relational:ColumnType" and isinstance(given, str) and given:
                    prop.sql_type = given
        entity.add(prop)

    def _to_table(self, entity: Entity, call: Call) -> None:
        """`ToTable("Users")`, `("Users", "hr")`, `("Users", (string)null)`, `("Users", t => ...)`.

        `ToTable((string)null)` maps the entity to no table (a view or a query instead).
        """
        values: list[Any] = []
        for arg in call.args:
            nested = lambda_of(arg, self.file)
            if nested is not None:
                self._table_builder(entity, *nested)
            else:
                values.append(literal(arg, self.file))
        if not values:
            return
        if values[0] is None:
            entity.no_table = True
        elif isinstance(values[0], str) and values[0]:
            entity.table = values[0]
            entity.no_table = False
            entity.schema = (
                values[1] if len(values) > 1 and isinstance(values[1], str) and values[1] else None
            )

    def _table_builder(self, entity: Entity, param: str, body: Node) -> None:
        """`t => { t.HasComment("..."); }`: EF Core 7's table builder."""
        for call in statements(body):
            chain = chain_of(call, self.file)
            if chain is None or chain.root != param:
                continue
            for step in chain.calls:
                if step.name == "HasComment" and step.args:
                    entity.comment = text_of(step.args[0], self.file) or entity.comment

    def _relation(self, entity: Entity, chain: Chain) -> None:
        first = chain.calls[0]
        target = text_of(first.args[0], self.file) if first.args else None
        if target is None:
            return
        one = False
        fk: tuple[str, ...] = ()
        principal: tuple[str, ...] = ()
        dependent: str | None = None
        for call in chain.calls[1:]:
            names = tuple(n for n in (text_of(a, self.file) for a in call.args) if n)
            if call.name == "WithOne":
                one = True
            elif call.name == "HasForeignKey":
                if one and len(names) >= 2:  # one-to-one: the dependent type, then its properties
                    dependent, names = names[0], names[1:]
                fk = names
            elif call.name == "HasPrincipalKey":
                principal = names[1:] if one and len(names) >= 2 else names
        entity.relations.append(Relation(target, fk, principal, dependent))

    def _owned(self, owner: Entity, call: Call, many: bool, depth: int, complex_type: bool = False) -> None:
        """`OwnsOne("Ns.Address", "ShipTo", b1 => ...)`, or `ComplexProperty<T>("ShipTo", "Ns...", ...)`.

        A complex type (EF Core 8) names its property first and lives in its owner's table.
        """
        values = [literal(a, self.file) for a in call.args]
        strings = [v for v in values if isinstance(v, str) and v]
        body = lambda_of(call.args[-1], self.file) if call.args else None
        if len(strings) < 2:
            return
        type_name, navigation = (strings[1], strings[0]) if complex_type else (strings[0], strings[1])
        owned = owner.owned.get(navigation)
        if owned is None:
            line, column = self.file.place(call.node)
            child = Entity(type_name, self.file.shown, line, column)
            owned = owner.owned[navigation] = Owned(navigation, many, child)
        if body is None:
            return
        self._body(owned.entity, body[0], body[1], depth + 1)
        json = self._json(body[0], body[1])
        if json is not None:
            owned.json = json or navigation

    def _json(self, param: str, body: Node) -> str | None:
        """`b1.ToJson()` (the navigation's name, as "") or `b1.ToJson("column")`; None when not JSON."""
        for call in statements(body):
            chain = chain_of(call, self.file)
            if chain is not None and chain.root == param and chain.calls[0].name == "ToJson":
                args = chain.calls[0].args
                return (text_of(args[0], self.file) if args else None) or ""
        return None
