"""Rust as the Diesel and SeaORM readers see it: items with their attributes and doc comments.

Parsed with tree-sitter's Rust grammar (`tree-sitter-rust`), never compiled. A macro's
body (`diesel::table! { ... }`) and an attribute's arguments (`#[sea_orm(table_name =
"users")]`) are token trees to the grammar: the readers walk their tokens here. A
string that holds Rust code (`column_type = "String(StringLen::N(255))"`) is parsed
with the same grammar (`expression`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.grammars import (
    Node,
    SourceFile,
    parse_snippet,
    parsed_files,
    parser,
    syntax_problem,
)

#: Seconds a string of Rust code in an attribute may take to parse (they are a few words).
_SNIPPET_SECONDS = 1.0
#: Tokens that open and close a token tree.
DELIMITERS = frozenset({"(", ")", "[", "]", "{", "}"})
#: Rust's escapes in a string literal that matter in names and comments.
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}


def rust_parser() -> Any:
    """A tree-sitter parser for Rust; a clear `SourceError` when the grammar is not installed."""
    return parser("rust", "Diesel schemas and SeaORM entities")


def rust_files(
    paths: list[Path],
    ctx: SourceContext,
    problems: list[SourceProblem],
    things: str,
    wanted: Callable[[str], bool],
) -> Iterator[tuple[SourceFile, Node]]:
    """Each `wanted` Rust file of an entry parsed (`parsed_files`); a syntax error names `things`."""

    def check(tree: Any, file: SourceFile) -> SourceProblem | None:
        return syntax_problem(tree, file, "Rust", things)

    for _, file, tree in parsed_files(paths, ctx, problems, rust_parser, check, wanted=wanted):
        yield file, tree.root_node


@dataclass
class Attribute:
    """One `#[name(...)]` or `#[name = value]` attribute, its arguments read."""

    name: str
    node: Node
    args: dict[str, Arg] = field(default_factory=dict)
    """`key = "value"`, `flag`, `key(...)` -> its value, in the order written (the first of a key kept)."""
    words: list[str] = field(default_factory=list)
    """Bare names among the arguments (`derive(Clone, DeriveEntityModel)`)."""
    nested: list[Attribute] = field(default_factory=list)
    """`key(...)` arguments read as attributes (`postgres_type(name = "x")`, `cfg_attr`'s `derive(...)`)."""


@dataclass
class Arg:
    """One argument of an attribute: a string's value, True for a bare flag, else the text."""

    value: str | bool
    node: Node
    literal: bool = False
    """The value is a string or number literal (not a path, a call or a flag)."""


@dataclass
class Item:
    """An item (struct, enum, field, variant, macro call) with what is written before it."""

    node: Node
    attributes: list[Attribute]
    docs: list[str]

    def attribute(self, name: str) -> list[Attribute]:
        """The item's attributes of one name (`sea_orm`), in order."""
        return [a for a in self.attributes if a.name == name]

    def arg(self, attribute: str, key: str) -> Arg | None:
        """The first `key` among the item's `#[attribute(...)]` attributes."""
        for attr in self.attribute(attribute):
            if key in attr.args:
                return attr.args[key]
        return None

    def derives(self, name: str) -> bool:
        """Whether `#[derive(...)]` names `name` (also `sea_orm::DeriveEntityModel`)."""
        return any(name in a.words for a in self.attribute("derive"))

    def doc(self) -> str | None:
        """The doc comment as one text, None when there is none."""
        text = "\n".join(self.docs).strip()
        return text or None


def string_value(node: Node, file: SourceFile) -> str | None:
    """The value of a string literal (escapes read), a raw string's as written; else None."""
    if node.type == "raw_string_literal":
        inner = [c for c in node.children if c.type == "string_content"]
        return "".join(file.text(c) for c in inner)
    if node.type != "string_literal":
        return None
    out: list[str] = []
    for child in node.children:
        if child.type == "string_content":
            out.append(file.text(child))
        elif child.type == "escape_sequence":
            text = file.text(child)
            out.append(_ESCAPES.get(text[1:2], text))
    return "".join(out)


def leaves(tree: Node) -> list[Node]:
    """A token tree's tokens and inner trees, without its own delimiters (and comments kept)."""
    children = list(tree.children)
    if children and children[0].type in DELIMITERS:
        children = children[1:]
    if children and children[-1].type in DELIMITERS:
        children = children[:-1]
    return children


def split_commas(tokens: list[Node]) -> list[list[Node]]:
    """Tokens split at the commas between them (empty pieces dropped)."""
    out: list[list[Node]] = [[]]
    for token in tokens:
        if token.type == ",":
            out.append([])
        else:
            out[-1].append(token)
    return [piece for piece in out if piece]


def attribute_of(item: Node, file: SourceFile) -> Attribute | None:
    """An `attribute_item` (`#[...]`) read; None for an inner one or one without a name."""
    inner = next((c for c in item.children if c.type == "attribute"), None)
    if inner is None:
        return None
    return _attribute(inner, file)


def _attribute(inner: Node, file: SourceFile) -> Attribute | None:
    """An `attribute` node: its path's last name and its arguments."""
    path = inner.children[0] if inner.children else None
    if path is None or path.type not in ("identifier", "scoped_identifier"):
        return None
    name = file.text(path).rsplit("::", 1)[-1]
    attr = Attribute(name, inner)
    rest = list(inner.children[1:])
    if rest and rest[0].type == "token_tree":
        read_args(leaves(rest[0]), file, attr)
    elif len(rest) >= 2 and rest[0].type == "=":  # `#[sql_name = "type"]`
        attr.args[""] = _arg(rest[1], file)
    return attr


#: How deep `key(key(...))` arguments are read as attributes (`cfg_attr(x, sea_orm(...))` is two).
_NESTING = 4


def read_args(tokens: list[Node], file: SourceFile, attr: Attribute, depth: int = 0) -> None:
    """`key = value, flag, key(...)` into `attr.args`, `attr.words` and `attr.nested`."""
    for piece in split_commas([t for t in tokens if t.type not in ("line_comment", "block_comment")]):
        key = file.text(piece[0])
        if len(piece) >= 3 and piece[1].type == "=":
            attr.args.setdefault(key, _arg(piece[2], file) if len(piece) == 3 else _text_arg(piece[2:], file))
        elif len(piece) == 2 and piece[1].type == "token_tree":
            attr.args.setdefault(key, Arg(file.text(piece[1]), piece[0]))
            if depth < _NESTING:
                inner = Attribute(key, piece[0])
                read_args(leaves(piece[1]), file, inner, depth + 1)
                attr.nested.append(inner)
        elif len(piece) == 1:
            attr.args.setdefault(key, Arg(True, piece[0]))
            attr.words.append(key)
        else:  # a path: `sea_orm::DeriveEntityModel`
            last = piece[-1]
            if last.type == "identifier":
                attr.words.append(file.text(last))


def _arg(node: Node, file: SourceFile) -> Arg:
    value = string_value(node, file)
    if value is not None:
        return Arg(value, node, literal=True)
    return Arg(file.text(node), node, literal=node.type in ("integer_literal", "boolean_literal"))


def _text_arg(nodes: list[Node], file: SourceFile) -> Arg:
    return Arg(" ".join(file.text(n) for n in nodes), nodes[0])


def doc_line(node: Node, file: SourceFile) -> str | None:
    """The text of an outer doc comment (`/// x`, `/** x */`); None for any other comment."""
    if node.type not in ("line_comment", "block_comment"):
        return None
    if not any(c.type == "outer_doc_comment_marker" for c in node.children):
        return None
    doc = next((c for c in node.children if c.type == "doc_comment"), None)
    if doc is None:
        return ""
    text = file.text(doc)
    if node.type == "block_comment":
        lines = [line.strip().removeprefix("*").strip() for line in text.splitlines()]
        return "\n".join(lines).strip()
    return text.strip()


def items(container: Node, file: SourceFile) -> Iterator[Item]:
    """The items of a body (a file, a struct's fields, an enum's variants) with their attributes and docs.

    tree-sitter gives an item's `#[...]` attributes and doc comments as its siblings
    before it; a plain comment between them does not part them.
    """
    attributes: list[Attribute] = []
    docs: list[str] = []
    for child in container.children:
        if child.type == "attribute_item":
            attr = attribute_of(child, file)
            if attr is not None and attr.name == "cfg_attr":  # `#[cfg_attr(feature = "x", derive(...))]`
                attributes.extend(attr.nested)
            elif attr is not None:
                attributes.append(attr)
            continue
        if child.type in ("line_comment", "block_comment"):
            line = doc_line(child, file)
            if line is not None:
                docs.append(line)
            continue
        if child.type in DELIMITERS or child.type in (",", ";", "inner_attribute_item"):
            continue
        yield Item(child, attributes, docs)
        attributes, docs = [], []


def expression(code: str) -> tuple[Node, SourceFile] | None:
    """A Rust expression written in a string (`String(StringLen::N(255))`), parsed; None if it is none.

    It is parsed as the body of a function, whose last expression it is.
    """
    wrapped = f"fn f() {{\n{code}\n}}"
    tree = parse_snippet("rust", wrapped, _SNIPPET_SECONDS)
    if tree is None or tree.root_node.has_error:
        return None
    function = tree.root_node.children[0] if tree.root_node.children else None
    body = function.child_by_field_name("body") if function is not None else None
    inner = [c for c in body.children if c.type not in ("{", "}")] if body is not None else []
    if len(inner) != 1:
        return None
    node = inner[0]
    if node.type == "expression_statement" and node.children:
        node = node.children[0]
    return node, SourceFile(wrapped.encode("utf-8"), "")


#: The nodes a path's names are.
_NAMES = frozenset({"identifier", "type_identifier", "field_identifier", "self", "super", "crate"})


def path_names(node: Node, file: SourceFile) -> list[str]:
    """`super::user::Column::Id` -> its names; `[]` for anything but a path (walked without recursion)."""
    out: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in _NAMES:
            out.append(file.text(current))
        elif current.type in ("scoped_identifier", "scoped_type_identifier"):
            stack.extend(reversed([c for c in current.children if c.type != "::"]))
        else:
            return []
    return out


def raw_name(name: str) -> str:
    """A raw identifier without its `r#` (`r#type` -> `type`)."""
    return name[2:] if name.startswith("r#") else name


def token_attribute(tree: Node, file: SourceFile) -> Attribute | None:
    """An attribute written inside a macro's tokens (`#` then `[sql_name = "type"]`), read."""
    tokens = [t for t in leaves(tree) if t.type not in ("line_comment", "block_comment")]
    if not tokens or tokens[0].type != "identifier":
        return None
    attr = Attribute(file.text(tokens[0]), tokens[0])
    if len(tokens) >= 3 and tokens[1].type == "=":
        attr.args[""] = _arg(tokens[2], file) if len(tokens) == 3 else _text_arg(tokens[2:], file)
    elif len(tokens) == 2 and tokens[1].type == "token_tree":
        read_args(leaves(tokens[1]), file, attr)
    return attr
