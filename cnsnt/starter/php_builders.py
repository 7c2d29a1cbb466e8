"""PHP files that build form controls in strings for other pages: no form files of their own.

jodak94/daen's `Modules/Core/macros.php` defines Laravel Collective macros
(`Form::macro('i18nInput', function ($name, ...) { $string = "<div ..."; ... })`): PHP
code alone that assembles controls from its arguments and returns them, printing
nothing. Proposed as a form file, it gave CN001 warnings about names built at runtime
("declare it in the policy as macros.NAME"), which no key can declare: the controls
are the fields of the pages that call the macro, read there. A PHP file is taken for
such a builder when it is code alone (no markup outside `<?php`, no `<?=`), prints
nothing (no `echo`, `print`, `printf`), and the form reader finds no control in it a
person fills in whose name it can read. A script that prints its form, or a function
that returns a form with its names written out (a WordPress shortcode), stays a form
file.
"""

from __future__ import annotations

import re
from pathlib import Path

from cnsnt.evidence import FieldRole
from cnsnt.sources.forms.template_php import php_only
from cnsnt.starter.survey_context import read_as_form

#: PHP's ways to print. Linear: fixed words between word boundaries.
_PRINTS = re.compile(r"\b(?:echo|print|printf|vprintf|print_r|var_dump)\b", re.IGNORECASE)
#: Roles of controls a person fills in (a button or hidden field names no datum).
_FILLED_IN = frozenset({FieldRole.INPUT, FieldRole.CONSENT})


def html_builder(path: Path, root: Path, text: str) -> bool:
    """Whether a `.php` file (its whole `text`) only builds controls in strings for others.

    Blade templates are markup, never builders.
    """
    if path.name.lower().endswith(".blade.php") or not php_only(text) or _PRINTS.search(text):
        return False
    evidence = read_as_form(path, root)
    if evidence is None:
        return False  # the audit says what is wrong with it: proposed, not passed over
    return not any(f.name is not None and f.role in _FILLED_IN for f in evidence.fields)
