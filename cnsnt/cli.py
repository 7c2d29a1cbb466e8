"""The command line: a thin typer layer over `cnsnt.api`.

This is the only module that prints, reads argv or exits. The report goes to
stdout; progress, summaries and errors go to stderr.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

from cnsnt import ISSUES_URL, __version__
from cnsnt.errors import CnsntError, OutputError, PolicyError, UsageError
from cnsnt.model import ExitCode, Severity
from cnsnt.output import write_atomic

app = typer.Typer(
    name="cnsnt",
    help="Consent and data-minimization auditor: checks schemas, forms and SQL against a privacy policy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])


def _stderr(no_color: bool = False) -> Console:
    return Console(
        stderr=True,
        highlight=False,
        no_color=no_color or bool(os.environ.get("NO_COLOR")),
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
            _fail(ExitCode.INTERNAL, "interrupted")
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
    markdown = "markdown"


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
    typer.Option("--policy", "-p", help="Policy file or directory (default: cnsnt.yaml in PATH)."),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks for internal errors.")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colour (also: NO_COLOR).")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout."),
]


def _color_wanted(no_color: bool, machine: bool, to_file: bool) -> bool:
    if no_color or machine or to_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _width() -> int:
    """Terminal width, else COLUMNS, else 100 (stable for files and CI logs)."""
    if sys.stdout.isatty():
        return max(60, os.get_terminal_size().columns)
    try:
        return max(60, int(os.environ.get("COLUMNS", "100")))
    except ValueError:
        return 100


def _prefix(base_dir: Path) -> str:
    """The policy's directory relative to the working directory ('' when it is the same)."""
    try:
        rel = Path(os.path.relpath(base_dir.resolve(), Path.cwd())).as_posix()
    except ValueError:
        return ""
    return "" if rel == "." or rel.startswith("..") else rel


def _emit(text: str, output: Path | None) -> None:
    if output is not None:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _check_dialect(dialect: str | None) -> None:
    if dialect is None:
        return
    from cnsnt.policy.loader import policy_json_schema

    known = policy_json_schema()["$defs"]["dialect"]["enum"]
    if dialect not in known:
        raise UsageError(f"unknown --dialect {dialect!r}; expected one of: {', '.join(known)}")


def _progress_wanted(quiet: bool, machine: bool) -> bool:
    return not quiet and not machine and sys.stderr.isatty() and not os.environ.get("CI")


@app.command()
@guarded
def audit(
    path: Annotated[
        Path | None, typer.Argument(help="Project directory or policy file (default: .).")
    ] = None,
    policy: PolicyOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = (
        ReportFormat.text
    ),
    output: OutputOption = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding is at or above this.")
    ] = FailOn.error,
    preset: Annotated[Preset | None, typer.Option("--preset", help="gdpr, ccpa or strict.")] = None,
    dialect: Annotated[
        str | None, typer.Option("--dialect", help="SQL dialect for every SQL source.")
    ] = None,
    db: Annotated[
        list[str] | None, typer.Option("--db", help="Add a live database (SQLAlchemy URL).")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Parallel workers (0: all cores).")] = 0,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Run only these rule codes.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Fail only on findings not in this baseline.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Write today's findings as a baseline.")
    ] = None,
    show_suppressed: Annotated[
        bool, typer.Option("--show-suppressed", help="List waived and ignored findings too.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Load the policy, collect all evidence, run all rules, report findings."""
    from cnsnt.api import audit as run_audit
    from cnsnt.api import resolve_policy_path
    from cnsnt.policy.loader import load_policy
    from cnsnt.reporters import RenderOptions, get_reporter
    from cnsnt.reporters.text import sources_line, summary_line

    _check_dialect(dialect)
    known_baseline = None
    if baseline is not None:
        from cnsnt.baseline import read_baseline

        known_baseline = read_baseline(baseline)  # a bad baseline fails before the audit
    if jobs < 0:
        raise UsageError("--jobs must be 0 (all cores) or more")
    loaded = load_policy(resolve_policy_path(path, policy))
    reporter = get_reporter(format.value)
    err = _stderr(no_color)
    progress_cb = None
    progress_ctx = None
    if _progress_wanted(quiet, reporter.machine):
        from rich.progress import Progress

        progress_ctx = Progress(console=err, transient=True)
        tasks: dict[str, Any] = {}

        def progress_cb(desc: str, done: int, total: int) -> None:
            assert progress_ctx is not None
            if desc not in tasks:
                tasks[desc] = progress_ctx.add_task(desc, total=total)
            progress_ctx.update(tasks[desc], completed=done, total=total)

        progress_ctx.start()
    try:
        result = run_audit(
            loaded,
            dialect=dialect,
            jobs=jobs,
            preset=preset.value if preset else None,
            databases=db or (),
            select=select,
            progress=progress_cb,
            debug=debug,
        )
    finally:
        if progress_ctx is not None:
            progress_ctx.stop()
    if write_baseline is not None:
        from cnsnt.baseline import baseline_text

        write_atomic(write_baseline, baseline_text(result.findings))
    if known_baseline is not None:
        from cnsnt.baseline import apply_baseline

        result = apply_baseline(result, known_baseline)
    options = RenderOptions(
        width=_width(),
        color=_color_wanted(no_color, reporter.machine, output is not None),
        show_suppressed=show_suppressed,
        path_prefix=_prefix(loaded.base_dir),
    )
    _emit(reporter.render(result, options), output)
    if not quiet:
        sources = sources_line(result)
        err.print(
            f"cnsnt: {summary_line(result)}" + (f" (read {sources})" if sources else ""),
            markup=False,
            soft_wrap=True,
        )
        if output is not None:
            err.print(f"report written to {output}", markup=False)
    threshold = None if fail_on is FailOn.never else Severity(fail_on.value)
    raise typer.Exit(int(ExitCode.FINDINGS if result.fails(threshold) else ExitCode.OK))


@app.command()
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


class NoticeFormat(StrEnum):
    """Formats of `cnsnt notice`."""

    markdown = "markdown"
    html = "html"
    json = "json"


class NoticeLayer(StrEnum):
    """Layers of `cnsnt notice`: the one-screen summary or every required element."""

    short = "short"
    full = "full"


@app.command()
@guarded
def notice(
    path: Annotated[
        Path | None, typer.Argument(help="Project directory or policy file (default: .).")
    ] = None,
    policy: PolicyOption = None,
    lang: Annotated[
        str, typer.Option("--lang", "-l", help="Language: en, it, ca, tr, ru or hu.")
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
        typer.Option("--check", help="Exit 1 when this published notice no longer matches."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or summary.")] = False,
    no_color: NoColorOption = False,
    debug: DebugOption = False,
) -> None:
    """Write the customer-facing notice from the policy, or check a published one."""
    from cnsnt.api import resolve_policy_path
    from cnsnt.notices import check_notice, render_notice
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
    result = render_notice(
        loaded,
        lang=lang,
        fmt=format.value,
        layer=layer.value,
        preset=preset.value if preset else None,
    )
    _emit(result.text, output)
    if not quiet:
        for finding in result.warnings:
            err.print(
                f"{finding.severity.value}: {finding.location}: {finding.rule} {finding.message}",
                markup=False,
                soft_wrap=True,
            )
        if output is not None:
            err.print(f"notice version {result.version} written to {output}", markup=False)
    raise typer.Exit(int(ExitCode.OK))


class RulesFormat(StrEnum):
    """Formats of `cnsnt rules`."""

    text = "text"
    markdown = "markdown"
    json = "json"


@app.command("rules")
@guarded
def rules_command(
    format: Annotated[RulesFormat, typer.Option("--format", "-f")] = RulesFormat.text,
    debug: DebugOption = False,
) -> None:
    """List every rule with its code, name, default severity and summary."""
    from cnsnt.docs import rules_json, rules_markdown, rules_text

    render = {"text": rules_text, "markdown": rules_markdown, "json": rules_json}[format.value]
    sys.stdout.write(render())


@app.command()
@guarded
def explain(
    code: Annotated[str, typer.Argument(help="A rule code (CN101) or name.")],
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


@app.command("explain-column")
@guarded
def explain_column_command(
    column: Annotated[str, typer.Argument(help="The column, as TABLE.COLUMN.")],
    path: Annotated[Path | None, typer.Argument(help="Project directory or policy file.")] = None,
    policy: PolicyOption = None,
    dialect: Annotated[str | None, typer.Option("--dialect", help="SQL dialect of DDL files.")] = None,
    debug: DebugOption = False,
) -> None:
    """Show why the classifier calls a column personal or not: table verdict, then column."""
    from cnsnt.api import explain_column
    from cnsnt.reporters.base import printable

    _check_dialect(dialect)
    lines = explain_column(column, path, policy=policy, dialect=dialect)
    sys.stdout.write("".join(printable(line) + "\n" for line in lines))


@app.command()
@guarded
def schema(debug: DebugOption = False) -> None:
    """Print the policy JSON Schema (for editors and other tools)."""
    from cnsnt.policy.loader import policy_json_schema

    sys.stdout.write(json.dumps(policy_json_schema(), indent=2, ensure_ascii=False) + "\n")


def _version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"cnsnt {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Consent and data-minimization auditor."""


def main() -> None:
    """Console-script entry point."""
    app()
