"""Kotlin parsed with tree-sitter's Kotlin grammar (`tree-sitter-kotlin`), never compiled.

What the Kotlin readers (JPA entities in `jpa_kotlin`, Exposed tables in `exposed_tables`)
share: the parser, the syntax check, classes and objects with their annotations and
supertypes, types, and the values of constant expressions (strings, numbers, `const val`s
of the entry, string templates over them). A value cnsnt cannot know (a function's result,
a constant of another library) raises `Unresolved` at its node, which the readers report as
a CN001 warning at its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.grammars import COMMENTS, SourceFile, parsed_files, parser, syntax_problem

# re-exported: the Kotlin query reader (another source family) uses them with `evaluate`
from cnsnt.sources.schemas.jpa_mapping import Annotation as Annotation
from cnsnt.sources.schemas.jpa_mapping import Unresolved as Unresolved
from cnsnt.sources.schemas.jpa_mapping import simple_name as simple_name

Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: Kotlin file suffixes (`.kts` scripts may declare tables too).
KOTLIN_SUFFIXES = (".kt", ".kts")
#: How deep a value may nest (real ones nest 2 or 3 levels).
_DEPTH = 100
#: The longest string a constant expression may make: `const val`s doubling each other
#: (`B = A + A`, `C = B + B`) would otherwise grow without end. Past it, the value is unknown.
MAX_STRING = 1 << 22
#: Declarations that hold members (`object Users : Table()` is an object, `companion object` too).
DECLARATIONS = frozenset({"class_declaration", "object_declaration", "companion_object"})


def kotlin_parser(what: str) -> Any:
    """A tree-sitter parser for Kotlin; a clear `SourceError` when the grammar is not installed."""
    return parser("kotlin", what)


def kotlin_files(
    paths: Iterable[Path],
    ctx: SourceContext,
    problems: list[SourceProblem],
    what: str,
    wanted: Any = None,
) -> Iterator[tuple[str, SourceFile, Any]]:
    """Each Kotlin file parsed (those `wanted` says are worth it); a syntax error is a CN001 problem."""

    def syntax(tree: Any, file: SourceFile) -> SourceProblem | None:
        if _only_missing_separators(tree.root_node):
            return None
        return syntax_problem(tree, file, "Kotlin", what)

    return parsed_files(
        paths,
        ctx,
        problems,
        lambda: kotlin_parser(f"Kotlin {what}"),
        syntax,
        wanted=wanted,
        balance=lambda source, shown: balanced(source, shown, what),
    )


def _only_missing_separators(root: Node) -> bool:
    """Whether the only errors are missing zero-width separators, the rest whole.

    tree-sitter-kotlin 1.1.0 wants a separator before `}` in a body written on one line
    (`companion object { const val T = "t" }` gets a MISSING `_class_member_semi`), though
    Kotlin needs none there: the tree is right, and the file is not broken.
    """
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR":
            return False
        if node.is_missing:
            if node.type.startswith("_") and node.start_byte == node.end_byte:
                continue
            return False
        stack.extend(c for c in node.children if c.has_error or c.is_missing)
    return True


# --------------------------------------------------------------------------- brackets

_SPECIAL = re.compile(rb"[(){}\[\]\"'`/]")
_STRING = re.compile(rb'["\\$\n]')
_RAW = re.compile(rb'["$]')
_OPENS = {ord("("): ord(")"), ord("["): ord("]"), ord("{"): ord("}")}
_CLOSES = {v: k for k, v in _OPENS.items()}


def balanced(source: bytes, shown: str, what: str) -> tuple[bytes, SourceProblem] | None:
    """The source without its unbalanced brackets (spaces in their place), and a CN001 at the first.

    tree-sitter-kotlin's error recovery costs the square of what follows a bracket left
    open: a 500 KB file of classes each missing a `)` ran into the parse-time limit (15 s)
    and none of it was read. Without those brackets it parses at full speed, and every
    other byte keeps its place. None when every bracket is closed in order.
    """
    bad = unbalanced_brackets(source)
    if not bad:
        return None
    fixed = bytearray(source)
    for at in bad:
        fixed[at] = 0x20
    start = source.rfind(b"\n", 0, bad[0]) + 1
    line, column = (
        source.count(b"\n", 0, bad[0]) + 1,
        len(source[start : bad[0]].decode("utf-8", "replace")) + 1,
    )
    word = "unclosed" if source[bad[0]] in _OPENS else "closes nothing"
    more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
    problem = SourceProblem(
        f"Kotlin syntax error ({word} '{chr(source[bad[0]])}'{more}): the brackets do not balance and "
        f"the parser's error recovery would take too long, so the file is read as if they were not "
        f"there; {what} from here on may be missing or incomplete",
        Location(shown, line, column),
        shown,
    )
    return bytes(fixed), problem


def unbalanced_brackets(source: bytes) -> list[int]:
    """The offsets of the brackets that are never closed or close nothing, in order.

    Read from Kotlin's tokens, not its grammar: strings (`${...}` templates inside them
    are code), character literals, backquoted names and comments (nested) hold no
    brackets. A closer closes the innermost opener of its kind (those inside it are left
    open); with none open, it closes nothing. Linear, whatever the nesting.
    """
    stack: list[tuple[int, int, int]] = []  # (opener, offset, 0 code / 1 string / 2 raw string it returns to)
    bad: list[int] = []
    i = 0
    mode = 0
    while True:
        if mode:
            i, template = _string_end(source, i, mode == 2)
            if template < 0:
                mode = 0
                continue
            stack.append((ord("{"), template, mode))
            mode = 0
            continue
        found = _SPECIAL.search(source, i)
        if found is None:
            break
        j = found.start()
        c = source[j]
        i = j + 1
        if c in _OPENS:
            stack.append((c, j, 0))
        elif c in _CLOSES:
            want = _CLOSES[c]
            k = len(stack) - 1
            while k >= 0 and stack[k][0] != want:
                k -= 1
            if k < 0:
                bad.append(j)
                continue
            bad.extend(entry[1] for entry in stack[k + 1 :])
            mode = stack[k][2]
            del stack[k:]
        elif c == ord("/"):
            nxt = source[j + 1 : j + 2]
            if nxt == b"/":
                end = source.find(b"\n", j)
                i = len(source) if end < 0 else end
            elif nxt == b"*":
                i = _comment_end(source, j + 2)
        elif c == ord('"'):
            if source.startswith(b'""', j + 1):
                i, mode = j + 3, 2
            else:
                mode = 1
        elif c == ord("'"):
            i = _char_end(source, j + 1)
        elif c == ord("`"):
            end = source.find(b"`", j + 1)
            line = source.find(b"\n", j + 1)
            i = j + 1 if end < 0 or (0 <= line < end) else end + 1
    bad.extend(entry[1] for entry in stack)
    return sorted(bad)


def _string_end(source: bytes, i: int, raw: bool) -> tuple[int, int]:
    """(where scanning goes on, the offset of a template's `{` or -1 when the string ended)."""
    pattern = _RAW if raw else _STRING
    while True:
        found = pattern.search(source, i)
        if found is None:
            return len(source), -1
        j = found.start()
        c = source[j]
        if c == ord("\\"):
            i = j + 2
        elif c == ord("\n"):
            return j, -1
        elif c == ord("$"):
            if source[j + 1 : j + 2] == b"{":
                return j + 2, j + 1
            i = j + 1
        elif raw:
            if source.startswith(b'"""', j):
                k = j + 3
                while source[k : k + 1] == b'"':
                    k += 1
                return k, -1
            i = j + 1
        else:
            return j + 1, -1


def _comment_end(source: bytes, i: int) -> int:
    """Where a `/* */` comment whose text starts at `i` ends (they nest in Kotlin)."""
    depth = 1
    while depth:
        start, end = source.find(b"/*", i), source.find(b"*/", i)
        if end < 0:
            return len(source)
        if 0 <= start < end:
            depth, i = depth + 1, start + 2
        else:
            depth, i = depth - 1, end + 2
    return i


def _char_end(source: bytes, i: int) -> int:
    """Where a character literal whose text starts at `i` ends (at the end of its line, unclosed)."""
    if source[i : i + 1] == b"\\":
        i += 2
    else:
        i += 1
    while i < len(source) and source[i] not in b"'\n":
        i += 1
    return i + 1 if source[i : i + 1] == b"'" else i


# --------------------------------------------------------------------------- declarations


def declarations(root: Node) -> Iterator[tuple[Node, str]]:
    """Every class, object and companion object, nested ones too, in source order, with its owner's name."""
    stack: list[tuple[Node, str]] = [(root, "")]
    while stack:
        node, owner = stack.pop()
        if node.type in DECLARATIONS:
            name = name_of(node)
            yield node, owner
            owner = name or owner
        # an ERROR node keeps the whole declarations around the part the grammar could not fit
        if node.type in ("source_file", "ERROR", *DECLARATIONS, "class_body", "enum_class_body"):
            stack.extend((c, owner) for c in reversed(node.named_children))


def object_literals(root: Node) -> Iterator[Node]:
    """Every `object : Base(...) { ... }` expression, at any depth, in source order (iterative: linear)."""
    cursor = root.walk()
    while True:
        if cursor.node.type == "object_literal":
            yield cursor.node
        if cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return


def name_of(declaration: Node) -> str:
    """A declaration's name (`Companion` for an unnamed companion object)."""
    name = declaration.child_by_field_name("name")
    if name is None:
        name = next((c for c in declaration.named_children if c.type == "identifier"), None)
    if name is not None:
        return bytes(name.text or b"").decode("utf-8", "replace")
    return "Companion" if declaration.type == "companion_object" else ""


def keyword(declaration: Node) -> str:
    """`class`, `interface`, `object` or `enum` (an enum class)."""
    if declaration.type != "class_declaration":
        return "object"
    modifiers = child(declaration, "modifiers")
    for mod in modifiers.named_children if modifiers is not None else ():
        if mod.type == "class_modifier" and mod.text == b"enum":
            return "enum"
    return "interface" if any(c.type == "interface" for c in declaration.children) else "class"


def child(node: Node, kind: str) -> Node | None:
    """The first child of a type."""
    return next((c for c in node.children if c.type == kind), None)


def body(declaration: Node) -> Node | None:
    """The `{ ... }` of a declaration."""
    return child(declaration, "class_body") or child(declaration, "enum_class_body")


def supertypes(declaration: Node) -> list[tuple[Node, bool]]:
    """The types after `:`, each with whether it is called (`Base()`: a class, not an interface)."""
    specifiers = child(declaration, "delegation_specifiers")
    out: list[tuple[Node, bool]] = []
    for spec in specifiers.named_children if specifiers is not None else ():
        inner = spec.named_children[0] if spec.named_children else None
        if inner is None:
            continue
        if inner.type == "constructor_invocation":
            kind = child(inner, "user_type")
            if kind is not None:
                out.append((kind, True))
        elif inner.type == "user_type":
            out.append((inner, False))
    return out


def type_name(node: Node | None, file: SourceFile) -> tuple[str, tuple[str, ...], bool]:
    """(`MutableList`, (`Phone`,), nullable) for `kotlin.collections.MutableList<Phone>?`."""
    if node is None:
        return "", (), False
    nullable = False
    while node.type in ("nullable_type", "parenthesized_type") and node.named_children:
        nullable = nullable or node.type == "nullable_type"
        node = node.named_children[0]
    if node.type != "user_type":
        return file.text(node), (), nullable
    names = [file.text(c) for c in node.named_children if c.type == "identifier"]
    arguments = child(node, "type_arguments")
    args: list[str] = []
    for projection in arguments.named_children if arguments is not None else ():
        inner = next((c for c in projection.named_children if c.type != "type_projection_modifiers"), None)
        args.append(type_name(inner, file)[0] if inner is not None else "*")
    return (names[-1] if names else ""), tuple(args), nullable


# --------------------------------------------------------------------------- values


def constants_of(root: Node, file: SourceFile, constants: dict[str, str]) -> None:
    """`const val T = "x"` (top level, in objects and companions) as `T` and `Owner.T`."""
    places: list[tuple[Node, str]] = [(root, "")]
    places.extend((body(d), name_of(d)) for d, _ in declarations(root) if body(d) is not None)
    for place, owner in places:
        for member in place.named_children:
            if member.type != "property_declaration":
                continue
            declared = child(member, "variable_declaration")
            value = initializer(member)
            if declared is None or value is None or child(member, "property_delegate") is not None:
                continue
            name = child(declared, "identifier")
            try:
                text = evaluate(value, file, constants)
            except Unresolved:
                continue
            if name is not None and isinstance(text, str):
                constants.setdefault(file.text(name), text)
                if owner:
                    constants[f"{owner}.{file.text(name)}"] = text


def initializer(member: Node) -> Node | None:
    """The expression after `=` of a property declaration (None when it has none)."""
    seen = False
    for c in member.children:
        if seen and c.is_named and c.type not in COMMENTS:
            return c
        seen = seen or c.type == "="
    return None


#: Enum constants JPA's annotations take, written bare after `import ...EnumType.STRING`.
_ENUM_CONSTANTS = frozenset(
    {"STRING", "ORDINAL", "JOINED", "SINGLE_TABLE", "TABLE_PER_CLASS", "PROPERTY", "FIELD", "DATE", "TIME",
     "TIMESTAMP", "IDENTITY", "SEQUENCE", "AUTO", "TABLE", "UUID", "LAZY", "EAGER"}
)  # fmt: skip


#: JPA's enum types: `EnumType.STRING` is their constant, whatever its name.
_ENUM_TYPES = frozenset(
    {"EnumType", "GenerationType", "InheritanceType", "AccessType", "TemporalType", "FetchType",
     "CascadeType", "DiscriminatorType"}
)  # fmt: skip


def evaluate(node: Node, file: SourceFile, constants: dict[str, str], depth: int = 0) -> Any:
    """A constant expression: a string, number, boolean, enum constant, class, annotation or list.

    Strings joined by `+` or templates over the entry's constants are resolved; a nested
    annotation (`JoinColumn(name = "x")`, written without `@` in Kotlin) is an `Annotation`;
    `[...]` and `arrayOf(...)` are lists; `Person::class` is `Person`. Anything else raises
    `Unresolved`, and so does a value nested past `_DEPTH` levels.
    """
    if depth > _DEPTH:
        raise Unresolved(node)
    depth += 1
    kind = node.type
    if kind == "string_literal":
        parts = []
        for part in node.named_children:
            if part.type == "string_content":
                parts.append(file.text(part))
            elif part.type == "escape_sequence":
                parts.append(_unescape(file.text(part)))
            elif part.type == "interpolation" and part.named_children:
                value = evaluate(part.named_children[0], file, constants, depth)
                parts.append(str(value))
            else:
                raise Unresolved(part)
            if len(parts[-1]) > MAX_STRING:
                raise Unresolved(node)
        return _bounded("".join(parts), node)
    if kind == "number_literal":
        try:
            return int(file.text(node).rstrip("lLuU").replace("_", ""), 0)
        except ValueError:
            raise Unresolved(node) from None
    if kind == "parenthesized_expression" and node.named_children:
        return evaluate(node.named_children[0], file, constants, depth)
    if kind == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is not None and file.text(op) == "+" and left is not None and right is not None:
            a, b = evaluate(left, file, constants, depth), evaluate(right, file, constants, depth)
            if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool):
                return a + b
            if isinstance(a, str):
                return _bounded(f"{a}{b}", node)
        raise Unresolved(node)
    if kind == "identifier":
        text = file.text(node)
        if text in ("true", "false"):
            return text == "true"
        if text in constants:
            return constants[text]
        if text in _ENUM_CONSTANTS:
            return text
        raise Unresolved(node)
    if kind == "navigation_expression":
        text = "".join(file.text(node).split())
        if text.endswith("::class") or text.endswith("::class.java"):
            return simple_name(text.split("::")[0])
        if text in constants:
            return constants[text]
        tail = ".".join(text.split(".")[-2:])
        if tail in constants:
            return constants[tail]
        parts = text.split(".")
        if len(parts) >= 2 and (parts[-2] in _ENUM_TYPES or parts[-1] in _ENUM_CONSTANTS):  # EnumType.STRING
            return parts[-1]
        raise Unresolved(node)
    if kind == "collection_literal":
        return [evaluate(c, file, constants, depth) for c in node.named_children if c.type not in COMMENTS]
    if kind == "value_arguments":  # several values of a vararg (`@JoinColumns(JoinColumn(...), ...)`)
        return [evaluate(a, file, constants, depth) for a in _positional(node)]
    if kind == "call_expression":
        callee = node.named_children[0] if node.named_children else None
        arguments = child(node, "value_arguments")
        name = file.text(callee) if callee is not None else ""
        if arguments is not None and name in ("arrayOf", "emptyArray", "listOf"):
            return [evaluate(a, file, constants, depth) for a in _positional(arguments)]
        if arguments is not None and simple_name(name)[:1].isupper():
            ann = Annotation(simple_name(name), node, file, evaluate)
            ann.args.update(arguments_of(arguments, file))
            return ann
    raise Unresolved(node)


def _bounded(text: str, node: Node) -> str:
    """A string no longer than `MAX_STRING`, else `Unresolved` at its node."""
    if len(text) > MAX_STRING:
        raise Unresolved(node)
    return text


def _positional(arguments: Node) -> list[Node]:
    out = []
    for arg in arguments.named_children:
        if arg.type == "value_argument" and arg.named_children:
            out.append(arg.named_children[-1])
    return out


def arguments_of(arguments: Node | None, file: SourceFile) -> dict[str, Node]:
    """`(name = "x", length = 9)` by name; a lone positional value is `value`, several are one list."""
    named: dict[str, Node] = {}
    positional: list[Node] = []
    for arg in arguments.named_children if arguments is not None else ():
        if arg.type != "value_argument" or not arg.named_children:
            continue
        if any(c.type == "=" for c in arg.children) and len(arg.named_children) >= 2:
            named[file.text(arg.named_children[0])] = arg.named_children[-1]
        else:
            positional.append(arg.named_children[-1])
    if len(positional) == 1:
        named.setdefault("value", positional[0])
    elif positional and arguments is not None:
        named.setdefault("value", arguments)
    return named


def _unescape(text: str) -> str:
    simple = {"\\n": "\n", "\\t": "\t", '\\"': '"', "\\'": "'", "\\\\": "\\", "\\$": "$"}
    return simple.get(text, text)
