"""Hostile and broken design files: refused quickly with a located message, never a crash.

The fuzz test feeds the loader arbitrary JSON values, mutated valid designs and arbitrary
bytes; the only outcome allowed besides success is :class:`DesignFormatError`. A loaded
design must then analyse without an exception and compile or be refused with
:class:`DesignInvalidError`, never allocating what the file asks for beyond the limits.
``RECURRENTE_FUZZ_CASES`` sets the number of cases (500 by default;
``tests/benchmarks/fuzz_loader.py`` runs 10,000).
"""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.compiler import compile_design
from engine.errors import DesignFormatError, DesignInvalidError
from engine.examples import example_path, list_examples
from engine.fileformat import MAX_FILE_BYTES, load, loads
from engine.validation import analyze

CASES = int(os.environ.get("RECURRENTE_FUZZ_CASES", "500"))
EXAMPLES = [json.loads(example_path(n).read_text(encoding="utf-8")) for n in list_examples()]
NAMES = ["format_version", "name", "blocks", "wires", "training", "id", "kind", "params",
         "ui", "x", "y", "from", "to", "hidden_size", "num_layers", "size", "mode",
         "vocab_size", "activation", "epochs", "learning_rate", "data", "options"]
ODD = st.sampled_from([
    -1, 0, 1, 10**9, -(10**18), 2**63, 10**400, 1e308, -0.0, 0.5, True, False, None, "",
    "x" * 300, "\x00\x07\n", "rnn.input", "ghost.out", "ñandú 🐍", "\u202e", "lstm", [], {},
    [1, [2, [3]]], {"a": {"b": {}}}])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
    | ODD,
    lambda inner: st.lists(inner, max_size=5)
    | st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=6), inner, max_size=5),
    max_leaves=30)


def _outcome(data: str | bytes) -> str:
    """Load, analyse and compile; any exception other than ours fails the test."""
    try:
        design = loads(data)
    except DesignFormatError as exc:
        assert str(exc)  # a message, located by construction
        return "refused"
    analysis = analyze(design)
    if analysis.ok:
        try:
            compile_design(design, analysis)
        except DesignInvalidError:
            return "invalid"
        return "compiled"
    return "invalid"


def _paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            found += _paths(value, (*prefix, i))
    return found


@st.composite
def mutated_designs(draw: st.DrawFn) -> str:
    doc = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(doc) if p]
        path = draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["delete", "replace", "duplicate", "rename"]))
        last = path[-1]
        if action == "delete":
            del parent[last]
        elif action == "replace":
            parent[last] = copy.deepcopy(draw(JSON))  # sampled values are shared objects
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(NAMES))] = parent.pop(last)
    return json.dumps(doc, ensure_ascii=draw(st.booleans()))


CASE = st.one_of(
    JSON.map(json.dumps),
    mutated_designs(),
    st.binary(max_size=200),
    st.text(max_size=200),
)


@settings(max_examples=CASES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=CASE)
def test_any_input_loads_or_is_refused_with_a_located_error(case: str | bytes) -> None:
    assert _outcome(case) in ("refused", "invalid", "compiled")


def test_absurd_sizes_are_refused_before_allocation() -> None:
    doc = copy.deepcopy(EXAMPLES[0])
    doc["blocks"][1]["params"]["hidden_size"] = 10**9
    with pytest.raises(DesignFormatError, match=r"blocks\[1\]\.params\.hidden_size"):
        loads(json.dumps(doc))


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"   \n\t ", "the file is empty"),
    (b"\xff\xfe\x00{", "not UTF-8 text"),
    ("é".encode("latin-1"), "not UTF-8 text"),
    (b"[" * 100_000, "nested too deeply"),
    (b'{"a":' * 100_000, "nested too deeply"),
    (b"\x00" * 1000, "invalid JSON"),
], ids=["empty", "blank", "utf16", "latin1", "deep-lists", "deep-objects", "nul-bytes"])
def test_files_that_are_not_designs_are_refused_quickly(tmp_path: Path, data: bytes,
                                                         message: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_bytes(data)
    start = time.perf_counter()
    with pytest.raises(DesignFormatError, match=message) as info:
        load(path)
    assert time.perf_counter() - start < 1.0
    assert str(path) in str(info.value)


def test_a_200_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: no 200 MB written to the disk
    start = time.perf_counter()
    with pytest.raises(DesignFormatError, match="a design file is at most"):
        load(path)
    assert time.perf_counter() - start < 1.0
    assert MAX_FILE_BYTES < 200 * 2**20


WRITER = """
import sys
from engine.examples import load_example
from engine.fileformat import save
a, b = load_example("translation"), load_example("sentiment")
print("ready", flush=True)
while True:
    save(a, sys.argv[1])
    save(b, sys.argv[1])
"""


def test_killing_a_writer_mid_save_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    """SIGKILL a process that saves two designs in turn, many times: never a torn file."""
    target = tmp_path / "design.json"
    expected = {json.dumps(json.loads(example_path(n).read_text()), sort_keys=True)
                for n in ("translation", "sentiment")}
    kills = 0
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for i in range(25):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)],
                                stdout=subprocess.PIPE, env=env)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(0.01 + (i % 7) * 0.013)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        kills += 1
        if target.exists():
            doc = load(target).to_json()
            assert json.dumps(doc, sort_keys=True) in expected
    assert kills == 25
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "design.json"]
    # a killed writer may leave its temporary file behind, never a damaged target
    assert all(name.startswith(".design.json.") for name in leftovers)
