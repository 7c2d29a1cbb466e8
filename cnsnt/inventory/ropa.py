"""The GDPR Art. 30(1) record of processing activities, one activity per purpose.

Art. 30(1) lists what the record holds: (a) the controller, its representative and
DPO with contact details; (b) the purposes; (c) the categories of data subjects and
of personal data; (d) the categories of recipients, including in third countries;
(e) transfers to third countries and their safeguards; (f) time limits for erasure;
(g) a general description of the security measures. Everything comes from the
policy; what the policy does not state is listed under `gaps` (and left visible as
"not stated in the policy" in the record, which is internal, not customer-facing).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from cnsnt.notices.checks import ADEQUATE, EEA
from cnsnt.notices.i18n import lang as get_lang
from cnsnt.notices.labels import basis_name
from cnsnt.notices.version import notice_version
from cnsnt.policy.model import Policy
from cnsnt.textsafe import spreadsheet_cell

from .build import datum_labels, first_text, gdpr_special
from .model import marked_label
from .render import _clean

ROPA_FORMATS = ("markdown", "html", "csv", "json")
NOT_STATED = "not stated in the policy"


@dataclass(frozen=True)
class Transfer:
    """A disclosure to a recipient outside the EEA (Art. 30(1)(e))."""

    recipient: str
    country: str
    safeguard: str


@dataclass(frozen=True)
class Activity:
    """One processing activity: everything Art. 30(1)(b)-(g) asks about one purpose."""

    key: str
    purpose: str
    basis: str
    interest: str | None
    data_subjects: tuple[str, ...]
    data_categories: tuple[str, ...]
    special_categories: tuple[str, ...]
    recipients: tuple[str, ...]
    transfers: tuple[Transfer, ...]
    retention: tuple[str, ...]
    security_measures: tuple[str, ...]


@dataclass(frozen=True)
class Ropa:
    """The record of one controller."""

    controller: dict[str, str]
    activities: tuple[Activity, ...]
    version: str
    """The policy version the record was made from (same hash as the notices)."""
    gaps: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """Plain data for `--format json`."""
        return {
            "record": "GDPR Art. 30(1) record of processing activities",
            "policy_version": self.version,
            "controller": self.controller,
            "activities": [
                {**a.__dict__, "transfers": [t.__dict__ for t in a.transfers]}
                for a in self.activities
            ],
            "gaps": list(self.gaps),
        }


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value if v is not None)
    return ()


def build_ropa(policy: Policy) -> Ropa:
    """The Art. 30(1) record the policy states."""
    en = get_lang("en")
    raw = policy.raw
    gaps: list[str] = []
    c = policy.controller
    controller: dict[str, str] = {}
    if c is None:
        gaps.append("controller: name and contact (Art. 30(1)(a))")
    else:
        controller = {"name": c.name, "contact": c.contact}
        for key in ("address", "dpo", "representative", "country"):
            value = getattr(c, key)
            if value:
                controller[key] = str(value)
        if not c.dpo:
            controller["dpo"] = NOT_STATED
    subjects_default = _strings(raw.get("data_subjects"))
    security = _strings(raw.get("security_measures"))
    if not security:
        gaps.append("security_measures: a general description of the security measures "
                    "(Art. 30(1)(g))")
    raw_purposes = raw.get("purposes")
    labels = datum_labels(policy)
    gaps.extend(
        f"data.{name}.label: the label cnsnt init wrote names code, not what people give; "
        "the record shows the category in its place (Art. 30(1)(c))"
        for name, (_, gap) in labels.items() if gap
    )
    activities = []
    for key, purpose in policy.purposes.items():
        entry = raw_purposes.get(key) if isinstance(raw_purposes, dict) else None
        subjects = _strings(entry.get("data_subjects")) if isinstance(entry, dict) else ()
        subjects = subjects or subjects_default
        if not subjects:
            gaps.append(f"purposes.{key}.data_subjects (or data_subjects:): whose data it is "
                        "(Art. 30(1)(c))")
        data = [d for d in policy.data.values() if key in d.purposes]
        categories, special, retention = [], [], []
        for d in data:
            label = marked_label(*labels[d.name])
            categories.append(f"{label} ({d.category})")
            if (kind := gdpr_special(policy, d.category)) is not None:
                special.append(f"{label} ({kind})")
            kept = first_text(policy, d.retention)
            if kept is None:
                gaps.append(f"data.{d.name}.retention (Art. 30(1)(f))")
            retention.append(f"{label}: {_duration(kept) if kept else NOT_STATED}")
        recipients, transfers = [], []
        keys = {k for d in data for k in d.recipients} | {
            k for k, r in policy.recipients.items() if key in r.purposes
        }
        for rkey in sorted(keys):
            r = policy.recipients.get(rkey)
            if r is None or (r.purposes and key not in r.purposes):
                continue
            recipients.append(r.name + (f" ({r.country})" if r.country else ""))
            if r.country and r.country not in EEA:
                safeguard = first_text(policy, r.safeguard)
                if safeguard is None and r.country in ADEQUATE:
                    safeguard = f"EU adequacy decision (GDPR Art. 45) for {r.country}"
                if safeguard is None:
                    gaps.append(f"recipients.{rkey}.safeguard (Art. 30(1)(e))")
                transfers.append(Transfer(r.name, r.country, safeguard or NOT_STATED))
        activities.append(
            Activity(
                key=key,
                purpose=first_text(policy, purpose.description) or key,
                basis=f"{basis_name(en, purpose.basis)} ({purpose.basis})",
                interest=first_text(policy, purpose.interest),
                data_subjects=subjects or (NOT_STATED,),
                data_categories=tuple(categories),
                special_categories=tuple(special),
                recipients=tuple(recipients) or ((NOT_STATED,) if not policy.recipients_stated else ()),
                transfers=tuple(transfers),
                retention=tuple(retention),
                security_measures=security or (NOT_STATED,),
            )
        )
    gaps.extend(_left_out(policy))
    return Ropa(
        controller={k: _clean(v) for k, v in controller.items()},
        activities=tuple(activities),
        version=notice_version(policy),
        gaps=tuple(dict.fromkeys(gaps)),
    )


def _left_out(policy: Policy) -> list[str]:
    """What the activities cannot show: data in no defined purpose, names nothing defines.

    Each activity lists the data of its purpose and the recipients it names, so a datum
    whose purposes are not defined, a purpose or recipient named but not defined, and a
    recipient named for no purpose would otherwise drop out of the record unsaid.
    """
    gaps = []
    if not policy.recipients_stated and policy.purposes:
        gaps.append(
            "recipients: who receives the data, or recipients: [] when no one outside the "
            "organisation does (Art. 30(1)(d))"
        )
    for d in policy.data.values():
        for p in d.purposes:
            if p not in policy.purposes:
                gaps.append(f"purposes.{p}: named by data.{d.name} but not defined (Art. 30(1)(b))")
        if not any(p in policy.purposes for p in d.purposes):
            gaps.append(
                f"data.{d.name}.purposes: the processing activity it is for; it is in none (Art. 30(1)(b))"
            )
        for rkey in d.recipients:
            if rkey not in policy.recipients:
                gaps.append(f"recipients.{rkey}: named by data.{d.name} but not defined (Art. 30(1)(d))")
    for key, recipient in policy.recipients.items():
        for p in recipient.purposes:
            if p not in policy.purposes:
                gaps.append(f"purposes.{p}: named by recipients.{key} but not defined (Art. 30(1)(b))")
        named = any(key in d.recipients for d in policy.data.values())
        if not named and not any(p in policy.purposes for p in recipient.purposes):
            gaps.append(
                f"recipients.{key}.purposes: the processing activity it receives data for; "
                "it is in none (Art. 30(1)(d))"
            )
    return gaps


def _duration(text: str) -> str:
    words = get_lang("en").duration(text)
    return f"{words} ({text})" if words else text


# -- renderers ---------------------------------------------------------------------------

_FIELDS = (
    ("purpose", "Purpose (Art. 30(1)(b))"),
    ("basis", "Legal basis (Art. 6)"),
    ("interest", "Legitimate interest"),
    ("data_subjects", "Categories of data subjects (Art. 30(1)(c))"),
    ("data_categories", "Categories of personal data (Art. 30(1)(c))"),
    ("special_categories", "Special categories (Art. 9)"),
    ("recipients", "Recipients (Art. 30(1)(d))"),
    ("transfers", "Transfers to third countries and safeguards (Art. 30(1)(e))"),
    ("retention", "Time limits for erasure (Art. 30(1)(f))"),
    ("security_measures", "Security measures (Art. 30(1)(g))"),
)

_CONTROLLER = (
    ("name", "Controller"), ("contact", "Contact"), ("address", "Address"),
    ("dpo", "Data protection officer"), ("representative", "Representative in the EU"),
    ("country", "Country"),
)


def _cell(a: Activity, name: str) -> list[str]:
    value = getattr(a, name)
    if name == "transfers":
        return [f"{t.recipient} ({t.country}): {t.safeguard}" for t in value] or ["none"]
    if value is None:
        return []
    if isinstance(value, tuple):
        return [_clean(v) for v in value] or ["none"]
    return [_clean(str(value))]


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def _md(text: str) -> str:
    return " ".join(_clean(text).split()).translate(_MD_SPECIAL)


def render_ropa_markdown(r: Ropa) -> str:
    """The record as Markdown: the controller, then one table per activity."""
    out = ["# Record of processing activities (GDPR Art. 30(1))", ""]
    out += [f"Policy version: `{r.version}`", "", "## Controller (Art. 30(1)(a))", ""]
    out += [f"- {label}: {_md(r.controller[k])}" for k, label in _CONTROLLER if k in r.controller]
    out.append("")
    for a in r.activities:
        key = a.key.replace("`", "'")
        out += [f"## {_md(a.purpose)} (`{key}`)", "", "| | |", "|---|---|"]
        for name, label in _FIELDS:
            cells = _cell(a, name)
            if cells:
                out.append(f"| {label} | {'<br>'.join(_md(x) for x in cells)} |")
        out.append("")
    if r.gaps:
        out += ["## Not stated in the policy", ""]
        out += [f"- {_md(g)}" for g in r.gaps]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_ropa_csv(r: Ropa) -> str:
    """One row per activity, lists joined with `; ` (spreadsheet-safe)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    controller = "; ".join(f"{label}: {r.controller[k]}" for k, label in _CONTROLLER if k in r.controller)
    writer.writerow(["activity", *[label for _, label in _FIELDS], "Controller (Art. 30(1)(a))"])
    for a in r.activities:
        writer.writerow([a.key, *["; ".join(_cell(a, n)) for n, _ in _FIELDS], controller])
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    safe = io.StringIO()
    out = csv.writer(safe, lineterminator="\n")
    for row in rows:
        out.writerow([spreadsheet_cell(c) for c in row])
    return safe.getvalue()


@cache
def _env() -> Environment:
    return Environment(
        loader=PackageLoader("cnsnt.inventory", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )


def page_css(name: str) -> str:
    """A stylesheet shipped in `templates/`, tidied so its CSP hash is stable."""
    text = resources.files("cnsnt.inventory").joinpath("templates", name).read_text("utf-8")
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip()) + "\n"


def csp_for(css: str, *, images: bool = True) -> str:
    """A Content-Security-Policy that allows no script and only this exact stylesheet."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def render_ropa_html(r: Ropa) -> str:
    """A self-contained, printable HTML page (no script, strict CSP)."""
    css = page_css("ropa.css")
    fields = [(label, name) for name, label in _FIELDS]
    text = _env().get_template("ropa.html.j2").render(
        r=r, fields=fields, cell=_cell, controller_fields=_CONTROLLER,
        css=Markup(css), csp=csp_for(css),
    )
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line) + "\n"


def render_ropa(r: Ropa, fmt: str) -> str:
    """The record in one format."""
    if fmt == "markdown":
        return render_ropa_markdown(r)
    if fmt == "html":
        return render_ropa_html(r)
    if fmt == "csv":
        return render_ropa_csv(r)
    if fmt == "json":
        return json.dumps(r.to_json(), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(fmt)
