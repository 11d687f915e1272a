"""Questions about the list just shown and about the trial just shown, asked as general ones
(bot/followups/), and the handing back said of the person asked about (bot/personal/handing_back.py)."""

from __future__ import annotations

from bot.followups.about_trial import asks_about_its_parts, asks_how_its_groups_differ
from bot.followups.listed import asks_for_the_nec_one, nearest_of_listed, nec_ones
from bot.personal.feelings import shows_feeling
from bot.personal.handing_back import AFTER_GENERAL, after_general, after_general_lines
from bot.trials.query import Intervention, Near, Site
from tests.helpers.trial_detail import trial

LEEDS = Near("Leeds, England", 53.80, -1.55, "United Kingdom")
SHEFFIELD = Site("Weston Park", "Sheffield", None, "United Kingdom", "RECRUITING", 53.38, -1.47)
LONDON = Site("Royal Free", "London", None, "United Kingdom", "RECRUITING", 51.55, -0.17)


def test_the_nearest_place_of_each_listed_trial_nearest_first() -> None:
    listed = [
        trial(nct_id="NCT00000001", sites=(LONDON,)),
        trial(nct_id="NCT00000002", acronym="NEAR", sites=(SHEFFIELD, LONDON)),
        trial(nct_id="NCT00000003"),
    ]
    text = nearest_of_listed(listed, LEEDS)
    lines = text.splitlines()
    assert lines[0].startswith("Of the 3 trials I listed, the nearest places to Leeds")
    assert lines[1].startswith("- NCT00000002 (NEAR): Weston Park, Sheffield - about")
    assert lines[2].startswith("- NCT00000001: Royal Free, London")
    assert "1 of them lists no places yet." in text


def test_no_listed_trial_on_the_map_is_said_plainly() -> None:
    assert nearest_of_listed([trial(), trial(nct_id="NCT00000009")], LEEDS).startswith("None of the 2 trials")


def test_the_nec_one_is_the_listed_trial_made_for_necs() -> None:
    assert asks_for_the_nec_one("what about the NEC one, could he do that?")
    assert asks_for_the_nec_one("is the one for neuroendocrine carcinomas open?")
    assert not asks_for_the_nec_one("what is a NEC?")
    nec = trial(nct_id="NCT00000004", title="Second-line chemotherapy in high-grade neuroendocrine carcinoma")
    listed = [trial(title="Lanreotide in pancreatic NETs"), nec]
    assert nec_ones(listed) == [nec]


def test_a_general_sounding_question_about_a_part_of_the_trial() -> None:
    shown = trial(interventions=(Intervention("DRUG", "Lanreotide", ("Somatuline",)),))
    assert asks_about_its_parts("how often do you have to go in for the drip?", shown)
    assert asks_about_its_parts("how long would i be on the lanreotide?", shown)
    assert not asks_about_its_parts("can i pick to be in the lanreotide group? no placebo for me", shown)
    assert not asks_about_its_parts("how long does a whipple take to recover from?", shown)  # not its treatment
    assert not asks_about_its_parts("what is a placebo", shown)  # not a question of this trial's parts


def test_the_rest_is_handed_back_about_the_person_asked_about() -> None:
    assert after_general([], "her") == "What this means for her is one for her specialist team, who know her health."
    assert after_general([], "them").startswith("What this means for them is one for their specialist team")
    assert after_general([after_general([], "him")], "him") == "His own team can say how this applies to him."
    assert set(after_general_lines()) <= set(AFTER_GENERAL) and set(after_general_lines("her")) <= set(AFTER_GENERAL)


def test_feelings_said_in_passing_are_heard() -> None:
    for said in (
        "is it a drip? i really hate needles",
        "she was pinning everything on it",
        "feels like they dont want sick people at all",
    ):
        assert shows_feeling(said), said
    assert not shows_feeling("i hate the taste of the drink before the scan")


def test_the_difference_between_its_arms_is_about_its_groups() -> None:
    assert asks_how_its_groups_differ("whats the difference between the 2 arms")
    assert asks_how_its_groups_differ("how do the two groups differ on this one?")
    assert not asks_how_its_groups_differ("lanreotide vs octreotide")
    assert not asks_how_its_groups_differ("compare the first two")
