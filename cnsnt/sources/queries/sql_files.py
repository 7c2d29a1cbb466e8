"""`.sql` query files (format `sql`): many `;`-separated statements, with annotations.

The file is read in chunks and split lexically, so a large `;`-separated log
works too. A `-- cnsnt: purpose=NAME` comment applies to the statement after
it, or to the whole file when it is the file's first comment; `-- cnsnt:
ignore CODE reason` suppresses one rule on the next statement.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.common import (
    Annotation,
    Gathered,
    attribution,
    note_problems,
    parse_directives,
    unknown_purpose_problems,
)
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.statements import split_statements

_CHUNK = 1 << 20


def _chunks(path: Path, shown: str) -> Iterator[str]:
    """Decoded chunks: UTF-8 (BOM dropped), UTF-16 with BOM, else Windows-1252."""
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16"
        elif head.startswith(b"\xef\xbb\xbf"):
            encoding, head = "utf-8", head[3:]
        else:
            encoding = "utf-8"
        if b"\x00" in head and encoding == "utf-8":
            raise SourceError("binary file, not text", Location(shown))
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        fallback = codecs.getincrementaldecoder("cp1252")(errors="replace")
        use_fallback = False
        data = head
        while True:
            block = fh.read(_CHUNK)
            final = not block
            data += block
            if use_fallback:
                text = fallback.decode(data, final)
            else:
                try:
                    text = decoder.decode(data, final)
                except UnicodeDecodeError:
                    use_fallback = True
                    text = fallback.decode(data, final)
            data = b""
            if text:
                yield text
            if final:
                return


def read_sql_file(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """Statements of one `.sql` file, grouped by shape and attribution."""
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect)
    gathered = Gathered()
    file_purposes: tuple[str, ...] = ()
    first_statement = True
    for stmt in split_statements(_chunks(path, shown), dialect):
        leading = [(c.line, c.text) for c in stmt.leading]
        if first_statement:
            # Only a comment before the first statement can speak for the whole file.
            first_statement = False
            if stmt.leading:
                head, head_notes = parse_directives(leading[:1])
                if head.purposes and not head.ignores:
                    file_purposes = head.purposes
                    gathered.problems.extend(note_problems(head_notes, shown))
                    gathered.problems.extend(
                        unknown_purpose_problems(head.purposes, attr, shown, leading[0][0])
                    )
                    leading = leading[1:]
        if stmt.meta_command:
            gathered.problems.append(
                SourceProblem(f"psql meta-command skipped: {stmt.text[:60]}",
                              Location(shown, stmt.line), shown, severity=Severity.WARNING)
            )
            continue
        annotation, notes = parse_directives(leading + [(c.line, c.text) for c in stmt.inner])
        gathered.problems.extend(note_problems(notes, shown))
        if annotation.purposes:
            gathered.problems.extend(
                unknown_purpose_problems(annotation.purposes, attr, shown, stmt.line)
            )
        key = attr.key(fp.fingerprint_text(stmt.text), annotation, file_purposes)
        gathered.add(key, stmt.line, stmt.column, stmt.text)
    return gathered


__all__ = ["Annotation", "read_sql_file"]
