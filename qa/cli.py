"""The `hrc-qa` command line: thin click commands over the packages.

Exit codes: 0 done, 2 bad input (a file, a question, an option, a damaged index) with a
message on stderr; `hrc-qa index` exits 1 when it refused some files and indexed the others,
and 2 when the index was not changed (every file refused, or a rebuild with one refused).
What looks wrong in a resolution file that is read all the same (a skipped paragraph number)
is a warning on stderr. Readable output shows control characters as escapes
(`\x1b`): text from a file or a question never drives the terminal.
"""

from __future__ import annotations

import json
import os
import re
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape

from languages import LANGUAGES

# The rest of the project is imported by the commands that use it: a cold `ask` starts opening
# its model first, so that the session opens while the modules it answers with are imported.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from embeddings.encoder import Encoder
    from languages import Language
    from qa.answer import Answer
    from qa.assistant import Assistant
    from store.update import UpdateReport


class _Group(click.Group):
    """The commands, listed in its help in the order they are defined here."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=_Group, no_args_is_help=True)
def app() -> None:
    """Question answering over UN resolutions."""


SOME_REFUSED = 1
"""`hrc-qa index`: some files were refused, the others indexed."""
BAD_INPUT = 2

_leave_at_once: list[bool] = []
"""Set once `ask`'s model has started opening: then `run` leaves without Python's teardown,
which would wait for the session to finish opening before a usage error exits."""

MAX_BATCH_PROBLEMS = 10
"""How many bad lines of a batch file are listed; the rest are counted."""

# C0 and C1 controls but tab and newline (an ESC starts an escape sequence that can recolour,
# move or retitle the terminal), bidirectional overrides (they reorder what is shown) and lone
# surrogates (not text: printing one fails).
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

PATH = click.Path(path_type=Path)
model_option = click.option(
    "--model", default=None, help="A sentence-transformers model name or folder."
)
index_option = click.option(
    "--index",
    "index_home",
    type=PATH,
    default=None,
    help="The index folder (default: $HRC_QA_INDEX).",
)


def _terminal(text: str) -> str:
    """`text` safe to show on a terminal: what is not printable shown as its escape, `\\x1b`."""
    return _UNPRINTABLE.sub(lambda match: match.group().encode("unicode_escape").decode(), text)


@cache
def _console(stderr: bool = False) -> Console:
    """Where output goes (stdout, or stderr for messages), made at its first use: rich's
    console module is a large import that a cold `ask` makes after its model started."""
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=True, highlight=False)


def _show(markup: str, stderr: bool = False) -> None:
    """Print rich markup, with whatever it quotes made safe for the terminal."""
    _console(stderr).print(_terminal(markup))


def _fail(message: str) -> click.exceptions.Exit:
    _show(f"[bold red]error:[/] {escape(message)}", stderr=True)
    return click.exceptions.Exit(BAD_INPUT)


@contextmanager
def _reporting_file_warnings() -> Iterator[None]:
    """Show on stderr every `ResolutionWarning` raised inside, each naming its file and line;
    other warnings are shown as Python shows them."""
    from corpus import ResolutionWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResolutionWarning)
        try:
            yield
        finally:
            for warning in caught:
                if issubclass(warning.category, ResolutionWarning):
                    _show(f"[yellow]warning:[/] {escape(str(warning.message))}", stderr=True)
                else:
                    warnings.showwarning(
                        warning.message, warning.category, warning.filename, warning.lineno
                    )


@app.command()
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=PATH,
    help="Resolution files or folders.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def paragraphs(paths: tuple[Path, ...], as_json: bool) -> None:
    """Print the labelled paragraphs of resolution files."""
    from corpus import ResolutionError, paragraph_record, read_resolutions
    from corpus.formats.refusal import FileRefused

    try:
        with _reporting_file_warnings():
            resolutions = read_resolutions(paths)
    except FileRefused as error:
        raise _fail(error.said_in(_user_language())) from None
    except ResolutionError as error:
        raise _fail(str(error)) from None
    for resolution in resolutions:
        if not as_json:
            print(_terminal(f"# {resolution.symbol} ({resolution.language}) {resolution.title}"))
        for paragraph in resolution.paragraphs:
            if as_json:
                record = paragraph_record(resolution, paragraph)
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                print(_terminal(f"{paragraph.key}\t{paragraph.text}"))


@app.command()
@click.argument(
    "paths",
    nargs=-1,
    type=PATH,
    help="Resolution files or folders to add (default: the bundled corpus).",
)
@click.option("--remove", multiple=True, help="Take a resolution out, e.g. 51/5.")
@click.option("--rebuild", is_flag=True, help="Start afresh: index exactly PATHS.")
@model_option
@index_option
def index(
    paths: tuple[Path, ...],
    remove: tuple[str, ...],
    rebuild: bool,
    model: str | None,
    index_home: Path | None,
) -> None:
    """Build the paragraph index, or add, replace and remove resolutions in it."""
    from corpus import BUNDLED_CORPUS, find_resolution_files
    from embeddings import settings
    from embeddings.model import load_encoder
    from qa import generic, places, translate
    from store.atomic import IndexUnavailable
    from store.update import update

    home = index_home or settings.store_location()
    encoder = load_encoder(model)
    paths = list(paths) or ([] if remove else [BUNDLED_CORPUS])
    total = len(find_resolution_files(paths))
    try:
        with _progress(total) as progress:
            task = progress.add_task("reading files", total=total)
            report = update(
                home,
                encoder,
                paths=paths,
                remove=remove or (),
                rebuild=rebuild,
                on_file=lambda _: progress.advance(task),
            )
    except KeyError as error:
        raise _fail(f"{error.args[0]}; the index was not changed.") from None
    except IndexUnavailable as error:
        raise _fail(str(error)) from None
    _report_files(report)
    nothing_read = len(report.refused) == len(report.files)
    if report.refused and report.version is None and (rebuild or nothing_read):
        raise _fail(
            f"{len(report.refused)} of {len(report.files)} files refused. "
            + (
                "A rebuild publishes only a complete batch: the index was not changed."
                if rebuild
                else "The index was not changed."
            )
        )
    # The tables questions read, made now rather than at the first one: the gloss table and the
    # English glosses' vectors translated questions need, the place names every question is
    # read for and the generic questions' centroid every question's best paragraph is set
    # against.
    translate.prepare()
    translate.prepare_english_vectors(encoder)
    places.prepare()
    generic.prepare(encoder)
    if report.reembedded_from:
        _show(
            escape(
                f"The index had been built with the model {report.reembedded_from}: "
                f"what it held was embedded again with {encoder.name}."
            )
        )
    for verb, keys in (
        ("added", report.added),
        ("replaced", report.replaced),
        ("removed", report.removed),
        ("unchanged", report.unchanged),
    ):
        if keys:
            _show(escape(f"{verb}: {', '.join(keys)}"))
    for misalignment in report.misaligned:
        _show(f"[yellow]warning:[/] {escape(misalignment.describe())}", stderr=True)
    _show(
        escape(
            f"{'Saved' if report.version else 'Up to date, nothing saved:'} {home}: "
            f"{report.resolutions} resolutions, {report.paragraphs} paragraphs, model "
            f"{encoder.name}; {report.embedded} paragraphs embedded."
        )
    )
    if report.refused:
        _show(
            f"[red]{len(report.refused)} of {len(report.files)} files refused[/] "
            "(listed above); everything else is done and saved.",
            stderr=True,
        )
        raise click.exceptions.Exit(SOME_REFUSED)


def _progress(total: int) -> Progress:
    """A progress bar on stderr, gone when done; none for a single item."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_console(stderr=True),
        transient=True,
        disable=total < 2,
    )


def _report_files(report: UpdateReport) -> None:
    """A line for each file on stderr: how it was read, each warning about it, and why a
    refused file was refused, in the user's language where the reason has one."""
    from corpus.formats.refusal import FileRefused

    language = _user_language()
    for file in report.files:
        for warning in file.warnings:
            _show(f"[yellow]warning:[/] {escape(str(warning))}", stderr=True)
        if file.error is not None:
            reason = (
                file.error.said_in(language)
                if isinstance(file.error, FileRefused)
                else str(file.error)
            )
            _show(f"[red]refused:[/] {escape(reason)}", stderr=True)
        else:
            _show(escape(f"{file.outcome}: {file.path} ({file.resolution})"), stderr=True)


def _user_language() -> Language:
    """The language of the user's locale (`LANG=zh_CN.UTF-8`) where messages have it, else
    English, the language of the rest of the command line's output."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            language = value[:2].lower()
            return language if language in LANGUAGES else "en"
    return "en"


@app.command()
@click.argument(
    "question",
    required=False,
    help="The question, in any of the six official UN languages.",
)
@click.option("--top-k", "-k", default=5, show_default=True, help="How many paragraphs.")
@click.option(
    "--resolution", "-r", multiple=True, help="Only this resolution, e.g. 57/12 or A/RES/80/4."
)
@click.option("--body", multiple=True, help="Only this body's resolutions: hrc, ga, sc or ecosoc.")
@click.option("--part", help="preambular or operative.")
@click.option("--session", help="A session or range, e.g. 51-57.")
@click.option("--year", help="An adoption year or range, e.g. 2018-2022.")
@click.option("--batch", type=PATH, help="A JSON-lines file of {id, q} questions.")
@click.option("--json", "as_json", is_flag=True, help="The JSON answer contract.")
@model_option
@index_option
@click.pass_context
def ask(
    ctx: click.Context,
    question: str | None,
    top_k: int,
    resolution: tuple[str, ...],
    body: tuple[str, ...],
    part: str | None,
    session: str | None,
    year: str | None,
    batch: Path | None,
    as_json: bool,
    model: str | None,
    index_home: Path | None,
) -> None:
    """Answer a question with quoted, cited paragraphs."""
    from languages.messages import message
    from languages.scripts import detect_language

    if (question is None) == (batch is None):
        raise _fail("give a question, or --batch FILE (not both)")
    if question is not None and _not_text(question):  # bytes of the command line not UTF-8
        raise _fail(message("bad_question", detect_language(_terminal(question))))
    questions = _batch_questions(batch) if batch else [(None, question or "")]
    # The model's session opens in the background from here (see `OnnxEncoder`) if
    # `qa.launch` did not start it already: before the modules that answer are imported and the store
    # is opened.
    encoder = ctx.obj if ctx.obj is not None and model is None else _load_encoder(model)
    _leave_at_once.append(True)
    from qa.request import RequestError, answer_request, parse_filters

    resolutions, bodies = list(resolution) or None, list(body) or None
    try:
        parse_filters(resolutions, part, session, year, bodies)
    except RequestError as error:
        raise _fail(error.message(detect_language(question or ""))) from None
    assistant = _open_assistant(index_home, encoder)
    if not as_json:
        _console()  # made while the session may still be opening, not after the answer
    failed = False
    for id, text in questions:
        answer = answer_request(
            assistant, text, top_k, resolutions, part, session, year, id=id, bodies=bodies
        )
        failed |= answer.status == "error"
        if as_json:
            sys.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
        else:
            _print_answer(answer)
    if failed:
        raise click.exceptions.Exit(BAD_INPUT)


def _batch_questions(path: Path) -> list[tuple[str | None, str]]:
    """The (id, question) of each line of a batch file; every line that is not a question
    object is named, and none is answered."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(f"{path}: cannot be read ({error})") from None
    questions: list[tuple[str | None, str]] = []
    problems: list[str] = []
    # Split on newlines only: a JSON string may hold U+2028, which `splitlines` would cut at.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        question, problem = _batch_question(line)
        if problem:
            problems.append(f"{path}, line {number}: {problem}")
        else:
            questions.append(question)
    if problems:
        more = len(problems) - MAX_BATCH_PROBLEMS
        shown = problems[:MAX_BATCH_PROBLEMS] + ([f"… and {more} more lines"] if more > 0 else [])
        raise _fail("\n".join(shown))
    return questions


def _batch_question(line: str) -> tuple[tuple[str | None, str], str]:
    """One line's (id, question), or what is wrong with it."""
    try:
        item = json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: nested beyond what json reads
        item = None
    if not isinstance(item, dict):
        return (None, ""), 'not a JSON object like {"id": …, "q": …}'
    id, question = item.get("id"), item.get("q") or item.get("question") or ""
    for name, value, allowed in (("id", id, (str, type(None))), ("q", question, (str,))):
        if not isinstance(value, allowed):
            return (None, ""), f'"{name}" must be a string, not {_json_type(value)}'
        if value is not None and _not_text(value):
            return (None, ""), f'"{name}" holds a lone surrogate (such as "\\ud800"): not text'
    return (id, question), ""


def _json_type(value: object) -> str:
    """How JSON names the type of a value `json.loads` made."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"


def _not_text(value: str) -> bool:
    """Whether `value` holds a lone surrogate, which no encoding can write out."""
    return re.search(r"[\ud800-\udfff]", value) is not None


def _load_encoder(model: str | None) -> Encoder:
    """The model to answer with (see `embeddings.model.load_encoder`): an ONNX one returns at
    once, its session opening in the background."""
    from embeddings.model import load_encoder

    return load_encoder(model)


def _open_assistant(index_home: Path | None, encoder: Encoder) -> Assistant:
    from qa.assistant import Assistant
    from store.atomic import IndexUnavailable

    try:
        return Assistant.open_with(encoder, index_home)
    except IndexUnavailable as error:
        raise _fail(str(error)) from None


def _print_answer(answer: Answer) -> None:
    from corpus.citation import cite
    from languages.messages import message

    if answer.message:  # an error, a no-match, or an answer to part of the question
        style = "red" if answer.status == "error" else "yellow"
        _show(f"[{style}]{escape(answer.message)}[/]")
    for quote in answer.results:
        # The fields of the answer's record (`Quote.to_dict`) that are shown, read directly:
        # the record would also find the resolutions each paragraph names, which costs a cold
        # answer the compiling of their pattern.
        resolution = quote.resolution
        _show(
            f"\n[bold][{quote.rank}] {escape(cite(resolution, quote.paragraph, answer.language))}[/]  "
            f"{escape(resolution.symbol)}  {resolution.adopted.isoformat()}  "
            f"[dim]{message('label_' + quote.label, answer.language)}[/]"
        )
        _show(f"    [dim]{escape(resolution.title)}[/]")
        _show("    " + _marked(quote.quote, quote.highlights).replace("\n", "\n    "))


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` as rich markup with the question's words in bold yellow."""
    from qa.answer import highlight_segments

    return "".join(
        f"[bold yellow]{escape(piece)}[/]" if highlighted else escape(piece)
        for piece, highlighted in highlight_segments(text, spans)
    )


@app.command()
@click.argument(
    "path",
    type=PATH,
    help="The draft: .docx, .txt, .md, .pdf or .html; - reads stdin.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per draft paragraph, in order."
)
@click.option("--out", type=PATH, help="Also write the check as report.docx, report.md or .json.")
@model_option
@index_option
def check(
    path: Path, as_json: bool, out: Path | None, model: str | None, index_home: Path | None
) -> None:
    """Check a draft against adopted text: each paragraph agreed, adapted or new, with its
    sources and the exact differences."""
    from corpus.draft import DraftError, read_draft, read_draft_file
    from languages.messages import message
    from qa.check import CheckReport, DraftChecker
    from qa.export import FORMATS, export

    language = _user_language()
    form = (out.suffix.lower().lstrip(".") if out else "json").replace("markdown", "md")
    if out is not None and form not in FORMATS:
        raise _fail(message("check_bad_format", language, value=out.suffix))
    try:
        if str(path) == "-":
            draft = read_draft(sys.stdin.read())
        else:
            try:
                raw = _read_bounded(path)
            except OSError as error:
                raise _fail(f"{path}: cannot be read ({error.strerror})") from None
            draft = read_draft_file(raw, path.name)
    except DraftError as error:
        raise _fail(f"{path}: {error.said_in(language)}") from None
    checker = DraftChecker(_open_assistant(index_home, _load_encoder(model)).retriever)
    notes = checker.notes(draft)
    for note in notes:
        _show(f"[yellow]warning:[/] {escape(f'{path}: {note}')}", stderr=True)
    checks = []
    with _progress(len(draft.paragraphs)) as progress:
        task = progress.add_task("checking paragraphs", total=len(draft.paragraphs))
        for checked in checker.each(draft):
            checks.append(checked)
            progress.advance(task)
            if as_json:
                sys.stdout.write(json.dumps(checked.to_dict(), ensure_ascii=False) + "\n")
    report = CheckReport(draft.language, tuple(checks), notes)
    if not as_json:
        _print_check(report, language)
    if out is not None:
        _write_atomically(out, export(report, form, draft.language))
        _show(escape(f"written: {out}"), stderr=True)


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, no more than a draft file may hold (it may be a device that never
    ends): one byte over, and `read_draft_file` refuses it as too large."""
    from corpus.formats import MAX_DOCUMENT_BYTES

    with path.open("rb") as handle:
        return handle.read(MAX_DOCUMENT_BYTES + 1)


def _write_atomically(path: Path, data: bytes) -> None:
    """`data` in `path`, whole or not at all (`store.atomic.write_atomically`)."""
    from store.atomic import write_atomically

    try:
        write_atomically(path, data)
    except OSError as error:
        raise _fail(f"{path}: cannot be written ({error.strerror})") from None


def _print_check(report, ui: Language) -> None:
    """Each paragraph with its verdict, its sources cited in the draft's language and, for an
    adapted one, its changes: `[-removed-]` (struck through in red), `{+added+}` (green)."""
    from languages.interface import ui_text
    from qa.export import changes_line, summary_line

    styles = {"agreed": "green", "adapted": "yellow", "new": "magenta"}
    for checked in report.checks:
        paragraph = checked.paragraph
        verdict = ui_text(ui, f"verdict_{checked.verdict}")
        _show(
            f"\n[bold][{paragraph.index}] [{styles[checked.verdict]}]{escape(verdict)}[/][/]  "
            f"{escape(f'{paragraph.label} {paragraph.text}'.strip())}"
        )
        for source in checked.sources:
            record = source.to_dict()
            cited = f"    [bold]{escape(record['citation'][report.language])}[/]  " + escape(
                record["symbol"]
            )
            if checked.verdict == "agreed":
                _show(cited)
                continue
            _show(
                f"{cited}  {ui_text(ui, 'check_similarity')} {record['similarity']:.2f}  "
                f"{escape(changes_line(source, ui))}"
            )
            _show("    " + "".join(_diff_markup(piece.op, piece.text) for piece in source.diff))
    _show("\n" + escape(summary_line(report, ui)))


def _diff_markup(op: str, text: str) -> str:
    """A diff piece marked as the Markdown export marks it (`[-removed-]`, `{+added+}`), so
    that it reads in a pipe or a file too, and coloured on a terminal."""
    from qa.export import marked

    style = {"delete": "red strike", "insert": "green underline"}.get(op)
    return f"[{style}]{escape(marked(op, text))}[/]" if style else escape(text)


@app.command(name="eval")
@click.argument("questions", type=PATH, help="A JSON-lines file of questions with gold.")
@click.option(
    "--compare", is_flag=True, help="Also score dense, keyword and hybrid retrieval alone."
)
@model_option
@index_option
def evaluate(questions: Path, compare: bool, model: str | None, index_home: Path | None) -> None:
    """Score answers on questions with gold paragraphs, per question kind and language:
    ok, hit@1, hit@5, MRR@10, no-match and the precision of each relevance label."""
    from qa.evaluate import HEADER, QuestionSetEvaluator, breakdown, figures, missed

    evaluator = QuestionSetEvaluator(questions)
    try:
        evaluator.questions()
    except (OSError, ValueError) as error:
        raise _fail(str(error)) from None
    assistant = _open_assistant(index_home, _load_encoder(model))
    modes = ["dense", "keyword", "hybrid", "answer"] if compare else ["answer"]
    outcomes = {mode: evaluator(assistant, mode) for mode in modes}
    answered = outcomes["answer"]
    for line in missed(answered):
        _show(f"missed {escape(line)}")
    _show(escape(f"\n{questions.name}\n{HEADER}"))
    for group in breakdown(answered):
        _show(escape(group.row()))
    for label, (right, shown) in figures("all", answered).labelled.items():
        precision = f"{right / shown:.3f}" if shown else "-"
        _console().print(
            f"label {label}: precision {precision} ({right}/{shown} in the top 5 of ok answers)"
        )
    for mode in modes:
        _console().print(figures(mode, outcomes[mode]).summary())


@app.command()
@click.option("--quick", is_flag=True, help="Sizes 200 and 10k, fewer passes, a short load.")
@click.option("--sizes", type=int, multiple=True, help="Corpus sizes in paragraphs.")
@click.option(
    "--repeat",
    type=int,
    help="Passes of timed questions per size, each as many as the warm-up's, none asked before.",
)
@click.option(
    "--backend",
    "backends",
    multiple=True,
    help="Measure the index build with this backend (repeatable).",
)
@click.option(
    "--load/--no-load",
    default=True,
    show_default=True,
    help="Also the load test against the app.",
)
@click.option("--cold", type=int, help="Cold `hrc-qa ask` runs beside the peer's (0: none).")
@click.option("--out", type=PATH, help="Results folder (default: bench/results).")
@click.option(
    "--corpora",
    type=PATH,
    help="Keep each size's synthetic store in this folder, and serve it again in later runs "
    "of the same code instead of building it.",
)
def bench(
    quick: bool,
    sizes: tuple[int, ...],
    repeat: int | None,
    backends: tuple[str, ...],
    load: bool,
    cold: int | None,
    out: Path | None,
    corpora: Path | None,
) -> None:
    """Measure query latency, index build, recall and memory by corpus size, cold answers,
    and load."""
    import qa.bench as benchmark

    if any(size < 1 for size in sizes) or (repeat is not None and repeat < 1):
        raise _fail("--sizes and --repeat take positive numbers")
    if cold is not None and cold < 0:
        raise _fail("--cold takes a number of runs, 0 or more")
    unknown = sorted(set(backends) - set(benchmark.BUILD_BACKENDS))
    if unknown:
        raise _fail(f"--backend is one of {', '.join(benchmark.BUILD_BACKENDS)}, not {unknown[0]}")
    results = benchmark.run(
        sizes=list(sizes) or (benchmark.QUICK_SIZES if quick else benchmark.FULL_SIZES),
        repeat=repeat or (2 if quick else 5),
        build_backends=list(backends)
        or (("onnx-int8", "onnx", "torch", "peer") if quick else benchmark.BUILD_BACKENDS),
        build_paragraphs=1000,
        load=((8, 10) if quick else (32, 50)) if load else None,
        cold=(3 if quick else 5) if cold is None else cold,
        out=out or benchmark.RESULTS,
        corpora=corpora,
        say=lambda text: _console(stderr=True).print(text),
    )
    _console().print(benchmark.markdown(results))


@app.command()
@click.option("--host", help="Address to listen on (default: $GRADIO_SERVER_NAME).")
@click.option("--port", type=int, help="Port (default: $GRADIO_SERVER_PORT, else 7860).")
@click.option(
    "--root-path", help="Path prefix behind a reverse proxy, e.g. /hrc-qa ($GRADIO_ROOT_PATH)."
)
def serve(host: str | None, port: int | None, root_path: str | None) -> None:
    """Start the web app: the chat, the resolution pages and the JSON API."""
    from web.server import serve as run

    run(host, port, root_path)


def run(started: Encoder | None = None) -> None:
    """The click app on `sys.argv`, with the model `qa.launch` started for `ask`, if any (see
    there). Once `ask`'s model has started opening, the process ends at once: Python's
    teardown would free the model and the word tables object by object, and after a usage
    error wait for the session to finish opening; nothing is left to write (the answers or
    the error are out, nothing else was opened for writing)."""
    if started is not None:
        _leave_at_once.append(True)
    try:
        app(obj=started)
    except SystemExit as leaving:
        if not _leave_at_once:
            raise
        code = leaving.code if isinstance(leaving.code, int) else 0
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
