"""Time `cnsnt init` then `cnsnt audit` on a large generated project (CPU beside wall).

Run: `python benchmarks/init_audit_large.py [--scale 1] [--repeat 3]`. The project is
written by this script in a temp directory (nothing is copied from any real project) and
holds the three shapes that made real projects slow:

- a schema kept once per revision (`0/` ... `9/`, `current/`), each a full copy of some
  hundred tables, with a few statements no dialect reads (so `init` tries every dialect);
- MySQL dumps (backticks, then INSERT rows) that the default dialect misreads, read
  first to choose the dialect and then by the audit;
- a schema of many tables and a thousand small query files resolved against it.

Each command runs as a user runs it, a fresh `cnsnt` process (`sys.executable -m cnsnt`,
so `PYTHONPATH=other/checkout python benchmarks/...` times another version); the script
prints the median wall time and the child CPU time of each, with the machine's load
(`uptime`) before and after, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "email",
    "phone",
    "street",
    "city",
    "birth_date",
    "first_name",
    "last_name",
    "notes",
    "status",
    "score",
    "label",
    "country",
    "amount",
    "ip_address",
    "created_at",
    "iban",
]


def _table(rng: random.Random, name: str, quote: str = "") -> str:
    cols = rng.sample(WORDS, 7)
    body = ",\n".join(f"  {quote}{c}{quote} VARCHAR({rng.randrange(10, 200)})" for c in cols)
    return f"CREATE TABLE {quote}{name}{quote} (\n  {quote}id{quote} INT PRIMARY KEY,\n{body}\n);\n"


def _revisions(root: Path, rng: random.Random, tables: int, revisions: int) -> None:
    """One folder per revision, each a full copy; revision n has n more tables than 0."""
    for rev in [*(str(n) for n in range(revisions)), "current"]:
        count = tables + (revisions if rev == "current" else int(rev))
        out = [_table(random.Random(t), f"t{t}") for t in range(count)]
        # a generator's slip that no dialect reads: every dialect is tried on the whole file
        out.insert(5, "CREATE TABLE broken_one (\n  ,\n  CONSTRAINT pk PRIMARY KEY (id)\n);\n")
        folder = root / "schema" / rev
        folder.mkdir(parents=True)
        tag = rev if rev == "current" else f"rev{rev}"
        (folder / f"create_schema.{tag}.sql").write_text("".join(out), encoding="utf-8")
        drops = "".join(f"DROP TABLE IF EXISTS t{t};\n" for t in range(count))
        (folder / f"drop_schema.{tag}.sql").write_text(drops, encoding="utf-8")
    del rng


def _dumps(root: Path, rng: random.Random, dumps: int, kilobytes: int) -> None:
    """MySQL dumps: backticked tables, then INSERT rows up to the size."""
    folder = root / "data"
    folder.mkdir()
    for n in range(dumps):
        out = [_table(rng, f"d{n}_{t}", "`") for t in range(40)]
        size = sum(map(len, out))
        while size < kilobytes * 1024:
            rows = ",\n".join(
                f"({rng.randrange(10**6)}, 'value {rng.randrange(10**6)}', 'x\\'y {n}')" for _ in range(20)
            )
            stmt = f"INSERT INTO `d{n}_0` (`id`, `notes`, `label`) VALUES\n{rows};\n"
            out.append(stmt)
            size += len(stmt)
        (folder / f"dump_{n}.sql").write_text("".join(out), encoding="utf-8")


def _queries(root: Path, rng: random.Random, tables: int, files: int) -> None:
    """A schema of many tables and small query files over it."""
    (root / "db").mkdir()
    (root / "db" / "schema.sql").write_text(
        "".join(_table(random.Random(1000 + t), f"app_{t}") for t in range(tables)), encoding="utf-8"
    )
    folder = root / "db" / "queries"
    folder.mkdir()
    for n in range(files):
        t = rng.randrange(tables)
        cols = random.Random(1000 + t).sample(WORDS, 7)
        (folder / f"q{n:05d}.sql").write_text(
            f"SELECT {cols[0]}, {cols[1]} FROM app_{t} WHERE id = {n};\n"
            f"UPDATE app_{t} SET {cols[2]} = 'x' WHERE id = {n};\n",
            encoding="utf-8",
        )


def generate(root: Path, scale: float, seed: int = 11) -> int:
    """Write the project; returns its size in bytes."""
    rng = random.Random(seed)
    _revisions(root, rng, tables=int(300 * scale), revisions=10)
    _dumps(root, rng, dumps=4, kilobytes=int(1500 * scale))
    _queries(root, rng, tables=int(3000 * scale), files=int(1000 * scale))
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def _run(args: list[str], cwd: Path) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """(wall s, child CPU s, the finished process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "cnsnt", *args], cwd=cwd, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="size of the project (1: about 8 MB)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("load before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    with tempfile.TemporaryDirectory(prefix="cnsnt-bench-") as tmp:
        root = Path(tmp)
        size = generate(root, args.scale)
        print(f"project: {sum(1 for p in root.rglob('*.sql'))} SQL files, {size / 1024 / 1024:.1f} MB")
        for name, command in (
            ("init", ["init", ".", "--force"]),
            ("audit", ["audit", ".", "--format", "json", "-q"]),
        ):
            walls, cpus = [], []
            for _ in range(args.repeat):
                wall, cpu, proc = _run(command, root)
                assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
                walls.append(wall)
                cpus.append(cpu)
            print(
                f"{name:6} wall s: median {statistics.median(walls):7.2f}   cpu s: median "
                f"{statistics.median(cpus):7.2f}   (runs: {', '.join(f'{w:.1f}' for w in walls)})"
            )
            if name == "init":
                print("       " + (proc.stderr or proc.stdout).decode().strip().splitlines()[0])
    print("load after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
