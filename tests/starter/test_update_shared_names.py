"""`--update` files a table's new fields with that table's entry, not one named alike (codereview29 F2, F3).

Two tables can give an entry the same name: `üyeler` and `uyeler` both fold to
`uyeler_details`, and a table named with no Latin letter (Greek) is `people_details`, the
name older versions gave every table named without ASCII letters (a Cyrillic one too). An
existing entry so named is a group's only when it holds fields of the same table or has the
label init gives the group; else the new fields make an entry of their own. Schemas
written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnsnt.cli import app
from cnsnt.policy.loader import load_policy

runner = CliRunner()
ENV = {"COLUMNS": "400", "NO_COLOR": "1"}

UYELER = {
    "accented": "CREATE TABLE `üyeler` (`ÜyeID` int PRIMARY KEY, `ÜyeAdı` varchar(50), `Grubu` varchar(100),"
    " `Takım` varchar(100), `Kuşak` varchar(20));\n",
    "plain": "CREATE TABLE `uyeler` (`id` int PRIMARY KEY, `Grubu` varchar(100), `Takım` varchar(100),"
    " `Kemer` varchar(20), `Renk` varchar(20));\n",
}
GREEK = (
    "CREATE TABLE `χρήστες` (`id` int PRIMARY KEY, `first_name` varchar(50), `last_name` varchar(50),"
    " `email` varchar(50), `flarn` varchar(20), `zorp` varchar(20), `quib` varchar(20));\n"
)
CYRILLIC = (
    "CREATE TABLE `сотрудники` (`id` int PRIMARY KEY, `смена` varchar(10), `разряд` varchar(10),"
    " `шкафчик` varchar(10));\n"
)
CADETS = (
    "CREATE TABLE `курсанты` (`id` int PRIMARY KEY, `взвод` varchar(10), `рота` varchar(10),"
    " `жетон` varchar(10));\n"
)


def run(*args: str):
    return runner.invoke(app, list(args), env=ENV, catch_exceptions=False)


def _init(root: Path, schema: str) -> None:
    (root / "db").mkdir(parents=True)
    (root / "db" / "schema.sql").write_text(schema, encoding="utf-8")
    result = run("init", str(root), "--dialect", "mysql")
    assert result.exit_code == 0, result.stderr


def _update(root: Path, schema: str) -> str:
    (root / "db" / "schema.sql").write_text(schema, encoding="utf-8")
    result = run("init", str(root), "--update", "--dialect", "mysql")
    assert result.exit_code == 0, result.stderr
    return result.stderr


def _holders(root: Path) -> dict[str, set[str]]:
    """Entry name -> the tables its columns are of, for the entries of fields of unknown kind."""
    data = load_policy(root / "cnsnt.yaml").data
    return {
        name: {c.rsplit(".", 1)[0] for c in datum.columns}
        for name, datum in data.items()
        if name.endswith(("_details", "_details_2"))
    }


@pytest.mark.parametrize("order", [("accented", "plain"), ("plain", "accented")])
@pytest.mark.parametrize("relabel", [False, True])
def test_a_new_column_joins_its_own_table_s_entry_when_two_tables_fold_alike(
    tmp_path: Path, order: tuple[str, str], relabel: bool
) -> None:
    _init(tmp_path, "".join(UYELER[k] for k in order))
    before = _holders(tmp_path)
    assert sorted(before["uyeler_details"] | before["uyeler_details_2"]) == ["uyeler", "üyeler"]
    if relabel:  # labels as a person fills them in: the entries are told apart by their fields
        path = tmp_path / "cnsnt.yaml"
        text = path.read_text(encoding="utf-8")
        for table, mine in (("üyeler", "Üye bilgileri"), ("uyeler", "Kulüp üyeleri")):
            assert f"label: Other details about {table} " in text
            text = text.replace(f"label: Other details about {table} ", f"label: {mine} ")
        path.write_text(text, encoding="utf-8")
    grown = {
        "accented": UYELER["accented"].replace("`Kuşak` varchar(20));", "`Kuşak` varchar(20), `Zorbit` varchar(20));"),
        "plain": UYELER["plain"].replace("`Renk` varchar(20));", "`Renk` varchar(20), `Flarn` varchar(20));"),
    }
    said = _update(tmp_path, "".join(grown[k] for k in order))
    after = _holders(tmp_path)
    assert set(after) == set(before)  # no entry beside them
    for name, tables in before.items():
        assert after[name] == tables, name  # each entry still holds one table's columns
    data = load_policy(tmp_path / "cnsnt.yaml").data
    accented = next(n for n, t in before.items() if t == {"üyeler"})
    plain = next(n for n, t in before.items() if t == {"uyeler"})
    assert "üyeler.Zorbit" in data[accented].columns and "üyeler.Zorbit" not in data[plain].columns
    assert "uyeler.Flarn" in data[plain].columns and "uyeler.Flarn" not in data[accented].columns
    assert "added to 2 existing data entries" in said


def test_a_new_cyrillic_table_gets_its_own_entry_beside_a_greek_one_s_people_details(tmp_path: Path) -> None:
    _init(tmp_path, GREEK)
    assert _holders(tmp_path)["people_details"] == {"χρήστες"}
    said = _update(tmp_path, GREEK + CYRILLIC)
    after = _holders(tmp_path)
    assert after["people_details"] == {"χρήστες"}
    assert after["sotrudniki_details"] == {"сотрудники"}
    assert "existing data entr" not in said


def test_a_table_an_older_cnsnt_named_people_details_2_keeps_its_entry(tmp_path: Path) -> None:
    """Older versions named two Cyrillic tables `people_details` and `people_details_2`."""
    _init(tmp_path, CYRILLIC + CADETS)
    path = tmp_path / "cnsnt.yaml"
    text = path.read_text(encoding="utf-8")
    for new, old in (("sotrudniki_details", "people_details"), ("kursanty_details", "people_details_2")):
        assert f"\n  {new}:" in text
        text = text.replace(f"\n  {new}:", f"\n  {old}:")
    path.write_text(text, encoding="utf-8")
    grown = CYRILLIC + CADETS.replace("`жетон` varchar(10)", "`жетон` varchar(10), `позывной` varchar(10)")
    said = _update(tmp_path, grown)
    after = _holders(tmp_path)
    assert set(after) == {"people_details", "people_details_2"}
    assert after["people_details"] == {"сотрудники"}
    assert after["people_details_2"] == {"курсанты"}
    assert "курсанты.позывной" in load_policy(path).data["people_details_2"].columns
    assert "1 existing data entry without purposes (people_details_2)" in said
