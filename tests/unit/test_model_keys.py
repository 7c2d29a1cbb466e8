"""Keys to a Django model of another entry point at that model's own table (review27 D12)."""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import explain_column
from cnsnt.collect import collect_evidence
from cnsnt.evidence import ForeignKey
from cnsnt.policy.model import Policy
from tests.unit.schema_entry import entry_spec, table, write_files

#: App `a` names its Contact table `contacts`; app `b`'s invoice keys to `a.contact`.
MIGRATIONS = {
    "a/migrations/__init__.py": "",
    "a/migrations/0001_initial.py": """\
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Contact",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("email", models.EmailField(max_length=254)),
            ],
            options={"db_table": "contacts"},
        ),
        migrations.CreateModel(
            name="Member",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("password", models.CharField(max_length=128)),
                ("last_login", models.DateTimeField(null=True)),
            ],
            options={"db_table": "members"},
        ),
    ]
""",
    "b/migrations/__init__.py": "",
    "b/migrations/0001_initial.py": """\
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("a", "0001_initial")]
    operations = [
        migrations.CreateModel(
            name="Invoice",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("total_amount", models.DecimalField(max_digits=9, decimal_places=2)),
                ("contact", models.ForeignKey(on_delete=models.CASCADE, to="a.contact")),
                ("owner", models.ForeignKey(on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL)),
                ("ledger", models.ForeignKey(on_delete=models.CASCADE, to="ledger.account")),
            ],
        ),
    ]
""",
    "manage.py": "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'settings')\n",
    "settings.py": "AUTH_USER_MODEL = 'a.Member'\n",
}


def _read(base: Path, entries: list[tuple[str, str]]):
    specs = tuple(entry_spec(base, pattern, fmt) for pattern, fmt in entries)
    return collect_evidence(Policy(path="cnsnt.yaml", base_dir=base, sources=specs))


def test_a_key_in_one_apps_migrations_points_at_the_db_table_another_entry_read(tmp_path: Path) -> None:
    write_files(tmp_path, MIGRATIONS)
    entries = [("a/migrations/*.py", "django_migrations"), ("b/migrations/*.py", "django_migrations")]
    ev = _read(tmp_path, entries)
    assert table(ev, "b_invoice").foreign_keys == (
        ForeignKey(("contact_id",), "contacts", ("id",)),
        ForeignKey(("owner_id",), "members", ("id",)),  # the settings' user model, by its db_table too
        ForeignKey(("ledger_id",), "ledger_account", ("id",)),  # no source defines it: Django's default
    )
    # b's entry alone cannot know: Django's default names stay
    alone = _read(tmp_path, entries[1:])
    assert [k.ref_table for k in table(alone, "b_invoice").foreign_keys] == [
        "a_contact", "a_member", "ledger_account",
    ]


def test_the_reason_names_the_table_that_exists(tmp_path: Path) -> None:
    write_files(tmp_path, MIGRATIONS)
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas:\n"
        '    - {path: "a/migrations/*.py", format: django_migrations}\n'
        '    - {path: "b/migrations/*.py", format: django_migrations}\n',
        encoding="utf-8",
    )
    said = "\n".join(explain_column("b_invoice.total_amount", policy=tmp_path / "cnsnt.yaml"))
    assert "'contact_id' references 'contacts', which describes people" in said
    assert "a_contact" not in said


def test_a_key_in_models_points_at_the_table_of_another_apps_migrations(tmp_path: Path) -> None:
    """The models reader guesses the same way for a model its entry does not hold."""
    write_files(tmp_path, {key: text for key, text in MIGRATIONS.items() if key.startswith("a/")})
    write_files(
        tmp_path,
        {
            "b/models.py": "from django.db import models\n\n"
            "class Visit(models.Model):\n"
            "    contact = models.ForeignKey('a.Contact', on_delete=models.CASCADE)\n"
            "    others = models.ManyToManyField('a.Contact')\n",
        },
    )
    ev = _read(tmp_path, [("a/migrations/*.py", "django_migrations"), ("b/models.py", "django")])
    assert table(ev, "b_visit").foreign_keys == (ForeignKey(("contact_id",), "contacts", ("id",)),)
    assert table(ev, "b_visit_others").foreign_keys == (
        ForeignKey(("visit_id",), "b_visit", ("id",)),
        ForeignKey(("contact_id",), "contacts", ("id",)),
    )
