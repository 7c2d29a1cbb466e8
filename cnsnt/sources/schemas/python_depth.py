"""Where a Python file nests deepest, found from its tokens when `ast.parse` gives up on it.

CPython's parser and its AST builder recurse: an expression nested a few thousand deep
(`1+1+...+1`, `a.b.b...`, `f()()...`, `- - -1`) makes `ast.parse` raise RecursionError or
MemoryError with no line. The tokenizer does not recurse, so the tokens say where: each
bracket opens a level, and within a level each operator, keyword operator or call
(a bracket right after a name, a literal or another bracket) wraps what comes before it
in one more node, until a comma, `=` or `:` starts a new expression.
"""

from __future__ import annotations

import ast
import io
import keyword
import tokenize
from dataclasses import dataclass

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
#: Tokens that start a new expression at their level (an argument, a value, a statement).
_AUGMENTED = ("+", "-", "*", "/", "//", "%", "@", "&", "|", "^", "<<", ">>", "**")
_RESETS = frozenset({",", ";", "=", ":", ":=", "->"} | {op + "=" for op in _AUGMENTED})
#: Tokens that are no part of an expression's nesting.
_SPACING = frozenset({tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER})
#: CPython gives up near 3,000 levels (three times the recursion limit) and no real code nests
#: 1,000 deep: the first expression that does is the one, and the rest of the file is not
#: tokenized (pure Python's tokenizer reads about 250,000 tokens a second).
ENOUGH = 1_000
#: Keywords that wrap an expression in one more node, as operators do.
_KEYWORD_OPERATORS = frozenset({"not", "and", "or", "if", "else", "lambda", "await", "in", "is"})


@dataclass
class _Level:
    """One bracket level: the depth it opened at, operators since its expression began, and where it began."""

    base: int
    run: int = 0
    start: tuple[int, int] | None = None


def deepest_expression(text: str) -> tuple[int, int]:
    """Line and column where the most deeply nested expression begins (the first, if several).

    The first that nests `ENOUGH` deep, else the deepest; at the start of its innermost
    node: a bracket of its own (`((0))`), or the start of a chain of operators, attributes
    or calls (`1+1+...`, `f()()...`, `h` in `f(g(h(1)))`). A tokenizer error further on:
    the deepest before it.
    """
    levels = [_Level(0)]
    deepest, where = 0, (1, 1)
    previous: tokenize.TokenInfo | None = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type in _SPACING:
                continue
            if token.type == tokenize.NEWLINE:  # a statement ends: every bracket is closed
                levels, previous = [_Level(0)], None
                continue
            level = levels[-1]
            place = (token.start[0], token.start[1] + 1)
            if token.type == tokenize.OP and token.string in _RESETS:
                level.run, level.start, previous = 0, None, token
                continue
            if level.start is None:
                level.start = place
            if token.type == tokenize.OP and token.string in _OPENING:
                trailer = _follows_operand(previous)  # a call or a subscript wraps what it follows
                level.run += trailer
                opened = level.base + level.run + 1
                if opened > deepest:
                    deepest, where = opened, (level.start or place) if trailer else place
                levels.append(_Level(opened))
                if deepest >= ENOUGH:
                    break
            elif token.type == tokenize.OP and token.string in _CLOSING:
                if len(levels) > 1:
                    levels.pop()
            elif _is_operator(token):
                level.run += 1
                if level.base + level.run > deepest:
                    deepest, where = level.base + level.run, level.start or place
                    if deepest >= ENOUGH:
                        break
            previous = token
    except (tokenize.TokenError, SyntaxError):
        pass  # the deepest opening before it
    return where


def _is_operator(token: tokenize.TokenInfo) -> bool:
    if token.type == tokenize.OP:
        return True
    return token.type == tokenize.NAME and token.string in _KEYWORD_OPERATORS


def _follows_operand(previous: tokenize.TokenInfo | None) -> bool:
    """Whether a bracket after this token is a call or subscript of it (not a new expression)."""
    if previous is None:
        return False
    if previous.type == tokenize.NAME:
        return not keyword.iskeyword(previous.string) or previous.string in ("None", "True", "False")
    if previous.type in (tokenize.NUMBER, tokenize.STRING):
        return True
    return previous.type == tokenize.OP and previous.string in _CLOSING


def deepest_node(tree: ast.AST) -> tuple[int, int]:
    """Line and column of the innermost node that holds others where a parsed tree nests deepest.

    The first if several; walked with a stack, without recursion, in one pass. A tree CPython
    builds may still nest deeper than cnsnt's readers recurse (`ast.unparse` takes three frames
    a level): the reader that gives up says it here, not at its class or at the policy's entry.
    """
    deepest, found = -1, (getattr(tree, "lineno", 1), getattr(tree, "col_offset", 0) + 1)
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        children = [child for child in ast.iter_child_nodes(node) if hasattr(child, "lineno")]
        if children and depth > deepest and hasattr(node, "lineno"):
            deepest, found = depth, (node.lineno, node.col_offset + 1)  # type: ignore[attr-defined]
        stack.extend((child, depth + 1) for child in reversed(children))
    return found
