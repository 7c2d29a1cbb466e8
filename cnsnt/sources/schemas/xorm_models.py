"""Schema evidence from xorm models (Go structs with `xorm:"..."` tags), parsed with tree-sitter-go.

xorm (`xorm.io/xorm`, `github.com/go-xorm/xorm`; Gitea, Forgejo, Gogs, Woodpecker) maps
a struct to a table by reflection; cnsnt reads the same structs without compiling them.
What is read, as xorm's `tags/parser.go` and `names/mapper.go` do it:

- which structs are tables: those a registering call names (`x.Sync(new(User))`,
  `Sync2`, `CreateTables`, `CreateTable`, Gitea's `db.RegisterModel(new(User))`, a slice
  variable or a `range` over one); when the entry registers none, every struct with an
  `xorm:"..."` tag or a `TableName()` method, less those only read into others with
  `extends` and those made only of `extends` fields (query results joining tables);
- names: `TableName() string` returning a literal or a constant, else the struct name
  by the mapper the code sets with `SetMapper` / `SetTableMapper` / `SetColumnMapper`:
  `SnakeMapper` (xorm's default: an underscore before every capital, `UserID` ->
  `user_i_d`), `GonicMapper` / `LintGonicMapper` (initialisms kept whole: `UserID` ->
  `user_id`, `HTTPLib` -> `http_lib`), `SameMapper` (as written); a column is named by a
  tag word that is no keyword (`'lower_name'`, `forge_id`), else by the mapper;
- columns: exported fields, except `xorm:"-"`; `extends` (`extends('prefix_')`) reads the
  fields of the struct it names in its place; a field without a tag is a column too;
  an `int64` field `ID` without a tag is the primary key; tag words: an SQL type
  (`VARCHAR(255)`, `TEXT`, `BIGINT`, `JSON`, ...), `pk`, `autoincr`, `notnull`, `null`,
  `unique`, `index`, `created`, `updated`, `deleted`, `version`, `default <value>`,
  `comment('...')`; `COMMENT 'x'` without parentheses makes `'x'` the column's name in
  xorm (its comment handler takes only a parameter): cnsnt does the same and warns;
- types when the tag gives none, as xorm's `schemas.Type2SQLType`: `int`..`int32` ->
  `int`, `uint`..`uint32` -> `unsigned int`, `int64` -> `bigint`, `uint64` -> `unsigned
  bigint`, `float32` -> `float`, `float64` -> `double`, `bool` -> `bool`, `string` ->
  `varchar(255)`, `[]byte` -> `blob`, other slices and maps -> `text` (JSON), `time.Time`
  (and types convertible to it) -> `datetime`, `sql.NullString` -> `varchar(255)`,
  `sql.NullInt64` -> `bigint`, `sql.NullInt32` -> `int`, `sql.NullBool` -> `bool`,
  `sql.NullFloat64` -> `double`, a type with `FromDB`/`ToDB` methods (xorm's
  `Conversion`) -> `text`, a struct that is another table with one key -> that key's
  type (and cnsnt records the reference), any other struct -> `text`. Types are xorm's
  generic names (what its MySQL dialect writes); a named type of the entry is followed
  to what it is defined as.

Files named `*_test.go` are passed over, and so are the structs of files in
`migrations/` folders (one warning names them; a registering call there that names a
model of the other files counts). Every other Go file of the entry is parsed: the
types its models use may be declared anywhere.
A type defined outside the entry (its column is read, of unknown type: one warning a
type), a `TableName()` that computes its name, a mapper set from code, a registering
call whose models cnsnt cannot see: each is a warning at its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.go_models import DEPTH, GoModels, calls, entry_evidence, read_go_files
from cnsnt.sources.schemas.go_syntax import GoField, GoFile, GoStruct, tag_value
from cnsnt.sources.schemas.grammars import Node, SourceFile

#: Import paths of xorm.
XORM_IMPORTS = ("xorm.io/xorm", "github.com/go-xorm/xorm")
#: Calls whose arguments are the models a program creates tables for.
REGISTERS = frozenset({"Sync", "Sync2", "CreateTables", "CreateTable", "RegisterModel"})
#: Calls that set the name mappers.
_MAPPER_CALLS = frozenset({"SetMapper", "SetTableMapper", "SetColumnMapper"})
#: xorm's SQL type keywords (`schemas.SqlTypes`): a tag word among them is the column's type.
SQL_TYPES = frozenset(
    [
        "BIT",
        "UNSIGNEDBIT",
        "TINYINT",
        "UNSIGNEDTINYINT",
        "SMALLINT",
        "UNSIGNEDSMALLINT",
        "MEDIUMINT",
        "UNSIGNEDMEDIUMINT",
        "INT",
        "UNSIGNEDINT",
        "INTEGER",
        "BIGINT",
        "UNSIGNEDBIGINT",
        "NUMBER",
        "ENUM",
        "SET",
        "CHAR",
        "VARCHAR",
        "NCHAR",
        "NVARCHAR",
        "TINYTEXT",
        "TEXT",
        "NTEXT",
        "CLOB",
        "MEDIUMTEXT",
        "LONGTEXT",
        "UUID",
        "UNIQUEIDENTIFIER",
        "SYSNAME",
        "DATE",
        "DATETIME",
        "SMALLDATETIME",
        "TIME",
        "TIMESTAMP",
        "TIMESTAMPZ",
        "YEAR",
        "DECIMAL",
        "NUMERIC",
        "MONEY",
        "SMALLMONEY",
        "REAL",
        "FLOAT",
        "DOUBLE",
        "BINARY",
        "VARBINARY",
        "TINYBLOB",
        "BLOB",
        "MEDIUMBLOB",
        "LONGBLOB",
        "BYTEA",
        "BOOL",
        "BOOLEAN",
        "SERIAL",
        "BIGSERIAL",
        "JSON",
        "JSONB",
        "XML",
        "ARRAY",
        "GEOMETRY",
    ]
)
#: Tag words that are keywords of xorm's (not a column name).
_KEYWORDS = frozenset(
    [
        "<-",
        "->",
        "PK",
        "NULL",
        "NOT",
        "AUTOINCR",
        "DEFAULT",
        "CREATED",
        "UPDATED",
        "DELETED",
        "VERSION",
        "UTC",
        "LOCAL",
        "NOTNULL",
        "INDEX",
        "UNIQUE",
        "CACHE",
        "NOCACHE",
        "COMMENT",
        "EXTENDS",
        "UNSIGNED",
    ]
)
#: Go's predeclared types -> xorm's type (`Type2SQLType`).
_BUILTIN = {
    **dict.fromkeys(("int", "int8", "int16", "int32", "rune"), "int"),
    **dict.fromkeys(("uint", "uint8", "uint16", "uint32", "byte"), "unsigned int"),
    "int64": "bigint",
    "uint64": "unsigned bigint",
    "uintptr": "unsigned bigint",
    "float32": "float",
    "float64": "double",
    "complex64": "varchar(64)",
    "complex128": "varchar(64)",
    "bool": "bool",
    "string": "varchar(255)",
    "[]byte": "blob",
    "map": "text",
}
#: Well-known value types -> xorm's type.
_QUALIFIED = {
    "time.Time": "datetime",
    "sql.NullTime": "datetime",
    "sql.NullString": "varchar(255)",
    "sql.NullInt64": "bigint",
    "sql.NullInt32": "int",
    "sql.NullInt16": "int",
    "sql.NullBool": "bool",
    "sql.NullFloat64": "double",
    "json.RawMessage": "blob",
    "big.Float": "text",
}


def uses_xorm(text: str) -> bool:
    """Whether a Go file imports xorm or tags a field for it."""
    return 'xorm:"' in text or any(f'"{path}' in text for path in XORM_IMPORTS)


def _registers(called: str, operand: str) -> bool:
    return called in REGISTERS


def snake_name(name: str) -> str:
    """A name by xorm's `SnakeMapper`: `_` before every capital but the first (`UserID` -> `user_i_d`)."""
    return "".join(
        ("_" if i and ch.isupper() and ch.isascii() else "") + ch.lower() for i, ch in enumerate(name)
    )


def gonic_name(name: str) -> str:
    """A name by xorm's `GonicMapper`: runs of capitals stay one word (`HTTPLib` -> `http_lib`)."""
    out: list[str] = []
    for i, ch in enumerate(name):
        upper = "A" <= ch <= "Z"
        if upper and i > 0 and not ("A" <= out[-1] <= "Z"):
            out.append("_")
        if not upper and i > 1 and "A" <= out[-1] <= "Z" and "A" <= out[-2] <= "Z":
            out.append(out[-1])
            out[-2] = "_"
        out.append(ch)
    return "".join(out).lower()


def _same_name(name: str) -> str:
    return name


_MAPPERS = {"snake": snake_name, "gonic": gonic_name, "same": _same_name}


def _mapper_kind(written: str) -> str | None:
    """`names.GonicMapper{}` -> `gonic`; None for a mapper cnsnt does not know (a prefix mapper)."""
    if "Prefix" in written or "Suffix" in written:
        return None
    for kind, word in (("gonic", "GonicMapper"), ("same", "SameMapper"), ("snake", "SnakeMapper")):
        if word in written:
            return kind
    return None


@dataclass
class Tag:
    """One word of an xorm tag: `VARCHAR(255)` -> name `VARCHAR`, params `["255"]`."""

    name: str
    params: list[str] = field(default_factory=list)


def split_tag(text: str) -> list[Tag] | None:
    """An xorm tag's words, as `splitTag` splits them (on spaces outside quotes and parentheses).

    None for a comma outside parentheses or quotes, which xorm refuses.
    """
    text = text.strip()
    tags: list[Tag] = []
    quoted = in_params = False
    last = start = 0
    current = Tag("")
    for i, ch in enumerate(text):
        if ch == "'":
            quoted = not quoted
        elif ch == " ":
            if not quoted and not in_params:
                if last < i:
                    current.name = current.name or text[last:i]
                    tags.append(current)
                    current = Tag("")
                last = i + 1 if last <= i else last
            elif in_params and not quoted:
                start = i + 1
        elif ch == ",":
            if not quoted and not in_params:
                return None
            if not quoted:
                current.params.append(text[start:i].strip())
                start = i + 1
        elif ch == "(":
            in_params = True
            if not quoted:
                current.name = text[last:i]
                start = i + 1
        elif ch == ")":
            in_params = False
            if not quoted:
                current.params.append(text[start:i])
    if last < len(text):
        current.name = current.name or text[last:]
        tags.append(current)
    return tags


def read_xorm(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's xorm models map to (all its files at once: `extends` may reach elsewhere)."""
    problems: list[SourceProblem] = []
    read, steps = read_go_files(
        paths,
        ctx,
        problems,
        _registers,
        "xorm models",
        (b"Sync", b"RegisterModel", b"CreateTable", b"SetMapper", b"SetTableMapper", b"SetColumnMapper"),
    )
    mapper = XormMapper([go for go, _ in read], [tree for _, tree in read], problems, steps)
    tables = mapper.tables()
    what = None if tables else "xorm model (a struct with xorm tags or one Sync names)"
    return entry_evidence(tables, problems, len(read), (paths, spec, ctx), what)


@dataclass
class _Pending:
    """A column whose type is another table's key (xorm's cascade field): typed once every table is known."""

    table: ModelTable
    column: ModelColumn
    target: GoStruct


class XormMapper(GoModels):
    """An entry's Go files -> xorm's tables."""

    def __init__(
        self, files: list[GoFile], trees: list[Any], problems: list[SourceProblem], steps: list[GoFile]
    ) -> None:
        super().__init__(files, problems, steps)
        self.table_mapper = "snake"
        self.column_mapper = "snake"
        self._mappers(files, trees)
        self.out: list[ModelTable] = []
        self.by_struct: dict[int, ModelTable] = {}
        self.keys: dict[int, list[ModelColumn]] = {}
        self.pending: list[_Pending] = []
        self.unknown: set[str] = set()

    # ---- naming

    def _mappers(self, files: list[GoFile], trees: list[Any]) -> None:
        """`x.SetMapper(names.GonicMapper{})`: the first setting of each mapper in file order wins."""
        chosen: dict[str, tuple[str, SourceFile, Node]] = {}
        for go, tree in zip(files, trees, strict=True):
            for call in calls(tree.root_node, _MAPPER_CALLS):
                function = call.child_by_field_name("function")
                args = call.child_by_field_name("arguments")
                name_node = function.child_by_field_name("field") if function is not None else None
                if name_node is None or args is None or not args.named_children:
                    continue
                arg = args.named_children[0]
                written = go.file.text(arg)
                kind = _mapper_kind(written)
                called = go.file.text(name_node)
                if kind is None:
                    self.warn(
                        go.file,
                        arg,
                        f"{called}({written[:60]}): cnsnt cannot tell the names this mapper writes; "
                        "it names tables and columns with the mapper set elsewhere (or xorm's SnakeMapper)",
                    )
                    continue
                for which in ("table", "column"):
                    if called in ("SetMapper", f"Set{which.title()}Mapper"):
                        earlier = chosen.get(which)
                        if earlier is None:
                            chosen[which] = (kind, go.file, arg)
                        elif earlier[0] != kind:
                            self.warn(
                                go.file,
                                arg,
                                f"{called}: another {which} mapper than the one set at "
                                f"{earlier[1].shown}:{earlier[1].place(earlier[2])[0]}; "
                                f"cnsnt names {which}s with that first one",
                            )
        self.table_mapper = chosen["table"][0] if "table" in chosen else "snake"
        self.column_mapper = chosen["column"][0] if "column" in chosen else "snake"

    def column_name(self, name: str) -> str:
        """A field name as the column mapper writes it."""
        return str(_MAPPERS[self.column_mapper](name))

    def table_of(self, struct: GoStruct) -> str:
        """`TableName()`'s literal (or constant), else the struct name by the table mapper."""
        default = str(_MAPPERS[self.table_mapper](struct.name))
        return self.given_table(struct, f"the mapper's {default}") or default

    # ---- which structs are tables

    def models(self) -> list[GoStruct]:
        """The registered structs; when none is registered, the structs with xorm tags or `TableName()`."""
        if self.registered:
            return list(self.registered)
        candidates = [
            s
            for structs in self.by_name.values()
            for s in structs
            if (s.package, s.name) in self.table_names or any(tag_value(m.tag, "xorm") for m in s.fields)
        ]
        extended: set[int] = set()
        joins: set[int] = set()
        for struct in candidates:
            words = [(m, split_tag(tag_value(m.tag, "xorm") or "") or []) for m in struct.fields]
            extends = [m for m, tags in words if any(t.name.upper() == "EXTENDS" for t in tags)]
            for member in extends:
                inner = self.struct(member.type, struct.package)
                if inner is not None and inner is not struct:
                    extended.add(id(inner))
            if extends and len(extends) == len(struct.fields):
                joins.add(id(struct))
        kept = [s for s in candidates if id(s) not in joins and id(s) not in extended]
        return sorted(kept, key=lambda s: (s.file.shown, s.node.start_byte))

    # ---- tables

    def tables(self) -> list[ModelTable]:
        """Each model's table, then the columns that take another table's key type."""
        for struct in self.models():
            self.guard(struct, partial(self._table, struct))
        for pending in self.pending:
            keys = self.keys.get(id(pending.target), [])
            target = self.by_struct.get(id(pending.target))
            if target is not None and len(keys) == 1:
                pending.column.type = keys[0].type
                key = ForeignKey((pending.column.name,), target.name, (keys[0].name,))
                if key not in pending.table.foreign_keys:
                    pending.table.foreign_keys.append(key)
            else:
                pending.column.type = "text"
        return self.out

    def _table(self, struct: GoStruct) -> None:
        line, column = struct.file.place(struct.node)
        name = self.table_of(struct)
        table = ModelTable(name, struct.file.shown, line, column)
        keys: list[ModelColumn] = []
        self._columns(table, keys, struct, struct, "", 0)
        same = next((t for t in self.out if t.name == name), None)
        self.keys[id(struct)] = keys
        if same is None:
            self.out.append(table)
            self.by_struct[id(struct)] = table
            return
        for col in table.columns:  # two structs of one table: the first one's columns, then the others'
            if same.named(col.name) is None:
                same.add(col)
        for pending in self.pending:
            if pending.table is table:
                pending.table = same
        self.by_struct[id(struct)] = same

    def _columns(
        self,
        table: ModelTable,
        keys: list[ModelColumn],
        model: GoStruct,
        struct: GoStruct,
        prefix: str,
        depth: int,
    ) -> None:
        for member in struct.fields:
            name = member.name or member.type.name
            if not name[:1] or name[:1].islower():
                continue  # unexported: xorm passes it over
            text = (tag_value(member.tag, "xorm") or "").strip()
            if text == "-":
                continue
            tags = split_tag(text) if text else []
            if tags is None:
                self.warn(
                    struct.file,
                    member.node,
                    f'{struct.name}.{name}: xorm:"{text[:60]}" has a comma outside parentheses or quotes '
                    "(xorm refuses it): its words are not read",
                )
                tags = []
            if any(t.name == "-" for t in tags):
                continue
            extends = next((t for t in tags if t.name.upper() == "EXTENDS"), None)
            if extends is not None:
                self._extends(table, keys, model, struct, member, extends, prefix, depth)
                continue
            col = self._column(table, struct, member, name, tags, prefix)
            table.add(col)
            keys[:] = [k for k in keys if k.name.casefold() != col.name.casefold()]
            if col.primary_key:
                keys.append(col)

    def _extends(
        self,
        table: ModelTable,
        keys: list[ModelColumn],
        model: GoStruct,
        struct: GoStruct,
        member: GoField,
        extends: Tag,
        prefix: str,
        depth: int,
    ) -> None:
        inner = self.struct(member.type, struct.package)
        if inner is None or inner is struct or depth >= DEPTH:
            why = (
                "is not a struct of this entry's files"
                if inner is None
                else f"nests in itself or over {DEPTH} levels"
            )
            self.warn(
                struct.file,
                member.node,
                f"{struct.name}: extends {member.type.qualified} {why}: its columns are not read",
            )
            return
        given = extends.params[0].strip().strip("'") if extends.params else ""
        inner_keys: list[ModelColumn] = []
        start = len(table.columns)
        self._columns(table, inner_keys, model, inner, prefix + given, depth + 1)
        if given:  # `extends('p_')`: the embedded struct's key is no key here
            for col in table.columns[start:]:
                col.primary_key = False
        else:
            keys.extend(inner_keys)

    def _column(
        self, table: ModelTable, struct: GoStruct, member: GoField, name: str, tags: list[Tag], prefix: str
    ) -> ModelColumn:
        col_name: str | None = None
        sql: str | None = None
        primary = False
        comment: str | None = None
        skip = False
        for i, tag in enumerate(tags):
            if skip:
                skip = False
                continue
            word = tag.name.upper()
            if word == "PK":
                primary = True
            elif word == "DEFAULT":
                skip = not tag.params  # `default 0`: the next word is the value
            elif word == "COMMENT":
                if tag.params:
                    comment = tag.params[0].strip("' ") or None
                elif i + 1 < len(tags) and tags[i + 1].name.startswith("'"):
                    self.warn(
                        struct.file,
                        member.node,
                        f"{struct.name}.{name}: COMMENT {tags[i + 1].name[:40]}: xorm takes the quoted word "
                        "as the column's name (write comment('...')); so does cnsnt",
                    )
            elif word in SQL_TYPES:
                sql = word.lower() + (f"({','.join(p.strip() for p in tag.params)})" if tag.params else "")
            elif word not in _KEYWORDS and tag.name:
                written = tag.name
                col_name = written[1:-1] if len(written) > 1 and written[0] == written[-1] == "'" else written
        line, column = struct.file.place(member.node)
        target = None if sql else self.struct(member.type, struct.package)
        col = ModelColumn(
            prefix + (col_name or self.column_name(name)),
            line,
            column,
            sql or (None if target is not None else self._go_type(struct, member)),
            comment,
            primary,
            struct.file.shown,
        )
        if target is not None and not member.type.slice:
            if self.has_methods(member.type, struct.package, "FromDB", "ToDB"):
                col.type = "text"
            else:
                self.pending.append(_Pending(table, col, target))
        elif target is not None:
            col.type = "text"
        if not tags and name == "ID" and member.type.qualified == "int64":
            col.primary_key = True  # xorm's implied key: an untagged int64 `ID`
        return col

    def _go_type(self, struct: GoStruct, member: GoField) -> str | None:
        """The xorm type of a field's Go type (`Type2SQLType`), through the entry's named types."""
        kind = self.underlying(member.type, struct.package)
        if kind.slice or kind.name == "map":
            return "text"
        if kind.qualified in _BUILTIN:
            return _BUILTIN[kind.qualified]
        if kind.qualified in _QUALIFIED:
            return _QUALIFIED[kind.qualified]
        if self.has_methods(member.type, struct.package, "FromDB", "ToDB"):
            return "text"
        if kind.name in ("struct", "interface"):
            return "text"
        if kind.qualified not in self.unknown:
            self.unknown.add(kind.qualified)
            self.warn(
                struct.file,
                member.node,
                f"{member.type.qualified}: the type is not defined in this entry's files; its columns "
                "(this one and any other of this type) are read with no type",
            )
        return None
