"""Whether a text file holds SQL queries: what init names a folder of `.txt` statements by.

A project kept its application's statements as `SQL_Statements/*.txt` (review33 R33b):
init proposes no `.txt` file (most are prose, licences, requirements), so that folder was
passed over in silence. A few statements of a small file are parsed to tell: queries are
SELECT, INSERT, UPDATE and DELETE (a `WITH`, a `UNION`); transaction control and settings
(`START TRANSACTION`, `COMMIT`, `SET`) count neither way.
"""

from __future__ import annotations

from itertools import islice

from sqlglot import exp

from cnsnt.sql.statements import split_statements
from cnsnt.sql.uses import parse_statements

#: What a query statement parses to (a `WITH ... SELECT` is a Select, `UNION` a SetOperation).
_QUERIES = (exp.Select, exp.SetOperation, exp.Insert, exp.Update, exp.Delete)
#: First words of statements that frame queries rather than are some: neither for nor
#: against (sqlglot's default dialect reads `START TRANSACTION` as an alias, so by word).
_FRAMING = frozenset(
    {"START", "BEGIN", "COMMIT", "ROLLBACK", "END", "SET", "USE", "SAVEPOINT", "RELEASE", "LOCK", "UNLOCK"}
)
#: Words one of which a file of queries holds, upper case: a cheap look before parsing.
_QUERY_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE")


def query_statements(text: str, sample: int = 16) -> tuple[int, int]:
    """(statements judged, queries among them) of the first `sample` statements of `text`.

    Parsed in no dialect (sqlglot's default reads `?` placeholders and `--x--` comments,
    which MySQL would not); a statement that does not parse counts against. A text with
    none of the query words is not parsed at all.
    """
    upper = text.upper()
    if not any(word in upper for word in _QUERY_WORDS):
        return 0, 0
    judged = queries = 0
    for stmt in islice(split_statements([text]), sample):
        words = stmt.text.split(maxsplit=1)
        if not words or words[0].upper() in _FRAMING:
            continue
        judged += 1
        parsed = parse_statements(stmt.text, None)
        if isinstance(parsed, list) and parsed and all(isinstance(t, _QUERIES) for t in parsed):
            queries += 1
    return judged, queries


def holds_queries(text: str) -> bool:
    """Whether most statements of a text are queries (SELECT, INSERT, UPDATE, DELETE)."""
    judged, queries = query_statements(text)
    return queries > 0 and queries * 2 > judged
