"""The text of a starter policy, and of the data entries `--update` adds to one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from cnsnt.model import Confidence
from cnsnt.policy.init_labels import LABEL_NOTE
from cnsnt.starter.discover import Found
from cnsnt.starter.entries import Entry
from cnsnt.starter.fields import WHOLE_FORM_MARK, PersonalField
from cnsnt.starter.things import SET_ASIDE_START, IgnoredField
from cnsnt.starter.yaml_text import comment, line, scalar
from cnsnt.typed_names import hidden_note

BASES = (
    "consent | explicit_consent | contract | legal_obligation | vital_interests | public_task"
    " | legitimate_interests"
)

#: The fill-in note beside a criminal-data entry's `# condition:` line.
ARTICLE10_NOTE = (
    "fill in: the GDPR Art. 10 ground, official_authority or authorised_by_law (consent is none)"
)

#: Nobody has said yet who receives the data: a notice must not say "no one" (CN602).
RECIPIENTS = (
    "# Who receives the data outside your organisation: processors (a payment, e-mail or",
    "# hosting provider, ...), other companies, authorities. Name each under recipients:,",
    "# or write recipients: [] when no one does; until then cnsnt notice cannot say (CN602).",
    "# recipients:",
    "#   payments:",
    "#     name: Example Payments Ltd",
    "#     country: IE",
    "#     purposes: [orders]",
)


def why(field: PersonalField, reasons: bool = True) -> str:
    """The comment beside a field: the classifier's reason (unless `reasons` is False) and where.

    A key with a combining or invisible character (`randevu_i̇sim`, Hibernate's lower-casing
    of `İ`) says so: it looks like a name one can type, and is not (review24 D10).
    """
    unsure = "unsure, check: " if field.confidence is Confidence.LOW else ""
    loc = field.location
    where = f"{loc.path}:{loc.line}" if loc.line else (loc.path or loc.uri or "")
    hidden = hidden_note(field.key)
    odd = f"; {hidden}" if hidden else ""
    if not reasons:  # a whole form's pattern keeps the words that mark it as init's
        mark = f"{WHOLE_FORM_MARK} " if WHOLE_FORM_MARK in field.reason else ""
        return f"{'unsure, ' if unsure else ''}{mark}[{where}]{odd}"
    return (f"{unsure}{field.reason} [{where}]" if field.reason else f"{unsure}[{where}]") + odd


def data_entries(
    entries: Sequence[Entry], indent: int, *, note: str | None = None, reasons: bool = True
) -> list[str]:
    """The lines of `entries` as block mappings at `indent` (the data entry names' column).

    `reasons=False` keeps only where each field is (and whether it is unsure): for a
    policy that would otherwise be too large to load.
    """
    inner = indent + 2
    out: list[str] = []
    for entry in entries:
        head = _head(entry)
        if note:
            head += f"; {note}"
        out.append(line(indent, f"{scalar(entry.name)}:", head))
        out.extend(line(inner, f"# {comment(note)}") for note in entry.notes)
        # the comment marks the label as the starter's (a draft notice does not print it)
        out.append(line(inner, f"label: {scalar(entry.label)}", LABEL_NOTE))
        check = f"check it; {entry.special}" if entry.special else "check the suggested category"
        out.append(line(inner, f"category: {scalar(entry.category)}", check))
        for title, fields in (("columns", entry.columns), ("form_fields", entry.form_fields)):
            if not fields:
                continue
            out.append(line(inner, f"{title}:"))
            out.extend(line(inner + 2, f"- {scalar(f.key)}", why(f, reasons)) for f in fields)
        out.append(line(inner, "purposes: []", "fill in: why you process it (names under purposes:)"))
        if entry.form_fields:
            out.append(line(inner, "# required: true", "fill in: must people give it to use the service?"))
        if entry.article10:  # Art. 10's grounds; consent is none (review35 R35a D3)
            out.append(line(inner, "# condition: official_authority", ARTICLE10_NOTE))
        elif entry.article9:
            out.append(line(inner, "# condition: explicit_consent", "fill in: the GDPR Art. 9(2) condition"))
        out.append(line(inner, "# retention: P1Y", "fill in: how long you keep it (ISO 8601 or a sentence)"))
    return out


def _head(entry: Entry) -> str:
    """An entry's comment: how many fields init found, and how many a reviewer marked personal.

    A field a reviewed list made personal was not found by cnsnt: a person decided it
    (review34 R34a D8, R34b D11), so it is counted by the list that says so.
    """
    marked: dict[str, int] = {}
    for f in (*entry.columns, *entry.form_fields):
        if f.reviewed:
            source = f.reviewed.rpartition(":")[0]
            marked[source] = marked.get(source, 0) + f.covers
    return head_text(entry.count - sum(marked.values()), marked)


def head_text(found: int, marked: Mapping[str, int]) -> str:
    """`3 fields found by cnsnt init, 1 field marked personal in review.csv`: an entry's count.

    `--update` makes it again to tell init's header from a person's, and to correct its
    count (`cnsnt.starter.entry_counts`).
    """
    parts = [f"{found} field{'s' if found != 1 else ''} found by cnsnt init"] if found or not marked else []
    parts += [f"{n} field{'s' if n != 1 else ''} marked personal in {source}" for source, n in marked.items()]
    return ", ".join(parts)


def source_item(found: Found) -> str:
    """A file entry of `sources:` in flow style: `{path: "db/*.sql", dialect: postgres}`."""
    extra = f", dialect: {scalar(found.dialect)}" if found.dialect else ""
    extra += f", format: {scalar(found.format)}" if found.format else ""
    return f"{{path: {scalar(found.pattern)}{extra}}}"


def new_policy(
    sources: Sequence[Found],
    entries: Sequence[Entry],
    consent_controls: Sequence[str],
    *,
    problems: int = 0,
    warnings: int = 0,
    today: dt.date | None = None,
    notes: Sequence[str] = (),
    reasons: bool = True,
    ignored: Sequence[IgnoredField] = (),
) -> str:
    """A complete starter `cnsnt.yaml`: valid as it is, with what to fill in said in comments.

    `notes`: what discovery left out and why, said under `sources:`. `reasons=False`:
    each field's comment says where it is, not why it is personal (a smaller file).
    `ignored`: form fields that fill a column about a thing, listed under `ignore:`.
    """
    day = (today or dt.date.today()).isoformat()
    fields = sum(e.count for e in entries)
    out = [
        f"# Starter privacy policy written by `cnsnt init` on {day}.",
        f"# cnsnt found {fields} personal field{'s' if fields != 1 else ''} in {len(sources)} "
        f"source entr{'ies' if len(sources) != 1 else 'y'}; each is listed under data: with "
        + ("the reason." if reasons else "where it is (the reasons would make this file too large to load)."),
        "# What to do next:",
        "#   1. controller: who is responsible for the data (uncomment and fill in).",
        "#   2. purposes: why you process personal data, each with its legal basis.",
        "#   3. recipients: who receives the data (uncomment and fill in, or write recipients: []).",
        "#   4. data: for each entry fill in purposes and retention, check the category and",
        "#      the label, and move a field that is not personal data to ignore:.",
        "#   5. run `cnsnt audit` until it passes; then `cnsnt notice` writes the notice.",
    ]
    if problems:
        out.append(
            f"# {problems} part{'s' if problems != 1 else ''} of the sources could not be read: "
            "run `cnsnt audit` to see them (CN001)."
        )
    if warnings:
        out.append(
            f"# {warnings} warning{'s' if warnings != 1 else ''} about parts of the sources read "
            "around: run `cnsnt audit` to see them (CN001)."
        )
    out += [
        "cnsnt: 1",
        "",
        "# controller:",
        "#   name: Your Company Ltd",
        "#   contact: privacy@example.com",
        "#   address: 1 Example Street, Springfield",
        "#   country: IE",
        "#   authority: Data Protection Commission  # the regulator people may complain to",
        "",
        "sources:",
    ]
    out += [f"  # {comment(note)}" for note in notes]  # file names are untrusted (a newline, ESC)
    if not sources:
        out.append(line(2, "schemas: []", "no schema, form or query file found: add paths here"))
    for kind in ("schemas", "databases", "forms", "queries"):
        mine = [s for s in sources if s.kind == kind]
        if not mine:
            continue
        out.append(f"  {kind}:")
        for found in mine:
            if kind == "databases":  # read-only introspection; a password only as ${VAR}
                out.append(f"    - {{url: {scalar(found.pattern)}}}")
                continue
            out.append(f"    - {source_item(found)}")
    out += [
        "",
        line(0, "purposes: {}", "fill in, for example:"),
        "#   orders:",
        "#     description: To deliver what you order and keep you posted.",
        f"#     basis: contract          # {BASES}",
    ]
    if consent_controls:
        out += [
            "# Consent controls found in the forms: name each under the consent: of the",
            "# consent-based purpose it asks for, e.g. consent: {form_fields: [FORM.FIELD]}",
        ]
        out += [f"#   - {c}" for c in consent_controls]
    out += ["", *RECIPIENTS]
    out += ["", "data:" if entries else line(0, "data: {}", "cnsnt found no personal field")]
    out += data_entries(entries, 2, reasons=reasons)
    out += ["", *ignore_section(ignored, reasons)]
    return "\n".join(out) + "\n"


def ignore_section(ignored: Sequence[IgnoredField], reasons: bool = True) -> list[str]:
    """The `ignore:` block: `[]` with an example, or the form fields that fill a column about a thing."""
    note = 'fields that are not personal data, e.g. ["*.created_at"]'
    if not ignored:
        return [line(0, "ignore: []", note)]
    out = [
        line(0, "ignore:", note),
        "  # Form fields that fill a column cnsnt finds not personal (a vehicle's engine size):",
        "  # cnsnt init lists them here, not under data:. Check each.",
    ]
    for field in ignored:
        loc = field.location
        where = f"{loc.path}:{loc.line}" if loc.line else (loc.path or loc.uri or "")
        said = f"{field.reason} [{where}]" if reasons else f"{SET_ASIDE_START}{field.column}' [{where}]"
        out.append(line(2, f"- {scalar(field.key)}", said))
    return out
