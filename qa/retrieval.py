"""Hybrid retrieval: dense search fused with BM25 keyword search, over any paragraph store.

Each search ranks its candidates; reciprocal rank fusion adds `weight / (k + rank)` over the
lists a paragraph appears in, a keyword rank weighing twice a dense one. Rank fusion needs
no calibration between cosine and BM25 scales, and a paragraph found by both searches rises
above one found by either. Each result also
carries its cosine similarity to the question, which says how relevant it is on an absolute
scale (the no-match decision uses it).

A paragraph indexed in several languages (`corpus.alignment`) is one result: at the rank of
its best-scoring version, in the question's language when that version is indexed.

The corpus is Chinese: an English question is also searched through the Chinese translations
of its words (`qa.translate`) that the corpus holds: by keyword, each word's translations
averaged (a word the dictionary gives eight Chinese words for weighs as one it gives one for),
and by meaning, each word's translations that the corpus's paragraphs hold most often beside
another word's (co-occurrence: `local` → 地方, not 小范围, beside `government` → 政府),
embedded together as a second query (see the README for what each measured). A French,
Spanish, Russian or Arabic question over a corpus not in its language is searched the same
way, through the English words nearest to its words in meaning.
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from corpus.alignment import versions_of
from embeddings.encoder import Encoder
from qa.request import question_language
from qa.rerank import CANDIDATES as RERANK_CANDIDATES
from qa.rerank import CrossEncoderReranker
from qa.translate import THROUGH_ENGLISH, TranslatedWord, english_words, words_through_english
from store.base import ParagraphStore, Scored, passage_text
from store.filters import Filters


@dataclass(frozen=True)
class Fusion:
    """How reciprocal rank fusion weighs each search's ranks: `weight / (k + rank)`."""

    k: int
    dense: float
    keyword: float
    translated: float = 0.0
    """The dense search for the Chinese translations of an English question's words."""


FUSION = Fusion(k=60, dense=0.5, keyword=1.0)
"""A keyword rank counts twice a dense one: the small model's cosines rank a paragraph that
shares the question's words below one that merely shares its subject more often than BM25
does (see the README for what each weighting measured)."""
TRANSLATED_FUSION = Fusion(k=10, dense=0.5, keyword=1.0, translated=0.5)
"""For an English question searched through its translations: a smaller k lets the first
ranks of the three lists count more against the many paragraphs each finds a little."""
CANDIDATES = 50
"""How deep each search looks before fusion."""
MEANING_TRANSLATIONS = 2
"""How many of each English word's held translations the second dense query holds: those
found in the most paragraphs beside a translation of another of the question's words."""

BESIDE = ThreadPoolExecutor(max_workers=128, thread_name_prefix="beside-search")
"""Works beside a question's embedding and vector search: its keyword search (here), then an
English question's translations' embedding and search (here), or the terms of a question
searched as written (`qa.assistant`): two threads each while 64 questions are answered at once
(threads are started only when none is idle)."""

Mode = Literal["hybrid", "dense", "keyword"]


@dataclass(frozen=True)
class Hit:
    """A paragraph found for a question, with what each search thought of it."""

    id: str
    fused: float
    similarity: float
    dense_rank: int | None
    keyword_rank: int | None
    keyword_score: float


@dataclass(frozen=True)
class Found:
    """The fused hits for a question."""

    hits: list[Hit]
    english: tuple[TranslatedWord, ...] | None = None
    """The words of a question searched through their Chinese (English, and French, Spanish,
    Russian or Arabic over a corpus not in that language) with the translations the store
    holds, as its keyword search looked for them (`qa.translate`), so that the no-match
    signals need not translate them again; None for another question, or one not searched by
    keyword."""


@dataclass(frozen=True)
class HybridRetriever:
    """Dense + keyword search over one store, with the model its vectors were made by."""

    store: ParagraphStore
    encoder: Encoder
    reranker: CrossEncoderReranker | None = None
    """Reorders the first `rerank.CANDIDATES` fused hits when set (`HRC_QA_RERANKER`)."""

    def search(
        self, question: str, k: int, where: Filters | None = None, mode: Mode = "hybrid"
    ) -> list[Hit]:
        """The `k` best paragraphs for `question`, best first, among those `where` lets
        through. `mode` is `hybrid`, or `dense` / `keyword` alone (to measure each part)."""
        return self.find(question, k, where, mode).hits

    def find(
        self, question: str, k: int, where: Filters | None = None, mode: Mode = "hybrid"
    ) -> Found:
        """As `search`, with the spread of the dense candidates' similarities."""
        where = where or Filters()
        depth = max(CANDIDATES, k)
        # The question is searched by keyword in a thread of its own while this one embeds it
        # and walks the vectors: ONNX Runtime and FAISS let go of Python's lock while they
        # run, so the search goes on meanwhile, and the model starts at once (a thread asked
        # to embed it waited for Python's lock until the search was done). The vector search
        # comes before the wait for the keyword search: it runs on one core, and a keyword
        # search slowed by the embedding's threads (a large store's, an English question's
        # translations) finishes on the other. On a cold start the model's session is still
        # opening meanwhile.
        # An English question's translations are embedded and searched as soon as its keyword
        # search has chosen them, in a thread of their own: while this one still walks the
        # vectors, and while the keyword search sums its ranking.
        meaning: Future[list[Scored]] | None = Future() if mode == "hybrid" else None
        keyword_search = BESIDE.submit(self._keyword_search, question, depth, where, mode, meaning)
        query = self.encoder.encode_queries([question])[0]
        dense = self.store.dense_search(query, depth, where) if mode != "keyword" else []
        keyword, english = keyword_search.result()
        fusion = TRANSLATED_FUSION if english is not None else FUSION
        translated_dense = meaning.result() if meaning is not None and english is not None else []
        dense_ranks = {found.id: rank for rank, found in enumerate(dense, 1)}
        keyword_ranks = {found.id: rank for rank, found in enumerate(keyword, 1)}
        translated_ranks = {found.id: rank for rank, found in enumerate(translated_dense, 1)}
        keyword_scores = {found.id: found.score for found in keyword}
        ids = list(dense_ranks | keyword_ranks | translated_ranks)
        similarities = (self.store.vectors(ids) @ query).tolist() if ids else []
        fused = _fused(
            ids,
            (
                (dense_ranks, fusion.dense),
                (keyword_ranks, fusion.keyword),
                (translated_ranks, fusion.translated),
            ),
            fusion.k,
        )
        hits = [
            Hit(
                paragraph_id,
                fused[paragraph_id],
                similarity,
                dense_ranks.get(paragraph_id),
                keyword_ranks.get(paragraph_id),
                keyword_scores.get(paragraph_id, 0.0),
            )
            for paragraph_id, similarity in zip(ids, similarities, strict=True)
        ]
        hits.sort(key=lambda hit: (-hit.fused, -hit.similarity))
        if self.reranker is not None and mode == "hybrid":
            hits = self._reranked(self.reranker, question, hits)
        return Found(self._one_version(hits, question_language(question), query, k), english)

    def _keyword_search(
        self,
        question: str,
        depth: int,
        where: Filters,
        mode: Mode,
        meaning: Future[list[Scored]] | None = None,
    ) -> tuple[list[Scored], tuple[TranslatedWord, ...] | None]:
        """The keyword search's ranking (none in `dense` mode); for an English question, also
        its words with the translations the store holds, ranked by `_translated_ranking`;
        given `meaning`, the second dense query's embedding and search are started as soon as
        its translations are chosen (`_cohesive_translations`), for `meaning` to hold."""
        if mode == "dense":
            return [], None
        language = question_language(question)
        if not self.through_english(language):
            return self.store.keyword_search(question, depth, where), None
        if language == "en":
            english = tuple(english_words(question, self.store.holds_text))
        else:
            english = tuple(
                words_through_english(question, language, self.encoder, self.store.holds_text)
            )
        found_by = self._translations_found(english, depth, where)
        if meaning is not None:
            # Started before the ranking is summed, which the second dense search does not need.
            translations = self._cohesive_translations(found_by)
            BESIDE.submit(self._meaning_search, translations, depth, where, meaning)
        return self._translated_ranking(question, found_by, depth, where), english

    def through_english(self, language: str) -> bool:
        """Whether a question in `language` is searched by keyword through the Chinese of its
        words (`Found.english`): an English one, and a French, Spanish, Russian or Arabic one
        over a corpus not in its language."""
        return language == "en" or (
            language in THROUGH_ENGLISH and not self.store.holds_language(language)
        )

    def _translations_found(
        self, english: tuple[TranslatedWord, ...], depth: int, where: Filters
    ) -> list[tuple[str, dict[str, list[Scored]]]]:
        """Each of an English question's `english` words (lower-cased, in question order) with
        its Chinese translations that the keyword search finds, and the rows it finds for each
        (a translation matching no paragraph left out). Each translation is searched once."""
        searched: dict[str, list[Scored]] = {}
        found_by: list[tuple[str, dict[str, list[Scored]]]] = []
        for word in english:
            for translation in word.translations:
                if translation not in searched:
                    searched[translation] = self.store.keyword_search(translation, depth, where)
            found = {t: searched[t] for t in word.translations if searched[t]}
            found_by.append((word.text.lower(), found))
        return found_by

    def _translated_ranking(
        self,
        question: str,
        found_by: list[tuple[str, dict[str, list[Scored]]]],
        depth: int,
        where: Filters,
    ) -> list[Scored]:
        """Keyword ranking for an English question: its own words, plus for each of its words
        the mean BM25 score of its translations that the corpus holds (`found_by`). With every
        translation in one query, a word the dictionary gives many Chinese words for outweighed
        the rest of the question."""
        totals: dict[str, float] = defaultdict(float)
        for found in self.store.keyword_search(question, depth, where):
            totals[found.id] += found.score
        for _, found in found_by:
            for rows in found.values():
                for row in rows:
                    totals[row.id] += row.score / len(found)
        ranked = sorted(totals.items(), key=lambda item: -item[1])[:depth]
        return [Scored(id, score) for id, score in ranked]

    def _meaning_search(
        self, translations: list[str], depth: int, where: Filters, meaning: Future[list[Scored]]
    ) -> None:
        """The second dense search, of `translations` embedded together (none when there are
        none), into `meaning`, or what failed."""
        try:
            if not translations:
                meaning.set_result([])
                return
            translated = self.encoder.encode_queries([" ".join(translations)])[0]
            meaning.set_result(self.store.dense_search(translated, depth, where))
        except Exception as failure:  # raised where the answer waits for it
            meaning.set_exception(failure)

    def _cohesive_translations(
        self, found_by: list[tuple[str, dict[str, list[Scored]]]]
    ) -> list[str]:
        """The translations the second dense query is made of: of each word's translations
        the keyword search found (`found_by`), the `MEANING_TRANSLATIONS` that the most
        paragraphs hold beside a translation of another of the question's words (the
        dictionary's order among equals, and the first ones where none is held beside
        another's), in question order. The paragraphs counted are those the translations'
        keyword searches found, each checked for holding the translation as written: every
        translation of an ambiguous word was searched anyway, and one read in another sense
        (`local` → 小范围, found by 范围) is rarely held beside the others (`government` → 政府)."""
        held = [(word, list(found)) for word, found in found_by]
        searched = {t: rows for _, found in found_by for t, rows in found.items()}
        found_ids = list(dict.fromkeys(found.id for rows in searched.values() for found in rows))
        passages = [
            passage_text(item.resolution, item.paragraph).lower()
            for item in self.store.get(found_ids)
        ]
        # Two words often share a translation (`human`, `rights` → 人权): looked for once.
        looked_for = dict.fromkeys(t for _, translations in held for t in translations)
        holding = _rows_holding(passages, list(looked_for))
        chosen: list[str] = []
        for word, translations in held:
            beside = set().union(
                *(holding[other] for text, others in held if text != word for other in others)
            )
            together = {
                translation: len(holding[translation] & beside) for translation in translations
            }
            cohesive = sorted((t for t in translations if together[t]), key=lambda t: -together[t])
            chosen.extend((cohesive or translations)[:MEANING_TRANSLATIONS])
        return list(dict.fromkeys(chosen))

    def _versions(self, paragraph_id: str) -> dict[str, str]:
        """The paragraph's linked versions (`corpus.alignment`), itself included: language →
        id, in store order, so that the first names the paragraph whatever the version."""
        [item] = self.store.get([paragraph_id])
        texts = self.store.texts(item.resolution.name)
        if len(texts) == 1 and texts[0] is item.resolution:
            # Its resolution is indexed in one language: the paragraph is its only version (most
            # hits, and every one of a corpus in one language).
            return {item.resolution.language: item.id}
        return {
            text.language: text.paragraph_id(paragraph)
            for text, paragraph in versions_of(item.resolution, item.paragraph, texts)
        }

    def _one_version(self, hits: list[Hit], language: str, query: np.ndarray, k: int) -> list[Hit]:
        """The first `k` paragraphs of `hits`, one hit each, whatever the languages a paragraph
        is indexed in: at the rank of its best-scoring version, the version in the question's
        `language` when there is one (scored on its own), else the best-scoring. Only the hits
        up to the `k`-th paragraph are looked up (a question's first five of its hundred-odd
        candidates)."""
        found = {hit.id: hit for hit in hits}
        seen: set[str] = set()
        kept: list[Hit] = []
        for hit in hits:
            if len(kept) == k:
                break
            versions = self._versions(hit.id)
            paragraph = next(iter(versions.values()))
            if paragraph in seen:
                continue
            seen.add(paragraph)
            wanted = versions.get(language, hit.id)
            if wanted in found:
                kept.append(found[wanted])
            else:  # not found by either search: ranked as the version that was
                similarity = float(self.store.vectors([wanted])[0] @ query)
                kept.append(replace(hit, id=wanted, similarity=similarity))
        return kept

    def _reranked(
        self, reranker: CrossEncoderReranker, question: str, hits: list[Hit]
    ) -> list[Hit]:
        """The first candidates in the reranker's order, the rest after them as they were."""
        head, tail = hits[:RERANK_CANDIDATES], hits[RERANK_CANDIDATES:]
        stored = self.store.get([hit.id for hit in head])
        passages = [passage_text(item.resolution, item.paragraph) for item in stored]
        scores = reranker.scores(question, passages)
        order = sorted(range(len(head)), key=lambda i: -scores[i])
        return [head[i] for i in order] + tail


def _fused(
    ids: list[str], weighted_ranks: tuple[tuple[dict[str, int], float], ...], k: int
) -> dict[str, float]:
    """Each of `ids`' reciprocal rank fusion score: `weight / (k + rank)` summed over the
    ranked lists it is in, in their order. One pass over each list, where a sum over the
    lists for each id took most of the fusion's time (README: "A question's path at a million
    paragraphs, shorter")."""
    fused = dict.fromkeys(ids, 0.0)
    for ranks, weight in weighted_ranks:
        for paragraph_id, rank in ranks.items():
            fused[paragraph_id] += weight / (k + rank)
    return fused


def _rows_holding(passages: list[str], texts: list[str]) -> dict[str, set[int]]:
    """For each of `texts`, the rows of `passages` (lowercased) that hold it, lowercased. The
    passages are searched as one string, each text's occurrences found by `str.find` and a
    passage counted once: a question's translations are looked for in hundreds of candidates
    each, and a test of each text in each passage took most of the search (README: "An English
    question at a million paragraphs")."""
    joined = "\x00".join(passages)  # no translation holds it: no match spans two passages
    starts = list(itertools.accumulate((len(passage) + 1 for passage in passages), initial=0))
    holding: dict[str, set[int]] = {}
    for text in texts:
        needle = text.lower()
        if not needle:
            holding[text] = set(range(len(passages)))
            continue
        rows: set[int] = set()
        at = joined.find(needle)
        while at >= 0:
            row = bisect.bisect_right(starts, at) - 1
            rows.add(row)
            at = joined.find(needle, starts[row + 1])
        holding[text] = rows
    return holding
