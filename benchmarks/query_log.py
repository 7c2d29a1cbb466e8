"""Query-log throughput: 1,000,000 log lines over ~2,000 TPC-H/TPC-DS shapes.

Generates a `lines` log (about 1.3 KB a line, so over 1 GB at full size) in a
temporary directory, reads it with cnsnt's query-log reader against the TPC
schema, and prints lines/s, MB/s, unique shapes/s, peak memory, and the ratio
of cnsnt's per-shape cost (fingerprint, parse, resolve, match) to a bare
pure-Python `sqlglot.parse_one` of the same shapes, run in a subprocess with
the compiled extension (sqlglotc) hidden.

    python benchmarks/query_log.py [--lines N] [--jobs N] [--pure] [--keep DIR]

`--pure` hides sqlglotc from cnsnt too, to show the figures without it.
Targets (2 cores): 1M lines < 30 s, peak < 500 MB, per-shape ratio <= 1.5.
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
