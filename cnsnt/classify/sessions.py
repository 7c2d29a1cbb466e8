"""Tables of web sessions: their id is the visitor's cookie, their data what is kept of them.

Two readings, one after the other. A table whose name says it stores login sessions
(`django_session`, Laravel's `sessions`, `sesje_sso`) is about whoever logged in: its text
id is their cookie and the table's verdict says so (`session_key`, `session_column`). Then,
whatever the table's verdict:

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
from cnsnt.classify import types
from cnsnt.classify.classifier import _TOKENIZER, _table_words
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
    if column.primary_key or types.type_kind(column.type) != "text":
        return False
    kept = lx.SESSION_DATA | lx.SESSION_WORDS
    return any(w & lx.SESSION_DATA and w <= kept for w in _readings(column, languages))


def _session_id(column: Column, languages: tuple[str, ...] | None, foreign: frozenset[str]) -> bool:
    """Whether a column holds a session's id: its text primary key, or a session word with a key word."""
    if types.type_kind(column.type) != "text" or column.name.casefold() in foreign:
        return False
    if types.uuid(column.type) or types.document(column.type):
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
    foreign = frozenset(k.columns[0].casefold() for k in table.foreign_keys if k.columns)
    if not any(_session_id(c, languages, foreign) for c in table.columns if c not in kept):
        return ()  # `chat_sessions(id uuid, data)`: a chat's numbered sessions, no cookie keys them
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


# A session's id glued or cut short (`sessid`, `sesskey`, `sess_id`, `sid`): see `session_key`.
_SESSION_IDS = frozenset({"sid", "sessid", "sesskey", "sessionid", "sessionkey", "idsess", "sessionhash"})
_SESSION_KEY_WORDS = frozenset({"id", "key", "hash", "token"})
# What every word of `session_tables` contains: a cheap test before the name is split.
_SESSION_STEMS = lx.SESSION_STEMS
# Types of a generated row number (Laravel's `id()`, `increments`; a uuid): never a cookie.
_GENERATED_KEYS = frozenset({"id", "increments", "bigincrements", "uuid", "uniqueidentifier", "guid"})
# When a session ends (`expire_date`, `lifetime`, Polish `wygasa_at`): the session's own, no act.
_SESSION_ENDS = tuple(sorted(lx.SESSION_ENDS))  # a tuple, for `str.startswith`


def _session_store(table: Table) -> bool:
    """Whether a table's name says it keeps login sessions (`django_session`, `sesje_sso`, `sessiondata`)."""
    folded = table.own_name.casefold()
    if not any(stem in folded for stem in _SESSION_STEMS):
        return False  # most tables: no word to split out
    return any(
        w in lx.SESSION_TABLES or (w.startswith("session") and len(w) > len("sessions"))
        for w in raw_words(table.own_name)
    )


def session_key(table: Table) -> str | None:
    """The column of a login-session table that holds the session's id, the browser's cookie.

    A web framework's session store (`django_session.session_key`, Laravel's `sessions.id
    varchar`, `ci_sessions.id`) is keyed by the random id the browser sends back in a
    cookie: an online identifier of whoever is logged in (GDPR Recital 30), so the table is
    about them though no key names them. A class's or a training's sessions are numbered
    (`training_sessions.id int`), and a generated uuid is no cookie: neither is read so.
    """
    if not _session_store(table):
        return None
    declared = {c.casefold() for key in table.foreign_keys for c in key.columns}
    texts = [
        c
        for c in table.columns
        if c.name.casefold() not in declared
        and types.type_kind(c.type) in ("text", "unknown")
        and types.type_name(c.type) not in _GENERATED_KEYS
    ]
    for column in texts:
        words = raw_words(column.name)
        if not words:
            continue
        named = set(words) & (lx.SESSION_TABLES | {"sess"}) and set(words) & _SESSION_KEY_WORDS
        if named or words[0] == "sid" or "".join(words) in _SESSION_IDS:
            return column.name
    if any("token" in raw_words(c.name) for c in table.columns):
        return None  # `Session(id, sessionToken)`: the token is the cookie, the id the row's number
    primary = [c for c in table.columns if c.primary_key]
    if len(primary) == 1 and primary[0] in texts and primary[0].name.casefold() == "id":
        return primary[0].name
    return None


def _session_data(column: Column, key: str) -> bool:
    """Whether a column of a login-session table holds what the session keeps (`session_data`, `payload`)."""
    if column.name == key or column.primary_key or types.type_kind(column.type) not in ("text", "unknown"):
        return False
    words = set(raw_words(column.name))
    # `session_data`, `payload`, or the bare word (`cc_session.session`): the session's state
    return bool(words) and words <= lx.SESSION_DATA | lx.SESSION_TABLES


def session_column(column: Column, key: str, found: Classification) -> Classification | None:
    """What a column of a login-session table holds: the session's cookie, what it keeps, when it ends."""
    if column.name == key and not (found.personal and found.confidence is Confidence.HIGH):
        return Classification(
            True,
            "user.device.cookie_id",
            Confidence.MEDIUM,
            f"'{column.name}' is the id of a login session, the cookie that identifies the browser "
            "of whoever logged in: an online identifier (GDPR Recital 30)",
        )
    if found.personal:
        if found.confidence is not Confidence.HIGH and any(
            w.startswith(_SESSION_ENDS) for w in raw_words(column.name)
        ):
            return Classification(
                False, None, Confidence.MEDIUM, f"'{column.name}' says when the session ends: its own"
            )
        return None
    if _session_data(column, key):
        return Classification(
            True,
            "user.behavior",
            Confidence.LOW,
            f"'{column.name}' holds what the application keeps for a logged-in person's session",
        )
    return None


__all__ = ["session_column", "session_data", "session_key", "web_session"]
