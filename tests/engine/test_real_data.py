"""The real-data examples: their corpora load as documented and each example trains.

The corpora are not in the repository. They are looked for in ``$RECURRENTE_DATA`` (its
first folder), else in ``../shared/data`` beside the repository; a test whose corpus is
absent is skipped. What needs no corpus (how a missing file is reported, patterns of
several files) always runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import torch

from engine.data.base import ExampleList, SequenceData, collate
from engine.data.files import DataFileError, load_data_file, read_parallel_text
from engine.data.load import DATA_ROOTS_VARIABLE, load_data, resolve_data_path
from engine.examples import load_example
from engine.training.fit import Binding
from engine.training.losses import compute_loss
from engine.training.settings import DataSettings
from engine.training.trainer import Trainer

REPO = Path(__file__).resolve().parents[2]
ROOT = Path(os.environ.get(DATA_ROOTS_VARIABLE, "").split(os.pathsep)[0]
            or REPO.parent / "shared" / "data")
CORPORA = {
    "jsb_chorales": ROOT / "jsb_chorales" / "jsb-chorales-quarter.json",
    "reviews": ROOT / "sentiment" / "imdb_labelled.txt",
    "tatoeba": ROOT / "translation" / "spa-eng-first30000.txt",
}


@pytest.fixture
def data_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the examples' relative data paths at the corpora folder."""
    monkeypatch.setenv(DATA_ROOTS_VARIABLE, str(ROOT))
    return ROOT


def corpus(example: str) -> DataSettings:
    """The example's data settings; skips the test when its corpus is not here."""
    if not CORPORA[example].is_file():
        pytest.skip(f"{CORPORA[example]} is not here (set {DATA_ROOTS_VARIABLE})")
    settings = load_example(example).training.data
    assert settings is not None and settings.source == "file"
    return settings


def subsample(data: SequenceData, train: int, valid: int, test: int) -> SequenceData:
    return SequenceData(data.spec, ExampleList(data.train.examples[:train]),
                        ExampleList(data.valid.examples[:valid]),
                        ExampleList(data.test.examples[:test]))


# --- no corpus needed ------------------------------------------------------------------------


@pytest.mark.parametrize("example", sorted(CORPORA))
def test_a_missing_corpus_is_a_located_error_saying_where_it_looked(
        example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DATA_ROOTS_VARIABLE, str(tmp_path / "corpora"))
    settings = load_example(example).training.data
    assert settings is not None and not Path(settings.path).is_absolute()
    with pytest.raises(DataFileError) as info:
        load_data(settings)
    message = str(info.value)
    assert message.startswith(f"{settings.path}: no ")
    assert str(tmp_path / "corpora") in message and DATA_ROOTS_VARIABLE in message


def test_piano_roll_nll_sums_the_keys_and_averages_the_real_steps() -> None:
    """The JSB metric: sum over 88 keys of the BCE, mean over real steps, padding out."""
    torch.manual_seed(0)
    z = torch.randn(2, 5, 88)
    target = (torch.rand(2, 5, 88) < 0.05).float()
    lengths = torch.tensor([5, 3])
    binding = Binding("chord", "keys", "sigmoid", "multi_hot", True, "feedback", 0)
    parts = compute_loss(z, {"target": target, "target:len": lengths}, binding)
    p = torch.sigmoid(z)
    per_step = -(target * p.log() + (1 - target) * (1 - p).log()).sum(-1)  # (2, 5)
    expected = (per_step[0].sum() + per_step[1, :3].sum()) / 8
    assert torch.allclose(parts.loss, expected, atol=1e-5)
    assert int(parts.count) == 8 and torch.allclose(parts.total / parts.count, expected,
                                                    atol=1e-5)


def test_relative_paths_and_patterns_resolve_against_the_data_roots(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    (second / "sentiment").mkdir(parents=True)
    for name in ("yelp", "amazon"):
        (second / "sentiment" / f"{name}_labelled.txt").write_text(
            f"{name} was good\t1\n{name} was bad\t0\n", encoding="utf-8")
    first.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(DATA_ROOTS_VARIABLE, os.pathsep.join([str(first), str(second)]))
    found = resolve_data_path("sentiment/*_labelled.txt")
    assert found == [second / "sentiment" / "amazon_labelled.txt",
                     second / "sentiment" / "yelp_labelled.txt"]  # sorted
    assert resolve_data_path("sentiment/yelp_labelled.txt") == found[1]
    data = load_data(DataSettings("file", path="sentiment/*_labelled.txt", format="text",
                                  options={"split": [1.0, 0.0, 0.0]}))
    assert len(data.train) == 4
    (tmp_path / "sentiment").mkdir()  # the working folder comes first
    (tmp_path / "sentiment" / "yelp_labelled.txt").write_text("x\t1\n", encoding="utf-8")
    assert resolve_data_path("sentiment/yelp_labelled.txt") == Path("sentiment/yelp_labelled.txt")


def test_the_command_line_reports_a_missing_corpus(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import run_cli  # headless: the command line imports no Qt

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(DATA_ROOTS_VARIABLE, raising=False)
    assert run_cli(["validate", "--example", "jsb_chorales"]) == 2
    error = capsys.readouterr().err
    assert "jsb_chorales/jsb-chorales-quarter.json: no such file" in error
    assert f"set {DATA_ROOTS_VARIABLE}" in error


# --- the corpora -----------------------------------------------------------------------------


def test_jsb_chorales_load_as_piano_rolls(data_root: Path) -> None:
    data = load_data(corpus("jsb_chorales"))
    assert [len(data.train), len(data.valid), len(data.test)] == [229, 76, 77]
    spec = data.spec
    assert (spec.input_mode, spec.target_kind, spec.target_size) == ("element", "multi_hot", 88)
    assert spec.per_step and not spec.aligned
    # every chorale: its first chord in, the rest out; steps as in PROVENANCE.md
    for split, steps in ((data.train, 13_807), (data.valid, 4_602), (data.test, 4_725)):
        assert sum(1 + e["target"].shape[0] for e in split.examples) == steps
        assert all(e["input"].shape == (88,) for e in split.examples)
    notes = torch.cat([e["target"] for e in data.train.examples]).sum(-1)
    assert notes.max() == 4 and set(notes.unique().tolist()) <= {0.0, 1.0, 2.0, 3.0, 4.0}
    # the same rolls read as next-step prediction: the same predicted steps
    steps = load_data_file(resolve_data_path(corpus("jsb_chorales").path), framing="next_step")
    first = steps.test[0]
    assert torch.equal(first["target"], data.test[0]["target"])
    assert torch.equal(first["input"][0], data.test[0]["input"])


def test_sentiment_sentences_split_80_10_10(data_root: Path) -> None:
    settings = corpus("reviews")
    data = load_data(settings)
    assert [len(data.train), len(data.valid), len(data.test)] == [2400, 300, 300]
    assert data.spec.target_vocab == ("0", "1")
    every = [e for s in (data.train, data.valid, data.test) for e in s.examples]
    assert sum(int(e["target"]) for e in every) == 1500
    assert data.spec.input_size <= load_example("reviews").blocks["words"].params["vocab_size"]
    again = load_data(settings)  # a fixed, seeded split
    assert all(torch.equal(a["input"], b["input"])
               for a, b in zip(data.test.examples, again.test.examples, strict=True))
    batch = collate(data.train.examples[:4], data.spec)
    assert batch["input"].dtype == torch.long and batch["target"].shape == (4,)


def test_translation_pairs_split_by_english_sentence(data_root: Path) -> None:
    settings = corpus("tatoeba")
    data = load_data(settings)
    counts = [len(data.train), len(data.valid), len(data.test)]
    assert sum(counts) == 30_000 and counts[0] > 0.75 * 30_000
    assert (data.spec.input_size, data.spec.target_size) == (4000, 4000)
    assert data.spec.input_vocab[:4] == data.spec.target_vocab[:4] == (
        "<pad>", "<unk>", "<s>", "</s>")
    text = read_parallel_text(resolve_data_path(settings.path), swap=True)
    assert text.group_side == "target"  # the English side, column 1 of the file
    assert [len(part) for part in text.splits] == counts
    english = [{" ".join(text.targets[i]) for i in part} for part in text.splits]
    assert not english[0] & english[1] and not english[0] & english[2]
    assert not english[1] & english[2]
    assert sum(len(e) for e in english) == 23_669  # PROVENANCE.md: distinct English
    # the loader's examples are these pairs, in this order
    vocab = {w: i for i, w in enumerate(data.spec.target_vocab)}
    for example, i in zip(data.test.examples[:50], text.splits[2][:50], strict=True):
        ids = [vocab.get(w, 1) for w in text.targets[i]] + [3]
        assert example["target"].tolist() == ids
    assert text.sources[0] == ["ve", "."] and text.targets[0] == ["go", "."]


# --- each example trains on its corpus ---------------------------------------------------


@pytest.mark.parametrize("example,sizes", [
    ("jsb_chorales", (24, 8, 8)),
    ("reviews", (64, 16, 16)),
    ("tatoeba", (128, 16, 16)),
])
def test_each_example_trains_a_moment_on_its_corpus(
        example: str, sizes: tuple[int, int, int], data_root: Path) -> None:
    design = load_example(example)
    data = subsample(load_data(corpus(example)), *sizes)
    settings = design.training.replace(epochs=1, batch_size=8, capture_every=0, device="cpu")
    trainer = Trainer(design, data, settings)
    result = trainer.fit()
    assert result.name == "run_finished" and result.epochs == 1
    loss, metric = trainer.evaluate(data.test)
    assert torch.isfinite(torch.tensor([loss, metric])).all()
    if example == "jsb_chorales":  # NLL per step: the sum over 88 keys, so about 88 ln 2 early
        assert 10.0 < loss < 88 * 0.7
