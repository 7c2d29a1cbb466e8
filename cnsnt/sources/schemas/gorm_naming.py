"""GORM's default naming and its struct-tag syntax, as `gorm.io/gorm/schema` writes them.

Columns are field names in snake_case with Go's common initialisms kept whole
(`UserID` -> `user_id`, `HTTPServer` -> `http_server`); tables are the struct name in
snake_case, pluralised by Rails' English inflection rules (`Person` -> `people`),
which GORM's inflector (`jinzhu/inflection`) ports and the `inflection` package
ports too. A join table named in lower case is kept as written.
"""

from __future__ import annotations

import inflection

#: The initialisms GORM writes as one word (golint's list, as `schema/naming.go` has it),
#: in its order: at each place the first that matches is replaced.
_INITIALISMS = (
    "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP",
    "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TLS", "TTL", "UID", "UI",
    "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF", "XSS",
)  # fmt: skip


def _title_initialisms(name: str) -> str:
    """`UserID` -> `UserId`: each initialism title-cased, left to right, without overlaps."""
    out: list[str] = []
    i = 0
    while i < len(name):
        for word in _INITIALISMS:
            if name.startswith(word, i):
                out.append(word[0] + word[1:].lower())
                i += len(word)
                break
        else:
            out.append(name[i])
            i += 1
    return "".join(out)


def _upper(ch: str) -> bool:
    return "A" <= ch <= "Z"


def db_name(name: str) -> str:
    """A Go identifier as GORM's `NamingStrategy` writes it in the database (`CreatedAt` -> `created_at`)."""
    if not name:
        return ""
    value = _title_initialisms(name)
    out: list[str] = []
    last = False
    current = _upper(value[0])
    for i, ch in enumerate(value[:-1]):
        following = value[i + 1]
        upper_next = _upper(following)
        digit_next = "0" <= following <= "9"
        if current:
            if (
                not (last and (upper_next or digit_next))
                and i > 0
                and value[i - 1] != "_"
                and following != "_"
            ):
                out.append("_")
            out.append(ch.lower())
        else:
            out.append(ch)
        last, current = current, upper_next
    tail = value[-1]
    if current:
        if not last and len(value) > 1:
            out.append("_")
        out.append(tail.lower())
    else:
        out.append(tail)
    return "".join(out)


def table_name(struct: str) -> str:
    """A model's default table: its name in snake_case, pluralised (`CreditCard` -> `credit_cards`)."""
    return str(inflection.pluralize(db_name(struct)))


def singular(word: str) -> str:
    """A field name made singular (`Friends` -> `Friend`), for a self-referencing join column."""
    return str(inflection.singularize(word))


def tag_settings(tag: str) -> dict[str, str]:
    r"""`size:100;not null;column:e_mail` -> `{"SIZE": "100", "NOT NULL": "NOT NULL", "COLUMN": "e_mail"}`.

    GORM's `ParseTagSetting`: parts split by `;` (a `\;` stays inside the part), keys upper
    cased, a key without a value is its own value, a value keeps any further `:`.
    """
    settings: dict[str, str] = {}
    parts = tag.split(";")
    i = 0
    while i < len(parts):
        part = parts[i]
        while part.endswith("\\") and i + 1 < len(parts):
            i += 1
            part = part[:-1] + ";" + parts[i]
        key, sep, value = part.partition(":")
        key = key.strip().upper()
        if sep:
            settings[key] = value
        elif key:
            settings[key] = key
        i += 1
    return settings
