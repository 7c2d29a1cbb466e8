"""tree-sitter parsers for the languages models and migrations are written in.

Ruby (`schema.rb`, Rails migrations), PHP (Laravel migrations, Doctrine entities) and
Java (JPA entities) are parsed, never run. The grammars are dependencies of cnsnt; a
broken install still gets a clear `SourceError` naming the package to install.
"""

from __future__ import annotations

import importlib
from typing import Any

from cnsnt.errors import SourceError

#: language -> (module, the function returning its grammar, the PyPI package)
_GRAMMARS = {
    "ruby": ("tree_sitter_ruby", "language", "tree-sitter-ruby"),
    "php": ("tree_sitter_php", "language_php", "tree-sitter-php"),
    "java": ("tree_sitter_java", "language", "tree-sitter-java"),
}


def parser(language: str, what: str) -> Any:
    """A new tree-sitter parser for `language`; `what` names the reading that needs it."""
    module, function, package = _GRAMMARS[language]
    try:
        tree_sitter = importlib.import_module("tree_sitter")
        grammar = importlib.import_module(module)
    except ImportError:
        raise SourceError(
            f"reading {what} needs the tree-sitter and {package} packages (pip install tree-sitter {package})"
        ) from None
    return tree_sitter.Parser(tree_sitter.Language(getattr(grammar, function)()))
