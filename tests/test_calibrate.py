"""`python -m qa.calibrate`'s command line: help, and the files it fits on."""

from __future__ import annotations

import pytest

from qa import calibrate
from qa.relevance import MODEL_FILE


def test_help_says_how_to_run_it_and_fits_nothing(capsys):
    fitted = MODEL_FILE.read_bytes()
    with pytest.raises(SystemExit) as stopped:
        calibrate.main(["--help"])
    assert stopped.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: python -m qa.calibrate [-h] [QUESTIONS.jsonl ...]")
    assert "eval/trust/calibration.jsonl" in shown  # the default files
    assert MODEL_FILE.read_bytes() == fitted


def test_a_missing_question_file_is_named_and_nothing_is_fitted(capsys, tmp_path):
    fitted = MODEL_FILE.read_bytes()
    missing = tmp_path / "heldout10.jsonl"
    with pytest.raises(SystemExit) as stopped:
        calibrate.main(["eval/dev.jsonl", str(missing)])
    assert stopped.value.code == 2
    assert f"no such question file: {missing}" in capsys.readouterr().err
    assert MODEL_FILE.read_bytes() == fitted


def test_without_files_it_fits_on_the_calibration_pool(monkeypatch, tmp_path):
    asked = []

    class Stop(Exception):
        pass

    def examples(assistant, questions):
        asked.extend(questions)
        raise Stop

    monkeypatch.chdir(tmp_path)  # the pool is found from anywhere
    monkeypatch.setattr(calibrate.Assistant, "open", staticmethod(lambda: None))
    monkeypatch.setattr(calibrate, "examples", examples)
    with pytest.raises(Stop):
        calibrate.main([])
    sets = [name.rsplit("/", 1)[-1].removesuffix(".jsonl") for name in calibrate.CALIBRATION_SETS]
    assert list(dict.fromkeys(group for group, _ in asked)) == sets
    assert len(asked) > 1000
