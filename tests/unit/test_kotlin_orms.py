"""Kotlin schema sources read with tree-sitter-kotlin: JPA entities (with Java ones) and Exposed tables."""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import ForeignKey
from cnsnt.model import Severity
from cnsnt.sources.schemas.reader import detect
from cnsnt.starter.discover import Found, survey, unread_migrations
from tests.unit.schema_entry import column, names, read_entry, table, where, write_files

SPRING = 'plugins { id("org.springframework.boot") version "3.3.0" }\n'

USER_KT = """\
package app

import jakarta.persistence.*

const val PREFIX = "app_"

@Entity
@Table(name = "users")
@Comment("People who sign in")
data class User(
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) val id: Long? = null,
    @Column(nullable = false, unique = true, length = 120) var email: String,
    @field:Column(name = "given_name") val firstName: String,
    @param:Column(name = "ignored") val lastName: String,
    @get:Lob val avatar: ByteArray? = null,
    @ManyToOne @JoinColumn(name = "team_id") val team: Team?,
    @Enumerated(EnumType.STRING) val role: Role = Role.MEMBER,
    @OneToMany(mappedBy = "owner") val posts: MutableList<Post> = mutableListOf(),
    @Embedded val address: Address? = null,
    plain: Int,
) : Audited(), java.io.Serializable {
    @Transient var draft: String = ""
    @Column(name = "${PREFIX}nick") lateinit var nickname: String
    val display: String get() = email
    val cached by lazy { email.lowercase() }
    var birthDate: LocalDate? = null
    @Column(name = Columns.EXTERNAL) var externalId: String? = null
    var visits: Int = 0
    companion object { const val KIND = "user" }
}

enum class Role { MEMBER, ADMIN }

@Embeddable
class Address(var street: String = "", @Column(length = 10) var zip: String = "")
"""

AUDITED_JAVA = """\
package app;

import jakarta.persistence.*;
import java.time.Instant;

@MappedSuperclass
public abstract class Audited {
    private Instant createdAt;
}
"""

TEAM_JAVA = """\
package app;

import jakarta.persistence.*;
import java.util.UUID;

@Entity
public class Team {
    @Id private UUID id;
    private String name;
}
"""


def _jpa_project(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "build.gradle.kts": SPRING,
            "src/main/kotlin/app/User.kt": USER_KT,
            "src/main/java/app/Audited.java": AUDITED_JAVA,
            "src/main/java/app/Team.java": TEAM_JAVA,
        },
    )


def test_kotlin_entities_are_read_with_the_java_ones_of_their_entry(tmp_path: Path):
    _jpa_project(tmp_path)
    ev = read_entry(tmp_path, "src/main/*/app/*.[jk][at]*", "jpa")
    assert [t.key for t in ev.tables] == ["team", "users"]  # the entry's file order
    assert names(ev, "users") == [
        "created_at",  # the Java @MappedSuperclass the Kotlin class extends
        "id",
        "email",
        "given_name",
        "last_name",  # @param: is the constructor parameter's: JPA does not see it
        "avatar",
        "team_id",
        "role",
        "street",
        "zip",
        "app_nick",
        "birth_date",
        "external_id",  # its name a constant of another module: a CN001 warning, and the default name
        "visits",
    ]
    users = table(ev, "users")
    assert users.comment == "People who sign in"
    assert users.foreign_keys == (ForeignKey(("team_id",), "team", ("id",)),)
    assert column(ev, "users.id").primary_key and column(ev, "users.id").type == "bigint"
    assert column(ev, "users.email").type == "varchar(120)"
    assert column(ev, "users.avatar").type == "blob"
    assert column(ev, "users.team_id").type == "uuid"  # the key of the Java entity it references
    assert column(ev, "users.role").type == "varchar(255)"
    assert column(ev, "users.zip").type == "varchar(10)"
    assert column(ev, "users.birth_date").type == "date"
    assert column(ev, "users.visits").type == "integer"
    assert column(ev, "users.created_at").type == "timestamp"
    assert where(column(ev, "users.created_at")) == ("src/main/java/app/Audited.java", 8)
    assert where(column(ev, "users.given_name")) == ("src/main/kotlin/app/User.kt", 13)
    assert [(p.severity, p.location.path, p.location.line, p.location.column) for p in ev.problems] == [
        (Severity.WARNING, "src/main/kotlin/app/User.kt", 27, 20)
    ]
    assert "Columns.EXTERNAL" in ev.problems[0].message


def test_kotlin_entities_without_spring_boot_keep_their_names(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "Book.kt": """\
import javax.persistence.*
@Entity(name = "Book")
open class Book {
    @Id @GeneratedValue var id: Int = 0
    @Column(name = "isbnCode") var isbnCode: String? = null
    var authorName: String? = null
    @ManyToMany
    @JoinTable(name = "book_tags", joinColumns = [JoinColumn(name = "book")], inverseJoinColumns = arrayOf(JoinColumn(name = "tag")))
    var tags: MutableSet<Tag> = mutableSetOf()
}
@Entity class Tag(@Id val id: Long, val label: String)
""",
        },
    )
    ev = read_entry(tmp_path, "*.kt")
    assert [t.key for t in ev.tables] == ["Book", "Tag", "book_tags"]
    assert names(ev, "Book") == ["id", "isbnCode", "authorName"]
    assert column(ev, "Book.id").type == "integer"
    assert names(ev, "book_tags") == ["book", "tag"]
    assert table(ev, "book_tags").foreign_keys == (
        ForeignKey(("book",), "Book", ("id",)),
        ForeignKey(("tag",), "Tag", ("id",)),
    )
    assert not ev.problems


def test_a_body_on_one_line_is_no_syntax_error_and_a_broken_file_is_one(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "A.kt": "import jakarta.persistence.*\n@Entity\nclass A(@Id val id: Long) {\n"
            '    companion object { const val T = "a" }\n}\n',
            "B.kt": "import jakarta.persistence.*\n@Entity\nclass B(@Id val id: Long, val name: String)\n"
            "fun f() = (\n",
        },
    )
    ev = read_entry(tmp_path, "*.kt", "jpa")
    assert names(ev, "A") == ["id"]
    assert names(ev, "B") == ["id", "name"]  # the rest of a broken file is still read
    assert [(p.severity, p.location.path, p.location.line) for p in ev.problems] == [(None, "B.kt", 4)]
    assert "Kotlin syntax error" in ev.problems[0].message



def test_brackets_left_open_whose_recovery_would_not_end_in_time_are_read_around(tmp_path: Path, monkeypatch):
    """500 KB of classes each missing a `)` ran 15 s into the parse-time limit: none of it was read."""
    from cnsnt.sources.schemas import grammars

    broken = "".join(
        f"@Entity\nclass User{i}(\n    @Id val id: Long,\n    val email: String,\n {{\n    fun f(x: Int) = x\n}}\n"
        for i in range(1500)
    )
    write_files(tmp_path, {"A.kt": "import jakarta.persistence.*\n\n" + broken})
    monkeypatch.setattr(grammars, "PARSE_SECONDS", -2.0)  # 1 s for A.kt: its recovery takes about 2
    ev = read_entry(tmp_path, "*.kt", "jpa")
    found = [(p.severity, p.location.path, p.location.line, p.location.column) for p in ev.problems]
    assert found == [(None, "A.kt", 4, 12)]  # the first `(` left open
    assert "unclosed '(' and 1499 more" in ev.problems[0].message


def test_unbalanced_brackets_skip_strings_templates_characters_and_comments():
    from cnsnt.sources.schemas.kotlin_syntax import unbalanced_brackets

    text = (
        'val s = "(${f(1) + g("}")}" // )\n'
        "val c = ')' + '\\'' + `a(b`\n"
        '/* ( /* ) */ */ val r = """ ( ${x[0]} """"\n'
        "fun f() { g(1 }\n"
        "val t = 1]\n"
    )
    source = text.encode()
    assert [(source[at : at + 1], text[:at].count("\n") + 1) for at in unbalanced_brackets(source)] == [
        (b"(", 4),
        (b"]", 5),
    ]


EXPOSED = """\
package app.db

import org.jetbrains.exposed.sql.Table
import org.jetbrains.exposed.dao.id.IntIdTable
import org.jetbrains.exposed.dao.id.LongIdTable
import org.jetbrains.exposed.dao.id.UUIDTable
import org.jetbrains.exposed.sql.javatime.datetime

const val PROFILES = "profiles"

object Teams : IntIdTable("teams") {
    val name = varchar("name", 100)
}

object UsersTable : Table() {
    val id = integer("id").autoIncrement()
    val email = varchar("email", length = 255).uniqueIndex()
    val team = reference("team_id", Teams).nullable()
    val balance = decimal("balance", 10, 2).default(BigDecimal.ZERO)
    val role = enumerationByName("role", 20, Role::class)
    val level = enumeration("level", Level::class)
    val birthDate = date("birth_date").nullable()
    val active = bool("active").default(true)
    val mentor = integer("mentor_id") references Teams.id
    val secret = varchar(columnName(), 10)
    val phone = phoneColumn("phone")
    override val primaryKey = PrimaryKey(id)
}

object Profiles : LongIdTable(PROFILES + "_v2", columnName = "profile_id") {
    val user = optReference("user_id", UsersTable.id)
    val bio = text("bio")
    val ghost = reference("ghost_id", Ghosts)
}

abstract class Audited(name: String) : UUIDTable(name) {
    val createdAt = datetime("created_at")
}

object Events : Audited("events") {
    val payload = jsonb<Map<String, String>>("payload", Json.Default)
}

object Orphans : SoftDeleteTable("orphans") {
    val x = integer("x")
}
"""


def test_exposed_tables_are_read_with_their_types_and_keys(tmp_path: Path):
    write_files(tmp_path, {"db/Tables.kt": EXPOSED})
    ev = read_entry(tmp_path, "db/*.kt")
    assert [t.key for t in ev.tables] == ["teams", "Users", "profiles_v2", "events"]
    assert names(ev, "teams") == ["id", "name"]
    assert column(ev, "teams.id").type == "serial" and column(ev, "teams.id").primary_key
    assert names(ev, "Users") == [
        "id", "email", "team_id", "balance", "role", "level", "birth_date", "active", "mentor_id", "phone",
    ]  # fmt: skip
    types = {c.name: c.type for c in table(ev, "Users").columns}
    assert types == {
        "id": "serial",
        "email": "varchar(255)",
        "team_id": "int",
        "balance": "decimal(10,2)",
        "role": "varchar(20)",
        "level": "int",
        "birth_date": "date",
        "active": "boolean",
        "mentor_id": "int",
        "phone": None,
    }
    assert [c.name for c in table(ev, "Users").columns if c.primary_key] == ["id"]
    assert table(ev, "Users").foreign_keys == (
        ForeignKey(("team_id",), "teams", ("id",)),
        ForeignKey(("mentor_id",), "teams", ("id",)),
    )
    assert names(ev, "profiles_v2") == ["profile_id", "user_id", "bio", "ghost_id"]
    assert column(ev, "profiles_v2.profile_id").type == "bigserial"
    assert column(ev, "profiles_v2.user_id").type == "int"
    assert table(ev, "profiles_v2").foreign_keys == (ForeignKey(("user_id",), "Users", ("id",)),)
    assert names(ev, "events") == ["id", "created_at", "payload"]
    assert [column(ev, f"events.{c}").type for c in ("id", "created_at", "payload")] == [
        "uuid",
        "timestamp",
        "jsonb",
    ]
    assert where(column(ev, "events.created_at")) == ("db/Tables.kt", 37)
    found = [(p.severity, p.location.line, p.location.column, p.message.split(":")[0]) for p in ev.problems]
    assert found == [
        (Severity.WARNING, 25, 26, "columnName()"),
        (Severity.WARNING, 26, 17, 'phoneColumn("phone")'),
        (Severity.WARNING, 44, 18, "SoftDeleteTable, the base class of Orphans, is not in this entry"),
        (Severity.WARNING, 33, 39, "Ghosts"),
    ]
    assert "property secret is not read" in ev.problems[0].message


def test_exposed_types_follow_the_dialect(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "T.kt": "import org.jetbrains.exposed.sql.*\nobject Logins : IntIdTable() {\n"
            '    val at = datetime("at")\n    val token = uuid("token")\n    val raw = blob("raw")\n}\n'
        },
    )
    mysql = read_entry(tmp_path, "T.kt", "exposed", dialect="mysql")
    assert [(c.name, c.type) for c in table(mysql, "Logins").columns] == [
        ("id", "int"),
        ("at", "datetime"),
        ("token", "binary(16)"),
        ("raw", "blob"),
    ]


def test_reading_is_deterministic(tmp_path: Path):
    write_files(tmp_path, {"db/Tables.kt": EXPOSED})
    _jpa_project(tmp_path / "jpa")
    for pattern in ("db/*.kt", "jpa/src/main/*/app/*.[jk][at]*"):
        first, second = read_entry(tmp_path, pattern), read_entry(tmp_path, pattern)
        assert repr(first.tables) == repr(second.tables)
        assert repr(first.problems) == repr(second.problems)


def test_kotlin_files_are_told_apart_by_their_imports(tmp_path: Path):
    write_files(tmp_path, {"a.kt": EXPOSED, "b.kt": USER_KT})
    assert detect(tmp_path / "a.kt") == "exposed"
    assert detect(tmp_path / "b.kt") == "jpa"


def test_init_proposes_kotlin_entities_and_exposed_tables(tmp_path: Path):
    _jpa_project(tmp_path / "api")
    write_files(tmp_path, {"ktor/src/main/kotlin/db/Tables.kt": EXPOSED})
    found, _ = survey(tmp_path)
    assert found == [
        Found("schemas", "ktor/src/main/kotlin/db/*.kt", format="exposed"),
        Found("schemas", "api/**/src/main/*/**/*.[jk][at]*", format="jpa"),
    ]


def test_kotlin_tables_in_a_migrations_folder_are_not_named_unread(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "db/migrations/V1__Tables.kt": EXPOSED,
            "db/migrations/V2__Backfill.kt": "class V2__Backfill : BaseJavaMigration()\n",
        },
    )
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert unread_migrations(files, tmp_path) == [
        "found no schema cnsnt reads, but 1 file in db/migrations looks like a database migration in code no "
        "reader of cnsnt knows: their tables are not audited. Add a schemas: entry for a SQL dump of the "
        "schema (mysqldump --no-data, pg_dump --schema-only) or audit the live database with --db"
    ]


def test_a_property_without_a_type_has_the_type_of_its_initializer(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "Owner.kt": """\
import jakarta.persistence.*
@Entity
class Owner {
    @Id var id = 0L
    var name = ""
    var visits = 0
    var score = 1.5
    var active = true
    var joined = LocalDate.now()
    var token = UUID.randomUUID()
    var pets = mutableSetOf<Pet>()
    var wallet = Money()
}
""",
        },
    )
    ev = read_entry(tmp_path, "Owner.kt")
    assert [(c.name, c.type) for c in table(ev, "Owner").columns] == [
        ("id", "bigint"),
        ("name", "varchar(255)"),
        ("visits", "integer"),
        ("score", "double"),
        ("active", "boolean"),
        ("joined", "date"),
        ("token", "uuid"),
        ("wallet", None),  # a class cnsnt does not know: no type (the collection is no column)
    ]


def test_exposed_tables_in_object_expressions(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "T.kt": """\
import org.jetbrains.exposed.sql.*
object Cities : IntIdTable("cities") {
    val name = varchar("name", 50)
}
fun check(dialect: Any) {
    val people = object : Table("people") {
        val city = reference("city_id", Cities)
        val owner = integer("owner_id").references(Plain.code)
    }
    val nameless = object : Table() {
        val x = integer("x")
    }
}
object Plain : Table("plain") {
    val code = integer("code")
}
""",
        },
    )
    ev = read_entry(tmp_path, "T.kt", "exposed")
    assert [t.key for t in ev.tables] == ["cities", "plain", "people"]
    assert names(ev, "people") == ["city_id", "owner_id"]
    assert table(ev, "people").foreign_keys == (
        ForeignKey(("city_id",), "cities", ("id",)),
        ForeignKey(("owner_id",), "plain", ("code",)),
    )
    found = [(p.severity, p.location.line, p.message.split(" (")[0]) for p in ev.problems]
    assert found == [
        (Severity.WARNING, 10, "an object expression extending a table class gives no table name")
    ]


def test_exposed_table_names_from_the_body_and_with_a_schema(tmp_path: Path):
    write_files(
        tmp_path,
        {
            "T.kt": """\
import org.jetbrains.exposed.sql.*
object Accounts : Table() {
    override val tableName = "user_accounts"
    val email = varchar("email", 80)
}
object Sessions : LongIdTable("auth.sessions") {
    val account = reference("account_id", Accounts.email)
}
""",
        },
    )
    ev = read_entry(tmp_path, "T.kt", "exposed")
    assert [t.key for t in ev.tables] == ["user_accounts", "auth.sessions"]
    assert (table(ev, "auth.sessions").schema, table(ev, "auth.sessions").name) == ("auth", "sessions")
    assert names(ev, "auth.sessions") == ["id", "account_id"]
    assert column(ev, "auth.sessions.account_id").type == "varchar(80)"
    assert table(ev, "auth.sessions").foreign_keys == (
        ForeignKey(("account_id",), "user_accounts", ("email",)),
    )
    assert not ev.problems
