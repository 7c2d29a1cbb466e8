"""Time `cnsnt explain-column` (and `init`) on many tables and forms (CPU beside wall).

Run: `python benchmarks/explain_fields.py [--tables 1200] [--forms 200] [--repeat 3] [--init]`.
The project is written by this script in a temp directory, in the shape that made listing form
fields quadratic (codereview29 F6: 54.6 s at 1,200 tables and 200 forms, where the columns alone
took 7 s; 10 min 33 s at 3,000 and 500): every table has an `email` column, and every form has
8 `email` inputs beside 8 of its own, so each field named `email` meets every column so named.

- `db/schema.sql`: N tables `tI (id, customer_id, email, noteI, flarnI, created_at)`;
- `forms/formI.html`: one POST form of 8 `fldJ_I` inputs and 8 `email` inputs.

Without a policy, explain-column reads the sources `cnsnt init` would list. Each command runs
as a user runs it, a fresh `cnsnt` process (`sys.executable -m cnsnt`, so `PYTHONPATH=other/checkout
python benchmarks/...` times another version). The script prints the median wall and CPU time
(user + system, with the workers it started) of `explain-column 't*.*'` (columns only),
`explain-column '*'` (columns and form fields) and, with `--init`, `init`, with the machine's
load (`uptime`) before and after, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def generate(root: Path, tables: int, forms: int) -> None:
    """Write the schema and the forms."""
    (root / "db").mkdir()
    (root / "db" / "schema.sql").write_text(
        "".join(
            f"CREATE TABLE t{i} (id int PRIMARY KEY, customer_id int, email varchar(100), "
            f"note{i} varchar(200), flarn{i} varchar(20), created_at datetime);\n"
            for i in range(tables)
        ),
        encoding="utf-8",
    )
    (root / "forms").mkdir()
    for i in range(forms):
        inputs = "".join(f'<input name="fld{j}_{i}">\n' for j in range(8))
        inputs += '<input name="email">\n' * 8
        (root / "forms" / f"form{i}.html").write_text(
            f'<form action="/f{i}" method="post">\n{inputs}</form>\n', encoding="utf-8"
        )


def _run(args: list[str], cwd: Path) -> tuple[float, float, int]:
    """(wall s, CPU s of the process and its reaped workers, exit code)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "cnsnt", *args], cwd=cwd, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", type=int, default=1200)
    parser.add_argument("--forms", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--init", action="store_true", help="also time `cnsnt init` on the project")
    parser.add_argument("--only-fields", action="store_true", help="time `explain-column '*'` alone")
    args = parser.parse_args()
    print("load before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    commands = {
        "explain 't*.*'": ["explain-column", "t*.*", ".", "--format", "csv"],
        "explain '*'": ["explain-column", "*", ".", "--format", "csv"],
    }
    if args.only_fields:
        del commands["explain 't*.*'"]
    if args.init:
        commands["init"] = ["init", ".", "--force", "--dialect", "mysql"]
    with tempfile.TemporaryDirectory(prefix="cnsnt-bench-") as tmp:
        root = Path(tmp)
        generate(root, args.tables, args.forms)
        print(f"project: {args.tables} tables, {args.forms} forms of 16 inputs")
        for label, command in commands.items():
            runs = []
            for _ in range(args.repeat):
                wall, cpu, code = _run(command, root)
                if code not in (0, 1):
                    raise SystemExit(f"cnsnt {' '.join(command)} exited {code}")
                runs.append((wall, cpu))
            walls = [r[0] for r in runs]
            cpus = [r[1] for r in runs]
            print(
                f"{label:16} wall s: median {statistics.median(walls):8.2f}   cpu s: median "
                f"{statistics.median(cpus):8.2f}   (cpu runs: {', '.join(f'{c:.1f}' for c in cpus)})",
                flush=True,
            )
    print("load after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
