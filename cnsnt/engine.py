"""Run the rules over the evidence: classify, check, apply waivers and presets, sort."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Set

from cnsnt.classify import TableReading, classify_tables, column_verdicts
from cnsnt.errors import UsageError
from cnsnt.evidence import Evidence
from cnsnt.matching import AliasIndex, PolicyIndex, column_matches, glob_match
from cnsnt.model import Finding, RuleMeta, SkippedRule
from cnsnt.policy.model import Policy
from cnsnt.policy.taxonomy import load_taxonomy
from cnsnt.presets import severity_for
from cnsnt.rules import Rule, RuleContext, all_rules

_KIND_NAMES = {
    "schemas": "schemas or databases",
    "databases": "databases",
    "forms": "forms",
    "queries": "queries",
}


def classify(evidence: Evidence, reading: TableReading | None = None) -> None:
    """Fill `evidence.classified` for every column not classified yet.

    All tables are classified together, so a link to a people table is seen
    wherever the two tables were defined. `reading`: `evidence.tables` already read
    together (`read_tables`), for a caller that needs the table verdicts too.
    """
    if all(c.key in evidence.classified for c in evidence.columns):
        return
    found = column_verdicts(reading) if reading is not None else classify_tables(evidence.tables)
    for key, verdict in found.items():
        evidence.classified.setdefault(key, verdict)


def _audited(evidence: Evidence) -> set[str]:
    """The kinds of evidence audited: given, and not empty (`Evidence.empty`)."""
    kinds = set(evidence.audited)
    if "databases" in kinds:
        kinds.add("schemas")
    return kinds - evidence.empty


def _skip_reason(
    rule: type[Rule], audited: set[str], empty: Set[str] = frozenset(), held_none: Set[str] = frozenset()
) -> str | None:
    if not rule.needs:
        return None
    present = rule.needs & audited
    if (rule.needs_any and present) or (not rule.needs_any and present == rule.needs):
        return None
    if "queries" in empty and "queries" in rule.needs:
        # a `queries:` source was given, but no query of it could be read (review30 D4)
        stored = "" if "stored_code" in rule.needs else "; stored code in schemas does not count"
        if "queries" in held_none:
            # read whole, no CN001 to point at: say what they hold (review39 D1)
            return (
                "no query was read from the `queries:` sources: they hold only statements that read "
                f"and write no rows (schema changes such as ALTER TABLE, settings){stored}"
            )
        return f"no query was read from the `queries:` sources (see CN001){stored}"
    # stored code in schema files counts as queries for the use rules, but is not named:
    # the user lists queries, not "stored code", in the policy
    missing = sorted(rule.needs - audited - {"stored_code"})
    if "queries" in missing and "stored_code" not in rule.needs:
        # a rule that needs the application's queries (CN401: "no query reads it") is
        # skipped with stored code audited too: say so, in words true with or without it
        others = [_KIND_NAMES.get(k, k) for k in missing if k != "queries"]
        names = _either(["`queries:` sources", *others])
        return f"no {names} were audited; stored code in schemas does not count"
    return f"no {_either([_KIND_NAMES.get(k, k) for k in missing])} were audited"


def _either(names: list[str]) -> str:
    """`a`, `a or b`, `a, b or c`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def rule_meta(rule: type[Rule]) -> RuleMeta:
    """Reporter-facing description of a rule."""
    return RuleMeta(rule.code, rule.name, rule.severity, rule.summary(), rule.doc())


def run_rules(
    policy: Policy,
    evidence: Evidence,
    *,
    preset: str | None = None,
    select: Iterable[str] | None = None,
    today: dt.date | None = None,
    ignore: Iterable[str] | None = None,
) -> tuple[list[Finding], list[Finding], list[SkippedRule]]:
    """Return (active findings, suppressed findings, skipped rules), each sorted."""
    classify(evidence)
    taxonomy = load_taxonomy().with_policy(policy)
    ctx = RuleContext(
        policy=policy,
        evidence=evidence,
        index=PolicyIndex(policy, AliasIndex(evidence.fields)),
        taxonomy=taxonomy,
        preset=preset,
    )
    wanted = select_rules(select, ignore)
    audited = _audited(evidence)
    findings: list[Finding] = []
    skipped: list[SkippedRule] = []
    for rule_class in all_rules():
        if wanted is not None and rule_class.code not in wanted:
            continue
        reason = _skip_reason(rule_class, audited, evidence.empty, evidence.held_none)
        if reason is not None:
            skipped.append(SkippedRule(rule_class.code, reason))
            continue
        for finding in rule_class().check(ctx):
            severity = severity_for(preset, finding.rule, finding.severity)
            if severity is not finding.severity and finding.severity is rule_class.severity:
                finding = dataclasses.replace(finding, severity=severity)
            findings.append(finding)
    findings = apply_inline_form_ignores(evidence, findings)
    active, suppressed = apply_waivers(policy, findings, today or dt.date.today(), ctx.index.aliases)
    return (
        sorted(active, key=Finding.sort_key),
        sorted(suppressed, key=Finding.sort_key),
        skipped,
    )


def _selectors(items: Iterable[str]) -> list[str]:
    return [s.strip() for item in items for s in item.split(",") if s.strip()]


def _matching(selector: str, option: str) -> set[str]:
    """Rule codes a selector names, ruff-style: `ALL`, a code, a prefix (`CN2`) or a name."""
    rules = all_rules()
    upper = selector.upper()
    if upper == "ALL":
        return {r.code for r in rules}
    by_name = {r.code for r in rules if r.name == selector.lower()}
    if by_name:
        return by_name
    by_prefix = {r.code for r in rules if upper.startswith("CN") and r.code.startswith(upper)}
    if by_prefix:
        return by_prefix
    raise UsageError(
        f"unknown rule selector {selector!r} in {option}: expected ALL, a code (CN203), a code "
        "prefix (CN2) or a rule name (pre-ticked-consent); see `cnsnt rules`"
    )


def select_rules(
    select: Iterable[str] | None, ignore: Iterable[str] | None = None
) -> set[str] | None:
    """The rule codes to run (None: all), from `--select` and `--ignore` as ruff reads them.

    Each option takes codes, code prefixes and rule names, comma-separated or repeated;
    `--select` narrows the set (default: every rule), `--ignore` then removes from it.
    """
    if select is None and not ignore:
        return None
    wanted: set[str] = set()
    if select is None:
        wanted = {r.code for r in all_rules()}
    else:
        for selector in _selectors(select):
            wanted |= _matching(selector, "--select")
    for selector in _selectors(ignore or ()):
        wanted -= _matching(selector, "--ignore")
    return wanted


def apply_inline_form_ignores(evidence: Evidence, findings: list[Finding]) -> list[Finding]:
    """Mark findings on a form field its `<!-- cnsnt: ignore CODE reason -->` comment waives."""
    ignores: dict[str, dict[str, str]] = {}
    for form in evidence.forms:
        for fld in form.fields:
            for code, reason in fld.ignores:
                ignores.setdefault(fld.key, {}).setdefault(code, reason)
    if not ignores:
        return findings
    out: list[Finding] = []
    for finding in findings:
        why = ignores.get(finding.subject, {}).get(finding.rule)
        if why is not None and finding.suppressed is None:
            finding = dataclasses.replace(finding, suppressed=f"inline ignore: {why}")
        out.append(finding)
    return out


def apply_waivers(
    policy: Policy, findings: list[Finding], today: dt.date, aliases: AliasIndex | None = None
) -> tuple[list[Finding], list[Finding]]:
    """Split findings into active and suppressed (inline ignores and unexpired waivers).

    `aliases`: the audit's forms renamed by their paths; a waiver may name a field by its
    form's old name, as a data entry may.
    """
    active: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        if finding.suppressed is not None:
            suppressed.append(finding)
            continue
        for waiver in policy.waivers:
            if waiver.rule != finding.rule:
                continue
            old = aliases.old.get(finding.subject) if aliases is not None else None
            if waiver.field is not None and not (
                glob_match(waiver.field, finding.subject)
                or column_matches(waiver.field, finding.subject)
                or (old is not None and aliases is not None and glob_match(waiver.field, old)
                    and aliases.reads_old_names(waiver.field))
            ):
                continue
            if waiver.expires is not None and dt.date.fromisoformat(waiver.expires) < today:
                continue
            note = f"waived: {waiver.reason}"
            if waiver.expires:
                note += f" (until {waiver.expires})"
            suppressed.append(dataclasses.replace(finding, suppressed=note))
            break
        else:
            active.append(finding)
    return active, suppressed
