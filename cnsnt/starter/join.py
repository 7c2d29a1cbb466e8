"""`--update`: file newly found fields under the entry nobody has decided about yet.

A category (or a person's or folder's group) that already has a data entry without
purposes gets its new columns and form fields added to that entry, not a second entry
with the same label beside it (a notice would list "Name" twice). An entry with
purposes records a decision, so new fields never join it: they make a new entry,
whose label is told apart from every label the policy has.

The fields are spliced into the file's text at the positions ruamel.yaml's
round-trip reader gives, as `cnsnt.starter.update` adds entries: every other line,
comment and key order stays as the author wrote it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cnsnt.policy.model import Policy
from cnsnt.starter.entries import Entry
from cnsnt.starter.fields import UNKNOWN_CATEGORY, PersonalField
from cnsnt.starter.groups import CATCH_ALLS
from cnsnt.starter.render import why
from cnsnt.starter.update import NOTE, data_section_stop, end_of_section, load_rt, policy_lines
from cnsnt.starter.yaml_text import line, scalar

_KINDS = ("columns", "form_fields")


@dataclass(frozen=True)
class Joined:
    """Fields added to an existing data entry."""

    name: str
    """The existing entry's name."""
    fields: tuple[PersonalField, ...]


def _open_entry(
    entry: Entry, policy: Policy, candidates: Sequence[str], stems: Collection[str]
) -> str | None:
    """The existing entry without purposes that `entry`'s fields belong to, if any.

    A category's fields go to the first such entry of that category; fields of unknown
    kind to the entry their group is named for (`staff_details`), of the same category,
    else to the one an older cnsnt named for it (`yeler_details` for `üyeler`, whose
    letters it dropped: `Entry.former`), unless that is another new group's own name
    (`stems`): the user's key is kept, no second entry is made beside it. A name another
    table may have too (`Entry.shared`: `uyeler_details` for `üyeler` and `uyeler`, the
    placeholder `people_details`) is taken only for an entry that holds fields of the same
    table or form, or has the label init gives the group (codereview29 F2, F3).
    """
    for name in candidates:
        if _open(policy, name, entry) and (
            entry.category != UNKNOWN_CATEGORY or (name == entry.stem and _ours(policy, name, entry))
        ):
            return name
    if entry.category != UNKNOWN_CATEGORY:
        return None
    if entry.stem in entry.shared:  # init numbered one of two alike: `uyeler_details_2` holds `üyeler`
        for name in candidates:
            number = name.removeprefix(f"{entry.stem}_")
            numbered = number != name and number.isdigit()
            if numbered and _open(policy, name, entry) and _holds(policy, name, entry):
                return name
    if (
        entry.former
        and entry.former not in stems
        and entry.former in candidates
        and _open(policy, entry.former, entry)
        and _ours(policy, entry.former, entry)
    ):
        return entry.former
    return _renamed(entry, policy, [n for n in candidates if n not in stems]) or _catch_all(
        entry, policy, candidates
    )


#: The entries init makes for the groups too small to judge apart, by what they hold: a column
#: group (its form fields filed with its columns) goes to the first, a form folder's to the others.
_COLUMN_CATCH_ALL = ("other_personal_details",)
_FORM_CATCH_ALLS = ("form_input", "other_form_input")


def _catch_all(entry: Entry, policy: Policy, candidates: Sequence[str]) -> str | None:
    """The open entry init made for small groups that holds fields of `entry`'s tables or forms, if one.

    A whole project's init folds a folder of few fields into `form_input` (a person of few
    columns into `other_personal_details`); `--update` names each group apart
    (`merge_small=False`), so a field of such a folder, reviewed `true` or found since, made
    `templates_form_input` beside init's `form_input` holding the same form's fields: one kind
    of datum, two entries (fix31a). It joins init's entry instead, when exactly one holds them.
    """
    names = _COLUMN_CATCH_ALL if entry.columns else _FORM_CATCH_ALLS
    found = [n for n in candidates if n in names and _open(policy, n, entry) and _holds(policy, n, entry)]
    return found[0] if len(found) == 1 else None


def _ours(policy: Policy, name: str, entry: Entry) -> bool:
    """Whether the open entry `name`, named as `entry`'s group is, is that group's.

    A name the group has alone is; a shared one (`Entry.shared`) only when the entry holds
    fields of a table or form `entry`'s fields are of (what `beside` checks), or has the
    label init gives the group.
    """
    if name not in entry.shared or _holds(policy, name, entry):
        return True
    label = policy.data[name].label
    want = entry.label.casefold()
    return label is not None and any(value.casefold() == want for value in label.values.values())


def _holds(policy: Policy, name: str, entry: Entry) -> bool:
    """Whether the policy's entry `name` holds fields of a table or form that `entry`'s fields are of."""
    datum = policy.data[name]
    mine = {_holder(f.key).casefold() for f in (*entry.columns, *entry.form_fields)}
    return bool(mine & {_holder(key).casefold() for key in (*datum.columns, *datum.form_fields)})


def _renamed(entry: Entry, policy: Policy, candidates: Sequence[str]) -> str | None:
    """The one open entry of unknown kind that has the label init gives `entry`'s group.

    A person renamed `uyeler_details` to `uye_bilgileri` and kept the label
    `Other details about üyeler`: the group's new fields join it, not an entry named
    anew beside it with the label `... (2)`.
    """
    want = entry.label.casefold()
    found = [
        name
        for name in candidates
        if _open(policy, name, entry)
        and (label := policy.data[name].label) is not None
        and any(value.casefold() == want for value in label.values.values())
    ]
    return found[0] if len(found) == 1 else None


def beside(entries: Sequence[Entry], policy: Policy) -> tuple[str, ...]:
    """What to tell the user of each new entry of unknown kind made beside one that may be its own.

    An open entry of unknown kind (no purposes yet) that already holds fields of the same
    table or form may be this group's entry under a name and a label a person gave it:
    `--update` cannot tell, so it says so rather than leave a silent second entry. Init's
    catch-alls (`other_personal_details`, `other_form_input`) hold small groups on purpose.
    """
    out: list[str] = []
    for entry in entries:
        if entry.category != UNKNOWN_CATEGORY:
            continue
        mine = {_holder(f.key) for f in (*entry.columns, *entry.form_fields)}
        for name, datum in policy.data.items():
            if name == entry.name or name in CATCH_ALLS or datum.purposes or datum.category != entry.category:
                continue
            shared = sorted(mine & {_holder(key) for key in (*datum.columns, *datum.form_fields)})
            if shared:
                out.append(
                    f"{entry.name}: a new entry, though the entry {name} (no purposes yet) holds fields of "
                    f"{', '.join(shared)} too; if {name} is the entry init named {entry.stem}, renamed, "
                    f"move the new fields there and delete {entry.name} (--update finds an entry by the "
                    "name or the label init gave it)"
                )
                break
    return tuple(out)


def _holder(key: str) -> str:
    """The table (or form) of a field's key: `üyeler.Kemer` -> `üyeler`."""
    return key.rsplit(".", 1)[0]


def _open(policy: Policy, name: str, entry: Entry) -> bool:
    """Whether the policy's entry `name` is of `entry`'s category and has no purposes yet."""
    datum = policy.data.get(name)
    return datum is not None and not datum.purposes and datum.category == entry.category


def is_flow(seq: CommentedSeq) -> bool:
    """Whether a sequence is written in flow style (`[...]`; an empty one always is).

    Asked of the node, not of the text at its place: after a tag or an anchor
    (`ignore: &skip [a.b]`, `!!seq`) the value's place is the tag's (codereview28 F8).
    """
    return bool(seq.fa.flow_style()) or not seq


def block_dash(lines: list[str], at: tuple[int, int]) -> int:
    """The column of a block sequence's first `-`, the sequence's value starting at `at`.

    `at` is a tag's or an anchor's place when the value has one (`ignore: !!seq` or
    `&skip`, the items on the lines below): the dash is the first thing after them that
    is neither a blank nor a comment (codereview28 F1: the column of the tag was taken).
    """
    row, col = at
    while row < len(lines):
        text = lines[row]
        while col < len(text):
            ch = text[col]
            if ch == "-":
                return col
            if ch == "#":
                break  # a comment: to the line's end
            if ch in "!&":  # a tag or an anchor: up to the next blank
                while col < len(text) and text[col] not in " \t\r\n":
                    col += 1
                continue
            col += 1
        row, col = row + 1, 0
    return at[1]  # pragma: no cover - ruamel read a block sequence: it has a dash


def flow_close(lines: list[str], at: tuple[int, int]) -> tuple[int, int] | None:
    """Line and column of the `]` closing the flow sequence whose `[` is at `at`."""
    row, col = at
    depth = 0
    quote = ""
    while row < len(lines):
        text = lines[row]
        while col < len(text):
            ch = text[col]
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "'\"":
                quote = ch
            elif ch == "#" and (col == 0 or text[col - 1] in " \t"):
                break  # a comment: the rest of the line is not the sequence
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return row, col
            col += 1
        row, col = row + 1, 0
    return None


def flow_joint(lines: list[str], close: tuple[int, int]) -> str:
    """What goes before an item added at a flow sequence's `]`: `", "` or nothing.

    Nothing after the `[` or after a trailing comma (`[a.html, ]`), which YAML allows and a
    second comma would break.
    """
    row, col = close
    while row >= 0:
        before = lines[row][:col].split(" #", 1)[0].rstrip() if col else ""
        if before:
            return "" if before[-1] in ",[" else ", "
        row -= 1
        col = len(lines[row]) if row >= 0 else 0
    return ""


def flow_items(
    lines: list[str], close: tuple[int, int], items: Sequence[tuple[str, str]], margin: int, nl: str
) -> tuple[int, int, str]:
    """Where and what to insert so `items` (`(yaml scalar, note)`) end the flow sequence closed at `close`.

    A comment ends at the line's end, so each item gets a line of its own, with its
    comment, at `margin + 2` (`margin`: its key's column): `[a, b]` breaks before its
    `]`, which keeps a line of its own at `margin`; a `]` alone on its line gets the
    items above it, the `,` the last item still needs first.
    """
    row, col = close
    joint = flow_joint(lines, close).strip()  # "," when the last item has none after it yet
    if lines[row][:col].strip():
        return row, col, joint + nl + "".join(_flow_lines(items, margin + 2, nl)) + " " * margin
    return row, 0, "".join(_flow_lines(items, margin + 2, nl, lead=f"{joint} " if joint else ""))


def _flow_lines(items: Sequence[tuple[str, str]], indent: int, nl: str, lead: str = "") -> list[str]:
    """`item,  # note` a line; `lead` starts the first line (the `,` it still needs)."""
    return [
        line(indent, f"{lead if i == 0 else ''}{text},", note) + nl for i, (text, note) in enumerate(items)
    ]


def after_item(lines: list[str], row: int, dash: int) -> int:
    """The line after a block sequence item starting on `row` (a scalar may go on)."""
    row += 1
    while row < len(lines):
        text = lines[row]
        stripped = text.strip()
        if not stripped or stripped.startswith("#") or len(text) - len(text.lstrip(" ")) <= dash:
            break
        row += 1
    return row


def _item_lines(fields: Sequence[PersonalField], indent: int, nl: str) -> list[str]:
    return [line(indent, f"- {scalar(f.key)}", f"{NOTE}; {why(f)}") + nl for f in fields]


def join_entries(
    text: str, entries: Sequence[Entry], policy: Policy, shown: str
) -> tuple[str, list[Entry], list[Joined]]:
    """Add each entry's fields to the open entry they belong to, where the file has it.

    Returns the new text, the entries left to add as new ones, and what joined where.
    An entry written in flow style (`{...}`) or in another file of the policy is left
    alone: its fields make a new entry.
    """
    if not entries:
        return text, [], []
    top = load_rt(text, shown)
    data = top.get("data")
    if not isinstance(data, CommentedMap) or not data or data.fa.flow_style():
        return text, list(entries), []
    candidates = [
        name for name in data if isinstance(data[name], CommentedMap) and not data[name].fa.flow_style()
    ]
    left: list[Entry] = []
    joins: dict[str, list[PersonalField]] = {}
    stems = {entry.stem for entry in entries}
    for entry in entries:
        target = _open_entry(entry, policy, candidates, stems)
        if target is None:
            left.append(entry)
        else:
            joins.setdefault(target, []).extend((*entry.columns, *entry.form_fields))
    if not joins:
        return text, left, []
    lines, nl = policy_lines(text)
    # (line, column, order, text): `text` inserted at that place
    edits: list[tuple[int, int, int, str]] = []
    order = sorted(data, key=lambda k: data.lc.key(k)[0])
    stop = data_section_stop(top, len(lines))
    for name, fields in joins.items():
        datum: CommentedMap = data[name]
        after = [data.lc.key(k)[0] for k in order if data.lc.key(k)[0] > data.lc.key(name)[0]]
        end_of_datum = after[0] if after else stop
        indent = datum.lc.key(next(iter(datum)))[1]
        for kind in _KINDS:
            mine = sorted((f for f in fields if f.kind == kind[:-1]), key=lambda f: f.key)
            if not mine:
                continue
            seq = datum.get(kind)
            if isinstance(seq, CommentedSeq) and is_flow(seq):
                close = flow_close(lines, datum.lc.value(kind))
                if close is None:
                    raise AssertionError(f"{shown}: no end to data.{name}.{kind}")
                # one a line with its comment, as in a block list: who decided, or why (codereview28 F12)
                notes = [(scalar(f.key), f"{NOTE}; {why(f)}") for f in mine]
                row, col, added = flow_items(lines, close, notes, datum.lc.key(kind)[1], nl)
                edits.append((row, col, len(edits), added))
            elif isinstance(seq, CommentedSeq) and seq:
                dash = block_dash(lines, datum.lc.value(kind))
                row = after_item(lines, seq.lc.item(len(seq) - 1)[0], dash)
                edits.append((row, 0, len(edits), "".join(_item_lines(mine, dash, nl))))
            else:  # no such key yet: a block at the end of the entry
                row = end_of_section(lines, data.lc.key(name)[0], end_of_datum, indent)
                block = line(indent, f"{kind}:") + nl + "".join(_item_lines(mine, indent + 2, nl))
                edits.append((row, 0, len(edits), block))
    # bottom up, so the places not yet edited keep their line and column; of two insertions
    # at one place the later is made first, so the earlier one stays above it
    for row, col, _, insert in sorted(edits, reverse=True):
        if row >= len(lines):
            lines.extend([""] * (row + 1 - len(lines)))
        lines[row] = lines[row][:col] + insert + lines[row][col:]
    joined = [Joined(name, tuple(fields)) for name, fields in joins.items()]
    return "".join(lines), left, joined


def distinct_labels(entries: Sequence[Entry], policy: Policy) -> list[Entry]:
    """The entries, each label told apart from the policy's and the others' (`Name (2)`)."""
    taken = {
        value.casefold()
        for datum in policy.data.values()
        if datum.label is not None
        for value in datum.label.values.values()
    }
    out = []
    for entry in entries:
        label, n = entry.label, 2
        while label.casefold() in taken:
            label, n = f"{entry.label} ({n})", n + 1
        taken.add(label.casefold())
        out.append(entry if label == entry.label else replace(entry, label=label))
    return out
