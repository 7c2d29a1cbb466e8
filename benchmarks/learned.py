"""Would a model learned from the labels beat the hand-written rules? A measurement, not a product.

Run: `python benchmarks/learned.py [--data DIR]` in an environment that has scikit-learn
(it is no dependency of cnsnt: `python -m venv /tmp/ml && /tmp/ml/bin/pip install
scikit-learn` and `pip install -e .` there).

It classifies both halves of the labelled set with cnsnt, then trains logistic
regressions on the tune half and scores them on the report half (totals only: the
report half's errors stay unseen):

- `rules`: cnsnt's own verdicts;
- `rules+structure`: a model over the rule's verdict, its reason kind and confidence,
  the table's verdict, the column type and the schema language;
- `rules+names`: the same plus the column's and table's name pieces and their
  character 3-5-grams, so it can learn words the vocabulary lacks;
- `names only`: name pieces, n-grams and type, no rule at all.

On 2026-12-02 (tune 107 projects, report 51) it printed F1 0.805 for the rules,
0.808-0.815 for the models with rules, 0.733-0.748 for names alone; with tune 109 and
report 61, 0.819, 0.821-0.829 and 0.745-0.764: what the labels could teach from names
adds about 0.01, far from the 0.90 targets. On 2026-12-04 (tune 194, report 87, 2.5 times
the labels): 0.823, 0.827-0.834 and 0.738-0.753: more labels teach no more.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import classifier as bench  # noqa: E402

try:
    from scipy.sparse import hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
except ImportError:
    raise SystemExit(
        "benchmarks/learned.py needs scikit-learn (not a cnsnt dependency): see its docstring"
    ) from None

_PIECE = re.compile(r"[^0-9a-zà-ɏЀ-ӿ]+|\d+")  # linear: one character class per step
_CAMEL = re.compile(r"([a-zà-ÿ])([A-ZÀ-Þ])")
_TYPES = (
    "char",
    "text",
    "int",
    "date",
    "time",
    "bool",
    "bit",
    "dec",
    "num",
    "float",
    "double",
    "blob",
    "json",
)
_TABLE_KINDS = (
    "linked to people",
    "describes people",
    "not about people",
    "health",
    "lookup",
    "organisations",
)


def _pieces(name: str) -> list[str]:
    return [p for p in _PIECE.split(_CAMEL.sub(r"\1 \2", name).lower()) if p]


def _type_class(type_: object) -> str:
    text = str(type_ or "").lower()
    return next((t for t in _TYPES if t in text), "other")


def _reason_kind(reason: str) -> str:
    """The reason's template: quoted names and bracketed languages dropped."""
    return re.sub(r"\([^)]*\)", "", re.sub(r"'[^']*'", "X", reason))[:80]


def _features(row: bench.Row, rules: bool, names: bool) -> dict[str, float]:
    d, v = row.data, row.verdict
    assert v is not None
    out: dict[str, float] = {"type=" + _type_class(d.get("type")): 1.0}
    if rules:
        table = v.reasons[0] if len(v.reasons) > 1 else ""
        kind = next((k for k in _TABLE_KINDS if k in table), "none")
        out.update(
            {
                "got": float(v.personal),
                f"confidence={v.confidence}/{v.personal}": 1.0,
                "reason=" + _reason_kind(v.reason): 1.0,
                f"table={kind}/{v.personal}": 1.0,
                f"language={d.get('language')}": 1.0,
            }
        )
    if names:
        out.update({"column=" + p: 1.0 for p in _pieces(str(d["column"]))})
        out.update({"table=" + p: 0.5 for p in _pieces(str(d["table"]))})
    return out


def _score(got: list[bool], rows: list[bench.Row]) -> str:
    s = bench.Score()
    for g, row in zip(got, rows, strict=True):
        s.add(g, bool(row.data["personal"]))
    f1 = 2 * s.precision * s.recall / (s.precision + s.recall)
    return f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {f1:.3f}"


def _model(train: list[bench.Row], test: list[bench.Row], rules: bool, names: bool) -> list[float]:
    vectors = DictVectorizer()
    x_train: Any = vectors.fit_transform([_features(r, rules, names) for r in train])
    x_test: Any = vectors.transform([_features(r, rules, names) for r in test])
    if names:
        grams = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True)
        text = [" ".join(_pieces(str(r.data["column"]))) for r in train]
        x_train = hstack([x_train, grams.fit_transform(text)]).tocsr()
        text = [" ".join(_pieces(str(r.data["column"]))) for r in test]
        x_test = hstack([x_test, grams.transform(text)]).tocsr()
    model = LogisticRegression(C=0.3, max_iter=3000)
    model.fit(x_train, [bool(r.data["personal"]) for r in train])
    return [float(p) for p in model.predict_proba(x_test)[:, 1]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=bench.DEFAULT_DATA)
    args = parser.parse_args()
    tune = [bench.Row(d) for d in bench._read_rows(args.data / "tune")]
    report = [bench.Row(d) for d in bench._read_rows(args.data / "report")]
    bench.evaluate(tune)
    bench.evaluate(report)
    print(f"== trained on tune ({len(tune)} columns), scored on report ({len(report)} columns)")
    print(f"{'rules':18} {_score([bool(r.verdict and r.verdict.personal) for r in report], report)}")
    for title, rules, names in (
        ("rules+structure", True, False),
        ("rules+names", True, True),
        ("names only", False, True),
    ):
        prob = _model(tune, report, rules, names)
        for threshold in (0.4, 0.5):
            got = [p >= threshold for p in prob]
            print(f"{title:18} {_score(got, report)}  (threshold {threshold})")


if __name__ == "__main__":
    main()
