"""``backtrans serve``: a LibreTranslate-compatible HTTP API with glossary enforcement.

``service`` is the library face (each endpoint's work in typed values), ``translation`` the
pipeline's stages over texts in memory, ``batcher`` the request batching, ``limits`` keys, rates
and sizes, ``html`` the text nodes of ``format=html``, ``app`` the HTTP face (FastAPI, needs the
``serve`` extra), ``page`` the web page at ``/``.

>>> from translate.serve import Service, ServeSettings          # doctest: +SKIP
>>> with Service(ServeSettings()) as service:                   # doctest: +SKIP
...     service.translate(["Хайзионг"], "uk", "en").results[0].text
"""

from translate.serve.service import ServeSettings, Service, TextFormat

__all__ = ["ServeSettings", "Service", "TextFormat"]
