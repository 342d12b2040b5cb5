"""`make bench`: run every benchmark module in this folder and print its report.

Each module ``bench/<name>.py`` defines ``run(args) -> str`` (a Markdown
report). Timings are medians of repeated runs with ratios against a baseline
measured in the same process, since machines here are noisy. Select modules
with ``python -m bench NAME...``.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time
from pathlib import Path


def modules() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench")
    p.add_argument("names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(modules())})")
    p.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = p.parse_args(argv)
    names = args.names or modules()
    for name in names:
        mod = importlib.import_module(f"bench.{name}")
        start = time.perf_counter()
        print(f"## {name}\n")
        print(mod.run(args))
        print(f"\n_({name}: {time.perf_counter() - start:.0f} s)_\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
