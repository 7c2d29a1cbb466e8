"""A form field joins its column when the two names differ only by letters folded to ASCII (review34 R34b D6).

A Turkish association's PHP form posts `OdemeTarihi` and `AidatMiktari` into
`aidatlar.ÖdemeTarihi` and `aidatlar.AidatMiktarı` of its MySQL dump: developers fold the
form's names to ASCII and keep the schema's letters. Fixtures written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cnsnt.starter.form_columns import normal, spellings
from cnsnt.starter.run import draft_new

DUMP = """\
-- phpMyAdmin SQL Dump
CREATE TABLE `üyeler` (
  `ÜyeID` int(11) NOT NULL,
  `ÜyeAdı` varchar(50) NOT NULL,
  `ÜyeKayıtTarihi` datetime NOT NULL,
  PRIMARY KEY (`ÜyeID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE TABLE `aidatlar` (
  `AidatID` int(11) NOT NULL,
  `AidatMiktarı` int(11) NOT NULL,
  `ÖdemeTarihi` date NOT NULL,
  `ÜyeID` int(11) NOT NULL,
  PRIMARY KEY (`AidatID`),
  FOREIGN KEY (`ÜyeID`) REFERENCES `üyeler` (`ÜyeID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
"""
FORM = """\
<form method="post" action="aidat-ekle2.php">
  <label>Üye <input type="number" name="UyeID"></label>
  <label>Aidat Miktarı <input type="number" name="AidatMiktari"></label>
  <label>Ödeme Tarihi <input type="date" name="OdemeTarihi"></label>
  <button type="submit">Kaydet</button>
</form>
"""


def _policy(root: Path, files: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    text = draft_new(root, dialect="mysql").text
    policy: dict[str, Any] = YAML(typ="safe").load(text)
    return policy, text.splitlines()


def _entry_of(data: dict[str, Any], key: str) -> str | None:
    return next(
        (n for n, d in data.items() if key in (d.get("columns") or []) + (d.get("form_fields") or [])), None
    )


def test_names_compare_folded_to_ascii_in_every_language() -> None:
    # Turkish
    assert normal("ÖdemeTarihi") == normal("OdemeTarihi") == "odemetarihi"
    assert normal("AidatMiktarı") == normal("AidatMiktari") == "aidatmiktari"
    assert normal("üyeler") == "uyeler" and normal("İŞÇİ_ĞÜÇ") == "isciguc"
    # German: both ASCII spellings of an umlaut, `ß` as `ss`
    assert spellings("Größe") == {"grosse", "groesse"}
    assert spellings("Grosse") == {"grosse"} and spellings("Straße") == {"strasse"}
    # Polish, Nordic, French, Portuguese, Spanish
    assert normal("Miejscowość") == "miejscowosc" and normal("Łódź") == "lodz"
    assert normal("Adresse_Gade_Ø") == "adressegadeo"
    assert normal("prénom") == "prenom" and normal("endereço_número") == "endereconumero"
    assert normal("año-nacimiento") == "anonacimiento"
    # as before: case and separators
    assert normal("randevu_tarih") == normal("Randevu-Tarih") == "randevutarih"


def test_a_php_form_with_ascii_names_joins_the_turkish_columns_of_a_mysql_dump(tmp_path: Path) -> None:
    policy, lines = _policy(tmp_path, {"yedek/dernek.sql": DUMP, "islemler/aidat-ekle.php": FORM})
    data, ignore = policy["data"], policy.get("ignore") or []
    # filed with the column it fills: the date with `aidatlar.ÖdemeTarihi`, in one entry
    assert _entry_of(data, "aidat-ekle.OdemeTarihi") == _entry_of(data, "aidatlar.ÖdemeTarihi") is not None
    said = next(line for line in lines if "- aidat-ekle.OdemeTarihi" in line)
    assert "fills the column 'aidatlar.ÖdemeTarihi'" in said
    # the amount fills `AidatMiktarı`, a member's dues (a count word in a row keyed to the
    # member: theirs, cls31a): it follows the column's verdict, into the column's entry
    amount = next(line for line in lines if "- aidat-ekle.AidatMiktari" in line)
    assert "fills the column 'aidatlar.AidatMiktarı'" in amount
    assert _entry_of(data, "aidat-ekle.AidatMiktari") == _entry_of(data, "aidatlar.AidatMiktarı") is not None
    assert "aidat-ekle.AidatMiktari" not in ignore
    # no form-wide "unsure, none of a kind cnsnt knows" entry any more
    assert not any("aidat-ekle.*" in line for line in lines)


def test_a_german_form_spelling_an_umlaut_as_ae_joins_its_column(tmp_path: Path) -> None:
    dump = (
        "CREATE TABLE `mitglieder` (`id` int PRIMARY KEY, `name` varchar(80), `koerpergroesse` int,"
        " `Schuhgröße` int, `Geburtsort` varchar(80));\n"
    )
    form = (
        '<form method="post">\n  <input type="text" name="Koerpergröße">\n'
        '  <input type="text" name="schuhgroesse">\n</form>\n'
    )
    policy, lines = _policy(tmp_path, {"db/schema.sql": dump, "mitglied.html": form})
    data = policy["data"]
    for field, column in (
        ("mitglied.Koerpergröße", "mitglieder.koerpergroesse"),
        ("mitglied.schuhgroesse", "mitglieder.Schuhgröße"),
    ):
        said = next(line for line in lines if f"- {field}" in line)
        assert f"'{column}'" in said, said
        assert _entry_of(data, field) == _entry_of(data, column) is not None
