"""The command line: the same pipeline over files with no server, and a way to start the server.

    wenji process seeds/ --out results.jsonl             # a folder, in parallel over the cores
    wenji process a.txt b.html --format csv > out.csv    # progress on a terminal, none when piped
    wenji serve --port 8080                              # gunicorn with gunicorn.conf.py

`process` runs `service.pipeline.process` and dumps with the API's own schema, so a document in
the output is the JSON the service would answer for the same file. Each file gets one result,
shaped as a batch result of the API: `{filename, status, document}` or `{filename, status,
problem}`. A file that fails is reported on stderr and in the output; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import IO, Any

from marshmallow import ValidationError

ROOT = Path(__file__).resolve().parent.parent
APP = "service.app:create_app()"
FORMATS = ("json", "jsonl", "csv", "text")
_SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "text"}

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.command(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wenji", description="文集: Chinese official news and speeches as JSON.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    process = commands.add_parser(
        "process",
        help="run the pipeline over files and folders, no server needed",
        description="Process each file (folders: every file in them, recursively) and write one result per file.",
    )
    process.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    process.add_argument("-o", "--out", type=Path, help="write here instead of stdout")
    process.add_argument(
        "-f", "--format", choices=FORMATS, help="output format (default: from --out's suffix, else jsonl)"
    )
    process.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: cores)")
    process.add_argument("--keywords", type=int, default=10, help="how many keywords (0-50, default 10)")
    process.add_argument("--keywords-method", default="tfidf", help="tfidf or textrank (default tfidf)")
    process.add_argument("--summary", type=int, default=3, help="how many summary sentences (0-20, default 3)")
    process.add_argument("--fields", help="keep only these Document fields, e.g. text,metadata (as ?fields=)")
    process.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    process.set_defaults(command=_process)

    serve = commands.add_parser("serve", help="serve the API with gunicorn, as `make run` does")
    serve.add_argument("--host", help="listen address (default $HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default $PORT or 8000)")
    serve.add_argument("--workers", type=int, help="worker processes (default $WEB_CONCURRENCY or cores)")
    serve.set_defaults(command=_serve)
    return parser


# ---- process ----------------------------------------------------------------------------------


def _process(args: argparse.Namespace) -> int:
    from service.api.negotiation import parse_fields
    from service.api.schemas import ProcessingOptions
    from service.errors import Problem

    schema = ProcessingOptions()
    try:
        options = schema.to_options(
            schema.load({"keywords": args.keywords, "keywords_method": args.keywords_method, "summary": args.summary})
        )
        fields = parse_fields(args.fields)
    except ValidationError as error:
        return _usage(f"invalid options: {error.messages_dict}")
    except Problem as problem:
        return _usage(f"{problem.detail} {problem.extensions.get('errors', '')}")
    if args.jobs < 1:
        return _usage("--jobs must be at least 1")

    files = list(_expand(args.paths))
    output_format = args.format or (_SUFFIX_FORMATS.get(args.out.suffix.lower(), "jsonl") if args.out else "jsonl")
    show_progress = sys.stderr.isatty() if args.progress is None else args.progress
    work = partial(process_file, options=options, fields=fields)

    failed = 0
    out = args.out.open("w", encoding="utf-8", newline="") if args.out else sys.stdout
    try:
        writer = WRITERS[output_format](out, many=len(files) > 1)
        with _progress(len(files), enabled=show_progress) as bar:
            for result in _run(work, files, jobs=args.jobs):
                if "problem" in result:
                    failed += 1
                    bar.write(_error_line(result), file=sys.stderr)
                writer.write(result)
                bar.update(1)
        writer.close()
    except KeyboardInterrupt:
        return 130
    finally:
        if args.out:
            out.close()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def process_file(path: str, *, options: Any, fields: tuple[str, ...] | None) -> dict[str, Any]:
    """One file's result: the API's dump of its document, or the problem it met.

    Runs in a worker process, so it takes and returns only plain, picklable values.
    """
    from service.api.negotiation import JSON, Answer
    from service.errors import NotFound, Problem
    from service.pipeline import process
    from service.pipeline.article import Upload

    try:
        body = Path(path).read_bytes()
        article = process(Upload(body=body, filename=Path(path).name), options)
        return {"filename": path, "status": 200, "document": Answer(JSON, fields).dump(article)}
    except Problem as problem:
        failure = problem
    except FileNotFoundError:
        failure = NotFound(f"No such file: {path}")
    except Exception as error:  # a bug or an unreadable file: say which, carry on with the rest
        failure = Problem(f"{type(error).__name__}: {error}")
    return {"filename": path, "status": failure.status, "problem": {**failure.to_dict(), "instance": path}}


def _expand(paths: Iterable[Path]) -> Iterator[str]:
    """Files as given, and every file under a folder (sorted, hidden ones left out)."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and not hidden:
                    yield str(found)
        else:
            yield str(path)  # a missing file becomes a not-found result, not a crash


def _run(work: Callable[[str], dict[str, Any]], files: list[str], *, jobs: int) -> Iterator[dict[str, Any]]:
    """Results in input order; over a pool of processes when there is more than one file."""
    if jobs == 1 or len(files) <= 1:
        yield from map(work, files)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_load_resources) as pool:
        yield from pool.map(work, files)


def _load_resources() -> None:
    # Once per worker, before its first file: the dictionaries are the slow part of starting.
    from service import resources

    resources.get()


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def write(self, line: str, file: IO[str]) -> None:
        print(line, file=file, flush=True)

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *_: object) -> None:
        pass


def _progress(total: int, *, enabled: bool) -> Any:
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)


def _error_line(result: dict[str, Any]) -> str:
    problem = result["problem"]
    return f"wenji: {result['filename']}: {problem['title']} ({problem['status']}): {problem['detail']}"


def _usage(message: str) -> int:
    print(f"wenji: {message}", file=sys.stderr)
    return EXIT_USAGE


# ---- output formats -----------------------------------------------------------------------------


class JsonLinesWriter:
    """One result per line, compact, as the API's NDJSON stream sends them."""

    def __init__(self, out: IO[str], *, many: bool) -> None:
        self.out = out

    def write(self, result: dict[str, Any]) -> None:
        self.out.write(_dumps(result) + "\n")
        self.out.flush()  # a reader tailing the file sees each result as it is done

    def close(self) -> None:
        pass


class JsonWriter:
    """One JSON array of results, written as they come so memory stays flat."""

    def __init__(self, out: IO[str], *, many: bool) -> None:
        self.out = out
        self.count = 0

    def write(self, result: dict[str, Any]) -> None:
        self.out.write(("[\n" if self.count == 0 else ",\n") + _dumps(result))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")


class CsvWriter:
    """One row per file with the fields a spreadsheet wants; lists joined by a semicolon."""

    COLUMNS = (
        "filename",
        "status",
        "title",
        "document_type",
        "event_date",
        "people",
        "organizations",
        "places",
        "keywords",
        "summary",
        "fingerprint",
        "content_id",
        "problem",
    )

    def __init__(self, out: IO[str], *, many: bool) -> None:
        self.rows = csv.DictWriter(out, fieldnames=self.COLUMNS)
        self.rows.writeheader()

    def write(self, result: dict[str, Any]) -> None:
        document = result.get("document", {})
        metadata = document.get("metadata", {})
        event_date = metadata.get("event_date") or {}
        problem = result.get("problem")
        self.rows.writerow(
            {
                "filename": result["filename"],
                "status": result["status"],
                "title": metadata.get("title"),
                "document_type": metadata.get("document_type"),
                "event_date": event_date.get("iso") or event_date.get("text"),
                "people": _joined(person["name"] for person in metadata.get("people", [])),
                "organizations": _joined(entity["name"] for entity in metadata.get("organizations", [])),
                "places": _joined(entity["name"] for entity in metadata.get("places", [])),
                "keywords": _joined(keyword["word"] for keyword in document.get("keywords", [])),
                "summary": "".join(sentence["text"] for sentence in document.get("summary", [])),
                "fingerprint": document.get("fingerprint"),
                "content_id": document.get("content_id"),
                "problem": f"{problem['title']}: {problem['detail']}" if problem else None,
            }
        )

    def close(self) -> None:
        pass


class TextWriter:
    """The cleaned text, as `Accept: text/plain` answers it; with more than one file, each under a
    `==> name <==` line, as `head` does. A failed file's problem stands in its place, as JSON."""

    def __init__(self, out: IO[str], *, many: bool) -> None:
        self.out = out
        self.many = many
        self.count = 0

    def write(self, result: dict[str, Any]) -> None:
        if self.many:
            self.out.write(("\n" if self.count else "") + f"==> {result['filename']} <==\n")
        self.count += 1
        if "problem" in result:
            self.out.write(_dumps(result["problem"]) + "\n")
        else:
            self.out.write(result["document"].get("text", "") + "\n")

    def close(self) -> None:
        pass


WRITERS: dict[str, Callable[..., Any]] = {
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "csv": CsvWriter,
    "text": TextWriter,
}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _joined(values: Iterable[str]) -> str:
    return ";".join(values)


# ---- serve ------------------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    """Replace this process with gunicorn, run as `make run` runs it: same config, same app."""
    if not (ROOT / "gunicorn.conf.py").is_file():
        return _usage(f"gunicorn.conf.py is not in {ROOT}; serve from a checkout of wenji")
    environment = dict(os.environ)
    for name, value in (("HOST", args.host), ("PORT", args.port), ("WEB_CONCURRENCY", args.workers)):
        if value is not None:
            environment[name] = str(value)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn)] if gunicorn.exists() else [sys.executable, "-m", "gunicorn"]
    os.chdir(ROOT)  # gunicorn puts the working directory first on sys.path: this checkout's service
    os.execve(command[0], [*command, "-c", "gunicorn.conf.py", APP], environment)
    return EXIT_OK  # not reached: execve does not return


if __name__ == "__main__":
    sys.exit(main())
