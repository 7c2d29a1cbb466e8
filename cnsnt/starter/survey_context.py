"""The one `SourceContext` a `cnsnt init` survey shares among the files it looks at.

Deciding whether a file holds a form class (Django, WTForms, Symfony) may parse the
modules it imports from; with one context for the whole survey, its memo parses each
of them once, whichever file asked first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from cnsnt.evidence import Evidence
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext

_CONTEXT: ContextVar[SourceContext | None] = ContextVar("cnsnt_init_survey", default=None)


@contextmanager
def shared_survey(root: Path) -> Iterator[None]:
    """One context (and memo) for every file one `cnsnt init` looks at below `root`."""
    token = _CONTEXT.set(SourceContext(base_dir=root))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def survey_context(root: Path) -> SourceContext:
    """The survey's shared context, or a context of its own outside a survey."""
    return _CONTEXT.get() or SourceContext(base_dir=root)


def read_as_form(path: Path, root: Path, fmt: str | None = None) -> Evidence | None:
    """What the audit would read from `path` as a form source (of `format: fmt`); None when it cannot read it.

    A file the reader fails on stays proposed: the audit reports why (a CN001 problem),
    so the survey never decides on it from here.
    """
    from cnsnt.sources.forms.reader import read_forms  # the readers import the survey's modules

    ctx = survey_context(root)
    shown = ctx.shown(path)
    spec = SourceSpec(kind="forms", pattern=shown, base_dir=root, location=Location(shown), format=fmt)
    try:
        return read_forms(path, spec, ctx)
    except Exception:  # noqa: BLE001 - a SourceError or a reader's bug: the audit reports either (CN001)
        return None
