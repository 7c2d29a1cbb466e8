"""Time introspecting a live PostgreSQL database of 400 tables (target: under 3 s).

Run: `python benchmarks/live_db.py [--tables 400] [--repeat 5]`. Starts a throwaway
PostgreSQL 15 cluster (as the test suite does: a temp dir, a Unix socket, as the
`postgres` user when run as root), creates the tables with columns, comments and
foreign keys, then times `read_database` (connect, read-only transaction, every
catalog read, evidence built) and a whole `cnsnt audit --db` in-process. Prints the
median wall time, the CPU time of this process beside it, and the machine's load.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cnsnt.api import audit  # noqa: E402
from cnsnt.model import Location  # noqa: E402
from cnsnt.policy.loader import load_policy  # noqa: E402
from cnsnt.policy.model import SourceSpec  # noqa: E402
from cnsnt.sources.base import SourceContext  # noqa: E402
from cnsnt.sources.databases.live import read_database  # noqa: E402
from tests.databases.pgcluster import PgCluster, unavailable  # noqa: E402

WORDS = ["email", "phone", "first_name", "last_name", "city", "notes", "status", "amount", "iban",
         "birth_date"]
TYPES = ["varchar(200)", "varchar(40)", "varchar(80)", "varchar(80)", "text", "text", "smallint",
         "numeric(10,2)", "varchar(34)", "date"]


def ddl(tables: int, schemas: int = 4) -> str:
    """`tables` tables over a few schemas, 12 columns each, comments, a foreign key chain."""
    out = [f"CREATE SCHEMA s{i};" for i in range(1, schemas)]
    for n in range(tables):
        schema = "public" if n % schemas == 0 else f"s{n % schemas}"
        cols = ["id bigserial PRIMARY KEY", "created_at timestamptz DEFAULT now()"]
        cols += [f"{w}_{n} {t}" for w, t in zip(WORDS, TYPES, strict=True)]
        if n:
            prev = "public" if (n - 1) % schemas == 0 else f"s{(n - 1) % schemas}"
            cols.append(f"parent_id bigint REFERENCES {prev}.t{n - 1:03d} (id)")
        out.append(f"CREATE TABLE {schema}.t{n:03d} ({', '.join(cols)});")
        out.append(f"COMMENT ON TABLE {schema}.t{n:03d} IS 'table {n}';")
        out.append(f"COMMENT ON COLUMN {schema}.t{n:03d}.email_{n} IS 'contact address';")
        if n % 20 == 0:
            out.append(f"CREATE VIEW {schema}.v{n:03d} AS SELECT id, email_{n} FROM {schema}.t{n:03d};")
    return "\n".join(out)


def _rows(tables: int, schemas: int = 4) -> str:
    """20 rows per table; the `notes_N` columns hold IBANs (names say nothing, values do)."""
    out = []
    for n in range(tables):
        schema = "public" if n % schemas == 0 else f"s{n % schemas}"
        out.append(
            f"INSERT INTO {schema}.t{n:03d} (email_{n}, notes_{n}, city_{n}) "
            "SELECT 'u' || i || '@x.example', 'DE89370400440532013000', 'Rome' "
            "FROM generate_series(1, 20) i;"
        )
    return "\n".join(out)


def timed(func, repeat: int) -> tuple[float, float, object]:
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = func()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tables", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=20, help="values per column for the sampling run")
    args = parser.parse_args()
    reason = unavailable()
    if reason:
        sys.exit(f"cannot run: {reason}")
    cluster = PgCluster().start()
    try:
        t0 = time.perf_counter()
        url = cluster.create_database("bench", ddl(args.tables))
        print(f"created {args.tables} tables in {time.perf_counter() - t0:.1f} s")
        spec = SourceSpec("databases", url, Path("."), Location("--db"))

        def introspect():
            return read_database(spec, SourceContext(base_dir=Path(".")))

        wall, cpu, ev = timed(introspect, args.repeat)
        assert not ev.problems, ev.problems  # type: ignore[attr-defined]
        print(f"introspection: {ev.counts}")  # type: ignore[attr-defined]
        print(f"  median wall {wall:.3f} s, CPU {cpu:.3f} s (of {args.repeat} runs)")
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "cnsnt.yaml").write_text("cnsnt: 1\n")
            policy = load_policy(Path(tmp) / "cnsnt.yaml")
            wall, cpu, result = timed(lambda: audit(policy, databases=[url]), args.repeat)
        print(f"whole audit --db: {len(result.findings)} findings")  # type: ignore[attr-defined]
        print(f"  median wall {wall:.3f} s, CPU {cpu:.3f} s (of {args.repeat} runs)")
        if args.sample:
            cluster.execute(_rows(args.tables), "bench")

            def sampled():
                return read_database(spec, SourceContext(base_dir=Path("."), sample=args.sample))

            wall, cpu, ev = timed(sampled, args.repeat)
            print(f"introspection + --sample {args.sample}: {ev.counts['sampled_columns']} columns sampled, "  # type: ignore[attr-defined]
                  f"{len(ev.classified)} verdicts from values")  # type: ignore[attr-defined]
            print(f"  median wall {wall:.3f} s, CPU {cpu:.3f} s (of {args.repeat} runs)")
        print("load:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
