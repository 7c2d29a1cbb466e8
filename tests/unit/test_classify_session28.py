"""Session 28: a key that copies another key's record, and a Turkish suffix read as a word.

A salary part keyed both to an employment and to a contract term of that employment
hangs on one person's record, not two (the copied key saves a join). `cihaz_markasi`
(a device's brand, Turkish `marka` + `si`) is no English `mark` glued to `asi`
(a vaccine). Schemas written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.classify.classifier import _TOKENIZER
from tests.unit.schema_entry import schema_tables as _read

PAYROLL = """
CREATE TABLE staff (uid varchar(32) PRIMARY KEY, vorname varchar(60), nachname varchar(60),
  email varchar(200));
CREATE TABLE employments (id int PRIMARY KEY, staff_uid varchar(32) REFERENCES staff(uid),
  started date, ended date);
CREATE TABLE contract_terms (id int PRIMARY KEY, employment_id int REFERENCES employments(id),
  kind varchar(20), valid_from date);
CREATE TABLE salary_parts (id int PRIMARY KEY, employment_id int REFERENCES employments(id),
  contract_term_id int REFERENCES contract_terms(id), weekly_hours int, comment text);
"""


def test_a_key_copied_from_the_record_it_reaches_leaves_one_record(tmp_path: Path) -> None:
    tables = _read(tmp_path, PAYROLL)
    kinds = table_verdicts(tables)
    assert kinds["contract_terms"].kind == "linked to people"
    assert kinds["salary_parts"].kind == "linked to people", kinds["salary_parts"]
    verdicts = classify_tables(tables)
    assert verdicts["salary_parts.comment"].personal, verdicts["salary_parts.comment"]


TWO_PEOPLE = """
CREATE TABLE customers (id int PRIMARY KEY, first_name varchar(60), last_name varchar(60),
  email varchar(200));
CREATE TABLE employees (id int PRIMARY KEY, first_name varchar(60), last_name varchar(60),
  email varchar(200));
CREATE TABLE tickets (id int PRIMARY KEY, customer_id int REFERENCES customers(id), opened date);
CREATE TABLE shifts (id int PRIMARY KEY, employee_id int REFERENCES employees(id), starts date);
CREATE TABLE assignments (id int PRIMARY KEY, ticket_id int REFERENCES tickets(id),
  shift_id int REFERENCES shifts(id), comment text);
"""


def test_keys_to_records_that_do_not_reach_each_other_still_both_count(tmp_path: Path) -> None:
    """A ticket's and a shift's key: two people's records, neither reached through the other."""
    kinds = table_verdicts(_read(tmp_path, TWO_PEOPLE))
    assert kinds["tickets"].kind == "linked to people"
    assert kinds["shifts"].kind == "linked to people"
    assert kinds["assignments"].kind == "not about people", kinds["assignments"]


def test_a_turkish_possessive_is_no_english_word_glued_to_a_turkish_one() -> None:
    assert _TOKENIZER.words("cihaz_markasi", ("tr", "en")) == ("cihaz", "markasi")
    # an English word before a long word of another language still splits
    assert _TOKENIZER.words("codiceiban", ("it", "en")) == ("codice", "iban")


def test_a_device_brand_in_a_customers_table_is_no_health_datum(tmp_path: Path) -> None:
    ddl = """
    CREATE TABLE musteriler (id int PRIMARY KEY, ad varchar(50), soyad varchar(50),
      cihaz_markasi varchar(100));
    """
    verdict = classify_tables(_read(tmp_path, ddl))["musteriler.cihaz_markasi"]
    assert verdict.category != "user.health", verdict
