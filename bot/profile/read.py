"""One message -> what it tells us about the person; a conversation's profile, updated by it.

    profile = Profile.from_dict(slot_value)
    profile = update(profile, "sorry, she's 68 not 58")

Everything here is our own rules over the lexicon (no network, no Rasa), fast enough for every
message (docs/benchmarks.md). A story is read in full; only the first MAX_CHARS characters of a
very long one count.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from bot.lexicon import Lexicon, default_lexicon
from bot.prescreen.answers import grade_from_ki67
from bot.profile.all_clear import says_all_clear
from bot.profile.model import Lookup, Place, Profile, TreatmentHad, Wants
from bot.profile.name_correction import name_corrected
from bot.profile.person import about_a_pet, read_person, says_self_outright
from bot.profile.place import read_place
from bot.profile.place_asked import asked_elsewhere
from bot.profile.pointed_back import TRIAL_REQUEST, named_then_asked_for
from bot.profile.tested import kind_members
from bot.profile.time_known import known_since
from bot.profile.treatment_names import TESTS_NOT_TREATMENTS
from bot.profile.treatments import (
    had_by_pronoun,
    named_ids,
    outcome_said_later,
    read_treatments,
    treatment_group,
)
from bot.profile.tumour import read_tumour
from bot.profile.wishes import asks_about_their_age, group_of_age, read_age_group, read_phase, read_status
from bot.profile.wording import readable
from bot.text import normalize
from bot.trials.nct import find_nct_candidate
from bot.trials.query_from_words import refers_back


def read_message(text: Optional[str], lexicon: Optional[Lexicon] = None) -> Profile:
    """What one message says; an empty profile for an empty or unreadable one."""
    return _read(text or "", lexicon or default_lexicon())


# One message is read by several steps of one turn (the slot mappings, the search, the
# understanding of an unplaced message): read once, shared (a Profile cannot be changed).
@lru_cache(maxsize=64)
def _read(text: str, lexicon: Lexicon) -> Profile:
    plain = readable(text)
    if not plain.strip() or about_a_pet(plain):
        return Profile()
    person = read_person(plain)
    treatments = read_treatments(plain, lexicon)
    had = tuple(t for t in treatments.had if treatment_group(lexicon, t.id) not in TESTS_NOT_TREATMENTS)
    return replace(
        read_tumour(plain),
        about=person.about,
        age=person.age,
        sex=person.sex,
        corrections=("about",) if person.says_who else (),
        treatments=had,
        wants=Wants(
            treatment=treatments.wanted
            or named_then_asked_for(plain, {t.id for t in treatments.had}, treatments.avoided, lexicon),
            avoid=treatments.avoided,
            phase=read_phase(plain),
            status=read_status(plain),
            age_group=read_age_group(plain),
            proposed=treatments.proposed,
        ),
        place=read_place(plain, lexicon),
        lookup=Lookup(nct_id=find_nct_candidate(plain)),
        topic=_topic(plain, lexicon),
        known_since=known_since(plain, lexicon),
        all_clear=says_all_clear(normalize(plain)),
    )


# "is everolimus a chemo?": the treatment asked about is the subject, not the kind it might be
_IS_IT_A_KIND = re.compile(
    r"^\W*(?:is|are|isn t|isn't)\b[^?.!]*?\b(?:a|an|a kind of|a type of|a form of|a sort of)\s+\w+\W*$", re.I
)


def _topic(plain: str, lexicon: Lexicon) -> Optional[str]:
    named = named_ids(plain, lexicon)
    if not named:
        return None
    return named[0] if _IS_IT_A_KIND.match(plain.strip()) else named[-1]


def update(profile: Profile, text: Optional[str], lexicon: Optional[Lexicon] = None) -> Profile:
    """The profile after one more message."""
    latest = _topic_wish(
        profile, _had_by_pronoun(profile, read_message(text, lexicon), text or "", lexicon), text or ""
    )
    latest = _age_group_of_earlier_age(profile, latest, text or "")
    if asked_elsewhere(profile.place, latest.place, readable(text or ""), lexicon):
        latest = replace(latest, place=Place())  # "we live in York" ... "anything in Leeds?": still in York
    latest = _weak_self_kept_out(profile, latest, text or "")
    latest = _ki67_put_right(profile, latest, text or "")
    fixed = _name_put_right(profile, latest, text or "", lexicon or default_lexicon())
    if fixed is not None:
        return fixed
    return _kind_said_beside_member(
        profile.merged(_outcome_of_earlier(profile, latest, text or "", lexicon)), lexicon or default_lexicon()
    )


def _kind_said_beside_member(profile: Profile, lexicon: Lexicon) -> Profile:
    """ "3 hours each way for his scans and jabs ... on lanreotide": the kind ("the jabs") said beside one of
    its members is that member, not a second treatment (what was said of the kind goes to the member)."""
    if len(profile.treatments) < 2:
        return profile
    by_id = {t.id: t for t in profile.treatments}
    kinds = {t.id: [m for m in kind_members(t.id, lexicon) if m in by_id] for t in profile.treatments}
    if not any(kinds.values()):
        return profile
    kept = []
    for had in profile.treatments:
        if kinds[had.id]:
            continue
        told = next((by_id[k].outcome for k, members in kinds.items() if had.id in members and by_id[k].outcome), None)
        kept.append(replace(had, outcome=had.outcome or told))
    return replace(profile, treatments=tuple(kept))


def _name_put_right(before: Profile, latest: Profile, text: str, lexicon: Lexicon) -> Optional[Profile]:
    """ "she's on everolimus" ... "sorry not everolimus, sunitinib": the treatment had renamed, not
    a wish to avoid both (the message's other facts still count)."""
    correction = name_corrected(text, lexicon)
    if correction is None or correction.wrong not in {t.id for t in before.treatments}:
        return None
    names = {correction.wrong, correction.right}
    renamed = tuple(replace(t, id=correction.right) if t.id == correction.wrong else t for t in before.treatments)
    wants = replace(
        latest.wants,
        treatment=tuple(i for i in latest.wants.treatment if i not in names),
        avoid=tuple(i for i in latest.wants.avoid if i not in names),
    )
    rest = replace(latest, treatments=tuple(t for t in latest.treatments if t.id not in names), wants=wants, topic=None)
    return replace(before, treatments=renamed, topic=correction.right).merged(rest)


_PUT_RIGHT = re.compile(
    r"\b(?:sorry|typo|oops|meant|misread|misread\w*|mis-read|correction|my\s+mistake|my\s+bad|wrong)\b", re.I
)
_NUMBER = r"(\d{1,2}(?:[.,]\d{1,2})?)"
_THIS_NOT_THAT = re.compile(rf"{_NUMBER}\s*%?\s+not\s+{_NUMBER}\s*%?", re.I)
# "sorry, it was 2.5%": not another percentage ("his weight was 10% down", "its 15% of the liver")
_IT_WAS = re.compile(
    rf"\b(?:it\s+was|it'?s|its|it\s+is|should\s+be|ki-?\s?67\s+(?:was|is))\s+(?:actually\s+|really\s+)?{_NUMBER}\s*%"
    r"(?!\s*(?:down|up|of|off|loss|lost|lower|higher|less|more|weight|bigger|smaller)\b)",
    re.I,
)


def _ki67_put_right(before: Profile, latest: Profile, text: str) -> Profile:
    """ "ki67 came back 25%" ... "sorry, it was 2.5%, i misread the letter", "typo, its 25 not 2,5": the
    Ki-67 said before, corrected (and the grade it gives)."""
    if before.ki67 is None or latest.ki67 is not None or not _PUT_RIGHT.search(text):
        return latest
    pair = _THIS_NOT_THAT.search(text)
    if pair and float(pair.group(2).replace(",", ".")) == before.ki67:
        value = float(pair.group(1).replace(",", "."))
    elif (said := _IT_WAS.search(text)) is not None:
        value = float(said.group(1).replace(",", "."))
    else:
        return latest
    if value == before.ki67:
        return latest
    grade = grade_from_ki67(value)
    kind = latest.tumour_type or ("NET" if grade < 3 else None)  # grade 1 or 2 alone implies a NET (README)
    return replace(latest, ki67=value, grades=(grade,), tumour_type=kind)


def _weak_self_kept_out(before: Profile, latest: Profile, text: str) -> Profile:
    """ "my wife has a pancreatic NET" ... "sorry, I just reread the letter, it says carcinoma": an "I" in
    passing after someone else was named is still the same person's story, not the writer's own."""
    if before.about in (None, "self") or latest.about != "self" or "about" in latest.corrections:
        return latest
    if says_self_outright(readable(text)):
        return latest
    return replace(latest, about=None, age=None, sex=None)


def _age_group_of_earlier_age(before: Profile, latest: Profile, text: str) -> Profile:
    """ "I'm 70" ... "any trials that take someone my age?": the age said earlier gives the group; "trials for
    kids?" ... "my daughter is 13": the young group asked for earlier is the one of the age said now."""
    young = ("child", "teen")
    said_alone = not latest.has_medical_facts  # "my daughter is 13": whom the earlier request was for
    if not latest.wants.age_group and latest.age is not None and before.wants.age_group in young and said_alone:
        group = group_of_age(latest.age)
        if group in young and group != before.wants.age_group:
            return replace(latest, wants=replace(latest.wants, age_group=group))
    if latest.wants.age_group and latest.age is None and before.age is not None:
        return replace(latest, wants=replace(latest.wants, age_group=_group_for(latest.wants.age_group, before.age)))
    if latest.wants.age_group or latest.age or not before.age or not asks_about_their_age(readable(text)):
        return latest
    return replace(latest, wants=replace(latest.wants, age_group=group_of_age(before.age)))


def _group_for(asked: str, age: int) -> Optional[str]:
    """The group asked for, read with the patient's age said earlier (as `read_age_group` reads one said in the
    same message): "he's 15" ... "or is that only for adults?" asks for a teenager; "any for kids?" of a
    13-year-old is for a teenager too; "trials for children?" after "I'm 70" is not the patient's."""
    if age < 18:
        return group_of_age(age)
    return None if asked in ("child", "teen") else asked


# "is it available on trial?", "a trial comparing it with PRRT", "is that study in Australia?"
_IT_ON_TRIAL = re.compile(
    r"\b(?:is|are|was)\s+(?:it|that|this|they)\s+(?:\w+\s+){0,2}?(?:on|in|as part of|through)\s+(?:a\s+|any\s+)?(?:trials?|study|studies)\b"
    r"|\b(?:comparing|compare|compares|combining|combines?|with|versus|vs|against|plus)\s+(?:it|that|this|them)\b"
    r"|\b(?:that|this|the same)\s+(?:trial|study)\b",
    re.I,
)


_NO_OUTCOME_GROUPS = {"surgery", "surveillance"}  # an operation does not "stop working", watching is not "stopped"
_FIRM = ("stopped working", "side effects")


def _outcome_of_earlier(before: Profile, latest: Profile, text: str, lexicon: Optional[Lexicon]) -> Profile:
    """ "my dad is on lanreotide" ... "it stopped working last month": what a later message says happened
    goes to the treatment named last (or to all of them: "both stopped working")."""
    outcome, every = outcome_said_later(text, lexicon or default_lexicon())
    if outcome is None:
        return latest
    drugs = [
        t for t in before.treatments if treatment_group(lexicon or default_lexicon(), t.id) not in _NO_OUTCOME_GROUPS
    ]
    targets = drugs if every else [t for t in drugs if t.id == before.topic] or (drugs if len(drugs) == 1 else [])
    told = tuple(TreatmentHad(t.id, outcome) for t in targets if t.outcome not in _FIRM or outcome in _FIRM)
    return replace(latest, treatments=(*latest.treatments, *told)) if told else latest


def _had_by_pronoun(before: Profile, latest: Profile, text: str, lexicon: Optional[Lexicon]) -> Profile:
    """ "what's lanreotide?" ... "my wife's been on it 2 years": the treatment in focus, had."""
    topic = before.topic
    if not topic or topic in {t.id for t in (*before.treatments, *latest.treatments)}:
        return latest
    had = had_by_pronoun(text, topic, lexicon)
    return replace(latest, treatments=(*latest.treatments, had)) if had else latest


def _topic_wish(before: Profile, latest: Profile, text: str) -> Profile:
    """A trial asked for by pointing back ("is there a trial of it?", "is it available on trial?"), or
    right after a message that only named a treatment ("cabozantinib" / "any trials for pNETs?"),
    wants the treatment in focus, unless it was had or ruled out."""
    topic = before.topic
    if not topic or topic in (*latest.wants.treatment, *latest.wants.avoid) or not TRIAL_REQUEST.search(text):
        return latest
    if topic in {t.id for t in (*before.treatments, *latest.treatments)}:
        return latest
    only_a_name_before = before == Profile(topic=topic) and not latest.wants.treatment
    if not (only_a_name_before or _points_back(text) or _IT_ON_TRIAL.search(text)):
        return latest
    return replace(latest, wants=replace(latest.wants, treatment=(topic, *latest.wants.treatment)))


_TRIALS_OF_IT = re.compile(
    r"\b(?:trials?|studies|study)\s+(?:of|for|with|on|using|testing|into)\s+(?:it|them|this|that|these|those)\b", re.I
)
_SHORT = 10  # words: "any trials of it?", "is that on the NHS?"


def _points_back(text: str) -> bool:
    """ "Is there a trial of it in the UK?", or a short follow-up that says "it"; not a story
    that happens to say "its" ("its in his lymph nodes")."""
    return bool(_TRIALS_OF_IT.search(text)) or (len(text.split()) <= _SHORT and refers_back(text))


def for_search(profile: Profile, text: Optional[str], lexicon: Optional[Lexicon] = None) -> Profile:
    """The conversation's profile as one message searches with it: that message's wishes (if
    any) in place of older ones ("what about immunotherapy?" after a PRRT search), the topic
    when it points back ("is there a trial of it?"), and its look-up names only."""
    latest = read_message(text, lexicon)
    if asked_elsewhere(profile.place, latest.place, readable(text or ""), lexicon):
        profile = replace(profile, place=latest.place)  # the place asked about, not the home kept
    wanted = latest.wants.treatment
    if not wanted and profile.topic and _points_back(text or ""):
        wanted = (profile.topic,)
    if wanted:
        profile = replace(profile, wants=replace(profile.wants, treatment=wanted))
    return replace(profile, lookup=latest.lookup)
