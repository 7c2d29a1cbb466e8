"""cls40b: which columns of a person's row, or of a row linked to them, are theirs.

Every schema here is written for these tests (a payroll, a care home's residents, a parish
office's users), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_the_kind_state_or_total_of_a_person_s_pay_is_their_money(tmp_path: Path) -> None:
    """`tipo_sueldo`, `UcretDurumu`, `gelir_turu`, `toplam_gelir`, `total_haberes`: a kind, a
    state or a total of a pay or an income term, in a person's own row or a row linked to them,
    is their financial data; the kind or total word no longer makes it the row's own."""
    ddl = """
    CREATE TABLE trabajadores (id INT PRIMARY KEY, nombres VARCHAR(80), apellidos VARCHAR(80),
      rut VARCHAR(12), tipo_sueldo VARCHAR(30));
    CREATE TABLE liquidaciones (id INT PRIMARY KEY,
      trabajador_id INT REFERENCES trabajadores(id), total_haberes INT);
    CREATE TABLE sakinler (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60),
      tc_kimlik VARCHAR(11), ucret_durumu VARCHAR(40));
    CREATE TABLE sakin_gelirleri (id INT PRIMARY KEY, sakin_id INT REFERENCES sakinler(id),
      gelir_turu VARCHAR(40), toplam_gelir DECIMAL(12,2));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in (
        "trabajadores.tipo_sueldo",
        "liquidaciones.total_haberes",
        "sakinler.ucret_durumu",
        "sakin_gelirleri.gelir_turu",
        "sakin_gelirleri.toplam_gelir",
    ):
        assert got[key].personal and got[key].category == "user.financial", got[key]
        assert "financial data" in got[key].reason, got[key]


def test_a_kind_of_pay_in_a_table_about_no_one_stays_the_list_s(tmp_path: Path) -> None:
    """Outside a row about a person the kind word still makes the column the row's own: a
    payroll office's list of kinds of pay (`cargos.tipo_sueldo`) names no one's salary."""
    ddl = """
    CREATE TABLE cargos (id INT PRIMARY KEY, descripcion VARCHAR(80), tipo_sueldo VARCHAR(30));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert not got["cargos.tipo_sueldo"].personal, got["cargos.tipo_sueldo"]


def test_a_table_of_a_person_s_settings_is_no_list_of_values(tmp_path: Path) -> None:
    """`user_settings(uss_us_ref -> users, setting_name, setting_value)`: a table named for the
    settings of people, keyed to one by a key whose name says nothing of people, holds each
    person's choices, not a list of values; its settings are theirs (`user.settings`). So is a
    German `benutzereinstellungen` keyed the same way."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, username VARCHAR(40), email VARCHAR(120),
      first_name VARCHAR(60), last_name VARCHAR(60));
    CREATE TABLE user_settings (id INT PRIMARY KEY, uss_us_ref INT REFERENCES users(id),
      setting_name VARCHAR(50), setting_value VARCHAR(50));
    CREATE TABLE benutzereinstellungen (id INT PRIMARY KEY, ref INT REFERENCES users(id),
      sprache VARCHAR(10), newsletter_format VARCHAR(10));
    """
    got = schema_verdicts(tmp_path, ddl)
    value = got["user_settings.setting_value"]
    assert value.personal and value.category == "user.settings", value
    assert "preferences table 'user_settings'" in value.reason, value
    assert not got["user_settings.uss_us_ref"].personal, got["user_settings.uss_us_ref"]
    chosen = got["benutzereinstellungen.newsletter_format"]
    assert chosen.personal and chosen.category == "user.settings", chosen


def test_a_settings_table_named_for_no_one_stays_a_list(tmp_path: Path) -> None:
    """`site_settings`, `app_settings`: the settings of the software, named for no people,
    stay a list of values, whatever a column says."""
    ddl = """
    CREATE TABLE site_settings (id INT PRIMARY KEY, setting_name VARCHAR(50), setting_value VARCHAR(50));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert not got["site_settings.setting_value"].personal, got["site_settings.setting_value"]


def test_the_kind_of_something_of_theirs_in_a_person_s_row_is_a_fact_about_them(tmp_path: Path) -> None:
    """`uyelik_tipi` (the kind of a member's membership), `tipo_collaborazione` (of a staff
    member's work): in a person's own row, which kind of a thing of theirs it is, a fact
    about them ("the kind of something of theirs"), personal with low confidence."""
    ddl = """
    CREATE TABLE uyeler (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60),
      tc_kimlik VARCHAR(11), uyelik_tipi VARCHAR(30), tip VARCHAR(10), kayit_tipi VARCHAR(10));
    CREATE TABLE personale (id INT PRIMARY KEY, nome VARCHAR(60), cognome VARCHAR(60),
      codice_fiscale VARCHAR(16), tipo_collaborazione VARCHAR(50));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key, cue in (("uyeler.uyelik_tipi", "'uyelik'"), ("personale.tipo_collaborazione", "'collaborazione'")):
        assert got[key].personal and got[key].confidence.value == "low", got[key]
        assert f"the kind of something of theirs ({cue})" in got[key].reason, got[key]
    # a bare kind, and the kind of the row's own record, stay the row's
    assert not got["uyeler.tip"].personal, got["uyeler.tip"]
    assert not got["uyeler.kayit_tipi"].personal, got["uyeler.kayit_tipi"]


def test_the_kind_of_something_in_a_record_that_points_at_a_person_stays_the_record_s(tmp_path: Path) -> None:
    """In a row that merely points at a person (an order, a ticket) a kind stays the record's
    own (`tipo_envio`, how the order is shipped): the reading is for a person's own row."""
    ddl = """
    CREATE TABLE clientes (id INT PRIMARY KEY, nombre VARCHAR(60), apellidos VARCHAR(60),
      email VARCHAR(120), telefono VARCHAR(20));
    CREATE TABLE pedidos (id INT PRIMARY KEY, cliente_id INT REFERENCES clientes(id),
      tipo_envio VARCHAR(20));
    """
    got = schema_verdicts(tmp_path, ddl)
    assert not got["pedidos.tipo_envio"].personal, got["pedidos.tipo_envio"]
