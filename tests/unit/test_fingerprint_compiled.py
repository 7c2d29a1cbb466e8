"""The opt-in compiled fingerprint fast path gives exactly what the pure-Python one gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cnsnt.sql import fingerprint as fp_module
from cnsnt.sql.fingerprint import Fingerprinter, _fold_re

fastlex = pytest.importorskip(
    "cnsnt.sql._fastlex",
    reason="compiled fast path not built (opt-in: CNSNT_COMPILE=1 pip install -e .)",
)
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "queries"

CASES = [
    b"", b"1", b"$", b"$$", b"$1", b"a$1", b"x1", b"_1", b"1.5.3", b"a.5", b"'it''s'", b"'open",
    b"'open 12.5", b"SELECT A1, b_2 FROM T9 WHERE x = 'Q' AND y IN (1, 2, 3)",
    b"WHERE p = $12 AND q = $$ AND r = 3e10 AND s = -4", "CAFÉ = 'é' AND ñ1 = 2".encode(),
    b"\xff\xfe1'\x00'9", b"SELECT 1;2;'x", b"...1..2", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`",
]


def test_fold_matches_the_regex_on_edge_cases() -> None:
    for case in CASES:
        assert fastlex.fold(case) == _fold_re(case), case


def test_fold_matches_the_regex_on_random_statements() -> None:
    rng = random.Random(12)
    alphabet = b"0123456789$'._ aAzZ(),=;\t\n\xc3\xa9\x80"
    for _ in range(20_000):
        case = bytes(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert fastlex.fold(case) == _fold_re(case), case


def test_fingerprints_identical_with_and_without_the_compiled_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = list(CASES)
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*.sql"))[:40]:
            lines.extend(path.read_bytes().splitlines())
    for dialect in ("postgres", "mysql", "duckdb"):
        fp = Fingerprinter(dialect)
        compiled = [fp.fingerprint(line) for line in lines]
        monkeypatch.setattr(fp_module, "_fold", None)
        pure = [fp.fingerprint(line) for line in lines]
        monkeypatch.undo()
        assert compiled == pure


def test_fold_rejects_str() -> None:
    with pytest.raises(TypeError):
        fastlex.fold("SELECT 1")
