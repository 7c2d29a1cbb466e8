"""Review of java40's query readers (review40a): repositories cnsnt leaves out are said, never silent.

Spring Data derives queries from method names in every store; cnsnt derives JPA's only. A
Spring Data JDBC, R2DBC, MongoDB or Elasticsearch repository's derived queries are left
out, and one CN001 info note per file names each such repository at its line. The files
are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.model import Severity
from cnsnt.policy.loader import load_policy
from cnsnt.sql.derived_queries import derive
from cnsnt.sql.jpql import Entity, to_sql

USER = """\
package com.shop.model;

import jakarta.persistence.*;

@Entity
@Table(name = "users")
public class User {
    @Id private Long id;
    private String email;
    private String status;
}
"""

JDBC = """\
package com.shop.repo;

import com.shop.model.User;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface JdbcUserRepository extends CrudRepository<User, Long> {
    List<User> findByEmail(String email);

    @Query("SELECT * FROM users WHERE status = :status")
    List<User> byStatus(String status);
}
"""

MONGO = """\
package com.shop.repo;

import com.shop.model.User;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface MongoUserRepository extends MongoRepository<User, String> {
    List<User> findByEmail(String email);
    long countByStatus(String status);
}
"""

KOTLIN = """\
package com.shop.repo

import com.shop.model.User
import org.springframework.data.repository.kotlin.CoroutineCrudRepository
import org.springframework.data.elasticsearch.repository.ElasticsearchRepository

interface ReactiveUserRepository : CoroutineCrudRepository<User, Long> {
    suspend fun findByEmail(email: String): User?
}

interface SearchUserRepository : ElasticsearchRepository<User, String> {
    fun findByStatus(status: String): List<User>
}
"""

JPA = """\
package com.shop.repo;

import com.shop.model.User;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, Long> {
    List<User> findByStatus(String status);
}
"""


def _audit(root: Path, repositories: dict[str, str]) -> Evidence:
    files = {"src/main/java/com/shop/model/User.java": USER}
    files.update({f"src/main/java/com/shop/repo/{n}": t for n, t in repositories.items()})
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    policy = root / "cnsnt.yaml"
    policy.write_text(
        "cnsnt: 1\n"
        "sources:\n"
        "  schemas: [{path: 'src/main/java/com/shop/model/*.java', format: jpa}]\n"
        "  queries: [{path: 'src/main/java/com/shop/repo/*', format: java}]\n"
    )
    return collect_evidence(load_policy(policy), jobs=1)


def _said(evidence: Evidence, file: str) -> list[tuple[Severity | None, int, str]]:
    return [
        (p.severity, p.location.line, p.message)
        for p in evidence.problems
        if p.location.path.endswith(file) and "derived" in p.message
    ]


def test_a_repository_of_a_store_cnsnt_skips_is_named_in_one_info_note(tmp_path: Path) -> None:
    ev = _audit(tmp_path, {"JdbcUserRepository.java": JDBC, "MongoUserRepository.java": MONGO, "UserRepository.java": JPA})
    jdbc = _said(ev, "JdbcUserRepository.java")
    assert len(jdbc) == 1
    severity, line, message = jdbc[0]
    assert severity == Severity.INFO and line == 7
    assert "JdbcUserRepository (line 7)" in message and "JDBC" in message and "not audited" in message
    assert "findByEmail" in message
    mongo = _said(ev, "MongoUserRepository.java")
    assert len(mongo) == 1 and mongo[0][0] == Severity.INFO and mongo[0][1] == 6
    assert "MongoUserRepository (line 6)" in mongo[0][2] and "MongoDB" in mongo[0][2]
    assert "2 derived queries" in mongo[0][2]
    # the JPA repository beside them is read as before, and says nothing
    assert "UserRepository.findByStatus" in {q.name for q in ev.queries}
    assert _said(ev, "/UserRepository.java") == []


def test_skipped_kotlin_repositories_are_one_note_per_file(tmp_path: Path) -> None:
    ev = _audit(tmp_path, {"Users.kt": KOTLIN})
    said = _said(ev, "Users.kt")
    assert len(said) == 1 and said[0][0] == Severity.INFO and said[0][1] == 7
    assert "ReactiveUserRepository (line 7)" in said[0][2]
    assert "SearchUserRepository (line 11)" in said[0][2] and "Elasticsearch" in said[0][2]
    assert not [q for q in ev.queries if "findBy" in q.name]


PERSON = """\
package com.shop.model;

import jakarta.persistence.*;

@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Person {
    @Id private Long id;
    private String name;
    @ManyToOne private Customer customer;
}
"""

EMPLOYEE = """\
package com.shop.model;

import jakarta.persistence.*;

@Entity
public class Employee extends Person {
    private long salary;
}
"""

CUSTOMER = """\
package com.shop.model;

import jakarta.persistence.*;

@Entity
public class Customer {
    @Id private Long id;
    private String email;
}
"""

EMPLOYEES = """\
package com.shop.repo;

import com.shop.model.*;
import org.springframework.data.jpa.repository.*;

public interface EmployeeRepository extends JpaRepository<Employee, Long> {
    @Query("SELECT e.salary FROM Employee e JOIN e.customer c WHERE c.email = ?1")
    List<Long> salariesOf(String email);

    @Query("SELECT e.customer.email FROM Employee e")
    List<String> emails();
}
"""


def test_a_relation_a_joined_parent_holds_joins_on_the_parents_key_column(tmp_path: Path) -> None:
    files = {"Person.java": PERSON, "Employee.java": EMPLOYEE, "Customer.java": CUSTOMER}
    for name, text in files.items():
        (tmp_path / "src/main/java/com/shop/model").mkdir(parents=True, exist_ok=True)
        (tmp_path / "src/main/java/com/shop/model" / name).write_text(text)
    ev = _audit(tmp_path, {"EmployeeRepository.java": EMPLOYEES})
    for owner in ("EmployeeRepository.salariesOf", "EmployeeRepository.emails"):
        query = next(q for q in ev.queries if q.name == owner)
        # the foreign key is the parent's column (person.customer_id), read to join customer's key
        assert {"Person.customer_id", "Customer.id"} <= {u.column for u in query.uses}, owner


MEMBERS = "CREATE TABLE members (id INT PRIMARY KEY, email TEXT, phone TEXT, last_name TEXT);\n"

JAVA_PROVIDER = """\
package com.shop.mapper;

import org.apache.ibatis.annotations.*;

public interface MemberMapper {
    @Select("SELECT email FROM members WHERE id = #{id}")
    String emailOf(long id);

    @SelectProvider(type = MemberSql.class, method = "search")
    List<Member> search(String phone);
}
"""

KOTLIN_MAPPER = '''\
package com.shop.mapper

import org.apache.ibatis.annotations.Select
import org.apache.ibatis.annotations.Update
import org.apache.ibatis.annotations.UpdateProvider

@Mapper
interface MemberMapper {
    @Select("SELECT phone FROM members WHERE id = #{id}")
    fun phoneOf(id: Long): String

    @Update(value = ["UPDATE members", "SET last_name = #{name}", "WHERE id = #{id}"])
    fun rename(id: Long, name: String)

    @UpdateProvider(type = MemberSql::class, method = "touch")
    fun touch(id: Long)
}
'''


def _mappers(root: Path, files: dict[str, str]) -> Evidence:
    (root / "db").mkdir()
    (root / "db/schema.sql").write_text(MEMBERS)
    for name, text in files.items():
        (root / "mapper").mkdir(exist_ok=True)
        (root / "mapper" / name).write_text(text)
    (root / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\n  queries: [{path: 'mapper/*', format: java}]\n"
    )
    return collect_evidence(load_policy(root / "cnsnt.yaml"), jobs=1)


def test_a_mybatis_sql_provider_is_said_not_passed_over(tmp_path: Path) -> None:
    ev = _mappers(tmp_path, {"MemberMapper.java": JAVA_PROVIDER})
    assert "com.shop.mapper.MemberMapper.emailOf" in {q.name for q in ev.queries}
    said = [p for p in ev.problems if "Provider" in p.message]
    assert len(said) == 1 and (said[0].location.line, said[0].location.column) == (9, 5)
    assert "@SelectProvider of com.shop.mapper.MemberMapper.search" in said[0].message
    assert "not audited" in said[0].message


def test_kotlin_mybatis_annotations_are_read_as_the_java_ones(tmp_path: Path) -> None:
    ev = _mappers(tmp_path, {"MemberMapper.kt": KOTLIN_MAPPER})
    uses = {q.name: {u.column: u.access.value for u in q.uses} for q in ev.queries}
    assert set(uses["com.shop.mapper.MemberMapper.phoneOf"]) == {"members.phone", "members.id"}
    assert uses["com.shop.mapper.MemberMapper.rename"]["members.last_name"] == "write"
    said = [p for p in ev.problems if "Provider" in p.message]
    assert len(said) == 1 and said[0].location.line == 15
    assert "@UpdateProvider of com.shop.mapper.MemberMapper.touch" in said[0].message


CHOOSING = """\
<?xml version="1.0" encoding="UTF-8"?>
<mapper namespace="com.shop.MemberMapper">
  <select id="ordered">SELECT id FROM members ORDER BY
    <choose><when test="byPhone">phone</when><otherwise>last_name</otherwise></choose></select>
  <select id="found">SELECT id FROM members
    <where>
      <choose>
        <when test="phone != null">phone = #{phone}</when>
        <when test="email != null">email = #{email}</when>
        <otherwise>last_name = #{name}</otherwise>
      </choose>
    </where></select>
  <select id="either">SELECT id FROM members WHERE id > 0 AND
    <choose><when test="p">phone = #{p}</when><otherwise>email = #{e}</otherwise></choose></select>
  <update id="touch">UPDATE members
    <set><choose><when test="p">phone = #{p}</when><otherwise>email = #{e}</otherwise></choose></set>
    WHERE id = #{id}</update>
  <select id="sorted">SELECT id FROM members
    <choose><when test="a">ORDER BY phone</when><otherwise>ORDER BY email</otherwise></choose></select>
</mapper>
"""


def test_choose_in_a_where_order_by_or_set_reads_every_branch(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    (tmp_path / "db/schema.sql").write_text(MEMBERS)
    (tmp_path / "MemberMapper.xml").write_text(CHOOSING)
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: db/schema.sql}]\n  queries: [{path: MemberMapper.xml, format: mybatis}]\n"
    )
    ev = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"), jobs=1)
    assert [p.message for p in ev.problems if "parse" in p.message] == []
    uses = {q.name.rsplit(".", 1)[-1]: {u.column for u in q.uses} for q in ev.queries}
    assert {"members.phone", "members.last_name"} <= uses["ordered"]
    assert {"members.phone", "members.email", "members.last_name"} <= uses["found"]
    assert {"members.phone", "members.email"} <= uses["either"]
    assert {"members.phone", "members.email"} <= uses["touch"]
    assert "members.phone" in uses["sorted"]  # alternatives of one clause: the first is read, as before


def test_a_delete_by_a_joined_parents_field_is_read() -> None:
    person = Entity("Person", "people", None, {"id": "id", "name": "full_name"}, {}, ("id",))
    employee = Entity(
        "Employee", "employees", None, {"id": "id", "salary": "salary"}, {}, ("id",), inherited={"name": "Person"}
    )
    entities = {"Person": person, "Employee": employee}
    # before: "a path through a relation outside a SELECT", and the query not audited
    mapped = to_sql("DELETE FROM Employee e WHERE e.name = ?1", entities)
    assert mapped.problem is None and mapped.sql is not None
    assert mapped.sql.startswith('DELETE FROM "employees" AS e_self WHERE e_self."id" IN (SELECT e."id" FROM')
    assert 'e_super_Person."full_name" = ?' in mapped.sql
    bare = to_sql("DELETE FROM Employee WHERE name = ?1", entities).sql
    assert bare is not None and 'Employee_super_Person."full_name" = ?' in bare
    # Spring Data's derived deleteByName is that query
    derived = derive("deleteByName", "Employee", employee, entities).jpql
    assert derived is not None and to_sql(derived, entities).sql is not None
    # a DELETE by its own fields is as before
    assert to_sql("DELETE FROM Employee e WHERE e.salary = 1", entities).sql == (
        'DELETE FROM "employees" AS e WHERE e."salary" = 1'
    )


CUSTOM_BASE = """\
package com.shop.repo;

import com.shop.model.User;

public interface UserRepository extends BaseRepository<User, Long> {
    List<User> findByEmail(String email);
}
"""

UNKNOWN_BASE = """\
package com.shop.repo;

public interface AuditRepository extends BaseRepository<AuditEntry, Long> {
    List<AuditEntry> findByActor(String actor);
}
"""


def test_a_repository_extending_a_projects_own_base_is_read_or_said(tmp_path: Path) -> None:
    ev = _audit(tmp_path, {"UserRepository.java": CUSTOM_BASE, "AuditRepository.java": UNKNOWN_BASE})
    # `@NoRepositoryBean interface BaseRepository<T, ID> extends JpaRepository<T, ID>`: of a JPA entity
    assert "UserRepository.findByEmail" in {q.name for q in ev.queries}
    said = _said(ev, "AuditRepository.java")
    assert len(said) == 1 and said[0][1] == 3 and "AuditRepository (line 3)" in said[0][2]
    assert "BaseRepository" in said[0][2] and "findByActor" in said[0][2] and "not audited" in said[0][2]
