"""Drizzle ORM schemas read with tree-sitter-typescript: tables over several modules, keys, casing, init."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.api import audit_path
from cnsnt.cli import app
from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.policy.loader import load_policy
from cnsnt.sources.schemas.drizzle_types import camel_case, snake_case
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, survey
from tests.unit.schema_entry import column, names, read_entry, table, write_files

COLUMNS = """\
import { timestamp, uuid } from "drizzle-orm/pg-core";

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp("updated_at"),
};

export const id = (name: string) => uuid(name).defaultRandom();
"""

CLINICS = """\
import { pgSchema, pgTable, serial, text, varchar } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";

export const billing = pgSchema("billing");

export const clinics = pgTable("clinics", {
  id: serial("id").primaryKey(),
  name: varchar("name", { length: 120 }).notNull(),
  ...timestamps,
});

export const payers = billing.table("payers", {
  id: serial("id").primaryKey(),
  iban: text("iban"),
});
"""

PATIENTS = """\
import { relations } from "drizzle-orm";
import {
  date, foreignKey, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, varchar,
} from "drizzle-orm/pg-core";
import { clinics, payers } from "./clinics";
import { id, timestamps } from "./columns";

export const sexEnum = pgEnum("sex", ["female", "male", "other"]);

export const patients = pgTable("patients", {
  id: id("id").primaryKey(),
  clinicId: integer("clinic_id").notNull().references(() => clinics.id, { onDelete: "cascade" }),
  firstName: varchar("first_name", { length: 80 }),
  birthDate: date("birth_date"),
  sex: sexEnum("sex"),
  allergies: text("allergies").array(),
  payerId: integer("payer_id").references(() => payers.id),
  ...timestamps,
});

export const visits = pgTable(
  "visits",
  {
    patientId: id("patient_id").notNull(),
    seenOn: date("seen_on").notNull(),
    fee: numeric("fee", { precision: 8, scale: 2 }),
    notes: jsonb("notes"),
    parentPatientId: id("parent_patient_id"),
    parentSeenOn: date("parent_seen_on"),
  },
  (t) => [
    primaryKey({ columns: [t.patientId, t.seenOn] }),
    foreignKey({ columns: [t.patientId], foreignColumns: [patients.id] }).onDelete("cascade"),
    foreignKey({
      columns: [t.parentPatientId, t.parentSeenOn],
      foreignColumns: [t.patientId, t.seenOn],
    }),
  ],
);

export const patientsRelations = relations(patients, ({ many }) => ({ visits: many(visits) }));
"""

BARREL = """\
export * from "./clinics";
export * from "./patients";
"""


def _project(tmp_path: Path, extra: dict[str, str] | None = None) -> None:
    write_files(
        tmp_path,
        {
            "src/db/schema/columns.ts": COLUMNS,
            "src/db/schema/clinics.ts": CLINICS,
            "src/db/schema/patients.ts": PATIENTS,
            "src/db/schema/index.ts": BARREL,
            **(extra or {}),
        },
    )


def test_tables_over_several_modules_from_the_barrel(tmp_path: Path):
    """The entry names `index.ts` only (as drizzle.config's `schema` does): `export *` brings the tables."""
    _project(tmp_path)
    ev = read_entry(tmp_path, "src/db/schema/index.ts")
    assert [p.message for p in ev.problems] == []
    assert [t.key for t in ev.tables] == ["clinics", "billing.payers", "patients", "visits"]
    # a spread literal column set of another module, and a helper function returning one column
    assert names(ev, "clinics") == ["id", "name", "created_at", "updated_at"]
    assert column(ev, "clinics.created_at").type == "timestamptz"
    assert column(ev, "clinics.created_at").location.path == "src/db/schema/columns.ts"
    assert column(ev, "clinics.created_at").location.line == 4
    assert names(ev, "patients") == [
        "id", "clinic_id", "first_name", "birth_date", "sex", "allergies", "payer_id", "created_at", "updated_at",
    ]  # fmt: skip
    assert column(ev, "patients.id").type == "uuid" and column(ev, "patients.id").primary_key
    assert column(ev, "patients.first_name").type == "varchar(80)"
    assert column(ev, "patients.first_name").location.path == "src/db/schema/patients.ts"
    assert column(ev, "patients.first_name").location.line == 13
    assert column(ev, "patients.sex").type == "sex"  # the pgEnum's type
    assert column(ev, "patients.allergies").type == "text[]"
    assert column(ev, "visits.fee").type == "numeric(8,2)"
    assert [c.name for c in table(ev, "visits").columns if c.primary_key] == ["patient_id", "seen_on"]
    assert table(ev, "patients").foreign_keys == (
        ForeignKey(("clinic_id",), "clinics", ("id",)),
        ForeignKey(("payer_id",), "payers", ("id",), "billing"),
    )
    assert table(ev, "visits").foreign_keys == (
        ForeignKey(("patient_id",), "patients", ("id",)),
        ForeignKey(("parent_patient_id", "parent_seen_on"), "visits", ("patient_id", "seen_on")),
    )
    # the barrel and the two files it re-exports; `columns.ts` is only imported
    assert ev.counts["tables"] == 4 and ev.counts["schema_files"] == 3


def test_the_same_tables_from_a_glob_over_the_files(tmp_path: Path):
    """Files matched by the glob and reached through `export *` are read once."""
    _project(tmp_path)
    whole = read_entry(tmp_path, "src/db/schema/*.ts", fmt="drizzle")
    barrel = read_entry(tmp_path, "src/db/schema/index.ts")
    assert sorted(t.key for t in whole.tables) == sorted(t.key for t in barrel.tables)
    assert repr(sorted(whole.tables, key=lambda t: t.key)) == repr(sorted(barrel.tables, key=lambda t: t.key))
    assert whole.problems == []


def test_reading_twice_gives_the_same_evidence(tmp_path: Path):
    _project(tmp_path)
    assert repr(read_entry(tmp_path, "src/db/**/*.ts")) == repr(read_entry(tmp_path, "src/db/**/*.ts"))


@pytest.mark.parametrize(
    ("where", "text", "expected"),
    [
        ("src/db/index.ts", 'import { drizzle } from "drizzle-orm/node-postgres";\n'
         'export const db = drizzle(process.env.DATABASE_URL!, { casing: "snake_case" });\n', "first_name"),
        ("drizzle.config.ts", 'import { defineConfig } from "drizzle-kit";\n'
         'export default defineConfig({ dialect: "postgresql", casing: "snake_case" });\n', "first_name"),
        ("src/db/index.ts", 'import { drizzle } from "drizzle-orm/node-postgres";\n'
         "export const db = drizzle({ casing: 'camelCase' });\n", "firstName"),
        ("src/db/index.ts", 'import { drizzle } from "drizzle-orm/node-postgres";\n'
         "export const db = drizzle({ casing: process.env.CASING });\n", "firstName"),
        ("README.md", "casing: 'snake_case'\n", "firstName"),
    ],
)  # fmt: skip
def test_unnamed_columns_take_the_projects_literal_casing(tmp_path: Path, where: str, text: str, expected: str):
    write_files(
        tmp_path,
        {
            "src/db/schema.ts": 'import { pgTable, text, integer } from "drizzle-orm/pg-core";\n'
            "export const people = pgTable('people', {\n  id: integer().primaryKey(),\n"
            "  firstName: text(),\n  lastName: text('surname'),\n});\n",
            where: text,
        },
    )
    ev = read_entry(tmp_path, "src/db/schema.ts")
    assert names(ev, "people") == ["id", expected, "surname"]  # a name given is never cased
    assert ev.problems == []


def test_drizzles_casing_splits_words_as_drizzle_does():
    assert [snake_case(k) for k in ("firstName", "HTMLParser", "userId2", "ipAddress", "created_at")] == [
        "first_name", "html_parser", "user_id2", "ip_address", "created_at",
    ]  # fmt: skip
    assert [camel_case(k) for k in ("first_name", "user_ID", "already")] == ["firstName", "userID", "already"]


def test_mysql_and_sqlite_builders_creators_and_callback_columns(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db/mysql.ts": """\
import { bigint, customType, datetime, int, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";

const ciVarchar = customType<{ data: string; config: { length: number } }>({
  dataType(config) {
    return `varchar(${config.length}) COLLATE utf8mb4_0900_ai_ci`;
  },
});

export const members = mysqlTable("members", {
  pk: bigint("pk", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
  email: ciVarchar("email", { length: 255 }).notNull(),
  phone: varchar("phone", { length: 32 }),
  plan: mysqlEnum("plan", ["free", "pro"]).default("free"),
  age: int("age"),
  joinedAt: datetime("joined_at", { fsp: 3 }),
}, (table) => ({ byEmail: uniqueIndex("email_idx").on(table.email) }));
""",
            "db/sqlite.js": """\
import { sqliteTable, sqliteTableCreator, integer, text, real, blob } from "drizzle-orm/sqlite-core";

const createTable = sqliteTableCreator((name) => `shop_${name}`);

export const customers = createTable("customers", (t) => ({
  id: t.integer().primaryKey({ autoIncrement: true }),
  fullName: t.text("full_name"),
  lastSeen: t.integer("last_seen", { mode: "timestamp" }),
}));

export const orders = sqliteTable("orders", {
  id: integer("id").primaryKey(),
  customerId: integer("customer_id").references(() => customers.id),
  total: real("total"),
  receipt: blob("receipt"),
  status: text("status", { enum: ["open", "paid"] }),
});
""",
        },
    )
    ev = read_entry(tmp_path, "db/*", fmt=None)
    assert [p.message for p in ev.problems] == []
    assert column(ev, "members.pk").type == "bigint unsigned" and column(ev, "members.pk").primary_key
    assert column(ev, "members.email").type == "varchar(255)"  # the custom type's SQL, its collation left out
    assert column(ev, "members.plan").type == "enum('free','pro')"
    assert column(ev, "members.joined_at").type == "datetime"
    assert names(ev, "shop_customers") == ["id", "full_name", "last_seen"]
    assert column(ev, "shop_customers.id").primary_key
    assert column(ev, "orders.status").type == "text"
    assert table(ev, "orders").foreign_keys == (ForeignKey(("customer_id",), "shop_customers", ("id",)),)


def test_what_cannot_be_read_is_a_warning_at_its_place_and_the_rest_is_read(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db/schema.ts": """\
import { pgTable, text, integer } from "drizzle-orm/pg-core";
import { auditColumns, encrypted } from "@acme/db-helpers";

const prefix = process.env.PREFIX;

export const logs = pgTable(`${prefix}_logs`, {
  id: integer("id").primaryKey(),
  ...auditColumns(),
  [prefix + "_note"]: text(),
  secret: encrypted("secret"),
  ownerId: integer("owner_id").references(() => lookupTable().id),
  email: text("email"),
});
""",
        },
    )
    ev = read_entry(tmp_path, "db/schema.ts")
    assert [(p.location.path, p.location.line, p.location.column, p.severity) for p in ev.problems] == [
        ("db/schema.ts", 6, 29, Severity.WARNING),  # the computed table name
        ("db/schema.ts", 8, 3, Severity.WARNING),  # the spread of a package's helper
        ("db/schema.ts", 9, 3, Severity.WARNING),  # the computed key
        ("db/schema.ts", 10, 11, Severity.WARNING),  # a builder cnsnt cannot find
        ("db/schema.ts", 11, 49, Severity.WARNING),  # a referenced table that is no table of the schema
    ]
    assert "table name cnsnt cannot evaluate" in ev.problems[0].message
    assert "`...auditColumns()`" in ev.problems[1].message
    # the variable names the table; every column that can be read is
    assert names(ev, "logs") == ["id", "secret", "owner_id", "email"]
    assert column(ev, "logs.secret").type is None
    assert table(ev, "logs").foreign_keys == ()


def test_a_broken_file_is_a_cn001_at_its_place_and_the_others_are_read(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db/a.ts": 'import { pgTable, text } from "drizzle-orm/pg-core";\n'
            'export const a = pgTable("a", { email: text("email") });\n',
            "db/b.ts": 'import { pgTable, text } from "drizzle-orm/pg-core";\n'
            'export const b = pgTable("b", { phone: text("phone", });\nexport const c = pgTable("c", {});\n',
            "db/d.ts": 'import { pgTable } from "drizzle-orm/pg-core";\n\0\xff',
        },
    )
    ev = read_entry(tmp_path, "db/*.ts")
    errors = [p for p in ev.problems if p.severity is None]
    assert [(p.location.path, p.location.line) for p in errors] == [("db/b.ts", 2), ("db/d.ts", None)]
    assert "TypeScript syntax error" in errors[0].message
    assert "binary" in errors[1].message
    assert {t.key for t in ev.tables} >= {"a", "b"}
    assert names(ev, "a") == ["email"]


def test_typescript_5_type_reexports_and_imported_types_are_no_syntax_error(tmp_path: Path):
    """The grammar predates `export type * from` and `$type<import("./x").T>()`: neither is a CN001."""
    write_files(
        tmp_path,
        {
            "db/index.ts": 'export * from "./t";\nexport type * from "./t";\n',
            "db/t.ts": 'import { json, mysqlTable, varchar } from "drizzle-orm/mysql-core";\n'
            'export const t = mysqlTable("t", {\n  conf: json("conf").$type<import("./types").Conf>(),\n'
            '  name: varchar("name", { length: 9 }),\n});\n',
        },
    )
    ev = read_entry(tmp_path, "db/index.ts")
    assert ev.problems == []
    assert names(ev, "t") == ["conf", "name"]
    assert column(ev, "t.conf").type == "json"


def test_detection_and_the_client_beside_the_schema(tmp_path: Path):
    """A `.ts` or `.js` file importing a dialect module is Drizzle's; the client beside it goes with it."""
    write_files(
        tmp_path,
        {
            "db/schema.ts": 'import { pgTable, text } from "drizzle-orm/pg-core";\n'
            'export const notes = pgTable("notes", { body: text("body") });\n',
            "db/legacy.js": "const { sqliteTable, text } = require('drizzle-orm/sqlite-core');\n",
            "db/index.ts": 'import { drizzle } from "drizzle-orm/node-postgres";\nexport const db = drizzle("");\n',
            "db/util.js": "export const x = 1;\n",
        },
    )
    assert detect(tmp_path / "db/schema.ts") == "drizzle"
    assert detect(tmp_path / "db/legacy.js") == "drizzle"
    assert detect(tmp_path / "db/index.ts") == "typeorm"  # alone, as before
    ev = read_entry(tmp_path, "db/*")
    assert [t.key for t in ev.tables] == ["notes"]
    assert ev.problems == []  # no "no @Entity class" for the client, no SQL error for util.js


def test_a_file_without_tables_says_so(tmp_path: Path):
    write_files(tmp_path, {"db/x.ts": 'import { text } from "drizzle-orm/pg-core";\nexport const t = text();\n'})
    ev = read_entry(tmp_path, "db/x.ts", fmt="drizzle")
    assert [(p.severity, p.location.path) for p in ev.problems] == [(Severity.WARNING, "db/x.ts")]
    assert "no Drizzle table" in ev.problems[0].message


# ----------------------------------------------------------------------------------- drizzle-kit's SQL

MIGRATION_0 = """\
CREATE TABLE "clinics" (
\t"id" serial PRIMARY KEY NOT NULL,
\t"name" varchar(120) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patients" (
\t"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
\t"clinic_id" integer NOT NULL,
\t"first_name" varchar(80)
);
--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") \
REFERENCES "public"."clinics"("id") ON DELETE cascade ON UPDATE no action;
"""
MIGRATION_1 = 'ALTER TABLE "patients" ADD COLUMN "birth_date" date;--> statement-breakpoint\n' \
    'ALTER TABLE "patients" ADD COLUMN "email" text;'
JOURNAL = '{"version": "7", "dialect": "postgresql", "entries": []}\n'


def test_drizzle_kits_sql_is_replayed_by_the_migrations_reader(tmp_path: Path):
    write_files(
        tmp_path,
        {"drizzle/0000_calm_hulk.sql": MIGRATION_0, "drizzle/0001_odd_storm.sql": MIGRATION_1},
    )
    ev = read_entry(tmp_path, "drizzle/*.sql")
    assert ev.problems == []
    assert names(ev, "patients") == ["id", "clinic_id", "first_name", "birth_date", "email"]
    assert table(ev, "patients").foreign_keys[0].ref_table == "clinics"


def test_init_proposes_the_schema_and_leaves_drizzle_kits_sql_out(tmp_path: Path):
    _project(
        tmp_path,
        {
            "drizzle/0000_calm_hulk.sql": MIGRATION_0,
            "drizzle/0001_odd_storm.sql": MIGRATION_1,
            "drizzle/meta/_journal.json": JOURNAL,
            "drizzle.config.ts": 'import { defineConfig } from "drizzle-kit";\n'
            'export default defineConfig({ schema: "./src/db/schema/index.ts", out: "./drizzle" });\n',
            "src/db/index.ts": 'import { drizzle } from "drizzle-orm/node-postgres";\nexport const db = drizzle("");\n',
        },
    )
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "src/db/schema/*.ts", format="drizzle")]
    assert notes == [
        "left out 2 drizzle-kit migrations in drizzle: SQL generated from the project's Drizzle schema, which is "
        "read instead (reading both would list every column twice)",
        "Drizzle schema in src/db/schema/*.ts: columns without a name given are named by their keys as written",
    ]
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    policy = load_policy(tmp_path / "cnsnt.yaml")
    columns = {c for d in policy.data.values() for c in d.columns}
    assert {"patients.first_name", "patients.birth_date", "billing.payers.iban"} <= columns
    assert audit_path(tmp_path).sources["tables"] == 4


def test_init_proposes_drizzle_kits_sql_without_a_schema(tmp_path: Path):
    """Even one generated file (`_migration_dirs` wants two) is a migrations entry when no schema is found."""
    write_files(tmp_path, {"drizzle/0000_calm_hulk.sql": MIGRATION_0, "drizzle/meta/_journal.json": JOURNAL})
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "drizzle/*.sql", format="migrations")]
    assert notes == []


def test_init_proposes_a_single_schema_file_and_its_casing(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "lib/db/schema.ts": 'import { pgTable, text } from "drizzle-orm/pg-core";\n'
            'export const users = pgTable("users", { emailAddress: text() });\n',
            "lib/db/drizzle.ts": 'import { drizzle } from "drizzle-orm/postgres-js";\n'
            'export const db = drizzle(client, { casing: "snake_case" });\n',
            "lib/db/queries.ts": 'import { eq } from "drizzle-orm";\nimport { users } from "./schema";\n',
        },
    )
    found, notes = survey(tmp_path)
    assert found == [Found("schemas", "lib/db/schema.ts", format="drizzle")]
    assert notes == [
        "Drizzle schema in lib/db/schema.ts: columns without a name given are named by their keys with "
        "casing: 'snake_case', as the project's drizzle configuration says"
    ]
    ev = read_entry(tmp_path, "lib/db/schema.ts", fmt="drizzle")
    assert names(ev, "users") == ["email_address"]


def test_text_that_sends_the_parser_into_a_loop_is_given_up_as_a_cn001(tmp_path: Path, monkeypatch):
    """tree-sitter's TypeScript grammar never ends on this text; the parse is cancelled, the other file read."""
    from cnsnt.sources.schemas import grammars

    monkeypatch.setattr(grammars, "PARSE_SECONDS", 0.5)
    write_files(
        tmp_path,
        {
            "db/a.ts": 'import { pgTable, text } from "drizzle-orm/pg-core";\n'
            'export const a = pgTable("a", { email: text("email") });\n',
            "db/b.ts": "import 'drizzle-orm/pg-core';\n''[m=>b=le(.array()pableCreator(x:",
        },
    )
    ev = read_entry(tmp_path, "db/*.ts")
    assert [(p.location.path, p.severity) for p in ev.problems] == [("db/b.ts", None)]
    assert "the parser gave up on this file" in ev.problems[0].message
    assert names(ev, "a") == ["email"]


def test_views_with_their_columns_written_out_and_views_of_a_query(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db/s.ts": 'import { pgTable, pgView, pgMaterializedView, integer, text } from "drizzle-orm/pg-core";\n'
            'export const users = pgTable("users", { id: integer("id").primaryKey(), email: text("email") });\n'
            'export const active = pgView("active_users", { id: integer("id"), email: text() }).existing();\n'
            'export const counted = pgMaterializedView("user_counts").as((qb) => qb.select().from(users));\n',
        },
    )
    ev = read_entry(tmp_path, "db/s.ts")
    assert [(t.key, t.is_view) for t in ev.tables] == [
        ("users", False), ("active_users", True), ("user_counts", True),
    ]  # fmt: skip
    assert names(ev, "active_users") == ["id", "email"]
    assert [(p.location.line, p.location.column, p.severity) for p in ev.problems] == [(4, 24, Severity.WARNING)]
    assert "columns come from its query" in ev.problems[0].message


def test_a_creator_that_keeps_the_name_and_one_cnsnt_cannot_read(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db/s.ts": 'import { pgTableCreator, text } from "drizzle-orm/pg-core";\n'
            "const same = pgTableCreator((name) => name);\n"
            "const odd = pgTableCreator((name) => prefixOf(name));\n"
            'export const a = same("uploads", (d) => ({ path: d.text() }));\n'
            'export const b = odd("notes", { body: text() });\n',
        },
    )
    ev = read_entry(tmp_path, "db/s.ts")
    assert [t.key for t in ev.tables] == ["uploads", "notes"]
    assert [(p.location.line, p.severity) for p in ev.problems] == [(3, Severity.WARNING)]
    assert "table creator cnsnt cannot read" in ev.problems[0].message


def test_a_parse_given_up_is_reported_where_the_parser_had_got_to(tmp_path: Path, monkeypatch):
    """err36: the give-up was a CN001 with no line; it is at the line (and column) the parse stopped on."""
    from cnsnt.sources.schemas import grammars

    monkeypatch.setattr(grammars, "PARSE_SECONDS", 0.2)
    stuck = "''[m=>b=le(.array()pableCreator(x:"
    write_files(
        tmp_path,
        {"db/ledger.ts": "import 'drizzle-orm/pg-core';\n// gebühren\n\n  " + stuck + "\n"},
    )
    ev = read_entry(tmp_path, "db/*.ts")
    [problem] = ev.problems
    assert "the parser gave up on this file" in problem.message
    assert problem.location.path == "db/ledger.ts"
    assert problem.location.line == 4  # the line of the text its error recovery is stuck on
    assert 3 <= problem.location.column <= 3 + len(stuck)  # within that text, not 1:1


def test_offset_place_counts_characters_not_bytes():
    """A give-up's byte offset becomes the line and the character column a reader sees."""
    from cnsnt.sources.schemas.grammars import SourceFile

    source = "const a = 1;\nconst straße = ü;\n".encode()
    file = SourceFile(source, "db/ledger.ts")
    assert file.offset_place(source.index("ü".encode())) == (2, 16)
    assert file.offset_place(0) == (1, 1)
    assert file.offset_place(len(source) + 10) == (3, 1)  # past the end: the end
