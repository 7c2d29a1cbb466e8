"""Queries in Kotlin files (`format: java`, a `.kt` file): Spring Data's `@Query`, JPA's `@NamedQuery`.

A Spring application written in Kotlin keeps its queries in the same annotations as a
Java one, written Kotlin's way: `@Query("...")` on a `fun` of a repository interface,
`@NamedQueries(NamedQuery(name = "...", query = "..."))` (nested annotations without `@`,
arrays as `[...]` or `arrayOf(...)`), raw strings (`\"\"\"...\"\"\"`, kept as written: Kotlin
trims no indentation in a constant) and `const val`s with string templates over them. The
file is parsed with tree-sitter's Kotlin grammar (`kotlin_syntax`), never compiled; each
query is read as its Java twin is (`java_queries.add_query`): JPQL through the JPA
entities, `nativeQuery = true` as SQL, the store the file imports (`query_store`), and a
`// cnsnt:` comment before the function or class speaks for its queries.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.queries.common import Gathered
from cnsnt.sources.queries.java_queries import (
    ENTITY_NAME,
    MYBATIS_ANNOTATIONS,
    MYBATIS_PROVIDERS,
    QUERY_ANNOTATIONS,
    TOO_LONG,
    JavaQuery,
    checked_text,
    comments_before,
    gather_queries,
    has_queries,
    imports_mybatis,
    mybatis_statement,
    provider_said,
)
from cnsnt.sources.schemas.grammars import JvmNames, SourceFile, jvm_names
from cnsnt.sources.schemas.kotlin_syntax import (
    Annotation,
    Unresolved,
    arguments_of,
    child,
    constants_of,
    evaluate,
    kotlin_files,
    name_of,
    simple_name,
    type_name,
)

Node = Any  # tree_sitter.Node

#: The annotations that group named queries (`@NamedQueries(NamedQuery(...), ...)`).
_GROUPS = {"NamedQueries": "NamedQuery", "NamedNativeQueries": "NamedNativeQuery"}
#: How deep the walk looks for annotations (real files nest a few levels).
_DEPTH = 200
#: Kotlin's declarations whose name a query's owner is.
_OWNERS = ("class_declaration", "object_declaration")


def read_kotlin_queries(
    path: Path, shown: str, spec: SourceSpec, ctx: SourceContext, dialect: str | None
) -> Gathered:
    """The queries of one Kotlin file's annotations, grouped by shape and attribution."""
    gathered = Gathered()
    for _, file, tree in kotlin_files([path], ctx, gathered.problems, "queries", wanted=has_queries):
        limit = ctx.limits.statement_bytes
        constants: dict[str, str] = {}
        constants_of(tree.root_node, file, constants)
        names = jvm_names(tree.root_node, file)
        problems = gathered.problems
        annotated = partial(_queries, tree.root_node, file, constants, problems, limit=limit, names=names)
        gather_queries(gathered, annotated, tree.root_node, file, names, spec, ctx, dialect, kotlin=True)
    return gathered


def _queries(
    root: Node,
    file: SourceFile,
    constants: dict[str, str],
    problems: list[SourceProblem],
    store: str,
    limit: int,
    names: JvmNames,
) -> Iterator[JavaQuery]:
    """Every query annotation of the tree, in file order."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node.type == "annotation":
            called = child(node, "constructor_invocation")
            kind = child(called if called is not None else node, "user_type")
            simple = simple_name(file.text(kind)) if kind is not None else ""
            arguments = arguments_of(child(called, "value_arguments"), file) if called is not None else {}
            ann = Annotation(simple, node, file, evaluate, arguments)
            mybatis = simple in MYBATIS_ANNOTATIONS or simple in MYBATIS_PROVIDERS
            if mybatis and imports_mybatis(names):
                yield from _mybatis(ann, node, file, constants, problems, limit, names)
            elif simple in QUERY_ANNOTATIONS:
                yield from _annotation(ann, node, file, constants, problems, store, limit)
            elif simple in _GROUPS:
                for inner in _grouped(ann, file, constants, problems):
                    if inner.name == _GROUPS[simple]:
                        yield from _annotation(inner, node, file, constants, problems, store, limit)
            continue
        if depth < _DEPTH:
            stack.extend((c, depth + 1) for c in reversed(node.named_children))


def _mybatis(
    ann: Annotation,
    holder: Node,
    file: SourceFile,
    constants: dict[str, str],
    problems: list[SourceProblem],
    limit: int,
    names: JvmNames,
) -> Iterator[JavaQuery]:
    """MyBatis's `@Select("...")`/`@Update(["...", "..."])` on a mapper's `fun`, read as Java's are."""
    owner = names.qualified(_owner(holder, file))
    if ann.name in MYBATIS_PROVIDERS:
        problems.append(_warning(file, holder, provider_said(ann.name, owner)))
        return
    value = ann.args.get("value")
    if value is None:
        problems.append(_warning(file, holder, f"@{ann.name} of {owner} has no SQL text; nothing is audited"))
        return
    text = _value(value, file, constants, limit)
    if text is None:  # an array of strings, joined by a blank as MyBatis joins them
        try:
            items = evaluate(value, file, constants)
        except Unresolved:
            items = None
        if isinstance(items, list) and all(isinstance(i, str) for i in items):
            joined = " ".join(items)
            text = joined if len(joined) <= limit else TOO_LONG
    read = checked_text(text, value, f"@{ann.name}(value)", owner, file, problems, limit)
    if read is None:
        return
    namespace = names.qualified(_class_name(holder, file))
    comments = tuple(comments_before(holder, file))
    yield from mybatis_statement(read, ann.name, owner, namespace, value, comments, file, problems, limit)


def _grouped(
    ann: Annotation, file: SourceFile, constants: dict[str, str], problems: list[SourceProblem]
) -> list[Annotation]:
    """The annotations inside `@NamedQueries(...)`: a vararg, `[...]` or `arrayOf(...)`."""
    value = ann.args.get("value")
    if value is None:
        return []
    try:
        items = evaluate(value, file, constants)
    except Unresolved as exc:
        problems.append(_unreadable(file, exc.node, f"@{ann.name}", _owner(ann.node, file)))
        return []
    items = items if isinstance(items, list) else [items]
    return [i for i in items if isinstance(i, Annotation)]


def _annotation(
    ann: Annotation,
    holder: Node,
    file: SourceFile,
    constants: dict[str, str],
    problems: list[SourceProblem],
    store: str,
    limit: int,
) -> Iterator[JavaQuery]:
    """The query texts of one `@Query`, `@NamedQuery` or `@NamedNativeQuery`, as `java_queries` reads them."""
    native = QUERY_ANNOTATIONS[ann.name]
    if native is None:
        flag = ann.args.get("nativeQuery")
        native = (flag is not None and file.text(flag) == "true") or store == "sql"
        owner = _owner(holder, file)
        keys = ["value", "countQuery"]
        if store not in ("jpa", "sql"):
            message = (
                f"@Query of {owner} is a {store} query (Spring Data {store}), not SQL; cnsnt "
                "audits SQL only, so it is not audited"
            )
            problems.append(_warning(file, holder, message))
            return
    else:
        label = _value(ann.args.get("name"), file, constants, limit)
        owner = label if isinstance(label, str) and label else f"@{ann.name} of {_class_name(holder, file)}"
        keys = ["query"]
    comments = tuple(comments_before(holder, file))
    for key in keys:
        value = ann.args.get(key)
        if value is None:
            if key != "countQuery":
                said = f"@{ann.name} of {owner} has no query text; nothing is audited"
                problems.append(_warning(file, holder, said))
            continue
        found = _value(value, file, constants, limit)
        text = checked_text(found, value, f"@{ann.name}({key})", owner, file, problems, limit)
        if text is None:
            continue
        if ENTITY_NAME in text:  # Spring Data's SpEL for the repository's entity
            domain = _domain_type(holder, file)
            text = text.replace(ENTITY_NAME, domain) if domain else text
        shown_owner = f"{owner} (countQuery)" if key == "countQuery" else owner
        yield JavaQuery(shown_owner, text, native, value, comments)


def _value(node: Node | None, file: SourceFile, constants: dict[str, str], limit: int) -> object:
    """A string value (templates over the file's `const val`s); None when cnsnt cannot know it."""
    if node is None:
        return None
    try:
        value = _raw(node, file, constants) if node.type == "multiline_string_literal" else evaluate(
            node, file, constants
        )
    except Unresolved:
        return None
    if isinstance(value, str) and len(value) > limit:
        return TOO_LONG
    return value if isinstance(value, str) else None


def _raw(node: Node, file: SourceFile, constants: dict[str, str]) -> str:
    """A raw string's value (`\"\"\"...\"\"\"`): its text as written, no escapes, templates filled in."""
    parts = []
    for part in node.named_children:
        if part.type == "string_content":
            parts.append(file.text(part))
        elif part.type == "interpolation" and part.named_children:
            parts.append(str(evaluate(part.named_children[0], file, constants)))
        else:
            raise Unresolved(part)
    return "".join(parts)


def _owner(annotation: Node, file: SourceFile) -> str:
    """`MemberRepository.emailByPhone` for an annotation on that function; the class for one on a class."""
    holder = annotation.parent.parent if annotation.parent is not None else None
    method = ""
    if holder is not None and holder.type == "function_declaration":
        method = name_of(holder)
    owner = _class_name(annotation, file)
    return f"{owner}.{method}" if method else owner


def _class_name(node: Node, _file: SourceFile) -> str:
    """The name of the class, interface or object around a node."""
    up = node.parent
    while up is not None:
        if up.type in _OWNERS:
            return name_of(up) or "?"
        up = up.parent
    return "?"


def _domain_type(node: Node, file: SourceFile) -> str | None:
    """`Member` of `interface MemberRepository : JpaRepository<Member, Long>` around a node."""
    up = node.parent
    while up is not None and up.type not in _OWNERS:
        up = up.parent
    specifiers = child(up, "delegation_specifiers") if up is not None else None
    for specifier in specifiers.named_children if specifiers is not None else ():
        kind = child(specifier, "user_type") or child(specifier, "constructor_invocation")
        arguments = child(kind, "type_arguments") if kind is not None else None
        if arguments is None:
            continue
        projection = next((c for c in arguments.named_children if c.type == "type_projection"), None)
        if projection is not None and projection.named_children:
            found = type_name(projection.named_children[0], file)[0]
            return simple_name(found) if found else None
    return None


def _unreadable(file: SourceFile, node: Node, what: str, owner: str) -> SourceProblem:
    message = (
        f"{what} = {file.excerpt(node)} of {owner}: cnsnt cannot read this text (a constant of "
        "another file, a function call); the query is not audited"
    )
    return _warning(file, node, message)


def _warning(file: SourceFile, node: Node, message: str) -> SourceProblem:
    line, column = file.place(node)
    return SourceProblem(message, Location(file.shown, line, column), file.shown, severity=Severity.WARNING)


__all__ = ["read_kotlin_queries"]
