"""CN206."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.policy.model import ARTICLE10_GROUNDS, Datum
from cnsnt.rules.base import Rule, RuleContext

#: What Art. 10 allows, said once for messages and fix lines.
_ARTICLE10_ONLY = (
    "Art. 10 allows it only under the control of official authority or where Union or "
    "Member State law authorises it"
)
_ARTICLE10_FIX = (
    "state the ground under data.{name}.condition: official_authority (processed under the "
    "control of official authority, as a court, the police or a probation service does) or "
    "authorised_by_law (a Union or Member State law authorises it and gives safeguards); "
    "if neither applies, do not process it"
)


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

    Criminal convictions and offences data (`user.criminal_history`, GDPR Art. 10)
    is checked apart: it must state one of Art. 10's two grounds,
    `condition: official_authority` (processed under the control of official
    authority) or `condition: authorised_by_law` (Union or Member State law
    authorises it), from the start, before it has purposes. Consent is no ground
    there, whatever the purposes' basis, and an Art. 9(2) condition on such data is a
    finding, as is an Art. 10 ground on Art. 9 data.

    ## Why is this bad?
    Processing special-category data is prohibited unless an Art. 9(2)
    condition applies. Ordinary consent, a contract or a legitimate interest
    is not enough on its own. Data about criminal convictions and offences may
    be processed only under the control of official authority or when a law
    authorises it with safeguards; a person's consent does not make it lawful.

    ## Example
    ```yaml
    data:
      allergies:
        category: user.health_and_medical
        purposes: [reservations]     # basis: contract
      case_number:
        category: user.criminal_history
        purposes: [probation]        # basis: public_task
    ```

    ## Use instead
    ```yaml
      allergies:
        condition: explicit_consent   # and purposes whose basis is explicit_consent
      case_number:
        condition: official_authority # or authorised_by_law
    ```
    or state the condition that really applies (`health_care`, `employment`...).

    ## References
    - GDPR Art. 9(1) and 9(2); Recital 51
    - GDPR Art. 10 (personal data relating to criminal convictions and offences)
    - CPRA §1798.121 (right to limit use of sensitive personal information)
    """

    code = "CN206"
    name = "special-category-without-explicit-consent"
    severity = Severity.ERROR
    group = "consent"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Special data whose purposes do not rest on explicit consent or a stated condition."""
        for datum in ctx.policy.data.values():
            if ctx.taxonomy.is_article10(datum.category):
                yield from self._article10(ctx, datum)
                continue
            if not _special_here(ctx, datum.category):
                continue
            kind = ctx.taxonomy.special_kind(datum.category) or "special-category data"
            if datum.condition in ARTICLE10_GROUNDS:
                yield self.finding(
                    f"data:{datum.name}",
                    f"'{datum.name}' is {kind} ({datum.category}), but its condition "
                    f"'{datum.condition}' is a GDPR Art. 10 ground, for criminal convictions "
                    "and offences data only: this data needs an Art. 9(2) condition",
                    f"state the Art. 9(2) condition that applies under data.{datum.name}.condition "
                    "(explicit_consent with purposes whose basis is explicit_consent, or "
                    "substantial_public_interest, health_care, employment, ...)",
                    datum.location,
                    policy_entry=f"data.{datum.name}",
                )
                continue
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

    def _article10(self, ctx: RuleContext, datum: Datum) -> Iterator[Finding]:
        """Criminal-offence data needs an Art. 10 ground; consent and Art. 9(2) give none."""
        if datum.condition in ARTICLE10_GROUNDS:
            return
        kind = ctx.taxonomy.special_kind(datum.category) or (
            "GDPR Art. 10 criminal convictions and offences data"
        )
        head = f"'{datum.name}' is {kind} ({datum.category})"
        if datum.condition is not None:
            consent = ", and consent is no ground there" if datum.condition == "explicit_consent" else ""
            message = (
                f"{head}, but its condition '{datum.condition}' is a GDPR Art. 9(2) condition, "
                f"which does not apply to it: {_ARTICLE10_ONLY}{consent}"
            )
        else:
            purposes = [
                p for name in datum.purposes if (p := ctx.policy.purposes.get(name)) is not None
            ]
            if purposes:
                bases = "; ".join(
                    f"purpose '{p.name}' rests on {p.basis.replace('_', ' ')}" for p in purposes
                )
                message = (
                    f"{head} and states no Art. 10 ground ({bases}): {_ARTICLE10_ONLY}, "
                    "and consent is no ground there"
                )
            else:
                # no purpose yet (a starter): CN102 asks for one, and this asks for the ground
                # no purpose's basis gives (before, nothing here said so until purposes existed)
                message = (
                    f"{head} and states no Art. 10 ground yet: {_ARTICLE10_ONLY}, whatever "
                    "purposes you give it, and consent is no ground there"
                )
        yield self.finding(
            f"data:{datum.name}",
            message,
            _ARTICLE10_FIX.format(name=datum.name),
            datum.location,
            policy_entry=f"data.{datum.name}",
        )
