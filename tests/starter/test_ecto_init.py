"""`cnsnt init` on Elixir (Phoenix) projects: Ecto migrations preferred to schemas, a `structure.sql` to both."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.policy.loader import load_policy
from cnsnt.starter.discover import Found, discover, survey
from tests.unit.schema_entry import write_files

MIGRATION = """\
defmodule Clinic.Repo.Migrations.CreatePatients do
  use Ecto.Migration

  def change do
    create table(:patients) do
      add :email, :string
      add :phone, :string
      timestamps()
    end
  end
end
"""
SCHEMA = """\
defmodule Clinic.Patient do
  use Ecto.Schema

  schema "patients" do
    field :email, :string
    field :birth_date, :date
  end
end
"""


def test_init_proposes_the_migrations_and_leaves_the_schemas_out(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "priv/repo/migrations/20240101000000_create_patients.exs": MIGRATION,
            "priv/repo/seeds.exs": "IO.puts(:ok)\n",
            "lib/clinic/patient.ex": SCHEMA,
            "deps/ecto/priv/migrations/1_x.exs": MIGRATION,  # a dependency's code, not the project's
        },
    )
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "priv/repo/migrations/*.exs", format="ecto_migrations")]
    assert any(n.startswith("left out 1 Ecto schema file in lib") for n in notes)
    result = CliRunner().invoke(app, ["init", str(tmp_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    columns = {c for d in load_policy(tmp_path / "cnsnt.yaml").data.values() for c in d.columns}
    assert {"patients.email", "patients.phone"} <= columns


def test_init_proposes_schemas_without_migrations_and_a_dump_over_migrations(tmp_path: Path):
    write_files(tmp_path, {"lib/clinic/patient.ex": SCHEMA, "lib/clinic/helper.ex": "defmodule H do\nend\n"})
    assert discover(tmp_path) == [Found("schemas", "lib/clinic/*.ex", format="ecto")]
    dump = tmp_path / "dump"
    write_files(
        dump,
        {
            "priv/repo/migrations/20240101000000_create_patients.exs": MIGRATION,
            "priv/repo/structure.sql": "CREATE TABLE patients (id bigserial PRIMARY KEY, email text);\n",
            "mix.exs": 'defp deps, do: [{:myxql, ">= 0.0.0"}]\n',
        },
    )
    found, notes = survey(dump)
    assert found == [Found("schemas", "priv/repo/structure.sql")]
    assert any("structure.sql (mix ecto.dump)" in n for n in notes)


def test_a_mysql_project_gets_its_dialect(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "priv/repo/migrations/20240101000000_create_patients.exs": MIGRATION,
            "mix.exs": 'defp deps, do: [{:ecto_sql, "~> 3.10"}, {:myxql, ">= 0.0.0"}]\n',
        },
    )
    assert discover(tmp_path) == [
        Found("schemas", "priv/repo/migrations/*.exs", format="ecto_migrations", dialect="mysql")
    ]


def test_each_migrations_folder_gets_the_dialect_of_its_repos_adapter(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "priv/repo/migrations/20240101000000_create_patients.exs": MIGRATION,
            "priv/archive_repo/migrations/20240101000000_create_patients.exs": MIGRATION,
            "priv/legacy/migrations/20240101000000_create_patients.exs": MIGRATION,
            "lib/clinic/repo.ex": (
                "defmodule Clinic.Repo do\n"
                "  use Ecto.Repo, otp_app: :clinic, adapter: Ecto.Adapters.MyXQL\n"
                "end\n"
            ),
            "lib/clinic/archive_repo.ex": (
                "defmodule Clinic.ArchiveRepo do\n"
                "  use Ecto.Repo,\n    otp_app: :clinic,\n    adapter: Ecto.Adapters.SQLite3\nend\n"
            ),
            # Ecto 2 names the adapter in the config; the repo module's own `use` wins
            "config/config.exs": (
                "import Config\n\n"
                "config :clinic, Clinic.Repo, adapter: Ecto.Adapters.Postgres\n"
                'config :clinic, Clinic.Legacy, adapter: Ecto.Adapters.Tds, database: "old"\n'
            ),
            "mix.exs": 'defp deps, do: [{:postgrex, ">= 0.0.0"}, {:myxql, ">= 0.0.0"}]\n',
        },
    )
    assert discover(tmp_path) == [
        Found("schemas", "priv/archive_repo/migrations/*.exs", format="ecto_migrations", dialect="sqlite"),
        Found("schemas", "priv/legacy/migrations/*.exs", format="ecto_migrations", dialect="tsql"),
        Found("schemas", "priv/repo/migrations/*.exs", format="ecto_migrations", dialect="mysql"),
    ]


def test_umbrella_apps_with_repos_of_one_name_get_their_own_adapters(tmp_path: Path):
    def repo(app: str, adapter: str) -> str:
        return (
            f"defmodule {app}.Repo do\n  use Ecto.Repo, otp_app: :x, adapter: Ecto.Adapters.{adapter}\nend\n"
        )

    write_files(
        tmp_path,
        {
            "apps/shop/lib/shop/repo.ex": repo("Shop", "Postgres"),
            "apps/shop/priv/repo/migrations/20240101000000_create_patients.exs": MIGRATION,
            "apps/wiki/lib/wiki/repo.ex": repo("Wiki", "SQLite3"),
            "apps/wiki/priv/repo/migrations/20240101000000_create_patients.exs": MIGRATION,
        },
    )
    assert discover(tmp_path) == [
        Found("schemas", "apps/shop/priv/repo/migrations/*.exs", format="ecto_migrations", dialect=None),
        Found("schemas", "apps/wiki/priv/repo/migrations/*.exs", format="ecto_migrations", dialect="sqlite"),
    ]
