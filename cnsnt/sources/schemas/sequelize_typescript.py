"""sequelize-typescript models (`@Table class User extends Model { @Column(DataType.STRING) email }`).

A class decorated with `@Table` is a model; its properties decorated with `@Column`
(or `@PrimaryKey`, `@ForeignKey`, `@CreatedAt`, `@UpdatedAt`, `@DeletedAt`) are its
attributes, with those of the parent classes in the entry (`ParanoidModel` holding `id`
and the timestamps). A column's type is its `DataType`, else the property's TypeScript
type, as sequelize-typescript infers it. `@ForeignKey(() => User)` and the association
decorators (`@BelongsTo`, `@HasMany`, `@HasOne`, `@BelongsToMany`) become the records
`sequelize_models` maps for every way of writing a model, so tables and keys are
named the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cnsnt.sources.schemas.common import ancestors
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.js_syntax import last_name
from cnsnt.sources.schemas.sequelize_attributes import Attribute, Reference, attribute, literal, options_of
from cnsnt.sources.schemas.sequelize_records import Association, SqModel
from cnsnt.sources.schemas.typeorm_syntax import Decorator, Field, Node, TsClass, decorator_of, type_of

#: Says that something at a node of a file could not be read.
WarnAt = Callable[[SourceFile, Node, str], None]
#: Decorators that make a property a column.
_COLUMNS = frozenset({"Column", "PrimaryKey", "ForeignKey", "CreatedAt", "UpdatedAt", "DeletedAt"})
#: Timestamp decorators -> the timestamp they stand for.
_STAMPS = {"CreatedAt": "createdAt", "UpdatedAt": "updatedAt", "DeletedAt": "deletedAt"}
#: Association decorators -> Sequelize's association.
_ASSOCIATIONS = {
    "BelongsTo": "belongsTo", "HasMany": "hasMany", "HasOne": "hasOne", "BelongsToMany": "belongsToMany"
}  # fmt: skip
#: TypeScript types -> the SQL type sequelize-typescript infers for them.
_INFERRED = {
    "string": "VARCHAR(255)", "number": "INTEGER", "boolean": "BOOLEAN", "Date": "TIMESTAMP WITH TIME ZONE",
    "Buffer": "BLOB", "bigint": "BIGINT",
}  # fmt: skip


def maps_sequelize_typescript(text: str) -> bool:
    """Whether a TypeScript file imports sequelize-typescript (its models, or their parents)."""
    return "sequelize-typescript" in text


def decorated_models(
    classes: list[TsClass], constants: dict[str, Any], warn: WarnAt
) -> tuple[list[SqModel], list[Association]]:
    """The models and associations of an entry's `@Table` classes (parents' attributes included)."""
    by_name: dict[str, TsClass] = {}
    for cls in classes:
        by_name.setdefault(cls.name, cls)
    models: list[SqModel] = []
    associations: list[Association] = []
    for cls in classes:
        table = cls.decorators.get("Table")
        if table is None:
            continue
        file = cls.file
        options = options_of(table.args[0], file) if table.args and table.args[0].type == "object" else {}
        model = SqModel(cls.name, file, cls.node, [], options, constants=constants)
        lineage = [*reversed(ancestors(cls, by_name)), cls]
        for owner in lineage:
            for prop in [*owner.fields, *_accessors(owner)]:
                found = _attribute(prop, owner.file, constants, warn)
                if found is not None:
                    found.file = owner.file
                    model.attributes = [a for a in model.attributes if a.name != found.name]
                    model.attributes.append(found)
                model.stamps.update((_STAMPS[d], prop.name) for d in prop.decorators if d in _STAMPS)
                associations.extend(_associations(cls.name, prop, owner.file, constants))
        modelname = literal(options.get("modelName"), file, constants)
        if isinstance(modelname, str) and modelname:
            model.name = modelname
        model.names.update({cls.name, model.name})
        models.append(model)
    return models, associations


def _accessors(cls: TsClass) -> list[Field]:
    """Decorated accessors (`@Column(DataType.STRING) get lastActiveIp()`, `set query(v)`): attributes too.

    tree-sitter puts a method's decorators before it in the class body, not inside it.
    """
    body = cls.node.child_by_field_name("body")
    out: list[Field] = []
    pending: list[Node] = []
    for member in body.named_children if body is not None else []:
        if member.type == "decorator":
            pending.append(member)
            continue
        name = member.child_by_field_name("name") if member.type == "method_definition" else None
        if name is not None and pending and any(c.type in ("get", "set") for c in member.children):
            decorators: dict[str, Decorator] = {}
            for node in pending:
                deco = decorator_of(node, cls.file)
                if deco is not None:
                    decorators.setdefault(deco.name, deco)
            ts_type, array = type_of(member.child_by_field_name("return_type"), cls.file)
            out.append(Field(cls.file.text(name), ts_type, array, member, decorators))
        pending = []
    return out


def _attribute(prop: Field, file: SourceFile, constants: dict[str, Any], warn: WarnAt) -> Attribute | None:
    """A property's attribute, when a decorator makes it a column."""
    decorators = prop.decorators
    if not _COLUMNS & set(decorators):
        return None
    column = decorators.get("Column")
    arg = column.args[0] if column is not None and column.args else None
    if arg is not None:
        found = attribute(prop.name, prop.node, arg, file, constants, lambda node, msg: warn(file, node, msg))
    else:
        found = Attribute(prop.name, prop.node)
    if found.type is None and not found.virtual:
        stamp = next((d for d in decorators if d in _STAMPS), None)
        found.type = "TIMESTAMP WITH TIME ZONE" if stamp else _INFERRED.get(prop.type or "")
    found.primary_key = found.primary_key or "PrimaryKey" in decorators
    comment = decorators.get("Comment")
    if comment is not None and comment.args:
        text = literal(comment.args[0], file, constants)
        found.comment = text if isinstance(text, str) else found.comment
    key = decorators.get("ForeignKey")
    target = _target(key.args[0], file) if key is not None and key.args else None
    if target is not None and found.references is None:
        found.references = Reference(None, target, None)
    return found


def _target(node: Node, file: SourceFile) -> str | None:
    """`() => User` (or `User`): the model's class name."""
    if node.type == "arrow_function":
        body = node.child_by_field_name("body")
        return last_name(body, file) if body is not None else None
    return last_name(node, file)


def _associations(source: str, prop: Field, file: SourceFile, constants: dict[str, Any]) -> list[Association]:
    """`@BelongsTo(() => Team, 'teamId') team: Team` and the like, as associations of `source`."""
    out: list[Association] = []
    for name, kind in _ASSOCIATIONS.items():
        deco: Decorator | None = prop.decorators.get(name)
        if deco is None or not deco.args:
            continue
        target = _target(deco.args[0], file)
        if target is None:
            continue
        options: dict[str, Node] = {}
        rest = deco.args[1:]
        if kind == "belongsToMany" and rest and rest[0].type != "object":
            through = rest[0]
            body = through.child_by_field_name("body") if through.type == "arrow_function" else None
            options["through"] = body if body is not None else through
            rest = rest[1:]
            for key, node in zip(("foreignKey", "otherKey"), rest, strict=False):
                options[key] = node
            rest = []
        for node in rest:
            if node.type == "object":
                options.update(options_of(node, file))
            else:
                options.setdefault("foreignKey", node)
        out.append(Association(kind, source, target, options, file, deco.node, constants, alias=prop.name))
    return out

