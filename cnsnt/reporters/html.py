"""HTML report: one self-contained page a DPO or product manager can open and share.

No script and no external asset: filters are CSS-only (checkboxes and `:checked`
sibling selectors), the summary chart is an SVG drawn from the counts, the data
map picture (when the CLI passes one) is an `<img>` of a `data:` URL. Every string
is autoescaped by Jinja2, and the Content-Security-Policy allows only the page's
own stylesheet, by its hash (computed over the final CSS, which includes the rules
generated for the filters).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import groupby

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from cnsnt import __version__
from cnsnt.model import AuditResult, Finding, Severity
from cnsnt.reporters.base import RenderOptions, Reporter, group_of, printable
from cnsnt.reporters.order import report_order, unread_places

RULES_DOC_URL = "https://github.com/cnsnt/cnsnt/blob/main/docs/rules.md"

#: Rule families by the hundreds digit of the code.
FAMILIES = {
    "0": "sources", "1": "collection", "2": "consent", "3": "use",
    "4": "minimization", "5": "retention", "6": "notice",
}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_PURPOSE = re.compile(r"under purpose ([\w.-]+)")
_SLUG = re.compile(r"[^a-z0-9_-]+")


def slug(text: str) -> str:
    """A class-name-safe form of a rule code or purpose key."""
    return _SLUG.sub("-", text.lower()).strip("-") or "x"


def purpose_of(finding: Finding) -> str | None:
    """The purpose a finding is about, when it names one."""
    match = _PURPOSE.search(finding.message)
    if match:
        return match.group(1)
    for ref in (finding.policy_entry or "", finding.subject):
        for prefix in ("purposes.", "purpose:"):
            if ref.startswith(prefix):
                return ref[len(prefix):].split(".")[0]
    return None


@dataclass(frozen=True)
class Bar:
    """One row of the summary chart: a rule family and its counts per severity."""

    family: str
    counts: tuple[tuple[str, int, float, float], ...]
    """(severity, count, x, width) in chart units (0-100)."""
    total: int


def _bars(findings: tuple[Finding, ...]) -> list[Bar]:
    per = Counter((FAMILIES.get(f.rule[2:3], "other"), f.severity.value) for f in findings)
    totals = Counter(FAMILIES.get(f.rule[2:3], "other") for f in findings)
    biggest = max(totals.values(), default=1)
    bars = []
    for family in FAMILIES.values():
        if not totals[family]:
            continue
        x, parts = 0.0, []
        for sev in SEVERITIES:
            n = per[(family, sev.value)]
            width = round(100 * n / biggest, 2)
            parts.append((sev.value, n, round(x, 2), width))
            x += width
        bars.append(Bar(family, tuple(parts), totals[family]))
    return bars


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("cnsnt.reporters", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters["printable"] = printable
    env.filters["code"] = inline_code
    return env


#: A span between backticks in a message (`queries:`, `Form::normalInput`). Linear: no nesting.
_BACKTICKED = re.compile(r"`([^`\n]+)`")


def inline_code(text: str) -> Markup:
    """A message with its `backticked` spans as `<code>`, everything escaped first.

    The text reporter shows backticks as they are; a page would show them literally.
    """
    escaped = str(escape(printable(text)))
    return Markup(_BACKTICKED.sub(r"<code>\1</code>", escaped))


def _css(rules: list[str], purposes: list[str]) -> str:
    base = resources.files("cnsnt.reporters").joinpath("templates", "audit.css").read_text("utf-8")
    lines = [line.rstrip() for line in base.splitlines() if line.strip()]
    hide = [f"#f-sev-{s.value}:not(:checked) ~ .findings .sev-{s.value}" for s in SEVERITIES]
    hide += [f"#f-rule-{slug(r)}:not(:checked) ~ .findings .rule-{slug(r)}" for r in rules]
    hide += [f"#f-purpose-{slug(p)}:not(:checked) ~ .findings .purpose-{slug(p)}" for p in purposes]
    if hide:
        lines.append(",\n".join(hide) + " { display: none; }")
    return "\n".join(lines) + "\n"


def _csp(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _clusters(items: list[Finding]) -> list[list[Finding]]:
    """Fold repeats of one source into one entry each.

    A repeat has the same rule, severity, purpose and fix but for the field, or the policy
    entry it is about (`add required: true or false to data.password`), it names; a
    column's finding that names the entry it belongs to stays apart. Folding them keeps a
    large query log, or a starter's twenty-six entries asked of customers, a readable page.
    """
    out: dict[tuple[str, str, str, str | None], list[Finding]] = {}
    for f in items:
        shape = f.hint.replace(f.subject, "\0") if f.subject else f.hint
        if f.policy_entry and f.subject.replace(":", ".", 1) == f.policy_entry:  # about the entry itself
            shape = shape.replace(f.policy_entry, "\0")
        out.setdefault((f.rule, f.severity.value, shape, purpose_of(f)), []).append(f)
    order = {id(f): n for n, f in enumerate(items)}
    clusters = [sorted(same, key=lambda f: _telling(f, order[id(f)])) for same in out.values()]
    # a fold stands where the member it shows stands, which may be below its first member:
    # the page reads in order of what it shows
    return sorted(clusters, key=lambda same: order[id(same[0])])


def _telling(finding: Finding, position: int) -> tuple[int, int, int]:
    """How a fold's member ranks as the one shown: severity, naming personal data, place.

    Its place is its position in the report's order. A folded group of nameless
    controls showed its first member, `has no name (value={formData.pacienteId ||
    ''})`, and hid the "looks like personal data:
    national id" ones behind "6 more like it" (review25 D10).
    """
    return SEVERITIES.index(finding.severity), 0 if finding.personal else 1, position


class HtmlReporter(Reporter):
    """`--format html`."""

    format = "html"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """The whole page."""
        findings = tuple(report_order(result.findings))  # sources not read in full first
        rules = sorted({f.rule for f in findings})
        purposes = sorted({p for f in findings if (p := purpose_of(f))})
        css = _css(rules, purposes)
        names = {f.rule: f.name for f in findings}
        groups = [(g, _clusters(list(items))) for g, items in groupby(findings, key=group_of)]
        picture = None
        if options.datamap_svg:
            picture = "data:image/svg+xml;base64," + base64.b64encode(
                options.datamap_svg.encode("utf-8")
            ).decode("ascii")
        text = _env().get_template("audit.html.j2").render(
            r=result,
            read=[_counted(v, k) for k, v in result.sources.items()],
            counts={s.value: result.count(s) for s in SEVERITIES},
            severities=[s.value for s in SEVERITIES],
            bars=_bars(findings),
            groups=groups,
            unread=unread_places(findings),
            rules=[(code, names[code], sum(1 for f in findings if f.rule == code)) for code in rules],
            purposes=[(p, sum(1 for f in findings if purpose_of(f) == p)) for p in purposes],
            purpose_of=purpose_of,
            slug=slug,
            doc_url=RULES_DOC_URL,
            picture=picture,
            picture_note=options.datamap_note,
            css=Markup(css),
            csp=_csp(css),
            version=__version__,
        )
        lines = [line.rstrip() for line in text.splitlines()]
        return "\n".join(line for line in lines if line) + "\n"


def _counted(count: int, key: str) -> str:
    """`135 columns`, `1 database`, `1 schema file`: a count of what was read, in words."""
    things = key.replace("_", " ")
    if count != 1:
        return f"{count} {things}"
    one = things[:-3] + "y" if things.endswith("ies") else things.removesuffix("s")
    return f"1 {one}"
