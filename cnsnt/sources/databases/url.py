"""Database URLs: `${ENV}` references, default drivers, read-only SQLite, and the form reports show.

A URL is untrusted and may hold a password. Nothing here ever puts the password into
a message: `shown` is the URL with its password replaced by `***`, and `scrub` removes
the secret from any text a driver hands back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from cnsnt.redact import redact

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")

#: Backends named without a driver get the one cnsnt installs and tests.
_DEFAULT_DRIVERS = {
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mariadb+pymysql",
    "sqlite": "sqlite+pysqlite",
}

#: Query parameters that carry a secret (libpq `password`, `sslpassword`; PyMySQL `passwd`).
_SECRET_PARAMS = {"password", "passwd", "pwd", "sslpassword", "secret", "token", "api_key", "apikey"}

#: The extra that installs a backend's default driver (for "driver missing" messages).
EXTRAS = {"postgresql": "postgres", "mysql": "mysql", "mariadb": "mysql"}


class DatabaseUrlError(ValueError):
    """The URL cannot be used at all: malformed, unknown backend, or a missing `${VAR}`."""


@dataclass(frozen=True)
class DatabaseUrl:
    """A database URL ready to connect, and how reports name it."""

    url: URL
    """What cnsnt connects with (driver set, SQLite path absolute and read-only)."""
    shown: str
    """The URL as written (after `${ENV}` expansion) with its password as `***`."""
    backend: str
    """`postgresql`, `mysql`, `mariadb`, `sqlite`, ... (SQLAlchemy's backend name)."""
    secrets: tuple[str, ...] = ()
    """The password in every spelling a driver might echo (decoded and percent-encoded)."""
    literal_secret: bool = False
    """The password was written into the URL itself rather than as a `${VAR}` reference."""

    def scrub(self, text: str) -> str:
        """Text from a driver with every trace of the credentials removed."""
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return redact(text)

    @property
    def sqlite_file(self) -> Path | None:
        """The file of a SQLite database (None for other backends and in-memory ones)."""
        if self.backend != "sqlite":
            return None
        database = self.url.database or ""
        if not database.startswith("file:"):
            return None
        return Path(_unquote_path(database[len("file:") :]))


def expand_env(raw: str, env: Mapping[str, str] | None = None) -> str:
    """Replace `${NAME}` with the environment variable's value.

    A reference that is the whole URL (`${DATABASE_URL}`) is used as is; one inside the
    user:password part or the query string is percent-encoded, so a password may hold
    `@`, `/`, `:` or `&`.
    """
    env = os.environ if env is None else env
    missing = sorted({m[1] for m in _ENV_REF.finditer(raw) if m[1] not in env})
    if missing:
        names = ", ".join(missing)
        raise DatabaseUrlError(
            f"environment variable{'s' if len(missing) > 1 else ''} {names} "
            f"{'are' if len(missing) > 1 else 'is'} not set"
        )
    whole = _ENV_REF.fullmatch(raw.strip())
    if whole:
        return env[whole[1]]
    userinfo_end = _userinfo_end(raw)
    query_start = raw.find("?") if "?" in raw else len(raw)

    def value(m: re.Match[str]) -> str:
        text = env[m[1]]
        encode = m.start() < userinfo_end or m.start() > query_start
        return quote(text, safe="") if encode else text

    return _ENV_REF.sub(value, raw)


def _userinfo_end(raw: str) -> int:
    """Offset of the `@` that ends `scheme://user:password@` (-1 when there is none)."""
    start = raw.find("://")
    if start < 0:
        return -1
    start += 3
    slash = raw.find("/", start)
    authority_end = len(raw) if slash < 0 else slash
    return raw.rfind("@", start, authority_end)


def parse_database_url(
    raw: str, base_dir: Path, env: Mapping[str, str] | None = None
) -> DatabaseUrl:
    """Expand, parse and check a database URL; a relative SQLite path is read from `base_dir`.

    Raises `DatabaseUrlError` with a message that never holds the password.
    """
    expanded = expand_env(raw, env)
    try:
        written = make_url(expanded)
    except (ArgumentError, ValueError):
        raise DatabaseUrlError(
            # As written, before expansion: no environment value is ever echoed.
            f"'{redact(raw)}' is not a database URL; expected a SQLAlchemy URL such as "
            "sqlite:///app.db or postgresql://user:${PGPASSWORD}@host/dbname"
        ) from None
    secrets = _secrets(
        written.password,
        *(
            v
            for k, vs in written.query.items()
            if k.lower() in _SECRET_PARAMS
            for v in ((vs,) if isinstance(vs, str) else vs)
        ),
    )
    shown = _shown(written, secrets)
    backend = written.get_backend_name()
    drivername = written.drivername
    if drivername in _DEFAULT_DRIVERS:
        drivername = _DEFAULT_DRIVERS[drivername]
        backend = drivername.split("+")[0]
    url = written.set(drivername=drivername)
    try:
        url.get_dialect()
    except NoSuchModuleError:
        raise DatabaseUrlError(
            f"unknown database kind '{written.drivername}' in '{shown}'; "
            "expected sqlite, postgresql, mysql, mariadb or another SQLAlchemy dialect"
        ) from None
    if backend == "sqlite":
        url = _sqlite_read_only(url, base_dir)
    return DatabaseUrl(
        url=url, shown=shown, backend=backend, secrets=secrets, literal_secret=_literal_secret(raw)
    )


def _literal_secret(raw: str) -> bool:
    """A password (or `?password=`) written out in the URL as given, not as `${VAR}`."""
    try:
        written = make_url(raw)
    except (ArgumentError, ValueError):
        return False  # `${DATABASE_URL}`: the whole URL comes from the environment
    values = [written.password or ""] + [
        v
        for k, vs in written.query.items()
        if k.lower() in _SECRET_PARAMS
        for v in ((vs,) if isinstance(vs, str) else vs)
    ]
    return any(v and not _ENV_REF.search(v) for v in values)


def _secrets(*passwords: str | None) -> tuple[str, ...]:
    spellings: set[str] = set()
    for password in passwords:
        if password:
            spellings |= {password, quote(password, safe=""), quote(password)}
    # Longest first, so a spelling that contains another is replaced whole.
    return tuple(sorted(spellings, key=lambda s: (-len(s), s)))


def _shown(url: URL, secrets: tuple[str, ...]) -> str:
    """The URL with `***` for its password; query values stay as written (`host=/run/pg`)."""
    text = url.set(query={}).render_as_string(hide_password=True)
    params = [
        f"{key}={value}"
        for key, values in url.query.items()
        for value in ((values,) if isinstance(values, str) else values)
    ]
    if params:
        text += "?" + "&".join(params)
    text = redact(text)
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def _sqlite_read_only(url: URL, base_dir: Path) -> URL:
    """Open the file through a `file:` URI with `mode=ro`: SQLite can then never write it.

    Without it SQLite would also create an empty database where the file is missing.
    """
    database = url.database
    if not database or database == ":memory:":
        return url
    if database.startswith("file:"):
        path = _unquote_path(database[len("file:") :].split("?", 1)[0])
    else:
        path = database
    full = Path(path) if os.path.isabs(path) else (base_dir / path)
    query = {k: v for k, v in url.query.items() if k not in {"mode", "uri", "immutable"}}
    query.update({"mode": "ro", "uri": "true"})
    return url.set(database="file:" + quote(full.absolute().as_posix()), query=query)


def _unquote_path(text: str) -> str:
    return unquote(text)
