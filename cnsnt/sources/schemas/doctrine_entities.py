r"""Schema evidence from Doctrine ORM entities (PHP), parsed with tree-sitter's PHP grammar.

The PHP files are parsed, never run (`tree-sitter-php`, kept by the tree-sitter
project, prebuilt wheels). Mapping is read from PHP 8 attributes (`#[ORM\\Entity]`,
`#[ORM\\Column(type: Types::STRING, length: 180)]`) and from docblock annotations
(`@ORM\\Column(type="string")`, tokenized by `doctrine_annotations`):

- `Entity` classes are tables (`Table(name:, schema:, options: ['comment' => ...])`, else
  the naming strategy's name for the class); `MappedSuperclass` parents and traits give
  their fields to the entities below them; `SINGLE_TABLE` inheritance puts a subclass's
  columns in its root's table (with the discriminator column), `JOINED` gives it a table
  of its own keyed by the root's primary key;
- `Column` properties are columns typed as Doctrine's DBAL creates them (`string` is
  `VARCHAR(255)`), the type told from the property's PHP type when `type:` is omitted;
  `Id` marks the primary key;
- `ManyToOne` and owning `OneToOne` are join columns with a foreign key to the target's
  table, owning `ManyToMany` is a join table with two; `Embedded` copies an
  `Embeddable`'s columns with their prefix.

Names follow Doctrine's default naming strategy (the class name, the property name), or
the `underscore` / `underscore_number_aware` one when the project's
`config/packages/doctrine.yaml` (or `app/config/config.yml`) says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import (
    ModelColumn,
    ModelTable,
    model_evidence,
    model_failed,
    nothing_found,
    problem_of,
)
from cnsnt.sources.schemas.doctrine_annotations import (
    UNKNOWN,
    AnnotationError,
    Attr,
    ClassRef,
    PhpClass,
    Prop,
    docblock_annotations,
    is_orm,
    short_name,
)
from cnsnt.sources.schemas.doctrine_xml import is_xml_mapping, xml_classes
from cnsnt.sources.schemas.doctrine_yaml import is_yaml_mapping, yaml_classes
from cnsnt.sources.schemas.grammars import SourceFile, parse_bounded, parser, syntax_problem
from cnsnt.sources.schemas.read_fixes import DEFAULT_NAME

Node = Any  # tree_sitter.Node

#: `Doctrine\DBAL\Types\Types::X` -> the type name it holds.
TYPE_CONSTANTS: dict[str, str] = {
    "ARRAY": "array",
    "ASCII_STRING": "ascii_string",
    "BIGINT": "bigint",
    "BINARY": "binary",
    "BLOB": "blob",
    "BOOLEAN": "boolean",
    "DATE_MUTABLE": "date",
    "DATE_IMMUTABLE": "date_immutable",
    "DATEINTERVAL": "dateinterval",
    "DATETIME_MUTABLE": "datetime",
    "DATETIME_IMMUTABLE": "datetime_immutable",
    "DATETIMETZ_MUTABLE": "datetimetz",
    "DATETIMETZ_IMMUTABLE": "datetimetz_immutable",
    "DECIMAL": "decimal",
    "ENUM": "enum",
    "FLOAT": "float",
    "SMALLFLOAT": "smallfloat",
    "GUID": "guid",
    "INTEGER": "integer",
    "JSON": "json",
    "OBJECT": "object",
    "SIMPLE_ARRAY": "simple_array",
    "SMALLINT": "smallint",
    "STRING": "string",
    "TEXT": "text",
    "TIME_MUTABLE": "time",
    "TIME_IMMUTABLE": "time_immutable",
}
#: Doctrine type names -> the SQL type DBAL creates (MySQL/PostgreSQL alike where they agree).
SQL_TYPES: dict[str, str] = {
    "ascii_string": "VARCHAR",
    "string": "VARCHAR",
    "text": "TEXT",
    "integer": "INTEGER",
    "smallint": "SMALLINT",
    "bigint": "BIGINT",
    "boolean": "BOOLEAN",
    "decimal": "DECIMAL",
    "float": "DOUBLE PRECISION",
    "smallfloat": "REAL",
    "date": "DATE",
    "date_immutable": "DATE",
    "datetime": "DATETIME",
    "datetime_immutable": "DATETIME",
    "datetimetz": "DATETIMETZ",
    "datetimetz_immutable": "DATETIMETZ",
    "time": "TIME",
    "time_immutable": "TIME",
    "dateinterval": "VARCHAR(255)",
    "json": "JSON",
    "json_array": "JSON",
    "array": "TEXT",
    "simple_array": "TEXT",
    "object": "TEXT",
    "guid": "UUID",
    "uuid": "UUID",
    "ulid": "BINARY(16)",
    "binary": "VARBINARY",
    "blob": "BLOB",
    "enum": "ENUM",
}
#: PHP property types -> the Doctrine type inferred when `Column` has no `type:` (ORM 2.9+).
PHP_TYPES: dict[str, str] = {
    "int": "integer",
    "string": "string",
    "bool": "boolean",
    "float": "float",
    "array": "json",
    "DateTime": "datetime",
    "DateTimeInterface": "datetime",
    "DateTimeImmutable": "datetime_immutable",
    "DateInterval": "dateinterval",
    "Uuid": "uuid",
    "Ulid": "ulid",
}


# -- naming strategies


@dataclass(frozen=True)
class Naming:
    """Doctrine's naming strategy: `default`, `underscore` or `underscore_number_aware`."""

    kind: str = "default"

    def _u(self, name: str) -> str:
        if self.kind == "default":
            return name
        pattern = r"(?<=[a-z0-9])([A-Z])" if self.kind == "underscore_number_aware" else r"(?<=[a-z])([A-Z])"
        return re.sub(pattern, r"_\1", name).lower()

    def table(self, class_name: str) -> str:
        """`classToTableName`: a class's table when `Table` names none."""
        return self._u(short_name(class_name))

    def column(self, prop: str) -> str:
        """`propertyToColumnName`."""
        return self._u(prop)

    def join_column(self, prop: str, ref: str = "id") -> str:
        """`joinColumnName`: a `ManyToOne` property's column."""
        return f"{self._u(prop)}_{ref}"

    def join_table(self, source: str, target: str) -> str:
        """`joinTableName` of a `ManyToMany` without `JoinTable(name:)`."""
        name = f"{self.table(source)}_{self.table(target)}"
        return name.lower() if self.kind == "default" else name

    def join_key(self, class_name: str, ref: str = "id") -> str:
        """`joinKeyColumnName`: a join table's column for one side."""
        name = f"{self.table(class_name)}_{ref}"
        return name.lower() if self.kind == "default" else name

    def embedded(self, prop: str, column: str) -> str:
        """`embeddedFieldToColumnName` when `Embedded` gives no `columnPrefix`."""
        return f"{self._u(prop)}_{column}"


_CONFIGS = ("config/packages/doctrine.yaml", "config/packages/doctrine.yml", "app/config/config.yml")


def naming_for(path: Path, cache: dict[Path, Naming]) -> Naming:
    """The naming strategy the project of `path` configures (walking up to its `composer.json`)."""
    folder = path.parent
    seen: list[Path] = []
    naming = Naming()
    while True:
        if folder in cache:
            naming = cache[folder]
            break
        seen.append(folder)
        configured = next((c for c in (folder / n for n in _CONFIGS) if c.is_file()), None)
        if configured is not None:
            naming = _configured(configured)
            break
        if (folder / "composer.json").is_file() or folder.parent == folder:
            break
        folder = folder.parent
    for each in seen:
        cache[each] = naming
    return naming


def _configured(config: Path) -> Naming:
    """The `naming_strategy:` of a Doctrine config file; the default one when unreadable."""
    try:
        data = yaml.safe_load(config.read_text(encoding="utf-8", errors="replace"))
    except (OSError, yaml.YAMLError):
        return Naming()
    stack: list[Any] = [data]
    budget = 100_000  # aliases can make a small file a huge tree
    while stack and budget > 0:
        budget -= 1
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("naming_strategy")
            if isinstance(value, str):
                for kind in ("underscore_number_aware", "underscore"):
                    if value.endswith("naming_strategy." + kind):
                        return Naming(kind)
                return Naming()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return Naming()


# -- what one PHP file declares


def php_parser() -> Any:
    """A tree-sitter parser for PHP; a clear `SourceError` when the grammar is not installed."""
    return parser("php", "Doctrine entities")


class _FileReader:
    """The classes of one parsed PHP file; unreadable mapping goes to `problems`."""

    def __init__(self, file: SourceFile, problems: list[SourceProblem]) -> None:
        self.file = file
        self.problems = problems
        self.constants: dict[tuple[str, str], Node] = {}
        """`(class, NAME)` -> the expression of a class constant of this file."""
        self.current = ""
        """The class being read (what `self::` means)."""
        self.uses: dict[str, str] = {}
        """`use A\\B as C;` -> {"C": "A\\B"}, to resolve a parent class's full name."""

    def place(self, offset: int) -> tuple[int, int]:
        line = 0
        lo, hi = 0, len(self.file.starts) - 1
        while lo <= hi:  # the last line start at or before offset
            mid = (lo + hi) // 2
            if self.file.starts[mid] <= offset:
                line, lo = mid, mid + 1
            else:
                hi = mid - 1
        prefix = self.file.source[self.file.starts[line] : offset].decode("utf-8", errors="replace")
        return line + 1, len(prefix) + 1

    def problem(self, message: str, offset: int) -> None:
        line, column = self.place(offset)
        self.problems.append(SourceProblem(message, Location(self.file.shown, line, column), self.file.shown))

    def _collect_constants(self, root: Node) -> None:
        """The class constants of the file (`const TABLE = 'people'`), for `self::TABLE`."""
        stack = [root]
        while stack:
            node = stack.pop()
            if node.type.endswith("_declaration") and node.type != "const_declaration":
                name = node.child_by_field_name("name")
                body = node.child_by_field_name("body")
                if name is not None and body is not None:
                    for member in body.named_children:
                        if member.type != "const_declaration":
                            continue
                        for element in member.named_children:
                            parts = element.named_children if element.type == "const_element" else []
                            if len(parts) >= 2 and parts[0].type == "name":
                                self.constants[(self.file.text(name), self.file.text(parts[0]))] = parts[-1]
            stack.extend(node.named_children)

    def _collect_uses(self, root: Node) -> None:
        for statement in root.named_children:
            if statement.type != "namespace_use_declaration":
                continue
            for clause in statement.named_children:
                if clause.type != "namespace_use_clause" or not clause.named_children:
                    continue
                full = self.file.text(clause.named_children[0]).lstrip("\\")
                alias = clause.child_by_field_name("alias")
                self.uses[self.file.text(alias) if alias is not None else short_name(full)] = full

    def classes(self, root: Node) -> list[PhpClass]:
        """Every class and trait of the file, with its mapping."""
        self._collect_constants(root)
        self._collect_uses(root)
        out: list[PhpClass] = []
        stack = [root]
        while stack:
            node = stack.pop()
            if node.type in ("class_declaration", "trait_declaration"):
                try:
                    found = self._class(node)
                except Exception as exc:  # noqa: BLE001 - one class's bug must not lose the others
                    self.problems.append(
                        model_failed(exc, self.file.shown, *self.file.place(node), "a class")
                    )
                    continue
                if found is not None:
                    out.append(found)
                continue
            stack.extend(reversed(node.named_children))
        return out

    def _docblock(self, node: Node) -> list[Attr]:
        """The mapping annotations of the `/** */` comment just before a declaration."""
        previous = node.prev_named_sibling
        if previous is None or previous.type != "comment":
            return []
        text = self.file.text(previous)
        if not text.startswith("/**"):
            return []
        try:
            found = docblock_annotations(text)
        except AnnotationError as exc:
            base = previous.start_byte + len(text[: exc.offset].encode("utf-8"))
            self.problem(
                f"cannot read this Doctrine annotation ({exc.message}); its mapping is not read", base
            )
            return []
        for attr in found:
            attr.offset = previous.start_byte + len(text[: attr.offset].encode("utf-8"))
        return found

    def _attributes(self, node: Node) -> list[Attr]:
        r"""The Doctrine attributes (`#[ORM\\X(...)]`) of a declaration."""
        out: list[Attr] = []
        for child in node.children:
            if child.type != "attribute_list":
                continue
            for group in child.named_children:
                for attribute in group.named_children:
                    if attribute.type != "attribute" or not attribute.named_children:
                        continue
                    name = self.file.text(attribute.named_children[0])
                    if not is_orm(name):
                        continue
                    out.append(
                        self._attr(name, attribute.child_by_field_name("parameters"), attribute.start_byte)
                    )
        return out

    def _attr(self, name: str, arguments: Node | None, offset: int) -> Attr:
        attr = Attr(short_name(name), offset=offset)
        index = 0
        for argument in arguments.named_children if arguments is not None else ():
            if argument.type != "argument":
                continue
            named = argument.child_by_field_name("name")
            value_node = argument.named_children[-1] if argument.named_children else None
            value = self._value(value_node)
            if named is not None:
                attr.args[self.file.text(named)] = value
            else:
                attr.args[str(index)] = value
                index += 1
        return attr

    def _value(self, node: Node | None, depth: int = 0) -> Any:
        """A PHP constant expression as a Python value; `UNKNOWN` for anything computed."""
        if node is None or depth > 50:
            return UNKNOWN
        kind = node.type
        if kind in ("string", "encapsed_string"):
            if any(c.type not in ("string_content", "escape_sequence", '"', "'") for c in node.children):
                return UNKNOWN
            return "".join(self.file.text(c) for c in node.named_children)
        if kind == "integer":
            try:
                return int(self.file.text(node).replace("_", ""), 0)
            except ValueError:
                return UNKNOWN
        if kind == "boolean":
            return self.file.text(node).casefold() == "true"
        if kind == "null":
            return None
        if kind == "class_constant_access_expression" and len(node.named_children) == 2:
            scope, member = (self.file.text(c) for c in node.named_children)
            if member == "class":
                return ClassRef(short_name(scope))
            if short_name(scope) == "Types" and member in TYPE_CONSTANTS:
                return TYPE_CONSTANTS[member]
            owner = self.current if scope in ("self", "static") else short_name(scope)
            constant = self.constants.get((owner, member))
            return self._value(constant, depth + 1) if constant is not None else UNKNOWN
        if kind == "array_creation_expression":
            items: dict[str, Any] = {}
            keyed = False
            for i, element in enumerate(
                c for c in node.named_children if c.type == "array_element_initializer"
            ):
                parts = element.named_children
                if len(parts) == 2:
                    keyed = True
                    key = self._value(parts[0], depth + 1)
                    items[str(key)] = self._value(parts[1], depth + 1)
                elif parts:
                    items[str(i)] = self._value(parts[0], depth + 1)
            return items if keyed else list(items.values())
        if kind == "object_creation_expression" and node.named_children:
            name = self.file.text(node.named_children[0])
            arguments = next((c for c in node.named_children if c.type == "arguments"), None)
            return self._attr(name, arguments, node.start_byte)
        return UNKNOWN

    def _class(self, node: Node) -> PhpClass | None:
        name_node = node.child_by_field_name("name")
        if name_node is None:
            return None
        line, column = self.file.place(name_node)
        cls = PhpClass(self.file.text(name_node), self.file.shown, line, column)
        self.current = cls.name
        cls.attrs = self._docblock(node) + self._attributes(node)
        for child in node.children:
            if child.type == "base_clause" and child.named_children:
                written = self.file.text(child.named_children[0])
                cls.parent = short_name(written)
                head, _, rest = written.partition("\\")
                full = self.uses.get(head) if head else None
                joined = "\\".join(filter(None, (full, rest)))
                cls.parent_full = written.lstrip("\\") if full is None else joined
        body = node.child_by_field_name("body")
        for member in body.named_children if body is not None else ():
            if member.type == "use_declaration":
                cls.traits.extend(
                    short_name(self.file.text(n)) for n in member.named_children if "name" in n.type
                )
            elif member.type == "property_declaration":
                attrs = self._docblock(member) + self._attributes(member)
                php_type = self._php_type(member.child_by_field_name("type"))
                for element in member.named_children:
                    if element.type != "property_element":
                        continue
                    self._prop(cls, element.child_by_field_name("name"), attrs, php_type)
            elif member.type == "method_declaration":
                name = member.child_by_field_name("name")
                params = member.child_by_field_name("parameters")
                if name is None or self.file.text(name) != "__construct" or params is None:
                    continue
                for param in params.named_children:  # constructor property promotion
                    if param.type == "property_promotion_parameter":
                        attrs = self._attributes(param)
                        php_type = self._php_type(param.child_by_field_name("type"))
                        self._prop(cls, param.child_by_field_name("name"), attrs, php_type)
        return cls

    def _prop(self, cls: PhpClass, name_node: Node | None, attrs: list[Attr], php_type: str | None) -> None:
        if name_node is None or not attrs:
            return
        line, column = self.file.place(name_node)
        name = self.file.text(name_node).lstrip("$")
        cls.props.append(Prop(name, attrs, php_type, line, column, self.file.shown))

    def _php_type(self, node: Node | None) -> str | None:
        """The class or builtin of a property type (`?string` -> `string`); None for unions."""
        if node is None:
            return None
        if node.type == "optional_type" and node.named_children:
            node = node.named_children[0]
        if node.type in ("primitive_type", "named_type", "name", "qualified_name"):
            return short_name(self.file.text(node))
        return None


# -- mapped superclasses of well-known bundles (their mapping is in vendor/, never read)

#: FOSUserBundle's `FOS\UserBundle\Model\User` mapping (its `User.orm.xml`): name, column, type, length.
_FOS_USER = (
    ("username", "username", "string", 180),
    ("usernameCanonical", "username_canonical", "string", 180),
    ("email", "email", "string", 180),
    ("emailCanonical", "email_canonical", "string", 180),
    ("enabled", "enabled", "boolean", None),
    ("salt", "salt", "string", None),
    ("password", "password", "string", None),
    ("lastLogin", "last_login", "datetime", None),
    ("confirmationToken", "confirmation_token", "string", 180),
    ("passwordRequestedAt", "password_requested_at", "datetime", None),
    ("roles", "roles", "array", None),
)
#: Fully qualified parents -> the columns their bundle maps.
VENDOR_BASES: dict[str, tuple[tuple[str, str, str, int | None], ...]] = {
    "FOS\\UserBundle\\Model\\User": _FOS_USER,
    "FOS\\UserBundle\\Entity\\User": _FOS_USER,
}


def vendor_base(child: PhpClass) -> PhpClass | None:
    """The mapped superclass a well-known bundle gives `child`'s parent, placed at `child`."""
    fields = VENDOR_BASES.get(child.parent_full or "")
    if fields is None or child.parent is None:
        return None
    base = PhpClass(child.parent, child.shown, child.line, child.column, attrs=[Attr("MappedSuperclass")])
    for name, column, type_, length in fields:
        args: dict[str, Any] = {"name": column, "type": type_}
        if length is not None:
            args["length"] = length
        base.props.append(Prop(name, [Attr("Column", args)], None, child.line, child.column, child.shown))
    return base


# -- from classes to tables


@dataclass
class _Link:
    """A join column whose type is the referenced column's, known once every table is built."""

    table: ModelTable
    column: ModelColumn
    target: str
    ref: str


class _Builder:
    def __init__(
        self, classes: dict[str, PhpClass], naming: dict[str, Naming], problems: list[SourceProblem]
    ):
        self.classes = classes
        self.naming = naming
        self.problems = problems
        self.tables: dict[str, ModelTable] = {}
        self.links: list[_Link] = []
        self.warned: set[tuple[str, int, int]] = set()

    def named(self, value: Any, default: str, shown: str, line: int, column: int) -> str:
        """A name the mapping gives, or the naming strategy's; a computed one is a warning."""
        if isinstance(value, str) and value:
            return value.strip('`"')
        if value is UNKNOWN and (shown, line, column) not in self.warned:
            self.warned.add((shown, line, column))
            self.problems.append(
                SourceProblem(
                    f"cannot tell the name written here (a computed value); `{default}`, the name "
                    "Doctrine gives by default, is used",
                    Location(shown, line, column),
                    shown,
                    severity=Severity.WARNING,
                    fix=DEFAULT_NAME,
                )
            )
        return default

    def find(self, name: str) -> PhpClass | None:
        """A class by short name; `UserInterface` is `User` when only that is mapped.

        (Symfony's `resolve_target_entities` maps an interface to its one entity, nearly
        always named so.)
        """
        found = self.classes.get(name)
        if found is None and name.endswith("Interface"):
            found = self.classes.get(name.removesuffix("Interface"))
        return found

    def chain(self, cls: PhpClass) -> list[PhpClass]:
        """The class and its known ancestors, nearest first (a cycle stops it)."""
        out = [cls]
        while out[-1].parent and out[-1].parent in self.classes and len(out) < 50:
            parent = self.classes[out[-1].parent]
            if parent in out:
                break
            out.append(parent)
        return out

    def own_props(self, cls: PhpClass, seen: frozenset[str] = frozenset()) -> list[Prop]:
        """A class's properties, then those of the traits it uses (the order PHP declares them in)."""
        props = list(cls.props)
        for trait in cls.traits:
            if trait in self.classes and trait not in seen:
                props.extend(self.own_props(self.classes[trait], seen | {cls.name}))
        return props

    def root_of(self, cls: PhpClass) -> PhpClass:
        entities = [c for c in self.chain(cls) if c.kind == "entity"]
        return entities[-1] if entities else cls

    def table_name(self, cls: PhpClass) -> str:
        table = cls.first("Table")
        name = table.get("name") if table is not None else None
        return self.named(name, self.naming[cls.shown].table(cls.name), cls.shown, cls.line, cls.column)

    def target_table(self, name: str, naming: Naming) -> str:
        cls = self.find(name)
        if cls is None:
            return naming.table(name)
        root = self.root_of(cls)
        inheritance = root.first("InheritanceType")
        if (
            root is not cls
            and inheritance is not None
            and str(inheritance.get("value")).upper() == "SINGLE_TABLE"
        ):
            return self.table_name(root)
        return self.table_name(cls)

    def build(self, cls: PhpClass) -> None:
        chain = self.chain(cls)
        root = self.root_of(cls)
        inheritance_attr = root.first("InheritanceType")
        inheritance = str(inheritance_attr.get("value")).upper() if inheritance_attr is not None else ""
        parent_entity = next((c for c in chain[1:] if c.kind == "entity"), None)
        if parent_entity is not None and inheritance in ("SINGLE_TABLE", "JOINED"):
            upto = chain.index(parent_entity)
            mine = [c for c in chain[:upto] if c is cls or c.kind == "mapped"]
        else:
            mine = [c for c in chain if c is cls or c.kind in ("mapped", "entity")]
        props = [p for c in reversed(mine) for p in self.own_props(c)]
        if parent_entity is not None and inheritance == "SINGLE_TABLE":
            table = self.tables.get(root.name)
            if table is None:
                return  # the root is built first; a root cnsnt could not build takes its subclasses
            self.add_props(table, cls, props)
            return
        naming = self.naming[cls.shown]
        table_attr = cls.first("Table")
        table = ModelTable(self.table_name(cls), cls.shown, cls.line, cls.column)
        if table_attr is not None:
            schema = table_attr.get("schema")
            table.schema = schema if isinstance(schema, str) and schema else None
            options = table_attr.get("options")
            comment = options.get("comment") if isinstance(options, dict) else None
            table.comment = comment if isinstance(comment, str) else None
        self.tables[cls.name] = table
        if parent_entity is not None and inheritance == "JOINED":
            parent_table = self.tables.get(root.name)
            keys = [c for c in parent_table.columns if c.primary_key] if parent_table is not None else []
            for key in keys:
                table.add(ModelColumn(key.name, cls.line, cls.column, key.type, primary_key=True))
            if keys:
                table.foreign_keys.append(
                    ForeignKey(
                        tuple(k.name for k in keys),
                        self.target_table(parent_entity.name, naming),
                        tuple(k.name for k in keys),
                    )
                )
        self.add_props(table, cls, props)
        if cls is root and inheritance in ("SINGLE_TABLE", "JOINED"):
            disc = cls.first("DiscriminatorColumn")
            name = disc.get("name") if disc is not None else None
            dtype = disc.get("type") if disc is not None else None
            length = disc.get("length") if disc is not None else None
            table.add(
                ModelColumn(
                    name if isinstance(name, str) else "dtype",
                    cls.line,
                    cls.column,
                    sql_type(
                        dtype if isinstance(dtype, str) else "string",
                        length if isinstance(length, int) else None,
                    ),
                )
            )

    def add_props(
        self, table: ModelTable, cls: PhpClass, props: list[Prop], prefix: str | None = None
    ) -> None:
        naming = self.naming[cls.shown]
        for prop in props:
            path = prop.shown if prop.shown != table.path else None
            primary = prop.first("Id") is not None
            column_attr = prop.first("Column")
            relation = prop.first("ManyToOne") or prop.first("OneToOne")
            if column_attr is not None:
                name = self.named(
                    column_attr.get("name"), naming.column(prop.name), prop.shown, prop.line, prop.column
                )
                if prefix is not None:
                    name = prefix + name
                options = column_attr.get("options")
                comment = options.get("comment") if isinstance(options, dict) else None
                table.add(
                    ModelColumn(
                        name,
                        prop.line,
                        prop.column,
                        column_type(column_attr, prop.php_type),
                        comment if isinstance(comment, str) else None,
                        primary,
                        path,
                    )
                )
            elif relation is not None and not isinstance(relation.get("mappedBy"), str):
                target = _class_name(relation.get("targetEntity"), cls) or _class_name(prop.php_type, cls)
                if not target:
                    continue
                joins = prop.all("JoinColumn") or _listed(prop.first("JoinColumns"), "value")
                self._join_columns(
                    table,
                    prop,
                    joins,
                    target,
                    self.target_table(target, naming),
                    partial(naming.join_column, prop.name),
                    primary,
                    path,
                    one_to_one=relation.name == "OneToOne",
                )
            elif prop.first("ManyToMany") is not None:
                self._join_table(table, cls, prop, naming)
            elif prop.first("Embedded") is not None:
                self._embedded(table, prop, naming)

    def _join_columns(
        self,
        table: ModelTable,
        prop: Prop,
        joins: list[Attr],
        target: str,
        ref_table: str,
        default: Callable[[str], str],
        primary: bool,
        path: str | None = None,
        *,
        one_to_one: bool = False,
    ) -> None:
        """The columns a relation adds to `table`, with their foreign key to `ref_table`.

        `default` names a column by the column it references, when the mapping does not.
        An owning one-to-one's single join column is unique (Doctrine indexes it so), as is
        one mapped `unique=true`: each target row is one of this table's, continued.
        """
        names: list[str] = []
        refs: list[str] = []
        joins = joins or [Attr("JoinColumn")]
        for join in joins:
            ref = join.get("referencedColumnName")
            ref = ref if isinstance(ref, str) and ref else "id"
            name = self.named(join.get("name"), default(ref), prop.shown, prop.line, prop.column)
            unique = (one_to_one and len(joins) == 1) or join.get("unique") in (True, "true")
            column = ModelColumn(name, prop.line, prop.column, None, None, primary, path, unique=unique)
            table.add(column)
            self.links.append(_Link(table, column, target, ref))
            names.append(name)
            refs.append(ref)
        table.foreign_keys.append(ForeignKey(tuple(names), ref_table, tuple(refs)))

    def _join_table(self, table: ModelTable, cls: PhpClass, prop: Prop, naming: Naming) -> None:
        many = prop.first("ManyToMany")
        assert many is not None
        if isinstance(many.get("mappedBy"), str):
            return
        target = _class_name(many.get("targetEntity"), cls)
        if target is None:
            return
        join_table = prop.first("JoinTable")
        name = join_table.get("name") if join_table is not None else None
        link = ModelTable(
            name.strip('`"') if isinstance(name, str) and name else naming.join_table(cls.name, target),
            prop.shown,
            prop.line,
            prop.column,
        )
        joins = _listed(join_table, "joinColumns") or prop.all("JoinColumn")
        inverse = _listed(join_table, "inverseJoinColumns") or prop.all("InverseJoinColumn")
        # each side's key is named for its class (`user_id`) and is part of the link's key
        for side, key_joins, ref_table in (
            (cls.name, joins, table.name),
            (target, inverse, self.target_table(target, naming)),
        ):
            self._join_columns(
                link,
                prop,
                key_joins,
                side,
                ref_table,
                partial(naming.join_key, side),
                True,
            )
        self.tables[f"{cls.name}::{prop.name}"] = link

    def _embedded(self, table: ModelTable, prop: Prop, naming: Naming) -> None:
        embedded = prop.first("Embedded")
        assert embedded is not None
        name = _class_name(embedded.get("class"), None) or prop.php_type
        cls = self.classes.get(name or "")
        if cls is None or cls.kind != "embeddable":
            return
        given = embedded.get("columnPrefix")
        inner = ModelTable(table.name, table.path, table.line, table.column)
        self.add_props(inner, cls, self.own_props(cls))
        for column in inner.columns:
            if given is False:
                new = column.name
            elif isinstance(given, str):
                new = given + column.name
            else:
                new = naming.embedded(prop.name, column.name)
            path = prop.shown if prop.shown != table.path else None
            table.add(ModelColumn(new, prop.line, prop.column, column.type, column.comment, False, path))

    def resolve_types(self) -> None:
        """Join columns take the type of the column they reference."""
        for _ in range(3):  # a key that is itself a join column resolves on a later round
            for link in self.links:
                if link.column.type is not None:
                    continue
                target = self.find(link.target)
                table = self.tables.get(self.root_of(target).name) if target is not None else None
                if table is None:
                    continue
                ref = next((c for c in table.columns if c.name == link.ref), None)
                if ref is not None and ref.type is not None:
                    link.column.type = ref.type
        for link in self.links:
            if link.column.type is None:
                link.column.type = "INTEGER"


def _named(cls: PhpClass) -> bool:
    """Whether a class names its table."""
    table = cls.first("Table")
    name = table.get("name") if table is not None else None
    return isinstance(name, str) and bool(name)


def _listed(attr: Attr | None, key: str) -> list[Attr]:
    r"""The `JoinColumn`s an argument lists (`joinColumns: [new ORM\\JoinColumn(...)]`)."""
    value = attr.get(key) if attr is not None else None
    if isinstance(value, Attr):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, Attr)]
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, Attr)]
    return []


def _class_name(value: Any, within: PhpClass | None) -> str | None:
    """The short class name a `targetEntity` gives; `self::class` and `static` are `within`."""
    name = None
    if isinstance(value, ClassRef):
        name = value.name
    elif isinstance(value, str) and value:
        name = short_name(value.replace(":", "\\"))
    if name is not None and name.casefold() in ("self", "static") and within is not None:
        return within.name
    return name


def sql_type(
    doctrine: str, length: int | None = None, precision: int | None = None, scale: int | None = None
) -> str:
    """The SQL type DBAL creates for a Doctrine type (custom types keep their name)."""
    base = SQL_TYPES.get(doctrine.lower())
    if base is None:
        return doctrine.upper()
    if base in ("VARCHAR", "VARBINARY"):
        return f"{base}({length if length is not None else 255})"
    if base == "DECIMAL" and precision is not None:
        return f"DECIMAL({precision},{scale or 0})"
    return base


def column_type(attr: Attr, php_type: str | None) -> str | None:
    """A `Column`'s SQL type, from `type:` or else the property's PHP type (then `string`)."""
    given = attr.get("type")
    if given is UNKNOWN:  # a custom type's constant: the PHP type tells what it holds, if anything
        given = PHP_TYPES.get(php_type or "")
        if given is None:
            return None
    doctrine = given if isinstance(given, str) and given else PHP_TYPES.get(php_type or "", "string")
    length, precision, scale = (attr.get(k) for k in ("length", "precision", "scale"))
    return sql_type(
        doctrine,
        length if isinstance(length, int) else None,
        precision if isinstance(precision, int) else None,
        scale if isinstance(scale, int) else None,
    )


def read_doctrine(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a project's Doctrine entities map to (all of one entry read together)."""
    problems: list[SourceProblem] = []
    classes: dict[str, PhpClass] = {}
    naming: dict[str, Naming] = {}
    cache: dict[Path, Naming] = {}
    mapped: list[PhpClass] = []
    parser = None
    files = 0
    for path in paths:
        shown = ctx.shown(path)
        ctx.check_time(shown)
        try:
            text = read_text(path, shown, limits=ctx.limits)
            if is_yaml_mapping(path.name) or is_xml_mapping(path.name):
                naming[shown] = naming_for(path, cache)
                files += 1
                read = yaml_classes if is_yaml_mapping(path.name) else xml_classes
                mapped.extend(read(text, shown))
                continue
            parser = parser or php_parser()
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        files += 1
        source = text.encode("utf-8")
        try:
            tree = parse_bounded(parser, source, shown)
        except SourceError as exc:  # the grammar's error recovery did not end: nothing of it is read
            problems.append(problem_of(exc, shown))
            continue
        file = SourceFile(source, shown)
        broken = syntax_problem(tree, file, "PHP", "entities")
        if broken is not None:
            problems.append(broken)
        naming[shown] = naming_for(path, cache)
        for cls in _FileReader(file, problems).classes(tree.root_node):
            classes.setdefault(cls.name, cls)
    for cls in mapped:  # a YAML mapping maps the PHP class of that name, which knows its parent
        php = classes.get(cls.name)
        if php is not None and php.kind is None:
            cls.parent = php.parent
            cls.traits = php.traits
        if php is None or php.kind is None:
            classes[cls.name] = cls
    for cls in list(classes.values()):
        if cls.parent is not None and cls.parent not in classes:
            base = vendor_base(cls)
            if base is not None:
                classes[base.name] = base
    builder = _Builder(classes, naming, problems)
    entities = [c for c in classes.values() if c.kind == "entity"]
    # A mapped superclass that names its table and that no entity here extends is the
    # model bundles let the application make an entity (Sulu, Sylius): read it as one.
    extended = {p.name for c in entities for p in builder.chain(c)[1:]}
    entities += [c for c in classes.values() if c.kind == "mapped" and c.name not in extended and _named(c)]
    entities.sort(key=lambda c: len(builder.chain(c)))  # roots before their subclasses
    for cls in entities:
        try:
            builder.build(cls)
        except Exception as exc:  # noqa: BLE001 - one entity's bug must not lose the others
            problems.append(model_failed(exc, cls.shown, cls.line, cls.column, f"entity {cls.name}"))
    builder.resolve_types()
    if files and not entities and not problems:
        what = "Doctrine entity (`#[ORM\\Entity]` or `@ORM\\Entity`)"
        problems.append(nothing_found(ctx.shown(paths[0]), what))
    ordered = sorted(builder.tables.values(), key=lambda t: (t.path, t.line, t.column, t.name))
    return model_evidence(ordered, problems, files)
