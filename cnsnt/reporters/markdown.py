"""Markdown report: for pull-request comments and audit files kept beside the code."""

from __future__ import annotations

from itertools import groupby

from cnsnt.model import AuditResult, Finding, Severity
from cnsnt.reporters.base import RenderOptions, Reporter, db_object, group_of, printable


def md_escape(text: str) -> str:
    """Escape what would break a table cell or inject markup."""
    # Any line break (CR, LS, ...) would start a new Markdown block: collapse them all.
    out = " ".join(printable(text).split())
    out = out.replace("\\", "\\\\").replace("|", "\\|")
    for ch in "<>*_`[]":
        out = out.replace(ch, "\\" + ch)
    return out


#: Rows listed in full before the rest are counted ("and 12 more").
MAX_SUBJECTS = 12
MAX_LINES = 12


def _where(f: Finding) -> str:
    if f.location is not None and f.location.line is not None:
        return f"{f.location.line}:{f.location.column or ''}".rstrip(":")
    if f.location is not None and f.location.database is not None:
        return db_object(f)  # a live database: schema.table.column under its database
    return ""


def _capped(items: list[str], limit: int) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


class MarkdownReporter(Reporter):
    """`--format markdown`: findings grouped by rule, then by source, repeats collapsed.

    Findings of one rule in one source that share their fix (but for the field it
    names) are one row, listing
    the fields and lines they concern, so a query log with thousands of uses of the
    same column stays a page long.
    """

    format = "markdown"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """A summary table of the rules, then one section per rule with a table per source."""
        counts = {s: result.count(s) for s in Severity}
        out = [
            f"# cnsnt audit of {md_escape(result.policy_path)}",
            "",
            f"**{counts[Severity.ERROR]}** errors, **{counts[Severity.WARNING]}** warnings, "
            f"**{counts[Severity.INFO]}** info, {len(result.suppressed)} suppressed.",
        ]
        by_rule = sorted(result.findings, key=lambda f: (f.rule, group_of(f), f.sort_key()))
        rules = [(rule, list(items)) for rule, items in groupby(by_rule, key=lambda f: f.rule)]
        if rules:
            out += ["", "| rule | severity | findings | sources |", "|---|---|---|---|"]
            for rule, items in rules:
                severities = sorted({f.severity.value for f in items})
                sources = len({group_of(f) for f in items})
                out.append(
                    f"| [{rule} {items[0].name}](#{rule.lower()}) | {', '.join(severities)} | "
                    f"{len(items)} | {sources} |"
                )
        for rule, items in rules:
            out += ["", f"## {rule}", "", f"**{items[0].name}**: {len(items)} finding"
                    + ("s" if len(items) != 1 else "") + f" · `cnsnt explain {rule}`"]
            for source, in_source in groupby(items, key=group_of):
                rows = list(in_source)
                out += [
                    "",
                    f"### {md_escape(source)}",
                    "",
                    "| where | severity | finding | fix |",
                    "|---|---|---|---|",
                ]
                collapsed: dict[tuple[str, str], list[Finding]] = {}
                for f in rows:
                    # The same fix for another field is a repeat: compare fixes without the field.
                    shape = f.hint.replace(f.subject, "\0") if f.subject else f.hint
                    collapsed.setdefault((f.severity.value, shape), []).append(f)
                for (severity, _), same in collapsed.items():
                    hint = same[0].hint
                    if len(same) == 1:
                        f = same[0]
                        out.append(
                            f"| {md_escape(_where(f))} | {severity} | {md_escape(f.message)} "
                            f"| {md_escape(hint)} |"
                        )
                        continue
                    lines = list(dict.fromkeys(w for f in same if (w := _where(f))))
                    subjects = list(dict.fromkeys(f.subject for f in same))
                    finding = (
                        f"{len(same)}×, e.g. {md_escape(same[0].message)}"
                        f"<br>**about:** {md_escape(_capped(subjects, MAX_SUBJECTS))}"
                    )
                    out.append(
                        f"| {md_escape(_capped(lines, MAX_LINES))} | {severity} | {finding} | "
                        f"{md_escape(hint)} |"
                    )
        if result.skipped:
            out += [
                "",
                "Skipped rules: "
                + "; ".join(f"{s.rule} ({md_escape(s.reason)})" for s in result.skipped),
            ]
        return "\n".join(out) + "\n"
