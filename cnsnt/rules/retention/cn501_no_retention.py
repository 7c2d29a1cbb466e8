"""CN501."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext

#: ISO 8601 duration (PnYnMnWnDTnHnMnS), at least one component. Linear: anchored, and
#: each possessive digit run is followed by a letter, so it is never given back.
_ISO_DURATION = re.compile(
    r"^P(?!$)(\d++Y)?(\d++M)?(\d++W)?(\d++D)?(T(?=\d)(\d++H)?(\d++M)?(\d++(\.\d++)?S)?)?$"
)
#: Looks like a duration (starts with P). Linear: one possessive run (fullmatch).
_DURATION_LIKE = re.compile(r"P[\w.]*+")


def is_iso_duration(text: str) -> bool:
    """True for `P2Y`, `P30D`, `PT12H`; False for `P`, `2Y`, `P1.5Y`."""
    return bool(_ISO_DURATION.match(text))


class NoRetention(Rule):
    """## What it does
    Finds `data:` entries without a `retention:` period, and periods that look
    like an ISO 8601 duration but are not one (`P2`, `P1.5Y`). A retention may
    be an ISO 8601 duration (`P2Y`, `P30D`) or a sentence a customer can
    check ("until you close your account").

    ## Why is this bad?
    Data kept without a limit is kept forever. The notice must say how long
    data is stored or the criteria that decide it.

    ## Example
    ```yaml
    data:
      email: {category: user.contact.email, purposes: [newsletter]}
    ```

    ## Use instead
    ```yaml
      email: {category: user.contact.email, purposes: [newsletter], retention: P2Y}
    ```

    ## References
    - GDPR Art. 5(1)(e) (storage limitation), Art. 13(2)(a)
    - CCPA §1798.100(a)(3) (retention at collection)
    """

    code = "CN501"
    name = "no-retention"
    severity = Severity.ERROR
    group = "retention"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Missing or malformed retention periods."""
        for datum in ctx.policy.data.values():
            subject = f"data:{datum.name}"
            if datum.retention is None:
                yield self.finding(
                    subject,
                    f"data entry '{datum.name}' has no retention period",
                    "add retention: an ISO 8601 duration such as P2Y, or a sentence such as "
                    "'until you close your account'",
                    datum.location,
                    policy_entry=f"data.{datum.name}",
                )
                continue
            for lang, text in sorted(datum.retention.values.items(), key=lambda kv: kv[0] or ""):
                value = text.strip()
                if _DURATION_LIKE.fullmatch(value) and not is_iso_duration(value):
                    yield self.finding(
                        subject,
                        f"retention '{value}' of '{datum.name}'"
                        + (f" ({lang})" if lang else "")
                        + " is not a valid ISO 8601 duration",
                        "write it like P2Y (2 years), P6M (6 months), P30D (30 days)",
                        ctx.policy.where("data", datum.name, "retention"),
                        policy_entry=f"data.{datum.name}",
                    )
