"""The tune half splits once more by project, so a rule learnt on one half is checked on the other."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

_ROOT = Path(__file__).resolve().parents[2]
_PATH = _ROOT / "benchmarks" / "classifier.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cnsnt_bench_classifier_halves", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_project_s_half_is_fixed_by_its_name() -> None:
    """The split must not move when projects are added: it depends on the name alone."""
    bench = _bench()
    names = [f"project-{i}" for i in range(200)]
    halves = [bench.project_half(n) for n in names]
    assert halves == [bench.project_half(n) for n in names]
    assert set(halves) == {"A", "B"} and 60 < halves.count("A") < 140
    assert bench.project_half("a2billing") == bench.project_half("a2billing")


def test_half_b_s_errors_are_not_listed() -> None:
    """Half B checks what half A taught; listing its errors would make it one more tune half."""
    result = subprocess.run(
        [sys.executable, str(_PATH), "--half", "B", "--errors"],
        capture_output=True,
        text=True,
        cwd=_ROOT,
        check=False,
    )
    assert result.returncode == 2
    assert "half A's errors only" in result.stderr
    result = subprocess.run(
        [sys.executable, str(_PATH), "--half", "A", "--split", "report"],
        capture_output=True,
        text=True,
        cwd=_ROOT,
        check=False,
    )
    assert result.returncode == 2
    assert "tune half only" in result.stderr
