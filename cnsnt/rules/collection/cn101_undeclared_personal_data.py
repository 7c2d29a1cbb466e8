"""CN101."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.evidence import FieldRole
from cnsnt.model import Confidence, Finding, Severity
from cnsnt.rules.base import Rule, RuleContext


class UndeclaredPersonalData(Rule):
    """## What it does
    Finds columns and form fields that hold personal data but appear in no
    `data:` entry of the policy and are not listed under `ignore:`. A column
    is personal when the classifier says so from its name, type and comment
    (in many languages) read in the light of its table: a table whose columns
    identify a person, or whose rows link to one, makes `state`, `note` or
    `start_date` that person's data. The message gives the reason;
    `cnsnt explain-column TABLE.COLUMN` prints the whole chain. A form field
    is personal whenever a person fills it
    in, except buttons, technical hidden fields, honeypots and the consent
    controls themselves. With `--preset strict` every column counts.

    ## Why is this bad?
    Data nobody declared has no stated purpose, legal basis or retention: it is
    the column added "just in case". It cannot appear in the notice, so the
    people it describes were never told about it.

    ## Example
    ```sql
    CREATE TABLE reviews (id INT, body TEXT, ip_address INET);
    ```
    with a policy that declares no datum with `columns: [reviews.ip_address]`.

    ## Use instead
    Declare it with a purpose and a retention period, or stop collecting it:
    ```yaml
    data:
      review_ip:
        category: user.device.ip_address
        columns: [reviews.ip_address]
        purposes: [fraud_prevention]
        retention: P30D
    ```
    If it is not personal data, add it to `ignore:`.

    ## References
    - GDPR Art. 5(1)(b) purpose limitation, 5(1)(c) data minimisation
    - GDPR Art. 13 (information to be provided), Art. 30 (records of processing)
    - CCPA §1798.100(a) (notice at collection)
    """

    code = "CN101"
    name = "undeclared-personal-data"
    severity = Severity.ERROR
    group = "collection"
    needs = frozenset({"schemas", "forms"})
    needs_any = True

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Columns first, then form fields."""
        index = ctx.index
        views = {t.name for t in ctx.evidence.tables if t.is_view}
        for column in ctx.evidence.columns:
            key = column.key
            if (
                index.column_ignored(key)
                or index.data_for_column(key)
                or index.is_consent_column(column)
            ):
                continue
            verdict = ctx.evidence.classified.get(key)
            personal = verdict is not None and verdict.personal
            if not personal and not ctx.strict:
                continue
            what = f" ({verdict.reason})" if verdict and verdict.reason else ""
            kind = "view column" if column.table in views else "column"
            yield self.finding(
                key,
                f"{kind} {key} holds personal data{what} but no data entry declares it"
                if personal
                else f"{kind} {key} is not declared (--preset strict)",
                "add it to a data entry's columns with purposes and retention, "
                "or to ignore: if it is not personal data",
                column.location,
                confidence=verdict.confidence if verdict and personal else Confidence.LOW,
                source=column.source,
            )
        for field in ctx.evidence.fields:
            if field.name is None or field.role is not FieldRole.INPUT:
                continue
            key = field.key
            if (
                index.field_ignored(field)
                or index.data_for_field(field)
                or index.is_consent_field(field)
            ):
                continue
            label = f" ('{field.label}')" if field.label else ""
            yield self.finding(
                key,
                f"form field {key}{label} collects data from a person but no data entry declares it",
                "add it to a data entry's form_fields with purposes and retention, "
                "or remove the field",
                field.location,
                source=field.source,
            )
