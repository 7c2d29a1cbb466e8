"""What a notice says, in one language: built from the policy alone, before any formatting.

Markdown, HTML and JSON are three views of this one structure, so they cannot
disagree. Policy texts stay `LocalText` (with the language they are really in)
until a renderer escapes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cnsnt.policy.model import CONSENT_BASES, Policy, Text
from cnsnt.policy.taxonomy import Taxonomy, load_taxonomy

from . import labels
from .checks import ADEQUATE, EEA, regime
from .datum_names import category_words, stand_ins, starter_labels
from .i18n import Lang, is_iso_duration
from .i18n import lang as get_lang
from .texts import LocalText, default_language, normalize, pick


@dataclass(frozen=True)
class PurposeView:
    """One purpose as the notice states it."""

    key: str
    description: LocalText
    basis: str
    basis_name: str
    basis_explanation: str
    consent: bool
    interest: LocalText | None
    withdraw: LocalText | None
    automated_decision: LocalText | None
    data: tuple[str, ...]
    """Labels of the data used for it."""
    recipients: tuple[str, ...]
    """Names of who receives data for it."""


@dataclass(frozen=True)
class DatumView:
    """One kind of personal data as the notice states it."""

    key: str
    label: LocalText
    category: str
    category_name: str | None
    sensitive: bool
    sensitive_note: str | None
    purposes: tuple[LocalText, ...]
    purpose_keys: tuple[str, ...]
    retention: LocalText | None
    recipients: tuple[str, ...]
    recipients_stated: bool
    """Whether the policy says who receives it (so no recipients means "only us")."""
    required: bool | None
    asked: bool
    """Asked from the customer in a form (so whether it is required must be said)."""
    consequence: LocalText | None
    source: LocalText | None
    choice: str
    sold_or_shared: bool


@dataclass(frozen=True)
class RecipientView:
    """Someone data is disclosed to."""

    key: str
    name: str
    country: str | None
    country_name: str | None
    outside_eea: bool
    transfer_note: str | None
    safeguard: LocalText | None
    purposes: tuple[LocalText, ...]
    data: tuple[str, ...]
    sold: bool
    shared: bool


@dataclass(frozen=True)
class ControllerView:
    """Who is responsible."""

    name: str
    contact: str
    address: str | None
    dpo: str | None
    representative: str | None
    country_name: str | None
    authority: LocalText | None
    authority_url: str | None


@dataclass(frozen=True)
class NoticeContent:
    """Everything one notice says, in one language."""

    lang: str
    regime: str
    """`gdpr` or `ccpa`."""
    preset: str | None
    controller: ControllerView
    purposes: tuple[PurposeView, ...]
    data: tuple[DatumView, ...]
    recipients: tuple[RecipientView, ...]
    recipients_stated: bool
    """Whether the policy says who receives data (`recipients: []`: no one); when it does
    not, a draft marks the gap instead of saying no one does."""
    automated: tuple[LocalText, ...]
    rights: tuple[tuple[str, str], ...]
    rights_contact: str
    effective: str | None
    effective_iso: str | None
    url: str | None
    sells: bool
    sold_to: tuple[str, ...]
    h: dict[str, str]
    """Headings and short labels."""
    s: dict[str, str]
    """Fixed sentences."""
    untranslated_note: str | None
    fallback_languages: tuple[str, ...] = field(default=())

    @property
    def controller_stated(self) -> bool:
        """Whether the policy names who is responsible; a draft without it marks the gap."""
        return bool(self.controller.name)

    @property
    def purposes_stated(self) -> bool:
        """Whether the policy says why its data is used.

        With data and no purpose nothing is known about bases, so a draft marks the gap
        rather than saying that no consent is asked (each such datum is a CN102 error, so
        the notice is never published so).
        """
        return bool(self.purposes) or not self.data

    @property
    def consent_purposes(self) -> tuple[PurposeView, ...]:
        """Purposes the customer consents to (and may withdraw from)."""
        return tuple(p for p in self.purposes if p.consent)

    def to_json(self) -> dict[str, Any]:
        """Plain data for the JSON format (policy texts as {text, lang[, missing]})."""
        out: dict[str, Any] = _plain(self)
        out["labels"] = out.pop("h")  # headings and short labels, translated
        out["sentences"] = out.pop("s")  # fixed sentences, translated
        return out


def _plain(value: object) -> Any:
    if isinstance(value, LocalText):
        out: dict[str, Any] = {"text": value.text, "lang": value.lang}
        if value.missing:
            out["missing"] = True
        if value.gap:
            out["gap"] = True
        if value.fill_in:
            out["fill_in"] = value.fill_in
        return out
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _effective(policy: Policy) -> dt.date | None:
    raw = policy.notice.get("effective")
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return None
    return None


def build_content(
    policy: Policy, lang: str, preset: str | None = None, *, draft: bool = False
) -> NoticeContent:
    """The notice the policy states, in `lang` (a supported language).

    An entry without a label is named by its category, never by its key, and in a
    `draft` so is a label `cnsnt init` made up (`notice_labels`).
    """
    L = get_lang(lang)
    default = default_language(policy)
    fallbacks: set[str] = set()
    stand_ins = notice_labels(policy, L, draft=draft)

    def text(value: Text | None) -> LocalText | None:
        if value is None:
            return None
        picked = pick(value, lang, default)
        if picked is not None and picked.missing:
            fallbacks.add(picked.lang)
        return picked

    def label_of(name: str) -> LocalText:
        if name in stand_ins:
            return stand_ins[name]
        picked = text(policy.data[name].label)
        # an entry without a label has a stand-in; an empty one (no language) is a gap too
        return picked or LocalText(labels.category_name(L, "user") or "", lang, gap=True)

    law = regime(preset)
    taxonomy = load_taxonomy().with_policy(policy)
    c = policy.controller
    controller_name = c.name if c else ""
    contact = (
        str(policy.notice.get("rights_contact") or "") or (c.contact if c else "")
    )
    h = labels.headings(L, controller_name)
    s = labels.sentences(L, controller=controller_name, contact=contact)

    controller = ControllerView(
        name=controller_name,
        contact=c.contact if c else "",
        address=c.address if c else None,
        dpo=c.dpo if c else None,
        representative=c.representative if c else None,
        country_name=L.country(c.country) if c and c.country else None,
        authority=text(c.authority) if c else None,
        authority_url=c.authority_url if c else None,
    )

    data_by_purpose: dict[str, list[str]] = {name: [] for name in policy.purposes}
    for name, datum in policy.data.items():
        for p in datum.purposes:
            data_by_purpose.setdefault(p, []).append(name)
    recipients_by_purpose: dict[str, list[str]] = {name: [] for name in policy.purposes}
    for key, r in policy.recipients.items():
        for p in r.purposes:
            recipients_by_purpose.setdefault(p, []).append(key)
    for datum in policy.data.values():
        for rkey in datum.recipients:
            for p in datum.purposes:
                bucket = recipients_by_purpose.setdefault(p, [])
                if rkey in policy.recipients and rkey not in bucket:
                    r = policy.recipients[rkey]
                    if not r.purposes or p in r.purposes:
                        bucket.append(rkey)

    purposes = []
    for name, purpose in policy.purposes.items():
        description = text(purpose.description)
        assert description is not None
        purposes.append(
            PurposeView(
                key=name,
                description=description,
                basis=purpose.basis,
                basis_name=labels.basis_name(L, purpose.basis),
                basis_explanation=labels.basis_explanation(L, purpose.basis),
                consent=purpose.needs_consent,
                interest=text(purpose.interest),
                withdraw=text(purpose.consent.withdraw) if purpose.consent else None,
                automated_decision=text(purpose.automated_decision),
                data=tuple(label_of(d).text for d in data_by_purpose.get(name, [])),
                recipients=tuple(
                    policy.recipients[k].name for k in recipients_by_purpose.get(name, [])
                ),
            )
        )

    data = []
    for name, datum in policy.data.items():
        known = [p for p in datum.purposes if p in policy.purposes]
        bases = {policy.purposes[p].basis for p in known}
        sensitive = _sensitive(taxonomy, datum.category, law)
        condition = labels.condition_name(L, datum.condition)
        receivers = [k for k in datum.recipients if k in policy.recipients]
        data.append(
            DatumView(
                key=name,
                label=label_of(name),
                category=datum.category,
                category_name=labels.category_name(L, datum.category)
                or _taxonomy_name(taxonomy, datum.category),
                sensitive=sensitive,
                sensitive_note=labels.sensitive_note(L, condition) if sensitive else None,
                purposes=tuple(
                    t for p in known if (t := text(policy.purposes[p].description)) is not None
                ),
                purpose_keys=tuple(known),
                retention=_retention(L, datum.retention, text),
                recipients=tuple(policy.recipients[k].name for k in receivers),
                recipients_stated=policy.recipients_stated or datum.recipients_stated,
                required=datum.required,
                asked=bool(datum.form_fields),
                consequence=text(datum.consequence),
                source=text(datum.origin),
                choice=_choice(s, bases, datum.required),
                sold_or_shared=any(
                    policy.recipients[k].sold or policy.recipients[k].shared for k in receivers
                ),
            )
        )

    recipients = []
    for key, r in policy.recipients.items():
        outside = bool(r.country) and r.country not in EEA
        note = None
        if outside and r.country in ADEQUATE:
            note = labels.adequacy(L, L.country(r.country or ""))
        recipients.append(
            RecipientView(
                key=key,
                name=r.name,
                country=r.country,
                country_name=L.country(r.country) if r.country else None,
                outside_eea=outside,
                transfer_note=note,
                safeguard=text(r.safeguard),
                purposes=tuple(
                    t for p in r.purposes
                    if p in policy.purposes and (t := text(policy.purposes[p].description))
                ),
                data=tuple(
                    label_of(n).text for n, d in policy.data.items() if key in d.recipients
                ),
                sold=r.sold,
                shared=r.shared,
            )
        )

    automated: list[LocalText] = []
    if (general := text(Text.of(policy.notice.get("automated_decisions")))) is not None:
        automated.append(general)
    for view in purposes:
        if view.automated_decision is not None:
            automated.append(view.automated_decision)

    sold_to = tuple(r.name for r in policy.recipients.values() if r.sold or r.shared)
    effective = _effective(policy)
    url = policy.notice.get("url")
    note = None
    if fallbacks:
        note = labels.untranslated(L, L.join([L.language_name(x) for x in sorted(fallbacks)]))
    return NoticeContent(
        lang=lang,
        regime=law,
        preset=preset,
        controller=controller,
        purposes=tuple(purposes),
        data=tuple(data),
        recipients=tuple(recipients),
        recipients_stated=policy.recipients_stated,
        automated=tuple(automated),
        rights=tuple(labels.gdpr_rights(L) if law == "gdpr" else labels.ccpa_rights(L)),
        rights_contact=contact,
        effective=L.date(effective) if effective else None,
        effective_iso=effective.isoformat() if effective else None,
        url=str(url) if url else None,
        sells=bool(policy.notice.get("sells_data")) or bool(sold_to),
        sold_to=sold_to,
        h=h,
        s=s,
        untranslated_note=note,
        fallback_languages=tuple(sorted(fallbacks)),
    )


def starter_stand_ins(policy: Policy, L: Lang) -> dict[str, LocalText]:
    """For each starter label, its entry's category in `L`'s language, as a gap.

    Shown in its place by the data map and the Art. 30 record (`cnsnt.inventory`),
    internal records that name each entry by its key anyway: entries that still share a
    name show their key after it, `Personal data (member_cards)` (a number, `(2)`, told a
    reviewer nothing, review23 D10). A notice never does (`notice_labels`).
    """
    names = starter_labels(policy)
    words = category_words(policy, L, names)
    count: dict[str, int] = {}
    for name in names:
        count[words[name]] = count.get(words[name], 0) + 1
    return {
        name: LocalText(
            words[name] if count[words[name]] == 1 else f"{words[name]} ({name})", L.code, gap=True
        )
        for name in names
    }


def notice_labels(policy: Policy, L: Lang, *, draft: bool) -> dict[str, LocalText]:
    """What a notice shows for each entry whose label it cannot show; never the entry's key.

    `cnsnt.notices.datum_names`: the entry's category in `L`'s language. A draft marks
    a starter's label and an entry nothing tells apart as a gap whose mark says where
    its `label:` goes; a notice for publication shows the category of an entry without
    a label (CN602 refuses it where another row reads the same).
    """
    out = {}
    for name, stand_in in stand_ins(policy, L, draft=draft).items():
        if draft and (stand_in.starter or stand_in.shared):
            place = policy.where("data", name, "label") if stand_in.starter else None
            place = place or policy.where("data", name)
            mark = labels.label_fill_in(
                L, place.path or policy.path if place else policy.path,
                place.line if place and place.line else 1,
            )
            out[name] = LocalText(stand_in.words, L.code, gap=True, fill_in=mark)
        else:
            out[name] = LocalText(stand_in.words, L.code)
    return out


def _sensitive(taxonomy: Taxonomy, key: str, law: str) -> bool:
    """GDPR notices flag Art. 9/10 data; CCPA notices flag CPRA sensitive personal information."""
    current: str | None = key
    while current:
        item = taxonomy.categories.get(current)
        if item is not None:
            if law == "gdpr" and item.gdpr_special:
                return True
            if law == "ccpa" and (item.cpra_sensitive or item.children):
                return True
            if item.origin == "policy" and item.special:
                return True
        parent = item.parent if item is not None and item.parent else None
        current = parent or (current.rsplit(".", 1)[0] if "." in current else None)
    return False


def _taxonomy_name(taxonomy: Any, key: str) -> str | None:
    item = taxonomy.categories.get(key)
    return str(item.name) if item is not None else None


def _retention(L: Lang, value: Text | None, text: Any) -> LocalText | None:
    if value is None:
        return None
    plain = value.get(None)
    if plain is not None and is_iso_duration(plain):
        words = L.duration(plain)
        return LocalText(words or plain, L.code)
    if all(is_iso_duration(v) for v in value.values.values()):
        first = sorted(value.values.items(), key=lambda kv: kv[0] or "")[0][1]
        return LocalText(L.duration(first) or first, L.code)
    picked: LocalText | None = text(value)
    if picked is not None and is_iso_duration(picked.text):
        return LocalText(L.duration(picked.text) or picked.text, L.code)
    return picked


def _choice(s: dict[str, str], bases: set[str], required: bool | None) -> str:
    parts = []
    if bases & CONSENT_BASES and bases - CONSENT_BASES - {"legitimate_interests"}:
        parts.append(s["choice_mixed"])
    elif bases & CONSENT_BASES:
        parts.append(s["choice_consent"])
    elif required is True or (required is None and bases and "legitimate_interests" not in bases):
        # Not asked in a form, on a contract or legal basis: the customer has no choice.
        parts.append(s["choice_required"])
    elif required is False:
        parts.append(s["choice_optional"])
    if "legitimate_interests" in bases:
        parts.append(s["choice_object"])
    return normalize(" ".join(parts))
