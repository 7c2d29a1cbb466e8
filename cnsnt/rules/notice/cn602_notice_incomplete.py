"""CN602."""

from __future__ import annotations

from collections.abc import Iterator

from cnsnt.model import Finding, Severity
from cnsnt.notices.checks import completeness_issues
from cnsnt.rules.base import Rule, RuleContext


class NoticeIncomplete(Rule):
    """## What it does
    Finds what the customer notice must say but the policy does not give.
    Under GDPR (the default, `--preset gdpr` and `strict`), per Art. 13:

    - the controller's identity and contact (`controller:`);
    - for each purpose on legitimate interests, the interest (`interest:`);
    - for each consent-based purpose, how to withdraw (`consent.withdraw:`);
    - who receives the data (`recipients:`; `recipients: []` when no one outside
      the organisation does: a policy without the section has not said);
    - for each recipient outside the EEA without an adequacy decision, the
      transfer safeguard (`safeguard:`); a recipient without `country:` warns;
    - for each datum asked in a form, whether it is `required:`, and for
      required ones what happens without it (`consequence:`);
    - a `label:` for each datum that only its key could tell apart from another
      (without one, the notice names a datum by its category, never by its key),
      and one in place of the label `cnsnt init` writes for fields of a kind it
      cannot name (it names tables and folders);
    - (warnings) the supervisory authority (`controller.authority`), whether
      decisions are automated (`notice.automated_decisions`), a `label:` for
      each other datum, and every text in each language of `notice.languages`.

    With `--preset ccpa` (a notice at collection, Cal. Civ. Code §1798.100):
    whether personal information is sold or shared (`notice.sells_data`,
    `recipients.*.sold/shared`, which must agree) and a link to the privacy
    policy (`notice.url`), besides the controller, labels and translations.
    Categories and purposes are CN103's and CN102's; retention is CN501's.

    ## Why is this bad?
    `cnsnt notice` writes the notice from the policy alone. What the policy
    leaves out, the notice cannot say, and an incomplete notice makes consent
    uninformed and the processing unlawful.

    ## Example
    ```yaml
    purposes:
      newsletter: {description: To send you our menu., basis: consent}
      analytics: {description: To see which pages are read., basis: legitimate_interests}
    ```

    ## Use instead
    ```yaml
    purposes:
      newsletter:
        description: To send you our menu.
        basis: consent
        consent: {withdraw: Click "unsubscribe" at the bottom of any email.}
      analytics:
        description: To see which pages are read.
        basis: legitimate_interests
        interest: Making the website easier to use.
    ```

    ## References
    - GDPR Art. 13(1)-(2), Art. 7(3), Art. 44-46
    - CCPA §1798.100(a); CCPA regulations §7012 (notice at collection)
    """

    code = "CN602"
    name = "notice-incomplete"
    severity = Severity.ERROR
    group = "notice"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        """Every element the notice must state that the policy lacks."""
        for issue in completeness_issues(ctx.policy, ctx.preset):
            yield self.finding(
                issue.subject,
                issue.message,
                issue.hint,
                ctx.policy.where(*issue.path),
                policy_entry=".".join(issue.path[:2]) or None,
                severity=issue.severity,
            )
