"""Notice versions: a hash of the policy content a notice states, and reading it back.

The version covers what the notice says, not how it looks: the stated keys of the
policy (every language of every customer text), with whitespace inside texts
collapsed and mapping order ignored, plus the regime (GDPR or CCPA notice). YAML
comments, quoting, key order, source paths, columns, form fields and waivers do
not change it; neither do cnsnt's own wording or the output format. A consent
record stores the version so it can say which notice the person saw.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cnsnt.policy.model import Policy

from .checks import regime

#: Bumped if the hashed content ever changes shape, so old and new versions never collide.
SCHEME = "n1"

#: Policy keys a notice states, per section (anything else is evidence plumbing).
_STATED: dict[str, tuple[str, ...]] = {
    "controller": (
        "name", "contact", "address", "dpo", "country", "representative", "authority",
        "authority_url",
    ),
    "purposes": ("description", "basis", "interest", "consent", "automated_decision"),
    "recipients": ("name", "country", "purposes", "safeguard", "sold", "shared"),
    "data": (
        "label", "category", "purposes", "retention", "recipients", "required", "consequence",
        "source", "condition",
    ),
    "notice": ("automated_decisions", "rights_contact", "sells_data", "url", "effective"),
}

#: The marker in a published notice (any file). Linear: a try starts at the fixed word
#: `cnsnt-notice`; each field is a possessive run ended by a blank it cannot hold.
_MARKER = re.compile(
    r"cnsnt-notice\s++version=(?P<version>[\w.-]++)\s++lang=(?P<lang>[\w-]++)\s++"
    r"layer=(?P<layer>\w++)\s++preset=(?P<preset>\w++)\s++format=(?P<format>\w++)"
    r"(?:\s++status=(?P<status>\w++))?"
)
#: Linear: one possessive run.
_BLANKS = re.compile(r"\s++")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return _BLANKS.sub(" ", value).strip()
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def stated_content(policy: Policy, preset: str | None = None) -> dict[str, Any]:
    """The parts of the policy a notice states, as plain normalized data."""
    raw = policy.raw
    out: dict[str, Any] = {"regime": regime(preset)}
    controller = raw.get("controller")
    if isinstance(controller, Mapping):
        out["controller"] = {k: controller[k] for k in _STATED["controller"] if k in controller}
    for section in ("purposes", "recipients", "data"):
        entries = raw.get(section)
        if section == "recipients" and entries == []:
            entries = {}  # `recipients: []` states what `recipients: {}` does: no one
        if not isinstance(entries, Mapping):
            continue
        keys = _STATED[section]
        picked: dict[str, Any] = {}
        for name, entry in entries.items():
            if not isinstance(entry, Mapping):
                continue
            item = {k: entry[k] for k in keys if k in entry}
            if section == "purposes" and isinstance(item.get("consent"), Mapping):
                # Where consent is recorded is evidence; how to withdraw it is stated.
                withdraw = item["consent"].get("withdraw")
                item["consent"] = {"withdraw": withdraw} if withdraw is not None else {}
            picked[str(name)] = item
        out[section] = picked
    notice = raw.get("notice")
    if isinstance(notice, Mapping):
        out["notice"] = {k: notice[k] for k in _STATED["notice"] if k in notice}
    cleaned: dict[str, Any] = _clean(out)
    return cleaned


def notice_version(policy: Policy, preset: str | None = None) -> str:
    """`n1-` and 12 hex digits of SHA-256 over the stated content (canonical JSON)."""
    canonical = json.dumps(
        stated_content(policy, preset), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return f"{SCHEME}-{hashlib.sha256(canonical.encode('utf-8')).hexdigest()[:12]}"


@dataclass(frozen=True)
class Marker:
    """What a published notice says about itself."""

    version: str
    lang: str
    layer: str
    preset: str | None
    format: str
    draft: bool = False
    """Rendered with `--draft`: `--check` refuses it, whatever it says."""


def marker_text(
    version: str, lang: str, layer: str, preset: str | None, fmt: str, *, draft: bool = False
) -> str:
    """The machine-readable line every notice carries (in a comment, meta tag or JSON)."""
    return (
        f"cnsnt-notice version={version} lang={lang} layer={layer} preset={preset or 'gdpr'} "
        f"format={fmt}" + (" status=draft" if draft else "")
    )


def read_marker(text: str) -> Marker | None:
    """The marker of a published notice (Markdown, HTML or JSON), or None."""
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            doc = json.loads(stripped)
        except (ValueError, RecursionError):
            doc = None
        if isinstance(doc, dict) and isinstance(doc.get("notice"), dict):
            meta = doc["notice"]
            try:
                return Marker(
                    version=str(meta["version"]),
                    lang=str(meta["lang"]),
                    layer=str(meta["layer"]),
                    preset=str(meta["preset"]) if meta.get("preset") else None,
                    format="json",
                    draft=meta.get("status") == "draft",
                )
            except KeyError:
                return None
    match = _MARKER.search(text)
    if match is None:
        return None
    return Marker(
        version=match["version"],
        lang=match["lang"],
        layer=match["layer"],
        preset=match["preset"],
        format=match["format"],
        draft=match["status"] == "draft",
    )
