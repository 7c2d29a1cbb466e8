"""cls33b: false alarms in tables about people (precision).

Every schema here is written for these tests (a club's outings, a council's meetings, a
volunteer's rota), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts

# -- item 1: a table named for a thing and its people: the key to the thing is a link


def test_a_key_to_the_thing_a_table_of_people_is_named_for_is_a_link(tmp_path: Path) -> None:
    """`outing_pupils(outing_id, first_name, last_name, ...)`, `toplanti_katilimcilar`: each row
    is one person's place in the outing or the meeting, however many columns it has; the key
    to the outing says which one the row belongs to, as the table's name does, a link with
    low confidence. In a person's own row a key to a thing the table is not named for (their
    locker) stays theirs, and so does a key that picks a state (`aktualis_statusz`)."""
    ddl = """
    CREATE TABLE outings (id INT PRIMARY KEY, title VARCHAR(80), held_on DATE, place VARCHAR(80));
    CREATE TABLE lockers (id INT PRIMARY KEY, code VARCHAR(10), floor INT);
    CREATE TABLE outing_pupils (id INT PRIMARY KEY, outing_id INT REFERENCES outings(id),
      locker_id INT REFERENCES lockers(id), first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80), phone VARCHAR(20), paid BOOLEAN, remarks TEXT);
    CREATE TABLE toplantilar (id INT PRIMARY KEY, konu VARCHAR(120), tarih DATE, yer VARCHAR(80));
    CREATE TABLE toplanti_katilimcilar (id INT PRIMARY KEY, toplanti_id INT REFERENCES toplantilar(id),
      ad VARCHAR(60), soyad VARCHAR(60), eposta VARCHAR(80), telefon VARCHAR(20), katildi BOOLEAN);
    CREATE TABLE ugyfel_statusz (id INT PRIMARY KEY, megnevezes VARCHAR(60), sorrend INT, aktiv BOOLEAN);
    CREATE TABLE ugyfel_attr_statusz (id INT PRIMARY KEY, nev VARCHAR(60), email VARCHAR(80),
      szuletesi_datum DATE, aktualis_statusz INT REFERENCES ugyfel_statusz(id));
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("outing_pupils.outing_id", "toplanti_katilimcilar.toplanti_id"):
        assert not got[key].personal and got[key].confidence.value == "low", got[key]
        assert "the thing the table is named for with its people" in got[key].reason, got[key]
    assert got["outing_pupils.locker_id"].personal, got["outing_pupils.locker_id"]
    assert got["ugyfel_attr_statusz.aktualis_statusz"].personal, got["ugyfel_attr_statusz.aktualis_statusz"]


# -- item 2: a taught thing whose name the tokenizer cuts in two (`homeworks`)


def test_homework_keyed_to_its_teacher_is_the_class_s_not_the_teacher_s(tmp_path: Path) -> None:
    """`homeworks(teacher_id -> users, title, description, due_date)`: homework is set for a
    class, and the teacher its row keys is staff assigned to it, as in `lessons`; the
    tokenizer reads `homeworks` as `home` and `work`, and the two written as one are the
    taught thing. A teacher's own leave (`teacher_leaves`) stays theirs."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80), password VARCHAR(80));
    CREATE TABLE homeworks (id INT PRIMARY KEY, teacher_id INT REFERENCES users(id),
      title VARCHAR(100), description TEXT, due_date DATE);
    CREATE TABLE teacher_leaves (id INT PRIMARY KEY, teacher_id INT REFERENCES users(id),
      reason TEXT, starts_on DATE);
    """
    got = schema_verdicts(tmp_path, ddl)
    for column in ("title", "description", "due_date"):
        assert not got[f"homeworks.{column}"].personal, got[f"homeworks.{column}"]
    assert got["teacher_leaves.reason"].personal, got["teacher_leaves.reason"]


# -- item 3: the number of the record each row is, in a table that names its person


def test_the_number_of_the_record_a_row_is_is_not_the_person_s(tmp_path: Path) -> None:
    """`umowy_zlecenie.numer_umowy`: in a table of contracts that keeps its contractor's name
    and national id, the contract's number is the record's, as an invoice's is, low
    confidence. A number named for something else (`numer_konta`, a bank account) stays a
    number of theirs, and so does a member's number in a table named for the members."""
    ddl = """
    CREATE TABLE umowy_zlecenie (id INT PRIMARY KEY, imie VARCHAR(60), nazwisko VARCHAR(60),
      pesel VARCHAR(11), numer_umowy VARCHAR(40), numer_konta VARCHAR(40), kwota DECIMAL(10,2));
    CREATE TABLE club_members (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80), member_number VARCHAR(20));
    """
    got = schema_verdicts(tmp_path, ddl)
    contract = got["umowy_zlecenie.numer_umowy"]
    assert not contract.personal and contract.confidence.value == "low", contract
    assert "is the number of the umowy each row" in contract.reason, contract
    assert got["umowy_zlecenie.numer_konta"].personal, got["umowy_zlecenie.numer_konta"]
    assert got["club_members.member_number"].personal, got["club_members.member_number"]


# -- item 4: when an account or a record was locked


def test_when_an_account_was_locked_is_its_state_not_an_act_of_the_person(tmp_path: Path) -> None:
    """`users.locked_until`, `kullanicilar.kilitlenme_tarihi`, `usuarios.bloqueado_ate`: when
    the software locked the account after failed log-ins is a state of the account, low
    confidence; the person's own times (`last_login_at`) stay theirs."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80), locked_until TIMESTAMP, last_login_at TIMESTAMP);
    CREATE TABLE kullanicilar (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60),
      eposta VARCHAR(80), kilitlenme_tarihi TIMESTAMP);
    CREATE TABLE usuarios (id INT PRIMARY KEY, nome VARCHAR(60), email VARCHAR(80), cpf VARCHAR(14),
      bloqueado_ate TIMESTAMP);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("users.locked_until", "kullanicilar.kilitlenme_tarihi", "usuarios.bloqueado_ate"):
        assert not got[key].personal and got[key].confidence.value == "low", got[key]
        assert "was locked" in got[key].reason, got[key]
    assert got["users.last_login_at"].personal, got["users.last_login_at"]


# -- item 5: a part of the software a row names


def test_the_table_or_module_a_logged_action_touched_is_not_the_person_s(tmp_path: Path) -> None:
    """`audit_logs.table_name`, `islem_loglari.modul`, `change_log.entity_name`: which table,
    module or entity the user's action touched is the application's vocabulary, low
    confidence; what they did (`action`) and the values they changed stay theirs."""
    ddl = """
    CREATE TABLE users (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(80));
    CREATE TABLE audit_logs (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
      action VARCHAR(20), table_name VARCHAR(60), old_values TEXT, new_values TEXT);
    CREATE TABLE kullanicilar (id INT PRIMARY KEY, ad VARCHAR(60), soyad VARCHAR(60), eposta VARCHAR(80));
    CREATE TABLE islem_loglari (id INT PRIMARY KEY, kullanici_id INT REFERENCES kullanicilar(id),
      modul VARCHAR(60), islem VARCHAR(60));
    CREATE TABLE change_log (id INT PRIMARY KEY, user_id INT REFERENCES users(id),
      entity_name VARCHAR(60), diff TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("audit_logs.table_name", "islem_loglari.modul", "change_log.entity_name"):
        assert not got[key].personal and got[key].confidence.value == "low", got[key]
        assert "names a part of the software" in got[key].reason, got[key]
    assert got["audit_logs.action"].personal, got["audit_logs.action"]
    assert got["audit_logs.new_values"].personal, got["audit_logs.new_values"]
