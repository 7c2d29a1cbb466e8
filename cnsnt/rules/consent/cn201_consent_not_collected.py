"""CN201."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.matching import column_matches, field_matches
from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext


class ConsentNotCollected(Rule):
    """## What it does
    Checks every purpose whose basis is `consent` or `explicit_consent`: it
    must say where consent is asked (`consent.form_fields`) or recorded
    (`consent.columns`), and each declared field or column must exist in the
    audited forms and schemas.

    ## Why is this bad?
    Consent you cannot show you collected is no consent. The controller must be
    able to demonstrate it (who agreed, to what, when), which needs a control
    on a form and a record in the database.

    ## Example
    ```yaml
    purposes:
      newsletter:
        description: Our monthly menu by email.
        basis: consent
    ```

    ## Use instead
    ```yaml
        consent:
          form_fields: [signup.newsletter_opt_in]
          columns: [customers.newsletter_consent_at]
    ```

    ## References
    - GDPR Art. 7(1) (demonstrating consent), Art. 6(1)(a), Art. 9(2)(a)
    - EDPB Guidelines 05/2020 on consent
    """

    code = "CN201"
    name = "consent-not-collected"
    severity = Severity.ERROR
    group = "consent"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Missing consent declarations, then declared controls or records that do not exist."""
        audited = ctx.evidence.audited
        field_keys = [k for f in ctx.evidence.fields if f.name is not None for k in f.keys]
        column_keys = [c.key for c in ctx.evidence.columns]
        for purpose in ctx.policy.purposes.values():
            if not purpose.needs_consent:
                continue
            subject = f"purpose:{purpose.name}"
            consent = purpose.consent
            if consent is None or not (consent.form_fields or consent.columns):
                yield self.finding(
                    subject,
                    f"purpose '{purpose.name}' relies on {purpose.basis.replace('_', ' ')} but does "
                    "not say where consent is asked or recorded",
                    "add consent: {form_fields: [FORM.FIELD], columns: [TABLE.COLUMN]}",
                    purpose.location,
                    policy_entry=f"purposes.{purpose.name}",
                )
                continue
            if "forms" in audited:
                for i, pattern in enumerate(consent.form_fields):
                    if not any(field_matches(pattern, k) for k in field_keys):
                        yield self.finding(
                            subject,
                            f"consent control {pattern} of purpose '{purpose.name}' is in no "
                            "audited form",
                            "fix the form.field name, or add the consent checkbox to the form",
                            ctx.policy.where("purposes", purpose.name, "consent", "form_fields", i),
                            policy_entry=f"purposes.{purpose.name}",
                        )
            if audited & {"schemas", "databases"}:
                for i, pattern in enumerate(consent.columns):
                    if not any(column_matches(pattern, k) for k in column_keys):
                        yield self.finding(
                            subject,
                            f"consent record {pattern} of purpose '{purpose.name}' is in no "
                            "audited schema",
                            "fix the table.column name, or add a column that records when and "
                            "to what the person consented",
                            ctx.policy.where("purposes", purpose.name, "consent", "columns", i),
                            policy_entry=f"purposes.{purpose.name}",
                        )
