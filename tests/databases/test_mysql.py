"""MySQL/MariaDB, when CNSNT_TEST_MYSQL_URL names a server (skipped with the reason otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.databases.live import read_database
from cnsnt.sources.databases.session import read_only
from cnsnt.sources.databases.url import parse_database_url

SHOP = """
CREATE TABLE customers (
  id INT PRIMARY KEY AUTO_INCREMENT,
  email VARCHAR(200) NOT NULL,
  nickname VARCHAR(60) COMMENT 'Vorname des Kunden'
) COMMENT 'People who buy from us';
CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT,
  note TEXT,
  FOREIGN KEY (customer_id) REFERENCES customers (id)
);
INSERT INTO orders (id, note) VALUES (1, 'IT60X0542811101000000123456'), (2, 'DE89370400440532013000');
CREATE VIEW customer_emails AS SELECT id, email FROM customers;
"""


def read(url: str, sample: int = 0):
    spec = SourceSpec("databases", url, Path("."), Location("--db"))
    return read_database(spec, SourceContext(base_dir=Path("."), sample=sample))


def test_only_the_named_database_with_comments_keys_and_views(mysql_db):
    mysql_db("CREATE TABLE elsewhere (id INT PRIMARY KEY, email TEXT)")  # another database
    url = mysql_db(SHOP)
    ev = read(url, sample=10)
    assert ev.problems == []
    tables = {t.key: t for t in ev.tables}
    assert sorted(tables) == ["customer_emails", "customers", "orders"]
    assert tables["customers"].comment == "People who buy from us"
    assert tables["customers"].columns[2].comment == "Vorname des Kunden"
    assert tables["customer_emails"].is_view and tables["customer_emails"].dialect == "mysql"
    assert [fk.ref_table for fk in tables["orders"].foreign_keys] == ["customers"]
    assert ev.classified["orders.note"].reason == "2 of 2 sampled values are IBANs"


def test_the_transaction_is_read_only(mysql_db):
    db = parse_database_url(mysql_db(SHOP), Path("."))
    with read_only(db) as conn:
        if conn.dialect.is_mariadb:  # type: ignore[attr-defined]
            assert float(conn.exec_driver_sql("SELECT @@max_statement_time").scalar()) == 30
        else:
            assert conn.exec_driver_sql("SELECT @@max_execution_time").scalar() == 30000
        assert conn.exec_driver_sql("SELECT @@session.lock_wait_timeout").scalar() == 30
        customers = sa.table("customers", sa.column("email"))
        with pytest.raises(sa.exc.DBAPIError, match="READ ONLY"):
            conn.execute(sa.insert(customers).values(email="x@y.example"))
