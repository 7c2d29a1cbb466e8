"""Where each `if` branch of a template starts and ends, read from its tokens.

The reader asks which branch holds an offset: a `checked` printed inside a
condition, or a checked control whose twin sits in another branch of the same
`if`, is the template choosing, not a box ticked for everyone. An `else`
belongs to the innermost open block of its own syntax and an `endif` closes the
innermost matching one (`{% endif %}` never closes a `<!-- IF -->`); a block
left open ends with the file.
"""

from __future__ import annotations

from bisect import bisect_right
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
        self._starts = [b[0] for b in self.branches]
        # the latest end over each node's branches (a max tree), for `innermost`
        n = 1
        while n < len(self.branches):
            n *= 2
        self._leaves = n
        self._max_end = [-1] * (2 * n)
        for i, branch in enumerate(self.branches):
            self._max_end[n + i] = branch[1]
        for i in range(n - 1, 0, -1):
            self._max_end[i] = max(self._max_end[2 * i], self._max_end[2 * i + 1])

    def innermost(self, pos: int) -> tuple[int, int, int] | None:
        """The innermost `if` branch holding `pos`, as (start, end, block id).

        The last branch in order that starts at or before `pos` and ends after it, found
        in O(log n) with the max tree (a scan of every branch per control was quadratic).
        """
        last = bisect_right(self._starts, pos) - 1
        if last < 0:
            return None
        ends, node = self._max_end, self._leaves + last
        if ends[node] <= pos:
            while node > 1 and not (node & 1 and ends[node - 1] > pos):
                node //= 2
            if node <= 1:
                return None
            node -= 1  # the nearest subtree to the left holding a branch that ends after pos
            while node < self._leaves:
                node = 2 * node + 1 if ends[2 * node + 1] > pos else 2 * node
        return self.branches[node - self._leaves]

    def siblings(self, branch: tuple[int, int, int]) -> list[tuple[int, int, int]]:
        """The other branches of the same `if`."""
        return [b for b in self.branches if b[2] == branch[2] and b != branch]
