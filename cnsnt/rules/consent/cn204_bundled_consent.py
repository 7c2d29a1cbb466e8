"""CN204."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from cnsnt.model import Finding, Location, Severity
from cnsnt.rules.base import Rule, RuleContext


class BundledConsent(Rule):
    """## What it does
    Finds one consent control that the policy declares for more than one
    purpose (the same `form.field` under several `purposes.*.consent.form_fields`).

    ## Why is this bad?
    Consent must be specific: a person who wants the newsletter but not
    profiling for ads cannot say so with a single box. Bundled consent is not
    freely given for any of the purposes it covers.

    ## Example
    ```yaml
    purposes:
      newsletter: {basis: consent, consent: {form_fields: [signup.marketing]}, ...}
      ad_profiling: {basis: consent, consent: {form_fields: [signup.marketing]}, ...}
    ```

    ## Use instead
    One checkbox per purpose: `signup.newsletter_opt_in`, `signup.ads_opt_in`.

    ## References
    - GDPR Art. 4(11) ("specific"), Art. 7(2), Recital 43
    - EDPB Guidelines 05/2020 on consent, §3.2 (granularity)
    """

    code = "CN204"
    name = "bundled-consent"
    severity = Severity.WARNING
    group = "consent"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Per audited field when forms were read, else per declared pattern."""
        policy = ctx.policy
        if "forms" in ctx.evidence.audited:
            for field in ctx.evidence.fields:
                if field.name is None:
                    continue
                purposes = sorted(p.name for p in ctx.index.consent_purposes_for_field(field))
                if len(purposes) > 1:
                    yield self._bundled(field.key, purposes, field.location, field.source)
            return
        by_pattern: dict[str, list[str]] = defaultdict(list)
        first_at: dict[str, Location | None] = {}
        for purpose in policy.purposes.values():
            if purpose.consent is None:
                continue
            for i, pattern in enumerate(purpose.consent.form_fields):
                key = pattern.lower()
                by_pattern[key].append(purpose.name)
                first_at.setdefault(
                    key, policy.where("purposes", purpose.name, "consent", "form_fields", i)
                )
        for key, purposes in sorted(by_pattern.items()):
            if len(purposes) > 1:
                yield self._bundled(key, sorted(purposes), first_at[key], None)

    def _bundled(
        self, subject: str, purposes: list[str], where: Location | None, source: str | None
    ) -> Finding:
        return self.finding(
            subject,
            f"consent control {subject} covers {len(purposes)} purposes at once: {', '.join(purposes)}",
            "give each purpose its own unticked checkbox",
            where,
            policy_entry=f"purposes.{purposes[0]}",
            source=source,
        )
