"""Spring Data's derived queries: a repository method's name as the JPQL query it runs.

`List<User> findByEmailAndLastNameOrderByCreatedAtDesc(String email, String lastName)` on
`interface UserRepository extends JpaRepository<User, Long>` has no `@Query`: Spring Data
builds the query from the name, by the grammar its reference documents ("Query creation",
"Repository query keywords"):

- the subject, `find`/`read`/`get`/`query`/`search`/`stream` (the entity), `count`,
  `exists` or `delete`/`remove`, then anything up to the first `By` (`Distinct`,
  `First10`, `Top3`, a word of the domain type);
- the predicate: parts joined by `Or` and `And`, each a property path and a keyword
  (`Is`/`Equals` or none, `Not`, `Between`, `LessThan`, `GreaterThanEqual`, `Before`,
  `After`, `IsNull`, `NotNull`, `Like`, `StartingWith`, `Containing`, `In`, `True`...,
  `IgnoreCase`), `AllIgnoreCase` anywhere;
- `OrderBy` and properties with `Asc`/`Desc`.

A property path is resolved as Spring's `PropertyPath` resolves it: the whole name as a
property of the entity, else split at a camel hump from the right (`addressZipCode` is
`address.zipCode` when `address` is embedded or a relation), `_` a split the name makes
itself. The result is JPQL (`SELECT e FROM User e WHERE e.email = ? AND ...`), read by
`cnsnt.sql.jpql` as an `@Query` is. A name cnsnt cannot read (a property no entity maps,
a keyword of another store such as `Near`) is said, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cnsnt.sql.jpql import Entity

#: The subject words and what each selects (`{e}`: the alias, `{d}`: `DISTINCT `).
_SUBJECTS = {
    "find": "SELECT {d}e", "read": "SELECT {d}e", "get": "SELECT {d}e", "query": "SELECT {d}e",
    "search": "SELECT {d}e", "stream": "SELECT {d}e", "count": "SELECT COUNT(e)",
    "exists": "SELECT COUNT(e)", "delete": "DELETE", "remove": "DELETE",
}  # fmt: skip
#: The subjects that load entities (and keep an `OrderBy`).
_FINDS = frozenset({"find", "read", "get", "query", "search", "stream"})
#: A method name longer than this is no query Spring Data derives (a hostile name stays cheap).
MAX_NAME = 1_000
#: Predicate keywords (as camel-case words) -> the JPQL they write for a property `{p}`;
#: None: a keyword of another store (geospatial, regular expressions) or of collections.
_KEYWORDS: dict[tuple[str, ...], str | None] = {}
for _words, _jpql in (
    (("Is", "Not", "Null"), "{p} IS NOT NULL"), (("Not", "Null"), "{p} IS NOT NULL"),
    (("Is", "Null"), "{p} IS NULL"), (("Null",), "{p} IS NULL"),
    (("Is", "Between"), "{p} BETWEEN ? AND ?"), (("Between",), "{p} BETWEEN ? AND ?"),
    (("Is", "Less", "Than", "Equal"), "{p} <= ?"), (("Less", "Than", "Equal"), "{p} <= ?"),
    (("Is", "Less", "Than"), "{p} < ?"), (("Less", "Than"), "{p} < ?"),
    (("Is", "Greater", "Than", "Equal"), "{p} >= ?"), (("Greater", "Than", "Equal"), "{p} >= ?"),
    (("Is", "Greater", "Than"), "{p} > ?"), (("Greater", "Than"), "{p} > ?"),
    (("Is", "Before"), "{p} < ?"), (("Before",), "{p} < ?"),
    (("Is", "After"), "{p} > ?"), (("After",), "{p} > ?"),
    (("Is", "Not", "Like"), "{p} NOT LIKE ?"), (("Not", "Like"), "{p} NOT LIKE ?"),
    (("Is", "Like"), "{p} LIKE ?"), (("Like",), "{p} LIKE ?"),
    (("Is", "Starting", "With"), "{p} LIKE ?"), (("Starting", "With"), "{p} LIKE ?"),
    (("Starts", "With"), "{p} LIKE ?"),
    (("Is", "Ending", "With"), "{p} LIKE ?"), (("Ending", "With"), "{p} LIKE ?"),
    (("Ends", "With"), "{p} LIKE ?"),
    (("Is", "Not", "Containing"), "{p} NOT LIKE ?"), (("Not", "Containing"), "{p} NOT LIKE ?"),
    (("Not", "Contains"), "{p} NOT LIKE ?"),
    (("Is", "Containing"), "{p} LIKE ?"), (("Containing",), "{p} LIKE ?"), (("Contains",), "{p} LIKE ?"),
    (("Is", "Not", "In"), "{p} NOT IN (?)"), (("Not", "In"), "{p} NOT IN (?)"),
    (("Is", "In"), "{p} IN (?)"), (("In",), "{p} IN (?)"),
    (("Is", "True"), "{p} = TRUE"), (("True",), "{p} = TRUE"),
    (("Is", "False"), "{p} = FALSE"), (("False",), "{p} = FALSE"),
    (("Is", "Not"), "{p} <> ?"), (("Not",), "{p} <> ?"),
    (("Is",), "{p} = ?"), (("Equals",), "{p} = ?"),
    (("Is", "Not", "Empty"), None), (("Not", "Empty"), None), (("Is", "Empty"), None), (("Empty",), None),
    (("Is", "Near"), None), (("Near",), None), (("Is", "Within"), None), (("Within",), None),
    (("Matches", "Regex"), None), (("Regex",), None), (("Matches",), None), (("Exists",), None),
):  # fmt: skip
    _KEYWORDS[_words] = _jpql
#: `IgnoreCase` and `IgnoringCase`: case is no column.
_IGNORE = ("Ignore", "Ignoring")
#: Longest keyword first, so `NotNull` wins over `Null` and `IsNot` over `Is`.
_BY_LENGTH = sorted(_KEYWORDS, key=len, reverse=True)


@dataclass(frozen=True)
class Derived:
    """A derived query as JPQL, or why its name cannot be read (None and None: no derived query)."""

    jpql: str | None
    problem: str | None = None


def words(name: str) -> list[str]:
    """`findByEmailAddress` -> `find`, `By`, `Email`, `Address`: a word starts at each capital."""
    out: list[str] = []
    start = 0
    for i in range(1, len(name)):
        if name[i].isupper():
            out.append(name[start:i])
            start = i
    if name:
        out.append(name[start:])
    return out


def is_derived(method: str) -> bool:
    """Whether Spring Data derives a query from a method's name (a subject, then `By`)."""
    parts = words(method[: MAX_NAME + 1])
    return bool(parts) and parts[0] in _SUBJECTS and "By" in parts[1:]


def derive(method: str, domain: str, entity: Entity, entities: Mapping[str, Entity]) -> Derived:
    """The JPQL `method` of a repository of `domain` (the entity) runs; `Derived(None)` if it derives none.

    `entities`: what JPQL names resolve through (a relation's target entity).
    """
    parts = words(method)
    if not parts or parts[0] not in _SUBJECTS or "By" not in parts[1:]:
        return Derived(None)  # `findAll`, `save`, a custom method: no query from the name
    if len(method) > MAX_NAME:
        return Derived(None, f"its name is longer than {MAX_NAME:,} characters; it is not read")
    by = parts.index("By", 1)
    subject, predicate = parts[1:by], parts[by + 1 :]
    distinct = "DISTINCT " if "Distinct" in subject else ""
    predicate = _without_all_ignore_case(predicate)
    order: list[str] = []
    for i in range(len(predicate) - 1):
        if predicate[i] == "Order" and predicate[i + 1] == "By":
            predicate, order = predicate[:i], predicate[i + 2 :]
            break
    resolver = _Paths(entity, entities)
    ors: list[str] = []
    for alternative in _split(predicate, "Or"):
        ands: list[str] = []
        for part in _split(alternative, "And"):
            said = _part(part, resolver)
            if said.problem is not None or said.jpql is None:
                return said
            ands.append(said.jpql)
        ors.append(" AND ".join(ands))
    if not ors and not order:
        return Derived(None, "no property follows its 'By'; it is not read")
    head = _SUBJECTS[parts[0]].format(d=distinct)
    jpql = f"{head} FROM {domain} e" if head != "DELETE" else f"DELETE FROM {domain} e"
    if ors:
        jpql += " WHERE " + " OR ".join(f"({o})" if len(ors) > 1 else o for o in ors)
    if order and parts[0] in _FINDS:  # a count, an exists or a delete has no order
        sorted_by = _order(order, resolver)
        if sorted_by.problem is not None:
            return sorted_by
        jpql += f" ORDER BY {sorted_by.jpql}"
    return Derived(jpql)


def _without_all_ignore_case(predicate: list[str]) -> list[str]:
    """The predicate without `AllIgnoreCase` (`AllIgnoringCase`): case is no column."""
    for i in range(len(predicate) - 2):
        if predicate[i] == "All" and predicate[i + 1] in _IGNORE and predicate[i + 2] == "Case":
            return predicate[:i] + predicate[i + 3 :]
    return predicate


def _split(parts: list[str], word: str) -> list[list[str]]:
    """The words between each `word` (`Or`, `And`); none when there are no words."""
    if not parts:
        return []
    out: list[list[str]] = [[]]
    for part in parts:
        if part == word and out[-1]:
            out.append([])
        else:
            out[-1].append(part)
    return out


def _part(part: list[str], resolver: _Paths) -> Derived:
    """One predicate part (`EmailAddressIgnoreCase`, `AgeGreaterThan`) as JPQL."""
    if len(part) >= 2 and part[-2] in _IGNORE and part[-1] == "Case":
        part = part[:-2]
    keyword = next((k for k in _BY_LENGTH if len(k) < len(part) and tuple(part[-len(k) :]) == k), ())
    template = _KEYWORDS.get(keyword, "{p} = ?")
    prop = part[: len(part) - len(keyword)]
    if template is None:
        said = f"'{''.join(keyword)}' is no keyword Spring Data JPA derives a query from"
        return Derived(None, f"{said}; it is not read")
    path = resolver.path(prop)
    if path is None:
        return Derived(None, resolver.unknown(prop))
    return Derived(template.format(p=f"e.{path}"))


def _order(order: list[str], resolver: _Paths) -> Derived:
    """`LastNameDescCreatedAt` -> `e.lastName DESC, e.createdAt`."""
    out: list[str] = []
    current: list[str] = []
    for word in [*order, ""]:
        if word in ("Asc", "Desc", ""):
            if not current:
                if word:
                    said = "its OrderBy names no property before 'Asc' or 'Desc'"
                    return Derived(None, f"{said}; it is not read")
                continue
            path = resolver.path(current)
            if path is None:
                return Derived(None, resolver.unknown(current))
            out.append(f"e.{path}" + (" DESC" if word == "Desc" else ""))
            current = []
        else:
            current.append(word)
    return Derived(", ".join(out))


def _decapitalize(name: str) -> str:
    """JavaBeans' `Introspector.decapitalize`: `EmailAddress` -> `emailAddress`, `URL` stays."""
    if len(name) > 1 and name[0].isupper() and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


class _Paths:
    """Property paths of an entity as Spring's `PropertyPath` finds them, memoized (linear per name)."""

    def __init__(self, entity: Entity, entities: Mapping[str, Entity]) -> None:
        self.entity = entity
        self.entities = entities
        self.memo: dict[tuple[int, str, int, int], str | None] = {}
        self.nested: dict[int, frozenset[str]] = {}

    def unknown(self, prop: list[str]) -> str:
        name = _decapitalize("".join(prop))
        return f"'{name}' is no property of entity {self.entity.name} that cnsnt read; it is not read"

    def path(self, prop: list[str]) -> str | None:
        """`address.zipCode` for the words `Address`, `Zip`, `Code`; None when no split names a property."""
        joined = "".join(prop)
        self.memo = {}  # by place in these words
        if "_" in joined:  # the name says where the path splits
            return self._explicit([s for s in joined.split("_") if s])
        return self._find(prop, 0, len(prop), self.entity, "")

    def _explicit(self, segments: list[str]) -> str | None:
        entity, prefix = self.entity, ""
        names = [_decapitalize(s) for s in segments]
        for name in names[:-1]:
            scope = self._scope(entity, prefix, name)
            if scope is None:
                return None
            entity, prefix = scope
        return ".".join(names) if names and self._leaf(entity, prefix + names[-1]) else None

    def _find(self, prop: list[str], start: int, end: int, entity: Entity, prefix: str) -> str | None:
        key = (id(entity), prefix, start, end)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = None  # a relation back to an entity already on the way: no path through it
        found: str | None = None
        whole = _decapitalize("".join(prop[start:end]))
        if self._leaf(entity, prefix + whole):
            found = whole
        else:
            for cut in range(end - 1, start, -1):  # the head grows shorter, from the right
                head = _decapitalize("".join(prop[start:cut]))
                scope = self._scope(entity, prefix, head)
                if scope is None:
                    continue
                rest = self._find(prop, cut, end, *scope)
                if rest is not None:
                    found = f"{head}.{rest}"
                    break
        self.memo[key] = found
        return found

    def _leaf(self, entity: Entity, path: str) -> bool:
        return path in entity.fields or path in entity.inherited

    def _scope(self, entity: Entity, prefix: str, name: str) -> tuple[Entity, str] | None:
        """Where the properties of `name` are: a relation's entity, or an embedded field's prefix."""
        full = prefix + name
        if full in entity.relations:
            target = self.entities.get(entity.relations[full])
            return (target, "") if target is not None else None
        if id(entity) not in self.nested:
            self.nested[id(entity)] = frozenset(
                ".".join(f.split(".")[: i + 1]) for f in entity.fields for i in range(f.count("."))
            )
        return (entity, full + ".") if full in self.nested[id(entity)] else None


__all__ = ["MAX_NAME", "Derived", "derive", "is_derived", "words"]
