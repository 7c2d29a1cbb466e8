"""init: a Django app's models are proposed over its migrations only when they read as much (review27 D1)."""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import Found, survey
from tests.unit.schema_entry import write_files


def _migration(*models: tuple[str, list[str]]) -> str:
    """A Django migration creating each (model, [char field, ...])."""
    ops = "".join(
        f"        migrations.CreateModel(name={name!r}, fields=[\n"
        "            ('id', models.BigAutoField(primary_key=True)),\n"
        + "".join(f"            ({f!r}, models.CharField(max_length=80)),\n" for f in fields)
        + "        ]),\n"
        for name, fields in models
    )
    return (
        "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
        f"    initial = True\n    dependencies = []\n    operations = [\n{ops}    ]\n"
    )


def _models(*models: tuple[str, list[str]], head: str = "") -> str:
    body = "".join(
        f"\n\nclass {name}(models.Model):\n"
        + ("".join(f"    {f} = models.CharField(max_length=80)\n" for f in fields) or "    pass\n")
        for name, fields in models
    )
    return f"from django.db import models\n{head}{body}"


PROJECT = {
    # models and migrations agree: the models are read, the migrations left out
    "shop/__init__.py": "",
    "shop/models.py": _models(("Customer", ["email"])),
    "shop/migrations/__init__.py": "",
    "shop/migrations/0001_initial.py": _migration(("Customer", ["email"])),
    # models.py imports a model written in another module: only the migrations create its table
    "crm/__init__.py": "",
    "crm/audit.py": _models(("AuditLog", ["ip_address"])),
    "crm/models.py": _models(
        ("Lead", ["email", "phone"]), head="from crm.audit import AuditLog  # noqa: F401 (registers it)\n"
    ),
    "crm/migrations/__init__.py": "",
    "crm/migrations/0001_initial.py": _migration(("Lead", ["email", "phone"]), ("AuditLog", ["ip_address"])),
    # each has what the other lacks (a field not migrated yet): the models stay, said
    "desk/__init__.py": "",
    "desk/models.py": _models(("Ticket", ["subject", "reporter_email"])),
    "desk/migrations/__init__.py": "",
    "desk/migrations/0001_initial.py": _migration(("Ticket", ["subject"]), ("Macro", ["body"])),
}


def test_init_reads_an_apps_migrations_when_its_models_make_fewer_tables_and_says_why(tmp_path: Path) -> None:
    write_files(tmp_path, PROJECT)
    found, notes = survey(tmp_path)
    schemas = sorted(f for f in found if f.kind == "schemas")
    assert schemas == [
        Found("schemas", "crm/migrations/*.py", format="django_migrations"),
        Found("schemas", "desk/models.py", format="django"),
        Found("schemas", "shop/models.py", format="django"),
    ]
    assert notes == [
        "left out the Django migrations in shop/migrations: the app's models are read instead, and make "
        "every table and column the migrations create",
        "proposed crm/migrations/*.py (format: django_migrations) rather than crm/models.py: the migrations "
        "create 1 table (crm_auditlog) the models do not make, as cnsnt reads them (a model written in a "
        "module the models file imports, a base cnsnt cannot follow, a package's fields); the migrations "
        "state every table and column",
        "kept desk/models.py, though its migrations (desk/migrations) create 1 table (desk_macro) the models "
        "do not make, as cnsnt reads them; the models make 1 column (desk_ticket.reporter_email) no "
        'migration creates (not migrated yet?): to read the migrations instead, replace it with {path: '
        '"desk/migrations/*.py", format: django_migrations}',
    ]


def test_init_reads_the_migrations_when_a_models_base_cannot_be_followed(tmp_path: Path) -> None:
    """The models' fields from a base cnsnt cannot find are columns only the migrations have."""
    write_files(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/models.py": "from django.db import models\nfrom core.gone import Stamped\n\n\n"
            "class Tag(models.Model):\n    label = models.CharField(max_length=80)\n\n\n"
            "class Visit(Stamped):\n    ip = models.CharField(max_length=80)\n",
            "core/migrations/__init__.py": "",
            "core/migrations/0001_initial.py": _migration(("Tag", ["label"]), ("Visit", ["ip", "created_by"])),
        },
    )
    found, notes = survey(tmp_path)
    assert [f for f in found if f.kind == "schemas"] == [
        Found("schemas", "core/migrations/*.py", format="django_migrations")
    ]
    assert "the migrations create 1 column (core_visit.created_by) the models do not make" in notes[0]


def test_init_files_the_models_of_a_package_inside_an_app_under_that_app(tmp_path: Path) -> None:
    """An app's sub-package `shop/payments/voucher/models.py` makes tables of the app `shop`: the
    app's migrations create them too, so they are left out, and no table is named twice (trial36)."""
    write_files(
        tmp_path,
        {
            "shop/__init__.py": "",
            "shop/models.py": _models(("Order", ["buyer_email"])),
            "shop/payments/__init__.py": "",
            "shop/payments/voucher/__init__.py": "",
            "shop/payments/voucher/models.py": _models(("VoucherPayment", ["holder_name"])),
            "shop/migrations/__init__.py": "",
            "shop/migrations/0001_initial.py": _migration(
                ("Order", ["buyer_email"]), ("VoucherPayment", ["holder_name"])
            ),
        },
    )
    found, notes = survey(tmp_path)
    assert sorted(f for f in found if f.kind == "schemas") == [
        Found("schemas", "shop/models.py", format="django"),
        Found("schemas", "shop/payments/voucher/models.py", format="django"),
    ]
    assert notes == [
        "left out the Django migrations in shop/migrations: the app's models are read instead, and make "
        "every table and column the migrations create",
    ]


def test_init_reads_a_long_models_file_whose_first_model_class_comes_late(tmp_path: Path) -> None:
    """Re2o's `users/models.py` (94 KB) opens with a custom user on `AbstractBaseUser`; its
    first `models.Model` comes after what init sniffs. It is still the app's models (trial36)."""
    long_user = (
        "from django.contrib.auth.models import AbstractBaseUser\nfrom django.db import models\n\n\n"
        "class Member(AbstractBaseUser):\n"
        '    """A member."""\n\n'
        "    nickname = models.CharField(max_length=32)\n"
        + "".join(f"\n    def rule_{i}(self):\n        return 'a long method body to pad the file'\n" for i in range(1200))
        + "\n\nclass Locker(models.Model):\n    label = models.CharField(max_length=80)\n"
    )
    assert len(long_user) > 64 * 1024
    write_files(tmp_path, {"members/__init__.py": "", "members/models.py": long_user})
    found, _ = survey(tmp_path)
    assert [f for f in found if f.kind == "schemas"] == [Found("schemas", "members/models.py", format="django")]
