"""Schema evidence from SeaORM entities (Rust), parsed with tree-sitter's Rust grammar.

The files are parsed, never compiled. An entity is a module (a file, or an inline
`mod`) whose `struct Model` derives `DeriveEntityModel` (the compact form `sea-orm-cli
generate entity` writes) or `DeriveModel` (the expanded form). Read from it:

- the table: `#[sea_orm(table_name = "users", schema_name = "auth")]` on `Model`, or
  the string `EntityName::table_name` returns (expanded form);
- the columns: `Model`'s fields, named as written (`r#type` is `type`) unless
  `column_name = "..."`; `#[sea_orm(ignore)]` fields are none, and neither are SeaORM
  2's relation fields (`HasOne<...>`, `HasMany<...>`); `primary_key` marks the key;
  `comment = "..."`, else the field's doc comment, is the column's comment;
- the type: `column_type = "..."` (also in the expanded form's `ColumnTrait::def`),
  else the field's Rust type (`Option<T>` is `T`), else a `DeriveValueType` newtype's or
  a `DeriveActiveEnum`'s `db_type` found in the entry;
- foreign keys: `enum Relation`'s `#[sea_orm(belongs_to = "super::user::Entity", from =
  "Column::UserId", to = "super::user::Column::Id")]` (and the expanded form's
  `Entity::belongs_to(super::user::Entity).from(Column::UserId).to(...)`; SeaORM 2's
  `#[sea_orm(belongs_to, from = "user_id", to = "id")] user: HasOne<super::user::Entity>`):
  the target is the entity of the module the path names.

SQL types are those SeaORM creates on PostgreSQL (sea-query's names there). Rust types:
`String` varchar; `char` char; `i8`, `u8`, `i16` smallint; `u16`, `i32` integer; `u32`,
`i64`, `u64` bigint; `f32` real; `f64` double precision; `bool` boolean; `Decimal`,
`BigDecimal` decimal; `Date`/`NaiveDate` date; `Time`/`NaiveTime` time;
`DateTime`/`NaiveDateTime`/`PrimitiveDateTime` timestamp; `DateTimeWithTimeZone`,
`DateTimeUtc`, `DateTimeLocal`, `DateTime<Tz>`, `OffsetDateTime` timestamptz; `Uuid`
uuid; `Json`/`serde_json::Value` json; `IpNetwork` inet; `Vec<u8>` bytea; `Vec<T>` `T[]`.
`column_type`s: `Char(n)` char(n); `String(StringLen::N(n))` varchar(n); `Text` text;
`TinyInteger`/`SmallInteger` smallint; `Integer` integer; `BigInteger` bigint;
`TinyUnsigned` smallint; `SmallUnsigned` integer; `Unsigned`/`BigUnsigned` bigint;
`Float` real; `Double` double precision; `Decimal(Some((p, s)))` decimal(p,s);
`DateTime`/`Timestamp` timestamp; `TimestampWithTimeZone` timestamptz; `Time`; `Date`;
`Interval`; `Binary`/`VarBinary`/`Blob` bytea; `Boolean` boolean; `Money`; `Json` json;
`JsonBinary` jsonb; `Uuid`; `Inet`; `Cidr`; `MacAddr`; `LTree` ltree; `Custom("x")` x;
`Array(T)` `T[]`.

A type cnsnt cannot resolve (a newtype defined outside the entry), a `column_type` it
cannot read, a relation whose target is not in the entry, a model without a table name:
each is a CN001 warning at its place, and the rest is read. Files that do not mention
`sea_orm` are passed over unparsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, model_evidence, model_failed, nothing_found
from cnsnt.sources.schemas.grammars import Node, SourceFile, warn_once
from cnsnt.sources.schemas.rust_syntax import (
    Item,
    expression,
    items,
    path_names,
    raw_name,
    rust_files,
    string_value,
)

#: Rust types (the last name of their path) -> SQL type.
RUST_TYPES: dict[str, str] = {
    "String": "varchar",
    "str": "varchar",
    "char": "char",
    "i8": "smallint",
    "u8": "smallint",
    "i16": "smallint",
    "u16": "integer",
    "i32": "integer",
    "u32": "bigint",
    "i64": "bigint",
    "u64": "bigint",
    "f32": "real",
    "f64": "double precision",
    "bool": "boolean",
    "Decimal": "decimal",
    "BigDecimal": "decimal",
    "Date": "date",
    "NaiveDate": "date",
    "TimeDate": "date",
    "Time": "time",
    "NaiveTime": "time",
    "TimeTime": "time",
    "NaiveDateTime": "timestamp",
    "PrimitiveDateTime": "timestamp",
    "TimeDateTime": "timestamp",
    "DateTimeWithTimeZone": "timestamptz",
    "DateTimeUtc": "timestamptz",
    "DateTimeLocal": "timestamptz",
    "TimeDateTimeWithTimeZone": "timestamptz",
    "OffsetDateTime": "timestamptz",
    "Uuid": "uuid",
    "Json": "json",
    "Value": "json",
    "IpNetwork": "inet",
}
#: sea-query's `ColumnType` variants -> the SQL type on PostgreSQL.
COLUMN_TYPES: dict[str, str] = {
    "Char": "char",
    "String": "varchar",
    "Text": "text",
    "TinyInteger": "smallint",
    "SmallInteger": "smallint",
    "Integer": "integer",
    "BigInteger": "bigint",
    "TinyUnsigned": "smallint",
    "SmallUnsigned": "integer",
    "Unsigned": "bigint",
    "BigUnsigned": "bigint",
    "Float": "real",
    "Double": "double precision",
    "Decimal": "decimal",
    "DateTime": "timestamp",
    "Timestamp": "timestamp",
    "TimestampWithTimeZone": "timestamptz",
    "Time": "time",
    "Date": "date",
    "Year": "integer",
    "Interval": "interval",
    "Binary": "bytea",
    "VarBinary": "bytea",
    "Blob": "bytea",
    "Bit": "bit",
    "VarBit": "varbit",
    "Boolean": "boolean",
    "Money": "money",
    "Json": "json",
    "JsonBinary": "jsonb",
    "Uuid": "uuid",
    "Cidr": "cidr",
    "Inet": "inet",
    "MacAddr": "macaddr",
    "LTree": "ltree",
}
#: SeaORM 2's relation field types: no column.
_RELATION_FIELDS = frozenset({"HasOne", "HasMany", "BelongsTo"})
#: How deep inline `mod`s are followed (real entity files nest one or two).
_MODULE_DEPTH = 16
#: How deep `Array(Array(...))` column types (and `Option<Vec<...>>` types) are followed.
_ARRAY_DEPTH = 8
#: Files named so are their folder's module (`user/mod.rs` is `user`).
_FOLDER_MODULES = frozenset({"mod.rs", "lib.rs", "main.rs"})


def mentions_seaorm(text: str) -> bool:
    """Whether a Rust file's text may hold SeaORM entities or value types (before parsing it)."""
    return "sea_orm" in text or "DeriveEntityModel" in text


def read_seaorm(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's SeaORM entities map to (all at once: relations name other files' entities)."""
    problems: list[SourceProblem] = []
    reader = Entities(problems)
    found = 0
    for file, root in rust_files(paths, ctx, problems, "entities", mentions_seaorm):
        found += 1
        reader.read_module(root, file, _module_name(file.shown))
    tables = reader.finish()
    if not reader.models and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(nothing_found(shown, "SeaORM entity (a `struct Model` deriving DeriveEntityModel)"))
    return model_evidence(tables, problems, found)


def _module_name(shown: str) -> str:
    """The Rust module a file is: its stem, or its folder's name for `mod.rs`."""
    path = Path(shown)
    return path.parent.name if path.name in _FOLDER_MODULES else path.stem


@dataclass
class Field:
    """A column of a model: its column, the Rust type node, the `column_type` given."""

    column: ModelColumn
    variant: str
    """Its `Column` enum variant (`user_id` -> `UserId`)."""
    kind: Node | None
    given: Node | None = None
    """A `column_type` attribute's string, or the expanded form's `ColumnType::...` expression."""


@dataclass
class Relation:
    """A belongs-to relation: own columns (variants or names) -> the target module's."""

    target: str
    own: list[str]
    ref: list[str]
    node: Node
    file: SourceFile
    by_name: bool = False
    """SeaORM 2's `from = "user_id"`: column names, not `Column` variants."""


@dataclass
class Entity:
    """One entity module as read so far."""

    module: str
    file: SourceFile
    model: Item | None = None
    table: ModelTable | None = None
    fields: list[Field] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    expanded_types: dict[str, Node] = field(default_factory=dict)
    table_fn: str | None = None


class Entities:
    """An entry's Rust modules -> SeaORM's tables."""

    def __init__(self, problems: list[SourceProblem]) -> None:
        self.problems = problems
        self._warned: set[tuple[str, int, int]] = set()
        self.modules: list[Entity] = []
        self.models = 0
        """How many `struct Model`s were found (read or named in a warning)."""
        self.value_types: dict[str, tuple[Node | None, Node | None, SourceFile]] = {}
        """Newtypes and active enums: name -> (`column_type`/`db_type` string, inner Rust type, file)."""
        self.enums: dict[str, str] = {}
        """`db_type = "Enum", enum_name = "mood"` active enums -> their PostgreSQL type."""

    def read_module(self, body: Node, file: SourceFile, module: str, depth: int = 0) -> None:
        """A module's items (inline `mod`s are modules of their own, followed `_MODULE_DEPTH` deep)."""
        entity = Entity(module, file)
        for item in items(body, file):
            node = item.node
            name_node = node.child_by_field_name("name")
            name = file.text(name_node) if name_node is not None else ""
            if node.type == "mod_item":
                inner = node.child_by_field_name("body")
                if inner is not None and depth >= _MODULE_DEPTH:
                    self._warn(file, node, f"mod {name} nests too deep: cnsnt does not read its entities")
                elif inner is not None:
                    self.read_module(inner, file, name, depth + 1)
            elif (
                node.type == "struct_item"
                and name == "Model"
                and (item.derives("DeriveEntityModel") or item.derives("DeriveModel"))
            ):
                entity.model = item
            elif node.type == "struct_item" and item.derives("DeriveValueType"):
                self._value_type(item, name, file)
            elif node.type == "enum_item" and item.derives("DeriveActiveEnum"):
                given = item.arg("sea_orm", "db_type")
                enum_name = item.arg("sea_orm", "enum_name")
                if given is not None and given.value == "Enum" and enum_name is not None:
                    self.enums.setdefault(name, str(enum_name.value).lower())
                self.value_types.setdefault(name, (given.node if given else None, None, file))
            elif node.type == "enum_item" and name == "Relation" and item.derives("DeriveRelation"):
                self._relations(node, file, entity)
            elif node.type == "impl_item":
                self._impl(node, file, entity)
        if entity.model is not None:
            self.models += 1
            try:
                self._model(entity)
            except Exception as exc:  # noqa: BLE001 - one entity's bug must not lose the others
                line, column = file.place(entity.model.node)
                self.problems.append(model_failed(exc, file.shown, line, column, f"the entity {module}"))
                return
            self.modules.append(entity)

    def _value_type(self, item: Item, name: str, file: SourceFile) -> None:
        given = item.arg("sea_orm", "column_type")
        body = item.node.child_by_field_name("body")
        inner = None
        if body is not None and body.type == "ordered_field_declaration_list":
            inner = body.child_by_field_name("type")
        self.value_types.setdefault(name, (given.node if given else None, inner, file))

    # ---- the model

    def _model(self, entity: Entity) -> None:
        item = entity.model
        assert item is not None
        file = entity.file
        name = item.arg("sea_orm", "table_name")
        schema = item.arg("sea_orm", "schema_name")
        table_name = name.value if name is not None and isinstance(name.value, str) else entity.table_fn
        where = item.node.child_by_field_name("name") or item.node
        if not table_name:
            self._warn(
                file,
                where,
                f"SeaORM Model of `{entity.module}` has no `table_name` cnsnt can read: "
                "its table and columns are not read",
            )
            entity.model = None
            return
        line, column = file.place(where)
        comment = item.arg("sea_orm", "comment")
        table = ModelTable(
            table_name,
            file.shown,
            line,
            column,
            schema=schema.value if schema is not None and isinstance(schema.value, str) else None,
            comment=comment.value if comment is not None and isinstance(comment.value, str) else item.doc(),
        )
        entity.table = table
        body = item.node.child_by_field_name("body")
        for member in items(body, file) if body is not None else ():
            if member.node.type != "field_declaration":
                continue
            self._field(member, entity, table)

    def _field(self, member: Item, entity: Entity, table: ModelTable) -> None:
        file = entity.file
        name_node = member.node.child_by_field_name("name")
        kind = member.node.child_by_field_name("type")
        if name_node is None or member.arg("sea_orm", "ignore") is not None:
            return
        rust = raw_name(file.text(name_node))
        outer = _generic_name(kind, file)
        if outer in _RELATION_FIELDS:
            if member.arg("sea_orm", "belongs_to") is not None:
                self._field_relation(member, kind, entity)
            return
        given_name = member.arg("sea_orm", "column_name")
        line, column = file.place(name_node)
        comment = member.arg("sea_orm", "comment")
        col = ModelColumn(
            given_name.value if given_name is not None and isinstance(given_name.value, str) else rust,
            line,
            column,
            comment=comment.value if comment is not None and isinstance(comment.value, str) else member.doc(),
            primary_key=member.arg("sea_orm", "primary_key") is not None,
        )
        given = member.arg("sea_orm", "column_type")
        table.add(col)
        entity.fields.append(Field(col, _variant(rust), kind, given.node if given is not None else None))

    def _field_relation(self, member: Item, kind: Node | None, entity: Entity) -> None:
        """SeaORM 2: `#[sea_orm(belongs_to, from = "user_id", to = "id")] user: HasOne<user::Entity>`."""
        file = entity.file
        args = kind.child_by_field_name("type_arguments") if kind is not None else None
        target = next((c for c in args.named_children), None) if args is not None else None
        names = path_names(target, file) if target is not None else []
        own, ref = member.arg("sea_orm", "from"), member.arg("sea_orm", "to")
        if (
            not names
            or own is None
            or ref is None
            or not isinstance(own.value, str)
            or not isinstance(ref.value, str)
        ):
            self._warn(
                file, member.node, "a belongs_to relation cnsnt cannot read: no foreign key taken from it"
            )
            return
        entity.relations.append(
            Relation(
                _target(names, entity.module), _list(own.value), _list(ref.value), member.node, file, True
            )
        )

    # ---- relations and the expanded form

    def _relations(self, node: Node, file: SourceFile, entity: Entity) -> None:
        """`enum Relation`'s `#[sea_orm(belongs_to = ..., from = ..., to = ...)]` variants."""
        body = node.child_by_field_name("body")
        for variant in items(body, file) if body is not None else ():
            target = variant.arg("sea_orm", "belongs_to")
            if target is None:
                continue  # has_many, has_one: the key is in the other table
            own, ref = variant.arg("sea_orm", "from"), variant.arg("sea_orm", "to")
            values = [a.value if a is not None else None for a in (target, own, ref)]
            if not all(isinstance(v, str) for v in values):
                self._warn(
                    file, variant.node, "a belongs_to relation without `from` and `to`: no foreign key taken"
                )
                continue
            module = _target([p.strip() for p in str(values[0]).split("::")], entity.module)
            entity.relations.append(
                Relation(module, _variants(str(values[1])), _variants(str(values[2])), variant.node, file)
            )

    def _impl(self, node: Node, file: SourceFile, entity: Entity) -> None:
        """The expanded form: `EntityName::table_name`, `ColumnTrait::def`, `RelationTrait::def`."""
        trait = node.child_by_field_name("trait")
        name = path_names(trait, file)[-1:] if trait is not None else []
        if name == ["EntityName"]:
            for function in _functions(node, "table_name"):
                literal = _returned_string(function, file)
                if literal is not None:
                    entity.table_fn = literal
                else:
                    self._warn(
                        file,
                        function,
                        "EntityName::table_name computes its name: cnsnt cannot tell the table",
                    )
        elif name in (["ColumnTrait"], ["RelationTrait"]):
            for function in _functions(node, "def"):
                for variant, value in _match_arms(function, file):
                    if name == ["ColumnTrait"]:
                        base = _column_type_base(value, file)
                        if base is not None:
                            entity.expanded_types.setdefault(variant, base)
                    else:
                        self._expanded_relation(value, file, entity)

    def _expanded_relation(self, value: Node, file: SourceFile, entity: Entity) -> None:
        """`Entity::belongs_to(super::user::Entity).from(Column::UserId).to(super::user::Column::Id).into()`."""
        calls: dict[str, list[Node]] = {}
        node: Node | None = value
        while node is not None and node.type == "call_expression":
            function = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            args = list(arguments.named_children) if arguments is not None else []
            if function is not None and function.type == "field_expression":
                member = function.child_by_field_name("field")
                calls.setdefault(file.text(member) if member is not None else "", args)
                node = function.child_by_field_name("value")
            else:
                names = path_names(function, file) if function is not None else []
                calls.setdefault(names[-1] if names else "", args)
                node = None
        if "belongs_to" not in calls:
            return  # has_many, has_one
        target = [path_names(a, file) for a in calls["belongs_to"]]
        own = _arg_variants(calls.get("from", []), file)
        ref = _arg_variants(calls.get("to", []), file)
        if len(target) != 1 or not target[0] or not own or not ref:
            self._warn(file, value, "a belongs_to relation cnsnt cannot read: no foreign key taken from it")
            return
        entity.relations.append(Relation(_target(target[0], entity.module), own, ref, value, file))

    # ---- the end

    def finish(self) -> list[ModelTable]:
        """Types (every value type now known) and foreign keys; the tables in file order."""
        by_module: dict[str, Entity] = {}
        for entity in self.modules:
            by_module.setdefault(entity.module, entity)
        for entity in self.modules:
            for member in entity.fields:
                member.column.type = self._type(member, entity)
        for entity in self.modules:
            for relation in entity.relations:
                self._foreign_key(entity, relation, by_module)
        return [e.table for e in self.modules if e.table is not None]

    def _type(self, member: Field, entity: Entity) -> str | None:
        file = entity.file
        if member.given is not None:
            return self._given(member.given, file)
        expanded = entity.expanded_types.get(member.variant)
        if expanded is not None:
            return _column_type(expanded, file)
        sql, unknown = self._rust_type(member.kind, file, 0)
        if unknown is not None and member.kind is not None:
            self._warn(
                file,
                member.kind,
                f"`{unknown[:60]}` is no type SeaORM maps by itself and no DeriveValueType or "
                "DeriveActiveEnum of this entry: the column is read without a type (give it `column_type`)",
            )
        return sql

    def _given(self, node: Node, file: SourceFile) -> str | None:
        """A `column_type = "..."` string (or `db_type`), as SQL; a warning when cnsnt cannot read it."""
        code = string_value(node, file)
        parsed = expression(code) if code else None
        sql = _column_type(parsed[0], parsed[1]) if parsed is not None else None
        if sql is None:
            self._warn(
                file, node, f"column_type {file.excerpt(node, 60)}: not a type cnsnt reads; no type taken"
            )
        return sql

    def _rust_type(self, kind: Node | None, file: SourceFile, depth: int) -> tuple[str | None, str | None]:
        """(SQL type, None), or (None, the name of the type cnsnt cannot resolve)."""
        if kind is None:
            return None, None
        if depth > _ARRAY_DEPTH:
            return None, file.excerpt(kind, 60)
        outer = _generic_name(kind, file)
        args = kind.child_by_field_name("type_arguments") if kind.type == "generic_type" else None
        inner = args.named_children[0] if args is not None and args.named_children else None
        if outer == "Option" and inner is not None:
            return self._rust_type(inner, file, depth + 1)
        if outer == "Vec" and inner is not None:
            if file.text(inner) == "u8":
                return "bytea", None
            element, unknown = self._rust_type(inner, file, depth + 1)
            return (f"{element}[]" if element else None), unknown
        if outer == "DateTime":
            return ("timestamptz" if inner is not None else "timestamp"), None
        if outer in RUST_TYPES:
            return RUST_TYPES[outer], None
        if outer in self.enums:
            return self.enums[outer], None
        if outer in self.value_types:
            given, wrapped, home = self.value_types[outer]
            if given is not None:
                return self._given(given, home), None
            if wrapped is not None:
                return self._rust_type(wrapped, home, depth + 1)
        return None, file.text(kind)

    def _foreign_key(self, entity: Entity, relation: Relation, by_module: dict[str, Entity]) -> None:
        target = by_module.get(relation.target)
        if target is None or target.table is None or entity.table is None:
            self._warn(
                relation.file,
                relation.node,
                f"belongs_to `{relation.target}`: no entity of that module in this entry; "
                "no foreign key taken",
            )
            return
        own = _columns(entity, relation.own, relation.by_name)
        ref = _columns(target, relation.ref, relation.by_name)
        if own is None or ref is None or len(own) != len(ref):
            self._warn(
                relation.file, relation.node, "belongs_to: its `from`/`to` columns are not the models' fields"
            )
            return
        fk = ForeignKey(tuple(own), target.table.name, tuple(ref), ref_schema=target.table.schema)
        if fk not in entity.table.foreign_keys:
            entity.table.foreign_keys.append(fk)

    def _warn(self, file: SourceFile, node: Node, message: str) -> None:
        # a value type's `column_type` is read for each column of its type: said once
        warn_once(self.problems, self._warned, file, node, message)


def _columns(entity: Entity, names: list[str], by_name: bool) -> list[str] | None:
    """Column variants (or names) of an entity -> its column names; None when one is not a field."""
    out: list[str] = []
    for name in names:
        found = next(
            (f.column.name for f in entity.fields if (f.column.name if by_name else f.variant) == name), None
        )
        if found is None:
            return None
        out.append(found)
    return out


def _variant(field_name: str) -> str:
    """SeaORM's `Column` variant of a field (`user_id` -> `UserId`)."""
    return "".join(part[:1].upper() + part[1:] for part in field_name.split("_") if part)


def _target(path: list[str], module: str) -> str:
    """The module a path to an entity names (`super::user::Entity` -> `user`; `Entity` -> this one)."""
    names = [p for p in path if p not in ("super", "crate", "self")]
    if names and names[-1] in ("Entity", "Model", "ActiveModel"):
        names = names[:-1]
    return names[-1] if names else module


def _variants(text: str) -> list[str]:
    """`Column::UserId` or `(Column::A, Column::B)` -> the variant names."""
    return [part.split("::")[-1].strip() for part in _list(text)]


def _list(text: str) -> list[str]:
    """`a` or `(a, b)` -> its parts."""
    inner = text.strip().removeprefix("(").removesuffix(")")
    return [part.strip() for part in inner.split(",") if part.strip()]


def _arg_variants(args: list[Node], file: SourceFile) -> list[str]:
    """`.from(Column::A)` or `.from((Column::A, Column::B))` -> the variant names."""
    if len(args) == 1 and args[0].type == "tuple_expression":
        args = list(args[0].named_children)
    out = [path_names(a, file)[-1:] for a in args]
    return [n[0] for n in out] if all(out) else []


def _generic_name(kind: Node | None, file: SourceFile) -> str:
    """The last name of a type's path (`chrono::NaiveDateTime` -> `NaiveDateTime`, `Vec<T>` -> `Vec`)."""
    if kind is None:
        return ""
    if kind.type == "generic_type":
        kind = kind.child_by_field_name("type")
    if kind is None:
        return ""
    if kind.type == "primitive_type":
        return file.text(kind)
    names = path_names(kind, file)
    return names[-1] if names else ""


def _functions(impl: Node, name: str) -> list[Node]:
    body = impl.child_by_field_name("body")
    out: list[Node] = []
    for child in body.named_children if body is not None else ():
        fn_name = child.child_by_field_name("name") if child.type == "function_item" else None
        if fn_name is not None and fn_name.text == name.encode():
            out.append(child)
    return out


def _returned_string(function: Node, file: SourceFile) -> str | None:
    """The string literal a function's body ends with, else None."""
    body = function.child_by_field_name("body")
    inner = (
        [c for c in body.named_children if c.type not in ("line_comment", "block_comment")] if body else []
    )
    return string_value(inner[-1], file) if len(inner) == 1 else None


def _match_arms(function: Node, file: SourceFile) -> list[tuple[str, Node]]:
    """`match self { Column::X => value, ... }` in a function's body -> (X, value) each."""
    out: list[tuple[str, Node]] = []
    stack = [function.child_by_field_name("body")]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.type == "match_arm":
            pattern = node.child_by_field_name("pattern")
            value = node.child_by_field_name("value")
            names = (
                path_names(pattern.named_children[0], file)
                if pattern is not None and pattern.named_children
                else []
            )
            if names and value is not None:
                out.append((names[-1], value))
            continue
        stack.extend(reversed(node.named_children))
    return out


def _column_type_base(value: Node, file: SourceFile) -> Node | None:
    """In `ColumnType::String(StringLen::N(255)).def().null()`, the `ColumnType::...` expression."""
    node: Node | None = value
    while node is not None:
        if node.type == "scoped_identifier" and path_names(node, file)[:1] == ["ColumnType"]:
            return node
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        if function is not None and function.type == "scoped_identifier":
            return node if path_names(function, file)[:1] == ["ColumnType"] else None
        node = function.child_by_field_name("value") if function is not None else None
    return None


def _column_type(node: Node, file: SourceFile, depth: int = 0) -> str | None:
    """A `ColumnType` expression as SQL (`Text`, `String(StringLen::N(255))`, `Decimal(Some((10, 2)))`)."""
    if node.type in ("identifier", "scoped_identifier"):
        names = path_names(node, file)
        return COLUMN_TYPES.get(names[-1]) if names else None
    if node.type != "call_expression":
        return None
    function = node.child_by_field_name("function")
    arguments = node.child_by_field_name("arguments")
    names = path_names(function, file) if function is not None else []
    args = list(arguments.named_children) if arguments is not None else []
    name = names[-1] if names else ""
    if name == "Custom":  # `Custom("citext".to_owned())`, `Custom(SeaRc::new(MySqlType::LongBlob))`
        text = _first_string(node, file) or _database_type(node, file)
        return text.lower() if text else None
    if name == "Array" and args and depth < _ARRAY_DEPTH:
        inner = _first_type(args[0], file, depth + 1)
        return f"{inner}[]" if inner else None
    base = COLUMN_TYPES.get(name)
    if base is None:
        return None
    numbers = _numbers(arguments, file) if arguments is not None else []
    if base in ("varchar", "char") and numbers:
        return f"{base}({numbers[0]})"
    if base == "decimal" and len(numbers) == 2:
        return f"decimal({numbers[0]},{numbers[1]})"
    return base


def _first_type(node: Node, file: SourceFile, depth: int) -> str | None:
    """`RcOrArc::new(ColumnType::Text)` -> the type inside (`Array`'s argument)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in ("scoped_identifier", "call_expression", "identifier"):
            found = _column_type(current, file, depth)
            if found is not None:
                return found
        stack.extend(reversed(current.named_children))
    return None


def _database_type(node: Node, file: SourceFile) -> str | None:
    """The name in `MySqlType::LongBlob` (`PgType`, `SqliteType`) inside an expression, else None."""
    stack = [node]
    while stack:
        current = stack.pop()
        names = path_names(current, file) if current.type == "scoped_identifier" else []
        if len(names) == 2 and names[0] in ("MySqlType", "PgType", "SqliteType"):
            return names[1]
        stack.extend(reversed(current.named_children))
    return None


def _first_string(node: Node, file: SourceFile) -> str | None:
    stack = [node]
    while stack:
        current = stack.pop()
        value = string_value(current, file)
        if value is not None:
            return value
        stack.extend(reversed(current.named_children))
    return None


def _numbers(node: Node, file: SourceFile) -> list[str]:
    """The integer literals inside an expression, in order (`StringLen::N(255)`, `Some((10, 2))`)."""
    out: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "integer_literal":
            out.append(file.text(current))
            continue
        stack.extend(reversed(current.named_children))
    return out
