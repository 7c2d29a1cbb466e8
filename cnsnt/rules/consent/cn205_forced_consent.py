"""CN205."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Confidence, Finding, Severity
from cnsnt.rules.base import Rule, RuleContext
from cnsnt.rules.consent.common import asks_optional_consent, consent_controls


class ForcedConsent(Rule):
    """## What it does
    Finds consent controls the form marks as `required`, so the form cannot be
    sent without saying yes. Declared consent controls always count; a
    checkbox that only looks like consent counts when it asks for optional
    processing (newsletter, marketing, opt-in), not for accepting terms.

    ## Why is this bad?
    Consent that is a condition of the service is not freely given. A guest
    who must accept marketing emails to book a table has not consented to them.

    ## Example
    ```html
    <input type="checkbox" name="newsletter_opt_in" required>
    ```

    ## Use instead
    ```html
    <input type="checkbox" name="newsletter_opt_in">
    ```

    ## References
    - GDPR Art. 7(4), Recital 43 (conditionality)
    - EDPB Guidelines 05/2020 on consent, §3.1.2
    """

    code = "CN205"
    name = "forced-consent"
    severity = Severity.ERROR
    group = "consent"
    needs = frozenset({"forms"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Required consent controls."""
        for field, declared in consent_controls(ctx):
            if not field.required or not (declared or asks_optional_consent(field)):
                continue
            yield self.finding(
                field.key,
                f"consent control {field.key} is required: the form cannot be sent without consenting",
                "make the checkbox optional and the service available without it",
                field.location,
                confidence=Confidence.HIGH if declared else Confidence.MEDIUM,
                source=field.source,
            )
