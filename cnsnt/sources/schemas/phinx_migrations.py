r"""Schema evidence from Phinx migrations (also CakePHP's `config/Migrations`), replayed by version.

`phinx migrate` (and CakePHP's `bin/cake migrations migrate`, which runs Phinx) runs
the files `<version>_<name>.php` of its migration paths (`db/migrations/
20190101000000_create_users.php`) in the order of their version numbers; cnsnt
replays them in that order on the tables built so far (`replay.Replay`). Each file
is parsed, never run, with tree-sitter's PHP grammar; of each class, `change()` is
replayed, else `up()`, following `$this->helper()` calls into the class
(`php_syntax.PhpMigration`).

- `$this->table('users', ['id' => false, 'primary_key' => ['id'], 'comment' => '...'])`
  with `->addColumn('email', 'string', ['limit' => 255, 'comment' => '...'])`,
  `->changeColumn`, `->renameColumn`, `->removeColumn`, `->addForeignKey('user_id',
  'users', 'id', ['constraint' => 'fk'])`, `->addForeignKeyWithName`,
  `->dropForeignKey`, `->addTimestamps()`, `->changeComment`, `->changePrimaryKey`,
  `->addPrimaryKey` (CakePHP), `->rename`, `->drop()`, ending in `->create()`,
  `->update()` or `->save()` (a table that is not there yet is created); the chain
  may be split over a `$table` variable. Changes never saved are reported.
- Unless the table says `'id' => false`, Phinx adds an `id` auto-increment primary key
  (`'id' => 'user_id'` names it); `'signed' => false` makes it unsigned.
- `addTimestamps()` adds `created_at` and `updated_at` (`created` and `modified` in
  CakePHP, whose `AbstractMigration`/`BaseMigration` come from `Migrations\`).
- `$this->execute('SQL')` and `$this->query('SQL')`: the SQL, replayed in the entry's
  dialect (MySQL by default); `if ($this->hasTable('x'))` and `->hasColumn('c')` are
  decided on the schema replayed so far.

Types, as Phinx's MySQL adapter creates them: `string` VARCHAR(255) (`limit`: its
length), `char` CHAR(255), `text` TEXT (a `limit` of `MysqlAdapter::TEXT_TINY`,
`TEXT_MEDIUM`, `TEXT_LONG`: TINYTEXT, MEDIUMTEXT, LONGTEXT), `integer` INT (`limit`
`MysqlAdapter::INT_TINY`, `INT_SMALL`, `INT_MEDIUM`, `INT_BIG`: TINYINT, SMALLINT,
MEDIUMINT, BIGINT; another limit: INT(n)), `biginteger` BIGINT, `smallinteger`
SMALLINT, `tinyinteger` TINYINT, `boolean` TINYINT(1), `float` FLOAT, `double`
DOUBLE, `decimal` DECIMAL(10,0) (`precision`, `scale`), `datetime` DATETIME,
`timestamp` TIMESTAMP, `time` TIME, `date` DATE, `year` YEAR, `binary` BINARY(255),
`varbinary` VARBINARY(255), `blob` BLOB, `uuid` CHAR(36), `binaryuuid` BINARY(16),
`json` JSON, `enum`/`set` ENUM(...)/SET(...) of `values`, `bit` BIT(1); CakePHP's
`datetimefractional`/`timestampfractional` DATETIME(6)/TIMESTAMP(6); `'signed' =>
false` (or `'unsigned' => true`) adds UNSIGNED. Another type is kept as written,
upper-cased. Names that are no literal, loops, other conditions around schema changes
and SQL that is not a literal are reported (CN001), never guessed.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.php_syntax import PhpMigration, Value, cut, replay_php_entry
from cnsnt.sources.schemas.rails_schema import Node
from cnsnt.sources.schemas.read_fixes import UNTYPED_COLUMN
from cnsnt.sources.schemas.replay import Replay, table_key

#: Phinx column types -> MySQL types with no length to choose.
_TYPES = {
    "biginteger": "BIGINT",
    "smallinteger": "SMALLINT",
    "tinyinteger": "TINYINT",
    "boolean": "TINYINT(1)",
    "float": "FLOAT",
    "double": "DOUBLE",
    "datetime": "DATETIME",
    "timestamp": "TIMESTAMP",
    "time": "TIME",
    "date": "DATE",
    "year": "YEAR",
    "uuid": "CHAR(36)",
    "binaryuuid": "BINARY(16)",
    "nativeuuid": "UUID",
    "json": "JSON",
    "jsonb": "JSON",
    "datetimefractional": "DATETIME(6)",
    "timestampfractional": "TIMESTAMP(6)",
}
#: Types with a length (`limit`, `length`) and their default one.
_SIZED = {"string": ("VARCHAR", 255), "char": ("CHAR", 255), "binary": ("BINARY", 255),
          "varbinary": ("VARBINARY", 255), "bit": ("BIT", 1)}  # fmt: skip
#: `MysqlAdapter` size constants (`'limit' => MysqlAdapter::TEXT_LONG`).
_LIMITS = {
    "TEXT_TINY": 255,
    "TEXT_SMALL": 255,
    "TEXT_REGULAR": 65535,
    "TEXT_MEDIUM": 16777215,
    "TEXT_LONG": 4294967295,
    "BLOB_TINY": 255,
    "BLOB_SMALL": 255,
    "BLOB_REGULAR": 65535,
    "BLOB_MEDIUM": 16777215,
    "BLOB_LONG": 4294967295,
    "INT_TINY": 255,
    "INT_SMALL": 65535,
    "INT_MEDIUM": 16777215,
    "INT_REGULAR": 4294967295,
    "INT_BIG": 18446744073709551615,
}
_NUMERIC = ("INT", "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT", "FLOAT", "DOUBLE", "DECIMAL")
#: Table methods that change no column cnsnt reports (indexes, data, questions).
_TABLE_NO_SCHEMA = frozenset(
    {
        "addindex",
        "removeindex",
        "removeindexbyname",
        "insert",
        "savedata",
        "truncate",
        "hascolumn",
        "hasindex",
        "hasindexbyname",
        "hasforeignkey",
        "hasprimarykey",
        "exists",
        "getcolumns",
        "getcolumn",
        "getname",
        "getoptions",
        "setoptions",
        "reset",
        "addcheckconstraint",
        "dropcheckconstraint",
        "haschecksonstraint",
    }
)
#: Table methods that run what was asked so far.
_SAVES = frozenset({"create", "update", "save"})
#: `AbstractMigration` methods that change no table.
_NO_SCHEMA = frozenset(
    {"insert", "fetchrow", "fetchall", "hastable", "output", "getoutput", "getinput", "getadapter",
     "preflightcheck", "postflightcheck", "shouldexecute", "createdatabase", "dropdatabase",
     "createschema", "dropschema", "getquerybuilder", "getselectbuilder", "getupdatebuilder",
     "getinsertbuilder", "getdeletebuilder", "writeln"}
)  # fmt: skip


def is_phinx_migration(head: str) -> bool:
    """Whether the start of a PHP file looks like a Phinx (or CakePHP) migration."""
    return (
        "Phinx\\Migration\\AbstractMigration" in head
        or "Migrations\\AbstractMigration" in head
        or "Migrations\\BaseMigration" in head
        or ("extends AbstractMigration" in head and "$this->table(" in head)
    )


def phinx_version(stem: str) -> int | None:
    """`20190101000000` of `20190101000000_create_users`; None for a name Phinx does not run."""
    version, underscore, name = stem.partition("_")
    return int(version) if underscore and name and version.isdigit() else None


def read_phinx_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a folder (or several) of Phinx or CakePHP migrations leaves behind, by version."""
    runner = (
        lambda p: (version, p.stem) if (version := phinx_version(p.stem)) is not None else None,
        "not a Phinx migration file name (<version>_<name>.php): `phinx migrate` does not run it, "
        "so it is not replayed",
    )
    return replay_php_entry(paths, spec, ctx, runner, _PhinxMigration, "Phinx migrations")


def column_type(kind: str, options: dict[str, Value]) -> str:
    """The MySQL type Phinx's MySQL adapter creates for a column type and its options."""
    lowered = kind.lower()
    limit = options.get("limit", options.get("length"))
    limit = limit if isinstance(limit, int) and not isinstance(limit, bool) else None
    if lowered in _SIZED:
        name, default = _SIZED[lowered]
        made = f"{name}({limit or default})"
    elif lowered == "text":
        made = _by_limit(limit, "TEXT", ("TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT"))
    elif lowered == "blob":
        made = _by_limit(limit, "BLOB", ("TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB"))
    elif lowered == "integer":
        sizes = {255: "TINYINT", 65535: "SMALLINT", 16777215: "MEDIUMINT", 4294967295: "INT"}
        if limit is None:
            made = "INT"
        elif limit in sizes:
            made = sizes[limit]
        else:
            made = "BIGINT" if limit > 4294967295 else f"INT({limit})"
    elif lowered == "decimal":
        precision, scale = options.get("precision"), options.get("scale")
        digits = (precision if isinstance(precision, int) else 10, scale if isinstance(scale, int) else 0)
        made = f"DECIMAL({digits[0]},{digits[1]})"
    elif lowered in ("enum", "set"):
        values = options.get("values")
        listed = values if isinstance(values, list) else str(values or "").split(",") if values else []
        made = f"{lowered.upper()}(" + ",".join("'" + str(v).replace("'", "''") + "'" for v in listed) + ")"
    else:
        made = _TYPES.get(lowered, kind.upper())
    unsigned = options.get("signed") is False or options.get("unsigned") is True
    if unsigned and made.split("(")[0] in _NUMERIC:
        made += " UNSIGNED"
    return made


def _by_limit(limit: int | None, plain: str, sizes: tuple[str, str, str, str]) -> str:
    if limit is None:
        return plain
    for bound, name in zip((255, 65535, 16777215), sizes, strict=False):
        if limit <= bound:
            return name
    return sizes[3]


class _Pending:
    """A `$this->table(...)`: its name, options and the changes asked of it, run at `save()`."""

    def __init__(self, name: str | None, options: dict[str, Value], node: Node) -> None:
        self.name = name
        self.options = options
        self.node = node
        self.calls: list[Node] = []
        self.dropped = False
        """Whether `->drop()` was asked: a `save()` after it creates nothing."""


class _PhinxMigration(PhpMigration):
    """One Phinx migration file replayed on the tables built so far."""

    TESTS = "`hasTable()`/`hasColumn()` test"
    ENTRIES = ("change", "up")
    COMPARED = {"true": True, "false": False}  # `$this->hasTable('x') === false`

    def __init__(self, file: SourceFile, replay: Replay, dialect: str, max_statement: int) -> None:
        super().__init__(file, replay)
        self.dialect = dialect
        self.max_statement = max_statement
        self.cake = False
        """Whether the class is CakePHP's (`addTimestamps()` then names `created`, `modified`)."""
        self.unsaved: list[_Pending] = []

    def run(self, root: Node) -> int:
        """Replay `change()` (or `up()`) of each migration class of the file; unsaved changes are reported."""
        self.cake = "Migrations\\" in self.file.text(root) and "Phinx\\Migration" not in self.file.text(root)
        count = super().run(root)
        for pending in self.unsaved:
            if pending.calls:
                self.replay.report(
                    f"changes to table '{pending.name}' that are never saved (no `->create()`, "
                    "`->update()` or `->save()`): Phinx does not run them, so they are not replayed",
                    *self.at(pending.calls[0]),
                    Severity.WARNING,
                )
        return count

    # -- statements

    def expression(self, expr: Node) -> None:
        """A table chain, `$this->execute(...)`, a helper call, an assignment, or a report."""
        if expr.type == "assignment_expression":
            left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
            pending = self.chain(right) if right is not None else None
            if left is not None and left.type == "variable_name":
                self.vars[self.text(left)] = pending if pending is not None else self.value(right)
            return
        if self.chain(expr) is not None:
            return
        method = self.this_call(expr)
        if method in ("execute", "query"):
            positional, _ = self.arguments(expr)
            if positional:
                what = f"`$this->{method}()`"
                self.replay_sql_arg(positional[0], expr, what, self.dialect, self.max_statement)
            return
        if method == "droptable":
            name = self.name(self.arg(expr, 0, "tableName"), "`$this->dropTable()`", expr)
            if name is not None:
                self.replay.drop(name, None, *self.place(expr), "`$this->dropTable()`")
            return
        if method in _NO_SCHEMA:
            return
        if method is not None and method in self.methods:
            self.follow(method, self.methods[method])
            return
        self.unread(expr)

    def changes_here(self, node: Node) -> bool:
        """A table change (a chain's call, `dropTable`), or SQL the migration runs that may change one."""
        method = self.this_call(node)
        if method == "droptable":
            return True
        if method in ("execute", "query"):
            return self.sql_changes(self.arg(node, 0, "sql"), self.dialect)
        if node.type != "member_call_expression" or method is not None:
            return False
        called = self.text(node.child_by_field_name("name")).lower()
        root = self.root_of(node)
        saving = called in _SAVES and (not isinstance(root, _Pending) or bool(root.calls))
        return root is not None and called not in _TABLE_NO_SCHEMA and (called not in _SAVES or saving)

    def root_of(self, node: Node) -> Value:
        """What a method chain starts from: `$this->table(...)` (a new `_Pending`) or a variable."""
        while node.type == "member_call_expression":
            if self.this_call(node) == "table":
                return "table"
            inner = node.child_by_field_name("object")
            if inner is None:
                return None
            node = inner
        return self.vars.get(self.text(node)) if node.type == "variable_name" else None

    # -- conditions

    def test(self, node: Node) -> bool | None:
        """`$this->hasTable('x')`, `$this->table('x')->hasColumn('c')` (and `->exists()`)."""
        if node.type != "member_call_expression":
            return None
        called = self.text(node.child_by_field_name("name")).lower()
        if called == "hastable" and self.this_call(node) == "hastable":
            name = self.value(self.arg(node, 0, "tableName"))
            return table_key(name) in self.replay.tables if isinstance(name, str) else None
        if called in ("hascolumn", "exists"):
            inner = node.child_by_field_name("object")
            owner = (
                self.vars.get(self.text(inner))
                if inner is not None and inner.type == "variable_name"
                else None
            )
            if inner is not None and self.this_call(inner) == "table":
                owner = self.value(self.arg(inner, 0, "tableName"))
            name = owner.name if isinstance(owner, _Pending) else owner
            if not isinstance(name, str):
                return None
            table = self.replay.tables.get(table_key(name))
            if called == "exists" or table is None:
                return table is not None
            column = self.value(self.arg(node, 0, "columnName"))
            if not isinstance(column, str):
                return None
            return any(c.name.casefold() == column.casefold() for c in table.columns)
        return None

    # -- the table chain

    def chain(self, expr: Node) -> _Pending | None:
        """Follow `$this->table('x')->addColumn(...)->create()` (or on a `$table`); None: no chain."""
        calls: list[Node] = []
        node = expr
        pending: _Pending | None = None
        while node.type == "member_call_expression":
            if self.this_call(node) == "table":
                pending = self.open(node)
                break
            calls.append(node)
            inner = node.child_by_field_name("object")
            if inner is None:
                return None
            node = inner
        else:
            held = self.vars.get(self.text(node)) if node.type == "variable_name" else None
            pending = held if isinstance(held, _Pending) else None
        if pending is None:
            return None
        for call in reversed(calls):
            self.table_call(pending, call)
        return pending

    def open(self, call: Node) -> _Pending:
        """A new `$this->table('name', [options])`."""
        name = self.name(self.arg(call, 0, "tableName"), "`$this->table()`", call)
        options = self.value(self.arg(call, 1, "options"))
        pending = _Pending(name, options if isinstance(options, dict) else {}, call)
        self.unsaved.append(pending)
        return pending

    def table_call(self, pending: _Pending, call: Node) -> None:
        """One call of the chain: kept until `save()`, or run now (`create`, `save`, `drop`...)."""
        method = self.text(call.child_by_field_name("name")).lower()
        if method in _TABLE_NO_SCHEMA:
            return
        if method in _SAVES:
            self.save(pending, method, call)
        elif method == "drop":
            pending.calls.clear()
            pending.dropped = True
            if pending.name is not None and table_key(pending.name) in self.replay.tables:
                self.replay.drop(pending.name, None, *self.at(call), "`->drop()`")
        else:
            pending.calls.append(call)

    def save(self, pending: _Pending, method: str, call: Node) -> None:
        """Run what was asked of a table: create it (`create`, or `save` of a new one) or change it."""
        calls, pending.calls = pending.calls, []
        if pending.name is None or pending.dropped:
            return
        what = f"`->{self.text(call.child_by_field_name('name'))}()`"
        place = self.place(pending.node)
        exists = table_key(pending.name) in self.replay.tables
        options = pending.options
        if method == "create" or (method == "save" and not exists):
            table = ModelTable(pending.name, self.file.shown, *place)
            self.replay.create(table)
            key = options.get("id", True)
            if key is True or (isinstance(key, str) and key):
                id_type = (
                    "INT UNSIGNED"
                    if options.get("signed") is False or options.get("unsigned") is True
                    else "INT"
                )
                self.replay.add_column(
                    table,
                    ModelColumn(key if isinstance(key, str) else "id", *place, id_type, primary_key=True),
                )
            comment = options.get("comment")
            table.comment = comment if isinstance(comment, str) else None
        else:
            table = self.replay.find_or_make(pending.name, None, *place, what)
        for each in calls:
            self.change(table, pending, each)
        primary = options.get("primary_key")
        if method == "create" or (method == "save" and not exists):
            self.primary(table, primary)

    def primary(self, table: ModelTable, columns: Value) -> None:
        """Mark the primary key columns (`'primary_key' => ['a', 'b']`, `changePrimaryKey('a')`)."""
        wanted = columns if isinstance(columns, list) else [columns] if isinstance(columns, str) else []
        names = {str(c).casefold() for c in wanted}
        if not names:
            return
        for column in table.columns:
            column.primary_key = column.name.casefold() in names

    def change(self, table: ModelTable, pending: _Pending, call: Node) -> None:
        """One change asked of a table, run at its `save()`."""
        method = self.text(call.child_by_field_name("name")).lower()
        written = self.text(call.child_by_field_name("name"))
        what = f"`->{written}()`"
        positional, _ = self.arguments(call)
        values = [self.value(p) for p in positional]
        place = self.at(call)

        def options(index: int) -> dict[str, Value]:
            found = values[index] if len(values) > index else None
            return found if isinstance(found, dict) else {}

        if method in ("addcolumn", "changecolumn"):
            name = self.name(positional[0] if positional else None, what, call)
            if name is None:
                return
            at = self.place(positional[0])
            kind = values[1] if len(values) > 1 else None
            opts = options(2)
            type_: str | None
            if isinstance(kind, str) and kind:
                type_ = column_type(kind, opts)
            else:
                type_ = None
                self.replay.report(
                    f"{what}: the type of column '{name}' is not a literal cnsnt can read "
                    f"({cut(self.text(positional[1]) if len(positional) > 1 else '', 60)}); "
                    "the column is read without its type",
                    *place,
                    Severity.WARNING,
                    UNTYPED_COLUMN,
                )
            comment = opts.get("comment")
            column = ModelColumn(name, *at, type_, comment if isinstance(comment, str) else None)
            column.primary_key = opts.get("identity") is True
            if method == "addcolumn":
                self.replay.add_column(table, column)
                after = opts.get("after")
                if isinstance(after, str):
                    self.place_after(table, column, after)
                return
            existing = self.replay.column(table, name, *place, what)
            if existing is not None:
                existing.type = column.type or existing.type
                existing.comment = column.comment if "comment" in opts else existing.comment
        elif method == "renamecolumn":
            if len(values) >= 2 and isinstance(values[0], str) and isinstance(values[1], str):
                self.replay.rename_column(table, values[0], values[1], *place, what)
            else:
                self.name(None, what, call)
        elif method == "removecolumn":
            if values and isinstance(values[0], str):
                self.replay.remove_column(table, values[0], *place, what)
            else:
                self.name(None, what, call)
        elif method in ("addforeignkey", "addforeignkeywithname"):
            self.foreign_key(table, method, values, what, call)
        elif method == "dropforeignkey":
            columns = values[0] if values else None
            wanted = tuple(
                str(c) for c in (columns if isinstance(columns, list) else [columns]) if isinstance(c, str)
            )
            if wanted:
                self.replay.drop_foreign_keys(
                    table,
                    lambda fk: tuple(c.casefold() for c in fk.columns) != tuple(c.casefold() for c in wanted),
                )
            else:
                self.name(None, what, call)
        elif method in ("addtimestamps", "addtimestampswithtimezone"):
            names = ("created", "modified") if self.cake else ("created_at", "updated_at")
            for index, default in enumerate(names):
                given = values[index] if len(values) > index else None
                if given is False:
                    continue
                stamp = given if isinstance(given, str) and given else default
                self.replay.add_column(table, ModelColumn(stamp, *place, "TIMESTAMP"))
        elif method == "changecomment":
            table.comment = values[0] if values and isinstance(values[0], str) else None
        elif method in ("changeprimarykey", "addprimarykey"):
            self.primary(table, values[0] if values else None)
        elif method in ("rename", "renametable"):
            if values and isinstance(values[0], str):
                self.replay.rename_table(table.name, values[0], None, *place, what)
                pending.name = values[0]
            else:
                self.name(None, what, call)
        else:
            self.replay.report(
                f"{what} is not a Phinx table method cnsnt knows: not read", *place, Severity.WARNING
            )

    def at(self, call: Node) -> tuple[int, int]:
        """Where a call of a chain is written: its `->method`, not the chain's start."""
        name = call.child_by_field_name("name")
        return self.place(name if name is not None else call)

    def place_after(self, table: ModelTable, column: ModelColumn, after: str) -> None:
        """Move a column added with `'after' => 'x'` behind that column."""
        columns = [c for c in table.columns if c is not column]
        index = next(
            (i + 1 for i, c in enumerate(columns) if c.name.casefold() == after.casefold()), len(columns)
        )
        columns.insert(index, column)
        table.columns = columns

    def foreign_key(self, table: ModelTable, method: str, values: list[Value], what: str, call: Node) -> None:
        """`addForeignKey('user_id', 'users', 'id', ['constraint' => 'fk'])` and `...WithName('fk', ...)`."""
        named = method == "addforeignkeywithname"
        rest = values[1:] if named else values
        columns = rest[0] if rest else None
        target = rest[1] if len(rest) > 1 else None
        refs = rest[2] if len(rest) > 2 else "id"
        opts = rest[3] if len(rest) > 3 and isinstance(rest[3], dict) else {}
        cols = [c for c in (columns if isinstance(columns, list) else [columns]) if isinstance(c, str)]
        ref_cols = [c for c in (refs if isinstance(refs, list) else [refs]) if isinstance(c, str)]
        if not cols or not isinstance(target, str) or not ref_cols:
            self.replay.report(
                f"{what}: a foreign key without literal columns and table; not read",
                *self.place(call),
                Severity.WARNING,
            )
            return
        name = values[0] if named else opts.get("constraint")
        self.replay.add_foreign_key(
            table, ForeignKey(tuple(cols), target, tuple(ref_cols)), name if isinstance(name, str) else None
        )

    # -- values and SQL

    def class_constant(self, scope: str, name: str) -> Value:
        """A `MysqlAdapter::TEXT_LONG`-style size."""
        return _LIMITS.get(name) if scope == "MysqlAdapter" else None
