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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cnsnt.errors import SourceError
from cnsnt.evidence import FieldRole
from cnsnt.sources.schemas.grammars import parse_bounded, parser
from cnsnt.starter.jsx_entries import not_product
from cnsnt.starter.survey_context import read_as_form

#: Script suffixes whose strings may hold a page's markup, and the grammar each is read with
#: (JavaScript as TSX, which also takes the JSX a `.js` file may hold).
SCRIPT_SUFFIXES = {
    ".js": "tsx",
    ".mjs": "tsx",
    ".cjs": "tsx",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
}
#: Markup that draws a form control. Linear: a fixed alternation and one word boundary.
_CONTROL = re.compile(r"<(?:form|input|select|textarea)\b", re.IGNORECASE)
#: The grammar's nodes for a string or template literal (comments are nodes of their own).
_LITERALS = frozenset({"string", "template_string"})


def html_strings_file(path: Path, head: str) -> bool:
    """Whether a script's string literals hold form markup (`path` relative to the project)."""
    grammar = SCRIPT_SUFFIXES.get(path.suffix.lower())
    if grammar is None or not_product(path, head):
        return False
    if _CONTROL.search(head) is None:
        return False  # most scripts: no markup at all, nothing to parse
    return any(_CONTROL.search(text) for text in _strings(head, grammar, path.as_posix()))


def collects(path: Path, root: Path) -> bool:
    """Whether the audit reads a control a person fills in from a script read as HTML.

    A Stimulus controller that inserts `<input type='hidden' name='[targets][]'>` into a
    list on its page holds markup, but collects nothing from a person: demarches-simplifiees.fr's
    `api_token_autorisation_controller.ts` was proposed as a form of a button and a
    hidden field (review28 D5). A script the reader cannot read stays proposed: the
    audit says why.
    """
    evidence = read_as_form(path, root, "html")
    return evidence is None or any(f.role in (FieldRole.INPUT, FieldRole.CONSENT) for f in evidence.fields)


def holds_markup(head: str) -> bool:
    """Whether a script's text draws a form control anywhere (a string, JSX): no parse, a scan."""
    return _CONTROL.search(head) is not None


def _strings(text: str, grammar: str, shown: str) -> Iterator[str]:
    """The string and template literals of a script, as its grammar parses them.

    A template literal's `${...}` is kept in it: the markup around it is what counts. A
    script that cannot be parsed in time holds none.
    """
    source = text.encode("utf-8", "surrogatepass")
    try:
        tree = parse_bounded(parser(grammar, "scripts holding form markup"), source, shown)
    except SourceError:
        return
    if tree.root_node.has_error:
        # a literal left open (`return \`<form>...` to the end): the grammar reads the rest as
        # code, so what stands outside comments counts, as a scanner of literals would find it
        yield _outside_comments(source, tree.root_node)
        return
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type in _LITERALS:
            yield source[node.start_byte : node.end_byte].decode("utf-8", "replace")
        else:
            stack.extend(node.children)


def _outside_comments(source: bytes, root: Any) -> str:
    """The script's text with its comments cut out."""
    kept: list[bytes] = []
    pos = 0
    stack = [root]
    comments = []
    while stack:
        node = stack.pop()
        if node.type == "comment":
            comments.append((node.start_byte, node.end_byte))
        else:
            stack.extend(node.children)
    for start, end in sorted(comments):
        kept.append(source[pos:start])
        pos = end
    kept.append(source[pos:])
    return b"".join(kept).decode("utf-8", "replace")
