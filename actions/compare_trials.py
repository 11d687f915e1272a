"""action_compare_trials: two trials side by side ("compare the first two"), or two treatments or
tests ("lanreotide or octreotide?", "PRRT vs chemo": bot/knowledge/compare.py) when the message
names two of those and not two trials."""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.general_answer import send_kind_word
from actions.in_focus import pair_in_focus, send_nearest_of_shown, whom_meant
from actions.profile import message_text, profile_of
from actions.replies import send_unavailable
from actions.searching import SEARCH_SLOTS, search_query
from actions.show_trial import ActionShowTrial
from actions.store import trial_store
from actions.topics import topic_of
from actions.trial_answers import aspect_lines, send_direct_answers
from actions.which_trial import load_trial, load_trials, named_trial_ids, result_ids, stored_trials, trial_id_for
from bot.followups.about_trial import asks_how_its_groups_differ
from bot.followups.listed import trial_name
from bot.followups.picked import two_picked
from bot.knowledge.compare import compare_treatments
from bot.knowledge.compare_sides import compare_kinds, compare_with_unknown, sides_left_out, written
from bot.knowledge.facts import answering_fact
from bot.knowledge.just_compared import (
    asks_of_both,
    asks_which_is_better,
    points_of_both,
    points_weighed,
    treatments_weighed,
    trial_points,
    trials_choice,
)
from bot.knowledge.names import find_treatments
from bot.knowledge.pair import asks_outright_to_compare
from bot.knowledge.side_facts import asks_how_well, facts_about, result_facts
from bot.knowledge.sides import two_sides
from bot.knowledge.topics import topics_compared
from bot.lexicon import default_lexicon
from bot.profile.fit import near_of
from bot.text import normalize
from bot.trials.about import tests_line
from bot.trials.asked_about import TEAM_DECIDES, WHO_CAN_JOIN, age_asked, answer, aspects_asked
from bot.trials.lookup import find_lookups
from bot.trials.query import TrialDetail, TrialQuery
from bot.trials.record_passages import OWN_WORDS_HEADING, passages, quoted
from bot.trials.side_by_side import (
    described_group,
    described_trial,
    first_two_mentioning,
    names_two_listed,
    nct_ids_in,
    other_side,
    side_by_side,
    trial_beside_facts,
    trial_beside_group,
    trials_named,
    without_comparing_words,
)
from bot.trials.store import TrialStore

NO_LIST = (
    "I haven't shown you a list of trials in this chat yet, so I'm not sure which two you mean. Tell me "
    "what to look for, such as a treatment, a type of tumour or a place, and I'll find trials you can "
    "compare. Or name the two trials or treatments you have in mind."
)
NO_LIST_BUT = (
    "I haven't shown you a list yet, so here are the first two trials in our list that match what you asked before:"
)
WHICH_TWO = (
    'Which two would you like side by side? Say "the first two", "1 and 3" or two NCT numbers for '
    'trials, or name two treatments or tests, like "lanreotide or octreotide".'
)


class ActionCompareTrials(Action):
    def name(self) -> str:
        return "action_compare_trials"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        send_kind_word(dispatcher, tracker)  # "... mum is on one of them and she's scared"
        named = trials_named(text, result_ids(tracker) or _named_earlier(tracker))  # "... NCT03457948" "the last two"
        if not named and send_which_is_better(dispatcher, tracker):
            return []  # "which one is better?" about the two just set side by side
        focus = tracker.get_slot("focus_nct_id")
        if not named and focus and asks_how_its_groups_differ(text):
            trial = load_trial(dispatcher, str(focus))  # "whats the difference between the 2 arms?"
            if trial is not None:
                send_direct_answers(dispatcher, tracker, trial, ["groups"])
            return []
        if len(named) < 2 and not names_two_listed(text):
            named = _two_picked(tracker, text) or named  # "compare the lutetium ones", "the sorafenib one and ..."
        if len(named) == 1 and len(result_ids(tracker)) == 1 and names_two_listed(text):
            named = _first_two_counting_closed(dispatcher, tracker)  # "the first two" after a list of one
        if len(named) < 2:
            treatments = treatments_side_by_side(text)
            if treatments:
                dispatcher.utter_message(text=treatments)
                return []
            try:
                named = list(dict.fromkeys([*named, *named_trial_ids(text)]))  # "clarinet vs reminet"
            except SQLAlchemyError:
                send_unavailable(dispatcher)
                return []
        if not named and _send_topics(dispatcher, text, domain):  # "insulinoma vs gastrinoma"
            return []
        if not named and _send_unknown_side(dispatcher, text):  # "mr-linac vs surgery"
            return []
        topic = _topic_name(tracker)
        if len(named) < 2 and names_two_listed(text) and not result_ids(tracker) and _earlier_message(tracker):
            named = _first_two_of_before(tracker)  # "von hippel lindau" ... "the first two"
            if len(named) == 2:
                dispatcher.utter_message(text=NO_LIST_BUT)
        if len(named) < 2 and names_two_listed(text) and not result_ids(tracker):
            named = _first_two_in_their_town(dispatcher, tracker) or named  # "hamburg" ... "first two side by side"
        if len(named) < 2 and topic and names_two_listed(text) and not result_ids(tracker):
            named = _first_two_trials_of(topic)  # "axitinib" ... "compare the first two"
            if len(named) == 2:
                dispatcher.utter_message(text=f"The first two trials of {topic} in our list:")
            elif named:
                dispatcher.utter_message(
                    text=f"Our list has only one trial of {topic}, so there is nothing to set beside it. Here it is:"
                )
                return await ActionShowTrial.show(dispatcher, named[0])
        if len(named) < 2 and names_two_listed(text) and not result_ids(tracker):
            dispatcher.utter_message(text=NO_LIST)  # "the first two" with no list shown
            return []
        if len(named) == 1 and _beside_the_other_side(dispatcher, text, named):
            return []
        if len(named) == 1 and focus and focus != named[0]:
            named.append(str(focus))  # "how does it compare with NCT01578239?"
        if len(named) == 1 and not focus:  # "COMPETE lutetium vs everolimus": one trial, named by what it compares
            return await ActionShowTrial.show(dispatcher, named[0])
        if len(named) < 2 and _NEAREST_ASKED.search(text) and send_nearest_of_shown(dispatcher, tracker):
            return []  # "which of those is closest to us?" after a list: each one's nearest place
        if len(named) < 2:
            dispatcher.utter_message(text=WHICH_TWO)
            return []
        trials = load_trials(dispatcher, named)
        if trials:
            dispatcher.utter_message(text=side_by_side(trials[0], trials[1], asked_of_each(tracker, trials, text)))
        return []


def asked_of_each(tracker: Tracker, trials: list[TrialDetail], text: str) -> list[str]:
    """What else the comparison asks of both ("... vs the belzutifan one - how are the two drugs taken?"):
    each trial's answer from its record; [] when it asks nothing else."""
    asked = without_comparing_words(text)
    points = [a for a in aspects_asked(asked) if a not in _ON_THE_CARD]
    if points:
        return ["\n".join([f"{trial_name(t)}:", *aspect_lines(tracker, t, points)]) for t in trials]
    # "whats the op in each?", "what beads does each use?": each record's own sentences on it
    found = [passages(t, asked) for t in trials]
    if not any(found):
        return []
    return [
        "\n".join([f"{trial_name(t)}: {OWN_WORDS_HEADING}", *quoted(said)])
        if said
        else f"{trial_name(t)}: its record does not say."
        for t, said in zip(trials, found)
    ]


# Already on each side's card (bot/trials/side_by_side.py): asked again, it would only repeat it
_ON_THE_CARD = {"phase", "summary"}


_NEAREST_ASKED = re.compile(r"\b(?:closest|nearest|near(?:er)?\s+(?:to\s+)?(?:us|me|him|her|home))\b", re.I)


def _beside_the_other_side(dispatcher: CollectingDispatcher, text: str, named: list[str]) -> bool:
    """One stored trial set beside something else: a trial the other side describes (added to
    `named`), several trials it describes ("SANO or the lutathera ones": the first of them, sent here), or a
    thing our facts know and our list lacks ("CLARINET and PROMID"), sent here."""
    try:
        store = trial_store()
        words = other_side(text, store)
        if words is None:
            return False
        described = described_trial(words, store)
        if described and described != named[0]:
            named.append(described)  # "cabaten v the dana farber cabo + nivolumab trial"
            return False
        what, group, total = described_group(words, store, named[0])
        if len(group) == 1:
            named.append(group[0])  # "NETTER-2 or the lutathera ones" when one other is left: a pair
            return False
        if group:  # "SANO or the lutathera ones, what does each of them do?": the one, then the group
            trials = load_trials(dispatcher, [*named, *group])
            if trials:
                dispatcher.utter_message(text=trial_beside_group(trials[0], what, trials[1:], total))
            return True
        facts = facts_about(words)
        if not facts:
            return False
        trials = load_trials(dispatcher, named)
    except SQLAlchemyError:
        return False
    if trials:
        dispatcher.utter_message(text=trial_beside_facts(trials[0], written(words, text), facts))
    return True


def picks_two_trials(tracker: Tracker) -> bool:
    """The message sets two trials side by side by what they give ("carfilzomib trial vs the ramucirumab one"),
    whatever it was taken for."""
    return len(_two_picked(tracker, message_text(tracker) or "")) == 2


def _two_picked(tracker: Tracker, text: str) -> list[str]:
    """Two trials picked by what they give (bot/followups/picked.py two_picked), among those in view: the
    list shown last and the trials the person named earlier ("my nurse gave me NCT02743741, NCT01876771 and
    NCT02939651" ... "compare the lutetium ones"); else, a side at a time, the one stored trial it describes."""
    try:
        store = trial_store()
        in_view = stored_trials(dict.fromkeys([*result_ids(tracker), *_named_earlier(tracker)]))
        return two_picked(text, in_view, lambda words: described_trial(words, store))
    except SQLAlchemyError:
        return []


def _named_earlier(tracker: Tracker) -> list[str]:
    """The NCT numbers the person gave before this message, in order ("my nurse gave me NCT02743741,
    NCT01876771 and NCT02939651")."""
    earlier = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"][:-1]
    return list(dict.fromkeys(nct for said in earlier for nct in nct_ids_in(said)))


def _send_unknown_side(dispatcher: CollectingDispatcher, text: str) -> bool:
    try:
        answer = compare_with_unknown(text, trial_store())
    except SQLAlchemyError:
        answer = compare_with_unknown(text, None)
    if answer:
        dispatcher.utter_message(text=with_results(text, answer))
    return bool(answer)


RESULTS_HEADING = "What trials found, from our facts:"


def with_results(text: str, answer: Optional[str]) -> Optional[str]:
    """A comparison asking how well each did ("which one shrinks tumours more", "how did they do"): the
    answer, then the facts of trial results about each side it does not already hold."""
    sides = two_sides(text) if answer and asks_how_well(text) else None
    found = result_facts([sides.first, sides.second], answer or "") if sides else []
    if not found:
        return answer
    return "\n\n".join([answer or "", "\n".join([RESULTS_HEADING, *(f"- {fact.text}" for fact in found)])])


def _first_two_in_their_town(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[str]:
    """ "the first two" with no list shown, after the person said only their town ("hamburg"): the first
    two trials of our list with a place there, open ones first, else closed ones too (said so); [] when
    no town is known or fewer than two trials have a place there."""
    city = profile_of(tracker).place.city
    if not city:
        return []
    try:
        for status in ("open", "all"):
            found = [t.nct_id for t in trial_store().search(TrialQuery(city=city, status=status, limit=2)).trials]
            if len(found) == 2:
                counted = "" if status == "open" else ", closed ones counted too"
                dispatcher.utter_message(text=f"{NO_LIST_IN_TOWN} with a place in {city}{counted}:")
                return found
    except SQLAlchemyError:
        return []
    return []


NO_LIST_IN_TOWN = "I haven't shown you a list yet, so here are the first two trials in our list"


def _earlier_message(tracker: Tracker) -> Optional[str]:
    """What the person said just before this message, if anything."""
    said = [e.get("text") for e in tracker.events if e.get("event") == "user" and e.get("text")]
    return said[-2].strip() if len(said) >= 2 else None


def _first_two_of_before(tracker: Tracker) -> list[str]:
    earlier = _earlier_message(tracker)
    try:
        return first_two_mentioning(earlier, trial_store()) if earlier else []
    except SQLAlchemyError:
        return []


def _topic_name(tracker: Tracker) -> Optional[str]:
    topic = profile_of(tracker).topic
    return default_lexicon().plain_name(f"treatment:{topic}") if topic else None


def _first_two_trials_of(treatment: str) -> list[str]:
    """The first two trials of a treatment: open ones, or any when fewer than two are open; one or
    none when our list has no more."""
    found: list[str] = []
    try:
        for status in ("open", "all"):
            found = [
                trial.nct_id
                for trial in trial_store().search(TrialQuery(treatment=treatment, status=status, limit=2)).trials
            ]
            if len(found) == 2:
                break
    except SQLAlchemyError:
        return []
    return found


def _send_topics(dispatcher: CollectingDispatcher, text: str, domain: dict[str, Any], both: bool = False) -> bool:
    """Two knowledge topics compared ("insulinoma vs gastrinoma"), or one that compares the two
    things itself ("phase 2 vs phase 3"): their answers. False when the message names none, or
    (`both`) when one topic answers one side and our facts say nothing of the other ("grade and
    stage, the same thing?": the knowledge answer and its single fact do better)."""
    responses = domain.get("responses") or {}
    topics = [f"utter_knowledge/{t}" for t in topics_compared(text) if f"utter_knowledge/{t}" in responses]
    other = None
    if len(topics) == 1:  # "somatostatinoma vs glucagonoma": one side has a topic, the other facts
        said = " ".join(str(r.get("text") or "") for r in responses[topics[0]] if isinstance(r, dict))
        other = sides_left_out(text, said)
        if both and other is None:
            return False
    for response in topics[:2]:
        dispatcher.utter_message(response=response)
    if other:
        dispatcher.utter_message(text=other)
    elif len(topics) == 1:  # "grade 1 vs grade 2": the topic compares the two; its fact on the point it leaves out
        topic = topic_of(topics[0])
        fact = answering_fact(text, said, topic)
        if fact is not None and fact.topic == topic:
            dispatcher.utter_message(text=fact.text)
    return bool(topics)


def treatments_side_by_side(text: str, asked_to_compare: bool = True) -> Optional[str]:
    """Two treatments or tests side by side, with their open trials, unless the message names a
    trial of ours ("pantodon vs NCT05610826, both surgery+PRRT ones?" is about two trials).
    Without the counts when the database cannot be read (the facts do not need it)."""
    try:
        store = trial_store()
        if _names_a_trial(text, store):
            return None
        both = compare_treatments(text, store, asked_to_compare=asked_to_compare) or compare_kinds(
            text, store, asked_to_compare=asked_to_compare
        )
        passing = _trial_in_passing(text, store) if both else None
        both = with_results(text, both)
        return f"{both}\n\n{passing}" if passing and both else both
    except SQLAlchemyError:
        return compare_treatments(text, None, asked_to_compare=asked_to_compare) or compare_kinds(
            text, None, asked_to_compare=asked_to_compare
        )


def _names_a_trial(text: str, store: TrialStore) -> bool:
    """An NCT number, or a stored trial's acronym that is not also a treatment or test named
    ("EUS or CT": EUS is a test here, though a trial has that acronym too). When the two sides set
    side by side each name a treatment, a trial named beside them only says where they were
    compared ("lutetium edotreotide or everolimus, that's what COMPETE compared?"): not counted."""
    found = find_lookups(text, store)
    if len(found.nct_ids) + bool(found.acronym) >= 2:  # "... there's NeoLuPaNET and NCT06016855. compare?"
        return True
    sides = two_sides(text)
    if sides is not None and all(find_treatments(side) for side in (sides.first, sides.second)):
        return any(_names_a_trial_in(_before_a_treatment(side), store) for side in (sides.first, sides.second))
    return _names_a_trial_in(text, store)


def _trial_in_passing(text: str, store: TrialStore) -> Optional[str]:
    """What a trial named beside the two compared tests, from its record ("lutathera vs sunitinib, is
    that what NETTER-2 tested?"): the question about it answered, not dropped."""
    found = find_lookups(text, store)
    named = found.nct_ids[0] if found.nct_ids else trial_id_for(found.acronym, store) if found.acronym else None
    trial = next(iter(stored_trials([named])), None) if named else None
    if trial is None:
        return None
    line = tests_line(trial).removeprefix("What it tests: ").removeprefix("What it is: ")
    return f"What {trial.acronym or 'the trial'} ({trial.nct_id}) tests: {line}"


def _before_a_treatment(side: str) -> str:
    """The words of a side before the first treatment it names: a trial named there is what the side
    is about ("netter 2 lutathera"), one named after it is said in passing ("stz thats seqtor right")."""
    return " ".join(side.split()[: find_treatments(side)[0].start])


def _names_a_trial_in(words: str, store: TrialStore) -> bool:
    found = find_lookups(words, store)
    treatments = {m.typed for m in find_treatments(words)}
    return bool(found.nct_ids) or bool(found.acronym and normalize(found.acronym) not in treatments)


def send_comparison(dispatcher: CollectingDispatcher, text: str, domain: dict[str, Any]) -> bool:
    """Two treatments, tests or knowledge topics set side by side, for a message that asks outright
    to compare, whatever its intent ("pembro
    or ipi - how do they work differently", "somatostatinoma and glucagonoma, how are they different").
    False when it does not, or names no two such things."""
    if not asks_outright_to_compare(text) or names_two_listed(text):
        return False
    treatments = treatments_side_by_side(text)
    if treatments:
        dispatcher.utter_message(text=treatments)
        return True
    try:
        store = trial_store()
        described = two_picked(text, [], lambda words: described_trial(words, store))
    except SQLAlchemyError:
        described = []
    trials = load_trials(dispatcher, described) if described else None
    if trials:  # "carfilzomib trial vs the ramucirumab one"
        dispatcher.utter_message(text=side_by_side(trials[0], trials[1]))
        return True
    return _send_topics(dispatcher, text, domain, both=True)


ONLY_ONE = "Our list has only one trial for this search, closed ones counted too, so there is nothing to set beside it:"
SHORT_LIST = "The list I showed had only one trial. Counting trials that have closed too, here are the first two:"


def _first_two_counting_closed(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[str]:
    """ "The first two" after a list of one open trial: the same search again, closed trials counted
    too, the one shown first. Only that one when the search finds no other."""
    shown = result_ids(tracker)
    values = {name: tracker.get_slot(name) for name in SEARCH_SLOTS}
    values["status"] = "all"
    asked = search_query(values, 3, around=near_of(profile_of(tracker).place))
    try:
        found = [t.nct_id for t in trial_store().search(asked).trials]
    except SQLAlchemyError:
        return list(shown)
    other = next((nct for nct in found if nct not in shown), None)
    if other is None:
        dispatcher.utter_message(text=ONLY_ONE)
        return list(shown)
    dispatcher.utter_message(text=SHORT_LIST)
    return [*shown, other]


_NCT = re.compile(r"\bNCT\s*\d{8}\b", re.I)


def send_points_of_pair(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "and how are they given?" just after two treatments were set side by side: each one's facts on that
    point. False when the message names things of its own, asks no point of both, or nothing was just
    compared."""
    text = message_text(tracker) or ""
    fields = () if find_treatments(text) or _NCT.search(text) else asks_of_both(text)
    pair = pair_in_focus(tracker) if fields else None
    answer = points_of_both(pair.treatments[0], pair.treatments[1], fields) if pair and pair.treatments else None
    if answer:
        dispatcher.utter_message(text=answer)
    return bool(answer)


def send_which_is_better(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """ "Which one is better for someone who is 80" just after two things were set side by side:
    what is known in general about the two (each trial's age limits), never which is better, and the
    choice handed back. False when the message does not ask it, names things of its own ("which is
    better, PRRT or everolimus?") or nothing was just compared."""
    text = message_text(tracker) or ""
    names_its_own = bool(find_treatments(text) or _NCT.search(text))
    pair = pair_in_focus(tracker) if asks_which_is_better(text) and not names_its_own else None
    if pair is None:
        return False
    asked = age_asked(text)
    age = asked.low if asked and asked.low == asked.high else profile_of(tracker).age
    whom = whom_meant(tracker)
    if pair.treatments:  # "which is easier to live with?": what our facts say of each on that point
        first, second = pair.treatments
        dispatcher.utter_message(text=treatments_weighed(first, second, points_weighed(text), age))
        return True
    trials = load_trials(dispatcher, list(pair.trials))
    if trials is None:
        return True  # it said the search is unavailable
    points = [a for a in aspects_asked(text) if a not in WHO_CAN_JOIN] or list(trial_points(text))
    if points:  # "which one is bigger?", "which is still open?": each trial's answer on that point
        each = [f"{trial_name(t)}: {' '.join(aspect_lines(tracker, t, points))}" for t in trials]
        dispatcher.utter_message(text="\n\n".join([*each, TRIALS_WHO_DECIDES_EACH]))
        return True
    limits = [
        f"{trial_name(t)}: " + answer("age", t, text, age, whom).removesuffix(" " + TEAM_DECIDES.format(whom=whom))
        for t in trials
    ]
    dispatcher.utter_message(text=trials_choice(limits if (asked or age) else [], whom))
    return True


TRIALS_WHO_DECIDES_EACH = (
    "In general, neither trial comes out ahead. Only the trial teams can say if either fits one person."
)
