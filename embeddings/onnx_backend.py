"""The embedding model run by ONNX Runtime instead of torch: same tokenizer, same pooling.

A sentence-transformers folder of a BERT-like model with mean pooling and normalisation (as
the bundled e5 folder is) is exported once, offline, and published in versions by
`store.atomic` in an exports folder (``<folder>/onnx/`` unless told otherwise):

* ``float32/<version>/model.onnx``: the transformer with mean pooling and L2 normalisation
  inside the graph, so one ``run`` gives the final vectors (float32, equal to torch's within
  1e-6 in cosine), written with ONNX Runtime's fused transformer operators (see `_fuse`), so
  that a session need not find them at each start. Its weights are kept beside it in
  ``model.onnx.data`` (ONNX external data), which ONNX Runtime memory-maps instead of copying:
  a session opens in a fraction of the time, and of the 250k-row word-embedding table only the
  rows a text uses are ever read into memory. The pages of the table a run has mapped are
  released after it (`MappedTable`), so that a server's memory does not grow toward the whole
  table with the distinct words of its questions;
* ``int8/<version>/model_int8.onnx``: the model with its matrix products' weights dynamically
  quantised to int8, one scale per output channel (ONNX Runtime's ``quantize_dynamic``, see
  `INT8`), over twice as fast per CPU second, saved as ONNX Runtime optimises it so that a
  session opens without optimising it again; the word-embedding table stays float32,
  memory-mapped (and released) from ``model_int8.onnx.data``. The default backend embeds
  paragraphs with it (`RUNS`);
* ``int8-questions/<version>/model_int8.onnx``: made as the int8 export, with the matrix
  products most of int8's error comes from left in float32 and each layer's attention run as
  one step (`INT8_QUESTIONS`); the default backend embeds questions with it.

Each version records what it was made from (the model's files, never where they lie: see
`_model_identity`; for int8, how it was quantised too), so a killed export never leaves a file
that looks finished, a rebuilt model is re-exported, and a home or model folder copied or moved
elsewhere keeps its exports. sentence-transformers' own ``backend="onnx"`` needs ``optimum``,
whose releases pin an older transformers than this project's; the export here needs only
torch (already installed), ``onnx`` and ``onnxruntime``.
"""

from __future__ import annotations

import ctypes
import json
import mmap
import os
import threading
import warnings
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from embeddings import compact_tokenizer
from store import atomic
from store.atomic import Artefact

ONNX_FOLDER = "onnx"
OPSET = 17
EXPORT = Artefact("hrc-qa-onnx-export/3", "ONNX export", verify="size")
"""An export, published by `store.atomic`. The format is bumped whenever the export starts
writing a different graph for the same model (another opset, say; 3: fused operators). A load checks only the
file's size: hashing the 470 MB graph on every start would cost about a second."""
_EXPORT_READS = ("config.json", "model.safetensors", "pytorch_model.bin")
"""The files of a model folder that `_export` reads (transformers' weights in either form)."""
FILES = {
    "onnx": "model.onnx",
    "onnx-int8": "model_int8.onnx",
    "onnx-int8-questions": "model_int8.onnx",
}
WEIGHTS = "model.onnx.data"
"""The float32 export's weights, beside its graph (see the module's docstring); the int8
export's are beside its own (``model_int8.onnx.data``)."""
INT8 = {
    "op_types": ["MatMul"],
    "per_channel": True,
    "graph": "unfused",
    "saved": "onnxruntime-extended",
    "float": "",
}
"""How the int8 export is quantised: the transformer's matrix products by constant weights
(attention's scores stay float32), each output channel with its own scale, from a graph
exported without the fused operators, whose runs ONNX Runtime fuses its own way: 93 paragraphs
per CPU second against 82 quantised from the fused graph, vectors as near float32's (README,
"Model runs"). The graph is saved as ONNX Runtime optimises it (its extended level, without
`UNFUSED`), so that a session opens without fusing it again (`_save_optimised`). Recorded in
each int8 version, so one made otherwise is made again. Quantising the word-embedding table and
every weight with one scale (as the first int8 export did) moved vectors twice as far from the
float32 ones."""
INT8_QUESTIONS = {
    **INT8,
    "float": r"layer\.\d+/output/dense|layer\.1[01]/intermediate/dense",
    "attention": "MultiHeadAttention",
}
"""How the export that embeds questions in int8 is quantised: as `INT8`, but the matrix
products whose names match ``float`` keep their float32 weights: every layer's feed-forward
output (most of int8's distance from float32: the cosine of a question's vector to float32's
went from 0.9971 to 0.9990 at the median) and the last two layers' feed-forward input. A
build's paragraphs are embedded by `INT8`'s export, over twice float32's speed; a question is
one short text, whose first places moved with int8's smaller differences (README, "Model
runs, sixth round"). ``attention``: each layer's attention is rewritten as ONNX Runtime's
operator of that name over one product of its queries, keys and values (`_condense`), for the
same vectors in fewer, larger steps: a question's run is short enough that its 456 steps'
own cost counted (README, "The question's embedding in fewer steps")."""
QUANTISED = {"onnx-int8": ("int8", INT8), "onnx-int8-questions": ("int8-questions", INT8_QUESTIONS)}
"""Each int8 export's folder in the exports folder and its recipe."""
INT8_NAME = "onnx-int8-unfused-per-channel"
"""What an index built by the int8 export records after the model's name (see
`embeddings.model.indexed_model_name`): an index of an earlier recipe's vectors is refused."""
RUNS = {
    "onnx": ("onnx", "onnx"),
    "onnx-int8": ("onnx-int8-questions", "onnx-int8"),
    "onnx-int8-passages": ("onnx", "onnx-int8"),
}
"""Each ONNX backend's exports (a key of FILES): the one that embeds questions, the one that
embeds passages. ``onnx-int8-passages`` embeds passages with the int8 export and questions with
the float32 one (the default before the sixth round: README, "Model runs, sixth round")."""
UNFUSED = ["SkipLayerNormFusion"]
"""ONNX Runtime's fusions a session does not make: its fused residual sum and layer
normalisation (SkipLayerNormalization) runs slower on the CPU than the sum and the plain
normalisation it replaces: the int8 export (written without fused operators) runs more
paragraphs per CPU second without it (docs/speed-history.md, "Model runs, fourth round"). The
float32 export has the operator written into its graph (`_fuse`), so it is unchanged by this."""
QUERY_BATCH = 16
"""Texts per run where runs use every CPU's thread (a question is one text)."""
PASSAGE_BATCH = 4
"""Texts per run in a passages' session of its own, which runs one batch on each CPU's thread
at once: the int8 export's runs do most paragraphs per CPU second so (README, "Model runs")."""
QUERY_PROMPTS = ("query",)
PASSAGE_PROMPTS = ("passage", "document")
"""The prompt names a sentence-transformers folder may give each kind of text (e5: `query: `
and `passage: `; sentence-transformers 5 calls the second `document`)."""


def exported(folder: Path, backend: str, exports: Path | None = None) -> Path:
    """The ONNX file of `backend` (a key of FILES) for the model in `folder`, exported
    into `exports` (default ``<folder>/onnx``) first if it is missing or was exported from
    other weights."""
    folder = Path(folder)
    exports = Path(exports) if exports else folder / ONNX_FOLDER
    if backend == "onnx":

        def export(version: Path) -> None:
            _remove_old_layout(exports)
            _export(folder, version / FILES["onnx"])

        plain = atomic.ensure(
            exports / "float32",
            export,
            artefact=EXPORT,
            source={"model": _model_identity(folder)},
            announce="exporting the embedding model to ONNX",
        )
        return plain / FILES["onnx"]

    # Quantised from an export of its own (see `_quantize`): a home running int8 alone never
    # makes the float32 export.
    subfolder, recipe = QUANTISED[backend]

    def quantise(version: Path) -> None:
        _remove_old_layout(exports)
        _quantize(folder, version / FILES[backend], recipe)

    quantised = atomic.ensure(
        exports / subfolder,
        quantise,
        artefact=EXPORT,
        source={"model": _model_identity(folder), "quantisation": recipe},
        announce="exporting the embedding model to ONNX in int8",
    )
    return quantised / FILES[backend]


class OnnxEncoder:
    """An `Encoder` running an exported model; thread-safe (ONNX Runtime sessions are)."""

    def __init__(
        self,
        folder: Path,
        backend: str,
        name: str,
        threads: int | None = None,
        exports: Path | None = None,
    ) -> None:
        """`backend` is a key of `RUNS`; `name` is what an index built with it records (see
        `embeddings.model`); `exports` is where its ONNX exports are kept (see `exported`);
        `threads` is how many CPUs its runs use (default: every CPU this process may use): a
        question's run has that many threads, and a passages' session of its own runs that
        many batches at once, one thread each."""
        folder = Path(folder)
        config = _read_json(folder / "sentence_bert_config.json")
        prompts = _read_json(folder / "config_sentence_transformers.json").get("prompts") or {}
        self.prompts = {name: text for name, text in prompts.items() if text}
        self.max_length = int(config.get("max_seq_length") or 512)
        self.tokenizer = _tokenizer(folder, self.max_length)
        # The export's output is the transformer's hidden state, pooled.
        self.dimension = int(_read_json(folder / "config.json")["hidden_size"])
        self.name = name
        self.query_prompt = self._prompt(QUERY_PROMPTS)
        self.passage_prompt = self._prompt(PASSAGE_PROMPTS)
        # Questions and passages may be run by different exports (`RUNS`). The questions' is
        # exported first, here, so that an export announces itself and fails in the caller's
        # thread.
        query_run, passage_run = RUNS[backend]
        path = exported(folder, query_run, exports)
        threads = threads or max(1, len(os.sched_getaffinity(0)))
        # The questions' session opens in a background thread (ONNX Runtime releases Python's
        # lock while it does): a cold answer opens its store and searches by keyword meanwhile.
        opener = ThreadPoolExecutor(1, thread_name_prefix="onnx-session")
        self._queries = opener.submit(_Session.open, path, self.dimension, threads, 1, QUERY_BATCH)
        opener.shutdown(wait=False)
        # The int8 export's passages have a session of their own, exported and opened when
        # passages are first embedded (in the caller's thread), so that an answer never waits
        # for either; it runs one batch a thread, as many at once as there are CPUs (see
        # PASSAGE_BATCH). int8 vectors move a little with their batch companions, so passages
        # are batched so whichever export embeds questions: an index's vectors are the same.
        self._passages: Future[_Session] | None = None
        if passage_run == query_run == "onnx":
            self._passages = self._queries
        self._open_passages = lambda: _Session.open(
            exported(folder, passage_run, exports), self.dimension, 1, threads, PASSAGE_BATCH
        )
        self._opening = threading.Lock()

    @property
    def session(self):
        """The ONNX Runtime session that embeds questions, once it is open."""
        return self._queries.result().session

    @property
    def word_table(self) -> MappedTable | None:
        """The mapped pages of the questions' word-embedding table, where ONNX Runtime mapped
        it."""
        return self._queries.result().table

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.query_prompt, self._queries.result())

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        with self._opening:
            if self._passages is None:
                opened: Future[_Session] = Future()
                opened.set_result(self._open_passages())
                self._passages = opened
        return self._encode(texts, self.passage_prompt, self._passages.result())

    def _prompt(self, names: Sequence[str]) -> str:
        return next((self.prompts[name] for name in names if name in self.prompts), "")

    def _encode(self, texts: Sequence[str], prompt: str, session: _Session) -> np.ndarray:
        """Float32 ``(len(texts), dim)`` unit rows; texts are batched by length, so that a
        batch pads little, and by text within a length, so that the same texts make the same
        batches in any order: the int8 export scales each run's values as a whole, so a text's
        vector moves a little with its batch, and an index must not depend on the order its
        paragraphs came in (a rebuild, an index embedded again)."""
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not len(texts):
            return vectors
        encodings = self.tokenizer.encode_batch([prompt + text for text in texts])
        order = np.array(
            sorted(range(len(texts)), key=lambda row: (len(encodings[row]), texts[row]))
        )
        size = session.batch_size
        batches = [order[start : start + size] for start in range(0, len(order), size)]

        def run(rows: np.ndarray) -> None:
            width = max(len(encodings[row]) for row in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for line, row in enumerate(rows):
                tokens = encodings[row]
                ids[line, : len(tokens)] = tokens
                mask[line, : len(tokens)] = 1
            vectors[rows] = session.run(ids, mask)

        if session.parallel > 1 and len(batches) > 1:
            # The longest batches first, so that no thread is left with one at the end.
            with ThreadPoolExecutor(session.parallel, thread_name_prefix="onnx-run") as runs:
                list(runs.map(run, reversed(batches)))
        else:
            for rows in batches:
                run(rows)
        return vectors


@dataclass(frozen=True)
class _Session:
    """An open ONNX Runtime session, how many batches may run in it at once, and how many
    texts a batch holds."""

    session: Any
    table: MappedTable | None
    parallel: int
    batch_size: int

    @staticmethod
    def open(path: Path, dimension: int, threads: int, parallel: int, batch_size: int) -> _Session:
        session, table = _open_session(path, threads, dimension)
        return _Session(session, table, parallel, batch_size)

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        vectors = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        if self.table is not None:
            self.table.release()
        return vectors


class MappedTable:
    """The pages of the word-embedding table that ONNX Runtime has memory-mapped from the
    weights file, released from this process after each run (``madvise(MADV_DONTNEED)``).

    A run reads the table's rows of its tokens, and a page once read stays mapped: a server
    answering distinct questions came to hold most of the table, where a run needs a few
    hundred rows of it. The pages are the file's, clean and never written (ONNX Runtime reads
    its weights in place), so releasing them loses nothing: they stay in the system's page
    cache, and a run that needs a row again maps it again. Runs in other threads may read the
    table meanwhile: a released page is mapped again on their next read. The mapping lives as
    long as the session that made it, and is released only after that session's runs."""

    def __init__(self, start: int, length: int, path: Path, offset: int) -> None:
        self.start, self.length = start, length
        self.path, self.offset = path, offset
        """The weights file, and where in it the table's mapping starts."""
        self._madvise = ctypes.CDLL(None, use_errno=True).madvise
        self._madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)

    @staticmethod
    def find(weights: Path, maps: Path = Path("/proc/self/maps")) -> MappedTable | None:
        """The largest mapping of `weights` in this process (the word-embedding table: 250k
        rows, where every other weight is at most 1,536 rows), or None where there is none or
        the system does not say."""
        if not hasattr(mmap, "MADV_DONTNEED") or not maps.is_file():
            return None
        target = weights.resolve()
        found = None
        for line in maps.read_text(encoding="utf-8", errors="replace").splitlines():
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and fields[5] == str(target):
                start, end = (int(address, 16) for address in fields[0].split("-"))
                if found is None or end - start > found[1]:
                    found = (start, end - start, target, int(fields[2], 16))
        return MappedTable(*found) if found else None

    def release(self) -> None:
        self._advise(mmap.MADV_DONTNEED, "releasing the word-embedding table's pages")

    def read_sparsely(self) -> None:
        """Have the table's rows read and cached a small page at a time from now on, for a
        server. While a run lasts, each row it reads maps the whole page-cache folio that holds
        it: the kernel keeps a file it wrote or read ahead in folios of up to 2 MiB and maps a
        folio whole on a fault, so a long query (an English question's held translations, a
        few hundred tokens) mapped tens of MiB at once, and two such runs at a time made a
        serving app's peak. The table's cached folios are dropped (pages no process maps; the
        file is only read, so nothing is lost) and the kernel is told the table is read at
        random: rows come back one small page each, with no read-ahead around them. Not done
        by every process: a cold `ask` would read its rows from disk."""
        self._advise(mmap.MADV_RANDOM, "advising the word-embedding table")
        self.release()  # what this process maps is not dropped
        descriptor = os.open(self.path, os.O_RDONLY)
        try:
            # Written back first: a model exported just before the app started is still dirty
            # in the cache, and dirty pages are not dropped.
            os.fdatasync(descriptor)
            os.posix_fadvise(descriptor, self.offset, self.length, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(descriptor)

    def _advise(self, advice: int, doing: str) -> None:
        if self._madvise(self.start, self.length, advice) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"{doing}: {os.strerror(error)}")


def _open_session(path: Path, threads: int, dimension: int) -> tuple[Any, MappedTable | None]:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    # Its threads sleep between runs instead of spinning for more work: a question's run is
    # followed by its keyword search, its vector search and other requests' runs, and a
    # spinning thread holds a core they are waiting for (README: "Speed and scale").
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(
        str(path), options, providers=["CPUExecutionProvider"], disabled_optimizers=UNFUSED
    )
    given = session.get_outputs()[0].shape[-1]
    if given != dimension:
        raise ValueError(f"{path} gives vectors of {given} dimensions, its model says {dimension}")
    return session, MappedTable.find(path.with_name(path.name + ".data"))


class Tokenizer(Protocol):
    """What the encoder needs of a tokenizer: each text's ids, special tokens included."""

    def encode_batch(self, texts: Sequence[str]) -> list[list[int]]: ...


class _FolderTokenizer:
    """The folder's ``tokenizer.json``, run by `tokenizers`."""

    def __init__(self, folder: Path, max_length: int) -> None:
        from tokenizers import Tokenizer as Loaded

        self.tokenizer = Loaded.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.no_padding()

    def encode_batch(self, texts: Sequence[str]) -> list[list[int]]:
        return [encoding.ids for encoding in self.tokenizer.encode_batch(list(texts))]


def _tokenizer(folder: Path, max_length: int) -> Tokenizer:
    """The compact tokenizer where the folder has one (the bundled model's has: the same ids),
    else its ``tokenizer.json``."""
    if compact_tokenizer.available(folder):
        return compact_tokenizer.CompactTokenizer(folder, max_length)
    return _FolderTokenizer(folder, max_length)


def _export(folder: Path, path: Path, fuse: bool = True) -> None:
    """The model in `folder`, pooled and normalised, as an ONNX graph at `path`, rewritten with
    ONNX Runtime's fused operators (`_fuse`) unless `fuse` is off."""
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.model(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    from transformers.utils import logging as hf_logging

    # transformers draws a "Loading weights" bar, which would cut the line announcing the export.
    bar_was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        # Attention written out as its matrix products (not torch's fused kernel), which
        # `_fuse` recognises and replaces by ONNX Runtime's own Attention operator.
        model = AutoModel.from_pretrained(
            str(folder), local_files_only=True, attn_implementation="eager"
        ).eval()
    finally:
        if bar_was_on:
            hf_logging.enable_progress_bar()
    example = (torch.tensor([[0, 10, 11, 2]]), torch.tensor([[1, 1, 1, 1]]))
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the tracer's notes on masks and the legacy exporter
        torch.onnx.export(
            Pooled(model),
            example,
            str(path),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={**axes, "embedding": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,
        )
    if fuse:
        _fuse(path, model.config)


def _fuse(path: Path, config) -> None:
    """Rewrite the graph at `path` with ONNX Runtime's fused transformer operators (attention,
    layer normalisation with the residual added, GELU with its bias, the embeddings' sum and
    normalisation), and its weights in one external-data file beside it.

    ONNX Runtime makes most of these fusions itself whenever a session opens; made once here,
    a session opens in half the CPU time, and runs as fast, to the same vectors."""
    from onnxruntime.transformers.optimizer import optimize_model

    fused = optimize_model(
        str(path),
        model_type="bert",
        num_heads=config.num_attention_heads,
        hidden_size=config.hidden_size,
        opt_level=0,
    )
    # Saved by the optimiser, which names the fused operators' domain (com.microsoft) in the
    # graph; the weights go to `<graph>.data`, that is WEIGHTS.
    fused.save_model_to_file(str(path), use_external_data_format=True, all_tensors_to_one_file=True)


def _quantize(folder: Path, path: Path, recipe: dict) -> None:
    """The int8 export of the model in `folder` at `path` quantised by `recipe` (see `INT8`),
    from a graph exported without the fused operators, in a scratch folder beside `path`, and
    saved optimised (`_save_optimised`)."""
    import logging
    import re
    import tempfile

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".unfused-") as scratch:
        plain = Path(scratch) / FILES["onnx"]
        _export(folder, plain, fuse=False)
        quantised = Path(scratch) / path.name
        kept = [
            node.name
            for node in onnx.load(str(plain), load_external_data=False).graph.node
            if node.op_type in recipe["op_types"]
            and recipe["float"]
            and re.search(recipe["float"], node.name)
        ]
        logging.getLogger().setLevel(max(logging.getLogger().level, logging.ERROR))
        quantize_dynamic(
            str(plain),
            str(quantised),
            weight_type=QuantType.QInt8,
            op_types_to_quantize=recipe["op_types"],
            per_channel=recipe["per_channel"],
            nodes_to_exclude=kept,
            use_external_data_format=True,
        )
        if recipe.get("attention"):
            # Rewritten as ONNX Runtime optimised it, whose fused steps `_condense` reads.
            optimised = Path(scratch) / "optimised.onnx"
            _save_optimised(quantised, optimised)
            quantised = Path(scratch) / "condensed.onnx"
            heads = int(_read_json(folder / "config.json")["num_attention_heads"])
            _condense(optimised, quantised, heads)
        _save_optimised(quantised, path)


def _save_optimised(source: Path, path: Path) -> None:
    """The graph at `source` as ONNX Runtime's extended level optimises it (its fusions but
    `UNFUSED`, constants folded), at `path`: every session would otherwise make these fusions
    of the unfused graph as it opens, which was most of its opening's CPU (README, "Model runs,
    sixth round"). The weights are written beside the graph (``<graph>.data``): the
    word-embedding table stays float32 and memory-mapped, as in the float32 export. The
    extended level's operators are ONNX Runtime's own, not tied to this CPU (the level above
    it lays data out for the CPU it runs on)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_EXTENDED
    options.optimized_model_filepath = str(path)
    options.add_session_config_entry(
        "session.optimized_model_external_initializers_file_name", path.name + ".data"
    )
    options.log_severity_level = 3
    onnxruntime.InferenceSession(
        str(source), options, providers=["CPUExecutionProvider"], disabled_optimizers=UNFUSED
    )


def _condense(source: Path, path: Path, heads: int) -> None:
    """The graph at `source` (as `_save_optimised` writes it) at `path`, each layer's attention
    written as one MultiHeadAttention step: ONNX Runtime's exporter and optimiser leave it as
    twelve (the heads split and joined by reshapes and transposes, the scaled product of
    queries and keys, the mask added, the softmax, the product with the values), and a
    question's run of a few tokens spends more on its steps than on their arithmetic. Where the
    queries, keys and values are int8 products of one quantised input (`INT8`), they become one
    product of the three weights side by side, each output column computed as before, and a
    split. The same arithmetic in another order: the vectors move by float32's rounding."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(source))
    graph = model.graph
    weights = {tensor.name: tensor for tensor in graph.initializer}
    made = {output: node for node in graph.node for output in node.output}
    used_by: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            used_by.setdefault(name, []).append(node)

    def only_user(name: str, op_type: str, perm: list[int] | None = None):
        users = used_by.get(name, [])
        if len(users) != 1 or users[0].op_type != op_type:
            raise ValueError(f"{source}: {name} is not read by one {op_type} alone")
        if perm is not None and helper.get_attribute_value(users[0].attribute[0]) != perm:
            raise ValueError(f"{source}: {users[0].name} transposes otherwise than expected")
        return users[0]

    dropped: set[int] = set()  # by id: steps need not be named
    added, tensors = [], []
    for softmax in [node for node in graph.node if node.op_type == "Softmax"]:
        masked = made[softmax.input[0]]
        scores = next(
            made[name] for name in masked.input if made.get(name, masked).op_type == "FusedMatMul"
        )
        mask = next(name for name in masked.input if name != scores.output[0])
        queries, keys = (made[made[name].input[0]].input[0] for name in scores.input)
        values_product = only_user(softmax.output[0], "MatMul")
        values = made[made[values_product.input[1]].input[0]].input[0]
        steps = [masked, scores, softmax, values_product]
        # Each projection split into heads: a reshape, then a transpose (the keys' transposed).
        for projection, perm in zip(
            (queries, keys, values), ([0, 2, 1, 3], [0, 2, 3, 1], [0, 2, 1, 3]), strict=True
        ):
            split = only_user(projection, "Reshape")
            steps += [split, only_user(split.output[0], "Transpose", perm)]
        joined = only_user(values_product.output[0], "Transpose", [0, 2, 1, 3])
        merged = only_user(joined.output[0], "Reshape")
        steps += [joined, merged]
        attributes = {a.name: helper.get_attribute_value(a) for a in scores.attribute}
        if any(
            attributes.get(flag, 0) for flag in ("transA", "transB", "transBatchA", "transBatchB")
        ):
            raise ValueError(f"{source}: {scores.name} transposes its operands")
        products = [made[name] for name in (queries, keys, values)]
        if all(p.op_type == "MatMulIntegerToFloat" and len(p.input) == 7 for p in products) and all(
            [p.input[i] for p in products] == [products[0].input[i]] * 3 for i in (0, 2, 4)
        ):
            name = products[0].name + "_qkv"
            for position, suffix in ((1, "weight"), (3, "scale"), (5, "zero_point"), (6, "bias")):
                parts = [numpy_helper.to_array(weights[p.input[position]]) for p in products]
                tensors.append(
                    numpy_helper.from_array(np.concatenate(parts, axis=-1), f"{name}_{suffix}")
                )
            first = products[0].input
            added.append(
                helper.make_node(
                    "MatMulIntegerToFloat",
                    [
                        first[0],
                        f"{name}_weight",
                        first[2],
                        f"{name}_scale",
                        first[4],
                        f"{name}_zero_point",
                        f"{name}_bias",
                    ],
                    [name],
                    name=name,
                    domain="com.microsoft",
                )
            )
            widths = [weights[p.input[1]].dims[-1] for p in products]
            tensors.append(
                numpy_helper.from_array(np.array(widths, dtype=np.int64), f"{name}_widths")
            )
            parts = [f"{name}_{part}" for part in ("queries", "keys", "values")]
            added.append(
                helper.make_node(
                    "Split", [name, f"{name}_widths"], parts, name=f"{name}_split", axis=-1
                )
            )
            steps += products
            queries, keys, values = parts
        dropped |= {id(step) for step in steps}
        added.append(
            helper.make_node(
                "MultiHeadAttention",
                [queries, keys, values, "", "", mask],
                [merged.output[0]],
                name=softmax.name + "_attention",
                domain="com.microsoft",
                num_heads=heads,
                scale=float(attributes["alpha"]),
            )
        )
    if not added:
        raise ValueError(f"{source}: no attention found to condense")
    # Each new step placed before the first that reads it, so that the order stays one a run
    # can follow; what only the removed steps read (the heads' shapes) goes with them.
    giving = {output: node for node in added for output in node.output}
    ordered, placed = [], set()

    def place(node) -> None:
        if id(node) in placed:
            return
        placed.add(id(node))
        for name in node.input:
            if name in giving:
                place(giving[name])
        ordered.append(node)

    for node in [*(n for n in graph.node if id(n) not in dropped), *added]:
        place(node)
    needed = {output.name for output in graph.output}
    kept = []
    for node in reversed(ordered):
        if any(output in needed for output in node.output):
            kept.append(node)
            needed.update(node.input)
    del graph.node[:]
    graph.node.extend(reversed(kept))
    live = [t for t in [*graph.initializer, *tensors] if t.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(live)
    del graph.value_info[:]  # shapes ONNX Runtime infers again
    onnx.save(
        model,
        str(path),
        save_as_external_data=True,
        all_tensors_to_one_file=True,
        location=path.name + ".data",
    )


def _model_identity(folder: Path) -> dict:
    """The model an export is made from, told apart whatever path its home has and whenever
    its files were written, so that a home or a model folder copied or moved elsewhere (a
    Docker image built at one path and run at another, a `cp -r` that sets every file's time)
    keeps its exports: each file the export reads, by its size and its contents, in a version
    published by `store.atomic` (the bundled model's) by the SHA-256 its manifest records (a
    rebuilt model is another version, with other digests), in a folder of the user's own by
    its XXH3-128, computed at each start (its cost is in the README: a fraction of what a
    SHA-256 would take), so that weights replaced in place are exported again. Exports once
    recorded the folder's path, then a user folder's file times: those are made again once,
    then kept."""
    recorded = _published_files(folder)
    files = {}
    for name in _EXPORT_READS:
        path = folder / name
        if path.is_file():
            digest = recorded.get(name, {}).get("sha256")
            told = {"sha256": digest} if digest else {"xxh3_128": atomic.xxh3_128(path)}
            files[name] = {"size": path.stat().st_size, **told}
    return {"files": files}


def _published_files(folder: Path) -> dict[str, dict]:
    """What the manifest of a version published by `store.atomic` records of each of its
    files; nothing for a folder that has no such manifest."""
    try:
        manifest = json.loads((folder / atomic.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict):
        return {}
    return {name: record for name, record in files.items() if isinstance(record, dict)}


def _remove_old_layout(exports: Path) -> None:
    # Exports were once single files with a `.json` stamp beside them, directly in `exports`;
    # the first versioned export there, of either kind, deletes them.
    for name in (*FILES.values(), *(f"{name}.json" for name in FILES.values())):
        (exports / name).unlink(missing_ok=True)


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
