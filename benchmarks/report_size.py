"""Report size on a large query log: the grouped Markdown and HTML reports vs one row per finding.

Copies examples/shop to a temporary directory, appends N distinct queries that read
device columns under the wrong purpose (each shape gives several findings), audits
it and prints the number of findings and the size of each report.

    python benchmarks/report_size.py [--queries N]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from cnsnt.api import audit_path
from cnsnt.reporters import RenderOptions, get_reporter
from cnsnt.reporters.markdown import md_escape

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ["device_fingerprint", "ip_address", "user_agent", "latitude", "longitude"]


def flat_markdown_bytes(result) -> int:  # type: ignore[no-untyped-def]
    """What a report with one table row per finding would weigh (the earlier format)."""
    rows = [
        f"| {f.location.line if f.location else ''} | {f.severity.value} | {f.rule} {f.name} | "
        f"{md_escape(f.message)} | {md_escape(f.hint)} |"
        for f in result.findings
    ]
    return len("\n".join(rows).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=3000)
    args = parser.parse_args()
    random.seed(1)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "shop"
        shutil.copytree(ROOT / "examples" / "shop", project)
        with (project / "logs" / "app.log").open("a", encoding="utf-8") as log:
            for i in range(args.queries):
                a, b, c = random.sample(COLUMNS, 3)
                log.write(
                    f"SELECT t{i}.{a}, t{i}.{b}, t{i}.{c}, t{i}.first_seen + {i} AS x{i} "
                    f"FROM devices t{i} WHERE t{i}.customer_id = 1\n"
                )
        start, cpu = time.perf_counter(), time.process_time()
        result = audit_path(project, jobs=0)
        audited = time.perf_counter() - start
        sizes = {}
        for fmt in ("markdown", "html", "json"):
            t0 = time.perf_counter()
            text = get_reporter(fmt).render(result, RenderOptions())
            sizes[fmt] = (len(text.encode("utf-8")), time.perf_counter() - t0)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"queries appended: {args.queries}; findings: {len(result.findings)}")
    print(f"audit: {audited:.2f} s wall, {time.process_time() - cpu:.2f} s CPU in this process; "
          f"peak RSS {peak:.0f} MB")
    print(f"one row per finding (earlier Markdown): {flat_markdown_bytes(result) / 1000:.0f} kB")
    for fmt, (size, seconds) in sizes.items():
        print(f"{fmt}: {size / 1000:.1f} kB, rendered in {seconds:.2f} s")


if __name__ == "__main__":
    main()
