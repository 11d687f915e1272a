"""bot/language.py: a message clearly in another language, by its everyday words."""

from __future__ import annotations

import pytest

from bot.language import other_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("Hej, jag opererades i bukspottkörteln förra året och har nu fått diabetes. Är det vanligt?", "Swedish"),
        ("Hallo, ich habe einen NET in der Bauchspeicheldrüse, was kann ich tun?", "German"),
        ("vivo en Cartagena y mi madre tiene un tumor, qué puedo hacer", "Spanish"),
        ("mijn vader heeft een NET, wat kan ik doen", "Dutch"),
        ("je suis à Lyon et ma mère a une tumeur", "French"),
    ],
)
def test_other_languages(text: str, language: str) -> None:
    assert other_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "my mum has a pnet and is on lanreotide, is there anything for her",
        "lutathera?",
        "I have a NET in my pancreas and I am from Malmö, och jag undrar",  # English with a few Swedish words
        "",
        None,
    ],
)
def test_english_and_names_are_not_another_language(text: str | None) -> None:
    assert other_language(text) is None
