"""Time `cnsnt init` then `cnsnt audit` on a large generated project (CPU beside wall).

Run: `python benchmarks/init_audit_large.py [--scale 1] [--repeat 3]`. The project is
written by this script in a temp directory (nothing is copied from any real project) and
holds the three shapes that made real projects slow:

- a schema kept once per revision (`0/` ... `9/`, `current/`), each a full copy of some
  hundred tables, with a few statements no dialect reads (so `init` tries every dialect);
- MySQL dumps (backticks, then INSERT rows) that the default dialect misreads, read
  first to choose the dialect and then by the audit;
- a schema of many tables and a thousand small query files resolved against it.

With `--mirrors`, it also times real projects whose bare snapshots are on this machine
(`--mirror-root`, default `/work/.mirror/<owner>+<name>/repo`; by default the two that
were slowest in the sweep of real projects, e-admin/alsigm and lliurex/pmb7.0): each is
cloned to a temp directory (files absent from the snapshot are left out) and read as
the generated one. A project without a snapshot is skipped, and the script says so.
`--only-mirrors` times only those.

Each command runs as a user runs it, a fresh `cnsnt` process (`sys.executable -m cnsnt`,
so `PYTHONPATH=other/checkout python benchmarks/...` times another version); the script
prints the median wall time, the median CPU time (user + system, with the workers it
started) and the largest resident set of each, then the median of init + audit, with the
machine's load (`uptime`) before and after, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import random
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


#: Real projects `--mirrors` times when their snapshots are here (the slowest of the sweep).
MIRRORS = ("e-admin+alsigm", "lliurex+pmb7.0")


def _run(args: list[str], cwd: Path) -> tuple[float, float, int, int]:
    """(wall s, CPU s of the process and its reaped workers, largest resident set in KiB, exit code)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "cnsnt", *args], cwd=cwd, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


def _time_project(label: str, root: Path, repeat: int) -> None:
    """Run init then audit `repeat` times in `root`; print medians per command and for both."""
    totals: list[float] = []
    rows: dict[str, list[tuple[float, float, int]]] = {"init": [], "audit": []}
    for _ in range(repeat):
        cpu_both = 0.0
        for name, command in (
            ("init", ["init", ".", "--force"]),
            ("audit", ["audit", ".", "--format", "json", "-q"]),
        ):
            wall, cpu, rss, code = _run(command, root)
            if code not in (0, 1):
                raise SystemExit(f"{label}: cnsnt {' '.join(command)} exited {code}")
            rows[name].append((wall, cpu, rss))
            cpu_both += cpu
        totals.append(cpu_both)
    for name, runs in rows.items():
        walls = [r[0] for r in runs]
        cpus = [r[1] for r in runs]
        print(
            f"{label:18} {name:6} wall s: median {statistics.median(walls):7.2f}   cpu s: median "
            f"{statistics.median(cpus):7.2f}   max RSS {max(r[2] for r in runs) / 1024:6.0f} MiB   "
            f"(cpu runs: {', '.join(f'{c:.1f}' for c in cpus)})"
        )
    print(f"{label:18} init+audit cpu s: median {statistics.median(totals):7.2f}")


def _clone(snapshot: Path, into: Path) -> None:
    """A work tree of a bare snapshot; files whose objects the snapshot lacks are left out."""
    subprocess.run(["git", "clone", "-q", str(snapshot), str(into)], capture_output=True, check=False)
    if not (into / ".git").is_dir():
        raise SystemExit(f"cannot clone {snapshot}")
    # a checkout stops at the first absent large file: restore every file that is there
    subprocess.run(["git", "restore", "--source=HEAD", ":/"], cwd=into, capture_output=True, check=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="size of the project (1: about 8 MB)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mirrors", action="store_true", help="also time the real projects of MIRRORS")
    parser.add_argument("--only-mirrors", action="store_true", help="time only the real projects")
    parser.add_argument("--mirror-root", type=Path, default=Path("/work/.mirror"))
    parser.add_argument(
        "--mirror",
        action="append",
        default=[],
        metavar="OWNER+NAME",
        help="a snapshot to time instead of the default ones (repeatable)",
    )
    args = parser.parse_args()
    print("load before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    if not args.only_mirrors:
        with tempfile.TemporaryDirectory(prefix="cnsnt-bench-") as tmp:
            root = Path(tmp)
            size = generate(root, args.scale)
            print(f"project: {sum(1 for p in root.rglob('*.sql'))} SQL files, {size / 1024 / 1024:.1f} MB")
            _time_project("generated", root, args.repeat)
    if args.mirrors or args.only_mirrors or args.mirror:
        for name in args.mirror or MIRRORS:
            snapshot = args.mirror_root / name / "repo"
            if not snapshot.is_dir():
                print(f"skipped {name}: no snapshot at {snapshot}")
                continue
            with tempfile.TemporaryDirectory(prefix="cnsnt-bench-") as tmp:
                root = Path(tmp) / name.split("+", 1)[-1]
                _clone(snapshot, root)
                sql = sum(1 for p in root.rglob("*.sql") if ".git" not in p.parts)
                print(f"project {name}: {sql} SQL files")
                _time_project(name.split("+", 1)[-1], root, args.repeat)
    print("load after:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
