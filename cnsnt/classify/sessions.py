"""A table of web sessions: its id is the visitor's cookie, its data what is kept of them.

A table named for sessions (`sessions`, `django_session`, `ci_sessions`, `oturumlar`) that keeps
each session's data (`payload`, `session_data`, `data blob`) is where a web application keeps
who is visiting: its id, in text (`id varchar(255)`, `session_key`, `sesskey`, `sid`), is the
value of the visitor's session cookie, an online identifier of their browser (GDPR Recital 30),
and its data is what the application holds of them between two requests (their login, their
choices). Both are personal though no key names a user: the labels read them so in 50 of 52
such columns of the tune half. A table of class sessions or of chat sessions keeps no such
data (`curs_sessions`, an integer id), and where the cookie is a token of its own
(`Session(id, sessionToken)`), the id is the row's number.
"""

from __future__ import annotations

from cnsnt.classify import lexicon as lx
from cnsnt.classify.classifier import (
    _DOCUMENT_TYPES,
    _TOKENIZER,
    _UUID_TYPES,
    _table_words,
    _type_base,
    _type_kind,
)
from cnsnt.classify.tokens import raw_words
from cnsnt.evidence import Classification, Column, Table
from cnsnt.model import Confidence

#: Words beside a session word that name its id (`session_key`, `sess_id`, `session_hash`).
_ID_WORDS = frozenset(w for w, why in lx.NEGATORS.items() if why == "identifier") | {"key", "hash"}


def _readings(column: Column, languages: tuple[str, ...] | None) -> tuple[frozenset[str], ...]:
    """The column's words as read and as written: the stemmer reads `sess` as `ses`."""
    return frozenset(_TOKENIZER.words(column.name, languages)), frozenset(raw_words(column.name))


def _data(column: Column, languages: tuple[str, ...] | None) -> bool:
    """Whether a column holds a session's data: `payload`, `session_data`, `sess jsonb`."""
    if column.primary_key or _type_kind(column.type) != "text":
        return False
    kept = lx.SESSION_DATA | lx.SESSION_WORDS
    return any(w & lx.SESSION_DATA and w <= kept for w in _readings(column, languages))


def _session_id(column: Column, languages: tuple[str, ...] | None, foreign: frozenset[str]) -> bool:
    """Whether a column holds a session's id: its text primary key, or a session word with a key word."""
    if _type_kind(column.type) != "text" or column.name.casefold() in foreign:
        return False
    if column.type and _type_base(column.type) in _UUID_TYPES | _DOCUMENT_TYPES:
        return False  # a uuid the database gives out is the row's number; a document holds no id
    if column.primary_key:
        return True
    named = _ID_WORDS | {"sid", "sessid", "sesskey"}
    return any(w & named and w <= _ID_WORDS | lx.SESSION_WORDS for w in _readings(column, languages))


def session_data(table: Table, languages: tuple[str, ...] | None) -> tuple[Column, ...]:
    """The columns that keep a web session's data, if the table is one of web sessions; else ().

    Read once per table: a table named for sessions that keeps their data (`payload`), and
    whose cookie is no token of its own (`Session(id, sessionToken)`: the id is the row's).
    """
    named = _table_words(table.name, languages)
    if not named or named[-1] not in lx.SESSION_WORDS:
        return ()
    kept = tuple(c for c in table.columns if _data(c, languages))
    if not kept or any("token" in w for c in table.columns for w in _readings(c, languages)):
        return ()  # `curs_sessions`, `user_sessions(ip, login_at)`: no session's data kept
    return kept


def web_session(
    table: Table, column: Column, languages: tuple[str, ...] | None, kept: tuple[Column, ...]
) -> Classification | None:
    """The verdict on a web session's id or data in a table of web sessions, or None.

    `kept`: what `session_data` found in the table.
    """
    if not kept:
        return None
    if column in kept:
        return Classification(
            True,
            "user.behavior",
            Confidence.LOW,
            f"'{column.name}' is what the application keeps of a visitor's session in '{table.name}', "
            "a table of web sessions: their login and choices between two requests",
        )
    foreign = frozenset(k.columns[0].casefold() for k in table.foreign_keys if k.columns)
    if _session_id(column, languages, foreign):
        return Classification(
            True,
            "user.device.cookie_id",
            Confidence.LOW,
            f"'{column.name}' is the id of a session in '{table.name}', a table of web sessions: "
            "the value of the visitor's session cookie, which tells their browser apart (GDPR Recital 30)",
        )
    return None


__all__ = ["session_data", "web_session"]
