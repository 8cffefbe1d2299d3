"""The optional reranker's plumbing, with a tiny random CrossEncoder built here (it tests that
the candidates are reordered by the cross-encoder's scores, not that the order is good)."""

import pytest

from qa.rerank import CANDIDATES, load_reranker
from qa.retrieval import HybridRetriever
from store.base import passage_text

QUESTION = "地方政府如何保护数据？"


@pytest.fixture(scope="module")
def tiny_cross_encoder(tmp_path_factory):
    """A two-layer BERT with random weights and a character vocabulary, saved as a
    sentence-transformers CrossEncoder folder."""
    import torch
    from sentence_transformers import CrossEncoder
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    from corpus import BUNDLED_CORPUS

    folder = tmp_path_factory.mktemp("tiny-cross-encoder")
    characters = sorted(set(BUNDLED_CORPUS.joinpath("A_HRC_RES_57_12.zh.txt").read_text()))
    vocabulary = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", *characters])}
    tokenizer = Tokenizer(models.WordLevel(vocabulary, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Split("", "isolated")
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        pad_token="[PAD]",
        unk_token="[UNK]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        model_max_length=128,
    )
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocabulary),
        hidden_size=16,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=256,
        num_labels=1,
    )
    BertForSequenceClassification(config).save_pretrained(folder)
    fast.save_pretrained(folder)
    CrossEncoder(str(folder), device="cpu")  # loads as a CrossEncoder, or the test is void
    return folder


def test_no_reranker_is_loaded_unless_one_is_named(monkeypatch):
    monkeypatch.delenv("HRC_QA_RERANKER", raising=False)
    assert load_reranker() is None


def test_the_named_cross_encoder_reorders_the_fused_candidates(
    monkeypatch, tiny_cross_encoder, fake_assistant
):
    monkeypatch.setenv("HRC_QA_RERANKER", str(tiny_cross_encoder))
    reranker = load_reranker()
    assert reranker is not None and reranker.name == str(tiny_cross_encoder)
    plain = fake_assistant.retriever
    reranked = HybridRetriever(plain.store, plain.encoder, reranker)

    before = plain.search(QUESTION, 50)
    after = reranked.search(QUESTION, 50)

    head = before[:CANDIDATES]
    stored = plain.store.get([hit.id for hit in head])
    scores = reranker.model.predict(
        [(QUESTION, passage_text(s.resolution, s.paragraph)) for s in stored]
    )
    expected = [hit.id for _, hit in sorted(zip(-scores, head, strict=True), key=lambda p: p[0])]
    assert [hit.id for hit in after[:CANDIDATES]] == expected
    assert [hit.id for hit in after[CANDIDATES:]] == [hit.id for hit in before[CANDIDATES:]]
    assert expected != [hit.id for hit in head]  # the order did change
