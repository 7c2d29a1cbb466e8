"""CN403."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext


class UnusedPurpose(Rule):
    """## What it does
    Finds purposes that no `data:` entry lists.

    ## Why is this bad?
    A purpose without data is either dead text in the notice, telling
    customers about processing that does not happen, or a sign that the data
    it covers was never declared.

    ## Example
    ```yaml
    purposes:
      loyalty_programme: {description: Points for every visit., basis: contract}
    ```
    with no datum listing `loyalty_programme`.

    ## Use instead
    Add the purpose to the data it uses, or delete it.

    ## References
    - GDPR Art. 5(1)(a) (transparency), Art. 13(1)(c)
    """

    code = "CN403"
    name = "unused-purpose"
    severity = Severity.INFO
    group = "collection"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Purposes never referenced by data."""
        used = {name for d in ctx.policy.data.values() for name in d.purposes}
        for purpose in ctx.policy.purposes.values():
            if purpose.name not in used:
                yield self.finding(
                    f"purpose:{purpose.name}",
                    f"purpose '{purpose.name}' is defined but no data entry uses it",
                    "list it under the purposes: of the data it needs, or remove it",
                    purpose.location,
                    policy_entry=f"purposes.{purpose.name}",
                )
