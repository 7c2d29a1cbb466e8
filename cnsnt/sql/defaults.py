"""Column defaults that name a person: the database login of whoever writes the row.

`AKOD varchar(12) DEFAULT user_name()`, `created_by text DEFAULT CURRENT_USER`: the
server fills in who inserted the row, so the column is personal whatever it is called
(RULE: an account's login identifies its holder). Read from sqlglot trees, so every
dialect's spelling (`suser_sname()`, `SESSION_USER`, Oracle's `USER`) is one test.
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ParseError, TokenError

#: Functions and bare words that return the session's login, per dialect's spelling.
_LOGIN_NAMES = frozenset(
    {
        "CURRENT_USER",  # SQL standard, PostgreSQL, MySQL (CURRENT_USER())
        "SESSION_USER",
        "SYSTEM_USER",
        "USER",  # PostgreSQL, Oracle, MySQL USER()
        "USER_NAME",  # T-SQL
        "SUSER_NAME",
        "SUSER_SNAME",
        "ORIGINAL_LOGIN",
        "GETPGUSERNAME",  # PostgreSQL, old spelling
    }
)

#: Oracle `SYS_CONTEXT('USERENV', ...)` keys that hold a login.
_USERENV_LOGINS = frozenset(
    {"SESSION_USER", "CURRENT_USER", "OS_USER", "PROXY_USER", "AUTHENTICATED_IDENTITY"}
)


#: What every spelling above contains.
_WORDS = ("USER", "LOGIN")


def may_name_login(text: str) -> bool:
    """Whether SQL text can hold such a default: the cheap test before any parse."""
    upper = text.upper()
    return any(word in upper for word in _WORDS)


def constant(default: exp.Expr | None) -> str | None:
    """The text of a default that is a constant (`0`, `'N'`, `-1`, `TRUE`), or None.

    An expression (`now()`, `nextval(...)`, the writer's login) is no constant. A flag
    kept as a whole number says so by its default (`user INTEGER NOT NULL DEFAULT 0`).
    """
    node = default
    while isinstance(node, (exp.Paren, exp.Cast)):
        node = node.this
    negative = isinstance(node, exp.Neg)
    if isinstance(node, exp.Neg):
        node = node.this
    if isinstance(node, exp.Literal):
        return f"-{node.this}" if negative else str(node.this)
    if isinstance(node, exp.Boolean) and not negative:
        return "TRUE" if node.this else "FALSE"
    return None


def names_login(default: exp.Expr | None) -> bool:
    """Whether a column default is the login of the session that writes the row."""
    node = default
    # The login cast or case-folded is still the login: PostgreSQL's catalog reports
    # `DEFAULT current_user::text` as `(CURRENT_USER)::text`.
    while isinstance(node, (exp.Paren, exp.Cast, exp.Convert, exp.Upper, exp.Lower)):
        node = node.expression if isinstance(node, exp.Convert) else node.this
    if node is None:
        return False
    if isinstance(node, (exp.CurrentUser, exp.SessionUser)):
        return True
    if isinstance(node, exp.Column) and not node.table:
        return node.name.upper() in _LOGIN_NAMES
    if isinstance(node, exp.Anonymous):
        name = str(node.this).upper()
        if name == "SYS_CONTEXT":
            args = [a.name.upper() for a in node.expressions if isinstance(a, exp.Literal)]
            return len(args) == 2 and args[0] == "USERENV" and args[1] in _USERENV_LOGINS
        return name in _LOGIN_NAMES
    return False


def default_names_login(text: str | None, dialect: str | None) -> bool:
    """The same for a default given as SQL text (what a live database reports)."""
    if not text or not may_name_login(text):
        return False  # most defaults (`0`, `now()`, `nextval(...)`) need no parse
    try:
        node: exp.Expr = exp.maybe_parse(text, dialect=Dialect.get_or_raise(dialect) if dialect else None)
    except (ParseError, TokenError, ValueError):
        return False
    return names_login(node)
