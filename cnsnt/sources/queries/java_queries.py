"""Queries written in Java (`format: java`): Spring Data's `@Query`, JPA's `@NamedQuery`.

A Spring application's queries live in annotations, not in `.sql` files:

- `@Query("SELECT c FROM Customer c WHERE c.email = :email")` on a repository method is
  JPQL (HQL), read through the JPA entities the schemas gave (`cnsnt.sql.jpql`): entity to
  table, field to column, as `@Table`, `@Column(name)` and the naming strategy say;
- `@Query(value = "SELECT ...", nativeQuery = true)` is SQL, read as a `.sql` statement
  is (its `countQuery` too);
- `@NamedQuery(name, query)` and `@NamedNativeQuery(name, query)` on an entity (or in
  `@NamedQueries({...})`) are JPQL and SQL.
- MyBatis's `@Select`/`@Insert`/`@Update`/`@Delete` on a mapper interface (a file that
  imports `org.apache.ibatis.annotations`) are SQL, a `<script>` read as the mapper XML's
  dynamic SQL is (`cnsnt.sources.queries.mybatis`).

The text may be a string, a text block (`\"\"\"`), literals joined by `+` or a constant of
the file. The file is parsed with tree-sitter's Java grammar, never compiled; each query
is reported at its text's line and column, named by its repository method
(`CustomerRepository.findByEmail`) or its name. A query whose text cnsnt cannot read, or
whose entities or fields no entity read maps, is a CN001 warning at its place, and the
rest of the file is read. A `// cnsnt: purpose=NAME` (or `ignore CODE reason`) comment
just before the method (or the entity) speaks for its queries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext, read_text
from cnsnt.sources.queries.common import (
    Attribution,
    Gathered,
    attribution,
    note_problems,
    parse_directives,
    unknown_purpose_problems,
)
from cnsnt.sources.queries.derived_methods import derived_methods
from cnsnt.sources.queries.mybatis import annotation_sql
from cnsnt.sources.schemas.grammars import (
    JvmNames,
    SourceFile,
    java_string,
    java_unescape,
    jvm_names,
    parse_bounded,
    parser,
    syntax_problem,
)
from cnsnt.sql.fingerprint import Fingerprinter
from cnsnt.sql.jpql import JPA_AMBIGUOUS, JPA_ENTITIES, Entity, FileEntities, spring_parameters, to_sql

Node = Any  # tree_sitter.Node

#: The annotations that hold a query, and whether their text is SQL (else JPQL).
QUERY_ANNOTATIONS = {"Query": None, "NamedQuery": False, "NamedNativeQuery": True}
#: What a Java file with queries shows (a quick look before parsing it).
MARKERS = ("@Query", "@NamedQuery", "@NamedNativeQuery", "@NamedQueries", "@NamedNativeQueries")
#: MyBatis's statement annotations on a mapper interface's methods, read when the file imports
#: them (Spring Data MongoDB's `@Update`, Room's `@Insert` are no SQL).
MYBATIS_ANNOTATIONS = ("Select", "Insert", "Update", "Delete")
#: MyBatis's SQL providers (`@SelectProvider(type = ..., method = ...)`): SQL built by Java code.
MYBATIS_PROVIDERS = tuple(f"{a}Provider" for a in MYBATIS_ANNOTATIONS)
_MYBATIS_PACKAGE = "org.apache.ibatis.annotations"
#: The declarations whose name a query's owner is.
_TYPES = ("class_declaration", "interface_declaration", "record_declaration", "enum_declaration")
#: A Spring Data repository's type arguments, a space before them or not (`JpaRepository <User, Long>`).
_REPOSITORY = re.compile(r"Repository\s*<")
#: How deep the walk looks for annotations (real files nest a few levels).
_DEPTH = 200


def has_queries(text: str) -> bool:
    """Whether a Java (or Kotlin) file may hold queries in annotations (MyBatis's when it imports them)."""
    # a Spring Data repository's derived queries, or annotated ones
    if any(m in text for m in MARKERS) or _REPOSITORY.search(text):
        return True
    return _MYBATIS_PACKAGE in text and any(f"@{a}" in text for a in MYBATIS_ANNOTATIONS)


@dataclass(frozen=True)
class JavaQuery:
    """One query text found in an annotation."""

    owner: str
    """`CustomerRepository.findByEmail`, or a named query's name."""
    text: str
    native: bool
    node: Node
    comments: tuple[tuple[int, str], ...] = ()
    """The comments just before the method or class, with their lines (`cnsnt:` annotations)."""
    spring: bool = True
    """Spring Data's or JPA's text (`?1`, `{h-schema}`); False for MyBatis's SQL, read already."""
    derived: bool = False
    """JPQL derived from a repository method's name (`findByEmail`), not written."""


def read_java_queries(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """The queries of one Java file's annotations, grouped by shape and attribution."""
    gathered = Gathered()
    text = read_text(path, shown, limits=ctx.limits)
    if not has_queries(text):
        return gathered
    file = SourceFile(text.encode("utf-8"), shown)
    tree = parse_bounded(parser("java", "Spring Data queries"), file.source, shown)
    broken = syntax_problem(tree, file, "Java", "queries")
    if broken is not None:
        gathered.problems.append(broken)
    limit = ctx.limits.statement_bytes
    constants = _constants(tree.root_node, file, limit)
    names = jvm_names(tree.root_node, file)
    mybatis = names if imports_mybatis(names) else None
    problems = gathered.problems
    annotated = partial(_queries, tree.root_node, file, constants, problems, limit=limit, mybatis=mybatis)
    gather_queries(gathered, annotated, tree.root_node, file, names, spec, ctx, dialect, kotlin=False)
    return gathered


def imports_mybatis(names: JvmNames) -> bool:
    """Whether the file imports MyBatis's annotations (Spring Data MongoDB has an `@Update` too)."""
    return any(i.startswith(_MYBATIS_PACKAGE) for i in names.imports)


def gather_queries(
    gathered: Gathered,
    annotated: Callable[..., Iterator[JavaQuery]],
    root: Node,
    file: SourceFile,
    names: JvmNames,
    spec: SourceSpec,
    ctx: SourceContext,
    dialect: str | None,
    *,
    kotlin: bool,
) -> None:
    """Audit a parsed Java or Kotlin file's queries, one step for both languages.

    Its annotated queries (`annotated(store=...)`), then its repositories' derived ones, each
    mapped and counted by `add_query`, so a Kotlin file is audited as its Java twin is.
    """
    entities = file_entities(ctx.memo, names)
    attr = attribution(spec, ctx)
    fp = Fingerprinter(dialect)
    store = query_store(names)
    step = f"reading {'Kotlin' if kotlin else 'Java'} queries"
    for found in annotated(store=store):
        ctx.check_time(step)
        add_query(gathered, found, file, entities, attr, fp)
    kind = store_name(names, store)  # another store's repositories are said in a note
    for method in derived_methods(root, file, entities, gathered.problems, kotlin=kotlin, store=kind):
        ctx.check_time(step)
        query = JavaQuery(method.owner, method.jpql, False, method.node, method.comments, derived=True)
        add_query(gathered, query, file, entities, attr, fp)


def file_entities(memo: Mapping[str, object], names: JvmNames) -> Mapping[str, Entity]:
    """The entities a file's JPQL names, as `FileEntities` when two entities share a name.

    That name is the one the file imports, or its own package's (`JvmNames.pick`); else the
    query naming it says so.
    """
    entities: Mapping[str, Entity] = memo.get(JPA_ENTITIES) or {}  # type: ignore[assignment]
    shared: Mapping[str, frozenset[str]] = memo.get(JPA_AMBIGUOUS) or {}  # type: ignore[assignment]
    return FileEntities(entities, shared, names.pick) if shared else entities


def add_query(
    gathered: Gathered,
    found: JavaQuery,
    file: SourceFile,
    entities: Mapping[str, Entity],
    attr: Attribution,
    fp: Fingerprinter,
) -> None:
    """One query: JPQL mapped to SQL (or said unmapped), then counted as a statement."""
    line, column = file.place(found.node)
    kind = "native query" if found.native else "derived query" if found.derived else "JPQL query"
    counted = "java_queries" if found.spring else "mapper_statements"
    gathered.counts[counted] = gathered.counts.get(counted, 0) + 1
    text = _hibernate_placeholders(found.text) if found.spring else found.text
    if found.native:
        sql = spring_parameters(text) if found.spring else text
    else:
        mapped = to_sql(text, entities)
        if mapped.sql is None:
            gathered.counts["unmapped_queries"] = gathered.counts.get("unmapped_queries", 0) + 1
            gathered.statements += 1
            gathered.problems.append(
                SourceProblem(
                    f"{kind} of {found.owner}: {mapped.problem}; it is not audited",
                    Location(file.shown, line, column),
                    file.shown,
                    severity=Severity.WARNING,
                )
            )
            return
        sql = mapped.sql
    annotation, notes = parse_directives(found.comments)
    gathered.problems.extend(note_problems(notes, file.shown))
    if annotation.purposes:
        gathered.problems.extend(unknown_purpose_problems(annotation.purposes, attr, file.shown, line))
    key = attr.key(fp.fingerprint_text(sql), annotation)
    gathered.add(key, line, column, sql, shown_text=found.text, name=found.owner)


#: Hibernate's placeholders for the default schema and catalog (`{h-schema}PERSON`): replaced
#: by `schema.` or nothing, as the configuration says; the table is the same.
_HIBERNATE_PLACEHOLDERS = ("{h-schema}", "{h-catalog}", "{h-domain}")


def _hibernate_placeholders(text: str) -> str:
    """The query without Hibernate's schema placeholders (fixed words, not SQL)."""
    for placeholder in _HIBERNATE_PLACEHOLDERS:
        text = text.replace(placeholder, "")
    return text


# --------------------------------------------------------------------------- the syntax tree


def _queries(
    root: Node,
    file: SourceFile,
    constants: dict[str, object],
    problems: list[SourceProblem],
    store: str = "jpa",
    limit: int = 1_000_000,
    mybatis: JvmNames | None = None,
) -> Iterator[JavaQuery]:
    """Every query annotation of the tree, in file order (nested ones: `@NamedQueries({...})`).

    `mybatis`: the file's names when it imports MyBatis's annotations (`@Select` is theirs).
    """
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node.type in ("annotation", "marker_annotation"):
            name = node.child_by_field_name("name")
            written = file.text(name) if name is not None else ""
            simple = written.rsplit(".", 1)[-1]
            if simple in QUERY_ANNOTATIONS:
                yield from _annotation(node, simple, file, constants, problems, store, limit)
                continue
            theirs = mybatis is not None or written.startswith(_MYBATIS_PACKAGE)
            if simple in MYBATIS_ANNOTATIONS and theirs:
                yield from _mybatis(node, simple, file, constants, problems, limit, mybatis or JvmNames())
                continue
            if simple in MYBATIS_PROVIDERS and theirs:
                owner = (mybatis or JvmNames()).qualified(_method(node, file))
                problems.append(_problem(file, node, provider_said(simple, owner)))
                continue
        if depth < _DEPTH:
            stack.extend((c, depth + 1) for c in reversed(node.named_children))


def _annotation(
    node: Node,
    name: str,
    file: SourceFile,
    constants: dict[str, object],
    problems: list[SourceProblem],
    store: str = "jpa",
    limit: int = 1_000_000,
) -> Iterator[JavaQuery]:
    args = _arguments(node, file)
    native = QUERY_ANNOTATIONS[name]
    if native is None:  # @Query: JPQL unless nativeQuery = true, or Spring Data JDBC's SQL
        flag = args.get("nativeQuery")
        native = (flag is not None and file.text(flag) == "true") or store == "sql"
        owner = _method(node, file)
        keys = ["value", "countQuery"]
        if store not in ("jpa", "sql"):
            problems.append(
                _problem(file, node, f"@Query of {owner} is a {store} query (Spring Data {store}), "
                                     "not SQL; cnsnt audits SQL only, so it is not audited")
            )
            return
    else:
        label = _text(args["name"], file, constants, limit) if "name" in args else None
        owner = label if isinstance(label, str) and label else f"@{name} of {_class_name(node, file)}"
        keys = ["query"]
    comments = tuple(comments_before(node, file))
    for key in keys:
        value = args.get(key)
        if value is None:
            if key != "countQuery":
                said = f"@{name} of {owner} has no query text; nothing is audited"
                problems.append(_problem(file, node, said))
            continue
        found = _text(value, file, constants, limit)
        text = checked_text(found, value, f"@{name}({key})", owner, file, problems, limit)
        if text is None:
            continue
        shown_owner = f"{owner} (countQuery)" if key == "countQuery" else owner
        if ENTITY_NAME in text:  # Spring Data's SpEL for the repository's entity
            domain = _domain_type(node, file)
            text = text.replace(ENTITY_NAME, domain) if domain else text
        yield JavaQuery(shown_owner, text, native, value, comments)


def checked_text(
    text: object,
    value: Node,
    what: str,
    owner: str,
    file: SourceFile,
    problems: list[SourceProblem],
    limit: int,
) -> str | None:
    """A query's text when it can be read and is within the size limit; else None, and why in `problems`."""
    if text is TOO_LONG or (isinstance(text, str) and len(text) > limit):
        line, column = file.place(value)
        problems.append(
            SourceProblem(
                f"{what} of {owner}: its text is over the statement size limit ({limit:,} "
                "characters): not parsed (raise it with --max-statement-size)",
                Location(file.shown, line, column),
                file.shown,
            )
        )
        return None
    if not isinstance(text, str):
        problems.append(
            _problem(
                file,
                value,
                f"{what[:-1]} = {file.excerpt(value)}) of {owner}: cnsnt cannot read this text "
                "(a constant of another file, a method call); the query is not audited",
            )
        )
        return None
    if not text.strip():
        said = f"{what.split('(')[0]} of {owner} has an empty query; nothing is audited"
        problems.append(_problem(file, value, said))
        return None
    return text


def _mybatis(
    node: Node,
    name: str,
    file: SourceFile,
    constants: dict[str, object],
    problems: list[SourceProblem],
    limit: int,
    names: JvmNames,
) -> Iterator[JavaQuery]:
    """MyBatis's `@Select`/`@Insert`/`@Update`/`@Delete`: its SQL, read as a mapper statement's.

    Named as MyBatis names it, the interface's qualified name and the method
    (`com.shop.mapper.MemberMapper.byId`, the XML mapper's namespace and id).
    """
    method = _method(node, file)
    owner = names.qualified(method)
    value = _arguments(node, file).get("value")
    if value is None:
        problems.append(_problem(file, node, f"@{name} of {owner} has no SQL text; nothing is audited"))
        return
    if value.type == "element_value_array_initializer":  # MyBatis joins the strings with a blank
        parts = [_text(c, file, constants, limit) for c in value.named_children if c.type not in _COMMENTS]
        text: object = None
        if any(p is TOO_LONG for p in parts) or sum(len(p) for p in parts if isinstance(p, str)) > limit:
            text = TOO_LONG
        elif all(isinstance(p, str) for p in parts):
            text = " ".join(p for p in parts if isinstance(p, str))
    else:
        text = _text(value, file, constants, limit)
    read = checked_text(text, value, f"@{name}(value)", owner, file, problems, limit)
    if read is None:
        return
    namespace = names.qualified(_class_name(node, file))
    comments = tuple(comments_before(node, file))
    yield from mybatis_statement(read, name, owner, namespace, value, comments, file, problems, limit)


def provider_said(name: str, owner: str) -> str:
    """What a MyBatis SQL provider (`@SelectProvider`) is said to be: code cnsnt does not run."""
    return (f"@{name} of {owner}: MyBatis builds this SQL in Java code (the provider's method), which "
            "cnsnt does not run; it is not audited")  # fmt: skip


def mybatis_statement(
    read: str,
    name: str,
    owner: str,
    namespace: str,
    value: Node,
    comments: tuple[tuple[int, str], ...],
    file: SourceFile,
    problems: list[SourceProblem],
    limit: int,
) -> Iterator[JavaQuery]:
    """A MyBatis annotation's text (Java's or Kotlin's) as the statement it runs, or why not in `problems`."""
    sql, problem, missing = annotation_sql(read, namespace, limit)
    for refid in missing:
        problems.append(
            _problem(file, value, f"@{name} of {owner}: <include refid=\"{refid}\"/> names no <sql> "
                                  "fragment cnsnt can read here; the statement is read without it")
        )
    if sql is None:
        problems.append(_problem(file, value, f"@{name} of {owner}: {problem}; it is not audited"))
        return
    yield JavaQuery(owner, sql, True, value, comments, spring=False)


_COMMENTS = ("line_comment", "block_comment", "comment")


def _problem(file: SourceFile, node: Node, message: str) -> SourceProblem:
    line, column = file.place(node)
    return SourceProblem(message, Location(file.shown, line, column), file.shown, severity=Severity.WARNING)


class _TooLong:
    """A text over the statement size limit (constants doubling each other: `B = A + A`, `C = B + B`)."""


TOO_LONG = _TooLong()


def _text(node: Node, file: SourceFile, constants: dict[str, object], limit: int, depth: int = 0) -> object:
    """A query's text: a string, a text block, `+` of those, or a constant; else None (`TOO_LONG`)."""
    if depth > _DEPTH:
        return None
    fragments = node.named_children if node.type == "string_literal" else []
    if any(c.type == "multiline_string_fragment" for c in fragments):
        return text_block(file.text(node))
    if node.type == "binary_expression":
        op = node.child_by_field_name("operator")
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if op is None or file.text(op) != "+" or left is None or right is None:
            return None
        a, b = _text(left, file, constants, limit, depth + 1), _text(right, file, constants, limit, depth + 1)
        if a is TOO_LONG or b is TOO_LONG:
            return TOO_LONG
        if not isinstance(a, str) or not isinstance(b, str):
            return None
        return a + b if len(a) + len(b) <= limit else TOO_LONG
    if node.type == "parenthesized_expression" and node.named_children:
        return _text(node.named_children[0], file, constants, limit, depth + 1)
    if node.type == "string_literal":
        return java_string(node, file)
    if node.type in ("identifier", "field_access"):  # a constant of the file: `BY_EMAIL`, `Queries.BY_EMAIL`
        name = file.text(node).replace(" ", "")
        return constants.get(name, constants.get(name.rsplit(".", 1)[-1]) if "." in name else None)
    return None


def _arguments(node: Node, file: SourceFile) -> dict[str, Node]:
    """An annotation's arguments by key (`value` when bare), still syntax nodes."""
    args: dict[str, Node] = {}
    arguments = node.child_by_field_name("arguments")
    for arg in arguments.named_children if arguments is not None else ():
        if arg.type == "element_value_pair":
            key, value = arg.child_by_field_name("key"), arg.child_by_field_name("value")
            if key is not None and value is not None:
                args[file.text(key)] = value
        elif arg.type != "comment":
            args["value"] = arg
    return args


def _constants(root: Node, file: SourceFile, limit: int) -> dict[str, object]:
    """The file's string constants (`static final String BY_EMAIL = "..."`), by name and `Owner.NAME`.

    In file order, so a constant may be built from those before it; one longer than `limit`
    is `TOO_LONG`, so that constants doubling each other stay small.
    """
    constants: dict[str, object] = {}
    stack = [(root, "", 0)]
    while stack:
        node, owner, depth = stack.pop()
        if node.type in ("field_declaration", "constant_declaration"):
            for declarator in node.children_by_field_name("declarator"):
                name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                readable = name is not None and value is not None
                text = _text(value, file, constants, limit) if readable else None
                if (isinstance(text, str) or text is TOO_LONG) and name is not None:
                    constants.setdefault(file.text(name), text)
                    constants[f"{owner}.{file.text(name)}"] = text
            continue
        if depth < _DEPTH:
            if node.type in _TYPES:
                label = node.child_by_field_name("name")
                owner = file.text(label) if label is not None else owner
            stack.extend((c, owner, depth + 1) for c in reversed(node.named_children))
    return constants


def text_block(literal: str) -> str:
    """A Java text block's value (JLS 3.10.6): indentation common to its lines removed, escapes read.

    The opening `\"\"\"` and the rest of its line are not content; the closing delimiter's
    line counts for the indentation when it stands alone. Its line ends are LF whatever the
    file's (in a CRLF file too, a backslash at a line's end joins lines).
    """
    literal = literal.replace("\r\n", "\n").replace("\r", "\n")
    body = literal[3:-3] if literal.endswith('"""') and len(literal) >= 6 else literal[3:]
    lines = body.split("\n")[1:]
    closing_alone = bool(lines) and not lines[-1].strip()
    significant = [ln for ln in lines if ln.strip()] + ([lines[-1]] if closing_alone else [])
    indent = min((len(ln) - len(ln.lstrip(" \t")) for ln in significant), default=0)
    kept = [ln[indent:].rstrip(" \t") for ln in lines]
    return java_unescape("\n".join(kept))


def _method(node: Node, file: SourceFile) -> str:
    """`CustomerRepository.findByEmail` for an annotation on that method."""
    holder = node.parent.parent if node.parent is not None else None
    method = ""
    if holder is not None and holder.type == "method_declaration":
        name = holder.child_by_field_name("name")
        method = file.text(name) if name is not None else ""
    owner = _class_name(node, file)
    return f"{owner}.{method}" if method else owner


#: Spring Data modules whose `@Query` is SQL (JDBC, R2DBC), and those whose is no SQL at all.
_SQL_MODULES = ("jdbc", "r2dbc")
_OTHER_STORES = {
    "mongodb": "MongoDB", "neo4j": "Neo4j", "elasticsearch": "Elasticsearch", "cassandra": "Cassandra",
    "couchbase": "Couchbase", "solr": "Solr", "redis": "Redis", "aerospike": "Aerospike",
    "arangodb": "ArangoDB",
}


def query_store(names: JvmNames) -> str:
    """Whose `@Query` the file imports: `jpa` (JPQL), `sql` (Spring Data JDBC, R2DBC), or another store.

    `org.springframework.data.<module>.repository.Query` (or the module's `*`); JPA's when
    the file imports none (the annotation is in the same package, or fully qualified).
    """
    found = "jpa"
    for name in names.imports:
        text = name
        if "springframework.data." not in text or not text.endswith((".Query", ".*")):
            continue
        module = text.split("springframework.data.", 1)[1].split(".", 1)[0]
        # an import of another module's class (`data.domain.*`) says nothing: kind is empty
        kind = "sql" if module in _SQL_MODULES else _OTHER_STORES.get(module, "")
        kind = "jpa" if module == "jpa" else kind
        if kind and text.endswith(".Query"):
            return kind
        if kind and found == "jpa":
            found = kind
    return found


def store_name(names: JvmNames, store: str) -> str:
    """`query_store`'s answer as a note names it: `jpa`, `JDBC` or `R2DBC` for `sql`, `MongoDB`..."""
    if store != "sql":
        return store
    return "R2DBC" if any("springframework.data.r2dbc." in i for i in names.imports) else "JDBC"


#: Spring Data's SpEL for the entity a repository holds (`select u from #{#entityName} u`).
ENTITY_NAME = "#{#entityName}"


def _domain_type(node: Node, file: SourceFile) -> str | None:
    """`Patient` of `interface PatientRepository extends JpaRepository<Patient, Long>` around a node."""
    up = node.parent
    while up is not None and up.type != "interface_declaration":
        up = up.parent
    extends = next((c for c in up.named_children if c.type == "extends_interfaces"), None) if up else None
    for generic in extends.named_children[0].named_children if extends and extends.named_children else ():
        arguments = next((c for c in generic.named_children if c.type == "type_arguments"), None)
        if arguments is not None and arguments.named_children:
            return file.text(arguments.named_children[0]).rsplit(".", 1)[-1]
    return None


def _class_name(node: Node, file: SourceFile) -> str:
    """The name of the class or interface around a node."""
    up = node.parent
    while up is not None:
        if up.type in _TYPES:
            name = up.child_by_field_name("name")
            return file.text(name) if name is not None else "?"
        up = up.parent
    return "?"


def comments_before(node: Node, file: SourceFile) -> Iterator[tuple[int, str]]:
    """The comments just before the declaration an annotation is on, first to last."""
    declaration = node.parent.parent if node.parent is not None and node.parent.type == "modifiers" else None
    if declaration is None:
        return
    found = []
    before = declaration.prev_named_sibling
    while before is not None and before.type in ("line_comment", "block_comment"):
        found.append((file.place(before)[0], file.text(before)))
        before = before.prev_named_sibling
    yield from reversed(found)


__all__ = ["MYBATIS_ANNOTATIONS", "MYBATIS_PROVIDERS", "has_queries", "mybatis_statement",
           "provider_said", "read_java_queries", "store_name", "text_block"]
