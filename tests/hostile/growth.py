"""Tell linear work from super-linear work without a flaky speed test.

The CPU time of one call at `n` and at `8 n` is compared: linear work grows about 8x,
quadratic work 64x. Times below a noise floor pass unchecked (nothing to measure), and
a generous ceiling is only a backstop for a hang.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

FACTOR = 8
MAX_GROWTH = 30
NOISE_S = 0.05
CEILING_S = 20.0


def cpu(fn: Callable[[T], object], arg: T) -> float:
    """Best CPU seconds of two calls (one when clearly below the noise floor)."""
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        fn(arg)
        best = min(best, time.process_time() - start)
        if best < NOISE_S:
            break
    return best


def assert_linear(
    fn: Callable[[T], object], make: Callable[[int], T], n: int, factor: int = FACTOR, most: float | None = None
) -> None:
    """`fn(make(factor n))` costs at most `most` times `fn(make(n))`.

    By default 8 n and ~30x (quadratic would be 64x); a slow call may compare n and 4 n,
    bounded at 10x (linear 4x, quadratic 16x).
    """
    bound = most if most is not None else (MAX_GROWTH if factor == FACTOR else 2.5 * factor)
    t_big = cpu(fn, make(factor * n))
    assert t_big < CEILING_S, f"{t_big:.1f}s at {factor * n}"
    if t_big < NOISE_S:
        return
    t_small = max(cpu(fn, make(n)), 1e-3)
    growth = t_big / t_small
    assert growth < bound, f"{t_small:.3f}s at {n}, {t_big:.3f}s at {factor * n}: {growth:.0f}x"
