"""The data entries init wrote that nobody has touched since: a reviewed list may take one out whole.

A reviewed list moves init's own lines out of an entry (`cnsnt.starter.review_moves`).
The last one used to stay, with "remove the entry by hand": every hand edit of three
trials of the unsure-list pass came from it, mostly on a column given another category,
where that advice was wrong (trial29 A#4, B#1). An entry whose every line is still as
init writes it (`cnsnt.starter.render.data_entries`) holds no decision of a person's: its
header and `holds:`/`decide:` comments, its `label:` with the `fill in` comment, its
`category:` with init's comment, its lists of init's own lines, `purposes: []` with
init's comment and the commented `required`/`condition`/`retention` prompts, nothing
else. Once its last field has moved, such an entry is taken out, and said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.policy.init_labels import LABEL_NOTE, is_starter_wording
from cnsnt.policy.taxonomy import Taxonomy, load_taxonomy
from cnsnt.starter.entry_counts import is_init_header
from cnsnt.starter.join import is_flow
from cnsnt.starter.render import ARTICLE10_NOTE
from cnsnt.starter.review_moves import LISTS, by_init
from cnsnt.starter.update import data_section_stop, end_of_section, load_rt, policy_lines
from cnsnt.starter.yaml_text import line, scalar

#: The keys of an entry init writes.
_KEYS = frozenset({"label", "category", "purposes", *LISTS})
#: The lines init writes after `purposes: []`, in order, each optional (`render.data_entries`).
_PROMPTS = (
    ("# required: true", "fill in: must people give it to use the service?"),
    ("# condition: official_authority", ARTICLE10_NOTE),  # criminal-offence data (Art. 10)
    ("# condition: explicit_consent", "fill in: the GDPR Art. 9(2) condition"),
    ("# retention: P1Y", "fill in: how long you keep it (ISO 8601 or a sentence)"),
)
_PURPOSES = ("purposes: []", "fill in: why you process it (names under purposes:)")


@dataclass(frozen=True)
class InitEntry:
    """A data entry exactly as init wrote it."""

    name: str
    rows: tuple[int, ...]
    """Its lines (from 0), the blank lines after it included: what goes when it goes."""
    items: int
    """How many columns and form fields its lists hold."""


def init_entries(text: str, shown: str, taxonomy: Taxonomy) -> dict[str, InitEntry]:
    """The data entries of `text` that are still every line as init wrote them, by name."""
    top = load_rt(text, shown)
    data = top.get("data")
    if not isinstance(data, CommentedMap) or not data or data.fa.flow_style():
        return {}
    lines, _ = policy_lines(text)
    order = sorted((k for k in data if isinstance(k, str)), key=lambda k: data.lc.key(k)[0])
    stop = data_section_stop(top, len(lines))
    indent = data.lc.key(order[0])[1] if order else 0
    out: dict[str, InitEntry] = {}
    for i, name in enumerate(order):
        datum = data[name]
        start = data.lc.key(name)[0]
        end = data.lc.key(order[i + 1])[0] if i + 1 < len(order) else stop
        if i + 1 == len(order):  # the comments and blank lines before the next section are its own
            end = end_of_section(lines, start, end, indent)
        if not isinstance(datum, CommentedMap) or not datum or datum.fa.flow_style():
            continue
        found = _as_init_wrote(lines, (start, end), (name, data.lc.key(name)[1]), datum, taxonomy)
        if found is not None:
            out[name] = InitEntry(name, tuple(range(start, end)), found)
    return out


def _as_init_wrote(
    lines: Sequence[str], span: tuple[int, int], key: tuple[str, int], datum: CommentedMap, taxonomy: Taxonomy
) -> int | None:
    """How many items the entry's lists hold, when its lines (`span`) are init's; else None.

    `key`: the entry's name and the column it starts at.
    """
    (start, end), (name, key_col) = span, key
    if set(datum) - _KEYS or not {"label", "category", "purposes"} <= set(datum):
        return None
    label, category, purposes = datum["label"], datum["category"], datum["purposes"]
    if not isinstance(label, str) or not isinstance(category, str) or not isinstance(purposes, CommentedSeq):
        return None
    if purposes or not is_flow(purposes):
        return None
    if any(k in datum and not isinstance(datum[k], CommentedSeq) for k in LISTS):
        return None
    body = [text.rstrip("\r\n") for text in lines[start:end]]
    while body and not body[-1].strip():  # blank lines after it: a person's spacing, gone with it
        body.pop()
    col = datum.lc.key("label")[1]  # init's first key
    if not body or not is_init_header(body[0], key_col, name):
        return None
    at = 1
    notes = []
    while at < len(body) and body[at].startswith(" " * col + "#") and not body[at][:col].strip():
        notes.append(body[at][col:])
        at += 1
    # `holds:` then `decide:`, wrapped: the comments init writes above an entry of unknown kind
    if notes and not (notes[0].startswith("# holds: ") and any(n.startswith("# decide: ") for n in notes)):
        return None
    shipped = load_taxonomy().categories.get(category)  # the starter's label of a known kind
    if not is_starter_wording(label, category, shipped.name if shipped is not None else None):
        return None  # words a person wrote, the comment left beside them
    special = taxonomy.special_kind(category)
    check = f"check it; {special}" if special else "check the suggested category"
    expected = [
        line(col, f"label: {scalar(label)}", LABEL_NOTE),
        line(col, f"category: {scalar(category)}", check),
    ]
    if body[at : at + 2] != expected:
        return None
    at += 2
    items = 0
    for kind in LISTS:
        seq = datum.get(kind)
        if seq is None:
            continue
        if not seq or is_flow(seq) or body[at : at + 1] != [line(col, f"{kind}:")]:
            return None
        at += 1
        for i, item in enumerate(seq):
            row, dash = seq.lc.item(i)
            if row != start + at or not isinstance(item, str) or not by_init(lines[row], dash, item):
                return None
            at += 1
        items += len(seq)
    if not items or body[at : at + 1] != [line(col, *_PURPOSES)]:
        return None
    at += 1
    for prompt in _PROMPTS:
        if body[at : at + 1] == [line(col, *prompt)]:
            at += 1
    return items if at == len(body) else None
