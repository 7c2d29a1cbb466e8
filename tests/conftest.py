from __future__ import annotations

import os
from pathlib import Path

import pytest

from cnsnt.evidence import Evidence
from cnsnt.model import Location
from cnsnt.policy.model import SourceSpec
from cnsnt.sources.base import SourceContext
from cnsnt.sources.forms.reader import read_forms

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _main_checkout(root: Path) -> Path | None:
    """The main checkout of a git worktree (whose `.git` is a file naming its git dir), else None.

    Read from git's files, without running git: `.git` says `gitdir: <main>/.git/worktrees/x`,
    whose `commondir` leads to `<main>/.git`.
    """
    dot_git = root / ".git"
    if not dot_git.is_file():
        return None
    head, _, gitdir = dot_git.read_text(encoding="utf-8", errors="replace").partition(":")
    if head.strip() != "gitdir" or not gitdir.strip():
        return None
    worktree = (root / gitdir.strip()).resolve()  # an absolute gitdir replaces root
    common = worktree / "commondir"
    if not common.is_file():
        return None
    return (worktree / common.read_text(encoding="utf-8").strip()).resolve().parent


def corpus_root(root: Path = ROOT, environ: dict[str, str] | None = None) -> Path:
    """Where the shared corpus is: `CNSNT_CORPUS`, else `../shared/corpus` beside the checkout.

    In a git worktree, "the checkout" is its main checkout when nothing is beside the worktree.
    """
    named = (os.environ if environ is None else environ).get("CNSNT_CORPUS")
    if named:
        return Path(named)
    beside = root.parent / "shared" / "corpus"
    main = None if beside.is_dir() else _main_checkout(root)
    return main.parent / "shared" / "corpus" if main is not None else beside


CORPUS = corpus_root()
"""Real third-party schemas, forms and queries, kept beside the checkout (never copied into it:
the repository carries no third-party files). CI and development machines have it; a fresh
clone alone does not, and the tests that need it skip saying so (`corpus_path`). CNSNT_CORPUS
points elsewhere."""
FORMS_CORPUS = CORPUS / "forms"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""Inputs written for these tests (server templates reproducing real projects' constructs)."""


def corpus_path(rel: str) -> Path:
    """A file of the shared corpus, or skip the test when the corpus is not beside the checkout."""
    path = CORPUS / rel
    if not path.is_file():
        where = f"the corpus directory {CORPUS}" if not CORPUS.is_dir() else f"{rel} in it"
        pytest.skip(
            f"needs the real third-party inputs of ../shared/corpus or CNSNT_CORPUS ({where} is absent)"
        )
    return path


def corpus_dir() -> Path:
    """The shared corpus directory, or skip the test when it is absent (as `corpus_path`)."""
    if not CORPUS.is_dir():
        pytest.skip(
            f"needs the real third-party inputs of ../shared/corpus or CNSNT_CORPUS ({CORPUS} is absent)"
        )
    return CORPUS


def read_form(path: Path, fmt: str | None = None) -> Evidence:
    """Read one form file as a `forms:` source next to a policy in its directory."""
    ctx = SourceContext(base_dir=path.parent)
    spec = SourceSpec("forms", path.name, path.parent, Location("cnsnt.yaml", 1, 1), format=fmt)
    return read_forms(path, spec, ctx)


def read_form_corpus(rel: str) -> Evidence:
    """A real form file from ../shared/corpus/forms (skips when the corpus is absent)."""
    return read_form(corpus_path(f"forms/{rel}"))


def read_form_fixture(rel: str) -> Evidence:
    """A form file we wrote, from tests/fixtures/forms."""
    return read_form(FIXTURES / "forms" / rel)


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
