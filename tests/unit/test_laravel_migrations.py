"""Laravel migrations (`database/migrations/*.php`): parsed with tree-sitter-php, replayed by file name."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

HEAD = """<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

"""


def anonymous(body: str) -> str:
    return (
        HEAD
        + "return new class extends Migration\n{\n    public function up(): void\n    {\n"
        + body
        + "    }\n};\n"
    )


MIGRATIONS = {
    "database/migrations/2014_10_12_000000_create_users_table.php": anonymous(
        """\
        Schema::create('users', function (Blueprint $table) {
            $table->id();
            $table->string('name');
            $table->string('email', 120)->unique()->comment('login');
            $table->rememberToken();
            $table->timestamps();
        });
"""
    ),
    # a named class, as Laravel 8 and older write them
    "database/migrations/2019_01_01_000000_create_posts_table.php": HEAD
    + """\
class CreatePostsTable extends Migration
{
    public function up()
    {
        Schema::create('posts', function (Blueprint $table) {
            $table->increments('id');
            $table->foreignId('user_id')->constrained()->cascadeOnDelete();
            $table->unsignedBigInteger('editor_id')->nullable();
            $table->foreign('editor_id')->references('id')->on('users');
            $table->text('body');
            $table->decimal('price', 10, 3);
            $table->enum('state', ['draft', 'published']);
            $table->morphs('postable');
            $table->softDeletes();
        });
        Schema::create('tmp_import', fn (Blueprint $table) => $table->json('payload'));
    }

    public function down()
    {
        Schema::dropIfExists('posts');
    }
}
""",
    "database/migrations/2020_05_01_000000_reshape.php": anonymous(
        """\
        Schema::table('users', function (Blueprint $table) {
            $table->date('birthday')->nullable()->after('email');
            $table->renameColumn('name', 'full_name');
            $table->dropColumn(['remember_token']);
            $table->string('email', 200)->comment('login and receipts')->change();
            $table->ipAddress()->nullable();
        });
        Schema::rename('tmp_import', 'imports');
        if (! Schema::hasTable('teams')) {
            Schema::create('teams', function (Blueprint $t) {
                $t->uuid('id')->primary();
                $t->foreignIdFor(User::class, 'owner_id')->constrained();
                $t->comment('groups of users');
            });
        }
        if (Schema::hasColumn('users', 'no_such_column')) {
            Schema::drop('users');
        }
        $this->dropOld();
"""
    ).replace(
        "    }\n};\n",
        "    }\n\n    private function dropOld(): void\n    {\n"
        "        foreach (['imports'] as $name) {\n            Schema::dropIfExists($name);\n        }\n"
        "    }\n};\n",
    ),
}


def read(
    tmp_path: Path,
    files: dict[str, str],
    pattern: str = "database/migrations/*.php",
    fmt: str | None = "laravel",
    dialect: str | None = "postgres",
):
    write_files(tmp_path, files)
    return read_entry(tmp_path, pattern, fmt, dialect)


def test_laravel_migrations_replay_to_the_final_schema(tmp_path: Path):
    ev = read(tmp_path, MIGRATIONS)
    assert [t.name for t in ev.tables] == ["users", "posts", "teams"]
    assert names(ev, "users") == [
        "id",
        "full_name",
        "email",
        "birthday",
        "created_at",
        "updated_at",
        "ip_address",
    ]
    email = column(ev, "users.email")
    assert (email.type, email.comment) == ("VARCHAR(200)", "login and receipts")
    assert column(ev, "users.id").primary_key and column(ev, "users.id").type == "BIGINT UNSIGNED"
    assert column(ev, "users.birthday").type == "DATE"
    assert column(ev, "users.ip_address").type == "INET"
    # a renamed column is placed where it got its name
    renamed = column(ev, "users.full_name").location
    assert (renamed.path, renamed.line) == ("database/migrations/2020_05_01_000000_reshape.php", 13)
    assert names(ev, "posts") == [
        "id",
        "user_id",
        "editor_id",
        "body",
        "price",
        "state",
        "postable_type",
        "postable_id",
        "deleted_at",
    ]
    assert column(ev, "posts.id").type == "INT UNSIGNED"
    assert column(ev, "posts.price").type == "DECIMAL(10,3)"
    assert column(ev, "posts.state").type == "ENUM('draft','published')"
    assert column(ev, "posts.deleted_at").type == "TIMESTAMP"
    assert set(table(ev, "posts").foreign_keys) == {
        ForeignKey(("user_id",), "users", ("id",)),
        ForeignKey(("editor_id",), "users", ("id",)),
    }
    teams = table(ev, "teams")
    assert teams.comment == "groups of users"
    assert column(ev, "teams.id").primary_key and column(ev, "teams.id").type == "UUID"
    assert teams.foreign_keys == (ForeignKey(("owner_id",), "users", ("id",)),)
    # every column at its name: file, line and column
    posts = table(ev, "posts")
    assert (posts.location.line, posts.location.column) == (11, 9)
    body = column(ev, "posts.body").location
    assert (body.path, body.line, body.column) == (
        "database/migrations/2019_01_01_000000_create_posts_table.php",
        16,
        26,
    )
    assert ev.problems == []
    assert ev.counts["migrations"] == 3


def test_files_run_in_name_order_and_unrunnable_names_are_warned(tmp_path: Path):
    files = {
        # written second, named first: Laravel runs it first
        "database/migrations/2024_02_01_000000_add_phone.php": anonymous(
            "        Schema::table('people', function (Blueprint $table) {\n"
            "            $table->string('phone', 30);\n        });\n"
        ),
        "database/migrations/2024_01_01_000000_create_people.php": anonymous(
            "        Schema::create('people', function (Blueprint $table) {\n"
            "            $table->string('email');\n        });\n"
        ),
        "database/migrations/helpers.php": "<?php\nfunction helper() {}\n",
    }
    ev = read(tmp_path, files)
    assert names(ev, "people") == ["email", "phone"]
    assert [(p.location.path, p.severity) for p in ev.problems] == [
        ("database/migrations/helpers.php", Severity.WARNING)
    ]


def test_what_cannot_be_read_is_a_cn001_at_its_place_and_the_rest_is_read(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_broken.php": anonymous(
            "        Schema::create('broken', function (Blueprint $table) {\n"
            "            $table->string('email'\n        });\n"
        ),
        "database/migrations/2024_01_02_000000_computed.php": anonymous(
            "        Schema::create($this->name(), function (Blueprint $table) {\n"
            "            $table->string('secret');\n        });\n"
            "        foreach ($this->tables() as $name) {\n"
            "            Schema::table($name, fn (Blueprint $t) => $t->string('x'));\n        }\n"
            "        DB::statement('ALTER TABLE people ADD ssn TEXT');\n"
        ),
        "database/migrations/2024_01_03_000000_people.php": anonymous(
            "        Schema::create('people', function (Blueprint $table) {\n"
            "            $table->string('name');\n            $table->teleport('x');\n        });\n"
        ),
    }
    ev = read(tmp_path, files)
    assert "people" in [t.name for t in ev.tables]
    found = [
        (p.location.path.rsplit("/", 1)[-1], p.location.line, p.location.column, p.severity)
        for p in ev.problems
    ]
    assert found[0][:2] == ("2024_01_01_000000_broken.php", 12)
    assert "PHP syntax error" in ev.problems[0].message
    assert ("2024_01_02_000000_computed.php", 11, 9, None) in found  # computed table name: an error
    assert ("2024_01_02_000000_computed.php", 14, 9, None) in found  # a loop over unknown values
    # the SQL is replayed: its ALTER of a table no earlier migration creates is a warning
    assert ("2024_01_02_000000_computed.php", 17, 24, Severity.WARNING) in found
    assert ("2024_01_03_000000_people.php", 13, 13, Severity.WARNING) in found  # unknown Blueprint method
    assert all(p.location.line and p.location.column for p in ev.problems)


def test_a_file_that_cannot_be_read_is_its_own_problem(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_people.php": anonymous(
            "        Schema::create('people', fn (Blueprint $t) => $t->string('email'));\n"
        )
    }
    write_files(tmp_path, files)
    (tmp_path / "database/migrations/2023_01_01_000000_binary.php").write_bytes(b"\x00\x01\x02<?php")
    ev = read_entry(tmp_path, "database/migrations/*.php", "laravel")
    assert names(ev, "people") == ["email"]
    assert [p.location.path for p in ev.problems] == ["database/migrations/2023_01_01_000000_binary.php"]


def test_php_migrations_are_told_from_other_php_without_a_format(tmp_path: Path):
    ev = read(tmp_path, MIGRATIONS, fmt=None)
    assert [t.name for t in ev.tables] == ["users", "posts", "teams"]
    assert detect(tmp_path / "database/migrations/2014_10_12_000000_create_users_table.php") == "laravel"


def test_deep_nesting_is_reported_not_a_traceback(tmp_path: Path):
    deep = "(" * 3000 + "1" + ")" * 3000
    files = {
        "database/migrations/2024_01_01_000000_deep.php": anonymous(
            f"        $x = {deep};\n        Schema::create('people', fn (Blueprint $t) => $t->string('email'));\n"
        )
    }
    ev = read(tmp_path, files)
    # the statement is reported at its place and the rest of the file is still read
    assert names(ev, "people") == ["email"]
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(11, 9)]


def test_a_constant_nested_too_deep_is_reported_at_its_place_and_the_class_still_read(tmp_path: Path):
    """It was a CN001 at 1:1 and the class's tables were lost."""
    deep = "[" * 3000 + "1" + "]" * 3000
    body = "        Schema::create('people', fn (Blueprint $t) => $t->string('email'));\n"
    text = anonymous(body).replace("{\n    public function up", f"{{\n    private const DEEP = {deep};\n\n    public function up")
    ev = read(tmp_path, {"database/migrations/2024_01_01_000000_deep.php": text})
    assert names(ev, "people") == ["email"]
    found = [(p.location.line, p.location.column, p.message.split(":")[0]) for p in ev.problems]
    assert found == [(9, 26, "a value nested too deep")]


def test_names_from_constants_properties_loops_closures_and_config_defaults(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_people.php": HEAD
        + """\
return new class extends Migration
{
    private const PEOPLE = 'people';
    protected array $extra = ['clients' => 'fax', 'staff' => 'pager'];

    public function up(): void
    {
        Schema::create(self::PEOPLE, function (Blueprint $table) {
            $table->string('email');
        });
        $audits = config('audit.table', 'audit' . '_log');
        Schema::create($audits, fn (Blueprint $table) => $table->string('ip'));
        $addPhone = fn (Blueprint $table) => $table->string('phone');
        foreach ($this->extra as $name => $column) {
            Schema::create($name, function (Blueprint $table) use ($column) {
                $table->string($column);
            });
            Schema::table($name, $addPhone);
        }
    }
};
"""
    }
    ev = read(tmp_path, files)
    assert names(ev, "people") == ["email"]
    assert names(ev, "audit_log") == ["ip"]
    assert names(ev, "clients") == ["fax", "phone"]
    assert names(ev, "staff") == ["pager", "phone"]
    # the config() default is a guess the user should know about: a warning at the call
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        (18, 9, Severity.WARNING)
    ]
    assert "config('audit.table', 'audit' . '_log')" in ev.problems[0].message


def test_names_from_the_projects_config_files_and_from_a_method_that_returns_a_list(tmp_path: Path):
    files = {
        # laravel-permission and Laravel's own password reset migration name their tables
        # from config/*.php; an env() there gives its default
        "config/permission.php": "<?php\n\nreturn [\n    'table_names' => [\n"
        "        'roles' => 'acl_roles',\n        'model_has_roles' => 'acl_model_roles',\n    ],\n"
        "    'column_names' => ['model_morph_key' => 'model_uuid'],\n];\n",
        "config/auth.php": "<?php\nreturn ['passwords' => ['users' => [\n"
        "    'table' => env('AUTH_RESET_TABLE', 'password_reset_tokens'),\n]]];\n",
        "database/migrations/2024_01_01_000000_permission.php": anonymous(
            """\
        $tableNames = config('permission.table_names');
        $columnNames = config('permission.column_names');
        Schema::create($tableNames['roles'], function (Blueprint $table) {
            $table->string('name');
        });
        Schema::create($tableNames['model_has_roles'], function (Blueprint $table) use ($columnNames) {
            $table->uuid($columnNames['model_morph_key']);
        });
        Schema::create(config('auth.passwords.users.table'), function (Blueprint $table) {
            $table->string('email');
        });
        Schema::create(config('auth.nowhere.table'), fn (Blueprint $t) => $t->string('lost'));
"""
        ),
        "database/migrations/2024_01_02_000000_created_by.php": HEAD
        + """\
return new class extends Migration
{
    public function up(): void
    {
        foreach ($this->tableList() as $name) {
            Schema::table($name, function (Blueprint $table) {
                $table->unsignedBigInteger('created_by')->nullable();
            });
        }
    }

    // the list is spelt out where the loop can read it
    private function tableList(): array
    {
        return ['acl_roles', 'password_reset_tokens'];
    }
};
""",
    }
    ev = read(tmp_path, files)
    assert names(ev, "acl_roles") == ["name", "created_by"]
    assert names(ev, "acl_model_roles") == ["model_uuid"]
    assert names(ev, "password_reset_tokens") == ["email", "created_by"]
    assert "lost" not in [c.name for t in ev.tables for c in t.columns]
    found = [(p.location.line, p.severity, p.message) for p in ev.problems]
    # each name from configuration is a warning at its use; the unknown key an error
    assert [(line, severity) for line, severity, _ in found] == [
        (13, Severity.WARNING),
        (16, Severity.WARNING),
        (17, Severity.WARNING),
        (19, Severity.WARNING),
        (22, None),
    ]
    assert "config/permission.php" in found[0][2] and "'acl_roles'" in found[0][2]
    assert "env('AUTH_RESET_TABLE', 'password_reset_tokens')" in found[3][2]


def test_a_method_that_computes_its_list_stays_unknown(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_loop.php": HEAD
        + """\
return new class extends Migration
{
    public function up(): void
    {
        foreach ($this->tableList('x') as $name) {
            Schema::table($name, fn (Blueprint $t) => $t->string('a'));
        }
        foreach ($this->computed() as $name) {
            Schema::table($name, fn (Blueprint $t) => $t->string('b'));
        }
        foreach ($this->up() as $name) {
            Schema::table($name, fn (Blueprint $t) => $t->string('c'));
        }
    }

    private function tableList(string $x): array
    {
        return [$x];
    }

    private function computed(): array
    {
        $all = ['people'];
        return $all;
    }
};
"""
    }
    ev = read(tmp_path, files)
    # a method with arguments, a method of several statements, and recursion: not guessed
    assert [(p.location.line, p.severity) for p in ev.problems] == [(11, None), (14, None), (17, None)]


def test_a_list_changed_in_place_stays_unknown(tmp_path: Path):
    """`$tables[] = 'b'`, `array_push($more, 'c')`: the loop is reported, not run on the list as first set."""
    body = """\
        Schema::create('a', fn (Blueprint $t) => $t->id());
        $tables = ['a'];
        $tables[] = 'b';
        foreach ($tables as $name) {
            Schema::table($name, fn (Blueprint $t) => $t->string('email'));
        }
        $more = ['a'];
        array_push($more, 'c');
        foreach ($more as $name) {
            Schema::table($name, fn (Blueprint $t) => $t->string('phone'));
        }
        $kept = ['a'];
        foreach ($kept as $name) {
            Schema::table($name, fn (Blueprint $t) => $t->string('name'));
        }
"""
    ev = read(tmp_path, {"database/migrations/2024_01_01_000000_loop.php": anonymous(body)})
    assert names(ev, "a") == ["id", "name"]
    assert [(p.location.line, p.severity) for p in ev.problems] == [(14, None), (19, None)]
    assert all("schema changes in a `foreach`" in p.message for p in ev.problems)


def test_blueprint_calls_under_a_condition_cnsnt_cannot_decide_are_replayed_and_reported(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_people.php": anonymous(
            "        Schema::create('people', function (Blueprint $table) {\n"
            "            $table->string('email');\n"
            "            if (DB::getDriverName() === 'mysql') {\n"
            "                $table->string('phone');\n"
            "            }\n"
            "            if (! Schema::hasColumn('people', 'fax')) {\n"
            "                $table->string('fax');\n"
            "            }\n"
            "            $mobile = $table->string('mobile')->after('email');\n"
            "            Schema::withoutForeignKeyConstraints(function () use ($table) {\n"
            "                $table->dropColumn('fax');\n"
            "            });\n"
            "        });\n"
            "        if (app()->isProduction()) {\n"
            "            $this->addNotes();\n"
            "        }\n"
        ).replace(
            "    }\n};\n",
            "    }\n\n    private function addNotes(): void\n    {\n"
            "        Schema::table('people', fn (Blueprint $t) => $t->text('notes'));\n    }\n};\n",
        )
    }
    ev = read(tmp_path, files, dialect=None)
    # the branches only add columns: replayed, each with a warning at its condition
    assert names(ev, "people") == ["email", "mobile", "phone", "notes"]
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        (13, 16, Severity.WARNING),  # the driver is not known without a dialect
        (24, 12, Severity.WARNING),  # a helper that changes tables, called under a condition
    ]
    assert all("every branch is replayed" in p.message for p in ev.problems)
    # with the entry's dialect the driver test is decided: MySQL takes the branch, PostgreSQL not
    assert names(read(tmp_path, files, dialect="mysql"), "people") == ["email", "mobile", "phone", "notes"]
    ev = read(tmp_path, files, dialect="postgres")
    assert names(ev, "people") == ["email", "mobile", "notes"]
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(24, 12)]


def test_branches_that_only_add_are_all_replayed_and_a_branch_that_undoes_is_not(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_people.php": anonymous(
            "        Schema::create('people', function (Blueprint $table) {\n"
            "            $table->id();\n"
            "            match ($this->driver()) {\n"
            "                'pgsql' => $table->uuid('email_hash'),\n"
            "                default => $table->char('email_hash', 16),\n"
            "            };\n"
            "            if (! Schema::hasColumn('people', 'id')) {\n"
            "                $table->string('never');\n"
            "            }\n"
            "        });\n"
            "        if (Features::enabled('badges')) {\n"
            "            Schema::create('badges', fn (Blueprint $t) => $t->string('title'));\n"
            "        } elseif (Schema::hasTable('people')) {\n"
            "            Schema::create('badges', fn (Blueprint $t) => $t->string('nickname'));\n"
            "        } else {\n"
            "            Schema::create('badges', fn (Blueprint $t) => $t->string('not_taken'));\n"
            "        }\n"
            "        switch (config('app.edition')) {\n"
            "            case 'pro':\n"
            "                Schema::table('people', fn (Blueprint $t) => $t->string('phone'));\n"
            "                break;\n"
            "            default:\n"
            "                Schema::table('people', fn (Blueprint $t) => $t->string('fax'));\n"
            "        }\n"
            "        if (app()->isProduction()) {\n"
            "            Schema::table('people', fn (Blueprint $t) => $t->string('mobile'));\n"
            "        } else {\n"
            "            Schema::table('people', fn (Blueprint $t) => $t->renameColumn('fax', 'telefax'));\n"
            "        }\n"
        )
    }
    ev = read(tmp_path, files)
    # hasColumn is decided on the schema so far; the rest is the union of the branches
    assert names(ev, "people") == ["id", "email_hash", "phone", "fax"]
    assert column(ev, "people.email_hash").type == "CHAR(16)"
    assert names(ev, "badges") == ["title", "nickname"]  # `else` is never taken: hasTable is true
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        (13, 19, Severity.WARNING),  # at the condition of the `match`, the `if`, the `switch`
        (21, 12, Severity.WARNING),
        (28, 16, Severity.WARNING),
        (35, 12, Severity.WARNING),
    ]
    assert ["every branch is replayed" in p.message for p in ev.problems] == [True, True, True, False]
    assert "a branch may drop, rename or change" in ev.problems[3].message


def test_sql_run_with_db_statement_is_replayed_in_order_at_its_php_place(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_people.php": anonymous(
            "        Schema::create('people', function (Blueprint $table) {\n"
            "            $table->id();\n"
            "            $table->string('name');\n"
            "            $table->string('token');\n"
            "        });\n"
            "        DB::statement('ALTER TABLE people ADD COLUMN phone VARCHAR(20), ADD birthday DATE');\n"
            '        DB::statement("ALTER TABLE people ENGINE = InnoDB");\n'
            "        DB::connection('main')->unprepared(<<<'SQL'\n"
            "            CREATE TABLE visits (\n"
            "                id INT PRIMARY KEY,\n"
            "                person_id BIGINT UNSIGNED REFERENCES people (id),\n"
            "                reason TEXT\n"
            "            );\n"
            "            SQL);\n"
            "        $prefix = DB::getTablePrefix();\n"
            '        DB::statement("ALTER TABLE {$prefix}people CHANGE `name` `full_name` VARCHAR(100)");\n'
            "        DB::statement('UPDATE people SET token = NULL; ALTER TABLE people DROP COLUMN token');\n"
            "        DB::statement(\"SET sql_mode = ''\");\n"
        ),
        # a later Blueprint migration sees the tables and columns the SQL made
        "database/migrations/2024_02_01_000000_visits.php": anonymous(
            "        Schema::table('visits', function (Blueprint $table) {\n"
            "            $table->renameColumn('reason', 'complaint');\n"
            "            $table->dropColumn('birthday');\n"
            "        });\n"
        ),
    }
    ev = read(tmp_path, files, dialect=None)
    assert ev.problems == [
        p for p in ev.problems if "birthday" in p.message
    ]  # dropColumn('birthday') on visits: no such column, the only problem
    assert len(ev.problems) == 1 and ev.problems[0].severity == Severity.WARNING
    first = "database/migrations/2024_01_01_000000_people.php"
    assert names(ev, "people") == ["id", "full_name", "phone", "birthday"]
    assert names(ev, "visits") == ["id", "person_id", "complaint"]
    # each column at the line and column of its name in the PHP string
    assert where(column(ev, "people.phone")) == (first, 16)
    assert column(ev, "people.phone").location.column == 54
    assert column(ev, "people.birthday").location.column == 77
    assert column(ev, "people.phone").type == "VARCHAR(20)"
    assert where(column(ev, "people.full_name")) == (first, 26)
    assert where(table(ev, "visits")) == (first, 19)
    assert where(column(ev, "visits.person_id")) == (first, 21)
    assert table(ev, "visits").foreign_keys == (ForeignKey(("person_id",), "people", ("id",)),)


def test_sql_that_is_not_a_literal_is_a_warning_once_unless_plainly_no_schema_change(tmp_path: Path):
    files = {
        "database/migrations/2024_01_01_000000_people.php": anonymous(
            "        Schema::create('people', fn (Blueprint $table) => $table->string('name'));\n"
            "        DB::statement('ALTER TABLE ' . $this->table . ' ENGINE = InnoDB');\n"
            "        DB::statement('UPDATE ' . $other . ' SET x = 1');\n"
            '        DB::statement("CREATE INDEX people_name ON {$other} (name)");\n'
            "        DB::statement('ALTER TABLE ' . $other . ' ADD secret TEXT');\n"
            "        DB::unprepared($sql);\n"
            "        foreach (['nick', 'alias'] as $name) {\n"
            '            DB::statement("ALTER TABLE people ADD {$name} TEXT");\n'
            '            DB::statement("ALTER TABLE people ADD {$unknown} TEXT");\n'
            "        }\n"
        ),
    }
    ev = read(tmp_path, files, dialect=None)
    found = [(p.location.line, p.location.column, p.severity) for p in ev.problems]
    # the ADD on an unknown table, the unknown SQL, the loop's unknown column (said once)
    assert found == [(15, 9, Severity.WARNING), (16, 9, Severity.WARNING), (19, 13, Severity.WARNING)]
    assert "`$other`" in ev.problems[0].message and "not a literal" in ev.problems[0].message
    # a loop over literals runs its SQL once per item
    assert names(ev, "people") == ["name", "nick", "alias"]


def test_sql_files_a_migration_runs_are_replayed_in_its_turn(tmp_path: Path):
    sql_migration = (
        "<?php\n\nuse SqlMigrations\\SqlMigration;\n\n"
        "final class CreateBooksTable extends SqlMigration\n{\n    public $connection = 'library';\n}\n"
    )
    files = {
        "database/migrations/2024_01_01_000000_create_books_table.php": sql_migration,
        "database/migrations/2024_01_01_000000_create_books_table.up.sql": (
            "-- books\nCREATE TABLE books (\n  id INT PRIMARY KEY,\n  title TEXT,\n  borrower_email TEXT\n);\n"
        ),
        "database/migrations/2024_01_01_000000_create_books_table.down.sql": "DROP TABLE books;\n",
        "database/migrations/2024_01_02_000000_loans.php": anonymous(
            "        DB::unprepared(File::get(database_path('sql/loans.sql')));\n"
            "        $more = __DIR__ . '/../sql/more.sql';\n"
            "        DB::unprepared(file_get_contents($more));\n"
            "        DB::unprepared(file_get_contents(__DIR__ . '/../sql/missing.sql'));\n"
            "        DB::unprepared(file_get_contents('/etc/hostname'));\n"
            "        DB::unprepared(File::get($path));\n"
        ),
        "database/sql/loans.sql": "CREATE TABLE loans (\n  id INT,\n  book_id INT REFERENCES books (id)\n);\n",
        "database/sql/more.sql": "\nALTER TABLE books DROP COLUMN borrower_email;\nALTER TABLE loans ADD due DATE;\n",
    }
    ev = read(tmp_path, files, dialect=None)
    assert names(ev, "books") == ["id", "title"]
    assert names(ev, "loans") == ["id", "book_id", "due"]
    assert where(column(ev, "books.title")) == (
        "database/migrations/2024_01_01_000000_create_books_table.up.sql",
        4,
    )
    assert where(column(ev, "loans.due")) == ("database/sql/more.sql", 3)
    assert where(table(ev, "loans")) == ("database/sql/loans.sql", 1)
    second = "database/migrations/2024_01_02_000000_loans.php"
    found = [(p.location.path, p.location.line, p.severity) for p in ev.problems]
    # a missing file, a file outside the project, a path cnsnt cannot tell: errors, tables may be lost
    assert found == [(second, 14, None), (second, 15, None), (second, 16, None)]
    assert "missing.sql" in ev.problems[0].message
    assert "outside the project" in ev.problems[1].message
    assert "`$path`" in ev.problems[2].message


def test_tables_of_another_connection_stay_apart_when_a_name_is_taken(tmp_path: Path):
    archive = "    protected $connection = 'archive';\n\n"
    files = {
        "database/migrations/2024_01_01_000000_people.php": anonymous(
            "        Schema::create('people', fn (Blueprint $table) => $table->string('name'));\n"
            "        Schema::create('places', fn (Blueprint $table) => $table->string('city'));\n"
        ),
        # another database: its `people` is not the default database's, nor are its `places`
        "database/migrations/2024_01_02_000000_archive.php": anonymous(
            "        Schema::create('people', fn (Blueprint $table) => $table->string('old_name'));\n"
            "        DB::statement('ALTER TABLE people ADD note TEXT');\n"
            "        DB::statement('CREATE TABLE IF NOT EXISTS places (code TEXT)');\n"
            "        if (! Schema::hasTable('people')) {\n"
            "            Schema::create('people', fn (Blueprint $table) => $table->string('again'));\n"
            "        }\n"
        ).replace("{\n    public function up", "{\n" + archive + "    public function up"),
        "database/migrations/2024_01_03_000000_more.php": anonymous(
            "        Schema::table('people', fn (Blueprint $table) => $table->string('email'));\n"
            "        Schema::connection('mysql')->table('people', fn (Blueprint $t) => $t->string('phone'));\n"
            "        Schema::connection('reports')->create('stats', fn (Blueprint $t) => $t->integer('a'));\n"
            "        DB::connection('archive')->statement('ALTER TABLE people ADD kept DATE');\n"
            # a table only another connection holds: likely the same database under another name
            "        Schema::table('stats', fn (Blueprint $table) => $table->integer('b'));\n"
        ),
    }
    ev = read(tmp_path, files, dialect=None)
    assert ev.problems == []
    assert names(ev, "people") == ["name", "email", "phone"]
    assert names(ev, "archive.people") == ["old_name", "note", "kept"]
    assert names(ev, "stats") == ["a", "b"]
    assert names(ev, "places") == ["city"] and names(ev, "archive.places") == ["code"]


def test_an_sql_file_outside_the_policy_s_folder_is_not_read(tmp_path: Path):
    """A project below a folder named `database` (`/srv/database/acme/`): Laravel's root,
    found from that name, is above the project, which is no licence to read beside it."""
    write_files(tmp_path, {"neighbour.sql": "CREATE TABLE secrets (token TEXT);\n"})
    project = tmp_path / "database" / "acme"
    files = {
        "migrations/2024_01_01_000000_load.php": anonymous(
            "        DB::unprepared(file_get_contents(__DIR__ . '/../../../neighbour.sql'));\n"
        ),
    }
    ev = read(project, files, pattern="migrations/*.php")
    assert [t.name for t in ev.tables] == []
    assert len(ev.problems) == 1 and "outside the project" in ev.problems[0].message


def test_sql_altering_a_table_no_migration_created_is_reported(tmp_path: Path):
    """`DB::unprepared('ALTER TABLE ghosts DROP ...')` on a table no earlier migration made
    is skipped: a warning at its place, as in a folder of SQL migrations (was silent)."""
    files = {
        "database/migrations/2024_01_01_000000_fix.php": anonymous(
            "        DB::unprepared('ALTER TABLE ghosts DROP COLUMN email; ALTER TABLE ghosts DROP phone;');\n"
        ),
    }
    ev = read(tmp_path, files)
    found = [(p.location.line, p.message) for p in ev.problems]
    assert len(found) == 1 and found[0][0] == 11
    assert "no earlier migration creates table 'ghosts'" in found[0][1] and "1 more statement" in found[0][1]
