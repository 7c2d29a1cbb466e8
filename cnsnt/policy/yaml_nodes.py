"""YAML to plain data with positions: duplicate keys and alias bombs are errors.

`yaml.safe_load` loses positions and silently keeps the last duplicate key, so
we compose the node graph ourselves and build the data while recording where
each value was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import yaml

from cnsnt.errors import Problem
from cnsnt.model import Location

JsonPath = tuple[str | int, ...]

#: How many nodes alias expansion may add to a document before we refuse it. The
#: document's own nodes are bounded by the policy's size limit; only aliases can
#: multiply them.
MAX_EXPANDED_NODES = 100_000
#: Explicit tags accepted on a scalar: they name the type the value already reads as.
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class _Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1 yes/no/on/off booleans (`country: NO` is Norway)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),  # linear: anchored fixed words
    list("tTfF"),
)


def _mark(node: yaml.Node, path: str) -> Location:
    return Location(path=path, line=node.start_mark.line + 1, column=node.start_mark.column + 1)


def _short_tag(tag: str) -> str:
    return "!!" + tag.rsplit(":", 1)[1] if tag.startswith("tag:yaml.org,2002:") else tag


#: A collection this deep is where nesting is too deep (PyYAML's composer gives up near 500
#: levels, libyaml refuses 1,000): the events after it are not read. PyYAML's scanner
#: costs the square of the depth of flow collections (it looks over every open level at
#: each token): a 40 KB changelog of 20,000 `[` took 40 s, a policy of 5 MB would not end.
ENOUGH = 1_000


def deepest_opening(text: str) -> tuple[int, int]:
    """Line and column where the most deeply nested collection opens (the first, if several).

    PyYAML's composer recurses and gives up on deep nesting with no position; its parser
    does not, so the events say where the nesting that was too deep begins: the first
    collection `ENOUGH` levels deep, else the deepest.
    """
    depth = deepest = 0
    where = (1, 1)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > deepest and event.start_mark is not None:
                    deepest = depth
                    where = (event.start_mark.line + 1, event.start_mark.column + 1)
                if depth >= ENOUGH:
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # a syntax error further on: the deepest opening before it
    return where


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Nodes the document would have once aliases are expanded (memoised, so no blow-up)."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # cycles count once
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size += sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    memo[key] = size
    return size


def _costliest_anchor(root: yaml.Node, sizes: dict[int, int]) -> yaml.Node:
    """The anchored node whose aliases add the most nodes (`sizes`: `_expanded_size`'s memo).

    An alias bomb is refused where it is built, not at the document's start.
    """
    uses: dict[int, int] = {}
    nodes: dict[int, yaml.Node] = {}
    stack = [root]
    while stack:  # each node's children once, however many aliases name it
        node = stack.pop()
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        for child in children:
            key = id(child)
            uses[key] = uses.get(key, 0) + 1
            if key not in nodes:
                nodes[key] = child
                stack.append(child)
    repeated = [key for key, count in uses.items() if count > 1]
    if not repeated:
        return root
    costliest = max(repeated, key=lambda key: (uses[key] - 1) * sizes[key])
    return nodes[costliest]


def load_yaml(text: str, display_path: str) -> tuple[Any, dict[JsonPath, Location], list[Problem]]:
    """Parse one YAML document; return (data, locations by JSON path, problems)."""
    problems: list[Problem] = []
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = (
            Location(path=display_path, line=mark.line + 1, column=mark.column + 1)
            if mark
            else Location(path=display_path)
        )
        what = " ".join(s for s in (exc.context, exc.problem) if s)
        return None, {}, [Problem(f"YAML syntax error: {what}", loc)]
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        return None, {}, [
            Problem(
                f"character U+{ord(exc.character) if isinstance(exc.character, str) else exc.character:04X} "
                "is not allowed in YAML",
                Location(display_path, line, column),
            )
        ]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(f"YAML error: {exc}", Location(path=display_path))]
    except RecursionError:
        return None, {}, [
            Problem("nesting is too deep to be a policy", Location(display_path, *deepest_opening(text)))
        ]
    if node is None:
        return (
            None,
            {},
            [Problem("the policy is empty", Location(path=display_path, line=1, column=1))],
        )
    memo: dict[int, int] = {}
    size = _expanded_size(node, memo)
    added = size - len(memo)  # nodes that exist only through aliases
    if added > MAX_EXPANDED_NODES:
        return (
            None,
            {},
            [
                Problem(
                    f"refusing a document whose aliases add {added:,} nodes when expanded "
                    f"(limit {MAX_EXPANDED_NODES:,}): possible alias bomb",
                    _mark(_costliest_anchor(node, memo), display_path),
                )
            ],
        )
    locations: dict[JsonPath, Location] = {}
    data = _build(node, (), display_path, locations, problems, depth=0)
    return data, locations, problems


#: Resolves a plain scalar's implicit tag, to tell an explicit tag (`!!timestamp x`) apart.
_RESOLVER = _Loader("")


class _TagProblem(ValueError):
    """An explicit YAML tag cnsnt does not accept on this value."""


def _implicit_tag(node: yaml.ScalarNode) -> str:
    plain = node.style is None
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, node.value, (plain, not plain))  # type: ignore[no-untyped-call]
    return tag


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar's value; explicit tags only when they name a plain type the value has.

    PyYAML's constructors for other tags (`!!timestamp`, `!!set`, `!!binary`,
    `!!python/...`) raise anything or build odd objects; a policy needs none.
    """
    implicit = _implicit_tag(node)
    if node.tag != implicit:
        if node.tag not in _PLAIN_TAGS:
            raise _TagProblem(
                f"the YAML tag {_short_tag(node.tag)} is not supported in a policy; "
                "write the value without it"
            )
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        try:
            value = yaml.SafeLoader.yaml_constructors[node.tag](_CONSTRUCTOR, node)
        except Exception:  # noqa: BLE001 - PyYAML raises KeyError, ValueError ... on bad text
            raise _TagProblem(
                f"{node.value!r} is not a valid {_short_tag(node.tag)} value"
            ) from None
        return value
    if node.tag == "tag:yaml.org,2002:str" or node.style in ("'", '"', "|", ">"):
        return node.value
    constructor = yaml.SafeLoader.yaml_constructors.get(node.tag)
    if constructor is None:
        return node.value
    value = constructor(_CONSTRUCTOR, node)
    if isinstance(value, dt.datetime | dt.date):
        return node.value  # keep dates as written: ISO strings
    return value


def _build(
    node: yaml.Node,
    path: JsonPath,
    display_path: str,
    locations: dict[JsonPath, Location],
    problems: list[Problem],
    depth: int,
) -> Any:
    locations[path] = _mark(node, display_path)
    if depth > 64:
        problems.append(Problem("nesting is too deep", _mark(node, display_path)))
        return None
    recurse: Callable[[yaml.Node, JsonPath], Any] = lambda n, p: _build(  # noqa: E731
        n, p, display_path, locations, problems, depth + 1
    )
    if isinstance(node, yaml.ScalarNode):
        if _LONE_SURROGATE.search(node.value):
            problems.append(Problem(
                "text holds a \\uD800-\\uDFFF escape that is half of a UTF-16 pair: "
                "it is no character; write the character itself",
                _mark(node, display_path),
            ))
            return _LONE_SURROGATE.sub("\ufffd", node.value)
        try:
            return _scalar(node)
        except _TagProblem as exc:
            problems.append(Problem(str(exc), _mark(node, display_path)))
            return node.value
        except (yaml.YAMLError, ValueError) as exc:
            problems.append(Problem(f"bad value {node.value!r}: {exc}", _mark(node, display_path)))
            return node.value
    if node.tag not in _COLLECTION_TAGS and (
        node.tag != ("tag:yaml.org,2002:seq" if isinstance(node, yaml.SequenceNode)
                     else "tag:yaml.org,2002:map")
    ):
        problems.append(Problem(
            f"the YAML tag {_short_tag(node.tag)} is not supported in a policy; "
            "write the value without it",
            _mark(node, display_path),
        ))
        return None
    if isinstance(node, yaml.SequenceNode):
        return [recurse(child, (*path, i)) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem("YAML merge keys (<<) are not supported", _mark(key_node, display_path))
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem("a key must be a plain string", _mark(key_node, display_path))
                )
                continue
            key = str(key_node.value)
            if key in first_seen:
                prev = first_seen[key].start_mark
                problems.append(
                    Problem(
                        f"duplicate key '{key}' (first defined at line {prev.line + 1}, "
                        f"column {prev.column + 1})",
                        _mark(key_node, display_path),
                    )
                )
                continue
            first_seen[key] = key_node
            out[key] = recurse(value_node, (*path, key))
            # Errors about a key point at the key itself.
            locations[(*path, key)] = _mark(key_node, display_path)
        return out
    return None
