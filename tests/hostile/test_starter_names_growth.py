"""A starter entry's candidate names stay linear in a category with thousands of dots (sweep36b).

A policy's own taxonomy may define any category text (an explicit YAML key `? user.a.b...`
loads at any length); `_names` joined every suffix of its parts, k parts giving k joins
of up to k parts: 20,000 parts made 1.3 GB of names in 2.3 s. The categories are made here.
"""

from __future__ import annotations

from cnsnt.starter.entries import _names
from tests.hostile.growth import assert_linear


def _category(parts: int) -> str:
    return "user." + ".".join(f"loyalty_tier{i}" for i in range(parts))


def test_a_category_of_thousands_of_parts_is_named_linearly() -> None:
    assert_linear(_names, _category, 2_000)


def test_short_categories_keep_every_candidate() -> None:
    assert _names("user.contact.email") == ["email", "contact_email"]
    assert _names("user.name.first") == ["first_name"]
    assert _names("user.a.b.c.d.e.f.g.h") == [
        "h", "g_h", "f_g_h", "e_f_g_h", "d_e_f_g_h", "c_d_e_f_g_h", "b_c_d_e_f_g_h", "a_b_c_d_e_f_g_h"]


def test_a_deep_category_offers_its_last_parts() -> None:
    names = _names(_category(5_000))
    assert names[0] == "loyalty_tier4999"
    assert names[1] == "loyalty_tier4998_loyalty_tier4999"
    assert 1 < len(names) <= 8
