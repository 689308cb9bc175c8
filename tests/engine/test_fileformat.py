"""The design file format: staged loading with located errors, atomic saving, the schema."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import fileformat as ff
from engine.catalogue import KINDS
from engine.design import Design
from engine.errors import DesignFormatError

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "python -m engine.fileformat --write-schema"


def valid_doc() -> dict[str, Any]:
    """A small valid document; blocks[3] is the recurrent block."""
    return {
        "format_version": 1,
        "name": "Echo",
        "description": "reads three features, predicts two classes",
        "blocks": [
            {"id": "x", "kind": "input", "name": "X", "params": {"size": 3},
             "ui": {"x": 0, "y": 0}},
            {"id": "e", "kind": "dense", "params": {"size": 8}},
            {"id": "p", "kind": "dropout", "params": {"p": 0.1}, "ui": {"x": 50.5}},
            {"id": "rnn", "kind": "rnn", "params": {"hidden_size": 4}},
            {"id": "y", "kind": "output", "params": {"size": 2}, "ui": {"x": 300, "y": -20}},
        ],
        "wires": [
            {"from": "x.out", "to": "e.input"},
            {"from": "e.out", "to": "p.input"},
            {"from": "p.out", "to": "rnn.input"},
            {"from": "rnn.last", "to": "y.input"},
        ],
    }


def error_of(data: Any) -> str:
    """The message :func:`loads` refuses ``data`` with (a dict is dumped to JSON first)."""
    if isinstance(data, dict | list):
        data = json.dumps(data)
    with pytest.raises(DesignFormatError) as info:
        ff.loads(data)
    return str(info.value)


def edited(path: str, value: Any) -> dict[str, Any]:
    """``valid_doc()`` with the value at a dotted path (``blocks.3.params``) replaced."""
    doc = valid_doc()
    *parents, last = path.split(".")
    target: Any = doc
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return doc


# --- a valid file ------------------------------------------------------------------------


def test_valid_document_loads() -> None:
    design = ff.loads(json.dumps(valid_doc()))
    assert list(design.blocks) == ["x", "e", "p", "rnn", "y"]
    assert design.block("x").name == "X"
    assert design.block("e").name == "e"  # a block without a name is called by its id
    assert design.block("p").x == 50.5 and design.block("p").y == 0.0
    assert [str(w) for w in design.wires][-1] == "rnn.last -> y.input"


def test_params_omitted_take_defaults() -> None:
    design = ff.loads(json.dumps(valid_doc()))
    rnn = design.block("rnn")
    assert rnn.params == {**KINDS["rnn"].defaults(), "hidden_size": 4}
    assert design.block("y").params["activation"] == "softmax"


def test_float_param_written_as_integer_becomes_float() -> None:
    design = ff.loads(json.dumps(edited("blocks.2.params.p", 0)))
    assert design.block("p").params["p"] == 0.0
    assert isinstance(design.block("p").params["p"], float)


def test_byte_order_mark_is_accepted() -> None:
    data = b"\xef\xbb\xbf" + json.dumps(valid_doc()).encode("utf-8")
    assert ff.loads(data).to_json() == ff.loads(json.dumps(valid_doc())).to_json()


# --- stage 1: parse ------------------------------------------------------------------------


def test_invalid_json_names_line_and_column() -> None:
    text = '{"format_version": 1,\n  "blocks": [}\n'
    assert error_of(text) == "line 2 column 14: invalid JSON: Expecting value"


def test_trailing_garbage_is_invalid_json() -> None:
    assert error_of('{"format_version": 1, "blocks": []} x') == (
        "line 1 column 37: invalid JSON: Extra data")


def test_not_utf8_bytes() -> None:
    assert error_of(b'{"name": "caf\xe9"}') == (
        "not UTF-8 text (byte 13 is 0xe9); is this a design file?")


@pytest.mark.parametrize("data", [b"", "", b"  \n\t", "\n"])
def test_empty_file(data: bytes | str) -> None:
    assert error_of(data) == "the file is empty"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused(constant: str) -> None:
    text = json.dumps(valid_doc()).replace('"p": 0.1', f'"p": {constant}')
    assert constant in text
    assert error_of(text) == (
        f"invalid JSON: {constant} is not a number JSON allows")


def test_number_too_large_for_a_float_is_refused_by_range() -> None:
    text = json.dumps(valid_doc()).replace('"p": 0.1', '"p": 1e999')
    assert error_of(text) == "blocks[2].params.p: must be a number between 0 and 0.95, got inf"


def test_integer_too_large_for_a_float_is_refused() -> None:
    # 10**400 has no float; the range check must not overflow while refusing it.
    text = json.dumps(valid_doc()).replace('"p": 0.1', '"p": 1' + "0" * 400)
    assert error_of(text) == (
        "blocks[2].params.p: must be a number between 0 and 0.95, "
        "got an integer of about 401 digits")


@pytest.mark.parametrize("opening", ["[", '{"a": ', '{"format_version": 1, "blocks": ['])
def test_deep_nesting_is_refused_quickly(opening: str) -> None:
    text = opening * 100_000
    start = time.perf_counter()
    assert error_of(text) == "nested too deeply to be a design file"
    assert time.perf_counter() - start < 1.0


def test_text_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ff, "MAX_FILE_BYTES", 100)
    data = json.dumps(valid_doc()).encode("utf-8")
    assert error_of(data) == (
        f"the file is {len(data):,} bytes; a design file is at most 100 bytes (0 MB)")


# --- stage 2: migrate ----------------------------------------------------------------------


def test_newer_format_version() -> None:
    assert error_of(edited("format_version", 9)) == (
        "format_version 9 is newer than this program understands (1); "
        "update Recurrente to open it")


def test_missing_format_version() -> None:
    doc = valid_doc()
    del doc["format_version"]
    assert error_of(doc) == (
        "format_version: missing key; a design file starts with its format_version")


@pytest.mark.parametrize(("value", "shown"), [("1", "'1'"), (0, "0"), (1.0, "1.0"),
                                              (True, "true"), (None, "null")])
def test_format_version_of_wrong_type(value: Any, shown: str) -> None:
    assert error_of(edited("format_version", value)) == (
        f"format_version: must be a positive integer, got {shown}")


@pytest.mark.parametrize(("value", "kind"), [([], "a list"), ("design", "a string"),
                                             (3, "a number"), (None, "null")])
def test_document_not_an_object(value: Any, kind: str) -> None:
    assert error_of(json.dumps(value)) == f"a design is a JSON object, got {kind}"


def test_older_format_version_is_migrated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the current version is 2 and version 1 called blocks 'nodes'."""

    def from_1(doc: dict[str, Any]) -> dict[str, Any]:
        return {**doc, "blocks": doc["nodes"], "nodes": None}

    monkeypatch.setattr(ff, "FORMAT_VERSION", 2)
    monkeypatch.setitem(ff.MIGRATIONS, 1, from_1)
    migrated = ff.migrate({"format_version": 1, "nodes": []})
    assert migrated == {"format_version": 2, "blocks": [], "nodes": None}
    assert error_of(edited("format_version", 3)) == (
        "format_version 3 is newer than this program understands (2); "
        "update Recurrente to open it")


# --- stage 3: check ------------------------------------------------------------------------


def test_hidden_size_out_of_range() -> None:
    assert error_of(edited("blocks.3.params.hidden_size", -4)) == (
        "blocks[3].params.hidden_size: must be an integer between 1 and 16384, got -4")


def test_unknown_top_level_key() -> None:
    assert error_of(edited("colour", "red")) == (
        "colour: unknown key (allowed here: blocks, description, format_version, name, training, "
            "wires)")


def test_unknown_block_key() -> None:
    assert error_of(edited("blocks.1.colour", "red")) == (
        "blocks[1].colour: unknown key (allowed here: id, kind, name, params, ui)")


def test_unknown_param_key() -> None:
    assert error_of(edited("blocks.3.params.units", 4)) == (
        "blocks[3].params.units: unknown parameter of 'rnn' blocks (known: hidden_size, "
        "num_layers, nonlinearity, dropout, weight_drop, bidirectional, join)")


def test_unknown_ui_key() -> None:
    assert error_of(edited("blocks.0.ui.z", 1)) == (
        "blocks[0].ui.z: unknown key (allowed here: x, y)")


def test_unknown_wire_key() -> None:
    assert error_of(edited("wires.0.label", "a")) == (
        "wires[0].label: unknown key (allowed here: from, to)")


def test_unknown_kind() -> None:
    known = ", ".join(sorted(KINDS))
    assert error_of(edited("blocks.1.kind", "transformer")) == (
        f"blocks[1].kind: unknown block kind 'transformer' (known: {known})")


@pytest.mark.parametrize(("path", "value", "message"), [
    ("blocks", {"x": 1}, "blocks: must be a list, got an object"),
    ("blocks.0", ["x", "input"], "blocks[0]: must be an object, got a list"),
    ("blocks.4", "y", "blocks[4]: must be an object, got a string"),
    ("name", 3, "name: must be a string, got 3"),
    ("description", None, "description: must be a string, got null"),
    ("blocks.0.name", False, "blocks[0].name: must be a string, got false"),
    ("blocks.0.id", 7, "blocks[0].id: must be a string of letters, digits and '_' not "
                       "starting with a digit (at most 64), got 7"),
    ("blocks.0.id", "2x", "blocks[0].id: must be a string of letters, digits and '_' not "
                          "starting with a digit (at most 64), got '2x'"),
    ("blocks.0.id", "x\n", "blocks[0].id: must be a string of letters, digits and '_' not "
                           "starting with a digit (at most 64), got 'x\\n'"),
    ("blocks.0.kind", 1, "blocks[0].kind: unknown block kind 1 (known: "
                         + ", ".join(sorted(KINDS)) + ")"),
    ("blocks.0.params", [3], "blocks[0].params: must be an object, got a list"),
    ("blocks.0.params.size", "3", "blocks[0].params.size: must be an integer between 1 and "
                                  "100000, got '3'"),
    ("blocks.0.params.size", 3.0, "blocks[0].params.size: must be an integer between 1 and "
                                  "100000, got 3.0"),
    ("blocks.0.params.mode", "both", "blocks[0].params.mode: must be one of 'sequence', "
                                     "'element', got 'both'"),
    ("blocks.3.params.bidirectional", 1, "blocks[3].params.bidirectional: must be true or "
                                         "false, got 1"),
    ("blocks.0.ui", 5, "blocks[0].ui: must be an object, got a number"),
    ("blocks.0.ui.x", "12", "blocks[0].ui.x: must be a number between -1e7 and 1e7, "
                            "got '12'"),
    ("blocks.0.ui.y", 2e7, "blocks[0].ui.y: must be a number between -1e7 and 1e7, "
                           "got 20000000.0"),
    ("blocks.0.ui.y", True, "blocks[0].ui.y: must be a number between -1e7 and 1e7, "
                            "got true"),
    ("wires", "x.out -> e.input", "wires: must be a list, got a string"),
    ("wires.0", ["x.out", "e.input"], "wires[0]: must be an object, got a list"),
    ("wires.0.from", "x", "wires[0].from: expected 'block.port', got 'x'"),
    ("wires.0.from", ".out", "wires[0].from: expected 'block.port', got '.out'"),
    ("wires.0.to", 5, "wires[0].to: must be a string 'block.port', got 5"),
])
def test_wrong_types_are_located(path: str, value: Any, message: str) -> None:
    assert error_of(edited(path, value)) == message


@pytest.mark.parametrize(("path", "message"), [
    ("blocks", "blocks: missing key"),
    ("blocks.0.id", "blocks[0].id: missing key"),
    ("blocks.2.kind", "blocks[2].kind: missing key"),
    ("wires.1.to", "wires[1].to: missing key"),
])
def test_missing_keys_are_located(path: str, message: str) -> None:
    doc = valid_doc()
    *parents, last = path.split(".")
    target: Any = doc
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    del target[last]
    assert error_of(doc) == message


def test_text_over_the_length_limit() -> None:
    assert error_of(edited("blocks.1.name", "n" * (ff.MAX_TEXT + 1))) == (
        f"blocks[1].name: longer than {ff.MAX_TEXT} characters")


def test_too_many_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ff, "MAX_BLOCKS", 4)
    assert error_of(valid_doc()) == "blocks: 5 blocks; at most 4"


def test_hidden_size_of_a_billion_is_refused() -> None:
    assert error_of(edited("blocks.3.params.hidden_size", 10**9)) == (
        "blocks[3].params.hidden_size: must be an integer between 1 and 16384, "
        "got 1000000000")


def test_loading_never_imports_torch() -> None:
    """Nothing is allocated while loading: the loader does not even import torch."""
    good = json.dumps(valid_doc())
    huge = json.dumps(edited("blocks.3.params.hidden_size", 10**9))
    script = (
        "import sys\n"
        "from engine.errors import DesignFormatError\n"
        "from engine.fileformat import loads\n"
        f"loads({good!r})\n"
        "try:\n"
        f"    loads({huge!r})\n"
        "except DesignFormatError as exc:\n"
        "    print(exc)\n"
        "print('torch' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "blocks[3].params.hidden_size: must be an integer between 1 and 16384, got 1000000000",
        "False",
    ]


# --- stage 4: build ------------------------------------------------------------------------


def test_duplicate_block_ids() -> None:
    assert error_of(edited("blocks.1.id", "x")) == "blocks[1].id: duplicate block id 'x'"


def test_wire_to_a_missing_block() -> None:
    assert error_of(edited("wires.0.to", "ghost.input")) == (
        "wires[0]: ghost.input: there is no block 'ghost'")


def test_wire_to_a_missing_port() -> None:
    assert error_of(edited("wires.2.to", "rnn.nope")) == (
        "wires[2]: rnn.nope: block 'rnn' has no port 'nope' "
        "(its ports: input, initial_state, sequence, last, state)")


def test_wire_from_an_input_port() -> None:
    assert error_of(edited("wires.3.from", "rnn.input")) == (
        "wires[3]: rnn.input is not an output port")


def test_wire_into_an_output_port() -> None:
    assert error_of(edited("wires.3.to", "y.out")) == "wires[3]: y.out is not an input port"


def test_duplicate_wire() -> None:
    doc = valid_doc()
    doc["wires"].append({"from": "x.out", "to": "e.input"})
    assert error_of(doc) == "wires[4]: x.out is already wired to e.input"


# --- any input: a DesignFormatError or a design, nothing else --------------------------------

KEYS = [*sorted(ff._TOP_KEYS | ff._BLOCK_KEYS | ff._WIRE_KEYS), "size", "hidden_size", "p"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=8) | st.sampled_from(["x.out", "rnn.input", "rnn", "input", "1x"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS), inner, max_size=4),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_mutated_document_loads_or_is_refused_with_a_located_error(data: st.DataObject
                                                                     ) -> None:
    doc = valid_doc()
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths))
        target: Any = doc
        for key in path[:-1]:
            target = target[key]
        if data.draw(st.booleans()):
            target[path[-1]] = data.draw(json_values)
        elif isinstance(target, dict):
            del target[path[-1]]
        else:
            target.pop(path[-1])
    try:
        design = ff.loads(json.dumps(doc))
    except DesignFormatError as exc:
        assert str(exc)
    else:
        assert ff.loads(ff.dumps(design)).to_json() == design.to_json()


# --- load and save -------------------------------------------------------------------------


def sample_design() -> Design:
    return ff.loads(json.dumps(valid_doc()))


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    design = sample_design()
    design.rename("Écho — «ünïcode»")
    target = tmp_path / "echo.rnn.json"
    ff.save(design, target)
    assert ff.load(target).to_json() == design.to_json()
    assert "Écho" in target.read_text(encoding="utf-8")  # readable, not \u-escaped
    assert ff.load(str(target)).to_json() == design.to_json()


def test_round_trip_of_a_lone_surrogate(tmp_path: Path) -> None:
    # A "\ud800" escape is valid JSON; saving what was loaded must not fail to encode.
    text = json.dumps(edited("name", "half \ud800 pair"))
    design = ff.loads(text)
    target = tmp_path / "d.json"
    ff.save(design, target)
    assert ff.load(target).name == "half \ud800 pair"


def test_dumps_is_what_to_json_says() -> None:
    design = sample_design()
    assert json.loads(ff.dumps(design)) == design.to_json()
    assert ff.dumps(design).endswith("}\n")


def test_load_names_the_file_in_a_format_error(tmp_path: Path) -> None:
    target = tmp_path / "bad.json"
    target.write_text(json.dumps(edited("blocks.3.params.hidden_size", -4)), encoding="utf-8")
    with pytest.raises(DesignFormatError) as info:
        ff.load(target)
    assert str(info.value) == (
        f"{target}: blocks[3].params.hidden_size: must be an integer between 1 and 16384, "
        "got -4")
    assert info.value.source == str(target)
    assert info.value.location == "blocks[3].params.hidden_size"


def test_load_of_invalid_json_names_file_and_position(tmp_path: Path) -> None:
    target = tmp_path / "bad.json"
    target.write_bytes(b'{"format_version": 1,\n  "blocks": [}\n')
    with pytest.raises(DesignFormatError) as info:
        ff.load(target)
    assert str(info.value) == f"{target}: line 2 column 14: invalid JSON: Expecting value"


def test_load_of_a_missing_file(tmp_path: Path) -> None:
    target = tmp_path / "nowhere.json"
    with pytest.raises(DesignFormatError) as info:
        ff.load(target)
    assert info.value.source == str(target)
    assert str(info.value).startswith(f"{target}: ")
    assert info.value.message  # the system's words, e.g. "No such file or directory"


def test_load_of_a_directory(tmp_path: Path) -> None:
    with pytest.raises(DesignFormatError) as info:
        ff.load(tmp_path)
    assert info.value.source == str(tmp_path)


def test_load_of_a_file_over_the_size_limit(tmp_path: Path) -> None:
    target = tmp_path / "huge.json"
    with target.open("wb") as handle:
        handle.truncate(ff.MAX_FILE_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(DesignFormatError) as info:
        ff.load(target)
    assert str(info.value) == (
        f"{target}: the file is 16,777,217 bytes; a design file is at most "
        "16,777,216 bytes (16 MB)")


def test_save_writes_through_a_temp_file_in_the_same_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    replaced: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        replaced.append((Path(src), Path(dst)))
        assert json.loads(Path(src).read_text(encoding="utf-8"))["name"] == "Echo"
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    target = tmp_path / "echo.json"
    ff.save(sample_design(), target)
    [(src, dst)] = replaced
    assert dst == target
    assert src.parent == target.parent and src != target
    assert not src.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echo.json"]


def test_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    target = tmp_path / "echo.json"
    target.write_text("old contents", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        ff.save(sample_design(), target)
    assert target.read_text(encoding="utf-8") == "old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echo.json"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "shared.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o640)
    ff.save(sample_design(), target)
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.json"
    ff.save(sample_design(), fresh)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~ff._UMASK  # as open() would make it


# --- the JSON Schema -----------------------------------------------------------------------


def test_schema_file_is_current() -> None:
    on_disk = ff.SCHEMA_PATH.read_text(encoding="utf-8") if ff.SCHEMA_PATH.exists() else ""
    assert on_disk == ff.schema_text(), (
        f"{ff.SCHEMA_PATH.name} differs from the catalogue; regenerate it with `{REGENERATE}`")


def test_write_schema_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "design.schema.json"
    monkeypatch.setattr(ff, "SCHEMA_PATH", target)
    assert ff.main(["--write-schema"]) == 0
    assert target.read_text(encoding="utf-8") == ff.schema_text()
    assert ff.main(["--write-schema"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"wrote {target}", f"unchanged: {target}"]
    assert ff.main([]) == 2


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(ff.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def every_kind_design() -> Design:
    design = Design("All kinds", "one block of every kind")
    for i, kind in enumerate(KINDS):
        design.add_block(kind, x=40.0 * i, y=-10)
    design.add_wire("input.out", "lstm.input")
    design.add_wire("lstm.state", "gru.initial_state")
    design.set_param("dropout", "p", 0.5)
    return design


def test_designs_validate_against_the_schema(validator: Any) -> None:
    for design in (sample_design(), every_kind_design(), Design()):
        errors = [e.message for e in validator.iter_errors(design.to_json())]
        assert errors == []
    assert validator.is_valid(valid_doc())  # params and ui may be omitted


@pytest.mark.parametrize(("path", "value"), [
    ("colour", "red"),                          # unknown key at the top
    ("blocks.1.colour", "red"),                 # unknown key in a block
    ("blocks.3.params.units", 4),               # unknown parameter
    ("blocks.0.ui.z", 0),                       # unknown ui key
    ("name", 3),                                # wrong type
    ("blocks", {}),                             # wrong type
    ("blocks.0.ui.x", "12"),                    # wrong type
    ("blocks.3.params.bidirectional", "yes"),   # wrong type
    ("blocks.3.params.hidden_size", -4),        # out of range
    ("blocks.3.params.hidden_size", 0),         # out of range
    ("blocks.3.params.hidden_size", 16385),     # out of range
    ("blocks.3.params.hidden_size", 10**9),     # out of range
    ("blocks.2.params.p", 0.99),                # out of range
    ("blocks.0.ui.y", -2e7),                    # out of range
    ("blocks.1.kind", "transformer"),           # unknown kind
    ("blocks.0.id", "2x"),                      # bad id
    ("blocks.0.id", "x\n"),                     # bad id ($ must not match before "\n")
    ("wires.0.from", "x"),                      # not block.port
    ("format_version", 9),                      # too new
])
def test_invalid_documents_are_refused_by_schema_and_loader(
        validator: Any, path: str, value: Any) -> None:
    doc = edited(path, value)
    assert not validator.is_valid(doc)
    with pytest.raises(DesignFormatError):
        ff.loads(json.dumps(doc))


def test_missing_required_keys_are_refused_by_schema_and_loader(validator: Any) -> None:
    for key in ("format_version", "blocks"):
        doc = copy.deepcopy(valid_doc())
        del doc[key]
        assert not validator.is_valid(doc)
        with pytest.raises(DesignFormatError):
            ff.loads(json.dumps(doc))
