"""A column whose ORM type says what it holds is that, whatever its name (review35 R35a D8).

Django's `EmailField` was read as `VARCHAR(254)`, so `backup = models.EmailField()` was
"not personal": the classifier never saw that the column holds an e-mail address. So were
`ArrayField(models.EmailField())` and SQLAlchemy-Utils' `EmailType`. Models written for
these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import explain_column

DJANGO = """\
from django.contrib.postgres.fields import ArrayField
from django.db import models


class Trainer(models.Model):
    first_name = models.CharField(max_length=80)
    contacts = ArrayField(models.EmailField(), default=list)
    backup = models.EmailField()
    origin = models.GenericIPAddressField(null=True)
    reached_at = models.CharField(max_length=20)


class Venue(models.Model):
    title = models.CharField(max_length=80)
    capacity = models.PositiveIntegerField()
    inbox = models.EmailField()
"""
SQLALCHEMY = """\
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base
from sqlalchemy_utils import EmailType, IPAddressType, PhoneNumberType

Base = declarative_base()


class Member(Base):
    __tablename__ = "members"
    id = Column(Integer, primary_key=True)
    full_name = Column(String(100))
    backup = Column(EmailType)
    seen_from = Column(IPAddressType)
    reach = Column(PhoneNumberType())
"""


def _django(root: Path) -> Path:
    (root / "manage.py").write_text("import django\n", encoding="utf-8")
    app = root / "training"
    app.mkdir()
    (app / "__init__.py").write_text("", encoding="utf-8")
    (app / "models.py").write_text(DJANGO, encoding="utf-8")
    return root


def _said(subject: str, root: Path) -> list[str]:
    return [line.strip() for line in explain_column(subject, root)]


def _verdict(subject: str, root: Path) -> str:
    return next(line for line in _said(subject, root) if line.startswith("verdict:"))


def test_a_django_email_field_is_an_email_address_whatever_its_name(tmp_path: Path) -> None:
    _django(tmp_path)
    said = _said("training_trainer.backup", tmp_path)
    assert "verdict: personal, user.contact.email (high confidence)" in said, said
    assert any("type EmailField holds an e-mail address" in line for line in said), said


def test_an_array_of_email_fields_holds_email_addresses(tmp_path: Path) -> None:
    _django(tmp_path)
    said = _said("training_trainer.contacts", tmp_path)
    assert "verdict: personal, user.contact.email (high confidence)" in said, said
    assert any("type ArrayField(EmailField) holds e-mail addresses" in line for line in said), said


def test_an_ip_address_field_and_a_plain_field(tmp_path: Path) -> None:
    _django(tmp_path)
    assert "user.device.ip_address" in _verdict("training_trainer.origin", tmp_path)
    # the type says nothing of a CharField: its name decides, as before
    assert "user.contact.email" not in _verdict("training_trainer.reached_at", tmp_path)


def test_an_email_field_of_a_table_about_no_one_is_unsure(tmp_path: Path) -> None:
    # a venue's inbox may be a person's address or a shared one: the unsure list decides
    _django(tmp_path)
    assert _verdict("training_venue.inbox", tmp_path) == "verdict: personal, user.contact.email (low confidence)"


def test_sqlalchemy_utils_types_say_what_a_column_holds(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(SQLALCHEMY, encoding="utf-8")
    assert _verdict("members.backup", tmp_path).startswith("verdict: personal, user.contact.email")
    assert _verdict("members.seen_from", tmp_path).startswith("verdict: personal, user.device.ip_address")
    assert _verdict("members.reach", tmp_path).startswith("verdict: personal, user.contact.phone_number")


PEEWEE = """\
from peewee import CharField, IPField, Model


class Visitor(Model):
    nickname = CharField()
    seen_from = IPField()
"""


def test_a_peewee_ip_field_kept_as_a_number_is_an_ip_address(tmp_path: Path) -> None:
    (tmp_path / "models.py").write_text(PEEWEE, encoding="utf-8")
    assert _verdict("visitor.seen_from", tmp_path).startswith("verdict: personal, user.device.ip_address")
