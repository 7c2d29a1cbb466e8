"""The schema a DDL file's session is in: the statements that change it, read with sqlglot.

A dump may change where its unqualified names go part way through: PostgreSQL's `SET
search_path TO app, public` (and `SELECT pg_catalog.set_config('search_path', 'app',
false)`, as pg_dump writes it), Oracle's `ALTER SESSION SET CURRENT_SCHEMA = app`, MySQL's
`USE app`. A `CREATE TABLE users` after it is `app.users` to the database, and a later
`REFERENCES users` finds its table through the path. T-SQL's `USE shop` changes the
database, not the schema (`dbo` still), so it changes nothing here.

Each statement is parsed by sqlglot; the ones it keeps only as an opaque command (a SET of
a list, Oracle's ALTER SESSION) are read from their sqlglot tokens, never with patterns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect, NormalizationStrategy
from sqlglot.errors import ParseError, TokenError
from sqlglot.parser import Parser
from sqlglot.tokenizer_core import Token, TokenType

from cnsnt.sql.ddl_enums import fold_unquoted
from cnsnt.sql.ddl_split import keyword
from cnsnt.sql.ddl_tables import name_key
from cnsnt.sql.namespaces import name_lookup

#: The words that open a statement of a transaction or of one of its savepoints.
_TRANSACTION_WORDS = frozenset({"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
#: The words a statement that may change the session's schema starts with.
_OPENERS = _TRANSACTION_WORDS | {"SET", "SELECT", "ALTER", "USE", "RESET"}
#: The dialects in which a database is a schema, so `USE app` moves the names.
_DATABASE_IS_SCHEMA = frozenset({"mysql", "singlestore", "doris", "starrocks"})
#: Entries of a search path that are no schema a table is created in: the session user's
#: own schema (PostgreSQL skips it when no such schema exists, as in a dump's database)
#: and the system catalogs.
_NOT_CREATED_IN = frozenset({"$user", "pg_catalog", "pg_temp", "information_schema"})
_NAME_TOKENS = frozenset({TokenType.IDENTIFIER, TokenType.VAR, TokenType.STRING})
#: The schema TEMP tables are held in, apart from every real table: PostgreSQL's name for
#: the session's own temporary schema (a `name_key`, as table keys are).
TEMP_SCHEMA = "pg_temp"
_TEMP_SCHEMAS = frozenset({TEMP_SCHEMA})
_SQLITE_TEMP = frozenset({"temp"})


@dataclass(frozen=True)
class PathChange:
    """What one statement does to the session's search path."""

    path: tuple[str, ...] | None = None
    """The new path, as written (quotes taken off); None: back to the database's default."""
    local: bool = False
    """`SET LOCAL` / `set_config(..., true)`: only until the transaction ends."""
    transaction: str | None = None
    """`begin`, `commit` or `rollback` for a statement that opens or ends a transaction;
    `savepoint`, `rollback_to` or `release` for one of a savepoint (named by `savepoint`)."""
    savepoint: str | None = None
    """The savepoint's name, folded as PostgreSQL folds it (a quoted one as written)."""
    database: bool = False
    """MySQL's `USE app`: the path names a database (the first one a file uses is its own)."""


class Session:
    """The search path of a file's session, as its statements change it, in file order.

    None until a statement sets it: a file that sets none is read as before. `SET LOCAL`
    lasts to the end of its transaction; a ROLLBACK undoes the transaction's SETs too.
    """

    def __init__(self, default: str | None, *, transactional: bool = True) -> None:
        self.default = default
        """The database's default schema (`public`, `dbo`), which a table's name leaves out."""
        self.transactional = transactional
        """Whether a ROLLBACK undoes the path's changes: PostgreSQL's SET, not MySQL's USE or
        Oracle's ALTER SESSION (`transactional_path`)."""
        self._path: tuple[str, ...] | None = None
        self._local: tuple[tuple[str, ...] | None] | None = None
        self._before: tuple[tuple[str, ...] | None] | None = None
        """The path when the open transaction began; None outside one."""
        self._home: str | None = None
        """The database a MySQL file first USEs: the one it is loaded into, named by none."""
        self._made_at_home = False
        """Whether a table was made in the database the file is loaded into before any USE."""
        self._savepoints: list[tuple[str, tuple[str, ...] | None, tuple[tuple[str, ...] | None] | None]] = []
        """The open transaction's savepoints, in order: (name, the path, the `SET LOCAL` one)."""
        self._savepoint_at: dict[str, list[int]] = {}
        """Where each name stands in `_savepoints`, in order: a ROLLBACK TO scans none of them."""
        self._order: dict[str, tuple[int, int]] | None = None
        """`order()` as made last: once per path, not per name looked up."""
        self._order_for: tuple[tuple[str, ...] | None, str | None] = (None, None)
        """The path (the very tuple) and home database `_order` was made for."""

    @property
    def path(self) -> tuple[str, ...] | None:
        """The path in effect; None: the database's default one (no statement set it)."""
        return self._local[0] if self._local is not None else self._path

    def follow(self, change: PathChange) -> None:
        """Apply one statement's change."""
        if change.savepoint is not None:
            self._savepoint(change.transaction, change.savepoint)
        elif change.transaction == "begin":
            self._before = (self._path,)
            self._forget_savepoints(0)
        elif change.transaction is not None:
            self._forget_savepoints(0)
            if change.transaction == "rollback" and self._before is not None and self.transactional:
                self._path = self._before[0]
            self._before = self._local = None
        elif change.local:
            if self._before is not None:  # SET LOCAL outside a transaction does nothing
                self._local = (change.path,)
        else:
            if change.database and self._home is None and change.path and not self._made_at_home:
                self._home = change.path[0]
            self._path = change.path
            self._local = None

    def _savepoint(self, action: str | None, name: str) -> None:
        """`SAVEPOINT s` keeps the path; `ROLLBACK TO s` brings it back; `RELEASE s` forgets s.

        As in PostgreSQL: only inside a transaction; a name used twice means the latest;
        rolling back to a savepoint keeps it and forgets the later ones, releasing one
        forgets it and the later ones and keeps what was SET since.
        """
        if self._before is None:
            return  # no transaction: PostgreSQL refuses a savepoint there
        if action == "savepoint":
            self._savepoint_at.setdefault(name, []).append(len(self._savepoints))
            self._savepoints.append((name, self._path, self._local))
            return
        places = self._savepoint_at.get(name)
        if not places:
            return
        at = places[-1]
        if action == "rollback_to":
            if self.transactional:
                _, self._path, self._local = self._savepoints[at]
            self._forget_savepoints(at + 1)
        else:
            self._forget_savepoints(at)

    def _forget_savepoints(self, start: int) -> None:
        """Forget the savepoints from `start` on: each is forgotten once, however many there were."""
        for name, _, _ in reversed(self._savepoints[start:]):
            self._savepoint_at[name].pop()
        del self._savepoints[start:]

    def next_file(self, *, fresh: bool, transaction: bool = False, start: PathChange | None = None) -> None:
        """A migration file begins: the one before's transaction ended as the tool committed it.

        `fresh`: the tool runs the file in a session of its own (Flyway restores the
        connection's state after each migration, sqitch runs each change with psql), so a
        SET of the file before does not reach it. Otherwise (golang-migrate, dbmate, goose,
        Liquibase: one connection for the whole run) the path carries on. `start`: what the
        tool sets before the file runs (Flyway's default schema), a ROLLBACK comes back to.
        `transaction`: the tool runs the file in one transaction (all but sqitch's psql), so
        a `SET LOCAL` or a savepoint needs no BEGIN of its own there.
        """
        self._local = None
        self._forget_savepoints(0)
        if fresh:
            self._path = None
        if start is not None:
            self.follow(start)
        self._before = (self._path,) if transaction else None

    def made_unqualified(self) -> None:
        """An unqualified table was made: before any USE, a first USE names another database."""
        if self.path is None:
            self._made_at_home = True

    def creates_in(self) -> str | None:
        """The schema an unqualified CREATE puts its table in; None for the default one."""
        path = self.path
        schema = creation_schema(path) if path else None
        return None if schema is None or self.is_default(schema) else schema

    def order(self) -> dict[str, tuple[int, int]] | None:
        """Where each schema (by `name_key`) stands on the path; None when no statement set it.

        The default schema is found by its empty key before its name, as a table keyed
        either way may be. Made once per path: a file's thousands of names are each looked
        up by their tables, never by walking a long path (which was quadratic).
        """
        path = self.path
        if self._order_for[0] is not path or self._order_for[1] != self._home:
            self._order_for = (path, self._home)
            self._order = None if path is None else self._positions(path)
        return self._order

    def _positions(self, path: tuple[str, ...]) -> dict[str, tuple[int, int]]:
        """`order()` made for one path."""
        positions: dict[str, tuple[int, int]] = {}
        for at, schema in enumerate(searched(path)):
            if self.is_default(schema):
                positions.setdefault("", (at, 0))
                positions.setdefault(name_key(self.default or ""), (at, 1))
            else:
                positions.setdefault(name_key(schema), (at, 0))
        return positions

    def is_default(self, schema: str) -> bool:
        """Whether `schema` is the one a table's name leaves out (the default, a MySQL file's own)."""
        folded = schema.casefold()
        return folded == (self.default or "").casefold() or folded == (self._home or "").casefold()


def session_change(tokens: Sequence[Token], sql: str, parser: Parser, dia: Dialect) -> PathChange | None:
    """What a statement does to the session's schema; None when it does nothing to it."""
    if not tokens or keyword(tokens[0]) not in _OPENERS:
        return None
    first = keyword(tokens[0])
    if first in _TRANSACTION_WORDS:
        return _transaction(tokens)
    if first == "SELECT" and not any(t.text.casefold() == "set_config" for t in tokens):
        return None  # only pg_dump's set_config is read: no data query is parsed
    try:
        parsed = parser.parse(list(tokens), sql)
    except (ParseError, TokenError):
        return None
    except Exception:  # noqa: BLE001 - a sqlglot bug on one statement changes nothing
        return None
    tree = parsed[0] if parsed else None
    fold = _unquoted_fold(dia)
    if isinstance(tree, exp.Use):
        return _use(tree, dia)
    if isinstance(tree, exp.Set):
        # read from its tokens first: sqlglot's tree of `SET search_path = "Sales"` keeps no quotes
        return _command(tokens, fold) or _set(tree, dia, fold)
    if isinstance(tree, exp.Select):
        return _set_config(tree, dia, fold)
    if isinstance(tree, exp.Command):
        return _command(tokens, fold)
    return None


def temporary_scratch(dia: Dialect) -> bool:
    """Whether a TEMP table is its session's scratch, gone when the session ends.

    PostgreSQL's (in the session's own `pg_temp`), MySQL's, SQLite's and the others' are;
    Oracle's global temporary table is not: its definition is an object of the schema
    and only its rows are the session's.
    """
    return _dialect_name(dia) != "oracle"


def temporary_schemas(dia: Dialect) -> frozenset[str]:
    """The schema names that qualify a TEMP table (`pg_temp.users`; SQLite's `temp.users`)."""
    return _TEMP_SCHEMAS | (_SQLITE_TEMP if _dialect_name(dia) in ("sqlite", "duckdb") else frozenset())


def default_schema_change(schema: str, dia: Dialect) -> PathChange | None:
    """What a tool that sets a connection's default schema (Flyway) does to its path.

    PostgreSQL's path becomes the schema before the database's own (`"clinic", "$user",
    public`, as Flyway sets it, the name quoted: kept as written); MySQL's `USE`s it,
    Oracle's and the others' current schema is it. SQL Server cannot change a session's
    schema (Flyway says so and leaves it): None.
    """
    name = _dialect_name(dia)
    if name in ("tsql", "fabric"):
        return None
    if name in _DATABASE_IS_SCHEMA:
        return PathChange((schema,), database=True)
    default = name_lookup(name).default
    if dia.NORMALIZATION_STRATEGY == NormalizationStrategy.LOWERCASE and default:
        return PathChange((schema, "$user", default))
    return PathChange((schema,))


def transactional_path(dia: Dialect) -> bool:
    """Whether a ROLLBACK undoes a change of the session's schema.

    PostgreSQL's SET is undone with its transaction; MySQL's `USE` and Oracle's `ALTER
    SESSION SET CURRENT_SCHEMA` are no part of one and stay.
    """
    name = _dialect_name(dia)
    return name not in _DATABASE_IS_SCHEMA and name != "oracle"


def creation_schema(path: Sequence[str]) -> str | None:
    """The schema an unqualified CREATE goes in: the path's first one that can hold tables.

    Lazy: a CREATE reads only the path's head, so thousands of tables under a path of
    thousands of schemas stay linear (a tuple of the whole path per CREATE did not).
    """
    return next(_searchable(path), None)


def searched(path: Sequence[str]) -> tuple[str, ...]:
    """The schemas an unqualified name is looked up in, in order."""
    return tuple(_searchable(path))


def _searchable(path: Sequence[str]) -> Iterator[str]:
    """The path without the schemas no table is created or looked up in (pg_catalog, ...)."""
    return (name for name in path if name.casefold() not in _NOT_CREATED_IN)


def _transaction(tokens: Sequence[Token]) -> PathChange | None:
    """BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK; SAVEPOINT, ROLLBACK TO, RELEASE."""
    words = [keyword(t) for t in tokens[:4]]
    if words[0] in ("SAVEPOINT", "RELEASE") or (words[0] == "ROLLBACK" and "TO" in words):
        return _savepoint_change(tokens, words)
    if words[0] == "START" and words[1:2] != ["TRANSACTION"]:
        return None
    if words[0] == "BEGIN" and len(tokens) > 1 and words[1] not in ("TRANSACTION", "WORK", "ISOLATION"):
        return None  # a PL/SQL or T-SQL block, not a transaction
    kind = {"BEGIN": "begin", "START": "begin", "COMMIT": "commit", "END": "commit"}.get(words[0], "rollback")
    return PathChange(transaction=kind)


def _savepoint_change(tokens: Sequence[Token], words: list[str]) -> PathChange | None:
    """`SAVEPOINT s`, `ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] s`, `RELEASE [SAVEPOINT] s`."""
    action = {"SAVEPOINT": "savepoint", "RELEASE": "release"}.get(words[0], "rollback_to")
    rest = list(tokens[1:])
    if action == "rollback_to":
        rest = rest[words.index("TO") :]
    if rest and keyword(rest[0]) == "SAVEPOINT" and action != "savepoint":
        rest = rest[1:]
    if len(rest) != 1 or not (rest[0].token_type in _NAME_TOKENS or rest[0].text.isidentifier()):
        return None
    name = rest[0].text if rest[0].token_type == TokenType.IDENTIFIER else rest[0].text.casefold()
    return PathChange(transaction=action, savepoint=name)


def _use(tree: exp.Use, dia: Dialect) -> PathChange | None:
    """MySQL's `USE app`: the database is the schema (T-SQL's database is not)."""
    target = tree.this
    if _dialect_name(dia) not in _DATABASE_IS_SCHEMA or not isinstance(target, exp.Table):
        return None
    return PathChange((target.name,), database=True) if target.name else None


def _set(tree: exp.Set, dia: Dialect, fold: Callable[[str], str]) -> PathChange | None:
    """`SET [LOCAL | SESSION] search_path = app` as sqlglot parses a single value."""
    for item in tree.expressions:
        assign = item.this if isinstance(item, exp.SetItem) else None
        if not isinstance(assign, exp.EQ) or assign.this.name.casefold() != "search_path":
            continue
        local = str(item.args.get("kind") or "").upper() == "LOCAL"
        value = assign.expression
        if isinstance(value, exp.Var) and value.name.upper() == "DEFAULT":
            return PathChange(None, local)
        if isinstance(value, exp.Literal) and value.is_string:
            return PathChange((value.name,) if value.name else (), local)  # a string is one name, as written
        return PathChange((fold(value.name),), local) if value.name else None
    return None


def _set_config(tree: exp.Select, dia: Dialect, fold: Callable[[str], str]) -> PathChange | None:
    """pg_dump's `SELECT pg_catalog.set_config('search_path', '', false)`."""
    for projection in tree.expressions:
        call = projection.expression if isinstance(projection, exp.Dot) else projection
        if not isinstance(call, exp.Anonymous) or call.name.casefold() != "set_config":
            continue
        args = call.expressions
        if len(args) != 3 or not all(isinstance(a, exp.Literal) and a.is_string for a in args[:2]):
            continue
        if args[0].name.casefold() != "search_path":
            continue
        local = isinstance(args[2], exp.Boolean) and bool(args[2].this)
        return PathChange(_path_text(args[1].name, dia, fold), local)
    return None


def _path_text(text: str, dia: Dialect, fold: Callable[[str], str]) -> tuple[str, ...]:
    """A search path written in a string (`'"$user", app'`), read with the dialect's tokenizer.

    Its names are read as PostgreSQL reads the setting: a quoted one as written, an
    unquoted one folded.
    """
    if not text.strip():
        return ()
    try:
        tokens = dia.tokenize(text)
    except (TokenError, ValueError):
        return ()
    return _names(tokens, fold)


def _command(tokens: Sequence[Token], fold: Callable[[str], str]) -> PathChange | None:
    """A statement sqlglot keeps as an opaque command, read from its tokens.

    `SET search_path TO a, b`, `RESET search_path`, Oracle's `ALTER SESSION SET
    CURRENT_SCHEMA = app`, PostgreSQL's `SET SCHEMA 'app'`.
    """
    words = [keyword(t) if t.token_type != TokenType.IDENTIFIER else "" for t in tokens]
    if words[0] == "RESET" and len(tokens) == 2 and tokens[1].text.casefold() == "search_path":
        return PathChange(None)
    if words[0] == "ALTER" and words[1:4] == ["SESSION", "SET", "CURRENT_SCHEMA"]:
        start = 5 if words[4:5] == ["="] else 4
        names = _names(tokens[start:], fold)
        return PathChange(names[:1]) if names else None
    if words[0] != "SET":
        return None
    i = 1
    local = False
    if words[i : i + 1] in (["LOCAL"], ["SESSION"]):
        local = words[i] == "LOCAL"
        i += 1
    if words[i : i + 1] == ["SCHEMA"]:
        names = _names(tokens[i + 1 :], fold)
        return PathChange(names[:1], local) if len(names) == 1 else None
    if i >= len(tokens) or tokens[i].text.casefold() != "search_path":
        return None
    if words[i + 1 : i + 2] not in (["TO"], ["="]):
        return None
    rest = tokens[i + 2 :]
    if len(rest) == 1 and keyword(rest[0]) == "DEFAULT":
        return PathChange(None, local)
    names = _names(rest, fold)
    return PathChange(names, local) if names or not rest else None


def _names(tokens: Sequence[Token], fold: Callable[[str], str]) -> tuple[str, ...]:
    """A comma-separated list of names (quoted, unquoted or in strings); () when it is none.

    A quoted name and a string are kept as written (PostgreSQL quotes a string of a SET as
    a name), an unquoted name is folded by `fold`, as the dialect folds it.
    """
    names: list[str] = []
    expect_name = True
    for token in tokens:
        if expect_name and (token.token_type in _NAME_TOKENS or token.text.isidentifier()):
            quoted = token.token_type in (TokenType.IDENTIFIER, TokenType.STRING)
            names.append(token.text if quoted else fold(token.text))
            expect_name = False
        elif not expect_name and token.token_type == TokenType.COMMA:
            expect_name = True
        else:
            return ()
    return tuple(names) if not expect_name else ()


def _unquoted_fold(dia: Dialect) -> Callable[[str], str]:
    """How a search path's unquoted names are folded: PostgreSQL's to lower case.

    The other dialects' are kept as written, as their tables' schemas are shown (Oracle's
    `hr`, not `HR`).
    """
    if dia.NORMALIZATION_STRATEGY == NormalizationStrategy.LOWERCASE:
        return fold_unquoted
    return _as_written


def _as_written(name: str) -> str:
    return name


def _dialect_name(dia: Dialect) -> str:
    """The dialect's registered name (`mysql`), lower case."""
    return type(dia).__name__.lower()
