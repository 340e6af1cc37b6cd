"""The learner app's weight and time to first render, against a bare static page in the same run.

    python bench/learner_web.py [--rounds 7]

Builds examples/learner-web (Vite, production) into a scratch folder and prints:
  - what the first page load downloads, raw and gzip (index.html, the entry script, the styles),
    and the chunk loaded only for OpenID Connect sign-in;
  - in headless Chromium, each round in a fresh context (nothing cached), the median time from
    navigation start to the first contentful paint and to the first view (the sign-in page; the
    app marks it `lms:first-view`, after its script, styles and config.json have loaded), beside
    the same for a bare page with one heading (its first view is its first paint), served by the
    same local server. The ratio is app / bare.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from load import REPO, table

BARE = '<!doctype html><html lang="en"><title>Bare</title><main data-state="ready"><h1>Bare</h1></main>'


def build(out: Path) -> None:
    if not (REPO / "node_modules" / ".installed").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=REPO, check=True)
        (REPO / "node_modules" / ".installed").touch()
    command = ["npm", "run", "build", "--silent", "--workspace", "@lms/learner-web"]
    env = {**os.environ, "LMS_LEARN_OUT": str(out)}
    subprocess.run(command, cwd=REPO, check=True, env=env, capture_output=True)


def weights(dist: Path) -> list[tuple[str, ...]]:
    html = (dist / "index.html").read_text()
    rows, first_raw, first_gzip = [], 0, 0
    for path in sorted([dist / "index.html", *(dist / "assets").iterdir()]):
        data = path.read_bytes()
        packed = len(gzip.compress(data, 9))
        on_first_load = path.name == "index.html" or f"assets/{path.name}" in html
        if on_first_load:
            first_raw, first_gzip = first_raw + len(data), first_gzip + packed
        when = "first load" if on_first_load else "on demand"
        rows.append((path.name, when, f"{len(data) / 1024:.1f} KiB", f"{packed / 1024:.1f} KiB"))
    rows.append(("total on first load", "", f"{first_raw / 1024:.1f} KiB", f"{first_gzip / 1024:.1f} KiB"))
    return rows


@contextlib.contextmanager
def serving(root: Path):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(root / "learn")
        (root / "learn" / "config.json").write_text(json.dumps({"oidc": None}))
        (root / "bare.html").write_text(BARE)
        print(table([("file", "loaded", "raw", "gzip"), *weights(root / "learn")]))
        with serving(root) as url:
            env = {**os.environ, "CHROMIUM": shutil.which("chromium") or "/usr/bin/chromium"}
            command = [
                "node",
                str(REPO / "bench" / "learner_web.mjs"),
                f"{url}/learn/",
                f"{url}/bare.html",
                str(args.rounds),
            ]
            done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=True)
    results = json.loads(done.stdout.strip().splitlines()[-1])
    rows = [("page", "first contentful paint (median)", "view drawn (median)")]
    medians = {}
    for name in ("bare", "app"):
        fcp = statistics.median(r["fcp"] for r in results[name] if r["fcp"] is not None)
        drawn = statistics.median(r["drawn"] for r in results[name])
        medians[name] = (fcp, drawn)
        rows.append((name, f"{fcp:.0f} ms", f"{drawn:.0f} ms"))
    ratio_fcp, ratio_drawn = (medians["app"][i] / medians["bare"][i] for i in (0, 1))
    rows.append(("app / bare", f"{ratio_fcp:.2f}", f"{ratio_drawn:.2f}"))
    print(table(rows))
    print(f"{args.rounds} rounds; each page load in a fresh browser context (nothing cached)")


if __name__ == "__main__":
    main()
