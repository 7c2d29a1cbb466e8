r"""Scripts that keep their pages as HTML in strings, as `cnsnt init` proposes them (`format: html`).

A vanilla-JavaScript single-page app draws each view from a template literal
(`return \`<form id="paciente-form"><input name="dni">...\``): mateofonsecaa/tugabinete's
`frontend/public/js/views/*.js`, 304 fields in 38 forms that the HTML reader reads with
`format: html`. No JSX draws them, so they were proposed as nothing, and said nothing. A
`.js`/`.ts`/`.mjs` file whose string literals hold `<form`, `<input`, `<select` or
`<textarea` markup is proposed with `format: html`; a file whose JSX draws a control is
a React component and is proposed as one (never twice). Stories, tests, mocks, build
output and minified bundles are not the product's pages, as for React components.
"""

from __future__ import annotations

import re
from pathlib import Path

from cnsnt.starter.jsx_entries import not_product

#: Script suffixes whose strings may hold a page's markup.
SCRIPT_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"})
#: Markup that draws a form control. Linear: a fixed alternation and one word boundary.
_CONTROL = re.compile(r"<(?:form|input|select|textarea)\b", re.IGNORECASE)
#: Where a string literal or a comment starts. Linear: single characters and fixed pairs.
_OPENER = re.compile(r"[`'\"]|//|/\*")
#: A literal's body up to its closing quote: escapes kept, a quote's string ends at a line end.
#: Linear: possessive runs of characters that cannot start an escape or end the literal.
_BODY = {
    "`": re.compile(r"(?:[^`\\]++|\\.)*+", re.DOTALL),
    "'": re.compile(r"(?:[^'\\\n]++|\\.)*+"),
    '"': re.compile(r'(?:[^"\\\n]++|\\.)*+'),
}


def html_strings_file(path: Path, head: str) -> bool:
    """Whether a script's string literals hold form markup (`path` relative to the project)."""
    if path.suffix.lower() not in SCRIPT_SUFFIXES or not_product(path, head):
        return False
    if _CONTROL.search(head) is None:
        return False  # most scripts: no markup at all, nothing to scan
    return any(_CONTROL.search(text) for text in _strings(head))


def _strings(text: str) -> list[str]:
    """The string and template literals of a script, comments skipped (one pass, linear).

    A template literal's `${...}` is kept in it: the markup around it is what counts. A
    regular-expression literal is read as code, which can only miss a string, never invent one.
    """
    found: list[str] = []
    pos, end = 0, len(text)
    while pos < end:
        match = _OPENER.search(text, pos)
        if match is None:
            break
        opener = match.group()
        start = match.end()
        if opener == "//":
            newline = text.find("\n", start)
            pos = end if newline < 0 else newline + 1
            continue
        if opener == "/*":
            close = text.find("*/", start)
            pos = end if close < 0 else close + 2
            continue
        body = _BODY[opener].match(text, start)
        idx = body.end() if body is not None else start
        found.append(text[start:idx])
        pos = idx + 1
    return found
