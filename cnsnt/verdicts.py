"""Every column's verdict at once: `cnsnt explain-column 'contacts.*' --format csv`.

A reviewer checking the classifier on a project judged 100 columns one `explain-column`
at a time, 2 s each (review27). A pattern lists each matching column's verdict in one
run: as lines to read, or as CSV or JSON to sort, count and compare with one's own labels.

The lines name where each column is defined and list the tables about or linked to people
first (review33 R33a D7.4): a reviewer working through the unsure verdicts finds the
likeliest misses at the top, and opens each at its line. CSV and JSON list the rows in
the same order (review34 R34a D8: the CSV is what a reviewer opens in a spreadsheet) with
the same cells, which other tools read.

The form fields of the form sources follow the columns, as `FORM.FIELD` rows with the
verdict `explain-column FORM.FIELD` gives (review34 R34b D7): the unsure form entries
init writes are reviewed in the same pass.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from cnsnt.evidence import Evidence, Table
from cnsnt.matching import column_matches, is_glob
from cnsnt.textsafe import json_dumps, printable, spreadsheet_cell


@dataclass(frozen=True)
class ColumnVerdict:
    """One column and what the classifier says of it."""

    column: str
    """Its key, `[schema.]table.column`."""
    location: str
    """Where it is defined, `path:line:column` (a database's redacted URL)."""
    personal: bool
    category: str | None
    confidence: str
    table: str
    """The table's verdict with its evidence (`table 'kimlik' describes people: ...`)."""
    reason: str
    """The column's own reason."""
    people: bool = False
    """Whether its table describes people or is linked to them (listed first; not a cell of the
    CSV or JSON)."""
    form: str | None = None
    """A form field's form: the row is `FORM.FIELD`, listed after the columns (R34b D7). Not a
    cell: its `table` cell says it is a form field (`form_heading`), so a column's row and the
    header stay as they were."""
    type: str | None = None
    """The column's SQL type as the schema writes it (a form field's control: `email`, `select`)."""
    comment: str | None = None
    """The column's comment in the schema (a form field's label)."""
    references: str | None = None
    """The table its key points at (`customers`), `(by its name)` when cnsnt read the key from
    the column's name alone (`customer_id` beside `customers`); None when it is no key."""
    note: str | None = None
    """Always empty: the reviewer's cell, for why they answered so; `init --update --reviewed`
    carries it into the comment of the line it writes (`review.csv:3: "..."`)."""


#: The CSV header, the fields of `ColumnVerdict` in order. `type`, `comment` and `references`
#: were added for the reviewer (trial29 B: the schema had to stay open beside the list), then
#: an empty `note` for the reviewer to write in; a reviewed list is read by its header's
#: names, so a list written before them still reads.
FIELDS = (
    "column", "location", "personal", "category", "confidence", "table", "reason",
    "type", "comment", "references", "note",
)


def is_pattern(subject: str) -> bool:
    """Whether `explain-column` was given a pattern (`*`, `?`) rather than one column."""
    return is_glob(subject)


def column_verdicts(
    evidence: Evidence,
    pattern: str,
    people: Collection[str] = frozenset(),
    tables: Sequence[Table] | None = None,
) -> list[ColumnVerdict]:
    """The classified columns `pattern` names, the tables about or linked to people first.

    Then the rest; each group in the order the sources define them. One row per column
    key, at the definition read last (review35 R35b D7): a view two patch files define
    (`CREATE VIEW v`, later `CREATE OR REPLACE VIEW v`) stands as the later one made it,
    and the CSV's `column` cell is the key `--reviewed` reads, so a reviewer judged the
    same column twice. The row keeps the place of the key's first definition in the list.

    `pattern` is read as a `columns:` pattern of the policy is (`*` crosses dots, a
    `table.column` pattern names `schema.table.column` too). `people`: the keys of the
    tables that describe people or are linked to them. `tables`: the tables as the
    classifier read them, with the keys their names imply (`TableReading.tables`), for
    the `references` cell; else the sources' own.
    """
    out: dict[str, ColumnVerdict] = {}
    for table in tables if tables is not None else evidence.tables:
        keys = _references(table)
        for column in table.columns:
            if not column_matches(pattern, column.key):
                continue
            verdict = evidence.classified.get(column.key)
            if verdict is None:
                continue
            where = column.location
            place = f"{where.path}:{where.line}:{where.column}" if where.path else column.source
            chain = verdict.reasons
            out[column.key] = (  # a later definition of the key replaces the earlier row
                ColumnVerdict(
                    column=column.key,
                    location=place,
                    personal=verdict.personal,
                    category=verdict.category,
                    confidence=verdict.confidence.value,
                    table=chain[0] if len(chain) > 1 else "",
                    reason=verdict.reason or (chain[-1] if chain else ""),
                    people=table.key in people,
                    type=column.type,
                    comment=column.comment,
                    references=keys.get(column.name.casefold()),
                )
            )
    return sorted(out.values(), key=lambda r: not r.people)  # stable: the sources' order within


def _references(table: Table) -> dict[str, str]:
    """Each key column's target table, by the column's name case-folded (`a; b` for two keys)."""
    out: dict[str, list[str]] = {}
    for key in table.foreign_keys:
        target = f"{key.ref_schema}.{key.ref_table}" if key.ref_schema else key.ref_table
        shown = f"{target} ({key.basis or 'by its name'})" if key.implied else target
        for name in key.columns:
            named = out.setdefault(name.casefold(), [])
            if shown not in named:
                named.append(shown)
    return {name: "; ".join(targets) for name, targets in out.items()}


#: How a form field's `table` cell starts and ends: `--reviewed` tells its row from a column's by it.
FORM_HEADING_START = "form '"
FORM_HEADING_END = "': form fields, filled in by a person"


def form_heading(form: str) -> str:
    """The `table` cell of a form field's row, and its heading in text: which form, and that it is one."""
    return f"{FORM_HEADING_START}{form}{FORM_HEADING_END}"


def field_verdict(
    key: str,
    location: str,
    form: str,
    category: str | None,
    confidence: str,
    reason: str,
    *,
    control: str | None = None,
    label: str | None = None,
) -> ColumnVerdict:
    """A form field's row: personal, as every field a person fills in is (CN101), of its suggested kind.

    Its `type` cell is the control (`email`, `select`), its `comment` the label.
    """
    return ColumnVerdict(
        key, location, True, category, confidence, form_heading(form), reason, form=form, type=control,
        comment=label,
    )


#: The confidences a verdict has, from least to most sure (`--confidence`).
CONFIDENCES = ("low", "medium", "high")
#: The two verdicts, as `--verdict` names them.
VERDICTS = ("personal", "not-personal")


def select(
    rows: Iterable[ColumnVerdict], *, confidence: str | None = None, verdict: str | None = None
) -> list[ColumnVerdict]:
    """The rows of one confidence and one verdict: `--verdict not-personal --confidence low`.

    A reviewer checks the unsure verdicts first: on the labelled set a low one is wrong one
    time in four, either way, a high one one time in twelve (docs/classifier.md).
    """
    return [
        r
        for r in rows
        if (confidence is None or r.confidence == confidence)
        and (verdict is None or r.personal == (verdict == "personal"))
    ]


def as_text(rows: Sequence[ColumnVerdict]) -> list[str]:
    """One line per column, with where it is defined, under a line per table verdict.

    The tables about or linked to people come first, then the rest, each group in the
    sources' order: a person's own table is where an unsure "not personal" is most often
    wrong (review33 R33a D7.4).
    """
    lines: list[str] = []
    said = None
    for row in sorted(rows, key=lambda r: not r.people):  # stable: the sources' order within
        if row.table and row.table != said:
            lines.append(row.table)
            said = row.table
        verdict = f"personal, {row.category or 'user'}" if row.personal else "not personal"
        where = f" [{_line_of(row.location)}]" if row.location else ""
        lines.append(f"  {row.column}{where}: {verdict} ({row.confidence}) because {row.reason}")
    return lines


def _line_of(location: str) -> str:
    """`path:line` of a `path:line:column` location, as init's comments give it; others as they are."""
    head, _, column = location.rpartition(":")
    return head if column.isdigit() and head.rpartition(":")[2].isdigit() else location


def _cell(value: object) -> str:
    """A CSV cell: `true`/`false`, an empty cell for none, text no spreadsheet runs as a formula."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_cell(printable(str(value))) if value is not None else ""


def as_csv(rows: Iterable[ColumnVerdict]) -> str:
    """RFC 4180 CSV with a header, one row per column (names come from untrusted schemas)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for row in rows:
        writer.writerow([_cell(getattr(row, f)) for f in FIELDS])
    return out.getvalue()


def as_json(rows: Iterable[ColumnVerdict]) -> str:
    """A JSON array of objects with the fields of `FIELDS`."""
    return json_dumps([{f: getattr(r, f) for f in FIELDS} for r in rows], indent=2, ensure_ascii=False) + "\n"
