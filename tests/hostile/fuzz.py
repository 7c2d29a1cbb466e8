"""Fuzz harnesses: run every reader's property check for a time budget (`.ci/fuzz`).

    python -m tests.hostile.fuzz --seconds 120

The checks are the property tests' (tests/hostile/harness.py); here each runs
with fresh random examples, batch after batch, until its share of the budget is
spent. A failure prints the falsifying example (hypothesis shrinks it) and
exits 1; an example that hangs past the budget is a failure too.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("CNSNT_HYPOTHESIS_PROFILE", "fuzz")

from hypothesis import HealthCheck, settings  # noqa: E402

from tests.hostile import conftest  # noqa: E402, F401 - registers and loads the `fuzz` profile
from tests.hostile import test_properties as props  # noqa: E402

#: One harness per reader and per "nothing lost" property.
HARNESSES: dict[str, Callable[..., Any]] = {
    "policy-loader": props.test_policy_loader_gives_a_policy_or_a_policy_error,
    "policy-structured": props.test_policy_loader_on_structured_documents,
    "ddl-reader": props.test_ddl_reader,
    "framework-migrations-readers": props.test_framework_migrations_readers,
    "typeorm-reader": props.test_typeorm_reader,
    "sequelize-reader": props.test_sequelize_reader,
    "mongoose-reader": props.test_mongoose_reader,
    "gorm-reader": props.test_gorm_reader,
    "drizzle-reader": props.test_drizzle_reader,
    "rust-readers": props.test_rust_readers,
    "kotlin-readers": props.test_kotlin_readers,
    "ecto-readers": props.test_ecto_readers,
    "liquibase-documents": props.test_liquibase_yaml_and_json_changelogs,
    "efcore-entities-reader": props.test_efcore_entities_reader,
    "efcore-union-reader": props.test_efcore_union_reader,
    "json-form-reader": props.test_json_form_reader,
    "html-form-reader": props.test_html_form_reader,
    "smarty-form-reader": props.test_smarty_form_reader,
    "pug-form-reader": props.test_pug_form_reader,
    "svelte-phoenix-form-reader": props.test_svelte_and_phoenix_form_reader,
    "jsx-form-reader": props.test_jsx_form_reader,
    "query-reader": props.test_query_reader,
    "java-query-reader": props.test_java_query_reader,
    "kotlin-query-reader": props.test_kotlin_query_reader,
    "mybatis-reader": props.test_mybatis_reader,
    "splitter": props.test_splitting_does_not_depend_on_chunks,
    "fingerprint": props.test_fingerprint_never_raises,
    "sql-chunks": props.test_chunked_sql_file_equals_whole_read,
    "log-ranges": props.test_log_ranges_equal_whole_scan,
}


class Hung(Exception):
    """An example ran past the harness's budget."""


def _alarm(signum: int, frame: object) -> None:
    raise Hung()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="total budget")
    parser.add_argument("--batch", type=int, default=100, help="examples per batch")
    parser.add_argument("only", nargs="*", help="harness names (default: all)")
    args = parser.parse_args(argv)
    names = args.only or list(HARNESSES)
    share = args.seconds / len(names)
    signal.signal(signal.SIGALRM, _alarm)
    failed = []
    for name in names:
        test = settings(
            max_examples=args.batch,
            deadline=None,
            database=None,
            derandomize=False,
            suppress_health_check=list(HealthCheck),
        )(HARNESSES[name])
        start = time.monotonic()
        batches = 0
        signal.alarm(int(share) + 120)
        try:
            while time.monotonic() - start < share:
                test()
                batches += 1
        except Hung:
            failed.append(name)
            print(f"fuzz {name}: an example ran more than {int(share) + 120} s", flush=True)
        except Exception as exc:  # noqa: BLE001 - report every harness, then fail
            failed.append(name)
            print(f"fuzz {name}: FAILED: {type(exc).__name__}: {exc}", flush=True)
        finally:
            signal.alarm(0)
        print(f"fuzz {name}: {batches * args.batch} examples in {time.monotonic() - start:.0f} s",
              flush=True)
    if failed:
        print(f"fuzz: failures in {', '.join(failed)}", flush=True)
        return 1
    print("fuzz: clean", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
