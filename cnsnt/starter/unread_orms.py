"""Model files of ORMs cnsnt does not read, named in a note so the starter is never silently short.

A Go project's structs may map tables (or documents) with a library cnsnt has no
reader for: go-pg's `pg:"..."` tags, GoFrame's `orm:"..."`, MongoDB's `bson:"..."`,
gorp's and upper/db's `db:"..."`. Their tables hold personal data the audit would
never see; `cnsnt init` says which files it passed over and what to name instead (a
DDL dump or a live database). A file is told by its struct tags and, where a tag key
is shared with query helpers (`db:"..."` is also sqlx's), by the library it imports.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.listing import first_few

#: (library, tag that must be there, any of these imports or None for no import needed).
_GO_ORMS: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("go-pg", 'pg:"', None),
    ("go-pg", 'sql:"', ('"github.com/go-pg/pg', '"gopkg.in/pg.')),
    ("GoFrame ORM", 'orm:"', ('"github.com/gogf/gf',)),
    ("reform", 'reform:"', None),
    ("SQLBoiler", 'boil:"', None),
    ("gorp", 'db:"', ('"gopkg.in/gorp.', '"github.com/go-gorp/gorp')),
    ("upper/db", 'db:"', ('"github.com/upper/db', '"upper.io/db')),
    ("MongoDB (bson)", 'bson:"', None),
    ("Cloud Firestore", 'firestore:"', None),
    ("Cloud Datastore", 'datastore:"', None),
    ("DynamoDB", 'dynamodbav:"', None),
)


def unread_go_orm(path: Path, head: str) -> str | None:
    """The library whose tags a Go file's structs carry when cnsnt reads no such model, else None."""
    if path.suffix != ".go" or path.name.endswith("_test.go") or "struct {" not in head:
        return None
    for library, tag, imports in _GO_ORMS:
        if tag in head and (imports is None or any(i in head for i in imports)):
            return library
    return None


def unread_orms_note(found: dict[str, list[Path]], root: Path) -> str:
    """The files passed over, by library, the first few named, and what to name instead."""
    parts: list[str] = []
    for library, paths in sorted(found.items()):
        named = sorted(p.relative_to(root).as_posix() for p in paths)
        parts.append(f"{library}: {first_few(named)}")
    n = sum(len(paths) for paths in found.values())
    return (
        f"not read: {n} Go file{'s' if n != 1 else ''} whose structs map tables with an ORM cnsnt "
        f"does not read ({'; '.join(parts)}); the data they store is not audited: name a DDL dump "
        "under schemas: or a live database under databases:"
    )
