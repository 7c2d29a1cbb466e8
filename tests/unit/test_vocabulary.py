"""The classifier's vocabulary files: well-formed, categories in the taxonomy, one spelling."""

from __future__ import annotations

from importlib import resources

import yaml

from cnsnt.classify.tokens import Tokenizer
from cnsnt.classify.vocabulary import LANGUAGES, load_vocabulary, stemmer
from cnsnt.policy.taxonomy import load_taxonomy

VOCAB = resources.files("cnsnt.classify").joinpath("vocab")


def _doc(name: str) -> dict[str, object]:
    doc = yaml.safe_load(VOCAB.joinpath(name).read_text(encoding="utf-8"))
    assert isinstance(doc, dict), name
    return doc


def test_one_file_per_language_each_well_formed() -> None:
    assert set(LANGUAGES) == {"en", "it", "ca", "es", "pt", "fr", "de", "tr", "ru", "hu", "pl", "nl"}
    taxonomy = load_taxonomy()
    for lang in LANGUAGES:
        doc = _doc(f"{lang}.yaml")
        assert doc["language"] == lang
        stemmer(str(doc["stemmer"]))  # a Snowball algorithm that exists
        terms = doc["terms"]
        assert isinstance(terms, dict) and terms, lang
        for category, strengths in terms.items():
            assert taxonomy.is_category(category.split("#")[0]), f"{lang}: {category}"
            assert isinstance(strengths, dict) and set(strengths) <= {"strong", "weak"}
            for words in strengths.values():
                assert isinstance(words, list) and words
                assert all(isinstance(w, str) and w == w.strip() and w for w in words), words
        assert set(doc) <= {
            "language", "stemmer", "terms", "people", "qualifiers", "negators", "values", "number_of", "sum_words",
            "number_words", "document_number_words", "reference_words", "title_words", "name_prefix_words",
            "of_words", "s_plural_numbers", "measure_words", "registration_words", "form_words", "key_number_words", "code_words", "result_words", "irregular_plurals", "registration_numbers", "server_words", "id_words", "document_numbers", "upload_words", "process_words", "enrolment_forms", "session_stems", "session_ends", "apart_key_words",
        }


def test_common_lists_and_translit_table() -> None:
    common = _doc("common.yaml")
    assert set(common["negators"]) == {"identifier", "timestamp", "flag", "counter", "technical"}
    table = _doc("translit.yaml")["cyrillic_to_latin"]
    assert isinstance(table, dict) and len(table) >= 30


def test_every_category_in_the_vocabulary_is_a_taxonomy_key() -> None:
    taxonomy = load_taxonomy()
    categories = {c.split("#")[0] for c, _, _ in load_vocabulary().terms.values()}
    categories |= {c.split("#")[0] for c in load_vocabulary().values.values()}
    assert sorted(c for c in categories if not taxonomy.is_category(c)) == []


def test_cyrillic_and_transliterated_spellings_meet() -> None:
    vocab = load_vocabulary()
    tok = Tokenizer(
        vocab.words, vocab.cyrillic, translit=vocab.translit, stemmed=vocab.stems, stemmers=vocab.stemmers
    )
    assert tok.words("фамилия") == tok.words("familiya") == ("famil",)
    assert tok.words("Дата рождения") == tok.words("data_rozhdeniya")


def test_suffixes_are_stemmed_to_vocabulary_words() -> None:
    vocab = load_vocabulary()
    tok = Tokenizer(
        vocab.words, vocab.cyrillic, translit=vocab.translit, stemmed=vocab.stems, stemmers=vocab.stemmers
    )
    assert tok.words("adresleri") == ("adres",)  # tr
    assert tok.words("Adı") == ("adi",)
    assert tok.words("lakcime") == ("lakcim",)  # hu
    # a different word that shares a stem is not taken for the vocabulary word
    assert tok.words("carga") != ("cargo",)


def test_glued_words_split_on_long_pieces_not_on_chance_fragments() -> None:
    """`donem` (Turkish: period) is not `do` + `nem` (Hungarian: sex); `idalunno` is `id` + `alunno`."""
    from cnsnt.classify.classifier import _TOKENIZER

    assert _TOKENIZER.words("prim_donem") != ("prim", "do", "nem")
    assert "alunno" in _TOKENIZER.words("idalunno")
    assert "nascimento" in _TOKENIZER.words("datadenascimento")


def test_a_short_word_is_not_cut_before_two_letters() -> None:
    """`parts` is no `par` (French: by) + `ts` (a timestamp), `logon` no `lo` + `on`;
    a long word still sheds a short tail (`createdts`, `clientno`)."""
    from cnsnt.classify.classifier import _TOKENIZER

    assert _TOKENIZER.words("nb_parts") == ("nb", "parts")
    assert _TOKENIZER.words("logon") == ("logon",)
    assert _TOKENIZER.words("createdts") == ("created", "ts")
    assert _TOKENIZER.words("clientno") == ("client", "no")


def test_a_phrase_of_the_vocabulary_adds_no_short_word_that_cuts_names() -> None:
    """Every word of a phrase joins the words glued names are split into: a phrase with
    `al` ("intolerancia al gluten") read `allocation` as `al` + `location`, a place, and
    `regional` as `region` + `al`. A new word of one or two letters needs a review."""
    from cnsnt.classify.classifier import _TOKENIZER

    assert _TOKENIZER.words("allocation") == ("allocation",)
    assert _TOKENIZER.words("regional_identifier")[0] == "regional"
    short = {w for w in _TOKENIZER.vocabulary if len(w) <= 2}
    reviewed = {
        "a", "ad", "an", "ap", "ar", "at", "by", "cc", "cf", "cp", "cr", "d", "da", "de", "di",
        "dm", "dn", "do", "dt", "du", "e", "el", "en", "es", "ev", "f", "fk", "i", "id", "il", "in",
        "ip", "is", "kv", "lu", "me", "my", "n", "na", "ni", "nm", "no", "nr", "o", "od", "of",
        "on", "os", "p", "pk", "po", "pw", "r", "rf", "rg", "rh", "sv", "tb", "tc", "to", "ts",
        "tz", "ua", "uf", "ul", "ur", "v", "v4", "v6", "w", "we", "y", "z", "ze", "zp",
    }
    assert short <= reviewed, sorted(short - reviewed)


def test_cyrillic_text_is_read_in_its_russian_sense() -> None:
    """`адрес` reads as `adres`, which Turkish lists first: a Cyrillic word's term is the Russian one,
    so a reason on a Russian schema no longer says "a postal address (tr)"."""
    from cnsnt.classify.classifier import _read

    for text, category in (("Адрес", "user.contact.address"), ("Факс", "user.contact.fax_number")):
        (match,) = _read(text).matches
        assert (match.lang, match.category) == ("ru", category), match
    assert _read("adres").matches[0].lang != "ru"  # the Latin word is still Turkish first
