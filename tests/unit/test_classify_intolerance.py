"""A food intolerance and an absence for sickness are data concerning health (GDPR Art. 4(15)).

Schemas written for these tests, after an after-school care registration (review of the
session 26 fresh projects): a child's coeliac disease, a parent's sick report.
"""

from __future__ import annotations

from cnsnt.classify import classify_tables
from cnsnt.evidence import ForeignKey
from tests.unit.schema_entry import typed_table

CHILDREN = typed_table(
    "kind",
    [
        ("id", "INTEGER"),
        ("vorname", "TEXT"),
        ("nachname", "TEXT"),
        ("laktoseintoleranz", "BOOLEAN"),
        ("zoeliakie", "BOOLEAN"),
        ("gluten", "TEXT"),
    ],
)


def test_an_intolerance_is_health_data_even_as_a_yes_or_no() -> None:
    verdicts = classify_tables([CHILDREN])
    for column in ("laktoseintoleranz", "zoeliakie", "gluten"):
        got = verdicts[f"kind.{column}"]
        assert got.personal and got.category == "user.health", (column, got.reason)


def test_a_yes_or_no_gluten_in_a_persons_row_is_of_unknown_kind() -> None:
    """A bare `gluten BOOLEAN` may be a diet choice: personal, but no health term (codereview26 F10)."""
    kids = typed_table("kinder", [("id", "INTEGER"), ("vorname", "TEXT"), ("gluten", "BOOLEAN")])
    got = classify_tables([kids])["kinder.gluten"]
    assert got.personal and got.category == "user", got.reason


def test_an_allergen_flag_of_a_dish_is_nobodys() -> None:
    dishes = typed_table("dishes", [("id", "INTEGER"), ("title", "TEXT"), ("gluten", "BOOLEAN")])
    assert not classify_tables([dishes])["dishes.gluten"].personal


def test_the_dates_of_a_sick_report_are_health_data() -> None:
    reports = typed_table(
        "child_sick_report",
        [("id", "INTEGER"), ("kind_id", "INTEGER"), ("von", "DATE"), ("bis", "DATE"), ("bemerkung", "TEXT")],
        (ForeignKey(("kind_id",), "kind"),),
    )
    verdicts = classify_tables([CHILDREN, reports])
    for column in ("von", "bis", "bemerkung"):
        got = verdicts[f"child_sick_report.{column}"]
        assert got.personal and got.category == "user.health", (column, got.reason)

