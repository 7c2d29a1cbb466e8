"""Hostile input stays linear: CPU time of the cases that were quadratic or worse (issue 13).

For each case the input is built at size n and 2n; linear work about doubles, quadratic
work quadruples. Prints CPU seconds and the ratio.

    python benchmarks/hostile.py [--scale 1]

Targets: every ratio below 3 (2 is linear); every case under a few seconds at scale 1.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from cnsnt.sources.forms.html_page import _Events
from cnsnt.sql.statements import split_statements


def _html(markup: str) -> None:
    events = _Events(markup)
    events.feed(markup)
    events.close()


def _split(text: str) -> None:
    chunks = [text[i : i + (1 << 20)] for i in range(0, len(text), 1 << 20)]
    for _ in split_statements(chunks, "postgres", 1_000_000):
        pass


CASES: dict[str, tuple[Callable[[str], None], Callable[[int], str]]] = {
    "html '<a' x n": (_html, lambda n: "<a" * n),
    "html '<a ' x n": (_html, lambda n: "<a " * n),
    "html '<!--' x n": (_html, lambda n: "<!--" * n),
    "html '<!--x>' x n": (_html, lambda n: "<!--x>" * n),
    "html '<a' x n, then '>'": (_html, lambda n: "<a" * n + ">"),
    "html '<a x=\"' x n, then '>'": (_html, lambda n: '<a x="' * n + ">"),
    "html '</a' x n, then '>'": (_html, lambda n: "</a" * n + ">"),
    "html '<![CDATA[' x n": (_html, lambda n: "<![CDATA[" * n + ">"),
    "sql unclosed comment (n KB)": (_split, lambda n: "SELECT 1; /* " + "x " * (n * 512)),
    "sql unclosed string (n KB)": (_split, lambda n: "SELECT '" + "x" * (n * 1024)),
    "sql one long statement (n KB)": (_split, lambda n: "SELECT 1 IN (" + "1," * (n * 512) + "1);"),
}


def cpu(func: Callable[[str], None], text: str) -> float:
    start = time.process_time()
    func(text)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    for name, (func, build) in CASES.items():
        n = int((200_000 if name.startswith("html") else 12_000) * args.scale)
        small, large = cpu(func, build(n)), cpu(func, build(2 * n))
        ratio = large / small if small > 0 else float("nan")
        print(f"{name:34s} n={n:>7,}  {small:6.2f} s  2n: {large:6.2f} s  ratio {ratio:4.1f}")


if __name__ == "__main__":
    main()
