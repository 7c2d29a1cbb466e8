"""tree-sitter parsing of the languages models and migrations are written in.

Ruby (`schema.rb`, Rails migrations), PHP (Laravel migrations, Doctrine entities),
Java (JPA entities), C# (Entity Framework Core), TypeScript (TypeORM entities; TSX for React forms),
Go (GORM models), Elixir (Ecto migrations and schemas), Rust (Diesel schemas, SeaORM
entities) and Kotlin (JPA entities, Exposed tables) are parsed, never run. The grammars are
dependencies of cnsnt; a broken install still gets a clear `SourceError` naming the package to install.
"""

from __future__ import annotations

import bisect
import importlib
import re
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import problem_of

#: language -> (module, the function returning its grammar, the PyPI package)
_GRAMMARS = {
    "ruby": ("tree_sitter_ruby", "language", "tree-sitter-ruby"),
    "php": ("tree_sitter_php", "language_php", "tree-sitter-php"),
    "java": ("tree_sitter_java", "language", "tree-sitter-java"),
    "csharp": ("tree_sitter_c_sharp", "language", "tree-sitter-c-sharp"),
    "typescript": ("tree_sitter_typescript", "language_typescript", "tree-sitter-typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx", "tree-sitter-typescript"),
    "go": ("tree_sitter_go", "language", "tree-sitter-go"),
    "elixir": ("tree_sitter_elixir", "language", "tree-sitter-elixir"),
    "rust": ("tree_sitter_rust", "language", "tree-sitter-rust"),
    "kotlin": ("tree_sitter_kotlin", "language", "tree-sitter-kotlin"),
}


def parser(language: str, what: str) -> Any:
    """A new tree-sitter parser for `language`; `what` names the reading that needs it."""
    module, function, package = _GRAMMARS[language]
    try:
        tree_sitter = importlib.import_module("tree_sitter")
        grammar = importlib.import_module(module)
    except ImportError:
        raise SourceError(
            f"reading {what} needs the tree-sitter and {package} packages (pip install tree-sitter {package})"
        ) from None
    return tree_sitter.Parser(tree_sitter.Language(getattr(grammar, function)()))


Node = Any  # tree_sitter.Node: typed loosely so the grammar stays an import-time detail

#: Seconds a parse may take: a base, and one more per 50 KB (real files parse at megabytes a second).
PARSE_SECONDS = 5.0
PARSE_BYTES_PER_SECOND = 50_000
#: How much of the source tree-sitter is handed at a time when it reads through a callback.
_CHUNK = 1 << 16
#: CPU seconds a parse runs before its pace is judged (`parse_bounded`).
PACE_AFTER = 0.5

#: What a reader's `balance` answers for a source: the same bytes with each bracket that is
#: never closed or closes nothing made a space (every other byte in place), and the CN001
#: problem that says where the first is; None when every bracket is closed in order.
Balance = Callable[[bytes, str], "tuple[bytes, SourceProblem] | None"]
#: What a reader's `reread` answers for the tree of a source that holds an error: the same
#: source with valid text its grammar misreads written so that it reads it, in the same
#: number of bytes (every place in the tree stays); None when there is none.
Reread = Callable[[Any, bytes], "bytes | None"]


def parse_bounded(parser: Any, source: bytes, shown: str, seconds: float | None = None) -> Any:
    """`parser.parse(source)`, given up with a `SourceError` when it takes far longer than any real file.

    Some broken text sends a grammar's error recovery into a loop that does not end
    (TypeScript's, on 35 bytes such as `''[m=>b=le(.array()x(y:`); tree-sitter checks a
    progress callback only when it reads the source through a callback, so it is read so.
    `seconds` is the base budget (`PARSE_SECONDS` when None), one more second per 50 KB on top.

    Other text costs the square of the file (Kotlin's recovery from brackets left open
    spends at each byte as much as there is left to read: 500 KB took 21 s). After
    `PACE_AFTER` seconds, a parse is given up when even at a pace falling to nothing by the
    end of the file (half the time so far per byte, on average) it would not end within the
    budget: it would have been given up at the budget, none of it read, only later.
    """
    budget = (PARSE_SECONDS if seconds is None else seconds) + len(source) / PARSE_BYTES_PER_SECOND
    # CPU time, not wall time: a busy machine slows a parse but does not cut it short
    start = time.process_time()
    spent = 0.0
    reached = 0  # the byte the parser had reached when last asked: where a give-up is reported

    def read(offset: int, _point: Any) -> bytes:
        return source[offset : offset + _CHUNK]

    def cancel(offset: int = 0, *_state: Any) -> bool:
        nonlocal spent, reached
        spent = time.process_time() - start
        reached = max(reached, offset)
        if spent > budget:
            return True
        return spent > PACE_AFTER and offset > 0 and spent / offset * len(source) / 2 > budget

    try:
        return parser.parse(read, progress_callback=cancel)
    except ValueError:  # cancelled
        parser.reset()  # else the next parse resumes this one
        if spent > budget:
            why = f"after {budget:.0f} s (its error recovery does not end on this text)"
        else:
            why = (
                f"after {spent:.1f} s: at its pace it would take longer than the {budget:.0f} s a file of "
                "this size may (its error recovery costs the square of this text)"
            )
        line, column = SourceFile(source, shown).offset_place(reached)
        raise SourceError(
            f"the parser gave up on this file here {why}: none of it is read", Location(shown, line, column)
        ) from None


def deepest_opening(file: SourceFile, root: Node) -> tuple[int, int]:
    """Line and column of the most deeply nested node that holds others (the first, if several).

    A file nested too deep for a reader's recursion is reported where its nesting is
    deepest, not at 1:1.
    """
    return file.place(deepest_node(root)[1])


def deepest_node(root: Node) -> tuple[int, Node]:
    """The depth and the node of `deepest_opening`: walked with a cursor, without recursion, in one pass."""
    cursor = root.walk()
    depth = deepest = 0
    found = root
    while True:
        if cursor.goto_first_child():
            depth += 1
            if depth > deepest and cursor.node.child_count:
                deepest, found = depth, cursor.node
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return deepest, found
            depth -= 1
        if depth > deepest and cursor.node.child_count:
            deepest, found = depth, cursor.node


def deepest_of(parsed: Iterable[tuple[SourceFile, Node]]) -> Location | None:
    """Where the deepest of several parsed files nests deepest (the first file, if several); None: no file.

    A reader that reads an entry's files together (EF Core's classes, Exposed's tables)
    and meets nesting too deep for its recursion cannot tell which file it was in: the
    file that nests deepest is the one, reported at its deepest opening, not at 1:1 nor at
    the policy's entry.
    """
    best: tuple[int, SourceFile, Node] | None = None
    for file, root in parsed:
        depth, node = deepest_node(root)
        if best is None or depth > best[0]:
            best = (depth, file, node)
    if best is None:
        return None
    _, file, node = best
    return Location(file.shown, *file.place(node))


#: A node this far into its line is placed by counting on from the last place on the line.
_SHORT_PREFIX = 256
#: The bytes that continue a UTF-8 character (not counted as characters).
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))


def warning(file: SourceFile, node: Node, message: str) -> SourceProblem:
    """A CN001 warning at a node: a part of a file read around, the rest read."""
    line, column = file.place(node)
    return SourceProblem(message, Location(file.shown, line, column), file.shown, severity=Severity.WARNING)


def warn_once(
    problems: list[SourceProblem], said: set[tuple[str, int, int]], file: SourceFile, node: Node, message: str
) -> None:
    """`warning` added to `problems` unless one was said at that place already (`said`).

    A parent class's field, an embedded struct or a helper is read again for every model
    that uses it: its warning is said once.
    """
    line, column = file.place(node)
    if (file.shown, line, column) not in said:
        said.add((file.shown, line, column))
        problems.append(
            SourceProblem(message, Location(file.shown, line, column), file.shown, severity=Severity.WARNING)
        )


class SourceFile:
    """One parsed file and its byte -> line:column mapping (any language)."""

    def __init__(self, source: bytes, shown: str) -> None:
        self.source = source
        self.shown = shown
        self.starts = [0]
        newline = source.find(b"\n")
        while newline != -1:  # one step a line, not a byte
            self.starts.append(newline + 1)
            newline = source.find(b"\n", newline + 1)
        self._mark = (-1, 0, 0)
        """(row, byte, characters before it on the row) of the last long-line place."""

    def place(self, node: Node) -> tuple[int, int]:
        """1-based line and character column of a node."""
        return self.offset_place(node.start_byte)

    def offset_place(self, offset: int) -> tuple[int, int]:
        """1-based line and character column of a byte offset (one past the end: the end).

        The one way cnsnt turns a byte of a parsed file into a place: characters are the
        bytes that do not continue one, which is exact for every text cnsnt encodes (UTF-8,
        a lone surrogate with `surrogatepass`: one character, as the text cnsnt read has it).
        Decoding a line with replacement counted such a surrogate as three characters, and
        a parse given up, placed by counting, said another column for the same byte.
        On a long line, counting goes on from the last place asked on it, so n places on
        one line cost n, not n squared.
        """
        at = max(0, min(offset, len(self.source)))
        row = bisect.bisect_right(self.starts, at) - 1
        start = self.starts[row]
        mark_row, mark_byte, mark_chars = self._mark
        if at - start <= _SHORT_PREFIX or mark_row != row or mark_byte > at:
            mark_byte, mark_chars = start, 0
        chars = mark_chars + len(self.source[mark_byte:at].translate(None, _CONTINUATION_BYTES))
        if at - start > _SHORT_PREFIX:
            self._mark = (row, at, chars)
        return row + 1, chars + 1

    def text(self, node: Node) -> str:
        """The source text of a node."""
        return bytes(self.source[node.start_byte : node.end_byte]).decode("utf-8", errors="replace")

    def excerpt(self, node: Node, size: int = 80) -> str:
        """A node's text as a message quotes it: on one line (white space runs as one space), cut at `size`.

        Taken from this file, the one a warning about the node is located in: a node of
        another file read at this file's offsets quoted unrelated text (review31 D8), and a
        line break in a message broke the report's layout.
        """
        return " ".join(self.text(node).split())[:size]


#: Nodes that are never the error themselves, whatever the grammar: comments (PHP and
#: Ruby `comment`, Java `line_comment` / `block_comment`).
_SNIPPET_PARSERS: dict[str, Any] = {}


def parse_snippet(language: str, code: str, seconds: float) -> Any | None:
    """The syntax tree of a piece of code inside another file; None when it cannot be parsed.

    A template's Elixir or a component's script: when the grammar is missing or gives up,
    the caller reads around it. One parser a language is kept: a template holds many pieces.
    """
    if language not in _SNIPPET_PARSERS:
        try:
            _SNIPPET_PARSERS[language] = parser(language, "a template's code")
        except SourceError:
            return None
    try:
        return parse_bounded(_SNIPPET_PARSERS[language], code.encode("utf-8", "surrogatepass"), "", seconds)
    except SourceError:
        return None


COMMENTS = frozenset({"comment", "line_comment", "block_comment"})
#: How deep `first_error` looks (Python's stack is ~1000 frames; real files nest ~10 levels).
_ERROR_DEPTH = 200


def java_string(node: Any, file: SourceFile) -> str | None:
    """A Java string literal's value, its escapes read; None for a part cnsnt cannot read.

    One reader for JPA entities' annotation values (`schemas.jpa_entities`) and Spring's
    query annotations (`queries.java_queries`).
    """
    parts = []
    for child in node.named_children:
        if child.type == "string_fragment":
            parts.append(file.text(child))
        elif child.type == "escape_sequence":
            parts.append(java_unescape(file.text(child)))
        else:
            return None
    return "".join(parts)


def java_unescape(text: str) -> str:
    r"""Java's escapes (JLS 3.10.7): a backslash at a text block's line end joins lines, `\s` is a blank."""
    out: list[str] = []
    simple = {"n": "\n", "t": "\t", '"': '"', "'": "'", "\\": "\\", "s": " ", "\n": "", "r": "\r", "b": "\b"}
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in simple:
            out.append(simple[text[i + 1]])
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class JvmNames:
    """A Java or Kotlin file's package and imports: how its short type names resolve.

    Two classes may share a short name in different packages (`billing.Account`,
    `crm.Account`); which one a file means is what Java's scoping says: a single-type
    import, then the file's own package, then an on-demand import (`crm.*`).
    """

    package: str = ""
    imports: tuple[str, ...] = ()
    """`com.shop.crm.Account` and `com.shop.crm.*`, as written (static imports left out)."""

    def qualified(self, name: str) -> str:
        """A class of this file by its fully-qualified name (`com.shop.crm.Account`)."""
        return f"{self.package}.{name}" if self.package else name

    def pick(self, candidates: Collection[str]) -> str | None:
        """The one fully-qualified name of `candidates` (classes of one short name) this file means.

        None when its imports and package cannot tell (none, or two, fit). `candidates` is a
        set: the work is the file's imports of that short name, or the smaller of its
        on-demand imports and the candidates, never all of both (linear over many files).
        """
        if not candidates:
            return None
        short = next(iter(candidates)).rpartition(".")[2]
        exact = [q for q in self._by_short.get(short, ()) if q in candidates]
        if exact:
            return exact[0] if len(set(exact)) == 1 else None
        own = self.qualified(short)
        if own in candidates:
            return own
        if len(self._on_demand) <= len(candidates):
            fits = {f"{p}.{short}" for p in self._on_demand} & set(candidates)
        else:
            fits = {q for q in candidates if q.rpartition(".")[0] in self._on_demand}
        return next(iter(fits)) if len(fits) == 1 else None

    @cached_property
    def _by_short(self) -> dict[str, list[str]]:
        """Single-type imports by their short name."""
        out: dict[str, list[str]] = {}
        for name in self.imports:
            if not name.endswith(".*"):
                out.setdefault(name.rpartition(".")[2], []).append(name)
        return out

    @cached_property
    def _on_demand(self) -> frozenset[str]:
        """The packages of the on-demand imports (`com.shop.crm` of `com.shop.crm.*`)."""
        return frozenset(name[:-2] for name in self.imports if name.endswith(".*"))


def jvm_names(root: Node, file: SourceFile) -> JvmNames:
    """The package and imports at the top of a Java or Kotlin syntax tree."""
    package = ""
    imports: list[str] = []
    for node in root.named_children:
        kind = node.type
        if kind in ("package_declaration", "package_header"):
            named = [c for c in node.named_children if c.type not in COMMENTS and c.type != "annotation"]
            package = file.text(named[0]).replace(" ", "") if named else ""
        elif kind == "import_declaration" or kind == "import":
            if any(c.type == "static" for c in node.children):
                continue
            name = next((c for c in node.named_children if c.type in _IMPORTED), None)
            if name is None:
                continue
            star = any(c.type in ("asterisk", "*") for c in node.children)
            imports.append(file.text(name).replace(" ", "") + (".*" if star else ""))
        elif kind == "import_list":  # older Kotlin grammars group them
            imports.extend(jvm_names(node, file).imports)
    return JvmNames(package, tuple(imports))


#: What names an import: Java's `scoped_identifier`/`identifier`, Kotlin's `qualified_identifier`.
_IMPORTED = frozenset({"scoped_identifier", "identifier", "qualified_identifier"})


#: C# declarations of a class or a record (`cs_declarations`).
CS_CLASSES = ("class_declaration", "record_declaration")
_CS_CONTAINERS = ("namespace_declaration", "file_scoped_namespace_declaration", "declaration_list")
#: How deep C# types may nest in namespaces and classes (real code: two or three levels).
CS_NESTING = 16


def cs_declarations(root: Node, kinds: tuple[str, ...] = CS_CLASSES) -> list[Node]:
    """The C# declarations of `kinds` in a tree's namespaces and class bodies, in the order a walk meets them.

    Nested ones too (`InputModel` in a page model), at most `CS_NESTING` deep: what EF Core's
    entity reader and the Razor Pages page-model reader both look for.
    """
    found: list[Node] = []
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > CS_NESTING:
            continue
        for child in node.named_children:
            if child.type in kinds:
                found.append(child)
            if child.type in _CS_CONTAINERS:
                stack.append((child, depth + 1))
            elif child.type in CS_CLASSES:
                body = child.child_by_field_name("body")
                if body is not None:
                    stack.append((body, depth + 1))
    return found


def first_error(root: Node, complete: frozenset[str] = COMMENTS) -> Node | None:
    """Where parsing went wrong: the first missing token, or the first loose part of an ERROR node.

    Depth first, in file order. Inside an ERROR node a missing token is the most precise
    place; else its first child that is not a whole, error-free node of a `complete` type
    (comments, in every language; Ruby adds the statements that stand whole inside an
    ERROR node, its calls and methods): a doc comment before the broken code is not the
    error. Past `_ERROR_DEPTH` levels (a hostile nesting) the node reached so far is the
    answer.
    """
    return _first_error(root, complete | COMMENTS, 0)


def _first_error(node: Node, complete: frozenset[str], depth: int, before: Node | None = None) -> Node | None:
    """`first_error` below `node`, searching each node at most once (linear in the tree).

    In an ERROR node one pass over the children finds both answers: the first missing token
    inside a child that is not itself an ERROR (the most precise place, returned at once),
    and else the first loose child (searched further when it holds errors). `before`: the
    sibling before `node` (the first call asks tree-sitter, which finds it from the root
    down, too slow to ask at every level of a deep tree: sweep36).
    """
    if depth > _ERROR_DEPTH or node.is_missing:
        return node
    if depth == 0:
        before = node.prev_sibling
    children = node.children
    if node.type != "ERROR":
        for i, child in enumerate(children):
            if child.has_error or child.is_missing:
                found = _first_error(child, complete, depth + 1, children[i - 1] if i else None)
                if found is not None:
                    return found
        return None
    if _set_aside(node, before):
        return _resumed(node) or node
    loose: Node | None = None
    for i, child in enumerate(children):
        prior = children[i - 1] if i else None
        whole = child.type in complete and not child.has_error
        if child.is_missing or (child.has_error and child.type != "ERROR"):
            found = _first_error(child, complete, depth + 1, prior)
            if found is not None and found.is_missing:
                return found
            if loose is None and not whole:
                loose = found or child
        elif loose is None and not whole:
            loose = (_first_error(child, complete, depth + 1, prior) or child) if child.has_error else child
    return loose or node


#: The closing bracket of each opening one; a token ending in an opening bracket opens
#: (Ruby's `%w(`, PHP's `#[`, JavaScript's `${`, Ruby's and Elixir's `#{`).
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSING = frozenset(_BRACKETS.values())
#: Tokens of string text, by their type or their parent's, in each grammar (PHP's
#: `string_content`, JavaScript's `string_fragment`, Elixir's `quoted_content`, heredocs).
_STRINGS = re.compile("string|quoted|heredoc|nowdoc|text_block|sigil")
_HAS_BRACKET = re.compile(rb"[][(){}]")


#: Whether a token opens a block closed by `end` (True), is that `end` (False), or neither (None),
#: from the token, its text, its parent and the sibling before it (None at the first): tree-sitter
#: finds a node's parent or sibling from the root down, which would be quadratic on deep nesting.
Blocks = Callable[[Node, str, "Node | None", "Node | None"], "bool | None"]


def unbalanced(
    root: Node,
    file: SourceFile,
    blocks: Blocks | None = None,
    skip: Callable[[Node, Node | None], bool] | None = None,
) -> tuple[Node, str] | None:
    """The opening token a broken file leaves unclosed, or the closing one that closes nothing.

    One pass over the tokens in file order (brackets; JSX tags; with `blocks`, the
    keywords that open a block and the `end` that closes it, as Ruby's and Elixir's), with a
    stack of the open ones. A closer of another kind than the innermost opener closes the
    innermost of its kind whose line is indented as its own (the openers inside are left
    open); when there is none, it closes nothing and is the answer. At such a closer, or at the end of
    the file, the answer is the innermost opener left open, unless an opener inside it was
    closed by a closer on a line indented less than its own (the closer of the enclosing
    block, taken for its own: the one really left open).
    None when every opener is closed, in order, and when brackets may have been lost after
    the opener (before the closer): in a string over several lines, or in text the grammar
    made no token of (after a stray quote, `first_error` finds the quote). `skip`: subtrees
    that are no error (JSX's bare `&`), told the node and its parent. Linear in the tree,
    and iterative: no nesting is too deep for it.
    """
    stack: list[tuple[str, Node]] = []  # (the closer expected, the opener)
    outdented: list[Node] = []  # openers closed by a closer indented less than their line
    lost: list[int] = []  # where text that may hold brackets was left out of the tokens
    indents: dict[int, int] = {}
    read = 0  # the end of the last token (or skipped subtree)
    parents: list[Node | None] = [None]  # the parent of the cursor's node, and of each one above it
    before: list[Node | None] = [None]  # the sibling before the cursor's node, and before each one above it

    def indent(row: int) -> int:
        if row not in indents:
            end = file.starts[row + 1] if row + 1 < len(file.starts) else len(file.source)
            line = file.source[file.starts[row] : end]
            indents[row] = len(line) - len(line.lstrip(b" \t"))
        return indents[row]

    def left_open(outer: Node) -> tuple[Node, str] | None:
        if any(at >= outer.end_byte for at in lost):
            return None
        inside = [o for o in outdented if o.start_byte > outer.start_byte]
        return (inside[0] if inside else stack[-1][1]), "unclosed"

    cursor = root.walk()
    while True:
        node = cursor.node
        # passed over whole: what `skip` says, and a subtree without error on one line (balanced,
        # and no closer in it starts its line), but JSX elements (their tags may not match)
        one_line = node.start_point[0] == node.end_point[0]
        opaque = (skip is not None and skip(node, parents[-1])) or (
            node.child_count > 0 and one_line and not node.has_error and not node.type.startswith("jsx")
        )
        leaf = node.child_count == 0 or opaque or node.type == "jsx_closing_element"
        closer: str | None = None
        if leaf and not node.is_missing:
            if _HAS_BRACKET.search(file.source, read, node.start_byte):
                lost.append(read)  # text between tokens: none of it was read
            read = max(read, node.end_byte)
        if node.is_missing or opaque:
            pass
        elif node.type == "jsx_opening_element":
            stack.append(("</" + _tag_name(node, file), node))
        elif node.type == "jsx_closing_element":
            closer = "</" + _tag_name(node, file)
        elif leaf and node.is_named and _string_text(node, parents[-1]):
            several_lines = node.end_point[0] > node.start_point[0]
            if several_lines and _HAS_BRACKET.search(file.source, node.start_byte, node.end_byte):
                lost.append(node.start_byte)
        elif leaf:
            text = file.text(node)
            block = blocks(node, text, parents[-1], before[-1]) if blocks is not None else None
            if block is not None:
                if block:
                    stack.append(("end", node))
                else:
                    closer = "end"
            elif node.is_named:
                pass
            elif text in _CLOSING:
                closer = text
            elif text[-1:] in _BRACKETS:
                stack.append((_BRACKETS[text[-1]], node))
        if closer is not None:
            if stack and stack[-1][0] == closer:
                opener = stack.pop()[1]
                row = node.start_point[0]
                if node.start_point[1] == indent(row) < indent(opener.start_point[0]):  # starts its line
                    outdented.append(opener)
            else:
                # it closes an opener further out, left open inside, when its line is indented
                # as that opener's; else it is a closer too many
                here = indent(node.start_point[0])
                depth = [
                    i
                    for i, (want, o) in enumerate(stack)
                    if want == closer and indent(o.start_point[0]) == here
                ]
                if depth:
                    return left_open(stack[depth[-1] + 1][1])
                return None if lost else (node, "unmatched")
        if not leaf and cursor.goto_first_child():
            parents.append(node)
            before.append(None)
            continue
        left = node
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                if _HAS_BRACKET.search(file.source, read):
                    lost.append(read)
                return left_open(stack[0][1]) if stack else None
            left = parents.pop()
            before.pop()
        before[-1] = left


def _string_text(token: Node, parent: Node | None) -> bool:
    return _STRINGS.search(token.type if parent is None else f"{token.type} {parent.type}") is not None


def _tag_name(element: Node, file: SourceFile) -> str:
    name = element.child_by_field_name("name")
    return file.text(name)[:60] if name is not None else ""


def _token(node: Node, file: SourceFile) -> str:
    """How a message names a token: `'('`, `'do'`, `<label>`, `</form>`."""
    if node.type == "jsx_opening_element":
        return f"<{_tag_name(node, file)}>"
    if node.type == "jsx_closing_element":
        return f"</{_tag_name(node, file)}>"
    return f"'{file.text(node)[:60]}'"


#: How many levels up `_resumed` looks for what follows an ERROR node.
_RESUME_LEVELS = 8


def _set_aside(error: Node, before: Node | None) -> bool:
    """Whether an ERROR node is whole statements the parse set aside to go on after them.

    So it is when it starts its line and holds only whole, error-free parts (PHP's
    `$t->string('a') 'b';`: the call, set aside at `'b'`). Inside a line, an ERROR node of
    whole parts is more often the stray part itself (`const x = 1 2;`: the `2`).
    """
    if before is not None and before.end_point[0] == error.start_point[0]:
        return False
    return all(child.is_named and not child.has_error for child in error.children)


def _resumed(error: Node) -> Node | None:
    """What follows an ERROR node, where parsing went on: the token it could not fit."""
    node = error
    for _ in range(_RESUME_LEVELS):
        after = node.next_sibling
        while after is not None and (after.is_missing or after.type in COMMENTS):
            after = after.next_sibling
        if after is not None:
            return after
        node = node.parent
        if node is None:
            return None
    return None


def syntax_problem(
    tree: Any,
    file: SourceFile,
    language: str,
    things: str = "tables",
    locate: Callable[[Node], Node | None] = first_error,
    blocks: Blocks | None = None,
    skip: Callable[[Node, Node | None], bool] | None = None,
) -> SourceProblem | None:
    """The CN001 problem of a file tree-sitter could not parse whole, at the first error.

    `language` and `things` word the message (`PHP`, `entities` for Doctrine). An opener
    left unclosed or a closer that closes nothing is the place (`unbalanced`, with the
    language's `blocks` keywords and the `skip`ped subtrees); else `locate` finds the
    error (Ruby's reader also looks past whole statements inside an ERROR node).
    """
    if not tree.root_node.has_error:
        return None
    found = unbalanced(tree.root_node, file, blocks, skip)
    if found is not None:
        bad: Node | None = found[0]
        what = f"{found[1]} {_token(found[0], file)}"
    else:
        bad = locate(tree.root_node)
        what = f"missing '{bad.type}'" if bad is not None and bad.is_missing else "cannot parse from here"
    line, column = file.place(bad) if bad is not None else (1, 1)
    return SourceProblem(
        f"{language} syntax error ({what}): {things} from here on may be missing or incomplete",
        Location(file.shown, line, column),
        file.shown,
    )


def parsed_files(
    paths: Iterable[Path],
    ctx: SourceContext,
    problems: list[SourceProblem],
    make_parser: Callable[[], Any],
    syntax: Callable[[Any, SourceFile], SourceProblem | None],
    wanted: Callable[[str], bool] | None = None,
    balance: Balance | None = None,
    reread: Reread | None = None,
) -> Iterator[tuple[str, SourceFile, Any]]:
    """Each file read and parsed, in the order given; a syntax error is reported, the tree still read.

    tree-sitter recovers from errors, so the rest of a broken file still counts; a file
    that cannot be read (or a grammar that is not installed) is a problem of its own and
    the others are read. `wanted`: whether a file's text is worth parsing at all. The
    parser is made at the first file that needs one. `balance`: for a grammar whose error
    recovery costs the square of the file when brackets are left open (Kotlin's), a file
    given up by `parse_bounded` is parsed again without the brackets that do not balance,
    and their problem is the file's. `reread`: for a grammar that misreads some valid text
    (TypeScript's, a property named `abstract`), a tree with an error is parsed again from
    the source `reread` gives; names are still read from the file as written.
    """
    parser = None
    for path in paths:
        shown = ctx.shown(path)
        ctx.check_time(shown)
        try:
            text = read_text(path, shown, limits=ctx.limits)
            if wanted is not None and not wanted(text):
                continue
            parser = parser or make_parser()
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        source = text.encode("utf-8")
        unbalanced_at: SourceProblem | None = None
        try:
            if balance is None:
                tree = parse_bounded(parser, source, shown)
            else:
                tree, source, unbalanced_at = _parse_balanced(parser, source, shown, balance)
            if reread is not None and tree.root_node.has_error:
                fixed = reread(tree.root_node, source)
                if fixed is not None and len(fixed) == len(source):
                    tree = parse_bounded(parser, fixed, shown)
        except SourceError as exc:
            problems.append(problem_of(exc, shown))
            continue
        file = SourceFile(source, shown)
        broken = unbalanced_at or syntax(tree, file)
        if broken is not None:
            problems.append(broken)
        yield shown, file, tree


def _parse_balanced(
    parser: Any, source: bytes, shown: str, balance: Balance
) -> tuple[Any, bytes, SourceProblem | None]:
    """(tree, the source it parsed, the problem of its brackets): see `parsed_files`."""
    try:
        return parse_bounded(parser, source, shown), source, None
    except SourceError:
        balanced = balance(source, shown)
        if balanced is None:  # brackets balance: something else is slow
            raise
    fixed, problem = balanced
    return parse_bounded(parser, fixed, shown), fixed, problem
