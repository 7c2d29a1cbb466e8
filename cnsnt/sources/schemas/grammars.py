"""tree-sitter parsing of the languages models and migrations are written in.

Ruby (`schema.rb`, Rails migrations), PHP (Laravel migrations, Doctrine entities) and
Java (JPA entities) are parsed, never run. The grammars are dependencies of cnsnt; a
broken install still gets a clear `SourceError` naming the package to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.schemas.common import problem_of

#: language -> (module, the function returning its grammar, the PyPI package)
_GRAMMARS = {
    "ruby": ("tree_sitter_ruby", "language", "tree-sitter-ruby"),
    "php": ("tree_sitter_php", "language_php", "tree-sitter-php"),
    "java": ("tree_sitter_java", "language", "tree-sitter-java"),
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


class SourceFile:
    """One parsed file and its byte -> line:column mapping (any language)."""

    def __init__(self, source: bytes, shown: str) -> None:
        self.source = source
        self.shown = shown
        self.starts = [0]
        for i, byte in enumerate(source):
            if byte == 0x0A:
                self.starts.append(i + 1)

    def place(self, node: Node) -> tuple[int, int]:
        """1-based line and character column of a node."""
        row, _ = node.start_point
        start = self.starts[row]
        prefix = self.source[start : node.start_byte].decode("utf-8", errors="replace")
        return row + 1, len(prefix) + 1

    def text(self, node: Node) -> str:
        """The source text of a node."""
        return bytes(self.source[node.start_byte : node.end_byte]).decode("utf-8", errors="replace")


def first_error(root: Node) -> Node | None:
    """The first ERROR node or missing token, depth first (iterative: no recursion limit)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_missing or node.type == "ERROR":
            return node
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return None


def syntax_problem(
    tree: Any,
    file: SourceFile,
    language: str,
    things: str = "tables",
    locate: Callable[[Node], Node | None] = first_error,
) -> SourceProblem | None:
    """The CN001 problem of a file tree-sitter could not parse whole, at the first error.

    `language` and `things` word the message (`PHP`, `entities` for Doctrine); `locate`
    finds the error (Ruby's reader looks past whole statements inside an ERROR node).
    """
    if not tree.root_node.has_error:
        return None
    bad = locate(tree.root_node)
    line, column = file.place(bad) if bad is not None else (1, 1)
    what = f"missing '{bad.type}'" if bad is not None and bad.is_missing else "cannot parse from here"
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
) -> Iterator[tuple[str, SourceFile, Any]]:
    """Each file read and parsed, in the order given; a syntax error is reported, the tree still read.

    tree-sitter recovers from errors, so the rest of a broken file still counts; a file
    that cannot be read (or a grammar that is not installed) is a problem of its own and
    the others are read. `wanted`: whether a file's text is worth parsing at all. The
    parser is made at the first file that needs one.
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
        tree = parser.parse(source)
        file = SourceFile(source, shown)
        broken = syntax(tree, file)
        if broken is not None:
            problems.append(broken)
        yield shown, file, tree
