"""The C# classes an Entity Framework Core model is written in, as declared (no type checking).

EF Core builds its model from classes: a `DbContext` subclass, the entity classes its
`DbSet<T>` properties name, their base classes, and `IEntityTypeConfiguration<T>`
classes. This module lists a file's classes and enums with what that needs: names,
base types, attributes (literal arguments only), properties and method bodies. A
`partial` class split across files is merged by `Declarations.add`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cnsnt.sources.schemas.csharp import arguments, literal
from cnsnt.sources.schemas.grammars import CS_CLASSES, CS_NESTING, SourceFile, cs_declarations

Node = Any  # tree_sitter.Node


@dataclass
class TypeRef:
    """A type as written: its simple name (`Customer` of `Shop.Customer?`) and generic arguments."""

    name: str
    args: tuple[TypeRef, ...] = ()
    text: str = ""


@dataclass
class Attribute:
    """`[Column("email", TypeName = "nvarchar(256)")]`: the name without `Attribute`, the arguments."""

    name: str
    args: list[Any]
    """Positional arguments' literal values (`UNRESOLVED` when not literals)."""
    named: dict[str, Any]
    """`Name = value` arguments."""


@dataclass
class Property:
    """A property declaration: `public string Email { get; set; }`."""

    name: str
    type: TypeRef
    attrs: dict[str, Attribute]
    settable: bool
    """Whether it has a `set` or `init` accessor (any visibility): EF maps only those by convention."""
    public: bool
    static: bool
    file: SourceFile
    line: int
    column: int


@dataclass
class ClassDecl:
    """A class or record (all its `partial` parts), or an enum."""

    name: str
    file: SourceFile
    line: int
    column: int
    bases: list[TypeRef] = field(default_factory=list)
    attrs: dict[str, Attribute] = field(default_factory=dict)
    props: list[Property] = field(default_factory=list)
    methods: list[tuple[str, Node, SourceFile]] = field(default_factory=list)
    """(name, method_declaration node, its file)."""
    enum: bool = False
    enum_base: str | None = None
    """An enum's underlying type (`enum Status : byte`)."""
    partial: bool = False
    abstract: bool = False
    """`abstract class`: no table of its own in a TPC hierarchy (EF maps concrete types only)."""
    type_params: list[str] = field(default_factory=list)
    """`class BaseEntity<TKey>` -> ["TKey"]: substituted by a derived class's type arguments."""


class Declarations:
    """Every class and enum of the files read, by simple name (the first declaration wins a clash)."""

    def __init__(self) -> None:
        self.by_name: dict[str, ClassDecl] = {}
        self.files: dict[str, set[str]] = {}
        """file shown -> names of the classes it declares."""
        self.others: dict[str, list[ClassDecl]] = {}
        """Other types of a name `by_name` holds (`Entities.ImageInfo` beside `Model.ImageInfo`)."""

    def near(self, shown: str) -> Declarations:
        """The same classes, a name declared twice meaning the declaration nearest a file (a context's).

        A repository may declare `ImageInfo` in its API models and in its database
        entities: the one in the context's own project is the entity.
        """
        if not self.others:
            return self
        view = Declarations()
        view.files, view.others, view.by_name = self.files, self.others, dict(self.by_name)
        for name, others in self.others.items():
            view.by_name[name] = max(
                [self.by_name[name], *others], key=lambda d: _shared(d.file.shown, shown)
            )
        return view

    def add(self, root: Node, file: SourceFile) -> None:
        """The classes and enums of a parsed file."""
        names = self.files.setdefault(file.shown, set())
        for node in _declarations(root):
            name_node = node.child_by_field_name("name")
            if name_node is None:
                continue
            name = file.text(name_node)
            names.add(name)
            decl = self.by_name.get(name)
            if decl is None:
                line, column = file.place(node)
                enum = node.type == "enum_declaration"
                decl = self.by_name[name] = ClassDecl(name, file, line, column, enum=enum)
                decl.partial = _partial(node, file)
            elif not (decl.partial and _partial(node, file)):  # another type of the same name
                line, column = file.place(node)
                other = ClassDecl(name, file, line, column, enum=node.type == "enum_declaration")
                _fill(other, node, file)
                self.others.setdefault(name, []).append(other)
                continue
            elif _home(file, name):  # `Customer.cs` of a partial `Customer`: its place, its properties first
                decl.file, (decl.line, decl.column) = file, file.place(node)
                before, decl.props = decl.props, []
                _fill(decl, node, file)
                decl.props.extend(before)
                continue
            _fill(decl, node, file)


def _declarations(root: Node) -> list[Node]:
    """Class, record and enum declarations in namespaces and classes, in source order."""
    return sorted(cs_declarations(root, (*CS_CLASSES, "enum_declaration")), key=lambda n: n.start_byte)


def _shared(path: str, other: str) -> int:
    """How many leading folders two shown paths share."""
    count = 0
    for a, b in zip(path.split("/")[:-1], other.split("/")[:-1], strict=False):
        if a != b:
            break
        count += 1
    return count


def _home(file: SourceFile, name: str) -> bool:
    """Whether a file is named after a class (`Models/Customer.cs`)."""
    return file.shown.replace("\\", "/").rsplit("/", 1)[-1] == f"{name}.cs"


def _partial(node: Node, file: SourceFile) -> bool:
    return any(file.text(c) == "partial" for c in node.named_children if c.type == "modifier")


def _fill(decl: ClassDecl, node: Node, file: SourceFile) -> None:
    for child in node.named_children:
        if child.type == "attribute_list":
            decl.attrs.update(attributes(child, file))
        elif child.type == "modifier" and file.text(child) == "abstract":
            decl.abstract = True
        elif child.type == "type_parameter_list" and not decl.type_params:
            decl.type_params = [
                file.text(p).split()[-1] for p in child.named_children if p.type == "type_parameter"
            ]
        elif child.type == "base_list":
            refs = [type_ref(b, file) for b in child.named_children]
            found = [r for r in refs if r is not None]
            if decl.enum:
                decl.enum_base = found[0].name if found else None
            else:
                decl.bases.extend(found)
    body = node.child_by_field_name("body")
    if decl.enum or body is None:
        return
    for member in body.named_children:
        if member.type == "property_declaration":
            prop = _property(member, file)
            if prop is not None:
                decl.props.append(prop)
        elif member.type == "method_declaration":
            name = member.child_by_field_name("name")
            if name is not None:
                decl.methods.append((file.text(name), member, file))


def _property(node: Node, file: SourceFile) -> Property | None:
    name = node.child_by_field_name("name")
    kind = node.child_by_field_name("type")
    ref = type_ref(kind, file) if kind is not None else None
    if name is None or ref is None:
        return None
    modifiers = {file.text(c) for c in node.named_children if c.type == "modifier"}
    accessors = node.child_by_field_name("accessors")
    settable = accessors is not None and any(
        file.text(a.child_by_field_name("name") or a).strip() in ("set", "init")
        for a in accessors.named_children
        if a.type == "accessor_declaration"
    )
    attrs: dict[str, Attribute] = {}
    for child in node.named_children:
        if child.type == "attribute_list":
            attrs.update(attributes(child, file))
    line, column = file.place(node)
    return Property(
        file.text(name),
        ref,
        attrs,
        settable,
        "public" in modifiers,
        "static" in modifiers,
        file,
        line,
        column,
    )


def type_ref(node: Node | None, file: SourceFile, depth: int = 0) -> TypeRef | None:
    """`Shop.Customer?` -> Customer; `ICollection<Order>` -> ICollection with Order; `byte[]` as written."""
    if node is None or depth > CS_NESTING:
        return None
    kind = node.type
    if kind == "nullable_type":
        return type_ref(node.child_by_field_name("type"), file, depth + 1)
    if kind in ("qualified_name", "alias_qualified_name"):
        return type_ref(node.child_by_field_name("name"), file, depth + 1)
    if kind == "generic_name":
        ident = next((c for c in node.named_children if c.type == "identifier"), None)
        targs = next((c for c in node.named_children if c.type == "type_argument_list"), None)
        args = tuple(
            r for r in (type_ref(a, file, depth + 1) for a in (targs.named_children if targs else [])) if r
        )
        return TypeRef(file.text(ident) if ident is not None else file.text(node), args, file.text(node))
    if kind == "array_type":
        inner = type_ref(node.child_by_field_name("type"), file, depth + 1)
        text = f"{inner.name}[]" if inner is not None else file.text(node)
        return TypeRef(text, (), text)
    if kind in ("identifier", "predefined_type"):
        return TypeRef(file.text(node), (), file.text(node))
    return None


def attributes(node: Node, file: SourceFile) -> dict[str, Attribute]:
    """An `attribute_list`'s attributes by simple name (`Schema.Column`, `ColumnAttribute` -> Column)."""
    out: dict[str, Attribute] = {}
    for attr in node.named_children:
        if attr.type != "attribute":
            continue
        name_node = attr.child_by_field_name("name")
        if name_node is None:
            continue
        name = file.text(name_node).rsplit(".", 1)[-1].split("<", 1)[0].removesuffix("Attribute")
        args: list[Any] = []
        named: dict[str, Any] = {}
        arg_list = next((c for c in attr.named_children if c.type == "attribute_argument_list"), None)
        for arg in arguments(arg_list):
            label = arg.child_by_field_name("name") or next(
                (c for c in arg.named_children if c.type in ("name_equals", "name_colon")), None
            )
            value = literal(arg, file)
            if label is not None:
                named[file.text(label).rstrip("=: ").strip()] = value
            else:
                args.append(value)
        out[name] = Attribute(name, args, named)
    return out
