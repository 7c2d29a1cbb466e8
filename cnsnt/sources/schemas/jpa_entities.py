"""Schema evidence from JPA / Hibernate entities (Java), parsed with tree-sitter's Java grammar.

The files are parsed, never compiled or run: tree-sitter (`tree-sitter-java`, kept by
the tree-sitter project, prebuilt wheels) gives a syntax tree with exact places and
recovers from errors, so the rest of a damaged file is still read. Read from it
(`javax.persistence` and `jakarta.persistence` alike, annotations by simple name):

- `@Entity` classes are tables: `@Table(name, schema)`, else `@Entity(name)`, else the
  class name; `@MappedSuperclass` parents give their columns to each entity below them;
  an `@Entity` parent keeps its subclasses' columns in its own table (`SINGLE_TABLE`, the
  default, with a `DTYPE` discriminator), or each subclass has a table of its own
  (`JOINED`: the parent's key plus its own columns; `TABLE_PER_CLASS`: all of them);
- persistent fields (or getters, when `@Id` is on a getter) are columns: `@Column(name,
  length, precision, scale, columnDefinition)`, `@Id`/`@EmbeddedId` keys, `@Lob`,
  `@Enumerated`, `@Temporal`; `static`, `transient` and `@Transient` ones are not;
  Java types become SQL-ish types (`String` is `varchar(255)` unless `length`, `Long`
  is `bigint`, `LocalDateTime` is `timestamp`, `byte[]` is `blob`...);
- `@ManyToOne`/`@OneToOne` owners are foreign-key columns (`@JoinColumn(name)`, by
  default `<field>_<referenced key>`); `@ManyToMany` (`@JoinTable`), unidirectional
  `@OneToMany` and `@ElementCollection` (`@CollectionTable`) are tables of their own;
  `@Embedded`/`@Embeddable` columns are inlined (`@AttributeOverride` renames them);
- Hibernate's `@Comment`, or `comment =` on `@Table`/`@Column` (Jakarta Persistence 3.2),
  is a table's or column's comment.

Names: Spring Boot's snake_case or plain Hibernate's configured naming, as `jpa_naming` says; the
tables are made there, from the classes this module reads (and `jpa_kotlin` reads from
Kotlin files of the same entry).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import model_evidence, nothing_found
from cnsnt.sources.schemas.grammars import (
    SourceFile,
    deepest_opening,
    java_string,
    jvm_names,
    parsed_files,
    parser,
    syntax_problem,
)
from cnsnt.sources.schemas.jpa_kotlin import kotlin_classes, kotlin_entity_files
from cnsnt.sources.schemas.jpa_mapping import (
    Annotation,
    EnumConstant,
    JavaClass,
    Mapper,
    Member,
    Unresolved,
    add_annotation,
    simple_name,
)
from cnsnt.sources.schemas.jpa_naming import jpa_naming
from cnsnt.sources.schemas.kotlin_syntax import KOTLIN_SUFFIXES
from cnsnt.sql.jpql import remember_entities

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: `Owner.UPPER_CASE` in an entity file: the class `Owner` may hold the entry's constants
#: (`MemberConstants.MEMBER_TABLE_NAME`). Linear: possessive runs, each tried from a word start.
_CONSTANT_OWNER = re.compile(rb"\b([A-Z][A-Za-z0-9_]*+)\.[A-Z][A-Z0-9_]*+\b")
#: What a Java file that maps entities shows (annotations by simple or qualified name).
MARKERS = ("@Entity", "@MappedSuperclass", "@Embeddable", "@javax.persistence.", "@jakarta.persistence.")


def maps_entities(text: str) -> bool:
    """Whether a Java (or Kotlin) file may map entities (a quick look before parsing it)."""
    return any(m in text for m in MARKERS)


def java_parser() -> Any:
    """A tree-sitter parser for Java; a clear `SourceError` when the grammar is not installed."""
    return parser("java", "JPA entities")


# --------------------------------------------------------------------------- the syntax tree


def _annotations(modifiers: Node | None, file: SourceFile) -> tuple[dict[str, Annotation], bool]:
    """The annotations of a modifiers node, and whether it says `static` or `transient`."""
    found: dict[str, Annotation] = {}
    skipped = False
    for child in modifiers.children if modifiers is not None else ():
        if child.type in ("static", "transient"):
            skipped = True
        if child.type not in ("annotation", "marker_annotation"):
            continue
        ann = annotation_of(child, file)
        add_annotation(found, ann)
    return found, skipped


def annotation_of(node: Node, file: SourceFile) -> Annotation:
    """An annotation node read: its simple name and its arguments by key (`value` when bare)."""
    name_node = node.child_by_field_name("name")
    ann = Annotation(simple_name(file.text(name_node)) if name_node is not None else "", node, file, evaluate)
    arguments = node.child_by_field_name("arguments")
    for arg in arguments.named_children if arguments is not None else ():
        if arg.type == "element_value_pair":
            key = arg.child_by_field_name("key")
            value = arg.child_by_field_name("value")
            if key is not None and value is not None:
                ann.args[file.text(key)] = value
        elif arg.type != "comment":
            ann.args["value"] = arg
    return ann


def _type_of(node: Node | None, file: SourceFile) -> tuple[str, tuple[str, ...]]:
    """(`List`, (`Phone`,)) for `java.util.List<Phone>`; arrays keep their brackets."""
    if node is None:
        return "", ()
    if node.type == "generic_type":
        base = next((c for c in node.named_children if c.type != "type_arguments"), None)
        args = next((c for c in node.named_children if c.type == "type_arguments"), None)
        inner = tuple(_type_of(a, file)[0] for a in args.named_children) if args is not None else ()
        return (_type_of(base, file)[0], inner)
    if node.type == "array_type":
        element = node.child_by_field_name("element")
        return _type_of(element, file)[0] + "[]", ()
    if node.type == "annotated_type":
        last = node.named_children[-1] if node.named_children else None
        return _type_of(last, file)
    return simple_name(file.text(node)), ()


def _property(method: str) -> str | None:
    """`getFirstName` -> `firstName`, `isActive` -> `active` (JavaBeans' decapitalize)."""
    for prefix in ("get", "is"):
        if method.startswith(prefix) and len(method) > len(prefix) and method[len(prefix)].isupper():
            rest = method[len(prefix) :]
            if len(rest) > 1 and rest[1].isupper():
                return rest
            return rest[0].lower() + rest[1:]
    return None


def classes_of(root: Node, file: SourceFile, constants: dict[str, str], enums: set[str]) -> list[JavaClass]:
    """Every class of a file (nested ones too), in source order; constants and enums collected."""
    out: list[JavaClass] = []
    names = jvm_names(root, file)
    stack = [(root, "")]
    while stack:
        node, owner = stack.pop()
        if node.type in (
            "class_declaration",
            "enum_declaration",
            "interface_declaration",
            "record_declaration",
        ):
            name_node = node.child_by_field_name("name")
            name = file.text(name_node) if name_node is not None else ""
            if node.type == "enum_declaration":
                enums.add(name)
            if node.type == "class_declaration":
                cls = _class(node, name, file)
                cls.names, cls.outer = names, owner
                out.append(cls)
            body = node.child_by_field_name("body")
            if body is not None:
                _constants(body, name, file, constants)
                inner = f"{owner}.{name}" if owner else name
                stack.extend((c, inner) for c in reversed(body.named_children))
            continue
        if node.type == "program":
            stack.extend((c, owner) for c in reversed(node.named_children))
    return out


def _constants(body: Node, owner: str, file: SourceFile, constants: dict[str, str]) -> None:
    """`static final String T = "x";` as `T` and `Owner.T` (constants resolve later ones)."""
    for member in body.named_children:
        if member.type not in ("field_declaration", "constant_declaration"):
            continue
        for declarator in member.children_by_field_name("declarator"):
            name = declarator.child_by_field_name("name")
            value = declarator.child_by_field_name("value")
            if name is None or value is None:
                continue
            try:
                text = evaluate(value, file, constants)
            except Unresolved:
                continue
            if isinstance(text, str):
                constants.setdefault(file.text(name), text)
                constants[f"{owner}.{file.text(name)}"] = text


def _class(node: Node, name: str, file: SourceFile) -> JavaClass:
    modifiers = next((c for c in node.children if c.type == "modifiers"), None)
    annotations, _ = _annotations(modifiers, file)
    superclass = node.child_by_field_name("superclass")
    parent_type = (
        superclass.named_children[0] if superclass is not None and superclass.named_children else None
    )
    parent = _type_of(parent_type, file)[0] if parent_type is not None else None
    cls = JavaClass(name, file, node, annotations, parent, parent_type)
    body = node.child_by_field_name("body")
    for member in body.named_children if body is not None else ():
        if member.type == "field_declaration":
            mods = next((c for c in member.children if c.type == "modifiers"), None)
            anns, skipped = _annotations(mods, file)
            type_, args = _type_of(member.child_by_field_name("type"), file)
            for declarator in member.children_by_field_name("declarator"):
                field_name = declarator.child_by_field_name("name")
                if field_name is None:
                    continue
                dims = declarator.child_by_field_name("dimensions")  # `byte data[]`
                cls.fields.append(
                    Member(
                        file.text(field_name),
                        type_ + ("[]" if dims is not None else ""),
                        args,
                        field_name,
                        anns,
                        skipped,
                    )
                )
        elif member.type == "method_declaration":
            method_name = member.child_by_field_name("name")
            params = member.child_by_field_name("parameters")
            prop = _property(file.text(method_name)) if method_name is not None else None
            if prop is None or (params is not None and params.named_children):
                continue
            mods = next((c for c in member.children if c.type == "modifiers"), None)
            anns, skipped = _annotations(mods, file)
            type_, args = _type_of(member.child_by_field_name("type"), file)
            cls.properties.append(Member(prop, type_, args, method_name, anns, skipped))
    return cls


def evaluate(node: Node, file: SourceFile, constants: dict[str, str], depth: int = 0) -> Any:
    """An annotation value: a string, number, boolean, enum constant, annotation or list.

    Strings joined by `+` and constants of the entry are resolved; anything else
    (a method call, a constant of another library) raises `Unresolved`, and so does a
    value nested past `_DEPTH` levels (a hostile file must not exhaust Python's stack).
    """
    if depth > _DEPTH:
        raise Unresolved(node)
    depth += 1
    kind = node.type
    if kind == "string_literal":
        value = java_string(node, file)
        if value is None:
            raise Unresolved(node)
        return value
    if kind in ("decimal_integer_literal", "hex_integer_literal"):
        try:
            return int(file.text(node).rstrip("lL").replace("_", ""), 0)
        except ValueError:
            raise Unresolved(node) from None
    if kind in ("true", "false"):
        return kind == "true"
    if kind == "parenthesized_expression" and node.named_children:
        return evaluate(node.named_children[0], file, constants, depth)
    if kind == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is not None and file.text(op) == "+" and left is not None and right is not None:
            a, b = evaluate(left, file, constants, depth), evaluate(right, file, constants, depth)
            if isinstance(a, (str, int)) and isinstance(b, (str, int)) and not isinstance(a, bool):
                return a + b if isinstance(a, int) and isinstance(b, int) else f"{a}{b}"
        raise Unresolved(node)
    if kind in ("identifier", "field_access", "scoped_identifier"):
        text = file.text(node).replace(" ", "")
        if text in constants:
            return constants[text]
        tail = ".".join(text.split(".")[-2:])
        if tail in constants:
            return constants[tail]
        if kind != "identifier" and simple_name(text).isupper():  # EnumType.STRING, GenerationType.IDENTITY
            return EnumConstant(simple_name(text))
        raise Unresolved(node)
    if kind == "class_literal" and node.named_children:  # targetEntity = Person.class
        return _type_of(node.named_children[0], file)[0]
    if kind in ("annotation", "marker_annotation"):
        return annotation_of(node, file)
    if kind == "element_value_array_initializer":
        return [evaluate(c, file, constants, depth) for c in node.named_children if c.type != "comment"]
    raise Unresolved(node)


#: How deep an annotation value may nest (real ones nest 2 or 3 levels).
_DEPTH = 100


def java_files(
    paths: Iterable[Path], ctx: SourceContext, problems: list[SourceProblem]
) -> Iterator[tuple[str, SourceFile, Any]]:
    """Each Java file that mentions a JPA annotation, parsed; a syntax error is reported.

    A Java file with no mapping (a service, a DTO) is not parsed.
    """
    return parsed_files(paths, ctx, problems, java_parser, _java_syntax, wanted=maps_entities)


def _java_syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
    return syntax_problem(tree, file, "Java", "entities")


def _constants_classes(
    java: list[Path],
    owners: set[str],
    ctx: SourceContext,
    problems: list[SourceProblem],
    constants: dict[str, str],
    enums: set[str],
) -> None:
    """The constants of the entry's classes entities name (`MemberConstants.MEMBER_TABLE_NAME`).

    A class that maps nothing is not parsed for its own sake; one whose file an entity
    file names as `Owner.UPPER_CASE` (a public class lives in `Owner.java`) is, for its
    `static final String`s: Apache Fineract keeps `c_account_number_format` and its column
    names in `AccountNumberFormatConstants` (trial37).
    """
    wanted = [p for p in java if p.stem in owners]
    if not wanted:
        return
    def not_read(text: str) -> bool:
        return not maps_entities(text)  # an entity file's constants are collected already

    for _, file, tree in parsed_files(wanted, ctx, problems, java_parser, _java_syntax, wanted=not_read):
        classes_of(tree.root_node, file, constants, enums)


def read_jpa(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables an entry's JPA entities map to (all its files at once: parents may be elsewhere).

    Java and Kotlin (`.kt`, read by `jpa_kotlin`) files alike: their classes are mapped
    together, in the order of the entry's files.
    """
    problems: list[SourceProblem] = []
    constants: dict[str, str] = {}
    enums: set[str] = set()
    classes: list[JavaClass] = []
    files = 0
    kotlin = [p for p in paths if p.suffix.lower() in KOTLIN_SUFFIXES]
    java = [p for p in paths if p.suffix.lower() not in KOTLIN_SUFFIXES]
    read = [
        (java_files(java, ctx, problems), classes_of, "Java"),
        (kotlin_entity_files(kotlin, ctx, problems, maps_entities), kotlin_classes, "Kotlin"),
    ]
    owners: set[str] = set()
    for parsed, reader, language in read:
        for _, file, tree in parsed:
            files += 1
            owners.update(m.decode("ascii") for m in _CONSTANT_OWNER.findall(file.source))
            try:
                classes.extend(reader(tree.root_node, file, constants, enums))
            except RecursionError:  # types nested thousands deep: a hostile file, not a model
                problems.append(
                    SourceProblem(
                        f"{language} nested too deeply to read; no entity of this file was read",
                        Location(file.shown, *deepest_opening(file, tree.root_node)),
                        file.shown,
                    )
                )
    _constants_classes(java, owners, ctx, problems, constants, enums)
    place = {ctx.shown(p): i for i, p in enumerate(paths)}
    classes.sort(key=lambda c: place.get(c.file.shown, len(place)))
    mapper = Mapper(classes, constants, enums, jpa_naming(paths, ctx.base_dir), problems)
    tables = mapper.tables()
    said = len(problems)
    remember_entities(ctx.memo, mapper.entities(), mapper.shared_names)
    del problems[said:]  # what the tables' reading said already, said again
    if not any("Entity" in c.annotations for c in classes) and not any(p.severity is None for p in problems):
        shown = ctx.shown(paths[0]) if paths else spec.pattern
        problems.append(nothing_found(shown, "@Entity class"))
    return model_evidence(tables, problems, files)
