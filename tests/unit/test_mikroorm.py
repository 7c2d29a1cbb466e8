"""MikroORM entities and migrations read with tree-sitter-typescript: naming, relations, replay, init."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.mikroorm_naming import underscore
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, write_files

BASE = """\
import { PrimaryKey, Property } from '@mikro-orm/core';

export abstract class BaseEntity {
  @PrimaryKey()
  id!: number;

  @Property()
  createdAt = new Date();
}
"""

USER = """\
import { Embeddable, Embedded, Entity, Enum, ManyToMany, ManyToOne, OneToOne, Property, Collection } from '@mikro-orm/core';
import { BaseEntity } from './base';

@Embeddable()
export class Address {
  @Property()
  street!: string;

  @Property({ fieldName: 'zip' })
  postalCode!: string;
}

export enum Role { Admin = 'admin', Member = 'member' }

@Entity({ comment: 'people who sign in' })
export class UserProfile extends BaseEntity {
  @Property({ length: 100, comment: 'where we send receipts' })
  email!: string;

  @Property({ columnType: 'date', nullable: true })
  birthDate?: Date;

  @Property({ persist: false })
  fullName!: string;

  @Enum(() => Role)
  role!: Role;

  @ManyToOne(() => Team)
  team!: Team;

  @ManyToOne({ entity: () => Team, fieldName: 'backup_team', nullable: true })
  backupTeam?: Team;

  @OneToOne(() => Passport)
  passport!: Passport;

  @OneToOne(() => Passport, (p) => p.holder)
  mirror!: Passport;

  @ManyToMany(() => Team)
  clubs = new Collection<Team>(this);

  @ManyToMany({ entity: () => Team, mappedBy: 'fans' })
  idols = new Collection<Team>(this);

  @ManyToMany(() => UserProfile)
  friends = new Collection<UserProfile>(this);

  @Embedded(() => Address)
  homeAddress!: Address;

  @Embedded({ entity: () => Address, prefix: 'work_' })
  work!: Address;

  @Embedded(() => Address, { object: true })
  billing!: Address;
}

@Entity({ tableName: 'teams', schema: 'app' })
export class Team {
  @PrimaryKey({ type: 'uuid' })
  uuid!: string;
}

@Entity()
export class Passport {
  @PrimaryKey()
  id!: number;

  @OneToOne({ entity: () => UserProfile, mappedBy: 'passport' })
  holder!: UserProfile;
}
"""

BROKEN = """\
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

@Entity()
export class Note {
  @PrimaryKey()
  id!: number;

  @Property(
  body!: string;
}
"""


def _project(tmp_path: Path) -> Path:
    write_files(tmp_path, {"src/base.ts": BASE, "src/user.ts": USER})
    return tmp_path


def test_underscore_naming_is_mikroorms():
    assert underscore("UserProfile") == "user_profile"
    assert underscore("firstName") == "first_name"
    assert underscore("HTMLParser") == "htmlparser"  # one capital after a lower-case letter only
    assert underscore("address2Line") == "address2line"


def test_entities_tables_columns_and_types(tmp_path: Path):
    ev = read_entry(_project(tmp_path), "src/*.ts", "mikroorm")
    assert not ev.problems, ev.problems
    user = table(ev, "user_profile")
    assert user.comment == "people who sign in"
    assert names(ev, "user_profile")[:5] == ["id", "created_at", "email", "birth_date", "role"]
    assert "full_name" not in names(ev, "user_profile")  # persist: false is no column
    assert column(ev, "user_profile.email").type == "varchar(100)"
    assert column(ev, "user_profile.email").comment == "where we send receipts"
    assert column(ev, "user_profile.birth_date").type == "date"
    assert column(ev, "user_profile.created_at").type == "timestamptz"  # from `= new Date()`
    assert column(ev, "user_profile.id").primary_key
    assert column(ev, "user_profile.created_at").location.path == "src/base.ts"
    assert table(ev, "app.teams").name == "teams"


def test_relations_are_key_columns_and_owning_many_to_many_a_join_table(tmp_path: Path):
    ev = read_entry(_project(tmp_path), "src/*.ts", "mikroorm")
    cols = names(ev, "user_profile")
    assert "team_uuid" in cols and "backup_team" in cols and "passport_id" in cols
    assert "mirror_id" not in cols  # the inverse side of a one-to-one holds no key
    assert column(ev, "user_profile.team_uuid").type == "uuid"
    user = table(ev, "user_profile")
    assert ForeignKey(("team_uuid",), "teams", ("uuid",), "app") in user.foreign_keys
    assert names(ev, "user_profile_clubs") == ["user_profile_id", "teams_uuid"]
    assert table(ev, "user_profile_clubs").foreign_keys[1] == ForeignKey(
        ("teams_uuid",), "teams", ("uuid",), "app"
    )
    assert names(ev, "user_profile_friends") == ["user_profile_1_id", "user_profile_2_id"]
    assert not [t for t in ev.tables if t.name == "user_profile_idols"]  # mappedBy: the inverse side
    assert not [t for t in ev.tables if t.name.startswith("passport_")]


def test_embedded_columns_are_prefixed_as_mikroorm_does(tmp_path: Path):
    ev = read_entry(_project(tmp_path), "src/*.ts", "mikroorm")
    cols = names(ev, "user_profile")
    assert {"home_address_street", "home_address_zip", "work_street", "work_zip"} <= set(cols)
    assert column(ev, "user_profile.billing").type == "jsonb"  # object: true is one JSON column
    assert column(ev, "user_profile.home_address_street").location.line == 6  # in the embeddable


def test_a_broken_file_is_a_cn001_at_its_place_and_the_others_are_read(tmp_path: Path):
    write_files(_project(tmp_path), {"src/note.ts": BROKEN})
    ev = read_entry(tmp_path, "src/*.ts", "mikroorm")
    errors = [p for p in ev.problems if p.severity is None]
    assert len(errors) == 1 and errors[0].location.path == "src/note.ts"
    assert (errors[0].location.line, errors[0].location.column) >= (8, 1)
    assert table(ev, "user_profile") and table(ev, "note")


FIRST = """\
import { Migration } from '@mikro-orm/migrations';

export class Migration20240102000000 extends Migration {
  async up(): Promise<void> {
    this.addSql('alter table "user" add column "phone" varchar(30) null;');
    const sql = `
      create table "note" ("id" serial primary key, "body" text not null);
      alter table "note" add column "${column}" text;
      create table "tag" ("id" serial primary key, "label" text not null);
    `;
    this.addSql(sql);
  }

  async down(): Promise<void> {
    this.addSql('drop table "user";');
  }
}
"""

ZERO = """\
import { Migration } from '@mikro-orm/migrations';

export class Migration20240101000000 extends Migration {
  async up(): Promise<void> {
    this.addSql(
      'create table "user" ("id" serial primary key, "email" varchar(255) not null, "first_name" text null);',
    );
  }
}
"""


def test_migrations_replay_add_sql_in_timestamp_order(tmp_path: Path):
    write_files(tmp_path, {"m/Migration20240102000000.ts": FIRST, "m/Migration20240101000000.ts": ZERO})
    assert detect(tmp_path / "m/Migration20240102000000.ts") == "mikroorm_migrations"
    ev = read_entry(tmp_path, "m/*.ts", dialect=None)
    assert names(ev, "user") == ["id", "email", "first_name", "phone"]
    assert column(ev, "user.phone").location.line == 5
    assert names(ev, "note") == ["id", "body"]  # the statement with `${...}` alone is left out
    assert names(ev, "tag") == ["id", "label"]
    problems = [(p.severity, p.location.line, p.message.split(":")[0]) for p in ev.problems]
    assert problems == [(Severity.WARNING, 8, "this.addSql(...)")]


def test_mysql_migrations_are_told_by_their_backticks(tmp_path: Path):
    mysql = ZERO.replace('"', "`").replace("serial primary key", "int auto_increment primary key")
    write_files(tmp_path, {"m/Migration20240101000000.ts": mysql})
    ev = read_entry(tmp_path, "m/*.ts", "mikroorm_migrations", dialect=None)
    assert not ev.problems, ev.problems
    assert names(ev, "user") == ["id", "email", "first_name"]


def test_detection_and_an_entry_holding_entities_and_migrations(tmp_path: Path):
    write_files(
        _project(tmp_path),
        {"src/migrations/Migration20240101000000.ts": ZERO, "src/util.ts": "export const x = 1;\n"},
    )
    assert detect(tmp_path / "src/user.ts") == "mikroorm"
    ev = read_entry(tmp_path, "src/**/*.ts", dialect=None)
    assert table(ev, "user_profile")
    warnings = [p.message for p in ev.problems]
    assert len(warnings) == 1 and "MikroORM entities" in warnings[0]  # util.ts goes with the entities


def test_typeorm_entities_are_still_typeorms(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "a.ts": "import { Entity, Column } from 'typeorm';\n@Entity() export class A { @Column() b: string; }\n"
        },
    )
    assert detect(tmp_path / "a.ts") == "typeorm"


def _init(root: Path) -> tuple[dict, str]:
    result = CliRunner().invoke(app, ["init", str(root)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    text = (root / "cnsnt.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), text


def test_init_proposes_the_entities_and_leaves_out_their_migrations(tmp_path: Path):
    write_files(_project(tmp_path), {"src/migrations/Migration20240101000000.ts": ZERO})
    policy, text = _init(tmp_path)
    assert policy["sources"]["schemas"] == [{"path": "src/*.ts", "format": "mikroorm"}]
    assert "left out 1 MikroORM migration in src/migrations" in text
    assert "UnderscoreNamingStrategy" in text
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"user_profile.email", "user_profile.birth_date"} <= declared
    assert not [f for f in audit_path(tmp_path).findings if f.rule == "CN001"]


def test_init_proposes_migrations_without_entities(tmp_path: Path):
    write_files(tmp_path, {"db/Migration20240101000000.ts": ZERO})
    policy, _ = _init(tmp_path)
    assert policy["sources"]["schemas"] == [{"path": "db/*.ts", "format": "mikroorm_migrations"}]


MANY = """\
import { Migration } from '@mikro-orm/migrations';

export class Migration20240101000000 extends Migration {
  async up(): Promise<void> {
    this.addSql('create table "team" ("id" serial primary key, "name" text);');
    this.addSql('create table "member" ("id" serial primary key, "email" text, "team_id" int, constraint "member_team_foreign" foreign key ("team_id") references "team" ("id"));');
    this.addSql('create table "note" ("id" serial primary key, "body" text);');
    this.addSql('create table "bad" ("id" int, "oops" text default \\'x);');
    this.addSql('create table "tag" ("id" serial primary key, "label" text);');
    this.addSql('alter table "team" rename to "squad";');
    this.addSql('alter table "member" drop constraint "member_team_foreign";');
    this.addSql('drop table "note";');
    this.addSql('create table "note" ("id" serial primary key, "title" text);');
    this.addSql('create table "tag" ("id" serial primary key, "name" text);');
    this.addSql('alter table "member" add column "phone" text;');
  }
}
"""


def _evidence_shown(ev):
    return (
        [(t.key, t.location, t.foreign_keys, [(c.name, c.location) for c in t.columns]) for t in ev.tables],
        [(p.severity, p.location, p.message) for p in ev.problems],
    )


def test_an_unclosed_quote_in_one_add_sql_is_a_cn001_there_and_the_next_calls_are_replayed(tmp_path: Path):
    write_files(tmp_path, {"m/Migration20240101000000.ts": MANY})
    ev = read_entry(tmp_path, "m/*.ts", "mikroorm_migrations")
    problems = [(p.severity, p.location.line, p.location.column) for p in ev.problems]
    assert problems == [(None, 8, 18)], ev.problems  # at its statement; the quote ends with the call
    assert [t.key for t in ev.tables] == ["squad", "member", "tag", "note"]
    assert names(ev, "tag") == ["id", "name"] and names(ev, "note") == ["id", "title"]
    assert names(ev, "member") == ["id", "email", "team_id", "phone"]
    assert table(ev, "member").foreign_keys == ()
    assert table(ev, "squad").location.line == 10


def test_each_add_sql_is_replayed_on_the_tables_it_names_only(tmp_path: Path, monkeypatch):
    """512 calls each creating a table cost 512 squared when each was handed the whole schema."""
    from cnsnt.sources.schemas import replay_sql

    handed: list[int] = []
    embedded = replay_sql.replay_embedded

    def counting(text, tables, dialect, max_statement=0):
        handed.append(len(tables))
        return embedded(text, tables, dialect, max_statement)

    calls = "".join(
        f'    this.addSql(\'create table "t{i}" ("id" int, "email" text);\');\n' for i in range(20)
    )
    write_files(
        tmp_path,
        {
            "m/Migration20240101000000.ts": ZERO.replace(
                ZERO[ZERO.index("    this.addSql(") : ZERO.index("  }\n}")], calls
            )
        },
    )
    monkeypatch.setattr(replay_sql, "replay_embedded", counting)
    ev = read_entry(tmp_path, "m/*.ts", "mikroorm_migrations")
    assert len(ev.tables) == 20 and not ev.problems
    assert len(handed) == 20 and max(handed) <= 1, handed


def test_replaying_on_the_tables_named_gives_what_replaying_on_all_gives(tmp_path: Path, monkeypatch):
    from cnsnt.sources.schemas import replay_sql

    write_files(tmp_path, {"m/Migration20240101000000.ts": MANY})
    touched = _evidence_shown(read_entry(tmp_path, "m/*.ts", "mikroorm_migrations"))
    monkeypatch.setattr(replay_sql, "_touched", lambda replay, text: None)
    assert touched == _evidence_shown(read_entry(tmp_path, "m/*.ts", "mikroorm_migrations"))
