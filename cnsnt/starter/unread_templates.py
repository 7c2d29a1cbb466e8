"""Templates of formats cnsnt does not read, counted and named so a starter is never silently short.

demarches-simplifiees.fr keeps 759 of its views in Haml, its sign-up form among them;
rdv-service-public 332 in Slim. `cnsnt init` proposed none and said nothing, so a team
reading the starter took its forms for audited (review28 D2). Now each such format gets
one note (on the terminal and as a comment under `sources:`): how many templates, where
(as globs), and which of them draw a form. JSP, FreeMarker and Velocity templates are
read as HTML, but the controls their tag libraries and macros draw are not: the
templates that draw some are named the same way. So are the XAML views of a desktop app
(WPF, WinUI, MAUI) that bind input controls to fields (`{Binding Path=Imie}`): pdab's 18
client, employee and repair forms went unread and unsaid (review36 R36a D8). Haml, Slim
and Pug views are read now (`forms.indented_views`, `forms.pug`): no note names them, and
the note of wholly unread formats went with them (codereview38b).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from cnsnt.sources.forms.template_formats import (
    tag_controls,
    tag_library_format,
    xaml_bindings,
    xaml_view,
)
from cnsnt.starter.listing import first_few

#: Said by every note of this module: `cnsnt init` prints such notes on the terminal too.
NOT_AUDITED = "form fields are not audited"


def unread_template_notes(files: list[Path], root: Path, sniff: Callable[[Path], str]) -> list[str]:
    """One note per template format in `files` cnsnt does not read, in whole or in its tag libraries."""
    tagged: dict[str, list[tuple[Path, list[str]]]] = defaultdict(list)
    views: list[tuple[Path, list[str]]] = []
    for path in files:
        if xaml_view(path):
            if bound := xaml_bindings(sniff(path)):
                views.append((path, bound))
            continue
        name = tag_library_format(path)
        if name is not None and (controls := tag_controls(sniff(path))):
            tagged[name].append((path, controls))
    notes = [_tagged_note(name, found, root) for name, found in sorted(tagged.items())]
    if views:
        notes.append(_xaml_note(views, root))
    return notes


def _xaml_note(views: list[tuple[Path, list[str]]], root: Path) -> str:
    """`2 XAML views (Views/NowyKlientView.xaml, ...) bind input controls to fields (Imie, ...): ...`."""
    n = len(views)
    named = sorted(p.relative_to(root).as_posix() for p, _ in views)
    fields = list(dict.fromkeys(f for _, bound in views for f in bound))
    return (
        f"{n} XAML view{'s' if n != 1 else ''} ({first_few(named)}) bind{'s' if n == 1 else ''} input "
        f"controls to fields ({{Binding ...}}: {first_few(fields)}): a format cnsnt does not read; "
        f"those {NOT_AUDITED}; check them by hand"
    )


def _tagged_note(name: str, found: list[tuple[Path, list[str]]], root: Path) -> str:
    """`2 JSP templates draw controls with tag libraries or macros cnsnt does not read (...)`."""
    n = len(found)
    kinds = sorted({c for _, controls in found for c in controls})
    named = sorted(p.relative_to(root).as_posix() for p, _ in found)
    return (
        f"{n} {name} template{'s' if n != 1 else ''} ({first_few(named)}) draw{'s' if n == 1 else ''} "
        "controls with tag libraries or macros cnsnt does not read "
        f"({first_few(kinds)}): those {NOT_AUDITED} "
        "(the HTML controls of these templates are read); check them by hand"
    )
