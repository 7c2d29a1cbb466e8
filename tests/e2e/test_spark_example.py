"""The data-lake path: `cnsnt.api.fingerprint` and `examples/spark/` give the `shapes` cnsnt reads.

The digest step runs in plain Python here; the whole Spark job runs with a
local Spark session only when `pyspark` (and Java) are installed.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import shutil
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from cnsnt.api import fingerprint
from cnsnt.evidence import Evidence, Table
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.reader import read_queries
from cnsnt.sources.schemas.ddl import read_ddl
from tests.conftest import EXAMPLES

SCHEMA = "CREATE TABLE customers (id INT, email TEXT, name TEXT);\n" \
         "CREATE TABLE orders (id INT, customer_id INT, total NUMERIC);\n"
LOG = "".join(
    f"SELECT email FROM customers WHERE id = {i}\n"
    + ("SELECT total FROM orders WHERE customer_id IN (1, 2, 3)\n" if i % 3 == 0 else "")
    + ("\n" if i % 5 == 0 else "")
    + ("select name from customers where name = 'o''brien'\n" if i % 7 == 0 else "")
    for i in range(60)
)


def job() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shapes_job",
                                                  EXAMPLES / "spark" / "shapes_job.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tables(tmp: Path) -> list[Table]:
    path = tmp / "schema.sql"
    path.write_text(SCHEMA)
    spec = SourceSpec("schemas", path.name, tmp, Location("cnsnt.yaml"), "postgres")
    return read_ddl(path, spec, SourceContext(base_dir=tmp)).tables


def read(path: Path, fmt: str) -> Evidence:
    ctx = SourceContext(base_dir=path.parent, tables=tables(path.parent), jobs=1)
    spec = SourceSpec("queries", path.name, path.parent, Location("cnsnt.yaml", 3), "postgres",
                      format=fmt)
    return read_queries(path, spec, ctx)


def uses(ev: Evidence) -> list[tuple[object, int]]:
    return sorted((sorted(str(u) for u in q.uses), q.calls) for q in ev.queries)


def write_shapes(path: Path, rows: list[tuple[str, int, str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["fingerprint", "calls", "query", "user", "role", "application"])
    writer.writerows([(f, c, q, "", "", "") for f, c, q in rows])
    path.write_text(out.getvalue())


def test_fingerprint_api() -> None:
    assert fingerprint("SELECT email FROM customers WHERE id = 42") == \
        fingerprint("select  email\nFROM customers where id=42".replace("id=42", "id = 7"))
    assert fingerprint("SELECT a FROM t WHERE x IN (1, 2, 3)") == \
        "select a from t where x in (?)"
    assert fingerprint('SELECT "Email" FROM t') != fingerprint('SELECT "email" FROM t')
    assert fingerprint(b"SELECT 1 -- note") == "select ?"
    assert fingerprint("  ;  ") == ""


def test_digested_shapes_audit_like_the_whole_log(tmp_path: Path) -> None:
    log = tmp_path / "queries.log"
    log.write_text(LOG)
    counted: Counter[str] = Counter()
    sample: dict[str, str] = {}
    for shape, text in job().digest(LOG.splitlines(), "postgres"):
        counted[shape] += 1
        sample[shape] = min(sample.get(shape, text), text)
    shapes = tmp_path / "shapes.csv"
    write_shapes(shapes, sorted((f, n, sample[f]) for f, n in counted.items()))
    whole, digested = read(log, "lines"), read(shapes, "shapes")
    assert uses(digested) == uses(whole)
    assert digested.counts["statements"] == whole.counts["statements"] == 89
    assert digested.counts["unique_shapes"] == whole.counts["unique_shapes"] == 3


def test_spark_job_with_a_local_session(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed: the Spark example is "
                        "optional (pip install pyspark, with Java, to run it)")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime on PATH: Spark cannot start")
    from pyspark.sql import SparkSession

    log = tmp_path / "queries.log"
    log.write_text(LOG)
    spark = (SparkSession.builder.master("local[2]").appName("cnsnt-test")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        rows = job().shapes(spark, [str(log)], "postgres").collect()
    finally:
        spark.stop()
    shapes = tmp_path / "shapes.csv"
    write_shapes(shapes, [(r["fingerprint"], r["calls"], r["query"]) for r in rows])
    assert uses(read(shapes, "shapes")) == uses(read(log, "lines"))
