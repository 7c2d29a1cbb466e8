"""A csvlog row whose quoted message is full of doubled quotes is cut in linear time (sweep36b).

Each `""` inside a quoted field was added to the field by string concatenation, copying
the field so far whenever the allocator could not grow it in place, as in a fresh
process: a statement with 400,000 of them (a JSON literal's quotes) took 1.6 s, 49x the
time of 50,000. Each size is therefore timed in its own interpreter. The rows are made here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cnsnt.sources.queries.formats.postgres_csvlog import one_line_row
from tests.hostile.growth import FACTOR, MAX_GROWTH, NOISE_S

_HEAD = '2026-03-02 09:14:07.512 UTC,"billing","shop",4412,"10.0.4.7:51022",65e2,1,"SELECT",2026-03-02,3/77,0,LOG,00000,'
_TAIL = ',,,,,,,,,"checkout-api",client backend,,0'

_CHILD = """
import sys, time
from cnsnt.sources.queries.formats.postgres_csvlog import one_line_row
from tests.hostile.test_csvlog_quotes_growth import _row
line = _row(int(sys.argv[1]))
start = time.process_time()
one_line_row(line, 1 << 30)
print(time.process_time() - start)
"""


def _row(quotes: int) -> str:
    return _HEAD + '"statement: SELECT \'' + '""' * quotes + '\' FROM orders"' + _TAIL


def _fresh_cpu(quotes: int) -> float:
    """CPU seconds of cutting one row, in a new interpreter (where the copying showed)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(quotes)], capture_output=True, text=True, check=True, timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    return float(done.stdout)


def test_doubled_quotes_are_cut_linearly() -> None:
    n = 50_000
    t_big = _fresh_cpu(FACTOR * n)
    if t_big < NOISE_S:
        return
    t_small = max(_fresh_cpu(n), 1e-3)
    assert t_big / t_small < MAX_GROWTH, f"{t_small:.3f}s at {n}, {t_big:.3f}s at {FACTOR * n}"


def test_doubled_quotes_still_read_as_one_quote() -> None:
    line = _HEAD + '"statement: SELECT data->>\'""email""\' FROM ""orders"""' + _TAIL
    row = one_line_row(line, 1 << 30)
    assert row is not None
    assert row[13] == 'statement: SELECT data->>\'"email"\' FROM "orders"'
    assert row[22] == "checkout-api"
