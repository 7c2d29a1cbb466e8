"""SQLModel, Peewee and Tortoise ORM models read statically (Python's `ast`, never imported)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from cnsnt.evidence import Evidence, ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, discover
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files


@pytest.fixture
def models(tmp_path: Path):
    def run(files: dict[str, str], pattern: str, fmt: str | None = None) -> Evidence:
        write_files(tmp_path, files)
        return read_entry(tmp_path, pattern, fmt)

    return run


def types(ev: Evidence, tname: str) -> dict[str, str | None]:
    return {c.name: c.type for c in table(ev, tname).columns}


def warnings(ev: Evidence) -> list[tuple[str | None, int | None, str]]:
    return [(p.location.path, p.location.line, p.message) for p in ev.problems]


# -- SQLModel

SQLMODEL = """\
import uuid
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import ClassVar, Optional

from pydantic import EmailStr
from sqlalchemy import Column, DateTime, String
from sqlmodel import Field, Relationship, SQLModel


class Plan(str, Enum):
    free = "free"
    paid = "paid"


class HeroBase(SQLModel):
    email: EmailStr = Field(unique=True, max_length=120)
    age: int | None = None
    secret_name: str


class HeroCreate(HeroBase):
    password: str


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(description="Team name shown to members")


class Hero(HeroBase, table=True):
    __tablename__ = "heroes"
    kind: ClassVar[str] = "hero"
    _cache: dict = {}
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    born: Optional[datetime] = None
    balance: Decimal = Field(default=0, max_digits=10, decimal_places=2)
    plan: Plan = Plan.free
    active: bool = True
    full_name: str = Field(sa_column=Column("display_name", String(80), comment="as printed"))
    seen: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    team_id: int | None = Field(default=None, foreign_key="team.id")
    team: Team | None = Relationship(back_populates="heroes")
"""


def test_sqlmodel_tables_columns_types_and_keys(models):
    ev = models({"app/models.py": SQLMODEL}, "app/models.py")
    assert [t.name for t in ev.tables] == ["team", "heroes"]  # HeroBase, HeroCreate: no table
    assert names(ev, "heroes") == [
        "email", "age", "secret_name", "id", "born", "balance", "plan", "active", "display_name",
        "seen", "team_id",
    ]  # fmt: skip
    assert types(ev, "heroes") == {
        "email": "VARCHAR(120)",
        "age": "INTEGER",
        "secret_name": "VARCHAR(255)",
        "id": "CHAR(32)",
        "born": "DATETIME",
        "balance": "NUMERIC(10, 2)",
        "plan": "ENUM",
        "active": "BOOL",
        "display_name": "VARCHAR(80)",
        "seen": "DATETIME",
        "team_id": "INTEGER",
    }
    assert column(ev, "heroes.id").primary_key and column(ev, "team.id").primary_key
    assert column(ev, "heroes.display_name").comment == "as printed"
    assert column(ev, "team.name").comment == "Team name shown to members"
    assert table(ev, "heroes").foreign_keys == (ForeignKey(("team_id",), "team", ("id",)),)
    assert where(column(ev, "heroes.email")) == ("app/models.py", 18)  # inherited: where the base writes it
    assert where(table(ev, "heroes")) == ("app/models.py", 32)
    assert ev.problems == []


def test_sqlmodel_what_needs_running_code_is_a_warning_at_its_line(models):
    source = (
        "import os\nfrom sqlmodel import Field, SQLModel\n\n\n"
        "class Note(SQLModel, table=True):\n"
        "    __tablename__ = os.environ['NOTES']\n"
        "    id: int = Field(primary_key=True)\n"
        "    tags: list[str] = []\n"
        "    if os.environ.get('AUDIT'):\n"
        "        author: str = Field(max_length=50)\n"
    )
    ev = models({"notes.py": source}, "notes.py")
    assert names(ev, "note") == ["id"]
    found = warnings(ev)
    assert [(path, line) for path, line, _ in found] == [("notes.py", 6), ("notes.py", 8), ("notes.py", 10)]
    assert "read as `note`" in found[0][2]
    assert "`tags: list[str]` has no SQL type SQLModel maps" in found[1][2]
    assert "inside `if`" in found[2][2]
    assert all(p.severity == Severity.WARNING for p in ev.problems)


def test_sqlmodel_is_detected_before_sqlalchemy_and_its_alembic_revisions_left_out(models, tmp_path: Path):
    revision = "from alembic import op\nimport sqlalchemy as sa\nrevision = 'a1'\ndown_revision = None\n"
    ev = models({"app/models.py": SQLMODEL, "app/alembic/versions/a1.py": revision}, "app/**/*.py")
    assert detect(tmp_path / "app/models.py") == "sqlmodel"
    assert sorted(t.name for t in ev.tables) == ["heroes", "team"]
    assert [p.message.split(":")[0] for p in ev.problems] == [
        "1 migration file(s) in this entry beside the SQLModel models they build"
    ]


# -- Peewee

PEEWEE = """\
import os
from peewee import *

db = MySQLDatabase("shop")


class LongTextField(TextField):
    field_type = "LONGTEXT"


class JSONText(LongTextField):
    pass


class BaseModel(Model):
    created = DateTimeField(null=True)

    class Meta:
        database = db
        legacy_table_names = False


class UserAccount(BaseModel):
    email = CharField(max_length=120, unique=True, help_text="login email")
    nickname = CharField(64, null=True)
    bio = JSONText(null=True)


class Order(BaseModel):
    code = CharField(primary_key=True, max_length=12)
    buyer = ForeignKeyField(UserAccount, backref="orders")
    parent_id = ForeignKeyField("self", null=True, column_name="parent_code")
    total = DecimalField(max_digits=8, decimal_places=2)
    tags = ManyToManyField(UserAccount, backref="tagged")

    class Meta:
        table_name = "orders"


class Audit(BaseModel):
    user = ForeignKeyField(UserAccount, field=UserAccount.email)
    day = DateField()

    class Meta:
        primary_key = CompositeKey("user", "day")
"""


def test_peewee_tables_columns_types_and_keys(models):
    ev = models({"shop/models.py": PEEWEE}, "shop/models.py")
    assert [t.name for t in ev.tables] == ["user_account", "orders", "orders_user_account_through", "audit"]
    assert names(ev, "user_account") == ["id", "created", "email", "nickname", "bio"]
    assert types(ev, "user_account") == {
        "id": "INTEGER", "created": "DATETIME", "email": "VARCHAR(120)", "nickname": "VARCHAR(64)",
        "bio": "LONGTEXT",
    }  # fmt: skip
    assert column(ev, "user_account.id").primary_key  # peewee's implicit AutoField
    assert column(ev, "user_account.email").comment == "login email"
    assert types(ev, "orders") == {
        "created": "DATETIME", "code": "VARCHAR(12)", "buyer_id": "INTEGER", "parent_code": "VARCHAR(12)",
        "total": "NUMERIC(8, 2)",
    }  # fmt: skip
    assert table(ev, "orders").foreign_keys == (
        ForeignKey(("buyer_id",), "user_account", ("id",)),
        ForeignKey(("parent_code",), "orders", ("code",)),
    )
    assert types(ev, "orders_user_account_through") == {
        "id": "INTEGER", "order_id": "VARCHAR(12)", "useraccount_id": "INTEGER",
    }  # fmt: skip
    assert table(ev, "audit").foreign_keys == (ForeignKey(("user_id",), "user_account", ("email",)),)
    assert [c.name for c in table(ev, "audit").columns if c.primary_key] == ["user_id", "day"]
    assert column(ev, "audit.user_id").type == "VARCHAR(120)"
    assert where(column(ev, "orders.buyer_id")) == ("shop/models.py", 31)
    assert ev.problems == []


def test_peewee_composite_key_columns_and_legacy_names(models):
    source = (
        "import peewee as pw\n\n\nclass UserProfile(pw.Model):\n    a = pw.IntegerField()\n"
        "    b = pw.IntegerField()\n\n    class Meta:\n        primary_key = pw.CompositeKey('a', 'b')\n"
    )
    ev = models({"m.py": source}, "m.py")
    assert [t.name for t in ev.tables] == ["userprofile"]  # legacy names: lower-cased, no underscore
    assert [c.name for c in table(ev, "userprofile").columns if c.primary_key] == ["a", "b"]


PEEWEE_MIGRATE = """\
from peewee import CharField, ForeignKeyField, IntegerField, Model, TextField
from playhouse.migrate import MySQLMigrator, migrate


class Member(Model):
    name = CharField()
    old_code = IntegerField()
    legacy = TextField()


class Club(Model):
    title = CharField()


def add_column(migrator, table, column, field):
    try:
        migrate(migrator.add_column(table, column, field))
    except Exception:
        pass


def never_called(migrator, table):
    migrate(migrator.drop_column(table, "name"))


def migrate_db(db, flags):
    migrator = MySQLMigrator(db)
    phone = CharField(max_length=32, null=True, help_text="mobile")
    migrate(migrator.add_column("member", "phone", phone))
    add_column(migrator, "member", "home_address", CharField(max_length=200))
    add_column(migrator, "member", "club_id", ForeignKeyField(Club, null=True))
    add_column(migrator, "member", "name", TextField())  # the model has it: the model's stays
    migrate(
        migrator.rename_column("member", "name", "full_name"),
        migrator.drop_column("member", "legacy"),
        migrator.alter_column_type("member", "old_code", CharField(max_length=8)),
        migrator.add_not_null("member", "phone"),
    )
    migrate(migrator.rename_table("club", "clubs"))
    migrate(migrator.add_column("visit", "ip_address", CharField()))
    for column in flags:
        migrate(migrator.add_column("member", column, CharField()))
    if flags:
        migrate(migrator.drop_column("member", "phone"))
    for name in flags:
        add_column(migrator, "member", name, CharField())
"""


def test_peewee_playhouse_migrate_calls_change_the_model_tables(models):
    ev = models({"app/models.py": PEEWEE_MIGRATE}, "app/*.py", "peewee")
    assert [t.name for t in ev.tables] == ["member", "clubs", "visit"]
    assert types(ev, "member") == {
        "id": "INTEGER", "full_name": "VARCHAR(255)", "old_code": "VARCHAR(8)", "phone": "VARCHAR(32)",
        "home_address": "VARCHAR(200)", "club_id": "INTEGER",
    }  # fmt: skip
    assert column(ev, "member.phone").comment == "mobile"
    assert where(column(ev, "member.phone")) == ("app/models.py", 29)
    assert where(column(ev, "member.home_address")) == ("app/models.py", 30)  # at the call of the helper
    assert where(column(ev, "member.full_name")) == ("app/models.py", 34)
    assert table(ev, "member").foreign_keys == (ForeignKey(("club_id",), "clubs", ("id",)),)
    assert names(ev, "visit") == ["ip_address"]
    assert [(line, msg.split(":")[0]) for _, line, msg in warnings(ev)] == [
        (23, "`migrator.drop_column(...)`"),  # its table is an argument of a function never called
        (40, "`migrator.add_column`"),  # no model makes `visit`
        (42, "`migrator.add_column(...)`"),  # the column is a loop variable
        (44, "`migrator.drop_column(...)`"),  # under an `if`: not applied
        (46, "`add_column(...)`, which runs `migrator.add_column(...)`"),  # said where the name is unknown
    ]


def test_peewee_a_helper_called_under_a_condition_does_not_drop(models):
    source = (
        "from peewee import CharField, Model\nfrom playhouse.migrate import MySQLMigrator, migrate\n\n\n"
        "class Member(Model):\n"
        "    phone = CharField()\n\n\n"
        "def drop_it(migrator, table, column):\n"
        "    migrate(migrator.drop_column(table, column))\n\n\n"
        "def migrate_db(db, legacy):\n"
        "    migrator = MySQLMigrator(db)\n"
        "    if legacy:\n"
        "        drop_it(migrator, 'member', 'phone')\n"
    )
    ev = models({"app/models.py": source}, "app/*.py", "peewee")
    assert names(ev, "member") == ["id", "phone"]  # the drop may never run
    assert [(line, msg.split(":")[0]) for _, line, msg in warnings(ev)] == [
        (16, "`drop_it(...)`, which runs `migrator.drop_column(...)`")
    ]


def test_peewee_a_drop_in_a_function_without_arguments_the_file_never_calls_is_held_back(models):
    """`def down():` beside `def up():` (a rollback the file never runs; wizarr's migration
    runner calls each file's `run()` from elsewhere): whether it runs cannot be known from the
    file, so its drops, renames and changes are a warning at the call and the columns stay;
    its adds and a function the file calls are applied as before."""
    source = (
        "from peewee import CharField, Model, TextField\nfrom playhouse.migrate import SqliteMigrator, migrate\n\n"
        "migrator = SqliteMigrator(db)\n\n\n"
        "class Habit(Model):\n"
        "    name = CharField()\n"
        "    legacy = TextField()\n\n\n"
        "def up():\n"
        "    migrate(migrator.add_column('habit', 'note', TextField(null=True)))\n"
        "    migrate(migrator.drop_column('habit', 'legacy'))\n\n\n"
        "def down():\n"
        "    migrate(migrator.drop_column('habit', 'note'))\n"
        "    migrate(migrator.rename_column('habit', 'name', 'title'))\n"
        "    migrate(migrator.add_column('habit', 'legacy_copy', TextField(null=True)))\n\n\n"
        "if __name__ == '__main__':\n"
        "    up()\n"
    )
    ev = models({"app/migration_005.py": source, "app/models.py": ""}, "app/*.py", "peewee")
    assert names(ev, "habit") == ["id", "name", "note", "legacy_copy"]
    assert [(where, line) for where, line, _ in warnings(ev)] == [
        ("app/migration_005.py", 18),
        ("app/migration_005.py", 19),
    ]
    assert [(p.location.column, p.severity) for p in ev.problems] == [(13, Severity.WARNING)] * 2
    assert "`down()`" in ev.problems[0].message and "never calls" in ev.problems[0].message


def test_peewee_a_drop_in_a_rollback_given_the_migrator_is_held_back(models):
    """peewee-moves runs `downgrade(migrator)` and peewee_migrate `rollback(migrator, database)`
    only to undo a migration: their drops are held back as `def down():`'s; `upgrade` and
    `migrate`, which the tools run, are applied."""
    source = (
        "from peewee import CharField, Model, TextField\nfrom playhouse.migrate import migrate\n\n\n"
        "class Habit(Model):\n"
        "    name = CharField()\n"
        "    legacy = TextField()\n"
        "    fax = TextField()\n\n\n"
        "def upgrade(migrator):\n"
        "    migrate(migrator.add_column('habit', 'note', TextField(null=True)))\n"
        "    migrate(migrator.drop_column('habit', 'legacy'))\n\n\n"
        "def downgrade(migrator):\n"
        "    migrate(migrator.drop_column('habit', 'note'))\n\n\n"
        "def migrate_db(migrator, database, fake=False, **kwargs):\n"
        "    migrate(migrator.drop_column('habit', 'fax'))\n\n\n"
        "def rollback(migrator, database, fake=False, **kwargs):\n"
        "    migrate(migrator.rename_column('habit', 'name', 'title'))\n"
    )
    ev = models({"app/migration_005.py": source, "app/models.py": ""}, "app/*.py", "peewee")
    assert names(ev, "habit") == ["id", "name", "note"]
    assert [(where, line) for where, line, _ in warnings(ev)] == [
        ("app/migration_005.py", 17),
        ("app/migration_005.py", 25),
    ]
    assert "`downgrade()`" in ev.problems[0].message and "only to undo" in ev.problems[0].message
    assert "`rollback()`" in ev.problems[1].message


def test_peewee_a_helper_called_from_a_function_given_the_migrator_is_followed(models):
    source = (
        "from peewee import CharField, Model\nfrom playhouse.migrate import migrate\n\n\n"
        "class Member(Model):\n"
        "    name = CharField()\n\n\n"
        "def add_column(migrator, table, column, field):\n"
        "    migrate(migrator.add_column(table, column, field))\n\n\n"
        "def migrate_db(migrator, column):\n"  # called by the app, not in this file
        "    add_column(migrator, 'member', 'phone', CharField())\n"
        "    add_column(migrator, 'member', column, CharField())\n"
    )
    ev = models({"app/models.py": source}, "app/*.py", "peewee")
    assert names(ev, "member") == ["id", "name", "phone"]
    assert [(line, msg.split(":")[1].strip()) for _, line, msg in warnings(ev)] == [
        (15, "its table or column is not a literal cnsnt can read; not applied, so a column it adds, drops "
         "or renames may be missing or kept")
    ]  # fmt: skip


def test_peewee_what_needs_running_code_is_a_warning_at_its_line(models):
    source = (
        "import os\nfrom peewee import Model, CharField, ForeignKeyField\n\n\n"
        "class Person(Model):\n"
        "    name = CharField()\n"
        "    for lang in ('en', 'fr'):\n"
        "        vars()['bio_' + lang] = CharField()\n"
        "    owner = ForeignKeyField(get_model())\n\n"
        "    class Meta:\n"
        "        table_name = os.environ['PEOPLE']\n"
    )
    ev = models({"people.py": source}, "people.py")
    assert names(ev, "person") == ["id", "name", "owner_id"]
    assert table(ev, "person").foreign_keys == ()
    found = warnings(ev)
    assert [(line, msg.split(" is not")[0]) for _, line, msg in found] == [
        (12, "the table name `os.environ['PEOPLE']`"),
        (9, "the model of a foreign key `get_model()`"),
        (8, "`CharField(...)` inside `for`"),
    ]


# -- Tortoise ORM

TORTOISE = """\
from tortoise import fields
from tortoise.models import Model as Model_


class Timestamped:
    created_at = fields.DatetimeField(auto_now_add=True, description="first saved")


class Base(Model_):
    id = fields.BigIntField(pk=True)

    class Meta:
        abstract = True


class Team(Base, Timestamped):
    name = fields.CharField(80, description="team name")

    class Meta:
        table = "teams"
        table_description = "Teams of players"


class Player(Timestamped, Model_):
    email = fields.CharField(max_length=255, unique=True)
    balance = fields.DecimalField(12, 2)
    team = fields.ForeignKeyField("models.Team", related_name="players")
    coach = fields.OneToOneField("models.Player", source_field="coach_ref", null=True)
    rivals = fields.ManyToManyField("models.Team", related_name="rivals", through="player_rivals")
    friends = fields.ManyToManyField("models.Player")
    notes = fields.TextField(null=True)
"""


def test_tortoise_tables_columns_types_and_keys(models):
    ev = models({"app/models.py": TORTOISE}, "app/models.py")
    assert [t.name for t in ev.tables] == ["teams", "player", "player_rivals", "player_player"]
    assert table(ev, "teams").comment == "Teams of players"
    assert types(ev, "teams") == {"created_at": "DATETIME(6)", "id": "BIGINT", "name": "VARCHAR(80)"}
    assert column(ev, "teams.name").comment == "team name"
    assert column(ev, "teams.created_at").comment == "first saved"
    assert names(ev, "player") == ["id", "created_at", "email", "balance", "team_id", "coach_ref", "notes"]
    assert types(ev, "player")["balance"] == "DECIMAL(12, 2)"
    assert types(ev, "player")["team_id"] == "BIGINT"  # typed as the key it references
    assert types(ev, "player")["coach_ref"] == "INT"  # Tortoise's implicit `id`
    assert types(ev, "player")["notes"] == "LONGTEXT"
    assert table(ev, "player").foreign_keys == (
        ForeignKey(("team_id",), "teams", ("id",)),
        ForeignKey(("coach_ref",), "player", ("id",)),
    )
    assert types(ev, "player_rivals") == {"player_id": "INT", "team_id": "BIGINT"}
    assert names(ev, "player_player") == ["player_rel_id", "player_id"]  # backward key renamed
    assert where(column(ev, "player.team_id")) == ("app/models.py", 27)
    assert ev.problems == []


def test_tortoise_models_inherit_across_files_and_unknown_targets_warn(models):
    files = {
        "app/base.py": TORTOISE,
        "app/log.py": (
            "from tortoise import fields\nfrom .base import Base\n\n\nclass Log(Base):\n"
            "    who = fields.ForeignKeyField(TARGET)\n"
            "    if DEBUG:\n        trace = fields.TextField()\n"
        ),
    }
    ev = models(files, "app/*.py", "tortoise")
    assert names(ev, "log") == ["id", "who_id"]
    assert [(path, line) for path, line, _ in warnings(ev)] == [("app/log.py", 6), ("app/log.py", 8)]


def test_cycles_odd_bases_and_quoted_annotations_neither_hang_nor_raise(models):
    source = (
        "from typing import Optional\nfrom peewee import CharField, ForeignKeyField, Model\n"
        "from sqlmodel import Field, SQLModel\n\n\n"
        "class A(B):\n    x = CharField()\n\n\nclass B(A):\n    y = CharField()\n\n\n"
        "class C(make_base(), Model):\n    owner = ForeignKeyField()\n\n\n"
        "class D(SQLModel, table=True):\n    id: 'Optional[int]' = Field(default=None, primary_key=True)\n"
    )
    peewee = models({"m.py": source}, "m.py", "peewee")
    assert [t.name for t in peewee.tables if t.name == "c"] == ["c"]
    assert names(peewee, "c") == ["id", "owner_id"]
    assert [line for _, line, _ in warnings(peewee)] == [15]  # `ForeignKeyField()` names no model
    sqlmodel = models({"m.py": source}, "m.py", "sqlmodel")
    assert column(sqlmodel, "d.id").type == "INTEGER" and column(sqlmodel, "d.id").primary_key


def test_reading_is_deterministic(models):
    files = {"a/models.py": SQLMODEL, "b/models.py": PEEWEE, "c/models.py": TORTOISE}
    first = [models(files, f"{d}/models.py") for d in "abc"]
    again = [models(files, f"{d}/models.py") for d in "abc"]
    assert [repr(e.tables) for e in first] == [repr(e.tables) for e in again]


def test_a_format_that_finds_no_model_says_so(models):
    ev = models({"m.py": "from peewee import Model\n"}, "m.py", "peewee")
    assert ev.tables == [] and "no Peewee model found" in ev.problems[0].message


# -- cnsnt init


def _write(base: Path, name: str, text: str) -> None:
    write_files(base, {name: text})


def test_init_proposes_one_entry_per_python_orm_and_no_alembic_beside_sqlmodel(tmp_path: Path):
    write = partial(_write, tmp_path)
    write("backend/app/models.py", SQLMODEL)
    write("backend/app/alembic/versions/a1_init.py", "revision = 'a1'\ndown_revision = None\n")
    write("shop/db/models.py", PEEWEE)
    write("shop/services/orders.py", "from peewee import fn\n\n\nclass OrderService:\n    pass\n")
    write("bot/models/team.py", TORTOISE)
    write("bot/models/enums.py", "from enum import Enum\n")
    assert discover(tmp_path) == [
        Found("schemas", "shop/db/*.py", format="peewee"),
        Found("schemas", "backend/app/*.py", format="sqlmodel"),
        Found("schemas", "bot/models/*.py", format="tortoise"),
    ]
