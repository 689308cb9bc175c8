"""Data files: each format loads into the right spec and shapes, every fault is located."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.data.base import IGNORE_INDEX, collate
from engine.data.files import FILE_FORMATS, DataFileError, load_data_file
from engine.errors import RecurrenteError

SHARED = Path("/work/shared/data")
JSB = SHARED / "jsb_chorales" / "jsb-chorales-quarter.json"
SENTIMENT = [SHARED / "sentiment" / f"{name}_labelled.txt" for name in ("amazon_cells", "imdb",
                                                                           "yelp")]
TRANSLATION = SHARED / "translation" / "spa-eng-first30000.txt"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def fails(path: Path | list[Path], expected: str, **options: object) -> DataFileError:
    """Loading raises a DataFileError whose message is exactly ``expected``."""
    with pytest.raises(DataFileError) as info:
        load_data_file(path, **options)  # type: ignore[arg-type]
    assert str(info.value) == expected
    return info.value


def all_examples(data: object) -> list[dict[str, torch.Tensor]]:
    return [e for split in (data.train, data.valid, data.test)  # type: ignore[attr-defined]
            for e in split.examples]


# --- the error type ----------------------------------------------------------------------


def test_error_is_located_and_survives_pickling() -> None:
    error = DataFileError("bad value", "a.csv", 3, 7)
    assert isinstance(error, RecurrenteError)
    assert str(error) == "a.csv:3:7: bad value"
    assert (error.path, error.line, error.column, error.message) == ("a.csv", 3, 7, "bad value")
    assert str(DataFileError("bad", "a.csv", 3)) == "a.csv:3: bad"
    assert str(DataFileError("bad", "a.npz")) == "a.npz: bad"
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.line, copy.column) == (str(error), 3, 7)


def test_formats_listed_and_missing_file(tmp_path: Path) -> None:
    assert set(FILE_FORMATS) == {"csv", "numpy", "text", "parallel", "piano_roll"}
    missing = tmp_path / "nothing.csv"
    fails(missing, f"{missing}: no such file")
    fails(tmp_path, f"{tmp_path}: is a folder, not a file", format="text")


# --- csv ---------------------------------------------------------------------------------

PER_SEQUENCE = """sequence,step,x1,x2,target
a,0,0.5,1.0,
a,1,0.25,-1.0,1
b,0,0.0,2.0,0
c,0,1,1,
c,1,1,1,
c,2,1,1,2


"""

PER_STEP = """sequence,x,target_a,target_b
s1,1,0.1,0.2
s1,2,0.3,0.4
s1,3,0.5,0.6
s2,4,0.7,0.8
"""


def test_csv_per_sequence_class(tmp_path: Path) -> None:
    path = write(tmp_path, "seq.csv", PER_SEQUENCE)
    data = load_data_file(path, target_kind="class", split=(1.0, 0.0, 0.0))
    spec = data.spec
    assert (spec.name, spec.input_mode, spec.input_kind, spec.input_size) == \
        ("seq.csv", "sequence", "features", 2)
    assert (spec.target_kind, spec.target_size, spec.per_step, spec.aligned) == \
        ("class", 3, False, False)
    assert "seq.csv" in spec.description
    assert [len(data.train), len(data.valid), len(data.test)] == [3, 0, 0]
    first, second, third = data.train.examples
    assert first["input"].shape == (2, 2) and first["input"].dtype == torch.float32
    assert first["input"][1].tolist() == [0.25, -1.0]
    assert first["target"].shape == () and first["target"].dtype == torch.long
    assert [int(e["target"]) for e in (first, second, third)] == [1, 0, 2]
    assert third["input"].shape == (3, 2)
    batch = collate(data.train.examples, spec)
    assert batch["input"].shape == (3, 3, 2) and batch["input:len"].tolist() == [2, 1, 3]


def test_csv_per_step_real_and_multi_hot(tmp_path: Path) -> None:
    data = load_data_file(write(tmp_path, "step.csv", PER_STEP), split=(1.0, 0.0, 0.0))
    assert (data.spec.target_kind, data.spec.target_size, data.spec.per_step,
            data.spec.aligned, data.spec.input_size) == ("real", 2, True, True, 1)
    s1 = data.train[0]
    assert s1["input"].shape == (3, 1) and s1["target"].shape == (3, 2)
    assert s1["target"][2].tolist() == pytest.approx([0.5, 0.6])
    hot = write(tmp_path, "hot.csv", "sequence,x,target1,target2\na,1,0,1\na,2,1,1\n")
    data = load_data_file(hot, target_kind="multi_hot", split=(1.0, 0.0, 0.0))
    assert data.spec.target_kind == "multi_hot" and data.train[0]["target"].tolist() == \
        [[0.0, 1.0], [1.0, 1.0]]
    # a per-step class column
    cls = write(tmp_path, "cls.csv", "sequence,x,target\na,1,0\na,2,3\n")
    data = load_data_file(cls, target_kind="class", split=(1.0, 0.0, 0.0))
    assert data.spec.per_step and data.spec.target_size == 4
    assert data.train[0]["target"].tolist() == [0, 3]


def test_csv_split_column(tmp_path: Path) -> None:
    text = "sequence,split,x,target\na,train,1,\na,train,2,1\nb,valid,3,2\nc,test,4,3\n" \
           "d,train,5,4\n"
    data = load_data_file(write(tmp_path, "s.csv", text))
    assert [len(data.train), len(data.valid), len(data.test)] == [2, 1, 1]
    assert data.valid[0]["target"].tolist() == [2.0]
    fails(tmp_path / "s.csv", f"{tmp_path / 's.csv'}: option split cannot be used: the file "
          "has a split column", split=(0.5, 0.5, 0.0))
    bad = write(tmp_path, "b.csv", "sequence,split,x,target\na,train,1,\na,test,2,1\n")
    fails(bad, f"{bad}:3:3: column 'split': 'test', but sequence 'a' started in train")


@pytest.mark.parametrize(("text", "where", "message"), [
    ("sequence,x,target\na,1,2\na,2\n", "3", "expected 3 values (sequence, x, target), found 2"),
    ("sequence,x,target\na,1,2\na,abc,3\n", "3:3", "column 'x': 'abc' is not a number"),
    ("sequence,x,target\na,1,2\na,1, nan\n", "3:5", "column 'target': 'nan' is not a finite "
     "number"),
    ("sequence,x,target\na,1,2\n\na,2,3\n", "3", "empty line (blank lines are allowed only at "
     "the end of the file)"),
    ("sequence,x,target\na,1,2\nb,1,2\na,2,3\n", "4:1", "column 'sequence': sequence 'a' comes "
     "back after other rows (its last row was line 2); keep a sequence's rows together"),
    ("sequence,step,x,target\na,0,1,2\na,2,2,3\n", "3:3", "column 'step': expected 1 (steps "
     "count from 0 within each sequence), got '2'"),
    ("sequence,x,target\na,1,\na,2,5\nb,1,1\nb,2,\n", "2:5", "column 'target': empty value "
     "(per-step targets need a value on every row)"),
    ("seq,x,target\na,1,2\n", "1", "the header has no 'sequence' column (the id that groups "
     "rows into sequences)"),
    ("sequence,x,y\na,1,2\n", "1", "the header names no target column (a name starting with "
     "'target')"),
    ("sequence,x,x,target\na,1,2,3\n", "1:12", "column name 'x' appears twice"),
    ("", "1", "the file is empty; expected a header such as 'sequence,x1,target'"),
    ("sequence,x,target\n", "2", "no rows after the header"),
    (",x,target\n", "1:1", "column 1 has no name"),
    ("sequence,x,target\n,1,2\n", "2:1", "column 'sequence': empty sequence id"),
])
def test_csv_errors(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = write(tmp_path, "bad.csv", text)
    error = fails(path, f"{path}:{where}: {message}")
    assert error.path == str(path) and error.line == int(where.split(":")[0])


def test_csv_errors_with_options(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "sequence,x,target\na,1,\na,2,\na,3,1\nb,1,0\n")
    fails(path, f"{path}:4: sequence 'a' is longer than max_length=2", max_length=2)
    assert len(all_examples(load_data_file(path, max_length=3))) == 2
    fails(path, f"{path}:2:5: column 'target': empty value (per-step targets need a value on "
          "every row)", targets="step")
    last = write(tmp_path, "last.csv", "sequence,x,target\na,1,\na,2,\nb,1,1\n")
    fails(last, f"{last}:3:5: column 'target': empty value (the last row of sequence 'a' holds "
          "its target)")
    mid = write(tmp_path, "mid.csv", "sequence,x,target\na,1,4\na,2,\na,3,1\n")
    fails(mid, f"{mid}:2:5: column 'target': a value on a row that is not the last of sequence "
          "'a' (per-sequence targets go on the last row only; leave the others empty)",
          targets="sequence", max_length=5)
    ids = write(tmp_path, "ids.csv", "sequence,x,target\na,1,1.5\n")
    fails(ids, f"{ids}:2:5: column 'target': class ids are whole numbers >= 0, got '1.5'",
          target_kind="class")
    fails(write(tmp_path, "few.csv", "sequence,x,target\na,1,3\n"),
          f"{tmp_path / 'few.csv'}:2:5: column 'target': class id 3 is not below num_classes=3",
          target_kind="class", num_classes=3)
    fails(write(tmp_path, "hot.csv", "sequence,x,target\na,1,2\n"),
          f"{tmp_path / 'hot.csv'}:2:5: column 'target': multi-hot values are 0 or 1, got '2'",
          target_kind="multi_hot")
    fails(path, f"{path}: option targets must be one of 'auto', 'step', 'sequence', got 'x'",
          targets="x")


def test_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin.tsv"
    path.write_bytes(b"good\t1\ncaf\xe9 ok\t0\n")
    fails(path, f"{path}:2:4: not UTF-8 text (byte 0xe9)", format="text")


# --- numpy -------------------------------------------------------------------------------


def test_npz_class_per_sequence_with_lengths(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    path = tmp_path / "d.npz"
    np.savez(path, inputs=rng.normal(size=(20, 6, 3)), targets=np.arange(20) % 4,
             lengths=np.arange(20) % 6 + 1)
    data = load_data_file(path)
    spec = data.spec
    assert (spec.name, spec.input_kind, spec.input_size, spec.target_kind, spec.target_size,
            spec.per_step) == ("d.npz", "features", 3, "class", 4, False)
    assert [len(data.train), len(data.valid), len(data.test)] == [16, 2, 2]
    lengths = sorted(e["input"].shape[0] for e in all_examples(data))
    assert lengths == sorted((np.arange(20) % 6 + 1).tolist())
    example = data.train[0]
    assert example["input"].dtype == torch.float32 and example["target"].shape == ()
    assert example["target"].dtype == torch.long


def test_npz_per_step_and_given_splits(tmp_path: Path) -> None:
    path = tmp_path / "steps.npz"
    targets = np.ones((4, 5, 2), dtype=np.float32)
    targets[0, 3:] = np.nan  # padding past the length is not checked
    np.savez(path, inputs=np.zeros((4, 5, 3)), targets=targets, lengths=np.array([3, 5, 5, 5]),
             valid_inputs=np.zeros((2, 7, 3)), valid_targets=np.zeros((2, 7, 2)),
             test_inputs=np.zeros((1, 2, 3)), test_targets=np.zeros((1, 2, 2)))
    data = load_data_file(path)
    assert (data.spec.target_kind, data.spec.target_size, data.spec.per_step,
            data.spec.aligned) == ("real", 2, True, True)
    assert [len(data.train), len(data.valid), len(data.test)] == [4, 2, 1]
    assert data.train[0]["input"].shape == (3, 3) and data.train[0]["target"].shape == (3, 2)
    assert data.valid[0]["target"].shape == (7, 2)
    assert not torch.isnan(data.train[0]["target"]).any()
    # per-step class ids (N, T), padded with IGNORE_INDEX
    ids = np.array([[1, 2, IGNORE_INDEX], [0, 0, 2]])
    np.savez(tmp_path / "tags.npz", inputs=np.zeros((2, 3, 1)), targets=ids,
             lengths=np.array([2, 3]))
    data = load_data_file(tmp_path / "tags.npz", split=(1.0, 0.0, 0.0))
    assert (data.spec.target_kind, data.spec.target_size, data.spec.per_step) == \
        ("class", 3, True)
    assert data.train[0]["target"].tolist() == [1, 2]


def test_npy_with_targets_file(tmp_path: Path) -> None:
    np.save(tmp_path / "x.npy", np.zeros((5, 4, 2)))
    np.save(tmp_path / "y.npy", np.linspace(0, 1, 5))
    data = load_data_file(tmp_path / "x.npy", targets=tmp_path / "y.npy",
                          split=(1.0, 0.0, 0.0))
    assert (data.spec.target_kind, data.spec.target_size) == ("real", 1)
    assert data.train[4]["target"].tolist() == [1.0]
    fails(tmp_path / "x.npy", f"{tmp_path / 'x.npy'}: a .npy file holds only the inputs; give "
          "targets='file.npy' or save inputs and targets together with numpy.savez")


@pytest.mark.parametrize(("arrays", "message"), [
    ({"inputs": np.zeros((3, 2, 1))}, "no array named 'targets' (found: inputs)"),
    ({"inputs": np.zeros((3, 2)), "targets": np.zeros(3)}, "array 'inputs' has shape (3, 2); "
     "expected (N, T, F): N sequences of T steps of F features, none of them 0"),
    ({"inputs": np.zeros((3, 2, 1)), "targets": np.zeros(4)}, "array 'targets' has 4 examples "
     "but 'inputs' has 3 (the first dimension counts examples)"),
    ({"inputs": np.where(np.arange(6).reshape(3, 2, 1) == 3, np.nan, 0.0),
      "targets": np.zeros(3)}, "inputs[1, 1, 0] is nan; NaN and infinity are refused"),
    ({"inputs": np.zeros((3, 2, 1)), "targets": np.array([0.0, np.inf, 1.0])},
     "targets[1] is inf; NaN and infinity are refused"),
    ({"inputs": np.zeros((3, 2, 1)), "targets": np.zeros(3), "lengths": np.array([1, 3, 2])},
     "lengths[1] is 3; every length must be between 1 and T=2"),
    ({"inputs": np.zeros((3, 2, 1)), "targets": np.array([0, -1, 1])},
     "targets[1] is -1; class ids are whole numbers >= 0"),
    ({"inputs": np.zeros((3, 2, 1)), "targets": np.zeros(3), "weights": np.zeros(3)},
     "unknown array 'weights' (known: inputs, lengths, targets, valid_inputs, valid_lengths, "
     "valid_targets, test_inputs, test_lengths, test_targets)"),
    ({"inputs": np.zeros((3, 2, 1)), "targets": np.zeros(3),
      "valid_inputs": np.zeros((1, 2, 2)), "valid_targets": np.zeros(1)},
     "array 'valid_inputs' has 2 features per step but 'inputs' has 1"),
    ({"inputs": np.zeros((3, 2, 1)), "targets": np.zeros((3, 4, 1))},
     "array 'targets' has 4 steps but 'inputs' has 2 (per-step targets share the steps)"),
    ({"inputs": np.array([["a"]]), "targets": np.zeros(1)},
     "array 'inputs' has dtype <U1; expected numbers"),
])
def test_npz_errors(tmp_path: Path, arrays: dict[str, np.ndarray], message: str) -> None:
    path = tmp_path / "bad.npz"
    np.savez(path, **arrays)
    fails(path, f"{path}: {message}")


def test_npz_refuses_pickles(tmp_path: Path) -> None:
    path = tmp_path / "objects.npz"
    np.savez(path, inputs=np.array([[1.0], [2.0, 3.0]], dtype=object), targets=np.zeros(2))
    fails(path, f"{path}: array 'inputs' holds Python objects (a pickled object array), which "
          "are refused for safety; save plain numeric arrays")
    pickled = tmp_path / "list.npy"
    pickled.write_bytes(pickle.dumps([1, 2, 3]))
    fails(pickled, f"{pickled}: not a NumPy .npy or .npz file (reading it as a pickle is "
          "refused for safety)", targets=pickled)
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DataFileError, match=r"broken\.npz: not a NumPy \.npy or \.npz file"):
        load_data_file(broken)


# --- text classification -----------------------------------------------------------------

REVIEWS = "".join(f"{text}\t{label}\n" for text, label in [
    ("Good case, Excellent value.", 1), ("Great for the jawbone.", 1),
    ("Tied to charger for conversations lasting more than 45 minutes.MAJOR PROBLEMS!!", 0),
    ("The mic is great.", 1), ("I have to jiggle the plug to get it to line up right.", 0),
    ("If you are Razr owner...you must have this!", 1), ("Needless to say, I wasted money.", 0),
    ("What a waste of money and time!.", 0), ("And the sound quality is great.  ", 1),
    ("He was very impressed when going from the original battery.", 1),
]) + "\n"


def test_text_classification_word_level(tmp_path: Path) -> None:
    path = write(tmp_path, "reviews.txt", REVIEWS)
    data = load_data_file(path, labels={0, 1})
    spec = data.spec
    assert (spec.name, spec.input_mode, spec.input_kind, spec.target_kind) == \
        ("reviews.txt", "sequence", "tokens", "class")
    assert (spec.target_size, spec.per_step, spec.target_vocab) == (2, False, ("0", "1"))
    assert spec.input_vocab[:2] == ("<pad>", "<unk>") and spec.input_size == len(spec.input_vocab)
    assert [len(data.train), len(data.valid), len(data.test)] == [8, 1, 1]
    for example in all_examples(data):
        assert example["input"].dtype == torch.long and example["input"].ndim == 1
        assert example["target"].shape == () and int(example["target"]) in (0, 1)
    # the vocabulary comes from the training split; words are lowercased, punctuation split
    train_words = {spec.input_vocab[i] for e in data.train.examples for i in e["input"].tolist()}
    assert set(spec.input_vocab) == train_words | {"<pad>", "<unk>"}
    assert "good" in spec.input_vocab or "great" in spec.input_vocab
    assert all(w == w.lower() for w in spec.input_vocab)
    assert collate(data.train.examples, spec)["input"].dtype == torch.long


def test_text_classification_options(tmp_path: Path) -> None:
    path = write(tmp_path, "reviews.tsv", REVIEWS)
    chars = load_data_file(path, level="char", split=(1.0, 0.0, 0.0))
    first = chars.train[0]["input"].tolist()
    assert "".join(chars.spec.input_vocab[i] for i in first) == "good case, excellent value."
    cased = load_data_file(path, level="char", lowercase=False, split=(1.0, 0.0, 0.0))
    assert "G" in cased.spec.input_vocab
    small = load_data_file(path, max_vocab=6, split=(1.0, 0.0, 0.0))
    assert len(small.spec.input_vocab) == 6 and small.spec.input_vocab[2] == "."
    common = load_data_file(path, min_count=3, split=(1.0, 0.0, 0.0))
    assert set(common.spec.input_vocab[2:]) == {".", "!", "the", "to", "great"}
    ordered = load_data_file(path, labels=["1", "0"], split=(1.0, 0.0, 0.0))
    assert ordered.spec.target_vocab == ("1", "0") and int(ordered.train[0]["target"]) == 0


def test_text_classification_several_files(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", "one\tpos\ntwo\tneg\n")
    b = write(tmp_path, "b.txt", "three\tpos\nfour\tneutral\n")
    data = load_data_file([a, b], split=(1.0, 0.0, 0.0))
    assert data.spec.name == "a.txt + b.txt"
    assert data.spec.target_vocab == ("neg", "neutral", "pos")
    assert [int(e["target"]) for e in data.train.examples] == [2, 0, 2, 1]
    fails([a, b], f"{b}:2:6: label 'neutral' is not one of the declared labels (neg, pos)",
          labels={"pos", "neg"})


@pytest.mark.parametrize(("text", "where", "message"), [
    ("good\t1\nbad\t0\textra\n", "2", "expected 2 columns separated by a tab (text<TAB>label), "
     "found 3"),
    ("good\t1\nno label here\n", "2", "expected 2 columns separated by a tab (text<TAB>label), "
     "found 1"),
    ("good\t1\n  \t0\n", "2:1", "empty text"),
    ("good\t1\nbad\t \n", "2:5", "empty label"),
    ("good\t1\n\nbad\t0\n", "2", "empty line (blank lines are allowed only at the end of the "
     "file)"),
    ("good\t1\nbad\t2\n", "2:5", "label '2' is not one of the declared labels (0, 1)"),
    ("", "1", "the file is empty; expected lines of text<TAB>label"),
])
def test_text_classification_errors(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = write(tmp_path, "bad.txt", text)
    fails(path, f"{path}:{where}: {message}", labels=["0", "1"])


def test_text_splits_are_seeded(tmp_path: Path) -> None:
    path = write(tmp_path, "many.txt", "".join(f"text number {i}\t{i % 2}\n" for i in range(50)))

    def split_of(**options: object) -> list[list[list[int]]]:
        data = load_data_file(path, **options)
        return [[e["input"].tolist() for e in s.examples] for s in (data.train, data.valid,
                                                                     data.test)]

    first = split_of()
    assert first == split_of()
    assert [len(s) for s in first] == [40, 5, 5]
    assert split_of(seed=1) != first
    assert [len(s) for s in split_of(split=(0.6, 0.2, 0.2))] == [30, 10, 10]
    fails(path, f"{path}: option split must be three fractions (train, valid, test) >= 0 adding "
          "up to 1, with train > 0; got (0.5, 0.1)", split=(0.5, 0.1))


# --- parallel text -----------------------------------------------------------------------

PAIRS = """Go.\tVe.
Go.\tVete.
Hi.\tHola.
Run!\t¡Corre!
Who?\t¿Quién?
I see.\tYa veo.
I won!\t¡He ganado!
Help!\t¡Ayuda!
Stop!\t¡Para!
Wait!\t¡Espera!
Hello!\tHola.
"""


def test_parallel_text(tmp_path: Path) -> None:
    path = write(tmp_path, "pairs.txt", PAIRS)
    data = load_data_file(path, split=(1.0, 0.0, 0.0))
    spec = data.spec
    assert (spec.input_mode, spec.input_kind, spec.target_kind, spec.per_step, spec.aligned) == \
        ("sequence", "tokens", "class", True, False)
    for vocab in (spec.input_vocab, spec.target_vocab):
        assert vocab[:4] == ("<pad>", "<unk>", "<s>", "</s>")
    assert spec.input_size == len(spec.input_vocab)
    assert spec.target_size == len(spec.target_vocab)
    run = data.train[3]
    assert [spec.input_vocab[i] for i in run["input"].tolist()] == ["run", "!"]
    assert [spec.target_vocab[i] for i in run["target"].tolist()] == ["¡", "corre", "!", "</s>"]
    assert all(e["target"][-1] == 3 for e in data.train.examples)
    batch = collate(data.train.examples, spec)
    assert batch["target"].shape[0] == 11 and (batch["target"] == IGNORE_INDEX).any()

    swapped = load_data_file(path, swap=True, max_pairs=4, split=(1.0, 0.0, 0.0))
    assert len(swapped.train) == 4
    first = swapped.train[0]
    assert [swapped.spec.input_vocab[i] for i in first["input"].tolist()] == ["ve", "."]
    assert [swapped.spec.target_vocab[i] for i in first["target"].tolist()] == \
        ["go", ".", "</s>"]


def test_parallel_split_keeps_groups_together(tmp_path: Path) -> None:
    # 100 English sentences, three translations each; their words (digits) all occur in
    # training, so that no sentence reads as '<unk>' in the other splits
    lines = [f"s {' '.join(str(i // 3))} .\tfrase {i} {i % 3}." for i in range(300)]
    path = write(tmp_path, "groups.txt", "\n".join(lines) + "\n")
    for options in ({}, {"swap": True, "group_by": "target"}, {"seed": 5}):
        data = load_data_file(path, **options)
        side = "target" if options.get("swap") else "input"
        vocab = data.spec.target_vocab if side == "target" else data.spec.input_vocab
        seen = [{tuple(vocab[i] for i in e[side].tolist() if i != 3) for e in s.examples}
                for s in (data.train, data.valid, data.test)]
        assert all(seen)
        assert not (seen[0] & seen[1] or seen[0] & seen[2] or seen[1] & seen[2])
        assert sum(len(s) for s in seen) == 100
    again = load_data_file(path, seed=5)
    assert [e["input"].tolist() for e in again.valid.examples] == \
        [e["input"].tolist() for e in data.valid.examples]
    # grouping by the Spanish side: every pair is its own group, so groups of 3 do straddle
    by_target = load_data_file(path, group_by="target")
    assert len(by_target.valid) == 30


@pytest.mark.parametrize(("text", "where", "message"), [
    ("Go.\tVe.\nHi.\n", "2", "expected 2 columns separated by a tab (source<TAB>target), "
     "found 1"),
    ("Go.\tVe.\nHi.\t\n", "2:5", "empty column 2"),
    ("Go.\tVe.\n\tHola.\n", "2:1", "empty column 1"),
    ("Go.\tVe.\n\nHi.\tHola.\n", "2", "empty line (blank lines are allowed only at the end of "
     "the file)"),
])
def test_parallel_errors(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = write(tmp_path, "bad.tsv", text)
    fails(path, f"{path}:{where}: {message}", format="parallel")
    if where.startswith("2"):
        assert len(load_data_file(path, max_pairs=1).train) == 1


# --- piano rolls -------------------------------------------------------------------------

ROLLS = """{"train": [[[60, 64, 67], [], [62, 65]], [[21, 108], [60]]],
 "valid": [[[70], [71], [72], [73]]],
 "test": []}
"""


def test_piano_roll_next_step(tmp_path: Path) -> None:
    data = load_data_file(write(tmp_path, "rolls.json", ROLLS))
    spec = data.spec
    assert (spec.input_mode, spec.input_kind, spec.input_size, spec.target_kind,
            spec.target_size, spec.per_step, spec.aligned) == \
        ("sequence", "features", 88, "multi_hot", 88, True, True)
    assert "rolls.json" in spec.name and "rolls.json" in spec.description
    assert spec.target_vocab[0] == "A0" and spec.target_vocab[39] == "C4"
    assert spec.target_vocab[-1] == "C8" and len(spec.target_vocab) == 88
    assert [len(data.train), len(data.valid), len(data.test)] == [2, 1, 0]
    first = data.train[0]
    assert first["input"].shape == (2, 88) and first["target"].shape == (2, 88)
    assert torch.nonzero(first["input"][0]).flatten().tolist() == [39, 43, 46]
    assert first["input"][1].sum() == 0 and first["target"][0].sum() == 0
    assert torch.nonzero(first["target"][1]).flatten().tolist() == [41, 44]
    assert data.train[1]["input"][0, [0, 87]].tolist() == [1.0, 1.0]


def test_piano_roll_generate(tmp_path: Path) -> None:
    data = load_data_file(write(tmp_path, "rolls.json", ROLLS), framing="generate")
    spec = data.spec
    assert (spec.input_mode, spec.input_size, spec.per_step, spec.aligned) == \
        ("element", 88, True, False)
    first = data.train[0]
    assert first["input"].shape == (88,) and first["target"].shape == (2, 88)
    assert torch.nonzero(first["input"]).flatten().tolist() == [39, 43, 46]
    assert data.valid[0]["target"].shape == (3, 88)
    batch = collate(data.train.examples, spec)
    assert batch["input"].shape == (2, 88) and batch["target:len"].tolist() == [2, 1]


@pytest.mark.parametrize(("text", "where", "message"), [
    ('{"train": [[[60, 64], [62]], [[60], [200, 61]]],\n "test": [[[60], \n  [61, 7]]]}\n',
     "1:38", "train chorale 1, step 1: pitch 200 is not a MIDI note number in 21..108"),
    ('{"train": [[[60], [62]]],\n "test": [[[60], \n  [61, 7]]]}\n',
     "3:8", "test chorale 0, step 1: pitch 7 is not a MIDI note number in 21..108"),
    ('{"train": [[[60], [62.5]]]}', "1:20",
     "train chorale 0, step 1: pitch 62.5 is not a MIDI note number in 21..108"),
    ('{"train": [[[60], 62]]}', "1:19", "train chorale 0, step 1: must be a list of MIDI "
     "pitches"),
    ('{"train": [[[60, 64] [62]]]}', "1:22", "not valid JSON: Expecting ',' delimiter"),
    ('{"train": [[[60], [62]]],\n "valid": [[[60]]]}', "2:12",
     "valid chorale 0: must be a list of at least 2 steps"),
    ('{"train": [],\n  "extra": []}', "2:12", "unknown key 'extra' (known: train, valid, test)"),
    ('{"valid": []}', "1:1", "no 'train' list of chorales"),
    ('[1, 2]', "1:1", 'expected an object {"train": [...], "valid": [...], "test": [...]}'),
    ('{"train": {"a": 1}}', "1:11", "'train' must be a list of chorales"),
])
def test_piano_roll_errors(tmp_path: Path, text: str, where: str, message: str) -> None:
    path = write(tmp_path, "bad.json", text)
    error = fails(path, f"{path}:{where}: {message}")
    if ": pitch " in message:  # the column points at the pitch itself
        line = text.split("\n")[error.line - 1]  # type: ignore[operator]
        pitch = message.split("pitch ")[1].split(" ")[0]
        assert line[error.column - 1:].startswith(pitch)  # type: ignore[operator]


# --- choosing the format -----------------------------------------------------------------


def test_format_inference_and_options(tmp_path: Path) -> None:
    labelled = write(tmp_path, "labelled.tsv", "a\t1\nb\t0\nc\t1\nd\t0\n")
    assert load_data_file(labelled).spec.target_vocab == ("0", "1")
    pairs = write(tmp_path, "pairs.tsv", "Go.\tVe.\nHi.\tHola.\nRun!\t¡Corre!\n")
    assert load_data_file(pairs).spec.per_step
    assert load_data_file(labelled, max_pairs=2).spec.per_step  # an option only parallel takes
    assert not load_data_file(pairs, level="word").spec.per_step
    odd = write(tmp_path, "data.dat", "x")
    fails(odd, f"{odd}: cannot tell the format from the suffix '.dat'; give format= one of "
          "csv, numpy, text, parallel, piano_roll")
    fails(labelled, f"{labelled}: unknown format 'xml' (known: csv, numpy, text, parallel, "
          "piano_roll)", format="xml")
    fails(labelled, f"{labelled}: unknown option 'swap' for the text format (options: labels, "
          "level, lowercase, min_count, max_vocab, split, seed)", format="text", swap=True)
    fails(labelled, f"{labelled}: option level must be one of 'word', 'char', got 'line'",
          level="line")
    fails([pairs, pairs], f"{pairs}: the parallel format reads one file, got 2",
          format="parallel")
    assert len(load_data_file([labelled, labelled]).train) == 6  # several files: text


# --- the real data sets (skipped where /work/shared/data is absent) -------------------------


def timed(path: Path | list[Path], **options: object) -> tuple[object, float]:
    start = time.process_time()
    data = load_data_file(path, **options)  # type: ignore[arg-type]
    return data, time.process_time() - start


def test_real_jsb_chorales() -> None:
    if not JSB.exists():
        pytest.skip(f"{JSB} is not here")
    data, seconds = timed(JSB)
    assert seconds < 2.0
    assert [len(data.train), len(data.valid), len(data.test)] == [229, 76, 77]  # type: ignore[attr-defined]
    steps = sum(e["input"].shape[0] + 1 for e in all_examples(data))
    assert steps == 13_807 + 4_602 + 4_725
    assert all(e["target"].shape[1] == 88 for e in all_examples(data))
    generated, _ = timed(JSB, framing="generate")
    assert generated.train[0]["input"].shape == (88,)  # type: ignore[attr-defined]


def test_real_sentiment() -> None:
    if not all(p.exists() for p in SENTIMENT):
        pytest.skip("the sentiment files are not here")
    data, seconds = timed(SENTIMENT, labels={0, 1})
    assert seconds < 2.0
    examples = all_examples(data)
    assert len(examples) == 3000
    assert data.spec.target_vocab == ("0", "1")  # type: ignore[attr-defined]
    assert sum(int(e["target"]) for e in examples) == 1500
    assert [len(data.train), len(data.valid), len(data.test)] == [2400, 300, 300]  # type: ignore[attr-defined]


def test_real_translation() -> None:
    if not TRANSLATION.exists():
        pytest.skip(f"{TRANSLATION} is not here")
    data, seconds = timed(TRANSLATION)
    assert seconds < 2.0
    assert sum(len(s) for s in (data.train, data.valid, data.test)) == 30_000  # type: ignore[attr-defined]
    # No English sentence in two splits. The vocabulary comes from the training split, so a
    # training sentence never holds '<unk>' (id 1) and is compared exactly; two sentences of
    # the other splits may both read as '<unk> .', so those are compared when they have none.
    keys = [{tuple(e["input"].tolist()) for e in split.examples}
            for split in (data.train, data.valid, data.test)]  # type: ignore[attr-defined]
    assert not keys[0] & keys[1] and not keys[0] & keys[2]
    assert not {k for k in keys[1] & keys[2] if 1 not in k}
    assert all(1 not in k for k in keys[0])
    assert 23_000 < sum(len(k) for k in keys) <= 23_669  # distinct English sentences
    assert all(e["target"][-1] == 3 for e in data.train.examples)  # type: ignore[attr-defined]
