"""Time `cnsnt audit` on the largest real schemas (target: under 2 s each, wall-clock).

Run: `python benchmarks/audit_schemas.py [--repeat N]`. Each schema gets a one-line
policy in a temp directory; the audit runs as a user runs it (a fresh `cnsnt`
process, interpreter start-up included) and in-process (load + collect + rules).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The real schemas live beside the checkout (../shared/corpus), never in the repository.
CORPUS = Path(os.environ.get("CNSNT_CORPUS") or ROOT.parent / "shared" / "corpus") / "schemas"
SCHEMAS = [
    ("gibbon/gibbon.sql", "mysql"),  # largest file (492 KB, with INSERT data)
    ("orfeo/create_db_postgres.sql", "postgres"),  # most statements (1,325)
    ("i-educar/07-tables.sql", "postgres"),  # most tables (402)
    ("musicbrainz/CreateTables.sql", "postgres"),
    ("opencart/opencart.sql", "mysql"),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cnsnt = shutil.which("cnsnt") or f"{sys.executable} -m cnsnt"
    print(f"{'schema':34} {'KB':>6} {'process s (median)':>19} {'in-process s':>13} {'findings':>9}")
    for rel, dialect in SCHEMAS:
        src = CORPUS / rel
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(src, Path(tmp) / src.name)
            (Path(tmp) / "cnsnt.yaml").write_text(
                f"cnsnt: 1\nsources:\n  schemas: [{{path: {src.name}, dialect: {dialect}}}]\n"
            )
            runs = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                proc = subprocess.run(
                    [*cnsnt.split(), "audit", tmp, "--format", "json", "-q"],
                    capture_output=True, check=False,
                )
                runs.append(time.perf_counter() - start)
                assert proc.returncode in (0, 1), proc.stderr.decode()
            from cnsnt.api import audit
            from cnsnt.policy.loader import load_policy

            start = time.perf_counter()
            result = audit(load_policy(Path(tmp) / "cnsnt.yaml"), jobs=1)
            inproc = time.perf_counter() - start
        print(
            f"{rel:34} {src.stat().st_size / 1024:6.0f} {statistics.median(runs):19.2f} "
            f"{inproc:13.2f} {len(result.findings):9d}"
        )


if __name__ == "__main__":
    main()
