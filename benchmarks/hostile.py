"""Hostile input stays linear: CPU time of the cases that were quadratic or worse (issue 13).

For each case the input is built at size n and 2n; linear work about doubles, quadratic
work quadruples. Prints CPU and wall seconds (the median of `--repeat` runs) and the CPU
ratio. Schema cases read a file through the reader its `format:` names, as an audit does
(the ones that were quadratic, and one linear case per family).

    python benchmarks/hostile.py [--scale 1] [--repeat 3] [-k WORD]

Targets: every ratio below 3 (2 is linear); every case under a few seconds at scale 1.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.forms.html_page import _Events
from cnsnt.sources.forms.reader import read_forms
from cnsnt.sources.schemas.reader import plan_schemas
from cnsnt.sql.statements import split_statements


def _html(markup: str) -> None:
    events = _Events(markup)
    events.feed(markup)
    events.close()


def _split(text: str) -> None:
    chunks = [text[i : i + (1 << 20)] for i in range(0, len(text), 1 << 20)]
    for _ in split_statements(chunks, "postgres", 1_000_000):
        pass


def _entry(kind: str, name: str, fmt: str | None = None) -> Callable[[str], None]:
    """Read `text` as the file `name` of a `kind` entry (its `format:` is `fmt`)."""

    def read(text: str) -> None:
        with tempfile.TemporaryDirectory(prefix="cnsnt-bench-") as tmp:
            base = Path(tmp)
            path = base / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            spec = SourceSpec(
                kind=kind, pattern=name, base_dir=base, location=Location("cnsnt.yaml", 1, 1), format=fmt
            )
            ctx = SourceContext(base_dir=base)
            if kind == "forms":
                read_forms(path, spec, ctx)
                return
            for reader, group in plan_schemas([path], spec):
                reader(group, spec, ctx)

    return read


def _fields(n: int, line: Callable[[int], str]) -> str:
    return "".join(line(i) for i in range(n))


CASES: dict[str, tuple[Callable[[str], None], Callable[[int], str]]] = {
    "html '<a' x n": (_html, lambda n: "<a" * n),
    "html '<a ' x n": (_html, lambda n: "<a " * n),
    "html '<!--' x n": (_html, lambda n: "<!--" * n),
    "html '<!--x>' x n": (_html, lambda n: "<!--x>" * n),
    "html '<a' x n, then '>'": (_html, lambda n: "<a" * n + ">"),
    "html '<a x=\"' x n, then '>'": (_html, lambda n: '<a x="' * n + ">"),
    "html '</a' x n, then '>'": (_html, lambda n: "</a" * n + ">"),
    "html '<![CDATA[' x n": (_html, lambda n: "<![CDATA[" * n + ">"),
    "sql unclosed comment (n KB)": (_split, lambda n: "SELECT 1; /* " + "x " * (n * 512)),
    "sql unclosed string (n KB)": (_split, lambda n: "SELECT '" + "x" * (n * 1024)),
    "sql one long statement (n KB)": (_split, lambda n: "SELECT 1 IN (" + "1," * (n * 512) + "1);"),
    # schemas: one model of n fields (every reader compared each column with all before it)
    "model sqlalchemy, n fields": (
        _entry("schemas", "models.py", "sqlalchemy"),
        lambda n: (
            "from sqlalchemy import Column, String\nfrom sqlalchemy.orm import declarative_base\n"
            "Base = declarative_base()\nclass M(Base):\n    __tablename__ = 'm'\n"
            + _fields(n, lambda i: f"    c{i} = Column(String)\n")
        ),
    ),
    "model rails schema.rb, n columns": (
        _entry("schemas", "db/schema.rb", "rails"),
        lambda n: (
            'ActiveRecord::Schema.define(version: 1) do\n  create_table "t" do |t|\n'
            + _fields(n, lambda i: f'    t.string "c{i}"\n')
            + "  end\nend\n"
        ),
    ),
    "model prisma, n fields": (
        _entry("schemas", "schema.prisma", "prisma"),
        lambda n: (
            "model M {\n  id Int @id\n" + _fields(n, lambda i: f'  c{i} String @map("col{i}")\n') + "}\n"
        ),
    ),
    "model jpa, n fields": (
        _entry("schemas", "M.java", "jpa"),
        lambda n: (
            "import jakarta.persistence.*;\n@Entity class M {\n  @Id Long id;\n"
            + _fields(n, lambda i: f"  @Column(length = 10) private String c{i};\n")
            + "}\n"
        ),
    ),
    "model efcore snapshot, n properties": (
        _entry("schemas", "Migrations/AppModelSnapshot.cs", "efcore"),
        lambda n: (
            "using Microsoft.EntityFrameworkCore;\nnamespace A.Migrations {\n[DbContext(typeof(AppDb))]\n"
            "partial class AppModelSnapshot : ModelSnapshot {\n"
            "protected override void BuildModel(ModelBuilder modelBuilder) {\n"
            'modelBuilder.Entity("A.M", b => {\n'
            + _fields(n, lambda i: f'  b.Property<string>("C{i}").HasColumnType("text");\n')
            + '  b.ToTable("t");\n});\n}\n}\n}\n'
        ),
    ),
    # schemas: a default read word by word parsed every start of it
    "ddl default nested n deep": (
        _entry("schemas", "s.sql", "ddl"),
        lambda n: "CREATE TABLE t (a int DEFAULT " + "(" * n + "1" + ")" * n + " COMPRESSION pglz);\n",
    ),
    "ddl default of n calls": (
        _entry("schemas", "s.sql", "ddl"),
        lambda n: "CREATE TABLE t (a int DEFAULT " + "f(1) " * n + "COMPRESSION pglz);\n",
    ),
    "ddl default then n unknown words": (
        _entry("schemas", "s.sql", "ddl"),
        lambda n: "CREATE TABLE t (a text DEFAULT CURRENT_USER " + "w " * n + ");\n",
    ),
    # schemas: a Knex chain of n createTable calls (each call walked to the root; > 500 lost)
    "knex chain of n tables": (
        _entry("schemas", "migrations/20240101_init.js", "knex_migrations"),
        lambda n: (
            "exports.up = function (knex) {\n  return knex.schema\n"
            + _fields(n, lambda i: f"    .createTable('t{i}', (t) => {{ t.string('email'); }})\n")
            + "  ;\n};\n"
        ),
    ),
    # schemas: n columns on one line (each place decoded the line up to it)
    "line laravel, n columns on one line": (
        _entry("schemas", "database/migrations/2020_01_01_000000_a.php", "laravel"),
        lambda n: (
            "<?php\nuse Illuminate\\Database\\Migrations\\Migration;\n"
            "use Illuminate\\Database\\Schema\\Blueprint;\nuse Illuminate\\Support\\Facades\\Schema;\n"
            "return new class extends Migration {\n    public function up(): void {\n"
            "        Schema::create('t', function (Blueprint $table) {"
            + _fields(n, lambda i: f" $table->string('c{i}');")
            + " });\n    }\n};\n"
        ),
    ),
    # schemas: n SQL calls of a migration, each replayed on the whole schema so far
    "migration mikroorm, n addSql tables": (
        _entry("schemas", "src/migrations/Migration20240101000000.ts", "mikroorm_migrations"),
        lambda n: (
            "import { Migration } from '@mikro-orm/migrations';\n"
            "export class Migration20240101000000 extends Migration {\n  async up(): Promise<void> {\n"
            + _fields(n, lambda i: f'    this.addSql(\'create table "t{i}" ("id" int, "e" text);\');\n')
            + "  }\n}\n"
        ),
    ),
    "migration typeorm, n query tables": (
        _entry("schemas", "src/migrations/1715028537217-Init.ts", "typeorm_migrations"),
        lambda n: (
            "import { MigrationInterface, QueryRunner } from 'typeorm';\n"
            "export class Init1715028537217 implements MigrationInterface {\n"
            "  public async up(queryRunner: QueryRunner): Promise<void> {\n"
            + _fields(n, lambda i: f'    await queryRunner.query(`CREATE TABLE "t{i}" ("id" int)`);\n')
            + "  }\n}\n"
        ),
    ),
    # schemas: n add_column calls on one table (each copied the table's columns)
    "rails migration, n add_column": (
        _entry("schemas", "db/migrate/20240101000000_add.rb", "rails_migrations"),
        lambda n: (
            "class Add < ActiveRecord::Migration[7.0]\n  def change\n    create_table :users do |t|\n"
            "      t.string :email\n    end\n"
            + _fields(n, lambda i: f"    add_column :users, :c{i}, :string\n")
            + "  end\nend\n"
        ),
    ),
    # schemas: tree-sitter-kotlin's error recovery from n classes each missing a `)`
    "kotlin n classes missing ')'": (
        _entry("schemas", "src/M.kt", "jpa"),
        lambda n: (
            "import jakarta.persistence.*\n\n"
            + _fields(
                n,
                lambda i: (
                    f"@Entity\nclass User{i}(\n    @Id val id: Long,\n    val email: String,\n {{\n"
                    "    fun f(x: Int) = x + 1\n}\n"
                ),
            )
        ),
    ),
    # linear ones, one per family
    "many django models": (
        _entry("schemas", "models.py", "django"),
        lambda n: (
            "from django.db import models\n"
            + _fields(
                n,
                lambda i: (
                    f"class M{i}(models.Model):\n"
                    "    email = models.EmailField()\n    phone = models.CharField()\n"
                ),
            )
        ),
    ),
    "many laravel tables": (
        _entry("schemas", "database/migrations/2020_01_01_000000_a.php", "laravel"),
        lambda n: (
            "<?php\nuse Illuminate\\Database\\Migrations\\Migration;\n"
            "use Illuminate\\Database\\Schema\\Blueprint;\nuse Illuminate\\Support\\Facades\\Schema;\n"
            "return new class extends Migration {\n    public function up(): void {\n"
            + _fields(
                n,
                lambda i: (
                    f"        Schema::create('t{i}', function (Blueprint $table) {{\n"
                    "            $table->string('email');\n        });\n"
                ),
            )
            + "    }\n};\n"
        ),
    ),
    "form jsx nested n deep": (
        _entry("forms", "F.jsx"),
        lambda n: (
            "export function F() {\n  return (<form>"
            + "<div>" * n
            + '<input name="email" />'
            + "</div>" * n
            + "</form>);\n}\n"
        ),
    ),
    "form heex, n inputs": (
        _entry("forms", "f.html.heex"),
        lambda n: (
            "<.form for={@form}>\n"
            + _fields(n, lambda i: f"  <.input field={{@form[:c{i}]}} required />\n")
            + "</.form>\n"
        ),
    ),
}

#: n at scale 1, by the first word of a case's name (about 0.2-1 s at n).
SIZES = {
    "html": 200_000,
    "sql": 12_000,
    "model": 8_000,
    "ddl": 20_000,
    "knex": 4_000,
    "migration": 512,
    "rails": 8_192,
    "kotlin": 5_000,
    "line": 16_000,
    "many": 4_000,
    "form": 8_000,
}


def timed(func: Callable[[str], None], text: str, repeat: int) -> tuple[float, float]:
    """(CPU, wall) seconds of `func(text)`, each the median of `repeat` runs."""
    cpus: list[float] = []
    walls: list[float] = []
    for _ in range(repeat):
        wall, start = time.perf_counter(), time.process_time()
        func(text)
        cpus.append(time.process_time() - start)
        walls.append(time.perf_counter() - wall)
    return statistics.median(cpus), statistics.median(walls)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each size; the median is shown")
    parser.add_argument("-k", dest="only", default="", help="only the cases whose name holds this text")
    args = parser.parse_args()
    for name, (func, build) in CASES.items():
        if args.only not in name:
            continue
        n = int(SIZES[name.split()[0]] * args.scale)
        small, small_wall = timed(func, build(n), args.repeat)
        large, large_wall = timed(func, build(2 * n), args.repeat)
        ratio = large / small if small > 0 else float("nan")
        print(
            f"{name:34s} n={n:>7,}  {small:6.2f} s ({small_wall:5.2f} wall)"
            f"  2n: {large:6.2f} s ({large_wall:5.2f} wall)  ratio {ratio:4.1f}"
        )


if __name__ == "__main__":
    main()
