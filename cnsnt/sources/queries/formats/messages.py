"""Messages of several statements logged once per statement (pgAudit), counted once each.

pgAudit logs `SELECT a FROM t; SELECT b FROM u`, sent as one simple query, as two records
with consecutive statement ids, each carrying the whole text. A message of `k` statements
takes `k` ids (also those of statements pgAudit does not log), so a record whose id is
within `k` after the id of the message last counted for its shape is one of that
message's later statements; any other starts a message.

A byte range of a log cannot tell whether its first records are later statements of a
message an earlier range counted. It keeps the ids it cannot place yet as runs of
consecutive ids, which the merge places in file order; once an id comes `k` or more after
every id before it, no earlier message can reach it, and the range counts on by itself.
Memory is a few numbers per shape, and the ids before that point.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class MessageIds:
    """The multi-statement records of one shape in one byte range, by statement id."""

    statements: int
    """How many statements the shape's text holds (ids one message takes)."""
    runs: list[list[int]] = field(default_factory=list)
    """[first, last] runs of consecutive ids before the range could count by itself."""
    high: int = -1
    """The largest id among the runs."""
    counted: int = 0
    """Messages counted since then."""
    start: int | None = None
    """The first id of the message counted last since then; None while runs are kept."""
    last: int = -1
    """The last id added (ids grow within a session)."""

    def add(self, statement_id: int) -> None:
        """One record's id, in log order."""
        self.last = statement_id
        k = self.statements
        if self.start is not None:
            if not self.start < statement_id < self.start + k:
                self.counted += 1
                self.start = statement_id
            return
        if self.runs and statement_id >= self.high + k:
            self.counted, self.start = 1, statement_id  # no message before it reaches it
            return
        if self.runs and statement_id == self.runs[-1][1] + 1:
            self.runs[-1][1] = statement_id
        else:
            self.runs.append([statement_id, statement_id])
        self.high = max(self.high, statement_id)

    def place(self, carried: int | None) -> tuple[int, int | None]:
        """(messages of this range, first id of the last message), placed after `carried`.

        `carried` is the first id of the shape's message counted last by the ranges
        before (None: none).
        """
        count, start = walk(self.runs, self.statements, carried)
        if self.start is not None:
            return count + self.counted, self.start
        return count, start


def unfinished(start: int | None, last: int, statements: int) -> bool:
    """Whether the message that starts at id `start` may have statements after id `last` still to come."""
    return start is None or last < start + statements - 1


def walk(runs: list[list[int]], k: int, start: int | None) -> tuple[int, int | None]:
    """(messages started, first id of the last message) over runs of ids, in order."""
    count = 0
    for first, last in runs:
        at = first
        if start is not None and start < first < start + k:
            at = start + k  # the run starts inside the message before it
        if at > last:
            continue
        started = (last - at) // k + 1
        count += started
        start = at + (started - 1) * k
    return count, start
