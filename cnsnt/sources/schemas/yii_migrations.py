r"""Schema evidence from Yii 2 migrations (`migrations/m<YYMMDD_HHMMSS>_<name>.php`), replayed in order.

`yii migrate` runs the classes `m150101_185401_create_user_table extends Migration` of
its migration paths ordered by the timestamp in their names, then by name; cnsnt
replays them in that order on the tables built so far (`replay.Replay`). Each file is
parsed, never run, with tree-sitter's PHP grammar; of each class, `safeUp()` is
replayed (or `up()` when the class writes its own), following `$this->helper()` calls
into the class (`php_syntax.PhpMigration`).

Each `yii\db\Migration` method is turned into the MySQL statement Yii's MySQL query
builder writes for it, and that SQL is replayed by the SQL migrations reader, each
piece placed at the PHP it comes from:

- `createTable('{{%user}}', ['id' => $this->primaryKey(), 'email' => 'varchar(255) NOT
  NULL', 'PRIMARY KEY (id)'], $options)`: `CREATE TABLE` (`{{%name}}` is the table
  `name`: the configured prefix is left out); `addColumn`, `alterColumn`,
  `dropColumn`, `renameColumn`, `dropTable`, `renameTable`, `addPrimaryKey`,
  `dropPrimaryKey`, `addForeignKey('fk', '{{%post}}', 'user_id', '{{%user}}', 'id')`,
  `dropForeignKey`; `addCommentOnColumn`, `addCommentOnTable` and their drops;
- `$this->execute('SQL')` and `$this->db->createCommand('SQL')->execute()`: the SQL,
  in the entry's dialect (MySQL by default);
- indexes, checks and data (`createIndex`, `insert`, `batchInsert`, `update`, ...)
  change no column.

Types, as `yii\db\mysql\QueryBuilder::$typeMap` writes them, from the column builder
(`$this->string(64)->notNull()->unique()->comment('x')`, with `unsigned()`,
`append('...')`), from Yii's abstract type strings (`'string(64) NOT NULL'`,
`Schema::TYPE_STRING . ' NOT NULL'`) or from SQL written as is (`'varchar(45) DEFAULT
NULL'`):

    pk        INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY   (upk: INT(10) UNSIGNED ...)
    bigpk     BIGINT(20) NOT NULL AUTO_INCREMENT PRIMARY KEY (ubigpk: BIGINT(20) UNSIGNED ...)
    char      CHAR(1)          string    VARCHAR(255)     text      TEXT
    tinyint   TINYINT(3)       smallint  SMALLINT(6)      integer   INT(11)
    bigint    BIGINT(20)       float     FLOAT            double    DOUBLE
    decimal   DECIMAL(10,0)    money     DECIMAL(19,4)    boolean   TINYINT(1)
    datetime  DATETIME         timestamp TIMESTAMP        time      TIME
    date      DATE             binary    BLOB             json      JSON

A length replaces the one in brackets (`string(64)`: `VARCHAR(64)`). `if
($this->db->getTableSchema('{{%x}}', true) === null)` guards are decided on the schema
replayed so far; other conditions around schema changes, loops, names that are no
literal and SQL that is not one are reported (CN001), never guessed.
"""

from __future__ import annotations

import re
from pathlib import Path

from cnsnt.evidence import Evidence
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import PlacedText
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.php_syntax import PhpMigration, Value, cut, replay_php_entry
from cnsnt.sources.schemas.rails_schema import Node
from cnsnt.sources.schemas.read_fixes import UNTYPED_COLUMN
from cnsnt.sources.schemas.replay import Replay, table_key
from cnsnt.sources.schemas.replay_sql import replay_sql

#: Yii's abstract column types -> what its MySQL query builder writes (`QueryBuilder::$typeMap`).
TYPE_MAP = {
    "pk": "int(11) NOT NULL AUTO_INCREMENT PRIMARY KEY",
    "upk": "int(10) UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY",
    "bigpk": "bigint(20) NOT NULL AUTO_INCREMENT PRIMARY KEY",
    "ubigpk": "bigint(20) UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY",
    "char": "char(1)",
    "string": "varchar(255)",
    "text": "text",
    "tinyint": "tinyint(3)",
    "smallint": "smallint(6)",
    "integer": "int(11)",
    "bigint": "bigint(20)",
    "float": "float",
    "double": "double",
    "decimal": "decimal(10,0)",
    "datetime": "datetime",
    "timestamp": "timestamp",
    "time": "time",
    "date": "date",
    "binary": "blob",
    "boolean": "tinyint(1)",
    "money": "decimal(19,4)",
    "json": "json",
}
#: Column builder methods (`$this->string(64)`, lower-cased) -> the abstract type they start.
_BUILDERS = {
    "primarykey": "pk",
    "bigprimarykey": "bigpk",
    "char": "char",
    "string": "string",
    "text": "text",
    "tinyinteger": "tinyint",
    "smallinteger": "smallint",
    "integer": "integer",
    "biginteger": "bigint",
    "float": "float",
    "double": "double",
    "decimal": "decimal",
    "datetime": "datetime",
    "timestamp": "timestamp",
    "time": "time",
    "date": "date",
    "binary": "binary",
    "boolean": "boolean",
    "money": "money",
    "json": "json",
}
#: `Migration` methods that change tables or columns (lower-cased).
_OPERATIONS = frozenset(
    {
        "createtable",
        "droptable",
        "renametable",
        "addcolumn",
        "dropcolumn",
        "renamecolumn",
        "altercolumn",
        "addprimarykey",
        "dropprimarykey",
        "addforeignkey",
        "dropforeignkey",
        "addcommentoncolumn",
        "addcommentontable",
        "dropcommentfromcolumn",
        "dropcommentfromtable",
        "execute",
    }
)
#: Words in the name of a method cnsnt does not know that say it may change tables.
_SCHEMA_WORDS = ("table", "column", "foreignkey", "primarykey", "execute", "sql", "schema")
#: Operations whose `safe...` form (HumHub's `Migration`) runs only when it can.
_GUARDED = frozenset({"createtable", "droptable", "addcolumn", "dropcolumn", "renamecolumn", "altercolumn"})
#: `Migration` methods that change no column cnsnt reports (indexes, checks, data).
_NO_SCHEMA = frozenset(
    {
        "createindex",
        "dropindex",
        "insert",
        "batchinsert",
        "upsert",
        "update",
        "delete",
        "truncatetable",
        "addcheck",
        "dropcheck",
        "adddefaultvalue",
        "dropdefaultvalue",
        "compact",
        "beginCommand".lower(),
        "endcommand",
    }
)


def is_yii_migration(head: str) -> bool:
    """Whether the start of a PHP file looks like a Yii 2 migration (for telling kinds apart)."""
    return "yii\\db\\Migration" in head or (
        "extends Migration" in head
        and "$this->createTable(" in head
        and "Schema::create" not in head
        and "CodeIgniter\\Database\\Migration" not in head  # Shield's own `$this->createTable()`
    )


#: `MigrateController::getNewMigrations`' `/^(m(\d{6}_?\d{6})\D.*?)\.php$/is`: the `_` may be left out,
#: the `m` may be upper case (namespaced migrations, `M190101120000CreateUserTable`).
_YII_NAME = re.compile(r"m([0-9]{6}_?[0-9]{6})[^0-9]", re.IGNORECASE)


def yii_name(name: str) -> bool:
    """`m150101_185401_create_user_table`, `M150101185401CreateUser`: a name `yii migrate` runs."""
    return _YII_NAME.match(name) is not None


def yii_time(name: str) -> str:
    """The timestamp `yii migrate` orders a migration by, its `_` left out (`150101185401`)."""
    found = _YII_NAME.match(name)
    return found.group(1).replace("_", "") if found is not None else ""


def read_yii_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a folder (or several) of Yii 2 migrations leaves behind, replayed by timestamp."""
    runner = (
        lambda p: (yii_time(p.stem), p.stem) if yii_name(p.stem) else None,  # time, class
        "not a Yii migration file name (m<YYMMDD_HHMMSS>_<name>.php): `yii migrate` does not run it, "
        "so it is not replayed",
    )
    return replay_php_entry(paths, spec, ctx, runner, _YiiMigration, "Yii migrations")


def table_name(name: str) -> str:
    """`{{%user}}` -> `user`: the table without the configured prefix (`{{...}}` and `%`)."""
    inner = name.strip()
    if inner.startswith("{{") and inner.endswith("}}"):
        inner = inner[2:-2]
    return inner.replace("%", "")


def column_type(written: str) -> str:
    """The MySQL type Yii writes for a column type: abstract types mapped, SQL left as written.

    As `QueryBuilder::getColumnType`: `string` is `varchar(255)`, `string(64) NOT NULL`
    `varchar(64) NOT NULL`, `integer UNSIGNED` `int(11) UNSIGNED`; anything else is SQL.
    """
    text = written.strip()
    if text in TYPE_MAP:
        return TYPE_MAP[text]
    word = ""
    for char in text:
        if not (char.isalnum() or char == "_"):
            break
        word += char
    rest = text[len(word) :]
    if word not in TYPE_MAP:
        return text
    mapped = TYPE_MAP[word]
    if rest.startswith("("):
        close = rest.find(")")
        if close > 0:
            args, rest = rest[: close + 1], rest[close + 1 :]
            open_at = mapped.find("(")
            if open_at >= 0:
                mapped = mapped[:open_at] + args + mapped[mapped.find(")", open_at) + 1 :]
            return mapped + rest
        return text
    if rest[:1].isspace():
        return mapped + rest
    return text


def unbraced(sql: str) -> str:
    """SQL with Yii's `{{%table}}` and `[[column]]` quoting blanked out, every offset kept.

    `Command::quoteSql` turns them into the prefixed, quoted names; blanks keep each
    character where it is written, so a finding still points into the PHP string.
    """
    if "{{" not in sql and "[[" not in sql:
        return sql
    return (
        sql.replace("{{%", "   ")
        .replace("{{", "  ")
        .replace("}}", "  ")
        .replace("[[", "  ")
        .replace("]]", "  ")
    )


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _sql_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


class _Builder(str):
    """The abstract type a column builder chain writes (`$this->string(64)->notNull()`)."""


class _YiiMigration(PhpMigration):
    """One Yii migration file replayed on the tables built so far."""

    TESTS = "`getTableSchema()`, `tableExists()` or `columnExists()` test"
    #: `Migration::up()` runs `safeUp()`: a class that writes its own `up()` runs that.
    ENTRIES = ("up", "safeUp")
    COMPARED = {"null": False}  # `getTableSchema('{{%x}}', true) === null`: no such table

    def __init__(self, file: SourceFile, replay: Replay, dialect: str, max_statement: int) -> None:
        super().__init__(file, replay)
        self.dialect = dialect
        self.max_statement = max_statement
        self.sql = PlacedText()
        """The statements the `Migration` calls so far write, replayed at the next `flush`."""
        self.untyped: list[tuple[str, str]] = []
        """Columns (table, column) whose type is no literal: their type is left unknown."""

    # -- the file

    def run_class(self, body: Node) -> int:
        """Replay `safeUp()` (or `up()`) of a migration class, then the statements it wrote."""
        count = super().run_class(body)
        self.flush()
        return count

    def flush(self) -> None:
        """Replay the statements written so far (before a condition is decided, and at the end)."""
        if self.sql.parts:
            sql, self.sql = self.sql, PlacedText()
            replay_sql(self.replay, sql.text, sql.place, "mysql", self.max_statement)
        for table, column in self.untyped:
            found = self.replay.tables.get(table_key(table))
            for col in found.columns if found is not None else ():
                if col.name.casefold() == column.casefold():
                    col.type = None
        self.untyped = []

    def emit(self, node: Node, *pieces: str | tuple[str, Node]) -> None:
        """One statement, its pieces placed at the call or at the PHP node they come from."""
        line, column = self.place(node)
        for piece in pieces:
            if isinstance(piece, tuple):
                self.sql.add(unbraced(piece[0]), *self.place(piece[1]), raw=False)
            else:
                self.sql.add(piece, line, column, raw=False)
        self.sql.add(";\n", line, column, raw=False)

    # -- statements

    def expression(self, expr: Node) -> None:
        """A `$this->createTable(...)` call, a helper call, an assignment, or a report."""
        if expr.type == "assignment_expression":
            self.assign(expr)
            return
        method = self.this_call(expr)
        if method in _OPERATIONS:
            self.operation(method, expr)
            return
        if method in _NO_SCHEMA:
            return
        if method is not None and method in self.methods:
            self.follow(method, self.methods[method])
            return
        if method is not None and method.startswith("safe") and method[4:] in _OPERATIONS:
            if self.needed(method[4:], expr):
                self.operation(method[4:], expr)
            return
        if method is not None and any(word in method for word in _SCHEMA_WORDS):
            self.replay.report(
                f"`$this->{self.text(expr.child_by_field_name('name'))}()` is no `Migration` method cnsnt "
                "knows nor one of this class (a parent class's?): not replayed, so tables or columns it "
                "changes may be missing",
                *self.place(expr),
                Severity.WARNING,
            )
            return
        command = self.command_sql(expr)
        if command is not None:
            self.execute(command, expr, "`createCommand(...)->execute()`")
            return
        self.unread(expr)

    def needed(self, operation: str, call: Node) -> bool:
        """Whether a guarded `safeAddColumn`-style call (HumHub's `Migration`) runs on the schema so far.

        `safeCreateTable` runs when the table is not there, `safeAddColumn` when the
        column is not; `safeDropColumn`, `safeRenameColumn`, `safeAlterColumn`,
        `safeDropTable` when it is. The others always run.
        """
        positional, _ = self.arguments(call)
        table = self.value(positional[0]) if positional else None
        column = self.value(positional[1]) if len(positional) > 1 else None
        if not isinstance(table, str) or operation not in _GUARDED:
            return True
        self.flush()
        found = self.replay.tables.get(table_key(table_name(table)))
        if operation in ("createtable", "droptable"):
            return (found is None) == (operation == "createtable")
        if found is None or not isinstance(column, str):
            return operation == "addcolumn" or found is not None
        there = any(c.name.casefold() == column.casefold() for c in found.columns)
        return not there if operation == "addcolumn" else there

    def command_sql(self, node: Node) -> Node | None:
        """The SQL argument of `$this->db->createCommand('SQL')->execute()`; None for other calls."""
        if node.type != "member_call_expression" or self.text(node.child_by_field_name("name")) != "execute":
            return None
        inner = node.child_by_field_name("object")
        if inner is None or inner.type != "member_call_expression":
            return None
        if self.text(inner.child_by_field_name("name")) != "createCommand":
            return None
        return self.arg(inner, 0, "sql")

    def changes_here(self, node: Node) -> bool:
        """A `Migration` call that changes tables (`safe...` too), or SQL run that may."""
        method = self.this_call(node)
        if method == "execute":
            return self.sql_changes(self.arg(node, 0, "sql"), self.dialect)
        if method in _OPERATIONS or (
            method is not None and method.startswith("safe") and method[4:] in _OPERATIONS
        ):
            return True
        return self.sql_changes(self.command_sql(node), self.dialect)

    def test(self, node: Node) -> bool | None:
        """`$this->db->getTableSchema('{{%x}}')` (also through `->schema`): whether the table is there."""
        if node.type != "member_call_expression":
            return None
        called = self.text(node.child_by_field_name("name")).lower()
        if called == "columnexists" and self.this_call(node) == called:  # HumHub: (column, table)
            positional, _ = self.arguments(node)
            values = [self.value(p) for p in positional[:2]]
            if len(values) < 2 or not all(isinstance(v, str) for v in values):
                return None
            self.flush()
            found = self.replay.tables.get(table_key(table_name(values[1])))
            return found is not None and any(c.name.casefold() == values[0].casefold() for c in found.columns)
        if called not in ("gettableschema", "tableexists"):
            return None
        name = self.value(self.arg(node, 0, "name"))
        if not isinstance(name, str):
            return None
        self.flush()
        return table_key(table_name(name)) in self.replay.tables

    # -- values

    def class_constant(self, scope: str, name: str) -> Value:
        """`Schema::TYPE_STRING` -> `string`, the abstract type it names."""
        return name.removeprefix("TYPE_").lower() if scope == "Schema" and name.startswith("TYPE_") else None

    def value(self, node: Node | None) -> Value:
        """A literal, or the type a column builder chain writes."""
        if node is not None and node.type == "member_call_expression":
            built = self.builder(node)
            if built is not None:
                return built
        return super().value(node)

    def builder(self, node: Node) -> _Builder | None:
        """`$this->string(64)->notNull()->comment('x')` as Yii's abstract type: `string(64) NOT NULL ...`."""
        chain: list[Node] = []
        current: Node | None = node
        while current is not None and current.type == "member_call_expression":
            chain.append(current)
            current = current.child_by_field_name("object")
        if current is None or self.text(current) != "$this" or not chain:
            return None
        chain.reverse()
        kind = _BUILDERS.get(self.text(chain[0].child_by_field_name("name")).lower())
        if kind is None:
            return None
        positional, _ = self.arguments(chain[0])
        sizes = [self.value(p) for p in positional]
        mods = {self.text(c.child_by_field_name("name")).lower(): c for c in chain[1:]}
        if "unsigned" in mods and kind in ("pk", "bigpk"):
            kind = "u" + kind
        out = kind
        if sizes and all(isinstance(s, int) for s in sizes):
            out += "(" + ",".join(str(s) for s in sizes) + ")"
        if "unsigned" in mods and not kind.endswith("pk"):
            out += " UNSIGNED"
        if "notnull" in mods:
            out += " NOT NULL"
        if "unique" in mods:
            out += " UNIQUE"
        comment = self.value(self.arg(mods["comment"], 0, "comment")) if "comment" in mods else None
        if isinstance(comment, str):
            out += " COMMENT " + _sql_string(comment)
        appended = self.value(self.arg(mods["append"], 0, "sql")) if "append" in mods else None
        if isinstance(appended, str) and "primary key" in appended.lower():
            out += " PRIMARY KEY"
        return _Builder(out)

    def table(self, node: Node | None, what: str, at: Node) -> str | None:
        """A table name (`{{%user}}` -> `user`); a CN001 when it is not a literal."""
        name = self.name(node, what, at)
        return table_name(name) if name is not None else None

    def column_sql(self, node: Node | None, table: str, column: str, what: str) -> tuple[str, Node] | None:
        """The SQL of a column's type, placed at its PHP; a CN001 when it is not a literal."""
        if node is None:
            return None
        written = self.value(node)
        if not isinstance(written, str) or not written.strip():
            self.replay.report(
                f"{what}: the type of column '{column}' is not a literal cnsnt can read "
                f"({cut(self.text(node), 60)}); the column is read without its type",
                *self.place(node),
                Severity.WARNING,
                UNTYPED_COLUMN,
            )
            self.untyped.append((table, column))
            return "text", node
        return column_type(written), node

    # -- Migration methods

    def operation(self, method: str, call: Node) -> None:
        """One `$this->...()` call that changes tables, written as the SQL Yii runs for it."""
        positional, _ = self.arguments(call)
        what = f"`$this->{self.text(call.child_by_field_name('name'))}()`"

        def arg(index: int) -> Node | None:
            return positional[index] if len(positional) > index else None

        if method == "execute":
            sql = arg(0)
            if sql is not None:
                self.execute(sql, call, what)
            return
        if method in ("addprimarykey", "dropprimarykey", "addforeignkey", "dropforeignkey"):
            table = self.table(arg(1), what, call)
        else:
            table = self.table(arg(0), what, call)
        if table is None:
            return
        if method == "createtable":
            self.create_table(table, arg(1), call, what)
        elif method == "droptable":
            self.emit(call, "DROP TABLE ", _quoted(table))
        elif method == "renametable":
            new = self.table(arg(1), what, call)
            if new is not None:
                self.emit(call, "RENAME TABLE ", _quoted(table), " TO ", (_quoted(new), arg(1) or call))
        elif method in ("addcolumn", "altercolumn"):
            column = self.name(arg(1), what, call)
            sql = self.column_sql(arg(2), table, column, what) if column is not None else None
            if column is None or sql is None:
                return
            verb = " ADD " if method == "addcolumn" else f" CHANGE {_quoted(column)} "
            self.emit(call, "ALTER TABLE ", _quoted(table), verb, (_quoted(column), arg(1) or call), " ", sql)
        elif method == "dropcolumn":
            column = self.name(arg(1), what, call)
            if column is not None:
                self.emit(call, "ALTER TABLE ", _quoted(table), " DROP COLUMN ", _quoted(column))
        elif method == "renamecolumn":
            old, new = self.name(arg(1), what, call), self.name(arg(2), what, call)
            if old is not None and new is not None:
                renamed = (_quoted(new), arg(2) or call)
                self.emit(
                    call, "ALTER TABLE ", _quoted(table), " RENAME COLUMN ", _quoted(old), " TO ", renamed
                )
        elif method == "addprimarykey":
            columns = self.columns(arg(2), what, call)
            if columns:
                self.emit(call, "ALTER TABLE ", _quoted(table), " ADD PRIMARY KEY (", columns, ")")
        elif method == "dropprimarykey":
            self.emit(call, "ALTER TABLE ", _quoted(table), " DROP PRIMARY KEY")
        elif method == "addforeignkey":
            self.foreign_key(table, positional, call, what)
        elif method == "dropforeignkey":
            name = self.name(arg(0), what, call)
            if name is not None:
                self.emit(call, "ALTER TABLE ", _quoted(table), " DROP FOREIGN KEY ", _quoted(name))
        else:
            self.comment(method, table, positional, call, what)

    def columns(self, node: Node | None, what: str, at: Node) -> str | None:
        """`'a,b'` or `['a', 'b']` as a quoted column list; a CN001 when not literal."""
        value = self.value(node)
        names = value.split(",") if isinstance(value, str) else value
        if (
            not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            self.name(None, what, at)
            return None
        return ", ".join(_quoted(str(n).strip()) for n in names)

    def create_table(self, table: str, columns: Node | None, call: Node, what: str) -> None:
        """`createTable('{{%t}}', ['name' => type, 'constraint SQL'])` as `CREATE TABLE`."""
        entries: list[tuple[Node | None, Value, Node]] = []
        if columns is not None and columns.type == "array_creation_expression":
            for element in columns.named_children:
                if element.type == "array_element_initializer" and len(element.named_children) == 2:
                    entries.append((element.named_children[0], None, element.named_children[1]))
                elif element.type == "array_element_initializer" and element.named_children:
                    entries.append((None, None, element.named_children[0]))
        else:
            held = self.value(columns) if columns is not None else None
            if not isinstance(held, dict) or not held:
                self.replay.not_replayed(
                    f"{what} of table '{table}' with columns that are not a literal array",
                    "cnsnt cannot tell its columns",
                    *self.place(columns if columns is not None else call),
                )
                return
            entries = [(None, (key, written), call) for key, written in held.items()]
        pieces: list[str | tuple[str, Node]] = ["CREATE TABLE ", _quoted(table), " ("]
        first = True
        for key, held_entry, type_node in entries:
            if held_entry is not None:  # from a variable: placed at the call
                name, written = held_entry
                if not isinstance(written, str) or not name or name.isdigit():
                    continue
                pieces.extend(["" if first else ", ", _quoted(name), " ", column_type(written)])
            elif key is not None:
                name = self.name(key, what, key)
                sql = self.column_sql(type_node, table, name, what) if name is not None else None
                if name is None or sql is None:
                    continue
                pieces.extend([("" if first else ", ", key), (_quoted(name), key), " ", sql])
            else:
                written = self.value(type_node)
                if not isinstance(written, str):
                    self.replay.report(
                        f"{what}: a constraint of table '{table}' that is not a literal; not read",
                        *self.place(type_node),
                        Severity.WARNING,
                    )
                    continue
                pieces.extend([("" if first else ", ", type_node), (written, type_node)])
            first = False
        if first:
            pieces.append("`cnsnt_none` int")  # a table of no column: still a table
        pieces.append(")")
        self.emit(call, *pieces)
        if first:
            self.emit(call, "ALTER TABLE ", _quoted(table), " DROP COLUMN `cnsnt_none`")

    def foreign_key(self, table: str, positional: list[Node], call: Node, what: str) -> None:
        """`addForeignKey('fk', '{{%post}}', 'user_id', '{{%user}}', 'id')`."""
        values = [positional[i] if len(positional) > i else None for i in range(5)]
        name = self.name(values[0], what, call)
        columns = self.columns(values[2], what, call)
        target = self.table(values[3], what, call)
        refs = self.columns(values[4], what, call)
        if name is None or columns is None or target is None or refs is None:
            return
        head = ("ALTER TABLE ", _quoted(table), " ADD CONSTRAINT ", _quoted(name))
        self.emit(call, *head, " FOREIGN KEY (", columns, ") REFERENCES ", _quoted(target), " (", refs, ")")

    def comment(self, method: str, table: str, positional: list[Node], call: Node, what: str) -> None:
        """`addCommentOnColumn`, `addCommentOnTable` and their drops, set on the replayed table."""
        self.flush()
        found = self.replay.find(table, None, *self.place(call), what)
        if found is None:
            return
        if method.endswith("table"):
            text = (
                self.value(positional[1]) if method == "addcommentontable" and len(positional) > 1 else None
            )
            found.comment = text if isinstance(text, str) else None
            return
        column = self.name(positional[1] if len(positional) > 1 else None, what, call)
        col = self.replay.column(found, column, *self.place(call), what) if column is not None else None
        if col is not None:
            text = (
                self.value(positional[2]) if method == "addcommentoncolumn" and len(positional) > 2 else None
            )
            col.comment = text if isinstance(text, str) else None

    def execute(self, arg: Node, call: Node, what: str) -> None:
        """SQL the migration runs itself (`{{%table}}` read as `table`), after what came before it."""
        self.flush()
        self.replay_sql_arg(arg, call, what, self.dialect, self.max_statement, clean=unbraced)
