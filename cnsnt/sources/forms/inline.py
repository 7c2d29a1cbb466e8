"""`<!-- cnsnt: ignore CODE reason -->` on a form field, as `-- cnsnt: ignore` works on SQL.

The comment waives the named rules for the field it stands on: the first control on the
comment's last line or after it. Like the SQL annotation it needs a reason, which the
report shows with the suppressed finding (`--show-suppressed`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from cnsnt.evidence import Form, SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.base import LineIndex

#: `ignore CODE[, CODE] reason` after `cnsnt:`. Linear: possessive runs, and the reason
#: (`.*`, DOTALL) takes the rest of the comment in one step.
_IGNORE = re.compile(r"ignore\s++(CN\d{3}(?>(?:\s*+,\s*+CN\d{3})*))\b\s*+(.*)", re.S | re.I)
_PREFIX = "cnsnt:"


def _comments(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, body) of every closed `<!-- -->` comment, by `str.find`: one pass."""
    pos = text.find("<!--")
    while pos >= 0:
        close = text.find("-->", pos + 4)
        if close < 0:
            return  # an unclosed comment runs to the end: no annotation in it
        yield pos, close + 3, text[pos + 4 : close]
        pos = text.find("<!--", close + 3)


def attach_inline_ignores(
    text: str, shown: str, forms: list[Form]
) -> tuple[list[Form], list[SourceProblem]]:
    """Forms whose fields carry the ignores of the `cnsnt:` comments before them, and problems."""
    problems: list[SourceProblem] = []
    found: list[tuple[int, int, tuple[tuple[str, str], ...]]] = []
    index: LineIndex | None = None
    for start, end, body in _comments(text):
        stripped = body.strip()
        if stripped[: len(_PREFIX)].lower() != _PREFIX:
            continue
        directive = stripped[len(_PREFIX) :].strip()
        index = index or LineIndex(text)
        line, col = index.line_col(start)
        where = Location(shown, line, col)
        i = _IGNORE.match(directive)
        if i is None:
            problems.append(_problem(
                f"unknown cnsnt annotation '{' '.join(directive.split())}' in an HTML comment: "
                "expected 'ignore CODE reason'", where))
            continue
        codes = [c.strip().upper() for c in i.group(1).split(",")]
        reason = " ".join(i.group(2).split())
        if not reason:
            problems.append(_problem(
                f"'cnsnt: ignore {', '.join(codes)}' needs a reason after the rule code; "
                "the suppression is not applied", where))
            continue
        end_line, _ = index.line_col(end)
        found.append((end_line, end, tuple((c, reason) for c in codes)))
    if not found:
        return forms, problems
    fields = sorted(
        ((fld.location.line or 0, fld.location.column or 0, fi, ki)
         for fi, form in enumerate(forms) for ki, fld in enumerate(form.fields)),
    )
    extra: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for end_line, _offset, ignores in found:
        target = next(((fi, ki) for line, _c, fi, ki in fields if line >= end_line), None)
        if target is None:
            problems.append(_problem(
                "'cnsnt: ignore' comment has no form field on its line or after it; "
                "the suppression is not applied", Location(shown, end_line, 1)))
            continue
        extra.setdefault(target, []).extend(ignores)
    out = []
    for fi, form in enumerate(forms):
        new_fields = tuple(
            dataclasses.replace(fld, ignores=fld.ignores + tuple(extra[(fi, ki)]))
            if (fi, ki) in extra else fld
            for ki, fld in enumerate(form.fields)
        )
        out.append(dataclasses.replace(form, fields=new_fields))
    return out, problems


def _problem(message: str, where: Location) -> SourceProblem:
    return SourceProblem(message, where, where.path or "", severity=Severity.WARNING)
