"""special36 (session 36): special categories (GDPR Art. 9) a column's comment names.

Every schema here is written for these tests (a children's holiday camp's applicants, a clinic's
patient cards, a club's members), read as `cnsnt init` reads a `schema.sql`.
"""

from __future__ import annotations

from pathlib import Path

from cnsnt.evidence import Classification
from tests.unit.schema_entry import schema_verdicts as _verdicts


def _special(verdict: Classification, prefix: str) -> bool:
    return verdict.personal and str(verdict.category).startswith(prefix)


CAMP = """
CREATE TABLE campers (id INT PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60),
  birth_date DATE, disability_group_ref BIGINT, is_active BOOLEAN);
COMMENT ON COLUMN campers.disability_group_ref IS 'Группа инвалидности';
COMMENT ON COLUMN campers.is_active IS 'Запись активна';
CREATE TABLE camper_cards (id INT PRIMARY KEY, camper_id INT REFERENCES campers(id),
  is_parent_member BOOLEAN, vik_id NUMERIC(2), fd_create DATE, fd_edit DATE);
COMMENT ON COLUMN camper_cards.is_parent_member IS 'Родитель - член профсоюза';
COMMENT ON COLUMN camper_cards.vik_id IS 'выкидыши';
COMMENT ON COLUMN camper_cards.fd_create IS 'Дата проведения прививки';
COMMENT ON COLUMN camper_cards.fd_edit IS 'Дата изменения записи';
CREATE TABLE clinics (id INT PRIMARY KEY, title VARCHAR(80), kind_code INT);
COMMENT ON COLUMN clinics.kind_code IS 'Тип диагноза по умолчанию';
"""


def test_a_comment_naming_a_special_category_speaks_over_a_technical_name(tmp_path: Path) -> None:
    """A yes/no, a key or a date word in the name makes a column the row's bookkeeping, but
    the schema's author says it holds a trade-union membership, a disability group,
    miscarriages, the date of a vaccination: the person's Art. 9 data (Art. 4(15))."""
    got = _verdicts(tmp_path, CAMP)
    union = got["camper_cards.is_parent_member"]
    assert _special(union, "user.demographic.union_membership"), union
    for key in ("campers.disability_group_ref", "camper_cards.vik_id", "camper_cards.fd_create"):
        assert _special(got[key], "user.health"), (key, got[key])


def test_a_comment_of_no_special_category_or_about_no_one_stays_technical(tmp_path: Path) -> None:
    """The record's own state and its edit date say nothing of the person, and a health word
    in the comment of a table about no one (a clinic's default) is no one's health."""
    got = _verdicts(tmp_path, CAMP)
    for key in ("campers.is_active", "camper_cards.fd_edit", "clinics.kind_code"):
        assert not _special(got[key], "user.health"), (key, got[key])
