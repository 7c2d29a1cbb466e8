"""Which statements of a schema file cnsnt knows, so that one it does not is reported.

A dump holds much besides schema: SET, LOCK/UNLOCK TABLES, INSERT, USE, GRANT, BEGIN and
COMMIT, CREATE INDEX/SEQUENCE/FUNCTION, the pieces of routine bodies (`END`)... Those hold
no columns and are skipped without a word. A statement cnsnt does *not know* is reported
(CN001) instead, because it may be a schema statement with a typo (`CREATE TABL users
(...)`). Judged from the first tokens alone (nothing is parsed, so INSERT data never is),
a statement is not known when:

1. its first word starts no statement: it is neither in `STATEMENT_WORDS` (the words that
   begin a statement in the SQL references of MySQL/MariaDB, PostgreSQL, SQL Server,
   Oracle, SQLite, Snowflake and BigQuery: one list for all, so a typo is judged the same
   in every dialect, and a statement of another dialect is not taken for one) nor a token
   the dialect's sqlglot parser starts a statement with (`SELEC * FROM t`, `CRATE TABLE`),
   and the statement is not a piece of a routine body cut off at a `;` (`v NUMBER`,
   `v := 1`, `pkg.proc(1)`: a name, then a type, `:=`, `%TYPE` or a call; or `NULL`,
   a `<<label>>` or a `WHEN ... THEN ...` branch);
2. it is CREATE, ALTER or DROP and the word after it is neither a kind of object (in
   `OBJECT_WORDS`, or a token the dialect's sqlglot parser creates, its `CREATABLES`) nor a
   modifier that may stand before one (`CREATE TABL users (...)`, `ALTER TABEL t ...`).

In Oracle SQL, what follows the start of a PL/SQL unit (`opens_plsql_unit`) up to the
`/` line that ends it, or to the end of the file when none does (as SQL*Plus reads it),
is pieces of that unit, not statements (`CURSOR c IS ...`, `PROCEDURE p;` in a package):
`SchemaBuilder` keeps them silent. A statement no unit holds (CREATE, ALTER, DROP, GRANT,
REVOKE, COMMENT, RENAME: `outside_plsql_units`) ends a unit early, so that a unit whose
`/` is missing hides no typo in the statements after it.

It is an error (a table or its columns may be lost) when TABLE or VIEW is among its first
words (`CRATE TABLE t (...)`, `CREATE GLOBL TABLE t (...)`) or a CREATE or ALTER is
followed by a misspelt one (`CREATE TABL t (...)`, `ALTER TABEL t`); else a warning
(`SELEC * FROM t`, `CREATE NOTEBOK nb`): a CREATE or ALTER of some other kind of object
holds no columns, and one cnsnt does not list must not fail CI on a correct schema.
"""

from __future__ import annotations

import difflib

from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_result import DDLProblem
from cnsnt.sql.ddl_split import Statement, keyword
from cnsnt.sql.ddl_text import keywords, shorten
from cnsnt.sql.statements import PLSQL_OPENING_WORDS, opens_plsql_block

#: Words that start a statement (or a piece of a routine body split on `;`) in the SQL
#: references of the dialects cnsnt reads; `(` starts a parenthesised query.
STATEMENT_WORDS = keywords(
    """( ABORT ADD ADMINISTER ALTER ANALYSE ANALYZE ASSERT ASSOCIATE ATTACH AUDIT BACKUP
    BEGIN BINLOG BREAK BULK CACHE CALL CASE CATCH CHANGE CHECK CHECKPOINT CHECKSUM CLONE
    CLOSE CLUSTER COMMENT COMMIT CONTINUE COPY CREATE DBCC DEALLOCATE DECLARE DELETE DENY
    DESC DESCRIBE DETACH DISABLE DISASSOCIATE DISCARD DO DROP ELSE ELSEIF ELSIF ENABLE END
    EXCEPTION EXEC EXECUTE EXIT EXPLAIN EXPORT FETCH FLASHBACK FLUSH FOR FOREACH FROM GET
    GOTO GRANT HANDLER HELP IF IMPORT INSERT INSTALL ITERATE KILL LEAVE LIST LISTEN LOAD
    LOCK LOOP LS MERGE MOVE NOAUDIT NOTIFY OPEN OPTIMIZE PRAGMA PREPARE PRINT PURGE PUT
    RAISE RAISERROR READTEXT REASSIGN RECONFIGURE REFRESH REINDEX RELEASE REMOVE RENAME
    REPAIR REPEAT REPLACE RESET RESIGNAL RESTART RESTORE RETURN REVERT REVOKE RM ROLLBACK
    SAVE SAVEPOINT SECURITY SELECT SET SETUSER SHOW SHUTDOWN SIGNAL START STOP TABLE
    THROW TRUNCATE TRY UNCACHE UNDROP UNINSTALL UNLISTEN UNLOCK UNSET UPDATE UPDATETEXT
    UPSERT USE VACUUM VALUES WAITFOR WHILE WITH WRITETEXT XA"""
)

#: Words that may follow CREATE, ALTER or DROP: the kinds of object of those references
#: (and Firebird's GENERATOR, EXCEPTION, SHADOW; Snowflake's PASSWORD/AUTHENTICATION/
#: AGGREGATION/PROJECTION POLICY, COMPUTE POOL, DATA METRIC FUNCTION, IMAGE/GIT REPOSITORY,
#: NOTEBOOK, STREAMLIT, SEMANTIC VIEW; PostgreSQL's ROUTINE; Oracle's PROPERTY GRAPH),
#: the words of multi-word ones (`FOREIGN DATA WRAPPER`, `XML SCHEMA COLLECTION`) and the
#: modifiers that may come first (`OR REPLACE`, `UNIQUE`, MySQL's `DEFINER=`...).
OBJECT_WORDS = keywords(
    """ACCESS ACCOUNT AGGREGATE AGGREGATION ALERT ALGORITHM ALTER ANALYTIC API APPLICATION
    ARCHIVE ASSEMBLY ASSIGNMENT ASYMMETRIC ATTRIBUTE AUDIT AUTHENTICATION AUTHORIZATION
    AVAILABILITY BITMAP BODY BROKER CAPACITY
    CAST CATALOG CERTIFICATE CLUSTER CLUSTERED COLLATION COLUMN COLUMNSTORE COMPUTE CONNECTION
    CONSTRAINT CONTEXT CONTRACT CONTROLFILE CONVERSION CREDENTIAL CRYPTOGRAPHIC DATA DATABASE
    DEFAULT DEFINER DIMENSION DIRECTORY DISKGROUP DOMAIN DYNAMIC EDITION EDITIONABLE
    EDITIONING ENCRYPTION ENDPOINT EVENT EXCEPTION EXTENSION EXTERNAL FAILOVER FILE FLASHBACK
    FORCE FOREIGN FULLTEXT FUNCTION GENERATOR GIT GLOBAL GRAPH GROUP HIERARCHY HYBRID ICEBERG
    IF IGNORE IMAGE INDEX
    INDEXTYPE INMEMORY INSTANCE INTEGRATION JAVA KEY LANGUAGE LARGE LIBRARY LOCAL LOCKDOWN
    LOGFILE LOGIN MACRO MASKING MASTER MATERIALIZED MESSAGE METHOD METRIC MODEL MONITOR
    NETWORK NOFORCE NONCLUSTERED NONEDITIONABLE NONEDITIONING NOTEBOOK NOTIFICATION OFFLINE
    ONLINE ONLY OPERATOR OR ORGANIZATION OUTLINE OWNED PACKAGE PARTITION PASSWORD PFILE PIPE
    PLUGGABLE POLICY POOL
    PRIMARY PROC PROCEDURAL PROCEDURE PROFILE PROJECTION PROPERTY PUBLIC PUBLICATION QUEUE
    RECURSIVE REMOTE REPLICATION REPOSITORY RESERVATION RESOURCE RESTORE ROLE ROLLBACK ROUTE
    ROUTINE ROW RULE SCHEMA SEARCH
    SECRET SECURE SECURITY SELECTIVE SEMANTIC SEQUENCE SERVER SERVICE SESSION SHADOW SHARE
    SNAPSHOT SPATIAL SPFILE SQL STAGE STATISTICS STORAGE STREAM STREAMLIT SUBSCRIPTION
    SYMMETRIC SYNONYM
    SYSTEM TABLE TABLESPACE TAG TASK TEMP TEMPORARY TEXT TRANSFORM TRANSIENT TRIGGER
    TRUSTED TYPE UNDO UNIQUE UNLOGGED USER VECTOR VIEW VIRTUAL VOLATILE WAREHOUSE WORKLOAD
    XML"""
)

_CHANGES = keywords("CREATE ALTER DROP")
_HOLDS_SCHEMA = keywords("CREATE ALTER")
#: Words that, among a statement's first words, make it one that may define a table.
_MAY_DEFINE_TABLE = keywords("TABLE VIEW")
#: Query starts sqlglot's parser takes without a statement parser of its own.
_QUERY_STARTS = frozenset({TokenType.SELECT, TokenType.WITH, TokenType.VALUES, TokenType.L_PAREN})
#: Statements no PL/SQL body holds (DDL; reserved words, so no variable is named so).
_OUTSIDE_UNITS = keywords("CREATE ALTER DROP GRANT REVOKE COMMENT RENAME")
_NAMES = frozenset({TokenType.VAR, TokenType.IDENTIFIER})
#: What a routine-body declaration may declare besides a column type (PL/SQL, PL/pgSQL).
_PLSQL_DECLARED = keywords("CONSTANT CURSOR EXCEPTION RECORD REFCURSOR ROWTYPE PLS_INTEGER BINARY_INTEGER")
#: Tokens never quoted in a message: they may be personal data (INSERT values, COPY rows).
_LITERALS = frozenset(
    {
        TokenType.STRING,
        TokenType.NATIONAL_STRING,
        TokenType.NATIONAL_RAW_STRING,
        TokenType.NUMBER,
        TokenType.BIT_STRING,
        TokenType.HEX_STRING,
        TokenType.BYTE_STRING,
        TokenType.RAW_STRING,
        TokenType.HEREDOC_STRING,
        TokenType.UNICODE_STRING,
    }
)


def unknown_statement(stmt: Statement, dia: Dialect) -> DDLProblem | None:
    """The problem for a statement that holds no known schema and that cnsnt does not know.

    None for the statements a dump legitimately holds (see the module docstring).
    """
    tokens = stmt.tokens
    if not tokens:
        return None
    first = keyword(tokens[0])
    if first in _CHANGES:
        if len(tokens) > 1 and _is_object_kind(tokens[1], dia):
            return None
    elif first in STATEMENT_WORDS or _starts_statement(tokens[0], dia) or _body_piece(tokens, dia):
        return None
    words = [keyword(t) for t in tokens[:6]]
    # `CREATE TABL t (...)`, `ALTER TABEL t`: a misspelt TABLE or VIEW loses a table
    misspelt = first in _HOLDS_SCHEMA and len(words) > 1 and _looks_like_table(words[1])
    may_hold = misspelt or not _MAY_DEFINE_TABLE.isdisjoint(words)
    return DDLProblem(
        stmt.offset,
        f"statement not understood, skipped: {_head(stmt)}",
        may_hold_schema=may_hold,
        not_understood=True,
    )


def _looks_like_table(word: str) -> bool:
    """Whether a word is close enough to TABLE or VIEW to be one misspelt (`TABL`, `VEIW`)."""
    return bool(difflib.get_close_matches(word, sorted(_MAY_DEFINE_TABLE), n=1, cutoff=0.75))


def opens_plsql_unit(tokens: list[Token]) -> bool:
    """Whether a statement opens a PL/SQL unit (`opens_plsql_block`: Oracle runs it up to a `/` line).

    Unless its body is quoted (`AS $$`, `AS '...'`: a PostgreSQL routine, which no `/`
    ends, so it must not hide the rest of the file).
    """
    words = [keyword(t) for t in tokens[:PLSQL_OPENING_WORDS]]
    return opens_plsql_block(words) and not (words[0] == "CREATE" and _quoted_body(tokens))


def outside_plsql_units(tokens: list[Token]) -> bool:
    """Whether a statement cannot be a piece of a PL/SQL unit, so it ends one no `/` ended."""
    return bool(tokens) and keyword(tokens[0]) in _OUTSIDE_UNITS


def _quoted_body(tokens: list[Token]) -> bool:
    """Whether a routine's body after AS/IS is a string or dollar-quoted (`$$`, `$body$`)."""
    for tok, nxt in zip(tokens, tokens[1:], strict=False):
        if keyword(tok) in ("AS", "IS"):
            return nxt.token_type in _LITERALS or nxt.text.startswith("$")
    return False


def _is_object_kind(token: Token, dia: Dialect) -> bool:
    """Whether a token after CREATE/ALTER/DROP names a kind of object or a modifier.

    `CREATABLES` is the public class attribute each sqlglot dialect's parser extends with
    the kinds it creates (Snowflake's `SEMANTIC VIEW`, RisingWave's `SINK`).
    """
    return keyword(token) in OBJECT_WORDS or token.token_type in dia.parser_class.CREATABLES


def _starts_statement(token: Token, dia: Dialect) -> bool:
    """Whether the dialect's sqlglot parser starts a statement with this token."""
    kind = token.token_type
    return (
        kind in _QUERY_STARTS
        or kind in dia.parser_class.STATEMENT_PARSERS
        or kind in dia.tokenizer_class.COMMANDS
    )


def _body_piece(tokens: list[Token], dia: Dialect) -> bool:
    """Whether a statement is a piece of a routine body that `;` cut off, not a statement.

    A PL/SQL or T-SQL body is split on its `;` like any text: `v NUMBER`, `r RECORD`,
    `v t.c%TYPE` (a declaration), `v := 1`, `:new.id := s.nextval` (an assignment) and
    `pkg.proc(...)` (a call) are its pieces, and start with a name, not a statement word;
    so are PL/SQL's `NULL` (a statement), `<<label>> ...` and an exception or CASE branch
    cut off after the `;` of the one before it (`WHEN OTHERS THEN RAISE`).
    """
    head = tokens[:8]
    kinds = [t.token_type for t in head]
    if kinds == [TokenType.NULL]:
        return True
    if kinds[:2] == [TokenType.LT, TokenType.LT] and len(kinds) >= 5 and kinds[2] in _NAMES:
        return kinds[3:5] == [TokenType.GT, TokenType.GT]
    if keyword(head[0]) == "WHEN":
        return any(t.token_type == TokenType.THEN for t in tokens[1:])
    start = 1 if kinds[0] == TokenType.COLON else 0  # `:new.id` (a trigger's row)
    if len(head) < start + 2 or kinds[start] not in _NAMES:
        return False
    i = _past_dots(kinds, start + 1)  # past a dotted name
    if i < len(head) and kinds[i] == TokenType.COLON_EQ:  # `v := 1`, `:new.id := s.nextval`
        return True
    if start:
        return False
    if i == 1 and (head[1].token_type in dia.parser_class.TYPE_TOKENS or keyword(head[1]) in _PLSQL_DECLARED):
        return True  # `v NUMBER`, `r RECORD`
    if i == 1 and len(head) >= 4 and kinds[1] in _NAMES:
        j = _past_dots(kinds, 2)  # `r person%ROWTYPE`, `v t.c%TYPE`: whose type it takes
        if j + 1 < len(head) and kinds[j] == TokenType.MOD and keyword(head[j + 1]) in ("TYPE", "ROWTYPE"):
            return True
    return i > 1 and (i == len(tokens) or kinds[i] == TokenType.L_PAREN)  # `pkg.proc(...)`


def _past_dots(kinds: list[TokenType], i: int) -> int:
    """The index after a name's `.part`s from `i` on (`pkg.proc`, `t.c`)."""
    while i + 1 < len(kinds) and kinds[i] == TokenType.DOT and kinds[i + 1] in _NAMES:
        i += 2
    return i


def _head(stmt: Statement) -> str:
    """The statement's first words as a message quotes them, never a literal (data).

    Each word's own token text, spaced once: the source between them may hold a comment,
    and a comment may hold personal data (`INSRT /* ann@example.com */ INTO ...`).
    """
    shown: list[Token] = []
    for tok in stmt.tokens[:4]:
        if tok.token_type in _LITERALS or (shown and tok.token_type == TokenType.L_PAREN):
            break
        shown.append(tok)
    if not shown:
        return "a statement that starts with a literal value"
    text = shorten(" ".join(tok.text for tok in shown), 60)
    more = " …" if len(shown) < len(stmt.tokens) else ""
    return f"`{text}{more}`"
