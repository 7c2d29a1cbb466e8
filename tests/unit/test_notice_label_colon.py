"""French sets a no-break space before the colon after a label (review39 D5).

A co-op's French notice read "Adresse: 1 rue ...", "**Voir vos données:**", "Version de
l'avis:": its translations write "À compléter : un nom", but the templates' labels had a
bare colon in every language. Policy written for this test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import notice
from cnsnt.notices.render import label_colon
from cnsnt.policy.loader import load_policy

POLICY = """\
cnsnt: 1
controller: {name: Epicerie du Quartier, contact: bureau@epicerie.example, address: 2 rue des Lilas, country: FR}
recipients: []
purposes:
  adhesion: {description: Tenir le registre des membres., basis: contract}
data:
  courriel:
    label: Votre adresse e-mail
    category: user.contact.email
    purposes: [adhesion]
    retention: P3Y
"""


def _notice(tmp_path: Path, lang: str, fmt: str) -> str:
    (tmp_path / "cnsnt.yaml").write_text(POLICY, encoding="utf-8")
    return notice(load_policy(tmp_path / "cnsnt.yaml"), lang=lang, fmt=fmt, with_audit=False).text


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_french_labels_take_a_no_break_space_before_the_colon(tmp_path: Path, fmt: str) -> None:
    text = _notice(tmp_path, "fr", fmt).replace("&#39;", "'")
    assert "Version de l'avis\u00a0: " in text and "Version de l'avis:" not in text
    if fmt == "markdown":  # the HTML page sets these in a list of terms
        assert "- Adresse\u00a0: 2 rue des Lilas" in text
        assert "- Votre adresse e-mail\u00a0: 3 ans" in text


def test_other_languages_keep_the_bare_colon(tmp_path: Path) -> None:
    text = _notice(tmp_path, "en", "markdown")
    assert "Address: 2 rue des Lilas" in text and "\u00a0:" not in text
    assert label_colon("fr-CA") == "\u00a0:" and label_colon("it") == ":"
