"""How far two labellers agree on the same columns: the ceiling of the classifier benchmark.

`benchmarks/labelled/second/` holds a second, independent labelling of some projects
(same rows as the first, labels filled in by another labeller who never saw the first
labels or the classifier's). Scored like the classifier: the first labelling is the
truth, the second the prediction. Precision and recall of 0.90 only mean something for
the classifier if two careful labellers reach them against each other.

Run: `python benchmarks/agreement.py [--data benchmarks/labelled]`. Totals are also given
per half (`tune`, `report`): on the report half the second labelling says how much of the
classifier's measured gap there is the labellers' own disagreement.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from classifier import Row, Score, evaluate  # noqa: E402


@dataclass
class Pair:
    first: dict[str, object]
    second: dict[str, object]


def _read(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _first_labelling(data: Path, project: str) -> Path | None:
    for split in ("tune", "report"):
        path = data / split / f"{project}.jsonl"
        if path.exists():
            return path
    return None


def _family(category: object) -> str:
    if not isinstance(category, str) or not category:
        return "(none)"
    return ".".join(category.split(".")[:2])


def _kappa(score: Score) -> float:
    """Cohen's kappa on personal / not personal: agreement beyond chance."""
    n = score.tp + score.fp + score.fn + score.tn
    if not n:
        return 1.0
    observed = (score.tp + score.tn) / n
    yes = ((score.tp + score.fp) / n) * ((score.tp + score.fn) / n)
    no = ((score.fn + score.tn) / n) * ((score.fp + score.tn) / n)
    chance = yes + no
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def _line(name: str, score: Score, family: float | None = None) -> str:
    f1 = 2 * score.precision * score.recall / (score.precision + score.recall or 1)
    extra = f" {family:8.3f}" if family is not None else ""
    return (
        f"{name:22} {score.precision:9.3f} {score.recall:7.3f} {f1:6.3f} {_kappa(score):6.3f}"
        f" {score.tp + score.fn:9d} {score.tp + score.fp + score.fn + score.tn:8d}{extra}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "labelled")
    args = parser.parse_args(argv)
    second_dir = args.data / "second"
    pairs: dict[str, list[Pair]] = {}
    split_of: dict[str, str] = {}
    for path in sorted(second_dir.glob("*.jsonl")):
        first_path = _first_labelling(args.data, path.stem)
        if first_path is None:
            raise SystemExit(f"{path}: no first labelling in tune/ or report/")
        split_of[path.stem] = first_path.parent.name
        first, second = _read(first_path), _read(path)
        keys = [(r["table"], r["column"]) for r in first]
        if keys != [(r["table"], r["column"]) for r in second]:
            raise SystemExit(f"{path}: not the same columns, in the same order, as {first_path}")
        pairs[path.stem] = [Pair(a, b) for a, b in zip(first, second, strict=True)]
    if not pairs:
        raise SystemExit(f"{second_dir}: no second labelling")

    print("== second labeller against the first (the first is the truth)")
    heads = ("precision", "recall", "F1", "kappa", "personal", "columns", "same fam")
    widths = (9, 7, 6, 6, 9, 8, 8)
    print(" " * 22 + "".join(f" {h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    total, classifier_total = Score(), Score()
    by_split: dict[str, Score] = {}
    classifier_by_split: dict[str, Score] = {}
    special, special_personal, special_of_second, same, both = Score(), Score(), Score(), 0, 0
    disagreements: Counter[str] = Counter()
    rows: list[Row] = []
    for project, members in pairs.items():
        score, p_same, p_both = Score(), 0, 0
        for pair in members:
            want, got = bool(pair.first["personal"]), bool(pair.second["personal"])
            score.add(got, want)
            total.add(got, want)
            by_split.setdefault(split_of[project], Score()).add(got, want)
            if pair.first.get("special"):
                special.add(bool(pair.second.get("special")), True)
                special_personal.add(got, True)
            if pair.second.get("special"):
                special_of_second.add(True, bool(pair.first.get("special")))
            if want and got:
                p_both += 1
                p_same += _family(pair.first.get("category")) == _family(pair.second.get("category"))
            elif want != got:
                disagreements[_family(pair.first.get("category") or pair.second.get("category"))] += 1
            rows.append(Row(pair.first))
        same, both = same + p_same, both + p_both
        print(_line(project, score, p_same / p_both if p_both else None))
    print(_line("all", total, same / both if both else None))
    for split, score in sorted(by_split.items()):
        print(_line(f"all {split}", score))
    print(
        f"special (Art. 9) columns of the first labelling marked special by the second: "
        f"{special.tp}/{special.tp + special.fn}; marked personal by the second (the benchmark's "
        f"special recall): {special_personal.tp}/{special_personal.tp + special_personal.fn}; "
        f"special columns of the second the first marks special: "
        f"{special_of_second.tp}/{special_of_second.tp + special_of_second.fp}"
    )
    print("-- where they disagree (category family of whichever said personal)")
    for family, count in disagreements.most_common():
        print(f"{family:34} {count:5d}")

    evaluate(rows)
    classifier_special = Score()
    for row in rows:
        assert row.verdict is not None
        got, want = row.verdict.personal, bool(row.data["personal"])
        classifier_total.add(got, want)
        classifier_by_split.setdefault(split_of[str(row.data["project"])], Score()).add(got, want)
        if row.data.get("special"):
            classifier_special.add(got, True)
    print("== the classifier on the same columns, against the first labelling (for comparison)")
    print(_line("classifier", classifier_total))
    for split, score in sorted(classifier_by_split.items()):
        print(_line(f"classifier {split}", score))
    print(
        "special (Art. 9) columns of the first labelling the classifier marks personal: "
        f"{classifier_special.tp}/{classifier_special.tp + classifier_special.fn}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
