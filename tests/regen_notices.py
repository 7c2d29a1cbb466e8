"""Regenerate the example notices (and, with --catalogs, the message catalogs).

    python -m tests.regen_notices             # rewrite examples/*/notices/*
    python -m tests.regen_notices --catalogs  # rewrite locales/cnsnt.pot, merge new msgids into the .po files

tests/unit/test_notice_examples.py compares fresh renders with these files, so run
this after an intended change to the policies, templates or catalogs, and review
the diff like code.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from cnsnt.api import notice
from cnsnt.notices import LANGUAGES, load_theme, render_notice
from cnsnt.notices.catalog import extract_messages, package_dir
from cnsnt.output import write_atomic
from cnsnt.policy.loader import load_policy

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_NAMES = ("restaurant", "shop")

#: (file name, lang, format, layer, preset) rendered for every example.
NOTICES: list[tuple[str, str, str, str, str | None]] = [
    *[(f"notice.{lang}.md", lang, "markdown", "full", None) for lang in LANGUAGES],
    *[(f"notice.short.{lang}.md", lang, "markdown", "short", None) for lang in LANGUAGES],
    ("notice.en.html", "en", "html", "full", None),
    ("notice.short.en.html", "en", "html", "short", None),
    ("notice.ru.html", "ru", "html", "full", None),
    ("notice.en.json", "en", "json", "full", None),
    ("notice.it.json", "it", "json", "full", None),
    ("notice.ccpa.en.md", "en", "markdown", "full", "ccpa"),
]


#: Branded notices (file name, lang, format, layer, theme file relative to the example).
THEMED: dict[str, list[tuple[str, str, str, str, str]]] = {
    "shop": [
        ("notice.es.themed.html", "es", "html", "full", "brand/theme.yaml"),
        ("notice.short.es.themed.html", "es", "html", "short", "brand/theme.yaml"),
        ("notice.de.fragment.html", "de", "fragment", "full", "brand/theme.css"),
    ],
}


def render_all(name: str) -> dict[str, str]:
    """Every notice of one example, by file name."""
    policy = load_policy(EXAMPLES / name / "cnsnt.yaml")
    # An example whose policy cannot give a publishable notice ships drafts, banner and all.
    draft = bool(notice(policy, with_audit=True, jobs=1).blockers)
    out = {
        filename: render_notice(
            policy, lang=lang, fmt=fmt, layer=layer, preset=preset, draft=draft
        ).text
        for filename, lang, fmt, layer, preset in NOTICES
    }
    for filename, lang, fmt, layer, theme in THEMED.get(name, []):
        brand = load_theme(EXAMPLES / name / theme)
        out[filename] = render_notice(policy, lang=lang, fmt=fmt, layer=layer, theme=brand).text
    return out


def regen_examples() -> list[Path]:
    """Write every example notice; return the paths written."""
    written = []
    for name in EXAMPLE_NAMES:
        folder = EXAMPLES / name / "notices"
        folder.mkdir(exist_ok=True)
        for filename, text in render_all(name).items():
            write_atomic(folder / filename, text)
            written.append(folder / filename)
    return written


def regen_catalogs() -> list[Path]:
    """Rewrite the .pot from the sources and add new msgids (untranslated) to each .po."""
    template = extract_messages()
    locales = package_dir() / "locales"
    written = [locales / "cnsnt.pot"]
    buffer = io.BytesIO()
    write_po(buffer, template, width=100, include_lineno=False, omit_header=True)
    write_atomic(locales / "cnsnt.pot", buffer.getvalue().decode("utf-8"))
    for lang in LANGUAGES[1:]:
        path = locales / lang / "LC_MESSAGES" / "cnsnt.po"
        text = path.read_text("utf-8")
        head = "".join(line + "\n" for line in text.splitlines() if line.startswith("# "))
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        catalog.update(template, no_fuzzy_matching=True)
        buffer = io.BytesIO()
        write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
        body = "\n".join(
            line for line in buffer.getvalue().decode("utf-8").splitlines()
            if not line.startswith("# ") and line != "#"
            and not line.startswith(('"POT-Creation-Date', '"PO-Revision-Date', '"Report-Msgid',
                                     '"Last-Translator'))
        )
        body = body.replace('"Project-Id-Version:  cnsnt', '"Project-Id-Version: cnsnt')
        write_atomic(path, head + body + "\n")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    paths = regen_catalogs() if "--catalogs" in argv else regen_examples()
    sys.stdout.write("".join(f"wrote {p.relative_to(ROOT)}\n" for p in paths))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
