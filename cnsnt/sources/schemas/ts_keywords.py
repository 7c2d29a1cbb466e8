"""TypeScript properties named with a modifier word, which tree-sitter's grammar misreads.

TypeScript lets a property be called `abstract` or `accessor` (`@Column() abstract?: string`,
a paper's abstract), as it does `declare`, `readonly` or `static`. tree-sitter-typescript
reads those two words as the modifier and then finds no name: the column came out with
an empty name, and the file with a false syntax error (review36 R36a D5). Where the word
is followed by what only follows a name (`?`, `!`, `:`, `=`, `;`, `(`), it is the name:
the file is parsed again with the word spelt as an identifier of the same length, so
every place in the tree stays where it is and the name is read from the file as written.
"""

from __future__ import annotations

from typing import Any

Node = Any  # tree_sitter.Node

#: Modifier words tree-sitter-typescript cannot read as a property's name.
MODIFIERS = frozenset({"abstract", "accessor"})
#: What follows a property's name and never a modifier (`@` is the next member's
#: decorator after a name ended by the line: modifiers come after decorators).
_AFTER_NAME = frozenset(b"?!:=;(<,}@")
_SPACE = frozenset(b" \t\r\n")
#: How many nodes the walk visits at most (a real file has tens of thousands).
_NODES = 2_000_000


def modifier_names(root: Node, source: bytes) -> bytes | None:
    """`source` with each modifier word that is a property's name spelt `_bstract`; None when there is none.

    Only the parts of the tree that hold an error are walked: a word the grammar read
    well is no error. The same length keeps every line, column and byte in place.
    """
    found: list[int] = []
    stack = [root]
    seen = 0
    while stack and seen < _NODES:
        node = stack.pop()
        seen += 1
        for child in node.children:
            if child.type in MODIFIERS and not child.is_named and _name_follows(source, child.end_byte):
                found.append(child.start_byte)
            elif child.has_error or child.type == "ERROR":
                stack.append(child)
    if not found:
        return None
    fixed = bytearray(source)
    for at in found:
        fixed[at] = ord("_")
    return bytes(fixed)


def _name_follows(source: bytes, at: int) -> bool:
    """Whether the first character after `at` past white space is one that follows only a name.

    The white space skipped follows one token, so all the calls of a walk read each byte once.
    """
    end = len(source)
    while at < end and source[at] in _SPACE:
        at += 1
    return at < end and source[at] in _AFTER_NAME
