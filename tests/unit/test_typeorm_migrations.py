"""TypeORM migrations: the SQL of `queryRunner.query(...)` in `up`, replayed in timestamp order."""

from __future__ import annotations

from pathlib import Path

from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

FIRST = """\
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUser1700000000000 implements MigrationInterface {
  name = 'CreateUser1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user" ("id" SERIAL NOT NULL, "email" character varying NOT NULL, "birthDate" TIMESTAMP, CONSTRAINT "PK_1" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE TABLE "note" (
        "id" SERIAL NOT NULL,
        "body" text NOT NULL,
        "userId" integer
      )`,
    );
    await queryRunner.query(`COMMENT ON COLUMN "user"."email" IS 'where we send receipts'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "note"`);
    await queryRunner.query(`DROP TABLE "user"`);
  }
}
"""

SECOND = """\
import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class Phone1700000000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "user" ADD "phone" character varying(30)');
    await queryRunner.query(`ALTER TABLE "note" RENAME COLUMN "body" TO "text"`);
    await queryRunner.query(`UPDATE "user" SET "phone" = ${defaultPhone}`);
    await queryRunner.query(`ALTER TABLE "${table}" ADD "x" integer`);
    await queryRunner.createTable(new Table({ name: 'audit', columns: [] }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
"""


def test_migrations_are_replayed_in_timestamp_order(tmp_path: Path):
    # named so that the file names sort the other way: the class names' timestamps decide
    write_files(tmp_path, {"migrations/b-CreateUser.ts": FIRST, "migrations/a-Phone.ts": SECOND})
    ev = read_entry(tmp_path, "migrations/*.ts", "typeorm_migrations", dialect=None)
    assert sorted(t.key for t in ev.tables) == ["note", "user"]
    assert names(ev, "user") == ["id", "email", "birthDate", "phone"]
    assert names(ev, "note") == ["id", "text", "userId"]
    assert column(ev, "user.email").comment == "where we send receipts"
    assert column(ev, "user.phone").type.lower().startswith("varchar")  # type: ignore[union-attr]
    # each column at its place in the TypeScript string, a renamed one at its rename
    assert where(column(ev, "user.email")) == ("migrations/b-CreateUser.ts", 7)
    assert where(column(ev, "note.userId")) == ("migrations/b-CreateUser.ts", 12)
    assert where(column(ev, "note.text")) == ("migrations/a-Phone.ts", 6)
    assert where(table(ev, "note")) == ("migrations/b-CreateUser.ts", 9)
    # a table name from a variable may change tables: a warning; an UPDATE with one does not;
    # TypeORM's schema API (createTable) is not read: a warning
    problems = [(p.severity, p.location.line, p.message.split(":")[0]) for p in ev.problems]
    assert problems == [
        (Severity.WARNING, 8, "queryRunner.query(...)"),
        (Severity.WARNING, 9, "queryRunner.createTable(...)"),
    ]
    assert ev.counts["migrations"] == 2


def test_mysql_migrations_are_told_by_their_backticks(tmp_path: Path):
    mysql = FIRST.replace('CREATE TABLE "user"', "CREATE TABLE \\`user\\`").replace(
        'COMMENT ON COLUMN "user"."email" IS \'where we send receipts\'',
        "ALTER TABLE \\`user\\` ADD \\`city\\` varchar(80)",
    )
    write_files(tmp_path, {"src/migrations/1700000000000-CreateUser.ts": mysql})
    ev = read_entry(tmp_path, "src/migrations/*.ts", dialect=None)  # detected from the files
    assert detect(tmp_path / "src/migrations/1700000000000-CreateUser.ts") == "typeorm_migrations"
    assert names(ev, "user")[-1] == "city"
    assert not [p for p in ev.problems if p.severity is None]


def test_a_broken_migration_is_a_cn001_and_the_others_are_replayed(tmp_path: Path):
    broken = SECOND.replace("await queryRunner.query('ALTER", "await queryRunner.query(('ALTER")
    write_files(tmp_path, {"m/1-CreateUser.ts": FIRST, "m/2-Phone.ts": broken})
    ev = read_entry(tmp_path, "m/*.ts", "typeorm_migrations", dialect=None)
    errors = [p for p in ev.problems if p.severity is None]
    assert [(p.location.path, p.message.split(" (")[0]) for p in errors] == [
        ("m/2-Phone.ts", "TypeScript syntax error")
    ]
    assert names(ev, "user")[:3] == ["id", "email", "birthDate"]


def test_an_entry_with_entities_and_their_migrations_reads_the_entities(tmp_path: Path):
    entity = (
        "import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';\n"
        "@Entity()\nexport class User {\n  @PrimaryGeneratedColumn() id: number;\n  @Column() email: string;\n}\n"
    )
    write_files(tmp_path, {"src/user.entity.ts": entity, "src/migrations/1-CreateUser.ts": FIRST})
    ev = read_entry(tmp_path, "src/**/*.ts")
    assert [t.key for t in ev.tables] == ["user"]
    assert names(ev, "user") == ["id", "email"]
    assert [p.severity for p in ev.problems] == [Severity.WARNING]
    assert "TypeORM entities are read" in ev.problems[0].message
