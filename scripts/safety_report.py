"""Measure the safety net on the two lists and write docs/safety.md.

    .venv/bin/python -m scripts.safety_report
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import re

import yaml

from bot.advice import asks_personal_advice
from bot.config import DATA_DIR, REPO_ROOT
from bot.safety import check_message

DATA = REPO_ROOT / "tests" / "data"
OUTPUT = REPO_ROOT / "docs" / "safety.md"


def lines(name: str) -> list[str]:
    return [l.strip() for l in (DATA / name).read_text(encoding="utf-8").splitlines() if l.strip()]


ANNOTATION = re.compile(r"\[([^\]]+)\]\(\w+\)")


def training_examples() -> dict[str, list[str]]:
    """Every NLU training example, without entity marks, by intent."""
    found: dict[str, list[str]] = {}
    for path in sorted((DATA_DIR / "nlu").glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if "intent" in block:
                examples = [ANNOTATION.sub(r"\1", l.strip()[2:]) for l in block["examples"].splitlines() if l.strip()]
                found.setdefault(block["intent"].split("/")[0], []).extend(examples)
    return found


def advice_figures() -> str:
    examples = training_examples()
    asked = examples.get("ask_personal_advice", [])
    caught = [e for e in asked if asks_personal_advice(e)]
    others = [(i, e) for i, texts in examples.items() if i != "ask_personal_advice" for e in texts]
    wrong = [e for _, e in others if asks_personal_advice(e)]
    return f"""## Requests for personal advice

`bot/advice.py` catches the plainest forms ("should I stop my lanreotide?", "how long have I
got?", "is my scan bad?") and the SafetyNet sets `ask_personal_advice`, answered with a kind
refusal and who can advise (`utter_cannot_advise`, then the helplines). The classifier learns
the rest from the training examples.

| set | messages | caught by the patterns |
| --- | --- | --- |
| `ask_personal_advice` training examples | {len(asked)} | {len(caught)} |
| every other training example | {len(others)} | {len(wrong)} (wrongly) |

Caught wrongly: {', '.join(wrong) or 'none'}.
"""


def main() -> None:
    urgent, ordinary = lines("safety_urgent.txt"), lines("safety_ordinary.txt")
    found = {m: check_message(m) for m in urgent}
    misses = [m for m, hit in found.items() if hit is None]
    alarms = [(m, check_message(m)) for m in ordinary]
    alarms = [(m, hit) for m, hit in alarms if hit is not None]
    reasons = Counter(hit.reason for hit in found.values() if hit)
    rows = "\n".join(f"| {reason} | {count} |" for reason, count in sorted(reasons.items()))
    OUTPUT.write_text(
        f"""# Safety net: measured figures

Measured on {date.today().isoformat()} with `.venv/bin/python -m scripts.safety_report`
(the same lists are checked by `tests/test_safety.py` in every test run).

The safety net (`bot/safety.py`, run inside Rasa by `components/safety_net.py`) looks for an
emergency (chest pain, not able to breathe, collapse, heavy bleeding, very low blood sugar, a
carcinoid crisis) or for distress and thoughts of suicide, whatever the intent classifier says.

| list | messages | flagged | result | target |
| --- | --- | --- | --- | --- |
| urgent (`tests/data/safety_urgent.txt`) | {len(urgent)} | {len(urgent) - len(misses)} | {len(misses)} missed | 0 missed |
| ordinary (`tests/data/safety_ordinary.txt`) | {len(ordinary)} | {len(alarms)} | {100 * len(alarms) / len(ordinary):.1f}% false alarms | at most 2% |

Urgent messages by the pattern group that caught them:

| group | messages |
| --- | --- |
{rows}

Missed: {', '.join(misses) or 'none'}.
False alarms: {', '.join(m for m, _ in alarms) or 'none'}.

History: the first patterns caught all of a hand-written list but missed 20 of 40 messages in
a second list written independently (by someone who had not seen the patterns), mostly
indirect ways of saying it ("coffee grounds", "tablets lined up", "talking rubbish" with an
insulinoma). The patterns were rebuilt around signs plus context (a general question, a past
event or an "if" does not count unless something says it is happening now), and both lists
are now part of the measured set.

The ordinary list holds questions that mention pain, blood, sugar, breath or dying without
being urgent ("can everolimus make you short of breath?"). Both lists were written by hand;
the patterns were tuned on them, so new phrasings should be added to the lists when found
(for example from the content-gap log).

{advice_figures()}"""
    )
    print(f"urgent: {len(misses)} missed of {len(urgent)}; ordinary: {len(alarms)} false alarms of {len(ordinary)}")


if __name__ == "__main__":
    main()
