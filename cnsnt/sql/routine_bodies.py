"""The SQL statements inside stored code, each to be audited like a query.

A PL/SQL block or unit, a PL/pgSQL (or SQL-language) function body, a T-SQL or MySQL
routine mixes procedural code (variables, IF, LOOP, exception handlers) with ordinary
SELECT/INSERT/UPDATE/DELETE/MERGE statements, which read and write the columns an
audit is about: a procedure that selects `patients.diagnosis` for an export must be
seen like the same SELECT in a query file. sqlglot cannot parse the procedural code,
so the body is walked with sqlglot's tokenizer for the dialect: a data statement
starts where a statement may start (after `;`, BEGIN, THEN, LOOP, `CURSOR c IS`,
`FOR r IN (`) and ends at its `;` at nesting depth 0 (or the `)` or LOOP that closes
a cursor loop's query; in T-SQL, where `;` is optional, also where the next statement
starts). Each is returned with its own place and a text that the query reader parses
like any query: `SELECT ... INTO variables` loses its INTO (PL/SQL, PL/pgSQL, MySQL:
variables, not a table), and the routine's parameters and variables become bind
parameters (`:name`), not columns no table has. Dynamic SQL (`EXECUTE IMMEDIATE`)
cannot be read and is named once at its place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import TokenError
from sqlglot.tokenizer_core import Token, TokenType
from sqlglot.tokens import Tokenizer

from cnsnt.blanks import blanks
from cnsnt.sql.ddl_split import Statement, alter_target, classify, dotted_name, tokenize_statements
from cnsnt.sql.statements import GO_DIALECTS, MYSQL_DIALECTS


@dataclass(frozen=True)
class Embedded:
    """A data statement inside a routine: its place in the file and the text to parse."""

    line: int
    column: int
    text: str


@dataclass(frozen=True)
class Unread:
    """Something inside a routine that runs SQL no reader can see (dynamic SQL)."""

    line: int
    column: int
    reason: str


@dataclass
class Routine:
    """What a routine's body holds, or why it could not be walked."""

    kind: str
    """How the report names it: `PL/SQL block`, `routine`."""
    statements: list[Embedded] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    failure: str | None = None
    """Why the body could not be walked at all (then nothing inside was read)."""


#: Words that start a data statement.
_DML = frozenset({"SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE"})
_QUERY = frozenset({"SELECT", "WITH"})
#: Words that end a FROM list at their depth (a comma after them names no table).
_FROM_ENDS = frozenset(
    {"WHERE", "GROUP", "HAVING", "ORDER", "UNION", "EXCEPT", "INTERSECT", "SELECT", "SET",
     "VALUES", "OUTPUT", "OPTION", "WINDOW", "INTO"}
)
#: After these a procedural statement starts: any data statement may follow.
_ANY_AFTER = frozenset({"", ";", "BEGIN", "THEN", "ELSE", "LOOP", "DO", "REPEAT", ">>", "ROW", "ATOMIC"})
_STARTS_AFTER = _ANY_AFTER - {""}  # ("" is the word of a quoted name)
#: After these a query may follow (`CURSOR c IS SELECT`, `FOR r IN (SELECT`, `OPEN c FOR SELECT`,
#: `RETURN QUERY SELECT`), but not an INSERT (`FOR INSERT`, a T-SQL trigger's event).
_QUERY_AFTER = frozenset({"IS", "AS", "FOR", "IN", "(", "QUERY"})
#: Statements that end the data statement before them (T-SQL: `;` is optional there).
_STATEMENT_WORDS = frozenset(
    {
        "DECLARE",
        "IF",
        "ELSE",
        "BEGIN",
        "END",
        "WHILE",
        "RETURN",
        "PRINT",
        "RAISERROR",
        "THROW",
        "OPEN",
        "CLOSE",
        "DEALLOCATE",
        "COMMIT",
        "ROLLBACK",
        "GOTO",
        "BREAK",
        "CONTINUE",
        "TRUNCATE",
        "CREATE",
        "DROP",
        "ALTER",
        "GO",
        "USE",
        "WAITFOR",
        "SAVE",
    }
)
#: Tokens whose text is data or a quoted name, never a keyword.
_LITERALS = frozenset(
    getattr(TokenType, name)
    for name in (
        "STRING",
        "IDENTIFIER",
        "NATIONAL_STRING",
        "RAW_STRING",
        "HEREDOC_STRING",
        "BIT_STRING",
        "HEX_STRING",
        "BYTE_STRING",
        "UNICODE_STRING",
        "NUMBER",
    )
    if hasattr(TokenType, name)
)
#: Declaration words that name no variable (`CURSOR c IS`, `TYPE t IS`).
_NOT_VARIABLES = frozenset(
    {
        "CURSOR",
        "TYPE",
        "SUBTYPE",
        "PRAGMA",
        "PROCEDURE",
        "FUNCTION",
        "END",
        "BEGIN",
        "IF",
        "LOOP",
        "WHILE",
        "FOR",
        "CASE",
        "RETURN",
        "EXCEPTION",
        "NULL",
        "IN",
        "OUT",
        "INOUT",
        "NOCOPY",
        "CONTINUE",
        "EXIT",
        "HANDLER",
        "CONDITION",
        "DECLARE",
        "CONSTANT",
    }
)
#: Tokens right before a name that make it no keyword (`@update`, `:new`, `t.delete`).
_NAME_PREFIXES = frozenset(
    getattr(TokenType, name) for name in ("PARAMETER", "COLON", "DOT") if hasattr(TokenType, name)
)
#: Words before a table's name: a name there is no variable.
_TABLE_BEFORE = frozenset({"FROM", "JOIN", "INTO", "UPDATE", "TABLE", "USING"})
_TSQL = GO_DIALECTS  # one list with the splitter's, which keeps a T-SQL routine to its GO
_MYSQL = MYSQL_DIALECTS
#: Dialects whose routine bodies are string constants (`AS $$ ... $$ LANGUAGE plpgsql`).
_STRING_BODIES = frozenset({"postgres", "redshift", "materialize", "risingwave", "duckdb"})
#: Languages of a string body that hold SQL; C and internal bodies hold none.
_SQL_LANGUAGES = frozenset({"plpgsql", "sql", ""})
_NO_SQL_LANGUAGES = frozenset({"c", "internal"})
#: Opening words of a routine definition (besides Oracle's blocks, told by the splitter).
_ROUTINE_UNITS = frozenset({"FUNCTION", "PROCEDURE", "PROC", "TRIGGER", "EVENT"})
_ROUTINE_MODIFIERS = frozenset(
    {
        "OR",
        "REPLACE",
        "ALTER",
        "EDITIONABLE",
        "NONEDITIONABLE",
        "DEFINER",
        "=",
        "TEMP",
        "TEMPORARY",
        "AGGREGATE",
    }
)


def defines_routine(text: str, dialect: str | None) -> bool:
    """Whether a statement (not an Oracle block) defines stored code whose body holds SQL.

    `CREATE [OR REPLACE | OR ALTER] FUNCTION|PROCEDURE|TRIGGER|EVENT`, T-SQL's `ALTER
    PROCEDURE`, PostgreSQL's `DO $$ ... $$`: cheap, on the opening words only.
    """
    words = text[:400].replace("(", " ( ").split(None, 8)
    if not words:
        return False
    first = words[0].upper()
    if first == "DO":
        return dialect in _STRING_BODIES
    if first not in ("CREATE", "ALTER"):
        return False
    for word in words[1:]:
        upper = word.upper()
        if upper in _ROUTINE_UNITS:
            return True
        if upper not in _ROUTINE_MODIFIERS and not upper.startswith(("DEFINER=", "`", "'")):
            return False
    return False


def read_routine(
    text: str,
    dialect: str | None,
    line: int,
    column: int,
    columns: Mapping[str, frozenset[str]] | None = None,
) -> Routine:
    """The data statements inside one routine or block that starts at `line`:`column`.

    `columns`: the audited tables' column names by table name (lower case): a variable
    named like a column of a table the statement names is left that column, as Oracle
    reads such a name.
    """
    kind = "PL/SQL block" if dialect == "oracle" else "routine"
    try:
        tokens = _tokenize(text, dialect)
    except TokenError:
        return Routine(kind, failure="its text cannot be split into SQL tokens")
    except Exception as exc:  # noqa: BLE001 - a tokenizer bug costs this routine only
        return Routine(kind, failure=f"the SQL tokenizer failed on it ({type(exc).__name__})")
    place = _Places(text, line, column)
    if dialect in _STRING_BODIES:
        return _string_body(text, tokens, dialect, place, columns or {})
    routine = Routine(kind)
    _Walker(text, tokens, dialect, place, columns or {}, routine).walk()
    return routine


def _names_of(text: str, tokens: Sequence[Token], dialect: str | None) -> set[str]:
    """The names a routine's header declares (a PostgreSQL function's parameters)."""
    return _Walker(text, tokens, dialect, _Places(text, 1, 1), {}, Routine("")).names


class _Places:
    """Line and column of an offset into a statement's text."""

    def __init__(self, text: str, line: int, column: int) -> None:
        self.line, self.column = line, column
        self.breaks: list[int] = []
        at = text.find("\n")
        while at >= 0:
            self.breaks.append(at)
            at = text.find("\n", at + 1)

    def at(self, offset: int) -> tuple[int, int]:
        newlines = bisect_left(self.breaks, offset)
        if not newlines:
            return self.line, self.column + offset
        return self.line + newlines, offset - self.breaks[newlines - 1]


@lru_cache(maxsize=16)
def _tokenizer(dialect: str | None) -> tuple[Dialect, type[Tokenizer]]:
    """The dialect's tokenizer without its commands.

    sqlglot reads the rest of a statement after a command word (T-SQL's END and FETCH,
    EXECUTE) as one string, up to the next `;`: in a routine that would swallow the
    statements after `END` or `EXEC proc` (T-SQL needs no `;`).
    """
    dia = Dialect.get_or_raise(dialect)
    return dia, type("RoutineTokenizer", (dia.tokenizer_class,), {"COMMANDS": set()})


def _tokenize(text: str, dialect: str | None) -> list[Token]:
    dia, tokenizer = _tokenizer(dialect)
    return tokenizer(dialect=dia).tokenize(text)


def _word(token: Token) -> str:
    """A token's text upper-cased, or "" for a string, number or quoted name."""
    return "" if token.token_type in _LITERALS else token.text.upper()


def _string_body(
    text: str,
    tokens: Sequence[Token],
    dialect: str | None,
    place: _Places,
    columns: Mapping[str, frozenset[str]],
) -> Routine:
    """A PostgreSQL-style routine: the body is a string constant after AS (or DO)."""
    routine = Routine("routine")
    body, language = _body_token(tokens)
    if body is None:
        # `RETURN expr`, `BEGIN ATOMIC ... END`, or a body written for another dialect
        # (T-SQL's `AS BEGIN ... END`): walked whole, never passed over in silence
        _Walker(text, tokens, dialect, place, columns, routine).walk()
        return routine
    if language in _NO_SQL_LANGUAGES:
        return routine
    if language not in _SQL_LANGUAGES:
        line, col = place.at(body.start)
        routine.unread.append(Unread(line, col, f"routine body in LANGUAGE {language} is not SQL"))
        return routine
    raw = text[body.start : body.end + 1]
    inner = raw.index("$", 1) + 1 if raw.startswith("$") else 1
    start = body.start + inner
    content = text[start : body.end + 1 - inner]
    if raw.startswith("'"):
        # a body in single quotes doubles each quote inside it (old pg_dump output): read
        # as written, ''sec'' broke every statement with a string in it; no line is removed
        content = content.replace("''", "'")
    try:
        inner_tokens = _tokenize(content, dialect)
    except TokenError:
        routine.failure = "its body cannot be split into SQL tokens"
        return routine
    line, col = place.at(start)
    walker = _Walker(content, inner_tokens, dialect, _Places(content, line, col), columns, routine)
    walker.names |= _names_of(text, tokens, dialect)
    walker.walk()
    return routine


def _body_token(tokens: Sequence[Token]) -> tuple[Token | None, str]:
    """A string-bodied routine's body (the string after AS or DO), and its LANGUAGE."""
    body: Token | None = None
    language = ""
    words = [_word(t) for t in tokens]
    for i, token in enumerate(tokens):
        if words[i] == "LANGUAGE" and i + 1 < len(tokens):
            language = tokens[i + 1].text.lower().strip("'\"")
        elif (
            body is None
            and token.token_type in (TokenType.HEREDOC_STRING, TokenType.STRING)
            and (i > 0 and words[i - 1] in ("AS", "DO"))
        ):
            body = token
    return body, language


def body_statements(stmt: Statement, dia: Dialect, dialect: str | None) -> list[Statement]:
    """The schema statements of a PostgreSQL-style routine's body, as DDL statements.

    A function that runs `CREATE VIEW report AS SELECT ...` (or creates a table that is not
    TEMP) makes schema, as the same statement outside it does; so does its `ALTER TABLE`
    (ADD, DROP, RENAME COLUMN, foreign keys) and `COMMENT ON`: migration-style schema files
    wrap them in `DO $$ BEGIN IF NOT EXISTS (...) THEN ALTER TABLE ... END IF; END $$`. The
    DDL reader reads them at their places in the file, each marked `guarded`: the body runs
    under conditions cnsnt does not evaluate, so a column it adds that the table already
    has stays as it was. A TEMP table is the routine's own scratch, and so are the
    ALTERs and COMMENTs of it. Only a dollar-quoted body (or DO block): one in single
    quotes doubles its quotes, so its text is not the SQL.
    """
    tokens = stmt.tokens
    if dialect not in _STRING_BODIES or not tokens or _word(tokens[0]) not in ("CREATE", "DO"):
        return []
    head = stmt.sql[tokens[0].start : tokens[0].start + 400]
    if not defines_routine(head, dialect):
        return []
    body, language = _body_token(tokens)
    if body is None or language not in _SQL_LANGUAGES:
        return []
    # a dollar-quoted string; after DO, the tokenizer's command text, which holds the quotes
    raw = stmt.sql[body.start : body.end + 1]
    tag = raw[: raw.find("$", 1) + 1] if raw.startswith("$") else ""
    close = raw.rfind(tag) if tag else -1
    if close < len(tag):
        return []
    start = body.start + len(tag)
    found = []
    scratch: set[str] = set()  # the body's TEMP tables, by name
    for piece in tokenize_statements(stmt.sql[start : body.start + close], dia):
        kind = classify(piece.tokens) if piece.error is None else None
        if kind in ("table", "view") and _temporary(piece.tokens):
            scratch.add(_created_name(piece.tokens))
            continue
        if kind in ("alter", "comment"):
            if scratch & _changed_names(piece.tokens, kind):
                continue
        elif not (kind == "view" or (kind == "table" and _column_list(piece.tokens))):
            continue
        piece.base += stmt.base + start  # its place in the file
        piece.guarded = True
        found.append(piece)
    return found


def _created_name(tokens: Sequence[Token]) -> str:
    """The name (last part, folded) a CREATE TABLE or VIEW gives."""
    words = [_word(t) for t in tokens]
    at = next((i for i, w in enumerate(words) if w in ("TABLE", "VIEW")), len(words)) + 1
    if words[at : at + 3] == ["IF", "NOT", "EXISTS"]:
        at += 3
    name, _ = dotted_name(list(tokens), at)
    return name[-1].strip('"').casefold() if name else ""


def _changed_names(tokens: Sequence[Token], kind: str) -> set[str]:
    """The names (folded) an ALTER TABLE or COMMENT ON may mean its table by."""
    name = alter_target(list(tokens))[0] if kind == "alter" else dotted_name(list(tokens), 3)[0]
    return {part.strip('"').casefold() for part in name}


def _column_list(tokens: Sequence[Token]) -> bool:
    """Whether a CREATE TABLE lists its columns (not `AS SELECT`, `LIKE t`, `PARTITION OF t`).

    A routine's table copied from a query or another table is its working copy: what it
    copies is read by the routine's statement (CREATE TABLE AS), and its columns cannot be
    told from the file, which the DDL reader would report for each.
    """
    depth = 0
    opened = False
    for token in tokens:
        kind = token.token_type
        if kind == TokenType.L_PAREN:
            depth += 1
            opened = True
        elif kind == TokenType.R_PAREN:
            depth -= 1
        elif _word(token) in (("AS", "PARTITION") if depth == 0 else ("LIKE",) if depth == 1 else ()):
            return False
    return opened


def _temporary(tokens: Sequence[Token]) -> bool:
    """Whether a CREATE TABLE or VIEW makes a TEMP one (the words before TABLE or VIEW)."""
    for token in tokens[1:8]:
        word = _word(token)
        if word in ("TABLE", "VIEW"):
            return False
        if word in ("TEMP", "TEMPORARY"):
            return True
    return False


class _Walker:
    """One pass over a routine's tokens: declared names, then data statements."""

    def __init__(
        self,
        text: str,
        tokens: Sequence[Token],
        dialect: str | None,
        place: _Places,
        columns: Mapping[str, frozenset[str]],
        routine: Routine,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.words = [_word(t) for t in tokens]
        for i in range(1, len(tokens)):
            before = tokens[i - 1]
            if before.token_type in _NAME_PREFIXES and before.end + 1 == tokens[i].start:
                self.words[i] = ""  # `@update`, `:new`, `t.delete`: a name, not a keyword
        self.dialect = dialect
        self.tsql = dialect in _TSQL
        self.place = place
        self.columns = columns
        self.routine = routine
        self.names = set() if self.tsql else self._declared()
        self.table: str | None = None
        """The table of a trigger."""

    # ----------------------------------------------------------------- declared names

    def _declared(self) -> set[str]:
        """Parameters, variables and loop indexes the routine declares (lower case)."""
        names: set[str] = set()
        words, tokens = self.words, self.tokens
        declaring = False
        expect = False  # the next word is a declared name
        depth = 0
        params = -1  # depth of a parameter list being read
        named = -1  # the last declared name's token
        mysql = self.dialect in _MYSQL
        for i, word in enumerate(words):
            kind = tokens[i].token_type
            if kind == TokenType.L_PAREN:
                depth += 1
                if i > 0 and params < 0 and self._after_routine_name(i):
                    params = depth
                    expect = True
                continue
            if kind == TokenType.R_PAREN:
                if depth == params:
                    params = -1
                depth -= 1
                continue
            if params >= 0:
                if kind == TokenType.COMMA and depth == params:
                    expect = True
                elif expect and word not in ("IN", "OUT", "INOUT", "NOCOPY", "VARIADIC"):
                    self._name(names, i)
                    expect = False
                continue
            if word in ("IS", "AS", "DECLARE") and depth == 0:
                declaring, expect = True, True
                continue
            if word == "BEGIN":
                declaring = expect = False
                continue
            if word in ("FOR", "FORALL") and i + 2 < len(words) and words[i + 2] == "IN":
                self._name(names, i + 1)
                continue
            if word == "FUNCTION" and i + 1 < len(words):
                self._name(names, i + 1)  # PL/SQL calls a function without arguments bare
            if kind == TokenType.SEMICOLON:
                expect = declaring and not mysql
                declaring = declaring and not mysql
                continue
            if expect:
                if word not in _NOT_VARIABLES:
                    self._name(names, i)
                    named = i
                expect = False
            elif kind == TokenType.COMMA and named == i - 1 and declaring:
                expect = True  # MySQL's `DECLARE a, b DATE`
        return names

    def _after_routine_name(self, i: int) -> bool:
        """Whether the `(` at `i` opens a routine's parameter list (`PROCEDURE name (`)."""
        words = self.words
        j = i - 1  # the name, or its last part (`schema.name`)
        while j >= 2 and words[j - 1] == ".":
            j -= 2
        return j >= 1 and words[j - 1] in ("PROCEDURE", "FUNCTION", "PROC", "CURSOR")

    def _name(self, names: set[str], i: int) -> None:
        token = self.tokens[i]
        if token.token_type == TokenType.VAR:
            names.add(token.text.lower())

    # ----------------------------------------------------------------- statements

    def walk(self) -> None:
        """Find the data statements (and the trigger's row reads) of the routine."""
        self.table = self._trigger_table()
        self._statements()
        if self.table is not None and not self.tsql:
            self._row_reads(self.table)

    def _trigger_table(self) -> str | None:
        """The table a trigger is defined on (`CREATE TRIGGER t ... ON table`), as written."""
        words, tokens = self.words, self.tokens
        if "TRIGGER" not in words[:8]:
            return None
        for i, word in enumerate(words[:64]):
            if word in ("BEGIN", "DECLARE"):
                return None
            if word == "ON" and i + 1 < len(tokens):
                if words[i + 1] in ("DATABASE", "SCHEMA", "ALL"):
                    return None  # a DDL or logon trigger: no rows
                end = i + 1
                while end + 2 < len(tokens) and tokens[end + 1].token_type == TokenType.DOT:
                    end += 2
                return self.text[tokens[i + 1].start : tokens[end].end + 1]
        return None

    def _row_reads(self, table: str) -> None:
        """A row trigger's `:new.col`, `:old.col` (MySQL `NEW.col`): columns of its table read.

        They are named once, as a SELECT of those columns from the trigger's table at the
        first of them: what the trigger copies (into an audit table, say) is read there.
        """
        tokens = self.tokens
        columns: dict[str, None] = {}
        first = -1
        for i in range(1, len(tokens) - 2):
            if tokens[i].text.upper() not in ("NEW", "OLD") or tokens[i + 1].token_type != TokenType.DOT:
                continue
            colon = tokens[i - 1].token_type == TokenType.COLON
            if self.dialect == "oracle" and not colon:
                continue
            if tokens[i + 2].token_type not in (TokenType.VAR, TokenType.IDENTIFIER):
                continue
            columns.setdefault(self.text[tokens[i + 2].start : tokens[i + 2].end + 1])
            if first < 0:
                first = tokens[i - 1].start if colon else tokens[i].start
        if columns:
            line, col = self.place.at(first)
            text = f"SELECT {', '.join(columns)} FROM {table}"
            self.routine.statements.append(Embedded(line, col, text))
            self.routine.statements.sort(key=lambda s: (s.line, s.column))

    def _statements(self) -> None:
        words, tokens = self.words, self.tokens
        n = len(tokens)
        prev = ""
        forall = False
        # T-SQL: a routine's header (`@p INT`, `AFTER INSERT`) up to its AS; a batch that opens
        # with DECLARE or BEGIN (a cursor, a block) has none
        body = not (self.tsql and self.words[:1] in (["CREATE"], ["ALTER"]))
        i = 0
        while i < n:
            word = words[i]
            kind = tokens[i].token_type
            following = tokens[i + 1].text.upper() if i + 1 < n else ""
            if body and (word in _DML or self._perform(word)) and self._starts(prev, word, following, forall):
                end = self._end(i)
                if not (prev == "AS" and self._defines_view(i)):
                    self._emit(i, end)
                forall = False
                i, prev = end, ""
                if end < n and tokens[end].token_type == TokenType.SEMICOLON:
                    prev, i = ";", end + 1
                continue
            if body and self._dynamic(prev, word, following) and not self._constant(i):
                line, col = self.place.at(tokens[i].start)
                self.routine.unread.append(
                    Unread(line, col, "dynamic SQL (built at run time) cannot be read")
                )
            if word == "FORALL":
                forall = True
            if self.tsql and not body and word == "AS" and prev != "EXECUTE":
                body = True
            prev = word if word else ("'" if kind in _LITERALS else tokens[i].text)
            if kind == TokenType.GT and i > 0 and tokens[i - 1].token_type == TokenType.GT:
                prev = ">>"  # the end of a `<<label>>`
            i += 1

    def _defines_view(self, i: int) -> bool:
        """Whether the query at `i` is the one a `CREATE VIEW ... AS` defines.

        A view reads nothing until a query reads it (then through it, as at the top of a
        file); the DDL reader reads the view (`body_statements`).
        """
        words, tokens = self.words, self.tokens
        j = i - 1
        while j > 0 and tokens[j - 1].token_type != TokenType.SEMICOLON and words[j - 1] not in _STARTS_AFTER:
            j -= 1
        return words[j] == "CREATE" and "VIEW" in words[j:i]

    def _perform(self, word: str) -> bool:
        """PL/pgSQL's PERFORM: a SELECT whose rows are thrown away (it still reads them)."""
        return word == "PERFORM" and self.dialect in _STRING_BODIES

    def _starts(self, prev: str, word: str, following: str, forall: bool) -> bool:
        """Whether a data-statement word at this place starts a statement."""
        if self.tsql:
            return not (word == "UPDATE" and following == "(")  # a trigger's IF UPDATE(col)
        if forall or prev in _ANY_AFTER:
            return True
        return (word in _QUERY or word == "PERFORM") and prev in _QUERY_AFTER

    def _dynamic(self, prev: str, word: str, following: str) -> bool:
        """Whether this word runs a statement built at run time."""
        if word == "EXECUTE" and following.startswith("IMMEDIATE"):
            return True  # Oracle (its tokenizer may read `IMMEDIATE 'text'` as one string)
        if self.tsql:
            return word in ("EXEC", "EXECUTE") and following in ("(", "SP_EXECUTESQL")
        if word == "PREPARE" and self.dialect in _MYSQL:
            return prev in _ANY_AFTER
        if word == "EXECUTE" and self.dialect in _STRING_BODIES:
            if following in ("PROCEDURE", "FUNCTION"):
                return False  # a trigger's action (`FOR EACH ROW EXECUTE FUNCTION f()`): a call
            return prev in _ANY_AFTER or prev in ("IN", "QUERY")  # PL/pgSQL
        return False

    def _constant(self, i: int) -> bool:
        """Whether the EXECUTE at `i` runs one constant string: then it is no dynamic SQL.

        Its text is audited as a data statement at its place; other SQL in it (DDL, ALTER
        SESSION) reads no data. T-SQL's EXEC is left as it was.
        """
        if self.tsql:
            return False
        words, tokens = self.words, self.tokens
        j = i + 1
        if j < len(tokens) and words[j] == "IMMEDIATE":
            j += 1
        if j >= len(tokens) or tokens[j].token_type != TokenType.STRING:
            return False
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        if (
            after is not None
            and after.token_type != TokenType.SEMICOLON
            and words[j + 1] not in ("USING", "INTO", "RETURNING", "RETURN", "BULK")
        ):
            return False  # `'text' || name`: built at run time
        sql = tokens[j].text.strip()
        first = sql.split(None, 1)[0].upper() if sql else ""
        if first in _DML:
            line, col = self.place.at(tokens[j].start + 1)
            self.routine.statements.append(Embedded(line, col, sql))
        return True

    def _end(self, start: int) -> int:
        """Index of the token that ends the data statement starting at `start` (exclusive)."""
        words, tokens = self.words, self.tokens
        n = len(tokens)
        main = words[start]
        seen: set[str] = set()
        depth = case = 0
        prev = main
        j = start + 1
        while j < n:
            kind = tokens[j].token_type
            word = words[j]
            if kind == TokenType.SEMICOLON and depth == 0:
                return j
            if kind == TokenType.L_PAREN:
                depth += 1
            elif kind == TokenType.R_PAREN:
                if depth == 0:
                    return j  # the `)` around a cursor loop's query
                depth -= 1
            elif depth == 0:
                if word == "CASE":
                    case += 1
                elif word == "END" and case:
                    case -= 1
                elif not case:
                    if word == "LOOP":
                        return j  # PL/pgSQL's `FOR r IN SELECT ... LOOP`
                    if main == "WITH" and word in _DML and word != "WITH":
                        main = word  # the statement a CTE list leads to
                    elif main != "MERGE" and _next_statement(word, prev, main, seen, words, j, self.tsql):
                        return j
                    if word in ("SELECT", "VALUES", "SET", "EXEC", "EXECUTE", "FROM"):
                        seen.add(word)
            prev = word
            j += 1
        return n

    def _emit(self, start: int, end: int) -> None:
        """Record the statement of tokens [start, end) with its INTO and variables rewritten."""
        tokens = self.tokens
        if end <= start:
            return
        first, last = tokens[start].start, tokens[end - 1].end + 1
        edits: list[tuple[int, int, str]] = []
        if not self.tsql:
            edits.extend(self._into(start, end))
        edits.extend(self._binds(start, end))
        edits.extend(self._record_binds(start, end))
        edits.extend(self._raises(start, end))
        if self.tsql and self.table is not None:
            edits.extend(self._trigger_rows(start, end, self.table))
        if self.words[start] == "PERFORM":
            edits.append((tokens[start].start, tokens[start].end + 1, "SELECT"))
        pieces: list[str] = []
        at = first
        for s, e, replacement in sorted(edits):
            if s < at:
                continue
            pieces.append(self.text[at:s])
            pieces.append(replacement)
            at = e
        pieces.append(self.text[at:last])
        line, col = self.place.at(first)
        self.routine.statements.append(Embedded(line, col, "".join(pieces)))

    def _trigger_rows(self, start: int, end: int, table: str) -> list[tuple[int, int, str]]:
        """A T-SQL trigger's `inserted` and `deleted` rows are rows of its table.

        They are named where a table is (after FROM or JOIN, or after a comma in a FROM
        list), and a bare one keeps its name as the alias its columns are qualified with.
        """
        words, tokens = self.words, self.tokens
        edits: list[tuple[int, int, str]] = []
        in_from = [False]  # by parenthesis depth: inside a FROM list
        for j in range(start, end):
            kind = tokens[j].token_type
            if kind == TokenType.L_PAREN:
                in_from.append(False)
                continue
            if kind == TokenType.R_PAREN:
                if len(in_from) > 1:
                    in_from.pop()
                continue
            word = words[j]
            if word in ("FROM", "JOIN"):
                in_from[-1] = True
            elif word in _FROM_ENDS:
                in_from[-1] = False
            if word not in ("INSERTED", "DELETED") or j == start:
                continue
            before = tokens[j - 1].token_type
            if not (words[j - 1] in ("FROM", "JOIN") or (before == TokenType.COMMA and in_from[-1])):
                continue
            if j + 1 < end and tokens[j + 1].token_type == TokenType.DOT:
                continue  # `inserted.col`: a column
            aliased = j + 1 < end and (
                words[j + 1] == "AS" or tokens[j + 1].token_type in (TokenType.VAR, TokenType.IDENTIFIER)
            )
            name = self.text[tokens[j].start : tokens[j].end + 1]
            edits.append((tokens[j].start, tokens[j].end + 1, table if aliased else f"{table} AS {name}"))
        return edits

    def _into(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Blank `INTO variables` (and `BULK COLLECT`) at depth 0: no table is written."""
        words, tokens = self.words, self.tokens
        edits: list[tuple[int, int, str]] = []
        query = words[start] in _QUERY or words[start] == "PERFORM"
        depth = 0
        j = start
        while j < end:
            kind = tokens[j].token_type
            if kind == TokenType.L_PAREN:
                depth += 1
            elif kind == TokenType.R_PAREN:
                depth -= 1
            elif depth == 0 and words[j] == "RETURNING":
                query = True  # `RETURNING id INTO v_id`
            elif query and depth == 0 and words[j] == "INTO" and j > start:
                begin = j - 2 if words[j - 1] == "COLLECT" and words[j - 2] == "BULK" else j
                stop = j + 1
                if words[j - 1] == "SELECT":
                    # PL/pgSQL's `SELECT INTO [STRICT] target list FROM`: the target only
                    if stop < end and words[stop] == "STRICT":
                        stop += 1
                    while stop + 2 < end and tokens[stop + 1].token_type == TokenType.DOT:
                        stop += 2
                    stop += 1
                else:
                    while stop < end and words[stop] not in (
                        "FROM",
                        "WHERE",
                        "GROUP",
                        "ORDER",
                        "UNION",
                        "FOR",
                        "LIMIT",
                    ):
                        stop += 1
                s, e = tokens[begin].start, tokens[stop - 1].end + 1
                edits.append((s, e, blanks(self.text[s:e])))
                j = stop
                continue
            j += 1
        return edits

    def _raises(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """SQLite's `RAISE(ABORT, 'message')` in a trigger's SELECT, as NULL.

        It names no column, and sqlglot cannot parse it.
        """
        tokens, words = self.tokens, self.words
        edits: list[tuple[int, int, str]] = []
        # one pass, each `(` matched to its `)` on a stack (`RAISE(RAISE(...` unclosed
        # scanned to the end once per RAISE: quadratic)
        opened: list[int] = []  # per open `(`: the index of the RAISE before it, else -1
        for j in range(start, end):
            kind = tokens[j].token_type
            if kind == TokenType.L_PAREN:
                opened.append(j - 1 if j > start and words[j - 1] == "RAISE" else -1)
            elif kind == TokenType.R_PAREN and opened:
                head = opened.pop()
                if head >= 0:
                    edits.append((tokens[head].start, tokens[j].end + 1, "NULL"))
        return edits

    def _record_binds(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """A trigger's `:new.col` as one bind value `:new_col`.

        sqlglot reads `:new` and a column `col` that no table has; the row's columns are
        read once, by `_row_reads`.
        """
        tokens = self.tokens
        edits: list[tuple[int, int, str]] = []
        for j in range(start, end - 3):
            if (
                tokens[j].token_type == TokenType.COLON
                and tokens[j + 1].token_type == TokenType.VAR
                and tokens[j + 2].token_type == TokenType.DOT
                and tokens[j + 3].token_type in (TokenType.VAR, TokenType.IDENTIFIER)
                and tokens[j + 1].start == tokens[j].end + 1
            ):
                name = f":{tokens[j + 1].text}_{tokens[j + 3].text.strip(chr(34))}"
                edits.append((tokens[j].start, tokens[j + 3].end + 1, name))
        return edits

    def _binds(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The routine's variables and parameters as bind parameters (`:name`)."""
        if not self.names:
            return []
        tokens = self.tokens
        edits: list[tuple[int, int, str]] = []
        named: set[str] = set()  # the columns of the tables the statement names
        for j in range(start, end):
            if tokens[j].token_type in (TokenType.VAR, TokenType.IDENTIFIER):
                named |= self.columns.get(tokens[j].text.lower(), frozenset())
        for j in range(start, end):
            token = tokens[j]
            if token.token_type != TokenType.VAR:
                continue
            name = token.text.lower()
            if name not in self.names or name in named:
                continue
            before = tokens[j - 1].token_type if j > start else None
            after = tokens[j + 1].token_type if j + 1 < end else None
            if before in (TokenType.DOT, TokenType.COLON) or after in (TokenType.DOT, TokenType.L_PAREN):
                continue
            if j > start and self.words[j - 1] in _TABLE_BEFORE:
                continue  # a table named like a variable
            if self.text[token.start - 1 : token.start] in ("@", ":"):
                continue
            edits.append((token.start, token.end + 1, ":" + token.text))
        return edits


def _next_statement(
    word: str, prev: str, main: str, seen: set[str], words: Sequence[str], j: int, tsql: bool
) -> bool:
    """Whether `word` starts the next statement, ending the data statement before it.

    T-SQL needs no `;`; elsewhere this only guards against a missing `;` (or a file read
    in the wrong dialect), so a statement does not run on over the procedural code after it.
    """
    after = words[j + 1] if j + 1 < len(words) else ""
    if word in ("SELECT", "WITH"):
        if prev in ("UNION", "ALL", "INTERSECT", "EXCEPT", "MINUS", "DISTINCT"):
            return False
        if word == "WITH" and not _opens_cte(words, j):
            return False  # a table hint `WITH (NOLOCK)`, `START WITH`, `WITH TIME ZONE`
        return not (main == "INSERT" and not seen & {"SELECT", "VALUES", "EXEC", "EXECUTE"})
    if word == "UPDATE":
        return prev not in ("FOR", "KEY", "DO", "THEN")  # FOR UPDATE, ON DUPLICATE KEY UPDATE
    if word in ("INSERT", "DELETE", "MERGE"):
        return prev not in ("THEN", "DO")
    if word == "SET":
        if prev == "UPDATE" or (main == "UPDATE" and "SET" not in seen):
            return False
        return not (main == "INSERT" and not seen & {"SET", "VALUES", "SELECT"})  # MySQL
    if word in ("EXEC", "EXECUTE"):
        return not (main == "INSERT" and not seen & {"SELECT", "VALUES"})
    if word == "FETCH":  # a cursor's `FETCH NEXT FROM c`, not `FETCH FIRST 10 ROWS ONLY`
        near = words[j + 1 : j + 4]
        return prev not in ("ROWS", "ROW") and ("FROM" in near or "INTO" in near)
    if not tsql and (after == "(" or word == "USE"):
        return False  # MySQL's IF(a, b, c) function and USE INDEX hint
    return word in _STATEMENT_WORDS


def _opens_cte(words: Sequence[str], j: int) -> bool:
    """Whether the WITH at `j` opens a CTE list (`WITH name AS (`, `WITH RECURSIVE`)."""
    follow = words[j + 1 : j + 4]
    if not follow:
        return False
    if follow[0] == "RECURSIVE":
        return True
    return (
        len(follow) > 1
        and follow[0] not in ("(", "TIME", "LOCAL", "CHECK", "TIES", "ORDINALITY")
        and (follow[1] in ("AS", "("))
    )
