"""Index versions on disk: published atomically, checked on load, never half-read."""

import json
import os

import pytest

from store.atomic import IndexUnavailable, current_version, open_current, publish


def write_files(contents: dict[str, bytes]):
    def write(folder):
        for name, data in contents.items():
            (folder / name).write_bytes(data)
        return {"model": "m"}

    return write


def test_publish_then_open(tmp_path):
    version = publish(tmp_path, write_files({"a.bin": b"1234"}))
    folder, manifest = open_current(tmp_path)
    assert folder == version and manifest["model"] == "m"
    assert manifest["files"]["a.bin"]["size"] == 4
    assert current_version(tmp_path) == version.name


def test_no_index_yet_says_how_to_build_one(tmp_path):
    with pytest.raises(IndexUnavailable, match="hrc-qa index"):
        open_current(tmp_path)


def test_a_truncated_file_is_refused_with_the_rebuild_command(tmp_path):
    version = publish(tmp_path, write_files({"a.bin": b"12345678"}))
    with open(version / "a.bin", "r+b") as handle:
        handle.truncate(3)
    with pytest.raises(IndexUnavailable, match=r"truncated.*hrc-qa index --rebuild"):
        open_current(tmp_path)


def test_a_damaged_file_of_the_right_size_is_refused(tmp_path):
    version = publish(tmp_path, write_files({"a.bin": b"12345678"}))
    (version / "a.bin").write_bytes(b"87654321")
    with pytest.raises(IndexUnavailable, match="damaged"):
        open_current(tmp_path)


def test_a_build_that_fails_while_writing_leaves_the_previous_version(tmp_path):
    previous = publish(tmp_path, write_files({"a.bin": b"old"}))

    def failing(folder):
        (folder / "a.bin").write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        publish(tmp_path, failing)
    folder, _ = open_current(tmp_path)
    assert folder == previous and (folder / "a.bin").read_bytes() == b"old"
    assert not list(tmp_path.glob(".building-*"))


def test_what_a_killed_build_leaves_behind_is_ignored_then_cleaned(tmp_path):
    previous = publish(tmp_path, write_files({"a.bin": b"old"}))
    # A process killed mid-build leaves its staging folder and perhaps a pointer temp file.
    staging = tmp_path / ".building-killed"
    staging.mkdir()
    (staging / "a.bin").write_bytes(b"ha")
    pointer = tmp_path / f".CURRENT.{os.getpid() + 1}.tmp"
    pointer.write_text("v-nothing")
    assert open_current(tmp_path)[0] == previous
    publish(tmp_path, write_files({"a.bin": b"new"}))
    assert not staging.exists() and not pointer.exists()
    assert open_current(tmp_path)[0].joinpath("a.bin").read_bytes() == b"new"


def test_old_versions_are_pruned_but_the_previous_one_is_kept(tmp_path):
    versions = [publish(tmp_path, write_files({"a.bin": bytes([n])})) for n in range(4)]
    assert sorted(path.name for path in tmp_path.glob("v*")) == [v.name for v in versions[-2:]]


def test_a_manifest_of_another_format_is_refused(tmp_path):
    version = publish(tmp_path, write_files({"a.bin": b"x"}))
    manifest = json.loads((version / "manifest.json").read_text())
    (version / "manifest.json").write_text(json.dumps(manifest | {"format": "other/9"}))
    with pytest.raises(IndexUnavailable, match="format"):
        open_current(tmp_path)
