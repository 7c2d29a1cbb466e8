"""Digest raw query logs on a Spark cluster into a cnsnt `shapes` file.

    spark-submit shapes_job.py 's3://bucket/pg/*.log.gz' shapes.parquet [--dialect postgres]

Input: `lines` logs (one statement per line; Spark reads `.gz` itself).
Output: one row per fingerprint with `fingerprint`, `calls`, `query` (one
sample text), `user`, `role`, `application` - the `shapes` format, which
cnsnt audits as it would the whole log (`queries: [{path: shapes.parquet,
format: shapes}]`). The fingerprint is `cnsnt.api.fingerprint`, so cnsnt must
be installed on the executors (`pip install cnsnt`, or ship it with
`--py-files`). Nothing is parsed on the cluster: only lexed and counted.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from typing import Any


def digest(lines: Iterable[str], dialect: str | None) -> Iterator[tuple[str, str]]:
    """(fingerprint, statement) for each non-empty line: the map side, run on executors."""
    from cnsnt.api import fingerprint

    for line in lines:
        text = line.strip()
        if not text:
            continue
        shape = fingerprint(text, dialect)
        if shape:
            yield shape, text


def shapes(spark: Any, paths: list[str], dialect: str | None) -> Any:
    """The shapes DataFrame of some log files, one row per fingerprint, sorted."""
    from pyspark.sql import functions as F  # noqa: N812 - the usual Spark alias

    lines = spark.read.text(paths).rdd.map(lambda row: row.value)
    pairs = lines.mapPartitions(lambda part: digest(part, dialect))
    df = spark.createDataFrame(pairs, "fingerprint string, query string")
    none = F.lit(None).cast("string")
    return (
        df.groupBy("fingerprint")
        .agg(F.count(F.lit(1)).alias("calls"), F.min("query").alias("query"))
        .select("fingerprint", "calls", "query", none.alias("user"), none.alias("role"),
                none.alias("application"))
        .orderBy("fingerprint")
    )


def main() -> None:
    """spark-submit entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="+", help="log files or globs (local, hdfs://, s3a://)")
    parser.add_argument("output", help="where to write the shapes (.parquet, .csv or .json)")
    parser.add_argument("--dialect", default=None, help="sqlglot dialect of the statements")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("cnsnt-shapes").getOrCreate()
    out = shapes(spark, args.input, args.dialect).coalesce(1).write.mode("overwrite")
    if args.output.endswith(".csv"):
        out.option("header", True).csv(args.output)
    elif args.output.endswith(".json"):
        out.json(args.output)
    else:
        out.parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
