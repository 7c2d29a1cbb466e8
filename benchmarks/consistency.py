"""How far the labels of one column name agree across projects, beside the classifier there.

The targets (0.90 precision and recall) assume the labels of a column can be told from what a
classifier sees. This asks how consistent the labels themselves are across projects: for every
column whose key (below) occurs in at least two projects, it predicts the label by the majority
label of the same key in the *other* projects (leave one project out), and prints that
predictor's precision and recall on those columns beside the classifier's. Where the two are
level, the classifier already does what the other projects' labellers did with the same name in
the same context; what is left there is the labels' own spread. Keys:

- `table.column`: the same table and column name (letters and digits, case folded);
- `column+reason`: the same column name given the same reason by the classifier (its quoted
  words masked), a proxy for the same context;
- `column+verdict`: the same column name and the classifier's verdict and confidence.

It then splits the columns by how many projects their name occurs in, so the gap can be placed.

Run: `python benchmarks/consistency.py [--split tune|report] [--data benchmarks/labelled]`.
Totals only: it lists no column, so the report half can be run too.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from classifier import DEFAULT_DATA, Row, Score, _read_rows, evaluate  # noqa: E402

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\([a-z]{2}\)")
_NOT_NAME = re.compile(r"[\W_]+")


def _name(value: object) -> str:
    return _NOT_NAME.sub("", str(value).casefold())


def _reason(row: Row) -> str:
    assert row.verdict is not None
    return " ".join(_QUOTED.sub("Q", row.verdict.reason).split())


def _keys(row: Row) -> dict[str, Hashable]:
    assert row.verdict is not None
    column = _name(row.data["column"])
    return {
        "table.column": (_name(row.data["table"]), column),
        "column+reason": (column, _reason(row)),
        "column+verdict": (column, row.verdict.personal, row.verdict.confidence),
    }


def _got(row: Row) -> bool:
    assert row.verdict is not None
    return bool(row.verdict.personal)


def _want(row: Row) -> bool:
    return bool(row.data["personal"])


def _by_key(rows: list[Row], kind: str) -> tuple[list[Hashable], dict[Hashable, dict[str, Counter[bool]]]]:
    keys = [_keys(row)[kind] for row in rows]
    labels: dict[Hashable, dict[str, Counter[bool]]] = defaultdict(lambda: defaultdict(Counter))
    for key, row in zip(keys, rows, strict=True):
        labels[key][str(row.data["project"])][_want(row)] += 1
    return keys, labels


def _consensus(rows: list[Row], kind: str) -> str:
    keys, labels = _by_key(rows, kind)
    others_say, classifier = Score(), Score()
    for key, row in zip(keys, rows, strict=True):
        projects = labels[key]
        if len(projects) < 2:
            continue
        others: Counter[bool] = Counter()
        for project, counts in projects.items():
            if project != row.data["project"]:
                others.update(counts)
        others_say.add(others[True] > others[False], _want(row))
        classifier.add(_got(row), _want(row))
    shared = [projects for projects in labels.values() if len(projects) >= 2]
    split = sum(1 for projects in shared if len({c.most_common(1)[0][0] for c in projects.values()}) > 1)
    columns = classifier.tp + classifier.fp + classifier.fn + classifier.tn
    return (
        f"{kind:15} {columns:7d} columns, {len(shared):5d} keys in 2+ projects "
        f"({split / max(len(shared), 1):.2f} labelled differently by some project): "
        f"other projects' majority {others_say.precision:.3f} / {others_say.recall:.3f}, "
        f"classifier {classifier.precision:.3f} / {classifier.recall:.3f}"
    )


def _by_spread(rows: list[Row]) -> list[str]:
    projects: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        projects[_name(row.data["column"])].add(str(row.data["project"]))
    slices: list[tuple[str, Callable[[int], bool]]] = [
        ("name in 3+ projects", lambda n: n >= 3),
        ("name in 2 projects", lambda n: n == 2),
        ("name in 1 project", lambda n: n == 1),
    ]
    lines = []
    for title, test in slices:
        score = Score()
        for row in rows:
            if test(len(projects[_name(row.data["column"])])):
                score.add(_got(row), _want(row))
        lines.append(score.line(title))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=["tune", "report"], default="tune")
    args = parser.parse_args()
    directory = args.data / args.split
    if not directory.is_dir():
        parser.error(f"{directory} is not a directory")
    rows = [Row(d) for d in _read_rows(directory)]
    if not rows:
        parser.error(f"no labelled rows in {directory}")
    evaluate(rows)
    print(f"== {args.split}: {len(rows)} columns; precision / recall on the columns each key shares")
    for kind in ("table.column", "column+reason", "column+verdict"):
        print(_consensus(rows, kind))
    print("-- the classifier by how many projects a column's name occurs in")
    print(f"{'':34} precision  recall  personal  columns")
    for line in _by_spread(rows):
        print(line)


if __name__ == "__main__":
    main()
