"""A curated glossary over the gazetteer layer of every Vietnamese administrative unit.

The gazetteer (``glossaries/vietnam-gazetteer.gloss``, made by ``scripts/build_gazetteer.py``)
holds facts only: kind, en, vi, parent, structure, what a unit became in 2025. Its renderings in
the other languages are made when it is loaded (``translate.glossary.generate``), once: the
result is kept in a compiled cache (``$BACKTRANS_CACHE/glossaries``, keyed by the file's bytes
and the renderer's version), so a later load only unpickles it. Under a curated glossary, a
gazetteer unit whose name a curated place already has gives way to it: curated entries win.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from translate.files import atomic_write_bytes, read_bytes
from translate.glossary.generate import with_generated
from translate.glossary.interchange import read_glossary
from translate.glossary.kinds import is_place
from translate.glossary.model import Glossary
from translate.text import comparable

GAZETTEER_NAME = "vietnam-gazetteer.gloss"
# Bump when the renderings change (a language module's render_vietnamese), so caches are remade.
RENDERING_VERSION = "1"


def gazetteer_path() -> Path:
    """The shipped gazetteer: beside the shipped glossary (``translate/glossaries/`` in a wheel)."""
    from translate.glossary.store import shipped_glossary_path

    return shipped_glossary_path().with_name(GAZETTEER_NAME)


def cache_dir() -> Path:
    """Where compiled glossaries are kept: ``$BACKTRANS_CACHE/glossaries`` or ``~/.cache/backtrans/glossaries``."""
    root = os.environ.get("BACKTRANS_CACHE")
    return (Path(root) if root else Path.home() / ".cache" / "backtrans") / "glossaries"


def load_gazetteer(path: Path | str | None = None) -> Glossary:
    """The gazetteer layer with its generated renderings: the same object while the file is
    unchanged (so its recognisers are compiled once per process), from the compiled cache when
    it is there."""
    path = Path(path) if path is not None else gazetteer_path()
    try:
        stat = path.stat()
    except OSError:
        return _load(path, 0, 0)  # reading it says what is wrong
    return _load(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _load(path: Path, mtime_ns: int, size: int) -> Glossary:
    data = read_bytes(path)
    key = hashlib.sha256(data + f"|{RENDERING_VERSION}".encode()).hexdigest()[:24]
    cached = cache_dir() / f"gazetteer-{key}.pickle"
    try:
        with open(cached, "rb") as f:
            glossary = pickle.load(f)
        if isinstance(glossary, Glossary):
            glossary.path = path
            return glossary
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # no cache yet, or one from another version: made again
    raw = read_glossary(path)
    glossary = Glossary([with_generated(c) for c in raw], path=path, name=raw.name)
    try:
        atomic_write_bytes(cached, pickle.dumps(glossary, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only home: the next load makes it again
    return glossary


def layered(curated: Glossary, gazetteer: Glossary) -> Glossary:
    """``curated`` over ``gazetteer``: the curated concepts, name concepts given renderings in the
    languages they have no terms in, with the gazetteer as their base layer; a gazetteer unit
    named as a curated place is an alias of that place."""
    place_of = {comparable(name): c.id for c in curated if is_place(c.kind) for name in (c.vi, c.en) if name}
    aliases = {u.id: own for u in gazetteer if (own := place_of.get(comparable(u.vi)) or place_of.get(comparable(u.en)))}
    return Glossary([with_generated(c) for c in curated], path=curated.path, name=curated.name,
                    header=curated.header, base=gazetteer, aliases=aliases)
