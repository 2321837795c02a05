"""Running the app: uvicorn on a host and port, until SIGINT or SIGTERM.

On either signal uvicorn stops accepting connections and lets the requests in flight finish
(within ``GRACE`` seconds); the app's shutdown then translates what is still queued and frees
the engines. uvicorn's access log is off: it would log query strings (``/glossary/terms?q=``),
which are text; the app logs each request without it.
"""

from __future__ import annotations

import importlib.util
import logging

from translate.errors import UsageError
from translate.serve.service import ServeSettings, Service

GRACE = 30  # seconds the requests in flight get to finish at shutdown
EXTRA = ("fastapi", "uvicorn", "multipart")


def require_extra() -> None:
    """A UsageError saying how to install the ``serve`` extra when one of its packages is missing."""
    missing = [name for name in EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        raise UsageError(f"serving needs {', '.join(missing)}: pip install 'backtrans[serve]'")


def serve(settings: ServeSettings = ServeSettings(), host: str = "127.0.0.1", port: int = 5000) -> None:
    """Serve the API on ``host``:``port`` until interrupted (the library call of ``backtrans serve``)."""
    require_extra()
    import uvicorn

    from translate.engine.packages import test_model_notice
    from translate.serve.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    service = Service(settings)
    log = logging.getLogger("backtrans.serve")
    log.info("models: %s; glossaries: %s", ", ".join(p.label for p in service.packages) or "none",
             ", ".join(service.glossaries))
    notice = test_model_notice(service.packages)
    if notice:
        log.warning("%s", notice)
    config = uvicorn.Config(create_app(service=service), host=host, port=port, access_log=False,
                            timeout_graceful_shutdown=GRACE, log_level="info")
    uvicorn.Server(config).run()
