"""Template placeholders in DDL files, removed before sqlglot sees them.

Installers and code generators ship DDL with placeholders no dialect parses: InstantCMS
prefixes table names with `{#}`, Joomla (and its thousands of extensions) with `#__`,
osTicket with `%TABLE_PREFIX%`, OHDSI SqlRender with `@schema.`. Placeholders are cut
from the text (with an `OffsetMap` back to the original offsets), Joomla's where sqlglot's
tokens say it names a table; token placeholders are dropped from a statement's tokens
before it is parsed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from sqlglot.dialects.dialect import Dialect, DialectType
from sqlglot.tokenizer_core import Token, TokenType

#: Template placeholders cut from the text before tokenizing: InstantCMS writes table names
#: as `{#}users`, osTicket as `%TABLE_PREFIX%user` (which would name the table after the
#: placeholder). Joomla's `#__users` is found from sqlglot's tokens (`prefix_spots`): in
#: MySQL `#` starts a comment, so `#__note ...` on a line of its own is one.
_TEXT_PLACEHOLDERS = ("{#}", "%TABLE_PREFIX%")
#: The same, for callers that read table names outside the parser (`cnsnt init`'s patch notes).
TEXT_PLACEHOLDERS = _TEXT_PLACEHOLDERS


@dataclass
class OffsetMap:
    """Maps offsets in the placeholder-free text back to the original text."""

    starts: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)

    def original(self, offset: int) -> int:
        """The original offset of an offset in the edited text."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return offset + (self.shifts[i] if i >= 0 else 0)


#: Linear: fixed strings tried once per offset.
_PLACEHOLDER = re.compile(r"\{#\}|%TABLE_PREFIX%")


def remove_placeholders(text: str, dialect: DialectType) -> tuple[str, OffsetMap]:
    """Delete `{#}`-style placeholders and Joomla's `#__` prefix, remembering how offsets moved.

    `#__` is found as the queries find it (`prefix_spots`, from `dialect`'s tokens), so a
    `#__` in a string or a comment, or starting a MySQL comment line, stays; text the
    tokenizer refuses loses every `#__` that may start a name (the parser then says why).

    A byte-order mark (U+FEFF) becomes a blank: Visual Studio database projects start
    every file with one, concatenated files carry one in the middle, and the tokenizer
    would glue it to `CREATE`, so the statement would silently not count.
    """
    text = text.replace("\ufeff", " ")
    cuts = (
        [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]
        if any(p in text for p in _TEXT_PLACEHOLDERS)
        else []
    )
    if TABLE_PREFIX in text:
        # the prefix is looked for in the text the tokenizer will read: without `{#}`,
        # whose `#` would start a MySQL comment
        rest, first = _cut(text, cuts)
        try:
            spots = prefix_spots(rest, dialect)
        except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug: the parser reports it
            spots = _marks(rest)
        at = [first.original(spot) for spot in spots]
        cuts = sorted([*cuts, *((a, a + len(TABLE_PREFIX)) for a in at)])
    return _cut(text, cuts)


def _cut(text: str, cuts: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """The text without the (sorted, disjoint) spans, and where its offsets were."""
    mapping = OffsetMap()
    if not cuts:
        return text, mapping
    parts: list[str] = []
    last = 0
    removed = 0
    for start, end in cuts:
        parts.append(text[last:start])
        mapping.starts.append(start - removed)  # where the edited text resumes
        removed += end - start
        mapping.shifts.append(removed)
        last = end
    parts.append(text[last:])
    return "".join(parts), mapping


#: Joomla's table-prefix placeholder (`#__users`); its installer puts the site's prefix there.
TABLE_PREFIX = "#__"
#: Tokenizings at most of a text whose MySQL comment lines start with `#__` (each one finds
#: the comment lines the one before hid).
_PASSES = 4


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


def _marks(sql: str) -> list[int]:
    """Offsets of every `#__` that may start a name."""
    marks: list[int] = []
    at = sql.find(TABLE_PREFIX)
    while at >= 0:
        if _prefix_at(sql, at):
            marks.append(at)
        at = sql.find(TABLE_PREFIX, at + 1)
    return marks


def prefix_spots(sql: str, dialect: DialectType) -> list[int]:
    """Offsets of the `#__` table-prefix placeholders in SQL text, found from its tokens.

    sqlglot's tokenizer says where they are, so one inside a string (`'#__x'`) or a comment
    is left alone: each `#__` that may start a name is read as `___` (same length, so the
    offsets hold), which no dialect takes for a comment, and it is a placeholder where a
    token starts with it (a name) or just inside a quoted name's quote. A name never starts
    a statement: where `#` starts a comment (MySQL), a `#__` there starts a comment line
    (`#__note ...`). One tokenizing whatever the count (cutting the text at each `#__` was
    quadratic), a few more when there are such comment lines. Raises the tokenizer's errors.
    """
    marks = _marks(sql)
    if not marks:
        return []
    dia = Dialect.get_or_raise(dialect)
    if "#" not in dia.tokenizer_class.COMMENTS:
        return _spots(sql, marks, dia, hash_comments=False)[0]
    try:
        spots, starting = _spots(sql, marks, dia, hash_comments=True)
        if not starting:
            return spots
    except Exception:  # noqa: BLE001 - a comment line's quote may open a string: read below
        pass
    # comment lines: the text read with every `#__` a comment finds those after a `;`
    comments = _comment_marks(sql, marks, dia)
    for _ in range(_PASSES):
        spots, starting = _spots(sql, [m for m in marks if m not in comments], dia, hash_comments=True)
        if not starting:
            break
        comments.update(starting)
    return spots


def _spots(sql: str, marks: list[int], dia: Dialect, *, hash_comments: bool) -> tuple[list[int], list[int]]:
    """(placeholders, marks that start a statement: comment lines) with `marks` read as `___`."""
    pieces: list[str] = []
    last = 0
    for at in marks:
        pieces.append(sql[last:at])
        pieces.append("___")
        last = at + len(TABLE_PREFIX)
    pieces.append(sql[last:])
    marked = set(marks)
    spots: list[int] = []
    starting: list[int] = []
    previous: TokenType | None = None
    for tok in dia.tokenize("".join(pieces)):
        if tok.token_type == TokenType.IDENTIFIER and tok.start + 1 in marked:
            spots.append(tok.start + 1)  # inside the quotes of a quoted name
        elif tok.token_type != TokenType.IDENTIFIER and tok.start in marked:
            if hash_comments and previous in (None, TokenType.SEMICOLON):
                starting.append(tok.start)
            else:
                spots.append(tok.start)
        previous = tok.token_type
    return spots, starting


def _comment_marks(sql: str, marks: list[int], dia: Dialect) -> set[int]:
    """The marks that start a statement in the text as written (each `#__` a comment there).

    None found when that text cannot be tokenized (a quote on a line after a placeholder).
    """
    try:
        tokens = dia.tokenize(sql)
    except Exception:  # noqa: BLE001 - TokenError or a tokenizer bug
        return set()
    starts = [t.start for t in tokens]
    found: set[int] = set()
    for at in marks:
        i = bisect.bisect_left(starts, at) - 1  # the last token starting before the mark
        if i < 0 or (tokens[i].end < at and tokens[i].token_type == TokenType.SEMICOLON):
            found.add(at)
    return found


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
