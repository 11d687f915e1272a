"""The NumPy all-MiniLM-L6-v2 encoder: its tokenizer, its vectors, and its refusal of wrong files."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from components.sentence_encoder import (
    DIMENSIONS,
    MAX_TOKENS,
    EncoderUnavailable,
    SentenceEncoder,
    model_dir,
    shared_encoder,
)


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return shared_encoder()


def test_the_tokenizer_lowercases_strips_accents_and_splits_punctuation(encoder: SentenceEncoder) -> None:
    assert encoder.tokenizer.words("Café, PRRT?") == ["cafe", ",", "prrt", "?"]


def test_unknown_words_are_split_into_known_pieces(encoder: SentenceEncoder) -> None:
    tokenizer = encoder.tokenizer
    pieces = tokenizer.pieces("lanreotide")
    assert len(pieces) > 1 and tokenizer.unknown not in pieces
    assert tokenizer.pieces("x" * 101) == [tokenizer.unknown]


def test_long_messages_are_cut_to_the_model_length(encoder: SentenceEncoder) -> None:
    ids = encoder.tokenizer.encode("word " * 1000)
    assert len(ids) == MAX_TOKENS
    assert ids[0] == encoder.tokenizer.start and ids[-1] == encoder.tokenizer.end


def test_vectors_are_unit_length_and_paraphrases_are_closest(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode_many(
        [
            "can I talk to a real person",
            "is there a human I could speak to",
            "what is the radioactive drip treatment",
        ]
    )
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > 0.5 > similarity[0, 2]


def test_batching_and_padding_do_not_change_a_vector(encoder: SentenceEncoder) -> None:
    texts = ["hi", "what are the side effects of everolimus for people with a pancreatic NET", "thanks"]
    together = encoder.encode_many(texts)
    alone = np.stack([encoder.encode(text) for text in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_empty_and_hostile_text_still_give_a_vector(encoder: SentenceEncoder) -> None:
    for text in ["", "   ", "\x00\x1b[31m", "🙂" * 50, "<script>alert(1)</script>"]:
        vector = encoder.encode(text)
        assert vector.shape == (DIMENSIONS,) and np.isfinite(vector).all()


def test_weights_that_are_not_the_published_ones_are_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    with (copy / "model.safetensors").open("r+b") as weights:
        weights.seek(-4, 2)
        weights.write(b"\x00\x01\x02\x03")
    with pytest.raises(EncoderUnavailable, match="not all-MiniLM-L6-v2"):
        SentenceEncoder.load(copy)


def test_a_missing_model_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailable):
        SentenceEncoder.load(tmp_path)
