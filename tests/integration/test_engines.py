"""Whole runs on every engine: one process, local workers (forked and spawned), a Dask cluster;
the same bytes from each, a failing article costing only itself, Ctrl-C and kill stopping every
worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgbuild.extract import extract_isolated
from kgbuild.ingest import ingest
from kgbuild.merge.claims import wordings_encoded_first
from kgbuild.pipeline import build
from tests.builders import SEEDS, SHARED, pipeline_failing_on_boom

OUTPUTS = ("graph.ttl", "graph.html", "attributions.jsonl")


def test_a_failing_article_is_skipped_with_e019_and_the_others_land(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("The mayor said the bridge would reopen.\n")
    (folder / "bad.txt").write_text("BOOM, the mayor said.\n")
    report = build([folder], out=tmp_path / "out", nlp=pipeline_failing_on_boom(), html=False, cache=tmp_path / "cache")
    assert report["counts"]["articles"] == 1
    (skipped,) = report["skipped"]
    assert skipped["code"] == "E019" and skipped["source"].endswith("bad.txt") and "BOOM" in skipped["reason"]
    again = build([folder], out=tmp_path / "out", nlp=pipeline_failing_on_boom(), html=False, cache=tmp_path / "cache")
    assert again["counts"]["articles_from_cache"] == 1 and [s["code"] for s in again["skipped"]] == ["E019"]


def workers_of(pid: int) -> list[str]:
    children = subprocess.run(["ps", "-ww", "-o", "args=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [line for line in children.splitlines() if "resource_tracker" not in line]  # forked or spawned


def running_with_two_workers(tmp_path, **popen) -> tuple[subprocess.Popen, list[str]]:
    """``kgbuild run --workers 2`` on 40 Wikinews articles in a session of its own, once both
    workers are up and busy; with the workers it started."""
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join((SHARED / "data" / "news" / "wikinews.jsonl").open().readlines()[:40]))
    command = [str(Path(sys.executable).parent / "kgbuild"), "run", str(articles), "--out", str(tmp_path / "out"),
               "--workers", "2", "--no-html"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True, **popen)
    deadline = time.monotonic() + 60
    while len(workers_of(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    started = workers_of(run.pid)
    time.sleep(1)  # the workers are loading the pipeline or parsing
    return run, started


@pytest.mark.slow
def test_ctrl_c_stops_every_worker_without_a_traceback(tmp_path):
    run, started = running_with_two_workers(
        tmp_path, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as in a terminal
    os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    stderr = run.communicate(timeout=30)[1]
    assert len(started) == 2
    assert run.returncode == 1 and "Aborted!" in stderr and "Traceback" not in stderr
    assert workers_of(run.pid) == []


@pytest.mark.slow
def test_kill_stops_every_worker_without_a_traceback(tmp_path):
    run, started = running_with_two_workers(tmp_path)
    run.terminate()  # SIGTERM to kgbuild alone, as "kill PID" sends it
    stderr = run.communicate(timeout=30)[1]
    assert len(started) == 2 and "Traceback" not in stderr
    left = lambda: subprocess.run(["pgrep", "-a", "-s", str(run.pid)], capture_output=True, text=True).stdout  # noqa: E731
    deadline = time.monotonic() + 10  # multiprocessing's resource tracker leaves last, on its own
    while left() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert left() == ""  # no worker is left behind, orphaned


@pytest.mark.slow
def test_two_workers_and_a_local_cluster_write_the_same_bytes_as_one_process(seeds_out, tmp_path, small_chunks, nlp):
    # last in this file: the cluster leaves threads in this process, and then workers are spawned, not forked
    from distributed import Client, LocalCluster

    forked = (  # a fresh process has no other threads: its workers are forked, as kgbuild run's are
        "from kgbuild.runtime import chunks, local; from kgbuild.pipeline import build; chunks.CHUNK = 2; "
        f"assert local.fork_is_safe(); build([{str(SEEDS)!r}], out={str(tmp_path / 'forked')!r}, workers=2)"
    )
    subprocess.run([sys.executable, "-c", forked], check=True)
    two = build([SEEDS], out=tmp_path / "two", workers=2)
    # started as the README starts workers: ``--preload kgbuild.runtime.cluster`` loads the default pipeline
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      preload=["kgbuild.runtime.cluster"]) as cluster, Client(cluster) as client:
        preloaded = client.run(lambda: sorted(__import__("kgbuild.runtime.cluster").runtime.cluster.LOADED))
        assert list(preloaded.values()) == [["kgbuild-pipeline kgbuild.extract.model.load_pipeline(None)"]] * 2
        # beside the trim threshold Dask's nanny sets for its workers, glibc takes the mmap threshold
        tuned = client.run(lambda: __import__("kgbuild.runtime.cluster").runtime.cluster.keep_large_allocations())
        assert list(tuned.values()) == [True, True]
        on_cluster = build([SEEDS], out=tmp_path / "cluster", scheduler=cluster.scheduler_address)
        # a later run finds the pipeline loaded on the workers
        build([SEEDS], out=tmp_path / "cluster again", scheduler=cluster.scheduler_address)
    for name in OUTPUTS:
        expected = (seeds_out / name).read_bytes()
        for run in ("forked", "two", "cluster", "cluster again"):
            assert (tmp_path / run / name).read_bytes() == expected, (run, name)
    one = json.loads((seeds_out / "report.json").read_text())
    assert two["counts"] == on_cluster["counts"] == one["counts"]
    # the workers encoded the wordings the merge compares first; the merge only the body sentences it needed
    assert one["texts_encoded_by_workers"] == 0
    assert two["texts_encoded_by_workers"] == on_cluster["texts_encoded_by_workers"] > 0
    assert two["texts_encoded_by_workers"] == len(
        {t for e in extract_isolated(ingest([SEEDS])[0], nlp) for t in wordings_encoded_first(e.attributions)})
