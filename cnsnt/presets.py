"""Presets: severity changes and notice requirements by regime (SPEC §3)."""

from __future__ import annotations

from cnsnt.model import Severity

PRESETS = ("gdpr", "ccpa", "strict")

#: Rule code -> severity, per preset. Rules not listed keep their default.
SEVERITY_OVERRIDES: dict[str, dict[str, Severity]] = {
    "gdpr": {},
    "ccpa": {
        # CCPA has no "special category" regime with Art. 9 conditions; sensitive
        # personal information must be disclosed and limitable, so it warns.
        "CN206": Severity.WARNING,
        "CN204": Severity.INFO,
    },
    "strict": {
        "CN204": Severity.ERROR,
        "CN302": Severity.ERROR,
        "CN303": Severity.ERROR,
        "CN401": Severity.ERROR,
        "CN402": Severity.ERROR,
        "CN403": Severity.WARNING,
        "CN601": Severity.ERROR,
    },
}


def severity_for(preset: str | None, code: str, default: Severity) -> Severity:
    """The severity a rule's findings get under a preset."""
    if preset is None:
        return default
    return SEVERITY_OVERRIDES.get(preset, {}).get(code, default)
