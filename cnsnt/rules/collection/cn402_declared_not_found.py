"""CN402."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from cnsnt.matching import KeyIndex
from cnsnt.model import Finding, Severity
from cnsnt.rules.base import Rule, RuleContext


def _closest(pattern: str, keys: Sequence[str]) -> str:
    """`; did you mean 'add-form.piva'?` for a renamed form or table, else nothing."""
    lowered = {k.lower(): k for k in keys}
    close = difflib.get_close_matches(pattern.lower(), list(lowered), n=1, cutoff=0.75)
    return f"; did you mean {lowered[close[0]]}?" if close else ""


class DeclaredNotFound(Rule):
    """## What it does
    Finds columns and form fields named in `data:` entries that exist in no
    audited source. Columns are checked only when schemas or databases were
    audited, form fields only when forms were.

    ## Why is this bad?
    A stale declaration means the policy no longer describes the system: the
    column was renamed (and the new name is undeclared) or dropped (and the
    notice still promises something that is not there).

    ## Example
    ```yaml
    data:
      email: {columns: [customer.email], ...}     # the table is `customers`
    ```

    ## Use instead
    ```yaml
      email: {columns: [customers.email], ...}
    ```

    ## References
    - GDPR Art. 5(1)(d) (accuracy of records), Art. 30
    """

    code = "CN402"
    name = "declared-not-found"
    severity = Severity.WARNING
    group = "collection"
    needs = frozenset({"schemas", "forms"})
    needs_any = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Each declared pattern that matches nothing."""
        audited = ctx.evidence.audited
        columns = [c.key for c in ctx.evidence.columns]
        fields = [f.key for f in ctx.evidence.fields if f.name is not None]
        column_index = KeyIndex(columns, columns=True)
        field_index = KeyIndex(fields, columns=False)
        for datum in ctx.policy.data.values():
            if audited & {"schemas", "databases"}:
                for i, pattern in enumerate(datum.columns):
                    if not column_index.named(pattern):
                        yield self.finding(
                            pattern,
                            f"data.{datum.name} declares column {pattern}, which is in no audited schema"
                            + _closest(pattern, columns),
                            "fix the table.column name, or remove the stale declaration",
                            ctx.policy.where("data", datum.name, "columns", i),
                            policy_entry=f"data.{datum.name}",
                        )
            if "forms" in audited:
                for i, pattern in enumerate(datum.form_fields):
                    if not field_index.named(pattern):
                        yield self.finding(
                            pattern,
                            f"data.{datum.name} declares form field {pattern}, which is in no "
                            "audited form" + _closest(pattern, fields),
                            "fix the form.field name, or remove the stale declaration",
                            ctx.policy.where("data", datum.name, "form_fields", i),
                            policy_entry=f"data.{datum.name}",
                        )
