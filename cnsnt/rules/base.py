"""The rule interface: one small class per rule, with its code, name, severity and doc.

A rule's docstring is its user documentation (ruff-style headings:
*What it does*, *Why is this bad?*, *Example*, *Use instead*, *References*),
shown by `cnsnt explain CODE`.
"""

from __future__ import annotations

import inspect
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from cnsnt.evidence import Evidence
from cnsnt.matching import PolicyIndex
from cnsnt.model import Confidence, Finding, Location, Severity
from cnsnt.policy.model import Policy

if TYPE_CHECKING:
    from cnsnt.policy.taxonomy import Taxonomy

#: The end of a docstring's first sentence ("Art. 9" and "e.g. x" do not end one).
#: Linear: fixed-length lookbehinds and two characters, tried once per offset.
_SENTENCE_END = re.compile(r"(?<!\bArt)(?<!\be\.g)\.\s")


@dataclass(frozen=True)
class RuleContext:
    """What a rule may look at. Rules never read files."""

    policy: Policy
    evidence: Evidence
    index: PolicyIndex
    taxonomy: Taxonomy
    preset: str | None = None

    @property
    def strict(self) -> bool:
        """`--preset strict`: every field must be declared."""
        return self.preset == "strict"


class Rule(ABC):
    """Base of every rule."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    group: ClassVar[str]
    needs: ClassVar[frozenset[str]] = frozenset()
    """Evidence kinds that must have been audited (`schemas`, `forms`, `queries`...);
    with none of them present the engine skips the rule and says why."""
    needs_any: ClassVar[bool] = False
    """With `needs`: True runs the rule when any (not all) of the kinds is present."""

    @abstractmethod
    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Yield this rule's findings."""

    def finding(
        self,
        subject: str,
        message: str,
        hint: str,
        location: Location | None = None,
        *,
        policy_entry: str | None = None,
        confidence: Confidence = Confidence.HIGH,
        severity: Severity | None = None,
        source: str | None = None,
        suppressed: str | None = None,
        personal: bool = False,
    ) -> Finding:
        """Build a finding of this rule."""
        return Finding(
            rule=self.code,
            name=self.name,
            severity=severity or self.severity,
            subject=subject,
            message=message,
            hint=hint,
            location=location,
            policy_entry=policy_entry,
            confidence=confidence,
            source=source if source is not None else (location.path if location else None),
            suppressed=suppressed,
            personal=personal,
        )

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation (its docstring, dedented)."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        """First line of the *What it does* section."""
        lines = cls.doc().splitlines()
        para: list[str] = []
        for i, line in enumerate(lines):
            if line.lower().startswith("## what it does"):
                for following in lines[i + 1 :]:
                    if not following.strip():
                        if para:
                            break
                        continue
                    para.append(following.strip())
                break
        text = " ".join(para) or next((line for line in lines if line.strip()), "")
        # The first sentence; "Art. 9" and "e.g. x" do not end one.
        match = _SENTENCE_END.search(text)
        return text[: match.start() + 1] if match else text
