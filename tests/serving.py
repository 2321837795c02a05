"""A real uvicorn on loopback for the server's tests: in a thread of this process, or the
`backtrans serve` command in a subprocess."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.helpers import BACKTRANS, cli_env


@contextmanager
def serving(app: Any) -> Iterator[tuple[str, Any]]:
    """``app`` served by uvicorn in a thread on a free loopback port; yields its base URL and the
    ``uvicorn.Server``, and stops it (gracefully: requests in flight finish) on leaving."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, access_log=False, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "uvicorn did not start"
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", server
    finally:
        server.should_exit = True
        thread.join(timeout=60)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_process(args: list[str], models: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`backtrans serve ARGS` in a subprocess seeing the Argos packages in ``models``; yields its
    URL (once /health answers) and the process; terminated on leaving if still running."""
    port = free_port()
    process = subprocess.Popen([BACKTRANS, "serve", "--port", str(port), *args], env=cli_env(models),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if process.poll() is not None:
                raise AssertionError(f"backtrans serve exited {process.returncode}: {process.stderr.read()}")
            try:
                urllib.request.urlopen(f"{url}/health", timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield url, process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=60)
        process.stdout.close()
        process.stderr.close()


def post(url: str, body: dict[str, Any] | bytes, content_type: str = "application/json") -> tuple[int, Any]:
    """POST ``body`` (JSON, or bytes as ``content_type``): the status and the decoded JSON answer."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(url, data=data, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())
