"""Recognise personal data in single values: emails, phones, IBANs, cards, IPs, national ids.

Each recogniser checks the whole value and, where the format has one, its checksum
(python-stdnum, phonenumbers), so that a column of order numbers is not taken for
tax codes. A value is only looked at here; it is never kept, logged or returned.
"""

from __future__ import annotations

import functools
import importlib
import ipaddress
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

import phonenumbers
from stdnum import iban, luhn


@dataclass(frozen=True)
class Kind:
    """One kind of personal value."""

    key: str
    category: str
    """The taxonomy data category values of this kind belong to."""
    plural: str
    """How a reason names several of them: "7 of 20 sampled values are <plural>"."""


#: National identity numbers with a checksum: python-stdnum module -> what to call them.
NATIONAL_IDS: dict[str, str] = {
    "it.codicefiscale": "Italian tax codes",
    "es.dni": "Spanish DNI numbers",
    "es.nie": "Spanish NIE numbers",
    "fr.nir": "French social security numbers (NIR)",
    "de.idnr": "German tax identification numbers",
    "nl.bsn": "Dutch citizen service numbers (BSN)",
    "be.nn": "Belgian national numbers",
    "pl.pesel": "Polish PESEL numbers",
    "cz.rc": "Czech birth numbers",
    "ro.cnp": "Romanian personal numeric codes",
    "bg.egn": "Bulgarian personal numbers (EGN)",
    "gr.amka": "Greek social security numbers (AMKA)",
    "hr.oib": "Croatian personal identification numbers (OIB)",
    "ee.ik": "Estonian personal codes",
    "lt.asmens": "Lithuanian personal codes",
    "se.personnummer": "Swedish personal identity numbers",
    "dk.cpr": "Danish CPR numbers",
    "no.fodselsnummer": "Norwegian national identity numbers",
    "fi.hetu": "Finnish personal identity codes",
    "is_.kennitala": "Icelandic identity codes",
    "ie.pps": "Irish PPS numbers",
    "ch.ssn": "Swiss social security numbers",
    "tr.tckimlik": "Turkish identity numbers",
    "br.cpf": "Brazilian CPF numbers",
    "mx.curp": "Mexican CURP codes",
    "ca.sin": "Canadian social insurance numbers",
    "cn.ric": "Chinese resident identity card numbers",
    "in_.aadhaar": "Indian Aadhaar numbers",
    "za.idnr": "South African identity numbers",
}

EMAIL = Kind("email", "user.contact.email", "email addresses")
PHONE = Kind("phone", "user.contact.phone_number", "phone numbers")
IBAN = Kind("iban", "user.financial.bank_account", "IBANs")
CARD = Kind("card", "user.financial.credit_card", "payment card numbers")
IP = Kind("ip", "user.device.ip_address", "IP addresses")
#: Order of preference when two kinds match equally many values.
KINDS: tuple[Kind, ...] = (
    EMAIL,
    IBAN,
    CARD,
    IP,
    *(
        Kind(f"id:{m}", "user.government_id.national_identification_number", label)
        for m, label in NATIONAL_IDS.items()
    ),
    PHONE,
)

_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,63}"
)
_PHONE_CHARS = re.compile(r"\+?[0-9 ()./-]{6,30}")
_CARD_SEPARATORS = re.compile(r"[ -]")
_ID_SEPARATORS = re.compile(r"[ ./-]")


def is_email(value: str) -> bool:
    """A whole value that is one address (not a sentence that mentions one)."""
    return len(value) <= 254 and _EMAIL.fullmatch(value) is not None


def is_phone(value: str) -> bool:
    """An international number (`+39 ...` or `0039 ...`) that phonenumbers says is valid."""
    if not _PHONE_CHARS.fullmatch(value):
        return False
    text = "+" + value[2:] if value.startswith("00") else value
    if not text.startswith("+"):
        return False
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, None)))
    except phonenumbers.NumberParseException:
        return False


def is_iban(value: str) -> bool:
    """A valid IBAN (country format and mod-97 check)."""
    return len(value) <= 42 and bool(iban.is_valid(value))


def is_card(value: str) -> bool:
    """A payment card number: 13 to 19 digits of a card network that pass the Luhn check."""
    digits = _CARD_SEPARATORS.sub("", value)
    if not (13 <= len(digits) <= 19 and digits.isdigit() and digits[0] in "23456"):
        return False
    return bool(luhn.is_valid(digits))


def is_ip(value: str) -> bool:
    """An IPv4 or IPv6 address."""
    if len(value) > 45 or not any(ch in value for ch in ".:"):
        return False
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


@functools.cache
def _stdnum(module: str) -> ModuleType:
    return importlib.import_module(f"stdnum.{module}")


def _national(module: str) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        # Every id listed is 8 to 18 characters without separators, with at least six
        # digits (a birth date or a serial number): skip the checksums for anything else.
        compact = _ID_SEPARATORS.sub("", value)
        if not 8 <= len(compact) <= 18 or sum(ch.isdigit() for ch in compact) < 6:
            return False
        try:
            return bool(_stdnum(module).is_valid(value))
        except Exception:  # noqa: BLE001 - a validator's bug must not stop the audit
            return False

    return check


_CHECKS: dict[str, Callable[[str], bool]] = {
    EMAIL.key: is_email,
    PHONE.key: is_phone,
    IBAN.key: is_iban,
    CARD.key: is_card,
    IP.key: is_ip,
    **{f"id:{m}": _national(m) for m in NATIONAL_IDS},
}


_STRONG = (EMAIL, IBAN, CARD, IP)
_WEAK = tuple(k for k in KINDS if k not in _STRONG)


def kinds_of(value: str) -> list[Kind]:
    """Every kind a single value matches (a 9-digit number may pass two checksums)."""
    text = value.strip()
    if not text or len(text) > 254:
        return []
    # An email, IBAN, card number or IP address is that and nothing else: the ~30
    # national-id checksums are only run on values none of those claimed.
    strong = [kind for kind in _STRONG if _CHECKS[kind.key](text)]
    if strong:
        return strong
    return [kind for kind in _WEAK if _CHECKS[kind.key](text)]


@dataclass(frozen=True)
class Tally:
    """How many of the sampled values matched the most frequent kind."""

    sampled: int
    kind: Kind | None = None
    matched: int = 0

    @property
    def reason(self) -> str:
        """`7 of 20 sampled values are Italian tax codes`."""
        if self.kind is None:
            return f"none of {self.sampled} sampled values looks personal"
        return f"{self.matched} of {self.sampled} sampled values are {self.kind.plural}"


def tally(values: Iterable[object]) -> Tally:
    """Count kinds over values; only the counts leave this function."""
    counts: dict[str, int] = {}
    sampled = 0
    seen: dict[str, list[Kind]] = {}  # repeated values are checked once; dropped on return
    for value in values:
        if isinstance(value, bytes | bytearray | memoryview) or value is None:
            continue
        sampled += 1
        text = str(value)
        if text not in seen:
            seen[text] = kinds_of(text)
        for kind in seen[text]:
            counts[kind.key] = counts.get(kind.key, 0) + 1
    if not counts:
        return Tally(sampled)
    order = {k.key: i for i, k in enumerate(KINDS)}
    best = max(counts, key=lambda k: (counts[k], -order[k]))
    kind = next(k for k in KINDS if k.key == best)
    return Tally(sampled, kind, counts[best])
