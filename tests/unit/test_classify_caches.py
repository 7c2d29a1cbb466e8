"""What the classifier keeps between calls is never handed out to be changed by a caller."""

from __future__ import annotations

from cnsnt.classify.tokens import raw_words


def test_raw_words_gives_each_caller_a_list_of_its_own() -> None:
    """`raw_words` is cached: a caller that changes its list must not change the next caller's."""
    first = raw_words("dataNascimentoResponsavel")
    first.append("changed")
    assert raw_words("dataNascimentoResponsavel") == ["data", "nascimento", "responsavel"]
