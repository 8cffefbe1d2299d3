"""The `hrc-qa` command's entry point: for `hrc-qa ask`, the model it answers with starts
opening before the command line is read; then the click app of `qa.cli` runs.

Kept apart from `qa.cli` so that nothing of the command line (click, rich's markup) is imported
before the model's ONNX session (about a third of a cold answer) is handed to its thread: they
are imported while it opens. Click still reads every argument, help and error; this only
looks for the command's name and --model.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from embeddings.encoder import Encoder


def started_model(arguments: list[str]) -> Encoder | None:
    """For `ask` without --model, the model it answers with, its session opening in the
    background; None for any other command, and where loading would wait or fail (see
    `embeddings.model.start_encoder`): `ask` then loads its model itself."""
    if arguments[:1] != ["ask"] or any(
        argument == "--model" or argument.startswith("--model=") for argument in arguments
    ):
        return None
    from embeddings.model import start_encoder

    return start_encoder()


def main() -> None:
    """The `hrc-qa` command."""
    started = started_model(sys.argv[1:])
    from qa.cli import run

    run(started)


if __name__ == "__main__":  # `python -m qa.launch`, as from a checkout with no script installed
    main()
