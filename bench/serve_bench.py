"""Latency, throughput and CPU cost of `scotrack serve` on a knowledge base of
10,000 documents.

Builds (once; `--kb PATH` keeps it between runs) a SQLite knowledge base: the
baseline, then extract_bench's synthetic corpus of seed-sized pages ingested with
`scotrack ingest --workers 2`. Starts `scotrack serve` on 127.0.0.1 in a separate
process, and for each target runs wrk (Debian package `wrk`) with 32 concurrent
connections for `--seconds`, after a warm-up, reporting p50, p99, requests a
second and the server's CPU time per request (its user + system time over the run
divided by the requests answered: unlike the latency, this hardly moves when other
work shares the machine). Targets: p99 under 100 ms for pages and API reads,
200 ms for search, with or without the response cache.

Each target is measured with the response cache (the default: anonymous reads are
replayed until the knowledge base changes) and with SCOTRACK_CACHE=false, which
renders every request (`--cache on|off|both`); each is printed in a table of its
own. Search targets cycle through `SEARCHES` (a wrk Lua script), so no two
requests in a row are alike. wrk runs on
the same machine as the server: with one server process, the server is pinned to
CPU 0 and wrk to CPU 1 (taskset), since otherwise the scheduler puts both on one
core now and then and the p99 measures that (about 150 ms) rather than the server.

`--changing SECONDS` changes the knowledge base that often during every run (a
claim rejected, then the rejection undone, through scotrack's writes): with the
response cache off, what the server keeps per knowledge-base version (records,
lists, first pages) is then computed again after each change, as for a knowledge
base that reviewers and ingests change all the time (#18).

`--soak SECONDS` instead runs the search targets uncached for that long and prints
the server's resident memory every `--sample` seconds. `--in-process N` instead
asks each target N times through the app in this process (cache off, no HTTP
server) and prints the CPU a request costs: the figure that other work on the
machine disturbs least (wrk is needed for every mode but this one).

Usage: python bench/serve_bench.py [--docs 10000] [--kb /tmp/bench-kb.db]
                                   [--seconds 10] [--workers 1] [--connections 32]
                                   [--cache both] [--only SUBSTRING]
                                   [--changing SECONDS]
                                   [--soak 600 --sample 30] [--in-process 30]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import platform
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGES = (
    "/",
    "/members",
    "/states/CHN",
    "/meetings",
    "/meetings/hog-2025",
    "/documents",
    "/documents/{document}",
    "/agreements",
    "/agreements?on=2010-01-01",
    "/agreements/charter",
    "/commitments",
)
LISTS = (
    "/api/v1/states",
    "/api/v1/states/CHN",
    "/api/v1/meetings",
    "/api/v1/meetings/hog-2025",
    "/api/v1/agreements",
    "/api/v1/agreements/charter",
    "/api/v1/commitments",
    "/api/v1/documents",
    "/api/v1/documents/{document}",
    "/api/v1/claims",
)
SEARCHES = ("/search?q={query}", "/api/v1/search?q={query}")
QUERIES = (
    "energy",
    "Tashkent",
    "trade local currencies",
    "security",
    "Astana summit",
    "China",
    "railway",
    "terrorism",
    "foreign ministers",
    "Kazakhstan",
)
TARGET_MS = {"page": 100.0, "api": 100.0, "search": 200.0}


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
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start within 300 s")


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def processes(pid: int) -> list[int]:
    """`pid` and its children (the workers of `serve --workers N`)."""
    found = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the server's processes so far."""
    ticks = 0
    for each in processes(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of the server's processes, MB."""
    total = 0
    for each in processes(pid):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        total += int(found.group(1)) if found else 0
    return total / 1024


@dataclass(frozen=True)
class Run:
    p50: float
    p99: float
    rate: float
    requests: int
    bad: int
    """Answers other than 2xx and 3xx, and requests that timed out."""


def wrk(
    url: str, seconds: int, connections: int, *, pin: bool, script: str = ""
) -> Run:
    """One wrk run against `url` (with a Lua `script` choosing the paths)."""
    command = ["wrk", "-t1" if pin else "-t2", f"-c{connections}", f"-d{seconds}s"]
    command += ["--timeout", "30s"]
    if script:
        command += ["-s", script]
    out = subprocess.run(
        [*(["taskset", "-c", "1"] if pin else []), *command, "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    p50 = _ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    timeouts = re.search(r"timeout (\d+)", out)
    failed = (int(bad.group(1)) if bad else 0) + (
        int(timeouts.group(1)) if timeouts else 0
    )
    return Run(p50, p99, rate, requests, failed)


def search_script(directory: Path, template: str) -> str:
    """A wrk Lua script that asks `template` with each of QUERIES in turn."""
    paths = [template.format(query=q.replace(" ", "+")) for q in QUERIES]
    listed = ", ".join(f'"{path}"' for path in paths)
    script = directory / f"search-{abs(hash(template))}.lua"
    script.write_text(
        f"local paths = {{{listed}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n',
        encoding="utf-8",
    )
    return str(script)


def some_document(kb: Path) -> str:
    with sqlite3.connect(kb) as connection:
        found = connection.execute(
            "SELECT id FROM document ORDER BY rowid LIMIT 1 OFFSET "
            "(SELECT count(*) / 2 FROM document)"
        ).fetchone()
    return str(found[0])


def targets(kb: Path, only: str) -> list[tuple[str, str, str]]:
    """(kind, path, wrk script) of every target whose path contains `only`."""
    document = some_document(kb)
    scripts = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    found = [
        (
            "api" if path.startswith("/api/") else "page",
            path.format(document=document),
            "",
        )
        for path in (*PAGES, *LISTS)
    ]
    found += [
        ("search", template.format(query="..."), search_script(scripts, template))
        for template in SEARCHES
    ]
    return [target for target in found if only in target[1]]


class Changes:
    """While in use, a logged change to the knowledge base every `every` seconds,
    through scotrack's own writes in this process: a pending claim rejected, then
    that rejection undone (so the knowledge base's content is the same after).
    Each moves the knowledge base's version, so nothing the server keeps for one
    version (responses, records, lists) serves the next: the figure for a
    knowledge base that changes all the time (`--changing`)."""

    def __init__(self, kb: Path, every: float) -> None:
        self.every, self.made = every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if every <= 0:
            return
        from sqlalchemy import select

        from scotrack.store.engine import make_engine, session_factory
        from scotrack.store.provenance import Claim

        self._sessions = session_factory(make_engine(f"sqlite:///{kb}"), write=True)
        with self._sessions() as session:
            claim = session.scalar(
                select(Claim.id).where(Claim.status == "pending").limit(1)
            )
        if claim is None:
            raise SystemExit("--changing: the knowledge base has no pending claim")
        self._claim = claim

    def __enter__(self) -> Changes:
        if self.every > 0:
            self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=60)

    def _run(self) -> None:
        from scotrack.store import history
        from scotrack.store.write import review

        rejection: int | None = None
        while not self._stop.wait(self.every):
            with self._sessions() as session, session.begin():
                if rejection is None:
                    made = review.reject(session, self._claim, actor="serve-bench")
                    rejection = made[0].id
                else:
                    history.undo_batch(session, rejection, actor="serve-bench")
                    rejection = None
            self.made += 1
        if rejection is not None:  # leave the knowledge base as it was
            with self._sessions() as session, session.begin():
                history.undo_batch(session, rejection, actor="serve-bench")
            self.made += 1


def measure(args: argparse.Namespace, cache: bool) -> None:
    """One server (cached or not), every target: a table row each."""
    port = free_port()
    server = start_server(args.kb, port, args.workers, cache)
    pin = args.workers == 1
    try:
        for kind, path, script in targets(args.kb, args.only):
            url = f"http://127.0.0.1:{port}{path.split('?q=')[0] if script else path}"
            wrk(url, 2, args.connections, pin=pin, script=script)  # warm-up
            load = os.getloadavg()[0]
            cpu = cpu_seconds(server.pid)
            with Changes(args.kb, args.changing) as changes:
                run = wrk(url, args.seconds, args.connections, pin=pin, script=script)
            per_request = (cpu_seconds(server.pid) - cpu) / max(run.requests, 1) * 1000
            target = TARGET_MS[kind]
            verdict = f"{'met' if run.p99 < target else 'MISSED'} (<{target:.0f})"
            print(
                f"| `{path}` | {kind} | {'on' if cache else 'off'} | {run.p50:.1f} | "
                f"{run.p99:.1f} | {run.rate:.0f} | {per_request:.2f} | {run.bad} | "
                f"{changes.made} | {load:.1f} | {verdict} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


def soak(args: argparse.Namespace) -> None:
    """The search targets, uncached, for `--soak` seconds; RSS every `--sample`."""
    port = free_port()
    server = start_server(args.kb, port, args.workers, cache=False)
    searches = [t for t in targets(args.kb, "search") if t[0] == "search"]
    script = Path(searches[0][2]).parent / "soak.lua"
    paths = [
        template.format(query=q.replace(" ", "+"))
        for template in SEARCHES
        for q in QUERIES
    ]
    script.write_text(
        "local paths = {" + ", ".join(f'"{p}"' for p in paths) + "}\nlocal i = 0\n"
        "request = function()\n  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\nend\n',
        encoding="utf-8",
    )
    print("| seconds | RSS MB | requests | p99 ms | load average |")
    print("|---|---|---|---|---|")
    started = time.monotonic()
    total = 0
    try:
        print(f"| 0 | {rss_mb(server.pid):.0f} | 0 | - | {os.getloadavg()[0]:.1f} |")
        while time.monotonic() - started < args.soak:
            run = wrk(
                f"http://127.0.0.1:{port}/",
                args.sample,
                args.connections,
                pin=args.workers == 1,
                script=str(script),
            )
            total += run.requests
            print(
                f"| {time.monotonic() - started:.0f} | {rss_mb(server.pid):.0f} | "
                f"{total} | {run.p99:.1f} | {os.getloadavg()[0]:.1f} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


def in_process(args: argparse.Namespace) -> None:
    """CPU per request of each target through the ASGI app in this process, cache
    off, `--in-process` requests each: no HTTP server, and the sync routes run
    inline (not in the thread pool) so that all of a request's CPU is counted."""
    import asyncio

    import anyio.to_thread

    async def inline(func: Any, *call: Any, **_options: Any) -> Any:
        return func(*call)

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    from scotrack.api.app import create_app
    from scotrack.settings import Settings

    app = create_app(Settings(db=f"sqlite:///{args.kb}", cache=False))

    async def ask(path: str) -> int:
        where, _, query = path.partition("?")
        scope = {
            **{"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1"},
            **{"method": "GET", "scheme": "http", "root_path": "", "state": {}},
            **{
                "path": where,
                "raw_path": where.encode(),
                "query_string": query.encode(),
            },
            "headers": [(b"host", b"127.0.0.1")],
            **{"client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)},
        }
        status = 0

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]

        await app(scope, receive, send)
        return status

    async def run() -> None:
        paths = [
            path for kind, path, _ in targets(args.kb, args.only) if kind != "search"
        ]
        paths += [
            template.format(query=query)
            for template in SEARCHES
            for query in ("energy", "tashkent+trade", "china")
        ]
        print("| target | ms CPU a request |")
        print("|---|---|")
        for path in paths:
            if await ask(path) != 200:
                print(f"| `{path}` | not 200 |")
                continue
            # a full collection owed for earlier targets' garbage would otherwise
            # land in this one's figure (80 ms once, 4 ms a request over 20)
            gc.collect()
            started = time.process_time()
            for _ in range(args.in_process):
                await ask(path)
            spent = (time.process_time() - started) / args.in_process * 1000
            print(f"| `{path}` | {spent:.1f} |", flush=True)

    asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--kb", type=Path, default=Path(tempfile.gettempdir()) / "scotrack-bench-kb.db"
    )
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--cache", choices=("on", "off", "both"), default="both")
    parser.add_argument("--only", default="", help="targets whose path contains this")
    parser.add_argument(
        "--changing",
        type=float,
        default=0.0,
        help="change the knowledge base every this many seconds during each run",
    )
    parser.add_argument("--soak", type=int, default=0, help="seconds of search soak")
    parser.add_argument("--sample", type=int, default=30, help="soak: seconds a sample")
    parser.add_argument(
        "--in-process", type=int, default=0, help="CPU per request, in process, N asks"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None and not args.in_process:
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
    if args.soak:
        soak(args)
        return
    if args.in_process:
        in_process(args)
        return
    for cache in {"on": (True,), "off": (False,), "both": (True, False)}[args.cache]:
        print(
            "\n"
            + (
                "Cached (the default: anonymous reads replayed until the knowledge "
                "base changes):"
                if cache
                else "Uncached (SCOTRACK_CACHE=false: every request rendered):"
            )
            + (
                f" the knowledge base changed every {args.changing:g} s"
                if args.changing
                else ""
            )
            + "\n"
        )
        print(
            "| target | kind | cache | p50 ms | p99 ms | req/s | CPU ms/req | failed "
            "| changes | load | p99 target |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        measure(args, cache)


if __name__ == "__main__":
    main()
