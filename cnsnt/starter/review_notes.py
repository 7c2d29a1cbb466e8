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
                f"warning: {review.where}: the pattern {review.column} matches no column of the sources: "
                "not applied"
            )
            continue
        out.append(
            f"warning: {review.where}: no column {review.column} in the sources (renamed, dropped, "
            "or misspelt?): not applied"
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
        out.append(
            f"{marked.review.where}: {marked.key} is the only column of data entry {entry}, which "
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
        keys = ", ".join(scalar(escape(m.key)) for m in outcome.left)
        count = len(outcome.left)
        out.append(
            f"{count} column{'s' if count != 1 else ''} marked not personal not added: ignore: is in "
            f"{outcome.elsewhere}, which cnsnt init --update does not edit; add there: {keys}"
        )
    personal, ignored = len(outcome.added), len(outcome.ignored)
    missing = len(outcome.not_found)
    undone = (outcome.declared, outcome.hidden, outcome.recategorised, outcome.consent, outcome.last)
    kept = sum(len(m) for m in undone)
    left = f", {kept} left to change by hand" if kept else ""
    moved = len(outcome.moved)
    left = (f", {moved} moved from lines cnsnt init wrote" if moved else "") + left
    out.append(
        f"{outcome.source}: {personal} column{'s' if personal != 1 else ''} marked personal added to "
        f"data entries, {ignored} marked not personal added to ignore:, {missing} not found in the sources"
        + left
    )
    return out
