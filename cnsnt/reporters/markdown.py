"""Markdown report: for pull-request comments and audit files kept beside the code."""

from __future__ import annotations

from itertools import groupby

from cnsnt.model import AuditResult, Severity
from cnsnt.reporters.base import RenderOptions, Reporter, db_object, group_of, printable


def md_escape(text: str) -> str:
    """Escape what would break a table cell or inject markup."""
    # Any line break (CR, LS, ...) would start a new Markdown block: collapse them all.
    out = " ".join(printable(text).split())
    out = out.replace("\\", "\\\\").replace("|", "\\|")
    for ch in "<>*_`[]":
        out = out.replace(ch, "\\" + ch)
    return out


class MarkdownReporter(Reporter):
    """`--format markdown`."""

    format = "markdown"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """A summary line and one table per source."""
        counts = {s: result.count(s) for s in Severity}
        out = [
            f"# cnsnt audit of {md_escape(result.policy_path)}",
            "",
            f"**{counts[Severity.ERROR]}** errors, **{counts[Severity.WARNING]}** warnings, "
            f"**{counts[Severity.INFO]}** info, {len(result.suppressed)} suppressed.",
        ]
        ordered = sorted(result.findings, key=lambda f: (group_of(f), f.sort_key()))
        for group, items in groupby(ordered, key=group_of):
            out += [
                "",
                f"## {md_escape(group)}",
                "",
                "| where | severity | rule | finding | fix |",
                "|---|---|---|---|---|",
            ]
            for f in items:
                where = ""
                if f.location is not None and f.location.line is not None:
                    where = f"{f.location.line}:{f.location.column or ''}".rstrip(":")
                elif f.location is not None and f.location.database is not None:
                    where = md_escape(db_object(f))
                out.append(
                    f"| {where} | {f.severity.value} | {f.rule} {f.name} | {md_escape(f.message)} "
                    f"| {md_escape(f.hint)} |"
                )
        if result.skipped:
            out += [
                "",
                "Skipped rules: "
                + "; ".join(f"{s.rule} ({md_escape(s.reason)})" for s in result.skipped),
            ]
        return "\n".join(out) + "\n"
