"""The only package that imports sqlglot: DDL, uses, fingerprints and statement splitting.

sqlglot logs every statement it falls back to parsing as a `Command`, whole, on its
`sqlglot` logger: password literals and personal data would reach stderr and CI logs.
cnsnt reports unparsed statements itself (CN001, redacted), so that logger is silenced
here, in every process that parses SQL (worker processes import this package too).
"""

from __future__ import annotations

import logging

_SQLGLOT_LOG = logging.getLogger("sqlglot")
_SQLGLOT_LOG.addHandler(logging.NullHandler())
_SQLGLOT_LOG.propagate = False
