"""Whether a text file holds SQL queries: what init names a folder of `.txt` statements by.

A project kept its application's statements as `SQL_Statements/*.txt` (review33 R33b):
init proposes no `.txt` file (most are prose, licences, requirements), so that folder was
passed over in silence. A few statements of a small file are parsed to tell: queries are
SELECT ... FROM, INSERT ... VALUES or a query, UPDATE ... SET and DELETE FROM (a `WITH`, a
`UNION`), never a sentence that starts with one of those words; transaction control and
settings (`START TRANSACTION`, `COMMIT`, `SET`) count neither way. A view on tables
(`CREATE VIEW ... AS SELECT ... FROM`) and a routine that runs a query (a T-SQL `CREATE
PROCEDURE` that inserts a patient, read as the audit reads stored code) count as queries
too: a clinic kept its views and procedures as `View y SP/*.txt` (trial39), which the
audit reads under `queries:` and init passed over in silence.
"""

from __future__ import annotations

from itertools import islice

from sqlglot import exp

from cnsnt.sql.note_comments import blank_note_text
from cnsnt.sql.routine_bodies import defines_routine, read_routine
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
#: English words sqlglot reads as a table's name in a sentence (`Select a user from the
#: list` is `SELECT a AS user FROM the AS list`): no application names a table so.
_PROSE_TABLES = frozenset(
    {"the", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her", "each", "every"}
)


def query_statements(text: str, sample: int = 16, *, notes: bool = False) -> tuple[int, int]:
    """(statements judged, queries among them) of the first `sample` statements of `text`.

    Parsed in no dialect (sqlglot's default reads `?` placeholders and `--x--` comments,
    which MySQL would not); a statement that does not parse counts against. A text with
    none of the query words is not parsed at all. `notes`: the text is a `.txt` note, whose
    `//` lines are comments (`note_comments`).
    """
    if notes:
        text = blank_note_text(text)
    upper = text.upper()
    if not any(word in upper for word in _QUERY_WORDS):
        return 0, 0
    judged = queries = 0
    for stmt in islice(split_statements([text]), sample):
        words = stmt.text.split(maxsplit=1)
        if not words or words[0].upper() in _FRAMING:
            continue
        judged += 1
        if _runs_queries(stmt.text):
            queries += 1
    return judged, queries


def _runs_queries(text: str) -> bool:
    """Whether a statement is a query, a view on tables, or a routine whose body runs one."""
    if defines_routine(text, None):
        return any(_is_query(embedded.text) for embedded in read_routine(text, None, 1, 1).statements)
    return _is_query(text)


def _is_query(text: str) -> bool:
    """Whether a statement's text parses (in no dialect) to queries on tables only."""
    parsed = parse_statements(text, None)
    return isinstance(parsed, list) and bool(parsed) and all(_query_shape(t) for t in parsed)


def _query_shape(tree: exp.Expr) -> bool:
    """Whether a parsed statement is a query on tables, not a sentence that starts with its word.

    A SELECT with a FROM, an INSERT of VALUES or of a query, an UPDATE with a SET, a DELETE
    FROM; of a UNION, one side so. sqlglot reads a to-do line as SQL (`Delete old entries
    from the archive` is `DELETE old AS entries FROM the AS archive`), which named a
    to-do list as queries (codereview28 F11); a table named `the` is such a sentence too.
    """
    if any(table.name.lower() in _PROSE_TABLES for table in tree.find_all(exp.Table)):
        return False
    if isinstance(tree, exp.SetOperation):
        return _query_shape(tree.left) or _query_shape(tree.right)
    if isinstance(tree, exp.Create):  # a view reads what its query reads
        return str(tree.args.get("kind") or "").upper() == "VIEW" and _query_shape(tree.expression)
    if isinstance(tree, exp.Select):
        return tree.find(exp.From) is not None
    if isinstance(tree, exp.Insert):
        return isinstance(tree.expression, (exp.Values, *_QUERIES))
    if isinstance(tree, exp.Update):
        return isinstance(tree.this, exp.Table) and bool(tree.expressions)
    if isinstance(tree, exp.Delete):
        return isinstance(tree.this, exp.Table)
    return False


def holds_queries(text: str) -> bool:
    """Whether most statements of a `.txt` note are queries (SELECT, INSERT, ...), views or routines."""
    judged, queries = query_statements(text, notes=True)
    return queries > 0 and queries * 2 > judged
