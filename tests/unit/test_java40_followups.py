"""Follow-ups of the Java query readers (java40): path-join keys, `<choose>` in a select list,
an UPDATE of a JOINED parent's field. The inputs are written for these tests.
"""

from __future__ import annotations

from cnsnt.sql.jpql import Entity, to_sql

CUSTOMER = Entity(
    "Customer", "customers", None, {"id": "id", "email": "email"}, {"orders": "Order"}, ("id",),
)
ORDER = Entity(
    "Order", "orders", None, {"id": "id", "total": "total", "customer": "customer_id"},
    {"customer": "Customer"}, ("id",),
)
ENTITIES = {"Customer": CUSTOMER, "Order": ORDER}


def test_a_path_join_reads_the_key_columns_it_joins_on() -> None:
    to_one = to_sql("SELECT o.total FROM Order o JOIN o.customer c WHERE c.email = ?1", ENTITIES).sql
    assert to_one is not None and 'ON o."customer_id" = c."id"' in to_one
    to_many = to_sql("SELECT c.email FROM Customer c JOIN c.orders o WHERE o.total > 10", ENTITIES).sql
    assert to_many is not None and 'ON o."customer_id" = c."id"' in to_many
    implicit = to_sql("SELECT o.total FROM Order o WHERE o.customer.email = ?1", ENTITIES).sql
    assert implicit is not None and 'ON o."customer_id" = o_customer."id"' in implicit


CHOOSE_MAPPER = """\
<mapper namespace="m.Members">
  <select id="contact">
    SELECT id,
    <choose>
      <when test="byPhone">phone</when>
      <otherwise>email</otherwise>
    </choose>
    FROM members WHERE id = #{id}
  </select>
  <select id="filtered">
    SELECT id FROM members
    <where>
      <choose>
        <when test="a">AND phone = #{p}</when>
        <otherwise>AND email = #{e}</otherwise>
      </choose>
    </where>
  </select>
</mapper>
"""


def test_choose_in_a_select_list_reads_every_branch(tmp_path) -> None:
    from cnsnt.collect import collect_evidence
    from cnsnt.policy.loader import load_policy

    (tmp_path / "schema.sql").write_text("CREATE TABLE members (id INT PRIMARY KEY, email TEXT, phone TEXT);\n")
    (tmp_path / "Members.xml").write_text(CHOOSE_MAPPER)
    (tmp_path / "cnsnt.yaml").write_text(
        "cnsnt: 1\nsources:\n  schemas: [{path: schema.sql}]\n  queries: [{path: Members.xml}]\n"
    )
    ev = collect_evidence(load_policy(tmp_path / "cnsnt.yaml"), jobs=1)
    reads = {q.name: sorted(u.column for u in q.uses) for q in ev.queries}
    # before: `SELECT id, phone email`, email an alias of phone and not read
    assert reads["m.Members.contact"] == ["members.email", "members.id", "members.phone"]
    assert reads["m.Members.filtered"] == ["members.email", "members.id", "members.phone"]


PERSON = Entity("Person", "people", None, {"id": "id", "name": "full_name", "email": "email"}, {}, ("id",))
EMPLOYEE = Entity(
    "Employee", "employees", None, {"id": "id", "salary": "salary"}, {}, ("id",),
    {"name": "Person", "email": "Person"},
)
JOINED = {"Person": PERSON, "Employee": EMPLOYEE}


def test_an_update_of_a_joined_parents_field_writes_the_parents_table() -> None:
    mapped = to_sql("UPDATE Employee e SET e.name = :name WHERE e.salary > :floor", JOINED)
    # before: "a path through a relation outside a SELECT", and the query not audited
    assert mapped.problem is None and mapped.sql == (
        'UPDATE "people" AS e_super SET e_super."full_name" = :name WHERE e_super."id" IN '
        '(SELECT e."id" FROM "employees" AS e WHERE e."salary" > :floor)'
    )
    # its own field, a parent's in the WHERE: its own table, the parent joined in the SELECT
    own = to_sql("UPDATE Employee e SET e.salary = 1 WHERE e.email = :mail", JOINED).sql
    assert own is not None and own.startswith('UPDATE "employees" AS e_self SET e_self."salary" = 1')
    assert 'e_super_Person."email" = :mail' in own
    # fields of two tables in one SET: said as that, not as a relation path
    both = to_sql("UPDATE Employee e SET e.salary = 1, e.name = ?1", JOINED).problem
    assert both is not None and "different tables hold (Employee, Person" in both


def test_an_update_of_a_joined_parents_field_in_a_repository(tmp_path) -> None:
    from tests.unit.test_java_queries import _audit

    person = (
        "package org.example.clinic.model;\n\nimport jakarta.persistence.*;\n\n"
        "@Entity\n@Table(name = \"people\")\n@Inheritance(strategy = InheritanceType.JOINED)\n"
        "public abstract class Person {\n    @Id private Long id;\n    private String homeEmail;\n}\n"
    )
    nurse = (
        "package org.example.clinic.model;\n\nimport jakarta.persistence.*;\n\n"
        "@Entity\n@Table(name = \"nurses\")\npublic class Nurse extends Person {\n    private String badgeCode;\n}\n"
    )
    repository = (
        "package org.example.clinic.repository;\n\n"
        "public interface NurseRepository extends JpaRepository<Nurse, Long> {\n"
        '    @Modifying @Query("UPDATE Nurse n SET n.homeEmail = :e WHERE n.badgeCode = :b")\n'
        "    int moveEmail(String e, String b);\n}\n"
    )
    ev = _audit(tmp_path, **{
        "src/main/java/org/example/clinic/model/Person.java": person,
        "src/main/java/org/example/clinic/model/Nurse.java": nurse,
        "src/main/java/org/example/clinic/repository/NurseRepository.java": repository,
    })
    query = next(q for q in ev.queries if q.name == "NurseRepository.moveEmail")
    assert {u.column: u.access.value for u in query.uses} == {
        "people.home_email": "write", "people.id": "read", "nurses.id": "read", "nurses.badge_code": "read",
    }
