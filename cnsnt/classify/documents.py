"""A bare "number" beside what only an identity document carries: `passport(series, number, authority)`.

Alone, `number` in a person's row is a number of theirs, and beside a street the house
number; beside the office that issued a document and its series or date of issue it is the
document's number (trial34: `personal_entity(street, house, series, number, date_of_issue,
authority, division_code)`, a payer's passport beside their address). An invoice has a
series, a number and a date of issue too, but no issuing office, so an office is required.
"""

from __future__ import annotations

from cnsnt.classify import lexicon as lx
from cnsnt.classify import types
from cnsnt.classify.classifier import (
    _NUMBER_WORDS,
    _TOKENIZER,
    Context,
    _category,
    _pick,
    _read,
    past_prefix,
)
from cnsnt.classify.tokens import raw_words
from cnsnt.classify.vocabulary import load_vocabulary
from cnsnt.evidence import Classification, Column, Table
from cnsnt.model import Confidence

GOVERNMENT_ID = "user.government_id"
#: A document's number words: the number words, and those that number an identity document only
#: (Russian `nomer` beside `seriya`: `document_number_words`).
_DOCUMENT_NUMBER_WORDS = _NUMBER_WORDS | lx.DOCUMENT_NUMBER_WORDS


def _phrase(name: str) -> str:
    """A column's whole name as the lists write it: folded, Cyrillic transliterated (`кем_выдан`)."""
    translit = load_vocabulary().translit
    return " ".join(translit(w) for w in raw_words(name))


def issued_document(table: Table, context: Context) -> tuple[str, tuple[str, ...]] | None:
    """The category of the identity document a person's row holds and the columns that say so, or None.

    An issuing office (`authority`, `kem_vydan`, `orgao_emissor`) and one more mark of an issued
    document (`series`, `date_of_issue`) must be there, and no column the document's number
    already (`rg` beside `orgao_emissor`: a bare `numero` there stays the house number).
    """
    if not context.person or context.organisation:
        return None
    if not any(_bare_number(c.name, context) for c in table.columns if not c.primary_key):
        return None  # no column the reading could be for: most tables, so the marks go unread
    phrases = {c.name: _phrase(c.name) for c in table.columns}
    marks = tuple(name for name, phrase in phrases.items() if phrase in lx.DOCUMENT_ISSUE_WORDS)
    offices = sum(phrases[m] in lx.DOCUMENT_ISSUERS for m in marks)
    # an office and one more mark: two names of an office (`issued_by`, `authority`) are one
    if not offices or offices == len(marks):
        return None
    for column in table.columns:
        if column.name in marks or column.primary_key:
            continue
        match, _ = _pick(_read(column.name, context.languages), True, types.type_kind(column.type))
        if match is not None and _category(match).startswith(GOVERNMENT_ID):
            return None
    named, _ = _pick(_read(table.name.rsplit(".", 1)[-1], context.languages), True, "text")
    category = _category(named) if named is not None else ""
    return (category if category.startswith(GOVERNMENT_ID) else GOVERNMENT_ID), marks


def _bare_number(name: str, context: Context) -> bool:
    """Whether a column's name, past the table's prefix, is only a word for "number"."""
    words = _TOKENIZER.words(name, context.languages)
    words = past_prefix(words, context.prefix) or words
    return bool(words) and set(words) <= _DOCUMENT_NUMBER_WORDS


def document_number(
    column: Column, document: tuple[str, tuple[str, ...]], keyed: set[str], context: Context
) -> Classification | None:
    """The document-number reading of a column named only "number" beside `document`'s marks, or None."""
    if column.primary_key or column.name.casefold() in keyed:
        return None
    if types.type_kind(column.type) not in ("text", "numeric", "unknown"):
        return None
    if not _bare_number(column.name, context):
        return None
    category, marks = document
    cues = ", ".join(f"'{m}'" for m in marks[:3])
    return Classification(
        True,
        category,
        Confidence.LOW,
        f"'{column.name}' is a bare number beside what an identity document carries ({cues}): "
        "the document's number",
    )


__all__ = ["document_number", "issued_document"]
