"""ORM models read statically: Django, SQLAlchemy, Rails schema.rb, Prisma."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.common import ModelColumn, ModelTable
from cnsnt.sources.schemas.rails_schema import plural, singular
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files


@pytest.fixture
def models(tmp_path: Path):
    def run(files: dict[str, str], pattern: str, fmt: str | None = None):
        write_files(tmp_path, files)
        return read_entry(tmp_path, pattern, fmt)

    return run


# -- Django

DJANGO = '''\
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Customer(Timestamped):
    email = models.EmailField(_("email address"), unique=True)
    phone = models.CharField(max_length=30, help_text="For delivery questions")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    legacy = models.IntegerField(db_column="legacy_ref", db_comment="old system id")
    tags = models.ManyToManyField("Tag")


class Order(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    parent = models.ForeignKey("self", null=True, on_delete=models.SET_NULL)
    code = models.CharField(primary_key=True, max_length=12)

    class Meta:
        db_table = "shop_orders"


class VipCustomer(Customer):
    level = models.PositiveSmallIntegerField()


class CustomerProxy(Customer):
    class Meta:
        proxy = True


class NotAModel:
    name = models.CharField(max_length=10)
'''


def test_django_tables_columns_and_foreign_keys(models):
    ev = models({"shop/models.py": DJANGO}, "shop/models.py")
    assert sorted(t.name for t in ev.tables) == [
        "shop_customer", "shop_customer_tags", "shop_orders", "shop_vipcustomer",
    ]
    assert names(ev, "shop_customer_tags") == ["id", "customer_id", "tag_id"]
    assert table(ev, "shop_customer_tags").foreign_keys == (
        ForeignKey(("customer_id",), "shop_customer", ("id",)),
        ForeignKey(("tag_id",), "shop_tag", ("id",)),
    )
    assert names(ev, "shop_customer") == ["id", "created", "email", "phone", "owner_id", "legacy_ref"]
    assert column(ev, "shop_customer.id").primary_key
    assert column(ev, "shop_customer.email").type == "VARCHAR(254)"
    assert column(ev, "shop_customer.email").comment == "email address"
    assert column(ev, "shop_customer.phone").comment == "For delivery questions"
    assert column(ev, "shop_customer.phone").type == "VARCHAR(30)"
    assert column(ev, "shop_customer.legacy_ref").comment == "old system id"
    assert where(column(ev, "shop_customer.phone")) == ("shop/models.py", 15)
    assert column(ev, "shop_customer.phone").location.column == 5
    assert table(ev, "shop_customer").foreign_keys == (ForeignKey(("owner_id",), "auth_user", ("id",)),)
    orders = table(ev, "shop_orders")
    assert names(ev, "shop_orders") == ["customer_id", "parent_id", "code"]  # no implicit id
    assert orders.foreign_keys == (
        ForeignKey(("customer_id",), "shop_customer", ("id",)),
        ForeignKey(("parent_id",), "shop_orders", ("id",)),
    )
    vip = table(ev, "shop_vipcustomer")
    assert names(ev, "shop_vipcustomer") == ["customer_ptr_id", "level"]
    assert vip.foreign_keys == (ForeignKey(("customer_ptr_id",), "shop_customer", ("id",)),)
    assert ev.problems == []
    # the app label a default table name opens is the application's, not the rows' name
    assert table(ev, "shop_customer").app == "shop"
    assert table(ev, "shop_customer").own_name == "customer"
    assert orders.app is None  # `Meta.db_table = "shop_orders"`: the name as written


def test_django_inherits_across_files_and_reads_auth_user_fields(models):
    ev = models(
        {
            "core/models.py": "from django.db import models\n\nclass Base(models.Model):\n"
            "    note = models.TextField()\n\n    class Meta:\n        abstract = True\n",
            "accounts/models/user.py": "from django.contrib.auth.models import AbstractUser\n"
            "from core.models import Base\n\nclass User(AbstractUser, Base):\n"
            "    birth_date = models.DateField(null=True)\n",
        },
        "**/*.py",
    )
    user = names(ev, "accounts_user")
    assert {"email", "first_name", "last_name", "password", "note", "birth_date", "id"} <= set(user)
    assert [t.name for t in ev.tables] == ["accounts_user"]
    assert column(ev, "accounts_user.birth_date").type == "DATE"


def test_django_reads_an_abstract_base_from_a_models_module_the_entry_does_not_hold(models):
    """`cnsnt init` lists each app's models as an entry; a mixin imported from another app lends its fields."""
    files = {
        "proj/common/address/models.py": "from django.db import models\n\n"
        "class AddressMixin(models.Model):\n"
        "    post_code = models.CharField(max_length=5)\n"
        "    city = models.CharField(max_length=255)\n\n"
        "    class Meta:\n        abstract = True\n\n"
        "class Office(AddressMixin):\n    name = models.CharField(max_length=80)\n",
        "proj/users/models.py": "from django.contrib.auth.models import AbstractUser\n"
        "from django.db import models\n"
        "from proj.common.address.models import AddressMixin\n"
        "from proj.broken.models import Broken\n\n"
        "class User(AbstractUser, AddressMixin, Broken):\n"
        "    phone = models.CharField(max_length=20)\n",
        "proj/broken/models.py": "class Broken(\n",
    }
    ev = models(files, "proj/users/models.py")
    assert [t.name for t in ev.tables] == ["users_user"]  # the mixin's module makes no table here
    assert {"post_code", "city", "phone", "email"} <= set(names(ev, "users_user"))
    assert where(column(ev, "users_user.city")) == ("proj/common/address/models.py", 5)
    assert where(column(ev, "users_user.phone")) == ("proj/users/models.py", 7)
    # the broken module is its own entry's CN001; here a note names the model it costs fields
    [note] = ev.problems
    assert (where(note), note.location.column, note.severity) == (("proj/users/models.py", 6), 40, Severity.WARNING)
    assert note.message.startswith(
        "model User: cnsnt cannot follow its base Broken: its module proj/broken/models.py cannot be read at 1:13 "
        "(Python syntax error"
    )


def test_django_model_on_an_abstract_base_of_another_module_is_read_with_its_fields(models):
    """review27 D1: `ContactFormSubmission(BaseModel)`, `BaseModel` abstract in `core/base.py`, was dropped."""
    files = {
        "core/__init__.py": "",
        "core/base.py": "from django.db import models\n\n"
        "class BaseModel(models.Model):\n"
        "    created_at = models.DateTimeField(auto_now_add=True)\n\n"
        "    class Meta:\n        abstract = True\n",
        "core/models.py": "from django.db import models\n"
        "from core.base import BaseModel\n\n"
        "class User(models.Model):\n    email = models.EmailField()\n\n"
        "class ContactFormSubmission(BaseModel):\n"
        "    name = models.CharField(max_length=255)\n"
        "    email = models.EmailField()\n"
        "    ip_address = models.GenericIPAddressField(null=True)\n",
    }
    ev = models(files, "core/models.py", "django")
    assert [t.name for t in ev.tables] == ["core_user", "core_contactformsubmission"]  # base.py makes none
    assert names(ev, "core_contactformsubmission") == ["id", "created_at", "name", "email", "ip_address"]
    assert where(column(ev, "core_contactformsubmission.created_at")) == ("core/base.py", 4)
    assert column(ev, "core_contactformsubmission.ip_address").type == "INET"
    assert ev.problems == []


def test_django_abstract_bases_are_followed_through_chains_relative_imports_and_re_exports(models):
    """Django-CRM's shape: `BaseModel(AuditModel)` in `common/base.py`, `AuditModel(TimeAuditModel,
    UserAuditModel)` in `common/mixins.py`, which takes `models` from `common.models`."""
    files = {
        "common/__init__.py": "",
        "common/mixins.py": "from common.models import models\n\n"
        "class TimeAuditModel(models.Model):\n"
        "    created_at = models.DateTimeField(auto_now_add=True)\n\n"
        "    class Meta:\n        abstract = True\n\n"
        "class UserAuditModel(models.Model):\n"
        "    created_by = models.ForeignKey('common.Profile', null=True, on_delete=models.SET_NULL)\n\n"
        "    class Meta:\n        abstract = True\n\n"
        "class AuditModel(TimeAuditModel, UserAuditModel):\n"
        "    class Meta:\n        abstract = True\n",
        "common/base.py": "from django.db import models\n\nfrom .mixins import AuditModel\n\n"
        "class BaseModel(AuditModel):\n"
        "    org_note = models.TextField(blank=True)\n\n"
        "    class Meta:\n        abstract = True\n",
        "common/shared.py": "from common.base import BaseModel as Base  # re-exported\n",
        "common/models.py": "from django.db import models\n\nfrom .shared import Base\n\n"
        "class Profile(Base):\n    phone = models.CharField(max_length=20)\n\n"
        "    class Meta:\n        db_table = 'profile'\n",
    }
    ev = models(files, "common/models.py", "django")
    assert [t.name for t in ev.tables] == ["profile"]
    assert names(ev, "profile") == ["id", "created_at", "created_by_id", "org_note", "phone"]
    assert where(column(ev, "profile.created_by_id")) == ("common/mixins.py", 10)
    assert table(ev, "profile").foreign_keys == (ForeignKey(("created_by_id",), "profile", ("id",)),)
    assert ev.problems == []


def test_django_model_whose_base_cannot_be_followed_is_read_and_the_base_named(models):
    """A base cnsnt cannot find costs that base's fields, never the model: a CN001 note names it."""
    files = {
        "core/__init__.py": "",
        "core/models.py": "from django.db import models\n"
        "from core.gone import Stamped\n"
        "from .helpers import *\n\n"
        "class Visit(Stamped):\n    ip = models.GenericIPAddressField()\n\n"
        "class Note(Missing):\n    class Meta:\n        db_table = 'notes'\n\n"
        "class Choices(Missing):\n    pass\n\n"
        "class Entry(Note):\n    text = models.TextField()\n",
        "core/helpers.py": "X = 1\n",
    }
    ev = models(files, "core/models.py", "django")
    assert [t.name for t in ev.tables] == ["core_visit", "notes", "core_entry"]  # `Choices` is no model
    assert names(ev, "core_visit") == ["id", "ip"]
    assert names(ev, "core_entry") == ["note_ptr_id", "text"]
    notes = [(where(p), p.location.column, p.severity, p.message) for p in ev.problems]
    tail = "; the model's own fields are read, the fields that base may lend are not"
    assert notes == [
        (("core/models.py", 5), 13, Severity.WARNING,
         "model Visit: cnsnt cannot follow its base Stamped: its module core.gone is not found below the "
         "policy's directory" + tail),
        (("core/models.py", 8), 12, Severity.WARNING,
         "model Note: cnsnt cannot follow its base Missing: 'Missing' is neither imported by name nor written "
         "in core/models.py (a star import cnsnt does not follow may bring it)" + tail),
    ]
    assert "format: django_migrations" in ev.problems[0].fix


def test_django_auth_user_model_is_read_from_the_settings_manage_py_names(models):
    """`manage.py` -> `config.settings.dev` -> `from .base import *` -> `AUTH_USER_MODEL`."""
    files = {
        "manage.py": "import os\n\ndef main():\n"
        "    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.dev')\n",
        "config/__init__.py": "",
        "config/settings/__init__.py": "",
        "config/settings/base.py": "AUTH_USER_MODEL = 'accounts.Member'\n",
        "config/settings/dev.py": "from .base import *  # noqa\n\nDEBUG = True\n",
        "jobs/models.py": "from django.conf import settings\nfrom django.db import models\n\n"
        "class Application(models.Model):\n"
        "    seeker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)\n",
    }
    ev = models(files, "jobs/models.py")
    assert table(ev, "jobs_application").foreign_keys == (
        ForeignKey(("seeker_id",), "accounts_member", ("id",)),
    )


#: A project whose settings chain (`manage.py` -> `config.settings`) is there; the test
#: writes `config/settings.py`.
_SETTINGS_CHAIN = {
    "manage.py": "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings')\n",
    "config/__init__.py": "",
    "users/models.py": "from django.contrib.auth.models import AbstractUser\n\nclass Member(AbstractUser):\n    pass\n",
    "jobs/models.py": "from django.conf import settings\nfrom django.db import models\n\n"
    "class Application(models.Model):\n"
    "    seeker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)\n",
}


@pytest.mark.parametrize(
    ("settings", "place", "why"),
    [
        (
            "import environ\nenv = environ.Env()\nDEBUG = True\nAUTH_USER_MODEL = env('USER_MODEL')\n",
            ("config/settings.py", 4, 1),
            "is not written as a literal 'app_label.ModelName' here, so cnsnt does not read it",
        ),
        ("DEBUG = True\nAUTH_USER_MODEL = (\n", ("config/settings.py", 2, 19), "is not read: the settings module does not parse here"),
    ],
)
def test_django_auth_user_model_assumed_is_said(models, settings, place, why):
    """A settings chain that ends in what cnsnt does not read (a computed value, a file that
    does not parse): the entry's one custom user model is assumed, and a CN001 note says so."""
    ev = models({**_SETTINGS_CHAIN, "config/settings.py": settings}, "*/models.py")
    assert table(ev, "jobs_application").foreign_keys == (ForeignKey(("seeker_id",), "users_member", ("id",)),)
    [problem] = ev.problems
    assert problem.severity is Severity.INFO
    assert where(problem) == place[:2] and problem.location.column == place[2]
    assert problem.message == (
        f"AUTH_USER_MODEL {why}; keys to settings.AUTH_USER_MODEL are taken to point at users_member "
        "(model Member, the entry's one concrete model that extends AbstractBaseUser or AbstractUser)"
    )
    # without a custom user model in the entry: Django's own, said so too
    ev = models({**_SETTINGS_CHAIN, "config/settings.py": settings}, "jobs/models.py")
    assert table(ev, "jobs_application").foreign_keys == (ForeignKey(("seeker_id",), "auth_user", ("id",)),)
    [problem] = ev.problems
    assert "taken to point at auth_user (Django's own user model: the entry has no concrete models" in problem.message


def test_django_auth_user_model_literal_or_unused_says_nothing(models):
    """A literal is read (no note); a computed one that no key points at costs nothing either."""
    literal = {**_SETTINGS_CHAIN, "config/settings.py": "AUTH_USER_MODEL = 'users.Member'\n"}
    ev = models(literal, "*/models.py")
    assert table(ev, "jobs_application").foreign_keys == (ForeignKey(("seeker_id",), "users_member", ("id",)),)
    assert ev.problems == []
    computed = {**_SETTINGS_CHAIN, "config/settings.py": "AUTH_USER_MODEL = env('USER_MODEL')\n"}
    ev = models(computed, "users/models.py")
    assert ev.problems == []


def test_django_auth_user_model_is_the_projects_own_user_model(models):
    """`settings.AUTH_USER_MODEL` is the entry's one concrete `AbstractUser`, not `auth_user`."""
    users = (
        "from django.contrib.auth.models import AbstractUser\n"
        "from django.db import models\n\n"
        "class BaseUser(AbstractUser):\n    class Meta:\n        abstract = True\n\n"
        "class User(BaseUser):\n    birth_date = models.DateField(null=True)\n"
    )
    jobs = (
        "from django.conf import settings\nfrom django.db import models\n\n"
        "class Application(models.Model):\n"
        "    seeker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)\n"
    )
    ev = models({"users/models.py": users, "jobs/models.py": jobs}, "*/models.py")
    assert table(ev, "jobs_application").foreign_keys == (
        ForeignKey(("seeker_id",), "users_user", ("id",)),
    )
    # without the user model in the entry, or with two of them, Django's own
    two = users + "\nclass Staff(AbstractUser):\n    pass\n"
    for files, pattern in (({}, "jobs/models.py"), ({"users/models.py": two}, "*/models.py")):
        ev = models(files, pattern)
        assert table(ev, "jobs_application").foreign_keys == (
            ForeignKey(("seeker_id",), "auth_user", ("id",)),
        )


def test_django_syntax_error_is_cn001_at_its_line_and_column(models):
    ev = models(
        {
            "a/models.py": "from django.db import models\n\nclass A(models.Model):\n    x = models.CharField(\n",
            "b/models.py": "from django.db import models\n\nclass B(models.Model):\n    email = models.EmailField()\n",
        },
        "*/models.py",
    )
    assert [t.name for t in ev.tables] == ["b_b"]
    [problem] = ev.problems
    assert problem.location.path == "a/models.py"
    assert (problem.location.line, problem.location.column) == (4, 25)
    assert problem.message.startswith("Python syntax error: '(' was never closed")
    assert problem.severity is None  # an error: the file's models are lost


def test_django_file_without_models_is_a_warning(models):
    ev = models({"a/models.py": "from django.db import models\n\nX = 1\n"}, "a/models.py")
    assert ev.tables == [] and [p.severity for p in ev.problems] == [Severity.WARNING]


def test_django_fields_it_cannot_place_are_named_not_dropped(models):
    """A field under `if`, assigned with others at once or in an expression: a warning at its call."""
    text = (
        "from django.conf import settings\nfrom django.db import models\n\n"
        "class Person(models.Model):\n"
        "    email = models.EmailField()\n"
        "    first, last = models.CharField(max_length=9), models.CharField(max_length=9)\n"
        "    if settings.KEEP_PHONE:\n"
        "        phone = models.CharField(max_length=20)\n"
        "    ssn = models.CharField(max_length=9) if settings.US else None\n"
        "    tags = models.JSONField(default=list)\n"
        "    objects = models.Manager()\n\n"
        "    def label(self):\n"
        "        return models.CharField()\n"
    )
    ev = models({"crm/models.py": text}, "crm/models.py")
    assert names(ev, "crm_person") == ["id", "email", "tags"]
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        (6, 19, Severity.WARNING),
        (6, 51, Severity.WARNING),
        (8, 17, Severity.WARNING),
        (9, 11, Severity.WARNING),
    ]
    assert "`models.CharField(...)` inside `if` is not read as a column" in ev.problems[2].message


# -- SQLAlchemy

SQLALCHEMY = '''\
import datetime as dt
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class AuditMixin:
    updated_by = Column(String(50), doc="who changed it last")


class Person(AuditMixin, Base):
    __tablename__ = "person"
    __table_args__ = ({"schema": "crm", "comment": "our customers"},)

    id = Column(Integer, primary_key=True)
    mail = Column("email_address", String(200), comment="login")
    born: Mapped[Optional[dt.date]]
    score: Mapped[float | None] = mapped_column()
    orders = relationship("Order", back_populates="person")


class Employee(Person):
    badge = Column(String(8))


class Order(Base):
    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id = mapped_column(ForeignKey("crm.person.id"))
    person: Mapped["Person"] = relationship(back_populates="orders")
    ip = mapped_column(sa.dialects.postgresql.INET)


tags = Table(
    "order_tags",
    Base.metadata,
    Column("order_id", ForeignKey("orders.id"), primary_key=True),
    Column("tag", String(30)),
)
'''


def test_sqlalchemy_declarative_and_tables(models):
    ev = models({"app/models.py": SQLALCHEMY}, "app/models.py")
    assert sorted(t.key for t in ev.tables) == ["crm.person", "order_tags", "orders"]
    person = table(ev, "crm.person")
    assert person.comment == "our customers"
    assert names(ev, "crm.person") == ["updated_by", "id", "email_address", "born", "score", "badge"]
    assert column(ev, "crm.person.email_address").comment == "login"
    assert column(ev, "crm.person.email_address").type == "VARCHAR(200)"
    assert column(ev, "crm.person.updated_by").comment == "who changed it last"
    assert column(ev, "crm.person.born").type == "DATE"
    assert column(ev, "crm.person.score").type == "FLOAT"
    assert where(column(ev, "crm.person.email_address")) == ("app/models.py", 22)
    assert names(ev, "orders") == ["id", "person_id", "ip"]
    assert column(ev, "orders.person_id").type == "INTEGER"  # lent by the referenced column
    assert column(ev, "orders.ip").type == "INET"
    assert table(ev, "orders").foreign_keys == (ForeignKey(("person_id",), "person", ("id",), "crm"),)
    assert table(ev, "order_tags").foreign_keys == (ForeignKey(("order_id",), "orders", ("id",)),)
    assert column(ev, "order_tags.order_id").primary_key
    assert ev.problems == []


def test_sqlalchemy_wrapped_and_declared_columns_are_read(models):
    """`deferred(Column(...))`, `column_property(Column(...))` and a mixin's `@declared_attr` columns."""
    text = (
        "import sqlalchemy as sa\nfrom sqlalchemy.orm import column_property, declared_attr, deferred\n\n"
        "class Owned:\n"
        "    @declared_attr\n"
        "    def owner_id(cls):\n"
        "        return sa.Column(sa.Integer, sa.ForeignKey('users.id'))\n\n"
        "    @declared_attr\n"
        "    def editor_id(cls):\n"
        "        if cls.__name__ == 'Draft':\n"
        "            return None\n"
        "        return sa.Column(sa.Integer)\n\n"
        "class Note(Owned, Base):\n"
        "    __tablename__ = 'notes'\n"
        "    id = sa.Column(sa.Integer, primary_key=True)\n"
        "    body = deferred(sa.Column(sa.Text))\n"
        "    email = column_property(sa.Column(sa.String(80)), Other.email)\n"
        "    phone, fax = sa.Column(sa.Text), sa.Column(sa.Text)\n\n"
        "extra = sa.Table('extra', meta, sa.Column('id', sa.Integer), *[sa.Column(n, sa.Text) for n in NAMES])\n"
    )
    ev = models({"app/models.py": text}, "app/models.py")
    assert names(ev, "notes") == ["owner_id", "id", "body", "email"]
    assert column(ev, "notes.email").type == "VARCHAR(80)"
    assert where(column(ev, "notes.owner_id")) == ("app/models.py", 6)
    assert table(ev, "notes").foreign_keys == (ForeignKey(("owner_id",), "users", ("id",)),)
    assert names(ev, "extra") == ["id"]
    places = [(13, 16), (20, 18), (20, 38), (22, 64)]
    assert sorted((p.location.line, p.location.column) for p in ev.problems) == places
    assert {p.severity for p in ev.problems} == {Severity.WARNING}


def test_sqlalchemy_syntax_error(models):
    ev = models({"m.py": "import sqlalchemy\nclass A(Base):\n    __tablename__ = 'a'\n  x = 1\n"}, "m.py")
    [problem] = ev.problems
    assert problem.location.line == 4 and "unindent" in problem.message


# -- Rails

RAILS = '''\
ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do
  create_table "people", force: :cascade, comment: "customers" do |t|
    t.string "email", null: false, comment: "login"
    t.string "first_name", "last_name", limit: 80
    t.date "birth_date"
    t.inet "last_ip"
    t.timestamps
  end

  create_table "visits", id: false do |t|
    t.references "person", null: false
    t.references "subject", polymorphic: true
    t.belongs_to "clinic", foreign_key: { to_table: "places" }
    t.column "notes", :text
    t.index ["person_id"]
  end

  create_table "places", primary_key: "code", id: :string do |t|
    t.string "city"
  end

  add_foreign_key "visits", "people"
  add_foreign_key "visits", "people", column: "subject_id", primary_key: "id"
end
'''


def test_rails_schema(models):
    ev = models({"db/schema.rb": RAILS}, "db/schema.rb")
    assert [t.name for t in ev.tables] == ["people", "visits", "places"]
    assert table(ev, "people").comment == "customers"
    assert names(ev, "people") == [
        "id", "email", "first_name", "last_name", "birth_date", "last_ip", "created_at", "updated_at",
    ]
    assert column(ev, "people.email").comment == "login"
    assert column(ev, "people.last_name").type == "VARCHAR(80)"
    assert column(ev, "people.last_ip").type == "INET"
    assert where(column(ev, "people.birth_date")) == ("db/schema.rb", 5)
    assert column(ev, "people.birth_date").location.column == 12
    assert names(ev, "visits") == ["person_id", "subject_id", "subject_type", "clinic_id", "notes"]
    assert names(ev, "places") == ["code", "city"]
    assert column(ev, "places.code").type == "VARCHAR" and column(ev, "places.code").primary_key
    assert table(ev, "visits").foreign_keys == (
        ForeignKey(("clinic_id",), "places", ("id",)),
        ForeignKey(("person_id",), "people", ("id",)),
        ForeignKey(("subject_id",), "people", ("id",)),
    )
    assert ev.problems == []


def test_rails_syntax_error_keeps_what_can_be_read(models):
    ev = models(
        {"db/schema.rb": 'create_table "a" do |t|\n  t.string "email"\nend\n\ncreate_table "b" do |t|\n'
         '  t.string "x", (\nend\n'},
        "db/schema.rb",
    )
    assert "a" in [t.name for t in ev.tables]
    [problem] = ev.problems
    assert problem.message.startswith("Ruby syntax error (unclosed '(')")
    assert (problem.location.line, problem.location.column) == (6, 17)  # the `(`, not `create_table "b"`


def test_rails_unclosed_block_is_placed_at_the_block_left_open(models):
    """Each `create_table ... do` takes the next `end`: the one left open is the block whose
    `end` is indented less than its line, not the file's first line."""
    text = (
        "ActiveRecord::Schema[7.1].define(version: 2024_01_01_000000) do\n"
        '  create_table "users", force: :cascade do |t|\n'
        '    t.string "email", null: false\n'
        '    t.string "name" if ENV["NAMES"]\n'
        "\n"
        '  create_table "posts", force: :cascade do |t|\n'
        '    t.string "title"\n'
        "  end\n"
        "end\n"
    )
    ev = models({"db/schema.rb": text}, "db/schema.rb")
    [problem] = [p for p in ev.problems if "syntax error" in p.message]
    assert problem.message.startswith("Ruby syntax error (unclosed 'do')")
    assert (problem.location.line, problem.location.column) == (2, 41)  # `users`' do; the `if` opens nothing


def test_rails_migration_stray_closer_is_placed_at_it(models):
    text = (
        "class CreateUsers < ActiveRecord::Migration[7.1]\n  def change\n    create_table :users do |t|\n"
        "      t.string :email, null: false)\n      t.timestamps\n    end\n  end\nend\n"
    )
    ev = models({"db/migrate/20240101000000_create_users.rb": text}, "db/migrate/*.rb", "rails_migrations")
    [problem] = [p for p in ev.problems if "syntax error" in p.message]
    assert problem.message.startswith("Ruby syntax error (unmatched ')')")
    assert (problem.location.line, problem.location.column) == (4, 35)


def test_inflection():
    assert [plural(w) for w in ("person", "category", "address", "visit", "day")] == [
        "people", "categories", "addresses", "visits", "days",
    ]
    assert [singular(w) for w in ("people", "categories", "addresses", "visits", "status")] == [
        "person", "category", "address", "visit", "status",
    ]


# -- Prisma

PRISMA = '''\
// comment
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Role {
  USER
  ADMIN
}

/// People who signed up
model User {
  id        Int      @id @default(autoincrement())
  /// where we write to
  email     String   @unique @db.VarChar(320)
  fullName  String?  @map("full_name")
  role      Role     @default(USER)
  tags      String[]
  posts     Post[]
  birthday  DateTime? @db.Date

  @@map("users")
  @@schema("auth")
}

model Post {
  id       Int    @id
  author   User   @relation("authored", fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int    @map("author_id")
  title    String

  @@index([authorId])
}
'''


def test_prisma_models(models):
    ev = models({"prisma/schema.prisma": PRISMA}, "prisma/schema.prisma")
    assert sorted(t.key for t in ev.tables) == ["Post", "auth.users"]
    users = table(ev, "auth.users")
    assert users.comment == "People who signed up"
    assert names(ev, "auth.users") == ["id", "email", "full_name", "role", "tags", "birthday"]
    assert column(ev, "auth.users.email").type == "VARCHAR(320)"
    assert column(ev, "auth.users.email").comment == "where we write to"
    assert column(ev, "auth.users.birthday").type == "DATE"
    assert column(ev, "auth.users.role").type == "enum('USER','ADMIN') /* Role */"
    assert column(ev, "auth.users.tags").type == "TEXT[]"
    assert column(ev, "auth.users.id").primary_key
    assert where(column(ev, "auth.users.full_name")) == ("prisma/schema.prisma", 17)
    assert names(ev, "Post") == ["id", "author_id", "title"]
    assert table(ev, "Post").foreign_keys == (ForeignKey(("author_id",), "users", ("id",), "auth"),)
    assert ev.problems == []


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("model A {\n  id Int @id\n", 1, 9, "never closed"),
        ("model A {\n  id Int @id\n  x $ String\n}\n", 3, 5, "unexpected character '$'"),
        ('model A {\n  id Int @map("x)\n}\n', 2, 15, "unterminated string"),
        ("modle A {\n}\n", 1, 1, "expected a block"),
        ("model A {\n  id\n}\n", 2, 3, "expected a field"),
    ],
)
def test_prisma_syntax_errors(models, text, line, column, message):
    ev = models({"s.prisma": text}, "s.prisma")
    [problem] = ev.problems
    assert (problem.location.line, problem.location.column) == (line, column)
    assert message in problem.message and problem.message.startswith("Prisma schema syntax error")


def test_a_prisma_error_costs_its_line_or_block_not_the_rest_of_the_file(models):
    text = (
        "model User {\n  id Int @id\n  email String @unique\n  name String?\n\n"  # never closed
        "model Post {\n  id Int @id\n  title String $\n  body String\n}\n"  # a broken line
        "modle Draft {\n  id Int\n}\n"  # a typo: skipped to the next block
        "model Patient {\n  id Int @id\n  phone String @map(\"tel\n  diagnosis String\n}\n"
    )
    ev = models({"s.prisma": text}, "s.prisma")
    assert names(ev, "User") == ["id", "email", "name"]
    assert names(ev, "Post") == ["id", "body"]
    assert names(ev, "Patient") == ["id", "diagnosis"]
    got = [(p.location.line, p.location.column, p.message.split(": ", 1)[1]) for p in ev.problems]
    assert got == [
        (1, 12, "this block is never closed with '}'; read up to the next block (line 6)"),
        (8, 16, "unexpected character '$'; this line was not read"),
        (11, 1, "expected a block (model, enum, ...), found 'modle'; skipped up to the next block (line 14)"),
        (16, 21, "unterminated string; this line was not read"),
    ]


def test_prisma_time_is_linear_in_the_fields_of_one_model(models):
    """Each field's column name looked the field up among all the model's fields again."""
    from tests.hostile.growth import assert_linear

    ev = models({"s.prisma": 'model A {\n  id Int @id\n  mail String @map("email")\n  mail String\n}\n'}, "s.prisma")
    assert names(ev, "A") == ["id", "email"]  # a field's name is its first declaration's

    def model(n: int) -> str:
        return "model M {\n  id Int @id\n" + "".join(f'  c{i} String @map("col{i}")\n' for i in range(n)) + "}\n"

    def read(text: str) -> None:
        assert len(models({"s.prisma": text}, "s.prisma").tables[0].columns) == text.count("\n") - 2

    assert_linear(read, model, 1500)


# -- detection


def test_detection_by_name_and_imports(tmp_path):
    write_files(
        tmp_path,
        {
            "a.py": "from django.db import models\n",
            "b.py": "import sqlalchemy as sa\n",
            "c.py": "print('hi')\n",
            "schema.rb": "",
            "schema.prisma": "",
            "schema.sql": "",
        },
    )
    assert [detect(tmp_path / n) for n in ("a.py", "b.py", "c.py", "schema.rb", "schema.prisma", "schema.sql")] == [
        "django", "sqlalchemy", "python", "rails", "prisma", "ddl",
    ]


def test_python_file_of_no_known_orm_is_cn001(models):
    ev = models({"m/x.py": "class A:\n    pass\n", "m/y.py": "# This app has no models.\n"}, "m/*.py")
    x, y = ev.problems
    assert "imports no ORM cnsnt reads" in x.message and x.location.path == "m/x.py"
    assert x.severity is None
    assert "without any class" in y.message and y.severity == Severity.WARNING


def test_pydantic_models_beside_django_models_make_no_table(models):
    ev = models(
        {"hc/api/models.py": "from django.contrib.auth.models import User\nfrom django.db import models\n"
         "from pydantic import BaseModel, Field\n\n"
         "class Spec(BaseModel):\n    url: str = Field(default='')\n\n"
         "class Check(models.Model):\n    user = models.ForeignKey(User, on_delete=models.CASCADE)\n"},
        "**/models.py",
    )
    assert [t.name for t in ev.tables] == ["api_check"]
    assert table(ev, "api_check").foreign_keys == (ForeignKey(("user_id",), "auth_user", ("id",)),)


def test_format_overrides_detection(models):
    ev = models({"m/x.py": "class A(Model):\n    e = EmailField()\n"}, "m/x.py", fmt="django")
    assert names(ev, "m_a") == ["id", "e"]


def test_models_are_never_executed(models, tmp_path):
    marker = tmp_path / "ran"
    ev = models(
        {"m/models.py": f"from django.db import models\nopen({str(marker)!r}, 'w').write('x')\n"
         "class A(models.Model):\n    e = models.EmailField()\n"},
        "m/models.py",
    )
    assert names(ev, "m_a") == ["id", "e"] and not marker.exists()


def test_flask_sqlalchemy_names_tables_itself(models):
    ev = models(
        {"app/models.py": "from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n\n"
         "class PluginStore(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n"
         "    owner_email = db.Column(db.Unicode(255))\n"
         "    named_id = db.Column(db.Integer, db.ForeignKey(Named.id))\n\n"
         "class Named(db.Model):\n    __tablename__ = 'named'\n    id = db.Column(db.Integer, primary_key=True)\n"},
        "app/models.py",
    )
    assert sorted(t.name for t in ev.tables) == ["named", "plugin_store"]
    assert table(ev, "plugin_store").foreign_keys == (ForeignKey(("named_id",), "named", ("id",)),)
    assert column(ev, "plugin_store.owner_email").type == "VARCHAR(255)"


def test_format_names_agree_with_the_policy_schema():
    from cnsnt.policy.loader import policy_json_schema
    from cnsnt.sources.schemas.reader import _GROUP_READERS, FORMATS

    enum = policy_json_schema()["$defs"]["schema_source"]["properties"]["format"]["enum"]
    assert list(FORMATS) == enum
    assert set(_GROUP_READERS) | {"ddl"} == set(FORMATS)


def test_prisma_views_and_unsupported_types(models):
    ev = models(
        {"s.prisma": 'view UserInfo {\n  id Int @unique\n  email String\n}\n\nmodel Doc {\n'
         '  id String @id @db.Uuid\n  search Unsupported("tsvector")?\n  price Decimal @db.Decimal(10, 2)\n}\n'},
        "s.prisma",
    )
    assert table(ev, "UserInfo").is_view and not table(ev, "Doc").is_view
    assert [(c.name, c.type) for c in table(ev, "Doc").columns] == [
        ("id", "UUID"), ("search", "tsvector"), ("price", "DECIMAL(10, 2)"),
    ]
    assert ev.counts["views"] == 1 and ev.counts["tables"] == 1


def test_prisma_schema_in_several_files(models):
    ev = models(
        {
            "prisma/schema/main.prisma": 'datasource db {\n  provider = "postgresql"\n  url = env("U")\n}\n',
            "prisma/schema/enums.prisma": "enum Role {\n  USER\n}\n",
            "prisma/schema/user.prisma": "model User {\n  id Int @id\n  role Role\n  posts Post[]\n}\n",
            "prisma/schema/post.prisma": "model Post {\n  id Int @id\n  author User @relation(fields: [authorId], "
            "references: [id])\n  authorId Int\n}\n",
            "prisma/schema/empty.prisma": "// nothing yet\n",
        },
        "prisma/schema/*.prisma",
    )
    assert sorted(t.name for t in ev.tables) == ["Post", "User"]
    assert column(ev, "User.role").type == "enum('USER') /* Role */"
    assert table(ev, "Post").foreign_keys == (ForeignKey(("authorId",), "User", ("id",)),)
    assert [(p.location.path, p.severity) for p in ev.problems] == [("prisma/schema/empty.prisma", Severity.WARNING)]


def test_a_bug_on_one_model_loses_only_that_model(models, monkeypatch):
    import cnsnt.sources.schemas.django_models as dm

    real = dm._Models.table

    def broken(self, cls):
        if cls.node.name == "A":
            raise KeyError("boom")
        return real(self, cls)

    monkeypatch.setattr(dm._Models, "table", broken)
    ev = models(
        {"a/models.py": "from django.db import models\nclass A(models.Model):\n    x = models.EmailField()\n"
         "class B(models.Model):\n    y = models.EmailField()\n"},
        "a/models.py",
    )
    assert [t.name for t in ev.tables] == ["a_b"]
    [problem] = ev.problems
    assert problem.location.line == 2 and "internal error while reading model A" in problem.message


def test_a_later_column_of_the_same_name_replaces_the_earlier_one_after_direct_edits():
    t = ModelTable("t", "models.py", 1, 1)
    t.add(ModelColumn("Email", 1, 1))
    t.add(ModelColumn("phone", 2, 1))
    t.columns.insert(0, ModelColumn("id", 1, 1))  # readers also edit the list themselves
    t.add(ModelColumn("ID", 3, 1, "BIGINT"))
    t.columns = [c for c in t.columns if c.name != "phone"]
    t.add(ModelColumn("phone", 4, 1))
    t.add(ModelColumn("email", 5, 1))
    assert [(c.name, c.line) for c in t.columns] == [("ID", 3), ("phone", 4), ("email", 5)]
    assert t.named("EMAIL") is t.columns[-1] and t.named("fax") is None
    t.columns.append(ModelColumn("Phone", 6, 1))
    assert t.named("phone") is t.columns[1]  # the first of a name


def test_time_is_linear_in_the_columns_of_one_model():
    """Each added column was compared with every earlier one: 16,000 fields took 40 s."""
    from tests.hostile.growth import assert_linear

    def fill(n: int) -> None:
        t = ModelTable("t", "models.py", 1, 1)
        for i in range(n):
            t.add(ModelColumn(f"c{i}", i + 1, 5))
        assert len(t.columns) == n

    assert_linear(fill, lambda n: n, 2000)


def test_a_tables_own_name_is_cut_by_its_app_labels_length() -> None:
    """`straße_kunde` of the app `straße` is `kunde`, though `ß` casefolds to two letters."""
    from cnsnt.evidence import Location, Table

    where = Location("models.py", 1, 1)
    assert Table(name="straße_kunde", location=where, source="models.py", app="straße").own_name == "kunde"
    assert Table(name="Clinica_Estudio", location=where, source="models.py", app="clinica").own_name == "Estudio"
    assert Table(name="clinica", location=where, source="models.py", app="clinica").own_name == "clinica"


def test_django_models_of_a_package_inside_an_app_take_the_apps_label(models):
    """`billing/gateways/card/models.py` belongs to the app `billing` (its migrations are there),
    so its model's table is `billing_cardcharge`, not `card_cardcharge` (trial36)."""
    files = {
        "billing/__init__.py": "",
        "billing/models.py": "from django.db import models\n\n\nclass Invoice(models.Model):\n"
        "    payer_email = models.EmailField()\n",
        "billing/migrations/__init__.py": "",
        "billing/migrations/0001_initial.py": "from django.db import migrations\n",
        "billing/gateways/__init__.py": "",
        "billing/gateways/card/__init__.py": "",
        "billing/gateways/card/models.py": "from django.db import models\n\n\nclass CardCharge(models.Model):\n"
        "    holder_name = models.CharField(max_length=80)\n",
        # an app of its own (its apps.py says so) inside another keeps its own label
        "billing/ledger/__init__.py": "",
        "billing/ledger/apps.py": "from django.apps import AppConfig\n",
        "billing/ledger/models.py": "from django.db import models\n\n\nclass Entry(models.Model):\n"
        "    memo = models.CharField(max_length=80)\n",
    }
    ev = models(files, "billing/**/models.py", "django")
    assert sorted(t.name for t in ev.tables) == ["billing_cardcharge", "billing_invoice", "ledger_entry"]
    assert table(ev, "billing_cardcharge").app == "billing"
