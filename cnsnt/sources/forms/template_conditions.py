"""Where each `if` branch of a template starts and ends, read from its tokens.

The reader asks which branch holds an offset: a `checked` printed inside a
condition, or a checked control whose twin sits in another branch of the same
`if`, is the template choosing, not a box ticked for everyone. An `else`
belongs to the innermost open block of its own syntax and an `endif` closes the
innermost matching one (`{% endif %}` never closes a `<!-- IF -->`); a block
left open ends with the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cnsnt.sources.forms.templates import BRANCH, CLOSE, IF, OPEN, Token


@dataclass
class _Block:
    name: str
    conditional: bool
    cur: int
    branches: list[tuple[int, int]] = field(default_factory=list)


def _same_syntax(block: str, token: str) -> bool:
    return block.partition(":")[0] == token.partition(":")[0]


class Conditions:
    """Where each `if` branch of the template starts and ends."""

    def __init__(self, tokens: Iterable[Token], size: int) -> None:
        stack: list[_Block] = []
        done: list[_Block] = []
        for t in tokens:
            if t.kind in (IF, OPEN):
                stack.append(_Block(t.name, t.kind == IF, t.end))
            elif t.kind == BRANCH:
                for block in reversed(stack):
                    if _same_syntax(block.name, t.name):
                        block.branches.append((block.cur, t.start))
                        block.cur = t.end
                        break
            elif t.kind == CLOSE:
                what = t.name.partition(":")[2]
                for idx in range(len(stack) - 1, -1, -1):
                    name = stack[idx].name
                    if _same_syntax(name, t.name) and what in ("*", name.partition(":")[2]):
                        while len(stack) > idx:
                            block = stack.pop()
                            block.branches.append((block.cur, t.start))
                            done.append(block)
                        break
        while stack:
            block = stack.pop()
            block.branches.append((block.cur, size))
            done.append(block)
        self.branches = sorted(
            (start, end, bid)
            for bid, block in enumerate(done)
            if block.conditional
            for start, end in block.branches
        )

    def innermost(self, pos: int) -> tuple[int, int, int] | None:
        """The innermost `if` branch holding `pos`, as (start, end, block id)."""
        best: tuple[int, int, int] | None = None
        for branch in self.branches:
            if branch[0] > pos:
                break
            if pos < branch[1]:
                best = branch
        return best

    def siblings(self, branch: tuple[int, int, int]) -> list[tuple[int, int, int]]:
        """The other branches of the same `if`."""
        return [b for b in self.branches if b[2] == branch[2] and b != branch]
