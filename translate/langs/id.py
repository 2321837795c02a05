"""Indonesian."""

from translate.langs.base import (
    Detection,
    Language,
    NumberFormat,
    Segmentation,
    unit_words_of,
)


class Indonesian(Language):
    code = "id"
    name = "Indonesian"
    script = "Latin"
    unit_words = unit_words_of(province="provinsi", city="kota", district="kabupaten distrik kecamatan", town="kota",
                               commune="desa komune kampung kecamatan", ward="kelurahan", zone="zona")
    segmentation = Segmentation(
        abbreviations=frozenset({
            "no", "rp", "dr", "drs", "ir", "prof", "h", "hj", "kol", "jl", "kab", "kec", "kel", "prov",
            "sdr", "bpk", "yth", "tgl", "hlm", "a.n", "u.p", "s.d", "mr", "st",
        }),  # lower-cased, without the final "."; "dll.", "dsb.", "dst." may end a sentence, so they are not here
    )
    detection = Detection(
        stop_words=frozenset((
            "ada adalah akan atau bahwa dalam dan dari dengan di ini itu juga kami karena ke "
            "mereka oleh pada saya sebagai telah tidak untuk yang "
        ).split()),
    )
    numbers = NumberFormat(
        decimal_mark=",",
        group_marks=".",
        scales={"triliun": 10**12, "miliar": 10**9, "milyar": 10**9, "juta": 10**6,
                "jt": 10**6, "ribu": 10**3, "rb": 10**3},
        percent_words=frozenset({"persen"}),
        month_names={m: i for i, m in enumerate((
            "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
            "oktober", "november", "desember"), 1)},
        currency_stems={"dong": "VND", "rupiah": "IDR", "dolar": "USD"},
    )

    # A term may carry the enclitics -nya, -lah, -kah in the same word.
    suffix_clitics = ("nya", "lah", "kah")

    def forms(self, term: str, *, name: bool) -> list[tuple[str, str]]:
        """Terms also in their reduplicated plural ("sel-sel Partai", "gerakan-gerakan emulasi")."""
        forms = [(term, "exact")]
        if not name:
            first, _, rest = term.partition(" ")
            forms.append((f"{first}-{first} {rest}".strip(), "inflected"))
        return forms


LANGUAGE = Indonesian()
