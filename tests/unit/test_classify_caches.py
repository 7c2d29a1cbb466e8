"""What the classifier keeps between calls is never handed out to be changed by a caller."""

from __future__ import annotations

from pathlib import Path

from cnsnt.classify import classify_tables
from cnsnt.classify.tokens import raw_words
from tests.unit.schema_entry import schema_tables


def test_raw_words_gives_each_caller_a_list_of_its_own() -> None:
    """`raw_words` is cached: a caller that changes its list must not change the next caller's."""
    first = raw_words("dataNascimentoResponsavel")
    first.append("changed")
    assert raw_words("dataNascimentoResponsavel") == ["data", "nascimento", "responsavel"]


def test_implied_words_gives_each_caller_a_list_of_its_own() -> None:
    """`implied._words` reads a cached split: a caller that changes its list must not change the next's."""
    from cnsnt.classify.implied import _words

    first = _words("pret_archive")
    first.append("changed")
    assert _words("pret_archive") == ["pret", "archive"]


# Two schemas that share table and column names, read differently in each: a cache keyed by
# a name alone must carry nothing of one schema's reading into the other's.
_LIBRARY = """
CREATE TABLE empr (id int PRIMARY KEY, empr_nom varchar(60), empr_prenom varchar(60), empr_mail varchar(120));
CREATE TABLE pret_archive (arc_id int PRIMARY KEY, arc_id_empr int, arc_debut date, arc_fin date);
"""
_WAREHOUSE = """
CREATE TABLE empr (id int PRIMARY KEY, code varchar(12), label varchar(60));
CREATE TABLE pret_archive (arc_id int PRIMARY KEY, arc_id_empr int, arc_qty int, arc_fin date);
"""


def test_two_schemas_in_a_row_read_as_each_alone(tmp_path: Path) -> None:
    """A classification run leaves nothing behind that changes the next schema's verdicts."""
    library = schema_tables(tmp_path / "library", _LIBRARY)
    warehouse = schema_tables(tmp_path / "warehouse", _WAREHOUSE)
    alone = classify_tables(warehouse)
    classify_tables(library)
    assert classify_tables(warehouse) == alone
    first = classify_tables(library)
    classify_tables(warehouse)
    assert classify_tables(library) == first
    assert first["empr.empr_nom"].personal  # the library's borrowers are people
    assert not alone["empr.label"].personal
