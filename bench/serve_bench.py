"""Latency and throughput of `scotrack serve` on a knowledge base of 10,000 documents.

Builds (once; `--kb PATH` keeps it between runs) a SQLite knowledge base: the
baseline, then extract_bench's synthetic corpus of seed-sized pages ingested with
`scotrack ingest --workers 2`. Starts `scotrack serve` on 127.0.0.1 in a separate
process, and for each target runs wrk (Debian package `wrk`) with 32 concurrent
connections for `--seconds`, after a warm-up, reporting p50, p99 and requests a
second. Targets: p99 under 100 ms for pages and 50 ms for API lists.

Each target is measured twice: with the response cache (the default: anonymous
reads are replayed until the knowledge base changes) and with SCOTRACK_CACHE=false,
which renders every request. wrk runs on the same machine as the server: with one
server process, the server is pinned to CPU 0 and wrk to CPU 1 (taskset), since
otherwise the scheduler puts both on one core now and then and the p99 measures
that (about 150 ms) rather than the server.

Usage: python bench/serve_bench.py [--docs 10000] [--kb /tmp/bench-kb.db]
                                   [--seconds 10] [--workers 1] [--connections 32]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("/", "/states/CHN", "/agreements", "/agreements?on=2010-01-01")
LISTS = (
    "/api/v1/states",
    "/api/v1/meetings",
    "/api/v1/agreements",
    "/api/v1/commitments",
    "/api/v1/documents",
    "/api/v1/claims",
)
TARGET_MS = {"page": 100.0, "api": 50.0}


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOTRACK_")}
    return {**env, "COLUMNS": "200", "NO_COLOR": "1", **extra}


def scotrack(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "scotrack", *args],
        check=True,
        env=_env(),
        stdout=subprocess.DEVNULL,
    )


def build_kb(path: Path, docs: int) -> None:
    """The baseline and `docs` synthetic pages, ingested."""
    extract_bench = _load("extract_bench", ROOT / "bench" / "extract_bench.py")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        extract_bench.build_corpus(corpus, docs, 7)
        url = f"sqlite:///{path}"
        scotrack("init", "--db", url)
        started = time.perf_counter()
        scotrack(
            "ingest", str(corpus), "--workers", "2", "--db", url, "--format", "json"
        )
        print(f"ingested {docs} documents in {time.perf_counter() - started:.0f} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    kb: Path, port: int, workers: int, cache: bool
) -> subprocess.Popen[bytes]:
    env = _env(SCOTRACK_CACHE="true" if cache else "false")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scotrack",
            "serve",
            "--db",
            f"sqlite:///{kb}",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(
    url: str, seconds: int, connections: int, *, pin: bool
) -> tuple[float, float, float, int]:
    """p50 ms, p99 ms, requests/s and non-2xx answers of one wrk run."""
    command = ["wrk", "-t1" if pin else "-t2", f"-c{connections}", f"-d{seconds}s"]
    out = subprocess.run(
        [*(["taskset", "-c", "1"] if pin else []), *command, "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    p50 = _ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return p50, p99, rate, int(bad.group(1)) if bad else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--kb", type=Path, default=Path(tempfile.gettempdir()) / "scotrack-bench-kb.db"
    )
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if not args.kb.exists():
        build_kb(args.kb, args.docs)
    print(
        f"machine: {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; knowledge base {args.kb} "
        f"({args.kb.stat().st_size / 1e6:.0f} MB); {args.connections} connections, "
        f"{args.seconds} s a target, {args.workers} server process(es); "
        f"load average before: {os.getloadavg()[0]:.2f}"
    )
    print("| target | kind | cache | p50 ms | p99 ms | req/s | non-2xx | p99 target |")
    print("|---|---|---|---|---|---|---|---|")
    for cache in (True, False):
        port = free_port()
        server = start_server(args.kb, port, args.workers, cache)
        try:
            for path in (*PAGES, *LISTS):
                kind = "api" if path.startswith("/api/") else "page"
                url = f"http://127.0.0.1:{port}{path}"
                pin = args.workers == 1
                wrk(url, 2, args.connections, pin=pin)  # warm-up
                p50, p99, rate, bad = wrk(url, args.seconds, args.connections, pin=pin)
                target = TARGET_MS[kind]
                verdict = f"{'met' if p99 < target else 'MISSED'} (<{target:.0f})"
                print(
                    f"| `{path}` | {kind} | {'on' if cache else 'off'} | {p50:.1f} | "
                    f"{p99:.1f} | {rate:.0f} | {bad} | {verdict} |",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
