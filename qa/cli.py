"""The `hrc-qa` command line: a thin layer of typer commands over the packages.

Exit codes: 0 done, 2 bad input (a file, a question, an option) with a message on stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from corpus import ResolutionError, paragraph_record, read_resolutions

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Question answering over UN Human Rights Council resolutions.",
)
stderr = Console(stderr=True)

BAD_INPUT = 2


@app.callback()
def _commands() -> None:
    """Question answering over UN Human Rights Council resolutions."""


def _fail(message: str) -> typer.Exit:
    stderr.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(BAD_INPUT)


@app.command()
def paragraphs(
    paths: Annotated[list[Path], typer.Argument(help="Resolution files or folders.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Print the labelled paragraphs of resolution files."""
    try:
        resolutions = read_resolutions(paths)
    except ResolutionError as error:
        raise _fail(str(error)) from None
    for resolution in resolutions:
        if not as_json:
            print(f"# {resolution.symbol} ({resolution.language}) {resolution.title}")
        for paragraph in resolution.paragraphs:
            if as_json:
                record = paragraph_record(resolution, paragraph)
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                print(f"{paragraph.key}\t{paragraph.text}")


def main() -> None:
    app()
