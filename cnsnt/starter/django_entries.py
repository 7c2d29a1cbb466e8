"""Of a Django app's `models.py` and its migrations, the one that reads every table (review27 D1).

init prefers an app's models to its migrations: they state the schema the app maps
today, at the lines a developer edits. But the models reader may miss what Django
makes: a model written in another module that `models.py` imports
(`from common.audit_log import SecurityAuditLog`), the many-to-many tables of Django's
`PermissionsMixin`, the fields of a base cnsnt cannot follow. The migrations state every
table and column, so both are read once here and compared, column by column:

- the migrations create nothing the models do not make: the models are proposed, and a
  note says which migrations folders are left out and why;
- the migrations create tables or columns the models do not make, and the models make
  nothing the migrations do not: the app's migrations are proposed instead, and the note
  names what the models miss;
- each has what the other lacks (a model not migrated yet): the models stay proposed,
  and the note names what they miss and the entry that would read the migrations.

Django-CRM's `common/models.py` read before the fix of review27 D1 made 12 tables fewer
than `common/migrations`, and nothing said so.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable
from pathlib import Path

from cnsnt.errors import CnsntError
from cnsnt.evidence import Table
from cnsnt.model import Location
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.sources.schemas.django_models import app_folder

#: How many names a note shows before "and N more".
_SHOWN = 5

#: A column as compared: (table, column), case-folded.
Pair = tuple[str, str]


def django_choice(
    models: list[str], root: Path, sniff: Callable[[Path], str]
) -> tuple[dict[str, str], list[str]]:
    """(Django models globs -> the migrations glob proposed instead, notes) for `models`' apps.

    `models` are the globs of the Django models entries init proposes; an app without a
    migrations folder of Django migrations is left as it is, with no note.
    """
    apps: dict[str, tuple[list[str], list[str]]] = {}  # migrations folder -> (models globs, files)
    for pattern in models:
        files = sorted(glob.glob(pattern, root_dir=root))
        if files:
            app = _app(root / files[0])
            if _has_migrations(app / "migrations", sniff):
                globs, held = apps.setdefault((app / "migrations").relative_to(root).as_posix(), ([], []))
                globs.append(pattern)
                held.extend(files)
    if not apps:
        return {}, []
    here = Location("cnsnt.yaml")
    try:
        made = _read([SourceSpec("schemas", p, root, here, format="django") for p in models], root)
        built = _read(
            [SourceSpec("schemas", f"{f}/*.py", root, here, format="django_migrations") for f in apps], root
        )
    except CnsntError as error:  # cnsnt's own errors only: a reader's bug is a bug, not a skip
        return {}, [
            f"could not read the Django models and their migrations ({', '.join(apps)}) to compare "
            f"them; the models stay proposed and the migrations left out: {error}"
        ]
    every_model, every_migration = _pairs(made), _pairs(built)
    swapped: dict[str, str] = {}
    kept: list[str] = []
    notes: list[str] = []
    for folder, (globs, files) in sorted(apps.items()):
        mine = _pairs(t for t in made if t.location.path in files)
        theirs = _pairs(t for t in built if (t.location.path or "").startswith(f"{folder}/"))
        missing = theirs - every_model
        if not missing:
            kept.append(folder)
            continue
        extra = mine - every_migration
        shown = ", ".join(globs)
        if not extra:
            swapped.update((g, f"{folder}/*.py") for g in globs)
            notes.append(
                f"proposed {folder}/*.py (format: django_migrations) rather than {shown}: the "
                f"migrations create {_what(missing)} the models do not make, as cnsnt reads them (a "
                "model written in a module the models file imports, a base cnsnt cannot follow, a "
                "package's fields); the migrations state every table and column"
            )
        else:
            notes.append(
                f"kept {shown}, though its migrations ({folder}) create {_what(missing)} the models "
                f"do not make, as cnsnt reads them; the models make {_what(extra)} no migration "
                f"creates (not migrated yet?): to read the migrations instead, replace it with "
                f'{{path: "{folder}/*.py", format: django_migrations}}'
            )
    if kept:
        n = len(kept)
        notes.insert(
            0,
            f"left out the Django migrations in {_names(kept)}: the {'apps' if n != 1 else 'app'}'"
            f"{'' if n != 1 else 's'} models "
            "are read instead, and make every table and column the migrations create",
        )
    return swapped, notes


def _read(specs: list[SourceSpec], root: Path) -> list[Table]:
    from cnsnt.collect import collect_evidence  # the readers import the survey's modules

    evidence = collect_evidence(Policy(path="cnsnt.yaml", base_dir=root, sources=tuple(specs)))
    return [t for t in evidence.tables if not t.is_view]


def _pairs(tables: Iterable[Table]) -> set[Pair]:
    """Every (table, column) of the tables, and (table, "") for the table itself."""
    out: set[Pair] = set()
    for t in tables:
        name = t.name.casefold()
        out.add((name, ""))
        out.update((name, c.name.casefold()) for c in t.columns)
    return out


def _what(pairs: set[Pair]) -> str:
    """`2 tables (a, b) and 3 columns (c.x, ...)`: tables missing whole, then other tables' columns."""
    whole = sorted(t for t, c in pairs if not c)
    columns = sorted(f"{t}.{c}" for t, c in pairs if c and (t, "") not in pairs)
    parts = []
    if whole:
        parts.append(f"{len(whole)} table{'s' if len(whole) != 1 else ''} ({_names(whole)})")
    if columns:
        parts.append(f"{len(columns)} column{'s' if len(columns) != 1 else ''} ({_names(columns)})")
    return " and ".join(parts)


def _names(names: list[str]) -> str:
    more = len(names) - _SHOWN
    return ", ".join(names[:_SHOWN]) + (f" and {more} more" if more > 0 else "")


def _app(models: Path) -> Path:
    """The app folder of a Django models module (`shop/models.py`, `shop/payments/voucher/models.py`)."""
    return app_folder(models)


def _has_migrations(folder: Path, sniff: Callable[[Path], str]) -> bool:
    """Whether a folder holds Django migrations (a `class Migration(` in a file that names django)."""
    if not folder.is_dir():
        return False
    for path in sorted(folder.glob("*.py")):
        if path.name != "__init__.py" and "class Migration(" in (head := sniff(path)) and "django" in head:
            return True
    return False
