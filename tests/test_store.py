"""Versions on disk (the index, the model, its exports): published atomically, checked on load,
never half-read, rebuilt when made from other facts."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.atomic import (
    Artefact,
    IndexUnavailable,
    current_version,
    ensure,
    made_from,
    open_current,
    publish,
)


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


# -------------------------------------------------------------- any artefact, made from facts

SIZE_CHECKED = Artefact("test-artefact/1", "test artefact", verify="size")


def test_files_in_subfolders_are_recorded_by_their_path(tmp_path):
    def write(folder):
        (folder / "sub").mkdir()
        (folder / "sub" / "b.json").write_text("{}")

    version = publish(tmp_path, write, artefact=SIZE_CHECKED, source={"from": 1})
    _, manifest = open_current(tmp_path, artefact=SIZE_CHECKED)
    assert manifest["files"]["sub/b.json"]["size"] == 2
    assert manifest["source"] == {"from": 1}
    assert made_from(tmp_path, {"from": 1}, artefact=SIZE_CHECKED) == version


def test_a_version_is_on_the_disk_before_the_pointer_names_it(tmp_path, monkeypatch):
    from store import atomic

    synced: list[Path] = []
    synced_when_pointed: list[Path] = []
    sync, write_atomically = atomic._sync, atomic.write_atomically

    def recording_sync(path):
        synced.append(path)
        sync(path)

    def recording_write(path, data):
        if path.name == atomic.POINTER:
            synced_when_pointed.extend(synced)
        write_atomically(path, data)

    monkeypatch.setattr(atomic, "_sync", recording_sync)
    monkeypatch.setattr(atomic, "write_atomically", recording_write)

    def write(folder):
        (folder / "sub").mkdir()
        (folder / "sub" / "b.json").write_text("{}")
        (folder / "a.bin").write_bytes(b"1234")

    version = publish(tmp_path, write)
    staged = {path.name: path for path in synced_when_pointed}
    # Every file and folder written, the manifest's folder and the version's entry in the home.
    assert {"sub", "b.json", "a.bin", tmp_path.name} <= set(staged)
    assert staged["b.json"].parent.name == "sub" and staged["a.bin"].parent.parent == tmp_path
    assert synced[-1] == tmp_path  # the pointer's rename, last
    assert current_version(tmp_path) == version.name


def test_made_from_asks_for_the_same_facts_format_and_intact_files(tmp_path):
    assert made_from(tmp_path, {"model": "m"}, artefact=SIZE_CHECKED) is None  # nothing yet
    version = publish(
        tmp_path,
        write_files({"a.bin": b"1234"}),
        artefact=SIZE_CHECKED,
        source={"model": "m", "shape": (2, 3)},
    )
    assert made_from(tmp_path, {"model": "m", "shape": (2, 3)}, artefact=SIZE_CHECKED) == version
    assert made_from(tmp_path, {"model": "other", "shape": (2, 3)}, artefact=SIZE_CHECKED) is None
    newer = Artefact("test-artefact/2", "test artefact", verify="size")
    assert made_from(tmp_path, {"model": "m", "shape": (2, 3)}, artefact=newer) is None
    (version / "a.bin").write_bytes(b"12")
    assert made_from(tmp_path, {"model": "m", "shape": (2, 3)}, artefact=SIZE_CHECKED) is None


def test_a_size_checked_artefact_is_not_hashed_on_load(tmp_path):
    # The model folders are only size-checked (hashing them would cost a second per start);
    # the index is hashed, so the same damage is refused there.
    version = publish(tmp_path, write_files({"a.bin": b"1234"}), artefact=SIZE_CHECKED)
    (version / "a.bin").write_bytes(b"4321")
    assert open_current(tmp_path, artefact=SIZE_CHECKED)[0] == version


def test_ensure_builds_only_when_the_current_version_is_not_made_from_the_facts(tmp_path, capsys):
    built = []

    def write(folder):
        built.append(folder)
        (folder / "a.bin").write_bytes(b"x" * len(built))

    def ensure_from(facts):
        return ensure(tmp_path, write, artefact=SIZE_CHECKED, source=facts, announce="making it")

    first = ensure_from({"v": 1})
    assert "hrc-qa: making it into" in capsys.readouterr().err
    assert ensure_from({"v": 1}) == first and len(built) == 1
    assert capsys.readouterr().err == ""
    second = ensure_from({"v": 2})
    assert second != first and len(built) == 2
    (second / "a.bin").unlink()  # damaged: built again
    assert ensure_from({"v": 2}) not in (first, second) and len(built) == 3


def test_a_version_a_killed_build_never_made_current_is_pruned_and_the_current_one_kept(
    tmp_path,
):
    current = publish(tmp_path, write_files({"a.bin": b"old"}))
    orphan = tmp_path / "v9999999999999999999"  # renamed, then killed before CURRENT switched
    orphan.mkdir()
    newest = publish(tmp_path, write_files({"a.bin": b"new"}))
    assert sorted(tmp_path.glob("v*")) == sorted([current, newest])


# ----------------------------------------------------------- killed and concurrent builds

BUILD = """
import os, signal, sys, time
from pathlib import Path
from store import atomic

home, phase, log = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def note(line):
    with open(log, "a") as handle:
        handle.write(line + "\\n")

def write(folder):
    note(f"{phase} writing")
    (folder / "a.bin").write_bytes(phase.encode() * 1000)
    if phase == "writing":
        die()
    while phase == "wait" and not (home.parent / "release").exists():
        time.sleep(0.05)
    note(f"{phase} written")
    return {"model": "m"}

if phase == "before-rename":
    Path.rename = lambda self, target: die()
if phase == "before-pointer":
    replace = os.replace
    os.replace = lambda source, target: die() if Path(target).name == "CURRENT" else replace(
        source, target
    )
if phase == "before-pruning":
    atomic._remove_old_versions = lambda home, keep: die()

note(f"{phase} publishing")
if phase == "ensure":
    print(atomic.ensure(home, write, artefact=atomic.INDEX, source={"s": 1}, announce="."))
else:
    print(atomic.publish(home, write, source={"s": 1}))
"""


def start_build(home, phase, log):
    return subprocess.Popen(
        [sys.executable, "-c", BUILD, str(home), phase, str(log)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def wait_for(log, line, process):
    while line not in (log.read_text().splitlines() if log.exists() else []):
        assert process.poll() is None, f"the build ended before {line!r}"
        time.sleep(0.02)


@pytest.mark.parametrize("phase", ["writing", "before-rename", "before-pointer", "before-pruning"])
def test_a_build_killed_at_any_step_leaves_a_complete_current_version(tmp_path, phase):
    home = tmp_path / "home"
    previous = publish(home, write_files({"a.bin": b"old"}))
    build = start_build(home, phase, tmp_path / "log")
    build.wait()
    assert build.returncode == -signal.SIGKILL
    folder, _ = open_current(home)  # every file checked against its SHA-256
    if phase == "before-pruning":  # killed after the switch: the new version is whole
        assert folder != previous and (folder / "a.bin").read_bytes() == b"before-pruning" * 1000
    else:
        assert folder == previous and (folder / "a.bin").read_bytes() == b"old"
    current = publish(home, write_files({"a.bin": b"next"}))
    assert not list(home.glob(".building-*")) and not list(home.glob(".CURRENT.*"))
    assert sorted(home.glob("v*")) == sorted([folder, current])


def test_two_builds_at_once_run_one_after_the_other(tmp_path):
    home, log = tmp_path / "home", tmp_path / "log"
    first = start_build(home, "wait", log)
    wait_for(log, "wait writing", first)
    second = start_build(home, "second", log)
    wait_for(log, "second publishing", second)
    time.sleep(0.5)  # time enough for the second to start writing, were it not waiting
    (tmp_path / "release").touch()
    assert first.wait() == second.wait() == 0
    assert log.read_text().splitlines() == [
        "wait publishing",
        "wait writing",
        "second publishing",
        "wait written",
        "second writing",
        "second written",
    ]
    assert open_current(home)[1]["files"]["a.bin"]["size"] == len("second") * 1000


def test_two_processes_needing_the_same_version_build_it_once(tmp_path):
    home, log = tmp_path / "home", tmp_path / "log"
    first = start_build(home, "wait", log)
    wait_for(log, "wait writing", first)
    # The same facts, asked for while the first builds: it waits, then takes the first's.
    second = start_build(home, "ensure", log)
    wait_for(log, "ensure publishing", second)
    time.sleep(0.5)  # time enough for the second to start writing, were it not waiting
    (tmp_path / "release").touch()
    assert first.wait() == 0 and second.wait() == 0
    lines = log.read_text().splitlines()
    assert "ensure writing" not in lines
    assert second.stdout.read().strip() == first.stdout.read().strip()


def test_a_version_is_as_readable_as_the_umask_allows(tmp_path):
    # The model cache may be shared with the account an app runs under.
    previous = os.umask(0o022)
    try:
        version = publish(tmp_path, write_files({"a.bin": b"1"}))
    finally:
        os.umask(previous)
    assert version.stat().st_mode & 0o777 == 0o755
