"""Ecto migrations (`priv/repo/migrations/*.exs`) and schemas (`lib/**/*.ex`), parsed with tree-sitter-elixir."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.read_fixes import UNLINKED_COLUMN
from cnsnt.sources.schemas.reader import detect
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

M = "priv/repo/migrations"


def migration(name: str, body: str, function: str = "change") -> str:
    return (
        f"defmodule MyApp.Repo.Migrations.{name} do\n"
        "  use Ecto.Migration\n\n"
        f"  def {function} do\n{body}  end\nend\n"
    )


USERS = migration(
    "CreateUsers",
    """\
    create table(:orgs) do
      add :name, :string, size: 80
    end

    create table(:users, comment: "people who sign in") do
      add :email, :string, null: false, comment: "login"
      add :org_id, references(:orgs, on_delete: :delete_all)
      add :tags, {:array, :string}
      add :settings, :map
      add :score, :decimal, precision: 10, scale: 2
      timestamps(type: :utc_datetime)
    end

    create unique_index(:users, [:email])
""",
)
TOKENS = migration(
    "Tokens",
    """\
    create table(:tokens, primary_key: false, prefix: "auth") do
      add :id, :binary_id, primary_key: true
      add :user_id, references(:users, type: :binary_id, column: :uuid)
      add :ip, :inet
      timestamps(updated_at: false, inserted_at: :created_at)
    end

    alter table(:users) do
      modify :email, :citext, comment: "case-insensitive"
      remove :settings
      add :phone, :string
    end

    rename table(:users), :tags, to: :labels
    rename table(:orgs), to: table(:organisations)
""",
    function="up",
)


def read(
    tmp_path: Path, files: dict[str, str], fmt: str | None = "ecto_migrations", dialect: str | None = None
):
    write_files(tmp_path, files)
    pattern = "**/*.ex*" if fmt != "ecto_migrations" else f"{M}/*.exs"
    return read_entry(tmp_path, pattern, fmt, dialect)


def test_migrations_replay_tables_columns_types_keys_and_comments(tmp_path: Path):
    ev = read(
        tmp_path,
        {
            f"{M}/20230101120000_create_users.exs": USERS,
            f"{M}/20230201000000_tokens.exs": TOKENS,
        },
    )
    assert sorted(t.key for t in ev.tables) == ["auth.tokens", "organisations", "users"]
    assert names(ev, "users") == [
        "id",
        "email",
        "org_id",
        "labels",
        "score",
        "inserted_at",
        "updated_at",
        "phone",
    ]
    assert column(ev, "users.id").type == "BIGSERIAL" and column(ev, "users.id").primary_key
    assert column(ev, "users.email").type == "CITEXT"
    assert column(ev, "users.email").comment == "case-insensitive"
    assert column(ev, "users.labels").type == "VARCHAR(255)[]"
    assert column(ev, "users.score").type == "DECIMAL(10, 2)"
    assert column(ev, "users.inserted_at").type == "TIMESTAMP(0)"
    assert column(ev, "organisations.name").type == "VARCHAR(80)"
    assert table(ev, "users").comment == "people who sign in"
    # the foreign key follows the renamed table
    assert table(ev, "users").foreign_keys == (ForeignKey(("org_id",), "organisations", ("id",)),)
    tokens = table(ev, "auth.tokens")
    assert [c.name for c in tokens.columns] == ["id", "user_id", "ip", "created_at"]
    assert column(ev, "auth.tokens.id").type == "UUID" and column(ev, "auth.tokens.id").primary_key
    assert column(ev, "auth.tokens.user_id").type == "UUID"
    assert tokens.foreign_keys == (ForeignKey(("user_id",), "users", ("uuid",)),)
    # placed where written: a column of a later migration in that file, a renamed one at the rename
    assert where(column(ev, "users.email")) == (f"{M}/20230101120000_create_users.exs", 10)
    assert where(column(ev, "users.phone")) == (f"{M}/20230201000000_tokens.exs", 15)
    assert where(column(ev, "users.labels")) == (f"{M}/20230201000000_tokens.exs", 18)
    assert ev.problems == []
    assert ev.counts["migrations"] == 2


def test_migrations_run_in_numeric_version_order_and_unversioned_files_are_not_run(tmp_path: Path):
    ev = read(
        tmp_path,
        {
            # 9 runs before 10 (a string sort would put 10 first and alter a table not yet made)
            f"{M}/10_add_phone.exs": migration(
                "AddPhone", "    alter table(:people) do\n      add :phone, :string\n    end\n"
            ),
            f"{M}/9_create_people.exs": migration(
                "People", "    create table(:people) do\n      add :name, :text\n    end\n"
            ),
            f"{M}/create_later.exs": migration("Later", "    drop table(:people)\n"),
        },
    )
    assert names(ev, "people") == ["id", "name", "phone"]
    [problem] = ev.problems
    assert problem.location.path == f"{M}/create_later.exs" and problem.severity is Severity.WARNING
    assert "not an Ecto migration file name" in problem.message
    assert ev.counts["migrations_skipped"] == 1


def test_execute_sql_is_replayed_and_placed_in_the_exs_file(tmp_path: Path):
    body = (
        "    create table(:people) do\n      add :name, :text\n    end\n"
        '    execute "ALTER TABLE people ADD COLUMN birth_date date", "ALTER TABLE people DROP COLUMN birth_date"\n'
        '    execute """\n    CREATE TABLE visits (id serial PRIMARY KEY, note text)\n    """\n'
        '    repo().query!("ALTER TABLE people RENAME name TO full_name")\n'
    )
    ev = read(tmp_path, {f"{M}/1_people.exs": migration("People", body)})
    assert names(ev, "people") == ["id", "full_name", "birth_date"]
    assert column(ev, "people.birth_date").type == "DATE"
    assert column(ev, "people.birth_date").location.line == 8
    assert names(ev, "visits") == ["id", "note"]
    assert where(table(ev, "visits")) == (f"{M}/1_people.exs", 10)
    assert ev.problems == []


def test_attributes_variables_helpers_and_literal_loops_are_followed(tmp_path: Path):
    text = """\
defmodule MyApp.Repo.Migrations.Helpers do
  use Ecto.Migration
  @table :people

  defp stamp(table, columns) do
    alter table(table) do
      for column <- columns do
        add column, :utc_datetime
      end
    end
  end

  def change do
    name = "pets"
    create table(@table) do
      add :email, :string
    end
    create table(name)
    stamp(:people, [:seen_at, :left_at])
  end
end
"""
    ev = read(tmp_path, {f"{M}/1_helpers.exs": text})
    assert names(ev, "people") == ["id", "email", "seen_at", "left_at"]
    assert column(ev, "people.seen_at").type == "TIMESTAMP(0)"
    assert names(ev, "pets") == ["id"]
    assert ev.problems == []


def test_what_cannot_be_read_is_a_cn001_at_its_place(tmp_path: Path):
    body = """\
    create table(:people) do
      add :email, :string
    end
    for t <- Application.get_env(:my_app, :tables) do
      create table(t)
    end
    if System.get_env("PG") do
      alter table(:people) do
        add :tsv, :tsvector
      end
    end
    create table(table_name()) do
      add :x, :string
    end
    alter table(:people) do
      add field_name(), :string
    end
    execute "UPDATE people SET email = '#{System.get_env("X")}'"
    execute "ALTER TABLE people ADD COLUMN #{column} text"
    Enum.each([:a, :b], fn t -> create table(t) end)
    seed_things()
"""
    ev = read(tmp_path, {f"{M}/1_people.exs": migration("People", body)})
    assert names(ev, "people") == ["id", "email"]
    found = [(p.location.line, p.location.column, p.severity, p.message.split(":")[0]) for p in ev.problems]
    assert found == [
        (8, 5, None, "schema changes in `for`"),
        (11, 5, Severity.WARNING, "schema changes under `if`"),
        (16, 5, None, "`create`"),
        (20, 7, None, "`add`"),
        (23, 5, Severity.WARNING, "`execute`"),
        (24, 5, None, "schema changes in `Enum.each`"),
        (25, 5, Severity.WARNING, "`seed_things` is not a migration command cnsnt knows"),
    ]
    # the interpolated UPDATE changes no table: not reported
    assert all(p.location.line != 22 for p in ev.problems)


def test_mysql_dialect_gives_myxql_types(tmp_path: Path):
    body = (
        "    create table(:people) do\n      add :uuid, :binary_id\n      add :meta, :map\n"
        "      add :org_id, references(:orgs)\n      timestamps()\n    end\n"
    )
    ev = read(tmp_path, {f"{M}/1_people.exs": migration("People", body)}, dialect="mysql")
    types = {c.name: c.type for c in table(ev, "people").columns}
    assert types == {
        "id": "BIGINT UNSIGNED",
        "uuid": "BINARY(16)",
        "meta": "JSON",
        "org_id": "BIGINT UNSIGNED",
        "inserted_at": "DATETIME",
        "updated_at": "DATETIME",
    }


def test_syntax_error_is_reported_and_the_rest_read(tmp_path: Path):
    body = "    create table(:people) do\n      add :email, :string\n    end\n    create table(:x do\n"
    ev = read(tmp_path, {f"{M}/1_people.exs": migration("People", body)})
    assert any("Elixir syntax error" in p.message for p in ev.problems)
    assert "people" in [t.name for t in ev.tables]


def test_a_block_left_open_is_placed_at_its_do(tmp_path: Path):
    """`create table(:people) do` without its `end`: the function's `end` closes it, so the
    place is the `do` whose `end` is indented less than its line, not the end of the file."""
    body = "    create table(:people) do\n      add :email, :string\n      timestamps()\n\n"
    text = migration("People", body)
    ev = read(tmp_path, {f"{M}/1_people.exs": text})
    [problem] = [p for p in ev.problems if "syntax error" in p.message]
    assert problem.message.startswith("Elixir syntax error (unclosed 'do')")
    assert (problem.location.line, problem.location.column) == (5, 27)


def test_an_unclosed_call_and_a_closer_too_many_are_placed_at_the_bracket(tmp_path: Path):
    opened = migration("People", "    create table(:people do\n      add :email, :string\n    end\n")
    ev = read(tmp_path, {f"{M}/1_people.exs": opened})
    assert [(p.location.line, p.location.column) for p in ev.problems if "(unclosed '(')" in p.message] == [
        (5, 17)
    ]
    schema = 'defmodule A.User do\n  use Ecto.Schema\n\n  schema "users" do\n    field :email, :string)\n  end\nend\n'
    ev = read(tmp_path, {"lib/a/user.ex": schema}, fmt="ecto")
    assert [(p.location.line, p.location.column) for p in ev.problems if "(unmatched ')')" in p.message] == [
        (5, 26)
    ]


SCHEMA_BASE = """\
defmodule MyApp.Schema do
  defmacro __using__(_) do
    quote do
      use Ecto.Schema
      @primary_key {:id, :binary_id, autogenerate: true}
      @foreign_key_type :binary_id
      @timestamps_opts [type: :utc_datetime_usec]
    end
  end
end
"""
USER_SCHEMA = """\
defmodule MyApp.Accounts.User do
  use MyApp.Schema
  alias MyApp.Accounts.Org

  schema "users" do
    field :email, :string
    field :name, :string, source: :full_name
    field :password, :string, virtual: true
    field :role, Ecto.Enum, values: [:admin, :member]
    field :secret, MyApp.Encrypted
    belongs_to :org, Org
    belongs_to :manager, __MODULE__, foreign_key: :boss_id
    has_many :posts, MyApp.Post
    embeds_one :address, MyApp.Address
    timestamps()
  end
end
"""
ORG_SCHEMA = """\
defmodule MyApp.Accounts.Org do
  use Ecto.Schema
  @schema_prefix "tenant"

  schema "orgs" do
    field :name
    many_to_many :users, MyApp.Accounts.User, join_through: "orgs_users"
    timestamps(inserted_at: :created_at, updated_at: false)
  end
end

defmodule MyApp.Address do
  use Ecto.Schema
  embedded_schema do
    field :street
  end
end
"""


def test_schemas_fields_keys_associations_and_use_settings(tmp_path: Path):
    ev = read(
        tmp_path,
        {
            "lib/my_app/schema.ex": SCHEMA_BASE,
            "lib/my_app/user.ex": USER_SCHEMA,
            "lib/my_app/org.ex": ORG_SCHEMA,
        },
        fmt="ecto",
    )
    assert sorted(t.key for t in ev.tables) == ["tenant.orgs", "users"]
    assert names(ev, "users") == [
        "id", "email", "full_name", "role", "secret", "org_id", "boss_id", "address", "inserted_at", "updated_at",
    ]  # fmt: skip
    types = {c.name: c.type for c in table(ev, "users").columns}
    assert types["id"] == "UUID" and column(ev, "users.id").primary_key
    assert types["org_id"] == "UUID"  # @foreign_key_type from `use MyApp.Schema`
    assert types["role"] == "VARCHAR(255)" and types["secret"] is None and types["address"] == "JSONB"
    assert types["inserted_at"] == "TIMESTAMP"
    assert set(table(ev, "users").foreign_keys) == {
        ForeignKey(("org_id",), "orgs", ("id",), "tenant"),
        ForeignKey(("boss_id",), "users", ("id",)),
    }
    assert names(ev, "tenant.orgs") == ["id", "name", "created_at"]
    assert column(ev, "tenant.orgs.id").type == "BIGINT"
    assert column(ev, "tenant.orgs.name").type == "VARCHAR(255)"
    assert where(column(ev, "users.email")) == ("lib/my_app/user.ex", 6)
    # the virtual password is collected but never stored: no column, counted
    assert ev.counts["virtual_fields"] == 1
    assert ev.problems == []


def test_schema_parts_cnsnt_cannot_read_are_reported(tmp_path: Path):
    text = """\
defmodule MyApp.User do
  use Ecto.Schema
  schema "users" do
    field :email, :string
    pow_user_fields()
    for f <- @fields, do: field(f, :string)
  end
end

defmodule MyApp.Dyn do
  use Ecto.Schema
  schema table_name() do
    field :x, :string
  end
end
"""
    ev = read(tmp_path, {"lib/user.ex": text}, fmt="ecto")
    assert names(ev, "users") == ["id", "email"]
    found = [(p.location.line, p.location.column, p.severity) for p in ev.problems]
    assert found == [(5, 5, Severity.WARNING), (6, 5, Severity.WARNING), (12, 3, None)]
    assert "`pow_user_fields`" in ev.problems[0].message


def test_detection_and_an_entry_with_both_reads_the_migrations(tmp_path: Path):
    write_files(
        tmp_path,
        {f"{M}/1_users.exs": migration("U", "    create table(:users) do\n      add :email, :text\n    end\n"),
         "lib/user.ex": USER_SCHEMA, "priv/repo/seeds.exs": "IO.puts(1)\n"},
    )  # fmt: skip
    assert detect(tmp_path / M / "1_users.exs") == "ecto_migrations"
    assert detect(tmp_path / "lib/user.ex") == "ecto"
    ev = read_entry(tmp_path, "**/*.ex*")
    assert [t.key for t in ev.tables] == ["users"]
    assert names(ev, "users") == ["id", "email"]
    [left] = ev.problems
    assert left.severity is Severity.WARNING and "2 Elixir file(s)" in left.message


def test_same_input_same_evidence(tmp_path: Path):
    files = {f"{M}/20230101120000_create_users.exs": USERS, f"{M}/20230201000000_tokens.exs": TOKENS}
    first = read(tmp_path, files)
    again = read(tmp_path, files)
    assert repr(first.tables) == repr(again.tables) and repr(first.problems) == repr(again.problems)


def test_sql_from_loops_helpers_and_data_migrations(tmp_path: Path):
    text = """\
defmodule MyApp.Repo.Migrations.Sql do
  use Ecto.Migration
  @renames [{"people", "name", "full_name"}, {"pets", "tag", "label"}]

  def up do
    create table(:people) do
      add :name, :text
    end
    create table(:pets) do
      add :tag, :text
    end
    for {table, from, to} <- @renames do
      execute "ALTER TABLE #{table} RENAME COLUMN #{from} TO #{to}"
    end
    execute(visits_sql())
    execute(fn -> repo().update_all("people", set: [name: "x"]) end)
    execute(&backfill/0)
    execute(fn -> repo().query!("ALTER TABLE pets ADD COLUMN chip text") end)
    for p <- repo().all(Person), do: touch(p)
  end

  defp visits_sql do
    \"\"\"
    CREATE TABLE visits (id serial PRIMARY KEY, note text)
    \"\"\"
  end

  defp backfill, do: repo().update_all("pets", set: [tag: nil])
  defp touch(p), do: repo().update!(p)
end
"""
    ev = read(tmp_path, {f"{M}/1_sql.exs": text})
    assert names(ev, "people") == ["id", "full_name"]
    assert names(ev, "pets") == ["id", "label"]
    assert names(ev, "visits") == ["id", "note"]
    assert where(table(ev, "visits")) == (f"{M}/1_sql.exs", 24)  # in the helper's heredoc
    # data changes (an fn, a captured helper, a loop over rows calling a helper that changes rows) are not
    # reported; an fn that runs SQL is
    [problem] = ev.problems
    assert (problem.location.line, problem.severity) == (18, Severity.WARNING)


def test_a_reference_to_a_computed_table_keeps_its_column_and_says_so(tmp_path: Path):
    """The column is read and audited without its foreign key: the fix says that, not "not audited"."""
    body = """\
    create table(:notes) do
      add :author_id, references(owner_table())
      add :body, :text
    end
"""
    ev = read(tmp_path, {f"{M}/1_notes.exs": migration("Notes", body)})
    assert names(ev, "notes") == ["id", "author_id", "body"]
    [problem] = ev.problems
    assert "read without its foreign key" in problem.message
    assert problem.fix == UNLINKED_COLUMN
