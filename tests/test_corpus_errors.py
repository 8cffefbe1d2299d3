"""A file that is not a resolution is refused with a message naming it and what is wrong,
and a batch with one bad file yields nothing."""

import shutil
from pathlib import Path

import pytest

from corpus import BUNDLED_CORPUS, ResolutionError, read_resolution, read_resolutions

MALFORMED = Path(__file__).parent / "fixtures" / "malformed"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "the file is empty"),
        ("not_a_resolution.txt", "does not look like a UN resolution"),
        ("no_symbol_line.zh.txt", "no resolution number line such as `51/5."),
        ("latin1.txt", r"not UTF-8 text \(byte 0xe9 at offset 36, line 2\); save it as UTF-8"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_reason(name, reason):
    with pytest.raises(ResolutionError, match=reason) as raised:
        read_resolution(MALFORMED / name)
    assert str(raised.value).startswith(str(MALFORMED / name))


def test_a_missing_file_is_named():
    with pytest.raises(ResolutionError, match=r"nowhere\.txt: cannot be read"):
        read_resolution("nowhere.txt")


def test_a_resolution_without_operative_paragraphs_is_refused(tmp_path):
    text = (BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt").read_text(encoding="utf-8")
    preamble_only = tmp_path / "preamble.txt"
    preamble_only.write_text(text.split("\n1. ")[0], encoding="utf-8")
    with pytest.raises(ResolutionError, match="no numbered operative paragraphs"):
        read_resolution(preamble_only)


def test_one_bad_file_refuses_the_whole_batch_and_names_every_bad_one(tmp_path):
    shutil.copy(BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt", tmp_path)
    shutil.copy(MALFORMED / "empty.txt", tmp_path)
    shutil.copy(MALFORMED / "latin1.txt", tmp_path)
    with pytest.raises(ResolutionError) as raised:
        read_resolutions([tmp_path])
    assert "empty.txt: the file is empty" in str(raised.value)
    assert "latin1.txt: the file is not UTF-8" in str(raised.value)


def test_the_same_resolution_twice_is_refused(tmp_path):
    shutil.copy(BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt", tmp_path / "a.txt")
    shutil.copy(BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt", tmp_path / "b.txt")
    with pytest.raises(ResolutionError, match=r"holds resolution 37/7 \(zh\) again"):
        read_resolutions([tmp_path])


def test_the_same_resolution_in_two_languages_is_two_texts():
    layouts = Path(__file__).parent / "fixtures" / "layouts"
    both = read_resolutions(
        [BUNDLED_CORPUS / "A_HRC_RES_37_7.zh.txt", layouts / "A_HRC_RES_37_7.en.txt"]
    )
    assert [r.key for r in both] == ["37/7.zh", "37/7.en"]
