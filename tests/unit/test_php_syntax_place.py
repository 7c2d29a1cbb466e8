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
    """The ERROR node starts at the attribute before it; the place is the broken one."""
    broken = ENTITY.replace("#[ORM\\Table(name: 'member')]", "#[ORM\\Table(name: 'member')")
    [problem] = syntax_errors(tmp_path, ENTITY_PATH, broken, "doctrine")
    assert where(problem) == (ENTITY_PATH, *place(broken, "ORM\\Table"))


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

    def counted(node: grammars.Node, complete: frozenset[str], depth: int) -> grammars.Node | None:
        seen[(node.start_byte, node.end_byte, node.type)] += 1
        return search(node, complete, depth)

    monkeypatch.setattr(grammars, "_first_error", counted)
    tree = grammars.parser("php", "a test").parse(b"<?php ->b ) , , ->b ) , {")
    assert grammars.first_error(tree.root_node) is not None
    assert seen and max(seen.values()) == 1
