"""A small typed table of treatments, tests and kinds of treatment for pancreatic NETs.

Every fact comes from ../shared/reference/knowledge-facts.md (its "Changes on 2026-12-04"
corrections included), written in our own plain words. Where the facts file says nothing (a
side effect, how a scan is done), the field is left empty rather than filled from memory.
The same cautions apply as to the knowledge answers (data/nlu/knowledge_responses.yml): never
say cabozantinib is approved in the EU, surufatinib is approved only in China, immunotherapy
for these tumours is mainly in trials, PRRT schedules differ by hospital.

`lexicon_ids` are the concepts of data/lexicon/treatments.yml whose names (brands, lay words,
misspellings) resolve to an entry, so "Lutathera", "177Lu-DOTATATE" and "PRRT" mean the same
here as in the trial search. `names` are extra names the lexicon does not have, or more
specific ones ("Whipple" is surgery to the lexicon but has its own entry here). `searched`
are the lexicon concepts whose trials we count for the entry (by default its lexicon_ids).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, Optional

# The day these facts were last compared with knowledge-facts.md (its latest revision,
# "Changes on 2026-12-04"). Move it on only after re-checking every entry; a test fails when
# it is more than 12 months old, as for the knowledge answers (docs/knowledge.md).
FACTS_CHECKED = datetime.date(2026, 12, 4)

Category = Literal["treatment", "procedure", "test", "approach"]


@dataclass(frozen=True)
class Treatment:
    id: str
    name: str  # as the answer's heading shows it
    category: Category  # a procedure or test "is done"; a test "shows"; a procedure has after-effects
    what: str  # what kind of thing it is, a short phrase: "a targeted drug"
    works: Optional[str]  # how it works (for a test: what it shows)
    given: Optional[str]  # how it is given (for a test: how it is done)
    side_effects: Optional[str]  # common side effects, as the facts file lists them
    stands: Optional[str]  # where it stands: approved for what, recommended, in research
    sources: tuple[str, ...]  # who the facts come from (as in the knowledge answers)
    lexicon_ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # normalised words people use that the lexicon lacks
    part_of: tuple[str, ...] = ()  # ids of the kinds (or combinations) it belongs to
    searched: Optional[tuple[str, ...]] = None  # lexicon ids whose trials are counted
    both: Optional[str] = None  # for a kind: the sentence saying two of its members belong to it
    one_of: Optional[str] = None  # for a kind: what a member is ("a kind of chemotherapy")
    checked: datetime.date = FACTS_CHECKED

    @property
    def trial_concepts(self) -> tuple[str, ...]:
        return self.lexicon_ids if self.searched is None else self.searched


CRUK = "Cancer Research UK"
MACMILLAN = "Macmillan"
NCUK = "Neuroendocrine Cancer UK"
NICE = "NICE"

_SSA_SIDE_EFFECTS = (
    "Usually few: headache, dizziness, feeling sick, bloating, tummy pain, tiredness, sore "
    "injection site. Gallstones and blood sugar changes can happen."
)
_CHEMO_SIDE_EFFECTS = (
    "Tiredness, feeling sick, a sore mouth, taste changes, and low blood counts, which "
    "raise the risk of infection and bruising."
)
_CHECKPOINT_GIVEN = "Most often a drip into a vein. Some can now be an injection under the skin."
_CHECKPOINT_SIDE_EFFECTS = (
    "The immune system can attack healthy organs. This can start during or after treatment, and is sometimes serious."
)
_LIVER_GIVEN = "A specialist doctor (an interventional radiologist) does this. The person is numbed or asleep."

TREATMENTS: tuple[Treatment, ...] = (
    # ------------------------------------------------------------ somatostatin analogues
    Treatment(
        id="somatostatin_analogue",
        name="Somatostatin analogues (SSAs)",
        category="treatment",
        what="a group of drugs (lanreotide and octreotide)",
        works=(
            "Man-made copies of somatostatin, a body hormone. They slow hormone release, easing diarrhoea "
            "and flushing, and can slow a NET's growth."
        ),
        given="An injection, most often every 4 weeks, often from a nurse.",
        side_effects=_SSA_SIDE_EFFECTS,
        stands="Widely used as a first treatment for gut and pancreatic NETs. Not used for fast-growing NECs.",
        sources=(CRUK, NCUK),
        lexicon_ids=("somatostatin_analogue",),
        both="Both are somatostatin analogues (SSAs).",
        one_of="one of the somatostatin analogues (SSAs)",
    ),
    Treatment(
        id="lanreotide",
        name="Lanreotide (Somatuline Autogel)",
        category="treatment",
        what="a somatostatin analogue (SSA)",
        works=(
            "Acts like somatostatin, a hormone that slows the release of other hormones. It can ease "
            "symptoms and slow a NET's growth."
        ),
        given=(
            "An injection deep under the skin of the buttock or upper thigh, usually every 4 weeks. A nurse gives it, or "
            "teaches the person or someone close to do it at home."
        ),
        side_effects=_SSA_SIDE_EFFECTS,
        stands="Approved in the USA and Europe to slow the growth of some pancreatic and gut NETs (CLARINET trial).",
        sources=(CRUK, NCUK, "CLARINET trial reports"),
        lexicon_ids=("lanreotide",),
        part_of=("somatostatin_analogue",),
    ),
    Treatment(
        id="octreotide",
        name="Octreotide (Sandostatin)",
        category="treatment",
        what="a somatostatin analogue (SSA)",
        works=(
            "Acts like somatostatin, a hormone that slows the release of other hormones. It can ease "
            "symptoms such as diarrhoea and flushing."
        ),
        given=(
            "Long-acting: into the buttock muscle by a nurse or doctor, usually every 4 weeks. Short-acting: "
            "under the skin 2 to 4 times a day, often self-given."
        ),
        side_effects=_SSA_SIDE_EFFECTS,
        stands=(
            "Widely used as a first treatment for gut and pancreatic NETs. The main trial that found it slows "
            "growth (PROMID) was in small bowel NETs, not pancreatic ones."
        ),
        sources=(CRUK, "MedlinePlus", NCUK),
        lexicon_ids=("octreotide",),
        part_of=("somatostatin_analogue",),
    ),
    # ------------------------------------------------------------ targeted drugs
    Treatment(
        id="targeted_therapy",
        name="Targeted drugs",
        category="treatment",
        what="a group of drugs such as everolimus and sunitinib",
        names=("targeted tablets", "targeted pills", "targeted drug tablets", "the targeted tablets"),
        works="They block proteins that help cancer cells grow, or that help a tumour grow new blood vessels.",
        given="Most are tablets or capsules taken by mouth every day.",
        side_effects=None,
        stands=(
            "In England, NICE recommends everolimus and sunitinib for some pancreatic NETs that are "
            "growing and cannot be removed. Others are being tested in trials."
        ),
        sources=(CRUK, NICE, MACMILLAN),
        lexicon_ids=("targeted_therapy",),
        both="Both are targeted drugs.",
        one_of="one of the targeted drugs",
    ),
    Treatment(
        id="everolimus",
        name="Everolimus (Afinitor)",
        category="treatment",
        what="a targeted drug",
        works="Blocks mTOR, a protein that helps cancer cells grow. It can also slow new blood vessel growth.",
        given="A tablet once a day, swallowed whole, for as long as it works. No grapefruit.",
        side_effects=(
            "Sore mouth or ulcers, rash, cough or breathlessness, raised cholesterol, blood sugar "
            "changes, low blood counts (higher infection risk). Blood tests before and during."
        ),
        stands=(
            "Recommended by NICE in England for some pancreatic NETs. These are growing, and cannot be "
            "removed or have spread."
        ),
        sources=(MACMILLAN, CRUK, NICE),
        lexicon_ids=("everolimus",),
        part_of=("targeted_therapy",),
    ),
    Treatment(
        id="sunitinib",
        name="Sunitinib (Sutent)",
        category="treatment",
        what="a targeted drug",
        works=(
            "Blocks proteins called kinases that help cancer cells grow. It also cuts off the growth of "
            "new blood vessels."
        ),
        given="Capsules once a day, every day with no breaks (for pancreatic NETs). No grapefruit.",
        side_effects=(
            "Diarrhoea, low white blood cells, tummy pain, tiredness, sore mouth, sore hands and feet, "
            "high blood pressure. Blood tests before and during."
        ),
        stands=(
            "Recommended by NICE in England for some pancreatic NETs. These are growing, and cannot be "
            "removed or have spread."
        ),
        sources=(CRUK, MACMILLAN, NICE),
        lexicon_ids=("sunitinib",),
        part_of=("targeted_therapy",),
    ),
    Treatment(
        id="cabozantinib",
        name="Cabozantinib (Cabometyx)",
        category="treatment",
        what="a targeted drug",
        works=None,
        given="Taken by mouth once a day.",
        side_effects=None,
        stands=(
            "Approved in the USA in March 2025 for some NETs that were treated before and cannot be "
            "removed or have spread. NICE's draft advice for England did not recommend it."
        ),
        sources=("ESMO", NICE),
        lexicon_ids=("cabozantinib",),
        part_of=("targeted_therapy",),
    ),
    Treatment(
        id="lenvatinib",
        name="Lenvatinib",
        category="treatment",
        what="a targeted drug",
        works="Blocks proteins that help tumours grow new blood vessels.",
        given="In the TALENT trial it was taken every day.",
        side_effects="In the TALENT trial: tiredness, diarrhoea and high blood pressure.",
        stands=("In research. It is not approved for pancreatic NETs. A phase 2 trial (TALENT) found it worked well."),
        sources=(CRUK, "ESMO"),
        lexicon_ids=("lenvatinib",),
        part_of=("targeted_therapy",),
    ),
    Treatment(
        id="surufatinib",
        name="Surufatinib",
        category="treatment",
        what="a targeted drug",
        works="Blocks signals that help tumours grow new blood vessels, and a receptor on immune cells.",
        given="Taken by mouth.",
        side_effects=None,
        stands="Approved only in China. It is not approved in the USA or Europe.",
        sources=("NHS Specialist Pharmacy Service", "BMJ Best Practice"),
        lexicon_ids=("surufatinib",),
        part_of=("targeted_therapy",),
    ),
    Treatment(
        id="pazopanib",
        name="Pazopanib",
        category="treatment",
        what="a targeted drug",
        works="Blocks signals that help tumours grow new blood vessels.",
        given="Taken by mouth once a day.",
        side_effects="In a trial: tiredness, feeling sick, diarrhoea and high blood pressure.",
        stands="In research only. It was tested with octreotide in a phase 2 trial. It is not approved for NETs.",
        sources=("a phase 2 trial report",),
        lexicon_ids=("pazopanib",),
        part_of=("targeted_therapy",),
    ),
    Treatment(
        id="axitinib",
        name="Axitinib",
        category="treatment",
        what="a targeted drug",
        works="Blocks signals that help tumours grow new blood vessels.",
        given="In a trial it was taken twice a day.",
        side_effects="In a trial in NETs outside the pancreas, many people had severe high blood pressure.",
        stands="In research only. It is not approved for NETs.",
        sources=("a phase 2 trial report",),
        lexicon_ids=("axitinib",),
        part_of=("targeted_therapy",),
    ),
    # ------------------------------------------------------------ chemotherapy
    Treatment(
        id="chemotherapy",
        name="Chemotherapy",
        category="treatment",
        what="a kind of treatment",
        works="Drugs that kill cells that divide quickly, such as cancer cells.",
        given="Most often a drip into a vein; some are tablets. Given in cycles, with rest breaks in between.",
        side_effects=_CHEMO_SIDE_EFFECTS,
        stands=(
            "Not usually the first choice for NETs; used when a NET grows fast or has spread. A common main "
            "treatment for NECs (fast-growing neuroendocrine cancers)."
        ),
        sources=(CRUK, NCUK),
        lexicon_ids=("chemotherapy",),
        both="Both are chemotherapy.",
        one_of="a kind of chemotherapy",
    ),
    Treatment(
        id="captem",
        name="CAPTEM (capecitabine with temozolomide)",
        category="treatment",
        what="chemotherapy with two drugs",
        works="Both drugs kill cells that divide quickly, such as cancer cells.",
        given=(
            "Tablets and capsules at home, in 4-week cycles: 2 weeks of treatment, then 2 weeks off. Blood "
            "checks before each cycle."
        ),
        side_effects=(
            "Tiredness, loss of appetite, diarrhoea, a sore mouth, sore hands and feet, and low blood counts."
        ),
        stands=(
            "Used for NETs. In a trial in pancreatic NETs, the two drugs together held the cancer back "
            "for longer than temozolomide alone."
        ),
        sources=(CRUK, "Velindre Cancer Centre", "the E2211 trial"),
        lexicon_ids=("capecitabine_temozolomide",),
        part_of=("chemotherapy",),
        both="Both are part of CAPTEM, where they are taken together.",
        one_of="part of CAPTEM",
    ),
    Treatment(
        id="capecitabine",
        name="Capecitabine",
        category="treatment",
        what="a chemotherapy tablet",
        works="Kills cells that divide quickly, such as cancer cells.",
        given=(
            "Tablets twice a day with food. In CAPTEM, on days 1 to 14 of each 4-week cycle. A blood test "
            "for an enzyme called DPD is done before starting."
        ),
        side_effects="Tiredness, loss of appetite, diarrhoea, a sore mouth, and sore hands and feet.",
        stands="Used for NETs together with temozolomide, as CAPTEM.",
        sources=(CRUK,),
        lexicon_ids=("capecitabine",),
        part_of=("captem", "chemotherapy"),
    ),
    Treatment(
        id="temozolomide",
        name="Temozolomide",
        category="treatment",
        what="a chemotherapy capsule",
        works="Kills cells that divide quickly, such as cancer cells.",
        given="Capsules on an empty stomach. In CAPTEM, on days 10 to 14 of each 4-week cycle.",
        side_effects=None,
        stands=(
            "Used for NETs together with capecitabine, as CAPTEM. In a pancreatic NET trial it was "
            "also given on its own."
        ),
        sources=(CRUK, "the E2211 trial"),
        lexicon_ids=("temozolomide",),
        part_of=("captem", "chemotherapy"),
    ),
    Treatment(
        id="streptozocin",
        name="Streptozocin with fluorouracil (5-FU)",
        category="treatment",
        what="chemotherapy with two drugs",
        works="The drugs kill cells that divide quickly, such as cancer cells.",
        given=None,
        side_effects=(
            "Kidney damage is the main worry, so the kidneys are checked with urine and blood tests before each dose."
        ),
        stands="Used for NETs. Streptozocin is not licensed in many countries.",
        sources=(CRUK, "the Carcinoid Cancer Foundation"),
        lexicon_ids=("streptozocin", "fluorouracil"),
        searched=("streptozocin",),
        part_of=("chemotherapy",),
    ),
    Treatment(
        id="platinum_chemotherapy",
        name="Platinum chemotherapy (cisplatin or carboplatin, with etoposide)",
        category="treatment",
        what="chemotherapy",
        works="The drugs kill cells that divide quickly, such as cancer cells.",
        given="In cycles with rest breaks, like most chemotherapy.",
        side_effects=_CHEMO_SIDE_EFFECTS,
        stands=(
            "The usual first treatment for advanced NEC (fast-growing neuroendocrine cancer) outside the "
            "lung. It was borrowed from lung cancer care, and trials have never confirmed it for NEC."
        ),
        sources=(CRUK, NCUK, "a review"),
        lexicon_ids=("cisplatin", "carboplatin", "etoposide"),
        names=(
            "platinum",
            "platinum chemo",
            "platinum chemotherapy",
            "platinum based chemotherapy",
            "platinum based chemo",
            "platinum etoposide",
            "platinum and etoposide",
            "carboplatin etoposide",
            "carboplatin and etoposide",
            "cisplatin etoposide",
            "cisplatin and etoposide",
        ),
        part_of=("chemotherapy",),
    ),
    # ------------------------------------------------------------ PRRT
    Treatment(
        id="prrt",
        name="PRRT (Lutathera, lutetium-177)",
        category="treatment",
        what="a radioactive drug treatment",
        works=(
            "A radioactive drug travels in the blood to NET cells with somatostatin receptors, and kills "
            "them from inside. A scan must show the receptors first."
        ),
        given=(
            "A drip, usually 4 times, 8 or more weeks apart, with an amino acid drip to protect the kidneys. "
            "Radiation safety rules at home for a while."
        ),
        side_effects=(
            "Feeling sick, tiredness, hair thinning that grows back, low blood counts for a while. "
            "Serious kidney or bone marrow damage is rare."
        ),
        stands=(
            "Approved in Europe and the USA for some growing grade 1 or 2 (slower growing) gut and "
            "pancreatic NETs. NICE recommends it in England. Not for fast-growing NECs."
        ),
        sources=(CRUK, NCUK, NICE, "the Rotterdam PRRT centre"),
        lexicon_ids=("prrt",),
    ),
    # ------------------------------------------------------------ immunotherapy
    Treatment(
        id="immunotherapy",
        name="Immunotherapy (checkpoint inhibitors)",
        category="treatment",
        what="a kind of treatment",
        works=(
            "Lab-made antibodies take the brakes off immune cells, so the immune system can find and "
            "attack cancer cells."
        ),
        given=_CHECKPOINT_GIVEN,
        side_effects=_CHECKPOINT_SIDE_EFFECTS,
        stands=(
            "For these tumours it is mainly available in clinical trials. In trials so far, few "
            "pancreatic NETs have shrunk."
        ),
        sources=("American Cancer Society", "US National Cancer Institute", "trial reports"),
        lexicon_ids=("immunotherapy",),
        both="Both are immunotherapy drugs (checkpoint inhibitors).",
        one_of="a kind of immunotherapy",
    ),
    Treatment(
        id="pembrolizumab",
        name="Pembrolizumab (Keytruda)",
        category="treatment",
        what="an immunotherapy drug (a checkpoint inhibitor)",
        works="Blocks PD-1, an off switch on immune cells, so the immune system can attack cancer cells.",
        given=_CHECKPOINT_GIVEN,
        side_effects=_CHECKPOINT_SIDE_EFFECTS,
        stands=(
            "Not approved for pancreatic NETs. In a trial on its own, it shrank very few NETs. "
            "Immunotherapy for these tumours is mainly in trials."
        ),
        sources=("American Cancer Society", "the KEYNOTE-158 trial"),
        lexicon_ids=("pembrolizumab",),
        part_of=("immunotherapy",),
    ),
    Treatment(
        id="nivolumab",
        name="Nivolumab (Opdivo)",
        category="treatment",
        what="an immunotherapy drug (a checkpoint inhibitor)",
        works="Blocks PD-1, an off switch on immune cells, so the immune system can attack cancer cells.",
        given=_CHECKPOINT_GIVEN,
        side_effects=_CHECKPOINT_SIDE_EFFECTS,
        stands=(
            "Not approved for pancreatic NETs. It has been tested in trials, often with ipilimumab. "
            "Immunotherapy for these tumours is mainly in trials."
        ),
        sources=("American Cancer Society", "trial reports"),
        lexicon_ids=("nivolumab",),
        part_of=("immunotherapy",),
    ),
    Treatment(
        id="ipilimumab",
        name="Ipilimumab",
        category="treatment",
        what="an immunotherapy drug (a checkpoint inhibitor)",
        works="Blocks CTLA-4, an off switch on immune cells, so the immune system can attack cancer cells.",
        given=_CHECKPOINT_GIVEN,
        side_effects=_CHECKPOINT_SIDE_EFFECTS,
        stands=(
            "Not approved for pancreatic NETs. It has been tested in trials together with nivolumab. "
            "Immunotherapy for these tumours is mainly in trials."
        ),
        sources=("American Cancer Society", "trial reports"),
        lexicon_ids=("ipilimumab",),
        part_of=("immunotherapy",),
    ),
    # ------------------------------------------------------------ surgery
    Treatment(
        id="surgery",
        name="Surgery",
        category="procedure",
        what="an operation",
        works="Removes the tumour. It is the only treatment that can cure a NET.",
        given=(
            "On the pancreas, usually open surgery through a large cut in the tummy, then 1 to 2 weeks in "
            "hospital. Full recovery can take months to a year."
        ),
        side_effects=(
            "Pancreas surgery is a big operation: complications happen in about 3 in 10 people. Some "
            "people need enzyme capsules with food afterwards."
        ),
        stands=("Usually the first choice when the tumour is in one place or has spread only a little."),
        sources=("World NET Cancer Day", CRUK, "Pancreatic Cancer UK", "a review"),
        lexicon_ids=("surgery",),
        names=(
            "have it out",
            "have it removed",
            "having it out",
            "having it removed",
            "have it taken out",
            "get it out",
            "get it removed",
            "taking it out",
        ),
        both="Both are operations.",
        one_of="a kind of surgery",
    ),
    Treatment(
        id="whipple",
        name="The Whipple operation",
        category="procedure",
        what="an operation on the pancreas",
        works=(
            "Removes the head of the pancreas, the first part of the small bowel, the gallbladder and "
            "the end of the bile duct. What is left is joined to the bowel."
        ),
        given=("Afterwards, usually 1 to 2 days in intensive or high-dependency care. Then 1 to 2 weeks in hospital."),
        side_effects=(
            "Diarrhoea if the pancreas makes too few digestive enzymes; enzyme capsules with food "
            "help. High blood sugar is uncommon."
        ),
        stands="Used for a tumour in the head of the pancreas.",
        sources=("Memorial Sloan Kettering", "Royal Surrey NHS", "Pancreatic Cancer UK"),
        names=(
            "whipple",
            "whipple operation",
            "whipple procedure",
            "whipples",
            "the whipple",
            "pancreaticoduodenectomy",
            "pancreatoduodenectomy",
            "wipple",
            "whippel",
            "whipple op",
        ),
        part_of=("surgery",),
        searched=("surgery",),
    ),
    Treatment(
        id="distal_pancreatectomy",
        name="Distal pancreatectomy",
        category="procedure",
        what="an operation on the pancreas",
        works="Removes the tail of the pancreas, and sometimes its body, usually with the spleen.",
        given="The spleen helps fight infection, so people have vaccines before and usually antibiotics after.",
        side_effects="There is a risk of diabetes.",
        stands="Used for a tumour in the tail of the pancreas.",
        sources=("Royal Surrey NHS",),
        names=(
            "distal pancreatectomy",
            "distal pancreatectomies",
            "removing the tail of the pancreas",
            "tail of the pancreas removed",
            "distal pancreatectamy",
        ),
        part_of=("surgery",),
        searched=("surgery",),
    ),
    Treatment(
        id="enucleation",
        name="Enucleation",
        category="procedure",
        what="an operation on the pancreas",
        works="Removes only the tumour and leaves the rest of the pancreas in place.",
        given="Often by keyhole surgery, which means a quicker recovery.",
        side_effects="In one study, leaks of pancreatic juice were more common than after larger operations.",
        stands=(
            "One US hospital says it suits small tumours, under 2 cm, near the surface of the pancreas "
            "that have not spread. Only the surgical team can judge."
        ),
        sources=("Emory Healthcare", "a multi-centre study"),
        names=("enucleation", "enucleate", "enucleated", "enucleations", "enucliation", "enuclation"),
        part_of=("surgery",),
        searched=("surgery",),
    ),
    Treatment(
        id="liver_transplant",
        name="Liver transplant",
        category="procedure",
        what="an operation",
        works=None,
        given=None,
        side_effects=None,
        stands=(
            "Only very rarely an option when a NET has spread to the liver. One review found the cancer "
            "came back in 31 to 57 in 100 people."
        ),
        sources=("World NET Cancer Day", "a review"),
        lexicon_ids=("liver_transplant",),
        part_of=("surgery",),
    ),
    Treatment(
        id="surveillance",
        name="Watch and wait (active surveillance)",
        category="approach",
        what="no treatment straight away",
        works=(
            "The tumour is checked with regular scans. Many NETs grow very slowly, and some do not grow "
            "for months or years."
        ),
        given=None,
        side_effects=None,
        stands=(
            "European guidelines suggest it for pancreatic NETs under 2 cm that make no extra hormones and "
            "cause no symptoms. Not automatically with MEN1. Still debated."
        ),
        sources=(CRUK, "ENETS", "reviews"),
        lexicon_ids=("surveillance",),
        names=(
            "watching it",
            "just watching it",
            "just watching",
            "watching and waiting",
            "wait and watch",
            "keep an eye on it",
            "keeping watch",
            "just scans",
            "surveillance",
        ),
    ),
    # ------------------------------------------------------------ liver-directed treatments
    Treatment(
        id="liver_directed_therapy",
        name="Liver-directed treatments",
        category="procedure",
        what="a group of treatments for NETs in the liver",
        works="They cut off a tumour's blood supply, heat it, or put chemo or radiation right into the liver.",
        given=_LIVER_GIVEN,
        side_effects=None,
        stands=(
            "Used when surgery is not possible: to control hormone symptoms, slow growth, or shrink "
            "tumours before surgery."
        ),
        sources=("Canadian Cancer Society", "Cancer Institute NSW"),
        lexicon_ids=("liver_directed_therapy",),
        both="Both are liver-directed treatments.",
        one_of="one of the liver-directed treatments",
    ),
    Treatment(
        id="liver_embolisation",
        name="Bland embolisation (TAE)",
        category="procedure",
        what="a liver-directed treatment",
        works=(
            "A thin tube is put into the liver's main artery. Material is injected through it to cut off "
            "the tumour's blood supply."
        ),
        given=_LIVER_GIVEN,
        side_effects=None,
        stands="Used for NETs in the liver when surgery is not possible.",
        sources=("Canadian Cancer Society",),
        lexicon_ids=("liver_embolisation",),
        part_of=("liver_directed_therapy",),
    ),
    Treatment(
        id="tace",
        name="Chemoembolisation (TACE)",
        category="procedure",
        what="a liver-directed treatment",
        works=(
            "Like bland embolisation, it cuts off the tumour's blood supply through a thin tube in the "
            "liver's artery. Chemotherapy is also given through the same tube."
        ),
        given=_LIVER_GIVEN,
        side_effects=None,
        stands="Used for NETs in the liver when surgery is not possible.",
        sources=("Canadian Cancer Society",),
        lexicon_ids=("tace",),
        part_of=("liver_directed_therapy",),
    ),
    Treatment(
        id="sirt",
        name="SIRT (radioembolisation)",
        category="procedure",
        what="a liver-directed treatment",
        works=(
            "Tiny radioactive beads go into the blood vessels of the liver. The radiation only travels a "
            "few millimetres, so healthy liver is spared."
        ),
        given=_LIVER_GIVEN,
        side_effects=None,
        stands="NHS England lists it for some other cancers in the liver, not for NETs.",
        sources=(CRUK, "Charité Berlin"),
        lexicon_ids=("sirt",),
        part_of=("liver_directed_therapy",),
    ),
    Treatment(
        id="liver_ablation",
        name="Ablation (radiofrequency or microwave)",
        category="procedure",
        what="a liver-directed treatment",
        works="Heat destroys NET tumours that have spread to the liver.",
        given="A needle is passed through the skin into the tumour. It can be repeated.",
        side_effects=None,
        stands="Most suited to small tumours, under about 3 cm.",
        sources=(CRUK,),
        lexicon_ids=("liver_ablation",),
        part_of=("liver_directed_therapy",),
    ),
    # ------------------------------------------------------------ living with NETs
    Treatment(  # named so that a fact about Creon is not taken to answer a question about another drug
        id="pert",
        name="Pancreatic enzyme replacement (Creon)",
        category="treatment",
        what="enzyme capsules taken with food",
        works=(
            "When the pancreas sends too few digestive enzymes to the bowel, food is not absorbed well. "
            "The capsules add the missing enzymes."
        ),
        given="Capsules swallowed with the first few mouthfuls of each meal or snack. The team or a dietitian sets the dose.",
        side_effects=None,
        stands=None,
        sources=("Pancreatic Cancer UK",),
        names=(
            "pert",
            "creon",
            "kreon",
            "pancrex",
            "nutrizym",
            "pancreatic enzyme replacement",
            "pancreatic enzyme replacement therapy",
            "enzyme replacement",
            "enzyme replacement therapy",
            "pancreatic enzymes",
        ),
    ),
    # ------------------------------------------------------------ scans and tests
    Treatment(
        id="pet_scan",
        name="PET scan",
        category="test",
        what="a scan",
        works=(
            "How big a tumour is and whether it has spread. Different radioactive tracers show "
            "different things, for example gallium-68 DOTATATE or FDG."
        ),
        given=None,
        side_effects=None,
        stands=None,
        sources=("Mayo Clinic", "Royal Free Hospital"),
        lexicon_ids=("pet_scan",),
        both="Both are PET scans.",
        one_of="a kind of PET scan",
    ),
    Treatment(
        id="ga68_dotatate",
        name="Gallium-68 DOTATATE PET-CT scan",
        category="test",
        what="a scan with a radioactive tracer",
        works="Whether NET cells carry somatostatin receptors, and where they are.",
        given=(
            "A drip puts the tracer into a vein. After about an hour's rest, the scan takes about 40 minutes. "
            "No need to fast. The radioactivity is gone within a day."
        ),
        side_effects=None,
        stands=(
            "A London NET unit found it more sensitive than the octreotide scan. People on lanreotide or "
            "octreotide get timing advice from their own hospital."
        ),
        sources=("Henry Ford Health", "Royal Free Hospital"),
        lexicon_ids=("ga68_dotatate",),
        part_of=("pet_scan",),
    ),
    Treatment(
        id="fdg_pet",
        name="FDG PET scan (sugar scan)",
        category="test",
        what="a scan with a radioactive tracer",
        works="Where high-grade (fast-growing) tumours have spread, using a tracer made from a kind of sugar.",
        given=None,
        side_effects=None,
        stands=(
            "These tumours less often carry somatostatin receptors, so it is described as the most useful "
            "way to map their spread."
        ),
        sources=("Royal Free Hospital", "a review"),
        lexicon_ids=("fdg_pet",),
        part_of=("pet_scan",),
    ),
    Treatment(
        id="octreotide_scan",
        name="Octreotide scan",
        category="test",
        what="a scan with a radioactive tracer",
        works=(
            "NET cells that carry somatostatin receptors. Radioactive octreotide sticks to them, and a "
            "special camera takes pictures."
        ),
        given=(
            "An injection, then pictures over several days, for example 4, 24 and 48 hours later. People "
            "are asked to say if they take octreotide or lanreotide."
        ),
        side_effects=None,
        stands="A London NET unit found the gallium-68 PET scan more sensitive.",
        sources=("NHS hospital leaflets", "Royal Free Hospital"),
        lexicon_ids=("octreotide_scan",),
    ),
    Treatment(
        id="ct_scan",
        name="CT scan",
        category="test",
        what="a scan",
        works="How big a tumour is and whether it has spread.",
        given=None,
        side_effects=None,
        stands=None,
        sources=("Mayo Clinic",),
        names=(
            "ct",
            "ct scan",
            "ct scans",
            "cat scan",
            "ctscan",
            "computed tomography",
            "computerised tomography",
            "computerized tomography",
        ),
    ),
    Treatment(
        id="mri_scan",
        name="MRI scan",
        category="test",
        what="a scan",
        works="How big a tumour is and whether it has spread.",
        given=None,
        side_effects=None,
        stands=None,
        sources=("Mayo Clinic",),
        names=("mri", "mri scan", "mri scans", "mr scan", "magnetic resonance imaging"),
    ),
    Treatment(
        id="eus",
        name="Endoscopic ultrasound (EUS)",
        category="test",
        what="a test with a thin tube",
        works=(
            "The pancreas, close up. A thin tube with an ultrasound probe goes down the throat into the "
            "stomach and gut. A fine needle can take samples through it."
        ),
        given=(
            "In one hospital it takes about 30 minutes, or up to an hour with a needle sample. People spend "
            "2 to 4 hours in the unit."
        ),
        side_effects=None,
        stands=None,
        sources=("Leeds Teaching Hospitals",),
        names=(
            "eus",
            "endoscopic ultrasound",
            "endoscopic ultrasound scan",
            "endoscopic ultrasonography",
            "eus scan",
            "eus biopsy",
        ),
    ),
    Treatment(
        id="chromogranin_a",
        name="Chromogranin A (CgA) blood test",
        category="test",
        what="a blood test",
        works=(
            "A marker in the blood that is raised in most NETs. No blood test can show on its own whether "
            "someone has cancer."
        ),
        given="A blood sample.",
        side_effects=None,
        stands="The most widely used general blood marker for NETs.",
        sources=(CRUK, "UK guidelines"),
        names=(
            "chromogranin",
            "chromogranin a",
            "cga",
            "cga test",
            "cga blood test",
            "chromogranin test",
            "chromogranin a test",
            "chromogranin blood test",
            "chromogranin levels",
            "chromagranin",
            "chromogranin a levels",
            "chromagranin a",
            "cromogranin",
        ),
    ),
    Treatment(
        id="hiaa",
        name="5-HIAA urine test",
        category="test",
        what="a urine test",
        works="A breakdown product of serotonin, a hormone some NETs make, in the urine.",
        given=("Urine is collected for 24 hours in a special bottle. Some foods and medicines are avoided beforehand."),
        side_effects=None,
        stands="Used mainly for carcinoid syndrome. It is usually raised in small bowel NETs.",
        sources=("Royal Free Hospital", "CNETS Canada"),
        names=(
            "5 hiaa",
            "5hiaa",
            "hiaa",
            "5 hiaa test",
            "5 hiaa urine test",
            "24 hour urine",
            "24 hour urine test",
            "urine test",
            "urine collection",
        ),
    ),
    Treatment(
        id="biopsy",
        name="Biopsy",
        category="test",
        what="a tissue sample",
        works=(
            "Whether it is a NET, and its grade (how fast the cells divide, the Ki-67), from a small piece of tissue."
        ),
        given="For example, a fine needle takes a sample through a thin tube passed down the throat.",
        side_effects=None,
        stands="Needed to confirm a NET.",
        sources=("Cancer.Net", "Royal Free Hospital", "Leeds Teaching Hospitals"),
        names=("biopsy", "biopsies", "tissue sample", "needle biopsy", "biopsie", "byopsy"),
    ),
)

BY_ID: dict[str, Treatment] = {t.id: t for t in TREATMENTS}


def treatment(id_: str) -> Treatment:
    return BY_ID[id_]
