"""Writes the search index with Pagefind: for the adapters (MkDocs plugin, CLI), not renderers.

Pagefind (https://pagefind.app) splits its index into small fragments that the browser fetches
per query, stems English words, and runs without a server. Its binary comes from the pinned
``pagefind_bin`` wheel. We talk to ``pagefind --service`` directly (base64 JSON messages ending
in a comma, the protocol of its Python wrapper): the wrapper waits 0.1 s before reading each
reply, which caps it at ten records a second.

Pagefind 1.5 writes the values of each filter, and the list of filters, in hash-map order, so two
builds of the same records differ in the filter files and, through their names, the metadata file
and ``pagefind-entry.json``; everything else is byte-identical. :func:`_canonical` sorts those
lists and renames the files after their new contents the way Pagefind names them, so the same
records always give the same files (the search results do not depend on that order).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from subprocess import PIPE
from typing import IO, Any

import cbor2

from generator.search.records import Record

FOLDER = "pagefind"
"""The index's folder in the site; the page script loads ``pagefind/pagefind.js`` from it."""
_HEADER = b"pagefind_dcd"
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)
"""Pagefind's own search interfaces: the site has its own (overrides/assets/javascripts)."""


class SearchIndexError(RuntimeError):
    """Pagefind could not be run or refused a record."""


def _executable() -> Path:
    try:
        import pagefind_bin  # type: ignore[import-untyped]
    except ImportError:
        raise SearchIndexError(
            "the search index needs Pagefind: install the pinned requirements "
            "(pip install -r requirements.txt)"
        ) from None
    return Path(pagefind_bin.get_executable())


def _message(message_id: int, payload: dict[str, Any]) -> bytes:
    text = json.dumps({"message_id": message_id, "payload": payload}, ensure_ascii=False)
    return base64.b64encode(text.encode("utf-8")) + b","


def _replies(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    pending = b""
    while True:
        while b"," not in pending:
            chunk = stream.read1(1 << 16)  # type: ignore[attr-defined]
            if not chunk:
                raise SearchIndexError("Pagefind stopped before it finished the index")
            pending += chunk
        message, _, pending = pending.partition(b",")
        reply: dict[str, Any] = json.loads(base64.b64decode(message))
        payload = reply.get("payload") or {}
        if payload.get("type") == "Error":
            raise SearchIndexError(f"Pagefind: {payload.get('message')}")
        yield payload


TITLE_WEIGHT = 10
"""Pagefind's weight (its highest) for the words of a record's title that is indexed as a
heading (:attr:`Record.titled`): a panel's own page then outranks the pages that carry its name
only in their titles (its meetings, its log), whose title words count as Pagefind's metadata."""


def _add(index_id: int, record: Record) -> dict[str, Any]:
    if record.sections or record.titled:
        return _add_page(index_id, record)
    meta = {"title": record.title, "type": record.shown_type}
    if record.date:
        meta["date"] = record.date
    if record.sort:
        # In the result's own fragment (not the metadata every search loads): the page script
        # orders the meetings it shows by it.
        meta["day"] = record.sort
    return {
        "type": "AddRecord",
        "index_id": index_id,
        "url": record.url,
        "content": record.content,
        "language": "en",
        "meta": meta,
        "filters": record.filters,
        # No sort keys: the page orders the meetings it shows by their ``day`` meta instead, and
        # at the largest scale sort keys were a quarter of the metadata every resident
        # downloads when search starts (125 of 444 KB).
        "sort": {},
    }


def _add_page(index_id: int, record: Record) -> dict[str, Any]:
    """A record with sections or a titled one, as HTML: Pagefind makes a sub-result of each
    heading with an id, and weighs a heading's words as its ``data-pagefind-weight`` says.

    Records have no sections in Pagefind's record API, so this one is written as the smallest
    page Pagefind reads: filters and meta in an ignored block, then each section as a heading
    and its text, every value through HTML escaping. Each section's date travels in the meta
    ``dates`` (JSON by anchor), read by the page script beside that sub-result.
    """
    esc = html.escape
    dates = json.dumps({s.anchor: s.date for s in record.sections}, ensure_ascii=False)
    about = [f'<span data-pagefind-meta="title">{esc(record.title)}</span>']
    about.append(f'<span data-pagefind-meta="type">{esc(record.shown_type)}</span>')
    if record.sections:
        about.append(f'<span data-pagefind-meta="dates">{esc(dates)}</span>')
    for name, values in record.filters.items():
        about += [f'<span data-pagefind-filter="{esc(name)}">{esc(v)}</span>' for v in values]
    body = [f"<div data-pagefind-ignore>{''.join(about)}</div>"]
    if record.titled:
        body.append(f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{esc(record.title)}</h1>')
    body += [f"<p>{esc(line)}</p>" for line in record.content.split("\n") if line]
    for section in record.sections:
        body.append(f'<h2 id="{esc(section.anchor)}">{esc(section.title)}</h2>')
        body += [f"<p>{esc(line)}</p>" for line in section.content.split("\n")]
    page = f'<!doctype html><html lang="en"><body>{"".join(body)}</body></html>'
    return {"type": "AddFile", "index_id": index_id, "url": record.url, "file_contents": page}


_WRITE_TIMEOUT = 120.0
"""Seconds Pagefind may take to make its queued writes after its reply (a few ms here)."""
_ALLOCATOR = "dirty_decay_ms:0,muzzy_decay_ms:0"
"""Pagefind's jemalloc keeps freed pages resident for 10 s by default, and building the index
frees large temporaries: returning them at once took its peak at the largest scale from about
940 to 735 MB (same CPU within noise). An allocator setting of the caller's own is kept."""


_WATCHABLE = Path("/proc/self/fd").is_dir()
"""Whether this system shows a process's open files (Linux): only then can the build tell
when Pagefind's own writes are made, so elsewhere it writes the files Pagefind sends back."""


def _run(records: Sequence[Record], out: Path, *, watch: bool = _WATCHABLE) -> None:
    environment = {"_RJEM_MALLOC_CONF": _ALLOCATOR, **os.environ}
    command = [str(_executable()), "--service"]
    process = subprocess.Popen(command, stdin=PIPE, stdout=PIPE, env=environment)
    assert process.stdin is not None and process.stdout is not None
    stdin = process.stdin
    try:
        replies = _replies(process.stdout)
        stdin.write(_message(0, {"type": "NewIndex", "config": {"force_language": "en"}}))
        stdin.flush()
        index_id = int(next(replies)["index_id"])

        def send_all() -> None:
            # From a thread: the replies must be read while records are still being sent,
            # or both pipes fill up and the two processes wait for each other.
            for number, record in enumerate(records, 1):
                stdin.write(_message(number, _add(index_id, record)))
            stdin.flush()

        sender = threading.Thread(target=send_all, daemon=True)
        sender.start()
        for _ in records:
            next(replies)
        sender.join()
        number = len(records) + 1
        if watch:
            # Pagefind writes the files itself: GetFiles sends them all base64 in one JSON
            # message, base64 again, which cost this process 50 MB and seconds of CPU at the
            # largest scale.
            folder = str(out.resolve())
            write = {"type": "WriteFiles", "index_id": index_id, "output_path": folder}
            stdin.write(_message(number, write))
            stdin.flush()
            next(replies)
            _wait_until_written(process, out)
        else:
            stdin.write(_message(number, {"type": "GetFiles", "index_id": index_id}))
            stdin.flush()
            _write_here(next(replies)["files"], out)
    finally:
        stdin.close()
        process.wait()


def _wait_until_written(process: subprocess.Popen[bytes], out: Path) -> None:
    """Return once ``process`` holds no file under ``out`` open.

    Pagefind replies to WriteFiles once its writes are queued (tokio's ``File`` returns from a
    write before making it; nothing flushes): under load a file was still empty after the
    reply. A queued write holds its file open until made. Pagefind exits at once when its input
    closes, dropping queued writes, so the caller keeps it open until then. Linux's ``/proc``.
    """
    root, descriptors = str(out.resolve()) + os.sep, Path(f"/proc/{process.pid}/fd")
    deadline = time.monotonic() + _WRITE_TIMEOUT
    while True:
        try:
            writing = any(_names(descriptor, root) for descriptor in descriptors.iterdir())
        except OSError:  # it has ended: said below
            writing = False
        # Asked after the listing: a process alive then had its files in it.
        if process.poll() is not None:
            raise SearchIndexError("Pagefind stopped before it finished writing the index")
        if not writing:
            return
        if time.monotonic() > deadline:
            raise SearchIndexError(f"Pagefind did not finish writing {out} in {_WRITE_TIMEOUT} s")
        time.sleep(0.005)


def _write_here(files: list[dict[str, str]], out: Path) -> None:
    root = out.resolve()
    for file in files:
        target = (out / file["path"]).resolve()
        if not target.is_relative_to(root):
            raise SearchIndexError(f"Pagefind named a file outside the index: {file['path']}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(file["content"]))


def _names(descriptor: Path, root: str) -> bool:
    try:
        return os.readlink(descriptor).startswith(root)
    except OSError:  # closed since it was listed
        return False


def _name(language: str, content: bytes, length: int) -> str:
    """Pagefind's file name for ``content``: the SHA-1's bytes in unpadded hex, cut short."""
    digest = "".join(f"{byte:x}" for byte in hashlib.sha1(content).digest())
    return f"{language}_{digest[:length]}"


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_HEADER):
        raise SearchIndexError(f"unexpected Pagefind file {path.name}")
    return cbor2.loads(data[len(_HEADER) :])


def _write(folder: Path, pattern: str, language: str, length: int, value: Any) -> str:
    """Write ``value`` as Pagefind does, into ``pattern`` formatted with its new name."""
    body = cbor2.dumps(value)
    name = _name(language, body, length)
    (folder / pattern.format(name)).write_bytes(gzip.compress(_HEADER + body, mtime=0))
    return name


def _canonical(out: Path) -> None:
    """Sort the filter values and filters Pagefind wrote in hash-map order (see module notes)."""
    entry_path = out / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, about in entry["languages"].items():
        meta_path = out / f"pagefind.{about['hash']}.pf_meta"
        meta = _read(meta_path)
        meta_path.unlink()
        filters = []
        for name, file_hash in meta[3]:
            path = out / "filter" / f"{file_hash}.pf_filter"
            filter_name, values = _read(path)
            path.unlink()
            values = sorted(values, key=lambda value: value[0])
            renamed = _write(path.parent, "{}.pf_filter", language, 7, [filter_name, values])
            filters.append([name, renamed])
        meta[3] = sorted(filters)
        about["hash"] = _write(out, "pagefind.{}.pf_meta", language, 10, meta)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )


def write_index(records: Sequence[Record], target: Path) -> None:
    """Write the search index for ``records`` into the folder ``target``, replacing it whole.

    The index is written beside ``target`` first, so a failure leaves any previous index as
    it was. An existing ``target`` is replaced only if it is a Pagefind index.
    """
    if target.exists() and not (target / "pagefind-entry.json").is_file():
        raise SearchIndexError(f"{target} exists and is not a search index: not replacing it")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        _run(records, staging)
        _canonical(staging)
        for name in _UNUSED:
            (staging / name).unlink(missing_ok=True)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_index_in_background(records: Sequence[Record], target: Path) -> Future[None]:
    """:func:`write_index` in a thread of its own, so the caller goes on meanwhile."""
    pool = ThreadPoolExecutor(1, thread_name_prefix="pagefind")
    writing = pool.submit(write_index, records, target)
    pool.shutdown(wait=False)  # the thread finishes its one task, then ends
    return writing
