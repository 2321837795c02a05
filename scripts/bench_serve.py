"""Benchmark: `backtrans serve` under a bounded load on loopback, against the batch pipeline.

    .venv/bin/python scripts/bench_serve.py [--clients 8] [--requests 50] [--per-request 1] [--no-glossary]

Builds the copy test models (translate/engine/testmodel.py; they copy their input, so the figures
measure the server and the pipeline around a Transformer-base model, not a real model's output),
starts the real `backtrans serve` in a subprocess, and sends ``clients`` × ``requests`` POST
/translate requests (uk→en, ``per-request`` sentences each, every sentence distinct: the seeds'
sentences numbered) from as many client threads, each waiting for its answer before its next
request, then stops. Prints requests/s, latency p50/p95/p99, source tokens/s (SentencePiece tokens
of the sentences sent), how many requests the batcher put in one engine call; then the batch
pipeline (``translate_documents``, the same glossary setting) on exactly the same sentences as one
document, and the ratio of the server's tokens/s to the pipeline's, measured in this run. The
pipeline's time includes its model load (about 0.2 s for the test model), not the glossary's; the
server's excludes both (one warm-up request before the clock starts).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def sentences(count: int) -> list[str]:
    """``count`` distinct Ukrainian sentences: the seeds', numbered repeats."""
    from translate.pipeline.segment import read_segmented

    base = [s.text for path in sorted((REPO / "seeds").glob("uk_*.txt")) for s in read_segmented(path, "uk").segments]
    return [f"{base[i % len(base)]} ({i // len(base) + 1})" if i >= len(base) else base[i] for i in range(count)]


def post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=50, help="requests per client")
    parser.add_argument("--per-request", type=int, default=1, help="sentences per request (a q array above 1)")
    parser.add_argument("--no-glossary", action="store_true")
    args = parser.parse_args()

    from tests.serving import free_port
    from translate.engine import Engine, installed_packages
    from translate.engine.packages import install_package
    from translate.engine.testmodel import build_test_models

    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    models = work / "packages"
    for path in build_test_models(work / "built").values():
        install_package(path, models)
    os.environ["ARGOS_PACKAGES_DIR"] = str(models)
    os.environ["BACKTRANS_TEST_MODELS"] = str(work / "no-test-models")
    package = next(p for p in installed_packages(models) if (p.from_code, p.to_code) == ("uk", "en"))
    texts = sentences(args.clients * args.requests * args.per_request)
    engine = Engine(package)
    tokens = sum(len(t) for t in engine.encode(texts))
    del engine
    glossary = "none" if args.no_glossary else None
    print(f"{len(texts)} distinct uk sentences, {tokens} source tokens; copy test model uk→en; "
          f"glossary {'off' if args.no_glossary else 'on (shipped + gazetteer)'}; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.2f}")

    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("backtrans")), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                urllib.request.urlopen(f"{url}/health", timeout=5)
                break
            except OSError:
                assert server.poll() is None, "the server exited"
                time.sleep(0.2)
        post(f"{url}/translate", {"q": "Прогрів.", "source": "uk", "target": "en", "glossary": glossary})
        before = json.loads(urllib.request.urlopen(f"{url}/health").read())["batcher"]
        latencies: list[float] = []
        lock = threading.Lock()

        def client(number: int) -> None:
            for r in range(args.requests):
                at = (number * args.requests + r) * args.per_request
                q = texts[at:at + args.per_request]
                started = time.perf_counter()
                post(f"{url}/translate", {"q": q if args.per_request > 1 else q[0], "source": "uk", "target": "en",
                                          "glossary": glossary})
                with lock:
                    latencies.append(time.perf_counter() - started)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        served = time.perf_counter() - started
        after = json.loads(urllib.request.urlopen(f"{url}/health").read())["batcher"]
    finally:
        server.terminate()
        server.wait(timeout=60)

    q = statistics.quantiles(latencies, n=100)
    batches = after["batches"] - before["batches"]
    requests = after["requests"] - before["requests"]
    print(f"server: {args.clients} clients × {args.requests} requests × {args.per_request} sentences in {served:.2f} s: "
          f"{len(latencies) / served:.1f} requests/s, {tokens / served:,.0f} tokens/s; latency p50 {1000 * q[49]:.0f} ms, "
          f"p95 {1000 * q[94]:.0f} ms, p99 {1000 * q[98]:.0f} ms; {batches} engine calls for {requests} hop requests "
          f"({requests / max(batches, 1):.1f} a call, at most {after['largest']})")

    import translate

    chosen = False if args.no_glossary else translate.load_glossary()  # loaded, and its recognisers made, before
    if chosen is not False:
        for lang in ("uk", "en"):
            translate.find_terms("Прогрів.", lang, chosen)
    document = work / "doc.txt"
    document.write_text("\n".join(texts) + "\n", encoding="utf-8")
    started = time.perf_counter()
    translate.back_translate([document], to=["en"], out=work / "out", source_lang="uk", glossary=chosen, resume=False)
    batch = time.perf_counter() - started
    print(f"batch pipeline: the same sentences as one document in {batch:.2f} s: {tokens / batch:,.0f} tokens/s "
          f"(model load included; glossary loaded before)")
    print(f"ratio server/pipeline tokens/s: {batch / served:.2f}")


if __name__ == "__main__":
    main()
