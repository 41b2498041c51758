"""Frog is no open door and no orphan: its port cannot be reached from outside its jail, and it
dies with the build that started it, whether the build is interrupted, terminated or killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from kg.jail import jail_command
from kg.nlp.frog import FrogServer
from tests.conftest import SEEDS


def listening_pids() -> set[int]:
    """Processes with a TCP socket listening in this (the host's) network namespace."""
    return {c.pid for c in psutil.net_connections("tcp") if c.status == "LISTEN" and c.pid}


def test_a_jail_can_be_made_here() -> None:
    assert jail_command() is not None, "CI runs as root: unshare must work"


def test_frog_listens_on_no_port_of_this_machine() -> None:
    with FrogServer() as frog:
        assert frog.analyse("Jan Peeters woont in Gent.")  # it works, through the jail
        tree = {p.pid for p in psutil.Process(frog._proc.pid).children(recursive=True)}
        assert any("frog" in psutil.Process(p).name() for p in tree)
        assert not (tree | {frog._proc.pid}) & listening_pids()
        folder = Path(frog._socket_path).parent
        assert folder.stat().st_mode & 0o077 == 0  # only this user opens the socket


def descendants(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


def gone(processes: list[psutil.Process], within: float = 20.0) -> bool:
    _, alive = psutil.wait_procs(processes, timeout=within)
    return not alive


def dutch_folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    dutch = (SEEDS / "001_3125458e71ce769b.txt").read_text(encoding="utf-8")
    for i in range(40):  # enough work that the signal comes in the middle of it
        (news / f"{i}.txt").write_text(f"{dutch}\n\nArtikel {i}.", encoding="utf-8")
    return news


def wait_for_frog(pid: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if any(p.name() == "frog" for p in descendants(pid)):
            return
        time.sleep(0.2)
    pytest.fail("Frog never started")


@pytest.mark.parametrize(
    ("sig", "jobs", "code"),
    [(signal.SIGTERM, "1", 143), (signal.SIGKILL, "1", -9), (signal.SIGKILL, "2", -9),
     (signal.SIGTERM, "2", 143)],
)  # fmt: skip
def test_frog_dies_with_its_build(tmp_path: Path, sig: int, jobs: str, code: int) -> None:
    news, out = dutch_folder(tmp_path), tmp_path / "out"
    kg = [sys.executable, "-c", "from kg.cli import main; main()"]
    proc = subprocess.Popen(
        [*kg, "build", str(news), "-o", str(out), "--jobs", jobs, "--lang", "nl"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    wait_for_frog(proc.pid)
    time.sleep(1)
    tree = descendants(proc.pid)  # every process the build started, Frog's workers too
    os.kill(proc.pid, sig)  # the build alone, as a supervisor or the OOM killer would
    proc.communicate(timeout=60)
    assert proc.returncode == code
    assert gone(tree), [p.cmdline() for p in tree if p.is_running()]
    assert not (out / "graph.ttl").exists()
