"""MyBatis mapper XML (`format: mybatis`): the SQL of each `<select>`, `<insert>`, `<update>`, `<delete>`.

A MyBatis application writes its SQL in mapper files, one statement per element, with
dynamic parts MyBatis fills in at run time. Each statement is read as the SQL it can
run, every dynamic part's text kept, so that every column it may read counts:

- `#{email}` (a bound value) and `${column}` (text MyBatis pastes in) are parameters (`?`);
- `<if>`, each `<when>` and `<otherwise>` of a `<choose>` keep their text;
- `<where>` is `WHERE` and drops a leading `AND`/`OR`; `<set>` is `SET` and drops a
  trailing comma; `<trim>` adds its `prefix`/`suffix` and drops its overrides;
- `<foreach>` is one pass (`open`, the body, `close`);
- `<include refid="x"/>` is the `<sql id="x">` fragment of the file, or of another mapper
  in its folder (`refid="other.Mapper.x"`), its `<property name="alias" value="p"/>`s
  written for the fragment's `${alias}`;
- two branches that write a clause a statement has once (`<if>order by a desc</if>` and
  `<if>order by a asc</if>`) are alternatives: the first is read;
- `<bind>` and `<selectKey>` run no query of the statement.

The XML is parsed with the standard library's expat, which never fetches the DTD a
mapper names; a file that declares entities of its own is refused (a billion-laughs
file), as defusedxml refuses it. A statement is reported at its element's line and
column, named by the mapper's namespace and its `id`; an XML syntax error is CN001 at its
line and column, and the statements closed before it are still read. An XML comment
`<!-- cnsnt: purpose=NAME -->` just before a statement speaks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from cnsnt.errors import SourceError
from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.queries.common import (
    Gathered,
    attribution,
    note_problems,
    parse_directives,
    unknown_purpose_problems,
)
from cnsnt.sql.fingerprint import Fingerprinter

STATEMENTS = ("select", "insert", "update", "delete")
#: How deep elements may nest (real mappers: 5 levels), as `xml_tree` allows.
_MAX_DEPTH = 200
#: How deep `<include>`s may nest (a fragment including itself ends there), and how many
#: one statement may paste in all.
_INCLUDE_DEPTH = 8
_INCLUDES = 200


def is_mapper(head: str) -> bool:
    """Whether an XML file's first lines open a MyBatis mapper: its first element is `<mapper>`.

    Not any file that mentions one: a project's documentation shows mappers in its pages.
    """
    at = 0
    text = head.lstrip("\ufeff")
    while True:
        at = len(text) - len(text[at:].lstrip()) if at < len(text) else at
        if text.startswith("<?", at):
            end, skip = text.find("?>", at), 2
        elif text.startswith("<!--", at):
            end, skip = text.find("-->", at), 3
        elif text.startswith("<!", at):  # the DOCTYPE, with or without an internal subset
            bracket, close = text.find("[", at), text.find(">", at)
            end, skip = (text.find("]>", at), 2) if -1 < bracket < close else (close, 1)
        else:
            break
        if end == -1:
            return False
        at = end + skip
    rest = text[at + len("<mapper") : at + len("<mapper") + 1]
    return text.startswith("<mapper", at) and (rest == "" or rest in " \t\r\n>")


@dataclass
class Element:
    """An XML element with its place; children are elements, text, and comments (as `Comment`)."""

    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[Element | str | Comment] = field(default_factory=list)


@dataclass(frozen=True)
class Comment:
    """An XML comment and its line."""

    line: int
    text: str


class _EntityDeclared(Exception):
    """The file declares an entity of its own (refused, as defusedxml refuses it), or nests too deep."""

    def __init__(self, message: str, back: int = 0) -> None:
        super().__init__(message)
        self.back = back
        """How far before expat's place the reason starts (a reference expat has read past)."""


def parse_mapper(text: str) -> tuple[Element | None, list[Element], tuple[str, int, int] | None]:
    """The root element, the statement elements closed, and the syntax error (message, line, column)."""
    root: list[Element] = []
    stack: list[Element] = []
    closed: list[Element] = []
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def start(tag: str, attrs: dict[str, str]) -> None:
        if len(stack) > _MAX_DEPTH:
            raise _EntityDeclared("elements nested too deeply (more than 200 levels)")
        element = Element(tag, attrs, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        if stack:
            stack[-1].children.append(element)
        else:
            root.append(element)
        stack.append(element)

    def end(tag: str) -> None:
        element = stack.pop()
        if element.tag in STATEMENTS or element.tag == "sql":
            closed.append(element)

    def data(chunk: str) -> None:
        if stack:
            stack[-1].children.append(chunk)

    def comment(body: str) -> None:
        if stack:
            stack[-1].children.append(Comment(parser.CurrentLineNumber, body))

    def entity(*_: object) -> None:
        raise _EntityDeclared(
            "the file declares entities of its own, which cnsnt does not expand (a mapper needs none)"
        )

    def skipped(name: str, _: int) -> None:  # `&columns;` of a DTD expat does not read: not silently dropped
        raise _EntityDeclared(
            f"entity &{name}; is not defined in the file; cnsnt reads no external DTD (a mapper needs none)",
            back=len(name) + 2,
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.CommentHandler = comment
    parser.EntityDeclHandler = entity
    parser.SkippedEntityHandler = skipped
    error: tuple[str, int, int] | None = None
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        error = (f"XML syntax error ({expat.errors.messages.get(exc.code, 'cannot parse')})", exc.lineno,
                 exc.offset + 1)
    except _EntityDeclared as exc:
        error = (
            str(exc),
            parser.CurrentLineNumber,
            parser.CurrentColumnNumber + 1 - exc.back,
        )
    return (root[0] if root else None), closed, error


# --------------------------------------------------------------------------- a statement's SQL


class _Text:
    """A statement's SQL, with `<include>` fragments and the dynamic elements' text kept."""

    def __init__(
        self,
        fragments: dict[str, Element],
        namespace: str,
        elsewhere: Callable[[str], dict[str, Element] | None] = lambda _: None,
        limit: int = 1_000_000,
    ) -> None:
        self.fragments = fragments
        self.namespace = namespace
        self.properties: dict[str, str] = {}
        """The `<property>`s of the `<include>`s around: `${alias}` in a fragment is their value."""
        self.limit = limit
        self.pasted = 0
        self.oversize = False
        """Whether the fragments pasted passed `limit` characters (the statement size limit): ten
        includes of a 100 kB fragment are a megabyte, and so on for each statement."""
        self.elsewhere = elsewhere
        """The `<sql>` fragments of another mapper, by its namespace (None: no such mapper)."""
        self.missing: list[str] = []
        self.included = 0
        """Fragments pasted so far: a fragment that includes another several times, nested,
        would otherwise grow without end (ten includes eight deep are 10^8 pastes)."""
        self.place = ""
        """Where the text so far ends, by its last clause word: `select` (a select list), `list`
        (`ORDER BY`, `GROUP BY`, `SET`), `condition` (`WHERE`, `ON`, `HAVING`) or "". There a
        `<choose>`'s branches are columns or conditions, one after another, not one text."""

    def of(self, element: Element, depth: int = 0) -> str:
        out: list[str] = []
        clauses: set[str] = set()
        for child in element.children:
            if isinstance(child, str):
                out.append(_substitute(child, self.properties) if self.properties else child)
                self.place = _place(out[-1], self.place)
            elif isinstance(child, Element):
                text = self._dynamic(child, depth)
                clause = _clause(text) if child.tag in _BRANCHES else None
                if clause is not None and clause in clauses:
                    continue  # `<if>order by a desc</if><if>order by a asc</if>`: the first is read
                if clause is not None:
                    clauses.add(clause)
                out.append(" " + text + " ")
        return "".join(out)

    def _dynamic(self, element: Element, depth: int) -> str:
        tag = element.tag
        if tag in ("bind", "selectKey"):
            return ""
        if tag == "include":
            return self._include(element, depth)
        if tag == "choose" and self.place:
            return self._branches(element, depth)
        if tag in ("where", "set", "trim"):  # the clause its prefix writes, for a <choose> inside
            prefix = {"where": "WHERE", "set": "SET"}.get(tag, element.attrs.get("prefix", ""))
            self.place = _place(prefix, self.place)
        inner = self.of(element, depth)
        if tag == "where":
            return "WHERE " + _drop_prefix(inner, ("AND", "OR")) if inner.strip() else ""
        if tag == "set":
            return "SET " + _drop_suffix(inner, (",",)) if inner.strip() else ""
        if tag == "trim":
            if not inner.strip():
                return ""
            prefixes = _overrides(element.attrs.get("prefixOverrides"))
            suffixes = _overrides(element.attrs.get("suffixOverrides"))
            body = _drop_suffix(_drop_prefix(inner, prefixes), suffixes)
            return f"{element.attrs.get('prefix', '')} {body} {element.attrs.get('suffix', '')}"
        if tag == "foreach":
            return f"{element.attrs.get('open', '')}{inner}{element.attrs.get('close', '')}"
        return inner  # if, choose, when, otherwise: their text

    def _branches(self, choose: Element, depth: int) -> str:
        """A `<choose>` in a select list, `ORDER BY`, `SET` or `WHERE`: each branch read, as each may run.

        Written one after another, `<when>phone</when><otherwise>email</otherwise>` would be
        `phone email` (`email` an alias of `phone`, or no SQL at all): columns are joined by
        commas, conditions by `AND`. Branches that each write a whole clause (`ORDER BY a`)
        are alternatives: the first is read.
        """
        place = self.place
        branches: list[str] = []
        for branch in choose.children:
            if isinstance(branch, Element) and branch.tag in ("when", "otherwise"):
                self.place = place  # each branch starts where the choose does
                branches.append(self._dynamic(branch, depth + 1))
        self.place = place
        if any(_clause(b) is not None for b in branches):
            return " " + " ".join(_alternatives(branches)) + " "
        if place == "condition":
            kept = [b.strip() for b in branches if b.strip()]
            joined = kept[:1] + [k if _drop_prefix(k, ("AND", "OR")) != k else f"AND {k}" for k in kept[1:]]
            return " " + " ".join(joined) + " "
        kept = [b.strip().strip(",").strip() for b in branches]
        lead = "," if any(b.lstrip().startswith(",") for b in branches) else ""
        trail = "," if any(b.rstrip().endswith(",") for b in branches) else ""
        return lead + ", ".join(k for k in kept if k) + trail

    def _include(self, element: Element, depth: int) -> str:
        if self.oversize:
            return ""
        refid = _substitute(element.attrs.get("refid", ""), self.properties)
        local = refid.removeprefix(self.namespace + ".") if self.namespace else refid
        fragments, namespace = self.fragments, self.namespace
        fragment = fragments.get(local)
        if fragment is None and "." in refid:  # `other.Mapper.columns`: another mapper's fragment
            namespace, _, local = refid.rpartition(".")
            fragments = self.elsewhere(namespace) or {}
            fragment = fragments.get(local)
        if fragment is None or depth >= _INCLUDE_DEPTH or self.included >= _INCLUDES:
            self.missing.append(refid)
            return ""
        self.included += 1
        kept = self.fragments, self.namespace, self.properties
        properties = dict(self.properties)
        for item in element.children:  # `<property name="alias" value="p"/>`, read in the outer context
            if isinstance(item, Element) and item.tag == "property" and "name" in item.attrs:
                properties[item.attrs["name"]] = _substitute(item.attrs.get("value", ""), self.properties)
        # its own includes are its mapper's
        self.fragments, self.namespace, self.properties = fragments, namespace, properties
        try:
            text = self.of(fragment, depth + 1)
        finally:
            self.fragments, self.namespace, self.properties = kept
        self.pasted += len(text)
        if self.pasted > self.limit:
            self.oversize = True
            return ""
        return text


#: Clause words and where a text after them is: a select list, another list, a condition, neither.
_PLACES = {"SELECT": "select", "DISTINCT": "select", "FROM": "", "WHERE": "condition", "SET": "list",
           "VALUES": "", "INTO": "", "ORDER": "list", "GROUP": "list", "HAVING": "condition", "LIMIT": "",
           "JOIN": "", "ON": "condition", "UPDATE": "", "UNION": "", "AND": "condition",
           "OR": "condition"}  # fmt: skip


def _place(text: str, place: str) -> str:
    """Where a statement is after `text`, given where it was before (linear)."""
    for word in text.split():
        found = _PLACES.get(word.strip("(),;").upper())  # `IN (SELECT`
        if found is not None:
            place = found
    return place


def _alternatives(branches: list[str]) -> list[str]:
    """The branches without a second of one clause (`ORDER BY a`, `ORDER BY b`: the first is read)."""
    seen: set[str] = set()
    kept = []
    for branch in branches:
        clause = _clause(branch)
        if clause is not None and clause in seen:
            continue
        if clause is not None:
            seen.add(clause)
        kept.append(branch)
    return kept


#: Dynamic elements of which one or another runs; `_clause` says which clause each writes.
_BRANCHES = frozenset({"if", "when", "otherwise"})
#: Clauses a statement has once: two branches that write one are alternatives.
_CLAUSES = ("ORDER BY", "GROUP BY", "LIMIT", "OFFSET", "HAVING", "FETCH", "VALUES", "SELECT", "FROM")


def _clause(text: str) -> str | None:
    """The clause a branch's text opens with, when a statement has it once (`ORDER BY`, `LIMIT`)."""
    head = " ".join(text.split()[:2]).upper()
    return next((c for c in _CLAUSES if head == c or head.startswith(c + " ")), None)


def _overrides(spec: str | None) -> tuple[str, ...]:
    """`prefixOverrides="AND |OR "`: the words it drops."""
    return tuple(p.strip().upper() for p in (spec or "").split("|") if p.strip())


def _drop_prefix(text: str, words: tuple[str, ...]) -> str:
    """The text without a leading word of `words` (`AND`, `OR`), as MyBatis's `<where>` drops it."""
    stripped = text.lstrip()
    for word in words:
        head = stripped[: len(word)].upper()
        rest = stripped[len(word) :]
        if head == word and (not word[-1].isalpha() or not rest or not rest[0].isalnum()):
            return rest
    return text


def _drop_suffix(text: str, words: tuple[str, ...]) -> str:
    """The text without a trailing `words` item (`,`), as `<set>` drops it."""
    stripped = text.rstrip()
    for word in words:
        if stripped.upper().endswith(word):
            return stripped[: len(stripped) - len(word)]
    return text


def _substitute(text: str, properties: dict[str, str]) -> str:
    """`${alias}` as the `<include>`'s `<property>` says; other `${...}` stay (filled in at run time)."""
    out: list[str] = []
    at = 0
    while True:
        start = text.find("${", at)
        end = text.find("}", start) if start != -1 else -1
        if end == -1:
            break
        name = text[start + 2 : end]
        out.append(text[at:start])
        out.append(properties.get(name, text[start : end + 1]))
        at = end + 1
    out.append(text[at:])
    return "".join(out)


def parameters(text: str) -> str:
    """`#{email}` and `${column}` as `?`: the values (and pasted text) MyBatis fills in.

    Each marker's next place is looked for again only once passed: many `#{...}` and no
    `${` cost one scan, not one scan of the rest per parameter (linear).
    """
    out: list[str] = []
    at = 0
    hashed, dollar = text.find("#{"), text.find("${")
    while True:
        if -1 < hashed < at:
            hashed = text.find("#{", at)
        if -1 < dollar < at:
            dollar = text.find("${", at)
        starts = [s for s in (hashed, dollar) if s != -1]
        if not starts:
            break
        start = min(starts)
        end = text.find("}", start)
        if end == -1:
            break
        out.append(text[at:start])
        out.append("?")
        at = end + 1
    out.append(text[at:])
    return "".join(out)


# --------------------------------------------------------------------------- the reader


def read_mybatis(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """The statements of one mapper file, grouped by shape and attribution."""
    gathered = Gathered()
    text = read_text(path, shown, limits=ctx.limits)
    root, closed, error = parse_mapper(text)
    if error is not None:
        message, line, column = error
        gathered.problems.append(
            SourceProblem(
                f"{message}: statements from here on are not audited",
                Location(shown, line, column),
                shown,
            )
        )
    if root is None:
        return gathered
    if root.tag != "mapper":
        raise SourceError(
            f"not a MyBatis mapper (its root element is <{root.tag}>, not <mapper>); "
            "name another format for it or leave it out",
            Location(shown, root.line, root.column),
        )
    namespace = root.attrs.get("namespace", "")
    fragments = {e.attrs["id"]: e for e in closed if e.tag == "sql" and "id" in e.attrs}
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect)
    elsewhere = _Elsewhere(path, ctx)
    for element, comments in _statements(root, {id(e) for e in closed}):
        ctx.check_time("reading MyBatis statements")
        name = f"{namespace}.{element.attrs.get('id', '?')}" if namespace else element.attrs.get("id", "?")
        reader = _Text(fragments, namespace, elsewhere.fragments, ctx.limits.statement_bytes)
        sql = " ".join(parameters(reader.of(element)).split())
        if reader.oversize or len(sql) > reader.limit:
            gathered.statements += 1
            gathered.problems.append(_oversize(element, name, reader.limit, shown))
            continue
        for refid in reader.missing:
            gathered.problems.append(
                SourceProblem(
                    f"<{element.tag}> {name}: <include refid=\"{refid}\"/> names no <sql> fragment of "
                    "this file (or includes past 8 levels, 200 fragments); the statement is read without it",
                    Location(shown, element.line, element.column),
                    shown,
                    severity=Severity.WARNING,
                )
            )
        gathered.counts["mapper_statements"] = gathered.counts.get("mapper_statements", 0) + 1
        if not sql:
            gathered.problems.append(
                SourceProblem(
                    f"<{element.tag}> {name} has no SQL text; nothing is audited",
                    Location(shown, element.line, element.column),
                    shown,
                    severity=Severity.WARNING,
                )
            )
            continue
        annotation, notes = parse_directives(comments)
        gathered.problems.extend(note_problems(notes, shown))
        if annotation.purposes:
            gathered.problems.extend(unknown_purpose_problems(annotation.purposes, attr, shown, element.line))
        key = attr.key(fp.fingerprint_text(sql), annotation)
        gathered.add(key, element.line, element.column, sql, name=name)
    return gathered


def annotation_sql(text: str, namespace: str, limit: int) -> tuple[str | None, str | None, list[str]]:
    """The SQL of a MyBatis annotation's text (`@Select`), as its mapper XML statement would be read.

    A `<script>...</script>` text is dynamic SQL, read as a statement element is; any other
    is SQL as written. (SQL, or None and why not; the `<include>`s it could not paste.)
    """
    stripped = text.strip()
    if not stripped.startswith("<script>"):
        return " ".join(parameters(stripped).split()), None, []
    root, _, error = parse_mapper(stripped)
    if error is not None or root is None:
        message, line, column = error or ("an empty <script>", 1, 1)
        return None, f"{message} at line {line}, column {column} of its <script>", []
    reader = _Text({}, namespace, limit=limit)
    sql = " ".join(parameters(reader.of(root)).split())
    if reader.oversize or len(sql) > limit:
        too_long = "its <script> with the fragments it includes is over the statement size limit"
        return None, f"{too_long} ({limit:,} characters)", []
    return sql, None, reader.missing


def _oversize(element: Element, name: str, limit: int, shown: str) -> SourceProblem:
    """A statement over `--max-statement-size` once its fragments are pasted: said, not parsed."""
    return SourceProblem(
        f"<{element.tag}> {name}: its text with the fragments it includes is over the statement size "
        f"limit ({limit:,} characters): not parsed (raise it with --max-statement-size)",
        Location(shown, element.line, element.column),
        shown,
    )


#: How many mapper files beside one are read for the fragments it includes from them.
_BESIDE = 500


class _Elsewhere:
    """The `<sql>` fragments of the other mappers in a mapper's folder, by namespace, read when asked.

    `<include refid="other.Mapper.columns"/>` pastes another mapper's fragment; mappers of
    one application usually share a folder. Read once per folder and audit (the audit's memo).
    """

    def __init__(self, path: Path, ctx: SourceContext) -> None:
        self.path = path
        self.ctx = ctx

    def fragments(self, namespace: str) -> dict[str, Element] | None:
        key = f"mybatis:fragments:{self.path.parent.resolve()}"
        known = self.ctx.memo.get(key)
        if not isinstance(known, dict):
            known = self._read()
            self.ctx.memo[key] = known
        found = known.get(namespace)
        return found if isinstance(found, dict) else None

    def _read(self) -> dict[str, dict[str, Element]]:
        out: dict[str, dict[str, Element]] = {}
        try:
            beside = sorted(p for p in self.path.parent.iterdir() if p.suffix.lower() == ".xml")
        except OSError:
            return out
        for other in [p for p in beside if p.is_file()][:_BESIDE]:
            try:
                text = read_text(other, self.ctx.shown(other), limits=self.ctx.limits)
            except (SourceError, OSError):
                continue  # read as a source, it says why; here it only lacks its fragments
            if not is_mapper(text[:65536]):
                continue
            root, closed, _ = parse_mapper(text)
            if root is not None and root.attrs.get("namespace"):
                fragments = {e.attrs["id"]: e for e in closed if e.tag == "sql" and "id" in e.attrs}
                out[root.attrs["namespace"]] = fragments
        return out


def _statements(root: Element, closed: set[int]) -> Iterator[tuple[Element, list[tuple[int, str]]]]:
    """The mapper's closed statements, each with the comments just before it."""
    comments: list[tuple[int, str]] = []
    for child in root.children:
        if isinstance(child, Comment):
            comments.append((child.line, child.text))
        elif isinstance(child, Element):
            if child.tag in STATEMENTS and id(child) in closed:
                yield child, comments
            comments = []


__all__ = ["annotation_sql", "is_mapper", "parse_mapper", "parameters", "read_mybatis"]
