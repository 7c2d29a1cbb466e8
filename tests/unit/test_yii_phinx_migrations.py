"""Yii 2 and Phinx / CakePHP migrations: parsed with tree-sitter-php, replayed in the framework's order."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.read_fixes import EVERY_BRANCH, UNTYPED_COLUMN
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, discover
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files


def yii(name: str, body: str, method: str = "safeUp") -> str:
    return (
        "<?php\n\nuse yii\\db\\Migration;\nuse yii\\db\\Schema;\n\n"
        f"class {name} extends Migration\n{{\n    public function {method}()\n    {{\n{body}    }}\n\n"
        "    public function safeDown()\n    {\n        $this->dropTable('{{%user}}');\n    }\n}\n"
    )


def problems(ev: Evidence) -> list[tuple[str | None, int | None, Severity | None, str]]:
    return [(p.location.path, p.location.line, p.severity, p.message) for p in ev.problems]


YII = {
    # a module's folder: its timestamp is later, so it runs after the app's, whatever the paths
    "modules/blog/migrations/m200101_000000_create_post_table.php": yii(
        "m200101_000000_create_post_table",
        """\
        $this->createTable('{{%post}}', [
            'id' => $this->bigPrimaryKey()->unsigned(),
            'user_id' => $this->integer()->notNull(),
            'title' => Schema::TYPE_STRING . ' NOT NULL',
            'body' => 'text',
            'price' => $this->decimal(10, 2),
        ]);
        $this->addForeignKey('fk_post_user', '{{%post}}', 'user_id', '{{%user}}', 'id', 'CASCADE');
        $this->addColumn('{{%user}}', 'phone', $this->string(32)->comment('mobile'));
""",
    ),
    "migrations/m150101_185401_create_user_table.php": yii(
        "m150101_185401_create_user_table",
        """\
        $this->createTable('{{%user}}', [
            'id' => $this->primaryKey(),
            'email' => $this->string(255)->notNull()->unique()->comment('login'),
            'status' => $this->smallInteger()->notNull()->defaultValue(10),
            'active' => $this->boolean(),
            'born' => 'date DEFAULT NULL',
            'legacy' => 'varchar(45) NOT NULL',
        ], $tableOptions);
        $this->createTable('tmp', ['code' => 'string(64) NOT NULL', 'PRIMARY KEY (code)']);
""",
    ),
    "migrations/m210101_000000_reshape.php": yii(
        "m210101_000000_reshape",
        """\
        $this->renameColumn('{{%user}}', 'legacy', 'nickname');
        $this->alterColumn('{{%user}}', 'status', $this->integer()->unsigned());
        $this->dropColumn('{{%user}}', 'active');
        $this->addCommentOnColumn('{{%user}}', 'born', 'birth date');
        $this->renameTable('tmp', 'codes');
        $this->execute('ALTER TABLE {{%user}} ADD [[iban]] VARCHAR(34)');
        if ($this->db->getTableSchema('{{%codes}}', true) === null) {
            $this->dropTable('{{%user}}');
        }
        $this->helper();
""",
        method="up",
    ).replace(
        "    public function safeDown()",
        "    private function helper()\n    {\n        $this->addColumn('{{%codes}}', 'note', Schema::TYPE_TEXT);\n"
        "    }\n\n    public function safeDown()",
    ),
}


def read_yii(
    tmp_path: Path, files: dict[str, str], pattern: str = "**/migrations/*.php", fmt: str | None = "yii"
):
    write_files(tmp_path, files)
    return read_entry(tmp_path, pattern, fmt, None)


def test_yii_migrations_are_replayed_by_timestamp_to_the_final_schema(tmp_path: Path):
    ev = read_yii(tmp_path, YII)
    assert [t.name for t in ev.tables] == ["user", "codes", "post"]
    assert names(ev, "user") == ["id", "email", "status", "born", "nickname", "phone", "iban"]
    types = {c.name: c.type for c in table(ev, "user").columns}
    assert types == {
        "id": "INT(11)",
        "email": "VARCHAR(255)",
        "status": "INT(11) UNSIGNED",
        "born": "DATE",
        "nickname": "VARCHAR(45)",
        "phone": "VARCHAR(32)",
        "iban": "VARCHAR(34)",
    }
    assert column(ev, "user.id").primary_key
    assert column(ev, "user.email").comment == "login"
    assert column(ev, "user.born").comment == "birth date"
    assert column(ev, "user.phone").comment == "mobile"
    assert {c.name: c.type for c in table(ev, "post").columns} == {
        "id": "BIGINT(20) UNSIGNED",
        "user_id": "INT(11)",
        "title": "VARCHAR(255)",
        "body": "TEXT",
        "price": "DECIMAL(10, 2)",
    }
    assert column(ev, "post.id").primary_key
    assert table(ev, "post").foreign_keys == (ForeignKey(("user_id",), "user", ("id",)),)
    assert names(ev, "codes") == ["code", "note"] and column(ev, "codes.code").primary_key
    # placed where written: the renamed column at the rename, the added one at its name
    assert where(column(ev, "user.nickname")) == ("migrations/m210101_000000_reshape.php", 10)
    assert where(column(ev, "user.phone")) == (
        "modules/blog/migrations/m200101_000000_create_post_table.php",
        18,
    )
    assert where(table(ev, "post")) == ("modules/blog/migrations/m200101_000000_create_post_table.php", 10)
    assert ev.problems == []  # the guard is decided: `codes` is there, so `user` is not dropped
    assert ev.counts["migrations"] == 3


def test_yii_what_cannot_be_read_is_a_cn001_with_its_line(tmp_path: Path):
    files = {
        "migrations/m150101_000000_a.php": yii(
            "m150101_000000_a",
            """\
        $this->createTable(static::tableName(), ['id' => $this->primaryKey()]);
        $this->createTable('person', ['id' => 'pk', 'kind' => $this->customType()]);
        foreach ($this->db->schema->tableNames as $t) {
            $this->addColumn($t, 'x', 'int');
        }
        if ($this->isInitialInstallation()) {
            $this->addColumn('person', 'y', 'int');
        }
        $this->createPersonIndexes();
        $this->addColumnsFromParent('person');
        $this->execute($sql);
        $this->insert('person', ['id' => 1]);
""",
        ),
        "migrations/README.php": "<?php\n",
    }
    ev = read_yii(tmp_path, files, "migrations/*.php")
    shown = "migrations/m150101_000000_a.php"
    assert names(ev, "person") == ["id", "kind", "y"]  # the `if` only adds: replayed, with a warning
    assert column(ev, "person.kind").type is None
    assert {p.fix for p in ev.problems if "without its type" in p.message or "every branch" in p.message} == {
        UNTYPED_COLUMN, EVERY_BRANCH
    }
    assert problems(ev) == [
        ("migrations/README.php", 1, Severity.WARNING,
         "not a Yii migration file name (m<YYMMDD_HHMMSS>_<name>.php): `yii migrate` does not run it, "
         "so it is not replayed"),
        (shown, 10, None, "`$this->createTable()`: the name is not a literal cnsnt can read; not replayed, "
         "so tables or columns it makes may be missing"),
        (shown, 11, Severity.WARNING, "`$this->createTable()`: the type of column 'kind' is not a literal "
         "cnsnt can read (`$this->customType()`); the column is read without its type"),
        (shown, 12, None, "schema changes in a `foreach`: cnsnt does not run loops; not replayed, so tables "
         "or columns it makes may be missing"),
        (shown, 15, Severity.WARNING, "schema changes under an `if` whose condition is no `getTableSchema()`, "
         "`tableExists()` or `columnExists()` test: cnsnt does not run the migration, so every branch is "
         "replayed (they only add tables, columns or indexes); what one adds may not be in the database"),
        (shown, 19, Severity.WARNING, "`$this->addColumnsFromParent()` is no `Migration` method cnsnt knows nor "
         "one of this class (a parent class's?): not replayed, so tables or columns it changes may be missing"),
        (shown, 20, Severity.WARNING, "`$this->execute()`: the SQL is not a literal cnsnt can read (`$sql`); "
         "not replayed, so tables or columns it changes may be missing"),
    ]  # fmt: skip


def test_yii_runs_namespaced_and_underscoreless_names(tmp_path: Path):
    """`yii migrate` takes `m<12 digits>` with or without the `_`, and `M...` (namespaced migrations)."""
    files = {
        "migrations/m200102120000_add_phone.php": yii(
            "m200102120000_add_phone", "        $this->addColumn('{{%user}}', 'phone', $this->string());\n"
        ),
        "migrations/M200101120000CreateUser.php": yii(
            "M200101120000CreateUser",
            "        $this->createTable('{{%user}}', ['id' => $this->primaryKey(), 'email' => $this->string()]);\n",
        ).replace("<?php\n", "<?php\nnamespace app\\migrations;\n"),
        "migrations/m200103120000.php": yii("m200103120000", "        $this->dropTable('{{%user}}');\n"),
    }
    ev = read_yii(tmp_path, files, "migrations/*.php")
    assert names(ev, "user") == ["id", "email", "phone"]
    assert [(path, line) for path, line, _, _ in problems(ev)] == [("migrations/m200103120000.php", 1)]
    assert discover(tmp_path) == [Found("schemas", "migrations/*.php", format="yii")]


def test_yii_migrations_are_told_from_laravel_ones(tmp_path: Path):
    """HumHub's migrations say `Schema::TYPE_STRING` and `extends Migration`: Yii's, not Laravel's."""
    write_files(tmp_path, YII)
    for name in YII:
        assert detect(tmp_path / name) == "yii"
    ev = read_entry(tmp_path, "migrations/*.php", None, None)
    assert [t.name for t in ev.tables] == ["user", "codes"]


def test_a_codeigniter_migration_with_a_create_table_helper_is_not_yii(tmp_path: Path):
    """CodeIgniter Shield's migration `extends Migration` and calls its own `$this->createTable()` helper."""
    name = "app/Database/Migrations/2020-12-28-223112_create_auth_tables.php"
    write_files(
        tmp_path,
        {
            name: "<?php\n\nnamespace App\\Database\\Migrations;\n\nuse CodeIgniter\\Database\\Migration;\n\n"
            "class CreateAuthTables extends Migration\n{\n    public function up(): void\n    {\n"
            "        $this->forge->addField(['id' => ['type' => 'INT'], 'email' => ['type' => 'VARCHAR']]);\n"
            "        $this->createTable('users');\n    }\n\n"
            "    private function createTable(string $name): void\n    {\n"
            "        $this->forge->createTable($name, false);\n    }\n}\n"
        },
    )
    assert detect(tmp_path / name) == "codeigniter"
    ev = read_entry(tmp_path, "app/Database/Migrations/*.php", None, None)
    assert not any("Yii" in p.message for p in ev.problems)
    assert [(p.location.line, p.message.split(":")[0]) for p in ev.problems] == [(17, "`createTable`")]


def test_humhub_safe_helpers_run_when_the_schema_lets_them(tmp_path: Path):
    files = {
        "migrations/m150101_000000_a.php": yii(
            "m150101_000000_a",
            """\
        $this->safeCreateTable('user', ['id' => 'pk', 'email' => 'string']);
        $this->safeCreateTable('user', ['id' => 'pk', 'other' => 'string']);
        $this->safeAddColumn('user', 'email', 'text');
        $this->safeAddColumn('user', 'phone', 'string(20)');
        $this->safeDropColumn('user', 'fax');
        if (!$this->columnExists('mobile', 'user')) {
            $this->addColumn('user', 'mobile', 'string(20)');
        }
""",
        )
    }
    ev = read_yii(tmp_path, files, "migrations/*.php")
    assert {c.name: c.type for c in table(ev, "user").columns} == {
        "id": "INT(11)",
        "email": "VARCHAR(255)",
        "phone": "VARCHAR(20)",
        "mobile": "VARCHAR(20)",
    }
    assert ev.problems == []


def phinx(
    name: str, body: str, base: str = "Phinx\\Migration\\AbstractMigration", method: str = "change"
) -> str:
    return (
        f"<?php\ndeclare(strict_types=1);\n\nuse {base};\n\n"
        f"final class {name} extends AbstractMigration\n{{\n    public function {method}(): void\n    {{\n"
        f"{body}    }}\n}}\n"
    )


PHINX = {
    "db/migrations/9_create_users.php": phinx(
        "CreateUsers",
        """\
        $users = $this->table('users', ['signed' => false, 'comment' => 'people who log in']);
        $users->addColumn('email', 'string', ['limit' => 120, 'null' => false, 'comment' => 'login'])
            ->addColumn('bio', 'text', ['limit' => MysqlAdapter::TEXT_LONG])
            ->addColumn('age', 'integer', ['limit' => MysqlAdapter::INT_TINY, 'signed' => false])
            ->addColumn('balance', 'decimal', ['precision' => 10, 'scale' => 2])
            ->addColumn('kind', 'enum', ['values' => ['admin', 'user']])
            ->addColumn('active', 'boolean')
            ->addColumn('token', 'uuid')
            ->addTimestamps();
        $users->create();
        $this->table('posts')
            ->addColumn('user_id', 'integer', ['signed' => false])
            ->addColumn('body', 'text')
            ->addForeignKey('user_id', 'users', 'id', ['delete' => 'CASCADE', 'constraint' => 'posts_user'])
            ->save();
""",
    ),
    # version 10 runs after 9 (numbers, not names)
    "db/migrations/10_reshape.php": phinx(
        "Reshape",
        """\
        $this->table('users')
            ->renameColumn('bio', 'about')
            ->removeColumn('token')
            ->changeColumn('email', 'string', ['limit' => 255, 'comment' => 'login and mail'])
            ->addColumn('phone', 'string', ['null' => true, 'after' => 'email'])
            ->update();
        $this->table('posts')->dropForeignKey('user_id')->save();
        $this->table('old')->addColumn('x', 'integer')->create();
        $this->table('old')->drop()->save();
        if (!$this->hasTable('audit')) {
            $this->table('audit', ['id' => false, 'primary_key' => ['uuid']])
                ->addColumn('uuid', 'uuid')
                ->addColumn('ip', 'string', ['limit' => 45])
                ->create();
        }
        $this->execute('ALTER TABLE posts ADD COLUMN slug VARCHAR(80)');
""",
    ),
}


def test_phinx_migrations_are_replayed_by_version_to_the_final_schema(tmp_path: Path):
    write_files(tmp_path, PHINX)
    assert detect(tmp_path / "db/migrations/9_create_users.php") == "phinx"
    ev = read_entry(tmp_path, "db/migrations/*.php", None, None)
    assert [t.name for t in ev.tables] == ["users", "posts", "audit"]
    assert {c.name: c.type for c in table(ev, "users").columns} == {
        "id": "INT UNSIGNED",
        "email": "VARCHAR(255)",
        "phone": "VARCHAR(255)",
        "about": "LONGTEXT",
        "age": "TINYINT UNSIGNED",
        "balance": "DECIMAL(10,2)",
        "kind": "ENUM('admin','user')",
        "active": "TINYINT(1)",
        "created_at": "TIMESTAMP",
        "updated_at": "TIMESTAMP",
    }
    assert column(ev, "users.id").primary_key and not column(ev, "users.email").primary_key
    assert column(ev, "users.email").comment == "login and mail"
    assert table(ev, "users").comment == "people who log in"
    assert names(ev, "posts") == ["id", "user_id", "body", "slug"]
    assert table(ev, "posts").foreign_keys == ()
    assert names(ev, "audit") == ["uuid", "ip"] and column(ev, "audit.uuid").primary_key
    assert column(ev, "audit.uuid").type == "CHAR(36)"
    assert where(column(ev, "users.about")) == ("db/migrations/10_reshape.php", 11)
    assert where(column(ev, "users.email")) == ("db/migrations/9_create_users.php", 11)
    assert ev.problems == []
    assert ev.counts["migrations"] == 2


def test_phinx_foreign_keys_and_cakephp_timestamps(tmp_path: Path):
    files = {
        "config/Migrations/20240101000000_Initial.php": phinx(
            "Initial",
            """\
        $this->table('users', ['id' => false, 'primary_key' => ['id']])
            ->addColumn('id', 'uuid')
            ->addColumn('email', 'string')
            ->addTimestamps()
            ->create();
        $this->table('orders')
            ->addColumn('user_id', 'uuid')
            ->addForeignKey('user_id', 'users')
            ->create();
""",
            base="Migrations\\AbstractMigration",
        )
    }
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "config/Migrations/*.php", None, None)
    assert names(ev, "users") == ["id", "email", "created", "modified"]
    assert column(ev, "users.id").primary_key and column(ev, "users.id").type == "CHAR(36)"
    assert table(ev, "orders").foreign_keys == (ForeignKey(("user_id",), "users", ("id",)),)
    assert ev.problems == []


def test_phinx_what_cannot_be_read_is_a_cn001_with_its_line(tmp_path: Path):
    files = {
        "db/migrations/20240101000000_a.php": phinx(
            "A",
            """\
        $this->table($name)->addColumn('x', 'string')->create();
        $table = $this->table('people');
        $table->addColumn('email', 'string');
        foreach ($this->fetchAll('SELECT c FROM t') as $column) {
            $this->table('people')->addColumn($column, 'string')->update();
        }
        $this->table('pets')->addColumn('name', Literal::from('citext'))->create();
        if ($this->getAdapter()->getAdapterType() === 'pgsql') {
            $this->execute('ALTER TABLE pets ADD COLUMN owner text');
        }
""",
            method="up",
        ),
        "db/migrations/notes.php": "<?php\n",
    }
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "db/migrations/*.php", "phinx", None)
    shown = "db/migrations/20240101000000_a.php"
    assert [t.name for t in ev.tables] == ["pets"]
    assert names(ev, "pets") == ["id", "name"] and column(ev, "pets.name").type is None
    untyped = [p for p in ev.problems if "without its type" in p.message]
    assert [p.fix for p in untyped] == [UNTYPED_COLUMN]  # read and audited: no "not audited" fix
    assert problems(ev) == [
        ("db/migrations/notes.php", 1, Severity.WARNING,
         "not a Phinx migration file name (<version>_<name>.php): `phinx migrate` does not run it, "
         "so it is not replayed"),
        (shown, 10, None, "`$this->table()`: the name is not a literal cnsnt can read; not replayed, so "
         "tables or columns it makes may be missing"),
        (shown, 13, None, "schema changes in a `foreach`: cnsnt does not run loops; not replayed, so tables "
         "or columns it makes may be missing"),
        (shown, 16, Severity.WARNING, "`->addColumn()`: the type of column 'name' is not a literal cnsnt can "
         "read (`Literal::from('citext')`); the column is read without its type"),
        (shown, 17, Severity.WARNING, "schema changes under an `if` whose condition is no "
         "`hasTable()`/`hasColumn()` test: cnsnt does not run the migration, and a branch may drop, "
         "rename or change what is there; not replayed, so tables or columns it makes may be missing"),
        (shown, 12, Severity.WARNING, "changes to table 'people' that are never saved (no `->create()`, "
         "`->update()` or `->save()`): Phinx does not run them, so they are not replayed"),
    ]  # fmt: skip


def test_init_proposes_yii_and_phinx_migrations_folders(tmp_path: Path):
    write_files(tmp_path, YII)
    write_files(tmp_path, {f"api/{name}": text for name, text in PHINX.items()})
    write_files(tmp_path, {"migrations/readme.txt": "how to migrate\n"})
    assert discover(tmp_path) == [
        Found("schemas", "api/db/migrations/*.php", format="phinx"),
        Found("schemas", "migrations/*.php", format="yii"),
        Found("schemas", "modules/blog/migrations/*.php", format="yii"),
    ]
    nested = {f"app/{name}": text for name, text in YII.items()}
    write_files(tmp_path / "nested", nested)
    assert discover(tmp_path / "nested") == [Found("schemas", "app/**/migrations/*.php", format="yii")]
