import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import scotrack
from scotrack.cli import app

SEED = (
    "SCO leaders meet in Astana\nUpdated: 2024-07-04 10:00\n"
    "ASTANA, July 4 (Xinhua) -- Chinese President Xi Jinping attended the summit.\n"
)


def _run(args: list[str], **env: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["extract", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_extract_writes_one_file_per_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, _ = _run([str(tmp_path / "a.txt"), "--out", str(out), "-f", "json"])
    assert code == 0
    assert json.loads(stdout)["written"] == 1
    written = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert written["document"]["dateline"] == "Astana"
    assert written["states"] == ["CHN"]


def test_extract_bad_inputs_each_reported_batch_goes_on(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(SEED, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (docs / "invalid.txt").write_bytes(bytes(range(128, 256)) * 4)
    with (docs / "huge.txt").open("wb") as handle:  # sparse: quick to make
        handle.truncate(100 * 1024 * 1024)
    (docs / "scripts.html").write_text(
        "<html><body><script>alert('x')</script><iframe src='x'></iframe>"
        "</body></html>",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    code, stdout, stderr = _run(
        [str(docs), str(missing), "--out", str(tmp_path / "out"), "-f", "json"]
    )
    assert code == 1
    summary = json.loads(stdout)
    assert summary["written"] == 1
    failed = {Path(f["path"]).name: f["reason"] for f in summary["failures"]}
    assert set(failed) == {
        "empty.txt",
        "binary.txt",
        "invalid.txt",
        "huge.txt",
        "scripts.html",
        "missing.txt",
    }
    for name in failed:
        lines = [line for line in stderr.splitlines() if name in line]
        assert len(lines) == 1, stderr
    assert "Traceback" not in stderr


def test_extract_size_limit_from_environment(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    code, _, stderr = _run(
        [str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")],
        SCOTRACK_MAX_DOCUMENT_BYTES="10",
    )
    assert code == 1
    assert "too large" in stderr


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_extract_unreadable_file(tmp_path: Path) -> None:
    """A file the user may not read; as root, the real CLI runs without the
    capabilities that let root read any file (setpriv drops them)."""
    base = tmp_path
    path = base / "locked.txt"
    try:
        path = base / "locked.txt"
        path.write_text(SEED, encoding="utf-8")
        (base / "fine.txt").write_text(SEED, encoding="utf-8")
        path.chmod(0)
        args = ["extract", str(path), str(base / "fine.txt"), "--out", str(base / "o")]
        if os.geteuid() != 0:
            result = CliRunner().invoke(app, args)
            code, stderr = result.exit_code, result.stderr
        else:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("root without setpriv (util-linux): cannot drop privileges")
            done = subprocess.run(
                [
                    setpriv,
                    "--bounding-set=-dac_override,-dac_read_search",
                    "--",
                    sys.executable,
                    "-m",
                    "scotrack",
                    *args,
                ],
                capture_output=True,
                text=True,
                check=False,
                timeout=120,
            )
            code, stderr = done.returncode, done.stderr
        assert code == 1
        assert "locked.txt" in stderr
        assert "permission denied" in stderr
        assert (base / "o" / "fine.json").exists()
    finally:
        path.chmod(0o600)


def test_extract_bad_usage_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    code, _, _ = _run([str(tmp_path / "a.txt"), "--workers", "0"])
    assert code == 2


def test_extract_same_output_with_two_workers(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(4):
        (docs / f"d{i}.txt").write_text(SEED, encoding="utf-8")
    # a failure comes back from a worker process as a pickled DocumentError
    (docs / "empty.txt").write_bytes(b"")
    for workers in ("1", "2"):
        code, _, stderr = _run(
            [
                str(docs),
                "--out",
                str(tmp_path / f"o{workers}"),
                "--workers",
                workers,
            ]
        )
        assert code == 1
        assert "empty.txt" in stderr
    for i in range(4):
        one = (tmp_path / "o1" / f"d{i}.json").read_text(encoding="utf-8")
        assert one == (tmp_path / "o2" / f"d{i}.json").read_text(encoding="utf-8")


def test_extract_of_text_pages_loads_no_database_or_html_modules(
    tmp_path: Path,
) -> None:
    """Start-up is part of every run: `extract` on UTF-8 .txt pages must not
    import the database layer (0.4 s) or the HTML and encoding libraries."""
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    code = (
        "import sys\n"
        "from scotrack.cli import main\n"
        "sys.argv = ['scotrack', 'extract', *sys.argv[1:]]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "heavy = ('sqlalchemy', 'trafilatura', 'htmldate', 'charset_normalizer')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    args = [str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "-f", "json"]
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_extract_warns_of_a_page_not_in_english(tmp_path: Path) -> None:
    foreign = Path(__file__).parents[1] / "data" / "real" / "nonenglish"
    out = tmp_path / "out"
    code, stdout, stderr = _run([str(foreign), "--out", str(out), "-f", "json"])
    assert code == 0
    summary = json.loads(stdout)
    assert summary["written"] == 2
    assert summary["warned"] == 2
    assert stderr.count("warning:") == 2
    assert "not English" in stderr
    written = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")]
    assert all(w["language"] == "und" and w["states"] == [] for w in written)


def _lines(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


HOSTILE_LINES = (
    '{"id": "deep", "text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"id": "surrogate", "text": "SCO \\ud800 met in Astana."}',
    "not json",
    "[1, 2]",
    {"id": "outlet", "text": "SCO met.", "source": {"y": 2019}},
    {"id": "url", "text": "SCO met.", "url": 5},
    {"id": "feb30", "text": "SCO met.", "published": "2017-02-30"},
    {"id": "inf", "text": "SCO met.", "published": "inf"},
)


@pytest.mark.issue(18)
def test_extract_bad_lines_each_reported_and_the_rest_extracted(
    tmp_path: Path,
) -> None:
    records: list[object] = []
    for number, line in enumerate(HOSTILE_LINES):
        records += [line, {"id": f"good{number}", "text": SEED}]
    batch = tmp_path / "batch.jsonl"
    batch.write_text(_lines(*records), encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = _run([str(batch), "--out", str(out), "-f", "json"])
    assert code == 1
    assert "Traceback" not in stderr
    summary = json.loads(stdout)
    assert (summary["written"], summary["failed"]) == (8, 8)
    failed = [f["path"] for f in summary["failures"]]
    assert failed == [f"{batch}:{2 * n + 1}" for n in range(8)]
    assert sorted(p.name for p in out.iterdir()) == [f"good{n}.json" for n in range(8)]
    for path in failed:
        assert len([line for line in stderr.splitlines() if path + ":" in line]) == 1


@pytest.mark.issue(18)
def test_extract_colliding_ids_never_overwrite(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "same.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        _lines(
            {"id": "same", "text": SEED},
            {"id": "SAME", "text": SEED},
            {"id": "x/same", "text": SEED},
            {"id": "x\\same", "text": SEED},
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, stdout, stderr = _run([str(tmp_path), "--out", str(out), "-f", "json"])
    assert code == 0, stderr
    summary = json.loads(stdout)
    files = sorted(p.name for p in out.iterdir())
    assert summary["written"] == len(files) == 5
    assert files == [
        "SAME-3.json",
        "same-2.json",
        "same.json",
        "x_same-2.json",
        "x_same.json",
    ]
    assert stderr.count("earlier document") == 2 + 0 + 1  # case, and x\\same
    again = _run([str(tmp_path), "--out", str(out), "-f", "json"])
    assert sorted(p.name for p in out.iterdir()) == files, again


def _env() -> dict[str, str]:
    """The environment of a CLI subprocess: this checkout's code first."""
    src = str(Path(scotrack.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": src, "COLUMNS": "200"}


def _scotrack(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scotrack", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        env=_env(),
    )


@pytest.mark.issue(18)
@pytest.mark.skipif(os.name != "posix", reason="FIFOs and devices are POSIX")
def test_extract_refuses_fifo_and_device_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(SEED, encoding="utf-8")
    done = _scotrack(
        "extract", str(fifo), "/dev/zero", str(tmp_path), "--out", str(tmp_path / "o")
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    failed = [line for line in done.stderr.splitlines() if "failed:" in line]
    assert len(failed) == 3  # the FIFO named, /dev/zero, the FIFO in the folder
    assert "FIFO" in failed[0]
    assert "/dev/zero: not a regular file (a character device)" in failed[1]
    assert (tmp_path / "o" / "good.json").exists()


def _as_unprivileged(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The real CLI; as root, without the capabilities that let root read any
    file (setpriv drops them)."""
    if os.geteuid() != 0:
        return _scotrack(*args)
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root without setpriv (util-linux): cannot drop privileges")
    return subprocess.run(
        [
            setpriv,
            "--bounding-set=-dac_override,-dac_read_search",
            "--",
            sys.executable,
            "-m",
            "scotrack",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=_env(),
    )


@pytest.mark.issue(18)
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_extract_unreadable_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    locked = tmp_path / "docs" / "locked"
    locked.mkdir(parents=True)
    (locked / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "docs" / "fine.txt").write_text(SEED, encoding="utf-8")
    locked.chmod(0)
    try:
        done = _as_unprivileged(
            [
                "extract",
                str(tmp_path / "docs"),
                str(locked),
                "--out",
                str(tmp_path / "o"),
            ]
        )
    finally:
        locked.chmod(0o700)
    assert done.returncode == 1, done.stderr
    failed = [line for line in done.stderr.splitlines() if "failed:" in line]
    assert failed == [f"failed: {locked}: unreadable: permission denied"] * 2
    assert (tmp_path / "o" / "fine.json").exists()


@pytest.mark.issue(18)
def test_extract_unwritable_out_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for out, reason in (
        (tmp_path / "file", "exists and is not a directory"),
        (tmp_path / "file" / "sub", "cannot create the folder"),
    ):
        code, _, stderr = _run([str(tmp_path / "a.txt"), "--out", str(out)])
        assert code == 2
        (line,) = stderr.strip().splitlines()
        assert line.startswith(f"error: --out {out}: {reason}"), stderr
