"""CN601 (hard-to-read) and CN602 (notice-incomplete), in several languages and presets."""

from __future__ import annotations

import textwrap

import pytest

from cnsnt.engine import run_rules
from cnsnt.evidence import Evidence
from cnsnt.notices.checks import RULES
from cnsnt.policy.loader import load_policy
from cnsnt.rules import get_rule

COMPLETE = """\
cnsnt: 1
controller:
  name: Lakeside Bistro Ltd
  contact: privacy@lakeside.example
  authority: Data Protection Commission
notice:
  automated_decisions: We make no decisions about you by computer alone.
purposes:
  reservations: {description: To hold your table., basis: contract}
  newsletter:
    description: To send you our menu.
    basis: consent
    consent: {form_fields: [signup.opt_in], withdraw: Click unsubscribe in any email.}
  menu_planning:
    description: To learn which dishes guests like most.
    basis: legitimate_interests
    interest: Planning the menu.
recipients:
  mailer: {name: Mailer Inc., country: US, purposes: [newsletter], safeguard: Standard contractual clauses}
  bakery: {name: Bakery Ltd, country: GB, purposes: [reservations]}
data:
  email:
    label: Your email address
    category: user.contact.email
    form_fields: [signup.email]
    purposes: [reservations, newsletter]
    retention: P2Y
    recipients: [mailer]
    required: true
    consequence: We cannot take your booking.
  visits:
    label: Your visits
    category: user.behavior
    columns: [customers.visits]
    purposes: [menu_planning]
    retention: P1Y
"""

LEGALESE_EN = (
    "Pursuant to Article 13 of Regulation (EU) 2016/679, the Controller hereby informs the data "
    "subject that personal data provided in connection with the performance of the contractual "
    "relationship shall be processed for purposes strictly connected with the aforementioned "
    "relationship."
)
LEGALESE_IT = (
    "Ai sensi dell'articolo 13 del Regolamento (UE) 2016/679, il Titolare del trattamento informa "
    "l'interessato che i dati personali dallo stesso forniti saranno trattati nel rispetto della "
    "normativa sopra richiamata e degli obblighi di riservatezza cui è tenuto il Titolare."
)
LEGALESE_TR = (
    "6698 sayılı Kanun uyarınca, kişisel verileriniz veri sorumlusu olarak Şirketimiz tarafından "
    "hukuka ve dürüstlük kurallarına uygun bir şekilde işlenebilecek, kaydedilebilecek, "
    "saklanabilecek ve mevzuatın izin verdiği durumlarda üçüncü kişilere aktarılabilecektir."
)
LEGALESE_RU = (
    "Обработка персональных данных осуществляется оператором в целях исполнения договора, "
    "стороной которого является субъект персональных данных, а также в целях надлежащего "
    "выполнения возложенных на оператора функций."
)
LEGALESE_CA = (
    "D'acord amb el que estableix el Reglament (UE) 2016/679, us informem que les dades personals "
    "facilitades seran incorporades a un fitxer del qual és responsable l'entitat, amb la "
    "finalitat de gestionar la relació contractual i de complir les obligacions legals."
)


def findings(tmp_path, text, rule, preset=None):
    path = tmp_path / "cnsnt.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    policy = load_policy(path)
    active, _, _ = run_rules(policy, Evidence(), preset=preset, select=[rule])
    return active


def subjects(found):
    return sorted(f.subject for f in found)


def test_rule_registry_agrees_with_the_notice_package():
    for code, (name, severity) in RULES.items():
        rule = get_rule(code)
        assert rule is not None and rule.name == name and rule.severity is severity
        assert not rule.needs  # the policy alone is enough
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead",
                        "## References"):
            assert heading in rule.doc()


# -- CN601 ------------------------------------------------------------------------------


def test_cn601_plain_policy_passes(tmp_path):
    assert findings(tmp_path, COMPLETE, "CN601") == []


def test_cn601_english_legalese(tmp_path):
    text = COMPLETE.replace("description: To hold your table.", f"description: {LEGALESE_EN!r}")
    found = findings(tmp_path, text, "CN601")
    assert subjects(found) == ["text:purposes.reservations.description"]
    f = found[0]
    assert f.severity.value == "warning" and f.location is not None and f.location.line == 9
    assert "Flesch reading ease" in f.message and "'Pursuant to'" in f.message
    assert "a sentence of" in f.message


@pytest.mark.parametrize(
    ("lang", "legalese", "formula"),
    [("it", LEGALESE_IT, "Gulpease"), ("tr", LEGALESE_TR, "Ateşman"), ("ru", LEGALESE_RU, "Oborneva"),
     ("ca", LEGALESE_CA, "Szigriszt-Pazos")],
)
def test_cn601_only_the_hard_language_fires(tmp_path, lang, legalese, formula):
    text = COMPLETE.replace(
        "interest: Planning the menu.",
        f"interest: {{en: Planning the menu., {lang}: {legalese!r}}}",
    )
    found = findings(tmp_path, text, "CN601")
    assert subjects(found) == [f"text:purposes.menu_planning.interest.{lang}"]
    assert f"({lang})" in found[0].message and formula in found[0].message


def test_cn601_hungarian_jargon_in_a_label_and_lix(tmp_path):
    text = COMPLETE.replace(
        "label: Your visits",
        "label: {en: Your visits, hu: Az adatkezelő által rögzített látogatások}",
    ).replace(
        "consequence: We cannot take your booking.",
        "consequence: {en: We cannot take your booking., hu: 'Az adatkezelés jogalapja az érintett "
        "hozzájárulása, illetve az Adatkezelő jogos érdeke, amely a szolgáltatások minőségének "
        "folyamatos javítására irányul.'}",
    )
    found = findings(tmp_path, text, "CN601")
    assert subjects(found) == ["text:data.email.consequence.hu", "text:data.visits.label.hu"]
    messages = {f.subject: f.message for f in found}
    assert "LIX" in messages["text:data.email.consequence.hu"]
    assert "'adatkezelő'" in messages["text:data.visits.label.hu"]
    assert "LIX" not in messages["text:data.visits.label.hu"]  # labels get no formula


def test_cn601_plain_strings_are_in_the_default_language(tmp_path):
    text = COMPLETE.replace("notice:\n", "notice:\n  languages: [it, en]\n").replace(
        "description: To hold your table.", f"description: {LEGALESE_IT!r}"
    )
    found = findings(tmp_path, text, "CN601")
    assert "text:purposes.reservations.description" in subjects(found)
    assert "(it)" in found[0].message


def test_cn601_thresholds_and_jargon_come_from_the_policy(tmp_path):
    strict = COMPLETE + "readability:\n  en: {max_sentence_words: 4, jargon: [unsubscribe]}\n"
    found = findings(tmp_path, strict, "CN601")
    assert "text:purposes.newsletter.consent.withdraw" in subjects(found)
    assert any("'unsubscribe'" in f.message for f in found)
    relaxed = COMPLETE.replace(
        "description: To hold your table.", "description: We shall hold your table."
    ) + "readability:\n  en: {jargon: ['!shall']}\n"
    assert findings(tmp_path, relaxed, "CN601") == []


def test_cn601_is_an_error_under_strict(tmp_path):
    text = COMPLETE.replace("description: To hold your table.", f"description: {LEGALESE_EN!r}")
    assert {f.severity.value for f in findings(tmp_path, text, "CN601", "strict")} == {"error"}


# -- CN602 ------------------------------------------------------------------------------


def test_cn602_complete_policy_passes(tmp_path):
    assert findings(tmp_path, COMPLETE, "CN602") == []


@pytest.mark.parametrize(
    ("old", "new", "subject", "severity", "words"),
    [
        ("interest: Planning the menu.", "use: analytics", "purpose:menu_planning", "error",
         "which interest"),
        (", withdraw: Click unsubscribe in any email.", "", "purpose:newsletter", "error",
         "withdraw"),
        (", safeguard: Standard contractual clauses", "", "recipient:mailer", "error",
         "outside the EEA (US)"),
        ("country: GB, ", "", "recipient:bakery", "warning", "no country"),
        ("    required: true\n", "", "data:email", "error", "whether they must give it"),
        ("    consequence: We cannot take your booking.\n", "", "data:email", "error",
         "what happens"),
        ("  authority: Data Protection Commission\n", "", "controller", "warning",
         "supervisory authority"),
        ("  automated_decisions: We make no decisions about you by computer alone.\n",
         "  url: https://example.org\n", "text:notice.automated_decisions", "warning",
         "automated"),
        ("    label: Your visits\n", "", "data:visits", "warning", "no label"),
    ],
)
def test_cn602_gdpr_elements(tmp_path, old, new, subject, severity, words):
    assert old in COMPLETE
    found = findings(tmp_path, COMPLETE.replace(old, new), "CN602")
    assert subjects(found) == [subject]
    assert found[0].severity.value == severity
    assert words in found[0].message


def test_cn602_controller_missing(tmp_path):
    text = COMPLETE.split("controller:")[0] + "notice:" + COMPLETE.split("notice:")[1]
    found = findings(tmp_path, text, "CN602")
    assert subjects(found) == ["controller"]


def test_cn602_leaves_retention_to_cn501_and_data_not_asked_alone(tmp_path):
    text = COMPLETE.replace("    retention: P1Y\n", "")
    assert findings(tmp_path, text, "CN602") == []


def test_cn602_translations_for_declared_languages(tmp_path):
    text = COMPLETE.replace("notice:\n", "notice:\n  languages: [en, it, tr]\n").replace(
        "label: Your email address",
        "label: {en: Your email address, it: Il tuo indirizzo email, tr: E-posta adresiniz}",
    )
    found = findings(tmp_path, text, "CN602")
    assert all(f.severity.value == "warning" for f in found)
    assert "text:data.email.label" not in subjects(found)
    assert "text:purposes.reservations.description" in subjects(found)
    assert any("has no 'tr' text" in f.message for f in found)
    assert any("has no 'it' text" in f.message for f in found)


def test_cn602_ccpa_notice_at_collection(tmp_path):
    found = findings(tmp_path, COMPLETE, "CN602", "ccpa")
    assert subjects(found) == ["text:notice.sells_data", "text:notice.url"]
    assert all(f.severity.value == "error" for f in found)
    ok = COMPLETE.replace("notice:\n", "notice:\n  sells_data: false\n  url: https://x.example/p\n")
    assert findings(tmp_path, ok, "CN602", "ccpa") == []
    # GDPR-only elements are not required of a CCPA notice
    no_interest = ok.replace("interest: Planning the menu.", "use: analytics")
    assert findings(tmp_path, no_interest, "CN602", "ccpa") == []
    contradiction = ok.replace("name: Mailer Inc.,", "name: Mailer Inc., shared: true,")
    found = findings(tmp_path, contradiction, "CN602", "ccpa")
    assert subjects(found) == ["text:notice.sells_data"] and "mailer" in found[0].message
