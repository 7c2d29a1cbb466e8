"""Read a reviewed verdict list: the CSV or JSON `cnsnt explain-column --format csv|json` wrote.

A reviewer marks each unsure column `personal: true` or `false` (optionally with a
fideslang `category`, and a `note` of why), and `cnsnt init --update --reviewed FILE`
acts on it. Only `column`, `personal`, `category`, `note` and `table` are read: a
spreadsheet that dropped, added or reordered the other columns still works, and so does
a list written before the `note` cell was added. The file is the reviewer's typing, so every
bad cell is a usage error naming its `file:line`, never a guess and never a skip.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from cnsnt.errors import UsageError
from cnsnt.model import Location
from cnsnt.policy.loader import read_text
from cnsnt.policy.taxonomy import Taxonomy
from cnsnt.textsafe import from_spreadsheet_cell, printable
from cnsnt.verdicts import FORM_HEADING_END, FORM_HEADING_START

#: A verdict row is about 200 bytes: room for the whole `explain-column '*'` of a project of
#: 100,000 columns, and a bound on what a file named by mistake (a dump) makes cnsnt read.
MAX_REVIEW_BYTES = 20_000_000
#: The longest note carried into a comment, in characters: a pasted e-mail or log stays in the
#: list, not in the policy and its diffs (codereview30 F5). A longer one is cut, ending `…`.
MAX_NOTE_CHARS = 500
#: How much of a CSV's first line is read to tell its separator (a header is a few names).
_HEADER_CHARS = 1024
#: Bad cells listed in one error; the count of the rest is said.
_SHOWN = 20
#: `personal`'s words, case-folded: English, the words of the 12 languages of the notices,
#: and the TRUE()/FALSE() a spreadsheet writes in those locales (Excel's `VERO`/`FALSO`,
#: LibreOffice's `WAHR`/`FALSCH`, ...): a reviewer in Milan types `sì` or saves `VERO`
#: (review34 R34a D3, R34b D5).
_YES = frozenset(
    word.casefold()
    for word in (
        "true", "yes", "1",
        "vero", "sì", "si",  # it
        "wahr", "ja",  # de
        "vrai", "oui",  # fr
        "verdadero", "sí",  # es
        "verdadeiro", "sim",  # pt
        "doğru", "dogru", "evet",  # tr
        "igaz", "igen",  # hu
        "prawda", "tak",  # pl
        "waar",  # nl ("ja" as de)
        "истина", "да",  # ru
        "cert", "adevărat", "da",  # ro
    )
)
_NO = frozenset(
    word.casefold()
    for word in (
        "false", "no", "0",
        "falso",  # it, es, pt ("no" as en)
        "falsch", "nein",  # de
        "faux", "non",  # fr
        "não", "nao",  # pt
        "yanlış", "yanliş", "yanlis", "hayır", "hayir",  # tr (YANLIŞ folds to yanliş)
        "hamis", "nem",  # hu
        "fałsz", "falsz", "nie",  # pl
        "onwaar", "nee",  # nl
        "ложь", "нет",  # ru
        "fals", "nu",  # ro
    )
)


@dataclass(frozen=True)
class Review:
    """One reviewed column: the reviewer's answer and where they gave it."""

    column: str
    """The column's key as the file names it (`[schema.]table.column`)."""
    personal: bool
    category: str | None
    where: str
    """`file:line` of its row (a JSON item's opening line); `file:line (item N)` for a JSON
    item that shares its line with another (a compact list): each is a row of its own
    (codereview30 F1). `row_line` reads it back."""
    form: bool = False
    """The row is a form field's: its `table` cell is the heading `explain-column` writes for
    one (`form 'signup': form fields, ...`). A form and a table of one name (`signup.html`,
    `signup`) give two rows that read the same in the `column` cell (codereview29 F1); each
    applies to what it lists. A row without the cell (an older list, a hand-written one) is
    read column first."""
    note: str | None = None
    """The reviewer's `note` cell, when they wrote one: carried into the comment of the line
    the row writes (`review_marks.reviewer_reason`); at most `MAX_NOTE_CHARS`, a longer one cut."""
    note_chars: int = 0
    """How long the note was as written, when it was cut (0: it was not)."""


@dataclass(frozen=True)
class _Row:
    line: int
    column: Any
    personal: Any
    category: Any
    item: str = ""
    """How to name the row besides its line: a JSON item's index."""
    table: Any = None
    """The `table` cell: a form field's row says so there."""
    note: Any = None
    """The `note` cell: why the reviewer answered so."""


def read_reviewed(path: Path, shown: str, taxonomy: Taxonomy) -> tuple[Review, ...]:
    """The reviewed rows of `path` (`shown` names it in messages and comments), in file order.

    A row whose `personal` cell is empty was not reviewed and is left out. A column
    given twice with the same answer is kept once; with different answers, an error.
    """
    text = _read(path, shown)
    kind = _kind(path, text)
    rows = list(_json_rows(text, shown) if kind == "json" else _csv_rows(text, shown))
    # items of a compact JSON list share a line: each is named by its index as well
    shared = {line for line, count in Counter(row.line for row in rows).items() if count > 1}
    bad: list[str] = []
    out: dict[tuple[bool, str], Review] = {}
    for row in rows:
        review = _review(row, shown, taxonomy, bad, row.line in shared)
        if review is None:
            continue
        key = (review.form, review.column.casefold())  # a form's field is not the table's column
        earlier = out.get(key)
        if earlier is None:
            out[key] = review
        elif not same_answer(earlier, review):
            bad.append(contradiction(review, earlier))
    if bad:
        refuse(shown, bad)
    return tuple(out.values())


def row_line(where: str) -> tuple[int, int] | None:
    """`(line, item)` of a reviewed row's `where` (item 0 when it names none); None when it is no row.

    `where` is `file:line`, or `file:line (item N)` for a JSON item that shares its line. The
    one reader of a row's name: the notes sort rows by it, and a comment's row is known by it.
    """
    head, item = where, "0"
    if where.endswith(")"):
        head, opened, tail = where[:-1].rpartition(" (item ")
        if not opened or not _number(tail):
            return None
        item = tail
    path, _, line = head.rpartition(":")
    return (int(line), int(item)) if path and _number(line) else None


def _number(text: str) -> bool:
    """Whether `text` is a number written in ASCII digits (`isdigit` alone takes `²`)."""
    return text.isascii() and text.isdigit()


def row_order(where: str) -> tuple[int, int]:
    """A reviewed row's place in its list, to sort rows by: its line, then its item on that line."""
    return row_line(where) or (0, 0)


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
    text, problems = read_text(path, shown, limit=MAX_REVIEW_BYTES, what="a reviewed list")
    if text is not None:
        return text
    problem = problems[0]
    where = problem.location or Location(shown)
    at = "".join(f":{n}" for n in (where.line, where.column) if n)
    raise UsageError(
        f"{shown}{at}: {problem.message} (--reviewed reads a CSV or JSON file of at most "
        f"{MAX_REVIEW_BYTES:,} bytes, in UTF-8)"
    )


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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
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
                yield _Row(
                    start, cell(values, "column"), cell(values, "personal"), cell(values, "category"),
                    table=cell(values, "table"), note=cell(values, "note"),
                )
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UsageError(f"{shown}:{reader.line_num}: cannot read it as CSV ({exc})") from None


def _delimiter(text: str) -> str:
    """The header line's cell separator: `,`, or the `;` (or tab) a spreadsheet saves with.

    Excel writes `;` in locales whose decimal mark is a comma (de, fr, it, es, nl), so a
    list edited there and saved as CSV has `column;location;personal;...` (codereview28 F13).
    Only the header's first `_HEADER_CHARS` are sniffed: `csv.Sniffer`'s quote patterns
    (`".*?"`) are quadratic in the length they read.
    """
    header = text[:_HEADER_CHARS].partition("\n")[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t").delimiter
    except csv.Error:  # one name, or no separator it can tell: the CSV explain-column writes
        return ","


def _json_rows(text: str, shown: str) -> Iterator[_Row]:
    """The items of a JSON array, each with the line its value starts on and its index."""
    decoder = json.JSONDecoder()
    # lines are counted on from the last place counted: counting from the start for each
    # item took 90 s on a list of 40,000 (codereview28 F3)
    counted, line = 0, 1

    def line_at(at: int) -> int:
        nonlocal counted, line
        line += text.count("\n", counted, at)
        counted = at
        return line

    at = _skip_space(text, 0)
    if text[at : at + 1] != "[":
        raise UsageError(
            f"{shown}:{line_at(at)}: not a JSON list; --reviewed reads the list "
            "cnsnt explain-column --format json wrote"
        )
    at = _skip_space(text, at + 1)
    index = 0
    if text[at : at + 1] == "]":
        at += 1
    else:
        while True:
            start = line_at(at)
            try:
                item, at = decoder.raw_decode(text, at)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{shown}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg})") from None
            except RecursionError:  # nested thousands deep: Python's reader gives up
                column = at - (text.rfind("\n", 0, at) + 1) + 1
                raise UsageError(
                    f"{shown}:{start}:{column} (item {index}): not a list cnsnt can read (nested too "
                    "deeply); each item is an object of a column's cells, as cnsnt explain-column "
                    "--format json writes it"
                ) from None
            if not isinstance(item, dict):
                raise UsageError(
                    f"{shown}:{start} (item {index}): an object with \"column\" and \"personal\" expected"
                )
            if "column" not in item:
                raise UsageError(f"{shown}:{start} (item {index}): no \"column\" in it")
            yield _Row(
                start, item.get("column"), item.get("personal"), item.get("category"), f"item {index}",
                item.get("table"), item.get("note"),
            )
            index += 1
            at = _skip_space(text, at)
            if text[at : at + 1] == ",":
                at = _skip_space(text, at + 1)
                continue
            if text[at : at + 1] == "]":
                at += 1
                break
            raise UsageError(
                f"{shown}:{line_at(at)}: not valid JSON (a , or ] expected after item {index - 1})"
            )
    rest = _skip_space(text, at)
    if text[rest:]:
        raise UsageError(f"{shown}:{line_at(rest)}: not valid JSON (text after the closing ])")


def _skip_space(text: str, at: int) -> int:
    """The first position at or after `at` that is not JSON whitespace."""
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _review(row: _Row, shown: str, taxonomy: Taxonomy, bad: list[str], shared: bool) -> Review | None:
    """The row as a review; None when it was not reviewed, or is bad (said in `bad`).

    `shared`: another row starts on its line (a compact JSON list), so its `where` names its item.
    """
    named = f"{shown}:{row.line}" + (f" ({row.item})" if row.item else "")
    where = named if shared else f"{shown}:{row.line}"
    personal = _personal(row.personal)
    if personal is None:
        return None  # an empty cell: not reviewed
    column = _column(row.column)
    if isinstance(personal, str):
        bad.append(
            f"{named}: personal is {_show(personal)} for {_show(column or '')}: write true or false "
            "(yes/no, 1/0, or the words of your language or spreadsheet: sì/no, VERO/FALSO, "
            "ja/nein, WAHR/FALSCH, ...), or leave it empty for a column not reviewed"
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
    note, chars = _note(row.note)
    return Review(column, personal, category, where, _is_form(row.table), note, chars)


def _note(value: Any) -> tuple[str | None, int]:
    """The reviewer's note, stripped, and its length when it was cut (else 0).

    None for an empty or absent cell (a JSON `null`). A note longer than `MAX_NOTE_CHARS`
    is cut to that many, the last a `…`.
    """
    if value is None:
        return None, 0
    text = (value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)).strip()
    if len(text) <= MAX_NOTE_CHARS:
        return text or None, 0
    # a str is cut between code points, so no character is split
    return text[: MAX_NOTE_CHARS - 1].rstrip() + "…", len(text)


def _is_form(table: Any) -> bool:
    """Whether a `table` cell is the heading of a form field's row (`form 'signup': form fields, ...`)."""
    if not isinstance(table, str):
        return False
    text = from_spreadsheet_cell(table.strip())
    return text.startswith(FORM_HEADING_START) and text.endswith(FORM_HEADING_END)


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
    return from_spreadsheet_cell(value.strip())


def _show(text: str) -> str:
    r"""A cell as a message quotes it: printable on one line (a break shown as `\n`), cut short."""
    cut = text if len(text) <= 80 else text[:77] + "..."
    return "'" + printable(cut, lines=False) + "'"


def _answer(review: Review) -> str:
    """How a message names a row's answer."""
    if not review.personal:
        return "not personal"
    return f"personal ({review.category})" if review.category else "personal"
