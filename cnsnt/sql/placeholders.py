"""Template placeholders in DDL files, removed before sqlglot sees them.

Installers and code generators ship DDL with placeholders no dialect parses: InstantCMS
prefixes table names with `{#}`, Joomla (and its thousands of extensions) with `#__`,
osTicket with `%TABLE_PREFIX%`, OHDSI SqlRender with `@schema.`. Text placeholders are
cut from the text (with an `OffsetMap` back to the original offsets); token placeholders
are dropped from a statement's tokens before it is parsed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import Token, TokenType

#: Template placeholders removed before tokenizing. InstantCMS writes table names as
#: `{#}users`, Joomla as `#__users` (the installer substitutes a prefix); in MySQL `#`
#: would start a comment, and a quoted `#__users` looks like a T-SQL temporary table;
#: osTicket's `%TABLE_PREFIX%user` would name the table after the placeholder.
_TEXT_PLACEHOLDERS = ("{#}", "#__", "%TABLE_PREFIX%")


@dataclass
class OffsetMap:
    """Maps offsets in the placeholder-free text back to the original text."""

    starts: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    def original(self, offset: int) -> int:
        """The original offset of an offset in the edited text."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return offset + (self.shifts[i] if i >= 0 else 0)


#: Linear: fixed strings tried once per offset, with one-character look-arounds. `#__` only
#: as a name's prefix (not after a word character, before a letter or digit), so a
#: comment line of `#____` stays whole.
_PLACEHOLDER = re.compile(r"\{#\}|%TABLE_PREFIX%|(?<![\w#])#__(?=[^\W_])")


def remove_placeholders(text: str) -> tuple[str, OffsetMap]:
    """Delete `{#}`-style placeholders, remembering how offsets moved.

    A byte-order mark (U+FEFF) becomes a blank: Visual Studio database projects start
    every file with one, concatenated files carry one in the middle, and the tokenizer
    would glue it to `CREATE`, so the statement would silently not count.
    """
    text = text.replace("\ufeff", " ")
    mapping = OffsetMap()
    if not any(p in text for p in _TEXT_PLACEHOLDERS):
        return text, mapping
    pattern = _PLACEHOLDER
    parts: list[str] = []
    last = 0
    removed = 0
    for m in pattern.finditer(text):
        parts.append(text[last : m.start()])
        mapping.starts.append(m.start() - removed)  # where the edited text resumes
        removed += m.end() - m.start()
        mapping.shifts.append(removed)
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), mapping


#: Joomla's table-prefix placeholder (`#__users`); its installer puts the site's prefix there.
TABLE_PREFIX = "#__"


def _prefix_at(sql: str, at: int) -> bool:
    """Whether `#__` starts a name at `at` (not after a word character, before a letter or digit).

    So a comment line of `#____` or a `#__` glued to a word is no placeholder.
    """
    end = at + len(TABLE_PREFIX)
    return (
        sql.startswith(TABLE_PREFIX, at)
        and end < len(sql)
        and sql[end].isalnum()
        and (at == 0 or not (sql[at - 1].isalnum() or sql[at - 1] in "_#"))
    )


def prefix_spots(sql: str, dialect: str | None) -> list[int]:
    """Offsets of the `#__` table-prefix placeholders in one statement, found from its tokens.

    sqlglot's tokenizer says where they are, so one inside a string (`'#__x'`) or a comment
    is left alone: each `#__` that may start a name is read as `___` (same length, so the
    offsets hold), which no dialect takes for a comment, and it is a placeholder where a
    token starts with it (a name) or just inside a quoted name's quote. One tokenizing
    whatever the count (cutting the text at each `#__` was quadratic). Raises the
    tokenizer's errors.
    """
    marks: list[int] = []
    at = sql.find(TABLE_PREFIX)
    while at >= 0:
        if _prefix_at(sql, at):
            marks.append(at)
        at = sql.find(TABLE_PREFIX, at + 1)
    if not marks:
        return []
    pieces: list[str] = []
    last = 0
    for at in marks:
        pieces.append(sql[last:at])
        pieces.append("___")
        last = at + len(TABLE_PREFIX)
    pieces.append(sql[last:])
    marked = set(marks)
    spots: list[int] = []
    for tok in Dialect.get_or_raise(dialect).tokenize("".join(pieces)):
        if tok.token_type == TokenType.IDENTIFIER and tok.start + 1 in marked:
            spots.append(tok.start + 1)  # inside the quotes of a quoted name
        elif tok.token_type != TokenType.IDENTIFIER and tok.start in marked:
            spots.append(tok.start)
    return spots


def strip_table_prefix(sql: str, dialect: str | None) -> str:
    """One statement with its `#__` table-prefix placeholders removed (`#__users` -> `users`).

    The statement's text is unchanged when it holds none, or when it cannot be tokenized
    (the parser then says why).
    """
    if TABLE_PREFIX not in sql:
        return sql
    try:
        spots = prefix_spots(sql, dialect)
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: the parser reports it
        return sql
    parts: list[str] = []
    last = 0
    for at in sorted(spots):
        parts.append(sql[last:at])
        last = at + len(TABLE_PREFIX)
    parts.append(sql[last:])
    return "".join(parts)


def drop_token_placeholders(tokens: list[Token]) -> list[Token]:
    """Drop OHDSI SqlRender-style `@schema.` prefixes (`@cdmDatabaseSchema.person`).

    `@` glued to a name and a dot is no valid DDL in any dialect; Snowflake even turns
    the whole CREATE TABLE into an opaque command because of it.
    """
    if not any(t.token_type == TokenType.PARAMETER for t in tokens):
        return tokens
    out: list[Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if (
            tok.token_type == TokenType.PARAMETER
            and tok.text == "@"
            and i + 3 < n
            and tokens[i + 1].start == tok.end + 1
            and tokens[i + 2].token_type == TokenType.DOT
            and tokens[i + 2].start == tokens[i + 1].end + 1
        ):
            i += 3
            continue
        out.append(tok)
        i += 1
    return out if len(out) != n else tokens
