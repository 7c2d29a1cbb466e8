"""How many `ignore:` items a whole review pass writes, with and without `--key-patterns` (fix31a).

Run: `python benchmarks/ignore_items.py [TABLES]` (default 120). It writes a schema of a
`members` table and TABLES tables about members, in two naming styles (`member_id`, and
`IdSocio` as an Italian schema writes keys), each with its keys, a date, a state and a note;
runs `cnsnt init`, answers both unsure lists and then the third list (`--beside-personal`)
each left as written (what a reviewer who agrees with cnsnt does), and prints the `ignore:`
items, the lines holding them and the policy's lines after the third list, without and with
`--key-patterns` (which puts a table's keys on one line: the same items, fewer lines).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cnsnt.policy.loader import load_policy  # noqa: E402


def schema(tables: int) -> str:
    """A members table and `tables` tables linked to it, half keyed `x_id`, half `IdX`."""
    out = [
        "CREATE TABLE members (id INTEGER PRIMARY KEY, email VARCHAR(200), full_name VARCHAR(100),"
        " plan_tier VARCHAR(20), created_at TIMESTAMP);",
        "CREATE TABLE rooms (id INTEGER PRIMARY KEY, label VARCHAR(40));",
        "CREATE TABLE Sede (IdSede INTEGER PRIMARY KEY, Nome VARCHAR(40));",
    ]
    for n in range(tables):
        if n % 2:
            out.append(
                f"CREATE TABLE Registro{n} (Id{n} INTEGER PRIMARY KEY, "
                "IdSocio INTEGER REFERENCES members(id), IdSede INTEGER REFERENCES Sede(IdSede), "
                "DataIscrizione DATE, Stato VARCHAR(10), Note TEXT);"
            )
        else:
            out.append(
                f"CREATE TABLE booking{n} (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members(id), "
                f"room_id INTEGER REFERENCES rooms(id), starts_at TIMESTAMP, seats INTEGER, notes TEXT);"
            )
    return "\n".join(out) + "\n"


def cnsnt(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "cnsnt", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"cnsnt {' '.join(args)}: {done.stderr}")
    return done.stdout


def pass_list(project: Path, name: str, *flags: str, extra: tuple[str, ...] = ()) -> None:
    """Write a list with explain-column, leave it as written, and apply it."""
    listed = cnsnt("explain-column", "*", str(project), "--undecided", *flags, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(listed)))
    (project / name).write_text(listed, encoding="utf-8")
    cnsnt("init", "--update", "--reviewed", str(project / name), str(project), *extra)
    print(f"  {name}: {len(rows)} rows", file=sys.stderr)


def ignore_lines(policy: Path) -> int:
    """The lines of `ignore:` holding an item (a table's keys share one with `--key-patterns`)."""
    text = policy.read_text(encoding="utf-8")
    block = text[text.index("\nignore:") :]
    listed = block.splitlines()[1:]
    return sum(1 for line in listed if line.strip() and not line.lstrip().startswith(("#", "]")))


def main() -> None:
    tables = int(sys.argv[1]) if len(sys.argv) > 1 else 120
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        (base / "db").mkdir(parents=True)
        (base / "db" / "schema.sql").write_text(schema(tables), encoding="utf-8")
        cnsnt("init", str(base))
        pass_list(base, "low-not.csv", "--verdict", "not-personal", "--confidence", "low")
        pass_list(base, "low-personal.csv", "--verdict", "personal", "--confidence", "low")
        before = ignore_lines(base / "cnsnt.yaml")
        print(f"{tables + 3} tables; ignore: lines after both unsure lists: {before}")
        for label, extra in (("as before", ()), ("--key-patterns", ("--key-patterns",))):
            project = Path(tmp) / label.strip("-")
            subprocess.run(["cp", "-r", str(base), str(project)], check=True)
            pass_list(project, "third.csv", "--verdict", "not-personal", "--beside-personal", extra=extra)
            policy = project / "cnsnt.yaml"
            lines = len(policy.read_text(encoding="utf-8").splitlines())
            held = ignore_lines(policy)
            items = len(load_policy(policy).ignore)
            said = f"ignore: items {items}, on {held} lines ({held - before:+})"
            print(f"{label}: {said}, policy lines {lines}")


if __name__ == "__main__":
    main()
