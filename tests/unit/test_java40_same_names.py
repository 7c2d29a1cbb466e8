"""Two JPA entity classes with one short name in different packages (java40).

Both are tables; a type reference (a relation, a repository's entity) and JPQL that names
the short name resolve by the file's imports and package, else a CN001 warning names both
candidates. The files are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.collect import collect_evidence
from cnsnt.evidence import Evidence
from cnsnt.policy.loader import load_policy

BILLING_ACCOUNT = """\
package com.shop.billing;

import jakarta.persistence.*;

@Entity
@Table(name = "billing_accounts")
public class Account {
    @Id private Long id;
    private String iban;
}
"""

CRM_ACCOUNT = """\
package com.shop.crm;

import jakarta.persistence.*;

@Entity
@Table(name = "crm_accounts")
public class Account {
    @Id private Long id;
    private String email;
}
"""

INVOICE = """\
package com.shop.billing;

import jakarta.persistence.*;

@Entity
public class Invoice {
    @Id private Long id;
    private String total;
    @ManyToOne private Account account;
}
"""

CRM_REPOSITORY = """\
package com.shop.repo;

import com.shop.crm.Account;
import org.springframework.data.jpa.repository.*;

public interface CrmRepository extends JpaRepository<Account, Long> {
    @Query("SELECT a.email FROM Account a")
    List<String> emails();

    @Query("SELECT i.total FROM Invoice i WHERE i.account.iban = ?1")
    List<String> totals(String iban);
}
"""

BOTH_REPOSITORY = """\
package com.shop.repo;

import com.shop.billing.*;
import com.shop.crm.*;
import org.springframework.data.jpa.repository.*;

public interface BothRepository {
    @Query("SELECT a.email FROM Account a")
    List<String> emails();

    @Query("SELECT a.email FROM com.shop.crm.Account a")
    List<String> qualified();
}
"""


def _audit(root: Path) -> Evidence:
    files = {
        "src/main/java/com/shop/billing/Account.java": BILLING_ACCOUNT,
        "src/main/java/com/shop/crm/Account.java": CRM_ACCOUNT,
        "src/main/java/com/shop/billing/Invoice.java": INVOICE,
        "src/main/java/com/shop/repo/CrmRepository.java": CRM_REPOSITORY,
        "src/main/java/com/shop/repo/BothRepository.java": BOTH_REPOSITORY,
        "pom.xml": "<project><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    policy = root / "cnsnt.yaml"
    policy.write_text(
        "cnsnt: 1\n"
        "sources:\n"
        "  schemas: [{path: 'src/main/java/com/shop/**/*.java', format: jpa}]\n"
        "  queries: [{path: 'src/main/java/com/shop/repo/*.java'}]\n"
    )
    return collect_evidence(load_policy(policy), jobs=1)


def _reads(evidence: Evidence, owner: str) -> list[str]:
    query = next(q for q in evidence.queries if q.name == owner)
    return sorted(u.column for u in query.uses)


def test_both_entities_with_one_short_name_are_tables(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    tables = {t.name: sorted(c.name for c in t.columns) for t in ev.tables}
    assert tables["billing_accounts"] == ["iban", "id"]
    assert tables["crm_accounts"] == ["email", "id"]
    # the relation in package com.shop.billing is to its own package's Account
    invoice = next(t for t in ev.tables if t.name == "invoice")
    assert [(fk.columns, fk.ref_table) for fk in invoice.foreign_keys] == [(("account_id",), "billing_accounts")]


def test_jpql_resolves_the_short_name_by_the_files_imports(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    assert _reads(ev, "CrmRepository.emails") == ["crm_accounts.email"]
    # a relation to the other Account is followed to its own table
    assert _reads(ev, "CrmRepository.totals") == [
        "billing_accounts.iban", "billing_accounts.id", "invoice.account_id", "invoice.total",
    ]
    assert _reads(ev, "BothRepository.qualified") == ["crm_accounts.email"]


def test_an_ambiguous_short_name_is_cn001_naming_both_candidates(tmp_path: Path) -> None:
    ev = _audit(tmp_path)
    assert not any(q.name == "BothRepository.emails" for q in ev.queries)
    said = [p for p in ev.problems if "BothRepository.emails" in p.message]
    assert len(said) == 1
    message = said[0].message
    assert "com.shop.billing.Account" in message and "com.shop.crm.Account" in message
    assert (said[0].location.line, said[0].location.column) == (8, 12)


ORDER = """\
package com.shop.orders;

import com.shop.billing.*;
import com.shop.crm.*;
import jakarta.persistence.*;

@Entity
public class PurchaseOrder {
    @Id private Long id;
    @ManyToOne private Account account;
}
"""


def test_a_relation_whose_file_does_not_tell_is_cn001_not_a_guess(tmp_path: Path) -> None:
    (tmp_path / "src/main/java/com/shop/orders").mkdir(parents=True)
    (tmp_path / "src/main/java/com/shop/orders/PurchaseOrder.java").write_text(ORDER)
    ev = _audit(tmp_path)
    order = next(t for t in ev.tables if t.name == "purchase_order")
    assert sorted(c.name for c in order.columns) == ["account_id", "id"]
    assert not order.foreign_keys
    said = [p for p in ev.problems if p.location.path.endswith("PurchaseOrder.java")]
    assert len(said) == 1
    assert "com.shop.billing.Account or com.shop.crm.Account" in said[0].message
    assert (said[0].location.line, said[0].location.column) == (7, 1)
