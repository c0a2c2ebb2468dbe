"""What a build started by the dashboard costs, against the command line's on the same folder.

`python -m benchmarks.dashboard_build DIR [--runs N]` measures, each in fresh child processes with a fresh
build cache, the CPU seconds (user + system, every descendant included) and wall seconds of:
- the command line: `python -m loaders DIR`;
- the dashboard: its first run in AppTest on DIR, which builds the folder, minus a second such run on the
  cache that build left (loading, imports and drawing), so that only the build is compared.
It prints the medians and the dashboard build's CPU as a share of the command line's (target: within 10%).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_RUN = ("import sys; from streamlit.testing.v1 import AppTest; "
           "at = AppTest.from_file(sys.argv[1], default_timeout=900); at.run(); "
           "sys.exit(1 if at.exception else 0)")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds of `command` and every process it started, wall seconds); raises if it fails."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _children_cpu() - cpu, time.perf_counter() - start


def one_round(folder: str) -> dict[str, float]:
    """The command line's and the dashboard's build, each into its own fresh cache."""
    with tempfile.TemporaryDirectory() as cli_cache, tempfile.TemporaryDirectory() as app_cache:
        cli = timed([sys.executable, "-m", "loaders", folder],
                    dict(os.environ, DASHBOARD_CACHE_DIR=cli_cache))
        app_env = dict(os.environ, DASHBOARD_CACHE_DIR=app_cache, DASHBOARD_DATA=folder)
        app = [sys.executable, "-c", APP_RUN, str(ROOT / "dashboard.py")]
        cold = timed(app, app_env)
        warm = timed(app, app_env)
    return {"cli_cpu": cli[0], "cli_wall": cli[1], "app_cpu": cold[0] - warm[0], "app_wall": cold[1] - warm[1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dashboard_build", description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="a folder of article files (e.g. written by benchmarks.corpus)")
    parser.add_argument("--runs", type=int, default=3, help="rounds to take the median of (default 3)")
    args = parser.parse_args(argv)
    rounds = [one_round(str(args.dir.resolve())) for _ in range(args.runs)]
    median = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    print(f"{'build of ' + str(args.dir):<40} {'CPU s':>8} {'wall s':>8}")
    print(f"{'python -m loaders':<40} {median['cli_cpu']:>8.2f} {median['cli_wall']:>8.2f}")
    print(f"{'dashboard (first run minus a warm run)':<40} {median['app_cpu']:>8.2f} {median['app_wall']:>8.2f}")
    print(f"dashboard build CPU = {median['app_cpu'] / median['cli_cpu']:.2f}× the command line's (target ≤ 1.10×), "
          f"median of {args.runs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
