"""Synthetic ClinicalTrials.gov API v2 studies for the registry-scale benchmark.

Never shipped and never written under data/: every record says so in its title and in
`x-source` ({"synthetic": true, "generator": ..., "seed": ...}), and the NCT ids start at
NCT90000000, far beyond any the registry has issued. The shape follows the records in
data/trials; the vocabulary comes from data/lexicon plus everyday non-NET medicine, so that,
as in the real registry, only a few per cent of the studies are about neuroendocrine tumours.

Only `random.Random(seed)` is used: the same seed and count give the same studies, byte for byte.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from itertools import accumulate
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import yaml

from bot.config import LEXICON_DIR

GENERATOR = "scripts.synthetic v1"
FIRST_ID = 90_000_000
PAGE_SIZE = 1000
TITLE_MARK = "[Synthetic]"
NET_SHARE, ONCOLOGY_SHARE = 0.03, 0.30  # the rest is other medicine


class Weighted:
    """A fixed list of choices with weights, drawn quickly from a given Random."""

    def __init__(self, pairs: list[tuple[Any, float]]) -> None:
        self.values = [v for v, _ in pairs]
        self.cum = list(accumulate(w for _, w in pairs))

    def __call__(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cum)[0]


STATUS = Weighted(
    [
        ("COMPLETED", 50),
        ("RECRUITING", 14),
        ("UNKNOWN", 13),
        ("TERMINATED", 6),
        ("ACTIVE_NOT_RECRUITING", 5),
        ("NOT_YET_RECRUITING", 4),
        ("WITHDRAWN", 3),
        ("ENROLLING_BY_INVITATION", 2),
        ("SUSPENDED", 1),
    ]
)
OPEN = {"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"}
PHASES = Weighted(
    [
        (["PHASE2"], 25),
        (["PHASE1"], 18),
        (["PHASE3"], 15),
        (["NA"], 25),
        (["PHASE4"], 8),
        (["PHASE1", "PHASE2"], 6),
        (["PHASE2", "PHASE3"], 2),
        (["EARLY_PHASE1"], 1),
    ]
)
COUNTRY_WEIGHT = {
    "United States": 40,
    "China": 9,
    "France": 5,
    "Germany": 5,
    "United Kingdom": 5,
    "Canada": 4,
    "Italy": 4,
    "Spain": 4,
    "Japan": 3,
    "Korea, Republic of": 3,
    "Netherlands": 2,
    "Belgium": 2,
    "Denmark": 2,
    "Sweden": 2,
    "Australia": 2,
    "Switzerland": 1,
    "Austria": 1,
    "Poland": 1,
    "India": 1,
    "Israel": 1,
    "Ireland": 1,
    "Norway": 1,
    "Finland": 1,
}
MIN_AGE = Weighted(
    [("18 Years", 75), ("12 Years", 4), ("6 Months", 3), ("40 Years", 4), ("50 Years", 3), ("65 Years", 3), (None, 8)]
)
SPONSORS = [
    "National Cancer Institute (NCI)",
    "Novartis Pharmaceuticals",
    "Pfizer",
    "AstraZeneca",
    "Hoffmann-La Roche",
    "Merck Sharp & Dohme LLC",
    "Bristol-Myers Squibb",
    "Ipsen",
    "Advanced Accelerator Applications",
    "Eli Lilly and Company",
    "Sanofi",
    "Bayer",
    "Memorial Sloan Kettering Cancer Center",
    "M.D. Anderson Cancer Center",
    "Mayo Clinic",
    "Assistance Publique - Hôpitaux de Paris",
    "Karolinska Institutet",
    "Uppsala University",
    "University of Oxford",
    "The Christie NHS Foundation Trust",
    "Charité - Universitätsmedizin Berlin",
    "Fudan University",
    "Sun Yat-sen University",
    "Seoul National University Hospital",
    "Rigshospitalet, Denmark",
    "Grupo Espanol de Tumores Neuroendocrinos",
    "Hutchmed",
]
FACILITIES = [
    "{city} University Hospital",
    "{city} Cancer Centre",
    "{city} General Hospital",
    "Clinical Research Site {n}",
    "Investigative Site {n}",
    "{city} Medical Center",
    "Regional Hospital {city}",
    "{city} Clinical Trials Unit",
]

# Everyday medicine, so that most studies are not about NETs: condition -> treatments.
ONCOLOGY = {
    "Breast Cancer": ["Trastuzumab", "Palbociclib", "Letrozole", "Paclitaxel", "Everolimus", "Docetaxel"],
    "Non-small Cell Lung Cancer": ["Osimertinib", "Pembrolizumab", "Carboplatin", "Pemetrexed", "Durvalumab"],
    "Small Cell Lung Cancer": ["Etoposide", "Cisplatin", "Atezolizumab", "Lurbinectedin"],
    "Colorectal Cancer": ["FOLFOX", "Bevacizumab", "Capecitabine", "Cetuximab", "Irinotecan"],
    "Pancreatic Adenocarcinoma": ["FOLFIRINOX", "Gemcitabine", "Nab-paclitaxel", "NALIRIFOX"],
    "Prostate Cancer": ["Enzalutamide", "Abiraterone", "Lutetium Lu 177 vipivotide tetraxetan", "Docetaxel"],
    "Renal Cell Carcinoma": ["Sunitinib", "Cabozantinib", "Nivolumab", "Axitinib", "Everolimus"],
    "Hepatocellular Carcinoma": ["Lenvatinib", "Sorafenib", "Atezolizumab", "TACE"],
    "Melanoma": ["Nivolumab", "Ipilimumab", "Pembrolizumab", "Dabrafenib"],
    "Ovarian Cancer": ["Olaparib", "Carboplatin", "Paclitaxel", "Niraparib"],
    "Glioblastoma": ["Temozolomide", "Radiotherapy", "Bevacizumab"],
    "Acute Myeloid Leukemia": ["Venetoclax", "Azacitidine", "Cytarabine"],
    "Multiple Myeloma": ["Daratumumab", "Lenalidomide", "Bortezomib"],
    "Thyroid Cancer": ["Lenvatinib", "Radioactive Iodine", "Cabozantinib"],
    "Gastric Cancer": ["Oxaliplatin", "Capecitabine", "Nivolumab", "CAPOX"],
}
MEDICINE = {
    "Type 2 Diabetes Mellitus": ["Metformin", "Semaglutide", "Insulin Glargine", "Empagliflozin"],
    "Hypertension": ["Amlodipine", "Losartan", "Lifestyle Intervention"],
    "Heart Failure": ["Sacubitril/Valsartan", "Dapagliflozin", "Cardiac Rehabilitation"],
    "Asthma": ["Budesonide", "Dupilumab", "Inhaler Education"],
    "COVID-19": ["mRNA Vaccine", "Remdesivir", "Dexamethasone"],
    "Major Depressive Disorder": ["Sertraline", "Cognitive Behavioural Therapy", "Esketamine"],
    "Obesity": ["Tirzepatide", "Diet and Exercise Programme", "Bariatric Surgery"],
    "Rheumatoid Arthritis": ["Adalimumab", "Methotrexate", "Tofacitinib"],
    "Chronic Kidney Disease": ["Finerenone", "Dietary Counselling"],
    "Stroke": ["Alteplase", "Thrombectomy", "Physiotherapy"],
    "Osteoarthritis, Knee": ["Exercise Therapy", "Hyaluronic Acid Injection", "Knee Replacement"],
    "Alzheimer Disease": ["Lecanemab", "Cognitive Training"],
    "HIV Infections": ["Dolutegravir", "Cabotegravir"],
    "Kidney Transplantation": ["Tacrolimus", "Everolimus", "Mycophenolate Mofetil"],
    "Healthy Volunteers": ["Influenza Vaccine", "Placebo"],
    "Smoking Cessation": ["Varenicline", "Nicotine Patch", "Text Message Support"],
}
# NET conditions (lexicon ids) and how often a NET study is about each.
NET_CONDITIONS = Weighted(
    [
        ("pancreatic_net", 30),
        ("neuroendocrine_tumour", 20),
        ("gep_net", 15),
        ("small_intestine_net", 8),
        ("non_functioning_pnet", 4),
        ("insulinoma", 3),
        ("gastrinoma", 2),
        ("nec", 5),
        ("net_g3", 2),
        ("lung_net", 4),
        ("carcinoid_syndrome", 3),
        ("men1", 2),
        ("vhl", 1),
        ("liver_metastases", 1),
    ]
)
NET_TREATMENTS = Weighted(
    [
        ("lanreotide", 10),
        ("octreotide", 10),
        ("everolimus", 8),
        ("sunitinib", 5),
        ("prrt", 14),
        ("capecitabine_temozolomide", 6),
        ("streptozocin", 2),
        ("cabozantinib", 3),
        ("surufatinib", 2),
        ("lenvatinib", 2),
        ("telotristat", 2),
        ("ga68_dotatate", 6),
        ("cu64_dotatate", 2),
        ("surgery", 5),
        ("tace", 2),
        ("sirt", 2),
        ("pembrolizumab", 2),
        ("etoposide", 2),
        ("diazoxide", 1),
        ("surveillance", 1),
    ]
)
OUTCOMES = [
    "progression-free survival",
    "overall survival",
    "objective response rate",
    "safety and tolerability",
    "glycaemic control",
    "time to recurrence",
    "symptom control",
    "diagnostic accuracy",
]
SENTENCES = [
    "Participants will be followed for up to {years} years after the last dose.",
    "Blood samples will be collected to explore biomarkers of response.",
    "Participants are randomly assigned in a 1:1 ratio.",
    "Assessments are repeated every {weeks} weeks.",
    "This is an open-label, single-arm study at {sites} centres.",
    "Adverse events will be recorded at every visit.",
    "Adherence is measured with a diary and pill counts.",
    "Secondary endpoints include hospital admissions and costs.",
]
QUALITY_OF_LIFE = "The study will also assess quality of life using validated questionnaires."
CRITERIA = (
    "Inclusion Criteria:\n\n* Age {age} years or older\n* Diagnosis of {condition} confirmed by the"
    " treating team\n* ECOG performance status 0-{ecog}\n* Adequate organ function\n\n"
    "Exclusion Criteria:\n\n* Pregnancy or breastfeeding\n* Another active malignancy within"
    " {years} years\n* Participation in another interventional study"
)


def _display(term: str) -> str:
    """A lexicon term as a record would write it ("pnet" -> "PNET", "lanreotide" -> "Lanreotide")."""
    if len(term) <= 5 and term.isalpha():
        return term.upper()
    return term[:1].upper() + term[1:]


class Vocabulary:
    """Names read once from data/lexicon: record-side terms and brands, and places."""

    def __init__(self, folder: Path = LEXICON_DIR) -> None:
        def load(name: str) -> dict:
            return yaml.safe_load((folder / f"{name}.yml").read_text(encoding="utf-8")) or {}

        def entries(name: str) -> dict[str, dict]:
            return {str(e["id"]): e for e in load(name).get(name, [])}

        self.treatments = entries("treatments")
        self.conditions = entries("conditions")
        cities = defaultdict(list)
        for city in load("places").get("cities", []):
            cities[city["country"]].append(city["name"])
        self.cities = {country: sorted(names) for country, names in cities.items() if country in COUNTRY_WEIGHT}
        self.countries = Weighted([(c, COUNTRY_WEIGHT[c]) for c in sorted(self.cities)])

    def treatment(self, rng: random.Random, concept: str) -> tuple[str, list[str]]:
        entry = self.treatments[concept]
        terms = [str(t) for t in entry.get("terms") or [] if t] or [str(entry["name"])]
        brands = [str(b) for b in entry.get("brands") or []]
        name = _display(rng.choice(terms[:4]))
        others = rng.sample(brands, k=min(len(brands), rng.randint(0, 2))) + rng.sample(terms, k=min(2, len(terms)))
        return name, list(dict.fromkeys(_display(o) for o in others if _display(o) != name))

    def condition(self, rng: random.Random, concept: str) -> str:
        return _display(rng.choice([str(t) for t in self.conditions[concept]["terms"][:12]]))


def _date(rng: random.Random, year: int, partial_share: float = 0.4) -> dict[str, str]:
    month = rng.randint(1, 12)
    if rng.random() < partial_share:
        return {"date": f"{year}-{month:02d}"}
    return {"date": f"{year}-{month:02d}-{rng.randint(1, 28):02d}"}


def _interventions(rng: random.Random, vocab: Vocabulary, area: str, condition_key: str) -> list[dict]:
    if area == "net":
        chosen = list(dict.fromkeys(NET_TREATMENTS(rng) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))))
        items = []
        for concept in chosen:
            name, others = vocab.treatment(rng, concept)
            group = vocab.treatments[concept].get("group")
            kind = {"surgery": "PROCEDURE", "scan_tracer": "DIAGNOSTIC_TEST", "prrt": "RADIATION"}.get(
                group or "", "DRUG"
            )
            items.append({"type": kind, "name": name, **({"otherNames": others} if others else {})})
    else:
        pool = (ONCOLOGY if area == "oncology" else MEDICINE)[condition_key]
        items = [
            {"type": "DRUG" if rng.random() < 0.7 else "OTHER", "name": name}
            for name in rng.sample(pool, k=min(len(pool), rng.choice([1, 1, 2, 3])))
        ]
    if rng.random() < 0.25:
        items.append({"type": "DRUG", "name": "Placebo", "description": "Matching placebo."})
    return items


def _locations(rng: random.Random, vocab: Vocabulary, status: str) -> list[dict]:
    count = rng.choice([1, 1, 1, 1, 2, 2, 3, 4, 5, 8, 12, 20, 40])
    home = vocab.countries(rng)
    sites = []
    for n in range(count):
        country = home if n == 0 or rng.random() < 0.6 else vocab.countries(rng)
        city = rng.choice(vocab.cities[country])
        site = {
            "facility": rng.choice(FACILITIES).format(city=city, n=rng.randint(1, 999)),
            "city": city,
            "country": country,
        }
        if status in OPEN:
            site["status"] = "RECRUITING" if rng.random() < 0.8 else "NOT_YET_RECRUITING"
        sites.append(site)
    return sites


def _conditions(rng: random.Random, vocab: Vocabulary) -> tuple[str, str, list[str]]:
    """(area, key, conditions): the area is net, oncology or medicine; the key picks treatments."""
    roll = rng.random()
    if roll < NET_SHARE:
        key = NET_CONDITIONS(rng)
        named = [vocab.condition(rng, key)] + ([vocab.condition(rng, key)] if rng.random() < 0.3 else [])
        return "net", key, list(dict.fromkeys(named))
    area = "oncology" if roll < NET_SHARE + ONCOLOGY_SHARE else "medicine"
    key = rng.choice(sorted(ONCOLOGY if area == "oncology" else MEDICINE))
    return area, key, [key]


def _summary(rng: random.Random, treatment: str, condition: str) -> str:
    who = "healthy volunteers" if condition == "Healthy Volunteers" else f"people with {condition.lower()}"
    sentences = [
        f"This study evaluates {treatment.lower()} in {who}.",
        f"The main question is whether it improves {rng.choice(OUTCOMES)}.",
    ]
    sentences += [
        s.format(years=rng.randint(1, 5), weeks=rng.choice([8, 12]), sites=rng.randint(2, 40))
        for s in rng.sample(SENTENCES, k=rng.randint(0, 2))
    ]
    if rng.random() < 0.05:  # a common phrase, but in a minority of records
        sentences.append(QUALITY_OF_LIFE)
    return " ".join(sentences)


def _eligibility(rng: random.Random, condition: str) -> dict[str, Any]:
    sex = "FEMALE" if "Breast" in condition or "Ovarian" in condition else "MALE" if "Prostate" in condition else "ALL"
    module: dict[str, Any] = {"sex": sex, "healthyVolunteers": condition == "Healthy Volunteers"}
    minimum = MIN_AGE(rng)
    if minimum:
        module["minimumAge"] = minimum
    if rng.random() < 0.15:
        module["maximumAge"] = rng.choice(["65 Years", "75 Years", "80 Years"])
    if rng.random() < 0.3:
        module["eligibilityCriteria"] = CRITERIA.format(
            age=rng.choice([18, 18, 40]), condition=condition.lower(), ecog=rng.choice([1, 2]), years=rng.choice([3, 5])
        )
    return module


def make_study(rng: random.Random, vocab: Vocabulary, number: int, seed: int) -> dict:
    """One synthetic study; `number` (0, 1, ...) gives its NCT id."""
    area, key, conditions = _conditions(rng, vocab)
    condition = conditions[0]
    if rng.random() < 0.01:
        conditions.append("Quality of Life")
    status = STATUS(rng)
    interventional = rng.random() < 0.78
    interventions = _interventions(rng, vocab, area, key) if interventional or rng.random() < 0.3 else []
    treatment = interventions[0]["name"] if interventions else "standard care"
    phases = PHASES(rng) if interventional else []
    phase_text = "/".join(p.replace("PHASE", "Phase ") for p in phases if p.startswith("PHASE"))
    if interventional:
        title = f"{phase_text + ' ' if phase_text else ''}Study of {treatment} in {condition}"
    else:
        title = f"Outcomes of Patients With {condition}: a {rng.choice(['Registry', 'Cohort Study'])}"
    start = rng.randint(2022, 2026) if status in OPEN else rng.randint(2000, 2023)

    ident: dict[str, Any] = {"nctId": f"NCT{FIRST_ID + number:08d}", "briefTitle": f"{TITLE_MARK} {title}"}
    if rng.random() < 0.5:
        ident["officialTitle"] = f"A Randomised, Multicentre {title} (Synthetic Benchmark Record)"
    if rng.random() < 0.2:
        ident["acronym"] = "".join(rng.choice("ABCDEFGHIKLMNOPRSTUVZ") for _ in range(5)) + f"-{rng.randint(1, 3)}"
    design: dict[str, Any] = {"studyType": "INTERVENTIONAL" if interventional else "OBSERVATIONAL"}
    if phases:
        design["phases"] = phases
    design["enrollmentInfo"] = {"count": rng.randint(10, 800), "type": "ESTIMATED" if status in OPEN else "ACTUAL"}
    protocol: dict[str, Any] = {
        "identificationModule": ident,
        "statusModule": {
            "overallStatus": status,
            "startDateStruct": _date(rng, start),
            "completionDateStruct": _date(rng, start + rng.randint(1, 6)),
            "lastUpdatePostDateStruct": _date(rng, min(start + rng.randint(0, 3), 2026), partial_share=0),
        },
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": rng.choice(SPONSORS)}},
        "descriptionModule": {"briefSummary": _summary(rng, treatment, condition)},
        "conditionsModule": {"conditions": conditions},
        "designModule": design,
        "eligibilityModule": _eligibility(rng, condition),
    }
    if area == "net" and rng.random() < 0.5:
        protocol["conditionsModule"]["keywords"] = [vocab.condition(rng, NET_CONDITIONS(rng)), "Neuroendocrine"]
    if interventions:
        protocol["armsInterventionsModule"] = {"interventions": interventions}
    if rng.random() < 0.7:
        protocol["contactsLocationsModule"] = {"locations": _locations(rng, vocab, status)}
    return {"protocolSection": protocol, "x-source": {"synthetic": True, "generator": GENERATOR, "seed": seed}}


def generate(count: int, seed: int, vocab: Optional[Vocabulary] = None) -> Iterator[dict]:
    rng = random.Random(seed)
    vocab = vocab or Vocabulary()
    for number in range(count):
        yield make_study(rng, vocab, number, seed)


def write_pages(folder: Path, count: int, seed: int, progress: Optional[Callable[[int], None]] = None) -> list[Path]:
    """Write `count` studies as API-style pages {"studies": [...]} of PAGE_SIZE each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    page: list[dict] = []
    studies = generate(count, seed)
    for number, study in enumerate(studies, start=1):
        page.append(study)
        if len(page) == PAGE_SIZE or number == count:
            path = folder / f"page-{len(paths) + 1:05d}.json"
            path.write_text(json.dumps({"studies": page}, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
            if progress:
                progress(len(page))
            page = []
    return paths
