"""The library entry points the CLI and tests call: audit, render, explain, fingerprint."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cnsnt import verdicts
from cnsnt.classify import explain as explain_verdict
from cnsnt.collect import collect_evidence
from cnsnt.engine import classify, rule_meta, run_rules
from cnsnt.errors import UsageError
from cnsnt.evidence import Evidence, FormField
from cnsnt.matching import AliasIndex, PolicyIndex
from cnsnt.model import AuditResult, Confidence, Finding, Severity
from cnsnt.policy.loader import find_policy, load_policy
from cnsnt.policy.model import Policy
from cnsnt.rules import all_rules
from cnsnt.sources.base import Limits
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.typed_names import close_names, folded_match, hidden_characters
from cnsnt.verdicts import ColumnVerdict

POLICY_SUFFIXES = (".yaml", ".yml")

if TYPE_CHECKING:
    from cnsnt.classify import TableReading
    from cnsnt.inventory import Inventory
    from cnsnt.notices import NoticeResult, Theme
    from cnsnt.starter.column_kinds import Given
    from cnsnt.starter.field_verdicts import FieldVerdicts
    from cnsnt.starter.own_rows import OwnRow


def resolve_policy_path(path: Path | None, policy: Path | None) -> Path:
    """The policy to load: `--policy`, else PATH if it is a file, else `cnsnt.yaml` in PATH."""
    if policy is not None:
        return policy
    start = path or Path(".")
    if start.is_file():
        if start.suffix.lower() not in POLICY_SUFFIXES:
            raise UsageError(
                f"{start.as_posix()} is not a policy: cnsnt audits a project, so give its directory "
                "or its cnsnt.yaml (or none: cnsnt finds cnsnt.yaml by walking up from here). "
                "List schema, form and SQL files under `sources:` in the policy; in pre-commit "
                "use `pass_filenames: false`"
            )
        return start
    if path is None:
        from cnsnt.config import find_project

        project = find_project(Path.cwd())
        if project is not None and project.policy is not None:
            return project.policy
    found = find_policy(start)
    if found is None:
        where = (
            "no cnsnt.yaml here or in any parent directory, and no [tool.cnsnt] policy in a pyproject.toml"
            if path is None
            else f"{start.as_posix()} has no cnsnt.yaml"
        )
        raise UsageError(
            f"no policy found: {where} (name one with --policy; see the README for a starting policy)"
        )
    return found


def audit(
    policy: Policy,
    *,
    dialect: str | None = None,
    jobs: int = 0,
    preset: str | None = None,
    databases: Iterable[str] = (),
    sample: int = 0,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    on_source: Callable[[str], None] | None = None,
    debug: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    chunk_chars: int = 1 << 20,
    log_ranges: int = 0,
    evidence_sink: Callable[[Evidence], None] | None = None,
) -> AuditResult:
    """Collect all evidence for a loaded policy, run the rules, return the result.

    `chunk_chars` and `log_ranges` only say how streamed files are cut up; the
    result never depends on them (tests vary them to prove it). `evidence_sink`
    receives the evidence too (the HTML report draws the data map from it).
    """
    evidence = collect_evidence(
        policy,
        dialect=dialect,
        jobs=jobs,
        databases=databases,
        sample=sample,
        progress=progress,
        on_source=on_source,
        debug=debug,
        limits=limits,
        chunk_chars=chunk_chars,
        log_ranges=log_ranges,
    )
    findings, suppressed, skipped = run_rules(
        policy, evidence, preset=preset, select=select, today=today, ignore=ignore
    )
    if evidence_sink is not None:
        evidence_sink(evidence)
    counts = dict(sorted(evidence.counts.items()))
    return AuditResult(
        policy_path=policy.path,
        findings=tuple(findings),
        suppressed=tuple(suppressed),
        skipped=tuple(skipped),
        sources=counts,
        rules=tuple(rule_meta(r) for r in all_rules()),
    )


def audit_path(path: Path | None = None, *, policy: Path | None = None, **options: object) -> AuditResult:
    """Load the policy for PATH and audit it (convenience for scripts and tests)."""
    loaded = load_policy(resolve_policy_path(path, policy))
    return audit(loaded, **options)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=16)
def _fingerprinter(dialect: str | None) -> Fingerprinter:
    return Fingerprinter(dialect)


def fingerprint(statement: str | bytes, dialect: str | None = None) -> str:
    """The normalised shape of one SQL statement: the key cnsnt groups query logs by.

    Literals (strings, numbers, `$1` placeholders) become `?`, IN-lists and
    multi-row VALUES fold to one item, comments go, whitespace runs become one
    space and unquoted text is lower-cased; quoted identifiers are kept. Two
    statements share a fingerprint only when they differ in those alone, so a
    log can be digested anywhere (a Spark job, a warehouse UDF) into one row
    per fingerprint with a count and one sample text, and cnsnt reads that
    (`format: shapes`) as it reads the whole log. `dialect` is a sqlglot dialect
    name (it decides backslash escapes, `#` comments and dollar quotes); the
    result is stable within a cnsnt minor version. Lexing only: nothing is
    parsed or run. An empty result means the text holds no statement.

    >>> fingerprint("SELECT email FROM customers WHERE id = 42 AND name IN ('a', 'b')")
    'select email from customers where id = ? and name in (?)'
    """
    raw = statement if isinstance(statement, bytes) else statement.encode("utf-8", "surrogatepass")
    return _fingerprinter(dialect).fingerprint(raw).decode("utf-8", "surrogateescape")


#: Policy-only rules whose errors make a notice wrong: CN206 (special data on a weak basis),
#: CN102 (data for no stated purpose) and CN103 (a purpose, recipient or category the notice
#: would silently leave out, since the policy does not define it).
NOTICE_POLICY_RULES = ("CN102", "CN103", "CN206")
#: Policy entries a notice states; CN103 about anything else (roles, sources, waivers) is the
#: audit's business only.
_NOTICE_ENTRIES = ("data.", "recipients.", "purposes.")
#: Audit rules whose errors make a notice incomplete (CN101: personal data it does not mention).
NOTICE_AUDIT_RULES = ("CN101",)


def notice_blockers(
    policy: Policy,
    *,
    preset: str | None = None,
    with_audit: bool = True,
    dialect: str | None = None,
    jobs: int = 0,
) -> list[Finding]:
    """Errors outside the notice's own checks that forbid publishing it.

    CN206, CN102 and CN103 from the policy alone (data on a weak basis, for no purpose,
    or tied to a purpose or recipient the notice cannot name), and (unless `with_audit`
    is False) CN101 from the policy's sources: a notice that does not mention personal
    data the code collects or stores tells customers less than the truth.
    """
    from cnsnt.evidence import Evidence

    found, _, _ = run_rules(policy, Evidence(), preset=preset, select=NOTICE_POLICY_RULES)
    if with_audit:
        # CN101 reads schemas, databases and forms; query logs can be large and add nothing.
        from dataclasses import replace

        lean = replace(policy, sources=tuple(s for s in policy.sources if s.kind != "queries"))
        result = audit(lean, dialect=dialect, jobs=jobs, preset=preset, select=NOTICE_AUDIT_RULES)
        found.extend(result.findings)
    errors = {
        f
        for f in found
        if f.severity is Severity.ERROR
        and f.rule in (*NOTICE_POLICY_RULES, *NOTICE_AUDIT_RULES)
        and (f.rule != "CN103" or (f.policy_entry or "").startswith(_NOTICE_ENTRIES))
    }
    return sorted(errors, key=Finding.sort_key)


def notice(
    policy: Policy,
    *,
    lang: str = "en",
    fmt: str = "markdown",
    layer: str = "full",
    preset: str | None = None,
    draft: bool = False,
    with_audit: bool = True,
    dialect: str | None = None,
    jobs: int = 0,
    theme: Theme | None = None,
) -> NoticeResult:
    """Render a notice and say what forbids publishing it (CN602, CN206, CN101 errors).

    The caller publishes `result.text` only when `result.blockers` is empty, or
    writes it with `draft=True` (a banner, and a marker `--check` refuses).
    """
    from dataclasses import replace

    from cnsnt.notices import render_notice

    result = render_notice(policy, lang=lang, fmt=fmt, layer=layer, preset=preset, draft=draft, theme=theme)
    extra = notice_blockers(policy, preset=preset, with_audit=with_audit, dialect=dialect, jobs=jobs)
    blockers = sorted({*result.blockers, *extra}, key=Finding.sort_key)
    return replace(result, blockers=blockers)


def inventory(
    policy: Policy,
    *,
    dialect: str | None = None,
    jobs: int = 0,
    databases: Iterable[str] = (),
    debug: bool = False,
) -> Inventory:
    """The data map: the policy's data joined with what its sources show (SPEC §2).

    Personal data the sources hold but the policy does not declare (CN101) is
    listed apart, so an incomplete map says so.
    """
    from cnsnt.inventory import build_inventory

    evidence = collect_evidence(policy, dialect=dialect, jobs=jobs, databases=databases, debug=debug)
    findings, _, _ = run_rules(policy, evidence, select=NOTICE_AUDIT_RULES)
    return build_inventory(policy, evidence, findings)


def _schema_policy(path: Path | None, policy: Path | None) -> Policy:
    """The project's policy; for a directory without one, the sources `cnsnt init` would list.

    So a column can be explained before there is a policy to write (`cnsnt init` is the
    step after). Without PATH, the working directory is that project unless a policy is
    found walking up from it (as `cnsnt audit` finds one).
    """
    if path is None and policy is None:
        from cnsnt.config import find_project

        project = find_project(Path.cwd())
        if project is None or project.policy is None:
            path = Path(".")
    if policy is not None or path is None or not path.is_dir() or find_policy(path) is not None:
        return load_policy(resolve_policy_path(path, policy))
    from cnsnt.starter.discover import survey
    from cnsnt.starter.run import found_policy

    found, _ = survey(path)
    return found_policy(path, found, path / "cnsnt.yaml")


def explain_column(
    subject: str,
    path: Path | None = None,
    *,
    policy: Path | None = None,
    dialect: str | None = None,
    databases: Iterable[str] = (),
) -> list[str]:
    """The classifier's whole reasoning for one column of the project's schema sources.

    `subject` is `table.column` (or `schema.table.column`); every table of the schema
    sources is read (and the `--db` `databases`, as the audit reads them), since a link
    to a people table may sit in another file. One
    block per matching column: where it is defined, the table's verdict with its
    evidence, then the column's verdict and reason. Raises `UsageError` when no
    schema source defines such a column.
    """
    databases = tuple(databases)
    loaded, evidence = _schema_evidence(path, policy, dialect, databases)
    want = subject.casefold()
    lines: list[str] = []
    for table in evidence.tables:
        for column in table.columns:
            key = column.key.casefold()
            short = f"{column.table}.{column.name}".casefold()
            if want not in (key, short):
                continue
            where = column.location
            place = f"{where.path}:{where.line}:{where.column}" if where.path else column.source
            if lines:
                lines.append("")
            lines.append(f"{column.key} ({place})")
            lines.extend(f"  {line}" for line in explain_verdict(evidence.tables, table, column))
            lines.extend(_given_line(column.key, evidence, loaded, dialect, databases))
    if not lines:
        lines = _explain_field(subject, loaded, dialect, databases)
    names: list[str] = []
    if not lines:  # a name typed without a mark it holds, or a near miss (review24 D10)
        names = [k for t in evidence.tables for c in t.columns for k in (c.key, f"{c.table}.{c.name}")]
        names += _field_keys(loaded, dialect)
        meant = folded_match(subject, names)
        if meant is not None and meant != subject:
            odd = hidden_characters(meant)
            said = f"{meant!r} typed without its {', '.join(odd)}" if odd else f"read as {meant!r}"
            again = explain_column(meant, path, policy=policy, dialect=dialect, databases=databases)
            return [f"{subject!r}: {said}", *again]
    if not lines:
        read = len(evidence.tables)
        problems = len(evidence.problems)
        trouble = (
            f"; {problems} problem{'s' if problems != 1 else ''} reading them (see cnsnt audit)"
            if problems
            else ""
        )
        unread = [
            p for p in evidence.problems if p.location.database and p.severity in (None, Severity.ERROR)
        ]
        if unread:  # a `--db` the audit of the policy alone would not name
            trouble += f"; {unread[0].location.database}: {unread[0].message}"
        sources = (
            f"the schema sources of {loaded.path}"
            if Path(loaded.path).is_file()
            else f"the schemas found under {loaded.base_dir.as_posix()} (it has no cnsnt.yaml)"
        )
        close = close_names(subject, names)
        hint = f"; did you mean {' or '.join(repr(n) for n in close)}?" if close else ""
        raise UsageError(
            f"no column {subject!r} in {sources} "
            f"({read} table{'s' if read != 1 else ''} read{trouble}), and no form field of that "
            f"name; write it as TABLE.COLUMN or FORM.FIELD{hint}"
        )
    return lines


def _given_line(
    key: str, evidence: Evidence, loaded: Policy, dialect: str | None, databases: tuple[str, ...]
) -> list[str]:
    """What init does with a column of no known kind that a form field of a known kind fills.

    It files the column with the field, under the field's category (review30 D2), so
    explain-column says so: the same verdict init writes.
    """
    from cnsnt.starter.column_kinds import of_no_kind

    classify(evidence)
    verdict = evidence.classified.get(key)
    if verdict is None or not any(s.kind == "forms" for s in loaded.sources):
        return []
    if not verdict.personal and verdict.confidence is Confidence.LOW:
        return _own_row_line(key, evidence, loaded, dialect)
    if not verdict.personal or not of_no_kind(verdict.category):
        return []
    read = tuple(s for s in loaded.sources if s.kind in ("forms", "schemas", "databases"))
    both = collect_evidence(dataclasses.replace(loaded, sources=read), dialect=dialect, databases=databases)
    given = _given_kinds(both).get(key.casefold())
    if given is None:
        return []
    return [
        f"  cnsnt init files it with that field, as {given.category} "
        f"({given.confidence.value} confidence): {given.reason}"
    ]


def _own_row_line(key: str, schema: Evidence, loaded: Policy, dialect: str | None) -> list[str]:
    """What init does with a not-personal column of a person's row that a field of no known kind fills.

    It declares the column with the field, in one entry (`cnsnt.starter.own_rows`). `schema`:
    the tables explain-column has read and classified; only the forms are read here.
    """
    from cnsnt.classify import read_tables

    forms = _form_evidence(loaded, dialect)
    if forms is None:
        return []
    mine = _own_rows(schema, forms, read_tables(schema.tables)).get(key.casefold())
    if mine is None:
        return []
    return [f"  cnsnt init files it with that field, as user (low confidence): {mine.reason}"]


def _own_rows(schema: Evidence, forms: Evidence, reading: TableReading) -> dict[str, OwnRow]:
    """The columns init declares with the field of no known kind that fills them, by key casefolded.

    Built from the schema already read and classified and the forms, for `explain-column`'s
    line and for the lists' rows alike: each read the sources a second time (codereview30 F6).
    """
    from cnsnt.starter.field_verdicts import FieldVerdicts
    from cnsnt.starter.own_rows import own_rows_of

    both = Evidence(tables=schema.tables, forms=forms.forms)
    both.classified.update(schema.classified)
    return own_rows_of(both, reading, FieldVerdicts(both))


def _given_kinds(
    evidence: Evidence, reading: TableReading | None = None, judged: FieldVerdicts | None = None
) -> dict[str, Given]:
    """Column key (casefolded) -> the kind init gives it from the fields that fill it.

    `reading` and `judged`: the tables as already read (`evidence.classified` filled from
    them) and the fields' verdicts, so a caller that has them reads nothing twice.
    """
    from cnsnt.classify import read_tables
    from cnsnt.evidence import FieldRole
    from cnsnt.starter.column_kinds import FieldKind, column_types, given_kinds, of_no_kind
    from cnsnt.starter.field_verdicts import FieldVerdicts
    from cnsnt.starter.fields import field_reason
    from cnsnt.starter.form_columns import fills

    if not evidence.tables or not evidence.fields:
        return {}
    if reading is None:
        reading = read_tables(evidence.tables)
    classify(evidence, reading)
    judged = judged or FieldVerdicts(evidence)
    kinds: dict[str, FieldKind] = {}
    for field in evidence.fields:
        if field.name is None or field.role is not FieldRole.INPUT:
            continue
        verdict = judged(field)
        if verdict.category is not None:
            kinds[field.key] = FieldKind(verdict.category, verdict.confidence, field_reason(field, verdict))
    open_columns = frozenset(
        key.casefold() for key, v in evidence.classified.items() if v.personal and of_no_kind(v.category)
    )
    filled = fills(evidence, reading, {key: False for key in kinds}, open_columns)
    return given_kinds(filled, kinds, column_types(evidence.columns))


def _schema_evidence(
    path: Path | None, policy: Path | None, dialect: str | None, databases: tuple[str, ...]
) -> tuple[Policy, Evidence]:
    """The policy (or a stand-in) and what its schema sources and `--db` databases hold."""
    loaded = _schema_policy(path, policy)
    schemas = tuple(s for s in loaded.sources if s.kind in ("schemas", "databases"))
    evidence = collect_evidence(
        dataclasses.replace(loaded, sources=schemas), dialect=dialect, databases=databases
    )
    return loaded, evidence


def column_verdicts(
    pattern: str,
    path: Path | None = None,
    *,
    policy: Path | None = None,
    dialect: str | None = None,
    databases: Iterable[str] = (),
    undecided: bool = False,
    beside_personal: bool = False,
) -> tuple[list[ColumnVerdict], int, int]:
    """The verdict on every column and form field `pattern` names, and the problems met.

    `*` names all. The columns of the schema sources come first, then the fields of the
    form sources a person fills in (`FORM.FIELD`, review34 R34b D7). The counts of
    problems reading the schema and the form sources are returned so that a caller says
    so: a statement cnsnt could not read is never silently passed over (an info, such as
    a search form left out, hides no field and is not counted). All tables are
    read and classified together, as the audit classifies them. Raises `UsageError`
    when no column and no form field matches. `undecided`: only what nobody has judged:
    what the policy says nothing of (no data entry, `ignore:` pattern or consent record
    names it: what CN101 would report of it), and what only a line init wrote as a question
    declares (`# unsure, check: ...`, unedited), so both halves of the unsure list shrink
    as a reviewer works through them (`cnsnt.starter.asked`). `beside_personal`: only the
    columns of a table where the policy declares a column under a data entry (without a
    policy: where cnsnt calls one personal) or of a join table linked to one, and the fields
    of a form where it declares a field (without one: every form), the third list of a review
    pass (`cnsnt.starter.beside`).
    """
    from cnsnt.classify import read_tables
    from cnsnt.classify.tables import LINKED, PEOPLE

    loaded, evidence = _schema_evidence(path, policy, dialect, tuple(databases))
    reading = read_tables(evidence.tables)  # read once: the verdicts and the text's order
    classify(evidence, reading)
    people = {key for key, table in reading.verdicts.items() if table.kind in (PEOPLE, LINKED)}
    rows = verdicts.column_verdicts(evidence, pattern, people, reading.tables)
    forms = _form_evidence(loaded, dialect)
    if forms is not None and rows:
        rows = _own_row_verdicts(rows, evidence, forms, reading)
    fields = _field_rows(pattern, evidence, forms, reading) if forms is not None else []
    if not rows and not fields:
        read = len(evidence.tables)
        named = f"{read} table{'s' if read != 1 else ''} read"
        if forms is not None:
            count = len({f.form for f in forms.fields})
            named += f", {count} form{'s' if count != 1 else ''}"
        raise UsageError(
            f"no column or form field matches {pattern!r} in the sources of {loaded.path} "
            f"({named}); a pattern is TABLE.COLUMN or FORM.FIELD with * and ? ('contacts.*', "
            "'*.email', '*')"
        )
    if undecided or beside_personal:
        index = PolicyIndex(loaded, AliasIndex(forms.fields if forms is not None else ()))
        columns = {c.key: c for c in evidence.columns}
    if undecided:
        from cnsnt.starter.asked import column_open, field_open, policy_questions

        lines = policy_questions(loaded)  # init's `unsure, check` lines: declared as a question
        rows = [r for r in rows if column_open(index, columns[r.column], lines)]
        fields = [(r, f) for r, f in fields if field_open(index, f, lines)]
    if beside_personal:
        from cnsnt.starter.beside import form_of, personal_forms, table_of, third_list_tables

        declared = index if Path(loaded.path).exists() else None  # no policy yet: the classifier's
        around = third_list_tables(evidence, reading, declared)
        rows = [r for r in rows if table_of(columns[r.column]) in around]
        if fields and forms is not None:
            chosen_forms = personal_forms(forms.fields, declared)
            fields = [(r, f) for r, f in fields if form_of(f) in chosen_forms]
    return rows + [r for r, _ in fields], len(evidence.problems), _form_problems(forms)


def _own_row_verdicts(
    rows: list[ColumnVerdict], schema: Evidence, forms: Evidence, reading: TableReading
) -> list[ColumnVerdict]:
    """The rows of the columns init declares with the field of no known kind that fills them, as init does.

    Personal, of no known kind, unsure (`cnsnt.starter.own_rows`, review36 R36b D3): on the
    personal list beside the field, not on the not-personal one.
    """
    own = _own_rows(schema, forms, reading)
    if not own:
        return rows
    out = []
    for row in rows:
        mine = own.get(row.column.casefold())
        if mine is not None:
            row = dataclasses.replace(
                row, personal=True, category="user", confidence="low", reason=mine.reason
            )
        out.append(row)
    return out


def _form_problems(forms: Evidence | None) -> int:
    """Problems reading the forms that may hide a field: an info (a search form left out) does not."""
    from cnsnt.rules.source.nameless import weighed

    if forms is None:
        return 0
    return sum(1 for p in forms.problems if weighed(p).severity is not Severity.INFO)


def _form_evidence(loaded: Policy, dialect: str | None) -> Evidence | None:
    """What the policy's form sources hold; None when it names none."""
    forms = tuple(s for s in loaded.sources if s.kind == "forms")
    if not forms:
        return None
    return collect_evidence(dataclasses.replace(loaded, sources=forms), dialect=dialect)


def _field_rows(
    pattern: str, schema: Evidence, forms: Evidence, reading: TableReading
) -> list[tuple[ColumnVerdict, FormField]]:
    """The row of each field a person fills in that `pattern` names, in the sources' order.

    The verdict, confidence and reasons `explain-column FORM.FIELD` prints (`_explain_field`),
    read with the schema's tables, as init reads them. A field two files define is one row,
    as it is one line of a starter policy. Consent controls, search boxes, buttons and
    controls without a name are not listed: CN101 never asks to declare them. `reading`:
    the schema's tables as the columns' verdicts read them (`schema.classified`), used
    again rather than read and classified a second and a third time (codereview29 F6).
    """
    from cnsnt.evidence import FieldRole
    from cnsnt.starter.field_verdicts import FieldVerdicts

    both = Evidence(tables=schema.tables, forms=forms.forms)
    both.classified.update(schema.classified)
    aliases = AliasIndex(both.fields)
    chosen: dict[str, FormField] = {}
    for field in both.fields:
        if field.name is None or field.role is not FieldRole.INPUT or field.key.casefold() in chosen:
            continue
        if aliases.matches(pattern, field):
            chosen[field.key.casefold()] = field
    if not chosen:
        return []
    judged = FieldVerdicts(both)
    filled = _filled(both, list(chosen.values()), judged, reading)
    out: list[tuple[ColumnVerdict, FormField]] = []
    for field in chosen.values():
        category, confidence, because = _field_verdict(field, judged)
        label = f"; label '{field.label}'" if field.label and f"'{field.label}'" not in because else ""
        because = because + label
        fill = f"; {filled[field.key]}" if field.key in filled else ""
        where = field.location
        place = f"{where.path}:{where.line}:{where.column}" if where.path else field.source
        row = verdicts.field_verdict(
            field.key, place, field.form, category, confidence, because + fill, control=field.control,
            label=field.label,
        )
        out.append((row, field))
    return out


def _field_verdict(field: FormField, judged: FieldVerdicts) -> tuple[str | None, str, str]:
    """A named input field's category (None: kind unknown), confidence and reason, as init gives them."""
    from cnsnt.starter.fields import field_reason

    verdict = judged(field)
    return verdict.category, verdict.confidence.value, field_reason(field, verdict)


def _field_keys(loaded: Policy, dialect: str | None) -> list[str]:
    """The keys of the named form fields of the policy's form sources."""
    forms = tuple(s for s in loaded.sources if s.kind == "forms")
    if not forms:
        return []
    evidence = collect_evidence(dataclasses.replace(loaded, sources=forms), dialect=dialect)
    # a nameless control by its id: CN001's fix tells to declare it so (review26 D9)
    return [f.key for f in evidence.fields if f.name is not None] + [
        k for f in evidence.fields for k in f.id_keys
    ]


def _explain_field(
    subject: str, loaded: Policy, dialect: str | None, databases: tuple[str, ...] = ()
) -> list[str]:
    """The verdict `cnsnt init` gives a form field, and why: its name, label and control.

    The audit asks every field a person fills in to be declared (CN101); what the
    classifier adds is the category it suggests, read in the forms' own languages.
    """
    from cnsnt.evidence import FieldRole
    from cnsnt.starter.field_verdicts import FieldVerdicts

    forms = tuple(s for s in loaded.sources if s.kind == "forms")
    if not forms:
        return []
    # the schemas too: init files a field with the column it fills
    read = tuple(s for s in loaded.sources if s.kind in ("forms", "schemas", "databases"))
    evidence = collect_evidence(
        dataclasses.replace(loaded, sources=read), dialect=dialect, databases=databases
    )
    want = subject.casefold()
    matching = [
        f
        for f in evidence.fields
        if (f.key.casefold() == want if f.name is not None else want in {k.casefold() for k in f.id_keys})
    ]
    if not matching:
        return []
    judged = FieldVerdicts(evidence)
    written, addressed = judged.written, judged.addressed
    filled = _filled(evidence, matching, judged)
    lines: list[str] = []
    for field in matching:
        where = field.location
        place = f"{where.path}:{where.line}:{where.column}" if where.path else field.source
        if lines:
            lines.append("")
        key = field.key if field.name is not None else next(k for k in field.id_keys if k.casefold() == want)
        lines.append(f"{key} ({place})")
        label = f", label '{field.label}'" if field.label else ""
        article = "an" if field.control[:1].lower() in "aeiou" else "a"  # an email control
        lines.append(f"  form field: {article} {field.control} control of the form '{field.form}'{label}")
        if field.name is None and field.role is FieldRole.INPUT:
            lines.extend(_explain_nameless(field, key, evidence, written, addressed))
            continue
        if field.role is FieldRole.CONSENT:
            lines.append(
                "  a consent control: it records the person's choice; a purpose's consent declares it"
            )
            continue
        if field.role is FieldRole.DISABLED:
            lines.append("  not collected: a disabled control, which a browser never submits (no CN101)")
            continue
        if field.role is FieldRole.SEARCH:
            lines.append(
                "  not collected: a search or filter box (a GET form, Rails search_form_for, a ransack "
                "name), a query over data people gave elsewhere (no CN101, GDPR Art. 13)"
            )
            continue
        if field.role is not FieldRole.INPUT:
            lines.append(f"  not data a person fills in: a {field.role.value} control (no CN101)")
            continue
        if written:
            languages = ", ".join(written)
            lines.append(f"  forms written in: {languages} (a term of another language is not read)")
        if field.form in addressed:
            lines.append(
                f"  the form '{field.form}' asks for an address: a state or department is a region of it"
            )
        kind, confidence, because = _field_verdict(field, judged)
        lines.append(f"  verdict: personal, {kind or 'kind unknown'} ({confidence} confidence)")
        lines.append(f"  because {because}")
        if field.key in filled:
            lines.append(f"  {filled[field.key]}")
    return lines


def _explain_nameless(
    field: FormField, key: str, evidence: Evidence, written: tuple[str, ...], addressed: frozenset[str]
) -> list[str]:
    """A control with no name, by its id: what the audit's CN001 says of it, and its verdict.

    The audit's fix says to declare it as `FORM.ID` (`cnsnt.sources.forms.common.nameless_fix`),
    so the key it names is one explain-column knows (review26 D9).
    """
    from cnsnt.classify import classify_field
    from cnsnt.rules.source.nameless import weighed

    ident = key.rsplit(".", 1)[1]
    lines = [
        f"  no name, only the id '{ident}': a browser sends it only when a script does (a form "
        f"sent by script reads it by its id); the audit (CN001) asks to declare it as {key}, or "
        "under the name the script sends it",
    ]
    problem = next((p for p in evidence.problems if p.nameless == field), None)
    if problem is not None:
        message, severity, _ = weighed(problem)
        judged = message[len(problem.message) :].lstrip("; ")
        level = severity.value if severity is not None else "error"
        if judged:
            lines.append(f"  CN001 ({level}): {judged}")
    verdict = classify_field(
        ident, field.label, field.control, written, field.form, field.form in addressed,
        label_hint=field.label_hint,
    )
    category = verdict.category or "kind unknown"
    lines.append(
        f"  verdict if a script sends it: personal, {category} ({verdict.confidence.value} confidence)"
    )
    lines.append(f"  because {verdict.reason}")
    return lines


def _filled(
    evidence: Evidence, fields: list[FormField], judged: FieldVerdicts, reading: TableReading | None = None
) -> dict[str, str]:
    """For the fields that fill a personal column: what init does with them, as it says it.

    `reading`: `evidence.tables` already read, and `evidence.classified` filled from it;
    None to read them here.
    """
    from cnsnt.classify import read_tables
    from cnsnt.engine import classify
    from cnsnt.starter.column_kinds import column_types, of_no_kind, unheld
    from cnsnt.starter.form_columns import fills, unfilled
    from cnsnt.starter.things import column_tables, set_aside

    if not evidence.tables:
        return {}
    if reading is None:
        reading = read_tables(evidence.tables)
    classify(evidence, reading)
    kinds = {f.key: judged(f).category for f in fields}
    unknown = {key: category is None for key, category in kinds.items()}
    tables = column_tables(evidence)
    open_columns = frozenset(
        key.casefold() for key, v in evidence.classified.items() if v.personal and of_no_kind(v.category)
    )
    given = _given_kinds(evidence, reading, judged)
    out: dict[str, str] = {}
    filled = fills(evidence, reading, unknown, open_columns)
    vetoed = unheld(filled, {k: c for k, c in kinds.items() if c is not None}, column_types(evidence.columns))
    for key, fill in filled.items():
        verdict = evidence.classified.get(fill.column)
        if key in vetoed and not (verdict is not None and verdict.personal):
            what = set_aside(fill.column, tables.get(fill.column, ""), reading, evidence)
            out[key] = (
                f"fills the column '{fill.column}' ({fill.how}), whose type {vetoed[key]} cannot hold "
                "that kind: cnsnt init gives it no kind"
                + (f", and, as the column is {what}, writes it under ignore:" if what is not None else "")
            )
            continue
        if verdict is not None and verdict.personal:
            taken = given.get(fill.column.casefold())
            if of_no_kind(verdict.category) and taken is not None and key in taken.fields:
                out[key] = (
                    f"fills the column '{fill.column}' ({fill.how}), of no kind of its own: cnsnt "
                    f"init files that column with it, as {taken.category}"
                )
                continue
            category = verdict.category or "kind unknown"
            out[key] = (
                f"fills the column '{fill.column}' ({fill.how}): cnsnt init files it with that "
                f"column, as {category}"
            )
            continue
        what = set_aside(fill.column, tables.get(fill.column, ""), reading, evidence)
        low = verdict is not None and verdict.confidence is Confidence.LOW
        if unknown.get(key) and what is None and low:
            # `cnsnt.starter.own_rows`: the person's own row, one datum with the field
            out[key] = (
                f"fills the column '{fill.column}' ({fill.how}), not personal by its own name: cnsnt "
                "init files that column with it, of no known kind"
            )
            continue
        if (unknown.get(key) or fill.bound) and what is not None:
            # `cnsnt.starter.things`: init lists it under ignore:
            out[key] = (
                f"fills the column '{fill.column}' ({fill.how}), which cnsnt finds {what}: "
                "cnsnt init writes it under ignore:"
            )
    # the others: why none (the form names no object, or one no table keeps), as init's comment says
    for key, why in unfilled(evidence, {k: c is not None for k, c in kinds.items()}, filled).items():
        out[key] = why
    return out
