"""What the policy still asks about: the columns and form fields nobody has judged yet.

Two kinds, both listed by `cnsnt explain-column --undecided` and counted by `cnsnt init`
(with the third list's, `--beside-personal`, in the order docs/init.md gives them):

- what no data entry, `ignore:` pattern or consent record names (CN101's tests): the
  columns init left out as not personal, unsure, and any field found since;
- what only a line init wrote as a question names (`- members.homeless   # unsure, check:
  ...`, unedited): init declared it, but as "check it", so it is not decided either
  (review35 R35a D1, R35b D2). A reviewer's `true` on such a line rewrites its comment
  (`marked personal in review.csv:4; ...`) and a `false` moves it: either way it leaves
  the list, and a second pass a year later lists only the new lines.

A whole form's `form.*` line is one question about the form, not one per field: its
fields are not listed by it, and init names such lines apart (`whole_form_questions`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cnsnt.classify import read_tables
from cnsnt.evidence import Column, Evidence, FieldRole, FormField
from cnsnt.matching import AliasIndex, PolicyIndex, is_glob
from cnsnt.model import Confidence
from cnsnt.policy.loader import policy_files
from cnsnt.policy.model import Policy
from cnsnt.starter.beside import table_of, third_list_tables
from cnsnt.starter.field_verdicts import FieldVerdicts
from cnsnt.starter.fields import alone_on
from cnsnt.starter.own_rows import own_rows_of
from cnsnt.starter.review_moves import InitLine, init_lines
from cnsnt.starter.update import file_holding, parse_files

Lines = Mapping[tuple[str, str], InitLine]


def question_lines(text: str, shown: str) -> dict[tuple[str, str], InitLine]:
    """The `unsure, check` lines init wrote in `text` and nobody edited, by `(list, pattern case-folded)`."""
    return {key: line for key, line in init_lines(text, shown).items() if line.unsure}


def policy_questions(policy: Policy) -> dict[tuple[str, str], InitLine]:
    """The `unsure, check` lines init wrote in the policy file holding `data:`; none for a stand-in."""
    path = Path(policy.path)
    if not path.exists():  # no policy yet: the sources init would list
        return {}
    holder = file_holding(parse_files(policy_files(path)), "data")
    if holder is None:
        return {}
    with holder.open(encoding="utf-8", newline="") as handle:  # line breaks as they are (CRLF)
        return question_lines(handle.read(), holder.as_posix())


def column_open(index: PolicyIndex, column: Column, lines: Lines) -> bool:
    """Whether nobody has judged the column: the policy names it nowhere, or only on init's question."""
    if not index.column_decided(column):
        return True
    if index.column_ignored(column.key) or index.is_consent_column(column):
        return False
    return alone_on(lines, "columns", column.key, index.data_for_column(column.key)) is not None


def field_open(index: PolicyIndex, field: FormField, lines: Lines) -> bool:
    """Whether nobody has judged the form field, as `column_open` tells for a column."""
    if not index.field_decided(field):
        return True
    if index.field_ignored(field) or index.is_consent_field(field):
        return False
    return alone_on(lines, "form_fields", field.key, index.data_for_field(field)) is not None


@dataclass(frozen=True)
class Questions:
    """How many rows each list of a review pass has, as `explain-column --undecided` gives them."""

    left_out: int = 0
    """Columns left out as not personal, unsure: `--verdict not-personal --confidence low`."""
    asked: int = 0
    """Columns declared personal, unsure, on init's unanswered lines: `--verdict personal
    --confidence low`."""
    fields: int = 0
    """The form fields of that list."""
    beside: int = 0
    """Columns left out as not personal at medium or high confidence in a table where the policy
    declares another column, or in a join table linked to one: the third list, `--verdict
    not-personal --beside-personal`, once the low ones are answered (its low rows are the first
    list's)."""
    forms: tuple[str, ...] = ()
    """init's whole-form `form.*` lines still asking (`unsure, check: all 4 fields ...`): one
    question each, on no list, so said apart (review38 D2)."""


def open_questions(policy: Policy, evidence: Evidence, lines: Lines) -> Questions:
    """How many rows the `--undecided` lists of a review pass have.

    The columns of the not-personal one of low confidence, the columns and the form fields
    of the personal one, then the third list's columns of medium and high confidence.
    Counted as `explain-column` lists them (a column key once, however many files define
    it, review35 R35b D7; a form field once, by its own verdict), so the numbers init prints
    are those the commands it prints give. `evidence` is classified.
    """
    index = PolicyIndex(policy, AliasIndex(evidence.fields))
    left_out = asked = fields = beside = 0
    keys: set[str] = set()
    verdict_of = FieldVerdicts(evidence)
    # a not-personal column a field of no known kind fills in a person's row: init declares
    # it with the field, and the lists show it as personal (`own_rows`)
    # the tables read together, once, when first needed (a large schema's reading takes a while)
    reading = read_tables(evidence.tables) if evidence.fields else None
    own = own_rows_of(evidence, reading, verdict_of) if reading is not None else {}
    around: frozenset[str] | None = None  # the tables of the third list, read when first asked
    for column in evidence.columns:
        if column.key in keys:
            continue
        keys.add(column.key)
        verdict = evidence.classified.get(column.key)
        if verdict is None or not column_open(index, column, lines):
            continue
        personal = verdict.personal or column.key.casefold() in own
        if verdict.confidence is not Confidence.LOW:
            if not personal:
                if around is None:
                    reading = reading or read_tables(evidence.tables)
                    around = third_list_tables(evidence, reading, index)
                beside += table_of(column) in around
            continue
        if personal:
            asked += 1
        else:
            left_out += 1
    seen: set[str] = set()
    for field in evidence.fields:
        if field.name is None or field.role is not FieldRole.INPUT or field.key.casefold() in seen:
            continue
        seen.add(field.key.casefold())
        verdict = verdict_of(field)
        if verdict.confidence is Confidence.LOW and field_open(index, field, lines):
            fields += 1
    return Questions(left_out, asked, fields, beside, whole_form_questions(lines))


def whole_form_questions(lines: Lines) -> tuple[str, ...]:
    """The whole-form lines init wrote, unanswered (`- signup.*  # unsure, check: ...`), in order.

    No `--undecided` list shows them (one question about a form, not one per field), so
    after both lists a reviewer was told nothing was left while they stood (review38 D2).
    """
    found = [
        line for (kind, _), line in lines.items()
        if kind == "form_fields" and line.unsure and line.decided is None and is_glob(line.pattern)
    ]
    return tuple(line.pattern for line in sorted(found, key=lambda line: line.line))
