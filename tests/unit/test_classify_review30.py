"""review30 D1 and D3: a Turkish CRM's glued table initials and glued customer keys.

Every schema here is written for these tests after the repros of review30 (a service
firm's employees, customers and quotes, each column named with its table's initial),
read through the SQL reader as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables, table_verdicts
from cnsnt.classify.glued import glued_prefixes
from cnsnt.classify.implied import with_implied_keys
from cnsnt.model import Confidence
from tests.unit.schema_entry import schema_tables as _read
from tests.unit.schema_entry import schema_verdicts as _verdicts

# -- D1: `ctckn` is `c` (for `calisanlar`) + `tckn`, a national id

EMPLOYEES = """
CREATE TABLE calisanlar (id INT PRIMARY KEY, ctckn VARCHAR(11), csifre TEXT, ciban TEXT,
  cdogum DATE, ceposta TEXT, tckn VARCHAR(11), sifre TEXT, dogum_tarihi DATE);
"""


def test_a_column_past_its_tables_glued_initial_gets_the_terms_category(tmp_path: Path) -> None:
    """The prefixed names get what the unprefixed ones beside them get, and say how they were read."""
    got = _verdicts(tmp_path, EMPLOYEES)
    expected = {
        "ctckn": "user.government_id.national_identification_number",
        "csifre": "user.authorization.password",
        "ciban": "user.financial.bank_account",
        "cdogum": "user.demographic.date_of_birth",  # not a date of their doings
        "ceposta": "user.contact.email",
    }
    for column, category in expected.items():
        verdict = got[f"calisanlar.{column}"]
        assert verdict.personal and verdict.category == category, verdict
        assert f"'{column}' ('c' + '{column[1:]}')" in verdict.reason, verdict.reason
        # read past a prefix inferred from the other columns: fairly sure, not sure
        assert verdict.confidence is Confidence.MEDIUM, verdict
    assert got["calisanlar.tckn"].confidence is Confidence.HIGH


CUSTOMERS = """
CREATE TABLE musteriler (id INT PRIMARY KEY, mkayitturu TEXT, mbadi TEXT, mbsoyadi TEXT,
  mbdogumgunu DATE, mbfirmaadi TEXT, mbankadi TEXT, miban TEXT, madres TEXT, milce TEXT,
  mtel TEXT, meposta TEXT, msifre TEXT, ckangrubu TEXT, created_at TIMESTAMP);
"""


def test_a_second_glued_letter_some_columns_share_is_read_past_too(tmp_path: Path) -> None:
    """`mbdogumgunu` is `mb` + a birthday; `mbankadi` is `m` + a bank's name, not `mb` + `ankadi`."""
    got = _verdicts(tmp_path, CUSTOMERS)
    assert got["musteriler.mbdogumgunu"].category == "user.demographic.date_of_birth"
    assert "('mb' + 'dogumgunu')" in got["musteriler.mbdogumgunu"].reason
    assert got["musteriler.mbsoyadi"].category == "user.name.last"
    assert got["musteriler.mbankadi"].category == "user.financial.bank_account"
    assert "('m' + 'bankadi')" in got["musteriler.mbankadi"].reason
    assert got["musteriler.madres"].category == "user.contact.address"  # not Spanish mothers
    assert got["musteriler.msifre"].category == "user.authorization.password"
    # a column without the table's initial is read as it is written
    assert not got["musteriler.created_at"].personal


def test_a_blood_group_behind_the_initial_is_health_data(tmp_path: Path) -> None:
    """Art. 9(1): `ckangrubu` in a table whose columns are `c` + a term is a blood group."""
    ddl = """
    CREATE TABLE calisanlar (id INT PRIMARY KEY, cadi TEXT, csoyadi TEXT, ctel TEXT,
      ceposta TEXT, ckangrubu TEXT);
    """
    verdict = _verdicts(tmp_path, ddl)["calisanlar.ckangrubu"]
    assert verdict.personal and (verdict.category or "").startswith("user.health"), verdict


def test_names_that_start_with_one_letter_by_chance_have_no_prefix(tmp_path: Path) -> None:
    """`city`, `country`, `company`: most start with `c`, but no name past it is a term."""
    ddl = """
    CREATE TABLE customers (id INT PRIMARY KEY, city TEXT, country TEXT, company TEXT,
      comment TEXT, created_at TIMESTAMP, email TEXT);
    CREATE TABLE tareas (id INT PRIMARY KEY, tarea TEXT, tarea_clase TEXT, tarea_objeto TEXT,
      tiempo INT);
    CREATE TABLE sch_information (id INT PRIMARY KEY, information_text TEXT,
      information_section TEXT, information_date DATE);
    """
    tables = {t.name: t for t in _read(tmp_path, ddl)}
    for name in tables:
        assert glued_prefixes(tables[name], ("en", "es", "fr")) == (), name
    got = classify_tables(list(tables.values()))
    assert "' + '" not in got["sch_information.information_text"].reason


def test_a_glued_reading_never_takes_a_verdict_away(tmp_path: Path) -> None:
    """`cevadres` is `c` + `ev` (home) + `adres`: no date, whatever `ev` reads as alone."""
    ddl = """
    CREATE TABLE calisanlar (id INT PRIMARY KEY, cadi TEXT, csoyadi TEXT, ctel TEXT,
      ceposta TEXT, cevadres TEXT);
    """
    assert _verdicts(tmp_path, ddl)["calisanlar.cevadres"].personal


# -- D3: a quote keyed to its customer by `musteriid` is about the customer's people

QUOTES = """
CREATE TABLE musteriler (id INTEGER PRIMARY KEY, ad TEXT, eposta TEXT);
CREATE TABLE teklifler (id INTEGER PRIMARY KEY, musteriid INTEGER, teklif_veren_adsoyad TEXT,
  teklif_veren_email TEXT, teklif_veren_telefon TEXT, teklif_veren_sirket TEXT);
CREATE TABLE teklif_kalemleri (id INTEGER PRIMARY KEY, teklifid INTEGER, paid INTEGER,
  valid INTEGER, android INTEGER, tutar INTEGER);
"""


def test_a_glued_key_names_its_table_as_an_underscored_one_does(tmp_path: Path) -> None:
    """`musteriid` -> `musteriler`, `teklifid` -> `teklifler`; `paid`, `valid`, `android` are no keys."""
    for key in ("musteriid", "musteri_id"):
        tables = with_implied_keys(_read(tmp_path, QUOTES.replace("musteriid", key)))
        implied = {(t.name, k.columns[0]): k.ref_table for t in tables for k in t.foreign_keys if k.implied}
        assert implied[("teklifler", key)] == "musteriler"
        assert implied[("teklif_kalemleri", "teklifid")] == "teklifler"
        for word in ("paid", "valid", "android", "tutar"):
            assert ("teklif_kalemleri", word) not in implied


def test_a_quote_keyed_to_a_customer_is_not_about_organisations(tmp_path: Path) -> None:
    """A company column beside the requester's name, e-mail and phone does not make the row a company's.

    The key says whose quote it is: the customer's, a person or the contact person of a
    firm, whose name and e-mail are personal data (GDPR Art. 4(1); Recital 14 leaves out
    only a legal person's own data).
    """
    for key in ("musteriid", "musteri_id"):
        ddl = QUOTES.replace("musteriid", key)
        verdict = table_verdicts(_read(tmp_path, ddl))["teklifler"]
        assert verdict.kind != "about organisations", verdict
        assert f"'{key}' references 'musteriler'" in verdict.reason, verdict.reason
        got = _verdicts(tmp_path, ddl)
        for column in ("teklif_veren_adsoyad", "teklif_veren_email", "teklif_veren_telefon"):
            assert got[f"teklifler.{column}"].personal, got[f"teklifler.{column}"]


def test_a_companys_contacts_without_a_key_to_people_stay_the_companys(tmp_path: Path) -> None:
    """The narrowing: with no key to people, a row naming a company with its e-mail is the company's."""
    ddl = """
    CREATE TABLE tedarikciler (id INTEGER PRIMARY KEY, firma_adi TEXT, vergi_no TEXT,
      email TEXT, telefon TEXT);
    """
    verdict = table_verdicts(_read(tmp_path, ddl))["tedarikciler"]
    assert verdict.kind == "about organisations", verdict
