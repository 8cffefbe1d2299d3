"""Small measuring helpers: percentiles of timings, resident memory, recall."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Sequence

import numpy as np
import psutil


def summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds, and how many timings they come from."""
    values = np.asarray(seconds, dtype=np.float64) * 1e3
    return {
        "p50_ms": round(float(np.percentile(values, 50)), 3),
        "p95_ms": round(float(np.percentile(values, 95)), 3),
        "n": len(values),
    }


def summary_by(labels: Sequence[str], seconds: Sequence[float]) -> dict[str, dict[str, float]]:
    """`summary` of the timings of each label, `labels[i]` naming `seconds[i]`, in the order
    the labels first come."""
    grouped: dict[str, list[float]] = {}
    for label, value in zip(labels, seconds, strict=True):
        grouped.setdefault(label, []).append(value)
    return {label: summary(values) for label, values in grouped.items()}


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def rss_mb() -> float:
    """This process's resident memory now, in MiB."""
    return round(psutil.Process().memory_info().rss / 2**20, 1)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def recall_at_k(exact: np.ndarray, approximate: np.ndarray, k: int = 10) -> float:
    """Mean share of each query's exact top-`k` rows that the approximate search found too."""
    exact, approximate = np.asarray(exact)[:, :k], np.asarray(approximate)[:, :k]
    shares = [
        len(set(truth.tolist()) & set(found.tolist())) / max(1, len(truth[truth >= 0]))
        for truth, found in zip(exact, approximate, strict=True)
    ]
    return round(float(np.mean(shares)), 4) if shares else 1.0


def ratio(ours: float, theirs: float) -> float | None:
    return round(ours / theirs, 3) if theirs else None
