"""Which SQLite-format files of a project `cnsnt init` proposes as its database.

Many programs keep their own documents in SQLite's format: a slide tool's project
(ActivePresenter's `.approj`), map tiles (`.mbtiles`), a browser profile's `places.sqlite`
beside `cookies` and `Favicons`, an editor's cache. Such a file holds the program's
tables (`projects.author` of a slide project), not the application's. So a file with
SQLite's header is proposed under `databases:` only when its name says it is a database
(`.db`, `.sqlite`, `.sqlite3`, `.db3`, ...) or a project config names it; any other is
left out, with a note.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from cnsnt.starter.listing import first_few

#: Extensions a SQLite database is given (SQLite's own docs, its shell's, Android's, Django's
#: `db.sqlite3`, Rails' `development.sqlite3`, uptime-kuma's `kuma.db`).
DATABASE_SUFFIXES = frozenset({".db", ".db3", ".sqlite", ".sqlite3", ".sqlitedb", ".s3db", ".sl3"})
#: Configs that name the database a project connects to, as init reads them elsewhere
#: (Laravel's `.env` and `config/database.php`, Django's settings) and as other
#: frameworks keep them (Rails' `database.yml`, ASP.NET's `appsettings.json`, Spring's
#: `application.properties`, knex's and TypeORM's configs, Alembic's `alembic.ini`).
_CONFIG_NAMES = frozenset(
    {
        *(".env", ".env.example", ".env.dist", ".env.local", ".env.development", ".env.sample"),
        *("database.php", "database.yml", "database.yaml", "settings.py", "local_settings.py"),
        *("appsettings.json", "appsettings.development.json", "application.properties"),
        *("application.yml", "application.yaml", "knexfile.js", "knexfile.ts", "ormconfig.json"),
        *("ormconfig.js", "ormconfig.ts", "alembic.ini", "config.py", "docker-compose.yml"),
    }
)
#: How much of a config is read for the name (configs are small; a big one is not a config).
_CONFIG_BYTES = 256 * 1024


def config_files(files: Iterable[Path]) -> list[Path]:
    """The project's configs that may name its database file."""
    return [
        p
        for p in files
        if p.name.lower() in _CONFIG_NAMES or (p.parent.name == "settings" and p.suffix == ".py")
    ]


def _texts(configs: list[Path]) -> list[str]:
    texts: list[str] = []
    for path in configs:
        try:
            with path.open("rb") as handle:
                texts.append(handle.read(_CONFIG_BYTES).decode("utf-8", errors="replace"))
        except OSError:
            continue
    return texts


def split_sqlite(paths: list[Path], configs: list[Path]) -> tuple[list[Path], list[Path]]:
    """(databases proposed, files left out) of the SQLite-format files found.

    A file is proposed when its extension is a database one, or when its file name is
    written in one of the project's configs (`DB_DATABASE=storage/app.data`).
    """
    texts = _texts(configs) if any(p.suffix.lower() not in DATABASE_SUFFIXES for p in paths) else []
    proposed: list[Path] = []
    left: list[Path] = []
    for path in paths:
        if path.suffix.lower() in DATABASE_SUFFIXES or any(_names_file(text, path.name) for text in texts):
            proposed.append(path)
        else:
            left.append(path)
    return proposed, left


def _names_file(text: str, name: str) -> bool:
    """Whether `text` writes `name` as a file name of its own (`storage/map`), not in a word.

    `APP_NAME=sitemap` names no file `map`.
    """
    start = text.find(name)
    while start != -1:
        before = text[start - 1] if start else " "
        end = start + len(name)
        after = text[end] if end < len(text) else " "
        if not _in_name(before) and not _in_name(after):
            return True
        start = text.find(name, start + 1)
    return False


def _in_name(char: str) -> bool:
    return char.isalnum() or char in "_.-"


def left_out_note(paths: list[Path], root: Path) -> str:
    """The note that names the SQLite-format files left out, and why."""
    named = sorted(p.relative_to(root).as_posix() for p in paths)
    shown = first_few(named)
    many = len(named) != 1
    return (
        f"left out {len(named)} SQLite-format file{'s' if many else ''} ({shown}): "
        f"{'their names do' if many else 'its name does'} not say a database (.db, .sqlite, .sqlite3, "
        ".db3, ...) and no project config (.env, database.yml, settings.py, ...) names "
        f"{'them' if many else 'it'}: another program's document kept in SQLite's format "
        "(a slide project, map tiles, a browser profile), not the application's database; "
        "add it under databases: as sqlite:///PATH if the application uses it"
    )
