"""Join the policy's `data:` entries with the evidence: forms, columns, queries, recipients."""

from __future__ import annotations

from collections.abc import Iterable

from cnsnt.evidence import Access, Evidence
from cnsnt.matching import AliasIndex, column_matches, field_matches
from cnsnt.model import Finding, Location
from cnsnt.notices.checks import ADEQUATE, EEA
from cnsnt.notices.content import starter_stand_ins
from cnsnt.notices.i18n import LANGUAGES
from cnsnt.notices.i18n import lang as get_lang
from cnsnt.notices.texts import default_language, pick
from cnsnt.policy.model import Policy, Text
from cnsnt.policy.taxonomy import load_taxonomy

from .model import DatumMap, Inventory, Place, RecipientLink, Use

NO_PURPOSE = "(none)"


def first_text(policy: Policy, text: Text | None) -> str | None:
    """A policy text in the policy's own (default) language."""
    if text is None:
        return None
    default = default_language(policy)
    picked = pick(text, default, default)
    return picked.text if picked is not None else None


def datum_labels(policy: Policy) -> dict[str, tuple[str, bool]]:
    """Each data entry's label as the data map and the Art. 30 record show it, and whether it is a gap.

    A label `cnsnt init` wrote names code in English (`Records kept about User`), so,
    as a draft notice does, the entry's category stands in its place, in the policy's
    language when cnsnt has it (else English), marked as a gap to fill. A label a
    person wrote is shown as written, in the policy's own language.
    """
    code = default_language(policy)
    stand_ins = starter_stand_ins(policy, get_lang(code if code in LANGUAGES else "en"))
    return {
        name: (stand_ins[name].text, True) if name in stand_ins
        else (first_text(policy, datum.label) or name, False)
        for name, datum in policy.data.items()
    }


def gdpr_special(policy: Policy, key: str) -> str | None:
    """What makes a category special under GDPR Art. 9/10 (or the policy), else None.

    CPRA "sensitive personal information" (a card number, a password) is not an
    Art. 9 category, so the data map and the Art. 30 record leave it out.
    """
    taxonomy = load_taxonomy().with_policy(policy)
    current: str | None = key
    seen: set[str] = set()
    while current and current not in seen:
        seen.add(current)
        item = taxonomy.categories.get(current)
        if item is not None and (item.gdpr_special or (item.origin == "policy" and item.special)):
            return taxonomy.special_kind(current) or "special category"
        parent = item.parent if item is not None and item.parent else None
        current = parent or current.rpartition(".")[0] or None
    return None


def retention_words(text: str | None) -> str | None:
    """`P10Y` -> `10 years`; a sentence stays as it is."""
    if text is None:
        return None
    from cnsnt.notices.i18n import lang

    return lang("en").duration(text) or text


def _where(location: Location) -> str:
    return str(location)


def _old(aliases: AliasIndex | None, pattern: str, key: str) -> bool:
    """The pattern names a renamed form's field by the form's old name."""
    if aliases is None or key not in aliases.old:
        return False
    return field_matches(pattern, aliases.old[key]) and aliases.reads_old_names(pattern)


def _places(
    patterns: Iterable[str],
    found: dict[str, Location],
    *,
    columns: bool,
    aliases: AliasIndex | None = None,
) -> list[Place]:
    """Where each pattern is found; `aliases`: forms renamed by their paths, named by their old names too."""
    match = column_matches if columns else field_matches
    out: list[Place] = []
    for pattern in patterns:
        hits = sorted(k for k in found if match(pattern, k) or _old(aliases, pattern, k))
        if not hits:
            out.append(Place(pattern, None, found=False))
        out.extend(Place(k, _where(found[k])) for k in hits)
    unique = {p.key: p for p in out}
    return list(unique.values())


def build_inventory(
    policy: Policy, evidence: Evidence, undeclared: Iterable[Finding] = ()
) -> Inventory:
    """The data map: each datum with its forms, columns, queries by purpose and recipients.

    `undeclared` are CN101 findings of the same evidence: personal data the map
    cannot place under any datum, listed so the map does not look complete when it is not.
    """
    columns = {c.key: c.location for c in evidence.columns}
    fields = {f.key: f.location for f in evidence.fields if f.name is not None}
    aliases = AliasIndex(evidence.fields)
    labels = datum_labels(policy)
    data: list[DatumMap] = []
    for name, datum in policy.data.items():
        stored = _places(datum.columns, columns, columns=True)
        keys = {p.key for p in stored if p.found}
        uses: dict[str, dict[str, object]] = {}
        for query in evidence.queries:
            touched = [u for u in query.uses if u.needed and (
                u.column in keys or any(column_matches(p, u.column) for p in datum.columns)
            )]
            if not touched:
                continue
            for purpose in query.purposes or ((query.purpose,) if query.purpose else (NO_PURPOSE,)):
                slot = uses.setdefault(purpose, {"reads": 0, "writes": 0, "where": []})
                if any(u.access is Access.WRITE for u in touched):
                    slot["writes"] = int(str(slot["writes"])) + 1
                else:
                    slot["reads"] = int(str(slot["reads"])) + 1
                where = slot["where"]
                assert isinstance(where, list)
                where.append(str(query.location))
        used = tuple(
            Use(
                purpose=p,
                declared=p in datum.purposes,
                reads=int(str(v["reads"])),
                writes=int(str(v["writes"])),
                where=tuple(sorted(set(v["where"]), key=_loc_order)),  # type: ignore[call-overload]
            )
            for p, v in sorted(uses.items())
        )
        shared = []
        for key in datum.recipients:
            recipient = policy.recipients.get(key)
            if recipient is None:
                continue
            outside = bool(recipient.country) and recipient.country not in EEA
            safeguard = first_text(policy, recipient.safeguard)
            if safeguard is None and outside and recipient.country in ADEQUATE:
                safeguard = f"EU adequacy decision ({recipient.country})"
            shared.append(
                RecipientLink(
                    key, recipient.name, recipient.country, outside, safeguard,
                    purposes=recipient.purposes,
                )
            )
        label, gap = labels[name]
        data.append(
            DatumMap(
                key=name,
                label=label,
                label_gap=gap,
                category=datum.category,
                special=gdpr_special(policy, datum.category) is not None,
                purposes=datum.purposes,
                retention=retention_words(first_text(policy, datum.retention)),
                collected=tuple(_places(datum.form_fields, fields, columns=False, aliases=aliases)),
                stored=tuple(stored),
                used=used,
                shared=tuple(shared),
            )
        )
    missing = sorted(
        {
            Place(f.subject.split(":", 1)[-1] if ":" in f.subject else f.subject,
                  str(f.location) if f.location else None)
            for f in undeclared
            if f.rule == "CN101"
        },
        key=lambda p: (p.where or "", p.key),
    )
    return Inventory(
        policy=policy.path,
        controller=policy.controller.name if policy.controller else "",
        data=tuple(data),
        purposes={k: first_text(policy, p.description) or k for k, p in policy.purposes.items()},
        undeclared=tuple(missing),
        audited=tuple(sorted(evidence.audited)),
    )


def _loc_order(where: str) -> tuple[str, int]:
    path, _, rest = where.partition(":")
    line = rest.split(":", 1)[0]
    return (path, int(line) if line.isdigit() else 0)
