"""A measured review pass: what a starter policy and a reviewed one get right on a labelled project.

Run:
  `python benchmarks/review_trial.py ddl LABELS.jsonl DIR` writes `DIR/schema.sql`, the project's
  tables rebuilt from the labelled facts (types, comments, primary keys and only the keys the schema
  declared; the labellers' implicit references are left out, as in the real schema), with no label.
  A reviewer who never sees the labels runs `cnsnt init DIR` there and works through the unsure lists.
  `python benchmarks/review_trial.py score LABELS.jsonl POLICY [POLICY...]` scores each policy: a
  column counts as found personal when a data entry of the policy names it (what CN101 reads), and
  is compared with its label.

`benchmarks/classifier.py` scores the classifier's verdicts; this scores what a team ends up with
after `cnsnt init` alone, and after `init --update --reviewed` on the lists `explain-column
--undecided` gives: the figure the review pass is meant to raise.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

import sqlglot
from sqlglot import exp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.classifier import _as_read, _is_implicit, _referenced_table  # noqa: E402
from cnsnt.matching import PolicyIndex  # noqa: E402
from cnsnt.policy.loader import load_policy  # noqa: E402
from cnsnt.sources.schemas.django_models import field_type  # noqa: E402

#: Model spellings of types (Laravel, Django, Rails...) as SQL, where sqlglot cannot read the word.
_MODEL_TYPES = {
    "string": "VARCHAR(255)",
    "char": "CHAR(1)",
    "integer": "INT",
    "int": "INT",
    "biginteger": "BIGINT",
    "smallinteger": "SMALLINT",
    "tinyinteger": "SMALLINT",
    "boolean": "BOOLEAN",
    "bool": "BOOLEAN",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "timestamp": "TIMESTAMP",
    "time": "TIME",
    "text": "TEXT",
    "longtext": "TEXT",
    "decimal": "DECIMAL(12,2)",
    "float": "FLOAT",
    "double": "DOUBLE PRECISION",
    "json": "JSON",
    "uuid": "UUID",
    "id": "BIGINT",
    "bigincrements": "BIGINT",
    "increments": "INT",
    "foreignid": "BIGINT",
    "foreignkey": "BIGINT",
    "timestamps": "TIMESTAMP",
    "remembertoken": "VARCHAR(100)",
    "morphs": "VARCHAR(255)",
}


def _rows(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _sql_type(written: str, dialect: str) -> tuple[str, bool]:
    """(a type sqlglot reads in `dialect`, whether the written one was kept)."""
    text = _as_read(written).strip()
    django = _django_type(text)
    if django is not None:
        return django, False
    try:
        sqlglot.parse_one(f"CREATE TABLE t (c {text})", read=dialect)
        return text, True
    except sqlglot.errors.SqlglotError:
        pass
    word = text.split("(")[0].split(".")[-1].strip().lower().removesuffix("field")
    return _MODEL_TYPES.get(word, "TEXT"), False


def _django_type(written: str) -> str | None:
    """The type cnsnt's Django reader gives a field written as a call (`CharField(max_length=100)`).

    Without it `CharField` fell to the model word `char` and was rebuilt as `CHAR(1)`, a flag's type.
    """
    try:
        call = ast.parse(written, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(call, ast.Call):
        return None
    kind = ast.unparse(call.func).rpartition(".")[2]
    if kind in ("ForeignKey", "OneToOneField"):
        return "BIGINT"
    return field_type(kind, {k.arg: k.value for k in call.keywords if k.arg})


def _dialect(written: str) -> str:
    """The sqlglot dialect to write the DDL in: `postgresql` as `postgres`, one sqlglot lacks as PostgreSQL.

    The labels name the source's own store (`access`, `mongodb`, `riak`): its tables are rebuilt as SQL.
    """
    written = {"postgresql": "postgres"}.get(written.casefold(), written.casefold())
    return written if sqlglot.Dialect.get(written) is not None else "postgres"


def write_ddl(labels: Path, out: Path) -> None:
    rows = _rows(labels)
    dialect = _dialect(str(rows[0].get("dialect") or "postgres"))
    tables: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        tables[str(row["table"])].append(row)
    names = {t.casefold(): t for t in tables}

    def q(name: str) -> str:
        return exp.to_identifier(name, quoted=True).sql(dialect=dialect)

    statements: list[str] = []
    guessed = 0
    for table, members in tables.items():
        lines: list[str] = []
        keys = [str(m["column"]) for m in members if m.get("primary_key")]
        for m in members:
            sql_type, kept = _sql_type(str(m.get("type") or "TEXT"), dialect)
            guessed += not kept
            line = f"  {q(str(m['column']))} {sql_type}"
            if m.get("comment") and dialect == "mysql":
                line += " COMMENT " + exp.Literal.string(str(m["comment"])).sql(dialect=dialect)
            lines.append(line)
        if keys:
            lines.append(f"  PRIMARY KEY ({', '.join(q(k) for k in keys)})")
        for m in members:
            ref = m.get("references")
            if isinstance(ref, str) and ref and not _is_implicit(m):
                target = names.get(ref.split("(")[0].strip().casefold()) or _referenced_table(ref)
                lines.append(f"  FOREIGN KEY ({q(str(m['column']))}) REFERENCES {q(target)}")
        statements.append(f"CREATE TABLE {q(table)} (\n" + ",\n".join(lines) + "\n);")
        if dialect != "mysql":
            for m in members:
                if m.get("comment"):
                    text = exp.Literal.string(str(m["comment"])).sql(dialect=dialect)
                    statements.append(f"COMMENT ON COLUMN {q(table)}.{q(str(m['column']))} IS {text};")
    out.mkdir(parents=True, exist_ok=True)
    (out / "schema.sql").write_text("\n\n".join(statements) + "\n", encoding="utf-8")
    print(f"{out / 'schema.sql'}: {len(tables)} tables, {len(rows)} columns ({dialect});"
          f" {guessed} types rewritten as SQL")


def score(labels: Path, policy_path: Path) -> None:
    rows = _rows(labels)
    index = PolicyIndex(load_policy(policy_path))
    tp = fp = fn = 0
    special = special_found = 0
    for row in rows:
        found = bool(index.data_for_column(f"{row['table']}.{row['column']}"))
        personal = bool(row["personal"])
        tp += found and personal
        fp += found and not personal
        fn += personal and not found
        if row.get("special"):
            special += 1
            special_found += found
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{policy_path}: precision {precision:.3f} recall {recall:.3f}"
          f" ({tp + fn} personal of {len(rows)}; {fp} false alarms, {fn} missed;"
          f" special found {special_found} of {special})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ddl = sub.add_parser("ddl")
    ddl.add_argument("labels", type=Path)
    ddl.add_argument("out", type=Path)
    sc = sub.add_parser("score")
    sc.add_argument("labels", type=Path)
    sc.add_argument("policies", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "ddl":
        write_ddl(args.labels, args.out)
    else:
        for policy in args.policies:
            score(args.labels, policy)


if __name__ == "__main__":
    main()
