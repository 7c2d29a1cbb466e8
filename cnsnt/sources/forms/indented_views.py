"""Haml and Slim views: which translation into ERB a file needs, read for the audit or sniffed for init.

Both write no HTML (`%input{name: "email"}`, `input name="email"`): `haml` and `slim`
translate a view into the ERB it renders, line for line, with the view's own positions
kept (`HamlView.line_col`), and the ERB reader reads that.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.model import Location
from cnsnt.sources.base import LineIndex
from cnsnt.sources.forms.haml import HamlError, HamlView, translate
from cnsnt.sources.forms.slim import translate_slim
from cnsnt.sources.forms.written import lone_breaks

#: Suffix -> the translation of a view of that format.
TRANSLATIONS: dict[str, Callable[[str], HamlView]] = {".haml": translate, ".slim": translate_slim}
#: Suffix -> the format's name, for messages.
FORMATS = {".haml": "Haml", ".slim": "Slim"}


#: A forms entry's `format:` -> the suffix whose translation it names (a view of another suffix).
_FORMAT_SUFFIXES = {"haml": ".haml", "slim": ".slim"}


def indented_view(path: Path, fmt: str | None = None) -> bool:
    """Whether a file is a Haml or Slim view (`app/views/users/new.html.haml`, or `format: haml`)."""
    return _suffix(path, fmt) in TRANSLATIONS


def _suffix(path: Path, fmt: str | None) -> str:
    """The suffix a view is read by: its entry's `format:` when `haml` or `slim`, else its own."""
    return _FORMAT_SUFFIXES.get((fmt or "").lower(), path.suffix.lower())


def read_view(path: Path, text: str, shown: str, fmt: str | None = None) -> HamlView:
    """A view's translation; one its engine cannot render is a SourceError at its line and column."""
    suffix = _suffix(path, fmt)
    try:
        return TRANSLATIONS[suffix](text)
    except HamlError as exc:
        line, column = LineIndex(lone_breaks(text)).line_col(exc.offset)
        message = f"{exc.message} (a {FORMATS[suffix]} view)"
        raise SourceError(message, Location(shown, line, column)) from None


def view_markup(path: Path, text: str) -> str:
    """The ERB a view (or its first bytes, cut anywhere) renders, for sniffing; never raises.

    A bracket never closed (a head cut inside a multi-line hash) ends the translation at
    its line.
    """
    translation = TRANSLATIONS[path.suffix.lower()]
    text = lone_breaks(text)
    try:
        return translation(text).text
    except HamlError as exc:
        cut = text.rfind("\n", 0, exc.offset) + 1
        try:
            return translation(text[:cut]).text
        except HamlError:
            return ""
