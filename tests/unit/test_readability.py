"""Plain-language checks: syllables, sentences, jargon, thresholds, and the calibration.

The calibration samples (tests/notices/calibration/<lang>.yaml) are plain
customer texts and real legalese (GDPR, KVKK and 152-FZ articles, and the
openings notices in each language typically use). Plain texts must pass;
legalese must fail, and except where noted the formula alone must tell them apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cnsnt.notices.readability import (
    FORMULAS,
    assess,
    find_jargon,
    score,
    shipped_jargon,
    split_sentences,
    syllables,
    text_stats,
    thresholds_for,
)

CALIBRATION = Path(__file__).resolve().parents[1] / "notices" / "calibration"
LANGS = ("en", "it", "ca", "tr", "ru", "hu", "es", "de", "fr", "pt", "nl", "pl")
#: Legalese samples with short sentences that only the jargon check catches (by index).
JARGON_ONLY = {("en", 2)}


def samples(kind: str):
    for lang in LANGS:
        doc = yaml.safe_load((CALIBRATION / f"{lang}.yaml").read_text(encoding="utf-8"))
        for i, text in enumerate(doc[kind]):
            yield pytest.param(lang, i, text, id=f"{lang}-{kind}-{i}")


@pytest.mark.parametrize(("lang", "index", "text"), list(samples("plain")))
def test_plain_texts_pass(lang, index, text):
    result = assess(text, lang)
    assert result.ok, result.problems()
    assert result.score is not None  # long enough to be scored


@pytest.mark.parametrize(("lang", "index", "text"), list(samples("legalese")))
def test_legalese_fails(lang, index, text):
    result = assess(text, lang)
    assert not result.ok
    if (lang, index) not in JARGON_ONLY:
        assert result.score_fails, (result.formula, result.score)
    else:
        assert result.jargon


@pytest.mark.parametrize("lang", LANGS)
def test_formula_separates_plain_from_legalese_with_margin(lang):
    doc = yaml.safe_load((CALIBRATION / f"{lang}.yaml").read_text(encoding="utf-8"))
    limits = thresholds_for(lang)
    plain = [score(t, lang)[1] for t in doc["plain"]]  # type: ignore[index]
    legal = [
        score(t, lang)[1]  # type: ignore[index]
        for i, t in enumerate(doc["legalese"]) if (lang, i) not in JARGON_ONLY
    ]
    if FORMULAS[lang].higher_is_easier:
        assert limits.min_score is not None
        assert min(plain) >= limits.min_score + 3, plain
        assert max(legal) <= limits.min_score - 5, legal
    else:
        assert limits.max_score is not None
        assert max(plain) <= limits.max_score - 1, plain
        assert min(legal) >= limits.max_score + 5, legal


@pytest.mark.parametrize(
    ("lang", "word", "count"),
    [
        ("en", "information", 4), ("en", "table", 2), ("en", "deleted", 3), ("en", "liked", 1),
        ("en", "recipients", 4), ("it", "informazioni", 5), ("it", "prenotazione", 5),
        ("ca", "informació", 5), ("ca", "l'adreça", 3), ("tr", "kullanıyoruz", 5),
        ("tr", "işlenebilecek", 6), ("ru", "персональных", 4), ("ru", "согласие", 4),
        ("hu", "hozzájárulását", 6), ("hu", "adatkezelő", 5), ("es", "información", 4),
        ("pl", "dziękujemy", 4), ("pl", "niezbędne", 3), ("pl", "przetwarzanie", 4),
        ("de", "Einwilligung", 4), ("fr", "consentement", 3), ("nl", "gegevens", 3),
        ("pt", "consentimento", 5),
    ],
)
def test_syllables(lang, word, count):
    assert syllables(word, lang) == count


def test_sentences_do_not_end_at_abbreviations_or_lowercase():
    text = "See Art. 13 of the law, e.g. the rights. We keep it for 2 years. Call us at lakeside.example now."
    assert split_sentences(text) == [
        "See Art. 13 of the law, e.g. the rights.",
        "We keep it for 2 years.",
        "Call us at lakeside.example now.",
    ]


def test_semicolons_do_not_split_legal_enumerations():
    text = "We collect: a) your name; b) your address; c) your card."
    assert len(split_sentences(text)) == 1


def test_urls_and_emails_count_as_one_short_word():
    stats = text_stats("Write to privacy@lakeside.example or see https://lakeside.example/privacy.", "en")
    assert stats.words == 6


def test_jargon_matches_words_phrases_and_endings_only():
    assert find_jargon("Pursuant to the law, we shall write.", shipped_jargon("en")) == (
        "Pursuant to",
        "shall",
    )
    assert find_jargon("A shallow pool.", shipped_jargon("en")) == ()
    assert find_jargon("Az adatkezelőnek írjon.", ["adatkezelő*"]) == ("adatkezelőnek",)
    assert find_jargon("Lo chiede l’interessato.", ["l'interessat*"]) == ("l’interessato",)
    assert find_jargon("Субъекта персональных данных", ["субъект* персональных данных"])


def test_thresholds_from_the_policy_override_and_extend():
    policy_settings = {"en": {"min_score": 70, "max_sentence_words": 12, "jargon": ["synergy", "!shall"]}}
    limits = thresholds_for("en", policy_settings)
    assert limits.min_score == 70 and limits.max_sentence_words == 12
    assert "synergy" in limits.jargon and "shall" not in limits.jargon
    assert thresholds_for("en-GB", policy_settings).min_score == 70  # root language applies
    hu = thresholds_for("hu", {"hu": {"max_score": 70}})
    assert hu.max_score == 70 and hu.min_score is None


def test_short_texts_get_no_score_and_unknown_languages_no_formula():
    assert assess("Your email address", "en").score is None
    unknown = assess("Vi lagrer dataene dine i to år og sletter dem deretter med en gang.", "no")
    assert unknown.formula is None and unknown.score is None and unknown.ok


def test_problems_name_formula_sentence_and_jargon():
    text = " ".join(["The data subject shall be informed of the processing"] * 4) + "."
    problems = assess(text, "en").problems()
    assert any(p.startswith("a sentence of 36 words (max 25)") for p in problems)
    assert any("legal jargon: 'data subject', 'shall'" in p for p in problems)
