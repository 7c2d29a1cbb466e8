"""xorm, bun and ent readers over a real project from the shared corpus, when it holds one."""

from __future__ import annotations

import pytest

from cnsnt.sources.schemas.go_kinds import go_kind
from tests.conftest import corpus_dir
from tests.unit.schema_entry import read_entry


@pytest.mark.parametrize("kind", ["xorm", "bun", "ent"])
def test_real_go_orm_project_from_the_corpus(kind: str):
    """The corpus INDEX lists SQL schemas, forms and queries, no Go project yet: skipped until one is added."""
    corpus = corpus_dir()
    files = sorted(corpus.glob("**/*.go"))
    mine = [p for p in files if go_kind(p.read_text(encoding="utf-8", errors="replace")) == kind]
    if not mine:
        pytest.skip(f"no {kind} Go file in the corpus at {corpus}")
    home = mine[0].parent
    ev = read_entry(home, "*.go", kind, dialect=None)
    assert ev.tables
    assert not [p for p in ev.problems if "internal error" in p.message]
