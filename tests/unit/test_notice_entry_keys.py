"""A notice never shows a data entry's key to the people it is for (review36 R36b D7, review37 R37a D7).

`cnsnt notice --lang de --draft` on a starter printed `Personenbezogene Daten (users_records)`,
`(ui_templates_form_input)`, `(kontakte_details)`: the policy's names for entries
`cnsnt init` could not label, put there to tell the rows apart. And a notice for
publication showed an entry without a label by its key (`users records`). Now a
draft names such an entry by its category in the notice's language and marks it with
where its `label:` goes (file and line: that tells the rows apart); a notice for
publication names an entry without a label by its category when nothing else reads
the same, and is refused (CN602) when something does or when a label `cnsnt init`
wrote still names tables and folders. The policies are written here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.notices import LANGUAGES, render_notice
from cnsnt.notices.i18n import lang as get_lang
from cnsnt.notices.labels import category_name
from cnsnt.policy.init_labels import LABEL_NOTE
from cnsnt.policy.loader import load_policy

runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}

HEAD = """\
cnsnt: 1
controller: {name: Verein, contact: privacy@verein.example}
recipients: []
notice: {automated_decisions: No decisions are made by computer alone.}
purposes:
  members: {description: To run your membership., basis: contract}
data:
"""

#: A starter's entries for fields of unknown kind (their keys must not reach a customer),
#: and one a person labelled.
STARTER = HEAD + f"""\
  users_records:
    label: Records kept about users  # {LABEL_NOTE}
    category: user
    columns: [orders.delivery_wish, visits.mood]
    purposes: [members]
    retention: P1Y
  ui_templates_form_input:
    label: "What people enter in the forms in ui/templates/"  # {LABEL_NOTE}
    category: user
    form_fields: [ui_form.wish]
    required: false
    purposes: [members]
    retention: P1Y
  email:
    label: Your email address
    category: user.contact.email
    columns: [users.email]
    purposes: [members]
    retention: P1Y
"""

#: Entries nobody labelled: one alone in its category, two that share one.
UNLABELLED = HEAD + """\
  email:
    category: user.contact.email
    purposes: [members]
    retention: P2Y
  users_records:
    category: user
    purposes: [members]
    retention: P2Y
  kontakte_details:
    category: user
    purposes: [members]
    retention: P2Y
"""

KEYS = ("users_records", "ui_templates_form_input", "kontakte_details")


def _write(tmp_path: Path, text: str, name: str = "cnsnt.yaml") -> Path:
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return target


def _line(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(start))


def _no_key(text: str) -> None:
    for key in KEYS:
        for spelt in (key, key.replace("_", "\\_"), key.replace("_", " ")):
            assert spelt not in text, spelt


def _customer_json(doc: dict) -> str:
    """The JSON notice's texts, without the `key` fields (ids for a front end, not shown)."""

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "key"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return json.dumps(strip(doc), ensure_ascii=False)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_draft_names_starter_entries_by_category_and_points_at_the_label(
    tmp_path: Path, code: str
) -> None:
    policy = load_policy(_write(tmp_path, STARTER))
    L = get_lang(code)
    personal = category_name(L, "user")
    rows = {
        key: L._(
            "To fill in: a name for this data (%(file)s, line %(line)s)",
            file="cnsnt.yaml", line=str(_line(STARTER, label)),
        )
        for key, label in (("users_records", "label: Records"),
                           ("ui_templates_form_input", "label: \"What people"))
    }
    assert len(set(rows.values())) == 2  # the line tells the two rows apart

    md = render_notice(policy, lang=code, draft=True).text
    _no_key(md)
    for mark in rows.values():
        assert f"{personal} **\\[{mark.replace('_', chr(92) + '_')}\\]**" in md
    assert "Your email address" in md  # a person's label, as written

    html = render_notice(policy, lang=code, fmt="html", draft=True).text
    _no_key(html)
    for mark in rows.values():
        assert f'{personal} <mark class="gap">{mark}</mark>' in html

    doc = json.loads(render_notice(policy, lang=code, fmt="json", draft=True).text)
    _no_key(_customer_json(doc))
    labels = {d["key"]: d["label"] for d in doc["data"]}
    for key, mark in rows.items():
        assert labels[key] == {"text": personal, "lang": code, "gap": True, "fill_in": mark}
    assert labels["email"] == {"text": "Your email address", "lang": "en", "missing": True} or (
        code == "en" and labels["email"] == {"text": "Your email address", "lang": "en"}
    )

    short = render_notice(policy, lang=code, layer="short", draft=True).text
    _no_key(short)
    ccpa = render_notice(policy, lang=code, preset="ccpa", draft=True).text
    _no_key(ccpa)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_notice_for_publication_never_shows_a_key(tmp_path: Path, code: str) -> None:
    policy = load_policy(_write(tmp_path, UNLABELLED))
    L = get_lang(code)
    for fmt in ("markdown", "html", "json"):
        result = render_notice(policy, lang=code, fmt=fmt)
        text = _customer_json(json.loads(result.text)) if fmt == "json" else result.text
        _no_key(text)
        assert category_name(L, "user.contact.email") in text  # alone: its category names it
    result = render_notice(policy, lang=code)
    # two entries only "Personal data" could name: nothing tells them apart, so it is refused
    blocked = {b.subject: b.message for b in result.blockers}
    assert set(blocked) == {"data:users_records", "data:kontakte_details"}
    assert "nothing would tell them apart" in blocked["data:users_records"]
    warned = [w for w in result.warnings if w.subject == "data:email"]
    assert [w.severity.value for w in warned] == ["warning"]
    assert "names it by its category" in warned[0].message


def test_the_cli_refuses_it_and_the_draft_says_where_to_write(tmp_path: Path) -> None:
    _write(tmp_path, UNLABELLED)
    out = tmp_path / "notice.md"
    refused = runner.invoke(app, ["notice", str(tmp_path), "--no-audit", "--lang", "de", "-o", str(out)], env=ENV)
    assert refused.exit_code == 1 and not out.exists()
    assert "data entry 'users_records' has no label" in refused.stderr
    draft = runner.invoke(app, ["notice", str(tmp_path), "--no-audit", "--lang", "de", "--draft"], env=ENV)
    assert draft.exit_code == 0, draft.stderr
    _no_key(draft.stdout)
    line = _line(UNLABELLED, "users_records:")
    assert (f"| Personenbezogene Daten **\\[Noch auszufüllen: ein Name für diese Daten "
            f"(cnsnt.yaml, Zeile {line})\\]** |") in draft.stdout
    assert "| Kontaktdaten |" in draft.stdout  # what the published notice would say, unmarked


def test_the_audit_says_so_too(tmp_path: Path) -> None:
    _write(tmp_path, UNLABELLED)
    result = runner.invoke(app, ["validate", str(tmp_path)], env=ENV)
    assert result.exit_code == 1
    assert "CN602 data entry 'users_records' has no label" in result.stdout + result.stderr


@pytest.mark.parametrize("code", ["en", "de"])
def test_a_starter_label_naming_code_blocks_a_notice_for_publication(tmp_path: Path, code: str) -> None:
    result = render_notice(load_policy(_write(tmp_path, STARTER)), lang=code)
    blocked = {b.subject for b in result.blockers}
    assert blocked == {"data:users_records", "data:ui_templates_form_input"}
    assert all("developer words" in b.message for b in result.blockers)
    # the draft says it once, as a warning, and shows the category instead
    draft = render_notice(load_policy(tmp_path / "cnsnt.yaml"), lang=code, draft=True)
    assert not draft.blockers
    assert [w.subject for w in draft.warnings if "cnsnt init wrote" in w.message] == ["data:labels"]


def test_the_mark_is_escaped_like_all_policy_text(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, UNLABELLED, name="club_<i>.yaml"))
    line = _line(UNLABELLED, "users_records:")
    md = render_notice(policy, lang="it", draft=True).text
    assert f"(club\\_\\<i\\>.yaml, riga {line})" in md
    html = render_notice(policy, lang="it", fmt="html", draft=True).text
    assert f"(club_&lt;i&gt;.yaml, riga {line})" in html and "<i>" not in html
