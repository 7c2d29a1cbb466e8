"""Output formats by name."""

from __future__ import annotations

from cnsnt.reporters.base import RenderOptions, Reporter
from cnsnt.reporters.github import GithubReporter
from cnsnt.reporters.gitlab import GitlabReporter
from cnsnt.reporters.html import HtmlReporter
from cnsnt.reporters.json import JsonReporter
from cnsnt.reporters.junit import JunitReporter
from cnsnt.reporters.markdown import MarkdownReporter
from cnsnt.reporters.sarif import SarifReporter
from cnsnt.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    r.format: r
    for r in (
        TextReporter,
        JsonReporter,
        SarifReporter,
        JunitReporter,
        GithubReporter,
        GitlabReporter,
        MarkdownReporter,
        HtmlReporter,
    )
}

__all__ = ["REPORTERS", "RenderOptions", "Reporter", "get_reporter"]


def get_reporter(fmt: str) -> Reporter:
    """The reporter for a `--format` value (KeyError when unknown)."""
    return REPORTERS[fmt]()
