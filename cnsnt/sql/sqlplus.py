"""SQL*Plus client commands: one list and one reading for query files and schema files.

SQL*Plus scripts (Oracle installs, SQL Developer and APEX exports) mix SQL with commands
to the client, each on a line of its own with no `;` needed. The statement splitter of
query files and the line scanner of schema files both ask `sqlplus_line`, so a line is
treated the same way whichever kind of source it is in. (Query files ask only in Oracle
files, which is what `cnsnt init` makes of an evident SQL*Plus script; schema files are
often read without a dialect, so there the commands no SQL dialect has count anywhere.)

- a *setting* (`SET DEFINE OFF`, `PROMPT`, `SPOOL`, `WHENEVER`, `EXIT`/`QUIT`, `DEFINE`,
  `COLUMN`/`TTITLE` formatting, `CONNECT`) tells the client how to run or show the script.
  It holds no table, no column and no data, so it is no finding: reporting it only taught
  users to waive CN001. `CONNECT user/password@db` is one of them, so its text (with the
  password) is never quoted; `cnsnt.redact` also masks such logons in any message;
- `REM`/`REMARK` is a comment (query files keep it, as annotations may live there);
- an *include* (`@file`, `@@file`, `START file`) runs another script at this point: the
  tables it creates are audited only if that script is a source too, so it is one info
  finding naming the script (nothing here was lost; the user may have to add a source),
  which `collect` drops when that script is read as a source of the same audit;
- a command that *runs* something cnsnt does not read (`EXEC` a PL/SQL call, `HOST` an OS
  command, `COPY` between databases, which can create a table, `XQUERY`) is a warning: it
  may create tables or move data out of sight. Its text is not quoted either (arguments
  may hold personal values, `COPY` holds logons).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from cnsnt.sql.ddl_text import keywords, shorten


class SqlPlusKind(StrEnum):
    """What a SQL*Plus command line means for an audit."""

    REMARK = "remark"
    SETTING = "setting"
    INCLUDE = "include"
    RUNS = "runs"


#: Commands that only set up or show the session (SQL*Plus Command Reference, with the
#: abbreviations scripts use).
_SETTINGS = keywords(
    """ACC ACCEPT ARCHIVE ATTRIBUTE BRE BREAK BTI BTITLE CL CLEAR COL COLUMN COMP COMPUTE
    CONN CONNECT DEF DEFINE DEL DESC DESCRIBE DISC DISCONNECT EXIT PASSW PASSWORD PAU PAUSE
    PRI PRINT PRO PROMPT QUIT RECOVER REPF REPFOOTER REPH REPHEADER SET SHO SHOW SHUTDOWN
    SPO SPOOL STARTUP STORE TIMI TIMING TTI TTITLE UNDEF UNDEFINE VAR VARIABLE WHENEVER"""
)
#: Commands that run another script.
_INCLUDES = keywords("STA START")
#: Commands that run code or move data that cnsnt does not read, with what they run.
_RUNS = {
    "EXEC": "a PL/SQL call",
    "EXECUTE": "a PL/SQL call",
    "HO": "an operating-system command",
    "HOST": "an operating-system command",
    "COPY": "a copy between databases, which may create a table",
    "XQUERY": "an XQuery",
}
_REMARKS = keywords("REM REMARK")
#: Commands no SQL dialect starts a statement with: SQL*Plus in any dialect. The others
#: (`SET`, `SHOW`, `DESCRIBE`, `EXEC`, `COPY`, `CONNECT`...) are SQL in some dialect, so
#: they count only in Oracle files.
_ANYWHERE = keywords("ACCEPT BTITLE PAU PAUSE PRO PROMPT REPFOOTER REPHEADER SPO SPOOL TTI TTITLE WHENEVER")
#: `SET` words that make an SQL statement, not a SQL*Plus setting.
_SQL_SET = keywords("TRANSACTION ROLE CONSTRAINT CONSTRAINTS")
#: `SET` options only SQL*Plus has (`SET NAMES` and `SET client_encoding` are SQL
#: elsewhere, `SET DEFINE OFF` is not): a SQL*Plus setting in any dialect.
#: Not `TIME` or `AUTOCOMMIT`: `SET TIME ZONE`, `SET autocommit = 0` are SQL elsewhere.
_SQLPLUS_SET = keywords(
    """ARRAYSIZE ARRAY AUTOTRACE AUTOT BLOCKTERMINATOR CMDSEP COLSEP CONCAT COPYCOMMIT
    DEFINE ECHO EMBEDDED ESCAPE ESC FEEDBACK FEED HEADING HEA HEADSEP LINESIZE LIN LONG
    MARKUP NEWPAGE NUMFORMAT NUMWIDTH NUMW PAGESIZE PAGES RECSEP SCAN SERVEROUTPUT SERVEROUT
    SHOWMODE SQLBLANKLINES SQLBL SQLCASE SQLPROMPT SQLTERMINATOR TAB TERMOUT TERM TIMING
    TRIMOUT TRIMSPOOL TRIMS UNDERLINE VERIFY VER WRAP"""
)
#: Words that may start a SQL*Plus command: the splitter asks `sqlplus_line` only then.
FIRST_WORDS = _SETTINGS | _INCLUDES | frozenset(_RUNS) | _REMARKS


@dataclass(frozen=True)
class SqlPlusLine:
    """One SQL*Plus command line, read."""

    kind: SqlPlusKind
    command: str
    """The command as written, upper-cased (`SET`, `@@`, `START`, `EXEC`)."""
    target: str = ""
    """The script an include runs, as written (`hr_cre`, `scripts/people.sql`)."""

    def message(self) -> str | None:
        """The finding's text, or None when the line is no finding (settings, remarks).

        Never quotes more than the command and an included script's name: the rest may
        hold a password (`CONNECT`, `COPY`) or personal values (`EXEC` arguments).
        """
        if self.kind is SqlPlusKind.INCLUDE:
            # the script's name only: its arguments are often a password (`@hr_main hrpw`)
            script = self.target.split(None, 1)[0] if self.target.strip() else ""
            return (
                f"SQL*Plus {self.command}{'' if self.command.startswith('@') else ' '}"
                f"{shorten(script)} runs another script here: its tables and "
                "statements are audited only if that script is a source too"
            )
        if self.kind is SqlPlusKind.RUNS:
            return (
                f"SQL*Plus {self.command} skipped: it runs {_RUNS[self.command]}, which cnsnt does not read"
            )
        return None

    def script_names(self) -> tuple[str, ...]:
        """The file names an include may run: as written, and with SQL*Plus's default `.sql`.

        SQL*Plus looks for `@name` in the working directory (or SQLPATH) and for `@@name`
        beside the calling script; a name without an extension gets `.sql`.
        """
        if self.kind is not SqlPlusKind.INCLUDE or not self.target:
            return ()
        # `@@Table\people.sql`: scripts written on Windows name folders with `\`
        name = self.target.split()[0].strip("'\"").replace("\\", "/")
        if not name:
            return ()
        has_suffix = "." in name.rsplit("/", 1)[-1]
        return (name,) if has_suffix else (name, f"{name}.sql")


def script_paths(names: tuple[str, ...], calling: Path, base_dir: Path) -> tuple[Path, ...]:
    """Where the script an include names may be, resolved (`collect` compares them).

    Beside the calling script (`@@`, and `@` run from its folder) or below the policy's
    folder (`@` run from the project root). `collect` compares them ignoring case too, as
    Windows, where many such scripts were written, does.
    """
    found: list[Path] = []
    for folder in (calling.parent, base_dir):
        for name in names:
            try:
                found.append((folder / name).resolve())
            except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
                continue
    return tuple(dict.fromkeys(found))


def sqlplus_line(line: str, *, oracle: bool) -> SqlPlusLine | None:
    """The SQL*Plus command a line that starts a statement is, or None for SQL.

    In an Oracle file every SQL*Plus command counts; elsewhere only those no SQL dialect
    has (`PROMPT`, `SPOOL`, `SET DEFINE OFF`, `REM`), so `SET NAMES utf8` or MySQL's
    `SHOW TABLES` stay SQL. `@script` counts in Oracle files only: read in another
    dialect, it is what makes `cnsnt init` choose `oracle` for the script.
    """
    words = line.split(None, 2)
    if not words:
        return None
    first = words[0].upper().rstrip(";")
    second = words[1].upper().rstrip(";") if len(words) > 1 else ""
    if first in _REMARKS:
        return SqlPlusLine(SqlPlusKind.REMARK, first)
    if first.startswith("@"):
        if not oracle:
            return None  # (read as another dialect's SQL, an Oracle script tells itself apart)
        command = "@@" if first.startswith("@@") else "@"
        target = line.strip()[len(command) :].strip().rstrip(";").strip()
        return SqlPlusLine(SqlPlusKind.INCLUDE, command, target)
    if first == "SET":
        if second in _SQL_SET:
            return None
        if oracle or second in _SQLPLUS_SET:
            return SqlPlusLine(SqlPlusKind.SETTING, first)
        return None
    if not oracle and first not in _ANYWHERE:
        return None
    if first in _SETTINGS:
        return SqlPlusLine(SqlPlusKind.SETTING, first)
    if first in _INCLUDES and second:
        target = line.split(None, 1)[1].strip().rstrip(";").strip()
        return SqlPlusLine(SqlPlusKind.INCLUDE, first, target)
    if first in _RUNS:
        return SqlPlusLine(SqlPlusKind.RUNS, first)
    return None


#: Commands that show a file is a SQL*Plus script (no other dialect has them).
_EVIDENT = keywords("PROMPT SPOOL WHENEVER")


def evident_sqlplus(line: str) -> bool:
    """Whether a command line shows its file is a SQL*Plus script, whatever the dialect.

    `PROMPT`, `SPOOL`, `WHENEVER`, `@script` and SQL*Plus-only `SET` options do;
    `SET NAMES` or `SHOW` do not (they are SQL elsewhere).
    """
    words = [w.upper().rstrip(";") for w in line.split(None, 2)]
    if not words:
        return False
    if words[0] in _EVIDENT or words[0].startswith("@"):
        return True
    return words[0] == "SET" and len(words) > 1 and words[1] in _SQLPLUS_SET
