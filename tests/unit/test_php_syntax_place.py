"""A PHP syntax error is a CN001 at the place it breaks, found the same way by both PHP
readers (Doctrine entities, Laravel migrations): `grammars.first_error`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, SourceProblem
from cnsnt.sources.schemas import grammars
from tests.unit.schema_entry import read_entry, write_files

MIGRATION = """\
<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

class CreateMembersTable extends Migration
{
    /**
     * Run the migrations.
     */
    public function up()
    {
        // members of the club
        Schema::create('members', function (Blueprint $table) {
            $table->increments('id');
            /* the address we write to */
            $table->string('email')->unique();
            $table->date('birth_date')->nullable();
            $table->timestamps();
        });
    }

    public function down()
    {
        Schema::dropIfExists('members');
    }
}
"""

ENTITY = """\
<?php

namespace App\\Entity;

use Doctrine\\ORM\\Mapping as ORM;

/**
 * A member of the club.
 */
#[ORM\\Entity]
#[ORM\\Table(name: 'member')]
class Member
{
    #[ORM\\Id]
    #[ORM\\Column]
    private ?int $id = null;

    /** The address we write to. */
    #[ORM\\Column(length: 180)]
    private ?string $email = null;

    public function getEmail(): ?string
    {
        return $this->email;
    }
}
"""

MIGRATION_PATH = "database/migrations/2024_01_01_000000_create_members_table.php"
ENTITY_PATH = "src/Entity/Member.php"


def place(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of `needle` (plus `offset` characters) in `text`."""
    at = text.index(needle) + offset
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def syntax_errors(tmp_path: Path, path: str, text: str, fmt: str) -> list[SourceProblem]:
    write_files(tmp_path, {path: text})
    ev: Evidence = read_entry(tmp_path, path, fmt)
    return [p for p in ev.problems if "PHP syntax error" in p.message]


def where(problem: SourceProblem) -> tuple[str, int | None, int | None]:
    return problem.location.path, problem.location.line, problem.location.column


def test_a_broken_migration_is_reported_where_it_breaks(tmp_path: Path):
    """A stray quote: the place is the quote, not the class the broken method is in."""
    broken = MIGRATION.replace("$table->timestamps();", "$table->timestamps'();")
    [problem] = syntax_errors(tmp_path, MIGRATION_PATH, broken, "laravel")
    assert where(problem) == (MIGRATION_PATH, *place(broken, "timestamps'", len("timestamps")))


def test_a_broken_entity_is_reported_where_it_breaks(tmp_path: Path):
    broken = ENTITY.replace("return $this->email;", "return $this->email'();")
    [problem] = syntax_errors(tmp_path, ENTITY_PATH, broken, "doctrine")
    assert where(problem) == (ENTITY_PATH, *place(broken, "email'", len("email")))


def test_an_unclosed_attribute_is_reported_on_its_own_line(tmp_path: Path):
    """The ERROR node starts at the attribute before it; the place is the broken one's `#[`."""
    broken = ENTITY.replace("#[ORM\\Table(name: 'member')]", "#[ORM\\Table(name: 'member')")
    [problem] = syntax_errors(tmp_path, ENTITY_PATH, broken, "doctrine")
    assert where(problem) == (ENTITY_PATH, *place(broken, "#[ORM\\Table"))
    assert "(unclosed '#[')" in problem.message


@pytest.mark.parametrize("fmt", ["laravel", "doctrine"])
def test_an_if_without_parentheses_is_reported_at_the_if(tmp_path: Path, fmt: str):
    """Each PHP reader places it at the broken `if`, not at the method or class around it."""
    broken = MIGRATION.replace(
        "Schema::dropIfExists('members');", "if Schema::hasTable('members') { Schema::drop('members'); }"
    )
    [problem] = syntax_errors(tmp_path, MIGRATION_PATH, broken, fmt)
    assert where(problem) == (MIGRATION_PATH, *place(broken, "if Schema"))


def test_the_error_search_visits_each_node_once(monkeypatch: pytest.MonkeyPatch):
    """One pass per ERROR node: nested errors cost linear time, not a search per level."""
    seen: Counter[tuple[int, int, str]] = Counter()
    search = grammars._first_error

    def counted(
        node: grammars.Node, complete: frozenset[str], depth: int, before: grammars.Node | None = None
    ) -> grammars.Node | None:
        seen[(node.start_byte, node.end_byte, node.type)] += 1
        return search(node, complete, depth, before)

    monkeypatch.setattr(grammars, "_first_error", counted)
    tree = grammars.parser("php", "a test").parse(b"<?php ->b ) , , ->b ) , {")
    assert grammars.first_error(tree.root_node) is not None
    assert seen and max(seen.values()) == 1


PHINX = """\
<?php

use Phinx\\Migration\\AbstractMigration;

final class CreateMembers extends AbstractMigration
{
    public function change(): void
    {
        $table = $this->table('members');
        $table->addColumn('email', 'string')
              ->addColumn('birth_date', 'date', ['null' => true])
              ->create();
    }
}
"""
PHINX_PATH = "db/migrations/20240101000000_create_members.php"


@pytest.mark.parametrize("ending", ["\n", ";\n"])
def test_an_unclosed_call_is_reported_at_its_parenthesis(tmp_path: Path, ending: str):
    """Phinx's `addColumn('email', 'string'` left open: the place is its `(`, not the file's start
    nor where the grammar gives up."""
    broken = PHINX.replace("->addColumn('email', 'string')\n", "->addColumn('email', 'string'" + ending)
    [problem] = syntax_errors(tmp_path, PHINX_PATH, broken, "phinx")
    assert where(problem) == (PHINX_PATH, *place(broken, "('email'"))
    assert "(unclosed '(')" in problem.message


def test_an_unclosed_closure_is_reported_at_its_brace(tmp_path: Path):
    """`});` written `);`: the closure's `{` is left open (its `)` closes the call around it)."""
    broken = MIGRATION.replace("        });\n", "        );\n")
    [problem] = syntax_errors(tmp_path, MIGRATION_PATH, broken, "laravel")
    assert where(problem) == (MIGRATION_PATH, *place(broken, "{\n            $table->increments"))


def test_a_method_left_open_is_reported_at_its_brace_not_at_the_next_method(tmp_path: Path):
    """The class's `}` closes the method left open: the place is the method's `{`, the one
    whose closer is indented less than its own line."""
    broken = ENTITY.replace("        return $this->email;\n    }\n", "        return $this->email;\n\n")
    broken = broken.replace(
        "\n}\n", "\n\n    public function getId(): ?int\n    {\n        return $this->id;\n    }\n}\n"
    )
    [problem] = syntax_errors(tmp_path, ENTITY_PATH, broken, "doctrine")
    assert where(problem) == (ENTITY_PATH, *place(broken, "{\n        return $this->email"))


def test_a_closer_that_closes_nothing_is_reported_at_it(tmp_path: Path):
    broken = MIGRATION.replace("$table->timestamps();", "$table->timestamps());")
    [problem] = syntax_errors(tmp_path, MIGRATION_PATH, broken, "laravel")
    assert where(problem) == (MIGRATION_PATH, *place(broken, "());", 2))
    assert "(unmatched ')')" in problem.message


def test_a_statement_set_aside_is_not_the_place_the_token_after_it_is(tmp_path: Path):
    """`$table->string('email') 'x';`: tree-sitter sets the whole call aside and parses on at
    `'x'`, the token it could not fit."""
    broken = MIGRATION.replace("$table->date('birth_date')->nullable();", "$table->date('birth_date') 'x';")
    [problem] = syntax_errors(tmp_path, MIGRATION_PATH, broken, "laravel")
    assert where(problem) == (MIGRATION_PATH, *place(broken, "'x'"))


def test_brackets_inside_a_string_do_not_count(tmp_path: Path):
    """A comment and a string of SQL hold brackets of their own: only the code's are matched."""
    sql = "$this->execute('CREATE INDEX x ON members ((lower(email))');\n"
    broken = PHINX.replace("->create();\n", "->create(;\n" + " " * 8 + "// (\n" + " " * 8 + sql)
    [problem] = syntax_errors(tmp_path, PHINX_PATH, broken, "phinx")
    assert where(problem) == (PHINX_PATH, *place(broken, "create(", len("create")))


def test_an_unclosed_nesting_is_placed_in_linear_time():
    """A hostile nesting never closed: the innermost opener, found without recursion."""
    source = b"<?php\n$x = " + b"(" * 5000 + b"1;\n"
    tree = grammars.parser("php", "a test").parse(source)
    file = grammars.SourceFile(source, "deep.php")
    problem = grammars.syntax_problem(tree, file, "PHP")
    assert problem is not None and (problem.location.line, problem.location.column) == (2, 5 + 5000)


def test_a_deep_ruby_nesting_is_placed_in_linear_time():
    """Ruby's block keywords are told without asking tree-sitter for a parent (found from the root down)."""
    import time

    from cnsnt.sources.schemas.rails_schema import ruby_block, ruby_first_error

    source = b"ActiveRecord::Schema.define(version: 1) do\n" + b"  x = ( if a\n" * 10_000
    tree = grammars.parser("ruby", "a test").parse(source)
    file = grammars.SourceFile(source, "db/schema.rb")
    started = time.perf_counter()
    problem = grammars.syntax_problem(tree, file, "Ruby", locate=ruby_first_error, blocks=ruby_block)
    assert time.perf_counter() - started < 5  # 30 s when quadratic
    assert problem is not None and (problem.location.line, problem.location.column) == (10_001, 7)


def test_columns_on_one_long_line_are_placed_by_character_reading_the_line_once(tmp_path: Path):
    """Each place decoded its line up to the node: n columns on one line cost n squared."""
    from tests.unit.schema_entry import column as column_of

    def migration(n: int, pad: str = "") -> str:
        calls = " ".join(f"$table->string('c{i}'); /* {pad} */" for i in range(n))
        return MIGRATION.replace("$table->increments('id');", f"$table->increments('id'); {calls}")

    text = migration(40, "é€𝄞")  # characters of two, three and four bytes before each column
    write_files(tmp_path, {MIGRATION_PATH: text})
    ev = read_entry(tmp_path, MIGRATION_PATH, "laravel")
    for i in (0, 1, 39):
        found = column_of(ev, f"members.c{i}")
        assert (found.location.line, found.location.column) == place(text, f"'c{i}'")

    class Read(bytes):
        """The file's bytes, counting how many of them are sliced out."""

        sliced = 0

        def __getitem__(self, key):  # type: ignore[override]
            got = super().__getitem__(key)
            if isinstance(key, slice):
                Read.sliced += len(got)
            return got

    class At:
        def __init__(self, row: int, byte: int) -> None:
            self.start_point, self.start_byte = (row, 0), byte

    line = "".join(f"é{i:05d};" for i in range(20_000)).encode()
    file = grammars.SourceFile(Read(b"<?php\n" + line + b"\n"), "long.php")
    Read.sliced = 0
    places = [file.place(At(1, 6 + i * 8)) for i in range(20_000)]
    assert places[:2] == [(2, 1), (2, 8)] and places[-1] == (2, 1 + 19_999 * 7)
    assert Read.sliced < 5 * len(line)  # the line once or so, not 20,000 times half of it
