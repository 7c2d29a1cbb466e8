"""Schema evidence from GORM models (Go structs), parsed with tree-sitter's Go grammar.

The files are parsed, never compiled or run (`tree-sitter-go`, prebuilt wheels);
tree-sitter recovers from errors, so the rest of a damaged file is still read. Read
from it, for GORM v2 (`gorm.io/gorm`) and v1 (`github.com/jinzhu/gorm`) alike:

- a struct is a model when it is named in `db.AutoMigrate(&User{}, ...)` /
  `Migrator().CreateTable(...)` (`new(User)`, a slice variable, a `range` over one, a
  parameter of a named type followed to that type's literals); when the entry holds no
  such call (or one cnsnt cannot follow), also when it embeds `gorm.Model`, has a field
  with a `gorm:"..."` tag or a `TableName() string` method; a struct that only ever
  stands embedded in others is their columns, not a table; a struct a model relates to
  is a table too (AutoMigrate creates it);
- its table is its name in snake_case, pluralised (`CreditCard` -> `credit_cards`),
  unless `TableName()` returns a literal or a package constant; a
  `schema.NamingStrategy{SingularTable: true, TablePrefix: "t_"}` literal is followed;
- exported fields are columns, named in snake_case (`UserID` -> `user_id`) unless
  `column:`; `type:`, `size:`, `precision:`/`scale:`, `primaryKey` (`primary_key`),
  `comment:` are read, `-` (and `-:migration`, `-:all`) leaves the field out; a field
  named `ID` is the key when none is tagged; `gorm.Model` gives `id`, `created_at`,
  `updated_at`, `deleted_at`; embedded structs (and `embedded`, `embeddedPrefix:`)
  give their columns;
- relations as GORM guesses them: a struct field is has-one when its struct holds
  `<Owner>ID`, else belongs-to when the owner holds `<Field>ID` (`Company Company` with
  `CompanyID`); a slice is has-many (the key in the other struct) or, with
  `many2many:user_languages`, a join table keyed by both sides; `foreignKey:`,
  `references:`, `joinForeignKey:`, `joinReferences:` name other fields; `polymorphic:`
  relations have no single target.

Files named `*_test.go`, and files that mention neither `gorm` nor `TableName` nor
`AutoMigrate`, are passed over unparsed. A relation whose key cannot be found, an
embedded struct or a field type outside the entry, a `TableName()` that computes its
name: each is a warning at its place, and the rest is read.
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
from cnsnt.sources.schemas.go_models import GoIndex, entry_evidence
from cnsnt.sources.schemas.go_syntax import (
    GoField,
    GoFile,
    GoStruct,
    GoType,
    evaluate_string,
    read_go,
    tag_value,
)
from cnsnt.sources.schemas.gorm_naming import db_name, singular, table_name, tag_settings
from cnsnt.sources.schemas.gorm_types import BUILTIN, GORM_MODEL, QUALIFIED, sql_type
from cnsnt.sources.schemas.grammars import Node, SourceFile, parsed_files, parser, syntax_problem

#: The import paths of GORM v2 and v1.
GORM_IMPORTS = ("gorm.io/gorm", "github.com/jinzhu/gorm")
#: What a Go file that maps or migrates GORM models shows somewhere in its text.
MARKERS = ("gorm", "TableName", "AutoMigrate")
#: How deep embedded structs are followed (a cycle or a hostile chain stops there).
_EMBED_DEPTH = 8
#: How many embedded structs one model reads in all (real models embed a handful).
_EMBEDDINGS = 256


def maps_gorm(text: str) -> bool:
    """Whether a Go file may hold GORM models or the call that migrates them (before parsing it)."""
    return any(marker in text for marker in MARKERS)


def imports_gorm(text: str) -> bool:
    """Whether a Go file's text names GORM's import path (v2 or v1)."""
    return any(f'"{path}"' in text for path in GORM_IMPORTS)


def go_parser() -> Any:
    """A tree-sitter parser for Go; a clear `SourceError` when the grammar is not installed."""
    return parser("go", "GORM models")


def _syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    return syntax_problem(tree, file, "Go", "models")


def read_gorm(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's GORM models map to (all its files at once: embedded structs may be elsewhere)."""
    problems: list[SourceProblem] = []
    files: list[GoFile] = []
    sources = [p for p in paths if not p.name.endswith("_test.go")]
    for _, file, tree in parsed_files(sources, ctx, problems, go_parser, _syntax, wanted=maps_gorm):
        files.append(read_go(tree, file))
    mapper = Mapper(files, problems)
    tables = mapper.tables()
    what = None if mapper.models else "GORM model (a struct with gorm tags, gorm.Model or AutoMigrate)"
    return entry_evidence(tables, problems, len(files), (paths, spec, ctx), what)


@dataclass
class Mapped:
    """A model's table and its columns by Go field name (relations look fields up by name)."""

    struct: GoStruct
    table: ModelTable
    fields: dict[str, ModelColumn] = field(default_factory=dict)
    keys: list[tuple[str, ModelColumn]] = field(default_factory=list)
    """Primary-key fields (name, column), in order."""
    relations: dict[str, Relation] = field(default_factory=dict)
    """Its relation fields by name, in the order read (resolved once every table is known)."""
    embedded: int = 0
    """How many embedded structs were read into it (a hostile fan-out stops at `_EMBEDDINGS`)."""
    depths: dict[str, int] = field(default_factory=dict)
    """Field name -> how deep in embedded structs the field that holds the name is."""


@dataclass
class Relation:
    """A struct or slice field of a model that points at another struct."""

    owner: Mapped
    field: GoField
    settings: dict[str, str]
    target: GoType
    home: GoStruct
    """The struct the field is written in (the model, or a struct it embeds)."""


class Mapper(GoIndex):
    """An entry's Go files -> GORM's tables."""

    def __init__(self, files: list[GoFile], problems: list[SourceProblem]) -> None:
        super().__init__(files, problems)
        self.scanners = {key for key, methods in self.methods.items() if {"Scan", "Value"} & methods}
        self.unread = False
        """Some `AutoMigrate` argument names structs cnsnt cannot see: tagged structs count as models too."""
        self.singular = False
        """`NamingStrategy{SingularTable: true}`: tables keep the struct's name in the singular."""
        self.prefix = ""
        """`NamingStrategy{TablePrefix: "t_"}`: before every default table name."""
        migrated: list[tuple[GoType, Node, SourceFile]] = []
        for go in files:
            migrated.extend((kind, node, go.file) for kind, node in go.migrated)
            for key, value in go.naming:
                self._naming(key, value, go)
            self.unread = self.unread or bool(go.unread_migrations)
            for node in go.unread_migrations:
                self.warn(
                    go.file,
                    node,
                    f"{go.file.excerpt(node)}: cnsnt cannot tell which models this argument names",
                )
            for node in go.passed_migrations:
                self.warn(
                    go.file,
                    node,
                    f"{go.file.excerpt(node)}: the models this helper migrates are named where it is "
                    "called; cnsnt does not follow them there",
                )
        self.migrated: set[int] = set()
        packages = {id(go.file): go.package for go in files}
        for kind, node, file in migrated:
            named = self.struct(kind, packages.get(id(file)))
            if named is None:
                self.warn(
                    file, node, f"{kind.qualified} is migrated but its struct is not in this entry's files"
                )
            else:
                self.migrated.add(id(named))
        self.models = self._models()
        self.by_struct: dict[int, Mapped] = {}
        self.out: list[ModelTable] = []

    def _naming(self, key: str, value: Node, go: GoFile) -> None:
        """A `schema.NamingStrategy{...}` setting: literals are followed, anything else is a warning."""
        if key == "SingularTable" and value.type in ("true", "false"):
            self.singular = self.singular or value.type == "true"
            return
        if key == "TablePrefix":
            prefix = evaluate_string(value, go.file, {k: (v, go.file) for k, v in go.constants.items()})
            if prefix is not None:
                self.prefix = self.prefix or prefix
                return
        if key in ("SingularTable", "TablePrefix"):
            self.warn(
                go.file,
                value,
                f"NamingStrategy {key}: {go.file.excerpt(value)} is set from code: "
                "cnsnt names tables as GORM's default does (plural, no prefix)",
            )

    def default_table(self, struct: str) -> str:
        """GORM's table for a struct name with the entry's naming settings."""
        return self.prefix + (db_name(struct) if self.singular else table_name(struct))

    def join_table(self, given: str) -> str:
        """`many2many:` table as GORM's `JoinTableName` writes it with the entry's naming settings."""
        if given.lower() == given:
            return self.prefix + given
        return self.default_table(given)

    # ---- which structs are tables

    def struct(self, kind: GoType, package: str | None) -> GoStruct | None:
        """The struct a type names: of its own package when several share the name, else the first."""
        found = self.by_name.get(kind.name)
        if not found or kind.name in BUILTIN or kind.qualified in QUALIFIED:
            return None
        if kind.package is not None:
            return next((s for s in found if s.package == kind.package), found[0])
        return next((s for s in found if s.package == package), found[0])

    def _evidence(self, struct: GoStruct) -> bool:
        """Whether a struct is a model: migrated; else with `TableName()`, `gorm.Model` or gorm tags.

        When the entry migrates structs, those are its models (and what they relate to): a
        program that lists its models in `AutoMigrate` also tags its request and response
        structs (`gorm:"comment:..."` copied over) and gives query views a `TableName()`,
        and those are no tables. When some call names structs cnsnt cannot see
        (`for _, m := range list { db.AutoMigrate(m) }` over a parameter), the other
        evidence counts as well.
        """
        if id(struct) in self.migrated:
            return True
        if self.migrated and not self.unread:
            return False
        if (struct.package, struct.name) in self.table_names:
            return True
        for member in struct.fields:
            if member.name is None and member.type.qualified == "gorm.Model":
                return True
        return any(tag_value(m.tag, "gorm") is not None for m in struct.fields)

    def _models(self) -> list[GoStruct]:
        """Structs with GORM evidence, less those embedded in models, plus the structs models relate to.

        Only a model's embedding counts: a response struct that embeds `User` beside a
        token leaves `User` a table.
        """
        embedded: set[int] = set()
        for structs in self.by_name.values():
            for struct in structs:
                if not self._evidence(struct):
                    continue
                for member in struct.fields:
                    settings = tag_settings(tag_value(member.tag, "gorm") or "")
                    if member.name is None or "EMBEDDED" in settings:
                        inner = self.struct(member.type, struct.package)
                        if inner is not None and inner is not struct:
                            embedded.add(id(inner))
        models: list[GoStruct] = []
        chosen: set[int] = set()
        for structs in self.by_name.values():
            for struct in structs:
                kept = id(struct) in self.migrated or (struct.package, struct.name) in self.table_names
                if self._evidence(struct) and (kept or id(struct) not in embedded):
                    models.append(struct)
                    chosen.add(id(struct))
        queue = list(models)
        while queue:  # relation targets: AutoMigrate creates the tables a model points at
            struct = queue.pop()
            for target in self._targets(struct, 0, set()):
                if id(target) not in chosen and id(target) not in embedded:
                    chosen.add(id(target))
                    models.append(target)
                    queue.append(target)
        order = {id(s): (s.file.shown, s.node.start_byte) for s in models}
        return sorted(models, key=lambda s: order[id(s)])

    def _targets(self, struct: GoStruct, depth: int, seen: set[int]) -> list[GoStruct]:
        """The structs a model's fields (its embedded structs' too) relate to; each embedded struct once."""
        out: list[GoStruct] = []
        seen.add(id(struct))
        for member in struct.fields:
            settings = tag_settings(tag_value(member.tag, "gorm") or "")
            if "-" in settings or (member.name is not None and not member.name[:1].isupper()):
                continue
            inner = self.struct(member.type, struct.package)
            if inner is None or (inner.package, inner.name) in self.scanners or "TYPE" in settings:
                continue
            if member.name is None or "EMBEDDED" in settings:
                if depth < _EMBED_DEPTH and id(inner) not in seen:
                    out.extend(self._targets(inner, depth + 1, seen))
            else:
                out.append(inner)
        return out

    # ---- tables

    def tables(self) -> list[ModelTable]:
        """Each model's table, then the keys of its relations (which need every table first)."""
        for struct in self.models:
            self.guard(struct, partial(self._table, struct))
        relations = [r for struct in self.models if id(struct) in self.by_struct
                     for r in self.by_struct[id(struct)].relations.values()]  # fmt: skip
        for relation in relations:
            self.guard(relation.home, partial(self._relation, relation))
        return self.out

    def table_of(self, struct: GoStruct) -> str:
        """`TableName()`'s literal (or constant), else the struct name snake_cased and pluralised."""
        return self.given_table(struct, "GORM's default name") or self.default_table(struct.name)

    def _table(self, struct: GoStruct) -> None:
        line, column = struct.file.place(struct.node)
        name = self.table_of(struct)
        table = ModelTable(name, struct.file.shown, line, column)
        mapped = Mapped(struct, table)
        self.by_struct[id(struct)] = mapped
        self._columns(mapped, struct, "", 0)
        if not mapped.keys and "ID" in mapped.fields:
            key = mapped.fields["ID"]
            key.primary_key = True
            mapped.keys.append(("ID", key))
        same = next((t for t in self.out if t.name == name), None)
        if same is None:
            self.out.append(table)
            return
        # two structs of one table (a plugin's copy, a narrower view of it): one table, the first
        # struct's columns, then those only the other has
        for col in table.columns:
            if same.named(col.name) is None:
                same.add(col)
        mapped.table = same

    def _columns(self, mapped: Mapped, struct: GoStruct, prefix: str, depth: int) -> None:
        for member in struct.fields:
            settings = tag_settings(tag_value(member.tag, "gorm") or "")
            if member.name is not None and not member.name[:1].isupper():
                continue
            if member.name is not None and not self._claim(mapped, member.name, depth):
                continue  # an outer struct's field of that name hides this one (Go's promotion)
            if "-" in settings:
                continue
            if member.name is None or "EMBEDDED" in settings:
                self._embedded(mapped, struct, member, settings, prefix, depth)
                continue
            self._field(mapped, struct, member, settings, prefix)

    def _claim(self, mapped: Mapped, name: str, depth: int) -> bool:
        """Whether a field at `depth` is the model's field of that name; it then replaces a deeper one."""
        if mapped.depths.get(name, depth) < depth:
            return False
        mapped.depths[name] = depth
        old = mapped.fields.pop(name, None)
        if old is not None:
            mapped.table.columns = [c for c in mapped.table.columns if c is not old]
            mapped.keys = [(n, c) for n, c in mapped.keys if c is not old]
        mapped.relations.pop(name, None)
        return True

    def _embedded(
        self,
        mapped: Mapped,
        struct: GoStruct,
        member: GoField,
        settings: dict[str, str],
        prefix: str,
        depth: int,
    ) -> None:
        inner_prefix = prefix + settings.get("EMBEDDEDPREFIX", "")
        if (
            member.type.qualified in ("gorm.Model", "Model")
            and self.struct(member.type, struct.package) is None
        ):
            line, column = struct.file.place(member.node)
            for name, kind, primary in GORM_MODEL:
                col = ModelColumn(
                    inner_prefix + db_name(name),
                    line,
                    column,
                    sql_type(kind, None, None, None, None),
                    primary_key=primary,
                    path=_elsewhere(struct, mapped.table),
                )
                self._add(mapped, name, col, primary)
            return
        inner = self.struct(member.type, struct.package)
        mapped.embedded += 1
        if mapped.embedded > _EMBEDDINGS:
            if mapped.embedded == _EMBEDDINGS + 1:
                message = f"more than {_EMBEDDINGS} embedded structs: the rest are not read"
                self.warn(struct.file, member.node, message)
            return
        if inner is not None and (inner is struct or depth >= _EMBED_DEPTH):
            message = (
                f"embedded {member.type.qualified} nests in itself or over {_EMBED_DEPTH} levels: not read"
            )
            self.warn(struct.file, member.node, message)
            return
        if inner is None:
            if (
                member.name is None
                and member.type.qualified not in QUALIFIED
                and member.type.name not in BUILTIN
            ):
                self.warn(
                    struct.file,
                    member.node,
                    f"embedded {member.type.qualified} is not a struct of this entry's files: "
                    "its columns are not read",
                )
                return
            self._field(mapped, struct, member, settings, prefix)
            return
        self._columns(mapped, inner, inner_prefix, depth + 1)

    def _field(
        self, mapped: Mapped, struct: GoStruct, member: GoField, settings: dict[str, str], prefix: str
    ) -> None:
        name = member.name or member.type.name
        written = self._unnamed(member.type, struct.package)
        kind = self._resolve(written, struct.package)
        given = settings.get("TYPE")
        target = self.struct(written, struct.package)
        column_type = given or "SERIALIZER" in settings
        scanner = target is not None and (target.package, target.name) in self.scanners
        # a type outside the entry beside its key field (`Company x.Company`, `CompanyID`) is a relation
        keyed = target is None and kind is None and any(f.name == name + "ID" for f in struct.fields)
        if not column_type and (written.slice or keyed or (target is not None and not scanner)):
            if written.slice and target is None and written.qualified in BUILTIN:
                pass  # `[]string`: a column only with a type or serializer (GORM refuses it otherwise)
            else:
                mapped.relations[name] = Relation(mapped, member, settings, written, struct)
                return
        unknown = target is None and not column_type and kind is None and written.package is None
        unknown = unknown and (struct.package, written.name) not in self.named
        if unknown and member.type.name not in ("map", "interface", "struct", "function", "channel", "?"):
            self.warn(
                struct.file,
                member.node,
                f"{name} {member.type.qualified}: the type is not defined in this entry's files; "
                "read as a column of unknown type",
            )
        line, column = struct.file.place(member.node)
        given_name = settings.get("COLUMN")
        primary = "PRIMARYKEY" in settings or "PRIMARY_KEY" in settings
        sql = sql_type(
            kind or "",
            settings.get("SIZE"),
            given,
            settings.get("PRECISION"),
            settings.get("SCALE"),
        )
        if sql is None and settings.get("SERIALIZER", "").lower() == "json":
            sql = "json"
        col = ModelColumn(
            prefix + (given_name or db_name(name)),
            line,
            column,
            sql,
            _unquote(settings.get("COMMENT")),
            primary,
            _elsewhere(struct, mapped.table),
        )
        self._add(mapped, name, col, primary)

    def _add(self, mapped: Mapped, name: str, col: ModelColumn, primary: bool) -> None:
        mapped.table.add(col)
        mapped.fields[name] = col
        if primary:
            mapped.keys.append((name, col))

    def _unnamed(self, kind: GoType, package: str) -> GoType:
        """A named slice type as the slice it is (`type SummaryItems []*SummaryItem`); others as written."""
        named = self.named.get((kind.package or package, kind.name))
        if named is not None and named.slice and not kind.slice:
            return GoType(named.name, named.package, named.pointer, True)
        return kind

    def _resolve(self, kind: GoType, package: str, depth: int = 0) -> str | None:
        """A field type as `sql_type` knows it: a builtin, a qualified value type, or a named type's base."""
        if kind.qualified in BUILTIN or kind.qualified in QUALIFIED:
            return kind.qualified
        named = self.named.get((kind.package or package, kind.name))
        if named is None and kind.package is not None:
            named = next(
                (v for (p, n), v in self.named.items() if n == kind.name and p == kind.package), None
            )
        if named is not None and depth < _EMBED_DEPTH and not named.slice:
            return self._resolve(named, kind.package or package, depth + 1)
        return None

    # ---- relations

    def _relation(self, relation: Relation) -> None:
        owner = relation.owner
        target_struct = self.struct(relation.target, relation.home.package)
        target = self.by_struct.get(id(target_struct)) if target_struct is not None else None
        settings = relation.settings
        if "POLYMORPHIC" in settings:
            return  # the key is `<Name>ID` + `<Name>Type` in the other table: no single target
        if relation.target.slice:
            if "MANY2MANY" in settings:
                self._many_to_many(relation, target)
                return
            if target is None or not self._has(relation, target):
                self._unkeyed(relation, "has-many", target)
            return
        if target is not None and target is not owner and self._has(relation, target):
            return
        if self._belongs(relation, target):
            return
        if target is not None and target is owner and self._has(relation, target):
            return
        self._unkeyed(relation, "has-one or belongs-to", target)

    def _unkeyed(self, relation: Relation, what: str, target: Mapped | None) -> None:
        member = relation.field
        if target is None:
            why = f"{relation.target.qualified} is not a model of this entry's files"
        else:
            names = relation.settings.get("FOREIGNKEY") or f"{relation.owner.struct.name}ID / {member.name}ID"
            why = f"no field {names} holds its key"
        self.warn(
            relation.home.file,
            member.node,
            f"{relation.owner.struct.name}.{member.name} ({what} relation): {why}; "
            "its foreign key is not read",
        )

    def _has(self, relation: Relation, target: Mapped) -> bool:
        """Has-one / has-many: the other struct holds `<Owner><Key>` (or the `foreignKey:` fields)."""
        owner = relation.owner
        foreign = _names(relation.settings.get("FOREIGNKEY"))
        primary = self._primary(owner, _names(relation.settings.get("REFERENCES")))
        if foreign:
            columns = [_look_up(target, name) for name in foreign]
        else:
            columns = [self._guessed(target, owner.struct.name, name, len(primary)) for name, _ in primary]
        if not columns or any(c is None for c in columns) or len(columns) != len(primary):
            return False
        self._key(
            target.table,
            [c.name for c in columns if c is not None],
            owner.table,
            [c.name for _, c in primary],
        )
        return True

    def _belongs(self, relation: Relation, target: Mapped | None) -> bool:
        """Belongs-to: the owner holds `<Field><Key>` (or the `foreignKey:` fields) of the other struct."""
        owner = relation.owner
        member = relation.field
        foreign = _names(relation.settings.get("FOREIGNKEY"))
        references = _names(relation.settings.get("REFERENCES"))
        if target is not None:
            primary = [(n, c.name) for n, c in self._primary(target, references)]
            ref_table = target.table.name
        else:
            primary = [(n, db_name(n)) for n in references] or [("ID", "id")]
            ref_table = self.default_table(relation.target.name)
        if foreign:
            columns = [_look_up(owner, name) for name in foreign]
        else:
            columns = [self._guessed(owner, member.name or "", name, len(primary)) for name, _ in primary]
        if not columns or any(c is None for c in columns) or len(columns) != len(primary):
            return False
        self._key(
            owner.table, [c.name for c in columns if c is not None], None, [c for _, c in primary], ref_table
        )
        return True

    def _primary(self, mapped: Mapped, references: list[str]) -> list[tuple[str, ModelColumn]]:
        """The fields a relation references: `references:` ones, else the model's key."""
        if references:
            found = [(name, _look_up(mapped, name)) for name in references]
            return [(n, c) for n, c in found if c is not None]
        return list(mapped.keys)

    def _guessed(self, mapped: Mapped, lead: str, key: str, keys: int) -> ModelColumn | None:
        """GORM's guesses for a key field: `<lead><Key>`, and with one key `<lead>ID`, `<lead>_id`..."""
        names = [lead + key]
        if keys == 1:
            names += [lead + "ID", lead + "Id", db_name(lead + "ID")]
        return next((c for c in (_look_up(mapped, n) for n in names) if c is not None), None)

    def _key(
        self,
        table: ModelTable,
        columns: list[str],
        ref: ModelTable | None,
        ref_columns: list[str],
        ref_name: str | None = None,
    ) -> None:
        key = ForeignKey(
            tuple(columns), ref.name if ref is not None else ref_name or "", tuple(ref_columns), None
        )
        if key not in table.foreign_keys:
            table.foreign_keys.append(key)

    def _many_to_many(self, relation: Relation, target: Mapped | None) -> None:
        """`many2many:user_languages`: a table of pairs, keyed by both sides' keys."""
        owner = relation.owner
        settings = relation.settings
        member = relation.field
        name = self.join_table(settings["MANY2MANY"])
        if any(t.name == name for t in self.out):
            return  # the other side (or a join model) made it
        own = self._primary(owner, _names(settings.get("FOREIGNKEY")))
        if target is not None:
            theirs = [
                (n, c.name, c.type) for n, c in self._primary(target, _names(settings.get("REFERENCES")))
            ]
            ref_table, ref_struct = target.table.name, target.struct.name
        else:
            theirs = [("ID", "id", None)]
            ref_table, ref_struct = self.default_table(relation.target.name), relation.target.name
            self._unkeyed(relation, "many2many", None)
        if not own or not theirs:
            return
        line, column = relation.home.file.place(member.node)
        link = ModelTable(name, relation.home.file.shown, line, column)
        joins = _names(settings.get("JOINFOREIGNKEY"))
        refs = _names(settings.get("JOINREFERENCES"))
        mine = [
            db_name(joins[i]) if i < len(joins) else db_name(owner.struct.name + n)
            for i, (n, _) in enumerate(own)
        ]
        other: list[str] = []
        for i, (n, _, _) in enumerate(theirs):
            column_name = db_name(refs[i]) if i < len(refs) else db_name(ref_struct + n)
            if column_name in mine:  # a self-reference: GORM names this side after the field
                column_name = db_name(singular(member.name or "") + n)
            other.append(column_name)
        for col_name, (_, key) in zip(mine, own, strict=False):
            link.add(ModelColumn(col_name, line, column, key.type, None, True))
        for col_name, (_, _, kind) in zip(other, theirs, strict=False):
            link.add(ModelColumn(col_name, line, column, kind, None, True))
        link.foreign_keys.append(
            ForeignKey(tuple(mine), owner.table.name, tuple(c.name for _, c in own), None)
        )
        link.foreign_keys.append(ForeignKey(tuple(other), ref_table, tuple(c for _, c, _ in theirs), None))
        self.out.append(link)


def _look_up(mapped: Mapped, name: str) -> ModelColumn | None:
    """A model's column by Go field name or by column name (GORM's `LookUpField`)."""
    if name in mapped.fields:
        return mapped.fields[name]
    return next((c for c in mapped.table.columns if c.name == name), None)


def _names(value: str | None) -> list[str]:
    """`foreignKey:A,B` -> `["A", "B"]`."""
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _unquote(value: str | None) -> str | None:
    """A `comment:'...'` without its quotes; None when empty."""
    if not value:
        return None
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text or None


def _elsewhere(struct: GoStruct, table: ModelTable) -> str | None:
    """The file of a column written outside its table's file (an embedded struct)."""
    return struct.file.shown if struct.file.shown != table.path else None
