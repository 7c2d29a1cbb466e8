"""Rails, Alembic and Django migrations folders: parsed (never run), replayed in order."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.read_fixes import DATABASE_SIDE, EVERY_BRANCH
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files


@pytest.fixture
def entry(tmp_path: Path):
    def run(files: dict[str, str], pattern: str, fmt: str | None = None):
        write_files(tmp_path, files)
        return read_entry(tmp_path, pattern, fmt)

    return run


def problems(ev) -> list[tuple[str, int | None, int | None, str, Severity | None]]:
    return [(p.location.path, p.location.line, p.location.column, p.message, p.severity) for p in ev.problems]


# -- Rails

RAILS = {
    "db/migrate/20230101000000_create_accounts.rb": '''\
class CreateAccounts < ActiveRecord::Migration[7.0]
  def change
    create_table :accounts, comment: "customer accounts" do |t|
      t.string :email, null: false, comment: "login"
      t.string :nickname
      t.timestamps
    end
    create_table :countries, id: false, primary_key: :code do |t|
      t.string :code, limit: 2, primary_key: true
    end
  end
end
''',
    "db/migrate/20230201000000_create_orders.rb": '''\
class CreateOrders < ActiveRecord::Migration[7.0]
  def change
    create_table :orders do |t|
      t.references :buyer, foreign_key: { to_table: :accounts }
      t.decimal :total
      t.string :fax
    end
    add_reference :orders, :country, type: :string, foreign_key: { to_table: :countries, primary_key: :code }
    create_join_table :accounts, :tags
  end
end
''',
    "db/migrate/20230301000000_reshape.rb": '''\
class Reshape < ActiveRecord::Migration[7.0]
  def change
    rename_table :accounts, :members
    change_table :members do |t|
      t.rename :nickname, :display_name
      t.string :phone, limit: 30
      t.remove :updated_at
    end
    remove_column :orders, :fax, :string
    add_column :members, :birthday, :date, comment: "for the birthday discount"
    change_column_comment :members, :email, from: "login", to: "login and receipts"
    execute "UPDATE members SET phone = NULL"
    reversible do |dir|
      dir.up { add_column :orders, :note, :text }
      dir.down { remove_column :orders, :note }
    end
  end
end
''',
    # Version 9 runs before version 20230101000000 (numbers, not names, are compared).
    "db/migrate/9_legacy.rb": '''\
class Legacy < ActiveRecord::Migration[4.2]
  def self.up
    create_table :audit_log do |t|
      t.text :entry
    end
  end

  def self.down
    drop_table :audit_log
  end
end
''',
    "db/migrate/20230401000000_drop_audit_log.rb": '''\
class DropAuditLog < ActiveRecord::Migration[7.0]
  def up
    drop_table :audit_log
  end
end
''',
}


def test_rails_migrations_replay_to_the_final_schema(entry):
    ev = entry(RAILS, "db/migrate/*.rb")
    assert [t.name for t in ev.tables] == ["countries", "orders", "accounts_tags", "members"]
    assert names(ev, "members") == [
        "id", "email", "display_name", "created_at", "phone", "birthday",
    ]
    assert table(ev, "members").comment == "customer accounts"
    assert column(ev, "members.email").comment == "login and receipts"
    assert column(ev, "members.email").type == "VARCHAR"
    assert column(ev, "members.phone").type == "VARCHAR(30)"
    # A renamed column is placed at the rename; an added one at its add_column.
    assert where(column(ev, "members.display_name")) == ("db/migrate/20230301000000_reshape.rb", 5)
    assert where(column(ev, "members.birthday")) == ("db/migrate/20230301000000_reshape.rb", 10)
    assert where(column(ev, "members.email")) == ("db/migrate/20230101000000_create_accounts.rb", 4)
    assert names(ev, "countries") == ["code"] and column(ev, "countries.code").primary_key
    assert names(ev, "orders") == ["id", "buyer_id", "total", "country_id", "note"]
    assert column(ev, "orders.country_id").type == "VARCHAR"
    # The foreign key to accounts follows the table's rename.
    assert table(ev, "orders").foreign_keys == (
        ForeignKey(("buyer_id",), "members", ("id",)),
        ForeignKey(("country_id",), "countries", ("id",)),
    )
    assert names(ev, "accounts_tags") == ["account_id", "tag_id"]
    assert problems(ev) == [
        ("db/migrate/20230301000000_reshape.rb", 12, 5,
         "SQL run with execute is not replayed: tables or columns it changes are not seen", Severity.WARNING),
    ]
    assert ev.counts["migrations"] == 5


def test_rails_add_foreign_key_primary_key_option(entry):
    ev = entry(
        {"db/migrate/1_a.rb": "class A < ActiveRecord::Migration[7.0]\n  def change\n"
         "    create_table :people\n    create_table :visits do |t|\n      t.bigint :person_id\n    end\n"
         "    add_foreign_key :visits, :people\n  end\nend\n"},
        "db/migrate/*.rb",
    )
    assert names(ev, "people") == ["id"]
    assert table(ev, "visits").foreign_keys == (ForeignKey(("person_id",), "people", ("id",)),)


def test_rails_computed_names_and_loops_are_reported_not_guessed(entry):
    ev = entry(
        {"db/migrate/20230101000000_a.rb": '''\
class A < ActiveRecord::Migration[7.0]
  def change
    create_table :people do |t|
      t.string :email
      t.string column_name
    end
    %w[phone fax].each do |name|
      add_column :people, name, :string
    end
    add_column TABLE, :x, :string
    add_column :people, :mobile, :string unless column_exists?(:people, :mobile)
    some_helper :people
  end
end
'''},
        "db/migrate/*.rb",
    )
    assert names(ev, "people") == ["id", "email"]
    # Loops and computed names are errors; a condition (a dialect test, a re-run guard) a warning.
    assert [(line, col, sev) for _, line, col, _, sev in problems(ev)] == [
        (5, 7, None), (7, 5, None), (10, 5, None), (11, 5, Severity.WARNING), (12, 5, Severity.WARNING),
    ]
    messages = [m for *_, m, _ in problems(ev)]
    assert messages[0].startswith("t.string: the column name is not a literal; not replayed")
    assert "not replayed" in messages[1] and "loops" in messages[1]
    assert "not a literal" in messages[2]
    assert "`unless`" in messages[3]
    assert "`some_helper`" in messages[4]


def test_rails_broken_file_is_cn001_and_the_others_still_replay(entry):
    ev = entry(
        {
            "db/migrate/1_create_people.rb": "class A < ActiveRecord::Migration[7.0]\n  def change\n"
            "    create_table :people do |t|\n      t.string :email\n    end\n  end\nend\n",
            "db/migrate/2_broken.rb": "class B < ActiveRecord::Migration[7.0]\n  def change\n"
            "    add_column :people, :phone, :string, (\n  end\nend\n",
            "db/migrate/3_more.rb": "class C < ActiveRecord::Migration[7.0]\n  def change\n"
            "    add_column :people, :city, :string\n  end\nend\n",
            "db/migrate/README.rb": "# notes\n",
        },
        "db/migrate/*.rb",
        fmt="rails_migrations",
    )
    assert {"email", "city"} <= set(names(ev, "people"))  # tree-sitter recovers what it can
    found = problems(ev)
    assert found[0][:3] == ("db/migrate/README.rb", 1, 1) and found[0][4] == Severity.WARNING
    assert "does not run it" in found[0][3]
    broken = [p for p in found if p[0] == "db/migrate/2_broken.rb"]
    assert broken and broken[0][3].startswith("Ruby syntax error") and broken[0][4] is None
    assert broken[0][1:3] == (3, 42) and "unclosed '('" in broken[0][3]  # the call's `(`, left open


def test_rails_unknown_table_is_a_warning_and_its_columns_are_kept(entry):
    ev = entry(
        {"db/migrate/5_a.rb": "class A < ActiveRecord::Migration[7.0]\n  def change\n"
         "    add_column :people, :email, :string\n    remove_column :people, :fax\n  end\nend\n"},
        "db/migrate/*.rb",
    )
    assert names(ev, "people") == ["email"]
    assert [(line, sev) for _, line, _, _, sev in problems(ev)] == [(3, Severity.WARNING), (4, Severity.WARNING)]


def test_rails_add_column_places_only_the_new_columns_and_looks_at_no_others(entry, monkeypatch):
    """8,192 `add_column` on one table took 2.2 s: each claimed the file of every column so far."""
    from cnsnt.sources.schemas.common import ModelColumn

    looked = 0

    class Counted(ModelColumn):
        def __getattribute__(self, name: str):
            nonlocal looked
            if name == "path":
                looked += 1
            return object.__getattribute__(self, name)

    monkeypatch.setattr("cnsnt.sources.schemas.rails_schema.ModelColumn", Counted)
    adds = "".join(f"    add_column :people, :c{i}, :string\n" for i in range(200))
    ev = entry(
        {
            "db/migrate/1_a.rb": "class A < ActiveRecord::Migration[7.0]\n  def change\n"
            "    create_table :people do |t|\n      t.string :email\n    end\n  end\nend\n",
            "db/migrate/2_b.rb": "class B < ActiveRecord::Migration[7.0]\n  def change\n"
            + adds
            + "    add_column :people, :email, :text\n  end\nend\n",
        },
        "db/migrate/*.rb",
    )
    assert names(ev, "people") == ["id", *(f"c{i}" for i in range(200)), "email"]
    assert column(ev, "people.id").location.path == "db/migrate/1_a.rb"
    assert {c.location.path for c in table(ev, "people").columns[1:]} == {"db/migrate/2_b.rb"}
    assert looked < 2_000  # each column's file looked at a few times, not once per later add_column


def test_rails_without_tree_sitter_ruby_says_what_to_install(entry, monkeypatch):
    monkeypatch.setitem(sys.modules, "tree_sitter_ruby", None)
    schema = entry({"db/schema.rb": 'create_table "a" do |t|\nend\n'}, "db/schema.rb")
    ev = entry(RAILS, "db/migrate/*.rb")
    assert ev.tables == [] and schema.tables == []
    expected = {p.message for p in schema.problems}
    assert len(expected) == 1 and "pip install tree-sitter tree-sitter-ruby" in next(iter(expected))
    assert {p.message for p in ev.problems} == expected
    assert len(ev.problems) == 5  # one per migration file, each at its file


# -- Alembic

def alembic(rev: str, down: str, body: str, name: str | None = None) -> tuple[str, str]:
    return (
        f"alembic/versions/{name or rev}.py",
        f'"""{rev}"""\nimport sqlalchemy as sa\nfrom alembic import op\n\nrevision = "{rev}"\n'
        f"down_revision = {down}\n\n\ndef upgrade():\n{body}\n\ndef downgrade():\n    op.drop_table('x')\n",
    )


ALEMBIC = dict([
    alembic("a1", "None", '''\
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(length=320), nullable=False, comment="login"),
        sa.Column("phone", sa.String(30)),
        schema="app",
        comment="people who sign in",
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer()),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("app.users.id")),
        sa.Column("address_id", sa.Integer()),
        sa.PrimaryKeyConstraint("id"),
    )''', name="zz_first"),
    alembic("b2", '"a1"', '''\
    op.create_table("addresses", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("street", sa.Text()))
    op.create_foreign_key("fk_orders_address", "orders", "addresses", ["address_id"], ["id"])'''),
    alembic("c3", '"a1"', '''\
    with op.batch_alter_table("users", schema="app") as batch_op:
        batch_op.add_column(sa.Column("birth_date", sa.Date()))
        batch_op.alter_column("phone", new_column_name="mobile", type_=sa.String(40))
    op.alter_column("users", "email", comment=None, schema="app")'''),
    alembic("d4", '("b2", "c3")', "    pass"),
    alembic("e5", '"d4"', '''\
    op.rename_table("addresses", "postal_addresses")
    op.drop_constraint("fk_orders_address", "orders", type_="foreignkey")
    op.drop_column("orders", "address_id")
    op.execute("UPDATE orders SET user_id = NULL")'''),
])


def test_alembic_replays_the_revision_graph(entry):
    ev = entry(ALEMBIC, "alembic/versions/*.py")
    assert sorted(t.key for t in ev.tables) == ["app.users", "orders", "postal_addresses"]
    assert names(ev, "app.users") == ["id", "email", "mobile", "birth_date"]
    assert table(ev, "app.users").comment == "people who sign in"
    assert column(ev, "app.users.email").comment is None  # alter_column(comment=None) drops it
    assert column(ev, "app.users.email").type == "VARCHAR(320)"
    assert column(ev, "app.users.mobile").type == "VARCHAR(40)"
    assert where(column(ev, "app.users.mobile")) == ("alembic/versions/c3.py", 12)
    assert column(ev, "orders.id").primary_key
    assert names(ev, "orders") == ["id", "user_id"]
    assert table(ev, "orders").foreign_keys == (ForeignKey(("user_id",), "users", ("id",), "app"),)
    assert where(table(ev, "postal_addresses")) == ("alembic/versions/e5.py", 10)
    assert problems(ev) == [
        ("alembic/versions/e5.py", 13, 5,
         "SQL run with op.execute is not replayed: tables or columns it changes are not seen",
         Severity.WARNING),
    ]
    assert ev.counts["migrations"] == 5


def test_alembic_order_does_not_depend_on_the_order_files_are_given(tmp_path):
    from cnsnt.sources.base import SourceContext
    from cnsnt.sources.schemas.alembic_migrations import read_alembic
    from tests.unit.schema_entry import entry_spec

    write_files(tmp_path, ALEMBIC)
    paths = sorted((tmp_path / "alembic" / "versions").glob("*.py"))
    spec = entry_spec(tmp_path, "alembic/versions/*.py")
    ctx = SourceContext(base_dir=tmp_path)
    first = read_alembic(paths, spec, ctx)
    shuffled = list(paths)
    random.Random(7).shuffle(shuffled)
    again = read_alembic(list(reversed(shuffled)), spec, ctx)
    assert again.tables == first.tables and again.problems == first.problems


def test_alembic_cycle_and_missing_parent_are_cn001_at_their_line(entry):
    ev = entry(
        dict([
            alembic("r1", '"r3"', "    op.create_table('a', sa.Column('email', sa.String()))"),
            alembic("r2", '"r1"', "    op.add_column('a', sa.Column('phone', sa.String()))"),
            alembic("r3", '"r2"', "    op.add_column('a', sa.Column('city', sa.String()))"),
            alembic("s1", '"gone"', "    op.create_table('b', sa.Column('name', sa.String()))"),
        ]),
        "alembic/versions/*.py",
    )
    # Nothing hangs, and every revision is still replayed (the cycle in file order).
    assert names(ev, "a") == ["email", "phone", "city"] and names(ev, "b") == ["name"]
    found = problems(ev)
    assert len(found) == 2
    missing = next(p for p in found if p[0] == "alembic/versions/s1.py")
    assert missing[1:3] == (6, 17) and "'gone'" in missing[3]
    cycle = next(p for p in found if p[0] != "alembic/versions/s1.py")
    assert "cycle" in cycle[3] and "'r1' -> 'r3' -> 'r2' -> 'r1'" in cycle[3]
    assert cycle[1:3] == (6, 17)


def test_alembic_dynamic_operations_are_reported_not_guessed(entry):
    ev = entry(
        dict([alembic("x1", "None", '''\
    op.create_table("people", sa.Column("email", sa.String()))
    for name in ("phone", "fax"):
        op.add_column("people", sa.Column(name, sa.String()))
    op.add_column(TABLE, sa.Column("x", sa.String()))
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("people", sa.Column("ip", sa.String()))
    helper()
    op.add_column("people", sa.Column(NAME, sa.String()))
    op.create_table("more", sa.Column("id", sa.Integer()), *COLUMNS)''')]),
        "alembic/versions/*.py",
    )
    # the `if` only adds a column: replayed, with a warning at its condition
    assert names(ev, "people") == ["email", "ip"] and names(ev, "more") == ["id"]
    assert [(line, col, sev) for _, line, col, _, sev in problems(ev)] == [
        (11, 5, None), (13, 5, None), (14, 8, Severity.WARNING), (16, 5, Severity.WARNING),
        (17, 29, None), (18, 60, None),
    ]
    assert "every branch is replayed" in problems(ev)[2][3]
    assert "`for`" in problems(ev)[0][3] and "table name is not a string literal" in problems(ev)[1][3]


def test_alembic_branches_that_only_add_are_all_replayed_and_one_that_drops_is_not(entry):
    ev = entry(
        dict([alembic("x1", "None", '''\
    op.create_table("people", sa.Column("email", sa.String()), sa.Column("fax", sa.String()))
    if context.get_x_argument(as_dictionary=True).get("edition") == "pro":
        op.create_table("badges", sa.Column("title", sa.String()))
    else:
        op.create_table("badges", sa.Column("nickname", sa.String()))
        with op.batch_alter_table("people") as batch_op:
            batch_op.add_column(sa.Column("phone", sa.String()))
    if is_legacy():
        op.drop_column("people", "fax")
    else:
        op.add_column("people", sa.Column("mobile", sa.String()))''')]),
        "alembic/versions/*.py",
    )
    assert names(ev, "badges") == ["title", "nickname"]  # made in both branches: the columns of both
    assert names(ev, "people") == ["email", "fax", "phone"]  # the `if` that drops is not replayed
    assert [(line, col, sev) for _, line, col, _, sev in problems(ev)] == [
        (11, 8, Severity.WARNING), (17, 5, Severity.WARNING),
    ]
    assert "every branch is replayed" in problems(ev)[0][3]
    assert "every branch" not in problems(ev)[1][3]
    # what every branch adds is read and audited: the fix says so, not "not audited"
    assert ev.problems[0].fix == EVERY_BRANCH and ev.problems[1].fix is None


def test_alembic_if_whose_batch_under_another_name_drops_is_not_replayed(entry):
    ev = entry(
        dict([alembic("x1", "None", '''\
    op.create_table("people", sa.Column("email", sa.String()), sa.Column("fax", sa.String()))
    if is_legacy():
        with op.batch_alter_table("people") as batch:
            batch.drop_column("fax")''')]),
        "alembic/versions/*.py",
    )
    assert names(ev, "people") == ["email", "fax"]  # the drop may never run
    assert [(line, col, sev) for _, line, col, _, sev in problems(ev)] == [(11, 5, Severity.WARNING)]
    assert "every branch" not in problems(ev)[0][3]


def test_alembic_broken_file_is_cn001_and_the_others_still_replay(entry):
    files = dict([
        alembic("a1", "None", "    op.create_table('people', sa.Column('email', sa.String()))"),
        alembic("b2", '"a1"', "    op.add_column('people', sa.Column('phone', sa.String()))"),
    ])
    files["alembic/versions/b2.py"] = files["alembic/versions/b2.py"].replace("sa.String()))", "sa.String())")
    files["alembic/versions/__init__.py"] = ""
    files["alembic/versions/helpers.py"] = "import sqlalchemy\n\nNAME = 'x'\n"
    ev = entry(files, "alembic/versions/*.py", fmt="alembic")
    assert names(ev, "people") == ["email"]
    found = problems(ev)
    assert [p[0] for p in found] == ["alembic/versions/b2.py", "alembic/versions/helpers.py"]
    assert found[0][1] == 10 and "syntax error" in found[0][3]
    assert "no Alembic" in found[1][3] and found[1][4] == Severity.WARNING


# -- Django

DJANGO = {
    "accounts/migrations/__init__.py": "",
    "accounts/migrations/0001_initial.py": '''\
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name="Customer",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", models.EmailField(max_length=254, verbose_name="email address")),
                ("fax", models.CharField(max_length=30)),
                ("user", models.OneToOneField(on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL)),
            ],
            options={"db_table": "customers", "ordering": ["email"]},
        ),
        migrations.CreateModel(
            name="Tag",
            fields=[("id", models.AutoField(primary_key=True)), ("label", models.SlugField())],
        ),
    ]
''',
    "accounts/migrations/0002_customer_phone.py": '''\
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [
        migrations.AddField("customer", "phone", models.CharField(max_length=20, db_column="phone_no")),
        migrations.RemoveField(model_name="customer", name="fax"),
        migrations.RunPython(migrations.RunPython.noop),
    ]
''',
    "shop/migrations/__init__.py": "",
    "shop/migrations/0001_initial.py": '''\
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("accounts", "0002_customer_phone")]
    operations = [
        migrations.CreateModel(
            name="Order",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("buyer", models.ForeignKey(on_delete=models.CASCADE, to="accounts.customer")),
                ("notes", models.TextField(help_text="what the buyer asked for")),
                ("tags", models.ManyToManyField(to="accounts.tag")),
            ],
        ),
    ]
''',
    "shop/migrations/0002_rename.py": '''\
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [
        migrations.RenameModel("Order", "Purchase"),
        migrations.RenameField("purchase", "buyer", "customer"),
        migrations.RenameField("purchase", "notes", "remarks"),
        migrations.AlterField("purchase", "remarks", models.CharField(max_length=500, null=True)),
        migrations.RunSQL("UPDATE shop_purchase SET remarks = ''"),
    ]
''',
    "shop/migrations/0003_drop.py": '''\
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("shop", "0002_rename")]
    operations = [migrations.DeleteModel(name="Purchase")]
''',
    "shop/migrations/0004_again.py": '''\
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("shop", "0003_drop")]
    operations = [
        migrations.CreateModel(
            name="Basket",
            fields=[("id", models.BigAutoField(primary_key=True)), ("owner", models.ForeignKey(on_delete=models.CASCADE, to="accounts.customer"))],
            options={"db_table": "baskets"},
        ),
        migrations.AlterModelTable("basket", "shop_baskets"),
    ]
''',
}


def test_django_migrations_replay_across_apps(entry):
    ev = entry(DJANGO, "*/migrations/*.py")
    assert [t.name for t in ev.tables] == ["customers", "accounts_tag", "shop_baskets"]
    assert names(ev, "customers") == ["id", "email", "user_id", "phone_no"]
    assert column(ev, "customers.id").comment is None and column(ev, "customers.id").primary_key
    assert column(ev, "customers.email").comment == "email address"
    assert column(ev, "customers.email").type == "VARCHAR(254)"
    assert table(ev, "customers").foreign_keys == (ForeignKey(("user_id",), "auth_user", ("id",)),)
    assert where(column(ev, "customers.phone_no")) == ("accounts/migrations/0002_customer_phone.py", 7)
    assert table(ev, "shop_baskets").foreign_keys == (ForeignKey(("owner_id",), "customers", ("id",)),)
    assert where(table(ev, "shop_baskets")) == ("shop/migrations/0004_again.py", 12)
    assert problems(ev) == [
        ("shop/migrations/0002_rename.py", 11, 9,
         "SQL run with RunSQL is not replayed: tables or columns it changes are not seen", Severity.WARNING),
    ]


def test_django_migrations_auth_user_model_is_the_model_made_with_a_password_and_last_login(entry):
    """A custom user model's migration writes out `AbstractBaseUser`'s two fields."""
    users = '''\
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]
    operations = [
        migrations.CreateModel(
            name="User",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True)),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                ("last_login", models.DateTimeField(blank=True, null=True, verbose_name="last login")),
                ("email", models.EmailField(max_length=254, unique=True)),
            ],
        ),
    ]
'''
    files = {
        "users/migrations/__init__.py": "",
        "users/migrations/0001_initial.py": users,
        **{k: v for k, v in DJANGO.items() if k.startswith("accounts/")},
    }
    ev = entry(files, "*/migrations/*.py")
    assert table(ev, "customers").foreign_keys == (ForeignKey(("user_id",), "users_user", ("id",)),)


def test_django_migrations_auth_user_model_is_read_from_the_settings(entry):
    files = {
        "manage.py": "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_conf.settings')\n",
        "site_conf/settings.py": "AUTH_USER_MODEL = 'people.Person'\n",
        **{k: v for k, v in DJANGO.items() if k.startswith("accounts/")},
    }
    ev = entry(files, "*/migrations/*.py")
    assert table(ev, "customers").foreign_keys == (ForeignKey(("user_id",), "people_person", ("id",)),)


@pytest.mark.parametrize(
    ("settings", "place", "why"),
    [
        (
            "AUTH_USER_MODEL = os.environ['USER_MODEL']\n",
            ("site_conf/settings.py", 1, 1),
            "is not written as a literal 'app_label.ModelName' here, so cnsnt does not read it",
        ),
        ("AUTH_USER_MODEL = 'people.Person\n", ("site_conf/settings.py", 1, 19),
         "is not read: the settings module does not parse here"),
    ],
)
def test_django_migrations_auth_user_model_assumed_is_said(entry, settings, place, why):
    """Settings cnsnt cannot read: Django's own `auth_user` is assumed (no model is made with a
    password and last_login here), and a CN001 note at the settings says so; a literal says nothing."""
    files = {
        "manage.py": "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_conf.settings')\n",
        "site_conf/settings.py": settings,
        **{k: v for k, v in DJANGO.items() if k.startswith("accounts/")},
    }
    ev = entry(files, "*/migrations/*.py")
    assert table(ev, "customers").foreign_keys == (ForeignKey(("user_id",), "auth_user", ("id",)),)
    assert [p for p in problems(ev) if p[0] == place[0]] == [
        (*place, f"AUTH_USER_MODEL {why}; keys to settings.AUTH_USER_MODEL are taken to point at auth_user "
         "(Django's own user model: no single model's migration creates password and last_login)", Severity.INFO),
    ]
    ev = entry({**files, "site_conf/settings.py": "AUTH_USER_MODEL = 'people.Person'\n"}, "*/migrations/*.py")
    assert [p for p in problems(ev) if p[0] == place[0]] == []


def test_django_renames_before_the_drop(entry):
    files = {k: v for k, v in DJANGO.items() if not k.endswith(("0003_drop.py", "0004_again.py"))}
    ev = entry(files, "*/migrations/*.py")
    assert names(ev, "shop_purchase") == ["id", "customer_id", "remarks"]
    assert column(ev, "shop_purchase.remarks").type == "VARCHAR(500)"
    assert column(ev, "shop_purchase.remarks").comment is None
    assert where(column(ev, "shop_purchase.customer_id")) == ("shop/migrations/0002_rename.py", 8)
    assert table(ev, "shop_purchase").foreign_keys == (ForeignKey(("customer_id",), "customers", ("id",)),)
    # Django renames the many-to-many table and its link with the model.
    assert names(ev, "shop_purchase_tags") == ["id", "purchase_id", "tag_id"]
    assert table(ev, "shop_purchase_tags").foreign_keys == (
        ForeignKey(("purchase_id",), "shop_purchase", ("id",)),
        ForeignKey(("tag_id",), "accounts_tag", ("id",)),
    )


def test_django_dependencies_order_across_apps_not_names(entry):
    files = {
        "b_app/migrations/0001_initial.py": "from django.db import migrations, models\n\n"
        "class Migration(migrations.Migration):\n    dependencies = []\n    operations = [\n"
        "        migrations.CreateModel('Person', [('id', models.AutoField(primary_key=True))]),\n    ]\n",
        "a_app/migrations/0001_initial.py": "from django.db import migrations, models\n\n"
        "class Migration(migrations.Migration):\n    dependencies = [('b_app', '__first__')]\n"
        "    operations = [\n        migrations.AddField('person', 'email', models.EmailField()),\n    ]\n",
    }
    ev = entry(files, "*/migrations/*.py")
    # a_app's migration adds to b_app's model... from a_app: Django would refuse; cnsnt says so.
    assert [p[3] for p in problems(ev)] == [
        "AddField: no earlier migration creates model 'a_app.person'; skipped",
    ]
    assert problems(ev)[0][:2] == ("a_app/migrations/0001_initial.py", 6)


def test_django_squashed_migration_stands_in_for_what_it_replaces(entry):
    head = "from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n"
    files = {
        "app/migrations/0001_a.py": head + "    operations = [migrations.CreateModel('P', [('x', models.IntegerField())])]\n",
        "app/migrations/0002_b.py": head + "    dependencies = [('app', '0001_a')]\n"
        "    operations = [migrations.AddField('p', 'email', models.EmailField())]\n",
        "app/migrations/0001_squashed_0002_b.py": head + "    replaces = [('app', '0001_a'), ('app', '0002_b')]\n"
        "    operations = [migrations.CreateModel('P', [('x', models.IntegerField()), ('email', models.EmailField())])]\n",
        "app/migrations/0003_c.py": head + "    dependencies = [('app', '0002_b')]\n"
        "    operations = [migrations.AddField('p', 'phone', models.CharField(max_length=9))]\n",
    }
    ev = entry(files, "app/migrations/*.py")
    assert names(ev, "app_p") == ["x", "email", "phone"]
    assert where(column(ev, "app_p.email")) == ("app/migrations/0001_squashed_0002_b.py", 5)
    assert problems(ev) == []


def test_django_cycle_broken_file_and_dynamic_operations(entry):
    head = "from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n"
    files = {
        "app/migrations/0001_a.py": head + "    dependencies = [('app', '0002_b')]\n"
        "    operations = [migrations.CreateModel('P', [('email', models.EmailField())])]\n",
        "app/migrations/0002_b.py": head + "    dependencies = [('app', '0001_a'), ('app', '0009_gone')]\n"
        "    operations = [migrations.AddField('p', 'phone', models.CharField(max_length=9))]\n",
        "app/migrations/0003_c.py": head + "    dependencies = [('app', '0002_b')]\n"
        "    operations = [migrations.AddField('p', 'city' models.CharField(max_length=9))]\n",
        "app/migrations/0004_d.py": head + "    dependencies = [('app', '0002_b')]\n"
        "    operations = OPS + [migrations.AddField('p', 'fax', models.CharField(max_length=9))]\n",
    }
    ev = entry(files, "app/migrations/*.py", fmt="django_migrations")
    assert names(ev, "app_p") == ["email", "phone"]
    found = sorted(problems(ev), key=lambda p: (p[0], p[1] or 0, p[2] or 0))
    assert [(p[0].rpartition("/")[2], p[1], p[2]) for p in found] == [
        ("0002_b.py", 4, 21),   # the cycle closes at 0002's dependency on 0001
        ("0002_b.py", 4, 40),   # a migration of this app the entry does not hold
        ("0003_c.py", 5, 44),   # syntax error (where Python places it)
        ("0004_d.py", 5, 18),   # operations that are not a literal list
    ]
    assert "'app.0001_a' -> 'app.0002_b' -> 'app.0001_a'" in found[0][3] and "0009_gone" in found[1][3]
    assert "syntax error" in found[2][3] and "not a list" in found[3][3]


# -- detection and planning

def test_detection_of_migrations(tmp_path):
    write_files(tmp_path, {
        "db/migrate/1_a.rb": "class A < ActiveRecord::Migration[7.0]\nend\n",
        "db/schema.rb": "ActiveRecord::Schema[7.0].define(version: 1) do\nend\n",
        "versions/a.py": 'revision = "a"\ndown_revision = None\n',
        "app/migrations/0001_initial.py": "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    pass\n",
        "app/models.py": "from django.db import models\n",
    })
    kinds = [detect(tmp_path / n) for n in
             ("db/migrate/1_a.rb", "db/schema.rb", "versions/a.py", "app/migrations/0001_initial.py", "app/models.py")]
    assert kinds == ["rails_migrations", "rails", "alembic", "django_migrations", "django"]


def test_an_entry_with_models_and_their_migrations_reads_the_models(entry):
    files = {
        "app/models.py": "from django.db import models\n\nclass P(models.Model):\n    email = models.EmailField()\n",
        "app/migrations/__init__.py": "",
        "app/migrations/0001_initial.py": "from django.db import migrations, models\n\n"
        "class Migration(migrations.Migration):\n    operations = [migrations.CreateModel('P', [('email', models.EmailField())])]\n",
    }
    ev = entry(files, "app/**/*.py")
    assert [t.name for t in ev.tables] == ["app_p"]
    assert where(table(ev, "app_p")) == ("app/models.py", 3)
    [warning] = ev.problems
    assert warning.severity == Severity.WARNING and "2 migration file(s)" in warning.message
    assert warning.location.path == "app/migrations/0001_initial.py"


def test_rails_t_foreign_key_is_a_link_not_a_column(entry):
    ev = entry(
        {"db/migrate/1_a.rb": "class A < ActiveRecord::Migration[7.0]\n  def change\n"
         "    create_table :blobs\n    create_table :attachments do |t|\n      t.references :blob\n"
         "      t.foreign_key :blobs, column: :blob_id\n    end\n  end\nend\n"},
        "db/migrate/*.rb",
    )
    assert names(ev, "attachments") == ["id", "blob_id"]
    assert table(ev, "attachments").foreign_keys == (ForeignKey(("blob_id",), "blobs", ("id",)),)


def test_package_marker_of_an_app_without_migrations_goes_with_the_migrations(entry):
    files = {k: v for k, v in DJANGO.items() if k.startswith("accounts/")}
    files["front/migrations/__init__.py"] = ""
    ev = entry(files, "*/migrations/*.py")
    assert ev.problems == [] and "customers" in [t.name for t in ev.tables]


def test_django_passes_over_modules_named_with_underscore_or_tilde_as_its_loader_does(entry):
    """Django's MigrationLoader loads no module whose name starts with `_` or `~`: a
    cookiecutter-django `contrib/sites/migrations/__init__.py` with a docstring is no
    migration, and neither is an editor's `~` backup; neither is a warning nor skipped."""
    files = {k: v for k, v in DJANGO.items() if k.startswith("accounts/")}
    files["accounts/migrations/__init__.py"] = '"""Why this package is here: see the FAQ."""\n'
    files["accounts/migrations/_helpers.py"] = "NAME = 'customers'\n"
    files["accounts/migrations/~0009_old.py"] = "import os\n"
    files["accounts/migrations/notes.py"] = "NAME = 'x'\n"  # Django would load this one: said
    ev = entry(files, "accounts/migrations/*.py", fmt="django_migrations")
    assert "customers" in [t.name for t in ev.tables]
    assert [(p[0], p[4]) for p in problems(ev)] == [("accounts/migrations/notes.py", Severity.WARNING)]
    assert ev.counts["migrations_skipped"] == 1
    assert ev.counts["schema_files"] == len(files) - 3


def test_alembic_passes_over_init_and_lock_files_as_its_script_directory_does(entry):
    files = dict([alembic("a1", "None", "    op.create_table('people', sa.Column('email', sa.String()))")])
    files["alembic/versions/__init__.py"] = '"""Revisions."""\n'
    files["alembic/versions/__init__old.py"] = "x = 1\n"
    ev = entry(files, "alembic/versions/*.py", fmt="alembic")
    assert names(ev, "people") == ["email"] and ev.problems == []
    assert "migrations_skipped" not in ev.counts


def test_hostile_nesting_is_a_cn001_not_a_crash(entry):
    n = 3000
    nested = "SeparateDatabaseAndState(database_operations=[" * 90 + "]" + ")]" * 89 + ")"
    ev = entry(
        {
            "db/migrate/1_a.rb": "class A < ActiveRecord::Migration[7.0]\n  def change\n"
            + "reversible do |d|\n" * n + "add_column :t, :c, :string\n" + "end\n" * n + "  end\nend\n",
            "db/migrate/2_b.rb": "class B < ActiveRecord::Migration[7.0]\n  def change\n"
            + "reversible do |d|\n" * n + "  end\nend\n",
        },
        "db/migrate/*.rb",
    )
    assert [(p[0], p[1]) for p in problems(ev)][0] == ("db/migrate/1_a.rb", 103)
    assert "nested more than 100 deep" in problems(ev)[0][3]
    assert problems(ev)[1][3].startswith("Ruby syntax error")
    ev = entry(
        {"app/migrations/0001_a.py": "from django.db import migrations\nfrom django.db.migrations import *\n\n"
         f"class Migration(migrations.Migration):\n    operations = [{nested}]\n"},
        "app/migrations/*.py",
    )
    assert ev.tables == [] and all(p.severity == Severity.WARNING for p in ev.problems)


def test_django_separate_database_and_state_reads_the_database_side_and_says_nothing_is_left_out(entry):
    files = {
        "notes/migrations/__init__.py": "",
        "notes/migrations/0001_initial.py": '''\
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.CreateModel(name="Note", fields=[("id", models.AutoField(primary_key=True)),
                                                            ("body", models.TextField())]),
            ],
            state_operations=[],
        ),
    ]
''',
    }
    ev = entry(files, "*/migrations/*.py")
    assert names(ev, "notes_note") == ["id", "body"]
    [problem] = ev.problems
    assert problem.severity == Severity.WARNING and problem.fix == DATABASE_SIDE
