"""TypeORM entities read with tree-sitter-typescript: tables, columns, keys, naming, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from cnsnt.sources.schemas.typeorm_naming import camel_case, snake_case, title_case
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

BASE = """\
import { PrimaryGeneratedColumn, CreateDateColumn, UpdateDateColumn } from 'typeorm';

export abstract class AuditedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
"""

USER = """\
import { Column, Entity, JoinTable, ManyToMany, ManyToOne, JoinColumn, OneToOne, OneToMany } from 'typeorm';
import { AuditedEntity } from '../common/audited.entity';

export enum Tables { Users = 'users' }

@Entity({ name: Tables.Users, schema: 'app', comment: 'People who sign in' })
export class User extends AuditedEntity {
  @Column('varchar', { length: 100, comment: 'where we send receipts' })
  email: string;

  @Column({ nullable: true, comment: 'to check the age of consent' })
  birthDate?: Date | null;

  @Column({ type: 'decimal', precision: 10, scale: 2 })
  balance: number;

  @Column({ default: true })
  isActive: boolean;

  @ManyToOne(() => Team, (team) => team.members)
  team: Team;

  @ManyToOne(type => Team, { nullable: true })
  @JoinColumn({ name: 'backup_team_id' })
  backupTeam?: Team;

  @OneToOne(() => Profile)
  @JoinColumn()
  profile: Profile;

  @OneToOne(() => Profile, (p) => p.user)
  mirror: Profile;

  @ManyToMany(() => Skill)
  @JoinTable()
  skills: Skill[];

  @ManyToMany(() => Skill)
  @JoinTable({ name: 'user_hobbies', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'skill_code' } })
  hobbies: Skill[];

  @OneToMany(() => Post, (post) => post.author)
  posts: Post[];

  @Column(() => FullName)
  name: FullName;

  nickname: string;
}

export class FullName {
  @Column() first: string;
  @Column({ name: 'family' }) last: string;
}
"""

OTHERS = """\
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, ManyToOne, ViewEntity, ViewColumn } from 'typeorm';

@Entity()
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;
}

@Entity()
export class Skill {
  @PrimaryColumn({ length: 12 })
  code: string;
}

@Entity()
export class UserProfile {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  profileId: string;
}

@Entity('profiles')
export class Profile extends AuditedEntity {
  @Column({ type: String, nullable: true })
  bio: string | null;
}

@Entity()
export class Post {
  @PrimaryGeneratedColumn() id: number;
  @ManyToOne('User')
  author: User;
  @ManyToOne(() => UserProfile)
  writerProfile: UserProfile;
}

@ViewEntity({ name: 'active_users', expression: `SELECT email FROM users` })
export class ActiveUser {
  @ViewColumn() email: string;
}
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    write_files(
        tmp_path,
        {
            "src/common/audited.entity.ts": BASE,
            "src/users/user.entity.ts": USER,
            "src/users/others.entity.ts": OTHERS,
            "src/users/users.service.ts": "import { Repository } from 'typeorm';\nexport class UsersService {}\n",
        },
    )
    return tmp_path


def test_entities_tables_columns_types_and_comments(project: Path):
    ev = read_entry(project, "src/**/*.ts", "typeorm")
    assert not ev.problems, ev.problems
    assert sorted(t.key for t in ev.tables) == [
        "active_users", "app.user_hobbies", "app.users", "app.users_skills_skill", "post", "profiles", "skill",
        "team", "user_profile",
    ]  # fmt: skip
    assert names(ev, "app.users") == [
        "id", "created_at", "updatedAt", "email", "birthDate", "balance", "isActive", "teamId",
        "backup_team_id", "profileId", "nameFirst", "nameFamily",
    ]  # fmt: skip
    types = {c.name: c.type for c in table(ev, "app.users").columns}
    assert types == {
        "id": "integer", "created_at": "timestamp", "updatedAt": "timestamp", "email": "varchar(100)",
        "birthDate": "timestamp", "balance": "decimal(10,2)", "isActive": "boolean", "teamId": "uuid",
        "backup_team_id": "uuid", "profileId": "integer", "nameFirst": "varchar", "nameFamily": "varchar",
    }  # fmt: skip
    assert [c.name for c in table(ev, "app.users").columns if c.primary_key] == ["id"]
    assert table(ev, "app.users").comment == "People who sign in"
    assert column(ev, "app.users.email").comment == "where we send receipts"
    assert column(ev, "app.users.birthDate").comment == "to check the age of consent"
    assert column(ev, "skill.code").type == "varchar(12)"
    assert column(ev, "profiles.bio").type == "varchar"
    assert table(ev, "active_users").is_view
    assert ev.counts == {"schema_files": 3, "models": 9, "tables": 8, "views": 1, "columns": 28}


def test_relations_are_key_columns_and_join_tables(project: Path):
    ev = read_entry(project, "src/**/*.ts", "typeorm")
    # ManyToOne without @JoinColumn: TypeORM's `propertyName + referenced key`, camel-cased
    assert table(ev, "app.users").foreign_keys == (
        ForeignKey(("teamId",), "team", ("id",)),
        ForeignKey(("backup_team_id",), "team", ("id",)),
        ForeignKey(("profileId",), "profiles", ("id",)),
    )
    assert table(ev, "post").foreign_keys == (
        ForeignKey(("authorId",), "users", ("id",), "app"),
        ForeignKey(("writerProfileProfileId",), "user_profile", ("profileId",)),
    )
    assert column(ev, "post.writerProfileProfileId").type == "bigint"
    # @ManyToMany + @JoinTable: `<table>_<property>_<target table>`, columns `<table>` + key
    assert names(ev, "app.users_skills_skill") == ["usersId", "skillCode"]
    assert table(ev, "app.users_skills_skill").foreign_keys == (
        ForeignKey(("usersId",), "users", ("id",), "app"),
        ForeignKey(("skillCode",), "skill", ("code",)),
    )
    assert names(ev, "app.user_hobbies") == ["user_id", "skill_code"]
    assert column(ev, "app.user_hobbies.skill_code").type == "varchar(12)"


def test_columns_of_a_parent_class_are_placed_in_its_file(project: Path):
    ev = read_entry(project, "src/**/*.ts", "typeorm")
    assert where(column(ev, "app.users.created_at")) == ("src/common/audited.entity.ts", 7)
    assert where(column(ev, "app.users.email")) == ("src/users/user.entity.ts", 8)
    assert where(table(ev, "app.users")) == ("src/users/user.entity.ts", 7)
    assert names(ev, "profiles") == ["id", "created_at", "updatedAt", "bio"]


def test_default_table_names_are_the_class_name_in_snake_case():
    """TypeORM's `snakeCase` and `camelCase` (util/StringUtils.ts), as its naming strategy uses them."""
    assert snake_case("UserProfile") == "user_profile"
    assert snake_case("HTMLParser") == "html_parser"
    assert snake_case("OAuth2Token") == "o_auth2_token"
    assert snake_case("user") == "user"
    assert camel_case("author_id") == "authorId"
    assert camel_case("Team_id") == "teamId"
    assert camel_case("user_profile_profileId") == "userProfileProfileId"
    assert title_case("lastName") == "Lastname"


def test_snake_naming_strategy_when_the_project_depends_on_it(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "package.json": '{"dependencies": {"typeorm": "^0.3.20", "typeorm-naming-strategies": "^4.1.0"}}',
            "src/a.entity.ts": (
                "import { Entity, Column, PrimaryGeneratedColumn, ManyToOne } from 'typeorm';\n"
                "@Entity()\nexport class BlogAuthor {\n  @PrimaryGeneratedColumn() id: number;\n"
                "  @Column() firstName: string;\n  @ManyToOne(() => BlogAuthor) invitedBy: BlogAuthor;\n}\n"
            ),
        },
    )
    ev = read_entry(tmp_path, "src/*.ts", "typeorm")
    assert names(ev, "blog_author") == ["id", "first_name", "invited_by_id"]


def test_child_entities_share_their_parents_table(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "content.ts": (
                "import { Entity, Column, PrimaryGeneratedColumn, TableInheritance, ChildEntity } from 'typeorm';\n"
                "@Entity()\n@TableInheritance({ column: { type: 'varchar', name: 'kind' } })\n"
                "export class Content {\n  @PrimaryGeneratedColumn() id: number;\n  @Column() title: string;\n}\n"
                "@ChildEntity()\nexport class Photo extends Content {\n  @Column() size: string;\n}\n"
                "@ChildEntity()\nexport class Question extends Content {\n  @Column() answersCount: number;\n}\n"
            )
        },
    )
    ev = read_entry(tmp_path, "*.ts", "typeorm")
    assert [t.key for t in ev.tables] == ["content"]
    assert names(ev, "content") == ["id", "title", "kind", "size", "answersCount"]


def test_a_broken_file_is_a_cn001_at_its_place_and_the_others_are_read(project: Path):
    broken = "import { Entity, Column } from 'typeorm';\n\n@Entity()\nexport class Broken {\n  @Column() email: string;\n  @Column( phone: string;\n}\n"
    write_files(project, {"src/users/broken.entity.ts": broken})
    ev = read_entry(project, "src/**/*.ts", "typeorm")
    errors = [p for p in ev.problems if p.severity is None]
    assert len(errors) == 1
    assert errors[0].message.startswith("TypeScript syntax error")
    assert (errors[0].location.path, errors[0].location.line) == ("src/users/broken.entity.ts", 6)
    assert errors[0].location.column is not None and errors[0].location.column >= 3
    assert "email" in names(ev, "app.users")  # the other files are still read
    assert "email" in names(ev, "broken")  # and what of the broken file could be


def test_a_value_that_needs_running_code_is_a_warning(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "a.entity.ts": (
                "import { Entity, Column, PrimaryColumn } from 'typeorm';\n"
                "@Entity(process.env.TABLE)\nexport class Account {\n  @PrimaryColumn() id: number;\n"
                "  @Column({ name: `${prefix}_mail` }) email: string;\n}\n"
            )
        },
    )
    ev = read_entry(tmp_path, "*.ts", "typeorm")
    assert names(ev, "account") == ["id", "email"]
    assert [(p.severity, p.location.line) for p in ev.problems] == [
        (Severity.WARNING, 2),
        (Severity.WARNING, 5),
    ]
    assert "cannot evaluate" in ev.problems[0].message


def test_a_file_without_entities_is_a_warning(tmp_path: Path):
    write_files(tmp_path, {"a.ts": "export const x = 1;\n"})
    ev = read_entry(tmp_path, "a.ts", "typeorm")
    assert ev.tables == []
    assert [p.severity for p in ev.problems] == [Severity.WARNING]


def test_ts_files_are_detected_as_typeorm(project: Path):
    assert detect(project / "src/users/user.entity.ts") == "typeorm"
    ev = read_entry(project, "src/**/*.ts")  # no format: told from the files
    assert "app.users" in [t.key for t in ev.tables]


POLICY = """\
cnsnt: 1
controller: {name: Example Ltd, contact: privacy@example.com}
sources:
  schemas: [{path: "src/**/*.ts", format: typeorm}]
purposes:
  accounts:
    description: To run your account.
    basis: contract
data:
  email:
    label: Your email address
    category: user.contact.email
    columns: [app.users.email, app.users.typo]
    purposes: [accounts]
    retention: P2Y
"""


def test_an_audit_reads_the_entities_through_the_policy(project: Path):
    from cnsnt.api import audit_path

    write_files(project, {"cnsnt.yaml": POLICY})
    result = audit_path(project)
    assert result.sources["tables"] == 8 and result.sources["columns"] == 28
    codes = {(f.rule, f.subject) for f in result.findings}
    assert not any(rule == "CN001" for rule, _ in codes), result.findings
    # a declared column the entities do not have, and a personal one the policy leaves out
    messages = [f.message for f in result.findings]
    assert any("app.users.typo" in m for m in messages), messages
    assert any("birthDate" in m for m in messages), messages


def test_a_projects_own_column_and_entity_decorators_are_read_as_typeorms(tmp_path: Path):
    """Wrappers such as `@DbAwareColumn({...})` or `@FeatureFlagEntity('flag')` take TypeORM's options."""
    write_files(
        tmp_path,
        {
            "base.ts": (
                "import { CreateDateColumn, PrimaryColumn } from 'typeorm';\n"
                "export abstract class Base {\n  @PrimaryColumn() id: string;\n"
                "  @CreateDateColumn({ type: resolveDbType('timestamptz') }) created_at: Date;\n"
                "  @Column({ type: dbType() }) kind: Kind;\n}\n"
            ),
            "models.ts": (
                "import { Entity, Column, JoinTable, ManyToMany } from 'typeorm';\n"
                "@FeatureFlagEntity('loyalty')\nexport class Member extends Base {\n"
                "  static tags = 'member_tags';\n"
                "  @DbAwareColumn({ type: 'jsonb', nullable: true }) metadata: object;\n"
                "  @FeatureFlagColumn('loyalty', { nullable: true }) nickname: string;\n"
                "  @ManyToMany(() => Member) @JoinTable({ name: Member.tags }) friends: Member[];\n}\n"
                "@Entity()\nexport class Visit extends Base {}\n"
            ),
        },
    )
    ev = read_entry(tmp_path, "*.ts", "typeorm")
    assert sorted(t.key for t in ev.tables) == ["member", "member_tags", "visit"]
    assert names(ev, "member") == ["id", "created_at", "kind", "metadata", "nickname"]
    assert [column(ev, f"member.{c}").type for c in ("created_at", "metadata", "nickname")] == [
        "timestamp",
        "jsonb",
        "varchar",
    ]
    # a type from code is said once (not once per entity below the parent), and only when
    # the property's type cannot stand in for it (`Kind`, not `Date`)
    assert [(p.severity, p.location.path, p.location.line) for p in ev.problems] == [
        (Severity.WARNING, "base.ts", 5)
    ]
