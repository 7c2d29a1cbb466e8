"""`cnsnt init` proposes a Laravel migrations folder, not a SQL dump of the same tables beside it.

Found on mbodekama/dimad_meneya (commit 2e4c401, a shop's stock, clients and staff in
French): its 64 Laravel migrations and `database/meneya_vide.sql`, an empty MySQL dump of
the same database (63 of its 67 tables), were both proposed; the starter's first audit
warned 63 times (CN001 "also defined in"). A migrations folder builds the tables the
application runs on, as models map them (`model_dumps`). The files here are written for
these tests, with table and column names of that project.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.api import audit_path
from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new

CLIENTS = """<?php
use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

class CreateClientsTable extends Migration
{
    public function up()
    {
        Schema::create('clients', function (Blueprint $table) {
            $table->id();
            $table->string('nom');
            $table->string('prenom');
            $table->string('contact');
            $table->timestamps();
        });
    }
}
"""
SALARIES = CLIENTS.replace("CreateClientsTable", "CreateSalariesTable").replace("'clients'", "'salaries'")
DUMP = """CREATE TABLE `clients` (`id` bigint(20) UNSIGNED NOT NULL, `nom` varchar(255) NOT NULL,
  `prenom` varchar(255) NOT NULL, `contact` varchar(255) NOT NULL);
CREATE TABLE `salaries` (`id` bigint(20) UNSIGNED NOT NULL, `nom` varchar(255) NOT NULL,
  `prenom` varchar(255) NOT NULL, `contact` varchar(255) NOT NULL);
CREATE TABLE `paiements` (`id` bigint(20) UNSIGNED NOT NULL, `montant` int(11) NOT NULL);
CREATE TABLE `migrations` (`id` int(10) UNSIGNED NOT NULL, `migration` varchar(255) NOT NULL, `batch` int(11) NOT NULL);
"""


def _project(root: Path) -> None:
    folder = root / "database" / "migrations"
    folder.mkdir(parents=True)
    (folder / "2020_11_13_160424_create_clients_table.php").write_text(CLIENTS, encoding="utf-8")
    (folder / "2020_11_13_183306_create_salaries_table.php").write_text(SALARIES, encoding="utf-8")
    (root / "database" / "shop_vide.sql").write_text(DUMP, encoding="utf-8")


def test_a_dump_of_the_migrations_tables_is_left_out_with_a_note(tmp_path: Path) -> None:
    _project(tmp_path)
    found, notes = survey(tmp_path)
    assert [(f.pattern, f.format) for f in found if f.kind == "schemas"] == [
        ("database/migrations/*.php", "laravel")
    ]
    [note] = [n for n in notes if "shop_vide.sql" in n]
    assert note.startswith(
        "left out database/shop_vide.sql: 2 of its 3 tables are defined by the migrations in "
        "database/migrations/*.php (laravel), which are read instead"
    )
    # Laravel's own `migrations` table (which migrations ran) is no table of the application's
    assert "1 table only it defines (paiements) is not read" in note


def test_the_starters_first_audit_warns_of_no_table_defined_twice(tmp_path: Path) -> None:
    _project(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft_new(tmp_path).text, encoding="utf-8")
    findings = audit_path(tmp_path).findings
    assert not [f for f in findings if "also defined in" in f.message]
