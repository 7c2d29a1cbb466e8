"""Which columns and form fields of the sources a reviewed verdict list names, and what each answer asks for.

`cnsnt init --update --reviewed FILE` (`cnsnt.starter.reviewed` reads the file): a
row names a column by the key `explain-column` wrote (`[schema.]table.column`),
matched as the audit matches names, case-insensitively; a `table.column` names that
column in any schema. A row that names no column names a form field by its
`FORM.FIELD` key (R34b D7), as `explain-column` reads a name: the column first; a row
whose `table` cell says it is a form field's (`Review.form`) names only a form field, so a
form and a table of one name each get their own row (codereview29 F1). A row
that names neither (renamed, dropped, a typo) is kept to be said, never dropped in
silence; two rows that name one column (its full key and its `table.column`) with
different answers are a usage error, as two rows spelt the same are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as _field

from cnsnt.evidence import Classification, Column, FieldRole, FormField
from cnsnt.matching import ColumnParts, field_matches, is_glob
from cnsnt.starter.reviewed import Review, contradiction, refuse, row_order, same_answer
from cnsnt.textsafe import json_dumps


@dataclass(frozen=True)
class Marked:
    """A column a reviewer answered for, where the classifier or the policy says otherwise."""

    key: str
    """The column's key in the sources."""
    review: Review
    entries: tuple[str, ...] = ()
    """The data entries that declare it (a column marked not personal, or with another
    category), the `ignore:` patterns that name it (a column marked personal), or the
    `consent: columns:` patterns that name it (a consent record marked personal)."""
    categories: tuple[str, ...] = ()
    """The categories the data entries in `entries` give it (a column marked with another)."""
    pattern: bool = False
    """`key` is the reviewer's pattern (`*.creazione`), for `ignore:` as written, once."""
    field: bool = False
    """`key` is a form field's (`FORM.FIELD`), not a column's."""
    line: int = 0
    """A line left to move by hand: its number in the policy as written (from 1)."""
    into: str | None = None
    """A line moved to the reviewer's category: the data entry it joined. One left to move by
    hand: the data entry of that category it would join (None: the policy has none)."""
    alone: bool = True
    """A line left to move by hand: its entry holds nothing else, so it is removed with it."""
    was: str | None = None
    """A line or `ignore:` item an earlier reviewed list wrote, moved now: that list's row
    (`review.csv:3`)."""
    follows: str | None = None
    """Moved (or left) with the column or form field of this key, which the row names: the form
    field init filed with a column, or the column a field fills (one datum, review36 R36a D6)."""
    only: bool = False
    """A line left as the last of its entry because that entry is the policy's only one (not
    because a person edited it: review36 R36b D4)."""
    why: str | None = None
    """A line left beside what `follows` names, which moved: why it stays (`a person edited its line`)."""
    own: Review | None = None
    """A row naming the column or field by itself, left as explain-column wrote it, that yielded to
    the pattern row in `review`: a line refusing it names that row, the one about it (trial K:
    `fix-3.csv:2`, the pattern's line, was said of `benutzer.google_id`, named on line 4)."""


@dataclass(frozen=True)
class Passed:
    """A `false` pattern row's columns (or form fields) a data entry declares, which it left where they are.

    A pattern row takes only what nobody has answered: the columns no data entry, `ignore:`
    or consent names, and those on init's `unsure, check` lines. A line init wrote sure of
    it (`benutzer.google_id`, a personal identifier), one an earlier list answered `true`,
    one a person wrote, and a column this list marks personal by a row of its own stay
    (trial K: `benutzer.*_id,false` moved a Google id and an earlier list's answer under
    `ignore:`).
    """

    review: Review
    """The pattern row."""
    left: tuple[tuple[str, str], ...]
    """Each column (or field) left, and what declares it (`data entry unique_id, where cnsnt init
    put it`)."""
    took: tuple[str, ...] = ()
    """The keys it took, each under `ignore:` as an item of its own instead of the pattern, which
    would name the columns in `left` too (and `ignore:` silences a column a data entry declares);
    empty when the pattern was written (nothing it names stays declared) or it took nothing."""
    field: bool = False
    """The row's keys are form fields'."""


@dataclass(frozen=True)
class KeyLine:
    """A table's keys a reviewed list marked not personal, written on one line of `ignore:`.

    `init --update --reviewed --key-patterns` (`cnsnt.starter.key_patterns`): each key its
    own item, as without the option, the line's comment naming their rows.
    """

    table: str
    """The table, as a column key names it."""
    keys: tuple[str, ...]
    """The keys, each an item on the line, in the list's order."""
    rows: tuple[str, ...]
    """Their rows (`review.csv:4`), one for one."""


@dataclass(frozen=True)
class ReviewMarks:
    """The reviewed rows, by the sources' columns they name."""

    by_column: dict[str, Review]
    """A column key (case-folded) -> the row that names it."""
    not_found: tuple[Review, ...]
    """Rows that name no column of the sources (a pattern: that matches none)."""
    yielded: tuple[Review, ...] = ()
    """Rows left as explain-column wrote them whose every column a pattern row answers."""
    spared: tuple[tuple[Review, tuple[str, ...]], ...] = ()
    """`true` pattern rows, with the columns cnsnt reads as keys they matched and left out
    (`key_columns`): a key is declared only by its own row (fix30b)."""
    own: dict[str, Review] = _field(default_factory=dict)
    """A column key (case-folded) -> the row naming it by itself, before any pattern row took it."""
    reach: dict[int, tuple[str, ...]] = _field(default_factory=dict)
    """A `false` pattern row (by `id`) -> every column it matches (its key), those another row
    answers too: what its `ignore:` item would silence."""


@dataclass(frozen=True)
class ReviewOutcome:
    """What `init --update --reviewed` did with a reviewed list beyond adding fields, to be said."""

    source: str
    """The list as the policy's comments name it (`review.csv`)."""
    added: tuple[str, ...] = ()
    """Columns marked personal, added to data entries (the classifier agreeing or not)."""
    added_fields: tuple[str, ...] = ()
    """Form fields marked personal, added to data entries' `form_fields:`."""
    ignored: tuple[Marked, ...] = ()
    """Columns marked not personal, added to `ignore:`."""
    ignore_items: tuple[str, ...] = ()
    """What `ignored` wrote under `ignore:`: an item each (a table's keys on one line: `grouped`)."""
    grouped: tuple[KeyLine, ...] = ()
    """`--key-patterns`: the tables whose keys went on one line of `ignore:` each."""
    left: tuple[Marked, ...] = ()
    """Columns marked not personal, not added: `ignore:` is in another file (`elsewhere`)."""
    elsewhere: str | None = None
    declared: tuple[Marked, ...] = ()
    """Columns marked not personal that data entries declare: left to the user."""
    moved: tuple[Marked, ...] = ()
    """Columns init declared on a line nobody edited, marked not personal (now under `ignore:`)
    or with another category (now in its entry): the line taken out (`entries`: its entry)."""
    last: tuple[Marked, ...] = ()
    """Columns that would have been moved but are the only column of their entry, which a person
    has touched: left there, with what to do by hand."""
    removed: tuple[Marked, ...] = ()
    """Data entries init wrote and nobody touched, taken out with their last column or field
    (`entries`: the entry)."""
    confirmed: tuple[str, ...] = ()
    """init's lines of columns and form fields marked personal, their comments now saying so."""
    shared: tuple[Marked, ...] = ()
    """Columns and form fields marked not personal whose `ignore:` item would silence a thing of
    the other kind too (`entries`: its key), a form named like a table: left to the user."""
    unignored: tuple[Marked, ...] = ()
    """`ignore:` items an earlier reviewed list wrote (`was`), taken out for a row marking the
    column or field personal, which was added (`into`: its data entry, when one)."""
    hidden: tuple[Marked, ...] = ()
    """Columns marked personal that `ignore:` names: left to the user."""
    recategorised: tuple[Marked, ...] = ()
    """Columns marked with a category that data entries declare under another: left to the user."""
    consent: tuple[Marked, ...] = ()
    """Consent records (`consent: columns:`) marked personal: left to the user."""
    not_found: tuple[Review, ...] = ()
    """Rows that name no column or form field of the sources."""
    not_input: tuple[Marked, ...] = ()
    """Rows that name a form control a person does not fill in (a consent control, a search
    box, a button: `entries` holds its role), which CN101 never asks to declare."""
    rows: tuple[str, ...] = ()
    """Every row read (`file:line`), so the summary accounts for each (trial30 H#4)."""
    cut_notes: tuple[Review, ...] = ()
    """Rows whose note was longer than `reviewed.MAX_NOTE_CHARS`, cut in the comments they write."""
    declared_rows: tuple[str, ...] = ()
    """The rows whose column or field a data entry now declares: newly, or re-filed."""
    confirmed_rows: tuple[str, ...] = ()
    """The rows behind `confirmed`."""
    ignored_rows: tuple[str, ...] = ()
    """The rows marked not personal whose item goes under `ignore:` (or is left, `elsewhere`)."""
    yielded: tuple[Review, ...] = ()
    """Rows left as explain-column wrote them whose every column or field a pattern row answers."""
    behind: tuple[Marked, ...] = ()
    """Form fields init filed with a column a row moved (or the column a moved field fills), left
    where they are (`follows`: the one that moved): a person edited the line, or it is not alone."""
    spared: tuple[tuple[Review, tuple[str, ...]], ...] = ()
    """`true` pattern rows, with the columns they matched that cnsnt reads as keys: left out."""
    passed: tuple[Passed, ...] = ()
    """`false` pattern rows, with the declared columns or fields they left where they are."""


@dataclass(frozen=True)
class FieldMarks:
    """The reviewed rows that name no column, by the form fields they name."""

    by_field: dict[str, Review]
    """A field key (case-folded) of a field a person fills in -> the row that names it."""
    not_input: tuple[Marked, ...]
    """Rows that name a control of another role (its role in `entries`)."""
    not_found: tuple[Review, ...]
    """Rows that name no column and no form field (a pattern: that matches none)."""
    yielded: tuple[Review, ...] = ()
    """Rows left as explain-column wrote them whose every field a pattern row answers."""
    own: dict[str, Review] = _field(default_factory=dict)
    """A field key (case-folded) -> the row naming it by itself, before any pattern row took it."""
    reach: dict[int, tuple[str, ...]] = _field(default_factory=dict)
    """A `false` pattern row (by `id`) -> every field it matches (its key)."""


#: What `explain-column` wrote in a row's `personal` and `category` cells for a column or
#: field, by its key case-folded: the classifier's verdict (a form field: personal, of its kind).
Written = Mapping[str, tuple[bool, str | None]]


def as_written(review: Review, key: str, written: Written) -> bool:
    """Whether a row's `personal` and `category` cells are what explain-column wrote for `key`.

    Such a row repeats the classifier (the test fix29d uses for a row "left as written"):
    it yields to a pattern row that matches its column (trial30 I: `disciplines.*,false`
    was overridden by the table's own rows, still as cnsnt wrote them). A row the
    reviewer changed names the column by itself, and wins over any pattern.
    """
    said = written.get(key)
    return said is not None and (review.personal, review.category) == said


def _apply_patterns(
    patterns: Sequence[Review],
    keys_of: Callable[[Review], list[str]],
    by_key: dict[str, Review],
    written: Written,
    missing: list[Review],
) -> tuple[Review, ...]:
    """Give each key the first pattern row matching it, unless a row the reviewer changed names it.

    The rows left as written whose every key a pattern took are returned (`yielded`);
    a pattern that matches nothing goes to `missing`.
    """
    named = {id(review): review for review in by_key.values()}
    taken: set[str] = set()
    for review in patterns:
        keys = keys_of(review)
        if not keys:
            missing.append(review)
        for key in keys:
            earlier = by_key.get(key)
            if earlier is None or (key not in taken and as_written(earlier, key, written)):
                by_key[key] = review
                taken.add(key)
    left = {id(review) for review in by_key.values()}
    return tuple(sorted((r for i, r in named.items() if i not in left), key=lambda r: row_order(r.where)))


def match_field_reviews(
    reviews: Sequence[Review], fields: Iterable[FormField], written: Written | None = None
) -> FieldMarks:
    """Each row that named no column, by the form fields it names: by key, else as a pattern.

    A pattern row (`contact.*`) decides the fields no row names by itself, as it does
    columns, and those a row left as explain-column wrote it names (`written`: what it
    wrote for each field); one that matches no field is said.
    """
    inputs: dict[str, str] = {}
    others: dict[str, FormField] = {}
    for field in fields:
        if field.name is None:
            continue
        key = field.key.casefold()
        if field.role is FieldRole.INPUT:
            inputs.setdefault(key, field.key)
        else:
            others.setdefault(key, field)
    by_field: dict[str, Review] = {}
    not_input: list[Marked] = []
    missing: list[Review] = []
    patterns: list[Review] = []
    for review in reviews:
        name = review.column.casefold()
        if name in inputs:
            by_field.setdefault(name, review)
        elif name in others:
            other = others[name]
            not_input.append(Marked(other.key, review, (other.role.value,), field=True))
        elif is_glob(review.column):
            patterns.append(review)
        else:
            missing.append(review)
    own = dict(by_field)
    reach: dict[int, tuple[str, ...]] = {}

    def matched(review: Review) -> list[str]:
        found = [key for key in inputs if field_matches(review.column, key)]
        if not review.personal:
            reach[id(review)] = tuple(inputs[key] for key in found)
        return found

    yielded = _apply_patterns(patterns, matched, by_field, written or {}, missing)
    missed = tuple(sorted(missing, key=lambda r: row_order(r.where)))
    return FieldMarks(by_field, tuple(not_input), missed, yielded, own, reach)


def match_reviews(
    reviews: Sequence[Review],
    columns: Iterable[Column],
    written: Written | None = None,
    spare: Collection[str] = frozenset(),
) -> ReviewMarks:
    """Each reviewed row's columns: by full key, else by `table.column` in any schema.

    A form field's row (`Review.form`) names no column: it is among `not_found`, for
    `match_field_reviews`. A pattern row decides the columns no row names, and those
    named only by rows left as explain-column wrote them (`written`: what it wrote for
    each column). A pattern row marked `true` passes over `spare` (the columns cnsnt
    reads as keys, case-folded: `key_columns`), which only a row of their own declares:
    `entrevista.*,true,user.health` is no answer about `entrevista.id_aluno` (fix30b).
    """
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for column in columns:
        key = column.key.casefold()
        shown.setdefault(key, column.key)
        full.setdefault(key, []).append(key)
        short.setdefault(f"{column.table}.{column.name}".casefold(), []).append(key)
    by_column: dict[str, Review] = {}
    missing: list[Review] = []
    shorts: list[tuple[Review, list[str]]] = []
    patterns: list[Review] = []
    for review in reviews:
        name = review.column.casefold()
        if review.form:
            missing.append(review)
        elif name in full:  # first: a column whose own name has a `*` is named as explain-column wrote it
            for key in full[name]:
                by_column.setdefault(key, review)
        elif name in short:
            shorts.append((review, short[name]))
        elif is_glob(review.column):
            patterns.append(review)
        else:
            missing.append(review)
    # a row naming the full key wins over a `table.column` row, when the two agree; when they
    # do not, the reviewer is asked which (codereview28 F2: the first row won in silence)
    bad: list[str] = []
    for review, keys in shorts:
        for key in keys:
            earlier = by_column.setdefault(key, review)
            if not same_answer(earlier, review):
                first, second = sorted((earlier, review), key=lambda r: row_order(r.where))
                bad.append(contradiction(second, first))
                break
    if bad:
        refuse(reviews[0].where.rpartition(":")[0], bad)
    # a pattern row (`*.creazione`: the timestamps every table inherits) decides the columns no
    # row names by itself (review34 R34a D1), or only a row left as written names (trial30 I);
    # one that matches none is said
    spared: dict[int, tuple[Review, tuple[str, ...]]] = {}
    by_part = ColumnParts(full)  # a `t12.*` row tries only t12's columns

    own = dict(by_column)
    reach: dict[int, tuple[str, ...]] = {}

    def matched(review: Review) -> list[str]:
        found = [key for name in by_part.matching(review.column.casefold()) for key in full[name]]
        if not review.personal:
            reach[id(review)] = tuple(dict.fromkeys(shown[key] for key in found))
        if not review.personal or not spare:
            return found
        left = [key for key in found if key not in spare]
        # said: the keys it would have answered, not those a row of their own the reviewer changed answers
        own = [
            k for k in found
            if k in spare and (k not in by_column or as_written(by_column[k], k, written or {}))
        ]  # fmt: skip
        if len(left) < len(found):
            spared[id(review)] = (review, tuple(dict.fromkeys(shown[k] for k in own)))
        return left

    yielded = _apply_patterns(patterns, matched, by_column, written or {}, missing)
    # a pattern whose every column is a key matched some: no "matches no column" warning
    missing = [review for review in missing if id(review) not in spared]
    said = sorted((pair for pair in spared.values() if pair[1]), key=lambda pair: row_order(pair[0].where))
    missed = tuple(sorted(missing, key=lambda r: row_order(r.where)))
    return ReviewMarks(by_column, missed, yielded, tuple(said), own, reach)


def reviewer_reason(review: Review, verdict: Classification) -> str:
    """The comment beside a column or field a reviewer marked personal: who decided, and what cnsnt said."""
    said = "personal" if verdict.personal else "not personal"
    because = f" because {verdict.reason}" if verdict.reason else ""
    confidence = verdict.confidence.value
    return f"marked personal in {decided_at(review)}; cnsnt said: {said} ({confidence}){because}"


def decided_at(review: Review) -> str:
    r"""The row that decided, as a comment names it: `review.csv:3`, then the reviewer's note quoted.

    `review.csv:3: "the driver's own car"`: the note is a JSON string, every line break,
    quote and character a comment cannot show escaped (`\n`, `\"`, `\u2028`), so it stays
    on its line and ends where its quote does; `review_moves` reads the row past it.
    """
    if review.note is None:
        return review.where
    return f"{review.where}{NOTE_OPEN}{quoted_note(review.note)}"


#: What comes between a row and its note in a comment (`review.csv:3: "..."`).
NOTE_OPEN = ": "


def quoted_note(note: str) -> str:
    """`note` as a JSON string a one-line comment keeps as it is: no whitespace but spaces, all printable."""
    return "".join(
        ch if ch == " " or (ch.isprintable() and not ch.isspace()) else json.dumps(ch)[1:-1]
        for ch in json_dumps(note, ensure_ascii=False)
    )
