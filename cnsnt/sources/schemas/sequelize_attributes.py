"""Sequelize attribute objects, as models (`define`, `init`) and migrations (`createTable`) write them.

`{ email: DataTypes.STRING, firstName: { type: DataTypes.STRING(100), field: 'first_name',
comment: '...' }, userId: { type: DataTypes.INTEGER, references: { model: 'Users', key: 'id' } } }`:
each key is an attribute, its value a type or an options object. What cnsnt cannot
read without running the code (a spread of a variable, a computed key, a helper call)
is a warning at its place; the attributes around it are still read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cnsnt.sources.schemas.common import enum_type
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.js_syntax import arguments, key_name, last_name
from cnsnt.sources.schemas.sequelize_naming import VIRTUAL, sql_type
from cnsnt.sources.schemas.typeorm_syntax import Node, Unresolved, enum_values, evaluate

#: Says that something at a node could not be read (the message names what).
Warn = Callable[[Node, str], None]


@dataclass
class Reference:
    """`references: { model, key }`: a table name (`'Users'`, in migrations) or a model (`User`)."""

    table: str | None
    """A table name written as a string."""
    model: str | None
    """A model named by a variable or class (`User`, `models.User`)."""
    key: str | None


@dataclass
class Attribute:
    """One attribute of a model or one column of `createTable`."""

    name: str
    node: Node
    """Where the attribute is written (its key)."""
    type: str | None = None
    field: str | None = None
    primary_key: bool = False
    comment: str | None = None
    references: Reference | None = None
    virtual: bool = False
    file: SourceFile | None = None
    """The file it is written in when not its model's (a parent class's, for sequelize-typescript)."""


def data_type(node: Node, file: SourceFile, constants: dict[str, Any]) -> tuple[str | None, bool]:
    """(SQL type, known) of `DataTypes.STRING(100)`, `Sequelize.INTEGER`, `new DataTypes.ENUM(...)`, `'TEXT'`.

    `(None, True)` is a `VIRTUAL` attribute (no column); `(None, False)` a type cnsnt cannot read.
    """
    if node.type == "new_expression":
        ctor = node.child_by_field_name("constructor")
        name = last_name(ctor, file) if ctor is not None else None
        args = node.child_by_field_name("arguments")
        values = [a for a in args.named_children if a.type != "comment"] if args is not None else []
        if name is None:
            return None, False
        return _typed(name, values, file, constants), True
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        name = last_name(function, file) if function is not None else None
        if name is None:
            return None, False
        inner = _type_name(function, file)
        if inner == "ARRAY":
            values = arguments(node)
            item = data_type(values[0], file, constants)[0] if values else None
            return (f"{item}[]" if item else "ARRAY"), True
        return _typed(inner or name, arguments(node), file, constants), True
    if node.type == "member_expression":
        name = _type_name(node, file)
        return (sql_type(name), True) if name else (None, False)
    if node.type in ("string", "template_string"):
        try:
            found = evaluate(node, file, constants)
        except Unresolved:
            return None, False
        return (str(found), True) if isinstance(found, str) and found else (None, False)
    return None, False


def _type_name(node: Node, file: SourceFile) -> str | None:
    """`DataTypes.STRING.BINARY` -> `STRING`; `DataTypes.ENUM` -> `ENUM` (the first upper-case step)."""
    parts = file.text(node).replace(" ", "").replace("\n", "").split(".")
    for part in parts[1:] if len(parts) > 1 else parts:
        if part.isupper() or (part[:1].isupper() and part.upper() == part):
            return part
    return parts[-1] if parts and parts[-1] else None


def _typed(name: str, nodes: list[Node], file: SourceFile, constants: dict[str, Any]) -> str | None:
    """The SQL type of a type called with arguments (`STRING(100)`, `ENUM('a', 'b')`)."""
    return _enum(name, nodes, file, constants) or sql_type(name, _literals(nodes, file, constants))


def _enum(name: str, nodes: list[Node], file: SourceFile, constants: dict[str, Any]) -> str | None:
    """`DataTypes.ENUM('ATIVA', 'OBITO')` as `enum('ATIVA','OBITO')`: the classifier reads values there."""
    if name.upper() != "ENUM":
        return None
    values: list[str] = []
    for node in nodes:
        try:
            found = evaluate(node, file, constants)
        except Unresolved:
            continue
        if isinstance(found, str):
            values.append(found)
    return enum_type(values) if values else None


def _literals(nodes: list[Node], file: SourceFile, constants: dict[str, Any]) -> list[str]:
    """The literal arguments of a type (`STRING(100)` -> ['100']); options and unknown values left out."""
    out: list[str] = []
    for node in nodes:
        try:
            found = evaluate(node, file, constants)
        except Unresolved:
            continue
        if isinstance(found, (int, float)) and not isinstance(found, bool):
            out.append(str(found))
    return out


def read_attributes(obj: Node, file: SourceFile, constants: dict[str, Any], warn: Warn) -> list[Attribute]:
    """The attributes of an object literal, in the order written."""
    out: list[Attribute] = []
    for child in obj.named_children:
        if child.type == "comment":
            continue
        if child.type == "spread_element":
            warn(
                child,
                f"{file.excerpt(child)}: attributes spread from elsewhere cannot be read; "
                "the columns it adds are missing",
            )
            continue
        if child.type == "shorthand_property_identifier":
            warn(
                child,
                f"{file.text(child)}: an attribute whose definition is a variable cnsnt cannot "
                "read; its type is unknown",
            )
            out.append(Attribute(file.text(child), child))
            continue
        if child.type != "pair":
            continue
        key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
        if key is None or value is None:
            continue
        name = key_name(key, file, constants)
        if name is None:
            warn(
                key,
                f"{file.excerpt(key)}: a computed attribute name cnsnt cannot read; that column is missing",
            )
            continue
        out.append(attribute(name, key, value, file, constants, warn))
    return out


def attribute(
    name: str, key: Node, value: Node, file: SourceFile, constants: dict[str, Any], warn: Warn
) -> Attribute:
    """One attribute from its value: a type, or `{ type, field, primaryKey, comment, references }`."""
    found = Attribute(name, key)
    if value.type != "object":
        found.type, known = data_type(value, file, constants)
        found.virtual = known and found.type is None
        if not known:
            warn(
                value,
                f"{name}: {file.excerpt(value)}: a type cnsnt cannot read; the column is read without it",
            )
        return found
    options = _options(value, file)
    type_node = options.get("type")
    if type_node is not None:
        found.type, known = data_type(type_node, file, constants)
        found.virtual = known and found.type is None and VIRTUAL in file.text(type_node).upper()
        listed = options.get("values")
        if listed is not None and (found.type or "").upper() == "ENUM":
            declared = enum_values(listed, file, constants)  # `{type: DataTypes.ENUM, values: [...]}`
            found.type = enum_type(*declared) if declared else found.type
    field = _text(options.get("field"), file, constants, warn, name, "field")
    found.field = field
    found.primary_key = _flag(options.get("primaryKey"), file, constants)
    found.comment = _text(options.get("comment"), file, constants, warn, name, "comment")
    refs = options.get("references")
    if refs is not None:
        found.references = reference(refs, file, constants, warn, name)
    return found


def reference(
    node: Node, file: SourceFile, constants: dict[str, Any], warn: Warn, name: str
) -> Reference | None:
    """`{ model: 'Users' | User | { tableName, schema }, key: 'id' }`, or a table name alone."""
    if node.type in ("string", "template_string"):
        return Reference(_text(node, file, constants, warn, name, "references"), None, None)
    if node.type != "object":
        warn(node, f"{name}: references {file.excerpt(node)}: cnsnt cannot read it; no foreign key is read")
        return None
    options = _options(node, file)
    key = _text(options.get("key"), file, constants, warn, name, "references.key")
    model = options.get("model") or options.get("table")
    if model is None:
        return None
    if model.type == "object":
        inner = _options(model, file)
        return Reference(_text(inner.get("tableName"), file, constants, warn, name, "tableName"), None, key)
    try:
        found = evaluate(model, file, constants)
    except Unresolved:
        found = None
    if isinstance(found, str) and found:
        return Reference(found, None, key)
    target = last_name(model, file)
    if target is None:
        warn(
            model, f"{name}: references {file.excerpt(model)}: cnsnt cannot read it; no foreign key is read"
        )
        return None
    return Reference(None, target, key)


def _options(obj: Node, file: SourceFile) -> dict[str, Node]:
    """The keys of an options object -> their value nodes (spreads and computed keys passed over)."""
    out: dict[str, Node] = {}
    for child in obj.named_children:
        if child.type == "pair":
            key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
            if key is not None and value is not None and key.type in ("property_identifier", "string"):
                text = file.text(key)
                out.setdefault(text[1:-1] if key.type == "string" else text, value)
        elif child.type == "shorthand_property_identifier":
            out.setdefault(file.text(child), child)
    return out


options_of = _options


def _text(
    node: Node | None, file: SourceFile, constants: dict[str, Any], warn: Warn, name: str, what: str
) -> str | None:
    if node is None:
        return None
    try:
        found = evaluate(node, file, constants)
    except Unresolved:
        warn(node, f"{name}: {what} {file.excerpt(node)}: a value cnsnt cannot read; the default is used")
        return None
    return found if isinstance(found, str) and found else None


def _flag(node: Node | None, file: SourceFile, constants: dict[str, Any]) -> bool:
    if node is None:
        return False
    try:
        return evaluate(node, file, constants) is True
    except Unresolved:
        return False


def literal(node: Node | None, file: SourceFile, constants: dict[str, Any]) -> Any:
    """A literal option value, or None when it is absent or cannot be read."""
    if node is None:
        return None
    try:
        return evaluate(node, file, constants)
    except Unresolved:
        return None
