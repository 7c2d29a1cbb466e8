"""The command line: a thin typer layer over `cnsnt.api`.

This is the only module that prints, reads argv or exits. The report goes to
stdout; progress, summaries and errors go to stderr.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import re
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from cnsnt import ISSUES_URL, __version__
from cnsnt.errors import CnsntError, OutputError, PolicyError, UsageError
from cnsnt.model import ExitCode, Severity
from cnsnt.output import write_atomic
from cnsnt.redact import redact
from cnsnt.sources.base import Limits
from cnsnt.textsafe import printable

if TYPE_CHECKING:
    from cnsnt.config import Settings
    from cnsnt.starter.review_marks import ReviewOutcome
    from cnsnt.starter.run import Draft

app = typer.Typer(
    name="cnsnt",
    help="Consent and data-minimization auditor: checks schemas, forms and SQL against a privacy policy.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])


class _SafeConsole(Console):
    """stderr: every message redacted and its control characters shown as escapes."""

    def print(self, *objects: Any, **kwargs: Any) -> None:  # noqa: D102 - as Console.print
        super().print(
            *(printable(redact(o)) if isinstance(o, str) else o for o in objects), **kwargs
        )


class _RedactingHandler(logging.Handler):
    """Third-party log records (SQLAlchemy, warnings, ...) on stderr, redacted."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken log call must not break the audit
            message = str(record.msg)
        _stderr().print(
            f"{record.levelname.lower()}: {record.name}: {message}", markup=False, soft_wrap=True
        )


def _route_logging() -> None:
    """Send every log record and Python warning through `redact` (once per process)."""
    root = logging.getLogger()
    if not any(isinstance(h, _RedactingHandler) for h in root.handlers):
        root.addHandler(_RedactingHandler(logging.WARNING))
    logging.captureWarnings(True)


def _stderr(no_color: bool = False) -> Console:
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    return _SafeConsole(
        stderr=True,
        highlight=False,
        emoji=False,  # a file named `a:100:.csv` is printed as named, never as an emoji
        no_color=plain,
        force_terminal=True if _force_color() and not plain else None,
    )


def _fail(code: ExitCode, message: str) -> NoReturn:
    _stderr().print(message, markup=False, soft_wrap=True)
    raise typer.Exit(int(code))


def guarded(func: F) -> F:
    """Turn cnsnt errors into messages and exit codes; a bug exits 3 with where to report it."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = bool(kwargs.get("debug"))
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except PolicyError as exc:
            console = _stderr()
            for problem in exc.problems:
                console.print(f"error: {problem}", markup=False, soft_wrap=True)
            console.print(
                f"{len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''} in the policy; "
                "nothing was audited.",
                markup=False,
            )
            raise typer.Exit(int(ExitCode.USAGE)) from None
        except (UsageError, OutputError) as exc:
            _fail(ExitCode.USAGE, f"error: {exc}")
        except CnsntError as exc:
            _fail(ExitCode.USAGE, f"error: {exc}")
        except KeyboardInterrupt:
            _fail(ExitCode.INTERRUPTED, "interrupted: nothing was written")
        except Exception as exc:
            if debug:
                raise
            _fail(
                ExitCode.INTERNAL,
                f"internal error: {type(exc).__name__}: {exc}\n"
                f"This is a bug in cnsnt {__version__}. Please report it at {ISSUES_URL} "
                "with the command you ran; run again with --debug for the traceback.",
            )

    return wrapper  # type: ignore[return-value]


class ReportFormat(StrEnum):
    """Report formats (`--format`)."""

    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    markdown = "markdown"
    html = "html"


class FailOn(StrEnum):
    """Threshold for a failing exit code (`--fail-on`)."""

    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class Preset(StrEnum):
    """Regimes that change severities and notice requirements (`--preset`)."""

    gdpr = "gdpr"
    ccpa = "ccpa"
    strict = "strict"


PolicyOption = Annotated[
    Path | None,
    typer.Option(
        "--policy",
        "-p",
        metavar="FILE|DIR",
        help="Policy file or directory (default: cnsnt.yaml in PATH, else found by walking up).",
    ),
]
DbOption = Annotated[
    list[str] | None,
    typer.Option(
        "--db", metavar="URL", help="Add a live database (SQLAlchemy URL; ${ENV} expands; repeatable)."
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks for internal errors.")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colour (also: NO_COLOR).")]


def _dash_is_stdout(value: Path | None) -> Path | None:
    """`-o -` writes to stdout, as `cnsnt init -o -` does and most tools read `-` (review39 D6).

    Before, `cnsnt notice -o -` wrote a file named `-` in the working directory and said
    "written to -", with nothing on stdout.
    """
    return None if value is not None and str(value) == "-" else value


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (atomically) instead of stdout ('-': stdout).",
        callback=_dash_is_stdout,
    ),
]
VerboseOption = Annotated[
    bool,
    typer.Option(
        "--verbose",
        "-v",
        help="Say which configuration, policy and sources are read, and why rules are skipped.",
    ),
]


def _examples(*lines: str) -> str:
    """An `Examples:` epilog that --help prints line by line (a backspace line stops re-wrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


def _check_output_dir(*paths: Path | None) -> None:
    """Fail before the audit when a report could not be written (a missing directory)."""
    for path in paths:
        if path is None:
            continue
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            raise UsageError(
                f"cannot write {path.as_posix()}: the directory {parent.as_posix()} does not exist "
                "(create it first); nothing was audited"
            )


def _also_reports(values: list[str], output: Path | None) -> list[tuple[ReportFormat, Path]]:
    """`--also FORMAT=FILE` values, checked before anything is audited."""
    reports: list[tuple[ReportFormat, Path]] = []
    known = ", ".join(f.value for f in ReportFormat)
    for value in values:
        name, sep, file = value.partition("=")
        if not sep or not file:
            raise UsageError(f"--also {value!r}: write it as FORMAT=FILE, e.g. --also sarif=cnsnt.sarif")
        try:
            fmt = ReportFormat(name.strip().lower())
        except ValueError:
            raise UsageError(f"--also {value!r}: unknown format {name!r} (one of {known})") from None
        reports.append((fmt, Path(file)))
    files = [p for _, p in reports]
    if len(set(files)) != len(files):
        raise UsageError("--also: two reports would be written to the same file")
    if output is not None and output in files:
        raise UsageError(f"--also: {output} is already the --output file")
    return reports


def _force_color() -> bool:
    """FORCE_COLOR (any non-empty value but 0) asks for colour even without a terminal."""
    value = os.environ.get("FORCE_COLOR", "")
    return bool(value) and value != "0"


def _settings(path: Path | None) -> Settings:
    """`[tool.cnsnt]` settings of the project PATH (or the working directory) lies in."""
    from cnsnt.config import Settings, find_project

    project = find_project(path if path is not None else Path.cwd())
    return project.settings if project is not None else Settings()


def _color_wanted(no_color: bool, machine: bool, to_file: bool) -> bool:
    if no_color or machine or to_file or os.environ.get("NO_COLOR"):
        return False
    return _force_color() or sys.stdout.isatty()


def _width() -> int:
    """Terminal width, else COLUMNS, else 100 (stable for files and CI logs)."""
    if sys.stdout.isatty():
        return max(60, os.get_terminal_size().columns)
    try:
        return max(60, int(os.environ.get("COLUMNS", "100")))
    except ValueError:
        return 100


def _prefix(base_dir: Path) -> str:
    """The policy's directory relative to the repository root ('' when it is the same).

    SARIF, GitHub and GitLab resolve paths from the repository root, wherever cnsnt ran;
    outside a git work tree the working directory stands in for it.
    """
    from cnsnt.config import repository_root

    root = repository_root(base_dir) or Path.cwd()
    try:
        rel = Path(os.path.relpath(base_dir.resolve(), root.resolve())).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." or rel.startswith("..") else rel


def _encodable(text: str) -> str:
    """Lone surrogates (from an escape no reader caught) as U+FFFD: UTF-8 cannot hold them."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def _emit(text: str, output: Path | None) -> None:
    text = _encodable(text)
    if output is not None:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _append(path: Path, text: str) -> None:
    """Append to a file another program owns (the GitHub job summary)."""
    try:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write the job summary {path}: {exc.strerror or exc}") from None


def _say_configuration(
    err: Console,
    path: Path | None,
    policy_path: Path,
    select: list[str] | None,
    ignore: list[str] | None,
) -> None:
    """--verbose: where the configuration came from and what it selects."""
    from cnsnt.config import find_project

    project = find_project(path if path is not None else Path.cwd())
    if project is not None and project.source is not None:
        err.print(f"configuration: {project.source} [tool.cnsnt]", markup=False)
    err.print(f"policy: {policy_path.as_posix()}", markup=False)
    if select or ignore:
        err.print(
            f"rules: select {', '.join(select or ['ALL'])}; ignore {', '.join(ignore or ['none'])}",
            markup=False,
        )


def _check_dialect(dialect: str | None) -> None:
    if dialect is None:
        return
    from cnsnt.policy.loader import policy_json_schema

    known = policy_json_schema()["$defs"]["dialect"]["enum"]
    if dialect not in known:
        raise UsageError(f"unknown --dialect {dialect!r}; expected one of: {', '.join(known)}")


def _progress_wanted(quiet: bool, machine: bool) -> bool:
    return not quiet and not machine and sys.stderr.isatty() and not os.environ.get("CI")


#: Defaults of the source limits (docs/untrusted-input.md, "Limits").
_LIMITS = Limits()


@app.command(
    epilog=_examples(
        "cnsnt audit                                  # cnsnt.yaml here or in a parent directory",
        "cnsnt audit examples/restaurant --format json -o report.json",
        "cnsnt audit --format sarif -o cnsnt.sarif --fail-on never",
        "cnsnt audit --select CN2 --ignore pre-ticked-consent",
        "cnsnt audit --baseline .cnsnt-baseline.json  # fail only on new findings",
    )
)
@guarded
def audit(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            help="Project directory or its cnsnt.yaml (default: found by walking up from here).",
        ),
    ] = None,
    policy: PolicyOption = None,
    format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format", "-f", help="Report format (default: text, or [tool.cnsnt] format)."
        ),
    ] = None,
    output: OutputOption = None,
    also: Annotated[
        list[str] | None,
        typer.Option(
            "--also",
            metavar="FORMAT=FILE",
            help="Also write the same audit as FORMAT to FILE (repeatable; sarif=cnsnt.sarif).",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a finding is at or above this (default: error)."),
    ] = None,
    preset: Annotated[Preset | None, typer.Option("--preset", help="gdpr, ccpa or strict.")] = None,
    dialect: Annotated[
        str | None,
        typer.Option("--dialect", metavar="DIALECT", help="SQL dialect for every SQL source."),
    ] = None,
    db: DbOption = None,
    sample: Annotated[
        int,
        typer.Option(
            "--sample",
            min=0,
            metavar="N",
            help="Read up to N values per doubtful text column of live databases (values are never shown).",
        ),
    ] = 0,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", help="Parallel workers (0: all cores).")
    ] = 0,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            metavar="RULES",
            help="Run only these rules: codes (CN203), prefixes (CN2), names, ALL; comma-separated.",
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="RULES",
            help="Do not run these rules: codes, prefixes or names; comma-separated.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline", metavar="FILE", help="Fail only on findings not in this baseline."
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline", metavar="FILE", help="Write today's findings as a baseline."
        ),
    ] = None,
    show_suppressed: Annotated[
        bool, typer.Option("--show-suppressed", help="List waived and ignored findings too.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    verbose: VerboseOption = False,
    max_file_size: Annotated[
        int, typer.Option("--max-file-size", help="Largest schema or form file read, in bytes.")
    ] = _LIMITS.file_bytes,
    max_statement_size: Annotated[
        int, typer.Option("--max-statement-size", help="Longest SQL statement parsed, in characters.")
    ] = _LIMITS.statement_bytes,
    source_timeout: Annotated[
        float, typer.Option("--source-timeout", help="Seconds one source file may take (0: no limit).")
    ] = _LIMITS.source_seconds,
    max_depth: Annotated[
        int, typer.Option("--max-depth", help="Deepest JSON or HTML nesting read.")
    ] = _LIMITS.depth,
    allow_outside: Annotated[
        bool,
        typer.Option("--allow-outside", help="Read sources outside the policy's directory too."),
    ] = False,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Load the policy, collect all evidence, run all rules, report findings."""
    from cnsnt.api import audit as run_audit
    from cnsnt.api import resolve_policy_path
    from cnsnt.engine import select_rules
    from cnsnt.policy.loader import load_policy
    from cnsnt.reporters import RenderOptions, get_reporter
    from cnsnt.reporters.text import sources_line, summary_line
    from cnsnt.unread import unread_summary

    _check_dialect(dialect)
    extra = _also_reports(also or [], output)
    _check_output_dir(output, write_baseline, *(file for _, file in extra))
    settings = _settings(path)
    format = format or ReportFormat(settings.format or "text")
    fail_on = fail_on or FailOn(settings.fail_on or "error")
    preset = preset or (Preset(settings.preset) if settings.preset else None)
    select = select if select is not None else (list(settings.select) if settings.select else None)
    ignore = ignore if ignore is not None else (list(settings.ignore) if settings.ignore else None)
    select_rules(select, ignore)  # an unknown rule selector fails before the audit
    known_baseline = None
    if baseline is not None:
        from cnsnt.baseline import read_baseline

        known_baseline = read_baseline(baseline)  # a bad baseline fails before the audit
    if jobs < 0:
        raise UsageError("--jobs must be 0 (all cores) or more")
    policy_path = resolve_policy_path(path, policy if policy is not None else settings.policy)
    if min(max_file_size, max_statement_size, max_depth) < 1 or source_timeout < 0:
        raise UsageError(
            "--max-file-size, --max-statement-size and --max-depth must be 1 or more, "
            "--source-timeout 0 (no limit) or more"
        )
    limits = Limits(
        file_bytes=max_file_size,
        statement_bytes=max_statement_size,
        source_seconds=source_timeout,
        depth=max_depth,
        allow_outside=allow_outside,
    )
    err = _stderr(no_color)
    if verbose:
        _say_configuration(err, path, policy_path, select, ignore)
    loaded = load_policy(policy_path)
    reporter = get_reporter(format.value)
    progress_cb = None
    progress_ctx = None
    if _progress_wanted(quiet, reporter.machine):
        from rich.markup import escape as rich_escape
        from rich.progress import Progress

        progress_ctx = Progress(console=err, transient=True)
        tasks: dict[str, Any] = {}

        def progress_cb(desc: str, done: int, total: int) -> None:
            assert progress_ctx is not None
            if desc not in tasks:
                # A description is shown as rich markup: escape it, and its controls.
                shown = rich_escape(printable(redact(desc)))
                tasks[desc] = progress_ctx.add_task(shown, total=total)
            progress_ctx.update(tasks[desc], completed=done, total=total)

        progress_ctx.start()
    collected: list[Any] = []
    try:
        result = run_audit(
            loaded,
            dialect=dialect,
            jobs=jobs,
            preset=preset.value if preset else None,
            databases=db or (),
            sample=sample,
            select=select,
            ignore=ignore,
            progress=progress_cb,
            on_source=(lambda s: err.print(f"reading {s}", markup=False)) if verbose else None,
            debug=debug,
            limits=limits,
            evidence_sink=collected.append
            if ReportFormat.html in {format, *(f for f, _ in extra)}
            else None,
        )
    finally:
        if progress_ctx is not None:
            progress_ctx.stop()
    if write_baseline is not None:
        from cnsnt.baseline import baseline_text

        write_atomic(write_baseline, _encodable(baseline_text(result.findings)))
    if known_baseline is not None:
        from cnsnt.baseline import apply_baseline

        result = apply_baseline(result, known_baseline)
    datamap_svg, datamap_note = None, None
    if collected:
        from cnsnt.inventory import build_inventory
        from cnsnt.inventory.render import dot_path, render_svg

        if dot_path() is None:
            datamap_note = "Install Graphviz (apt-get install graphviz) to see the data map here."
        else:
            datamap_svg = render_svg(build_inventory(loaded, collected[0], result.findings))
    options = RenderOptions(
        width=_width(),
        color=_color_wanted(no_color, reporter.machine, output is not None),
        show_suppressed=show_suppressed,
        path_prefix=_prefix(loaded.base_dir),
        datamap_svg=datamap_svg,
        datamap_note=datamap_note,
    )
    if verbose:
        for skipped in result.skipped:
            err.print(f"skipped {skipped.rule}: {skipped.reason}", markup=False, soft_wrap=True)
    _emit(reporter.render(result, options), output)
    for extra_format, extra_file in extra:
        # the same result, rendered again: one audit, every report agrees
        _emit(get_reporter(extra_format.value).render(result, replace(options, color=False)), extra_file)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if format is ReportFormat.github and summary_file:
        from cnsnt.reporters.github import job_summary

        _append(Path(summary_file), job_summary(result, options))
    if not quiet:
        sources = sources_line(result)
        not_read = unread_summary(result.findings, loaded.sources, loaded.base_dir)
        err.print(
            f"cnsnt: {summary_line(result)}"
            + (f" (read {sources})" if sources else "")
            + (f"; {not_read}" if not_read else ""),
            markup=False,
            soft_wrap=True,
        )
        for written in [output, *(file for _, file in extra)]:
            if written is not None:
                err.print(f"report written to {written}", markup=False)
    threshold = None if fail_on is FailOn.never else Severity(fail_on.value)
    raise typer.Exit(int(ExitCode.FINDINGS if result.fails(threshold) else ExitCode.OK))


@app.command(
    epilog=_examples(
        "cnsnt validate                    # the cnsnt.yaml here",
        "cnsnt validate policies/          # every *.yaml in a directory, merged",
        "cnsnt validate --format json",
    )
)
@guarded
def validate(
    path: Annotated[Path | None, typer.Argument(help="Policy file or directory.")] = None,
    policy: PolicyOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.text,
    preset: Annotated[Preset | None, typer.Option("--preset")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on")] = FailOn.error,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Check the policy alone: schema errors exit 2; policy-only rules are reported."""
    from cnsnt.api import resolve_policy_path
    from cnsnt.engine import run_rules
    from cnsnt.evidence import Evidence
    from cnsnt.model import AuditResult
    from cnsnt.policy.loader import find_policy, load_policy, policy_files
    from cnsnt.reporters import RenderOptions, get_reporter
    from cnsnt.reporters.text import summary_line
    from cnsnt.rules import all_rules

    if policy is None and path is not None and path.is_dir() and find_policy(path) is None:
        # `validate DIR` on a directory of policy files (no cnsnt.yaml): validate them merged.
        if not policy_files(path):
            raise UsageError(f"no cnsnt.yaml and no *.yaml policy files in {path.as_posix()}")
        target = path
    else:
        target = resolve_policy_path(path, policy)
    loaded = load_policy(target)
    policy_only = [r.code for r in all_rules() if not r.needs]
    findings, suppressed, _ = run_rules(
        loaded, Evidence(), preset=preset.value if preset else None, select=policy_only
    )
    result = AuditResult(loaded.path, tuple(findings), tuple(suppressed))
    reporter = get_reporter(format.value)
    if format is ReportFormat.text and not findings:
        _stderr(no_color).print(f"{loaded.path}: valid policy", markup=False)
    else:
        _emit(
            reporter.render(
                result,
                RenderOptions(
                    width=_width(), color=_color_wanted(no_color, reporter.machine, False)
                ),
            ),
            None,
        )
        _stderr(no_color).print(f"cnsnt: {summary_line(result)}", markup=False)
    threshold = None if fail_on is FailOn.never else Severity(fail_on.value)
    raise typer.Exit(int(ExitCode.FINDINGS if result.fails(threshold) else ExitCode.OK))


@app.command(
    epilog=_examples(
        "cnsnt init                  # find the sources below . and write ./cnsnt.yaml",
        "cnsnt init app/ -o -        # print the starter policy instead of writing it",
        "cnsnt init --update         # add fields found since; every existing line stays",
        "cnsnt init --update --sources   # and the schema and form files sources: does not name",
        "cnsnt init --update --reviewed review.csv   # act on explain-column's list, personal cells edited",
        "cnsnt init --db 'postgresql://auditor:${PGPASSWORD}@db/shop'   # a live database too",
    )
)
@guarded
def init(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="PATH",
            help="Project directory (default: .); with --update, the project or its policy.",
        ),
    ] = None,
    update: Annotated[
        bool, typer.Option("--update", help="Add newly found fields to the existing policy.")
    ] = False,
    sources: Annotated[
        bool,
        typer.Option(
            "--sources",
            help="With --update: add to sources: the schema, form and query files init finds that "
            "it does not name (else they are only named).",
        ),
    ] = False,
    reviewed: Annotated[
        Path | None,
        typer.Option(
            "--reviewed",
            metavar="FILE",
            help="With --update: the CSV or JSON cnsnt explain-column wrote, its personal cells "
            "edited (true/false): columns and form fields marked true become data entries' "
            "fields, those marked false that no entry declares go under ignore:; a note cell "
            "goes into the comment of the line written for its row.",
        ),
    ] = None,
    key_patterns: Annotated[
        bool,
        typer.Option(
            "--key-patterns",
            help="With --reviewed: write a table's keys marked false on one line of ignore: "
            "(bookings.id, bookings.member_id, ...), each as it is: the same items as without it, so a "
            "column added later, a key too, is asked about.",
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing policy file.")] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the policy here (default: PATH/cnsnt.yaml; - for stdout).",
        ),
    ] = None,
    dialect: Annotated[
        str | None,
        typer.Option("--dialect", metavar="DIALECT", help="SQL dialect for every SQL source."),
    ] = None,
    db: Annotated[
        list[str] | None,
        typer.Option(
            "--db",
            metavar="URL",
            help=(
                "Read a live database too, listed under databases: (password only as ${VAR}; "
                "a SQLite file inside the project only; repeatable)."
            ),
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    debug: DebugOption = False,
) -> None:
    """Find the personal data in a project and write a starter policy (cnsnt.yaml).

    Every personal column and form field is grouped into data entries by category
    (those of unknown kind by the person or the form folder they belong to), each
    with the classifier's reason as a comment and purposes left to fill in.

    It then counts the lists of a review pass, in the order to work through them, each
    with its command: the columns left out unsure (explain-column '*' --undecided
    --verdict not-personal --confidence low), init's unsure lines (--verdict personal
    --confidence low), then the third list, the columns left out in tables beside
    personal ones (--verdict not-personal --beside-personal). Mark one (--format csv)
    and give it back with --update --reviewed FILE.
    """
    from cnsnt.api import resolve_policy_path
    from cnsnt.starter.run import draft_new, draft_update

    _check_dialect(dialect)
    root = path or Path(".")
    to_stdout = output is not None and str(output) == "-"
    if sources and not update:
        raise UsageError("--sources goes with --update: cnsnt init writes every source it finds")
    if reviewed is not None and not update:
        raise UsageError(
            "--reviewed goes with --update: add --update (cnsnt init --update --reviewed FILE) to act "
            "on the reviewed list in the existing policy"
        )
    if key_patterns and reviewed is None:
        raise UsageError(
            "--key-patterns goes with --reviewed: it writes the keys a reviewed list marks false "
            "(cnsnt init --update --reviewed FILE --key-patterns)"
        )
    if update:
        if force:
            raise UsageError("--update and --force do not go together")
        if db:
            raise UsageError("--update reads the databases the policy lists: add the URL under databases:")
        from cnsnt.policy.loader import find_policy, policy_files

        if path is not None and path.is_dir() and find_policy(path) is None and policy_files(path):
            target_policy = path  # a directory of policy files, merged (as in validate)
        else:
            target_policy = resolve_policy_path(path, None)
        draft = draft_update(
            target_policy, dialect=dialect, sources=sources, reviewed=reviewed, key_patterns=key_patterns
        )
    else:
        target = None if to_stdout else (output or root / "cnsnt.yaml")
        if target is not None and target.exists() and not force:
            raise UsageError(
                f"{target.as_posix()} exists: run cnsnt init --update to add newly found fields, "
                "or --force to replace it"
            )
        draft = draft_new(root, output=target, dialect=dialect, databases=db or ())
    if to_stdout:
        sys.stdout.write(draft.text)
    elif draft.changed:
        write_atomic(output if output is not None and update else draft.path, draft.text)
    if quiet:
        raise typer.Exit(int(ExitCode.OK))
    from cnsnt.policy.loader import display_path

    err = _stderr()
    entries = len(draft.entries)
    # one way of naming the file whether init or --update found it: relative to here when
    # inside it (--update finds a policy by walking up, as an absolute path)
    if update and (not draft.changed or _only_noted(draft)):
        # only what was read: files sources: does not name are said below (review24 D1)
        changed = (
            f"updated the note under sources: on the upgrade patches of {', '.join(draft.noted)}"
            if draft.changed
            else "nothing changed"
        )
        err.print(
            f"{display_path(draft.path)}: no new personal field found in the files named under "
            f"sources:; {changed}",
            markup=False,
            soft_wrap=True,
        )
        for alert in draft.alerts:  # what init leaves out today and no source reads (review35 R35b D1)
            _note(err, alert)
        _read_notes(err, draft)
        _review_notes(err, draft)
        _unsure_note(err, draft, root)
    else:
        written = output if update and output else draft.path
        where = "printed" if to_stdout else f"written to {display_path(written)}"
        into = f"in {entries} data entr{'ies' if entries != 1 else 'y'}"
        if draft.joined:
            names = ", ".join(j.name for j in draft.joined)
            joined = len(draft.joined)
            # "added to": the existing entries named are those joined, not the only ones without
            # purposes (review34 R34b D11)
            into = (
                f"{into}, and added to {joined} existing one{'s' if joined != 1 else ''} without "
                f"purposes ({names})"
                if entries
                else f"added to {joined} existing data entr{'ies' if joined != 1 else 'y'} without "
                f"purposes ({names})"
            )
        # "3 personal fields in 2 data entries", or "added to 1 existing data entry" alone
        said = f"{draft.fields} personal field{'s' if draft.fields != 1 else ''} {into}"
        if draft.refiled:  # a reviewed list's other category moves a line: no new field (trial30 H#1)
            new = draft.fields - draft.refiled
            said = (
                f"{new} new personal field{'s' if new != 1 else ''} and {draft.refiled} re-filed under "
                f"another category, {into}"
            )
        if draft.reviewed is not None:  # each part the list wrote, as its own line counts them (fix31a)
            parts = _reviewed_parts(draft.reviewed)
            if not draft.fields:  # no data entry gained a field
                said = ", ".join(parts) or "no personal field added to data entries"
            else:
                said = ", ".join([said, *parts])
        err.print(f"cnsnt init: {said}, {where}", markup=False, soft_wrap=True)
        if draft.noted:
            err.print(
                f"updated the note under sources: on the upgrade patches of {', '.join(draft.noted)}",
                markup=False,
                soft_wrap=True,
            )
        if not update and not draft.sources:
            err.print(
                f"no schema, form or query file found under {root.as_posix()}: name yours under "
                "sources: in the policy (docs/sources.md lists what init recognises)",
                markup=False,
                soft_wrap=True,
            )
        if draft.ignored:
            count = len(draft.ignored)
            fields = f"{count} form field{'s' if count != 1 else ''}"
            err.print(
                f"{fields} fill{'' if count != 1 else 's'} a column cnsnt finds not personal "
                "(about a thing): listed under ignore:, check them",
                markup=False,
                soft_wrap=True,
            )
        if draft.searched:
            count = draft.searched
            err.print(
                f"{count} field{'s' if count != 1 else ''} of search or filter forms (method=\"get\", "
                "Rails search_form_for, ransack names such as email_cont, Livewire's wire:model.live "
                "search and filter boxes) not proposed: a query over "
                "data, not collected from the person; cnsnt audit notes each form (CN001 info)",
                markup=False,
                soft_wrap=True,
            )
        for alert in draft.alerts:
            _note(err, alert)
        for found in draft.uncovered:
            held = found.catch_all
            if held is None:
                continue
            _note(
                err,
                f"{found.key}: added by name as {found.category}; until now only the catch-all "
                f"'{held.pattern}' ({held.where}, entry '{held.entry}') named it, which init writes "
                "for a form of fields of no known kind",
            )
        _read_notes(err, draft)
        _review_notes(err, draft)
        if draft.warnings:
            err.print(
                f"{draft.warnings} warning{'s' if draft.warnings != 1 else ''} about parts of the "
                "sources read around (a field with no name, a call cnsnt cannot follow): run cnsnt "
                "audit to see them (CN001)",
                markup=False,
                soft_wrap=True,
            )
        _unsure_note(err, draft, root)
        err.print(
            "next: fill in purposes, retention and recipients, then run cnsnt audit",
            markup=False,
            soft_wrap=True,
        )
    raise typer.Exit(int(ExitCode.OK))


def _reviewed_parts(outcome: ReviewOutcome) -> list[str]:
    """What a reviewed list wrote besides fields: `10 items put under ignore:`, `3 lines ... confirmed`.

    Said after the fields, or alone when no data entry gained one: not "no personal field
    added", which read as if nothing was written (trial J, T4b), nor the fields alone on a
    mixed pass, whose list line named every part (fix31a).
    """
    parts = []
    if outcome.ignore_items:  # one each, a table's keys on one line or not (--key-patterns)
        count = len(outcome.ignore_items)
        parts.append(f"{count} item{'s' if count != 1 else ''} put under ignore:")
    if outcome.confirmed:  # the comments of init's lines say who checked them
        count = len(outcome.confirmed)
        parts.append(f"{count} line{'s' if count != 1 else ''} cnsnt init wrote confirmed")
    if outcome.unignored:  # a `true` for an item a list wrote: the pattern goes too (trial K)
        count = len(outcome.unignored)
        parts.append(f"{count} item{'s' if count != 1 else ''} taken off ignore:")
    return parts


def _only_noted(draft: Draft) -> bool:
    """Whether `--update` changed only init's note on upgrade patches (no field, source or review)."""
    return bool(draft.noted) and not (draft.fields or draft.added_sources or draft.reviewed is not None)


def _note(err: Console, note: str) -> None:
    r"""One note of init on stderr, kept to one line: a break in a name a file wrote is shown as `\\n`.

    Notes name what the sources hold (XAML bindings, files, columns, reviewed rows), so a
    line break in one must not print a line of its own (codereview29 F7, codereview30 F3).
    """
    err.print(printable(note, lines=False), markup=False, soft_wrap=True)


def _review_notes(err: Console, draft: Draft) -> None:
    """`--reviewed`: each row not applied as asked, then what the reviewed list changed."""
    from cnsnt.starter.review_notes import review_notes

    if draft.reviewed is not None:
        for note in review_notes(draft.reviewed):
            _note(err, note)


def _unsure_note(err: Console, draft: Draft, root: Path) -> None:
    """The lists of a review pass nobody has worked through yet: how many rows, and the command for each.

    In the order docs/init.md gives them: both halves of the unsure list, then the third
    list, the columns left out beside personal ones (only in the docs before: fix31a).
    `--undecided` leaves out what the policy already decides, so each count and list
    shrink as a reviewer works through them: on the personal half, a `true` on init's
    `unsure, check` line answers it (review34 R34a D1, R34b D3; review35 R35a D1, R35b D2).
    """
    where = "" if root == Path(".") else " " + shlex.quote(root.as_posix())  # set by init only
    if draft.unsure:
        count = draft.unsure
        err.print(
            f"{count} column{'s' if count != 1 else ''} left out as not personal, unsure (a "
            "state, flag or count in a person's row; a word cnsnt does not know): check "
            f"{'them' if count != 1 else 'it'} with cnsnt explain-column '*'{where} --undecided "
            "--verdict not-personal --confidence low",
            markup=False,
            soft_wrap=True,
        )
    if draft.asked or draft.asked_fields:
        columns, fields = draft.asked, draft.asked_fields
        said = [f"{columns} column{'s' if columns != 1 else ''}"] if columns else []
        said += [f"{fields} form field{'s' if fields != 1 else ''}"] if fields else []
        many = columns + fields != 1
        err.print(
            f"{' and '.join(said)} declared personal, unsure (init's 'unsure, check' lines nobody has "
            f"answered yet): check {'them' if many else 'it'} with cnsnt explain-column '*'{where} "
            "--undecided --verdict personal --confidence low",
            markup=False,
            soft_wrap=True,
        )
    if draft.asked_forms:
        _whole_forms_note(err, draft.asked_forms)
    if draft.beside:
        count = draft.beside
        # its low rows are the first list's: the count is what it holds now, those left aside; the
        # answers to the lists before it move it, as they declare columns of new tables or take
        # a table's last declared one away (docs/init.md, trial L)
        err.print(
            f"{count} column{'s' if count != 1 else ''} left out as not personal at medium or high "
            "confidence, in tables where the policy declares another and in join tables linked to them "
            "(the third list: most misses left after the unsure ones are there): check "
            f"{'them' if count != 1 else 'it'} with cnsnt "
            f"explain-column '*'{where} --undecided --verdict not-personal --beside-personal",
            markup=False,
            soft_wrap=True,
        )


def _whole_forms_note(err: Console, patterns: Sequence[str]) -> None:
    """Whole-form lines init left asking: on no list, so named, with how to answer each (review38 D2)."""
    count = len(patterns)
    shown = ", ".join(patterns[:3]) + (f" and {count - 3} more" if count > 3 else "")
    one = count == 1
    err.print(
        f"{count} whole form{'s' if not one else ''} declared personal, unsure ({shown}: init's "
        f"'unsure, check' line{'s' if not one else ''} for a form of fields of no kind cnsnt knows), "
        f"on no list: answer {'each' if not one else 'it'} with a row such as '{patterns[0]},false' in "
        "a list for cnsnt init --update --reviewed, or keep the line and delete 'unsure, check' from "
        "its comment",
        markup=False,
        soft_wrap=True,
    )


def _read_notes(err: Console, draft: Draft) -> None:
    """What init or --update did not read: files sources: leaves out, parts that failed."""
    from cnsnt.starter.unlisted import unlisted_notes

    for note in unlisted_notes(draft.added_sources, draft.unlisted, draft.sources_file):
        _note(err, note)
    if draft.problems:
        err.print(
            f"{draft.problems} part{'s' if draft.problems != 1 else ''} of the sources could not "
            "be read: run cnsnt audit to see them (CN001)",
            markup=False,
            soft_wrap=True,
        )


class NoticeFormat(StrEnum):
    """Formats of `cnsnt notice`."""

    markdown = "markdown"
    html = "html"
    json = "json"


class NoticeLayer(StrEnum):
    """Layers of `cnsnt notice`: the one-screen summary or every required element."""

    short = "short"
    full = "full"


@app.command(
    epilog=_examples(
        "cnsnt notice examples/restaurant --lang it --format html -o privacy.it.html",
        "cnsnt notice --layer short                     # the one-table summary",
        "cnsnt notice --check docs/privacy.md           # exit 1 when the published one is stale",
    )
)
@guarded
def notice(
    path: Annotated[
        Path | None, typer.Argument(help="Project directory or policy file (default: .).")
    ] = None,
    policy: PolicyOption = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            "-l",
            help="Language (BCP 47: en, it, ca, tr, ru, hu, es, de, fr, pt, nl, pl; "
            "pt-BR or it_IT pick the nearest).",
        ),
    ] = "en",
    format: Annotated[
        NoticeFormat, typer.Option("--format", "-f", help="markdown, html or json.")
    ] = NoticeFormat.markdown,
    layer: Annotated[
        NoticeLayer, typer.Option("--layer", help="short (a table) or full (every element).")
    ] = NoticeLayer.full,
    preset: Annotated[
        Preset | None, typer.Option("--preset", help="gdpr (default), ccpa or strict.")
    ] = None,
    output: OutputOption = None,
    check: Annotated[
        Path | None,
        typer.Option(
            "--check",
            metavar="FILE",
            help="Exit 1 when this published notice no longer matches.",
        ),
    ] = None,
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="Write the notice even when the policy is incomplete, marked "
            "'Draft: not for publication' (--check refuses it).",
        ),
    ] = False,
    no_audit: Annotated[
        bool,
        typer.Option(
            "--no-audit",
            help="Do not read the policy's sources for undeclared personal data (CN101).",
        ),
    ] = False,
    theme: Annotated[
        Path | None,
        typer.Option(
            "--theme",
            help="Brand the HTML notice: a YAML or CSS file of colours, font, logo URL, radius.",
        ),
    ] = None,
    fragment: Annotated[
        bool,
        typer.Option(
            "--fragment", help="HTML as an embeddable <section> (no <html>), styles scoped to it."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or summary.")] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="List every finding (without it, one line per kind, with a count).",
        ),
    ] = False,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Write the customer-facing notice from the policy, or check a published one.

    The notice is written only when it is true and complete: errors CN602
    (missing elements), CN206 (special data on a weak basis), CN102 and CN103
    (data for no purpose, or for a purpose or recipient the policy does not
    define) and CN101 (personal data the sources hold but the policy does not
    declare) exit 1 and write nothing, unless --draft.
    """
    from cnsnt.api import notice as make_notice
    from cnsnt.api import resolve_policy_path
    from cnsnt.finding_groups import Fold, fold_alike
    from cnsnt.notices import check_notice
    from cnsnt.policy.loader import load_policy

    loaded = load_policy(resolve_policy_path(path, policy))
    err = _stderr(no_color)
    if check is not None:
        try:
            published = check.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {check}: {getattr(exc, 'strerror', None) or exc}") from None
        verdict = check_notice(loaded, published, source=str(check))
        err.print(f"{'ok' if verdict.ok else 'error'}: {verdict.reason}", markup=False, soft_wrap=True)
        raise typer.Exit(int(ExitCode.OK if verdict.ok else ExitCode.FINDINGS))
    fmt = format.value
    if fragment:
        if format is NoticeFormat.json:
            raise UsageError("--fragment is HTML; --format json is already embeddable data")
        fmt = "fragment"
    brand = None
    if theme is not None:
        from cnsnt.notices import load_theme

        if fmt not in ("html", "fragment"):
            raise UsageError("--theme styles the HTML notice: add --format html or --fragment")
        brand = load_theme(theme)
    result = make_notice(
        loaded,
        lang=lang,
        fmt=fmt,
        theme=brand,
        layer=layer.value,
        preset=preset.value if preset else None,
        draft=draft,
        with_audit=not no_audit,
    )
    if not quiet:
        for note in result.notes:
            err.print(f"note: {note}", markup=False, soft_wrap=True)
    blocked = bool(result.blockers) and not draft
    shown = {f.fingerprint() for f in result.blockers}
    findings = [*result.blockers, *(w for w in result.warnings if w.fingerprint() not in shown)]
    if quiet:
        findings = [f for f in findings if blocked and f.severity is Severity.ERROR]
    # Findings are a to-do list, a refusal's as a draft's: one line per kind unless --verbose
    # (review33 R33a: a refused starter's notice printed 105 lines, one per entry).
    grouped = fold_alike(findings) if not verbose else [Fold(f, 1, ()) for f in findings]
    for fold in grouped:
        finding = fold.first
        err.print(
            f"{finding.severity.value}: {finding.location}: {finding.rule} {finding.message}{fold.more()}",
            markup=False,
            soft_wrap=True,
        )
    if len(grouped) < len(findings):
        where = f" {shlex.quote(str(path))}" if path is not None else ""
        each = f", cnsnt validate{where} lists the policy's with a fix for each" if blocked else ""
        err.print(
            f"{len(findings)} findings in {len(grouped)} lines, one per kind; "
            f"--verbose lists each{each}",
            markup=False,
            soft_wrap=True,
        )
    if blocked:
        count = len(result.blockers)
        err.print(
            f"notice not written: {count} error{'s' if count != 1 else ''} make it wrong or "
            "incomplete. Fix the policy (cnsnt validate, cnsnt audit), or add --draft for a "
            "copy marked 'Draft: not for publication'.",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(int(ExitCode.FINDINGS))
    _emit(result.text, output)
    if not quiet and output is not None:
        kind = "draft notice" if draft else "notice"
        err.print(f"{kind} version {result.version} written to {output}", markup=False)
    raise typer.Exit(int(ExitCode.OK))


class InventoryFormat(StrEnum):
    """Formats of `cnsnt inventory` (`--ropa` takes markdown, html, csv or json)."""

    table = "table"
    markdown = "markdown"
    csv = "csv"
    json = "json"
    svg = "svg"
    dot = "dot"
    html = "html"


@app.command(
    epilog=_examples(
        "cnsnt inventory                          # the data map as a table",
        "cnsnt inventory --format svg -o datamap.svg",
        "cnsnt inventory --ropa --format html -o ropa.html   # GDPR Art. 30 record",
    )
)
@guarded
def inventory(
    path: Annotated[
        Path | None,
        typer.Argument(metavar="PATH", help="Project directory or policy file (default: .)."),
    ] = None,
    policy: PolicyOption = None,
    format: Annotated[
        InventoryFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, markdown, csv, json, or svg (a data-flow diagram, needs Graphviz) "
            "and dot; with --ropa: markdown (default), html, csv or json.",
        ),
    ] = None,
    ropa: Annotated[
        bool,
        typer.Option("--ropa", help="A GDPR Art. 30(1) record of processing activities instead."),
    ] = False,
    output: OutputOption = None,
    dialect: Annotated[
        str | None,
        typer.Option("--dialect", metavar="DIALECT", help="SQL dialect for every SQL source."),
    ] = None,
    db: Annotated[
        list[str] | None,
        typer.Option("--db", metavar="URL", help="Add a live database (SQLAlchemy URL)."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", help="Parallel workers (0: all cores).")
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No notes on stderr.")] = False,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """The data map: each datum, where it is collected, stored, used and shared."""
    from cnsnt.api import resolve_policy_path
    from cnsnt.policy.loader import load_policy

    _check_dialect(dialect)
    loaded = load_policy(resolve_policy_path(path, policy))
    err = _stderr(no_color)
    if ropa:
        from cnsnt.inventory import ROPA_FORMATS, build_ropa, render_ropa

        fmt = format.value if format is not None else "markdown"
        if fmt not in ROPA_FORMATS:
            raise UsageError(f"--ropa writes {', '.join(ROPA_FORMATS)}, not {fmt}")
        record = build_ropa(loaded)
        _emit(render_ropa(record, fmt), output)
        if not quiet:
            for gap in record.gaps:
                err.print(f"warning: not stated in the policy: {gap}", markup=False, soft_wrap=True)
        raise typer.Exit(int(ExitCode.OK))
    from cnsnt.api import inventory as build
    from cnsnt.inventory import render_inventory

    fmt = format.value if format is not None else "table"
    if fmt == "html":
        raise UsageError("inventory --format html exists only with --ropa; try markdown or svg")
    if jobs < 0:
        raise UsageError("--jobs must be 0 (all cores) or more")
    if fmt == "svg":
        from cnsnt.inventory.render import GraphvizMissing, dot_path

        if dot_path() is None:
            raise GraphvizMissing(
                "the data-flow diagram needs Graphviz `dot`: install it (Debian/Ubuntu: "
                "apt-get install graphviz; macOS: brew install graphviz), or use --format dot"
            )
    inv = build(loaded, dialect=dialect, jobs=jobs, databases=db or (), debug=debug)
    _emit(render_inventory(inv, fmt, width=_width()), output)
    if not quiet and inv.undeclared:
        err.print(
            f"note: {len(inv.undeclared)} personal data field(s) in the sources are in no data "
            "entry (CN101); they are listed apart. Run cnsnt audit for details.",
            markup=False,
            soft_wrap=True,
        )
    raise typer.Exit(int(ExitCode.OK))


class RulesFormat(StrEnum):
    """Formats of `cnsnt rules`."""

    text = "text"
    markdown = "markdown"
    json = "json"


@app.command(
    "rules",
    epilog=_examples("cnsnt rules", "cnsnt rules --format markdown > docs/rules.md"),
)
@guarded
def rules_command(
    format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.text,
    debug: DebugOption = False,
) -> None:
    """List every rule with its code, name, default severity and summary."""
    from cnsnt.docs import rules_json, rules_markdown, rules_text

    render = {"text": rules_text, "markdown": rules_markdown, "json": rules_json}[format.value]
    sys.stdout.write(render())


@app.command(epilog=_examples("cnsnt explain CN203", "cnsnt explain pre-ticked-consent"))
@guarded
def explain(
    code: Annotated[str, typer.Argument(metavar="RULE", help="A rule code (CN101) or name.")],
    debug: DebugOption = False,
) -> None:
    """Explain one rule: what it checks, why it matters, an example, the fix, the law."""
    from cnsnt.docs import explain_rule

    text = explain_rule(code)
    if text is None:
        from cnsnt.rules import all_rules

        codes = ", ".join(r.code for r in all_rules())
        raise UsageError(f"no rule {code!r}; known rules: {codes}")
    sys.stdout.write(text)


@app.command(
    "explain-column",
    epilog=_examples(
        "cnsnt explain-column customers.email",
        "cnsnt explain-column kimlik.ad path/to/project",
        "cnsnt explain-column signup.email",
        "cnsnt explain-column users.email --db 'postgresql://auditor:${PGPASSWORD}@db/shop'",
        "cnsnt explain-column 'contacts.*'           # every column of a table, a line each",
        "cnsnt explain-column '*' --format csv > verdicts.csv",
        "cnsnt explain-column '*' --verdict not-personal --confidence low   # left out, unsure: check",
        "cnsnt explain-column '*' --undecided --verdict not-personal --confidence low --format csv "
        "> review.csv",
        "cnsnt explain-column '*' --undecided --verdict not-personal --beside-personal --format csv "
        "> review-3.csv   # the third list",
    ),
)
@guarded
def explain_column_command(
    column: Annotated[
        str,
        typer.Argument(
            metavar="TABLE.COLUMN",
            help="The column, as TABLE.COLUMN (or a form field, FORM.FIELD); a pattern with * and ? "
            "('contacts.*', '*') lists the verdict on every column it names, then on every form "
            "field a person fills in.",
        ),
    ],
    path: Annotated[
        Path | None, typer.Argument(
            metavar="PATH",
            help="Project directory or policy file (default: the policy found walking up from here, "
            "else this directory).",
        )
    ] = None,
    policy: PolicyOption = None,
    dialect: Annotated[
        str | None,
        typer.Option("--dialect", metavar="DIALECT", help="SQL dialect of DDL files."),
    ] = None,
    db: DbOption = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="For a pattern: text (a line per column with its file:line, the tables about or "
            "linked to people first, then the form fields under their form), csv or json (a row "
            "per column and form field in the same order: column, location, personal, category, "
            "confidence, table, reason, type, comment, references; a form field's table cell is "
            "\"form 'NAME': form fields, filled in by a person\").",
        ),
    ] = "text",
    confidence: Annotated[
        str | None,
        typer.Option(
            "--confidence",
            metavar="LEVEL",
            help="List only the verdicts of this confidence: low, medium or high (low ones are "
            "wrong most often: check them first).",
        ),
    ] = None,
    verdict: Annotated[
        str | None,
        typer.Option(
            "--verdict",
            metavar="VERDICT",
            help="List only the columns found personal or not-personal.",
        ),
    ] = None,
    undecided: Annotated[
        bool,
        typer.Option(
            "--undecided",
            help="List only the columns and form fields nobody has judged: no data entry, ignore: "
            "pattern or consent names them, or only a line cnsnt init wrote as a question does "
            "(its 'unsure, check' comment unedited).",
        ),
    ] = False,
    beside_personal: Annotated[
        bool,
        typer.Option(
            "--beside-personal",
            help="List only the columns of tables in which the policy declares a column under a "
            "data entry (without a policy: in which cnsnt calls a column personal) and of the join "
            "tables linked to them (keys and bookkeeping alone: user_conditions), and the form "
            "fields of forms in which it declares a field (without a policy: every form). With "
            "--undecided --verdict not-personal it is the third list of a review pass, where "
            "most misses at medium and high confidence are.",
        ),
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Show why the classifier calls a column personal or not: table verdict, then column.

    A form field (FORM.FIELD) gets the category `cnsnt init` suggests for it, and why. A
    pattern (`'contacts.*'`, `'*'`) lists the verdict on every column it names, then on
    every form field a person fills in (personal, of the kind cnsnt suggests: check the
    unsure ones with `--verdict personal --confidence low`).

    To work through the unsure list: write it with `--undecided --verdict not-personal
    --confidence low --format csv > review.csv`, set each row's personal cell, and run
    `cnsnt init --update --reviewed review.csv`. A row left as written (`false` on a
    not-personal verdict) counts as judged and goes under ignore:; empty the cell of a
    row you have not judged, and it stays on the `--undecided` list. The other half,
    `--undecided --verdict personal --confidence low`, lists init's unanswered
    `unsure, check` lines: a `true` there is recorded in the line's comment. The last
    cell, `note`, is yours: what you write there goes into that comment too.

    A third list, optional, after those two: `--undecided --verdict not-personal
    --beside-personal --format csv > review-3.csv`, the columns cnsnt left out in tables
    where the policy declares another, and in the join tables linked to them (a person's
    `user_conditions`, whose `condition_id` is the fact). Most misses left at medium and high confidence
    are there (on the labelled set: 2,064 of 2,744, in 19,959 rows, about 73 a project,
    a tenth of them personal). A table's keys are answered with one pattern row
    (`orders.*_id,false`, once you have checked it names no person's identifier).
    """
    from cnsnt import verdicts
    from cnsnt.api import column_verdicts, explain_column
    from cnsnt.reporters.base import printable

    _check_dialect(dialect)
    if output_format not in ("text", "csv", "json"):
        raise UsageError(f"unknown format {output_format!r}: use text, csv or json")
    if confidence is not None and confidence not in verdicts.CONFIDENCES:
        raise UsageError(f"unknown confidence {confidence!r}: use low, medium or high")
    if verdict is not None and verdict not in verdicts.VERDICTS:
        raise UsageError(f"unknown verdict {verdict!r}: use personal or not-personal")
    chosen = confidence is not None or verdict is not None or undecided or beside_personal
    if verdicts.is_pattern(column) or output_format != "text" or chosen:
        rows, problems, unread = column_verdicts(
            column, path, policy=policy, dialect=dialect, databases=db or (), undecided=undecided,
            beside_personal=beside_personal,
        )
        if problems:  # on stderr: CSV and JSON stay whole on stdout
            sys.stderr.write(
                f"note: {problems} problem{'s' if problems != 1 else ''} reading the schema sources; "
                "the columns they hide are not listed (see cnsnt audit, CN001)\n"
            )
        if unread:
            sys.stderr.write(
                f"note: {unread} problem{'s' if unread != 1 else ''} reading the form sources (a "
                "control without a name, a part cnsnt cannot read); the fields they hide are not "
                "listed (see cnsnt audit, CN001)\n"
            )
        named = len(rows)
        fields = sum(1 for r in rows if r.form is not None)
        rows = verdicts.select(rows, confidence=confidence, verdict=verdict)
        if not rows:  # said on stderr: an empty CSV or JSON list stays a valid one
            left = " undecided" if undecided else ""
            what = f"column{'s' if named != 1 else ''}"
            if fields:
                what = "columns and form fields" if fields < named else f"form field{what[6:]}"
            if beside_personal and not named:
                sys.stderr.write(
                    f"note: no{left} column or form field {column!r} names is in a table or form with "
                    "a column or field a data entry declares (without a policy: one cnsnt calls "
                    "personal): --beside-personal lists nothing\n"
                )
            else:
                beside = " beside a personal one (--beside-personal)" if beside_personal else ""
                sys.stderr.write(
                    f"note: none of the {named}{left} {what} {column!r} names{beside} has that verdict\n"
                )
        rows = [dataclasses.replace(r, location=redact(r.location)) for r in rows]
        if output_format == "csv":
            sys.stdout.write(verdicts.as_csv(rows))
        elif output_format == "json":
            sys.stdout.write(verdicts.as_json(rows))
        else:
            # one line a row: a line break in a name (a form field's, a column's) is shown as `\n`
            text = verdicts.as_text(rows)
            sys.stdout.write("".join(printable(line, lines=False) + "\n" for line in text))
        return
    lines = explain_column(column, path, policy=policy, dialect=dialect, databases=db or ())
    sys.stdout.write("".join(printable(redact(line), lines=False) + "\n" for line in lines))


@app.command(epilog=_examples("cnsnt schema > cnsnt.schema.json"))
@guarded
def schema(debug: DebugOption = False) -> None:
    """Print the policy JSON Schema (for editors and other tools)."""
    from cnsnt.policy.loader import policy_json_schema

    sys.stdout.write(json.dumps(policy_json_schema(), indent=2, ensure_ascii=False) + "\n")


def _version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"cnsnt {__version__}\n")
        raise typer.Exit(0)


@app.callback(
    epilog=_examples(
        "cnsnt audit                      # audit the project cnsnt.yaml describes",
        "cnsnt rules                      # the rules; cnsnt explain CN203 for one",
        "cnsnt notice --lang it -o privacy.it.md",
        "cnsnt --install-completion       # tab completion for your shell",
    )
)
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Consent and data-minimization auditor."""
    _route_logging()


def main() -> None:
    """Console-script entry point."""
    app()
