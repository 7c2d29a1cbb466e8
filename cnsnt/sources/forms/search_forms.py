"""Search and filter forms: a query over data people gave elsewhere, not collection from them.

GDPR Art. 13 applies "where personal data ... are collected from the data subject".
A staff page's `search_form_for @q do |f| f.search_field :email_cont` or a
`<form method="get">` sends what is typed as a query string to look records up: it
stores nothing about the person who types it. Such a form's fields get the role
`search`: no CN101, not proposed by `cnsnt init` as a data entry's `form_fields`, and
the reader notes each such form (a CN001 info) so the choice is never silent.

A form is a search form when it is written so:

- an HTML `<form method="get">` (a literal `get`; a form with no `method` is left
  alone: an AJAX form often has none);
- a Rails ERB block `search_form_for` (ransack), or `form_with`/`form_tag`/`form_for`
  given `method: :get`;
- its fields are named by ransack predicates: a name ending in `_cont`, `_i_cont`,
  `_eq`, `_gteq`, `_lteq`, `_matches`, ... is a query wherever it stands; one ending
  in a predicate that is also an ordinary word (`_in`, `_start`, `_end`, `_lt`,
  `_true`: `opt_in`, `date_start`) only in a form that has an unambiguous one.
"""

from __future__ import annotations

import re

from cnsnt.sources.forms.templates import CLOSE, IF, OPEN, Token

#: Ransack predicates no ordinary field name ends in (`email_cont`, `status_not_eq`).
_PLAIN = (
    "cont", "i_cont", "not_cont", "not_i_cont", "cont_any", "cont_all", "not_cont_any",
    "not_cont_all", "i_cont_any", "i_cont_all", "eq", "not_eq", "eq_any", "eq_all",
    "not_eq_any", "not_eq_all", "gteq", "lteq", "gteq_any", "lteq_any", "matches",
    "does_not_match", "matches_any", "not_in", "not_null", "not_start", "not_end",
    "start_any", "end_any", "in_any", "i_eq",
)
#: Ransack predicates that ordinary names end in too (`opt_in`, `date_start`, `is_true`).
_AMBIGUOUS = ("in", "start", "end", "lt", "gt", "null", "present", "blank", "true", "false")

# Linear: anchored at the end; one word run (backtracking ends at the first `_` found from
# the right because the alternatives are fixed words), no nested quantifiers.
_PLAIN_END = re.compile(r"[a-z0-9]_(?:" + "|".join(sorted(_PLAIN, key=len, reverse=True)) + r")\]?$")
_AMBIGUOUS_END = re.compile(r"[a-z0-9]_(?:" + "|".join(_AMBIGUOUS) + r")\]?$")
#: ERB blocks that open a search form. Linear: fixed words at word boundaries; the
#: method option is a fixed run of blanks and words.
_SEARCH_BLOCK = re.compile(r"\bsearch_form_for\b")
_FORM_BLOCK = re.compile(r"\b(?:form_with|form_tag|form_for|simple_form_for)\b")
_GET_OPTION = re.compile(r"""\bmethod\s*+(?::|=>)\s*+(?::get\b|['"]get['"])""", re.IGNORECASE)


def ransack_name(name: str, *, strict: bool = True) -> bool:
    """A field named by a ransack predicate: `email_cont`, `q[status_eq]`.

    With `strict` only the predicates no ordinary name ends in; else those too.
    """
    low = name.strip().lower()
    if _PLAIN_END.search(low):
        return True
    return not strict and bool(_AMBIGUOUS_END.search(low))


def get_method(method: str | None) -> bool:
    """A `<form method="get">` (the literal word)."""
    return (method or "").strip().lower() == "get"


def erb_search_spans(tokens: list[Token], code: str) -> list[tuple[int, int, str]]:
    """The stretches of an ERB template inside a search form block, and what opened each.

    `<%= search_form_for @q do |f| %> ... <% end %>`, or a `form_with ..., method: :get do`.
    """
    spans: list[tuple[int, int, str]] = []
    opened: list[tuple[int, str | None]] = []
    for tok in tokens:
        if not tok.name.startswith("erb"):
            continue
        if tok.kind in (OPEN, IF):
            piece = code[tok.start : tok.end]
            what = None
            if tok.kind == OPEN and _SEARCH_BLOCK.search(piece):
                what = "search_form_for"
            elif tok.kind == OPEN and _FORM_BLOCK.search(piece) and _GET_OPTION.search(piece):
                what = "method: :get"
            opened.append((tok.start, what))
        elif tok.kind == CLOSE and opened:
            start, what = opened.pop()
            if what is not None:
                spans.append((start, tok.end, what))
    return spans
