"""CN203."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Confidence, Finding, Severity
from cnsnt.rules.base import Rule, RuleContext
from cnsnt.rules.consent.common import consent_controls

#: Forms written as JSON, whose pre-ticked box is a `default: true`.
_JSON_KINDS = frozenset({"jsonschema", "fhir-questionnaire"})


class PreTickedConsent(Rule):
    """## What it does
    Finds consent controls that are ticked before the person touches them:
    an HTML checkbox with `checked`, a JSON-Schema boolean with
    `default: true`, a Django `BooleanField(initial=True)` or a WTForms
    `BooleanField(default=True)`. Consent controls are those the policy declares under
    `purposes.*.consent.form_fields`, plus checkboxes that look like one
    (newsletter, opt-in, consent, agree...). A `checked` that a template
    prints only under a condition (re-showing the person's own earlier choice)
    is reported as a warning to check by hand.

    ## Why is this bad?
    Silence, pre-ticked boxes or inactivity are not consent: consent must be
    an active, affirmative act. A pre-ticked newsletter box makes every
    signup a marketing "yes" nobody gave.

    ## Example
    ```html
    <input type="checkbox" name="newsletter_opt_in" checked>
    ```

    ## Use instead
    ```html
    <input type="checkbox" name="newsletter_opt_in">
    ```

    ## References
    - GDPR Recital 32, Art. 4(11), Art. 7
    - CJEU C-673/17 Planet49 (2019): a pre-ticked box is not valid consent
    """

    code = "CN203"
    name = "pre-ticked-consent"
    severity = Severity.ERROR
    group = "consent"
    needs = frozenset({"forms"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Checked consent controls."""
        json_forms = {(f.source, f.name) for f in ctx.evidence.forms if f.kind in _JSON_KINDS}
        for field, declared in consent_controls(ctx):
            if not field.checked:
                continue
            how = (
                "has default: true"
                if (field.source, field.form) in json_forms
                else "is checked by default"
            )
            if field.checked_conditionally:
                yield self.finding(
                    field.key,
                    f"consent control {field.key} is checked when a template condition holds; "
                    "make sure it only re-shows the person's own earlier choice",
                    "never tick a consent box on the server's initiative",
                    field.location,
                    severity=Severity.WARNING,
                    confidence=Confidence.LOW,
                    source=field.source,
                )
                continue
            yield self.finding(
                field.key,
                f"consent control {field.key} {how}",
                "remove the checked attribute / default: consent must be an active opt-in",
                field.location,
                confidence=Confidence.HIGH if declared else Confidence.MEDIUM,
                source=field.source,
            )
