"""What `cnsnt init --update --reviewed FILE` says on stderr: each row it could not apply, then a count.

A reviewed row is a person's decision: when cnsnt does not carry it out (the column is
gone; a data entry, `ignore:` or a consent record says otherwise), the user is told which
row and why, so no decision is lost in silence. The summary accounts for every row read,
each once (`tally`): what a reviewer reads there adds up to their list (trial30 H#1, H#4).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.matching import escape, is_glob
from cnsnt.policy.model import Policy
from cnsnt.starter.review_marks import KeyLine, Marked, Passed, ReviewOutcome
from cnsnt.starter.reviewed import MAX_NOTE_CHARS, row_order
from cnsnt.starter.update import load_rt
from cnsnt.starter.yaml_text import scalar


def review_notes(outcome: ReviewOutcome) -> list[str]:
    """The lines to show: one per row not applied as asked, in the list's row order, then the summary.

    In row order (then in the order they arose), so a reviewer reads them beside the list
    (trial30 H#3, I: they came grouped by kind, `:14, :15, :7, :12`).
    """
    rows: list[tuple[str, str]] = []  # (the row's `file:line`, the line to show)

    def say(where: str, text: str) -> None:
        rows.append((where, text))

    for review in outcome.not_found:
        if is_glob(review.column):
            say(
                review.where,
                f"warning: {review.where}: the pattern {review.column} matches no column or form field "
                "of the sources: not applied",
            )
            continue
        say(
            review.where,
            f"warning: {review.where}: no column or form field {review.column} in the sources (renamed, "
            "dropped, or misspelt?): not applied",
        )
    for marked in outcome.not_input:
        say(
            marked.review.where,
            f"warning: {marked.review.where}: {marked.key} is a form control a person does not fill in "
            f"({marked.entries[0]}), which the audit does not ask to declare: not applied",
        )
    for marked in outcome.moved:
        if marked.follows is not None:
            continue  # said on the line of what it moved with
        entry = marked.entries[0]
        if not marked.review.personal:
            where = "under ignore:"
        elif marked.into is not None:
            where = f"into data entry {marked.into} ({marked.review.category})"
        else:
            where = f"into the data entry of {marked.review.category}"
        by = marked.was or "cnsnt init"  # a line an earlier list wrote: the answer changed
        say(
            marked.review.where,
            f"{marked.review.where}: {marked.key} moved from data entry {entry}, where {by} had put it, "
            f"{where}{_along(marked, outcome.moved)}",
        )
    for marked in outcome.unignored:
        into = f"data entry {marked.into}" if marked.into else "data entries"
        by = marked.was or "cnsnt init"  # a form field init set aside (about a thing)
        if marked.pattern:  # a `true` for the pattern a list wrote: the pattern goes (trial K)
            say(
                marked.review.where,
                f"{marked.review.where}: {scalar(marked.key)} taken off ignore:, where {by} had put it: what "
                "it named is as this list's rows say, and what no row answers (a key, which a pattern's "
                "true leaves out) is undecided again",
            )
            continue
        say(
            marked.review.where,
            f"{marked.review.where}: {marked.key} taken off ignore:, where {by} had put it, and "
            f"added to {into} as marked personal",
        )
    for marked in outcome.removed:
        say(marked.review.where, _removed(marked, outcome.moved))
    for marked in outcome.last:
        entry = marked.entries[0]
        what = "form field" if marked.field else "column"
        # the real reason: a person's entry, or the policy's only one (review36 R36b D4)
        why = (
            "the policy's only data entry, which cnsnt does not remove"
            if marked.only
            else "which a person has edited and cnsnt does not delete"
        )
        say(
            marked.review.where,
            f"{marked.review.where}: {_named(marked)} is the only {what} of data entry {entry}, {why}: left "
            f"there; {_by_hand(marked)}",
        )
    for marked in outcome.behind:
        say(marked.review.where, _behind(marked))
    for marked in outcome.declared:
        where = ", ".join(marked.entries)
        entries = "data entry" if len(marked.entries) == 1 else "data entries"
        if marked.was:  # another list's answer; this row may be one left as written
            say(marked.review.where, _held(marked, f"data entry {where}", "remove the line by hand"))
            continue
        say(
            marked.review.where,
            f"{marked.review.where}: {marked.key} is marked not personal but declared in {entries} "
            f"{where}: remove it by hand if it is not personal",
        )
    for marked in outcome.hidden:
        patterns = ", ".join(marked.entries)
        # the row about it: its own, when it gave way to a pattern row saying the same (trial K)
        row = marked.own or marked.review
        if marked.was:
            said = _held(replace(marked, review=row), f"ignore: {patterns}", "remove it from ignore: by hand")
            say(row.where, said)
            continue
        by = f" (and by the pattern row {marked.review.where})" if marked.own else ""
        say(
            row.where,
            f"{row.where}: {marked.key} is marked personal{by} but ignore: names it ({patterns}): "
            "remove it from ignore: by hand if it is personal",
        )
    for marked in outcome.recategorised:
        pairs = zip(marked.entries, marked.categories, strict=True)
        said = " and ".join(f"data entry {name} says {category}" for name, category in pairs)
        say(
            marked.review.where,
            f"{marked.review.where}: {marked.key} is marked {marked.review.category} but {said}: "
            "change it by hand",
        )
    for marked in outcome.shared:
        what, other = ("form field", "column") if marked.field else ("column", "form field")
        item = scalar(marked.key if marked.pattern else escape(marked.key))
        say(
            marked.review.where,
            f"{marked.review.where}: {marked.key} is marked not personal, but ignore: {item} would also "
            f"silence the {other} {marked.entries[0]} (a form named like a table): not applied; ignore: "
            f"cannot tell them apart, so mark the {other}'s row false too, or leave the {what} as it is",
        )
    for marked in outcome.consent:
        patterns = ", ".join(marked.entries)
        say(
            marked.review.where,
            f"{marked.review.where}: {marked.key} is marked personal but the policy records consent in "
            f"it (consent: columns: {patterns}), which no data entry declares: declare it in one by hand "
            "if it is personal data besides",
        )
    for review in outcome.cut_notes:
        say(
            review.where,
            f"{review.where}: its note is {review.note_chars:,} characters long: the comments it writes "
            f"keep the first {MAX_NOTE_CHARS - 1} and end with …",
        )
    for review, spared in outcome.spared:
        say(review.where, _spared(review.where, review.column, spared))
    for passed in outcome.passed:
        say(passed.review.where, _passed(passed))
    for group in outcome.grouped:
        say(group.rows[0], _grouped(group))
    out = [text for _, text in sorted(rows, key=lambda row: row_order(row[0]))]  # stable: as they arose
    if outcome.left:
        # as `ignore:` takes them: a `*` in a name escaped, and quoted as init writes it
        keys = ", ".join(scalar(m.key if m.pattern else escape(m.key)) for m in outcome.left)
        count = len(outcome.left)
        things = _things(count, [m.field for m in outcome.left])
        out.append(
            f"{count} {things} marked not personal not added: ignore: is in "
            f"{outcome.elsewhere}, which cnsnt init --update does not edit; add there: {keys}"
        )
    out.append(summary(outcome))
    return out


def tally(outcome: ReviewOutcome) -> list[tuple[int, str]]:
    """What became of the rows read: parts that do not overlap and add up to the rows (trial30 H#1, I).

    Each row is counted once. A pattern row that did several things (re-filed some
    columns, declared others) counts under the first of them in this order: a hand edit
    asked, not applied, re-filed, under `ignore:`, newly declared, confirmed, a pattern
    taken off `ignore:`, declared columns left (a `false` pattern that took nothing: fix31e).
    """
    part: dict[str, str] = {}

    def put(wheres: Iterable[str], what: str) -> None:
        for where in wheres:
            part.setdefault(where, what)

    undone = (
        outcome.declared, outcome.hidden, outcome.recategorised, outcome.consent, outcome.last,
        outcome.shared, outcome.behind,
    )
    put((m.review.where for marks in undone for m in marks), _HAND)
    put((m.own.where for marks in undone for m in marks if m.own is not None), _HAND)
    if outcome.left:  # `ignore:` is in another file: each such row is the user's to add there
        put(outcome.ignored_rows, _HAND)
    put((r.where for r in outcome.not_found), "not found in the sources")
    put((m.review.where for m in outcome.not_input), "not a field a person fills in")
    put((m.review.where for m in outcome.moved if m.review.personal), "re-filed under another category")
    put(outcome.ignored_rows, "put under ignore:")
    unignored = [m.review.where for m in outcome.unignored if not m.pattern]
    put((*outcome.declared_rows, *unignored), "newly declared personal")
    put(outcome.confirmed_rows, "confirmed on lines cnsnt init wrote")
    put((m.review.where for m in outcome.unignored if m.pattern), _UNIGNORED)
    put((p.review.where for p in outcome.passed), _PASSED)
    put((r.where for r in outcome.yielded), "left as written, answered by a pattern row")
    put(outcome.rows, _ALREADY)
    counts = Counter(part[where] for where in dict.fromkeys(outcome.rows))
    return [(counts[what], what) for what in _PARTS if counts[what]]


#: The summary's parts, in the order it says them.
_HAND = "to change by hand (each said above)"
_ALREADY = "already as the policy says"
_UNIGNORED = "taken off ignore:"
_PASSED = "left to the data entries declaring what they name (said above)"
_PARTS = (
    "newly declared personal",
    "re-filed under another category",
    "put under ignore:",
    "confirmed on lines cnsnt init wrote",
    _UNIGNORED,
    _PASSED,
    _ALREADY,
    "left as written, answered by a pattern row",
    _HAND,
    "not found in the sources",
    "not a field a person fills in",
)


def summary(outcome: ReviewOutcome) -> str:
    """The last line: how many rows were read, and what became of them (`tally`)."""
    count = len(dict.fromkeys(outcome.rows))
    read = f"{outcome.source}: {count} row{'s' if count != 1 else ''} reviewed"
    parts = tally(outcome)
    return f"{read}: " + ", ".join(f"{n} {what}" for n, what in parts) if parts else read


def _removed(marked: Marked, moved: Sequence[Marked]) -> str:
    """The line for an entry taken out whole: what it held before this run, all moved out.

    Not "held only" its last field: the others moved out on rows before it (trial30 H#2, I).
    """
    entry = marked.entries[0]
    by = "cnsnt" if marked.was else "init"
    held = [m.key for m in moved if m.entries[:1] == (entry,)] or [marked.key]
    said = f"{marked.review.where}: removed data entry {entry}, which {by} wrote; its"
    if len(held) == 1:
        return f"{said} only field {held[0]} was moved"
    shown = ", ".join(held[:_NAMED])
    if len(held) > _NAMED:
        shown = ", ".join(held[: _NAMED - 1]) + f" and {len(held) - _NAMED + 1} more"
    return f"{said} fields {shown} were all moved"


#: The fields a removed entry's line names before it counts the rest.
_NAMED = 6


def _and(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _held(marked: Marked, where: str, by_hand: str) -> str:
    """The line for a row of another list that repeats cnsnt, against the answer an earlier list gave.

    Such a row may be one left as written in a list made anew (without `--undecided`), so it
    does not overturn that answer; the reviewer is told where to change it.
    """
    said, was = ("personal", "not personal") if marked.review.personal else ("not personal", "personal")
    value = "true" if marked.review.personal else "false"
    return (
        f"{marked.review.where}: {marked.key} is marked {said}, as cnsnt says, but {marked.was} marked it "
        f"{was} ({where}): left as that list decided; change its row there to {value}, or {by_hand}, "
        f"if it is {said}"
    )


def _along(leader: Marked, moved: Sequence[Marked]) -> str:
    """`, and with it the form field F, which init filed with it`: what moved with a row's column or field."""
    with_it = [m.key for m in moved if m.follows == leader.key and m.review is leader.review]
    if not with_it:
        return ""
    if leader.field:  # a field's row took the column it fills
        return f", and with it the column {_and(with_it)}, which it fills"
    fields = "form field" if len(with_it) == 1 else "form fields"
    return f", and with it the {fields} {_and(with_it)}, which init filed with it"


def _named(marked: Marked) -> str:
    """A left line's key, and when it stays beside what a row moved, what it was filed with."""
    if marked.follows is None:
        return marked.key
    if marked.field:
        return f"{marked.key}, the form field init filed with the column {marked.follows} this row moved,"
    return f"{marked.key}, the column the form field {marked.follows} this row moved fills,"


def _behind(marked: Marked) -> str:
    """The line for a field filed with a moved column (or the column of a moved field) left where it is.

    With its real reason (`Marked.why`): a person edited its line, another line declares it, ...
    """
    what = "the form field" if marked.field else "the column"
    how = "init filed with it" if marked.field else "it fills"
    said = (
        f"{marked.review.where}: {marked.follows} moved, but {what} {marked.key} {how} stays in data entry "
        f"{marked.entries[0]}: {marked.why or 'cnsnt cannot take its line out'}"
    )
    item = scalar(escape(marked.key))
    line = f"line {marked.line} `- {item}`" if marked.line else item
    if not marked.review.personal:
        return f"{said}; add {item} under ignore: and remove {line} by hand if it is one datum"
    where = f"entry {marked.into}" if marked.into else f"the data entry of {marked.review.category}"
    return f"{said}; move {line} into {where} by hand if it is one datum"


#: Keys a pattern row left out that its line names before it counts the rest.
_KEYS_NAMED = 6


def _spared(where: str, pattern: str, keys: Sequence[str]) -> str:
    """The line for a `true` pattern row that matched columns cnsnt reads as keys: left out (fix30b)."""
    count = len(keys)
    more = f" and {count - _KEYS_NAMED} more" if count > _KEYS_NAMED else ""
    shown = ", ".join(keys[:_KEYS_NAMED]) + more
    columns = "column" if count == 1 else "columns"
    return (
        f"{where}: {pattern} left out {count} {columns} cnsnt reads as keys ({shown}): a pattern row's true "
        "declares no key; give a key a row of its own, marked true, to declare it"
    )


def _passed(passed: Passed) -> str:
    """The line for a `false` pattern row that left declared columns where they are (trial K).

    Once per pattern: what it passed over and what declares each, how to move one if meant,
    the columns it names that rows of this list mark personal, and, when its `ignore:` item
    is the columns it took, why not the pattern.
    """
    review = passed.review
    what = "form field" if passed.field else "column"
    here = [(key, why) for key, why in passed.left if why.startswith(_MARKED)]
    declared = [(key, why) for key, why in passed.left if not why.startswith(_MARKED)]
    parts = []
    if declared:
        count = len(declared)
        parts.append(
            f"left {_count(count, what)} a data entry declares where {'they are' if count != 1 else 'it is'} "
            f"({_listed([f'{key} {why}' for key, why in declared], '; ')}): a pattern row's false takes only "
            "what nobody has answered (undecided, or on init's 'unsure, check' lines); give one a row of "
            "its own, marked false, to move it"
        )
    if here:
        rows = [f"{key}, {why.removeprefix(_MARKED)}" for key, why in here]
        parts.append(f"also names {_count(len(here), what)} this list marks personal ({_listed(rows, '; ')})")
    said = f"{review.where}: {review.column} " + "; ".join(parts)
    if passed.took:
        took = len(passed.took)
        keys = _listed([scalar(escape(key)) for key in passed.took], ", ")
        items = f"the {what} it took, {keys}"
        if took > 1:
            items = f"the {took} {what}s it took, an item each ({keys})"
        them = "them" if len(passed.left) != 1 else "it"
        not_it = f"not {scalar(review.column)}, which would silence {them} too"
        said += f"{'; ' if parts else ''}ignore: gets {items}, {not_it}"
    return said


#: How a passed-over column a row of this list declares is described (`fields._passed`).
_MARKED = "marked personal in "


def _count(count: int, what: str) -> str:
    """`1 column`, `2 columns`."""
    return f"{count} {what}{'s' if count != 1 else ''}"


def _listed(items: Sequence[str], sep: str) -> str:
    """The first few items joined by `sep`, the rest counted."""
    shown = sep.join(items[:_KEYS_NAMED])
    return shown + (f"{sep}and {len(items) - _KEYS_NAMED} more" if len(items) > _KEYS_NAMED else "")


def _grouped(group: KeyLine) -> str:
    """The line for a table's keys written together under `ignore:` (`--key-patterns`)."""
    count = len(group.keys)
    shown = ", ".join(group.keys[:_NAMED]) + (f" and {count - _NAMED} more" if count > _NAMED else "")
    rows = f"{group.rows[0]} and {count - 1} more row{'s' if count > 2 else ''}"
    return (
        f"{group.rows[0]}: {shown} ({rows}) put under ignore: together, each as it is: a column added "
        f"to {group.table} later is asked about (--key-patterns)"
    )


def _things(count: int, fields: list[bool]) -> str:
    """What `count` marked items are: columns, form fields, or both."""
    if all(fields):
        return f"form field{'s' if count != 1 else ''}"
    if any(fields):
        return "columns and form fields"
    return f"column{'s' if count != 1 else ''}"


def _by_hand(marked: Marked) -> str:
    """What to do by hand for a row whose line stays, the last of an entry a person edited."""
    entry = marked.entries[0]
    kind = "form_fields" if marked.field else "columns"
    # a pattern (init's whole-form line, review38 D3) is written as it is, a key escaped
    written = scalar(marked.key if marked.pattern else escape(marked.key))
    item = f"line {marked.line} `- {written}`"
    if not marked.review.personal:
        if marked.alone:
            return f"add {written} under ignore: and remove entry {entry}"
        return f"add {written} under ignore: and remove {item} with its {kind}: key"
    category = marked.review.category
    if marked.into is None:
        if marked.alone:
            return f"set entry {entry}'s category: to {category} by hand (it holds nothing else)"
        return f"move {item} into a new data entry of category {category} by hand"
    then = f", then remove entry {entry}, which holds nothing else" if marked.alone else ""
    return f"move {item} into entry {marked.into} by hand{then}"


def stuck(last: Sequence[Marked], text: str, shown: str, policy: Policy) -> tuple[Marked, ...]:
    """The rows left as the last of an entry a person edited, with what `_by_hand` needs to say.

    `text`: the policy as written, where the line is (others may have moved above it);
    `policy`: its entries before, for the entry of the reviewer's category.
    """
    if not last:
        return ()
    data = load_rt(text, shown).get("data")
    out: list[Marked] = []
    for marked in last:
        entry = marked.entries[0]
        kind = "form_fields" if marked.field else "columns"
        datum = data.get(entry) if isinstance(data, CommentedMap) else None
        seq = datum.get(kind) if isinstance(datum, CommentedMap) else None
        line = 0
        if isinstance(seq, CommentedSeq):
            want = escape(marked.key).casefold()
            rows = [seq.lc.item(i)[0] + 1 for i, item in enumerate(seq) if str(item).casefold() == want]
            line = rows[0] if rows else 0
        # what it holds once this run's moves are done (a column moved out beside it: review36 R36b D4)
        held = [
            item for kind_ in ("columns", "form_fields")
            if isinstance(datum, CommentedMap) and isinstance(datum.get(kind_), CommentedSeq)
            for item in datum[kind_]
        ]  # fmt: skip
        own = policy.data.get(entry)
        alone = len(held) <= 1 if isinstance(datum, CommentedMap) else (
            own is None or len(own.columns) + len(own.form_fields) <= 1
        )
        into = _entry_of(policy, marked.review.category, entry)
        out.append(replace(marked, line=line, into=into, alone=alone))
    return tuple(out)


def _entry_of(policy: Policy, category: str | None, other: str) -> str | None:
    """The data entry of `category` a field would join: the first without purposes, else the first."""
    if category is None:
        return None
    same = [d for d in policy.data.values() if d.category == category and d.name != other]
    open_ = [d for d in same if not d.purposes]
    return (open_ or same)[0].name if same else None
