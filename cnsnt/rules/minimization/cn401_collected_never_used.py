"""CN401."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.evidence import Access
from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext
from cnsnt.rules.use.common import is_personal


class CollectedNeverUsed(Rule):
    """Personal data is stored but no audited query reads it.

    ## What it does
    Finds personal columns that are stored but that no audited query reads.
    Only runs when queries were audited (otherwise every column would look
    unused): not without a `queries:` source, nor when its files gave no
    query at all (a file cnsnt cannot parse, reported as CN001), and the
    audit says why it was skipped. Views are traced to their base tables. A column that queries
    only write (INSERT, UPDATE), or that only a `SELECT *` drags along
    without the query using it, still counts as never used.
    Columns that record consent are not reported.

    ## Why is this bad?
    Data nobody reads is data nobody needs: it only adds risk in a breach,
    work in every access or erasure request, and a line in the notice.
    Minimisation means not collecting it at all.

    ## Example
    ```sql
    CREATE TABLE customers (id INT, email TEXT, fax TEXT);  -- no query reads fax
    ```

    ## Use instead
    Stop collecting the column and drop it. If code outside the audited
    queries reads it, add those queries to `sources.queries`; if it must be
    kept (a legal obligation), add a waiver with the reason and an expiry.

    ## References
    - GDPR Art. 5(1)(c) data minimisation, 5(1)(e) storage limitation
    - GDPR Art. 25 data protection by design and by default
    """

    code = "CN401"
    name = "collected-never-used"
    severity = Severity.WARNING
    group = "minimization"
    needs = frozenset({"queries", "schemas"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Every personal base-table column that no query reads."""
        read: set[str] = set()
        written: dict[str, int] = {}
        for query in ctx.evidence.queries:
            for use in query.uses:
                if use.access is Access.READ:
                    if use.needed:
                        read.add(use.column.lower())
                else:
                    written[use.column.lower()] = written.get(use.column.lower(), 0) + 1
        total = len(ctx.evidence.queries)
        for table in ctx.evidence.tables:
            if table.is_view:
                continue
            for column in table.columns:
                key = column.key
                if key.lower() in read or not is_personal(ctx, key):
                    continue
                if ctx.index.is_consent_column(column):
                    continue
                data = ctx.index.data_for_column(key)
                writes = written.get(key.lower(), 0)
                how = f"is written by {writes} {'query' if writes == 1 else 'queries'} but " if writes else ""
                yield self.finding(
                    key,
                    f"personal column {key} {how}is read by none of the {total} audited "
                    f"{'query' if total == 1 else 'queries'}",
                    "stop collecting it and drop the column; if unaudited code reads it, add those "
                    "queries to sources.queries; if it must be kept, waive it with a reason",
                    column.location,
                    policy_entry=f"data:{data[0].name}" if data else None,
                    source=column.source,
                )
