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
    from cnsnt.policy.yaml_nodes import ENOUGH

    read = getattr(importlib.import_module(f"cnsnt.sources.schemas.{module}"), function)
    with pytest.raises(SourceError) as info:
        read(text, "mapping.yaml")
    last = text.split("\n")
    line = next(i for i, row in enumerate(last) if "[[" in row or "{a: {a:" in row)
    row = last[line]
    # the first collection ENOUGH levels deep (codereview37: past it the scan stops), after
    # the levels that hold the nested value (4 in the changelog, 2 in the mapping)
    above = 4 if "[[" in row else 2
    column = [i for i, char in enumerate(row) if char in "[{"][ENOUGH - above - 1] + 1
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (line + 1, column)
    assert "nested too deep" in info.value.message


# ---- err37: readers of several files at once say the file that nests deepest, where it does

EF_CONTEXT = (
    "using Microsoft.EntityFrameworkCore;\nnamespace Bakery.Data;\n"
    "public class BakeryContext : DbContext\n{\n    public DbSet<Customer> Customers { get; set; }\n}\n"
)
EF_CUSTOMER = (
    "namespace Bakery.Data;\npublic class Customer\n{\n    public int Id { get; set; }\n"
    "    public string Email { get; set; }\n    public int Rank { get; set; } = " + NEST + ";\n}\n"
)
EF_SNAPSHOT = (
    "using Microsoft.EntityFrameworkCore;\nusing Microsoft.EntityFrameworkCore.Infrastructure;\n"
    "namespace Bakery.Data.Migrations\n{\n    [DbContext(typeof(BakeryContext))]\n"
    "    partial class BakeryContextModelSnapshot : ModelSnapshot\n    {\n"
    "        protected override void BuildModel(ModelBuilder modelBuilder)\n        {\n"
    "            var rank = " + NEST + ";\n"
    '            modelBuilder.Entity("Bakery.Data.Customer", b =>\n                {\n'
    '                    b.Property<string>("Email").HasColumnType("nvarchar(256)");\n'
    '                    b.ToTable("Customers");\n                });\n        }\n    }\n}\n'
)
EXPOSED_LOGINS = (
    "import org.jetbrains.exposed.sql.Table\n\nobject Logins : Table(\"logins\") {\n"
    "    val email = varchar(\"email\", 200)\n}\n"
)
EXPOSED_TENANTS = (
    "import org.jetbrains.exposed.sql.Table\n\nobject Tenants : Table(\"tenants\") {\n"
    "    val email = varchar(\"email\", 200)\n    val rank = integer(\"rank\").default(" + NEST + ")\n}\n"
)


@pytest.mark.parametrize(
    ("module", "attribute", "files", "deep", "line", "pattern"),
    [
        # the code model reads the context and the classes it reaches together: the entity nests deepest
        ("efcore", "code_models", {"Data/BakeryContext.cs": EF_CONTEXT, "Data/Customer.cs": EF_CUSTOMER},
         "Data/Customer.cs", 6, "Data/*.cs"),
        ("efcore", "snapshot_models", {"Migrations/BakeryContextModelSnapshot.cs": EF_SNAPSHOT},
         "Migrations/BakeryContextModelSnapshot.cs", 10, "Migrations/*.cs"),
        ("exposed_tables", "_Reader.tables", {"db/Logins.kt": EXPOSED_LOGINS, "db/Tenants.kt": EXPOSED_TENANTS},
         "db/Tenants.kt", 5, "db/*.kt"),
    ],
)
def test_readers_of_several_files_say_the_deepest_file_where_it_nests_deepest(
    tmp_path: Path, monkeypatch, module, attribute, files, deep, line, pattern
):
    """err37: EF Core said 1:1 of the entry's first file; Exposed said the policy's entry."""
    import importlib

    owner = importlib.import_module(f"cnsnt.sources.schemas.{module}")
    *classes, name = attribute.split(".")
    for part in classes:
        owner = getattr(owner, part)
    monkeypatch.setattr(owner, name, _too_deep)
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, pattern, None if module == "efcore" else "exposed")
    assert _deep_problems(ev) == [(deep, *_innermost(files[deep], line))]


@pytest.mark.parametrize("pad", [0, 300])  # a short prefix is decoded, a long one counted: the same rule
def test_a_place_is_the_same_whether_asked_of_a_node_or_of_a_byte(pad: int):
    """err37: a lone surrogate (as cnsnt encodes one, `surrogatepass`) is one character on both ways.

    `SourceFile.place` decoded the line with replacement (three characters), while the give-up's
    byte offset was counted (one): the same byte had two columns.
    """
    from cnsnt.sources.schemas.grammars import SourceFile, parser

    text = "let a = 1;\nconst note = '\ud800'; let pad = '" + "p" * pad + "'; const fee = charge(1);\n"
    source = text.encode("utf-8", "surrogatepass")
    tree = parser("typescript", "a test").parse(source)
    file = SourceFile(source, "fees.ts")
    stack, calls = [tree.root_node], []
    while stack:
        node = stack.pop()
        calls += [node] if node.type == "call_expression" else []
        stack.extend(node.children)
    [call] = calls
    expected = (2, text.split("\n")[1].index("charge(1)") + 1)
    assert file.place(call) == expected
    assert file.offset_place(call.start_byte) == expected


# ---- err37: Python sources (models, migrations, forms) too deep for CPython or for cnsnt's readers

CHAIN = 1 + 2 * 5000  # `1+1+...`: CPython's AST builder gives up near 3,000 levels


@pytest.mark.parametrize(
    ("expression", "offset"),
    [
        ("1" + "+1" * 5000, 0),  # RecursionError while CPython builds the tree: the chain's start
        ("-" * 100_000 + "1", 0),  # MemoryError in CPython's parser: the chain's start
        ("f(g(" + "h" + "()" * 5000 + "))", 4),  # a call chain inside calls: where the chain starts
    ],
)
def test_python_too_deep_for_cpython_is_where_its_deepest_expression_begins(expression: str, offset: int):
    """err37: `cannot parse as Python: RecursionError` had no line."""
    from cnsnt.errors import SourceError
    from cnsnt.sources.schemas.common import parse_python

    text = "from django.db import models\n\n\nclass Tenant(models.Model):\n    rank = models.IntegerField(default=" + expression + ")\n"
    with pytest.raises(SourceError) as info:
        parse_python(text, "shop/models.py")
    column = len("    rank = models.IntegerField(default=") + offset + 1
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (5, column)
    assert "nested too deep" in info.value.message


def test_a_nul_character_past_the_binary_sniff_is_at_its_place():
    from cnsnt.errors import SourceError
    from cnsnt.sources.schemas.common import parse_python

    text = "# " + "padding " * 1200 + "\nclass Tenant:\n    email = 'a\0b'\n"
    with pytest.raises(SourceError) as info:
        parse_python(text, "shop/models.py")
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (3, 15)


ALEMBIC_DEEP = (
    '"""tenants"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "0001"\ndown_revision = None\n\n\n'
    "def upgrade():\n    op.create_table(\"tenants\", sa.Column(\"email\", sa.String(200)))\n"
    "    op.add_column(\"tenants\", sa.Column(\"rank\", sa" + ".x" * 1500 + "))\n"
)
ALEMBIC_SHOPS = (
    '"""shops"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "0002"\ndown_revision = None\n\n\n'
    "def upgrade():\n    op.create_table(\"shops\", sa.Column(\"email\", sa.String(200)))\n"
)
DJANGO_DEEP = (
    "from django.db import models\n\n\nclass Tenant(models.Model):\n    email = models.EmailField()\n"
    "    rank = models" + ".x" * 1500 + "(default=1)\n"
)
DJANGO_SHOP = "from django.db import models\n\n\nclass Shop(models.Model):\n    email = models.EmailField()\n"


@pytest.mark.parametrize(
    ("fmt", "files", "deep", "line", "column", "other"),
    [
        # the replay recursed through `sa.x.x...`: the whole entry was an internal error at the policy's entry
        ("alembic", {"versions/0001_tenants.py": ALEMBIC_DEEP, "versions/0002_shops.py": ALEMBIC_SHOPS},
         "versions/0001_tenants.py", 11, 48, "shops"),
    ],
)
def test_python_deeper_than_the_readers_reach_is_where_it_nests_deepest(
    tmp_path: Path, fmt, files, deep, line, column, other
):
    """err37: a tree CPython builds but cnsnt's readers cannot walk is that file's CN001, at its place."""
    write_files(tmp_path, files)
    ev = read_entry(tmp_path, f"{next(iter(files)).split('/')[0]}/*.py", fmt)
    assert _deep_problems(ev) == [(deep, line, column)]
    assert not [p for p in ev.problems if "internal error" in p.message or "found in this file" in p.message]
    assert other in {t.key for t in ev.tables}  # the entry's other file is still read


def test_a_long_attribute_chain_of_a_django_model_is_read(tmp_path: Path):
    """err37 reported `models.x.x...` 1,500 long as nested too deep (the model's reader
    recursed through the chain, an "internal error" before); hard38 walks a chain in a
    loop (`dotted`), so the file is read: `rank` is no field, `email` is."""
    write_files(tmp_path, {"app/models.py": DJANGO_DEEP, "app/shops.py": DJANGO_SHOP})
    ev = read_entry(tmp_path, "app/*.py", "django")
    assert _deep_problems(ev) == []
    assert not [p for p in ev.problems if "internal error" in p.message]
    assert {"app_tenant", "app_shop"} <= {t.key for t in ev.tables}
    tenant = next(t for t in ev.tables if t.key == "app_tenant")
    assert [c.name for c in tenant.columns] == ["id", "email"]


# ---- err37: Doctrine's and Liquibase's YAML readers refuse a file one way, at its place

@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("databaseChangeLog:\n  - changeSet:\n      id: '1'\n      author: \a\n", 4, 15),  # a BEL: no place was said
        ("databaseChangeLog:\n  - changeSet:\n      id: *nowhere\n", 3, 11),  # an alias never anchored
    ],
)
def test_doctrine_and_liquibase_yaml_say_one_failure_one_way_at_its_place(text: str, line: int, column: int):
    """err37: each reader kept its own `except` blocks; a character YAML does not allow had no line."""
    from cnsnt.errors import SourceError
    from cnsnt.sources.schemas.doctrine_yaml import yaml_classes
    from cnsnt.sources.schemas.liquibase_yaml import yaml_nodes

    said = []
    for read in (yaml_classes, yaml_nodes):
        with pytest.raises(SourceError) as info:
            read(text, "config/tenant.yml")
        assert info.value.location is not None
        assert (info.value.location.line, info.value.location.column) == (line, column)
        said.append(info.value.message.split(";")[0])  # what, before what it costs each reader
    assert said[0] == said[1]


def test_doctrine_yaml_values_too_deep_are_refused_at_the_value():
    """err37: Doctrine said `cannot read this mapping` with no line; Liquibase said where."""
    from cnsnt.errors import SourceError
    from cnsnt.sources.schemas.doctrine_yaml import yaml_classes

    head = "Shop\\Tenant:\n  type: entity\n  options: "
    with pytest.raises(SourceError) as info:
        yaml_classes(head + "{a: " * 150 + "1" + "}" * 150 + "\n", "config/Tenant.orm.yml")
    assert info.value.location is not None
    # the value 101 levels into `options` (the first past the limit)
    assert (info.value.location.line, info.value.location.column) == (3, len("  options: ") + 4 * 101 + 1)
    assert "too deeply nested" in info.value.message


def test_a_json_changelog_too_deep_for_the_scanner_is_at_its_deepest_opening():
    """err37: `cannot read as JSON: RecursionError` had no line."""
    from cnsnt.errors import SourceError
    from cnsnt.sources.schemas.liquibase_json import json_nodes

    text = (
        '{"databaseChangeLog": [\n  {"changeSet": {"id": "1", "author": "ann",\n'
        '    "comment": "[[ in a string ]]", "labels": ' + "[" * 3000 + "]" * 3000 + "}}\n]}\n"
    )
    with pytest.raises(SourceError) as info:
        json_nodes(text, "db/changelog.json")
    assert info.value.location is not None
    row = text.split("\n")[2]
    assert (info.value.location.line, info.value.location.column) == (3, row.index("[" * 3000) + 3000)
    assert "nested too deep" in info.value.message
