import unicodedata

from longdan.core.text import fold, given_name_sort_key, nfc, vietnamese_sort_key


def test_fold_drops_diacritics_and_case():
    assert fold("Thạch Thị Sà Vọng") == "thach thi sa vong"
    assert fold("SÀ VỌNG") == "sa vong"
    assert fold(unicodedata.normalize("NFD", "Sà Vọng")) == "sa vong"


def test_fold_maps_d_stroke():
    assert fold("Đồn Biên phòng") == "don bien phong"
    assert fold("đ") == "d"


def test_old_and_new_tone_placement_fold_alike():
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("Thuỷ") == fold("Thủy")


def test_nfc_normalises_and_collapses_space():
    decomposed = unicodedata.normalize("NFD", "  Sà   Vọng ")
    assert nfc(decomposed) == "Sà Vọng"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_sort_key_follows_vietnamese_alphabet():
    words = ["ư", "u", "ơ", "ô", "o", "đ", "d", "â", "ă", "a", "b"]
    ordered = sorted(words, key=vietnamese_sort_key)
    assert ordered == ["a", "ă", "â", "b", "d", "đ", "o", "ô", "ơ", "u", "ư"]


def test_sort_key_is_digits_only_so_databases_agree():
    assert vietnamese_sort_key("Thạch Thị Sà Vọng").isdigit()


def test_shorter_word_sorts_first():
    assert sorted(["Anh", "An"], key=vietnamese_sort_key) == ["An", "Anh"]


def test_base_letter_decides_before_tone():
    # "Á" vs "Ă": the letter ă comes after a whatever the tone.
    assert vietnamese_sort_key("Ánh") < vietnamese_sort_key("Ăn")


def test_person_names_sort_by_given_name_first():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Đức", "Phạm Văn Dũng"]
    ordered = sorted(names, key=given_name_sort_key)
    assert ordered == ["Nguyễn Thị An", "Trần Văn Bình", "Phạm Văn Dũng", "Lê Văn Đức"]


def test_same_given_name_falls_back_to_full_name():
    ordered = sorted(["Trần Văn An", "Nguyễn Văn An"], key=given_name_sort_key)
    assert ordered == ["Nguyễn Văn An", "Trần Văn An"]
