"""A `make run` suite for the benchmarks: start it (infra/run.sh), find every process of it, and
add up their memory (PSS where the kernel reports it, else RSS).

    python bench/suite.py [--keep]      start the suite, print its memory, stop it (unless --keep)

KAFKA_LIBS=<jar cache> reuses another checkout's Kafka jars; the rest of the environment goes
to infra/run.sh as `make run` would pass it (LMS_PROCFILE=infra/Procfile: every kind apart).

The suite's processes are run.sh's descendants (honcho, every web master and worker, the
service workers) and the Kafka broker run.sh started (its command line names the suite's run
directory). PSS splits shared pages between the processes that share them, so the total is
what the suite really costs the machine; RSS counts shared libraries once per process.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load import REPO, table

MIB = 1024 * 1024


@dataclass(frozen=True)
class Footprint:
    pid: int
    name: str
    rss: int
    pss: int | None
    cpu_s: float | None = None  # user + system time since the process started


def start(run_dir: Path, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """infra/run.sh in a session of its own, until the gateway answers and the courses are in."""
    run_dir.mkdir(parents=True, exist_ok=True)
    environ = {**os.environ, "LMS_RUN_DIR": str(run_dir), "KAFKA_DIR": str(run_dir / "kafka"), **(env or {})}
    environ.pop("KAFKA_BOOTSTRAP_SERVERS", None)  # the suite's own broker, as `make run` starts it
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(REPO / "infra/run.sh")],
            env=environ,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_line(log, "questioning-skills: course", timeout_s=900)  # ready, courses imported
    except BaseException:
        stop(process)
        raise
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C to the suite, as a user stops `make run` (run.sh then stops the broker it started)."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def footprints(root: int, run_dir: Path) -> list[Footprint]:
    """Every process under `root`, and the broker whose command line names `run_dir`."""
    table_ = _process_table()
    pids = _descendants(root, table_) | {
        pid for pid, (_, args) in table_.items() if _is_broker(args, run_dir)
    }
    found = [_footprint(pid, table_[pid][1]) for pid in sorted(pids)]
    return [f for f in found if f is not None]


def report(found: list[Footprint]) -> str:
    rows = [("process", "RSS MiB", "PSS MiB", "CPU s")]
    rows += [
        (
            f.name,
            f"{f.rss / MIB:.0f}",
            f"{f.pss / MIB:.0f}" if f.pss is not None else "-",
            f"{f.cpu_s:.1f}" if f.cpu_s is not None else "-",
        )
        for f in found
    ]
    total_rss = sum(f.rss for f in found)
    total_pss = sum(f.pss if f.pss is not None else f.rss for f in found)
    total_cpu = sum(f.cpu_s or 0.0 for f in found)
    rows.append(
        (
            f"total: {len(found)} processes",
            f"{total_rss / MIB:,.0f}",
            f"{total_pss / MIB:,.0f}",
            f"{total_cpu:,.1f}",
        )
    )
    return table(rows)


def total_pss(found: list[Footprint]) -> int:
    return sum(f.pss if f.pss is not None else f.rss for f in found)


def _process_table() -> dict[int, tuple[int, list[str]]]:
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            args = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except (OSError, IndexError, ValueError):
            continue
        found[int(entry.name)] = (ppid, [a for a in args if a])
    return found


def _descendants(root: int, processes: dict[int, tuple[int, list[str]]]) -> set[int]:
    found, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, (ppid, _) in processes.items() if ppid == parent and pid not in found]
        found.update(children)
        frontier.extend(children)
    return {pid for pid in found if pid in processes}


def _is_broker(args: list[str], run_dir: Path) -> bool:
    return "kafka.Kafka" in args and any(str(run_dir) in arg for arg in args)


def _footprint(pid: int, args: list[str]) -> Footprint | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rss = int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]) * 1024
    except (OSError, StopIteration):
        return None  # gone, or a kernel thread
    pss = None
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        pss = int(next(line for line in rollup.splitlines() if line.startswith("Pss:")).split()[1]) * 1024
    except (OSError, StopIteration):
        pass
    return Footprint(pid, _name(args), rss, pss, _cpu_seconds(pid))


def _cpu_seconds(pid: int) -> float | None:
    """utime + stime of the process (fields 14 and 15 of /proc/PID/stat, in clock ticks)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _name(args: list[str]) -> str:
    if "kafka.Kafka" in args:
        return "kafka broker"
    if "-m" in args and args.index("-m") + 1 < len(args):
        module = args[args.index("-m") + 1]
        return " ".join([module, *args[args.index("-m") + 2 :][:1]])
    return " ".join(Path(a).name if n == 0 else a for n, a in enumerate(args[:3]))[:60]


def _wait_for_line(log: Path, text: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if "course import failed" in log.read_text(errors="replace"):
            raise RuntimeError(f"the suite's course import failed: see {log}")
        if text in log.read_text(errors="replace"):
            return
        time.sleep(0.5)
    raise TimeoutError(f"{text!r} never appeared in {log}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", action="store_true", help="leave the suite running")
    parser.add_argument("--suite-pid", type=int, help="measure this running suite (run.sh's pid) instead")
    args = parser.parse_args()
    run_dir = REPO / ".run/bench-suite"
    if args.suite_pid:
        print(report(footprints(args.suite_pid, run_dir)))
        return
    process = start(run_dir, run_dir / "suite.log")
    try:
        time.sleep(10)  # let the first events settle before measuring
        print(report(footprints(process.pid, run_dir)))
    finally:
        if not args.keep:
            stop(process)


if __name__ == "__main__":
    main()
