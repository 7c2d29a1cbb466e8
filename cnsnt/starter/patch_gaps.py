"""What the upgrade patches of a full schema add that the schema lacks, named in init's note.

Upgrade patches are left out because the full schema beside them holds their end state
(osTicket's `install-mysql.sql`, paheko's `migrations/1.3/schema.sql`). A patch may add a
column that schema lacks: dropped since, or the schema is older than the patch, or the
table is made elsewhere (paheko's `users`, created at run time). Left out without a word,
that column was never read (`ALTER TABLE members ADD COLUMN birth_date`), so the note
names each, for the user to check.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.sources.base import Limits, read_text
from cnsnt.sql.ddl_result import DDLTable
from cnsnt.sql.placeholders import TEXT_PLACEHOLDERS

#: Patches larger than this are not searched (what they add is named as any patch's).
_TEXT_LIMIT = 1024 * 1024
#: What `DROP` names in an `ALTER TABLE` clause when it drops no column.
_NOT_COLUMNS = frozenset({"CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "DEFAULT"})


def _name(word: str) -> str:
    """A written table or column name as the DDL reader keys it: unquoted, placeholders out, last part.

    The prefix placeholders the reader cuts (`%TABLE_PREFIX%`, `{#}`) and Joomla's `#__` go;
    Drupal's `{users}` braces go, their name stays.
    """
    for placeholder in TEXT_PLACEHOLDERS:
        word = word.replace(placeholder, "")
    bare = "".join(char for char in word if char not in "`\"[]{}")
    return bare.removeprefix("#__").rsplit(".", 1)[-1].casefold()


def _uncommented(text: str) -> str:
    """The text without its `--` and `#` line comments and `/* */` comments (strings are not told apart).

    Each opener's next place is looked for again only once the scan has passed it, so the
    text is scanned a bounded number of times whatever the number of comments.
    """
    out: list[str] = []
    i, n = 0, len(text)
    ahead = {"--": text.find("--"), "/*": text.find("/*"), "#": text.find("#")}
    while i < n:
        for opener, at in ahead.items():
            if 0 <= at < i:
                ahead[opener] = text.find(opener, i)
        found = [(at, opener) for opener, at in ahead.items() if at >= 0]
        if not found:
            out.append(text[i:])
            break
        at, opener = min(found)
        out.append(text[i:at])
        if opener == "#" and at > 0 and text[at - 1] not in "\n \t":
            out.append("#")  # `#__users`, `%#`: a name, not MySQL's comment
            i = at + 1
            continue
        if opener == "/*":
            end = text.find("*/", at + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        else:
            end = text.find("\n", at)
            i = n if end < 0 else end
    return "".join(out)


def _clauses(text: str) -> list[list[str]]:
    """A statement's comma-separated clauses at paren depth 0, each as its words."""
    clauses: list[list[str]] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if depth == 0 and char == ",":
            clauses.append("".join(current).split())
            current = []
        else:
            current.append(char if depth == 0 and char != ")" else " ")
    clauses.append("".join(current).split())
    return [c for c in clauses if c]


@dataclass
class _Removed:
    """Tables and (table, column) pairs the patches remove, case-folded.

    A TEMP table a patch makes to move rows (`CREATE TEMP TABLE recus_years`) is scratch,
    gone when the upgrade ends; a table dropped or renamed away (`DROP TABLE`, `RENAME
    TABLE a TO b`, `ALTER TABLE a RENAME TO b`) is gone, and so is a column dropped,
    renamed or changed into another (`DROP COLUMN`, `RENAME COLUMN`, MySQL's `CHANGE`).
    Read from the words of each statement, whatever the order of the patches.
    """

    tables: set[str] = field(default_factory=set)
    columns: set[tuple[str, str]] = field(default_factory=set)

    def read(self, path: Path) -> None:
        """Add what one patch removes."""
        try:
            text = read_text(path, path.name, limits=Limits(file_bytes=_TEXT_LIMIT))
        except (OSError, SourceError):
            return
        for statement in _uncommented(text).split(";"):
            clauses = _clauses(statement)
            if clauses:
                self._statement(clauses)

    def _statement(self, clauses: list[list[str]]) -> None:
        words = [w.upper() for w in clauses[0]]
        if words[:2] == ["DROP", "TABLE"]:
            first = clauses[0][4:] if words[2:4] == ["IF", "EXISTS"] else clauses[0][2:]
            self.tables.update(_name(c[0]) for c in [first, *clauses[1:]] if c)
        elif words[:2] == ["RENAME", "TABLE"]:
            self.tables.update(_name(c[0]) for c in [clauses[0][2:], *clauses[1:]] if c)
        elif words[:1] == ["CREATE"] and "TABLE" in words[1:4] and {"TEMP", "TEMPORARY"} & set(words[1:4]):
            rest = clauses[0][words.index("TABLE") + 1:]
            rest = rest[3:] if [w.upper() for w in rest[:3]] == ["IF", "NOT", "EXISTS"] else rest
            if rest:
                self.tables.add(_name(rest[0].split("(")[0]))
        elif words[:2] == ["ALTER", "TABLE"]:
            head = clauses[0][2:]
            while head and head[0].upper() in ("IF", "EXISTS", "ONLY", "IGNORE"):
                head = head[1:]
            if head:
                self._alter(_name(head[0]), [head[1:], *clauses[1:]])

    def _alter(self, table: str, clauses: list[list[str]]) -> None:
        for clause in clauses:
            words = [w.upper() for w in clause]
            if words[:1] == ["RENAME"] and words[1:2] in (["TO"], ["AS"]):
                self.tables.add(table)
                continue
            if words[:1] not in (["DROP"], ["RENAME"], ["CHANGE"]):
                continue
            rest = clause[1:]
            while rest and rest[0].upper() in ("COLUMN", "IF", "EXISTS"):
                rest = rest[1:]
            if rest and rest[0].upper() not in _NOT_COLUMNS:
                self.columns.add((table, _name(rest[0])))


def added_gaps(
    full: tuple[DDLTable, ...], patches: Iterable[tuple[Path, tuple[DDLTable, ...]]]
) -> list[tuple[str, Path]]:
    """(`table.column` or `table`, patch) for each column or table a patch adds that `full` lacks.

    `patches`: every left-out patch with its tables (none for one of data fixes or drops).

    A column of a table the full schema has, a table it does not create, or a column
    added to such a table (`users.otp_recovery_codes`, when `users` is made at run time).
    What a patch removes (a TEMP table, a table or column another patch drops or renames
    away) is the history, not named. The first patch that adds one names it.
    """
    columns: dict[str, set[str]] = {}
    for table in full:
        if not table.altered_only:
            columns.setdefault(table.name.casefold(), set()).update(c.name.casefold() for c in table.columns)
    # shown -> (patch, the table whose removal removes it, the column whose removal does)
    found: dict[str, tuple[Path, str, tuple[str, str] | None]] = {}
    read: list[Path] = []
    for path, tables in patches:
        read.append(path)
        for table in tables:
            if table.is_view:
                continue  # a view stores nothing of its own
            name = table.name.casefold()
            held = columns.get(name)
            if held is None and not table.altered_only:
                found.setdefault(table.name, (path, name, None))
                continue
            for column in table.columns:
                if held is None or column.name.casefold() not in held:
                    pair = (name, column.name.casefold())
                    found.setdefault(f"{table.name}.{column.name}", (path, name, pair))
    if not found:
        return []
    removed = _Removed()
    for path in read:
        removed.read(path)
    gaps = [
        (shown, path)
        for shown, (path, table, column) in found.items()
        if table not in removed.tables and column not in removed.columns
    ]
    return sorted(gaps, key=lambda item: item[0].casefold())


def gaps_sentence(gaps: list[tuple[str, Path]], full: Path, root: Path) -> str:
    """The end of an upgrade-patches note that names what they add and `full` lacks."""
    shown = [f"{name} ({path.relative_to(root).as_posix()})" for name, path in gaps[:5]]
    more = f" and {len(gaps) - 5} more" if len(gaps) > 5 else ""
    columns = sum(1 for name, _ in gaps if "." in name)
    tables = len(gaps) - columns
    what = " and ".join(
        f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((columns, "column"), (tables, "table")) if n
    )
    return (
        f"; they add {what} {full.relative_to(root).as_posix()} lacks, not read: {', '.join(shown)}{more}; "
        "check each: dropped since, made elsewhere (at run time), or the schema is older than the patch "
        "(then add the patch under sources:)"
    )
