"""Schema evidence from bun models (Go structs with `bun:"..."` tags), parsed with tree-sitter-go.

bun (`github.com/uptrace/bun`) maps a struct to a table by reflection; cnsnt reads the
same structs without compiling them, as bun's `schema/table.go` does:

- which structs are tables: those that embed `bun.BaseModel`, those a call names as
  `(*User)(nil)` (`db.RegisterModel(...)`, `NewCreateTable().Model(...)`), and those with
  a `TableName()` method or a `pk` field; other structs with bun tags (query rows, parts
  embedded in models) are not, and one warning counts them;
- the table: `bun.BaseModel`'s tag (`bun:"table:users,alias:u"`, or the bare name
  `bun:"users"`; `schema.table` gives the schema), else what a `TableName()` method
  returns (bun has none, but projects that pair one with `ModelTableExpr` name their
  table there), else bun's default: the struct name underscored (`internal.Underscore`:
  `UserProfile` -> `user_profile`, `UserID` -> `user_id`) and pluralised (`user_profiles`);
- columns: exported fields except `bun:"-"`, named by the tag's first word, `column:`, or
  the field name underscored; `pk`, `type:`, `default:`, `notnull`, `unique` are read;
  `scanonly` fields and relations (`rel:`, `m2m:`) are no columns; an embedded struct
  gives its fields (`embed:prefix_` with the prefix);
- relations as bun resolves them: `rel:belongs-to` -> this table's `<field>_<pk>` (or
  `join:author_id=id`) references the other table's key; `rel:has-one` / `rel:has-many`
  -> the other table's `<model>_<pk>` (or `join:id=user_id`) references this one;
  `m2m:` names a join table that is a model of its own;
- types when `type:` gives none, as bun's `DiscoverSQLType`: `bool` -> `boolean`, `int`,
  `int64`, `uint`, `uint64` -> `bigint`, `int32`, `uint32` -> `integer`, `int8`, `int16`,
  `uint8`, `uint16` -> `smallint`, `float32` -> `real`, `float64` -> `double precision`,
  `string`, maps, slices and other structs -> `varchar`, `[]byte` -> `blob`, `time.Time`,
  `sql.NullTime`, `bun.NullTime` -> `timestamp`, `json.RawMessage` -> `json`, the
  `sql.Null*` types as their value; `uuid.UUID` -> `uuid`. These are bun's generic
  names, before a dialect renames them (PostgreSQL's writes `bytea`, `jsonb`).

Files named `*_test.go` are passed over, and so are the structs of files in
`migrations/` folders (one warning names them). An embedded struct or a relation's
target outside the entry, a relation whose key column is not found, a type defined
elsewhere: each is a warning at its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import inflection

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.go_models import DEPTH, GoModel, GoModels, entry_evidence, read_go_files
from cnsnt.sources.schemas.go_syntax import GoField, GoStruct, tag_value

#: Calls whose `(*X)(nil)` arguments are models (`Model` only of a `NewCreateTable()`).
REGISTERS = frozenset({"RegisterModel", "Model"})
#: Go's predeclared types -> bun's type (`DiscoverSQLType`).
_BUILTIN = {
    "bool": "boolean",
    **dict.fromkeys(("int", "int64", "uint", "uint64", "uintptr"), "bigint"),
    **dict.fromkeys(("int32", "uint32", "rune"), "integer"),
    **dict.fromkeys(("int8", "int16", "uint8", "uint16", "byte"), "smallint"),
    "float32": "real",
    "float64": "double precision",
    "string": "varchar",
    "map": "varchar",
    "struct": "varchar",
    "[]byte": "blob",
}
#: Well-known value types -> bun's type.
_QUALIFIED = {
    "time.Time": "timestamp",
    "sql.NullTime": "timestamp",
    "bun.NullTime": "timestamp",
    "schema.NullTime": "timestamp",
    "sql.NullBool": "boolean",
    "sql.NullFloat64": "double precision",
    "sql.NullInt64": "bigint",
    "sql.NullInt32": "integer",
    "sql.NullString": "varchar",
    "json.RawMessage": "json",
    "uuid.UUID": "uuid",
    "uuid.NullUUID": "uuid",
}


def _registers(called: str, operand: str) -> bool:
    return called == "RegisterModel" or (called == "Model" and "NewCreateTable" in operand)


def underscore(name: str) -> str:
    """A Go name as bun's `internal.Underscore` writes it: `UserProfile` -> `user_profile`."""
    out: list[str] = []
    for i, ch in enumerate(name):
        if "A" <= ch <= "Z":
            inner = 0 < i < len(name) - 1
            if inner and ("a" <= name[i - 1] <= "z" or "a" <= name[i + 1] <= "z"):
                out.append("_")
            out.append(ch.lower())
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class BunTag:
    """A parsed `bun:"..."` tag: its name (first word) and options (`key:value`, or a bare key)."""

    name: str = ""
    options: dict[str, str] = field(default_factory=dict)


def parse_tag(text: str) -> BunTag:
    """A bun tag as `tagparser.Parse` reads it: `email,notnull,type:varchar(100)` -> name `email`, options."""
    tag = BunTag()
    seen_name = False
    i = 0
    while i < len(text):
        start = i
        key = value = None
        while i < len(text):
            ch = text[i]
            i += 1
            if ch == ",":
                key = text[start : i - 1]
                break
            if ch == ":":
                key = text[start : i - 1]
                value, i = _value(text, i)
                break
        if key is None:
            key = text[start:i]
        if value is None and not seen_name:
            tag.name = key
        elif key:
            tag.options[key] = value or ""
        seen_name = True
        if i < len(text) and text[i] == ",":
            i += 1
    return tag


def _value(text: str, i: int) -> tuple[str, int]:
    """An option's value up to the next comma outside parentheses (`type:decimal(10,2)`) and quotes."""
    start = i
    depth = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return text[start:i], i
        elif ch == '"':
            end = text.find('"', i + 1)
            i = end if end >= 0 else len(text)
        i += 1
    return text[start:i], i


def read_bun(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's bun models map to (all its files at once: embedded structs may be elsewhere)."""
    problems: list[SourceProblem] = []
    read, steps = read_go_files(
        paths, ctx, problems, _registers, "bun models", (b"RegisterModel", b"NewCreateTable")
    )
    mapper = BunMapper([go for go, _ in read], problems, steps)
    tables = mapper.tables()
    what = None if tables else "bun model (a struct embedding bun.BaseModel)"
    return entry_evidence(tables, problems, len(read), (paths, spec, ctx), what)


@dataclass
class _Model(GoModel):
    fields: dict[str, ModelColumn] = field(default_factory=dict)
    """Columns by column name (bun's `FieldMap`)."""
    keys: list[ModelColumn] = field(default_factory=list)
    relations: list[tuple[GoStruct, GoField, BunTag]] = field(default_factory=list)


class BunMapper(GoModels):
    """An entry's Go files -> bun's tables."""

    def tables(self) -> list[ModelTable]:
        """Each model's table, then the keys its relations give (which need every table first)."""
        self.by_struct = self.built(self.models(), self._model)
        out = [model.table for model in self.by_struct.values()]
        for model in list(self.by_struct.values()):
            for home, member, tag in model.relations:
                self._relation(model, home, member, tag)
        return out

    # ---- which structs are tables

    def _is_model(self, struct: GoStruct, depth: int = 0) -> bool:
        """`bun.BaseModel`, `TableName()` or a `pk` field, in the struct or one it embeds."""
        if (struct.package, struct.name) in self.table_names:
            return True
        for member in struct.fields:
            if member.name is None and member.type.qualified == "bun.BaseModel":
                return True
            if "pk" in parse_tag(tag_value(member.tag, "bun") or "").options:
                return True
            inner = self.struct(member.type, struct.package) if member.name is None else None
            if (
                inner is not None
                and inner is not struct
                and depth < DEPTH
                and self._is_model(inner, depth + 1)
            ):
                return True
        return False

    def models(self) -> list[GoStruct]:
        """Structs embedding `bun.BaseModel`, registered, with `TableName()` or a `pk` field.

        The other structs with bun tags (less those embedded in others) are counted in one warning.
        """
        embedded: set[int] = set()
        tagged: list[GoStruct] = []
        for structs in self.by_name.values():
            for struct in structs:
                if any(tag_value(m.tag, "bun") is not None for m in struct.fields):
                    tagged.append(struct)
                for member in struct.fields:
                    if (
                        member.name is None
                        or "embed" in parse_tag(tag_value(member.tag, "bun") or "").options
                    ):
                        inner = self.struct(member.type, struct.package)
                        if inner is not None and inner is not struct:
                            embedded.add(id(inner))
        chosen = {id(s) for s in self.registered}
        models = list(self.registered)
        for struct in sorted(tagged, key=lambda s: (s.file.shown, s.node.start_byte)):
            named = (struct.package, struct.name) in self.table_names or any(
                m.name is None and m.type.qualified == "bun.BaseModel" for m in struct.fields
            )  # a model that a response struct embeds is still a model
            if id(struct) not in chosen and (
                named or (id(struct) not in embedded and self._is_model(struct))
            ):
                chosen.add(id(struct))
                models.append(struct)
        left = [s for s in tagged if id(s) not in chosen and id(s) not in embedded]  # query rows
        if left:
            first = min(left, key=lambda s: (s.file.shown, s.node.start_byte))
            line, column = first.file.place(first.node)
            self.problems.append(
                SourceProblem(
                    f"{len(left)} struct{'s' if len(left) != 1 else ''} with bun tags "
                    f"(the first: {first.name}) not read as tables: no bun.BaseModel, no pk field, "
                    "no TableName() and no call names them as a model (query rows, most often); "
                    "embed bun.BaseModel to read one",
                    Location(first.file.shown, line, column),
                    first.file.shown,
                    severity=Severity.WARNING,
                )
            )
        return models

    # ---- tables

    def _name(self, struct: GoStruct) -> tuple[str, str | None]:
        """The table (and schema) of a model: `bun.BaseModel`'s tag, `TableName()`, else bun's default."""
        for member in struct.fields:
            if member.name is None and member.type.qualified == "bun.BaseModel":
                tag = parse_tag(tag_value(member.tag, "bun") or "")
                written = tag.options.get("table") or tag.name
                if written:
                    return _split(written)
        default = str(inflection.pluralize(underscore(struct.name)))
        given = self.given_table(struct, f"bun's default {default}")
        return _split(given) if given else (default, None)

    def _model(self, struct: GoStruct) -> _Model:
        line, column = struct.file.place(struct.node)
        name, schema = self._name(struct)
        model = _Model(struct, ModelTable(name, struct.file.shown, line, column, schema))
        self._columns(model, struct, "", 0)
        return model

    def _columns(self, model: _Model, struct: GoStruct, prefix: str, depth: int) -> None:
        for member in struct.fields:
            text = tag_value(member.tag, "bun")
            if text == "-":
                continue
            tag = parse_tag(text or "")
            if member.name is None:
                if member.type.qualified != "bun.BaseModel":
                    self._embedded(model, struct, member, prefix, depth)
                continue
            if not member.name[:1].isupper():
                continue
            if "embed" in tag.options:
                self._embedded(model, struct, member, prefix + tag.options["embed"], depth)
                continue
            if "rel" in tag.options or "m2m" in tag.options:
                model.relations.append((struct, member, tag))
                continue
            if "scanonly" in tag.options:
                continue
            self._column(model, struct, member, tag, prefix)

    def _embedded(self, model: _Model, struct: GoStruct, member: GoField, prefix: str, depth: int) -> None:
        inner = self.embedded(struct, member, depth)
        if inner is not None:
            self._columns(model, inner, prefix, depth + 1)

    def _column(self, model: _Model, struct: GoStruct, member: GoField, tag: BunTag, prefix: str) -> None:
        name = tag.options.get("column") or tag.name or underscore(member.name or "")
        line, column = struct.file.place(member.node)
        given = tag.options.get("type")
        col = ModelColumn(
            prefix + name,
            line,
            column,
            given.lower() if given else self._go_type(struct, member),
            None,
            "pk" in tag.options,
            struct.file.shown if struct is not model.struct else None,
        )
        if col.name in model.fields:
            return  # bun keeps the outer field; an embedded one of the same name is ambiguous
        model.table.add(col)
        model.fields[col.name] = col
        if col.primary_key:
            model.keys.append(col)

    def _go_type(self, struct: GoStruct, member: GoField) -> str | None:
        kind = self.underlying(member.type, struct.package)
        if kind.slice:
            return "varchar"
        if kind.qualified in _BUILTIN:
            return _BUILTIN[kind.qualified]
        if kind.qualified in _QUALIFIED:
            return _QUALIFIED[kind.qualified]
        if self.struct(kind, struct.package) is not None or kind.name == "interface":
            return "varchar"
        self.unknown_type(struct, member)
        return None

    # ---- relations

    def _relation(self, model: _Model, home: GoStruct, member: GoField, tag: BunTag) -> None:
        if "m2m" in tag.options:
            return  # the join table is a model of its own, with its own belongs-to relations
        target = self.model_of(member.type, home.package, self.by_struct)
        kind = tag.options.get("rel", "")
        if target is None:
            self.warn(
                home.file,
                member.node,
                f"{model.struct.name}.{member.name} ({kind}): {member.type.qualified} is not a model of "
                "this entry's files; its key is not read",
            )
            return
        join = [pair.partition("=") for pair in tag.options.get("join", "").split(",") if "=" in pair]
        pairs = [(a.strip(), b.strip()) for a, _, b in join]
        if kind == "belongs-to":
            if not pairs:
                pairs = [(f"{underscore(member.name or '')}_{k.name}", k.name) for k in target.keys]
            self._key(model, target, pairs, home, member, kind)
        elif kind in ("has-one", "has-many"):
            if not pairs:
                lead = underscore(model.struct.name)
                pairs = [
                    (k.name, f"{lead}_{k.name}" if f"{lead}_{k.name}" in target.fields else k.name)
                    for k in model.keys
                ]
            self._key(target, model, [(b, a) for a, b in pairs], home, member, kind)
        else:
            self.warn(
                home.file, member.node, f"{model.struct.name}.{member.name}: unknown rel:{kind}; not read"
            )

    def _key(
        self,
        owner: _Model,
        target: _Model,
        pairs: list[tuple[str, str]],
        home: GoStruct,
        member: GoField,
        kind: str,
    ) -> None:
        """`owner`'s columns (first of each pair) reference `target`'s (second)."""
        missing = [a for a, _ in pairs if a not in owner.fields] + [
            b for _, b in pairs if b not in target.fields
        ]
        if not pairs or missing:
            self.warn(
                home.file,
                member.node,
                f"{member.name} ({kind}): no column {', '.join(missing) or 'key'} holds its key; "
                "its foreign key is not read",
            )
            return
        key = ForeignKey(
            tuple(a for a, _ in pairs), target.table.name, tuple(b for _, b in pairs), target.table.schema
        )
        if key not in owner.table.foreign_keys:
            owner.table.foreign_keys.append(key)


def _split(name: str) -> tuple[str, str | None]:
    """`audit.data_imports` -> (`data_imports`, `audit`); a name without a dot has no schema."""
    schema, dot, table = name.strip().strip('"').rpartition(".")
    return (table, schema) if dot else (name.strip().strip('"'), None)
