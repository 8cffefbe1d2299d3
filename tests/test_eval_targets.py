"""The retrieval targets of the answers issue, on the dev questions, through `hrc-qa eval`."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[1]


def test_hrc_qa_eval_reaches_the_targets_on_the_dev_set(index_env):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("hrc-qa")), "eval", str(ROOT / "eval" / "dev.jsonl")],
        capture_output=True,
        text=True,
        env=index_env,
        check=True,
    )
    line = result.stdout.strip().splitlines()[-1]
    figures = dict(re.findall(r"(?<!\S)(hit@1|hit@5|MRR@10|ok∧hit@1|ok∧hit@5) ([\d.]+)", line))
    assert float(figures["hit@5"]) == 1.0
    assert float(figures["hit@1"]) >= 0.93
    assert float(figures["ok∧hit@5"]) == 1.0  # no answerable dev question is refused
    assert "no_match 3/3 off-topic" in line
