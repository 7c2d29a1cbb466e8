"""YAML schema sources (Doctrine mappings, Liquibase changelogs) composed one way, and refused one way.

Composed with PyYAML's safe loader (libyaml's when there), never constructed: no tag
runs, and every value keeps its line and column. Whatever stops a file, it is one
`SourceError` of one shape, "what; what is lost", at the file's line and column: a syntax
error where the parser stopped, a character YAML does not allow at that character, nesting
too deep for the composer where it nests deepest, too many or too deep values at the value.
Each reader had its own `except` blocks, and said the same failure two ways (one of them
with no line).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import yaml

from cnsnt.errors import SourceError
from cnsnt.model import Location
from cnsnt.policy.yaml_nodes import deepest_opening
from cnsnt.sources.base import line_col

_T = TypeVar("_T")

#: libyaml's safe loader, when PyYAML was built with it (nodes and marks as PyYAML's own).
_FAST: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)


def compose_yaml(text: str, shown: str, lost: str) -> yaml.Node | None:
    """The document's nodes (None: empty); a text YAML cannot read is a `SourceError` at its place.

    `lost` says what the failure costs ("no mapping of this file was read").
    """
    return _composed(_compose, text, shown, lost)


def compose_yaml_documents(text: str, shown: str, lost: str) -> list[yaml.Node]:
    """Each document's nodes, in order (Spring Boot's `application.yml` has one per profile).

    A text YAML cannot read is a `SourceError` at its place, as in `compose_yaml`.
    """
    return _composed(_compose_all, text, shown, lost)


def _composed(compose: Callable[[str], _T], text: str, shown: str, lost: str) -> _T:
    """`compose(text)`, its failures one `SourceError` of one shape at their places."""
    try:
        return compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Location(shown, mark.line + 1, mark.column + 1) if mark is not None else Location(shown)
        raise SourceError(f"YAML syntax error ({exc.problem or exc.context}); {lost}", where) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: PyYAML gives its offset only
        code = ord(exc.character) if isinstance(exc.character, str) else exc.character
        where = Location(shown, *line_col(text, exc.position))
        raise SourceError(f"character U+{code:04X} is not allowed in YAML; {lost}", where) from None
    except RecursionError:
        where = Location(shown, *deepest_opening(text))
        raise SourceError(f"YAML nested too deep to read; {lost}", where) from None
    except yaml.YAMLError as exc:
        raise SourceError(f"cannot read as YAML: {type(exc).__name__}; {lost}", Location(shown)) from None


def too_many_values(node: yaml.Node, shown: str, lost: str) -> SourceError:
    """The error of a file whose values are too many (aliases multiply them) or nest too deep, at `node`."""
    return SourceError(
        f"too many or too deeply nested YAML values; {lost}",
        Location(shown, node.start_mark.line + 1, node.start_mark.column + 1),
    )


def _compose_all(text: str) -> list[yaml.Node]:
    """Every document's nodes, by libyaml when PyYAML has it (as `_compose`)."""
    if _FAST is not None:
        try:
            return list(yaml.compose_all(text, Loader=_FAST))
        except (yaml.YAMLError, RecursionError):
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _compose(text: str) -> yaml.Node | None:
    """The document's nodes: by libyaml when PyYAML has it (a 3 MB changelog: 1.4 s, not 8 s).

    A text libyaml refuses is composed again by PyYAML's own loader, so its error (or, when
    that one reads it, the nodes) are the same on every installation.
    """
    if _FAST is not None:
        try:
            return yaml.compose(text, Loader=_FAST)
        except (yaml.YAMLError, RecursionError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)
