"""Brand a notice: a small theme file (YAML or CSS custom properties) and fragments to embed.

A theme sets only what a brand needs: colours, a font stack, a logo URL and the
corner radius. Every value is checked before it reaches the page (colours with
tinycss2's CSS Color parser, fonts and lengths against a strict grammar, the logo
must be a plain https URL), so a theme cannot smuggle CSS rules or markup in. The
page's Content-Security-Policy hash is computed over the final stylesheet, and the
logo's exact URL is added to `img-src`.

`scope_css` rewrites the notice stylesheet so that every rule applies only inside
`.cnsnt-notice`: the fragment (`--fragment`) can be pasted into any page without
restyling it.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
import yaml
from tinycss2.color4 import parse_color

from cnsnt.errors import UsageError

#: Theme keys -> the CSS custom property the notice stylesheet reads.
COLORS = {
    "accent": "--accent", "text": "--fg", "background": "--bg", "muted": "--muted",
    "border": "--line", "surface": "--soft",
}
#: CSS custom properties a `.css` theme may set (also the short names the stylesheet uses).
PROPERTIES = {
    **{v: k for k, v in COLORS.items()}, **{f"--{k}": k for k in COLORS},
    "--font": "font", "--radius": "radius", "--logo": "logo",
}
_FAMILY = r"""(?:"[\w .-]+"|'[\w .-]+'|[\w-]+(?:\s+[\w-]+)*)"""
_FONT = re.compile(rf"^\s*{_FAMILY}(?:\s*,\s*{_FAMILY})*\s*$")
_LENGTH = re.compile(r"^(?:0|\d{1,3}(?:\.\d{1,3})?(?:px|rem|em|%))$")
_LOGO = re.compile(r"^https://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~%/+-]*)?$")


@dataclass(frozen=True)
class Theme:
    """Checked brand settings: CSS custom properties and an optional logo."""

    variables: dict[str, str] = field(default_factory=dict)
    """`--accent` -> `#0b5cad`, in a fixed order."""
    logo: str | None = None
    source: str = ""

    def css(self) -> str:
        """The rules appended to the notice stylesheet (after the dark-mode block, so they win)."""
        if not self.variables:
            return ""
        body = " ".join(f"{k}: {v};" for k, v in self.variables.items())
        return f":root {{ {body} }}\n@media (prefers-color-scheme: dark) {{ :root {{ {body} }} }}\n"


def _check(source: str, key: str, value: object) -> tuple[str, str] | None:
    """(`--property`, value) for one theme setting; a usage error naming the problem."""
    text = str(value).strip() if value is not None else ""
    if key in COLORS:
        if not text or parse_color(text) is None or any(c in text for c in ";{}<>\\"):
            raise UsageError(
                f"{source}: {key}: {text!r} is not a CSS colour (#rrggbb, rgb(), hsl() or a name)"
            )
        return COLORS[key], text
    if key == "font":
        if not _FONT.match(text):
            raise UsageError(
                f"{source}: font: {text!r} is not a list of font names "
                "(e.g. \"Inter\", system-ui, sans-serif)"
            )
        return "--font", ", ".join(part.strip() for part in text.split(","))
    if key == "radius":
        if not _LENGTH.match(text):
            raise UsageError(f"{source}: radius: {text!r} is not a length (e.g. 6px, 0.5rem, 0)")
        return "--radius", text
    if key == "logo":
        return None
    raise UsageError(
        f"{source}: unknown theme setting '{key}'; known: {', '.join([*COLORS, 'font', 'radius', 'logo'])}"
    )


_IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
                ".jpeg": "image/jpeg", ".webp": "image/webp"}
MAX_LOGO_BYTES = 200_000
MAX_THEME_BYTES = 64_000


def _logo(source: str, value: object, base: Path | None) -> str:
    """A logo: a plain https URL, or a local image file embedded as a `data:` URL.

    An embedded file keeps the page self-contained; an `<img>` never runs a script in
    an SVG, and the page's CSP already allows `data:` images.
    """
    text = str(value).strip().strip("\"'")
    if text.startswith("url(") and text.endswith(")"):
        text = text[4:-1].strip().strip("\"'")
    if _LOGO.match(text):
        return text
    if base is not None and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text):
        path = (base / text).resolve()
        kind = _IMAGE_TYPES.get(path.suffix.lower())
        if kind is None:
            raise UsageError(f"{source}: logo: {text!r} is not an image ({', '.join(_IMAGE_TYPES)})")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"{source}: logo: cannot read {text}: {exc.strerror or exc}") from None
        if len(data) > MAX_LOGO_BYTES:
            raise UsageError(f"{source}: logo: {text} is larger than {MAX_LOGO_BYTES // 1000} kB")
        return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    raise UsageError(
        f"{source}: logo: {text!r} is neither a plain https URL (no query string, quotes or "
        "spaces) nor an image file next to the theme"
    )


def _from_settings(source: str, settings: dict[str, object], base: Path | None = None) -> Theme:
    variables: dict[str, str] = {}
    logo = None
    for key, value in settings.items():
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            # Never str() a nested value: YAML aliases can make it exponentially large.
            raise UsageError(f"{source}: {key}: expected a single value, got {type(value).__name__}")
        if key == "logo":
            logo = _logo(source, value, base)
            continue
        checked = _check(source, key, value)
        if checked is not None:
            variables[checked[0]] = checked[1]
    order = [*COLORS.values(), "--font", "--radius"]
    return Theme({k: variables[k] for k in order if k in variables}, logo, source)


def load_theme(path: Path) -> Theme:
    """Read and check a theme file: `.css` (custom properties in `:root`) or YAML."""
    shown = path.as_posix()
    try:
        if path.stat().st_size > MAX_THEME_BYTES:
            raise UsageError(f"{shown}: a theme is a few lines; this file is over 64 kB")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read theme {shown}: {getattr(exc, 'strerror', None) or exc}") from None
    if path.suffix.lower() == ".css":
        return _from_css(shown, text, path.parent)
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise UsageError(f"{shown}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(doc, dict):
        raise UsageError(f"{shown}: a theme is a mapping (colors:, font:, logo:, radius:)")
    settings: dict[str, object] = {}
    for key, value in doc.items():
        if key == "colors":
            if not isinstance(value, dict):
                raise UsageError(f"{shown}: colors: is a mapping of {', '.join(COLORS)}")
            for name, color in value.items():
                if str(name) not in COLORS:
                    raise UsageError(
                        f"{shown}: unknown colour '{name}'; known: {', '.join(COLORS)}"
                    )
                settings[str(name)] = color
        else:
            settings[str(key)] = value
    return _from_settings(shown, settings, path.parent)


def _from_css(shown: str, text: str, base: Path | None = None) -> Theme:
    settings: dict[str, object] = {}
    for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
        where = f"{shown}:{rule.source_line}:{rule.source_column}"
        if rule.type == "error":
            raise UsageError(f"{where}: {rule.message}")
        if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != ":root":
            raise UsageError(f"{where}: a CSS theme holds only `:root {{ --name: value; }}`")
        for decl in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            spot = f"{shown}:{decl.source_line}:{decl.source_column}"
            if decl.type != "declaration" or decl.name not in PROPERTIES:
                name = getattr(decl, "name", "?")
                raise UsageError(
                    f"{spot}: unknown theme property '{name}'; known: {', '.join(sorted(PROPERTIES))}"
                )
            if any(getattr(token, "type", "") == "error" for token in decl.value):
                raise UsageError(f"{spot}: {decl.name}: not valid CSS (a bad URL or string)")
            key, value = PROPERTIES[decl.name], tinycss2.serialize(decl.value).strip()
            _from_settings(spot, {key: value}, base)  # check it here, to name its position
            settings[key] = value
    return _from_settings(shown, settings, base)


# -- fragments --------------------------------------------------------------------------

SCOPE = ".cnsnt-notice"
_ROOTS = re.compile(r"^(?::root|html|body|main)\b")


def _scope_selector(selector: str) -> str:
    selector = selector.strip()
    if _ROOTS.match(selector):
        rest = _ROOTS.sub("", selector, count=1)
        return f"{SCOPE}{rest}"
    return f"{SCOPE} {selector}"


def scope_css(css: str) -> str:
    """The stylesheet with every selector inside `.cnsnt-notice` (media queries kept)."""
    out: list[str] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selectors = tinycss2.serialize(rule.prelude).split(",")
            out.append(
                ", ".join(_scope_selector(s) for s in selectors)
                + " {" + tinycss2.serialize(rule.content).rstrip() + " }"
            )
        elif rule.type == "at-rule" and rule.content is not None:
            inner = scope_css(tinycss2.serialize(rule.content))
            prelude = tinycss2.serialize(rule.prelude).strip()
            out.append(f"@{rule.at_keyword} {prelude} {{\n{inner}}}")
    return "\n".join(out) + "\n"
