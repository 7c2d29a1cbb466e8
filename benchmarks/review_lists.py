"""The review pass's ceiling: each list of docs/init.md worked by a reviewer who answers as the labels do.

Run: `python benchmarks/review_lists.py [PROJECT...] [--projects N] [--seed S] [--candidates] [--misses]`

For each labelled project of `benchmarks/labelled/tune/` (all, or N sampled evenly from a
seeded start), the project's DDL is rebuilt as `review_trial.py ddl` does (declared keys
only), `cnsnt init` writes the starter (through the library, in-process), and each list of
the review pass is listed in the docs' order, every row answered from the labels (`true`
for a column labelled personal, `false` otherwise, its category left as cnsnt wrote it)
and folded in as `cnsnt init --update --reviewed` does. Per step it prints the rows on
the list, how many are labelled personal, and the policy's precision and recall (a
column counts as found when a data entry names it: what `review_trial.py score` reads).

An AI or human reviewer does worse than this; what this gives is the most a list can
bring, and what it costs in rows. `--candidates` lists, after the last step, the rows
that changes under study would add (`_candidates`), answered the same way. Tune half
only: the report half is never read to tune what the lists show.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import io
import multiprocessing
import random
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.review_trial import _rows, write_ddl  # noqa: E402
from cnsnt.api import column_verdicts  # noqa: E402
from cnsnt.classify import read_tables  # noqa: E402
from cnsnt.classify.tables import LINKED  # noqa: E402
from cnsnt.collect import collect_evidence  # noqa: E402
from cnsnt.engine import classify  # noqa: E402
from cnsnt.matching import PolicyIndex  # noqa: E402
from cnsnt.policy.loader import load_policy  # noqa: E402
from cnsnt.starter.beside import personal_tables  # noqa: E402
from cnsnt.starter.run import draft_new, draft_update  # noqa: E402
from cnsnt.verdicts import ColumnVerdict, as_csv, select  # noqa: E402

TUNE = ROOT / "benchmarks" / "labelled" / "tune"


@dataclass(frozen=True)
class Step:
    """One list of the pass: `explain-column '*'` with these options."""

    name: str
    verdict: str
    confidence: str | None
    undecided: bool = True
    beside: bool = False


#: The lists in docs/init.md's order: both low ones, both medium ones, the third.
STEPS = (
    Step("low, not personal", "not-personal", "low"),
    Step("low, personal", "personal", "low"),
    Step("medium, not personal", "not-personal", "medium"),
    Step("medium, personal", "personal", "medium", undecided=False),
    Step("third list", "not-personal", None, beside=True),
)


@dataclass
class Tally:
    """Rows listed, rows labelled personal, and the policy's counts after the step."""

    rows: int = 0
    personal: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.rows += other.rows
        self.personal += other.personal
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def line(self, name: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        share = f"{self.personal / self.rows:.0%}" if self.rows else "-"
        return (f"{name:<34} rows {self.rows:>6}  personal {self.personal:>5} ({share:>4})"
                f"  P {precision:.3f}  R {recall:.3f}  (missed {self.fn}, false alarms {self.fp})")


@dataclass
class Project:
    """A labelled project: its labels by column key, case-folded."""

    path: Path
    labels: dict[str, bool] = field(default_factory=dict)


def _load(path: Path) -> Project:
    project = Project(path)
    for row in _rows(path):
        project.labels[f"{row['table']}.{row['column']}".casefold()] = bool(row["personal"])
    return project


def _score(policy: Path, labels: dict[str, bool], listed: Iterable[ColumnVerdict] = ()) -> Tally:
    index = PolicyIndex(load_policy(policy))
    tally = Tally()
    for row in listed:
        tally.rows += 1
        tally.personal += labels.get(row.column.casefold(), False)
    for key, personal in labels.items():
        found = bool(index.data_for_column(key))
        tally.tp += found and personal
        tally.fp += found and not personal
        tally.fn += personal and not found
    return tally


def _answer(rows: list[ColumnVerdict], labels: dict[str, bool], out: Path) -> None:
    """The list as CSV, each `personal` cell as the labels say."""
    answered = []
    for row in rows:
        label = labels.get(row.column.casefold())
        if label is None:  # a column the labels do not hold: left unjudged
            continue
        answered.append(_with(row, label))
    out.write_text(as_csv(answered), encoding="utf-8")


def _with(row: ColumnVerdict, personal: bool) -> ColumnVerdict:
    return dataclasses.replace(row, personal=personal)


def _fold(policy: Path, reviewed: Path) -> None:
    """`cnsnt init --update --reviewed`, in-process."""
    draft = draft_update(policy, reviewed=reviewed)
    if draft.changed:
        policy.write_text(draft.text, encoding="utf-8")


def _listed(project_dir: Path, step: Step) -> list[ColumnVerdict]:
    rows, _, _ = column_verdicts(
        "*", project_dir, undecided=step.undecided, beside_personal=step.beside
    )
    return select(rows, confidence=step.confidence, verdict=step.verdict)


Candidate = Callable[[Path, Path], list[ColumnVerdict]]


def _linked_undeclared(project_dir: Path, policy: Path, only_linked: bool = False) -> list[ColumnVerdict]:
    """Kind 1: the undecided rows of a table with a declared key to a declared table, nothing of it declared.

    `only_linked`: only such tables cnsnt reads as "linked to people".
    """
    loaded = load_policy(policy)
    evidence = collect_evidence(loaded)
    reading = read_tables(evidence.tables)
    classify(evidence, reading)
    index = PolicyIndex(loaded)
    around = personal_tables(evidence, index)
    chosen: set[str] = set()
    for table in reading.tables:
        name = table.key.casefold()
        if name in around:
            continue
        verdict = reading.verdicts.get(table.key)
        if only_linked and (verdict is None or verdict.kind != LINKED):
            continue
        for key in table.foreign_keys:
            target = reading.target(table, key)
            if target is not None and target.key.casefold() in around:
                chosen.add(name)
                break
    rows, _, _ = column_verdicts("*", project_dir, undecided=True)
    listed = select(rows, verdict="not-personal")
    return [r for r in listed if r.column.rsplit(".", 1)[0].casefold() in chosen]


def _high_personal_elsewhere(project_dir: Path, policy: Path) -> list[ColumnVerdict]:
    """Kind 2: high-confidence personal verdicts in tables about no person (firms, lookups, things)."""
    rows, _, _ = column_verdicts("*", project_dir)
    return [r for r in select(rows, confidence="high", verdict="personal") if not r.people and r.form is None]


CANDIDATES: dict[str, Candidate] = {
    "kind 1a: as 1b, table 'linked'": lambda d, p: _linked_undeclared(d, p, only_linked=True),
    "kind 1b: linked, nothing declared": _linked_undeclared,
    "kind 2: high personal, not people": _high_personal_elsewhere,
}


Steps = list[tuple[str, Tally]]


def _missed(policy: Path, labels: dict[str, bool]) -> list[str]:
    """The columns labelled personal that no data entry names."""
    index = PolicyIndex(load_policy(policy))
    return sorted(key for key, personal in labels.items() if personal and not index.data_for_column(key))


def run(project: Project, candidates: bool) -> tuple[Steps, list[str]]:
    """Each step's tally on one project, and what the last list left missed."""
    with tempfile.TemporaryDirectory(prefix="cnsnt-lists-") as tmp:
        project_dir = Path(tmp)
        with contextlib.redirect_stdout(io.StringIO()):
            write_ddl(project.path, project_dir)
        policy = project_dir / "cnsnt.yaml"
        draft = draft_new(project_dir, output=policy)
        policy.write_text(draft.text, encoding="utf-8")
        out = [("starter", _score(policy, project.labels))]
        for n, step in enumerate(STEPS):
            rows = _listed(project_dir, step)
            reviewed = project_dir / f"review-{n}.csv"
            _answer(rows, project.labels, reviewed)
            if rows:
                _fold(policy, reviewed)
            out.append((step.name, _score(policy, project.labels, rows)))
        missed = _missed(policy, project.labels)
        if candidates:
            for name, candidate in CANDIDATES.items():
                rows = candidate(project_dir, policy)
                reviewed = project_dir / f"review-{name[:6]}.csv"
                _answer(rows, project.labels, reviewed)
                if rows:
                    _fold(policy, reviewed)
                out.append((name, _score(policy, project.labels, rows)))
        return out, missed


def _project(path: Path, candidates: bool) -> tuple[Steps, list[str]] | str:
    """`run` on one labelled file; the error's text when it fails."""
    try:
        return run(_load(path), candidates)
    except Exception as error:  # noqa: BLE001 - said and counted by the caller
        return f"{type(error).__name__}: {error}"


def _chosen(count: int | None, seed: int) -> list[Path]:
    files = sorted(TUNE.glob("*.jsonl"))
    if count is None or count >= len(files):
        return files
    step = len(files) / count
    start = random.Random(seed).random() * step
    return [files[int(start + i * step)] for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", help="only these tune projects (file names without .jsonl)")
    parser.add_argument("--projects", type=int, default=None, help="sample N projects evenly (default: all)")
    parser.add_argument("--seed", type=int, default=33)
    parser.add_argument("--candidates", action="store_true", help="then the rows the changes under study add")
    parser.add_argument("--each", action="store_true", help="a line per project and step")
    parser.add_argument("--misses", action="store_true", help="name what the last list left missed")
    parser.add_argument("--jobs", type=int, default=1, help="projects run side by side")
    args = parser.parse_args()
    totals: dict[str, Tally] = {}
    failed = 0
    paths = [TUNE / f"{name}.jsonl" for name in args.names] or _chosen(args.projects, args.seed)
    work = functools.partial(_project, candidates=args.candidates)
    with multiprocessing.Pool(args.jobs) if args.jobs > 1 else contextlib.nullcontext() as pool:
        results = pool.imap(work, paths) if pool is not None else map(work, paths)
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, str):  # a project the rebuilt DDL or init cannot take: said, and counted
                failed += 1
                print(f"{path.stem}: skipped ({result})", file=sys.stderr)
                continue
            steps, missed = result
            if args.misses and missed:
                print(f"{path.stem:<28} missed after the third list: {', '.join(missed)}", flush=True)
            for name, tally in steps:
                totals.setdefault(name, Tally()).add(tally)
                if args.each:
                    print(f"{path.stem:<28} " + tally.line(name), flush=True)
    for name, tally in totals.items():
        print(tally.line(name))
    if failed:
        print(f"{failed} project(s) skipped (see stderr)")


if __name__ == "__main__":
    main()
