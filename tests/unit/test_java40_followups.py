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
