"""`cnsnt init` for the Python ORMs read from class bodies: SQLModel, Peewee, Tortoise ORM.

A file is told by a look at its start (as `_orm_kind` does for Django and SQLAlchemy);
a project's model files of one ORM become one entry under their common folder
(`app/models/*.py`, `zhenxun/**/*.py`), so a model may inherit from another file's base.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from cnsnt.starter.js_entries import model_patterns

#: The `format:` values this module proposes.
PYTHON_ORMS = frozenset({"sqlmodel", "peewee", "tortoise"})


def python_orm_kind(head: str) -> str | None:
    """`sqlmodel`, `tortoise` or `peewee` for a `.py` file (outside migrations) that declares models."""
    if "sqlmodel" in head and "table=True" in head:
        return "sqlmodel"  # before SQLAlchemy: SQLModel's tables import its `Column` too
    if "class " not in head or "Field(" not in head or "Model" not in head:
        return None  # no model class (services that import `peewee.fn`)
    if "tortoise" in head:
        return "tortoise"
    if "peewee" in head or "playhouse" in head:
        return "peewee"
    return None


def flask_models(head: str) -> bool:
    """Whether a file declares Flask-SQLAlchemy models: a class deriving from `db.Model`, with columns.

    Flask-SQLAlchemy names the table of such a class itself (`ClientRelationship` is
    `client_relationship`), so the file need not say `__tablename__`, nor import
    `sqlalchemy` (`from app import db`); the `sqlalchemy` reader reads it so (review31 D1).
    """
    if "db.Model" not in head or "Column(" not in head:  # `db.Column(...)`, `mapped_column(...)`
        return False
    for line in head.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("class ") and "(" in stripped:
            bases = stripped[stripped.index("(") + 1 :].split(")")[0]
            if "db.Model" in (b.strip() for b in bases.split(",")):
                return True
    return False


def python_orm_patterns(paths: list[Path], root: Path) -> list[str]:
    """One glob per top folder, over the common folder of its model files (`api/db/*.py`).

    `model_patterns` would give the whole top folder (`api/**/*.py`) when models sit in
    two top folders: every service and route of the project parsed for nothing.
    """
    groups: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        parts = path.relative_to(root).parts
        groups[parts[0] if len(parts) > 1 else ""].append(path)
    return sorted({pattern for group in groups.values() for pattern in model_patterns(group, root)})
