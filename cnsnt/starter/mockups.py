"""Which sources of mock-up folders `init` leaves out: those of a kind the application has too.

A mock-up or prototype folder (`Maqueta/`, `prototype/`: `folders.mockup_folder`) holds a
draft of the application: HCP's `Maqueta/Backend/ScriptBD-HistorialClinico.sql` has ten
`mydb.*` tables its Django app does not have, and `Maqueta/Frontend/*.html` are static
copies of its Angular forms (review30 D5). Proposed beside the application's own
sources, they mix the draft's fields into the starter. A project that is all prototype
has nothing else to read, so there they stay: the choice is made kind by kind.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from cnsnt.starter.folders import mockup_folder

#: The kinds of source, as a `Found` names them, that stand for one another: a SQLite
#: database and a schema both say what the application stores.
FAMILIES = {"schemas": "schemas", "databases": "schemas", "forms": "forms", "queries": "queries"}
#: Every family: when the application has all of them, a mock-up folder keeps none.
ALL_FAMILIES = frozenset(FAMILIES.values())
_SQLITE = "sqlite:///"
_GLOB_MAGIC = frozenset("*?[")


def family(kind: str) -> str:
    """The family of a `Found` kind (`databases` -> `schemas`); an unknown kind is its own."""
    return FAMILIES.get(kind, kind)


def pattern_path(pattern: str) -> str:
    """The relative path or glob of a `Found` pattern (a SQLite URL's file)."""
    return pattern.removeprefix(_SQLITE)


def in_mockups(pattern: str) -> bool:
    """Whether every file a `Found` pattern takes lies in a mock-up folder.

    Only the folders named before the first glob part count: `Maqueta/**/*.html` is
    inside, `**/*.html` is not (it takes the application's pages too).
    """
    parts = pattern_path(pattern).split("/")[:-1]
    for part in parts:
        if _GLOB_MAGIC & set(part):
            return False
        if mockup_folder(part):
            return True
    return False


def families(kinds: Iterable[str]) -> frozenset[str]:
    """The families of some `Found` kinds."""
    return frozenset(family(kind) for kind in kinds)


def phrase(present: Collection[str]) -> str:
    """`schemas, forms and queries`: the families the application has, for a note."""
    named = [name for name in ("schemas", "forms", "queries") if name in present]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"

