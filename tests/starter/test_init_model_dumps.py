"""`cnsnt init` proposes ORM models, not a SQL dump of the same tables beside them (review25 D5).

Found on alsimfer/BA (`988b43f`, Symfony 3): the Doctrine entities and an old phpMyAdmin dump
of the same 11 tables were both proposed, and the starter's first audit warned 11 times
(CN001 "also defined in"). The files here are written for these tests (review25's repro).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.api import audit_path
from cnsnt.errors import SourceError
from cnsnt.starter.discover import survey
from cnsnt.starter.run import draft_new

PATIENT = """<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity @ORM\\Table(name="patient") */
class Patient { /** @ORM\\Id @ORM\\Column(type="integer") */ private $id;
                /** @ORM\\Column(type="string", name="kv_bereich") */ private $kvBereich;
                /** @ORM\\Column(type="string") */ private $email; }
"""
#: No `@ORM\\Table`: Doctrine names the table after the class (`Coaching`).
COACHING = """<?php
namespace App\\Entity;
use Doctrine\\ORM\\Mapping as ORM;
/** @ORM\\Entity */
class Coaching { /** @ORM\\Id @ORM\\Column(type="integer") */ private $id;
                 /** @ORM\\Column(type="float") */ private $gewicht; }
"""
DUMP = """CREATE TABLE `patient` (`id` int(11) NOT NULL, `kv_bereich` varchar(50) NOT NULL, `email` varchar(150));
CREATE TABLE `coaching` (`id` int(11) NOT NULL, `gewicht` double NOT NULL);
CREATE TABLE `caretaker` (`id` int(11) NOT NULL, `email` varchar(150));
"""
#: Another database's schema: two of its three tables are none of the models'.
OTHER = """CREATE TABLE `patient` (`id` int(11) NOT NULL, `email` varchar(150));
CREATE TABLE `newsletter` (`id` int(11) NOT NULL, `address` varchar(150));
CREATE TABLE `shipment` (`id` int(11) NOT NULL, `street` varchar(150));
"""


def _project(root: Path, dump: str = DUMP) -> None:
    (root / "src" / "Entity").mkdir(parents=True)
    (root / "src" / "Entity" / "Patient.php").write_text(PATIENT, encoding="utf-8")
    (root / "src" / "Entity" / "Coaching.php").write_text(COACHING, encoding="utf-8")
    (root / "sql").mkdir()
    (root / "sql" / "dump.sql").write_text(dump, encoding="utf-8")


def test_a_dump_of_the_models_tables_is_left_out_with_a_note(tmp_path: Path) -> None:
    _project(tmp_path)
    found, notes = survey(tmp_path)
    assert [(f.pattern, f.format) for f in found if f.kind == "schemas"] == [("src/Entity/*.php", "doctrine")]
    [note] = [n for n in notes if "sql/dump.sql" in n]
    assert note.startswith(
        "left out sql/dump.sql: 2 of its 3 tables are defined by the models in src/Entity/*.php (doctrine), "
        "which are read instead"
    )
    assert "1 table only it defines (caretaker) is not read" in note


def test_the_starters_first_audit_warns_of_no_table_defined_twice(tmp_path: Path) -> None:
    _project(tmp_path)
    draft = draft_new(tmp_path)
    (tmp_path / "cnsnt.yaml").write_text(draft.text, encoding="utf-8")
    findings = audit_path(tmp_path).findings
    assert not [f for f in findings if f.rule == "CN001" and "also defined in" in f.message]
    assert "# left out sql/dump.sql" in draft.text
    assert "caretaker" not in draft.text.replace("(caretaker)", "")  # the stale table is not declared


def test_a_sql_file_of_mostly_other_tables_stays_proposed_with_a_note(tmp_path: Path) -> None:
    _project(tmp_path, OTHER)
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found if f.kind == "schemas") == ["sql/dump.sql", "src/Entity/*.php"]
    [note] = [n for n in notes if "sql/dump.sql" in n]
    assert note.startswith("kept sql/dump.sql: 2 of its 3 tables are not in the models")


def test_a_sql_file_without_models_gets_no_note(tmp_path: Path) -> None:
    (tmp_path / "sql").mkdir()
    (tmp_path / "sql" / "dump.sql").write_text(DUMP, encoding="utf-8")
    found, notes = survey(tmp_path)
    assert [f.pattern for f in found if f.kind == "schemas"] == ["sql/dump.sql"]
    assert not [n for n in notes if "sql/dump.sql" in n]


def test_models_that_cannot_be_read_keep_the_dump_and_say_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """codereview24 F9: a source error (or a time limit) is said in a note, never a silent skip."""
    import cnsnt.collect

    def unreadable(*_args: object, **_kwargs: object) -> None:
        raise SourceError("src/Entity/Patient.php: the time limit was reached")

    monkeypatch.setattr(cnsnt.collect, "collect_evidence", unreadable)
    _project(tmp_path)
    found, notes = survey(tmp_path)
    assert sorted(f.pattern for f in found if f.kind == "schemas") == ["sql/dump.sql", "src/Entity/*.php"]
    [note] = [n for n in notes if "could not read the models" in n]
    assert note == (
        "could not read the models (src/Entity/*.php (doctrine)) to compare them with the SQL files, which "
        "stay proposed (a dump of the same tables would count them twice): src/Entity/Patient.php: the time "
        "limit was reached"
    )


def test_a_bug_in_a_reader_is_not_swallowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """codereview24 F9: only cnsnt's own errors are caught; a `TypeError` is a bug to see."""
    import cnsnt.collect

    def broken(*_args: object, **_kwargs: object) -> None:
        raise TypeError("a reader's bug")

    monkeypatch.setattr(cnsnt.collect, "collect_evidence", broken)
    _project(tmp_path)
    with pytest.raises(TypeError):
        survey(tmp_path)


def test_one_shared_table_of_two_is_counted_in_the_singular(tmp_path: Path) -> None:
    """trial38b (an EF Core app's phpMyAdmin dump beside its models): '1 of its 2 tables are'."""
    _project(tmp_path, DUMP.replace("CREATE TABLE `coaching` (`id` int(11) NOT NULL, `gewicht` double NOT NULL);\n", ""))
    (tmp_path / "src" / "Entity" / "Coaching.php").unlink()
    _, notes = survey(tmp_path)
    [note] = [n for n in notes if "sql/dump.sql" in n]
    assert note.startswith("left out sql/dump.sql: 1 of its 2 tables is defined by the models in src/Entity/*.php")
