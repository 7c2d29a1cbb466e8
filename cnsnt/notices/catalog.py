"""The message catalog of the notices: extract the msgids and compare them with the `.po` files.

`python -m tests.regen_notices --catalogs` rewrites `locales/cnsnt.pot` and merges new
msgids into every `.po` (untranslated ones stay empty and a test fails until
someone translates them); `tests/unit/test_notice_i18n.py` checks that every
catalog translates every msgid with the right placeholders and plural forms.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from .i18n import DOMAIN

#: Which extractor reads which files (relative to the `cnsnt/notices` package).
METHOD_MAP = [
    ("labels.py", "python"),
    ("i18n.py", "python"),
    ("templates/**.j2", "jinja2.ext:babel_extract"),
]
KEYWORDS = {"_": None, "gettext": None, "n_": (1, 2), "ngettext": (1, 2)}
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                               "lstrip_blocks": "true"}}


def package_dir() -> Path:
    """The `cnsnt/notices` directory (catalog maintenance runs from a source checkout)."""
    return Path(str(resources.files("cnsnt.notices")))


def extract_messages() -> Catalog:
    """Every msgid the notices use, with where it is used."""
    catalog = Catalog(project="cnsnt", domain=DOMAIN, charset="utf-8", fuzzy=False)
    root = package_dir()
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), METHOD_MAP, options_map=OPTIONS, keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def read_catalog(lang: str) -> Catalog:
    """The `.po` catalog of one language, as Babel reads it."""
    path = package_dir() / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def msgids(catalog: Iterable[object]) -> set[str | tuple[str, ...]]:
    """The ids of a catalog's messages (a tuple for plural messages), without the header."""
    out: set[str | tuple[str, ...]] = set()
    for message in catalog:
        mid = getattr(message, "id", "")
        if mid:
            out.add(tuple(mid) if isinstance(mid, list | tuple) else str(mid))
    return out
