"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""

from __future__ import annotations

from collections import Counter

from cnsnt.model import AuditResult, Finding, Severity
from cnsnt.reporters.base import RenderOptions, Reporter, printable
from cnsnt.reporters.markdown import md_escape

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_KIND = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "notices"}

ANNOTATIONS_PER_KIND = 10
"""GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; the rest
are dropped silently, so the last one shown says how many more the job summary lists."""

SUMMARY_TOP = 20
"""Findings listed in the job summary (the counts cover them all)."""


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _where(f: Finding, options: RenderOptions) -> str:
    if f.location is None or f.location.path is None:
        return f.location.database or "(policy)" if f.location is not None else "(policy)"
    where = options.ci_path(f.location.path)
    if f.location.line is not None:
        where += f":{f.location.line}"
        if f.location.column is not None:
            where += f":{f.location.column}"
    return where


def _annotation(f: Finding, options: RenderOptions) -> str:
    props = []
    if f.location is not None and f.location.path is not None:
        props.append(f"file={_escape_property(options.ci_path(f.location.path))}")
        if f.location.line is not None:
            props.append(f"line={f.location.line}")
            if f.location.column is not None:
                props.append(f"col={f.location.column}")
    props.append(f"title={_escape_property(f'{f.rule} {f.name}')}")
    message = f"{f.message}. Fix: {f.hint}" if f.hint else f.message
    if f.location is not None and f.location.uri is not None:
        # No file to annotate: the message says where in which database.
        message = f"{f.location.uri}: {message}"
    return f"::{_COMMAND[f.severity]} {','.join(props)}::{_escape_data(message)}"


class GithubReporter(Reporter):
    """`--format github`: `::error file=...::message` lines, 10 per kind as GitHub shows them."""

    format = "github"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """Workflow-command lines; past the cap, plain log lines and one annotation saying so."""
        total = Counter(f.severity for f in result.findings)
        shown: Counter[Severity] = Counter()
        lines = []
        for f in result.findings:
            kind = f.severity
            capped = total[kind] > ANNOTATIONS_PER_KIND
            if not capped or shown[kind] < ANNOTATIONS_PER_KIND - 1:
                lines.append(_annotation(f, options))
            else:
                if shown[kind] == ANNOTATIONS_PER_KIND - 1:
                    more = total[kind] - shown[kind]
                    lines.append(
                        f"::{_COMMAND[kind]} title=cnsnt%3A {more} more {_KIND[kind]}::"
                        f"{more} more {_KIND[kind]} are not annotated here (GitHub shows "
                        f"{ANNOTATIONS_PER_KIND} per kind per step); the job summary and the "
                        "log below list them all."
                    )
                lines.append(
                    f"{_where(f, options)}: {f.severity.value} {f.rule} {printable(f.message)}"
                )
            shown[kind] += 1
        return "".join(line + "\n" for line in lines)


def job_summary(result: AuditResult, options: RenderOptions, top: int = SUMMARY_TOP) -> str:
    """Markdown for `$GITHUB_STEP_SUMMARY`: the counts and the first findings, worst first."""
    counts = {s: result.count(s) for s in Severity}
    out = [
        "## cnsnt",
        "",
        "| errors | warnings | info | suppressed |",
        "|---|---|---|---|",
        f"| {counts[Severity.ERROR]} | {counts[Severity.WARNING]} | {counts[Severity.INFO]} "
        f"| {len(result.suppressed)} |",
        "",
    ]
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    worst = sorted(result.findings, key=lambda f: (order[f.severity], f.sort_key()))
    if worst:
        out += [
            f"Top {min(top, len(worst))} of {len(worst)} findings:" if len(worst) > top else
            "Findings:",
            "",
            "| where | severity | rule | finding |",
            "|---|---|---|---|",
        ]
        for f in worst[:top]:
            out.append(
                f"| {md_escape(_where(f, options))} | {f.severity.value} | {f.rule} {f.name} "
                f"| {md_escape(f.message)} |"
            )
        out.append("")
    else:
        out += ["No findings.", ""]
    return "\n".join(out) + "\n"
