"""The personal fields a policy does not declare yet, with the classifier's verdict on each.

The same tests as CN101 decide what is "not declared yet" (data entries,
`ignore:`, consent controls), so `init --update` adds exactly what the audit
would report, and nothing it would not.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnsnt.classify import classify_field, rank_languages
from cnsnt.engine import classify
from cnsnt.evidence import Evidence, FieldRole
from cnsnt.matching import PolicyIndex
from cnsnt.model import Confidence, Location
from cnsnt.policy.model import Policy

#: The root category, for a field the classifier can name no kind for.
UNKNOWN_CATEGORY = "user"


@dataclass(frozen=True)
class PersonalField:
    """A column or form field that holds personal data and no data entry declares."""

    kind: str
    """`column` or `form_field`."""
    key: str
    category: str
    reason: str
    confidence: Confidence
    location: Location


@dataclass(frozen=True)
class Undeclared:
    """What `init` found: undeclared personal fields, and consent controls to place."""

    fields: tuple[PersonalField, ...]
    consent_controls: tuple[str, ...]


def undeclared(policy: Policy, evidence: Evidence) -> Undeclared:
    """Personal columns and form fields that no data entry, ignore or consent names."""
    classify(evidence)
    index = PolicyIndex(policy)
    found: dict[tuple[str, str], PersonalField] = {}
    for column in evidence.columns:
        key = column.key
        verdict = evidence.classified.get(key)
        if verdict is None or not verdict.personal:
            continue
        if index.column_ignored(key) or index.data_for_column(key) or index.is_consent_column(column):
            continue
        found.setdefault(
            ("column", key),
            PersonalField(
                "column",
                key,
                verdict.category or UNKNOWN_CATEGORY,
                verdict.reason,
                verdict.confidence,
                column.location,
            ),
        )
    consent: set[str] = set()
    # the forms' own languages: a word of another one is no datum (`dept`, `str`); a
    # language counts with a quarter of the first one's words, not a handful of loans
    written = rank_languages([t for f in evidence.fields for t in (f.name, f.label) if t], share=0.25)
    addressed = _forms_with_addresses(evidence, written)
    for field in evidence.fields:
        if field.name is None:
            continue
        key = field.key
        if field.role is FieldRole.CONSENT:
            if not index.is_consent_field(field) and not index.field_ignored(key):
                consent.add(key)
            continue
        if field.role is not FieldRole.INPUT:
            continue
        if index.field_ignored(key) or index.data_for_field(key) or index.is_consent_field(field):
            continue
        verdict = classify_field(
            field.name, field.label, field.control, written, field.form, field.form in addressed
        )
        found.setdefault(
            ("form_field", key),
            PersonalField(
                "form_field",
                key,
                verdict.category or UNKNOWN_CATEGORY,
                verdict.reason,
                verdict.confidence,
                field.location,
            ),
        )
    ordered = sorted(found.values(), key=lambda f: (f.category, f.kind, f.key))
    return Undeclared(tuple(ordered), tuple(sorted(consent)))


def _forms_with_addresses(evidence: Evidence, written: tuple[str, ...]) -> frozenset[str]:
    """Forms that ask for a street, a city or a postal code: there `estado` is a region."""
    found: set[str] = set()
    for field in evidence.fields:
        if field.name is None or field.role is not FieldRole.INPUT or field.form in found:
            continue
        category = classify_field(field.name, field.label, field.control, written, field.form).category or ""
        if category.startswith("user.contact.address") and category != "user.contact.address.state":
            found.add(field.form)
    return frozenset(found)
