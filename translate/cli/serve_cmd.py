"""`backtrans serve`: the LibreTranslate-compatible HTTP API, a thin layer over ``translate.serve``."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from translate.cli import NoGazetteerOpt, app


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(5000, "--port", min=0, max=65535, help="Port to listen on (LibreTranslate's default)."),
    glossary: Optional[List[Path]] = typer.Option(
        None, "--glossary", "-g", help="Glossary to enforce (repeatable; the first is the default, requests choose "
        "another by file name with 'glossary'). Default: $BACKTRANS_GLOSSARY, else the shipped one."),
    api_keys: Optional[Path] = typer.Option(
        None, "--api-keys", help="File of API keys, one a line, optionally followed by requests per minute; "
        "with it, every request needs a key."),
    workers: int = typer.Option(0, "--workers", min=0, help="Batches CTranslate2 translates at once (0: one per core, up to 4)."),
    rate: int = typer.Option(600, "--rate", min=1, help="Requests per minute per key (or per client without keys)."),
    no_gazetteer: bool = NoGazetteerOpt,
) -> None:
    """Serve LibreTranslate's API (/translate, /languages, /detect, /translate_file, ...) with the glossary
    enforced, plus /check, /glossary/terms and /health; a web page at /. Ctrl-C or SIGTERM stops it
    after the requests in flight."""
    from translate.engine import EngineSettings
    from translate.serve.limits import Limits
    from translate.serve.server import require_extra
    from translate.serve.server import serve as run
    from translate.serve.service import ServeSettings

    require_extra()
    run(ServeSettings(glossaries=tuple(glossary or ()), gazetteer=not no_gazetteer, api_keys=api_keys,
                      engine=EngineSettings(workers=workers), limits=Limits(requests_per_minute=rate)), host, port)
