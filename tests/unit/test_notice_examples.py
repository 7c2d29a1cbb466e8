"""The notices shipped in examples/*/notices are exactly what cnsnt renders now.

After an intended change (policy, templates, catalogs) regenerate them with
`python -m tests.regen_notices` and review the diff.
"""

from __future__ import annotations

import pytest

from cnsnt.notices import LANGUAGES, check_notice
from cnsnt.policy.loader import load_policy
from tests.regen_notices import EXAMPLE_NAMES, EXAMPLES, NOTICES, render_all


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_notices_match_a_fresh_render(name):
    folder = EXAMPLES / name / "notices"
    fresh = render_all(name)
    stale = [f for f, text in fresh.items() if (folder / f).read_text(encoding="utf-8") != text]
    assert stale == [], "run: python -m tests.regen_notices"
    assert sorted(p.name for p in folder.iterdir()) == sorted(fresh)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_example_notices_pass_the_check_and_cover_six_languages(name):
    policy = load_policy(EXAMPLES / name / "cnsnt.yaml")
    for filename, *_ in NOTICES:
        text = (EXAMPLES / name / "notices" / filename).read_text(encoding="utf-8")
        verdict = check_notice(policy, text)
        if name == "restaurant":  # its policy has gaps on purpose: its notices are drafts
            assert not verdict.ok and "is a draft" in verdict.reason, filename
            assert "status=draft" in text or '"status": "draft"' in text
        else:
            assert verdict.ok, filename
    assert {lang for _, lang, fmt, layer, _ in NOTICES if fmt == "markdown" and layer == "full"} \
        == set(LANGUAGES)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_translate_every_customer_text(name):
    from cnsnt.notices.checks import readability_issues, translation_issues

    policy = load_policy(EXAMPLES / name / "cnsnt.yaml")
    assert list(translation_issues(policy)) == []
    assert [i.message for i in readability_issues(policy)] == []
