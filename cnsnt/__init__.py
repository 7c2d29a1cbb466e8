"""cnsnt: a consent and data-minimization auditor."""

__version__ = "0.1.0"

ISSUES_URL = "https://github.com/cnsnt/cnsnt/issues"
