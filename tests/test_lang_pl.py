"""Polish rules: Vietnamese names take endings on the first, last or every element; party terms decline."""

from tests.terms_glossary import found
from translate.langs.pl import decline_name, decline_phrase


def test_name_ending_on_first_last_or_every_element():
    assert {"Trinha Van Ngoana", "Nguyenem Nam Ha", "Luong Xuan Vinha"} <= (
        decline_name("Trinh Van Ngoan") | decline_name("Nguyen Nam Ha") | decline_name("Luong Xuan Vinh"))
    text = "z Nguyenem Nam Ha, według Trinha Van Ngoana i Luong Xuan Vinha"
    assert [c for _, c in found(text, "pl")] == ["nguyen-nam-ha", "trinh-van-ngoan", "luong-xuan-vinh"]


def test_velar_stem_takes_iem():
    assert "Hoang Trung Dungiem" in decline_name("Hoang Trung Dung")


def test_party_terms_in_any_case():
    assert {"Komitetu Ludowego", "Komitetowi Ludowemu", "Komitecie Ludowym"} <= decline_phrase("Komitet Ludowy")
    assert "Biura Politycznego" in decline_phrase("Biuro Polityczne")
    assert decline_phrase("Komitet Partii Prowincjonalnej") >= {"Komitetu Partii Prowincjonalnej"}
    assert "Komitetu Partii Prowincjonalnego" not in decline_phrase("Komitet Partii Prowincjonalnej")
    assert found("członek Biura Politycznego i Komitetu Ludowego", "pl") == [
        ("Biura Politycznego", "politburo"), ("Komitetu Ludowego", "peoples-committee")]


def test_nam_is_to_us_not_nam_dinh():
    assert found("Pokazali nam Dinh Tien Hoang jako wzór; Namibia leży daleko.", "pl") == []
    assert found("w Nam Dinh", "pl") == [("Nam Dinh", "nam-dinh")]


def test_a_plural_adjective_makes_a_genitive_complement_another_name_unless_a_noun_takes_it():
    """The language's rule for genitive chains, on a term no seed has (Biuro Organizacji)."""
    from translate.glossary import Concept, Glossary, Term
    from translate.terms import find_terms

    office = Glossary([Concept("office", "party-term", "Organisation Office", "Văn phòng Tổ chức",
                               {"pl": [Term("Biuro Organizacji", "pl")]})])

    def surfaces(text: str) -> list[str]:
        return [m.surface for m in find_terms(text, "pl", office)]

    assert surfaces("Dyrektor Biura Organizacji Młodzieżowych przemawiał.") == []  # of youth organisations
    assert surfaces("Dyrektor Biura Organizacji Młodzieżowej przemawiał.") == ["Biura Organizacji"]  # one, specified
    assert surfaces("W Biurze Organizacji Powiatowych Związków pracowano.") == ["Biurze Organizacji"]
    assert surfaces("Biuro Organizacji i Biuro Organizacji ich członków.") == ["Biuro Organizacji"] * 2
