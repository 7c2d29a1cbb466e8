"""CN303."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.evidence import Access
from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext
from cnsnt.rules.use.common import is_personal, suppression, under, who


class SelectStarPersonal(Rule):
    """`SELECT *` pulls personal columns the query does not need.

    ## What it does
    Finds `SELECT *` (and `t.*`) that pulls personal columns the rest of the
    query never uses, and names the columns the query does use, so the star
    can be replaced by exactly those. `EXISTS (SELECT * ...)` reads no
    columns and is not flagged; a star over a view is traced to the view's
    base columns.

    ## Why is this bad?
    A star copies every column into the application, its logs, caches and
    exports, including personal data the task does not need, and silently
    starts copying any column added later. Data minimisation asks for the
    data that is necessary, not the data that is convenient.

    ## Example
    ```sql
    SELECT * FROM customers WHERE id = $1;   -- the page shows only the name
    ```

    ## Use instead
    ```sql
    SELECT id, name FROM customers WHERE id = $1;
    ```

    ## References
    - GDPR Art. 5(1)(c) data minimisation; Art. 25 data protection by design and by default
    - CCPA §1798.100(c) (collection and use limited to what is necessary)
    """

    code = "CN303"
    name = "select-star-personal"
    severity = Severity.WARNING
    group = "use"
    needs = frozenset({"queries", "stored_code"})
    needs_any = True  # the statements inside a schema file's routines are queries too

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding per query and personal column only a star brought in."""
        for query in ctx.evidence.queries:
            reads = [u for u in query.uses if u.access is Access.READ]
            pulled = [u.column for u in reads if u.via_star and not u.needed]
            if not pulled:
                continue
            used = sorted({u.column for u in reads if u.needed})
            uses_text = f"it uses only {', '.join(used)}" if used else "it uses none of them"
            for key in pulled:
                if not is_personal(ctx, key):
                    continue
                yield self.finding(
                    key,
                    f"SELECT * in {who(query)} {under(query)} pulls personal column {key} that "
                    f"the query never uses; {uses_text}",
                    "list the columns the query needs instead of *"
                    + (f": {', '.join(used)}" if used else ""),
                    query.location,
                    suppressed=suppression(query, self.code),
                )
