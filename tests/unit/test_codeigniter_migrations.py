"""CodeIgniter 3 and 4 migrations: parsed with tree-sitter-php, replayed in version order."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from tests.conftest import corpus_dir
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files


def ci3(name: str, body: str, extra: str = "") -> str:
    """A CodeIgniter 3 migration class whose `up()` holds `body`."""
    return (
        "<?php defined('BASEPATH') or exit('No direct script access allowed');\n\n"
        f"class Migration_{name} extends CI_Migration\n{{\n{extra}"
        f"    public function up()\n    {{\n{body}    }}\n\n"
        "    public function down()\n    {\n        $this->dbforge->drop_table('users');\n    }\n}\n"
    )


CI3 = {
    "application/migrations/001_create_users.php": ci3(
        "Create_users",
        """\
        $this->dbforge->add_field('id');
        $this->dbforge->add_field([
            'email' => ['type' => 'VARCHAR', 'constraint' => 120, 'comment' => 'login'],
            'age' => ['type' => 'int', 'constraint' => '3', 'unsigned' => TRUE, 'null' => TRUE],
            'state' => ['type' => 'ENUM', 'constraint' => ['new', "it's"], 'default' => 'new'],
            'price' => ['type' => 'DECIMAL', 'constraint' => '10,2', 'unsigned' => TRUE],
            'nickname varchar(40) NOT NULL',
        ]);
        $this->dbforge->add_key('id', TRUE);
        $this->dbforge->add_key('email');
        $this->dbforge->create_table('users', TRUE, ['comment' => 'people who sign in']);
""",
    ),
    "application/migrations/002_reshape_users.php": ci3(
        "Reshape_users",
        """\
        $this->dbforge->add_column('users', ['birthday' => ['type' => 'DATE', 'after' => 'email']]);
        $this->dbforge->modify_column('users', [
            'email' => ['name' => 'email_address', 'type' => 'VARCHAR', 'constraint' => 200],
        ]);
        $this->dbforge->drop_column('users', 'age');
        $this->db->query('CREATE TABLE `' . $this->db->dbprefix('logins') . '` (
            id INT PRIMARY KEY,
            user_id INT,
            ip VARCHAR(45),
            FOREIGN KEY (user_id) REFERENCES users (id)
        )');
        $this->db->insert('settings', ['name' => 'x']);
""",
    ),
    # numeric order: 9 runs before 10, though "10_" sorts first as text
    "application/migrations/9_create_notes.php": ci3(
        "Create_notes",
        """\
        $this->dbforge->add_field(['id' => ['type' => 'BIGINT', 'auto_increment' => TRUE], 'body' => ['type' => 'TEXT']]);
        $this->dbforge->add_key('id', TRUE);
        $this->dbforge->create_table('notes');
""",
    ),
    "application/migrations/10_rename_notes.php": ci3(
        "Rename_notes",
        """\
        if ($this->db->table_exists('notes')) {
            $this->dbforge->rename_table('notes', 'memos');
        }
        if ($this->db->table_exists('never_made')) {
            $this->dbforge->drop_table('memos');
        }
""",
    ),
    # Easy!Appointments' shape: a helper, and a loop over a property guarded by field_exists
    "application/migrations/11_timestamps.php": ci3(
        "Timestamps",
        """\
        $this->stamp();
""",
        """\
    protected $tables = ['users', 'memos'];

    private function stamp()
    {
        foreach ($this->tables as $table) {
            if (!$this->db->field_exists('created', $table)) {
                $fields = [
                    'created' => ['type' => 'DATETIME', 'null' => TRUE, 'after' => 'id'],
                ];
                $this->dbforge->add_column($table, $fields);
            }
        }
    }

""",
    ),
    "application/migrations/index.html": "<html><body>Directory access is forbidden.</body></html>\n",
}


def test_codeigniter3_columns_types_keys_and_comments(tmp_path: Path):
    write_files(tmp_path, CI3)
    ev = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    assert names(ev, "users") == ["id", "created", "email_address", "birthday", "state", "price", "nickname"]
    assert column(ev, "users.id").type == "INT(9)" and column(ev, "users.id").primary_key
    email = column(ev, "users.email_address")
    assert (email.type, email.comment, email.primary_key) == ("VARCHAR(200)", "login", False)
    assert column(ev, "users.state").type == "ENUM('new','it''s')"
    assert column(ev, "users.price").type == "DECIMAL(10,2) UNSIGNED"
    assert column(ev, "users.nickname").type == "VARCHAR(40)"
    assert column(ev, "users.birthday").type == "DATE"
    assert table(ev, "users").comment == "people who sign in"
    # the SQL of `$this->db->query`, the prefix left out as the Forge's names leave it
    assert names(ev, "logins") == ["id", "user_id", "ip"]
    assert table(ev, "logins").foreign_keys == (ForeignKey(("user_id",), "users", ("id",)),)
    assert ev.problems == []


def test_codeigniter3_runs_files_in_version_order_and_decides_table_exists(tmp_path: Path):
    write_files(tmp_path, CI3)
    ev = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    assert sorted(t.key for t in ev.tables) == ["logins", "memos", "users"]
    assert names(ev, "memos") == ["id", "created", "body"]
    assert column(ev, "memos.id").type == "BIGINT" and column(ev, "memos.id").primary_key
    # each column is placed where it is written
    assert where(column(ev, "users.birthday")) == ("application/migrations/002_reshape_users.php", 7)


def problems(ev) -> list[tuple[str, int, int, Severity | None, str]]:  # noqa: ANN001
    return [
        (str(p.location.path), p.location.line or 0, p.location.column or 0, p.severity, p.message)
        for p in ev.problems
    ]


UNREAD = {
    "application/migrations/001_unread.php": ci3(
        "Unread",
        """\
        $this->dbforge->add_field([
            'id' => ['type' => 'INT'],
            $this->config->item('name_column') => ['type' => 'VARCHAR', 'constraint' => 80],
            ...$this->common,
            'phone' => $spec,
        ]);
        $this->dbforge->create_table('clients');
        for ($i = 1; $i <= 3; $i++) {
            $this->dbforge->add_column('clients', ['custom_' . $i => ['type' => 'TEXT']]);
        }
        $this->dbforge->create_table(config_item('table'));
        $this->dbforge->add_field($fields_from_elsewhere);
        $this->dbforge->create_table('other');
        $this->db->query('ALTER TABLE clients ADD ' . $column . ' TEXT');
        $this->dbforge->add_foreign_key('x');
        run_script(APPPATH . 'sql/clients.sql');
""",
    ),
}


def test_what_cannot_be_read_is_cn001_at_its_line_and_column(tmp_path: Path):
    write_files(tmp_path, UNREAD)
    ev = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    assert [t.key for t in ev.tables] == ["clients"]
    assert names(ev, "clients") == ["id"]
    shown = "application/migrations/001_unread.php"
    got = [
        (line, col, severity, message.split(":")[0].split(" cnsnt")[0])
        for path, line, col, severity, message in problems(ev)
    ]
    assert all(path == shown for path, *_ in problems(ev))
    assert got == [
        (9, 13, None, "`add_field`"),  # a field named by config
        (10, 13, None, "`add_field`"),  # a spread
        (11, 24, None, "`add_field`"),  # attributes from a variable
        (14, 9, None, "schema changes in a `for`"),
        (17, 9, None, "`create_table`"),  # a table named by config_item()
        (18, 35, None, "`add_field` of `$fields_from_elsewhere`"),
        (19, 9, Severity.WARNING, "`create_table`"),  # so no table `other`, without fields
        (20, 9, Severity.WARNING, "`$this->db->query`"),
        (21, 9, Severity.WARNING, "`add_foreign_key`"),
        (
            22,
            9,
            Severity.WARNING,
            "`run_script(APPPATH . 'sql/clients.sql')` runs an SQL file through a function",
        ),
    ]
    assert "the name is not a literal" in ev.problems[0].message
    assert "not replayed" in ev.problems[3].message


def test_fields_added_to_an_array_in_place_are_not_lost_silently(tmp_path: Path):
    """`$fields['email'] = [...]` after `$fields = []`: the array is not the literal first set, so a CN001."""
    files = {
        "application/migrations/001_in_place.php": ci3(
            "In_place",
            """\
        $fields = array();
        $fields['email'] = array('type' => 'VARCHAR', 'constraint' => 100);
        $this->dbforge->add_field('id');
        $this->dbforge->add_field($fields);
        $this->dbforge->create_table('users');
        $more = ['phone' => ['type' => 'VARCHAR', 'constraint' => 20]];
        $more[] = 'ssn CHAR(9)';
        $this->dbforge->add_column('users', $more);
        $kept = ['city' => ['type' => 'VARCHAR', 'constraint' => 50]];
        $this->dbforge->add_column('users', $kept);
""",
        )
    }
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    assert names(ev, "users") == ["id", "city"]
    got = [(line, col, severity, message.split(":")[0]) for _, line, col, severity, message in problems(ev)]
    assert got == [
        (10, 35, None, "`add_field` of `$fields`"),
        (14, 45, None, "`add_column` of `$more`"),
    ]


CI4_HEAD = "<?php\n\nnamespace App\\Database\\Migrations;\n\nuse CodeIgniter\\Database\\Migration;\n\n"


def ci4(name: str, body: str) -> str:
    return (
        CI4_HEAD + f"class {name} extends Migration\n{{\n    public function up()\n    {{\n{body}    }}\n}}\n"
    )


CI4 = {
    "app/Database/Migrations/2020-01-01-000000_AddTeams.php": ci4(
        "AddTeams",
        """\
        $this->forge->addField([
            'id' => ['type' => 'INT', 'constraint' => 11, 'unsigned' => true, 'auto_increment' => true],
            'name' => ['type' => 'varchar', 'constraint' => 100],
        ]);
        $this->forge->addPrimaryKey('id');
        $this->forge->createTable('teams');
""",
    ),
    "app/Database/Migrations/2020-02-22-101010_AddMembers.php": ci4(
        "AddMembers",
        """\
        $forge = \\Config\\Database::forge();
        $forge->addField('id')
            ->addField([
                'team_id' => ['type' => 'INT', 'constraint' => 11, 'unsigned' => true],
                'mentor_id' => ['type' => 'INT', 'constraint' => 11, 'unsigned' => true],
                'phone' => ['type' => 'VARCHAR', 'constraint' => 30, 'comment' => 'mobile'],
            ])
            ->addForeignKey('team_id', 'teams', 'id', '', 'CASCADE')
            ->addForeignKey('mentor_id', $this->db->prefixTable('teams'), 'id', '', '', 'fk_mentor')
            ->createTable('members', true);
""",
    ),
    "app/Database/Migrations/2021-05-01-000000_Reshape.php": ci4(
        "Reshape",
        """\
        $this->forge->dropForeignKey('members', 'members_team_id_foreign');
        $this->forge->modifyColumn('members', ['phone' => ['name' => 'mobile']]);
        $this->forge->renameTable('teams', 'squads');
        $this->forge->dropTable('not_there', true);
        $this->forge->dropColumn('members', 'mentor_id');
""",
    ),
}


def test_codeigniter4_chained_forge_foreign_keys_and_renames(tmp_path: Path):
    write_files(tmp_path, CI4)
    ev = read_entry(tmp_path, "app/Database/Migrations/*.php", dialect=None)
    assert sorted(t.key for t in ev.tables) == ["members", "squads"]
    assert names(ev, "members") == ["id", "team_id", "mobile"]
    assert column(ev, "members.id").primary_key and column(ev, "members.id").type == "INT(9)"
    assert column(ev, "members.mobile").type == "VARCHAR(30)"
    assert column(ev, "members.mobile").comment == "mobile"
    assert column(ev, "squads.id").type == "INT(11) UNSIGNED"
    # `members_team_id_foreign` was dropped by the name CodeIgniter 4 gives it; the mentor's went with its column
    assert table(ev, "members").foreign_keys == ()
    assert ev.problems == []


def test_codeigniter4_foreign_keys_point_at_the_renamed_table(tmp_path: Path):
    files = dict(CI4)
    files["app/Database/Migrations/2021-05-01-000000_Reshape.php"] = ci4(
        "Reshape", "        $this->forge->renameTable('teams', 'squads');\n"
    )
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, "app/Database/Migrations/*.php", dialect=None)
    assert table(ev, "members").foreign_keys == (
        ForeignKey(("team_id",), "squads", ("id",)),
        ForeignKey(("mentor_id",), "squads", ("id",)),
    )


def test_files_without_a_version_are_not_run(tmp_path: Path):
    write_files(tmp_path, {"application/migrations/helpers.php": "<?php\nfunction x() {}\n", **CI3})
    ev = read_entry(tmp_path, "application/migrations/*.php", "codeigniter", dialect=None)
    assert [(p.location.path, p.severity) for p in ev.problems] == [
        ("application/migrations/helpers.php", Severity.WARNING)
    ]
    assert "not a CodeIgniter migration file name" in ev.problems[0].message


def test_detect_tells_codeigniter_from_laravel_and_doctrine(tmp_path: Path):
    write_files(tmp_path, {**CI3, **CI4})
    for name in (*CI3, *CI4):
        if name.endswith(".php"):
            assert detect(tmp_path / name) == "codeigniter", name


def test_output_is_the_same_each_run(tmp_path: Path):
    write_files(tmp_path, {**CI3, **UNREAD})
    first = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    second = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    assert repr(first.tables) == repr(second.tables) and repr(first.problems) == repr(second.problems)


def test_a_large_migration_reads_in_linear_time(tmp_path: Path):
    """Two thousand fields and as many `add_column` calls: read at once, every column kept."""
    fields = "".join(
        f"            'c{i}' => ['type' => 'VARCHAR', 'constraint' => 10],\n" for i in range(2000)
    )
    adds = "".join(
        f"        $this->dbforge->add_column('big', ['d{i}' => ['type' => 'TEXT']]);\n" for i in range(2000)
    )
    body = f"        $this->dbforge->add_field([\n{fields}        ]);\n        $this->dbforge->create_table('big');\n"
    write_files(tmp_path, {"application/migrations/001_big.php": ci3("Big", body + adds)})
    ev = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    assert len(table(ev, "big").columns) == 4000


def test_helpers_that_call_each_other_twice_do_not_hang(tmp_path: Path):
    """Twenty helpers, each calling the next twice: 2**20 replays before; the calls are bounded now."""
    helpers = "".join(
        f"    private function h{i}()\n    {{\n        $this->h{i + 1}();\n        $this->h{i + 1}();\n    }}\n\n"
        for i in range(20)
    )
    helpers += (
        "    private function h20()\n    {\n        $this->dbforge->drop_column('users', 'email');\n    }\n\n"
    )
    body = """\
        $this->dbforge->add_field(['id' => ['type' => 'INT'], 'email' => ['type' => 'VARCHAR']]);
        $this->dbforge->create_table('users');
        $this->h0();
"""
    write_files(tmp_path, {"application/migrations/001_deep.php": ci3("Deep", body, helpers)})
    started = time.process_time()
    ev = read_entry(tmp_path, "application/migrations/*.php", dialect=None)
    assert time.process_time() - started < 10
    assert names(ev, "users") == ["id"]
    said = [(p.location.line, p.message.split(":")[0]) for p in ev.problems]
    assert (119, "methods called too many times") in said  # at `private function h19()`


def test_real_codeigniter_project_from_the_corpus():
    """The shared corpus holds no CodeIgniter migrations yet (its INDEX lists none)."""
    corpus = corpus_dir()
    found = sorted(corpus.glob("schemas/*/application/migrations")) + sorted(
        corpus.glob("schemas/*/app/Database/Migrations")
    )
    if not found:
        pytest.skip(f"no CodeIgniter migrations folder in the corpus at {corpus}")
    home = found[0]
    ev = read_entry(home.parent, f"{home.name}/*.php", "codeigniter", dialect=None)
    assert ev.tables
