"""A draft says only what the policy says: what it leaves out is a marked gap.

A fresh starter from `cnsnt init` has data but no controller, purposes, retention or
recipients. Its draft read "We do not ask for your consent for anything" (nothing was
known about bases), "We are responsible for your personal data" (no one was named), an
empty "Why we use your data" and "–" for every retention period. Each of these is now
the same marked gap as recipients ("To fill in", `<mark class="gap">` in HTML); a policy
that states them keeps its real sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.notices import LANGUAGES, labels, render_notice
from cnsnt.notices.i18n import lang as get_lang
from cnsnt.policy.loader import load_policy

STARTER = """\
cnsnt: 1
data:
  email:
    label: Your email address
    category: user.contact.email
    columns: [users.email]
  health:
    label: Your allergies
    category: user.health_and_medical
    columns: [patients.allergies]
"""

STATED = """\
cnsnt: 1
controller: {name: Ambulatorio Sole, contact: privacy@sole.example}
recipients: []
notice:
  automated_decisions: We make no decisions about you by computer alone.
purposes:
  booking: {description: To book your visit., basis: contract}
data:
  email:
    label: Your email address
    category: user.contact.email
    columns: [users.email]
    purposes: [booking]
    retention: P2Y
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "cnsnt.yaml"
    path.write_text(text, encoding="utf-8")
    return load_policy(path)


def words(code: str) -> tuple[dict[str, str], dict[str, str]]:
    L = get_lang(code)
    return labels.headings(L, ""), labels.sentences(L, controller="", contact="")


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_starter_draft_marks_every_gap_and_asserts_nothing(tmp_path: Path, code: str) -> None:
    policy = load(tmp_path, STARTER)
    h, s = words(code)
    md = render_notice(policy, lang=code, draft=True).text
    gap = f"**\\[{h['gap']}\\]**"
    assert s["no_consent"] not in md  # nothing is known about bases
    assert s["controller_intro"] not in md  # no one is named as responsible
    assert f"{gap} {s['controller_not_stated']}" in md
    assert f"{gap} {s['purposes_not_stated']}" in md
    assert f"{gap} {s['consent_not_stated']}" in md
    assert "–" not in md.split(f"## {h['retention']}")[1].split("##")[0]
    assert md.count(gap) == 4 + 2  # controller, purposes, recipients, consent; 2 retentions
    html = render_notice(policy, lang=code, fmt="html", draft=True).text
    assert s["no_consent"] not in html and s["controller_intro"] not in html
    assert html.count('<mark class="gap">') == 4 + 2
    short = render_notice(policy, lang=code, layer="short", draft=True).text
    # each datum: why, how long, who sees it; and who we are
    assert short.count(gap) == 3 * 2 + 1
    assert s["controller_intro"] not in short
    short_html = render_notice(policy, lang=code, layer="short", fmt="html", draft=True).text
    assert short_html.count('<mark class="gap">') == 3 * 2 + 1


def test_ccpa_tables_mark_a_missing_purpose_and_retention(tmp_path: Path) -> None:
    text = render_notice(load(tmp_path, STARTER), preset="ccpa", draft=True).text
    row = next(line for line in text.splitlines() if "Your email address" in line)
    assert row.count("**\\[To fill in\\]**") == 2


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_policy_that_states_them_keeps_its_sentences(tmp_path: Path, code: str) -> None:
    policy = load(tmp_path, STATED)
    h, s = words(code)
    result = render_notice(policy, lang=code)
    assert result.publishable, [b.message for b in result.blockers]
    for fmt in ("markdown", "html"):
        for layer in ("full", "short"):
            text = render_notice(policy, lang=code, fmt=fmt, layer=layer).text
            assert h["gap"] not in text, (fmt, layer)
    assert s["no_consent"] in result.text  # a contract basis: no consent is asked, truly
    assert "Ambulatorio Sole" in result.text
