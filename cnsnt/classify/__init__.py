"""The personal-data classifier: names, types and comments of columns, and form fields.

`classify_tables` reads whole tables (their columns and links to people) and says,
for every column, whether it holds personal data, of which taxonomy category, and
why; `classify_column` does the same for one column known by its table's name only;
`classify_field` suggests a category for a form field (every field a person fills
in is personal), from the same vocabulary. All are pure and deterministic.
"""

from cnsnt.classify.classifier import classify_column, classify_field, type_holds
from cnsnt.classify.tables import (
    TableReading,
    classify_tables,
    column_verdicts,
    explain,
    rank_languages,
    read_tables,
    table_verdicts,
)

__all__ = [
    "TableReading",
    "classify_column",
    "classify_field",
    "classify_tables",
    "column_verdicts",
    "explain",
    "rank_languages",
    "read_tables",
    "table_verdicts",
    "type_holds",
]
