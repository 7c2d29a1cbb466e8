"""How Mongoose names a model's collection and a path's type, as its own code does.

`collection_name` is Mongoose's `utils.toCollectionName` with its default `pluralize`
(`lib/helpers/pluralize.js`, unchanged from Mongoose 8.1 to 9.9): the model name lower
cased, then the first of its rules that matches, unless the name is uncountable. The
rules are JavaScript regular expressions applied to a model name (a short identifier),
never to source text; those written with the `g` flag replace every match, as
`String.prototype.replace` does.

`schema_type` gives a path's type as Mongoose names it (`String`, `Number`, `Date`,
`Boolean`, `Buffer`, `ObjectId`, `Mixed`, `Array`, `Decimal128`, `Map`, `UUID`, `BigInt`,
`Double`, `Int32`) from the way the code writes it: a global constructor (`String`), a
member of `Schema.Types` / `mongoose.SchemaTypes` / `mongoose.Types` (`ObjectId`), or a
string (`'objectId'`, which Mongoose capitalises). `Object` and `{}` are `Mixed`.
"""

from __future__ import annotations

import re

#: Mongoose's rules, first match wins: (pattern, replacement, replaces every match).
_RULES: tuple[tuple[re.Pattern[str], str, bool], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE if flags else 0), replacement, "g" in flags)
    for pattern, replacement, flags in (
        (r"human$", "humans", "gi"),
        (r"(m|wom)an$", r"\1en", "gi"),
        (r"(pe)rson$", r"\1ople", "gi"),
        (r"(child)$", r"\1ren", "gi"),
        (r"^(ox)$", r"\1en", "gi"),
        (r"(ax|test)is$", r"\1es", "gi"),
        (r"(octop|cact|foc|fung|nucle)us$", r"\1i", "gi"),
        (r"(alias|status|virus)$", r"\1es", "gi"),
        (r"(bu)s$", r"\1ses", "gi"),
        (r"(buffal|tomat|potat)o$", r"\1oes", "gi"),
        (r"([ti])um$", r"\1a", "gi"),
        (r"sis$", "ses", "gi"),
        (r"(?:([^f])fe|([lr])f)$", r"\1\2ves", "gi"),
        (r"(hive)$", r"\1s", "gi"),
        (r"([^aeiouy]|qu)y$", r"\1ies", "gi"),
        (r"(x|ch|ss|sh)$", r"\1es", "gi"),
        (r"(matr|vert|ind)ix|ex$", r"\1ices", "gi"),
        (r"([m|l])ouse$", r"\1ice", "gi"),
        (r"(kn|w|l)ife$", r"\1ives", "gi"),
        (r"(quiz)$", r"\1zes", "gi"),
        (r"^goose$", "geese", "i"),
        (r"s$", "s", "gi"),
        (r"([^a-z])$", r"\1", ""),
        (r"$", "s", "gi"),
    )
)
#: Words Mongoose leaves as they are.
_UNCOUNTABLE = frozenset(
    {
        "advice", "energy", "excretion", "digestion", "cooperation", "health", "justice", "labour",
        "machinery", "equipment", "information", "pollution", "sewage", "paper", "money", "species",
        "series", "rain", "rice", "fish", "sheep", "moose", "deer", "news", "expertise", "status", "media",
    }
)  # fmt: skip


def pluralize(name: str) -> str:
    """Mongoose's default `pluralize`: `User` -> `users`, `Person` -> `people`, `Category` -> `categories`."""
    word = name.lower()
    if word in _UNCOUNTABLE:
        return word
    for pattern, replacement, every in _RULES:
        if pattern.search(word):
            return pattern.sub(replacement, word, count=0 if every else 1)
    return word


def collection_name(model: str, pluralizing: bool = True) -> str:
    """The collection of a model given no `collection` (`mongoose.pluralize(null)` turns plurals off)."""
    if model in ("system.profile", "system.indexes") or not pluralizing:
        return model
    return pluralize(model)


#: Mongoose's schema types, by the name code may spell them with (lower case).
_TYPES = {
    name.lower(): name
    for name in (
        "String", "Number", "Date", "Boolean", "Buffer", "ObjectId", "Mixed", "Array", "Decimal128",
        "Map", "UUID", "BigInt", "Double", "Int32",
    )
}  # fmt: skip
_TYPES.update({"objectid": "ObjectId", "oid": "ObjectId", "object": "Mixed"})
#: The objects Mongoose's types are members of (`mongoose.Schema.Types.ObjectId`).
_HOLDERS = ("Types", "SchemaTypes", "Schema", "mongoose")


def schema_type(written: str) -> str | None:
    """The Mongoose type a type expression or string names, or None when it names none.

    `String`, `'string'`, `Schema.Types.ObjectId`, `mongoose.SchemaTypes.Mixed`,
    `mongoose.Schema.ObjectId`, `mongoose.Mixed`, `Types.Decimal128`, `ObjectId` (destructured).
    """
    parts = written.replace(" ", "").split(".")
    if len(parts) > 1 and parts[-2] not in _HOLDERS:
        return None
    return _TYPES.get(parts[-1].lower())
