"""Built-in data sets: shapes as their specs promise, determinism, fit to the examples."""

from __future__ import annotations

import datetime as dt
import gc
import inspect
import json
from functools import cache

import pytest
import torch

from engine.data.base import (
    IGNORE_INDEX,
    DataSpec,
    Example,
    ExampleList,
    SequenceData,
    collate,
)
from engine.data.builtin import _AG_NOUNS, BUILTINS, BuiltinDataset, make_builtin
from engine.errors import RecurrenteError
from engine.examples import example_path

NAMES = sorted(BUILTINS)
SMALL = {"train_size": 40, "valid_size": 10, "test_size": 10}


@cache
def default(name: str) -> SequenceData:
    """Each data set built once with its defaults (they are deterministic)."""
    return make_builtin(name)


def same(a: Example, b: Example) -> bool:
    return all(a[k].shape == b[k].shape and torch.equal(a[k], b[k]) for k in ("input", "target"))


def check_example(example: Example, spec: DataSpec) -> None:
    """Fail unless the example has exactly the shapes, dtypes and values the spec promises."""
    assert set(example) == {"input", "target"}
    x, y = example["input"], example["target"]
    if spec.input_kind == "tokens":
        assert spec.input_mode == "sequence"
        assert x.dtype == torch.int64 and x.dim() == 1 and x.shape[0] >= 1
        assert int(x.min()) > 0 and int(x.max()) < spec.input_size  # 0 is <pad>, never used
    else:
        assert x.dtype == torch.float32
        expected = 2 if spec.input_mode == "sequence" else 1
        assert x.dim() == expected and x.shape[-1] == spec.input_size
        assert torch.isfinite(x).all()
    if spec.target_kind == "class":
        assert y.dtype == torch.int64
        assert int(y.min()) >= 0 and int(y.max()) < spec.target_size
        assert y.dim() == (1 if spec.per_step else 0)
    else:
        assert y.dtype == torch.float32 and torch.isfinite(y).all()
        assert y.dim() == (2 if spec.per_step else 1) and y.shape[-1] == spec.target_size
        if spec.target_kind == "multi_hot":
            assert ((y == 0) | (y == 1)).all()
    if spec.per_step and spec.aligned:
        assert y.shape[0] == x.shape[0]


# --------------------------------------------------------------------------- the registry


def test_registry_describes_every_task() -> None:
    assert set(NAMES) == {"adding", "agreement", "sine", "melodies", "dates", "tagging",
                          "sentiment"}
    for name, dataset in BUILTINS.items():
        assert isinstance(dataset, BuiltinDataset) and dataset.name == name
        assert dataset.title and dataset.description
        names = [p.name for p in dataset.params]
        assert {"train_size", "valid_size", "test_size", "seed"} <= set(names)
        assert len(names) > 4, f"{name} has no size or length parameter of its own"
        assert set(inspect.signature(dataset.build).parameters) == set(names)
        for p in dataset.params:
            assert p.type in ("int", "float") and p.help
            assert p.minimum <= p.default <= p.maximum
            assert isinstance(p.default, int if p.type == "int" else float)
        assert example_path(dataset.example).is_file()


@pytest.mark.parametrize("name", NAMES)
def test_defaults_build_with_examples_as_promised(name: str) -> None:
    data = default(name)
    spec = data.spec
    d = BUILTINS[name].defaults()
    assert (len(data.train), len(data.valid), len(data.test)) == (
        d["train_size"], d["valid_size"], d["test_size"])
    assert spec.description and any(str(v) in spec.name for k, v in d.items()
                                     if k not in ("train_size", "valid_size", "test_size",
                                                  "seed"))
    if spec.input_kind == "tokens":
        assert len(spec.input_vocab) == spec.input_size and spec.input_vocab[0] == "<pad>"
    if spec.target_kind == "class":
        assert len(spec.target_vocab) == spec.target_size
    for split in (data.train, data.valid, data.test):
        for example in split.examples[:50]:
            check_example(example, spec)
    json.dumps(spec.to_json())


@pytest.mark.parametrize("name", NAMES)
def test_deterministic_for_a_seed_and_different_across_seeds(name: str) -> None:
    a = make_builtin(name, seed=3, **SMALL)
    b = make_builtin(name, seed=3, **SMALL)
    c = make_builtin(name, seed=4, **SMALL)
    for split in ("train", "valid", "test"):
        xs, ys, zs = (getattr(d, split).examples for d in (a, b, c))
        assert all(same(x, y) for x, y in zip(xs, ys, strict=True))
        assert not all(same(x, z) for x, z in zip(xs, zs, strict=True))
    # the training split does not move the others
    bigger = make_builtin(name, seed=3, **{**SMALL, "train_size": 60})
    assert all(same(x, y) for x, y in zip(a.valid.examples, bigger.valid.examples, strict=True))
    assert all(same(x, y) for x, y in zip(a.test.examples, bigger.test.examples, strict=True))


@pytest.mark.parametrize("name", NAMES)
def test_splits_have_the_requested_sizes(name: str) -> None:
    data = make_builtin(name, train_size=7, valid_size=5, test_size=0)
    assert (len(data.train), len(data.valid), len(data.test)) == (7, 5, 0)


@pytest.mark.parametrize("name", NAMES)
def test_collate_pads_a_batch(name: str) -> None:
    data = default(name)
    spec = data.spec
    examples = [data.train[i] for i in range(5)]
    batch = collate(examples, spec)
    if spec.input_mode == "sequence":
        lengths = [e["input"].shape[0] for e in examples]
        assert batch["input:len"].tolist() == lengths
        assert batch["input"].shape[:2] == (5, max(lengths))
    else:
        assert batch["input"].shape == (5, spec.input_size)
    if spec.per_step:
        lengths = [e["target"].shape[0] for e in examples]
        assert batch["target:len"].tolist() == lengths
        assert batch["target"].shape[:2] == (5, max(lengths))
        if spec.target_kind == "class":
            for row, n in zip(batch["target"], lengths, strict=True):
                assert (row[n:] == IGNORE_INDEX).all()
    else:
        assert batch["target"].shape[0] == 5


@pytest.mark.parametrize("name", NAMES)
def test_spec_fits_its_example_design(name: str) -> None:
    """Sizes, modes and activations agree with the design in resources/examples."""
    spec = default(name).spec
    doc = json.loads(example_path(BUILTINS[name].example).read_text(encoding="utf-8"))
    blocks = {b["kind"]: b["params"] for b in doc["blocks"]}
    source, output = blocks["input"], blocks["output"]
    assert source["mode"] == spec.input_mode
    if spec.input_kind == "tokens":
        assert source["data"] == "tokens" and spec.input_size <= source["vocab_size"]
    else:
        assert source["data"] == "features" and source["size"] == spec.input_size
    assert output["size"] == spec.target_size
    activation = {"class": ("softmax",), "multi_hot": ("sigmoid",),
                  "real": ("identity", "tanh")}[spec.target_kind]
    assert output["activation"] in activation
    assert ("feedback" in blocks) == (spec.per_step and not spec.aligned)


# --------------------------------------------------------------------------- parameters


def test_unknown_data_set_and_parameter_are_named() -> None:
    with pytest.raises(RecurrenteError, match=r"'nope'.*adding"):
        make_builtin("nope")
    with pytest.raises(RecurrenteError, match=r"no parameter 'lenght'.*length"):
        make_builtin("adding", lenght=10)


@pytest.mark.parametrize(("name", "params", "message"), [
    ("adding", {"length": 1}, r"adding: length must be between 2 and 2000, got 1"),
    ("adding", {"train_size": 0}, r"train_size must be between 1 and 100000, got 0"),
    ("sine", {"noise": 1.5}, r"sine: noise must be between 0 and 1, got 1.5"),
    ("sine", {"noise": float("nan")}, r"noise must be a number between 0 and 1"),
    ("melodies", {"keys": 12}, r"melodies: keys must be between 48 and 88, got 12"),
    ("agreement", {"distractor": 2.5}, r"distractor must be an integer between 0 and 100"),
    ("agreement", {"distractor": "3"}, r"distractor must be an integer"),
    ("tagging", {"mentions": True}, r"mentions must be an integer"),
    ("dates", {"min_year": 2030, "max_year": 2020}, r"min_year \(2030\).*max_year \(2020\)"),
])
def test_bad_values_are_refused_clearly(name: str, params: dict, message: str) -> None:
    with pytest.raises(RecurrenteError, match=message):
        make_builtin(name, **params)


def test_integral_floats_are_accepted_for_int_parameters() -> None:
    data = make_builtin("adding", length=12.0, train_size=3, valid_size=2.0, test_size=1)
    assert data.train[0]["input"].shape == (12, 2)


# --------------------------------------------------------------------------- the tasks


def test_adding_markers_and_mean_baseline() -> None:
    data = make_builtin("adding", train_size=4000, valid_size=1, test_size=0, length=20)
    xs = torch.stack([e["input"] for e in data.train.examples])
    ys = torch.stack([e["target"] for e in data.train.examples]).squeeze(-1)
    values, markers = xs[..., 0], xs[..., 1]
    assert ((values >= 0) & (values < 1)).all()
    assert (markers[:, :10].sum(1) == 1).all() and (markers[:, 10:].sum(1) == 1).all()
    assert torch.allclose((values * markers).sum(1), ys, atol=1e-6)
    mse = ((ys - ys.mean()) ** 2).mean().item()
    assert abs(mse - 1 / 6) < 0.015  # standard error ~0.003


def test_agreement_needs_the_subject() -> None:
    data = make_builtin("agreement", train_size=4000, valid_size=1, test_size=0)
    vocab = data.spec.input_vocab
    plural = {pair[1] for pairs in _AG_NOUNS.values() for pair in pairs}
    singular = {pair[0] for pairs in _AG_NOUNS.values() for pair in pairs}
    labels = torch.stack([e["target"] for e in data.train.examples])
    assert abs(labels.float().mean().item() - 0.5) < 0.03  # majority class ~0.5
    misleading = 0
    for e in data.train.examples:
        words = [vocab[i] for i in e["input"].tolist()]
        assert len(words) == 12
        number = int(e["target"])
        assert words[0] in (("las", "los") if number else ("la", "el"))
        assert words[1] in (plural if number else singular)
        last_noun = next(w for w in reversed(words) if w in plural | singular)
        misleading += (last_noun in plural) != bool(number)
    assert misleading > 0.5 * len(labels)  # "the last noun decides" mostly fails


def test_sine_target_is_the_next_value() -> None:
    data = make_builtin("sine", length=30, noise=0.0, **SMALL)
    for e in data.train.examples:
        assert torch.equal(e["input"][1:], e["target"][:-1])
        assert e["input"].abs().max() <= 1.0
    noisy = make_builtin("sine", length=30, noise=0.5, **SMALL)
    assert not torch.equal(noisy.train[0]["input"], data.train[0]["input"])


def test_melodies_are_a_held_bass_under_an_arpeggio() -> None:
    data = make_builtin("melodies", length=20, **SMALL)
    assert data.spec.input_size == data.spec.target_size == 88
    for e in data.train.examples:
        assert e["input"].sum() == 4  # bass + triad
        assert e["target"].shape == (19, 88)
        assert (e["target"].sum(1) == 2).all()  # bass + one melody note
        first = e["target"][0].nonzero().flatten().tolist()
        assert first[0] == e["input"].nonzero().flatten()[0]  # the bass is held
    small = make_builtin("melodies", keys=60, **SMALL)
    assert small.train[0]["input"].shape == (60,) and small.spec.target_size == 60


MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]


def parse_spanish_date(text: str) -> dt.date:
    """An independent reading of the five source formats."""
    for sep in "/-":
        if sep in text:
            d, m, y = text.split(sep)
            return dt.date(int(y), int(m), int(d))
    words = [w for w in text.split() if w != "de" and not w.endswith("es")
             and w not in ("sábado", "domingo")]
    d, month, y = words
    return dt.date(int(y), next(i + 1 for i, m in enumerate(MONTHS) if m.startswith(month)),
                   int(d))


def test_dates_translate_correctly_and_end_with_the_end_token() -> None:
    data = make_builtin("dates", train_size=300, valid_size=1, test_size=0)
    spec = data.spec
    assert spec.input_size == spec.target_size == 64
    assert len(spec.input_vocab) == len(spec.target_vocab) == 64
    styles = set()
    for e in data.train.examples:
        text = "".join(spec.input_vocab[i] for i in e["input"].tolist())
        out = [spec.target_vocab[i] for i in e["target"].tolist()]
        assert out[-1] == "</s>" and len(out) == 11
        assert "".join(out[:-1]) == parse_spanish_date(text).isoformat()
        styles.add("/" if "/" in text else "-" if "-" in text else len(text.split()))
    assert len(styles) == 5
    one = make_builtin("dates", formats=1, min_year=2000, max_year=2000, **SMALL)
    for e in one.train.examples:
        text = "".join(one.spec.input_vocab[i] for i in e["input"].tolist())
        assert " de " in text and text.endswith("2000")


def test_tagging_needs_the_words_that_follow() -> None:
    data = default("tagging")
    spec = data.spec
    assert spec.target_vocab == ("O", "CITY", "PERSON", "ORG") and spec.input_size <= 64
    seen: dict[tuple[int, ...], set[int]] = {}
    for e in data.train.examples:
        words, tags = e["input"].tolist(), e["target"].tolist()
        for i, tag in enumerate(tags):
            seen.setdefault(tuple(words[: i + 1]), set()).add(tag)
    ambiguous = [prefix for prefix, tags in seen.items() if len(tags) > 1]
    assert len(ambiguous) >= 10  # same words so far, different tags: the future decides
    roma = spec.input_vocab.index("Roma")
    assert any(p == (roma,) for p in ambiguous)
    counts = torch.bincount(torch.cat([e["target"] for e in data.train.examples]), minlength=4)
    assert (counts > 0).all()


POSITIVE = {"buena", "bueno", "bonita", "bonito", "genial", "divertida", "divertido",
            "excelente", "maravillosa", "maravilloso", "interesante", "estupenda",
            "estupendo"}
NEGATIVE = {"mala", "malo", "aburrida", "aburrido", "horrible", "terrible", "pésima",
            "pésimo", "fea", "feo", "lenta", "lento", "cara", "caro"}


def test_sentiment_follows_negation_and_pero() -> None:
    data = make_builtin("sentiment", train_size=1000, valid_size=1, test_size=0, clauses=3)
    spec = data.spec
    assert spec.target_vocab == ("negative", "positive")
    labels = []
    negated = 0
    for e in data.train.examples:
        words = [spec.input_vocab[i] for i in e["input"].tolist()]
        last = " ".join(words).split(" pero ")[-1].split()
        flip = any(w in ("no", "nunca") for w in last)
        negated += flip
        adjective = next(w for w in last if w in POSITIVE | NEGATIVE)
        assert int(e["target"]) == int((adjective in POSITIVE) != flip)
        labels.append(int(e["target"]))
    assert abs(sum(labels) / len(labels) - 0.5) < 0.06
    assert 0.3 < negated / len(labels) < 0.5


# --- how a split holds its examples ----------------------------------------------------------


def test_a_split_holds_one_tensor_per_field_and_gives_back_the_same_examples() -> None:
    examples = [{"input": torch.randn(t, 3), "target": torch.tensor(t % 2)} for t in (4, 1, 7)]
    split = ExampleList(examples)
    assert len(split) == 3
    for got, want in zip(split, examples, strict=True):
        assert got.keys() == want.keys()
        for key in want:
            assert got[key].dtype == want[key].dtype and torch.equal(got[key], want[key])
    assert torch.equal(split[-1]["input"], examples[-1]["input"])
    assert [e["target"].item() for e in split.examples[1:]] == [1, 1]
    with pytest.raises(IndexError):
        split[3]
    # whatever the number of examples, the garbage collector is left a handful of objects
    gc.collect()
    before = len(gc.get_objects())
    big = ExampleList([{"input": torch.randn(5 + i % 3, 2), "target": torch.zeros(1)}
                       for i in range(2000)])
    gc.collect()
    assert len(big) == 2000 and len(gc.get_objects()) - before < 50


def test_a_split_keeps_fields_it_cannot_pack_as_given() -> None:
    mixed = [{"input": torch.zeros(2, 3)}, {"input": torch.zeros(2, 4)},  # trailing sizes differ
             {"input": torch.zeros(3, 3, dtype=torch.long)}]
    split = ExampleList(mixed)
    assert [tuple(e["input"].shape) for e in split] == [(2, 3), (2, 4), (3, 3)]
    assert split[2]["input"].dtype == torch.long
    ragged = [{"input": torch.zeros(2)}, {"input": torch.zeros(2), "target": torch.ones(1)}]
    assert ExampleList(ragged)[1].keys() == {"input", "target"}
    assert len(ExampleList([])) == 0 and ExampleList([]).examples == []
