"""CN302."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext
from cnsnt.rules.use.common import by_column, is_personal, query_purposes, suppression, verb, who


class UnattributedUse(Rule):
    """A query touches personal data with no purpose attributed to it.

    ## What it does
    Finds queries that read or write personal data while no purpose is
    attributed to them: no `-- cnsnt: purpose=NAME` comment, no purpose on
    their source entry, and no `roles:` entry for the database role that ran
    them.

    ## Why is this bad?
    Every processing of personal data needs a purpose and a legal basis.
    A query nobody can tie to a purpose cannot be checked against what was
    promised, and is often the ad-hoc analytics export that outlives its need.

    ## Example
    ```sql
    SELECT email, birth_date FROM customers WHERE created_at > now() - interval '7 days';
    ```

    ## Use instead
    Say what the query is for, with a purpose the policy defines:
    ```sql
    -- cnsnt: purpose=account_management
    SELECT email, birth_date FROM customers WHERE created_at > now() - interval '7 days';
    ```
    or give the source entry a `purpose:`, or map the database role in `roles:`.

    ## References
    - GDPR Art. 5(1)(b) purpose limitation, 5(2) accountability
    - GDPR Art. 30 (records of processing activities list the purposes)
    """

    code = "CN302"
    name = "unattributed-use"
    severity = Severity.WARNING
    group = "use"
    needs = frozenset({"queries", "stored_code"})
    needs_any = True  # the statements inside a schema file's routines are queries too

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding per unattributed query and personal column it touches."""
        for query in ctx.evidence.queries:
            if query_purposes(query):
                continue
            for key, accesses in by_column(query.uses).items():
                if not is_personal(ctx, key):
                    continue
                role = f"; role {query.role} is not in roles:" if query.role else ""
                yield self.finding(
                    key,
                    f"{who(query)} {verb(accesses)} personal data {key} with no purpose{role}",
                    "annotate the query with a purpose comment (see 'cnsnt explain CN302'), "
                    "give its source entry a purpose:, or map its database role under roles:",
                    query.location,
                    suppressed=suppression(query, self.code),
                )
