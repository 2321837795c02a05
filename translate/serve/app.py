"""The HTTP face: LibreTranslate's endpoints and shapes over :class:`translate.serve.service.Service`.

Requests are JSON or form-encoded, as LibreTranslate takes them; every error is LibreTranslate's
``{"error": "..."}`` with 400 (bad input), 403 (a bad key), 413 (a body over the limit), 429 (rate
limit) or 503 (the queue is full, or the server is stopping): a user's input never gives a 500.
Extensions are fields existing clients ignore (``glossary`` in and out) and endpoints of their own
(``/check``, ``/glossary/terms``, ``/health``), all in the OpenAPI spec (``/openapi.json``, and
``/spec`` as LibreTranslate names it). Logs name the method, path, status, time and a digest of
the key, never the text.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from translate.check.report_json import report_data
from translate.errors import BacktransError
from translate.serve.batcher import Busy, Closed
from translate.serve.limits import RateLimiter, fingerprint
from translate.serve.page import PAGE
from translate.serve.service import (
    FILE_FORMATS,
    NO_GLOSSARY,
    ServeSettings,
    Service,
    TextFormat,
    Translated,
    language_name,
)

log = logging.getLogger("backtrans.serve")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

KEEP_FILES = 64  # translated files kept for download, the oldest dropped first


# -- request and response bodies (the OpenAPI spec is made from these)

class TranslateBody(BaseModel):
    """POST /translate, as JSON or form fields."""

    model_config = ConfigDict(extra="ignore")
    q: str | list[str] = Field(description="Text(s) to translate")
    source: str = Field(description="Source language code, or auto")
    target: str = Field(description="Target language code")
    format: Literal["text", "html"] = Field("text", description="text, or html (text nodes translated, tags kept)")
    alternatives: int = Field(0, ge=0, description="Alternative translations wanted (none are given: see the README)")
    api_key: str | None = Field(None, description="API key")
    glossary: str | None = Field(None, description=f"Extension: the glossary to enforce, by name ({NO_GLOSSARY}: none)")


class DetectBody(BaseModel):
    """POST /detect."""

    model_config = ConfigDict(extra="ignore")
    q: str = Field(description="Text to detect")
    api_key: str | None = None


class CheckBody(BaseModel):
    """POST /check (extension): the checks of ``backtrans check`` on one text."""

    model_config = ConfigDict(extra="ignore")
    text: str = Field(description="The target text (a translation)")
    lang: str = Field(description="Its language")
    source: str | None = Field(None, description="Its source, aligned sentence by sentence")
    source_lang: str | None = Field(None, description="The source's language (default: detected)")
    checks: list[str] | None = Field(None, description="Checks to run (default: all)")
    glossary: str | None = None
    api_key: str | None = None


class ErrorBody(BaseModel):
    error: str


class DetectedLanguage(BaseModel):
    language: str
    confidence: float


class GlossaryOut(BaseModel):
    """Extension: what the glossary did to one text."""

    name: str
    concepts: list[dict[str, str]]
    ok: bool
    missing: list[str]
    extra: list[str]
    deprecated: list[str]


class TranslateResponse(BaseModel):
    translatedText: str | list[str]
    detectedLanguage: DetectedLanguage | list[DetectedLanguage] | None = None
    alternatives: list[str] | list[list[str]] | None = None
    glossary: GlossaryOut | list[GlossaryOut] | None = None
    note: str | None = None


class LanguageOut(BaseModel):
    code: str
    name: str
    targets: list[str]


class TermOut(BaseModel):
    id: str
    kind: str
    en: str
    vi: str
    terms: dict[str, list[dict[str, str]]]


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": what} for code, what in (
        (400, "Invalid request"), (403, "Invalid or missing API key"), (413, "Body too large"),
        (429, "Slow down: rate limit"), (503, "Busy, or shutting down"))}


def _body(model: type[BaseModel], form: bool = True) -> dict[str, Any]:
    """The OpenAPI request body of a JSON-or-form endpoint."""
    schema = model.model_json_schema()
    content = {"application/json": {"schema": schema}}
    if form:
        content["application/x-www-form-urlencoded"] = {"schema": schema}
    return {"requestBody": {"required": True, "content": content}}


class UserError(Exception):
    """An HTTP answer with LibreTranslate's error shape."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def create_app(settings: ServeSettings = ServeSettings(), service: Service | None = None) -> FastAPI:
    """The ASGI application; ``service`` (default: one made from ``settings``) is closed at shutdown,
    after the requests in flight have finished."""
    service = service or Service(settings)
    limits = service.settings.limits
    limiter = RateLimiter()
    files: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
    files_lock = threading.Lock()
    inflight = [0]

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        await run_in_threadpool(service.close)

    app = FastAPI(title="backtrans", version=_version(), lifespan=lifespan,
                  description="A LibreTranslate-compatible API with glossary enforcement.")
    app.state.service = service
    app.state.inflight = inflight

    # -- errors: LibreTranslate's shape, never a 500 for what a user sent

    def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status, headers=headers)

    @app.exception_handler(UserError)
    async def _user(request: Request, e: UserError) -> JSONResponse:
        return error(e.status, e.message, e.headers)

    @app.exception_handler(BacktransError)
    async def _backtrans(request: Request, e: BacktransError) -> JSONResponse:
        return error(400, str(e))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, e: RequestValidationError) -> JSONResponse:
        return error(400, _validation_message(e.errors()))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, e: HTTPException) -> JSONResponse:
        return error(e.status_code, str(e.detail), getattr(e, "headers", None))

    @app.exception_handler(Exception)
    async def _bug(request: Request, e: Exception) -> JSONResponse:  # a fault of the server's, not the request's
        log.exception("%s %s failed", request.method, request.url.path)
        return error(500, f"internal error: {type(e).__name__}")

    @app.exception_handler(Busy)
    async def _busy(request: Request, e: Busy) -> JSONResponse:
        return error(503, f"Server busy: {e}", {"Retry-After": "1"})

    @app.exception_handler(Closed)
    async def _closed(request: Request, e: Closed) -> JSONResponse:
        return error(503, str(e))

    # -- what every request goes through: a key, its rate

    def access(request: Request, key: str | None) -> None:
        if service.keys is not None:
            if key and key not in service.keys:
                raise UserError(403, "Invalid API key")
            if not key:
                raise UserError(403, "Please contact the server operator to get an API key")
            request.scope.setdefault("backtrans", {})["key"] = fingerprint(key)
        client = key or (request.client.host if request.client else "-")
        rate = service.keys.rates[key] if service.keys is not None and key else limits.requests_per_minute
        if not limiter.allow(client, rate):
            raise UserError(429, f"Slowdown: at most {rate} requests per minute", {"Retry-After": "1"})

    async def params(request: Request, model: type[BaseModel]) -> Any:
        """The request's fields (JSON, or form fields and query), validated as ``model``."""
        values: dict[str, Any] = dict(request.query_params)
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json" or kind.endswith("+json"):
            try:
                data = json.loads(await request.body() or b"null")
            except (ValueError, UnicodeDecodeError):
                raise UserError(400, "Invalid JSON format") from None
            if not isinstance(data, dict):
                raise UserError(400, "Invalid JSON format")
            values.update(data)
        elif kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
            try:
                form = await request.form()
            except Exception as e:  # noqa: BLE001 - a malformed form body is the client's error
                raise UserError(400, f"Invalid form body: {e}") from None
            for name in form:
                got = [v for v in form.getlist(name) if isinstance(v, str)]
                if got:
                    values[name] = got if len(got) > 1 else got[0]
        try:
            return model.model_validate(values)
        except ValidationError as e:
            raise UserError(400, _validation_message(e.errors())) from None

    # -- LibreTranslate's endpoints

    @app.post("/translate", response_model=TranslateResponse, response_model_exclude_none=True,
              responses=ERRORS, openapi_extra=_body(TranslateBody), summary="Translate text(s)")
    async def translate(request: Request) -> Any:
        body: TranslateBody = await params(request, TranslateBody)
        access(request, body.api_key)
        batch = isinstance(body.q, list)
        texts = body.q if isinstance(body.q, list) else [body.q]
        if not texts or not batch and not body.q:
            raise UserError(400, "Invalid request: missing q parameter")
        for name in ("source", "target"):
            if not getattr(body, name):
                raise UserError(400, f"Invalid request: missing {name} parameter")
        done: Translated = await run_in_threadpool(service.translate, texts, body.source, body.target,
                                                   TextFormat(body.format), body.glossary)
        out: dict[str, Any] = {"translatedText": [r.text for r in done.results] if batch else done.results[0].text}
        if done.detected is not None:
            detected = {"language": done.detected.language, "confidence": done.detected.confidence}
            out["detectedLanguage"] = [detected] * len(texts) if batch else detected
        if body.alternatives > 0:  # not produced (see the README); the field keeps its shape
            out["alternatives"] = [[] for _ in texts] if batch else []
        glossaries = [r.glossary.to_json() if r.glossary is not None else None for r in done.results]
        if any(g is not None for g in glossaries):
            out["glossary"] = glossaries if batch else glossaries[0]
        if done.note:
            out["note"] = done.note
        return out

    @app.get("/languages", response_model=list[LanguageOut], summary="Languages and their targets")
    def languages() -> Any:
        return [{"code": lang.code, "name": lang.name, "targets": list(lang.targets)} for lang in service.languages()]

    @app.post("/detect", response_model=list[DetectedLanguage], responses=ERRORS, openapi_extra=_body(DetectBody),
              summary="Detect the language of a text")
    async def detect(request: Request) -> Any:
        body: DetectBody = await params(request, DetectBody)
        access(request, body.api_key)
        if not body.q:
            raise UserError(400, "Invalid request: missing q parameter")
        found = await run_in_threadpool(service.detect, body.q)
        return [{"language": d.language, "confidence": d.confidence} for d in found]

    @app.get("/frontend/settings", summary="Settings of the web page")
    def frontend_settings() -> dict[str, Any]:
        targets = [lang.code for lang in service.languages() if lang.targets]
        target = "en" if "en" in {c for lang in service.languages() for c in lang.targets} else (targets or ["en"])[0]
        return {"charLimit": limits.max_chars, "frontendTimeout": 500, "apiKeys": service.keys is not None,
                "keyRequired": service.keys is not None, "suggestions": False, "filesTranslation": True,
                "supportedFilesFormat": [suffix for suffix in FILE_FORMATS if suffix],
                "language": {"source": {"code": "auto", "name": "Auto Detect"},
                             "target": {"code": target, "name": language_name(target)}},
                "glossaries": [*service.glossaries, NO_GLOSSARY]}

    @app.post("/translate_file", responses=ERRORS, summary="Translate a plain-text or HTML file")
    async def translate_file(request: Request, file: UploadFile = File(...), source: str = Form(...),
                             target: str = Form(...), api_key: str | None = Form(None),
                             glossary: str | None = Form(None)) -> dict[str, str]:
        access(request, api_key)
        name = (file.filename or "file.txt").replace("/", "_").replace("\\", "_")
        data = await file.read()
        out = await run_in_threadpool(service.translate_file, data, name, source, target, glossary)
        token = f"{uuid.uuid4().hex}.{name}"
        with files_lock:
            files[token] = (name, out)
            while len(files) > KEEP_FILES:
                files.popitem(last=False)
        return {"translatedFileUrl": str(request.url_for("download_file", filename=token))}

    @app.get("/download_file/{filename}", name="download_file", responses=ERRORS, summary="A translated file")
    def download_file(filename: str) -> Response:
        with files_lock:
            found = files.get(filename)
        if found is None:
            raise UserError(400, "Invalid filename")
        html = FILE_FORMATS.get(Path(found[0]).suffix.lower()) is TextFormat.html
        return Response(found[1], media_type=f"text/{'html' if html else 'plain'}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{_ascii(found[0])}"'})

    @app.post("/suggest", responses=ERRORS, summary="Suggestions (disabled)")
    def suggest() -> None:
        raise UserError(403, "Suggestions are disabled on this server.")

    @app.get("/spec", include_in_schema=False)
    def spec() -> dict[str, Any]:
        return app.openapi()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return PAGE

    # -- extensions

    @app.post("/check", responses=ERRORS, openapi_extra=_body(CheckBody),
              summary="The checks of backtrans check on a text: its JSON report")
    async def check(request: Request) -> Any:
        body: CheckBody = await params(request, CheckBody)
        access(request, body.api_key)
        report = await run_in_threadpool(service.check, body.text, body.lang, body.source, body.source_lang,
                                         body.glossary, body.checks)
        return report_data(report)

    @app.get("/glossary/terms", response_model=list[TermOut], responses=ERRORS,
             summary="Look a term up in the glossary")
    async def glossary_terms(request: Request, q: str = Query(..., description="Text an id, form or term contains"),
                             lang: str | None = Query(None, description="Only terms in this language"),
                             glossary: str | None = Query(None), limit: int = Query(50, ge=1, le=500),
                             api_key: str | None = Query(None)) -> Any:
        access(request, api_key)
        found = await run_in_threadpool(service.terms, q, lang, glossary, limit)
        return [{"id": c.id, "kind": c.kind, "en": c.en, "vi": c.vi,
                 "terms": {code: [{"text": t.text, "status": t.status.value} for t in c.terms_in(code)]
                           for code in c.languages}} for c in found]

    @app.get("/health", summary="Whether the server is up, and what it serves")
    def health() -> dict[str, Any]:
        stats = service.batcher.stats
        return {"status": "ok", "inflight": inflight[0],
                "models": [{"from": p.from_code, "to": p.to_code, "name": p.name, "test": p.test}
                           for p in service.packages],
                "glossaries": [*service.glossaries],
                "batcher": {"batches": stats.batches, "requests": stats.requests, "sentences": stats.sentences,
                            "tokens": stats.tokens, "pending": stats.pending, "largest": stats.largest}}

    app.add_middleware(_Guard, max_body=limits.max_body_bytes, inflight=inflight)
    return app


class _Guard:
    """ASGI middleware: refuses bodies over the limit (413) before the app reads them, counts the
    requests in flight, and logs each request without its text."""

    def __init__(self, app: ASGIApp, max_body: int, inflight: list[int]) -> None:
        self.app, self.max_body, self.inflight = app, max_body, inflight

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), [0]
        scope.setdefault("backtrans", {})

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        self.inflight[0] += 1
        try:
            body = await self._body(scope, receive)
            if body is None:
                await _send_error(sending, 413, f"Request body too large (limit {self.max_body} bytes)")
                return
            chunks = [{"type": "http.request", "body": body, "more_body": False}]

            async def replay() -> Message:
                return chunks.pop() if chunks else await receive()

            await self.app(scope, replay, sending)
        finally:
            self.inflight[0] -= 1
            log.info("%s %s %d %.0f ms key=%s", scope.get("method"), scope.get("path"), status[0],
                     1000 * (time.perf_counter() - started), scope["backtrans"].get("key", "-"))

    async def _body(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes the limit."""
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            return None
        parts, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            parts.append(message.get("body", b""))
            size += len(parts[-1])
            if size > self.max_body:
                return None
            if not message.get("more_body"):
                break
        return b"".join(parts)


async def _send_error(send: Send, status: int, message: str) -> None:
    data = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


def _validation_message(errors: Any) -> str:
    """LibreTranslate's wording for a missing field, else the first problem and where it is."""
    first = errors[0] if errors else {}
    where = next((str(p) for p in first.get("loc", ()) if p not in ("body", "query", "form")), "body")
    if first.get("type") == "missing":
        return f"Invalid request: missing {where} parameter"
    return f"Invalid request: {where}: {first.get('msg', 'invalid value')}"


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and c.isprintable() and c != '"' else "_" for c in name)


def _version() -> str:
    from translate import __version__

    return __version__
