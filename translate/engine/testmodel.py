"""backtrans' own test model: a real CTranslate2 Transformer, packaged as ``.argosmodel``, that copies its input.

Argos Translate models cannot be downloaded offline, so tests and benchmarks use this one. It is
a genuine Transformer-base (d_model 512, 8 heads, FFN 2048, 6+6 layers) whose weights are set by
hand so that greedy and beam search return the source exactly, token for token, and, through a
lossless SentencePiece model, character for character.

How the copy works. The 512 residual dimensions are split in two: ``TOKEN_DIMS`` (0..491) hold a
token code ``[u, -u]`` (``u`` a fixed random ±1 vector of 246 entries per vocabulary id) and
``POSITION_DIMS`` (492..511) hold a position code ``[c, -c]`` (``c`` the 10 bits of the position
written as ±1). Every non-zero entry is ±1 and every code is balanced, so each pre-norm LayerNorm
is exactly a rescaling and int8 quantization is lossless. The encoder embeds token + position;
its six layers are pass-through (zero output projections, so the residual carries through). The
decoder's token embeddings are zero: it sees only its position ``p``. In decoder layer 0 the
cross-attention query and key read the position code only, so decoder position ``p`` attends
(with a margin of 30 nats per differing bit) to source position ``p``; the value reads the source
token code and writes it into the token dimensions. The output projection row of token ``v`` is
``[u_v, -u_v]``, so the copied token wins by a wide margin. ``config.json`` sets
``add_source_eos``, so the source ``</s>`` is copied too and ends the output.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

import translate
from translate.errors import InputError, ModelError
from translate.files import atomic_write_text
from translate.glossary.model import CANONICAL_LANGUAGES
from translate.langs import KNOWN, get_language

# Every known language into English, and English into Vietnamese: the routes of a back-translation.
TEST_PAIRS: list[tuple[str, str]] = [(code, "en") for code in KNOWN if code not in CANONICAL_LANGUAGES] + [("en", "vi")]

BUILDER_VERSION = "2"  # bump whenever what goes into a package changes (its README text included)
VOCAB_SIZE = 8000
D_MODEL = 512
NUM_HEADS = 8
FFN_DIM = 2048
NUM_LAYERS = 6
POSITION_BITS = 10  # positions 0..1023, CTranslate2's default max_input_length
MAX_POSITIONS = 2**POSITION_BITS
TOKEN_CODE_LEN = D_MODEL // 2 - POSITION_BITS  # 246
TOKEN_DIMS = slice(0, 2 * TOKEN_CODE_LEN)
POSITION_DIMS = slice(2 * TOKEN_CODE_LEN, D_MODEL)
ATTENTION_MARGIN = 30.0  # logit gap per differing position bit in the cross-attention
OUTPUT_SCALE = 0.25  # logit = 2 * OUTPUT_SCALE * <u_v, u_source>; the copied token scores 123
CODE_SEED = 20240611

_DATA = Path(__file__).resolve().parents[1] / "data"
PACKAGE_SUFFIX = "-backtrans_test"
_FINGERPRINT_FILE = "fingerprint.txt"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def default_cache_dir() -> Path:
    """Where built test models are kept: ``$BACKTRANS_CACHE/test-models`` or ``~/.cache/backtrans/test-models``."""
    root = os.environ.get("BACKTRANS_CACHE")
    base = Path(root) if root else Path.home() / ".cache" / "backtrans"
    return base / "test-models"


def default_training_texts() -> list[Path]:
    """The repository's ``seeds/*.txt`` plus the packaged English and Vietnamese corpora."""
    seeds_dir = Path(translate.__file__).resolve().parents[1] / "seeds"
    seeds = sorted(seeds_dir.glob("*.txt"))
    if not seeds:
        raise InputError("no seed texts (*.txt) found to train the test model's SentencePiece", seeds_dir)
    return seeds + [_DATA / "corpus_en.txt", _DATA / "corpus_vi.txt"]


def package_name(pair: tuple[str, str]) -> str:
    """The package folder and file stem for ``pair``, e.g. ``translate-uk_en-backtrans_test``."""
    return f"translate-{pair[0]}_{pair[1]}{PACKAGE_SUFFIX}"


def build_test_models(
    out_dir: Path | None = None,
    pairs: list[tuple[str, str]] | tuple[tuple[str, str], ...] = TEST_PAIRS,
    quantization: str = "int8",
    force: bool = False,
    training_texts: list[Path] | None = None,
) -> dict[tuple[str, str], Path]:
    """Build (or reuse from ``out_dir``) one copy-model ``.argosmodel`` per pair; map pair -> path.

    The models are reused when every requested file exists and the fingerprint (training texts,
    builder version, quantization) matches. A build happens in a temporary directory and is moved
    into place file by file, the fingerprint last, so an interrupted build is rebuilt next time.
    """
    out_dir = Path(out_dir) if out_dir is not None else default_cache_dir()
    texts = [Path(p) for p in training_texts] if training_texts is not None else default_training_texts()
    targets = {(pair[0], pair[1]): out_dir / f"{package_name(pair)}.argosmodel" for pair in pairs}
    fingerprint = _fingerprint(texts, quantization)
    fingerprint_path = out_dir / _FINGERPRINT_FILE
    cached = fingerprint_path.is_file() and fingerprint_path.read_text(encoding="utf-8").strip() == fingerprint
    if cached and not force and all(path.is_file() for path in targets.values()):
        return targets

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=out_dir) as tmp:
        work = Path(tmp)
        sp_bytes = train_sentencepiece(texts)
        (work / "sentencepiece.model").write_bytes(sp_bytes)
        model_dir = work / "model"
        convert_copy_model(work / "sentencepiece.model", model_dir, quantization)
        built = {}
        for pair, target in targets.items():
            built[pair] = work / target.name
            _write_package(built[pair], pair, model_dir, sp_bytes, fingerprint)
        fingerprint_path.unlink(missing_ok=True)
        if not cached:  # packages of other pairs left by an older build are stale
            for stale in set(out_dir.glob(f"*{PACKAGE_SUFFIX}.argosmodel")) - set(targets.values()):
                stale.unlink(missing_ok=True)
        for pair, target in targets.items():
            os.replace(built[pair], target)
    atomic_write_text(fingerprint_path, fingerprint + "\n")
    return targets


def _fingerprint(texts: list[Path], quantization: str) -> str:
    digest = hashlib.sha256(f"backtrans-test-model {BUILDER_VERSION} {quantization}\n".encode())
    for path in texts:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read training text: {exc.strerror}", path) from exc
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def train_sentencepiece(texts: list[Path], vocab_size: int = VOCAB_SIZE) -> bytes:
    """Train the lossless BPE SentencePiece model on ``texts``; return the model bytes (deterministic).

    Identity normalization, kept whitespace and byte fallback make ``decode(encode(s)) == s``
    for any string ``s`` (the piece ``▁`` stands for a space, so a literal U+2581 comes back as a space).
    """
    import sentencepiece as spm

    lines = []
    for path in texts:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read training text as UTF-8: {exc}", path) from exc
        lines += [line for line in text.splitlines() if line.strip()]
    spm.set_random_generator_seed(1)
    model = io.BytesIO()
    try:
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(lines),
            model_writer=model,
            model_type="bpe",
            vocab_size=vocab_size,
            byte_fallback=True,
            character_coverage=1.0,
            normalization_rule_name="identity",
            remove_extra_whitespaces=False,
            input_sentence_size=0,
            shuffle_input_sentence=False,
            max_sentence_length=1 << 20,
            num_threads=1,
            minloglevel=2,
        )
    except RuntimeError as exc:  # e.g. too little text for the vocabulary size
        raise ModelError(f"cannot train the test model's SentencePiece: {exc}") from exc
    return model.getvalue()


def token_codes(vocab_size: int = VOCAB_SIZE) -> np.ndarray:
    """The fixed random ±1 code ``u`` of each vocabulary id, shape (vocab_size, TOKEN_CODE_LEN)."""
    rng = np.random.default_rng(CODE_SEED)
    return rng.choice(np.array([-1.0, 1.0], dtype=np.float32), size=(vocab_size, TOKEN_CODE_LEN))


def position_codes() -> np.ndarray:
    """The ±1 bit code ``c`` of each position, shape (MAX_POSITIONS, POSITION_BITS)."""
    bits = (np.arange(MAX_POSITIONS)[:, None] >> np.arange(POSITION_BITS)[None, :]) & 1
    return (2.0 * bits - 1.0).astype(np.float32)


def copy_model_spec(vocabulary: list[str]) -> Any:  # a ctranslate2.specs.TransformerSpec
    """The CTranslate2 TransformerSpec, weights set, whose greedy and beam output copies the input."""
    import ctranslate2

    v, d = len(vocabulary), D_MODEL
    spec = ctranslate2.specs.TransformerSpec.from_config((NUM_LAYERS, NUM_LAYERS), NUM_HEADS)
    u = token_codes(v)
    c = position_codes()
    token_embedding = np.zeros((v, d), np.float32)
    token_embedding[:, TOKEN_DIMS] = np.concatenate([u, -u], axis=1)
    position_encoding = np.zeros((MAX_POSITIONS, d), np.float32)
    position_encoding[:, POSITION_DIMS] = np.concatenate([c, -c], axis=1)

    for stack in (spec.encoder, spec.decoder):
        stack.scale_embeddings = False
        stack.position_encodings.encodings = position_encoding
        _layer_norm(stack.layer_norm)
        for layer in stack.layer:
            _pass_through(layer.self_attention)
            _pass_through(layer.ffn)
            if hasattr(layer, "attention"):
                _pass_through(layer.attention)
    spec.encoder.embeddings[0].weight = token_embedding
    spec.decoder.embeddings.weight = np.zeros((v, d), np.float32)
    _set_copy_attention(spec.decoder.layer[0].attention)
    projection = np.zeros((v, d), np.float32)
    projection[:, TOKEN_DIMS] = OUTPUT_SCALE * np.concatenate([u, -u], axis=1)
    spec.decoder.projection.weight = projection

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.config.add_source_eos = True
    return spec


def _layer_norm(spec: Any) -> None:
    spec.gamma = np.ones(D_MODEL, np.float32)
    spec.beta = np.zeros(D_MODEL, np.float32)


def _pass_through(spec: Any) -> None:
    """Identity sub-layer: LayerNorm as usual, all projections zero, so the residual carries through."""
    _layer_norm(spec.layer_norm)
    if hasattr(spec, "linear_0"):  # feed-forward
        spec.linear_0.weight = np.zeros((FFN_DIM, D_MODEL), np.float32)
        spec.linear_1.weight = np.zeros((D_MODEL, FFN_DIM), np.float32)
    elif len(spec.linear) == 2:  # self-attention: fused QKV, output
        spec.linear[0].weight = np.zeros((3 * D_MODEL, D_MODEL), np.float32)
        spec.linear[1].weight = np.zeros((D_MODEL, D_MODEL), np.float32)
    else:  # cross-attention: query, fused KV, output
        spec.linear[0].weight = np.zeros((D_MODEL, D_MODEL), np.float32)
        spec.linear[1].weight = np.zeros((2 * D_MODEL, D_MODEL), np.float32)
        spec.linear[2].weight = np.zeros((D_MODEL, D_MODEL), np.float32)


def _set_copy_attention(spec: Any) -> None:
    """Cross-attention where decoder position p reads the token code at source position p."""
    d, head_dim = D_MODEL, D_MODEL // NUM_HEADS
    pos = np.arange(D_MODEL)[POSITION_DIMS]
    tok = np.arange(D_MODEL)[TOKEN_DIMS]
    n_pos = len(pos)
    # The decoder residual holds only the position code (±1 on n_pos dims), so its LayerNorm
    # output is ±sqrt(d / n_pos) there; the memory (encoder output) is ±1 everywhere.
    # Score = q.k / sqrt(head_dim) changes by 4 * w * sqrt(d / n_pos) / sqrt(head_dim) per bit.
    w = ATTENTION_MARGIN * np.sqrt(head_dim) / (4 * np.sqrt(d / n_pos))
    query = np.zeros((d, d), np.float32)
    key_value = np.zeros((2 * d, d), np.float32)
    for head in range(NUM_HEADS):
        rows = head * head_dim + np.arange(n_pos)
        query[rows, pos] = w
        key_value[rows, pos] = 1.0
    key_value[d + np.arange(len(tok)), tok] = 1.0  # value: the token code, into the same dims
    output = np.zeros((d, d), np.float32)
    output[tok, tok] = 1.0
    spec.linear[0].weight = query
    spec.linear[1].weight = key_value
    spec.linear[2].weight = output


def convert_copy_model(sentencepiece_model: Path, model_dir: Path, quantization: str = "int8") -> Path:
    """Write the CTranslate2 copy model for ``sentencepiece_model``'s vocabulary into ``model_dir``."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sentencepiece_model))
    vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]

    class _CopyConverter(ctranslate2.converters.Converter):
        def _load(self) -> Any:
            return copy_model_spec(vocabulary)

    try:
        _CopyConverter().convert(str(model_dir), quantization=quantization, force=True)
    except ValueError as exc:
        raise ModelError(f"cannot build the test model: {exc}") from exc
    return model_dir


def _write_package(path: Path, pair: tuple[str, str], model_dir: Path, sp_bytes: bytes, fingerprint: str) -> None:
    """Zip a genuine ``.argosmodel``: one top folder with metadata.json, model/, sentencepiece.model, README.md."""
    src, tgt = (get_language(code) for code in pair)
    note = (
        "backtrans' copy test model: a hand-weighted CTranslate2 Transformer that returns its "
        "input unchanged. For tests and benchmarks only; it does not translate."
    )
    metadata = {
        "type": "translate",
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": pair[0],
        "from_name": src.name,
        "to_code": pair[1],
        "to_name": tgt.name,
        "description": note,
        "backtrans_test_model": {"builder_version": BUILDER_VERSION, "fingerprint": fingerprint},
    }
    readme = f"# {src.name} -> {tgt.name} (backtrans test model)\n\n{note}\n\nBuilt by translate/engine/testmodel.py.\n"
    top = package_name(pair)
    files = [("metadata.json", (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode()),
             ("README.md", readme.encode()),
             ("sentencepiece.model", sp_bytes)]
    files += [(f"model/{f.name}", f.read_bytes()) for f in sorted(model_dir.iterdir())]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for folder in (f"{top}/", f"{top}/model/"):
            info = zipfile.ZipInfo(folder, _ZIP_DATE)
            info.external_attr = 0o40755 << 16
            archive.writestr(info, b"")
        for name, data in files:
            info = zipfile.ZipInfo(f"{top}/{name}", _ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


__all__ = ["TEST_PAIRS", "build_test_models", "default_cache_dir", "default_training_texts", "package_name"]
