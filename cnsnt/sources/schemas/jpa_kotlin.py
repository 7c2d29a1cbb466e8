"""JPA / Hibernate entities written in Kotlin, read into the records the Java reader makes.

Parsed with tree-sitter's Kotlin grammar (`kotlin_syntax`), never compiled. A Spring Boot
application in Kotlin maps its tables as a Java one does, and `jpa_mapping` makes the
tables of both alike (Spring Boot's naming, Hibernate's types, keys, relations), so one
entry may hold `.java` and `.kt` entities that extend and reference each other. Read:

- classes (`class`, `data class`, `open class`...) with their annotations; the called
  supertype (`: BaseEntity()`) is the parent class, an interface (`Serializable`) is not;
- properties declared in the primary constructor (`val`/`var`; a plain parameter is no
  property) and in the body, with their annotations: a use-site target `@field:`, `@get:`
  or `@property:` is JPA's as without one; `@param:`, `@set:`, `@setparam:`, `@delegate:`
  and `@receiver:` ones are not seen by JPA; a property without a backing field (a getter
  and no initializer) or delegated (`by lazy`) is no column, nor a `companion object`'s;
- nested annotations are written without `@` (`joinColumns = [JoinColumn(name = "u")]`),
  arrays as `[...]` or `arrayOf(...)`, classes as `Team::class`; `const val`s of the entry
  resolve names (`@Table(name = TABLE)`, `"${PREFIX}users"`);
- Kotlin's types become the Java ones Hibernate maps (`Int` is `Integer`, `ByteArray` is
  `byte[]`, `MutableList` is `List`; `String?` is `String`), so the SQL types are the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.grammars import SourceFile, jvm_names
from cnsnt.sources.schemas.jpa_mapping import Annotation, JavaClass, Member, add_annotation, simple_name
from cnsnt.sources.schemas.kotlin_syntax import (
    arguments_of,
    body,
    child,
    constants_of,
    declarations,
    evaluate,
    initializer,
    keyword,
    kotlin_files,
    name_of,
    supertypes,
    type_name,
)

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: Kotlin types -> the Java type Hibernate sees (the others are spelt alike: `String`, `Long`...).
KOTLIN_TYPES: dict[str, str] = {
    "Int": "Integer",
    "Char": "Character",
    "ByteArray": "byte[]",
    "CharArray": "char[]",
    "UInt": "Integer",
    "ULong": "Long",
    "MutableList": "List",
    "MutableSet": "Set",
    "MutableMap": "Map",
    "MutableCollection": "Collection",
    "MutableIterable": "Iterable",
}
#: Use-site targets whose annotations JPA never sees on a field or getter.
_UNSEEN_TARGETS = frozenset({"param", "set", "setparam", "delegate", "receiver", "file"})


def java_type(name: str, args: tuple[str, ...]) -> str:
    """The Java type Hibernate sees for a Kotlin type (`Array<Byte>` is `Byte[]`)."""
    if name == "Array" and args:
        return f"{java_type(args[0], ())}[]"
    return KOTLIN_TYPES.get(name, name)


def kotlin_entity_files(
    paths: Iterable[Path], ctx: SourceContext, problems: list[SourceProblem], wanted: Any
) -> Iterator[tuple[str, SourceFile, Any]]:
    """Each Kotlin file `wanted` says may map entities, parsed; a syntax error is a CN001 problem."""
    return kotlin_files(paths, ctx, problems, "entities", wanted)


def kotlin_classes(
    root: Node, file: SourceFile, constants: dict[str, str], enums: set[str]
) -> list[JavaClass]:
    """Every class of a Kotlin file (nested ones too), in source order; constants and enums collected."""
    constants_of(root, file, constants)
    out: list[JavaClass] = []
    names = jvm_names(root, file)
    for node, owner in declarations(root):
        kind = keyword(node)
        if kind == "enum":
            enums.add(name_of(node))
        elif kind == "class":
            cls = _class(node, file)
            cls.names, cls.outer = names, owner
            out.append(cls)
    return out


def _annotations(modifiers: Node | None, file: SourceFile) -> dict[str, Annotation]:
    found: dict[str, Annotation] = {}
    for node in modifiers.named_children if modifiers is not None else ():
        if node.type != "annotation":
            continue
        target = child(node, "use_site_target")
        if target is not None and file.text(target).rstrip(":").strip() in _UNSEEN_TARGETS:
            continue
        called = child(node, "constructor_invocation")
        kind = child(called if called is not None else node, "user_type")
        if kind is None:
            continue
        ann = Annotation(simple_name(file.text(kind)), node, file, evaluate)
        if called is not None:
            ann.args.update(arguments_of(child(called, "value_arguments"), file))
        add_annotation(found, ann)
    return found


#: Factory functions -> the collection type they make (`var tags = mutableSetOf<Tag>()`).
_FACTORIES = {
    "listOf": "List", "mutableListOf": "List", "arrayListOf": "List", "emptyList": "List",
    "setOf": "Set", "mutableSetOf": "Set", "hashSetOf": "Set", "linkedSetOf": "Set", "emptySet": "Set",
    "mapOf": "Map", "mutableMapOf": "Map", "hashMapOf": "Map", "emptyMap": "Map",
}  # fmt: skip


def inferred_type(value: Node | None, file: SourceFile) -> str:
    """The type Kotlin infers for a property without one, from its initializer (`var name = ""`).

    Literals, constructor calls (`HashSet()`, `Money()`), collection factories and a type's
    own factory (`LocalDate.now()`, `UUID.randomUUID()`, `BigDecimal.ZERO`); else empty.
    """
    if value is None:
        return ""
    kind = value.type
    if kind == "string_literal":
        return "String"
    if kind == "number_literal":
        return "Long" if file.text(value).lower().endswith("l") else "Int"
    if kind == "float_literal":
        return "Float" if file.text(value).lower().endswith("f") else "Double"
    if kind == "identifier" and file.text(value) in ("true", "false"):
        return "Boolean"
    if kind in ("call_expression", "navigation_expression") and value.named_children:
        callee = value.named_children[0]
        if kind == "call_expression" and callee.type == "identifier":
            name = file.text(callee)
            return _FACTORIES.get(name) or (name if name[:1].isupper() else "")
        receiver = (
            callee
            if kind == "navigation_expression"
            else callee.named_children[0]
            if callee.named_children
            else None
        )
        if receiver is not None and receiver.type == "identifier" and file.text(receiver)[:1].isupper():
            return file.text(receiver)
    return ""


def _member(node: Node, name: Node, type_node: Node | None, file: SourceFile) -> Member:
    kotlin, args, _ = type_name(type_node, file)
    if type_node is None:
        kotlin = inferred_type(initializer(node), file)
    annotations = _annotations(child(node, "modifiers"), file)
    return Member(
        file.text(name),
        java_type(kotlin, args),
        tuple(java_type(a, ()) for a in args),
        name,
        annotations,
    )


def _class(node: Node, file: SourceFile) -> JavaClass:
    annotations = _annotations(child(node, "modifiers"), file)
    parents = supertypes(node)
    called = [t for t, is_class in parents if is_class]
    has_constructor = child(node, "primary_constructor") is not None
    parent_node = called[0] if called else (parents[0][0] if parents and not has_constructor else None)
    parent = type_name(parent_node, file)[0] if parent_node is not None else None
    cls = JavaClass(name_of(node), file, node, annotations, parent, parent_node)
    constructor = child(node, "primary_constructor")
    parameters = child(constructor, "class_parameters") if constructor is not None else None
    for parameter in parameters.named_children if parameters is not None else ():
        declares = any(c.type in ("val", "var") for c in parameter.children)
        if parameter.type != "class_parameter" or not declares:
            continue  # a plain constructor parameter is no property
        name = child(parameter, "identifier")
        type_node = next((c for c in parameter.named_children if c.type.endswith("_type")), None)
        if name is not None:
            cls.fields.append(_member(parameter, name, type_node, file))
    members = body(node)
    for member in members.named_children if members is not None else ():
        if member.type != "property_declaration":
            continue
        declared = child(member, "variable_declaration")
        name = child(declared, "identifier") if declared is not None else None
        if declared is None or name is None:
            continue  # a destructuring declaration maps nothing
        type_node = next((c for c in declared.named_children if c.type.endswith("_type")), None)
        field = _member(member, name, type_node, file)
        no_field = child(member, "getter") is not None and initializer(member) is None
        if no_field or child(member, "property_delegate") is not None:
            field.skipped = True
        cls.fields.append(field)
    return cls
