"""tidy35: questions the classifier still answered twice, each now asked of one function or list."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from cnsnt.classify import lexicon as lx
from cnsnt.classify import vocabulary
from cnsnt.classify.implied import _names
from cnsnt.classify.tables import LINKED, ORGANISATION, PEOPLE, _lists_kinds, _names_kinds, table_verdicts
from cnsnt.classify.types import fractional, integer, parameters, size, small_integer
from tests.unit.schema_entry import schema_tables, typed_table


@pytest.mark.parametrize(
    ("written", "own"),
    [
        ("varchar(20)", "20"),
        ("numeric(10, 2)", "10, 2"),
        ("decimal(10,0)", "10,0"),
        ("NUMBER(10,0)", "10,0"),
        ("character varying(20)", "20"),
        ("CHARACTER VARYING (100)", "100"),
        ("[nvarchar](50)", "50"),
        ("[numeric](18, 2) NOT NULL", "18, 2"),
        ("timestamp(6) with time zone", "6"),
        ("decimal (10,2)", "10,2"),
        # the brackets after another word are that word's: an identity's seed and step
        ("[int] IDENTITY(1,1)", ""),
        ("int IDENTITY(1,1)", ""),
        ("[numeric] IDENTITY(1,1)", ""),
        ("bigint NOT NULL DEFAULT nextval('staff_seq'::regclass)", ""),
        ("text", ""),
        (None, ""),
    ],
)
def test_a_type_has_one_reading_of_its_own_brackets(written: str | None, own: str) -> None:
    """Only the brackets right after the type's name, one word or an SQL name of many words."""
    assert parameters(written) == own


def test_an_identity_s_seed_is_no_size() -> None:
    """`[int] IDENTITY(1,1)` has no size: `size` read the first brackets and found 1 (tidy35)."""
    assert size("[int] IDENTITY(1,1)") is None
    assert size("int IDENTITY(1,1)") is None
    assert not small_integer("[int] IDENTITY(1,1)")
    assert size("[nvarchar](50) NOT NULL") == 50 and size("character varying(20)") == 20


def test_an_identity_s_step_is_no_scale() -> None:
    """`[numeric] IDENTITY(1,1)` keeps no decimals: `fractional` read its step as a scale (tidy35)."""
    assert not fractional("[numeric] IDENTITY(1,1)")
    assert not fractional("NUMERIC IDENTITY(1,1)")
    assert fractional("[numeric](18, 2) IDENTITY(1,1)")


def test_size_scale_and_whole_numbers_read_the_same_brackets() -> None:
    """The five spellings of the brief, each read alike by `size`, `fractional` and `integer`."""
    assert (size("numeric(10, 2)"), fractional("numeric(10, 2)"), integer("numeric(10, 2)")) == (10, True, False)
    assert (size("decimal(10,0)"), fractional("decimal(10,0)"), integer("decimal(10,0)")) == (10, False, False)
    assert (size("NUMBER(10,0)"), fractional("NUMBER(10,0)"), integer("NUMBER(10,0)")) == (10, False, True)
    assert (size("varchar(20)"), fractional("varchar(20)"), integer("varchar(20)")) == (20, False, False)
    assert (size("[int] IDENTITY(1,1)"), fractional("[int] IDENTITY(1,1)"), integer("[int] IDENTITY(1,1)")) == (
        None,
        False,
        True,
    )


# -- 2: the abbreviations of "number of" and the sum words are vocabulary, each language's own


def test_count_abbreviations_and_sum_words_are_each_language_s_own() -> None:
    """`nbre` is read from fr.yaml, `summe` from de.yaml: no list of them in code (tidy35)."""
    assert {"nb", "nbr", "nbre"} <= lx.NUMBER_OF
    assert {"sum", "somme", "summe", "suma", "som"} <= lx.SUM_WORDS
    french = yaml.safe_load(resources.files("cnsnt.classify").joinpath("vocab", "fr.yaml").read_text("utf-8"))
    assert "nbre" in french["number_of"] and "somme" in french["sum_words"]


def test_common_yaml_may_not_hold_a_language_s_own_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list each language keeps for itself has no place in `common.yaml` (tidy35)."""
    real = vocabulary._text

    def text(name: str) -> str:
        return real(name) + ("\nnumber_of: [nb]\n" if name == "common.yaml" else "")

    monkeypatch.setattr(vocabulary, "_text", text)
    with pytest.raises(vocabulary.VocabularyError, match="number_of"):
        vocabulary.load_vocabulary.__wrapped__()


def test_a_french_statistics_table_counts_with_nbre(tmp_path: Path) -> None:
    """`nbre_beneficiaires`, `nbre_demandes`: counts of a statistics table, as `nb_` ones are.

    The statistics rule's list had `nb` and `nbr` but not `nbre`, which the level rule's had;
    both now read the one vocabulary list (tidy35).
    """
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name TEXT, email TEXT);
    CREATE TABLE statistiques_beneficiaires (id INT PRIMARY KEY, region VARCHAR(40),
      nbre_beneficiaires INT, nbre_demandes INT);
    """
    tables = schema_tables(tmp_path, ddl)
    verdicts = table_verdicts(tables)
    assert verdicts["statistiques_beneficiaires"].kind not in (PEOPLE, LINKED), verdicts["statistiques_beneficiaires"]
    assert "statistics" in verdicts["statistiques_beneficiaires"].reason


# -- 3: one list of kind words, read where a column's or a table's name has one


@pytest.mark.parametrize("name", ["soort_gebruiker", "rodzaj_uzytkownika", "fajta_ugyfel", "tipo_usuario"])
def test_a_table_headed_by_any_kind_word_lists_kinds(name: str) -> None:
    """`soort_gebruiker` lists kinds of user as `tipo_usuario` does (tidy35: one `kind_words`).

    The table heads had `tipo`, `typ`, `tipus` but not the column list's `soort`, `rodzaj`, `fajta`.
    """
    assert _lists_kinds(name, ("nl", "pl", "hu", "es"))
    assert _names(typed_table(name, [("id", "int")])) == {name.replace("_", "")}


def test_a_child_s_table_lists_no_kinds() -> None:
    """`kind` is a kind in English and a child in German and Dutch: no head of a list of kinds."""
    assert not _lists_kinds("kind_allergie", ("nl",))
    assert "allergie" in _names(typed_table("kind_allergie", [("id", "int")]))


@pytest.mark.parametrize("name", ["productsoort", "dokument_rodzaj", "belge_turu", "resinfotype"])
def test_a_table_ending_in_any_kind_word_names_kinds(name: str) -> None:
    """`productsoort` names a list of kinds as `resinfotype` does (tidy35: one `kind_words`)."""
    assert _names_kinds(name, ("nl", "pl", "tr", "en"))


# -- 4: a shared row's contacts and a thing's contacts differ by a full name, on purpose


@pytest.mark.parametrize(("columns", "shared"), [("tel VARCHAR(20), email VARCHAR(80)", True),
                                                 ("nom_complet VARCHAR(80), tel VARCHAR(20), email VARCHAR(80)", False)])
def test_a_row_tables_of_people_share_has_no_full_name(tmp_path: Path, columns: str, shared: bool) -> None:
    """`bureau(tel, email)` that pupils and teachers point at is what they share; with a full name
    it is someone (`_CONTACT_ANCHORS`, where a thing's `_THING_ANCHORS` allow a display name)."""
    ddl = f"""
    CREATE TABLE bureau (id INT PRIMARY KEY, {columns});
    CREATE TABLE eleves (id INT PRIMARY KEY, nom TEXT, prenom TEXT, date_naissance DATE,
      bureau_id INT REFERENCES bureau(id));
    CREATE TABLE enseignants (id INT PRIMARY KEY, nom TEXT, prenom TEXT, email TEXT,
      bureau_id INT REFERENCES bureau(id));
    """
    verdict = table_verdicts(schema_tables(tmp_path, ddl))["bureau"]
    assert (verdict.kind == ORGANISATION) is shared, verdict
