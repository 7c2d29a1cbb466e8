"""Search and filter forms: a query over data people gave elsewhere, not collection from them.

GDPR Art. 13 applies "where personal data ... are collected from the data subject".
A staff page's `search_form_for @q do |f| f.search_field :email_cont` or a
`<form method="get">` sends what is typed as a query string to look records up: it
stores nothing about the person who types it. Such a form's fields get the role
`search`: no CN101, not proposed by `cnsnt init` as a data entry's `form_fields`, and
the reader notes each such form (a CN001 info) so the choice is never silent.

A form is a search form when it is written so:

- an HTML `<form method="get">` (a literal `get`; a form with no `method` is left
  alone: an AJAX form often has none), or a Rails `form_with`/`form_tag`/`form_for`
  given `method: :get`, whose controls look like a query (`get_form_collects`): the
  method says how the data is sent, not whether it is collected, and a newsletter
  signup sent by GET (a JSONP form has to be) collects an e-mail address all the same;
- a Rails ERB block `search_form_for` (ransack);
- its fields are named by ransack predicates: a name ending in `_cont`, `_i_cont`,
  `_eq`, `_gteq`, `_lteq`, `_matches`, ... is a query wherever it stands; one ending
  in a predicate that is also an ordinary word (`_in`, `_start`, `_end`, `_lt`,
  `_true`: `opt_in`, `date_start`) only in a form that has an unambiguous one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from cnsnt.evidence import FieldRole
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


def erb_search_spans(tokens: list[Token], code: str) -> list[tuple[int, int, str, str]]:
    """The stretches of an ERB template inside a search form block, what opened each, and its code.

    `<%= search_form_for @q do |f| %> ... <% end %>`, or a `form_with ..., method: :get do`
    (a search only when its controls say so: `get_form_collects`).
    """
    spans: list[tuple[int, int, str, str]] = []
    opened: list[tuple[int, str | None, str]] = []
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
            opened.append((tok.start, what, piece))
        elif tok.kind == CLOSE and opened:
            start, what, piece = opened.pop()
            if what is not None:
                spans.append((start, tok.end, what, piece))
    return spans


class Asked(Protocol):
    """A control as the GET-form verdict reads it (`html_page.Control` is one)."""

    name: str | None
    control: str
    role: FieldRole


#: A search box's name, or a list's filter, sort and paging parameter (the whole name).
_QUERY_NAMES = frozenset({
    "q", "s", "query", "search", "keyword", "keywords", "term", "terms", "filter", "filters",
    "sort", "sort_by", "sortby", "order", "order_by", "orderby", "direction", "dir", "page",
    "per_page", "perpage", "limit", "offset",
})
#: Words that name a search in a control's name (`search[name]`, `filter_status`) or in the
#: form's id, name or action (`search-owner-form`, `/find`).
_QUERY_WORDS = frozenset({"search", "filter", "filters", "query", "keyword", "keywords", "find", "lookup"})
#: Controls whose type asks the person for a contact detail or a secret.
_ASKING_TYPES = {"email": "an e-mail box", "tel": "a phone box", "password": "a password box"}
#: Words (or two joined: `first_name`, `lastName`) that name a contact detail. A bare `name`
#: is not among them: a list is filtered by a pet's, a product's or a person's name alike.
_CONTACT_WORDS = {
    "email": "an e-mail address", "mail": "an e-mail address", "phone": "a phone number",
    "telephone": "a phone number", "tel": "a phone number", "mobile": "a phone number",
    "fname": "a name", "lname": "a name", "firstname": "a name", "lastname": "a name",
    "surname": "a name", "fullname": "a name", "address": "an address", "birthday": "a birth date",
    "birthdate": "a birth date", "dob": "a birth date",
}
#: A name's words: `lastName` -> last, name; `FNAME` -> fname; `user[email]` -> user, email.
#: Linear: alternatives of possessive runs, each match consumes what it read.
_WORD = re.compile(r"[A-Z]?[a-z]++|[A-Z]++(?![a-z])|[0-9]++")


def _words(text: str | None) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def _query_control(ctrl: Asked) -> bool:
    """A search box or a list's filter: `type="search"`, `q`, `sort`, `search[name]`, `email_cont`."""
    if ctrl.control == "search":
        return True
    name = (ctrl.name or "").strip().lower()
    return name in _QUERY_NAMES or bool(_QUERY_WORDS & set(_words(ctrl.name))) or ransack_name(name)


def _asks(ctrl: Asked) -> str | None:
    """What a control asks the person for (`an e-mail box`, `a name`), else None."""
    if ctrl.control in ("hidden", "submit", "button", "reset", "image") or ctrl.role not in (
        FieldRole.INPUT, FieldRole.CONSENT,
    ):
        return None
    if ctrl.role is FieldRole.CONSENT:
        return "a consent box"
    if ctrl.control in _ASKING_TYPES:
        return _ASKING_TYPES[ctrl.control]
    words = _words(ctrl.name)
    joined = [a + b for a, b in zip(words, words[1:], strict=False)]
    return next((_CONTACT_WORDS[w] for w in (*words, *joined) if w in _CONTACT_WORDS), None)


_C = TypeVar("_C", bound=Asked)


def live_bound(attrs: Iterable[str]) -> bool:
    """A Livewire 3 live binding among a tag's attribute names (`wire:model.live.debounce.300ms`).

    Each change is sent at once for the component to re-render its list: how a search box
    or a list's filter is written outside any `<form>`.
    """
    return any(a == "wire:model.live" or a.startswith("wire:model.live.") for a in attrs)


def live_queries(controls: Sequence[_C]) -> list[_C]:
    """Which of a page's live-bound controls outside any `<form>` are a search or filter.

    Livewire's list pages bind their search box and filters live
    (`<input wire:model.live.debounce.300ms="search">`, `<select wire:model.live="perPage">`):
    what is typed filters the list and is stored nowhere, as a GET form's query. With a
    query control among them (`search`, `perPage`, `filterStatus`: `_query_control`), the
    controls beside it are that list's filters too (`dateFrom`, `dateTo`), unless one asks
    for a contact detail, a consent or a password: then only the query controls themselves.
    """
    queries = [c for c in controls if _query_control(c)]
    if not queries:
        return []
    if any(_asks(c) is not None for c in controls):
        return queries
    return list(controls)


def get_form_collects(controls: Sequence[Asked], named: Iterable[str | None]) -> str | None:
    """Why a form sent by GET collects from the person, or None when it is a search or filter form.

    A consent box or a password always collects. Otherwise a search box (`q`,
    `type="search"`, a ransack predicate, a filter's or paging parameter) or a form named
    for a search (`named`: its id, name, action) makes it a search; failing that, a control
    asking for a contact detail (an e-mail or phone box, a first name) makes it collect, and
    a form asking for none is a filter over a list. The reason names the controls.
    """
    asked = [(c, _asks(c)) for c in controls]
    shown = [(c, why) for c, why in asked if why is not None]
    if not any(why in ("a consent box", "a password box") for _, why in shown):
        if any(_query_control(c) for c in controls):
            return None
        if any(_QUERY_WORDS & set(_words(text)) for text in named):
            return None
    if not shown:
        return None
    listed = [f"{c.name or c.control} ({why})" for c, why in shown[:5]]
    return ", ".join(listed) + (f" and {len(shown) - 5} more" if len(shown) > 5 else "")
