"""Read a reviewed verdict list: the CSV or JSON `cnsnt explain-column --format csv|json` wrote.

A reviewer marks each unsure column `personal: true` or `false` (optionally with a
fideslang `category`), and `cnsnt init --update --reviewed FILE` acts on it. Only
`column`, `personal` and `category` are read: a spreadsheet that dropped, added or
reordered the other columns still works. The file is the reviewer's typing, so every
bad cell is a usage error naming its `file:line`, never a guess and never a skip.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from cnsnt.errors import UsageError
from cnsnt.policy.taxonomy import Taxonomy
from cnsnt.textsafe import printable

#: A verdict row is about 200 bytes: room for the whole `explain-column '*'` of a project of
#: 100,000 columns, and a bound on what a file named by mistake (a dump) makes cnsnt read.
MAX_REVIEW_BYTES = 20_000_000
#: Bad cells listed in one error; the count of the rest is said.
_SHOWN = 20
_YES = frozenset({"true", "yes", "1"})
_NO = frozenset({"false", "no", "0"})
#: What `verdicts.as_csv` puts before a cell a spreadsheet would run as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Review:
    """One reviewed column: the reviewer's answer and where they gave it."""

    column: str
    """The column's key as the file names it (`[schema.]table.column`)."""
    personal: bool
    category: str | None
    where: str
    """`file:line` of its row (a JSON item's opening line)."""


@dataclass(frozen=True)
class _Row:
    line: int
    column: Any
    personal: Any
    category: Any
    note: str = ""
    """How to name the row besides its line: a JSON item's index."""


def read_reviewed(path: Path, shown: str, taxonomy: Taxonomy) -> tuple[Review, ...]:
    """The reviewed rows of `path` (`shown` names it in messages and comments), in file order.

    A row whose `personal` cell is empty was not reviewed and is left out. A column
    given twice with the same answer is kept once; with different answers, an error.
    """
    text = _read(path, shown)
    kind = _kind(path, text)
    rows = _json_rows(text, shown) if kind == "json" else _csv_rows(text, shown)
    bad: list[str] = []
    out: dict[str, Review] = {}
    for row in rows:
        review = _review(row, shown, taxonomy, bad)
        if review is None:
            continue
        earlier = out.get(review.column.casefold())
        if earlier is None:
            out[review.column.casefold()] = review
        elif not same_answer(earlier, review):
            bad.append(contradiction(review, earlier))
    if bad:
        refuse(shown, bad)
    return tuple(out.values())


def same_answer(one: Review, other: Review) -> bool:
    """Whether two rows give one answer: personal or not, and the same category."""
    return (one.personal, one.category) == (other.personal, other.category)


def contradiction(review: Review, earlier: Review) -> str:
    """The problem of two rows that answer differently for one column."""
    return (
        f"{review.where}: {_show(review.column)} is marked {_answer(review)} here but "
        f"{_answer(earlier)} at {earlier.where}"
        + ("" if review.column == earlier.column else f" as {_show(earlier.column)}")
        + ": keep one of the two rows"
    )


def refuse(shown: str, bad: list[str]) -> NoReturn:
    """The usage error of a reviewed list with problems: the first few listed, the rest counted."""
    more = len(bad) - _SHOWN
    tail = [f"... and {more} more"] if more > 0 else []
    raise UsageError(
        f"{shown}: nothing changed, the reviewed list has "
        f"{len(bad)} problem{'s' if len(bad) != 1 else ''}:\n" + "\n".join(bad[:_SHOWN] + tail)
    )


def _read(path: Path, shown: str) -> str:
    """The file's text: a regular file, within the size cap, UTF-8 (a spreadsheet's BOM dropped)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise UsageError(f"{shown}: not a regular file; --reviewed reads a CSV or JSON file")
        if info.st_size > MAX_REVIEW_BYTES:
            raise UsageError(
                f"{shown}: {info.st_size:,} bytes, more than the {MAX_REVIEW_BYTES:,} a reviewed "
                "list may have; give it the rows you reviewed only"
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_REVIEW_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read it ({exc.strerror or exc})") from None
    if len(raw) > MAX_REVIEW_BYTES:
        raise UsageError(f"{shown}: more than the {MAX_REVIEW_BYTES:,} bytes a reviewed list may have")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise UsageError(
            f"{shown}:{line}:{col}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as "
            "CSV UTF-8 (or JSON)"
        ) from None


def _kind(path: Path, text: str) -> str:
    """`csv` or `json`: by the extension, else by the first character (a JSON list starts `[`)."""
    suffix = path.suffix.casefold()
    if suffix in (".csv", ".json"):
        return suffix[1:]
    return "json" if text.lstrip()[:1] == "[" else "csv"


def _header_index(header: list[str]) -> dict[str, int]:
    """The position of each header cell, by its name lower-cased (the first of two)."""
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        index.setdefault(name.strip().casefold(), i)
    return index


def _csv_rows(text: str, shown: str) -> Iterator[_Row]:
    """The rows of a CSV with a header, each with the line it starts on."""
    # newline="": a quoted cell keeps its line breaks, and line_num counts the file's lines
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise UsageError(f"{shown}: empty; --reviewed reads the CSV cnsnt explain-column wrote")
        index = _header_index(header)
        missing = [name for name in ("column", "personal") if name not in index]
        if missing:
            raise UsageError(
                f"{shown}:1: no {' and no '.join(missing)} in the header ({_show(','.join(header))}); "
                "the first line names the cells, as cnsnt explain-column --format csv writes it: "
                "column,location,personal,category,..."
            )

        def cell(values: list[str], name: str) -> str:
            at = index.get(name)
            return values[at] if at is not None and at < len(values) else ""

        start = reader.line_num + 1
        for values in reader:
            if any(v.strip() for v in values):  # a blank line is no row
                yield _Row(start, cell(values, "column"), cell(values, "personal"), cell(values, "category"))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UsageError(f"{shown}:{reader.line_num}: cannot read it as CSV ({exc})") from None


def _json_rows(text: str, shown: str) -> Iterator[_Row]:
    """The items of a JSON array, each with the line its value starts on and its index."""
    decoder = json.JSONDecoder()
    at = _skip_space(text, 0)
    if text[at : at + 1] != "[":
        raise UsageError(
            f"{shown}:{text.count(chr(10), 0, at) + 1}: not a JSON list; --reviewed reads the list "
            "cnsnt explain-column --format json wrote"
        )
    at = _skip_space(text, at + 1)
    index = 0
    if text[at : at + 1] == "]":
        at += 1
    else:
        while True:
            line = text.count("\n", 0, at) + 1
            try:
                item, at = decoder.raw_decode(text, at)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{shown}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
            if not isinstance(item, dict):
                raise UsageError(
                    f"{shown}:{line} (item {index}): an object with \"column\" and \"personal\" expected"
                )
            if "column" not in item:
                raise UsageError(f"{shown}:{line} (item {index}): no \"column\" in it")
            yield _Row(line, item.get("column"), item.get("personal"), item.get("category"), f"item {index}")
            index += 1
            at = _skip_space(text, at)
            if text[at : at + 1] == ",":
                at = _skip_space(text, at + 1)
                continue
            if text[at : at + 1] == "]":
                at += 1
                break
            line = text.count("\n", 0, at) + 1
            raise UsageError(f"{shown}:{line}: not valid JSON (a , or ] expected after item {index - 1})")
    if text[_skip_space(text, at) :]:
        line = text.count("\n", 0, _skip_space(text, at)) + 1
        raise UsageError(f"{shown}:{line}: not valid JSON (text after the closing ])")


def _skip_space(text: str, at: int) -> int:
    """The first position at or after `at` that is not JSON whitespace."""
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _review(row: _Row, shown: str, taxonomy: Taxonomy, bad: list[str]) -> Review | None:
    """The row as a review; None when it was not reviewed, or is bad (said in `bad`)."""
    where = f"{shown}:{row.line}"
    named = f"{where} ({row.note})" if row.note else where
    personal = _personal(row.personal)
    if personal is None:
        return None  # an empty cell: not reviewed
    column = _column(row.column)
    if isinstance(personal, str):
        bad.append(
            f"{named}: personal is {_show(personal)} for {_show(column or '')}: write true or false "
            "(yes/no, 1/0), or leave it empty for a column not reviewed"
        )
        return None
    if not column:
        bad.append(f"{named}: no column named on a row marked {'personal' if personal else 'not personal'}")
        return None
    category = row.category.strip() if isinstance(row.category, str) else row.category
    if category in ("", None):
        category = None
    elif not isinstance(category, str) or not taxonomy.is_category(category):
        close = taxonomy.suggest(category, "category") if isinstance(category, str) else None
        hint = f" (did you mean {close}?)" if close else ""
        bad.append(
            f"{named}: category {_show(str(category))} of {_show(column)} is not a data category{hint}; "
            "use a fideslang key such as user.contact.email (cnsnt schema lists them), one the "
            "policy defines under taxonomy:, or leave it empty"
        )
        return None
    return Review(column, personal, category, where)


def _personal(value: Any) -> bool | str | None:
    """True or False; None for an empty cell; the text itself when it is neither (an error)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip()
    if not text:
        return None
    word = text.casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    return text


def _column(value: Any) -> str:
    """The column cell, without the quote `explain-column` put before a formula-like name."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    text = value.strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_STARTS:
        return text[1:]
    return text


def _show(text: str) -> str:
    """A cell as a message quotes it: printable, cut short."""
    cut = text if len(text) <= 80 else text[:77] + "..."
    return "'" + printable(cut) + "'"


def _answer(review: Review) -> str:
    """How a message names a row's answer."""
    if not review.personal:
        return "not personal"
    return f"personal ({review.category})" if review.category else "personal"
