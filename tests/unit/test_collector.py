"""The cycle collector paused while the classifier reads (speed37): paused, then resumed as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from cnsnt.classify import tables as classify_tables_module
from cnsnt.classify.collector import collector_paused
from cnsnt.evidence import Column, Table
from cnsnt.model import Location


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_the_work_runs_paused_and_the_collector_resumes() -> None:
    seen: list[bool] = []

    @collector_paused
    def work(x: int, *, y: int) -> int:
        seen.append(gc.isenabled())
        return x + y

    assert work(2, y=3) == 5
    assert seen == [False]
    assert gc.isenabled()


def test_an_exception_still_resumes_the_collector() -> None:
    @collector_paused
    def work() -> None:
        raise ValueError("bad input")

    with pytest.raises(ValueError):
        work()
    assert gc.isenabled()


def test_nested_pauses_resume_only_at_the_outermost() -> None:
    inner_after: list[bool] = []

    @collector_paused
    def inner() -> None:
        pass

    @collector_paused
    def outer() -> None:
        inner()
        inner_after.append(gc.isenabled())

    outer()
    assert inner_after == [False]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    collector_paused(lambda: None)()
    assert not gc.isenabled()


def test_tables_are_read_and_judged_with_the_collector_paused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both halves of a classification (`read_tables`, `column_verdicts`) run paused."""
    seen: dict[str, bool] = {}
    real_verdicts, real_people = classify_tables_module._verdicts, classify_tables_module._people_names

    def verdicts(*args: object, **kwargs: object) -> object:
        seen["read"] = gc.isenabled()
        return real_verdicts(*args, **kwargs)  # type: ignore[arg-type]

    def people(*args: object, **kwargs: object) -> object:
        seen.setdefault("judged", gc.isenabled())
        return real_people(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(classify_tables_module, "_verdicts", verdicts)
    monkeypatch.setattr(classify_tables_module, "_people_names", people)
    where = Location("schema.sql", 1, 1)
    table = Table(
        name="members",
        location=where,
        source="schema.sql",
        columns=tuple(Column("members", name, where, "schema.sql") for name in ("id", "email", "birth_date")),
    )
    found = classify_tables_module.classify_tables([table])
    assert found["members.email"].personal
    assert seen == {"read": False, "judged": False}
    assert gc.isenabled()
