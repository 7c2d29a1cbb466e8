"""open36a: review findings left open by session 35, each a word read in the wrong sense.

Every schema here is written for these tests (a tour operator, a restaurant, a nursery, a
staff office), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.schema_entry import schema_verdicts


def test_a_tour_s_bookings_are_no_list_of_kinds(tmp_path: Path) -> None:
    """`tur` first is a tour in Turkish (its kind word follows: `urun_turu`): a payment that
    names a tour's booking (`rezervasyon_id`, no declared key) is the booker's."""
    ddl = """
    CREATE TABLE tur_rezervasyon (id INT PRIMARY KEY, musteri_adi VARCHAR(60),
      musteri_soyadi VARCHAR(60), telefon VARCHAR(20), kisi_sayisi INT);
    CREATE TABLE odemeler (id INT PRIMARY KEY, rezervasyon_id INT, tutar DECIMAL(8,2),
      odeme_tarihi DATE, aciklama TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("odemeler.tutar", "odemeler.odeme_tarihi"):
        assert got[key].personal and "tur_rezervasyon" in got[key].reason, got[key]


def test_a_tip_pool_in_english_is_its_waiters(tmp_path: Path) -> None:
    """`tip` is a gratuity in English: the waiters who share the tips are people, and a payout
    named for their pool (`pool_id`) is theirs."""
    ddl = """
    CREATE TABLE restaurants (id INT PRIMARY KEY, name VARCHAR(100), street VARCHAR(100),
      city VARCHAR(60));
    CREATE TABLE tip_pool (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
      email VARCHAR(120), mobile_phone VARCHAR(20), iban VARCHAR(34));
    CREATE TABLE payouts (id INT PRIMARY KEY, pool_id INT, amount DECIMAL(8,2), paid_on DATE,
      note TEXT);
    """
    got = schema_verdicts(tmp_path, ddl)
    for key in ("payouts.amount", "payouts.paid_on"):
        assert got[key].personal and "tip_pool" in got[key].reason, got[key]


def test_tip_still_heads_kinds_in_russian() -> None:
    """`tip_dokumenta` lists kinds of document in transliterated Russian; `tur` heads none."""
    from cnsnt.classify.implied import kind_heads

    assert "tip" in kind_heads(("ru",))
    assert "tip" in kind_heads(None)
    assert "tip" not in kind_heads(("en",))
    assert "tur" not in kind_heads(("ru",))
    assert "tipo" in kind_heads(("es", "en"))
