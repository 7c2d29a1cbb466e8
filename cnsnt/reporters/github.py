"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""

from __future__ import annotations

from cnsnt.model import AuditResult, Severity
from cnsnt.reporters.base import RenderOptions, Reporter, printable

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """`--format github`: one `::error file=...::message` line per finding."""

    format = "github"

    def render(self, result: AuditResult, options: RenderOptions) -> str:
        """Workflow-command lines (paths are relative to the policy's directory)."""
        lines = []
        for f in result.findings:
            props = []
            if f.location is not None and f.location.path is not None:
                props.append(f"file={_escape_property(options.ci_path(f.location.path))}")
                if f.location.line is not None:
                    props.append(f"line={f.location.line}")
                    if f.location.column is not None:
                        props.append(f"col={f.location.column}")
            props.append(f"title={_escape_property(f'{f.rule} {f.name}')}")
            message = f"{f.message}. Fix: {f.hint}" if f.hint else f.message
            if f.location is not None and f.location.uri is not None:
                # No file to annotate: the message says where in which database.
                message = f"{f.location.uri}: {message}"
            lines.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{_escape_data(message)}")
        return "".join(line + "\n" for line in lines)
