"""CPU time of every regular expression in cnsnt on its worst hostile text.

Run from the repository root: `python benchmarks/hostile_regex.py [--top N] [--size N]`.
Uses the inputs of `tests/hostile/test_regex_linear.py` (runs of each character a pattern
names, its literal fragments, the reproducers' shapes) and prints the slowest patterns
with the text that costs them most, so the margin to the test's limits is visible.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile.test_regex_linear import MATCH_ONLY, PATTERNS, _as, _cpu, _texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--size", type=int, default=50_000)
    args = parser.parse_args()
    start = time.process_time()
    rows = []
    for name, pattern in PATTERNS:
        source = pattern.pattern
        text_source = source.decode("latin-1") if isinstance(source, bytes) else source
        match_only = name.startswith(MATCH_ONLY)
        worst = max(
            ((_cpu(pattern, _as(pattern, t), match_only), t) for t in _texts(text_source, args.size)),
            key=lambda item: item[0],
        )
        rows.append((worst[0], name, worst[1]))
    rows.sort(reverse=True)
    print(f"{len(PATTERNS)} patterns, texts of ~{args.size:,} characters, CPU seconds (slowest first)")
    for seconds, name, text in rows[: args.top]:
        print(f"{seconds:8.4f}  {name}  on {text[:24]!r}...")
    print(f"total CPU {time.process_time() - start:.1f}s")


if __name__ == "__main__":
    main()
