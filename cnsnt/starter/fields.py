"""The personal fields a policy does not declare yet, with the classifier's verdict on each.

The same tests as CN101 decide what is "not declared yet" (data entries,
`ignore:`, consent controls), so `init --update` adds exactly what the audit
would report, and nothing it would not.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cnsnt.classify import TableReading, classify_field, rank_languages, read_tables
from cnsnt.engine import classify
from cnsnt.evidence import Classification, Column, Evidence, FieldRole, FormField
from cnsnt.matching import AliasIndex, PolicyIndex, column_matches, escape, field_matches, is_glob
from cnsnt.model import Confidence, Location
from cnsnt.policy.model import Policy
from cnsnt.starter.alike import Alike
from cnsnt.starter.column_kinds import FieldKind, column_types, given_kinds, unheld
from cnsnt.starter.filed_with import FiledLine, filled_column
from cnsnt.starter.form_columns import Fill, fills, missing_objects, unfilled
from cnsnt.starter.key_columns import key_columns
from cnsnt.starter.own_rows import own_rows
from cnsnt.starter.pattern_rows import passed_over, released
from cnsnt.starter.review_marks import (
    FieldMarks,
    Marked,
    Passed,
    ReviewMarks,
    as_written,
    match_field_reviews,
    match_reviews,
    reviewer_reason,
)
from cnsnt.starter.reviewed import row_order
from cnsnt.starter.things import IgnoredField, things

if TYPE_CHECKING:
    from cnsnt.policy.model import Datum
    from cnsnt.starter.catch_alls import CatchAll
    from cnsnt.starter.review_moves import IgnoreLine, InitLine
    from cnsnt.starter.reviewed import Review

#: The root category, for a field the classifier can name no kind for.
UNKNOWN_CATEGORY = "user"


@dataclass(frozen=True)
class PersonalField:
    """A column or form field that holds personal data and no data entry declares."""

    kind: str
    """`column` or `form_field`."""
    key: str
    """The pattern the policy names it by: its key with `*` and `?` escaped (a column
    `"Qty*"` is `orders.Qty\\*`); a whole form's `form.*`."""
    category: str
    reason: str
    confidence: Confidence
    location: Location
    covers: int = 1
    """How many fields it stands for (a `form.*` pattern stands for the whole form's)."""
    table: str | None = None
    """A column's table (`Table.key`): grouping reads it, never the key's text. A form
    field's when it fills a column of that table (`cnsnt.starter.form_columns`): it is
    grouped with that column."""
    form: str | None = None
    """A form field's form."""
    catch_all: CatchAll | None = None
    """The init catch-all (`form.*` of a "kind unknown" entry) that alone covered the
    field, which the classifier now gives a kind (`cnsnt.starter.catch_alls`)."""
    reviewed: str | None = None
    """`file:line` of the reviewed list's row that made it personal, or gave its category
    (`init --update --reviewed`); None when the classifier's verdict stands alone."""


@dataclass(frozen=True)
class Undeclared:
    """What `init` found: undeclared personal fields, and consent controls to place."""

    fields: tuple[PersonalField, ...]
    consent_controls: tuple[str, ...]
    tables: TableReading
    """The tables as the classifier read them (verdicts, implied keys): fields are grouped by them."""
    ignored: tuple[IgnoredField, ...] = ()
    """Form fields of no known kind that fill a column about a thing: written under `ignore:`
    (`cnsnt.starter.things`), only when asked (`set_apart`)."""
    not_personal: tuple[Marked, ...] = ()
    """`--reviewed`: columns the classifier calls personal, no entry declares, and a reviewer
    marked not personal: for `ignore:`."""
    declared_not_personal: tuple[Marked, ...] = ()
    """`--reviewed`: columns marked not personal that data entries declare (`entries`): left
    for the user to remove."""
    ignored_personal: tuple[Marked, ...] = ()
    """`--reviewed`: columns marked personal that `ignore:` names (its patterns in `entries`)."""
    declared_otherwise: tuple[Marked, ...] = ()
    """`--reviewed`: columns marked personal with a category that the data entries declaring
    them (`entries`) give another (`categories`): left for the user to move."""
    consent_personal: tuple[Marked, ...] = ()
    """`--reviewed`: columns a reviewer marked personal that the policy records consent in
    (the `consent: columns:` patterns naming them in `entries`): left to the user."""
    not_found: tuple[Review, ...] = ()
    """`--reviewed`: rows that name no column of the sources."""
    marked_personal: tuple[str, ...] = ()
    """`--reviewed`: the columns among `fields` a reviewer marked personal (the classifier
    agreeing or not)."""
    marked_fields: tuple[str, ...] = ()
    """`--reviewed`: the form fields among `fields` a reviewer marked personal."""
    not_input: tuple[Marked, ...] = ()
    """`--reviewed`: rows that name a form control a person does not fill in (its role in
    `entries`): not applied."""
    moved: tuple[Marked, ...] = ()
    """`--reviewed`: columns declared only on a line init wrote and nobody edited, marked not
    personal (in `not_personal` too) or with another category (in `fields` too): that line
    goes (`lines`)."""
    last: tuple[Marked, ...] = ()
    """`--reviewed`: columns that would be moved but are their entry's only column: left."""
    lines: tuple[InitLine, ...] = ()
    """`--reviewed`: the lines of the policy the moved columns are taken off."""
    removed: tuple[Marked, ...] = ()
    """`--reviewed`: the data entries init wrote and nobody touched whose last field moved (`entries`:
    its name), taken out whole."""
    confirmed: tuple[Confirmed, ...] = ()
    """`--reviewed`: init's lines that alone declare a column or field a reviewer marked personal:
    their comments say so."""
    shared: tuple[Marked, ...] = ()
    """`--reviewed`: columns and form fields marked not personal whose `ignore:` item would name
    a thing of the other kind too (its key in `entries`): left to the user."""
    unignored: tuple[Marked, ...] = ()
    """`--reviewed`: `ignore:` items an earlier reviewed list wrote that a row now marks personal
    (`was`: that list's row): taken out, the column or field added as a `true` adds it."""
    ignore_lines: tuple[IgnoreLine, ...] = ()
    """`--reviewed`: the `ignore:` lines the `unignored` items are on."""
    yielded: tuple[Review, ...] = ()
    """`--reviewed`: rows left as explain-column wrote them whose every column or field a
    pattern row answers instead."""
    behind: tuple[Marked, ...] = ()
    """`--reviewed`: the form fields init filed with a column a row moved (or the column a moved
    field fills) left where they are, to move by hand (`follows`: the one that moved)."""
    spared: tuple[tuple[Review, tuple[str, ...]], ...] = ()
    """`--reviewed`: `true` pattern rows, with the columns cnsnt reads as keys they left out."""
    passed: tuple[Passed, ...] = ()
    """`--reviewed`: `false` pattern rows, with the declared columns or fields they left (`pattern_rows`)."""
    missing: tuple[tuple[str, str], ...] = ()
    """(object, file) of the objects forms name that no table keeps (Razor's `@model
    LoginViewModel`), whose proposed fields are filed with no column (`form_columns.missing_objects`)."""


def undeclared(
    policy: Policy,
    evidence: Evidence,
    catch_alls: Sequence[CatchAll] = (),
    *,
    set_apart: bool = False,
    reviewed: Sequence[Review] = (),
    movable: Mapping[tuple[str, str], InitLine] | None = None,
    whole: Mapping[str, int] | None = None,
    ignorable: Mapping[str, IgnoreLine] | None = None,
    filed: Mapping[str, Sequence[FiledLine]] | None = None,
    keep_one: bool = True,
) -> Undeclared:
    """Personal columns and form fields that no data entry, ignore or consent names.

    `catch_alls`: the `form.*` lines init wrote for fields of no known kind
    (`cnsnt.starter.catch_alls`). A field only they cover, which the classifier now
    gives a kind, counts as undeclared: init's guess did not see it. `set_apart`: the
    fields of no known kind that fill a column about a thing go to `ignored`, not to
    the fields (a new starter writes them under `ignore:`). `reviewed`: a reviewer's
    answers (`init --update --reviewed`), which overrule the classifier on the columns
    and form fields they name (`_not_personal`). `movable`: the policy's lines
    init wrote, or an earlier reviewed list wrote, and nobody edited
    (`cnsnt.starter.review_moves.init_lines`), which a reviewed row may move, or confirm
    (its `true`). `whole`: the data entries every line of which init wrote and nobody
    touched (`cnsnt.starter.init_entries`), with how many fields each holds: one whose
    last field moves is taken out. `ignorable`: the `ignore:` items an earlier reviewed
    list wrote and nobody edited (`review_moves.ignore_lines`), which a row marking the
    column or field personal takes out. `filed`: the form field lines whose comment names
    the column they fill (`review_moves.filed_lines`): a row that moves one of the two
    moves the other (`_with_columns`, `_with_fields`). `keep_one`: the last move that would
    empty the policy's last data entry leaves it (`_Moves`); without it that entry goes too, for
    a caller that knows the run adds another (`run.draft_update`, fix31a).
    """
    reading = read_tables(evidence.tables)
    classify(evidence, reading)
    aliases = AliasIndex(evidence.fields)
    before = PolicyIndex(policy, aliases)
    # a `true` row of a pattern a list wrote under `ignore:` takes it out first (trial K)
    freed = released(
        reviewed, ignorable or {}, lambda p: _names_column(evidence, p),
        lambda p: any(aliases.matches(p, f) for f in evidence.fields if f.name is not None),
    )
    if freed:
        policy = replace(policy, ignore=tuple(p for p in policy.ignore if p.casefold() not in freed))
    index = PolicyIndex(policy, aliases)
    found: dict[tuple[str, str], PersonalField] = {}
    said = {key.casefold(): (v.personal, v.category) for key, v in evidence.classified.items()}
    spare = key_columns(reading, evidence.classified) if any(is_glob(r.column) for r in reviewed) else ()
    marks = match_reviews(reviewed, evidence.columns, said, spare)
    field_said = _fields_said(evidence, marks.not_found)
    field_marks = match_field_reviews(marks.not_found, evidence.fields, field_said)
    against: dict[str, Marked] = {}
    kept: dict[str, Marked] = {}
    hidden: dict[str, Marked] = {}
    moved: dict[str, Marked] = {}
    consents: dict[str, Marked] = {}
    moves = _Moves(movable or {}, whole or {}, len(policy.data) if keep_one else 0, ignorable or {})
    moves.unignored.update(freed)
    alike = Alike(evidence, index, marks.by_column, field_marks.by_field)
    shared: dict[str, Marked] = {}
    filing = _Filed(against, kept, shared, moves, {})
    # the forms' own languages: a word of another one is no datum (`dept`, `str`); a
    # language counts with a quarter of the first one's words, not a handful of loans
    written, addressed = field_reading(evidence)
    together = _Together(evidence, index, alike, field_marks, filed or {}, (written, addressed))

    seen: set[str] = set()
    for column in evidence.columns:
        key = column.key
        verdict = evidence.classified.get(key)
        if verdict is None or key.casefold() in seen:
            # a second source's copy of a column (a live database beside its dump) is the same
            # column: one line, one reviewed row, read once (review37 D4: counted twice, init's
            # entry was taken for one a person edited)
            continue
        seen.add(key.casefold())
        review = marks.by_column.get(key.casefold())
        if review is not None and not review.personal:
            decided = index.column_ignored(key) or index.is_consent_column(column)
            entries = index.data_for_column(key)
            _not_personal("columns", key, verdict.personal, review, entries, decided, filing, alike.field_for)
            continue
        # the reviewer's word overrules the verdict, or names the category it lacked
        marked = review is not None and (
            not verdict.personal or (review.category is not None and review.category != verdict.category)
        )
        if freed and review is not None and review.personal and before.column_ignored(key):
            # brought back off `ignore:`: written as the reviewer's answer, not as init's question
            marked = marked or not index.column_ignored(key)
        if not verdict.personal and not marked:
            continue
        if index.column_ignored(key):
            if review is None:
                continue
            # the policy says not personal, the reviewer says it is: an item a list wrote goes
            patterns = tuple(p for p in policy.ignore if column_matches(p, key))
            if index.is_consent_column(column) or not moves.unignore(
                key, review, verdict.personal, patterns, alike.any_field
            ):
                was = moves.held.get(("ignore", key.casefold()))
                own = _own_row(marks.own, key, review)
                hidden.setdefault(key.casefold(), Marked(key, review, patterns, was=was, own=own))
                continue
            marked = True  # added as the reviewer marked it
        declared = index.data_for_column(key)
        consent_column = index.is_consent_column(column)
        # another category than cnsnt's own (as explain-column wrote it: a row left as written
        # questions nothing, review35 R35a D2) and than every declaring entry's
        wanted = (
            review is not None
            and review.category is not None
            and review.category != verdict.category
            and bool(declared)
            and all(d.category != review.category for d in declared)
        )
        # on a line init wrote: the line goes, the column joins that category (for a pattern
        # row, only from a line still asking, init's `unsure, check` or a list's answer)
        broad = review is not None and by_pattern(review, key)
        recategorise = (
            wanted
            and review is not None
            and not consent_column
            and moves.take("columns", key, review, declared, open_only=broad) is not None
        )
        if (declared or consent_column) and not recategorise:
            # a `true` on init's own line answers its question: recorded in its comment
            if review is not None and declared and not wanted and not consent_column:
                moves.confirm("columns", key, review, declared, _reviewed_column(column, review, verdict))
            # never moved: a data entry or a consent says otherwise (an entry's last column: said
            # once); a pattern's category leaves a line init was sure of, or a person wrote, as it is
            elif (
                marked
                and review is not None
                and ("columns", key.casefold()) not in moves.last
                and not (broad and wanted)
            ):
                _marked_elsewhere(column, review, declared, policy, moved, consents)
            continue
        if (marked or recategorise) and review is not None:
            found.setdefault(("column", key.casefold()), _reviewed_column(column, review, verdict))
            continue
        # one table under two spellings from two sources (`MEMBERS` in a model, `members`
        # in a dump) is one table to the audit, which matches names case-insensitively
        found.setdefault(
            ("column", key.casefold()),
            PersonalField(
                "column",
                escape(key),
                verdict.category or UNKNOWN_CATEGORY,
                verdict.reason,
                verdict.confidence,
                column.location,
                table=f"{column.schema}.{column.table}" if column.schema else column.table,
            ),
        )
    consent: set[str] = set()
    chosen: set[str] = set()  # fields whose category a reviewer gave: kept whatever they fill
    # the form fields init filed with a column a row moved go with it (review36 R36a D6)
    together.with_columns(moves, found, against, chosen)
    for field in evidence.fields:
        if field.name is None:
            continue
        key = field.key
        if field.role is FieldRole.CONSENT:
            if not index.is_consent_field(field) and not index.field_ignored(field):
                consent.add(escape(key))
            continue
        if field.role is not FieldRole.INPUT or key.casefold() in together.followers:
            continue  # a field that moved (or stayed, said) with its column: answered
        review = field_marks.by_field.get(key.casefold())
        if review is not None and not review.personal:
            decided = index.field_ignored(field) or index.is_consent_field(field)
            entries = index.data_for_field(field)
            # a person fills it in: personal to cnsnt, always
            _not_personal("form_fields", key, True, review, entries, decided, filing, alike.column_for)
            continue
        if index.field_ignored(field) or index.is_consent_field(field):
            if review is None or not index.field_ignored(field):
                continue
            # the reviewer says it is personal: an `ignore:` item a list wrote goes
            patterns = tuple(p for p in policy.ignore if index.aliases.matches(p, field))
            unignored = not index.is_consent_field(field) and moves.unignore(
                key, review, True, patterns, alike.any_column
            )
            if not unignored:
                was = moves.held.get(("ignore", key.casefold()))
                own = _own_row(field_marks.own, key, review)
                marked_here = Marked(key, review, patterns, field=True, was=was, own=own)
                hidden.setdefault(f"form_field:{key.casefold()}", marked_here)
                continue
        declared = index.data_for_field(field)
        held = _held_by_catch_all(declared, field, index, catch_alls) if declared else None
        verdict = classify_field(
            field.name, field.label, field.control, written, field.form, field.form in addressed,
            label_hint=field.label_hint,
        )
        # the reviewer's category, where it is another than the classifier's
        given = review.category if review is not None and review.category != verdict.category else None
        if declared and held is None:
            # another category on a line init wrote: the line goes, the field joins that category
            if given is None or any(d.category == given for d in declared):
                if review is not None:  # a `true` on init's own line: recorded in its comment
                    answered = _reviewed_field(field, review, verdict, together.fills(key))
                    moves.confirm("form_fields", key, review, declared, answered)
                continue
            broad = review is not None and by_pattern(review, key)
            if review is None or moves.take("form_fields", key, review, declared, open_only=broad) is None:
                if review is not None and ("form_fields", key.casefold()) not in moves.last and not broad:
                    moved[f"form_field:{key.casefold()}"] = Marked(
                        key, review, tuple(d.name for d in declared), tuple(d.category for d in declared),
                        field=True,
                    )
                continue
        if held is not None and verdict.category is None and given in (None, UNKNOWN_CATEGORY):
            continue  # of no known kind: the catch-all was written for such fields
        reason = field_reason(field, verdict)
        if review is not None:
            reason = reviewer_reason(review, replace(verdict, reason=reason))
        if held is not None:
            reason = (
                f"{reason}; only init's catch-all '{held.pattern}' of '{held.entry}' ({held.where}), "
                "written for fields of no known kind, named it"
            )
        if given is not None:
            chosen.add(key)
        found.setdefault(
            ("form_field", key),
            PersonalField(
                "form_field",
                escape(key),
                given or verdict.category or UNKNOWN_CATEGORY,
                reason,
                Confidence.HIGH if review is not None else verdict.confidence,  # a person decided
                field.location,
                form=field.form,
                catch_all=held,
                reviewed=review.where if review is not None else None,
            ),
        )
    # the column a moved field was filed with goes with it, when nothing else is filed with it
    together.with_fields(moves, found, against, marks, said)
    passed = _passed(reviewed, marks, field_marks, index, moves, found, filing)
    unknown = {
        key: p.category == UNKNOWN_CATEGORY for (kind, key), p in found.items() if kind == "form_field"
    }
    open_columns = frozenset(
        key for (kind, key), p in found.items() if kind == "column" and p.category == UNKNOWN_CATEGORY
    )
    filled = fills(evidence, reading, unknown, open_columns)
    types = column_types(evidence.columns)
    _drop_unheld(filled, found, types, chosen)
    _give_kinds(filled, found, types)
    _own_row_columns(evidence, reading, filled, found, chosen, index, frozenset(marks.by_column))
    _join_columns(filled, found, chosen)
    _say_unfilled(evidence, filled, found)
    missing = missing_objects(evidence, {key for kind, key in found if kind == "form_field"})
    ignored: list[IgnoredField] = []
    if set_apart:
        candidates = {
            key: (p.key, p.location)
            for (kind, key), p in found.items()
            if kind == "form_field" and p.category == UNKNOWN_CATEGORY and not p.table and not p.catch_all
        }
        personal = frozenset(key for kind, key in found if kind == "column")
        ignored = things(evidence, reading, filled, candidates, personal)
        for thing in ignored:
            found.pop(("form_field", thing.field), None)
    _whole_forms(evidence, found)
    ordered = sorted(found.values(), key=lambda f: (f.category, f.kind, f.key))
    return Undeclared(
        tuple(ordered),
        tuple(sorted(consent)),
        reading,
        tuple(ignored),
        not_personal=tuple(against.values()),
        declared_not_personal=tuple(kept.values()),
        ignored_personal=tuple(hidden.values()),
        declared_otherwise=tuple(moved.values()),
        consent_personal=tuple(consents.values()),
        not_found=field_marks.not_found,
        not_input=field_marks.not_input,
        moved=tuple(moves.moved.values()),
        last=tuple(moves.last.values()),
        lines=tuple(moves.lines.values()),
        removed=tuple(moves.removed.values()),
        confirmed=tuple(moves.confirmed.values()),
        shared=tuple(shared.values()),
        unignored=tuple(marked for _, marked in moves.unignored.values()),
        ignore_lines=tuple(line for line, _ in moves.unignored.values()),
        behind=tuple(together.behind),
        spared=marks.spared,
        passed=tuple(passed),
        missing=tuple(missing),
        yielded=tuple(sorted((*marks.yielded, *field_marks.yielded), key=lambda r: row_order(r.where))),
        marked_personal=tuple(
            p.key
            for (kind, key), p in found.items()
            if kind == "column" and (review := marks.by_column.get(key)) is not None and review.personal
        ),
        marked_fields=tuple(
            p.key
            for (kind, key), p in found.items()
            if kind == "form_field"
            and (review := field_marks.by_field.get(key.casefold())) is not None
            and review.personal
        ),
    )


def _names_column(evidence: Evidence, pattern: str) -> bool:
    """Whether an `ignore:` item names a column of the sources."""
    return any(column_matches(pattern, c.key) for c in evidence.columns)


def _own_row(own: Mapping[str, Review], key: str, review: Review) -> Review | None:
    """The row naming `key` by itself that gave way to the pattern row `review`, when it says the same."""
    if not by_pattern(review, key):
        return None
    row = own.get(key.casefold())
    return row if row is not None and row is not review and row.personal == review.personal else None


def _passed(
    reviewed: Sequence[Review],
    marks: ReviewMarks,
    field_marks: FieldMarks,
    index: PolicyIndex,
    moves: _Moves,
    found: Mapping[tuple[str, str], PersonalField],
    filing: _Filed,
) -> list[Passed]:
    """The `false` pattern rows that name a column or field still declared once the run is written.

    Their declared columns are named (`pattern_rows.passed_over`), and the item such a row
    writes under `ignore:` is the keys it took, not the pattern, which would silence them.
    """
    rows = [r for r in reviewed if not r.personal and is_glob(r.column)]
    if not rows:
        return []

    def stays(kind: str, key: str) -> str | None:
        new = found.get(("column", key.casefold()) if kind == "columns" else ("form_field", key))
        if new is not None:
            return f"marked personal in {new.reviewed}" if new.reviewed else "declared by cnsnt init now"
        if (kind, key.casefold()) in moves.lines or (kind, key.casefold()) in moves.covered:
            return None  # moved off its line by this run
        entries = index.data_for_column(key) if kind == "columns" else index.data_for_field(key)
        if not entries:
            return None
        names = ", ".join(d.name for d in entries)
        entry = f"data entr{'y' if len(entries) == 1 else 'ies'} {names}"
        line = alone_on(moves.movable, kind, key, entries)
        if line is None:
            return f"in {entry}, on a line a person wrote"
        if line.decided is None and not line.unsure:
            return f"in {entry}, where cnsnt init had put it, not as a question"  # it was sure
        return f"in {entry}, where {line.decided or 'cnsnt init'} had put it"

    out = passed_over(
        rows, marks.reach, lambda key: stays("columns", key),
        lambda key: ("columns", key.casefold()) in moves.last, filing.against, filing.took,
    )
    out += passed_over(
        rows, field_marks.reach, lambda key: stays("form_fields", key),
        lambda key: ("form_fields", key.casefold()) in moves.last, filing.against, filing.took, field=True,
    )
    return sorted(out, key=lambda p: row_order(p.review.where))


def _fields_said(evidence: Evidence, rows: Sequence[Review]) -> dict[str, tuple[bool, str | None]]:
    """What explain-column wrote for each form field a person fills in: personal, of its kind.

    Only asked when a pattern row may name fields (a row left as written yields to it).
    """
    if not any(is_glob(row.column) for row in rows):
        return {}
    written, addressed = field_reading(evidence)
    out: dict[str, tuple[bool, str | None]] = {}
    for field in evidence.fields:
        if field.name is None or field.role is not FieldRole.INPUT:
            continue
        verdict = classify_field(
            field.name, field.label, field.control, written, field.form, field.form in addressed,
            label_hint=field.label_hint,
        )
        out.setdefault(field.key.casefold(), (True, verdict.category))
    return out


def _reviewed_column(column: Column, review: Review, verdict: Classification) -> PersonalField:
    """A column a reviewer marked personal (or gave a category): its comment says who decided."""
    said = verdict.reason or (verdict.reasons[-1] if verdict.reasons else "")
    return PersonalField(
        "column",
        escape(column.key),
        review.category or verdict.category or UNKNOWN_CATEGORY,
        reviewer_reason(review, replace(verdict, reason=said)),
        Confidence.HIGH,  # a person decided: not "unsure, check"
        column.location,
        table=f"{column.schema}.{column.table}" if column.schema else column.table,
        reviewed=review.where,
    )


def alone_on(
    lines: Mapping[tuple[str, str], InitLine], kind: str, key: str, declared: Sequence[Datum]
) -> InitLine | None:
    """The line init wrote that alone declares a column or a form field (`kind`: its list), or None.

    Alone: one data entry declares it, on that line, and no other pattern of the entry
    names it too. Only then is a reviewer's answer about that line, and that line only.
    """
    line = lines.get((kind, escape(key).casefold()))
    if line is None or len(declared) != 1 or declared[0].name != line.entry:
        return None
    match = field_matches if kind == "form_fields" else column_matches
    patterns = declared[0].form_fields if kind == "form_fields" else declared[0].columns
    if any(match(p, key) for p in patterns if p != line.pattern):
        return None  # another pattern of the entry names it too: the line is not alone
    return line


def whole_form_line(
    lines: Mapping[tuple[str, str], InitLine], kind: str, key: str, review: Review, declared: Sequence[Datum]
) -> InitLine | None:
    """Init's whole-form line (`- signup.*  # unsure, check: all 4 fields ...`) a pattern row names.

    The row `signup.*,false` answers that question, as a row answers init's line of one
    field: the line alone declares the field, it is still init's question, and the row's
    pattern is the line's item (review38 D3: the row was said to pass over "a line a person
    wrote", and a row per field could not move it either). None otherwise.
    """
    line = lines.get((kind, review.column.casefold()))
    if line is None or not line.unsure or line.decided is not None:
        return None
    if len(declared) != 1 or declared[0].name != line.entry:
        return None
    match = field_matches if kind == "form_fields" else column_matches
    patterns = declared[0].form_fields if kind == "form_fields" else declared[0].columns
    if not match(line.pattern, key) or any(match(p, key) for p in patterns if p != line.pattern):
        return None
    return line


@dataclass(frozen=True)
class Confirmed:
    """A line init wrote whose question a reviewer answered `true`: its comment becomes `field`'s."""

    line: InitLine
    field: PersonalField
    """The column or field as a reviewed new one is written: its comment says who decided."""


class _Moves:
    """The lines init wrote that reviewed rows take columns or fields off, and the ones left as last."""

    def __init__(
        self,
        movable: Mapping[tuple[str, str], InitLine],
        whole: Mapping[str, int],
        entries: int,
        ignorable: Mapping[str, IgnoreLine],
    ) -> None:
        self.movable = movable
        self.ignorable = ignorable
        """The `ignore:` items a reviewed list wrote and nobody edited, by pattern case-folded."""
        self.whole = whole
        """The entries as init wrote them, with how many fields each holds."""
        self.entries = entries
        """How many data entries the policy has: one at least stays (0: none need stay, the run adds one)."""
        self.moved: dict[tuple[str, str], Marked] = {}
        self.last: dict[tuple[str, str], Marked] = {}
        """Lines left as the last of their entry (`Marked.only`: the policy's only entry)."""
        self.lines: dict[tuple[str, str], InitLine] = {}
        self.removed: dict[str, Marked] = {}
        """An entry init wrote taken out whole -> the field whose move emptied it."""
        self.confirmed: dict[tuple[str, str], Confirmed] = {}
        self.held: dict[tuple[str, str], str] = {}
        """Lines an earlier list wrote that a row of another list only repeating cnsnt left: that
        list's row."""
        self.covered: dict[tuple[str, str], InitLine] = {}
        """Fields a pattern row moved with init's whole-form line it names (`whole_form_line`)."""
        self.unignored: dict[str, tuple[IgnoreLine, Marked]] = {}
        """`ignore:` items taken out, by pattern case-folded: the line and the row that took it."""
        self._taken: dict[tuple[str, str], int] = {}
        self._emptied: dict[str, int] = {}

    def take(
        self,
        kind: str,
        key: str,
        review: Review,
        declared: Sequence[Datum],
        *,
        repeats: bool = False,
        open_only: bool = False,
        unsure_only: bool = False,
    ) -> InitLine | None:
        """Take a column or a field (`kind`: its list) off init's line, if that line alone names it.

        The line taken, or None. A line an earlier reviewed list wrote is taken as init's is,
        unless the row only `repeats` what cnsnt says and comes from another list
        (`overturns`). The last item of an entry init wrote and nobody touched takes the
        entry with it (`removed`), whatever list each of its items was in: a column and
        the form field filling it, both moved, empty it. The last item of one list of such
        an entry whose other list still holds some goes with its list's key
        (`emptied_lists`). Of another entry, the last item of a list stays (an entry a
        person touched is never deleted, and an empty list would not load): said in `last`.
        `open_only`: only a line still asking (init's `unsure, check`, or an earlier
        list's answer), as a pattern row's category moves (trial30 H: `entrevista.*` with
        `user.health` must not take the table's national id off the line init was sure of).
        `unsure_only`: only init's `unsure, check` line, a question nobody has answered, as a
        pattern row's `false` moves (trial K: `benutzer.*_id,false` took init's confident
        `benutzer.google_id` and an earlier list's `true`).
        """
        line = alone_on(self.movable, kind, key, declared)
        whole = False
        if line is None and unsure_only:
            line = whole_form_line(self.movable, kind, key, review, declared)
            whole = line is not None
            if line is not None:
                self.covered[(kind, key.casefold())] = line
                key = line.pattern  # the line's own item moves, once, whatever field led to it
        field = kind == "form_fields"
        at = (kind, key.casefold())
        if line is None or (open_only and not (line.unsure or line.decided)):
            return None
        if any(taken.line == line.line for taken in self.lines.values()):
            # the same line met again (another source's copy of the column, under another key,
            # `dbo.users.x` beside `users.x`): taken once, counted once (review37 D4)
            return line
        if unsure_only and not (line.unsure and line.decided is None):
            return None
        if not overturns(line.decided, review, repeats):
            self.held[at] = line.decided or ""
            return None
        marked = Marked(key, review, (line.entry,), field=field, was=line.decided, pattern=whole)
        if line.siblings - self._taken.get((line.entry, kind), 0) <= 1:
            held = self.whole.get(line.entry, 0) - self._emptied.get(line.entry, 0)
            if held < 1 or (held == 1 and self.entries and len(self.removed) + 1 >= self.entries):
                # a person's entry, or the policy's only one: the message says which (review36 R36b D4)
                self.last.setdefault(at, replace(marked, only=held >= 1))
                return None
            if held == 1:
                self.removed[line.entry] = marked
            # else: init's entry, its other list holding more (trial29: a column and its field)
        self._taken[(line.entry, kind)] = self._taken.get((line.entry, kind), 0) + 1
        self._emptied[line.entry] = self._emptied.get(line.entry, 0) + 1
        self.lines[at] = line
        self.moved[at] = marked
        return line

    def confirm(
        self, kind: str, key: str, review: Review, declared: Sequence[Datum], written: PersonalField
    ) -> None:
        """Record a reviewer's `true` on init's line that alone declares a column or field, if there is one.

        Its comment becomes `written`'s (`marked personal in review.csv:N; cnsnt said: ...`):
        the question init asked is answered, so `explain-column --undecided` no longer lists it
        and a second pass costs only the new lines (review35 R35a D1, R35b D2). A line a
        reviewed list wrote says so already, and stays as it is.
        """
        line = alone_on(self.movable, kind, key, declared)
        if line is not None and line.decided is None:
            self.confirmed.setdefault((kind, key.casefold()), Confirmed(line, written))

    def unignore(
        self, key: str, review: Review, says: bool, named: Sequence[str], other: Callable[[str], bool]
    ) -> bool:
        """Take out the `ignore:` item a reviewed list wrote for a column or field now marked personal.

        Or init wrote, for a form field it set aside (filling a column about a thing): its
        comment asks to "move it to data: if it is someone's", and the `true` answers it.
        Whether it was. Only when that item alone names it, as its key or as the row's own
        pattern (`*.creazione` marked `true` now), names nothing of the other kind (`other`:
        `ignore:` silences a column and a form field of one name alike), and the row
        `overturns` it (`says`: cnsnt's verdict). Anything else is left to the user.
        """
        if len(named) != 1:
            return False
        line = self.ignorable.get(named[0].casefold())
        if line is None or other(line.pattern):
            return False
        pattern = line.pattern.casefold()
        own = pattern == escape(key).casefold()
        if not own and not (is_glob(review.column) and pattern == review.column.casefold()):
            return False
        if not overturns(line.decided, review, review.personal == says):
            self.held[("ignore", key.casefold())] = line.decided or ""
            return False
        item = key if own else line.pattern
        self.unignored.setdefault(pattern, (line, Marked(item, review, pattern=not own, was=line.decided)))
        return True


class _Together:
    """A column and the form field init filed with it: a row that moves one moves the other.

    init files a field that fills a column in the column's entry, its comment saying so
    (`- patient.fiscal_code  # unsure, check: fills the column 'patients.fiscal_code'
    (...): filed with it`): one datum, whose purposes and retention are decided once. A row
    that moved the column into another category's entry, or under `ignore:`, left the field
    behind, so the notice listed a fiscal code under health data (review36 R36a D6).
    Now the field's line goes too, when it is as init (or a reviewed list) wrote it, in the
    entry the column left, and no row of its own that the reviewer changed answers it; a
    line a person edited stays, said (`behind`). The other way, a row that moves the field
    takes the column when it is as simple: the column's line is init's, in that entry, the
    field is the only one filed with it, and no changed row of its own answers it.
    """

    def __init__(
        self,
        evidence: Evidence,
        index: PolicyIndex,
        alike: Alike,
        field_marks: FieldMarks,
        filed: Mapping[str, Sequence[FiledLine]],
        reading: tuple[tuple[str, ...], frozenset[str]],
    ) -> None:
        self._evidence = evidence
        self._index = index
        self._alike = alike
        self._field_marks = field_marks
        self._filed = filed
        self._written, self._addressed = reading
        self._inputs = {
            escape(f.key).casefold(): f
            for f in evidence.fields
            if f.name is not None and f.role is FieldRole.INPUT
        }
        self._columns = {c.key.casefold(): c for c in evidence.columns}
        self._lines = {line.pattern.casefold(): line for lines in filed.values() for line in lines}
        self.followers: set[str] = set()
        """The keys (case-folded) of the fields moved with their column, or left and said."""
        self.behind: list[Marked] = []

    def fills(self, key: str) -> str | None:
        """Init's words on the column a field's line (unedited) was filed with, else None."""
        line = self._lines.get(escape(key).casefold())
        return line.fills if line is not None and not line.edited else None

    def _verdict(self, field: FormField) -> Classification:
        return classify_field(
            field.name, field.label, field.control, self._written, field.form, field.form in self._addressed,
            label_hint=field.label_hint,
        )

    def with_columns(
        self,
        moves: _Moves,
        found: dict[tuple[str, str], PersonalField],
        against: dict[str, Marked],
        chosen: set[str],
    ) -> None:
        """Move the fields init filed with each column a row moved: into its new entry, or under `ignore:`."""
        for (kind, _), leader in list(moves.moved.items()):
            if kind != "columns" or leader.follows is not None:
                continue
            entry = leader.entries[0]
            for line in self._filed.get(leader.key.casefold(), ()):
                field = self._inputs.get(line.pattern.casefold())
                if line.entry != entry or field is None:
                    continue
                verdict = self._verdict(field)
                own = self._field_marks.by_field.get(field.key.casefold())
                if own is not None and (own.personal, own.category) != (True, verdict.category):
                    continue  # a row of its own the reviewer changed answers it
                self.followers.add(field.key.casefold())
                self._follow(moves, leader, field.key, line, "form_fields", found, against)
                if leader.review.personal and ("form_field", field.key) in found:
                    chosen.add(field.key)  # the column's new category, whatever it fills

    def with_fields(
        self,
        moves: _Moves,
        found: dict[tuple[str, str], PersonalField],
        against: dict[str, Marked],
        marks: ReviewMarks,
        said: Mapping[str, tuple[bool, str | None]],
    ) -> None:
        """Move the column a field a row moved fills, when the field is the only one filed with it."""
        for (kind, folded), leader in list(moves.moved.items()):
            if kind != "form_fields" or leader.follows is not None:
                continue
            filled = filled_column(moves.lines[(kind, folded)].said)
            column = self._columns.get(filled[0].casefold()) if filled else None
            if column is None:
                continue
            key, entry = column.key, leader.entries[0]
            at = ("columns", key.casefold())
            own = marks.by_column.get(key.casefold())
            answered = own is not None and not as_written(own, key.casefold(), said)
            if at in moves.moved or at in moves.last or answered:
                continue  # its own row answered it
            if not any(d.name == entry for d in self._index.data_for_column(key)):
                continue
            others = [
                f for f in self._filed.get(key.casefold(), ())
                if f.entry == entry and f.pattern.casefold() != escape(leader.key).casefold()
            ]  # fmt: skip
            line = alone_on(moves.movable, "columns", key, self._index.data_for_column(key))
            why = (
                "other form fields are filed with it too" if others
                else "a person edited its line, or another line declares it too" if line is None
                else "the policy records consent in it" if self._index.is_consent_column(column)
                else None
            )  # fmt: skip
            if why is not None or line is None:
                self.behind.append(Marked(key, leader.review, (entry,), follows=leader.key, why=why))
                continue
            self._follow(moves, leader, key, line, "columns", found, against)
            moves.confirmed.pop(at, None)  # a row left `true` as written: the line moved instead

    def _follow(
        self,
        moves: _Moves,
        leader: Marked,
        key: str,
        line: FiledLine | InitLine,
        kind: str,
        found: dict[tuple[str, str], PersonalField],
        against: dict[str, Marked],
    ) -> None:
        """Take `key` (`kind`: its list) off its line as `leader`'s row took the leader's, and file it so."""
        review, entry, field = leader.review, leader.entries[0], kind == "form_fields"
        besides = None
        if not review.personal:  # its `ignore:` item must silence nothing else nobody judged
            other = self._alike.column_for if field else self._alike.field_for
            besides = other(escape(key))
        declared = self._index.data_for_field(self._inputs[escape(key).casefold()]) if field else (
            self._index.data_for_column(key)
        )
        at = (kind, key.casefold())
        why = None
        if isinstance(line, FiledLine) and line.edited:
            why = "a person edited its line"
        elif besides not in (None, leader.key):
            kind_of = "the column" if field else "the form field"
            why = f"its ignore: item would also silence {kind_of} {besides}"
        # the leader's row moved the leader's line: an answer, not cnsnt's verdict repeated
        taken = None if why else moves.take(kind, key, review, declared)
        if taken is None:
            if at in moves.last:  # the last of an entry a person edited (or the policy's only one)
                moves.last[at] = replace(moves.last[at], follows=leader.key)
                return
            if why is None:
                earlier = moves.held.get(at)
                why = f"{earlier} decided it" if earlier else "another line of the policy declares it too"
            self.behind.append(Marked(key, review, (entry,), field=field, follows=leader.key, why=why))
            return
        moves.moved[at] = replace(moves.moved[at], follows=leader.key)
        if not review.personal:
            marked = Marked(key, review, (entry,), field=field, was=taken.decided, follows=leader.key)
            against.setdefault(f"form_field:{key.casefold()}" if field else key.casefold(), marked)
            return
        mine = found[("column" if field else "form_field", leader.key.casefold() if field else leader.key)]
        if field:
            form_field = self._inputs[escape(key).casefold()]
            verdict = self._verdict(form_field)
            fills = line.fills if isinstance(line, FiledLine) else ""
            reason = field_reason(form_field, verdict) + (f"; {fills}" if fills else "")
            found[("form_field", key)] = PersonalField(
                "form_field", escape(key), mine.category,
                reviewer_reason(review, replace(verdict, reason=reason)), Confidence.HIGH,
                form_field.location, table=mine.table, form=form_field.form, reviewed=review.where,
            )
            return
        column = self._columns[key.casefold()]
        verdict = self._evidence.classified[key]
        said = verdict.reason or (verdict.reasons[-1] if verdict.reasons else "")
        reason = f"{said}; filled by the form field '{leader.key}': filed with it"
        found[("column", key.casefold())] = PersonalField(
            "column", escape(key), mine.category, reviewer_reason(review, replace(verdict, reason=reason)),
            Confidence.HIGH, column.location,
            table=f"{column.schema}.{column.table}" if column.schema else column.table, reviewed=review.where,
        )


def by_pattern(review: Review, key: str) -> bool:
    """Whether a row names `key` by a pattern (`entrevista.*`), not by the key itself."""
    return is_glob(review.column) and review.column.casefold() != key.casefold()


def overturns(decided: str | None, review: Review, repeats: bool) -> bool:
    """Whether a row changes the answer an earlier reviewed list gave (`decided`: its row; None: none did).

    A row that says otherwise than cnsnt was edited, so it does. One that repeats cnsnt's
    verdict may be a list made anew and left as written: only a row of the same list
    (the reviewer changed that cell) overturns a decision (trial29 D#1, G#3). A pattern row
    and a row with a note are the reviewer's writing, never a cell left as written: they
    do (trial K: `benutzer.*_id,true` could not undo the list that wrote `benutzer.*_id`).
    """
    if decided is None or not repeats or review.note is not None or is_glob(review.column):
        return True
    return decided.rpartition(":")[0] == review.where.rpartition(":")[0]


def _reviewed_field(
    field: FormField, review: Review, verdict: Classification, fills: str | None = None
) -> PersonalField:
    """A form field a reviewer marked personal: its comment says who decided, as a column's does.

    `fills`: init's words on the column its line was filed with (`fills the column '...' (...):
    filed with it`), kept, so a later row that moves the column still takes the field.
    """
    reason = field_reason(field, verdict) + (f"; {fills}" if fills else "")
    return PersonalField(
        "form_field",
        escape(field.key),
        review.category or verdict.category or UNKNOWN_CATEGORY,
        reviewer_reason(review, replace(verdict, reason=reason)),
        Confidence.HIGH,
        field.location,
        form=field.form,
        reviewed=review.where,
    )


@dataclass(frozen=True)
class _Filed:
    """Where `_not_personal` files a row: the `Undeclared` lists it feeds, and the lines it may move."""

    against: dict[str, Marked]
    """For `ignore:`."""
    kept: dict[str, Marked]
    """Declared by a data entry a person wrote: left, and said."""
    shared: dict[str, Marked]
    """Its `ignore:` item would silence a thing of the other kind too (`entries`: its key): said."""
    moves: _Moves
    took: dict[str, list[str]]
    """A `false` pattern row's pattern (case-folded) -> the keys nothing named that it took: written
    one by one instead of the pattern when that would name a column still declared (`pattern_rows`)."""


def _not_personal(
    kind: str,
    key: str,
    says: bool,
    review: Review,
    entries: Sequence[Datum],
    decided: bool,
    filed: _Filed,
    other: Callable[[str], str | None],
) -> None:
    """File a column or form field (`kind`: its list) marked not personal: moved, kept, or for `ignore:`.

    `says`: whether cnsnt calls it personal (a form field a person fills in, always);
    `entries`: the data entries declaring it; `decided`: `ignore:` or a consent names it.
    A line init wrote and nobody edited asked for this check, and so did one an earlier
    reviewed list wrote (`moves`): it moves under `ignore:`. Any other data entry records
    a decision someone made, so it is never undone here: the user is told (`kept`), never
    left unsaid (trial29 D#1). One nothing names goes to `against`, for `ignore:`,
    whatever the classifier said: the decision is recorded, and the `--undecided` list
    shrinks (review34 R34a D1, R34b D3); `ignore:` silences a field as it does a column
    (SPEC). A pattern row goes there once, as its pattern. Unless that item names a thing
    of the other kind too (`other`: a table and a form of one name), which nobody marked
    not personal: then nothing moves, and the user is told (`shared`).
    """
    field = kind == "form_fields"
    at = f"form_field:{key.casefold()}" if field else key.casefold()
    pattern = by_pattern(review, key)
    against, kept, moves = filed.against, filed.kept, filed.moves
    if not decided:
        besides = other(review.column if pattern else escape(key))
        if besides is not None:
            filed.shared.setdefault(at, Marked(review.column if pattern else key, review, (besides,),
                                               pattern=pattern, field=field))
            return
    if entries:
        # a pattern takes only init's questions: what it passes over is said once for the row
        line = moves.take(kind, key, review, entries, repeats=not says, unsure_only=pattern)
        if line is not None and pattern and line.pattern.casefold() == review.column.casefold():
            # init's whole-form line, answered by its own pattern: `ignore:` gets the pattern once
            against.setdefault(review.column.casefold(), Marked(
                review.column, review, (line.entry,), pattern=True, field=field, was=line.decided,
            ))
        elif line is not None:
            against.setdefault(at, Marked(key, review, (line.entry,), field=field, was=line.decided))
        elif not pattern and (kind, key.casefold()) not in moves.last:  # an entry's last one: said once
            was = moves.held.get((kind, key.casefold()))
            kept.setdefault(at, Marked(key, review, tuple(d.name for d in entries), field=field, was=was))
        return
    if decided:
        return
    if pattern:
        against.setdefault(review.column.casefold(), Marked(review.column, review, pattern=True, field=field))
        filed.took.setdefault(review.column.casefold(), []).append(key)
    else:
        against.setdefault(at, Marked(key, review, field=field))


def _marked_elsewhere(
    column: Column,
    review: Review,
    declared: list[Datum],
    policy: Policy,
    moved: dict[str, Marked],
    consents: dict[str, Marked],
) -> None:
    """File a column a reviewer marked personal, or gave a category, that the policy places already.

    A data entry records a decision, so the column stays in it; the user is told when
    the reviewer's category is another than every declaring entry's (`moved`). A consent
    record (`consent: columns:`) is not declared as data; the user is told (`consents`)
    when the reviewer calls it personal against the classifier, or gives it a category.
    Only a row the reviewer edited is said (`marked`): an unedited row repeats the
    classifier, and questions nothing.
    """
    key = column.key
    if declared:
        if review.category is not None and all(d.category != review.category for d in declared):
            names = tuple(d.name for d in declared)
            moved.setdefault(key.casefold(), Marked(key, review, names, tuple(d.category for d in declared)))
        return
    if review.personal:
        patterns = [
            pattern
            for purpose in policy.purposes.values()
            if purpose.consent
            for pattern in purpose.consent.columns
            if column_matches(pattern, key)
        ]
        consents.setdefault(key.casefold(), Marked(key, review, tuple(dict.fromkeys(patterns))))


def _held_by_catch_all(
    declared: list[Datum], field: FormField, index: PolicyIndex, catch_alls: Sequence[CatchAll]
) -> CatchAll | None:
    """The init catch-all that alone names the field, or None (a user's own line names it too)."""
    if not catch_alls:
        return None
    mine = {(c.entry, c.pattern): c for c in catch_alls}
    held: CatchAll | None = None
    for datum in declared:
        for pattern in datum.form_fields:
            if not index.aliases.matches(pattern, field):
                continue
            found = mine.get((datum.name, pattern))
            if found is None or datum.category != UNKNOWN_CATEGORY:
                return None
            held = held or found
    return held


def _drop_unheld(
    filled: dict[str, Fill],
    found: dict[tuple[str, str], PersonalField],
    types: dict[str, str | None],
    chosen: Collection[str] = frozenset(),
) -> None:
    """A field of a known kind that fills a column whose type cannot hold that kind keeps none.

    Its name misled: `indirizzoscolastico` fills an INTEGER key (review32 D3). Of no known
    kind, it is then filed as any such field: with its column, or under `ignore:` when the
    column is about a thing. A category a reviewer gave (`chosen`) stays: a person decided.
    """
    kinds = {
        key: p.category for (kind, key), p in found.items() if kind == "form_field" and key not in chosen
    }
    for key, sql in unheld(filled, kinds, types).items():
        field, fill = found[("form_field", key)], filled[key]
        found[("form_field", key)] = replace(
            field,
            category=UNKNOWN_CATEGORY,
            confidence=Confidence.LOW,
            reason=f"{field.reason}, but it fills the column '{fill.column}' ({fill.how}), whose type "
            f"{sql} cannot hold it: kind unknown",
        )


def _give_kinds(
    filled: dict[str, Fill], found: dict[tuple[str, str], PersonalField], types: dict[str, str | None]
) -> None:
    """A column of no known kind takes the kind of the fields of a known kind that fill it.

    One datum, one entry (review30 D2): the field labelled 'TCKN' and the column `ctckn`
    it fills are both a national id. A column of a known kind keeps its own.
    """
    kinds = {
        key: FieldKind(p.category, p.confidence, p.reason)
        for (kind, key), p in found.items()
        if kind == "form_field" and p.category != UNKNOWN_CATEGORY
    }
    for column, given in given_kinds(filled, kinds, types).items():
        mine = found.get(("column", column))
        if mine is None or mine.category != UNKNOWN_CATEGORY:
            continue
        # a reviewer's word stays beside the kind the form gives
        reason = f"{mine.reason}; {given.reason}" if mine.reviewed else given.reason
        found[("column", column)] = replace(
            mine, category=given.category, confidence=given.confidence, reason=reason
        )


def _own_row_columns(
    evidence: Evidence,
    reading: TableReading,
    filled: Mapping[str, Fill],
    found: dict[tuple[str, str], PersonalField],
    chosen: Collection[str],
    index: PolicyIndex,
    answered: Collection[str],
) -> None:
    """A not-personal column of a person's row that a field of no known kind fills is declared with it.

    One datum, in one entry (`cnsnt.starter.own_rows`, review36 R36b D3). Not a column the
    policy names already (a data entry, `ignore:`, a consent), nor one a reviewer answered
    (`answered`: their columns' keys, casefolded).
    """
    unknown = {
        key for (kind, key), p in found.items()
        if kind == "form_field" and p.category == UNKNOWN_CATEGORY and key not in chosen
    }  # fmt: skip
    rows = own_rows(evidence, reading, filled, unknown)
    if not rows:
        return
    columns = {c.key.casefold(): c for c in evidence.columns}
    for folded, row in rows.items():
        column = columns.get(folded)
        if column is None or ("column", folded) in found or folded in answered:
            continue
        if index.column_decided(column):
            continue
        found[("column", folded)] = PersonalField(
            "column",
            escape(column.key),
            UNKNOWN_CATEGORY,
            row.reason,
            Confidence.LOW,
            column.location,
            table=f"{column.schema}.{column.table}" if column.schema else column.table,
        )


def _join_columns(
    filled: dict[str, Fill],
    found: dict[tuple[str, str], PersonalField],
    chosen: Collection[str] = frozenset(),
) -> None:
    """A form field that fills a column this draft declares takes the column's category and table.

    So the starter files it in the column's entry (`filled`: `cnsnt.starter.form_columns`
    says when cnsnt can tell), and its comment says which column and why. A field whose
    category a reviewer gave (`chosen`) keeps it.
    """
    for key, fill in sorted(filled.items()):
        column = found.get(("column", fill.column.casefold()))
        field = found[("form_field", key)]
        if column is None or key in chosen:
            continue  # not personal, or declared already: the field keeps its own verdict
        said = f"fills the column '{fill.column}' ({fill.how})"
        confidence = column.confidence
        if field.category == column.category:  # its own reason (and confidence) still hold
            reason, confidence = f"{field.reason}; {said}", field.confidence
        elif field.category == UNKNOWN_CATEGORY:
            reason = f"{said}: filed with it"
        else:  # the column's category wins; what the name alone says is kept for the reviewer
            reason = f"{said}: filed with it (alone: {field.reason})"
        found[("form_field", key)] = replace(
            field, category=column.category, confidence=confidence, reason=reason, table=column.table
        )


def _say_unfilled(
    evidence: Evidence, filled: Mapping[str, Fill], found: dict[tuple[str, str], PersonalField]
) -> None:
    """A field filed with no column says why, when its form names an object or its kind is known.

    Filed by its kind beside the columns of that kind, an e-mail box of a form bound to no
    object looked like the input of those columns; a Razor view's `@model LoginViewModel`,
    which no table keeps, read as nothing at all (`cnsnt.starter.form_columns.unfilled`).
    """
    known = {key: p.category != UNKNOWN_CATEGORY for (kind, key), p in found.items() if kind == "form_field"}
    for key, why in unfilled(evidence, known, filled).items():
        field = found[("form_field", key)]
        found[("form_field", key)] = replace(field, reason=f"{field.reason}; {why}")


#: Words of the comment beside a whole-form pattern init writes, and nowhere else: they
#: tell `--update` the line is init's (`cnsnt.starter.catch_alls`).
WHOLE_FORM_MARK = "none of a kind cnsnt knows"
#: A form is proposed as one `form.*` pattern from this many fields of unknown kind.
_WHOLE_FORM = 3
_GLOB_CHARACTERS = frozenset("*?[]{}!")


def _whole_forms(evidence: Evidence, found: dict[tuple[str, str], PersonalField]) -> None:
    """Forms whose every field is undeclared and of unknown kind become one `form.*` entry.

    A settings page or a search form of twenty fields, none of them a name, an address
    or a contact, is one thing to decide about (declare it, or move it to `ignore:`),
    not twenty lines. A form with a consent control, a field of a known kind, or a
    field the policy already names keeps its fields one by one.
    """
    fields: dict[str, list[FormField]] = {}
    for field in evidence.fields:
        fields.setdefault(field.form, []).append(field)
    for form, members in sorted(fields.items()):
        if not form or _GLOB_CHARACTERS & set(form):
            continue
        # a nameless button or technical field sends nothing a person typed: it keeps no form apart
        if any(f.role is FieldRole.CONSENT or (f.role is FieldRole.INPUT and not f.name) for f in members):
            continue
        inputs = [f for f in members if f.role is FieldRole.INPUT]
        mine = [found.get(("form_field", f.key)) for f in inputs]
        if len(inputs) < _WHOLE_FORM or any(
            p is None or p.category != UNKNOWN_CATEGORY or p.confidence is not Confidence.LOW or p.table
            for p in mine
        ):
            continue
        names = sorted({f.name for f in inputs if f.name})
        shown = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
        first = min(inputs, key=lambda f: (f.location.path, f.location.line, f.location.column))
        for f in inputs:
            found.pop(("form_field", f.key), None)
        found[("form_field", f"{form}.*")] = PersonalField(
            "form_field",
            f"{form}.*",
            UNKNOWN_CATEGORY,
            f"all {len(names)} fields of the form '{form}' ({shown}), {WHOLE_FORM_MARK}",
            Confidence.LOW,
            first.location,
            covers=len({f.key for f in inputs}),
            form=form,
        )


#: What a `readonly` control is, said instead of (or after) the classifier's words.
READONLY = "shown read-only: sent back as the page filled it in"


def field_reason(field: FormField, verdict: Classification) -> str:
    """The classifier's reason, unless the field is `readonly`: a person does not fill that in.

    The classifier says a field of no known kind "is filled in by a person"; a read-only
    box on a delete-confirmation page shows a stored value and sends it back unchanged.
    """
    if not field.readonly:
        return verdict.reason
    if verdict.category is None:  # the classifier's "filled in by a person; kind unknown"
        return f"field '{field.name}' is {READONLY}; kind unknown"
    return f"{verdict.reason}; {READONLY}"


def field_reading(evidence: Evidence) -> tuple[tuple[str, ...], frozenset[str]]:
    """The forms' own languages and the forms that ask for an address, as `init` reads fields.

    So `cnsnt explain-column FORM.FIELD` gives the verdict `init` wrote, for the same reasons.
    """
    written = rank_languages([t for f in evidence.fields for t in (f.name, f.label) if t], share=0.25)
    return written, _forms_with_addresses(evidence, written)


def _forms_with_addresses(evidence: Evidence, written: tuple[str, ...]) -> frozenset[str]:
    """Forms that ask for a street, a city or a postal code: there `estado` is a region."""
    found: set[str] = set()
    for field in evidence.fields:
        if field.name is None or field.role is not FieldRole.INPUT or field.form in found:
            continue
        category = classify_field(
            field.name, field.label, field.control, written, field.form, label_hint=field.label_hint
        ).category or ""
        if category.startswith("user.contact.address") and category != "user.contact.address.state":
            found.add(field.form)
    return frozenset(found)
