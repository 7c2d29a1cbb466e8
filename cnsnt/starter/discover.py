"""Find the schemas, forms and queries of a repository that has no policy yet.

Only the file's name and a sniff of its start decide its kind; nothing is
executed. `.sql` files are told apart by what the DDL reader finds in them (a
file with tables is a schema, one without is a query file), so the decision
rests on the same sqlglot parser the audit uses. A `<stem>.sql.<database>` file
(Synapse's `full.sql.postgres`) is read so too, in the dialect its last suffix names.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import SKIP_DIRS, Limits, SourceContext, read_text
from cnsnt.sources.forms.blade_helpers import CONTROLS as BLADE_CONTROLS
from cnsnt.sources.forms.blade_includes import blanked, find_includes, is_blade, resolve_view, views_root
from cnsnt.sources.forms.blazor import draws_control as draws_blazor_control
from cnsnt.sources.forms.components import draws_component_control
from cnsnt.sources.forms.indented_views import indented_view, view_markup
from cnsnt.sources.forms.phoenix import PHOENIX_SUFFIXES, has_phoenix_form
from cnsnt.sources.forms.pug import PUG_SUFFIXES, pug_markup
from cnsnt.sources.forms.rails_helpers import DATE_HELPERS
from cnsnt.sources.forms.rails_helpers import HELPERS as RAILS_HELPERS
from cnsnt.sources.forms.widgets import draws_smarty_control
from cnsnt.sources.queries.java_queries import has_queries
from cnsnt.sources.queries.mybatis import is_mapper
from cnsnt.sources.schemas.codeigniter_migrations import is_codeigniter_migration, migration_version
from cnsnt.sources.schemas.django_models import app_folder
from cnsnt.sources.schemas.efcore_snapshot import is_snapshot
from cnsnt.sources.schemas.exposed_tables import uses_exposed
from cnsnt.sources.schemas.go_kinds import GO_KINDS
from cnsnt.sources.schemas.jpa_entities import maps_entities
from cnsnt.sources.schemas.jpa_naming import jpa_naming
from cnsnt.sources.schemas.laravel_migrations import is_laravel_migration, project_dialect, sql_files_read
from cnsnt.sources.schemas.liquibase_syntax import CHANGELOG_SUFFIXES, is_changelog, parse_changelog
from cnsnt.sources.schemas.liquibase_xml import includes_of, sql_files_of
from cnsnt.sources.schemas.migration_order import looks_versioned, versioned_name
from cnsnt.sources.schemas.moodle_xmldb import is_xmldb
from cnsnt.sources.schemas.xml_tree import XmlElement
from cnsnt.sql.databases import DATABASE_WORDS, DATABASES
from cnsnt.sql.ddl import parse_ddl, parse_ddl_head
from cnsnt.sql.ddl_result import DDLTable
from cnsnt.sql.routine_bodies import defines_routine
from cnsnt.sql.seed_rows import SeedPart, seed_part
from cnsnt.sql.statements import (
    RawStatement,
    copies_from_stdin,
    reads_delimiter_routines,
    split_statements,
    sqlplus_script,
)
from cnsnt.sql.uses import UseProblem, opaque, parse_statements
from cnsnt.starter.component_globs import COMPONENT_SUFFIXES, component_globs
from cnsnt.starter.copies import copies_note, form_copies
from cnsnt.starter.django_entries import django_choice
from cnsnt.starter.drizzle_entries import (
    beside_schema,
    casing_note,
    drizzle_kind,
    drizzle_patterns,
    journal_homes,
)
from cnsnt.starter.drizzle_entries import migrations_note as drizzle_migrations_note
from cnsnt.starter.ecto_entries import ecto_entries
from cnsnt.starter.efcore_entries import efcore_code_entries, efcore_code_note
from cnsnt.starter.folder_globs import covers, folder_globs, links, spelt
from cnsnt.starter.folders import (
    STUB_DIRS,
    WEB_ROOTS,
    demo_folder,
    doc_folder,
    in_folder,
    mockup_folder,
    old_folder,
    only_archive,
)
from cnsnt.starter.gorm_entries import go_model_kind, go_note, gorm_patterns
from cnsnt.starter.html_strings import collects, holds_markup, html_strings_file
from cnsnt.starter.index_mappings import foreign_types, mappings_note
from cnsnt.starter.js_entries import folder_patterns, js_kind, model_patterns, mongoose_note, sequelize_note
from cnsnt.starter.jsx_entries import JSX_SUFFIXES, jsx_form_file
from cnsnt.starter.listing import first_few
from cnsnt.starter.mockups import ALL_FAMILIES, families, family, in_mockups, pattern_path, phrase
from cnsnt.starter.model_dumps import (
    MIGRATION_FORMATS,
    MODEL_FORMATS,
    ModelEntry,
    changelog_only_note,
    model_tables,
    stale_copies,
    stale_databases,
)
from cnsnt.starter.patch_gaps import added_gaps, brought_forward, lacks_most, patch_dialect
from cnsnt.starter.patch_notes import PatchGroup, patches_note
from cnsnt.starter.php_builders import html_builder
from cnsnt.starter.php_entries import php_migration_entries
from cnsnt.starter.prisma_entries import prisma_migrations_note, prisma_schemas
from cnsnt.starter.python_form_entries import python_form_file
from cnsnt.starter.python_orm_entries import PYTHON_ORMS, flask_models, python_orm_kind, python_orm_patterns
from cnsnt.starter.rails_entries import rails_choice
from cnsnt.starter.revisions import superseded
from cnsnt.starter.runtime_tables import runtime_tables_note
from cnsnt.starter.rust_entries import (
    DIESEL_MIGRATION_FILES,
    diesel_layout,
    diesel_migrations_note,
    rust_kind,
    seaorm_patterns,
)
from cnsnt.starter.schema_versions import older_note, older_versions, split_version, versioned
from cnsnt.starter.sql_markers import one_marked
from cnsnt.starter.sql_text_files import sql_text_notes
from cnsnt.starter.sqlite_files import config_files, left_out_note, split_sqlite
from cnsnt.starter.static_mockups import mockups_note, static_mockups
from cnsnt.starter.survey_context import shared_survey
from cnsnt.starter.symfony_form_entries import inherited_form_files, symfony_form_file, symfony_form_globs
from cnsnt.starter.template_globs import template_globs
from cnsnt.starter.typeorm_entries import (
    migration_patterns,
    migrations_note,
    naming_note,
    typeorm_kind,
    typeorm_patterns,
)
from cnsnt.starter.unparsed_queries import leave_unparsed
from cnsnt.starter.unread_orms import unread_go_orm, unread_orms_note
from cnsnt.starter.unread_templates import unread_template_notes
from cnsnt.starter.vendored import library_note, library_reason, stock_file, stock_note

#: Dialects tried, in order, when the default one finds no table in a file that has some.
DIALECTS = (None, "mysql", "postgres", "tsql", "oracle", "sqlite", "snowflake", "bigquery")
#: Warehouse dialects whose scripting passes what they do not know as a command: a
#: statement they read so is not read (their `FOR ... LOOP` took PL/pgSQL and PL/SQL
#: pieces whole, and BigQuery won files of those that no other dialect "read" whole).
SCRIPTING_DIALECTS = frozenset({"bigquery", "snowflake"})
TEMPLATE_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".twig",
        ".tpl",
        ".hbs",
        ".handlebars",
        ".mustache",
        ".cshtml",
        ".vbhtml",  # VB.NET Razor views: `@ModelType`, `@Html.TextBoxFor(Function(m) m.Email)`
        ".erb",
        ".haml",  # read as the ERB it renders (`forms.haml`)
        ".slim",  # the same (`forms.slim`)
        ".jinja",
        ".jinja2",
        ".j2",
        ".php",
        ".njk",
        ".liquid",
        ".tmpl",  # Go's html/template (Gitea, Gogs): `{{if .X}}` blocks are conditions
        ".gohtml",
        ".vue",  # single-file components: the <template> is markup, v-model names fields
        ".svelte",  # components: markup with {#if}/{#each} blocks, bind:value names fields
        ".razor",  # Blazor components: `<InputText @bind-Value=...>`, `<RadzenTextBox Name=...>`
        # HTML with code the reader reads around (review28 D2); the controls JSP's tag
        # libraries and FreeMarker's and Velocity's macros draw are not read, and said
        # (`unread_templates`)
        ".ejs",
        ".jsp",
        ".jspf",
        ".ftl",
        ".ftlh",
        ".vm",
        # Pug (Jade) views of Express apps: read as the markup they draw (`forms.pug`)
        ".pug",
        ".jade",
    }
)
#: Template languages code generators write source files with (RuoYi's `mapper.xml.vm`,
#: MyBatis-Plus's `entity.java.ftl`), besides pages.
_GENERATOR_SUFFIXES = frozenset({".vm", ".ftl"})
#: The inner suffixes of such a template that name what it writes as code or data, no page
#: this project serves: a MyBatis mapper's `<select id="selectUserList">` is a query, not a
#: control; `index.vue.vm` writes a component of the app a user generates, whose fields are
#: `v-model="form.${field}"` (trial36).
_CODE_OUTPUTS = frozenset(
    {".xml", ".java", ".kt", ".sql", ".js", ".ts", ".json", ".yml", ".yaml", ".properties", ".py", ".cs"}
    | {".vue", ".jsx", ".tsx", ".svelte"}
)
#: Bases that make a class in a `models.py` a Django model. A custom user comes first in
#: many a long file, its first `models.Model` after the sniffed head (Re2o's 94 KB
#: `users/models.py`, trial36).
_DJANGO_MODEL_BASES = ("models.Model", "AbstractBaseUser", "AbstractUser")
#: How much of a file is sniffed to decide its kind.
SNIFF_BYTES = 64 * 1024
#: A `.sql` file larger than this is taken for a query log or dump without parsing it whole.
PARSE_LIMIT = 8 * 1024 * 1024
#: The tags a form is drawn with, the name ended (by a space, `>`, or the quote of a
#: PHP string building the tag: `'<input' . ' name="cid"'`): `<format>` in a config
#: file's comment or `<selection>` in a doc page is no form.
_FORM_TAG = re.compile(r"<(?:form|input|textarea|select)(?![\w:-])")
#: Controls a form helper draws in a template that writes no tag of its own, as the form
#: reader reads them (`forms.widgets`, `forms.rails_helpers`): Rails' `<%= f.email_field
#: :email %>` (simple_form's `f.input :email`, `f.date_select :born_on`, `select_date d,
#: prefix: "dob"`: the methods `forms.rails_helpers` reads as controls), Razor's
#: `@Html.TextBoxFor(`, Symfony's `{{ form_row(form.email) }}`, Laravel Collective's
#: `{!! Form::email('email') !!}` (the methods `forms.blade_helpers` reads as controls).
#: Linear: fixed words after fixed starts, possessive runs.
_HELPER_CONTROL = re.compile(
    r"<%[=-]*+\s*+(?:[\w@]++\.)?(?:"
    + "|".join(sorted([*(m for m, kind in RAILS_HELPERS.items() if kind not in ("label", "submit")),
                       *DATE_HELPERS]))
    + r")(?:_tag)?\b"
    r"|@Html\.(?:TextBox|Password|TextArea|CheckBox|RadioButton|DropDownList|ListBox|Editor)(?:For)?\s*+\("
    r"|\bform_(?:row|widget)\s*+\(\s*+form\b"
    # Laravel Collective's `{!! Form::email('email') !!}`, spatie's `{{ html()->checkbox('x') }}`
    r"|\{(?:!!|\{)\s*+(?:\\?Form\s*+::|html\(\s*+\)\s*+->)\s*+(?i:"
    + "|".join(sorted(m for m, kind in BLADE_CONTROLS.items() if kind not in ("label", "submit")))
    + r")\s*+\("
)
_STATIC_PAGE = (".html", ".htm")
#: Marks of template code (Jinja/Twig/Handlebars/Go, ERB/EJS, PHP) in a page.
_TEMPLATE_MARKS = ("{{", "{%", "<%", "<?")
#: The mark of an HTML report cnsnt wrote (`cnsnt audit --format html -o report.html` in
#: the project): a later `cnsnt init` leaves it out.
_CNSNT_REPORT = '<meta name="generator" content="cnsnt '


@dataclass(frozen=True, order=True)
class Found:
    """One `sources:` entry to propose: kind, path or glob (POSIX, relative), format, dialect."""

    kind: str
    pattern: str
    format: str | None = None
    dialect: str | None = None


def _walk(root: Path) -> tuple[list[Path], list[Path], list[Path], set[Path]]:
    """Regular files below root, those in documentation folders, old versions' SQL, and mock-ups.

    The lists are in a stable order. The last is the set of `files` that lie in a mock-up
    or prototype folder (`folders.mockup_folder`): whether they are proposed depends on
    what the rest of the project holds (`_survey`).

    Directory links are never followed. A documentation folder (`docs/`, `Documentazioni/`:
    `folders.doc_folder`) is walked apart: what it holds is said in a note, never proposed.
    So are the SQL files and SQLite databases of a folder of old versions (`old/`,
    `legacy/`: `folders.old_folder`; an `archives/` folder only for files that say their
    version, `0.9.0_schema.sql`); its code stays (an `archive` Django app or a blog's
    `archive/` templates are features, not old copies).
    """
    files: list[Path] = []
    docs: list[Path] = []
    olds: list[Path] = []
    mockups: set[Path] = set()
    for directory, dirs, names in os.walk(root, followlinks=False):
        here = Path(directory)
        parts = here.relative_to(root).parts if here != root else ()
        in_docs = any(doc_folder(part) for part in parts)
        mock_up = any(mockup_folder(part) for part in parts)
        old = [part for part in parts if old_folder(part)]
        # `legacy/` keeps old versions; `archive/` only when its SQL says which version it is
        # (a CMS's `modules/archive/sql/install.sql` is the application's own)
        surely_old = any(not only_archive(part) for part in old)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and (d not in SKIP_DIRS or doc_folder(d))
        )
        for name in sorted(names):
            path = here / name
            if path.is_file() and not path.is_symlink():
                if in_docs:
                    docs.append(path)
                elif old and _sql_source(path) and (surely_old or versioned(path, root).stated):
                    olds.append(path)
                else:
                    files.append(path)
                    if mock_up:
                        mockups.add(path)
    return files, docs, olds, mockups


def _sql_source(path: Path) -> bool:
    """Whether a file is SQL (`.sql`, `full.sql.postgres`) or a SQLite database."""
    return path.suffix.lower() == ".sql" or suffix_database(path) is not None or _sqlite_file(path)


def _olds_note(olds: list[Path], root: Path) -> list[str]:
    """The SQL files of folders of old versions init would have proposed, named in a note."""
    return _left_out_note(
        olds,
        root,
        old_folder,
        "folders of old versions",
        "a folder named archive, old, legacy, deprecated or obsolete keeps what the application "
        "used before, not the schema it runs now",
        orm=False,
    )


def _docs_note(docs: list[Path], root: Path) -> list[str]:
    """The files of documentation folders init would have proposed, named in a note."""
    return _left_out_note(
        docs,
        root,
        doc_folder,
        "documentation folders",
        "a documentation folder describes the application (design drafts, slides, examples), "
        "its files are not the application's own",
        orm=True,
    )


def _left_out_note(
    paths: list[Path], root: Path, folder: Callable[[str], bool], where: str, why: str, *, orm: bool
) -> list[str]:
    """A note naming the files of such folders init would have proposed, by kind, and the folders.

    `folder`: whether a folder's name makes it one (`old_folder`, `doc_folder`); `orm`:
    whether ORM model files are named too.
    """
    kinds: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        rel = path.relative_to(root).as_posix()
        if orm and _orm_kind(path) is not None:
            kinds["schema"].append(rel)
        elif _sqlite_file(path):
            kinds["SQLite database"].append(rel)
        elif (what := _kind_of(path, root)) is not None and what[0] in _DOC_KINDS:
            kinds[_DOC_KINDS[what[0]]].append(rel)
    if not kinds:
        return []
    named = sorted(rel for listed in kinds.values() for rel in listed)
    homes = sorted(
        {_home(path, root, folder) for path in paths if path.relative_to(root).as_posix() in named}
    )
    counts = ", ".join(
        f"{len(files)} {kind} file{'s' if len(files) != 1 else ''}" for kind, files in sorted(kinds.items())
    )
    return [
        f"left out {counts} in {where} ({', '.join(homes)}): {first_few(named)}; {why}; "
        "add one under sources: if the application uses it"
    ]


def _home(path: Path, root: Path, folder: Callable[[str], bool]) -> str:
    """The outermost folder of the kind `folder` tells that a file lies in: `ppw/docs`, `archives`."""
    parts = path.relative_to(root).parts
    first = next(i for i, part in enumerate(parts[:-1]) if folder(part))
    return "/".join(parts[: first + 1])


#: The first 16 bytes of every SQLite database file (sqlite.org/fileformat.html, 1.3).
SQLITE_HEADER = b"SQLite format 3\x00"


def _sqlite_file(path: Path) -> bool:
    """A SQLite database kept in the project (uptime-kuma's `db/kuma.db` template)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def sqlite_url(path: Path, root: Path) -> str:
    """The `databases:` URL of a SQLite file, relative to the policy beside `root`."""
    return "sqlite:///" + path.relative_to(root).as_posix()


def _includes_controls(path: Path, head: str, root: Path) -> bool:
    """A Blade page that draws its form through partials it gives the fields' names.

    `@include('forms.input', ['input_name' => 'cod_fiscale'])` into a partial holding
    `<input name="{{ $input_name }}">`: the page has no tag of its own, yet collects.
    """
    if not is_blade(path) or "@include" not in head:
        return False
    views = views_root(path, root)
    if views is None:
        return False
    ctx = SourceContext(base_dir=root)  # views resolved as the audit resolves them
    for found in find_includes(blanked(head), head):
        for name in found.views if found.data else ():
            partial = resolve_view(name, views, ctx)
            text = _sniff(partial) if partial is not None else ""
            if _FORM_TAG.search(text.lower()) and any(f"${key}" in text for key in found.data):
                return True
    return False


def _sniff(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return ""
    if b"\0" in head:
        return ""
    return head.decode("utf-8", errors="replace")


#: A file's kind, its dialect, and the tables the DDL reader found in it (schemas only).
_Kind = tuple[str, str | None, tuple[DDLTable, ...]]


@dataclass(frozen=True)
class Hint:
    """The dialect a folder or file name says a SQL file is in (`scripts/oracle/x.sql`)."""

    dialect: str | None


def _word_dialects(name: str) -> set[str | None]:
    """The dialects the words of one path segment name (`SIGEM_BD`, `Oracle10g`, `install-mysql`)."""
    named: set[str | None] = set()
    word = previous = ""
    for char in name.lower() + " ":
        if char.isalnum():
            word += char
            continue
        database = _database_word(word)
        if database is not None:
            named.add(DATABASE_WORDS[database])
        elif previous and word and previous + word in DATABASE_WORDS:
            named.add(DATABASE_WORDS[previous + word])  # one name in two words: maria_db, sql_server
        if word:
            previous = word
        word = ""
    return named


def _database_word(word: str) -> str | None:
    """The `DATABASES` word one lower-case word is, a version after it allowed, else None."""
    # a version after the name: oracle10g, Oracle_9i (a word of its own), mysql8, pg13
    versioned = word[:-1] if word[-1:] in ("g", "i", "c") and word[-2:-1].isdigit() else word
    base = versioned.rstrip("0123456789")
    if word in DATABASE_WORDS:
        return word
    return base if base and base in DATABASE_WORDS else None


def suffix_database(path: Path) -> str | None:
    """The `DATABASES` word a `<stem>.sql.<database>` file's last suffix is, else None.

    Matrix Synapse keeps one schema per database as `full.sql.postgres` and
    `full.sql.sqlite`: the last suffix names the dialect, stronger evidence than any
    folder name. A suffix that names no database (`.sql.bak`, `.sql.orig`) is no SQL
    source: a backup or a merge leftover.
    """
    suffixes = path.suffixes
    if len(suffixes) < 2 or suffixes[-2].lower() != ".sql" or not path.stem.removesuffix(suffixes[-2]):
        return None
    return _database_word(suffixes[-1][1:].lower())


#: Of one SQL file written for several databases, the copy read: PostgreSQL's first, then
#: MySQL's, then any other's, SQLite's last. The richer column types say more of what a
#: column holds (`inet`, `boolean`, `timestamptz`, `jsonb` against SQLite's TEXT and
#: INTEGER, which its type affinity makes of nearly everything).
_TWIN_RANK = {"postgres": 0, "mysql": 1, "sqlite": 3}


def _stem_database(path: Path) -> tuple[str, str] | None:
    """(base, database word) of a `<base>_<database>.sql` file (`-` too), else None.

    SimplCommerce keeps its sample data as `ResetToSampleData.sql` (SQL Server's) beside
    `ResetToSampleData_MySql.sql`, `_Postgres.sql` and `_SQLite.sql`.
    """
    if path.suffix.lower() != ".sql":
        return None
    base, sep, word = path.stem.replace("-", "_").rpartition("_")
    database = _database_word(word.lower()) if sep and base.strip("_") else None
    return (base.lower(), database) if database is not None else None


def _dialect_twins(files: list[Path]) -> dict[Path, Path]:
    """Copies of one SQL file for several databases left out -> the copy read instead.

    Synapse's `full.sql.postgres` and `full.sql.sqlite` are one schema written twice:
    reading both would list every table twice. So are `<base>_<database>.sql` files of
    one folder, with the `<base>.sql` beside them (ranked after PostgreSQL's and MySQL's,
    before other databases').
    """
    groups: dict[tuple[Path, str], list[tuple[int, int, str, Path]]] = defaultdict(list)
    plain: dict[tuple[Path, str], Path] = {}
    for path in files:
        word = suffix_database(path)
        if word is not None:
            rank = _TWIN_RANK.get(DATABASES[word].name, 2)
            groups[(path.parent, path.stem)].append((rank, 1, path.name, path))
            continue
        named = _stem_database(path)
        if named is not None:
            rank = _TWIN_RANK.get(DATABASES[named[1]].name, 2)
            groups[(path.parent, "\0" + named[0])].append((rank, 1, path.name, path))
        elif path.suffix.lower() == ".sql":
            plain[(path.parent, "\0" + path.stem.lower())] = path
    twins: dict[Path, Path] = {}
    for key, copies in groups.items():
        if key in plain:
            copies.append((2, 0, plain[key].name, plain[key]))
        if len(copies) < 2:
            continue
        ranked = sorted(copies)
        twins.update((path, ranked[0][3]) for _, _, _, path in ranked[1:])
    return twins


def _twins_note(twins: dict[Path, Path], root: Path) -> str:
    """Which copies of a SQL file written for several databases were left out, and which were read."""
    left = sorted(p.relative_to(root).as_posix() for p in twins)
    read = sorted({p.relative_to(root).as_posix() for p in twins.values()})
    return (
        f"left out {len(left)} SQL file{'s' if len(left) != 1 else ''} ({first_few(left)}): the same SQL "
        f"as {first_few(read)}, written for another database (reading both would list every table twice); "
        "the PostgreSQL copy is read first, then MySQL's, other databases', SQLite's last, for their "
        "richer column types"
    )


def path_hint(path: Path, root: Path, *, folder: bool = False) -> Hint | None:
    """The dialect the nearest name of `path` below `root` names, the file's name first.

    A name that names two databases (`mysql2postgres`, `oracle-to-pg`) tells nothing,
    and the search goes on outwards; names above the project root do not count.
    `folder`: `path` is a folder, whose own name is the nearest.
    """
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return None
    names = list(reversed(parts))
    if names and not folder:
        names[0] = Path(names[0]).stem
    for name in names:
        named = _word_dialects(name)
        if len(named) == 1:
            return Hint(named.pop())
    return None


def _tables(text: str, dialect: str | None) -> tuple[tuple[DDLTable, ...], int]:
    """(tables found, statements the parser had to skip) for one dialect.

    A statement it did not understand counts: under the right dialect there is none
    (a PostgreSQL function body in dollar quotes is read whole, not as pieces).
    """
    try:
        result = parse_ddl(text, dialect)
    except Exception:  # noqa: BLE001 - a file the parser rejects holds no schema for us
        return (), 0
    return result.tables, sum(1 for p in result.problems if p.may_hold_schema or p.not_understood)


#: A `.sql` file longer than four times this is first read in part, this much of it, to rule
#: out the dialects that cannot read it without skipping a statement.
HEAD_CHARS = 64 * 1024


def _head_skips(text: str, dialect: str | None) -> bool:
    """Whether the DDL reader skips a statement of the text's head in this dialect.

    False for a text too short to have a head (it is read whole).
    """
    try:
        head = parse_ddl_head(text, dialect, HEAD_CHARS)
    except Exception:  # noqa: BLE001 - as `_tables`: read whole, whose error counts
        return False
    return head is not None and any(p.may_hold_schema or p.not_understood for p in head.problems)


def _order(hint: Hint | None) -> tuple[str | None, ...]:
    """The dialects to try, the one the path names first (it wins ties)."""
    if hint is None:
        return DIALECTS
    return (hint.dialect, *(d for d in DIALECTS if d != hint.dialect))


def _sql_kind(path: Path, hint: Hint | None = None) -> _Kind | None:
    """(`schemas`, dialect, tables) when the DDL reader finds a table, else (`queries`, dialect, ()).

    A schema's dialect is the first that reads the file's tables without skipping any
    (MySQL backticks, T-SQL brackets): the same parser the audit will use decides. A
    query file's is the one the query reader reads it in (`_query_dialect`), `oracle`
    for an evident SQL*Plus script, none for a file of comments only. The dialect the
    path names (`hint`) is tried first: it wins when it reads the file as well as any.
    """
    try:
        if path.stat().st_size > PARSE_LIMIT:
            return "queries", None, ()
        # decoded as the audit will decode it: UTF-16 with a BOM (SQL Server Management
        # Studio saves so), UTF-8 without its BOM, Windows-1252 when not UTF-8
        text = read_text(path, path.name, limits=Limits(file_bytes=PARSE_LIMIT))
    except (OSError, SourceError):
        return None
    judged = _JUDGED.get()
    if judged is None:
        return _named_seed(path, _text_kind(text, hint))
    key = (hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest(), len(text),
           hint is None, hint.dialect if hint is not None else None)
    if key not in judged:
        judged[key] = _text_kind(text, hint)
    return _named_seed(path, judged[key])


#: Names of a seed script (`seed.sql`, `seeds.sql`, `seed_users.sql`) and of a folder of them
#: (Supabase's `supabase/seeds/`, knex's `seeds/`, Laravel's `database/seeders/`).
_SEED_STEMS = ("seed", "seeds")
_SEED_DIRS = frozenset({"seeds", "seeders"})


def _named_seed(path: Path, kind: _Kind) -> _Kind:
    """A query file named as a seed script (Supabase's `supabase/seed.sql`) -> `_SEEDS`.

    A seed script fills a development database with sample rows (`supabase db reset` runs
    `supabase/seed.sql`); one that computes them (`crypt(...)`, an `INSERT ... SELECT` from
    `auth.users`) is no file of literal rows (`_seed_kind`), but is no query the application
    runs for a purpose either: audited as queries, its sample rows gave CN302 warnings and
    its Supabase tables CN001 ones (trial38). Its tables are the schema's.
    """
    if kind[0] != "queries":
        return kind
    stem = path.stem.casefold()
    named = stem in _SEED_STEMS or stem.startswith(tuple(f"{s}{sep}" for s in _SEED_STEMS for sep in "_-"))
    if named or path.parent.name.casefold() in _SEED_DIRS:
        return _SEEDS, kind[1], ()
    return kind


def _text_kind(text: str, hint: Hint | None) -> _Kind:
    """`_sql_kind` of a file's text."""
    order = _order(hint)
    read: dict[str | None, tuple[tuple[DDLTable, ...], int]] = {}
    for dialect in order:
        # a large file's head first: a dialect that skips one of its statements skips it
        # in the whole file too, so it cannot read the file without skipping (MySQL dumps
        # that the default dialect reads megabytes of before it fails)
        if _head_skips(text, dialect):
            continue
        tables, skipped = read[dialect] = _tables(text, dialect)
        if tables and not skipped:
            return "schemas", dialect, tables  # every dialect before it skips a statement
        if not skipped:
            break  # the readings of the dialects before it decide: the loop below has them
    best: tuple[tuple[DDLTable, ...], str | None] = ((), None)
    fewest = 0
    clean: str | None = None
    for dialect in order:
        tables, skipped = read[dialect] if dialect in read else _tables(text, dialect)
        if tables and not skipped:
            return "schemas", dialect, tables
        # the most tables; of dialects that read as many, the one that skips the least
        if len(tables) > len(best[0]) or (tables and len(tables) == len(best[0]) and skipped < fewest):
            best = (tables, dialect)
            fewest = skipped
        if not skipped:
            # nothing the parser could not read: a query file, in this dialect (MySQL's
            # `#` comments and backticks read only so), in any when the first reads it
            clean = dialect
            break
    if clean is None and not best[0] and sqlplus_script(text):
        # no DDL to tell the dialects apart, but PL/SQL blocks ended by `/` or SQL*Plus
        # settings (`SET DEFINE OFF`): an Oracle script, which only `oracle` splits right
        return "queries", "oracle", ()
    if clean is not None and not any(True for _ in split_statements([text], clean)):
        # only comments (Joomla's `# Dummy SQL file`): nothing tells a dialect, and a
        # migrations folder must not take one from it
        return "queries", None, ()
    if best[0] and clean is None:
        return "schemas", best[1], best[0]
    if _copy_data(text):
        return "data", None, ()
    # a dialect that reads every statement beats ones that found a table only by cutting
    # a statement apart (a CREATE TEMP TABLE inside a PostgreSQL $BODY$): a query file,
    # whose dialect the query reader decides
    dialect = _query_dialect(text, clean, hint)
    return _seed_kind(text, dialect) or "queries", dialect, ()


def _copy_data(text: str) -> bool:
    r"""Whether a file without tables holds pg_dump data: rows of a `COPY ... FROM stdin`.

    A data-only dump (`pg_dump --data-only`) restores rows: they are data, not queries an
    application runs for a purpose, so it is no query source (its tables are the schema's).
    """
    if "\n\\." not in text:  # no `\.` line ends any rows: no need to split the file
        return False
    return any(copies_from_stdin(s.text, "postgres") for s in split_statements([text], "postgres"))


#: Statements of a query file read to choose its dialect: enough to tell, bounded cost.
QUERY_SAMPLE = 64
#: A file longer than this (characters) is judged a seed script on its first and last
#: `QUERY_SAMPLE` statements only, and on no more than this much of their text.
SEED_WHOLE = 1024 * 1024


def _seed_kind(text: str, dialect: str | None) -> str | None:
    """"data" for rows, `_SETUP` for setup, `_INDEXES` for indexes, `_DROPS` for DROPs; else None: queries.

    A seed script's every statement is an `INSERT ... VALUES` of literals (or a guarded
    `INSERT ... SELECT` of literals) or a session, transaction, table-reset or setup
    statement around them (`seed_part`), and one at least inserts rows. Such a file restores
    rows (SimplCommerce's `StaticData-*.sql`, go-admin's `db.sql`): it uses no one's data for
    a purpose, so auditing it as queries gives findings that are noise. A setup script
    inserts no rows but makes a database or an account, or grants access (PetClinic's
    `db/mysql/user.sql`): it uses no one's data either; nor does a file that only drops
    tables, views or routines (a Supabase `drop-unused-tables.sql` migration, review35 R35b
    D8), which was proposed under `queries:`; nor does one of DDL that adds no column and
    reads no table (`CREATE INDEX`, `CREATE SEQUENCE`, `COMMENT ON`, an `ALTER TABLE` that
    changes existing columns, DROPs beside them), which was too (session 29's closing note,
    review39 D1). A file over `SEED_WHOLE` is judged
    on its head and tail: the rows between are split (a cheap pass) but not parsed, and a
    sample longer than `SEED_WHOLE` is not judged.
    """
    statements = split_statements([text], dialect)
    tally = _SeedTally(SEED_WHOLE)
    if len(text) <= SEED_WHOLE:
        passed = tally.passes(statements, dialect)
    else:
        # the head first: the rest is split (a cheap pass that keeps its last statements)
        # only when the head passed
        passed = tally.passes(islice(statements, QUERY_SAMPLE), dialect) and tally.passes(
            deque(statements, QUERY_SAMPLE), dialect
        )
    if not passed:
        return None
    if SeedPart.ROWS in tally.seen:
        return "data"
    if SeedPart.DATABASE in tally.seen:
        return _SETUP
    if SeedPart.OBJECT in tally.seen:
        return _INDEXES
    return _DROPS if SeedPart.DROP in tally.seen else None


@dataclass
class _SeedTally:
    """What `_seed_kind` has judged so far: the text it may still parse, the parts seen."""

    budget: int
    seen: set[SeedPart] = field(default_factory=set)

    def passes(self, statements: Iterable[RawStatement], dialect: str | None) -> bool:
        """Whether every statement is seed data, within the budget of text parsed."""
        for stmt in statements:
            self.budget -= len(stmt.text)
            if self.budget < 0:
                return False  # not judged: the file stays a query file, as before
            part = _seed_statement(stmt, dialect)
            if part is SeedPart.OTHER:
                return False
            self.seen.add(part)
        return True


def _seed_statement(stmt: RawStatement, dialect: str | None) -> SeedPart:
    """`seed_part` of a split statement; a psql or SQL*Plus client setting is setup."""
    if stmt.copy_unended or stmt.comment_unended or stmt.plsql_block or stmt.oversize:
        return SeedPart.OTHER
    if stmt.meta_command or stmt.sqlplus_setting:
        return SeedPart.SETUP
    return seed_part(stmt.text, dialect)


def _unread_chars(text: str, dialect: str | None) -> tuple[int, int, int]:
    """(characters the query reader cannot parse, characters read, of them in blocks) in a dialect.

    Blocks are PL/SQL blocks and client commands, which the audit reports apart, as
    warnings. The file's first statements only: enough to tell, at a bounded cost.
    """
    unread = total = blocks = 0
    # a MySQL-family dialect splits `DELIMITER` blocks out as the audit does, and their
    # routines count as blocks, like Oracle's PL/SQL blocks (its triggers went to Oracle)
    delimiters = reads_delimiter_routines(dialect)
    for number, stmt in enumerate(split_statements([text], dialect, routines=delimiters)):
        if number >= QUERY_SAMPLE:
            break
        total += len(stmt.text)
        if stmt.meta_command or stmt.plsql_block or (delimiters and defines_routine(stmt.text, dialect)):
            blocks += len(stmt.text)
            continue
        parsed = parse_statements(stmt.text, dialect)
        if isinstance(parsed, UseProblem) or (dialect in SCRIPTING_DIALECTS and opaque(parsed)):
            unread += len(stmt.text)
    return unread, total, blocks


def _query_dialect(text: str, clean: str | None, hint: Hint | None = None) -> str | None:
    """The dialect the audit's query reader parses the file in, else the DDL reader's choice.

    The DDL reader passes statements that define no table (`USE [shop]`, a T-SQL
    procedure), so it cannot tell T-SQL's brackets and `GO` batches from the default
    dialect; the query reader can. The first dialect that reads the file whole wins; when
    none does, the one that reads the most if it reads nine tenths and the DDL reader's
    choice leaves most of the file unread (a PL/SQL body that no dialect reads keeps its
    dialect rather than take whichever misreads the least of it). When that choice reads
    none of it, the one that reads more than half wins (a SQL Server script whose CREATE
    DATABASE options no dialect reads).

    The dialect the path names wins when it leaves no more unread than any other, or
    parses nine tenths as much as the one that parses most: Oracle's splitter takes a
    PostgreSQL or T-SQL function for one PL/SQL block, which it skips whole, so it
    "reads" a `postgres/` folder's functions, of which it parses nothing.
    """
    order = _order(hint)
    read: dict[str | None, tuple[int, int, int]] = {}
    for dialect in order:
        read[dialect] = _unread_chars(text, dialect)
        if read[dialect][0] == 0 and (hint is None or dialect == hint.dialect):
            return dialect
    if hint is not None:
        left = {d: r[0] for d, r in read.items()}
        parsed = {d: r[1] - r[0] - r[2] for d, r in read.items()}
        if left[hint.dialect] <= min(left.values()) or 10 * parsed[hint.dialect] >= 9 * max(parsed.values()):
            return hint.dialect
        whole = [d for d in order if left[d] == 0]
        if whole:
            return whole[0]
    # the fewest characters unread, the first dialect of those (`DIALECTS` order)
    best = min(order, key=lambda d: read[d][0])
    best_unread, best_read, _ = read[best]
    unread, total, _ = read[clean]  # `clean` is one of DIALECTS: read in the loop above
    if unread == total and total and 2 * best_unread < best_read:
        return best  # the DDL reader's choice reads none of it: the one that reads most of it
    # a dialect that reads nine tenths of what the DDL reader's choice mostly cannot
    return best if 10 * best_unread <= best_read and 2 * unread > total else clean


def _json_object(path: Path) -> dict[str, object] | None:
    """A JSON file's top object, or None (unreadable, not JSON, or no object)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        # nested deeper than Python's parser goes: no form cnsnt can read either (the form
        # reader names the depth limit when such a file is listed)
        return None
    return data if isinstance(data, dict) else None


#: The kind `_kind_of` gives a JSON Schema of program data: left out of forms, with a note.
_DATA_SCHEMA = "data schema"
#: The kind `_kind_of` gives a JSON file shaped like a schema whose types are another format's
#: (an Elasticsearch index mapping): left out of forms, with a note.
_INDEX_MAPPING = "index mapping"
#: The kind of an HTML report cnsnt wrote (`_CNSNT_REPORT`): left out of the proposal, said.
_REPORT = "cnsnt report"
#: The kind of a PHP file that builds controls in strings for other pages (`php_builders`).
_BUILDER = "html builder"
#: The kind of a PHP file declaring a Symfony form type: a form, proposed by folder tree.
_SYMFONY_FORM = "symfony form"
#: The kind of a script whose strings hold a page's form markup (`html_strings`): `format: html`.
_HTML_STRINGS = "html in scripts"
#: The kind of a script taken for another party's library (`vendored`): left out, said.
_LIBRARY = "library"
#: The kind of a framework's stock file that draws a form (`web/config.php`): left out, said.
_STOCK = "stock file"
#: The kind of a database-setup script (`CREATE DATABASE`, `CREATE USER`, `GRANT`): left out, said.
_SETUP = "database setup"
#: The kind of a file of DROP statements only (`DROP TABLE IF EXISTS t CASCADE`): no query file,
#: left out and said (review35 R35b D8).
_DROPS = "drops"
#: The kind of a file of DDL that adds no column and reads no table (`CREATE INDEX`, `CREATE
#: SEQUENCE`, `COMMENT ON`): no query file, left out and said.
_INDEXES = "indexes"
#: The kind of a query file named as a seed script (`seed.sql`): sample rows, left out and said.
_SEEDS = "seeds"
#: Kinds left out of a demo folder (`cnsnt.starter.folders.demo_folder`).
_DEMO_KINDS = frozenset({"forms", _SYMFONY_FORM, _DATA_SCHEMA, _HTML_STRINGS})
#: What a file of a documentation folder would have been proposed as, as a note names it.
_DOC_KINDS = {
    "schemas": "SQL schema",
    "queries": "SQL query",
    "data": "SQL data",
    _SETUP: "SQL setup",
    _DROPS: "SQL drop",
    _INDEXES: "SQL index",
    _SEEDS: "SQL seed",
    "forms": "form",
    _SYMFONY_FORM: "form",
    _HTML_STRINGS: "form",
}
#: The family (`mockups.FAMILIES`) of each kind of file init proposes, for a mock-up folder's.
_MOCKUP_FAMILIES = {
    "schemas": "schemas",
    "queries": "queries",
    "forms": "forms",
    _SYMFONY_FORM: "forms",
    _HTML_STRINGS: "forms",
}
#: Root keys of a JSON Schema that maps a Java class (jsonschema2pojo's `javaType`, ...).
_CLASS_SCHEMA_KEYS = frozenset({"javaType", "javaInterfaces", "extendsJavaClass"})


def _json_kind(path: Path) -> str | None:
    """`forms` for a form, `_DATA_SCHEMA` for a schema of program data, else None (one read).

    A form is a JSON Schema with properties, an angular-schema-form pair, or a FHIR
    Questionnaire. Of those, a JSON Schema of data a program reads or writes is a
    contract, not a form: Jackson's schema module names the Java class in the id
    (`urn:jsonschema:org:x:TaskAssignedEvent`) and jsonschema2pojo's inputs name the class
    to write (`javaType`): a message's or an API's payload, which the program fills in
    (Activiti's 47 event schemas). A schema with a `$schema` property describes JSON files
    that name their own schema (medusa's translation files, settings): files in the
    repository, not a page a person fills in. A schema built from another document's
    definitions fetched by URL (`"$ref": "https://.../entities.json#/definitions/post"`)
    describes a format of data exchanged (diaspora's account export, trial37): form
    renderers resolve references within the file. A file whose properties are mostly typed
    as no JSON Schema is (`keyword`, `long`: an Elasticsearch index mapping) is
    `_INDEX_MAPPING`.
    """
    data = _json_object(path)
    if data is None:
        return None
    if data.get("resourceType") == "Questionnaire":
        return "forms"
    schema = data.get("schema") if isinstance(data.get("schema"), dict) else data
    if not (isinstance(schema, dict) and isinstance(schema.get("properties"), dict)):
        return None
    if foreign_types(schema):
        return _INDEX_MAPPING  # `{"type": "keyword"}`, `"long"`: no JSON Schema (review28 D5)
    ident = data.get("id") if isinstance(data.get("id"), str) else data.get("$id")
    generated = isinstance(ident, str) and ident.startswith("urn:jsonschema:")
    properties = data.get("properties")
    of_files = isinstance(properties, dict) and "$schema" in properties
    exchanged = _remote_ref(data)
    return _DATA_SCHEMA if generated or of_files or exchanged or _CLASS_SCHEMA_KEYS & set(data) else "forms"


def _remote_ref(data: object) -> bool:
    """Whether a JSON Schema has a `$ref` to another document by URL (`https://...`): one pass."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(("http://", "https://")):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _mapping_types(path: Path) -> list[str]:
    """The types no JSON Schema has that left a JSON file out (`_INDEX_MAPPING`)."""
    data = _json_object(path) or {}
    schema = data.get("schema") if isinstance(data.get("schema"), dict) else data
    return foreign_types(schema) if isinstance(schema, dict) else []


def _data_schema_note(paths: list[Path], root: Path) -> str:
    """Where the left-out data schemas are: their folders, the first few named."""
    shown = first_few(sorted({p.parent.relative_to(root).as_posix() for p in paths}))
    return (
        f"left out {len(paths)} JSON Schema{'s' if len(paths) != 1 else ''} in {shown}: the shape of "
        "data a program reads or writes (written from its classes, naming the JSON files that use "
        "it, or built from schemas fetched by URL), not forms a person fills in (add them under "
        "sources: to audit them)"
    )


#: How much of a Java file is looked through for query annotations (a repository is small).
_JAVA_QUERY_BYTES = 1 << 20


def _code_queries(path: Path) -> str | None:
    """`java` for a Java or Kotlin file with query annotations, `mybatis` for a mapper; else None.

    Query annotations: `@Query`, `@NamedQuery`, or MyBatis's `@Select`... of a file that imports them.

    A Spring application's queries live in its repositories' annotations and MyBatis's
    mapper XML, not in `.sql` files: proposed under `queries:` so the use rules see them.
    """
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "mybatis" if is_mapper(_sniff(path)) else None
    if suffix not in (".java", ".kt"):
        return None
    try:
        with path.open("rb") as handle:
            text = handle.read(_JAVA_QUERY_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    return "java" if has_queries(text) else None


def _orm_kind(path: Path) -> str | None:
    """`django`, `sqlalchemy`, `rails`, `prisma`, `jpa`, `doctrine`, `efcore`, `typeorm`, `gorm`... or None.

    Of an Entity Framework Core project, the migrations' model snapshot
    (`<Context>ModelSnapshot.cs`) is proposed: EF's own statement of the whole current
    schema; the migrations and their `.Designer.cs` files are its history. A `DbContext`
    without a snapshot is proposed apart (`efcore_entries`): its model is read from the code.
    """
    suffix = path.suffix.lower()
    if suffix == ".prisma":
        return "prisma"
    if suffix in _SCRIPT_SUFFIXES:
        head = _sniff(path)
        drizzle = drizzle_kind(path, head)
        if drizzle is not None:
            return drizzle
        if suffix == ".ts":
            return typeorm_kind(path, head) or js_kind(path, head)
        return js_kind(path, head) if suffix in (".js", ".cjs", ".mjs") else None
    if suffix == ".cs":
        return "efcore" if path.name.endswith("ModelSnapshot.cs") and is_snapshot(_sniff(path)) else None
    if suffix == ".go":
        return go_model_kind(path, _sniff(path))
    if suffix == ".rs":
        return rust_kind(path, _sniff(path))
    if suffix == ".php":
        return "doctrine" if _doctrine_mapped(_sniff(path)) else None
    if path.name.lower().endswith(_DOCTRINE_MAPPINGS):
        return "doctrine"
    if _is_moodle_install(path):
        return "xmldb"
    if path.name == "schema.rb" and path.parent.name == "db":
        return "rails"
    if suffix == ".java":
        head = _sniff(path)
        return "jpa" if maps_entities(head) and "persistence" in head else None
    if suffix == ".kt":
        return _kotlin_kind(_sniff(path))
    if suffix != ".py":
        return None
    if "migrations" in path.parts:
        return None  # Django and Alembic migration scripts: the models are the schema
    head = _sniff(path)
    in_models = path.name == "models.py" or "models" in path.parts[:-1]
    if in_models and "django" in head and any(base in head for base in _DJANGO_MODEL_BASES):
        return "django"
    if (python_orm := python_orm_kind(head)) is not None:
        return python_orm
    if ("sqlalchemy" in head and "__tablename__" in head) or flask_models(head) or _core_tables(head):
        return "sqlalchemy"
    return None


def _core_tables(head: str) -> bool:
    """SQLAlchemy Core tables at module level: `users = Table("users", metadata, Column(...))`.

    The audit reads them as the ORM's classes; init passed them over (init31's note). An
    Alembic revision (`op.create_table`) says `alembic` and is history, not the schema.
    """
    return (
        "sqlalchemy" in head
        and "alembic" not in head
        and "Table(" in head
        and "MetaData" in head
        and "Column(" in head
    )


def _kotlin_kind(head: str) -> str | None:
    """`exposed` for a Kotlin file declaring Exposed tables, `jpa` for one mapping JPA entities, else None."""
    if uses_exposed(head) and "Table(" in head:
        return "exposed"
    return "jpa" if maps_entities(head) and "persistence" in head else None


#: Files a Drizzle schema (or, `.ts`, TypeORM's and MikroORM's entities) may be written in.
_SCRIPT_SUFFIXES = frozenset({".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"})
#: Doctrine's YAML and XML mapping files.
_DOCTRINE_MAPPINGS = (".orm.yml", ".orm.yaml", ".orm.xml", ".dcm.xml")
#: What a PHP class mapped with Doctrine (attributes or annotations) says near its start.
_DOCTRINE_MARKERS = ("ORM\\Entity", "ORM\\MappedSuperclass", "ORM\\Embeddable", "ORM\\Column")


def _doctrine_mapped(head: str) -> bool:
    """A PHP file that imports Doctrine's mapping and maps a class (or a trait's columns) with it."""
    if "Doctrine\\ORM\\Mapping" not in head:
        return False
    return any(f"{lead}{marker}" in head for marker in _DOCTRINE_MARKERS for lead in ("#[", "@"))


def _is_moodle_install(path: Path) -> bool:
    """Moodle's `db/install.xml` (core and every plugin): an XMLDB schema, not SQL."""
    return path.name == "install.xml" and path.parent.name == "db" and is_xmldb(_sniff(path))


def _xmldb_entries(paths: list[Path], root: Path) -> list[Found]:
    """One entry for a plugin's `db/install.xml`; `**/db/install.xml` for Moodle core's many."""
    if len(paths) == 1:
        return [Found("schemas", paths[0].relative_to(root).as_posix(), format="xmldb")]
    return [Found("schemas", "**/db/install.xml", format="xmldb")]


def _beside_models(home: Path, entities: list[tuple[Path, str | None]]) -> bool:
    """SQL migrations in a project's `migrations/` folder whose models cnsnt reads (Doctrine, xorm, bun).

    The entities are the state the migrations build (Doctrine Migrations keeps SQL there
    too; a Go service keeps its SQL beside its `db/model`): reading both would list
    every column twice.
    """
    folder = next((d for d in (home, *home.parents) if d.name.lower() == "migrations"), None)
    return folder is not None and any(folder.parent in path.parents for path, _ in entities)


def _ent_in_atlas(
    orm: dict[str, list[tuple[Path, str | None]]], migrations: dict[Path, list[Path]], root: Path
) -> list[str]:
    """The ent schemas left out when Atlas's versioned migrations (`atlas.sum`) hold their tables.

    ent generates those migrations from the schemas, whole (mixin fields named at run time
    included), so they are the more exact statement; reading both would list every column twice.
    """
    atlas = sorted(home for home in migrations if (home / "atlas.sum").is_file())
    if "ent" not in orm or not atlas:
        return []
    schemas = orm.pop("ent")
    where = ", ".join(home.relative_to(root).as_posix() for home in atlas)
    return [
        f"left out {len(schemas)} ent schema file{'s' if len(schemas) != 1 else ''}: their tables are "
        f"in {where}, the versioned migrations ent generates from them (atlas.sum), which are read "
        "instead (reading both would list every column twice)"
    ]


def _doctrine_entries(paths: list[Path], root: Path) -> list[Found]:
    """Entity classes and mapping files (`*.orm.yml`, `*.orm.xml`), each kind in its own entries.

    Where a bundle (or the project) maps with YAML or XML files (`Resources/config/doctrine`,
    `config/doctrine`), Doctrine ignores the annotations of its classes: they are left out.
    """
    mapped = [p for p in paths if p.name.lower().endswith(_DOCTRINE_MAPPINGS)]
    homes = {p.parents[2] for p in mapped if p.parent.name == "doctrine" and p.parent.parent.name == "config"}
    homes |= {h.parent for h in homes if h.name == "Resources"}
    found: list[Found] = []
    for suffix in (".php", *_DOCTRINE_MAPPINGS):
        mine = [p for p in paths if p.name.lower().endswith(suffix)]
        if suffix == ".php":
            mine = [p for p in mine if not any(home in p.parents for home in homes)]
        globs = folder_globs(mine, root, spelt(mine, suffix))
        found.extend(Found("schemas", pattern, format="doctrine") for pattern in globs)
    return found


def _migration_dirs(files: list[Path]) -> dict[Path, list[Path]]:
    """Folders of versioned `.sql` migrations (Prisma Migrate and Diesel: versioned sub-folders).

    Diesel's `<version>_x/up.sql` (and `down.sql`) go to the versions' parent apart from
    other SQL there: a loose script beside the version folders (crates.io's
    `migrations/data_oauth_github.sql`) is no migration and does not unmake them.
    """
    by_dir: dict[Path, list[Path]] = defaultdict(list)
    diesel: dict[Path, list[Path]] = defaultdict(list)
    for path in files:
        if path.suffix.lower() != ".sql":
            continue
        if path.name in DIESEL_MIGRATION_FILES and looks_versioned(path.parent.name + ".sql"):
            diesel[path.parent.parent].append(path)
            continue
        home = path.parent.parent if path.name == "migration.sql" else path.parent
        by_dir[home].append(path)
    found = {
        home: paths
        for home, paths in by_dir.items()
        if len(paths) >= 2 and all(_versioned(p) for p in paths)
    }
    for home, paths in diesel.items():
        if len(paths) >= 2:
            found[home] = sorted([*found.get(home, []), *paths])
    return found


#: File names a migration tool gives every version, in a folder named by the version.
_VERSION_FOLDER_FILES = frozenset({"migration.sql", "up.sql", "down.sql"})


def _versioned(path: Path) -> bool:
    """Whether a `.sql` file is a versioned migration, by its name or its version folder's.

    The folder's name counts when the tool names every version's file alike (Prisma's
    `20230404_init/migration.sql`). Any other file takes no version from its folder:
    `10_Services/customers_mysql.sql` is one of a numbered chapter's schema files.
    """
    if path.name.lower() in _VERSION_FOLDER_FILES:
        return looks_versioned(versioned_name(path))
    return looks_versioned(path.name)


def _framework_migrations(
    by_parent: dict[Path, list[Path]], orm: dict[str, list[tuple[Path, str | None]]], root: Path
) -> tuple[list[Found], list[str]]:
    """Rails `db/migrate`, Alembic versions and Django migrations folders, one entry each; notes.

    The schema a project states whole is preferred to the migrations that build it:
    Rails' `db/schema.rb` (or `db/structure.sql`) over `db/migrate`, SQLAlchemy models over
    Alembic revisions (a note names the revisions left out), an app's Django models over
    its migrations.
    """
    django_apps = {app_folder(p) for p, _ in orm.get("django", [])}
    on_sqlalchemy = bool(orm.get("sqlalchemy") or orm.get("sqlmodel"))  # models Alembic builds
    found: list[Found] = []
    alembic_left: list[str] = []
    for directory, paths in sorted(by_parent.items()):
        rel = directory.relative_to(root).as_posix()
        py = [p for p in paths if p.suffix == ".py" and p.name != "__init__.py"]
        if directory.name == "migrate" and directory.parent.name == "db":
            stated = any((directory.parent / n).is_file() for n in ("schema.rb", "structure.sql"))
            rb = [p for p in paths if p.suffix == ".rb"]
            if not stated and any("ActiveRecord::Migration" in _sniff(p) for p in rb):
                found.append(Found("schemas", f"{rel}/*.rb", format="rails_migrations"))
        elif py and "down_revision" in _sniff(py[0]):  # one sniff a folder
            if on_sqlalchemy:
                alembic_left.append(f"{rel}/*.py")
            else:
                found.append(Found("schemas", f"{rel}/*.py", format="alembic"))
        elif (
            py
            and directory.name == "migrations"
            and directory.parent not in django_apps
            and any("class Migration(" in (head := _sniff(p)) and "django" in head for p in py)
        ):
            found.append(Found("schemas", f"{rel}/*.py", format="django_migrations"))
    if not alembic_left:
        return found, []
    models = sorted(
        {p.relative_to(root).as_posix() for k in ("sqlalchemy", "sqlmodel") for p, _ in orm.get(k, [])}
    )
    return found, [
        f"left out the Alembic revisions in {', '.join(alembic_left)}: the models in {first_few(models)} "
        "are read instead, the schema the revisions build (reading both would list every column twice)"
    ]


def _laravel_migrations(files: list[Path], root: Path) -> tuple[list[Found], set[Path]]:
    """Laravel migrations folders, one entry each, and the files they hold or read (`sql_files_read`).

    No form is sought in them, and an SQL file a migration reads is no source of its own.

    A folder's sub-folders (`database/migrations/billing`, loaded with `loadMigrationsFrom`)
    join its entry: migrations replay in file-name order across them.
    """
    homes: dict[Path, list[Path]] = defaultdict(list)
    read: set[Path] = set()
    for path in files:
        if path.suffix.lower() != ".php" or "migrations" not in (p.lower() for p in path.parts[:-1]):
            continue
        head = _sniff(path)
        if not is_laravel_migration(head):
            continue
        read.update(_sql_read(path, head))
        home = path.parent
        while home.name.lower() != "migrations" and home != root:  # `Modules/Blog/Database/Migrations`
            home = home.parent
        homes[home].append(path)
    found: list[Found] = []
    for home, paths in sorted(homes.items()):
        rel = home.relative_to(root).as_posix()
        nested = any(p.parent != home for p in paths)
        pattern = f"{rel}/{'**/' if nested else ''}*{spelt(paths, '.php')}"
        found.append(Found("schemas", pattern, format="laravel", dialect=_laravel_dialect(home, root)))
    return found, {p for paths in homes.values() for p in paths} | read


def _codeigniter_migrations(files: list[Path], root: Path) -> tuple[list[Found], set[Path]]:
    """CodeIgniter migrations folders (`application/migrations`, `app/Database/Migrations`), one entry each.

    A folder is one when a versioned `.php` file in it (`001_x.php`,
    `2020-02-22-101010_X.php`) is a CodeIgniter migration; the entry takes its `.php` files.
    """
    homes: dict[Path, list[Path]] = defaultdict(list)
    for path in files:
        if path.suffix.lower() == ".php" and path.parent.name.lower() in _MIGRATION_FOLDERS:
            homes[path.parent].append(path)
    found: list[Found] = []
    read: set[Path] = set()
    for home, paths in sorted(homes.items()):
        versioned = [p for p in paths if migration_version(p) is not None]
        if not any(is_codeigniter_migration(_sniff(p)) for p in versioned):
            continue
        rel = home.relative_to(root).as_posix()
        found.append(Found("schemas", f"{rel}/*{spelt(paths, '.php')}", format="codeigniter"))
        read.update(paths)
    return found, read


def _laravel_dialect(home: Path, root: Path) -> str | None:
    """The project's connection (`.env.example`, `config/database.php`), for the SQL migrations run."""
    try:
        return project_dialect(home, root)
    except Exception:  # noqa: BLE001 - the grammar missing or a parser bug: no dialect proposed
        return None


def _liquibase_changelogs(files: list[Path], root: Path) -> tuple[list[Found], set[Path]]:
    """Liquibase changelogs (XML, YAML, JSON) no other changelog includes, and the SQL files they run.

    The roots are what Liquibase is run on (Spring Boot's `db.changelog-master.yaml`); an
    SQL file a `<sqlFile>` (or `<createView path>`) runs, or an `<include>` includes, is
    read through its changelog, no source of its own.
    """
    logs = [
        p for p in files
        if p.suffix.lower() in CHANGELOG_SUFFIXES and not p.name.lower().endswith(_DOCTRINE_MAPPINGS)
        and is_changelog(p.name, _sniff(p))
    ]
    trees: dict[Path, XmlElement] = {}
    for path in logs:
        try:
            trees[path] = parse_changelog(path, read_text(path, path.name, limits=Limits()), path.name)[0]
        except SourceError:
            continue  # the audit reports it; a broken changelog is still proposed
    included = {inc.resolve() for path, tree in trees.items() for inc in includes_of(tree, path, root)}
    roots = [p for p in logs if p.resolve() not in included] or logs[:1]  # [:1]: a cycle of includes
    runs = {sql.resolve() for path, tree in trees.items() for sql in sql_files_of(tree, path, root)}
    runs |= {inc for inc in included if inc.suffix.lower() == ".sql"}  # an included SQL changelog
    return (
        [Found("schemas", p.relative_to(root).as_posix(), format="liquibase") for p in roots],
        {p for p in files if p.resolve() in runs} if runs else set(),
    )


def _sql_read(path: Path, head: str) -> list[Path]:
    """The SQL files a Laravel migration reads (`sql_files_read`), from the start of its text."""
    try:
        return sql_files_read(path, head)
    except Exception:  # noqa: BLE001 - the grammar missing or a parser bug: the files stay sources
        return []


def _migration_entry(home: Path, paths: list[Path], root: Path, read: dict[Path, _Kind | None]) -> Found:
    rel = home.relative_to(root).as_posix()
    prefix = "" if rel == "." else f"{rel}/"
    nested = any(p.name == "migration.sql" and p.parent != home for p in paths)
    pattern = f"{prefix}*/migration.sql" if nested else f"{prefix}*.sql"
    if diesel_layout(paths) and any(p.parent != home for p in paths):
        pattern = f"{prefix}*/up.sql"  # Diesel: each version's `down.sql` undoes it
    hint = path_hint(home, root, folder=True)
    kinds = [read[p] if p in read else _sql_kind(p, path_hint(p, root)) for p in paths]
    dialects = {d for k in kinds if k is not None and (d := k[1]) is not None}
    dialect: str | None = min(dialects) if len(dialects) == 1 else None
    if hint is not None and hint.dialect in dialects:
        dialect = hint.dialect  # `postgres/limpia/`: a file Oracle reads too does not outvote it
    return Found("schemas", pattern, format="migrations", dialect=dialect)


def _kind_of(path: Path, root: Path) -> _Kind | None:
    """(kind, dialect, tables of a schema) of a file, or None when it is no source."""
    suffix = path.suffix.lower()
    if suffix == ".sql":
        return _sql_kind(path, path_hint(path, root))
    database = suffix_database(path)
    if database is not None:
        # the name says the database: its dialect, whichever dialect the parser would prefer
        read = _sql_kind(path, Hint(DATABASE_WORDS[database]))
        return None if read is None else (read[0], DATABASE_WORDS[database], read[2])
    if suffix == ".json":
        kind = _json_kind(path)
        return (kind, None, ()) if kind is not None else None
    if suffix in PHOENIX_SUFFIXES:  # HEEx/EEx templates, LiveView `~H`; not Mix's deps/ or _build/
        ours = not {"deps", "_build"} & set(path.relative_to(root).parts)
        return ("forms", None, ()) if ours and has_phoenix_form(_sniff(path), suffix) else None
    if suffix == ".php" and symfony_form_file(path, root, head := _sniff(path)):
        return (_SYMFONY_FORM, None, ())  # a Symfony FormType class (`src/Form/*Type.php`)
    if suffix in _GENERATOR_SUFFIXES and path.with_suffix("").suffix.lower() in _CODE_OUTPUTS:
        return None  # a code generator's `mapper.xml.vm`: its `<select id=...>` is a query, no control
    if suffix in TEMPLATE_SUFFIXES or path.name.lower().endswith((".html.twig", ".html.erb")):
        head = _sniff(path)
        if indented_view(path):  # Haml's `%input{...}`, Slim's `input name=...`: as the ERB they render
            head = view_markup(path, head)
        elif suffix in PUG_SUFFIXES:
            head = pug_markup(head).text  # `input(name="email")` as `<input name="email">`
        if _CNSNT_REPORT in head[:4096]:
            return (_REPORT, None, ())  # a report cnsnt wrote: its filter boxes are no form
        drawn = bool(_FORM_TAG.search(head.lower()) or _HELPER_CONTROL.search(head))
        drawn = drawn or draws_component_control(head)  # `<v-text-field v-model=...>`
        drawn = drawn or (suffix == ".razor" and draws_blazor_control(head))  # `<InputText @bind-Value>`
        drawn = drawn or draws_smarty_control(path, head)  # `{input type="email" name="email"}`
        drawn = drawn or _includes_controls(path, head, root)  # `@include('forms.input', [...])`
        if drawn and suffix == ".php" and _whole(path) and html_builder(path, root, head):
            return (_BUILDER, None, ())  # `Form::macro(...)` definitions: controls for other pages
        if drawn and suffix == ".php" and stock_file(path.relative_to(root), head) is not None:
            return (_STOCK, None, ())  # Symfony's `web/config.php`, as Composer writes it
        return ("forms", None, ()) if drawn else None
    if suffix in JSX_SUFFIXES:  # React components whose JSX draws form controls
        # folders named relative to the project: one above it (`~/out/app/`) excludes nothing
        rel, head = path.relative_to(root), _sniff(path)
        reason = library_reason(rel, head, strings=False)
        # a banner or a library's name does not outweigh components whose JSX draws controls:
        # products put `@license` headers on their own files, and a React `bootstrap.js` is
        # an app's entry point (codereview24 F6); a minified bundle is never a component file
        if reason is not None and (reason == "minified" or not jsx_form_file(rel, head)):
            # jQuery, a minified bundle: named in a note when it holds form markup (review25 D4)
            return (_LIBRARY, None, ()) if holds_markup(head) else None
        if jsx_form_file(rel, head):
            return ("forms", None, ())
        # a vanilla-JS view's `<form>` in a template literal: read as HTML, never also as JSX
        if not html_strings_file(rel, head):
            return None
        if library_reason(rel, head, strings=True):
            return (_LIBRARY, None, ())
        # markup of hidden fields and buttons alone (a Stimulus controller's) is no form
        return (_HTML_STRINGS, None, ()) if collects(path, root) else None
    if suffix == ".py":  # Django and WTForms form classes (`forms.py`, `forms/*.py`)
        return ("forms", None, ()) if python_form_file(path, root, _sniff(path)) else None
    return None


def _entries(
    kind: str,
    paths: list[tuple[Path, str | None]],
    root: Path,
    all_files: dict[Path, list[Path]],
    fmt: str | None = None,
) -> list[Found]:
    """One glob per directory, suffix and dialect when every such file there is alike.

    ORM models of one folder share one entry too, so a model may inherit from another file's.
    One file stays named alone: Django's `models.py` and Rails' `schema.rb` hold every
    model of their app, so a new model goes into them, not beside them (a new app's file
    is named by `cnsnt init --update`).
    """
    by_dir: dict[tuple[Path, str, str], list[Path]] = defaultdict(list)
    for path, dialect in paths:
        by_dir[(path.parent, _glob_suffix(path), dialect or "")].append(path)
    found: list[Found] = []
    for (directory, suffix, dialect), group in sorted(by_dir.items()):
        siblings = [
            p
            for p in all_files.get(directory, [])
            if _glob_suffix(p) == suffix and p.name != "__init__.py"  # a package's, models or forms
        ]
        # a folder named like a glob (SvelteKit's and Next.js' `[slug]`) is matched as written
        rel_dir = glob.escape(directory.relative_to(root).as_posix())
        # a glob would take a symlink there too (paheko's `data/schema.sql`, a link to a schema
        # proposed elsewhere): the files are named one by one, and each is read once
        if len(group) > 1 and len(group) == len(siblings) and suffix and not links(directory, suffix):
            pattern = f"*{suffix}" if rel_dir == "." else f"{rel_dir}/*{suffix}"
            found.append(Found(kind, pattern, format=fmt, dialect=dialect or None))
        else:
            found.extend(
                Found(kind, glob.escape(p.relative_to(root).as_posix()), format=fmt, dialect=dialect or None)
                for p in group
            )
    return found


def _taken(path: Path, globs: list[str], root: Path) -> bool:
    rel = path.relative_to(root).as_posix()
    return any(covers(pattern, rel) for pattern in globs)


def _folder_dialects(paths: list[tuple[Path, str | None]]) -> list[tuple[Path, str | None]]:
    """Query files of a folder whose only dialect is one database's all read in it.

    unkey's 196 sqlc query files: 64 use MySQL's backticks, the other 132 read in any
    dialect, so the folder was 196 entries, one per file. They are the queries of one
    MySQL database, which reads them all (and reads `"x"` as its server does, as a
    string): the files that named no dialect take the folder's when it reads each of
    them whole, and the folder becomes one entry.
    """
    named: dict[tuple[Path, str], set[str | None]] = defaultdict(set)
    for path, dialect in paths:
        named[(path.parent, _glob_suffix(path))].add(dialect)
    out: list[tuple[Path, str | None]] = []
    for path, dialect in paths:
        dialects = named[(path.parent, _glob_suffix(path))]
        only = [d for d in dialects if d is not None]
        if dialect is None and None in dialects and len(only) == 1 and _reads_whole(path, only[0]):
            dialect = only[0]
        out.append((path, dialect))
    return out


def _reads_whole(path: Path, dialect: str) -> bool:
    try:
        text = read_text(path, path.name, limits=Limits(file_bytes=PARSE_LIMIT))
    except (OSError, SourceError):
        return False
    unread, total, _ = _unread_chars(text, dialect)
    return total > 0 and unread == 0


def _glob_suffix(path: Path) -> str:
    """The end of a glob for the file's folder: `.sql.postgres` for SQL named for its database.

    `*.postgres` would match whatever else is named so; `*.sql.postgres` is the SQL of one
    database, whose copies for the others (`*.sql.sqlite`) stay out. Spelt as the file
    spells it: the audit matches globs case-sensitively, so `*.sql` would miss `A.SQL`.
    """
    if suffix_database(path) is not None:
        return "".join(path.suffixes[-2:])
    return path.suffix


def _source_root(path: Path, root: Path) -> Path:
    """The folder a Java file's packages start in: `.../src/main/java`, else `.../src`, else its own."""
    parts = path.relative_to(root).parts[:-1]
    for i in range(len(parts) - 1, 0, -1):
        if parts[i] in ("java", "kotlin") and parts[i - 1] in ("main", "src"):
            return root.joinpath(*parts[: i + 1])
    if "src" in parts:
        return root.joinpath(*parts[: parts.index("src") + 1])
    return path.parent


def _jpa_entries(paths: list[Path], root: Path) -> list[tuple[Found, list[Path]]]:
    """JPA entries (each with its entity files): the reader resolves parents and embeddables within one.

    Entities inherit from `@MappedSuperclass` parents and embed `@Embeddable` classes of
    other packages and, in a multi-module build, of other modules (a `common` module's
    `BaseEntity`). So the entities of every `src/main/java` of the project share one
    entry, `<their common folder>/**/src/main/java/**/*.java` (tests stay out); others
    get one per source root, `<common folder>/**/*.java` or `<folder>/*.java`. The reader
    passes over Java files without a mapping.
    """
    groups: dict[Path, list[Path]] = defaultdict(list)
    for path in paths:
        groups[_source_root(path, root)].append(path)
    maven = [r for r in groups if r.parts[-3:] in (("src", "main", "java"), ("src", "main", "kotlin"))]
    if len(maven) > 1 and len(maven) == len(groups):
        modules = Path(os.path.commonpath([str(r.parent.parent.parent) for r in maven]))
        rel = modules.relative_to(root).as_posix()
        prefix = "" if rel == "." else f"{rel}/"
        languages = {r.name for r in maven}
        source = languages.pop() if len(languages) == 1 else "*"
        pattern = f"{prefix}**/src/main/{source}/**/{_jvm_glob(paths)}"
        return [(Found("schemas", pattern, format="jpa"), sorted(paths))]
    found: list[tuple[Found, list[Path]]] = []
    for _, group in sorted(groups.items()):
        folders = {p.parent for p in group}
        common = Path(os.path.commonpath([str(f) for f in folders]))
        files = _jvm_glob(group)
        if len(folders) == 1:
            # every Java file of the folder, even of one entity: an entity may embed a
            # sibling's class, and one added beside it later is read (review24 D1)
            pattern = (common / files).relative_to(root).as_posix()
        else:
            rel = common.relative_to(root).as_posix()
            pattern = f"**/{files}" if rel == "." else f"{rel}/**/{files}"
        found.append((Found("schemas", pattern, format="jpa"), group))
    return found


def _jvm_glob(paths: list[Path]) -> str:
    """`*.java`, `*.kt`, or `*.[jk][at]*` for an entry of both (entities extend and embed across them).

    A glob has no alternatives; the reader reads `.kt` files as Kotlin and the others as Java,
    passing over those without a mapping.
    """
    suffixes = {p.suffix for p in paths}
    return f"*{suffixes.pop()}" if len(suffixes) == 1 else "*.[jk][at]*"


def _leave_jpa_migrations(
    entities: list[tuple[Path, str | None]],
    kinds: dict[str, list[tuple[Path, str | None]]],
    migrations: dict[Path, list[Path]],
    root: Path,
) -> list[str]:
    """SQL under a module's `src/main/resources` beside its JPA entities is left out, with a note.

    Flyway's `db/migration/V1__init.sql` and the entities describe one database: as with
    Django models over their migrations, the entities are read and the SQL is not
    (reading both would report every column twice).
    """
    resources = _jpa_resources(entities, root)
    if not resources:
        return []

    def beside(path: Path) -> bool:
        return any(r in path.parents for r in resources)

    left = [p for p, _ in kinds.get("schemas", []) if beside(p)]
    kinds["schemas"] = [(p, d) for p, d in kinds.get("schemas", []) if not beside(p)]
    for home in [h for h in migrations if beside(h) or any(beside(p) for p in migrations[h])]:
        left.extend(migrations.pop(home))
    if not left:
        return []
    where = ", ".join(sorted({p.parent.relative_to(root).as_posix() for p in left}))
    return [
        f"left out {len(left)} SQL file{'s' if len(left) != 1 else ''} in {where}: the SQL schema of "
        "the JPA entities beside them, which are read instead (reading both would list every column twice)"
    ]


def _jpa_resources(entities: list[tuple[Path, str | None]], root: Path) -> set[Path]:
    """The `src/main/resources` folders of the modules whose `src/main/java` holds JPA entities."""
    modules: set[Path] = set()
    for path, _ in entities:
        source = _source_root(path, root)
        if source.parts[-3:] in (("src", "main", "java"), ("src", "main", "kotlin")):
            modules.add(source.parent.parent.parent)
    return {m / "src" / "main" / "resources" for m in modules}


def _leave_jpa_changelogs(
    changelogs: list[Found], entities: list[tuple[Path, str | None]], root: Path, runs: int = 0
) -> tuple[list[Found], list[str]]:
    """Liquibase changelogs in a project that maps its tables with JPA entities are left out, with a note.

    JHipster's `config/liquibase/master.xml`, OpenMRS's per-version snapshots and Elexis's
    `db/elexisdb_master_*.xml` (an OSGi bundle beside the entities' own) describe the
    database the entities map: as with models over migrations elsewhere, the entities
    state it whole; reading both would list every column twice, and a project's
    several root changelogs (initial, update) replay each on its own.
    """
    left = changelogs if entities else []
    if not left:
        return changelogs, []
    where = ", ".join(sorted({Path(f.pattern).parent.as_posix() for f in left}))
    sql = f" (and the {runs} SQL file{'s' if runs != 1 else ''} they run)" if runs else ""
    note = (
        f"left out {len(left)} Liquibase changelog{'s' if len(left) != 1 else ''}{sql} in {where}: the "
        "history of the tables the project's JPA entities map, which are read instead (reading both "
        "would list every column twice)"
    )
    return [f for f in changelogs if f not in left], [note + _changelog_tables(left, entities, root)]


def _changelog_tables(left: list[Found], entities: list[tuple[Path, str | None]], root: Path) -> str:
    """The tables only the changelogs left out create, which no source reads then, or "".

    Apache Fineract's changelogs create 249 tables, its entities map 230 (trial37): the
    rest (`oauth_access_token` with user names, `ppi_scores`, `m_loan_arrears_aging` read
    by plain SQL) went with the changelogs, said to be the entities' history. Both are
    read as the audit reads them; one that cannot be read gives no names (its own read
    says why when it is listed).
    """
    created, failed = model_tables([ModelEntry(f.pattern, "liquibase") for f in left], root)
    models = [ModelEntry(f.pattern, "jpa") for f, _ in _jpa_entries([p for p, _ in entities], root)]
    mapped, unread = model_tables(models, root)
    if failed is not None or unread is not None:
        return ""
    return changelog_only_note(sorted(created - mapped))


def _jpa_naming(entry: Found, paths: list[Path], root: Path) -> str:
    """Which names the JPA reader will give the entry's tables, and why (it decides the same way)."""
    return f"JPA entities in {entry.pattern}: {jpa_naming(paths, root).why}"


def _efcore_notes(
    snapshots: list[tuple[Path, str | None]], root: Path, by_parent: dict[Path, list[Path]]
) -> list[str]:
    """What an EF Core snapshot stands for: the migrations beside it are its history, not read."""
    notes: list[str] = []
    for path, _ in sorted(snapshots):
        history = [p for p in by_parent.get(path.parent, []) if p.suffix == ".cs" and p != path]
        if history:
            notes.append(
                f"EF Core model snapshot {path.relative_to(root).as_posix()}: read instead of the "
                f"{len(history)} migration file{'s' if len(history) != 1 else ''} beside it (their history)"
            )
    return notes


def discover(root: Path) -> list[Found]:
    """Every schema, form and query file below root, as `sources:` entries."""
    return survey(root)[0]


def _created_altered(tables: tuple[DDLTable, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The tables a schema file creates, and those it only alters, case-folded."""
    created = frozenset(t.name.casefold() for t in tables if not t.altered_only)
    altered = frozenset(t.name.casefold() for t in tables if t.altered_only)
    return created, altered


def _patches(schemas: dict[Path, tuple[DDLTable, ...]]) -> dict[Path, Path]:
    """Schema files that are upgrade patches of a fuller schema file -> that file.

    osTicket's `upgrader/.../16fcef4a-d51f303a.patch.sql` alters tables that
    `install-mysql.sql` creates whole, and others create only tables it holds too:
    history of the full schema. Read alone, a patch alters tables it never saw.
    """
    read = {path: _created_altered(tables) for path, tables in schemas.items()}
    # a full schema creates what it alters; the largest is tried first
    full = sorted(
        (p for p, (created, altered) in read.items() if created and not altered),
        key=lambda p: (-len(read[p][0]), p.as_posix()),
    )
    out: dict[Path, Path] = {}
    for path, (created, altered) in read.items():
        for other in full:
            if other == path:
                continue
            holds = read[other][0]
            if (altered and altered & holds) or (
                created
                and created <= holds
                and len(created) < len(holds)
                and _columns_within(schemas[path], schemas[other])
            ):
                out[path] = other
                break
    return out


def _columns_within(tables: tuple[DDLTable, ...], fuller: tuple[DDLTable, ...]) -> bool:
    """Whether the tables `tables` creates are an older state of the fuller file's.

    A file that creates its tables with more columns than the "full" schema has is newer
    than it (or of another database's edition of it, as SIU-Toba's PostgreSQL files
    beside an older MySQL one): leaving it out would lose those columns. One whose
    tables lack more of the full schema's columns than they add is an older copy that
    kept a column since dropped (pmb's `tables/bibli.sql`: 1 such column, 211 missing):
    kept, every table of it was defined twice.
    """
    known: dict[str, set[str]] = defaultdict(set)
    for table in fuller:
        known[table.name.casefold()].update(c.name.casefold() for c in table.columns)
    mine: dict[str, set[str]] = defaultdict(set)
    for table in tables:
        if not table.altered_only:
            mine[table.name.casefold()].update(c.name.casefold() for c in table.columns)
    added = sum(len(columns - known[name]) for name, columns in mine.items())
    lacked = sum(len(known[name] - columns) for name, columns in mine.items())
    return added == 0 or added < lacked


def _whole(path: Path) -> bool:
    """Whether the sniff of a file is all of it (a builder is judged on its whole text)."""
    try:
        return path.stat().st_size <= SNIFF_BYTES
    except OSError:
        return False


def _tooling_note(stubs: list[Path], builders: list[Path], root: Path) -> list[str]:
    """The generator stubs and PHP control builders left out of the forms, named."""
    notes: list[str] = []
    if stubs:
        folders = first_few(sorted({p.parent.relative_to(root).as_posix() for p in stubs}))
        notes.append(
            f"left out {len(stubs)} form file{'s' if len(stubs) != 1 else ''} in {folders}: "
            "a code generator's stubs, templates of files it writes, not the product's pages "
            "(add them under sources: to audit them)"
        )
    if builders:
        shown = first_few(sorted(p.relative_to(root).as_posix() for p in builders))
        notes.append(
            f"left out {len(builders)} PHP file{'s' if len(builders) != 1 else ''} ({shown}): "
            "code that builds form controls in strings from its arguments (macros, helpers) "
            "and prints nothing; their fields are read in the pages that call them"
        )
    return notes


def _static_pages(kinds: dict[str, list[tuple[Path, str | None]]], root: Path) -> list[Path]:
    """Static pages under a web root, taken out of the forms when the project has others.

    Only when some form lives outside the web roots (a template, a component): a site
    whose only pages are static ones keeps them, they are its forms.
    """
    def static(path: Path) -> bool:
        if path.suffix.lower() not in _STATIC_PAGE or not in_folder(path, root, WEB_ROOTS):
            return False
        # template code is rendered, not served as it is: CTFd's `assets/static/create.html`
        # (its "static" flag type's form, `value="{{ content }}"`) is a template
        head = _sniff(path)
        return not any(mark in head for mark in _TEMPLATE_MARKS)

    forms = kinds.get("forms", [])
    pages = [path for path, _ in forms if static(path)]
    if not pages or (len(pages) == len(forms) and not kinds.get(_SYMFONY_FORM)):
        return []
    kinds["forms"] = [(path, dialect) for path, dialect in forms if not static(path)]
    return pages


def _static_note(paths: list[Path], root: Path) -> str:
    """Where the left-out static pages are: their folders, the first few named."""
    folders = first_few(sorted({p.parent.relative_to(root).as_posix() for p in paths}))
    return (
        f"left out {len(paths)} static page{'s' if len(paths) != 1 else ''} in {folders}: "
        "files the web server serves as they are, beside the templates that draw the "
        "product's pages (a theme's or a library's bundled pages); add them under sources: "
        "to audit them"
    )


def _reports_note(paths: list[Path], root: Path) -> str:
    """The HTML reports cnsnt wrote into the project, left out: their filter boxes are no form."""
    shown = first_few(sorted(p.relative_to(root).as_posix() for p in paths))
    return (
        f"left out {len(paths)} HTML report{'s' if len(paths) != 1 else ''} cnsnt wrote ({shown}): "
        "cnsnt's own output, not the product's forms"
    )


def _demo_note(paths: list[Path], root: Path) -> str:
    """Where the left-out demo forms are: their demo folders, the first few named."""
    folders = {folder.as_posix() for path in paths if (folder := demo_folder(path, root)) is not None}
    shown = first_few(sorted(folders))
    return (
        f"left out {len(paths)} form file{'s' if len(paths) != 1 else ''} in {shown}: "
        "demo and example pages, not the product's forms (add them under sources: to audit them)"
    )


def _patched_schema(
    paths: list[Path], read: dict[Path, _Kind | None], schemas: dict[Path, tuple[DDLTable, ...]]
) -> Path | None:
    """The schema file a versioned folder patches, when it holds the folder's end state.

    GovPay's `postgresql/patch/3.1.2.sql ...` alter tables none of them creates, which
    `postgresql/gov_pay.sql` creates whole, with the columns the patches add: the
    patches are the upgrade history of that schema, and replayed alone they alter
    tables they never saw. A schema that lacks most of the added columns is an older
    baseline instead (the patches bring it forward), and a folder that creates more
    tables of its own than it patches is a schema of its own (Flyway migrations that
    alter a shared table): then the folder is kept.
    """
    tables = [t for p in paths if (k := read[p]) is not None for t in k[2]]
    created = {t.name.casefold() for t in tables if not t.altered_only}
    orphans = {t.name.casefold() for t in tables if t.altered_only} - created
    if not orphans:
        return None
    home = paths[0].parent
    best: tuple[tuple[int, int, str], Path] | None = None
    for path, held in schemas.items():
        whole = [t for t in held if not t.altered_only]
        names = {t.name.casefold() for t in whole}
        holds = orphans & names
        if 2 * len(holds) <= len(orphans) or len(created - names) >= len(holds):
            continue  # it patches little of this schema, or builds tables of its own
        if lacks_most(whole, tables, holds):
            continue  # an older baseline: the patches add what it lacks
        near = len(os.path.commonpath([str(home), str(path.parent)]))
        key = (-near, -len(holds), path.as_posix())  # the nearest schema, then the fullest
        if best is None or key < best[0]:
            best = (key, path)
    return None if best is None else best[1]


#: (digest and length of a SQL text, whether a path names a dialect, the one it names) ->
#: the text's kind, while `survey` runs: a file kept in several copies (one per language
#: or database folder) is judged once.
_JUDGED: ContextVar[dict[tuple[bytes, int, bool, str | None], _Kind] | None] = ContextVar(
    "cnsnt_sql_kinds", default=None
)


def holds_source(entry: Found, path: Path, root: Path) -> bool:
    """Whether a file an entry's glob takes is itself what init looked for (review24 D1).

    A template glob takes layouts and partials, a JPA folder glob takes a package's
    other classes: those are read, but `init --update` names only the files that hold a
    form or an entity when `sources:` leaves them out. Other entries' files all count.
    """
    if entry.format == "jpa":
        return _orm_kind(path) == "jpa"
    if entry.kind == "forms":
        what = _kind_of(path, root)
        return what is not None and what[0] not in (_LIBRARY, _STOCK)
    return True


def survey(root: Path, given: Collection[str] = ()) -> tuple[list[Found], list[str]]:
    """The `sources:` entries below root, and notes on what was left out and why.

    `given`: the `databases:` URLs the user named (`cnsnt init --db`): a SQLite file of
    the project among them is kept, though schema files define its tables (review37 D3).
    """
    token = _JUDGED.set({})
    try:
        with shared_survey(root):
            return _survey(root, frozenset(given))
    finally:
        _JUDGED.reset(token)


def _survey(root: Path, given: frozenset[str]) -> tuple[list[Found], list[str]]:
    """`survey`: the files of mock-up folders are read only for a kind the rest lacks."""
    files, docs, olds, mockups = _walk(root)
    left_notes = [*_docs_note(docs, root), *_olds_note(olds, root)]
    if not mockups:
        found, notes = _survey_files(root, files, given)
        return found, [*left_notes, *notes]
    found, notes = _survey_files(root, [p for p in files if p not in mockups], given)
    present = families(f.kind for f in found) & ALL_FAMILIES
    # a draft's queries read the draft's tables: they go with its schema when the
    # application has a schema of its own (HCP's `Maqueta/Backend/Consultas.sql`)
    covered = present | ({"queries"} if "schemas" in present else set())
    left = [p for p in files if p in mockups and _mockup_family(p, root) in covered]
    kept = [p for p in files if p in mockups and p not in left]
    if kept and covered != ALL_FAMILIES:
        # the application lacks a kind of source: the mock-up folders' own is read
        found, notes = _survey_files(root, [p for p in files if p not in left], given)
        dropped = [f for f in found if in_mockups(f.pattern) and family(f.kind) in covered]
        found = [f for f in found if f not in dropped]
        left.extend(p for p in kept if any(_takes(f, p, root) for f in dropped))
    return found, [*left_notes, *_mockups_note(left, present, root), *notes]


def _mockup_family(path: Path, root: Path) -> str | None:
    """The family (`mockups.FAMILIES`) of a mock-up folder's file init would propose, else None."""
    if _orm_kind(path) is not None or _sqlite_file(path):
        return "schemas"
    what = _kind_of(path, root)
    return _MOCKUP_FAMILIES.get(what[0]) if what is not None else None


def _takes(entry: Found, path: Path, root: Path) -> bool:
    """Whether a `sources:` entry init proposes reads a file (its path, or its glob)."""
    return covers(pattern_path(entry.pattern), path.relative_to(root).as_posix())


def _mockups_note(left: list[Path], present: frozenset[str], root: Path) -> list[str]:
    """The files of mock-up folders left out, named in a note."""
    if not left:
        return []
    return _left_out_note(
        left,
        root,
        mockup_folder,
        "mock-up folders",
        "a mock-up or prototype folder holds a draft of the application, not the application, "
        f"which has {phrase(present)} of its own",
        orm=True,
    )


def _survey_files(root: Path, files: list[Path], given: frozenset[str]) -> tuple[list[Found], list[str]]:
    """The `sources:` entries of the walked files, and notes on what was left out of them."""
    by_parent: dict[Path, list[Path]] = defaultdict(list)
    for path in files:
        by_parent[path.parent].append(path)
    kinds: dict[str, list[tuple[Path, str | None]]] = defaultdict(list)
    laravel, in_laravel = _laravel_migrations(files, root)
    codeigniter, in_codeigniter = _codeigniter_migrations([p for p in files if p not in in_laravel], root)
    laravel.extend(codeigniter)
    in_laravel |= in_codeigniter
    php_entries, in_php = php_migration_entries(  # Yii 2, Phinx and CakePHP
        [p for p in files if p not in in_laravel], root, _sniff
    )
    laravel.extend(Found("schemas", pattern, format=fmt) for pattern, fmt in php_entries)
    in_laravel |= in_php
    changelogs, in_changelogs = _liquibase_changelogs(files, root)
    in_laravel |= in_changelogs  # SQL a changelog runs is read through it
    migrations = _migration_dirs([p for p in files if p not in in_laravel])
    in_migrations = {p for paths in migrations.values() for p in paths}
    in_migrations |= in_laravel
    # drizzle-kit's output (any number of files): kept apart until the schema is known
    drizzle_kit = journal_homes([p for p in files if p not in in_laravel])
    for home, paths in drizzle_kit.items():
        migrations.pop(home, None)
        in_migrations.update(paths)
    # older copies in one-folder-per-revision layouts: left out before anything reads them
    older, older_notes = superseded([p for p in files if p not in in_migrations], root)
    orm: dict[str, list[tuple[Path, str | None]]] = defaultdict(list)
    schema_tables: dict[Path, tuple[DDLTable, ...]] = {}
    demos: list[Path] = []
    stubs: list[Path] = []
    builders: list[Path] = []
    sqlite_files: list[Path] = []
    reports: list[Path] = []
    contracts: list[Path] = []
    mappings: list[Path] = []
    libraries: dict[str, list[Path]] = defaultdict(list)
    unread: dict[str, list[Path]] = defaultdict(list)
    twins = _dialect_twins([p for p in files if p not in in_migrations and p not in older])
    kinded: set[Path] = set()
    code_queries: dict[str, list[tuple[Path, str | None]]] = defaultdict(list)
    for path in files:
        if path in in_migrations or path in older or path in twins:
            continue
        query_format = _code_queries(path)
        if query_format is not None:  # an entity's `@NamedQuery` is a query too: no `continue` for Java
            code_queries[query_format].append((path, None))
            if query_format == "mybatis":
                continue
        model_kind = _orm_kind(path)
        if model_kind is not None:
            orm[model_kind].append((path, None))
            continue
        library = unread_go_orm(path, _sniff(path)) if path.suffix == ".go" else None
        if library is not None:  # go-pg, GoFrame, MongoDB...: said, never silently passed over
            unread[library].append(path)
            continue
        if _sqlite_file(path):  # its tables are read through SQLAlchemy, read-only
            sqlite_files.append(path)
            continue
        what = _kind_of(path, root)
        if what is not None:
            kinded.add(path)
        if what is not None and what[0] in _DEMO_KINDS and demo_folder(path, root) is not None:
            demos.append(path)
        elif what is not None and what[0] in _DEMO_KINDS and in_folder(path, root, STUB_DIRS):
            stubs.append(path)
        elif what is not None and what[0] == _BUILDER:
            builders.append(path)
        elif what is not None and what[0] == _REPORT:
            reports.append(path)
        elif what is not None and what[0] in (_LIBRARY, _STOCK):
            libraries[what[0]].append(path)
        elif what is not None and what[0] == _DATA_SCHEMA:
            contracts.append(path)
        elif what is not None and what[0] == _INDEX_MAPPING:
            mappings.append(path)
        elif what is not None:
            kinds[what[0]].append((path, what[1]))
            if what[0] == "schemas":
                schema_tables[path] = what[2]  # read once: the patch check needs them too
    for path in inherited_form_files(root, kinded):  # a form type by its bases: once the walk is done
        if demo_folder(path, root) is not None:
            demos.append(path)
        else:
            kinds[_SYMFONY_FORM].append((path, None))
    statics = _static_pages(kinds, root)
    # hand-drawn pages beside the templates (a biobank's `temps/*.html`): drafts, said (trial40)
    mockup_pages = static_mockups(
        [p for p, _ in kinds.get("forms", [])], bool(kinds.get(_SYMFONY_FORM)), root=root
    )
    if mockup_pages:
        drafts = set(mockup_pages)
        kinds["forms"] = [(p, d) for p, d in kinds["forms"] if p not in drafts]
    duplicates = form_copies([p for k in ("forms", _HTML_STRINGS) for p, _ in kinds.get(k, [])], root)
    for k in ("forms", _HTML_STRINGS):
        kinds[k] = [(p, d) for p, d in kinds.get(k, []) if p not in duplicates]
    proposed_files, odd_sqlite = split_sqlite(sqlite_files, config_files(files))
    databases = [Found("databases", sqlite_url(path, root)) for path in proposed_files]
    notes: list[str] = [
        *([left_out_note(odd_sqlite, root)] if odd_sqlite else []),
        *older_notes,
        *([_demo_note(demos, root)] if demos else []),
        *_tooling_note(stubs, builders, root),
        *([_static_note(statics, root)] if statics else []),
        *([mockups_note(mockup_pages, root)] if mockup_pages else []),
        *([copies_note(duplicates, root)] if duplicates else []),
        *([_reports_note(reports, root)] if reports else []),
        *([library_note(libraries[_LIBRARY], root, _sniff)] if libraries[_LIBRARY] else []),
        *([stock_note(libraries[_STOCK], root, _sniff)] if libraries[_STOCK] else []),
        *([_data_schema_note(contracts, root)] if contracts else []),
        *([mappings_note({p: _mapping_types(p) for p in mappings}, root)] if mappings else []),
        *([_twins_note(twins, root)] if twins else []),
        *([unread_orms_note(unread, root)] if unread else []),
        *unread_template_notes(files, root, _sniff),  # JSP's tag libraries
        *sql_text_notes(files, root),  # `SQL_Statements/*.txt`: queries init does not propose
    ]
    # Rails keeps one of db/schema.rb and db/structure.sql: the other is left out, said
    rails_left, rails_notes = rails_choice([p for p, _ in orm.get("rails", [])], schema_tables, root)
    if rails_left:
        orm["rails"] = [(p, d) for p, d in orm["rails"] if p not in rails_left]
        kinds["schemas"] = [(p, d) for p, d in kinds["schemas"] if p not in rails_left]
        for path in rails_left:
            schema_tables.pop(path, None)
        notes.extend(rails_notes)
    read: dict[Path, _Kind | None] = {}
    notes.extend(_leave_older_versions(schema_tables, migrations, kinds, read, root))
    patches = _patches(schema_tables)
    # a folder most of whose schema files patch one schema is that schema's upgrade
    # folder: its other SQL (new tables since dropped, data fixes) is history too; so are
    # the versioned files of a folder that holds the schema itself (paheko's
    # `migrations/1.3/1.3.10.sql` beside `migrations/1.3/schema.sql`)
    folders: dict[Path, Path] = {}
    steps: dict[Path, Path] = {}
    for folder in sorted({p.parent for p in patches}):
        mine = [p for p, _ in kinds["schemas"] if p.parent == folder]
        targets = Counter(patches[p] for p in mine if p in patches)
        main, count = targets.most_common(1)[0]
        if main.parent != folder and 2 * count > len(mine):
            folders[folder] = main
        elif main.parent == folder and 2 * count > len(mine) - 1:
            steps[folder] = main
    left: dict[Path, list[Path]] = defaultdict(list)
    for home, paths in sorted(migrations.items()) if schema_tables else ():
        read.update((p, _sql_kind(p, path_hint(p, root))) for p in paths)
        of = _patched_schema(paths, read, schema_tables)
        for _ in range(len(patches)):  # a patch of a patch: the schema that holds them all
            if of is None or of not in patches:
                break
            of = patches[of]
        if of is not None:
            left[of].extend(migrations.pop(home))
    # the dialect each SQL file was read in, for replaying the patches left out
    sql_kinds = ("schemas", "queries", "data", _SETUP, _DROPS, _INDEXES, _SEEDS)
    dialect_of = {p: d for kind in sql_kinds for p, d in kinds.get(kind, [])}
    proposable: set[Path] = set()  # schema files left out as patches, which may be read after all
    for kind in sql_kinds:
        kept: list[tuple[Path, str | None]] = []
        for path, dialect in kinds.get(kind, []):
            of = folders.get(path.parent) or (patches.get(path) if kind == "schemas" else None)
            step = steps.get(path.parent)
            if of is not None and kind == "schemas" and step is None:
                # a patch of a schema elsewhere; not a step beside the schema it leads to, which
                # is the newest by its place (paheko's `1.3/schema.sql` beside `1.3/1.3.2.sql`)
                proposable.add(path)
            if of is None and step is not None and path != step and split_version(path.stem)[1]:
                of = step  # an upgrade step, whatever it holds (an UPDATE that fixes data)
            if of is None:
                kept.append((path, dialect))
            else:
                left[of].append(path)
        kinds[kind] = kept
    for full, paths in sorted(left.items()):
        patched = [(p, _tables_of(p, schema_tables, read)) for p in sorted(paths)]
        known = [dialect_of[p] if p in dialect_of else (read.get(p) or (None, None))[1] for p in paths]
        dialect = patch_dialect(dialect_of.get(full), known)
        gaps = added_gaps(schema_tables.get(full, ()), patched, dialect)
        ahead = brought_forward(schema_tables.get(full, ()), patched, gaps, proposable)
        if not ahead:
            notes.append(patches_note(paths, gaps, full, root))
            continue
        # the schema is older than its patches: those that add what it lacks are read
        kinds["schemas"].extend((p, dialect_of.get(p)) for p in ahead)
        rest = [(p, tables) for p, tables in patched if p not in ahead]
        rest_gaps = added_gaps(schema_tables.get(full, ()), rest, dialect) if rest else []
        group = PatchGroup(full, root, tuple(ahead), tuple(p for p, _ in rest), tuple(gaps), tuple(rest_gaps))
        notes.extend(group.notes())
    # SQL files that hold no one's data, by what they hold instead
    for holding, left_because in (
        (
            "data",
            "rows of data only (database dumps' COPY ... FROM stdin, seed scripts' INSERT ... VALUES "
            "or SELECT of literals), which restore rows and run no queries; their tables are read "
            "from the schema",
        ),
        (
            _DROPS,
            "DROP statements only (DROP TABLE, DROP VIEW, ...), which remove what a schema made and "
            "read or write no one's data; a table they drop is gone from the schema that creates it",
        ),
        (_SETUP, "database setup only (CREATE DATABASE, CREATE USER, GRANT), which reads and writes no one's "
                 "data"),
        (
            _SEEDS,
            "seed scripts by their name (seed.sql, seeds/*.sql; Supabase's supabase/seed.sql), which fill a "
            "development database with sample rows and run no queries of the application; their tables are "
            "read from the schema (name one under queries: if the application runs it)",
        ),
        (
            _INDEXES,
            "indexes, sequences, comments and changes to existing columns only (CREATE INDEX, CREATE "
            "SEQUENCE, COMMENT ON, ALTER TABLE ... MODIFY), which add no column and read or write no one's "
            "data",
        ),
    ):
        no_data = kinds.pop(holding, [])
        if no_data:
            where = ", ".join(sorted({p.parent.relative_to(root).as_posix() for p, _ in no_data}))
            several = f"{len(no_data)} SQL file{'s' if len(no_data) != 1 else ''}"
            notes.append(f"left out {several} in {where}: {left_because}")
    notes.extend(_leave_jpa_migrations(orm.get("jpa", []), kinds, migrations, root))
    drizzle_schemas = [p for p, _ in orm.get("drizzle", [])]
    generated = {h: p for h, p in drizzle_kit.items() if beside_schema(h, drizzle_schemas)}
    migrations.update((h, p) for h, p in drizzle_kit.items() if h not in generated)
    if generated:
        notes.append(drizzle_migrations_note(generated, root))
    models = {path.parent for path, _ in orm.get("prisma", [])}
    if orm.get("prisma"):
        proposed, copies = prisma_schemas([p for p, _ in orm["prisma"]], files, root)
        orm["prisma"] = [(p, d) for p, d in orm["prisma"] if p in proposed]
        notes.extend(copies)
        notes.extend(prisma_migrations_note(home, paths, proposed, root)
                     for home, paths in sorted(migrations.items()) if home.parent in models)
    diesel_schemas = [p for p, _ in orm.get("diesel", [])]
    built = sorted(h for h, paths in migrations.items() if diesel_schemas and diesel_layout(paths))
    if built:
        notes.append(diesel_migrations_note(built, diesel_schemas, root))
    notes.extend(_ent_in_atlas(orm, migrations, root))
    go_models = [*orm.get("xorm", []), *orm.get("bun", []), *orm.get("beego", [])]
    beside_go = sorted(home for home in migrations if _beside_models(home, go_models))
    if beside_go:
        notes.append(
            f"left out the SQL migrations in {', '.join(h.relative_to(root).as_posix() for h in beside_go)}: "
            "they build the tables of the Go models beside them, which are read instead "
            "(reading both would list every column twice)"
        )
    proposed_homes = [
        home
        for home in sorted(migrations)
        # Prisma Migrate's folder beside its schema.prisma: the schema is the state
        # both describe; reading both would list every column twice
        if home.parent not in models
        and not _beside_models(home, orm.get("doctrine", []))
        and home not in built  # Diesel's, whose schema.rs is read
        and home not in beside_go
    ]
    found: list[Found] = [_migration_entry(home, migrations[home], root, read) for home in proposed_homes]
    framework, framework_notes = _framework_migrations(by_parent, orm, root)
    found.extend(framework)
    notes.extend(framework_notes)
    found.extend(laravel)
    ecto, ecto_notes, _ = ecto_entries(files, root, _sniff)
    found.extend(Found("schemas", pattern, format=fmt, dialect=dialect) for pattern, fmt, dialect in ecto)
    notes.extend(ecto_notes)
    for query_format, in_code in sorted(code_queries.items()):  # Spring's `@Query`, MyBatis mappers
        found.extend(_entries("queries", in_code, root, by_parent, fmt=query_format))
    changelogs, left_out = _leave_jpa_changelogs(changelogs, orm.get("jpa", []), root, len(in_changelogs))
    found.extend(changelogs)
    notes.extend(left_out)
    snapshots = [p for p, _ in orm.get("efcore", [])]
    code_entries = efcore_code_entries(files, snapshots, root, in_migrations | older)
    with_code = {p for entry in code_entries for p in entry.snapshots}
    for model_kind in sorted(orm):
        if model_kind == "jpa":
            entries = _jpa_entries([p for p, _ in orm["jpa"]], root)
            found.extend(entry for entry, _ in entries)
            notes.extend(_jpa_naming(entry, paths, root) for entry, paths in entries)
            continue
        if model_kind == "doctrine":
            found.extend(_doctrine_entries([p for p, _ in orm[model_kind]], root))
            continue
        if model_kind == "xmldb":
            found.extend(_xmldb_entries([p for p, _ in orm[model_kind]], root))
            continue
        if model_kind == "efcore":
            notes.extend(_efcore_notes(orm[model_kind], root, by_parent))
            alone = [(p, d) for p, d in orm[model_kind] if p not in with_code]
            found.extend(_entries("schemas", alone, root, by_parent, fmt=model_kind))
            continue
        if model_kind in ("typeorm", "mikroorm"):
            entities = [p for p, _ in orm[model_kind]]
            patterns = typeorm_patterns(entities, root)
            found.extend(Found("schemas", pattern, format=model_kind) for pattern in patterns)
            notes.append(naming_note(patterns, entities, root, model_kind))
            continue
        if model_kind in ("sequelize", "mongoose"):
            patterns = model_patterns([p for p, _ in orm[model_kind]], root)
            found.extend(Found("schemas", pattern, format=model_kind) for pattern in patterns)
            notes.append((sequelize_note if model_kind == "sequelize" else mongoose_note)(patterns))
            continue
        if model_kind in ("sequelize_migrations", "knex_migrations"):
            scripts = [p for p, _ in orm[model_kind]]
            if model_kind == "sequelize_migrations" and "sequelize" in orm:
                notes.append(migrations_note(scripts, root, "sequelize-cli"))
                continue
            patterns = folder_patterns(scripts, root)
            found.extend(Found("schemas", pattern, format=model_kind) for pattern in patterns)
            continue
        if model_kind in PYTHON_ORMS:  # one entry: models inherit across files
            patterns = python_orm_patterns([p for p, _ in orm[model_kind]], root)
            found.extend(Found("schemas", pattern, format=model_kind) for pattern in patterns)
            continue
        if model_kind == "seaorm":
            patterns = seaorm_patterns([p for p, _ in orm[model_kind]], root)
            found.extend(Found("schemas", pattern, format="seaorm") for pattern in patterns)
            continue
        if model_kind == "exposed":  # one entry per top folder: tables reference and extend each other
            patterns = python_orm_patterns([p for p, _ in orm[model_kind]], root)
            found.extend(Found("schemas", pattern, format="exposed") for pattern in patterns)
            continue
        if model_kind in GO_KINDS:
            patterns = gorm_patterns([p for p, _ in orm[model_kind]], root)
            found.extend(Found("schemas", pattern, format=model_kind) for pattern in patterns)
            notes.append(go_note(model_kind, patterns))
            continue
        if model_kind == "drizzle":
            patterns = drizzle_patterns(drizzle_schemas, root)
            found.extend(Found("schemas", pattern, format="drizzle") for pattern in patterns)
            notes.append(casing_note(patterns, drizzle_schemas, root))
            continue
        if model_kind in ("typeorm_migrations", "mikroorm_migrations"):
            scripts = [p for p, _ in orm[model_kind]]
            entities_kind = model_kind.removesuffix("_migrations")
            if entities_kind in orm:
                orm_name = "TypeORM" if entities_kind == "typeorm" else "MikroORM"
                notes.append(migrations_note(scripts, root, orm_name))
                continue
            patterns = migration_patterns(scripts, root)
            found.extend(Found("schemas", pattern, format=model_kind) for pattern in patterns)
            continue
        found.extend(_entries("schemas", orm[model_kind], root, by_parent, fmt=model_kind))
    django = [f.pattern for f in found if f.kind == "schemas" and f.format == "django"]
    swapped, django_notes = django_choice(django, root, _sniff) if django else ({}, [])
    found = list(
        dict.fromkeys(  # an app's `models/*.py` and `models/sub/*.py` swap to one migrations entry
            Found("schemas", swapped[f.pattern], format="django_migrations")
            if f.kind == "schemas" and f.format == "django" and f.pattern in swapped
            else f
            for f in found
        )
    )
    notes.extend(django_notes)
    found.extend(Found("schemas", entry.pattern, format="efcore") for entry in code_entries)
    notes.extend(efcore_code_note(entry, root) for entry in code_entries)
    project = _project_dialect(kinds.get("schemas", []))
    kinds["queries"], unparsed = leave_unparsed(
        _folder_dialects([(p, _marked_dialect(p, d, project, root)) for p, d in kinds.get("queries", [])]),
        root,
    )
    notes.extend(unparsed)
    form_types = [p for p, _ in kinds.pop(_SYMFONY_FORM, [])]
    php_files = [p for p in files if p.suffix.lower() == ".php"]
    symfony_globs, loose = symfony_form_globs(form_types, php_files, root)
    found.extend(Found("forms", pattern) for pattern in symfony_globs)
    # a PHP template a glob takes is read through it (no `format:`): no entry of its own
    pages = [(p, d) for p, d in kinds.get("forms", []) if not _taken(p, symfony_globs, root)]
    templates = [p for p, _ in pages if p.suffix.lower() in TEMPLATE_SUFFIXES]
    page_globs, loose_pages = template_globs(templates, root)
    found.extend(Found("forms", pattern) for pattern in page_globs)
    globbed = set(templates) - set(loose_pages)
    kinds["forms"] = [(p, d) for p, d in pages if p not in globbed] + [(p, None) for p in loose]
    # React components: one glob per folder, so a component added beside them is read (review28 D8)
    components = [p for p, _ in kinds["forms"] if p.suffix in COMPONENT_SUFFIXES]
    component_patterns, loose_components = component_globs(components, root, by_parent, kinded, _sniff)
    found.extend(Found("forms", pattern) for pattern in component_patterns)
    grouped = set(components) - set(loose_components)
    kinds["forms"] = [(p, d) for p, d in kinds["forms"] if p not in grouped]
    # ORM models (or a migrations folder) and a SQL file of the same tables (an old dump): the models are read
    mapping = [
        ModelEntry(f.pattern, f.format, f.dialect)
        for f in found
        if f.kind == "schemas" and (f.format in MODEL_FORMATS or f.format in MIGRATION_FORMATS)
    ]
    stale, stale_notes = stale_copies([p for p, _ in kinds.get("schemas", [])], schema_tables, mapping, root)
    kinds["schemas"] = [(p, d) for p, d in kinds.get("schemas", []) if p not in stale]
    notes.extend(stale_notes)
    for kind in ("schemas", "forms", "queries"):
        found.extend(_entries(kind, kinds.get(kind, []), root, by_parent))
    found.extend(_entries("forms", kinds.get(_HTML_STRINGS, []), root, by_parent, fmt="html"))
    # a committed SQLite database of the tables the schema files build (a development copy): they are read
    schema_entries = [ModelEntry(f.pattern, f.format, f.dialect) for f in found if f.kind == "schemas"]
    # a database the user named with --db is kept: the schema files give way (`schemas_in_databases`)
    dev_copies, copy_notes = stale_databases(
        [d.pattern for d in databases if d.pattern not in given], schema_entries, root
    )
    found.extend(d for d in databases if d.pattern not in dev_copies)
    notes.extend(copy_notes)
    if not any(entry.kind in ("schemas", "databases") for entry in found):
        notes.extend(unread_migrations(files, root))
    sql_schemas = [p for p, _ in kinds.get("schemas", []) if p.suffix.lower() == ".sql"]
    sql_schemas += [p for home in proposed_homes for p in migrations[home]]

    def created() -> set[str]:
        return {
            t.name.casefold()
            for p in sql_schemas
            for t in _tables_of(p, schema_tables, read, judge=True)
            if not t.altered_only
        }

    notes.extend(runtime_tables_note(sql_schemas, created, root))
    return found, notes


def _tables_of(
    path: Path,
    schemas: dict[Path, tuple[DDLTable, ...]],
    read: dict[Path, _Kind | None],
    *,
    judge: bool = False,
) -> tuple[DDLTable, ...]:
    """The tables a SQL file creates or alters, as the survey read them (`judge`: read it now if not)."""
    if path in schemas:
        return schemas[path]
    kind = read.get(path)
    if kind is None and judge and path not in read:
        kind = read[path] = _sql_kind(path)
    return kind[2] if kind is not None else ()


def _leave_older_versions(
    schemas: dict[Path, tuple[DDLTable, ...]],
    migrations: dict[Path, list[Path]],
    kinds: dict[str, list[tuple[Path, str | None]]],
    read: dict[Path, _Kind | None],
    root: Path,
) -> list[str]:
    """Leave out the older versions of a full schema, and migration folders built on one; say so.

    `schema_versions` decides which; their files leave `schemas`, `migrations` and
    `kinds`, and `read` gains the migration files it had to read.
    """
    bases = {versioned(p, root).base for p in schemas}
    for paths in migrations.values():
        read.update((p, _sql_kind(p, path_hint(p, root))) for p in paths if versioned(p, root).base in bases)
    tables = {p: k[2] for p, k in read.items() if k is not None}
    older = older_versions(schemas, migrations, tables, root)
    if not older.files and not older.folders:
        return []
    left = dict(older.files)
    for home, newest in older.folders.items():
        left.update((p, newest) for p in migrations.pop(home))
    notes = older_note(left, {**tables, **schemas}, schemas, root)
    kinds["schemas"] = [(p, d) for p, d in kinds.get("schemas", []) if p not in older.files]
    for path in older.files:
        schemas.pop(path, None)
    return notes


def _project_dialect(schemas: list[tuple[Path, str | None]]) -> str | None:
    """The one dialect the project's SQL schema files are read in, or whose own words they hold."""
    named = {d for _, d in schemas if d is not None}
    if named:
        return named.pop() if len(named) == 1 else None
    return one_marked(_sniff(p) for p, _ in schemas if p.suffix.lower() == ".sql")


def _marked_dialect(path: Path, dialect: str | None, project: str | None, root: Path) -> str | None:
    """A query file's dialect: its own database words', else the project's, when it reads the file whole.

    Only for a file the default dialect does not read and whose path names no database:
    of the dialects that read it, cnsnt's order took the first (MySQL), whatever the
    project's database (paheko's `UPDATE ... system | (0x01 << 6)`, a SQLite project's).
    """
    if dialect is None or path_hint(path, root) is not None:
        return dialect
    for wanted in (one_marked([_sniff(path)]), project):
        if wanted == dialect:
            return dialect
        if wanted is not None and _reads_whole(path, wanted):
            return wanted
    return dialect


#: Folder names migration tools keep their versions in.
_MIGRATION_FOLDERS = frozenset({"migrations", "migration", "migrate"})
#: Code a migration is written in (SQL ones are read, or named in a note of their own).
_CODE_SUFFIXES = frozenset(
    {
        *(".php", ".py", ".rb", ".js", ".cjs", ".mjs", ".ts"),
        *(".go", ".java", ".kt", ".cs", ".scala", ".ex", ".exs", ".rs"),
    }
)


#: How the note of `unread_migrations` begins: `cnsnt init` also says it on the terminal.
UNREAD_MIGRATIONS = "found no schema cnsnt reads, but "


#: How the note of `no_schema` begins: `cnsnt init` also says it on the terminal.
NO_SCHEMA = "found no schema cnsnt reads: "


def no_schema(found: list[Found]) -> list[str]:
    """When forms or queries were found but no schema at all, and no migration folder: said.

    A front end whose back end keeps its SQL in code strings (`db.query('INSERT INTO
    guest ...')`) gets a policy of its forms alone; the tables their fields are stored in
    are read by no source, and the user is told so, not left to think they were (trial38).
    """
    if not found or any(entry.kind in ("schemas", "databases") for entry in found):
        return []  # nothing at all: `cnsnt init` says that on its own
    what = (
        "the tables the forms' fields are stored in are"
        if any(entry.kind == "forms" for entry in found)
        else "the tables the queries use are"
    )
    return [
        f"{NO_SCHEMA}{what} "
        "not audited. Add a schemas: entry for the schema's files (SQL DDL, migrations, ORM models), "
        "or for a SQL dump of it (mysqldump --no-data, pg_dump --schema-only), or audit the live "
        "database with --db"
    ]


def unread_migrations(files: list[Path], root: Path) -> list[str]:
    """When no schema was found: the migration folders in code no reader knows, named.

    goose's Go migrations, Flyway's Java ones, a project's own migration runner: a project whose
    tables live only there would otherwise get a policy of its forms alone, and no word
    that its database was never read.
    """
    folders: Counter[Path] = Counter(
        p.parent
        for p in files
        if p.suffix.lower() in _CODE_SUFFIXES
        and not (p.suffix.lower() == ".kt" and _kotlin_kind(_sniff(p)) is not None)  # read, when named
        and (
            p.parent.name.lower() in _MIGRATION_FOLDERS
            # sea-orm-migration's crate: `migration/src/m20220101_000001_create_table.rs`
            or (p.suffix == ".rs" and p.parent.name == "src" and p.parent.parent.name in _MIGRATION_FOLDERS)
        )
    )
    return [
        f"{UNREAD_MIGRATIONS}{count} file{'s' if count != 1 else ''} in "
        f"{folder.relative_to(root).as_posix()} "
        + ("look like database migrations" if count != 1 else "looks like a database migration")
        + " in code no reader of cnsnt knows: their tables are not audited. Add a schemas: entry "
        "for a SQL dump of the schema (mysqldump --no-data, pg_dump --schema-only) or audit the "
        "live database with --db"
        for folder, count in sorted(folders.items())
    ]
