"""CN104."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from cnsnt.evidence import FormField
from cnsnt.matching import column_matches
from cnsnt.model import Finding, Location, Severity
from cnsnt.policy.model import Datum
from cnsnt.rules.base import Rule, RuleContext


def _at(location: Location | None) -> str:
    """`cnsnt.yaml:52`: a policy line as a message names it."""
    if location is None or location.path is None:
        return "the policy"
    return f"{location.path}:{location.line}" if location.line is not None else location.path


def _column_names(key: str) -> Callable[[str], bool]:
    """Whether a policy pattern names the column `key`."""
    return lambda pattern: column_matches(pattern, key)


def _field_names(ctx: RuleContext, field: FormField) -> Callable[[str], bool]:
    """Whether a policy pattern names the form field (by its form's old name too)."""
    return lambda pattern: ctx.index.aliases.matches(pattern, field)


class DeclaredAndIgnored(Rule):
    """## What it does
    Finds columns and form fields that a `data:` entry declares and an `ignore:` item
    names too: the policy says both "personal, for these purposes" and "not personal
    data". The warning names the data entry's line and the `ignore:` item's.

    ## Why is this bad?
    `ignore:` wins: the use rules pass over an ignored column (CN301 never checks a
    query's purpose against the data entry's, CN302, CN303 and CN401 treat it as not
    personal), so the purposes and retention the entry states are never checked for it.
    It usually comes from a pattern under `ignore:` that names more than was meant
    (`benutzer.*_id` for a table's keys also names `benutzer.google_id`, a person's
    identifier), or from a column declared by hand after it was ignored.

    ## Example
    ```yaml
    data:
      unique_id: {category: user.unique_id, columns: [benutzer.google_id], ...}
    ignore: [benutzer.*_id]
    ```

    ## Use instead
    ```yaml
    ignore: [benutzer.rolle_id, benutzer.mitglied_id]   # the keys it meant, by name
    ```

    Or, when it is not personal data after all, take it out of the data entry.
    `cnsnt init --update --reviewed` never writes such a pair: a pattern row marked
    `false` leaves a declared column where it is and writes the columns it took one by one.

    ## References
    - GDPR Art. 5(1)(b) purpose limitation, Art. 5(2) accountability, Art. 30
    """

    code = "CN104"
    name = "declared-and-ignored"
    severity = Severity.WARNING
    group = "collection"
    needs = frozenset({"schemas", "forms"})
    needs_any = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding per column or form field both declared and ignored."""
        index, policy = ctx.index, ctx.policy
        if not policy.ignore:
            return
        seen: set[str] = set()
        for column in ctx.evidence.columns:
            key = column.key
            if key.casefold() in seen or not index.column_ignored(key):
                continue
            data = index.data_for_column(key)
            if not data:
                continue
            seen.add(key.casefold())
            yield self._finding(ctx, "column", key, data, _column_names(key), "columns", column.location)
        for field in ctx.evidence.fields:
            key = field.key
            if field.name is None or f"form:{key.casefold()}" in seen or not index.field_ignored(field):
                continue
            data = index.data_for_field(field)
            if not data:
                continue
            seen.add(f"form:{key.casefold()}")
            yield self._finding(
                ctx, "form field", key, data, _field_names(ctx, field), "form_fields", field.location
            )

    def _finding(
        self,
        ctx: RuleContext,
        what: str,
        key: str,
        data: Sequence[Datum],
        names: Callable[[str], bool],
        kind: str,
        source: Location | None,
    ) -> Finding:
        """The warning, at the first `ignore:` item naming it, with the data entry's line."""
        policy = ctx.policy
        items = [(i, p) for i, p in enumerate(policy.ignore) if names(p)]
        declared = []
        for datum in data:
            patterns = datum.columns if kind == "columns" else datum.form_fields
            at = next((i for i, p in enumerate(patterns) if names(p)), None)
            where = policy.where("data", datum.name, *((kind, at) if at is not None else ()))
            declared.append(f"data.{datum.name} at {_at(where)}")
        ignored = ", ".join(f"{p} at {_at(policy.where('ignore', i))}" for i, p in items)
        first = items[0] if items else None
        location = policy.where("ignore", first[0]) if first is not None else policy.where("ignore")
        entries = " and ".join(declared)
        source_at = f" ({source})" if source is not None else ""
        return self.finding(
            key,
            f"{what} {key}{source_at} is declared in {entries}, and ignore: names it too, {ignored}: "
            "ignore: wins, so the use rules pass over it and the entry's purposes are never checked",
            f"if it is personal data, take it out of ignore: (narrow a pattern to the {what}s it means, "
            f"by name); if it is not, take it out of {' and '.join(f'data.{d.name}' for d in data)}",
            location,
            policy_entry="ignore",
        )
