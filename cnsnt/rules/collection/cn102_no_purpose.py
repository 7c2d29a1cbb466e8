"""CN102."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext


class NoPurpose(Rule):
    """## What it does
    Flags a `data:` entry that lists no purpose.

    ## Why is this bad?
    Personal data may only be collected for specified, explicit purposes.
    Data declared without one is collected "because we can", and the notice
    cannot tell the customer why it is asked.

    ## Example
    ```yaml
    data:
      phone:
        category: user.contact.phone_number
        columns: [customers.phone]
        retention: P1Y
    ```

    ## Use instead
    ```yaml
        purposes: [reservations]
    ```
    or stop collecting the datum.

    ## References
    - GDPR Art. 5(1)(b) (purpose limitation), Art. 13(1)(c)
    - CCPA §1798.100(a)(1)
    """

    code = "CN102"
    name = "no-purpose"
    severity = Severity.ERROR
    group = "collection"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding per datum with an empty purpose list."""
        for datum in ctx.policy.data.values():
            if not datum.purposes:
                yield self.finding(
                    f"data:{datum.name}",
                    f"data entry '{datum.name}' has no purpose",
                    "list why it is collected under purposes:, or stop collecting it",
                    datum.location,
                    policy_entry=f"data.{datum.name}",
                )
