"""Draft a starter policy for a project, or add newly found fields to its policy."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cnsnt import ISSUES_URL
from cnsnt.collect import collect_evidence
from cnsnt.errors import PolicyError, UsageError
from cnsnt.evidence import Evidence, FieldRole
from cnsnt.matching import escape
from cnsnt.model import Location, Severity
from cnsnt.policy import loader as policy_loader
from cnsnt.policy.loader import display_path, load_policy, policy_files
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.policy.taxonomy import load_taxonomy
from cnsnt.rules.source.nameless import weighed
from cnsnt.sql.ddl import reuse_results
from cnsnt.starter.asked import open_questions, question_lines
from cnsnt.starter.catch_alls import init_catch_alls
from cnsnt.starter.databases import database_entries
from cnsnt.starter.discover import NO_SCHEMA, UNREAD_MIGRATIONS, Found, no_schema, survey
from cnsnt.starter.entries import Entry, group
from cnsnt.starter.entry_counts import changes, recount
from cnsnt.starter.fields import PersonalField, Undeclared, undeclared
from cnsnt.starter.form_columns import objects_note
from cnsnt.starter.init_entries import init_entries
from cnsnt.starter.join import Joined, beside, distinct_labels, join_entries
from cnsnt.starter.model_dumps import (
    CHANGELOG_TABLES_NOT_READ,
    TABLES_NOT_READ,
    ModelEntry,
    schemas_in_databases,
)
from cnsnt.starter.patch_notes import PatchNote
from cnsnt.starter.patch_refresh import refresh_notes, today_notes
from cnsnt.starter.render import new_policy, why
from cnsnt.starter.review_marks import KeyLine, Marked, ReviewOutcome, decided_at
from cnsnt.starter.review_moves import (
    confirm_lines,
    drop_lines,
    emptied_lists,
    filed_lines,
    ignore_lines,
    init_lines,
    removed_by_entry,
)
from cnsnt.starter.review_notes import stuck
from cnsnt.starter.reviewed import read_reviewed, row_order
from cnsnt.starter.splice_check import KINDS, check_splice
from cnsnt.starter.things import IgnoredField
from cnsnt.starter.unlisted import Unlisted, spec_of, surveyed
from cnsnt.starter.unread_templates import NOT_AUDITED
from cnsnt.starter.update import add_entries, file_holding, parse_files
from cnsnt.starter.update_ignore import add_ignores
from cnsnt.starter.update_sources import add_sources


@dataclass(frozen=True)
class Draft:
    """What `cnsnt init` would write, and what it found."""

    path: Path
    """The policy file to write."""
    text: str
    """Its full new text."""
    changed: bool
    """False when `--update` found nothing new (the file is left as it is)."""
    entries: tuple[Entry, ...]
    sources: tuple[Found, ...] = ()
    problems: int = 0
    """Parts of sources that could not be read (the audit reports them as CN001 errors)."""
    warnings: int = 0
    """Parts read around, such as a field without a name (CN001 warnings)."""
    alerts: tuple[str, ...] = ()
    """Notes of the policy that the terminal says too: a database or templates left unread."""
    joined: tuple[Joined, ...] = ()
    """`--update`: fields added to existing entries without purposes (not in `entries`)."""
    added_sources: tuple[Unlisted, ...] = ()
    """`--update`: entries init proposes today, added to `sources:` (their files were not read)."""
    unlisted: tuple[Unlisted, ...] = ()
    """`--update`: entries init proposes today whose files were not read and stay unread."""
    sources_file: Path | None = None
    """`--update`: the policy file that holds `sources:`, when it is not `path`."""
    ignored: tuple[IgnoredField, ...] = ()
    """Form fields that fill a column about a thing, written under `ignore:` (not counted in `fields`)."""
    searched: int = 0
    """Named fields of search and filter forms: a query over data, proposed in no data entry."""
    unsure: int = 0
    """Columns left out as not personal with low confidence, of which the policy says nothing
    (no data entry, `ignore:` or consent record): wrong one time in four, to check with
    `explain-column --undecided --verdict not-personal --confidence low`."""
    asked: int = 0
    """Columns declared personal with low confidence on init's `unsure, check` lines nobody has
    answered (or declared nowhere): the column rows of `explain-column --undecided --verdict
    personal --confidence low` (`cnsnt.starter.asked`)."""
    asked_fields: int = 0
    """The form field rows of that list."""
    asked_forms: tuple[str, ...] = ()
    """init's whole-form lines still asking (`signup.*`): on no list, so named apart."""
    beside: int = 0
    """Columns left out as not personal at medium or high confidence, of which the policy says
    nothing, in tables where it declares another column: the third list (`explain-column
    --undecided --verdict not-personal --beside-personal`), once the low ones are answered."""
    reviewed: ReviewOutcome | None = None
    """`--update --reviewed FILE`: what the reviewed list did besides adding fields."""
    noted: tuple[str, ...] = ()
    """`--update`: the full schemas whose note on upgrade patches under `sources:` was made today's."""

    @property
    def uncovered(self) -> tuple[PersonalField, ...]:
        """`--update`: fields added by name that only an init catch-all (`form.*`) covered."""
        every = [f for e in self.entries for f in e.form_fields] + [
            f for j in self.joined for f in j.fields
        ]
        return tuple(sorted((f for f in every if f.catch_all is not None), key=lambda f: f.key))

    @property
    def refiled(self) -> int:
        """`--reviewed`: of `fields`, the ones a row moved off a line into its category's entry (not new)."""
        if self.reviewed is None:
            return 0
        return sum(1 for m in self.reviewed.moved if m.review.personal)

    @property
    def fields(self) -> int:
        """How many personal fields the draft declares (or adds)."""
        return sum(e.count for e in self.entries) + sum(f.covers for j in self.joined for f in j.fields)


def _unread(evidence: Evidence) -> int:
    """How many parts of the sources could not be read (CN001 errors)."""
    return sum(1 for p in evidence.problems if p.severity in (None, Severity.ERROR))


def _warned(evidence: Evidence) -> int:
    """How many parts were read around with a warning (a field with no name, a skipped call).

    Weighed as CN001 weighs them: a nameless control whose id and label name no personal
    data is an info, not counted.
    """
    return sum(1 for p in evidence.problems if weighed(p).severity == Severity.WARNING)


def _searched(evidence: Evidence) -> int:
    """How many named fields are search or filter boxes (`FieldRole.SEARCH`): proposed nowhere."""
    return sum(1 for f in evidence.fields if f.name is not None and f.role is FieldRole.SEARCH)


def _validate(text: str, target: Path, others: list[Path]) -> Policy:
    """Load the new text as the policy it will be (with its sibling files): never write an invalid one.

    A text that does not load is cnsnt's own mistake: it is named by the file the user
    asked for, not by the temporary copy read here (a path the user never sees).
    """
    with tempfile.TemporaryDirectory(prefix="cnsnt-init-") as tmp:
        here = Path(tmp)
        for other in others:
            if other != target:
                shutil.copyfile(other, here / other.name)
        (here / target.name).write_text(text, encoding="utf-8")
        try:
            return load_policy(here if len(others) > 1 else here / target.name)
        except PolicyError as exc:
            first = exc.problems[0]
            line = first.location.line if first.location is not None else None
            raise UsageError(
                f"{target.as_posix()} not written: the policy cnsnt init made would not load"
                + (f" (line {line} of the new text: {first.message})" if line else f" ({first.message})")
                + f"; this is a bug in cnsnt, please report it at {ISSUES_URL}"
            ) from None


def _fits(text: str, target: Path, fields: int, entries: int, *, update: bool = False) -> None:
    """Refuse, naming the policy to be written, a text the loader would refuse as too large.

    Left to `_validate`, the loader named the temporary copy it reads, a path the user
    never sees.
    """
    size = len(text.encode("utf-8"))
    limit = policy_loader.MAX_POLICY_BYTES
    if size <= limit:
        return
    if update:
        raise UsageError(
            f"{target.as_posix()} not updated: adding {fields:,} personal fields in {entries:,} "
            f"data entries would make it {size:,} bytes, more than the {limit:,} a policy may "
            "have; merge or remove some of its data entries, or give each part of the project "
            "its own policy (cnsnt init PATH/TO/PART writes PATH/TO/PART/cnsnt.yaml)"
        )
    raise UsageError(
        f"{target.as_posix()} not written: {fields:,} personal fields in {entries:,} source "
        f"entries make a starter policy of {size:,} bytes, more than the {limit:,} a policy "
        "may have; run cnsnt init on one part of the project at a time (cnsnt init "
        "PATH/TO/PART writes PATH/TO/PART/cnsnt.yaml)"
    )


def found_policy(root: Path, found: list[Found], target: Path) -> Policy:
    """A policy of nothing but the sources found under `root`, as if written to `target`."""
    specs = tuple(
        SourceSpec(
            kind=f.kind,
            pattern=f.pattern,
            base_dir=root,
            location=Location(target.name),
            format=f.format,
            dialect=f.dialect,
        )
        for f in found
    )
    return Policy(path=target.as_posix(), base_dir=root, sources=specs)


def draft_new(
    root: Path,
    *,
    output: Path | None = None,
    dialect: str | None = None,
    jobs: int = 0,
    today: dt.date | None = None,
    databases: Sequence[str] = (),
) -> Draft:
    """Find the sources under `root`, classify their fields, and write a starter policy.

    `databases`: `--db` URLs, read with the files found and written under `databases:`.
    """
    if not root.is_dir():
        raise UsageError(f"{root.as_posix()} is not a directory: cnsnt init reads a project directory")
    target = output or root / "cnsnt.yaml"
    if target.parent.resolve() != root.resolve():
        # the audit reads sources under the policy's own directory only, so a policy
        # written elsewhere would name sources it then refuses to read
        raise UsageError(
            f"{target.as_posix()} is not in {root.as_posix()}: cnsnt init writes the policy into the "
            "project directory it reads (the audit reads sources under the policy's directory); "
            "use -o FILE with a file in that directory, or -o - to print it"
        )
    with reuse_results():  # the audit of a schema file reuses the reading that chose its dialect
        given = database_entries(databases, root)  # a bad URL is a usage error before any reading
        found, notes = survey(root, [entry.pattern for entry in given])
        # --db asks for the database: the schema files it was built from give way, said (review37 D3)
        left, left_notes = schemas_in_databases(
            [entry.pattern for entry in given],
            [ModelEntry(f.pattern, f.format, f.dialect) for f in found if f.kind == "schemas"],
            root,
        )
        found = [f for f in found if not (f.kind == "schemas" and f.pattern in left)]
        found += [entry for entry in given if entry not in found]
        notes.extend(left_notes)
        if not any(n.startswith(UNREAD_MIGRATIONS) for n in notes):  # those name the folder already
            notes.extend(no_schema(found))
        policy = found_policy(root, found, target)
        evidence = collect_evidence(policy, dialect=dialect, jobs=jobs)
    result = undeclared(policy, evidence, set_apart=True)
    entries = group(result.fields, load_taxonomy(), tables=result.tables)
    unread, warned = _unread(evidence), _warned(evidence)
    text = new_policy(
        found, entries, result.consent_controls, problems=unread, warnings=warned, today=today, notes=notes,
        ignored=result.ignored,
    )
    if len(text.encode("utf-8")) > policy_loader.MAX_POLICY_BYTES:
        # tens of thousands of fields: a policy the loader refuses helps nobody, so the
        # per-field reasons give way (each field still says where it is)
        text = new_policy(
            found, entries, result.consent_controls, problems=unread, warnings=warned, today=today,
            notes=notes, reasons=False, ignored=result.ignored,
        )
    _fits(text, target, sum(e.count for e in entries), len(found))
    questions = open_questions(
        _validate(text, target, [target]), evidence, question_lines(text, target.as_posix())
    )
    # what was not read at all: a database's migrations, templates of a format cnsnt does not read,
    # the tables only a database left out holds
    alerts = tuple(
        n
        for n in notes
        if n.startswith((UNREAD_MIGRATIONS, NO_SCHEMA))
        or NOT_AUDITED in n
        or TABLES_NOT_READ in n
        or CHANGELOG_TABLES_NOT_READ in n
        or (isinstance(n, PatchNote) and n.names_gaps)  # patches' columns no source reads
    )
    if result.missing:
        alerts = (*alerts, objects_note(result.missing))
    return Draft(
        target, text, True, tuple(entries), tuple(found), _unread(evidence), _warned(evidence), alerts,
        ignored=result.ignored, searched=_searched(evidence), unsure=questions.left_out,
        asked=questions.asked, asked_fields=questions.fields, beside=questions.beside,
        asked_forms=questions.forms,
    )


def draft_update(
    policy_path: Path,
    *,
    dialect: str | None = None,
    jobs: int = 0,
    sources: bool = False,
    reviewed: Path | None = None,
    today: dt.date | None = None,
    key_patterns: bool = False,
) -> Draft:
    """Add the personal fields the policy does not declare yet, as new data entries.

    The schema, form and query files init would propose today but `sources:` does not
    name are found too, so a new entity or app is never passed over in silence: named
    (the policy's sources may leave files out on purpose), or with `sources` added to
    `sources:` first and read. `reviewed`: a verdict list a person checked
    (`explain-column --format csv|json`, its `personal` cells edited): a column marked
    personal becomes a field whatever the classifier said, one marked not personal that
    the classifier flags goes under `ignore:`. An existing entry that gains or loses
    fields gets its header count made true (`cnsnt.starter.entry_counts`; `today` dates the
    line said instead when a person edited that header). `key_patterns`: a table's keys
    the list marks not personal go under `ignore:` as one pattern when one can say them
    (`cnsnt.starter.key_patterns`).
    """
    policy = load_policy(policy_path)
    files = policy_files(policy_path)
    named = _review_name(reviewed, policy.base_dir) if reviewed is not None else ""
    # read (and refused when bad) before the sources are: a typo costs no minutes of reading
    reviews = read_reviewed(reviewed, named, load_taxonomy().with_policy(policy)) if reviewed else ()
    parsed = parse_files(files)  # each file read once: where data: and sources: are, init's catch-alls
    target = file_holding(parsed, "data") or files[0]
    with target.open(encoding="utf-8", newline="") as handle:  # line breaks as they are (CRLF)
        original = handle.read()
    listed, survey_notes = surveyed(policy)
    missing = tuple(listed)
    holder = file_holding(parsed, "sources") or target
    added: tuple[Unlisted, ...] = ()
    if missing and sources and holder == target:
        added, missing = missing, ()
    # init's note on upgrade patches, as true today: a year's new patches are counted (review35 R35b D1)
    patch_notes = today_notes(survey_notes, {f for u in missing for f in u.files})
    start, noted = original, list[str]()
    if holder == target:
        start, noted = refresh_notes(original, patch_notes, target.as_posix())
    if added:
        start = add_sources(start, [u.entry for u in added], target.as_posix())
        new_specs = tuple(spec_of(u.entry, policy, target.as_posix()) for u in added)
        policy = replace(policy, sources=(*policy.sources, *new_specs))
    evidence = collect_evidence(policy, dialect=dialect, jobs=jobs)
    taxonomy = load_taxonomy().with_policy(policy)
    movable = init_lines(start, target.as_posix()) if reviews else {}
    whole = init_entries(start, target.as_posix(), taxonomy) if reviews else {}
    ignorable = ignore_lines(start, target.as_posix()) if reviews else {}
    filed = filed_lines(start, target.as_posix()) if reviews else {}
    catch_alls = init_catch_alls(parsed)
    counts = {name: entry.items for name, entry in whole.items()}
    result = undeclared(
        policy, evidence, catch_alls, reviewed=reviews, movable=movable, whole=counts, ignorable=ignorable,
        filed=filed, keep_one=False,
    )
    if result.removed and len(result.removed) >= len(policy.data) and not result.fields:
        # every entry emptied and none added: `data:` would be empty, so the last move leaves its
        # entry (the policy's only one, said). A run that adds a field (a `true`, another
        # category) keeps an entry in `data:`, and an emptied one goes (fix31a).
        result = undeclared(
            policy, evidence, catch_alls, reviewed=reviews, movable=movable, whole=counts,
            ignorable=ignorable, filed=filed,
        )
    # a `true` on a line init wrote: its comment says who decided (no line moves for it)
    confirmed = confirm_lines(start, [(c.line, why(c.field)) for c in result.confirmed])
    # the lines init wrote that reviewed rows moved, the entries of init's they emptied, and the
    # `ignore:` items a list wrote that a row now marks personal: taken out before anything is added
    gone = {m.entries[0] for m in result.removed}
    rows = [line.line for line in result.lines] + [row for name in gone for row in whole[name].rows]
    rows += emptied_lists(result.lines, gone)  # a list of init's entry emptied, its other list kept
    start_moved = drop_lines(confirmed, sorted(set(rows)), result.ignore_lines)
    # the few fields found since: each keeps its person's or folder's group, however small
    entries = group(
        result.fields,
        taxonomy,
        taken=policy.data,  # a removed entry's name too: a new entry by that name would read as it
        tables=result.tables,
        merge_small=False,
    )
    kept = replace(policy, data={k: v for k, v in policy.data.items() if k not in gone}) if gone else policy
    # a category's new fields join its entry nobody has given purposes yet; only beside an
    # entry with purposes is a new one made, its label told apart
    joined_text, left, joined = join_entries(start_moved, entries, kept, target.as_posix())
    labelled = distinct_labels(left, kept)
    text = add_entries(joined_text, labelled, target.as_posix())
    outcome = None
    if reviewed is not None:
        grouped = _key_lines(result, evidence) if key_patterns else ()
        text, outcome = _add_ignored(text, result, named, file_holding(parsed, "ignore"), target, grouped)
        outcome = replace(
            outcome, rows=tuple(r.where for r in reviews), cut_notes=tuple(r for r in reviews if r.note_chars)
        )
    # a line a reviewed list wrote is counted in its header as that list's
    moved_out = [
        (line.entry, line.decided.rpartition(":")[0] if line.decided else None)
        for line in result.lines
        if line.entry not in gone
    ]
    text = recount(text, target.as_posix(), changes(((j.name, j.fields) for j in joined), moved_out), today)
    if text != start:  # every line the user wrote still says what it said: only the new items differ
        check_splice(
            start,
            text,
            target.as_posix(),
            ignored=outcome.ignore_items if outcome else (),
            unignored=[line.pattern for line in result.ignore_lines],
            removed=removed_by_entry(result.lines),
            entries=[e.name for e in labelled],
            joined={j.name: {kind: [f.key for f in j.fields if kind == f"{f.kind}s"] for kind in KINDS}
                    for j in joined},
            deleted=sorted(gone),
        )
    loaded = None
    if text != original:
        _fits(text, target, sum(e.count for e in entries), len(left), update=True)
        loaded = _validate(text, target, files)
    if outcome is not None:
        # where each moved line went, named (review35: "the data entry of user" named none of ten)
        homes = {f.key.casefold(): j.name for j in joined for f in j.fields}
        homes |= {f.key.casefold(): e.name for e in labelled for f in (*e.columns, *e.form_fields)}
        moved = tuple(replace(m, into=homes.get(escape(m.key).casefold())) for m in outcome.moved)
        back = tuple(
            replace(m, into=None if m.pattern else homes.get(escape(m.key).casefold()))
            for m in outcome.unignored
        )
        # a field left with (or as the last of an entry beside) the column it was filed with: to
        # join that column where it went
        def home(marks: tuple[Marked, ...]) -> tuple[Marked, ...]:
            return tuple(
                replace(m, into=homes.get(escape(m.follows).casefold(), m.into)) if m.follows else m
                for m in stuck(marks, text, target.as_posix(), kept)
            )

        outcome = replace(
            outcome, moved=moved, unignored=back, last=home(outcome.last), behind=home(outcome.behind)
        )
    questions = open_questions(loaded or policy, evidence, question_lines(text, target.as_posix()))
    return Draft(
        target, text, text != original, tuple(left), problems=_unread(evidence), warnings=_warned(evidence),
        alerts=(*beside(labelled, kept), *(n for n in patch_notes if n.names_gaps)),
        joined=tuple(joined), added_sources=added, unlisted=missing,
        sources_file=holder if holder != target else None, searched=_searched(evidence),
        reviewed=outcome, unsure=questions.left_out, asked=questions.asked, asked_fields=questions.fields,
        beside=questions.beside, noted=tuple(noted), asked_forms=questions.forms,
    )


def _review_name(path: Path, base: Path) -> str:
    """How messages and the policy's comments name a reviewed list: from the policy's folder when in it.

    Outside it, by its file name alone: the comments go into a committed policy, where a folder
    of the reviewer's machine (`/home/alice/tmp/l1m.csv`) means nothing and tells too much
    (review38 D6).
    """
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return path.name or display_path(path)


def _key_lines(result: Undeclared, evidence: Evidence) -> tuple[KeyLine, ...]:
    """`--key-patterns`: the tables whose keys this run's `false` rows put on one line of `ignore:`."""
    from cnsnt.starter.key_patterns import key_lines

    return key_lines(result.not_personal, evidence, result.tables)


def _add_ignored(
    text: str,
    result: Undeclared,
    named: str,
    holder: Path | None,
    target: Path,
    grouped: Sequence[KeyLine] = (),
) -> tuple[str, ReviewOutcome]:
    """`text` with the columns a reviewer marked not personal under `ignore:`, and what was done.

    Only in the file being written: an `ignore:` in another file of the policy is left
    as it is, and its columns are named for the user to add there. `grouped`: a table's
    keys written on one line each (`--key-patterns`), where its first row's item was.
    """
    outcome = ReviewOutcome(
        named,
        added=result.marked_personal,
        added_fields=result.marked_fields,
        not_input=result.not_input,
        declared=result.declared_not_personal,
        hidden=result.ignored_personal,
        recategorised=result.declared_otherwise,
        consent=result.consent_personal,
        not_found=result.not_found,
        moved=result.moved,
        last=result.last,
        removed=result.removed,
        confirmed=tuple(c.line.pattern for c in result.confirmed),
        unignored=result.unignored,
        shared=result.shared,
        declared_rows=tuple(f.reviewed for f in result.fields if f.reviewed),
        confirmed_rows=tuple(c.field.reviewed for c in result.confirmed if c.field.reviewed),
        ignored_rows=tuple(m.review.where for m in result.not_personal),
        yielded=result.yielded,
        behind=result.behind,
        spared=result.spared,
        passed=result.passed,
    )
    # a column and the form field named like it, both marked not personal: one item serves both
    one: dict[str, Marked] = {}
    for item in result.not_personal:
        one.setdefault(_ignore_item(item).casefold(), item)
    marked = tuple(one.values())
    if not marked:
        return text, outcome
    if holder is not None and holder != target:
        return text, replace(outcome, left=marked, elsewhere=display_path(holder))
    marked = tuple(sorted(marked, key=lambda m: row_order(m.review.where)))  # the list's order
    into = {escape(key).casefold(): group for group in grouped for key in group.keys}
    items: list[tuple[tuple[str, ...], str]] = []
    written: set[KeyLine] = set()
    for m in marked:
        group = None if m.pattern else into.get(_ignore_item(m).casefold())
        if group is None:
            items.append(((_ignore_item(m),), _ignore_note(m)))
        elif group not in written:  # the table's first row: the line of its keys, each as it is
            written.add(group)
            items.append((tuple(escape(key) for key in group.keys), _group_note(group)))
    text = add_ignores(text, items, target.as_posix())
    return text, replace(
        outcome,
        ignored=marked,
        ignore_items=tuple(item for line, _ in items for item in line),
        grouped=tuple(grouped),
    )


def _group_note(group: KeyLine) -> str:
    """The comment beside a table's keys written on one line: their rows, one for one."""
    return f"marked not personal in {', '.join(group.rows)} (--key-patterns): keys of {group.table}"


def _ignore_item(marked: Marked) -> str:
    """The `ignore:` pattern of a column marked not personal: its key escaped, a pattern row's as written."""
    return marked.key if marked.pattern else escape(marked.key)


def _ignore_note(marked: Marked) -> str:
    """The comment beside it: the row that decided, and the entry init (or an earlier list) had put it in."""
    note = f"marked not personal in {decided_at(marked.review)}"  # with the reviewer's note, quoted
    # a field filed with a column (or the column a field fills), moved with it: the row named it
    other = "column" if marked.field else "form field"
    along = f", with the {other} {marked.follows}" if marked.follows else ""
    if marked.was:
        return f"{note}; was marked personal in {marked.was}, in data entry {marked.entries[0]}{along}"
    return f"{note}; was in data entry {marked.entries[0]}{along}" if marked.entries else note
