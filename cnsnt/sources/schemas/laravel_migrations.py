"""Schema evidence from Laravel migrations (`database/migrations/*.php`), replayed in name order.

`php artisan migrate` runs every `*_*.php` file of the folder sorted by file name
(`2014_10_12_000000_create_users_table.php`); cnsnt replays them in the same order on
the tables built so far (`replay.Replay`). Each file is parsed, never run, with
tree-sitter's PHP grammar (`tree-sitter-php`); the `up()` method of the migration class
(anonymous `return new class extends Migration` or named) is replayed, following
`$this->helper()` calls into the class's own methods and `try` blocks:

- `Schema::create`, `Schema::table` (also through `Schema::connection(...)`),
  `Schema::rename`, `Schema::drop`/`dropIfExists`, `Schema::dropColumns`;
- in the Blueprint closure: column methods (`id`, `increments`, `string('x', 80)`,
  `text`, `integer`, `boolean`, `decimal`, `enum`, `json`, `uuid`, `ipAddress`,
  `timestamps`, `softDeletes`, `rememberToken`, `morphs`, `foreignId`,
  `foreignIdFor(User::class)`, ...) typed as Laravel's MySQL grammar creates them;
  modifiers `->comment()`, `->primary()`, `->autoIncrement()`, `->after()`/`->first()`,
  `->change()`, `->constrained()`; `$table->foreign(..)->references(..)->on(..)`,
  `primary([...])`, `dropColumn`, `renameColumn`, `dropForeign`, `dropMorphs`,
  `dropTimestamps`, `$table->comment('...')` (the table's);
- `if (Schema::hasTable(..))` / `hasColumn` guards are decided on the schema replayed so
  far, as they would be on a fresh database.

Names are literals, class constants (`self::TABLE`) or local variables set to a literal;
anything else (a name from `config()`, schema changes in a loop) is reported, not
guessed. SQL the migration runs itself is replayed in its turn (`replay_sql`, the SQL
migrations reader's statements) in the entry's dialect, MySQL by default: the literal of
`DB::statement`/`DB::unprepared` (placed at its PHP string), SQL files read by a literal
path and laravel-sql-migrations' `<file>.up.sql` (placed in the file); SQL that is not a
literal is a warning unless it plainly changes no table or column. `DB::getDriverName()`
tests are decided by the entry's `dialect:` when it has one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import LineIndex, SourceContext, outside_problem, read_text
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.grammars import SourceFile, parse_bounded
from cnsnt.sources.schemas.php_syntax import (
    Closure,
    Configured,
    PhpMigration,
    Value,
    cut,
    entry_dialect,
    fk_name,
    last_name,
    replay_php_files,
    runnable_files,
)
from cnsnt.sources.schemas.php_syntax import php_parser as _php_parser
from cnsnt.sources.schemas.rails_schema import Node, plural
from cnsnt.sources.schemas.replay import Key, Replay, table_key
from cnsnt.sources.schemas.replay_sql import replay_sql

#: A `config/*.php` file larger than this is not read for names (they are a few KB).
_CONFIG_BYTES = 512 * 1024
#: Blueprint column methods (lower-cased: PHP method names ignore case) -> MySQL column type.
_TYPES: dict[str, str] = {
    "text": "TEXT",
    "tinytext": "TINYTEXT",
    "mediumtext": "MEDIUMTEXT",
    "longtext": "LONGTEXT",
    "integer": "INT",
    "tinyinteger": "TINYINT",
    "smallinteger": "SMALLINT",
    "mediuminteger": "MEDIUMINT",
    "biginteger": "BIGINT",
    "unsignedinteger": "INT UNSIGNED",
    "unsignedtinyinteger": "TINYINT UNSIGNED",
    "unsignedsmallinteger": "SMALLINT UNSIGNED",
    "unsignedmediuminteger": "MEDIUMINT UNSIGNED",
    "unsignedbiginteger": "BIGINT UNSIGNED",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "datetime": "DATETIME",
    "datetimetz": "DATETIME",
    "time": "TIME",
    "timetz": "TIME",
    "timestamp": "TIMESTAMP",
    "timestamptz": "TIMESTAMP",
    "year": "YEAR",
    "float": "FLOAT",
    "double": "DOUBLE",
    "unsignedfloat": "FLOAT UNSIGNED",
    "unsigneddouble": "DOUBLE UNSIGNED",
    "json": "JSON",
    "jsonb": "JSONB",
    "uuid": "UUID",
    "ulid": "CHAR(26)",
    "ipaddress": "INET",
    "macaddress": "MACADDR",
    "binary": "BLOB",
    "geometry": "GEOMETRY",
    "geography": "GEOGRAPHY",
    "point": "POINT",
    "linestring": "LINESTRING",
    "polygon": "POLYGON",
    "multipoint": "MULTIPOINT",
    "multilinestring": "MULTILINESTRING",
    "multipolygon": "MULTIPOLYGON",
    "geometrycollection": "GEOMETRYCOLLECTION",
    "vector": "VECTOR",
    "foreignid": "BIGINT UNSIGNED",
    "foreignuuid": "UUID",
    "foreignulid": "CHAR(26)",
}
#: Auto-incrementing primary keys: method -> type (`id()` is named `id` by default).
_INCREMENTS = {
    "id": "BIGINT UNSIGNED",
    "increments": "INT UNSIGNED",
    "tinyincrements": "TINYINT UNSIGNED",
    "smallincrements": "SMALLINT UNSIGNED",
    "mediumincrements": "MEDIUMINT UNSIGNED",
    "bigincrements": "BIGINT UNSIGNED",
}
#: Column methods whose name may be left out, and the name Laravel then gives.
_DEFAULT_NAMES = {"uuid": "uuid", "ulid": "ulid", "ipaddress": "ip_address", "macaddress": "mac_address"}
#: Methods that add two timestamp columns.
_STAMPS = {
    "timestamps": "TIMESTAMP",
    "timestampstz": "TIMESTAMP",
    "nullabletimestamps": "TIMESTAMP",
    "datetimes": "DATETIME",
}
_SOFT_DELETES = {"softdeletes": "TIMESTAMP", "softdeletestz": "TIMESTAMP", "softdeletesdatetime": "DATETIME"}
#: `morphs('x')`: `x_type` and `x_id` of this type.
_MORPHS = {
    "morphs": "BIGINT UNSIGNED",
    "nullablemorphs": "BIGINT UNSIGNED",
    "numericmorphs": "BIGINT UNSIGNED",
    "nullablenumericmorphs": "BIGINT UNSIGNED",
    "uuidmorphs": "UUID",
    "nullableuuidmorphs": "UUID",
    "ulidmorphs": "CHAR(26)",
    "nullableulidmorphs": "CHAR(26)",
}
#: Blueprint methods that change no column cnsnt reports (indexes, table options).
_BLUEPRINT_NO_SCHEMA = frozenset(
    {
        "index",
        "unique",
        "spatialindex",
        "fulltext",
        "rawindex",
        "dropindex",
        "dropunique",
        "dropspatialindex",
        "dropfulltext",
        "renameindex",
        "dropindexifexists",
        "engine",
        "charset",
        "collation",
        "temporary",
        "create",
        "check",
    }
)
#: `Schema::` methods that change nothing (questions, settings) or are followed elsewhere.
_SCHEMA_NO_SCHEMA = frozenset(
    {
        "hastable",
        "hascolumn",
        "hascolumns",
        "hasindex",
        "hasview",
        "getcolumnlisting",
        "getcolumntype",
        "getcolumns",
        "getindexes",
        "getforeignkeys",
        "gettables",
        "getviews",
        "getconnection",
        "disableforeignkeyconstraints",
        "enableforeignkeyconstraints",
        "defaultstringlength",
        "morphusinguuids",
        "morphusingulids",
        "defaultmorphkeytype",
        "usenativeschemaoperationsifpossible",
        "blueprintresolver",
        "setconnection",
        "getindexlisting",
        "getforeignkeylisting",
    }
)
_SCHEMA_OPS = frozenset(
    {"create", "table", "drop", "dropifexists", "rename", "dropcolumns", "withoutforeignkeyconstraints"}
)


def php_parser() -> Any:
    """A tree-sitter parser for PHP; a clear `SourceError` when the grammar is not installed."""
    return _php_parser("Laravel migrations")


def is_laravel_migration(head: str) -> bool:
    """Whether the start of a PHP file looks like a Laravel migration (for telling kinds apart)."""
    return (
        "Illuminate\\Database\\Migrations" in head
        # not Yii's, whose migrations name `Schema::TYPE_STRING`
        or ("extends Migration" in head and "Schema::" in head and "yii\\" not in head)
        or "extends SqlMigration" in head  # laravel-sql-migrations: its SQL is beside it
    )


def project_dialect(home: Path, stop: Path) -> str | None:
    """The SQL dialect of a Laravel project's database connection, when its files say it.

    From the migrations folder up to `stop`: the first `.env` or `.env.example` with a
    `DB_CONNECTION=` line, else the default of `config/database.php`
    (`'default' => env('DB_CONNECTION', 'pgsql')`). None when neither names a driver.
    """
    config: str | None = None
    for folder in (home, *home.parents):
        for name in (".env", ".env.example"):
            found = _env_connection(folder / name)
            if found is not None:
                return _DRIVERS.get(found.lower())
        if config is None and (folder / "config" / "database.php").is_file():
            config = _config_connection(folder / "config" / "database.php")
        if folder == stop or stop not in folder.parents:
            break
    return _DRIVERS.get(config.lower()) if config else None


def _env_connection(path: Path) -> str | None:
    """`pgsql` of a `DB_CONNECTION=pgsql` line of a dotenv file (quotes and comments left out)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            lines = handle.read(64 * 1024).splitlines()
    except OSError:
        return None
    for line in lines:
        key, equals, value = line.strip().removeprefix("export ").partition("=")
        if equals and key.strip() == "DB_CONNECTION":
            return value.split("#", 1)[0].strip().strip("\"'") or None
    return None


def _config_connection(path: Path) -> str | None:
    """The default connection `config/database.php` names: `'default' => env('DB_CONNECTION', 'x')`."""
    parsed = _config_file(path, 256 * 1024, whole=False)
    if parsed is None:
        return None
    migration, root = parsed
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "array_element_initializer" and len(node.named_children) == 2:
            key, value = node.named_children
            if migration.value(key) == "default":
                if (
                    value.type == "function_call_expression"
                    and migration.text(value.child_by_field_name("function")).lower() == "env"
                ):
                    positional, _ = migration.arguments(value)
                    value = positional[1] if len(positional) > 1 else value
                found = migration.value(value)
                return found if isinstance(found, str) else None
            continue  # `'default'` of a nested array (a Redis option) is no connection
        stack.extend(reversed(node.named_children))
    return None


def _config_file(path: Path, limit: int, *, whole: bool) -> tuple[_Migration, Node] | None:
    """A `config/*.php` file parsed, with a reader of its PHP values; None when it cannot be read.

    At most `limit` bytes are read; with `whole`, a longer file is not read at all.
    """
    try:
        with path.open("rb") as handle:
            source = handle.read(limit + 1 if whole else limit)
        if whole and len(source) > limit:
            return None
        root = parse_bounded(php_parser(), source, path.name).root_node
    except (OSError, SourceError):
        return None
    return _Migration(SourceFile(source, path.name), Replay()), root


def sql_files_read(path: Path, text: str) -> list[Path]:
    """The SQL files a migration runs or reads by a literal path (`cnsnt init` proposes them no more).

    laravel-sql-migrations' `<file>.up.sql` and `<file>.down.sql` beside an `extends
    SqlMigration` class, and the files of `File::get(database_path('sql/x.sql'))`,
    `file_get_contents(__DIR__ . '/x.sql')`: the migration reads them in its turn.
    """
    if ".sql" not in text and "SqlMigration" not in text:
        return []
    found: list[Path] = []
    if "SqlMigration" in text and path.name.lower().endswith(".php"):
        stem = path.name[: -len(".php")]
        found.extend(p for d in ("up", "down") if (p := path.with_name(f"{stem}.{d}.sql")).is_file())
    source = text.encode("utf-8")
    migration = _Migration(SourceFile(source, path.name), Replay())
    migration.site = _Site(path, None, None)
    try:
        stack = [parse_bounded(php_parser(), source, path.name).root_node]
    except SourceError:
        return found  # the rest of the file could not be parsed: the migration reader reports it
    while stack:
        node = stack.pop()
        if node.type in ("function_call_expression", "scoped_call_expression"):
            read = migration.file_value(node)
            if read is not None and read.path is not None and read.path.suffix.lower() == ".sql":
                found.append(read.path)
        stack.extend(node.named_children)
    return sorted(set(found))


def read_laravel_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a Laravel migrations folder leaves behind, files replayed in name order."""
    replay = Replay()
    runnable, skipped = runnable_files(
        paths,
        ctx,
        replay,
        lambda p: p.stem if "_" in p.stem else None,  # the Migrator sorts by name without `.php`
        "not a Laravel migration file name (<name>_<name>.php): `php artisan migrate` does not "
        "run it, so it is not replayed",
    )
    paths_of = {ctx.shown(p): p for p in runnable}
    dialect = entry_dialect(spec, ctx)
    spaces = _Connections(replay)
    configs: dict[str, Value] = {}

    def run(file: SourceFile, root: Node) -> int:
        migration = _Migration(file, replay)
        migration.site = _Site(paths_of.get(file.shown), dialect, ctx)
        migration.site.configs = configs  # a folder's migrations share one project root
        migration.spaces = spaces
        return migration.run(root)

    files, migrations = replay_php_files(runnable, ctx, replay, php_parser, run)
    spaces.merge()
    return replay.evidence(files, migrations, skipped)


def _snake(name: str) -> str:
    """Laravel's `Str::snake` for a class name: `TeamMember` -> `team_member`."""
    out: list[str] = []
    for i, char in enumerate(name):
        if char.isupper() and i and (name[i - 1].islower() or name[i - 1].isdigit()):
            out.append("_")
        out.append(char.lower())
    return "".join(out)


class _Migration(PhpMigration):
    """One Laravel migration file replayed on the tables built so far."""

    TESTS = "Schema::hasTable/hasColumn"

    def __init__(self, file: SourceFile, replay: Replay) -> None:
        super().__init__(file, replay)
        self.blueprints: list[str] = []
        """The Blueprint variables of the closures being read (`$table`)."""
        self.site = _Site(None, None, None)
        """Where the file is and the SQL dialect, for the SQL it runs (`DB::statement`)."""
        self.spaces = _Connections(replay)
        """The tables of each database connection (`$connection = 'archive'`)."""

    def run_class(self, body: Node) -> int:
        """Replay a class on its connection (`$connection`): its `up()`, or laravel-sql-migrations' SQL."""
        connection = self.properties.get("connection")
        self.spaces.use(connection if isinstance(connection, str) else None)
        if "up" in self.methods:
            self.follow("up", self.methods["up"])
            return 1
        return 1 if self.sql_migration(body) else 0

    def sql_migration(self, body: Node) -> bool:
        """A class of laravel-sql-migrations (`extends SqlMigration`): its `up()` runs `<file>.up.sql`.

        The package's `up()` runs the SQL file beside the migration, named like it, when
        there is one; that file is replayed here, its tables placed in it.
        """
        declaration = body.parent
        base = next((c for c in declaration.named_children if c.type == "base_clause"), None)
        if base is None or last_name(self.text(base).removeprefix("extends").strip()) != "SqlMigration":
            return False
        path = self.site.path
        if path is not None and path.name.lower().endswith(".php"):
            sibling = path.with_name(path.name[: -len(".php")] + ".up.sql")
            if sibling.is_file():
                self.sql_file(_SqlFile(sibling, sibling.name), declaration, "`SqlMigration`")
        return True

    def test(self, node: Node) -> bool | None:
        """`Schema::hasTable('x')`, `Schema::hasColumn('x', 'y')` on the schema replayed so far."""
        method = self.schema_method(node)
        if method is None:
            return None
        args, _ = self.arguments(node)
        values = [self.value(a) for a in args]
        if method == "hastable" and values and isinstance(values[0], str):
            found = self.replay.tables.get(table_key(values[0]))
            return found is not None and not self.spaces.borrowed(found)  # this database's only
        if method in ("hascolumn", "hascolumns") and len(values) >= 2 and isinstance(values[0], str):
            table = self.replay.tables.get(table_key(values[0]))
            wanted = values[1] if isinstance(values[1], list) else [values[1]]
            if table is None or self.spaces.borrowed(table):
                return False
            if not all(isinstance(w, str) for w in wanted):
                return None
            have = {c.name.casefold() for c in table.columns}
            return all(str(w).casefold() in have for w in wanted)
        return None

    def comparison(self, node: Node, operator: str) -> bool | None:
        return self.driver_test(node, operator)

    def driver_test(self, node: Node, operator: str) -> bool | None:
        """`DB::getDriverName() === 'mysql'`: decided by the entry's SQL dialect; None if no such test."""
        if operator not in ("==", "===", "!=", "!==", "<>"):
            return None
        sides = [node.child_by_field_name("left"), node.child_by_field_name("right")]
        calls = [s for s in sides if s is not None and self.is_driver_call(s)]
        others = [self.value(s) for s in sides if s is not None and not self.is_driver_call(s)]
        if len(calls) != 1 or len(others) != 1 or not isinstance(others[0], str):
            return None
        wanted = _DRIVERS.get(others[0].lower())
        if wanted is None or not self.site.given or self.site.dialect.lower() not in _DRIVERS.values():
            return None  # with no `dialect:` the driver is not known (MySQL is only how SQL is read)
        same = wanted == self.site.dialect.lower()
        return same if operator in ("==", "===") else not same

    def is_driver_call(self, node: Node) -> bool:
        """`DB::getDriverName()`, `DB::connection()->getDriverName()`, `Schema::getConnection()->...`."""
        name_node = node.child_by_field_name("name")
        if node.type not in ("scoped_call_expression", "member_call_expression") or name_node is None:
            return False
        if self.text(name_node).lower() != "getdrivername":
            return False
        if node.type == "scoped_call_expression":
            return last_name(self.text(node.child_by_field_name("scope"))) == "DB"
        inner = node.child_by_field_name("object")
        return inner is not None and (
            self.db_method(inner) == "connection" or self.schema_method(inner) == "getconnection"
        )

    def changes_here(self, node: Node) -> bool:
        """A `Schema::` call that changes a table, SQL that may, or a Blueprint call other than an index."""
        if self.schema_method(node) in _SCHEMA_OPS:
            return True
        if self.db_call(node) is not None and self.db_changes(node):
            return True
        if node.type == "member_call_expression":
            target = self.text(node.child_by_field_name("object"))
            called = self.text(node.child_by_field_name("name")).lower()
            return target in self.blueprints and called not in _BLUEPRINT_NO_SCHEMA  # `->index()`: no column
        return False

    def schema_method(self, node: Node) -> str | None:
        """`create` for `Schema::create(...)` or `Schema::connection('x')->create(...)`, else None."""
        if node.type == "scoped_call_expression":
            scope = node.child_by_field_name("scope")
            if last_name(self.text(scope)) == "Schema":
                return self.text(node.child_by_field_name("name")).lower()
        elif node.type == "member_call_expression":
            inner = node.child_by_field_name("object")
            if inner is not None and self.schema_method(inner) == "connection":
                return self.text(node.child_by_field_name("name")).lower()
        return None

    def expression(self, expr: Node) -> None:
        """One expression statement of a method: a Schema call, a helper call, an assignment."""
        method = self.schema_method(expr)
        if method is not None:
            with self.spaces.on(self.connection_of(expr)):
                self.schema_call(method, expr)
            return
        if expr.type == "assignment_expression":
            self.assign(expr)
            return
        helper = self.this_call(expr)
        if helper is not None and helper in self.methods:
            self.follow(helper, self.methods[helper])
            return
        if self.db_call(expr) is not None:
            with self.spaces.on(self.connection_of(expr)):
                self.db_sql(expr)
            return
        self.unread(expr)

    # -- SQL the migration runs itself (`DB::statement`, `DB::unprepared`)

    def connection_of(self, call: Node) -> str | None | bool:
        """`'x'` of `Schema::connection('x')->create(...)`; False when the call names none."""
        inner = call.child_by_field_name("object") if call.type == "member_call_expression" else None
        if inner is None or "connection" not in (self.schema_method(inner), self.db_method(inner)):
            return False
        name = self.value(self.arg(inner, 0, "name"))
        return name if isinstance(name, str) else None

    def db_call(self, node: Node) -> str | None:
        """`DB::statement(...)`, `DB::connection('x')->unprepared(...)`: the method as written, else None."""
        if node.type == "member_call_expression":
            inner = node.child_by_field_name("object")
            if inner is None or self.db_method(inner) != "connection":
                return None
        elif node.type != "scoped_call_expression" or self.db_method(node) is None:
            return None
        written = self.text(node.child_by_field_name("name"))
        return written if written.lower() in ("statement", "unprepared") else None

    def db_method(self, node: Node) -> str | None:
        """`statement` for `DB::statement(...)` (any `DB` facade), else None."""
        if node.type != "scoped_call_expression":
            return None
        if last_name(self.text(node.child_by_field_name("scope"))) != "DB":
            return None
        return self.text(node.child_by_field_name("name")).lower()

    def db_sql(self, call: Node) -> None:
        """Replay the SQL of a `DB::statement` call: a literal, a file it reads, or a report."""
        what = f"`DB::{self.db_call(call)}`"
        positional, named = self.arguments(call)
        arg = named.get("query") or (positional[0] if positional else None)
        if arg is None:
            return
        held = self.value(arg)
        if isinstance(held, _SqlFile):
            self.sql_file(held, call, what)
            return
        self.replay_sql_arg(arg, call, what, self.site.dialect, self.site.max_statement, self.spaces.borrowed)

    def db_changes(self, call: Node) -> bool:
        """Whether a `DB::statement` call may change tables (so a loop or `if` around it matters)."""
        positional, named = self.arguments(call)
        arg = named.get("query") or (positional[0] if positional else None)
        if arg is None:
            return False
        if isinstance(self.value(arg), _SqlFile):
            return True
        return self.sql_changes(arg, self.site.dialect)

    def sql_file(self, file: _SqlFile, at: Node, what: str) -> None:
        """Replay an SQL file the migration reads, its tables and problems placed in that file."""
        ctx = self.site.ctx
        if file.path is None or ctx is None:
            self.replay.not_replayed(
                f"{what} of an SQL file read from {cut(file.written, 60)}",
                file.why or "cnsnt cannot tell which file",
                *self.place(at),
            )
            return
        shown = ctx.shown(file.path)
        try:
            text = read_text(file.path, shown, limits=ctx.limits)
        except SourceError as exc:
            self.replay.not_replayed(
                f"{what} of the SQL file {shown}", exc.message.rstrip("."), *self.place(at)
            )
            return
        lines = LineIndex(text)
        saved, self.replay.shown = self.replay.shown, shown
        try:
            replay_sql(
                self.replay,
                text,
                lines.line_col,
                self.site.dialect,
                self.site.max_statement,
                self.spaces.borrowed,
            )
        finally:
            self.replay.shown = saved

    def file_value(self, node: Node) -> _SqlFile | None:
        """`file_get_contents(p)`, `File::get(p)`: the file read (None: not such a call)."""
        if node.type == "function_call_expression":
            called = last_name(self.text(node.child_by_field_name("function"))).lower()
            if called != "file_get_contents":
                return None
        elif node.type == "scoped_call_expression":
            scope = last_name(self.text(node.child_by_field_name("scope")))
            called = self.text(node.child_by_field_name("name")).lower()
            if scope != "File" or called not in ("get", "sharedget"):
                return None
        else:
            return None
        target = self.arg(node, 0, "path") or self.arg(node, 0, "filename")
        written = self.text(target) if target is not None else ""
        where = self.path_value(target) if target is not None else None
        if where is None:
            return _SqlFile(None, written, "the path is not a literal cnsnt can read")
        root = self.site.root
        path = Path(where) if Path(where).is_absolute() else root / where  # artisan runs in base_path()
        try:
            inside = path.resolve().is_relative_to(root.resolve())
        except (OSError, RuntimeError):
            inside = False
        ctx = self.site.ctx
        if not inside or (  # Laravel's root, found by a folder's name, may lie above the policy's
            ctx is not None and outside_problem(path, ctx.base_dir.resolve(), ctx.limits.allow_outside)
        ):
            return _SqlFile(None, written, "the file is outside the project")
        return _SqlFile(path, written)

    def path_value(self, node: Node) -> str | None:
        """A path a PHP expression names: literals, `__DIR__`, `database_path('x')`, `base_path()`..."""
        folder = self.site.folder
        kind = node.type
        text = self.text(node)
        if kind == "name" and text == "__DIR__":
            return str(folder)
        if kind == "binary_expression" and self.text(node.child_by_field_name("operator")) == ".":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            head = self.path_value(left) if left is not None else None
            tail = self.path_value(right) if right is not None else None
            return head + tail if head is not None and tail is not None else None
        if kind == "parenthesized_expression" and node.named_children:
            return self.path_value(node.named_children[0])
        if kind == "function_call_expression":
            called = last_name(self.text(node.child_by_field_name("function"))).lower()
            positional, _ = self.arguments(node)
            first = positional[0] if positional else None
            if called == "dirname" and first is not None:
                if self.text(first) == "__FILE__":
                    return str(folder)
                inner = self.path_value(first)
                return str(Path(inner).parent) if inner is not None else None
            if called in _PATH_HELPERS:
                base = self.site.root / _PATH_HELPERS[called]
                tail = self.value(first) if first is not None else ""
                return str(base / tail.lstrip("/\\")) if isinstance(tail, str) else None
        value = self.value(node)
        return value if isinstance(value, str) else None

    def value_other(self, node: Node) -> Value:
        """Laravel's helpers: a file read, `DB::getTablePrefix()`, `wrapTable`, path helpers, `config()`."""
        kind = node.type
        if kind in ("function_call_expression", "scoped_call_expression"):
            read = self.file_value(node)
            if read is not None:
                return read
            if self.db_method(node) == "gettableprefix":
                return ""  # config `prefix`, '' by default; Blueprint's names are read without it too
        if kind == "member_call_expression" and self.text(node.child_by_field_name("name")) == "wrapTable":
            return self.value(self.arg(node, 0, "table"))  # `DB::getQueryGrammar()->wrapTable('tasks')`
        if kind == "function_call_expression" and last_name(
            self.text(node.child_by_field_name("function"))
        ).lower() in (*_PATH_HELPERS, "dirname"):
            return self.path_value(node)  # `$path = database_path('sql/x.sql')`, read later
        if kind == "name" and self.text(node) == "__DIR__":
            return str(self.site.folder)
        if kind == "function_call_expression":
            default = self.config_default(node)
            if default is not None:
                return Configured(default, self.text(node))
            return self.configured(node)
        return None

    def configured(self, call: Node) -> Value:
        """`config('auth.passwords.users.table')`: the value the project's `config/auth.php` gives.

        Laravel loads `config/<file>.php` (an array the file returns) and follows the dotted
        keys; an `env('X', 'default')` there is read as its default. Every name so read
        is marked `Configured`, so its use is a warning: a deployment may set another.
        """
        called = last_name(self.text(call.child_by_field_name("function"))).lower()
        if called == "env":
            positional, _ = self.arguments(call)
            default = self.value(positional[1]) if len(positional) == 2 else None
            if isinstance(default, str) and default:
                return Configured(default, self.text(call))
            return None
        if called != "config":
            return None
        positional, named = self.arguments(call)
        key = self.value(positional[0]) if len(positional) == 1 and not named else None
        if not isinstance(key, str) or not key or "/" in key or "\\" in key:
            return None
        file, *path = key.split(".")
        held = self.site.config(file)
        for part in path:
            held = held.get(part) if isinstance(held, dict) else None
        return _mark(held, self.text(call), f"config/{file}.php")

    def config_default(self, node: Node | None) -> str | None:
        """The literal default of `config('key', 'default')`: the name when the app does not set one."""
        if node is None or node.type != "function_call_expression":
            return None
        if last_name(self.text(node.child_by_field_name("function"))).lower() != "config":
            return None
        positional, _ = self.arguments(node)
        default = self.value(positional[1]) if len(positional) == 2 else None
        return default if isinstance(default, str) and default else None

    # -- Schema::

    def schema_call(self, method: str, call: Node) -> None:
        positional, _ = self.arguments(call)
        what = f"`Schema::{self.text(call.child_by_field_name('name'))}`"
        place = self.place(call)
        if method in _SCHEMA_NO_SCHEMA or method == "connection":
            return
        if method == "withoutforeignkeyconstraints" and positional:
            self.closure_body(positional[0], self.expression)
            return
        if method not in _SCHEMA_OPS:
            self.replay.report(
                f"{what} is not a Schema method cnsnt knows: not replayed", *place, Severity.WARNING
            )
            return
        first = self.name(positional[0] if positional else None, what, call)
        if first is None:
            return
        if method == "create":
            table = ModelTable(first, self.file.shown, *place)
            self.replay.create(table)
            self.blueprint(table, positional[1] if len(positional) > 1 else None, call)
        elif method == "table":
            table = self.replay.find_or_make(first, None, *place, what)
            self.blueprint(table, positional[1] if len(positional) > 1 else None, call)
        elif method in ("drop", "dropifexists"):
            if method == "drop" or table_key(first) in self.replay.tables:
                self.replay.drop(first, None, *place, what)
        elif method == "rename":
            second = self.name(positional[1] if len(positional) > 1 else None, what, call)
            if second is not None:
                self.replay.rename_table(first, second, None, *place, what)
        elif method == "dropcolumns":
            found = self.replay.find(first, None, *place, what)
            names = self.value(positional[1]) if len(positional) > 1 else None
            for column in names if isinstance(names, list) else [names]:
                if found is not None and isinstance(column, str):
                    self.replay.remove_column(found, column, *place, what)

    def blueprint(self, table: ModelTable, closure: Node | None, call: Node) -> None:
        """The `$table->...` calls of the closure `Schema::create`/`table` is given."""
        if closure is None:
            return
        held = self.value(closure) if closure.type == "variable_name" else None
        if isinstance(held, Closure):
            closure = held.node
        if closure.type not in ("anonymous_function", "arrow_function"):
            self.replay.not_replayed(
                "a Blueprint that is not a closure written here",
                "cnsnt reads only closures",
                *self.place(closure),
            )
            return
        params = closure.child_by_field_name("parameters")
        first = (
            next((p for p in params.named_children if p.type == "simple_parameter"), None) if params else None
        )
        var = self.text(first.child_by_field_name("name")) if first is not None else ""
        if not var:
            return
        self.blueprints.append(var)
        try:
            self.closure_body(closure, lambda expr: self.blueprint_expr(table, var, expr))
        finally:
            self.blueprints.pop()

    def blueprint_expr(self, table: ModelTable, var: str, expr: Node) -> None:
        chain: list[Node] = []
        node = expr
        while node.type == "member_call_expression":
            chain.append(node)
            node = node.child_by_field_name("object")
            if node is None:
                return
        if not chain or node.type != "variable_name" or self.text(node) != var:
            if expr.type == "assignment_expression":  # `$table->engine = 'InnoDB'`, or a variable
                left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
                chained = right is not None and right.type == "member_call_expression"
                if right is not None and chained and self.changes_schema(right):
                    self.blueprint_expr(table, var, right)  # `$number = $table->string('number')`
                elif left is not None and left.type == "variable_name":
                    self.expression(expr)
                return
            positional, _ = self.arguments(expr) if expr.type == "scoped_call_expression" else ([], {})
            if self.schema_method(expr) == "withoutforeignkeyconstraints" and positional:
                self.closure_body(positional[0], lambda inner: self.blueprint_expr(table, var, inner))
                return
            self.expression(expr)
            return
        chain.reverse()
        try:
            self.column_call(table, chain)
        except _Skip:
            return

    def mods(self, chain: list[Node]) -> dict[str, Node]:
        return {self.text(c.child_by_field_name("name")).lower(): c for c in chain[1:]}

    def column_call(self, table: ModelTable, chain: list[Node]) -> None:
        call = chain[0]
        method = self.text(call.child_by_field_name("name")).lower()
        written = self.text(call.child_by_field_name("name"))
        mods = self.mods(chain)
        positional, named = self.arguments(call)
        place = self.place(call)
        what = f"`->{written}`"

        def col(index: int, key: str, default: str | None = None) -> tuple[str, tuple[int, int]]:
            node = named.get(key.lower()) or (positional[index] if len(positional) > index else None)
            if node is None and default is not None:
                return default, place
            value = self.name(node, what, call)
            if value is None:
                raise _Skip
            return value, self.place(node)

        if method in _BLUEPRINT_NO_SCHEMA:
            return
        if method in _INCREMENTS:
            name, at = col(0, "column", "id" if method == "id" else None)
            self.add(table, ModelColumn(name, *at, _INCREMENTS[method], primary_key=True), mods)
        elif method in ("string", "char"):
            name, at = col(0, "column")
            length = self.value(named.get("length") or (positional[1] if len(positional) > 1 else None))
            size = length if isinstance(length, int) else 255
            self.add(
                table, ModelColumn(name, *at, f"{'VARCHAR' if method == 'string' else 'CHAR'}({size})"), mods
            )
        elif method in ("decimal", "unsigneddecimal"):
            name, at = col(0, "column")
            total = self.value(named.get("total") or (positional[1] if len(positional) > 1 else None))
            places = self.value(named.get("places") or (positional[2] if len(positional) > 2 else None))
            digits = (total if isinstance(total, int) else 8, places if isinstance(places, int) else 2)
            type_ = f"DECIMAL({digits[0]},{digits[1]})"
            self.add(
                table, ModelColumn(name, *at, type_ + (" UNSIGNED" if method != "decimal" else "")), mods
            )
        elif method in ("enum", "set"):
            name, at = col(0, "column")
            allowed = self.value(named.get("allowed") or (positional[1] if len(positional) > 1 else None))
            listed = (
                ",".join("'" + str(v).replace("'", "''") + "'" for v in allowed)
                if isinstance(allowed, list)
                else ""
            )
            self.add(table, ModelColumn(name, *at, f"{method.upper()}({listed})"), mods)
        elif method in _TYPES:
            name, at = col(0, "column", _DEFAULT_NAMES.get(method))
            type_ = _TYPES[method]
            auto = self.value(named.get("autoincrement") or (positional[1] if len(positional) > 1 else None))
            column = ModelColumn(name, *at, type_, primary_key=auto is True and "INT" in type_)
            if method.startswith("foreign"):
                self.add(table, column, mods)
                self.constrained(table, name, mods, None)
            else:
                self.add(table, column, mods)
        elif method in ("foreignidfor",):
            model = self.value(positional[0] if positional else named.get("model"))
            if not isinstance(model, str) or not model:
                self.name(None, what, call)
                return
            model = last_name(model)
            default = _snake(model) + "_id"
            name, at = col(1, "column", default)
            self.add(table, ModelColumn(name, *at, "BIGINT UNSIGNED"), mods)
            self.constrained(table, name, mods, plural(_snake(model)))
        elif method in _STAMPS:
            for stamp in ("created_at", "updated_at"):
                self.replay.add_column(table, ModelColumn(stamp, *place, _STAMPS[method]))
        elif method in _SOFT_DELETES:
            name, at = col(0, "column", "deleted_at")
            self.add(table, ModelColumn(name, *at, _SOFT_DELETES[method]), mods)
        elif method == "remembertoken":
            self.add(table, ModelColumn("remember_token", *place, "VARCHAR(100)"), mods)
        elif method in _MORPHS:
            name, at = col(0, "name")
            self.replay.add_column(table, ModelColumn(f"{name}_type", *at, "VARCHAR(255)"))
            self.replay.add_column(table, ModelColumn(f"{name}_id", *at, _MORPHS[method]))
        elif method == "addcolumn":
            kind = self.value(positional[0] if positional else None)
            name, at = col(1, "name")
            params = self.value(positional[2]) if len(positional) > 2 else None
            type_ = _TYPES.get(str(kind).lower()) or (
                f"VARCHAR({params.get('length', 255) if isinstance(params, dict) else 255})"
                if str(kind).lower() == "string"
                else str(kind).upper()
            )
            self.add(table, ModelColumn(name, *at, type_), mods)
        else:
            self.table_change(table, method, what, call, chain)

    def table_change(self, table: ModelTable, method: str, what: str, call: Node, chain: list[Node]) -> None:
        """Blueprint calls that change what is there: drops, renames, keys, the table's comment."""
        positional, _ = self.arguments(call)
        place = self.place(call)
        values = [self.value(p) for p in positional]
        flat = [v for value in values for v in (value if isinstance(value, list) else [value])]
        if method in ("dropcolumn", "removecolumn"):
            if not flat or not all(isinstance(v, str) for v in flat):
                self.name(None, what, call)
                return
            for name in flat:
                self.replay.remove_column(table, str(name), *place, what)
        elif method in ("droptimestamps", "droptimestampstz"):
            for stamp in ("created_at", "updated_at"):
                self.replay.remove_column(table, stamp, *place, what)
        elif method in ("dropsoftdeletes", "dropsoftdeletestz"):
            name = values[0] if values and isinstance(values[0], str) else "deleted_at"
            self.replay.remove_column(table, name, *place, what)
        elif method == "dropremembertoken":
            self.replay.remove_column(table, "remember_token", *place, what)
        elif method == "dropmorphs":
            if values and isinstance(values[0], str):
                for suffix in ("_type", "_id"):
                    self.replay.remove_column(table, values[0] + suffix, *place, what)
        elif method == "renamecolumn":
            if len(values) >= 2 and isinstance(values[0], str) and isinstance(values[1], str):
                self.replay.rename_column(table, values[0], values[1], *place, what)
            else:
                self.name(None, what, call)
        elif method == "primary":
            wanted = {str(v).casefold() for v in flat if isinstance(v, str)}
            for column in table.columns:
                if column.name.casefold() in wanted:
                    column.primary_key = True
        elif method == "dropprimary":
            for column in table.columns:
                column.primary_key = False
        elif method == "foreign":
            columns = tuple(str(v) for v in flat if isinstance(v, str))
            mods = self.mods(chain)
            target = self.value(self.arg(mods["on"], 0, "table")) if "on" in mods else None
            refs = self.value(self.arg(mods["references"], 0, "columns")) if "references" in mods else None
            if not columns or not isinstance(target, str):
                self.replay.report(
                    f"{what}: a foreign key without literal columns and `->on('table')`; not read",
                    *place,
                    Severity.WARNING,
                )
                return
            ref_columns = tuple(
                str(r) for r in (refs if isinstance(refs, list) else [refs]) if isinstance(r, str)
            )
            name = (
                values[1] if len(values) > 1 and isinstance(values[1], str) else fk_name(table.name, columns)
            )
            self.replay.add_foreign_key(table, ForeignKey(columns, target, ref_columns), name)
        elif method in ("dropforeign", "dropconstrainedforeignid"):
            self.drop_foreign(table, values[0] if values else None, what, call)
            if method == "dropconstrainedforeignid" and values and isinstance(values[0], str):
                self.replay.remove_column(table, values[0], *place, what)
        elif method in ("dropforeignidfor", "dropconstrainedforeignidfor"):
            model = values[0] if values else None
            if isinstance(model, str):
                fk_column = (
                    values[1]
                    if len(values) > 1 and isinstance(values[1], str)
                    else (_snake(last_name(model)) + "_id")
                )
                self.drop_foreign(table, [fk_column], what, call)
                if method == "dropconstrainedforeignidfor":
                    self.replay.remove_column(table, fk_column, *place, what)
        elif method == "comment":
            if values and isinstance(values[0], str):
                table.comment = values[0]
        elif method == "rename":
            if values and isinstance(values[0], str):
                self.replay.rename_table(table.name, values[0], None, *place, what)
        elif method in ("drop", "dropifexists"):
            if table_key(table.name) in self.replay.tables:
                self.replay.drop(table.name, None, *place, what)
        else:
            self.replay.report(
                f"{what} is not a Blueprint method cnsnt knows: not read", *place, Severity.WARNING
            )

    def drop_foreign(self, table: ModelTable, target: Value, what: str, call: Node) -> None:
        """`dropForeign(['user_id'])` drops by columns, `dropForeign('posts_user_id_foreign')` by name."""
        if isinstance(target, list):
            columns = tuple(str(v) for v in target)
            self.replay.drop_foreign_keys(table, lambda fk: fk.columns != columns)
            return
        if not isinstance(target, str):
            self.name(None, what, call)
            return
        self.drop_foreign_named(table, target, what, call)

    def constrained(
        self, table: ModelTable, column: str, mods: dict[str, Node], model_table: str | None
    ) -> None:
        """The foreign key of `foreignId('user_id')->constrained()` (`users`) or `->references()->on()`."""
        if "constrained" in mods:
            call = mods["constrained"]
            target = self.value(self.arg(call, 0, "table"))
            ref = self.value(self.arg(call, 1, "column"))
            ref = ref if isinstance(ref, str) else "id"
            if not isinstance(target, str):
                target = model_table or plural(column.removesuffix("_" + ref))
        elif "on" in mods:
            target = self.value(self.arg(mods["on"], 0, "table"))
            ref = self.value(self.arg(mods["references"], 0, "columns")) if "references" in mods else "id"
            if not isinstance(target, str) or not isinstance(ref, str):
                return
        else:
            return
        self.replay.add_foreign_key(
            table, ForeignKey((column,), target, (ref,)), fk_name(table.name, (column,))
        )

    def add(self, table: ModelTable, column: ModelColumn, mods: dict[str, Node]) -> None:
        """Add a column with its modifiers, or change the column of that name (`->change()`)."""
        comment = self.value(self.arg(mods["comment"], 0, "comment")) if "comment" in mods else None
        if isinstance(comment, str):
            column.comment = comment
        if "primary" in mods or ("autoincrement" in mods and "INT" in (column.type or "")):
            column.primary_key = True
        if "unsigned" in mods and column.type and "UNSIGNED" not in column.type:
            column.type += " UNSIGNED"
        if "change" in mods:
            existing = self.replay.column(table, column.name, column.line, column.column, "`->change()`")
            if existing is not None:
                existing.type = column.type
                existing.comment = column.comment or existing.comment
                existing.primary_key = existing.primary_key or column.primary_key
            return
        self.replay.add_column(table, column)
        if "first" in mods or "after" in mods:
            after = self.value(self.arg(mods["after"], 0, "column")) if "after" in mods else None
            columns = [c for c in table.columns if c is not column]
            index = 0
            if isinstance(after, str):
                index = next(
                    (i + 1 for i, c in enumerate(columns) if c.name.casefold() == after.casefold()),
                    len(columns),
                )
            columns.insert(index, column)
            table.columns = columns


#: Laravel's database drivers -> the SQL dialect of their connections.
_DRIVERS = {"mysql": "mysql", "mariadb": "mysql", "pgsql": "postgres", "sqlite": "sqlite", "sqlsrv": "tsql"}
#: Laravel's path helpers -> the folder below `base_path()` they name.
_PATH_HELPERS = {
    "base_path": "",
    "database_path": "database",
    "resource_path": "resources",
    "storage_path": "storage",
    "app_path": "app",
    "config_path": "config",
}


class _Connections:
    """The database connections a folder's migrations use, so two databases' tables stay two.

    A migration class with `$connection = 'archive'` (or a `Schema::connection('archive')`
    call) runs on another database, where a table may have the name of a default-database
    table. Each table belongs to the connection that made it; a migration sees its own
    connection's tables first, then the others' (the connection may well be the default
    database under another name: a connection named like a driver, `mysql`, is taken for
    it). A table it makes under a name another connection's table has leaves that one be;
    one it drops outright is gone. At the end a name two connections both hold is
    qualified by its connection (`archive.users`).
    """

    def __init__(self, replay: Replay) -> None:
        self.replay = replay
        self.current: str | None = None
        self.tables: dict[int, ModelTable] = {}
        """Every table so far, by identity, in the order they were made."""
        self.owner: dict[int, str | None] = {}
        self.shown: set[int] = set()
        """The tables of the view the replay holds (to tell what a migration dropped)."""

    def use(self, connection: str | None) -> None:
        """Replay what follows on `connection` (None: the default connection)."""
        space = None if connection is None or connection.lower() in (*_DRIVERS, "default") else connection
        if space == self.current:
            return
        self.sync()
        self.current = space
        view: dict[Key, ModelTable] = {}
        for mine in (True, False):  # its own tables first: a name it shares is its own table
            for ident, table in self.tables.items():
                key = table_key(table.name, table.schema)
                if (self.owner[ident] == space) == mine and key not in view:
                    view[key] = table
        order = {ident: i for i, ident in enumerate(self.tables)}
        self.replay.tables = dict(sorted(view.items(), key=lambda item: order[id(item[1])]))
        self.shown = {id(t) for t in view.values()}

    def sync(self) -> None:
        """Take in what the replay did on the current connection's view."""
        view = self.replay.tables
        present = {id(t) for t in view.values()}
        keys = set(view)
        for ident in self.shown - present:
            gone = self.tables[ident]
            # made again under its name here (another database's table): it stays theirs
            if self.owner[ident] == self.current or table_key(gone.name, gone.schema) not in keys:
                del self.tables[ident], self.owner[ident]
        for table in view.values():
            if id(table) not in self.tables:
                self.tables[id(table)] = table
                self.owner[id(table)] = self.current
        self.shown = present

    def borrowed(self, table: ModelTable) -> bool:
        """Whether a table the replay shows is another connection's (`hasTable` does not see it)."""
        return self.owner.get(id(table), self.current) != self.current

    @contextmanager
    def on(self, connection: str | None | bool) -> Iterator[None]:
        """`use` a connection for one call (False: the call names none, nothing changes)."""
        if connection is False:
            yield
            return
        before = self.current
        self.use(connection if isinstance(connection, str) else None)
        try:
            yield
        finally:
            self.use(before)

    def merge(self) -> None:
        """Every connection's tables in the replay; a name two connections hold is qualified."""
        self.sync()
        if all(owner is None for owner in self.owner.values()):
            return  # one database: the replay holds it whole
        count: dict[str, int] = {}
        for table in self.tables.values():
            count[table.name.casefold()] = count.get(table.name.casefold(), 0) + 1
        merged: dict[Key, ModelTable] = {}
        for ident, table in self.tables.items():
            owner = self.owner[ident]
            if count[table.name.casefold()] > 1 and owner is not None:
                table.schema = table.schema or owner
            merged[table_key(table.name, table.schema)] = table
        self.replay.tables = merged


class _Site:
    """Where a migration file is, and how its SQL is read."""

    def __init__(self, path: Path | None, dialect: str | None, ctx: SourceContext | None) -> None:
        self.path = path
        self.dialect = dialect or "mysql"  # Laravel's default connection
        self.given = dialect is not None
        """Whether the entry (or `--dialect`) names the dialect: only then is the driver known."""
        self.ctx = ctx
        self.max_statement = ctx.limits.statement_bytes if ctx is not None else 0
        self.folder = path.parent if path is not None else Path(".")
        # `base_path()`: the folder holding `database/` (`database/migrations/x.php`)
        self.root = next(
            (p.parent for p in self.folder.parents if p.name.lower() == "database"),
            self.folder.parent if self.folder.name.lower() == "migrations" else self.folder,
        )
        if self.folder.name.lower() == "database":
            self.root = self.folder.parent
        self.configs: dict[str, Value] = {}
        """`config/<file>.php` read so far, by path: shared by the entry's migrations."""

    def config(self, name: str) -> Value:
        """The array `config/<name>.php` returns; None when there is no such file to read."""
        if self.path is None or not name or name.startswith("."):
            return None
        path = self.root / "config" / f"{name}.php"
        key = path.as_posix()
        if key in self.configs:
            return self.configs[key]
        self.configs[key] = None
        ctx = self.ctx
        if not path.is_file() or (
            ctx is not None and outside_problem(path, ctx.base_dir.resolve(), ctx.limits.allow_outside)
        ):
            return None
        parsed = _config_file(path, _CONFIG_BYTES, whole=True)
        if parsed is None:
            return None
        reader, root = parsed
        for node in root.named_children:
            if node.type == "return_statement":
                returned = [c for c in node.named_children if c.type != "comment"]
                if len(returned) == 1:
                    self.configs[key] = reader.value(returned[0])
                break
        return self.configs[key]


class _SqlFile:
    """An SQL file a migration reads (`File::get(database_path('sql/x.sql'))`); no path: unknown."""

    def __init__(self, path: Path | None, written: str, why: str = "") -> None:
        self.path = path
        self.written = written
        self.why = why


def _mark(value: Value, source: str, file: str) -> Value:
    """Every name in a configuration value marked as read from `source`, for the warning."""
    if isinstance(value, dict):
        return {key: _mark(item, source, file) for key, item in value.items()}
    if isinstance(value, list):
        return [_mark(item, source, file) for item in value]
    if isinstance(value, Configured):
        return Configured(value, source, f"the default of `{value.source}` in {file}")
    if isinstance(value, str):
        return Configured(value, source, f"as {file} sets it")
    return value


class _Skip(Exception):
    """A Blueprint call whose column name is computed (already reported): nothing to add."""
