"""JUnit XML: one test case per rule, failing with one failure per finding."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from cnsnt.model import AuditResult
from cnsnt.reporters.base import RenderOptions, Reporter, printable


class JunitReporter(Reporter):
    """`--format junit`, for CI systems that show test reports."""

    format = "junit"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """A testsuite named after the policy; each rule that ran is a test case.

        Every attribute and text goes through `printable`: XML 1.0 cannot hold most
        control characters at all, and a path or a message may carry them.
        """
        by_rule: dict[str, list[str]] = {}
        for f in result.findings:
            where = f" ({f.location})" if f.location else ""
            # XML 1.0 cannot hold most control characters at all.
            by_rule.setdefault(f.rule, []).append(printable(f"{f.severity.value}: {f.message}{where}"))
        skipped = {s.rule: s.reason for s in result.skipped}
        codes = sorted({r.code for r in result.rules} | set(by_rule))
        suites = ET.Element("testsuites", name="cnsnt")
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=printable(f"cnsnt {result.policy_path}"),
            tests=str(len(codes)),
            failures=str(sum(1 for c in codes if c in by_rule)),
            skipped=str(len(skipped)),
        )
        names = {r.code: r.name for r in result.rules}
        for code in codes:
            case = ET.SubElement(
                suite, "testcase", classname="cnsnt", name=f"{code} {names.get(code, '')}".strip()
            )
            if code in skipped:
                ET.SubElement(case, "skipped", message=printable(skipped[code]))
            elif code in by_rule:
                items = by_rule[code]
                failure = ET.SubElement(
                    case, "failure", message=f"{len(items)} finding(s)", type=code
                )
                failure.text = "\n".join(items)
        ET.indent(suites)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(suites, encoding="unicode")
            + "\n"
        )
