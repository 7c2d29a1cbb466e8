"""A draft names starter entries of one coarse category by their finer categories where they differ.

Session 22's drafts showed several starter entries of `user.contact.*` as "Contactos",
"Contactos (2)" ... "Contactos (10)", though their categories said email, phone number.
Each now takes its finer category's name in the notice's language when cnsnt has one.
review23 D10 still saw "Recapiti (2) … (7)" (city, postal code, state, fax) and
"Personenbezogene Daten (2) … (10)" (plain `user`): cnsnt now names the address parts,
fax, names and the other categories `cnsnt init` writes, and entries that still share a
name show their key in the policy instead of a number. That key is the data map's and
the Art. 30 record's (internal records): a notice never shows it (review36 R36b D7), and
marks each such row with the file and line where its label goes
(`tests/unit/test_notice_entry_keys.py`). The policy is written here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cnsnt.notices import render_notice
from cnsnt.notices.content import starter_stand_ins
from cnsnt.notices.i18n import LANGUAGES, lang
from cnsnt.policy.init_labels import LABEL_NOTE
from cnsnt.policy.loader import load_policy

ENTRIES = (
    ("customer_email", "user.contact.email", "User Contact Email"),
    ("invoice_email", "user.contact.email", "User Contact Email (2)"),
    ("phone", "user.contact.phone_number", "User Contact Phone Number"),
    ("fax", "user.contact.fax_number", "Fax Number"),
    ("user_records", "user", "Records kept about User"),
    ("order_records", "user", "Records kept about Order"),
    ("birthday", "user.demographic.date_of_birth", "Birth Date"),
)


def _policy(tmp_path: Path, entries: tuple[tuple[str, str, str], ...] = ENTRIES) -> Path:
    lines = ["cnsnt: 1", "purposes:", "  care: {description: Treatment., basis: contract}", "data:"]
    for name, category, label in entries:
        lines += [f"  {name}:", f"    label: {label}  # {LABEL_NOTE}", f"    category: {category}",
                  "    purposes: [care]", "    retention: P1Y"]
    target = tmp_path / "cnsnt.yaml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_finer_categories_name_entries_of_one_coarse_category(tmp_path: Path) -> None:
    policy = load_policy(_policy(tmp_path))
    words = {k: v.text for k, v in starter_stand_ins(policy, lang("es")).items()}
    assert words == {
        # the same category: each shows its key, so a reviewer tells the rows apart
        "customer_email": "Correo electrónico (customer_email)",
        "invoice_email": "Correo electrónico (invoice_email)",
        "phone": "Número de teléfono",
        "fax": "Número de fax",
        "user_records": "Datos personales (user_records)",
        "order_records": "Datos personales (order_records)",
        "birthday": "Rasgos personales",  # alone in its coarse category: as before
    }
    english = {k: v.text for k, v in starter_stand_ins(policy, lang("en")).items()}
    assert english["phone"] == "Phone number" and english["fax"] == "Fax number"


def test_the_draft_notice_shows_them_marked_as_gaps(tmp_path: Path) -> None:
    doc = json.loads(render_notice(load_policy(_policy(tmp_path)), lang="de", fmt="json", draft=True).text)
    labels = {d["key"]: d["label"] for d in doc["data"]}
    assert labels["customer_email"] == {
        "text": "E-Mail-Adresse", "lang": "de", "gap": True,
        "fill_in": "Noch auszufüllen: ein Name für diese Daten (cnsnt.yaml, Zeile 6)",
    }
    assert labels["phone"]["text"] == "Telefonnummer"


#: What `cnsnt init` writes for the review's repro (a `users` table with `citta`, `cap`,
#: `indirizzo`, `provincia`, `email`, `numero_tel`, `fax`, `nome`, `cognome`), and more.
INIT_ENTRIES = (
    ("address", "user.contact.address", "User Contact Address"),
    ("city", "user.contact.address.city", "User Contact City"),
    ("postal_code", "user.contact.address.postal_code", "User Contact Postal Code"),
    ("state", "user.contact.address.state", "User Contact State"),
    ("street", "user.contact.address.street", "User Contact Street"),
    ("country", "user.contact.address.country", "User Contact Country"),
    ("email", "user.contact.email", "User Contact Email"),
    ("fax_number", "user.contact.fax_number", "Fax Number"),
    ("phone_number", "user.contact.phone_number", "User Contact Phone Number"),
    ("name", "user.name", "Name"),
    ("first_name", "user.name.first", "First Name"),
    ("last_name", "user.name.last", "Last Name"),
    ("gender", "user.demographic.gender", "Gender"),
    ("marital_status", "user.demographic.marital_status", "Marital Status"),
    ("job_title", "user.professional_information.job_title", "Job Title"),
    ("workplace", "user.professional_information.workplace", "Workplace"),
    ("national_identification_number", "user.government_id.national_identification_number",
     "National Identification Number"),
    ("passport_number", "user.government_id.passport_number", "Passport Number"),
    ("ip_address", "user.device.ip_address", "IP Address"),
    ("device_id", "user.device.device_id", "Device ID"),
    ("username", "user.account.username", "Account Username"),
    ("account", "user.account", "Account Information"),
    ("password", "user.authorization.password", "Password"),
    ("credentials", "user.authorization.credentials", "Account password"),
    ("bank_account", "user.financial.bank_account", "Bank Account Information"),
    ("credit_card", "user.financial.credit_card", "Credit Card Number"),
    ("condition", "user.health.condition", "Health Condition"),
    ("medications", "user.health.medications", "Medications"),
    ("location", "user.location", "Location Data"),
    ("precise_location", "user.location.precise", "Precise Subject Location"),
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_row_of_a_starter_differs_in_every_language(tmp_path: Path, code: str) -> None:
    policy = load_policy(_policy(tmp_path, INIT_ENTRIES))
    stand_ins = starter_stand_ins(policy, lang(code))
    words = {k: v.text for k, v in stand_ins.items()}
    assert len(set(words.values())) == len(words)
    assert all(v.gap for v in stand_ins.values())
    # a finer name for each; only "Name" and "First name", one word in some languages
    # ("Nome", "Имя"), show their keys
    hinted = {k for k, text in words.items() if text.endswith(f" ({k})")}
    assert hinted <= {"name", "first_name"}, words
    assert not any(text.endswith(")") for k, text in words.items() if k not in hinted), words


def test_the_review_repro_in_italian(tmp_path: Path) -> None:
    policy = load_policy(_policy(tmp_path, INIT_ENTRIES[:10] + INIT_ENTRIES[11:12]))
    words = [v.text for v in starter_stand_ins(policy, lang("it")).values()]
    assert words == [
        "Indirizzo postale", "Città", "CAP", "Provincia o regione", "Via e numero civico",
        "Paese", "Indirizzo email", "Numero di fax", "Numero di telefono", "Nome", "Cognome",
    ]


def test_a_draft_notice_tells_the_rows_apart_by_line_not_by_key(tmp_path: Path) -> None:
    entries = (("member_cards", "user", "Records kept about cards"),
               ("soci.form-input", "user", "What people enter in the forms"))
    policy = load_policy(_policy(tmp_path, entries))
    md = render_notice(policy, lang="it", fmt="markdown", draft=True).text
    mark = "Da completare: un nome per questi dati (cnsnt.yaml, riga {})"
    assert f"| Dati personali **\\[{mark.format(6)}\\]** |" in md
    assert f"| Dati personali **\\[{mark.format(11)}\\]** |" in md
    assert "member" not in md and "soci" not in md
    html = render_notice(policy, lang="it", fmt="html", draft=True).text
    assert f'<th scope="row">Dati personali <mark class="gap">{mark.format(6)}</mark>' in html
