"""Property tests: every reader, the splitter, the fingerprint and the policy loader on generated input.

The `@example`s are the seeds that found today's problems (issue 13): they run every time.
`.ci/fuzz` runs the same checks (tests/hostile/harness.py) for longer.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.hostile import harness as h

# --------------------------------------------------------------------------- splitter


@given(h.sql_text, st.sampled_from(h.DIALECTS), st.integers(1, 64), st.sampled_from([0, 5, 40]))
@example("SELECT phone FROM customers WHERE note = E'it\\'s; -- here';\nSELECT email;", "postgres", 45, 0)
@example("SELECT 'a\\'b'; SELECT 2;", "mysql", 10, 0)
@example("SELECT $fn$ a; b $fn$; SELECT 1", "postgres", 9, 0)
@example("SELECT 1 -- x;\nSELECT 2", None, 9, 0)
@example("SELECT 1 /* ; */; SELECT 2", None, 10, 0)
@example("SELECT 1\nGO\nSELECT 2 GO\n  GO 3\n", "tsql", 10, 0)
@example("\\connect db\nSELECT 1;", "postgres", 3, 0)
def test_splitting_does_not_depend_on_chunks(text, dialect, size, max_chars):
    h.check_splitter(text, dialect, size, max_chars)


# --------------------------------------------------------------------------- fingerprint


@given(st.binary(max_size=200) | h.sql_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
       st.sampled_from(h.DIALECTS))
@example(b"SELECT [a [b [c ]", "tsql")
@example(b"SELECT $1, '\\'' FROM t", "postgres")
def test_fingerprint_never_raises(data, dialect):
    h.check_fingerprint(data, dialect)


@given(st.integers(), st.text(alphabet="abcxyz ", max_size=10))
def test_fingerprint_folds_literals(number, word):
    from cnsnt.sql.fingerprint import Fingerprinter

    fp = Fingerprinter("postgres")
    base = fp.fingerprint(b"SELECT email FROM customers WHERE id = 7 AND note = 'x'")
    text = f"SELECT email FROM customers WHERE id = {abs(number)} AND note = '{word}'"
    assert fp.fingerprint(text.encode()) == base


# --------------------------------------------------------------------------- policy loader


@given(h.yaml_text)
@example("cnsnt: 1\ncontroller: {name: Example Ltd, contact: !!timestamp foo}\n")
@example("cnsnt: 1\ncontroller: {name: Example Ltd, contact: !!set x}\n")
@example('cnsnt: 1\ncontroller: {name: "Acme\\ud800", contact: x@example.com}\n')
@example("a: &a [1, 2]\nb: [*a, *a, *a]\n")
@example("cnsnt: !!binary x\n")
def test_policy_loader_gives_a_policy_or_a_policy_error(text):
    h.check_policy(text)


@given(h.json_value)
def test_policy_loader_on_structured_documents(value):
    import yaml

    h.check_policy(yaml.safe_dump({"cnsnt": 1, "x": value}) if not isinstance(value, dict)
                   else yaml.safe_dump(value))


# --------------------------------------------------------------------------- readers


@given(h.sql_text, st.sampled_from(h.DIALECTS))
@example("CREATE TABLE d PARTITION OF;", "postgres")
@example("CREATE TABLE t (a int, b text", "mysql")
def test_ddl_reader(text, dialect):
    h.check_ddl(text, dialect)


@given(h.migration_text, st.sampled_from(sorted(h.MIGRATION_FRAMES)))
@example("op.create_table('t', sa.Column('a'))\n    op.rename_table('t', 't')", "alembic")
@example("migrations.RenameModel('a', 'a')", "django_migrations")
@example("create_table :t do |t|\nend\nrename_table :t, :t\n", "rails_migrations")
@example("Schema::create('t', fn (Blueprint $t) => $t->string('c')->after('c')); Schema::rename('t', 't');", "laravel")
@example("$this->up(); foreach ([1, 2] as $v) { Schema::create($v, function (Blueprint $t) {}); }", "laravel")
@example("$this->createTable('{{%t}}', ['PRIMARY KEY (c)', 'c' => $this->string()->append('x')]); "
         "$this->renameTable('t', 't'); $this->execute('ALTER TABLE {{%t}} DROP [[c]]');", "yii")
@example("$t = $this->table('t'); $t->drop()->save(); $t->addColumn('c', 'enum', ['values' => 'a,b'])"
         "->rename('t')->save(); $this->table('t', ['id' => 'c'])->update();", "phinx")
@example("await queryRunner.query(`CREATE TABLE \"t\" (\"c\" int)`); await queryRunner.query(`${x}`);",
         "typeorm_migrations")
@example("<sqlFile path='../../x.sql' relativeToChangelogFile='true'/><createView viewName='v'>SELECT c FROM t"
         "</createView><sql dbms='!h2'>DO $$ BEGIN ALTER TABLE t ADD COLUMN d text; END $$;</sql>", "liquibase")
@example("$this->forge->addField(['c' => ['name' => 'c']])->addKey('c', true)->createTable('t', true); "
         "$this->dbforge->modify_column('t', ['c' => ['name' => 'c']]); $this->dbforge->rename_table('t', 't')",
         "codeigniter")
@example("$this->dbforge->add_field([...$x, 'c INT NOT NULL', 'id']); $this->dbforge->create_table(", "codeigniter")
def test_framework_migrations_readers(text, fmt):
    h.check_framework_migrations(text, fmt)


@given(h.liquibase_value)
@example([{"changeSet": {"changes": [{"createTable": {"tableName": "${x}", "columns": [{"column": None}]}}]}}])
@example([{"property": {"name": "x", "value": "${x}"}}, {"include": {"file": "c.yaml"}}, "sql"])
@example({"changeSet": [1, {"sql": None}]})
@example([{"changeSet": {"changes": [{"x\ud800": {"tableName": "t\udc00", "columns": [{"column": {"name": "\ud800"}}]}}]}}])
def test_liquibase_yaml_and_json_changelogs(value):
    h.check_liquibase_documents(value)


@given(h.sequelize_text)
@example("sequelize.define('User', { ...common, [k]: 1, a: { references: { model: User } } }, { tableName: `t${x}` })")
@example("class User extends Model { static associate(models) { this.hasMany(models.User) } } "
         "User.init({}, { sequelize }); User.belongsToMany(User, { through: 'UU' })")
def test_sequelize_reader(text):
    h.check_sequelize(text)


@given(h.mongoose_text)
@example("const s = new Schema({ a: [s], b: { type: s }, ...base, [k]: 1 }); s.add(s); model('User', s)")
@example("const m = model('U', new Schema({}, { typeKey: '$type' })); m.discriminator('A', m)")
@example("class A extends A { @prop({ type: () => [A] }) x: A[]; @Prop(raw(A)) y; } getModelForClass(A); "
         "SchemaFactory.createForClass(A)")
def test_mongoose_reader(text):
    h.check_mongoose(text)


@given(h.typeorm_text)
@example("@ManyToOne(() => A) a: A; } @Entity() export class B extends A { @ManyToMany(() => A) @JoinTable() x: A[];")
@example("} export class B extends C {} export class C extends B {} @Entity() class D extends B {")
@example("@Column(() => A) a: A; } class E { @Column(() => E) e: E;")
@example("@Column({ name: 1e999, length: '\\u{110000}' }) x: string;")
def test_typeorm_reader(text):
    h.check_typeorm(text)


@given(h.gorm_text)
@example("B B\n} type B struct { A\n} type A2 struct { B `gorm:\"embedded\"`")
@example("Bs L `gorm:\"many2many:a_bs\"`\n} type L []*A; func (A) TableName() string { return K }; const K = K + K")
@example("x int } func f() { for _, t := range ts { db.AutoMigrate(&t) }; ts := us; us := ts }")
def test_gorm_reader(text):
    h.check_gorm(text)


@given(h.ecto_text)
@example("create table(:t) do\nfor x <- [:a, :b] do\nadd x, :string\nend\nend\nrename table(:t), to: table(:t)")
@example("h()\nend\ndefp h do\nh()")
def test_ecto_readers(text):
    h.check_ecto(text)


@given(h.drizzle_text)
@example("export const a = pgTable('a', { ...cols, id: serial('id').primaryKey() }); const cols = { ...cols };")
@example("export const a = pgTable('a', { r: integer('r').references(() => a.id), n: f('n') }); "
         "const f = (n) => f(n);")
@example("export const a = pgTable('a', (t) => ({ x: t.text() }), (t) => [primaryKey({ columns: [t.y] })]);")
@example("const s = pgSchema('s'); export const b = s.table(`${x}`, {}); function g() { return g(); }")
def test_drizzle_reader(text):
    h.check_drizzle(text)


@given(h.rust_text)
@example("diesel::table! { users (id) { x -> Nullable<Array<Text>>, y -> Unsigned<, 24 -> Text, } }")
@example("#[derive(DeriveValueType)] pub struct S(S);#[derive(DeriveEntityModel)]#[sea_orm(table_name = \"t\")]"
         "pub struct Model {pub x: Option<Vec<S>>,}")
def test_rust_readers(text):
    h.check_rust(text)


@given(h.kotlin_text)
@example("object U : Table() {val d = integer(\"d\") references V.id}object V : U() {")
@example("abstract class W(n: String) : W(n) {val a = integer(\"a\")}@Entity data class A(val t: A?,) : A() {")
def test_kotlin_readers(text):
    h.check_kotlin(text)


@given(h.efcore_text)
@example("public DbSet<A> As { get; set; } } public class A : B { } public class B : A { public A A { get; set; }")
@example("public DbSet<A> As { get; set; } } class E<T> : A where T : B { public T Id { get; set; } } class A : E<A> {")
@example("public DbSet<A> As { get; set; } } public class A { public ICollection<A> As { get; } public A A { get; set; }")
def test_efcore_entities_reader(text):
    h.check_efcore_entities(text)


@given(h.efcore_text)
@example("public DbSet<A> As { get; set; } } public class A { public int Id { get; set; } public string Email { get; set; }")
@example("public DbSet<A> as { get; set; } public DbSet<B> Bs { get; set; } } [Table(\"As\")] public class B {")
def test_efcore_union_reader(text):
    h.check_efcore_union(text)


@given(h.form_json)
@example({"type": ["object", "null"], "allOf": [{"properties": {"email": {"type": "string"}}}]})
@example({"properties": {"email\ud800": {"type": "string"}}})
@example({"type": {"a": 1}, "elements": []})
@example({"resourceType": "Questionnaire", "item": [{"linkId": "a", "extension": 5}]})
def test_json_form_reader(value):
    h.check_json_form(value)


@given(h.html_text)
@example("<form id=e><input name=x></form>" + "<a" * 300)
@example("<form id=e><input name=x></form>" + "<!--" * 300)
@example("<![x>" * 30)
def test_html_form_reader(text):
    h.check_html_form(text)


@given(h.pug_text)
@example("form\n  input(name='a'\n" * 30)
@example("p " + "#[" * 300 + "]" * 300)
@example("mixin m(a)\n  input(name=a)\n+m('email')\n+m(")
def test_pug_form_reader(text):
    h.check_pug_form(text)


@given(h.smarty_text)
@example('{input name="a"|args:' + "'" * 300 + "}")
@example("{input name=" + "[(" * 300 + "}")
@example('<form id=f>{input type=checkbox name="a" value=1 default=1 checked=$x|f:"}"}</form>')
def test_smarty_form_reader(text):
    h.check_smarty_form(text)


@given(h.svelte_phoenix_text)
@example("{'" * 300 + "\n<input name={x}>")
@example('<.form for={@f}><.input field={@form[:a} /><%= text_input f, %>{label(f, :a, "#{")}')
@example('defmodule M do\n def r(a), do: ~H"""\n<.input field={f[:a]} />\n"""\nend')
def test_svelte_and_phoenix_form_reader(text):
    h.check_svelte_phoenix_form(text)


@given(h.jsx_text)
@example("<form id=\"f\">" + "<div>" * 3000 + "<input name={x} />")
@example("<Controller name=\"c\" render={() => <Input {...field} /><Input {...field} />} />")
@example("<p>Terms & conditions</p><label>" * 200)
def test_jsx_form_reader(text):
    h.check_jsx_form(text)


@given(h.sql_text, st.sampled_from(["sql", "lines", "pg_stat_statements"]), st.sampled_from(h.DIALECTS))
@example("SELECT data ? INSERT;\nSELECT email FROM customers;", "sql", "postgres")
@example("query,rolname\n\"SELECT 1\",app\n", "pg_stat_statements", None)
@example("\u00ba?;", "lines", "postgres")
def test_query_reader(text, fmt, dialect):
    h.check_queries(text, fmt, dialect)


@given(h.java_query_text)
@example('interface R { @Query("SELECT c FROM Customer c" + Q.X) List<C> find(); }')
def test_java_query_reader(text):
    h.check_code_queries(text, "java")


@given(h.java_query_text)
@example('interface R : JpaRepository<C, Long> { @Query("""SELECT c FROM C c""") fun f(): C\n fun findByX(): C }')
def test_kotlin_query_reader(text):
    h.check_code_queries(text, "kotlin")


@given(h.mapper_text)
@example('<mapper namespace="m"><sql id="f"><include refid="f"/></sql><select id="s"><include refid="f"/></select></mapper>')
def test_mybatis_reader(text):
    h.check_code_queries(text, "mybatis")


# --------------------------------------------------------------------------- nothing lost


@given(h.sql_text, st.sampled_from(["postgres", "mysql", None]), st.integers(1, 50))
@example("SELECT phone FROM customers WHERE note = E'it\\'s; -- here';\nSELECT email FROM customers;",
         "postgres", 44)
def test_chunked_sql_file_equals_whole_read(text, dialect, chunk):
    h.check_chunks_equal_whole(text, dialect, chunk)


@given(h.LOG_LINES, st.integers(2, 12))
def test_log_ranges_equal_whole_scan(lines, ranges):
    h.check_ranges_equal_whole(lines, ranges)


@settings(max_examples=12)
@given(h.sql_text, h.LOG_LINES, st.sampled_from([1, 2]), st.integers(1, 40), st.integers(0, 6))
def test_report_is_byte_identical_for_any_jobs_chunks_and_ranges(sql, log, jobs, chunk, ranges):
    h.check_report_identical(sql, log, jobs, chunk, ranges)


@given(h.python_orm_text)
@example("\nclass A(B):\n    a = CharField()\nclass B(A):\n    b = ForeignKeyField(A)")
@example("\nclass D(SQLModel, table=True):\n    b: 'Optional[int]' = Field(sa_column=Column())")
@example("\nclass C(Model_):\n    a = fields.ManyToManyField('models.C', through=T)\n    class Meta:\n        table = T")
def test_python_orm_readers(text):
    h.check_python_orms(text)
