"""Who a message is about, and that person's age and sex.

A writer often gives their own age while asking for someone else ("I'm 63, my mum's NET has
spread"): first-person ages count only when the message is about the writer; ages tied to the
relative ("my husband is 71", "mum (79)", "my 74-year-old dad", "she's 68") count when it is
about them. When both the writer and a relative are named, the one the illness is told about
wins ("I'm 66 and my husband is 69. It's me who's got the tumour" is about the writer; "I had
a carcinoid years ago, now my daughter has one" is about the daughter). Text is already through
`wording.readable`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.profile.model import MAX_AGE

# relative word -> (about, sex or None)
RELATIVES: dict[str, tuple[str, Optional[str]]] = {
    **{
        w: ("parent", "female")
        for w in (
            "mum",
            "mother",
            "mam",
            "mama",
            "mamma",
            "stepmum",
            "step mum",
            "stepmother",
            "step-mum",
            "step-mom",
            "stepmom",
            "step-mother",
        )
    },
    **{
        w: ("parent", "male")
        for w in (
            "dad",
            "father",
            "pappa",
            "stepdad",
            "step dad",
            "stepfather",
            "old man",
            "step-dad",
            "step-father",
            "old fella",
            "auld fella",
        )
    },
    **{
        w: ("partner", "male")
        for w in ("husband", "boyfriend", "fiance", "fiancé", "hubby", "hubs", "fella", "feller", "bloke")
    },
    **{
        w: ("partner", "female")
        for w in ("wife", "wifey", "girlfriend", "fiancee", "fiancée", "old lady", "missus", "missis", "mrs", "lass")
    },
    **{w: ("partner", None) for w in ("partner", "other half", "spouse", "sambo", "särbo", "samboer")},
    **{w: ("child", "male") for w in ("son", "boy", "stepson", "lad")},
    **{w: ("child", "female") for w in ("daughter", "girl", "stepdaughter")},
    **{w: ("child", None) for w in ("child", "kid", "teenager", "baby")},
    **{w: ("sibling", "male") for w in ("brother", "twin brother")},
    **{w: ("sibling", "female") for w in ("sister", "twin sister")},
    **{w: ("sibling", None) for w in ("twin", "sibling")},
    **{w: ("grandparent", "female") for w in ("grandmother", "grand-mother", "grand-ma", "grandma")},
    **{
        w: ("grandparent", "male")
        for w in ("grandfather", "grand-father", "grand-dad", "grand-pa", "grandad", "granddad")
    },
    **{
        w: ("friend", None)
        for w in (
            "friend",
            "best friend",
            "mate",
            "neighbour",
            "neighbor",
            "colleague",
            "bestie",
            "bff",
            "best mate",
            "pal",
            "buddy",
        )
    },
    **{
        w: ("other", "female")
        for w in (
            "aunt",
            "auntie",
            "aunty",
            "niece",
            "granddaughter",
            "mother-in-law",
            "mother in law",
            "sister-in-law",
            "sister in law",
            "daughter-in-law",
            "mil",
            "great aunt",
            "great-aunt",
            "great grandmother",
            "great-grandmother",
        )
    },
    **{
        w: ("other", "male")
        for w in (
            "uncle",
            "nephew",
            "grandson",
            "father-in-law",
            "father in law",
            "brother-in-law",
            "brother in law",
            "son-in-law",
            "fil",
            "bil",
            "great uncle",
            "great-uncle",
            "great grandfather",
            "great-grandfather",
        )
    },
    **{w: ("other", None) for w in ("cousin", "relative", "patient", "client", "grandchild", "in-law", "in-laws")},
}
_RELATIVE_WORDS = "|".join(re.escape(w) for w in sorted(RELATIVES, key=len, reverse=True))
# Relatives in the writers' other languages (Swedish, Norwegian, Danish, German, Dutch, French, Spanish,
# Italian, Polish, Portuguese), read only after "my" in that language ("min mor", "mein Vater",
# "mijn vader", "ma mère"): alone, several are English words ("far", "man").
FOREIGN_RELATIVES: dict[str, tuple[str, Optional[str]]] = {
    **{
        w: ("parent", "female")
        for w in ("mor", "mutter", "moeder", "mère", "mere", "madre", "matka", "mãe", "mae", "mamá")
    },
    **{
        w: ("parent", "male")
        for w in ("far", "vater", "vader", "père", "pere", "padre", "ojciec", "tata", "pai", "papá", "papa")
    },
    **{w: ("partner", "male") for w in ("man", "mann", "mari", "marido", "marito", "mąż", "echtgenoot", "ehemann")},
    **{
        w: ("partner", "female")
        for w in ("kone", "fru", "hustru", "frau", "ehefrau", "vrouw", "femme", "esposa", "moglie", "żona", "mulher")
    },
    **{w: ("child", "male") for w in ("sohn", "zoon", "fils", "hijo", "figlio", "syn", "filho")},
    **{
        w: ("child", "female")
        for w in ("dotter", "datter", "tochter", "dochter", "fille", "hija", "figlia", "córka", "filha")
    },
    **{w: ("sibling", "male") for w in ("bror", "bruder", "broer", "frère", "hermano", "fratello", "brat", "irmão")},
    **{
        w: ("grandparent", "female")
        for w in ("nonna", "abuela", "grand-mère", "grand-mere", "oma", "mormor", "farmor", "babcia", "avó")
    },
    **{
        w: ("grandparent", "male")
        for w in ("nonno", "abuelo", "grand-père", "grand-pere", "opa", "morfar", "farfar", "dziadek", "avô")
    },
    **{
        w: ("other", "female")
        for w in (
            "zia",
            "tante",
            "tía",
            "tia",
            "ciocia",
            "suocera",
            "suegra",
            "belle-mère",
            "belle-mere",
            "schwiegermutter",
            "svärmor",
            "svarmor",
            "schoonmoeder",
            "teściowa",
        )
    },
    **{
        w: ("other", "male")
        for w in (
            "zio",
            "oncle",
            "tío",
            "tio",
            "onkel",
            "oom",
            "wujek",
            "suocero",
            "suegro",
            "beau-père",
            "beau-pere",
            "schwiegervater",
            "svärfar",
            "svarfar",
            "schoonvader",
            "teść",
        )
    },
    **{
        w: ("sibling", "female")
        for w in ("syster", "søster", "schwester", "zus", "sœur", "hermana", "sorella", "siostra", "irmã")
    },
}
_FOREIGN_MY = r"(?:my|min|mitt|mi|mein|meine|meinem|meiner|meinen|mijn|mon|ma|mia|mio|moja|mój|mojej|mojego|meu|minha)"
_FOREIGN_WORDS = "|".join(re.escape(w) for w in sorted(FOREIGN_RELATIVES, key=len, reverse=True))
_FOREIGN_RELATIVE = re.compile(rf"\b{_FOREIGN_MY}\s+({_FOREIGN_WORDS})(?![\w-])", re.I)
# "my 15yo has MEN1", "our 9 year old": a child named by age alone.
_CHILD_BY_AGE = re.compile(
    rf"\b(?:my|our)\s+(?:little\s+)?(\d{{1,2}})[\s-]*(?:y/?o|years?[\s-]*old|yr[\s-]*old)\b(?!\s+(?:{_RELATIVE_WORDS})\b)",
    re.I,
)
_MY = r"(?:my|our|min|mitt)"  # Swedish "min mamma"
_RELATIVE = re.compile(
    rf"\b{_MY}\s+(?:(?:\d{{1,3}}[\s-]*(?:years?|yrs?)?[\s-]*(?:old|yo)?|dear|lovely|poor|elderly|darling|little|older|younger|wee|big|baby|kid"
    rf"|eldest|youngest|step|late)\s+)?({_RELATIVE_WORDS})(?:'s)?\b",
    re.I,
)
# A relative's relative is "other": "my girlfriend's dad", "my boyfriend's mum".
_CHAIN = re.compile(rf"\b{_MY}\s+(?:{_RELATIVE_WORDS})'s\s+({_RELATIVE_WORDS})\b", re.I)
# Without "my": "asking for a friend", "on behalf of a patient", "Dad is 66", "Father, 80, pNET", "pappa 71".
_BARE_RELATIVE = re.compile(
    rf"\b(?:for|about|asking\s+for|on\s+behalf\s+of)\s+(?:a|an|my)?\s*({_RELATIVE_WORDS})\b(?!\s+(?:and|or)\s+i\b)"
    rf"|(?:^|[.;!?(]\s*|,\s*)(mum|dad|husband|wife|pappa|mamma|mama|patient)\b(?!\s+(?:and|or)\s+i\b)"
    rf"|(?:^|[.;!?]\s*)({_RELATIVE_WORDS})(?=\s*(?:[,(]|is\b|was\b|has\b|had\b|'s\b|s\s+\d|(?:just\s+)?turn(?:s|ed)\b|aged?\b|\d|of\s+\d+\s*(?:years?|yrs)\b))"
    rf"|\bthe\s+(wife|husband|missus|missis|mrs|other\s+half)\b(?!\s+(?:and|or)\s+i\b)"  # "the wife has a pnet"
    rf"|(?<!\ba\s)(?<!\ban\s)\b\d{{1,3}}[\s-]*(?:years?[\s-]*old|yrs?[\s-]*old|y/?o)\s+({_RELATIVE_WORDS})\b",  # "76 year old dad with pnet"
    re.I,
)
_ILLNESS = (
    r"(?:net|nets|pnet|nec|tumou?rs?|cancer|carcinoid|carcinoma|insulinoma\w*|gastrinoma|vipoma|neuroendocrine"
    r"|metastases|mets|diagnosed|grade|g[123]|ki-?67|pancreas|pancreatic|liver|lungs?|bowel|appendix|stomach"
    r"|whipple|lanreotide|octreotide|prrt|chemo\w*|men\s?1|vhl|nf1|tsc|neuro\s?endocrine|insulin\w*)"
)
_CLAUSE_REST = r"(?:[^.;!?\n]|\.(?=\d)){0,60}?"  # "1.4cm" does not end a sentence
_TOO = re.compile(r"\b(?:too|also|as\s+well|runs\s+in)\b", re.I)
# The writer telling about their own illness.
_SELF_STRONG = re.compile(
    rf"\b(?:i\s+(?:have|had|was\s+diagnosed|got\s+diagnosed|was\s+told)|i've\s+(?:got|had|been)|i'm\s+(?:on|the\s+(?:patient|one))"
    rf"|i\s+am\s+(?:on|the\s+patient)|it's\s+me\s+(?:who|that)|it\s+is\s+me)\b{_CLAUSE_REST}\b{_ILLNESS}\b"
    rf"|\bmy\s+(?:(?:left|right|upper|lower)\s+)?(?:pnet|net|nets|tumou?r|cancer|diagnosis|ki-?\s?67|grade|liver|pancreas|bowel|small\s+bowel|appendix|stomach"
    rf"|lungs?|spleen|tummy|mets)\b"
    rf"|\bit's\s+me\s+who|\bme\s*,\s*\d{{1,3}}\b|\b(?:i'm|i\s+am)\s+(?:a\s+)?\d{{1,3}}[\s-]*(?:y/?o|years?[\s-]*old)?\s*"
    rf"(?:\(?[fm]\)?|,?\s*(?:fe)?male|man|woman|lady|bloke|guy|fella)?\s*,?\s*(?:with|and\s+(?:have|had|got))\b",
    re.I,
)
# Weaker signs it is the writer: enough when no one else is named.
_SELF_WEAK = re.compile(
    r"\b(?:i\s+(?:have|had|was|am|got|get|started|finished|recently|just|also|live)|i've"
    r"|i'm(?!\s+(?:writing|asking|looking|trying|wondering|just\s+(?:wondering|curious|asking|interested)|curious|interested|researching"
    r"|a\s+(?:nurse|doctor|researcher|student)))"
    r"|i\s+(?:too|myself)|me\s+(?:too|myself)"
    r"|my\s+(?:oncologist|consultant|team|doctor|surgeon|nurse|specialist|results?|scan|scans|letter|pcp|gp|endo|bloods?"
    r"|levels?|injections?|jabs?|symptoms|body|treatment|meds)|am\s+[fm]\b|jag\s+(?:är|har)|jeg\s+(?:er|har)|ich\s+(?:bin|habe)|ik\s+(?:ben|heb)"
    r"|(?:take|accept|include|want)\s+me\b|killing\s+me|(?:should|can|could|would)\s+i\s+(?:still\s+)?(?:be\s+worried|worry|drink|eat|work|join|qualify|apply|be\s+(?:eligible|included))"
    r"|am\s+i\s+(?:eligible|too)|(?:man|woman|lady|lad|lass|bloke|guy|fella|gp|nurse|doctor|patient|[fm]|female|male)\s+here)\b"
    # "do I pay for it?", "do i need to drink loads", "mine is on friday", "scares me", "for me", "anyone else?"
    r"|\b(?:do|can|could|must|shall|will|should)\s+i\s+(?:still\s+|really\s+)?(?:(?:need|have)\s+to\s+)?(?:pay|take|eat|drink|keep|stop|continue|go\s+on)\b"
    r"|\bmine\b|\bfor\s+me\b(?!\s+and\b)|\b(?:scares?|scared|scaring|frightens?|worries|terrif(?:y|ies)|affects?|suits?)\s+me\b"
    r"|\banyone\s+else\b"
    # note form, no subject: "on everolimous 6 weeks, the ulcers...", "been on lanreotide 2 years"
    r"|(?:^|[.!?]\s*)(?:been\s+|currently\s+|now\s+)?on\s+[^\W\d_]+\s+(?:for\s+)?\d+\s*(?:weeks?|wks?|months?|years?|yrs?)\b"
    r"|(?:^|[.!?]\s*)(?:diagnosed|dx'?d)\s+(?:with|in|last|at|aged?)\b"
    r"|(?:^|[.!?,:]\s*)\d{2}\s*(?:\(?[fm]\)?\s*)?here\b"  # "62 here (f)", "59 here, male"
    r"|\b(?:ho|tengo|j'ai|tenho|mam|ich\s+bin|ik\s+ben)\s+\d{1,3}\s*(?:anni|años|anos|ans|lat|jahre|jaar)\b",  # "ho 63 anni"
    re.I,
)
_PET = re.compile(r"\bmy\s+(?:dog|cat|pet|horse|puppy|kitten)\b", re.I)

_AGE_AFTER = (
    r"(?!\d)(?!\s+or\s+\d)(?!\s*(?:%|percent|weeks?|months?|days?|cm|mm|kg|lbs?|times|cycles?|rounds?|doses?|lots\s+of|lines?|sessions?"
    r"|infusions?|injections?|shots?|jabs?|treatments?|courses?|-?\s*(?:something|odd|ish)\b|'?s\b|mg|hours?|miles?|km|mi\b|years?\s+(?:ago|since|after|later|out|on|from|of\s+(?:treatment|surgery)|clear)))"
)
# "turned", "just turned", "'s just turned", "has turned", "turns": a birthday that gives the age
_TURNED = (
    r"(?:\s+(?:just|recently|only\s+just)|'s(?:\s+just)?|'ve(?:\s+just)?|\s+(?:has|have)(?:\s+just)?)?\s+turn(?:ed|s)"
)
_FIRST_PERSON_AGE = re.compile(
    rf"\b(?:i'm|i\s+am)\s+(?:an?\s+)?(?:\w+\s+)?(?:man|woman|lady|gentleman|male|female)\s+of\s+(\d{{1,3}})(?!\d)(?!\s*(?:%|cm|mm|kg))"
    rf"|\b(?:i'm|i\s+am|i{_TURNED}|i'll\s+be|am|jag\s+är|jeg\s+er)\s+(?:now\s+|actually\s+|only\s+|just\s+|nearly\s+|almost\s+|a\s+)?(?:[fm]\s*,?\s*)?(\d{{1,3}}){_AGE_AFTER}"
    rf"|\bmy\s+age\s+(?:is\s+)?(\d{{1,3}})\b"
    rf"|\b(?:i'm|i\s+am|my\s+name\s+is|this\s+is)\s+(?-i:[A-Z][a-z]+)\s*,?\s*(\d{{1,3}}){_AGE_AFTER}"  # "hi, I'm Sarah, 45"
    rf"|\b(?:i'm|i\s+am|am)\s+(?:a\s+)?(\d{{1,3}})\s*(?:y/?o|years?\s+old|yrs?\s+old|-year-old)"
    # "ho 63 anni", "tengo 63 años", "j'ai 63 ans", "ich bin 63 Jahre", "mam 63 lata", "tenho 63 anos"
    rf"|\b(?:ho|tengo|j'ai|ich\s+bin|mam|tenho|ik\s+ben)\s+(\d{{1,3}})\s*(?:anni|años|anos|ans|jahre|lata|lat|jaar)\b"
    rf"|(?:^|[.!?,:]\s*)(\d{{2}})\s*(?:\(?[fm]\)?\s*,?\s*)?here\b",  # "62 here (f)"
    re.I,
)
_FILLER = r"(?:now\s+|only\s+|just\s+|nearly\s+|almost\s+|actually\s+|really\s+)?"
_OTHER_AGE = re.compile(  # "he's 71", "my husband is 71", "Dad 74", "my partner Sal is 52", "mum (79)", "mamma är 69"
    rf"\b(?:he|she|they)(?:{_TURNED}|'s|\s+is|\s+are|'re|\s+was|\s+will\s+be|'ll\s+be)\s+{_FILLER}(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:he|she)(?:'s|\s+is)\s+(?:an?\s+)?(?:\w+\s+)?(?:lass|lad|woman|man|gentleman|lady|bloke|guy)\s+of\s+(\d{{1,3}})"
    rf"|(?:\b{_MY}\s+(?:[\w']+\s+){{0,2}}?|(?:^|[.;!?,]\s*))(?:{_RELATIVE_WORDS})(?-i:\s+[A-Z][a-z]+)?"
    rf"(?:\s*\((?:she|he|they)\s*/\s*(?:her|him|them)\))?(?:{_TURNED}|'s|s(?=\s+\d)|\s+is|,?\s+who\s+is|,|\s+was|\s+aged|\s*\(|\s+age|\s+är)?"
    rf"\s*(?:aged\s+|age\s+|{_FILLER})(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:{_RELATIVE_WORDS})\s*\(\s*(?:(?:she|he)'s\s+)?(\d{{1,3}})\s*(?:\)|,|[fm]\b|y)"
    rf"|\b{_FOREIGN_MY}\s+(?:{_FOREIGN_WORDS})\s*(?:\(|,|\s+(?:är|er|ist|is|est|es|jest|aged?|de|di|har|hat|heeft|a|ha)\b)?\s*(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:pt|patient)\s*(?:is|was|aged?|,|:)\s*(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:(?:han|hon)\s+(?:är|er|blir)|(?:hij|zij|ze)\s+is|(?:er|sie)\s+ist)\s+(\d{{1,3}}){_AGE_AFTER}"
    rf"|\bwe(?:'re|\s+are)\s+both\s+(\d{{1,3}}){_AGE_AFTER}"  # twins: "We're both 47"
    # "my friend Margaret from church who is 88", "grandad who's 83", "min mamma som är 77"
    rf"|\b(?:{_MY}|{_FOREIGN_MY}|for|för)\s+(?:{_RELATIVE_WORDS}|{_FOREIGN_WORDS})\b(?:\s+[\w']+){{0,4}}?\s*,?\s+(?:who\s+is|who's|who\s+turned|som\s+är|som\s+er|som\s+blir)"
    rf"\s+{_FILLER}(\d{{1,3}}){_AGE_AFTER}"
    # "my husband geoff is 67", "min man Lars är 58": a name, in any case, between the relative and the age
    rf"|\b(?:{_MY}|{_FOREIGN_MY})\s+(?:{_RELATIVE_WORDS}|{_FOREIGN_WORDS})\s+[^\W\d_]+\s+(?:is|är|er|ist|es|è)\s+{_FILLER}(\d{{1,3}}){_AGE_AFTER}"
    rf"|\b(?:{_RELATIVE_WORDS}|he|she)\s+(?:has|have|having)\s+(\d{{1,3}})\s+(?:years|yrs)\b(?!\s+(?:ago|since))"  # "my wife have 55 years"
    # "Jo's 39, they said grade 1": a first name at the start of a sentence, the age, then a break
    rf"|(?:^|[.!?]\s+|,\s+)(?!(?:It|That|This|There|Here|What|Which|Who|Grade|Size|Ki|Score|Level|Dose|Mine|Hers|His"
    # a test or a medicine and its value, not a name and an age: "Gastrin is 80", "Octreotide is 30"
    r"|Gastrin|Creatinine|Chromogranin|Cga|Insulin|Glucose|Sugar|Calcium|Weight|Platelets?|Bilirubin|Albumin"
    r"|Sodium|Potassium|Haemoglobin|Hemoglobin|Hb|Tumou?r|Scan|Result|Octreotide|Lanreotide|Everolimus|Sunitinib"
    r"|Temperature|Temp|Pulse|Heart|Bp|Blood|Urine|Hiaa|Serotonin|Gfr|Egfr|Alt|Ast|Alp|Ggt|Inr|Psa|Cea)\b)"
    rf"(?-i:[A-Z][a-z]{{1,11}})(?:'s|\s+is)\s+(\d{{2}})(?=\s*(?:[,.;!?]|$|\s+(?:now|and|but|years?\b|yrs?\b|yo\b)))",
    re.I,
)
# An age someone was, or will be, not is: "since he was 25", "when I was 30", "wait till he's 18".
_NOT_NOW_BEFORE = re.compile(
    r"\b(?:since|when|until|till|til|before|(?<!look\s)(?<!looks\s)(?<!looking\s)(?<!care\s)(?<!caring\s)after|by\s+the\s+time"
    r"|back\s+when|ever\s+since)\s*$",  # not "I look after my husband Tom who's 68"
    re.I,
)
_ANY_AGE = re.compile(
    r"(?<![\w.])(\d{1,3})\s*-?\s*(?:(?:years?|yrs?)[\s-]*old|år|jaar|jahre|ans|años|anni|anos|lata|lat)\b|(?<![\w.])(\d{1,3})\s*(?:y/?o|yr\s+old)\b"
    r"|\b(?:is|am|at|would|will)\s+(\d{2})\s+(?:be\s+)?(?:too\s+(?:old|young)|past\s+it)\b"  # "is 84 too old for the trials?"
    # "Just turned 50 last week", "turned 80 in May": a birthday with no one named (the writer, or the one told of)
    r"|(?:^|[.!?;]\s*)(?:(?:just|recently|only\s+just)\s+)?turned\s+(\d{1,3})\b(?!\s*(?:%|cm|mm|times))"
    # "55 years, woman", "61 yrs male": years and a word for a man or woman
    r"|(?<![\w.])(\d{2,3})\s*(?:years?|yrs?)\s*,?\s*(?=(?:(?:fe)?male|woman|man|lady|gentleman|bloke|guy)\b)"
    r"|^\W*(?:and\s+)?(?:is|turned)\s+(\d{2,3})\s*(?:now\s*)?[.!]?\s*$"  # "so my husband" / "is 64": a message of its own
    r"|\baged?\s+(\d{1,3})\b|(?<![\w./])(\d{1,3})\s*/?\s*\(?([fm])\b\)?(?![\w'])|(?<!['\w])([fm])\s*[,/]?\s*(\d{1,3})\b(?![\w.%])",
    re.I,
)
# A number standing alone as a clause: "Father, 80, pNET", "me, 73, male", "sorry 16 now", "72. grade 2".
_BARE_AGE = re.compile(
    r"(?:^|[,.;:!?(]\s*|\bsorry,?\s+)(?:now\s+|aged?\s+)?(\d{2,3})(?:\s+now|\s+(?:was|is)\s+(?:right|correct))?\s*(?=$|[,.;:!?)]|[-–]\s|\s+(?:male|female)\b)",
    re.I,
)
_A_YEAR_SHORT = re.compile(
    r"^\s*(?:next\s+(?:month|week)|in\s+a\s+(?:few\s+)?(?:weeks?|days?)|soon|on\s+\w+day|in\s+\d+\s+(?:weeks?|days?|months?)"
    r"|in\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|at\s+christmas|later\s+this\s+(?:month|year)"
    r"|(?:on\s+(?:his|her|my|their)\s+)?next\s+(?:birthday|bday|b-day))\b",
    re.I,
)
_SELF_WORD = (
    r"(?:man|male|bloke|guy|fella|fellow|chap|gentleman|lad|dude|geezer|widower|dad|father|grandad|grandfather|m)"
)
_SELF_WORD_F = r"(?:woman|female|lady|lass|gal|girl|widow|mum|mother|grandmother|f)"
_AGE_BIT = r"(?:\d{1,3}\s*,?\s*(?:and\s+)?)?(?:a\s+)?(?:\d{1,3}[\s-]*(?:y/?o|years?[\s-]*old)?\s+)?\(?"
_MALE_SELF = re.compile(
    rf"\b(?:i'm|i\s+am|am|jag\s+är|ich\s+bin|ik\s+ben)\s+{_AGE_BIT}{_SELF_WORD}\b|\bas\s+a\s+(?:man|bloke|guy)\b|\b{_SELF_WORD}\s+here\b",
    re.I,
)
_FEMALE_SELF = re.compile(
    rf"\b(?:i'm|i\s+am|am|jag\s+är|ich\s+bin|ik\s+ben)\s+{_AGE_BIT}{_SELF_WORD_F}\b|\bas\s+a\s+(?:woman|lady)\b|\b{_SELF_WORD_F}\s+here\b|(?:\bi'm\s+|,\s*)pregnant\b",
    re.I,
)
_SEX_LETTER = re.compile(
    r"(?<![\w./])\d{1,3}\s*/?\s*(?:(?:years?\s+old|y/?o|here)\s*,?\s*)?\(?([fm])\b(?![\w'])|(?<!['\w])\(?([fm])\s*[,/]?\s*\d{1,3}\b",
    re.I,
)  # "62M", "(f, 45)", "62 here (f)"
_SEX_WORD = re.compile(  # "38 year old male", "53 yo woman", "(31, male)", "He is 62, male obviously"
    r"\b\d{1,3}[\s-]*(?:y/?o|years?(?:[\s-]*old)?|år)?\s*,?\s*\(?(male|female|man|woman|lady|bloke|guy|fella|lad|lass|gentleman"
    r"|kvinna|kvinne|kvinde|vrouw|frau|femme|mujer|donna|mann|homme|hombre|uomo)\b",
    re.I,
)
_FEMALE_WORDS = (
    "female",
    "woman",
    "lady",
    "lass",
    "kvinna",
    "kvinne",
    "kvinde",
    "vrouw",
    "frau",
    "femme",
    "mujer",
    "donna",
)
# "my mum ... he's 70": the relative word and the pronoun given with the age disagree.
_PRONOUN_AGE = re.compile(r"\b(he|she)(?:'s|\s+is)\s+(?:now\s+|only\s+|just\s+)?\d{1,3}\b", re.I)
# English, and the writers' other languages where the word is not also an English one ("han" Swedish, "hij"/"zij"
# Dutch, "él"/"ella" Spanish, "lui"/"lei" Italian); Swedish "hon" only before a verb ("thanks hon" is English)
_HE = re.compile(r"\b(?:he|him|his|he's|han|honom|hij|él|lui)\b", re.I)
_SHE = re.compile(
    r"\b(?:she|her|hers|she's|henne|hennes|zij|ella|lei)\b"
    r"|\bhon\s+(?:är|har|hade|fick|får|var|vill|kan|ska|blev|bor|tar|mår|orkar|säger|tycker)\b",
    re.I,
)


# Who the chat is about, said outright (a correction across turns): "sorry, it's for my dad not me",
# "it's my mum who has it", "I meant my husband", "it's me, not my wife".
_SUBJECT_SAID = re.compile(
    rf"\b(?:it'?s|its|it\s+is|this\s+is|i'?m\s+asking|asking|i\s+meant|i\s+mean|meant|question\s+is)\s+(?:(?:for|about|on\s+behalf\s+of)\s+)?(?:my|our)\s+(?:{_RELATIVE_WORDS})\b"
    rf"|\b(?:my|our)\s+(?:{_RELATIVE_WORDS})(?:'s|\s+is)\s+the\s+(?:patient|one\s+(?:with|who))\b"  # "my mum's the patient"
    rf"|\b(?:i'm|i\s+am)\s+the\s+(?:patient|one\s+(?:with|who))\b"  # "I'm the patient btw"
    rf"|\bnot\s+(?:for\s+|about\s+)?me\b|\b(?:it'?s|its|it\s+is)\s+(?:for\s+|about\s+)?me\b,?\s+(?:not|who|that)\b"
    rf"|\bnot\s+(?:for\s+|about\s+)?(?:my|our)\s+(?:{_RELATIVE_WORDS})\b"
    rf"|^\W*(?:sorry|oops|actually|correction|i\s+mean|i\s+meant|no\s+wait|wait)\b[\s,.:-]*(?:(?:it'?s|its|it\s+is)\s+)?(?:(?:for|about)\s+)?"
    rf"(?:(?:my|our)\s+)?(?:{_RELATIVE_WORDS})\b",
    re.I,
)
_NOT_THEM_BEFORE = re.compile(r"\bnot\s+(?:for\s+|about\s+)?(?:my|our)\s*$", re.I)  # "it's for me, not my dad"
# An age corrected on its own: "sorry, I meant 67", "typo - should be 58", "meant to say she's 71".
_CORRECTED_AGE = re.compile(
    r"\b(?:i\s+)?meant\s+(?:to\s+(?:say|type|put|write)\s+)?(?:(?:she|he|they|i)(?:'s|\s+is|'m|\s+am|\s+are)\s+)?(?:aged?\s+)?(\d{1,3})\b"
    r"|\btypo\W+(?:it'?s\s+|is\s+|should\s+(?:be|say|read)\s+)?(\d{1,3})\b"
    r"|\b(?:well|oh|er|erm|um|actually)\s*,?\s*(\d{2,3})\s+now\b"  # "I'm 55. Well 56 now, birthday was yesterday"
    r"|^\W*(?:oops|sorry|no|wait|typo|correction|actually|i\s+mean)?\W*(\d{2,3})\s+not\s+\d{2,3}\b(?!\s*%)",  # "oops 85 not 58"
    re.I,
)
_MIN_CORRECTED_AGE = 10  # "I meant 3" is more likely a grade or a Ki-67 than an age
_NOT_AN_AGE_AFTER = re.compile(
    r"^\s*(?:%|percent|cm|mm|cycles?|months?|weeks?|days?|mg|doses?)\b"
    r"|^\s+not\s+\d{1,2}[.,]\d",  # "typo, its 25 not 2,5": a Ki-67 put right, not an age
    re.I,
)


@dataclass(frozen=True)
class Person:
    about: Optional[str] = None
    age: Optional[int] = None
    sex: Optional[str] = None
    says_who: bool = False  # who it is about is said outright, as a correction would be


def says_self_outright(text: str) -> bool:
    """The writer tells of their own illness or age ("I have a pnet", "my tumour", "I'm 58"), not only
    "I" in passing ("I just reread the letter", "I live in Lyon")."""
    return bool(_SELF_STRONG.search(text) or _FIRST_PERSON_AGE.search(text) or _OWN_STORY.search(text))


def about_a_pet(text: str) -> bool:
    """ "my dog has a NET on her pancreas": not a person at all."""
    return bool(_PET.search(text)) and not _RELATIVE.search(text)


def read_person(text: str) -> Person:
    if about_a_pet(text):
        return Person()
    about, relative_sex = _about(text)
    if about == "self":
        age = _last_age(_FIRST_PERSON_AGE, text) or _unattributed_age(text) or _diagnosed_age(text)
        sex = _self_sex(text) or _word_sex(text) or _letter_sex(text)
    else:
        others = _without(_FIRST_PERSON_AGE, text)
        age = (
            _last_age(_OTHER_AGE, others)
            or _unattributed_age(others)
            or _birthday_age(others)
            or _diagnosed_age(others)
        )
        sex = relative_sex or _word_sex(others) or _letter_sex(others) or _pronoun_sex(text)
        if relative_sex and _contradicted(relative_sex, text):
            sex = None  # "my mum has a pnet, he's 70": the words disagree
    corrected = _corrected_age(text)
    return Person(about, corrected or age, sex, bool(about and _SUBJECT_SAID.search(text)))


_BIRTHDAY = re.compile(  # a birthday said as such, never "her 12th injection"
    r"(?:\b(?:his|her|my|their)\s+|'s\s+)(\d{2,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)\b(\s+(?:is\s+)?(?:next|coming|soon|in\b|on\b))?"
    r"|'s\s+(\d{2,3})(?:st|nd|rd|th)\s+(is\s+(?:next|coming|soon|in\b|on\b))"
    r"|\b(?:fyller|wird|compie|cumple|wordt)\s+(\d{2,3})\b",  # "Pappa fyller 80 i januari": still 79
    re.I,
)


# "Diagnosed 3 weeks ago at 39", "found at 61 after a scan": with no other age said, the age at a recent diagnosis.
_DIAGNOSED_AT = re.compile(
    r"\b(?:diagnosed|dx'?d|found|picked\s+up|told)\b[^.;!?\n]{0,70}?\bat\s+(?:the\s+age\s+of\s+|age\s+)?(\d{2})\b"
    r"(?!\s*(?:%|cm|mm|am|pm|:|weeks?|months?|days?|years?|o'?clock))",
    re.I,
)


def _diagnosed_age(text: str) -> Optional[int]:
    found = _DIAGNOSED_AT.search(text)
    return _valid(found.group(1)) if found else None


def _birthday_age(text: str) -> Optional[int]:
    """ "had his 70th birthday last week" is 70; "her 50th is next week" is 49."""
    found = _BIRTHDAY.search(text)
    if not found:
        return None
    if found.group(5):
        age = _valid(found.group(5))
        return age - 1 if age else None
    age = _valid(found.group(1) or found.group(3))
    return age - 1 if age and (found.group(2) or found.group(4)) else age


def _corrected_age(text: str) -> Optional[int]:
    ages = [
        int(n)
        for m in _CORRECTED_AGE.finditer(text)
        for n in m.groups()
        if n and int(n) >= _MIN_CORRECTED_AGE and not _NOT_AN_AGE_AFTER.match(text[m.end() :])
    ]
    return next((a for a in reversed(ages) if _valid(str(a))), None)


def _contradicted(sex: str, text: str) -> bool:
    said = {"female" if m.group(1).lower() == "she" else "male" for m in _PRONOUN_AGE.finditer(text)}
    return bool(said) and sex not in said


def _about(text: str) -> tuple[Optional[str], Optional[str]]:
    """(about, sex the relative word says) for the person the message is about."""
    mentions = [m for m in _relative_mentions(text) if not _NOT_THEM_BEFORE.search(text[max(0, m[0] - 20) : m[0]])]
    ill = [m for m in mentions if _told_ill(text, m[0])]
    if ill:
        return ill[0][1]
    if _SELF_STRONG.search(text):
        return "self", None
    # A relative named only in passing ("like my father", "gave the dog to my sister", "walked my
    # daughter down the aisle", "can my husband do the injection") is not who the message is about.
    named = [m for m in mentions if not _in_passing(text, m[0])]
    if named:
        return named[0][1]
    if _OTHER_AGE.search(text):
        return None, None  # "he's actually 67, I'm 62": someone named in an earlier message
    if (_SELF_WEAK.search(text) and not _STAFF_ONLY.search(text)) or _OWN_STORY.search(text):
        return "self", None
    return None, None


# A nurse, doctor or researcher asking for their work ("I'm a NET nurse specialist, which trials...",
# "research nurse here - is COMPOSE still open?"): no one's own story, unless they tell of their own illness.
_STAFF_ONLY = re.compile(
    r"^(?=.*(?:\b(?:i'm|i\s+am|im|as)\s+an?\s+(?:\w+\s+){0,3}(?:nurse|doctor|gp|oncologist|consultant|registrar|researcher"
    r"|coordinator|pharmacist|specialist|surgeon|physician|clinician)\b"
    r"|\b(?:nurse|doctor|gp|oncologist|consultant|registrar|researcher|coordinator|pharmacist|specialist|surgeon|physician|clinician)\s+here\b))"
    r"(?!.*\b(?:diagnosed|my\s+(?:own\s+)?(?:pnet|net|tumou?r|cancer|scans?|results)|i\s+(?:have|had|was)\s+(?:a|an|my|diagnosed|told))\b)"
    r"(?!.*(?:^|[,.]\s*)\d{2}\s*[,.])",  # "Retired GP here, 74, ...": their own age, their own story
    re.I | re.S,
)


# The writer's own story in note form, with no one else named: the illness, an age standing alone or a
# self-description, and a first-person word ("pnet g2, liver mets, 59 ... i mean near Liverpool",
# "gave the dog to my sister. pnet, liver, 61", "62M"); never with "he" or "she" about the patient.
_OWN_STORY = re.compile(
    r"^(?!.*\b(?:he|she|he's|she's|his|her)\b)"
    r"(?=.*\b(?:p?nets?|tumou?r|carcinoid|grade|g[123]|ki-?67|mets|metastases|liver|pancreas|pancreatic|bowel)\b)"
    r"(?=.*(?:(?<![\w.%])\d{2}\s?/?\s?[mf]\b|\b[mf]\s?[,/]?\s?\d{2}\b|(?<![\w.%])\d{2}\s*(?:yo|y/o|yrs?\s+old|years?\s+old)\s*,?\s*[mf]\b"
    r"|^\W*\d{2}\s*(?:yo|y/o|years?\s+old|yrs?\s+old)?\s*,?\s*(?:lady|woman|man|bloke|guy|male|female|gal|fella)\b"
    r"|(?=.*(?:,\s*|^)\d{2}(?:\s*[,.;]|\s*$))(?=.*\b(?:i|me|my|mine|i'm|i've|myself)\b)))",
    re.I | re.S,
)


_IN_PASSING_BEFORE = re.compile(
    r"\b(?:like|than|as|to|with|by|from|walked|gave|give|told|tell|married|visit\w*|watch\w*|see|saw|took|drove|called|phoned|texted|hugged|unlike)"
    r"\s+(?:\w+\s+)?$",
    re.I,
)
_IN_PASSING_AFTER = re.compile(
    r"^(?:'s)?\s*(?:(?:can|could|will|would)\s+)?(?:do\s+(?:it|them|the)|give\w*|inject\w*|help\w*|drives?|drove|comes?\s+with|takes?\s+me|found\s+me"
    r"|(?:keeps?|kept)\s+(?:telling|saying|asking)|tells?\s+me|told\s+me|(?:is|was)\s+typing|typed\s+this|(?:is|was)\s+writing\s+this|set\s+(?:this|it)\s+up)\b",
    re.I,
)


def _in_passing(text: str, start: int) -> bool:
    before = re.sub(r"\b(?:my|our)\s*$", "", text[max(0, start - 30) : start], flags=re.I)
    after = re.sub(r"^[^\W\d]+(?:[\s-]in[\s-]law)?", "", text[start : start + 50], flags=re.I)
    return bool(_IN_PASSING_BEFORE.search(before) or _IN_PASSING_AFTER.match(after))


# Words for a man or woman that mean a partner only after "my" or "our" ("my fella", "our lass").
_PARTNER_ONLY_AFTER_MY = {"fella", "feller", "bloke", "lass"}


def _relative_mentions(text: str) -> list[tuple[int, tuple[str, Optional[str]]]]:
    """Where each relative is named, in order, with (about, sex)."""
    found: dict[int, tuple[str, Optional[str]]] = {}
    for match in _CHAIN.finditer(text):
        found[match.start()] = ("other", RELATIVES[match.group(1).lower()][1])
    chained = [range(m.start(), m.end()) for m in _CHAIN.finditer(text)]
    for pattern in (_RELATIVE, _BARE_RELATIVE, _FOREIGN_RELATIVE):
        for match in pattern.finditer(text):
            if any(match.start() in span for span in chained):
                continue
            word = next(g for g in match.groups() if g).lower()
            if pattern is _BARE_RELATIVE and word in _PARTNER_ONLY_AFTER_MY:
                continue  # "49 year old bloke from Brisbane" is the writer; "my bloke" is a partner
            start = match.start(match.lastindex or 1)
            found.setdefault(start, RELATIVES.get(word) or FOREIGN_RELATIVES.get(word) or ("other", None))
    for match in _CHILD_BY_AGE.finditer(text):
        found.setdefault(match.start(1), ("child", None))
    return sorted(found.items())


def _told_ill(text: str, start: int) -> bool:
    """The illness is told in the same sentence as the relative: "my daughter (35) has one in her lung"."""
    sentence = re.split(
        r"\.(?!\d)|[;!?\n]|\b(?:i|i'm|i've|we|we're)\b", text[start : start + 200], maxsplit=1, flags=re.I
    )[0]
    words = sentence.split()[:10]
    nearby = " ".join(words)
    return bool(re.search(rf"\b{_ILLNESS}\b|\bhas\s+(?:one|it)\b", nearby, re.I)) and not _TOO.search(nearby)


def _without(pattern: re.Pattern, text: str) -> str:
    """The text with what the pattern matches blanked out (the writer's own age, say)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _valid(number: str) -> Optional[int]:
    value = int(number)
    return value if 0 < value <= MAX_AGE else None


def _last_age(pattern: re.Pattern, text: str) -> Optional[int]:
    """The last age stated this way: in "I'm 40... no, I'm 70" the later one. "90 next month" is 89."""
    ages = []
    for match in pattern.finditer(text):
        number = next((g for g in match.groups() if g and g.isdigit()), None)
        age = _valid(number) if number else None
        if age is not None and _NOT_NOW_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        if age is not None:
            ahead = _A_YEAR_SHORT.match(text[match.end() :]) and not re.search(
                r"\b(?:turned|was)\b", match.group(0), re.I
            )
            ages.append(age - 1 if age > 1 and ahead else age)
    return ages[-1] if ages else None


def _unattributed_age(text: str) -> Optional[int]:
    """ "67 years old", "aged 70", "50yo", "45f", or a number standing alone: an age with no subject."""
    only_a_number = text.strip(" .!?").isdigit()  # "67" alone says nothing about what it counts
    return _last_age(_ANY_AGE, text) or (None if only_a_number else _last_age(_BARE_AGE, text))


def _self_sex(text: str) -> Optional[str]:
    male, female = _MALE_SELF.search(text), _FEMALE_SELF.search(text)
    if bool(male) == bool(female):
        return None
    return "male" if male else "female"


def _word_sex(text: str) -> Optional[str]:
    found = _SEX_WORD.search(text)
    if not found:
        return None
    return "female" if found.group(1).lower() in _FEMALE_WORDS else "male"


def _letter_sex(text: str) -> Optional[str]:
    found = _SEX_LETTER.search(text)
    if not found:
        return None
    return "female" if (found.group(1) or found.group(2)).lower() == "f" else "male"


def _pronoun_sex(text: str) -> Optional[str]:
    he, she = len(_HE.findall(text)), len(_SHE.findall(text))
    if he and not she:
        return "male"
    if she and not he:
        return "female"
    return None
