"""Languages of the fixed notice text: gettext catalogs, plural forms, dates and durations.

The catalogs are `locales/<lang>/LC_MESSAGES/cnsnt.po`, read with Babel and compiled
to an in-memory `.mo` on first use, so the sources are the only files to review and
nothing needs a build step. English is the source language (the msgids).

Durations are spelled with our catalogs' plural forms, not Babel's `format_unit`:
the CLDR data Babel ships has no long year/day/month units for Italian, Catalan and
Turkish (it prints "2 duration-year").
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from babel import Locale, UnknownLocaleError, negotiate_locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from cnsnt.errors import UsageError

#: Languages with a complete catalog for the fixed text, in the order docs list them.
LANGUAGES = ("en", "it", "ca", "tr", "ru", "hu", "es", "de", "fr", "pt", "nl", "pl")
SOURCE_LANGUAGE = "en"
DOMAIN = "cnsnt"

#: Linear: anchored; each possessive digit run is followed by a letter, never given back.
_ISO_DURATION = re.compile(
    r"^P(?!$)(?:(\d++)Y)?(?:(\d++)M)?(?:(\d++)W)?(?:(\d++)D)?"
    r"(?:T(?=\d)(?:(\d++)H)?(?:(\d++)M)?(?:(\d++)S)?)?$"
)


def resolve_language(tag: str) -> tuple[str, str | None]:
    """The catalog for a BCP 47 tag (`EN`, `it_IT`, `pt-BR`) and a note when it is not exact.

    Babel parses the tag (case and `-`/`_` do not matter) and `negotiate_locale`
    picks the nearest catalog: a region or script we have no catalog for falls back
    to its language. A tag no catalog serves is a usage error naming the choices.
    """
    raw = tag.strip()
    if raw in LANGUAGES:
        return raw, None
    try:
        locale = Locale.parse(raw.replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        locale = None
    code = negotiate_locale([str(locale)], list(LANGUAGES), sep="_") if locale else None
    if code is None:
        raise UsageError(
            f"no notice translation for language '{tag}'; available: {', '.join(LANGUAGES)}"
        )
    if str(locale) == code:
        return str(code), f"language tag '{tag}' read as '{code}'"
    name = Locale.parse(code).get_display_name("en") or code
    written = raw.replace("_", "-").split("-")
    if locale is None or written[0].lower() != locale.language:
        # `und` (undetermined): Babel's likely subtags make it `en_US`, which no one asked for
        return str(code), f"language '{tag}' names no language of its own; the notice is in {name} ({code})"
    asked = locale.get_display_name("en") if len(written) > 1 else None
    shown = f"language '{tag}' ({asked})" if asked and asked != name else f"language '{tag}'"
    if code == SOURCE_LANGUAGE:  # `en-US`, `en-GB`: the notices are written in English
        return str(code), f"{shown} reads the notices' own language, {name} ({code})"
    # a regional variant reads the language's catalog (Brazilian readers get European
    # Portuguese): said once, so the wording is checked before it is published
    return str(code), (
        f"{shown} has no catalog of its own; the notice is in {name} ({code}): "
        "check its wording suits your readers"
    )


def check_language(lang: str) -> str:
    """The language if a catalog exists for it; a usage error naming the choices otherwise."""
    if lang not in LANGUAGES:
        raise UsageError(
            f"no notice translation for language '{lang}'; available: {', '.join(LANGUAGES)}"
        )
    return lang


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalog of one language (English: the msgids themselves)."""
    check_language(lang)
    if lang == SOURCE_LANGUAGE:
        return NullTranslations()
    po = resources.files("cnsnt.notices").joinpath("locales", lang, "LC_MESSAGES", f"{DOMAIN}.po")
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


@dataclass(frozen=True)
class Lang:
    """Everything language-specific a renderer needs, bound to one language."""

    code: str
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]

    def _(self, message: str, **values: object) -> str:
        """Translate and fill `%(name)s` placeholders."""
        text = self.gettext(message)
        return text % values if values else text

    def n_(self, singular: str, plural: str, num: int, **values: object) -> str:
        """Translate with the language's plural form for `num` (`%(num)d` is filled)."""
        return self.ngettext(singular, plural, num) % {"num": num, **values}

    def date(self, value: dt.date) -> str:
        """A date in the language's long form (`1 marzo 2025`, `2025. március 1.`)."""
        return str(format_date(value, "long", locale=self.code))

    def join(self, items: list[str]) -> str:
        """`a, b and c` in the language."""
        if not items:
            return ""
        return str(format_list(items, style="standard", locale=self.code))

    def country(self, code: str) -> str:
        """A country's name in the language, or the code when unknown."""
        name = Locale.parse(self.code).territories.get(code.upper())
        return str(name) if name else code

    def language_name(self, code: str) -> str:
        """A language's name in this language (`en` -> `inglese`)."""
        try:
            name = Locale.parse(self.code).languages.get(code.split("-")[0].split("_")[0])
        except (ValueError, TypeError):
            name = None
        return str(name) if name else code

    def duration(self, iso: str) -> str | None:
        """An ISO 8601 duration in words (`P1Y6M` -> `1 year and 6 months`); None if not one."""
        match = _ISO_DURATION.match(iso.strip())
        if not match:
            return None
        years, months, weeks, days, hours, minutes, seconds = (
            int(g) if g else 0 for g in match.groups()
        )
        parts = []
        if years:
            parts.append(self.n_("%(num)d year", "%(num)d years", years))
        if months:
            parts.append(self.n_("%(num)d month", "%(num)d months", months))
        if weeks:
            parts.append(self.n_("%(num)d week", "%(num)d weeks", weeks))
        if days:
            parts.append(self.n_("%(num)d day", "%(num)d days", days))
        if hours:
            parts.append(self.n_("%(num)d hour", "%(num)d hours", hours))
        if minutes:
            parts.append(self.n_("%(num)d minute", "%(num)d minutes", minutes))
        if seconds:
            parts.append(self.n_("%(num)d second", "%(num)d seconds", seconds))
        if not parts:
            return self.n_("%(num)d day", "%(num)d days", 0)
        return self.join(parts)


def is_iso_duration(text: str) -> bool:
    """True for `P2Y`, `P30D`, `PT12H`."""
    return bool(_ISO_DURATION.match(text.strip()))


@cache
def lang(code: str) -> Lang:
    """The `Lang` of a supported language."""
    catalog = translations(code)
    return Lang(code=code, gettext=catalog.gettext, ngettext=catalog.ngettext)
