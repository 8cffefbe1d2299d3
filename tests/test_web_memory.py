"""What a serving app holds while it answers: a row of the word-embedding table read by a run
maps a small page of the weights file, not the whole large folio the system cached it in."""

from __future__ import annotations

import ctypes
import os

import numpy as np
import pytest

pytestmark = pytest.mark.slow

FOLIO_BYTES = 2 * 2**20
TEXTS = ["Notes with appreciation the United Nations Public Service Day, held on 23 June;"]


def test_a_row_read_while_serving_maps_a_few_pages_of_the_table(encoder):
    table = encoder.word_table
    assert table is not None
    vectors = encoder.encode_queries(TEXTS)
    row = _cache_as_a_reader_would(table)

    table.read_sparsely()
    assert np.isfinite(ctypes.c_float.from_address(row).value)  # a run reading that row
    resident = _resident_kib(table.start)
    table.release()

    assert resident <= 64  # the page and at most the few cached ones around it, not 2 MiB
    np.testing.assert_array_equal(encoder.encode_queries(TEXTS), vectors)


def _cache_as_a_reader_would(table) -> int:
    """The weights file read into the page cache the way a copy or an export leaves it (in
    order, whole: in large folios where the system makes them); the address of one of the
    table's last rows, rare tokens' that no run reads."""
    table.release()
    descriptor = os.open(table.path, os.O_RDONLY)
    try:
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
        while os.read(descriptor, 2**20):
            pass
    finally:
        os.close(descriptor)
    return table.start + table.length - FOLIO_BYTES


def _resident_kib(start: int) -> int:
    """How much of the mapping at `start` is resident in this process (/proc/self/smaps)."""
    with open("/proc/self/smaps", encoding="utf-8") as lines:
        inside = False
        for line in lines:
            if line[0] in "0123456789abcdef" and "-" in line.split()[0]:
                inside = int(line.split("-")[0], 16) == start
            elif inside and line.startswith("Rss:"):
                return int(line.split()[1])
    raise AssertionError("the table's mapping is not in /proc/self/smaps")
