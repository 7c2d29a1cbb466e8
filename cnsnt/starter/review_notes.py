"""What `cnsnt init --update --reviewed FILE` says on stderr: each row it could not apply, then a count.

A reviewed row is a person's decision: when cnsnt does not carry it out (the column is
gone; a data entry, `ignore:` or a consent record says otherwise), the user is told which
row and why, so no decision is lost in silence; the summary counts those left to the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.matching import escape, is_glob
from cnsnt.policy.model import Policy
from cnsnt.starter.review_marks import Marked, ReviewOutcome
from cnsnt.starter.update import load_rt
from cnsnt.starter.yaml_text import scalar


def review_notes(outcome: ReviewOutcome) -> list[str]:
    """The lines to show: one per row not applied as asked, then the summary."""
    out: list[str] = []
    for review in outcome.not_found:
        if is_glob(review.column):
            out.append(
                f"warning: {review.where}: the pattern {review.column} matches no column or form field "
                "of the sources: not applied"
            )
            continue
        out.append(
            f"warning: {review.where}: no column or form field {review.column} in the sources (renamed, "
            "dropped, or misspelt?): not applied"
        )
    for marked in outcome.not_input:
        out.append(
            f"warning: {marked.review.where}: {marked.key} is a form control a person does not fill in "
            f"({marked.entries[0]}), which the audit does not ask to declare: not applied"
        )
    for marked in outcome.moved:
        entry = marked.entries[0]
        if not marked.review.personal:
            where = "under ignore:"
        elif marked.into is not None:
            where = f"into data entry {marked.into} ({marked.review.category})"
        else:
            where = f"into the data entry of {marked.review.category}"
        by = marked.was or "cnsnt init"  # a line an earlier list wrote: the answer changed
        out.append(
            f"{marked.review.where}: {marked.key} moved from data entry {entry}, where {by} had put it, "
            f"{where}"
        )
    for marked in outcome.unignored:
        into = f"data entry {marked.into}" if marked.into else "data entries"
        by = marked.was or "cnsnt init"  # a form field init set aside (about a thing)
        out.append(
            f"{marked.review.where}: {marked.key} taken off ignore:, where {by} had put it, and "
            f"added to {into} as marked personal"
        )
    for marked in outcome.removed:
        by = "cnsnt" if marked.was else "init"
        entry = marked.entries[0]
        # every item it held moved: a column and the form field filling it, say
        held = [m.key for m in outcome.moved if m.entries[:1] == (entry,)] or [marked.key]
        out.append(
            f"{marked.review.where}: removed data entry {entry}, which {by} wrote and held only "
            f"{_and(held)}"
        )
    for marked in outcome.last:
        entry = marked.entries[0]
        what = "form field" if marked.field else "column"
        out.append(
            f"{marked.review.where}: {marked.key} is the only {what} of data entry {entry}, which a person "
            f"has edited and cnsnt does not delete: left there; {_by_hand(marked)}"
        )
    for marked in outcome.declared:
        where = ", ".join(marked.entries)
        entries = "data entry" if len(marked.entries) == 1 else "data entries"
        if marked.was:  # another list's answer; this row may be one left as written
            out.append(_held(marked, f"data entry {where}", "remove the line by hand"))
            continue
        out.append(
            f"{marked.review.where}: {marked.key} is marked not personal but declared in {entries} "
            f"{where}: remove it by hand if it is not personal"
        )
    for marked in outcome.hidden:
        patterns = ", ".join(marked.entries)
        if marked.was:
            out.append(_held(marked, f"ignore: {patterns}", "remove it from ignore: by hand"))
            continue
        out.append(
            f"{marked.review.where}: {marked.key} is marked personal but ignore: names it ({patterns}): "
            "remove it from ignore: by hand if it is personal"
        )
    for marked in outcome.recategorised:
        pairs = zip(marked.entries, marked.categories, strict=True)
        said = " and ".join(f"data entry {name} says {category}" for name, category in pairs)
        out.append(
            f"{marked.review.where}: {marked.key} is marked {marked.review.category} but {said}: "
            "change it by hand"
        )
    for marked in outcome.shared:
        what, other = ("form field", "column") if marked.field else ("column", "form field")
        item = scalar(marked.key if marked.pattern else escape(marked.key))
        out.append(
            f"{marked.review.where}: {marked.key} is marked not personal, but ignore: {item} would also "
            f"silence the {other} {marked.entries[0]} (a form named like a table): not applied; ignore: "
            f"cannot tell them apart, so mark the {other}'s row false too, or leave the {what} as it is"
        )
    for marked in outcome.consent:
        patterns = ", ".join(marked.entries)
        out.append(
            f"{marked.review.where}: {marked.key} is marked personal but the policy records consent in "
            f"it (consent: columns: {patterns}), which no data entry declares: declare it in one by hand "
            "if it is personal data besides"
        )
    if outcome.left:
        # as `ignore:` takes them: a `*` in a name escaped, and quoted as init writes it
        keys = ", ".join(scalar(m.key if m.pattern else escape(m.key)) for m in outcome.left)
        count = len(outcome.left)
        things = _things(count, [m.field for m in outcome.left])
        out.append(
            f"{count} {things} marked not personal not added: ignore: is in "
            f"{outcome.elsewhere}, which cnsnt init --update does not edit; add there: {keys}"
        )
    personal, ignored = len(outcome.added), len(outcome.ignored)
    missing = len(outcome.not_found)
    undone = (
        outcome.declared, outcome.hidden, outcome.recategorised, outcome.consent, outcome.last, outcome.shared
    )
    kept = sum(len(m) for m in undone)
    changed = sum(1 for m in outcome.moved if m.was)  # answers an earlier list gave, changed now
    done = (
        (len(outcome.confirmed), "confirmed on lines cnsnt init wrote"),  # its comment says so
        (len(outcome.moved) - changed, "moved from lines cnsnt init wrote"),
        (changed, "moved from lines an earlier reviewed list wrote"),
        (len(outcome.unignored), "taken off ignore:"),
        (kept, "left to change by hand"),
    )
    left = "".join(f", {count} {what}" for count, what in done if count)
    fields = len(outcome.added_fields)
    counted = f"{personal} column{'s' if personal != 1 else ''}"
    if fields:  # a list of columns alone is counted as it always was
        counted += f" and {fields} form field{'s' if fields != 1 else ''}"
    out.append(
        f"{outcome.source}: {counted} marked personal added to "
        f"data entries, {ignored} marked not personal added to ignore:, {missing} not found in the sources"
        + left
    )
    return out


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
    item = f"line {marked.line} `- {scalar(escape(marked.key))}`"
    if not marked.review.personal:
        if marked.alone:
            return f"add {scalar(escape(marked.key))} under ignore: and remove entry {entry}"
        return f"add {scalar(escape(marked.key))} under ignore: and remove {item} with its {kind}: key"
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
        own = policy.data.get(entry)
        alone = own is None or len(own.columns) + len(own.form_fields) <= 1
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
