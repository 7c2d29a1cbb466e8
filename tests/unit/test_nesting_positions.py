"""err36: a file nested too deep for a reader is reported where it nests deepest, not at 1:1.

The readers guard their depth themselves, so Python's RecursionError is the backstop of a
backstop: each test makes the reader raise it, on a file whose deepest nesting is known.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.schema_entry import read_entry, write_files

NEST = "(" * 12 + "0" + ")" * 12


def _too_deep(*_args: object, **_kwargs: object) -> None:
    raise RecursionError


def _innermost(text: str, line: int) -> tuple[int, int]:
    """Line and column of the innermost `(` of NEST on that line of `text`."""
    row = text.split("\n")[line - 1]
    return line, row.index(NEST) + 12


def _deep_problems(ev) -> list[tuple[str, int | None, int | None]]:
    return [
        (p.location.path, p.location.line, p.location.column)
        for p in ev.problems
        if "nested too deep" in p.message
    ]


def test_deepest_opening_is_the_innermost_node_that_holds_others():
    from cnsnt.sources.schemas.grammars import SourceFile, deepest_opening, parser

    source = ("<?php\n$rate = 1;\n$fee = f(" + NEST + ");\n$list = [[1]];\n").encode()
    tree = parser("php", "a test").parse(source)
    assert deepest_opening(SourceFile(source, "fee.php"), tree.root_node) == (3, 21)


LARAVEL = (
    "<?php\nuse Illuminate\\Database\\Migrations\\Migration;\n"
    "return new class extends Migration {\n  public function up(): void {\n"
    "    Schema::create('tenants', function (Blueprint $t) {\n"
    "      $t->string('email');\n      $t->integer(" + NEST + ");\n    });\n  }\n};\n"
)
ECTO = (
    "defmodule Repo.Migrations.CreateTenants do\n  use Ecto.Migration\n  def change do\n"
    "    create table(:tenants) do\n      add :email, :string\n      add :rank, " + NEST + "\n"
    "    end\n  end\nend\n"
)
SEQUELIZE = (
    "const { DataTypes } = require('sequelize');\nmodule.exports = (sequelize) => {\n"
    "  const weight = " + NEST + ";\n  return sequelize.define('Tenant', { email: DataTypes.STRING });\n};\n"
)
TYPEORM = (
    'import { MigrationInterface, QueryRunner } from "typeorm";\n'
    "export class Tenants1700000000000 implements MigrationInterface {\n"
    "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
    "    const rank = " + NEST + ";\n"
    '    await queryRunner.query(`CREATE TABLE "tenants" ("email" text)`);\n  }\n}\n'
)
KNEX = (
    "exports.up = function (knex) {\n  const rank = " + NEST + ";\n"
    "  return knex.schema.createTable('tenants', (t) => { t.string('email'); });\n};\n"
    "exports.down = function (knex) { return knex.schema.dropTable('tenants'); };\n"
)
MONGOOSE = (
    "const mongoose = require('mongoose');\nconst rank = " + NEST + ";\n"
    "mongoose.model('Tenant', new mongoose.Schema({ email: String }));\n"
)
JPA = (
    "package shop;\nimport jakarta.persistence.*;\n@Entity\npublic class Tenant {\n"
    "  @Id Long id;\n  String email;\n  static final int RANK = " + NEST + ";\n}\n"
)


@pytest.mark.parametrize(
    ("module", "attribute", "path", "text", "pattern", "line"),
    [
        ("laravel_migrations", "_Migration.run", "db/2024_01_01_000000_create_tenants.php", LARAVEL,
         "db/*.php", 7),
        ("ecto_migrations", "_Migration.run", "priv/20240101000000_create_tenants.exs", ECTO,
         "priv/*.exs", 6),
        ("sequelize_models", "_Models.read_file", "models/tenant.js", SEQUELIZE, "models/*.js", 3),
        ("typeorm_migrations", "UpReplay.run", "migrations/1700000000000-Tenants.ts", TYPEORM,
         "migrations/*.ts", 4),
        ("knex_migrations", "_Up.run", "migrations/20240101_tenants.js", KNEX, "migrations/*.js", 2),
        ("mongoose_schemas", "_Reader.scan", "models/tenant.js", MONGOOSE, "models/*.js", 2),
        ("jpa_entities", "classes_of", "src/Tenant.java", JPA, "src/*.java", 7),
    ],
)
def test_nesting_too_deep_is_reported_where_the_file_nests_deepest(
    tmp_path: Path, monkeypatch, module, attribute, path, text, pattern, line
):
    import importlib

    owner = importlib.import_module(f"cnsnt.sources.schemas.{module}")
    *classes, name = attribute.split(".")
    for part in classes:
        owner = getattr(owner, part)
    monkeypatch.setattr(owner, name, _too_deep)
    write_files(tmp_path, {path: text})
    ev = read_entry(tmp_path, pattern)
    assert _deep_problems(ev) == [(path, *_innermost(text, line))]


@pytest.mark.parametrize(
    ("module", "function", "text"),
    [
        (
            "liquibase_yaml",
            "yaml_nodes",
            "databaseChangeLog:\n  - changeSet:\n      id: 1\n      comment: " + "[" * 2000 + "]" * 2000 + "\n",
        ),
        ("doctrine_yaml", "yaml_classes", "Shop\\Tenant:\n  type: entity\n  notes: " + "{a: " * 1500 + "1" + "}" * 1500),
    ],
)
def test_yaml_too_deep_for_the_composer_is_at_its_deepest_opening(module, function, text):
    """err36: `cannot read as YAML: RecursionError` had no line; it is where the nesting is deepest."""
    import importlib

    from cnsnt.errors import SourceError

    read = getattr(importlib.import_module(f"cnsnt.sources.schemas.{module}"), function)
    with pytest.raises(SourceError) as info:
        read(text, "mapping.yaml")
    last = text.split("\n")
    line = next(i for i, row in enumerate(last) if "[[" in row or "{a: {a:" in row)
    row = last[line]
    column = max(row.rfind("["), row.rfind("{")) + 1
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (line + 1, column)
    assert "nested too deep" in info.value.message
