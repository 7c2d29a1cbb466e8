"""A bare "account" beside a bank in a person's row: `funcionarios(banco, agencia, conta)`.

Alone, `conta` or `account` may be a login, a ledger account or anything a person
holds; beside the bank and the branch that keep it, it is the account's number, as
`numero` beside a street is the house number. The number of a person's bank account
is financial data (CPRA: a financial account number), so it is filed with the bank.
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
from cnsnt.evidence import Classification, Column, Table
from cnsnt.model import Confidence

BANK_ACCOUNT = "user.financial.bank_account"


def bank_column(table: Table, context: Context) -> str | None:
    """The column that names the bank of a person's account (`banco`, `agencia`, `iban`), or None.

    Only in a row about one person: a company's bank details are no one's.
    """
    if not context.person or context.organisation:
        return None
    for column in table.columns:
        match, _ = _pick(_read(column.name, context.languages), True, types.type_kind(column.type))
        if match is not None and _category(match) == BANK_ACCOUNT:
            return column.name
    return None


def account_number(
    column: Column, bank: str, found: Classification, context: Context
) -> Classification | None:
    """The bank account reading of a column named only "account" beside `bank`, or None."""
    if column.name == bank or column.primary_key or not found.personal:
        return None
    if (found.category or "").startswith(BANK_ACCOUNT) or found.confidence is Confidence.HIGH:
        return None
    if types.type_kind(column.type) not in ("text", "numeric", "unknown"):
        return None
    words = _TOKENIZER.words(column.name, context.languages)
    words = past_prefix(words, context.prefix) or words
    if not words or not set(words) & lx.ACCOUNT_WORDS or not set(words) <= lx.ACCOUNT_WORDS | _NUMBER_WORDS:
        return None
    return Classification(
        True,
        BANK_ACCOUNT,
        Confidence.MEDIUM,
        f"'{column.name}' is an account beside the bank '{bank}' in a person's row: the account's number",
    )


__all__ = ["account_number", "bank_column"]
