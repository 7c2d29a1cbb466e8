"""The customer-facing texts of a policy, and picking each one in a language.

One walk over the policy serves the plain-language rule (CN601), the
completeness rule (CN602, missing translations) and the notice itself, so all
three agree on what a customer reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import escape

from cnsnt.policy.model import Policy, Text

from .i18n import is_iso_duration

JsonPath = tuple[str, ...]
#: Linear: one possessive run.
_BLANKS = re.compile(r"\s++")


@dataclass(frozen=True)
class TextRef:
    """One customer-facing text and where it is in the policy."""

    path: JsonPath
    """JSON path of the text in the policy, e.g. ("purposes", "newsletter", "description")."""
    text: Text
    prose: bool = True
    """False for labels and names: short phrases the readability formulas do not fit."""

    @property
    def dotted(self) -> str:
        """`purposes.newsletter.description`."""
        return ".".join(self.path)


@dataclass(frozen=True)
class LocalText:
    """A policy text picked for one language."""

    text: str
    lang: str
    """The language the text is actually in."""
    missing: bool = False
    """True when the requested language was missing and another one is shown."""
    gap: bool = False
    """True when a draft shows this in place of a text still to be written (a label
    `cnsnt init` made up): the notice marks it as a gap."""
    fill_in: str | None = None
    """With `gap`: the mark a draft shows beside it, saying what to write where (the
    policy's file and line), in the notice's language; None for the plain mark."""

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> str:
        """Escaped for HTML; text shown in another language says so (`lang`) for screen readers."""
        body = str(escape(self.text))
        if self.missing:
            return f'<span lang="{escape(self.lang)}">{body}</span>'
        return body


def normalize(text: str) -> str:
    """Collapse whitespace: a folded YAML block and a one-line string state the same thing."""
    return _BLANKS.sub(" ", text).strip()


def default_language(policy: Policy) -> str:
    """The language of the policy's plain (non-map) texts: `notice.languages[0]`, else English."""
    languages = policy.notice.get("languages")
    if isinstance(languages, list) and languages:
        return str(languages[0])
    return "en"


def declared_languages(policy: Policy) -> tuple[str, ...]:
    """Languages the policy promises notices in (`notice.languages`), default first."""
    languages = policy.notice.get("languages")
    if isinstance(languages, list) and languages:
        return tuple(str(x) for x in languages)
    return ()


def text_languages(ref: TextRef, default: str) -> list[tuple[str, str, JsonPath]]:
    """(language, text, path) for each language a text is written in."""
    out = []
    for key, value in ref.text.values.items():
        if key is None:
            out.append((default, value, ref.path))
        else:
            out.append((key, value, (*ref.path, key)))
    return sorted(out)


def pick(text: Text, lang: str, default: str) -> LocalText | None:
    """The text in `lang`; else the default-language text marked missing; None when empty."""
    if lang in text.values:
        return LocalText(normalize(text.values[lang]), lang)
    if None in text.values:
        return LocalText(normalize(text.values[None]), default, missing=lang != default)
    if default in text.values:
        return LocalText(normalize(text.values[default]), default, missing=True)
    if not text.values:
        return None
    first = sorted(k for k in text.values if k is not None)[0]
    return LocalText(normalize(text.values[first]), first, missing=True)


def customer_texts(policy: Policy) -> Iterator[TextRef]:
    """Every text of the policy a notice shows a customer, in policy order."""
    controller = policy.controller
    if controller is not None and controller.authority is not None:
        yield TextRef(("controller", "authority"), controller.authority, prose=False)
    for name, purpose in policy.purposes.items():
        yield TextRef(("purposes", name, "description"), purpose.description)
        if purpose.interest is not None:
            yield TextRef(("purposes", name, "interest"), purpose.interest)
        if purpose.consent is not None and purpose.consent.withdraw is not None:
            yield TextRef(("purposes", name, "consent", "withdraw"), purpose.consent.withdraw)
        if purpose.automated_decision is not None:
            yield TextRef(("purposes", name, "automated_decision"), purpose.automated_decision)
    for key, recipient in policy.recipients.items():
        if recipient.safeguard is not None:
            yield TextRef(("recipients", key, "safeguard"), recipient.safeguard, prose=False)
    for name, datum in policy.data.items():
        if datum.label is not None:
            yield TextRef(("data", name, "label"), datum.label, prose=False)
        if datum.retention is not None and not _all_iso(datum.retention):
            yield TextRef(("data", name, "retention"), datum.retention, prose=False)
        if datum.consequence is not None:
            yield TextRef(("data", name, "consequence"), datum.consequence)
        if datum.origin is not None:
            yield TextRef(("data", name, "source"), datum.origin)
    automated = Text.of(policy.notice.get("automated_decisions"))
    if automated is not None:
        yield TextRef(("notice", "automated_decisions"), automated)


def _all_iso(text: Text) -> bool:
    return all(is_iso_duration(v) for v in text.values.values())
