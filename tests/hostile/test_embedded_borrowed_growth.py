"""SQL a framework migration runs, beside another database's tables, costs its length.

`CREATE TABLE IF NOT EXISTS` does not see a borrowed table (another database's, which the
SQL may change but does not own): each such CREATE used to take every borrowed table out
of the table dict and rebuild the whole dict after it, so a text of thousands of guarded
CREATEs cost its length times its tables (ddl40).
"""

from __future__ import annotations

from cnsnt.sql.embedded import LiveColumn, LiveTable, replay_embedded
from tests.hostile.growth import assert_linear


def _seeded() -> list[LiveTable]:
    return [LiveTable("audit_log", None, [LiveColumn("id")], borrowed=True)]


def _guarded_creates(n: int) -> str:
    return "".join(f"CREATE TABLE IF NOT EXISTS ward_{i} (id int, nurse_email text);\n" for i in range(n))


def _replay(text: str) -> int:
    return len(replay_embedded(text, _seeded(), "postgres").tables)


def test_guarded_creates_beside_a_borrowed_table_are_read_in_linear_time() -> None:
    assert_linear(_replay, _guarded_creates, 1500)


def test_a_borrowed_table_is_still_unseen_by_if_not_exists_and_kept() -> None:
    """The guarded CREATE of a borrowed table's name makes the table here; the rest stays in order."""
    seeded = [
        LiveTable("audit_log", None, [LiveColumn("id")], borrowed=True),
        LiveTable("nurses", None, [LiveColumn("id")]),
    ]
    text = (
        "CREATE TABLE IF NOT EXISTS audit_log (id int, actor_email text);\n"
        "CREATE TABLE IF NOT EXISTS nurses (id int, email text);\n"
        "CREATE TABLE IF NOT EXISTS wards (id int);\n"
    )
    result = replay_embedded(text, seeded, "postgres")
    assert [(t.name, [c.name for c in t.columns]) for t in result.tables] == [
        ("audit_log", ["id", "actor_email"]),
        ("nurses", ["id"]),
        ("wards", ["id"]),
    ]
