"""Normalised statement fingerprints, so each query shape is parsed once.

A fingerprint folds literals (strings, numbers, `$1` placeholders) to `?`,
IN-lists and multi-row VALUES to one item, runs of whitespace to one space,
and unquoted text to lower case; comments are dropped. Two statements share
a fingerprint only when they differ in literals (or comments, spacing and
case) alone: quoted identifiers are kept verbatim, and a quote, comment or
dollar-quote inside a string cannot confuse the scan because such lines take
a slower tokenising path.

This is lexing, not SQL parsing: what gets analysed is parsed by sqlglot.
Most log lines have no comment or quoted identifier; for them a single bytes
regex with a constant replacement does the work (tens of MB/s on one core).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sqlglot.dialects.dialect import Dialect

_fold: Callable[[bytes], bytes] | None
try:  # the opt-in compiled fast path (CNSNT_COMPILE=1 pip install .): same result, faster
    from cnsnt.sql._fastlex import fold as _fold
except ImportError:  # a plain install: the regex below does the same
    _fold = None
#: Whether the compiled fast path is in use.
COMPILED = _fold is not None

#: Fast path: string literals, numbers not inside identifiers, `$1` placeholders.
#: Starts with a character class so the regex engine skips ahead in C.
#: Linear: a string reads up to the next quote, which ends it (or, for the last quote,
#: fails once and the empty number branch matches); numbers are one possessive run.
_FAST_LITERAL = re.compile(rb"[\d'$](?<![\w$][\d$])(?:(?<=')[^']*+'|[\d.]*+)")
#: Linear: a try starts at `(` and reads blanks, `?` and commas only (possessive), which
#: never hold `(`, so the reads of two tries never overlap.
_IN_LIST = re.compile(rb"\(\s*+\?(?>(?:\s*+,\s*+\?)+)\s*+\)")
#: Linear: as `_IN_LIST`, a try reads `(?)` items and blanks only after its own `(?)`.
_ROWS = re.compile(rb"\(\?\)(?>(?:\s*+,\s*+\(\?\))+)")
#: Linear: one possessive run.
_ADJACENT = re.compile(rb"\?{2,}+")
#: Linear: fixed length.
_DOLLAR_QUOTE = re.compile(rb"\$(?![\d$])|\$\$")


def _fold_re(code: bytes) -> bytes:
    """Literals to `?` and ASCII lower case (what the compiled `fold` does in C)."""
    return _FAST_LITERAL.sub(b"?", code).lower()


@dataclass(frozen=True)
class Lexis:
    """What a dialect's tokenizer does with quotes and comments (from sqlglot)."""

    backslash_escapes: bool = False
    hash_comments: bool = False
    dollar_quotes: bool = False


@cache
def lexis(dialect: str | None) -> Lexis:
    """The lexical settings of a sqlglot dialect (unknown dialects: standard SQL)."""
    try:
        tokenizer = Dialect.get_or_raise(dialect).tokenizer_class
    except (ValueError, KeyError):
        return Lexis()
    comments = getattr(tokenizer, "COMMENTS", [])
    heredocs = getattr(tokenizer, "HEREDOC_STRINGS", [])
    return Lexis(
        backslash_escapes="\\" in getattr(tokenizer, "STRING_ESCAPES", []),
        hash_comments="#" in comments,
        dollar_quotes="$" in heredocs,
    )


def _special_pattern(lex: Lexis) -> re.Pattern[bytes]:
    r"""Tokens the fast path must not touch: strings, quoted names, comments, `;`.

    Only these are handled in Python; the code between them goes through the
    fast literal regex, so a line with two quoted names costs two callbacks,
    not one per token. The pattern starts with one character class (the regex
    engine then scans in C) and dispatches on that character by lookbehind;
    the caller tells the kind of token by its first byte.

    Linear: every branch but the bracket one always matches (an unterminated string,
    name or comment runs to the end, `\Z`), so the text it reads is consumed and never
    read again; its loops are possessive. The bracket branch can fail, but its class
    excludes `[`, so the reads of two tries never overlap. The dollar-quote tag is one
    possessive word; its body is a lazy scan that tries the closing tag once per byte.
    """
    branches = [
        rb"(?<=-)-[^\n]*+",
        rb"(?<=/)\*.*?(?:\*/|\Z)",
        rb'(?<=")(?:[^"]++|"")*+(?:"|\Z)',
        rb"(?<=`)[^`]*+(?:`|\Z)",
        rb"(?<=\[)[^\[\]\s]*+\]",
        rb"(?<=;)",
    ]
    # `'it''s'` folds to `??` as on the fast path, so both paths agree. A backslash
    # that ends the text ends the string too, so the branch cannot fail.
    if lex.backslash_escapes:
        branches.append(rb"(?<=')(?:[^'\\]++|\\.)*+(?:'|\\?\Z)")
    else:
        branches.append(rb"(?<=[eE]')(?:[^'\\]++|\\.)*+(?:'|\\?\Z)")
        branches.append(rb"(?<=')[^']*+(?:'|\Z)")
    first = b"-/\"`\\[;'"
    if lex.hash_comments:
        # not Joomla's `#__users` table prefix: it names a table (a `#` glued to a word
        # is a comment); the branch then fails after reading three bytes
        branches.append(rb"(?<=\#)(?:(?<=[\w#]\#)|(?!__[^\W_]))[^\n]*+")
        first += b"#"
    if lex.dollar_quotes:
        branches.append(rb"(?<=\$)(?P<tag>(?:[A-Za-z_]\w*+)?)\$.*?(?:\$(?P=tag)\$|\Z)")
        first += b"$"
    return re.compile(b"[" + first + b"](?:" + b"|".join(branches) + b")", re.S)


_COMMENT_START = frozenset(b"-/#")
_KEPT_START = frozenset(b'"`[')


class Fingerprinter:
    """Fingerprints statements of one dialect; cheap to build, safe to share in a process."""

    def __init__(self, dialect: str | None = None) -> None:
        self.lexis = lexis(dialect)
        self._special = _special_pattern(self.lexis)
        self._hash = self.lexis.hash_comments

    def needs_tokens(self, stmt: bytes) -> bool:
        """Tell whether the statement holds a comment, quoted name or escape (slow path)."""
        return (
            b'"' in stmt
            or b"--" in stmt
            or b"/*" in stmt
            or b"`" in stmt
            or b"\\" in stmt
            or (self._hash and b"#" in stmt)
            or (b"$" in stmt and _DOLLAR_QUOTE.search(stmt) is not None)
            or (b"[" in stmt and b"]" in stmt)
        )

    def fingerprint(self, stmt: bytes) -> bytes:
        """The normalised shape of one statement."""
        if self.needs_tokens(stmt):
            return self._finish(b"".join(self._tokens(stmt)))
        if _fold is not None:
            return self._finish(_fold(stmt))
        return self._finish(_FAST_LITERAL.sub(b"?", stmt).lower())

    def fingerprint_text(self, stmt: str) -> bytes:
        """`fingerprint` of a str statement."""
        return self.fingerprint(stmt.encode("utf-8", "surrogatepass"))

    @staticmethod
    def _finish(s: bytes) -> bytes:
        if b"  " in s or b"\t" in s or b"\n" in s or b"\r" in s or b"\f" in s or b"\v" in s:
            s = b" ".join(s.split())
        s = s.strip().rstrip(b"; ")
        if b"??" in s:  # 'it''s' is one string: two adjacent pieces fold to one
            s = _ADJACENT.sub(b"?", s)
        if b"?," in s or b"? ," in s:
            s = _IN_LIST.sub(b"(?)", s)
            if b"(?)," in s or b"(?) ," in s:
                s = _ROWS.sub(b"(?)", s)
        return s

    def _tokens(self, stmt: bytes) -> list[bytes]:
        out: list[bytes] = []
        pos = 0
        fold = _fold or _fold_re
        for m in self._special.finditer(stmt):
            start = m.start()
            if start > pos:
                out.append(fold(stmt[pos:start]))
            first = stmt[start]
            if first in _COMMENT_START:
                out.append(b" ")
            elif first in _KEPT_START:
                out.append(m.group())
            elif first == 0x3B:  # ;
                out.append(b";")
            else:
                out.append(b"?")
            pos = m.end()
        if pos < len(stmt):
            out.append(fold(stmt[pos:]))
        return out

    def split(self, line: bytes) -> list[tuple[int, bytes]]:
        """Statements of one log line separated by `;` (offset in the line, text).

        Semicolons inside strings, identifiers and comments do not split.
        """
        body = line.rstrip()
        if b";" not in body.rstrip(b"; \t"):
            return [(0, body)] if body.strip(b"; \t") else []
        pieces: list[tuple[int, bytes]] = []
        start = 0
        for m in self._special.finditer(body):
            if body[m.start()] == 0x3B:  # ;
                pieces.append((start, body[start : m.start()]))
                start = m.end()
        pieces.append((start, body[start:]))
        return [(off, text) for off, text in pieces if text.strip(b" \t;")]
