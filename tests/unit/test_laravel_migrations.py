"""Laravel migrations (`database/migrations/*.php`): parsed with tree-sitter-php, replayed by file name."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, write_files

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
):
    write_files(tmp_path, files)
    return read_entry(tmp_path, pattern, fmt)


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
    assert ("2024_01_02_000000_computed.php", 17, 9, Severity.WARNING) in found  # SQL not replayed
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
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [(18, 9, Severity.WARNING)]
    assert "config('audit.table', 'audit' . '_log')" in ev.problems[0].message


def test_blueprint_calls_under_a_condition_cnsnt_cannot_decide_are_reported(tmp_path: Path):
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
    ev = read(tmp_path, files)
    assert names(ev, "people") == ["email", "mobile"]
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        (13, 16, Severity.WARNING),
        (24, 12, Severity.WARNING),  # a helper that changes tables, called under a condition
    ]
