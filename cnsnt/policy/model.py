"""The validated policy as frozen dataclasses, with the place each entry came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cnsnt.model import Location

CONSENT_BASES = frozenset({"consent", "explicit_consent"})

#: The GDPR Art. 9(2) conditions a special-category datum may state (`condition:`).
ARTICLE9_CONDITIONS = (
    "explicit_consent", "employment", "vital_interests", "nonprofit", "made_public",
    "legal_claims", "substantial_public_interest", "health_care", "public_health",
    "archiving_research",
)
#: The two grounds GDPR Art. 10 allows for criminal convictions and offences data: the
#: processing is under the control of official authority, or Union or Member State law
#: authorises it (with safeguards). Consent is neither, and Art. 9(2) does not apply.
ARTICLE10_GROUNDS = ("official_authority", "authorised_by_law")


@dataclass(frozen=True)
class Text:
    """A customer-facing text: one string, or one per language.

    A plain string has language `None` (the policy's default language).
    """

    values: Mapping[str | None, str]

    def get(self, lang: str | None) -> str | None:
        """The text in `lang`, or None. A plain string serves every language."""
        if lang in self.values:
            return self.values[lang]
        if None in self.values:
            return self.values[None]
        return None

    def any(self) -> str:
        """Some text, for messages: the plain one, else English, else the first language."""
        for key in (None, "en"):
            if key in self.values:
                return self.values[key]
        return self.values[sorted(k for k in self.values if k is not None)[0]]

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages given explicitly (a plain string gives none)."""
        return tuple(sorted(k for k in self.values if k is not None))

    @classmethod
    def of(cls, raw: object) -> Text | None:
        """Build from the YAML value (str or map), None when absent."""
        if raw is None:
            return None
        if isinstance(raw, str):
            return cls({None: raw})
        assert isinstance(raw, Mapping)
        return cls({str(k): str(v) for k, v in raw.items()})


@dataclass(frozen=True)
class Controller:
    """Who is responsible for the processing."""

    name: str
    contact: str
    address: str | None = None
    dpo: str | None = None
    country: str | None = None
    representative: str | None = None
    authority: Text | None = None
    authority_url: str | None = None


@dataclass(frozen=True)
class SourceSpec:
    """One `sources:` entry with its path resolved against the declaring file."""

    kind: str
    """`schemas`, `databases`, `forms` or `queries`."""
    pattern: str
    """The path or glob as written (or the URL for databases)."""
    base_dir: Path
    location: Location
    dialect: str | None = None
    purpose: str | None = None
    format: str | None = None
    schemas: tuple[str, ...] = ()
    sample: bool = False
    log_line_prefix: str | None = None
    """PostgreSQL `log_line_prefix` of a server log (optional: guessed when absent)."""


@dataclass(frozen=True)
class Consent:
    """Where consent for a purpose is asked (form fields) and recorded (columns)."""

    form_fields: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    withdraw: Text | None = None


@dataclass(frozen=True)
class Purpose:
    """Why data is processed, and on what legal basis."""

    name: str
    description: Text
    basis: str
    location: Location
    use: str | None = None
    interest: Text | None = None
    consent: Consent | None = None
    automated_decision: Text | None = None

    @property
    def needs_consent(self) -> bool:
        """Consent-based purposes must show where consent is asked and recorded."""
        return self.basis in CONSENT_BASES


@dataclass(frozen=True)
class Recipient:
    """Someone the data is disclosed to."""

    key: str
    name: str
    location: Location
    country: str | None = None
    purposes: tuple[str, ...] = ()
    safeguard: Text | None = None
    sold: bool = False
    shared: bool = False


@dataclass(frozen=True)
class Datum:
    """One kind of personal data, as a customer would name it."""

    name: str
    category: str
    location: Location
    label: Text | None = None
    columns: tuple[str, ...] = ()
    form_fields: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    retention: Text | None = None
    recipients: tuple[str, ...] = ()
    recipients_stated: bool = False
    """True when the entry has its own `recipients:` (`[]`: no one receives this datum)."""
    required: bool | None = None
    consequence: Text | None = None
    condition: str | None = None
    origin: Text | None = None
    label_noted: bool = False
    """The label's line still ends with the comment `cnsnt init` writes beside a label it
    made up (`cnsnt.policy.init_labels`): with the starter's words, the label is its."""


@dataclass(frozen=True)
class Waiver:
    """An accepted finding; stops applying after `expires`."""

    rule: str
    reason: str
    location: Location
    field: str | None = None
    expires: str | None = None


@dataclass(frozen=True)
class TaxonomyEntry:
    """A data category or use defined by the policy itself."""

    key: str
    name: str | None = None
    description: str | None = None
    parent: str | None = None
    special: bool = False


@dataclass(frozen=True)
class Policy:
    """A loaded, schema-valid policy (possibly merged from several files)."""

    path: str
    """What the user named (file or directory), as given, for reports."""
    base_dir: Path
    """Directory report paths are made relative to."""
    controller: Controller | None = None
    sources: tuple[SourceSpec, ...] = ()
    purposes: Mapping[str, Purpose] = field(default_factory=dict)
    recipients: Mapping[str, Recipient] = field(default_factory=dict)
    recipients_stated: bool = False
    """True when the policy has a `recipients:` section, even an empty one (`[]`: no one
    receives the data). Absent, nobody has said who does, and a notice must not say "no one"."""
    data: Mapping[str, Datum] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    waivers: tuple[Waiver, ...] = ()
    categories: Mapping[str, TaxonomyEntry] = field(default_factory=dict)
    uses: Mapping[str, TaxonomyEntry] = field(default_factory=dict)
    notice: Mapping[str, object] = field(default_factory=dict)
    readability: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    locations: Mapping[tuple[str | int, ...], Location] = field(default_factory=dict)
    """JSON path in the policy document -> where it was written."""
    raw: Mapping[str, object] = field(default_factory=dict)
    """The merged document as plain data (for hashing and the JSON Schema)."""

    def where(self, *path: str | int) -> Location | None:
        """Location of a policy entry by its path, walking up to the nearest known one."""
        parts = tuple(path)
        while parts:
            if parts in self.locations:
                return self.locations[parts]
            parts = parts[:-1]
        return self.locations.get(())
