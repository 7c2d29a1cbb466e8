"""A column's declared type, read once: its name, and the kind of value it holds.

Schemas spell one type many ways (`VARCHAR(20)`, `character varying(20)`, `[nvarchar](50)`,
`int?`, `INT UNSIGNED`, Laravel's `foreignId`), and the classifier's rules each ask one
question of it: is it text, long text, a whole number, a date or a time, a yes/no, a
document, bytes? Every rule asks here, so no two rules read one type two ways.
"""

from __future__ import annotations

import functools
import re

# Where a type's name ends: its size (`varchar(20)`), a space (`int unsigned`), a comma
# (`string, array: true`). Linear: one character class, no repetition.
_NAME_END = re.compile(r"[\s(,]")
# MySQL flags: `tinyint(1)`, `int(1)`, `bit(1)` (a display width of one digit).
# Linear: possessive quantifiers, no nested repetition.
_TINYINT1 = re.compile(
    r"(?:tiny|small|medium)?int(?:eger)?\s*+\(\s*+1\s*+\)(?>(?:\s++unsigned)?)"
    r"|bit\s*+\(\s*+1\s*+\)"
)
# A quoted enum value (`enum('y','n')`). Linear: one possessive negated class between two quotes.
_QUOTED = re.compile(r"'([^']*+)'")

#: SQL type names of more than one word, kept whole (`character varying` is not `character`).
_MULTI_WORD = (
    "timestamp without time zone",
    "timestamp with time zone",
    "time without time zone",
    "time with time zone",
    "national character varying",
    "national character",
    "character varying",
    "char varying",
    "double precision",
    "bit varying",
    "long varchar",
    "long raw",
)

#: Whole numbers as a framework's migration or model writes them (Laravel's `id()`,
#: `foreignId`, `increments`; Rails' `references`; Django's `BigAutoField`; Java's `Long`).
_FRAMEWORK_INTEGERS = frozenset(
    {
        "id",
        "foreignid",
        "increments",
        "bigincrements",
        "mediumincrements",
        "smallincrements",
        "biginteger",
        "unsignedbiginteger",
        "unsignedinteger",
        "unsignedmediuminteger",
        "references",
        "autofield",
        "bigautofield",
        "foreignkey",
        "integerfield",
        "bigintegerfield",
        "positiveintegerfield",
        "autoincrement",
        "long",
    }
)
#: Whole numbers by their SQL names: a key to another table has one of them.
_SQL_INTEGERS = frozenset(
    {
        "int",
        "integer",
        "int4",
        "int8",
        "bigint",
        "smallint",
        "mediumint",
        "tinyint",
        "serial",
        "bigserial",
        "int2",
        "serial4",
        "serial8",
    }
)
#: Text of a bounded length by its SQL names: a key to another table may be one of them.
_CHARACTERS = frozenset(
    {
        "char",
        "varchar",
        "nchar",
        "nvarchar",
        "varchar2",
        "nvarchar2",
        "character",
        "bpchar",
        "character varying",
        "national character varying",
        "national character",
        "char varying",
    }
)
#: Names that start a number's type (`int(11)`, `bigint`, `decimal(10,2)`, `float64`).
_NUMERIC_PREFIXES = (
    "int",
    "smallint",
    "bigint",
    "tinyint",
    "mediumint",
    "serial",
    "bigserial",
    "smallserial",
    "decimal",
    "numeric",
    "float",
    "double",
    "real",
    "number",
    "int64",
    "float64",
    "money",
)
#: Names that start a date's or a time's type (`datetime2`, `timestamptz`, `year(4)`).
_TEMPORAL_PREFIXES = ("date", "time", "year", "interval")
_BOOLEANS = frozenset({"bool", "boolean", "bit"})
_ADDRESSES = frozenset({"inet", "cidr"})
_CHOICES = frozenset({"enum", "set"})
#: What an enum of a yes/no lists (`enum('Y','N')`, `enum('si','no')`).
_YES_NO = frozenset(
    {"y", "n", "yes", "no", "0", "1", "true", "false", "", "t", "f", "si", "oui", "non", "ja", "nein",
     "igen", "nem"}
)  # fmt: skip
#: Long text: no yes/no code is kept in one.
_LONG_TEXT = frozenset({"text", "mediumtext", "longtext", "tinytext", "ntext", "clob", "nclob"})
#: Documents: a plain `text` is not among them, as SQLite keeps its dates in one.
_DOCUMENTS = frozenset({"json", "jsonb", "longtext", "mediumtext", "clob", "ntext"})
_BINARY = frozenset({"binary", "varbinary", "blob", "bytea", "raw", "longblob", "mediumblob"})
#: Ids the database gives out: no code a person is known by.
_UUIDS = frozenset({"uuid", "uniqueidentifier", "guid"})
#: Numbers with decimals by their names alone; `decimal`, `numeric` and `number` by their scale.
_FRACTIONAL = frozenset({"float", "double", "double precision", "real", "float4", "float8", "money"})
_SCALED = frozenset({"decimal", "numeric", "number"})
# Words in a numeric type that keep decimals or a scale (`numeric(10,2)`, `decimal`):
# no whole number. Linear: alternatives of fixed words and one class, no repetition.
_NOT_WHOLE = re.compile(r"[.,]|dec|float|real|double|money")
#: Integer types too small for a key: a flag or a count (`tinyint(4)`, `smallint`; Oracle's `NUMBER(1)`).
_SMALL_INTEGERS = ("tinyint", "smallint", "bit", "int1", "int2")


def _without_size(type_: str) -> str:
    """The type without its first bracketed size and the spaces before it (`timestamp(6) with time zone`).

    String search, not a pattern: a regular expression searched for spaces before a bracket
    takes quadratic time on a long run of spaces with no bracket after them (tests/hostile).
    """
    opening = type_.find("(")
    if opening < 0:
        return type_
    closing = type_.find(")", opening)
    if closing < 0:
        return type_
    return type_[:opening].rstrip() + type_[closing + 1 :]


def _unquoted(type_: str | None) -> str:
    """The type lower case and stripped, its name's quotes gone (`[int] IDENTITY(1,1)`: `int  identity(1,1)`).

    A quoted name (SQL Server's `[int]`, a Postgres `"Status"`): the quotes are no part of it.
    """
    t = (type_ or "").strip().casefold()
    if t[:1] in ("[", '"', "`"):
        t = t[1:].replace(t[:1] if t[:1] != "[" else "]", " ", 1)
    return t.strip()


@functools.lru_cache(maxsize=4096)
def type_name(type_: str | None) -> str:
    """The type's name, lower case, without its size, quotes or nullability; '' if none.

    `VARCHAR(20)` -> `varchar`, `character varying(20)` -> `character varying`,
    `int(10) unsigned` -> `int`, `[nvarchar](50)` -> `nvarchar`, `int?` -> `int`,
    `foreignId` -> `foreignid`, `TEXT[]` -> `text[]` (an array stays one),
    `DataTypes.INTEGER` -> `integer`, `timestamp(6) with time zone` -> `timestamp with time zone`.
    """
    t = _unquoted(type_)
    # `timestamp(6) with time zone`: the size may come before a multi-word name's other words
    unsized = _without_size(t)
    for name in _MULTI_WORD:
        if unsized.startswith(name) and (len(unsized) == len(name) or not unsized[len(name)].isalnum()):
            return name
    name = _NAME_END.split(t, maxsplit=1)[0]
    name = name[:-1] if name.endswith("?") else name
    # a model's or a schema's qualifier (`DataTypes.INTEGER`, `field.Date`, `pg_catalog.int4`)
    return name.rpartition(".")[2]


@functools.lru_cache(maxsize=4096)
def type_kind(type_: str | None) -> str:
    """The kind of value a type holds: text, numeric, temporal, boolean, inet, or unknown (no type).

    A whole number a framework writes by name (`foreignId`, `bigIncrements`) is numeric;
    an enum of yes and no is a yes/no; a one-digit integer (`tinyint(1)`) a MySQL flag.
    """
    name = type_name(type_)
    if not name:
        return "unknown"
    if name in _ADDRESSES:
        return "inet"
    if name in _BOOLEANS and _nullable(type_):
        # A C#-style `bool?` (a yes/no that may be unknown) is read as text, as the rules
        # read it before types were read here: as a yes/no it loses 17 findings of the tune
        # half (a disciplinary case's `KozvetitoiSikeresFL bool?`, criminal-offence data)
        # for the 8 false ones it corrects (tidy34). `int?` and `DateTime?` read as theirs.
        return "text"
    if name in _BOOLEANS or _TINYINT1.fullmatch((type_ or "").strip().casefold()):
        return "boolean"
    if name in _CHOICES:
        values = {v.strip().casefold() for v in choice_values(type_)}
        return "boolean" if values and values <= _YES_NO else "text"
    if name.startswith(_TEMPORAL_PREFIXES) or "timestamp" in name:
        return "temporal"
    if name.startswith(_NUMERIC_PREFIXES) or name in _FRAMEWORK_INTEGERS:
        return "numeric"
    return "text"


def _nullable(type_: str | None) -> bool:
    """Whether the type's name is marked as one that may be null, C#-style (`bool?`, `int?`)."""
    return _NAME_END.split((type_ or "").strip(), maxsplit=1)[0].endswith("?")


def is_text(type_: str | None) -> bool:
    """Whether the type holds text (any type that is no number, date, yes/no or address)."""
    return type_kind(type_) == "text"


def long_text(type_: str | None) -> bool:
    """Whether the type is a long text (`TEXT`, `LONGTEXT`, `CLOB`), never a flag's."""
    return type_name(type_) in _LONG_TEXT


def document(type_: str | None) -> bool:
    """Whether the type holds a document (`jsonb`, `longtext`), never a date written as text."""
    return type_name(type_) in _DOCUMENTS


def binary(type_: str | None) -> bool:
    """Whether the type holds bytes (`longblob`, `bytea`): a file or an image, never a date."""
    return type_name(type_) in _BINARY


def uuid(type_: str | None) -> bool:
    """Whether the type is a uuid the database gives out (`uuid`, `uniqueidentifier`)."""
    return type_name(type_) in _UUIDS


def choice(type_: str | None) -> bool:
    """Whether the type lists its values (`enum('a','b')`, MySQL's `set`)."""
    return type_name(type_) in _CHOICES


def choice_values(type_: str | None) -> list[str]:
    """The values an enum or a set lists, as written (`enum('Y','N')` -> `['Y', 'N']`)."""
    return _QUOTED.findall(type_ or "")


def integer(type_: str | None) -> bool:
    """A whole-number type (`INT`, `bigint`, `NUMBER(10)`, `foreignId`), not a decimal nor a float.

    Read from the name and its own size only: what follows them (`[int] IDENTITY(1,1)`,
    `ForeignKey(accounts.Member)`, `Long, not null`) says nothing of decimals.
    """
    if type_kind(type_) != "numeric":
        return False
    name = type_name(type_)
    if name in _FRAMEWORK_INTEGERS:
        return True
    own = parameters(type_)
    if name == "number" and _scale(own) == "0":
        # Oracle's integers are `NUMBER(10,0)`; a `decimal(10,0)` stays a decimal (an amount
        # in a currency without cents is no key)
        return True
    return not _NOT_WHOLE.search(name) and not _NOT_WHOLE.search(own)


@functools.lru_cache(maxsize=4096)
def parameters(type_: str | None) -> str:
    """What the brackets right after a type's name hold, lower case (`10, 2` in `numeric(10, 2)`), or ''.

    The one reading of a type's own size and scale for `size`, `fractional` and `integer`.
    Only brackets that follow the name itself count (`character varying(20)`,
    `[nvarchar](50)`, `timestamp(6) with time zone`): in `[int] IDENTITY(1,1)` the brackets
    are the identity's seed and step, no size of the `int`.
    """
    t = _unquoted(type_)
    opening = t.find("(")
    if opening < 0:
        return ""
    head = t[:opening].split()
    if len(head) != 1 and " ".join(head) not in _MULTI_WORD:
        return ""
    return t[opening + 1 :].split(")", 1)[0]


def _scale(own: str) -> str | None:
    """The scale of a `precision, scale` pair (`2` in `10, 2`), or None where there is no pair."""
    parts = own.split(",")
    return parts[1].strip() if len(parts) == 2 else None


def small_integer(type_: str | None) -> bool:
    """Whether a type is a whole number too small for a key (`tinyint(4)`, `smallint`, `bit`, `NUMBER(1)`)."""
    name = type_name(type_)
    return name.startswith(_SMALL_INTEGERS) or (name == "number" and size(type_) == 1)


def size(type_: str | None) -> int | None:
    """The declared size: a text's length, a number's precision; None where none is written.

    `varchar2(255 char)` -> 255, `NUMBER(1,0)` -> 1, `text`, `nvarchar(max)` and
    `[int] IDENTITY(1,1)` -> None.
    """
    digits = parameters(type_).split(",", 1)[0].strip().split(" ", 1)[0]
    return int(digits) if digits.isdigit() else None


def fractional(type_: str | None) -> bool:
    """Whether a numeric type keeps decimals: `decimal(10,2)`, `numeric(5,1)`, `float`, `real`."""
    name = type_name(type_)
    if name in _FRACTIONAL:
        return True
    if name in _SCALED:
        scale = _scale(parameters(type_)) or "0"
        return scale.isdigit() and int(scale) > 0
    return False


def family(type_: str | None) -> str:
    """The type's family, to compare a key with the key it points at: `int`, `char` or its name.

    `int(11) unsigned`, `bigint` and `foreignId` are all `int`; `VARCHAR(16)`, `char(10)`
    and `character varying` all `char`.
    """
    name = type_name(type_)
    if name in _SQL_INTEGERS or name in _FRAMEWORK_INTEGERS:
        return "int"
    return "char" if name in _CHARACTERS else name
