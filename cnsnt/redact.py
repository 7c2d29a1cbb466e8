"""Keep secrets out of everything cnsnt prints: messages, reports, notices."""

from __future__ import annotations

import re

_URL_CREDENTIALS = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:/@\s]*):(?P<secret>[^@/\s]+)@"
)
_KEY_VALUE = re.compile(
    r"(?i)\b(?P<key>password|passwd|pwd|secret|token|api_key|apikey)=(?P<value>[^&\s;'\"]+)"
)


def redact(text: str) -> str:
    """Hide credentials: `postgresql://admin:S3cret@db/app` -> `postgresql://admin:***@db/app`."""
    text = _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)
    return _KEY_VALUE.sub(lambda m: f"{m['key']}=***", text)
