"""Query-log throughput: 1,000,000 log lines over ~2,000 TPC-H/TPC-DS shapes.

Generates a `lines` log (about 1.3 KB a line, so over 1 GB at full size) in a
temporary directory, reads it with cnsnt's query-log reader against the TPC
schema, and prints lines/s, MB/s, unique shapes/s, peak memory, and the ratio
of cnsnt's per-shape cost (fingerprint, parse, resolve, match) to a bare
pure-Python `sqlglot.parse_one` of the same shapes, run in a subprocess with
the compiled extension (sqlglotc) hidden.

    python benchmarks/query_log.py [--lines N] [--jobs N] [--pure] [--keep DIR]
    python benchmarks/query_log.py --formats [--lines 100000] [--shapes 300] [--jobs-list 1,2]
    python benchmarks/query_log.py --flat-memory [--ten-million]

`--pure` hides sqlglotc from cnsnt too, to show the figures without it.
Targets (2 cores): 1M lines < 30 s, peak < 500 MB, per-shape ratio <= 1.5.

`--formats` writes the same statements as every server-log format (lines,
PostgreSQL stderr/csvlog/jsonlog, pgAudit, MySQL general/slow) and reads each
with `--jobs` 1 and 2, each run in its own process: lines/s, MB/s, wall and
CPU time, peak memory, the split (scan, analyse, match) and the throughput
ratio to `lines` from the same run. `--flat-memory` reads `lines` logs of
growing size (short statements, ~2,000 shapes) to show that peak memory
follows the shapes, not the lines; `--ten-million` adds a 10M-line log.
Figures on a shared machine move with its load: `uptime` is printed with them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The TPC queries live beside the checkout (../shared/corpus), never in the repository.
CORPUS = Path(os.environ.get("CNSNT_CORPUS") or ROOT.parent / "shared" / "corpus") / "queries" / "tpc"

PURE_HOOK = r'''
import importlib.machinery as _m, sys as _s
class _PureSqlglot:
    """Load sqlglot from its .py sources, never the compiled (sqlglotc) modules."""
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name != "sqlglot" and not name.startswith("sqlglot."):
            return None
        for entry in (path or _s.path):
            spec = _m.FileFinder(entry, (_m.SourceFileLoader, _m.SOURCE_SUFFIXES)).find_spec(name)
            if spec is not None:
                return spec
        return None
_s.meta_path.insert(0, _PureSqlglot)
'''

BARE = r'''
import json, sys, time
import sqlglot, sqlglot.parser
texts = json.load(open(sys.argv[1]))
compiled = sqlglot.parser.__file__.endswith(".so")
for t in texts[:20]:
    sqlglot.parse_one(t, dialect="duckdb")
start = time.perf_counter()
for t in texts:
    sqlglot.parse_one(t, dialect="duckdb")
print(json.dumps({"seconds": time.perf_counter() - start, "compiled": compiled,
                  "version": sqlglot.__version__}))
'''


def hide_sqlglotc() -> None:
    """Make this process import pure-Python sqlglot (before anything imports it)."""
    exec(PURE_HOOK, {"__name__": "pure_hook"})  # noqa: S102 - our own constant
    assert "sqlglot" not in sys.modules


def split_queries(path: Path) -> list[str]:
    return [" ".join(q.split()) for q in path.read_text().split(";") if q.strip()]


def merged_schema(out: Path) -> Path:
    """TPC-H and TPC-DS DDL in one file; both define `customer`, so merge its columns."""
    tables: dict[str, list[str]] = {}
    for name in ("tpch_schema.sql", "tpcds_schema.sql"):
        for m in re.finditer(r"CREATE TABLE (\w+) \((.*?)\n\);", (CORPUS / name).read_text(), re.S):
            cols = tables.setdefault(m.group(1), [])
            for line in m.group(2).strip().splitlines():
                line = line.strip().rstrip(",")
                if line and line.split()[0] not in {c.split()[0] for c in cols}:
                    cols.append(line)
    ddl = "\n\n".join(
        f"CREATE TABLE {t} (\n    " + ",\n    ".join(cols) + "\n);" for t, cols in tables.items()
    )
    path = out / "tpc_schema.sql"
    path.write_text(ddl + "\n")
    return path


# Numbers of two digits or more outside quotes: `ORDER BY 1` positions stay as they are.
_NUMBER = re.compile(r"\"[^\"]*\"|'[^']*'|(?<![\w.])(\d\d+)(?![\w.])")


def shapes(target: int) -> list[str]:
    """About `target` distinct shapes: every TPC query under a small parameter CTE with a
    distinct name, so shapes differ in more than literals. `@R` is a per-line literal."""
    base = split_queries(CORPUS / "tpch_queries.sql") + split_queries(CORPUS / "tpcds_queries.sql")
    per = max(1, round(target / len(base)))
    out = []
    for q in base:
        for k in range(per):
            if q[:5].upper() == "WITH ":
                out.append(f"WITH params_{k} AS (SELECT @R AS n), {q[5:]}")
            else:
                out.append(f"WITH params_{k} AS (SELECT @R AS n) {q}")
    return out


def with_literals(query: str, rng: random.Random) -> str:
    """The same shape with other numbers (literals only)."""
    return _NUMBER.sub(
        lambda m: str(int(m.group(1)) + rng.randint(0, 9)) if m.group(1) else m.group(), query
    )


def generate(path: Path, lines: int, shape_texts: list[str], seed: int = 7) -> int:
    """Write the log: 8 literal variants per shape, one fresh literal a line. Returns bytes."""
    rng = random.Random(seed)
    variants = [[with_literals(s, rng).encode() + b"\n" for _ in range(8)] for s in shape_texts]
    n = len(shape_texts)
    written = 0
    with path.open("wb", buffering=1 << 22) as fh:
        # Every shape once first, then a random mix; each line gets its own @R literal,
        # so almost no two lines are identical (no help from exact-line caching).
        for i in range(lines):
            row = variants[i % n if i < n else rng.randrange(n)][rng.randrange(8)]
            row = row.replace(b"@R", str(rng.randrange(1_000_000_000)).encode(), 1)
            fh.write(row)
            written += len(row)
    return written


def peak_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (me + kids) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--shapes", type=int, default=2_000)
    parser.add_argument("--jobs", type=int, default=0, help="0: every core (the default)")
    parser.add_argument("--pure", action="store_true", help="hide sqlglotc from cnsnt too")
    parser.add_argument("--keep", type=Path, help="write the log here and keep it")
    parser.add_argument("--formats", action="store_true",
                        help="every server-log format, --jobs-list each (default 100k lines)")
    parser.add_argument("--jobs-list", default="1,2", help="with --formats: jobs to compare")
    parser.add_argument("--flat-memory", action="store_true",
                        help="peak memory of growing `lines` logs (200k, 1M lines)")
    parser.add_argument("--no-compiled", action="store_true",
                        help="hide the compiled fingerprint fast path (pure-Python figures)")
    parser.add_argument("--ten-million", action="store_true",
                        help="with --flat-memory: add a 10M-line log (~1 GB)")
    args = parser.parse_args()
    if args.formats or args.flat_memory:
        if args.lines == parser.get_default("lines"):
            args.lines = 100_000
        if args.shapes == parser.get_default("shapes") and args.formats:
            args.shapes = 300
        run_formats(args) if args.formats else run_flat_memory(args)
        return
    if args.pure:
        hide_sqlglotc()

    import sqlglot.parser  # noqa: F401 - only to report which build is in use

    from cnsnt.model import Location
    from cnsnt.policy.model import Policy, SourceSpec
    from cnsnt.sources.base import SourceContext
    from cnsnt.sources.queries.common import build_evidence
    from cnsnt.sources.queries.query_log import read_lines
    from cnsnt.sources.schemas.ddl import read_ddl
    from cnsnt.sql.fingerprint import Fingerprinter

    compiled = sqlglot.parser.__file__.endswith(".so")
    import cnsnt.sql.fingerprint as fingerprint_module

    if args.no_compiled:
        fingerprint_module._fold = None  # forked scan workers inherit this
    tmp = tempfile.TemporaryDirectory(prefix="cnsnt-bench-")
    workdir = args.keep or Path(tmp.name)
    workdir.mkdir(parents=True, exist_ok=True)
    schema_path = merged_schema(workdir)
    log = workdir / "queries.log"
    shape_texts = shapes(args.shapes)
    t0 = time.perf_counter()
    size = generate(log, args.lines, shape_texts)
    print(f"generated {args.lines:,} lines, {size / 1e6:,.0f} MB, {len(shape_texts):,} shapes "
          f"in {time.perf_counter() - t0:.1f}s -> {log}")

    ctx = SourceContext(base_dir=workdir, jobs=args.jobs)
    schema_spec = SourceSpec("schemas", schema_path.name, workdir, Location("bench"), "duckdb")
    ctx.tables = read_ddl(schema_path, schema_spec, ctx).tables
    spec = SourceSpec("queries", log.name, workdir, Location("bench"), "duckdb", format="lines")

    def cpu() -> float:
        a = resource.getrusage(resource.RUSAGE_SELF)
        b = resource.getrusage(resource.RUSAGE_CHILDREN)
        return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime

    load_before = os.getloadavg()
    cpu0 = cpu()
    start = time.perf_counter()
    gathered = read_lines(log, log.name, spec, ctx, "duckdb")
    t_scan = time.perf_counter() - start
    mid = time.perf_counter()
    evidence = build_evidence(gathered, log.name, ctx, "duckdb")
    t_analyse = time.perf_counter() - mid
    # "match": the use rules over the evidence (classify, policy lookups).
    from cnsnt.engine import run_rules

    mid = time.perf_counter()
    evidence.tables = list(ctx.tables)
    run_rules(Policy(path="bench", base_dir=workdir), evidence,
              select={"CN301", "CN302", "CN303", "CN401"})
    t_match = time.perf_counter() - mid
    total = time.perf_counter() - start
    cpu_total = cpu() - cpu0
    unique = evidence.counts["unique_shapes"]
    texts = sorted(t.replace("@R", "1") for t in gathered.texts.values())
    fp = Fingerprinter("duckdb")
    mid = time.perf_counter()
    for t in texts:
        fp.fingerprint_text(t)
    t_fp_shapes = time.perf_counter() - mid

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(texts, fh)
    bare_runs = [
        json.loads(subprocess.run(
            [sys.executable, "-c", PURE_HOOK + BARE, fh.name] if pure else
            [sys.executable, "-c", BARE, fh.name],
            check=True, capture_output=True, text=True,
        ).stdout)
        for pure in (True, False)
    ]
    os.unlink(fh.name)
    bare_pure, bare_compiled = bare_runs
    assert not bare_pure["compiled"], "could not hide sqlglotc from the bare parse"
    per_shape = (t_analyse + t_fp_shapes + t_match) / unique
    bare_per_shape = bare_pure["seconds"] / unique

    print(f"sqlglot {bare_pure['version']}, cnsnt using "
          f"{'compiled sqlglotc' if compiled else 'pure-Python sqlglot'}, "
          f"jobs={args.jobs or os.cpu_count()} ({os.cpu_count()} cores)")
    print(f"statements       {evidence.counts['statements']:,} "
          f"({evidence.counts['unresolved_statements']:,} unresolved)")
    print(f"unique shapes    {unique:,}")
    print(f"fingerprint      {'compiled fast path' if fingerprint_module._fold else 'pure Python'}")
    print(f"load average     {' '.join(f'{x:.2f}' for x in load_before)} before, "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} after (shared machine)")
    print(f"cpu              {cpu_total:.2f} s (this process and its workers)")
    print(f"total            {total:.2f} s  (scan {t_scan:.2f} s, analyse {t_analyse:.2f} s, "
          f"match {t_match:.2f} s)")
    print(f"lines/s          {args.lines / total:,.0f}")
    print(f"MB/s             {size / 1e6 / total:,.1f}  (scan alone {size / 1e6 / t_scan:,.1f})")
    print(f"unique shapes/s  {unique / t_analyse:,.0f}  (analysis phase)")
    print(f"peak memory      {peak_mb():,.0f} MB  (maxrss self + children)")
    print(f"per-shape cost   {per_shape * 1000:.2f} ms  vs bare pure-Python parse_one "
          f"{bare_per_shape * 1000:.2f} ms  -> ratio {per_shape / bare_per_shape:.2f}x"
          f"  (bare compiled parse {bare_compiled['seconds'] / unique * 1000:.2f} ms)")
    problems = [p.message for p in evidence.problems][:5]
    if problems:
        print("first problems:", *problems, sep="\n  ")
    if args.keep is None:
        tmp.cleanup()


# --------------------------------------------------------------------------- formats

FORMATS = ("lines", "postgres_stderr", "postgres_csvlog", "postgres_jsonlog", "pgaudit",
           "mysql_general", "mysql_slow")
USERS = ("mailer", "billing_app", "analyst", "etl")


def _csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_format(fmt: str, path: Path, statements: list[bytes]) -> int:
    """The statements as `fmt` would log them (one record each). Returns bytes written."""
    written = 0
    with path.open("wb", buffering=1 << 22) as fh:
        if fmt == "mysql_general":
            for c, user in enumerate(USERS):
                fh.write(f"2026-12-01T10:00:00.000000Z\t{c + 10:>5} Connect\t{user}@app on shop "
                         "using TCP/IP\n".encode())
        for i, raw in enumerate(statements):
            stmt = raw.rstrip(b"\n").decode()
            user = USERS[i % len(USERS)]
            ts = f"2026-12-01 10:{i // 60000 % 60:02d}:{i // 1000 % 60:02d}.{i % 1000:03d} UTC"
            if fmt == "lines":
                row = stmt + "\n"
            elif fmt == "postgres_stderr":
                row = f"{ts} [{1000 + i % 50}] {user}@shop LOG:  duration: 0.{i % 9}12 ms  " \
                      f"statement: {stmt}\n"
            elif fmt == "pgaudit":
                row = f"{ts} [{1000 + i % 50}] {user}@shop LOG:  AUDIT: SESSION,{i},1,READ," \
                      f"SELECT,,,{_csv_field(stmt)},<not logged>\n"
            elif fmt == "postgres_csvlog":
                fields = [ts, user, "shop", str(1000 + i % 50), "10.0.0.5:5000", "65a1.ca",
                          str(i), "SELECT", ts, "3/7", "0", "LOG", "00000",
                          _csv_field(f"statement: {stmt}")] + [""] * 8 + \
                         ['"psql"', '"client backend"', "", "0"]
                row = ",".join(fields) + "\n"
            elif fmt == "postgres_jsonlog":
                row = json.dumps({"timestamp": ts, "user": user, "dbname": "shop",
                                  "pid": 1000 + i % 50, "error_severity": "LOG",
                                  "message": f"statement: {stmt}",
                                  "application_name": "psql"}) + "\n"
            elif fmt == "mysql_general":
                row = f"2026-12-01T10:00:00.{i % 1000000:06d}Z\t{10 + i % len(USERS):>5} " \
                      f"Query\t{stmt}\n"
            else:  # mysql_slow
                row = (f"# Time: 2026-12-01T10:00:00.{i % 1000000:06d}Z\n"
                       f"# User@Host: {user}[{user}] @ localhost []  Id: {10 + i % 4}\n"
                       f"# Query_time: 0.000{i % 9}12  Lock_time: 0.000002 Rows_sent: 1  "
                       "Rows_examined: 1\n"
                       f"SET timestamp={1764583200 + i // 1000};\n{stmt};\n")
            data = row.encode()
            fh.write(data)
            written += len(data)
    return written


def statement_lines(lines: int, shape_texts: list[str], seed: int = 7) -> list[bytes]:
    """`lines` statements, every shape once first, then a random mix with fresh literals."""
    rng = random.Random(seed)
    variants = [[with_literals(s, rng).encode() for _ in range(8)] for s in shape_texts]
    n = len(shape_texts)
    out = []
    for i in range(lines):
        row = variants[i % n if i < n else rng.randrange(n)][rng.randrange(8)]
        out.append(row.replace(b"@R", str(rng.randrange(1_000_000_000)).encode(), 1))
    return out


MEASURE = r'''
import json, resource, sys, time
from pathlib import Path
fmt, log, jobs, schema = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
import cnsnt.sql.fingerprint as fingerprint_module
if sys.argv[5] == "pure":  # hide the opt-in compiled fast path (forked workers inherit this)
    fingerprint_module._fold = None
compiled = fingerprint_module._fold is not None
from cnsnt.engine import run_rules
from cnsnt.model import Location
from cnsnt.policy.model import Policy, SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.common import build_evidence
from cnsnt.sources.queries.formats import LOG_FORMATS
from cnsnt.sources.queries.formats.scan import read_log
from cnsnt.sources.queries.query_log import read_lines
from cnsnt.sources.schemas.ddl import read_ddl
ctx = SourceContext(base_dir=log.parent, jobs=jobs)
sspec = SourceSpec("schemas", schema.name, schema.parent, Location("bench"), "duckdb")
ctx.tables = read_ddl(schema, sspec, ctx).tables
spec = SourceSpec("queries", log.name, log.parent, Location("bench"), "duckdb", format=fmt)
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
c0, t0 = cpu(), time.perf_counter()
if fmt == "lines":
    gathered = read_lines(log, log.name, spec, ctx, "duckdb")
else:
    gathered = read_log(LOG_FORMATS[fmt], log, log.name, spec, ctx, "duckdb")
t1 = time.perf_counter()
c1 = cpu()
ev = build_evidence(gathered, log.name, ctx, "duckdb")
t2 = time.perf_counter()
ev.tables = list(ctx.tables)
run_rules(Policy(path="bench", base_dir=log.parent), ev, select={"CN301", "CN302", "CN303", "CN401"})
t3 = time.perf_counter()
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kid = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"scan": t1 - t0, "analyse": t2 - t1, "match": t3 - t2, "wall": t3 - t0,
                  "cpu": cpu() - c0, "scan_cpu": c1 - c0, "self_mb": me, "child_mb": kid,
                  "statements": ev.counts["statements"], "shapes": ev.counts["unique_shapes"],
                  "problems": len(ev.problems), "compiled": compiled}))
'''


def measure(fmt: str, log: Path, jobs: int, schema: Path, pure: bool = False) -> dict[str, float]:
    """One read of one log in a fresh process (so peak memory is this run's)."""
    out = subprocess.run([sys.executable, "-c", MEASURE, fmt, str(log), str(jobs), str(schema),
                          "pure" if pure else "any"],
                         # Run beside the log, not in the checkout: the installed cnsnt (a
                         # compiled build included) is measured, never shadowed by the tree.
                         check=True, capture_output=True, text=True, cwd=log.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_formats(args: argparse.Namespace) -> None:
    """Every format, same statements, each `--jobs` in the list."""
    jobs_list = [int(j) for j in args.jobs_list.split(",")]
    tmp = tempfile.TemporaryDirectory(prefix="cnsnt-bench-")
    workdir = args.keep or Path(tmp.name)
    workdir.mkdir(parents=True, exist_ok=True)
    schema = merged_schema(workdir)
    statements = statement_lines(args.lines, shapes(args.shapes))
    print(f"{args.lines:,} statements over {args.shapes:,} shapes; {os.cpu_count()} cores; "
          f"load before: {load()}")
    print("figures measured in one run, each read in its own process; the machine is shared, "
          "so compare ratios, not seconds")
    print(f"{'format':<17}{'jobs':>4}{'MB':>5}{'lines/s':>9}{'MB/s':>6}{'scan MB/s':>10}"
          f"{'wall s':>7}{'cpu s':>6}{'scan':>6}{'(cpu)':>6}{'anal.':>6}{'match':>6}"
          f"{'peak MB':>8}{'vs lines':>9}  load")
    base: dict[int, float] = {}
    for fmt in FORMATS:
        log = workdir / f"{fmt}.log"
        size = write_format(fmt, log, statements)
        for jobs in jobs_list:
            r = measure(fmt, log, jobs, schema, args.no_compiled)
            assert r["statements"] == args.lines, (fmt, r)
            if fmt == FORMATS[0] and jobs == jobs_list[0]:
                print("fingerprint fast path: " + ("compiled (_fastlex)" if r["compiled"] else
                                                   "pure Python"))
            per = r["scan_cpu"] / args.lines
            base.setdefault(jobs, per)
            print(f"{fmt:<17}{jobs:>4}{size / 1e6:>5.0f}{args.lines / r['wall']:>9,.0f}"
                  f"{size / 1e6 / r['wall']:>6.1f}{size / 1e6 / r['scan']:>10.1f}"
                  f"{r['wall']:>7.1f}{r['cpu']:>6.1f}{r['scan']:>6.1f}{r['scan_cpu']:>6.1f}"
                  f"{r['analyse']:>6.1f}{r['match']:>6.1f}{r['self_mb'] + r['child_mb']:>8.0f}"
                  f"{per / base[jobs]:>8.2f}x  {load()}")
        log.unlink()
    print("vs lines: scan CPU time per statement relative to `lines` at the same --jobs "
          "(target <= 1.5x; CPU, not wall, because the machine is shared); "
          "peak MB: this process + its largest worker")
    if args.keep is None:
        tmp.cleanup()


def short_shapes(target: int) -> list[str]:
    """About `target` short shapes (~100 bytes a line) over the TPC-H tables."""
    cols = {
        "customer": ["c_custkey", "c_name", "c_address", "c_phone", "c_acctbal", "c_comment"],
        "orders": ["o_orderkey", "o_custkey", "o_totalprice", "o_orderdate", "o_comment"],
        "lineitem": ["l_orderkey", "l_partkey", "l_quantity", "l_discount", "l_shipdate"],
        "part": ["p_partkey", "p_name", "p_brand", "p_type", "p_size", "p_retailprice"],
        "supplier": ["s_suppkey", "s_name", "s_address", "s_phone", "s_acctbal"],
    }
    out: list[str] = []
    k = 0
    while len(out) < target:
        for table, names in cols.items():
            a, b = names[k % len(names)], names[(k // len(names) + 1) % len(names)]
            out.append(f"SELECT {a}, {b} AS v{k} FROM {table} WHERE {names[0]} = 12 "
                       f"AND @R > 0 ORDER BY 1")
            if len(out) >= target:
                break
        k += 1
    return out


def run_flat_memory(args: argparse.Namespace) -> None:
    """Peak memory of `lines` logs of growing size (same shapes): it should stay flat."""
    sizes = [200_000, 1_000_000] + ([10_000_000] if args.ten_million else [])
    tmp = tempfile.TemporaryDirectory(prefix="cnsnt-bench-")
    workdir = args.keep or Path(tmp.name)
    workdir.mkdir(parents=True, exist_ok=True)
    schema = merged_schema(workdir)
    texts = short_shapes(args.shapes)
    print(f"`lines` logs over {len(texts):,} short shapes; jobs={args.jobs or os.cpu_count()}; "
          f"shared machine, load before: {load()}")
    print(f"{'lines':>12}{'MB':>8}{'wall s':>8}{'cpu s':>8}{'lines/s':>11}{'self MB':>9}"
          f"{'worker MB':>10}{'shapes':>8}  load")
    for n in sizes:
        log = workdir / f"flat-{n}.log"
        size = generate(log, n, texts)
        r = measure("lines", log, args.jobs, schema, args.no_compiled)
        print(f"{n:>12,}{size / 1e6:>8.0f}{r['wall']:>8.1f}{r['cpu']:>8.1f}"
              f"{n / r['wall']:>11,.0f}{r['self_mb']:>9.0f}{r['child_mb']:>10.0f}"
              f"{r['shapes']:>8,}  {load()}")
        log.unlink()
    if args.keep is None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
