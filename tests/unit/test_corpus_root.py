"""Tests on real inputs find the shared corpus one way: `CNSNT_CORPUS`, else `../shared/corpus`
beside the checkout (a git worktree's main checkout when nothing is beside the worktree)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import corpus_root


def test_cnsnt_corpus_wins(tmp_path: Path):
    assert corpus_root(tmp_path / "main", {"CNSNT_CORPUS": str(tmp_path / "elsewhere")}) == tmp_path / "elsewhere"


def test_the_corpus_beside_the_checkout(tmp_path: Path):
    (tmp_path / "shared" / "corpus").mkdir(parents=True)
    (tmp_path / "main").mkdir()
    assert corpus_root(tmp_path / "main", {}) == tmp_path / "shared" / "corpus"


def test_a_worktree_finds_the_corpus_beside_its_main_checkout(tmp_path: Path):
    """`.git` of a worktree is a file: `gitdir: <main>/.git/worktrees/<name>`, whose
    `commondir` is `../..` (what `git worktree add` writes)."""
    main, tree = tmp_path / "repo" / "main", tmp_path / "trees" / "django21"
    gitdir = main / ".git" / "worktrees" / "django21"
    gitdir.mkdir(parents=True)
    (gitdir / "commondir").write_text("../..\n")
    tree.mkdir(parents=True)
    (tree / ".git").write_text(f"gitdir: {gitdir}\n")
    assert corpus_root(tree, {}) == tmp_path / "repo" / "shared" / "corpus"
    (tmp_path / "trees" / "shared" / "corpus").mkdir(parents=True)  # one beside the worktree wins
    assert corpus_root(tree, {}) == tmp_path / "trees" / "shared" / "corpus"
    (tree / ".git").unlink()  # a plain clone with nothing beside it: where the corpus would be
    assert corpus_root(tmp_path / "lone", {}) == tmp_path / "shared" / "corpus"
