"""sqlglot's reason for a parse error, in the user's words (review33 R33b D8).

sqlglot describes a missing operand by its own expression class: `Required keyword:
'expression' missing for <class 'sqlglot.expressions.json.JSONBContainsTopKey'>` for a
MySQL `?,  --id--` (with no space after `--`, MySQL reads no comment: the `?` became an
operator with nothing after it). A CN001 then spoke of JSONB and a Python class. The
reason is said here as what is wrong (a part is missing) with the class spelt as words,
and a `--` with no space after it is pointed at where the dialect reads no comment.
"""

from __future__ import annotations

import re

from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_text import TOKEN_REPR

#: `Required keyword: 'expression' missing for <class 'sqlglot.expressions.core.Like'>`.
#: Linear: a try starts at the fixed prefix; each run is possessive and stops at a quote.
_REQUIRED = re.compile(r"Required keyword: '(\w++)' missing for <class '([\w.]++)'>")
#: Any other `<class 'x.y.Name'>` sqlglot puts in a message. Linear: fixed prefix, one
#: possessive run that stops at the quote.
_CLASS = re.compile(r"<class '([\w.]++)'>")
#: What each required part of an expression is, in plain words.
_PARTS = {
    "this": "first operand",
    "expression": "second operand",
    "expressions": "list of items",
}


def class_words(qualified: str) -> str:
    """`sqlglot.expressions.json.JSONBContainsTopKey` -> `JSONB contains top key`; `core.Like` -> `LIKE`."""
    name = qualified.rsplit(".", 1)[-1]
    words: list[str] = []
    start = 0
    for i in range(1, len(name)):
        prev, char, nxt = name[i - 1], name[i], name[i + 1 : i + 2]
        # a word starts at a capital after a small letter, or at the last capital of a run
        # that a small letter follows (`JSONBContains`: `JSONB`, `Contains`)
        if char.isupper() and (prev.islower() or (prev.isupper() and nxt.islower())):
            words.append(name[start:i])
            start = i
    words.append(name[start:])
    if len(words) == 1:  # one word is a keyword or an operator's name: `Like`, `In`, `Add`
        return name.upper()
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words if w)


def plain_reason(description: str) -> str:
    """Sqlglot's error description without its token reprs and class names."""
    text = TOKEN_REPR.sub(r"'\1'", description)

    def required(match: re.Match[str]) -> str:
        part = _PARTS.get(match.group(1), f"'{match.group(1)}' part")
        return f"a part is missing (the {class_words(match.group(2))} here has no {part})"

    text = _REQUIRED.sub(required, text)
    return _CLASS.sub(lambda m: f"'{class_words(m.group(1))}'", text)


def dash_hint(sql: str, tokens: list[Token], dialect: str | None) -> str | None:
    """Where a `--` with no blank after it is not a comment in the dialect (MySQL's rule), or None.

    Two `-` tokens side by side, followed at once by text, are a `--` the tokenizer did not
    take for a comment: in MySQL `--` starts one only before a blank or a line end.
    """
    for first, second in zip(tokens, tokens[1:], strict=False):
        if first.token_type is not TokenType.DASH or second.token_type is not TokenType.DASH:
            continue
        after = second.end + 1
        if second.start == first.end + 1 and after < len(sql) and not sql[after].isspace():
            name = Dialect.get_or_raise(dialect).__class__.__name__ if dialect else "this dialect"
            return (
                f"in {name}, -- starts a comment only when a blank follows it, so the -- at "
                f"line {first.line}, column {first.col} of the statement is read as SQL: "
                "put a blank after it, or write the comment as /* ... */"
            )
    return None
