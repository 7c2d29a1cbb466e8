"""Render a `NoticeContent` as Markdown, a self-contained HTML page, or JSON.

Every policy string is escaped for its format: HTML through Jinja2's autoescape
(and a Content-Security-Policy that allows no script at all, in case anything
slipped through), Markdown through a `finalize` hook that escapes every
`{{ value }}` unless the template marks it as already formatted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from cnsnt.textsafe import strip_unsafe, strip_unsafe_data

from .content import NoticeContent
from .i18n import translations
from .texts import LocalText
from .theme import Theme, scope_css

FORMATS = ("markdown", "html", "json", "fragment")
LAYERS = ("short", "full")


class MdRaw(str):
    """Markdown the template built itself (a link): `finalize` leaves it alone."""

    __slots__ = ()


#: Linear: one character. `#` too: a heading's text ending in ` #` would lose it (a closing
#: sequence), and one starting a list item's text would turn it into a heading.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~#])")
#: Linear: anchored at the start, a possessive digit run.
_MD_LINE_START = re.compile(r"^(?:([#+=>-])|(\d++)([.)]))")
#: Linear: at each `&` the lookahead reads one word run, which holds no `&`.
_MD_ENTITY = re.compile(r"&(?=#?\w++;)")
#: Linear: anchored (match), one possessive run to the end.
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)[^\s<>\"'`()\[\]{}|\\^]++$", re.IGNORECASE)
#: Linear: one possessive run.
_BLANKS = re.compile(r"\s++")


def md_escape(value: str, *, block: bool = False) -> str:
    """Escape a string so Markdown shows it as text (no links, HTML, emphasis or tables).

    `block=True` for a value that starts a line, where `#`, `-` or `1.` would begin a
    heading or a list.
    """
    text = _BLANKS.sub(" ", value).strip()
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    if not block:
        return text
    return _MD_LINE_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text
    )


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) or mailto address; None otherwise (shown as text)."""
    if url and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


#: Linear: anchored (match); the possessive runs are separated by `@` and `.`, which they
#: cannot hold, so none is given back.
_EMAIL = re.compile(r"^[\w.+-]++@[\w-]++(?>(?:\.[\w-]++)+)$", re.UNICODE)


def contact_href(value: str | None) -> str | None:
    """A link target for a contact: `mailto:` for an email address, the URL for a URL."""
    if not value:
        return None
    value = value.strip()
    if _EMAIL.match(value):
        return safe_url(f"mailto:{value}")
    return safe_url(value)


def _md_finalize(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, MdRaw):
        return str(value)
    if isinstance(value, LocalText):
        return md_escape(value.text)
    return md_escape(str(value))


def _md_link(url: str | None, text: str | None = None) -> MdRaw:
    good = safe_url(url)
    if good is None:
        return MdRaw(md_escape(url or ""))
    if text is None:
        return MdRaw(f"<{good}>")
    return MdRaw(f"[{md_escape(text)}](<{good}>)")


def _texts(values: Any, sep: str = " ") -> str:
    return sep.join(v.text if isinstance(v, LocalText) else str(v) for v in values)


@cache
def _env(kind: str, lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("cnsnt.notices", "templates"),
        autoescape=kind == "html",
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=_md_finalize if kind == "markdown" else None,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["texts"] = _texts
    env.filters["escaped"] = lambda value: MdRaw(str(value))
    env.filters["block"] = lambda value: MdRaw(
        md_escape(value.text if isinstance(value, LocalText) else str(value), block=True)
    )
    env.globals["md_link"] = _md_link
    env.globals["safe_url"] = safe_url
    env.globals["contact_href"] = contact_href
    return env


@cache
def stylesheet() -> str:
    """The notice's CSS, inlined into every HTML page (tidied as the page is, so its hash holds)."""
    text = resources.files("cnsnt.notices").joinpath("templates", "notice.css").read_text("utf-8")
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip()) + "\n"


def _style_hash(css: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")


def _csp(css: str, logo: str | None = None) -> str:
    images = "data:" + (f" {logo}" if logo and logo.startswith("https://") else "")
    return (
        f"default-src 'none'; style-src '{_style_hash(css)}'; img-src {images}; "
        "base-uri 'none'; form-action 'none'"
    )


def title(content: NoticeContent, layer: str) -> str:
    """The notice's title for a layer and regime."""
    if layer == "short":
        return content.h["title_short"]
    return content.h["title_ccpa"] if content.regime == "ccpa" else content.h["title_full"]


def label_colon(lang: str) -> str:
    """The colon after a label (`Adresse : ...`): French sets a no-break space before it.

    The translations put it in their own sentences ("À compléter : un nom"); the
    templates' labels had a bare `:` in every language (review39 D5).
    """
    return "\u00a0:" if lang.split("-")[0].lower() == "fr" else ":"


def render_content(
    content: NoticeContent,
    *,
    fmt: str,
    layer: str,
    version: str,
    marker: str,
    intro: str,
    draft: bool = False,
    theme: Theme | None = None,
) -> str:
    """The notice text in one format (`draft`: with a "not for publication" banner).

    `html` is a whole page; `fragment` an embeddable `<section>` whose styles apply
    only inside it. A `theme` adds its custom properties after the stylesheet; the
    CSP hash is computed over the final CSS.

    Control and bidirectional-override characters in policy texts are dropped in every
    format (`textsafe.strip_unsafe`): a notice is read by customers, to whom an escape
    means nothing, and a raw U+202E would make "Acme DTL" display as "Acme LTD".
    """
    if fmt == "json":
        meta: dict[str, Any] = {
            "version": version,
            "lang": content.lang,
            "layer": layer,
            "preset": content.regime,
            "format": "json",
            "title": title(content, layer),
            "intro": intro,
        }
        if draft:
            meta["status"] = "draft"
            meta["draft"] = f"{content.h['draft']}. {content.s['draft_why']}"
        doc = {
            "notice": meta,
            **content.to_json(),
        }
        return json.dumps(strip_unsafe_data(doc), ensure_ascii=False, indent=2) + "\n"
    kind = "html" if fmt in ("html", "fragment") else "markdown"
    template = _env(kind, content.lang).get_template(
        "notice.html.j2" if kind == "html" else "notice.md.j2"
    )
    css = stylesheet() + (theme.css() if theme else "")
    if fmt == "fragment":
        css = scope_css(css)
    logo = theme.logo if theme else None
    text = template.render(
        c=content,
        h=content.h,
        s=content.s,
        layer=layer,
        version=version,
        marker=marker,
        title=title(content, layer),
        intro=intro,
        draft=draft,
        css=Markup(css),
        csp=_csp(css, logo),
        style_hash=_style_hash(css),
        logo=logo,
        fragment=fmt == "fragment",
        colon=MdRaw(label_colon(content.lang)),
    )
    # Deterministic, tidy output: no trailing spaces, one blank line at most, one final newline.
    lines = [line.rstrip() for line in strip_unsafe(text).splitlines()]
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"
