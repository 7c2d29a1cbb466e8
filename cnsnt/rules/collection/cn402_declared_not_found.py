"""CN402."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

from cnsnt.matching import AliasIndex, KeyIndex, is_glob
from cnsnt.model import Finding, Location, Severity
from cnsnt.rules.base import Rule, RuleContext


def _closest(pattern: str, keys: Sequence[str]) -> str:
    """`; did you mean 'add-form.piva'?` for a renamed form or table, else nothing."""
    lowered = {k.lower(): k for k in keys}
    close = difflib.get_close_matches(pattern.lower(), list(lowered), n=1, cutoff=0.75)
    return f"; did you mean {lowered[close[0]]}?" if close else ""


def _listed(keys: Sequence[str], most: int = 4) -> str:
    """`a, b and c`, at most `most` of them named."""
    shown = list(keys[:most]) + ([f"{len(keys) - most} more"] if len(keys) > most else [])
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _head(pattern: str) -> str:
    """The table or form part of a pattern: up to its first dot not escaped (`gone` of `gone.col`)."""
    escaped = False
    for i, char in enumerate(pattern):
        if char == "." and not escaped:
            return pattern[:i]
        escaped = char == "\\" and not escaped
    return pattern


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

    An `ignore:` item that names a table, column or form field no audited source holds
    any more is reported the same way (`ignore: names notifications.channel, which is in
    no audited schema or form`), so a team can clean the list after a table is dropped or
    a form renamed (review35 R35b D8). An item for any table (`*.created_at`) is a rule,
    not a name, and is not reported; items are checked when schemas were audited (an
    item may name a column or a form field).

    An info names a form-field key written with a form's file name (`_form.first_name`)
    when forms of several files have that name and cnsnt named them by their paths
    (`partners/children/_form`): the key still declares all of them, and also the next
    file's `_form`; list the keys it means instead (also under `ignore:` and a purpose's
    `consent.form_fields`).

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
        # a key with a renamed form's old name still names its fields
        named = [k for f in ctx.evidence.fields if f.name is not None for k in f.keys]
        # a nameless control declared by its id, as CN001's fix says
        named += [k for f in ctx.evidence.fields for k in f.id_keys]
        field_index = KeyIndex(named, columns=False)
        aliases = ctx.index.aliases
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
                    else:
                        yield from self._by_old_name(
                            aliases,
                            pattern,
                            f"data.{datum.name}",
                            ctx.policy.where("data", datum.name, "form_fields", i),
                        )
        if "forms" in audited:
            yield from self._old_names_elsewhere(ctx, aliases)
        if audited & {"schemas", "databases"}:  # what no form holds may be a column: checked then
            yield from self._stale_ignores(ctx, column_index, field_index, columns + fields)

    def _stale_ignores(
        self, ctx: RuleContext, columns: KeyIndex, fields: KeyIndex, keys: Sequence[str]
    ) -> Iterator[Finding]:
        """Each `ignore:` item that names a table or form no audited source holds any more.

        An item whose table or form part is a wildcard (`*.created_at`) is a rule for any
        table, not a name, and is left alone. Run when schemas were audited: an item may
        name a column or a form field, and a policy that reads no form holds no field.
        """
        for i, pattern in enumerate(ctx.policy.ignore):
            generic = is_glob(_head(pattern).replace("\\*", "").replace("\\?", ""))
            if generic or columns.named(pattern) or fields.named(pattern):
                continue
            yield self.finding(
                pattern,
                f"ignore: names {pattern}, which is in no audited schema or form" + _closest(pattern, keys),
                "fix the name, or remove the stale ignore: item (its table, column or field is gone)",
                ctx.policy.where("ignore", i),
                policy_entry="ignore",
            )

    def _old_names_elsewhere(self, ctx: RuleContext, aliases: AliasIndex) -> Iterator[Finding]:
        """The same info for keys of consent controls and of `ignore:`."""
        for purpose in ctx.policy.purposes.values():
            for i, pattern in enumerate(purpose.consent.form_fields if purpose.consent else ()):
                yield from self._by_old_name(
                    aliases,
                    pattern,
                    f"purposes.{purpose.name}.consent",
                    ctx.policy.where("purposes", purpose.name, "consent", "form_fields", i),
                )
        for i, pattern in enumerate(ctx.policy.ignore):
            yield from self._by_old_name(aliases, pattern, "ignore", ctx.policy.where("ignore", i))

    def _by_old_name(
        self, aliases: AliasIndex, pattern: str, entry: str, where: Location | None
    ) -> Iterator[Finding]:
        """An info when the pattern names fields only by their form's old, shared name."""
        keys = aliases.through_alias(pattern)
        if not keys:
            return
        if pattern.split(".", 1)[0].casefold() == "index":
            # an `index` file's forms are named after their folder (or path), not `index`
            why = "the name of an `index` file, while cnsnt names its forms after their folder or path"
        else:
            why = "a form name that forms of several files have, so cnsnt names each by its path"
        yield self.finding(
            pattern,
            f"{entry} names form field {pattern} by {why}: it declares {_listed(keys)}",
            f"list the keys it means instead ({keys[0]}): the old name would also declare the "
            "fields of the next file's form of that name",
            where,
            policy_entry=entry,
            severity=Severity.INFO,
        )
