"""prec37: a word that names a region and a record's state, in a column whose type holds no region.

Every schema here is written for these tests (a secondary school's staff office, a parish
clinic's appointments, a Brazilian gym's members), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_a_state_word_in_a_number_or_a_yes_no_is_the_record_s_state(tmp_path: Path) -> None:
    """`faltas.estado tinyint` beside a teacher's key, `medicos.estado tinyint(1)` in a doctor's
    own row and `vouchers.state smallint`: Portuguese `estado` and English `state` name a
    region of an address, but a number or a yes/no holds none, so the word is the status it
    also is (`status`, `stato` are technical), not an unnamed fact about the person."""
    ddl = """
    CREATE TABLE profesores (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(80),
      email VARCHAR(120));
    CREATE TABLE faltas (id INT PRIMARY KEY, idProfesor INT REFERENCES profesores(id),
      dia DATE, estado TINYINT);
    CREATE TABLE medicos (id INT PRIMARY KEY, nombre VARCHAR(60), apellido VARCHAR(60),
      matricula VARCHAR(20), telefono VARCHAR(30), estado TINYINT(1));
    CREATE TABLE members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120));
    CREATE TABLE vouchers (id INT PRIMARY KEY, member_id INT REFERENCES members(id),
      code VARCHAR(20), state SMALLINT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("faltas.estado", "medicos.estado", "vouchers.state"):
        assert not got[key].personal, got[key]
        assert "is technical" in got[key].reason, got[key]


def test_a_state_word_that_can_hold_a_region_stays_the_address_s(tmp_path: Path) -> None:
    """`alunos.estado char(2)` beside a street and a city is the state of the pupil's address,
    as before: text can hold a region."""
    ddl = """
    CREATE TABLE alunos (id INT PRIMARY KEY, nome VARCHAR(80), cpf VARCHAR(14), rua VARCHAR(120),
      cidade VARCHAR(60), estado CHAR(2));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert got["alunos.estado"].personal, got["alunos.estado"]
    assert got["alunos.estado"].category == "user.contact.address.state", got["alunos.estado"]
