"""CN301."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext
from cnsnt.rules.use.common import by_column, query_purposes, suppression, under, verb, who


class UseBeyondPurpose(Rule):
    """A query uses a column for a purpose the data was not collected for.

    ## What it does
    Finds queries that read or write a declared column under a purpose that
    the column's `data:` entries do not list. A query's purpose comes from a
    `-- cnsnt: purpose=NAME` comment, the file's first such comment, the
    database role that ran it (`roles:`) or the `purpose:` of its source entry.

    ## Why is this bad?
    Personal data may only be processed for the purposes it was collected for
    and that the notice names. A marketing export that reads allergy notes
    taken for table bookings uses the data for something the guest never
    agreed to or was told about.

    ## Example
    ```sql
    -- cnsnt: purpose=newsletter
    SELECT c.email, b.allergies FROM customers c JOIN bookings b ON b.customer_id = c.id;
    ```
    where `allergies` lists only `purposes: [reservations]`.

    ## Use instead
    Read only what the purpose needs, or, when the new use is lawful and stated
    in the notice, add the purpose to the datum:
    ```sql
    -- cnsnt: purpose=newsletter
    SELECT c.email FROM customers c WHERE c.newsletter_consent_at IS NOT NULL;
    ```

    ## References
    - GDPR Art. 5(1)(b) purpose limitation; Art. 6(4) compatible further processing
    - GDPR Art. 9 (special categories need their own condition per purpose)
    - CCPA §1798.100(c) (use reasonably necessary and proportionate to the disclosed purposes)
    """

    code = "CN301"
    name = "use-beyond-purpose"
    severity = Severity.ERROR
    group = "use"
    needs = frozenset({"queries", "stored_code"})
    needs_any = True  # the statements inside a schema file's routines are queries too

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding per query and declared column used outside its purposes."""
        for query in ctx.evidence.queries:
            purposes = query_purposes(query)
            if not purposes:
                continue
            for key, accesses in by_column(query.uses).items():
                if ctx.index.column_ignored(key):
                    continue
                data = ctx.index.data_for_column(key)
                if not data:
                    continue  # undeclared columns are CN101's
                allowed = sorted({p for d in data for p in d.purposes})
                if any(p in allowed for p in purposes):
                    continue
                names = ", ".join(f"data:{d.name}" for d in data)
                for_what = (
                    f"collected only for {', '.join(allowed)}"
                    if allowed
                    else "declared with no purpose"
                )
                yield self.finding(
                    key,
                    f"{who(query)} {verb(accesses)} {key} {under(query)}, but {names} is "
                    f"{for_what}",
                    f"stop using {key} for {', '.join(purposes)}, or add the purpose to "
                    f"{names} if the use is lawful and stated in the notice",
                    query.location,
                    policy_entry=f"data:{data[0].name}",
                    suppressed=suppression(query, self.code),
                )
