"""Each form field's verdict as `init` gives it, classified once however often it is asked.

`explain-column` asks a field's verdict for its row, for the column it fills and for the
kind it gives that column: classifying it anew each time (and reading the forms'
languages each time) made listing 3,000 fields several times the work of classifying
them (codereview29 F6).
"""

from __future__ import annotations

from cnsnt.classify import classify_field
from cnsnt.evidence import Classification, Evidence, FormField
from cnsnt.starter.fields import field_reading


class FieldVerdicts:
    """The forms' languages, the forms that ask for an address, and each field's verdict."""

    def __init__(self, evidence: Evidence) -> None:
        self.written, self.addressed = field_reading(evidence)
        # id -> (the field, kept alive so its id is not reused; its verdict)
        self._done: dict[int, tuple[FormField, Classification]] = {}

    def __call__(self, field: FormField) -> Classification:
        """The field's verdict, as `init` reads it (by its name; a nameless one by nothing)."""
        done = self._done.get(id(field))
        if done is not None:
            return done[1]
        verdict = classify_field(
            field.name or "",
            field.label,
            field.control,
            self.written,
            field.form,
            field.form in self.addressed,
            label_hint=field.label_hint,
        )
        self._done[id(field)] = (field, verdict)
        return verdict
