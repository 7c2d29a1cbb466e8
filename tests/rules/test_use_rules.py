"""CN301, CN302, CN303 and CN401 on TPC-DS queries and realistic application queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cnsnt.engine import run_rules
from cnsnt.evidence import Evidence
from cnsnt.model import Finding, Location
from cnsnt.policy.loader import load_policy
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from tests.conftest import CORPUS, corpus_path

TPC = CORPUS / "queries" / "tpc"

POLICY = """\
cnsnt: 1
controller: {name: Example Retail Ltd, contact: privacy@example.com}
purposes:
  billing: {description: To bill your orders., basis: contract}
  marketing:
    description: To send you offers.
    basis: consent
    consent: {columns: [customer.c_preferred_cust_flag]}
  analytics: {description: To understand sales., basis: legitimate_interests, interest: Planning.}
data:
  email:
    category: user.contact.email
    columns: [customer.c_email_address]
    purposes: [billing]
    retention: P2Y
  name:
    category: user.name
    columns: [customer.c_first_name, customer.c_last_name, customer.c_salutation]
    purposes: [billing, marketing]
    retention: P2Y
  birth_date:
    category: user.demographic.date_of_birth
    columns: [customer.c_birth_*]
    purposes: [billing]
    retention: P2Y
  login:
    category: user.account.username
    columns: [customer.c_login]
    purposes: [billing]
    retention: P2Y
roles:
  mailer: [marketing]
  bi: [analytics, billing]
"""


def audit(tmp_path: Path, files: dict[str, str], *, fmt: str | None = None,
          purpose: str | None = None, codes: tuple[str, ...] = ("CN301", "CN302", "CN303", "CN401"),
          ) -> tuple[list[Finding], list[Finding]]:
    (tmp_path / "cnsnt.yaml").write_text(POLICY)
    policy: Policy = load_policy(tmp_path / "cnsnt.yaml")
    ctx = SourceContext(base_dir=tmp_path, policy_purposes=tuple(policy.purposes),
                        roles={k: tuple(v) for k, v in policy.roles.items()})
    schema = corpus_path("queries/tpc/tpcds_schema.sql")
    evidence = read_ddl(schema, SourceSpec("schemas", "s", TPC, Location("x"), "duckdb"), ctx)
    ctx.tables = list(evidence.tables)
    evidence.audited.add("schemas")
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text)
        spec = SourceSpec("queries", name, tmp_path, Location("cnsnt.yaml"), "duckdb",
                          purpose=purpose, format=fmt)
        evidence.merge(read_queries(path, spec, ctx))
    active, suppressed, _ = run_rules(policy, evidence, select=codes, today=dt.date(2026, 1, 1))
    return active, suppressed


def rows(findings: list[Finding], code: str) -> list[tuple[str, str]]:
    return [(f.subject, str(f.location)) for f in findings if f.rule == code]


class _TpcDs:
    """TPC-DS queries of the shared corpus, read on first use (a test skips when it is absent)."""

    def __getitem__(self, i: int) -> str:
        text = corpus_path("queries/tpc/tpcds_queries.sql").read_text()
        return [q.strip() for q in text.split(";") if q.strip()][i]


TPCDS = _TpcDs()


# ------------------------------------------------------------------------ CN301


def test_cn301_marketing_export_reads_billing_only_data(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"export.sql": (
        "-- cnsnt: purpose=marketing\n"
        "SELECT c_first_name, c_email_address, c_birth_year FROM customer\n"
        "WHERE c_preferred_cust_flag = 'Y';\n")}, codes=("CN301",))
    assert rows(active, "CN301") == [
        ("customer.c_birth_year", "export.sql:2:1"),
        ("customer.c_email_address", "export.sql:2:1"),
    ]
    message = next(f.message for f in active if f.subject == "customer.c_email_address")
    assert message == (
        "query at export.sql:2:1 reads customer.c_email_address under purpose marketing "
        "(from the file annotation), but data:email is collected only for billing"
    )
    assert active[0].policy_entry == "data:birth_date"


def test_cn301_tpcds_q30_under_marketing_role(tmp_path: Path) -> None:
    log = "userid,rolname,calls,query\n" + f'1,mailer,7,"{TPCDS[29]}"\n'
    active, _ = audit(tmp_path, {"pgss.csv": log}, fmt="pg_stat_statements", codes=("CN301",))
    assert sorted(s for s, _ in rows(active, "CN301")) == [
        "customer.c_birth_country", "customer.c_birth_day", "customer.c_birth_month",
        "customer.c_birth_year", "customer.c_email_address", "customer.c_login",
    ]
    assert all("(role mailer, 7 calls)" in f.message and "(from the role mailer)" in f.message
               for f in active)


def test_cn301_passes_when_a_role_purpose_allows_it(tmp_path: Path) -> None:
    log = "rolname,query\n" + f'bi,"{TPCDS[29]}"\n'
    active, _ = audit(tmp_path, {"pgss.csv": log}, fmt="pg_stat_statements", codes=("CN301",))
    assert rows(active, "CN301") == []


def test_cn301_inline_ignore_is_reported_as_suppressed(tmp_path: Path) -> None:
    active, suppressed = audit(tmp_path, {"export.sql": (
        "-- cnsnt: purpose=marketing\n"
        "-- cnsnt: ignore CN301 approved by DPO, ticket PRIV-12\n"
        "SELECT c_email_address FROM customer;\n")}, codes=("CN301",))
    assert rows(active, "CN301") == []
    assert [(f.subject, f.suppressed) for f in suppressed] == [
        ("customer.c_email_address", "inline ignore: approved by DPO, ticket PRIV-12")
    ]


def test_cn301_writes_count(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"w.sql": (
        "UPDATE customer SET c_email_address = NULL WHERE c_customer_sk = 3;\n")},
        purpose="analytics", codes=("CN301",))
    assert rows(active, "CN301") == [("customer.c_email_address", "w.sql:1:1")]
    assert " writes customer.c_email_address under purpose analytics (from the source entry)" \
        in active[0].message


# ------------------------------------------------------------------------ CN302


def test_cn302_tpcds_query_without_purpose(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"q30.sql": TPCDS[29] + ";\n"}, codes=("CN302",))
    subjects = [s for s, _ in rows(active, "CN302")]
    assert {"customer.c_email_address", "customer.c_first_name", "customer.c_login"} <= set(
        subjects)
    assert all(loc == "q30.sql:1:1" for _, loc in rows(active, "CN302"))


def test_cn302_passes_with_a_purpose(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"q30.sql": "-- cnsnt: purpose=billing\n" + TPCDS[29]},
                      codes=("CN302",))
    assert rows(active, "CN302") == []


def test_cn302_passes_for_non_personal_queries(tmp_path: Path) -> None:
    # TPC-DS Q3 reads only dates, items and store sales.
    active, _ = audit(tmp_path, {"q3.sql": TPCDS[2]}, codes=("CN302",))
    assert rows(active, "CN302") == []


def test_cn302_log_line_with_unmapped_role(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"pgss.csv": "rolname,query\nintern,SELECT c_login FROM customer\n"},
                      fmt="pg_stat_statements", codes=("CN302",))
    assert [(f.subject, f.message) for f in active] == [(
        "customer.c_login",
        "query at pgss.csv:2 (role intern) reads personal data customer.c_login with no purpose; "
        "role intern is not in roles:",
    )]


# ------------------------------------------------------------------------ CN303


def test_cn303_select_star_on_customers(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"page.sql": (
        "-- cnsnt: purpose=billing\n"
        "SELECT * FROM customer WHERE c_customer_sk = $1 AND c_email_address IS NOT NULL;\n")},
        codes=("CN303",))
    subjects = [s for s, _ in rows(active, "CN303")]
    assert "customer.c_email_address" not in subjects  # the WHERE needs it
    assert {"customer.c_first_name", "customer.c_last_name", "customer.c_login",
            "customer.c_birth_year"} <= set(subjects)
    assert "it uses only customer.c_customer_sk, customer.c_email_address" in active[0].message


def test_cn303_passes_for_exists_select_star_in_tpcds_q10(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"q10.sql": "-- cnsnt: purpose=analytics\n" + TPCDS[9]},
                      codes=("CN303",))
    assert rows(active, "CN303") == []


def test_cn303_passes_with_explicit_columns(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"ok.sql": "SELECT c_first_name FROM customer;"},
                      codes=("CN303",))
    assert rows(active, "CN303") == []


# ------------------------------------------------------------------------ CN401


def test_cn401_declared_column_never_read(tmp_path: Path) -> None:
    active, _ = audit(tmp_path, {"q30.sql": TPCDS[29]}, codes=("CN401",))
    subjects = [s for s, _ in rows(active, "CN401")]
    # Q30 reads login, email and names; it never reads the customer's other personal data.
    assert "customer.c_login" not in subjects and "customer.c_email_address" not in subjects
    assert "customer.c_preferred_cust_flag" not in subjects  # a consent column
    written_only, _ = audit(tmp_path, {"w.sql": "INSERT INTO customer (c_login) VALUES ('x');"},
                            codes=("CN401",))
    login = next(f for f in written_only if f.subject == "customer.c_login")
    assert login.message.startswith("personal column customer.c_login is written by 1 query "
                                    "but is read by none of the 1 audited query")
    assert login.location is not None and login.location.path.endswith("tpcds_schema.sql")


def test_cn401_skipped_without_queries(tmp_path: Path) -> None:
    (tmp_path / "cnsnt.yaml").write_text(POLICY)
    policy = load_policy(tmp_path / "cnsnt.yaml")
    evidence = Evidence(audited={"schemas"})
    active, _, skipped = run_rules(policy, evidence, select=["CN401", "CN301"])
    assert active == [] and {s.rule for s in skipped} == {"CN401", "CN301"}


def test_cn401_skip_reason_is_true_when_stored_code_was_audited(tmp_path: Path) -> None:
    """Stored code in schemas counts for the use rules but not for CN401: its reason said
    "no queries were audited" beside a report counting the stored code's queries."""
    (tmp_path / "cnsnt.yaml").write_text(POLICY)
    policy = load_policy(tmp_path / "cnsnt.yaml")
    reasons = {}
    for audited in ({"schemas"}, {"schemas", "stored_code"}):
        _, _, skipped = run_rules(policy, Evidence(audited=set(audited)), select=["CN401", "CN301"])
        reasons[frozenset(audited)] = {s.rule: s.reason for s in skipped}
    stored = reasons[frozenset({"schemas", "stored_code"})]
    assert stored == {"CN401": "no `queries:` sources were audited; stored code in schemas does not count"}
    # the same words without stored code: true in both cases
    assert reasons[frozenset({"schemas"})] == {**stored, "CN301": "no queries were audited"}


@pytest.mark.parametrize("code", ["CN301", "CN302", "CN303", "CN401"])
def test_rule_docs_have_the_headings(code: str) -> None:
    from cnsnt.rules import get_rule

    rule = get_rule(code)
    assert rule is not None
    doc = rule.doc()
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                    "## References"):
        assert heading in doc
    assert "GDPR Art. 5(1)" in doc
