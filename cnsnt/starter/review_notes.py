"""What `cnsnt init --update --reviewed FILE` says on stderr: each row it could not apply, then a count.

A reviewed row is a person's decision: when cnsnt does not carry it out (the column is
gone; a data entry, `ignore:` or a consent record says otherwise), the user is told which
row and why, so no decision is lost in silence; the summary counts those left to the user.
"""

from __future__ import annotations

from cnsnt.matching import escape, is_glob
from cnsnt.starter.review_marks import ReviewOutcome
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
        where = (
            "under ignore:"
            if not marked.review.personal
            else f"into the data entry of {marked.review.category}"
        )
        out.append(
            f"{marked.review.where}: {marked.key} moved from data entry {entry}, where cnsnt init had "
            f"put it, {where}"
        )
    for marked in outcome.last:
        entry = marked.entries[0]
        what = "form field" if marked.field else "column"
        out.append(
            f"{marked.review.where}: {marked.key} is the only {what} of data entry {entry}, which "
            "cnsnt does not delete: left there; remove the entry by hand if it holds nothing personal"
        )
    for marked in outcome.declared:
        where = ", ".join(marked.entries)
        entries = "data entry" if len(marked.entries) == 1 else "data entries"
        out.append(
            f"{marked.review.where}: {marked.key} is marked not personal but declared in {entries} "
            f"{where}: remove it by hand if it is not personal"
        )
    for marked in outcome.hidden:
        patterns = ", ".join(marked.entries)
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
    undone = (outcome.declared, outcome.hidden, outcome.recategorised, outcome.consent, outcome.last)
    kept = sum(len(m) for m in undone)
    left = f", {kept} left to change by hand" if kept else ""
    moved = len(outcome.moved)
    left = (f", {moved} moved from lines cnsnt init wrote" if moved else "") + left
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


def _things(count: int, fields: list[bool]) -> str:
    """What `count` marked items are: columns, form fields, or both."""
    if all(fields):
        return f"form field{'s' if count != 1 else ''}"
    if any(fields):
        return "columns and form fields"
    return f"column{'s' if count != 1 else ''}"
