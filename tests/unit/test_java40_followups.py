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
