"""Schema evidence from CodeIgniter migrations (3: `application/migrations`, 4: `app/Database/Migrations`).

CodeIgniter's migration runner takes the `*.php` files of the folder whose names start
with a version: a number in CodeIgniter 3 (`001_add_users.php`, sequential, or
`20121031100537_add_users.php`, timestamp), a date and time in CodeIgniter 4
(`2020-02-22-101010_AddUsers.php`); it runs them in version order (CodeIgniter 3 sorts
the numbers, CodeIgniter 4 the digits of the version and then the class). cnsnt replays
them in that order on the tables built so far (`replay.Replay`). Each file is parsed,
never run, with tree-sitter's PHP grammar; the `up()` method of the migration class is
replayed (`php_syntax.PhpMigration`: `$this->helper()` calls followed, `foreach` over a
literal array or a property run once per item, `try` blocks), with:

- the Database Forge, `$this->dbforge` (3, snake_case) or `$this->forge` (4, camelCase,
  calls chained or not): `add_field` (an array `'name' => ['type' => 'VARCHAR',
  'constraint' => 100, 'unsigned' => TRUE, 'comment' => '...']`, the string `'id'`, or a
  raw column definition such as `'label VARCHAR(100) NOT NULL'`), `add_key('id', TRUE)`
  and `addPrimaryKey` (the primary key), `addForeignKey('user_id', 'users', 'id')`
  (named `{table}_{columns}_foreign` unless a name is given, as CodeIgniter 4 names it),
  `create_table` (with `if_not_exists` and a `comment` attribute), `add_column` (with
  `'after'` and `'first'`), `modify_column` (`'old' => ['name' => 'new', 'type' => ...]`),
  `drop_column`, `drop_table`, `rename_table`, `dropForeignKey`, `dropPrimaryKey`;
- `$this->db->query('...')` (and `simpleQuery`): the SQL replayed in its turn, MySQL
  by default, placed in the PHP string (`php_syntax.PhpMigration.replay_sql_arg`);
- `if ($this->db->table_exists('x'))`, `field_exists('col', 'x')` (`tableExists`,
  `fieldExists`) decided on the schema replayed so far, as on a fresh database.

Names are read without the connection's table prefix, as the Forge takes them:
`$this->db->dbprefix('users')` and `prefixTable('users')` are `users`, the prefix itself
(`$this->db->dbprefix`, `DBPrefix`) is ''. Types are what the MySQL Forge writes: the
`type` upper-cased, its `constraint` in parentheses (`VARCHAR(100)`, `DECIMAL(10,2)`;
ENUM and SET values quoted, `ENUM('a','b')`), ` UNSIGNED` when `unsigned` is TRUE and the
type is numeric; a type that holds its own parentheses is kept as written; the `'id'`
shortcut is `INT(9)`, the primary key. A raw definition is read as MySQL reads it.
Nullability, defaults and indexes other than the primary key are not evidence and are
left out.

What cnsnt cannot know is reported as CN001 with its line, never guessed: a table or
column name that is no literal (a name from `config()`, a variable set elsewhere), fields
that are not an array written in the file, an array spread (`...$common`), schema
changes in a `for`/`while` loop or under an `if` that tests anything else (every branch is
replayed, with a warning, when none drops, renames or changes anything), SQL built
from values cnsnt cannot read, a function of the project given an SQL file
(`executeScript(APPPATH . 'x.sql')`: a warning), and Forge calls it does not know.
"""

from __future__ import annotations

import re
from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.grammars import SourceFile
from cnsnt.sources.schemas.php_syntax import (
    PhpMigration,
    Value,
    cut,
    fk_name,
    replay_php_entry,
)
from cnsnt.sources.schemas.rails_schema import Node
from cnsnt.sources.schemas.replay import Replay, table_key
from cnsnt.sql.ddl import parse_ddl

#: CodeIgniter 3's file names (`001_add_users`, `20121031100537_add_users`) and 4's.
_CI3_NAME = re.compile(r"^(\d+)_(\w+)$")
_CI4_NAME = re.compile(r"^(\d{4})[_-]?(\d{2})[_-]?(\d{2})[_-]?(\d{6})_(\w+)$")
#: Types the MySQL Forge makes UNSIGNED when `unsigned` is TRUE.
_NUMERIC = frozenset(
    {
        "TINYINT",
        "SMALLINT",
        "MEDIUMINT",
        "INT",
        "INTEGER",
        "BIGINT",
        "REAL",
        "DOUBLE",
        "DOUBLE PRECISION",
        "FLOAT",
        "DECIMAL",
        "NUMERIC",
    }
)
#: Forge methods (lower-cased, without `_`) that change nothing cnsnt reports.
_FORGE_NO_SCHEMA = frozenset(
    {"adduniquekey", "dropkey", "createdatabase", "dropdatabase", "processindexes", "getconnection"}
)
#: `$this->db` methods that run SQL.
_DB_SQL = frozenset({"query", "simplequery"})
#: `$this->db` methods that return a table's name with the prefix (read without it).
_DB_PREFIXED = frozenset({"dbprefix", "prefixtable"})


def is_codeigniter_migration(head: str) -> bool:
    """Whether the start of a PHP file looks like a CodeIgniter 3 or 4 migration."""
    return (
        "CI_Migration" in head
        or "CodeIgniter\\Database\\Migration" in head
        or "$this->dbforge->" in head
        or "$this->forge->" in head
        or ("class Migration_" in head and "extends" in head)  # CodeIgniter 3's class names
    )


def migration_version(path: Path) -> int | None:
    """The version a CodeIgniter file name carries (`001_x.php` -> 1), None when it has none."""
    if path.suffix.lower() != ".php":
        return None
    stem = path.name[: -len(".php")]
    found = _CI4_NAME.match(stem)
    if found is not None:
        return int("".join(found.groups()[:4]))
    found = _CI3_NAME.match(stem)
    return int(found.group(1)) if found is not None else None


def read_codeigniter_migrations(paths: list[Path], spec: SourceSpec, ctx: SourceContext) -> Evidence:
    """The tables a CodeIgniter migrations folder leaves behind, files replayed in version order."""
    runner = (
        lambda p: (version, p.name) if (version := migration_version(p)) is not None else None,
        "not a CodeIgniter migration file name (<version>_<name>.php): the migration runner "
        "does not run it, so it is not replayed",
    )
    return replay_php_entry(paths, spec, ctx, runner, _Migration, "CodeIgniter migrations")


def _method(text: str) -> str:
    """`add_field`, `addField` -> `addfield`: CodeIgniter 3's and 4's names of one Forge method."""
    return text.replace("_", "").lower()


class _Field:
    """A field given to the Forge (`add_field`, `add_column`), at the place it is written."""

    def __init__(self, name: str | None, spec: Value, at: Node, raw: Node | None = None) -> None:
        self.name = name
        self.spec = spec
        """The attributes (`type`, `constraint`, ...), keys lower-cased."""
        self.at = at
        self.raw = raw
        """The string of a raw column definition (`'label VARCHAR(100) NOT NULL'`)."""


class _Migration(PhpMigration):
    """One CodeIgniter migration file replayed on the tables built so far."""

    TESTS = "`$this->db->table_exists`/`field_exists`"

    def __init__(self, file: SourceFile, replay: Replay, dialect: str, max_statement: int) -> None:
        super().__init__(file, replay)
        self.dialect = dialect
        self.max_statement = max_statement
        self.fields: list[_Field] = []
        """What `add_field` gave since the last `create_table` (the Forge's pending fields)."""
        self.primary: list[str] = []
        self.foreign: list[tuple[tuple[str, ...], str, tuple[str, ...], str | None]] = []
        self.pending_at: Node | None = None
        self.forges: set[str] = {"$this->dbforge", "$this->forge"}
        self.dbs: set[str] = {"$this->db"}
        self.nodes: dict[str, Node] = {}
        """The expression each local variable was last set to (`$fields = [...]`), for places."""

    def run(self, root: Node) -> int:
        """Replay the file's migration classes; fields left without a `create_table` are said."""
        count = super().run(root)
        self.left_pending()
        return count

    # -- what a node is

    def target(self, call: Node) -> str:
        return self.text(call.child_by_field_name("object"))

    def forge_chain(self, node: Node) -> list[Node] | None:
        """`$this->forge->addField(..)->addKey(..)`: its calls in order; None: not a Forge call."""
        chain: list[Node] = []
        while node.type == "member_call_expression":
            chain.append(node)
            inner = node.child_by_field_name("object")
            if inner is None:
                return None
            if self.text(inner) in self.forges:
                chain.reverse()
                return chain
            node = inner
        return None

    def db_method(self, node: Node) -> str | None:
        """`query` for `$this->db->query(...)`, else None."""
        if node.type != "member_call_expression" or self.target(node) not in self.dbs:
            return None
        return _method(self.text(node.child_by_field_name("name")))

    def changes_here(self, node: Node) -> bool:
        if node.type != "member_call_expression":
            return False
        chain = self.forge_chain(node)
        if chain is not None:
            return any(
                _method(self.text(c.child_by_field_name("name"))) not in _FORGE_NO_SCHEMA for c in chain
            )
        if self.db_method(node) in _DB_SQL:
            arg = self.arg(node, 0, "sql")
            return arg is not None and self.sql_changes(arg, self.dialect)
        return False

    def test(self, node: Node) -> bool | None:
        method = self.db_method(node)
        if method not in ("tableexists", "fieldexists"):
            return None
        values = [self.value(a) for a in self.arguments(node)[0]]
        if method == "tableexists":
            if not values or not isinstance(values[0], str):
                return None
            return table_key(values[0]) in self.replay.tables
        if len(values) < 2 or not isinstance(values[0], str) or not isinstance(values[1], str):
            return None
        table = self.replay.tables.get(table_key(values[1]))
        return table is not None and any(c.name.casefold() == values[0].casefold() for c in table.columns)

    def value_other(self, node: Node) -> Value:
        """`$this->db->dbprefix('users')` -> `users`; the prefix itself (`DBPrefix`) -> ''."""
        if node.type == "member_call_expression" and self.db_method(node) in _DB_PREFIXED:
            return self.value(self.arg(node, 0, "table"))
        if node.type == "member_access_expression" and self.target(node) in self.dbs:
            name = self.text(node.child_by_field_name("name")).lower()
            return "" if name == "dbprefix" else None
        if node.type == "member_call_expression" and self.db_method(node) == "getprefix":
            return ""
        return None

    # -- statements

    def expression(self, expr: Node) -> None:
        if expr.type == "assignment_expression":
            left, right = expr.child_by_field_name("left"), expr.child_by_field_name("right")
            if left is not None and left.type == "variable_name" and right is not None:
                name = self.text(left)
                self.vars[name] = self.value(right)
                self.nodes[name] = right
                self.alias(name, right)
            if right is not None and self.changes_schema(right):
                self.expression(right)
            return
        chain = self.forge_chain(expr)
        if chain is not None:
            for call in chain:
                self.forge_call(call)
            return
        if expr.type == "member_call_expression":
            if self.text(expr.child_by_field_name("object")) == "$this":
                name = self.text(expr.child_by_field_name("name")).lower()
                if name in self.methods:
                    self.follow(name, self.methods[name])
                    return
            method = self.db_method(expr)
            if method in _DB_SQL:
                arg = self.arg(expr, 0, "sql")
                if arg is not None:
                    written = self.text(expr.child_by_field_name("name"))
                    self.replay_sql_arg(
                        arg, expr, f"`$this->db->{written}`", self.dialect, self.max_statement
                    )
                return
        if expr.type == "function_call_expression" and ".sql" in self.text(
            expr.child_by_field_name("arguments")
        ):
            self.replay.report(  # a project's helper (`executeScript(APPPATH . 'x.sql')`): not followed
                f"{cut(self.text(expr), 80)} runs an SQL file through a function cnsnt does not follow: "
                "not replayed, so tables or columns it makes may be missing (a schemas: entry of its own "
                "reads the file)",
                *self.place(expr),
                Severity.WARNING,
            )
            return
        if self.changes_schema(expr):
            self.replay.not_replayed(
                "schema changes inside an expression", "cnsnt does not run the migration", *self.place(expr)
            )

    def forget(self, variable: str) -> None:
        """The variable's array changed in place (`$fields['x'] = [...]`): its fields are not known."""
        super().forget(variable)
        self.nodes.pop(variable, None)

    def alias(self, name: str, right: Node) -> None:
        r"""`$forge = \\Config\\Database::forge()`, `$db = $this->db`: the variable is the Forge (or db)."""
        written = self.text(right)
        called = ""
        if right.type in ("scoped_call_expression", "function_call_expression"):
            field = "name" if right.type == "scoped_call_expression" else "function"
            called = self.text(right.child_by_field_name(field)).rsplit("\\", 1)[-1].lower()
        if written in self.forges or called == "forge":
            self.forges.add(name)
        elif written in self.dbs or called in ("connect", "db_connect"):
            self.dbs.add(name)
        else:
            self.forges.discard(name)
            self.dbs.discard(name)

    # -- the Forge

    def forge_call(self, call: Node) -> None:
        written = self.text(call.child_by_field_name("name"))
        method = _method(written)
        what = f"`{written}`"
        place = self.place(call)
        positional, _ = self.arguments(call)
        if method in _FORGE_NO_SCHEMA:
            return
        if method == "addfield":
            self.add_fields(positional[0] if positional else None, call, what, self.fields)
            self.pending_at = self.pending_at or call
        elif method in ("addkey", "addprimarykey"):
            keys = self.value(positional[0]) if positional else None
            primary = method == "addprimarykey" or (len(positional) > 1 and self.value(positional[1]) is True)
            if primary:
                names = keys if isinstance(keys, list) else [keys]
                if not all(isinstance(k, str) for k in names):
                    self.name(None, what, call)
                    return
                self.primary.extend(str(k) for k in names)
        elif method == "addforeignkey":
            self.add_foreign(call, what)
        elif method == "createtable":
            self.create_table(call, what)
        elif method in ("addcolumn", "modifycolumn"):
            name = self.name(positional[0] if positional else None, what, call)
            fields: list[_Field] = []
            self.add_fields(positional[1] if len(positional) > 1 else None, call, what, fields)
            self.fields, self.primary, self.foreign, self.pending_at = [], [], [], None  # the Forge resets
            if name is None:
                return
            table = self.replay.find_or_make(name, None, *place, what)
            if method == "addcolumn":
                after = self.value(positional[2]) if len(positional) > 2 else None
                for field in fields:
                    self.add_column(table, field, after if isinstance(after, str) else None)
            else:
                for field in fields:
                    self.modify_column(table, field, what)
        elif method == "dropcolumn":
            name = self.name(positional[0] if positional else None, what, call)
            columns = self.value(positional[1]) if len(positional) > 1 else None
            listed = columns if isinstance(columns, list) else str(columns).split(",")
            if name is None:
                return
            if not isinstance(columns, (str, list)) or not all(isinstance(c, str) for c in listed):
                self.name(None, what, call)
                return
            found = self.replay.find(name, None, *place, what)
            for column in listed:
                if found is not None and column.strip():
                    self.replay.remove_column(found, column.strip(), *place, what)
        elif method == "droptable":
            name = self.name(positional[0] if positional else None, what, call)
            if_exists = len(positional) > 1 and self.value(positional[1]) is True
            if name is not None and (not if_exists or table_key(name) in self.replay.tables):
                self.replay.drop(name, None, *place, what)
        elif method == "renametable":
            old = self.name(positional[0] if positional else None, what, call)
            new = self.name(positional[1] if len(positional) > 1 else None, what, call)
            if old is not None and new is not None:
                self.replay.rename_table(old, new, None, *place, what)
        elif method == "dropforeignkey":
            self.drop_foreign(call, what)
        elif method == "dropprimarykey":
            name = self.name(positional[0] if positional else None, what, call)
            found = self.replay.find(name, None, *place, what) if name is not None else None
            for column in found.columns if found is not None else []:
                column.primary_key = False
        else:
            self.replay.report(
                f"{what} is not a Forge method cnsnt knows: not replayed", *place, Severity.WARNING
            )

    def add_fields(self, node: Node | None, call: Node, what: str, out: list[_Field]) -> None:
        """The fields of an `add_field` argument: an array written here or in a variable, or `'id'`."""
        if node is not None and node.type == "variable_name" and self.text(node) in self.nodes:
            node = self.nodes[self.text(node)]  # `$fields = [...]; add_column('t', $fields)`
        if node is not None and node.type in ("string", "encapsed_string"):
            spelled = self.value(node)
            if isinstance(spelled, str):
                out.append(self.string_field(spelled, node))
                return
        if node is None or node.type != "array_creation_expression":
            self.replay.not_replayed(
                f"{what} of {cut(self.text(node), 60) if node is not None else 'no fields'}",
                "the fields are not an array written in the migration",
                *self.place(node if node is not None else call),
            )
            return
        for element in node.named_children:
            if element.type != "array_element_initializer" or not element.named_children:
                continue
            parts = element.named_children
            if parts[0].type == "variadic_unpacking":
                self.replay.not_replayed(
                    f"{what}: fields spread from {cut(self.text(parts[0]), 40)}",
                    "cnsnt reads only fields written in the array",
                    *self.place(parts[0]),
                )
                continue
            if len(parts) == 1:
                spelled = self.value(parts[0])
                if isinstance(spelled, str):
                    out.append(self.string_field(spelled, parts[0]))
                else:
                    self.name(None, what, parts[0])
                continue
            key, spec = parts[0], parts[1]
            name = self.name(key, f"{what}: a field", key)
            if name is None:
                continue
            attrs = self.value(spec)
            if isinstance(attrs, list) and not attrs:
                attrs = {}
            if not isinstance(attrs, dict):
                self.replay.not_replayed(
                    f"{what}: the field '{name}'",
                    "its attributes are not an array cnsnt can read",
                    *self.place(spec),
                )
                continue
            out.append(_Field(name, {str(k).lower(): v for k, v in attrs.items()}, key))

    def string_field(self, spelled: str, node: Node) -> _Field:
        """`'id'` (CodeIgniter's INT(9) auto-increment primary key) or a raw column definition."""
        if spelled.strip() == "id":
            return _Field(
                "id", {"type": "INT", "constraint": 9, "auto_increment": True, "primary": True}, node
            )
        return _Field(None, {}, node, raw=node)

    def column_of(self, field: _Field, what: str) -> ModelColumn | None:
        """The column a field defines, typed as the MySQL Forge writes it."""
        line, column = self.place(field.at)
        if field.raw is not None:
            return self.raw_column(field.raw, what)
        assert field.name is not None
        spec = field.spec
        comment = spec.get("comment")
        made = ModelColumn(field.name, line, column, self.type_of(spec, field, what))
        made.comment = comment if isinstance(comment, str) else None
        made.primary_key = spec.get("primary") is True
        return made

    def type_of(self, spec: dict[str, Value], field: _Field, what: str) -> str | None:
        kind = spec.get("type")
        if kind is None:
            return None
        if not isinstance(kind, str) or not kind.strip():
            self.replay.report(
                f"{what}: the type of field '{field.name}' is not a literal cnsnt can read; "
                "read without a type",
                *self.place(field.at),
                Severity.WARNING,
            )
            return None
        written = " ".join(kind.split()).upper()
        size = spec.get("constraint")
        if size is not None and "(" not in written:
            if isinstance(size, list) and written in ("ENUM", "SET"):
                written += "(" + ",".join("'" + str(v).replace("'", "''") + "'" for v in size) + ")"
            elif isinstance(size, list):
                written += "(" + ",".join(str(v) for v in size) + ")"
            elif isinstance(size, (str, int)) and not isinstance(size, bool):
                written += f"({size})"
        if spec.get("unsigned") is True and written.split("(")[0] in _NUMERIC:
            written += " UNSIGNED"
        return written

    def raw_column(self, node: Node, what: str) -> ModelColumn | None:
        """A raw column definition (`'label VARCHAR(100) NOT NULL'`), read as MySQL reads it."""
        spelled = self.value(node)
        line, column = self.place(node)
        parsed = parse_ddl(f"CREATE TABLE t ({spelled});", self.dialect) if isinstance(spelled, str) else None
        columns = parsed.tables[0].columns if parsed is not None and parsed.tables else ()
        if len(columns) != 1:
            self.replay.not_replayed(
                f"{what}: the field {cut(self.text(node), 60)}",
                "it is not a column definition cnsnt can read",
                line,
                column,
            )
            return None
        found = columns[0]
        return ModelColumn(found.name, line, column, found.type, found.comment, found.primary_key)

    def create_table(self, call: Node, what: str) -> None:
        positional, _ = self.arguments(call)
        place = self.place(call)
        fields, primary, foreign = self.fields, self.primary, self.foreign
        self.fields, self.primary, self.foreign, self.pending_at = [], [], [], None
        name = self.name(positional[0] if positional else None, what, call)
        if name is None:
            return
        if_not_exists = len(positional) > 1 and self.value(positional[1]) is True
        if if_not_exists and table_key(name) in self.replay.tables:
            return
        if not fields:
            self.replay.report(
                f"{what}: no field cnsnt read was added for table '{name}' (CodeIgniter refuses a "
                "table without fields): no table made",
                *place,
                Severity.WARNING,
            )
            return
        table = ModelTable(name, self.file.shown, *place)
        for field in fields:
            made = self.column_of(field, what)
            if made is not None:
                table.add(made)
        wanted = {p.casefold() for p in primary}
        for column in table.columns:
            column.primary_key = column.primary_key or column.name.casefold() in wanted
        attributes = self.value(positional[2]) if len(positional) > 2 else None
        if isinstance(attributes, dict):
            comment = next((v for k, v in attributes.items() if str(k).lower() == "comment"), None)
            table.comment = comment if isinstance(comment, str) else None
        self.replay.create(table)
        for columns, target, refs, given in foreign:
            self.replay.add_foreign_key(
                table, ForeignKey(columns, target, refs), given or fk_name(table.name, columns)
            )

    def add_column(self, table: ModelTable, field: _Field, after: str | None) -> None:
        made = self.column_of(field, "`add_column`")
        if made is None:
            return
        self.replay.add_column(table, made)
        where = field.spec.get("after", after)
        if field.spec.get("first") is True or isinstance(where, str):
            columns = [c for c in table.columns if c is not made]
            index = 0
            if isinstance(where, str) and field.spec.get("first") is not True:
                index = next(
                    (i + 1 for i, c in enumerate(columns) if c.name.casefold() == where.casefold()),
                    len(columns),
                )
            columns.insert(index, made)
            table.columns = columns

    def modify_column(self, table: ModelTable, field: _Field, what: str) -> None:
        if field.raw is not None or field.name is None:
            self.replay.not_replayed(
                f"{what}: the field {cut(self.text(field.at), 60)}",
                "modify_column takes the old name as the key",
                *self.place(field.at),
            )
            return
        line, col = self.place(field.at)
        existing = self.replay.column(table, field.name, line, col, what)
        if existing is None:
            return
        new = field.spec.get("name")
        if isinstance(new, str) and new and new.casefold() != field.name.casefold():
            self.replay.rename_column(table, field.name, new, line, col, what)
        type_ = self.type_of(field.spec, field, what)
        if type_ is not None:
            existing.type = type_
        comment = field.spec.get("comment")
        if isinstance(comment, str):
            existing.comment = comment

    def add_foreign(self, call: Node, what: str) -> None:
        """`addForeignKey('user_id', 'users', 'id', 'CASCADE', 'CASCADE', 'name')`, made at `createTable`."""
        positional, named = self.arguments(call)
        values = [self.value(p) for p in positional]
        names = ["fieldname", "tablename", "tablefield", "onupdate", "ondelete", "fkname"]
        for index, key in enumerate(names):
            if key in named and index >= len(values):
                values.extend([None] * (index - len(values) + 1))
                values[index] = self.value(named[key])
        columns = values[0] if values and isinstance(values[0], list) else values[:1]
        refs = values[2] if len(values) > 2 and isinstance(values[2], list) else values[2:3]
        target = values[1] if len(values) > 1 else None
        if (
            not columns
            or not refs
            or not isinstance(target, str)
            or not all(isinstance(c, str) for c in [*columns, *refs])
        ):
            self.replay.report(
                f"{what}: a foreign key without literal columns and table; not read",
                *self.place(call),
                Severity.WARNING,
            )
            return
        given = values[5] if len(values) > 5 and isinstance(values[5], str) and values[5] else None
        self.foreign.append((tuple(map(str, columns)), target, tuple(map(str, refs)), given))

    def drop_foreign(self, call: Node, what: str) -> None:
        """`dropForeignKey('posts', 'posts_user_id_foreign')`: by the name it was given or made with."""
        positional, _ = self.arguments(call)
        name = self.name(positional[0] if positional else None, what, call)
        key = self.value(positional[1]) if len(positional) > 1 else None
        if name is None:
            return
        if not isinstance(key, str):
            self.name(None, what, call)
            return
        table = self.replay.find(name, None, *self.place(call), what)
        if table is not None:
            self.drop_foreign_named(table, key, what, call)

    def left_pending(self) -> None:
        """Fields given to `add_field` that no `create_table` of the file used: said, not made."""
        if self.fields and self.pending_at is not None:
            self.replay.report(
                "`add_field` without a `create_table` after it in this file: its fields make no table",
                *self.place(self.pending_at),
                Severity.WARNING,
            )
        self.fields, self.primary, self.foreign, self.pending_at = [], [], [], None
