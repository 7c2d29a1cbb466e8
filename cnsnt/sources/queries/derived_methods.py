"""The derived-query methods of Spring Data repository interfaces, in Java and Kotlin syntax trees.

`interface UserRepository extends JpaRepository<User, Long>` (Kotlin: `: JpaRepository<User,
Long>`) declares methods whose names are queries (`findByEmail`); `cnsnt.sql.derived_queries`
reads a name as JPQL through the entity the repository holds. Here: which interfaces are
repositories (they extend one of Spring Data's repository interfaces), which of their
methods derive a query (no body, no `@Query`, a name with a subject and `By`), and what to
say when the repository's entity is not among those read (one warning per repository). A
repository of another store (Spring Data JDBC, R2DBC, MongoDB, Elasticsearch...) derives
queries cnsnt does not read: each such repository is named in one info note per file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cnsnt.evidence import SourceProblem
from cnsnt.model import Location, Severity
from cnsnt.sources.schemas.grammars import COMMENTS, SourceFile
from cnsnt.sql.derived_queries import derive, is_derived
from cnsnt.sql.jpql import Entity, FileEntities

Node = Any  # tree_sitter.Node

#: Spring Data's repository interfaces whose first type argument is the entity.
REPOSITORIES = frozenset({
    "Repository", "CrudRepository", "ListCrudRepository", "PagingAndSortingRepository",
    "ListPagingAndSortingRepository", "JpaRepository", "JpaRepositoryImplementation",
    "RevisionRepository",
})  # fmt: skip
#: Spring Data's repository interfaces of one store (not JPA), by the store; "" for a reactive
#: one, whose store the file's imports say (JPA has no reactive repositories).
STORE_REPOSITORIES = {
    "MongoRepository": "MongoDB", "ReactiveMongoRepository": "MongoDB",
    "ElasticsearchRepository": "Elasticsearch", "ReactiveElasticsearchRepository": "Elasticsearch",
    "CassandraRepository": "Cassandra", "ReactiveCassandraRepository": "Cassandra",
    "Neo4jRepository": "Neo4j", "ReactiveNeo4jRepository": "Neo4j",
    "CouchbaseRepository": "Couchbase", "ReactiveCouchbaseRepository": "Couchbase",
    "R2dbcRepository": "R2DBC", "KeyValueRepository": "key-value", "SolrCrudRepository": "Solr",
    "ReactiveCrudRepository": "", "ReactiveSortingRepository": "", "CoroutineCrudRepository": "",
    "CoroutineSortingRepository": "", "RxJava3CrudRepository": "", "RxJava3SortingRepository": "",
}  # fmt: skip
#: Annotations that give a method its query (not derived from its name).
_DECLARED = frozenset({"Query", "NativeQuery", "Procedure", "Select", "Insert", "Update", "Delete"})
#: A Kotlin function's name.
_NAMES = ("identifier", "simple_identifier")
#: How deep the walk looks for interfaces (real files nest a few levels).
_DEPTH = 200


@dataclass(frozen=True)
class DerivedMethod:
    """One repository method whose name is its query, as JPQL."""

    owner: str
    """`UserRepository.findByEmail`."""
    jpql: str
    node: Node
    comments: tuple[tuple[int, str], ...]


def derived_methods(
    root: Node,
    file: SourceFile,
    entities: Mapping[str, Entity],
    problems: list[SourceProblem],
    kotlin: bool = False,
    store: str = "jpa",
) -> Iterator[DerivedMethod]:
    """The derived queries of every repository interface of a Java (or Kotlin) tree, in file order.

    `store`: whose repositories the file's imports say they are (`jpa`, `JDBC`, `MongoDB`);
    those of a store other than JPA are said in one info note, not read.
    """
    skipped: list[tuple[Node, str, str, list[str]]] = []
    for interface, name, domain, base in _repositories(root, file, kotlin):
        methods = list(_methods(interface, file, kotlin))
        entity = entities.get(domain) or entities.get(domain.rsplit(".", 1)[-1])
        other = _other_store(base, store, entity is not None)
        if other is not None:
            named = [file.text(m) for m, _ in methods if is_derived(file.text(m))]
            if named:
                skipped.append((interface, name, other, named))
            continue
        if entity is None:
            named = [m for m, _ in methods if is_derived(file.text(m))]
            if named:
                problems.append(_unknown(file, interface, name, domain, named, entities))
            continue
        for method, declaration in methods:
            text = file.text(method)
            found = derive(text, domain, entity, entities)
            owner = f"{name}.{text}"
            if found.problem is not None:
                said = f"derived query of {owner}: {found.problem}"
                problems.append(_warning(file, method, said))
            elif found.jpql is not None:
                yield DerivedMethod(owner, found.jpql, method, tuple(_comments(declaration, file)))
    if skipped:
        problems.append(_skipped(file, skipped))


def _other_store(base: str, store: str, entity: bool) -> str | None:
    """What a repository extending `base` in a file of `store` is, when not JPA's (None: JPA's).

    A base of the project's own (`BaseRepository<T, ID>`, itself a `JpaRepository`) holding
    a JPA entity is JPA's; holding none, cnsnt cannot tell whose it is.
    """
    if base in REPOSITORIES or (base not in STORE_REPOSITORIES and entity):
        return None if store == "jpa" else f"a Spring Data {store} repository"
    if base not in STORE_REPOSITORIES:
        return f"extending {base}, which cnsnt does not know as a Spring Data repository"
    own = STORE_REPOSITORIES[base]
    return f"a Spring Data {own or (store if store != 'jpa' else 'reactive')} repository"


def _skipped(file: SourceFile, skipped: list[tuple[Node, str, str, list[str]]]) -> SourceProblem:
    """One info note for a file's repositories of other stores: each named at its line, not audited."""
    said = []
    for interface, name, store, methods in skipped:
        n = len(methods)
        shown = ", ".join(methods[:3]) + (", ..." if n > 3 else "")
        line = file.place(interface)[0]
        queries = f"{n} derived quer{'ies' if n != 1 else 'y'} ({shown}) {'are' if n != 1 else 'is'}"
        said.append(f"{name} (line {line}), {store}: {queries} not audited")
    message = "; ".join(said) + "; cnsnt derives Spring Data JPA's queries only"
    line, column = file.place(skipped[0][0])
    return SourceProblem(message, Location(file.shown, line, column), file.shown, severity=Severity.INFO)


def _repositories(root: Node, file: SourceFile, kotlin: bool) -> Iterator[tuple[Node, str, str, str]]:
    """(interface, its name, the entity as written, the base) of each Spring Data repository interface."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if node.type in ("interface_declaration", "class_declaration"):
            found = _kotlin_domain(node, file) if kotlin else _java_domain(node, file)
            if found is not None:
                yield node, *found
        if depth < _DEPTH:
            stack.extend((c, depth + 1) for c in reversed(node.named_children))


def _java_domain(node: Node, file: SourceFile) -> tuple[str, str, str] | None:
    if node.type != "interface_declaration":
        return None
    name = node.child_by_field_name("name")
    extends = next((c for c in node.named_children if c.type == "extends_interfaces"), None)
    types = extends.named_children[0].named_children if extends and extends.named_children else []
    for generic in types:
        if generic.type != "generic_type" or not generic.named_children:
            continue
        base = file.text(generic.named_children[0]).rsplit(".", 1)[-1]
        arguments = next((c for c in generic.named_children if c.type == "type_arguments"), None)
        known = _repository(base)
        if known and arguments is not None and arguments.named_children:
            domain = "".join(file.text(arguments.named_children[0]).split())
            return (file.text(name) if name is not None else "?"), domain, base
    return None


def _kotlin_domain(node: Node, file: SourceFile) -> tuple[str, str, str] | None:
    if not any(c.type == "interface" for c in node.children):
        return None
    name = next((c for c in node.named_children if c.type in ("identifier", "type_identifier")), None)
    specifiers = next((c for c in node.named_children if c.type == "delegation_specifiers"), None)
    for specifier in specifiers.named_children if specifiers is not None else ():
        kind = next((c for c in specifier.named_children if c.type == "user_type"), None)
        if kind is None or not kind.named_children:
            continue
        base = file.text(kind.named_children[0]).rsplit(".", 1)[-1]
        arguments = next((c for c in kind.named_children if c.type == "type_arguments"), None)
        projection = next((c for c in arguments.named_children if c.type == "type_projection"), None) \
            if arguments is not None else None
        known = _repository(base)
        if known and projection is not None and projection.named_children:
            domain = "".join(file.text(projection.named_children[0]).split()).rstrip("?")
            return (file.text(name) if name is not None else "?"), domain, base
    return None


def _repository(base: str) -> bool:
    """Whether an interface extending `base` is a repository: Spring Data's, or the project's own base."""
    return base in REPOSITORIES or base in STORE_REPOSITORIES or base.endswith("Repository")


def _methods(interface: Node, file: SourceFile, kotlin: bool) -> Iterator[tuple[Node, Node]]:
    """(name node, declaration) of each abstract method without a declared query, in file order."""
    body = next((c for c in interface.named_children if c.type in ("interface_body", "class_body")), None)
    wanted = "function_declaration" if kotlin else "method_declaration"
    for member in body.named_children if body is not None else ():
        if member.type != wanted:
            continue
        if any(c.type in ("block", "function_body") for c in member.named_children):
            continue  # a default method, with a body of its own
        modifiers = next((c for c in member.named_children if c.type == "modifiers"), None)
        if modifiers is not None and _declares_query(modifiers, file):
            continue
        name = member.child_by_field_name("name") if not kotlin else None
        if name is None:
            name = next((c for c in member.named_children if c.type in _NAMES), None)
        if name is not None:
            yield name, member


def _declares_query(modifiers: Node, file: SourceFile) -> bool:
    """Whether a method's annotations give it a query (`@Query`) or make it static."""
    for mod in modifiers.children:
        if mod.type == "static":
            return True
        if mod.type in ("annotation", "marker_annotation"):
            text = file.text(mod).lstrip("@").split("(", 1)[0].strip()
            if text.rsplit(".", 1)[-1] in _DECLARED:
                return True
    return False


def _comments(declaration: Node, file: SourceFile) -> Iterator[tuple[int, str]]:
    """The comments just before a declaration, first to last (`// cnsnt: purpose=...`)."""
    found = []
    before = declaration.prev_named_sibling
    while before is not None and before.type in COMMENTS | {"multiline_comment"}:
        found.append((file.place(before)[0], file.text(before)))
        before = before.prev_named_sibling
    yield from reversed(found)


def _unknown(
    file: SourceFile,
    interface: Node,
    name: str,
    domain: str,
    methods: list[Node],
    entities: Mapping[str, Entity],
) -> SourceProblem:
    """One warning for a repository whose entity cnsnt did not read: its derived queries are not audited."""
    shown = ", ".join(file.text(m) for m in methods[:3]) + (", ..." if len(methods) > 3 else "")
    simple = domain.rsplit(".", 1)[-1]
    shared = entities.unresolved(simple) if isinstance(entities, FileEntities) else None
    if shared:
        why = f"may be {' or '.join(sorted(shared))}: the file's imports and package do not tell which"
    else:
        why = "is not among the JPA entities the schemas gave; list its entity classes under schemas:"
    n = len(methods)
    message = (
        f"{n} derived quer{'ies' if n != 1 else 'y'} of {name} ({shown}): entity '{domain}' {why}; "
        f"{'they are' if n != 1 else 'it is'} not audited"
    )
    return _warning(file, interface, message)


def _warning(file: SourceFile, node: Node, message: str) -> SourceProblem:
    line, column = file.place(node)
    return SourceProblem(message, Location(file.shown, line, column), file.shown, severity=Severity.WARNING)


__all__ = ["REPOSITORIES", "STORE_REPOSITORIES", "DerivedMethod", "derived_methods"]
