"""CN103."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from cnsnt.model import Finding, Location, Severity
from cnsnt.rules.base import Rule, RuleContext


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class UnknownReference(Rule):
    """## What it does
    Finds references to things the policy does not define: a purpose or
    recipient named in a `data:` entry, a recipient's or role's purpose, a
    query source's purpose, a taxonomy key (data category or data use) that
    neither the shipped fideslang taxonomy nor the policy's own `taxonomy:`
    defines, and waivers for rule codes that do not exist.

    ## Why is this bad?
    A misspelt purpose silently detaches data from its legal basis; a made-up
    category hides special-category data from the checks that protect it.

    ## Example
    ```yaml
    data:
      email:
        category: user.contact.emial
        purposes: [newsleter]
    ```

    ## Use instead
    ```yaml
        category: user.contact.email
        purposes: [newsletter]
    ```
    To use a category of your own, define it under `taxonomy: categories:`.

    ## References
    - GDPR Art. 5(2) (accountability), Art. 30 (records of processing)
    - fideslang taxonomy (https://ethyca.github.io/fideslang/)
    """

    code = "CN103"
    name = "unknown-reference"
    severity = Severity.ERROR
    group = "collection"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Walk every reference in the policy."""
        policy, tax = ctx.policy, ctx.taxonomy
        purposes, recipients = set(policy.purposes), set(policy.recipients)

        def unknown(kind: str, name: str, where: Location | None, entry: str) -> Finding:
            known = purposes if kind == "purpose" else recipients
            return self.finding(
                f"{kind}:{name}",
                f"{entry} refers to {kind} '{name}', which is not defined{_did_you_mean(name, known)}",
                f"define it under {kind}s:, or fix the name",
                where,
                policy_entry=entry,
            )

        for datum in policy.data.values():
            for i, name in enumerate(datum.purposes):
                if name not in purposes:
                    yield unknown(
                        "purpose",
                        name,
                        policy.where("data", datum.name, "purposes", i),
                        f"data.{datum.name}",
                    )
            for i, name in enumerate(datum.recipients):
                if name not in recipients:
                    yield unknown(
                        "recipient",
                        name,
                        policy.where("data", datum.name, "recipients", i),
                        f"data.{datum.name}",
                    )
            if not tax.is_category(datum.category):
                suggestion = tax.suggest(datum.category, "category")
                yield self.finding(
                    f"data:{datum.name}",
                    f"data.{datum.name} uses data category '{datum.category}', which the taxonomy "
                    f"does not define" + (f"; did you mean '{suggestion}'?" if suggestion else ""),
                    "use a fideslang key (`cnsnt` ships them under policies/) or define it under "
                    "taxonomy: categories:",
                    policy.where("data", datum.name, "category"),
                    policy_entry=f"data.{datum.name}",
                )
        for purpose in policy.purposes.values():
            if purpose.use is not None and not tax.is_use(purpose.use):
                suggestion = tax.suggest(purpose.use, "use")
                yield self.finding(
                    f"purpose:{purpose.name}",
                    f"purposes.{purpose.name} uses data use '{purpose.use}', which the taxonomy does "
                    f"not define" + (f"; did you mean '{suggestion}'?" if suggestion else ""),
                    "use a fideslang data-use key or define it under taxonomy: uses:",
                    policy.where("purposes", purpose.name, "use"),
                    policy_entry=f"purposes.{purpose.name}",
                )
        for recipient in policy.recipients.values():
            for i, name in enumerate(recipient.purposes):
                if name not in purposes:
                    yield unknown(
                        "purpose",
                        name,
                        policy.where("recipients", recipient.key, "purposes", i),
                        f"recipients.{recipient.key}",
                    )
        for role, names in policy.roles.items():
            for i, name in enumerate(names):
                if name not in purposes:
                    yield unknown("purpose", name, policy.where("roles", role, i), f"roles.{role}")
        for spec in policy.sources:
            if spec.purpose is not None and spec.purpose not in purposes:
                yield unknown("purpose", spec.purpose, spec.location, f"sources.{spec.kind}")
        from cnsnt.rules import all_rules

        codes = {r.code for r in all_rules()}
        for waiver in policy.waivers:
            if waiver.rule not in codes:
                yield self.finding(
                    f"rule:{waiver.rule}",
                    f"a waiver names rule {waiver.rule}, which does not exist",
                    "see `cnsnt rules` for the rule codes",
                    waiver.location,
                    policy_entry="waivers",
                )
