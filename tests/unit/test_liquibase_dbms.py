"""Which changes of a Liquibase changelog run on the database it is read for."""

from __future__ import annotations

import pytest

from cnsnt.sources.schemas.liquibase_dbms import choose_target, precondition_runs, runs_on
from cnsnt.sources.schemas.xml_tree import parse_xml


@pytest.mark.parametrize(
    ("attr", "target", "runs"),
    [
        (None, "postgresql", True),
        ("postgresql", "postgresql", True),
        ("PostgreSQL", "postgresql", True),
        ("oracle, mssql", "postgresql", False),
        ("oracle, mssql", "mssql", True),
        ("!h2", "postgresql", True),
        ("!h2", "h2", False),
        ("!h2, !mysql", "mysql", False),
        ("all", "h2", True),
        ("none", "postgresql", False),
        ("mysql", None, True),  # a changelog that names no database: everything runs
    ],
)
def test_a_dbms_attribute_is_judged_as_liquibase_judges_it(attr, target, runs):
    assert runs_on(attr, target) is runs


@pytest.mark.parametrize(
    ("xml", "runs"),
    [
        ('<preConditions onFail="MARK_RAN"><dbms type="oracle"/></preConditions>', False),
        ('<preConditions onFail="MARK_RAN"><dbms type="postgresql"/></preConditions>', True),
        ('<preConditions onFail="WARN"><dbms type="oracle"/></preConditions>', True),
        ("<preConditions><not><dbms type=\"h2\"/></not></preConditions>", True),
        ("<preConditions><not><dbms type=\"postgresql\"/></not></preConditions>", False),
        ("<preConditions><or><dbms type=\"oracle\"/><dbms type=\"postgresql\"/></or></preConditions>", True),
        ("<preConditions><or><dbms type=\"oracle\"/><tableExists tableName=\"t\"/></or></preConditions>", True),
        ("<preConditions><dbms type=\"oracle\"/><tableExists tableName=\"t\"/></preConditions>", False),
        ("<preConditions><tableExists tableName=\"t\"/></preConditions>", True),  # not judged: runs
        ("<preConditions><not><dbms type=\"postgresql\"/><sqlCheck>x</sqlCheck></not></preConditions>", True),
    ],
)
def test_only_the_dbms_tests_of_a_precondition_are_judged(xml, runs):
    (pre,) = parse_xml(xml, "c.xml", "changelog").children
    assert precondition_runs(pre, "postgresql") is runs


def test_the_target_is_the_entry_s_dialect_else_the_database_named_most_else_the_first():
    assert choose_target(["oracle", "postgresql", "postgresql", "!h2"], None) == "postgresql"
    assert choose_target(["oracle", "postgresql", "postgresql", "oracle"], None) == "oracle"  # a tie: the first
    assert choose_target(["all", "none", "!h2"], None) is None
    assert choose_target(["oracle", "oracle"], "postgres") == "postgresql"
    assert choose_target(["mariadb", "oracle"], "mysql") == "mariadb"
    assert choose_target([], "duckdb") == "duckdb"
