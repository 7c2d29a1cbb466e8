"""CN601."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.notices.checks import readability_issues
from cnsnt.rules.base import Rule, RuleContext


class HardToRead(Rule):
    """## What it does
    Measures every customer-facing text of the policy (purpose descriptions and
    interests, how to withdraw consent, consequences, labels, retention
    sentences, transfer safeguards, automated decisions), in every language it
    is written in, three ways:

    - a readability formula fitted to the language: Flesch reading ease (en,
      at least 50), Gulpease (it, at least 50), Szigriszt-Pazos (ca and es, at
      least 55), Ateşman (tr, at least 40), Oborneva (ru, at least 40) and LIX
      (hu, at most 60); only on texts of 10 words or more, never on labels;
    - the longest sentence: at most 25 words (en, it, ca, es) or 20 (tr, ru, hu);
    - legal jargon from a list per language ("pursuant to", "ai sensi",
      "işbu", "настоящим", "adatkezelő", ...).

    Plain strings count as the policy's default language (`notice.languages[0]`,
    else English, and then the fix says so). Thresholds and jargon are set per language under
    `readability:`; a jargon entry starting with `!` removes a shipped one.

    ## Why is this bad?
    Consent is only valid when it is informed, and a notice is only read when it
    is short and plain. The law asks for "concise, transparent, intelligible and
    easily accessible form, using clear and plain language".

    ## Example
    ```yaml
    purposes:
      newsletter:
        description: >-
          Pursuant to the applicable legislation, the data subject's contact
          details shall be processed for the dispatch of promotional communications.
        basis: consent
    ```

    ## Use instead
    ```yaml
    purposes:
      newsletter:
        description: To send you our monthly menu and offers by email.
        basis: consent
    readability:
      en: {min_score: 60}   # stricter than the shipped 50, if you like
    ```

    ## References
    - GDPR Art. 12(1) (clear and plain language), Art. 7(2), Recital 58
    - CCPA regulations §7003(a) (easy to read, plain, straightforward language)
    - Flesch (1948); Lucisano & Piemontese (1988, Gulpease); Szigriszt-Pazos
      (1993); Ateşman (1997); Oborneva (2006); Björnsson (1968, LIX)
    """

    code = "CN601"
    name = "hard-to-read"
    severity = Severity.WARNING
    group = "notice"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Every customer text, in every language it has, that fails the plain-language check."""
        for issue in readability_issues(ctx.policy):
            yield self.finding(
                issue.subject,
                issue.message,
                issue.hint,
                ctx.policy.where(*issue.path),
                policy_entry=".".join(issue.path[:2]),
            )
