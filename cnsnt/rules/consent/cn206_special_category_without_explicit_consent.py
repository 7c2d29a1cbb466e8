"""CN206."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext


def _special_here(ctx: RuleContext, key: str) -> bool:
    """Special under the regime in force: GDPR Art. 9 (and policy-declared special keys)
    always; CPRA sensitive personal information only with `--preset ccpa` or `strict`,
    since under the GDPR a card number or a password rests on a contract like any datum.
    """
    return ctx.taxonomy.special_under(key, cpra=ctx.preset in ("ccpa", "strict"))


class SpecialCategoryWithoutExplicitConsent(Rule):
    """## What it does
    Checks every `data:` entry whose category is special (GDPR Art. 9: health,
    genetic, biometric, racial or ethnic origin, religion, politics, trade
    union, sex life; with `--preset ccpa` or `strict` also CPRA sensitive
    personal information). Unless the entry
    states another Art. 9(2) condition (`condition: health_care`, ...), each of
    its purposes must rest on `explicit_consent`.

    ## Why is this bad?
    Processing special-category data is prohibited unless an Art. 9(2)
    condition applies. Ordinary consent, a contract or a legitimate interest
    is not enough on its own.

    ## Example
    ```yaml
    data:
      allergies:
        category: user.health_and_medical
        purposes: [reservations]     # basis: contract
    ```

    ## Use instead
    ```yaml
        condition: explicit_consent   # and purposes whose basis is explicit_consent
    ```
    or state the condition that really applies (`health_care`, `employment`...).

    ## References
    - GDPR Art. 9(1) and 9(2); Recital 51
    - CPRA §1798.121 (right to limit use of sensitive personal information)
    """

    code = "CN206"
    name = "special-category-without-explicit-consent"
    severity = Severity.ERROR
    group = "consent"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Special data whose purposes do not rest on explicit consent or a stated condition."""
        for datum in ctx.policy.data.values():
            if not _special_here(ctx, datum.category):
                continue
            kind = ctx.taxonomy.special_kind(datum.category) or "special-category data"
            if datum.condition is not None and datum.condition != "explicit_consent":
                continue
            weak = [
                p
                for name in datum.purposes
                if (p := ctx.policy.purposes.get(name)) is not None
                and p.basis != "explicit_consent"
            ]
            for purpose in weak:
                yield self.finding(
                    f"data:{datum.name}",
                    f"'{datum.name}' is {kind} ({datum.category}) but purpose '{purpose.name}' "
                    f"rests on {purpose.basis.replace('_', ' ')}, not explicit consent",
                    f"set purposes.{purpose.name}.basis to explicit_consent with its own consent "
                    f"control, or state the Art. 9(2) condition under data.{datum.name}.condition",
                    datum.location,
                    policy_entry=f"data.{datum.name}",
                )
