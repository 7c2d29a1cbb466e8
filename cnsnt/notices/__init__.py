"""Customer-facing notices, generated from the policy alone (SPEC §4).

The library API the CLI calls:

- `render_notice(policy, lang=, fmt=, layer=, preset=)` -> `NoticeResult` (text, version, warnings)
- `notice_version(policy, preset)` -> the version string a notice carries
- `check_notice(policy, published_text)` -> `NoticeCheck`: does a published notice still match?
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from cnsnt.errors import UsageError
from cnsnt.model import Finding, Severity
from cnsnt.policy.model import Policy

from .checks import Issue, completeness_issues, readability_issues, regime
from .content import NoticeContent, build_content
from .datum_names import starter_labels
from .i18n import LANGUAGES, check_language, resolve_language
from .labels import short_intro
from .render import FORMATS, LAYERS, MdRaw, render_content
from .theme import Theme, load_theme
from .version import Marker, marker_text, notice_version, read_marker

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "LAYERS",
    "NoticeCheck",
    "NoticeResult",
    "Theme",
    "check_notice",
    "load_theme",
    "notice_version",
    "render_notice",
    "resolve_language",
]


@dataclass(frozen=True)
class NoticeResult:
    """A rendered notice and what the author should fix in the policy."""

    text: str
    version: str
    warnings: list[Finding] = field(default_factory=list)
    """CN601/CN602 findings for this notice's language, sorted (errors among them block it)."""
    blockers: list[Finding] = field(default_factory=list)
    """Errors that make the notice wrong or incomplete: it must not be published."""
    draft: bool = False
    """Rendered as a draft (banner, and a marker `--check` refuses)."""
    notes: list[str] = field(default_factory=list)
    """Things to tell the author that are not problems (the language tag that was matched)."""
    lang: str = "en"
    """The catalog the notice is in (a tag like `pt-BR` resolves to `pt`)."""

    @property
    def publishable(self) -> bool:
        """True when nothing blocks the notice and it is not a draft."""
        return not self.blockers and not self.draft


@dataclass(frozen=True)
class NoticeCheck:
    """Whether a published notice still says what the policy says."""

    ok: bool
    current_version: str
    published_version: str | None
    reason: str
    """One sentence for the user: what matches or what differs."""
    marker: Marker | None = None


def _check_options(lang: str, fmt: str, layer: str) -> None:
    check_language(lang)
    if fmt not in FORMATS:
        raise UsageError(f"unknown notice format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    if layer not in LAYERS:
        raise UsageError(f"unknown notice layer '{layer}'; choose one of: {', '.join(LAYERS)}")


def _intro(content: NoticeContent, layer: str) -> str:
    if layer == "short":
        from .i18n import lang as get_lang

        return short_intro(get_lang(content.lang), len(content.data))
    if content.regime == "ccpa":
        return content.s["ccpa_intro"]
    return ""


def render_notice(
    policy: Policy,
    *,
    lang: str = "en",
    fmt: str = "markdown",
    layer: str = "full",
    preset: str | None = None,
    draft: bool = False,
    theme: Theme | None = None,
) -> NoticeResult:
    """Render the notice; raise UsageError for an unknown language, format or layer.

    The result's `blockers` are the CN602 errors (elements the notice must state
    but the policy does not give); callers add the audit's (`cnsnt.api.notice`).
    """
    lang, note = resolve_language(lang)
    _check_options(lang, fmt, layer)
    law = regime(preset)
    version = notice_version(policy, law)
    content = build_content(policy, lang, law, draft=draft)
    marker = marker_text(version, lang, layer, law, fmt, draft=draft)
    text = render_content(
        content, fmt=fmt, layer=layer, version=version, marker=MdRaw(marker),
        intro=_intro(content, layer), draft=draft, theme=theme,
    )
    issues = [
        *readability_issues(policy, lang),
        *completeness_issues(policy, law, lang=lang, include_retention=True),
    ]
    if draft:
        issues = _starter_label_gaps(policy, issues, content)
    warnings = sorted({i.finding(policy) for i in issues}, key=Finding.sort_key)
    blockers = [w for w in warnings if w.severity is Severity.ERROR]
    notes = [note] if note else []
    read_as = _plain_texts_note(policy, lang, issues)
    if read_as:
        notes.append(read_as)
    return NoticeResult(
        text=text, version=version, warnings=warnings, blockers=blockers, draft=draft,
        notes=notes, lang=lang,
    )


def _plain_texts_note(policy: Policy, lang: str, issues: list[Issue]) -> str | None:
    """Why the plain texts of a policy that names no language lack `lang`: they are read as English.

    A German club writes its labels and purposes in German, as plain strings; with no
    `notice.languages` they count as English, so a German notice warned once per text that
    it had no German one and showed "the English one" (review38 D4: 42 warnings), and
    nothing said where the language is declared. None when the policy names its languages,
    the notice is English, or no plain text lacks `lang`.
    """
    from .texts import declared_languages, default_language

    if declared_languages(policy) or lang == default_language(policy):
        return None
    if not any(i.rule == "CN602" and i.lang == lang and i.subject.startswith("text:") for i in issues):
        return None
    default = default_language(policy)
    return (
        f"the policy names no language (notice.languages), so its plain texts are read as "
        f"'{default}'; if they are written in '{lang}', declare it: notice: {{languages: [{lang}]}}"
    )


def _starter_label_gaps(
    policy: Policy, issues: list[Issue], content: NoticeContent
) -> list[Issue]:
    """A draft's issues with each label `cnsnt init` made up said as a gap to fill in.

    The draft shows the entry's category instead (`starter_labels`), so that label's
    "no text in this language" warning, and the error a notice for publication gives a
    label naming code, are said once here, for all of them.
    """
    names = starter_labels(policy)
    if not names:
        return issues
    mine = {("data", name, "label") for name in names}
    kept = [i for i in issues if i.path not in mine]
    many = len(names) != 1
    return [
        *kept,
        Issue(
            "CN602",
            "data:labels",
            f"{len(names)} data entr{'ies keep' if many else 'y keeps'} the label cnsnt init "
            f"wrote, which names code, not what people give: {', '.join(names)}; the draft "
            f"shows {'each' if many else 'its'} entry's category instead, marked "
            f"'{content.h['gap']}' with the line of its label",
            "write each label: as the people you ask would name it (a notice for publication "
            "refuses the ones that name tables, forms or folders)",
            ("data", names[0], "label"),
            severity=Severity.WARNING,
        ),
    ]


#: Linear: every branch, once its fixed opening matched, runs to its end or to the end of
#: the text (`\Z`), so a try never fails after reading far; runs are possessive.
_LOOK = re.compile(
    r"<style>.*?(?:</style>|\Z)|<meta http-equiv=\"Content-Security-Policy\"[^>]*+(?:>|\Z)"
    r"|<img class=\"logo\"[^>]*+(?:>|\Z)|<!-- cnsnt notice fragment:.*?(?:-->|\Z)",
    re.DOTALL,
)


def _same(published: str, fresh: str, fmt: str) -> bool:
    if fmt in ("html", "fragment"):
        # The look (stylesheet, theme, logo) is the site's business; the words must match.
        published, fresh = _LOOK.sub("", published), _LOOK.sub("", fresh)
    if fmt == "json":
        try:
            return bool(json.loads(published) == json.loads(fresh))
        except (ValueError, RecursionError):
            return False
    def tidy(text: str) -> str:
        lines = (line.rstrip() for line in text.replace("\r\n", "\n").splitlines())
        return "\n".join(line for line in lines if line).strip()
    return tidy(published) == tidy(fresh)


def check_notice(policy: Policy, published_text: str, *, source: str = "the notice") -> NoticeCheck:
    """Compare a published notice with what the policy states now.

    The notice's own marker says which language, layer, format and regime it was
    rendered with; it matches when its version is the current one and a fresh
    render with those options gives the same text (JSON: the same data).
    """
    # an editor may have saved the published copy with a byte order mark: not a word of it
    published_text = published_text.removeprefix("\ufeff")
    marker = read_marker(published_text)
    if marker is None:
        return NoticeCheck(
            ok=False,
            current_version="",
            published_version=None,
            reason=f"{source} carries no cnsnt notice version; render it with `cnsnt notice`",
        )
    law = regime(marker.preset)
    current = notice_version(policy, law)
    if marker.draft:
        return NoticeCheck(
            ok=False, current_version=current, published_version=marker.version, marker=marker,
            reason=f"{source} is a draft (rendered with --draft), not for publication: "
            "complete the policy and render it again without --draft",
        )
    if marker.lang not in LANGUAGES or marker.format not in FORMATS or marker.layer not in LAYERS:
        return NoticeCheck(
            ok=False, current_version=current, published_version=marker.version, marker=marker,
            reason=f"{source} has a marker this cnsnt cannot re-render "
            f"(lang={marker.lang}, layer={marker.layer}, format={marker.format})",
        )
    if marker.version != current:
        return NoticeCheck(
            ok=False, current_version=current, published_version=marker.version, marker=marker,
            reason=f"{source} is version {marker.version} but the policy now states version "
            f"{current}: the policy changed and the notice was not republished",
        )
    fresh = render_notice(policy, lang=marker.lang, fmt=marker.format, layer=marker.layer, preset=law)
    if not _same(published_text, fresh.text, marker.format):
        return NoticeCheck(
            ok=False, current_version=current, published_version=marker.version, marker=marker,
            reason=f"{source} has the current version {current} but its text differs from a "
            "fresh render (edited by hand, or rendered by another cnsnt release): republish it",
        )
    return NoticeCheck(
        ok=True, current_version=current, published_version=marker.version, marker=marker,
        reason=f"{source} matches the policy (version {current})",
    )
