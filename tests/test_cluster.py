"""`--scheduler`: conversion on a Dask cluster gives the same bytes as a local run, the sources are read
(with the untrusted-file checks) by the process that holds them and sent as bytes, and a scheduler that
cannot be reached is one line of error. The cluster is a real `LocalCluster` of worker processes."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import parallel, pipeline
from converter.cache import CACHE_DIR
from converter.cli import main
from converter.parallel import Options, Payload, SchedulerError, SerialExecutor, executor_for, load_payload
from converter.sources import discover

distributed = pytest.importorskip("distributed")

DATA = Path(__file__).parent / "data"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and CACHE_DIR not in p.relative_to(folder).parts}


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes, one thread each, on this machine."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """Real pages with sidecars and a merge across sources, plus bad input of every kind the reader refuses."""
    folder = tmp_path / "src"
    shutil.copytree(DATA / "seeds", folder / "seeds")
    shutil.copytree(DATA / "extra", folder / "extra")
    (folder / "extra" / "ocr_chronam_1.yml").write_text("publication: Chronicling America\ndate: 1900-01-02\n")
    (folder / "extra" / "empty.txt").write_text("  \n")
    (folder / "extra" / "bad-sidecar.txt").write_text("A HEADLINE\n\nSome text of a story.\n")
    (folder / "extra" / "bad-sidecar.yml").write_text("date: [not, a, date]\n")
    (folder / "extra" / "huge.txt").write_text("word " * 30_000)
    (tmp_path / "secret.txt").write_text("XQZMARKER OUTSIDE THE SOURCES\n")
    (folder / "extra" / "link-out.txt").symlink_to(tmp_path / "secret.txt")
    os.mkfifo(folder / "extra" / "pipe.txt")
    return folder


def convert(args: list[str]):
    return CliRunner().invoke(main, ["convert", *args, "--max-source-size", "100KB"], catch_exceptions=False)


def test_a_cluster_run_writes_the_same_bytes_as_a_local_run(cluster: str, sources: Path, tmp_path: Path,
                                                            converted_here: list[str]) -> None:
    local = convert([str(sources), "--out", str(tmp_path / "local"), "--jobs", "1", "--no-cache"])
    del converted_here[:]
    remote = convert([str(sources), "--out", str(tmp_path / "remote"), "--scheduler", cluster, "--no-cache"])
    assert remote.exit_code == local.exit_code == 0, remote.output
    assert converted_here == []  # the workers converted every source, not this process
    here, there = tree(tmp_path / "local"), tree(tmp_path / "remote")
    assert len([p for p in here if p.endswith(".md")]) > 50
    assert here == there
    assert remote.output == local.output.replace(str(tmp_path / "local"), str(tmp_path / "remote"))
    errors = [line for line in remote.output.splitlines() if line.startswith("error:")]
    for name, why in [("empty.txt", "empty file"), ("bad-sidecar.txt", "has the wrong type"),
                      ("huge.txt", "larger than the source size limit"),
                      ("link-out.txt", "symbolic link leading outside"), ("pipe.txt", "FIFO")]:
        assert any(name in line and why in line for line in errors), (name, errors)
    assert "XQZMARKER" not in "".join(there[p].decode("utf-8", "replace") for p in there)


def test_a_cluster_rerun_reads_every_source_from_the_cache_kept_here(cluster: str, sources: Path,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "out"
    cache = out / CACHE_DIR
    first = pipeline.convert_paths([sources], cache_folder=cache, scheduler=cluster)
    assert first.cached == 0 and first.results
    assert any(cache.rglob("*.pickle"))  # the workers' results were kept by this process
    again = pipeline.convert_paths([sources], cache_folder=cache, scheduler=cluster)
    assert again.cached == len(again.results) == len(first.results)
    assert [a.title for a in again.articles] == [a.title for a in first.articles]


def test_what_a_cluster_is_sent_is_bytes_read_here_never_a_path_to_open(sources: Path, tmp_path: Path) -> None:
    found = [f for f in discover([sources]) if not (f.skipped or f.problem)]
    expected = [parallel.convert_file(f, Options()) for f in found]

    class Remote(SerialExecutor):
        """Workers that share no folder with this process: the sources are gone by the time they convert."""

        shares_files = False
        sent: list = []

        def imap(self, fn, items, chunk=1):
            self.sent.extend(items)
            sources.rename(tmp_path / "moved-away")
            return map(fn, self.sent)

    outcomes = parallel._on_executor(Remote(), found, Options(), [None] * len(found), None, None)
    assert Remote.sent and all(isinstance(task[0], Payload) for task in Remote.sent)
    assert [o.error for o in outcomes] == [o.error for o in expected]
    assert [[a.title for a in o.result.articles] if o.result else None for o in outcomes] == \
           [[a.title for a in o.result.articles] if o.result else None for o in expected]


def test_the_reading_side_keeps_the_untrusted_file_rules(sources: Path, tmp_path: Path) -> None:
    by_name = {f.key: f for f in discover([sources], max_bytes=100_000)}
    link = load_payload(by_name["extra/link-out.txt"], 100_000)
    fifo = load_payload(by_name["extra/pipe.txt"], 100_000)  # opened without blocking: no hang
    huge = load_payload(by_name["extra/huge.txt"], 100_000)
    assert link.data is None and "outside the sources folder" in (link.source_error or "")
    assert fifo.data is None and "FIFO" in (fifo.source_error or "")
    assert huge.data is None and "larger than the source size limit" in (huge.source_error or "")
    sidecar = load_payload(by_name["extra/bad-sidecar.txt"], 100_000)
    assert sidecar.data and sidecar.sidecar is not None  # read here; checked against the schema by the worker


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_scheduler_is_one_line_of_error(sources: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CONNECT_SECONDS", 1)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    result = convert([str(sources), "--out", str(tmp_path / "out"), "--scheduler", address])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        next(line for line in result.output.splitlines() if line.startswith("error: cannot reach the Dask "
                                                                             f"scheduler at {address}"))]
    assert not (tmp_path / "out" / "conversion-report.md").exists()


def test_a_malformed_scheduler_address_is_one_line_of_error(sources: Path, tmp_path: Path) -> None:
    result = convert([str(sources), "--out", str(tmp_path / "out"), "--scheduler", "my cluster"])
    assert result.exit_code == 2
    assert result.output.strip() == "error: --scheduler my cluster: not a scheduler address such as " \
                                    "tcp://10.0.0.5:8786"


def _slow_square(n: int) -> int:
    time.sleep(0.05 * (n % 3))  # later items finish first: order must come from the executor, not the clock
    return n * n


@pytest.mark.parametrize("how", [{"jobs": 1}, {"jobs": 2}, "cluster"])
def test_every_executor_maps_in_input_order(how, cluster: str) -> None:
    """The interface shard builds use: map a picklable function over items, results in input order."""
    options = {"scheduler": cluster} if how == "cluster" else how
    with executor_for(**options) as executor:
        assert executor.map(_slow_square, range(20), chunk=3) == [n * n for n in range(20)]
        assert executor.map(_slow_square, []) == []


def test_build_converts_on_the_cluster_and_gives_the_same_site(cluster: str, tmp_path: Path) -> None:
    for name, extra in [("local", ["--jobs", "1"]), ("remote", ["--scheduler", cluster])]:
        args = ["build", str(DATA / "seeds"), "--docs", str(tmp_path / name / "docs"),
                "--site-dir", str(tmp_path / name / "site"), *extra]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    assert tree(tmp_path / "local" / "docs") == tree(tmp_path / "remote" / "docs")
    site = tree(tmp_path / "local" / "site")
    assert "index.html" in site and site == tree(tmp_path / "remote" / "site")


def test_a_scheduler_error_from_build_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CONNECT_SECONDS", 1)
    address = f"tcp://127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(main, ["build", str(DATA / "seeds"), "--docs", str(tmp_path / "docs"),
                                       "--site-dir", str(tmp_path / "site"), "--scheduler", address],
                                catch_exceptions=False)
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (f"error: cannot reach the Dask scheduler at {address}: "
                                                      f"Timed out trying to connect to {address} after 1 s")
    assert "Traceback" not in result.output and not (tmp_path / "site").exists()
    with pytest.raises(SchedulerError):
        executor_for(scheduler=address)
