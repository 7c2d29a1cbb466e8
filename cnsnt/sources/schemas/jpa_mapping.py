"""JPA / Hibernate entities as tables, whatever JVM language they are written in.

The Java reader (`jpa_entities`) and the Kotlin one (`jpa_kotlin`) parse their files
into the same `JavaClass`/`Member`/`Annotation` records (annotation values stay syntax
nodes, each evaluated by its language's `Evaluator`); `Mapper` makes the tables, so the
Java and Kotlin entities of one project give the same tables and may reference each other.

Types: Java types become the SQL types Hibernate creates (`String` is `varchar(255)`
unless `length`, `Long` is `bigint`, `LocalDateTime` is `timestamp`, `byte[]` is
`blob`...; `TYPES`). Names: Spring Boot configures Hibernate to write `firstName` as
`first_name` (`CamelCaseToUnderscoresNamingStrategy`, applied to every table and column
name); plain Hibernate keeps names as written unless its own configuration sets that
strategy. Which applies to an entry is `jpa_naming`'s to say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from cnsnt.evidence import ForeignKey, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.schemas.common import ModelColumn, ModelTable, model_failed
from cnsnt.sources.schemas.grammars import JvmNames, SourceFile
from cnsnt.sources.schemas.jpa_naming import JpaNaming
from cnsnt.sources.schemas.read_fixes import DEFAULT_NAME, DEFAULT_VALUE
from cnsnt.sql.jpql import Entity

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: Java types -> the SQL type Hibernate creates for them.
TYPES: dict[str, str] = {
    "String": "varchar(255)",
    "char": "char(1)",
    "Character": "char(1)",
    "int": "integer",
    "Integer": "integer",
    "short": "smallint",
    "Short": "smallint",
    "byte": "tinyint",
    "Byte": "tinyint",
    "long": "bigint",
    "Long": "bigint",
    "boolean": "boolean",
    "Boolean": "boolean",
    "float": "float",
    "Float": "float",
    "double": "double",
    "Double": "double",
    "BigDecimal": "decimal",
    "BigInteger": "numeric",
    "LocalDate": "date",
    "LocalTime": "time",
    "OffsetTime": "time",
    "Time": "time",
    "LocalDateTime": "timestamp",
    "OffsetDateTime": "timestamp",
    "ZonedDateTime": "timestamp",
    "Instant": "timestamp",
    "Date": "timestamp",
    "Timestamp": "timestamp",
    "Calendar": "timestamp",
    "GregorianCalendar": "timestamp",
    "Year": "integer",
    "DateTime": "timestamp",  # Joda-Time, with Jadira's user types
    "Duration": "bigint",
    "UUID": "uuid",
    "Blob": "blob",
    "Clob": "clob",
    "NClob": "clob",
    "byte[]": "blob",
    "Byte[]": "blob",
    "char[]": "varchar(255)",
    "Character[]": "varchar(255)",
    "Locale": "varchar(255)",
    "Currency": "varchar(255)",
    "TimeZone": "varchar(255)",
    "ZoneId": "varchar(255)",
    "URL": "varchar(255)",
    "Class": "varchar(255)",
}
#: Types that hold several values: never a column of their own.
_COLLECTIONS = frozenset(
    {
        "List",
        "Set",
        "Collection",
        "Map",
        "SortedSet",
        "SortedMap",
        "ArrayList",
        "HashSet",
        "HashMap",
        "LinkedHashSet",
        "LinkedList",
        "TreeSet",
        "TreeMap",
        "Iterable",
    }
)
_TO_ONE = frozenset({"ManyToOne", "OneToOne"})
_TO_MANY = frozenset({"OneToMany", "ManyToMany"})
#: Annotations that make a field something other than a plain column.
_NOT_COLUMNS = frozenset({"Transient", "Formula", "OneToMany", "ManyToMany", "ElementCollection"})
#: Well-known parents outside any project: their columns (name, Java type, primary key).
_KNOWN_PARENTS: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "PanacheEntity": (("id", "Long", True),),
    "AbstractPersistable": (("id", "Long", True),),
    "AbstractAuditable": (
        ("id", "Long", True),
        ("createdBy", "Long", False),
        ("createdDate", "LocalDateTime", False),
        ("lastModifiedBy", "Long", False),
        ("lastModifiedDate", "LocalDateTime", False),
    ),
}


# --------------------------------------------------------------------------- the classes read


class Unresolved(Exception):
    """An annotation value cnsnt cannot evaluate (a method call, an unknown constant)."""

    def __init__(self, node: Node) -> None:
        super().__init__("unresolved")
        self.node = node


class EnumConstant(str):
    """An unresolved `Owner.UPPER_CASE` taken for an enum constant (`EnumType.STRING`).

    Right where an enum is wanted; where a name is wanted (`@Table(name =
    Names.MEMBER_TABLE)`, its constant in no file of the entry) it is a constant cnsnt
    could not find, not the name: `text_value` says so and the default is used (trial37).
    """

    __slots__ = ()


#: Evaluates an annotation value of one language: (node, file, the entry's constants) -> a value.
Evaluator = Callable[[Node, SourceFile, dict[str, str]], Any]


@dataclass
class Annotation:
    """`@Name(key = value, ...)`: values are still nodes, evaluated on demand by `evaluate`."""

    name: str
    node: Node
    file: SourceFile
    evaluate: Evaluator
    """How a value of this annotation's language is read (raises `Unresolved`)."""
    args: dict[str, Node] = field(default_factory=dict)
    repeats: list[Annotation] = field(default_factory=list)
    """Later annotations of the same name on the same element (JPA 2.2's repeatable ones:
    two `@AttributeOverride`s, two `@JoinColumn`s), in source order."""


def add_annotation(found: dict[str, Annotation], ann: Annotation) -> None:
    """Keep `ann` by its name; a repeat of a name already there is kept among its `repeats`."""
    first = found.setdefault(ann.name, ann)
    if first is not ann:
        first.repeats.append(ann)


@dataclass
class Member:
    """A field (or a getter's property) with its annotations."""

    name: str
    type: str
    """The type as written without generics or package (`List`, `String`, `byte[]`)."""
    args: tuple[str, ...]
    """Generic arguments (`List<Phone>` -> `("Phone",)`)."""
    node: Node
    annotations: dict[str, Annotation]
    skipped: bool = False
    """`static` or `transient`: no column."""


@dataclass
class JavaClass:
    """One class of the entry with what JPA reads from it."""

    name: str
    file: SourceFile
    node: Node
    annotations: dict[str, Annotation]
    superclass: str | None
    superclass_node: Node | None
    fields: list[Member] = field(default_factory=list)
    properties: list[Member] = field(default_factory=list)
    names: JvmNames = field(default_factory=JvmNames)
    """Its file's package and imports: which of two classes of one short name a type means."""
    outer: str = ""
    """The classes around a nested class (`Order` of `Order.Line`)."""

    @property
    def qualified(self) -> str:
        """`com.shop.crm.Account`: what tells two classes of one short name apart."""
        return self.names.qualified(f"{self.outer}.{self.name}" if self.outer else self.name)

    def members(self) -> list[Member]:
        """Fields, or getters when the key is mapped on a getter (property access)."""
        keyed = ("Id", "EmbeddedId")
        if any(k in m.annotations for m in self.properties for k in keyed) and not any(
            k in m.annotations for m in self.fields for k in keyed
        ):
            return self.properties
        access = self.annotations.get("Access")
        if access is not None and "PROPERTY" in self.file.text(access.node) and self.properties:
            return self.properties
        return self.fields


def simple_name(text: str) -> str:
    """`javax.persistence.Table` -> `Table`."""
    return text.rsplit(".", 1)[-1]


# --------------------------------------------------------------------------- naming


def snake(name: str) -> str:
    """Spring Boot's `CamelCaseToUnderscoresNamingStrategy`: `firstName` -> `first_name`.

    As Spring writes it: `.` is `_`, an underscore goes between a lower-case letter and
    an upper-case one followed by a lower-case one, then all is lower-cased.
    """
    chars = list(name.replace(".", "_"))
    i = 1
    while i < len(chars) - 1:
        if chars[i - 1].islower() and chars[i].isupper() and chars[i + 1].islower():
            chars.insert(i, "_")
            i += 1
        i += 1
    return "".join(chars).lower()


def _unquote(name: str) -> str:
    """`"user"` or `` `user` `` (quoted to dodge a keyword) is `user`."""
    for q, r in (('"', '"'), ("`", "`"), ("[", "]")):
        if len(name) >= 2 and name.startswith(q) and name.endswith(r):
            return name[1:-1]
    return name


# --------------------------------------------------------------------------- reading


def or_id(keys: list[ModelColumn] | None) -> list[ModelColumn]:
    """The key columns read, or JPA's usual `id bigint` when none were (an entity not read)."""
    return keys or [ModelColumn("id", 0, 0, "bigint", primary_key=True)]


class Mapper:
    """Entities -> tables, with the naming strategy of the project."""

    def __init__(
        self,
        classes: list[JavaClass],
        constants: dict[str, str],
        enums: set[str],
        naming: JpaNaming,
        problems: list[SourceProblem],
    ) -> None:
        self.classes: dict[str, JavaClass] = {}
        """Each class by its short name, or by its qualified name where two share one (`key`)."""
        self._same: dict[str, frozenset[str]] = {}
        """A short name two classes share -> their qualified names (`com.shop.crm.Account`)."""
        groups: dict[str, dict[str, JavaClass]] = {}
        for cls in classes:
            groups.setdefault(cls.name, {}).setdefault(cls.qualified, cls)
        for short, group in groups.items():
            if len(group) == 1:
                self.classes[short] = next(iter(group.values()))
            else:
                self._same[short] = frozenset(group)
                self.classes.update(group)
        self._unsure: set[tuple[str, str]] = set()
        self._picked: dict[tuple[str, str], str | None] = {}
        """(file, short name) -> the class it means there: each file's imports are looked through once."""
        self.shared_names: dict[str, frozenset[str]] = {}
        """After `entities()`: what `ambiguous` found."""
        self.order = classes
        self.constants = constants
        self.enums = enums
        self.snake = naming.snake
        self.spring = naming.spring
        self.problems = problems
        if naming.problem is not None:
            problems.append(naming.problem)
        self.by_name: dict[str, ModelTable] = {}
        self.out: list[ModelTable] = []
        self._keys: dict[str, list[ModelColumn]] = {}
        self._missing: dict[str, tuple[JavaClass, list[str]]] = {}
        self._below: dict[int, list[JavaClass]] = {}
        """The entity subclasses of each root entity (by the root's id)."""

    # ---- names

    def physical(self, name: str) -> str:
        """A table or column name as the database gets it."""
        name = _unquote(name)
        return snake(name) if self.snake else name

    def value(self, ann: Annotation | None, key: str) -> Any:
        """An annotation argument evaluated; an unreadable one is a CN001 and counts as absent."""
        if ann is None or key not in ann.args:
            return None
        node = ann.args[key]
        file = ann.file
        try:
            return ann.evaluate(node, file, self.constants)
        except Unresolved as exc:
            self._unresolved(ann, key, exc.node)
            return None

    def _unresolved(self, ann: Annotation, key: str, node: Node) -> None:
        """A CN001 warning: the annotation's value cannot be evaluated, and the default is used."""
        file = ann.file
        line, column = file.place(node)
        self.problems.append(
            SourceProblem(
                f"@{ann.name}({key} = {file.excerpt(node)}): cnsnt cannot evaluate this value; "
                "the default is used in its place",
                Location(file.shown, line, column),
                file.shown,
                severity=Severity.WARNING,
                fix=DEFAULT_NAME if key == "name" else DEFAULT_VALUE,
            )
        )

    def text_value(self, ann: Annotation | None, key: str) -> str | None:
        """A non-empty string argument, else None (a constant cnsnt could not find is said, CN001)."""
        value = self.value(ann, key)
        if isinstance(value, EnumConstant) and ann is not None:
            self._unresolved(ann, key, ann.args[key])  # `Names.MEMBER_TABLE` is no table's name
            return None
        return value if isinstance(value, str) and value else None

    def comment(self, anns: dict[str, Annotation]) -> str | None:
        """Hibernate's `@Comment("...")`, or `@Column(comment = "...")` (Jakarta Persistence 3.2)."""
        return self.text_value(anns.get("Comment"), "value") or self.text_value(anns.get("Column"), "comment")

    def entity_name(self, cls: JavaClass) -> str:
        """`@Entity(name)`, else the class name (what JPA's default names start from)."""
        return self.text_value(cls.annotations.get("Entity"), "name") or cls.name

    def table_name(self, cls: JavaClass) -> str:
        """The physical table name of an entity."""
        return self.physical(self.text_value(cls.annotations.get("Table"), "name") or self.entity_name(cls))

    # ---- classes

    def key(self, cls: JavaClass) -> str:
        """What `classes` holds a class by: its short name, its qualified one where two share that."""
        return cls.qualified if cls.name in self._same else cls.name

    def resolve(self, name: str, where: JavaClass) -> str:
        """The key of the class a type name written in `where`'s file means.

        A short name two classes share is the one the file imports, or its own package's;
        when neither tells, a CN001 warning names both (once per file), and the name is
        left unresolved: no relation is guessed.
        """
        candidates = self._same.get(name)
        if candidates is None:
            return name
        key = (where.file.shown, name)
        if key not in self._picked:
            self._picked[key] = where.names.pick(candidates)
        chosen = self._picked[key]
        if chosen is not None:
            return chosen
        if (where.file.shown, name) not in self._unsure:
            self._unsure.add((where.file.shown, name))
            line, column = where.file.place(where.node)
            self.problems.append(
                SourceProblem(
                    f"{name}, named in class {where.name}, may be {' or '.join(sorted(candidates))}: its "
                    "file's imports and package do not tell which, so what it maps through that name (a "
                    "relation, a parent, an embedded class) is not read; import the one it means",
                    Location(where.file.shown, line, column),
                    where.file.shown,
                    severity=Severity.WARNING,
                )
            )
        return name

    def ancestors(self, cls: JavaClass) -> list[JavaClass]:
        """Parents found in the entry, nearest first (a cycle stops the climb)."""
        out: list[JavaClass] = []
        seen = {id(cls)}
        current = cls
        while current.superclass:
            parent = self.classes.get(self.resolve(current.superclass, current))
            if parent is None or id(parent) in seen:
                break
            out.append(parent)
            seen.add(id(parent))
            current = parent
        return out

    def root_entity(self, cls: JavaClass) -> JavaClass:
        """The top `@Entity` of a hierarchy (the class itself when no parent is an entity)."""
        entities = [a for a in self.ancestors(cls) if "Entity" in a.annotations]
        return entities[-1] if entities else cls

    def strategy(self, root: JavaClass) -> str:
        """`@Inheritance(strategy)` of a root entity; `SINGLE_TABLE` is JPA's default."""
        value = self.value(root.annotations.get("Inheritance"), "strategy")
        return value if isinstance(value, str) else "SINGLE_TABLE"

    def tables(self) -> list[ModelTable]:
        """Every table the entities map to: entity tables, then join and collection tables."""
        entities = [c for c in self.order if "Entity" in c.annotations and self.classes.get(self.key(c)) is c]
        for c in self.order:  # each root's entity subclasses, found once (not once per root: linear)
            root = self.root_entity(c) if "Entity" in c.annotations else c
            if root is not c:
                self._below.setdefault(id(root), []).append(c)
        for cls in entities:  # roots first: subclasses may add to their tables
            if self.root_entity(cls) is cls:
                self._guard(cls, self._entity_table)
        for cls in entities:
            if self.root_entity(cls) is not cls:
                self._guard(cls, self._subclass)
        for cls in entities:
            self._guard(cls, self._relations)
        self.missing_parents()
        return self.out

    # ---- what JPQL queries name (`cnsnt.sql.jpql`)

    def entities(self) -> dict[str, Entity]:
        """Each entity read, by class name and by `@Entity(name)`: its table and its fields' columns.

        After `tables()`. A JPQL query (`@Query` on a Spring Data repository) names entities and
        fields; these say which tables and columns it reads. An entity name comes before a class
        name: `FROM Client` is `@Entity(name = "Client") class Customer` even beside a class
        `Client` whose entity is named otherwise. Each is also there by its qualified name
        (`com.shop.crm.Account`); a name two entities share is not (see `ambiguous`).
        """
        read: list[tuple[str, Entity]] = []
        for cls in self.order:
            table = self.by_name.get(self.key(cls))
            if "Entity" not in cls.annotations or table is None or self.classes.get(self.key(cls)) is not cls:
                continue
            try:
                entity = self._entity(cls, table)
            except Exception:  # noqa: BLE001 - the tables were read; a query naming it says it is unmapped
                continue
            read.append((cls.name, entity))
        shared = self.shared_names = self.ambiguous(read)
        out: dict[str, Entity] = {}
        for _, entity in read:
            if entity.name not in shared:
                out.setdefault(entity.name, entity)
        for class_name, entity in read:
            if class_name not in shared:
                out.setdefault(class_name, entity)
        for _, entity in read:
            out.setdefault(entity.qualified, entity)
        return out

    @staticmethod
    def ambiguous(read: list[tuple[str, Entity]]) -> dict[str, frozenset[str]]:
        """Entity or class names two entities share -> the qualified names of those entities.

        Which one a query means is for its file's imports to say (`JvmNames.pick`), never a guess.
        """
        by_entity: dict[str, dict[str, None]] = {}
        by_class: dict[str, dict[str, None]] = {}
        for class_name, entity in read:
            by_entity.setdefault(entity.name, {})[entity.qualified] = None
            by_class.setdefault(class_name, {})[entity.qualified] = None
        shared = {name: frozenset(q) for name, q in by_entity.items() if len(q) > 1}
        for name, q in by_class.items():
            if name not in by_entity and len(q) > 1:  # an entity name comes before a class name
                shared[name] = frozenset(q)
        return shared

    def _entity(self, cls: JavaClass, table: ModelTable) -> Entity:
        fields: dict[str, str] = {}
        relations: dict[str, str] = {}
        inherited: dict[str, str] = {}
        mapped = ("Entity", "MappedSuperclass")
        chain = [*(a for a in reversed(self.ancestors(cls)) if any(m in a.annotations for m in mapped)), cls]
        keys = tuple(k.name for k in self._keys.get(self.key(cls), []))
        root_keys = {k.name for k in self._keys.get(self.key(self.root_entity(cls)), [])}
        joined = self.strategy(self.root_entity(cls)) == "JOINED"
        for at, owner in enumerate(chain):
            holder = next((c for c in chain[at:] if "Entity" in c.annotations), cls) if joined else cls
            own: dict[str, str] = {}
            for member in owner.members():
                self._field(owner, member, own, relations)
            for path, column in own.items():
                if holder is cls or column in root_keys:  # the key is repeated in each JOINED table
                    fields[path] = keys[0] if column in root_keys and len(keys) == 1 else column
                else:
                    inherited[path] = self.entity_ref(holder)
        return Entity(
            self.entity_name(cls), table.name, table.schema, fields, relations, keys, inherited, cls.qualified
        )

    def entity_ref(self, cls: JavaClass) -> str:
        """How `entities()` names an entity: its entity name, or its qualified name where two share that."""
        name = self.entity_name(cls)
        return cls.qualified if name in self._shared_entity_names else name

    @cached_property
    def _shared_entity_names(self) -> frozenset[str]:
        """Entity names two entities share (`Account` of `billing` and of `crm`)."""
        seen: dict[str, str] = {}
        shared: set[str] = set()
        for cls in self.classes.values():
            if "Entity" in cls.annotations:
                name = self.entity_name(cls)
                if seen.setdefault(name, cls.qualified) != cls.qualified:
                    shared.add(name)
        return frozenset(shared)

    def _entity_name_of(self, class_name: str, where: JavaClass) -> str:
        """What JPQL knows a relation's target class by (`@Entity(name)`, else the class name)."""
        key = self.resolve(class_name, where)
        cls = self.classes.get(key)
        return self.entity_ref(cls) if cls is not None else class_name

    def _field(
        self,
        where: JavaClass,
        member: Member,
        fields: dict[str, str],
        relations: dict[str, str],
        prefix: str = "",
        depth: int = 0,
        overrides: dict[str, str] | None = None,
    ) -> None:
        """One member's column (an embedded one's by `embedded.field`, as `@AttributeOverride` names it)."""
        anns = member.annotations
        path = prefix + member.name
        if member.skipped or "Transient" in anns or "Formula" in anns:
            return
        if _TO_ONE & set(anns):
            relation = anns["ManyToOne"] if "ManyToOne" in anns else anns["OneToOne"]
            explicit = self.value(relation, "targetEntity")
            target = explicit if isinstance(explicit, str) else member.type
            relations[path] = self._entity_name_of(target, where)
            if not self.text_value(relation, "mappedBy"):
                joins = self._repeated(anns, "JoinColumn", "JoinColumns")
                key = or_id(self._key_of(self.resolve(target, where)))[0].name
                name = self.text_value(joins[0], "name") if joins else None
                fields[path] = self.physical(name or f"{member.name}_{key}")
            return
        if any(a in anns for a in ("OneToMany", "ManyToMany", "ElementCollection")):
            element = self._element(member, anns.get("OneToMany") or anns.get("ManyToMany"))
            relations[path] = self._entity_name_of(element, where)
            return
        embeddable = self.classes.get(self.resolve(member.type, where))
        if embeddable is not None and (
            "Embeddable" in embeddable.annotations or "Embedded" in anns or "EmbeddedId" in anns
        ):
            if depth < 5:
                inner_overrides = self._overrides(member, embeddable, overrides or {})
                for inner in embeddable.members():
                    self._field(embeddable, inner, fields, relations, path + ".", depth + 1, inner_overrides)
            return
        if member.type in _COLLECTIONS:
            return
        renamed = (overrides or {}).get(member.name)
        fields[path] = self.physical(renamed or self.text_value(anns.get("Column"), "name") or member.name)

    def _guard(self, cls: JavaClass, step: Any) -> None:
        try:
            step(cls)
        except Exception as exc:  # noqa: BLE001 - one entity's bug must not lose the others
            line, column = cls.file.place(cls.node)
            self.problems.append(model_failed(exc, cls.file.shown, line, column, f"entity {cls.name}"))

    def _new_table(self, cls: JavaClass, name: str | None = None) -> ModelTable:
        table_ann = cls.annotations.get("Table")
        line, column = cls.file.place(cls.node)
        comment = self.text_value(cls.annotations.get("Comment"), "value") or self.text_value(
            table_ann, "comment"
        )
        table = ModelTable(
            name or self.table_name(cls),
            cls.file.shown,
            line,
            column,
            schema=self.text_value(table_ann, "schema"),
            comment=comment,
        )
        self.out.append(table)
        self.by_name.setdefault(self.key(cls), table)
        return table

    def _entity_table(self, cls: JavaClass) -> None:
        table = self._new_table(cls)
        chain = [a for a in reversed(self.ancestors(cls)) if "MappedSuperclass" in a.annotations]
        self._known_parent(cls, chain, table)
        for owner in [*chain, cls]:
            self._columns(owner, table, owner.members())
        self._keys[self.key(cls)] = [c for c in table.columns if c.primary_key]
        if not self._keys[self.key(cls)]:
            self._note_missing_parent(cls)
        subclasses = self._below.get(id(cls), [])
        if subclasses and self.strategy(cls) == "SINGLE_TABLE":
            disc = cls.annotations.get("DiscriminatorColumn")
            name = self.text_value(disc, "name") or "DTYPE"
            line, column = cls.file.place(cls.node)
            _add(table, ModelColumn(self.physical(name), line, column, "varchar(31)"))

    def _known_parent(self, cls: JavaClass, chain: list[JavaClass], table: ModelTable) -> None:
        top = chain[0] if chain else cls
        known = _KNOWN_PARENTS.get(top.superclass or "")
        if known is None or top.superclass_node is None:
            return
        line, column = top.file.place(top.superclass_node)
        for name, java, key in known:
            _add(
                table,
                ModelColumn(
                    self.physical(name),
                    line,
                    column,
                    TYPES.get(java),
                    primary_key=key,
                    path=_elsewhere(top, table),
                ),
            )

    def _note_missing_parent(self, cls: JavaClass) -> None:
        """An entity without a key whose parent is not in the entry: its columns are missing."""
        top = ([cls, *self.ancestors(cls)])[-1]
        parent = top.superclass
        known = parent in self.classes or parent in self._same or parent in _KNOWN_PARENTS
        if parent and not known:
            self._missing.setdefault(parent, (top, []))[1].append(cls.name)

    def missing_parents(self) -> None:
        """One warning per parent class the entry lacks, naming the entities it leaves keyless."""
        for parent, (top, entities) in sorted(self._missing.items()):
            node = top.superclass_node if top.superclass_node is not None else top.node
            line, column = top.file.place(node)
            shown = ", ".join(entities[:5]) + (f" and {len(entities) - 5} more" if len(entities) > 5 else "")
            self.problems.append(
                SourceProblem(
                    f"{parent}, the parent of entity {shown}, is not in this entry: the columns it maps "
                    "(the @Id among them) are missing; add its file to the entry",
                    Location(top.file.shown, line, column),
                    top.file.shown,
                    severity=Severity.WARNING,
                )
            )

    def _subclass(self, cls: JavaClass) -> None:
        """An entity below another: its columns join the root's table, or make a table of their own."""
        root = self.root_entity(cls)
        strategy = self.strategy(root)
        if strategy == "SINGLE_TABLE":
            table = self.by_name.get(self.key(root))
            if table is None:
                return
            self._columns(cls, table, cls.members())
            self.by_name[self.key(cls)] = table
            self._keys[self.key(cls)] = self._keys.get(self.key(root), [])
            return
        table = self._new_table(cls)
        keys = self._keys.get(self.key(root), [])
        if strategy == "JOINED":  # the key again, referencing the nearest parent entity's table
            line, column = cls.file.place(cls.node)
            name = self.text_value(cls.annotations.get("PrimaryKeyJoinColumn"), "name")
            for key in keys:
                own = self.physical(name) if name and len(keys) == 1 else key.name
                _add(table, ModelColumn(own, line, column, key.type, primary_key=True))
            parent = next(a for a in self.ancestors(cls) if "Entity" in a.annotations)
            table.foreign_keys.append(
                ForeignKey(
                    tuple(c.name for c in table.columns),
                    self.table_name(parent),
                    tuple(k.name for k in keys),
                    self.text_value(parent.annotations.get("Table"), "schema"),
                )
            )
            owners = [cls]
        else:  # TABLE_PER_CLASS: every inherited column again
            mapped = ("Entity", "MappedSuperclass")
            parents = [a for a in reversed(self.ancestors(cls)) if any(m in a.annotations for m in mapped)]
            owners = [*parents, cls]
        for owner in owners:
            self._columns(owner, table, owner.members())
        self._keys[self.key(cls)] = [c for c in table.columns if c.primary_key] or keys

    # ---- columns

    def _columns(
        self,
        cls: JavaClass,
        table: ModelTable,
        members: list[Member],
        prefix: dict[str, str] | None = None,
        key: bool = False,
        depth: int = 0,
    ) -> None:
        """The basic, embedded and to-one columns of some members, added to `table`."""
        overrides = prefix or {}
        for member in members:
            anns = member.annotations
            if member.skipped or any(a in anns for a in _NOT_COLUMNS) or member.type in _COLLECTIONS:
                continue
            typed = self.classes.get(self.resolve(member.type, cls))
            if typed is not None and "Entity" in typed.annotations and not (_TO_ONE & set(anns)):
                continue  # an entity typed field without a mapping: JPA rejects it
            if _TO_ONE & set(anns):
                self._to_one(cls, table, member)
                continue
            embeddable = typed
            if (
                embeddable is not None
                and ("Embeddable" in embeddable.annotations or "Embedded" in anns or "EmbeddedId" in anns)
                and depth < 5
            ):
                self._embedded(cls, table, member, embeddable, overrides, key or "EmbeddedId" in anns, depth)
                continue
            column_ann = anns.get("Column")
            raw = overrides.get(member.name) or self.text_value(column_ann, "name") or member.name
            line, column = cls.file.place(member.node)
            _add(
                table,
                ModelColumn(
                    self.physical(raw),
                    line,
                    column,
                    self._sql_type(member, column_ann),
                    self.comment(anns),
                    key or "Id" in anns,
                    _elsewhere(cls, table),
                ),
            )

    def _embedded(
        self,
        cls: JavaClass,
        table: ModelTable,
        member: Member,
        embeddable: JavaClass,
        outer: dict[str, str],
        key: bool,
        depth: int,
    ) -> None:
        overrides = self._overrides(member, embeddable, outer)
        self._columns(embeddable, table, embeddable.members(), overrides, key, depth + 1)

    def _overrides(self, member: Member, embeddable: JavaClass, outer: dict[str, str]) -> dict[str, str]:
        """An embedded field's `@AttributeOverride`s (field -> column), then those of the field around it."""
        overrides: dict[str, str] = {}
        fields = {m.name for c in [embeddable, *self.ancestors(embeddable)] for m in c.members()}
        for ann in self._repeated(member.annotations, "AttributeOverride", "AttributeOverrides"):
            said = len(self.problems)
            name = self.text_value(ann, "name")
            col = self.value(ann, "column")
            col_name = self.text_value(col, "name") if isinstance(col, Annotation) else None
            if name and col_name and name.split(".")[0] in fields:
                overrides[name.split(".")[-1]] = col_name
            elif len(self.problems) == said:  # not already said as a value cnsnt cannot evaluate
                self._unread_override(ann, member, embeddable, name if name and col_name else None)
        for name, col_name in outer.items():
            overrides.setdefault(name, col_name)
        return overrides

    def _unread_override(
        self, ann: Annotation, member: Member, embeddable: JavaClass, name: str | None
    ) -> None:
        """An `@AttributeOverride` that renames nothing cnsnt can tell: a CN001 warning at its place.

        `name` is the attribute it names when that is no field of the embeddable; None when
        its `name` or its `@Column(name = ...)` is missing.
        """
        line, column = ann.file.place(ann.node)
        if name is not None:
            message = (
                f"@AttributeOverride(name = \"{name}\") on {member.name}: {embeddable.name} has no "
                f"field {name.split('.')[0]}, so nothing is renamed"
            )
        else:
            message = (
                f"@AttributeOverride on {member.name}: cnsnt cannot read its name = \"...\" and "
                "column = @Column(name = \"...\"); the column it renames keeps its default name here"
            )
        where = Location(ann.file.shown, line, column)
        self.problems.append(SourceProblem(message, where, ann.file.shown, severity=Severity.WARNING))

    def _repeated(self, anns: dict[str, Annotation], one: str, many: str) -> list[Annotation]:
        """`@X(...)`, `@X(...) @X(...)` (repeatable since JPA 2.2) and `@Xs({@X(...), ...})` alike."""
        found = [anns[one], *anns[one].repeats] if one in anns else []
        group = self.value(anns.get(many), "value")
        for item in group if isinstance(group, list) else [group] if group is not None else []:
            if isinstance(item, Annotation):
                found.append(item)
        return found

    def _sql_type(self, member: Member, column: Annotation | None) -> str | None:
        definition = self.text_value(column, "columnDefinition")
        if definition:
            return _definition_type(definition)
        anns = member.annotations
        java = member.type
        if java in self.enums or "Enumerated" in anns:
            value = self.value(anns.get("Enumerated"), "value")
            return "varchar(255)" if value == "STRING" else "integer"
        if "Lob" in anns:
            return "clob" if java in ("String", "char[]", "Character[]") else "blob"
        temporal = self.value(anns.get("Temporal"), "value")
        if isinstance(temporal, str) and java in ("Date", "Calendar", "GregorianCalendar"):
            return {"DATE": "date", "TIME": "time"}.get(temporal, "timestamp")
        base = TYPES.get(java)
        if base is None:
            return None
        length = self.value(column, "length")
        if base.startswith("varchar") and isinstance(length, int) and not isinstance(length, bool):
            return f"varchar({length})"
        if base == "decimal":
            precision, scale = self.value(column, "precision"), self.value(column, "scale")
            if isinstance(precision, int) and precision > 0:
                return f"decimal({precision},{scale if isinstance(scale, int) else 0})"
            return "decimal(38,2)"
        return base

    def _key_of(self, target: str) -> list[ModelColumn]:
        """The key columns of an entity (read or not yet read)."""
        if target in self._keys:
            return self._keys[target]
        cls = self.classes.get(target)
        if cls is None:
            return []
        keys: list[ModelColumn] = []
        probe = ModelTable("", cls.file.shown, 1, 1)
        for owner in [*reversed(self.ancestors(cls)), cls]:
            if "Entity" in owner.annotations or "MappedSuperclass" in owner.annotations:
                members = [
                    m for m in owner.members() if "Id" in m.annotations or "EmbeddedId" in m.annotations
                ]
                self._columns(owner, probe, members)
        keys = [c for c in probe.columns if c.primary_key]
        return keys

    def _target_table(self, target: str) -> tuple[str, str | None]:
        cls = self.classes.get(target)
        if cls is None or "Entity" not in cls.annotations:
            return self.physical(target), None
        root = self.root_entity(cls)
        owner = root if self.strategy(root) == "SINGLE_TABLE" else cls
        return self.table_name(owner), self.text_value(owner.annotations.get("Table"), "schema")

    def _to_one(self, cls: JavaClass, table: ModelTable, member: Member) -> None:
        anns = member.annotations
        relation = anns["ManyToOne"] if "ManyToOne" in anns else anns["OneToOne"]
        if self.text_value(relation, "mappedBy"):
            return  # the other side holds the key
        target = member.type
        explicit = self.value(relation, "targetEntity")
        if isinstance(explicit, str):
            target = explicit
        target = self.resolve(target, cls)
        ref_table, ref_schema = self._target_table(target)
        keys = or_id(self._key_of(target))
        joins = self._repeated(anns, "JoinColumn", "JoinColumns")
        line, column = cls.file.place(member.node)
        names: list[str] = []
        refs: list[str] = []
        for i, key in enumerate(keys):
            join = joins[i] if i < len(joins) else None
            ref = self.text_value(join, "referencedColumnName")
            name = self.text_value(join, "name") or f"{member.name}_{ref or key.name}"
            names.append(self.physical(name))
            refs.append(self.physical(ref) if ref else key.name)
            if "MapsId" in anns:
                continue  # the key column is the foreign key
            _add(
                table,
                ModelColumn(
                    self.physical(name),
                    line,
                    column,
                    key.type,
                    self.comment(anns),
                    "Id" in anns,
                    _elsewhere(cls, table),
                ),
            )
        if target not in self._same:  # a short name two classes share, unresolved: no key is guessed
            table.foreign_keys.append(ForeignKey(tuple(names), ref_table, tuple(refs), ref_schema))

    # ---- tables of relations

    def _relations(self, cls: JavaClass) -> None:
        """Join tables and collection tables of an entity's to-many members."""
        owners = [*[a for a in reversed(self.ancestors(cls)) if "MappedSuperclass" in a.annotations], cls]
        table = self.by_name.get(self.key(cls))
        if table is None:
            return
        for owner in owners:
            for member in owner.members():
                if member.skipped or "Transient" in member.annotations:
                    continue
                if "ManyToMany" in member.annotations or "OneToMany" in member.annotations:
                    self._to_many(owner, cls, table, member)
                elif "ElementCollection" in member.annotations:
                    self._collection(owner, cls, table, member)

    def _element(self, member: Member, relation: Annotation | None) -> str:
        explicit = self.value(relation, "targetEntity") if relation is not None else None
        if isinstance(explicit, str):
            return explicit
        if member.args:
            return member.args[-1]
        return member.type.removesuffix("[]")

    def _to_many(self, owner: JavaClass, cls: JavaClass, table: ModelTable, member: Member) -> None:
        anns = member.annotations
        relation = anns.get("ManyToMany") or anns.get("OneToMany")
        if self.text_value(relation, "mappedBy"):
            return
        target = self.resolve(self._element(member, relation), owner)
        join_table = anns.get("JoinTable")
        line, column = owner.file.place(member.node)
        if "OneToMany" in anns and join_table is None and self._repeated(anns, "JoinColumn", "JoinColumns"):
            self._one_to_many_column(owner, cls, table, member, target)
            return
        ref_table, ref_schema = self._target_table(target)
        name = self.text_value(join_table, "name")
        if name is None:
            name = f"{table.name}_{member.name}" if self.spring else f"{table.name}_{ref_table}"
        link = self._side_table(owner, join_table, name, table, line, column)
        owner_keys = or_id(self._keys.get(self.key(cls)))
        back = self._back_reference(target, member.name) or self.entity_name(cls)
        self._link_columns(
            owner, link, join_table, "joinColumns", back, owner_keys, table.name, table.schema, line, column
        )
        target_keys = or_id(self._key_of(target))
        self._link_columns(
            owner,
            link,
            join_table,
            "inverseJoinColumns",
            member.name,
            target_keys,
            ref_table,
            ref_schema,
            line,
            column,
        )
        self.out.append(link)

    def _link_columns(
        self,
        owner: JavaClass,
        link: ModelTable,
        join_table: Annotation | None,
        key: str,
        stem: str,
        keys: list[ModelColumn],
        ref_table: str,
        ref_schema: str | None,
        line: int,
        column: int,
    ) -> None:
        given = self.value(join_table, key)
        joins = [j for j in (given if isinstance(given, list) else [given]) if isinstance(j, Annotation)]
        names: list[str] = []
        for i, k in enumerate(keys):
            name = self.text_value(joins[i], "name") if i < len(joins) else None
            names.append(self.physical(name or f"{stem}_{k.name}"))
            _add(link, ModelColumn(names[-1], line, column, k.type))
        link.foreign_keys.append(ForeignKey(tuple(names), ref_table, tuple(k.name for k in keys), ref_schema))

    def _back_reference(self, target: str, field_name: str) -> str | None:
        """The field of the target entity that maps this relation back (`mappedBy = "<field>"`)."""
        cls = self.classes.get(target)
        if cls is None:
            return None
        for member in cls.members():
            for kind in ("ManyToMany", "OneToMany"):
                if self.text_value(member.annotations.get(kind), "mappedBy") == field_name:
                    return member.name
        return None

    def _one_to_many_column(
        self, owner: JavaClass, cls: JavaClass, table: ModelTable, member: Member, target: str
    ) -> None:
        """`@OneToMany @JoinColumn(name = "x")`: the key column lives in the target's table."""
        target_table = self.by_name.get(target)
        joins = self._repeated(member.annotations, "JoinColumn", "JoinColumns")
        keys = or_id(self._keys.get(self.key(cls)))
        line, column = owner.file.place(member.node)
        names = []
        for i, key in enumerate(keys):
            name = self.text_value(joins[i], "name") if i < len(joins) else None
            names.append(self.physical(name or f"{member.name}_{key.name}"))
            if target_table is not None:
                where = _elsewhere(owner, target_table)
                _add(target_table, ModelColumn(names[-1], line, column, key.type, path=where))
        if target_table is not None:
            target_table.foreign_keys.append(
                ForeignKey(tuple(names), table.name, tuple(k.name for k in keys), table.schema)
            )

    def _side_table(
        self,
        owner: JavaClass,
        annotation: Annotation | None,
        name: str,
        table: ModelTable,
        line: int,
        column: int,
    ) -> ModelTable:
        """A join or collection table an annotation names, in the owner's schema unless it says one."""
        return ModelTable(
            self.physical(name),
            owner.file.shown,
            line,
            column,
            schema=self.text_value(annotation, "schema") or table.schema,
        )

    def _collection(self, owner: JavaClass, cls: JavaClass, table: ModelTable, member: Member) -> None:
        """`@ElementCollection`: a table of values (or embeddables) keyed by the owner."""
        anns = member.annotations
        holder = anns.get("CollectionTable")
        line, column = owner.file.place(member.node)
        name = self.text_value(holder, "name") or f"{self.entity_name(cls)}_{member.name}"
        values = self._side_table(owner, holder, name, table, line, column)
        keys = or_id(self._keys.get(self.key(cls)))
        self._link_columns(
            owner,
            values,
            holder,
            "joinColumns",
            self.entity_name(cls),
            keys,
            table.name,
            table.schema,
            line,
            column,
        )
        element = self._element(member, None)
        embeddable = self.classes.get(self.resolve(element, owner))
        if embeddable is not None and "Embeddable" in embeddable.annotations:
            self._columns(embeddable, values, embeddable.members())
        else:
            value_member = Member(member.name, element, (), member.node, anns)
            column_ann = anns.get("Column")
            raw = self.text_value(column_ann, "name") or member.name
            _add(
                values,
                ModelColumn(self.physical(raw), line, column, self._sql_type(value_member, column_ann)),
            )
        self.out.append(values)


def _add(table: ModelTable, column: ModelColumn) -> None:
    """Add a column unless the table maps it already: the first mapping stays.

    JPA maps one column twice only read-only (`@JoinColumn(name = "export_id",
    insertable = false, updatable = false)` beside the key that holds it); a key
    mapping keeps the column a key.
    """
    existing = table.named(column.name)
    if existing is not None:
        existing.primary_key = existing.primary_key or column.primary_key
        return
    table.add(column)


def _elsewhere(cls: JavaClass, table: ModelTable) -> str | None:
    """The file of a column written outside its table's file (a parent, an embeddable)."""
    return cls.file.shown if cls.file.shown != table.path else None


def _definition_type(definition: str) -> str:
    """The type part of a `columnDefinition` (`varchar(80) not null default ''` -> `varchar(80)`)."""
    words = definition.split()
    stops = {
        "not",
        "null",
        "default",
        "comment",
        "primary",
        "unique",
        "check",
        "references",
        "collate",
        "character",
        "charset",
        "generated",
        "auto_increment",
        "identity",
    }
    kept: list[str] = []
    for word in words:
        if kept and word.lower() in stops:
            break
        kept.append(word)
    return " ".join(kept).lower() if kept else definition.lower()
