"""Time `cnsnt audit` replaying a large migrations folder (target: under 10 s, wall-clock).

Run: `python benchmarks/migrations.py [--files 1200] [--mb 16] [--repeat 3]`. A
Flyway-style folder is generated in a temp directory: CREATE TABLEs, later ADD, DROP
and RENAME COLUMN, RENAME TO, ALTER COLUMN TYPE, COMMENT ON, foreign keys, DROP TABLE,
and INSERTs of data rows (as seed and data migrations carry) until it reaches the size.
The audit runs as a user runs it, a fresh `cnsnt` process; the script prints the median
wall time, the child CPU time beside it, and the machine's load (`uptime`).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "email", "phone", "street", "city", "birth_date", "notes", "status", "score", "token",
    "note", "label", "ip_address", "first_name", "last_name", "country", "region", "amount",
]


def generate(folder: Path, files: int, megabytes: float, seed: int = 7) -> tuple[int, int]:
    """Write the migrations; returns (files, bytes)."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    per_file = target // files
    tables: dict[str, list[str]] = {}
    total = 0
    for n in range(1, files + 1):
        out: list[str] = [f"-- migration {n}\n"]
        choice = n % 10
        if choice in (1, 6) or len(tables) < 5:
            name = f"t{n}"
            cols = ["id"] + rng.sample(WORDS, 6)
            tables[name] = cols
            body = ",\n".join(f"  {c} {'BIGINT PRIMARY KEY' if c == 'id' else 'VARCHAR(200)'}"
                              for c in cols)
            ref = rng.choice(list(tables)) if len(tables) > 1 else None
            if ref and ref != name:
                body += f",\n  {ref}_id BIGINT REFERENCES {ref} (id)"
                cols.append(f"{ref}_id")
            out.append(f"CREATE TABLE {name} (\n{body}\n);\n")
        else:
            name = rng.choice(list(tables))
            cols = tables[name]
            kind = n % 7
            if kind == 0:
                new = f"c{n}"
                out.append(f"ALTER TABLE {name} ADD COLUMN {new} TEXT;\n")
                cols.append(new)
            elif kind == 1 and len(cols) > 3:
                gone = cols.pop(rng.randrange(1, len(cols)))
                out.append(f"ALTER TABLE {name} DROP COLUMN {gone};\n")
            elif kind == 2 and len(cols) > 2:
                i = rng.randrange(1, len(cols))
                new = f"{cols[i]}_{n}"
                out.append(f"ALTER TABLE {name} RENAME COLUMN {cols[i]} TO {new};\n")
                cols[i] = new
            elif kind == 3:
                out.append(f"COMMENT ON COLUMN {name}.{rng.choice(cols)} IS 'changed in {n}';\n")
            elif kind == 4 and len(cols) > 1:
                out.append(f"ALTER TABLE {name} ALTER COLUMN {cols[-1]} TYPE TEXT;\n")
            elif kind == 5 and n % 50 == 5 and len(tables) > 20:
                out.append(f"DROP TABLE {name};\n")
                del tables[name]
            else:
                new = f"{name}_r{n}"
                out.append(f"ALTER TABLE {name} RENAME TO {new};\n")
                tables[new] = tables.pop(name)
        # data rows up to this file's share of the size
        size = sum(len(s) for s in out)
        data_table = rng.choice(list(tables))
        data_cols = tables[data_table]
        while size < per_file:
            rows = ",\n".join(
                "(" + ", ".join(str(rng.randrange(10**9)) if c == "id" else
                                f"'value {rng.randrange(10**6)} of {c}'" for c in data_cols) + ")"
                for _ in range(10)
            )
            stmt = f"INSERT INTO {data_table} ({', '.join(data_cols)}) VALUES\n{rows};\n"
            out.append(stmt)
            size += len(stmt)
        text = "".join(out)
        (folder / f"V{n}__step_{n}.sql").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return files, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1200)
    parser.add_argument("--mb", type=float, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cnsnt = shutil.which("cnsnt") or f"{sys.executable} -m cnsnt"
    print("load before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "db" / "migrations"
        folder.mkdir(parents=True)
        files, size = generate(folder, args.files, args.mb)
        (Path(tmp) / "cnsnt.yaml").write_text(
            "cnsnt: 1\nsources:\n  schemas: [{path: 'db/migrations/*.sql', dialect: postgres}]\n"
        )
        walls, cpus = [], []
        for _ in range(args.repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(
                [*cnsnt.split(), "audit", tmp, "--format", "json", "-q"],
                capture_output=True, check=False,
            )
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
            assert proc.returncode in (0, 1), proc.stderr.decode()
        import json

        report = json.loads(proc.stdout)
        sources = report.get("summary", {}).get("sources") or report.get("sources") or {}
    print(f"migrations: {files} files, {size / 1024 / 1024:.1f} MB")
    print(f"replayed: {sources}")
    print(f"wall s: median {statistics.median(walls):.2f} (runs: {', '.join(f'{w:.2f}' for w in walls)})")
    print(f"cpu s:  median {statistics.median(cpus):.2f}")
    print("load after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print("target: under 10 s wall:", "met" if statistics.median(walls) < 10 else "NOT met")


if __name__ == "__main__":
    main()
