"""Strategies and checks shared by the property tests and the fuzz harnesses (`.ci/fuzz`).

Each `check_*` takes generated input and asserts what must hold for any input:
nothing but a CN001 (or a policy error) comes out of bad input, and results do not
depend on how a file is cut up or how many workers read it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from cnsnt.errors import PolicyError, SourceError
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import Limits, SourceContext
from cnsnt.sql.statements import split_statements

DIALECTS = [None, "postgres", "mysql", "tsql", "bigquery", "sqlite"]

#: Pieces SQL is made of, including the ones that broke the chunked lexer (24).
SQL_PIECES = [
    "SELECT", "email", "FROM", "customers", "WHERE", "id", "=", "1", " ", "\n", "\t", ";", "'", "''",
    "E'", "\\", "\\'", '"', "`", "--", "-", "/*", "*/", "/", "*", "#", "$", "$$", "$fn$", "$f", "GO",
    "\\connect x", "(", ")", ",", "?", ":a", "[", "]", "cnsnt: purpose=orders", "cnsnt: ignore CN302 ok",
    "\u00ba", "\u00e9", "\r\n", "INSERT INTO t VALUES (1, 'a')", "phone", "allergies",
]
sql_text = st.lists(st.sampled_from(SQL_PIECES) | st.text(max_size=3), max_size=40).map("".join)


# --------------------------------------------------------------------------- splitter


def chunked(text: str, size: int) -> list[str]:
    """`text` cut into pieces of `size` characters."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def check_splitter(text: str, dialect: str | None, size: int, max_chars: int) -> None:
    """Splitting never depends on where the chunks end (24)."""
    whole = list(split_statements([text], dialect, max_chars))
    assert list(split_statements(chunked(text, size), dialect, max_chars)) == whole


# --------------------------------------------------------------------------- fingerprint


def check_fingerprint(data: bytes, dialect: str | None) -> None:
    """Fingerprinting never raises, and is a function of its input."""
    from cnsnt.sql.fingerprint import Fingerprinter

    fp = Fingerprinter(dialect)
    first = fp.fingerprint(data)
    assert fp.fingerprint(data) == first
    assert isinstance(fp.fingerprint_text(data.decode("utf-8", "replace")), bytes)
    for _offset, piece in fp.split(data):
        assert isinstance(fp.fingerprint(piece), bytes)


# --------------------------------------------------------------------------- policy loader

_KEYS = ["cnsnt", "controller", "name", "contact", "sources", "schemas", "forms", "queries", "path",
         "dialect", "purposes", "description", "basis", "data", "category", "columns", "retention",
         "label", "consent", "roles", "waivers", "notice", "recipients", "<<", "&a", "*a", "!!set",
         "!!timestamp", "!!binary", "!custom", "\\ud800"]
yaml_text = st.lists(
    st.sampled_from(_KEYS + [": ", "\n", "  ", "- ", "{", "}", "[", "]", ",", '"', "'", "1", "P1Y",
                             "contract", "user.contact.email", "t.c"])
    | st.text(max_size=4),
    max_size=50,
).map("".join)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=6), children, max_size=4),
    max_leaves=25,
)


def check_policy(text: str) -> None:
    """Any policy text loads or is a PolicyError (exit 2), never another exception."""
    from cnsnt.policy.loader import load_policy

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cnsnt.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_policy(path)
        except PolicyError as exc:
            assert exc.problems


# --------------------------------------------------------------------------- readers

_FORM_KEYS = ["type", "properties", "items", "allOf", "anyOf", "oneOf", "$ref", "#/definitions/a",
              "definitions", "required", "title", "description", "enum", "default", "format",
              "resourceType", "Questionnaire", "item", "linkId", "text", "extension", "initial",
              "schema", "form", "key", "elements", "then", "else", "$id", "email", "phone"]
form_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(_FORM_KEYS) | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(_FORM_KEYS) | st.text(max_size=4), children, max_size=5),
    max_leaves=30,
)
HTML_PIECES = ["<form id=f>", "</form>", "<input name=email>", "<input type=checkbox name=consent checked>",
               "<label for=a>", "</label>", "<select name=s>", "<option selected value=1>", "</select>",
               "<textarea name=t>", "</textarea>", "<fieldset>", "<legend>", "</legend>", "</fieldset>",
               "<", ">", "<a", "<!--", "-->", "<![", "]]>", "<?", "</", "{{", "}}", "{%", "%}", "<?php",
               "?>", "@Html.TextBoxFor(m => m.Email)", "{{> input name=x}}", " ", "\n", '"', "'", "=",
               "&#0;", "&#xd800;", "<div>", "</div>", "<script>", "</script>", "id=a", "name=phone"]
html_text = st.lists(st.sampled_from(HTML_PIECES) | st.text(max_size=3), max_size=50).map("".join)


def _spec(kind: str, name: str, fmt: str | None = None, dialect: str | None = None) -> SourceSpec:
    return SourceSpec(kind, name, Path("."), Location("cnsnt.yaml", 1, 1), format=fmt, dialect=dialect)


def _read(kind: str, name: str, data: bytes, fmt: str | None = None, dialect: str | None = None,
          **ctx_options: Any) -> Any:
    """Read one generated file with the registered reader; SourceError is the only allowed failure."""
    from cnsnt.collect import _reader

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        ctx = SourceContext(base_dir=Path(tmp), limits=Limits(source_seconds=0), **ctx_options)
        try:
            evidence = _reader(kind)(path, _spec(kind, name, fmt, dialect), ctx)
        except SourceError as exc:
            return ("error", exc.message)
        # Every message must be encodable (reports are UTF-8).
        for problem in evidence.problems:
            problem.message.encode("utf-8")
        return evidence


def check_ddl(text: str, dialect: str | None) -> None:
    """The DDL reader never raises for any text."""
    from cnsnt.sql.ddl import parse_ddl

    parse_ddl(text, dialect)
    _read("schemas", "s.sql", text.encode("utf-8", "surrogatepass"), dialect=dialect)


def check_json_form(value: Any) -> None:
    """The JSON form reader gives evidence or a SourceError for any JSON document."""
    _read("forms", "f.schema.json", json.dumps(value).encode())


def check_html_form(text: str) -> None:
    """The HTML form reader gives evidence or a SourceError for any markup."""
    _read("forms", "f.html", text.encode("utf-8", "surrogatepass"))


#: Pieces of Pug views: tags, shortcuts, attribute lists, blocks, mixins, includes, text and broken ends.
PUG_PIECES = [
    "form", "input", "select", "option", "textarea", "label", "(", ")", "(type='checkbox' ", "name=", "'email'",
    '"a"', "checked", "checked=false", "checked=x.y", "=", "!=", ",", ".", "#", ".a", "#b", ": ", "| ", "//", "//-",
    "if x", "else", "else if y", "unless z", "each a in b", "case x", "when 1", "default", "mixin m(a)", "+m('a')",
    "+m(", "include x", "include ../y", "extends l", "block c", "- var a = 1", "-", "= v", "#{", "#[", "]", "}",
    "`", "${", "&attributes(o)", "script.", "\n", "\n  ", "\n    ", "\t", " ", "\\", "<input name=h>",
]
pug_text = st.lists(st.sampled_from(PUG_PIECES) | st.text(max_size=3), max_size=50).map("".join)


def check_pug_form(text: str) -> None:
    """The Pug reader gives evidence or a SourceError for any text, its markup one line per Pug line."""
    from cnsnt.sources.forms.pug import pug_markup
    from cnsnt.sources.forms.written import lone_breaks

    markup = pug_markup(text)
    lines = lone_breaks(text).count("\n")  # a `\r` alone ends a line, as Pug reads it
    assert markup.text.count("\n") == lines, "the markup must keep the Pug's lines"
    for offset in range(0, len(markup.text) + 1, max(1, len(markup.text) // 20)):
        line, column = markup.line_col(offset)
        assert 1 <= line <= lines + 1 and column >= 1
    _read("forms", "f.pug", text.encode("utf-8", "surrogatepass"))


#: Pieces of Smarty templates: a project's control functions, their arguments and modifiers.
SMARTY_PIECES = [
    "{input ", "{textarea ", "{html_options ", "{if $x}", "{/if}", "{* c *}", "{", "}", "name=", 'name="a"',
    "type=checkbox", "value=1", "default=", "checked=true", "label=", "|args:", "|cat:", ":", "$x", "$a.b",
    "$r->f()", "[", "]", "(", ")", '"', "'", "`", "\\", "::", "+", "=", " ", "\n",
]
smarty_text = st.lists(st.sampled_from(SMARTY_PIECES + HTML_PIECES) | st.text(max_size=3), max_size=50).map("".join)


def check_smarty_form(text: str) -> None:
    """The form reader gives evidence or a SourceError for any Smarty template."""
    _read("forms", "f.tpl", text.encode("utf-8", "surrogatepass"))


#: Pieces of Svelte components and Phoenix templates: blocks, braces, bindings, components, helpers.
SVELTE_PHOENIX_PIECES = [
    "{#if x}", "{:else}", "{/if}", "{#each xs as x, i}", "{/each}", "{@html x}", "{", "}", "{x}", "`", "${",
    "bind:value={email}", "bind:checked={a.b}", "bind:group", "checked={true}", "name={n}", "<script>",
    "</script>", "let a = $state(true);", "<.form for={@f}>", "</.form>", "<.simple_form", "<.input ",
    "field={@form[:email]}", "field={f[k]}", "<.text_input", "<A.b.input", "/>", "<%= text_input f, :a %>",
    "<%= checkbox f, :t, value: true %>", "{label(f, :a, \"A\")}", "<%= form_for @c, \"/\", fn f -> %>",
    "<% end %>", "<%!-- c --%>", '"#{', ":let={f}", '~H"""', '"""', "<:actions>", "</:actions>",
]
svelte_phoenix_text = st.lists(
    st.sampled_from(SVELTE_PHOENIX_PIECES + HTML_PIECES) | st.text(max_size=3), max_size=50
).map("".join)


def check_svelte_phoenix_form(text: str) -> None:
    """The form reader gives evidence or a SourceError for any Svelte, HEEx, EEx or LiveView text."""
    data = text.encode("utf-8", "surrogatepass")
    for name in ("c.svelte", "t.html.heex", "t.html.eex", "live.ex"):
        found = _read("forms", name, data)
        if not isinstance(found, tuple):
            assert not any("internal error" in p.message for p in found.problems), found.problems


#: Pieces of React forms: native controls, form libraries' binders and spreads, JSX text and broken ends.
JSX_PIECES = ["<form id=\"f\">", "</form>", "<input name=\"email\" />", "<input type=\"checkbox\" defaultChecked",
              " name={x}", " name={`a.${i}`}", " {...register(\"a.b\", { required: true })}", " {...props}",
              "<Controller name=\"c\" render={({ field }) => ", "<FormField name=\"t\" render={() => (",
              "<FormItem><FormLabel>Terms</FormLabel>", "</FormItem>", "<Checkbox checked={field.value} />",
              "<Form.Item name=\"n\" valuePropName=\"checked\">", "</Form.Item>", "<Field as=\"textarea\" name=\"m\" />",
              "<Formik initialValues={{ a: true, b: { c: 1 } }}>", "</Formik>", "<label htmlFor=\"e\">", "</label>",
              "<RadioGroup name=\"r\"><Radio value=\"no\" defaultChecked /></RadioGroup>", "<>", "</>", "<", ">",
              "/>", "{", "}", "(", ")", "&", "&amp;", "`", "\"", "'", "=", " ", "\n", "const [a, s] = useState(true);",
              "const d = { a: true };", "useForm({ defaultValues: d })", "{/* cnsnt */}", "\u00e9", "\\u{110000}"]
jsx_text = st.lists(st.sampled_from(JSX_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_jsx_form(text: str) -> None:
    """The React forms reader gives evidence (never an internal error) or a SourceError for any component."""
    head = "export function F() {\n  return (\n"
    for name, body in (("f.tsx", head + text + "\n  );\n}\n"), ("g.jsx", text)):
        found = _read("forms", name, body.encode("utf-8", "surrogatepass"))
        if not isinstance(found, tuple):
            assert not any("internal error" in p.message for p in found.problems), found.problems


#: Pieces of framework migrations: operations, arguments, blocks and control flow, in both languages.
MIGRATION_PIECES = [
    "$this->createTable('{{%t}}', [", "'c' => $this->string(10)->notNull()", "$this->addColumn('t', 'c', 'int')",
    "$this->renameColumn('t', 'c', 'd')", "$this->addForeignKey('f', 't', 'c', 't', 'c')", "'pk'",
    "$this->table('t', ['id' => false])", "->addColumn('c', 'string', ['limit' => 5])", "->create()", "->save()",
    "->renameColumn('c', 'd')", "->drop()", "$t = ", "$t->", "$this->execute('", "{{%t}}", "[[c]]",
    "op.create_table(", "op.add_column(", "op.drop_column(", "op.alter_column(", "op.rename_table(",
    "op.drop_table(", "op.create_foreign_key(", "op.drop_constraint(", "op.execute(", "sa.Column(",
    "sa.ForeignKeyConstraint(['a'], ['t.id'])", "sa.String(3)", "type_=sa.Text()", "new_column_name='n'",
    "schema='s'", "comment=None", "with op.batch_alter_table('t') as batch_op:\n        ",
    "batch_op.alter_column(", "batch_op.add_column(", "migrations.CreateModel(", "migrations.AddField(",
    "migrations.RemoveField(", "migrations.RenameField(", "migrations.AlterField(", "migrations.DeleteModel(",
    "migrations.RenameModel(", "migrations.AlterModelTable(", "models.ForeignKey(to='app.t')",
    "models.ManyToManyField(to='self')", "models.EmailField()", "[('email', models.CharField())]",
    "options={'db_table': 't'}", "create_table :t do |t|\n", "t.string :email\n", "t.references :person\n",
    "end\n", "add_column :t, :c, :string\n", "rename_column :t, :c, :d\n", "remove_column :t, :c\n",
    "rename_table :t, :u\n", "drop_table :t\n", "change_table :t do |t|\n", "t.rename :c, :d\n",
    "add_foreign_key :t, :u\n", "reversible do |dir|\n", "dir.up { ", " }", "if x\n", "for x in y:\n        ",
    "'t'", "'c'", ":t", ", ", "(", ")", "[", "]", "{", "}", "\n    ", "\n", " ", "None", "x", "1",
    "Schema::create(", "Schema::table(", "Schema::rename(", "Schema::dropIfExists(", "Schema::hasTable(",
    "function (Blueprint $t) {", "fn (Blueprint $t) => ", "$t->string(", "$t->foreignId('u_id')->constrained()",
    "$t->dropColumn(", "$t->renameColumn(", "->change()", "->after('c')", "$this->up()", "foreach ([",
    " as $v) ", "if (!", "; ", "$v", "self::T", "config('t', 'u')",
    'modelBuilder.Entity("N.T", b => {', "});", 'b.Property<string>("C")', '.HasColumnName("c")',
    '.HasColumnType("nvarchar(9)")', ".HasMaxLength(9)", '.HasComment("x")', 'b.HasKey("C");',
    'b.ToTable("T", "s");', "b.ToTable((string)null);", 'b.ToTable("T", t => t.HasComment("y"));',
    'b.HasBaseType("N.T");', 'b.HasOne("N.T", "U").WithMany().HasForeignKey("C");',
    '.WithOne("V").HasForeignKey("N.T", "C")', 'b.OwnsOne("N.A", "A", b1 => {', 'b1.Property<int>("C");',
    'b1.OwnsMany("N.A", "B", b2 => {', 'b1.WithOwner().HasForeignKey("C");', "b1.ToJson();",
    'b.ToView("v");', "b.UseTpcMappingStrategy();",
    "await queryRunner.query(`", "`);", "'CREATE TABLE \"t\" (\"c\" int)'", "${x}", "\\`",
    "queryRunner.createTable(new Table({}))", "ALTER TABLE \"t\" RENAME COLUMN \"c\" TO \"d\"",
    "<createTable tableName='t'>", "<column name='c' type='INT'/>", "</createTable>",
    "<createView viewName='v'>", "<createView viewName='v' fullDefinition='true'>", "SELECT c FROM t",
    "</createView>", "<createView viewName='w' path='v.sql'/>", "<sql dbms='postgresql'>", "<sql dbms='!h2'>",
    "</sql>", "<sqlFile path='x.sql' relativeToChangelogFile='true'/>", "<sqlFile path='/etc/hostname'/>",
    "<sqlFile path='../../x.sql' relativeToChangelogFile='true'/>", "<sqlFile path='classpath:'/>",
    "<preConditions onFail='MARK_RAN'><not><dbms type='h2'/></not></preConditions>",
    "</changeSet><changeSet id='2' author='a' dbms='mysql, mariadb'>",
    "DO $$ BEGIN ALTER TABLE t ADD COLUMN d text; END $$;", "<dropView viewName='v'/>",
    "$this->dbforge->add_field(", "$this->forge->addField(", "->addKey('c', true)", "->createTable('t', true)",
    "$this->dbforge->create_table(", "$this->dbforge->add_column('t', ", "$this->dbforge->modify_column('t', ",
    "['c' => ['type' => 'VARCHAR', 'constraint' => 9]]", "['c' => ['name' => 'c']]", "'id'", "'c INT NOT NULL'",
    "$this->forge->addForeignKey('c', 't', 'c')", "$this->forge->dropForeignKey('t', 't_c_foreign')",
    "$this->dbforge->rename_table('t', 't')", "$this->dbforge->drop_column('t', 'c')", "...$x",
    "$this->db->query('CREATE TABLE t (c int)')", "$this->db->table_exists('t')", "$this->db->dbprefix('t')",
]
migration_text = st.lists(st.sampled_from(MIGRATION_PIECES) | st.text(max_size=3), max_size=40).map("".join)
#: A framework migration around generated operations: (file name, text before, text after).
MIGRATION_FRAMES = {
    "alembic": ("a1.py", "revision = 'a1'\ndown_revision = None\n\ndef upgrade():\n    ", "\n"),
    "django_migrations": ("0001_a.py", "from django.db import migrations, models\n\n"
                          "class Migration(migrations.Migration):\n    operations = [\n        ", "\n    ]\n"),
    "rails_migrations": ("1_a.rb", "class A < ActiveRecord::Migration[7.1]\n  def change\n    ",
                         "\n  end\nend\n"),
    "codeigniter": ("001_a.php", "<?php\nclass Migration_A extends CI_Migration {\n    public function up()\n"
                    "    {\n        ", "\n    }\n}\n"),
    "laravel": ("2024_01_01_000000_a.php", "<?php\nuse Illuminate\\Database\\Migrations\\Migration;\n"
                "return new class extends Migration {\n    public function up(): void\n    {\n        ",
                "\n    }\n};\n"),
    "efcore": ("AppModelSnapshot.cs", "namespace N;\nclass AppModelSnapshot : ModelSnapshot\n{\n    "
               "protected override void BuildModel(ModelBuilder modelBuilder)\n    {\n        ", "\n    }\n}\n"),
    "typeorm_migrations": ("1700000000000-a.ts", "import { MigrationInterface } from 'typeorm';\n"
                           "export class A1700000000000 implements MigrationInterface {\n"
                           "  async up(queryRunner: QueryRunner) {\n    ", "\n  }\n}\n"),
    "liquibase": ("changelog.xml", "<databaseChangeLog><changeSet id='1' author='a'>",
                  "</changeSet></databaseChangeLog>\n"),
    "sequelize_migrations": ("20240101000000-a.js", "module.exports = {\n  up: async (queryInterface, Sequelize) => {\n"
                             "    ", "\n  },\n};\n"),
    "knex_migrations": ("20240101000000_a.js", "exports.up = function (knex) {\n  return knex.schema.", "\n};\n"),
    "yii": ("m240101_000000_a.php", "<?php\nuse yii\\db\\Migration;\nclass m240101_000000_a extends Migration {\n"
            "    public function safeUp()\n    {\n        ", "\n    }\n}\n"),
    "phinx": ("20240101000000_a.php", "<?php\nuse Phinx\\Migration\\AbstractMigration;\nclass A extends "
              "AbstractMigration {\n    public function change(): void\n    {\n        ", "\n    }\n}\n"),
}


#: Keys of Liquibase's YAML and JSON changelogs, for documents shaped like one.
LIQUIBASE_KEYS = ["changeSet", "changes", "createTable", "tableName", "columns", "column", "name", "type",
                  "constraints", "references", "include", "includeAll", "file", "path", "property", "value",
                  "dbms", "sql", "preConditions", "createView", "selectQuery", "addColumn", "${x}"]
liquibase_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(["${x}", "postgresql"]),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(LIQUIBASE_KEYS) | st.text(max_size=6), children, max_size=3),
    max_leaves=25,
)


def check_liquibase_documents(value: Any) -> None:
    """Any document under `databaseChangeLog`, as YAML and as JSON, gives evidence or a SourceError."""
    import yaml

    doc = {"databaseChangeLog": value}
    _read("schemas", "c.json", json.dumps(doc).encode("utf-8", "surrogatepass"), fmt="liquibase")
    _read("schemas", "c.yaml", yaml.safe_dump(doc).encode("utf-8", "surrogatepass"), fmt="liquibase")


def check_framework_migrations(text: str, fmt: str) -> None:
    """The framework migration readers (Liquibase's and the EF Core snapshot reader too) give evidence or a SourceError for any body."""
    name, before, after = MIGRATION_FRAMES[fmt]
    _read("schemas", name, (before + text + after).encode("utf-8", "surrogatepass"), fmt=fmt)


#: Pieces of TypeORM entities: decorators, options, relations, classes and broken ends.
TYPEORM_PIECES = [
    "@Entity(", "@ViewEntity(", "@ChildEntity()", "@TableInheritance({ column: { name: 'k' } })",
    "@Column(", "@PrimaryGeneratedColumn(", "@PrimaryColumn(", "@ManyToOne(() => A", "@OneToOne(() => B",
    "@JoinColumn(", "@ManyToMany(() => A)", "@JoinTable(", "() => A", "'uuid'", "'varchar'",
    "{ name: 'n', length: 10 }", "{ type: String }", "{ prefix: false }", "joinColumn: { name: 'a' }",
    "[{ name: 'x', referencedColumnName: 'id' }]", "`t${x}`", "Tables.Users", "'\\u{110000}'",
    "export class A extends B {", "export abstract class B extends A {", "class B {", "}", "{", "(", ")",
    ": string;", ": Date | null;", ": A[];", ": Promise<A>;", " x", " id", "\n  ", "\n", ", ", "1e999",
]
typeorm_text = st.lists(st.sampled_from(TYPEORM_PIECES) | st.text(max_size=3), max_size=40).map("".join)


#: Pieces of Sequelize models: define, init, attributes, options, associations and broken ends.
SEQUELIZE_PIECES = [
    "sequelize.define(", "User.init(", "'User'", "{ ", " }", "(", ")", ", ", "DataTypes.STRING(100)",
    "Sequelize.INTEGER", "DataTypes.VIRTUAL", "{ type: DataTypes.UUID, primaryKey: true }", "field: 'x'",
    "references: { model: 'Users', key: 'id' }", "references: { model: User }", "...common", "[k]: 1",
    "{ tableName: 'u', underscored: true, paranoid: true }", "{ sequelize, modelName: 'U' }", "freezeTableName: true",
    "User.belongsTo(User", "this.hasMany(models.User", "User.belongsToMany(User, { through: 'UU' })",
    "{ foreignKey: { name: 'a', field: 'b' } }", "class User extends Model {", "static associate(models) {",
    "`t${x}`", "'\\u{110000}'", "createdAt: false", "define: { underscored: true }", "\n", "1e999", "email: ",
    "@Table({ tableName: 't' })", "@Table", "@Column(DataType.STRING)", "@Column", "@ForeignKey(() => User)",
    "@BelongsTo(() => User, 'userId')", "@BelongsToMany(() => User, () => UU)", "@CreatedAt", " get x(): string {}",
    "class UU extends User {", "x: string;",
]
sequelize_text = st.lists(st.sampled_from(SEQUELIZE_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_sequelize(text: str) -> None:
    """The Sequelize models reader gives evidence or a SourceError for any model file."""
    head = "const { Model, DataTypes } = require('sequelize');\nmodule.exports = (sequelize, DataTypes) => {\n  "
    _read("schemas", "user.js", (head + text + "\n};\n").encode("utf-8", "surrogatepass"), fmt="sequelize")


#: Pieces of Mongoose schemas: schemas, paths, options, models, discriminators and broken ends.
MONGOOSE_PIECES = [
    "new Schema(", "mongoose.Schema(", "model('User', ", "mongoose.model(", "'User'", "s", "{ ", " }", "(", ")",
    "[", "]", ", ", "email: ", "String", "[String]", "Schema.Types.ObjectId", "{ type: String, ref: 'User' }",
    "{ type: [s], _id: false }", "{ type: { type: String } }", "{}", "[]", "...base", "[k]: 1", "s.add(",
    "const s = ", "const m = ", "m.discriminator('A', ", "{ timestamps: { createdAt: 'c' }, versionKey: false }",
    "{ collection: `t${x}` }", "{ typeKey: '$type' }", "$type: ", "mongoose.pluralize(null)", "require('./x')",
    "module.exports = s", "export default s", "getModelForClass(A)", "'\\u{110000}'", "\n", "1e999", "ref: m",
    "class A extends B {", "class B {", "@prop() x: string;", "@Prop({ type: [s] }) y: B[];", "@Prop(raw({ a: 1 }))",
    "@Schema({ collection: 'c' })", "SchemaFactory.createForClass(A)", "@prop({ ref: () => A }) r: Ref<A>;",
    "MongooseModule.forFeature([{ name: A.name, schema: s }])",
]
mongoose_text = st.lists(st.sampled_from(MONGOOSE_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_mongoose(text: str) -> None:
    """The Mongoose reader gives evidence or a SourceError for any schema file, and no internal error."""
    head = "const mongoose = require('mongoose');\nconst { Schema, model } = mongoose;\n"
    found = _read("schemas", "user.js", (head + text + "\n").encode("utf-8", "surrogatepass"), fmt="mongoose")
    assert not any("internal error" in p.message for p in getattr(found, "problems", [])), found.problems


def check_typeorm(text: str) -> None:
    """The TypeORM reader gives evidence or a SourceError for any entity file."""
    head = "import { Entity, Column } from 'typeorm';\n@Entity()\nexport class A {\n  "
    _read("schemas", "a.entity.ts", (head + text + "\n}\n").encode("utf-8", "surrogatepass"), fmt="typeorm")


#: Pieces of GORM models: structs, tags, embedded fields, relations, methods, calls and broken ends.
GORM_PIECES = [
    "type A struct {", "type B struct {", "type S string", "type L []*A", "}", "{", "(", ")", "\n\t",
    "gorm.Model", "*B", "A", "ID uint", "Name string", "BID uint", "B B", "As []A", "Bs L", "X S",
    '`gorm:"primaryKey"`', '`gorm:"column:c;type:varchar(9);size:9"`', '`gorm:"-"`', '`gorm:"embedded;embeddedPrefix:p_"`',
    '`gorm:"many2many:a_bs"`', '`gorm:"many2many:a_bs;joinForeignKey:X;joinReferences:Y"`',
    '`gorm:"foreignKey:BID;references:ID"`', '`gorm:"polymorphic:Owner"`', '`gorm:"comment:\\;x"`',
    '`db:"x"`', '`gorm:"', 'size:"', "func (A) TableName() string { return ", '"t_" + K', "K", "}",
    "const K = ", '"k"', "func f() { db.AutoMigrate(&A{}, new(B), xs...) }", "for _, t := range ts { db.AutoMigrate(&t) }",
    "db.Migrator().CreateTable(&B{})", "schema.NamingStrategy{SingularTable: true, TablePrefix: K}",
    "x.Scan", "func (b *B) Scan(v any) error { return nil }", " ", "\n", "\u00e9", "\\",
]
gorm_text = st.lists(st.sampled_from(GORM_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_gorm(text: str) -> None:
    """The GORM reader gives evidence or a SourceError for any model file."""
    head = 'package m\n\nimport "gorm.io/gorm"\n\ntype A struct {\n\t'
    _read("schemas", "a.go", (head + text + "\n}\n").encode("utf-8", "surrogatepass"), fmt="gorm")


#: Pieces of Drizzle schemas: tables, builders, chains, keys, spreads, helpers and broken ends.
DRIZZLE_PIECES = [
    "export const a = pgTable(", "export const b = s.table(", "const s = pgSchema('s');", "pgTableCreator(",
    "(n) => `p_${n}`", "export const e = pgEnum('e', ['x']);", "customType({ dataType() { return `v(${c.length})`; } })",
    "'a', {", "\"b\", (t) => ({", "t.text()", "id: serial('id').primaryKey(),", "x: e('x'),", "...cols,",
    "...f(),", "const cols = { c: text('c'), ...cols };", "const f = (n) => varchar(n, { length: 1e999 });",
    "name: f('n'),", "[k]: text(),", "r: integer('r').references(() => a.id),", ".references(() => b.x)",
    "(t) => [primaryKey({ columns: [t.id, t.x] }), foreignKey({ columns: [t.r], foreignColumns: [a.id] })]",
    "(t) => ({ pk: primaryKey(t.id) })", ".array()", "'\\u{110000}'", "$type<import('./x').T>()", "export * from './a';",
    "export type * from './a';", "function g() { return g(); }", "}", "{", "(", ")", "[", "]", ",", ";", "\n", " ",
]
drizzle_text = st.lists(st.sampled_from(DRIZZLE_PIECES) | st.text(max_size=3), max_size=40).map("".join)


#: Pieces of Ecto migrations and schemas: commands, table blocks, options, loops, helpers and broken ends.
ECTO_PIECES = [
    "create table(", "alter table(", "drop table(", "drop_if_exists table(", "create_if_not_exists table(",
    "rename table(:t), :c, to: :d", "rename table(:t), to: table(:u)", ":t", ":u", "\"t\"", "@t", "x",
    ", primary_key: false", ", prefix: \"p\"", ", comment: \"c\"", ") do\n", "end\n", "add :c, ", "add x, ",
    "modify :c, ", "remove :c", "timestamps()", "timestamps(type: :utc_datetime, updated_at: false)",
    ":string", ":binary_id", "{:array, :text}", "references(:t, type: :uuid)", "references(x)",
    "execute \"ALTER TABLE t ADD COLUMN d text\"", "execute \"#{x}\"", "execute(fn -> :ok end)",
    "for x <- [:a, :b] do\n", "for x <- y do\n", "if x do\n", "h()", "h(:t)", "defp h(x) do\n", "def h, do: h()",
    "schema \"t\" do\n", "field :c, :string", "field :v, :string, virtual: true", "belongs_to :o, O",
    "embeds_many :e, E", "has_many :h, H", "@primary_key {:id, :binary_id, autogenerate: true}\n",
    "@primary_key false\n", "defmodule O do\n", "use Ecto.Schema\n", "\"\"\"\n", "~s(", "(", ")", "[", "]",
    "{", "}", ", ", "\n", " ", "#", "\\",
]
ecto_text = st.lists(st.sampled_from(ECTO_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_ecto(text: str) -> None:
    """The Ecto readers give evidence or a SourceError for any migration or schema file, and no internal error."""
    migration = "defmodule M do\n  use Ecto.Migration\n  @t :t\n  def change do\n    " + text + "\n  end\nend\n"
    schema = "defmodule S do\n  use Ecto.Schema\n  schema \"s\" do\n    " + text + "\n  end\nend\n" + text
    for name, source, fmt in (("1_m.exs", migration, "ecto_migrations"), ("s.ex", schema, "ecto")):
        found = _read("schemas", name, source.encode("utf-8", "surrogatepass"), fmt=fmt)
        if not isinstance(found, tuple):
            assert not any("internal error" in p.message for p in found.problems), found.problems


#: Pieces of Diesel schemas and SeaORM entities: macros, token trees, attributes, types and broken ends.
RUST_PIECES = [
    "diesel::table! {", "table! {", "users (id) {", "auth.users (id, x) {", "#[sql_name = \"t\"]", "#[max_length = 9]",
    "id -> Int4,", "x -> Nullable<Array<Text>>,", "y -> Mood,", "z -> Unsigned<", ">>", "-> ", "///  doc\n",
    "joinable!(a -> users (id));", "joinable!(a -> b);", "#[diesel(postgres_type(name = \"mood\"))] pub struct Mood;",
    "pub mod m {", "#[derive(DeriveEntityModel)]", "#[derive(DeriveModel)]", "#[sea_orm(table_name = \"t\")]",
    "pub struct Model {", "pub enum Relation {", "#[sea_orm(primary_key)]", "pub id: i32,", "pub x: Option<Vec<S>>,",
    "#[sea_orm(column_type = \"String(StringLen::N(9))\")]", "#[sea_orm(column_type = \"Custom(\\\"x\")\")]",
    "#[sea_orm(belongs_to = \"super::t::Entity\", from = \"(Column::Id, Column::X)\", to = \"Column::Id\")]",
    "#[derive(DeriveValueType)] pub struct S(S);", "#[derive(DeriveActiveEnum)] #[sea_orm(db_type = \"Enum\")] enum E {}",
    "impl EntityName for Entity { fn table_name(&self) -> &str { ", "impl ColumnTrait for Column { fn def(&self) -> ColumnDef "
    "{ match self { Self::Id => ColumnType::Array(RcOrArc::new(ColumnType::Text)).def(), } } }",
    "impl RelationTrait for Relation { fn def(&self) -> RelationDef { match self { Self::T => "
    "Entity::belongs_to(super::t::Entity).from((Column::Id,)).to(x).into() } } }",
    "r#type", "X,", "}", "{", "(", ")", "[", "]", "<", ">", ",", ";", "\n", " ", "\"", "\u00e9", "\\",
]
rust_text = st.lists(st.sampled_from(RUST_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_rust(text: str) -> None:
    """The Diesel and SeaORM readers give evidence or a SourceError for any Rust file, and no internal error."""
    head = "// @generated automatically by Diesel CLI.\nuse sea_orm::entity::prelude::*;\n"
    for fmt in ("diesel", "seaorm"):
        found = _read("schemas", "schema.rs", (head + text + "\n").encode("utf-8", "surrogatepass"), fmt=fmt)
        if not isinstance(found, tuple):
            assert not any("internal error" in p.message for p in found.problems), found.problems


#: Pieces of Kotlin JPA entities and Exposed tables: declarations, annotations, calls and broken ends.
KOTLIN_PIECES = [
    "@Entity", "@Table(name = \"t\")", "@Table(name = T)", "@field:Column(name = \"c\", length = 9)", "@get:Id",
    "@ManyToOne @JoinColumn(name = \"x_id\")", "@JoinTable(joinColumns = [JoinColumn(name = \"a\")])",
    "@Embedded", "@Embeddable", "@MappedSuperclass", "@Transient", "@Enumerated(EnumType.STRING)", "@Comment(\"$c\")",
    "data class A(", "class B : A(), I {", "open class C(name: String) : C(name) {", "object U : Table() {",
    "object V : IntIdTable(\"v\", columnName = N) {", "abstract class W(n: String) : LongIdTable(n) {",
    "val id: Long? = null,", "var x: String", "val y: MutableList<A> = mutableListOf()", "val t: A?",
    "val a = integer(\"a\").autoIncrement()", "val b = varchar(\"b\", 9).nullable()", "val c = reference(\"c\", U)",
    "val d = integer(\"d\") references V.id", "val e = decimal(\"e\", p, 2)", "val f = custom(\"f\")",
    "override val primaryKey = PrimaryKey(a, b)", "const val T = \"${T}x\"", "companion object {", "enum class E { X }",
    "val g: Int get() = 1", "val h by lazy { 1 }", "\"${", "}", "{", "(", ")", "[", "]", "<", ">", ",", ";", "\n", " ",
    "\"", "\u00e9", "\\", "::class", ".", "=",
]  # fmt: skip
kotlin_text = st.lists(st.sampled_from(KOTLIN_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_kotlin(text: str) -> None:
    """The Kotlin JPA and Exposed readers give evidence or a SourceError for any file, and no internal error."""
    head = "import jakarta.persistence.*\nimport org.jetbrains.exposed.sql.*\n"
    for fmt in ("jpa", "exposed"):
        found = _read("schemas", "Model.kt", (head + text + "\n").encode("utf-8", "surrogatepass"), fmt=fmt)
        if not isinstance(found, tuple):
            assert not any("internal error" in p.message for p in found.problems), found.problems


def check_drizzle(text: str) -> None:
    """The Drizzle reader gives evidence or a SourceError for any schema file, and no internal error."""
    head = "import { pgTable, pgSchema, pgEnum, text, serial, integer, varchar } from 'drizzle-orm/pg-core';\n"
    found = _read("schemas", "schema.ts", (head + text + "\n").encode("utf-8", "surrogatepass"), fmt="drizzle")
    if not isinstance(found, tuple):
        assert not any("internal error" in p.message for p in found.problems), found.problems


#: Pieces of EF Core code-first models: contexts, entities, attributes, fluent calls, broken ends.
EFCORE_PIECES = [
    "public DbSet<A> As { get; set; }", "public DbSet<B> Bs => Set<B>();", "public class A : B {",
    "public class B : A {", "public partial class A {", "public class C : DbContext {", "class D : C {",
    "public class AConfig : IEntityTypeConfiguration<A> { public void Configure(EntityTypeBuilder<A> b) {",
    "protected override void OnModelCreating(ModelBuilder m) {", "m.Entity<A>(", "b => {", "b.ToTable(",
    "m.Entity<B>().HasOne(x => x.A).WithMany(y => y.Bs).HasForeignKey(x => x.AId);", "b.OwnsOne(x => x.A, o => {",
    "b.HasMany(x => x.Bs).WithMany(y => y.As).UsingEntity(\"AB\", l => l.HasOne<A>().WithMany().HasForeignKey(\"k\"), j => {",
    "b.Property(x => x.Id).HasColumnName(", "\"c\")", "HasKey(x => new { x.A, x.Id })", "b.Ignore(x => x.B);",
    "[Table(\"t\", Schema = \"s\")]", "[Column(TypeName = 1e999)]", "[Key]", "[NotMapped]", "[Owned]",
    "[ForeignKey(\"A\")]", "public int Id { get; set; }", "public A A { get; set; }", "public B? B { get; init; }",
    "public ICollection<B> Bs { get; }", "public List<A> As { get; set; }", "public string AId { get; set; }",
    "public E E { get; set; }", "public enum E : byte { X }", "class E<T> : A where T : B {", "public T Id { get; set; }",
    "}", "{", "(", ")", ";", "\n", " ", "\"\\u{110000}\"",
]
efcore_text = st.lists(st.sampled_from(EFCORE_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_efcore_entities(text: str) -> None:
    """The EF Core code reader gives evidence (never an internal error) or a SourceError for any context file."""
    head = "using Microsoft.EntityFrameworkCore;\npublic class AppDbContext : DbContext {\n"
    evidence = _read("schemas", "App.cs", (head + text + "\n}\n").encode("utf-8", "surrogatepass"), fmt="efcore")
    if not isinstance(evidence, tuple):
        assert not [p for p in evidence.problems if "internal error" in p.message], evidence.problems


#: A model snapshot of `AppDbContext` holding one table, read beside generated code of that context.
EFCORE_SNAPSHOT = (
    "[DbContext(typeof(AppDbContext))]\npartial class AppDbContextModelSnapshot : ModelSnapshot\n{\n"
    "    protected override void BuildModel(ModelBuilder modelBuilder)\n    {\n"
    '        modelBuilder.Entity("A", b => { b.Property<int>("Id"); b.HasKey("Id"); b.ToTable("As"); });\n'
    "    }\n}\n"
)


def check_efcore_union(text: str) -> None:
    """A snapshot read with any code of its context gives evidence (never an internal error); the snapshot's table stays."""
    from cnsnt.sources.schemas.efcore import read_efcore

    head = "using Microsoft.EntityFrameworkCore;\npublic class AppDbContext : DbContext {\n"
    with tempfile.TemporaryDirectory() as tmp:
        snapshot, code = Path(tmp) / "AppDbContextModelSnapshot.cs", Path(tmp) / "App.cs"
        snapshot.write_text(EFCORE_SNAPSHOT, encoding="utf-8")
        code.write_bytes((head + text + "\n}\n").encode("utf-8", "surrogatepass"))
        ctx = SourceContext(base_dir=Path(tmp), limits=Limits(source_seconds=0))
        evidence = read_efcore([snapshot, code], _spec("schemas", "*.cs", "efcore"), ctx)
    assert not [p for p in evidence.problems if "internal error" in p.message], evidence.problems
    for problem in evidence.problems:
        problem.message.encode("utf-8")
    assert [t.location.path for t in evidence.tables if t.name == "As"][:1] == ["AppDbContextModelSnapshot.cs"]


def check_queries(text: str, fmt: str, dialect: str | None) -> None:
    """The query reader gives evidence or a SourceError for any text in any format."""
    name = {"sql": "q.sql", "lines": "q.log", "pg_stat_statements": "q.csv"}[fmt]
    _read("queries", name, text.encode("utf-8", "surrogatepass"), fmt=fmt, dialect=dialect, jobs=1)


JAVA_QUERY_PIECES = ["@Query(", "@NamedQuery(", "@NamedNativeQuery(", "@NamedQueries({", "})", "value = ",
                     "nativeQuery = true", "countQuery = ", "name = ", "query = ", '"', '"""', "\n", "\\",
                     '"SELECT c FROM Customer c WHERE c.email = :e"', '"SELECT email FROM customers"', " + ",
                     "Q.X", "interface R {", "class C {", "}", "(", ")", ";", " List<C> find();", "?1",
                     "JOIN FETCH c.orders o", "new a.B(c.email)", "// cnsnt: purpose=orders", "\n    ", " ",
                     # java40: MyBatis's annotations, derived queries, Kotlin's spelling
                     "import org.apache.ibatis.annotations.*;", "@Select(", "@Update({", '"<script>"',
                     '"<where><if test=\'a\'>AND id = #{id}</if></where>"', '"</script>"', "{", ",",
                     " extends JpaRepository<Customer, Long>", " : JpaRepository<Customer, Long>",
                     "findByEmailAndLastNameOrderByIdDesc", "countByStatus", "deleteBy", "Or", "IgnoreCase",
                     "_", "fun ", "interface", "NamedQuery(", "[", "]", "${X}", "const val X = "]
java_query_text = st.lists(st.sampled_from(JAVA_QUERY_PIECES) | st.text(max_size=3), max_size=40).map("".join)
MAPPER_PIECES = ['<mapper namespace="m">', "</mapper>", '<select id="s">', "</select>", '<update id="u">',
                 "</update>", "<where>", "</where>", "<set>", "</set>", '<if test="a">', "</if>", "<choose>",
                 "</choose>", "<when>", "</when>", "<otherwise>", "</otherwise>", '<foreach open="(" close=")">',
                 "</foreach>", '<trim prefix="(" prefixOverrides="AND|OR">', "</trim>", '<sql id="f">',
                 "</sql>", '<include refid="f"/>', '<include refid="g"/>', "<selectKey>", "</selectKey>",
                 "SELECT email FROM customers", " AND id = #{id}", "${col}", "#{", "}", ",", "<!-- cnsnt: x -->",
                 '<!DOCTYPE mapper [<!ENTITY a "b">]>', "&a;", "&lt;", "<![CDATA[ < ]]>", "<", ">", "\n", " "]
mapper_text = st.lists(st.sampled_from(MAPPER_PIECES) | st.text(max_size=3), max_size=50).map("".join)


def check_code_queries(text: str, fmt: str) -> None:
    """The Java, Kotlin and MyBatis query readers give evidence or a SourceError for any text."""
    name = {"java": "R.java", "kotlin": "R.kt", "mybatis": "M.xml"}[fmt]
    fmt = "java" if fmt == "kotlin" else fmt
    _read("queries", name, text.encode("utf-8", "surrogatepass"), fmt=fmt, jobs=1)


# --------------------------------------------------------------------------- nothing lost


def evidence_key(evidence: Any) -> Any:
    """What a query reader found, in a comparable form."""
    if isinstance(evidence, tuple):
        return evidence
    return (
        [(q.location, q.uses, q.purposes, q.calls, q.text, q.ignores) for q in evidence.queries],
        sorted((p.message, p.location.line or 0, str(p.severity)) for p in evidence.problems),
        evidence.counts,
    )


def check_chunks_equal_whole(text: str, dialect: str | None, chunk: int) -> None:
    """A `.sql` query file read in chunks gives what one whole read gives (24)."""
    data = text.encode("utf-8", "surrogatepass")
    whole = _read("queries", "q.sql", data, fmt="sql", dialect=dialect, jobs=1, chunk_chars=1 << 20)
    cut = _read("queries", "q.sql", data, fmt="sql", dialect=dialect, jobs=1, chunk_chars=chunk)
    assert evidence_key(cut) == evidence_key(whole)


def check_ranges_equal_whole(lines: list[str], ranges: int) -> None:
    """A `lines` log scanned in byte ranges gives what one whole scan gives (18, 24)."""
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    whole = _read("queries", "q.log", data, fmt="lines", dialect="postgres", jobs=1, log_ranges=1)
    cut = _read("queries", "q.log", data, fmt="lines", dialect="postgres", jobs=1, log_ranges=ranges)
    assert evidence_key(cut) == evidence_key(whole)


LOG_LINES = st.lists(
    st.sampled_from([
        "SELECT email FROM customers WHERE id = 1",
        "SELECT email FROM customers WHERE id = 2",
        "/* cnsnt: purpose=bogus */ SELECT email FROM customers WHERE id = 3",
        "/* cnsnt: purpose=orders */ SELECT phone FROM customers",
        "/* cnsnt: nonsense */ SELECT 1",
        "SELECT phone FROM customers; SELECT email FROM customers",
        "SELECT data ? INSERT",
        "SELECT nope FROM missing",
        "",
        "SELECT 'x;y' FROM customers",
    ]) | sql_text,
    max_size=40,
)

REPORT_POLICY = """cnsnt: 1
controller: {name: Example Ltd, contact: privacy@example.com}
sources:
  schemas: [{path: schema.sql, dialect: postgres}]
  queries: [{path: "q.sql", dialect: postgres}, {path: "q.log", format: lines, dialect: postgres}]
purposes:
  orders: {description: To deliver your order., basis: contract}
data:
  email: {category: user.contact.email, columns: [customers.email], purposes: [orders], retention: P1Y}
  phone: {category: user.contact.phone_number, columns: [customers.phone], purposes: [orders], retention: P1Y}
"""


def check_report_identical(sql: str, log: list[str], jobs: int, chunk: int, ranges: int) -> None:
    """The JSON report is byte-identical for any --jobs, chunk size and range count (18)."""
    from cnsnt.api import audit
    from cnsnt.policy.loader import load_policy
    from cnsnt.reporters import RenderOptions, get_reporter

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "cnsnt.yaml").write_text(REPORT_POLICY)
        (root / "schema.sql").write_text("CREATE TABLE customers (id int, email text, phone text);\n")
        (root / "q.sql").write_text(sql, encoding="utf-8", errors="surrogatepass")
        (root / "q.log").write_text("\n".join(log), encoding="utf-8", errors="surrogatepass")
        policy = load_policy(root / "cnsnt.yaml")
        render = get_reporter("json").render
        base = render(audit(policy, jobs=1), RenderOptions())
        other = render(audit(policy, jobs=jobs, chunk_chars=chunk, log_ranges=ranges), RenderOptions())
        assert other == base


#: Pieces of SQLModel, Peewee and Tortoise ORM models: classes, bases, fields, Meta, relations, broken ends.
PYTHON_ORM_PIECES = [
    "\nclass A(B):", "\nclass B(A, table=True):", "\nclass C(Model_):", "\nclass D(SQLModel, table=True):",
    "\nclass E(f()):", "\n    class Meta:", "\n        table = T", "\n        table_name = 'x'",
    "\n        abstract = True", "\n        primary_key = CompositeKey('a', 'b')", "\n        legacy_table_names = 0",
    "\n    __tablename__ = T", "\n    a = CharField(", "\n    a = fields.CharField(", "\n    b: 'Optional[int]' = ",
    "\n    c: list[str] = Field(", "Field(sa_column=Column(", "ForeignKeyField(", "fields.ForeignKeyField(",
    "ManyToManyField(", "'models.A'", "'self'", "A", "primary_key=True", "pk=True", "max_length=-1",
    "max_digits=1e999", "through=T", "source_field=", "column_name=", "foreign_key='a.b.c'", "Relationship()",
    "\n    if x:", "\n    for i in y:", "\n        d = IntField()", "a = b = TextField()", "(", ")", ",", "'",
    "\n", " ", "\u00e9", "\\",
]
python_orm_text = st.lists(st.sampled_from(PYTHON_ORM_PIECES) | st.text(max_size=3), max_size=40).map("".join)


def check_python_orms(text: str) -> None:
    """The SQLModel, Peewee and Tortoise ORM readers give evidence or a SourceError, never an internal error."""
    head = (
        "from peewee import *\nfrom tortoise import fields\nfrom tortoise.models import Model as Model_\n"
        "from sqlmodel import Field, SQLModel, Relationship\n"
    )
    data = (head + text + "\n").encode("utf-8", "surrogatepass")
    for fmt in ("sqlmodel", "peewee", "tortoise"):
        found = _read("schemas", "models.py", data, fmt=fmt)
        if not isinstance(found, tuple):
            assert not any("internal error" in p.message for p in found.problems), found.problems
