"""Keep secrets out of everything cnsnt prints: messages, log lines, reports.

`redact` is the one function every message goes through (findings, policy problems,
source errors, third-party log records, stderr). It hides:

- the password of a URL (`scheme://user:PASSWORD@host`), whatever characters it
  holds: the user-info ends at the last `@` of the authority, as a password may
  hold `@`, `/` or `:` written unescaped;
- `key=value` and `key: value` secrets whose key belongs to a secret family
  (`password`, `PGPASSWORD`, `sslpassword`, `client_secret`, `aws_secret_access_key`,
  `api_key`, `token`, `pwd`, ...), with or without blanks around `=`;
- SQL password clauses (`PASSWORD 'x'`, `IDENTIFIED BY 'x'`);
- Oracle logons `user/password@db` of SQL*Plus `CONNECT`, `COPY` and `sqlplus` lines;
- `Bearer`/`Basic` credentials and JSON Web Tokens;
- every value registered with `register_secret`: the policy loader registers the
  value of each environment variable a policy refers to as `${NAME}` (and the CLI
  those of `--db` URLs), wherever that value later appears as a word of its own.

Every pattern below is linear-time; each carries its argument.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from urllib.parse import quote

MASK = "***"

#: A URL scheme and `://`. Linear: the lookbehind lets a try start only at the start of a
#: run of scheme characters, and the possessive run is scanned once from there.
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*+://")
#: Where a URL's text ends (its authority cannot hold these). Linear: one class, no repeat.
_URL_END = re.compile(r"[\s'\"`<>]")

#: `key = value` / `key: value` / `"key": "value"`. Linear: a try starts only where a key run starts
#: (lookbehind), the key and the blanks are possessive, and each value branch is one
#: possessive class run (an unterminated quote runs to the line end, without retry).
_KEY_VALUE = re.compile(
    r"(?<![\w.\-])(?P<key>[\w.\-]++)(?P<sep>['\"]?+[ \t]*+(?P<op>=|:(?!//))[ \t]*+)"
    r"(?P<value>'[^'\n]*+'?|\"[^\"\n]*+\"?|[^\s&;,'\"<>)\]}]++)"
)
#: Key families (lower case, `-` as `_`): a key containing one of these names a secret.
_SECRET_STEMS = (
    "passw",  # password, sslpassword, PGPASSWORD, db_password, passwd
    "pwd",
    "secret",  # secret, client_secret, aws_secret_access_key
    "token",
    "apikey",
    "api_key",
    "access_key",
    "accesskey",
    "private_key",
    "privatekey",
    "credential",
    "sas_key",
    "account_key",
    "auth_key",
    "session_key",
)
#: `key: value` is a common shape of ordinary messages (`data.password: expected ...`),
#: so with `:` only a bare key (no dot) that names a secret counts.
#: SQL clauses that take a password literal. Linear: fixed words, possessive blanks and
#: one possessive class run for the literal.
_SQL_PASSWORD = re.compile(
    r"(?i)(?<![\w.\-])(?P<key>password|identified[ \t]++by)(?P<sep>[ \t]++)"
    r"(?P<value>'[^'\n]*+'?|\"[^\"\n]*+\"?)"
)
#: `Bearer x`/`Basic x` (capitalised, as HTTP writes them) with a token of 8+ characters
#: holding a digit or a token symbol. Linear: fixed word, possessive blanks and run.
_AUTH_SCHEME = re.compile(
    r"(?<![\w\-])(?P<key>Bearer|Basic|Digest|Token)(?P<sep>[ \t]++)"
    r"(?P<value>(?=[A-Za-z0-9._~+/=\-]*?[0-9._~+/=\-])[A-Za-z0-9._~+/=\-]{8,}+)"
)
_AUTH_WORDS = ("Bearer", "Basic", "Digest", "Token")
#: Oracle logons `user/password[@db]`: after SQL*Plus `CONNECT`/`CONN` or the `sqlplus`
#: command (and its `-s`-style flags), or after `FROM`/`TO` of SQL*Plus `COPY` when an `@db`
#: follows. Linear: a try starts only at a word start (lookbehind); the key, the flags, the
#: user and the password are possessive runs that cannot trade characters.
_ORACLE_LOGON = re.compile(
    r"(?i)(?<![\w$#])(?:(?P<key>conn(?>(?:ect)?)|sqlplus(?>(?:[ \t]++-\w++)*))"
    r"(?P<sep>[ \t]++[\w$#]++/)(?P<value>\"[^\"\n]*+\"?|[^\s@\"]++)"
    r"|(?P<key2>from|to)(?P<sep2>[ \t]++[\w$#]++/)(?P<value2>\"[^\"\n]*+\"?|[^\s@\"]++)(?=@))"
)
_LOGON_WORDS = ("conn", "sqlplus", "copy")
#: A JSON Web Token anywhere (`eyJ...`.`...`). Linear: starts only at a run start;
#: possessive runs separated by literal dots.
_JWT = re.compile(r"(?<![\w\-])eyJ[\w\-]++\.[\w\-]++(?:\.[\w\-]*+)?")

_registered: set[str] = set()
#: Shorter values are not registered: they would mask ordinary words.
_MIN_SECRET = 4


#: Last words of a key that name a collection or a kind of secret, never one secret.
_NAMING_TAILS = frozenset({"tokens", "passwords", "secrets", "credentials", "keys", "type", "types"})


def _is_secret_key(key: str) -> bool:
    k = key.lower().replace("-", "_")
    return any(stem in k for stem in _SECRET_STEMS) or k.endswith("pass")


def register_secret(value: str | None) -> None:
    """Hide this value (and its percent-encoded spellings) wherever it appears from now on.

    Call it for every secret cnsnt learns: a `${ENV}` value expanded into a policy,
    a password parsed from a database URL. Values shorter than 4 characters are not
    registered (they would mask ordinary text).
    """
    if not value or len(value) < _MIN_SECRET:
        return
    _registered.update({value, quote(value, safe=""), quote(value)})
    _sorted.clear()


#: A `${NAME}` reference. Linear: fixed prefix, one possessive name run, fixed suffix.
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*+)\}")


def register_env_references(text: str, env: Mapping[str, str] | None = None) -> None:
    """Register the value of every environment variable the text names as `${NAME}`.

    The policy loader calls it on each policy file, so a value a `${ENV}` reference
    expands to (a database password, a token) is hidden wherever it later appears,
    whoever expands it.
    """
    if "${" not in text:
        return
    env = os.environ if env is None else env
    for m in _ENV_REF.finditer(text):
        register_secret(env.get(m[1]))


_sorted: list[tuple[str, ...]] = []


def _secrets() -> tuple[str, ...]:
    """Registered secrets, longest first (cached until one is registered)."""
    if not _sorted:
        _sorted.append(tuple(sorted(_registered, key=lambda s: (-len(s), s))))
    return _sorted[0]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _mask_registered(text: str, secret: str) -> str:
    """Mask each occurrence of a registered value that is not part of a longer word.

    A value such as `postgres` (a common CI password) is hidden where it stands alone,
    but `postgresql://` and `postgres_users` stay readable. Linear in the text for a
    value of bounded length: `str.find` from each candidate on.
    """
    out: list[str] = []
    pos = 0
    i = text.find(secret)
    while i >= 0:
        j = i + len(secret)
        glued_before = i > 0 and _is_word(text[i - 1]) and _is_word(secret[0])
        glued_after = j < len(text) and _is_word(text[j]) and _is_word(secret[-1])
        if glued_before or glued_after:
            i = text.find(secret, i + 1)
            continue
        out += [text[pos:i], MASK]
        pos = j
        i = text.find(secret, j)
    out.append(text[pos:])
    return "".join(out)


def _url_credentials(text: str) -> str:
    """Mask the password of every `scheme://user:password@host` in the text.

    Linear: a URL's end, its query start and its last `@` are found once per stretch
    of text and reused by every later scheme inside the same stretch.
    """
    if "://" not in text:
        return text
    out: list[str] = []
    pos = 0
    end = cut = last_at = -1
    for m in _SCHEME.finditer(text):
        start = m.end()
        if start < pos:
            continue
        if start > end:
            end_match = _URL_END.search(text, start)
            end = end_match.start() if end_match else len(text)
            cut = -1
        if start > cut:
            # The query or fragment cannot hold the user-info; the password may hold `/`, `@`.
            marks = [k for k in (text.find("?", start, end), text.find("#", start, end)) if k >= 0]
            cut = min(marks) if marks else end
            last_at = text.rfind("@", start, cut)
        at = last_at if last_at >= start else -1
        if at < 0:
            continue
        colon = text.find(":", start, at)
        if colon < 0 or text[colon + 1 : at] == MASK:
            continue
        out.append(text[pos : colon + 1])
        out.append(MASK)
        pos = at
    out.append(text[pos:])
    return "".join(out)


def _mask_value(m: re.Match[str]) -> str:
    value = m["value"]
    if value[:1] in "'\"":
        masked = value[0] + MASK + (value[0] if len(value) > 1 and value[-1] == value[0] else "")
    else:
        masked = MASK
    return f"{m['key']}{m['sep']}{masked}"


def _mask_logon(m: re.Match[str]) -> str:
    """`CONNECT scott/tiger@db` -> `CONNECT scott/***@db` (a quoted password keeps its quotes)."""
    key, sep, value = (m["key"], m["sep"], m["value"]) if m["key"] else (m["key2"], m["sep2"], m["value2"])
    if value.strip('"') == MASK:
        return m.group()
    masked = f'"{MASK}"' if value.startswith('"') else MASK
    return f"{key}{sep}{masked}"


def _key_value(m: re.Match[str]) -> str:
    key = m["key"]
    if m["value"].strip("'\"") == MASK:
        return m.group()
    if m["op"] == ":" and "." in key:
        return m.group()  # a path in a message (`data.password: expected ...`)
    if m["op"] == ":" and key.lower().replace("-", "_").rsplit("_", 1)[-1] in _NAMING_TAILS:
        # a table or a kind named in a message (`identity_verification_tokens: no earlier
        # migration ...`, sqlglot's `token_type: TokenType.L_BRACE`), not a secret's key
        return m.group()
    if not _is_secret_key(key):
        return m.group()
    return _mask_value(m)


def redact(text: str) -> str:
    """Hide credentials: `postgresql://admin:S3cret@db/app` -> `postgresql://admin:***@db/app`."""
    if not text:
        return text
    for secret in _secrets():
        if secret in text:
            text = _mask_registered(text, secret)
    text = _url_credentials(text)
    # The regex passes run only when a word they need is there (most messages have none).
    low = text.lower()
    if ("=" in text or ":" in text) and (
        any(stem in low.replace("-", "_") for stem in _SECRET_STEMS) or "pass" in low
    ):
        text = _KEY_VALUE.sub(_key_value, text)
    if ("'" in text or '"' in text) and ("password" in low or "identified" in low):
        text = _SQL_PASSWORD.sub(_mask_value, text)
    if "/" in text and any(word in low for word in _LOGON_WORDS):
        text = _ORACLE_LOGON.sub(_mask_logon, text)
    if any(word in text for word in _AUTH_WORDS):
        text = _AUTH_SCHEME.sub(_mask_value, text)
    return _JWT.sub(MASK, text) if "eyJ" in text else text
