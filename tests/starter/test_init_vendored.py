"""`cnsnt init` leaves other people's scripts and Symfony's stock files out of the forms, said (review25 D4).

Found on alsimfer/BA (`988b43f`, a Symfony 3 app): jQuery 2.2.0 and Select2 (in `web/js/` and
`app/Resources/assets/js/`) were proposed as `format: html` forms, their string literals
holding `<input`, and so was `web/config.php`, Symfony's requirements checker; the audit
opened with 25 CN001 warnings on jQuery's nameless widgets. The files here are written for
these tests (a jQuery-like banner and body, not jQuery's code).
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new
from cnsnt.starter.vendored import leading_comment, library_reason

#: A library-like script: markup built in strings, as jQuery's feature tests do.
LIBRARY = """(function () {
  var div = document.createElement("div");
  div.innerHTML = "<input type='checkbox'/><select id='" + expando + "'></select>";
  return div;
})();
"""
#: A view of the product's own, drawn from a template literal.
VIEW = """export function Paciente() {
  return `<form id="paciente"><input name="dni" type="text"></form>`;
}
"""
#: The part of Symfony 2/3's `web/config.php` init looks at, and a form like the checker's.
CONFIG_PHP = """<?php
require_once dirname(__FILE__).'/../app/SymfonyRequirements.php';
?>
<form action="config.php"><input type="text" name="q"></form>
"""


def _write(root: Path, name: str, text: str) -> None:
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_text(text, encoding="utf-8")


def _forms(root: Path) -> list[tuple[str, str | None]]:
    found, _ = survey(root)
    return sorted((f.pattern, f.format) for f in found if f.kind == "forms")


def test_a_script_named_after_a_library_is_left_out_with_a_note(tmp_path: Path) -> None:
    _write(tmp_path, "web/js/jquery-2.2.0.js", LIBRARY)
    _write(tmp_path, "web/js/select2.full.js", LIBRARY)
    _write(tmp_path, "web/js/views/paciente.js", VIEW)
    found, notes = survey(tmp_path)
    assert [(f.pattern, f.format) for f in found if f.kind == "forms"] == [
        ("web/js/views/paciente.js", "html")
    ]
    [note] = [n for n in notes if "libraries" in n]
    assert note.startswith(
        "left out 2 scripts that look like other people's libraries (2 named after a library:"
    )
    assert "web/js/jquery-2.2.0.js, web/js/select2.full.js" in note
    assert "added under forms: with format: html" in note


def test_a_banner_comment_a_minified_file_and_a_lib_folder_each_mark_a_library(tmp_path: Path) -> None:
    _write(tmp_path, "public/widget.js", "/*! Widget v1.2 | (c) Someone | MIT */\n" + LIBRARY)
    _write(tmp_path, "public/picker.js", "/**\n * Picker\n * @license MIT\n */\n" + LIBRARY)
    _write(tmp_path, "public/bundle.js", "var a='<input name=x>';" * 400)  # kilobytes to a line
    _write(tmp_path, "public/lib/grid.js", LIBRARY)
    _write(tmp_path, "public/own.js", "/* Our own view. Copyright us. */\n" + VIEW)  # a plain header
    assert _forms(tmp_path) == [("public/own.js", "html")]
    _, notes = survey(tmp_path)
    [note] = [n for n in notes if "libraries" in n]
    assert "(1 in a lib/ folder, 1 minified, 2 with a library's banner comment:" in note


def test_a_library_without_form_markup_gets_no_note(tmp_path: Path) -> None:
    _write(tmp_path, "web/js/moment.js", "export const day = 1;\n")
    _write(tmp_path, "web/js/views/paciente.js", VIEW)
    _, notes = survey(tmp_path)
    assert not [n for n in notes if "libraries" in n]


def test_a_typescript_component_named_like_a_library_stays_proposed(tmp_path: Path) -> None:
    """Libraries ship as `.js`: a `Dropzone.tsx` is the app's own wrapper around one."""
    _write(
        tmp_path, "src/components/Dropzone.tsx", 'export const D = () => <input type="file" name="doc" />;\n'
    )
    assert _forms(tmp_path) == [("src/components/Dropzone.tsx", None)]


def test_a_react_component_in_lib_stays_proposed() -> None:
    """Only markup in strings is left out of a `lib/` folder: a React app keeps its own components there."""
    jsx = 'export const F = () => <form><input name="email" /></form>;\n'
    assert library_reason(Path("src/lib/Login.jsx"), jsx, strings=False) is None
    assert library_reason(Path("src/lib/Login.jsx"), jsx, strings=True) == "in a lib/ folder"


def test_symfony_config_php_is_left_out_with_a_note(tmp_path: Path) -> None:
    _write(tmp_path, "web/config.php", CONFIG_PHP)
    _write(tmp_path, "app/Resources/views/patient/new.html.twig", '<form><input name="vorname"></form>\n')
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "forms"] == ["app/Resources/views/patient/new.html.twig"]
    assert "left out web/config.php (Symfony's requirements checker): a framework's file" in "\n".join(notes)


def test_a_config_php_of_the_product_stays_proposed(tmp_path: Path) -> None:
    _write(tmp_path, "web/config.php", '<form><input name="smtp_user"></form>\n')
    assert _forms(tmp_path) == [("web/config.php", None)]


def test_the_starter_names_the_library_and_the_audit_warns_of_none(tmp_path: Path) -> None:
    """review25's repro: init wrote `public/js/vendor-lib.js` as an html form, the audit warned twice."""
    _write(tmp_path, "public/js/vendor-lib.js", "/*! vendor-lib v1 */\n" + LIBRARY)
    _write(tmp_path, "public/js/views/paciente.js", VIEW)
    draft = draft_new(tmp_path)
    assert "vendor-lib.js" not in "".join(f.pattern for f in draft.sources)
    assert "# left out 1 script that looks like other people's libraries" in draft.text
    assert draft.warnings == 0


def test_a_component_with_a_licence_banner_or_a_library_name_stays_proposed(tmp_path: Path) -> None:
    """codereview24 F6: products put `@license` headers on their own components, and a React
    app's `bootstrap.js` is its entry point: JSX components that draw controls are read."""
    form = "import React from 'react';\nexport default function F() { return <form><input name=\"cpf\" /></form>; }\n"
    _write(tmp_path, "src/components/SignupForm.jsx", "/** @license MIT (c) 2023 Acme Corp. */\n" + form)
    _write(tmp_path, "src/bootstrap.js", form)
    _write(tmp_path, "public/jquery-3.js", LIBRARY)  # a library's name, markup in strings: left out
    assert sorted(f for f, _ in _forms(tmp_path)) == ["src/bootstrap.js", "src/components/SignupForm.jsx"]
    _, notes = survey(tmp_path)
    [note] = [n for n in notes if "libraries" in n]
    assert "(1 named after a library: public/jquery-3.js)" in note
    assert note.endswith(
        "a script of the project's own named here can be added under forms: with format: html"
    )


def test_the_left_out_note_words_the_remedy_per_reader(tmp_path: Path) -> None:
    """codereview24 F6: a left-out component is added under forms: as it is, never with
    `format: html` (which reads strings only and would lose every JSX control)."""
    _write(tmp_path, "src/Login.min.jsx", 'export const L = () => <form><input name="email" /></form>;\n')
    _, notes = survey(tmp_path)
    [note] = [n for n in notes if "libraries" in n]
    assert note.endswith("a component file of the project's own named here can be added under forms:")
    _write(tmp_path, "public/widget.min.js", LIBRARY)
    _, notes = survey(tmp_path)
    [note] = [n for n in notes if "libraries" in n]
    assert note.endswith(
        "a component file of the project's own named here (src/Login.min.jsx) can be added under "
        "forms:, another script with format: html"
    )


#: review33 R33a D6's repro: a plugin as an admin theme copies it into `public/plugins/`.
ACME = """/*
 * acme-grid v1.0 (c) 2016 A. Author
 * Licensed under MIT
 */
(function () {
  AcmeGrid.prototype.filter = function () { return '<input type="text" class="grid-filter">'; };
})();
"""
#: A page of the product's own, and a script of its own that builds a form in a string.
BLADE = '<form method="post">\n  <input type="text" name="name">\n  <input type="email" name="email">\n</form>\n'
OWN_SCRIPT = "// The shop's signup box.\nbox.innerHTML = '<form><input type=\"email\" name=\"email\"></form>';\n"


def test_a_plugin_copied_into_public_is_left_out_and_said(tmp_path: Path) -> None:
    """review33 R33a D6: AdminLTE's `public/plugins/<lib>/` scripts were proposed as html forms."""
    _write(tmp_path, "public/plugins/acme-grid/acme.js", ACME)
    _write(tmp_path, "public/js/signup.js", OWN_SCRIPT)
    _write(tmp_path, "resources/views/x.blade.php", BLADE)
    draft = draft_new(tmp_path)
    assert sorted(f.pattern for f in draft.sources if f.kind == "forms") == [
        "public/js/signup.js",
        "resources/views/x.blade.php",
    ]
    assert (
        "# left out 1 script that looks like other people's libraries (1 in a plugins/ folder: "
        "public/plugins/acme-grid/acme.js)" in draft.text
    )
    assert draft.warnings == 0


def test_below_a_web_root_a_licence_a_copyright_or_a_demo_comment_is_enough(tmp_path: Path) -> None:
    """Each alone, outside any library folder: the banners of jsGrid, CodeMirror, Ion.RangeSlider
    and AdminLTE's `demo.js`, as written here."""
    _write(tmp_path, "public/js/grid.js", "/*\n * grid v1 (c) 2016 A. Author\n */\n" + LIBRARY)
    _write(tmp_path, "public/js/licensed.js", "/*\n * grid v1\n * Licensed under MIT\n */\n" + LIBRARY)
    _write(
        tmp_path,
        "static/js/search.js",
        "// Editor, copyright (c) by A. Author and others\n// Distributed under an MIT license\n\n" + LIBRARY,
    )
    _write(tmp_path, "public/js/slider.js", "// Slider\n// version 2.3.1\n// © A. Author, 2019\n" + LIBRARY)
    _write(
        tmp_path,
        "public/js/admin/demo.js",
        "/**\n * Theme Demo Menu\n * This file is for demo purposes only.\n */\n" + LIBRARY,
    )
    _write(tmp_path, "public/own.js", "/* Our own view. Copyright us. */\n" + VIEW)  # no mark, no year
    _write(tmp_path, "public/js/views/paciente.js", VIEW)
    assert _forms(tmp_path) == [("public/js/views/paciente.js", "html"), ("public/own.js", "html")]
    _, notes = survey(tmp_path)
    [note] = [n for n in notes if "libraries" in n]
    assert note.startswith(
        "left out 5 scripts that look like other people's libraries or demos "
        "(1 calling itself a demo, 4 with a licence or copyright banner:"
    )


def test_outside_a_web_root_a_licence_header_keeps_a_script_proposed(tmp_path: Path) -> None:
    """Products put licence headers on their own sources: only a served copy is taken for a library."""
    _write(tmp_path, "resources/js/signup.js", "/*\n * (c) 2024 Acme Ltd\n * Licensed under MIT\n */\n" + VIEW)
    _write(tmp_path, "resources/js/plugins/box/box.js", VIEW)
    assert _forms(tmp_path) == [
        ("resources/js/plugins/box/box.js", "html"),
        ("resources/js/signup.js", "html"),
    ]


def test_the_leading_comment_is_the_run_of_comments_a_script_opens_with() -> None:
    text = "#!/usr/bin/env node\n// one\n/* two */\n// three\nvar x = 1; // not this\n"
    assert leading_comment(text) == " one\n two \n three"
    assert leading_comment("/* unclosed (c) 2016") == " unclosed (c) 2016"
    assert leading_comment("var x; /* (c) 2016 */") == ""


SIGNUP = """box.innerHTML = '<form><input type="email" name="email"><input type="text" name="first_name"></form>';\n"""


def test_below_a_web_root_a_mention_is_no_licence_or_copyright_statement(tmp_path: Path) -> None:
    """A list's `(c)` or the word "license" alone left an app's own served script out (codereview28 F9)."""
    _write(tmp_path, "public/js/signup.js", "// Signup box. Steps: (a) ask, (b) check, (c) send.\n" + SIGNUP)
    _write(tmp_path, "public/js/signup3.js", "// Our signup box; see LICENSE for terms.\n" + SIGNUP)
    _write(tmp_path, "public/js/signup4.js", "/* Our signup box. The licence is in README. */\n" + SIGNUP)
    _write(tmp_path, "public/js/signup5.js", "// Copyright us; (C) the team, all rights reserved\n" + SIGNUP)
    assert _forms(tmp_path) == [("public/js/*.js", "html")]  # all four, as one folder
    _, notes = survey(tmp_path)
    assert not [n for n in notes if "libraries" in n]


def test_below_a_web_root_a_statement_leaves_a_script_out(tmp_path: Path) -> None:
    """A mark followed by a year or a name, or a licence statement: each alone."""
    banners = {
        "year": "// (c) 2016 A. Author\n",
        "name": "/* © Acme */\n",
        "word-year": "// Copyright 2016\n",
        "word-mark": "// Copyright (C) Acme Ltd\n",
        "by": "// widget, (c) by the authors\n",
        "licensed": "// Licensed under the Apache License, Version 2.0\n",
        "released": "/* Released under the MIT licence */\n",
        "spdx": "// SPDX-License-Identifier: MIT\n",
        "tag": "// @license MIT\n",
    }
    for name, banner in banners.items():
        _write(tmp_path, f"public/js/{name}.js", banner + SIGNUP)
    assert _forms(tmp_path) == []
