"""What a request may ask: API keys (from a file), per-key rate limits, and the size limits.

The keys file has one key a line, optionally followed by its own limit in requests per minute
(``KEY 120``); blank lines and ``#`` comments are skipped. A malformed line is a UsageError
with its line, before the server starts.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from translate.errors import UsageError
from translate.files import read_text

DEFAULT_REQUESTS_PER_MINUTE = 600


@dataclass(frozen=True)
class Limits:
    """Bounds on one request, and the default rate of a client."""

    max_body_bytes: int = 1 << 20  # a larger body is refused before it is read whole (413)
    max_texts: int = 128  # items of a ``q`` array
    max_chars: int = 20_000  # characters of all of a request's texts together (LibreTranslate's char limit)
    requests_per_minute: int = DEFAULT_REQUESTS_PER_MINUTE  # per key, or per client address without keys


@dataclass(frozen=True)
class ApiKeys:
    """The keys a server accepts, each with its rate (requests per minute)."""

    rates: dict[str, int] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path | str, default_rate: int = DEFAULT_REQUESTS_PER_MINUTE) -> ApiKeys:
        """The keys of ``path``: ``KEY [REQUESTS_PER_MINUTE]`` a line."""
        rates: dict[str, int] = {}
        for number, raw in enumerate(read_text(path).splitlines(), start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            key, *rest = line.split()
            if len(rest) > 1 or rest and not (rest[0].isdigit() and int(rest[0]) > 0):
                raise UsageError("expected KEY or KEY REQUESTS_PER_MINUTE (a positive whole number)", path, number)
            if key in rates:
                raise UsageError(f"key listed twice (first at another line): {fingerprint(key)}", path, number)
            rates[key] = int(rest[0]) if rest else default_rate
        if not rates:
            raise UsageError("no API key in the file", path)
        return cls(rates)

    def __contains__(self, key: object) -> bool:
        return key in self.rates


def fingerprint(key: str) -> str:
    """A short digest naming a key in logs and messages without revealing it."""
    return hashlib.sha256(key.encode()).hexdigest()[:8]


class RateLimiter:
    """A token bucket per client: ``rate`` requests a minute, in bursts of up to ``rate``."""

    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}  # client → (tokens, last refill)
        self._lock = threading.Lock()

    def allow(self, client: str, rate: int) -> bool:
        """Whether ``client`` may make a request now (and count it)."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(client, (float(rate), now))
            tokens = min(float(rate), tokens + (now - last) * rate / 60.0)
            allowed = tokens >= 1.0
            self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
            if len(self._buckets) > 100_000:  # forget the clients that have refilled completely
                self._buckets = {c: b for c, b in self._buckets.items() if b[0] < rate}
            return allowed
