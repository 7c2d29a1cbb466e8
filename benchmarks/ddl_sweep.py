"""Sweep cnsnt's DDL reader over real schema files and count what it reads and loses.

Run: `python benchmarks/ddl_sweep.py DIR [--out results.jsonl] [--limit N]`, where DIR
holds `.sql` files extracted from public repositories (never into this repository: no
third-party file is kept here). `--extract MIRROR` first fills DIR from a folder of bare
git snapshots (`MIRROR/<owner>+<name>/repo`, e.g. /work/.mirror): up to `--per-repo`
`.sql` files of each that say CREATE TABLE. Without DIR, or with a MIRROR that does not
exist, it says so and exits 0, so it is safe to run anywhere.

For each file the dialect is chosen the way `cnsnt init` chooses it (the first of
`DIALECTS` that reads the file's tables without skipping a statement) and the file is read
by `parse_ddl`, the reader `cnsnt audit` uses. It records tables, columns, primary keys,
foreign keys and the problems (CN001) reported, beside a rough independent count made
only here, as a cross-check: the `CREATE ... TABLE` and `REFERENCES` keywords found by
sqlglot's tokenizer. A file whose count of CREATE TABLE is above the tables read may
have lost tables silently.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from types import FrameType

from sqlglot.dialects.dialect import Dialect
from sqlglot.tokenizer_core import TokenType

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sql.ddl import parse_ddl
from cnsnt.sql.ddl_result import DDLResult, DDLTable
from cnsnt.starter.discover import DIALECTS

PER_FILE_SECONDS = 60


def choose(text: str) -> tuple[str | None, DDLResult | None]:
    """The dialect `cnsnt init` would pick for a file, and the reader's result with it."""
    best: tuple[str | None, DDLResult | None] = (None, None)
    for dialect in DIALECTS:
        try:
            result = parse_ddl(text, dialect)
        except Exception:  # noqa: BLE001 - a crash is what the sweep looks for
            continue
        skipped = sum(1 for p in result.problems if p.may_hold_schema)
        if result.tables and not skipped:
            return dialect, result
        if best[1] is None or len(result.tables) > len(best[1].tables):
            best = (dialect, result)
        if not skipped:
            break
    return best


def crude_counts(text: str, dialect: str | None) -> tuple[set[str], int]:
    """(tables named by CREATE TABLE, REFERENCES keywords) by tokenizing alone: a cross-check.

    Distinct names, without temporary tables (`#t`, `CREATE TEMPORARY TABLE`), which
    cnsnt rightly leaves out.
    """
    try:
        tokens = Dialect.get_or_raise(dialect).tokenize(text)
    except Exception:  # noqa: BLE001 - untokenizable: no cross-check
        return set(), -1
    names: set[str] = set()
    refs = 0
    for i, tok in enumerate(tokens):
        if tok.token_type == TokenType.CREATE:
            for j in range(i + 1, min(i + 6, len(tokens))):
                word = tokens[j].text.upper()
                if word in ("TEMPORARY", "TEMP"):
                    break
                if word == "TABLE":
                    k = j + 1
                    while k < len(tokens) and tokens[k].text.upper() in ("IF", "NOT", "EXISTS"):
                        k += 1
                    while k + 2 < len(tokens) and tokens[k + 1].token_type == TokenType.DOT:
                        k += 2
                    name = tokens[k].text if k < len(tokens) else ""
                    if name and not name.startswith("#"):
                        names.add(name.casefold())
                    break
                if word in ("VIEW", "INDEX", "FUNCTION", "PROCEDURE", "TRIGGER", "SEQUENCE"):
                    break
        elif tok.text.upper() == "REFERENCES" and tok.token_type != TokenType.IDENTIFIER:
            refs += 1
    return names, refs


def _pk_lost(text: str, table: DDLTable) -> bool:
    """A table with no key column whose CREATE text (up to `;` or the next CREATE) says PRIMARY."""
    if any(c.primary_key for c in table.columns):
        return False
    upper = text[table.offset : table.offset + 200_000].upper()
    ends = [i for i in (upper.find(";"), upper.find("CREATE", 6)) if i >= 0]
    return "PRIMARY KEY" in " ".join(upper[: min(ends) if ends else len(upper)].split())


def _prefixed(name: str, read: set[str]) -> bool:
    """Whether `name` is a read name behind a template prefix (`%TABLE_PREFIX%user`)."""
    return any(
        name.endswith(r) and not (name[-len(r) - 1].isalnum() or name[-len(r) - 1] == "_")
        for r in read
        if len(r) < len(name)
    )


def _timeout(_signum: int, _frame: FrameType | None) -> None:
    raise TimeoutError


def sweep(root: Path, limit: int) -> list[dict[str, object]]:
    """One record per `.sql` file below `root`."""
    rows: list[dict[str, object]] = []
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() == ".sql")
    signal.signal(signal.SIGALRM, _timeout)
    for path in files[:limit] if limit else files:
        try:
            text = read_text(path, path.name, limits=Limits())
        except SourceError as exc:
            rows.append({"file": path.relative_to(root).as_posix(), "unreadable": str(exc)})
            continue
        row: dict[str, object] = {"file": path.relative_to(root).as_posix()}
        start = time.process_time()
        signal.alarm(PER_FILE_SECONDS)
        try:
            dialect, result = choose(text)
        except TimeoutError:
            dialect, result = None, None
            row["timeout"] = True
        except Exception as exc:  # noqa: BLE001 - a crash is a finding
            dialect, result = None, None
            row["crash"] = f"{type(exc).__name__}: {exc}"[:200]
        finally:
            signal.alarm(0)
        row["cpu"] = round(time.process_time() - start, 2)
        row["dialect"] = dialect
        creates, refs = crude_counts(text, dialect)
        row["crude_tables"] = len(creates)
        row["crude_refs"] = refs
        if result is not None:
            tables = [t for t in result.tables if not t.is_view and not t.altered_only]
            row["tables"] = len(tables)
            row["views"] = sum(1 for t in result.tables if t.is_view)
            row["columns"] = sum(len(t.columns) for t in tables)
            row["pk_tables"] = sum(1 for t in tables if any(c.primary_key for c in t.columns))
            row["fks"] = sum(len(t.foreign_keys) for t in result.tables)
            row["empty_tables"] = sum(1 for t in tables if not t.columns)
            row["pk_lost"] = [t.name for t in tables if _pk_lost(text, t)]
            # a mysqldump stand-in table later replaced by its view is no loss
            read = {t.name.casefold() for t in result.tables}
            # a name read without its template prefix (`%TABLE_PREFIX%user` -> `user`) is no loss
            row["lost_tables"] = sorted(n for n in creates if n not in read and not _prefixed(n, read))
            row["errors"] = [p.message[:160] for p in result.problems if p.may_hold_schema]
            row["warnings"] = sum(1 for p in result.problems if not p.may_hold_schema)
        rows.append(row)
    return rows


def summary(rows: list[dict[str, object]]) -> dict[str, int]:
    """Totals over all files."""
    total: Counter[str] = Counter()
    for row in rows:
        total["files"] += 1
        if "tables" not in row:
            total["unread"] += 1
            continue
        for key in ("tables", "views", "columns", "pk_tables", "fks", "empty_tables", "warnings"):
            total[key] += int(row[key])  # type: ignore[call-overload]
        errors = row["errors"]
        assert isinstance(errors, list)
        pk_lost = row["pk_lost"]
        assert isinstance(pk_lost, list)
        total["pk_lost"] += len(pk_lost)
        lost = row["lost_tables"]
        assert isinstance(lost, list)
        total["lost_tables"] += len(lost)
        total["files_with_lost_tables"] += bool(lost)
        total["cn001_errors"] += len(errors)
        total["files_with_errors"] += bool(errors)
        total["files_no_table"] += row["tables"] == 0
        total["crude_tables"] += int(row["crude_tables"])  # type: ignore[call-overload]
        total["crude_refs"] += max(int(row["crude_refs"]), 0)  # type: ignore[call-overload]
    return dict(total)


def extract(mirror: Path, root: Path, per_repo: int) -> int:
    """Copy `.sql` files that say CREATE TABLE out of bare git snapshots; returns how many."""
    repo_root = Path(__file__).resolve().parent.parent
    if repo_root in (root.resolve(), *root.resolve().parents):
        raise SystemExit("ddl_sweep: extract outside the repository (third-party files are never kept in it)")
    copied = 0
    for git_dir in sorted(mirror.glob("*/repo")):
        name = git_dir.parent.name
        git = ["git", "-C", str(git_dir)]
        tree = subprocess.run([*git, "ls-tree", "-rl", "HEAD"], capture_output=True, text=True, check=False)
        listing = tree.stdout
        kept = 0
        for line in listing.splitlines():
            meta, _, path = line.partition("\t")
            size = meta.split()[3] if len(meta.split()) > 3 else "-"
            if kept >= per_repo or not path.lower().endswith(".sql") or not size.isdigit():
                continue
            if not 200 < int(size) < 3_000_000:
                continue
            data = subprocess.run([*git, "show", f"HEAD:{path}"], capture_output=True, check=False).stdout
            if b"create table" not in data.lower():
                continue
            target = root / name / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            kept += 1
            copied += 1
    return copied


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--extract", type=Path, metavar="MIRROR")
    parser.add_argument("--per-repo", type=int, default=25)
    args = parser.parse_args()
    if args.extract is not None:
        if not args.extract.is_dir() or args.root is None:
            print(f"ddl_sweep: no snapshots at {args.extract} (or no DIR to extract into); nothing to do")
            return
        copied = extract(args.extract, args.root, args.per_repo)
        print(f"ddl_sweep: {copied} files extracted", file=sys.stderr)
    if args.root is None or not args.root.is_dir():
        print("ddl_sweep: no directory of extracted .sql files given; nothing to do")
        return
    rows = sweep(args.root, args.limit)
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, sort_keys=True) + "\n")
    json.dump(summary(rows), sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
