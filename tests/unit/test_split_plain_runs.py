"""The statement splitter adds a run of plain text inside a statement at once (`_run_pattern`).

Its result must be the one of reading the run token by token: these tests read the same
text with the run reader switched off (its pattern then never matches) and compare.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnsnt.sql import statements
from cnsnt.sql.statements import RawStatement, split_statements

#: Pieces of SQL, with the ones the run reader must stop at: `/` and `GO` lines, block
#: openers, DELIMITER lines, comments, quotes.
PIECES = [
    "SELECT",
    "INSERT INTO t VALUES (1, 'a', 2)",
    "email",
    "FROM",
    "WHERE",
    "=",
    "1",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    ";",
    "'",
    "''",
    "\\'",
    "E'",
    "e'",
    '"',
    '""',
    "`",
    "--",
    "-",
    "/*",
    "*/",
    "/",
    "\n/\n",
    "#",
    "$$",
    "$fn$",
    "GO",
    "\nGO\n",
    "\n  go 2\n",
    "CREATE",
    "OR REPLACE",
    "PROCEDURE p",
    "FUNCTION f",
    "TRIGGER t",
    "BEGIN",
    "DECLARE",
    "@v",
    "END;",
    "DELIMITER $$\n",
    "DELIMITER ;\n",
    "END$$",
    "(a, b)",
    "x,y",
    "\u00e9",
    "\\connect x\n",
    "SET DEFINE OFF\n",
    "COPY t FROM stdin;\n",
    "\\.\n",
]
DIALECTS = [None, "mysql", "postgres", "tsql", "oracle", "sqlite"]
_NEVER = re.compile(r"(?!)")


def _token_by_token(
    chunks: list[str], dialect: str | None, max_chars: int, routines: bool
) -> list[RawStatement]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(statements, "_run_pattern", lambda lex, one_line: _NEVER)
        return list(split_statements(chunks, dialect, max_chars, routines=routines))


def _chunks(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=40).map("".join),
    st.sampled_from(DIALECTS),
    st.sampled_from([1, 7, 64, 100000]),
    st.sampled_from([0, 12]),
    st.booleans(),
)
@example("CREATE OR REPLACE PROCEDURE p AS BEGIN x := 1; END;\n/\nSELECT 1 FROM dual;", "oracle", 9, 0, True)
@example("INSERT INTO t VALUES (1)\nGO\nINSERT INTO t VALUES (2)\n  GO\n", "tsql", 5, 0, True)
@example("SELECT a,  b\n FROM t WHERE x = 'y;z' -- c;\n AND 1=1;", "mysql", 100000, 0, False)
@example("SELECT x FROM t WHERE a = E'it\\';s' AND b = 'c;d';\nSELECT 2;", "postgres", 3, 0, False)
@example("SELECT E'open\\';\nSELECT 2", "postgres", 100000, 0, False)
@example("SELECT \"ab\"\"c;d\" , 'e''f;g' FROM t;\nSELECT 2;", None, 4, 0, True)
def test_runs_read_as_their_tokens_one_by_one(
    text: str, dialect: str | None, size: int, max_chars: int, routines: bool
) -> None:
    slow = _token_by_token(_chunks(text, size), dialect, max_chars, routines)
    fast = list(split_statements(_chunks(text, size), dialect, max_chars, routines=routines))
    assert fast == slow


def test_a_go_line_after_a_long_plain_line_still_ends_the_batch() -> None:
    text = "INSERT INTO people VALUES (1, 2, 3, 4, 5, 6, 7, 8, 9)\nGO\nDELETE FROM people\n"
    got = [s.text for s in split_statements([text], "tsql")]
    assert got == ["INSERT INTO people VALUES (1, 2, 3, 4, 5, 6, 7, 8, 9)", "DELETE FROM people"]


def test_a_plsql_unit_named_after_long_modifiers_is_still_one_block() -> None:
    text = (
        "CREATE OR REPLACE EDITIONABLE PROCEDURE keep_people (a IN NUMBER, b IN NUMBER) AS\n"
        "BEGIN\n  UPDATE people SET a = a + 1, b = b;\n  DELETE FROM people;\nEND;\n/\nSELECT 1 FROM dual;\n"
    )
    got = list(split_statements([text], "oracle"))
    assert [s.plsql_block for s in got] == [True, False]
    assert got[0].text.endswith("END;")
