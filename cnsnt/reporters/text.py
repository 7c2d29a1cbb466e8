"""The terminal report: findings grouped by source, rendered with rich."""

from __future__ import annotations

import io
import re
from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from cnsnt.model import AuditResult, Finding, Severity
from cnsnt.reporters.base import RenderOptions, Reporter, db_object, group_of, printable
from cnsnt.reporters.order import report_order

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _where(finding: Finding) -> str:
    loc = finding.location
    if loc is None:
        return ""
    if loc.database is not None:
        return db_object(finding)
    if loc.line is None:
        return ""
    return f"{loc.line}:{loc.column}" if loc.column is not None else str(loc.line)


def sources_line(result: AuditResult) -> str:
    """What was read, e.g. `schema files: 1, tables: 5, columns: 36`."""
    return ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in result.sources.items())


def summary_line(result: AuditResult) -> str:
    """`3 errors, 1 warning, 0 info (2 suppressed)`: for stderr."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 or word == 'info' else 's'}"

    parts = [
        plural(result.count(Severity.ERROR), "error"),
        plural(result.count(Severity.WARNING), "warning"),
        plural(result.count(Severity.INFO), "info"),
    ]
    line = ", ".join(parts)
    if result.suppressed:
        line += f" ({len(result.suppressed)} suppressed)"
    return line


#: More findings than this alike in one file are shown as one with the others' lines.
COLLAPSE_OVER = 3


#: What varies between findings alike: bracketed text and numbers. Linear: the bracket
#: branch's class excludes `(`, so the scans from successive `(` never overlap; both
#: runs are possessive.
_VARYING = re.compile(r"\([^()]*+\)|\d++")


def _shape(f: Finding) -> tuple[str, str, str]:
    """Findings alike but for what stands in brackets (quoted SQL, line counts)."""
    return (f.rule, f.severity.value, _VARYING.sub("", f.message))


def _collapse(items: list[Finding]) -> list[tuple[Finding, list[Finding]]]:
    """Keep a file's report readable when one problem repeats 100 times (dump separators)."""
    by_shape: dict[tuple[str, str, str], list[Finding]] = {}
    for f in items:
        if f.suppressed is None:
            by_shape.setdefault(_shape(f), []).append(f)
    out: list[tuple[Finding, list[Finding]]] = []
    for f in items:
        alike = by_shape.get(_shape(f), [])
        if f.suppressed is not None or len(alike) <= COLLAPSE_OVER:
            out.append((f, []))
        elif alike[0] is f:
            out.append((f, alike[1:]))
    return out


class TextReporter(Reporter):
    """`--format text` (the default)."""

    format = "text"
    machine = False

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """Findings grouped by file, each with line:col, severity, code, message and hint."""
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=options.width,
            color_system="standard" if options.color else None,
            force_terminal=options.color,
            no_color=not options.color,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
        findings = list(result.findings)
        if options.show_suppressed:
            findings += list(result.suppressed)
        if not findings:
            console.print("No findings.")
        ordered = report_order(findings)  # sources not read in full first
        for group, items in groupby(ordered, key=group_of):
            console.print(Text(printable(group), style="bold underline"))
            table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1, 0, 0))
            table.add_column("where", no_wrap=True, style="dim", min_width=6)
            table.add_column("severity", no_wrap=True)
            table.add_column("rule", no_wrap=True)
            table.add_column("message", ratio=1, overflow="fold")
            last_hint: dict[str, str] = {}
            for f, more in _collapse(list(items)):
                body = Text(printable(f.message))
                if more:
                    lines = ", ".join(_where(m).split(":")[0] for m in more[:8])
                    tail = ", ..." if len(more) > 8 else ""
                    body.append("\n")
                    body.append(
                        f"and {len(more)} more like it at {'' if group.startswith('db://') else 'lines '}"
                        f"{lines}{tail} (all listed in --format json)",
                        style="dim",
                    )
                if f.hint and last_hint.get(f.rule) != f.hint:
                    # The same fix under the same rule is said once per file.
                    last_hint[f.rule] = f.hint
                    body.append("\n")
                    body.append(f"fix: {printable(f.hint)}", style="dim")
                if f.suppressed:
                    body.append("\n")
                    body.append(f"suppressed: {printable(f.suppressed)}", style="dim italic")
                table.add_row(
                    printable(_where(f)),
                    Text(f.severity.value, style=_STYLE[f.severity]),
                    Text(f.rule, style="bold"),
                    body,
                )
            console.print(table)
            console.print()
        if result.skipped:
            for skipped in result.skipped:
                console.print(
                    Text(f"skipped {skipped.rule}: {escape(printable(skipped.reason))}", style="dim")
                )
        # rich pads table cells to the full width; trailing blanks only add noise.
        return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
