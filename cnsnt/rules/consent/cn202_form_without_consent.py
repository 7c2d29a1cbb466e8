"""CN202."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.evidence import FieldRole
from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext


class FormWithoutConsent(Rule):
    """## What it does
    For each form, finds the data it collects that the policy uses for a
    consent-based purpose, and checks that the same form carries a consent
    control declared for that purpose.

    ## Why is this bad?
    When a booking form asks for an email that also feeds the newsletter, the
    guest must be able to say yes or no to the newsletter right there.
    Otherwise the email is used for marketing without consent.

    ## Example
    ```html
    <form id="booking"><input name="email" type="email"></form>
    ```
    with `email` used for `reservations` and `newsletter` (basis: consent).

    ## Use instead
    ```html
    <label><input type="checkbox" name="newsletter_opt_in"> Send me the monthly menu</label>
    ```
    declared under `purposes.newsletter.consent.form_fields: [booking.newsletter_opt_in]`,
    or stop using data from this form for that purpose.

    ## References
    - GDPR Art. 6(1)(a), Art. 7; ePrivacy Directive Art. 13 (direct marketing)
    - EDPB Guidelines 05/2020 on consent, §3.3 (specific consent)
    """

    code = "CN202"
    name = "form-without-consent"
    severity = Severity.ERROR
    group = "consent"
    needs = frozenset({"forms"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding per (form, consent-based purpose) left without a control."""
        purposes = ctx.policy.purposes
        for form in ctx.evidence.forms:
            consent_here = {
                p.name
                for f in form.fields
                if f.name is not None
                for p in ctx.index.consent_purposes_for_field(f)
            }
            missing: dict[str, list[str]] = {}
            for f in form.fields:
                if f.name is None or f.role is not FieldRole.INPUT:
                    continue
                for datum in ctx.index.data_for_field(f):
                    for name in datum.purposes:
                        purpose = purposes.get(name)
                        if purpose and purpose.needs_consent and name not in consent_here:
                            missing.setdefault(name, [])
                            if f.key not in missing[name]:
                                missing[name].append(f.key)
            for name, keys in sorted(missing.items()):
                first = next(f for f in form.fields if f.name is not None and f.key == keys[0])
                yield self.finding(
                    keys[0],
                    f"form '{form.name}' collects {', '.join(keys)}, used for '{name}' "
                    f"({purposes[name].basis.replace('_', ' ')}), but has no consent control "
                    f"for '{name}'",
                    f"add an unticked checkbox for '{name}' to the form and list it under "
                    f"purposes.{name}.consent.form_fields",
                    first.location,
                    policy_entry=f"purposes.{name}",
                    source=form.source,
                )
