from __future__ import annotations

from pathlib import Path

import pytest

from cnsnt.evidence import Evidence
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.forms.reader import read_forms

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = Path(__file__).resolve().parent / "corpus"
FORMS_CORPUS = CORPUS / "forms"


def read_form(path: Path, fmt: str | None = None) -> Evidence:
    """Read one form file as a `forms:` source next to a policy in its directory."""
    ctx = SourceContext(base_dir=path.parent)
    spec = SourceSpec("forms", path.name, path.parent, Location("cnsnt.yaml", 1, 1), format=fmt)
    return read_forms(path, spec, ctx)


def read_form_corpus(rel: str) -> Evidence:
    """A real form file from tests/corpus/forms."""
    return read_form(FORMS_CORPUS / rel)


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under tmp_path and return its path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write
