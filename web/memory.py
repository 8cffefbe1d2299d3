"""What a serving app does, once open, so that the rows of the model's word-embedding table its
runs read cost it a few pages each, not two megabytes.

ONNX Runtime maps the table (250,002 rows × 384 float32) from the weights file, and a run
reads the rows of its tokens; `embeddings.onnx_backend.MappedTable` releases what a run mapped
after the run. While the run lasts, each row read maps the whole page-cache folio that holds
it: the kernel keeps a file it wrote or read ahead in folios of up to 2 MiB, and maps a
folio whole on a fault. A long query (an English question's held translations, a few hundred
tokens) then mapped tens of MiB at once, and two such runs at a time made the app's peak.

`read_sparsely` drops the table's cached folios (pages no process maps; the file is only ever
read, so nothing is lost) and tells the kernel the table is read at random, so that the rows are read back one
small page each, with no read-ahead around them, and stay cached that way.
"""

from __future__ import annotations

import ctypes
import mmap
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from embeddings.onnx_backend import MappedTable


def read_sparsely(table: MappedTable | None, maps: Path = Path("/proc/self/maps")) -> bool:
    """Have the rows of `table` read and cached a small page at a time from now on; False
    where there is no table or the system cannot say which file it maps."""
    if table is None or not hasattr(mmap, "MADV_RANDOM"):
        return False
    mapped = _mapped_file(table.start, maps)
    if mapped is None:
        return False
    path, offset = mapped
    madvise = ctypes.CDLL(None, use_errno=True).madvise
    madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
    if madvise(table.start, table.length, mmap.MADV_RANDOM) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"advising the word-embedding table: {os.strerror(error)}")
    table.release()  # what this process maps is not dropped
    descriptor = os.open(path, os.O_RDONLY)
    try:
        # Written back first: a model exported just before the app started is still dirty in
        # the cache, and dirty pages are not dropped.
        os.fdatasync(descriptor)
        os.posix_fadvise(descriptor, offset, table.length, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(descriptor)
    return True


def _mapped_file(start: int, maps: Path) -> tuple[Path, int] | None:
    """The file and the offset in it of the mapping that starts at `start`."""
    if not maps.is_file():
        return None
    for line in maps.read_text(encoding="utf-8", errors="replace").splitlines():
        fields = line.split(maxsplit=5)
        if len(fields) == 6 and int(fields[0].split("-")[0], 16) == start:
            return Path(fields[5]), int(fields[2], 16)
    return None
