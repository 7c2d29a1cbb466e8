"""The notice library: content, escaping, formats, versions and checks (no browser)."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cnsnt.errors import UsageError
from cnsnt.notices import LANGUAGES, check_notice, notice_version, render_notice
from cnsnt.notices.catalog import extract_messages, read_catalog
from cnsnt.notices.render import md_escape
from cnsnt.policy.loader import load_policy

POLICY = """\
cnsnt: 1
controller:
  name: Lakeside Bistro Ltd
  contact: privacy@lakeside.example
  authority: {en: Data Protection Commission, it: Data Protection Commission (Irlanda)}
  authority_url: https://www.dataprotection.ie
notice:
  languages: [en, it]
  effective: 2026-03-01
  automated_decisions: {en: We make no decisions about you by computer alone., it: Nessuna decisione su di te è presa solo da un computer.}
purposes:
  reservations:
    description: {en: To hold your table., it: Per tenerti il tavolo.}
    basis: contract
  newsletter:
    description: {en: To send you our menu., it: Per mandarti il menù.}
    basis: consent
    consent:
      form_fields: [signup.opt_in]
      withdraw: {en: Click unsubscribe in any email., it: Clicca su annulla iscrizione in una email.}
recipients:
  mailer: {name: Mailer Inc., country: US, purposes: [newsletter], safeguard: {en: Standard contractual clauses, it: Clausole contrattuali tipo}}
data:
  email:
    label: {en: Your email address, it: Il tuo indirizzo email}
    category: user.contact.email
    columns: [customers.email]
    form_fields: [signup.email]
    purposes: [reservations, newsletter]
    retention: P2Y
    recipients: [mailer]
    required: true
    consequence: {en: We cannot take your booking., it: Non possiamo prendere la prenotazione.}
"""


def load(tmp_path: Path, text: str = POLICY, name: str = "cnsnt.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_policy(path)


def test_full_notice_has_every_gdpr_element(tmp_path):
    text = render_notice(load(tmp_path), lang="en").text
    for expected in [
        "# How Lakeside Bistro Ltd uses your personal data",
        "## Who we are", "privacy@lakeside.example",
        "### To hold your table.", "**Our contract with you.**",
        "**Your consent.**", "## Who sees your data",
        "**Mailer Inc.** (United States): To send you our menu. This is outside the European "
        "Economic Area. How your data is protected there: Standard contractual clauses",
        "| Your email address | Required | We cannot take your booking. |",
        "- Your email address: 2 years", "## Your rights", "within one month",
        "## Withdrawing your consent", "**To send you our menu.** Click unsubscribe in any email.",
        "## Complaints", "Our data protection authority: Data Protection Commission, "
        "<https://www.dataprotection.ie>",
        "## Automated decisions", "We make no decisions about you by computer alone.",
        "Effective date: March 1, 2026",
    ]:
        assert expected in text, expected


def test_short_notice_is_one_table(tmp_path):
    text = render_notice(load(tmp_path), lang="it", layer="short").text
    assert "Raccogliamo 1 tipo di dati personali su di te." in text
    assert "| Cosa raccogliamo | Perché | Per quanto tempo | Chi li vede | La tua scelta |" in text
    assert (
        "| Il tuo indirizzo email | Per tenerti il tavolo. Per mandarti il menù. | 2 anni | "
        "Mailer Inc. | Serve per il servizio. Per il resto, solo se sei d'accordo. |"
    ) in text
    assert len([line for line in text.splitlines() if line.startswith("|")]) == 3


def test_ccpa_notice_at_collection(tmp_path):
    policy = load(tmp_path, POLICY.replace("safeguard:", "shared: true, safeguard:"))
    text = render_notice(policy, lang="en", preset="ccpa").text
    assert "# Notice at collection: Lakeside Bistro Ltd" in text
    assert "| Contact details | Your email address | To hold your table. To send you our menu. "\
        "| 2 years | Yes |" in text
    assert "We sell or share personal information with: Mailer Inc." in text
    assert "Your California privacy rights" in text
    assert "preset=ccpa" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_renders_every_format_and_layer(tmp_path, lang):
    policy = load(tmp_path)
    for fmt in ("markdown", "html", "json"):
        for layer in ("short", "full"):
            result = render_notice(policy, lang=lang, fmt=fmt, layer=layer)
            assert result.text.endswith("\n") and not result.text.endswith("\n\n")
            assert f"lang={lang}" in result.text or f'"lang": "{lang}"' in result.text


def test_output_is_byte_identical_and_version_ignores_formatting(tmp_path):
    a = load(tmp_path)
    first = render_notice(a, lang="en", fmt="html").text
    assert render_notice(a, lang="en", fmt="html").text == first
    reformatted = (
        "# a comment\n" + POLICY.replace("To hold your table.", "'To hold  your\n      table.'")
        .replace("columns: [customers.email]", "columns: [customers.email, orders.email]")
    )
    b = load(tmp_path, reformatted, "other.yaml")
    assert notice_version(b) == notice_version(a)  # comments, quoting, whitespace, evidence
    changed = load(tmp_path, POLICY.replace("P2Y", "P3Y"), "changed.yaml")
    assert notice_version(changed) != notice_version(a)
    assert notice_version(a, "ccpa") != notice_version(a)
    assert re.fullmatch(r"n1-[0-9a-f]{12}", notice_version(a))


def test_no_current_date_in_the_notice(tmp_path):
    policy = load(tmp_path, POLICY.replace("  effective: 2026-03-01\n", ""))
    text = render_notice(policy, lang="en", fmt="html").text
    assert not re.search(r"\b20\d\d\b", text)


def test_check_matches_then_catches_a_policy_change_and_a_hand_edit(tmp_path):
    policy = load(tmp_path)
    for fmt in ("markdown", "html", "json"):
        published = render_notice(policy, lang="it", fmt=fmt, layer="short").text
        assert check_notice(policy, published).ok
        changed = load(tmp_path, POLICY.replace("P2Y", "P1Y"), "changed.yaml")
        verdict = check_notice(changed, published, source="notice")
        assert not verdict.ok and "policy changed" in verdict.reason
        assert verdict.published_version == notice_version(policy)
        assert verdict.current_version == notice_version(changed)
    edited = render_notice(policy, lang="en").text.replace("2 years", "two years")
    verdict = check_notice(policy, edited)
    assert not verdict.ok and "differs from a fresh render" in verdict.reason
    assert not check_notice(policy, "# Our privacy notice\n").ok


def test_check_of_json_ignores_formatting(tmp_path):
    policy = load(tmp_path)
    published = render_notice(policy, lang="en", fmt="json").text
    compact = json.dumps(json.loads(published), separators=(",", ":"))
    assert check_notice(policy, compact).ok


def test_check_reads_a_notice_saved_with_a_byte_order_mark_or_crlf(tmp_path):
    # An editor on Windows saves the published copy with a BOM (and CRLF): --check said
    # "edited by hand" (JSON: "carries no version") of a notice whose words all match.
    policy = load(tmp_path)
    for fmt in ("markdown", "html", "json"):
        published = render_notice(policy, lang="en", fmt=fmt).text
        for saved in (
            "\ufeff" + published,
            published.replace("\n", "\r\n"),
            "\ufeff" + published.replace("\n", "\r\n"),
        ):
            verdict = check_notice(policy, saved)
            assert verdict.ok, (fmt, verdict.reason)


def test_the_general_category_is_named_in_the_notice_language(tmp_path):
    # `category: user` (what cnsnt init gives a field of unknown kind) showed the taxonomy's
    # English name, "User Data", in the category column of a notice in any language.
    from cnsnt.notices.i18n import translations

    policy = load(tmp_path, POLICY.replace("category: user.contact.email", "category: user"))
    for code in LANGUAGES:
        doc = json.loads(render_notice(policy, lang=code, fmt="json", preset="ccpa").text)
        name = doc["data"][0]["category_name"]
        assert name == translations(code).gettext("Personal data"), code
        assert name != "User Data" or code == "en"


def test_missing_translation_is_a_warning_and_marked_never_silent(tmp_path):
    policy = load(tmp_path)
    result = render_notice(policy, lang="ru", fmt="html")
    missing = [w for w in result.warnings if "has no 'ru' text" in w.message]
    assert {w.subject for w in missing} >= {"text:purposes.reservations.description",
                                            "text:data.email.label"}
    assert all(w.rule == "CN602" and w.severity.value == "warning" for w in missing)
    assert missing[0].location is not None and missing[0].location.line
    assert "Некоторые" not in result.text  # the ru note has its own wording
    assert "Часть текста ещё не переведена. Вот её язык: английский." in result.text
    assert '<span lang="en">Your email address</span>' in result.text
    data = json.loads(render_notice(policy, lang="ru", fmt="json").text)
    assert data["data"][0]["label"] == {"text": "Your email address", "lang": "en", "missing": True}
    assert data["fallback_languages"] == ["en"]
    assert not [w for w in render_notice(policy, lang="it").warnings if "has no" in w.message]


def test_unknown_language_format_or_layer_is_a_usage_error(tmp_path):
    policy = load(tmp_path)
    with pytest.raises(UsageError, match="available: en, it, ca, tr, ru, hu, es, de, fr, pt, nl, pl"):
        render_notice(policy, lang="zh-Hant")
    with pytest.raises(UsageError, match="language 'x-klingon'"):
        render_notice(policy, lang="x-klingon")
    with pytest.raises(UsageError, match="format"):
        render_notice(policy, fmt="pdf")
    with pytest.raises(UsageError, match="layer"):
        render_notice(policy, layer="medium")


@pytest.mark.parametrize(
    ("tag", "code", "note"),
    [("it", "it", None), ("EN", "en", "read as 'en'"), ("it_IT", "it", "in Italian (it)"),
     ("pt-BR", "pt", "in Portuguese (pt)"), ("de-CH", "de", "in German (de)"),
     ("es-419", "es", "in Spanish (es)")],
)
def test_language_tags_match_the_nearest_catalog_and_say_so(tmp_path, tag, code, note):
    result = render_notice(load(tmp_path), lang=tag)
    assert result.lang == code
    assert f"lang={code} " in result.text
    if note is None:
        assert result.notes == []
    else:
        assert len(result.notes) == 1 and note in result.notes[0]


HOSTILE = POLICY.replace(
    "description: {en: To hold your table., it: Per tenerti il tavolo.}",
    'description: "<script>alert(1)</script> | *bold* [link](javascript:x) # &amp;"',
).replace("name: Mailer Inc.", 'name: "Mailer </td> Inc."')


def test_markdown_escapes_every_policy_string(tmp_path):
    text = render_notice(load(tmp_path, HOSTILE), lang="en", layer="short").text
    assert "<script>" not in text and "[link](" not in text
    assert r"\<script\>alert(1)\</script\> \| \*bold\* \[link\](javascript:x) \# \&amp;" in text
    assert r"Mailer \</td\> Inc." in text  # escaped once, also inside macros
    row = next(line for line in text.splitlines() if line.startswith("| Your email"))
    assert row.count(" | ") == 4  # the pipe in the text did not add a column
    assert md_escape("# heading", block=True) == r"\# heading"
    assert md_escape("1. item", block=True) == r"1\. item"
    assert md_escape("2026. március 1.") == "2026. március 1."


def test_markdown_keeps_policy_text_that_looks_like_block_markup(tmp_path):
    # A label starting a list item ("- # of orders: 1 year") became a heading and lost its
    # '#'; "1. Email" and "- nick" became nested lists; a heading's trailing " #" vanished.
    from markdown_it import MarkdownIt

    policy = POLICY.replace(
        "label: {en: Your email address, it: Il tuo indirizzo email}", 'label: "# of emails"'
    ).replace(
        "description: {en: To hold your table., it: Per tenerti il tavolo.}", 'description: "To hold table #"'
    )
    for label in ("# of emails", "1. Email", "- nick", "+ nick", "> nick"):
        text = render_notice(load(tmp_path, policy.replace("# of emails", label)), lang="en").text
        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        kinds = [t.type for t in tokens]
        assert kinds.count("heading_open") == 12, label  # title, 9 sections, 2 purposes: no more
        assert "ordered_list_open" not in kinds and "blockquote_open" not in kinds, label
        inline = [t.content for t in tokens if t.type == "inline"]
        assert any(line.replace("\\", "") == f"{label}: 2 years" for line in inline), label
        assert "To hold table \\#" in inline


def test_html_escapes_every_policy_string(tmp_path):
    text = render_notice(load(tmp_path, HOSTILE), lang="en", fmt="html").text
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "Mailer &lt;/td&gt; Inc." in text
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert csp is not None
    policy = html.unescape(csp.group(1))
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_unsafe_urls_are_not_links(tmp_path):
    policy = load(tmp_path, POLICY.replace(
        "authority_url: https://www.dataprotection.ie", "authority_url: 'javascript:alert(1)'"))
    html = render_notice(policy, lang="en", fmt="html").text
    assert 'href="javascript' not in html
    md = render_notice(policy, lang="en").text
    assert "<javascript" not in md and "](javascript" not in md


def test_html_is_self_contained(tmp_path):
    text = render_notice(load(tmp_path), lang="en", fmt="html").text
    assert not re.search(r'(src|href)="(https?:)?//', text.replace('href="https://www.dataprotection.ie"', ""))
    assert "<link" not in text and "@import" not in text and "<script" not in text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text
    assert "@media print" in text
    assert '<html lang="en" dir="ltr">' in text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", ["1 год", "2 года", "5 лет", "11 лет", "21 год", "1 год и 6 месяцев"]),
        ("it", ["1 anno", "2 anni", "5 anni", "11 anni", "21 anni", "1 anno e 6 mesi"]),
        ("hu", ["1 év", "2 év", "5 év", "11 év", "21 év", "1 év és 6 hónap"]),
        ("tr", ["1 yıl", "2 yıl", "5 yıl", "11 yıl", "21 yıl", "1 yıl ve 6 ay"]),
        ("ca", ["1 any", "2 anys", "5 anys", "11 anys", "21 anys", "1 any i 6 mesos"]),
        ("en", ["1 year", "2 years", "5 years", "11 years", "21 years", "1 year and 6 months"]),
    ],
)
def test_retention_uses_each_languages_plural_forms(tmp_path, lang, expected):
    durations = ["P1Y", "P2Y", "P5Y", "P11Y", "P21Y", "P1Y6M"]
    for iso, words in zip(durations, expected, strict=True):
        policy = load(tmp_path, POLICY.replace("P2Y", iso), f"{iso}.yaml")
        assert f"| {words} |" in render_notice(policy, lang=lang, layer="short").text


@pytest.mark.parametrize(
    ("lang", "date"),
    [("en", "March 1, 2026"), ("it", "1 marzo 2026"), ("ca", "1 de març del 2026"),
     ("tr", "1 Mart 2026"), ("ru", "1 марта 2026 г."), ("hu", "2026. március 1.")],
)
def test_effective_date_in_each_language(tmp_path, lang, date):
    assert date in render_notice(load(tmp_path), lang=lang).text


def test_missing_elements_block_the_notice_and_never_read_not_stated(tmp_path):
    bare = """\
cnsnt: 1
controller: {name: Shop, contact: shop@example.org}
purposes:
  ads: {description: To show you ads., basis: legitimate_interests}
data:
  phone: {category: user.contact.phone_number, purposes: [ads], form_fields: [f.phone]}
"""
    result = render_notice(load(tmp_path, bare), lang="en")
    assert "Not stated" not in result.text
    # no label: named by its category, never by its key (review36 R36b D7)
    assert "| Contact details |  |  |" in result.text and "| phone |" not in result.text
    assert "- Contact details: **\\[To fill in\\]**" in result.text  # a marked gap, never a bare dash
    assert "## Automated decisions" not in result.text  # left out with its heading
    assert not result.publishable
    assert {b.rule for b in result.blockers} == {"CN602"}
    blocked = " / ".join(b.message for b in result.blockers)
    assert "how long 'phone' is kept" in blocked and "whether they must give it" in blocked
    assert "no label" not in blocked  # a warning, not an error
    assert "We do not ask for your consent for anything." in result.text
    messages = " / ".join(w.message for w in result.warnings)
    for part in ["no label", "does not say which interest", "how long 'phone' is kept",
                 "whether they must give it", "supervisory authority", "automated"]:
        assert part in messages


NO_CONTROLLER = """\
cnsnt: 1
notice:
  automated_decisions: We make no decisions about you by computer alone.
purposes:
  orders: {description: To deliver what you order., basis: contract}
  newsletter:
    description: To send you our menu.
    basis: consent
    consent: {form_fields: [signup.opt_in]}
recipients:
  mailer: {name: Mailer Inc., country: US, purposes: [newsletter], shared: true}
data:
  email:
    label: Your email address
    category: user.contact.email
    purposes: [orders, newsletter]
    retention: P2Y
    recipients: [mailer]
    required: true
    consequence: We cannot send your order.
"""


def _holes(code: str) -> list[str]:
    """The language's sentences that name the controller or its contact, with the name left out."""
    holes = []
    for message in extract_messages() if code == "en" else read_catalog(code):
        if isinstance(message.id, str) and re.search(r"%\((controller|contact)\)s", message.id):
            text = message.id if code == "en" else message.string
            holes.append(" ".join(re.sub(r"%\(\w+\)s", "", text).split()))
    return holes


class _Text(HTMLParser):
    """The text nodes of an HTML notice, its stylesheet left out."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.style = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.style = self.style or tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self.style = self.style and tag != "style"

    def handle_data(self, data: str) -> None:
        if not self.style:
            self.chunks.append(data)


def _shown_texts(text: str, fmt: str) -> list[str]:
    """The runs of text a reader sees: Markdown lines, HTML text nodes, JSON string values."""
    if fmt == "json":
        def strings(value: object) -> list[str]:
            if isinstance(value, str):
                return [value]
            if isinstance(value, dict):
                return [s for v in value.values() for s in strings(v)]
            if isinstance(value, list):
                return [s for v in value for s in strings(v)]
            return []

        return strings(json.loads(text))
    if fmt == "html":
        parser = _Text()
        parser.feed(text)
        return [c for c in parser.chunks if c.strip()]
    return [line.replace("\\", "") for line in text.splitlines()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_draft_without_a_controller_reads_without_a_hole_for_the_name(tmp_path, lang):
    """With no `controller:` a draft read "How  uses your personal data" and "is responsible
    for your personal data." (the name left out), and "write to ." for its contact."""
    policy = load(tmp_path, NO_CONTROLLER)
    holes = [h for h in _holes(lang) if h]
    assert holes
    for fmt in ("markdown", "html", "json"):
        for layer in ("short", "full"):
            for preset in ("gdpr", "ccpa"):
                result = render_notice(policy, lang=lang, fmt=fmt, layer=layer, preset=preset, draft=True)
                assert not result.publishable
                texts = _shown_texts(result.text, fmt)
                where = (lang, fmt, layer, preset)
                assert [t for t in texts if "  " in t.strip()] == [], where
                shown = "\n".join(" ".join(t.split()) for t in texts)
                assert [h for h in holes if h in shown] == [], where


ARTICLE10 = POLICY + """\
  case:
    label: {en: Your case number, it: Il numero del tuo fascicolo}
    category: user.criminal_history
    columns: [cases.number]
    purposes: [reservations]
    condition: official_authority
    retention: P5Y
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "We use it only on this basis: the control of an official authority."),
        ("it", "il controllo di un'autorità pubblica"),
    ],
)
def test_an_article_10_ground_is_said_in_plain_words(tmp_path, lang, expected):
    # review35 R35a D3: criminal-offence data rests on official authority or on a law
    text = render_notice(load(tmp_path, ARTICLE10), lang=lang).text
    assert expected in text
    assert "official_authority" not in text
