"""Scripts and stock files `cnsnt init` leaves out of the forms: other people's code (review25 D4).

A Symfony 3 app keeps jQuery and Select2 in `web/js/` (and a copy in `app/Resources/assets/js/`):
their string literals hold `<input` and `<select` markup, so each was proposed as a
`format: html` form, and the audit opened with 25 warnings on jQuery's nameless widgets.
Symfony's `web/config.php` (the requirements checker Composer writes) was proposed as a
page. None is the product's form. A script is taken for a library when it is minified
(`*.min.js`, kilobytes to a line), when its name's first word names a well-known library
(`jquery-2.2.0.js`, `select2.full.js`), when it opens with a library's banner comment
(`/*! jQuery v2.2.0 | (c) ...`, an `@license` tag), or when it lies in a folder of
libraries (`lib/`, `vendors/`). A name or a banner does not outweigh JSX components that
draw controls (`discover`): products put licence headers on their own components. Each is
named in a note, never left out in silence: a script of the product's own caught so is
listed by hand, under forms: as it is (a component) or with format: html (markup in strings).

Below a web root (`public/`, `static/`) a script is served as it is, and an admin theme
copies its plugins there whole (review33 R33a D6: AdminLTE's `public/plugins/codemirror/`,
`jsgrid/`, `ion-rangeslider/` and its `demo.js` were proposed and gave 34 CN001 warnings).
There a licence or copyright statement in the leading comments (`Licensed under MIT`,
`(c) 2016 A. Author`, `© Acme`, `Distributed under an MIT license`, an SPDX tag; not the word
"license" alone, nor a `(c)` before a lower-case word), a `plugins/<name>/` folder, or
a leading comment that calls the file a demo ("for demo purposes only") is enough too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from cnsnt.sources.forms.jsx_form import has_form_controls
from cnsnt.starter.folders import WEB_ROOTS
from cnsnt.starter.jsx_entries import minified
from cnsnt.starter.listing import first_few

#: Libraries whose scripts build form controls in strings (a widget's markup), as the first
#: word of their file names spells them (`jquery-ui.js`, `bootstrap-datepicker.js`).
#: Data, kept small: a name missing here is still caught by a banner comment or a folder.
LIBRARY_NAMES = frozenset(
    {
        *("jquery", "select2", "bootstrap", "moment", "lodash", "underscore", "datatables"),
        *("backbone", "knockout", "angular", "handlebars", "mustache", "modernizr", "popper"),
        *("ckeditor", "tinymce", "summernote", "quill", "codemirror", "dropzone", "flatpickr"),
        *("pikaday", "chosen", "selectize", "typeahead", "fullcalendar", "sweetalert", "toastr"),
        *("bootbox", "d3", "c3", "highcharts", "zepto", "mootools", "prototype", "jqgrid"),
    }
)
#: Suffixes libraries are shipped in: a `Dropzone.tsx` or `quill.ts` is the app's own wrapper.
_SHIPPED = frozenset({".js", ".mjs", ".cjs"})
#: Folders of other people's scripts, beside those the walk never enters (`SKIP_DIRS`:
#: `vendor`, `node_modules`, `bower_components`, `third_party`). Only scripts whose strings
#: hold markup are left out from them: a React app's `lib/` holds its own components.
LIBRARY_DIRS = frozenset({"vendors", "lib", "libs"})
#: JSDoc tags that mark a leading comment as a library's licence banner.
_BANNER_TAGS = ("@license", "@preserve")
#: How much of a script's start is searched for a banner comment.
_BANNER_CHARS = 4096
#: Words of a licence statement in a served script's leading comments (`Licensed under MIT`,
#: `Distributed under an MIT license`, `Released under MIT licence`, an SPDX tag), lower
#: case. The word "license" alone is no statement: `see LICENSE for terms` is an app's own
#: header (codereview28 F9).
_LICENCE_WORDS = (
    *("licensed under", "licenced under", "distributed under", "released under"),
    *("@license", "spdx-license-identifier"),
)
#: A copyright mark, `(c)` or `©`, or the word: what a copyright notice starts with, and the
#: blanks after it. Linear: a literal alternative, then one possessive run of blanks.
_COPYRIGHT_MARK = re.compile(r"(?i:\(c\)|©|\bcopyright\b)[ \t]*+")
#: Leading-comment words of a file that says it is a demo, not the product (AdminLTE's
#: `demo.js`: "This file is for demo purposes only"), lower case.
_DEMO_WORDS = ("for demo purposes", "demo purposes only", "for demonstration purposes")
#: The folder a web root's theme keeps whole third-party plugins in, one folder each.
_PLUGIN_DIRS = frozenset({"plugins"})
#: Framework files a project gets as they are: (folder, file name, what their text says).
#: Symfony 2/3's requirements checker and its debug front controller (Composer writes
#: both from SensioDistributionBundle and the Standard Edition).
STOCK_FILES = (
    ("web", "config.php", "SymfonyRequirements", "Symfony's requirements checker"),
    ("web", "app_dev.php", "AppKernel", "Symfony's debug front controller"),
)


def library_reason(rel: Path, head: str, *, strings: bool) -> str | None:
    """Why a script is taken for a library (`minified`, `named jquery`, ...), else None.

    `rel`: its path relative to the project; `strings`: it would be read as HTML in strings
    (`format: html`), for which a library folder counts too.
    """
    parts = rel.name.lower().split(".")
    if "min" in parts[1:-1] or minified(head):
        return "minified"
    first = re.split(r"[-_.]", rel.name.lower(), maxsplit=1)[0]  # one character class: linear
    if first in LIBRARY_NAMES and rel.suffix.lower() in _SHIPPED:
        return f"named {first}"
    if _banner(head[:_BANNER_CHARS]):
        return "with a library's banner comment"
    if strings:
        folder = next((part for part in rel.parts[:-1] if part.lower() in LIBRARY_DIRS), None)
        if folder is not None:
            return f"in a {folder}/ folder"
        served = _below_web_root(rel)
        if served is not None:
            return _served_reason(served, head[:_BANNER_CHARS])
    return None


def _below_web_root(rel: Path) -> tuple[str, ...] | None:
    """The folders of a script below a web root (`public/plugins/x/` -> `plugins`, `x`), else None."""
    folders = [part.lower() for part in rel.parts[:-1]]
    served = next((i for i, part in enumerate(folders) if part in WEB_ROOTS), None)
    return None if served is None else tuple(folders[served + 1 :])


def _served_reason(folders: tuple[str, ...], start: str) -> str | None:
    """Why a script a web server serves as it is looks like a library or a demo, else None.

    `folders`: those between the web root and the file; `start`: the script's first characters.
    """
    # a plugin folder holds one library each: `plugins/codemirror/addon/search/search.js`
    plugins = next((part for part in folders[:-1] if part in _PLUGIN_DIRS), None)
    if plugins is not None:
        return f"in a {plugins}/ folder"
    comment = leading_comment(start)
    if any(words in comment.lower() for words in _DEMO_WORDS):
        return "calling itself a demo"
    if any(words in comment.lower() for words in _LICENCE_WORDS) or copyright_notice(comment):
        return "with a licence or copyright banner"
    return None


def copyright_notice(comment: str) -> bool:
    """Whether a comment holds a copyright notice: a mark followed by a year or a name.

    `(c) 2016 A. Author`, `© Acme`, `copyright (c) by A. Author`, `Copyright 2016`. Not
    a list's `(a) ask, (b) check, (c) send` (a lower-case word after the mark), nor a bare
    "Copyright us." (the word needs a year, or a mark after it): a product's own header
    or prose, which left its script out (codereview28 F9).
    """
    for mark in _COPYRIGHT_MARK.finditer(comment):
        after = comment[mark.end() : mark.end() + 3]
        if after[:1].isdigit():
            return True
        word = mark.group().strip().lower() == "copyright"
        if not word and (after[:1].isupper() or re.match(r"by\b", after)):  # anchored, 3 characters
            return True
    return False


def leading_comment(start: str) -> str:
    """The comments a script opens with, `/* ... */` blocks and `//` lines, joined.

    A `#!` line (a script run by node) comes before them and is passed over.
    """
    text = start.lstrip()
    if text.startswith("#!"):
        text = text.partition("\n")[2].lstrip()
    parts: list[str] = []
    while text.startswith(("/*", "//")):
        if text.startswith("/*"):
            end = text.find("*/", 2)
            if end < 0:
                parts.append(text[2:])  # the comment runs past the start read: all of it
                break
            parts.append(text[2:end])
            text = text[end + 2 :].lstrip()
        else:
            line, _, text = text.partition("\n")
            parts.append(line[2:])
            text = text.lstrip()
    return "\n".join(parts)


def _banner(start: str) -> bool:
    """Whether a script opens with a banner comment: `/*!` (minifiers keep it), or `@license` in it."""
    text = start.lstrip()
    if text.startswith("/*!"):
        return True
    end = text.find("*/") if text.startswith("/*") else -1
    return end > 0 and any(tag in text[:end] for tag in _BANNER_TAGS)


def stock_file(rel: Path, head: str) -> str | None:
    """What a framework's stock file is (`Symfony's requirements checker`), else None."""
    parent = rel.parent.name.lower()
    for folder, name, mark, what in STOCK_FILES:
        if parent == folder and rel.name == name and mark in head:
            return what
    return None


def library_note(paths: list[Path], root: Path, sniff: Callable[[Path], str]) -> str:
    """The scripts left out as libraries: how many for each reason, the first few named."""
    reasons: Counter[str] = Counter()
    for path in paths:
        reason = library_reason(path.relative_to(root), sniff(path), strings=True) or "named a library"
        reasons["named after a library" if reason.startswith("named ") else reason] += 1
    why = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
    what = "other people's libraries" + (" or demos" if "calling itself a demo" in reasons else "")
    shown = first_few(sorted(p.relative_to(root).as_posix() for p in paths))
    n = len(paths)
    # the remedy is the reader the file would have had: JSX components are read as they are,
    # markup in strings with `format: html` (which would lose every JSX control)
    jsx = sorted(p.relative_to(root).as_posix() for p in paths if has_form_controls(sniff(p), p.name))
    if not jsx:
        remedy = "a script of the project's own named here can be added under forms: with format: html"
    elif len(jsx) == n:
        remedy = "a component file of the project's own named here can be added under forms:"
    else:
        remedy = (
            f"a component file of the project's own named here ({first_few(jsx)}) can be added under "
            "forms:, another script with format: html"
        )
    return (
        f"left out {n} script{'s' if n != 1 else ''} that look{'' if n != 1 else 's'} like {what} "
        f"({why}: {shown}): the form markup in {'their' if n != 1 else 'its'} "
        f"strings draws a library's widgets, not the product's forms; {remedy}"
    )


def stock_note(paths: list[Path], root: Path, sniff: Callable[[Path], str]) -> str:
    """The framework's stock files left out of the forms (Symfony's `web/config.php`)."""
    shown = ", ".join(
        f"{p.relative_to(root).as_posix()} ({stock_file(p.relative_to(root), sniff(p)) or 'a stock file'})"
        for p in sorted(paths)
    )
    return f"left out {shown}: a framework's file as Composer writes it, not the product's pages"
