"""Sequelize models, sequelize-cli migrations and Knex migrations read as schemas."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from cnsnt.sources.schemas.sequelize_naming import camelize, pluralize
from tests.unit.schema_entry import column, names, read_entry, table, write_files

INDEX = """\
'use strict';
const { Sequelize } = require('sequelize');
const sequelize = new Sequelize(process.env.DATABASE_URL, { define: { underscored: false } });
module.exports = sequelize;
"""

MEMBER = """\
'use strict';
module.exports = (sequelize, DataTypes) => {
  const Member = sequelize.define('Member', {
    fullName: { type: DataTypes.STRING(120), comment: 'as printed on the card' },
    email: DataTypes.STRING,
    birthDate: { type: DataTypes.DATEONLY, field: 'birth_date' },
    initials: DataTypes.VIRTUAL,
  }, { paranoid: true });
  Member.associate = function (models) {
    Member.belongsTo(models.Club, { as: 'homeClub' });
    Member.hasMany(models.Visit);
    Member.belongsToMany(models.Category, { through: 'MemberCategories' });
  };
  return Member;
};
"""

CLUB = """\
import { Model, DataTypes } from 'sequelize';
export default (sequelize) => {
  class Club extends Model {
    static associate(models) {
      this.hasOne(models.Address, { foreignKey: { name: 'clubId', field: 'club_ref' } });
    }
  }
  Club.init({
    code: { type: DataTypes.UUID, primaryKey: true },
    name: DataTypes.STRING,
  }, { sequelize, modelName: 'Club', tableName: 'clubs', timestamps: false });
  return Club;
};
"""

OTHERS = """\
const { DataTypes } = require('sequelize');
module.exports = (sequelize) => {
  sequelize.define('Visit', { visitedOn: DataTypes.DATE }, { underscored: true });
  sequelize.define('Category', { label: DataTypes.STRING }, { freezeTableName: true, createdAt: 'addedAt' });
  sequelize.define('Address', { street: DataTypes.STRING, ...common }, { timestamps: false });
  sequelize.define(tableFor('x'), { a: DataTypes.STRING });
};
"""


def _models(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "models/index.js": INDEX,
            "models/member.js": MEMBER,
            "models/club.js": CLUB,
            "models/others.js": OTHERS,
        },
    )


def test_models_name_tables_and_columns_as_sequelize_does(tmp_path: Path):
    _models(tmp_path)
    ev = read_entry(tmp_path, "models/*.js", "sequelize")
    assert names(ev, "Members") == [
        "id",
        "fullName",
        "email",
        "birth_date",
        "createdAt",
        "updatedAt",
        "deletedAt",
        "homeClubCode",
    ]
    assert column(ev, "Members.fullName").type == "VARCHAR(120)"
    assert column(ev, "Members.fullName").comment == "as printed on the card"
    assert column(ev, "Members.birth_date").type == "DATE"
    assert column(ev, "Members.id").primary_key
    assert column(ev, "Members.email").location.line == 5
    assert names(ev, "clubs") == ["code", "name"]  # its own primary key, no timestamps
    assert names(ev, "visits") == ["id", "visited_on", "created_at", "updated_at", "member_id"]
    assert names(ev, "Category") == ["id", "label", "addedAt", "updatedAt"]
    assert "street" in names(ev, "Addresses")


def test_associations_are_foreign_keys_with_the_key_sequelize_adds(tmp_path: Path):
    _models(tmp_path)
    ev = read_entry(tmp_path, "models/*.js", "sequelize")
    assert ForeignKey(("homeClubCode",), "clubs", ("code",)) in table(ev, "Members").foreign_keys
    assert column(ev, "Members.homeClubCode").type == "UUID"
    assert ForeignKey(("member_id",), "Members", ("id",)) in table(ev, "visits").foreign_keys
    assert ForeignKey(("club_ref",), "clubs", ("code",)) in table(ev, "Addresses").foreign_keys
    junction = table(ev, "MemberCategories")
    assert names(ev, "MemberCategories") == ["createdAt", "updatedAt", "MemberId", "CategoryId"]
    assert set(junction.foreign_keys) == {
        ForeignKey(("MemberId",), "Members", ("id",)),
        ForeignKey(("CategoryId",), "Category", ("id",)),
    }


def test_what_needs_running_code_is_a_warning_at_its_place(tmp_path: Path):
    _models(tmp_path)
    ev = read_entry(tmp_path, "models/*.js", "sequelize")
    found = {(p.location.path, p.location.line, p.location.column): p for p in ev.problems}
    spread = found[("models/others.js", 5, 59)]
    assert spread.severity == Severity.WARNING and "...common" in spread.message
    computed = found[("models/others.js", 6, 20)]
    assert "model name cnsnt cannot read" in computed.message
    assert all(p.severity == Severity.WARNING for p in ev.problems)
    assert len(ev.tables) == 6


def test_global_define_defaults_apply_to_every_model(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "models/index.js": "const sequelize = new Sequelize('x', { define: { freezeTableName: true, "
            "underscored: true } });\n",
            "models/user.js": "const { DataTypes } = require('sequelize');\n"
            "module.exports = (sequelize) => sequelize.define('User', { firstName: DataTypes.STRING });\n",
        },
    )
    ev = read_entry(tmp_path, "models/*.js", "sequelize")
    assert names(ev, "User") == ["id", "first_name", "created_at", "updated_at"]


def test_naming_helpers_follow_sequelize():
    assert [pluralize(n) for n in ("User", "Person", "Category", "Status")] == [
        "Users",
        "People",
        "Categories",
        "Statuses",
    ]
    assert camelize("User_id") == "UserId" and camelize("home club_code") == "homeClubCode"


MIGRATION_1 = """\
'use strict';
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Teams', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: Sequelize.STRING },
    });
    await queryInterface.createTable('Users', {
      id: { type: Sequelize.INTEGER, primaryKey: true },
      email: { type: Sequelize.STRING(200), allowNull: false },
      phone: Sequelize.STRING,
      teamId: { type: Sequelize.INTEGER, references: { model: 'Teams', key: 'id' } },
    });
  },
  async down(queryInterface) { await queryInterface.dropTable('Users'); },
};
"""
MIGRATION_2 = """\
module.exports = {
  up: async (queryInterface, Sequelize) => {
    await queryInterface.addColumn('Users', 'birthDate', { type: Sequelize.DATEONLY, comment: 'for the discount' });
    await queryInterface.renameColumn('Users', 'phone', 'mobile');
    await queryInterface.removeColumn('Users', 'email');
    await queryInterface.changeColumn('Users', 'mobile', { type: Sequelize.STRING(30) });
    await queryInterface.renameTable('Teams', 'Squads');
    await queryInterface.sequelize.query('CREATE TABLE audit_log (id serial, ip_address inet)');
    for (const t of tables) {
      await queryInterface.addColumn(t, 'deletedAt', Sequelize.DATE);
    }
  },
};
"""


def test_sequelize_cli_migrations_are_replayed_in_file_name_order(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "migrations/20240201000000-more.js": MIGRATION_2,
            "migrations/20240101000000-create.js": MIGRATION_1,
        },
    )
    assert detect(tmp_path / "migrations/20240101000000-create.js") == "sequelize_migrations"
    ev = read_entry(tmp_path, "migrations/*.js")
    assert names(ev, "Users") == ["id", "mobile", "teamId", "birthDate"]
    assert column(ev, "Users.mobile").type == "VARCHAR(30)"
    assert column(ev, "Users.birthDate").comment == "for the discount"
    assert (column(ev, "Users.mobile").location.path, column(ev, "Users.mobile").location.line) == (
        "migrations/20240201000000-more.js",
        4,
    )
    assert table(ev, "Users").foreign_keys == (ForeignKey(("teamId",), "Squads", ("id",)),)
    assert names(ev, "audit_log") == ["id", "ip_address"]
    assert column(ev, "audit_log.ip_address").location.line == 8
    loop = [p for p in ev.problems if p.location.line == 10]
    assert len(loop) == 1 and "a name cnsnt cannot read" in loop[0].message and loop[0].location.column == 38
    assert ev.counts["migrations"] == 2


KNEX_1 = """\
exports.up = function (knex) {
  return knex.schema
    .createTable('accounts', function (table) {
      table.increments();
      table.string('email', 320).notNullable().comment('login');
      table.string('full_name');
      table.timestamps(true, true);
      table.comment('people who sign in');
    })
    .createTable('orders', (t) => {
      t.bigIncrements('id');
      t.integer('account_id').unsigned().references('id').inTable('accounts');
      t.text('delivery_address');
      t.timestamp('placed_at').defaultTo(knex.raw('now()'));
    });
};
exports.down = (knex) => knex.schema.dropTable('orders').dropTable('accounts');
"""
KNEX_2 = """\
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('accounts', (t) => {
    t.dropColumn('full_name');
    t.renameColumn('email', 'login_email');
    t.string('phone', 40);
  });
  await knex.schema.table('orders', (t) => {
    t.foreign('account_id').references('accounts.id');
    t.decimal('total', 10, 2);
    COLUMNS.forEach((name) => t.string(name));
  });
  await knex.raw('ALTER TABLE orders ADD COLUMN ip inet');
  await knex.schema.renameTable('orders', 'purchases');
}
"""


def test_knex_migrations_are_replayed_step_by_step(tmp_path: Path):
    write_files(
        tmp_path, {"db/migrations/20240101_init.js": KNEX_1, "db/migrations/20240301_more.ts": KNEX_2}
    )
    assert detect(tmp_path / "db/migrations/20240101_init.js") == "knex_migrations"
    assert detect(tmp_path / "db/migrations/20240301_more.ts") == "knex_migrations"
    ev = read_entry(tmp_path, "db/migrations/*")
    assert names(ev, "accounts") == ["id", "login_email", "created_at", "updated_at", "phone"]
    assert column(ev, "accounts.login_email").type == "VARCHAR(320)"
    assert column(ev, "accounts.login_email").comment == "login"
    assert table(ev, "accounts").comment == "people who sign in"
    assert names(ev, "purchases") == ["id", "account_id", "delivery_address", "placed_at", "total", "ip"]
    assert column(ev, "purchases.total").type == "DECIMAL(10, 2)"
    assert table(ev, "purchases").foreign_keys == (ForeignKey(("account_id",), "accounts", ("id",)),)
    assert not [
        p for p in ev.problems if p.location.path.endswith("init.js")
    ]  # `knex.raw('now()')` is a value
    loop = [p for p in ev.problems if p.location.path.endswith("more.ts")]
    assert [(p.location.line, p.location.column) for p in loop] == [(12, 40)]
    assert "a name cnsnt cannot read" in loop[0].message


def test_js_migrations_hold_back_a_condition_whose_branches_may_drop_something(tmp_path: Path):
    knex = """\
exports.up = async function (knex) {
  await knex.schema.createTable('users', (t) => {
    t.increments();
    t.string('email');
    t.string('phone');
  });
  if (process.env.LEGACY) {
    await knex.schema.alterTable('users', (t) => t.dropColumn('phone'));
  } else {
    await knex.schema.alterTable('users', (t) => t.string('fax'));
  }
  if (process.env.SMS) {
    await knex.schema.alterTable('users', (t) => t.string('mobile'));
  }
};
"""
    sequelize = """\
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('people', { id: Sequelize.INTEGER, phone: Sequelize.STRING });
    switch (process.env.EDITION) {
      case 'lite':
        await queryInterface.renameColumn('people', 'phone', 'tel');
        break;
      default:
        await queryInterface.addColumn('people', 'email', Sequelize.STRING);
    }
  },
};
"""
    write_files(tmp_path, {"knex/20240101_users.js": knex, "seq/20240101000000-people.js": sequelize})
    ev = read_entry(tmp_path, "knex/*.js")
    # the branch that drops `phone` may not run: nothing under that `if` is replayed, with a warning;
    # one whose branches only add is replayed as before
    assert names(ev, "users") == ["id", "email", "phone", "mobile"]
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        (7, 6, Severity.WARNING)
    ]
    assert "a branch may drop, rename or change" in ev.problems[0].message
    ev = read_entry(tmp_path, "seq/*.js")
    assert names(ev, "people") == ["id", "phone"]
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(4, 12)]


def test_knex_chain_of_hundreds_of_tables_is_read_whole_in_linear_time(tmp_path: Path):
    """A chain of more than 500 calls lost its first tables without a word, and each call was walked to the root."""
    from tests.hostile.growth import assert_linear

    def migration(n: int) -> str:
        tables = "".join(f"    .createTable('t{i}', (t) => {{ t.string('email'); }})\n" for i in range(n))
        return f"exports.up = function (knex) {{\n  return knex.schema\n{tables}  ;\n}};\n"

    def read(text: str) -> None:
        write_files(tmp_path, {"migrations/20240101_init.js": text})
        ev = read_entry(tmp_path, "migrations/*.js", "knex_migrations")
        assert len(ev.tables) == text.count("createTable") and not ev.problems

    read(migration(600))
    assert_linear(read, lambda n: migration(n) + f"exports.x = f(){'.y()' * n};\n", 120)


def test_knex_table_of_thousands_of_columns_is_read_in_linear_time(tmp_path: Path):
    """Each column was looked up among all the columns before it (to tell an `.alter()`)."""
    from tests.hostile.growth import assert_linear

    def migration(n: int) -> str:
        columns = "".join(f"    t.string('c{i}');\n" for i in range(n))
        return (
            "exports.up = function (knex) {\n  return knex.schema.createTable('t', (t) => {\n"
            f"{columns}    t.text('C0').alter();\n  }});\n}};\n"
        )

    def read(text: str) -> None:
        write_files(tmp_path, {"migrations/20240101_init.js": text})
        ev = read_entry(tmp_path, "migrations/*.js", "knex_migrations")
        assert len(table(ev, "t").columns) == text.count("t.string") and column(ev, "t.c0").type == "TEXT"

    assert_linear(read, migration, 1000)


def test_knex_condition_inside_a_table_builder_that_may_drop_is_held_back(tmp_path: Path):
    knex = """\
exports.up = async function (knex) {
  await knex.schema.createTable('users', (t) => {
    t.increments();
    t.string('phone');
  });
  await knex.schema.alterTable('users', (t) => {
    if (process.env.LEGACY) {
      t.dropColumn('phone');
    } else {
      t.string('fax');
    }
  });
};
"""
    write_files(tmp_path, {"knex/20240101_users.js": knex})
    ev = read_entry(tmp_path, "knex/*.js")
    # the warning says nothing under the `if` is replayed: `phone` is kept, `fax` not added
    assert names(ev, "users") == ["id", "phone"]
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(7, 8)]


def test_js_migrations_hold_back_a_drop_after_a_short_circuit(tmp_path: Path):
    sequelize = """\
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('people', { id: Sequelize.INTEGER, phone: Sequelize.STRING });
    process.env.LEGACY && (await queryInterface.removeColumn('people', 'phone'));
  },
};
"""
    write_files(tmp_path, {"seq/20240101000000-people.js": sequelize})
    ev = read_entry(tmp_path, "seq/*.js")
    assert names(ev, "people") == ["id", "phone"]  # the drop may never run
    assert [(p.location.line, p.location.column) for p in ev.problems] == [(4, 5)]
    assert "under a `&&`" in ev.problems[0].message


def test_a_plain_javascript_file_is_reported_not_read_as_sql(tmp_path: Path):
    write_files(tmp_path, {"lib/util.js": "module.exports = () => 1;\n"})
    ev = read_entry(tmp_path, "lib/*.js")
    assert detect(tmp_path / "lib/util.js") == "javascript"
    assert not ev.tables and [p.severity for p in ev.problems] == [Severity.WARNING]


def _init(root: Path) -> tuple[dict, str]:
    result = CliRunner().invoke(app, ["init", str(root)], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    text = (root / "cnsnt.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), text


def test_init_proposes_the_models_and_leaves_out_their_migrations(tmp_path: Path):
    _models(tmp_path)
    write_files(tmp_path, {"migrations/20240101000000-create.js": MIGRATION_1})
    policy, text = _init(tmp_path)
    assert policy["sources"]["schemas"] == [{"path": "models/*.js", "format": "sequelize"}]
    assert "left out 1 sequelize-cli migration in migrations" in text
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"Members.email", "Members.birth_date", "Members.fullName"} <= declared


def test_init_proposes_knex_migrations(tmp_path: Path):
    write_files(tmp_path, {"db/migrations/20240101_init.js": KNEX_1})
    policy, _ = _init(tmp_path)
    assert policy["sources"]["schemas"] == [{"path": "db/migrations/*.js", "format": "knex_migrations"}]
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"accounts.email", "orders.delivery_address"} <= declared


BASE_TS = """\
import { Column, CreatedAt, DataType, Default, Model, PrimaryKey, UpdatedAt } from 'sequelize-typescript';

export class IdModel extends Model {
  @PrimaryKey
  @Default(DataType.UUIDV4)
  @Column(DataType.UUID)
  id: string;

  @CreatedAt
  createdAt: Date;

  @UpdatedAt
  updatedAt: Date;
}
"""
PATIENT_TS = """\
import { BelongsTo, BelongsToMany, Column, Comment, DataType, ForeignKey, Table } from 'sequelize-typescript';
import { IdModel } from './base/IdModel';
import Clinic from './Clinic';
import Allergy from './Allergy';
import PatientAllergy from './PatientAllergy';

@Table({ tableName: 'patients', modelName: 'patient', updatedAt: false })
export default class Patient extends IdModel {
  @Comment('as on the insurance card')
  @Column(DataType.STRING(200))
  fullName: string;

  @Column
  birthDate: Date;

  @Column(DataType.STRING)
  get nationalId(): string { return this.getDataValue('nationalId'); }

  @ForeignKey(() => Clinic)
  @Column(DataType.UUID)
  clinicId: string;

  @BelongsTo(() => Clinic, 'clinicId')
  clinic: Clinic;

  @BelongsTo(() => Clinic)
  referrer: Clinic;

  @BelongsToMany(() => Allergy, () => PatientAllergy)
  allergies: Allergy[];
}
"""
OTHERS_TS = """\
import { Column, DataType, ForeignKey, Model, Table } from 'sequelize-typescript';
import Patient from './Patient';

@Table
export class Clinic extends Model {
  @Column
  name: string;
}

@Table({ underscored: true })
export class Allergy extends Model {
  @Column(DataType.TEXT)
  label: string;
}

@Table({ tableName: 'patient_allergies', timestamps: false })
export class PatientAllergy extends Model {
  @ForeignKey(() => Patient)
  @Column(DataType.UUID)
  patientId: string;

  @ForeignKey(() => Allergy)
  @Column
  allergyId: number;
}
"""


def test_sequelize_typescript_models_with_parents_and_associations(tmp_path: Path):
    write_files(
        tmp_path,
        {"models/base/IdModel.ts": BASE_TS, "models/Patient.ts": PATIENT_TS, "models/others.ts": OTHERS_TS},
    )
    assert detect(tmp_path / "models/Patient.ts") == "sequelize"
    ev = read_entry(tmp_path, "models/**/*.ts", "sequelize")
    # `@BelongsTo(() => Clinic) referrer` finds the one `@ForeignKey(() => Clinic)`, as sequelize-typescript does
    assert names(ev, "patients") == ["id", "createdAt", "fullName", "birthDate", "clinicId", "nationalId"]
    assert column(ev, "patients.fullName").comment == "as on the insurance card"
    assert column(ev, "patients.fullName").type == "VARCHAR(200)"
    assert column(ev, "patients.birthDate").type == "TIMESTAMP WITH TIME ZONE"
    assert column(ev, "patients.id").primary_key and column(ev, "patients.id").type == "UUID"
    assert column(ev, "patients.id").location.path == "models/base/IdModel.ts"
    assert table(ev, "patients").foreign_keys == (ForeignKey(("clinicId",), "Clinics", ("id",)),)
    assert names(ev, "allergies") == ["id", "label", "created_at", "updated_at"]
    assert names(ev, "patient_allergies") == ["patientId", "allergyId"]
    assert set(table(ev, "patient_allergies").foreign_keys) == {
        ForeignKey(("patientId",), "patients", ("id",)),
        ForeignKey(("allergyId",), "allergies", ("id",)),
    }
    assert not ev.problems


def test_init_proposes_one_entry_for_sequelize_typescript_models_and_their_parents(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "src/models/base/IdModel.ts": BASE_TS,
            "src/models/Patient.ts": PATIENT_TS,
            "src/models/others.ts": OTHERS_TS,
        },
    )
    policy, _ = _init(tmp_path)
    assert policy["sources"]["schemas"] == [{"path": "src/models/**/*.ts", "format": "sequelize"}]
    declared = {c for d in policy["data"].values() for c in d.get("columns", [])}
    assert {"patients.fullName", "patients.birthDate", "patients.nationalId"} <= declared


def test_raw_sql_names_a_constant_of_the_file(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "migrations/20240101000000-log.js": (
                "const TABLE = 'login_log';\n"
                "module.exports = {\n"
                "  up: async (queryInterface) => {\n"
                "    await queryInterface.sequelize.query(`CREATE TABLE ${TABLE} (id int, ip_address inet)`);\n"
                "    await queryInterface.sequelize.query(`ALTER TABLE ${TABLE} ADD COLUMN ${column} text`);\n"
                "  },\n"
                "};\n"
            )
        },
    )
    ev = read_entry(tmp_path, "migrations/*.js", "sequelize_migrations")
    assert names(ev, "login_log") == ["id", "ip_address"]
    assert [(p.location.line, p.severity) for p in ev.problems] == [(5, Severity.WARNING)]


#: review31 D8: the entry's `define` defaults live in index.js; the model in a longer file.
_DEFAULTS_INDEX = (
    'const { Sequelize } = require("sequelize");\n'
    "const sequelize = new Sequelize(process.env.DATABASE_URL, {\n"
    '  dialect: "postgres",\n'
    "  define: {\n"
    "    schema: {schema},\n"
    "  },\n"
    "});\n"
    "module.exports = sequelize;\n"
)
_CONTRATO = (
    'const { DataTypes } = require("sequelize");\n'
    'const sequelize = require("./index");\n'
    "// a long comment, so that the define default's offset in index.js falls inside this model's\n"
    "// attributes: the excerpt was taken from this file's text at index.js's offset\n"
    'module.exports = sequelize.define("Contrato", {\n'
    "  nome_buffet: {\n    type: DataTypes.STRING,\n  },\n"
    "  cpf: { type: DataTypes.STRING },\n"
    '}, { tableName: "contratos" });\n'
)


def _defaults_project(root: Path, schema: str) -> None:
    write_files(
        root,
        {"models/index.js": _DEFAULTS_INDEX.replace("{schema}", schema), "models/Contrato.js": _CONTRATO},
    )


def test_a_defaults_warning_quotes_the_file_it_is_located_in_on_one_line(tmp_path: Path):
    """review31 D8: a `define` default cnsnt cannot read is quoted from index.js, where it is."""
    _defaults_project(tmp_path, "schemaFor(\n      process.env)")
    ev = read_entry(tmp_path, "models/*.js", "sequelize")
    [warning] = [p for p in ev.problems if "option schema" in p.message]
    assert (warning.location.path, warning.location.line, warning.location.column) == ("models/index.js", 5, 13)
    assert warning.message.startswith(
        "Contrato: option schema: schemaFor( process.env): a value cnsnt cannot read; Sequelize's default is used"
    )
    assert "\n" not in warning.message
    assert [t.key for t in ev.tables] == ["contratos"]


def test_an_env_value_with_a_literal_fallback_is_read_as_the_fallback(tmp_path: Path):
    """review31 D8: `process.env.DB_SCHEMA || "public"` is the schema a fresh checkout gets."""
    _defaults_project(tmp_path, 'process.env.DB_SCHEMA || "public"')
    ev = read_entry(tmp_path, "models/*.js", "sequelize")
    assert [t.key for t in ev.tables] == ["public.contratos"]
    assert not [p for p in ev.problems if "option schema" in p.message]
    _defaults_project(tmp_path, 'process.env.DB_SCHEMA ?? "crm"')
    assert [t.key for t in read_entry(tmp_path, "models/*.js", "sequelize").tables] == ["crm.contratos"]
    _defaults_project(tmp_path, '"" || "crm"')  # a literal left side is read as JavaScript does
    assert [t.key for t in read_entry(tmp_path, "models/*.js", "sequelize").tables] == ["crm.contratos"]
