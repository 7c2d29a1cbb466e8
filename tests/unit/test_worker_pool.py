"""Ctrl-C while worker processes run: raised between cnsnt's waits, workers stopped."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import wait
from concurrent.futures.process import BrokenProcessPool

import pytest

from cnsnt.sources.base import WorkerPool


@pytest.fixture
def default_sigint() -> Iterator[None]:
    """Python's own SIGINT handler, as `cnsnt` runs with (a test runner may set another)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_is_raised_from_the_wait_and_the_workers_stop(default_sigint: None):
    """SIGINT raised inside the executor's locks could leave one held and hang the exit;
    the pool notes it and raises it from `result`, then ends the sleeping workers
    (else leaving the block would wait for all four 60-second calls)."""
    with pytest.raises(KeyboardInterrupt), WorkerPool(2) as pool:
        futures = [pool.submit(time.sleep, 60) for _ in range(4)]
        os.kill(os.getpid(), signal.SIGINT)  # noted, not raised here
        pool.result(futures[0])
    # the two running calls end with their killed workers, the two queued are dropped;
    # had the workers been left to sleep, none would be done within the 30 s
    done, running = wait([f for f in futures if not f.cancelled()], timeout=30)
    assert done and not running
    assert all(isinstance(f.exception(), BrokenProcessPool) for f in done)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_pool_without_ctrl_c_returns_every_result_and_restores_the_handler(default_sigint: None):
    with WorkerPool(2) as pool:
        futures = [pool.submit(pow, n, 2) for n in range(5)]
        assert [pool.result(f) for f in futures] == [0, 1, 4, 9, 16]
        assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_as_the_last_result_comes_in_is_not_lost(default_sigint: None):
    with pytest.raises(KeyboardInterrupt), WorkerPool(1) as pool:
        assert pool.result(pool.submit(pow, 3, 2)) == 9
        os.kill(os.getpid(), signal.SIGINT)
