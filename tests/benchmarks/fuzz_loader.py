"""The long run of the loader fuzz test: 10,000 hostile inputs (default 500 in the suite).

Run: ``python tests/benchmarks/fuzz_loader.py [CASES]``; prints the count and the time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    cases = sys.argv[1] if len(sys.argv) > 1 else "10000"
    env = {**os.environ, "RECURRENTE_FUZZ_CASES": cases}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/engine/test_hostile_files.py::"
         "test_any_input_loads_or_is_refused_with_a_located_error"],
        cwd=ROOT, env=env)
    seconds = time.perf_counter() - start
    verdict = "passed" if result.returncode == 0 else "FAILED"
    print(f"loader fuzz: {cases} cases {verdict} in {seconds:.0f} s")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
