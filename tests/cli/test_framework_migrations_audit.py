"""`cnsnt audit` over Rails, Alembic and Django migrations folders: findings at the right file:line.

Each project keeps the same history in its framework's words: people created with an
email, a fax and a `name`; a phone added later; `name` renamed to `full_name`; the fax
dropped. The policy declares the email and (wrongly) the fax: the audit must report the
phone and the full name where they got their names, and the fax as declared but gone.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app

POLICY = """cnsnt: 1
controller: {name: Example Ltd, contact: privacy@example.com}
sources:
  schemas: [{path: "%s"}]
purposes:
  care: {description: To treat you., basis: contract}
data:
  email: {category: user.contact.email, columns: [people.email], purposes: [care], retention: P1Y}
  fax: {category: user.contact.fax_number, columns: [people.fax], purposes: [care], retention: P1Y}
"""

PROJECTS: dict[str, tuple[str, dict[str, str], dict[str, tuple[str, int]]]] = {
    "rails": (
        "db/migrate/*.rb",
        {
            "db/migrate/20240101000000_create_people.rb": """\
class CreatePeople < ActiveRecord::Migration[7.1]
  def change
    create_table :people do |t|
      t.string :email, null: false
      t.string :fax
      t.string :name
    end
  end
end
""",
            "db/migrate/20240201000000_phone_and_names.rb": """\
class PhoneAndNames < ActiveRecord::Migration[7.1]
  def change
    add_column :people, :phone, :string
    rename_column :people, :name, :full_name
    remove_column :people, :fax, :string
  end
end
""",
        },
        {"people.phone": ("db/migrate/20240201000000_phone_and_names.rb", 3),
         "people.full_name": ("db/migrate/20240201000000_phone_and_names.rb", 4)},
    ),
    "alembic": (
        "migrations/versions/*.py",
        {
            "migrations/versions/f00d_create_people.py": """\
import sqlalchemy as sa
from alembic import op

revision = "f00d"
down_revision = None


def upgrade():
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(255), nullable=False),
        sa.Column("fax", sa.String(40)),
        sa.Column("name", sa.String(100)),
    )
""",
            "migrations/versions/beef_phone_and_names.py": """\
import sqlalchemy as sa
from alembic import op

revision = "beef"
down_revision = "f00d"


def upgrade():
    op.add_column("people", sa.Column("phone", sa.String(40)))
    with op.batch_alter_table("people") as batch_op:
        batch_op.alter_column("name", new_column_name="full_name")
        batch_op.drop_column("fax")
""",
        },
        {"people.phone": ("migrations/versions/beef_phone_and_names.py", 9),
         "people.full_name": ("migrations/versions/beef_phone_and_names.py", 11)},
    ),
    "django": (
        "clinic/migrations/*.py",
        {
            "clinic/migrations/__init__.py": "",
            "clinic/migrations/0001_initial.py": """\
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Person",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("email", models.EmailField(max_length=254)),
                ("fax", models.CharField(max_length=40)),
                ("name", models.CharField(max_length=100)),
            ],
            options={"db_table": "people"},
        ),
    ]
""",
            "clinic/migrations/0002_phone_and_names.py": """\
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("clinic", "0001_initial")]
    operations = [
        migrations.AddField(model_name="person", name="phone", field=models.CharField(max_length=40)),
        migrations.RenameField(model_name="person", old_name="name", new_name="full_name"),
        migrations.RemoveField(model_name="person", name="fax"),
    ]
""",
        },
        {"people.phone": ("clinic/migrations/0002_phone_and_names.py", 7),
         "people.full_name": ("clinic/migrations/0002_phone_and_names.py", 8)},
    ),
}


@pytest.mark.parametrize("framework", sorted(PROJECTS))
def test_audit_reports_the_replayed_schema_at_its_lines(framework, tmp_path):
    pattern, files, expected = PROJECTS[framework]
    (tmp_path / "cnsnt.yaml").write_text(POLICY % pattern, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(tmp_path), "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    undeclared = {f["subject"]: (f["location"]["path"], f["location"]["line"])
                  for f in findings if f["rule"] == "CN101"}
    assert undeclared == expected
    assert [f["subject"] for f in findings if f["rule"] == "CN402"] == ["people.fax"]
    assert not [f for f in findings if f["rule"] == "CN001"]
    assert json.loads(result.stdout)["summary"]["sources"]["migrations"] == 2
