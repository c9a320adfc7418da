"""A small LSP client for the real ``yaml-language-server`` (npm), over stdio JSON-RPC.

It does what VS Code's YAML extension does for our workspace: starts the server, sends
the workspace settings (``yaml.schemas`` from ``.vscode/settings.json``), opens a file and
collects the diagnostics the server publishes for it. Used by test_language_server.py.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sitebuild import node_module

SERVER = "yaml-language-server/bin/yaml-language-server"
TIMEOUT = 60.0
"""Seconds to wait for one answer: the server is quick, but the machine may be busy."""


@dataclass(frozen=True)
class Diagnostic:
    """One problem the editor shows: its 1-based line and the message."""

    line: int
    message: str


def settings_for(workspace: Path, file: Path | None = None) -> dict[str, Any]:
    """The ``yaml.*`` settings, with schema paths made absolute as VS Code does.

    From ``.vscode/settings.json`` (the folder opened, as github.dev does), or from a
    ``.code-workspace`` file's ``settings`` (the workspace opened from that file).
    """
    if file is None:
        file = workspace / ".vscode" / "settings.json"
    settings = json.loads(file.read_text(encoding="utf-8"))
    if file.suffix == ".code-workspace":
        settings = settings["settings"]
    schemas = {
        (workspace / path).resolve().as_uri(): globs
        for path, globs in settings["yaml.schemas"].items()
    }
    yaml: dict[str, Any] = {
        key.removeprefix("yaml."): value
        for key, value in settings.items()
        if key.startswith("yaml.") and "." not in key.removeprefix("yaml.")
    }
    # No schemas from the internet (SchemaStore): the tests make no third-party request.
    # "[yaml]" is the language's editor settings, asked for as VS Code answers it (a dotted
    # key each): the server takes its indentation from editor.tabSize there.
    return {
        "yaml": {**yaml, "schemas": schemas, "schemaStore": {"enable": False}},
        "[yaml]": settings.get("[yaml]"),
    }


class LanguageServer:
    """One running server for one workspace folder; use as a context manager."""

    def __init__(self, workspace: Path, settings: Path | None = None) -> None:
        self.workspace = workspace
        self.settings = settings_for(workspace, settings)
        self._process = subprocess.Popen(
            ["node", str(node_module(SERVER)), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=workspace,
        )
        self._next_id = 0
        self._replies: dict[int, queue.Queue[Any]] = {}
        self._notifications: queue.Queue[dict[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        assert self._process.stdout is not None
        self._reader = threading.Thread(
            target=self._read, args=(self._process.stdout,), daemon=True
        )
        self._reader.start()
        self._opened: dict[str, int] = {}
        self._published: dict[str, list[dict[str, Any]]] = {}

    def __enter__(self) -> LanguageServer:
        root = self.workspace.as_uri()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root,
                "workspaceFolders": [{"uri": root, "name": self.workspace.name}],
                "capabilities": {
                    "workspace": {"configuration": True, "didChangeConfiguration": {}},
                    "textDocument": {
                        "publishDiagnostics": {},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                    },
                },
                "initializationOptions": {},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self._process.wait(timeout=10)
        finally:
            if self._process.poll() is None:
                self._process.kill()
                self._process.wait()

    # ------------------------------------------------------------------ JSON-RPC

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self._process.stdin is not None
        with self._lock:
            self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self._process.stdin.flush()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = 0
            while (header := stream.readline()) not in (b"\r\n", b""):
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if header == b"":
                return
            message = json.loads(stream.read(length))
            if "id" in message and "method" in message:
                self._answer(message)
            elif "id" in message:
                self._replies.setdefault(message["id"], queue.Queue()).put(message)
            else:
                self._notifications.put(message)

    def _answer(self, message: dict[str, Any]) -> None:
        """Requests from the server: its settings, as VS Code answers them."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [
                self.settings.get(item.get("section", ""), None)
                for item in message["params"]["items"]
            ]
        self._send({"id": message["id"], "result": result})

    def request(self, method: str, params: Any) -> Any:
        """Send a request and wait for its result."""
        self._next_id += 1
        ident = self._next_id
        replies = self._replies.setdefault(ident, queue.Queue())
        self._send({"id": ident, "method": method, "params": params})
        reply = replies.get(timeout=TIMEOUT)
        assert "error" not in reply, reply["error"]
        return reply.get("result")

    def notify(self, method: str, params: Any) -> None:
        """Send a notification (no answer)."""
        self._send({"method": method, "params": params})

    # ------------------------------------------------------------------ documents

    def diagnostics(self, path: Path) -> list[Diagnostic]:
        """Open ``path`` (inside the workspace) and return what the server reports on it."""
        uri = path.resolve().as_uri()
        version = self._opened.get(uri, 0) + 1
        text = path.read_text(encoding="utf-8")
        if version == 1:
            self.notify(
                "textDocument/didOpen",
                {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
            )
        else:
            self.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}],
                },
            )
        self._opened[uri] = version
        while True:
            message = self._notifications.get(timeout=TIMEOUT)
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            params = message["params"]
            if params["uri"] == uri and params.get("version", version) == version:
                self._published[uri] = params["diagnostics"]
                return [
                    Diagnostic(d["range"]["start"]["line"] + 1, d["message"])
                    for d in params["diagnostics"]
                ]

    def quick_fixes(self, path: Path, line: int) -> dict[str, list[dict[str, Any]]]:
        """The fixes the light bulb offers on a 1-based line of ``path``: title -> text edits.

        As VS Code asks: for that line, with the diagnostics last shown on it (call
        ``diagnostics`` first). The edits are LSP ``TextEdit``s, 0-based.
        """
        uri = path.resolve().as_uri()
        here = [d for d in self._published[uri] if d["range"]["start"]["line"] == line - 1]
        whole_line = {
            "start": {"line": line - 1, "character": 0},
            "end": {"line": line, "character": 0},
        }
        actions = self.request(
            "textDocument/codeAction",
            {"textDocument": {"uri": uri}, "range": whole_line, "context": {"diagnostics": here}},
        )
        return {
            action["title"]: action.get("edit", {}).get("changes", {}).get(uri, [])
            for action in actions or []
        }

    def hover(self, path: Path, line: int, character: int) -> str:
        """The hover text at a 1-based line and 0-based character of an opened file."""
        result = self.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": path.resolve().as_uri()},
                "position": {"line": line - 1, "character": character},
            },
        )
        if not result:
            return ""
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)
