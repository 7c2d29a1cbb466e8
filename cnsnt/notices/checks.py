"""What CN601 (hard-to-read) and CN602 (notice-incomplete) find, as plain records.

The rules turn these into findings during `cnsnt audit`; `render_notice` turns them
into the warnings of `cnsnt notice`. Keeping the logic here lets both agree
without the notice package importing the rule registry.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cnsnt.model import Finding, Location, Severity
from cnsnt.policy.model import CONSENT_BASES, Policy, Text

from .datum_names import code_labels, stand_ins
from .i18n import LANGUAGES
from .i18n import lang as get_lang
from .readability import assess, thresholds_for
from .texts import (
    JsonPath,
    customer_texts,
    declared_languages,
    default_language,
    text_languages,
)

#: Rule code -> (name, default severity); a test keeps this in step with the rule classes.
RULES: dict[str, tuple[str, Severity]] = {
    "CN601": ("hard-to-read", Severity.WARNING),
    "CN602": ("notice-incomplete", Severity.ERROR),
}

#: EEA member states (EU 27 + Iceland, Liechtenstein, Norway): no transfer safeguard needed.
EEA = frozenset(
    [
     "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
     "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
    ]
)
#: Countries with an EU adequacy decision covering all recipients there (GDPR Art. 45).
#: The United States is left out: its decision covers only certified organisations, so
#: the policy must name the safeguard (e.g. "EU-US Data Privacy Framework").
ADEQUATE = frozenset(
    [
     "AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY",
    ]
)

GDPR = "gdpr"
CCPA = "ccpa"


def regime(preset: str | None) -> str:
    """Which law's notice a preset asks for: `ccpa`, else `gdpr` (also for `strict`)."""
    return CCPA if preset == CCPA else GDPR


@dataclass(frozen=True)
class Issue:
    """One thing CN601 or CN602 found."""

    rule: str
    subject: str
    message: str
    hint: str
    path: JsonPath
    """Where in the policy (JSON path); () for the policy as a whole."""
    severity: Severity | None = None
    """None: the rule's default severity."""
    lang: str | None = None
    """The language the issue is about, when it is about one."""

    def finding(self, policy: Policy) -> Finding:
        """The issue as a finding, located in the policy."""
        name, default = RULES[self.rule]
        location = policy.where(*self.path) or Location(policy.path)
        return Finding(
            rule=self.rule,
            name=name,
            severity=self.severity or default,
            subject=self.subject,
            message=self.message,
            hint=self.hint,
            location=location,
            policy_entry=".".join(self.path[:2]) if self.path else None,
            source=location.path,
        )


# -- CN601 ------------------------------------------------------------------------------


def readability_issues(policy: Policy, lang: str | None = None) -> Iterator[Issue]:
    """Customer-facing texts that fail the plain-language check (all languages, or one)."""
    default = default_language(policy)
    # plain strings of a policy that names no language are measured as English (review38 D4)
    assumed = not declared_languages(policy)
    for ref in customer_texts(policy):
        for text_lang, text, path in text_languages(ref, default):
            if lang is not None and text_lang != lang:
                continue
            limits = thresholds_for(text_lang, policy.readability)
            # Labels and names are phrases: the formulas do not fit them, jargon does.
            result = assess(text, text_lang, limits, with_score=ref.prose)
            problems = result.problems()
            if not problems:
                continue
            dotted = ".".join(path)
            hint = _plain_hint(result.jargon, bool(result.long_sentences))
            if assumed and path == ref.path:
                hint += (
                    f"; the policy names no language, so this plain text was read as '{text_lang}': "
                    "if it is written in another, declare it under notice.languages"
                )
            yield Issue(
                "CN601",
                f"text:{dotted}",
                f"{dotted} ({text_lang}) is hard to read: {'; '.join(problems)}",
                hint,
                path,
                lang=text_lang,
            )


def _plain_hint(jargon: tuple[str, ...], long: bool) -> str:
    parts = []
    if long:
        parts.append("split long sentences")
    if jargon:
        parts.append("say " + ", ".join(f"'{j}'" for j in jargon[:3]) + " in everyday words")
    parts.append("write as you would speak to the people who read it (`cnsnt explain CN601`)")
    return "; ".join(parts)


# -- CN602 ------------------------------------------------------------------------------


def completeness_issues(
    policy: Policy,
    preset: str | None = None,
    *,
    lang: str | None = None,
    include_retention: bool = False,
) -> Iterator[Issue]:
    """Elements the notice must state but the policy does not give.

    `lang`: also report texts missing in that language (for `cnsnt notice`); without
    it, texts missing in any of `notice.languages`. `include_retention`: report data
    without a retention period too (the audit leaves that to CN501).
    """
    law = regime(preset)
    controller = policy.controller
    if controller is None:
        yield Issue(
            "CN602",
            "controller",
            "the notice cannot say who is responsible for the data: the policy has no controller",
            "add controller: {name: ..., contact: ...}",
            (),
        )
    if law == GDPR:
        yield from _gdpr_issues(policy)
    else:
        yield from _ccpa_issues(policy)
    yield from label_issues(policy, lang)
    for datum in policy.data.values():
        if include_retention and datum.retention is None:
            yield Issue(
                "CN602",
                f"data:{datum.name}",
                f"the notice cannot say how long '{datum.name}' is kept: it has no retention",
                "add retention: an ISO 8601 duration such as P2Y, or a sentence",
                ("data", datum.name),
            )
    yield from translation_issues(policy, lang)


def label_issues(policy: Policy, lang: str | None = None) -> Iterator[Issue]:
    """Data entries a notice cannot name in words its readers use.

    A notice never shows an entry's key (review36 R36b D7). An entry without a label is
    named by its category in the notice's language (`datum_names`): a warning, unless
    another row reads the same, when nothing tells it apart and the notice is refused.
    A label `cnsnt init` wrote naming tables and folders is refused too.
    """
    # without `lang` (the audit): every language the policy promises notices in
    wanted = (lang,) if lang is not None else tuple(
        code for code in declared_languages(policy) if code in LANGUAGES
    ) or ("en",)
    shared: set[str] = set()
    names: list[str] = []
    for code in wanted:
        for name, stand_in in stand_ins(policy, get_lang(code), draft=False).items():
            if name not in names:
                names.append(name)
            if stand_in.shared:
                shared.add(name)
    for name in names:
        if name in shared:
            yield Issue(
                "CN602",
                f"data:{name}",
                f"data entry '{name}' has no label, and the notice could name it only by its "
                "category, as it names another entry: nothing would tell them apart",
                f"add label: to data.{name}: the data as the people you ask would name it "
                "(e.g. 'Your email address')",
                ("data", name),
            )
        else:
            yield Issue(
                "CN602",
                f"data:{name}",
                f"data entry '{name}' has no label: the notice names it by its category, not in "
                "words its readers use",
                f"add label: to data.{name} (e.g. 'Your email address')",
                ("data", name),
                severity=Severity.WARNING,
            )
    for name in code_labels(policy):
        yield Issue(
            "CN602",
            f"data:{name}",
            f"data entry '{name}' keeps the label cnsnt init wrote for fields of a kind it cannot "
            "name: the notice would show developer words (a table, a folder), not what people give",
            f"write data.{name}.label: as the people you ask would name it",
            ("data", name, "label"),
        )


def _gdpr_issues(policy: Policy) -> Iterator[Issue]:
    controller = policy.controller
    for name, purpose in policy.purposes.items():
        if purpose.basis == "legitimate_interests" and purpose.interest is None:
            yield Issue(
                "CN602",
                f"purpose:{name}",
                f"purpose '{name}' relies on legitimate interests but does not say which "
                "interest (GDPR Art. 13(1)(d))",
                f"add interest: to purposes.{name}, in plain words (e.g. 'Planning the menu.')",
                ("purposes", name),
            )
        if purpose.basis in CONSENT_BASES and (
            purpose.consent is None or purpose.consent.withdraw is None
        ):
            yield Issue(
                "CN602",
                f"purpose:{name}",
                f"purpose '{name}' is based on consent but the policy does not say how to "
                "withdraw it (GDPR Art. 7(3), 13(2)(c))",
                f"add consent.withdraw: to purposes.{name} (e.g. 'Untick the box in your "
                "account settings.'); it must be as easy as giving consent",
                ("purposes", name),
            )
    if not policy.recipients_stated:
        yield Issue(
            "CN602",
            "recipients",
            "the notice cannot say who receives the data: the policy has no recipients: "
            "section (GDPR Art. 13(1)(e)), and leaving it out does not mean no one does",
            "list who receives it under recipients: (processors such as a payment, e-mail or "
            "hosting provider; other companies or authorities), or write recipients: [] when "
            "no one outside your organisation does",
            (),
        )
    for key, recipient in policy.recipients.items():
        if recipient.country is None:
            yield Issue(
                "CN602",
                f"recipient:{key}",
                f"recipient '{key}' has no country: the notice cannot say whether data leaves "
                "the EEA (GDPR Art. 13(1)(f))",
                f"add country: to recipients.{key} (ISO 3166 code, e.g. IE)",
                ("recipients", key),
                severity=Severity.WARNING,
            )
        elif (
            recipient.country not in EEA
            and recipient.country not in ADEQUATE
            and recipient.safeguard is None
        ):
            yield Issue(
                "CN602",
                f"recipient:{key}",
                f"recipient '{key}' is outside the EEA ({recipient.country}) and the policy "
                "names no transfer safeguard (GDPR Art. 13(1)(f), 46)",
                f"add safeguard: to recipients.{key} (e.g. 'Standard contractual clauses "
                "approved by the European Commission')",
                ("recipients", key),
            )
    for datum in policy.data.values():
        if not datum.form_fields:
            continue  # not asked from the customer: Art. 13(2)(e) does not apply
        if datum.required is None:
            yield Issue(
                "CN602",
                f"data:{datum.name}",
                f"data entry '{datum.name}' is asked from people but the policy does not say "
                "whether they must give it (GDPR Art. 13(2)(e))",
                f"add required: true or false to data.{datum.name}",
                ("data", datum.name),
            )
        elif datum.required and datum.consequence is None:
            yield Issue(
                "CN602",
                f"data:{datum.name}",
                f"data entry '{datum.name}' is required but the policy does not say what happens "
                "if a person does not give it (GDPR Art. 13(2)(e))",
                f"add consequence: to data.{datum.name} (e.g. 'We cannot take your booking.')",
                ("data", datum.name),
            )
    if controller is not None and controller.authority is None:
        yield Issue(
            "CN602",
            "controller",
            "the policy names no supervisory authority: the notice can only say in general "
            "that people may complain (GDPR Art. 13(2)(d))",
            "add controller.authority (and authority_url), e.g. 'Garante per la protezione "
            "dei dati personali'",
            ("controller",),
            severity=Severity.WARNING,
        )
    has_automated = policy.notice.get("automated_decisions") is not None or any(
        p.automated_decision is not None for p in policy.purposes.values()
    )
    if not has_automated:
        yield Issue(
            "CN602",
            "text:notice.automated_decisions",
            "the policy does not say whether decisions about people are automated "
            "(GDPR Art. 13(2)(f)); the notice leaves that section out",
            "add notice.automated_decisions: e.g. 'We make no decisions about you by "
            "computer alone.'",
            ("notice",),
            severity=Severity.WARNING,
        )


def _ccpa_issues(policy: Policy) -> Iterator[Issue]:
    sells = policy.notice.get("sells_data")
    flagged = sorted(k for k, r in policy.recipients.items() if r.sold or r.shared)
    if sells is None and not flagged:
        yield Issue(
            "CN602",
            "text:notice.sells_data",
            "the notice at collection must say whether personal information is sold or shared "
            "(CCPA §1798.100(a)(1))",
            "add notice.sells_data: false (or true, and mark the recipients sold: / shared:)",
            ("notice",),
        )
    elif sells is False and flagged:
        yield Issue(
            "CN602",
            "text:notice.sells_data",
            "notice.sells_data is false but recipients are marked sold or shared: "
            + ", ".join(flagged),
            "make notice.sells_data and the recipients' sold:/shared: agree",
            ("notice", "sells_data"),
        )
    if not policy.notice.get("url"):
        yield Issue(
            "CN602",
            "text:notice.url",
            "the notice at collection must link to the full privacy policy (CCPA regulations "
            "§7012(e)(6))",
            "add notice.url: the address of the published privacy policy",
            ("notice",),
        )


def translation_issues(policy: Policy, lang: str | None = None) -> Iterator[Issue]:
    """Customer texts missing in a notice language (`lang`, or each of `notice.languages`)."""
    default = default_language(policy)
    wanted = (lang,) if lang is not None else declared_languages(policy)
    for ref in customer_texts(policy):
        for want in wanted:
            if _has(ref.text, want, default):
                continue
            yield Issue(
                "CN602",
                f"text:{ref.dotted}",
                f"{ref.dotted} has no '{want}' text"
                + (f"; the notice shows the '{default}' one" if lang is not None else ""),
                f"add {want}: to {ref.dotted}",
                ref.path,
                severity=Severity.WARNING,
                lang=want,
            )


def _has(text: Text, lang: str, default: str) -> bool:
    return lang in text.values or (None in text.values and lang == default)

