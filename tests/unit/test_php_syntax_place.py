"""A PHP syntax error is a CN001 at the place it breaks, found the same way by both PHP
readers (Doctrine entities, Laravel migrations): `grammars.first_error`."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, SourceProblem
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
    assert problem.message.startswith("PHP syntax error (missing ';'): tables from here on")


def test_a_broken_entity_is_reported_where_it_breaks(tmp_path: Path):
    broken = ENTITY.replace("return $this->email;", "return $this->email'();")
    [problem] = syntax_errors(tmp_path, ENTITY_PATH, broken, "doctrine")
    assert where(problem) == (ENTITY_PATH, *place(broken, "email'", len("email")))
    assert problem.message.startswith("PHP syntax error (missing ';'): entities from here on")


def test_an_unclosed_attribute_is_reported_on_its_own_line(tmp_path: Path):
    """The ERROR node starts at the attribute before it; the place is the broken one."""
    broken = ENTITY.replace("#[ORM\\Table(name: 'member')]", "#[ORM\\Table(name: 'member')")
    [problem] = syntax_errors(tmp_path, ENTITY_PATH, broken, "doctrine")
    assert where(problem) == (ENTITY_PATH, *place(broken, "ORM\\Table"))


@pytest.mark.parametrize(
    ("old", "new", "line_of"),
    [
        ("$table->timestamps();", "$table->timestamps'();", "timestamps'"),
        (
            "Schema::dropIfExists('members');",
            "if Schema::hasTable('members') { Schema::drop('members'); }",
            "if Schema",
        ),
    ],
    ids=["stray-quote", "if-without-parentheses"],
)
def test_both_php_readers_place_an_error_alike(tmp_path: Path, old: str, new: str, line_of: str):
    """One PHP text, read as a Laravel migration and as Doctrine entities: one place."""
    broken = MIGRATION.replace(old, new)
    [laravel] = syntax_errors(tmp_path / "laravel", MIGRATION_PATH, broken, "laravel")
    [doctrine] = syntax_errors(tmp_path / "doctrine", MIGRATION_PATH, broken, "doctrine")
    assert where(laravel) == where(doctrine)
    assert laravel.location.line == place(broken, line_of)[0]
