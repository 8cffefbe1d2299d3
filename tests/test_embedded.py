"""Tables the model embeds: made once per model, kept on disk and in memory (`qa.embedded`)."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from qa import embedded
from store.atomic import Artefact

TABLE = Artefact("hrc-qa-test-table/1", "test table", verify="size")


class Counting:
    """A model that embeds each text as its length, and counts the texts it embedded."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.embedded = 0

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        self.embedded += len(texts)
        return np.array([[len(text)] for text in texts], dtype=np.float32)


def _table(encoder: Counting) -> np.ndarray:
    def write(folder: Path) -> None:
        np.save(folder / "vectors.npy", encoder.encode_queries(["one", "three"]))

    return embedded.kept(
        encoder,
        "test-table",
        artefact=TABLE,
        source=lambda: {"texts": 2},
        write=write,
        read=lambda folder: np.load(folder / "vectors.npy"),
        announce="embedding the test table",
    )


def test_a_table_is_embedded_once_per_model_and_read_from_disk_by_a_new_process(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("HRC_QA_HOME", str(tmp_path))
    monkeypatch.setattr(embedded, "_KEPT", {})
    model = Counting("small")
    # Two questions asking at once: embedded once, announced once.
    threads = [threading.Thread(target=_table, args=(model,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert model.embedded == 2
    assert capsys.readouterr().err.count("embedding the test table") == 1
    assert _table(model).tolist() == [[3.0], [5.0]]
    # Another model embeds its own, and the process keeps both.
    other = Counting("other")
    assert _table(other).tolist() == [[3.0], [5.0]] and other.embedded == 2
    _table(model)
    assert model.embedded == 2
    # A new process reads the home's (the model last used's), embedding nothing.
    monkeypatch.setattr(embedded, "_KEPT", {})
    again = Counting("other")
    assert _table(again).tolist() == [[3.0], [5.0]] and again.embedded == 0
