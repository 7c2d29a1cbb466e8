"""Schema evidence from Beego ORM models (Go structs with `orm:"..."` tags), parsed with tree-sitter-go.

Beego's ORM (`github.com/astaxie/beego/orm`, `github.com/beego/beego/v2/client/orm`)
maps a struct to a table by reflection once `orm.RegisterModel(new(User))` names it;
cnsnt reads the same structs without compiling them, as Beego's `models_info_*.go` and
`models_utils.go` do:

- which structs are tables: those `RegisterModel`, `RegisterModelWithPrefix(prefix,
  ...)` and `RegisterModelWithSuffix(suffix, ...)` name; when the entry registers none,
  every struct with an `orm:"..."` tag or a `TableName()` method;
- names: `TableName()`'s literal (or constant), else the struct name by Beego's
  `snakeString`, which puts `_` before every capital but a leading one (`AuthUser` ->
  `auth_user`, `ID` -> `i_d`, `IDkey` -> `i_dkey`), with the prefix or suffix of the call
  that registered it; a column is named by `column(x)`, else the field name by
  `snakeString`, `_id` added for a `rel(fk)` / `rel(one)` field without `column(...)`;
- columns: exported fields, except `orm:"-"`, `rel(m2m)` and `reverse(...)` (relations
  held by another table); an embedded struct gives its fields; `pk` and `auto` make
  the key, else an integer field named `Id` in any case (`ID` too: Beego compares it
  lowercased); `description(...)` is the comment;
- a `rel(fk)` / `rel(one)` field `Author *User` is the column `author_id` referencing
  the key of `User`'s table, and has that key's type;
- types when `type(...)` gives none, as Beego's MySQL driver writes them: `string` ->
  `varchar(size)` (`size(255)` by default; `type(text)` -> `longtext`, `type(char)` ->
  `char(size)`), `bool` -> `bool`, `int8` -> `tinyint`, `int16` -> `smallint`, `int`,
  `int32` -> `integer`, `int64` -> `bigint` (unsigned ones `... unsigned`), `float32`,
  `float64` -> `double precision` (`numeric(digits, decimals)` with `digits(...)`),
  `time.Time` -> `datetime` (`type(date)` -> `date`).

Files named `*_test.go` and those in `migrations/` folders are passed over, as for the
other Go ORMs. A type defined outside the entry, a relation to a struct cnsnt cannot
see, a `TableName()` that computes its name: each is a warning at its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.go_models import GoModel, GoModels, calls, entry_evidence, read_go_files
from cnsnt.sources.schemas.go_syntax import GoField, GoFile, GoStruct, evaluate_string, named_types, tag_value

#: Import paths of Beego's ORM (v1 and v2).
BEEGO_IMPORTS = ('"github.com/astaxie/beego/orm"', '"github.com/beego/beego/v2/client/orm"')
#: Tag words only Beego writes (GoFrame's `orm:"id,primary"` has none of them).
_BEEGO_WORDS = ("size(", "column(", "rel(", "reverse(", 'orm:"auto', 'orm:"pk')
#: The calls that register models with a prefix or suffix (the first argument).
_AFFIXED = frozenset({"RegisterModelWithPrefix", "RegisterModelWithSuffix"})
#: Go's predeclared types -> the type Beego's MySQL driver writes.
_BUILTIN = {
    "bool": "bool",
    "int8": "tinyint",
    "int16": "smallint",
    **dict.fromkeys(("int", "int32", "rune"), "integer"),
    "int64": "bigint",
    **dict.fromkeys(("uint8", "byte"), "tinyint unsigned"),
    "uint16": "smallint unsigned",
    **dict.fromkeys(("uint", "uint32"), "integer unsigned"),
    "uint64": "bigint unsigned",
    **dict.fromkeys(("float32", "float64"), "double precision"),
}
#: The types an implied key may have (`int`, `int32`, `int64`, `uint`, `uint32`, `uint64`).
_KEY_TYPES = frozenset({"integer", "bigint", "integer unsigned", "bigint unsigned"})
#: `type(...)` words -> the type Beego writes for them.
_TYPES = {
    "text": "longtext",
    "date": "date",
    "datetime": "datetime",
    "time": "time",
    "json": "json",
    "jsonb": "json",
}


def uses_beego(text: str) -> bool:
    """Whether a Go file imports Beego's ORM, or tags a field `orm:"..."` with Beego's words."""
    if any(path in text for path in BEEGO_IMPORTS):
        return 'orm:"' in text or "RegisterModel" in text
    return 'orm:"' in text and any(word in text for word in _BEEGO_WORDS)


def snake_string(name: str) -> str:
    """Beego's `snakeString`: `_` before every capital once a character other than `_` was seen."""
    out: list[str] = []
    seen = False
    for i, ch in enumerate(name):
        if i > 0 and "A" <= ch <= "Z" and seen:
            out.append("_")
        if ch != "_":
            seen = True
        out.append(ch)
    return "".join(out).lower()


def parse_tag(text: str) -> dict[str, str]:
    """`size(20);null;column(nome)` -> {"size": "20", "null": "", "column": "nome"} (`parseStructTag`)."""
    out: dict[str, str] = {}
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        name, paren, rest = part.partition("(")
        out[name.strip().lower()] = rest[: rest.rfind(")")] if paren and ")" in rest else rest
    return out


def _registers(called: str, operand: str) -> bool:
    return called == "RegisterModel"


def read_beego(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's Beego models map to (all its files at once: a model may embed another's)."""
    problems: list[SourceProblem] = []
    read, steps = read_go_files(paths, ctx, problems, _registers, "Beego ORM models", (b"RegisterModel",))
    mapper = BeegoMapper([go for go, _ in read], [tree for _, tree in read], problems, steps)
    tables = mapper.tables()
    what = None if tables else "Beego ORM model (a struct RegisterModel names, or with orm tags)"
    return entry_evidence(tables, problems, len(read), (paths, spec, ctx), what)


@dataclass
class _Model(GoModel):
    key: ModelColumn | None = None
    relations: list[tuple[GoStruct, GoField, ModelColumn]] = field(default_factory=list)
    by_field: dict[str, ModelColumn] = field(default_factory=dict)
    """Columns by Go field name (Beego's implied key is the field named `id` in any case)."""


class BeegoMapper(GoModels):
    """An entry's Go files -> Beego's tables."""

    def __init__(
        self, files: list[GoFile], trees: list[Any], problems: list[SourceProblem], steps: list[GoFile]
    ) -> None:
        super().__init__(files, problems, steps)
        self.affixes: dict[int, tuple[str, str]] = {}
        """Struct (by id) -> (prefix, suffix) of the call that registered it."""
        seen = {id(s) for s in self.registered}
        for go, tree in zip(files, trees, strict=True):
            if b"RegisterModelWith" in go.file.source:
                self._affixed(go, tree, seen)

    def _affixed(self, go: GoFile, tree: Any, seen: set[int]) -> None:
        """`orm.RegisterModelWithPrefix("t_", new(User))`: the models, and the prefix their tables get."""
        for call in calls(tree.root_node, _AFFIXED):
            function = call.child_by_field_name("function")
            args = call.child_by_field_name("arguments")
            name = function.child_by_field_name("field") if function is not None else None
            if args is None or name is None or not args.named_children:
                continue
            affix = evaluate_string(args.named_children[0], go.file, self.constants.get(go.package, {}))
            if affix is None:
                self.warn(
                    go.file,
                    args.named_children[0],
                    f"{go.file.text(args.named_children[0])[:60]}: cnsnt cannot evaluate this table "
                    "prefix or suffix; the tables are named without it",
                )
                affix = ""
            prefixed = go.file.text(name) == "RegisterModelWithPrefix"
            for arg in args.named_children[1:]:
                for kind, node in named_types(arg, go.file):
                    struct = self.struct(kind, go.package)
                    if struct is None:
                        self.unread = True
                        self.warn(
                            go.file, node, f"{kind.qualified} is registered; its struct is not in this entry"
                        )
                        continue
                    self.affixes[id(struct)] = (affix, "") if prefixed else ("", affix)
                    if id(struct) not in seen:
                        seen.add(id(struct))
                        self.registered.append(struct)

    # ---- which structs are tables

    def models(self) -> list[GoStruct]:
        """The registered structs; when none is, every struct with an orm tag or a `TableName()`."""
        if self.registered or self.unread:
            return list(self.registered)
        found = [
            s
            for structs in self.by_name.values()
            for s in structs
            if (s.package, s.name) in self.table_names
            or any(tag_value(m.tag, "orm") is not None for m in s.fields)
        ]
        return sorted(found, key=lambda s: (s.file.shown, s.node.start_byte))

    def tables(self) -> list[ModelTable]:
        """Each model's table, then its `rel(fk)` keys (which need every table first)."""
        self.by_struct = self.built(self.models(), self._model)
        out = [model.table for model in self.by_struct.values()]
        for model in self.by_struct.values():
            for home, member, col in model.relations:
                self._relation(model, home, member, col)
        return out

    # ---- one table

    def _model(self, struct: GoStruct) -> _Model:
        line, column = struct.file.place(struct.node)
        prefix, suffix = self.affixes.get(id(struct), ("", ""))
        default = snake_string(struct.name)
        name = self.given_table(struct, f"Beego's default {prefix}{default}{suffix}") or default
        model = _Model(struct, ModelTable(prefix + name + suffix, struct.file.shown, line, column))
        self._columns(model, struct, 0)
        if model.key is None:  # Beego's implied key: an integer field named `Id` (or `ID`)
            implied = next(
                (c for n, c in model.by_field.items() if n.lower() == "id" and c.type in _KEY_TYPES), None
            )
            if implied is not None:
                implied.primary_key = True
                model.key = implied
        return model

    def _columns(self, model: _Model, struct: GoStruct, depth: int) -> None:
        for member in struct.fields:
            text = tag_value(member.tag, "orm")
            if text is not None and text.strip() == "-":
                continue
            if member.name is None:
                self._embedded(model, struct, member, depth)
                continue
            if not member.name[:1].isupper():
                continue
            tag = parse_tag(text or "")
            rel = tag.get("rel", "").lower()
            if "reverse" in tag or rel == "m2m":
                continue  # the other table (or a join table) holds it
            col = self._column(model, struct, member, tag, rel)
            if rel in ("fk", "one"):
                model.relations.append((struct, member, col))

    def _embedded(self, model: _Model, struct: GoStruct, member: GoField, depth: int) -> None:
        inner = self.embedded(struct, member, depth)
        if inner is not None:
            self._columns(model, inner, depth + 1)

    def _column(
        self, model: _Model, struct: GoStruct, member: GoField, tag: dict[str, str], rel: str
    ) -> ModelColumn:
        given = tag.get("column", "").strip()
        name = given or snake_string(member.name or "") + ("_id" if rel in ("fk", "one") else "")
        line, column = struct.file.place(member.node)
        col = ModelColumn(
            name,
            line,
            column,
            None if rel else self._type(struct, member, tag),
            tag.get("description") or None,
            "pk" in tag or "auto" in tag,
            struct.file.shown if struct is not model.struct else None,
        )
        model.table.add(col)
        model.by_field.setdefault(member.name or "", col)
        if col.primary_key and model.key is None:
            model.key = col
        return col

    def _type(self, struct: GoStruct, member: GoField, tag: dict[str, str]) -> str | None:
        """The type Beego's MySQL driver gives a field: `type(...)`, else by its Go type and `size(...)`."""
        written = tag.get("type", "").strip().lower()
        size = tag.get("size", "").strip() or "255"
        kind = self.underlying(member.type, struct.package)
        if kind.qualified == "string" or written == "char":
            if written == "char":
                return f"char({size})"
            return _TYPES.get(written) or (written or f"varchar({size})")
        if written:
            return _TYPES.get(written, written)
        if kind.qualified in ("float32", "float64") and "digits" in tag:
            return f"numeric({tag['digits'].strip()}, {tag.get('decimals', '0').strip()})"
        if kind.qualified in _BUILTIN and not kind.slice:
            return _BUILTIN[kind.qualified]
        if kind.qualified in ("time.Time", "sql.NullTime"):
            return "datetime"
        self.unknown_type(struct, member, " (or Beego maps no column type for it)")
        return None

    # ---- relations

    def _relation(self, model: _Model, home: GoStruct, member: GoField, col: ModelColumn) -> None:
        """`Author *User orm:"rel(fk)"`: `author_id` references the key of `User`'s table."""
        target = self.model_of(member.type, home.package, self.by_struct)
        if target is None or target.key is None:
            why = "is no registered model of the entry's files" if target is None else "has no key cnsnt sees"
            self.warn(
                home.file,
                member.node,
                f"{model.struct.name}.{member.name}: {member.type.qualified} {why}; "
                f"{col.name} is read without its foreign key",
            )
            return
        col.type = target.key.type
        key = ForeignKey((col.name,), target.table.name, (target.key.name,))
        if key not in model.table.foreign_keys:
            model.table.foreign_keys.append(key)
