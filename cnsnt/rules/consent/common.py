"""What the consent rules share: which form controls are consent controls."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cnsnt.evidence import FieldRole, FormField
from cnsnt.rules.base import RuleContext

#: Names that ask for consent to optional processing (not acceptance of terms).
#: Linear: fixed words (one optional character), tried once per offset.
_OPTIONAL_CONSENT = re.compile(
    r"newsletter|marketing|opt[-_]?in|consent|subscribe|promo|offers|advert|"
    r"einwilligung|consenso|consentement|consentimiento|consentimento|hozzajarul",
    re.IGNORECASE,
)


def consent_controls(ctx: RuleContext) -> Iterator[tuple[FormField, bool]]:
    """Every consent control with whether the policy declares it (else it only looks like one)."""
    for field in ctx.evidence.fields:
        declared = ctx.index.is_consent_field(field)
        if declared or field.role is FieldRole.CONSENT:
            yield field, declared


def asks_optional_consent(field: FormField) -> bool:
    """Looks like consent to optional processing (newsletter, marketing), not terms of service."""
    text = " ".join(x for x in (field.name, field.label) if x)
    return bool(_OPTIONAL_CONSENT.search(text))
