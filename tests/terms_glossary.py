"""A small glossary built in code from the reference facts (shared/reference/*.tsv)."""

from translate.glossary import Concept, Glossary, Status, Term


def concept(cid: str, kind: str, en: str, vi: str, **terms: str) -> Concept:
    by_lang = {lang: [Term(t.strip(), lang, Status.PREFERRED) for t in text.split(";")]
               for lang, text in terms.items()}
    return Concept(id=cid, kind=kind, en=en, vi=vi, terms=by_lang)


def small_glossary() -> Glossary:
    return Glossary([
        concept("hai-duong", "place", "Hai Duong", "Hải Dương", uk="Хайзионг; Хай Дуонг"),
        concept("hai-phong", "place", "Hai Phong", "Hải Phòng", uk="Хайфон"),
        concept("thanh-mien", "place", "Thanh Mien", "Thanh Miện", uk="Тхань Мієн"),
        concept("ho-chi-minh", "person", "Ho Chi Minh", "Hồ Chí Minh", uk="Хо Ши Мін",
                id="Ho Chi Minh", ar="هوشي منه"),
        concept("le-thanh-binh", "person", "Le Thanh Binh", "Lê Thanh Bình", uk="Ле Тхань Бінь"),
        concept("dong-khoi", "movement", "Dong Khoi", "Đồng Khởi", uk="Донг Кхой"),
        concept("nam-dinh", "place", "Nam Dinh", "Nam Định", pl="Nam Dinh"),
        concept("trinh-van-ngoan", "person", "Trinh Van Ngoan", "Trịnh Văn Ngoan", pl="Trinh Van Ngoan"),
        concept("luong-xuan-vinh", "person", "Luong Xuan Vinh", "Lương Xuân Vinh", pl="Luong Xuan Vinh"),
        concept("nguyen-nam-ha", "person", "Nguyen Nam Ha", "Nguyễn Nam Hà", pl="Nguyen Nam Ha"),
        concept("hoang-trung-dung", "person", "Hoang Trung Dung", "Hoàng Trung Dũng",
                id="Hoang Trung Dung"),
        concept("ky-anh", "place", "Ky Anh", "Kỳ Anh", id="Ky Anh"),
        concept("ha-tinh", "place", "Ha Tinh", "Hà Tĩnh", id="Ha Tinh"),
        concept("ninh-binh", "place", "Ninh Binh", "Ninh Bình", ar="نينه بينه"),
        concept("peoples-committee", "party-term", "People's Committee", "Ủy ban nhân dân",
                uk="Народний комітет", pl="Komitet Ludowy", id="Komite Rakyat", ar="اللجنة الشعبية"),
        concept("fatherland-front", "party-term", "Fatherland Front", "Mặt trận Tổ quốc",
                uk="Вітчизняний фронт", ar="جبهة الوطن"),
        concept("politburo", "party-term", "Politburo", "Bộ Chính trị", uk="Політбюро",
                pl="Biuro Polityczne"),
        concept("provincial-party-committee", "party-term", "Provincial Party Committee", "Tỉnh ủy",
                ar="لجنة الحزب الإقليمية", id="Komite Partai Provinsi"),
        concept("provincial-party-secretary", "party-term", "Provincial Party Secretary", "Bí thư Tỉnh ủy"),
        concept("party-cell", "party-term", "Party cell", "chi bộ", id="sel Partai"),
        concept("resolution", "party-term", "Resolution", "Nghị quyết", ar="قرار", id="resolusi"),
    ])


def found(text: str, lang: str, glossary: Glossary | None = None) -> list[tuple[str, str]]:
    """(surface, concept) of every match, in text order."""
    from translate.terms import find_terms

    return [(m.surface, m.concept) for m in find_terms(text, lang, glossary or GLOSSARY)]


GLOSSARY = small_glossary()
