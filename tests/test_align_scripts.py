"""Anchors and tokens for any script: CJK and Thai cut into n-grams, full-width marks, digits of
every system, Latin words shared across scripts, transliterated names; a fitted length ratio."""

from pathlib import Path

from align.anchors import (
    mark_anchors,
    name_anchors,
    number_anchors,
    sentence_anchors,
    word_anchors,
)
from align.bead import Anchor
from align.documents import Sentences, align_documents, text_script
from align.evaluate import read_gold, score_alignments
from align.lexicon import sentence_words
from align.scripts import cjk_numbers, dominant_script, tokens
from align.sentences import fit_alignment, gale_church
from translate.langs import get_language

DATA = Path(__file__).resolve().parent / "data" / "align"


def test_unspaced_scripts_are_cut_into_character_ngrams():
    assert [w for _, w in tokens("云南插队。")] == ["云南", "南插", "插队"]
    assert ("Thai", "ไทย") in tokens("ภาษาไทย")  # the vowel marks stay with their letters
    assert [w for _, w in tokens("Générations in Київ")] == ["generations", "киів"]
    assert {"云南", "cnn"} <= sentence_words("CNN报道云南")


def test_the_script_of_a_text_without_a_language_module():
    assert dominant_script(["我二十一岁时，正在云南插队。", "OK"]) == "Han"
    assert text_script(Sentences(["我在山下十四队。"], [False], "zh")) == "Han"
    assert text_script(Sentences(["Ég er hér."], [False], "is")) == "Latin"
    assert text_script(Sentences(["Привіт"], [False], "uk")) == "Cyrillic"  # the module's


def test_full_width_and_cjk_marks_and_digits_of_every_system():
    assert mark_anchors("你去过吗？（没有）") == mark_anchors("Have you been? (No)")
    assert mark_anchors("《黄金时代》") == {Anchor("punct", "quote")}
    assert number_anchors("２０２３年") == number_anchors("in 2023") == {Anchor("number", "2023")}
    assert number_anchors("१२३ रुपये") == number_anchors("١٢٣ روبية") == {Anchor("number", "123")}


def test_latin_words_are_shared_across_scripts():
    zh = word_anchors("据CNN报道，他在Google工作。", latin_only=True)
    en = word_anchors("According to CNN, he works at Google.", latin_only=True)
    assert Anchor("word", "google") in zh & en
    assert all(a.key.isascii() for a in zh)  # no Chinese "words"


def test_transliterated_names_meet_their_latin_spelling():
    uk = name_anchors("Тарас Шевченко народився в Моринцях.", get_language("uk"))
    en = name_anchors("Taras Shevchenko was born in Moryntsi.", get_language("en"))
    assert {Anchor("name", "shev"), Anchor("name", "tara")} <= uk & en
    both = sentence_anchors(["Шевченко"], latin_only=True, names=get_language("uk"))
    assert Anchor("name", "shev") in both[0]


# A short Chinese text written for this test and its English rendering: far longer in characters.
ZH = ["我二十一岁那年去了乡下。", "村子在山脚下，离城很远。", "每天早上我们六点起床。", "那里的冬天非常冷。",
      "我在那里认识了一个医生。", "她比我大五岁。", "我们常常一起散步。", "后来她回了城里。",
      "我再也没有见过她。", "很多年以后，我收到了一封信。", "信是她写的。", "她说她过得很好。"]
EN = ["The year I turned twenty-one, I went to the countryside.",
      "The village lay at the foot of a mountain, far from the city.", "Every morning we got up at six.",
      "The winters there were bitterly cold.", "There I met a doctor.", "She was five years older than me.",
      "We often went for walks together.", "Later she went back to the city.", "I never saw her again.",
      "Many years later, a letter came for me.", "It was from her.", "She said she was doing well.",
      "She had married."]
GOLD = [((i,), (i,)) for i in range(11)] + [((11,), (11, 12))]


def test_chinese_english_length_ratio_is_fitted():
    fitted = fit_alignment(ZH, EN, sentence_anchors(ZH), sentence_anchors(EN))
    assert 3 < fitted.model.ratio < 5  # English characters per Chinese one
    src, tgt = Sentences(ZH, [False] * len(ZH), "zh"), Sentences(EN, [False] * len(EN), "en")
    assert score_alignments([GOLD], [align_documents(src, tgt).beads]).f1_strict >= 0.7


def test_a_length_ratio_of_four_is_fitted_not_assumed():
    # A Text+Berg document whose French side is written four times over: a ratio of about 4, as
    # English characters against Chinese. Gale–Church's ratio of 1 and fixed variance fail on it.
    de = (DATA / "textberg_001.de").read_text(encoding="utf-8").splitlines()
    fr = [" ".join([x] * 4) for x in (DATA / "textberg_001.fr").read_text(encoding="utf-8").splitlines()]
    gold = read_gold(DATA / "textberg_001.gold")
    fitted = fit_alignment(de, fr)  # lengths only
    assert 3.5 < fitted.model.ratio < 4.5
    ours = score_alignments([gold], [fitted.beads]).f1_strict
    plain = score_alignments([gold], [gale_church(de, fr)]).f1_strict
    assert ours > plain + 0.15


def test_chinese_numerals_meet_digits():
    assert cjk_numbers("我二十一岁那年，一百零五个人，一九九八年，三亿五千万") == [21, 105, 1998, 350000000]
    assert number_anchors("我二十一岁") == number_anchors("I was 21") == {Anchor("number", "21")}
    assert number_anchors("两千零二十三年") == number_anchors("in 2023")
    # "一" alone is also "a"/"one"; two digits side by side are "three or four": no number.
    assert cjk_numbers("我们一起散步，三四个人") == []
