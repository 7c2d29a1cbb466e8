"""Split the fields of unknown kind into entries a reviewer can judge one at a time.

The classifier names no kind for many personal fields: a column that is personal
only because its row is about a person (`staff.timezone`), and every form field a
person fills in (SPEC §3), settings pages included. Declared in one root-category
entry they make a list of hundreds that no one reads, so they are grouped by what a
privacy engineer decides about together:

- columns by the person their row is about: the people table's own columns
  (`staff_details`), and the columns of the tables whose rows point at it, directly
  or through another such table (`staff_records`); groups too small to judge apart
  share one entry;
- form fields by where the form lives (its folder: an admin area, a customer area, a
  module of the application), small folders folded into their parent; a folder with
  too many fields to read as one list is split by form.

Only the tables' structure (verdicts and foreign keys) is read, never the wording of
a reason, so a changed sentence in the classifier cannot move a field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from cnsnt.classify import TableReading
from cnsnt.classify.tables import LINKED as _LINKED
from cnsnt.classify.tables import PEOPLE as _PEOPLE
from cnsnt.classify.tables import made_by
from cnsnt.classify.vocabulary import fold_word, load_transliterator
from cnsnt.evidence import Table
from cnsnt.starter.fields import PersonalField

#: A column group with fewer fields than this shares the `other_personal_details` entry.
SMALL_GROUP = 3
#: A folder whose forms have fewer fields than this is folded into its parent folder.
FOLDER_MIN = 5
#: A folder whose forms have more fields than this gets one entry per large form (and
#: records about a person, one per large table) ...
FOLDER_MAX = 60
#: ... a form (a table) of at least this many fields.
FORM_MIN = 10
#: Folder names that say little alone: `include/staff/templates` is `staff_templates`.
_GENERIC_FOLDERS = frozenset(
    {
        "app", "html", "inc", "include", "includes", "layout", "layouts", "page", "pages",
        "partials", "public", "resources", "src", "template", "templates", "tpl", "view",
        "views", "web", "www",
    }
)  # fmt: skip
#: The entries init names for what is left once groups are made (small groups merged):
#: they hold fields of many tables and forms on purpose.
CATCH_ALLS = frozenset({"other_personal_details", "other_form_input", "form_input"})
# Linear: one character class, repeated.
_NOT_NAME = re.compile(r"[^A-Za-z0-9]+")
_WRAP = 84


@dataclass(frozen=True)
class Group:
    """Fields of unknown kind to declare together, and what to tell the reviewer about them."""

    names: tuple[str, ...]
    """Candidate entry names, preferred first; longer ones tell apart groups whose first clash."""
    label: str
    notes: tuple[str, ...]
    """Comment lines: what the entry holds and what to decide."""
    fields: tuple[PersonalField, ...]
    former: tuple[str, ...] = ()
    """`names` as an older cnsnt spelt them (`former_name_part`), one for one; empty when alike."""
    shared: frozenset[str] = frozenset()
    """Of `names` and `former`, those another table or form may have too: a placeholder
    (`people_details` for a table named in Greek, `table_records`, `form_input`), or a name
    two tables fold to (`üyeler` and `uyeler`: `uyeler_details`). An existing entry so named
    is this group's only when it holds fields of the same table or form, or has this
    group's label (`cnsnt.starter.join`, codereview29 F2, F3)."""


def name_part(text: str) -> str:
    """A part of an entry name a reader recognises: `user-account` is `user_account`, `2fa` is `_2fa`.

    Letters are folded as the classifier folds them (`fold_word`: `üyeler` is `uyeler`,
    `Größe` is `grosse`, `Takım` is `takim`, `użytkownicy` is `uzytkownicy`) and Cyrillic
    is transliterated by the classifier's one table (`пациенты` is `patsienty`). Entry
    names match the policy schema's `^[A-Za-z_][A-Za-z0-9_.-]*$`: anything else left is
    `_`, and a digit first gets a `_` before it. A name of none of these (Greek, CJK) is
    empty: the caller names it otherwise.
    """
    return _ascii_part(load_transliterator()(fold_word(text)))


def former_name_part(text: str) -> str:
    """The part cnsnt made before entry names were folded: non-ASCII letters dropped (`üyeler` -> `yeler`).

    Kept only so `init --update` finds an open entry an older cnsnt named so
    (`cnsnt.starter.join`): its key stays as the user has it. Remove it once no policy
    written before entry names were folded (CHANGELOG, "One fold for every letter") needs
    `--update`.
    """
    return _ascii_part(text)


def _ascii_part(text: str) -> str:
    part = _NOT_NAME.sub("_", text).strip("_").lower()
    return f"_{part}" if part[:1].isdigit() else part


def _listed(names: Iterable[str], most: int = 8) -> str:
    """`a, b, c` or `a, b, c and 9 more`."""
    shown = sorted(set(names))
    if len(shown) <= most:
        return ", ".join(shown)
    return ", ".join(shown[:most]) + f" and {len(shown) - most} more"


def _wrap(prefix: str, text: str) -> tuple[str, ...]:
    """`text` as comment lines of about `_WRAP` characters, the first starting with `prefix`."""
    words = f"{prefix} {text}".split()
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > _WRAP:
            lines.append(current)
            current = "  " + word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return tuple(lines)


# --- columns: by the person the row is about -------------------------------------------


#: How a table relates to the person its rows are about.
OWN = "own"
"""It describes people: it is the people table."""
LINKED = "linked"
"""Its keys reach a people table, directly or through other linked tables."""
UNLINKED = "unlinked"
"""Its rows are about a person, but no key of it reaches a people table (`lead_id`, an email)."""


def people_of(reading: TableReading) -> dict[str, tuple[str, str]]:
    """For every table about a person: the people table it is about, and how (OWN, LINKED, UNLINKED).

    A table that describes people is about itself. A table linked to people is about
    the first people table its foreign keys reach (the key its verdict cites as whose the
    row is first, then in the order it declares them, keys the classifier reads from names
    included, keys naming who made the row last),
    directly or through another
    linked table, the nearest first; one whose link is no key stands for its person.
    Keys are followed as the classifier follows them (`TableReading.target`), on the
    tables and verdicts it made: nothing is read again.
    """
    verdicts = reading.verdicts
    keyed = reading.tables

    def kind(table: Table) -> str:
        verdict = verdicts.get(table.key)
        return verdict.kind if verdict is not None else ""

    # Layer by layer out from the people tables, each table's keys read once: a linked
    # table takes the person of the first key (in its order) into a table already reached.
    person: dict[str, str] = {t.key: t.key for t in keyed if kind(t) == _PEOPLE}
    pointing: dict[str, list[Table]] = {}
    for table in keyed:
        if kind(table) != _LINKED:
            continue
        for key in table.foreign_keys:
            found = reading.target(table, key)
            if found is not None and found.key != table.key:
                pointing.setdefault(found.key, []).append(table)
    layer = set(person)
    while layer:
        waiting = {t.key: t for k in sorted(layer) for t in pointing.get(k, ()) if t.key not in person}
        reached: dict[str, str] = {}
        for key_of, table in sorted(waiting.items()):
            # the key the table's verdict cites as whose the row is (a care record's patient,
            # not its doctor: review34 R34b D2), then whom the row is about before who made it
            # (`created_by` declared first)
            verdict = verdicts[table.key]
            cited = (verdict.subject or "").casefold()
            order = sorted(
                table.foreign_keys,
                key=lambda k: (cited not in {c.casefold() for c in k.columns}, made_by(k, verdict)),
            )
            for key in order:
                found = reading.target(table, key)
                if found is not None and found.key != table.key and found.key in person:
                    reached[key_of] = person[found.key]
                    break
        person.update(reached)
        layer = set(reached)
    out: dict[str, tuple[str, str]] = {}
    for table in keyed:
        if kind(table) == _PEOPLE:
            out[table.key] = (table.key, OWN)
        elif kind(table) == _LINKED:
            out[table.key] = (person[table.key], LINKED) if table.key in person else (table.key, UNLINKED)
    return out


_DECIDE = _wrap(
    "decide:",
    "which purposes they serve and how long you keep them; move a column that says "
    "nothing about the person (a setting, a technical flag) under ignore:.",
)


def _large_tables(members: Sequence[PersonalField]) -> dict[str, tuple[PersonalField, ...]]:
    """The tables among `members` with at least FORM_MIN fields, each with its fields."""
    by_table: dict[str, list[PersonalField]] = {}
    for field in members:
        by_table.setdefault(field.table or "", []).append(field)
    return {t: tuple(fs) for t, fs in sorted(by_table.items()) if t and len(fs) >= FORM_MIN}


def _column_groups(fields: Sequence[PersonalField], tables: TableReading | None, small: int) -> list[Group]:
    people = people_of(tables) if tables is not None else {}
    names = {t.key: t.name for t in tables.tables} if tables is not None else {}
    # how many tables each name part is made from: a part two tables give names neither alone
    parts = Counter(name_part(n) for n in names.values())
    olds = Counter(former_name_part(n) for n in names.values())

    def shared(*pairs: tuple[str, str]) -> frozenset[str]:
        """Of the (table's name, entry name made from it) pairs, the names not this table's alone."""
        out = set()
        for table, made in pairs:
            part = name_part(table)
            if not part or parts[part] > 1:
                out.add(made)
        return frozenset(out)

    def shared_former(*pairs: tuple[str, str]) -> frozenset[str]:
        out = set()
        for table, made in pairs:
            old = former_name_part(table)
            if not old or olds[old] > 1:  # `people_details`: every table named without ASCII letters
                out.add(made)
        return frozenset(out)
    groups: dict[tuple[str, str], list[PersonalField]] = {}
    loose: list[PersonalField] = []
    for field in fields:
        table = field.table or ""
        subject = people.get(table)
        if subject is None:
            loose.append(field)  # a table about no one: a strong term made it personal
            continue
        groups.setdefault(subject, []).append(field)
    out: list[Group] = []
    order = (OWN, UNLINKED, LINKED)
    ranked = sorted(groups.items(), key=lambda g: (g[0][0].casefold(), order.index(g[0][1])))
    for (person, how), members in ranked:
        if len(members) < small:
            loose.extend(members)
            continue
        shown = names.get(person, person)
        part = name_part(shown) or "people"
        old = former_name_part(shown) or "people"
        later: list[Group] = []
        tabs = sorted({f.table or "" for f in members})
        if how == OWN:
            notes = _wrap(
                "holds:",
                f"facts of a kind cnsnt cannot name, kept in the table '{shown}', which is about "
                "people: personal because the row is about a person.",
            )
            label = f"Other details about {shown}"
            candidates: tuple[str, ...] = (f"{part}_details",)
            former: tuple[str, ...] = (f"{old}_details",)
        elif how == UNLINKED:
            notes = _wrap(
                "holds:",
                f"facts of a kind cnsnt cannot name, kept in the table '{shown}', whose rows are "
                "about a person it names by no key to a people table.",
            )
            label = f"Records kept in {shown}"
            candidates, former = (f"{part}_records",), (f"{old}_records",)
        else:
            # too many to read as one list: a table with many of them is a record of its own
            apart = _large_tables(members) if len(members) > FOLDER_MAX else {}
            for table, mine in apart.items():  # after the entry of the rest (see below)
                tab = names.get(table, table)
                said = _wrap(
                    "holds:",
                    f"facts of a kind cnsnt cannot name, in the table '{tab}', whose rows point at "
                    f"a person in '{shown}'.",
                )
                label = f"Records in {tab} about {shown}"
                named = (f"{name_part(tab) or 'table'}_records",)
                formerly = (f"{former_name_part(tab) or 'table'}_records",)
                clash = shared((tab, named[0])) | shared_former((tab, formerly[0]))
                later.append(_group(named, label, said + _DECIDE, mine, formerly, clash))
            members = [f for f in members if (f.table or "") not in apart]
            tabs = sorted({f.table or "" for f in members})
            notes = _wrap(
                "holds:",
                f"facts of a kind cnsnt cannot name, in tables whose rows point at a person in "
                f"'{shown}': {_listed(tabs)}.",
            )
            label = f"Records kept about {shown}"
            candidates, former = (f"{part}_records",), (f"{old}_records",)
        notes += _DECIDE
        clash = shared((shown, candidates[0])) | shared_former((shown, former[0]))
        out.append(_group(candidates, label, notes, members, former, clash))
        out.extend(later)
    if loose:
        tabs = sorted({f.table or "" for f in loose})
        notes = _wrap(
            "holds:",
            f"facts of a kind cnsnt cannot name about people, from tables with few of them: {_listed(tabs)}.",
        ) + _wrap(
            "decide:",
            "which purposes they serve and how long you keep them; move a column that says "
            "nothing about a person under ignore:.",
        )
        out.append(Group(("other_personal_details",), "Other details about people", notes, tuple(loose)))
    return out


# --- form fields: by where the form lives ----------------------------------------------


def _folder(field: PersonalField) -> str:
    parent = PurePosixPath((field.location.path or "").replace("\\", "/")).parent.as_posix()
    return "" if parent in (".", "/") else parent


def _parent(folder: str) -> str:
    parent = PurePosixPath(folder).parent.as_posix()
    return "" if parent in (".", "/") else parent


def _squeeze(name: str) -> str:
    """`staff_staff_input` is `staff_input`: a word said twice in a row once."""
    words = name.split("_")
    return "_".join(w for n, w in enumerate(words) if n == 0 or w != words[n - 1])


def _folder_names(folder: str, suffix: str, part: Callable[[str], str] = name_part) -> tuple[str, ...]:
    """`include/staff` -> `staff_SUFFIX`, `include_staff_SUFFIX`; a generic last part takes its parent.

    `part`: how a folder's name is made a name part (`former_name_part`: as an older cnsnt did).
    """
    parts = [p for p in (part(x) for x in folder.split("/")) if p]
    if not parts:
        return (suffix,)
    start = len(parts) - 1
    while start > 0 and parts[start] in _GENERIC_FOLDERS:
        start -= 1
    return tuple("_".join([*parts[n:], suffix]).rstrip("_") for n in range(start, -1, -1))


def _fold(counts: Mapping[str, int], least: int) -> dict[str, str]:
    """Each folder -> the folder whose entry takes its fields (itself, or an ancestor)."""
    total = dict(counts)
    for folder in counts:  # every ancestor too, so `a/b` is judged when only `a/b/c` has forms
        while folder:
            folder = _parent(folder)
            total.setdefault(folder, 0)
    home = {f: f for f in counts}
    # deepest first, so a small folder's fields reach its parent before the parent is judged
    for folder in sorted(total, key=lambda f: (-f.count("/") if f else 1, f)):
        if folder and total[folder] < least:
            parent = _parent(folder)
            total[parent] += total.pop(folder)
            for other, there in home.items():
                if there == folder:
                    home[other] = parent
    return home


def _where(folder: str, members: Sequence[PersonalField]) -> str:
    """Where the forms of an entry are: its folder, or the folders folded into the top one.

    The top folder's entry takes the small folders' fields too: it names those folders
    (`templates/informe/`), not a top folder that may hold no form at all.
    """
    if folder:
        return f"{folder}/"
    shown = [f"{d}/" if d else "the project's top folder" for d in {_folder(f) for f in members}]
    return _listed(shown, most=4)


def _form_groups(fields: Sequence[PersonalField], least: int) -> list[Group]:
    counts: dict[str, int] = {}
    for field in fields:
        counts[_folder(field)] = counts.get(_folder(field), 0) + field.covers
    home = _fold(counts, least)
    by_home: dict[str, list[PersonalField]] = {}
    for field in fields:
        by_home.setdefault(home[_folder(field)], []).append(field)
    out: list[Group] = []
    for folder in sorted(by_home):
        members = by_home[folder]
        where = _where(folder, members)
        own: list[tuple[str, list[PersonalField]]] = []
        if sum(f.covers for f in members) > FOLDER_MAX:
            forms: dict[str, list[PersonalField]] = {}
            for field in members:
                forms.setdefault(field.form or "", []).append(field)
            own = [
                (form, mine)
                for form, mine in sorted(forms.items())
                if form and sum(f.covers for f in mine) >= FORM_MIN
            ]
            taken = {id(f) for _, mine in own for f in mine}
            members = [f for f in members if id(f) not in taken]
        decide = _wrap(
            "decide:",
            "the purpose of these pages and how long you keep what is entered (a field a "
            "person fills in is personal: it is sent under their identity).",
        )
        if members:
            forms_here = {f.form or "" for f in members}
            notes = _wrap(
                "holds:",
                f"fields of a kind cnsnt cannot name, filled in by whoever uses the forms in {where} "
                f"({len(forms_here)} form{'s' if len(forms_here) != 1 else ''}: {_listed(forms_here)}).",
            )
            label = (
                f"What people enter in the forms in {folder}/"
                if folder
                else f"What people enter in the {'other ' if len(by_home) > 1 else ''}forms"
            )
            names = (
                _folder_names(folder, "form_input")
                if folder
                else ("other_form_input" if len(by_home) > 1 else "form_input",)
            )
            former = _folder_names(folder, "form_input", former_name_part) if folder else names
            # a folder of no Latin letters is named as the project's top folder is: `form_input`
            clash = frozenset(n for n in (*names, *former) if n == "form_input") if folder else frozenset()
            out.append(_group(names, label, notes + decide, members, former, clash))
        for form, mine in own:
            where = _where(folder, mine)
            # a form named by its path (`partners/children/_form`): its folder names the rest
            part = name_part(form.rsplit("/", 1)[-1]) or "form"
            old = former_name_part(form.rsplit("/", 1)[-1]) or "form"
            notes = _wrap(
                "holds:",
                f"fields of a kind cnsnt cannot name, filled in by whoever uses the form '{form}' "
                f"in {where}.",
            )
            # `staff_department_input`, `matriculas_form1_input`
            candidates = tuple(
                _squeeze(f"{n}_{part}_input" if n else f"{part}_input") for n in _folder_names(folder, "")
            )
            former = tuple(
                _squeeze(f"{n}_{old}_input" if n else f"{old}_input")
                for n in _folder_names(folder, "", former_name_part)
            )
            label = f"What people enter in the form {form} ({where})"
            # `form_input`: every form named without Latin letters (without ASCII ones, formerly)
            clash = frozenset(
                (candidates if not name_part(form.rsplit("/", 1)[-1]) else ())
                + (former if not former_name_part(form.rsplit("/", 1)[-1]) else ())
            )
            out.append(_group(candidates, label, notes + decide, mine, former, clash))
    return out


def _group(
    names: tuple[str, ...],
    label: str,
    notes: tuple[str, ...],
    fields: Sequence[PersonalField],
    former: tuple[str, ...],
    shared: frozenset[str] = frozenset(),
) -> Group:
    """A group, with its former names when they differ from its names and are one for one."""
    kept = former if former != names and len(former) == len(names) else ()
    return Group(names, label, notes, tuple(fields), kept, shared)


def _distinct(groups: list[Group]) -> list[Group]:
    """Groups whose preferred names clash move to their longer ones, so none is numbered.

    `admin/faltas` and `faltas` both prefer `faltas_forms`: the one that has a longer
    name (`admin_faltas_forms`) takes it, the other keeps the short one.
    """
    out = list(groups)
    while True:
        firsts: dict[str, list[int]] = {}
        for n, found in enumerate(out):
            firsts.setdefault(found.names[0], []).append(n)
        moved = False
        for clash in (ns for ns in firsts.values() if len(ns) > 1):
            shortest = min(len(out[n].names) for n in clash)
            keeper = next(n for n in clash if len(out[n].names) == shortest)
            for n in clash:
                if n != keeper and len(out[n].names) > 1:
                    out[n] = replace(out[n], names=out[n].names[1:], former=out[n].former[1:])
                    moved = True
        if not moved:
            return out


def unknown_kind_groups(
    fields: Iterable[PersonalField], tables: TableReading | None, *, merge_small: bool = True
) -> list[Group]:
    """The root-category fields as groups: columns by person, then form fields by folder.

    `tables`: every table read, as the classifier read them (None: no tables were read).

    `merge_small`: small groups share an entry (a whole project's fields); without it,
    as for the few fields `init --update` adds, each person and folder keeps its own.
    """
    listed = list(fields)
    # a form field that fills a column goes where that column goes
    columns = [f for f in listed if f.kind == "column" or f.table is not None]
    forms = [f for f in listed if f.kind != "column" and f.table is None]
    small, least = (SMALL_GROUP, FOLDER_MIN) if merge_small else (1, 1)
    return _distinct(_column_groups(columns, tables, small) + _form_groups(forms, least))
