"""What the use rules share: who ran a query, for what, and whether a column is personal."""

from __future__ import annotations

from cnsnt.evidence import Access, ColumnUse, Query
from cnsnt.rules.base import RuleContext


def query_purposes(query: Query) -> tuple[str, ...]:
    """Every purpose the query is attributed to (a role may serve several)."""
    if query.purposes:
        return query.purposes
    return (query.purpose,) if query.purpose else ()


def is_personal(ctx: RuleContext, key: str) -> bool:
    """Classified personal or declared in a datum, and not ignored."""
    if ctx.index.column_ignored(key):
        return False
    verdict = ctx.evidence.classified.get(key)
    return bool((verdict is not None and verdict.personal) or ctx.index.data_for_column(key))


def who(query: Query) -> str:
    """`query at FILE:LINE (role R, 12 calls)` for messages; `query Repo.method at ...` when named."""
    extras = []
    if query.role:
        extras.append(f"role {query.role}")
    if query.calls > 1:
        extras.append(f"{query.calls} calls")
    tail = f" ({', '.join(extras)})" if extras else ""
    named = f" {query.name}" if query.name else ""
    return f"query{named} at {query.location}{tail}"


def under(query: Query) -> str:
    """`under purpose newsletter (from the role)` for messages."""
    purposes = query_purposes(query)
    if not purposes:
        return "with no purpose"
    names = ", ".join(purposes)
    origin = {
        "comment": "annotation",
        "file": "file annotation",
        "role": f"role {query.role}" if query.role else "role",
        "source": "source entry",
    }.get(query.purpose_origin or "", "")
    label = "purposes" if len(purposes) > 1 else "purpose"
    return f"under {label} {names}" + (f" (from the {origin})" if origin else "")


def verb(accesses: set[Access]) -> str:
    """`reads`, `writes` or `reads and writes`."""
    if accesses == {Access.READ, Access.WRITE}:
        return "reads and writes"
    return "writes" if Access.WRITE in accesses else "reads"


def by_column(uses: tuple[ColumnUse, ...]) -> dict[str, set[Access]]:
    """Accesses per column key, in the (sorted) order of the uses."""
    out: dict[str, set[Access]] = {}
    for use in uses:
        out.setdefault(use.column, set()).add(use.access)
    return out


def suppression(query: Query, code: str) -> str | None:
    """The reason of an inline `cnsnt: ignore CODE reason` on this query, if any."""
    reasons = [reason for rule, reason in query.ignores if rule.upper() == code]
    return f"inline ignore: {'; '.join(reasons)}" if reasons else None
