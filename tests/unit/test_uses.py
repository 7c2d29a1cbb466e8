"""Column resolution (cnsnt.sql.uses) on real corpus queries and their schemas.

Each construct of issue 4 is asserted with the exact set of resolved columns:
(column key, access, via_star, needed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Table
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.schemas.ddl import read_ddl
from cnsnt.sql.uses import ProblemKind, QuerySchema, StatementUses, analyse
from tests.conftest import corpus_path

R, W = "read", "write"


def ddl_tables(path: Path, dialect: str) -> list[Table]:
    spec = SourceSpec("schemas", path.name, path.parent, Location("cnsnt.yaml"), dialect)
    evidence = read_ddl(path, spec, SourceContext(base_dir=path.parent))
    assert not [p for p in evidence.problems if p.severity is None]
    return evidence.tables


def queries(path: Path) -> list[str]:
    return [q.strip() for q in path.read_text(encoding="utf-8").split(";") if q.strip()]


def uses(result: StatementUses) -> set[tuple[str, str, bool, bool]]:
    return {(u.column, u.access.value, u.via_star, u.needed) for u in result.uses}


def reads(result: StatementUses) -> set[str]:
    return {u.column for u in result.uses if u.access.value == R}


@pytest.fixture(scope="module")
def tpch() -> QuerySchema:
    return QuerySchema.from_tables(ddl_tables(corpus_path("queries/tpc/tpch_schema.sql"), "duckdb"), "duckdb")


@pytest.fixture(scope="module")
def tpcds() -> QuerySchema:
    return QuerySchema.from_tables(ddl_tables(corpus_path("queries/tpc/tpcds_schema.sql"), "duckdb"), "duckdb")


APP_DDL = """
CREATE TABLE customers (id INT PRIMARY KEY, email TEXT, full_name TEXT, phone TEXT,
                        birth_date DATE, manager_id INT);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total NUMERIC, note TEXT);
CREATE TABLE crm.leads (id INT, email TEXT, source TEXT);
CREATE TABLE archive.customers (id INT, email TEXT);
CREATE VIEW active_customers AS SELECT id, email, full_name FROM customers WHERE phone IS NOT NULL;
CREATE VIEW vip AS SELECT a.id, a.email FROM active_customers a JOIN orders o ON o.customer_id = a.id
  WHERE o.total > 1000;
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> QuerySchema:
    path = tmp_path_factory.mktemp("app") / "schema.sql"
    path.write_text(APP_DDL, encoding="utf-8")
    return QuerySchema.from_tables(ddl_tables(path, "postgres"), "postgres")


# --------------------------------------------------------------------------- TPC corpus


def test_every_tpch_query_resolves(tpch: QuerySchema) -> None:
    results = [analyse(q, tpch) for q in queries(corpus_path("queries/tpc/tpch_queries.sql"))]
    assert len(results) == 22
    assert [r.problems for r in results] == [()] * 22
    assert all(r.kind == "select" and r.uses for r in results)


def test_every_tpcds_query_resolves(tpcds: QuerySchema) -> None:
    results = [analyse(q, tpcds) for q in queries(corpus_path("queries/tpc/tpcds_queries.sql"))]
    assert len(results) == 99
    assert [(i + 1, r.problems) for i, r in enumerate(results) if r.problems] == []


def test_tpch_q4_exists_select_star_reads_no_columns(tpch: QuerySchema) -> None:
    # Correlated EXISTS (SELECT * ...): the star reads nothing, the predicates do.
    q4 = queries(corpus_path("queries/tpc/tpch_queries.sql"))[3]
    assert uses(analyse(q4, tpch)) == {
        ("lineitem.l_commitdate", R, False, True),
        ("lineitem.l_orderkey", R, False, True),
        ("lineitem.l_receiptdate", R, False, True),
        ("orders.o_orderdate", R, False, True),
        ("orders.o_orderkey", R, False, True),
        ("orders.o_orderpriority", R, False, True),
    }


def test_tpch_q13_derived_table_with_column_aliases_and_left_join(tpch: QuerySchema) -> None:
    q13 = queries(corpus_path("queries/tpc/tpch_queries.sql"))[12]
    assert reads(analyse(q13, tpch)) == {
        "customer.c_custkey", "orders.o_comment", "orders.o_custkey", "orders.o_orderkey",
    }


def test_tpch_q15_cte_with_column_list_and_scalar_subquery(tpch: QuerySchema) -> None:
    q15 = queries(corpus_path("queries/tpc/tpch_queries.sql"))[14]
    assert reads(analyse(q15, tpch)) == {
        "lineitem.l_discount", "lineitem.l_extendedprice", "lineitem.l_shipdate",
        "lineitem.l_suppkey", "supplier.s_address", "supplier.s_name", "supplier.s_phone",
        "supplier.s_suppkey",
    }


def test_tpch_q2_correlated_subquery_and_implicit_joins(tpch: QuerySchema) -> None:
    q2 = queries(corpus_path("queries/tpc/tpch_queries.sql"))[1]
    assert reads(analyse(q2, tpch)) == {
        "nation.n_name", "nation.n_nationkey", "nation.n_regionkey",
        "part.p_mfgr", "part.p_partkey", "part.p_size", "part.p_type",
        "partsupp.ps_partkey", "partsupp.ps_suppkey", "partsupp.ps_supplycost",
        "region.r_name", "region.r_regionkey",
        "supplier.s_acctbal", "supplier.s_address", "supplier.s_comment", "supplier.s_name",
        "supplier.s_nationkey", "supplier.s_phone", "supplier.s_suppkey",
    }


def test_tpcds_q30_cte_used_twice_reads_customer_personal_columns(tpcds: QuerySchema) -> None:
    q30 = queries(corpus_path("queries/tpc/tpcds_queries.sql"))[29]
    got = reads(analyse(q30, tpcds))
    customer = {k for k in got if k.startswith("customer.")}
    assert customer == {
        "customer.c_birth_country", "customer.c_birth_day", "customer.c_birth_month",
        "customer.c_birth_year", "customer.c_current_addr_sk", "customer.c_customer_id",
        "customer.c_customer_sk", "customer.c_email_address", "customer.c_first_name",
        "customer.c_last_name", "customer.c_last_review_date", "customer.c_login",
        "customer.c_preferred_cust_flag", "customer.c_salutation",
    }
    assert got - customer == {
        "customer_address.ca_address_sk", "customer_address.ca_state",
        "date_dim.d_date_sk", "date_dim.d_year", "web_returns.wr_return_amt",
        "web_returns.wr_returned_date_sk", "web_returns.wr_returning_addr_sk",
        "web_returns.wr_returning_customer_sk",
    }


def test_tpcds_q21_star_over_derived_table_whose_outputs_are_all_needed(tpcds: QuerySchema) -> None:
    q21 = queries(corpus_path("queries/tpc/tpcds_queries.sql"))[20]
    result = analyse(q21, tpcds)
    assert all(u.needed and not u.via_star for u in result.uses)
    assert "inventory.inv_quantity_on_hand" in reads(result)


def test_tpcds_q2_union_all_inside_cte(tpcds: QuerySchema) -> None:
    q2 = queries(corpus_path("queries/tpc/tpcds_queries.sql"))[1]
    got = reads(analyse(q2, tpcds))
    assert {"web_sales.ws_sold_date_sk", "web_sales.ws_ext_sales_price",
            "catalog_sales.cs_sold_date_sk", "catalog_sales.cs_ext_sales_price"} <= got
    assert {"date_dim.d_week_seq", "date_dim.d_day_name", "date_dim.d_date_sk",
            "date_dim.d_year"} <= got


# --------------------------------------------------------------------------- MIMIC-IV

MIMIC_ICUSTAY = {
    "mimiciv_hosp.admissions.admittime", "mimiciv_hosp.admissions.dischtime",
    "mimiciv_hosp.admissions.hadm_id", "mimiciv_hosp.admissions.hospital_expire_flag",
    "mimiciv_hosp.admissions.race", "mimiciv_hosp.admissions.subject_id",
    "mimiciv_hosp.patients.anchor_age", "mimiciv_hosp.patients.anchor_year",
    "mimiciv_hosp.patients.dod", "mimiciv_hosp.patients.gender",
    "mimiciv_hosp.patients.subject_id", "mimiciv_icu.icustays.hadm_id",
    "mimiciv_icu.icustays.intime", "mimiciv_icu.icustays.outtime",
    "mimiciv_icu.icustays.stay_id", "mimiciv_icu.icustays.subject_id",
}


@pytest.fixture(scope="module")
def mimic_tables() -> list[Table]:
    return ddl_tables(corpus_path("schemas/mimic-iv/create.sql"), "postgres")


def test_mimic_postgres_schema_qualified_names_and_create_table_as(mimic_tables: list[Table]) -> None:
    schema = QuerySchema.from_tables(mimic_tables, "postgres")
    drop, ctas = queries(corpus_path("queries/mimic-iv-postgres/icustay_detail.sql"))
    assert analyse(drop, schema) == StatementUses(kind="other")
    result = analyse(ctas, schema)
    assert result.kind == "create" and result.problems == ()
    assert reads(result) == MIMIC_ICUSTAY
    assert all(u.needed and not u.via_star for u in result.uses)


def test_mimic_age_joins_two_schemas(mimic_tables: list[Table]) -> None:
    schema = QuerySchema.from_tables(mimic_tables, "postgres")
    _, ctas = queries(corpus_path("queries/mimic-iv-postgres/age.sql"))
    assert reads(analyse(ctas, schema)) == {
        "mimiciv_hosp.admissions.admittime", "mimiciv_hosp.admissions.hadm_id",
        "mimiciv_hosp.admissions.subject_id", "mimiciv_hosp.patients.anchor_age",
        "mimiciv_hosp.patients.anchor_year", "mimiciv_hosp.patients.subject_id",
    }


def test_mimic_bigquery_project_qualified_names_match_the_postgres_schema(
    mimic_tables: list[Table],
) -> None:
    # `physionet-data.mimiciv_icu.icustays`: the project (catalog) is not in the schema.
    schema = QuerySchema.from_tables(mimic_tables, "bigquery")
    (query,) = queries(corpus_path("queries/mimic-iv-bigquery/icustay_detail.sql"))
    result = analyse(query, schema)
    assert result.problems == ()
    assert reads(result) == MIMIC_ICUSTAY


# --------------------------------------------------------------------------- constructs


def test_table_and_column_aliases(app: QuerySchema) -> None:
    result = analyse("SELECT c.email AS contact FROM customers AS c WHERE c.id = 1", app)
    assert uses(result) == {("customers.email", R, False, True), ("customers.id", R, False, True)}


def test_join_with_unqualified_columns(app: QuerySchema) -> None:
    result = analyse(
        "SELECT full_name, total FROM customers JOIN orders ON customer_id = customers.id", app
    )
    assert reads(result) == {
        "customers.full_name", "customers.id", "orders.total", "orders.customer_id",
    }


def test_schema_qualified_and_unique_unqualified_table_names(app: QuerySchema) -> None:
    assert reads(analyse("SELECT email FROM crm.leads", app)) == {"crm.leads.email"}
    assert reads(analyse("SELECT source FROM leads", app)) == {"crm.leads.source"}
    assert reads(analyse("SELECT email FROM archive.customers", app)) == {
        "archive.customers.email"
    }


def test_the_default_schema_names_a_table_defined_without_one(app: QuerySchema) -> None:
    # SimplCommerce's seed scripts write `[dbo].[Core_Country]`, its EF Core model names
    # `Core_Country` with no schema: each was "not in any audited schema" (75 CN001s)
    tsql = QuerySchema(app.specs, "tsql")
    result = analyse("INSERT [dbo].[Orders] ([Id], [Note]) VALUES (1, N'x')", tsql)
    assert (uses(result), result.problems) == (
        {("orders.id", W, False, True), ("orders.note", W, False, True)}, ()
    )
    result = analyse("SELECT c.email FROM public.customers c JOIN dbo.orders o ON o.customer_id = c.id", app)
    assert reads(result) == {"customers.email", "customers.id", "orders.customer_id"}
    assert result.problems == ()
    # another schema is another table, and a schema's own table stays its own
    assert [p.kind for p in analyse("SELECT note FROM sales.orders", app).problems] == [
        ProblemKind.UNKNOWN_TABLE
    ]
    assert reads(analyse("SELECT email FROM archive.customers", app)) == {"archive.customers.email"}


def test_tsql_statements_with_no_semicolon_between_them_are_each_read(app: QuerySchema) -> None:
    # SSMS scripts data one row per line, no `;`: the batch failed at its second INSERT
    tsql = QuerySchema(app.specs, "tsql")
    batch = (
        "INSERT [dbo].[Orders] ([Id], [Note]) VALUES (1, N'a')\n"
        "INSERT [dbo].[Orders] ([Id], [Total]) VALUES (2, 3.5)\n"
        "UPDATE customers SET phone = NULL WHERE id IN (SELECT customer_id FROM orders)\n"
        "DELETE FROM orders WHERE note = 'x'\n"
    )
    result = analyse(batch, tsql)
    assert result.problems == ()
    assert {(c, a) for c, a, _, _ in uses(result)} >= {
        ("orders.id", W), ("orders.note", W), ("orders.total", W), ("customers.phone", W),
        ("orders.customer_id", R),
    }
    # a MERGE's `THEN UPDATE` / `THEN INSERT` are its clauses: one statement, read whole
    merge = (
        "MERGE orders AS t USING customers AS s ON t.customer_id = s.id "
        "WHEN MATCHED THEN UPDATE SET note = s.email "
        "WHEN NOT MATCHED THEN INSERT (id, note) VALUES (s.id, s.email);"
    )
    assert analyse(merge, tsql).problems == ()
    # a piece that does not parse keeps the batch unread, as before; other dialects are not cut
    assert [p.kind for p in analyse("INSERT orders (id) VALUES (1)\nINSERT orders VALUES (", tsql).problems] == [
        ProblemKind.PARSE
    ]
    assert [p.kind for p in analyse("INSERT INTO orders (id) VALUES (1)\nINSERT INTO orders (id) VALUES (2)", app).problems] == [
        ProblemKind.PARSE
    ]


def test_tsql_if_blocks_read_their_condition_and_their_statements(app: QuerySchema) -> None:
    # `IF NOT EXISTS (...) INSERT ...` parsed and was read as nothing at all, without a word
    tsql = QuerySchema(app.specs, "tsql")
    result = analyse(
        "IF NOT EXISTS (SELECT * FROM customers WHERE email = N'a@example.com') "
        "INSERT customers (id, email) VALUES (1, N'a@example.com') "
        "ELSE UPDATE customers SET phone = NULL WHERE email = N'a@example.com'",
        tsql,
    )
    assert (result.kind, result.problems) == ("insert", ())
    assert uses(result) == {
        ("customers.email", R, False, True),  # the EXISTS reads what it filters on, not its star
        ("customers.id", W, False, True),
        ("customers.email", W, False, True),
        ("customers.phone", W, False, True),
    }
    # and a batch of them with no `;` between, each IF with its own statement
    batch = (
        "IF NOT EXISTS (SELECT * FROM orders WHERE id = 1) INSERT orders (id, note) VALUES (1, N'a')\n"
        "IF NOT EXISTS (SELECT * FROM orders WHERE id = 2) INSERT orders (id, note) VALUES (2, N'b')\n"
        "INSERT orders (id, total) VALUES (3, 1.5)\n"
    )
    result = analyse(batch, tsql)
    assert result.problems == ()
    assert {(c, a) for c, a, _, _ in uses(result)} == {
        ("orders.id", R), ("orders.id", W), ("orders.note", W), ("orders.total", W)
    }


def test_select_star_marks_columns_the_query_does_not_otherwise_use(app: QuerySchema) -> None:
    result = analyse("SELECT * FROM orders WHERE customer_id = $1", app)
    assert uses(result) == {
        ("orders.customer_id", R, True, True),
        ("orders.id", R, True, False),
        ("orders.note", R, True, False),
        ("orders.total", R, True, False),
    }


def test_table_star_only_for_its_table(app: QuerySchema) -> None:
    result = analyse(
        "SELECT o.*, c.full_name FROM orders o JOIN customers c ON c.id = o.customer_id", app
    )
    assert uses(result) == {
        ("orders.customer_id", R, True, True),
        ("orders.id", R, True, False),
        ("orders.note", R, True, False),
        ("orders.total", R, True, False),
        ("customers.full_name", R, False, True),
        ("customers.id", R, False, True),
    }


def test_star_in_subquery_traced_through_outer_use(app: QuerySchema) -> None:
    result = analyse("SELECT x.email FROM (SELECT * FROM customers) AS x", app)
    assert uses(result) == {
        ("customers.email", R, False, True),
        ("customers.birth_date", R, True, False),
        ("customers.full_name", R, True, False),
        ("customers.id", R, True, False),
        ("customers.manager_id", R, True, False),
        ("customers.phone", R, True, False),
    }


def test_unconsumed_outputs_of_a_cte_are_not_read(app: QuerySchema) -> None:
    result = analyse(
        "WITH c AS (SELECT id, email, phone FROM customers) SELECT id FROM c", app
    )
    assert uses(result) == {("customers.id", R, False, True)}


def test_union_passes_demand_to_each_branch_by_position(app: QuerySchema) -> None:
    sql = (
        "WITH everyone AS (SELECT id, email FROM customers UNION SELECT id, email FROM crm.leads)"
        " SELECT email FROM everyone"
    )
    assert uses(analyse(sql, app)) == {
        ("customers.email", R, False, True),
        ("crm.leads.email", R, False, True),
        # a UNION compares whole rows, but only `email` leaves the query
    }


def test_recursive_cte(app: QuerySchema) -> None:
    sql = """
        WITH RECURSIVE chain (id, manager_id, depth) AS (
            SELECT id, manager_id, 0 FROM customers WHERE id = 7
            UNION ALL
            SELECT c.id, c.manager_id, chain.depth + 1
            FROM customers c JOIN chain ON c.id = chain.manager_id
        )
        SELECT id, depth FROM chain
    """
    result = analyse(sql, app)
    assert result.problems == ()
    assert uses(result) == {("customers.id", R, False, True),
                            ("customers.manager_id", R, False, True)}


def test_view_reads_its_base_columns(app: QuerySchema) -> None:
    # The view filters on phone, so reading through it reads phone as well.
    result = analyse("SELECT email FROM active_customers", app)
    assert uses(result) == {
        ("customers.email", R, False, True),
        ("customers.phone", R, False, True),
    }


def test_star_over_view_is_traced_to_base_columns(app: QuerySchema) -> None:
    # id is needed by the WHERE, so the view's projection of it counts as needed.
    result = analyse("SELECT * FROM active_customers WHERE id = 3", app)
    assert uses(result) == {
        ("customers.email", R, True, False),
        ("customers.full_name", R, True, False),
        ("customers.id", R, False, True),
        ("customers.phone", R, False, True),
    }


def test_view_over_view(app: QuerySchema) -> None:
    result = analyse("SELECT email FROM vip", app)
    assert reads(result) == {
        "customers.email", "customers.id", "customers.phone", "orders.customer_id",
        "orders.total",
    }


def test_count_star_is_not_a_star_projection(app: QuerySchema) -> None:
    result = analyse("SELECT COUNT(*) FROM customers WHERE birth_date > '2000-01-01'", app)
    assert uses(result) == {("customers.birth_date", R, False, True)}


def test_insert_values_writes_listed_columns(app: QuerySchema) -> None:
    result = analyse("INSERT INTO customers (email, full_name) VALUES ('a@b.c', 'Ann')", app)
    assert uses(result) == {("customers.email", W, False, True),
                            ("customers.full_name", W, False, True)}


def test_insert_select_writes_target_and_reads_source(app: QuerySchema) -> None:
    result = analyse(
        "INSERT INTO archive.customers (id, email) SELECT id, email FROM customers "
        "WHERE birth_date < '1950-01-01'",
        app,
    )
    assert uses(result) == {
        ("archive.customers.email", W, False, True),
        ("archive.customers.id", W, False, True),
        ("customers.birth_date", R, False, True),
        ("customers.email", R, False, True),
        ("customers.id", R, False, True),
    }


def test_insert_select_star_copies_every_column(app: QuerySchema) -> None:
    # The copy needs every column the star brings: not a minimisation problem.
    result = analyse("INSERT INTO archive.customers SELECT * FROM crm.leads", app)
    assert uses(result) == {
        ("archive.customers.email", W, False, True),
        ("archive.customers.id", W, False, True),
        ("crm.leads.email", R, False, True),
        ("crm.leads.id", R, False, True),
        ("crm.leads.source", R, False, True),
    }


def test_insert_on_conflict_update(app: QuerySchema) -> None:
    result = analyse(
        "INSERT INTO customers (id, email) VALUES ($1, $2) "
        "ON CONFLICT (id) DO UPDATE SET email = excluded.email RETURNING full_name",
        app,
    )
    assert uses(result) == {
        ("customers.email", W, False, True),
        ("customers.id", W, False, True),
        ("customers.full_name", R, False, True),
    }


def test_update_writes_set_columns_and_reads_where(app: QuerySchema) -> None:
    result = analyse("UPDATE customers SET phone = NULL WHERE email = $1", app)
    assert uses(result) == {("customers.phone", W, False, True),
                            ("customers.email", R, False, True)}


def test_update_from_other_table(app: QuerySchema) -> None:
    result = analyse(
        "UPDATE customers c SET full_name = l.source FROM crm.leads l WHERE l.email = c.email",
        app,
    )
    assert uses(result) == {
        ("customers.full_name", W, False, True),
        ("customers.email", R, False, True),
        ("crm.leads.email", R, False, True),
        ("crm.leads.source", R, False, True),
    }


def test_delete_reads_where_and_using(app: QuerySchema) -> None:
    result = analyse(
        "DELETE FROM orders USING customers WHERE orders.customer_id = customers.id "
        "AND customers.birth_date IS NULL",
        app,
    )
    assert uses(result) == {
        ("orders.customer_id", R, False, True),
        ("customers.id", R, False, True),
        ("customers.birth_date", R, False, True),
    }


def test_delete_with_subquery(app: QuerySchema) -> None:
    result = analyse(
        "DELETE FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE total = 0)", app
    )
    assert uses(result) == {
        ("customers.id", R, False, True),
        ("orders.customer_id", R, False, True),
        ("orders.total", R, False, True),
    }


def test_merge(app: QuerySchema) -> None:
    result = analyse(
        "MERGE INTO customers t USING crm.leads s ON t.email = s.email "
        "WHEN MATCHED THEN UPDATE SET full_name = s.source "
        "WHEN NOT MATCHED THEN INSERT (email, full_name) VALUES (s.email, s.source)",
        app,
    )
    assert result.kind == "merge"
    assert uses(result) == {
        ("customers.email", R, False, True),
        ("customers.email", W, False, True),
        ("customers.full_name", W, False, True),
        ("crm.leads.email", R, False, True),
        ("crm.leads.source", R, False, True),
    }


def test_uses_are_sorted(app: QuerySchema) -> None:
    result = analyse("SELECT phone, email, id FROM customers", app)
    assert [u.column for u in result.uses] == sorted(u.column for u in result.uses)


# --------------------------------------------------------------------------- problems


def test_unknown_table_is_a_problem_not_a_crash(app: QuerySchema) -> None:
    result = analyse("SELECT email FROM newsletter_signups", app)
    assert result.uses == ()
    assert [(p.kind, p.message) for p in result.problems] == [
        (ProblemKind.UNKNOWN_TABLE, "table 'newsletter_signups' is not in any audited schema")
    ]


def test_star_over_unknown_table_is_reported(app: QuerySchema) -> None:
    result = analyse("SELECT * FROM customers c JOIN legacy_users u ON u.id = c.id", app)
    kinds = {p.kind for p in result.problems}
    assert ProblemKind.STAR in kinds and ProblemKind.UNKNOWN_TABLE in kinds
    assert any("legacy_users" in p.message for p in result.problems)


def test_unknown_table_in_update(app: QuerySchema) -> None:
    result = analyse("UPDATE people SET email = NULL WHERE id = 1", app)
    assert [p.kind for p in result.problems] == [ProblemKind.UNKNOWN_TABLE]


def test_unknown_column_is_reported(app: QuerySchema) -> None:
    result = analyse("SELECT fax FROM customers", app)
    assert [p.kind for p in result.problems] == [ProblemKind.UNKNOWN_COLUMN]


def test_ambiguous_table_is_reported(app: QuerySchema) -> None:
    # `customers` exists unqualified and as archive.customers; the bare name is the
    # unqualified table, so this resolves; a name only in two schemas would not.
    assert analyse("SELECT email FROM customers", app).problems == ()


def test_parse_error_is_a_problem(app: QuerySchema) -> None:
    result = analyse("SELECT FROM WHERE", app)
    assert result.kind == "unparsed"
    assert result.problems[0].kind is ProblemKind.PARSE
    assert "Token" not in result.problems[0].message


def test_statements_that_touch_no_data(app: QuerySchema) -> None:
    for sql in ("SET search_path = public", "BEGIN", "CREATE INDEX i ON customers (email)",
                "DROP TABLE IF EXISTS x"):
        assert analyse(sql, app) == StatementUses(kind="other"), sql


def test_statements_sqlglot_keeps_as_commands_are_read(app: QuerySchema, tmp_path: Path) -> None:
    """A server-side cursor (Django's, SQLAlchemy's), a prepared statement and MySQL's and
    SQLite's REPLACE are data statements: they were dropped without a word."""
    cursor = analyse(
        'DECLARE "_django_curs_1" NO SCROLL CURSOR WITHOUT HOLD FOR SELECT "customers"."email" '
        'FROM "customers" WHERE "customers"."id" > 1', app
    )
    assert cursor.kind == "select"
    assert reads(cursor) == {"customers.email", "customers.id"}
    prepared = analyse("PREPARE p (int) AS UPDATE customers SET phone = NULL WHERE id = $1", app)
    assert prepared.kind == "update" and ("customers.phone", W, False, True) in uses(prepared)
    assert analyse("DECLARE c CURSOR FOR SELEC email", app).problems[0].kind is ProblemKind.UNSUPPORTED
    path = tmp_path / "schema.sql"
    path.write_text(APP_DDL.split(";")[0] + ";", encoding="utf-8")
    mysql = QuerySchema.from_tables(ddl_tables(path, "mysql"), "mysql")
    for sql in ("REPLACE INTO customers (email) VALUES ('a@b.c')",
                "REPLACE LOW_PRIORITY customers SET email = 'a@b.c'"):
        assert uses(analyse(sql, mysql)) == {("customers.email", W, False, True)}, sql
    copied = analyse("REPLACE INTO customers (phone) SELECT email FROM customers", mysql)
    assert uses(copied) == {("customers.phone", W, False, True), ("customers.email", R, False, True)}
    broken = analyse("REPLACE INTO customers (email) VALUES ('a') junk junk", mysql)
    assert broken.problems[0].kind is ProblemKind.UNSUPPORTED


def test_a_mysql_prepare_from_a_string_reads_the_statement_in_it(app: QuerySchema,
                                                                  tmp_path: Path) -> None:
    """MySQL's `PREPARE p FROM '...'` (a MariaDB general and slow log writes it as sent) was a
    CN001 'PREPARE statement not understood'; from a variable it is dynamic SQL, still so."""
    path = tmp_path / "schema.sql"
    path.write_text(APP_DDL.split(";")[0] + ";", encoding="utf-8")
    mysql = QuerySchema.from_tables(ddl_tables(path, "mysql"), "mysql")
    prepared = analyse("PREPARE byid FROM 'SELECT email FROM customers WHERE phone = ''it''''s'' "
                       "AND id = ?'", mysql)
    assert prepared.kind == "select" and prepared.problems == ()
    assert reads(prepared) == {"customers.email", "customers.phone", "customers.id"}
    dynamic = analyse("PREPARE byid FROM @sql", mysql)
    assert dynamic.problems[0].kind is ProblemKind.UNSUPPORTED


def test_system_catalog_queries_are_skipped(app: QuerySchema) -> None:
    assert analyse("SELECT relname FROM pg_catalog.pg_class", app).problems == ()
    assert analyse("SELECT * FROM information_schema.tables", app).problems == ()


def test_copy_from_writes_its_columns_and_copy_to_reads_them(app: QuerySchema) -> None:
    """pg_dump's `COPY ... FROM stdin` loads rows: writes, as an INSERT; `COPY ... TO` exports: reads."""
    got = analyse('COPY customers (id, email, "full_name") FROM stdin', app)
    assert got.kind == "insert"
    assert uses(got) == {(f"customers.{c}", W, False, True) for c in ("id", "email", "full_name")}
    assert {u.column for u in analyse("COPY customers FROM stdin", app).uses} == {
        f"customers.{c}" for c in ("id", "email", "full_name", "phone", "birth_date", "manager_id")
    }
    exported = analyse("COPY customers (email, phone) TO stdout", app)
    assert (exported.kind, uses(exported)) == ("select", {("customers.email", R, False, True), ("customers.phone", R, False, True)})
    # a whole table's export needs every column: no star finding (CN303)
    assert all(u.needed and not u.via_star for u in analyse("COPY customers TO stdout", app).uses)
    assert reads(analyse("COPY (SELECT email FROM crm.leads) TO stdout", app)) == {"crm.leads.email"}
    unknown = analyse("COPY nope (a) FROM stdin", app)
    assert [p.kind for p in unknown.problems] == [ProblemKind.UNKNOWN_TABLE]


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        # a table-valued function: its name, not the schema's ('SELECT * over dbo')
        ("SELECT * FROM dbo.GetList(1, 2) WHERE Status = 1", "SELECT * over dbo.GetList("),
        # a table unknown in a T-SQL statement is named with the schema it is written with
        ("SELECT i.UserID FROM dbo.Ids i", "table 'dbo.ids' is not in any audited schema"),
    ],
)
def test_a_tsql_source_that_is_no_table_is_named_as_written(tmp_path: Path, sql: str, named: str) -> None:
    path = tmp_path / "schema.sql"
    path.write_text("CREATE TABLE dbo.Users (UserID INT, Email VARCHAR(80));\n", encoding="utf-8")
    schema = QuerySchema.from_tables(ddl_tables(path, "tsql"), "tsql")
    messages = [p.message for p in analyse(sql, schema).problems]
    assert any(m.startswith(named) for m in messages), messages


@pytest.mark.parametrize(
    "sql",
    [
        # Germadent's umc_MergeRights: a CTE is the MERGE's source
        "WITH src (UserID, Email) AS (SELECT 1, 'a') MERGE dbo.Users AS trg USING src "
        "ON (trg.UserID = src.UserID) WHEN MATCHED THEN UPDATE SET Email = src.Email",
        "WITH src AS (SELECT 1 AS UserID) UPDATE dbo.Users SET Email = 'x' "
        "WHERE UserID IN (SELECT UserID FROM src)",
    ],
)
def test_a_cte_read_by_a_merge_or_update_is_no_unknown_table(tmp_path: Path, sql: str) -> None:
    path = tmp_path / "schema.sql"
    path.write_text("CREATE TABLE dbo.Users (UserID INT, Email VARCHAR(80));\n", encoding="utf-8")
    schema = QuerySchema.from_tables(ddl_tables(path, "tsql"), "tsql")
    result = analyse(sql, schema)
    assert [p.message for p in result.problems] == []
    assert "dbo.users.email" in {u.column.lower() for u in result.uses}


TSQL_USERS = "CREATE TABLE dbo.Users (UserID INT, Email VARCHAR(80), Phone VARCHAR(20), Name VARCHAR(50));\n"


@pytest.fixture
def tsql_users(tmp_path: Path) -> QuerySchema:
    path = tmp_path / "schema.sql"
    path.write_text(TSQL_USERS, encoding="utf-8")
    return QuerySchema.from_tables(ddl_tables(path, "tsql"), "tsql")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        # what flows into a scratch table is read where it comes from
        ("INSERT INTO #picked (UserID, Mail) SELECT UserID, Email FROM dbo.Users", {"UserID:read", "Email:read"}),
        ("INSERT @names SELECT UserID, Name FROM dbo.Users", {"UserID:read", "Name:read"}),
        ("SELECT Phone INTO #copy FROM dbo.Users", {"Phone:read"}),
        # a scratch table read alone reads no audited column, and names no unknown table
        ("SELECT i.UserID, Mail FROM #picked i", set()),
        ("SELECT * FROM ##everyone", set()),
        ("SELECT Nick FROM @names WHERE Nick LIKE 'a%'", set()),
        ("DELETE FROM @names", set()),
        ("DELETE u FROM dbo.Users u JOIN #gone g ON g.UserID = u.UserID", {"UserID:read"}),
        # joined, the other table's columns are read, unqualified ones too
        ("SELECT Nick, Phone FROM @names n JOIN dbo.Users u ON u.UserID = n.UserID", {"Phone:read", "UserID:read"}),
        (
            "SELECT * FROM #picked p JOIN dbo.Users u ON u.UserID = p.UserID",
            {"UserID:read", "Email:read", "Phone:read", "Name:read"},
        ),
        # a subquery over a scratch table: sqlglot stopped at its unqualified column
        ("SELECT Email FROM dbo.Users WHERE UserID IN (SELECT UserID FROM @names)", {"UserID:read", "Email:read"}),
        (
            "SELECT Email FROM dbo.Users u WHERE EXISTS (SELECT 1 FROM #picked WHERE Mail = u.Email)",
            {"Email:read"},
        ),
        # a scratch table written from an audited one, and the other way round
        (
            "UPDATE @names SET Nick = u.Name FROM @names n JOIN dbo.Users u ON u.UserID = n.UserID",
            {"UserID:read", "Name:read"},
        ),
        (
            "MERGE dbo.Users AS t USING #picked AS s ON t.UserID = s.UserID "
            "WHEN MATCHED THEN UPDATE SET t.Email = s.Mail;",
            {"UserID:read", "Email:write"},
        ),
        # a scratch table is no audited table of the same name
        ("SELECT Email FROM #Users", set()),
        # in a nested join's parentheses, and under a star a query around it reads
        (
            "SELECT Email FROM dbo.Users u RIGHT JOIN (#z INNER JOIN @y y ON y.k = #z.k) ON u.UserID = #z.id",
            {"UserID:read", "Email:read"},
        ),
        ("WITH x AS (SELECT * FROM @z) SELECT Phone, x.Nick FROM x JOIN dbo.Users u ON u.UserID = x.id", {"UserID:read", "Phone:read"}),
        # a column of a table in a nested join is that table's, not the scratch table's
        ("SELECT Phone, Nick FROM @z z JOIN (dbo.Users u JOIN #y y ON y.k = u.UserID) ON z.k = y.k", {"UserID:read", "Phone:read"}),
        # rows made of a parameter: a subquery over them lost its whole statement too
        (
            "SELECT Email FROM dbo.Users u WHERE u.UserID IN (SELECT Id FROM OPENJSON(@j) WITH (Id INT))",
            {"UserID:read", "Email:read"},
        ),
        ("SELECT Email FROM dbo.Users WHERE Name IN (SELECT value FROM STRING_SPLIT(@s, ','))", {"Name:read", "Email:read"}),
        ("SELECT * FROM OPENJSON(@j)", set()),
    ],
)
def test_tsql_scratch_tables_are_no_unknown_tables_and_what_flows_through_them_is_read(
    tsql_users: QuerySchema, sql: str, expected: set[str]
) -> None:
    result = analyse(sql, tsql_users)
    assert [p.message for p in result.problems] == []
    assert {f"{u.column.split('.')[-1]}:{u.access.value}" for u in result.uses} == expected
    assert {u.column.rsplit(".", 1)[0] for u in result.uses} <= {"dbo.Users"}


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        ("UPDATE u SET u.Email = NULL FROM dbo.Users u WHERE u.Phone IS NULL", {"Email:write", "Phone:read"}),
        (
            "UPDATE u SET Name = p.Mail FROM #picked p JOIN dbo.Users u ON u.UserID = p.UserID",
            {"Name:write", "UserID:read"},
        ),
        ("UPDATE dbo.Users SET Email = NULL FROM dbo.Users WHERE Phone IS NULL", {"Email:write", "Phone:read"}),
        # the FROM's table is another one: the target is a table of its own, as before
        ("UPDATE dbo.Users SET Name = n.Nick FROM @names n WHERE n.UserID = dbo.Users.UserID", {"Name:write", "UserID:read"}),
    ],
)
def test_a_tsql_update_of_an_alias_writes_the_table_of_its_from(
    tsql_users: QuerySchema, sql: str, expected: set[str]
) -> None:
    result = analyse(sql, tsql_users)
    assert [p.message for p in result.problems] == []
    assert {f"{u.column.split('.')[-1]}:{u.access.value}" for u in result.uses} == expected
    assert {u.column.rsplit(".", 1)[0] for u in result.uses} == {"dbo.Users"}


@pytest.mark.parametrize("dialect", [None, "mysql", "postgres"])
def test_sqlc_parameter_macros_are_parameters_not_columns(tmp_path: Path, dialect: str | None) -> None:
    """sqlc's `sqlc.arg("cutoff")`, `sqlc.narg(b)`, `sqlc.slice('ids')` name what the Go code
    passes (unkey's query files: 151 "could not be resolved" warnings); the columns beside
    them still resolve."""
    path = tmp_path / "schema.sql"
    path.write_text(APP_DDL, encoding="utf-8")
    schema = QuerySchema.from_tables(ddl_tables(path, "postgres"), dialect)
    result = analyse(
        'SELECT email FROM customers WHERE birth_date < sqlc.arg("cutoff") '
        "AND manager_id = sqlc.narg(manager) AND id IN (sqlc.slice('ids'))",
        schema,
    )
    assert not result.problems
    assert reads(result) == {"customers.email", "customers.birth_date", "customers.manager_id", "customers.id"}
    # `sqlc.embed(o)` is every column of `o`, as `o.*` is
    embedded = analyse(
        "SELECT c.email, sqlc.embed(o) FROM customers c JOIN orders o ON o.customer_id = c.id",
        schema,
    )
    assert not embedded.problems
    assert {"orders.note", "orders.total"} <= reads(embedded)
