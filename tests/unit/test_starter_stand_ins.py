"""A draft names starter entries of one coarse category by their finer categories where they differ.

Session 22's drafts showed several starter entries of `user.contact.*` as "Contactos",
"Contactos (2)" ... "Contactos (10)", though their categories said email, phone number.
Each now takes its finer category's name in the notice's language when cnsnt has one;
only entries of the very same category are numbered. The policy is written here.
"""

from __future__ import annotations

import json
from pathlib import Path

from cnsnt.notices import render_notice
from cnsnt.notices.content import starter_stand_ins
from cnsnt.notices.i18n import lang
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


def _policy(tmp_path: Path) -> Path:
    lines = ["cnsnt: 1", "purposes:", "  care: {description: Treatment., basis: contract}", "data:"]
    for name, category, label in ENTRIES:
        lines += [f"  {name}:", f"    label: {label}  # {LABEL_NOTE}", f"    category: {category}",
                  "    purposes: [care]", "    retention: P1Y"]
    target = tmp_path / "cnsnt.yaml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_finer_categories_name_entries_of_one_coarse_category(tmp_path: Path) -> None:
    policy = load_policy(_policy(tmp_path))
    words = {k: v.text for k, v in starter_stand_ins(policy, lang("es")).items()}
    assert words == {
        "customer_email": "Correo electrónico",
        "invoice_email": "Correo electrónico (2)",  # the same category: numbered
        "phone": "Número de teléfono",
        "fax": "Datos de contacto",  # no finer name cnsnt has: the coarse one
        "user_records": "Datos personales",
        "order_records": "Datos personales (2)",
        "birthday": "Rasgos personales",  # alone in its coarse category: as before
    }
    english = {k: v.text for k, v in starter_stand_ins(policy, lang("en")).items()}
    assert english["customer_email"] == "Email address" and english["phone"] == "Phone number"


def test_the_draft_notice_shows_them_marked_as_gaps(tmp_path: Path) -> None:
    doc = json.loads(render_notice(load_policy(_policy(tmp_path)), lang="de", fmt="json", draft=True).text)
    labels = {d["key"]: d["label"] for d in doc["data"]}
    assert labels["customer_email"] == {"text": "E-Mail-Adresse", "lang": "de", "gap": True}
    assert labels["phone"]["text"] == "Telefonnummer"
