"""The tumour vocabularies agree: every site a person can name maps to the sites trials ask for and
back, and each reader has words for exactly the names in bot/tumour_terms.py."""

from __future__ import annotations

from bot import tumour_terms as terms
from bot.eligibility import facts, fields, person
from bot.prescreen import answers
from bot.profile import model, tumour


def test_every_person_site_fits_some_trial_site() -> None:
    taken_in = {site for fit, _ in terms.SITE_FIT.values() for site in fit}
    assert set(terms.PERSON_SITES) <= taken_in


def test_every_trial_site_has_its_fit_and_names_only_person_sites() -> None:
    assert list(terms.SITE_FIT) == list(terms.TRIAL_SITES)
    for trial_site, (fit, ask) in terms.SITE_FIT.items():
        assert fit, trial_site
        assert fit | ask <= set(terms.PERSON_SITES), trial_site
        assert not fit & ask, trial_site
        if trial_site in terms.PERSON_SITES:
            assert trial_site in fit  # a site named alike on both sides fits itself


def test_every_site_has_words() -> None:
    named = {*terms.PERSON_SITES, *terms.TRIAL_SITES}
    assert set(terms.SITE_WORDS) == named
    assert all(words.startswith("the ") for words in terms.SITE_WORDS.values())


def test_the_profile_sites_are_the_person_sites_it_reads() -> None:
    assert terms.UNKNOWN_SITE in terms.PROFILE_SITES
    assert set(terms.PROFILE_SITES) - {terms.UNKNOWN_SITE} <= set(terms.PERSON_SITES)
    assert model.SITES == terms.PROFILE_SITES
    assert set(tumour._SITE_PATTERNS) == set(terms.PROFILE_SITES)


def test_each_reader_has_words_for_its_sites() -> None:
    assert set(answers._SITE_PATTERNS) == set(terms.PERSON_SITES)
    assert set(facts._SITE_PATTERNS) == set(terms.TRIAL_SITES)


def test_the_judge_knows_every_profile_site() -> None:
    assert set(terms.PROFILE_SITES) <= set(person.SITES)


def test_grades_map_both_ways() -> None:
    for grade in terms.GRADES:
        assert terms.grade_number(terms.grade_code(grade)) == grade
        assert terms.grade_number(grade) == grade
    assert answers.Grade((1, 2), 5).value == "G1 or G2, Ki-67 5%"


def test_spread_places_agree() -> None:
    assert model.SPREAD_PLACES == terms.SPREAD_PLACES
    assert set(tumour._SPREAD_PLACES) == set(terms.SPREAD_PLACES)
    assert set(person.PLACES.values()) == set(terms.SPREAD_PLACES)
    assert set(fields._SPREAD_PLACES) == set(terms.SPREAD_PLACES)


def test_functioning_values() -> None:
    assert [terms.makes_hormones(v) for v in (*terms.FUNCTIONING_VALUES, None, "other")] == [True, False, None, None]
    assert answers.parse_functioning("yes") == terms.FUNCTIONING
    assert answers.parse_functioning("no") == terms.NON_FUNCTIONING
